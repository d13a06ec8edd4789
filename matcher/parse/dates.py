"""Date ranges as resumes write them, and the years of experience they add up to.

Resumes write the same range in dozens of ways ("Jan 2019 – Present", "03/2018 - 11/2020",
"2017-19", "Summer 2020", "Since 2021").  :func:`find_periods` turns every range in a text
into a :class:`~matcher.parse.periods.Period`; :func:`~matcher.parse.periods.merge_periods`
and :func:`~matcher.parse.periods.total_years` merge overlapping ones so that two jobs held at
once are not counted twice.  :data:`YEARS` is the grammar of an amount of years ("5+ years"),
and :func:`find_stated_years` finds statements of experience made with it.

Conventions (each one is a choice; they are written here so the output can be explained):

* "Present", "pres.", "Presently", "Present day", "Current", "Current date", "Now", "Till
  date", "to date", "Ongoing", "Continuing", "2019 onwards" mean ``as_of``, a date the
  caller passes in (:data:`PRESENT` lists them).
  Nothing in this module reads the clock, so the same text always gives the same answer.
* Any dash-like character separates the two dates of a range (:data:`DASHES`: hyphens,
  en and em dashes, the minus sign, the soft hyphen LaTeX templates draw, fullwidth forms).
* A year written alone is shown as January when it starts a range and December when it ends
  one: "2017 – 2019" is 2017-01 to 2019-12, the whole of both years as written.
* Durations, however, count a year written alone from the middle of that year: "2017 – 2019"
  counts 24 months, not 36.  Someone who writes "2017 – 2019" started at some month of 2017
  and left at some month of 2019; on average that is two years, and counting January to
  December would add eleven months to every range written in whole years (most of them).
  A range that starts and ends in the same year with unknown months ("2017 – 2017") counts
  4 months, the expected distance between two months of one year.
  When one range ends in a year and the next starts in the following one ("2016 – 2017",
  "2018 – 2020"), the job changed around the new year: no gap is counted between them.
* Month ranges count both end months: "Jan 2019 – Dec 2019" is 12 months.
* Seasons: Spring = March–May, Summer = June–August, Fall/Autumn = September–November,
  Winter = January–February of the year written (the winter term).
* "YYYY-MM" with MM from 01 to 12 is a month ("2019-01"); "YYYY-YY" otherwise is a range of
  years ("2017-19").  A lone "2011-12" is read as the range 2011–2012, which is how resumes
  that are not in ISO style use it.
* "01/02/2019" is month first (January), as in the US, unless the range shows it is written
  day first: one of its dates starts with a number that is no month ("15/01/2019"), or its
  numbers are joined by dots ("01.02.2019"), which only day-first countries write.  A day
  written before a month's name ("1st June 2015") is read and dropped, as any day is.
* A quarter ("Q2 2021") is its three months.
* A month written alone ("Graduated May 2010") is no period: it dates an event, not a
  span.  A season alone ("Summer 2020") is one: it is how internships are written.
* Two-digit years ("Jan '19", "Jan-19", "03/18") are 20YY unless that is more than a year after
  ``as_of``, then 19YY.
* A range that starts after ``as_of`` or ends before it starts is ignored; :func:`scan_periods`
  says why.  A range that ends after ``as_of`` ("2020 – 2025", a contract's planned end) is
  kept and counted up to ``as_of``: the job has been held at least that long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from matcher.parse.periods import Period, YearMonth

__all__ = [
    "DASH",
    "DASHES",
    "DATE",
    "MONTH",
    "PRESENT",
    "SEASON",
    "TO",
    "YEAR",
    "YEARS",
    "DateScan",
    "RejectedRange",
    "StatedYears",
    "find_periods",
    "find_stated_years",
    "locate_periods",
    "may_hold_a_date",
    "scan_periods",
    "years_of",
]


@dataclass(frozen=True)
class RejectedRange:
    """A date range found in the text but not used, and why."""

    text: str
    reason: str
    start: YearMonth | None = field(default=None, compare=False)
    """The first month the range names, where the reason is about it."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class DateScan:
    """Every date range in a text: those used, and those ignored with a reason."""

    periods: tuple[Period, ...]
    rejected: tuple[RejectedRange, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "periods": [period.to_dict() for period in self.periods],
            "rejected": [item.to_dict() for item in self.rejected],
        }


@dataclass(frozen=True)
class StatedYears:
    """An explicit statement of experience ("6+ years of experience")."""

    years: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"years": self.years, "text": self.text}


