"""The app's routes: pages (``/``, ``/screen``, ``/candidates/ID``, ``/api``) and the JSON
API under ``/api/`` (described in ``openapi.json`` beside this file).

Heavy work (ranking, reading a posting, parsing) runs in Starlette's thread pool: plain
``def`` endpoints do, and async ones hand it over with ``run_in_threadpool``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from matcher.read.reader import SUPPORTED_SUFFIXES
from matcher.score.job import thin_posting
from matcher.web.forms import receive_posting, receive_uploads
from matcher.web.pages import openapi, render
from matcher.web.security import RequestError, check_csrf
from matcher.web.state import DEFAULT_SHOWN, Matcher, default_level, number_param

EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "json": ("application/json; charset=utf-8", "json"),
    "html": ("text/html; charset=utf-8", "html"),
}


def _matcher(request: Request) -> Matcher:
    state: Matcher = request.app.state.matcher
    return state


def _entry_id(request: Request) -> int:
    text = str(request.path_params["entry"])
    if not text.isdigit():
        raise RequestError(404, "not-found", f"no entry {text!r} in the pool")
    return int(text)


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


# --- pages --------------------------------------------------------------------------------


def pool_page(request: Request) -> Response:
    app = _matcher(request)
    listed = app.pool.listing(app.options)
    others = _duplicates(app)
    query = request.query_params.get("q", "").strip()
    hits: list[Any] = []
    count = 0
    if query:
        hits, count = _search(app, request)
    return render(
        request,
        "pool.html",
        accept=",".join(SUPPORTED_SUFFIXES),
        listed=listed,
        duplicates=others,
        uploads=app.uploads.uploads(),
        query=query,
        hits=hits,
        count=count,
    )


async def upload_page(request: Request) -> Response:
    await receive_uploads(request)
    return RedirectResponse("/", status_code=303)


def screen_page(request: Request) -> Response:
    app = _matcher(request)
    params = request.query_params
    posting = None
    rows: list[Any] = []
    ranking = None
    query = None
    if params.get("job") or params.get("level") or params.get("industry"):
        query = app.rank_query(params)
        if query.top is None:
            query = dataclasses.replace(query, top=DEFAULT_SHOWN)
        ranked, ids, ranking = app.rank(query)
        others = _duplicates(app)
        rows = [(row, entry, others.get(entry, [])) for row, entry in zip(ranked, ids, strict=True)]
        posting = query.job
    export = {k: v for k, v in params.items() if v}
    return render(
        request,
        "screen.html",
        params=params,
        posting=posting,
        posting_note=None if posting is None else thin_posting(posting),
        rows=rows,
        ranking=ranking,
        query=query,
        export=export,
    )


async def posting_page(request: Request) -> Response:
    """The screening form: a posting (pasted or a file) and the filters, then the ranking."""
    from urllib.parse import urlencode

    posting_id, _, form = await receive_posting(request)
    keep = {
        key: value
        for key in ("job", "level", "industry", "require", "min_years", "min_score", "top")
        if isinstance(value := form.get(key), str) and value
    }
    if posting_id is not None:
        keep["job"] = posting_id
    return RedirectResponse(f"/screen?{urlencode(keep)}", status_code=303)


def candidate_page(request: Request) -> Response:
    app = _matcher(request)
    entry = _entry_id(request)
    params = request.query_params
    job_id = params.get("job") or None
    level = params.get("level") or None
    industry = params.get("industry") or None
    region = params.get("region") or "us"
    regions = app.taxonomy.regions_by_id
    if region not in regions:
        raise RequestError(400, "usage", f"region {region!r} is not one of {', '.join(regions)}")
    report = app.report(entry, job_id)
    if level is None and industry is None and job_id is None:
        level = default_level(report, app.taxonomy)
    gaps = app.gaps(report, level=level, industry=industry if level is None else None)
    shown_level = level or report.get("best_level")
    bands = []
    if shown_level is not None:
        bands = [
            (level_id, app.taxonomy.level(level_id).salary.get(region))
            for level_id in dict.fromkeys(
                [x for x in (report.get("best_level"), shown_level) if x is not None]
            )
        ]
    return render(
        request,
        "candidate.html",
        entry=entry,
        data=app.finish(report, report),
        parsed=app.parsed(entry, report),
        gaps=gaps,
        job_id=job_id,
        level=level,
        industry=industry,
        region=region,
        bands=bands,
        others=_duplicates(app).get(entry, []),
    )


async def remove_page(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    check_csrf(request, form)
    app = _matcher(request)
    await run_in_threadpool(app.pool.remove, [_entry_id(request)])
    return RedirectResponse("/", status_code=303)


def api_page(request: Request) -> Response:
    return render(request, "api.html", spec=openapi())


# --- the API ------------------------------------------------------------------------------


def api_openapi(request: Request) -> Response:
    return _json(openapi())


def api_session(request: Request) -> Response:
    app = _matcher(request)
    settings = app.settings
    return _json(
        {
            "csrf_token": settings.csrf_token,
            "redact": settings.redact,
            "max_upload_bytes": settings.max_upload_bytes,
            "max_files": settings.max_files,
            "taxonomy_version": app.taxonomy.version,
        }
    )


def api_pool(request: Request) -> Response:
    app = _matcher(request)
    return _json([dataclasses.asdict(item) for item in app.pool.listing(app.options)])


def api_duplicates(request: Request) -> Response:
    groups = _matcher(request).pool.duplicate_groups()
    return _json([[{"id": i, "name": n} for i, n in group] for group in groups])


async def api_upload(request: Request) -> Response:
    uploads, _ = await receive_uploads(request)
    return _json({"uploads": [upload.to_dict() for upload in uploads]}, status=202)


def api_uploads(request: Request) -> Response:
    app = _matcher(request)
    uploads = app.uploads.uploads()
    return _json(
        {
            "uploads": [upload.to_dict() for upload in uploads],
            "pending": sum(1 for u in uploads if u.status in ("queued", "analysing")),
        }
    )


async def api_posting(request: Request) -> Response:
    posting_id, job, _ = await receive_posting(request)
    if posting_id is None:
        raise RequestError(400, "usage", "paste a posting (text) or send its file (posting)")
    return _json({"id": posting_id, **job.to_dict()}, status=201)


def api_rank(request: Request) -> Response:
    from matcher.output import files as results
    from matcher.output import report

    app = _matcher(request)
    output = request.query_params.get("format", "json")
    if output not in EXPORTS:
        raise RequestError(400, "usage", "format must be json, jsonl, csv or html")
    query = app.rank_query(request.query_params)
    ranked, _, ranking = app.rank(query)
    if output == "html":
        notes = [f"Taxonomy {app.taxonomy.version}", f"Pool of {ranking.stored} resumes"]
        text = report.render_report(ranked, target=query.target.describe(), notes=notes)
    else:
        text = results.render_rows(ranked, output)
    media, extension = EXPORTS[output]
    headers = {}
    if request.query_params.get("download"):
        headers["content-disposition"] = f'attachment; filename="ranked.{extension}"'
    return Response(text, media_type=media, headers=headers)


def api_search(request: Request) -> Response:
    hits, _ = _search(_matcher(request), request)
    return _json([hit.to_dict() for hit in hits])


def api_candidate(request: Request) -> Response:
    app = _matcher(request)
    report = app.report(_entry_id(request), request.query_params.get("job") or None)
    return _json(app.finish(report, report))


def api_candidate_parse(request: Request) -> Response:
    app = _matcher(request)
    entry = _entry_id(request)
    return _json(app.parsed(entry, app.report(entry)))


def api_candidate_gaps(request: Request) -> Response:
    app = _matcher(request)
    params = request.query_params
    job_id = params.get("job") or None
    level = params.get("level") or None
    industry = params.get("industry") or None
    if sum(x is not None for x in (job_id, level, industry)) > 1:
        raise RequestError(400, "usage", "give one target: level, industry or job")
    report = app.report(_entry_id(request), job_id)
    return _json(app.gaps(report, level=level, industry=industry))


def api_remove(request: Request) -> Response:
    check_csrf(request)
    app = _matcher(request)
    entry = _entry_id(request)
    if not app.pool.remove([entry]):
        raise RequestError(404, "not-found", f"no entry {entry} in the pool")
    return _json({"removed": entry, "left": len(app.pool)})


# --- helpers ------------------------------------------------------------------------------


def _duplicates(app: Matcher) -> dict[int, list[tuple[int, str]]]:
    """For each entry with a look-alike, the other entries of its candidate."""
    others: dict[int, list[tuple[int, str]]] = {}
    for group in app.pool.duplicate_groups():
        for entry, _ in group:
            others[entry] = [(i, n) for i, n in group if i != entry]
    return others


def _search(app: Matcher, request: Request) -> tuple[list[Any], int]:
    from matcher.pool.search import Query, search_pool

    params = request.query_params
    read = Query.read(params.get("q", ""), app.taxonomy)
    if not read.skills and not read.words:
        raise RequestError(400, "usage", "give skills or words to search for (q)")
    level = params.get("level") or None
    industry = params.get("industry") or None
    app.check_target(level, industry)
    top = number_param(params, "top", 1, None)
    return search_pool(
        app.pool,
        read,
        min_years=number_param(params, "min_years", 0, None),
        level=level,
        industry=industry,
        top=20 if top is None else int(top),
        redact=app.settings.redact,
    )


ROUTES = [
    Route("/", pool_page),
    Route("/uploads", upload_page, methods=["POST"]),
    Route("/screen", screen_page),
    Route("/screen", posting_page, methods=["POST"]),
    Route("/candidates/{entry}", candidate_page),
    Route("/candidates/{entry}/remove", remove_page, methods=["POST"]),
    Route("/api", api_page),
    Route("/api/openapi.json", api_openapi),
    Route("/api/session", api_session),
    Route("/api/pool", api_pool),
    Route("/api/pool/duplicates", api_duplicates),
    Route("/api/uploads", api_upload, methods=["POST"]),
    Route("/api/uploads", api_uploads),
    Route("/api/postings", api_posting, methods=["POST"]),
    Route("/api/rank", api_rank),
    Route("/api/search", api_search),
    Route("/api/candidates/{entry}", api_candidate),
    Route("/api/candidates/{entry}", api_remove, methods=["DELETE"]),
    Route("/api/candidates/{entry}/parse", api_candidate_parse),
    Route("/api/candidates/{entry}/gaps", api_candidate_gaps),
]
