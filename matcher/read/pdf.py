"""PDF: the engines' pages laid out, scanned pages read by OCR, the file's own date.

PDFs are read by one of two engines that share all layout logic: ``"pdfplumber"``
(default, :mod:`~matcher.read.pdfplumber_engine`) and ``"pdfium"``
(:mod:`~matcher.read.pdfium_engine`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from matcher.document import ResumeText
from matcher.errors import NoTextError, UnreadableFileError
from matcher.read import ocr as _ocr
from matcher.read.furniture import finish_pdf_lines
from matcher.read.layout import layout_page
from matcher.read.pdfium_engine import pdfium_pages
from matcher.read.pdfplumber_engine import pdfplumber_pages
from matcher.read.scans import (
    cannot_decode,
    no_ocr_hint,
    ocr_pdf_page,
    ocr_warning,
    page_list,
    pages_to_ocr,
)
from matcher.read.words import PdfRead

DEFAULT_ENGINE = "pdfplumber"
ENGINES = ("pdfplumber", "pdfium")


_ENGINES: dict[str, Callable[[bytes, str, int], PdfRead]] = {
    "pdfplumber": pdfplumber_pages,
    "pdfium": pdfium_pages,
}


def read_pdf(data: bytes, name: str, engine: str, max_pages: int, ocr: str) -> ResumeText:
    read = _ENGINES[engine](data, name, max_pages)
    if read.page_count == 0:
        raise UnreadableFileError(f"{name}: PDF has no pages")
    warnings = [f"could not read {failure}" for failure in read.failed]
    if read.page_count > max_pages:
        warnings.append(f"read only the first {max_pages} of {read.page_count} pages")
    pages = dict(read.pages)
    laid_out = {
        number: layout_page(page.words, number, page.width, page.height)
        for number, page in read.pages
    }
    scanned: dict[int, str] = {}
    if ocr != "never" and _ocr.ocr_available():
        scanned = pages_to_ocr(data, pages, laid_out, always=ocr == "always")
        for number, reason in scanned.items():
            pages[number], laid_out[number] = ocr_pdf_page(data, name, number, reason)
            warnings.append(ocr_warning(number, reason))
    heights = {number: page.height for number, page in pages.items()}
    lines = finish_pdf_lines(sorted(laid_out.items()), heights, read.page_count)
    text_layer = [page for number, page in pages.items() if number not in scanned]
    if cannot_decode(text_layer, [line for line in lines if not line.ocr]):
        raise NoTextError(f"{name}: the text layer cannot be decoded", hint=no_ocr_hint(ocr))
    if not lines:
        if scanned:
            raise NoTextError(
                f"{name}: no text layer, and OCR found no text on "
                f"{page_list(scanned)} — is it blank?",
                hint="Check that the scan shows the resume, and scan it again if not.",
            )
        raise NoTextError(f"{name}: no text layer — is it a scanned image?", hint=no_ocr_hint(ocr))
    blank = [str(n + 1) for n, page in pages.items() if not page.words and n not in scanned]
    if blank:
        unread = "" if ocr == "never" else f" {_ocr.INSTALL_SHORT} to read it by OCR"
        warnings.append(f"no text layer on page {', '.join(blank)} (scanned?{unread})")
    return ResumeText(
        file=name,
        format="pdf",
        lines=tuple(lines),
        pages=read.page_count,
        engine=engine,
        warnings=tuple(warnings),
        written=_pdf_written(data),
        ocr_pages=tuple(sorted(scanned)),
    )


# The file's own date: when it was last saved, which is when the resume's "Present" was.
_PDF_DATE_RE = re.compile(r"(?:D:)?(\d{4})(\d{2})(\d{2})?")
_PDF_DATE_KEYS = ("ModDate", "CreationDate")


def _pdf_written(data: bytes) -> date | None:
    """The date a PDF's Info dictionary gives, read with PDFium whichever engine read the
    text, so both engines agree."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        return _pdf_info_date({key: pdf.get_metadata_value(key) for key in _PDF_DATE_KEYS})
    finally:
        pdf.close()


def _pdf_info_date(info: Mapping[str, str]) -> date | None:
    """ModDate, else CreationDate, of a PDF Info dictionary ("D:20150317093000+01'00'"):
    the day as the author's clock wrote it; None when neither is a date."""
    for key in _PDF_DATE_KEYS:
        match = _PDF_DATE_RE.match(info.get(key, "").strip())
        if match is None:
            continue
        year, month, day = match.groups()
        try:
            return date(int(year), int(month), int(day or 1))
        except ValueError:
            continue
    return None
