"""``matcher serve``: the pool in a web browser, and its HTTP API."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from matcher.cli.common import checked_taxonomy
from matcher.cli.group import cli
from matcher.cli.options import (
    db_option,
    jobs_option,
    resume_options,
    spacy_model_option,
    timeout_option,
)

if TYPE_CHECKING:
    import socket

    from matcher.web.state import ServeSettings


MIN_TOKEN_LENGTH = 16


@cli.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; any but loopback needs --token.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0: any free one).",
)
@click.option(
    "--token",
    envvar="MATCHER_TOKEN",
    default=None,
    metavar="T",
    help="Every request must carry it (at least 16 characters) [env: MATCHER_TOKEN].",
)
@click.option(
    "--uploads",
    "uploads_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="DIR",
    help="Keep uploaded files here [default: beside a SQLite pool, NAME-uploads/].",
)
@click.option(
    "--max-upload-mb",
    type=click.FloatRange(min=0.001),
    default=20.0,
    show_default=True,
    help="Largest file an upload may hold.",
)
@click.option(
    "--max-files",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Most files one upload may hold.",
)
@jobs_option
@timeout_option
@spacy_model_option
@resume_options
def serve_command(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    uploads_dir: Path | None,
    max_upload_mb: float,
    max_files: int,
    jobs: int | None,
    timeout: float,
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
) -> None:
    """Open the pool in a web browser: upload, screen, read each candidate; an HTTP API.

    Resumes uploaded (drag and drop) are analysed in the background and added to the pool
    as `matcher pool add` adds them; screening ranks it as `matcher pool rank` does, and
    exports the same CSV, JSONL and HTML report. The API under /api/ returns the JSON the
    command line prints (described at /api). Listens on 127.0.0.1 only, unless --host
    names another address, which needs --token. With --redact, uploads are stored
    without contact details and no page shows a candidate's identity.

    \b
    Example:
      matcher serve                                # the pool matcher-pool.sqlite here
      matcher serve --db team.sqlite --port 8080 --redact
      MATCHER_TOKEN=$(openssl rand -hex 16) matcher serve --host 0.0.0.0
    """
    import socket

    _check_serve_libraries()
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise click.BadParameter(
            f"use at least {MIN_TOKEN_LENGTH} characters (e.g. `openssl rand -hex 16`)",
            param_hint="--token",
        )
    loopback = _is_loopback(host)
    if not loopback and token is None:
        raise click.BadParameter(
            f"{host} lets other computers in: give --token T (or set MATCHER_TOKEN) too",
            param_hint="--host",
        )
    checked_taxonomy(taxonomy_file, spacy_model)
    listener = _listen(host, port)
    from matcher.web.state import ServeSettings

    settings = ServeSettings(
        db=db,
        uploads=uploads_dir,
        token=token,
        loopback=loopback,
        redact=redact,
        taxonomy_file=taxonomy_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        spacy_model=spacy_model,
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        max_files=max_files,
        jobs=jobs,
        timeout=timeout or None,
    )
    shown = f"[{host.strip('[]')}]" if listener.family == socket.AF_INET6 else host
    _serve(settings, listener, shown)


def _check_serve_libraries() -> None:
    """The ``serve`` extra must be installed: a usage error naming what is missing."""
    import importlib.util

    from matcher.errors import UsageError
    from matcher.web import SERVE_LIBRARIES

    missing = [name for name in SERVE_LIBRARIES if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(
            f"matcher serve needs {', '.join(missing)}: pip install 'ai-role-matcher[serve]'",
            hint="",  # the message says what to do: one line
        )


def _is_loopback(host: str) -> bool:
    import ipaddress

    try:
        return host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (IPv6 when the host has a colon); a usage error when
    it cannot be."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host.strip("[]"), port))
    except OSError as exc:
        listener.close()
        raise click.BadParameter(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}", param_hint="--port"
        ) from exc
    return listener


def _serve(settings: ServeSettings, listener: socket.socket, shown: str) -> None:
    """Run the web app on ``listener`` until Ctrl-C (``shown``: the host as a URL has it)."""
    import uvicorn

    from matcher.pool.store import describe
    from matcher.web.app import create_app

    app = create_app(settings)
    state = app.state.matcher
    bound = listener.getsockname()[1]
    address = f"http://{shown}:{bound}/" + ("?token=YOUR_TOKEN" if settings.token else "")
    click.echo(
        f"matcher serve: the pool at {describe(state.pool.store.url)} "
        f"({len(state.pool)} resumes), uploads in {state.folder}",
        err=True,
    )
    click.echo(f"open {address}  (Ctrl-C stops)", err=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[listener])
