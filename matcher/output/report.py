"""The batch report: one self-contained HTML page of ranked candidates.

Everything is inline (CSS, a few lines of JavaScript to sort the columns); the page loads
nothing from anywhere, and its Content-Security-Policy forbids it to: only the page's own
script, identified by its hash, may run.  Resume text is untrusted: every piece of it is
escaped, in text and in attributes alike.  The page is deterministic (no timestamps) so
that two runs on the same files give the same report.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from matcher.output.rows import RankedRow
from matcher.parse.as_of import AS_OF_SOURCES

__all__ = ["render_report"]

MAX_SKILLS_SHOWN = 12
"""Skills (with their first line of evidence) shown per candidate."""

_STYLE = """
:root { color-scheme: light; --accent: #2457c5; --muted: #5f6672; --line: #dde1e7; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem;
       color: #1d2330; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p.meta { color: var(--muted); margin: 0 0 1.25rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { white-space: nowrap; }
td.score { white-space: nowrap; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0;
            cursor: pointer; color: inherit; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\2191"; }
th[aria-sort="descending"] button::after { content: " \\2193"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.detail td { border-bottom: 2px solid var(--line); padding-top: 0; }
tbody.failed td { color: #9b1c1c; }
.bar { display: inline-block; width: 8rem; height: .6rem; background: #eef0f4;
       border-radius: .3rem; overflow: hidden; vertical-align: middle; margin-right: .4rem; }
.bar > span { display: block; height: 100%; background: var(--accent); }
details summary { cursor: pointer; color: var(--accent); }
.panels { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: .6rem 0 .4rem; }
.panels section { min-width: 18rem; flex: 1; }
.panels h3 { font-size: .95rem; margin: 0 0 .3rem; }
.panels ul { margin: 0; padding-left: 1.1rem; }
.fit { display: grid; grid-template-columns: 7rem 1fr 2.5rem; align-items: center;
       gap: .4rem; }
.fit .bar { width: 100%; margin: 0; }
.fit .num { text-align: right; font-variant-numeric: tabular-nums; }
.quote { color: var(--muted); }
"""

_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("ranking");
  if (!table) { return; }
  table.setAttribute("data-sortable", "true");
  var headers = table.querySelectorAll("thead th");
  function key(body, column, numeric) {
    var cell = body.rows[0].cells[column];
    var value = cell ? cell.getAttribute("data-sort") : null;
    if (numeric) {
      var number = parseFloat(value);
      return isNaN(number) ? null : number;
    }
    return value === null ? null : value.toLowerCase();
  }
  function sortBy(header, column) {
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var bodies = Array.prototype.slice.call(table.tBodies);
    bodies.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      if (x === y) { return 0; }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    });
    bodies.forEach(function (body) { table.appendChild(body); });
    Array.prototype.forEach.call(headers, function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(headers, function (header, column) {
    var button = header.querySelector("button");
    if (button) {
      button.addEventListener("click", function () { sortBy(header, column); });
    }
  });
})();
"""

_COLUMNS = (
    ("#", "number"),
    ("File", "text"),
    ("Candidate", "text"),
    ("Score", "number"),
    ("Best level", "number"),
    ("Best industry", "number"),
    ("Years", "number"),
    ("As of", "text"),
    ("Top skills", "text"),
)


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def render_report(
    rows: Sequence[RankedRow],
    *,
    target: str,
    title: str = "Batch screening report",
    notes: Sequence[str] = (),
) -> str:
    """The HTML page for ranked ``rows`` (as :func:`matcher.batch.rank_rows` orders them)."""
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{script_hash}'; base-uri 'none'; form-action 'none'"
    )
    scored = sum(1 for row in rows if row.error is None)
    failed = len(rows) - scored
    meta = [f"Ranked by {target}", f"{scored} candidate{'s' if scored != 1 else ''}"]
    if failed:
        meta.append(f"{failed} file{'s' if failed != 1 else ''} could not be scored")
    head = "".join(
        f'<th scope="col" data-type="{kind}"><button type="button">{_e(name)}</button></th>'
        for name, kind in _COLUMNS
    )
    bodies = "\n".join(_candidate(row) if row.error is None else _failure(row) for row in rows)
    extra = "".join(f'<p class="meta">{_e(note)}</p>' for note in notes)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{_e(title)}</h1>
<p class="meta">{_e(" · ".join(meta))}</p>
{extra}
<table id="ranking">
<thead><tr>{head}</tr></thead>
{bodies}
</table>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _bar(score: float | None) -> str:
    width = 0.0 if score is None else max(0.0, min(100.0, float(score)))
    return f'<span class="bar"><span style="width:{width:.1f}%"></span></span>'


def _candidate(row: RankedRow) -> str:
    data: Mapping[str, Any] = row.data or {}
    levels = {fit["id"]: fit for fit in data.get("levels", [])}
    industries = {fit["id"]: fit for fit in data.get("industries", [])}
    best_level = levels.get(data.get("best_level") or "")
    best_industry = industries.get(data.get("best_industry") or "")
    candidate = data.get("candidate") or {}
    years = (data.get("experience") or {}).get("total_years")
    score = _num(row.score)
    cells = [
        f'<td class="num" data-sort="{_e(row.rank)}">{_e(row.rank)}</td>',
        f'<td data-sort="{_e(row.file)}">{_e(row.file)}</td>',
        f'<td data-sort="{_e(candidate.get("name"))}">{_e(candidate.get("name") or "—")}</td>',
        f'<td class="num score" data-sort="{score}">{_bar(row.score)}{score}</td>',
        _fit_cell(best_level),
        _fit_cell(best_industry),
        f'<td class="num" data-sort="{_num(years)}">{_num(years) or "—"}</td>',
        _as_of_cell(data),
        f'<td data-sort="{_e(", ".join(row.top_skills))}">{_e(", ".join(row.top_skills))}</td>',
    ]
    return (
        '<tbody class="candidate">'
        f"<tr>{''.join(cells)}</tr>"
        f'<tr class="detail"><td></td><td colspan="{len(_COLUMNS) - 1}">'
        f"<details><summary>Evidence and gaps</summary>{_details(row, data)}</details>"
        "</td></tr></tbody>"
    )


def _as_of_cell(data: Mapping[str, Any]) -> str:
    """The month "Present" meant for the row's years, and where it came from."""
    month = data.get("as_of")
    if not month:
        return '<td data-sort="">—</td>'
    source = AS_OF_SOURCES.get(data.get("as_of_source") or "", "")
    return f'<td data-sort="{_e(month)}">{_e(month)} <span class="quote">{_e(source)}</span></td>'


def _fit_cell(fit: Mapping[str, Any] | None) -> str:
    if fit is None:
        return '<td data-sort="">no fit</td>'
    score = float(fit["score"])
    return f'<td data-sort="{score:g}">{_e(fit["name"])} ({score:g})</td>'


def _details(row: RankedRow, data: Mapping[str, Any]) -> str:
    levels = "".join(_fit_line(fit) for fit in data.get("levels", []))
    industries = "".join(_fit_line(fit) for fit in data.get("industries", []))
    skills = []
    found = sorted(
        data.get("skills", []),
        key=lambda s: (bool(s.get("derived")), -int(s.get("mentions") or 0), str(s["name"])),
    )
    for skill in found[:MAX_SKILLS_SHOWN]:
        evidence = skill.get("evidence") or []
        quote = ""
        if evidence:
            section, text = _e(evidence[0].get("section")), _e(evidence[0].get("text"))
            quote = f' <span class="quote">— {section}: “{text}”</span>'
        skills.append(f"<li>{_e(skill['name'])}{quote}</li>")
    more = len(data.get("skills", [])) - MAX_SKILLS_SHOWN
    if more > 0:
        skills.append(f"<li>… and {more} more</li>")
    must = set(row.missing_must_have)
    gaps = (
        "".join(
            f"<li>{_e(name)}{' <strong>(must have)</strong>' if name in must else ''}</li>"
            for name in row.missing_skills
        )
        or "<li>none</li>"
    )
    industry_evidence = ""
    best = next(
        (fit for fit in data.get("industries", []) if fit["id"] == data.get("best_industry")),
        None,
    )
    if best is not None and best.get("evidence"):
        lines = "".join(f"<li>{_e(line)}</li>" for line in best["evidence"])
        industry_evidence = (
            f"<section><h3>{_e(best['name'])} evidence</h3><ul>{lines}</ul></section>"
        )
    warnings = "".join(f"<li>{_e(text)}</li>" for text in data.get("warnings", []))
    return (
        '<div class="panels">'
        f'<section class="scores"><h3>Levels</h3>{levels}</section>'
        f'<section class="scores"><h3>Industries</h3>{industries}</section>'
        f"<section><h3>Skills found</h3><ul>{''.join(skills) or '<li>none</li>'}</ul></section>"
        f"<section><h3>Missing for the target</h3><ul>{gaps}</ul></section>"
        f"{industry_evidence}"
        + (f"<section><h3>Warnings</h3><ul>{warnings}</ul></section>" if warnings else "")
        + "</div>"
    )


def _fit_line(fit: Mapping[str, Any]) -> str:
    score = float(fit["score"])
    return (
        f'<div class="fit">{_bar(score)}<span>{_e(fit["name"])}</span>'
        f'<span class="num">{score:g}</span></div>'
    )


def _failure(row: RankedRow) -> str:
    error = row.error
    code = "" if error is None else error.code
    message = "" if error is None else error.message
    return (
        '<tbody class="failed"><tr>'
        '<td class="num" data-sort=""></td>'
        f'<td data-sort="{_e(row.file)}">{_e(row.file)}</td>'
        f'<td colspan="{len(_COLUMNS) - 2}">could not be scored ({_e(code)}): {_e(message)}</td>'
        "</tr></tbody>"
    )
