"""The skills stage: :func:`find_skills` reads a parsed resume's lines, finds the mentions
and sums them up per skill; a job title counts only as the candidate's own role."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from matcher.skills.mentions import find_mentions
from matcher.skills.result import Mention, SkillMatch, TextLine
from matcher.skills.summary import summarise
from matcher.skills.wraps import line_continues
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

    from matcher.parse.result import Resume


def find_skills(
    resume: Resume, taxonomy: Taxonomy, *, nlp: Language | None = None
) -> tuple[SkillMatch, ...]:
    """Every skill the resume shows, with the lines that prove it and its years of use."""
    positions = resume.experience.positions
    # Positions hold the very Line objects of their section, so identity finds a line's job.
    owner = {id(line): index for index, position in enumerate(positions) for line in position.lines}
    read = list(resume.iter_lines())
    lines = []
    for index, (section, line) in enumerate(read):
        owned = owner.get(id(line))
        following = read[index + 1] if index + 1 < len(read) else None
        continues = (
            following is not None
            and following[0] is section
            and owner.get(id(following[1])) == owned
            and line_continues(line, following[1])
        )
        lines.append(TextLine(line.text, section.name, owned, continues, line.ocr))
    # A position's title stands on one of its first lines, before the description.
    title_lines: dict[int, str] = {}
    for position in positions:
        title = (position.title or "").casefold()
        header = position.lines[:DEFAULT_HEADER_LINES]
        found = next((line for line in header if title and title in line.text.casefold()), None)
        if found is not None:
            title_lines[id(found)] = title
    titles = {
        index: title_lines[id(line)]
        for index, (_, line) in enumerate(read)
        if id(line) in title_lines
    }
    mentions = [
        mention
        for mention in find_mentions(lines, taxonomy, nlp=nlp)
        if not taxonomy.skill(mention.skill_id).title or _holds_the_role(mention, lines, titles)
    ]
    periods = [position.period.span for position in positions]
    return summarise(mentions, lines, taxonomy, periods=periods)


DEFAULT_HEADER_LINES = 2
"""A position's first lines, where its title stands (title and employer, on one or two)."""
ROLE_SECTIONS = frozenset({"skills", "profile", "summary"})
"""Sections where a job title names the candidate's own role ("Jane Doe, CTO")."""
_AS_ROLE = re.compile(r"\bas\s+(?:an?\s+|the\s+|our\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "Role: Head/VP/CTO", "Designation: CTO": the field of a job portal's profile that names it.
_ROLE_FIELD = re.compile(
    r"\s*(?:current\s+|present\s+)?(?:role|designation|job\s+title|title|position)\s*:",
    re.IGNORECASE,
)


def _holds_the_role(mention: Mention, lines: Sequence[TextLine], titles: Mapping[int, str]) -> bool:
    """True when a job title names the candidate's own role: in a position's title (on its
    title line, ``titles``: line index -> the title), after "as" ("served as CTO",
    "joined as the interim CTO"), in a profile's role field ("Role: Head/VP/CTO"), or on a
    skills, profile or summary line; not someone else's ("reported to the CTO") nor a word
    in a name ("Refrigerator, CTO and WallOven")."""
    line = lines[mention.line]
    if line.section in ROLE_SECTIONS:
        return True
    if mention.surface.casefold() in titles.get(mention.line, "\0"):
        return True
    return (
        _AS_ROLE.search(line.text, 0, mention.start) is not None
        or _ROLE_FIELD.match(line.text) is not None
    )
