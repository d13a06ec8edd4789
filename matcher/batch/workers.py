"""Scoring many files at once: worker processes (or a Dask cluster), time limits, logging.

:func:`run_batch` scores the inputs on joblib workers (local processes, or a Dask
cluster) and yields one :class:`~matcher.batch.options.FileResult` per file as soon as it
is done, in completion order.  Each worker process loads the taxonomy and builds the spaCy
pipeline and the fit model once (the loaders are cached per process), then scores file
after file.  A file that fails, or runs past its time limit, becomes a result with an
error, never a crash.

Nothing here prints or knows the terminal: progress is the caller's, from the results it
receives.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from matcher.batch.cache import ResultCache
from matcher.batch.inputs import BatchInput
from matcher.batch.options import INTERNAL_ERROR, AnalysisOptions, FileResult
from matcher.errors import BatchError, FileTimeoutError, MatcherError, UsageError
from matcher.output.rows import FileError

if TYPE_CHECKING:
    from matcher.parse import Contact
    from skills_taxonomy import Taxonomy

__all__ = [
    "DEFAULT_TIMEOUT",
    "LOG_FORMAT",
    "prepare_worker",
    "run_batch",
    "worker_count",
]

DEFAULT_TIMEOUT = 60.0
"""Seconds one file may take to read and score before it becomes a ``timeout`` error."""
DEFAULT_FILES_PER_WORKER = 20
"""Without ``jobs``, one worker process per this many files (up to the number of cores):
starting a worker costs as much as scoring a dozen or more resumes."""
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"
"""How a ``matcher`` log line looks on stderr, in the command's process and in workers."""
_READER_LIBRARIES = ("pdfplumber", "pypdfium2", "docx")

# Named after the stage, as before the batch became a package: -v lines stay the same.
log = logging.getLogger("matcher.batch")

_TEST_STALL: dict[str, float] = {}
"""Test hook: file name -> seconds the worker sleeps before scoring it.

The stall travels inside the task, so it reaches real worker processes; the tests use it
to check that ``timeout`` turns a file that takes too long into an error row."""


@dataclass(frozen=True)
class _Task:
    path: str
    name: str
    options: AnalysisOptions
    timeout: float | None
    stall: float = 0.0
    log_level: int | None = None


def run_batch(
    inputs: Sequence[BatchInput],
    options: AnalysisOptions,
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    cache: ResultCache | None = None,
    scheduler: str | None = None,
    log_level: int | None = None,
) -> Generator[FileResult, None, None]:
    """Score every input; yield each :class:`FileResult` as soon as it is done.

    ``jobs`` worker processes (when None, one per :data:`DEFAULT_FILES_PER_WORKER` files,
    up to the number of cores; 1 scores in this process).  With
    ``scheduler``, the address of a Dask scheduler, the files are scored on that cluster
    instead, through joblib's Dask backend; its workers must see the same paths (a shared
    file system) and need the ``dask`` extra.  ``timeout`` seconds per file (None: no
    limit) is enforced with a timer signal where a file is scored in a process's main
    thread: local worker processes and ``jobs=1``, not Dask's worker threads.  The timer
    stops Python code; a read stuck inside a C library stops only when it returns.

    Results come in completion order: rank them (:func:`rank_rows`) for a stable order.
    Closing the iterator early (an interrupt) stops the workers; results already yielded
    are complete.

    ``log_level`` (``logging.INFO``, ``logging.DEBUG``) has worker processes log the
    ``matcher`` stages to their stderr, as this process does when its logging is set up;
    None leaves workers silent.
    """
    options = options.dated()
    tasks = []
    for item in inputs:
        if cache is not None:
            hit = cache.load(item, options)
            if hit is not None:
                log.info("cache %s: %s", item.name, "error" if hit.error else "score")
                yield hit
                continue
        stall = _TEST_STALL.get(item.name, 0.0)
        tasks.append(_Task(str(item.path), item.name, options, timeout, stall, log_level))
    if not tasks:
        return
    # Largest files first: the workers then finish together instead of one of them
    # starting a long file when the rest is done (the output is ranked afterwards).
    tasks.sort(key=lambda task: -_file_size(task.path))
    for result in _dispatch(tasks, jobs=jobs, scheduler=scheduler):
        if cache is not None:
            cache.store(result, options)
        yield result


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # unreadable: its worker reports why
        return 0


def _dispatch(
    tasks: Sequence[_Task], *, jobs: int | None, scheduler: str | None
) -> Iterator[FileResult]:
    from joblib import Parallel, delayed, parallel_config

    if scheduler is None:
        workers = worker_count(jobs, len(tasks))
        parallel = Parallel(n_jobs=workers, return_as="generator_unordered", batch_size=1)
        yield from parallel(delayed(_score_file)(task) for task in tasks)
        return
    client = _dask_client(scheduler)
    try:
        with parallel_config(backend="dask"):
            parallel = Parallel(
                n_jobs=-1 if jobs is None else jobs,
                return_as="generator_unordered",
                batch_size=1,
            )
            yield from parallel(delayed(_score_file)(task) for task in tasks)
    finally:
        client.close()


