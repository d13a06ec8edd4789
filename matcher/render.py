"""Turn results into text for people: tables and short reports.  Used by cli.py only.

Pure functions from data to strings; no printing, no terminal detection.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from skills_taxonomy import Taxonomy


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, max_width: int = 60) -> str:
    """A plain-text table with aligned columns; cells longer than ``max_width`` are cut."""
    cells = [[_cell(value, max_width) for value in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def _cell(value: Any, max_width: int) -> str:
    if value is None:
        text = "-"
    elif isinstance(value, list | tuple):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, float):
        text = f"{value:g}"
    else:
        text = str(value)
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def _years(level: Mapping[str, Any]) -> str:
    low, high = level["years_min"], level["years_max"]
    return f"{low:g}+" if high is None else f"{low:g}–{high:g}"


def taxonomy_list(what: str, rows: Sequence[Mapping[str, Any]], taxonomy: Taxonomy) -> str:
    """The table ``matcher taxonomy list WHAT`` prints."""
    body: list[tuple[Any, ...]]
    if what == "skills":
        body = [
            (
                r["id"],
                r["name"],
                r["category"],
                r["kind"],
                len(r["aliases"]) + len(r["forms"]),
                r["evidences"],
            )
            for r in rows
        ]
        footer = f"{len(rows)} skills\n"
        return table(("id", "name", "category", "kind", "forms", "evidences"), body) + footer
    if what == "levels":
        body = [
            (r["id"], r["name"], _years(r), len(r["required"]), len(r["preferred"])) for r in rows
        ]
        return table(("id", "name", "years", "required", "preferred"), body)
    if what == "industries":
        body = [(r["id"], r["name"], r["subsectors"], len(r["vocabulary"])) for r in rows]
        return table(("id", "name", "sub-sectors", "vocabulary"), body)
    if what == "certifications":
        body = [(r["id"], r["name"], r["covers"]) for r in rows]
        return table(("id", "name", "covers"), body)
    if what == "roadmap":
        body = [(r["step"], r["name"], r["teaches"]) for r in rows]
        return table(("step", "name", "teaches"), body)
    counts = {c.id: 0 for c in taxonomy.categories}
    for skill in taxonomy.skills:
        counts[skill.category] += 1
    body = [(r["id"], r["name"], counts[r["id"]]) for r in rows]
    return table(("id", "name", "skills"), body)


def taxonomy_entry(kind: str, entry: Mapping[str, Any], taxonomy: Taxonomy) -> str:
    """The report ``matcher taxonomy show ID`` prints."""
    lines = [f"{entry['name']}  ({kind.replace('_', ' ')} {entry['id']})"]
    if kind == "level":
        lines.append(f"years: {_years(entry)}")
        lines.append("responsibilities: " + "; ".join(entry["responsibilities"]))
        for key in ("required", "preferred"):
            weights = sorted(entry[key].items(), key=lambda kv: (-kv[1], kv[0]))
            lines.append(f"{key} skills:")
            lines += [f"  {taxonomy.skill(s).name:<40} {w:.2f}" for s, w in weights]
        if entry["salary"]:
            lines.append("salary (the guide's 2026 figures):")
            for region, band in entry["salary"].items():
                lines.append(f"  {region:<7} {band['text']}")
        else:
            lines.append("salary: the guide gives no band for this level")
    else:
        for key, value in entry.items():
            if key in ("id", "name") or value in ((), [], "", None):
                continue
            if key == "evidences":
                value = [f"{taxonomy.skill(s).name} ({s})" for s in value]
            rendered = (
                ", ".join(str(v) for v in value) if isinstance(value, list | tuple) else value
            )
            lines.append(f"{key}: {rendered}")
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 96, indent: str = "    ") -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent) or [
        indent
    ]


def parsed_resume(data: Mapping[str, Any]) -> str:
    """The report ``matcher parse`` prints: contact, positions, education, sections."""
    candidate = data["candidate"]
    experience = data["experience"]
    lines = [f"{data['file']}"]
    body: list[tuple[Any, ...]]
    for key in ("name", "email", "phone"):
        lines.append(f"  {key + ':':<7} {candidate.get(key) or '-'}")
    lines.append(f"  {'links:':<7} {', '.join(candidate.get('links') or []) or '-'}")
    total = experience.get("total_years")
    lines.append("")
    lines.append(f"Experience: {'-' if total is None else f'{total:g} years'}")
    if experience["positions"]:
        body = [
            (p["start"], p["end"], p["years"], p["title"], p["organization"])
            for p in experience["positions"]
        ]
        lines += [
            "  " + row
            for row in table(("start", "end", "years", "title", "organization"), body).splitlines()
        ]
    if data["education"]:
        lines.append("")
        lines.append("Education:")
        body = [(e["degree"], e["field"], e["institution"], e["year"]) for e in data["education"]]
        lines += [
            "  " + row
            for row in table(("degree", "field", "institution", "year"), body).splitlines()
        ]
    if data["certifications"]:
        lines.append("")
        lines.append("Certifications:")
        lines += [
            f"  {c['name']}" + (f"  ({c['id']})" if c.get("id") else "")
            for c in data["certifications"]
        ]
    lines.append("")
    lines.append("Sections, in reading order:")
    for section in data["sections"]:
        heading = section["heading"] or "(before the first heading)"
        body_lines = section["text"].splitlines()
        lines.append(f"  [{section['name']}] {heading} — {len(body_lines)} lines")
        for text in body_lines[:3]:
            lines += _wrap(text)
        if len(body_lines) > 3:
            lines.append("    …")
    for warning in data.get("warnings", []):
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"


def skills_report(data: Mapping[str, Any], taxonomy: Taxonomy) -> str:
    """The report ``matcher skills`` prints: skills by category, each with its evidence."""
    names = {category.id: category.name for category in taxonomy.categories}
    lines = [f"{data['file']}: {len(data['skills'])} skills"]
    category = None
    for skill in data["skills"]:
        if skill["category"] != category:
            category = skill["category"]
            lines.append("")
            lines.append(names.get(category, category))
        facts = [f"{skill['mentions']} mention{'s' if skill['mentions'] != 1 else ''}"]
        if skill["years"] is not None:
            facts.append(f"{skill['years']:g} y")
        if skill["last_used"] is not None:
            facts.append(f"last {skill['last_used']}")
        if skill["derived"]:
            facts.append("derived from " + ", ".join(skill["via"]))
        lines.append(f"  {skill['name']}  ({'; '.join(facts)})")
        for evidence in skill["evidence"]:
            lines += _wrap(f"[{evidence['section']}] {evidence['text']}", indent="      ")
    return "\n".join(lines) + "\n"
