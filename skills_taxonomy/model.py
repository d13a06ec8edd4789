"""The taxonomy as typed, immutable objects (the shapes of SCHEMA.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

SkillKind = Literal["competency", "tool"]


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    evidence: Literal["ai", "data"] | None = None
    """What a skill of this category shows: AI work, data work (counted half as much in a
    level's AI relevance), or neither."""


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    currency: str


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    kind: SkillKind
    source: str
    aliases: tuple[str, ...] = ()
    """Lowercase phrases matched case-insensitively on whole tokens."""
    forms: tuple[str, ...] = ()
    """Case-sensitive forms matched exactly (acronyms, words that are ordinary English)."""
    context: tuple[str, ...] = ()
    """When not empty, a mention counts only near one of these words or another skill."""
    evidences: tuple[str, ...] = ()
    """Ids of the guide competencies this entry is evidence of."""
    title: bool = False
    """Its surfaces are job titles (CTO, Head of AI): a mention counts only as the resume's
    own role, not as someone else's ("reported to the CTO") or a word in a name."""


@dataclass(frozen=True)
class SalaryBand:
    region: str
    currency: str
    min: int
    max: int
    open_ended: bool
    """The guide writes the top of the band with a "+": it has no upper bound."""
    text: str
    """The band exactly as the guide writes it."""


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    rank: int
    """1 for the first rung of the ladder, 5 for the last."""
    years_min: float
    years_max: float | None
    """None when the guide gives the range as open-ended ("8+ years")."""
    responsibilities: tuple[str, ...]
    required: Mapping[str, float]
    """Skill id -> weight in (0, 1]."""
    preferred: Mapping[str, float]
    salary: Mapping[str, SalaryBand]
    """Region id -> band; a region the guide gives no band for is absent."""
    source: str
    title_words: tuple[str, ...] = ()
    """Lowercase words of a job title that mark this rung ("senior", "principal"): how a
    posting's title or first lines point to a level."""


@dataclass(frozen=True)
class Industry:
    id: str
    name: str
    subsectors: tuple[str, ...]
    applications: tuple[str, ...]
    vocabulary: tuple[str, ...]
    """Lowercase terms that identify work in this sector."""
    source: str
    skills: Mapping[str, float] = field(default_factory=dict)
    """Skill id -> weight: what AI work in this sector asks for (its gaps)."""


@dataclass(frozen=True)
class Certification:
    id: str
    name: str
    provider: str
    aliases: tuple[str, ...]
    covers: tuple[str, ...]
    """Skill ids the certification covers."""
    source: str


@dataclass(frozen=True)
class RoadmapStep:
    step: int
    id: str
    name: str
    summary: str
    teaches: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class DegreeLevel:
    id: str
    name: str
    rank: int
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class DegreeField:
    id: str
    name: str
    guide: bool
    """True for the fields the guide itself names."""
    aliases: tuple[str, ...]


# eq=False: a taxonomy is compared and hashed by identity, so it can key the caches of
# the pipelines and models built from it (its weight mappings are not hashable).
@dataclass(frozen=True, eq=False)
class Taxonomy:
    version: str
    guide: str
    categories: tuple[Category, ...]
    regions: tuple[Region, ...]
    skills: tuple[Skill, ...]
    levels: tuple[Level, ...]
    """In ladder order (rank 1 first)."""
    industries: tuple[Industry, ...]
    certifications: tuple[Certification, ...]
    roadmap: tuple[RoadmapStep, ...]
    degree_levels: tuple[DegreeLevel, ...]
    degree_fields: tuple[DegreeField, ...]
    sources: tuple[str, ...] = field(default=())
    """The files merged into this taxonomy, shipped data first (names only)."""

    def skill(self, skill_id: str) -> Skill:
        """The skill with this id (KeyError if there is none)."""
        return self.skills_by_id[skill_id]

    def level(self, level_id: str) -> Level:
        return self.levels_by_id[level_id]

    def industry(self, industry_id: str) -> Industry:
        return self.industries_by_id[industry_id]

    # cached_property writes straight into the instance __dict__, so it works on a frozen
    # dataclass; the lookups are built once per taxonomy, not once per call.
    @cached_property
    def skills_by_id(self) -> dict[str, Skill]:
        return {skill.id: skill for skill in self.skills}

    @cached_property
    def levels_by_id(self) -> dict[str, Level]:
        return {level.id: level for level in self.levels}

    @cached_property
    def industries_by_id(self) -> dict[str, Industry]:
        return {industry.id: industry for industry in self.industries}

    @cached_property
    def regions_by_id(self) -> dict[str, Region]:
        return {region.id: region for region in self.regions}
