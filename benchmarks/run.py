"""Run every benchmark, write ``benchmarks/RESULTS.md`` and ``benchmarks/results.json``.

Usage (``make bench`` runs the first)::

    python -m benchmarks.run                          # everything, on ../shared/data/dev
    python -m benchmarks.run --only skills,speed --limit 2   # a quick look
    python -m benchmarks.run --compare old.json       # run, then say what got better or worse
    python -m benchmarks.run --compare old.json --against new.json   # compare only

The data folder is ``../shared/data/dev`` beside the repository, or ``--data DIR``, or the
``BENCH_DATA`` environment variable.  Without it the runner says so and exits 0, leaving
the results it finds untouched.

Each ``benchmarks/bench_NAME.py`` exposes ``run(data_dir, *, limit=None, ...) -> dict``;
the runner times it, keeps its whole report in ``benchmarks/out/NAME.json`` (git-ignored)
and lifts the headline numbers into ``results.json``: one flat ``metrics`` map of
``{value, better, kind, label}`` so that two runs compare metric by metric, each in the
direction that is better for it.  A full run (no ``--only``, no ``--limit``) writes
``benchmarks/RESULTS.md``, ``benchmarks/results.json`` and the plots beside them, and
compares itself with the ``results.json`` it replaces; a partial run writes to
``benchmarks/out/`` instead, so a quick look never replaces the numbers the README quotes.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import inspect
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # ``python benchmarks/run.py`` puts benchmarks/ first instead
    sys.path.insert(0, str(ROOT))

from benchmarks.common import DEFAULT_DATA  # noqa: E402

SCHEMA_VERSION = 1
BENCH_DIR = ROOT / "benchmarks"
OUT_DIR = BENCH_DIR / "out"
DATA_ENV = "BENCH_DATA"
BENCHMARKS = ("read", "real", "years", "skills", "score", "pool", "ocr", "serve", "speed")
"""Run in this order: ``benchmarks/bench_<name>.py``.  Speed last, once the machine's disk
cache holds the PDFs for every benchmark alike."""
FULL_RUN_LIMITS = {"read": 3}
"""Benchmarks that take a sample even in a full run: bench_read reads the first 3 PDFs of each
category (72 of 528) because reading all of them with pdfplumber, twice (bare and ours), takes
a quarter of an hour on two cores; bench_speed keeps its own small sample."""
DEFAULT_NOISE = 0.10
"""A timing that moved less than this share between two runs is reported as noise: the
machine is shared, so a few percent either way says nothing about the code."""
NOISE_BY_KIND = {"quality": 0.0, "time": DEFAULT_NOISE, "memory": 0.05}
LIBRARIES = (
    "ai-role-matcher",
    "spacy",
    "scikit-learn",
    "numpy",
    "scipy",
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "python-docx",
    "joblib",
    "click",
    "matplotlib",
    "tesserocr",
)
SOURCE_DIRS = ("matcher", "skills_taxonomy")


@dataclass(frozen=True)
class Dataset:
    """One dev data set: where it lives and how to count it."""

    name: str
    path: str
    unit: str
    description: str

    def size(self, data_dir: Path) -> int | None:
        target = data_dir / self.path
        if target.is_dir():
            return sum(1 for _ in target.glob("*/*.pdf"))
        if target.is_file():
            with target.open(encoding="utf-8") as handle:
                lines = sum(1 for line in handle if line.strip())
            return lines - 1 if target.suffix == ".tsv" else lines  # a TSV has a header row
        return None


DATASETS = (
    Dataset(
        "livecareer",
        "livecareer-pdfs",
        "PDFs",
        "livecareer resumes rendered to PDF, filed under 24 site categories (real)",
    ),
    Dataset(
        "kaggle",
        "kaggle-updated-resume-dataset/dev_unique_resumes.jsonl",
        "records",
        "Kaggle resume dataset: resume texts with the portal's declared skills (real)",
    ),
    Dataset(
        "rjdb",
        "rjdb-synthetic-resume-jd/test_rows_000-299.jsonl",
        "rows",
        "rjdb: job descriptions with a matched and an unmatched resume (synthetic, GPT-4)",
    ),
    Dataset(
        "real-resumes",
        "real-resumes/labels.jsonl",
        "files",
        "real PDF and DOCX resumes of many templates, hand-labelled (name, positions, years)",
    ),
    Dataset(
        "ferr",
        "ferr-relevance/labels.tsv",
        "judgements",
        "FERR: recruiters' 1-7 fit scores of (job keywords, livecareer resume) pairs (real)",
    ),
    Dataset(
        "skillspan",
        "skillspan/tech_dev.jsonl",
        "sentences",
        "SkillSpan tech dev: job-posting sentences with every skill span labelled",
    ),
)


# --- headline metrics ---------------------------------------------------------------------


@dataclass(frozen=True)
class Quality:
    """A quality row: ``report[block][system][metric]`` for ours and every sibling system."""

    benchmark: str
    path: str
    """``block.metric`` in the benchmark's report."""
    better: str
    """"higher", "lower", or "" for a number with no right direction (a sanity check)."""
    dataset: str
    label: str
    size: str | None = None
    """The block's key for how many items the row measured (default: the block's own)."""

    @property
    def block(self) -> str:
        return self.path.split(".")[0]

    @property
    def metric(self) -> str:
        return self.path.split(".")[1]


