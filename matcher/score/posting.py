"""Reading a job posting: what it requires, what it only prefers, its years and level.

A posting is read with the same read and skills stages as a resume.  Its lines are then
sorted into what is required and what is only preferred, from headings ("Requirements",
"Nice to have") and from cues on the line itself ("must", "a plus", "bonus"); lines under
other headings (responsibilities, the role) count in between.  Its years ("5+ years") and
level words (junior, senior, lead, principal, head) are read too.  How a resume answers
it is :mod:`matcher.score.job`'s.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from matcher.document import ResumeText
from matcher.parse.dates import YEARS, years_of
from matcher.score.job_terms import PostingTerms, stem
from matcher.skills import TextLine, find_mentions, rolls_up_to, summarise
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

    from matcher.skills import SkillMatch

REQUIRED_WEIGHT = 1.0
NEUTRAL_WEIGHT = 0.7
"""A skill named in the role's description, neither required nor optional in so many words."""
PREFERRED_WEIGHT = 0.5
DERIVED_WEIGHT = 0.5
"""Share of a tool's weight its competency gets (asking for PyTorch is asking for deep learning)."""
# fmt: off
BOILERPLATE_WORDS = frozenset({
    "ability", "able", "candidate", "demonstrated", "excellent", "experience", "experienced",
    "familiar", "familiarity", "good", "ideal", "including", "knowledge", "minimum", "plus",
    "preferred", "proficiency", "proficient", "proven", "related", "required", "skill",
    "skilled", "skills", "solid", "strong", "understanding", "using", "work", "working",
    "year", "years",
})
# fmt: on
"""Words every requirement line uses; they say nothing about what is required."""

_PREFERRED = re.compile(
    r"nice[- ]to[- ]have|bonus|preferred|preferably|a plus|\bplus\b|desirable|ideally|"
    r"good to have|advantageous|optional|would be great",
    re.IGNORECASE,
)
_REQUIRED = re.compile(
    r"\bmust\b|required|requirements?|essential|mandatory|qualifications|what you bring|"
    r"you have|you will need|we need|minimum",
    re.IGNORECASE,
)
# A short line of words, maybe a Markdown heading, never a bullet item.
_HEADING = re.compile(r"^(?![-*•▪●◦]\s)[#\s]*\w[\w'’ &/()-]{1,59}:?\s*$")
_MUST_HAVE = re.compile(r"must[- ]haves?|hard requirements?|non[- ]negotiables?", re.IGNORECASE)
_SECTION_CUE = re.compile(
    r"\W*(?:nice[- ]to[- ]haves?|must[- ]haves?|good[- ]to[- ]haves?|bonus|preferred|required"
    r"|requirements|qualifications|responsibilities|about (?:the|us|you)|benefits|what you"
    r"|you have|you will|we offer|the role|skills)\b",
    re.IGNORECASE,
)
"""How a posting's section heading opens, for a heading among a list's short lines."""
_LIST_RUN = 3
"""Short lines in a row from which they are read as a list's items, not headings."""
_YEARS = re.compile(rf"(?<![\w.]){YEARS}", re.IGNORECASE)
"""The one "N years" grammar of :mod:`matcher.parse.dates`, at a word's start."""


@dataclass(frozen=True)
class JobPosting:
    file: str
    title: str | None
    required: Mapping[str, float]
    """Skill id -> weight of what the posting requires (or names in the role)."""
    preferred: Mapping[str, float]
    years_min: float | None
    level: str | None
    """The career level the posting's words point to, if any."""
    text: str
    skills: tuple[SkillMatch, ...]
    requirements: tuple[tuple[frozenset[str], float], ...] = ()
    """Each body line's content words and pairs (see :func:`content_terms`) and its weight."""
    must_have: tuple[str, ...] = ()
    """Skill ids a resume must show (``--require``, a "Must have" section): without one, the
    score is capped at :attr:`~matcher.score.job.JobSettings.must_have_cap`."""

    @cached_property
    def terms(self) -> PostingTerms:
        """The posting's side of ``text`` and ``coverage`` (:mod:`matcher.score.job_terms`)."""
        return PostingTerms.of(self.text, self.requirements)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "title": self.title,
            "level": self.level,
            "years_min": self.years_min,
            "must_have": list(self.must_have),
            "required": dict(sorted(self.required.items())),
            "preferred": dict(sorted(self.preferred.items())),
        }


