"""A pool of analysed resumes: add files once, then rank and search them at will.

:meth:`Pool.add` reads and analyses files on the batch path (worker processes or a Dask
cluster, a time limit per file, an error row for a file that fails) and writes each entry
in its own transaction as it arrives: an interrupt loses nothing already added.  A file
whose bytes are in the pool already is not read again; a file changed at a path already in
the pool replaces that path's entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from matcher.batch.inputs import BatchInput
from matcher.batch.options import AnalysisOptions
from matcher.batch.workers import run_batch
from matcher.document import ResumeText
from matcher.output.rows import FileError
from matcher.pool.entry import (
    Entry,
    analysis_key,
    analysis_version,
    make_entry,
    unpack,
    unpack_document,
)
from matcher.pool.store import Store, open_store, resume_skills, resumes

DUPLICATE_BITS = 3
"""SimHashes this close (differing bits of 64) mark nearly the same text."""


@dataclass(frozen=True)
class Added:
    """What ``pool add`` did with one file."""

    name: str
    status: str
    """``added``, ``replaced`` (a changed file), ``unchanged`` or ``failed``."""
    id: int | None = None
    error: FileError | None = None
    duplicates: tuple[tuple[str, str], ...] = ()
    """(name, why) of the entries that look like the same candidate."""
    seconds: float = 0.0


@dataclass(frozen=True)
class Listed:
    """One entry as ``pool list`` shows it."""

    id: int
    name: str
    added: float
    years: float | None
    best_level: str | None
    best_industry: str | None
    stale: bool


class Pool:
    """An open pool (see the module's text)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, db: str | None, *, create: bool = True) -> Pool:
        return cls(open_store(db, create=create))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        with self.store.transaction() as connection:
            return int(
                connection.execute(sa.select(sa.func.count()).select_from(resumes)).scalar_one()
            )

    # --- adding -------------------------------------------------------------------------

    def add(
        self,
        inputs: Sequence[BatchInput],
        options: AnalysisOptions,
        **batch: Any,
    ) -> Generator[Added, None, None]:
        """Analyse and store each input not stored yet; yield what became of each.

        ``batch``: :func:`matcher.batch.run_batch`'s keywords (jobs, timeout, scheduler,
        log_level)."""
        options = replace(options.dated(), keep=True)
        todo = []
        candidates = CandidateIndex()
        names: dict[int, str] = {}
        with self.store.transaction() as connection:
            known = set()
            for row in connection.execute(
                sa.select(
                    resumes.c.id,
                    resumes.c.digest,
                    resumes.c.name,
                    resumes.c.email,
                    resumes.c.phone,
                    resumes.c.simhash,
                )
            ):
                known.add(row.digest)
                names[row.id] = row.name
                candidates.add(row.id, (row.email, row.phone, row.simhash))
        for item in inputs:
            try:
                digest = hashlib.sha256(item.path.read_bytes()).hexdigest()
            except OSError:
                todo.append(item)  # its worker says why it cannot be read
                continue
            if digest in known:
                yield Added(item.name, "unchanged")
            else:
                todo.append(item)
        for result in run_batch(todo, options, cache=None, **batch):
            if result.entry is None:
                yield Added(result.file, "failed", error=result.error, seconds=result.seconds)
                continue
            yield self._store(result.entry, result.seconds, candidates, names)

    def _store(
        self, entry: Entry, seconds: float, candidates: CandidateIndex, names: dict[int, str]
    ) -> Added:
        with self.store.transaction() as connection:
            replaced = [
                row.id
                for row in connection.execute(
                    sa.select(resumes.c.id).where(
                        (resumes.c.digest == entry.digest) | (resumes.c.path == entry.path)
                    )
                )
            ]
            self._delete(connection, replaced)
            new_id = int(
                connection.execute(
                    sa.insert(resumes).values(entry.row()).returning(resumes.c.id)
                ).scalar_one()
            )
            self._index(connection, new_id, entry)
        for old in replaced:
            candidates.discard(old)
        key = (entry.email, entry.phone, entry.simhash)
        duplicates = tuple((names[other], why) for other, why in candidates.matches(key).items())
        candidates.add(new_id, key)
        names[new_id] = entry.name
        status = "replaced" if replaced else "added"
        return Added(entry.name, status, new_id, duplicates=duplicates, seconds=seconds)

    def _index(self, connection: Connection, entry_id: int, entry: Entry) -> None:
        """What search reads: the entry's skills, and in SQLite its text's FTS5 row."""
        if entry.skills:
            connection.execute(
                sa.insert(resume_skills),
                [
                    {"resume_id": entry_id, "skill_id": skill, "strength": strength, "years": years}
                    for skill, strength, years in entry.skills
                ],
            )
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(
                "INSERT INTO resume_search(rowid, text) VALUES (?, ?)", (entry_id, entry.text)
            )

    def _delete(self, connection: Connection, ids: Sequence[int]) -> None:
        if not ids:
            return
        if connection.dialect.name == "sqlite":
            for row in connection.execute(
                sa.select(resumes.c.id, resumes.c.text).where(resumes.c.id.in_(ids))
            ):
                connection.exec_driver_sql(
                    "INSERT INTO resume_search(resume_search, rowid, text) VALUES ('delete', ?, ?)",
                    (row.id, row.text),
                )
        connection.execute(sa.delete(resume_skills).where(resume_skills.c.resume_id.in_(ids)))
        connection.execute(sa.delete(resumes).where(resumes.c.id.in_(ids)))

    # --- reading ------------------------------------------------------------------------

    def remove(self, ids: Iterable[int]) -> int:
        """Remove entries by id; the number removed."""
        wanted = list(ids)
        with self.store.transaction() as connection:
            found = [
                row.id
                for row in connection.execute(
                    sa.select(resumes.c.id).where(resumes.c.id.in_(wanted))
                )
            ]
            self._delete(connection, found)
        return len(found)

    def ids_named(self, names: Iterable[str]) -> dict[str, list[int]]:
        """The ids of the entries of each name (or id, given as digits)."""
        found: dict[str, list[int]] = {}
        with self.store.transaction() as connection:
            for name in names:
                clause = resumes.c.name == name
                if name.isdigit():
                    clause = clause | (resumes.c.id == int(name))
                found[name] = [
                    row.id for row in connection.execute(sa.select(resumes.c.id).where(clause))
                ]
        return found

    def listing(self, options: AnalysisOptions) -> list[Listed]:
        current = analysis_version(options)
        with self.store.transaction() as connection:
            rows = connection.execute(
                sa.select(
                    resumes.c.id,
                    resumes.c.name,
                    resumes.c.added,
                    resumes.c.years,
                    resumes.c.headline,
                    resumes.c.version,
                ).order_by(resumes.c.name, resumes.c.id)
            ).all()
        listed = []
        for row in rows:
            headline = json.loads(row.headline)
            listed.append(
                Listed(
                    id=row.id,
                    name=row.name,
                    added=row.added,
                    years=row.years,
                    best_level=headline["best_level"],
                    best_industry=headline["best_industry"],
                    stale=row.version != current,
                )
            )
        return listed

    def report(self, entry_id: int) -> dict[str, Any] | None:
        """The stored report of one entry (``score --format json``'s object, no job)."""
        with self.store.transaction() as connection:
            found = connection.execute(
                sa.select(resumes.c.report).where(resumes.c.id == entry_id)
            ).scalar()
        return None if found is None else dict(unpack(found))

    def id_of(self, digest: str) -> int | None:
        """The id of the entry whose file's bytes have this sha256, if one has."""
        with self.store.transaction() as connection:
            found = connection.execute(
                sa.select(resumes.c.id).where(resumes.c.digest == digest)
            ).scalar()
        return None if found is None else int(found)

    def document(self, entry_id: int) -> ResumeText | None:
        """The lines of one entry as they were read (redacted in a redacted pool)."""
        with self.store.transaction() as connection:
            found = connection.execute(
                sa.select(resumes.c.document).where(resumes.c.id == entry_id)
            ).scalar()
        return None if found is None else unpack_document(found)

    def duplicate_groups(self) -> list[list[tuple[int, str]]]:
        """Groups of entries that look like one candidate (two or more each), as (id, name)."""
        with self.store.transaction() as connection:
            rows = connection.execute(
                sa.select(
                    resumes.c.id,
                    resumes.c.name,
                    resumes.c.email,
                    resumes.c.phone,
                    resumes.c.simhash,
                ).order_by(resumes.c.id)
            ).all()
        groups = candidate_groups([(r.email, r.phone, r.simhash) for r in rows])
        found: dict[int, list[tuple[int, str]]] = {}
        for row, group in zip(rows, groups, strict=True):
            found.setdefault(group, []).append((row.id, row.name))
        return [members for members in found.values() if len(members) > 1]

    # --- refreshing ---------------------------------------------------------------------

    def refresh(self, options: AnalysisOptions, *, jobs: int | None = None) -> int:
        """Analyse again, from their stored lines, the entries made by another analysis
        (another taxonomy or matcher, or a month that has turned); the number refreshed."""
        from joblib import Parallel, delayed

        from matcher.batch.workers import worker_count

        options = options.dated()
        current = _current_keys(options)
        with self.store.transaction() as connection:
            stale = connection.execute(
                sa.select(
                    resumes.c.id,
                    resumes.c.digest,
                    resumes.c.name,
                    resumes.c.path,
                    resumes.c.modified,
                    resumes.c.redacted,
                    resumes.c.document,
                ).where(resumes.c.analysis.not_in(current))
            ).all()
        if not stale:
            return 0
        tasks = [
            (row.document, row.digest, row.name, row.path, row.modified, row.redacted)
            for row in stale
        ]
        workers = worker_count(jobs, len(tasks))
        entries = Parallel(n_jobs=workers, batch_size=1)(
            delayed(_reanalyse)(task, options) for task in tasks
        )
        for row, entry in zip(stale, entries, strict=True):
            with self.store.transaction() as connection:
                self._delete(connection, [row.id])
                connection.execute(sa.insert(resumes).values({**entry.row(), "id": row.id}))
                self._index(connection, row.id, entry)
        return len(stale)


def _reanalyse(task: tuple[bytes, str, str, str, float, bool], options: AnalysisOptions) -> Entry:
    from matcher.batch.workers import prepare_worker

    document, digest, name, path, modified, redacted = task
    taxonomy = prepare_worker(options.taxonomy_file, options.spacy_model)
    return make_entry(
        unpack_document(document),
        taxonomy,
        replace(options, redact=redacted),
        digest=digest,
        name=name,
        path=path,
        modified=modified,
    )


def _current_keys(options: AnalysisOptions) -> list[str]:
    """The analysis keys a fresh entry may have under ``options`` (dated: see
    :meth:`AnalysisOptions.dated`)."""
    return [
        analysis_key(replace(options, redact=redact), dated_by_today=dated)
        for redact in (False, True)
        for dated in (False, True)
    ]


def duplicate_reason(
    first: tuple[str | None, str | None, int], second: tuple[str | None, str | None, int]
) -> str | None:
    """Why two entries (email and phone fingerprints, SimHash) look like one candidate."""
    if first[0] is not None and first[0] == second[0]:
        return "same email"
    if first[1] is not None and first[1] == second[1]:
        return "same phone"
    if bin((first[2] ^ second[2]) & (2**64 - 1)).count("1") <= DUPLICATE_BITS:
        return "nearly the same text"
    return None


Key = tuple[str | None, str | None, int]
"""What duplicates are found by: email and phone fingerprints, SimHash."""
_BANDS = DUPLICATE_BITS + 1
_BAND_WIDTH = 64 // _BANDS


class CandidateIndex:
    """Entries by what duplicates are found by, to find an entry's duplicates without
    comparing it with every other.

    Near texts are found by bands: two SimHashes within :data:`DUPLICATE_BITS` bits agree
    on at least one of ``DUPLICATE_BITS + 1`` bands, so only entries sharing a band are
    compared."""

    def __init__(self) -> None:
        self._keys: dict[int, Key] = {}
        self._buckets: dict[tuple[str, Any], list[int]] = {}

    def _places(self, key: Key) -> list[tuple[str, Any]]:
        email, phone, simhash = key
        unsigned = simhash & (2**64 - 1)
        places: list[tuple[str, Any]] = [
            (f"band {band}", (unsigned >> (band * _BAND_WIDTH)) & ((1 << _BAND_WIDTH) - 1))
            for band in range(_BANDS)
        ]
        places += [(kind, value) for kind, value in (("email", email), ("phone", phone)) if value]
        return places

    def add(self, entry: int, key: Key) -> None:
        self._keys[entry] = key
        for place in self._places(key):
            self._buckets.setdefault(place, []).append(entry)

    def discard(self, entry: int) -> None:
        key = self._keys.pop(entry, None)
        if key is not None:
            for place in self._places(key):
                self._buckets[place].remove(entry)

    def matches(self, key: Key) -> dict[int, str]:
        """The entries that look like the same candidate as ``key``, and why."""
        found: dict[int, str] = {}
        for place in self._places(key):
            for other in self._buckets.get(place, ()):
                if other not in found:
                    why = duplicate_reason(key, self._keys[other])
                    if why is not None:
                        found[other] = why
        return found


def candidate_groups(keys: Sequence[Key]) -> list[int]:
    """For each entry, the index of the first entry of its candidate: entries are one
    candidate when :func:`duplicate_reason` links them, directly or through others."""
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = CandidateIndex()
    for entry, key in enumerate(keys):
        for other in index.matches(key):
            a, b = root(entry), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
        index.add(entry, key)
    return [root(i) for i in range(len(keys))]


__all__ = ["Added", "Listed", "Pool", "candidate_groups", "duplicate_reason"]
