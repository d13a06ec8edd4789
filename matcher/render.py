"""Turn results into text for people: tables and short reports.  Used by matcher.cli only.

Pure functions from data to strings; no printing, no terminal detection.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from matcher.parse.as_of import describe_as_of
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


PROOF_WIDTH = 70
"""Characters of an evidence line the score report shows beside a skill."""


def _excerpt(text: str, words: Sequence[str], width: int) -> str:
    """At most ``width`` characters of ``text``, cut around the first of ``words`` in it."""
    if len(text) <= width:
        return text
    lowered = text.lower()
    spans = [(at, at + len(word)) for word in words if (at := lowered.find(word.lower())) >= 0]
    at, end = min(spans, default=(0, 0))
    if end <= width - 1:
        return text[: width - 1] + "…"
    start = max(1, min(at - width // 3, len(text) - (width - 1)))
    piece = text[start : start + width - 1]
    if start + width - 1 < len(text):
        piece = piece[:-1] + "…"
    return "…" + piece


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
    lines.append(f"Experience: {'-' if total is None else f'{total:g} years'}{_as_of(data)}")
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


VIA_SHOWN = 6
"""Tools named beside a skill they evidence in the skills report (the JSON lists all)."""


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
        if skill["via"]:
            tools = ", ".join(skill["via"][:VIA_SHOWN])
            if len(skill["via"]) > VIA_SHOWN:
                tools += f" and {len(skill['via']) - VIA_SHOWN} more"
            facts.append(("derived from " if skill["derived"] else "also through ") + tools)
        lines.append(f"  {skill['name']}  ({'; '.join(facts)})")
        for evidence in skill["evidence"]:
            read = ", OCR" if evidence.get("ocr") else ""
            lines += _wrap(f"[{evidence['section']}{read}] {evidence['text']}", indent="      ")
    return "\n".join(lines) + "\n"


def bar(score: float, width: int = 20) -> str:
    """A 0-100 score as a bar of ``width`` cells."""
    filled = round(max(0.0, min(score, 100.0)) / 100 * width)
    return "█" * filled + "·" * (width - filled)


def _money(amount: int, currency: str) -> str:
    symbols = {"USD": "$", "GBP": "£", "CAD": "CAD ", "INR": "₹"}
    return f"{symbols.get(currency, currency + ' ')}{amount:,}"


def _components(components: Mapping[str, float]) -> str:
    return ", ".join(f"{key} {value:.2f}" for key, value in components.items())


def _as_of(data: Mapping[str, Any]) -> str:
    """ ", as of 2015-03 (file date)": what "Present" meant, where the data says."""
    if not data.get("as_of"):
        return ""
    return f", as of {describe_as_of(data['as_of'], data.get('as_of_source', ''))}"


def score_report(
    data: Mapping[str, Any], *, markdown: bool = False, industry: str | None = None
) -> str:
    """The report ``matcher score`` prints (plain text, or Markdown with ``markdown``)."""
    h1, h2 = ("# ", "## ") if markdown else ("", "")
    levels = {level["id"]: level for level in data["levels"]}
    best = levels.get(data["best_level"]) if data["best_level"] else None
    years = data["experience"]["total_years"]
    lines = [
        f"{h1}{data['file']}"
        + (f" — {data['candidate']['name']}" if data["candidate"].get("name") else "")
    ]
    lines.append("")
    lines.append(
        f"Best level:    {best['name'] if best else 'none (no AI or data background found)'}"
    )
    best_industry = next((i for i in data["industries"] if i["id"] == data["best_industry"]), None)
    lines.append(f"Best industry: {best_industry['name'] if best_industry else 'none'}")
    lines.append(
        f"Experience:    {'unknown' if years is None else f'{years:g} years'}{_as_of(data)}"
    )
    salary = data.get("salary")
    if salary:
        top = "+" if salary["open_ended"] else ""
        lines.append(
            f"Salary band:   {_money(salary['min'], salary['currency'])}–"
            f"{_money(salary['max'], salary['currency'])}{top} "
            f"({salary['region']}, the guide's 2026 figures)"
        )
    job = data.get("job")
    if job:
        lines.append("")
        lines.append(f"{h2}Job: {job.get('title') or job['file']} — {job['score']:.1f}/100")
        lines.append(f"  {_components(job['components'])}")
        lines.append("  matched: " + (", ".join(job["matched_skills"]) or "-"))
        missing = [f"{m['name']} ({m['importance']})" for m in job["missing_skills"]]
        lines.append("  missing: " + (", ".join(missing) or "-"))
    lines.append("")
    lines.append(f"{h2}Levels")
    for level in data["levels"]:
        lines.append(f"  {level['name']:<28} {bar(level['score'])} {level['score']:5.1f}")
        lines.append(f"  {'':<28} {_components(level['components'])}")
    lines.append("")
    lines.append(f"{h2}Industries")
    industries = sorted(data["industries"], key=lambda i: i["id"] != industry)
    for entry in industries:
        terms = ", ".join(entry["terms"][:6])
        lines.append(f"  {entry['name']:<28} {bar(entry['score'])} {entry['score']:5.1f}  {terms}")
    lines.append("")
    direct = [s for s in data["skills"] if not s["derived"]]
    lines.append(f"{h2}Skills ({len(direct)} found, {len(data['skills']) - len(direct)} derived)")
    strongest = sorted(direct, key=lambda s: (-s["mentions"], s["name"]))[:15]
    width = max((len(s["name"]) for s in strongest), default=0)
    for skill in strongest:
        proof = skill["evidence"][0]["text"] if skill["evidence"] else ""
        years_text = f"{skill['years']:g} y" if skill["years"] is not None else ""
        excerpt = _excerpt(proof, skill.get("written_as", []), PROOF_WIDTH)
        lines.append(f"  {skill['name']:<{width}} {years_text:>6}  {excerpt}")
    next_level = data.get("next_level")
    if next_level and next_level["missing_skills"]:
        lines.append("")
        lines.append(f"{h2}Missing for {next_level['name']}")
        for missing in next_level["missing_skills"][:10]:
            lines.append(
                f"  {missing['name']} ({missing['importance']}, weight {missing['weight']:g})"
            )
    for warning in data.get("warnings", []):
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"


def gaps_report(data: Mapping[str, Any], *, markdown: bool = False) -> str:
    """The report ``matcher gaps`` prints: the missing skills in learning order."""
    target = data["target"]
    name = target["name"] or target["id"]
    title = f"{data['file']}: gaps for {target['kind']} {name} (score {target['score']:.1f})"
    if not data["gaps"]:
        return title + "\nNothing missing: the resume shows every skill this target asks for.\n"
    rows = []
    for number, gap in enumerate(data["gaps"], start=1):
        step = gap["roadmap_step"]
        rows.append(
            (
                number,
                gap["name"],
                gap["importance"],
                gap["weight"],
                f"{step['step']}. {step['name']}" if step else None,
                [c["name"] for c in gap["certifications"]],
            )
        )
    headers = ("#", "skill", "importance", "weight", "roadmap step", "certifications")
    if markdown:
        out = [f"# {title}", "", "| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        out += ["| " + " | ".join(_cell(v, 200) for v in row) + " |" for row in rows]
        return "\n".join(out) + "\n"
    return title + "\n" + table(headers, rows)
