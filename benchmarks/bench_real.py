"""Real resumes of many templates: what the reader gets right against people's labels.

Run from anywhere::

    .venv/bin/python benchmarks/bench_real.py [--data DIR] [--engine pdfium] [--show N]

Data: ``real-resumes/`` of the dev data (``../shared/data/dev`` beside the repository, or
``--data``): real PDF and DOCX resumes of many templates (Word, LaTeX, job-portal exports,
two-column pages) with a ``labels.jsonl`` that people wrote by reading each file.  Without it
the script says so on stderr and exits 0.

Each file is read with the chosen engine and parsed with ``as_of`` set to the label's
``as_of`` (the latest date the resume mentions), then scored by the rules of the folder's
README:

- **name, email, phone**: equal after folding case and punctuation (phone: the last 10
  digits), over the files whose label has one; ``*_spurious`` counts a value found where
  the label has none (a DOI read as a phone, a heading read as a name);
- **positions**: a labelled position is matched one to one by a predicted one whose start
  and end agree (a month either way; a year-only date agrees with any month of its year;
  ``present`` is ``as_of``).  ``pos_found`` is the share of labelled positions matched,
  ``pos_real`` the share of predicted positions that match one; of the matched, the title
  and the employer each count right when their word F1 with the label is at least 0.6, and
  ``pos_exact`` is the share of labelled positions matched with both right;
- **total years**: mean absolute error against the label (a resume with no years found
  counts as 0), and, for job-portal exports that state "Total Experience: N Year(s) M
  Month(s)", against that statement;
- **institutions**: the share of labelled institutions that some education entry names
  (word F1 at least 0.5);
- **unreadable**: a file labelled unreadable (its text layer cannot be decoded) must be
  refused (exit 4) or, with the ``ocr`` extra, read by OCR: never scored from its garbage.

Beside the product's numbers stand the ones it gave before the reader learnt real
templates (``BEFORE``, measured with this script on the commit named there), so the gain
reads off one table.  Per-file details (what was predicted against what was labelled) go to
the terminal and ``benchmarks/out/real.json`` (git-ignored), never into committed results:
these are real people's CVs.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import DEFAULT_DATA, write_report  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "out" / "real.json"
FOLDER = Path("real-resumes")
TITLE_F1 = 0.6
INSTITUTION_F1 = 0.5
METRICS = (
    "name",
    "email",
    "phone",
    "pos_found",
    "pos_real",
    "title",
    "employer",
    "pos_exact",
    "years_mae",
    "stated_years_mae",
    "institutions",
)
BEFORE_COMMIT = "d59bdbf"
BEFORE = {
    "pdfplumber": {
        "name": 0.293,
        "email": 1.0,
        "phone": 0.722,
        "pos_found": 0.826,
        "pos_real": 0.962,
        "title": 0.61,
        "employer": 0.42,
        "pos_exact": 0.281,
        "years_mae": 0.76,
        "stated_years_mae": 1.4,
        "institutions": 0.729,
        "unreadable_refused": 1.0,
    },
    "pdfium": {
        "name": 0.293,
        "email": 1.0,
        "phone": 0.722,
        "pos_found": 0.826,
        "pos_real": 0.962,
        "title": 0.6,
        "employer": 0.4,
        "pos_exact": 0.264,
        "years_mae": 0.76,
        "stated_years_mae": 1.4,
        "institutions": 0.7,
        "unreadable_refused": 0.0,
    },
}
"""What this script measured on ``BEFORE_COMMIT``, the product before it learnt real
templates.  42 files: 41 readable (121 labelled positions, 39 with a total, 22 portal
exports with a stated total) and one whose text layer cannot be decoded."""

_STATED_RE = re.compile(
    r"total\s+experience\s*:?\s*(\d+)\s*years?(?:\(s\))?\s*(?:(\d+)\s*months?(?:\(s\))?)?",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[a-z0-9]+")


# --- comparing one field ------------------------------------------------------------------


def fold(text: str | None) -> str:
    """Case and punctuation folded away: how two names or emails are compared."""
    return " ".join(_WORD_RE.findall((text or "").lower()))


def phone_key(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")[-10:]


def word_f1(predicted: str | None, gold: str | None) -> float:
    """Word-level F1 of two strings (both empty: 1.0)."""
    ours, theirs = (
        _WORD_RE.findall((predicted or "").lower()),
        _WORD_RE.findall((gold or "").lower()),
    )
    if not ours and not theirs:
        return 1.0
    common = 0
    pool = list(theirs)
    for word in ours:
        if word in pool:
            pool.remove(word)
            common += 1
    if not common:
        return 0.0
    precision, recall = common / len(ours), common / len(theirs)
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class _Month:
    """A labelled or predicted date: a month index, or a year when only the year is known."""

    year: int
    month: int | None

    @classmethod
    def parse(cls, text: str | None, as_of: date) -> _Month | None:
        if text is None:
            return None
        if text == "present":
            return cls(as_of.year, as_of.month)
        year, _, month = text.partition("-")
        return cls(int(year), int(month) if month else None)

    def agrees(self, other: _Month) -> bool:
        if self.month is None or other.month is None:
            return self.year == other.year
        return abs((self.year * 12 + self.month) - (other.year * 12 + other.month)) <= 1


def _dates_agree(gold: dict[str, Any], predicted: dict[str, Any], as_of: date) -> bool:
    pairs = [
        (_Month.parse(gold.get(side), as_of), _Month.parse(predicted.get(side), as_of))
        for side in ("start", "end")
    ]
    if pairs[0][0] is None or pairs[0][1] is None:
        return False
    if pairs[1][0] is None:  # a labelled position with a start alone: its end may be anything
        return pairs[0][0].agrees(pairs[0][1])
    return all(ours is not None and theirs.agrees(ours) for theirs, ours in pairs if theirs)


def match_positions(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]], as_of: date
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) whose dates agree; among candidates the
    one whose title and employer read closest wins."""
    pairs: list[tuple[float, int, int]] = []
    for g, item in enumerate(gold):
        for p, guess in enumerate(predicted):
            if _dates_agree(item, guess, as_of):
                closeness = word_f1(guess.get("title"), item.get("title")) + word_f1(
                    guess.get("organization"), item.get("employer")
                )
                pairs.append((-closeness, g, p))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched = []
    for _, g, p in sorted(pairs):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            matched.append((g, p))
    return sorted(matched)


