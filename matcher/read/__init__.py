"""The read stage: a resume file (PDF, DOCX, text, Markdown or an image) → :class:`ResumeText`.

The format is decided by the file's content (``%PDF`` header, a ZIP holding
``word/document.xml``), and only then by its name.  Every failure a hostile or broken file
can cause is raised as :class:`~matcher.errors.UnreadableFileError` or
:class:`~matcher.errors.NoTextError` with a one-line message that starts with the file's name.

The modules, in the order a PDF goes through them:

* :mod:`~matcher.read.reader` — :func:`read_resume`: load the file, tell its format;
* :mod:`~matcher.read.pdf` — a PDF through one of two engines that only turn a page into
  positioned glyphs: :mod:`~matcher.read.pdfplumber_engine` (``"pdfplumber"``, the default)
  and :mod:`~matcher.read.pdfium_engine` (``"pdfium"``, many times faster);
* :mod:`~matcher.read.words` — glyphs → words, :mod:`~matcher.read.chars` — each glyph's
  text (ligatures, odd spaces, icons, bullets, soft hyphens);
* :mod:`~matcher.read.layout` — one page's words → lines in reading order, through
  :mod:`~matcher.read.rows`, :mod:`~matcher.read.margins` (side headings) and
  :mod:`~matcher.read.columns`; pure functions, so both engines give the same lines;
* :mod:`~matcher.read.furniture` — page numbers and running headers and footers dropped;
* :mod:`~matcher.read.scans` and :mod:`~matcher.read.ocr` — pages without a usable text
  layer (a scan, a text layer that decodes to garbage), and image files (PNG, JPEG, TIFF),
  read by OCR (the optional ``ocr`` extra): its words go through the same layout as a
  PDF's, and their lines are marked :attr:`~matcher.document.Line.ocr`;
* :mod:`~matcher.read.docx_reader` and :mod:`~matcher.read.plain_text` — the other formats.
"""

from matcher.read.pdf import DEFAULT_ENGINE, ENGINES
from matcher.read.reader import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PAGES,
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    read_resume,
)

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PAGES",
    "ENGINES",
    "SUPPORTED_FORMATS",
    "SUPPORTED_SUFFIXES",
    "read_resume",
]
