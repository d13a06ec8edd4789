"""Batch screening: many resumes scored in parallel, then ranked for a target.

The steps, each usable on its own:

* :func:`collect_inputs` — folders (walked recursively), files and lists of paths become
  :class:`BatchInput` (a file to score and the name it goes by in every output: relative to
  the folder it was found in, never absolute) and :class:`Skipped` (what was left out, why).
* :func:`run_batch` — scores the inputs on joblib workers (local processes, or a Dask
  cluster) and yields one :class:`FileResult` per file as soon as it is done, in completion
  order.  Each worker process loads the taxonomy and builds the spaCy pipeline and the fit
  model once (the loaders are cached per process), then scores file after file.  A file
  that fails, or runs past its time limit, becomes a result with an error, never a crash.
* :func:`rank_row` and :func:`rank_rows` — the score of each result for a :class:`Target`,
  then the ranking: best first, ties by file name, the same whatever the order results
  arrived in.

Nothing here prints or knows the terminal: progress is the caller's, from the results it
receives.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import logging
import os
import signal
import stat
import threading
import time
import zlib
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import import_module, resources
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from matcher.document import display_name
from matcher.errors import FileTimeoutError, MatcherError, UsageError
from matcher.ocr import DEFAULT_OCR, ocr_version
from matcher.read import SUPPORTED_FORMATS, SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from matcher.job import JobPosting
    from matcher.parse.result import Contact
    from skills_taxonomy import Taxonomy

__all__ = [
    "DEFAULT_TIMEOUT",
    "AnalysisOptions",
    "BatchError",
    "BatchInput",
    "FileError",
    "FileResult",
    "Inputs",
    "RankedRow",
    "ResultCache",
    "Skipped",
    "Target",
    "collect_inputs",
    "rank_row",
    "rank_rows",
    "run_batch",
    "worker_count",
]

DEFAULT_TIMEOUT = 60.0
"""Seconds one file may take to read and score before it becomes a ``timeout`` error."""
DEFAULT_TOP_SKILLS = 5
"""Skills and missing skills a ranked row names."""
INTERNAL_ERROR = "internal-error"
DEFAULT_FILES_PER_WORKER = 20
"""Without ``jobs``, one worker process per this many files (up to the number of cores):
starting a worker costs as much as scoring a dozen or more resumes."""
_READER_LIBRARIES = ("pdfplumber", "pypdfium2", "docx")
"""Error code of a file that hit a bug: the batch goes on, the row says so."""

log = logging.getLogger(__name__)

_TEST_STALL: dict[str, float] = {}
"""Test hook: file name -> seconds the worker sleeps before scoring it.

