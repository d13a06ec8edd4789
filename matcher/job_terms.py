"""A resume's words as job matching reads them, and the ``text`` and ``coverage``
components of :mod:`matcher.job` for many resumes at once.

:class:`ResumeTerms` holds what a posting is compared with: the resume's words with their
sublinear term frequency (``text``), its content terms marked as found in the work history
or only elsewhere (``coverage``), its skills' strengths, its years and its length.  It packs
into a few kilobytes (:meth:`ResumeTerms.pack`), so a pool of stored resumes is matched
against a new posting without reading a file or parsing anything again.

:func:`match_terms` computes both components for a whole pool with a few array operations:
only the posting's own terms are looked up in each resume.  Scoring one resume
(:func:`matcher.job.score_job`) goes through the same function with a pool of one, so a
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

PACK_VERSION = 1
"""The layout of :meth:`ResumeTerms.pack`; a stored pack of another layout is analysed again."""
IDF_ONE_SIDED = 1.0 + math.log(1.5)
"""The IDF scikit-learn gives a word found in one text of two (smooth IDF)."""
DIRECT = 1
"""A content term of the work history (or of a resume with no work history found)."""
ASIDE = 2
"""A content term found only outside the work history (a skills list, a summary)."""

_TOKEN = b"t\0"
_CONTENT = b"c\0"
_HEADER = struct.Struct("<BII?d")  # version, tokens, content terms, years known, years
_FOOTER = struct.Struct("<dI")  # sum of squared token weights, word count


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
    """Content term (:func:`matcher.job.content_terms`) -> :data:`DIRECT` or :data:`ASIDE`."""
    strengths: Mapping[str, float]
    """Skill id -> strength (:func:`matcher.features.skill_strengths`)."""
    years: float | None
    """The resume's total years of experience."""
    words: int
    """Words in the resume (a very short one is too little to judge)."""

    def pack(self) -> bytes:
        """The terms as bytes for a store: hashed terms, sorted, with their weights; the
        skills as text.  :func:`TermMatrix.from_packs` reads them back without Python
        objects per term."""
        entries = sorted(
            [(term_hash(_TOKEN, t), weight, 0) for t, weight in self.tokens.items()]
            + [(term_hash(_CONTENT, t), 0.0, flag) for t, flag in self.content.items()]
        )
        hashes = np.array([e[0] for e in entries], dtype="<i8")
        weights = np.array([e[1] for e in entries], dtype="<f8")
        flags = np.array([e[2] for e in entries], dtype="u1")
        skills = "\n".join(f"{k}\t{v!r}" for k, v in sorted(self.strengths.items()))
        years = self.years if self.years is not None else 0.0
        return b"".join(
            (
                _HEADER.pack(
                    PACK_VERSION, len(self.tokens), len(self.content), self.years is not None, years
                ),
                _FOOTER.pack(squared_norm(self.tokens), self.words),
                hashes.tobytes(),
                weights.tobytes(),
                flags.tobytes(),
                skills.encode("utf-8"),
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
class TermMatrix:
    """Many resumes' terms side by side: every resume's entries concatenated."""

    hashes: NDArray[np.int64]
    weights: NDArray[np.float64]
    flags: NDArray[np.uint8]
    rows: NDArray[np.int64]
    """The resume (0..n-1) of each entry."""
    norms: NDArray[np.float64]
    """Per resume: the sum of its squared token weights."""
    strengths: tuple[Mapping[str, float], ...]
    years: tuple[float | None, ...]
    words: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.norms)

    @classmethod
    def of(cls, terms: Sequence[ResumeTerms]) -> TermMatrix:
        return cls.from_packs([t.pack() for t in terms])

    @classmethod
    def from_packs(cls, packs: Sequence[bytes]) -> TermMatrix:
        """The matrix of packed terms (:meth:`ResumeTerms.pack`), in the given order.

        Raises ValueError on a pack of another layout (:data:`PACK_VERSION`)."""
        hashes, weights, flags, rows = [], [], [], []
        norms, strengths, years, words = [], [], [], []
        for row, data in enumerate(packs):
            version, n_tokens, n_content, known, value = _HEADER.unpack_from(data)
            if version != PACK_VERSION:
                raise ValueError(f"terms packed in layout {version}, not {PACK_VERSION}")
            norm, count = _FOOTER.unpack_from(data, _HEADER.size)
            size = n_tokens + n_content
            start = _HEADER.size + _FOOTER.size
            hashes.append(np.frombuffer(data, "<i8", size, start))
            start += 8 * size
            weights.append(np.frombuffer(data, "<f8", size, start))
            start += 8 * size
            flags.append(np.frombuffer(data, "u1", size, start))
            rows.append(np.full(size, row, dtype=np.int64))
            skills = data[start + size :].decode("utf-8")
            strengths.append(
                {k: float(v) for k, v in (line.split("\t") for line in skills.splitlines())}
            )
            norms.append(norm)
            years.append(value if known else None)
            words.append(count)
        return cls(
            hashes=np.concatenate(hashes) if hashes else np.zeros(0, np.int64),
            weights=np.concatenate(weights) if weights else np.zeros(0),
            flags=np.concatenate(flags) if flags else np.zeros(0, np.uint8),
            rows=np.concatenate(rows) if rows else np.zeros(0, np.int64),
            norms=np.array(norms, dtype=np.float64),
            strengths=tuple(strengths),
            years=tuple(years),
            words=tuple(words),
        )


def _lookup(
    matrix: TermMatrix, wanted: Sequence[int]
) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
    """Which entries are among ``wanted`` hashes, and the index in ``wanted`` of each."""
    if not wanted or not len(matrix.hashes):
        return np.zeros(len(matrix.hashes), bool), np.zeros(len(matrix.hashes), np.int64)
    order = np.argsort(np.array(wanted, dtype=np.int64), kind="stable")
    keys = np.array(wanted, dtype=np.int64)[order]
    place = np.searchsorted(keys, matrix.hashes)
    place[place == len(keys)] = 0
    found = keys[place] == matrix.hashes
    return found, order[place]


def text_similarities(matrix: TermMatrix, posting: PostingTerms) -> NDArray[np.float64]:
    """The ``text`` component of each resume: TF-IDF cosine with the posting (module text)."""
    n = len(matrix)
    if not posting.tokens:
        return np.zeros(n)
    words = list(posting.tokens)
    mine = np.array([posting.tokens[w] for w in words])
    found, index = _lookup(matrix, [term_hash(_TOKEN, w) for w in words])
    found &= matrix.flags == 0
    rows = matrix.rows[found]
    theirs = matrix.weights[found]
    ours = mine[index[found]]
    dot = np.bincount(rows, weights=theirs * ours, minlength=n)
    shared_theirs = np.bincount(rows, weights=theirs * theirs, minlength=n)
    shared_ours = np.bincount(rows, weights=ours * ours, minlength=n)
    c2 = IDF_ONE_SIDED * IDF_ONE_SIDED
    theirs_norm = c2 * matrix.norms - (c2 - 1) * shared_theirs
    ours_norm = c2 * squared_norm(posting.tokens) - (c2 - 1) * shared_ours
    denominator = np.sqrt(np.clip(theirs_norm, 0.0, None) * np.clip(ours_norm, 0.0, None))
    with np.errstate(invalid="ignore", divide="ignore"):
        cosine = np.where(denominator > 0, dot / np.where(denominator > 0, denominator, 1), 0.0)
    return np.clip(cosine, 0.0, 1.0)


def coverages(
    matrix: TermMatrix, posting: PostingTerms, *, elsewhere_weight: float
) -> NDArray[np.float64]:
    """The ``coverage`` component of each resume: for each posting line, the share of its
    terms the resume's work history has (a term only elsewhere counts ``elsewhere_weight``),
    weighted like the line; the same sums in the same order as :func:`matcher.job.coverage`."""
    n = len(matrix)
    total = sum(weight for _, weight in posting.lines)
    if total <= 0:
        return np.zeros(n)
    terms = sorted({term for line, _ in posting.lines for term in line})
    column = {term: j for j, term in enumerate(terms)}
    found, index = _lookup(matrix, [term_hash(_CONTENT, t) for t in terms])
    found &= matrix.flags != 0
    direct = np.zeros((n, len(terms) or 1), np.uint8)
    aside = np.zeros((n, len(terms) or 1), np.uint8)
    rows, cols, flags = matrix.rows[found], index[found], matrix.flags[found]
    direct[rows[flags == DIRECT], cols[flags == DIRECT]] = 1
    aside[rows[flags == ASIDE], cols[flags == ASIDE]] = 1
    result = np.zeros(n)
    for line, weight in posting.lines:
        picked = [column[term] for term in line]
        here = direct[:, picked].sum(axis=1, dtype=np.float64)
        there = aside[:, picked].sum(axis=1, dtype=np.float64)
        result += weight * (here + elsewhere_weight * there) / len(line)
    return result / total


def match_terms(
    matrix: TermMatrix, posting: PostingTerms, *, elsewhere_weight: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(``text``, ``coverage``) of every resume of ``matrix`` against ``posting``."""
    return (
        text_similarities(matrix, posting),
        coverages(matrix, posting, elsewhere_weight=elsewhere_weight),
    )


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
