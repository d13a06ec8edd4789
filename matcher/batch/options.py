"""What a file's score depends on besides its bytes, and what scoring it gives.

:class:`AnalysisOptions` travels to every worker and keys the cache (:func:`options_key`);
:class:`FileResult` comes back, one per file: its score or its error.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.output.rows import FileError
from matcher.read.ocr import DEFAULT_OCR, ocr_version

if TYPE_CHECKING:
    from matcher.parse import Contact
    from matcher.score.posting import JobPosting
    from matcher.score.settings import ScoreSettings

__all__ = [
    "INTERNAL_ERROR",
    "AnalysisOptions",
    "FileError",
    "FileResult",
    "file_digest",
    "job_digest",
    "options_key",
]

INTERNAL_ERROR = "internal-error"
"""Error code of a file that hit a bug: the batch goes on, the row says so."""


@dataclass(frozen=True)
class AnalysisOptions:
    """Everything a file's score depends on besides its bytes (all of it keys the cache)."""

    taxonomy_file: Path | None = None
    """The user's taxonomy file (each worker loads it once: loading is cached)."""
    engine: str = "pdfplumber"
    ocr: str = DEFAULT_OCR
    """When to read pages by OCR (:data:`matcher.read.ocr.OCR_MODES`)."""
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
    settings: ScoreSettings | None = None
    """What the scores are tuned by (None: the shipped
    :data:`~matcher.score.settings.SCORE_SETTINGS`, which the code's digest in the cache's
    key already covers)."""

    def score_settings(self) -> ScoreSettings:
        """:attr:`settings`, or the shipped ones."""
        from matcher.score.settings import SCORE_SETTINGS

        return SCORE_SETTINGS if self.settings is None else self.settings

    def dated(self) -> AnalysisOptions:
        """These options with :attr:`today` fixed to this month when neither it nor
        :attr:`as_of` is set, so every worker, the cache and a pool agree on it."""
        if self.as_of is None and self.today is None:
            return replace(self, today=date.today().replace(day=1))
        return self


@dataclass(frozen=True)
class FileResult:
    """One file scored (``data``, the ``score --format json`` object) or failed (``error``)."""

    file: str
    data: dict[str, Any] | None = None
    """``FitReport.to_dict()``, with ``file`` set to the batch name."""
    contact: Contact | None = None
    """The candidate's contact details, to redact them by
    (:func:`matcher.output.finish.finish_output`)."""
    error: FileError | None = None
    cached: bool = False
    """Taken from the cache instead of being scored again."""
    seconds: float = 0.0
    """Time to read and score the file in its worker."""
    entry: Any = None
    """With :attr:`AnalysisOptions.keep`: the file's :class:`matcher.pool.entry.Entry`."""


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
        "settings": None if options.settings is None else options.settings.key(),
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
    from matcher.skills.pipeline import build_pipeline
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


def job_digest(path: Path, job: JobPosting) -> str:
    """:attr:`AnalysisOptions.job_digest`: the posting file's bytes, and the must-haves
    added to it (``--require``)."""
    return "+".join((file_digest(path), *job.must_have))
