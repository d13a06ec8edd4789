"""Years of use of a skill: the dated positions that mention it, or what a line states
("3 years of Python")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from matcher.parse.dates import YEARS, years_of
from matcher.skills.context import _NEGATION_REACH
from matcher.skills.result import Mention, TextLine

MonthSpan = tuple[int, int]
"""Months, both ends included, each as ``year * 12 + month - 1`` (``Period.span``)."""
# "3 years of Python", "5+ yrs experience with PyTorch", "Python (4 years)"
_YEARS_BEFORE = re.compile(
    rf"{YEARS}(?:[\s']+(?:of|in|with|experience|hands-on|"
    r"professional|working|using|developing|building))*\W*$",
    re.IGNORECASE,
)
_YEARS_AFTER = re.compile(rf"^\W{{0,3}}\(?\s*{YEARS}", re.IGNORECASE)


def _years_of_use(
    mentions: Sequence[Mention], lines: Sequence[TextLine], periods: Sequence[MonthSpan | None]
) -> tuple[float | None, int | None]:
    spans = []
    for mention in mentions:
        position = lines[mention.line].position
        if position is not None and position < len(periods) and periods[position] is not None:
            spans.append(periods[position])
    merged = merge_spans(span for span in spans if span is not None)
    dated = sum(end - start + 1 for start, end in merged) / 12 if merged else None
    last_used = merged[-1][1] // 12 if merged else None
    statements = [_stated_years(lines[m.line].text, m) for m in mentions]
    stated = max((y for y in statements if y is not None), default=None)
    candidates = [y for y in (dated, stated) if y is not None]
    return (round(max(candidates), 1) if candidates else None), last_used


def _stated_years(text: str, mention: Mention) -> float | None:
    """Years a line states for a mention: "3 years of Python", "Python (4 yrs)"."""
    lowered = text.lower()
    if "year" not in lowered and "yr" not in lowered:  # most lines: neither pattern can match
        return None
    before = _YEARS_BEFORE.search(text[max(0, mention.start - _NEGATION_REACH) : mention.start])
    after = _YEARS_AFTER.match(text[mention.start + len(mention.surface) :])
    found = [years_of(m) for m in (before, after) if m is not None]
    return max(found) if found else None


def merge_spans(spans: Iterable[MonthSpan]) -> list[MonthSpan]:
    """Overlapping or touching spans merged, in order."""
    merged: list[MonthSpan] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
