"""The text and coverage components over many resumes at once (``matcher.score.job_terms``)
against their definitions: scikit-learn's TF-IDF cosine of the pair, and
:func:`matcher.score.job.coverage` line by line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from matcher.score.features import weighted_share
from matcher.score.job import JOB_SETTINGS, coverage
from matcher.score.job_terms import (
    ASIDE,
    DIRECT,
    PostingTerms,
    ResumeTerms,
    TermMatrix,
    coverages,
    text_similarities,
    token_weights,
    weighted_shares,
)
from matcher.score.posting import content_terms

# fmt: off
WORDS = st.sampled_from([
    "python", "pytorch", "model", "models", "deploy", "deployed", "kubernetes", "data",
    "pipeline", "pipelines", "the", "and", "of", "retail", "store", "manager", "cash",
    "customer", "service", "safety", "forklift", "rag", "llm", "sql", "spark",
])
# fmt: on
TEXTS = st.lists(WORDS, min_size=0, max_size=40).map(" ".join)
KEYWORDS = st.lists(WORDS, min_size=2, max_size=3).map(" ".join)
"""A posting's line of two or three words: one keyword (``JobSettings.keyword_words``)."""


def sklearn_cosine(first: str, second: str) -> float:
    if not first.strip() or not second.strip():
        return 0.0
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([first, second])
    except ValueError:  # only stop words
        return 0.0
    return float(cosine_similarity(matrix[0], matrix[1])[0, 0])


def terms(text: str, work: str = "") -> ResumeTerms:
    every = content_terms(text)
    direct = content_terms(work) if work else every
    content = {**dict.fromkeys(every - direct, ASIDE), **dict.fromkeys(direct, DIRECT)}
    return ResumeTerms(
        tokens=token_weights(text), content=content, strengths={}, years=None, words=0
    )


@settings(max_examples=60, deadline=None)
@given(resumes=st.lists(TEXTS, min_size=1, max_size=5), posting=TEXTS)
def test_text_is_the_tfidf_cosine_of_each_pair(resumes: list[str], posting: str) -> None:
    matrix = TermMatrix.of([terms(text) for text in resumes])
    found = text_similarities(matrix, PostingTerms.of(posting, ()))
    for text, value in zip(resumes, found, strict=True):
        assert value == pytest.approx(sklearn_cosine(text, posting), abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    resumes=st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=5),
    lines=st.lists(st.one_of(TEXTS, KEYWORDS), min_size=1, max_size=6),
)
def test_coverage_is_the_line_by_line_share_to_the_last_bit(
    resumes: list[tuple[str, str]], lines: list[str]
) -> None:
    requirements = [
        (words, 1.0 - 0.1 * i) for i, line in enumerate(lines) if (words := content_terms(line))
    ]
    matrix = TermMatrix.of([terms(f"{text}\n{work}", work) for text, work in resumes])
    floor = JOB_SETTINGS.lines_for_full_coverage
    found = coverages(
        matrix,
        PostingTerms.of("", requirements),
        elsewhere_weight=JOB_SETTINGS.elsewhere_weight,
        floor=floor,
        keyword_words=JOB_SETTINGS.keyword_words,
        keyword_credit=JOB_SETTINGS.keyword_credit,
    )
    for (text, work), value in zip(resumes, found, strict=True):
        every = content_terms(f"{text}\n{work}")
        expected = (
            coverage(content_terms(work), requirements, elsewhere=every, floor=floor)
            if work
            else coverage(every, requirements, floor=floor)
        )
        assert value == expected


def test_a_pack_reads_back_as_it_was_written() -> None:
    original = ResumeTerms(
        tokens={"pytorch": 1.0, "model": 1.6931471805599454},
        content={"pytorch": DIRECT, "model": ASIDE},
        strengths={"pytorch": 1.0, "deep-learning": 0.9},
        years=4.5,
        words=321,
    )
    empty = ResumeTerms(tokens={}, content={}, strengths={}, years=None, words=0)
    matrix = TermMatrix.from_packs([original.pack(), empty.pack()])
    assert matrix.strengths_of(0) == {"deep-learning": 0.9, "pytorch": 1.0}
    assert matrix.strengths_of(1) == {}
    assert matrix.skill_strengths(["deep-learning", "rag"]).tolist() == [[0.9, 0.0], [0.0, 0.0]]
    assert matrix.years == (4.5, None)
    assert list(matrix.words) == [321, 0]
    for kind in (matrix.tokens, matrix.content, matrix.skills):
        assert list(kind.rows) == [0, 0]
    assert matrix.norms[0] == pytest.approx(1.0 + 1.6931471805599454**2)
    with pytest.raises(ValueError, match="layout"):
        TermMatrix.from_packs([b"\x09" + original.pack()[1:]])


@settings(max_examples=60, deadline=None)
@given(
    found=st.lists(
        st.dictionaries(st.sampled_from("abcdef"), st.floats(0.05, 1.2)), min_size=1, max_size=5
    ),
    wanted=st.dictionaries(st.sampled_from("abcdefg"), st.floats(0.1, 1.0)),
)
def test_skill_shares_are_weighted_share_to_the_last_bit(
    found: list[dict[str, float]], wanted: dict[str, float]
) -> None:
    matrix = TermMatrix.of(
        [ResumeTerms(tokens={}, content={}, strengths=s, years=None, words=0) for s in found]
    )
    for strengths, value in zip(found, weighted_shares(matrix, wanted), strict=True):
        assert value == weighted_share(strengths, wanted)
