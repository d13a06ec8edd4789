"""Speed: resumes per second end to end, per stage, against the bare cost of reading the PDF.

Run from anywhere::

    .venv/bin/python benchmarks/bench_speed.py [--data DIR] [--limit N] [--jobs 1,2]

Data: ``../shared/data/dev`` beside the repository (``--data`` to change).  Without it the
script says so on stderr and exits 0.  The runner (``benchmarks/run.py``) imports :func:`run`.

**Files.**  The first ``N`` livecareer PDFs of every category, in order of their numeric id
(``--limit N``, default :data:`DEFAULT_PER_CATEGORY`): a fixed sample that spans the site's
layouts.  Real resumes, 1-6 pages each.

**Per stage, against bare extraction.**  For every file, in turn and in one process: bare
pypdfium2 ``PdfTextPage.get_text_range`` over every page, our pipeline with
``engine="pdfium"`` stage by stage (read, parse, skills, score), then pdfplumber's own
``Page.extract_text`` over every page and our pipeline with ``engine="pdfplumber"``.
Interleaving file by file means a burst of load from another process on this shared
machine slows both sides of a ratio alike.  The PDFium side runs first: spaCy's tokenizer
remembers how it split the words it has seen, and the pdfplumber pipeline would otherwise
hand it the same text just before (a real batch meets each resume once).  The one-off
costs (imports, building the spaCy pipeline and the similarity model) are paid before the
clock starts.  Ratios reported: *pipeline / bare* (the whole pipeline against bare
extraction by the same library: aims <= 1.2x for pdfplumber and <= 3x for pdfium) and
*read / bare* (our column-aware reading alone).  A file any side cannot read (the PDF
without a text layer) is left out of every mean and listed.

**Throughput with ``--jobs``.**  Each (engine, jobs) pair runs in a fresh process
(``python benchmarks/bench_speed.py --throughput``) on the same files, the first
:data:`THROUGHPUT_PER_CATEGORY` of each category for that engine, each scored once: the
batch core when ``matcher.batch`` offers one, else
:func:`matcher.pipeline.analyse_resume` in a loop for one job and joblib processes for
more.  ``resumes_per_second`` counts from the moment
the process is ready to the last result; ``cpu_seconds_per_resume`` is the CPU time all
its processes spent on the files (less sensitive than wall time to other work on the
machine: when the machine is already busy, a second job cannot run faster, but its CPU
cost per resume still shows the overhead of parallelism).  ``startup_seconds`` is what
came before: imports, loading the taxonomy, building the pipeline, scoring the first file
once to pay every first-use cost and, with several jobs, starting the worker processes and
warming up each the same way (joblib keeps its workers between calls).  The rate is the
steady one a long batch sees.  Peak memory is each process's own ``ru_maxrss`` (the
parent's, and every worker's as it reports it once the batch is done).  ``same_output``
checks that every jobs count gives the same JSON for every file (``differ`` lists those
that do not).

**Start-up.**  ``python -m matcher --help`` (what the ``matcher`` script runs) as a
subprocess, best of :data:`STARTUP_RUNS`, and ``python -X importtime -m matcher --help`` to
list which of spaCy, scikit-learn and the PDF libraries it imported (it must import neither
spaCy nor scikit-learn).

Numbers go to ``benchmarks/out/speed.json`` (git-ignored): timings and file names only.
Timings on a shared machine are noisy: compare ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import DEFAULT_DATA, write_report  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "out" / "speed.json"
LIVECAREER_DIR = Path("livecareer-pdfs")
DEFAULT_PER_CATEGORY = 2
"""PDFs per livecareer category (24 categories) timed stage by stage: enough to average
layouts, and the whole benchmark stays within a few minutes on two cores."""
THROUGHPUT_PER_CATEGORY = {"pdfplumber": 1, "pdfium": 10}
"""PDFs per category for the ``--jobs`` runs of each engine: enough distinct files for
several seconds of work with two jobs (24 with pdfplumber; with PDFium up to 240, as some
categories hold fewer than 10).  Each file is scored once: a file scored again would find
its words in spaCy's tokenizer cache."""
DEFAULT_JOBS = (1, 2)
ENGINES = ("pdfplumber", "pdfium")
TIMING_ORDER = ("pdfium", "pdfplumber")
"""The order the engines' pipelines run on each file (see the module docstring)."""
STAGES = ("read", "parse", "skills", "score")
STARTUP_RUNS = 5
HEAVY = ("spacy", "sklearn")
"""``matcher --help`` must not import these."""
WATCHED = (*HEAVY, "pdfplumber", "pdfminer", "pypdfium2", "docx", "numpy", "scipy", "joblib")
AS_OF = date(2018, 1, 1)
"""As in the other livecareer benchmarks (the resumes' "Current" means about then)."""
AIM_PIPELINE_TO_BARE = {"pdfplumber": 1.2, "pdfium": 3.0}


