"""The read stage: a resume file (PDF, DOCX, plain text or Markdown) → :class:`ResumeText`.

The format is decided by the file's content (``%PDF`` header, a ZIP holding
``word/document.xml``), and only then by its name.  Every failure a hostile or broken file
can cause is raised as :class:`~matcher.errors.UnreadableFileError` or
:class:`~matcher.errors.NoTextError` with a one-line message that starts with the file's name.

PDFs are read by one of two engines that share all layout logic.  Each engine only turns a
page into positioned glyphs; :func:`_build_words` turns glyphs into words and
:func:`_layout_page` finds the columns and lines, so both engines give the same lines on
ordinary PDFs:

* ``"pdfplumber"`` (default) — pdfminer's character boxes through pdfplumber.
* ``"pdfium"`` — PDFium's character boxes through pypdfium2, many times faster.  PDFium
  handles are not thread-safe: run parallel reads in processes, not threads.

Pages without a usable text layer (a scan, a text layer that decodes to garbage), and image
files (PNG, JPEG, TIFF), are read by OCR (:mod:`matcher.ocr`, the optional ``ocr`` extra):
its words, with their boxes, go through the same layout as a PDF's, and their lines are
marked :attr:`~matcher.document.Line.ocr`.
"""

from __future__ import annotations

import codecs
import contextlib
import ctypes
import io
import logging
import re
import stat
import zipfile
import zlib
from array import array
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import compress, pairwise, repeat
from math import ceil, hypot
from operator import attrgetter, eq, sub
from pathlib import Path
from typing import Any, NamedTuple

from matcher import ocr as _ocr
from matcher.document import Line, ResumeText, display_name
from matcher.errors import NoTextError, UnreadableFileError, UsageError

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PAGES",
    "ENGINES",
    "SUPPORTED_FORMATS",
    "SUPPORTED_SUFFIXES",
    "read_resume",
]

DEFAULT_ENGINE = "pdfplumber"
ENGINES = ("pdfplumber", "pdfium")
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

DEFAULT_WORD_GAP = 0.08
"""A horizontal gap wider than this fraction of the font size, with no space character in it,
separates two words.  pdfplumber's default (3 pt, absolute) glues LaTeX words together
("CORNELLUNIVERSITY"); pdftotext uses 0.1.  HTML-rendered PDFs whose space glyphs PDFium
drops leave word gaps as narrow as 0.09 em, while kerned gaps inside words stay below 0.07 em."""
DEFAULT_WORD_OVERLAP = 0.5
"""A glyph that starts this fraction of the font size *left* of the previous glyph's end starts
a new word: the text stream jumped back (overprinting, out-of-order drawing)."""
DEFAULT_DUPLICATE_TOLERANCE = 1.0
"""Same glyph within this many points of another: a "fake bold" copy (as pdfplumber's
``dedupe_chars``, tolerance 1)."""
DEFAULT_ROW_TOLERANCE = 0.35
"""Words whose bottoms differ by less than this fraction of the font size share a line."""
DEFAULT_GUTTER_MIN_HEIGHT = 0.5
"""A gutter is a vertical band free of words over at least this fraction of the page's text
height (the rest is a full-width header above, or footer below, the columns)."""
DEFAULT_GUTTER_MIN_WIDTH = 1.0
"""Minimum gutter width as a fraction of the page's median font size (word spaces are ~0.25)."""
DEFAULT_COLUMN_MIN_SHARE = 0.4
"""A column must span this share of its band's height; a shorter one is a box beside the
text, and the band shrinks to it."""
DEFAULT_STRAGGLER_GAP = 3.0
"""A line at a column band's edge this many line heights from its column's next line, and
beyond the other columns' text, belongs to the full-width text (see _detach_stragglers)."""
DEFAULT_MIN_COLUMN_LINES = 3
"""Each side of a gutter must hold at least this many lines for it to split columns."""
DEFAULT_SIDE_GAP = 0.6
"""Text in a side margin (headings, dates left of the content) ends at least this fraction of
the font size before the content edge."""
DEFAULT_SIDE_MIN_WIDTH = 3.0
"""A side margin's content edge lies at least this many font sizes right of the page's left
text edge (closer, it is an indent)..."""
DEFAULT_SIDE_MAX_SHARE = 0.35
"""...and at most this share of the text width (further, the left side is a column)."""
DEFAULT_SIDE_MAX_ROWS = 3
"""Rows one margin text may wrap over ("Work" / "Experience", "2017 –" / "Present")."""
DEFAULT_SIDE_WRAP_PITCH = 1.2
"""Line spacing assumed, in font sizes, where the content column shows none: margin rows one
line apart are one text wrapped ("2017 –" / "Present"); entries are set further apart."""
DEFAULT_SIDE_MAX_WORDS = 8
"""Words one margin text may hold: a heading or a date range, not a sidebar's paragraph."""
DEFAULT_SIDE_MAX_CROSSING = 0.4
"""Share of a page's rows that may run across a side margin's edge (a header, a full-width
section); more, and the page is a single column with an indented block."""
DEFAULT_MARGIN_BAND = 0.12
"""Running headers, footers and page numbers are looked for in the top and bottom fraction
of the page."""
DEFAULT_ROW_MIN_CELLS = 3
"""A DOCX table row of at least this many cells, each one line, is a data table's row and
reads as one line; fewer cells are a layout (a heading cell beside a content cell)."""

# pdfminer logs every oddity of a malformed file at WARNING.  Without a handler of its own
# that output would reach stderr through logging's last-resort handler; an application
# that configures logging still receives it.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
log = logging.getLogger(__name__)

_BIN = 2.0  # points per bin of the gutter sweep; far below any real gutter width
_MAX_PAGE_SIDE = 14_400.0  # points: 200 inches, the largest page PDF 1.7 allows


# --------------------------------------------------------------------------------------------
# Character normalisation


def _char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {
        0xFB00: "ff",
        0xFB01: "fi",
        0xFB02: "fl",
        0xFB03: "ffi",
        0xFB04: "ffl",
        0xFB05: "st",
        0xFB06: "st",
        0x2010: "-",
        0x2011: "-",
        # Unknown glyphs, not letters: the replacement character and two non-characters.
        0xFFFD: " ",
        0xFFFE: " ",
        0xFFFF: " ",
    }
    # Control characters, private-use glyphs (Symbol/Wingdings bullets, icon fonts) and lone
    # surrogates carry no text; each separates words.  Surrogates must go: they cannot be
    # encoded as UTF-8 when the result is written out.
    for start, stop in ((0x00, 0x20), (0x7F, 0xA0), (0xD800, 0xE000), (0xE000, 0xF900)):
        table.update(dict.fromkeys(range(start, stop), " "))
    # Exotic spaces become plain ones; zero-width characters vanish without breaking a word.
    for code in (0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000):
        table[code] = " "
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
        table[code] = None
    return table


_CHAR_TABLE = _char_table()
_SOFT_HYPHEN = "\u00ad"

_BULLET_GLYPHS = "•●▪■◦○◆◇►▶▸▹➢➣➤✓✔✗❖❯⁃∙·‣★☆✦✧✱✲✳✴✵✶✷✸✹❋☐☑□▫◾◼⦁⚫➔→⇒»"
_BULLET_RE = re.compile(
    rf"^(?:[{_BULLET_GLYPHS}]+\s*|(?:[-–—*+o]|--)\s+)",  # glued dashes stay: "-5% cost"
)
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
_MD_RULE_RE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_MD_STRONG_RE = re.compile(r"^(\*\*|__)(.+)\1$")
_PAGE_NUMBER_RE = re.compile(
    r"^[-–—|(\[\s]*(?:page\s*|p\.\s*)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?[-–—|)\]\s]*$",
    re.IGNORECASE,
)
_RUNNING_PAGE_RE = re.compile(r"\bpage\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi|cmbx|sfbx", re.IGNORECASE)
# Prefixes that form real compounds: a line broken after "cross-" is "cross-functional".
_COMPOUND_PREFIXES = frozenset(
    {
        "anti",
        "co",
        "cross",
        "cutting",
        "data",
        "e",
        "end",
        "ex",
        "full",
        "hands",
        "high",
        "long",
        "low",
        "multi",
        "non",
        "off",
        "on",
        "open",
        "part",
        "post",
        "pre",
        "real",
        "self",
        "semi",
        "short",
        "state",
        "team",
        "well",
        "world",
        "x",
    }
)


def _clean_line(text: str) -> str:
    """Whitespace-normalise a line and drop a bullet glyph at its start."""
    text = " ".join(text.split())
    for _ in range(2):  # "• – text" carries two markers
        stripped = _BULLET_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text


def _is_bold_font(fontname: str) -> bool:
    return _BOLD_FONT_RE.search(fontname) is not None


# --------------------------------------------------------------------------------------------
# Shared PDF layout: glyphs → words → columns → lines


Glyph = tuple[str, float, float, float, float, int]
"""``(text, x0, x1, top, bottom, index)``; coordinates in points from the page's top left.
``index`` is handed back to the engine's style callback when a word starts there."""

StyleLookup = Callable[[int], tuple[float, bool] | None]
"""Given a glyph index, the glyph's font size (points, as rendered) and whether it is bold;
``None`` when the engine knows no character for the glyph (it has no Unicode mapping)."""


