"""The skills taxonomy built from the AI Engineer Career Guide 2026.

Data files under ``data/`` (see SCHEMA.md), loaded as package data, validated as a whole,
and returned as typed, immutable objects::

    from skills_taxonomy import load_taxonomy
    taxonomy = load_taxonomy()                 # the shipped taxonomy
    taxonomy = load_taxonomy("my.yaml")        # extended or overridden by a user's file
"""

from .errors import TaxonomyError
from .loader import load_taxonomy, problems_in
from .model import (
    Category,
    Certification,
    DegreeField,
    DegreeLevel,
    Industry,
    Level,
    Region,
    RoadmapStep,
    SalaryBand,
    Skill,
    Taxonomy,
)
from .validate import INDUSTRY_IDS, LEVEL_IDS, REGION_IDS

__all__ = [
    "INDUSTRY_IDS",
    "LEVEL_IDS",
    "REGION_IDS",
    "Category",
    "Certification",
    "DegreeField",
    "DegreeLevel",
    "Industry",
    "Level",
    "Region",
    "RoadmapStep",
    "SalaryBand",
    "Skill",
    "Taxonomy",
    "TaxonomyError",
    "load_taxonomy",
    "problems_in",
]
