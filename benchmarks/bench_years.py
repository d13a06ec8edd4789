"""Years of experience: the parse stage against labelled resumes and the reference regex.

Run from anywhere::

    .venv/bin/python benchmarks/bench_years.py [--data DIR] [--out FILE] [--show N] [--no-pdfs]

Data: ``../shared/data/dev`` beside the repository (``--data`` to change).  Without it the
script says so on stderr and exits 0, so it can sit in a benchmark run on any machine.

**rjdb (synthetic).**  Each row's ``Resume-matched`` text is parsed with
``ResumeText.from_string``.  The label comes from ``Experiences-years``, whose first element
holds two lists: "4 years as a …" strings and the same jobs with their ranges,
"Junior Systems Admin/Engineer (2019 - 2023)".  The label is the *union* of those ranges,
each counted as end − start years, so overlapping jobs count once, as the product counts
them; where a range cannot be read the row falls back to the sum of the "N years as"
strings.  (On these rows the two agree whenever the jobs do not overlap.)

``as_of`` is fixed at 2024-01: the rows were generated in 2023 (their latest end year is
2023), so "Present" in them means no later than that, and a fixed date keeps the numbers
from drifting as the calendar moves on.  An end year after 2024-01 would be counted up to
2024-01, as the product does for any planned end date.

**Reference.**  The README's date-range regex, ``(\\w+.\\d+)\\s*(\\D|to)\\s*(\\w+.\\d+|present)``
(case-insensitive), every range summed in months without merging, on the same text in the
same run: what many open-source resume parsers do.

**livecareer PDFs (unlabelled).**  When ``matcher.read.read_resume`` exists, every PDF is
read and parsed, and the distribution of years found is printed as a sanity check (real
resumes, no labels: a wall of zeros or of 40s would show a bug).  ``as_of`` is 2018-01 there:
the latest year most of those resumes mention is 2014-2016, so "Current" in them means about
then, not today.

Numbers go to ``benchmarks/out/years.json`` (git-ignored): aggregates and row numbers only,
never resume text.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import DEFAULT_DATA, write_report  # noqa: E402
from matcher.document import ResumeText  # noqa: E402
from matcher.parse.stage import parse_resume  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "out" / "years.json"
RJDB_FILE = Path("rjdb-synthetic-resume-jd") / "test_rows_000-299.jsonl"
AS_OF = date(2024, 1, 1)
# The livecareer resumes were written years before they were scraped: the latest year most
# of them mention is 2014-2016.  "Current" read as 2024 would add 6-8 years to each of them.
LIVECAREER_AS_OF = date(2018, 1, 1)

REFERENCE_RE = re.compile(r"(\w+.\d+)\s*(\D|to)\s*(\w+.\d+|present)", re.IGNORECASE)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_RANGE_LABEL_RE = re.compile(r"\((\d{4})\s*-\s*(\d{4}|present)\)\s*$", re.IGNORECASE)
_YEARS_AS_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+years?\b", re.IGNORECASE)


# --- the reference ------------------------------------------------------------------------


def _reference_month(token: str, as_of: date) -> int | None:
    """A month index for one side of a reference match, read as leniently as such tools do."""
    token = token.strip().lower()
    if token == "present":
        return as_of.year * 12 + as_of.month - 1
    year = re.search(r"(19|20)\d\d", token)
    if year is None:
        return None
    month = 1
    name = re.match(r"[a-z]{3}", token)
    numeric = re.match(r"(\d{1,2})\D(?:19|20)\d\d", token)
    if name and name.group(0) in _MONTHS:
        month = _MONTHS[name.group(0)]
    elif numeric and 1 <= int(numeric.group(1)) <= 12:
        month = int(numeric.group(1))
    return int(year.group(0)) * 12 + month - 1


def reference_years(text: str, as_of: date) -> float:
    """The README's date-range regex: every range found, summed in months, no merging."""
    months = 0
    for match in REFERENCE_RE.finditer(text):
        start = _reference_month(match.group(1), as_of)
        end = _reference_month(match.group(3), as_of)
        if start is not None and end is not None and end >= start:
            months += end - start
    return months / 12


# --- labels -------------------------------------------------------------------------------