# --- the grammar -------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (1, 2),
}

# The pieces below are patterns (strings) to build larger ones with; every date pattern of
# the parse stage is made of them, so a new way of writing a date is added here once.

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
"""A month's name, whole or cut short ("Jan", "Sept.", "September"), read case-insensitively."""
YEAR = r"(?:19[5-9]\d|20\d\d)(?!\d)"
"""A year of four digits a resume can date work or study with (1950 to 2099)."""
_YEAR2 = r"['’‘]\d\d(?!\d)"
_MM = r"(?:0?[1-9]|1[0-2])"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
"""A season, read case-insensitively ("Summer 2020" is an internship's period)."""

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_QUARTER = r"q[1-4]"

DATE = (
    r"(?:"
    rf"{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*{YEAR}"  # January 15, 2019
    rf"|{_DAY}(?:st|nd|rd|th)?\s+{MONTH}[\s,]*{YEAR}"  # 15 January 2019, 1st Jan 2019
    rf"|{_QUARTER}[\s,']*{YEAR}"  # Q1 2019
    rf"|{MONTH}[\s,/-]*(?:of\s+)?(?:{YEAR}|{_YEAR2})"  # Jan 2019, Jan. 2019, Jan '19
    rf"|{MONTH}[-/]\d\d(?!\d)"  # Jan-19 (a day would be written "19-Jan" or "Jan 19, 2019")
    rf"|{SEASON}\s*,?\s*(?:{YEAR}|{_YEAR2})"  # Summer 2020
    rf"|{YEAR}[-/.](?:0[1-9]|1[0-2])(?:[-/.](?:0[1-9]|[12]\d|3[01]))?(?!\d)"  # 2019-01(-15)
    rf"|{_MM}/{_DAY}/{YEAR}"  # 01/15/2019
    rf"|{_DAY}[/.]{_MM}[/.]{YEAR}"  # 15/01/2019, 15.01.2019
    rf"|{_MM}[/.-]{YEAR}"  # 03/2018
    rf"|{_MM}/\d\d(?!\d)"  # 03/18
    rf"|{YEAR}"  # 2019
    r")"
)
"""One date in any of the forms resumes write, most specific form first (alternation takes
the first that matches), read case-insensitively."""
PRESENT = (
    r"(?:(?:to|till|until|up\s*to)\s+(?:date|now|present)|till\s+date"
    r"|present(?:ly|\s+(?:day|date|time))?|pres\.?"
    r"|current(?:ly|\s+date)?|now|today|date|ongoing|onwards?|continuing)(?![a-z])"
)
"""The words that say a period goes on ("Present", "pres.", "till date", "ongoing", …), as
a case-insensitive pattern: the one list every stage reads them with."""
DASHES = (
    "-"
    "\u00ad"  # soft hyphen: LaTeX templates (Awesome-CV) draw the range dash with it
    "\u2010\u2011"  # hyphen, non-breaking hyphen
    "\u2012\u2013\u2014\u2015"  # figure dash, en dash, em dash, horizontal bar
    "\u2043\u2212"  # hyphen bullet, minus sign
    "\ufe58\ufe63\uff0d"  # small em dash, small and fullwidth hyphen-minus
    "~"
)
"""Every character written between the two dates of a range, as the body of a character
class (``rf"[{DASHES}]"``); first in a class, where its leading hyphen is no range."""
DASH = rf"(?:[{DASHES}]+|->|→)"
"""A dash between two dates: a run of :data:`DASHES` or an arrow."""
TO = rf"(?:{DASH}|\b(?:up\s*)?to\b:?|\buntil\b|\btill\b|\bthrough\b|\bthru\b)"
"""What stands between the two dates of a range: a dash, "to", "until", "through", …."""
_SEP = rf"\s*{TO}\s*"
# A date must not continue a number or a word ("ID 12019", "v2.2019").
_BEFORE = r"(?<![\w/.+])"
_AFTER = r"(?![\w/]|[-.]\d)"

