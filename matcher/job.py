"""Job postings: what a posting asks for, and how well a resume answers it.

A posting is read with the same read and skills stages as a resume.  Its lines are then
sorted into what is required and what is only preferred, from headings ("Requirements",
"Nice to have") and from cues on the line itself ("must", "a plus", "bonus"); lines under
other headings (responsibilities, the role) count in between.  Its years ("5+ years") and
level words (junior, senior, lead, principal, head) are read too.

A resume's fit (0-100) combines, with the weights of :class:`JobSettings`:

``required``   weighted share of the posting's required taxonomy skills the resume evidences
``preferred``  the same for its preferred skills
``experience`` the resume's years against the posting's minimum, plus a little for depth,
               counted as far as the resume does the posting's kind of work
``text``       TF-IDF cosine of the two texts, the resume's work history counted twice
``coverage``   for each line of the posting, the share of its words and word pairs the
               resume's work history uses (a word only in a skills list or a summary counts
               half); the mean, weighted like the line's skills (required, neutral,
               preferred)
``recent``     the same from the candidate's two most recent positions alone: what they
               do now counts above what they once did

A resume shorter than :attr:`JobSettings.full_length` words has its score scaled down, to half
at none (``length`` among the components): a thin resume gives a recruiter little to go on.

Most postings ask for things no taxonomy lists ("customer service", "VMware", "lesson
plans"); ``coverage`` reads them from the posting's own words.  The two skills components
carry their full weight only when the posting names enough taxonomy skills
(:attr:`JobSettings.skills_for_full_weight`): one skill found is too little to rank on.
The weights are judged on recruiters' own scores, on jobs they were not fitted on, by
``benchmarks/job_weights.py``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from matcher.document import ResumeText
from matcher.features import skill_strengths, years_fit
from matcher.job_terms import (
    ASIDE,
    DIRECT,
    RECENT,
    PostingTerms,
    ResumeTerms,
    TermMatrix,
    coverages,
    stem,
    text_similarities,
    token_weights,
    weighted_shares,
)
from matcher.skills import TextLine, find_mentions, rolls_up_to, summarise
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

    from matcher.parse import Resume
    from matcher.score import MissingSkill
    from matcher.skills import SkillMatch

REQUIRED_WEIGHT = 1.0
NEUTRAL_WEIGHT = 0.7
"""A skill named in the role's description, neither required nor optional in so many words."""
PREFERRED_WEIGHT = 0.5
DERIVED_WEIGHT = 0.5
"""Share of a tool's weight its competency gets (asking for PyTorch is asking for deep learning)."""
RECENT_POSITIONS = 2
"""How many of the latest positions the ``recent`` component reads (part of the terms a pool
stores: :mod:`matcher.job_terms`)."""


@dataclass(frozen=True)
class JobSettings:
    """What the job score is tuned by; the defaults are the shipped values.

    Pass one to :func:`score_job` or :func:`job_scores` to score otherwise (the weights'
    benchmark does); the product always uses :data:`JOB_SETTINGS`."""

    weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "required": 0.15,
            "preferred": 0.05,
            "experience": 0.25,
            "text": 0.30,
            "coverage": 0.20,
            "recent": 0.05,
        },
        hash=False,
    )
    """Each component's weight (see the module's text), fitted by
    ``benchmarks/job_weights.py`` on the dev judgements and rounded."""
    elsewhere_weight: float = 0.5
    """What a posting's word counts in ``coverage`` when the resume has it only outside its
    work history (a skills list, a summary), against 1 in a job's description."""
    must_have_cap: float = 35.0
    """The highest score of a resume that lacks a must-have skill: below the README's line
    for a plausible fit, whatever else it shows."""
    min_posting_words: int = 3
    """Fewer distinct content words than this in a posting's body, and no taxonomy skill:
    the posting says too little to match a resume on."""
    min_resume_words: int = 60
    """Fewer words than this in a resume: too little to judge it against a posting."""
    skills_for_full_weight: float = 3.0
    """Summed weight of a posting's required (or preferred) taxonomy skills at which their
    component carries its full weight; below it the weight shrinks in proportion."""
    experience_depth: float = 0.3
    """Share of the experience component that grows with years beyond any minimum: of two
    candidates who both meet "4+ years", the one with more counts a little more."""
    years_scale: float = 3.0
    """Years at which depth is half full when the posting states no minimum (else the
    minimum)."""
    relevant_share: float = 0.3
    """``required`` or ``coverage`` from which a resume's years count in full in
    ``experience``; below it they count in proportion: twelve years as a chef are no years
    for an ML posting."""
    full_length: int = 300
    """Words from which a resume's length no longer lowers its job score."""
    short_floor: float = 0.5
    """The share of its score a resume of no words would keep (the scale grows linearly to
    1 at :attr:`full_length` words)."""

    def key(self) -> str:
        """The settings as canonical JSON, for a cache key."""
        return json.dumps(asdict(self), sort_keys=True)


