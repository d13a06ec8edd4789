"""The gaps stage: what is missing for a target, in the order to learn it.

Required before preferred, heavier before lighter, then by the guide's roadmap; each gap
names the roadmap step that teaches it and the guide's certifications that cover it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matcher.score import MissingSkill
from matcher.skills import rolls_up_to
from skills_taxonomy import Certification, RoadmapStep, Taxonomy


@dataclass(frozen=True)
class Gap:
    skill: MissingSkill
    roadmap_step: RoadmapStep | None
    """The first step of the guide's roadmap that teaches the skill (or its competency)."""
    certifications: tuple[Certification, ...]
    """The guide's certifications that cover the skill (or its competency)."""

    def to_dict(self) -> dict[str, Any]:
        step = self.roadmap_step
        return {
            **self.skill.to_dict(),
            "roadmap_step": None
            if step is None
            else {"step": step.step, "id": step.id, "name": step.name},
            "certifications": [{"id": c.id, "name": c.name} for c in self.certifications],
        }


def find_gaps(missing: Sequence[MissingSkill], taxonomy: Taxonomy) -> tuple[Gap, ...]:
    """Each missing skill with its roadmap step and certifications, in learning order."""
    gaps = []
    for skill in missing:
        related = (skill.id, *rolls_up_to(skill.id, taxonomy))
        step = next(
            (s for key in related for s in taxonomy.roadmap if key in s.teaches),
            None,
        )
        certifications = tuple(
            c for c in taxonomy.certifications if any(key in c.covers for key in related)
        )
        gaps.append(Gap(skill, step, certifications))
    last = len(taxonomy.roadmap) + 1
    return tuple(
        sorted(
            gaps,
            key=lambda gap: (
                gap.skill.importance != "required",
                -gap.skill.weight,
                gap.roadmap_step.step if gap.roadmap_step is not None else last,
                gap.skill.id,
            ),
        )
    )
