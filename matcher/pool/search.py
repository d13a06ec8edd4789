"""Searching a pool by skills and words: ``matcher pool search "pytorch kubernetes"``.

The query is read as the taxonomy's skills where it names them (by id, name or alias, the
longest first: "machine learning" is one skill, "k8s" is Kubernetes) and as words where it
does not.  An entry matches when it shows every skill and its text has every word (SQLite's
FTS5, or PostgreSQL's full-text search, both with English stemming).  Each hit comes with
its evidence: the lines that prove each skill, and the lines that hold each word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from matcher.pool.entry import unpack, unpack_document
from matcher.pool.pool import Pool
from matcher.pool.store import resume_skills, resumes

if TYPE_CHECKING:
    from skills_taxonomy import Taxonomy

DEFAULT_TOP = 20
DEFAULT_EVIDENCE = 3
"""Lines shown for each skill and each word of a hit."""
_LONGEST_SKILL_WORDS = 5
_QUERY_WORD = re.compile(r"[\w+#.-]+")


@dataclass(frozen=True)
class Query:
    """A search query read against the taxonomy (see the module's text)."""

    skills: tuple[str, ...]
    words: tuple[str, ...]

    @classmethod
    def read(cls, text: str, taxonomy: Taxonomy) -> Query:
        surfaces: dict[str, str] = {}
        for skill in taxonomy.skills:
            for surface in (skill.id, skill.name, *skill.aliases, *skill.forms):
                surfaces.setdefault(" ".join(surface.casefold().split()), skill.id)
        tokens = [token.strip(".,") for token in _QUERY_WORD.findall(text)]
        tokens = [token for token in tokens if token]
        skills: list[str] = []
        words: list[str] = []
        start = 0
        while start < len(tokens):
            for size in range(min(_LONGEST_SKILL_WORDS, len(tokens) - start), 0, -1):
                phrase = " ".join(tokens[start : start + size]).casefold()
                if phrase in surfaces:
                    skills.append(surfaces[phrase])
                    start += size
                    break
            else:
                words.append(tokens[start])
                start += 1
        return cls(tuple(dict.fromkeys(skills)), tuple(dict.fromkeys(words)))


@dataclass(frozen=True)
class Hit:
    """One entry that matches, with what proves it."""

    id: int
    name: str
    years: float | None
    best_level: str | None
    best_industry: str | None
    skills: dict[str, list[str]] = field(default_factory=dict)
    """Skill id -> the lines that prove it."""
    words: dict[str, list[str]] = field(default_factory=dict)
    """Query word -> the lines that hold it."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "file": self.name,
            "years": self.years,
            "best_level": self.best_level,
            "best_industry": self.best_industry,
            "skills": self.skills,
            "words": self.words,
        }


def search_pool(
    pool: Pool,
    query: Query,
    *,
    min_years: float | None = None,
    level: str | None = None,
    industry: str | None = None,
    top: int = DEFAULT_TOP,
    redact: bool = False,
) -> tuple[list[Hit], int]:
    """The best ``top`` entries that match ``query`` and the filters, and how many match."""
    dialect = pool.store.dialect
    clauses: list[sa.ColumnElement[bool]] = []
    strength: sa.ColumnElement[float] = sa.literal(0.0)
    for skill in query.skills:
        alias = resume_skills.alias()
        clauses.append(
            sa.exists().where((alias.c.resume_id == resumes.c.id) & (alias.c.skill_id == skill))
        )
        strength = strength + sa.func.coalesce(
            sa.select(alias.c.strength)
            .where((alias.c.resume_id == resumes.c.id) & (alias.c.skill_id == skill))
            .scalar_subquery(),
            0.0,
        )
    relevance: Any = sa.literal(0.0)
    if query.words:
        if dialect == "sqlite":
            fts = " ".join('"' + word.replace('"', '""') + '"' for word in query.words)
            matched = (
                sa.text(
                    "SELECT rowid AS id, -bm25(resume_search) AS relevance FROM resume_search "
                    "WHERE resume_search MATCH :fts"
                )
                .bindparams(fts=fts)
                .columns(sa.column("id"), sa.column("relevance"))
                .subquery()
            )
            clauses.append(resumes.c.id == matched.c.id)
            relevance = matched.c.relevance
        else:
            vector = sa.func.to_tsvector("english", resumes.c.text)
            wanted = sa.func.plainto_tsquery("english", " ".join(query.words))
            clauses.append(vector.bool_op("@@")(wanted))
            relevance = sa.func.ts_rank(vector, wanted)
    if min_years is not None:
        clauses.append(resumes.c.years >= min_years)
    if level is not None:
        clauses.append(resumes.c.best_level == level)
    if industry is not None:
        clauses.append(resumes.c.best_industry == industry)
    columns = [
        resumes.c.id,
        resumes.c.name,
        resumes.c.years,
        resumes.c.best_level,
        resumes.c.best_industry,
    ]
    found = sa.select(*columns).where(*clauses)
    if query.words and dialect == "sqlite":
        found = found.select_from(resumes.join(matched, resumes.c.id == matched.c.id))
    ranked = found.order_by(sa.desc(relevance + strength), resumes.c.name, resumes.c.id).limit(top)
    with pool.store.transaction() as connection:
        count = connection.execute(
            sa.select(sa.func.count()).select_from(found.subquery())
        ).scalar_one()
        rows = connection.execute(ranked).all()
        hits = [_evidence(connection, row, query, redact) for row in rows]
    return hits, int(count)


def _evidence(connection: sa.Connection, row: Any, query: Query, redact: bool) -> Hit:
    stored = connection.execute(
        sa.select(resumes.c.report, resumes.c.document).where(resumes.c.id == row.id)
    ).one()
    report = unpack(stored.report)
    skills = {
        skill["id"]: [item["text"] for item in skill["evidence"]][:DEFAULT_EVIDENCE]
        for skill in report["skills"]
        if skill["id"] in query.skills
    }
    lines = [line.text for line in unpack_document(stored.document).lines]
    from matcher.score.job_terms import stem

    words = {}
    for word in query.words:  # "deployed" shows the lines with "deploy", "deploying"...
        pattern = re.compile(rf"(?<!\w){re.escape(stem(word.lower()))}", re.IGNORECASE)
        words[word] = [line for line in lines if pattern.search(line)][:DEFAULT_EVIDENCE]
    hit = Hit(row.id, row.name, row.years, row.best_level, row.best_industry, skills, words)
    if not redact:
        return hit
    from matcher.output.finish import contact_of
    from matcher.output.redact import redact_candidate

    contact = contact_of(report["candidate"])
    return Hit(
        **{
            **hit.__dict__,
            "skills": redact_candidate(hit.skills, contact),
            "words": redact_candidate(hit.words, contact),
        }
    )


def describe(query: Query, taxonomy: Taxonomy) -> Sequence[str]:
    """The query as it was read: skills by name, then words."""
    return [*(taxonomy.skill(s).name for s in query.skills), *(f'"{w}"' for w in query.words)]
