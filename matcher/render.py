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
