"""A resume's words as job matching reads them, and the ``text`` and ``coverage``
components of :mod:`matcher.score.job` for many resumes at once.

:class:`ResumeTerms` holds what a posting is compared with: the resume's words with their
sublinear term frequency (``text``), its content terms marked as found in the work history
or only elsewhere (``coverage``), its skills' strengths, its years and its length.  It packs
into a few kilobytes (:meth:`ResumeTerms.pack`), so a pool of stored resumes is matched
against a new posting without reading a file or parsing anything again.

:func:`text_similarities`, :func:`coverages` and :func:`weighted_shares` compute the
components for a whole pool with a few array operations:
only the posting's own terms are looked up in each resume.  Scoring one resume
(:func:`matcher.score.job.score_job`) goes through the same function with a pool of one, so a
resume scores the same, to the last bit, in ``score``, ``batch`` and ``pool rank``.

The ``text`` component is the cosine of the two texts' TF-IDF vectors with the IDF fitted
on the pair, as scikit-learn's ``TfidfVectorizer(stop_words="english", sublinear_tf=True)``
gives it: a word in both texts has an IDF of 1, a word in one of them ``1 + ln 1.5``.  With
``a`` the resume's weights, ``b`` the posting's and ``c`` that IDF::

    cos = sum(a_t b_t, t in both) / sqrt(A B)
    A = c² |a|² - (c² - 1) sum(a_t², t in both)
    B = c² |b|² - (c² - 1) sum(b_t², t in both)

so each resume needs only ``|a|²`` and its weights on the posting's words.
"""

from __future__ import annotations

import hashlib
import math
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

PACK_VERSION = 2
"""The layout of :meth:`ResumeTerms.pack`; a stored pack of another layout is analysed again."""
IDF_ONE_SIDED = 1.0 + math.log(1.5)
"""The IDF scikit-learn gives a word found in one text of two (smooth IDF)."""
DIRECT = 1
"""A content term of the work history (or of a resume with no work history found)."""
ASIDE = 2
"""A content term found only outside the work history (a skills list, a summary)."""
RECENT = 4
"""Added to :data:`DIRECT` for a term of the candidate's most recent positions."""

_TOKEN = b"t\0"
_CONTENT = b"c\0"
_SKILL = b"s\0"
_HEADER = struct.Struct("<BIII?ddI")
"""Layout version; tokens, content terms and skills; years known, years; the sum of the
squared token weights; words."""


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True).build_analyzer()


def token_weights(text: str) -> dict[str, float]:
    """Each word of ``text`` as scikit-learn's TF-IDF reads it, with ``1 + ln(count)``."""
    counts: dict[str, int] = {}
    for token in _analyzer()(text):
        counts[token] = counts.get(token, 0) + 1
    return {token: 1.0 + math.log(count) for token, count in counts.items()}


def term_hash(kind: bytes, term: str) -> int:
    """A stable 64-bit id of a term (its kind apart): the same in every process and release."""
    digest = hashlib.blake2b(kind + term.encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "little", signed=True)


@dataclass(frozen=True)
class ResumeTerms:
    """What a posting is compared with in a resume (see the module's text)."""

    tokens: Mapping[str, float]
    """Word -> ``1 + ln(count)`` over the resume's text with its work history counted twice."""
    content: Mapping[str, int]
    """Content term (:func:`matcher.score.posting.content_terms`) -> :data:`DIRECT` or
    :data:`ASIDE`."""
    strengths: Mapping[str, float]
    """Skill id -> strength (:func:`matcher.score.features.skill_strengths`)."""
    years: float | None
    """The resume's total years of experience."""
    words: int
    """Words in the resume (a very short one is too little to judge)."""

    def pack(self) -> bytes:
        """The terms as bytes for a store: each kind's hashed terms, sorted, with their
        weights; the skills also by name.  :meth:`TermMatrix.from_packs` reads many packs
        back with a few array operations, no Python object per term."""
        tokens = sorted((term_hash(_TOKEN, t), w) for t, w in self.tokens.items())
        content = sorted((term_hash(_CONTENT, t), f) for t, f in self.content.items())
        skills = sorted((term_hash(_SKILL, s), w) for s, w in self.strengths.items())
        names = "\n".join(f"{k}\t{v!r}" for k, v in sorted(self.strengths.items()))
        return b"".join(
            (
                _HEADER.pack(
                    PACK_VERSION,
                    len(tokens),
                    len(content),
                    len(skills),
                    self.years is not None,
                    self.years if self.years is not None else 0.0,
                    squared_norm(self.tokens),
                    self.words,
                ),
                np.array([h for h, _ in tokens], "<i8").tobytes(),
                np.array([w for _, w in tokens], "<f8").tobytes(),
                np.array([h for h, _ in skills], "<i8").tobytes(),
                np.array([w for _, w in skills], "<f8").tobytes(),
                np.array([h for h, _ in content], "<i8").tobytes(),
                np.array([f for _, f in content], "u1").tobytes(),
                names.encode("utf-8"),
            )
        )


