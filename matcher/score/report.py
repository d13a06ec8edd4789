"""What ``matcher score`` reports about one resume: :func:`score_fit` and :class:`FitReport`.

Every level's fit (:mod:`matcher.score.levels`) and every industry's
(:mod:`matcher.score.industries`), best first, the best of each where one fits, the salary
band of the best level and the rung above it for its gaps, and a job's fit when one is
given (:mod:`matcher.score.job`).  Every component is reported, so every score can be
explained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sklearn import config_context

from matcher.score.industries import IndustryFit, score_industries
from matcher.score.job import JobFit, job_warnings
from matcher.score.levels import LevelFit, score_levels
from matcher.score.profiles import build_model, resume_tfidf
from matcher.score.settings import SCORE_SETTINGS, ScoreSettings
from matcher.score.text import resume_text
from matcher.skills import SkillMatch
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from matcher.parse import Resume


SCHEMA_VERSION = 1
"""The ``schema_version`` of the JSON a report gives (:meth:`FitReport.to_dict`), and every
JSON object matcher writes carries (PRODUCT.md's contract)."""


@dataclass(frozen=True)
class Salary:
    region: str
    level: str
    currency: str
    min: int
    max: int
    open_ended: bool
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "level": self.level,
            "currency": self.currency,
            "min": self.min,
            "max": self.max,
            "open_ended": self.open_ended,
            "text": self.text,
            "source": "AI Engineer Career Guide 2026 (the guide's 2026 figures)",
        }


@dataclass(frozen=True)
class FitReport:
    """Everything ``matcher score`` reports about one resume."""

    resume: Resume
    skills: tuple[SkillMatch, ...]
    levels: tuple[LevelFit, ...]
    """All five levels, best first."""
    best_level: str | None
    industries: tuple[IndustryFit, ...]
    """All industries, best first."""
    best_industry: str | None
    salary: Salary | None
    taxonomy_version: str
    job: JobFit | None = None
    next_level: LevelFit | None = None
    """The rung above the best level, for its gaps (None at the top or with no fit)."""
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self, *, max_evidence: int | None = 3) -> dict[str, Any]:
        """The report as the JSON contract gives it (``score-v1.schema.json``), evidence lines
        cut to ``max_evidence`` per skill (None: all)."""
        parsed = self.resume.to_dict()
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "file": self.resume.file,
            "as_of": parsed["as_of"],
            "as_of_source": parsed["as_of_source"],
            "taxonomy_version": self.taxonomy_version,
            "candidate": parsed["candidate"],
            "experience": parsed["experience"],
            "education": parsed["education"],
            "certifications": parsed["certifications"],
            "skills": [s.to_dict(max_evidence=max_evidence) for s in self.skills],
            "levels": [level.to_dict() for level in self.levels],
            "best_level": self.best_level,
            "industries": [industry.to_dict() for industry in self.industries],
            "best_industry": self.best_industry,
            "salary": None if self.salary is None else self.salary.to_dict(),
            "next_level": None
            if self.next_level is None
            else {
                "id": self.next_level.id,
                "name": self.next_level.name,
                "missing_skills": [m.to_dict() for m in self.next_level.missing_skills],
            },
            "warnings": [*parsed.get("warnings", []), *self.warnings],
        }
        if self.job is not None:
            data["job"] = self.job.to_dict()
        return data


def _best(fits: Sequence[Any], minimum: float) -> str | None:
    top = max(fits, key=lambda fit: fit.score, default=None)
    return top.id if top is not None and top.score >= minimum else None


def score_fit(
    resume: Resume,
    skills: Sequence[SkillMatch],
    taxonomy: Taxonomy,
    *,
    region: str = "us",
    job: JobFit | None = None,
    settings: ScoreSettings = SCORE_SETTINGS,
) -> FitReport:
    """Score a parsed resume against every level and industry (and a job, when given:
    scored with the job settings of ``settings`` by its caller, :func:`score_job`)."""
    model = build_model(taxonomy)
    # Everything the model reads here this module computed (finite numbers, valid
    # parameters): scikit-learn's normalize, on the industries' cosine, need not check it
    # again (the model's similarities skip their checks anyway).
    with config_context(assume_finite=True, skip_parameter_validation=True):
        tfidf = resume_tfidf(resume_text(resume), model)  # levels and industries read it
        levels, relevance = score_levels(
            resume, skills, model, tfidf=tfidf, settings=settings.levels
        )
        industries = score_industries(
            resume, skills, model, tfidf=tfidf, settings=settings.industries
        )
    warnings = []
    best_level = None
    if relevance >= settings.min_relevance:
        best_level = _best(levels, settings.min_level_score)
    if best_level is None:
        warnings.append("no career level fits: the resume shows little AI or data work")
    best_industry = _best(industries, settings.min_industry_score)
    salary = None
    next_level = None
    if best_level is not None:
        level = taxonomy.level(best_level)
        band = level.salary.get(region)
        if band is None:
            warnings.append(f"the guide gives no salary band for {level.name} in region {region!r}")
        else:
            salary = Salary(
                region, level.id, band.currency, band.min, band.max, band.open_ended, band.text
            )
        above = [
            fit
            for fit, lv in zip(levels, taxonomy.levels, strict=True)
            if lv.rank == level.rank + 1
        ]
        next_level = above[0] if above else None
    if job is not None:
        warnings += job_warnings(job, settings=settings.job)
    rank = {fit.id: index for index, fit in enumerate(levels)}
    return FitReport(
        resume=resume,
        skills=tuple(skills),
        levels=tuple(sorted(levels, key=lambda fit: (-fit.score, rank[fit.id]))),
        best_level=best_level,
        industries=tuple(sorted(industries, key=lambda fit: (-fit.score, fit.id))),
        best_industry=best_industry,
        salary=salary,
        taxonomy_version=taxonomy.version,
        job=job,
        next_level=next_level,
        warnings=tuple(warnings),
    )
