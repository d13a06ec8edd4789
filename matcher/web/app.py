"""The web app: pages for people, an API under ``/api/`` for programs, on one pool.

Pages are Jinja2 templates (autoescaped: nothing of a resume reaches HTML unescaped);
the JavaScript and CSS are files of this package, served by the app.  The API returns
what the command line prints (``schema_version`` 1), described by ``/api/openapi.json``.

Every request passes the checks of :mod:`matcher.web.security` (its Host, its token, its
origin and CSRF token) before any route.  Uploads are limited in size and count.
"""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    Response,
)
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from matcher.batch.options import AnalysisOptions
from matcher.batch.ranking import output_row
from matcher.errors import MatcherError
from matcher.output.finish import contact_of, finish_output
from matcher.pool import Pool, RankQuery, rank_pool
from matcher.pool.store import database_files
from matcher.read.ocr import DEFAULT_OCR
from matcher.web.security import Guard, RequestError, check_csrf, refuse
from matcher.web.uploads import UploadQueue, digest_of, safe_name

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


# --- the app's state ----------------------------------------------------------------------


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
            min_years=_number(params, "min_years", 0, None),
            min_score=_number(params, "min_score", 0, 100),
            top=None if _number(params, "top", 1, None) is None else int(params["top"]),
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


def _number(params: Mapping[str, str], name: str, low: float, high: float | None) -> float | None:
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


# --- uploads ------------------------------------------------------------------------------


async def receive_uploads(request: Request) -> tuple[list[Any], FormData]:
    """Save the request's files (within the limits) and queue them; their uploads."""
    app: Matcher = request.app.state.matcher
    settings = app.settings
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise RequestError(411, "usage", "an upload needs a Content-Length")
    if int(length) > settings.max_files * (settings.max_upload_bytes + 4096):
        raise RequestError(413, "too-large", "the upload is larger than its limits allow")
    try:
        form = await request.form(max_files=settings.max_files, max_fields=50)
    except HTTPException as exc:
        raise RequestError(413 if "many" in str(exc.detail) else 400, "usage", exc.detail) from exc
    try:
        return await _queue_uploads(request, app, form), form
    finally:
        await form.close()


async def _queue_uploads(request: Request, app: Matcher, form: FormData) -> list[Any]:
    settings = app.settings
    check_csrf(request, form)
    files = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
    if not files:
        raise RequestError(400, "usage", "no files in the upload (the field is 'files')")
    uploads = []
    for item in files:
        name = item.filename or "upload"
        saved = await _save(item, app.folder, settings.max_upload_bytes)
        if saved is None:
            limit = settings.max_upload_bytes / 1024 / 1024
            uploads.append(
                app.uploads.refuse(
                    name, "too-large", f"{safe_name(name)}: over {limit:g} MB, the upload limit"
                )
            )
            continue
        digest = await run_in_threadpool(digest_of, saved)
        uploads.append(app.uploads.receive(name, saved, digest))
    return uploads


async def _save(item: UploadFile, folder: Path, limit: int) -> Path | None:
    """Copy an uploaded file to a temporary file in ``folder``; None when over ``limit``."""
    size = 0
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".upload-", delete=False) as handle:
        path = Path(handle.name)
        while chunk := await item.read(1 << 16):
            size += len(chunk)
            if size > limit:
                break
            handle.write(chunk)
    await item.close()
    if size > limit:
        path.unlink(missing_ok=True)
        return None
    return path


async def receive_posting(request: Request) -> tuple[str | None, Any, FormData]:
    """A posting pasted (``text``) or sent as a file (``posting``): (its id, the posting);
    (None, None) when the form has neither."""
    app: Matcher = request.app.state.matcher
    limit = app.settings.max_upload_bytes
    form = await request.form(max_files=1, max_fields=50, max_part_size=limit)
    try:
        return await _posting_of(request, app, form)
    finally:
        await form.close()


async def _posting_of(
    request: Request, app: Matcher, form: FormData
) -> tuple[str | None, Any, FormData]:
    limit = app.settings.max_upload_bytes
    check_csrf(request, form)
    item = form.get("posting")
    if isinstance(item, UploadFile) and item.filename:
        name = item.filename
        content = await item.read(limit + 1)
        if len(content) > limit:
            raise RequestError(413, "too-large", "the posting is over the upload limit")
    else:
        text = form.get("text")
        if not isinstance(text, str) or not text.strip():
            return None, None, form
        name, content = "posting.txt", text.replace("\r\n", "\n").encode("utf-8")
    if not name.lower().endswith((".txt", ".md", ".markdown", ".text", ".pdf", ".docx")):
        raise RequestError(400, "usage", "a posting is a text, Markdown, PDF or DOCX file")
    try:
        posting_id, job = await run_in_threadpool(app.postings.add, name, content)
    except MatcherError as exc:
        raise RequestError(400, exc.code, exc.message) from exc
    return posting_id, job, form


# --- the application ----------------------------------------------------------------------


def create_app(settings: ServeSettings) -> Starlette:
    """The web app on the pool ``settings.db`` (opened, and created if need be, now)."""
    from matcher.web import routes

    state = Matcher(settings)
    templates = jinja2.Environment(
        loader=jinja2.PackageLoader("matcher.web", "templates"),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
    )
    templates.globals.update(
        settings=settings,
        taxonomy=state.taxonomy,
        regions=list(state.taxonomy.regions_by_id),
        urlencode=urlencode,
    )

    async def failure(request: Request, exc: Exception) -> Response:
        if isinstance(exc, RequestError):
            return refuse(request, exc.status, exc.code, exc.message)
        assert isinstance(exc, MatcherError)
        return refuse(request, 400 if exc.exit_code == 2 else 422, exc.code, exc.message)

    app = Starlette(
        routes=[
            *routes.ROUTES,
            Mount(
                "/static",
                app=StaticFiles(packages=[("matcher.web", "static")]),
                name="static",
            ),
        ],
        exception_handlers={RequestError: failure, MatcherError: failure},
        lifespan=lambda _: _closing(state),
    )
    app.state.matcher = state
    app.state.templates = templates
    app.add_middleware(Guard, settings=settings)
    return app


@asynccontextmanager
async def _closing(state: Matcher) -> AsyncIterator[None]:
    """The app's lifespan: stop the uploads' thread and close the pool at shutdown."""
    try:
        yield
    finally:
        state.close()


def openapi() -> dict[str, Any]:
    """The API's OpenAPI description (a file of this package)."""
    text = resources.files("matcher.web").joinpath("openapi.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    templates: jinja2.Environment = request.app.state.templates
    page = templates.get_template(template).render(request=request, **context)
    return HTMLResponse(page)


def page_error(request: Request, status: int, message: str) -> HTMLResponse:
    response = render(request, "error.html", message=message)
    response.status_code = status
    return response


Endpoint = Callable[[Request], Awaitable[Response]]


__all__ = [
    "DEFAULT_MAX_FILES",
    "DEFAULT_MAX_UPLOAD_MB",
    "Matcher",
    "ServeSettings",
    "create_app",
    "default_uploads",
    "openapi",
]
