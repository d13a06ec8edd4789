"""A ranked row: one file's result as every batch output shows it (CSV, JSON, HTML, table).

Both the batch run (which makes rows) and the writers (which show them) use these types;
nothing here knows how a file is scored.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FileError", "RankedRow", "pack"]


@dataclass(frozen=True)
class FileError:
    """Why a file has no score: the error class's ``code`` and its one-line message."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


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
