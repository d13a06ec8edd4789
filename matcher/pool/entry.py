"""What a pool keeps of one resume, and how it is made: from a file, or again from the
lines stored for it when the analysis has changed (a new taxonomy, a new matcher).

An :class:`Entry` is made in a worker process (it reads, parses, finds skills and scores,
as ``batch`` does) and written by the main process.  Its report is the object ``score
--format json`` gives for the file with no job, so that ranking it against a posting later
gives the row ``batch --job`` would (:mod:`matcher.pool.rank`).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import zlib
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from matcher import __version__
from matcher.document import Line, ResumeText

if TYPE_CHECKING:
    from matcher.batch.options import AnalysisOptions
    from matcher.parse.result import Contact
    from skills_taxonomy import Taxonomy

_LINE_FIELDS = ("text", "page", "column", "x0", "top", "size", "bold")
_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class Entry:
    """One resume as the pool stores it (the columns of :data:`matcher.pool.store.resumes`)."""

    digest: str
    name: str
    path: str
    modified: float
    analysis: str
    version: str
    taxonomy_version: str
    matcher_version: str
    redacted: bool
    email: str | None
    phone: str | None
    simhash: int
    years: float | None
    best_level: str | None
    best_industry: str | None
    headline: str
    text: str
    document: bytes
    report: bytes
    terms: bytes
    skills: tuple[tuple[str, float, float | None], ...] = ()
    """(skill id, strength, years) of each skill found (the ``resume_skills`` rows)."""

    def row(self) -> dict[str, Any]:
        """The ``resumes`` row."""
        row = {**asdict(self), "added": time.time()}
        del row["skills"]
        return row


def pack(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def unpack(data: bytes) -> Any:
    return json.loads(zlib.decompress(data))


def pack_document(document: ResumeText) -> bytes:
    """The document as read, every line with its layout, as compressed JSON."""
    return pack(
        {
            "file": document.file,
            "format": document.format,
            "pages": document.pages,
            "engine": document.engine,
            "warnings": list(document.warnings),
            "written": None if document.written is None else document.written.isoformat(),
            "lines": [[getattr(line, key) for key in _LINE_FIELDS] for line in document.lines],
        }
    )


def unpack_document(data: bytes) -> ResumeText:
    """The document :func:`pack_document` stored."""
    stored = unpack(data)
    return ResumeText(
        file=stored["file"],
        format=stored["format"],
        lines=tuple(Line(**dict(zip(_LINE_FIELDS, line, strict=True))) for line in stored["lines"]),
        pages=stored["pages"],
        engine=stored["engine"],
        warnings=tuple(stored["warnings"]),
        written=None if stored["written"] is None else date.fromisoformat(stored["written"]),
    )


def analysis_key(options: AnalysisOptions, *, dated_by_today: bool) -> str:
    """What an entry's analysis depends on besides its lines: matcher's code and data, the
    taxonomy, the spaCy model, the month "Present" means.  An entry whose "Present" is
    today's month (its file states no date) goes stale when the month turns."""
    from matcher.batch.options import options_key

    month = options.as_of or (options.today if dated_by_today else None)
    return hashlib.sha256(
        json.dumps(
            {
                "options": options_key(options, analysis_only=True),
                "month": None if month is None else month.strftime("%Y-%m"),
                "redact": options.redact,
            },
            sort_keys=True,
        ).encode()
    ).hexdigest()


def analysis_version(options: AnalysisOptions) -> str:
    """What an entry's analysis depends on but the month "Present" means."""
    from matcher.batch.options import options_key

    key = options_key(options, analysis_only=True)
    return hashlib.sha256(key.encode()).hexdigest()


