"""Batch screening: many resumes scored in parallel, then ranked for a target.

The steps, each usable on its own:

* :mod:`matcher.batch.inputs` — :func:`collect_inputs`: folders, globs and files become
  the files to score, and the ones skipped with the reason.
* :mod:`matcher.batch.options` — :class:`AnalysisOptions`, what a score depends on besides
  the file, and :class:`FileResult`, what scoring a file gives.
* :mod:`matcher.batch.workers` — :func:`run_batch`: worker processes or a Dask cluster,
  time limits, the workers' logging; results yielded as they are done.
* :mod:`matcher.batch.cache` — :class:`ResultCache`, results kept between runs.
* :mod:`matcher.batch.ranking` — :class:`Target`, :func:`rank_row`, :func:`rank_rows`:
  best first, ties by file name, the same whatever the order results arrived in.
* :mod:`matcher.batch.run` — :func:`screen`: the whole run, outputs written, returning a
  :class:`BatchReport` with its exit status.

Nothing here prints or knows the terminal.  The rows and the files written are
:mod:`matcher.output`'s.
"""

from __future__ import annotations

from matcher.batch.cache import ResultCache
from matcher.batch.inputs import BatchInput, Inputs, Skipped, collect_inputs
from matcher.batch.options import AnalysisOptions, FileResult
from matcher.batch.ranking import Target, output_row, rank_row, rank_rows
from matcher.batch.run import BatchReport, BatchSummary, screen
from matcher.batch.workers import DEFAULT_TIMEOUT, run_batch, worker_count
from matcher.errors import BatchError
from matcher.output.rows import FileError, RankedRow

__all__ = [
    "DEFAULT_TIMEOUT",
    "AnalysisOptions",
    "BatchError",
    "BatchInput",
    "BatchReport",
    "BatchSummary",
    "FileError",
    "FileResult",
    "Inputs",
    "RankedRow",
    "ResultCache",
    "Skipped",
    "Target",
    "collect_inputs",
    "output_row",
    "rank_row",
    "rank_rows",
    "run_batch",
    "screen",
    "worker_count",
]
