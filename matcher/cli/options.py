"""The options the commands share, each one decorator (sqlite-utils' way), and ``-v``."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def taxonomy_option(function: F) -> F:
    """``--taxonomy FILE``: extend or override the shipped taxonomy (every command has it)."""
    return click.option(
        "--taxonomy",
        "taxonomy_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="YAML or JSON file that extends or overrides the shipped taxonomy.",
    )(function)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    def decorate(function: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(function)

    return decorate


class YearMonthType(click.ParamType):  # type: ignore[type-arg]  # generic in newer click only
    """``YYYY-MM`` on the command line, the first day of that month in Python."""

    name = "YYYY-MM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", str(value).strip())
        if match is None or not 1 <= int(match.group(2)) <= 12:
            self.fail(f"{value!r} is not a month written as YYYY-MM (e.g. 2026-11)", param, ctx)
        return date(int(match.group(1)), int(match.group(2)), 1)


class _StderrHandler(logging.Handler):
    """Log records on whatever ``sys.stderr`` is when they are emitted (click's test runner
    swaps it per invocation)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # logging's contract: a failing handler must not stop the program
            self.handleError(record)


_LOG_HANDLER = _StderrHandler()


def _stderr_handler() -> logging.Handler:
    """The handler ``-v`` adds, in the log format worker processes use too (imported on
    first use: ``matcher --help`` does not load the batch package)."""
    if _LOG_HANDLER.formatter is None:
        from matcher.batch.workers import LOG_FORMAT

        _LOG_HANDLER.setFormatter(logging.Formatter(LOG_FORMAT))
    return _LOG_HANDLER


def set_verbosity(ctx: click.Context, param: click.Parameter, value: int) -> int:
    """``-v``: what each stage did and how long it took; ``-vv``: also the resume's lines.

    Without it the ``matcher`` loggers show nothing: not one line of a resume reaches
    stderr unless the user asks for it.  The flag may be given before the command or
    after it; the larger count wins.
    """
    root = ctx.find_root()
    verbosity = max(value, int(root.meta.get("matcher.verbosity", 0)))
    root.meta["matcher.verbosity"] = verbosity
    logger = logging.getLogger("matcher")
    level = _log_level(verbosity)
    if level is not None:
        logger.setLevel(level)
        if _LOG_HANDLER not in logger.handlers:
            logger.addHandler(_stderr_handler())
    elif ctx.parent is None:  # a run without -v forgets an earlier run's (tests, embedding)
        logger.setLevel(logging.NOTSET)
        logger.removeHandler(_LOG_HANDLER)
    return verbosity


def _log_level(verbosity: int) -> int | None:
    return None if verbosity == 0 else logging.DEBUG if verbosity > 1 else logging.INFO


def log_level() -> int | None:
    """The level ``-v`` set for this run's ``matcher`` loggers (None without ``-v``)."""
    return _log_level(int(click.get_current_context().find_root().meta.get("matcher.verbosity", 0)))


def verbose_option(function: F) -> F:
    return click.option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        callback=set_verbosity,
        help="Log each stage and its time on stderr; -vv also the resume lines it used.",
    )(function)