def squared_norm(tokens: Mapping[str, float]) -> float:
    return math.fsum(weight * weight for weight in tokens.values())


@dataclass(frozen=True)
class PostingTerms:
    """A posting's side of the comparison: its words' weights and its requirement lines."""

    tokens: Mapping[str, float]
    lines: Sequence[tuple[frozenset[str], float]]
    """Each body line's content terms and its weight (``JobPosting.requirements``)."""

    @classmethod
    def of(cls, text: str, requirements: Sequence[tuple[frozenset[str], float]]) -> PostingTerms:
        return cls(tokens=token_weights(text) if text.strip() else {}, lines=tuple(requirements))


@dataclass(frozen=True)
class Kind:
    """Every resume's terms of one kind, concatenated: hashes, values, and whose they are."""

    hashes: NDArray[np.int64]
    values: NDArray[Any]
    rows: NDArray[np.int64]

    def lookup(self, wanted: Sequence[int]) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
        """Which entries are among the ``wanted`` hashes, and the index in ``wanted`` of each.

        A table of the wanted hashes' low bits rules out almost every entry at the cost of
        one memory read each; the rest are looked up exactly."""
        found = np.zeros(len(self.hashes), bool)
        index = np.zeros(len(self.hashes), np.int64)
        if not wanted or not len(self.hashes):
            return found, index
        keys = np.array(wanted, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        table = np.zeros(_FILTER_SIZE, bool)
        table[keys & (_FILTER_SIZE - 1)] = True
        maybe = np.flatnonzero(table[self.hashes & (_FILTER_SIZE - 1)])
        place = np.searchsorted(keys, self.hashes[maybe])
        place[place == len(keys)] = 0
        hit = keys[place] == self.hashes[maybe]
        found[maybe[hit]] = True
        index[maybe[hit]] = order[place[hit]]
        return found, index


_FILTER_SIZE = 1 << 20


@dataclass(frozen=True)
class TermMatrix:
    """Many resumes' terms side by side (:meth:`from_packs`)."""

    tokens: Kind
    """Values: ``1 + ln(count)``."""
    skills: Kind
    """Values: the skill's strength."""
    content: Kind
    """Values: :data:`DIRECT` or :data:`ASIDE`."""
    norms: NDArray[np.float64]
    """Per resume: the sum of its squared token weights."""
    years: tuple[float | None, ...]
    words: NDArray[np.int64]
    packs: Sequence[bytes]

    def __len__(self) -> int:
        return len(self.norms)

    @classmethod
    def of(cls, terms: Sequence[ResumeTerms]) -> TermMatrix:
        return cls.from_packs([t.pack() for t in terms])

    @classmethod
    def from_packs(cls, packs: Sequence[bytes]) -> TermMatrix:
        """The matrix of packed terms (:meth:`ResumeTerms.pack`), in the given order.

        Raises ValueError on a pack of another layout (:data:`PACK_VERSION`)."""
        parts: list[list[bytes]] = [[] for _ in range(6)]
        counts = np.zeros((len(packs), 3), np.int64)  # tokens, content terms, skills
        norms = np.zeros(len(packs))
        words = np.zeros(len(packs), np.int64)
        years: list[float | None] = []
        for row, data in enumerate(packs):
            version, tokens, content, skills, known, value, norm, count = _HEADER.unpack_from(data)
            if version != PACK_VERSION:
                raise ValueError(f"terms packed in layout {version}, not {PACK_VERSION}")
            counts[row] = (tokens, content, skills)
            norms[row], words[row] = norm, count
            years.append(value if known else None)
            start = _HEADER.size
            for part, size in zip(parts, _sizes(tokens, content, skills), strict=True):
                part.append(data[start : start + size])
                start += size
        rows = np.arange(len(packs))

        def kind(hashes: int, values: int, dtype: str, column: int) -> Kind:
            return Kind(
                np.frombuffer(b"".join(parts[hashes]), "<i8"),
                np.frombuffer(b"".join(parts[values]), dtype),
                np.repeat(rows, counts[:, column]),
            )

        return cls(
            tokens=kind(0, 1, "<f8", 0),
            skills=kind(2, 3, "<f8", 2),
            content=kind(4, 5, "u1", 1),
            norms=norms,
            years=tuple(years),
            words=words,
            packs=packs,
        )

    def strengths_of(self, row: int) -> dict[str, float]:
        """Skill id -> strength of one resume."""
        data = self.packs[row]
        _, tokens, content, skills, *_ = _HEADER.unpack_from(data)
        names = data[_HEADER.size + sum(_sizes(tokens, content, skills)) :].decode("utf-8")
        return {k: float(v) for k, v in (line.split("\t") for line in names.splitlines())}

    def skill_strengths(self, skills: Sequence[str]) -> NDArray[np.float64]:
        """Every resume's strength of each of ``skills`` (0 where it does not show it), one
        column a skill."""
        found, index = self.skills.lookup([term_hash(_SKILL, skill) for skill in skills])
        columns = np.zeros((len(self), len(skills)))
        columns[self.skills.rows[found], index[found]] = self.skills.values[found]
        return columns


def _sizes(tokens: int, content: int, skills: int) -> tuple[int, ...]:
    """Bytes of each part of a pack after its header, in order."""
    return (8 * tokens, 8 * tokens, 8 * skills, 8 * skills, 8 * content, content)


def weighted_shares(
    matrix: TermMatrix, weights: Mapping[str, float], *, floor: float = 0.0
) -> NDArray[np.float64]:
    """:func:`matcher.score.features.weighted_share` of every resume: the same sums, in the same
    order, so the same numbers to the last bit.

    With a ``floor``, the share is of ``max(total weight, floor)``: a resume that shows the one
    skill a posting names has shown less than one that shows five of five."""
    total = sum(weights.values())
    if total <= 0:
        return np.zeros(len(matrix))
    strengths = np.minimum(matrix.skill_strengths(list(weights)), 1.0)
    found = np.zeros(len(matrix))
    for column, weight in enumerate(weights.values()):
        found = found + strengths[:, column] * weight
    return found / max(total, floor)


def text_similarities(matrix: TermMatrix, posting: PostingTerms) -> NDArray[np.float64]:
    """The ``text`` component of each resume: TF-IDF cosine with the posting (module text)."""
    n = len(matrix)
    if not posting.tokens:
        return np.zeros(n)
    words = list(posting.tokens)
    mine = np.array([posting.tokens[w] for w in words])
    found, index = matrix.tokens.lookup([term_hash(_TOKEN, w) for w in words])
    rows = matrix.tokens.rows[found]
    theirs = matrix.tokens.values[found]
    ours = mine[index[found]]
    dot = np.bincount(rows, weights=theirs * ours, minlength=n)
    shared_theirs = np.bincount(rows, weights=theirs * theirs, minlength=n)
    shared_ours = np.bincount(rows, weights=ours * ours, minlength=n)
    c2 = IDF_ONE_SIDED * IDF_ONE_SIDED
    theirs_norm = c2 * matrix.norms - (c2 - 1) * shared_theirs
    ours_norm = c2 * squared_norm(posting.tokens) - (c2 - 1) * shared_ours
    denominator = np.sqrt(np.clip(theirs_norm, 0.0, None) * np.clip(ours_norm, 0.0, None))
    safe = np.where(denominator > 0, denominator, 1.0)
    cosine = np.where(denominator > 0, dot / safe, 0.0)
    return np.clip(cosine, 0.0, 1.0)


def coverages(
    matrix: TermMatrix,
    posting: PostingTerms,
    *,
    elsewhere_weight: float,
    recent: bool = False,
    floor: float = 0.0,
    keyword_words: int = 0,
    keyword_credit: float = 0.0,
) -> NDArray[np.float64]:
    """The ``coverage`` component of each resume: for each posting line, the share of its
    terms the resume's work history has (a term only elsewhere counts ``elsewhere_weight``),
    weighted like the line; the same sums in the same order as :func:`matcher.score.job.coverage`.
    The lines' weights are summed to at least ``floor``: answering both lines of a posting of
    two says less than answering five lines of five.

    A line of two to ``keyword_words`` words is one keyword ("inventory management"): it
    counts at least ``keyword_credit`` times twice the share of its words the resume has (up
    to ``keyword_credit``), side by side or not (:func:`line_credit`).

    With ``recent``, the ``recent`` component: the same share of terms in the candidate's
    most recent positions alone (:data:`RECENT`), nothing counted from elsewhere."""
    n = len(matrix)
    total = sum(weight for _, weight in posting.lines)
    if total <= 0:
        return np.zeros(n)
    terms = sorted({term for line, _ in posting.lines for term in line})
    column = {term: j for j, term in enumerate(terms)}
    found, index = matrix.content.lookup([term_hash(_CONTENT, t) for t in terms])
    direct = np.zeros((n, len(terms)), np.uint8)
    aside = np.zeros((n, len(terms)), np.uint8)
    rows, cols, flags = matrix.content.rows[found], index[found], matrix.content.values[found]
    counted = (flags & (RECENT if recent else DIRECT)) > 0
    direct[rows[counted], cols[counted]] = 1
    if not recent:
        aside[rows[flags == ASIDE], cols[flags == ASIDE]] = 1
    result = np.zeros(n)
    for line, weight in posting.lines:
        picked = [column[term] for term in line]
        here = direct[:, picked].sum(axis=1, dtype=np.float64)
        there = aside[:, picked].sum(axis=1, dtype=np.float64)
        share = (here + elsewhere_weight * there) / len(line)
        if is_keyword(line, keyword_words):
            words = [column[term] for term in line if " " not in term]
            here = direct[:, words].sum(axis=1, dtype=np.float64)
            there = aside[:, words].sum(axis=1, dtype=np.float64)
            in_part = (here + elsewhere_weight * there) / len(words)
            share = line_credit(share, in_part, keyword_credit)
        result += weight * share
    return result / max(total, floor)


def is_keyword(line: frozenset[str], keyword_words: int) -> bool:
    """Whether a posting line's terms (words and pairs) are one keyword of two to
    ``keyword_words`` words."""
    words = sum(1 for term in line if " " not in term)
    return 1 < words <= keyword_words


def line_credit(
    share: NDArray[np.float64], word_share: NDArray[np.float64], keyword_credit: float
) -> NDArray[np.float64]:
    """A keyword line's credit: its share of words and pairs, or ``keyword_credit`` from half
    its words on, whichever is more.

    Recruiters paste keywords ("inventory management", "customer service"), and a resume that
    managed a warehouse's inventory, or served customers, answers them in part without the
    phrase: its words apart say more than a third of a line does for a sentence."""
    return np.maximum(share, keyword_credit * np.minimum(2 * word_share, 1.0))


_MIN_STEM = 4


def stem(word: str) -> str:
    """A light stemmer: plurals, -ing, -ed and a final -e ("manages", "managed" -> "manag")."""
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > _MIN_STEM:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > _MIN_STEM else word
