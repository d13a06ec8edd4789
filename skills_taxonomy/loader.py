"""Load the shipped taxonomy, merge a user's file into it, validate, build typed objects."""

from __future__ import annotations

import copy
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import TaxonomyError
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
from .sources import (
    SECTIONS,
    RawEntry,
    RawTaxonomy,
    add_document,
    add_entries,
    iter_jsonl,
    parse_yaml,
    read_file,
    strip_lines,
)
from .validate import check

_LIST_FILES = {
    "levels": "levels.yaml",
    "industries": "industries.yaml",
    "certifications": "certifications.yaml",
    "roadmap": "roadmap.yaml",
}


def read_shipped() -> RawTaxonomy:
    """The taxonomy that ships inside the package, as raw entries."""
    data = resources.files("skills_taxonomy") / "data"
    raw = RawTaxonomy()
    meta, problems = parse_yaml((data / "taxonomy.yaml").read_text("utf-8"), "taxonomy.yaml")
    raw.problems.extend(problems)
    add_document(raw, meta, "taxonomy.yaml")
    for entry, problem in iter_jsonl((data / "skills.jsonl").read_text("utf-8"), "skills.jsonl"):
        if problem is not None:
            raw.problems.append(problem)
        elif entry is not None:
            raw.entries["skills"].append(entry)
    for section, name in _LIST_FILES.items():
        document, problems = parse_yaml((data / name).read_text("utf-8"), name)
        raw.problems.extend(problems)
        add_entries(raw, section, document or [], name, 1)
    degrees, problems = parse_yaml((data / "degrees.yaml").read_text("utf-8"), "degrees.yaml")
    raw.problems.extend(problems)
    raw.degrees = strip_lines(degrees) or {}
    raw.files.append("skills_taxonomy/data")
    return raw


def merge(base: RawTaxonomy, extra: RawTaxonomy) -> RawTaxonomy:
    """``base`` with ``extra`` merged in, as SCHEMA.md's "Overrides" describes.

    Scalars are replaced, lists extended (without repeats), mappings merged key by key.
    A new id adds an entry.  The version of the result names both, so caches keyed on it
    see the change.
    """
    merged = copy.deepcopy(base)
    merged.files.extend(extra.files)
    merged.problems.extend(extra.problems)
    for key, value in extra.meta.items():
        if key == "version" and "version" in merged.meta:
            merged.meta["version"] = f"{merged.meta['version']}+{value}"
        elif key in ("categories", "regions") and isinstance(value, list):
            merged.meta.setdefault(key, [])
            merged.meta[key].extend(value)
        else:
            merged.meta[key] = value
        merged.meta_where[key] = extra.meta_where[key]
    if extra.degrees:
        for key, value in extra.degrees.items():
            merged.degrees.setdefault(key, [])
            if isinstance(value, list) and isinstance(merged.degrees[key], list):
                merged.degrees[key].extend(value)
    for section in SECTIONS:
        by_id = {str(e.data.get("id")): e for e in merged.entries[section]}
        for entry in extra.entries[section]:
            target = by_id.get(str(entry.data.get("id")))
            if target is None:
                merged.entries[section].append(entry)
                by_id[str(entry.data.get("id"))] = entry
            else:
                _merge_entry(target, entry)
    if extra.files and "version" not in extra.meta and "version" in merged.meta:
        merged.meta["version"] = f"{merged.meta['version']}+{'+'.join(extra.files)}"
    return merged


def _merge_entry(target: RawEntry, extra: RawEntry) -> None:
    for key, value in extra.data.items():
        old = target.data.get(key)
        if isinstance(old, list) and isinstance(value, list):
            offset = len(old)
            for index, item in enumerate(value):
                if item not in old:
                    old.append(item)
                    if f"{key}[{index}]" in extra.lines:
                        target.lines[f"{key}[{offset}]"] = extra.lines[f"{key}[{index}]"]
                        offset += 1
        elif isinstance(old, dict) and isinstance(value, dict):
            old.update(value)
            for sub in value:
                if f"{key}.{sub}" in extra.lines:
                    target.lines[f"{key}.{sub}"] = extra.lines[f"{key}.{sub}"]
        else:
            target.data[key] = value
            if key in extra.lines:
                target.lines[key] = extra.lines[key]


def problems_in(extra: Path | None = None) -> list[str]:
    """Every problem of the shipped taxonomy merged with ``extra`` (empty when valid)."""
    raw = read_shipped() if extra is None else merge(read_shipped(), read_file(extra))
    return [*raw.problems, *check(raw)]