_RANGE_RE = re.compile(
    rf"{_BEFORE}(?:"
    # between 2013 and 2016 ("and" is a range only after "between")
    rf"between\s+(?P<bstart>{DATE})\s*(?:and|&)\s*(?:(?P<bend>{DATE})|(?P<bpresent>{PRESENT})){_AFTER}"
    r"|"
    # Jan 2019 – Present, 2017 - 2019, 03/2018 to 11/2020, Jan 2019 –  (line ends: open)
    rf"(?P<start>{DATE}){_SEP}(?:(?P<end>{DATE})|(?P<present>{PRESENT})){_AFTER}"
    # May – Aug 2019
    rf"|(?P<m1>{MONTH}){_SEP}(?P<m2end>{MONTH}[\s,]*(?:{YEAR}|{_YEAR2})){_AFTER}"
    # 2017-19, 2019/20
    rf"|(?P<y1>{YEAR})\s*[{DASHES}/]\s*(?P<y2>\d\d){_AFTER}"
    # Jan 2019 –   (nothing after the dash: still going)
    rf"|(?P<dangling>{DATE})\s*(?:{DASH})\s*(?=$|[)\]|,;])"
    # 2019 onwards
    rf"|(?P<onward>{DATE}),?\s+onwards?(?![a-z])"
    # Since 2021 ("from 2021" alone is more often cut-off text than a claim: not read)
    rf"|since\s+(?P<since>{DATE}){_AFTER}(?!{_SEP}(?:{DATE}|{PRESENT}))"
    # Summer 2020 on its own
    rf"|(?P<season>{SEASON}\s*,?\s*(?:{YEAR}|{_YEAR2})){_AFTER}"
    r")",
    re.IGNORECASE | re.MULTILINE,
)

_TWO_DIGITS_RE = re.compile(r"\d\d")
# What every form of DATE holds, so every range: a year of four digits (19xx or 20xx), a
# year of two after an apostrophe ('19), after a month number and a slash (03/18), or after
# a month name and a dash or slash (Jan-19).
_YEAR_LIKE_RE = re.compile(r"(?:19|20)\d\d|['’‘]\d\d|\d/\d\d|[A-Za-z.][-/]\d\d")
_MONTH_RE = re.compile(MONTH, re.IGNORECASE)
_YEAR4_RE = re.compile(YEAR)
_YEAR2_RE = re.compile(r"['’‘](\d\d)(?!\d)")
_MONTH_YY_RE = re.compile(r"[-/](\d\d)(?!\d)")
_SEASON_RE = re.compile(SEASON, re.IGNORECASE)
_ISO_RE = re.compile(rf"({YEAR})[-/.](\d\d)")
_MDY_RE = re.compile(rf"({_MM})/\d{{1,2}}/({YEAR})")
_DMY_RE = re.compile(rf"{_DAY}[/.]({_MM})[/.]({YEAR})")
# A day that cannot be a month (13 to 31) first, or dots, which only day-first countries
# write between the three numbers: the range is written day first, both of its ends.
_DAY_FIRST_RE = re.compile(rf"(?<!\d)(?:(?:1[3-9]|2\d|3[01])/{_MM}/|{_DAY}\.{_MM}\.){YEAR}")
_DAY_BEFORE_MONTH_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?=[a-z])", re.IGNORECASE)
_QUARTER_RE = re.compile(rf"{_QUARTER}", re.IGNORECASE)
_MY_RE = re.compile(rf"({_MM})[/.-]({YEAR})")
_MYY_RE = re.compile(rf"({_MM})/(\d\d)")


@dataclass(frozen=True)
class _Date:
    """One date as written: the first and last month it can mean."""

    first: YearMonth
    last: YearMonth
    exact: bool


def _two_digit_year(digits: str, as_of: date) -> int:
    year = 2000 + int(digits)
    return year if year <= as_of.year + 1 else year - 100


