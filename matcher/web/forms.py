"""What a request sends the web app: files to add to the pool, a job posting (a file or
pasted text), within the upload limits."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from matcher.errors import MatcherError
from matcher.web.security import RequestError, check_csrf
from matcher.web.state import Matcher
from matcher.web.uploads import digest_of, safe_name


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
