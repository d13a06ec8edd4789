"""The taxonomy as plain data: what ``matcher taxonomy export`` prints and other tools read."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .model import Taxonomy

ENTRY_KINDS = ("skill", "level", "industry", "certification", "roadmap_step")


def to_dict(taxonomy: Taxonomy) -> dict[str, Any]:
    """Every part of the taxonomy as JSON-ready data, in the taxonomy's own order."""
    return {
        "version": taxonomy.version,
        "guide": taxonomy.guide,
        "sources": list(taxonomy.sources),
        "categories": [asdict(c) for c in taxonomy.categories],
        "regions": [asdict(r) for r in taxonomy.regions],
        "skills": [asdict(s) for s in taxonomy.skills],
        "levels": [asdict(level) for level in taxonomy.levels],
        "industries": [asdict(i) for i in taxonomy.industries],
        "certifications": [asdict(c) for c in taxonomy.certifications],
        "roadmap": [asdict(s) for s in taxonomy.roadmap],
        "degrees": {
            "levels": [asdict(d) for d in taxonomy.degree_levels],
            "fields": [asdict(d) for d in taxonomy.degree_fields],
        },
    }


def find_entry(taxonomy: Taxonomy, ident: str) -> tuple[str, dict[str, Any]] | None:
    """(kind, data) of the skill, level, industry, certification or roadmap step ``ident``."""
    groups: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("skill", taxonomy.skills),
        ("level", taxonomy.levels),
        ("industry", taxonomy.industries),
        ("certification", taxonomy.certifications),
        ("roadmap_step", taxonomy.roadmap),
    )
    for kind, entries in groups:
        for entry in entries:
            if entry.id == ident:
                return kind, asdict(entry)
    return None
