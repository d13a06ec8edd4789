"""Score: industry, no-fit and job match against labelled data, beside the README's references.

Run from anywhere::

    .venv/bin/python benchmarks/bench_score.py [--data DIR] [--limit N] [--engine pdfium]

Data: ``../shared/data/dev`` beside the repository (``--data`` to change).  Without it the
script says so on stderr and exits 0.  A benchmark runner imports :func:`run` instead.
``--limit N`` keeps the first N files of each livecareer category and the first N rjdb
rows (files in order of their numeric id), for a quick look.

**Industry (livecareer PDFs, real resumes).**  The categories the README maps to a product
industry (INFORMATION-TECHNOLOGY -> technology, HEALTHCARE -> healthcare, FINANCE and
BANKING -> finance, APPAREL -> retail-ecommerce, AUTOMOBILE -> manufacturing) go through
:func:`matcher.pipeline.analyse_resume`; top-1 accuracy compares ``best_industry`` with the
mapped label (``null`` is a miss, and so is a file the product cannot read).  The
confusion table has one row per category and one column per predicted industry.
Reference: *always the largest class*, the commonest label of the same files.  The labels
are the site's filing category, not the resume's sector, so some are wrong (the README
lists a deputy principal under AUTOMOBILE): 100 % is neither expected nor wanted.

**No fit (livecareer PDFs).**  CHEF, FITNESS, ADVOCATE, TEACHER and ARTS resumes should fit
no AI career level: ``best_level`` null or every level score < 40.  A file the product
cannot read counts as a failure.

**Job pairs (rjdb, SYNTHETIC, GPT-4 texts).**  For each row the ``Job-Description`` is read
with :func:`matcher.score.posting.analyse_job`, and ``Resume-matched`` and ``Resume-unmatched`` are
scored with :func:`matcher.score.job.score_job` (texts through ``ResumeText.from_string``,
``as_of`` 2024-01).  A row is won when the matched resume scores strictly higher (ties
lose).  The two references of the README run on the same rows in the same run:

- keyword share: the share of the row's ``Skills`` list found in the resume by a whole-word,
  case-insensitive regex;
- TF-IDF cosine: ``TfidfVectorizer(stop_words="english")`` fitted on the job and the
  resume, cosine similarity.

The unmatched resume differs from the matched one only by what was removed, which favours
keyword overlap: a secondary check, reported as such.

**Recruiters' judgements (FERR, real).**  Recruiters scored (job, resume) pairs from 1 to 7;
a job is known only by its skill keywords, so it is written as recruiters paste one:
"Required skills:" and a keyword per line, as the data's README measures the product.  Each
resume (a livecareer PDF) is scored against its job with :func:`matcher.score.job.score_job`, and
the scores are compared with the recruiters' by Spearman's rho, as a mean over jobs (each
job has one recruiter, who uses the scale their own way: the fairer reading) and pooled over
every pair.  References on the same pairs: TF-IDF cosine of the posting and the resume
text, and the share of the job's keywords the resume contains.

``as_of`` for the livecareer PDFs is 2018-01, as in ``bench_years.py``: the latest year most
of them mention is 2014-2016, so "Current" in them means about then.

Numbers go to ``benchmarks/out/score.json`` (git-ignored): aggregates, file ids, labels and
taxonomy terms only, never resume text.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from scipy.stats import spearmanr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import DEFAULT_DATA, INDUSTRY_OF_CATEGORY, write_report  # noqa: E402
from benchmarks.job_weights import Judged, cross_validate  # noqa: E402
from matcher.document import ResumeText  # noqa: E402
from matcher.errors import MatcherError  # noqa: E402
from matcher.parse.stage import parse_resume  # noqa: E402
from matcher.pipeline import analyse_resume, read_and_parse  # noqa: E402
from matcher.score.job import (  # noqa: E402
    JOB_SETTINGS,
    JobFit,
    score_job,
)
from matcher.score.posting import analyse_job  # noqa: E402
from matcher.score.report import FitReport  # noqa: E402
from matcher.skills.stage import find_skills  # noqa: E402
from skills_taxonomy import Taxonomy, load_taxonomy  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "out" / "score.json"
DEFAULT_ENGINE = "pdfium"
"""Both engines give the same lines; PDFium reads several times faster."""
LIVECAREER_DIR = Path("livecareer-pdfs")
RJDB_FILE = Path("rjdb-synthetic-resume-jd") / "test_rows_000-299.jsonl"
FERR_DIR = Path("ferr-relevance")
LIVECAREER_AS_OF = date(2018, 1, 1)
RJDB_AS_OF = date(2024, 1, 1)
FERR_AS_OF = LIVECAREER_AS_OF
FERR_SYSTEMS = ("ours", "tfidf_cosine", "keyword_share")

NO_FIT_CATEGORIES = ("CHEF", "FITNESS", "ADVOCATE", "TEACHER", "ARTS")
NO_FIT_MAX_SCORE = 40.0
"""The README's bar: with a level score at or above this, a resume counts as fitting."""
NONE = "none"
"""The confusion table's column for ``best_industry`` null (or an unreadable file)."""

