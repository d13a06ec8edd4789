"""Periods of work and how they add up: a calendar month, a span of months as a resume
states it, and the months and years that periods held one after the other (or at once)
cover.

How a year written alone is counted, and why, is told with the grammar that reads it
(:mod:`matcher.parse.dates`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["Period", "YearMonth", "merge_periods", "total_months", "total_years"]

# A range whose months are unknown at both ends and that lies inside one year counts this
# share of the months it could cover (E|U1 - U2| = 1/3 for two uniform points).
_SAME_YEAR_SHARE = 1 / 3
# The month (zero-based) a year written alone is counted from or to: the middle of the year.
_MID_YEAR_START = 6  # July
_MID_YEAR_END = 5  # June


@dataclass(frozen=True, order=True)
class YearMonth:
    """A calendar month."""

    year: int
    month: int
    """1 to 12."""

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, not {self.month}")

    @property
    def index(self) -> int:
        """Months since year 0: consecutive months have consecutive indexes."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> YearMonth:
        return cls(index // 12, index % 12 + 1)

    @classmethod
    def from_date(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Period:
    """A span of months, as a resume states it."""

    start: YearMonth
    end: YearMonth
    """For an open-ended period, the ``as_of`` month."""
    open_ended: bool = False
    """True when the text says the period goes on ("Present", "Since 2021")."""
    start_exact: bool = True
    """False when the start was written as a year alone (its month is a convention)."""
    end_exact: bool = True
    """False when the end was written as a year alone."""
    text: str = field(default="", compare=False)
    """The range as written."""

    @property
    def span(self) -> tuple[int, int]:
        """First and last month counted, as :attr:`YearMonth.index` values (inclusive).

        Differs from ``start``/``end`` only for years written alone (see the conventions of
        :mod:`matcher.parse.dates`).
        """
        first = self.start.index if self.start_exact else self.start.year * 12 + _MID_YEAR_START
        last = self.end.index if self.end_exact else self.end.year * 12 + _MID_YEAR_END
        first = max(first, self.start.index)
        last = min(last, self.end.index)
        if last < first:
            # Both ends inside one year with at least one month unknown: count the expected
            # share of the months the range could cover, centred in them.
            width = self.end.index - self.start.index + 1
            counted = max(1, round(width * _SAME_YEAR_SHARE))
            first = self.start.index + (width - counted) // 2
            last = first + counted - 1
        return first, last

    @property
    def months(self) -> int:
        """Months counted for this period (see :mod:`matcher.parse.dates`)."""
        first, last = self.span
        return last - first + 1

    @property
    def years(self) -> float:
        return round(self.months / 12, 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": str(self.start),
            "end": "present" if self.open_ended else str(self.end),
            "months": self.months,
            "text": self.text,
        }


def merge_periods(periods: Iterable[Period]) -> list[Period]:
    """Overlapping, back-to-back or turn-of-year periods merged into one, earliest first."""
    return [period for period, _, _ in _merge(periods)]


def total_months(periods: Iterable[Period]) -> int:
    """Months worked: overlaps counted once, turn-of-year job changes not counted as gaps."""
    return sum(last - first + 1 for _, first, last in _merge(periods))


def _merge(periods: Iterable[Period]) -> list[tuple[Period, int, int]]:
    """Merged periods with the first and last month each one counts."""
    groups: list[tuple[Period, int, int]] = []
    for period in sorted(periods, key=lambda period: period.span):
        first, last = period.span
        if groups:
            current, current_first, current_last = groups[-1]
            if first <= current_last + 1 or _turn_of_year(current, period):
                joined = _join(current, period, keep_end=current_last >= last)
                groups[-1] = (joined, current_first, max(current_last, last))
                continue
        groups.append((period, first, last))
    return groups


def _turn_of_year(before: Period, after: Period) -> bool:
    """Jobs written in whole years, one ending the year before the next starts.

    "2016 – 2017" then "2018 – 2020" are two jobs held one after the other, the change
    around the new year: counting each from the middle of its years would put a year's gap
    between them that the resume does not show.
    """
    return (
        not before.end_exact
        and not before.open_ended
        and not after.start_exact
        and after.start.year == before.end.year + 1
    )


def _join(current: Period, period: Period, *, keep_end: bool) -> Period:
    start_from = current if current.start <= period.start else period
    end_from = current if keep_end else period
    return Period(
        start=start_from.start,
        end=end_from.end,
        open_ended=end_from.open_ended,
        start_exact=start_from.start_exact,
        end_exact=end_from.end_exact,
        text="; ".join(t for t in (current.text, period.text) if t),
    )


def total_years(periods: Iterable[Period]) -> float:
    """Years covered by at least one period: months / 12, rounded to one decimal."""
    return round(total_months(periods) / 12, 1)
