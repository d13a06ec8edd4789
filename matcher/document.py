"""The text of a document as read: lines in reading order, with where they stood.

The read stage produces a :class:`ResumeText`; every later stage works on it.  Layout
facts (position, font size, weight) are kept because headings are often told apart by
them rather than by their words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def display_name(name: str) -> str:
    """A file name fit for output: bytes that are not UTF-8 (kept by Python as surrogate
    escapes) become U+FFFD, so JSON, CSV and HTML writers never fail on them."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


BULLET_GLYPHS = "•●▪■◦○◆◇♦►▶▸▹➢➣➤✓✔✗❖❯⁃∙·‣★☆✦✧✱✲✳✴✵✶✷✸✹❋☐☑□▫◾◼⦁⚫➔→⇒»"
"""The symbols that mark an item of a list at a line's start, glued to its text or not (no
sentence opens with one), as the body of a character class (``rf"[{BULLET_GLYPHS}]"``).
Marks that open text too (dashes, "*", "o", "1.") need rules of their own, where they are
read."""


_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_FOLDED_TO_ASCII = (
    ("\u0130", "i"),  # capital I with dot above
    ("\u0131", "i"),  # dotless i
    ("\u017f", "s"),  # long s
    ("\u212a", "k"),  # Kelvin sign
)


def fold_case(text: str) -> str:
    """``text`` with every character that a case-insensitive pattern matches to an ASCII
    letter replaced by that lower-case letter: A-Z, and the four others Python's ``re``
    folds to one (dotted and dotless I, long S, the Kelvin sign).  Nothing else changes,
    and every character keeps its place."""
    if text.isascii():
        return text.lower()
    # A-Z as UTF-8 bytes, which never occur inside a multi-byte character: one pass in C,
    # where a translation table of characters costs a dictionary lookup per character.
    raw = text.encode("utf-8", "surrogatepass").translate(_ASCII_LOWER)
    folded = raw.decode("utf-8", "surrogatepass")
    for special, letter in _FOLDED_TO_ASCII:
        if special in folded:
            folded = folded.replace(special, letter)
    return folded


@dataclass(frozen=True)
class Line:
    """One line of text in reading order."""

    text: str
    """The line, whitespace-normalised (single spaces, no leading/trailing space)."""
    page: int = 0
    """Zero-based page number (0 for formats without pages)."""
    column: int = 0
    """Zero-based column on the page, left to right (0 for single-column text)."""
    x0: float = 0.0
    """Left edge in points from the page's left side (0 where unknown)."""
    top: float = 0.0
    """Top edge in points from the page's top (0 where unknown)."""
    size: float = 0.0
    """Dominant font size in points (0 where unknown)."""
    bold: bool = False
    """True when most characters of the line are in a bold face (or a DOCX bold run)."""
    ocr: bool = False
    """True when the line was read by OCR from an image of the page (a scan, a photo):
    its words may be misread, and it carries no font weight."""


@dataclass(frozen=True)
class ResumeText:
    """A document as read, before any interpretation."""

    file: str
    """The file's name (never an absolute path: output must not leak the machine's layout)."""
    format: str
    """``"pdf"``, ``"docx"``, ``"text"`` or ``"image"`` (PNG, JPEG, TIFF: read by OCR)."""
    lines: tuple[Line, ...]
    """Every non-empty line, in reading order (column by column, page by page)."""
    pages: int = 1
    engine: str = ""
    """The PDF engine that read it (``"pdfplumber"`` or ``"pdfium"``); empty for other formats."""
    warnings: tuple[str, ...] = field(default=())
    """Things the reader noticed that a user should know (pages skipped, fallbacks taken)."""
    written: date | None = None
    """The date the file says it was last saved (PDF ModDate, else CreationDate; DOCX
    modified, else created), as the file states it; None when it states none (text files).
    The parse stage may read "Present" as this date (see
    :func:`matcher.parse.as_of.choose_as_of`)."""
    ocr_pages: tuple[int, ...] = ()
    """Zero-based numbers of the pages read by OCR (see :mod:`matcher.read.ocr`)."""

    @property
    def text(self) -> str:
        """The whole document as one string, one line per line."""
        return "\n".join(line.text for line in self.lines)

    @classmethod
    def from_string(cls, text: str, *, file: str = "<text>") -> ResumeText:
        """Build a document from plain text (for job postings given inline, and tests)."""
        lines = tuple(
            Line(text=" ".join(raw.split()), top=float(number))
            for number, raw in enumerate(text.splitlines())
            if raw.strip()
        )
        return cls(file=file, format="text", lines=lines)