# --- one file -----------------------------------------------------------------------------


def _as_of(label: dict[str, Any]) -> date:
    year, month = (int(part) for part in label["as_of"].split("-"))
    return date(year, month, 1)


def analyse(path: Path, label: dict[str, Any], engine: str) -> dict[str, Any]:
    """The product's reading of one file, as the plain values the scorer compares."""
    from matcher.errors import MatcherError
    from matcher.parse.stage import parse_resume
    from matcher.read.reader import read_resume
    from skills_taxonomy import load_taxonomy

    try:
        document = read_resume(path, engine=engine)
    except MatcherError as exc:
        return {"error": type(exc).__name__, "exit": int(exc.exit_code)}
    as_of = _as_of(label) if label.get("as_of") else date.today()
    resume = parse_resume(document, taxonomy=load_taxonomy(), as_of=as_of)
    stated = _STATED_RE.search(document.text)
    return {
        "ocr_pages": len(document.ocr_pages),
        "name": resume.contact.name,
        "email": resume.contact.email,
        "phone": resume.contact.phone,
        "positions": [position.to_dict() for position in resume.experience.positions],
        "total_years": resume.experience.total_years,
        "institutions": [item.institution for item in resume.education if item.institution],
        "stated_years": (
            None
            if stated is None
            else round(int(stated.group(1)) + int(stated.group(2) or 0) / 12, 2)
        ),
    }


