"""Roles listed under one employer: which dated entries of a work section share the
employer written once above them.

Kept apart from :mod:`matcher.parse.positions`, which reads each entry's own header: here
only layouts that say so precisely (a profile export's time at the employer, the employer's
own dates, roles set under its line) tie a role to an employer it does not name, because a
role without an employer is as often one whose employer is written nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from matcher.document import Line
from matcher.parse.headers import _DURATION_RE, _header_fields, _names_a_role, _score
from matcher.parse.periods import Period, YearMonth
from matcher.parse.text import _clean, _is_bullet

__all__ = ["DEFAULT_INDENT"]


class _Entry(Protocol):
    """What grouping reads of a dated entry (an anchor of :mod:`matcher.parse.positions`)."""

    @property
    def index(self) -> int:
        """The line its dates are on."""

    @property
    def period(self) -> Period: ...

    @property
    def fields(self) -> tuple[str, ...]:
        """Title/organisation candidates beside its dates."""

    @property
    def alone(self) -> bool:
        """The only range on its line."""


Groups = dict[int, tuple[str, int | None]]
"""Anchor number → (its employer, the row its block begins on when it is a group's first
role, so the employer's line is part of it; else None)."""


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
    lines: Sequence[Line], anchors: Sequence[_Entry], header_ok: Callable[[int], bool]
) -> Groups:
    """The roles LinkedIn's PDF export lists under one employer: anchor number → (employer,
    the row the role's block begins on when it is the group's first, else None).

    The export writes an employer with several roles as the employer, a line with the time
    spent there alone ("3 years 2 months"), then each role's title over its dates with their
    own duration ("January 2021 - Present (2 years 1 month)"); no role repeats the employer.
    The group's roles are the title-over-dates entries that follow, as long as they start
    within the stated time back from the first role's end: the export lists roles by start,
    latest first, so the next employer's role starts before the group's earliest month or,
    overlapping it, after the group's role above it.
    """
    totals = {
        row: months
        for row in range(1, len(lines))
        if (months := _stated_months(_clean(lines[row].text)))
    }
    rows = list(totals)
    groups: Groups = {}
    for number, (row, total) in enumerate(totals.items()):
        employer = _header_fields(lines[row - 1].text) if header_ok(row - 1) else []
        if len(employer) != 1:
            continue
        following = rows[number + 1] if number + 1 < len(rows) else len(lines)
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


def _end_index(anchor: _Entry, text: str) -> int:
    """The month a role ends, from its stated duration when the line gives one: "Present"
    is the day the export was made, not ``as_of``."""
    stated = _BRACKETED_RE.search(_clean(text))
    months = _stated_months(stated.group(1)) if stated else None
    return anchor.period.start.index + months - 1 if months else anchor.period.end.index


def _dated_employers(
    lines: Sequence[Line], anchors: Sequence[_Entry], header_ok: Callable[[int], bool]
) -> tuple[Groups, set[int]]:
    """Roles written under an employer line that carries the employer's own dates: anchor
    number → (employer, the row the role's block begins on when it is the first, else None),
    and the numbers of the employer lines (no position themselves).

    "Contoso Ltd, Seattle, WA  2015 – 2021" over "Senior Engineer  2018 – 2021" (or a title
    line over its dates): the employer line names no role, and the roles (see
    :func:`_roles_under`) lie within its range.
    """
    groups: Groups = {}
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
    lines: Sequence[Line], anchors: Sequence[_Entry], header_ok: Callable[[int], bool]
) -> Groups:
    """Roles set under an undated employer line, bulleted or indented: anchor number →
    (employer, the row the role's block begins on when it is the first, else None).

    "Contoso Ltd" over "• Senior Engineer (2018 – Present)" and "• Engineer (2015 – 2017)":
    without the bullets, or the indent, nothing tells a later role from a job whose employer
    is written elsewhere (below its dates, or nowhere).  A single role under the line takes
    it for its employer anyway.
    """
    groups: Groups = {}
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
    anchors: Sequence[_Entry],
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


def _group(members: Sequence[int], employer: str, head: int) -> Groups:
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
