"""Turn a resume's skills and years into the numbers the similarity model compares, and
name the skills a target asks for that the resume lacks (:class:`MissingSkill`).

Kept apart from the levels, industries and job scores so the rules of evidence read in one
place: a skill used in a dated job counts fully, one named in a project or a summary a
little less, one only listed under Skills less again; a competency shown only through its
tools counts a little less than the tool.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matcher.skills import SkillMatch

if TYPE_CHECKING:
    from skills_taxonomy import Taxonomy

DEFAULT_YEARS_SIGMA = 1.0
"""Years short of a level's range at which its experience fit has fallen to 0.61 (one sigma)."""

STRENGTH_DATED = 1.0
"""A skill mentioned in a dated position: used on the job, for a known time."""
STRENGTH_WORK = 0.85
"""Mentioned in experience or projects, without dates."""
STRENGTH_STATED = 0.7
"""Mentioned in a summary, profile, publication or certification."""
STRENGTH_LISTED = 0.6
"""Only listed (a skills section or anywhere else)."""
DERIVED_FACTOR = 0.9
"""A competency shown only through its tools (PyTorch -> deep learning)."""

_WORK_SECTIONS = frozenset({"experience", "projects"})
_STATED_SECTIONS = frozenset({"summary", "profile", "publications", "certifications", "awards"})


def skill_strength(match: SkillMatch) -> float:
    """How strongly the resume evidences one skill, in (0, 1]."""
    sections = {evidence.section for evidence in match.evidence}
    if match.years is not None and sections & _WORK_SECTIONS:
        strength = STRENGTH_DATED
    elif sections & _WORK_SECTIONS:
        strength = STRENGTH_WORK
    elif sections & _STATED_SECTIONS:
        strength = STRENGTH_STATED
    else:
        strength = STRENGTH_LISTED
    return strength * DERIVED_FACTOR if match.derived else strength


def skill_strengths(skills: Iterable[SkillMatch]) -> dict[str, float]:
    """Skill id -> strength for every skill found."""
    return {match.id: skill_strength(match) for match in skills}


def vector(values: Mapping[str, float], index: Mapping[str, int]) -> list[float]:
    """A dense row over ``index``'s features (ids missing from ``index`` are ignored)."""
    row = [0.0] * len(index)
    for key, value in values.items():
        column = index.get(key)
        if column is not None:
            row[column] = value
    return row


def years_fit(
    years: float | None, low: float, high: float | None, *, sigma: float = DEFAULT_YEARS_SIGMA
) -> float:
    """1 inside ``[low, high]``, falling off smoothly (a Gaussian) outside it.

    Unknown years give 0.5: neither evidence for nor against the level.
    """
    if years is None:
        return 0.5
    if years < low:
        distance = low - years
    elif high is not None and years > high:
        distance = years - high
    else:
        return 1.0
    return math.exp(-0.5 * (distance / sigma) ** 2)


def weighted_share(found: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The share of ``weights`` that ``found`` covers (each found strength capped at 1)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(min(found.get(key, 0.0), 1.0) * weight for key, weight in weights.items()) / total


def ordered(ids: Iterable[str], weights: Mapping[str, float]) -> Sequence[str]:
    """Ids by weight, heaviest first, then by id for a stable order."""
    return sorted(ids, key=lambda key: (-weights.get(key, 0.0), key))


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
