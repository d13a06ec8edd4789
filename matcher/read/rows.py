"""Words → rows: the words that share a baseline, and the x ranges a row covers."""

from __future__ import annotations

import itertools
from operator import attrgetter
from typing import NamedTuple

from matcher.read.words import DEFAULT_ROW_TOLERANCE, Word

DEFAULT_LARGE_TEXT_RATIO = 1.5
"""Words this many times the size of the smallest on their row are large text: a name
beside contact details, not words of one line with them."""

_X0, _TOP, _BOTTOM = attrgetter("x0"), attrgetter("top"), attrgetter("bottom")
_SIZE = attrgetter("size")


class Row(NamedTuple):
    """Words sharing a baseline, left to right, with their vertical extent."""

    words: list[Word]
    top: float
    bottom: float


def group_rows(words: list[Word]) -> list[Row]:
    """Cluster words that share a baseline; rows come top down.

    The tolerance is a fraction of the smaller font: a name in 40-point type and the
    12-point contact line under it end a few points apart, but do not share a line.  A
    row whose large words stand beside another row of small text (a name beside two
    lines of contact details) splits in two: the large words are a block of their own.
    """
    groups: list[list[Word]] = []
    current: list[Word] = []
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
        rows.append(Row(group, min(map(_TOP, group)), max(map(_BOTTOM, group))))
    rows.sort(key=_TOP)
    return rows


def _split_large_words(groups: list[list[Word]]) -> list[list[Word]]:
    """Take large words (see :data:`DEFAULT_LARGE_TEXT_RATIO`) out of a row when a
    neighbouring row of smaller text stands within their height (its middle, or for words
    rather than icons any of it): they stand beside a block of small lines (a name beside
    a contact block whose link wraps onto the name's baseline), not on one line with it."""
    out: list[list[Word]] = []
    for n, group in enumerate(groups):
        smallest = min(map(_SIZE, group))
        if max(map(_SIZE, group)) < DEFAULT_LARGE_TEXT_RATIO * smallest:
            out.append(group)
            continue
        large = [word for word in group if word.size >= DEFAULT_LARGE_TEXT_RATIO * smallest]
        top, bottom = min(map(_TOP, large)), max(map(_BOTTOM, large))
        # Icons and bullets set larger than their line's text, before each of its items,
        # stay on it unless a neighbouring row's middle falls within them.
        block = _apart(group, large) and any(sum(c.isalpha() for c in w.text) > 1 for w in large)
        beside = any(
            top < (word.top + word.bottom) / 2 < bottom
            or (block and word.top < bottom and word.bottom > top)
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


def _apart(group: list[Word], large: list[Word]) -> bool:
    """The large words of a row stand on one side of its small ones, not among them."""
    flags = [word in large for word in sorted(group, key=_X0)]
    return sum(a != b for a, b in itertools.pairwise(flags)) <= 1


def row_segments(row: list[Word], min_gap: float) -> list[tuple[float, float]]:
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
