"""What a batch writes: ranked rows as CSV, JSON Lines or JSON, and the HTML report.

Result files are written whole and atomically.  :class:`ResultsFile` keeps the rows it is
given and rewrites its file (a temporary file in the same folder, then a rename) every few
seconds and when closed, so the file on disk is always complete, valid and ranked: after
the run, after a failure, after an interrupt.
"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from matcher.errors import BatchError
from matcher.output.report import render_report
from matcher.output.rows import RankedRow

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_CHECKPOINT_SECONDS",
    "FORMATS",
    "ResultsFile",
    "csv_cells",
    "format_of",
    "render_rows",
    "write_atomic",
    "write_outputs",
]

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_of(path: Path) -> str | None:
    """``csv``, ``jsonl`` or ``json`` from a file's extension; None when it is none of them."""
    return FORMATS.get(path.suffix.lower())


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


def write_outputs(
    ranked: Sequence[RankedRow],
    writer: ResultsFile | None,
    html_file: Path | None,
    *,
    target: str,
    notes: Sequence[str],
) -> list[tuple[str, int]]:
    """Close the results file and write the HTML report (ranked by ``target``, described);
    each file written with its row count.

    Raises:
        BatchError: a file cannot be written.
    """
    outputs: list[tuple[str, int]] = []
    if writer is not None:
        writer.close()
        outputs.append((str(writer.path), writer.written))
    if html_file is not None:
        page = render_report(ranked, target=target, notes=notes)
        try:
            write_atomic(html_file, page)
        except OSError as exc:
            raise BatchError(f"cannot write {html_file}: {exc.strerror}") from exc
        outputs.append((str(html_file), len(ranked)))
    return outputs


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` at once: a reader sees the old file or the new one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
