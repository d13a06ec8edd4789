"""Side margins: headings and dates set left of the content, placed in reading order."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import pairwise

from matcher.read.columns import DEFAULT_MIN_COLUMN_LINES
from matcher.read.rows import Row, group_rows, row_segments
from matcher.read.words import DEFAULT_ROW_TOLERANCE, Word

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


def side_margin_rows(rows: list[Row]) -> list[Row] | None:
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
        x0 for row in rows for x0, _ in row_segments(row.words, gap)[:2] if lowest <= x0 <= highest
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


def _has_alnum(words: Iterable[Word]) -> bool:
    return any(_ALNUM_RE.search(word.text) for word in words)


def _split_side_margin(rows: list[Row], edge: float, gap: float, em: float) -> list[Row] | None:
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
    split = _margin_words(rows, edge, gap)
    if split is None:
        return None
    margin, rest = split
    others = group_rows(rest)
    content = [
        row
        for row in others
        if all(word.x0 >= edge for word in row.words if _ALNUM_RE.search(word.text))
    ]
    blocks = _margin_blocks(margin, content, em)

    placed = [(row.top, 1, row) for row in others]
    lead: dict[int, list[Word]] = {}  # id of a content row → margin words read before it
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
            placed.append((anchor.top, 0, Row(words, first.top, block[-1].bottom)))
    if not texts or texts * 2 > len(others):
        return None
    placed.sort(key=lambda item: item[:2])
    return [
        row._replace(words=lead[id(row)] + row.words) if id(row) in lead else row
        for _, _, row in placed
    ]


def _margin_words(rows: list[Row], edge: float, gap: float) -> tuple[list[Word], list[Word]] | None:
    """The words of the margin texts left of ``edge``, and all other words; None when too
    many rows run across the edge (see :func:`_split_side_margin`)."""
    margin: list[Word] = []
    rest: list[Word] = []
    signs: list[Word] = []  # bullets; or an "&" that a superscript split off its row
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
    return margin, rest


def _margin_blocks(margin: list[Word], content: list[Row], em: float) -> list[list[Row]]:
    """The margin words' rows, grouped into texts: rows one content line apart (the
    content's median line spacing, else ``DEFAULT_SIDE_WRAP_PITCH`` font sizes) are one
    text wrapped."""
    line_steps = sorted(
        step
        for above, below in pairwise(content)
        if 0 < (step := below.bottom - above.bottom) <= 2 * DEFAULT_SIDE_WRAP_PITCH * em
    )
    pitch = line_steps[len(line_steps) // 2] if line_steps else DEFAULT_SIDE_WRAP_PITCH * em
    blocks: list[list[Row]] = []
    for row in group_rows(margin):
        if blocks and row.bottom - blocks[-1][-1].bottom <= _SIDE_WRAP_SLACK * pitch:
            blocks[-1].append(row)
        else:
            blocks.append([row])
    return blocks
