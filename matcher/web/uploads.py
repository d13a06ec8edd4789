"""Uploaded resumes: saved under safe names, then added to the pool in the background.

Each file is written to the uploads folder as ``<sha256 prefix>-<sanitised name>`` (a name
from a browser is never trusted as a path), then queued.  One background thread takes what
is queued, in rounds, and adds it through :meth:`matcher.pool.Pool.add` (the batch path:
worker processes, a time limit per file, an error row for a file that fails), so every
upload ends as a pool entry or as a row that says why not.  Progress is each upload's
status: ``queued``, ``analysing``, then ``added``, ``replaced``, ``unchanged`` (the same
bytes were in the pool already) or ``failed``; the file of an upload that added nothing
is deleted.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from matcher.batch.inputs import BatchInput
from matcher.batch.options import AnalysisOptions
from matcher.output.rows import FileError
from matcher.pool import Pool
from matcher.read.reader import SUPPORTED_SUFFIXES

log = logging.getLogger(__name__)

DEFAULT_MAX_NAME = 120
"""Characters kept of an uploaded file's name."""
_UNSAFE = re.compile(r"[^\w.() -]+")
DONE = frozenset({"added", "replaced", "unchanged", "failed"})


@dataclass(frozen=True)
class Upload:
    """One uploaded file and what became of it."""

    id: int
    name: str
    """The sanitised name it goes by in the pool and every output."""
    status: str
    entry: int | None = None
    """The pool entry's id, once added (or found unchanged)."""
    error: FileError | None = None
    duplicates: tuple[tuple[str, str], ...] = ()
    """(name, why) of pool entries that look like the same candidate."""
    digest: str = field(default="", repr=False)
    path: Path | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "file": self.name,
            "status": self.status,
            "entry": self.entry,
            "error": None if self.error is None else self.error.to_dict(),
            "duplicates": [{"file": name, "why": why} for name, why in self.duplicates],
        }


def safe_name(name: str) -> str:
    """A browser's file name as a plain file name: no folders, no control or odd
    characters, not hidden, not too long; the extension kept."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name))[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .") or "upload"
    suffix = PurePath(cleaned).suffix[:12]
    stem = cleaned[: len(cleaned) - len(suffix)] if suffix else cleaned
    return stem[: DEFAULT_MAX_NAME - len(suffix)] + suffix


def supported(name: str) -> bool:
    return PurePath(name).suffix.lower() in SUPPORTED_SUFFIXES


class UploadQueue:
    """Uploads and their progress; a background thread adds them to ``pool``."""

    def __init__(
        self,
        pool: Pool,
        folder: Path,
        options: AnalysisOptions,
        *,
        jobs: int | None = None,
        timeout: float | None = None,
    ) -> None:
        self.pool = pool
        self.folder = folder
        self.options = options
        self.jobs = jobs
        self.timeout = timeout
        self._lock = threading.Condition()
        self._uploads: dict[int, Upload] = {}
        self._queued: list[int] = []
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="matcher-uploads", daemon=True)
        self._thread.start()

    # --- receiving ----------------------------------------------------------------------

    def receive(self, name: str, content_path: Path, digest: str) -> Upload:
        """Keep a received file (already written to ``content_path`` in the uploads folder)
        under its safe name and queue it."""
        shown = safe_name(name)
        if not supported(shown):
            content_path.unlink(missing_ok=True)
            return self.refuse(
                name,
                "unsupported",
                f"{shown}: unsupported type (PDF, DOCX, TXT or Markdown are read)",
            )
        target = self.folder / f"{digest[:16]}-{shown}"
        os.replace(content_path, target)
        with self._lock:
            upload = Upload(len(self._uploads) + 1, shown, "queued", digest=digest, path=target)
            self._uploads[upload.id] = upload
            self._queued.append(upload.id)
            self._lock.notify_all()
        return upload

    def refuse(self, name: str, code: str, message: str) -> Upload:
        """A row for a file that is not kept (too large, not a resume's type)."""
        with self._lock:
            upload = Upload(
                len(self._uploads) + 1, safe_name(name), "failed", error=FileError(code, message)
            )
            self._uploads[upload.id] = upload
        return upload

    def uploads(self) -> list[Upload]:
        with self._lock:
            return list(self._uploads.values())

    def pending(self) -> int:
        with self._lock:
            return sum(1 for upload in self._uploads.values() if upload.status not in DONE)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until nothing is queued or analysing; whether that happened in time."""
        with self._lock:
            return self._lock.wait_for(
                lambda: all(u.status in DONE for u in self._uploads.values()), timeout
            )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join(timeout=60)

    # --- adding -------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._queued or self._closed)
                if self._closed:
                    return
                batch = self._take()
            try:
                self._add(batch)
            except Exception as exc:  # the thread must outlive a failing round
                log.exception("adding uploads failed")
                error = FileError("internal-error", f"{type(exc).__name__}: {exc}")
                self._finish(
                    {u.id: replace(u, status="failed", error=error) for u in batch.values()}
                )

    def _take(self) -> dict[str, Upload]:
        """The queued uploads of this round, by name: names and contents unique within it
        (a second file of the same name or bytes waits for the next round)."""
        batch: dict[str, Upload] = {}
        digests: set[str] = set()
        left = []
        for upload_id in self._queued:
            upload = self._uploads[upload_id]
            if upload.name in batch or upload.digest in digests:
                left.append(upload_id)
                continue
            batch[upload.name] = replace(upload, status="analysing")
            digests.add(upload.digest)
            self._uploads[upload_id] = batch[upload.name]
        self._queued = left
        self._lock.notify_all()
        return batch

    def _add(self, batch: Mapping[str, Upload]) -> None:
        inputs = [BatchInput(u.path, name) for name, u in batch.items() if u.path is not None]
        stream = self.pool.add(inputs, self.options, jobs=self.jobs, timeout=self.timeout)
        reported: set[str] = set()
        try:
            for added in stream:
                reported.add(added.name)
                upload = batch[added.name]
                entry = added.id
                if added.status == "unchanged":
                    entry = self.pool.id_of(upload.digest)
                if added.status in ("unchanged", "failed") and upload.path is not None:
                    upload.path.unlink(missing_ok=True)  # the pool does not need it
                self._finish(
                    {
                        upload.id: replace(
                            upload,
                            status=added.status,
                            entry=entry,
                            error=added.error,
                            duplicates=added.duplicates,
                        )
                    }
                )
        finally:
            stream.close()
            lost = FileError("internal-error", "the analysis stopped before this file")
            self._finish(
                {
                    u.id: replace(u, status="failed", error=lost)
                    for name, u in batch.items()
                    if name not in reported
                }
            )

    def _finish(self, done: Mapping[int, Upload]) -> None:
        with self._lock:
            self._uploads.update(done)
            self._lock.notify_all()


def digest_of(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 16), b""):
            sha.update(chunk)
    return sha.hexdigest()


__all__ = ["DONE", "Upload", "UploadQueue", "digest_of", "safe_name", "supported"]
