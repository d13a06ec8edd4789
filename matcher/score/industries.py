"""A resume's fit to each industry of the taxonomy.

An industry's score comes from the sector's domain vocabulary found in the resume, weighted
by where it stands (a job description counts, a word in an objective barely does), and the
TF-IDF cosine between the resume and the sector's profile.  Within a job, a term counts by
how long the job was held (three months as a teller is less evidence of banking than six
years as a store manager is of retail) and more in the job's title or employer line.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from matcher.document import fold_case
from matcher.score.features import (
    MissingSkill,
    missing_skills,
    ordered,
    skill_strengths,
)
from matcher.score.profiles import FitModel, resume_tfidf
from matcher.score.settings import SCORE_SETTINGS, IndustrySettings
from matcher.score.text import identity_pattern, resume_text, without_identity
from matcher.score.vocabulary import find_folded_terms
from matcher.skills import SkillMatch
from skills_taxonomy import Industry, Taxonomy

if TYPE_CHECKING:
    from matcher.document import Line
    from matcher.parse import Resume


@dataclass(frozen=True)
class IndustryFit:
    id: str
    name: str
    score: float
    components: Mapping[str, float]
    terms: tuple[str, ...]
    """The domain terms found, strongest evidence first."""
    evidence: tuple[str, ...]
    """Lines where they were found, work sections first."""
    matched_skills: tuple[str, ...]
    """The industry's skills the resume shows, heaviest first (:func:`industry_skills`)."""
    missing_skills: tuple[MissingSkill, ...]
    """The industry's skills the resume lacks, heaviest first: what ``gaps --industry``
    lists and a batch ranked by industry names."""

    def to_dict(self) -> dict[str, Any]:
        # The skills stay out: score-v1 has no such fields for an industry (the JSON keeps
        # its shape); a batch reads them again from the report's skills (industry_skills).
        return {
            "id": self.id,
            "name": self.name,
            "score": self.score,
            "components": dict(self.components),
            "terms": list(self.terms),
            "evidence": list(self.evidence),
        }


def industry_skills(
    industry: Industry, strengths: Mapping[str, float], taxonomy: Taxonomy
) -> tuple[tuple[str, ...], tuple[MissingSkill, ...]]:
    """The ``industry``'s skills among those found (``strengths``, by id), heaviest first,
    and those missing, heaviest first."""
    wanted = industry.skills
    shown = tuple(ordered((s for s in wanted if s in strengths), wanted))
    return shown, missing_skills(wanted, {}, strengths, taxonomy)


def score_industries(
    resume: Resume,
    skills: Sequence[SkillMatch],
    model: FitModel,
    *,
    tfidf: NDArray[np.float64] | None = None,
    settings: IndustrySettings = SCORE_SETTINGS.industries,
) -> tuple[IndustryFit, ...]:
    """Every industry's fit, in the taxonomy's order (``skills``: the resume's, for each
    industry's matched and missing skills).

    ``tfidf``: the resume's TF-IDF row (:func:`~matcher.score.profiles.resume_tfidf`), when
    the caller has it.
    """
    strengths = skill_strengths(skills)
    found: dict[str, dict[str, list[float]]] = {key: {} for key in model.industry_terms}
    lines: dict[str, list[tuple[float, int, str]]] = {key: [] for key in model.industry_terms}
    position_weights = _position_line_weights(resume, settings)
    identity = identity_pattern(resume)
    entries = list(resume.iter_lines())
    words = [without_identity(line.text, identity) for _, line in entries]
    for key, by_line in _terms_by_line(model, words).items():
        for number, terms in by_line.items():
            section, line = entries[number]
            weight = settings.section_weights.get(section.name, settings.other_section_weight)
            weight *= position_weights.get(line, 1.0)
            lines[key].append((-weight, number, line.text))
            for term in terms:
                found[key].setdefault(term, []).append(weight)
    if tfidf is None:
        tfidf = resume_tfidf(resume_text(resume), model)
    cosine = model.industry_text.similarity(tfidf)[0]
    fits = []
    for column, industry in enumerate(model.taxonomy.industries):
        counts = {
            term: _term_evidence(weights, settings)
            for term, weights in found.get(industry.id, {}).items()
        }
        evidence = sum(counts.values())
        components = {
            "vocabulary": 1 - math.exp(-evidence / settings.vocabulary_saturation),
            "text": min(float(cosine[column]) / settings.text_saturation, 1.0),
        }
        score = 100 * sum(settings.weights[key] * value for key, value in components.items())
        best_lines = sorted(lines.get(industry.id, []))[: settings.max_evidence_lines]
        matched, missing = industry_skills(industry, strengths, model.taxonomy)
        fits.append(
            IndustryFit(
                id=industry.id,
                name=industry.name,
                score=round(score, 1),
                components={k: round(v, 3) for k, v in components.items()},
                terms=tuple(sorted(counts, key=lambda t: (-counts[t], t))),
                evidence=tuple(line for _, _, line in sorted(best_lines, key=lambda x: x[1])),
                matched_skills=matched,
                missing_skills=missing,
            )
        )
    return tuple(fits)


def _terms_by_line(model: FitModel, lines: Sequence[str]) -> dict[str, dict[int, set[str]]]:
    """Each industry's terms in ``lines``, lower-cased, by the number of the line they are
    on (lines without any are left out)."""
    by_line: dict[str, dict[int, set[str]]] = {key: {} for key in model.industry_terms}
    if model.term_starts is None:
        for key, pattern in model.industry_terms.items():
            for number, line in enumerate(lines):
                for match in pattern.finditer(line):
                    by_line[key].setdefault(number, set()).add(match.group(0).lower())
        return by_line
    # Folded patterns search all lines at once: no term spans a line break, and a match
    # is on the line its start falls in.
    text = "\n".join(lines)
    ends = list(accumulate(len(line) + 1 for line in lines))
    found = find_folded_terms(model.industry_terms, model.term_starts, fold_case(text))
    for key, spans in found.items():
        for start, end in spans:
            by_line[key].setdefault(bisect_right(ends, start), set()).add(text[start:end].lower())
    return by_line


def _position_line_weights(resume: Resume, settings: IndustrySettings) -> dict[Line, float]:
    """How much each line of a job counts as evidence of its sector.

    By how long the job was held, and more on its title or employer line.  Lines outside
    any job are not in the mapping (they count by their section alone).
    """
    weights: dict[Line, float] = {}
    for position in resume.experience.positions:
        held = position.years / settings.full_position_years
        held = max(settings.min_position_weight, min(1.0, held))
        names = [n.lower() for n in (position.title, position.organization) if n]
        for line in position.lines:
            header = any(name in line.text.lower() for name in names)
            weights.setdefault(line, held * (settings.title_weight if header else 1.0))
    return weights


def _term_evidence(weights: Sequence[float], settings: IndustrySettings) -> float:
    """One term's evidence: its best line in full, each further line a little, capped."""
    best, *rest = sorted(weights, reverse=True)
    return min(best + settings.repeat_weight * sum(rest), settings.max_term_evidence)