def score_file(label: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """How one file's reading compares with its label, field by field."""
    result: dict[str, Any] = {"file": label["file"]}
    if not label.get("readable", True):
        # Refused (exit 4), or, where the ocr extra is installed, read from its pages' pictures.
        result["unreadable_right"] = ours.get("exit") == 4 or ours.get("ocr_pages", 0) > 0
        result["unreadable_by_ocr"] = ours.get("ocr_pages", 0) > 0
        return result
    if "error" in ours:
        result["error"] = ours["error"]
        return result
    for key in ("name", "email"):
        if label.get(key):
            result[key] = fold(ours.get(key)) == fold(label[key])
        else:
            result[f"{key}_spurious"] = ours.get(key) is not None
    if label.get("phone"):
        result["phone"] = phone_key(ours.get("phone")) == phone_key(label["phone"])
    else:
        result["phone_spurious"] = ours.get("phone") is not None
    as_of = _as_of(label)
    gold, predicted = label["positions"], ours["positions"]
    pairs = match_positions(gold, predicted, as_of)
    titles = [word_f1(predicted[p]["title"], gold[g]["title"]) >= TITLE_F1 for g, p in pairs]
    employers = [
        word_f1(predicted[p]["organization"], gold[g]["employer"]) >= TITLE_F1 for g, p in pairs
    ]
    result |= {
        "gold_positions": len(gold),
        "predicted_positions": len(predicted),
        "matched": len(pairs),
        "titles_right": sum(titles),
        "employers_right": sum(employers),
        "exact": sum(t and e for t, e in zip(titles, employers, strict=True)),
    }
    result["misses"] = [
        {"gold": gold[g], "ours": predicted[p]}
        for (g, p), t, e in zip(pairs, titles, employers, strict=True)
        if not (t and e)
    ]
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    result["unfound"] = [item for g, item in enumerate(gold) if g not in matched_gold]
    result["unreal"] = [item for p, item in enumerate(predicted) if p not in matched_pred]
    if label.get("total_years") is not None:
        result["years_error"] = abs((ours["total_years"] or 0.0) - label["total_years"])
    if ours.get("stated_years") is not None:
        result["stated_years_error"] = abs((ours["total_years"] or 0.0) - ours["stated_years"])
    institutions = [item["institution"] for item in label["education"] if item["institution"]]
    result["institutions_labelled"] = len(institutions)
    result["institutions_found"] = sum(
        any(word_f1(found, wanted) >= INSTITUTION_F1 for found in ours["institutions"])
        for wanted in institutions
    )
    return result


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The headline numbers of a run: one value per metric of :data:`METRICS`."""
    scored = [row for row in rows if "gold_positions" in row]
    summary: dict[str, Any] = {}
    for key in ("name", "email", "phone"):
        values = [row[key] for row in scored if key in row]
        summary[key] = _share(sum(values), len(values))
        summary[f"{key}_spurious"] = sum(bool(row.get(f"{key}_spurious")) for row in scored)
    gold = sum(row["gold_positions"] for row in scored)
    predicted = sum(row["predicted_positions"] for row in scored)
    matched = sum(row["matched"] for row in scored)
    summary |= {
        "pos_found": _share(matched, gold),
        "pos_real": _share(matched, predicted),
        "title": _share(sum(row["titles_right"] for row in scored), matched),
        "employer": _share(sum(row["employers_right"] for row in scored), matched),
        "pos_exact": _share(sum(row["exact"] for row in scored), gold),
    }
    for key, source in (("years_mae", "years_error"), ("stated_years_mae", "stated_years_error")):
        errors = [row[source] for row in scored if source in row]
        summary[key] = round(statistics.fmean(errors), 2) if errors else None
        summary[f"{key}_files"] = len(errors)
    summary["institutions"] = _share(
        sum(row["institutions_found"] for row in scored),
        sum(row["institutions_labelled"] for row in scored),
    )
    unreadable = [row["unreadable_right"] for row in rows if "unreadable_right" in row]
    summary["unreadable_refused"] = _share(sum(unreadable), len(unreadable))
    summary["unreadable_by_ocr"] = sum(bool(row.get("unreadable_by_ocr")) for row in rows)
    summary["errors"] = sum("error" in row for row in rows)
    summary["positions_labelled"] = gold
    return summary


def _badness(row: dict[str, Any]) -> float:
    """How far a file is from its label, for the list of worst files."""
    if "gold_positions" not in row:
        return 0.0 if row.get("unreadable_right", True) else 10.0
    wrong = sum(not row[key] for key in ("name", "email", "phone") if key in row)
    wrong += row["gold_positions"] - row["exact"]
    wrong += len(row["unreal"])
    wrong += row.get("years_error", 0.0)
    wrong += row["institutions_labelled"] - row["institutions_found"]
    return round(wrong, 2)


def run_engine(folder: Path, engine: str, limit: int | None = None) -> dict[str, Any]:
    labels = [
        json.loads(line)
        for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if limit is not None:
        labels = labels[:limit]
    started = time.perf_counter()
    rows = []
    for label in labels:
        ours = analyse(folder / label["file"], label, engine)
        row = score_file(label, ours)
        row["badness"] = _badness(row)
        row["ours"] = ours
        rows.append(row)
    return {
        "files": len(rows),
        "ours": summarise(rows),
        "before": BEFORE.get(engine, {}),
        "seconds": round(time.perf_counter() - started, 2),
        "rows": rows,
    }


def run(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """What :func:`main` measures, for the benchmark runner (``benchmarks/run.py``): both
    engines on every labelled file (``limit``: the first N)."""
    folder = data_dir / FOLDER
    if not (folder / "labels.jsonl").is_file():
        return {"skipped": f"no folder {FOLDER} with labels.jsonl"}
    report: dict[str, Any] = {}
    for engine in ("pdfplumber", "pdfium"):
        part = run_engine(folder, engine, limit)
        rows = part.pop("rows")
        report[engine] = part
        report[f"{engine}_worst"] = [
            {"file": row["file"], "badness": row["badness"]}
            for row in sorted(rows, key=lambda row: -row["badness"])[:10]
        ]
    return report


# --- the terminal -------------------------------------------------------------------------


def _print_summary(engine: str, summary: dict[str, Any], before: dict[str, Any]) -> None:
    print(f"{engine}:")
    for key in METRICS:
        was = before.get(key)
        beside = f"   (before: {was})" if was is not None else ""
        print(f"  {key:<18} {summary.get(key)}{beside}")
    spurious = {key: summary[f"{key}_spurious"] for key in ("name", "email", "phone")}
    print(f"  spurious values   {spurious}")
    print(
        f"  unreadable refused or read by OCR {summary['unreadable_refused']} "
        f"({summary['unreadable_by_ocr']} by OCR), errors {summary['errors']},"
        f" labelled positions {summary['positions_labelled']}"
    )


def _print_file(row: dict[str, Any]) -> None:
    ours = row.get("ours", {})
    print(f"\n== {row['file']}  (badness {row['badness']})")
    if "gold_positions" not in row:
        print(f"   {ours}")
        return
    for key in ("name", "email", "phone"):
        if key in row and not row[key]:
            print(f"   {key}: ours {ours.get(key)!r}")
        if row.get(f"{key}_spurious"):
            print(f"   {key} (label has none): ours {ours.get(key)!r}")
    for miss in row["misses"]:
        gold, guess = miss["gold"], miss["ours"]
        print(
            f"   wrong: {gold['title']!r} @ {gold['employer']!r}"
            f"  <- ours {guess['title']!r} @ {guess['organization']!r}"
        )
    for item in row["unfound"]:
        print(
            f"   unfound: {item['title']!r} @ {item['employer']!r} {item['start']}..{item['end']}"
        )
    for item in row["unreal"]:
        print(
            f"   unreal: {item['title']!r} @ {item['organization']!r}"
            f" {item['start']}..{item['end']}"
        )
    if row.get("years_error", 0) > 0.3:
        print(f"   years: ours {ours.get('total_years')} (error {row['years_error']:.1f})")
    if row["institutions_found"] < row["institutions_labelled"]:
        print(f"   institutions: ours {ours.get('institutions')}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument("--engine", choices=("pdfplumber", "pdfium"), default="pdfplumber")
    parser.add_argument("--show", type=int, default=10, help="how many worst files to detail")
    parser.add_argument("--file", default=None, help="detail only files whose path holds this")
    args = parser.parse_args(argv)
    folder = args.data / FOLDER
    if not (folder / "labels.jsonl").is_file():
        print(f"bench_real: no labelled resumes at {folder}; nothing to measure.", file=sys.stderr)
        return 0
    report = run_engine(folder, args.engine)
    _print_summary(args.engine, report["ours"], report["before"])
    rows = report["rows"]
    if args.file:
        shown = [row for row in rows if args.file in row["file"]]
    else:
        shown = sorted(rows, key=lambda row: -row["badness"])[: args.show]
    for row in shown:
        _print_file(row)
    print(write_report(args.out, report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
