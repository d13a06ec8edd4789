"""The read stage's entry point: :func:`read_resume` loads a file, tells its format by its
content, and hands it to that format's reader."""

from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import replace
from pathlib import Path

from matcher.document import Line, ResumeText, display_name
from matcher.errors import UnreadableFileError, UsageError
from matcher.read import ocr as _ocr
from matcher.read.docx_reader import read_docx
from matcher.read.pdf import DEFAULT_ENGINE, ENGINES, read_pdf
from matcher.read.plain_text import read_text
from matcher.read.scans import read_image

DEFAULT_MAX_PAGES = 50
"""Pages read from a PDF; later pages are skipped with a warning (a resume is never that long,
and a 2,000-page file must not stall a batch)."""
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this are refused before any parsing starts."""

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
SUPPORTED_SUFFIXES = (".pdf", ".docx", *TEXT_SUFFIXES, *_ocr.IMAGE_SUFFIXES)
"""Every file name ending read as a resume (a folder walk in :mod:`matcher.batch` takes
exactly these)."""
SUPPORTED_FORMATS = "PDF, DOCX, TXT, Markdown, PNG, JPEG or TIFF"


def _looks_like(data: bytes) -> str:
    """What a file that is not what its name says seems to be, for the error message."""
    head = data[:512].lstrip().lower()
    for magic, kind in (
        (b"pk\x03\x04", "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc) or an encrypted Office file"),
        (b"\x89png", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"gif8", "a GIF image"),
        (b"{\\rtf", "an RTF document"),
        (b"<!doctype html", "an HTML page"),
        (b"<html", "an HTML page"),
        (b"<?xml", "an XML file"),
    ):
        if head.startswith(magic):
            return kind
    if b"\x00" in data[:512]:
        return "binary data"
    return "text"


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
"""PNG, JPEG, and TIFF in either byte order."""


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    # zipfile raises NotImplementedError for a ZIP version or method it does not know.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError):
        return False


def _load(path: Path, name: str, max_bytes: int) -> bytes:
    folder_hint = "Give one file; `matcher batch FOLDER` scores every resume in a folder."
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFileError(f"{name}: is a directory, not a file", hint=folder_hint)
        if not stat.S_ISREG(info.st_mode):
            # FIFOs and devices would block or never end.
            raise UnreadableFileError(f"{name}: not a regular file")
        if info.st_size > max_bytes:
            raise UnreadableFileError(
                f"{name}: file is {_size(info.st_size)}, over the {_size(max_bytes)} limit"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        hint = "Check the path: a relative one starts from the current folder."
        raise UnreadableFileError(f"{name}: no such file", hint=hint) from exc
    except PermissionError as exc:
        hint = "Make the file readable for your user (chmod u+r FILE), or copy it somewhere."
        raise UnreadableFileError(f"{name}: permission denied", hint=hint) from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError(f"{name}: is a directory, not a file", hint=folder_hint) from exc
    except OSError as exc:
        raise UnreadableFileError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # it grew after stat()
        raise UnreadableFileError(f"{name}: file is over the {_size(max_bytes)} limit")
    if not data:
        raise UnreadableFileError(f"{name}: empty file (0 bytes)")
    return data


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def read_resume(
    path: Path,
    *,
    engine: str = DEFAULT_ENGINE,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: str = _ocr.DEFAULT_OCR,
) -> ResumeText:
    """Read a resume file into lines in reading order.

    The format comes from the content: a ``%PDF`` header makes a PDF and a ZIP holding
    ``word/document.xml`` a DOCX, whatever the file is called; other files are read as text
    when named ``.txt``, ``.text``, ``.md`` or ``.markdown``.

    PDF: columns are detected per page and read one after the other (a full-width header
    first); fake-bold duplicate glyphs, page numbers and running footers are dropped, and
    a running header is kept once, on the first page; ligatures and bullets are normalised
    and words hyphenated across lines joined.  Only the first ``max_pages`` pages are read:
    ``pages`` still gives the file's page count and ``warnings`` says what was skipped.  A
    page that cannot be parsed is skipped with a warning as long as another page can be.

    DOCX: the page header first (templates keep the name and contact details there), then
    the body in order (paragraphs, tables cell by cell, content controls, text boxes), then
    the footer; each distinct header or footer line once, page numbers dropped.

    Text: UTF-8 with or without BOM, UTF-16/32 with BOM, else Windows-1252/Latin-1 (with
    a warning); Markdown heading marks, emphasis around a whole line and bullets are
    stripped.

    OCR (``ocr``, one of :data:`matcher.read.ocr.OCR_MODES`; needs the ``ocr`` extra): with
    ``"auto"``, PDF pages without a text layer, with one that decodes to garbage, or with a
    few words over a page-sized image, and PNG, JPEG and TIFF files, are read by OCR; with
    ``"always"`` every page is; with ``"never"`` none.  Each page read so gets a warning,
    is listed in ``ocr_pages``, and its lines are marked ``ocr``.

    PDF and DOCX: the file's own date (PDF ModDate, else CreationDate; DOCX core
    properties' modified, else created) is kept as ``written``, for the parse stage to
    read "Present" by.

    Raises:
        UnreadableFileError: missing, a directory, unreadable, empty (0 bytes), larger
            than ``max_bytes``, not the format its name claims, an unsupported format,
            corrupt, or encrypted.
        NoTextError: the file opens but holds no text (a scanned PDF without OCR, a
            blank scan).
        UsageError: ``engine`` is not one of :data:`~matcher.read.pdf.ENGINES`, or ``ocr``
            not an OCR mode (or ``"always"`` without the ``ocr`` extra).
    """
    return _within_text_limit(_read_any(path, engine, max_pages, max_bytes, ocr))


DEFAULT_MAX_CHARS = 300_000
"""Characters of text kept (about 100 pages of resume): later stages cost time in
proportion to the text, so a 10 MB text file is read in part, with a warning."""


def _within_text_limit(document: ResumeText, max_chars: int = DEFAULT_MAX_CHARS) -> ResumeText:
    total = sum(len(line.text) + 1 for line in document.lines)
    if total <= max_chars:
        return document
    kept: list[Line] = []
    room = max_chars
    for line in document.lines:
        if room <= 0:
            break
        kept.append(line if len(line.text) < room else replace(line, text=line.text[:room]))
        room -= len(line.text) + 1
    warning = f"read only the first {max_chars:,} of {total:,} characters of text"
    return replace(document, lines=tuple(kept), warnings=(*document.warnings, warning))


def _read_any(path: Path, engine: str, max_pages: int, max_bytes: int, ocr: str) -> ResumeText:
    if engine not in ENGINES:
        raise UsageError(f"unknown PDF engine {engine!r} (choose {' or '.join(ENGINES)})")
    _ocr.require_ocr(ocr)
    name = display_name(path.name)
    data = _load(path, name, max_bytes)
    suffix = path.suffix.lower()
    if b"%PDF-" in data[:1024]:  # the header may follow junk bytes (PDF 1.7, §7.5.2)
        return read_pdf(data, name, engine, max(1, max_pages), ocr)
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return read_docx(data, name)
    if data.startswith(_IMAGE_MAGIC):
        return read_image(data, name, max(1, max_pages), ocr)
    if suffix in _ocr.IMAGE_SUFFIXES:
        raise UnreadableFileError(f"{name}: not a PNG, JPEG or TIFF image ({_looks_like(data)})")
    if suffix == ".pdf":
        raise UnreadableFileError(f"{name}: not a PDF ({_looks_like(data)})")
    if suffix == ".docx":
        if data.startswith(b"PK\x03\x04"):
            raise UnreadableFileError(f"{name}: not a DOCX (a ZIP without word/document.xml)")
        raise UnreadableFileError(f"{name}: not a DOCX ({_looks_like(data)})")
    if suffix in TEXT_SUFFIXES:
        return read_text(data, name)
    shown = f"'{suffix}'" if suffix else "without an extension"
    raise UnreadableFileError(
        f"{name}: unsupported format {shown} (supported: {SUPPORTED_FORMATS})"
    )