JOB_SETTINGS = JobSettings()
"""The shipped settings."""
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
_YEARS = re.compile(
    r"(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b", re.IGNORECASE
)
_LEVEL_WORDS = (
    ("head-of-ai", re.compile(r"\b(?:head|director|vp|vice president|chief)\b", re.IGNORECASE)),
    ("ai-architect", re.compile(r"\b(?:principal|architect|distinguished)\b", re.IGNORECASE)),
    ("senior-ai-engineer", re.compile(r"\b(?:senior|sr\.?|lead|staff)\b", re.IGNORECASE)),
    (
        "entry-level-ai-engineer",
        re.compile(r"\b(?:junior|jr\.?|entry[- ]level|graduate|intern|associate)\b", re.IGNORECASE),
    ),
)


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
    score is capped at :attr:`JobSettings.must_have_cap`."""

    @cached_property
    def terms(self) -> PostingTerms:
        """The posting's side of ``text`` and ``coverage`` (:mod:`matcher.job_terms`)."""
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


@dataclass(frozen=True)
class JobFit:
    posting: JobPosting
    score: float
    components: Mapping[str, float]
    matched_skills: tuple[str, ...]
    missing_skills: tuple[MissingSkill, ...]
    missing_must_have: tuple[str, ...] = ()
    """The posting's must-have skill ids the resume does not show (the score is capped)."""
    not_enough_to_judge: str | None = None
    """Why the score means little (a posting or a resume with almost nothing to compare),
    or None: the score is still given, as a 0-100 of almost nothing, never as a finding."""

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.posting.to_dict(),
            "score": self.score,
            "components": dict(self.components),
            "matched_skills": list(self.matched_skills),
            "missing_skills": [m.to_dict() for m in self.missing_skills],
            "missing_must_have": list(self.missing_must_have),
            "not_enough_to_judge": self.not_enough_to_judge,
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
        level=_level(title or "", lines),
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
        float(match.group(1))
        for text, mode in zip(lines, modes, strict=True)
        if mode != PREFERRED_WEIGHT
        for match in _YEARS.finditer(text)
    ]
    return max(found) if found else None


def _level(title: str, lines: Sequence[str]) -> str | None:
    for text in (title, *lines[:3]):
        for level_id, pattern in _LEVEL_WORDS:
            if pattern.search(text):
                return level_id
    return None


def score_job(
    resume: Resume,
    skills: Sequence[SkillMatch],
    posting: JobPosting,
    taxonomy: Taxonomy,
    *,
    settings: JobSettings = JOB_SETTINGS,
) -> JobFit:
    """How well a resume answers a posting (0-100), with matched and missing skills."""
    matrix = TermMatrix.of([resume_terms(resume, skills)])
    scores = job_scores(matrix, posting, settings=settings)
    return job_fit(scores.row(0), posting, taxonomy, settings=settings)


