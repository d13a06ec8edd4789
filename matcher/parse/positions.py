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
from matcher.parse.headers import (
    _DESCRIPTION_START_RE,
    _DURATION_RE,
    _LETTER_WORD_RE,
    _LOCATION_RE,
    DEFAULT_HEADER_MAX_WORDS,
    _assign,
    _cut_description,
    _deprose,
    _employer_as_title,
    _header_fields,
    _is_header_line,
    _names_a_role,
    _score,
    _stated_role,
)
from matcher.parse.periods import Period, YearMonth
from matcher.parse.result import Position, Section
from matcher.parse.text import _clean, _is_bullet, _strip_bullet, _strip_markdown


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
    grouped: dict[int, tuple[str, int | None]] = {}
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
        weak = title is not None and org is not None and _score(title)[0] == 0
        weak = weak and employer is None
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


_YEARS_RE = re.compile(r"(\d{1,2}(?:\.\d)?)\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)
_MONTHS_RE = re.compile(r"(\d{1,2})\s*(?:months?|mos?)\b", re.IGNORECASE)
_BRACKETED_RE = re.compile(r"\(([^()]*)\)\s*$")


def _stated_months(text: str) -> int | None:
    """The months a duration alone ("3 years 2 months", "(11 months)") states; None for any
    other text, and for "less than a year", which states no number."""
    text = text.strip(" ()[]·")
    if not _DURATION_RE.fullmatch(text):
        return None
    years, months = _YEARS_RE.search(text), _MONTHS_RE.search(text)
    if years is None and months is None:
        return None
    whole = round(float(years.group(1)) * 12) if years else 0
    return whole + (int(months.group(1)) if months else 0)


def _duration_groups(
    lines: Sequence[Line], anchors: Sequence[_Anchor], header_ok: Callable[[int], bool]
) -> dict[int, tuple[str, int | None]]:
    """The roles LinkedIn's PDF export lists under one employer: anchor number → (employer,
    the row the role's block begins on when it is the group's first, else None).

    The export writes an employer with several roles as the employer, a line with the time
    spent there alone ("3 years 2 months"), then each role's title over its dates with their
    own duration ("January 2021 - Present (2 years 1 month)"); no role repeats the employer.
    The group's roles are the undated-title-over-dates entries that follow, latest first, as
    long as they start within the stated time back from the first role's end: the export
    lists roles by start, latest first, so the next employer's role starts before the
    group's earliest month or, overlapping it, after the group's role above it.
    """
    totals = [row for row in range(1, len(lines)) if _stated_months(_clean(lines[row].text))]
    groups: dict[int, tuple[str, int | None]] = {}
    for number, row in enumerate(totals):
        employer = _header_fields(lines[row - 1].text) if header_ok(row - 1) else []
        if len(employer) != 1:
            continue
        total = _stated_months(_clean(lines[row].text)) or 0
        following = totals[number + 1] if number + 1 < len(totals) else len(lines)
        start: int | None = None  # the group's first month
        latest: YearMonth | None = None  # the start of the role before
        for place, anchor in enumerate(anchors):
            if anchor.index <= row + 1 or anchor.index >= following:
                continue
            if anchor.fields or not anchor.alone or not header_ok(anchor.index - 1):
                break
            if start is None:
                if anchor.index != row + 2:
                    break
                start = _end_index(anchor, lines[anchor.index].text) - total + 1
            elif anchor.period.start.index < start - 1 or (latest and latest < anchor.period.start):
                break
            latest = anchor.period.start
            groups[place] = (employer[0], row - 1 if anchor.index == row + 2 else None)
    return groups


def _end_index(anchor: _Anchor, text: str) -> int:
    """The month a role ends, from its stated duration when the line gives one: "Present"
    is the day the export was made, not ``as_of``."""
    stated = _BRACKETED_RE.search(_clean(text))
    months = _stated_months(stated.group(1)) if stated else None
    return anchor.period.start.index + months - 1 if months else anchor.period.end.index


def _dated_employers(
    lines: Sequence[Line], anchors: Sequence[_Anchor], header_ok: Callable[[int], bool]
) -> tuple[dict[int, tuple[str, int | None]], set[int]]:
    """Roles written under an employer line that carries the employer's own dates: anchor
    number → (employer, the row the role's block begins on when it is the first, else None),
    and the numbers of the employer lines (no position themselves).

    "Contoso Ltd, Seattle, WA  2015 – 2021" over "Senior Engineer  2018 – 2021" (or a title
    line over its dates): the employer line names no role, and the roles (see
    :func:`_roles_under`) lie within its range.
    """
    groups: dict[int, tuple[str, int | None]] = {}
    headings: set[int] = set()
    rows = {anchor.index for anchor in anchors}
    for number, anchor in enumerate(anchors):
        if number in groups or not anchor.alone or not _employer_alone(anchor.fields):
            continue
        members = _roles_under(
            lines,
            anchors,
            number + 1,
            anchor.index + 1,
            (rows, header_ok),
            anchor.period,
        )
        if members:
            headings.add(number)
            groups |= _group(members, anchor.fields[0], anchor.index)
    return groups, headings


def _undated_employers(
    lines: Sequence[Line], anchors: Sequence[_Anchor], header_ok: Callable[[int], bool]
) -> dict[int, tuple[str, int | None]]:
    """Roles set under an undated employer line, bulleted or indented: anchor number →
    (employer, the row the role's block begins on when it is the first, else None).

    "Contoso Ltd" over "• Senior Engineer (2018 – Present)" and "• Engineer (2015 – 2017)":
    without the bullets, or the indent, nothing tells a later role from a job whose employer
    is written elsewhere (below its dates, or nowhere).  A single role under the line takes
    it for its employer anyway.
    """
    groups: dict[int, tuple[str, int | None]] = {}
    rows = {anchor.index for anchor in anchors}
    for number, anchor in enumerate(anchors):
        if number in groups or not anchor.alone:
            continue
        for head in (anchor.index - 1, anchor.index - 2):
            fields = _header_fields(lines[head].text) if head >= 0 and header_ok(head) else []
            if head in rows or not _employer_alone(fields):
                continue
            members = _roles_under(
                lines,
                anchors,
                number,
                head + 1,
                (rows, header_ok),
                lines[head],
            )
            if len(members) > 1:
                groups |= _group(members, fields[0], head)
            break
    return groups


def _roles_under(
    lines: Sequence[Line],
    anchors: Sequence[_Anchor],
    number: int,
    top: int,
    known: tuple[set[int], Callable[[int], bool]],
    bound: Period | Line,
) -> list[int]:
    """The anchors from ``number`` on that are roles of an employer line ending on row
    ``top - 1``: each "Title  dates" or title line over its dates, naming no employer, begins
    right under the employer line or the description of the role before (its bullets and
    sentences: the reader drops a PDF's bullet marks), and lies within the
    employer's dates (``bound`` a period) or is set under its line (``bound`` that line)."""
    rows, header_ok = known
    members: list[int] = []
    for place in range(number, len(anchors)):
        role = anchors[place]
        if role.fields:
            titled = role.index == top and len(role.fields) == 1
            titled = titled and _score(role.fields[0])[0] > 0
        else:
            titled = role.index == top + 1 and header_ok(top) and _names_a_role(lines[top].text)
        if not titled or not role.alone:
            break
        if isinstance(bound, Period):
            if not _contains_months(bound, role.period):
                break
        elif not _set_under(bound, lines[top]):
            break
        members.append(place)
        top = role.index + 1
        while top < len(lines) and top not in rows and not header_ok(top):
            top += 1  # the role's bullets and sentences
    return members


def _group(members: Sequence[int], employer: str, head: int) -> dict[int, tuple[str, int | None]]:
    return {place: (employer, head if place == members[0] else None) for place in members}


def _employer_alone(fields: Sequence[str]) -> bool:
    """Do a line's fields name an employer alone: one field, no role in it?"""
    return len(fields) == 1 and _score(fields[0])[0] == 0


DEFAULT_INDENT = 6.0
"""Points a line must stand right of another to be set under it."""


def _set_under(head: Line, line: Line) -> bool:
    """Is ``line`` set under ``head``: bulleted, or indented in the same column?"""
    if _is_bullet(_clean(line.text)):
        return True
    same_column = (line.page, line.column) == (head.page, head.column)
    return same_column and line.x0 > head.x0 + DEFAULT_INDENT


def _contains_months(outer: Period, inner: Period) -> bool:
    """Does ``inner`` lie within ``outer``, as written (a year alone covering all its months)?"""
    return outer.start <= inner.start and inner.end <= outer.end
