"""Columns: the gutters that split a page's rows into columns, found by a sweep."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from matcher.read.rows import Row, row_segments

DEFAULT_GUTTER_MIN_HEIGHT = 0.5
"""A gutter is a vertical band free of words over at least this fraction of the page's text
height (the rest is a full-width header above, or footer below, the columns)."""
DEFAULT_GUTTER_MIN_WIDTH = 1.0
"""Minimum gutter width as a fraction of the page's median font size (word spaces are ~0.25)."""
DEFAULT_COLUMN_MIN_SHARE = 0.4
"""A column must span this share of its band's height; a shorter one is a box beside the
text, and the band shrinks to it."""
DEFAULT_MIN_COLUMN_LINES = 3
"""Each side of a gutter must hold at least this many lines for it to split columns."""


_BIN = 2.0  # points per bin of the gutter sweep; far below any real gutter width


@dataclass(frozen=True)
class Columns:
    """Where a page splits into columns: gutters (x ranges) valid between ``top`` and
    ``bottom``; text above and below that band is full width."""

    gutters: tuple[tuple[float, float], ...]
    top: float
    bottom: float


_Segments = list[tuple[float, float, list[tuple[float, float]]]]


def find_columns(rows: list[Row]) -> Columns | None:
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
        segments = row_segments(row.words, min_width)
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

    candidates = _gutter_candidates(best, span, row_boxes, left, min_width, min_run)
    return _shared_band(candidates) if candidates else None


_Candidate = tuple[float, float, float, float]  # a gutter's x0 and x1, its band's top and bottom


def _gutter_candidates(
    best: list[float],
    span: list[tuple[float, float]],
    row_boxes: _Segments,
    left: float,
    min_width: float,
    min_run: float,
) -> list[_Candidate]:
    """The gutters that split columns, from the sweep: for each 2-point bin starting at
    ``left``, its longest word-free run (``best``) and where that run lies (``span``)."""
    bins = len(best)
    candidates: list[_Candidate] = []
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
    return candidates


def _shared_band(candidates: list[_Candidate]) -> Columns:
    """Several gutters (three columns) must share most of one band; the longest one leads."""
    candidates = sorted(candidates, key=lambda c: c[3] - c[2], reverse=True)
    gutters = [candidates[0][:2]]
    band_top, band_bottom = candidates[0][2], candidates[0][3]
    for gx0, gx1, top, bottom in candidates[1:]:
        overlap = min(bottom, band_bottom) - max(top, band_top)
        if overlap >= DEFAULT_COLUMN_MIN_SHARE * (band_bottom - band_top):
            gutters.append((gx0, gx1))
            band_top, band_bottom = max(top, band_top), min(bottom, band_bottom)
    return Columns(tuple(sorted(gutters)), band_top, band_bottom)


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
