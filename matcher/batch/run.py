"""A batch run from start to end: score the files, rank them, write the outputs, sum up.

:func:`screen` is what ``matcher batch`` does once its options are read: it scores the
inputs (:func:`~matcher.batch.workers.run_batch`), ranks each result as it arrives, keeps
the results file complete while rows come in, writes the HTML report at the end, and
returns a :class:`BatchReport` with the ranked rows, the counts and the exit status (as
black's ``Report`` gives its ``return_code``).  Ctrl-C or SIGTERM stops the run early,
keeping every finished row.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.batch.cache import ResultCache
from matcher.batch.inputs import Inputs, Skipped
from matcher.batch.options import AnalysisOptions
from matcher.batch.ranking import Target, output_row
from matcher.batch.workers import DEFAULT_TIMEOUT, run_batch, worker_count
from matcher.errors import ExitCode
from matcher.output.files import ResultsFile, write_outputs
from matcher.output.rows import RankedRow

if TYPE_CHECKING:
    from skills_taxonomy import Taxonomy

__all__ = [
    "BatchReport",
    "BatchSummary",
    "SigtermAsInterrupt",
    "screen",
    "summary_lines",
]

DEFAULT_LISTED = 20
"""Failed and skipped files the summary names one by one; more are counted."""


@dataclass(frozen=True)
class BatchSummary:
    """How a batch went, for the lines printed at its end."""

    total: int
    """Files to score."""
    rows: Sequence[RankedRow]
    """Every result received (scored and failed), before --top and --min-score."""
    skipped: Sequence[Skipped]
    seconds: float
    workers: str
    """Where files were scored: ``"2 processes"``, ``"this process"``, ``"Dask at …"``."""
    interrupted: bool = False
    outputs: Sequence[tuple[str, int]] = ()
    """(file written, rows in it)."""


def summary_lines(summary: BatchSummary, *, listed: int = DEFAULT_LISTED) -> list[str]:
    """The end-of-run summary: scored, failed by reason, skipped, time, resumes per second."""
    failed = [row for row in summary.rows if row.error is not None]
    scored = len(summary.rows) - len(failed)
    cached = sum(1 for row in summary.rows if row.cached)
    done = len(summary.rows)
    rate = done / summary.seconds if summary.seconds > 0 else 0.0
    lines = []
    if summary.interrupted:
        lines.append(
            f"interrupted: {done} of {summary.total} files done; every finished row is kept"
        )
    lines.append(
        f"scored {scored} of {summary.total} files in {summary.seconds:.1f} s "
        f"({rate:.1f} resumes/s, {summary.workers})"
        + (f"; {cached} from the cache" if cached else "")
    )
    if failed:
        codes = Counter(row.error.code for row in failed if row.error is not None)
        lines.append(f"failed {len(failed)}: {_counts(codes)}")
        lines += [f"  {row.error.message}" for row in failed[:listed] if row.error is not None]
        if len(failed) > listed:
            lines.append(f"  … and {len(failed) - listed} more (see the results)")
    if summary.skipped:
        kinds = Counter(item.kind for item in summary.skipped)
        lines.append(f"skipped {len(summary.skipped)}: {_counts(kinds)}")
        lines += [f"  {item.name}: {item.reason}" for item in summary.skipped[:listed]]
        if len(summary.skipped) > listed:
            lines.append(f"  … and {len(summary.skipped) - listed} more")
    for name, count in summary.outputs:
        lines.append(f"wrote {name} ({count} row{'s' if count != 1 else ''})")
    return lines


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {count}" for key, count in sorted(counter.items()))


@dataclass(frozen=True)
class BatchReport:
    """How a batch went: its rows ranked, its summary, and the exit status that says so."""

    ranked: Sequence[RankedRow]
    """The rows to show: best first (``top`` and ``min_score`` applied), then failed files."""
    summary: BatchSummary

    @property
    def failed(self) -> int:
        return sum(1 for row in self.summary.rows if row.error is not None)

    @property
    def scored(self) -> int:
        return len(self.summary.rows) - self.failed

    @property
    def exit_code(self) -> int:
        """130 when interrupted, 1 when a file could not be scored, else 0."""
        if self.summary.interrupted:
            return int(ExitCode.INTERRUPTED)
        return int(ExitCode.ERROR if self.failed else ExitCode.OK)

    def summary_lines(self) -> list[str]:
        return summary_lines(self.summary)


def screen(
    inputs: Inputs,
    options: AnalysisOptions,
    target: Target,
    taxonomy: Taxonomy,
    *,
    arrange: Callable[[Sequence[RankedRow]], list[RankedRow]],
    writer: ResultsFile | None = None,
    html_file: Path | None = None,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    cache: ResultCache | None = None,
    scheduler: str | None = None,
    log_level: int | None = None,
    on_row: Callable[[RankedRow], None] | None = None,
) -> BatchReport:
    """Score ``inputs``, rank them for ``target`` and write the outputs.

    ``arrange`` ranks the rows so far (:func:`~matcher.batch.ranking.rank_rows` with the
    run's ``top`` and ``min_score``); ``writer``, the results file, gets every row as it
    arrives; ``html_file`` is written at the end; ``on_row`` hears of each row (progress).
    The other keywords are :func:`~matcher.batch.workers.run_batch`'s.

    Raises:
        BatchError: an output file cannot be written, or the Dask scheduler reached.
    """
    rows: list[RankedRow] = []
    interrupted = False
    started = time.monotonic()
    stream = run_batch(
        inputs.files,
        options,
        jobs=jobs,
        timeout=timeout,
        cache=cache,
        scheduler=scheduler,
        log_level=log_level,
    )
    try:
        with SigtermAsInterrupt():
            for result in stream:
                row = output_row(result, target, taxonomy)  # options.redact did it
                rows.append(row)
                if writer is not None:
                    writer.add(row)
                if on_row is not None:
                    on_row(row)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        stream.close()  # stops the workers when the run did not finish
        seconds = time.monotonic() - started
        ranked = arrange(rows)
        notes = ["Interrupted: these are the files scored before the stop."] if interrupted else []
        outputs = write_outputs(
            ranked,
            writer,
            html_file,
            target=target.describe(),
            notes=[f"Taxonomy {taxonomy.version}", *notes],
        )
    summary = BatchSummary(
        total=len(inputs.files),
        rows=rows,
        skipped=inputs.skipped,
        seconds=seconds,
        workers=_workers(rows, len(inputs.files), jobs=jobs, scheduler=scheduler),
        interrupted=interrupted,
        outputs=outputs,
    )
    return BatchReport(ranked, summary)


def _workers(
    rows: Sequence[RankedRow], files: int, *, jobs: int | None, scheduler: str | None
) -> str:
    """Where the files were scored, for the summary."""
    if scheduler is not None:
        return f"Dask at {scheduler}"
    cache_hits = sum(1 for row in rows if row.cached)
    count = worker_count(jobs, files - cache_hits)
    return "1 process" if count == 1 else f"{count} processes"


class SigtermAsInterrupt:
    """SIGTERM stops a run as Ctrl-C does: the finished rows are written."""

    def __enter__(self) -> None:
        self._previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGTERM, self._interrupt)

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)

    @staticmethod
    def _interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt
