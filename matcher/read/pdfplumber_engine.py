"""The ``pdfplumber`` engine (the default): pdfminer's character boxes, through pdfplumber.

Thin: it hands each page's characters to :func:`~matcher.read.words.build_words`, and
turns pdfminer's failures into :class:`~matcher.errors.UnreadableFileError`.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

from matcher.errors import UnreadableFileError
from matcher.read.chars import glyph_text
from matcher.read.failures import describe
from matcher.read.words import Glyph, PdfPage, PdfRead, build_words, is_bold_font

# pdfminer logs every oddity of a malformed file at WARNING.  Without a handler of its own
# that output would reach stderr through logging's last-resort handler; an application
# that configures logging still receives it.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def _pdfplumber_glyphs(chars: list[dict[str, Any]]) -> Iterator[Glyph]:
    for i, char in enumerate(chars):
        text = char["text"]
        if len(text) != 1 or not ("!" <= text <= "~"):
            text = glyph_text(text)
        yield (text, char["x0"], char["x1"], char["top"], char["bottom"], i)


def pdfplumber_pages(data: bytes, name: str, max_pages: int) -> PdfRead:
    # Imported here: pdfminer is slow to import and `matcher --help` must start fast.
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    # pdfplumber wraps whatever pdfminer raises while opening a file or interpreting a page
    # in PdfminerException; object resolution outside those steps raises pdfminer's own
    # PSException family, and a bad page box MalformedPDFException.
    failures = (PdfminerException, MalformedPDFException, PSException)

    def fail(exc: BaseException) -> UnreadableFileError:
        inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(inner, PDFPasswordIncorrect):
            return UnreadableFileError(f"{name}: encrypted PDF (password-protected)")
        if isinstance(inner, PDFEncryptionError):
            return UnreadableFileError(f"{name}: encrypted PDF ({describe(inner)})")
        return UnreadableFileError(f"{name}: corrupt PDF ({describe(exc)})")

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except failures as exc:
        raise fail(exc) from exc
    try:
        try:
            all_pages = pdf.pages
        except failures as exc:
            raise fail(exc) from exc
        out: list[tuple[int, PdfPage]] = []
        failed: list[str] = []
        first_failure: BaseException | None = None
        for number, page in enumerate(all_pages[:max_pages]):
            try:
                chars: list[dict[str, Any]] = page.chars
                width, height = float(page.width), float(page.height)
            except failures as exc:
                first_failure = first_failure or exc
                failed.append(f"page {number + 1}: {describe(exc)}")
                continue

            def style(index: int, chars: list[dict[str, Any]] = chars) -> tuple[float, bool]:
                char = chars[index]
                return float(char["size"]), is_bold_font(str(char["fontname"]))

            words, undecodable = build_words(_pdfplumber_glyphs(chars), style)
            out.append((number, PdfPage(words, width, height, undecodable)))
            page.close()  # drops pdfplumber's per-page caches; a batch reads many files
        if first_failure is not None and not out:
            raise fail(first_failure) from first_failure
        return PdfRead(out, len(all_pages), failed)
    finally:
        # Not `with pdf`: closing walks the page tree again, and raises again when that
        # tree is what failed.  The stream is ours (BytesIO), so nothing leaks.
        with contextlib.suppress(*failures):
            pdf.close()