def load_taxonomy(extra: Path | str | None = None) -> Taxonomy:
    """The shipped taxonomy, extended or overridden by the user's file ``extra``.

    Raises :class:`TaxonomyError` listing every problem when the result is invalid.
    Results are cached per file and modification time: the CLI and batch workers call
    this freely.
    """
    if extra is None:
        return _load(None, 0)
    path = Path(extra)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0  # read_file reports the problem with the file's name
    return _load(path, mtime)


@lru_cache(maxsize=8)
def _load(extra: Path | None, _mtime: int) -> Taxonomy:
    raw = read_shipped() if extra is None else merge(read_shipped(), read_file(extra))
    problems = [*raw.problems, *check(raw)]
    if problems:
        source = extra.name if extra is not None else "the shipped taxonomy"
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise TaxonomyError(f"{source}: {count}", problems=tuple(problems))
    return build(raw)


def _by_id(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Categories or regions in order, a repeated id (a user's file overriding one) taking
    the place of the first."""
    return list({item["id"]: item for item in items}.values())


def build(raw: RawTaxonomy) -> Taxonomy:
    """Typed objects from raw entries that :func:`check` found valid."""
    meta = raw.meta
    entries = {section: [e.data for e in raw.entries[section]] for section in SECTIONS}
    degrees = raw.degrees
    return Taxonomy(
        version=str(meta["version"]),
        guide=str(meta.get("guide", "")),
        categories=tuple(
            Category(c["id"], c["name"], c.get("evidence")) for c in _by_id(meta["categories"])
        ),
        regions=tuple(Region(r["id"], r["name"], r["currency"]) for r in _by_id(meta["regions"])),
        skills=tuple(_skill(s) for s in entries["skills"]),
        levels=tuple(
            sorted((_level(level) for level in entries["levels"]), key=lambda lv: lv.rank)
        ),
        industries=tuple(_industry(i) for i in entries["industries"]),
        certifications=tuple(_certification(c) for c in entries["certifications"]),
        roadmap=tuple(sorted((_step(s) for s in entries["roadmap"]), key=lambda step: step.step)),
        degree_levels=tuple(
            DegreeLevel(d["id"], d["name"], int(d["rank"]), _lower(d.get("aliases", ())))
            for d in degrees.get("levels", ())
        ),
        degree_fields=tuple(
            DegreeField(d["id"], d["name"], bool(d.get("guide", False)), _lower(d["aliases"]))
            for d in degrees.get("fields", ())
        ),
        sources=tuple(raw.files),
    )


def _lower(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v).lower() for v in values or ()))


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in values or ()))


def _skill(data: dict[str, Any]) -> Skill:
    return Skill(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        kind=data["kind"],
        source=data["source"],
        aliases=_lower(data.get("aliases")),
        forms=_strings(data.get("forms")),
        context=_lower(data.get("context")),
        evidences=_strings(data.get("evidences")),
        title=bool(data.get("title", False)),
    )


def _level(data: dict[str, Any]) -> Level:
    years = data["years"]
    salary = {
        region: SalaryBand(
            region=region,
            currency=band["currency"],
            min=int(band["min"]),
            max=int(band["max"]),
            open_ended=bool(band.get("open_ended", False)),
            text=str(band.get("text", "")),
        )
        for region, band in (data.get("salary") or {}).items()
    }
    return Level(
        id=data["id"],
        name=data["name"],
        rank=int(data["rank"]),
        years_min=float(years["min"]),
        years_max=None if years.get("max") is None else float(years["max"]),
        responsibilities=_strings(data.get("responsibilities")),
        required={k: float(v) for k, v in (data.get("required") or {}).items()},
        preferred={k: float(v) for k, v in (data.get("preferred") or {}).items()},
        salary=salary,
        source=data["source"],
        title_words=_lower(data.get("title_words")),
    )


def _industry(data: dict[str, Any]) -> Industry:
    return Industry(
        id=data["id"],
        name=data["name"],
        subsectors=_strings(data.get("subsectors")),
        applications=_strings(data.get("applications")),
        vocabulary=_lower(data.get("vocabulary")),
        source=data["source"],
        skills={k: float(v) for k, v in (data.get("skills") or {}).items()},
    )


def _certification(data: dict[str, Any]) -> Certification:
    return Certification(
        id=data["id"],
        name=data["name"],
        provider=str(data.get("provider", "")),
        aliases=_lower(data.get("aliases")),
        covers=_strings(data.get("covers")),
        source=data["source"],
    )


def _step(data: dict[str, Any]) -> RoadmapStep:
    return RoadmapStep(
        step=int(data["step"]),
        id=data["id"],
        name=data["name"],
        summary=str(data.get("summary", "")),
        teaches=_strings(data.get("teaches")),
        source=data["source"],
    )