def sample_pdfs(folder: Path, per_category: int) -> list[Path]:
    """The first ``per_category`` PDFs of each category folder, by numeric id."""
    files: list[Path] = []
    for category in sorted(p for p in folder.iterdir() if p.is_dir()):
        pdfs = sorted(
            category.glob("*.pdf"),
            key=lambda p: (int(p.stem) if p.stem.isdigit() else 0, p.name),
        )
        files.extend(pdfs[:per_category])
    return files


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


# --- bare extraction ----------------------------------------------------------------------


def bare_pdfplumber(path: Path, max_pages: int) -> int:
    """pdfplumber's own text extraction of every page; returns the characters read."""
    import pdfplumber

    size = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:max_pages]:
            size += len(page.extract_text() or "")
    return size


def bare_pdfium(path: Path, max_pages: int) -> int:
    """PDFium's own text extraction of every page; returns the characters read."""
    import pypdfium2

    size = 0
    pdf = pypdfium2.PdfDocument(path)
    try:
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            textpage = page.get_textpage()
            size += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return size


# --- per stage ----------------------------------------------------------------------------


def _pipeline_stages(path: Path, engine: str, taxonomy: Any) -> dict[str, float]:
    from matcher.parse.stage import parse_resume
    from matcher.read.reader import read_resume
    from matcher.score.report import score_fit
    from matcher.skills.stage import find_skills

    times: dict[str, float] = {}
    started = time.perf_counter()
    document = read_resume(path, engine=engine)
    times["read"] = time.perf_counter() - started
    started = time.perf_counter()
    resume = parse_resume(document, taxonomy=taxonomy, as_of=AS_OF)
    times["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    skills = find_skills(resume, taxonomy)
    times["skills"] = time.perf_counter() - started
    started = time.perf_counter()
    score_fit(resume, skills, taxonomy)
    times["score"] = time.perf_counter() - started
    return times


def _timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def run_stages(files: Sequence[Path]) -> dict[str, Any]:
    """Mean seconds per resume for every stage and engine, beside bare extraction."""
    from matcher.errors import MatcherError
    from matcher.read.reader import DEFAULT_MAX_PAGES
    from matcher.score.profiles import build_model
    from matcher.skills.pipeline import build_pipeline
    from skills_taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    build_pipeline(taxonomy)
    build_model(taxonomy)
    bare = {
        "pdfplumber": lambda p: bare_pdfplumber(p, DEFAULT_MAX_PAGES),
        "pdfium": lambda p: bare_pdfium(p, DEFAULT_MAX_PAGES),
    }
    if files:  # the first call of each library pays for its imports and caches
        for engine in ENGINES:
            bare[engine](files[0])
            with contextlib.suppress(MatcherError):
                _pipeline_stages(files[0], engine, taxonomy)
    sums = {engine: dict.fromkeys((*STAGES, "bare"), 0.0) for engine in ENGINES}
    pages = 0
    left_out: list[dict[str, str]] = []
    started = time.perf_counter()
    for path in files:
        row: dict[str, dict[str, float]] = {}
        try:
            for engine in TIMING_ORDER:
                bare_seconds = _timed(partial(bare[engine], path))
                row[engine] = {**_pipeline_stages(path, engine, taxonomy), "bare": bare_seconds}
        except MatcherError as exc:
            left_out.append({"file": _name(path), "error": type(exc).__name__})
            continue
        for engine, times in row.items():
            for key, seconds in times.items():
                sums[engine][key] += seconds
        pages += _page_count(path)
    measured = len(files) - len(left_out)
    result: dict[str, Any] = {
        "files": measured,
        "pages": pages,
        "left_out": left_out,
        "seconds": round(time.perf_counter() - started, 2),
    }
    for engine in ENGINES:
        mean = {key: value / measured if measured else 0.0 for key, value in sums[engine].items()}
        pipeline = sum(mean[stage] for stage in STAGES)
        result[engine] = {
            "seconds_per_resume": {key: round(mean[key], 4) for key in STAGES},
            "pipeline_seconds_per_resume": round(pipeline, 4),
            "bare_seconds_per_resume": round(mean["bare"], 4),
            "pipeline_to_bare": round(pipeline / mean["bare"], 2) if mean["bare"] else None,
            "read_to_bare": round(mean["read"] / mean["bare"], 2) if mean["bare"] else None,
            "aim_pipeline_to_bare": AIM_PIPELINE_TO_BARE[engine],
        }
    return result


def _page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


# --- throughput (in a fresh process) ------------------------------------------------------


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _summary(data: dict[str, Any] | None, error: str | None) -> str:
    """One file's result as compared across ``--jobs`` counts (the whole JSON object)."""
    return json.dumps(data, sort_keys=True) if error is None else f"error {error}"


def _analyse_one(path: str, engine: str) -> tuple[str, str]:
    """The fallback before ``matcher.batch``: one resume through the whole pipeline."""
    from matcher.errors import MatcherError
    from matcher.pipeline import analyse_resume
    from skills_taxonomy import load_taxonomy

    try:
        report = analyse_resume(Path(path), load_taxonomy(), engine=engine, as_of=AS_OF)
    except MatcherError as exc:
        return path, _summary(None, exc.code)
    return path, _summary(report.to_dict(), None)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _warm_up(path: str, engine: str) -> None:
    """Build the pipeline and the model and score one file, so that every first-use cost
    (imports, compiled patterns, the PDF library's own start) is paid before timing."""
    from matcher.score.profiles import build_model
    from matcher.skills.pipeline import build_pipeline
    from skills_taxonomy import load_taxonomy

    build_pipeline(load_taxonomy())
    build_model(load_taxonomy())
    _analyse_one(path, engine)


def _warm_worker(path: str, engine: str, hold: float) -> tuple[int, float]:
    """:func:`_warm_up` in a worker, then hold it a moment so the next task goes elsewhere.

    Returns the worker's pid and the CPU time it has used so far."""
    _warm_up(path, engine)
    time.sleep(hold)
    return os.getpid(), _cpu_seconds()


def _worker_peak(hold: float) -> tuple[int, float, float]:
    """A worker's pid, its peak RSS (MB) and the CPU time it has used so far."""
    time.sleep(hold)
    return os.getpid(), _peak_mb(), _cpu_seconds()


def _batch_core() -> Any | None:
    """``matcher.batch`` when it offers the core this benchmark drives, else None."""
    try:
        from matcher import batch
    except ImportError:
        return None
    needed = ("AnalysisOptions", "collect_inputs", "run_batch")
    return batch if all(hasattr(batch, name) for name in needed) else None


def throughput(files: Sequence[str], *, jobs: int, engine: str) -> dict[str, Any]:
    """Analyse ``files`` with ``jobs`` processes; called in a fresh interpreter."""
    started = time.perf_counter()
    from matcher.score.profiles import build_model
    from matcher.skills.pipeline import build_pipeline
    from skills_taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    build_pipeline(taxonomy)
    build_model(taxonomy)
    if jobs == 1:
        _warm_up(files[0], engine)
    else:
        from joblib import Parallel, delayed

        # joblib keeps its worker processes between calls (the batch core's too): start them
        # and warm them up first, so the rate below is the steady one and start-up is
        # reported apart.
        warm = Parallel(n_jobs=jobs, batch_size=1)(
            delayed(_warm_worker)(files[0], engine, 1.0) for _ in range(2 * jobs)
        )
    ready = time.perf_counter()
    cpu_start = _cpu_seconds()
    batch = _batch_core()
    results: list[tuple[str, str]]
    if batch is not None:
        how = f"matcher.batch.run_batch(jobs={jobs})"
        inputs = batch.collect_inputs([Path(path) for path in files])
        options = batch.AnalysisOptions(engine=engine, as_of=AS_OF)
        results = [
            (done.file, _summary(done.data, done.error.code if done.error else None))
            for done in batch.run_batch(inputs.files, options, jobs=jobs, timeout=None)
        ]
    elif jobs == 1:
        how = "analyse_resume loop"
        results = [_analyse_one(path, engine) for path in files]
    else:
        how = "joblib processes around analyse_resume"
        results = Parallel(n_jobs=jobs)(delayed(_analyse_one)(path, engine) for path in files)
    seconds = time.perf_counter() - ready
    cpu = _cpu_seconds() - cpu_start
    workers: dict[int, float] = {}
    if jobs > 1:  # ru_maxrss is a process's lifetime peak: ask each worker once it is done
        cpu_after_warm: dict[int, float] = {}
        for pid, used in warm:
            cpu_after_warm[pid] = max(cpu_after_warm.get(pid, 0.0), used)
        cpu_now: dict[int, float] = {}
        for pid, peak, used in Parallel(n_jobs=jobs, batch_size=1)(
            delayed(_worker_peak)(0.5) for _ in range(2 * jobs)
        ):
            workers[pid] = peak
            cpu_now[pid] = max(cpu_now.get(pid, 0.0), used)
        # CPU the workers spent on the files (from warm to done; a sleeping task costs none)
        cpu += sum(used - cpu_after_warm.get(pid, 0.0) for pid, used in cpu_now.items())
    by_file = {_name(Path(path)): summary for path, summary in results}
    return {
        "how": how,
        "files": len(files),
        "failed": sum(1 for summary in by_file.values() if summary.startswith("error ")),
        "seconds": round(seconds, 2),
        "resumes_per_second": round(len(files) / seconds, 3) if seconds else None,
        "cpu_seconds_per_resume": round(cpu / len(files), 3) if files else None,
        "startup_seconds": round(ready - started, 2),
        "peak_rss_mb": {
            "parent": _peak_mb(),
            "workers": sorted(peak for pid, peak in workers.items() if pid != os.getpid()),
        },
        "digests": {
            name: hashlib.sha256(summary.encode()).hexdigest()[:16]
            for name, summary in sorted(by_file.items())
        },
    }


def _throughput_subprocess(files: Sequence[Path], *, jobs: int, engine: str) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump([str(path) for path in files], handle)
    try:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--throughput",
            handle.name,
            "--jobs",
            str(jobs),
            "--engine",
            engine,
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run_throughput(
    samples: Mapping[str, Sequence[Path]], jobs_counts: Sequence[int]
) -> dict[str, Any]:
    """Every (engine, jobs) pair in its own process, on that engine's files, with the
    speed-up over one job."""
    result: dict[str, Any] = {}
    for engine in ENGINES:
        runs = {
            f"jobs_{jobs}": _throughput_subprocess(samples[engine], jobs=jobs, engine=engine)
            for jobs in jobs_counts
        }
        one = runs.get("jobs_1", {}).get("resumes_per_second")
        for part in runs.values():
            rate = part.get("resumes_per_second")
            part["speedup"] = round(rate / one, 2) if rate and one else None
        # The batch core names files by their path inside the common folder: compare by that.
        seen: dict[str, set[str]] = {}
        for part in runs.values():
            for name, digest in part.pop("digests", {}).items():
                seen.setdefault(name, set()).add(digest)
        differ = sorted(name for name, digests in seen.items() if len(digests) > 1)
        complete = all("error" not in part for part in runs.values())
        result[engine] = {**runs, "same_output": complete and not differ, "differ": differ}
    return result


# --- start-up -----------------------------------------------------------------------------


def _matcher_command() -> list[str]:
    # ``python -m matcher`` from the repository measures this tree's code (the ``matcher``
    # script of an editable install may point at another checkout); both import the same.
    return [sys.executable, "-m", "matcher"]


def run_startup(runs: int = STARTUP_RUNS) -> dict[str, Any]:
    """Best-of-``runs`` wall time of ``matcher --help`` and what it imports."""
    command = [*_matcher_command(), "--help"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    traced = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "matcher", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    imported = set()
    for line in traced.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            imported.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return {
        "command": "python -m matcher",
        "best_seconds": round(min(times), 3),
        "median_seconds": round(statistics.median(times), 3),
        "runs": runs,
        "imports": sorted(name for name in WATCHED if name in imported),
        "heavy_imported": sorted(name for name in HEAVY if name in imported),
        "ok": not any(name in imported for name in HEAVY),
    }


# --- the run ------------------------------------------------------------------------------


def run(
    data_dir: Path, *, limit: int | None = None, jobs: Sequence[int] = DEFAULT_JOBS
) -> dict[str, Any]:
    """Start-up always; stages and throughput on the livecareer PDFs when they are there."""
    per_category = min(limit, DEFAULT_PER_CATEGORY) if limit else DEFAULT_PER_CATEGORY
    report: dict[str, Any] = {"startup": run_startup()}
    folder = data_dir / LIVECAREER_DIR
    if not folder.is_dir():
        report["stages"] = report["throughput"] = {"skipped": f"no folder {LIVECAREER_DIR}"}
        return report
    files = sample_pdfs(folder, per_category)
    counts = {
        engine: min(limit, count) if limit else count
        for engine, count in THROUGHPUT_PER_CATEGORY.items()
    }
    samples = {engine: sample_pdfs(folder, count) for engine, count in counts.items()}
    report["sample"] = {
        "per_category": per_category,
        "files": len(files),
        "throughput_per_category": counts,
        "throughput_files": {engine: len(sample) for engine, sample in samples.items()},
    }
    report["stages"] = run_stages(files)
    report["throughput"] = run_throughput(samples, jobs)
    report["cpus"] = len(os.sched_getaffinity(0))
    return report


def render(report: dict[str, Any]) -> str:
    """The report as plain text."""
    start = report["startup"]
    out = [
        f"start-up: {start['command']} --help best {start['best_seconds']:.3f} s "
        f"(median {start['median_seconds']:.3f} s of {start['runs']}); imports "
        f"{', '.join(start['imports']) or 'none of ' + ', '.join(WATCHED)}"
        f" -> {'ok' if start['ok'] else 'FAIL: imports ' + ', '.join(start['heavy_imported'])}"
    ]
    stages = report["stages"]
    if "skipped" in stages:
        out.append(f"stages: skipped: {stages['skipped']}")
        return "\n".join(out)
    out.extend(
        [
            f"per stage, s/resume ({stages['files']} PDFs, {stages['pages']} pages):",
            "| engine | read | parse | skills | score | pipeline | bare | pipeline/bare (aim)"
            " | read/bare |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
    )
    for engine in ENGINES:
        part = stages[engine]
        cells = " | ".join(f"{part['seconds_per_resume'][stage]:.3f}" for stage in STAGES)
        out.append(
            f"| {engine} | {cells} | {part['pipeline_seconds_per_resume']:.3f} "
            f"| {part['bare_seconds_per_resume']:.3f} | {part['pipeline_to_bare']}x "
            f"(<= {part['aim_pipeline_to_bare']}x) | {part['read_to_bare']}x |"
        )
    out.append("throughput:")
    for engine in ENGINES:
        for key, part in report["throughput"][engine].items():
            if not key.startswith("jobs_"):
                continue
            if "error" in part:
                out.append(f"  {engine} {key}: error: {part['error']}")
                continue
            out.append(
                f"  {engine} {key}: {part['resumes_per_second']:.2f} resumes/s "
                f"(x{part['speedup']}, {part['cpu_seconds_per_resume']} CPU s/resume), "
                f"start-up {part['startup_seconds']} s, peak RSS parent "
                f"{part['peak_rss_mb']['parent']} MB workers {part['peak_rss_mb']['workers']} MB"
            )
        same = report["throughput"][engine]
        out.append(
            f"  {engine} same output for every --jobs: {same['same_output']} {same['differ']}"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument("--limit", type=int, default=None, help="PDFs per livecareer category")
    parser.add_argument("--jobs", default=",".join(map(str, DEFAULT_JOBS)), help="e.g. 1,2")
    parser.add_argument("--engine", choices=ENGINES, default="pdfplumber", help=argparse.SUPPRESS)
    parser.add_argument("--throughput", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    jobs = [int(part) for part in str(args.jobs).split(",") if part]
    if args.throughput is not None:  # the fresh process run_throughput starts
        files = json.loads(args.throughput.read_text(encoding="utf-8"))
        print(json.dumps(throughput(files, jobs=jobs[0], engine=args.engine)))
        return 0
    if not (args.data / LIVECAREER_DIR).is_dir():
        print(f"bench_speed: no data under {args.data}; nothing to measure.", file=sys.stderr)
        return 0
    report = run(args.data, limit=args.limit, jobs=jobs)
    written = write_report(args.out, report)
    print(render(report))
    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