Analyse = Callable[[Path], FitReport]


def _pdfs(folder: Path, limit: int | None) -> list[Path]:
    files = sorted(
        folder.glob("*.pdf"), key=lambda p: (int(p.stem) if p.stem.isdigit() else 0, p.name)
    )
    return files[:limit] if limit is not None else files


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 0.0


# --- industry -----------------------------------------------------------------------------


def run_industry(folder: Path, analyse: Analyse, limit: int | None = None) -> dict[str, Any]:
    """Top-1 industry accuracy on the sector-labelled categories, with the confusion table."""
    confusion: dict[str, Counter[str]] = {}
    misses: list[dict[str, Any]] = []
    errors: list[str] = []
    gold_counts: Counter[str] = Counter()
    correct = 0
    for category, gold in sorted(INDUSTRY_OF_CATEGORY.items()):
        row = confusion.setdefault(category, Counter())
        for pdf in _pdfs(folder / category, limit):
            gold_counts[gold] += 1
            try:
                report = analyse(pdf)
            except MatcherError as exc:
                errors.append(f"{category}/{pdf.name}: {exc}")
                row[NONE] += 1
                continue
            predicted = report.best_industry or NONE
            row[predicted] += 1
            if predicted == gold:
                correct += 1
                continue
            misses.append(
                {
                    "file": f"{category}/{pdf.name}",
                    "gold": gold,
                    "predicted": predicted,
                    "scores": {fit.id: fit.score for fit in report.industries[:3]},
                    "terms": {
                        fit.id: list(fit.terms[:6]) for fit in report.industries[:2] if fit.terms
                    },
                }
            )
    total = sum(gold_counts.values())
    largest, largest_count = max(sorted(gold_counts.items()), key=lambda kv: kv[1], default=("", 0))
    return {
        "files": total,
        "per_industry": dict(sorted(gold_counts.items())),
        "ours": {"top1": _rate(correct, total), "correct": correct},
        "reference_largest_class": {
            "top1": _rate(largest_count, total),
            "correct": largest_count,
            "class": largest,
        },
        "confusion": {category: dict(sorted(row.items())) for category, row in confusion.items()},
        "misses": misses,
        "errors": errors,
    }


# --- no fit -------------------------------------------------------------------------------