def analyse_job(
    document: ResumeText,
    taxonomy: Taxonomy,
    *,
    nlp: Language | None = None,
    require: Sequence[str] = (),
) -> JobPosting:
    """What a posting asks for: required and preferred skills, years, level.

    ``nlp``: the pipeline of :func:`matcher.skills.build_pipeline` (the blank one if None).
    ``require``: skills every resume must show, by id or name (see :func:`resolve_skills`),
    beside those the posting lists under a "Must have" heading.
    """
    lines = [line.text for line in document.lines]
    headings = _headings(lines)
    modes = _line_modes(lines, headings)
    requirements = tuple(
        (words, weight)
        for text, weight, is_heading in zip(lines, modes, headings, strict=True)
        if not is_heading and (words := content_terms(text))
    )
    # Lines under "Requirements" or "Nice to have" are lists of skills, where a bare
    # "Kafka" or "Spark" needs no further context, as in a resume's skills section.
    text_lines = [
        TextLine(text, "skills" if weight != NEUTRAL_WEIGHT else "other")
        for text, weight in zip(lines, modes, strict=True)
    ]
    mentions = find_mentions(text_lines, taxonomy, nlp=nlp)
    skills = summarise(mentions, text_lines, taxonomy)
    required: dict[str, float] = {}
    preferred: dict[str, float] = {}
    must_lines = _under_must_have(lines, headings)
    must_have = dict.fromkeys(resolve_skills(require, taxonomy))
    for mention in mentions:
        if mention.line in must_lines:
            must_have[mention.skill_id] = None
        weight = modes[mention.line]
        target = preferred if weight == PREFERRED_WEIGHT else required
        target[mention.skill_id] = max(target.get(mention.skill_id, 0.0), weight)
    for skill_id in must_have:
        required[skill_id] = REQUIRED_WEIGHT
    for skill_id in list(required):
        preferred.pop(skill_id, None)
    for target in (required, preferred):
        additions: dict[str, float] = {}
        for tool, weight in target.items():
            for competency in rolls_up_to(tool, taxonomy):
                if competency not in required and competency not in preferred:
                    additions[competency] = max(
                        additions.get(competency, 0.0), weight * DERIVED_WEIGHT
                    )
        target.update(additions)
    # The first line names the role, unless it heads a list ("Required skills:").
    title = lines[0].lstrip("# ").strip() if lines and not lines[0].endswith(":") else None
    return JobPosting(
        file=document.file,
        title=title,
        required=required,
        preferred=preferred,
        years_min=_years_min(lines, modes),
        level=_level(title or "", lines, taxonomy),
        text=document.text,
        skills=skills,
        requirements=requirements,
        must_have=tuple(must_have),
    )


def resolve_skills(names: Sequence[str], taxonomy: Taxonomy) -> tuple[str, ...]:
    """The taxonomy ids of ``names``, each an id, a name or an alias (any case).

    Raises :class:`~matcher.errors.UsageError` naming the first that is none of these.
    """
    from matcher.errors import UsageError

    known: dict[str, str] = {}
    for skill in taxonomy.skills:
        for surface in (skill.id, skill.name, *skill.aliases, *skill.forms):
            known.setdefault(surface.casefold(), skill.id)
    found = []
    for name in names:
        skill_id = known.get(name.strip().casefold())
        if skill_id is None:
            raise UsageError(
                f"unknown skill {name.strip()!r}: `matcher taxonomy list` shows the skills "
                "(give an id, a name or an alias)"
            )
        found.append(skill_id)
    return tuple(dict.fromkeys(found))


def _under_must_have(lines: Sequence[str], headings: Sequence[bool]) -> set[int]:
    """Indexes of the lines under a "Must have" (or "Hard requirements") heading."""
    inside = False
    found = set()
    for index, (text, is_heading) in enumerate(zip(lines, headings, strict=True)):
        if is_heading:
            inside = bool(_MUST_HAVE.search(text))
        elif inside:
            found.add(index)
    return found


