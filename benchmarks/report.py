"""RESULTS.md and its plots, from a run's ``results.json`` document alone.

Everything here reads the results document, never the data or the full reports, so the page
can be rebuilt from a saved ``results.json``::

    python -m benchmarks.report benchmarks/results.json

Plots need matplotlib (the ``bench`` extra); without it the page says so and keeps its
tables.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import INDUSTRY_OF_CATEGORY
from benchmarks.run import BENCHMARKS

STAGES = ("read", "parse", "skills", "score")
ENGINES = ("pdfplumber", "pdfium")
INDUSTRY_ORDER = ("technology", "healthcare", "finance", "retail-ecommerce", "manufacturing")
ARROW = {"higher": "↑", "lower": "↓"}
CONFUSION_PNG = "industry_confusion.png"
STAGES_PNG = "speed_stages.png"


# --- plots --------------------------------------------------------------------------------


def write_plots(results: Mapping[str, Any], out_dir: Path) -> dict[str, str] | None:
    """The PNGs the results have data for, ``{name: file name}``; None without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    tables = results.get("tables", {})
    plots = {}
    if "industry_confusion" in tables:
        plot_confusion(tables["industry_confusion"], out_dir / CONFUSION_PNG)
        plots["confusion"] = CONFUSION_PNG
    if "stages" in tables:
        plot_stages(tables["stages"], out_dir / STAGES_PNG)
        plots["stages"] = STAGES_PNG
    return plots


def _columns(confusion: Mapping[str, Mapping[str, int]]) -> list[str]:
    predicted = {key for row in confusion.values() for key in row}
    extra = sorted(predicted - set(INDUSTRY_ORDER) - {"none"})
    return [*INDUSTRY_ORDER, *extra, "none"]