def _check_ocr(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--ocr always`` needs the extra: a usage error before any file is read."""
    if value == "always":
        from matcher.read.ocr import INSTALL_SHORT, ocr_available

        if not ocr_available():
            raise click.BadParameter(f"'always' needs OCR: {INSTALL_SHORT} first", ctx, param)
    return value


def ocr_option(function: F) -> F:
    """``--ocr auto|always|never``: read scans and photos by OCR (the ``ocr`` extra)."""
    return click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),  # matcher.read.ocr.OCR_MODES
        default="auto",
        show_default=True,
        callback=_check_ocr,
        help="Read pages by OCR (needs the ocr extra): auto, the pages without a usable text "
        "layer and image files; always, every page; never.",
    )(function)


def resume_options(function: F) -> F:
    """The options of every command that reads resumes (PRODUCT.md, "Commands")."""
    decorators = [
        taxonomy_option,
        click.option(
            "--as-of",
            type=YearMonthType(),
            default=None,
            help='The month "Present" means (default: the file\'s own date when it has one '
            "earlier than today, else this month).",
        ),
        click.option(
            "--engine",
            type=click.Choice(["pdfplumber", "pdfium"]),
            default="pdfplumber",
            show_default=True,
            help="PDF reader: pdfplumber, or PDFium (much faster, same layout logic).",
        ),
        ocr_option,
        click.option(
            "--redact",
            is_flag=True,
            help="Remove the candidate's name, email, phone, links and postal address.",
        ),
        verbose_option,
    ]
    for decorate in reversed(decorators):
        function = decorate(function)
    return function


def spacy_model_option(function: F) -> F:
    """``--spacy-model NAME``: an installed spaCy pipeline to find skills with, instead of a
    blank English one (commands that find skills have it)."""
    return click.option(
        "--spacy-model",
        default=None,
        metavar="NAME",
        help="Find skills with this installed spaCy pipeline (a package name or a folder) "
        "instead of a blank English one; none is needed.",
    )(function)


def region_option(help_text: str) -> Callable[[F], F]:
    """``--region ID``: one of the loaded taxonomy's salary regions (a user's ``--taxonomy``
    file may add one), checked with the taxonomy."""
    return click.option(
        "--region",
        default="us",
        show_default=True,
        metavar="ID",
        help=f"{help_text} One of the taxonomy's regions: us, canada, uk, india, or your own.",
    )


def resume_argument(function: F) -> F:
    return click.argument("resume", type=click.Path(path_type=Path), metavar="RESUME")(function)


def job_option(function: F) -> F:
    function = click.option(
        "--require",
        "require",
        multiple=True,
        metavar="SKILL,...",
        help="With --job: skills a resume must show (ids, names or aliases, comma-separated); "
        "without one its job score is capped at 35. Repeatable.",
    )(function)
    return click.option(
        "--job",
        "job_file",
        type=click.Path(path_type=Path),
        default=None,
        metavar="FILE",
        help="A job posting (text, Markdown, PDF, DOCX) to match the resume against.",
    )(function)


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``decorators`` in order (the first is the outermost)."""

    def decorate(function: F) -> F:
        for option in reversed(decorators):
            function = option(function)
        return function

    return decorate


ranking_targets = _options(
    click.option("--level", default=None, metavar="ID", help="Rank by this career level's score."),
    click.option("--industry", default=None, metavar="ID", help="Rank by this industry's score."),
)
"""``--level`` and ``--industry``, what ``batch`` and ``pool rank`` rank by (with ``--job``)."""

ranking_outputs = _options(
    click.option(
        "--out",
        "out_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="Write the ranked results to FILE: .csv, .jsonl or .json (by its extension).",
    ),
    click.option(
        "--html",
        "html_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="Also write a self-contained HTML report of the ranking.",
    ),
    click.option(
        "--format",
        "output_format",
        type=click.Choice(["table", "csv", "jsonl", "json"]),
        default=None,
        help="What stdout gets [default: table; nothing when --out is given].",
    ),
)
ranking_selection = _options(
    click.option(
        "--top", type=click.IntRange(min=1), default=None, metavar="N", help="Keep the N best."
    ),
    click.option(
        "--min-score",
        type=click.FloatRange(0, 100),
        default=None,
        metavar="S",
        help="Keep candidates scoring at least S (0-100).",
    ),
)
glob_option = click.option(
    "--glob",
    "pattern",
    metavar="PATTERN",
    help="In folders, take only files whose name matches (case-insensitive, e.g. '*.pdf').",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes [default: one per 20 files, up to all cores].",
)
timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60.0,  # matcher.batch.DEFAULT_TIMEOUT
    show_default=True,
    metavar="SECONDS",
    help="Time limit per file (0: none); a file past it becomes an error row.",
)
cluster_options = _options(
    click.option(
        "--dask-scheduler",
        default=None,
        metavar="ADDRESS",
        help="Work on a Dask cluster (e.g. tcp://host:8786); needs ai-role-matcher[dask].",
    ),
    click.option(
        "--progress/--no-progress",
        default=None,
        help="Show progress on stderr [default: when stderr is a terminal].",
    ),
)


def db_option(function: F) -> F:
    return click.option(
        "--db",
        default=None,
        metavar="URL",
        help="The pool: a SQLite file, or postgresql://USER@HOST/DB "
        "[default: $MATCHER_DB, else matcher-pool.sqlite here].",
    )(function)
