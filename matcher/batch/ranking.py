"""Ranking: each result's score for a :class:`Target`, then the order.

:func:`output_row` and :func:`rank_row` give a result its target score and headline
numbers; :func:`rank_rows` orders the rows best first, ties by file name, the same
whatever the order results arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from matcher.batch.options import INTERNAL_ERROR, FileResult
from matcher.output.finish import contact_of, finish_output
from matcher.output.rows import FileError, RankedRow, pack

if TYPE_CHECKING:
    from matcher.score.features import MissingSkill
    from skills_taxonomy import Taxonomy

__all__ = ["DEFAULT_TOP_SKILLS", "Target", "output_row", "rank_row", "rank_rows"]

DEFAULT_TOP_SKILLS = 5
"""Skills and missing skills a ranked row names."""


@dataclass(frozen=True)
class Target:
    """What candidates are ranked by: a level, an industry, a job, or any mix of them.

    The score is the mean of the chosen targets' scores; with none, the best level's.
    """

    level: str | None = None
    industry: str | None = None
    job: str | None = None
    """The job posting's file name, when ranking by it."""

    def describe(self) -> str:
        parts = [
            f"{kind} {value}"
            for kind, value in (("level", self.level), ("industry", self.industry))
            if value is not None
        ]
        if self.job is not None:
            parts.append(f"job {self.job}")
        return " + ".join(parts) if parts else "best level"


def output_row(
    result: FileResult, target: Target, taxonomy: Taxonomy, *, redact: bool = False
) -> RankedRow:
    """A scored (or failed) file as the ranking outputs show it: the target level's gaps
    as its next step, the schema version stamped, redacted when asked."""
    data = None
    if result.data is not None:
        data = dict(result.data)
        if target.level is not None:
            chosen = next(fit for fit in data["levels"] if fit["id"] == target.level)
            data["next_level"] = {key: chosen[key] for key in ("id", "name", "missing_skills")}
        contact = result.contact or contact_of(result.data["candidate"])
        data = finish_output(data, contact, redact=redact)
    return rank_row(result, target, taxonomy, data=data)


def rank_row(
    result: FileResult,
    target: Target,
    taxonomy: Taxonomy,
    *,
    data: Mapping[str, Any] | None = None,
) -> RankedRow:
    """``result`` scored for ``target``.

    ``data`` is the object the outputs show (``result.data`` made ready for output: schema
    version, redaction); the numbers come from ``result.data``, untouched.
    """
    if result.data is None:
        error = result.error or FileError(INTERNAL_ERROR, f"{result.file}: no result")
        return RankedRow(result.file, None, error=error, cached=result.cached)
    raw = result.data
    levels = {fit["id"]: fit for fit in raw["levels"]}
    industries = {fit["id"]: fit for fit in raw["industries"]}
    scores: list[float] = []
    matched: list[str] = []
    missing: list[Mapping[str, Any]] = []
    job = raw.get("job")
    job_score = None
    must_have_missing: list[str] = []
    if target.job is not None and job is not None:
        job_score = float(job["score"])
        must_have_missing = [
            taxonomy.skill(skill_id).name for skill_id in job.get("missing_must_have", ())
        ]
        scores.append(job_score)
        matched += job["matched_skills"]
        missing += job["missing_skills"]
    level_score = None
    if target.level is not None:
        level_score = float(levels[target.level]["score"])
        scores.append(level_score)
        matched += levels[target.level]["matched_skills"]
        missing += levels[target.level]["missing_skills"]
    industry_score = None
    if target.industry is not None:
        industry_score = float(industries[target.industry]["score"])
        scores.append(industry_score)
        found, lacking = _industry_skills(raw, target.industry, taxonomy)
        matched += found
        missing += [skill.to_dict() for skill in lacking]
    if not scores:
        best = max(raw["levels"], key=lambda fit: fit["score"])
        scores.append(float(best["score"]))
        matched += best["matched_skills"]
        missing += best["missing_skills"]
    best_level = raw.get("best_level")
    best_industry = raw.get("best_industry")
    return RankedRow(
        file=result.file,
        score=round(sum(scores) / len(scores), 1),
        packed=pack(raw if data is None else data),
        level_score=level_score,
        industry_score=industry_score,
        job_score=job_score,
        best_level_score=None if best_level is None else float(levels[best_level]["score"]),
        best_industry_score=None
        if best_industry is None
        else float(industries[best_industry]["score"]),
        top_skills=_top_skills(raw["skills"], matched),
        missing_skills=_names(missing),
        missing_must_have=tuple(must_have_missing),
        cached=result.cached,
    )


def _industry_skills(
    data: Mapping[str, Any], industry: str, taxonomy: Taxonomy
) -> tuple[tuple[str, ...], tuple[MissingSkill, ...]]:
    """The industry's skills the resume shows and those it lacks, as the report's
    :class:`~matcher.score.industries.IndustryFit` has them (its JSON does not: they are
    found again from the report's skills)."""
    from matcher.score.industries import industry_skills

    found = {skill["id"]: 1.0 for skill in data["skills"]}
    return industry_skills(taxonomy.industry(industry), found, taxonomy)


def _names(missing: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    required = [m for m in missing if m.get("importance") == "required"]
    others = [m for m in missing if m.get("importance") != "required"]
    names: dict[str, None] = {}
    for item in (*required, *others):
        names.setdefault(str(item["name"]), None)
    return tuple(names)[:DEFAULT_TOP_SKILLS]


def _top_skills(skills: Sequence[Mapping[str, Any]], matched: Sequence[str]) -> tuple[str, ...]:
    """The skills behind the score: those the target asks for that the resume shows
    (heaviest first); for a resume that shows none, its most mentioned skills."""
    names = {str(skill["id"]): str(skill["name"]) for skill in skills}
    chosen = dict.fromkeys(names[skill] for skill in matched if skill in names)
    if not chosen:
        named = [s for s in skills if not s.get("derived")]
        named.sort(key=lambda s: (-int(s["mentions"]), -float(s["years"] or 0.0), str(s["name"])))
        chosen = dict.fromkeys(str(s["name"]) for s in named)
    return tuple(chosen)[:DEFAULT_TOP_SKILLS]


def rank_rows(
    rows: Iterable[RankedRow], *, top: int | None = None, min_score: float | None = None
) -> list[RankedRow]:
    """Scored rows best first (ties by file name), numbered; then failed rows by name.

    ``min_score`` and ``top`` keep only the best scored rows; failed rows are always kept,
    so that no file that could not be read goes unnoticed.
    """
    scored = sorted(
        (row for row in rows if row.score is not None),
        key=lambda row: (-(row.score or 0.0), row.file),
    )
    failed = sorted((row for row in rows if row.score is None), key=lambda row: row.file)
    ranked = [replace(row, rank=index) for index, row in enumerate(scored, start=1)]
    if min_score is not None:
        ranked = [row for row in ranked if (row.score or 0.0) >= min_score]
    if top is not None:
        ranked = ranked[:top]
    return [*ranked, *failed]