def _is_heading(text: str) -> bool:
    return bool(_HEADING.match(text)) and len(text.split()) <= 7


def _headings(lines: Sequence[str]) -> list[bool]:
    """Which lines are headings: short lines of words, except the items of a bare list.

    Recruiters paste a posting as a heading and its keywords one per line ("Required
    skills:", "inventory", "warehouse management"): every line of that is short.  In a run
    of three or more short lines, a line ending in a colon, a Markdown heading or a line
    that opens like a posting's section ("Nice to have", "Requirements") heads what follows
    it; where none does, the run's first line is the heading and the rest its items.  A run
    of one or two short lines ("About the role") is headings.
    """
    shaped = [_is_heading(text) for text in lines]
    headings = list(shaped)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and shaped[end]:
            end += 1
        if end - start >= _LIST_RUN:
            marked = [
                index
                for index in range(start, end)
                if lines[index].rstrip().endswith(":")
                or lines[index].lstrip().startswith("#")
                or _SECTION_CUE.match(lines[index])
            ]
            for index in range(start, end):
                headings[index] = index in marked if marked else index == start
        start = end + 1
    return headings


def _line_modes(lines: Sequence[str], headings: Sequence[bool]) -> list[float]:
    """The weight each line's skills carry, from the heading it stands under and its cues."""
    modes = []
    current = NEUTRAL_WEIGHT
    for text, is_heading in zip(lines, headings, strict=True):
        if is_heading:
            if _PREFERRED.search(text):
                current = PREFERRED_WEIGHT
            elif _REQUIRED.search(text):
                current = REQUIRED_WEIGHT
            else:
                current = NEUTRAL_WEIGHT
            modes.append(current)
        elif _PREFERRED.search(text):
            modes.append(PREFERRED_WEIGHT)
        elif _REQUIRED.search(text):
            modes.append(REQUIRED_WEIGHT)
        else:
            modes.append(current)
    return modes


def _years_min(lines: Sequence[str], modes: Sequence[float]) -> float | None:
    found = [
        years_of(match)
        for text, mode in zip(lines, modes, strict=True)
        if mode != PREFERRED_WEIGHT
        for match in _YEARS.finditer(text)
    ]
    return max(found) if found else None


def _level(title: str, lines: Sequence[str], taxonomy: Taxonomy) -> str | None:
    """The level whose title words (the taxonomy's) the title or first lines use; the
    highest rung's wins on a line ("Senior Associate" is senior)."""
    patterns = _title_word_patterns(
        tuple((lv.id, lv.title_words) for lv in sorted(taxonomy.levels, key=lambda lv: -lv.rank))
    )
    for text in (title, *lines[:3]):
        for level_id, pattern in patterns:
            if pattern.search(text):
                return level_id
    return None


@lru_cache(maxsize=8)
def _title_word_patterns(
    levels: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per level with title words; a space or hyphen in a word matches either."""
    patterns = []
    for level_id, words in levels:
        if words:
            forms = (r"[- ]".join(map(re.escape, re.split(r"[- ]+", w))) for w in words)
            patterns.append((level_id, re.compile(rf"\b(?:{'|'.join(forms)})\b", re.I)))
    return tuple(patterns)


_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")


def content_terms(text: str) -> frozenset[str]:
    """The words of ``text`` that carry meaning, and each two neighbouring ones as a pair.

    Words are lowercased and stripped of common endings: "manage", "manages", "managed" and
    "managing" all become "manag", so a resume's wording need not be the posting's.  Stop
    words, numbers and requirement boilerplate ("experience", "strong") are dropped.  A pair
    is kept in either order ("safety management", "management of safety"): a phrase the
    posting asks for counts more when the resume has it than when it has its words apart.
    """
    words = [
        stem(word)
        for word in _WORD.findall(text.lower())
        if not (word in ENGLISH_STOP_WORDS or word in BOILERPLATE_WORDS or word.isdigit())
    ]
    pairs = (" ".join(sorted(pair)) for pair in itertools.pairwise(words) if pair[0] != pair[1])
    return frozenset((*words, *pairs))
