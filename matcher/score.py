"""The score stage: how well a resume fits each career level and each industry.

A level's score (0-100) combines, with :data:`DEFAULT_LEVEL_WEIGHTS`:

``required``   weighted share of the level's required skills the resume evidences
``preferred``  the same for its preferred skills
``experience`` how the resume's years sit in the level's range (1 inside, smooth fall-off)
``text``       share of the level's profile terms (responsibilities, skills) the resume uses

and is scaled by ``relevance``, the resume's evidence of AI or data work: a chef's resume
is no fit at all, not a weak Entry-Level one.  An industry's score comes from the sector's
domain vocabulary found in the resume, weighted by where it stands (a job description
counts, a word in an objective barely does), and the TF-IDF cosine between the resume and
the sector's profile.  Within a job, a term counts by how long the job was held (three
months as a teller is less evidence of banking than six years as a store manager is of
retail) and more in the job's title or employer line.  Every component is reported, so
every score can be explained.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from sklearn import config_context
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.document import fold_case
from matcher.features import (
    DEFAULT_YEARS_SIGMA,
    ordered,
    skill_strengths,
    vector,
    years_fit,
)
from matcher.model import ProfileSimilarity
from matcher.skills import SkillMatch
from skills_taxonomy import Industry, Level, Taxonomy

if TYPE_CHECKING:
    from matcher.document import Line
    from matcher.job import JobFit
    from matcher.parse.result import Resume

DEFAULT_LEVEL_WEIGHTS = {"required": 0.45, "preferred": 0.15, "experience": 0.30, "text": 0.10}
DEFAULT_YEARS_SIGMA_ABOVE = 3.0
"""Fall-off above a level's range is gentler than below: more years disqualify less."""
DEFAULT_TEXT_SATURATION = 0.5
"""Share of a level's profile terms at which the text component is full."""
EVIDENCE_WEIGHTS = {"ai": 1.0, "data": 0.5}
"""What a skill counts towards AI relevance by its category's ``evidence`` in the taxonomy."""
DEFAULT_RELEVANCE_SATURATION = 3.0
"""Strength of AI evidence (about three solid AI skills) at which relevance is full."""
RELEVANCE_FLOOR = 0.3
"""Share of a level's score a resume with no AI or data evidence at all keeps."""
MIN_RELEVANCE = 0.4
"""Below this relevance there is no fit: ``best_level`` is null."""
MIN_LEVEL_SCORE = 35.0
"""Below this score no level fits."""

SECTION_WEIGHTS = {
    "experience": 1.0,
    "projects": 1.0,
    "summary": 0.4,
    "profile": 0.4,
    "skills": 0.4,
    "other": 0.4,
    "education": 0.3,
    "certifications": 0.3,
    "publications": 0.3,
    "awards": 0.3,
}
"""How much a domain term counts by the section it stands in."""
DEFAULT_INDUSTRY_SATURATION = 3.0
"""Weighted domain evidence at which an industry's vocabulary score reaches 63 %."""
DEFAULT_POSITION_YEARS = 2.0
"""A job held this long or longer counts fully as evidence of its sector; a shorter one
counts in proportion, down to :data:`MIN_POSITION_WEIGHT`."""
MIN_POSITION_WEIGHT = 0.25
TITLE_WEIGHT = 1.5
"""A domain term in a job's title or employer line ("Bank Teller", "Mercy Hospital") says
more about the sector than one in its description."""
REPEAT_WEIGHT = 0.25
"""Share of its weight each further line naming a term adds (the best line counts fully)."""
MAX_TERM_EVIDENCE = 2.0
"""One term's evidence is capped, so a word repeated on every line cannot decide alone."""
INDUSTRY_WEIGHTS = {"vocabulary": 0.85, "text": 0.15}
"""The sector's own words, where they stand, count most; the TF-IDF cosine against its
profile only smooths over terms the vocabulary lacks."""
DEFAULT_INDUSTRY_TEXT_SATURATION = 0.15
MIN_INDUSTRY_SCORE = 25.0
"""Below this score no industry fits: ``best_industry`` is null."""
MAX_EVIDENCE = 5


@dataclass(frozen=True)
class MissingSkill:
    """A skill a target asks for that the resume does not show."""

    id: str
    name: str
    importance: str
    """``"required"`` or ``"preferred"``."""
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "importance": self.importance,
            "weight": self.weight,
        }


