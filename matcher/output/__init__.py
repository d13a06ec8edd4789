"""What matcher writes: rows, result files (CSV, JSON Lines, JSON), the HTML report.

* :mod:`matcher.output.rows` — :class:`RankedRow`, one file's result as the outputs show it.
* :mod:`matcher.output.finish` — the schema version stamped, the candidate redacted.
* :mod:`matcher.output.redact` — how a candidate's identity is found and removed.
* :mod:`matcher.output.files` — CSV, JSON Lines and JSON, written whole and atomically.
* :mod:`matcher.output.report` — the self-contained HTML page of a ranking.
* ``schemas/`` — the JSON Schema of ``score --format json``.

Nothing here scores a file or knows the terminal; the batch run and the commands call it.
"""

from __future__ import annotations

from matcher.output.files import (
    CSV_COLUMNS,
    FORMATS,
    ResultsFile,
    format_of,
    render_rows,
    write_atomic,
    write_outputs,
)
from matcher.output.finish import SCHEMA_VERSION, contact_of, finish_output
from matcher.output.redact import redact_candidate
from matcher.output.report import render_report
from matcher.output.rows import FileError, RankedRow

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "SCHEMA_VERSION",
    "FileError",
    "RankedRow",
    "ResultsFile",
    "contact_of",
    "finish_output",
    "format_of",
    "redact_candidate",
    "render_report",
    "render_rows",
    "write_atomic",
    "write_outputs",
]
