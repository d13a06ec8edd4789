"""The job score: how well a resume answers a posting (what a posting asks for is read by
:mod:`matcher.score.posting`).

A resume's fit (0-100) combines, with the weights of :class:`JobSettings`:

``required``   weighted share of the posting's required taxonomy skills the resume evidences
``preferred``  the same for its preferred skills
``experience`` the resume's years against the posting's minimum, plus a little for depth,
               counted as far as the resume does the posting's kind of work
``text``       TF-IDF cosine of the two texts, the resume's work history counted twice
``coverage``   for each line of the posting, the share of its words and word pairs the
               resume's work history uses (a word only in a skills list or a summary counts
               half); a line of two or three words is a keyword, which half its words
               answer in part (:attr:`JobSettings.keyword_credit`); the mean, weighted like
               the line's skills (required, neutral, preferred)
``recent``     the same from the candidate's two most recent positions alone: what they
               do now counts above what they once did

A resume shorter than :attr:`JobSettings.full_length` words has its score scaled down, to half
at none (``length`` among the components): a thin resume gives a recruiter little to go on.

Most postings ask for things no taxonomy lists ("customer service", "VMware", "lesson
plans"); ``coverage`` reads them from the posting's own words.  A thin posting cannot be
answered in full by a little: the skills components are shares of at least
:attr:`JobSettings.skills_for_full_weight` of skill weight, and ``coverage`` and ``recent`` of
at least :attr:`JobSettings.lines_for_full_coverage` lines, so the one skill of a one-skill
posting, or both keywords of a two-keyword list, do not make a full match.  A score then
says about as much whatever the posting's length, and the scores a recruiter gives across
jobs are followed better (``benchmarks/job_weights.py`` judges the weights and these floors
on recruiters' own scores, on jobs they were not fitted on).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from matcher.score.features import MissingSkill, missing_skills, skill_strengths, years_fit
from matcher.score.job_terms import (
    ASIDE,
    DIRECT,
    RECENT,
    ResumeTerms,
    TermMatrix,
    coverages,
    is_keyword,
    line_credit,
    text_similarities,
    token_weights,
    weighted_shares,
)
from matcher.score.posting import JobPosting, content_terms
from matcher.score.text import identity_pattern, resume_text, without_identity
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from matcher.parse import Resume
    from matcher.skills import SkillMatch

RECENT_POSITIONS = 2
"""How many of the latest positions the ``recent`` component reads (part of the terms a pool
stores: :mod:`matcher.score.job_terms`)."""


@dataclass(frozen=True)
class JobSettings:
    """What the job score is tuned by; the defaults are the shipped values.

    Pass one to :func:`score_job` or :func:`job_scores` to score otherwise (the weights'
    benchmark does); the product always uses :data:`JOB_SETTINGS`."""

    weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "required": 0.20,
            "preferred": 0.05,
            "experience": 0.20,
            "text": 0.20,
            "coverage": 0.25,
            "recent": 0.10,
        },
        hash=False,
    )
    """Each component's weight (see the module's text), fitted by
    ``benchmarks/job_weights.py`` on the dev judgements and rounded to 0.05; ``preferred``,
    which the dev postings almost never have, keeps 0.05 (taken from ``experience``, the
    largest) so a "nice to have" still counts."""
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
    """Summed weight of a posting's required (or preferred) taxonomy skills from which their
    component can reach 1; below it the component is a share of this much: the one skill a
    posting names, found, is a third of a full match, not all of it."""
    lines_for_full_coverage: float = 5.0
    """Summed weight of a posting's lines from which ``coverage`` and ``recent`` can reach 1;
    below it they are shares of this much: a resume answering both keywords of a two-keyword
    posting has shown less than one answering five of five."""
    keyword_words: int = 3
    """A posting line of two to this many content words is read as one keyword ("inventory
    management", "customer service"), in ``coverage`` and ``recent`` alike: see
    :attr:`keyword_credit`.  A longer line is a sentence, whose words and pairs count each."""
    keyword_credit: float = 0.75
    """What a keyword line counts, at least, when the resume has half its words or more, side
    by side or not (in proportion below half): a candidate who ran a warehouse's inventory
    answers "inventory management" in part, far more than the third its words and pair
    would give.  The phrase itself still counts in full."""
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


JOB_SETTINGS = JobSettings()
"""The shipped settings."""


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
    skills_floor, lines_floor = settings.skills_for_full_weight, settings.lines_for_full_coverage
    required = weighted_shares(matrix, posting.required, floor=skills_floor)
    coverage = coverages(
        matrix,
        posting.terms,
        elsewhere_weight=settings.elsewhere_weight,
        floor=lines_floor,
        keyword_words=settings.keyword_words,
        keyword_credit=settings.keyword_credit,
    )
    years = np.array(
        [experience_fit(years, posting.years_min, settings=settings) for years in matrix.years],
        dtype=float,
    ).reshape(len(matrix))
    relevant = np.minimum(np.maximum(required, coverage) / settings.relevant_share, 1.0)
    components = {
        "required": required,
        "preferred": weighted_shares(matrix, posting.preferred, floor=skills_floor),
        "experience": years * relevant,
        "text": text_similarities(matrix, posting.terms),
        "coverage": coverage,
        "recent": coverages(
            matrix,
            posting.terms,
            elsewhere_weight=0.0,
            recent=True,
            floor=lines_floor,
            keyword_words=settings.keyword_words,
            keyword_credit=settings.keyword_credit,
        ),
    }
    total = sum(settings.weights.values())
    summed = np.zeros(len(matrix))
    for key, values in components.items():
        summed = summed + settings.weights[key] * values
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
    """What a posting is compared with in ``resume`` (see :mod:`matcher.score.job_terms`).

    The work history (experience sections, or the positions found elsewhere) is what a
    recruiter reads first: in ``text`` it counts twice, and in ``coverage`` a posting's word
    found only outside it (a skills list, a summary) counts
    :attr:`JobSettings.elsewhere_weight`.  A resume with no work history found is read whole.
    The terms of the latest positions are marked for ``recent``.
    """
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


def thin_posting(posting: JobPosting, *, settings: JobSettings = JOB_SETTINGS) -> str | None:
    """What to tell a user whose posting is too short to be answered in full (the floors of
    ``coverage`` and ``recent``: :attr:`JobSettings.lines_for_full_coverage`), or None."""
    lines = posting.requirements
    if not lines or sum(weight for _, weight in lines) >= settings.lines_for_full_coverage:
        return None
    return (
        f"the posting has only {len(lines)} requirement line{'s' if len(lines) > 1 else ''}: "
        "a resume that meets all of them still scores as a partial match; "
        "give the posting's full text for a fuller comparison"
    )


def job_warnings(job: JobFit, *, settings: JobSettings = JOB_SETTINGS) -> list[str]:
    """What a report says of its job match (after its own warnings: a pool adds a job to a
    report made without one): that it says little, or that a short resume lowered it."""
    if job.not_enough_to_judge is not None:
        return [f"not enough to judge the job match: {job.not_enough_to_judge}"]
    length = job.components.get("length", 1.0)
    if length >= 1.0:
        return []
    kept = float(length_scale(np.array([length]), settings=settings)[0])
    return [
        f"the resume is short (under {settings.full_length} words): its job score keeps "
        f"{kept:.0%} of what it shows, as a thin resume gives a recruiter little to go on"
    ]


def coverage(
    words: frozenset[str],
    requirements: Sequence[tuple[frozenset[str], float]],
    *,
    elsewhere: frozenset[str] = frozenset(),
    elsewhere_weight: float = JOB_SETTINGS.elsewhere_weight,
    floor: float = 0.0,
    keyword_words: int = JOB_SETTINGS.keyword_words,
    keyword_credit: float = JOB_SETTINGS.keyword_credit,
) -> float:
    """Weighted mean, over a posting's lines, of the share of each line's words in ``words``;
    a word only in ``elsewhere`` counts ``elsewhere_weight``; a keyword line counts at least
    ``keyword_credit`` from half its words on (:attr:`JobSettings.keyword_credit`); the
    weights are summed to at least ``floor``.  One resume at a time, as
    :func:`matcher.score.job_terms.coverages` computes it for many (the tests compare the
    two)."""
    total = sum(weight for _, weight in requirements)
    if total <= 0:
        return 0.0
    found = 0.0
    for line, weight in requirements:
        share = _found(line, words, elsewhere, elsewhere_weight) / len(line)
        if is_keyword(line, keyword_words):
            single = frozenset(term for term in line if " " not in term)
            in_part = _found(single, words, elsewhere, elsewhere_weight) / len(single)
            credit = line_credit(np.array([share]), np.array([in_part]), keyword_credit)
            share = float(credit[0])
        found += weight * share
    return found / max(total, floor)


def _found(
    terms: frozenset[str], words: frozenset[str], elsewhere: frozenset[str], weight: float
) -> float:
    """How many of ``terms`` are in ``words``, one only in ``elsewhere`` counting ``weight``."""
    direct = terms & words
    return len(direct) + weight * len((terms - direct) & elsewhere)