QUALITY = (
    Quality(
        "real", "pdfplumber.name", "higher", "real resumes, pdfplumber", "candidate name right"
    ),
    Quality("real", "pdfplumber.email", "higher", "real resumes, pdfplumber", "email right"),
    Quality("real", "pdfplumber.phone", "higher", "real resumes, pdfplumber", "phone right"),
    Quality(
        "real",
        "pdfplumber.pos_found",
        "higher",
        "real resumes, pdfplumber",
        "positions found (dates agree)",
    ),
    Quality(
        "real",
        "pdfplumber.pos_real",
        "higher",
        "real resumes, pdfplumber",
        "predicted positions that are real",
    ),
    Quality(
        "real",
        "pdfplumber.title",
        "higher",
        "real resumes, pdfplumber",
        "title right, of positions found",
    ),
    Quality(
        "real",
        "pdfplumber.employer",
        "higher",
        "real resumes, pdfplumber",
        "employer right, of positions found",
    ),
    Quality(
        "real",
        "pdfplumber.pos_exact",
        "higher",
        "real resumes, pdfplumber",
        "positions fully right",
    ),
    Quality(
        "real", "pdfplumber.years_mae", "lower", "real resumes, pdfplumber", "total years: MAE"
    ),
    Quality(
        "real",
        "pdfplumber.stated_years_mae",
        "lower",
        "real resumes, pdfplumber",
        "total years: MAE against a portal's stated total",
    ),
    Quality(
        "real",
        "pdfplumber.institutions",
        "higher",
        "real resumes, pdfplumber",
        "institutions found",
    ),
    Quality(
        "real",
        "pdfplumber.unreadable_refused",
        "higher",
        "real resumes, pdfplumber",
        "undecodable text layer refused (exit 4) or read by OCR",
    ),
    Quality("real", "pdfium.name", "higher", "real resumes, pdfium", "candidate name right"),
    Quality("real", "pdfium.email", "higher", "real resumes, pdfium", "email right"),
    Quality("real", "pdfium.phone", "higher", "real resumes, pdfium", "phone right"),
    Quality(
        "real",
        "pdfium.pos_found",
        "higher",
        "real resumes, pdfium",
        "positions found (dates agree)",
    ),
    Quality(
        "real",
        "pdfium.pos_real",
        "higher",
        "real resumes, pdfium",
        "predicted positions that are real",
    ),
    Quality(
        "real", "pdfium.title", "higher", "real resumes, pdfium", "title right, of positions found"
    ),
    Quality(
        "real",
        "pdfium.employer",
        "higher",
        "real resumes, pdfium",
        "employer right, of positions found",
    ),
    Quality("real", "pdfium.pos_exact", "higher", "real resumes, pdfium", "positions fully right"),
    Quality("real", "pdfium.years_mae", "lower", "real resumes, pdfium", "total years: MAE"),
    Quality(
        "real",
        "pdfium.stated_years_mae",
        "lower",
        "real resumes, pdfium",
        "total years: MAE against a portal's stated total",
    ),
    Quality("real", "pdfium.institutions", "higher", "real resumes, pdfium", "institutions found"),
    Quality(
        "real",
        "pdfium.unreadable_refused",
        "higher",
        "real resumes, pdfium",
        "undecodable text layer refused (exit 4) or read by OCR",
    ),
    Quality("years", "rjdb.mae", "lower", "rjdb resumes, synthetic", "years of experience: MAE"),
    Quality("years", "rjdb.within_1_year", "higher", "rjdb resumes, synthetic", "within 1 year"),
    Quality("years", "livecareer.median", "", "livecareer PDFs, unlabelled", "median years found"),
    Quality("skills", "kaggle.precision", "higher", "kaggle resumes", "precision (lower bound)"),
    Quality("skills", "kaggle.recall", "higher", "kaggle resumes", "recall of declared skills"),
    Quality(
        "skills", "kaggle.recall_written", "higher", "kaggle resumes", "recall, skills in the text"
    ),
    Quality("skills", "kaggle.f1", "higher", "kaggle resumes", "F1"),
    Quality("skills", "skillspan.precision", "higher", "SkillSpan sentences", "precision"),
    Quality(
        "skills",
        "skillspan.precision_labelled",
        "higher",
        "SkillSpan sentences with a label",
        "precision",
        size="labelled_sentences",
    ),
    Quality(
        "skills", "skillspan.recall", "higher", "SkillSpan sentences", "recall, spans <= 3 tokens"
    ),
    Quality("skills", "skillspan.f1", "higher", "SkillSpan sentences", "F1"),
    Quality("score", "industry.top1", "higher", "livecareer PDFs, 6 sectors", "industry top-1"),
    Quality("score", "no_fit.no_fit", "higher", "livecareer PDFs, non-AI", "fit no AI level"),
    Quality("score", "job_pairs.won", "higher", "rjdb job pairs, synthetic", "matched one wins"),
    Quality(
        "score",
        "ferr.per_job",
        "higher",
        "recruiters' 1-7 scores, FERR",
        "Spearman with the recruiters, mean per job",
    ),
    Quality("score", "ferr.pooled", "higher", "recruiters' 1-7 scores, FERR", "Spearman, pooled"),
)
OCR_VARIANTS = {
    "dpi200": "scanned at 200 dpi",
    "dpi150": "scanned at 150 dpi",
    "dpi300": "scanned at 300 dpi",
    "noise": "noisy scan",
    "rotated": "scan turned 2 degrees",
    "photo": "phone-photo look (JPEG)",
}
"""bench_ocr's variants, the reader's default resolution first."""
OCR_METRICS = {
    "words_right": "words read right",
    "skills_jaccard": "skills Jaccard with the text layer",
    "dates_agree": "positions whose dates agree",
    "dates_agree_per_resume": "positions whose dates agree, mean per resume",
    "same_level": "same best level",
    "same_industry": "same best industry",
}
QUALITY += tuple(
    Quality("ocr", f"{variant}.{metric}", "higher", f"PDFs as {shown}, OCR", label)
    for variant, shown in OCR_VARIANTS.items()
    for metric, label in OCR_METRICS.items()
)
SIZE_KEYS = {"rjdb": "rows", "livecareer": "files", "kaggle": "records"}
SIZE_KEYS |= {"skillspan": "sentences", "industry": "files", "no_fit": "files"}
SIZE_KEYS |= {"job_pairs": "rows", "ferr": "pairs"}
"""Where each report block says how many items it measured."""

