"""The pool's database: SQLite in one file by default, PostgreSQL for a team.

One schema, written once with SQLAlchemy Core, serves both.  A resume is one row of
``resumes``, keyed by the sha256 of its bytes; the row holds the lines as read (to analyse
them again without the file), the report (``score --format json``'s object, without a
job), the terms a posting is matched on (:mod:`matcher.score.job_terms`) and what duplicates are
found by.  The schema's version is in ``meta``; :data:`MIGRATIONS` brings an older pool up
to date when it is opened, in one transaction.

Every change is a transaction: a crash or an interrupt leaves the pool as it was before
the change or after it, never between.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from matcher.errors import MatcherError, UsageError

SCHEMA_VERSION = 1
DEFAULT_DB = "matcher-pool.sqlite"
"""The pool's file when neither ``--db`` nor ``MATCHER_DB`` names one."""
DB_VARIABLE = "MATCHER_DB"

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

resumes = sa.Table(
    "resumes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column(
        "name",
        sa.Text,
        nullable=False,
        doc="The file's name in outputs (relative to the folder it was added from).",
    ),
    sa.Column(
        "path",
        sa.Text,
        nullable=False,
        index=True,
        doc="Where it was read from (a later ``add`` of a changed file there replaces it).",
    ),
    sa.Column(
        "modified",
        sa.Float,
        nullable=False,
        doc="The file's modification time (seconds since the epoch): a candidate's newest "
        "resume is the one ranked.",
    ),
    sa.Column("added", sa.Float, nullable=False),
    sa.Column(
        "analysis",
        sa.String(64),
        nullable=False,
        index=True,
        doc="The analysis key (:func:`matcher.pool.entry.analysis_key`): a row with "
        "another key is analysed again from its lines.",
    ),
    sa.Column(
        "version",
        sa.String(64),
        nullable=False,
        doc="What the analysis depends on but the month: matcher's code and data, the "
        "taxonomy, the spaCy model (an entry of another version is stale).",
    ),
    sa.Column("taxonomy_version", sa.String(32), nullable=False),
    sa.Column("matcher_version", sa.String(32), nullable=False),
    sa.Column("redacted", sa.Boolean, nullable=False),
    sa.Column(
        "email",
        sa.String(64),
        index=True,
        doc="sha256 of the candidate's email, lower-cased (duplicates are found by it).",
    ),
    sa.Column(
        "phone",
        sa.String(64),
        index=True,
        doc="sha256 of the phone number's last ten digits.",
    ),
    sa.Column(
        "simhash",
        sa.BigInteger,
        nullable=False,
        doc="A 64-bit SimHash of the resume's words: nearly the same text, nearly the same bits.",
    ),
    sa.Column("years", sa.Float, index=True),
    sa.Column("best_level", sa.String(64), index=True),
    sa.Column("best_industry", sa.String(64), index=True),
    sa.Column(
        "headline",
        sa.Text,
        nullable=False,
        doc="Level and industry scores as JSON, to rank without unpacking the report.",
    ),
    sa.Column(
        "text",
        sa.Text,
        nullable=False,
        doc="The resume's text, for full-text search.",
    ),
    sa.Column(
        "document",
        sa.LargeBinary,
        nullable=False,
        doc="The lines as read, compressed JSON (:func:`matcher.pool.entry.pack_document`).",
    ),
    sa.Column(
        "report",
        sa.LargeBinary,
        nullable=False,
        doc="``FitReport.to_dict()`` without a job, compressed JSON.",
    ),
    sa.Column(
        "terms",
        sa.LargeBinary,
        nullable=False,
        doc=":meth:`matcher.score.job_terms.ResumeTerms.pack`.",
    ),
)

resume_skills = sa.Table(
    "resume_skills",
    metadata,
    sa.Column("resume_id", sa.Integer, sa.ForeignKey("resumes.id"), primary_key=True),
    sa.Column("skill_id", sa.String(64), primary_key=True, index=True),
    sa.Column("strength", sa.Float, nullable=False),
    sa.Column("years", sa.Float),
)
"""Each entry's skills, to search by (``pool search``)."""


class PoolError(MatcherError):
    """The pool's database cannot be opened or used."""

    code = "pool"
    hint = "Check --db (a file name, sqlite:///FILE or postgresql://USER@HOST/DB)."


def database_url(db: str | None) -> str:
    """The SQLAlchemy URL of ``db`` (a file name or a URL), ``MATCHER_DB`` or the default."""
    chosen = db or os.environ.get(DB_VARIABLE) or DEFAULT_DB
    if chosen.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + chosen.split("://", 1)[1]
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen)}"


def database_files(db: str | None) -> list[Path]:
    """The files of a SQLite pool (the database and its journal files); none for a server."""
    parsed = sa.engine.make_url(database_url(db))
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return []
    path = Path(parsed.database)
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def describe(url: str) -> str:
    """The database for messages, without its password."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


@dataclass
class Store:
    """An open pool database."""

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except sa.exc.OperationalError as exc:
            raise PoolError(f"the pool at {describe(self.url)}: {_reason(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | None, *, create: bool = True) -> Store:
    """Open (and with ``create``, create or migrate) the pool at ``db`` (see
    :func:`database_url`).  Raises :class:`PoolError` when it cannot be reached, and
    :class:`~matcher.errors.UsageError` for a URL of a database matcher does not support."""
    url = database_url(db)
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise UsageError(f"--db {db!r} is neither a file name nor a database URL") from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise UsageError(
            f"--db: matcher keeps a pool in SQLite or PostgreSQL, not {parsed.drivername}"
        )
    if parsed.get_backend_name() == "sqlite":
        folder = Path(parsed.database or ".").absolute().parent
        if not folder.is_dir():
            raise UsageError(f"--db: no folder {str(folder)!r} for the pool's file")
        if not create and not Path(parsed.database or "").exists():
            raise UsageError(
                f"no pool at {parsed.database}: `matcher pool add` makes one",
            )
    try:
        engine = sa.create_engine(url)
    except ImportError as exc:
        raise UsageError(
            f"--db {describe(url)}: its database driver is not installed",
            hint="pip install 'ai-role-matcher[postgres]'",
        ) from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine, url)
    with store.transaction() as connection:
        _migrate(connection)
    return store


def _sqlite_pragmas(connection: Any, record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers go on while a pool add writes
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _reason(exc: sa.exc.DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS resume_search USING fts5("
            "text, content='resumes', content_rowid='id', tokenize='porter unicode61')"
        )
    else:
        connection.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS resumes_search ON resumes "
            "USING gin (to_tsvector('english', text))"
        )


MIGRATIONS: Sequence[Callable[[Connection], None]] = (_create_v1,)
"""``MIGRATIONS[n]`` brings a pool of schema version ``n`` to ``n + 1`` (0: an empty one)."""


def _migrate(connection: Connection) -> None:
    version = 0
    if sa.inspect(connection).has_table("meta"):
        found = connection.execute(
            sa.select(meta.c.value).where(meta.c.key == "schema_version")
        ).scalar()
        version = int(found) if found is not None else 0
    if version > SCHEMA_VERSION:
        raise PoolError(
            f"the pool has schema version {version}, newer than this matcher's {SCHEMA_VERSION}",
            hint="Upgrade matcher to use this pool.",
        )
    for step in MIGRATIONS[version:]:
        step(connection)
    if version != SCHEMA_VERSION:
        connection.execute(sa.delete(meta).where(meta.c.key == "schema_version"))
        connection.execute(sa.insert(meta).values(key="schema_version", value=str(SCHEMA_VERSION)))
