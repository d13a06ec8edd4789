"""Positions: the dated lines of a section, and the title and employer around each."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from matcher.document import Line
from matcher.parse.dates import (
    DATE,
    MONTH,
    PRESENT,
    TO,
    find_periods,
    locate_periods,
)
from matcher.parse.groups import Groups, _dated_employers, _duration_groups, _undated_employers
from matcher.parse.headers import (
    _DESCRIPTION_START_RE,
    _LETTER_WORD_RE,
    _LOCATION_RE,
    DEFAULT_HEADER_MAX_WORDS,
    _assign,
    _cut_description,
    _deprose,
    _employer_as_title,
    _header_fields,
    _is_header_line,
    _score,
    _stated_role,
)
from matcher.parse.periods import Period
from matcher.parse.result import Position, Section
from matcher.parse.text import _clean, _strip_bullet, _strip_markdown


@dataclass(frozen=True)
class _Anchor:
    """A date range in a work section that may carry a position."""

    index: int
    """The line it is on."""
    period: Period
    fields: tuple[str, ...]
    """Title/organisation candidates found beside the dates on the same line."""
    prose: bool
    """The dates sit inside a sentence ("… from 2019 to 2020") rather than a header."""
    alone: bool
    """The only range on its line (only then may its title be on the lines around it)."""


def _anchors_of(line: Line, index: int, as_of: date) -> list[_Anchor]:
    """Every usable date range on a line, with the header text around it."""
    text = _clean(line.text)
    located = [
        (start, end, found)
        for start, end, found in locate_periods(text, as_of=as_of)
        if isinstance(found, Period)
    ]
    anchors = []
    for number, (start, end, period) in enumerate(located):
        last = number + 1 == len(located)
        left = text[located[number - 1][1] if number else 0 : start]
        if number == 0:
            left = _strip_bullet(_strip_markdown(left))
        left, prose = _deprose(left.strip(" ),;|"))
        right = text[end : len(text) if last else located[number + 1][0]].strip()
        if left and (
            not last
            or _DESCRIPTION_START_RE.match(right)
            or len(right.split()) > DEFAULT_HEADER_MAX_WORDS
        ):
            right = ""  # "Data Scientist, 2019 - 2021: Built …": after the dates, the story
        elif not left:
            stated = _stated_role(right.lstrip(":–—-), "))
            if stated is not None:  # "July 2013 to date working as VP Finance at Contoso"
                anchors.append(_Anchor(index, period, stated, False, alone=len(located) == 1))
                continue
            right, _ = _deprose(_cut_description(right.lstrip(":–—-), ")))
        header = " | ".join(part for part in (left, right) if part)
        fields: tuple[str, ...] = tuple(_header_fields(header))
        if len(_LETTER_WORD_RE.findall(header)) > DEFAULT_HEADER_MAX_WORDS + 4:
            fields, prose = (), True  # a sentence, not a header: keep the dates only
        anchors.append(_Anchor(index, period, fields, prose, alone=len(located) == 1))
    return anchors


def _rows_before(
    index: int,
    floor: int,
    used: set[int],
    header_ok: Callable[[int], bool],
    gives_both: Callable[[int], bool],
    title: str | None,
    org: str | None,
) -> list[int]:
    """Header lines right above a date line: as many as fields are missing (an "Employer as
    Title" line gives both)."""
    wanted = (title is None) + (org is None)
    rows: list[int] = []
    row = index - 1
    while row >= floor and row not in used and header_ok(row) and len(rows) < wanted:
        rows.insert(0, row)
        if gives_both(row):
            break
        row -= 1
    return rows


def _rows_after(
    index: int,
    ceiling: int,
    header_ok: Callable[[int], bool],
    gives_both: Callable[[int], bool],
    title: str | None,
    org: str | None,
) -> list[int]:
    """Header lines right below a date line: as many as fields are missing (an "Employer as
    Title" line gives both)."""
    wanted = (title is None) + (org is None)
    rows: list[int] = []
    row = index + 1
    while row < ceiling and header_ok(row) and len(rows) < wanted:
        rows.append(row)
        if gives_both(row):
            break
        row += 1
    return rows


def _contains(outer: Period, inner: Period) -> bool:
    return outer.span[0] <= inner.span[0] and inner.span[1] <= outer.span[1]


# A date range's pieces, as the date grammar writes them: a date (perhaps followed by "to" or
# a dash), "to" alone, or the word for "present" (perhaps after "to").
_DATE_PIECE_RE = re.compile(rf"^(?:{DATE}\s*{TO}?|{TO}|{TO}?\s*{PRESENT})$", re.IGNORECASE)
_DATE_PIECE_MAX_LENGTH = len("September. 15th, 2019 through")
"""The longest text with single spaces (as _clean leaves it) that _DATE_PIECE_RE matches, but
for a run of several dashes."""


_RANGE_OPEN_RE = re.compile(rf"{DATE}\s*{TO}\s*(?:{MONTH})?$", re.IGNORECASE)
"""A line that ends inside a date range: its start, the dash or "to", perhaps a month."""
# Every form of DATE ends on a digit, and nothing after it in _RANGE_OPEN_RE holds one: the
# date ends at the line's last digit, which must be followed by what this matches there.
_RANGE_OPEN_END_RE = re.compile(rf"\d\s*{TO}\s*(?:{MONTH})?$", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_DATE_MAX_LENGTH = len("September. 15th, 2019")
"""The longest date with single spaces (as _clean leaves it) in the forms DATE reads, but for
a month and a year with a run of punctuation between them."""
_RANGE_CLOSE_RE = re.compile(rf"^(?:{DATE}|{PRESENT})", re.IGNORECASE)
"""A line that starts with the end of a range: a date, or the word for "present"."""


def _is_date_piece(text: str) -> bool:
    """Is a cleaned line a part of a date range ("August 2013", "to", "Current")?"""
    return len(text) <= _DATE_PIECE_MAX_LENGTH and _DATE_PIECE_RE.match(text) is not None


def _range_open(text: str) -> bool:
    """Does a cleaned line end inside a date range ("… April 1994 to")?"""
    # _RANGE_OPEN_RE alone would be tried at every character of a long line.
    digit = _DIGIT_RE.search(text[::-1])
    if digit is None:
        return False
    last = len(text) - 1 - digit.start()
    if _RANGE_OPEN_END_RE.match(text, last) is None:
        return False
    return _RANGE_OPEN_RE.search(text, max(0, last + 1 - _DATE_MAX_LENGTH)) is not None


def _logical_lines(lines: Sequence[Line], as_of: date) -> list[tuple[Line, int, int]]:
    """Lines with date ranges broken over several lines joined back into one.

    PDFs of two-column templates often read "August 2013" / "to" / "Current" as three
    lines.  Returns each logical line with the span of original lines it covers.
    """
    joined: list[tuple[Line, int, int]] = []
    index = 0
    while index < len(lines):
        end = index + 1
        text = _clean(lines[index].text)
        if _is_date_piece(text) and not find_periods(text, as_of=as_of):
            candidate = text
            for ahead in range(index + 1, min(index + 3, len(lines))):
                piece = _clean(lines[ahead].text)
                if not _is_date_piece(piece):
                    break
                candidate = f"{candidate} {piece}"
                if find_periods(candidate, as_of=as_of):
                    text, end = candidate, ahead + 1
                    break
        elif end < len(lines) and _range_open(text):
            # "… April 1994 to" / "January 1998 …": a range wrapped at the line's end.
            following = _clean(lines[end].text)
            candidate = f"{text} {following}"
            if _RANGE_CLOSE_RE.match(following) and len(find_periods(candidate, as_of=as_of)) > len(
                find_periods(text, as_of=as_of)
            ):
                text, end = candidate, end + 1
        line = lines[index] if text == lines[index].text else replace(lines[index], text=text)
        joined.append((line, index, end))
        index = end
    return joined


def _work_anchors(lines: Sequence[Line], as_of: date, *, strict: bool) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    for index, line in enumerate(lines):
        for anchor in _anchors_of(line, index, as_of):
            if strict and not (
                len(anchor.fields) >= 2 and any(_score(f)[0] > 0 for f in anchor.fields)
            ):
                continue
            # "Led the migration from 2019 to 2020" inside a 2018–2021 job is part of its
            # story; the same sentence with dates of its own ("Served as a nurse from 2012
            # to 2015") is a job written as prose.
            if anchor.prose and anchors and _contains(anchors[-1].period, anchor.period):
                continue
            anchors.append(anchor)
    return anchors


def _find_positions(
    section: Section,
    logical: Sequence[tuple[Line, int, int]],
    as_of: date,
    *,
    strict: bool = False,
) -> list[Position]:
    """Positions in a section's lines (``logical``: its :func:`_logical_lines`).

    Resumes put a job's title, employer and dates on one line or spread over two or three,
    before or after the dates.  The first dated line of the section decides where to look
    first: when short lines stand between the section's start and it, headers precede their
    dates in this resume; otherwise they follow.  ``strict`` keeps only dates whose line
    names both a title and an employer (for jobs found outside a work section).
    """
    lines = [line for line, _, _ in logical]
    anchors = _work_anchors(lines, as_of, strict=strict)
    if not anchors:
        return []
    # Worked out when first asked: only the lines around dates and those before the first
    # dated line are.
    header_ok = cache(lambda row: _is_header_line(lines[row], as_of))
    gives_both = cache(lambda row: _employer_as_title(_clean(lines[row].text)) is not None)
    grouped: Groups = {}
    headings: set[int] = set()
    if not strict:
        grouped, headings = _dated_employers(lines, anchors, header_ok)
        grouped = _undated_employers(lines, anchors, header_ok) | grouped
        grouped |= _duration_groups(lines, anchors, header_ok)
    first = next(a for n, a in enumerate(anchors) if n not in headings)
    headers_before = any(header_ok(i) for i in range(first.index))
    used: set[int] = set()
    blocks: list[tuple[int, _Anchor, list[str], str | None]] = []
    for number, anchor in enumerate(anchors):
        if number in headings:
            continue
        earlier = [a.index for a in anchors[:number] if a.index < anchor.index]
        later = [a.index for a in anchors[number + 1 :] if a.index > anchor.index]
        floor = earlier[-1] + 1 if earlier else 0
        ceiling = later[0] if later else len(lines)
        fields = list(anchor.fields)
        begin = anchor.index
        employer, head = grouped.get(number, (None, None))
        if anchor.alone and not strict:
            fields, begin = _look_around(
                lines,
                anchor,
                (True, False) if headers_before else (False, True),
                (floor, ceiling),
                used,
                header_ok,
                gives_both,
                employer=employer,
            )
            if head is not None:
                begin = head
            if employer is None:
                # Where headers precede their dates, the line right above the next dates
                # heads the next job: it is not this one's employer.
                stop = ceiling - 1 if headers_before and later else ceiling
                title, org = _assign(fields)
                fields = _employer_below(fields, title, org, lines, anchor.index, stop, header_ok)
        blocks.append((begin, anchor, fields, employer))
    positions: list[Position] = []
    for number, (begin, anchor, fields, employer) in enumerate(blocks):
        stop = blocks[number + 1][0] if number + 1 < len(blocks) else len(lines)
        title, org = _assign(fields)
        if employer is not None:
            title, org = title or org, employer
        elif org is None and title is not None and positions and not strict:
            org = _employer_above(
                blocks, number, positions[-1].organization, headers_before=headers_before
            )
        last = max(stop, anchor.index + 1)
        stop_row = logical[last][1] if last < len(logical) else len(section.lines)
        block = section.lines[logical[begin][1] : stop_row]
        positions.append(Position(title, org, anchor.period, section.name, block))
    return positions


def _look_around(
    lines: Sequence[Line],
    anchor: _Anchor,
    sides: tuple[bool, bool],
    bounds: tuple[int, int],
    used: set[int],
    header_ok: Callable[[int], bool],
    gives_both: Callable[[int], bool],
    *,
    employer: str | None,
) -> tuple[list[str], int]:
    """A date line's fields with those the header lines beside it give, and the row its
    block begins on.

    ``sides`` says where to look first (True: before the dates); a resume that mixes layouts
    still gets the other side when the first gives nothing.  A title that names no role
    ("Contoso Bank, London · 2024-02 to present": "London") is replaced by a header line
    beside it that does ("Machine Learning Engineer").  A role whose employer is known
    (``employer``: one of a group) wants its title only.
    """
    fields, begin = list(anchor.fields), anchor.index
    floor, ceiling = bounds
    for look_before in sides:
        title, org = _assign(fields)
        if employer is not None:
            title, org = title or org, employer
        weak = employer is None and title is not None and org is not None and _score(title)[0] == 0
        if title is not None and org is not None and not weak:
            break
        wanted = None if weak else title
        if look_before:
            rows = _rows_before(anchor.index, floor, used, header_ok, gives_both, wanted, org)
        else:
            rows = _rows_after(anchor.index, ceiling, header_ok, gives_both, wanted, org)
        found = [f for r in rows for f in _header_fields(lines[r].text)]
        if weak and not any(_score(f)[0] > 0 for f in found):
            continue
        if look_before:
            fields = found + fields
            begin = rows[0] if rows else begin
        else:
            fields = fields + found
        used.update(rows)
    return fields, begin


def _employer_above(
    blocks: Sequence[tuple[int, _Anchor, list[str], str | None]],
    number: int,
    earlier_org: str | None,
    *,
    headers_before: bool,
) -> str | None:
    """The employer of the position above (``earlier_org``) when block ``number``, which
    names none, is a later role there; None otherwise."""
    begin, anchor, fields, _ = blocks[number]
    earlier_begin, earlier_anchor, _, _ = blocks[number - 1]
    if headers_before:
        # "Contoso, Austin, TX" over several titles, each with its dates: a title line
        # with no header of its own above it is a later role at the employer above.
        if begin == anchor.index and earlier_begin < earlier_anchor.index:
            return earlier_org
    elif fields == list(anchor.fields) and earlier_org not in earlier_anchor.fields:
        # "Title  dates" over "Contoso, Seattle, WA", then a "Title  dates" line with
        # no employer line under it (a promotion, Awesome-CV's empty organisation):
        # another role at the employer above.
        return earlier_org
    return None


def _employer_below(
    fields: list[str],
    title: str | None,
    org: str | None,
    lines: Sequence[Line],
    index: int,
    ceiling: int,
    header_ok: Callable[[int], bool],
) -> list[str]:
    """The fields, with the employer taken from the line below when it is one.

    "Senior AI Engineer — Clinical AI Platform, 09/2022 - Present" over "Northwind Health,
    Boston, MA": the line below, an undated header with a place, names the employer; the
    part beside the title that looks like no organisation (a team, a product) stays with
    the title.
    """
    below = index + 1
    if title is None or org is None or _score(org) != (0, 0) or below >= ceiling:
        return fields
    if not header_ok(below) or not _LOCATION_RE.search(lines[below].text):
        return fields
    employer = next((f for f in _header_fields(lines[below].text) if _score(f)[0] == 0), None)
    if employer is None or employer.casefold() == org.casefold():
        return fields
    rest = [field for field in fields if field not in (title, org)]
    return [f"{title} — {org}", employer, *rest]