def rjdb_label(row: dict[str, Any]) -> tuple[float, str]:
    """The row's years of experience and how it was derived ("ranges" or "sum")."""
    stated, ranged = row["Experiences-years"][0]
    spans = []
    for item in ranged:
        match = _RANGE_LABEL_RE.search(item)
        if match is None:
            spans = []
            break
        end = AS_OF.year if match.group(2).lower() == "present" else int(match.group(2))
        spans.append((int(match.group(1)), min(end, AS_OF.year)))
    if spans:
        covered: set[int] = set()
        for start, end in spans:
            covered.update(range(start, end))  # year y stands for [y, y+1)
        return float(len(covered)), "ranges"
    total = 0.0
    for item in stated:
        match = _YEARS_AS_RE.match(item)
        if match:
            total += float(match.group(1))
    return total, "sum"


# --- runs ---------------------------------------------------------------------------------


def _errors(pairs: Sequence[tuple[float, float]]) -> dict[str, float]:
    diffs = [predicted - label for label, predicted in pairs]
    return {
        "mae": round(statistics.fmean(abs(d) for d in diffs), 3),
        "bias": round(statistics.fmean(diffs), 3),
        "within_1_year": round(sum(abs(d) <= 1 for d in diffs) / len(diffs), 3),
        "median_abs_error": round(statistics.median(abs(d) for d in diffs), 3),
    }


def run_rjdb(path: Path, show: int, limit: int | None = None) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = rows[:limit] if limit is not None else rows
    ours: list[tuple[float, float]] = []
    ref: list[tuple[float, float]] = []
    misses = []
    bases: Counter[str] = Counter()
    label_kinds: Counter[str] = Counter()
    started = time.perf_counter()
    for number, row in enumerate(rows):
        label, kind = rjdb_label(row)
        label_kinds[kind] += 1
        text = row["Resume-matched"]
        resume = parse_resume(ResumeText.from_string(text, file=f"rjdb-{number}"), as_of=AS_OF)
        predicted = resume.experience.total_years or 0.0
        bases[resume.experience.basis] += 1
        reference = reference_years(text, AS_OF)
        ours.append((label, predicted))
        ref.append((label, reference))
        if abs(predicted - label) > 1:
            misses.append(
                {
                    "row": number,
                    "label": label,
                    "ours": predicted,
                    "reference": round(reference, 1),
                    "basis": resume.experience.basis,
                    "positions": len(resume.experience.positions),
                }
            )
    elapsed = time.perf_counter() - started
    misses.sort(key=lambda m: -abs(m["ours"] - m["label"]))
    result = {
        "rows": len(rows),
        "as_of": AS_OF.isoformat(),
        "label_from": dict(label_kinds),
        "ours": _errors(ours),
        "reference": _errors(ref),
        "ours_basis": dict(bases),
        "misses_over_1_year": len(misses),
        "worst_misses": misses[:show],
        "seconds": round(elapsed, 2),
    }
    return result


