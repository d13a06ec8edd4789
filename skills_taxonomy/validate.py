"""Check a (merged) raw taxonomy and report every problem at once, with file and line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from .sources import SECTIONS, RawEntry, RawTaxonomy

LEVEL_IDS = (
    "entry-level-ai-engineer",
    "machine-learning-engineer",
    "senior-ai-engineer",
    "ai-architect",
    "head-of-ai",
)
INDUSTRY_IDS = ("technology", "healthcare", "finance", "retail-ecommerce", "manufacturing")
REGION_IDS = ("us", "canada", "uk", "india")
SKILL_KINDS = ("competency", "tool")
CATEGORY_EVIDENCE = ("ai", "data")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# field -> (required?, expected type) per section; anything else is an unknown field.
_FIELDS: dict[str, dict[str, tuple[bool, type | tuple[type, ...]]]] = {
    "skills": {
        "id": (True, str),
        "name": (True, str),
        "category": (True, str),
        "kind": (True, str),
        "source": (True, str),
        "aliases": (False, list),
        "forms": (False, list),
        "context": (False, list),
        "evidences": (False, list),
        "title": (False, bool),
    },
    "levels": {
        "id": (True, str),
        "name": (True, str),
        "rank": (True, int),
        "years": (True, dict),
        "responsibilities": (True, list),
        "required": (True, dict),
        "preferred": (False, dict),
        "salary": (False, dict),
        "title_words": (False, list),
        "source": (True, str),
    },
    "industries": {
        "id": (True, str),
        "name": (True, str),
        "subsectors": (False, list),
        "applications": (False, list),
        "vocabulary": (True, list),
        "skills": (False, dict),
        "source": (True, str),
    },
    "certifications": {
        "id": (True, str),
        "name": (True, str),
        "provider": (False, str),
        "aliases": (False, list),
        "covers": (False, list),
        "source": (True, str),
    },
    "roadmap": {
        "step": (True, int),
        "id": (True, str),
        "name": (True, str),
        "summary": (False, str),
        "teaches": (False, list),
        "source": (True, str),
    },
}


def check(raw: RawTaxonomy) -> list[str]:
    """Every problem in ``raw``, each as ``"file:line: message"``, in file order."""
    problems: list[str] = []
    problems += _check_meta(raw)
    for section in SECTIONS:
        for entry in raw.entries[section]:
            problems += _check_shape(section, entry)
    problems += _check_ids(raw)
    skills = {str(e.data.get("id")): e for e in raw.entries["skills"]}
    categories = {c.get("id") for c in raw.meta.get("categories", []) if isinstance(c, dict)}
    regions = {r.get("id") for r in raw.meta.get("regions", []) if isinstance(r, dict)}
    problems += _check_skills(raw.entries["skills"], skills, categories)
    problems += _check_levels(raw, skills, regions)
    problems += _check_industries(raw, skills)
    for entry in raw.entries["certifications"]:
        problems += _check_refs(entry, "covers", entry.data.get("covers"), skills)
    for entry in raw.entries["roadmap"]:
        problems += _check_refs(entry, "teaches", entry.data.get("teaches"), skills)
    problems += _check_degrees(raw)
    return problems


def _check_meta(raw: RawTaxonomy) -> list[str]:
    problems = []
    for key in ("version", "categories", "regions"):
        if key not in raw.meta:
            problems.append(f"taxonomy.yaml:1: missing {key!r}")
    for key in ("categories", "regions"):
        for item in raw.meta.get(key, []):
            where = raw.meta_where.get(key, "taxonomy.yaml:1")
            if not isinstance(item, dict) or "id" not in item or "name" not in item:
                problems.append(f"{where}: each of {key!r} needs an 'id' and a 'name'")
            elif key == "categories" and item.get("evidence") not in (None, *CATEGORY_EVIDENCE):
                problems.append(
                    f"{where}: category {item['id']!r}: evidence must be one of "
                    f"{', '.join(map(repr, CATEGORY_EVIDENCE))}, not {item['evidence']!r}"
                )
    return problems


def _check_shape(section: str, entry: RawEntry) -> list[str]:
    fields = _FIELDS[section]
    problems = []
    label = f"{section[:-1] if section != 'industries' else 'industry'}"
    ident = entry.data.get("id", "?")
    for key, value in entry.data.items():
        if key not in fields:
            close = difflib.get_close_matches(key, fields, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"{entry.where(key)}: {label} {ident!r}: unknown field {key!r}{hint}")
            continue
        expected = fields[key][1]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            kind = expected.__name__ if isinstance(expected, type) else "value"
            problems.append(
                f"{entry.where(key)}: {label} {ident!r}: {key!r} must be a {_type_name(kind)}"
            )
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    problems.append(
                        f"{entry.where(f'{key}[{index}]')}: {label} {ident!r}: "
                        f"{key!r} must hold non-empty strings"
                    )
    for key, (required, _) in fields.items():
        if required and key not in entry.data:
            problems.append(f"{entry.where()}: {label} {ident!r}: missing required field {key!r}")
    return problems


def _type_name(kind: str) -> str:
    names = {"str": "string", "int": "whole number", "list": "list", "dict": "mapping"}
    return {**names, "bool": "boolean (true or false)"}.get(kind, kind)


def _check_ids(raw: RawTaxonomy) -> list[str]:
    problems = []
    seen: dict[str, str] = {}
    for section in ("skills", "levels", "industries"):
        for entry in raw.entries[section]:
            ident = entry.data.get("id")
            if not isinstance(ident, str):
                continue
            if not _ID.match(ident):
                problems.append(f"{entry.where('id')}: id {ident!r} must be lowercase kebab-case")
            if ident in seen:
                problems.append(
                    f"{entry.where('id')}: duplicate id {ident!r} (first at {seen[ident]})"
                )
            else:
                seen[ident] = entry.where("id")
    for section in ("certifications", "roadmap"):
        local: dict[str, str] = {}
        for entry in raw.entries[section]:
            ident = entry.data.get("id")
            if isinstance(ident, str):
                if ident in local:
                    problems.append(
                        f"{entry.where('id')}: duplicate id {ident!r} (first at {local[ident]})"
                    )
                local.setdefault(ident, entry.where("id"))
    return problems


def _check_skills(
    entries: list[RawEntry], skills: dict[str, RawEntry], categories: set[Any]
) -> list[str]:
    problems = []
    for entry in entries:
        data = entry.data
        ident = str(data.get("id"))
        if "category" in data and data["category"] not in categories:
            problems.append(
                f"{entry.where('category')}: skill {ident!r}: unknown category "
                f"{data['category']!r}{_suggest(data['category'], categories)}"
            )
        if "kind" in data and data["kind"] not in SKILL_KINDS:
            problems.append(
                f"{entry.where('kind')}: skill {ident!r}: kind must be one of {SKILL_KINDS}"
            )
        problems += _check_refs(entry, "evidences", data.get("evidences"), skills)
        if ident in (data.get("evidences") or []):
            problems.append(f"{entry.where('evidences')}: skill {ident!r} evidences itself")
        if not data.get("aliases") and not data.get("forms"):
            problems.append(f"{entry.where()}: skill {ident!r} has no aliases or forms to match")
    return problems + _check_surfaces(entries)


def _check_surfaces(entries: list[RawEntry]) -> list[str]:
    """Each alias or form belongs to one skill.

    Forms written where their skill is defined are claimed first, forms merged in from an
    override file after, so a clash is reported on the line the user wrote.
    """
    own: list[tuple[RawEntry, str, str, str]] = []
    merged: list[tuple[RawEntry, str, str, str]] = []
    for entry in entries:
        for key in ("aliases", "forms"):
            values = entry.data.get(key)
            if not isinstance(values, list):
                continue
            for index, form in enumerate(values):
                if not isinstance(form, str) or not form.strip():
                    continue
                part = f"{key}[{index}]"
                added = part in entry.lines and entry.lines[part][0] != entry.file
                (merged if added else own).append((entry, key, form, entry.where(part)))
    problems = []
    owner: dict[str, tuple[str, str]] = {}  # lowercased surface form -> (skill id, where)
    for entry, key, form, where in [*own, *merged]:
        ident = str(entry.data.get("id"))
        # aliases match in any case, so a form also collides with an alias in any case
        surface = " ".join(form.lower().split())
        first = owner.get(surface)
        if first is None:
            owner[surface] = (ident, where)
        elif first[0] != ident:
            kind = "alias" if key == "aliases" else "form"
            problems.append(
                f"{where}: {kind} {form!r} already belongs to {first[0]!r} ({first[1]})"
            )
    return sorted(problems, key=_file_order)


def _file_order(problem: str) -> tuple[str, int]:
    file, _, rest = problem.partition(":")
    line = rest.partition(":")[0]
    return file, int(line) if line.isdigit() else 0


def _check_levels(raw: RawTaxonomy, skills: dict[str, RawEntry], regions: set[Any]) -> list[str]:
    problems = []
    entries = raw.entries["levels"]
    present = {e.data.get("id") for e in entries}
    for ident in LEVEL_IDS:
        if ident not in present:
            problems.append(f"levels.yaml:1: missing career level {ident!r}")
    ranks: dict[Any, str] = {}
    for entry in entries:
        data = entry.data
        ident = str(data.get("id"))
        rank = data.get("rank")
        if rank in ranks:
            problems.append(
                f"{entry.where('rank')}: level {ident!r}: rank {rank} also used by {ranks[rank]}"
            )
        ranks.setdefault(rank, str(ident))
        years = data.get("years")
        if isinstance(years, dict):
            low, high = years.get("min"), years.get("max")
            if not isinstance(low, int | float) or (
                high is not None and not isinstance(high, int | float)
            ):
                problems.append(
                    f"{entry.where('years')}: level {ident!r}: "
                    "years needs numeric min and max (max may be null)"
                )
            elif high is not None and high <= low:
                problems.append(
                    f"{entry.where('years')}: level {ident!r}: years max must exceed min"
                )
        for key in ("required", "preferred"):
            problems += _check_weights(entry, "level", key, skills)
        both = set(data.get("required") or {}) & set(data.get("preferred") or {})
        for skill_id in sorted(both):
            problems.append(
                f"{entry.where(f'preferred.{skill_id}')}: level {ident!r}: "
                f"{skill_id!r} is both required and preferred"
            )
        salary = data.get("salary") or {}
        if isinstance(salary, dict):
            for region, band in salary.items():
                where = entry.where(f"salary.{region}")
                if region not in regions:
                    problems.append(f"{where}: level {ident!r}: unknown salary region {region!r}")
                if not isinstance(band, dict) or not {"currency", "min", "max"} <= set(band):
                    problems.append(
                        f"{where}: level {ident!r}: a salary band needs currency, min and max"
                    )
                elif not band["min"] <= band["max"]:
                    problems.append(f"{where}: level {ident!r}: salary min exceeds max")
    return problems


def _check_industries(raw: RawTaxonomy, skills: dict[str, RawEntry]) -> list[str]:
    problems = []
    present = {e.data.get("id") for e in raw.entries["industries"]}
    for ident in INDUSTRY_IDS:
        if ident not in present:
            problems.append(f"industries.yaml:1: missing industry {ident!r}")
    for entry in raw.entries["industries"]:
        problems += _check_weights(entry, "industry", "skills", skills)
        vocabulary = entry.data.get("vocabulary")
        if isinstance(vocabulary, list) and not vocabulary:
            problems.append(
                f"{entry.where('vocabulary')}: industry {entry.data.get('id')!r}: "
                "vocabulary is empty (its terms identify work in the sector)"
            )
    return problems


def _check_weights(entry: RawEntry, label: str, key: str, skills: dict[str, RawEntry]) -> list[str]:
    """Problems of a ``skill id -> weight`` mapping: unknown skills, weights outside (0, 1]."""
    weights = entry.data.get(key)
    if not isinstance(weights, dict):
        return []
    problems = []
    ident = entry.data.get("id")
    for skill_id, weight in weights.items():
        where = entry.where(f"{key}.{skill_id}")
        if skill_id not in skills:
            problems.append(
                f"{where}: {label} {ident!r}: {key} skill {skill_id!r} is not in the taxonomy"
                f"{_suggest(skill_id, skills)}"
            )
        if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0 < weight <= 1:
            problems.append(f"{where}: {label} {ident!r}: weight of {skill_id!r} must be in (0, 1]")
    return problems


def _check_refs(entry: RawEntry, key: str, values: Any, skills: dict[str, RawEntry]) -> list[str]:
    if not isinstance(values, list):
        return []
    return [
        f"{entry.where(f'{key}[{index}]')}: {entry.data.get('id')!r}: {key} refers to unknown "
        f"skill {value!r}{_suggest(value, skills)}"
        for index, value in enumerate(values)
        if isinstance(value, str) and value not in skills
    ]


def _check_degrees(raw: RawTaxonomy) -> list[str]:
    problems = []
    for key in ("levels", "fields"):
        items = raw.degrees.get(key)
        if not isinstance(items, list) or not items:
            problems.append(f"degrees.yaml:1: 'degrees.{key}' must be a non-empty list")
            continue
        for item in items:
            if not isinstance(item, dict) or not {"id", "name", "aliases"} <= set(item):
                problems.append(f"degrees.yaml:1: each of 'degrees.{key}' needs id, name, aliases")
            elif key == "levels" and not isinstance(item.get("rank"), int):
                problems.append(
                    f"degrees.yaml:1: degree level {item['id']!r} needs a whole-number rank"
                )
    return problems


def _suggest(value: Any, known: Iterable[Any]) -> str:
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