def worker_count(jobs: int | None, files: int) -> int:
    """Local worker processes for ``files`` files: ``jobs``, or by default as many cores as
    pay off (a worker costs seconds to start: loading spaCy and building the pipeline)."""
    from joblib import cpu_count

    if jobs is None:
        jobs = min(max(1, int(cpu_count())), -(-files // DEFAULT_FILES_PER_WORKER))
    return max(1, min(jobs, files))


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError(
            "--dask-scheduler needs Dask's distributed scheduler, which is not installed",
            hint="pip install 'ai-role-matcher[dask]'",
        ) from exc
    try:
        return Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchError(
            f"cannot reach the Dask scheduler at {address}: {exc}",
            hint="Check the address (e.g. tcp://host:8786) and that the scheduler runs.",
        ) from exc


def _score_file(task: _Task) -> FileResult:
    """Read and score one file in a worker; every failure becomes the result's error."""
    _log_in_worker(task.log_level)
    start = time.perf_counter()
    try:
        taxonomy = prepare_worker(task.options.taxonomy_file, task.options.spacy_model)
        with _time_limit(task.timeout):
            if task.stall:
                time.sleep(task.stall)
            if task.options.keep:
                from matcher.pool.entry import read_entry

                entry = read_entry(Path(task.path), task.name, taxonomy, task.options)
                return FileResult(task.name, entry=entry, seconds=time.perf_counter() - start)
            data, contact = _analyse(Path(task.path), task.name, taxonomy, task.options)
    except MatcherError as exc:
        return _failed(task, exc.code, exc.message, start)
    except _Expired:
        limit = f"{task.timeout:g}"
        message = f"{task.name}: not done after {limit} s (the time limit; see --timeout)"
        return _failed(task, FileTimeoutError.code, message, start)
    except Exception as exc:  # the batch boundary: one file's bug must not stop the others
        message = f"{task.name}: {type(exc).__name__}: {exc} (a bug in matcher: please report it)"
        return _failed(task, INTERNAL_ERROR, message, start)
    return FileResult(task.name, data, contact, seconds=time.perf_counter() - start)


def _analyse(
    path: Path, name: str, taxonomy: Taxonomy, options: AnalysisOptions
) -> tuple[dict[str, Any], Contact]:
    from matcher import pipeline

    report = pipeline.analyse_resume(
        path,
        taxonomy,
        engine=options.engine,
        ocr=options.ocr,
        as_of=options.as_of,
        today=options.today,
        region=options.region,
        job=options.job,
        spacy_model=options.spacy_model,
        settings=options.score_settings(),
    )
    data, contact = report.to_dict(), report.resume.contact
    data["file"] = name
    if options.redact:
        from matcher.output.redact import redact_candidate, redacted_contact

        return redact_candidate(data, contact), redacted_contact(contact)
    return data, contact


def _failed(task: _Task, code: str, message: str, start: float) -> FileResult:
    # The read stage names the file by its base name; the batch name says which one it is.
    base = PurePath(task.name).name
    if message.startswith(f"{base}: ") and base != task.name:
        message = f"{task.name}: {message[len(base) + 2 :]}"
    elif not message.startswith(f"{task.name}: "):
        message = f"{task.name}: {message}"
    return FileResult(
        task.name, error=FileError(code, message), seconds=time.perf_counter() - start
    )


_worker_handler: logging.Handler | None = None


def _log_in_worker(level: int | None) -> None:
    """Log the ``matcher`` stages to stderr at ``level`` in a worker process that has no
    handler of its own (in the caller's process, with ``jobs=1``, its own set-up stands)."""
    global _worker_handler
    logger = logging.getLogger("matcher")
    if level is None:
        if _worker_handler is not None:  # a pooled worker from an earlier, verbose run
            logger.removeHandler(_worker_handler)
            logger.setLevel(logging.NOTSET)
            _worker_handler = None
        return
    if _worker_handler is None and not logger.handlers:
        _worker_handler = logging.StreamHandler()
        _worker_handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logger.addHandler(_worker_handler)
    if _worker_handler is not None:
        logger.setLevel(level)


def prepare_worker(taxonomy_file: Path | None, spacy_model: str | None = None) -> Taxonomy:
    """The taxonomy, with its spaCy pipeline and fit model built: once per process.

    Everything here is cached per process, so only a worker's first file pays for it, and
    it is paid before that file's time limit starts.
    """
    from matcher.score.profiles import build_model
    from matcher.skills.pipeline import build_pipeline
    from skills_taxonomy import load_taxonomy

    taxonomy = load_taxonomy(taxonomy_file)
    build_pipeline(taxonomy, spacy_model=spacy_model)
    build_model(taxonomy)
    for reader in _READER_LIBRARIES:  # the read stage imports them on first use
        import_module(reader)
    return taxonomy


class _Expired(BaseException):
    """A file's time is up.  A BaseException, so that no ``except Exception`` on the way
    (readers skip pages that fail to parse) can swallow it."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Expired` in this thread after ``seconds`` (main thread, POSIX only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return
    armed = True

    def expire(signum: int, frame: Any) -> None:
        if armed:
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    # Fires again every second: code that catches even BaseException and goes on still stops.
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