@dataclass(frozen=True)
class JobScore:
    """One resume's score against a posting, before its skills are named (:func:`job_fit`)."""

    score: float
    components: Mapping[str, float]
    strengths: Mapping[str, float]
    words: int


@dataclass(frozen=True)
class JobScores:
    """Every resume's score against a posting (:func:`job_scores`), as arrays."""

    matrix: TermMatrix
    score: NDArray[np.float64]
    components: Mapping[str, NDArray[np.float64]]

    def row(self, index: int) -> JobScore:
        return JobScore(
            score=float(self.score[index]),
            components={key: float(values[index]) for key, values in self.components.items()},
            strengths=self.matrix.strengths_of(index),
            words=int(self.matrix.words[index]),
        )


def job_scores(
    matrix: TermMatrix,
    posting: JobPosting,
    *,
    settings: JobSettings = JOB_SETTINGS,
) -> JobScores:
    """The score of every resume of ``matrix`` against ``posting``: each component and the
    weighted sum for all of them at once, with the same operations in the same order as for
    one, so a resume scores the same alone and in a pool of 100,000."""
    required = weighted_shares(matrix, posting.required)
    coverage = coverages(matrix, posting.terms, elsewhere_weight=settings.elsewhere_weight)
    years = np.array(
        [experience_fit(years, posting.years_min, settings=settings) for years in matrix.years],
        dtype=float,
    ).reshape(len(matrix))
    relevant = np.minimum(np.maximum(required, coverage) / settings.relevant_share, 1.0)
    components = {
        "required": required,
        "preferred": weighted_shares(matrix, posting.preferred),
        "experience": years * relevant,
        "text": text_similarities(matrix, posting.terms),
        "coverage": coverage,
        "recent": coverages(matrix, posting.terms, elsewhere_weight=0.0, recent=True),
    }
    weighted = component_weights(posting, settings)
    total = sum(weighted.values())
    summed = np.zeros(len(matrix))
    for key, values in components.items():
        summed = summed + weighted[key] * values
    components["length"] = np.minimum(matrix.words / settings.full_length, 1.0)
    score = 100 * summed / total * length_scale(components["length"], settings=settings)
    lacking = (matrix.skill_strengths(posting.must_have) == 0).any(axis=1)
    score = np.where(lacking, np.minimum(score, settings.must_have_cap), score)
    return JobScores(matrix, score, components)


def job_fit(
    score: JobScore,
    posting: JobPosting,
    taxonomy: Taxonomy,
    *,
    settings: JobSettings = JOB_SETTINGS,
) -> JobFit:
    """The fit as reported: the score, its components, the skills matched and missing."""
    from matcher.score import missing_skills

    strengths = score.strengths
    wanted = {**posting.preferred, **posting.required}
    matched = sorted((s for s in wanted if s in strengths), key=lambda s: (-wanted[s], s))
    return JobFit(
        posting=posting,
        score=round(score.score, 1),
        missing_must_have=tuple(s for s in posting.must_have if s not in strengths),
        not_enough_to_judge=_too_little(score.words, posting, settings),
        components={key: round(value, 3) for key, value in score.components.items()},
        matched_skills=tuple(matched),
        missing_skills=missing_skills(posting.required, posting.preferred, strengths, taxonomy),
    )


def _too_little(resume_words: int, posting: JobPosting, settings: JobSettings) -> str | None:
    """Why a resume and a posting give too little to compare, or None."""
    words = {term for line, _ in posting.requirements for term in line if " " not in term}
    if not posting.required and not posting.preferred and len(words) < settings.min_posting_words:
        return (
            f"the posting names almost nothing to match on ({len(words)} content words, "
            "no skill of the taxonomy): paste its requirements"
        )
    if resume_words < settings.min_resume_words:
        return f"the resume has almost no text ({resume_words} words): its job score says little"
    return None


