"""A chunk's skill entities and line breaks, read once from the spaCy Doc, and the window
of tokens around a mention that the rules look in."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc


class _Entity(NamedTuple):
    """A skill entity with the spaCy properties the rules read, read once: each read of
    ``Span.text``, ``Span.label_`` or ``Span.ent_id_`` builds a new string."""

    start: int
    end: int
    start_char: int
    label: str
    skill_id: str
    text: str


class _Breaks(NamedTuple):
    """Where the doc's lines end: line ``k`` is tokens ``starts[k - 1]`` (0 for the first)
    to ``ends[k]`` (exclusive; the doc's length for the last)."""

    ends: list[int]
    starts: list[int]


def _line_breaks(doc: Doc, text: str, wraps: Sequence[int]) -> _Breaks:
    """The doc's line breaks: the tokens that hold a "\\n", and the wraps (``wraps``: the
    offsets where a wrapped line's continuation starts, joined to it by a space).

    Found from the characters: a "\\n" is never a token's trailing space (spaCy keeps only a
    single " " as that), so it lies in the token that starts last at or before it.  Asking
    each token near each mention made a spaCy ``Token`` per step.
    """
    from spacy.attrs import IDX

    newlines = [found.start() for found in _NEWLINE.finditer(text)]
    if not newlines and not wraps:
        return _Breaks([], [])
    token_starts = doc.to_array(IDX)
    held: list[int] = (token_starts.searchsorted(newlines, side="right") - 1).tolist()
    if not wraps:
        return _Breaks(held, [index + 1 for index in held])
    # A wrap ends its line before the continuation's first token, which starts the next.
    wrapped: list[int] = token_starts.searchsorted(wraps, side="left").tolist()
    pairs = sorted(
        [*((index, index + 1) for index in held), *((index, index) for index in wrapped)]
    )
    return _Breaks([end for end, _ in pairs], [start for _, start in pairs])


_NEWLINE = re.compile("\n")


def _line_window(ent: _Entity, breaks: _Breaks, length: int, size: int) -> range:
    """The indices of up to ``size`` tokens either side of ``ent``, never crossing a line
    break (``breaks``, in a doc of ``length`` tokens) but the ones ``ent`` runs across."""
    before = bisect_right(breaks.ends, ent.start)  # lines that end before ent starts
    after = bisect_left(breaks.ends, ent.end)  # the first line that ends at or after its end
    start = max(ent.start - size, breaks.starts[before - 1] if before else 0)
    end = min(ent.end + size, breaks.ends[after] if after < len(breaks.ends) else length)
    return range(start, end)
