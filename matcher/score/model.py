"""The scikit-learn similarity model: how close a resume is to each profile.

Profiles (career levels, industries, a job posting) and resumes are vectors over the same
features: skills weighted by importance (profiles) or by strength of evidence (resumes),
and TF-IDF weighted terms.  :class:`ProfileSimilarity` is fitted on the profiles, the
rows of a matrix, and transforms resumes into one similarity per profile.

Two metrics:

``coverage``
    the share of a profile's weight the resume shows: ``sum_j min(x_j, 1) * p_j / sum_j p_j``.
    Monotone by construction: more evidence of a profile's skill never lowers it, which is
    what a careful reviewer expects of "how many of the required skills does this person
    have".
``cosine``
    cosine similarity, for comparing two texts of any length (industry vocabulary, job
    postings).

:func:`build_model` fits them once per taxonomy, on its levels' and industries' profiles
(:class:`FitModel`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted, check_non_negative, validate_data

from matcher.score.features import MissingSkill, missing_skills, vector
from matcher.score.vocabulary import term_start_pattern, vocabulary_pattern
from skills_taxonomy import Level, Taxonomy

Metric = Literal["coverage", "cosine"]


class ProfileSimilarity(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Similarity of each sample to each fitted profile (one row of ``X`` in ``fit``).

    Parameters
    ----------
    metric:
        ``"coverage"`` (weighted share of the profile the sample covers; needs
        non-negative features) or ``"cosine"``.
    """

    def __init__(self, *, metric: Metric = "coverage") -> None:
        self.metric = metric

    def fit(self, X: Any, y: Any = None) -> ProfileSimilarity:
        """Remember the profiles, one per row of ``X``."""
        if self.metric not in ("coverage", "cosine"):
            raise ValueError(f"metric must be 'coverage' or 'cosine', not {self.metric!r}")
        profiles = validate_data(self, X, accept_sparse=False, dtype=np.float64)
        if self.metric == "coverage":
            check_non_negative(profiles, "ProfileSimilarity.fit (coverage)")
            totals = profiles.sum(axis=1)
            self.totals_: NDArray[np.float64] = np.where(totals > 0, totals, 1.0)
        else:
            self.unit_profiles_: NDArray[np.float64] = normalize(profiles)
        self.profiles_: NDArray[np.float64] = profiles
        return self

    def transform(self, X: Any) -> NDArray[np.float64]:
        """One column per profile: the similarity of each sample to it, in [0, 1]."""
        check_is_fitted(self, "profiles_")
        samples = validate_data(self, X, accept_sparse=False, dtype=np.float64, reset=False)
        if self.metric == "coverage":
            check_non_negative(samples, "ProfileSimilarity.transform (coverage)")
        return self.similarity(samples)

    def similarity(self, samples: NDArray[np.float64]) -> NDArray[np.float64]:
        """What :meth:`transform` gives, without its checks (some 60 microseconds a call,
        ten times the arithmetic): for callers that make the samples themselves, a 2-D
        float64 array as wide as the profiles, non-negative for ``coverage``."""
        if self.metric == "cosine":
            # What cosine_similarity(samples, self.profiles_) computes, the same way, but
            # with the profiles normalised once, in fit, instead of on every call.
            similarity: NDArray[np.float64] = normalize(samples) @ self.unit_profiles_.T
            return np.clip(similarity, 0.0, 1.0)
        covered: NDArray[np.float64] = np.minimum(samples, 1.0) @ self.profiles_.T
        return covered / self.totals_

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.positive_only = self.metric == "coverage"
        return tags


# --- fitted on a taxonomy -------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class FitModel:
    """The similarity model fitted on one taxonomy's profiles (built once, then cached)."""

    taxonomy: Taxonomy
    skill_index: Mapping[str, int]
    required: ProfileSimilarity
    preferred: ProfileSimilarity
    level_skills: tuple[tuple[MissingSkill, ...], ...]
    """Each level's skills in the order :func:`~matcher.score.features.missing_skills` lists
    those a resume lacks (sorted and named once, not for every resume)."""
    vectorizer: TfidfVectorizer
    level_text: ProfileSimilarity
    industry_text: ProfileSimilarity
    industry_terms: Mapping[str, re.Pattern[str]]
    term_starts: re.Pattern[str] | None
    """Where any industry's term starts (:func:`~matcher.score.vocabulary.term_start_pattern`),
    when the term patterns read text whose case :func:`fold_case` folded (every term is
    ASCII, none blank or across lines).  None: they ignore case themselves and read line by line."""


def level_document(level: Level, taxonomy: Taxonomy) -> str:
    """The words of a level's profile: its name, responsibilities and skills."""
    skills = [taxonomy.skill(s).name for s in (*level.required, *level.preferred)]
    return " . ".join([level.name, *level.responsibilities, *skills])


@lru_cache(maxsize=4)
def build_model(taxonomy: Taxonomy) -> FitModel:
    """Fit the similarity model on the taxonomy's level and industry profiles."""
    index = {skill.id: column for column, skill in enumerate(taxonomy.skills)}
    required = [vector(level.required, index) for level in taxonomy.levels]
    preferred = [vector(level.preferred, index) for level in taxonomy.levels]
    level_docs = [level_document(level, taxonomy) for level in taxonomy.levels]
    industry_docs = [
        " . ".join([i.name, *i.subsectors, *i.applications, *i.vocabulary])
        for i in taxonomy.industries
    ]
    vectorizer = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True)
    vectorizer.fit([*level_docs, *industry_docs])
    folded = all(
        term.isascii() and term.strip() and "\n" not in term
        for industry in taxonomy.industries
        for term in industry.vocabulary
    )
    terms = {
        industry.id: vocabulary_pattern(industry.vocabulary, folded=folded)
        for industry in taxonomy.industries
        if industry.vocabulary
    }
    every_term = [term for industry in taxonomy.industries for term in industry.vocabulary]
    return FitModel(
        taxonomy=taxonomy,
        skill_index=index,
        required=ProfileSimilarity(metric="coverage").fit(np.array(required)),
        preferred=ProfileSimilarity(metric="coverage").fit(np.array(preferred)),
        level_skills=tuple(
            missing_skills(level.required, level.preferred, {}, taxonomy)
            for level in taxonomy.levels
        ),
        vectorizer=vectorizer,
        level_text=ProfileSimilarity(metric="coverage").fit(
            vectorizer.transform(level_docs).toarray()
        ),
        industry_text=ProfileSimilarity(metric="cosine").fit(
            vectorizer.transform(industry_docs).toarray()
        ),
        industry_terms=terms,
        term_starts=term_start_pattern(every_term) if folded else None,
    )


def resume_tfidf(text: str, model: FitModel) -> NDArray[np.float64]:
    """The resume's words (:func:`~matcher.score.text.resume_text`) as a row of the model's
    TF-IDF terms."""
    row: NDArray[np.float64] = model.vectorizer.transform([text]).toarray()
    return row