SYSTEM_LABELS = {
    "ours_named": "ours, named skills only",
    "reference_largest_class": "always the largest class",
    "keyword_share": "keyword share",
    "tfidf_cosine": "TF-IDF cosine",
    "cross_validated": "ours, weights fitted on the other jobs (5-fold)",
    "years.reference": "date-range regex",
    "real.before": "before (commit d59bdbf)",
    "skills.kaggle.reference": "exact lookup, oracle list",
    "skills.kaggle.reference_unseen": "exact lookup, unseen list",
    "skills.skillspan.reference": "exact lookup (kaggle gold list)",
    "skills.skillspan.oracle_list": "exact lookup with this file's own spans (a ceiling)",
}
"""How RESULTS.md names a system: by ``benchmark.block.system``, ``benchmark.system`` or
``system``, the most specific first."""
AIMS = {
    "score.no_fit.ours.no_fit": ">= 0.95",
    **{f"ocr.{variant}.ours.skills_jaccard": ">= 0.90" for variant in OCR_VARIANTS},
    **{f"ocr.{variant}.ours.dates_agree": ">= 0.90" for variant in OCR_VARIANTS},
    **{f"ocr.{variant}.ours.dates_agree_per_resume": ">= 0.90" for variant in OCR_VARIANTS},
    **{f"ocr.{variant}.ours.same_level": ">= 0.95" for variant in OCR_VARIANTS},
}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _system_label(benchmark: str, block: str, system: str) -> str:
    for key in (f"{benchmark}.{block}.{system}", f"{benchmark}.{system}", system):
        if key in SYSTEM_LABELS:
            return SYSTEM_LABELS[key]
    return system.replace("_", " ")


def _readers(report: Mapping[str, Any]) -> dict[tuple[str, str], Mapping[str, Any]]:
    """bench_read's rows by (``ours`` or ``bare``, engine)."""
    found = {}
    for row in report.get("readers", []):
        who, engine = [*row.get("reader", "").split(), "", ""][:2]
        found["ours" if who == "matcher" else "bare", engine] = row
    return found