def _categories(confusion: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Rows in the order of their expected industry, so the diagonal reads top-left down."""

    def order(category: str) -> tuple[int, str]:
        expected = INDUSTRY_OF_CATEGORY.get(category)
        rank = INDUSTRY_ORDER.index(expected) if expected in INDUSTRY_ORDER else len(INDUSTRY_ORDER)
        return rank, category

    return sorted(confusion, key=order)


def plot_confusion(confusion: Mapping[str, Mapping[str, int]], path: Path) -> None:
    """A heat map: rows are livecareer categories, columns the predicted industry."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    categories = _categories(confusion)
    columns = _columns(confusion)
    counts = [[confusion[c].get(col, 0) for col in columns] for c in categories]
    shares = [[n / (sum(row) or 1) for n in row] for row in counts]
    fig, ax = plt.subplots(figsize=(8.2, 0.55 * len(categories) + 2.0), dpi=110)
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(columns)), labels=columns, rotation=30, ha="right")
    labels = [
        f"{c} ({sum(row)})\nexpected {INDUSTRY_OF_CATEGORY.get(c, '?')}"
        for c, row in zip(categories, counts, strict=True)
    ]
    ax.set_yticks(range(len(categories)), labels=labels, fontsize=8.5)
    for i, row in enumerate(counts):
        for j, count in enumerate(row):
            if count:
                colour = "white" if shares[i][j] > 0.55 else "black"
                ax.text(j, i, str(count), ha="center", va="center", color=colour, fontsize=10)
        expected = INDUSTRY_OF_CATEGORY.get(categories[i])
        if expected in columns:
            j = columns.index(expected)
            ax.add_patch(
                Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="#d62728", linewidth=2)
            )
    ax.set_xlabel("predicted best_industry (red box: the expected one)")
    total = sum(map(sum, counts))
    correct = sum(
        row[columns.index(INDUSTRY_OF_CATEGORY[c])]
        for c, row in zip(categories, counts, strict=True)
        if INDUSTRY_OF_CATEGORY.get(c) in columns
    )
    ax.set_title(
        f"Industry on livecareer PDFs: {correct} of {total} top-1 correct ({correct / total:.0%})"
        if total
        else "Industry on livecareer PDFs"
    )
    fig.colorbar(image, ax=ax, label="share of the category's files", fraction=0.035, pad=0.02)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def plot_stages(stages: Mapping[str, Any], path: Path) -> None:
    """Per engine: the pipeline's stages stacked, beside bare extraction by the same library."""
    import matplotlib.pyplot as plt

    engines = [engine for engine in ENGINES if isinstance(stages.get(engine), Mapping)]
    fig, axes = plt.subplots(
        len(engines), 1, figsize=(8.2, 1.9 * len(engines) + 0.9), dpi=110, squeeze=False
    )
    colours = dict(zip(STAGES, ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"), strict=True))
    for ax, engine in zip(axes[:, 0], engines, strict=True):
        part = stages[engine]
        left = 0.0
        for stage in STAGES:
            ms = 1000 * part["seconds_per_resume"][stage]
            ax.barh(1, ms, left=left, color=colours[stage], label=stage, height=0.6)
            if ms > 0.06 * (1000 * part["pipeline_seconds_per_resume"]):
                ax.text(
                    left + ms / 2,
                    1,
                    f"{ms:.0f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white",
                )
            left += ms
        bare = 1000 * part["bare_seconds_per_resume"]
        ax.barh(0, bare, color="#7f7f7f", label="bare extraction", height=0.6)
        ax.set_yticks([0, 1], labels=["bare extraction", "matcher pipeline"])
        ratio = part.get("pipeline_to_bare")
        aim = part.get("aim_pipeline_to_bare")
        ax.set_title(
            f"{engine}: pipeline {left:.0f} ms/resume = {ratio}x bare extraction ({bare:.0f} ms)"
            + (f", aim <= {aim}x" if aim else ""),
            fontsize=10,
        )
        ax.set_xlim(0, max(left, bare) * 1.12)
        ax.set_xlabel("ms per resume (mean)")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=5, frameon=False, fontsize=9)
    fig.suptitle(f"Time per stage ({stages.get('files')} livecareer PDFs, same run)", fontsize=11)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    fig.savefig(path)
    plt.close(fig)


# --- Markdown -----------------------------------------------------------------------------


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _quality_table(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    out = [
        "| benchmark | data set (n) | metric | ours | references and variants, same files |",
        "|---|---|---|---:|---|",
    ]
    for row in rows:
        values = list(row["values"].values())
        digits = 3 if max(abs(value) for _, value in values) < 10 else 2
        ours = next(value for system, value in values if system == "ours")
        others = " · ".join(
            f"{system} {_fmt(value, digits)}" for system, value in values if system != "ours"
        )
        if row.get("aim"):
            others = f"{others} · aim {row['aim']}" if others else f"aim {row['aim']}"
        out.append(
            f"| {row['benchmark']} | {row['dataset']} ({row['n']}) "
            f"| {row['label']}{' ' + ARROW[row['better']] if row['better'] in ARROW else ''} "
            f"| **{_fmt(ours, digits)}** | {others} |"
        )
    return out


def _stages_table(stages: Mapping[str, Any]) -> list[str]:
    out = [
        "| engine | read | parse | skills | score | pipeline | bare extraction "
        "| pipeline / bare (aim) | read / bare |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in ENGINES:
        part = stages.get(engine)
        if not isinstance(part, Mapping):
            continue
        cells = " | ".join(f"{1000 * part['seconds_per_resume'][s]:.0f}" for s in STAGES)
        out.append(
            f"| {engine} | {cells} | {1000 * part['pipeline_seconds_per_resume']:.0f} "
            f"| {1000 * part['bare_seconds_per_resume']:.0f} "
            f"| **{part['pipeline_to_bare']}×** (≤ {part['aim_pipeline_to_bare']}×) "
            f"| {part['read_to_bare']}× |"
        )
    return out


def _throughput_sample(sample: Mapping[str, Any]) -> str:
    """ "24 PDFs with pdfplumber and 240 with pdfium (the first 1 and 10 of every category)"."""
    files, counts = sample.get("throughput_files"), sample.get("throughput_per_category")
    if not isinstance(files, Mapping) or not isinstance(counts, Mapping):
        return "PDFs"
    engines = list(files)
    listed = " and ".join(
        f"{files[engine]}{' PDFs' if n == 0 else ''} with {engine}"
        for n, engine in enumerate(engines)
    )
    firsts = " and ".join(str(counts.get(engine, "?")) for engine in engines)
    return f"{listed} (the first {firsts} of every category)"


def _read_table(readers: Sequence[Mapping[str, Any]]) -> list[str]:
    out = [
        "| reader | files read | errors | s/resume (mean) | median | total / bare, same library |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for row in readers:
        errors = ", ".join(f"{kind} {n}" for kind, n in row.get("errors", {}).items()) or "–"
        out.append(
            f"| {row['reader']} | {row['read']}/{row['files']} | {errors} "
            f"| {_fmt(row.get('mean_s'))} | {_fmt(row.get('median_s'))} "
            f"| {_fmt(row.get('vs_bare'), 2)}× |"
        )
    return out


def _throughput_table(throughput: Mapping[str, Any]) -> list[str]:
    out = [
        "| engine | --jobs | resumes/s | speed-up | CPU s/resume | start-up (s) "
        "| peak RSS per process (MB) | how |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for engine in sorted(throughput, key=lambda e: ENGINES.index(e) if e in ENGINES else 9):
        runs = throughput[engine]
        if not isinstance(runs, Mapping):
            continue
        for key, run in runs.items():
            if not key.startswith("jobs_"):
                continue
            jobs = key.removeprefix("jobs_")
            if "error" in run:
                out.append(f"| {engine} | {jobs} | error: {run['error']} | | | | | |")
                continue
            peaks = run["peak_rss_mb"]
            memory = (
                f"parent {peaks['parent']:.0f}, workers "
                + ", ".join(f"{peak:.0f}" for peak in peaks["workers"])
                if peaks["workers"]
                else f"{peaks['parent']:.0f}"
            )
            out.append(
                f"| {engine} | {jobs} | **{run['resumes_per_second']:.2f}** "
                f"| {run.get('speedup')}× | {_fmt(run.get('cpu_seconds_per_resume'))} "
                f"| {run['startup_seconds']} | {memory} | {run['how']} |"
            )
    return out


def _confusion_table(confusion: Mapping[str, Mapping[str, int]]) -> list[str]:
    columns = _columns(confusion)
    out = [
        "| category (expected industry) | " + " | ".join(columns) + " |",
        "|---|" + "---:|" * len(columns),
    ]
    for category in _categories(confusion):
        row = confusion[category]
        expected = INDUSTRY_OF_CATEGORY.get(category)
        cells = []
        for column in columns:
            count = row.get(column, 0)
            cells.append(f"**{count}**" if column == expected else str(count or "·"))
        out.append(f"| {category} ({expected}) | " + " | ".join(cells) + " |")
    return out


def _pool_lines(pool: Mapping[str, Any]) -> list[str]:
    """bench_pool: ``pool add`` against ``batch``, and ranking and searching big pools."""
    aims = pool.get("aims", {})
    lines = [
        f"`pool add` and `batch` on the same livecareer PDFs, each in its own process with "
        f"`--jobs 2` (aim: add within {aims.get('add_to_batch', '?')}x of batch); then "
        f"`pool rank --job` and `batch --job` ({pool.get('job')}) on those files, whose "
        "JSON Lines must be the same bytes:",
        "",
        "| engine | files | batch (s) | pool add (s) | add / batch | add again (s) "
        "| rank = batch |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for engine in ENGINES:
        part = pool.get(engine)
        if isinstance(part, Mapping):
            lines.append(
                f"| {engine} | {part['files']} | {part['batch_seconds']} | "
                f"{part['add_seconds']} | {part['add_to_batch']} | {part['add_again_seconds']} "
                f"| {_fmt(part['rank_same_as_batch'])} |"
            )
    lines += [
        "",
        "Pools made of those entries stored again under new names (SQLite), ranked against "
        "the posting, read once before the clock starts, the best 50 rows built in full "
        f"(aim: 10,000 in {aims.get('rank_seconds_10000', '?')} s), and searched (aim: "
        f"{aims.get('search_seconds_10000', '?')} s); best of 3 runs, one core:",
        "",
        "| entries | rank (s) | µs per entry | searches (s, matches) | KB per entry |",
        "|---:|---:|---:|---|---:|",
    ]
    for size, part in pool["pools"].items():
        searches = ", ".join(
            f"{key.removeprefix('search ')!r} {value['seconds']} ({value['matches']})"
            for key, value in part.items()
            if key.startswith("search ")
        )
        lines.append(
            f"| {int(size):,} | {part['rank_seconds']} | "
            f"{part['rank_seconds'] / int(size) * 1e6:.0f} | {searches} | "
            f"{part['db_bytes_per_entry'] / 1000:.0f} |"
        )
    extra = pool.get("extrapolated_10x")
    if extra:
        lines += [
            "",
            f"Ten times the entries took {extra['rank_growth_per_10x']}x the time to rank: "
            f"{extra['entries']:,} entries would take about {extra['rank_seconds']} s and "
            f"{extra['db_megabytes']:,} MB. Ranking the biggest pool costs "
            f"{pool.get('rank_to_batch')} of what `batch` takes to score its files.",
        ]
    return lines


def render_markdown(results: Mapping[str, Any], plots: Mapping[str, str] | None) -> str:
    """The whole RESULTS.md page (``plots`` None: matplotlib is missing)."""
    no_matplotlib = plots is None
    plots = plots or {}
    machine = results["machine"]
    tree = results["tree"]
    options = results["options"]
    order = {name: index for index, name in enumerate(BENCHMARKS)}
    runs = dict(sorted(results["benchmarks"].items(), key=lambda kv: order.get(kv[0], 99)))
    tables = results.get("tables", {})
    loads = [load for run in runs.values() for load in run.get("load_average", [])]
    commit = f"`{tree.get('commit')}`" + (
        " plus uncommitted changes" if tree.get("uncommitted_changes") else ""
    )
    scope = (
        "all benchmarks, full dev data"
        if options.get("full")
        else (
            f"benchmarks {', '.join(options['only'])}"
            + (
                f", at most {options['limit']} files/rows per set (--limit)"
                if options.get("limit")
                else ""
            )
        )
    )
    out = [
        "# Benchmark results",
        "",
        f"Generated by `make bench` (`python -m benchmarks.run`) on {results['date']} from commit "
        f"{commit}: {scope}; {results['seconds'] / 60:.1f} minutes in all. "
        "Do not edit by hand: run `make bench` again.",
        "",
        f"**Timings are from a shared {machine['cpus_usable']}-core machine** "
        f"({machine['cpu_model']}) where other work ran at the same time"
        + (
            f" (1-minute load average {min(loads):.1f}–{max(loads):.1f} during the run)"
            if loads
            else ""
        )
        + ": absolute seconds move between runs; the ratios below are measured in the same run, "
        "file by file, and are the numbers to compare.",
    ]
    if tree.get("changed_during_run"):
        out += ["", "**Warning:** `matcher/` or `skills_taxonomy/` changed while this ran."]
    failed = {name: run for name, run in runs.items() if run["status"] != "ok"}
    if failed:
        out += [""] + [
            f"- bench_{name}: {run['status']} — {run.get('message', '')}"
            for name, run in failed.items()
        ]
    quality = results.get("quality", [])
    if quality:
        out += [
            "",
            "## Quality",
            "",
            "↑ higher is better, ↓ lower is better. The references are the ones the dev data's "
            "README asks us to beat, implemented in the benchmark scripts.",
            "",
            *_quality_table(quality),
        ]
    if any(row["benchmark"] == "skills" for row in quality):
        out += [
            "",
            "Exact lookup on kaggle: the README's word list is the union of the kaggle DEV gold "
            "lists, the very lists it is scored against there (an *oracle list*); the *unseen "
            "list* gives each record the other records' gold skills, as on a resume the list "
            "was not built from. The kaggle gold lists are partial, so precision there is a "
            "lower bound; SkillSpan labels every span.",
        ]
    if {"stages", "read", "throughput", "startup"} & tables.keys():
        out += ["", "## Speed"]
    sample = tables.get("speed_sample", {})
    if "stages" in tables:
        stages = tables["stages"]
        out += [
            "",
            f"Per stage, milliseconds per resume (mean over {stages['files']} livecareer PDFs, "
            f"{stages['pages']} pages: the first {sample.get('per_category', '?')} of every "
            "category). For each file in turn: bare `get_text_range` (pypdfium2) over every "
            "page and our pipeline with PDFium, then bare `extract_text` (pdfplumber) and our "
            "pipeline with pdfplumber, so load from other processes hits both sides of a ratio "
            "alike (PDFium first: spaCy's tokenizer remembers the words it has split, and the "
            "pdfplumber run would hand it the same text just before).",
            "",
            *_stages_table(stages),
        ]
        if "stages" in plots:
            out += ["", f"![Time per stage against bare extraction]({plots['stages']})"]
    if "read" in tables:
        read = tables["read"]
        read_sample = (
            f"the first {read['per_category']} PDF(s) of every category, {read['files']} files"
            if read.get("per_category")
            else f"{read['files']} PDFs"
        )
        out += [
            "",
            f"The read stage alone (bench_read, {read_sample}; each file read by the four readers "
            "one after the other):",
            "",
            *_read_table(read["readers"]),
        ]
    if "throughput" in tables:
        out += [
            "",
            f"End to end with `--jobs` on {_throughput_sample(sample)}, each scored once "
            "(a file scored again would find its words in spaCy's tokenizer cache), "
            "each run in a fresh process: resumes/s after start-up "
            "(imports, building the pipeline, scoring one file to pay first-use costs and, "
            "for 2 jobs, starting and warming up the workers the same way), which is "
            "reported apart; CPU seconds per resume over all the processes "
            "(steadier than wall time when other work shares the cores); peak RSS is each "
            "process's own `ru_maxrss`. On a machine whose load is already above its core "
            "count, a second job has no idle core to use.",
            "",
            *_throughput_table(tables["throughput"]),
        ]
        same = {
            engine: tables["throughput"][engine].get("same_output")
            for engine in ENGINES
            if isinstance(tables["throughput"].get(engine), Mapping)
        }
        out += [
            "",
            "Same output for every `--jobs`: "
            + ", ".join(f"{engine} {_fmt(value)}" for engine, value in same.items())
            + ".",
        ]
    if "startup" in tables:
        startup = tables["startup"]
        heavy = ", ".join(startup["heavy_imported"])
        out += [
            "",
            f"Start-up: `{startup['command']} --help` takes {startup['best_seconds']:.2f} s "
            f"(best of {startup['runs']}, median {startup['median_seconds']:.2f} s) and imports "
            + (f"**{heavy}** (it must not)" if heavy else "neither spaCy nor scikit-learn")
            + (
                f"; of the heavier libraries it imports {', '.join(startup['imports'])}."
                if startup["imports"]
                else "."
            ),
        ]
    if "pool" in tables:
        out += ["", "## Talent pool", "", *_pool_lines(tables["pool"])]
    if "industry_confusion" in tables:
        out += [
            "",
            "## Industry confusion",
            "",
            "Rows: livecareer category (the site's filing label, not always the resume's "
            "sector); columns: the product's `best_industry` (`none`: no industry fits, or the "
            "file could not be read). Bold: the expected industry.",
            "",
            *_confusion_table(tables["industry_confusion"]),
        ]
        if "confusion" in plots:
            out += ["", f"![Industry confusion]({plots['confusion']})"]
    if "no_fit_per_category" in tables:
        out += [
            "",
            "Non-AI categories, share of resumes that fit no AI level: "
            + ", ".join(
                f"{category} {part['no_fit']:.2f} of {part['files']}"
                for category, part in tables["no_fit_per_category"].items()
            )
            + ".",
        ]
    if no_matplotlib:
        out += ["", "_No plots: matplotlib is not installed (`pip install -e '.[bench]'`)._"]
    data = results["data"]
    out += [
        "",
        "## Data",
        "",
        f"From `{data['dir']}` (the DEV split; see its README). Never committed.",
        "",
        "| data set | size | what |",
        "|---|---:|---|",
    ]
    for name, part in data["datasets"].items():
        size = f"{part['size']} {part['unit']}" if part["size"] is not None else "absent"
        out.append(f"| {name} (`{part['path']}`) | {size} | {part['description']} |")
    libraries = ", ".join(
        f"{name} {version}" for name, version in machine["libraries"].items() if version
    )
    out += [
        "",
        "## Machine",
        "",
        f"- CPU: {machine['cpu_model']}, {machine['cpu_count']} logical CPUs "
        f"({machine['cpus_usable']} usable)",
        f"- RAM: {machine['ram_gib']} GiB",
        f"- {machine['python']} on {machine['platform']}",
        f"- Libraries: {libraries}",
        "",
        "## Run",
        "",
        "| benchmark | status | sample | seconds | load average at start → end |",
        "|---|---|---|---:|---|",
    ]
    for name, run in runs.items():
        load = " → ".join(f"{value:.1f}" for value in run.get("load_average", []))
        sample = f"first {run['limit']} per data set or category" if run.get("limit") else "all"
        if name == "read" and "read" in tables:
            sample = f"{tables['read']['files']} PDFs, first {run.get('limit')} per category"
        if name == "speed" and "speed_sample" in tables:
            part = tables["speed_sample"]
            sample = f"{part['files']} PDFs for stages, {_throughput_sample(part)} for --jobs"
        out.append(
            f"| bench_{name} | {run['status']} | {sample} | {run.get('seconds', '')} | {load} |"
        )
    out += [
        f"| all | | | {results['seconds']} | |",
        "",
        "Run `make bench` (or `.venv/bin/python -m benchmarks.run`, with `--only NAME`, "
        "`--limit N`, `--data DIR`); compare two runs with "
        "`python -m benchmarks.run --compare OLD.json --against benchmarks/results.json`.",
        "",
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m benchmarks.report RESULTS.json", file=sys.stderr)
        return 2
    path = Path(args[0])
    results = json.loads(path.read_text(encoding="utf-8"))
    plots = write_plots(results, path.parent)
    (path.parent / "RESULTS.md").write_text(render_markdown(results, plots), encoding="utf-8")
    print(f"wrote {path.parent / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