def run_no_fit(folder: Path, analyse: Analyse, limit: int | None = None) -> dict[str, Any]:
    """Share of non-AI resumes that fit no AI career level."""
    per_category: dict[str, dict[str, Any]] = {}
    failures: list[dict[str, Any]] = []
    top_scores: list[float] = []
    total = passed = 0
    for category in NO_FIT_CATEGORIES:
        files = _pdfs(folder / category, limit)
        ok = 0
        for pdf in files:
            try:
                report = analyse(pdf)
            except MatcherError as exc:
                failures.append({"file": f"{category}/{pdf.name}", "error": str(exc)})
                continue
            best = max(fit.score for fit in report.levels)
            top_scores.append(best)
            if report.best_level is None or best < NO_FIT_MAX_SCORE:
                ok += 1
                continue
            failures.append(
                {
                    "file": f"{category}/{pdf.name}",
                    "best_level": report.best_level,
                    "score": best,
                    "relevance": report.levels[0].components.get("relevance"),
                    "skills": [s.id for s in report.skills][:12],
                }
            )
        per_category[category] = {"files": len(files), "no_fit": _rate(ok, len(files))}
        total += len(files)
        passed += ok
    top_scores.sort()
    return {
        "files": total,
        "ours": {"no_fit": _rate(passed, total), "passed": passed},
        "per_category": per_category,
        "best_level_score": {
            "median": top_scores[len(top_scores) // 2] if top_scores else None,
            "max": top_scores[-1] if top_scores else None,
        },
        "failures": failures,
    }


# --- job pairs ----------------------------------------------------------------------------


def keyword_share(keywords: Sequence[str], text: str) -> float:
    """The README's keyword reference: share of ``keywords`` found as whole words (any case)."""
    if not keywords:
        return 0.0
    found = sum(
        1
        for keyword in keywords
        if re.search(r"(?<!\w)" + re.escape(keyword.strip()) + r"(?!\w)", text, re.IGNORECASE)
    )
    return found / len(keywords)


def tfidf_cosine(job: str, resume: str) -> float:
    """The README's TF-IDF reference: cosine of the two texts, the vectorizer fitted on both."""
    try:
        matrix = TfidfVectorizer(stop_words="english").fit_transform([job, resume])
    except ValueError:  # nothing but stop words
        return 0.0
    return float(cosine_similarity(matrix[0], matrix[1])[0, 0])


def run_job_pairs(
    path: Path,
    taxonomy: Taxonomy,
    limit: int | None = None,
    judged: list[Judged] | None = None,
) -> dict[str, Any]:
    """Share of rjdb rows where the matched resume outscores the unmatched one (ties lose).

    Each scored resume is appended to ``judged`` (matched 1, unmatched 0), for the weights'
    cross-validation."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = rows[:limit] if limit is not None else rows

    won = Counter[str]()
    ties = Counter[str]()
    lost_rows: list[dict[str, Any]] = []
    margins: list[float] = []
    started = time.perf_counter()
    for number, row in enumerate(rows):
        job_text = row["Job-Description"]
        posting = analyse_job(ResumeText.from_string(job_text, file=f"rjdb-{number}-jd"), taxonomy)
        scores: dict[str, tuple[float, float, float]] = {}
        components: dict[str, dict[str, float]] = {}
        for side in ("matched", "unmatched"):
            text = row[f"Resume-{side}"]
            doc = ResumeText.from_string(text, file=f"rjdb-{number}-{side}")
            resume = parse_resume(doc, taxonomy=taxonomy, as_of=RJDB_AS_OF)
            fit = score_job(resume, find_skills(resume, taxonomy), posting, taxonomy)
            components[side] = dict(fit.components)
            if judged is not None:
                judged.append(_judged(f"rjdb-{number}", side == "matched", fit))
            scores[side] = (
                fit.score,
                keyword_share(row.get("Skills") or [], text),
                tfidf_cosine(job_text, text),
            )
        for index, who in enumerate(("ours", "keyword_share", "tfidf_cosine")):
            matched, unmatched = scores["matched"][index], scores["unmatched"][index]
            won[who] += matched > unmatched
            ties[who] += matched == unmatched
        margins.append(scores["matched"][0] - scores["unmatched"][0])
        if scores["matched"][0] <= scores["unmatched"][0]:
            lost_rows.append(
                {
                    "row": number,
                    "matched": scores["matched"][0],
                    "unmatched": scores["unmatched"][0],
                    "components": components,
                    "removed_skills": (row.get("Filtered-information") or {}).get("Skills"),
                }
            )
    seconds = time.perf_counter() - started
    margins.sort()
    return {
        "rows": len(rows),
        "note": "synthetic (GPT-4) texts: a secondary check",
        **{
            who: {"won": _rate(won[who], len(rows)), "ties": ties[who]}
            for who in ("ours", "keyword_share", "tfidf_cosine")
        },
        "median_margin": margins[len(margins) // 2] if margins else None,
        "lost": lost_rows,
        "rows_per_second": round(len(rows) / seconds, 1) if seconds else None,
    }


# --- recruiters' judgements ------------------------------------------------------------


def keyword_posting(keywords: Sequence[str]) -> str:
    """A job known by its keywords, written as a recruiter pastes one."""
    return "\n".join(["Required skills:", *keywords])


def spearman(first: Sequence[float], second: Sequence[float]) -> float:
    """Spearman's rho; 0 where either side is constant (no ranking to agree with)."""
    if len(set(first)) < 2 or len(set(second)) < 2:
        return 0.0
    return float(spearmanr(first, second).statistic)


def _judged(group: str, judgement: float, fit: JobFit) -> Judged:
    return Judged(group, float(judgement), dict(fit.components))


def ferr_agreement(rows: Sequence[tuple[str, float, float]]) -> dict[str, float]:
    """Spearman of (job, score, judgement) rows: the mean over jobs, and pooled."""
    jobs = list(dict.fromkeys(job for job, _, _ in rows))
    per_job = [
        spearman([v for j, v, _ in rows if j == job], [h for j, _, h in rows if j == job])
        for job in jobs
    ]
    return {
        "per_job": round(sum(per_job) / len(per_job), 3),
        "pooled": round(spearman([v for _, v, _ in rows], [h for _, _, h in rows]), 3),
    }


def run_ferr(
    folder: Path, taxonomy: Taxonomy, engine: str, judged: list[Judged] | None = None
) -> dict[str, Any]:
    """Spearman of each system's scores with the recruiters': mean per job, and pooled.

    Each pair is appended to ``judged`` for the weights' cross-validation (an unreadable
    resume is left out there)."""
    with (folder / "jobs.tsv").open(encoding="utf-8", newline="") as handle:
        jobs = {
            row["jd_id"]: [k.strip() for k in row["skill_keywords"].split(";") if k.strip()]
            for row in csv.DictReader(handle, delimiter="\t")
        }
    with (folder / "labels.tsv").open(encoding="utf-8", newline="") as handle:
        labels = list(csv.DictReader(handle, delimiter="\t"))
    postings = {
        job: analyse_job(ResumeText.from_string(keyword_posting(words), file=job), taxonomy)
        for job, words in jobs.items()
    }
    read: dict[Path, tuple[ResumeText, Any, Any] | None] = {}
    scores: dict[str, list[tuple[str, float, float]]] = {system: [] for system in FERR_SYSTEMS}
    unread = 0
    for label in labels:
        path = folder / label["pdf"]
        if path not in read:
            try:
                document, resume = read_and_parse(path, taxonomy, engine=engine, as_of=FERR_AS_OF)
            except MatcherError:
                read[path] = None
            else:
                read[path] = (document, resume, find_skills(resume, taxonomy))
        entry = read[path]
        job, human = label["jd_id"], float(label["score"])
        if entry is None:  # unreadable: the lowest score every system can give
            unread += 1
            values = dict.fromkeys(FERR_SYSTEMS, 0.0)
        else:
            document, resume, skills = entry
            posting = postings[job]
            fit = score_job(resume, skills, posting, taxonomy)
            if judged is not None:
                judged.append(_judged(job, human, fit))
            values = {
                "ours": fit.score,
                "tfidf_cosine": tfidf_cosine(posting.text, document.text),
                "keyword_share": keyword_share(jobs[job], document.text),
            }
        for system, value in values.items():
            scores[system].append((job, value, human))
    result: dict[str, Any] = {"pairs": len(labels), "jobs": len(jobs), "unreadable": unread}
    for system, rows in scores.items():
        result[system] = ferr_agreement(rows)
    return result


def judged_pairs(data_dir: Path, engine: str = DEFAULT_ENGINE) -> tuple[list[Judged], list[Judged]]:
    """Every judged FERR pair and rjdb resume of ``data_dir`` (empty where a set is absent)."""
    taxonomy = load_taxonomy()
    ferr: list[Judged] = []
    rjdb: list[Judged] = []
    if (data_dir / FERR_DIR / "labels.tsv").is_file():
        run_ferr(data_dir / FERR_DIR, taxonomy, engine, ferr)
    if (data_dir / RJDB_FILE).is_file():
        run_job_pairs(data_dir / RJDB_FILE, taxonomy, judged=rjdb)
    return ferr, rjdb


def cross_validated(ferr: Sequence[Judged], rjdb: Sequence[Judged]) -> dict[str, Any]:
    """The FERR agreement and rjdb rows won with weights fitted on the other folds' jobs."""
    held_out = cross_validate(ferr, rjdb)
    pairs = held_out["rjdb"]
    won = sum(pairs[index] > pairs[index + 1] for index in range(0, len(pairs) - 1, 2))
    return {
        "ferr": ferr_agreement(
            [
                (row.group, score, row.judgement)
                for row, score in zip(ferr, held_out["ferr"], strict=True)
            ]
        ),
        "rjdb": {"won": _rate(won, len(pairs) // 2)},
        "weights_per_fold": held_out["weights_per_fold"],
    }


# --- the run ------------------------------------------------------------------------------


def run(
    data_dir: Path,
    *,
    limit: int | None = None,
    engine: str = DEFAULT_ENGINE,
    taxonomy: Taxonomy | None = None,
) -> dict[str, Any]:
    """Measure every dataset present under ``data_dir``; a missing one is marked skipped."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    report: dict[str, Any] = {"taxonomy_version": taxonomy.version, "engine": engine}
    if limit is not None:
        report["limit"] = limit
    folder = data_dir / LIVECAREER_DIR
    cache: dict[Path, FitReport] = {}

    def analyse(path: Path) -> FitReport:
        if path not in cache:
            cache[path] = analyse_resume(path, taxonomy, engine=engine, as_of=LIVECAREER_AS_OF)
        return cache[path]

    if folder.is_dir():
        started = time.perf_counter()
        report["industry"] = run_industry(folder, analyse, limit)
        report["no_fit"] = run_no_fit(folder, analyse, limit)
        seconds = time.perf_counter() - started
        report["pdfs_per_second"] = round(len(cache) / seconds, 2) if seconds else None
    else:
        report["industry"] = report["no_fit"] = {"skipped": f"no folder {LIVECAREER_DIR}"}
    rjdb = data_dir / RJDB_FILE
    judged_rjdb: list[Judged] = []
    judged_ferr: list[Judged] = []
    if rjdb.is_file():
        report["job_pairs"] = run_job_pairs(rjdb, taxonomy, limit, judged_rjdb)
    else:
        report["job_pairs"] = {"skipped": f"no file {RJDB_FILE}"}
    ferr = data_dir / FERR_DIR
    if (ferr / "labels.tsv").is_file():
        report["ferr"] = run_ferr(ferr, taxonomy, engine, judged_ferr)
    else:
        report["ferr"] = {"skipped": f"no folder {FERR_DIR}"}
    if judged_ferr and judged_rjdb:
        held_out = cross_validated(judged_ferr, judged_rjdb)
        report["ferr"]["cross_validated"] = held_out["ferr"]
        report["job_pairs"]["cross_validated"] = held_out["rjdb"]
        report["job_weights"] = {
            "shipped": dict(JOB_SETTINGS.weights),
            "per_fold": held_out["weights_per_fold"],
        }
    return report


def render(report: dict[str, Any]) -> str:
    """The report as Markdown: one table of headline numbers, then the confusion table."""
    out = [
        f"Score benchmark (taxonomy {report['taxonomy_version']}, engine {report['engine']})",
        "",
        "| benchmark | n | ours | reference(s) |",
        "|---|---:|---:|---|",
    ]
    industry, no_fit, pairs = report["industry"], report["no_fit"], report["job_pairs"]
    if "skipped" in industry:
        out.append(f"| industry top-1 | | | skipped: {industry['skipped']} |")
    else:
        ref = industry["reference_largest_class"]
        out.append(
            f"| industry top-1 (livecareer) | {industry['files']} | {industry['ours']['top1']:.3f} "
            f"| largest class ({ref['class']}) {ref['top1']:.3f} |"
        )
    if "skipped" in no_fit:
        out.append(f"| no fit | | | skipped: {no_fit['skipped']} |")
    else:
        out.append(
            f"| no fit (livecareer non-AI) | {no_fit['files']} | {no_fit['ours']['no_fit']:.3f} "
            "| (target 0.95) |"
        )
    if "skipped" in pairs:
        out.append(f"| job pairs won | | | skipped: {pairs['skipped']} |")
    else:
        held_out = pairs.get("cross_validated", {}).get("won")
        out.append(
            f"| job pairs won (rjdb, synthetic) | {pairs['rows']} | {pairs['ours']['won']:.3f} "
            f"| keyword share {pairs['keyword_share']['won']:.3f}, "
            f"TF-IDF cosine {pairs['tfidf_cosine']['won']:.3f}"
            + ("" if held_out is None else f", weights fitted on other rows {held_out:.3f}")
            + " |"
        )
    ferr = report.get("ferr", {"skipped": "not run"})
    if "skipped" in ferr:
        out.append(f"| recruiters' scores | | | skipped: {ferr['skipped']} |")
    else:
        for metric, what in (("per_job", "mean per job"), ("pooled", "pooled")):
            out.append(
                f"| recruiters' scores (FERR), Spearman {what} | {ferr['pairs']} "
                f"| {ferr['ours'][metric]:.3f} | TF-IDF cosine {ferr['tfidf_cosine'][metric]:.3f}, "
                f"keyword share {ferr['keyword_share'][metric]:.3f}"
                + (
                    f", weights fitted on other jobs {ferr['cross_validated'][metric]:.3f}"
                    if "cross_validated" in ferr
                    else ""
                )
                + " |"
            )
    if "confusion" in industry:
        predicted = {key for row in industry["confusion"].values() for key in row} - {NONE}
        columns = [*sorted(predicted), NONE]
        out.extend(
            [
                "",
                "Confusion (rows: livecareer category -> expected industry; columns: predicted)",
                "",
                "| category | expected | " + " | ".join(columns) + " |",
                "|---|---|" + "---:|" * len(columns),
            ]
        )
        for category, row in industry["confusion"].items():
            cells = " | ".join(str(row.get(column, 0)) for column in columns)
            out.append(f"| {category} | {INDUSTRY_OF_CATEGORY[category]} | {cells} |")
    if "per_category" in no_fit:
        out.extend(["", "No fit per category:"])
        out.extend(
            f"  {category:<10} {part['no_fit']:.3f} of {part['files']}"
            for category, part in no_fit["per_category"].items()
        )
    if report.get("pdfs_per_second"):
        out.extend(["", f"speed: {report['pdfs_per_second']} PDFs/s end to end"])
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument("--limit", type=int, default=None, help="files per category and rows")
    parser.add_argument(
        "--engine", choices=("pdfium", "pdfplumber"), default=DEFAULT_ENGINE, help="PDF reader"
    )
    args = parser.parse_args(argv)
    if not any((args.data / part).exists() for part in (LIVECAREER_DIR, RJDB_FILE, FERR_DIR)):
        print(f"bench_score: no data under {args.data}; nothing to measure.", file=sys.stderr)
        return 0
    report = run(args.data, limit=args.limit, engine=args.engine)
    written = write_report(args.out, report)
    print(render(report))
    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