def make_entry(
    document: ResumeText,
    taxonomy: Taxonomy,
    options: AnalysisOptions,
    *,
    digest: str,
    name: str,
    path: str,
    modified: float,
) -> Entry:
    """Analyse ``document`` and keep what ranking and search need (see the module's text)."""
    from matcher.output.redact import redact
    from matcher.pipeline import analyse_document
    from matcher.score.job import resume_terms
    from matcher.score.text import resume_text

    report = analyse_document(
        document,
        taxonomy,
        as_of=options.as_of,
        today=options.today,
        spacy_model=options.spacy_model,
        settings=options.score_settings(),
    )
    data = report.to_dict()
    data["file"] = name
    contact = report.resume.contact
    if options.redact:
        secrets = [contact.name, contact.email, contact.phone, *contact.links]
        data = redact(data, secrets)
        document = ResumeText(
            file=document.file,
            format=document.format,
            lines=tuple(
                Line(**{**asdict(line), "text": redact(line.text, secrets)})
                for line in document.lines
            ),
            pages=document.pages,
            engine=document.engine,
            warnings=document.warnings,
            written=document.written,
        )
    text = resume_text(report.resume)
    terms = resume_terms(report.resume, report.skills)
    headline = {
        "levels": {fit["id"]: fit["score"] for fit in data["levels"]},
        "industries": {fit["id"]: fit["score"] for fit in data["industries"]},
        "best_level": data["best_level"],
        "best_industry": data["best_industry"],
        "skills": sorted(skill["id"] for skill in data["skills"]),
    }
    return Entry(
        digest=digest,
        name=name,
        path=path,
        modified=modified,
        analysis=analysis_key(options, dated_by_today=data["as_of_source"] == "today"),
        version=analysis_version(options),
        taxonomy_version=taxonomy.version,
        matcher_version=__version__,
        redacted=options.redact,
        email=_fingerprint(contact.email.casefold() if contact.email else None),
        phone=_fingerprint(_phone_digits(contact)),
        simhash=simhash(_WORD.findall(text.lower())),
        years=report.resume.experience.total_years,
        best_level=data["best_level"],
        best_industry=data["best_industry"],
        skills=tuple((s.id, terms.strengths[s.id], s.years) for s in report.skills),
        headline=json.dumps(headline, sort_keys=True),
        text=text,
        document=pack_document(document),
        report=pack(data),
        terms=terms.pack(),
    )


def read_entry(path: Path, name: str, taxonomy: Taxonomy, options: AnalysisOptions) -> Entry:
    """Read, analyse and keep one resume file (in a worker: see :mod:`matcher.batch`)."""
    from matcher.pipeline import read_document

    raw = path.read_bytes() if path.is_file() else b""
    document = read_document(path, engine=options.engine, ocr=options.ocr)
    return make_entry(
        document,
        taxonomy,
        options,
        digest=hashlib.sha256(raw).hexdigest(),
        name=name,
        path=str(path),
        modified=path.stat().st_mtime,
    )


def _phone_digits(contact: Contact) -> str | None:
    digits = "".join(_DIGITS.findall(contact.phone or ""))
    return digits[-10:] if len(digits) >= 7 else None


def _fingerprint(value: str | None) -> str | None:
    """A detail as duplicates are found by it: its sha256, never the detail itself."""
    return None if not value else hashlib.sha256(value.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _bits() -> np.ndarray[Any, np.dtype[np.uint64]]:
    return np.arange(64, dtype=np.uint64)


def simhash(words: list[str]) -> int:
    """A 64-bit SimHash of a set of words: each bit is the majority vote of the words'
    hashes, so two texts that share most of their words differ in a few bits."""
    from matcher.score.job_terms import term_hash

    unique = sorted(set(words))
    if not unique:
        return 0
    hashes = np.array([term_hash(b"w\0", word) for word in unique], dtype=np.int64)
    bits = (hashes.view(np.uint64)[:, None] >> _bits()) & np.uint64(1)
    votes = bits.sum(axis=0) * 2 > len(unique)
    value = int(np.sum(votes.astype(np.uint64) << _bits(), dtype=np.uint64))
    return value - (1 << 64) if value >= 1 << 63 else value
