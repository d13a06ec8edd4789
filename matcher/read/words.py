"""Glyphs → words: what a PDF engine hands the layout, and how its glyphs become words.

An engine (:mod:`~matcher.read.pdfplumber_engine`, :mod:`~matcher.read.pdfium_engine`, or
OCR) only turns a page into positioned :data:`Glyph` s and a :data:`StyleLookup`;
:func:`build_words` is the one pure function that makes words of them, so both engines
give the same words on ordinary PDFs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from matcher.read.chars import UNDECODABLE

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


_BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi|cmbx|sfbx", re.IGNORECASE)


Glyph = tuple[str, float, float, float, float, int]
"""``(text, x0, x1, top, bottom, index)``; coordinates in points from the page's top left.
``index`` is handed back to the engine's style callback when a word starts there."""

StyleLookup = Callable[[int], tuple[float, bool] | None]
"""Given a glyph index, the glyph's font size (points, as rendered) and whether it is bold;
``None`` when the engine knows no character for the glyph (it has no Unicode mapping)."""


class Word(NamedTuple):
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
class PdfPage:
    """One page as an engine saw it, before layout."""

    words: list[Word]
    width: float
    height: float
    undecodable: int = 0
    """Glyphs on the page that have no character (see :data:`~matcher.read.chars.UNDECODABLE`)."""


class PdfRead(NamedTuple):
    pages: list[tuple[int, PdfPage]]
    page_count: int
    failed: list[str]


def is_bold_font(fontname: str) -> bool:
    return _BOLD_FONT_RE.search(fontname) is not None


def build_words(
    glyphs: Iterable[Glyph],
    style: StyleLookup,
    *,
    word_gap: float = DEFAULT_WORD_GAP,
) -> tuple[list[Word], int]:
    """Group glyphs, in content-stream order, into words; also count the glyphs without
    a character (:data:`~matcher.read.chars.UNDECODABLE` ones, and word starts ``style``
    says have none).

    Glyph texts come normalised by :func:`~matcher.read.chars.glyph_text`.  A word ends at
    a separator glyph, at a horizontal gap wider than ``word_gap`` × font size, at a jump
    back to the left, or at a change of baseline.  A glyph drawn again on top of the
    previous one ("fake bold") is dropped and marks the word bold.  Font style is looked up
    once per word, which keeps the PDFium engine fast.
    """
    words: list[Word] = []
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
                append(Word("".join(parts), x0, x1, top, bottom, size, bold, True))
                parts = []
            if text == UNDECODABLE:
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
            append(Word("".join(parts), x0, x1, top, bottom, size, bold, False))
        found = style(index)
        if found is None:  # no character: separates words, as UNDECODABLE does
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
        append(Word("".join(parts), x0, x1, top, bottom, size, bold, False))
    return _dedupe_words(words), undecodable


def _dedupe_words(words: list[Word]) -> list[Word]:
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
