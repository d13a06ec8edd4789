"""What ``batch`` and ``pool rank`` share: their output files, the table, the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from matcher.cli.options import log_level


def check_outputs(out_file: Path | None, html_file: Path | None) -> str | None:
    """The format of ``--out`` (by its extension); a usage error for a file that cannot be
    written as asked."""
    from matcher.output.files import format_of

    out_format = None
    if out_file is not None:
        out_format = format_of(out_file)
        if out_format is None:
            raise click.BadParameter(
                f"{out_file.name!r} must end in .csv, .jsonl or .json", param_hint="--out"
            )
    for option, path in (("--out", out_file), ("--html", html_file)):
        if path is not None and not path.absolute().parent.is_dir():
            raise click.BadParameter(
                f"no folder {str(path.parent)!r} to write to", param_hint=option
            )
    return out_format


def results_file(
    out_file: Path | None, out_format: str | None, arrange: Callable[[Sequence[Any]], list[Any]]
) -> Any:
    from matcher.errors import BatchError
    from matcher.output.files import ResultsFile

    if out_file is None:
        return None
    try:
        return ResultsFile(out_file, str(out_format), arrange=arrange)
    except BatchError as exc:
        raise click.BadParameter(exc.message, param_hint="--out") from exc


def print_rows(ranked: Sequence[Any], stdout_format: str | None) -> None:
    from matcher.output.files import render_rows

    if stdout_format == "table":
        click.echo(batch_table(ranked), nl=False)
    elif stdout_format is not None:
        click.echo(render_rows(ranked, stdout_format), nl=False)


def batch_table(rows: Sequence[Any]) -> str:
    """The ranking as a terminal table; a column of the must-have skills each resume lacks
    (``--require``, a posting's "must have" section) when any resume lacks one, so a capped
    score says why beside it."""
    from matcher import render
    from matcher.parse.as_of import describe_as_of

    lacking = any(row.missing_must_have for row in rows)
    body: list[tuple[Any, ...]] = []
    for row in rows:
        data = row.data or {}
        years = (data.get("experience") or {}).get("total_years")
        must_have = (", ".join(row.missing_must_have) or "-",) if lacking else ()
        if row.error is not None:
            error = f"{row.error.code}: {row.error.message}"
            body.append(
                ("-", row.file, None, *(None,) * len(must_have), None, None, None, None, error)
            )
            continue
        as_of = describe_as_of(data["as_of"], data["as_of_source"]) if "as_of" in data else None
        level = data.get("best_level")
        industry = data.get("best_industry")
        body.append(
            (
                row.rank,
                row.file,
                row.score,
                *must_have,
                "no fit" if level is None else f"{level} ({row.best_level_score:g})",
                "-" if industry is None else f"{industry} ({row.best_industry_score:g})",
                years,
                as_of,
                ", ".join(row.top_skills),
            )
        )
    headers = (
        "#",
        "file",
        "score",
        *(("lacks (must have)",) if lacking else ()),
        "best level",
        "best industry",
        "years",
        "as of",
        "top skills",
    )
    return render.table(headers, body, max_width=48)


class BatchProgress:
    """Files done of the total, rate, failures and time left, on stderr."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[failed]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        # Workers load spaCy before their first file: say so rather than look stuck.
        self._task = self._progress.add_task("starting", total=total, rate="", failed="")
        self._failed = 0
        self._done = 0
        self._started = self._progress.get_time()
        self._progress.start()

    def advance(self, *, failed: bool) -> None:
        self._done += 1
        self._failed += failed
        elapsed = max(self._progress.get_time() - self._started, 1e-9)
        self._progress.update(
            self._task,
            description="scoring",
            advance=1,
            rate=f"{self._done / elapsed:.1f} resumes/s",
            failed=f"{self._failed} failed" if self._failed else "",
        )

    def row_done(self, row: Any) -> None:
        self.advance(failed=row.error is not None)

    def close(self) -> None:
        self._progress.stop()


@contextmanager
def progress_bar(progress: bool | None, total: int) -> Iterator[BatchProgress | None]:
    """A progress bar for ``total`` files on stderr (None without one): with --progress,
    or by default when stderr is a terminal."""
    # Log lines would tear a progress bar apart: -v shows the progress of each file instead.
    show = progress if progress is not None else sys.stderr.isatty() and not log_level()
    if not show:
        yield None
        return
    bar = BatchProgress(total)
    try:
        yield bar
    finally:
        bar.close()
