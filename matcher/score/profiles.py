"""The similarity model fitted on a taxonomy's profiles: its levels' skills and text, its
industries' text and domain terms (:func:`build_model`, built once per taxonomy).

Profiles and resumes are compared with :class:`~matcher.score.model.ProfileSimilarity`
and one TF-IDF vocabulary of the levels' and industries' words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.score.features import MissingSkill, missing_skills, vector
from matcher.score.model import ProfileSimilarity
from matcher.score.vocabulary import term_start_pattern, vocabulary_pattern
from skills_taxonomy import Level, Taxonomy


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
