"""A resume's fit to each career level of the guide, scaled by its evidence of AI work.

A level's score (0-100) combines, with :data:`DEFAULT_LEVEL_WEIGHTS`:

``required``   weighted share of the level's required skills the resume evidences
``preferred``  the same for its preferred skills
``experience`` how the resume's years sit in the level's range (1 inside, smooth fall-off)
``text``       share of the level's profile terms (responsibilities, skills) the resume uses

and is scaled by ``relevance``, the resume's evidence of AI or data work: a chef's resume
is no fit at all, not a weak Entry-Level one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from matcher.score.features import (
    DEFAULT_YEARS_SIGMA,
    MissingSkill,
    ordered,
    skill_strengths,
    vector,
    years_fit,
)
from matcher.score.profiles import FitModel, resume_tfidf
from matcher.score.text import resume_text
from matcher.skills import SkillMatch
from skills_taxonomy import Level, Taxonomy

if TYPE_CHECKING:
    from matcher.parse import Resume

DEFAULT_LEVEL_WEIGHTS = {"required": 0.45, "preferred": 0.15, "experience": 0.30, "text": 0.10}
DEFAULT_YEARS_SIGMA_ABOVE = 3.0
"""Fall-off above a level's range is gentler than below: more years disqualify less."""
DEFAULT_TEXT_SATURATION = 0.5
"""Share of a level's profile terms at which the text component is full."""
EVIDENCE_WEIGHTS = {"ai": 1.0, "data": 0.5}
"""What a skill counts towards AI relevance by its category's ``evidence`` in the taxonomy."""
DEFAULT_RELEVANCE_SATURATION = 3.0
"""Strength of AI evidence (about three solid AI skills) at which relevance is full."""
RELEVANCE_FLOOR = 0.3
"""Share of a level's score a resume with no AI or data evidence at all keeps."""


@dataclass(frozen=True)
class LevelFit:
    id: str
    name: str
    score: float
    components: Mapping[str, float]
    matched_skills: tuple[str, ...]
    missing_skills: tuple[MissingSkill, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": self.score,
            "components": dict(self.components),
            "matched_skills": list(self.matched_skills),
            "missing_skills": [m.to_dict() for m in self.missing_skills],
        }


def ai_relevance(
    skills: Sequence[SkillMatch], strengths: Mapping[str, float], taxonomy: Taxonomy
) -> float:
    """Evidence of AI (and, half as much, data) work, in [0, 1]: the categories that show
    either are marked in the taxonomy (``evidence``).

    Only skills the resume names count: a competency derived from a tool repeats that
    tool's evidence, and one stray acronym ("ASR" as a router model) must not count four
    times through machine learning, deep learning and NLP.
    """
    evidence = {c.id: EVIDENCE_WEIGHTS.get(c.evidence or "", 0.0) for c in taxonomy.categories}
    total = 0.0
    for match in skills:
        if not match.derived:
            total += evidence.get(match.category, 0.0) * strengths[match.id]
    return min(1.0, total / DEFAULT_RELEVANCE_SATURATION)


def score_levels(
    resume: Resume,
    skills: Sequence[SkillMatch],
    model: FitModel,
    *,
    tfidf: NDArray[np.float64] | None = None,
) -> tuple[tuple[LevelFit, ...], float]:
    """Every level's fit (in ladder order) and the resume's AI relevance.

    ``tfidf``: the resume's TF-IDF row (:func:`~matcher.score.profiles.resume_tfidf`), when
    the caller has it.
    """
    taxonomy = model.taxonomy
    strengths = skill_strengths(skills)
    row = np.array([vector(strengths, model.skill_index)], dtype=np.float64)
    required = model.required.similarity(row)[0]
    preferred = model.preferred.similarity(row)[0]
    if tfidf is None:
        tfidf = resume_tfidf(resume_text(resume), model)
    presence = (tfidf > 0).astype(float)
    text = np.minimum(model.level_text.similarity(presence)[0] / DEFAULT_TEXT_SATURATION, 1.0)
    relevance = ai_relevance(skills, strengths, taxonomy)
    years = resume.experience.total_years
    fits = []
    for column, level in enumerate(taxonomy.levels):
        experience = _level_years_fit(years, level)
        components = {
            "required": float(required[column]),
            "preferred": float(preferred[column]),
            "experience": experience,
            "text": float(text[column]),
        }
        base = sum(DEFAULT_LEVEL_WEIGHTS[key] * value for key, value in components.items())
        scale = RELEVANCE_FLOOR + (1 - RELEVANCE_FLOOR) * relevance
        components["relevance"] = relevance
        fits.append(
            LevelFit(
                id=level.id,
                name=level.name,
                score=round(100 * base * scale, 1),
                components={k: round(v, 3) for k, v in components.items()},
                matched_skills=tuple(
                    ordered(
                        (s for s in (*level.required, *level.preferred) if s in strengths),
                        {**level.preferred, **level.required},
                    )
                ),
                missing_skills=tuple(
                    skill for skill in model.level_skills[column] if skill.id not in strengths
                ),
            )
        )
    return tuple(fits), relevance


def _level_years_fit(years: float | None, level: Level) -> float:
    if years is not None and level.years_max is not None and years > level.years_max:
        return years_fit(years, level.years_min, level.years_max, sigma=DEFAULT_YEARS_SIGMA_ABOVE)
    return years_fit(years, level.years_min, level.years_max, sigma=DEFAULT_YEARS_SIGMA)
