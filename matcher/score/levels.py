"""A resume's fit to each career level of the guide, scaled by its evidence of AI work.

A level's score (0-100) combines, with :attr:`LevelSettings.weights
<matcher.score.settings.LevelSettings.weights>`:

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

from matcher.score.features import MissingSkill, ordered, skill_strengths, vector, years_fit
from matcher.score.profiles import FitModel, resume_tfidf
from matcher.score.settings import SCORE_SETTINGS, LevelSettings
from matcher.score.text import resume_text
from matcher.skills import SkillMatch
from skills_taxonomy import Level, Taxonomy

if TYPE_CHECKING:
    from matcher.parse import Resume


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
    skills: Sequence[SkillMatch],
    strengths: Mapping[str, float],
    taxonomy: Taxonomy,
    *,
    settings: LevelSettings = SCORE_SETTINGS.levels,
) -> float:
    """Evidence of AI (and, half as much, data) work, in [0, 1]: the categories that show
    either are marked in the taxonomy (``evidence``).

    Only skills the resume names count: a competency derived from a tool repeats that
    tool's evidence, and one stray acronym ("ASR" as a router model) must not count four
    times through machine learning, deep learning and NLP.
    """
    evidence = {
        c.id: settings.evidence_weights.get(c.evidence or "", 0.0) for c in taxonomy.categories
    }
    total = 0.0
    for match in skills:
        if not match.derived:
            total += evidence.get(match.category, 0.0) * strengths[match.id]
    return min(1.0, total / settings.relevance_saturation)


def score_levels(
    resume: Resume,
    skills: Sequence[SkillMatch],
    model: FitModel,
    *,
    tfidf: NDArray[np.float64] | None = None,
    settings: LevelSettings = SCORE_SETTINGS.levels,
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
    text = np.minimum(model.level_text.similarity(presence)[0] / settings.text_saturation, 1.0)
    relevance = ai_relevance(skills, strengths, taxonomy, settings=settings)
    years = resume.experience.total_years
    fits = []
    for column, level in enumerate(taxonomy.levels):
        experience = _level_years_fit(years, level, settings)
        components = {
            "required": float(required[column]),
            "preferred": float(preferred[column]),
            "experience": experience,
            "text": float(text[column]),
        }
        base = sum(settings.weights[key] * value for key, value in components.items())
        scale = settings.relevance_floor + (1 - settings.relevance_floor) * relevance
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


def _level_years_fit(years: float | None, level: Level, settings: LevelSettings) -> float:
    above = years is not None and level.years_max is not None and years > level.years_max
    sigma = settings.years_sigma_above if above else settings.years_sigma_below
    return years_fit(years, level.years_min, level.years_max, sigma=sigma)