@dataclass(frozen=True)
class LevelFit:
    id: str
    name: str
    score: float
    components: Mapping[str, float]
    matched_skills: tuple[str, ...]
    missing_skills: tuple[MissingSkill, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": self.score,
            "components": dict(self.components),
            "matched_skills": list(self.matched_skills),
            "missing_skills": [m.to_dict() for m in self.missing_skills],
        }


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


@dataclass(frozen=True)
class Salary:
    region: str
    level: str
    currency: str
    min: int
    max: int
    open_ended: bool
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "level": self.level,
            "currency": self.currency,
            "min": self.min,
            "max": self.max,
            "open_ended": self.open_ended,
            "text": self.text,
            "source": "AI Engineer Career Guide 2026 (the guide's 2026 figures)",
        }


@dataclass(frozen=True)
class FitReport:
    """Everything ``matcher score`` reports about one resume."""

    resume: Resume
    skills: tuple[SkillMatch, ...]
    levels: tuple[LevelFit, ...]
    """All five levels, best first."""
    best_level: str | None
    industries: tuple[IndustryFit, ...]
    """All industries, best first."""
    best_industry: str | None
    salary: Salary | None
    taxonomy_version: str
    job: JobFit | None = None
    next_level: LevelFit | None = None
    """The rung above the best level, for its gaps (None at the top or with no fit)."""
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self, *, max_evidence: int | None = 3) -> dict[str, Any]:
        parsed = self.resume.to_dict()
        data: dict[str, Any] = {
            "file": self.resume.file,
            "as_of": parsed["as_of"],
            "as_of_source": parsed["as_of_source"],
            "taxonomy_version": self.taxonomy_version,
            "candidate": parsed["candidate"],
            "experience": parsed["experience"],
            "education": parsed["education"],
            "certifications": parsed["certifications"],
            "skills": [s.to_dict(max_evidence=max_evidence) for s in self.skills],
            "levels": [level.to_dict() for level in self.levels],
            "best_level": self.best_level,
            "industries": [industry.to_dict() for industry in self.industries],
            "best_industry": self.best_industry,
            "salary": None if self.salary is None else self.salary.to_dict(),
            "next_level": None
            if self.next_level is None
            else {
                "id": self.next_level.id,
                "name": self.next_level.name,
                "missing_skills": [m.to_dict() for m in self.next_level.missing_skills],
            },
            "warnings": [*parsed.get("warnings", []), *self.warnings],
        }
        if self.job is not None:
            data["job"] = self.job.to_dict()
        return data


# --- the model --------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class FitModel:
    """The similarity model fitted on one taxonomy's profiles (built once, then cached)."""

    taxonomy: Taxonomy
    skill_index: Mapping[str, int]
    required: ProfileSimilarity
    preferred: ProfileSimilarity
    level_skills: tuple[tuple[MissingSkill, ...], ...]
    """Each level's skills in the order :func:`missing_skills` lists those a resume lacks
    (sorted and named once, not for every resume)."""
    vectorizer: TfidfVectorizer
    level_text: ProfileSimilarity
    industry_text: ProfileSimilarity
    industry_terms: Mapping[str, re.Pattern[str]]
    term_starts: re.Pattern[str] | None
    """Where any industry's term starts (:func:`term_start_pattern`), when the term
    patterns read text whose case :func:`fold_case` folded (every term is ASCII, none
    blank or across lines).  None: they ignore case themselves and read line by line."""


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


def vocabulary_pattern(vocabulary: Iterable[str], *, folded: bool) -> re.Pattern[str]:
    """Any term of ``vocabulary`` as a whole word (not inside a word or a hyphenated
    compound), case-insensitively; where several match, the longest.

    ``folded``: the pattern reads text that :func:`fold_case` folded, and is a trie of
    the lower-cased terms.  It finds the same matches as the case-insensitive alternation
    of the terms, longest first, several times faster: the engine skips to a term's first
    letter and follows one branch per letter.  Every term must then be ASCII and not blank.
    """
    if not folded:
        longest_first = sorted(vocabulary, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in longest_first)
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    # The word boundary before a term is checked after its first letter, so that the
    # pattern starts with a letter and the engine can skip ahead to one.
    starts = "|".join(
        re.escape(char) + r"(?<![\w-](?s:.))" + _trie_pattern(node)
        for char, node in _trie(vocabulary).items()
    )
    return re.compile(rf"(?:{starts})(?![\w-])")


