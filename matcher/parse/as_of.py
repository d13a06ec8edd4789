"""The date "Present" means in a document: the caller's choice, the file's own date when it
is believable, or today; and where it came from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from matcher.parse.dates import RejectedRange, _locate
from matcher.parse.periods import YearMonth

__all__ = [
    "AS_OF_SOURCES",
    "DEFAULT_DOCUMENT_SLACK_MONTHS",
    "EARLIEST_DOCUMENT_DATE",
    "AsOf",
    "AsOfSource",
    "choose_as_of",
    "describe_as_of",
]
EARLIEST_DOCUMENT_DATE = date(1980, 1, 1)
"""A file dated before this carries a placeholder (a zeroed clock, the ZIP epoch), not the
day it was written."""
DEFAULT_DOCUMENT_SLACK_MONTHS = 12
"""How long after a file's own date a period it lists may start ("Summer 2016" in a resume
saved in autumn 2015: an internship offered) before that date is taken to be wrong (a
template's or a generator's fixed date)."""


AsOfSource = Literal["option", "document", "today"]
AS_OF_SOURCES: dict[str, str] = {"option": "chosen", "document": "file date", "today": "today"}
"""Where the date "Present" means came from, in a word or two for tables and reports:
``option``, the caller chose it (``--as-of``); ``document``, the file's own date;
``today``, the clock (or the caller's stand-in for it)."""


@dataclass(frozen=True)
class AsOf:
    """The date "Present" means, and where it came from."""

    day: date
    source: AsOfSource
    """A key of :data:`AS_OF_SOURCES`."""

    def __str__(self) -> str:
        return str(YearMonth.from_date(self.day))


def describe_as_of(month: str, source: str) -> str:
    """``"2015-03 (file date)"``: a month and its source as tables show them."""
    return f"{month} ({AS_OF_SOURCES.get(source, source)})"


def choose_as_of(
    *, option: date | None, written: date | None, today: date, lines: Iterable[str] = ()
) -> AsOf:
    """The date "Present" means in a document: ``option`` when given; else the date the
    file says it was saved (``written``) when it is believable; else ``today``.

    A resume is read as of the day it was written: one saved in 2015 that says "2012 –
    Present" claims three years, not three plus the years since.  ``written`` is not
    believable before :data:`EARLIEST_DOCUMENT_DATE`, in a later month than ``today``, or
    when one of ``lines`` (the document's text, read only in that case) holds a period
    starting more than :data:`DEFAULT_DOCUMENT_SLACK_MONTHS` after it.
    """
    if option is not None:
        return AsOf(option, "option")
    if written is not None and _believable(written, today, lines):
        return AsOf(written, "document")
    return AsOf(today, "today")


def _believable(written: date, today: date, lines: Iterable[str]) -> bool:
    month = YearMonth.from_date(written)
    if written < EARLIEST_DOCUMENT_DATE or month > YearMonth.from_date(today):
        return False
    latest = month.index + DEFAULT_DOCUMENT_SLACK_MONTHS
    # Read as of ``written``, as the parse stage then reads the lines (the answers are
    # cached): a period starting after it is a RejectedRange that knows its start.
    return not any(
        isinstance(found, RejectedRange) and found.start is not None and found.start.index > latest
        for line in lines
        for _, _, found in _locate(line, written)
    )