def _distribution(values: Sequence[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    cuts = statistics.quantiles(values, n=10) if len(values) > 1 else [values[0]] * 9
    buckets = Counter(
        "0"
        if v == 0
        else "<2"
        if v < 2
        else "2-5"
        if v < 5
        else "5-10"
        if v < 10
        else "10-20"
        if v < 20
        else "20-30"
        if v < 30
        else ">=30"
        for v in values
    )
    return {
        "n": len(values),
        "mean": round(statistics.fmean(values), 2),
        "median": round(statistics.median(values), 2),
        "p10": round(cuts[0], 2),
        "p90": round(cuts[-1], 2),
        "max": round(max(values), 2),
        "buckets": dict(sorted(buckets.items())),
    }


def run_livecareer(
    folder: Path, *, engine: str = "pdfplumber", limit: int | None = None
) -> dict[str, Any] | None:
    try:
        read_module = importlib.import_module("matcher.read")
    except ImportError:
        return None
    read_resume: Callable[..., ResumeText] | None = getattr(read_module, "read_resume", None)
    if read_resume is None:
        return None
    ours: list[float] = []
    ref: list[float] = []
    bases: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    started = time.perf_counter()
    pdfs = sorted(folder.glob("*/*.pdf"))
    if limit is not None:  # the first N of each category by numeric id, as bench_score takes
        kept: list[Path] = []
        for category in sorted({pdf.parent for pdf in pdfs}):
            by_id = sorted(category.glob("*.pdf"), key=lambda p: (len(p.stem), p.stem))
            kept.extend(by_id[:limit])
        pdfs = kept
    for pdf in pdfs:
        try:
            doc = read_resume(pdf, engine=engine)
        except Exception as exc:  # a benchmark counts failures; the reader reports them
            failures[type(exc).__name__] += 1
            continue
        resume = parse_resume(doc, as_of=LIVECAREER_AS_OF)
        bases[resume.experience.basis] += 1
        ours.append(resume.experience.total_years or 0.0)
        ref.append(reference_years(doc.text, LIVECAREER_AS_OF))
    return {
        "files": len(ours) + sum(failures.values()),
        "unreadable": dict(failures),
        "as_of": LIVECAREER_AS_OF.isoformat(),
        "ours": _distribution(ours),
        "ours_basis": dict(bases),
        "reference": _distribution(ref),
        "seconds": round(time.perf_counter() - started, 2),
    }


def run(
    data_dir: Path, *, limit: int | None = None, show: int = 15, engine: str = "pdfium"
) -> dict[str, Any]:
    """What :func:`main` measures, for the benchmark runner (``benchmarks/run.py``).

    ``limit`` keeps the first N rjdb rows and N PDFs per livecareer category.  The PDFs are
    read with PDFium here: the same lines as pdfplumber, several times faster, which keeps
    a whole ``make bench`` within minutes."""
    report: dict[str, Any] = {}
    rjdb = data_dir / RJDB_FILE
    report["rjdb"] = (
        run_rjdb(rjdb, show, limit) if rjdb.is_file() else {"skipped": f"no file {RJDB_FILE}"}
    )
    livecareer = data_dir / "livecareer-pdfs"
    if livecareer.is_dir():
        found = run_livecareer(livecareer, engine=engine, limit=limit)
        report["livecareer"] = found if found is not None else {"skipped": "no matcher.read"}
    else:
        report["livecareer"] = {"skipped": "no folder livecareer-pdfs"}
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument("--show", type=int, default=15, help="how many misses to list")
    parser.add_argument(
        "--no-pdfs", action="store_true", help="skip the livecareer PDFs (minutes to read)"
    )
    args = parser.parse_args(argv)
    rjdb = args.data / RJDB_FILE
    if not rjdb.is_file():
        print(f"bench_years: no data at {rjdb}; nothing to measure.", file=sys.stderr)
        return 0
    report: dict[str, Any] = {"rjdb": run_rjdb(rjdb, args.show)}
    livecareer = args.data / "livecareer-pdfs"
    if livecareer.is_dir() and not args.no_pdfs:
        found = run_livecareer(livecareer)
        report["livecareer"] = found if found is not None else "skipped: no matcher.read"
    written = write_report(args.out, report)
    r = report["rjdb"]
    print(f"rjdb ({r['rows']} synthetic rows, as_of {r['as_of']}):")
    for who in ("ours", "reference"):
        e = r[who]
        print(
            f"  {who:<9} MAE {e['mae']:.2f} y  bias {e['bias']:+.2f} y  "
            f"within 1 y {e['within_1_year']:.0%}  median |err| {e['median_abs_error']:.2f} y"
        )
    print(f"  ours by basis: {r['ours_basis']}; misses > 1 y: {r['misses_over_1_year']}")
    for miss in r["worst_misses"]:
        print(
            f"    row {miss['row']}: label {miss['label']} ours {miss['ours']}"
            f" ref {miss['reference']} ({miss['basis']}, {miss['positions']} positions)"
        )
    live = report.get("livecareer")
    if isinstance(live, dict):
        print(f"livecareer ({live['files']} PDFs, unlabelled, as_of {live['as_of']}):")
        print(f"  ours      {live['ours']}")
        print(f"  reference {live['reference']}")
        print(f"  ours by basis: {live['ours_basis']}; unreadable: {live['unreadable']}")
    elif live:
        print(f"livecareer: {live}")
    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