def term_start_pattern(vocabulary: Iterable[str]) -> re.Pattern[str]:
    """The character before each place where a term of ``vocabulary`` starts as a whole
    word, in text that :func:`fold_case` folded (the terms as for :func:`vocabulary_pattern`).

    Not the place itself: the pattern starts with a character that is not part of a word,
    so that the engine skips from one to the next instead of trying every letter.  A match
    is one character long; no place is skipped.  Text that starts with a term needs a line
    break put before it.
    """
    return re.compile(rf"[^\w-](?={_trie_pattern(_trie(vocabulary))}(?![\w-]))")


def _trie(vocabulary: Iterable[str]) -> dict[str, Any]:
    """The lower-cased terms as a trie: a dict per letter, ``""`` where a term ends."""
    trie: dict[str, Any] = {}
    for term in vocabulary:
        node = trie
        for char in term.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here
    return trie


def _trie_pattern(node: Mapping[str, Any]) -> str:
    """The rest of a trie's terms from ``node``: a longer term before a shorter one."""
    longer = [re.escape(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not longer:
        return ""
    if len(longer) == 1 and "" not in node:
        return longer[0]
    return "(?:" + "|".join(longer) + ("|)" if "" in node else ")")


# --- scoring ----------------------------------------------------------------------------


def ai_relevance(
    skills: Sequence[SkillMatch], strengths: Mapping[str, float], taxonomy: Taxonomy
) -> float:
    """Evidence of AI (and, half as much, data) work, in [0, 1]: the categories that show
    either are marked in the taxonomy (``evidence``).

    Only skills the resume names count: a competency derived from a tool repeats that
    tool's evidence, and one stray acronym ("ASR" as a router model) must not count four
    times through machine learning, deep learning and NLP.
    """
    evidence = {c.id: EVIDENCE_WEIGHTS.get(c.evidence or "", 0.0) for c in taxonomy.categories}
    total = 0.0
    for match in skills:
        if not match.derived:
            total += evidence.get(match.category, 0.0) * strengths[match.id]
    return min(1.0, total / DEFAULT_RELEVANCE_SATURATION)


def score_levels(
    resume: Resume,
    skills: Sequence[SkillMatch],
    model: FitModel,
    *,
    tfidf: NDArray[np.float64] | None = None,
) -> tuple[tuple[LevelFit, ...], float]:
    """Every level's fit (in ladder order) and the resume's AI relevance.

    ``tfidf``: the resume's TF-IDF row (:func:`resume_tfidf`), when the caller has it.
    """
    taxonomy = model.taxonomy
    strengths = skill_strengths(skills)
    row = np.array([vector(strengths, model.skill_index)], dtype=np.float64)
    required = model.required.similarity(row)[0]
    preferred = model.preferred.similarity(row)[0]
    if tfidf is None:
        tfidf = resume_tfidf(resume_text(resume), model)
    presence = (tfidf > 0).astype(float)
    text = np.minimum(model.level_text.similarity(presence)[0] / DEFAULT_TEXT_SATURATION, 1.0)
    relevance = ai_relevance(skills, strengths, taxonomy)
    years = resume.experience.total_years
    fits = []
    for column, level in enumerate(taxonomy.levels):
        experience = _level_years_fit(years, level)
        components = {
            "required": float(required[column]),
            "preferred": float(preferred[column]),
            "experience": experience,
            "text": float(text[column]),
        }
        base = sum(DEFAULT_LEVEL_WEIGHTS[key] * value for key, value in components.items())
        scale = RELEVANCE_FLOOR + (1 - RELEVANCE_FLOOR) * relevance
        components["relevance"] = relevance
        fits.append(
            LevelFit(
                id=level.id,
                name=level.name,
                score=round(100 * base * scale, 1),
                components={k: round(v, 3) for k, v in components.items()},
                matched_skills=tuple(
                    ordered(
                        (s for s in (*level.required, *level.preferred) if s in strengths),
                        {**level.preferred, **level.required},
                    )
                ),
                missing_skills=tuple(
                    skill for skill in model.level_skills[column] if skill.id not in strengths
                ),
            )
        )
    return tuple(fits), relevance


def _level_years_fit(years: float | None, level: Level) -> float:
    if years is not None and level.years_max is not None and years > level.years_max:
        return years_fit(years, level.years_min, level.years_max, sigma=DEFAULT_YEARS_SIGMA_ABOVE)
    return years_fit(years, level.years_min, level.years_max, sigma=DEFAULT_YEARS_SIGMA)


def missing_skills(
    required: Mapping[str, float],
    preferred: Mapping[str, float],
    strengths: Mapping[str, float],
    taxonomy: Taxonomy,
) -> tuple[MissingSkill, ...]:
    """Skills a target asks for that the resume does not show: required first, by weight."""
    missing = []
    for importance, weights in (("required", required), ("preferred", preferred)):
        for skill_id in ordered((s for s in weights if s not in strengths), weights):
            name = taxonomy.skill(skill_id).name
            missing.append(MissingSkill(skill_id, name, importance, weights[skill_id]))
    return tuple(missing)


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
) -> tuple[IndustryFit, ...]:
    """Every industry's fit, in the taxonomy's order (``skills``: the resume's, for each
    industry's matched and missing skills).

    ``tfidf``: the resume's TF-IDF row (:func:`resume_tfidf`), when the caller has it.
    """
    strengths = skill_strengths(skills)
    found: dict[str, dict[str, list[float]]] = {key: {} for key in model.industry_terms}
    lines: dict[str, list[tuple[float, int, str]]] = {key: [] for key in model.industry_terms}
    position_weights = _position_line_weights(resume)
    identity = identity_pattern(resume)
    entries = list(resume.iter_lines())
    words = [without_identity(line.text, identity) for _, line in entries]
    for key, by_line in _terms_by_line(model, words).items():
        for number, terms in by_line.items():
            section, line = entries[number]
            weight = SECTION_WEIGHTS.get(section.name, 0.4) * position_weights.get(line, 1.0)
            lines[key].append((-weight, number, line.text))
            for term in terms:
                found[key].setdefault(term, []).append(weight)
    if tfidf is None:
        tfidf = resume_tfidf(resume_text(resume), model)
    cosine = model.industry_text.similarity(tfidf)[0]
    fits = []
    for column, industry in enumerate(model.taxonomy.industries):
        counts = {
            term: _term_evidence(weights) for term, weights in found.get(industry.id, {}).items()
        }
        evidence = sum(counts.values())
        components = {
            "vocabulary": 1 - math.exp(-evidence / DEFAULT_INDUSTRY_SATURATION),
            "text": min(float(cosine[column]) / DEFAULT_INDUSTRY_TEXT_SATURATION, 1.0),
        }
        score = 100 * sum(INDUSTRY_WEIGHTS[key] * value for key, value in components.items())
        best_lines = sorted(lines.get(industry.id, []))[:MAX_EVIDENCE]
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


def find_folded_terms(
    patterns: Mapping[str, re.Pattern[str]], starts: re.Pattern[str], folded: str
) -> dict[str, list[tuple[int, int]]]:
    """The spans of each folded pattern's terms (:func:`vocabulary_pattern`) in ``folded``
    text: what its ``finditer`` finds (leftmost first, none overlapping), in one scan.

    ``starts``: :func:`term_start_pattern` of all the patterns' terms.  ``finditer``
    would try every pattern at every letter of the text; a term can only start where
    ``starts`` finds one, a dozen places in a resume, and each pattern is tried there
    alone, except inside its own previous match.
    """
    spans: dict[str, list[tuple[int, int]]] = {key: [] for key in patterns}
    searched_to = dict.fromkeys(patterns, 0)
    # The character before a term, in the text after one more character, is at the
    # term's own position in ``folded``.
    for before in starts.finditer("\n" + folded):
        position = before.start()
        for key, pattern in patterns.items():
            if position >= searched_to[key] and (match := pattern.match(folded, position)):
                spans[key].append(match.span())
                searched_to[key] = match.end()
    return spans


def _position_line_weights(resume: Resume) -> dict[Line, float]:
    """How much each line of a job counts as evidence of its sector.

    By how long the job was held, and more on its title or employer line.  Lines outside
    any job are not in the mapping (they count by their section alone).
    """
    weights: dict[Line, float] = {}
    for position in resume.experience.positions:
        held = max(MIN_POSITION_WEIGHT, min(1.0, position.years / DEFAULT_POSITION_YEARS))
        names = [n.lower() for n in (position.title, position.organization) if n]
        for line in position.lines:
            header = any(name in line.text.lower() for name in names)
            weights.setdefault(line, held * (TITLE_WEIGHT if header else 1.0))
    return weights


def _term_evidence(weights: Sequence[float]) -> float:
    """One term's evidence: its best line in full, each further line a little, capped."""
    best, *rest = sorted(weights, reverse=True)
    return min(best + REPEAT_WEIGHT * sum(rest), MAX_TERM_EVIDENCE)


def identity_pattern(resume: Resume) -> re.Pattern[str] | None:
    """The candidate's name (and each word of it), email, phone and links.

    Who the candidate is is never evidence: a Ms Banks is not in finance, and a name that
    shares a word with a profile ("Lan", "Mall") must not move a score.
    """
    contact = resume.contact
    words = [w for w in re.split(r"[\s,.]+", contact.name or "") if len(w) > 1]  # not initials
    secrets = {
        secret.strip()
        for secret in (contact.name, contact.email, contact.phone, *contact.links, *words)
        if secret and secret.strip()
    }
    if not secrets:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(secrets, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def without_identity(text: str, identity: re.Pattern[str] | None) -> str:
    """``text`` with the candidate's identity blanked out."""
    return text if identity is None else identity.sub(" ", text)


def resume_text(resume: Resume) -> str:
    """The resume's words as scoring sees them: every line, the candidate's identity blanked."""
    identity = identity_pattern(resume)
    return "\n".join(without_identity(line.text, identity) for _, line in resume.iter_lines())


def resume_tfidf(text: str, model: FitModel) -> NDArray[np.float64]:
    """The resume's words (:func:`resume_text`) as a row of the model's TF-IDF terms."""
    row: NDArray[np.float64] = model.vectorizer.transform([text]).toarray()
    return row


def _best(fits: Sequence[Any], minimum: float) -> str | None:
    top = max(fits, key=lambda fit: fit.score, default=None)
    return top.id if top is not None and top.score >= minimum else None


def job_warnings(job: JobFit) -> list[str]:
    """What a report says of its job match (after its own warnings: a pool adds a job to a
    report made without one)."""
    if job.not_enough_to_judge is None:
        return []
    return [f"not enough to judge the job match: {job.not_enough_to_judge}"]


def score_fit(
    resume: Resume,
    skills: Sequence[SkillMatch],
    taxonomy: Taxonomy,
    *,
    region: str = "us",
    job: JobFit | None = None,
) -> FitReport:
    """Score a parsed resume against every level and industry (and a job, when given)."""
    model = build_model(taxonomy)
    # Everything the model reads here this module computed (finite numbers, valid
    # parameters): scikit-learn's normalize, on the industries' cosine, need not check it
    # again (the model's similarities skip their checks anyway).
    with config_context(assume_finite=True, skip_parameter_validation=True):
        tfidf = resume_tfidf(resume_text(resume), model)  # levels and industries read it
        levels, relevance = score_levels(resume, skills, model, tfidf=tfidf)
        industries = score_industries(resume, skills, model, tfidf=tfidf)
    warnings = []
    best_level = _best(levels, MIN_LEVEL_SCORE) if relevance >= MIN_RELEVANCE else None
    if best_level is None:
        warnings.append("no career level fits: the resume shows little AI or data work")
    best_industry = _best(industries, MIN_INDUSTRY_SCORE)
    salary = None
    next_level = None
    if best_level is not None:
        level = taxonomy.level(best_level)
        band = level.salary.get(region)
        if band is None:
            warnings.append(f"the guide gives no salary band for {level.name} in region {region!r}")
        else:
            salary = Salary(
                region, level.id, band.currency, band.min, band.max, band.open_ended, band.text
            )
        above = [
            fit
            for fit, lv in zip(levels, taxonomy.levels, strict=True)
            if lv.rank == level.rank + 1
        ]
        next_level = above[0] if above else None
    if job is not None:
        warnings += job_warnings(job)
    rank = {fit.id: index for index, fit in enumerate(levels)}
    return FitReport(
        resume=resume,
        skills=tuple(skills),
        levels=tuple(sorted(levels, key=lambda fit: (-fit.score, rank[fit.id]))),
        best_level=best_level,
        industries=tuple(sorted(industries, key=lambda fit: (-fit.score, fit.id))),
        best_industry=best_industry,
        salary=salary,
        taxonomy_version=taxonomy.version,
        job=job,
        next_level=next_level,
        warnings=tuple(warnings),
    )


__all__ = [
    "DEFAULT_LEVEL_WEIGHTS",
    "DEFAULT_YEARS_SIGMA",
    "FitModel",
    "FitReport",
    "IndustryFit",
    "LevelFit",
    "MissingSkill",
    "Salary",
    "build_model",
    "industry_skills",
    "missing_skills",
    "score_fit",
]
