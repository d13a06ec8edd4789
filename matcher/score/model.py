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
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted, check_non_negative, validate_data

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
