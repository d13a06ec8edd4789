"""Ranking a pool against a level, an industry or a posting, without reading a file.

Every candidate's score is computed at once: levels and industries from the scores stored
with each entry, a posting through :func:`matcher.score.job.job_scores` over all the entries'
packed terms (a few array operations, not one Python call per resume).  Only the rows that
are shown are then built in full, as ``batch`` builds them, so a row of ``pool rank`` is the
row ``batch`` gives for the same file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from matcher.batch.options import AnalysisOptions, FileResult
from matcher.batch.ranking import Target
from matcher.output.finish import contact_of
from matcher.pool.entry import unpack
from matcher.pool.pool import Pool, candidate_groups
from matcher.pool.store import resumes

if TYPE_CHECKING:
    from matcher.score.job import JobScore, JobSettings
    from matcher.score.posting import JobPosting
    from skills_taxonomy import Taxonomy


@dataclass(frozen=True)
class RankQuery:
    """What to rank a pool by, and which candidates to keep."""

    level: str | None = None
    industry: str | None = None
    job: JobPosting | None = None
    require: tuple[str, ...] = ()
    """Skill ids a candidate must show: the others are left out (a hard filter)."""
    min_years: float | None = None
    min_score: float | None = None
    top: int | None = None
    every_version: bool = False
    """Rank each stored resume, not each candidate's newest one only."""
    ids: tuple[int, ...] | None = None
    """Score only these entries (each, whatever newer resume its candidate has)."""

    @property
    def target(self) -> Target:
        return Target(
            level=self.level,
            industry=self.industry,
            job=None if self.job is None else self.job.file,
        )


@dataclass(frozen=True)
class PoolRanking:
    """The results to show, best first, and what was left out on the way."""

    results: list[FileResult]
    """The chosen entries as ``batch`` would have scored them, best first."""
    stored: int
    """Entries in the pool."""
    refreshed: int
    """Entries analysed again from their lines before ranking."""
    older_versions: int
    """Entries left out as an older resume of a candidate ranked by a newer one."""
    lacking: int
    """Candidates left out for lacking a required skill."""
    too_junior: int
    """Candidates left out for fewer years than asked."""
    ids: tuple[int, ...] = ()
    """The pool's id of each result."""


def rank_pool(
    pool: Pool, query: RankQuery, taxonomy: Taxonomy, options: AnalysisOptions
) -> PoolRanking:
    """Rank the pool's entries for ``query`` (see the module's text)."""
    refreshed = pool.refresh(options)
    columns = [
        resumes.c.id,
        resumes.c.name,
        resumes.c.modified,
        resumes.c.years,
        resumes.c.headline,
        resumes.c.email,
        resumes.c.phone,
        resumes.c.simhash,
    ]
    if query.job is not None:
        columns.append(resumes.c.terms)
    with pool.store.transaction() as connection:
        rows = connection.execute(sa.select(*columns).order_by(resumes.c.id)).all()
    stored = len(rows)
    keep = list(range(len(rows)))
    older = 0
    if query.ids is not None:
        wanted = set(query.ids)
        keep = [i for i in keep if rows[i].id in wanted]
    elif not query.every_version:
        keep = _newest(rows)
        older = len(rows) - len(keep)
    headlines: dict[int, Any] = {}
    if query.level or query.industry or query.require or query.job is None:
        headlines = {i: json.loads(rows[i].headline) for i in keep}
    lacking = too_junior = 0
    if query.require:
        chosen = [i for i in keep if set(query.require) <= set(headlines[i]["skills"])]
        lacking, keep = len(keep) - len(chosen), chosen
    if query.min_years is not None:
        chosen = [i for i in keep if (rows[i].years or 0.0) >= query.min_years]
        too_junior, keep = len(keep) - len(chosen), chosen
    scores = None
    job_settings = options.score_settings().job
    if query.job is not None:
        from matcher.score.job import job_scores
        from matcher.score.job_terms import TermMatrix

        scores = job_scores(
            TermMatrix.from_packs([rows[i].terms for i in keep]),
            query.job,
            settings=job_settings,
        )
    scored = []
    for place, index in enumerate(keep):
        job = None if scores is None else round(float(scores.score[place]), 1)
        score = _target_score(headlines.get(index), query, job)
        scored.append((-score, rows[index].name, index, place))
    scored.sort(key=lambda item: (item[0], item[1]))
    if query.min_score is not None:
        scored = [item for item in scored if -item[0] >= query.min_score]
    if query.top is not None:
        scored = scored[: query.top]
    reports = _reports(pool, [rows[item[2]].id for item in scored])
    results = [
        _result(
            rows[index].name,
            reports[rows[index].id],
            query,
            None if scores is None else scores.row(place),
            taxonomy,
            job_settings,
        )
        for _, _, index, place in scored
    ]
    ids = tuple(rows[index].id for _, _, index, _ in scored)
    return PoolRanking(results, stored, refreshed, older, lacking, too_junior, ids)


def _newest(rows: Sequence[Any]) -> list[int]:
    """Of each candidate's entries, the newest (by file time, then the last added)."""
    groups = candidate_groups([(r.email, r.phone, r.simhash) for r in rows])
    best: dict[int, int] = {}
    for index, group in enumerate(groups):
        kept = best.get(group)
        if kept is None or (rows[index].modified, rows[index].id) > (
            rows[kept].modified,
            rows[kept].id,
        ):
            best[group] = index
    return sorted(best.values())


def _target_score(headline: Mapping[str, Any] | None, query: RankQuery, job: float | None) -> float:
    """The score :func:`matcher.batch.rank_row` gives the entry for the query's target
    (``job``: its job score, rounded as reported)."""
    scores = [] if job is None else [job]
    if headline is not None:  # None: ranked by the job alone
        if query.level is not None:
            scores.append(float(headline["levels"][query.level]))
        if query.industry is not None:
            scores.append(float(headline["industries"][query.industry]))
        if not scores:
            scores.append(float(max(headline["levels"].values())))
    return round(sum(scores) / len(scores), 1)


def _reports(pool: Pool, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    with pool.store.transaction() as connection:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in connection.execute(
                sa.select(resumes.c.id, resumes.c.report).where(resumes.c.id.in_(chunk))
            ):
                found[row.id] = dict(unpack(row.report))
    return found


def _result(
    name: str,
    data: dict[str, Any],
    query: RankQuery,
    job: JobScore | None,
    taxonomy: Taxonomy,
    settings: JobSettings,
) -> FileResult:
    """The entry as ``batch`` would have scored it: its report, with the job's fit."""
    if job is not None and query.job is not None:
        from matcher.score.job import job_fit, job_warnings

        fit = job_fit(job, query.job, taxonomy, settings=settings)
        data["job"] = fit.to_dict()
        data["warnings"] = [*data["warnings"], *job_warnings(fit, settings=settings)]
    data["file"] = name
    return FileResult(name, data, contact_of(data["candidate"]))