class _Word(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    space_after: bool
    """A space (or unknown glyph) followed it in the content stream: never glue it on."""


@dataclass(frozen=True)
class _PdfPage:
    """One page as an engine saw it, before layout."""

    words: list[_Word]
    width: float
    height: float
    undecodable: int = 0
    """Glyphs on the page that have no character (see :data:`_UNDECODABLE`)."""


_UNDECODABLE = "\x00"
"""The text of a glyph the file gives no character for.  It separates words like a space
and is counted (see :func:`_cannot_decode`); no real character maps to it (control
characters become spaces)."""


def _glyph_text(text: str) -> str:
    """A glyph's text, normalised: ``""`` for nothing (a zero-width mark), ``" "`` for a
    word separator (whitespace, an icon), :data:`_UNDECODABLE` for a glyph without a
    Unicode mapping, else its letters with ligatures expanded.  Engines call it for every
    glyph that is not printable ASCII."""
    text = text.translate(_CHAR_TABLE)
    if text.startswith("(cid:"):  # pdfminer's name for a glyph without a Unicode mapping
        return _UNDECODABLE
    stripped = text.strip()
    if stripped:
        return stripped
    return " " if text else ""


def _build_words(
    glyphs: Iterable[Glyph],
    style: StyleLookup,
    *,
    word_gap: float = DEFAULT_WORD_GAP,
) -> tuple[list[_Word], int]:
    """Group glyphs, in content-stream order, into words; also count the glyphs without
    a character (:data:`_UNDECODABLE` ones, and word starts ``style`` says have none).

    Glyph texts come normalised by :func:`_glyph_text`.  A word ends at a separator glyph,
    at a horizontal gap wider than ``word_gap`` × font size, at a jump back to the left, or
    at a change of baseline.  A glyph drawn again on top of the previous one ("fake bold")
    is dropped and marks the word bold.  Font style is looked up once per word, which keeps
    the PDFium engine fast.
    """
    words: list[_Word] = []
    append = words.append
    parts: list[str] = []
    x0 = x1 = top = bottom = size = 0.0
    bold = False
    last_text = ""
    last_x0 = last_x1 = last_top = 0.0
    gap_limit = overlap_limit = row_limit = 0.0
    undecodable = 0

    for text, gx0, gx1, gtop, gbottom, index in glyphs:
        if text <= " ":  # "" is nothing, " " separates words
            if text and parts:
                append(_Word("".join(parts), x0, x1, top, bottom, size, bold, True))
                parts = []
            if text == _UNDECODABLE:
                undecodable += 1
            continue
        if parts:
            # A copy starts within the first half of the glyph it copies: squeezed text
            # (PDFium spreads a span's /ActualText over its first glyph's box) has letters
            # a fraction of a point apart, and "www" there is three letters.
            if (
                text == last_text
                and abs(gx0 - last_x0)
                <= min(DEFAULT_DUPLICATE_TOLERANCE, 0.5 * (last_x1 - last_x0))
                and abs(gtop - last_top) <= DEFAULT_DUPLICATE_TOLERANCE
            ):
                bold = True
                continue
            gap = gx0 - x1
            if -overlap_limit <= gap <= gap_limit and -row_limit <= gbottom - bottom <= row_limit:
                parts.append(text)
                if gx1 > x1:
                    x1 = gx1
                if gtop < top:
                    top = gtop
                last_text, last_x0, last_x1, last_top = text, gx0, gx1, gtop
                continue
            append(_Word("".join(parts), x0, x1, top, bottom, size, bold, False))
        found = style(index)
        if found is None:  # no character: separates words, as _UNDECODABLE does
            undecodable += 1
            parts = []
            continue
        size, bold = found
        if not 0.0 < size < 1000.0:  # a degenerate font matrix (or NaN): use the glyph box
            size = min(max(gbottom - gtop, 1.0), 1000.0)
        gap_limit = word_gap * size
        overlap_limit = DEFAULT_WORD_OVERLAP * size
        row_limit = DEFAULT_ROW_TOLERANCE * size
        parts = [text]
        x0, x1, top, bottom = gx0, gx1, gtop, gbottom
        last_text, last_x0, last_x1, last_top = text, gx0, gx1, gtop
    if parts:
        append(_Word("".join(parts), x0, x1, top, bottom, size, bold, False))
    return _dedupe_words(words), undecodable


def _dedupe_words(words: list[_Word]) -> list[_Word]:
    """Drop words drawn twice at (almost) the same place: fake bold done word by word."""
    by_text: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        by_text.setdefault(word.text, []).append(i)
    dropped: set[int] = set()
    bolded: set[int] = set()
    for same_text in by_text.values():
        if len(same_text) < 2:
            continue
        order = sorted(same_text, key=lambda i: words[i].top)  # top down, then as drawn
        for position, i in enumerate(order):
            if i in dropped:
                continue
            top, x0 = words[i].top, words[i].x0
            for j in order[position + 1 :]:
                other = words[j]
                if other.top - top > DEFAULT_DUPLICATE_TOLERANCE:
                    break
                if abs(other.x0 - x0) <= DEFAULT_DUPLICATE_TOLERANCE:
                    dropped.add(max(i, j))
                    bolded.add(min(i, j))
    if not dropped:
        return words
    return [
        word._replace(bold=True) if i in bolded else word
        for i, word in enumerate(words)
        if i not in dropped
    ]


class _Row(NamedTuple):
    """Words sharing a baseline, left to right, with their vertical extent."""

    words: list[_Word]
    top: float
    bottom: float


def _group_rows(words: list[_Word]) -> list[_Row]:
    """Cluster words that share a baseline; rows come top down.

    The tolerance is a fraction of the smaller font: a name in 40-point type and the
    12-point contact line under it end a few points apart, but do not share a line.  A
    row whose large words stand beside another row of small text (a name beside two
    lines of contact details) splits in two: the large words are a block of their own.
    """
    groups: list[list[_Word]] = []
    current: list[_Word] = []
    reference = limit = reference_size = 0.0
    for word in sorted(words, key=_BOTTOM):
        drop = word.bottom - reference
        if (
            current
            and drop <= limit
            and (word.size >= reference_size or drop <= max(1.0, DEFAULT_ROW_TOLERANCE * word.size))
        ):
            current.append(word)
            continue
        current = [word]
        groups.append(current)
        reference, reference_size = word.bottom, word.size
        limit = max(1.0, DEFAULT_ROW_TOLERANCE * word.size)
    if len(groups) > 1:
        groups = _split_large_words(groups)
    rows = []
    for group in groups:
        group.sort(key=_X0)
        rows.append(_Row(group, min(map(_TOP, group)), max(map(_BOTTOM, group))))
    rows.sort(key=_TOP)
    return rows


_X0, _TOP, _BOTTOM = attrgetter("x0"), attrgetter("top"), attrgetter("bottom")
_SIZE = attrgetter("size")

DEFAULT_LARGE_TEXT_RATIO = 1.5
"""Words this many times the size of the smallest on their row are large text: a name
beside contact details, not words of one line with them."""


def _split_large_words(groups: list[list[_Word]]) -> list[list[_Word]]:
    """Take large words (see :data:`DEFAULT_LARGE_TEXT_RATIO`) out of a row when the
    middle of a neighbouring row of text falls within their height."""
    out: list[list[_Word]] = []
    for n, group in enumerate(groups):
        smallest = min(map(_SIZE, group))
        if max(map(_SIZE, group)) < DEFAULT_LARGE_TEXT_RATIO * smallest:
            out.append(group)
            continue
        large = [word for word in group if word.size >= DEFAULT_LARGE_TEXT_RATIO * smallest]
        top, bottom = min(map(_TOP, large)), max(map(_BOTTOM, large))
        beside = any(
            top < (word.top + word.bottom) / 2 < bottom
            for other in (groups[n - 1] if n else [], groups[n + 1] if n + 1 < len(groups) else [])
            for word in other
            if word.size < DEFAULT_LARGE_TEXT_RATIO * smallest
        )
        if beside:
            out.append(large)
            out.append([word for word in group if word.size < DEFAULT_LARGE_TEXT_RATIO * smallest])
        else:
            out.append(group)
    return out


@dataclass(frozen=True)
class _Columns:
    """Where a page splits into columns: gutters (x ranges) valid between ``top`` and
    ``bottom``; text above and below that band is full width."""

    gutters: tuple[tuple[float, float], ...]
    top: float
    bottom: float


def _row_segments(row: list[_Word], min_gap: float) -> list[tuple[float, float]]:
    """The x ranges a row covers, merging words closer than ``min_gap``."""
    segments: list[tuple[float, float]] = []
    start, end = row[0].x0, row[0].x1
    for word in row[1:]:
        if word.x0 - end < min_gap:
            if word.x1 > end:
                end = word.x1
        else:
            segments.append((start, end))
            start, end = word.x0, word.x1
    segments.append((start, end))
    return segments


_Segments = list[tuple[float, float, list[tuple[float, float]]]]


def _find_columns(rows: list[_Row]) -> _Columns | None:
    """Detect gutters: vertical bands holding no word over most of the page's text height.

    A sweep down the rows keeps, for each 2-point bin across the page, where its current
    word-free run began; the longest run of every bin is kept.  Bins whose longest run covers
    ``DEFAULT_GUTTER_MIN_HEIGHT`` of the text height form gutter candidates.  A candidate must
    be wide enough, have lines on both sides, and not be a table: when nearly every line on
    the sparser side sits on the same baseline as a line on the other side ("2019 – 2021"
    beside "Senior Engineer"), the page is read row by row instead.
    """
    if len(rows) < 2 * DEFAULT_MIN_COLUMN_LINES:
        return None
    sizes = sorted(word.size for row in rows for word in row.words)
    min_width = DEFAULT_GUTTER_MIN_WIDTH * sizes[len(sizes) // 2]
    text_top = rows[0].top
    text_bottom = max(row.bottom for row in rows)
    min_run = DEFAULT_GUTTER_MIN_HEIGHT * (text_bottom - text_top)
    left = min(row.words[0].x0 for row in rows)
    right = max(word.x1 for row in rows for word in row.words)
    bins = int((right - left) / _BIN) + 1
    if min_run <= 0 or bins < 3:
        return None

    start = [text_top] * bins
    best = [0.0] * bins
    span = [(0.0, 0.0)] * bins
    row_boxes: _Segments = []
    for row in rows:
        segments = _row_segments(row.words, min_width)
        row_boxes.append((row.top, row.bottom, segments))
        for x0, x1 in segments:
            first = int((x0 - left) / _BIN)
            last = min(int((x1 - left) / _BIN), bins - 1)
            # Only rows that close a long free run need the per-bin look.
            if row.top - min(start[first : last + 1]) >= min_run:
                for i in range(first, last + 1):
                    run = row.top - start[i]
                    if run > best[i]:
                        best[i], span[i] = run, (start[i], row.top)
            start[first : last + 1] = [row.bottom] * (last + 1 - first)
    for i, began in enumerate(start):
        if text_bottom - began > best[i]:
            best[i], span[i] = text_bottom - began, (began, text_bottom)

    candidates: list[tuple[float, float, float, float]] = []
    i = 0
    while i < bins:
        if best[i] < min_run:
            i += 1
            continue
        j = i
        while j + 1 < bins and best[j + 1] >= min_run:
            j += 1
        # The gutter is the bins free over the longest run in the group: bins at its edges
        # may have their longest run elsewhere (beside a short line of a column).
        core = max(range(i, j + 1), key=best.__getitem__)
        band_top, band_bottom = span[core]
        lo = hi = core
        while lo > i and span[lo - 1][0] <= band_top + 0.5 and span[lo - 1][1] >= band_bottom - 0.5:
            lo -= 1
        while hi < j and span[hi + 1][0] <= band_top + 0.5 and span[hi + 1][1] >= band_bottom - 0.5:
            hi += 1
        gx0, gx1 = left + lo * _BIN, left + (hi + 1) * _BIN
        if lo > 0 and hi < bins - 1 and gx1 - gx0 >= min_width:
            band = _column_band(row_boxes, gx0, gx1, band_top, band_bottom)
            if band is not None:
                candidates.append((gx0, gx1, *band))
        i = j + 1
    if not candidates:
        return None

    # Several gutters (three columns) must share most of one band; the longest one leads.
    candidates.sort(key=lambda c: c[3] - c[2], reverse=True)
    gutters = [candidates[0][:2]]
    band_top, band_bottom = candidates[0][2], candidates[0][3]
    for gx0, gx1, top, bottom in candidates[1:]:
        overlap = min(bottom, band_bottom) - max(top, band_top)
        if overlap >= DEFAULT_COLUMN_MIN_SHARE * (band_bottom - band_top):
            gutters.append((gx0, gx1))
            band_top, band_bottom = max(top, band_top), min(bottom, band_bottom)
    return _Columns(tuple(sorted(gutters)), band_top, band_bottom)


def _column_band(
    row_boxes: _Segments, gx0: float, gx1: float, top: float, bottom: float
) -> tuple[float, float] | None:
    """The band a gutter splits into columns, or None when it does not split columns.

    Each side needs ``DEFAULT_MIN_COLUMN_LINES`` lines.  A side whose text covers less than
    ``DEFAULT_COLUMN_MIN_SHARE`` of the band is a box beside the text (a two-column skills
    table): the band shrinks to that box, so the text after it is not read before the
    box's other column.  A table of rows is not two columns either; see :func:`_is_table`.
    """
    sides: tuple[list[float], list[float]] = ([], [])  # tops of the rows with text there
    spans = [[bottom, top], [bottom, top]]
    paired = 0
    for row_top, row_bottom, segments in row_boxes:
        if row_top < top - 0.5 or row_bottom > bottom + 0.5:
            continue
        present = (
            any(x1 <= gx0 + 0.5 for _, x1 in segments),
            any(x0 >= gx1 - 0.5 for x0, _ in segments),
        )
        for side, span, here in zip(sides, spans, present, strict=True):
            if here:
                side.append(row_top)
                span[0] = min(span[0], row_top)
                span[1] = max(span[1], row_bottom)
        paired += all(present)
    sparse, dense = sorted(sides, key=len)
    if len(sparse) < DEFAULT_MIN_COLUMN_LINES or _is_table(sparse, dense, paired):
        return None
    band_top, band_bottom = top, bottom
    for span in spans:
        if span[1] - span[0] < DEFAULT_COLUMN_MIN_SHARE * (bottom - top):
            band_top, band_bottom = max(band_top, span[0] - 0.5), min(band_bottom, span[1] + 0.5)
    if (band_top, band_bottom) != (top, bottom):  # shrunk: both sides must still be columns
        shrunk = [sum(band_top - 0.5 <= t <= band_bottom for t in side) for side in sides]
        if min(shrunk) < DEFAULT_MIN_COLUMN_LINES:
            return None
    return band_top, band_bottom


def _is_table(sparse: list[float], dense: list[float], paired: int) -> bool:
    """True for rows of a table ("2019 – 2021" beside "Senior Engineer"), not two columns.

    In such a table almost every line of the sparse side shares a baseline with a line of
    the other side, the sparse side has far fewer lines, and they stand apart: one per
    entry, several lines from the next.  A sidebar on the same baseline grid as the main
    column pairs its lines too, but they follow one another line after line.
    """
    if paired < 0.9 * len(sparse) or len(sparse) > 0.5 * len(dense):
        return False
    steps = sorted(b - a for a, b in pairwise(dense))
    pitch = steps[len(steps) // 2] if steps else 0.0
    if pitch <= 0:
        return True
    apart = sum(b - a > 1.5 * pitch for a, b in pairwise(sparse))
    return apart >= 0.5 * (len(sparse) - 1)


DEFAULT_LETTER_SPACING_SLACK = 0.12
"""In letter-spaced capitals, a gap up to this fraction of the font size wider than the
run's typical (median) gap is still between letters; a word space adds about 0.25."""
DEFAULT_LETTER_SPACING_WIDE = 0.2
"""Letter gaps this wide (a fraction of the font size) could be word spaces: only a long
run of single letters is then taken for one word ("E X P E R I E N C E")."""
_NO_INDICES: frozenset[int] = frozenset()
_TEXT = attrgetter("text")
_THREE = 3


def _is_capital_fragment(text: str) -> bool:
    return len(text) <= 2 and text.isalpha() and text.isupper()


def _letter_spaced(words: list[_Word]) -> frozenset[int] | set[int]:
    """Indices of the words (of a row, left to right) that continue the word before them
    in letter-spaced capitals: "S I V A N", or "SI VA N" where kerning closed some gaps.

    A run of three or more capital fragments of one or two letters, in one font size, is
    judged by its own gaps: those no wider than its median gap plus
    ``DEFAULT_LETTER_SPACING_SLACK`` × size are between letters, wider ones between
    words.  When the median gap is as wide as a word space (spaces typed between the
    letters), only four or more single letters are a spaced word: "J R R Tolkien" stays
    apart.  The words beside a run must stand further off than its letters do (else the
    run is short words in evenly spaced text).  Space characters are no evidence either
    way: PDFium makes some up.
    """
    if sum(map(_THREE.__gt__, map(len, map(_TEXT, words)))) < 3:  # at C speed: every line
        return _NO_INDICES
    glued: set[int] = set()
    count = len(words)
    start = 0
    while start < count:
        first = words[start]
        end = start
        while (
            end < count
            and _is_capital_fragment(words[end].text)
            and abs(words[end].size - first.size) <= 0.1 * first.size
        ):
            end += 1
        if end - start >= 3:
            _glue_letters(words, start, end, glued)
        start = max(end, start + 1)
    return glued


def _glue_letters(words: list[_Word], start: int, end: int, glued: set[int]) -> None:
    if len({words[k].text for k in range(start, end)}) == 1:  # "Â Â Â": filler, not a word
        return
    size = words[start].size
    gaps = [words[k].x0 - words[k - 1].x1 for k in range(start + 1, end)]
    letter_gap = sorted(gaps)[len(gaps) // 2]
    if letter_gap < -DEFAULT_WORD_GAP * size:  # overlapping: not a line of letters
        return
    wide = letter_gap > DEFAULT_LETTER_SPACING_WIDE * size
    if wide and (end - start < 4 or any(len(words[k].text) > 1 for k in range(start, end))):
        return
    limit = letter_gap + DEFAULT_LETTER_SPACING_SLACK * size
    # Spaced letters stand closer to one another than to the words around them; words
    # of one or two capitals amid text spaced alike ("WOULD I BE A GREAT") are words.
    if start and words[start].x0 - words[start - 1].x1 <= limit:
        return
    if end < len(words) and words[end].x0 - words[end - 1].x1 <= limit:
        return
    for k, gap in zip(range(start + 1, end), gaps, strict=True):
        if gap <= limit:
            glued.add(k)


def _make_line(words: list[_Word], page: int, column: int) -> Line:
    """A line of a row's words, left to right, with where it starts and its dominant font
    size and weight.  Fragments of one word that the stream drew apart are glued back: no
    space where the gap is too narrow to be one and no space glyph stood there."""
    by_size: dict[float, int] = {}  # characters per font size, sizes in order of appearance
    bold_chars = total = 0
    parts: list[str] = []
    x0 = top = float("inf")
    last_x1 = last_size = 0.0
    last_space = True
    glued = _letter_spaced(words) if len(words) >= 3 else _NO_INDICES
    for index, (text, wx0, wx1, wtop, _, size, bold, space_after) in enumerate(words):
        if parts:
            gap = wx0 - last_x1
            one_word = -DEFAULT_WORD_OVERLAP * last_size <= gap <= DEFAULT_WORD_GAP * last_size
            if (last_space or not one_word) and index not in glued:
                parts.append(" ")
        parts.append(text)
        last_x1, last_size, last_space = wx1, size, space_after
        n = len(text)
        total += n
        by_size[size] = by_size.get(size, 0) + n
        if bold:
            bold_chars += n
        if wx0 < x0:
            x0 = wx0
        if wtop < top:
            top = wtop
    sizes: dict[float, int] = {}  # the same, per size rounded (a line has a size or two)
    for size, n in by_size.items():
        key = round(size, 1)
        sizes[key] = sizes.get(key, 0) + n
    return Line(
        text="".join(parts),
        page=page,
        column=column,
        x0=round(x0, 2),
        top=round(top, 2),
        size=max(sizes, key=sizes.__getitem__),
        bold=bold_chars * 2 > total,
    )


def _layout_page(words: list[_Word], page: int, width: float, height: float) -> list[Line]:
    """Lines of one page in reading order: full-width text above the columns, each column
    top to bottom, then full-width text below."""
    # A damaged text matrix can throw glyphs kilometres (or NaN) off the page; they are not
    # visible, and would size the gutter sweep.  The margin keeps pages whose box does not
    # start at the origin; a page without a usable size gets the largest a PDF allows.
    width = width if width > 0 else _MAX_PAGE_SIDE
    height = height if height > 0 else _MAX_PAGE_SIDE
    words = [
        word
        for word in words
        if -width < word.x0 <= word.x1 < 2 * width
        and -height < word.top <= word.bottom < 2 * height
    ]
    if not words:
        return []
    rows = _group_rows(words)
    margin_rows = _side_margin_rows(rows)
    if margin_rows is not None:
        return [_make_line(row.words, page, 0) for row in margin_rows]
    columns = _find_columns(rows)
    if columns is None:
        return [_make_line(row.words, page, 0) for row in rows]
    mids = [(gx0 + gx1) / 2 for gx0, gx1 in columns.gutters]
    above: list[Line] = []
    below: list[Line] = []
    by_column: list[list[Line]] = [[] for _ in range(len(mids) + 1)]
    for row in rows:
        pieces: dict[tuple[int, int], list[_Word]] = {}
        for word in row.words:
            middle = (word.top + word.bottom) / 2
            if middle < columns.top:
                key = (0, 0)
            elif middle > columns.bottom:
                key = (2, 0)
            else:
                key = (1, bisect_right(mids, (word.x0 + word.x1) / 2))
            pieces.setdefault(key, []).append(word)
        for (region, column), piece in sorted(pieces.items()):
            if region == 0:
                above.append(_make_line(piece, page, 0))
            elif region == 2:
                below.append(_make_line(piece, page, 0))
            else:
                by_column[column].append(_make_line(piece, page, column))
    _detach_stragglers(by_column, above, below)
    return above + [line for lines in by_column for line in lines] + below


def _detach_stragglers(by_column: list[list[Line]], above: list[Line], below: list[Line]) -> None:
    """Give the full-width text back the lines a column band swallowed at its edges.

    The band reaches from the last full-width row above the gutter to the first one below,
    so a short heading just above or below the columns ("Skills" under a two-column table)
    falls inside it.  Such a line sits beyond the other columns' text and far (more than
    ``DEFAULT_STRAGGLER_GAP`` line heights) from its own column's next line; it joins the
    full-width text instead, keeping the reading order of the page.
    """
    for number, lines in enumerate(by_column):
        others = [other for k, other in enumerate(by_column) if k != number and other]
        if len(lines) < 2 or not others:
            continue
        others_end = max(other[-1].top for other in others)
        cut = len(lines)
        while (
            cut > 1
            and lines[cut - 1].top > others_end
            and lines[cut - 1].top - lines[cut - 2].top
            > DEFAULT_STRAGGLER_GAP * max(lines[cut - 2].size, 1.0)
        ):
            cut -= 1
        others_start = min(other[0].top for other in others)
        head = 0
        while (
            head < cut - 1
            and lines[head].top < others_start
            and lines[head + 1].top - lines[head].top
            > DEFAULT_STRAGGLER_GAP * max(lines[head].size, 1.0)
        ):
            head += 1
        if cut < len(lines) and number < len(by_column) - 1:
            below[:0] = [replace(line, column=0) for line in lines[cut:]]
            del lines[cut:]
        if head and number > 0:
            above.extend(replace(line, column=0) for line in lines[:head])
            del lines[:head]


def _side_margin_rows(rows: list[_Row]) -> list[_Row] | None:
    """The rows of a page set with side headings, in reading order; None for other pages.

    Side-heading templates set each section's heading (moderncv-like ones also each entry's
    dates) in a narrow left margin, on the baseline of the first content line beside it,
    wrapped there when long ("Work" / "Experience").  Read row by row, a heading glues onto
    the content line ("Work Acme Corp"); read as a column, all headings come before all
    content.  See :func:`_split_side_margin` for how the margin text is placed instead.

    The content edge is tried at each x where at least ``DEFAULT_MIN_COLUMN_LINES`` rows (or
    the parts of rows after a gap) start, left to right, between ``DEFAULT_SIDE_MIN_WIDTH``
    font sizes and ``DEFAULT_SIDE_MAX_SHARE`` of the text width from the page's left text
    edge; the first edge that leaves a side margin wins.
    """
    if len(rows) < DEFAULT_MIN_COLUMN_LINES:
        return None
    sizes = sorted(word.size for row in rows for word in row.words)
    em = sizes[len(sizes) // 2]
    gap = DEFAULT_SIDE_GAP * em
    left = min(row.words[0].x0 for row in rows)
    right = max(word.x1 for row in rows for word in row.words)
    lowest = left + DEFAULT_SIDE_MIN_WIDTH * em
    highest = left + DEFAULT_SIDE_MAX_SHARE * (right - left)
    starts = sorted(
        x0 for row in rows for x0, _ in _row_segments(row.words, gap)[:2] if lowest <= x0 <= highest
    )
    last_edge = -1.0
    for i, x0 in enumerate(starts):
        edge = x0 - _SIDE_TOLERANCE
        shared = bisect_right(starts, x0 + 2 * _SIDE_TOLERANCE) - i
        if shared < DEFAULT_MIN_COLUMN_LINES or edge - last_edge < 1.0:
            continue
        last_edge = edge
        split = _split_side_margin(rows, edge, gap, em)
        if split is not None:
            return split
    return None


_SIDE_TOLERANCE = 1.5  # points: content lines starting this far left of the edge share it
_SIDE_WRAP_SLACK = 1.15  # a wrapped margin text's line spacing over the content column's
_ALNUM_RE = re.compile(r"[^\W_]")
_JOINS_RE = re.compile(r"\d|[:：]$")


def _has_alnum(words: Iterable[_Word]) -> bool:
    return any(_ALNUM_RE.search(word.text) for word in words)


def _split_side_margin(rows: list[_Row], edge: float, gap: float, em: float) -> list[_Row] | None:
    """The rows with their margin texts (words left of ``edge``) placed in reading order, or
    None when the words left of ``edge`` are no side margin.

    A row whose words left of the edge end ``gap`` before it holds a margin text; a row with
    a word across the gap is full width (a header, a full-width section) and stays whole.
    Margin rows one content line apart are one text wrapped; entries are set further apart.
    Margin texts above all content are the page's header, read in place.
    It is a side margin only when at most ``DEFAULT_SIDE_MAX_CROSSING`` of the rows are full
    width, every margin text is short (``DEFAULT_SIDE_MAX_ROWS`` rows and
    ``DEFAULT_SIDE_MAX_WORDS`` words: a sidebar's lists and paragraphs run longer), there are
    at most half as many margin texts as other lines (in a table every line has its label),
    and every text starts on the baseline of a content line.

    A heading becomes a line of its own just before that content line, so the sections
    split there.  A text holding a digit (dates) or ending in a colon (a label) is read at
    the start of that line instead ("2019 – Present Staff Engineer, …"): a title after its
    dates is how the position finder reads a moderncv entry.
    """
    margin: list[_Word] = []
    rest: list[_Word] = []
    signs: list[_Word] = []  # bullets; or an "&" that a superscript split off its row
    crossing = 0
    for row in rows:
        inside = [word for word in row.words if word.x0 < edge]
        if not _has_alnum(inside):
            signs.extend(inside)
        elif max(word.x1 for word in inside) > edge + _SIDE_TOLERANCE - gap:
            crossing += 1
            rest.extend(row.words)
            continue
        else:
            margin.extend(inside)
        rest.extend(word for word in row.words if word.x0 >= edge)
    if not margin or crossing > DEFAULT_SIDE_MAX_CROSSING * len(rows):
        return None
    for sign in signs:
        limit = DEFAULT_ROW_TOLERANCE * sign.size
        beside = any(abs(word.bottom - sign.bottom) <= limit for word in margin)
        (margin if beside else rest).append(sign)
    others = _group_rows(rest)

    content = [
        row
        for row in others
        if all(word.x0 >= edge for word in row.words if _ALNUM_RE.search(word.text))
    ]
    line_steps = sorted(
        step
        for above, below in pairwise(content)
        if 0 < (step := below.bottom - above.bottom) <= 2 * DEFAULT_SIDE_WRAP_PITCH * em
    )
    pitch = line_steps[len(line_steps) // 2] if line_steps else DEFAULT_SIDE_WRAP_PITCH * em
    blocks: list[list[_Row]] = []
    for row in _group_rows(margin):
        if blocks and row.bottom - blocks[-1][-1].bottom <= _SIDE_WRAP_SLACK * pitch:
            blocks[-1].append(row)
        else:
            blocks.append([row])

    placed = [(row.top, 1, row) for row in others]
    lead: dict[int, list[_Word]] = {}  # id of a content row → margin words read before it
    texts = 0
    content_top = min((row.top for row in content), default=0.0)
    for block in blocks:
        first = block[0]
        limit = DEFAULT_ROW_TOLERANCE * em
        anchor = next((row for row in content if abs(row.bottom - first.bottom) <= limit), None)
        if anchor is None and block[-1].bottom <= content_top:  # the header: a name, an address
            placed.extend((row.top, 1, row) for row in block)
            continue
        words = [word for row in block for word in row.words]
        if len(block) > DEFAULT_SIDE_MAX_ROWS or len(words) > DEFAULT_SIDE_MAX_WORDS:
            return None
        if anchor is None:
            return None
        texts += 1
        if _JOINS_RE.search(" ".join(word.text for word in words)):
            lead[id(anchor)] = words
        else:
            placed.append((anchor.top, 0, _Row(words, first.top, block[-1].bottom)))
    if not texts or texts * 2 > len(others):
        return None
    placed.sort(key=lambda item: item[:2])
    return [
        row._replace(words=lead[id(row)] + row.words) if id(row) in lead else row
        for _, _, row in placed
    ]


def _running_key(text: str, page: int) -> str:
    """A line's text with its page number masked: "Page 2 of 3" on page 2 and "Page 3 of 3"
    on page 3 are one running line; other digits must match."""
    return re.sub(rf"(?<!\d){page + 1}(?!\d)", "#", " ".join(text.lower().split()))


def _drop_page_furniture(
    lines: list[Line], heights: dict[int, float], page_count: int
) -> list[Line]:
    """Remove page numbers and running headers/footers.

    A running line has the same text (its page number aside) at the same height on at least
    half the pages read, and sits in the top or bottom margin band.  A running *header*
    keeps its first-page copy: templates put the candidate's name and contact details there.
    """
    pages_read = len(heights)
    drop: set[int] = set()
    keep_once: set[int] = set()
    in_band: dict[int, str] = {}
    for n, line in enumerate(lines):
        height = heights.get(line.page, 0.0)
        band = DEFAULT_MARGIN_BAND * height
        if line.top < band:
            in_band[n] = "header"
        elif line.top + line.size > height - band:
            in_band[n] = "footer"
        else:
            continue
        match = _PAGE_NUMBER_RE.match(line.text)
        if (match and int(match.group(1)) <= page_count + 1) or _RUNNING_PAGE_RE.search(line.text):
            drop.add(n)
    if pages_read >= 2:
        needed = max(2, ceil(pages_read / 2))
        groups: dict[str, list[int]] = {}
        for n in in_band:
            groups.setdefault(_running_key(lines[n].text, lines[n].page), []).append(n)
        for members in groups.values():
            for n in members:
                same_place = [m for m in members if abs(lines[m].top - lines[n].top) <= 3.0]
                if len({lines[m].page for m in same_place}) >= needed:
                    drop.update(same_place)
                    first = min(same_place)
                    if lines[first].page == 0 and in_band[first] == "header":
                        keep_once.add(first)
    return [line for n, line in enumerate(lines) if n not in drop or n in keep_once]


def _join_hyphenated(lines: list[Line]) -> list[Line]:
    """Join words broken across lines: "experi-" + "ence" → "experience".

    Only a hyphen after a lower-case letter, followed by a lower-case letter on the next
    line, is a break.  The hyphen stays where the first part is a compound ("end-to-" +
    "end") or a prefix that forms one ("cross-" + "functional").
    """
    out: list[Line] = []
    for line in lines:
        if out and _ends_broken(out[-1].text):
            head, _, rest = line.text.partition(" ")
            if head[:1].islower():
                prev = out[-1]
                broken = prev.text.rpartition(" ")[2]
                soft = broken.endswith(_SOFT_HYPHEN)
                hyphen = "-" if not soft and _is_compound(broken[:-1]) else ""
                out[-1] = replace(prev, text=prev.text[:-1] + hyphen + head)
                if not rest:
                    continue
                line = replace(line, text=rest)
        out.append(line)
    return [
        replace(line, text=_shown_soft_hyphens(line.text)) if _SOFT_HYPHEN in line.text else line
        for line in out
    ]


# A soft hyphen inside a word only marks where the word may break; one standing free is a
# dash the reader sees: LaTeX templates (Awesome-CV) draw a range's dash with it.
_HIDDEN_SOFT_HYPHEN_RE = re.compile(rf"(?<=[^\W\d_]){_SOFT_HYPHEN}+(?=[^\W\d_]|$)")


def _shown_soft_hyphens(text: str) -> str:
    return _HIDDEN_SOFT_HYPHEN_RE.sub("", text).replace(_SOFT_HYPHEN, "-")


def _ends_broken(text: str) -> bool:
    return text.endswith(_SOFT_HYPHEN) or (text.endswith("-") and text[-2:-1].islower())


def _is_compound(stem: str) -> bool:
    return "-" in stem or stem.lower().strip("([{\"'") in _COMPOUND_PREFIXES


def _finish_pdf_lines(
    pages: list[tuple[int, list[Line]]], heights: dict[int, float], page_count: int
) -> list[Line]:
    lines = [line for _, page_lines in pages for line in page_lines]
    lines = _drop_page_furniture(lines, heights, page_count)
    cleaned = []
    for line in lines:
        text = _clean_line(line.text)
        if text:
            cleaned.append(replace(line, text=text) if text != line.text else line)
    joined = _join_hyphenated(cleaned)
    return [line for line in joined if line.text]


# --------------------------------------------------------------------------------------------
# PDF engines


class _PdfRead(NamedTuple):
    pages: list[tuple[int, _PdfPage]]
    page_count: int
    failed: list[str]


def _describe(exc: BaseException) -> str:
    """A short one-line description of a library exception."""
    inner = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], BaseException) else exc
    detail = " ".join(str(inner).split())
    kind = type(inner).__name__
    text = f"{kind}: {detail}" if detail else kind
    return text if len(text) <= 120 else text[:117] + "..."


def _pdfplumber_glyphs(chars: list[dict[str, Any]]) -> Iterator[Glyph]:
    for i, char in enumerate(chars):
        text = char["text"]
        if len(text) != 1 or not ("!" <= text <= "~"):
            text = _glyph_text(text)
        yield (text, char["x0"], char["x1"], char["top"], char["bottom"], i)


def _pdfplumber_pages(data: bytes, name: str, max_pages: int) -> _PdfRead:
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
            return UnreadableFileError(f"{name}: encrypted PDF ({_describe(inner)})")
        return UnreadableFileError(f"{name}: corrupt PDF ({_describe(exc)})")

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except failures as exc:
        raise fail(exc) from exc
    try:
        try:
            all_pages = pdf.pages
        except failures as exc:
            raise fail(exc) from exc
        out: list[tuple[int, _PdfPage]] = []
        failed: list[str] = []
        first_failure: BaseException | None = None
        for number, page in enumerate(all_pages[:max_pages]):
            try:
                chars: list[dict[str, Any]] = page.chars
                width, height = float(page.width), float(page.height)
            except failures as exc:
                first_failure = first_failure or exc
                failed.append(f"page {number + 1}: {_describe(exc)}")
                continue

            def style(index: int, chars: list[dict[str, Any]] = chars) -> tuple[float, bool]:
                char = chars[index]
                return float(char["size"]), _is_bold_font(str(char["fontname"]))

            words, undecodable = _build_words(_pdfplumber_glyphs(chars), style)
            out.append((number, _PdfPage(words, width, height, undecodable)))
            page.close()  # drops pdfplumber's per-page caches; a batch reads many files
        if first_failure is not None and not out:
            raise fail(first_failure) from first_failure
        return _PdfRead(out, len(all_pages), failed)
    finally:
        # Not `with pdf`: closing walks the page tree again, and raises again when that
        # tree is what failed.  The stream is ours (BytesIO), so nothing leaks.
        with contextlib.suppress(*failures):
            pdf.close()


class _PdfiumGlyphs:
    """Reads glyphs and font styles from PDFium text pages.

    A page costs one bulk text call and one ctypes call per glyph (its loose box), made by
    ``map`` into one array rather than from a Python loop; an "f" or a "j" costs one or
    four more calls.  Font details are fetched once per word, through :meth:`style`.
    Declaring the typed functions builds a class each: a process makes one reader
    (:func:`_pdfium_reader`) and keeps it.
    """

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        self._c = pdfium_c
        self._matrix = pdfium_c.FS_MATRIX()
        self._width = ctypes.c_float()
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._bold_names: dict[bytes, bool] = {}
        self._matrix_address = ctypes.addressof(self._matrix)
        self._name_address = ctypes.addressof(self._name)
        self._flags_address = ctypes.addressof(self._flags)
        self._width_address = ctypes.addressof(self._width)
        pointer, integer = ctypes.c_void_p, ctypes.c_int
        self._loose_box = _by_address(pdfium_c.FPDFText_GetLooseCharBox, None, pointer)
        self._get_font_size = _by_address(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
        self._has_map_error = _by_address(pdfium_c.FPDFText_HasUnicodeMapError, integer)
        self._get_matrix = _by_address(pdfium_c.FPDFText_GetMatrix, integer, pointer)
        self._get_font_info = _by_address(
            pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong, pointer, ctypes.c_ulong, pointer
        )
        self._get_origin = _by_address(pdfium_c.FPDFText_GetCharOrigin, None, pointer, pointer)
        self._get_text_object = _by_address(pdfium_c.FPDFText_GetTextObject, pointer)
        self._get_font = _typed(pdfium_c.FPDFTextObj_GetFont, pointer, pointer)
        self._get_glyph_width = _typed(
            pdfium_c.FPDFFont_GetGlyphWidth,
            integer,
            pointer,
            ctypes.c_uint,
            ctypes.c_float,
            pointer,
        )

    def codes(self, raw: Any, count: int) -> list[int]:
        """Every glyph's code point, with one call when PDFium's text maps 1:1 to glyphs."""
        c = self._c
        buffer = (ctypes.c_ushort * (count + 1))()
        if c.FPDFText_GetText(raw, 0, count, buffer) == count + 1:
            # The bulk text writes 0xFFFE where the glyph list has 2: a hyphen PDFium took
            # for a line-end break.
            return buffer[:count]
        # Glyphs outside the BMP or skipped control glyphs shift the text: go one by one.
        get_unicode = c.FPDFText_GetUnicode
        return [get_unicode(raw, i) for i in range(count)]

    def glyphs(self, raw: Any, count: int, height: float) -> Iterator[Glyph]:
        codes = self.codes(raw, count)
        # Every glyph's loose box (left, top, right, bottom), separators' too: reading a
        # box costs less than deciding which to skip, and _build_words ignores theirs.
        boxes = array("f", bytes(16 * count))  # FS_RECTF: four C floats
        start = boxes.buffer_info()[0]
        address = _address(raw)
        addresses = range(start, start + 16 * count, 16)
        deque(map(self._loose_box, repeat(address), range(count), addresses), maxlen=0)
        lefts, rights = boxes[0::4].tolist(), boxes[2::4].tolist()
        texts = list(map(_PDFIUM_TEXTS.__getitem__, codes))
        # The loose box is the union of the glyph's advance and its ink, and these letters
        # ink outside their advance: a "j" left of its origin, into the gap before it; an
        # "f" past its advance width (see _f_advance).
        overhanging = list(compress(range(count), map(_OVERHANGING.__contains__, codes)))
        # A glyph whose Unicode map gives several characters (a ligature mapped to "ffi",
        # "ti" in Calibri) comes as one character per letter, all with the glyph's box.
        same_left = list(compress(range(1, count), map(eq, lefts[1:], lefts)))
        if same_left:
            merged = _merge_composites(same_left, texts, boxes)
            if merged:  # its box is the whole glyph's: no letter of it overhangs
                overhanging = [i for i in overhanging if i not in merged]
        tops = map(sub, repeat(height), boxes[1::4])
        bottoms = map(sub, repeat(height), boxes[3::4])
        origins = array("d", bytes(16 * len(overhanging)))  # x, y of each
        start = origins.buffer_info()[0]
        end = start + 16 * len(overhanging)
        xs, ys = range(start, end, 16), range(start + 8, end, 16)
        deque(map(self._get_origin, repeat(address), overhanging, xs, ys), maxlen=0)
        for i, origin in zip(overhanging, origins[0::2], strict=True):
            lefts[i] = origin
            if codes[i] == 0x66:
                rights[i] = self._f_advance(address, i, origin, rights[i])
        return zip(texts, lefts, rights, tops, bottoms, range(count), strict=True)

    def _f_advance(self, address: int, index: int, origin: float, right: float) -> float:
        """The right edge of an "f" from its advance width.

        An "f" in a serif face inks past its advance; in PDFs whose word gaps are narrow
        that ink swallows the gap ("ofthe").  The font's width for it (the /W or /Widths
        entry pdfminer uses) restores the edge.  Only "f" is worth the four extra calls.
        """
        obj = self._get_text_object(address, index)
        font = self._get_font(obj) if obj else None
        if not font or not self._get_matrix(address, index, self._matrix_address):
            return right
        size = self._get_font_size(address, index)
        if not self._get_glyph_width(font, 0x66, size, self._width_address):
            return right
        edge = origin + self._width.value * abs(self._matrix.a)
        return edge if origin < edge < right else right

    def style(self, address: int) -> StyleLookup:
        """The style lookup of the text page at ``address``: a glyph's font size and
        boldness.  A closure over its ctypes objects, called once per word."""
        get_font_size, get_matrix, get_font_info, has_map_error = (
            self._get_font_size,
            self._get_matrix,
            self._get_font_info,
            self._has_map_error,
        )
        matrix, name, bold_names = self._matrix, self._name, self._bold_names
        matrix_address, name_address, flags_address = (
            self._matrix_address,
            self._name_address,
            self._flags_address,
        )

        def lookup(index: int) -> tuple[float, bool] | None:
            # PDFium gives a glyph without a Unicode mapping its character code as text;
            # pdfminer gives none.  Asked once per word: such glyphs come in runs (a font
            # without a map, an icon), each glyph of a run starting a word of its own.
            if has_map_error(address, index) > 0:
                return None
            # PDFium reports the font size before the text matrix; pdfminer (and the eye)
            # after it.  Scale by the matrix's vertical stretch to agree.
            size = get_font_size(address, index)
            if get_matrix(address, index, matrix_address):
                size *= hypot(matrix.c, matrix.d)
            get_font_info(address, index, name_address, 256, flags_address)
            font = name.value
            bold = bold_names.get(font)
            if bold is None:
                bold = _is_bold_font(font.decode("latin-1"))
                if len(bold_names) < _MAX_CACHED_TEXTS:  # the reader lives as long as its process
                    bold_names[font] = bold
            return float(size), bold

        return lookup


def _merge_composites(candidates: list[int], texts: list[str], boxes: array[float]) -> set[int]:
    """Join the characters PDFium gives for one glyph into that glyph's text.

    ``candidates`` are the glyphs whose box starts where the previous one's does; those
    whose whole box is the previous one's are letters of one glyph: their text moves to
    the glyph's first letter (and the rest become ``""``, nothing).  Returns the indices
    of every glyph taking part, first letters included.
    """
    merged: set[int] = set()
    head = -1
    for i in candidates:
        if boxes[4 * i : 4 * i + 4] != boxes[4 * i - 4 : 4 * i]:
            continue
        if i - 1 not in merged:
            head = i - 1
        if texts[i] <= " " or texts[head] <= " ":  # separators PDFium put at a line's end
            continue
        texts[head] += texts[i]
        texts[i] = ""
        merged.update((head, i))
    return merged


@lru_cache(maxsize=1)
def _pdfium_reader() -> _PdfiumGlyphs:
    """The process's PDFium glyph reader (its buffers serve one page at a time: PDFium is
    used by one thread, see the module docstring)."""
    return _PdfiumGlyphs()


def _address(handle: Any) -> int:
    """A ctypes pointer's address as a plain integer."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _typed(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function declared anew, typically to take handles and pointers as plain
    integers (``ctypes.c_void_p``): a call converts no ctypes object, and ``map`` can make
    the calls of a whole page without a Python frame each.

    Declared as a Python API function, a call keeps the GIL instead of releasing and taking
    it back: these calls last well under a microsecond, and PDFium handles are used by one
    thread only (see the module docstring).  ``restype=None`` drops an unused result."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(_address(function))


def _by_address(function: Any, restype: Any, *more: Any) -> Any:
    """A PDFium text function of ``(page, index, *more)``, typed by :func:`_typed`."""
    return _typed(function, restype, ctypes.c_void_p, ctypes.c_int, *more)


class _GlyphTexts(dict[int, str]):
    """Glyph text by PDFium code point, normalised as :func:`_glyph_text` does; filled as
    code points are met (at most :data:`_MAX_CACHED_TEXTS` of them)."""

    def __missing__(self, code: int) -> str:
        if 32 < code < 127:
            text = chr(code)
        elif code in (2, 0xFFFE):  # a hyphen PDFium took for a line-end break
            text = "-"
        elif code <= 32:  # spaces, line breaks PDFium generates, NUL
            text = " "
        else:
            text = _glyph_text(chr(code)) if code <= 0x10FFFF else " "
        if len(self) < _MAX_CACHED_TEXTS:
            self[code] = text
        return text


_MAX_CACHED_TEXTS = 4096
_PDFIUM_TEXTS = _GlyphTexts()
_OVERHANGING = frozenset((0x66, 0x6A))  # "f", "j"


def _pdfium_pages(data: bytes, name: str, max_pages: int) -> _PdfRead:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableFileError(f"{name}: encrypted PDF (password-protected)") from exc
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableFileError(f"{name}: encrypted PDF (unsupported security)") from exc
        raise UnreadableFileError(f"{name}: corrupt PDF ({_describe(exc)})") from exc

    reader = _pdfium_reader()
    try:
        page_count = len(pdf)
        out: list[tuple[int, _PdfPage]] = []
        failed: list[str] = []
        first_failure: BaseException | None = None
        for number in range(min(page_count, max_pages)):
            try:
                page = pdf[number]
                textpage = page.get_textpage()
                raw = textpage.raw
                count = textpage.count_chars()
                width, height = page.get_size()
            except pdfium.PdfiumError as exc:
                first_failure = first_failure or exc
                failed.append(f"page {number + 1}: {_describe(exc)}")
                continue
            words, undecodable = _build_words(
                reader.glyphs(raw, count, height), reader.style(_address(raw))
            )
            out.append((number, _PdfPage(words, float(width), float(height), undecodable)))
            textpage.close()
            page.close()
        if first_failure is not None and not out:
            message = f"{name}: corrupt PDF ({_describe(first_failure)})"
            raise UnreadableFileError(message) from first_failure
        return _PdfRead(out, page_count, failed)
    finally:
        pdf.close()


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


def _cannot_decode(pages: Sequence[_PdfPage], lines: Sequence[Line]) -> bool:
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


_ENGINES: dict[str, Callable[[bytes, str, int], _PdfRead]] = {
    "pdfplumber": _pdfplumber_pages,
    "pdfium": _pdfium_pages,
}


def _read_pdf(data: bytes, name: str, engine: str, max_pages: int, ocr: str) -> ResumeText:
    read = _ENGINES[engine](data, name, max_pages)
    if read.page_count == 0:
        raise UnreadableFileError(f"{name}: PDF has no pages")
    warnings = [f"could not read {failure}" for failure in read.failed]
    if read.page_count > max_pages:
        warnings.append(f"read only the first {max_pages} of {read.page_count} pages")
    pages = dict(read.pages)
    laid_out = {
        number: _layout_page(page.words, number, page.width, page.height)
        for number, page in read.pages
    }
    scanned: dict[int, str] = {}
    if ocr != "never" and _ocr.ocr_available():
        scanned = _pages_to_ocr(data, pages, laid_out, always=ocr == "always")
        for number, reason in scanned.items():
            pages[number], laid_out[number] = _ocr_pdf_page(data, name, number, reason)
            warnings.append(_ocr_warning(number, reason))
    heights = {number: page.height for number, page in pages.items()}
    lines = _finish_pdf_lines(sorted(laid_out.items()), heights, read.page_count)
    text_layer = [page for number, page in pages.items() if number not in scanned]
    if _cannot_decode(text_layer, [line for line in lines if not line.ocr]):
        raise NoTextError(f"{name}: the text layer cannot be decoded", hint=_no_ocr_hint(ocr))
    if not lines:
        if scanned:
            raise NoTextError(
                f"{name}: no text layer, and OCR found no text on "
                f"{_page_list(scanned)} — is it blank?",
                hint="Check that the scan shows the resume, and scan it again if not.",
            )
        raise NoTextError(f"{name}: no text layer — is it a scanned image?", hint=_no_ocr_hint(ocr))
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


# --------------------------------------------------------------------------------------------
# OCR of PDF pages and image files (see matcher/ocr.py)

DEFAULT_OCR_MIN_WORDS = 25
"""A page with fewer words of text layer than this, under an image covering most of it,
is a scan with a few words stamped on (a scanner's or an app's label): read by OCR."""
DEFAULT_OCR_IMAGE_SHARE = 0.5
"""Share of a page an image must cover for the page to count as a scan."""


def _pages_to_ocr(
    data: bytes, pages: Mapping[int, _PdfPage], laid_out: Mapping[int, list[Line]], *, always: bool
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
        elif _cannot_decode([page], laid_out[number]):
            reasons[number] = "its text layer cannot be decoded"
        elif len(page.words) < DEFAULT_OCR_MIN_WORDS:
            few.append(number)
    for number in _image_covered(data, few):
        reasons[number] = "a scanned image under a few words of text"
    if not reasons and _cannot_decode(
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


def _ocr_pdf_page(data: bytes, name: str, number: int, reason: str) -> tuple[_PdfPage, list[Line]]:
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
) -> tuple[_PdfPage, list[Line]]:
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
    words = [_Word(*word, False, True) for word in read.words]
    page = _PdfPage(words, read.width, read.height)
    lines = _layout_page(words, number, read.width, read.height)
    return page, [replace(line, ocr=True) for line in lines]


def _ocr_warning(number: int, reason: str) -> str:
    return f"page {number + 1} read by OCR ({reason}): check names, dates and skills"


def _page_list(numbers: Iterable[int]) -> str:
    shown = [str(number + 1) for number in sorted(numbers)]
    return f"page {shown[0]}" if len(shown) == 1 else f"pages {', '.join(shown)}"


def _no_ocr_hint(ocr: str) -> str:
    if ocr == "never":
        return "Leave out --ocr never to read it by OCR."
    return _ocr.INSTALL_HINT


def _read_image(data: bytes, name: str, max_pages: int, ocr: str) -> ResumeText:
    """A scanned or photographed resume: each frame of the image file read by OCR."""
    # Damaged and huge images are refused as such, OCR or not (Pillow comes with pdfplumber).
    frames, count = _ocr.image_pages(data, name, max_pages=max_pages)
    if ocr == "never" or not _ocr.ocr_available():
        raise NoTextError(f"{name}: an image, which only OCR can read", hint=_no_ocr_hint(ocr))
    warnings = []
    if count > max_pages:
        warnings.append(f"read only the first {max_pages} of {count} pages")
    laid_out = []
    heights = {}
    for number, (image, scale) in enumerate(frames):
        page, lines = _ocr_page(image, scale, name, number, "an image")
        laid_out.append((number, lines))
        heights[number] = page.height
        warnings.append(_ocr_warning(number, "an image"))
    lines = _finish_pdf_lines(laid_out, heights, count)
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


# --------------------------------------------------------------------------------------------
# DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_TBL, _W_SDT, _W_R = f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}r"
_W_TXBX = f"{_W}txbxContent"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Run containers whose text is part of the paragraph (w:del, deleted text, is not).
_W_RUN_CONTAINERS = frozenset(
    f"{_W}{tag}" for tag in ("hyperlink", "smartTag", "ins", "fldSimple", "sdt", "sdtContent")
)


class _DocxReader:
    """Walks a document body, header or footer in order: paragraphs, tables (cell by
    cell), content controls and text boxes."""

    def __init__(self, document: Any) -> None:
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run

        self._document = document
        self._paragraph_type = Paragraph
        self._run_type = Run
        self._style_cache: dict[str, tuple[bool | None, float]] = {}
        self.lines: list[Line] = []

    def read_blocks(self, parent: Any, column: int) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _W_P:
                self._read_paragraph(child, column)
            elif tag == _W_TBL:
                self._read_table(child)
            elif tag == _W_SDT:
                for content in child.iterchildren(f"{_W}sdtContent"):
                    self.read_blocks(content, column)

    def _read_table(self, table: Any) -> None:
        for row in table.iterchildren(f"{_W}tr"):
            # Cells straight from the XML: python-docx's row.cells repeats merged cells.
            cells = [tc for tc in row.iterchildren(f"{_W}tc")]
            for sdt in row.iterchildren(_W_SDT):
                cells.extend(sdt.iter(f"{_W}tc"))
            start = len(self.lines)
            counts = []  # lines each cell gave
            for number, cell in enumerate(cells):
                before = len(self.lines)
                self.read_blocks(cell, number)
                counts.append(len(self.lines) - before)
            if len(cells) >= DEFAULT_ROW_MIN_CELLS and max(counts) == 1 and sum(counts) > 1:
                self.lines[start:] = [_row_line(self.lines[start:])]

    def _style_of(self, paragraph: Any) -> tuple[bool | None, float]:
        style = paragraph.style
        key = str(style.style_id) if style is not None else ""
        cached = self._style_cache.get(key)
        if cached is not None:
            return cached
        bold: bool | None = None
        size = 0.0
        heading = False
        current = style
        while current is not None:
            name = str(current.name or "").lower()
            heading = heading or name.startswith(("heading", "title"))
            font = getattr(current, "font", None)
            if font is not None:
                if bold is None and font.bold is not None:
                    bold = bool(font.bold)
                if not size and font.size is not None:
                    size = float(font.size.pt)
            current = current.base_style
        if bold is None and heading:
            bold = True
        self._style_cache[key] = (bold, size)
        return bold, size

    def _runs(self, element: Any) -> Iterator[Any]:
        for child in element.iterchildren():
            if child.tag == _W_R:
                yield child
            elif child.tag in _W_RUN_CONTAINERS:
                yield from self._runs(child)

    def _read_paragraph(self, element: Any, column: int) -> None:
        paragraph = self._paragraph_type(element, self._document)
        style_bold, style_size = self._style_of(paragraph)
        pieces: list[str] = []
        bold_chars = total = 0
        sizes: Counter[float] = Counter()
        for r in self._runs(element):
            text = r.text
            if not text:
                continue
            run = self._run_type(r, paragraph)
            bold = run.bold
            if bold is None and run.style is not None and run.style.font.bold is not None:
                bold = run.style.font.bold
            if bold is None:
                bold = style_bold
            size = run.font.size.pt if run.font.size is not None else style_size
            pieces.append(text)
            letters = sum(1 for ch in text if not ch.isspace())
            total += letters
            bold_chars += letters if bold else 0
            sizes[float(size)] += letters
        size = sizes.most_common(1)[0][0] if sizes else style_size
        # A line break inside a paragraph (w:br, w:cr) starts a new line.
        for raw in "".join(pieces).split("\n"):
            text = _clean_line(raw.translate(_CHAR_TABLE))
            if text:
                self.lines.append(
                    Line(text=text, column=column, size=size, bold=bold_chars * 2 > total)
                )
        # Text boxes anchored in this paragraph (a sidebar drawn as a shape).  Word stores each
        # box twice, as DrawingML and as a VML fallback: read the first only.  Boxes nested
        # in a box are read with their outer box.
        for box in element.iter(_W_TXBX):
            if _is_outer_box(box, element):
                self.read_blocks(box, column)


def _row_line(cells: list[Line]) -> Line:
    """A data table's row of one-line cells ("Skill Name | Version | Last Used | Experience",
    "MS Excel | 365 | 2026 | 6 Year(s)") as one line: each cell alone would read as a heading
    or a list item.  Layout tables (a heading cell beside a content cell) have two columns."""
    return Line(
        text=" | ".join(line.text for line in cells),
        size=max(line.size for line in cells),
        bold=all(line.bold for line in cells),
    )


def _is_outer_box(box: Any, paragraph: Any) -> bool:
    for ancestor in box.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag in (_MC_FALLBACK, _W_TXBX):
            return False
    return True


def _read_docx(data: bytes, name: str) -> ResumeText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

    try:
        document = docx.Document(io.BytesIO(data))
        reader = _DocxReader(document)
        reader.read_blocks(document.element.body, 0)
        headers, footers = _DocxReader(document), _DocxReader(document)
        for section in document.sections:
            for kind in ("first_page_", "", "even_page_"):
                for part, into in ((f"{kind}header", headers), (f"{kind}footer", footers)):
                    story = getattr(section, part)
                    if not story.is_linked_to_previous:  # else it has no text of its own
                        into.read_blocks(story._element, 0)
    except (
        PackageNotFoundError,  # not a package python-docx recognises
        zipfile.BadZipFile,  # damaged ZIP directory or CRC
        zlib.error,  # damaged compressed member
        NotImplementedError,  # zipfile: a ZIP version or compression method it does not know
        EOFError,  # truncated member
        KeyError,  # a part the package lists is missing from the ZIP
        XMLSyntaxError,  # a part is not well-formed XML
        ValueError,  # python-docx: the main part is not a Word document
    ) as exc:
        raise UnreadableFileError(f"{name}: corrupt DOCX ({_describe(exc)})") from exc
    if not reader.lines:
        raise NoTextError(f"{name}: no text in the document body")
    # Templates keep the name and contact details in the page header: it is read first,
    # and the footer last, each distinct line once (every section may repeat them).
    lines = [*_furniture(headers.lines), *reader.lines, *_furniture(footers.lines)]
    return ResumeText(file=name, format="docx", lines=tuple(lines), written=_docx_written(document))


def _docx_written(document: Any) -> date | None:
    """The core properties' modified date, else created; None without core properties
    (python-docx would make up a part dated now)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        part = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return None
    properties = part.core_properties
    stamp = properties.modified or properties.created
    return None if stamp is None else stamp.date()


_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?", re.IGNORECASE)


def _furniture(lines: Sequence[Line]) -> list[Line]:
    """Header or footer lines worth keeping: each distinct text once, no page numbers."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        if line.text in seen or _PAGE_NUMBER.fullmatch(line.text):
            continue
        seen.add(line.text)
        kept.append(line)
    return kept


# --------------------------------------------------------------------------------------------
# Plain text and Markdown


def _decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode by BOM (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1252/Latin-1."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(
                    f"{name}: not valid {encoding.upper()} text ({_describe(exc)})"
                ) from exc
    if b"\x00" in data:
        # UTF-16 without a BOM puts a NUL in every other byte of ASCII text.
        even, odd = data[0::2].count(0), data[1::2].count(0)
        half = len(data) // 2
        if max(even, odd) > 0.3 * half and min(even, odd) < 0.05 * half:
            try:
                text = data.decode("utf-16-be" if even > odd else "utf-16-le")
            except UnicodeDecodeError:
                text = ""
            if sum(ch.isprintable() or ch.isspace() for ch in text) > 0.95 * len(text) > 0:
                return text, []
        raise UnreadableFileError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # every byte sequence decodes
        encoding = "Latin-1"
    return text, [f"not UTF-8; read as {encoding}"]


def _read_text(data: bytes, name: str) -> ResumeText:
    text, warnings = _decode_text(data, name)
    lines: list[Line] = []
    previous = ""  # the previous line as written
    for number, raw in enumerate(text.splitlines()):
        stripped = " ".join(raw.translate(_CHAR_TABLE).split())
        bold = False
        if _MD_RULE_RE.match(stripped):
            # A rule, or a setext underline that makes the previous paragraph line a heading.
            if (
                stripped[0] in "=-"
                and lines
                and lines[-1].top == number - 1
                and _clean_line(previous) == previous
            ):
                lines[-1] = replace(lines[-1], bold=True)
            previous = stripped
            continue
        previous = stripped
        heading = _MD_HEADING_RE.match(stripped)
        if heading:
            stripped, bold = heading.group(1), True
        strong = _MD_STRONG_RE.match(stripped)
        if strong:
            stripped, bold = strong.group(2), True
        cleaned = _clean_line(stripped)
        if cleaned:
            lines.append(Line(text=cleaned, top=float(number), bold=bold))
    if not lines:
        raise NoTextError(f"{name}: the file holds no text")
    return ResumeText(file=name, format="text", lines=tuple(lines), warnings=tuple(warnings))


# --------------------------------------------------------------------------------------------
# Entry point


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

    DOCX: the body in order (paragraphs, tables cell by cell, content controls, text
    boxes); headers and footers are ignored.  Text: UTF-8 with or without BOM, UTF-16/32
    with BOM, else Windows-1252/Latin-1 (with a warning); Markdown heading marks,
    emphasis around a whole line and bullets are stripped.

    OCR (``ocr``, one of :data:`matcher.ocr.OCR_MODES`; needs the ``ocr`` extra): with
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
        UsageError: ``engine`` is not one of :data:`ENGINES`, or ``ocr`` not an OCR mode
            (or ``"always"`` without the ``ocr`` extra).
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
        return _read_pdf(data, name, engine, max(1, max_pages), ocr)
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return _read_docx(data, name)
    if data.startswith(_IMAGE_MAGIC):
        return _read_image(data, name, max(1, max_pages), ocr)
    if suffix in _ocr.IMAGE_SUFFIXES:
        raise UnreadableFileError(f"{name}: not a PNG, JPEG or TIFF image ({_looks_like(data)})")
    if suffix == ".pdf":
        raise UnreadableFileError(f"{name}: not a PDF ({_looks_like(data)})")
    if suffix == ".docx":
        if data.startswith(b"PK\x03\x04"):
            raise UnreadableFileError(f"{name}: not a DOCX (a ZIP without word/document.xml)")
        raise UnreadableFileError(f"{name}: not a DOCX ({_looks_like(data)})")
    if suffix in TEXT_SUFFIXES:
        return _read_text(data, name)
    shown = f"'{suffix}'" if suffix else "without an extension"
    raise UnreadableFileError(
        f"{name}: unsupported format {shown} (supported: {SUPPORTED_FORMATS})"
    )