def resume_terms(resume: Resume, skills: Sequence[SkillMatch]) -> ResumeTerms:
    """What a posting is compared with in ``resume`` (see :mod:`matcher.job_terms`).

    The work history (experience sections, or the positions found elsewhere) is what a
    recruiter reads first: in ``text`` it counts twice, and in ``coverage`` a posting's word
    found only outside it (a skills list, a summary) counts
    :attr:`JobSettings.elsewhere_weight`.  A resume with no work history found is read whole.
    The terms of the latest positions are marked for ``recent``.
    """
    from matcher.score import identity_pattern, resume_text, without_identity

    text = resume_text(resume)
    work = without_identity(resume.experience_text(), identity_pattern(resume)).strip()
    terms = content_terms(text)
    if work:
        direct = content_terms(work)
        content = {**dict.fromkeys(terms - direct, ASIDE), **dict.fromkeys(direct, DIRECT)}
    else:
        content = dict.fromkeys(terms, DIRECT)
    latest = sorted(
        resume.experience.positions, key=lambda p: (p.period.end, p.period.start), reverse=True
    )[:RECENT_POSITIONS]
    for term in content_terms("\n".join(p.text for p in latest)):
        content[term] = content.get(term, DIRECT) | RECENT
    return ResumeTerms(
        tokens=token_weights(f"{text}\n{work}"),
        content=content,
        strengths=skill_strengths(skills),
        years=resume.experience.total_years,
        words=sum(len(line.text.split()) for _, line in resume.iter_lines()),
    )


def job_components(
    resume: Resume, skills: Sequence[SkillMatch], posting: JobPosting
) -> dict[str, float]:
    """Each component of a resume's fit to a posting, in [0, 1] (see the module's text)."""
    matrix = TermMatrix.of([resume_terms(resume, skills)])
    return dict(job_scores(matrix, posting).row(0).components)


def component_weights(posting: JobPosting, settings: JobSettings) -> dict[str, float]:
    """The weights as they apply to this posting: a posting that names few skills of the
    taxonomy is scored mostly on what else it says (:attr:`JobSettings.skills_for_full_weight`)."""
    applied = dict(settings.weights)
    for key, wanted in (
        ("required", posting.required),
        ("preferred", posting.preferred),
    ):
        applied[key] *= min(1.0, sum(wanted.values()) / settings.skills_for_full_weight)
    return applied


def length_scale(
    length: NDArray[np.float64], *, settings: JobSettings = JOB_SETTINGS
) -> NDArray[np.float64]:
    """The share of its score a resume keeps for its ``length`` component (words over
    :attr:`JobSettings.full_length`, up to 1)."""
    return settings.short_floor + (1 - settings.short_floor) * length


def experience_fit(
    years: float | None, minimum: float | None, *, settings: JobSettings = JOB_SETTINGS
) -> float:
    """Years against a posting's minimum (a smooth fall-off below it), plus depth.

    Monotone in ``years``: more experience never lowers the fit.  Unknown years give 0.5.
    """
    if years is None:
        return 0.5
    floor = 1.0 if minimum is None else years_fit(years, minimum, None)
    scale = minimum if minimum else settings.years_scale
    depth = years / (years + scale) if years > 0 else 0.0
    return (1 - settings.experience_depth) * floor + settings.experience_depth * depth


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


def coverage(
    words: frozenset[str],
    requirements: Sequence[tuple[frozenset[str], float]],
    *,
    elsewhere: frozenset[str] = frozenset(),
    elsewhere_weight: float = JOB_SETTINGS.elsewhere_weight,
) -> float:
    """Weighted mean, over a posting's lines, of the share of each line's words in ``words``;
    a word only in ``elsewhere`` counts ``elsewhere_weight``.  One resume at a time, as
    :func:`matcher.job_terms.coverages` computes it for many (the tests compare the two)."""
    total = sum(weight for _, weight in requirements)
    if total <= 0:
        return 0.0
    found = 0.0
    for line, weight in requirements:
        direct = line & words
        aside = len((line - direct) & elsewhere)
        found += weight * (len(direct) + elsewhere_weight * aside) / len(line)
    return found / total
