"""What every request of the web app works on: its settings, the pool, the taxonomy,
uploads and postings (:class:`Matcher`), and the screening and report queries on them."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from matcher.batch.options import AnalysisOptions
from matcher.batch.ranking import output_row
from matcher.errors import MatcherError
from matcher.output.finish import contact_of, finish_output
from matcher.pool import Pool, RankQuery, rank_pool
from matcher.pool.store import database_files
from matcher.read.ocr import DEFAULT_OCR
from matcher.web.security import RequestError
from matcher.web.uploads import UploadQueue, safe_name

DEFAULT_MAX_UPLOAD_MB = 20
"""Largest file accepted (the read stage refuses files over 20 MB anyway)."""
DEFAULT_MAX_FILES = 200
"""Files accepted in one upload request."""
DEFAULT_SHOWN = 200
"""Rows the screening page shows at most."""
_POSTING_ID = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class ServeSettings:
    """What ``matcher serve`` runs with."""

    db: str | None = None
    uploads: Path | None = None
    """Where uploaded files are kept (default: :func:`default_uploads`)."""
    token: str | None = None
    """Every request must carry it (required off loopback)."""
    loopback: bool = True
    """Bound to a loopback address: requests must name it as their Host."""
    redact: bool = False
    """Store no contact details and show no identities (file names are kept)."""
    taxonomy_file: Path | None = None
    engine: str = "pdfplumber"
    ocr: str = DEFAULT_OCR
    """When to read pages by OCR (:data:`matcher.read.ocr.OCR_MODES`)."""
    as_of: date | None = None
    spacy_model: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024
    max_files: int = DEFAULT_MAX_FILES
    jobs: int | None = None
    timeout: float | None = 60.0
    csrf_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))


def default_uploads(db: str | None) -> Path:
    """Uploads beside a SQLite pool (``pool.sqlite`` → ``pool-uploads/``); for a database
    server, ``matcher-uploads/`` in the current folder."""
    files = database_files(db)
    if files:
        return files[0].with_name(files[0].stem + "-uploads")
    return Path("matcher-uploads")


class Postings:
    """Job postings sent to the app, kept as files under their id (a sha256 prefix of
    their name and bytes), so that a link to a ranking outlives a restart."""

    def __init__(self, folder: Path, read: Callable[[Path], Any]) -> None:
        self.folder = folder
        self._read = read
        self._cache: dict[str, Any] = {}

    def add(self, name: str, content: bytes) -> tuple[str, Any]:
        shown = safe_name(name)
        import hashlib

        posting_id = hashlib.sha256(shown.encode() + b"\0" + content).hexdigest()[:16]
        folder = self.folder / posting_id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / shown
        if not path.exists():
            path.write_bytes(content)
        return posting_id, self.get(posting_id)

    def get(self, posting_id: str) -> Any:
        if posting_id in self._cache:
            return self._cache[posting_id]
        folder = self.folder / posting_id
        files = (
            sorted(folder.iterdir())
            if _POSTING_ID.fullmatch(posting_id) and folder.is_dir()
            else []
        )
        if not files:
            raise RequestError(404, "not-found", f"no posting {posting_id!r}: send it again")
        job = self._read(files[0])
        self._cache[posting_id] = job
        return job


class Matcher:
    """The pool, the taxonomy, uploads and postings: what every request works on."""

    def __init__(self, settings: ServeSettings) -> None:
        from matcher.pipeline import read_job
        from skills_taxonomy import load_taxonomy

        self.settings = settings
        self.taxonomy = load_taxonomy(settings.taxonomy_file)
        self.pool = Pool.open(settings.db)
        self.folder = settings.uploads or default_uploads(settings.db)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.options = AnalysisOptions(
            taxonomy_file=settings.taxonomy_file,
            engine=settings.engine,
            ocr=settings.ocr,
            as_of=settings.as_of,
            spacy_model=settings.spacy_model,
            redact=settings.redact,
        )
        self.uploads = UploadQueue(
            self.pool, self.folder, self.options, jobs=settings.jobs, timeout=settings.timeout
        )
        self.postings = Postings(
            self.folder / "postings",
            lambda path: read_job(
                path,
                self.taxonomy,
                engine=settings.engine,
                ocr=settings.ocr,
                spacy_model=settings.spacy_model,
            ),
        )

    def close(self) -> None:
        self.uploads.close()
        self.pool.close()
        # The adds' worker processes idle for minutes before they leave (joblib keeps them
        # for the next batch), and the server's exit waits for them: stop them now.
        from joblib.externals.loky import reusable_executor

        executor = reusable_executor._executor
        if executor is not None:
            executor.shutdown(wait=True, kill_workers=True)

    # --- queries ------------------------------------------------------------------------

    def rank_query(self, params: Mapping[str, str], *, needs_target: bool = True) -> RankQuery:
        """A ranking from a request's parameters (those of ``matcher pool rank``)."""
        from matcher.score.posting import resolve_skills

        level = params.get("level") or None
        industry = params.get("industry") or None
        self.check_target(level, industry)
        job = None
        if params.get("job"):
            job = self.postings.get(params["job"])
        if needs_target and job is None and level is None and industry is None:
            raise RequestError(400, "usage", "give job, level or industry to rank by")
        names = tuple(n.strip() for n in params.get("require", "").split(",") if n.strip())
        try:
            required = resolve_skills(names, self.taxonomy)
        except MatcherError as exc:
            raise RequestError(400, "usage", f"require: {exc.message}") from exc
        return RankQuery(
            level=level,
            industry=industry,
            job=job,
            require=required,
            min_years=number_param(params, "min_years", 0, None),
            min_score=number_param(params, "min_score", 0, 100),
            top=None if number_param(params, "top", 1, None) is None else int(params["top"]),
            every_version=params.get("every_version") in ("1", "true", "on"),
        )

    def check_target(self, level: str | None, industry: str | None) -> None:
        if level is not None and level not in self.taxonomy.levels_by_id:
            choices = ", ".join(self.taxonomy.levels_by_id)
            raise RequestError(400, "usage", f"level {level!r} is not a level; one of: {choices}")
        if industry is not None and industry not in self.taxonomy.industries_by_id:
            choices = ", ".join(self.taxonomy.industries_by_id)
            raise RequestError(
                400, "usage", f"industry {industry!r} is not an industry; one of: {choices}"
            )

    def rank(self, query: RankQuery) -> tuple[list[Any], list[int], Any]:
        """(rows as ``pool rank`` writes them, their entry ids, the ranking's counts)."""
        from matcher.batch.ranking import rank_rows

        ranking = rank_pool(self.pool, query, self.taxonomy, self.options)
        rows = [
            output_row(result, query.target, self.taxonomy, redact=self.settings.redact)
            for result in ranking.results
        ]
        # rank_rows sorts stably by this key; the pool's results come in that order already.
        order = sorted(range(len(rows)), key=lambda i: (-(rows[i].score or 0.0), rows[i].file))
        return rank_rows(rows), [ranking.ids[i] for i in order], ranking

    def report(self, entry_id: int, job_id: str | None = None) -> dict[str, Any]:
        """The entry's report (``pool show``'s object; with a posting, ``score --job``'s),
        as stored: not yet finished for output."""
        data = self.pool.report(entry_id)
        if data is None:
            raise RequestError(404, "not-found", f"no entry {entry_id} in the pool")
        if job_id:
            query = RankQuery(job=self.postings.get(job_id), ids=(entry_id,))
            ranking = rank_pool(self.pool, query, self.taxonomy, self.options)
            scored = ranking.results[0].data
            assert scored is not None  # a stored entry always has its report
            data = scored
        return data

    def finish(self, data: Mapping[str, Any], report: Mapping[str, Any]) -> dict[str, Any]:
        return finish_output(data, contact_of(report["candidate"]), redact=self.settings.redact)

    def gaps(
        self, data: Mapping[str, Any], *, level: str | None, industry: str | None
    ) -> dict[str, Any]:
        """``matcher gaps``'s JSON for a report: to the posting it was scored against, to
        ``level`` or ``industry``, else to the level above the best one (or the best)."""
        from matcher.score.gaps import report_gaps

        self.check_target(level, industry)
        if "job" not in data and level is None and industry is None:
            level = default_level(data, self.taxonomy)
        found = report_gaps(data, self.taxonomy, level=level, industry=industry)
        return self.finish({"file": data["file"], **found}, data)

    def parsed(self, entry_id: int, data: Mapping[str, Any]) -> dict[str, Any]:
        """``matcher parse``'s JSON for a stored entry, read from its stored lines."""
        from matcher.pipeline import parse_document

        document = self.pool.document(entry_id)
        if document is None:
            raise RequestError(404, "not-found", f"no entry {entry_id} in the pool")
        month = data.get("as_of")
        as_of = date(int(month[:4]), int(month[5:7]), 1) if month else self.settings.as_of
        parsed = parse_document(document, self.taxonomy, as_of=as_of)
        shown = parsed.to_dict()
        shown["file"] = data["file"]
        return finish_output(shown, parsed.contact, redact=self.settings.redact)


def default_level(data: Mapping[str, Any], taxonomy: Any) -> str:
    """The level a candidate's gaps are shown to by default: the one above their best, or
    their best at the top, or the first rung for no fit."""
    best = data.get("best_level")
    if best is None:
        return str(taxonomy.levels[0].id)
    rank = taxonomy.level(best).rank
    above = [level.id for level in taxonomy.levels if level.rank == rank + 1]
    return str(above[0] if above else best)


def number_param(
    params: Mapping[str, str], name: str, low: float, high: float | None
) -> float | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise RequestError(400, "usage", f"{name} must be a number, not {text!r}") from None
    if value != value or value < low or (high is not None and value > high):
        span = f"at least {low:g}" if high is None else f"between {low:g} and {high:g}"
        raise RequestError(400, "usage", f"{name} must be {span}")
    return value
