"""Scans: PDF pages without a usable text layer, and image files, read by OCR.

:mod:`matcher.read.ocr` turns an image into words with their boxes; here a PDF's pages
that need it are chosen (:func:`pages_to_ocr`), rendered and recognised, and their words
laid out by the same :func:`~matcher.read.layout.layout_page` as a PDF's.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from matcher.document import Line, ResumeText
from matcher.errors import NoTextError, UnreadableFileError
from matcher.read import ocr as _ocr
from matcher.read.furniture import finish_pdf_lines
from matcher.read.layout import layout_page
from matcher.read.words import PdfPage, Word

log = logging.getLogger("matcher.read")  # the stage's name in `-v` output


DEFAULT_UNDECODABLE_SHARE = 0.5
"""A text layer whose glyphs are mostly without a character cannot be read: the font has no
Unicode map (a LaTeX font embedded without one), and what remains is scraps."""
DEFAULT_COMMON_LETTER_SHARE = 0.55
"""In text of a language written in Latin letters, the ten most common English letters
(e t a o i n s r h l) make up about 65-75% of the letters; a font whose Unicode map is
scrambled gives letters that stand for other letters, of which far fewer are these."""
DEFAULT_MIN_LETTERS = 300
"""Letters needed before their frequencies are judged (a short page proves nothing)."""
_COMMON_LETTERS = "etaoinsrhl"
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def cannot_decode(pages: Sequence[PdfPage], lines: Sequence[Line]) -> bool:
    """True when the text layer decodes to garbage: most glyphs have no character, or the
    letters it gives are not the letters of text (a scrambled Unicode map, a font's codes
    taken for characters).  One rule on what both engines extracted."""
    undecodable = sum(page.undecodable for page in pages)
    if undecodable:
        decoded = sum(len(word.text) for page in pages for word in page.words)
        if undecodable >= DEFAULT_UNDECODABLE_SHARE * (undecodable + decoded):
            return True
    text = "\n".join(line.text for line in lines).lower()
    letters = sum(map(text.count, _ASCII_LETTERS))
    if letters < DEFAULT_MIN_LETTERS:
        return False
    common = sum(map(text.count, _COMMON_LETTERS))
    return common < DEFAULT_COMMON_LETTER_SHARE * letters


DEFAULT_OCR_MIN_WORDS = 25
"""A page with fewer words of text layer than this, under an image covering most of it,
is a scan with a few words stamped on (a scanner's or an app's label): read by OCR."""
DEFAULT_OCR_IMAGE_SHARE = 0.5
"""Share of a page an image must cover for the page to count as a scan."""


def pages_to_ocr(
    data: bytes, pages: Mapping[int, PdfPage], laid_out: Mapping[int, list[Line]], *, always: bool
) -> dict[int, str]:
    """The pages to read by OCR, in order, each with the reason shown in its warning."""
    if always:
        return {number: "--ocr always" for number in sorted(pages)}
    reasons: dict[int, str] = {}
    few: list[int] = []
    for number in sorted(pages):
        page = pages[number]
        if not page.words:
            reasons[number] = "no text layer"
        elif cannot_decode([page], laid_out[number]):
            reasons[number] = "its text layer cannot be decoded"
        elif len(page.words) < DEFAULT_OCR_MIN_WORDS:
            few.append(number)
    for number in _image_covered(data, few):
        reasons[number] = "a scanned image under a few words of text"
    if not reasons and cannot_decode(
        list(pages.values()), [line for lines in laid_out.values() for line in lines]
    ):
        return dict.fromkeys(sorted(pages), "its text layer cannot be decoded")
    return dict(sorted(reasons.items()))


def _image_covered(data: bytes, numbers: Sequence[int]) -> list[int]:
    """Those of the pages that an image covers for the most part (a scan)."""
    if not numbers:
        return []
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    covered = []
    pdf = pdfium.PdfDocument(data)
    try:
        for number in numbers:
            page = pdf[number]
            width, height = page.get_size()
            for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)):
                # The raw call: pypdfium2 renamed its helper (get_pos, then get_bounds).
                box = [ctypes.c_float() for _ in range(4)]
                pdfium_c.FPDFPageObj_GetBounds(image.raw, *map(ctypes.byref, box))
                left, bottom, right, top = (value.value for value in box)
                if (right - left) * (top - bottom) >= DEFAULT_OCR_IMAGE_SHARE * width * height:
                    covered.append(number)
                    break
            page.close()
    except pdfium.PdfiumError:  # the engine read these pages: a failure here is no scan
        pass
    finally:
        pdf.close()
    return covered


def ocr_pdf_page(data: bytes, name: str, number: int, reason: str) -> tuple[PdfPage, list[Line]]:
    """A PDF page rendered by PDFium and read by OCR: its words, and its lines laid out."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[number]
        width, height = page.get_size()
        scale = _ocr.render_scale(width, height)
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        page.close()
    except pdfium.PdfiumError as exc:
        raise UnreadableFileError(f"{name}: cannot render page {number + 1} ({exc})") from exc
    finally:
        pdf.close()
    return _ocr_page(image, 1.0 / scale, name, number, reason)


def _ocr_page(
    image: Any, scale: float, name: str, number: int, reason: str
) -> tuple[PdfPage, list[Line]]:
    read = _ocr.recognise(image, scale=scale)
    log.info(
        "ocr %s: page %d (%s), %d words, skew %.1f°, %.3f s",
        name,
        number + 1,
        reason,
        len(read.words),
        read.skew,
        read.seconds,
    )
    words = [Word(*word, False, True) for word in read.words]
    page = PdfPage(words, read.width, read.height)
    lines = layout_page(words, number, read.width, read.height)
    return page, [replace(line, ocr=True) for line in lines]


def ocr_warning(number: int, reason: str) -> str:
    return f"page {number + 1} read by OCR ({reason}): check names, dates and skills"


def page_list(numbers: Iterable[int]) -> str:
    shown = [str(number + 1) for number in sorted(numbers)]
    return f"page {shown[0]}" if len(shown) == 1 else f"pages {', '.join(shown)}"


def no_ocr_hint(ocr: str) -> str:
    if ocr == "never":
        return "Leave out --ocr never to read it by OCR."
    return _ocr.INSTALL_HINT


def read_image(data: bytes, name: str, max_pages: int, ocr: str) -> ResumeText:
    """A scanned or photographed resume: each frame of the image file read by OCR."""
    # Damaged and huge images are refused as such, OCR or not (Pillow comes with pdfplumber).
    frames, count = _ocr.image_pages(data, name, max_pages=max_pages)
    if ocr == "never" or not _ocr.ocr_available():
        raise NoTextError(f"{name}: an image, which only OCR can read", hint=no_ocr_hint(ocr))
    warnings = []
    if count > max_pages:
        warnings.append(f"read only the first {max_pages} of {count} pages")
    laid_out = []
    heights = {}
    for number, (image, scale) in enumerate(frames):
        page, lines = _ocr_page(image, scale, name, number, "an image")
        laid_out.append((number, lines))
        heights[number] = page.height
        warnings.append(ocr_warning(number, "an image"))
    lines = finish_pdf_lines(laid_out, heights, count)
    if not lines:
        raise NoTextError(
            f"{name}: OCR found no text in the image — is it blank?",
            hint="Check that the image shows the resume, and scan it again if not.",
        )
    return ResumeText(
        file=name,
        format="image",
        lines=tuple(lines),
        pages=count,
        warnings=tuple(warnings),
        ocr_pages=tuple(range(len(frames))),
    )
