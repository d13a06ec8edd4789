"""What a batch writes: ranked rows as CSV, JSON Lines or JSON, and the run's summary.

Result files are written whole and atomically.  :class:`ResultsFile` keeps the rows it is
given and rewrites its file (a temporary file in the same folder, then a rename) every few
seconds and when closed, so the file on disk is always complete, valid and ranked: after
the run, after a failure, after an interrupt.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.batch import (
    BatchError,
    FileResult,
    RankedRow,
    Skipped,
    Target,
    contact_of,
    rank_row,
    write_atomic,
)

if TYPE_CHECKING:
    from matcher.parse.result import Contact
    from skills_taxonomy import Taxonomy

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_CHECKPOINT_SECONDS",
    "FORMATS",
    "SCHEMA_VERSION",
    "BatchSummary",
    "ResultsFile",
    "csv_cells",
    "finish_output",
    "format_of",
    "output_row",
    "render_rows",
    "summary_lines",
]

SCHEMA_VERSION = 1
"""The ``schema_version`` every JSON object matcher writes carries (PRODUCT.md's contract)."""
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".json": "json"}
"""Result file formats, by extension."""
CSV_COLUMNS = (
    "file",
    "rank",
    "score",
    "candidate",
    "email",
    "best_level",
    "best_level_score",
    "best_industry",
    "best_industry_score",
    "level_score",
    "industry_score",
    "job_score",
    "years",
    "as_of",
    "as_of_source",
    "top_skills",
    "missing_skills",
    "missing_must_have",
    "error_code",
    "error_message",
)
DEFAULT_CHECKPOINT_SECONDS = 2.0
"""A results file is rewritten at most this often while a batch runs."""
DEFAULT_CHECKPOINT_BACKOFF = 10.0
"""... and no sooner than this many times the last rewrite took: rewriting a big file
never takes more than a tenth of the run."""
DEFAULT_LISTED = 20
"""Failed and skipped files the summary names one by one; more are counted."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_of(path: Path) -> str | None:
    """``csv``, ``jsonl`` or ``json`` from a file's extension; None when it is none of them."""
    return FORMATS.get(path.suffix.lower())


def finish_output(data: Mapping[str, Any], contact: Contact, *, redact: bool) -> dict[str, Any]:
    """``data`` as every front door shows it: the schema version stamped, and with
    ``redact`` the candidate's identity (``contact``, and addresses by their shape) removed."""
    from matcher.redact import redact_candidate

    finished = {"schema_version": SCHEMA_VERSION, **data}
    return redact_candidate(finished, contact) if redact else finished


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


def csv_cells(row: RankedRow) -> list[str]:
    """The CSV row of a result: headline numbers, ``;``-separated lists, plain text."""
    data = row.data or {}
    candidate = data.get("candidate") or {}
    experience = data.get("experience") or {}
    values: list[Any] = [
        row.file,
        row.rank,
        row.score,
        candidate.get("name"),
        candidate.get("email"),
        data.get("best_level"),
        row.best_level_score,
        data.get("best_industry"),
        row.best_industry_score,
        row.level_score,
        row.industry_score,
        row.job_score,
        experience.get("total_years"),
        data.get("as_of"),
        data.get("as_of_source"),
        "; ".join(row.top_skills),
        "; ".join(row.missing_skills),
        "; ".join(row.missing_must_have),
        None if row.error is None else row.error.code,
        None if row.error is None else row.error.message,
    ]
    return [_csv_cell(value) for value in values]


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    # A cell starting like a formula would run as one in a spreadsheet (file names and
    # names come from outside): a leading quote keeps it text.
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def render_rows(rows: Sequence[RankedRow], output_format: str) -> str:
    """The whole text of a results file (``csv``, ``jsonl`` or ``json``)."""
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_cells(row) for row in rows)
        return buffer.getvalue()
    objects = [row.to_dict() for row in rows]
    if output_format == "jsonl":
        return "".join(
            json.dumps(item, sort_keys=True, ensure_ascii=False) + "\n" for item in objects
        )
    if output_format == "json":
        return json.dumps(objects, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown results format {output_format!r}")


class ResultsFile:
    """A results file kept complete and valid while rows keep coming.

    ``arrange`` turns the rows received so far into the rows to write (ranking, ``--top``);
    the file is rewritten with them when it is opened (empty), every
    :data:`DEFAULT_CHECKPOINT_SECONDS` or so, and by :meth:`close`.
    """

    def __init__(
        self,
        path: Path,
        output_format: str,
        *,
        arrange: Callable[[Sequence[RankedRow]], Sequence[RankedRow]],
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.format = output_format
        self.rows: list[RankedRow] = []
        self.written = 0
        """Rows in the file as it is now on disk."""
        self._arrange = arrange
        self._interval = DEFAULT_CHECKPOINT_SECONDS if interval is None else interval
        self._clock = clock
        self._due = 0.0
        self.write()

    def add(self, row: RankedRow) -> None:
        self.rows.append(row)
        if self._clock() >= self._due:
            self.write()

    def write(self) -> None:
        """Rewrite the file with every row so far, ranked (atomically).

        Raises:
            BatchError: the file cannot be written (no permission, a full disk).
        """
        started = self._clock()
        rows = self._arrange(self.rows)
        try:
            write_atomic(self.path, render_rows(rows, self.format))
        except OSError as exc:
            raise BatchError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.written = len(rows)
        spent = self._clock() - started
        self._due = self._clock() + max(self._interval, DEFAULT_CHECKPOINT_BACKOFF * spent)

    def close(self) -> None:
        self.write()


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