def _parse_date(text: str, as_of: date, *, day_first: bool = False) -> _Date | None:
    """Read one date matched by ``DATE``; ``day_first``: "03/04/2019" is the 3rd of April."""
    text = text.strip()
    day = _DAY_BEFORE_MONTH_RE.match(text)
    if day is not None:
        text = text[day.end() :]  # "15 March 2019": the day says nothing a period needs
    month_match = _MONTH_RE.match(text)
    if month_match:
        month = _MONTHS[month_match.group(0)[:3].lower()]
        year_match = _YEAR4_RE.search(text, month_match.end())
        if year_match:
            year = int(year_match.group(0))
        else:
            short = _YEAR2_RE.search(text, month_match.end()) or _MONTH_YY_RE.match(
                text, month_match.end()
            )
            if short is None:
                return None
            year = _two_digit_year(short.group(1), as_of)
        return _Date(YearMonth(year, month), YearMonth(year, month), exact=True)
    season_match = _SEASON_RE.match(text)
    if season_match:
        first_month, last_month = _SEASONS[season_match.group(0).lower()]
        year_match = _YEAR4_RE.search(text)
        if year_match:
            year = int(year_match.group(0))
        else:
            short = _YEAR2_RE.search(text)
            if short is None:
                return None
            year = _two_digit_year(short.group(1), as_of)
        return _Date(YearMonth(year, first_month), YearMonth(year, last_month), exact=True)
    quarter = _QUARTER_RE.match(text)
    year_match = _YEAR4_RE.search(text)
    if quarter is not None and year_match is not None:
        last_month = int(quarter.group(0)[1]) * 3
        year = int(year_match.group(0))
        return _Date(YearMonth(year, last_month - 2), YearMonth(year, last_month), exact=True)
    day_month = _MDY_RE if not day_first else _DMY_RE
    for pattern, year_group, month_group in (
        (_ISO_RE, 1, 2),
        (day_month, 2, 1),
        (_DMY_RE, 2, 1),
        (_MY_RE, 2, 1),
    ):
        match = pattern.fullmatch(text) or (pattern.match(text) if pattern is _ISO_RE else None)
        if match:
            month = int(match.group(month_group))
            if not 1 <= month <= 12:
                return None
            ym = YearMonth(int(match.group(year_group)), month)
            return _Date(ym, ym, exact=True)
    match = _MYY_RE.fullmatch(text)
    if match:
        ym = YearMonth(_two_digit_year(match.group(2), as_of), int(match.group(1)))
        return _Date(ym, ym, exact=True)
    if _YEAR4_RE.fullmatch(text):
        year = int(text)
        return _Date(YearMonth(year, 1), YearMonth(year, 12), exact=False)
    return None


def _build(
    text: str,
    start: _Date,
    end: _Date | None,
    as_of: YearMonth,
) -> Period | RejectedRange:
    """A period from its two ends (``end`` None: still going), checked against ``as_of``."""
    if start.first > as_of:
        return RejectedRange(text, f"starts after the as-of date {as_of}", start.first)
    if end is None:
        return Period(start.first, as_of, open_ended=True, start_exact=start.exact, text=text)
    if end.last < start.first:
        return RejectedRange(text, "ends before it starts")
    if end.last > as_of:
        # Planned end dates (contracts, degrees in progress) are held up to as_of so far.
        return Period(start.first, as_of, start_exact=start.exact, end_exact=True, text=text)
    return Period(start.first, end.last, start_exact=start.exact, end_exact=end.exact, text=text)


def locate_periods(text: str, *, as_of: date) -> list[tuple[int, int, Period | RejectedRange]]:
    """Every date range in ``text`` with its character span: ``(start, end, found)``.

    For callers that need to know what surrounds a date (the title before it, the company
    after it); ``found`` is a :class:`RejectedRange` for ranges that cannot be used.
    """
    return list(_locate(text, as_of))


# The parse stage looks at each line several times (for headings, headers and totals); the
# answer depends only on the text and the date, and every part of it is immutable.
@lru_cache(maxsize=8192)
def _locate(text: str, as_of: date) -> tuple[tuple[int, int, Period | RejectedRange], ...]:
    # Both searches are far cheaper than _RANGE_RE's; the first rejects most lines sooner
    # than the second would, the second lines whose numbers are not years ("20%", "555-0132").
    if _TWO_DIGITS_RE.search(text) is None or _YEAR_LIKE_RE.search(text) is None:
        return ()
    now = YearMonth.from_date(as_of)
    located: list[tuple[int, int, Period | RejectedRange]] = []
    for match in _RANGE_RE.finditer(text):
        found = _match_period(match, now, as_of)
        if found is not None:
            located.append((match.start(), match.end(), found))
    return tuple(located)


def scan_periods(text: str, *, as_of: date) -> DateScan:
    """Every date range in ``text``, in reading order, and those ignored with a reason."""
    found = [item for _, _, item in locate_periods(text, as_of=as_of)]
    return DateScan(
        tuple(item for item in found if isinstance(item, Period)),
        tuple(item for item in found if isinstance(item, RejectedRange)),
    )


