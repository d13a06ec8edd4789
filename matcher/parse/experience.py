"""Years of experience: the positions of the work sections (or, without one, those found
elsewhere) and their total, or an explicit statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from matcher.parse.dates import RejectedRange, find_periods, find_stated_years, locate_periods
from matcher.parse.education import _DEGREE_RE
from matcher.parse.headers import _employer_as_title, _names_a_role
from matcher.parse.periods import Period, total_years
from matcher.parse.positions import _find_positions, _logical_lines
from matcher.parse.result import Experience, Position, Section
from matcher.parse.text import _INSTITUTION_RE, _ROLE_WORDS, _clean

# Sections whose dates are never work, for resumes without a work heading.
_NOT_WORK = frozenset({"education", "certifications"})


def _looks_like_study(text: str) -> bool:
    """A line about a degree or a school (and not a job at one)."""
    if _DEGREE_RE.search(text):
        return True
    return bool(_INSTITUTION_RE.search(text)) and not any(
        word.lower().strip(".,()") in _ROLE_WORDS for word in text.split()
    )


# Dated lines a reader never takes for a job, wherever they stand: an honour ("Dean's List
# Fall 2013 – Spring 2014") or the objective's sentence ("Seeking an internship … in Spring
# 2017").
_NEVER_A_JOB_RE = re.compile(
    r"\b(?:dean'?s\s+list|deans\s+list|honou?r\s+roll|president'?s\s+list|merit\s+list"
    r"|scholarship|cum\s+laude|valedictorian|salutatorian)\b"
    r"|^\W*(?:seeking|looking\s+for|to\s+obtain|to\s+secure|to\s+pursue|objective)\b",
    re.IGNORECASE,
)
# And outside a work heading, a programme, a course or a membership with no job title in it
# ("Leadership Certificate Program Sept 2005 - May 2010", "Member, Chess Club").
_NOT_A_JOB_RE = re.compile(
    r"\b(?:certificate|certification|bootcamp|boot\s+camp|course|courses|coursework|program"
    r"|programme|training|workshop|member|membership|club|fraternity"
    r"|sorority|society|volunteer(?:ed|ing)?|award|awards|competition|hackathon)\b",
    re.IGNORECASE,
)


def _header_text(position: Position) -> str:
    """What a position's header says: its title, its organisation and its first line."""
    first = _clean(position.lines[0].text) if position.lines else ""
    return " | ".join(part for part in (position.title, position.organization, first) if part)


def _never_a_job(text: str) -> bool:
    return _NEVER_A_JOB_RE.search(text) is not None


def _no_job_outside_work(text: str) -> bool:
    """A line that outside a work heading is study, a programme, a project or a club."""
    if _looks_like_study(text) or _never_a_job(text):
        return True
    return _NOT_A_JOB_RE.search(text) is not None and not _names_a_role(
        _NOT_A_JOB_RE.sub(" ", text)
    )


def _find_experience(sections: Sequence[Section], as_of: date) -> tuple[Experience, list[str]]:
    """Positions and total years.

    The total counts every date range in the work sections, merged, not only the ranges
    that head a position: a job whose header could not be read still happened, and dates
    inside a job's description fall within the job and merge away.  Without a work heading,
    ranges anywhere outside study and credentials count, except on lines about a degree or a
    school.  Without any range, an explicit statement ("8 years of experience") is used.
    """
    warnings: list[str] = []
    work = [s for s in sections if s.name == "experience"]
    positions: list[Position] = []
    periods: list[Period] = []
    if work:
        for section in work:
            logical = _logical_lines(section.lines, as_of)
            positions.extend(
                p
                for p in _find_positions(section, logical, as_of)
                if not _never_a_job(_header_text(p))
            )
            for line, _, _ in logical:
                text = _clean(line.text)
                for _, _, item in locate_periods(text, as_of=as_of):
                    if isinstance(item, RejectedRange):
                        warnings.append(f"ignored the dates {item.text!r}: {item.reason}")
                    elif not _never_a_job(text):
                        periods.append(item)
        # Jobs listed before the first heading or in the summary still count when their
        # line names both a title and an employer.  Not under "other" headings: interests,
        # activities and volunteering hold offices ("Treasurer, Chess Club, 2006 - 2010")
        # that are not work.  Only a job portal's "Employer as Title" header counts under
        # any heading: the portals let a candidate put a heading of their own ("Clients &
        # Projects") inside the work history.
        for section in sections:
            if section.name in ("profile", "summary"):
                logical = _logical_lines(section.lines, as_of)
                elsewhere = [
                    position
                    for position in _find_positions(section, logical, as_of, strict=True)
                    if not _no_job_outside_work(_header_text(position))
                ]
            elif section.name not in ("experience", *_NOT_WORK):
                logical = _logical_lines(section.lines, as_of)
                elsewhere = [
                    position
                    for position in _find_positions(section, logical, as_of)
                    if _employer_as_title(_clean(position.lines[0].text))
                    == (position.title, position.organization)
                ]
            else:
                continue
            positions.extend(elsewhere)
            periods.extend(position.period for position in elsewhere)
    else:
        for section in sections:
            if section.name in _NOT_WORK:
                continue
            logical = _logical_lines(section.lines, as_of)
            positions.extend(
                p
                for p in _find_positions(section, logical, as_of)
                if not _looks_like_study(p.text) and not _no_job_outside_work(_header_text(p))
            )
            for line, _, _ in logical:
                text = _clean(line.text)
                if not _no_job_outside_work(text):
                    periods.extend(find_periods(text, as_of=as_of))
    if periods:
        return Experience(total_years(periods), tuple(positions), "dates"), warnings
    # No dates: trust what the candidate says, the summary first.
    ordered = [s for s in sections if s.name in ("summary", "profile")] + [
        s for s in sections if s.name not in ("summary", "profile", "education")
    ]
    for section in ordered:
        stated = find_stated_years(_clean(" ".join(line.text for line in section.lines)))
        if stated:
            best = max(stated, key=lambda item: item.years)
            return Experience(best.years, tuple(positions), "statement", best.text), warnings
    return Experience(None, tuple(positions), "none"), warnings
