"""Results kept on disk between runs, keyed by a file's bytes and everything else a score
depends on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from matcher.batch.inputs import BatchInput
from matcher.batch.options import AnalysisOptions, FileResult, options_key
from matcher.errors import UsageError
from matcher.output.files import write_atomic
from matcher.output.finish import contact_of
from matcher.output.rows import FileError

__all__ = ["CACHED_ERRORS", "ResultCache"]


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