def read_rows(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """bench_read's quality rows: files each engine reads, and whether the two agree."""
    rows = []
    readers = _readers(report)
    base = {"benchmark": "read", "dataset": "livecareer PDFs", "n": report.get("files")}
    for engine in ("pdfplumber", "pdfium"):
        ours, bare = readers.get(("ours", engine)), readers.get(("bare", engine))
        if ours is None:
            continue
        values = {f"read.{engine}.ours.read_share": ("ours", ours["read_share"])}
        if bare is not None:
            values[f"read.{engine}.bare.read_share"] = (f"bare {engine}", bare["read_share"])
        label = f"files read, engine {engine}"
        rows.append({**base, "label": label, "better": "higher", "aim": None, "values": values})
    engines = report.get("engines", {})
    if _is_number(engines.get("identical_share")):
        values = {"read.engines.ours.identical_share": ("ours", engines["identical_share"])}
        if _is_number(engines.get("word_agreement")):
            agreement = ("word agreement", engines["word_agreement"])
            values["read.engines.words.word_agreement"] = agreement
        label = "both engines give the same lines"
        rows.append({**base, "label": label, "better": "higher", "aim": None, "values": values})
    return rows


def read_metrics(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """bench_read's timings: our read stage against the bare library, per engine."""
    metrics = {}
    for (who, engine), row in _readers(report).items():
        if who == "ours" and _is_number(row.get("vs_bare")):
            metrics[f"read.{engine}.vs_bare"] = {
                "value": row["vs_bare"],
                "label": f"read stage / bare extraction, {engine} (bench_read)",
                "better": "lower",
                "kind": "time",
            }
        if _is_number(row.get("mean_s")):
            metrics[f"read.{engine}.{who}.mean_s"] = {
                "value": row["mean_s"],
                "label": f"{'read stage' if who == 'ours' else 'bare'} s/resume, {engine}",
                "better": "lower",
                "kind": "time",
            }
    return metrics


def quality_rows(name: str, report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The quality table's rows for one benchmark's report (rows it lacks are left out)."""
    if name == "read":
        return read_rows(report)
    rows = []
    for spec in QUALITY:
        if spec.benchmark != name:
            continue
        block = report.get(spec.block)
        if not isinstance(block, Mapping) or "skipped" in block:
            continue
        systems = {
            system: part[spec.metric]
            for system, part in block.items()
            if isinstance(part, Mapping) and _is_number(part.get(spec.metric))
        }
        if "ours" not in systems:
            continue
        rows.append(
            {
                "benchmark": name,
                "dataset": spec.dataset,
                "n": block.get(spec.size or SIZE_KEYS.get(spec.block, "files")),
                "label": spec.label,
                "better": spec.better,
                "aim": AIMS.get(f"{name}.{spec.block}.ours.{spec.metric}"),
                "values": {
                    f"{name}.{spec.block}.{system}.{spec.metric}": (
                        _system_label(name, spec.block, system),
                        value,
                    )
                    for system, value in systems.items()
                },
            }
        )
    return rows


def speed_metrics(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The speed benchmark's headline numbers, each with the direction that is better."""
    metrics: dict[str, dict[str, Any]] = {}

    def add(key: str, value: Any, label: str, better: str, kind: str) -> None:
        if value is not None:
            metrics[f"speed.{key}"] = {"value": value, "label": label, "better": better}
            metrics[f"speed.{key}"]["kind"] = kind

    startup = report.get("startup", {})
    add("startup.best_seconds", startup.get("best_seconds"), "matcher --help (s)", "lower", "time")
    add("startup.ok", startup.get("ok"), "--help imports no spaCy/sklearn", "higher", "quality")
    stages = report.get("stages", {})
    for engine in ("pdfplumber", "pdfium"):
        part = stages.get(engine)
        if not isinstance(part, Mapping):
            continue
        for stage, seconds in part.get("seconds_per_resume", {}).items():
            add(f"stages.{engine}.{stage}", seconds, f"{engine}: {stage} s/resume", "lower", "time")
        add(
            f"stages.{engine}.pipeline",
            part.get("pipeline_seconds_per_resume"),
            f"{engine}: pipeline s/resume",
            "lower",
            "time",
        )
        add(
            f"stages.{engine}.bare",
            part.get("bare_seconds_per_resume"),
            f"{engine}: bare extraction s/resume",
            "lower",
            "time",
        )
        add(
            f"stages.{engine}.pipeline_to_bare",
            part.get("pipeline_to_bare"),
            f"{engine}: pipeline / bare extraction",
            "lower",
            "time",
        )
        add(
            f"stages.{engine}.read_to_bare",
            part.get("read_to_bare"),
            f"{engine}: read stage / bare extraction",
            "lower",
            "time",
        )
    for engine, runs in report.get("throughput", {}).items():
        if not isinstance(runs, Mapping):
            continue
        for key, run in runs.items():
            if not key.startswith("jobs_") or "error" in run:
                continue
            jobs = key.removeprefix("jobs_")
            add(
                f"throughput.{engine}.{key}.resumes_per_second",
                run.get("resumes_per_second"),
                f"{engine}, --jobs {jobs}: resumes/s",
                "higher",
                "time",
            )
            add(
                f"throughput.{engine}.{key}.cpu_seconds_per_resume",
                run.get("cpu_seconds_per_resume"),
                f"{engine}, --jobs {jobs}: CPU s/resume",
                "lower",
                "time",
            )
            if jobs != "1":
                add(
                    f"throughput.{engine}.{key}.speedup",
                    run.get("speedup"),
                    f"{engine}, --jobs {jobs}: speed-up over --jobs 1",
                    "higher",
                    "time",
                )
            peaks = run.get("peak_rss_mb", {})
            add(
                f"throughput.{engine}.{key}.peak_rss_mb",
                max(peaks.get("workers") or [peaks.get("parent") or 0]) or None,
                f"{engine}, --jobs {jobs}: peak RSS per process (MB)",
                "lower",
                "memory",
            )
        add(
            f"throughput.{engine}.same_output",
            runs.get("same_output"),
            f"{engine}: same output for every --jobs",
            "higher",
            "quality",
        )
    return metrics


def pool_metrics(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The pool benchmark's headline numbers: add against batch, rank and search times."""
    metrics: dict[str, dict[str, Any]] = {}

    def add(key: str, value: Any, label: str, better: str, kind: str) -> None:
        if value is not None:
            metrics[f"pool.{key}"] = {"value": value, "label": label, "better": better}
            metrics[f"pool.{key}"]["kind"] = kind

    for engine in ("pdfplumber", "pdfium"):
        part = report.get(engine) or {}
        add(f"{engine}.add_to_batch", part.get("add_to_batch"), f"{engine}: pool add / batch",
            "lower", "time")  # fmt: skip
        add(f"{engine}.rank_same_as_batch", part.get("rank_same_as_batch"),
            f"{engine}: pool rank --job gives batch's rows", "higher", "quality")  # fmt: skip
    for size, part in (report.get("pools") or {}).items():
        add(f"{size}.rank_seconds", part.get("rank_seconds"),
            f"pool of {size}: rank --job --top 50 (s)", "lower", "time")  # fmt: skip
        add(f"{size}.db_bytes_per_entry", part.get("db_bytes_per_entry"),
            f"pool of {size}: bytes per entry", "lower", "memory")  # fmt: skip
        for key, value in part.items():
            if key.startswith("search "):
                add(f"{size}.{key.replace(' ', '_')}", value["seconds"],
                    f"pool of {size}: {key} (s)", "lower", "time")  # fmt: skip
    return metrics


def ocr_metrics(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """bench_ocr's time and memory: seconds a page read by OCR, peak memory."""
    metrics: dict[str, dict[str, Any]] = {}
    for variant, shown in OCR_VARIANTS.items():
        seconds = (report.get(variant, {}).get("ours") or {}).get("seconds_per_page")
        if seconds is not None:
            metrics[f"ocr.{variant}.seconds_per_page"] = {
                "value": seconds,
                "label": f"OCR, {shown}: seconds a page (render, OCR, layout; one core)",
                "better": "lower",
                "kind": "time",
            }
    peak = report.get("memory_mb", {}).get("peak")
    if peak is not None:
        metrics["ocr.peak_rss_mb"] = {
            "value": peak,
            "label": "OCR benchmark: peak RSS of the process (MB)",
            "better": "lower",
            "kind": "memory",
        }
    return metrics


def serve_metrics(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The web app under load (bench_serve): rows kept, analysis rate, ranking's answers."""
    files = report.get("files") or 0
    rows = {
        "serve.rows_per_file": (
            report.get("distinct_entries", 0) / files if files else None,
            "uploads that became a pool entry of their own, per file sent",
            "higher",
            "quality",
        ),
        "serve.resumes_per_second": (
            report.get("resumes_per_second"),
            "resumes analysed per second, 4 clients uploading while one ranks",
            "higher",
            "time",
        ),
        "serve.rank_median_s": (
            report.get("rank_median_s"),
            "GET /api/rank during the uploads, median (s)",
            "lower",
            "time",
        ),
    }
    return {
        key: {"value": value, "label": label, "better": better, "kind": kind}
        for key, (value, label, better, kind) in rows.items()
        if value is not None
    }


def collect_metrics(
    reports: Mapping[str, Mapping[str, Any]], runs: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Every headline number of a run as ``key -> {value, label, better, kind}``."""
    metrics: dict[str, dict[str, Any]] = {}
    for name, report in reports.items():
        for row in quality_rows(name, report):
            for key, (system, value) in row["values"].items():
                metrics[key] = {
                    "value": value,
                    "label": f"{row['dataset']}: {row['label']} ({system})",
                    "better": row["better"],
                    "kind": "quality",
                }
        if name == "speed":
            metrics.update(speed_metrics(report))
        if name == "read":
            metrics.update(read_metrics(report))
        if name == "pool":
            metrics.update(pool_metrics(report))
        if name == "ocr":
            metrics.update(ocr_metrics(report))
        if name == "serve":
            metrics.update(serve_metrics(report))
    for name, run in runs.items():
        if run.get("status") == "ok":
            metrics[f"runtime.{name}"] = {
                "value": run["seconds"],
                "label": f"bench_{name} run time (s)",
                "better": "lower",
                "kind": "time",
            }
    return dict(sorted(metrics.items()))


# --- the machine and the tree -------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return None


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def describe_machine() -> dict[str, Any]:
    """CPU, memory, Python and library versions: what a run's timings depend on."""
    return {
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gib": _ram_gib(),
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "libraries": {name: _version(name) for name in LIBRARIES},
    }


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def describe_tree() -> dict[str, Any]:
    """The commit measured, whether the code differs from it, and a digest of the code."""
    changed = _git("status", "--porcelain", "--", *SOURCE_DIRS, "benchmarks")
    return {
        "commit": _git("rev-parse", "--short=12", "HEAD"),
        "uncommitted_changes": bool(changed),
        "source_digest": source_digest(),
    }


def source_digest() -> str:
    """A digest of the library's files, to tell whether they changed during the run."""
    digest = hashlib.sha256()
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# --- running ------------------------------------------------------------------------------


def resolve_data(option: Path | None) -> Path:
    """``--data``, else ``$BENCH_DATA``, else ``../shared/data/dev`` beside the repository."""
    if option is not None:
        return option.resolve()
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).resolve()
    return DEFAULT_DATA.resolve()


def data_sizes(data_dir: Path) -> dict[str, dict[str, Any]]:
    return {
        dataset.name: {
            "path": dataset.path,
            "size": dataset.size(data_dir),
            "unit": dataset.unit,
            "description": dataset.description,
        }
        for dataset in DATASETS
    }


def _entry_point(name: str) -> Callable[..., dict[str, Any]] | str:
    """The benchmark's ``run`` function, or why there is none."""
    module_name = f"benchmarks.bench_{name}"
    if not (BENCH_DIR / f"bench_{name}.py").is_file():
        return f"no benchmarks/bench_{name}.py"
    module = importlib.import_module(module_name)
    entry = getattr(module, "run", None)
    if not callable(entry):
        return f"bench_{name}.py has no run(data_dir) function"
    return entry  # type: ignore[no-any-return]


def run_one(
    name: str, data_dir: Path, limit: int | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Run one benchmark: (how the run went, its report or None)."""
    entry = _entry_point(name)
    if isinstance(entry, str):
        return {"status": "skipped", "message": entry}, None
    kwargs: dict[str, Any] = {}
    if name in FULL_RUN_LIMITS:
        limit = min(limit or FULL_RUN_LIMITS[name], FULL_RUN_LIMITS[name])
    if limit is not None:
        if "limit" not in inspect.signature(entry).parameters:
            note = f"runs in full: bench_{name}.run takes no limit"
            print(f"  {note}", file=sys.stderr)
        else:
            kwargs["limit"] = limit
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        report = entry(data_dir, **kwargs)
    except Exception as exc:  # one broken benchmark must not lose the others' numbers
        traceback.print_exc(file=sys.stderr)
        return {
            "status": "error",
            "message": f"{type(exc).__name__}: {exc}",
            "seconds": round(time.perf_counter() - started, 1),
        }, None
    run = {
        "status": "ok",
        "seconds": round(time.perf_counter() - started, 1),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    if "limit" in kwargs:
        run["limit"] = kwargs["limit"]
    elif limit is not None:
        run["message"] = "ran in full (no limit option)"
    return run, report


def run_all(
    data_dir: Path, names: Sequence[str], limit: int | None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Run ``names`` in order; the results document and every full report."""
    started_at = datetime.now(UTC)
    tree = describe_tree()
    runs: dict[str, dict[str, Any]] = {}
    reports: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(names, 1):
        print(f"[{number}/{len(names)}] bench_{name} ...", file=sys.stderr, flush=True)
        run, report = run_one(name, data_dir, limit)
        runs[name] = run
        status = f"{run['status']}" + (f": {run['message']}" if run.get("message") else "")
        timing = f" in {run['seconds']} s" if "seconds" in run else ""
        print(f"[{number}/{len(names)}] bench_{name} {status}{timing}", file=sys.stderr)
        if report is not None:
            reports[name] = report
            out = OUT_DIR / f"{name}.json"
            out.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    digest_after = source_digest()
    results = {
        "schema_version": SCHEMA_VERSION,
        "date": started_at.strftime("%Y-%m-%d %H:%M UTC"),
        "seconds": round(time.perf_counter() - started, 1),
        "options": {"only": list(names), "limit": limit, "full": _is_full(names, limit)},
        "tree": {**tree, "changed_during_run": digest_after != tree["source_digest"]},
        "machine": describe_machine(),
        "data": {"dir": _shown_path(data_dir), "datasets": data_sizes(data_dir)},
        "benchmarks": runs,
        "quality": [row for name, report in reports.items() for row in quality_rows(name, report)],
        "metrics": collect_metrics(reports, runs),
        "tables": tables(reports),
    }
    return results, reports


def _is_full(names: Sequence[str], limit: int | None) -> bool:
    return limit is None and tuple(names) == BENCHMARKS


def _shown_path(path: Path) -> str:
    try:
        return os.path.relpath(path, ROOT)
    except ValueError:
        return str(path)


def tables(reports: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The aggregate tables RESULTS.md shows besides the metrics (no resume text)."""
    out: dict[str, Any] = {}
    industry = reports.get("score", {}).get("industry", {})
    if isinstance(industry, Mapping) and "confusion" in industry:
        out["industry_confusion"] = industry["confusion"]
    no_fit = reports.get("score", {}).get("no_fit", {})
    if isinstance(no_fit, Mapping) and "per_category" in no_fit:
        out["no_fit_per_category"] = no_fit["per_category"]
    read = reports.get("read", {})
    if read.get("readers"):
        out["read"] = {
            "files": read.get("files"),
            "per_category": read.get("per_category"),
            "readers": read["readers"],
        }
    speed = reports.get("speed", {})
    if isinstance(speed.get("stages"), Mapping) and "skipped" not in speed["stages"]:
        stages = dict(speed["stages"])
        stages.pop("left_out", None)
        out["stages"] = stages
    if isinstance(speed.get("throughput"), Mapping) and "skipped" not in speed["throughput"]:
        # How many files differ between --jobs counts, not which: results.json is committed,
        # and the dev data's file names stay in benchmarks/out/.
        out["throughput"] = {
            engine: {**runs, "differ": len(runs.get("differ", []))}
            for engine, runs in speed["throughput"].items()
            if isinstance(runs, Mapping)
        }
    if "startup" in speed:
        out["startup"] = speed["startup"]
    if "sample" in speed:
        out["speed_sample"] = speed["sample"]
    pool = reports.get("pool", {})
    if "pools" in pool:
        out["pool"] = dict(pool)
    return out


# --- comparing ----------------------------------------------------------------------------


def _verdict(old: Any, new: Any, better: str | None, kind: str) -> str:
    if old == new:
        return "same"
    if better not in ("higher", "lower") or not (
        isinstance(old, int | float) and isinstance(new, int | float)
    ):
        return "changed"
    noise = NOISE_BY_KIND.get(kind, 0.0)
    if noise and old and abs(new - old) / abs(old) < noise:
        return "noise"
    up = new > old
    return "better" if up == (better == "higher") else "worse"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def _change(old: Any, new: Any, kind: str) -> str:
    if isinstance(old, bool) or isinstance(new, bool) or not (_is_number(old) and _is_number(new)):
        return ""
    if kind == "quality":
        return f"{new - old:+.3f}"
    return f"{(new - old) / old:+.0%}" if old else ""


def compare(old: Mapping[str, Any], new: Mapping[str, Any], noise: float = DEFAULT_NOISE) -> str:
    """What got better or worse from ``old`` to ``new``, metric by metric, as text."""
    NOISE_BY_KIND["time"] = noise
    lines = [f"Comparing {old.get('date')} ({_commit(old)}) -> {new.get('date')} ({_commit(new)})"]
    for what, get in (
        ("--limit", lambda r: r.get("options", {}).get("limit")),
        ("data", lambda r: {k: v.get("size") for k, v in r["data"]["datasets"].items()}),
        ("machine", lambda r: (r["machine"]["cpu_model"], r["machine"]["cpus_usable"])),
    ):
        try:
            before, after = get(old), get(new)
        except (KeyError, TypeError):
            continue
        if before != after:
            lines.append(
                f"  note: the runs differ in {what} ({before} -> {after}): compare with care"
            )
    old_metrics, new_metrics = old.get("metrics", {}), new.get("metrics", {})
    groups: dict[str, list[str]] = {"better": [], "worse": [], "changed": [], "noise": []}
    same = 0
    for key in sorted(old_metrics.keys() & new_metrics.keys()):
        before, after = old_metrics[key], new_metrics[key]
        kind = after.get("kind", "quality")
        verdict = _verdict(before["value"], after["value"], after.get("better"), kind)
        if verdict == "same":
            same += 1
            continue
        direction = {"higher": "higher is better", "lower": "lower is better"}.get(
            after.get("better"), ""
        )
        groups[verdict].append(
            f"  {after.get('label', key):<62} {_show(before['value']):>9} -> "
            f"{_show(after['value']):<9} {_change(before['value'], after['value'], kind):>7}"
            f"  ({direction})"
        )
    titles = {
        "better": "better",
        "worse": "worse",
        "changed": "changed (no direction)",
        "noise": f"timings within {noise:.0%} (noise on a shared machine)",
    }
    for verdict, title in titles.items():
        if groups[verdict]:
            lines.extend([f"{title} ({len(groups[verdict])}):", *groups[verdict]])
    lines.append(f"unchanged: {same} metrics")
    for label, keys in (
        ("only in the old run", old_metrics.keys() - new_metrics.keys()),
        ("only in the new run", new_metrics.keys() - old_metrics.keys()),
    ):
        if keys:
            lines.append(f"{label}: {', '.join(sorted(keys))}")
    return "\n".join(lines)


def _commit(results: Mapping[str, Any]) -> str:
    tree = results.get("tree", {})
    commit = tree.get("commit") or "unknown commit"
    return commit + (" + changes" if tree.get("uncommitted_changes") else "")


def _load(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"{path}: cannot read a results.json ({exc})") from exc
    if data.get("schema_version") != SCHEMA_VERSION:
        raise SystemExit(f"{path}: not a results.json of schema {SCHEMA_VERSION}")
    return data


# --- writing ------------------------------------------------------------------------------


def write_results(results: dict[str, Any], out_dir: Path) -> Path:
    """results.json, the plots and RESULTS.md into ``out_dir``; returns RESULTS.md's path."""
    from benchmarks.report import render_markdown, write_plots

    out_dir.mkdir(parents=True, exist_ok=True)
    plots = write_plots(results, out_dir)
    (out_dir / "results.json").write_text(
        json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    markdown = out_dir / "RESULTS.md"
    markdown.write_text(render_markdown(results, plots), encoding="utf-8")
    return markdown


def _names(option: str | None) -> list[str]:
    if not option:
        return list(BENCHMARKS)
    names = [name.strip() for name in option.split(",") if name.strip()]
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(
            f"unknown benchmark(s): {', '.join(unknown)} (known: {', '.join(BENCHMARKS)})"
        )
    return [name for name in BENCHMARKS if name in names]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Run the benchmarks; write benchmarks/RESULTS.md and results.json.",
    )
    parser.add_argument(
        "--data",
        type=Path,
        help=f"dev data folder (default ${DATA_ENV} or ../shared/data/dev beside the repository)",
    )
    parser.add_argument("--only", help=f"comma-separated subset of {', '.join(BENCHMARKS)}")
    parser.add_argument("--limit", type=int, help="a quick run: at most N files/rows per set")
    parser.add_argument(
        "--out",
        type=Path,
        help="where to write (default: benchmarks/ for a "
        "full run, benchmarks/out/ for --only or --limit)",
    )
    parser.add_argument("--compare", type=Path, metavar="OLD.json", help="compare with a run")
    parser.add_argument(
        "--against", type=Path, metavar="NEW.json", help="with --compare: compare two saved runs"
    )
    parser.add_argument("--noise", type=float, default=DEFAULT_NOISE, help="timing noise share")
    args = parser.parse_args(None if argv is None else list(argv))

    if args.against is not None:
        if args.compare is None:
            parser.error("--against needs --compare OLD.json")
        print(compare(_load(args.compare), _load(args.against), args.noise))
        return 0
    old = _load(args.compare) if args.compare is not None else None
    names = _names(args.only)
    data_dir = resolve_data(args.data)
    sizes = data_sizes(data_dir) if data_dir.is_dir() else {}
    if not any(part["size"] for part in sizes.values()):
        print(
            f"benchmarks: no dev data at {data_dir} (set --data DIR or {DATA_ENV}=DIR); "
            "nothing measured, RESULTS.md left as it was.",
            file=sys.stderr,
        )
        return 0
    results, _ = run_all(data_dir, names, args.limit)
    full = results["options"]["full"]
    out_dir = args.out if args.out is not None else (BENCH_DIR if full else OUT_DIR)
    previous = out_dir / "results.json"
    if old is None and full and previous.is_file():
        old = _load(previous)
        backup = OUT_DIR / "results.previous.json"
        backup.write_text(previous.read_text(encoding="utf-8"), encoding="utf-8")
    markdown = write_results(results, out_dir)
    for name, run in results["benchmarks"].items():
        if run["status"] != "ok":
            print(f"bench_{name}: {run['status']}: {run.get('message', '')}", file=sys.stderr)
    if results["tree"]["changed_during_run"]:
        print("warning: matcher/ or skills_taxonomy/ changed during the run", file=sys.stderr)
    print(f"wrote {_shown_path(markdown)} and results.json in {results['seconds']} s")
    if old is not None:
        print(compare(old, results, args.noise))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
