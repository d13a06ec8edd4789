"""What the level and industry scores are tuned by, as frozen settings with the shipped values.

Every number a score depends on besides the taxonomy is a field here (the job score's are
:class:`~matcher.score.job.JobSettings`), passed keyword-only down the stage:
:func:`~matcher.score.report.score_fit` takes a :class:`ScoreSettings`, and gives
:func:`~matcher.score.levels.score_levels` its :class:`LevelSettings` and
:func:`~matcher.score.industries.score_industries` its :class:`IndustrySettings`.  A caller
that scores otherwise (a benchmark, a test, a library user) passes its own; the product
always uses :data:`SCORE_SETTINGS`, and a batch's cache keys its results by the settings
they were scored with.

Field names follow one scheme: ``weights`` for a score's components, ``*_saturation`` for
the amount at which a component is full, ``min_*`` and ``max_*`` for bounds, ``*_weight`` for
what one kind of evidence counts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from matcher.score.features import DEFAULT_YEARS_SIGMA
from matcher.score.job import JOB_SETTINGS, JobSettings


@dataclass(frozen=True)
class LevelSettings:
    """How a resume's fit to one career level is scored (:mod:`matcher.score.levels`)."""

    weights: Mapping[str, float] = field(
        default_factory=lambda: dict(required=0.45, preferred=0.15, experience=0.30, text=0.10),
        hash=False,
    )
    """Each component's weight in a level's score."""
    years_sigma_below: float = DEFAULT_YEARS_SIGMA
    """Years short of a level's range at which its experience fit has fallen to 0.61."""
    years_sigma_above: float = 3.0
    """The same above the range: more years disqualify less than too few."""
    text_saturation: float = 0.5
    """Share of a level's profile terms at which the text component is full."""
    evidence_weights: Mapping[str, float] = field(
        default_factory=lambda: dict(ai=1.0, data=0.5), hash=False
    )
    """What a skill counts towards AI relevance by its category's ``evidence`` in the
    taxonomy."""
    relevance_saturation: float = 3.0
    """Strength of AI evidence (about three solid AI skills) at which relevance is full."""
    relevance_floor: float = 0.3
    """Share of a level's score a resume with no AI or data evidence at all keeps."""


@dataclass(frozen=True)
class IndustrySettings:
    """How a resume's fit to one industry is scored (:mod:`matcher.score.industries`)."""

    weights: Mapping[str, float] = field(
        default_factory=lambda: dict(vocabulary=0.85, text=0.15), hash=False
    )
    """The sector's own words, where they stand, count most; the TF-IDF cosine against its
    profile only smooths over terms the vocabulary lacks."""
    section_weights: Mapping[str, float] = field(
        default_factory=lambda: dict(
            experience=1.0,
            projects=1.0,
            summary=0.4,
            profile=0.4,
            skills=0.4,
            other=0.4,
            education=0.3,
            certifications=0.3,
            publications=0.3,
            awards=0.3,
        ),
        hash=False,
    )
    """How much a domain term counts by the section it stands in."""
    other_section_weight: float = 0.4
    """The same for a section not named in :attr:`section_weights`."""
    vocabulary_saturation: float = 3.0
    """Weighted domain evidence at which an industry's vocabulary score reaches 63 %."""
    text_saturation: float = 0.15
    """TF-IDF cosine against the industry's profile at which the text component is full."""
    full_position_years: float = 2.0
    """A job held this long or longer counts fully as evidence of its sector; a shorter one
    counts in proportion, down to :attr:`min_position_weight`."""
    min_position_weight: float = 0.25
    title_weight: float = 1.5
    """A domain term in a job's title or employer line ("Bank Teller", "Mercy Hospital")
    says more about the sector than one in its description."""
    repeat_weight: float = 0.25
    """Share of its weight each further line naming a term adds (the best line counts
    fully)."""
    max_term_evidence: float = 2.0
    """One term's evidence is capped, so a word repeated on every line cannot decide alone."""
    max_evidence_lines: int = 5
    """Lines an industry's fit quotes as its evidence."""


@dataclass(frozen=True)
class ScoreSettings:
    """Everything a :class:`~matcher.score.report.FitReport`'s numbers are tuned by."""

    levels: LevelSettings = field(default_factory=LevelSettings)
    industries: IndustrySettings = field(default_factory=IndustrySettings)
    job: JobSettings = JOB_SETTINGS
    min_relevance: float = 0.4
    """AI relevance below which no level is the best fit, whatever its score."""
    min_level_score: float = 35.0
    """Score below which no level is the best fit."""
    min_industry_score: float = 25.0
    """Score below which no industry is the best fit."""

    def key(self) -> str:
        """The settings as stable text (a batch's cache keys its results by it)."""
        return json.dumps(asdict(self), sort_keys=True)


SCORE_SETTINGS = ScoreSettings()
"""The shipped settings."""