The stall travels inside the task, so it reaches real worker processes; the tests use it
to check that ``timeout`` turns a file that takes too long into an error row."""


class BatchError(MatcherError):
    """The batch as a whole cannot run (not one file of it: those become error rows)."""


# --- inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchInput:
    """A file to score."""

    path: Path
    """Absolute path to read."""
    name: str
    """Its name in every output: relative to its folder, ``/``-separated, never absolute."""


@dataclass(frozen=True)
class Skipped:
    """A file or folder left out, and why."""

    name: str
    reason: str
    kind: str
    """The reason in a word or two, to count skips by: ``unsupported type``, ``hidden``…"""


@dataclass(frozen=True)
class Inputs:
    files: tuple[BatchInput, ...]
    """Files to score, in a stable order (by name)."""
    skipped: tuple[Skipped, ...]
    """What was found but left out, by name."""


def collect_inputs(
    sources: Iterable[Path | str],
    *,
    pattern: str | None = None,
    exclude: Iterable[Path] = (),
) -> Inputs:
    """The resume files under ``sources`` (folders, walked recursively, and files).

    In folders, only PDF, DOCX, text and Markdown files are taken (by extension) and, with
    ``pattern``, only those whose name matches it (case-insensitive; a pattern with a ``/``
    is matched against the path inside the folder).  Everything else is skipped with a
    reason: other types, hidden files, Office lock files, pipes and devices, unreadable
    folders, folders seen before (symbolic-link loops).  Files named directly are always
    taken, since the read stage knows a PDF or DOCX by its content; a missing one becomes
    an error row.  Paths in ``exclude`` (the run's own output files, its cache) are left
    out silently.

    Names are relative to the folder a file was found in; files named directly are
    relative to their common folder.  When two files would get the same name (two folders
    each holding ``cv.pdf``), every name becomes relative to the folder common to all.
    """
    excluded = {os.path.realpath(path) for path in exclude}
    found: list[tuple[str, str]] = []  # (absolute path, folder its name is relative to)
    skipped: list[tuple[str, str, str, str]] = []  # (path, base folder, reason, kind)
    loose: list[str] = []
    for source in sources:
        absolute = os.path.abspath(source)
        try:
            mode = os.stat(absolute).st_mode
        except OSError:
            loose.append(absolute)  # the read stage reports it, with the file's name
            continue
        if stat.S_ISDIR(mode):
            _walk(absolute, pattern, excluded, found, skipped)
        elif os.path.realpath(absolute) not in excluded:
            loose.append(absolute)
    if loose:
        base = os.path.commonpath([os.path.dirname(path) for path in loose])
        for path in loose:
            try:
                mode = os.stat(path).st_mode
            except OSError:
                found.append((path, base))
                continue
            if stat.S_ISREG(mode):
                found.append((path, base))
            else:
                skipped.append(
                    (path, base, "not a regular file (a pipe or a device)", "special file")
                )
    return _name_inputs(found, skipped)


def _walk(
    top: str,
    pattern: str | None,
    excluded: set[str],
    found: list[tuple[str, str]],
    skipped: list[tuple[str, str, str, str]],
) -> None:
    """Depth-first, sorted, each folder once (by device and inode: links cannot loop)."""
    wanted = pattern.lower() if pattern else None
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                skipped.append(
                    (folder, top, "folder already scanned (a symbolic-link loop)", "loop")
                )
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            reason = f"cannot read folder: {exc.strerror or exc}"
            skipped.append((folder, top, reason, "unreadable folder"))
            continue
        subfolders = []
        for entry in entries:
            path = entry.path
            if os.path.realpath(path) in excluded:
                continue
            if entry.name.startswith("."):
                skipped.append((path, top, "hidden", "hidden"))
                continue
            try:
                is_folder = entry.is_dir()
                mode = entry.stat().st_mode
            except OSError as exc:
                if entry.is_symlink():
                    skipped.append((path, top, "broken symbolic link", "broken link"))
                else:
                    skipped.append((path, top, str(exc.strerror), "unreadable"))
                continue
            if is_folder:
                subfolders.append(path)
                continue
            inside = PurePath(os.path.relpath(path, top)).as_posix().lower()
            if wanted is not None and not fnmatch.fnmatchcase(
                inside if "/" in wanted else entry.name.lower(), wanted
            ):
                continue
            skip = _skip_reason(entry.name, mode)
            if skip is None:
                found.append((path, top))
            else:
                skipped.append((path, top, *skip))
        stack.extend(reversed(subfolders))


def _skip_reason(name: str, mode: int) -> tuple[str, str] | None:
    """(reason, kind) for a file a folder walk leaves out; None to take it."""
    suffix = PurePath(name).suffix.lower()
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe or a device)", "special file"
    if name.startswith("~$"):
        return "an Office lock file", "lock file"
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"type '{suffix}'" if suffix else "file without an extension"
        return f"unsupported {shown} ({SUPPORTED_FORMATS} are read)", "unsupported type"
    return None


def _name_inputs(found: list[tuple[str, str]], skipped: list[tuple[str, str, str, str]]) -> Inputs:
    files: dict[str, str] = {}  # real path -> absolute path, first route wins
    duplicates: list[tuple[str, str, str, str]] = []
    bases: dict[str, str] = {}
    for path, base in found:
        real = os.path.realpath(path)
        if real in files:
            first = files[real]
            same = f"same file as {_relative(first, bases[first])}"
            duplicates.append((path, base, same, "duplicate"))
        else:
            files[real] = path
            bases[path] = base
    names = {path: _relative(path, bases[path]) for path in files.values()}
    if len(set(names.values())) < len(names):
        everything = [*files.values(), *(entry[0] for entry in (*skipped, *duplicates))]
        common = os.path.commonpath([os.path.dirname(path) for path in everything])
        names = {path: _relative(path, common) for path in names}
        skipped = [(path, common, reason, kind) for path, _, reason, kind in skipped]
        duplicates = [(path, common, reason, kind) for path, _, reason, kind in duplicates]
    inputs = sorted((BatchInput(Path(path), name) for path, name in names.items()), key=_by_name)
    left_out = sorted(
        (
            Skipped(_relative(path, base), reason, kind)
            for path, base, reason, kind in (*skipped, *duplicates)
        ),
        key=lambda item: item.name,
    )
    return Inputs(tuple(inputs), tuple(left_out))


def _by_name(item: BatchInput) -> str:
    return item.name


def _relative(path: str, base: str) -> str:
    relative = os.path.relpath(path, base)
    return display_name(PurePath(relative).as_posix() if relative != "." else PurePath(path).name)


# --- scoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisOptions:
    """Everything a file's score depends on besides its bytes (all of it keys the cache)."""

    taxonomy_file: Path | None = None
    """The user's taxonomy file (each worker loads it once: loading is cached)."""
    engine: str = "pdfplumber"
    ocr: str = DEFAULT_OCR
    """When to read pages by OCR (:data:`matcher.ocr.OCR_MODES`)."""
    as_of: date | None = None
    """The month "Present" means (``--as-of``); when None, each file's own date where it
    has a believable one, else :attr:`today`."""
    today: date | None = None
    """What "today" is when ``as_of`` is None; :func:`run_batch` fixes it to this month
    when left out, so every worker, and the cache, agree."""
    region: str = "us"
    job: JobPosting | None = None
    """The job posting to score against, read once by the caller (:func:`read_job`)."""
    job_digest: str | None = None
    """sha256 of the job posting file's bytes (for the cache)."""
    spacy_model: str | None = None
    """The installed spaCy pipeline skills are found with (None: a blank English one)."""
    redact: bool = False
    """Remove the candidate's identity from each result in its worker, before it is cached:
    with ``redact``, no contact detail reaches this process or the cache folder."""
    keep: bool = False
    """Make the pool's entry of each file (:attr:`FileResult.entry`) instead of its score."""

    def dated(self) -> AnalysisOptions:
        """These options with :attr:`today` fixed to this month when neither it nor
        :attr:`as_of` is set, so every worker, the cache and a pool agree on it."""
        if self.as_of is None and self.today is None:
            return replace(self, today=date.today().replace(day=1))
        return self


@dataclass(frozen=True)
class FileError:
    """Why a file has no score: the error class's ``code`` and its one-line message."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class FileResult:
    """One file scored (``data``, the ``score --format json`` object) or failed (``error``)."""

    file: str
    data: dict[str, Any] | None = None
    """``FitReport.to_dict()``, with ``file`` set to the batch name."""
    contact: Contact | None = None
    """The candidate's contact details, to redact them (``cli.finish`` reads ``contact``)."""
    error: FileError | None = None
    cached: bool = False
    """Taken from the cache instead of being scored again."""
    seconds: float = 0.0
    """Time to read and score the file in its worker."""
    entry: Any = None
    """With :attr:`AnalysisOptions.keep`: the file's :class:`matcher.pool.entry.Entry`."""


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
    )
    data, contact = report.to_dict(), report.resume.contact
    data["file"] = name
    if options.redact:
        from matcher.redact import redact_candidate, redacted_contact

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
        _worker_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logger.addHandler(_worker_handler)
    if _worker_handler is not None:
        logger.setLevel(level)