def _match_period(
    match: re.Match[str], now: YearMonth, as_of: date
) -> Period | RejectedRange | None:
    written = " ".join(match.group(0).split())
    groups = match.groupdict()
    if groups["bstart"] is not None:
        groups = {**groups, "start": groups["bstart"], "end": groups["bend"]}
        groups["present"] = groups["bpresent"]
    if groups["start"] is not None:
        day_first = _DAY_FIRST_RE.search(written) is not None
        start = _parse_date(groups["start"], as_of, day_first=day_first)
        if start is None:
            return None
        if groups["present"] is not None:
            return _build(written, start, None, now)
        end = _parse_date(groups["end"], as_of, day_first=day_first)
        if end is None:
            return None
        return _build(written, start, end, now)
    if groups["m1"] is not None:
        end = _parse_date(groups["m2end"], as_of)
        if end is None:
            return None
        first_month = _MONTHS[groups["m1"][:3].lower()]
        # "Nov – Feb 2020" began in the year before the one written.
        year = end.first.year if first_month <= end.first.month else end.first.year - 1
        start_month = YearMonth(year, first_month)
        return _build(written, _Date(start_month, start_month, exact=True), end, now)
    if groups["y1"] is not None:
        first_year = int(groups["y1"])
        last_year = first_year // 100 * 100 + int(groups["y2"])
        if last_year <= first_year:
            return None  # "2019-05" style leftovers, or nonsense like "2019-11"
        start = _Date(YearMonth(first_year, 1), YearMonth(first_year, 12), exact=False)
        end = _Date(YearMonth(last_year, 1), YearMonth(last_year, 12), exact=False)
        return _build(written, start, end, now)
    opening = groups["dangling"] or groups["since"] or groups["onward"]
    if opening is not None:
        start = _parse_date(opening, as_of)
        return None if start is None else _build(written, start, None, now)
    if groups["season"] is not None:
        season = _parse_date(groups["season"], as_of)
        return None if season is None else _build(written, season, season, now)
    return None


def may_hold_a_date(text: str, start: int = 0) -> bool:
    """False when no date (:data:`DATE`) can start at or after ``start`` in ``text``: a test
    far cheaper than a pattern built on :data:`DATE`, to run before one."""
    return _YEAR_LIKE_RE.search(text, start) is not None


def find_periods(text: str, *, as_of: date) -> list[Period]:
    """Every usable date range in ``text``, in reading order.

    ``as_of`` is what "Present" means; pass the same date to get the same answer tomorrow.
    Ranges that start after ``as_of`` or end before they start are left out
    (:func:`scan_periods` lists them with the reason).
    """
    return [item for _, _, item in _locate(text, as_of) if isinstance(item, Period)]


# --- explicit statements -------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "a dozen": 12,
}
# Digits count even glued to a word before them, as PDFs write them ("Possess12 years");
# a number's word only as a word of its own ("often" holds no "ten").
_NUMBER = (
    r"(?P<number>\d{1,2}(?:\.\d)?|(?<![a-z])(?:"
    + "|".join(sorted((re.escape(word) for word in _NUMBER_WORDS), key=len, reverse=True))
    + r"))"
)
YEARS = (
    rf"{_NUMBER}\s*\+?(?:\s*(?:-|–|to)\s*\d{{1,2}})?\s*(?:\+|plus)?\s*"
    r"(?:\(\d{1,2}\)\s*)?"  # "ten (10) years"
    r"(?:years?|yrs?)\b\.?['’]?"
)
"""An amount of years as resumes and postings write it ("5 years", "6+ yrs", "3-5 years",
"2.5 years", "ten (10) years'"), read case-insensitively: the one "N years" grammar.  Its
number is group ``number``, the lower bound of a range; :func:`years_of` reads it."""

_STATED_RE = re.compile(
    r"(?<![\w.])"
    r"(?:(?:over|more\s+than|nearly|almost|about|around|approximately|approx\.?|close\s+to"
    r"|at\s+least|roughly|some)\s+)?"
    rf"{YEARS}"
    r"(?:\s+(?:of|in))?"
    r"(?:\s+[\w-]+){0,3}?\s+experience",
    re.IGNORECASE,
)


def years_of(match: re.Match[str]) -> float:
    """The number of years a match of a pattern built on :data:`YEARS` states."""
    number = match.group("number").lower()
    return float(_NUMBER_WORDS[number]) if number in _NUMBER_WORDS else float(number)


def find_stated_years(text: str) -> list[StatedYears]:
    """Explicit statements of experience ("6+ years of experience", "over ten years' …").

    A range ("5-7 years of experience") counts its lower bound; "6+" counts 6.  The caller
    decides which statement to trust (usually the largest: it is the total, the others are
    per skill).
    """
    found: list[StatedYears] = []
    for match in _STATED_RE.finditer(text):
        years = years_of(match)
        if 0 < years <= 60:
            found.append(StatedYears(years, " ".join(match.group(0).split())))
    return found
