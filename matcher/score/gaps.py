"""The gaps stage: what is missing for a target, in the order to learn it.

Required before preferred, heavier before lighter, then by the guide's roadmap; each gap
names the roadmap step that teaches it and the guide's certifications that cover it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from matcher.score.features import MissingSkill
from matcher.score.industries import industry_skills
from matcher.skills import rolls_up_to
from skills_taxonomy import Certification, RoadmapStep, Taxonomy


@dataclass(frozen=True)
class Gap:
    skill: MissingSkill
    roadmap_step: RoadmapStep | None
    """The step of the guide's roadmap that teaches the skill (see :func:`roadmap_step`)."""
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
        certifications = tuple(
            c for c in taxonomy.certifications if any(key in c.covers for key in related)
        )
        gaps.append(Gap(skill, roadmap_step(skill.id, taxonomy), certifications))
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


def roadmap_step(skill_id: str, taxonomy: Taxonomy) -> RoadmapStep | None:
    """The roadmap step that teaches a skill: its own, else the latest step among the
    competencies it directly evidences, since a tool is learned once all of them are
    (TensorFlow evidences Python, step 1, and deep learning, step 3: step 3).  None when
    neither the skill nor what it evidences is on the roadmap."""
    own = [step for step in taxonomy.roadmap if skill_id in step.teaches]
    if own:
        return own[0]
    evidenced = taxonomy.skill(skill_id).evidences
    steps = [step for step in taxonomy.roadmap if any(key in step.teaches for key in evidenced)]
    return max(steps, key=lambda step: step.step, default=None)


def report_gaps(
    data: Mapping[str, Any],
    taxonomy: Taxonomy,
    *,
    level: str | None = None,
    industry: str | None = None,
) -> dict[str, Any]:
    """``matcher gaps``'s ``target`` and ``gaps`` from a report (``score --format json``'s
    object, as a pool stores it): to ``level``, to ``industry``, or with neither to the
    posting of the report's ``job``."""
    missing: list[MissingSkill]
    if level is not None:
        fit = next(f for f in data["levels"] if f["id"] == level)
        target = {"kind": "level", "id": fit["id"], "name": fit["name"], "score": fit["score"]}
        missing = [MissingSkill(**m) for m in fit["missing_skills"]]
    elif industry is not None:
        sector = taxonomy.industry(industry)
        fit = next(f for f in data["industries"] if f["id"] == industry)
        target = {"kind": "industry", "id": sector.id, "name": sector.name, "score": fit["score"]}
        shown = {skill["id"]: 1.0 for skill in data["skills"]}
        _, lacking = industry_skills(sector, shown, taxonomy)
        missing = list(lacking)
    else:
        job = data["job"]
        target = {"kind": "job", "id": job["file"], "name": job["title"], "score": job["score"]}
        missing = [MissingSkill(**m) for m in job["missing_skills"]]
    return {"target": target, "gaps": [gap.to_dict() for gap in find_gaps(missing, taxonomy)]}