def prepare_worker(taxonomy_file: Path | None, spacy_model: str | None = None) -> Taxonomy:
    """The taxonomy, with its spaCy pipeline and fit model built: once per process.

    Everything here is cached per process, so only a worker's first file pays for it, and
    it is paid before that file's time limit starts.
    """
    from matcher.score import build_model
    from matcher.skills import build_pipeline
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


# --- the cache --------------------------------------------------------------------------


class ResultCache:
    """Results kept on disk, one JSON file per (file content, options, matcher's code).

    The key is the sha256 of the resume's bytes with everything else a result depends on:
    the taxonomy (version and the user's file's bytes), the engine, the spaCy model, what
    decides the month "Present" means (``as_of``, or without it today's month: the file's
    own date comes from its bytes), the region, the job posting's bytes, redaction, and
    matcher's own code and data, so a new release never serves old scores.  Scores are
    kept, and so are the failures the bytes decide (:data:`CACHED_ERRORS`: a corrupt file
    stays corrupt); time-outs and bugs are tried again.  Without ``redact`` the entries
    hold the full results, contact details included, like the resumes they come from; with
    it, the redacted results only, under keys of their own (a run without ``redact`` cannot
    use them).
    """

    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot use {folder} as a cache folder: {exc.strerror}") from exc
        self.folder = folder
        self.hits = 0
        self._digests: dict[str, str] = {}
        self._keys: dict[int, tuple[AnalysisOptions, str]] = {}

    def load(self, item: BatchInput, options: AnalysisOptions) -> FileResult | None:
        try:
            digest = hashlib.sha256(item.path.read_bytes()).hexdigest()
        except OSError:
            return None  # the worker reports the file as unreadable
        self._digests[item.name] = digest
        try:
            stored = json.loads(self._entry(digest, options).read_text(encoding="utf-8"))
            if "error" in stored:
                error = FileError(stored["error"]["code"], stored["error"]["message"])
                result = FileResult(item.name, error=_named(error, item.name), cached=True)
            else:
                data, contact = stored["data"], contact_of(stored["contact"])
                data["file"] = item.name
                result = FileResult(item.name, data, contact, cached=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: scored again, and stored again
        self.hits += 1
        return result

    def store(self, result: FileResult, options: AnalysisOptions) -> None:
        digest = self._digests.get(result.file)
        if digest is None:
            return
        stored: dict[str, Any]
        if result.error is not None:
            if result.error.code not in CACHED_ERRORS:
                return
            stored = {"error": _unnamed(result.error, result.file).to_dict()}
        elif result.data is not None and result.contact is not None:
            stored = {"data": result.data, "contact": result.contact.to_dict()}
        else:
            return
        entry = self._entry(digest, options)
        try:
            entry.parent.mkdir(exist_ok=True)
            write_atomic(entry, json.dumps(stored, sort_keys=True, ensure_ascii=False))
        except OSError:
            pass  # a cache that cannot be written only costs time on the next run

    def _entry(self, digest: str, options: AnalysisOptions) -> Path:
        known = self._keys.get(id(options))
        if known is None or known[0] is not options:
            known = (options, options_key(options))
            self._keys[id(options)] = known
        key = hashlib.sha256(f"{digest}\n{known[1]}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"


CACHED_ERRORS = frozenset({"unreadable", "no-text"})
"""Error codes a file's bytes decide, kept in the cache like scores."""
_NAME = "{file}"


def _unnamed(error: FileError, name: str) -> FileError:
    """The error with its file's name taken out: the file may be renamed before the next run."""
    prefix = f"{name}: "
    if not error.message.startswith(prefix):
        return error
    return FileError(error.code, _NAME + error.message[len(name) :])


def _named(error: FileError, name: str) -> FileError:
    return FileError(error.code, error.message.replace(_NAME, name, 1))


def contact_of(data: Mapping[str, Any]) -> Contact:
    """The contact details of a report's ``candidate`` object."""
    from matcher.parse.result import Contact

    return Contact(
        name=data["name"], email=data["email"], phone=data["phone"], links=tuple(data["links"])
    )


def options_key(options: AnalysisOptions, *, analysis_only: bool = False) -> str:
    """What a result depends on besides the file's bytes, as text; ``analysis_only``: only
    what the analysis of its lines depends on (matcher's code and data, the taxonomy, the
    spaCy model), for a pool, which keeps the lines and decides "Present" itself."""
    from skills_taxonomy import load_taxonomy

    extra = options.taxonomy_file
    key: dict[str, Any] = {
        "code": _code_digest(),
        "taxonomy": load_taxonomy(extra).version,
        "taxonomy_file": None if extra is None else _file_digest(extra),
        "spacy_model": _model_key(options),
    }
    if not analysis_only:
        key |= {
            "engine": options.engine,
            # What "auto" does depends on whether the extra is installed, and which Tesseract.
            "ocr": [options.ocr, None if options.ocr == "never" else ocr_version()],
            "as_of": _month(options.as_of),
            # With no as_of, a file's "Present" is its own date or today: the bytes (in
            # the key) decide which, and today's month decides the second.
            "today": None if options.as_of is not None else _month(options.today),
            "region": options.region,
            "job": options.job_digest,
            "redact": options.redact,
        }
    return json.dumps(key, sort_keys=True)


def _month(day: date | None) -> str | None:
    return None if day is None else day.strftime("%Y-%m")


def _model_key(options: AnalysisOptions) -> str | None:
    """The user's spaCy model by name and version: a new version may split text otherwise."""
    if options.spacy_model is None:
        return None
    from matcher.skills import build_pipeline
    from skills_taxonomy import load_taxonomy

    meta = build_pipeline(
        load_taxonomy(options.taxonomy_file), spacy_model=options.spacy_model
    ).meta
    return f"{options.spacy_model} {meta.get('name')} {meta.get('version')}"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """sha256 over matcher's modules and the shipped taxonomy data."""
    digest = hashlib.sha256()
    for package in ("matcher", "skills_taxonomy"):
        for entry in _package_files(resources.files(package)):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


def _package_files(folder: Any) -> list[Any]:
    entries = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.is_dir() and entry.name != "__pycache__":
            entries += _package_files(entry)
        elif entry.is_file() and entry.name.endswith((".py", ".yaml", ".jsonl", ".json")):
            entries.append(entry)
    return entries


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes (a job posting's, for :attr:`AnalysisOptions.job_digest`)."""
    return _file_digest(path)


# --- ranking ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What candidates are ranked by: a level, an industry, a job, or any mix of them.

    The score is the mean of the chosen targets' scores; with none, the best level's.
    """

    level: str | None = None
    industry: str | None = None
    job: str | None = None
    """The job posting's file name, when ranking by it."""

    def describe(self) -> str:
        parts = [
            f"{kind} {value}"
            for kind, value in (("level", self.level), ("industry", self.industry))
            if value is not None
        ]
        if self.job is not None:
            parts.append(f"job {self.job}")
        return " + ".join(parts) if parts else "best level"


@dataclass(frozen=True)
class RankedRow:
    """A result as the batch outputs show it: its target score and headline numbers."""

    file: str
    score: float | None
    """The target score (None for a file that failed)."""
    packed: bytes | None = None
    """The JSON object written for the file (``score --format json``'s, finished) as
    compressed JSON text, about 5 KB: a batch keeps every row until it ends (to rank them),
    and as Python objects a row takes some 150 KB.  :attr:`data` unpacks it."""
    error: FileError | None = None
    rank: int | None = None
    """1 for the best; None for a failed file."""
    level_score: float | None = None
    """The target level's score (with ``Target.level``)."""
    industry_score: float | None = None
    job_score: float | None = None
    best_level_score: float | None = None
    best_industry_score: float | None = None
    top_skills: tuple[str, ...] = ()
    missing_skills: tuple[str, ...] = field(default=())
    """Names of the skills the target asks for that the resume lacks, required first."""
    missing_must_have: tuple[str, ...] = field(default=())
    """Names of the job's must-have skills the resume lacks (its job score is capped)."""
    cached: bool = False

    @property
    def data(self) -> dict[str, Any] | None:
        """The JSON object written for the file; None for a file that failed."""
        return None if self.packed is None else dict(json.loads(zlib.decompress(self.packed)))

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the row: the score object, or the file and its error."""
        data = self.data
        if data is not None:
            return data
        assert self.error is not None
        return {"file": self.file, "error": self.error.to_dict()}


def pack(data: Mapping[str, Any]) -> bytes:
    """``data`` as compressed JSON text (:attr:`RankedRow.packed`)."""
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def rank_row(
    result: FileResult,
    target: Target,
    taxonomy: Taxonomy,
    *,
    data: Mapping[str, Any] | None = None,
) -> RankedRow:
    """``result`` scored for ``target``.

    ``data`` is the object the outputs show (``result.data`` made ready for output: schema
    version, redaction); the numbers come from ``result.data``, untouched.
    """
    if result.data is None:
        error = result.error or FileError(INTERNAL_ERROR, f"{result.file}: no result")
        return RankedRow(result.file, None, error=error, cached=result.cached)
    raw = result.data
    levels = {fit["id"]: fit for fit in raw["levels"]}
    industries = {fit["id"]: fit for fit in raw["industries"]}
    scores: list[float] = []
    matched: list[str] = []
    missing: list[Mapping[str, Any]] = []
    job = raw.get("job")
    job_score = None
    must_have_missing: list[str] = []
    if target.job is not None and job is not None:
        job_score = float(job["score"])
        must_have_missing = [
            taxonomy.skill(skill_id).name for skill_id in job.get("missing_must_have", ())
        ]
        scores.append(job_score)
        matched += job["matched_skills"]
        missing += job["missing_skills"]
    level_score = None
    if target.level is not None:
        level_score = float(levels[target.level]["score"])
        scores.append(level_score)
        matched += levels[target.level]["matched_skills"]
        missing += levels[target.level]["missing_skills"]
    industry_score = None
    if target.industry is not None:
        industry_score = float(industries[target.industry]["score"])
        scores.append(industry_score)
        found, lacking = _industry_skills(raw, target.industry, taxonomy)
        matched += found
        missing += lacking
    if not scores:
        best = max(raw["levels"], key=lambda fit: fit["score"])
        scores.append(float(best["score"]))
        matched += best["matched_skills"]
        missing += best["missing_skills"]
    best_level = raw.get("best_level")
    best_industry = raw.get("best_industry")
    return RankedRow(
        file=result.file,
        score=round(sum(scores) / len(scores), 1),
        packed=pack(raw if data is None else data),
        level_score=level_score,
        industry_score=industry_score,
        job_score=job_score,
        best_level_score=None if best_level is None else float(levels[best_level]["score"]),
        best_industry_score=None
        if best_industry is None
        else float(industries[best_industry]["score"]),
        top_skills=_top_skills(raw["skills"], matched),
        missing_skills=_names(missing),
        missing_must_have=tuple(must_have_missing),
        cached=result.cached,
    )


def _industry_skills(
    data: Mapping[str, Any], industry: str, taxonomy: Taxonomy
) -> tuple[list[str], list[Mapping[str, Any]]]:
    """The industry's skills the resume shows (heaviest first), and those it lacks."""
    from matcher.score import missing_skills

    found = {skill["id"]: 1.0 for skill in data["skills"]}
    wanted = taxonomy.industry(industry).skills
    shown = sorted((s for s in wanted if s in found), key=lambda s: (-wanted[s], s))
    return shown, [m.to_dict() for m in missing_skills(wanted, {}, found, taxonomy)]


def _names(missing: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    required = [m for m in missing if m.get("importance") == "required"]
    others = [m for m in missing if m.get("importance") != "required"]
    names: dict[str, None] = {}
    for item in (*required, *others):
        names.setdefault(str(item["name"]), None)
    return tuple(names)[:DEFAULT_TOP_SKILLS]


def _top_skills(skills: Sequence[Mapping[str, Any]], matched: Sequence[str]) -> tuple[str, ...]:
    """The skills behind the score: those the target asks for that the resume shows
    (heaviest first); for a resume that shows none, its most mentioned skills."""
    names = {str(skill["id"]): str(skill["name"]) for skill in skills}
    chosen = dict.fromkeys(names[skill] for skill in matched if skill in names)
    if not chosen:
        named = [s for s in skills if not s.get("derived")]
        named.sort(key=lambda s: (-int(s["mentions"]), -float(s["years"] or 0.0), str(s["name"])))
        chosen = dict.fromkeys(str(s["name"]) for s in named)
    return tuple(chosen)[:DEFAULT_TOP_SKILLS]


def rank_rows(
    rows: Iterable[RankedRow], *, top: int | None = None, min_score: float | None = None
) -> list[RankedRow]:
    """Scored rows best first (ties by file name), numbered; then failed rows by name.

    ``min_score`` and ``top`` keep only the best scored rows; failed rows are always kept,
    so that no file that could not be read goes unnoticed.
    """
    scored = sorted(
        (row for row in rows if row.score is not None),
        key=lambda row: (-(row.score or 0.0), row.file),
    )
    failed = sorted((row for row in rows if row.score is None), key=lambda row: row.file)
    ranked = [replace(row, rank=index) for index, row in enumerate(scored, start=1)]
    if min_score is not None:
        ranked = [row for row in ranked if (row.score or 0.0) >= min_score]
    if top is not None:
        ranked = ranked[:top]
    return [*ranked, *failed]


# --- files ------------------------------------------------------------------------------


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
