"""``matcher batch``: many resumes scored in parallel and ranked (the recruiter's command)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from matcher.cli.common import checked_taxonomy, read_posting
from matcher.cli.group import cli
from matcher.cli.options import (
    cluster_options,
    glob_option,
    job_option,
    jobs_option,
    log_level,
    ranking_outputs,
    ranking_selection,
    ranking_targets,
    region_option,
    resume_options,
    spacy_model_option,
    timeout_option,
)
from matcher.cli.ranking import check_outputs, print_rows, progress_bar, results_file

if TYPE_CHECKING:
    from matcher.batch.options import AnalysisOptions
    from matcher.batch.ranking import Target
    from matcher.output.rows import RankedRow
    from skills_taxonomy import Taxonomy


@cli.command("batch")
@click.argument(
    "sources",
    nargs=-1,
    type=click.Path(path_type=Path, exists=True, allow_dash=True),
    metavar="DIR_OR_FILES...",
)
@glob_option
@ranking_outputs
@ranking_targets
@job_option
@ranking_selection
@region_option("Region of the salary bands in the JSON results.")
@jobs_option
@timeout_option
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="DIR",
    help="Keep scores in DIR; later runs skip files whose bytes and options are unchanged.",
)
@cluster_options
@spacy_model_option
@resume_options
def batch_command(
    sources: tuple[Path, ...],
    pattern: str | None,
    out_file: Path | None,
    html_file: Path | None,
    output_format: str | None,
    level: str | None,
    industry: str | None,
    job_file: Path | None,
    require: tuple[str, ...],
    top: int | None,
    min_score: float | None,
    region: str,
    jobs: int | None,
    timeout: float,
    cache_dir: Path | None,
    dask_scheduler: str | None,
    progress: bool | None,
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
) -> None:
    """Score many resumes in parallel and rank them: the recruiter's command.

    Takes folders (searched recursively), files, or - to read a list of paths from stdin
    (one per line, or NUL-separated as `find -print0` writes them). PDF, DOCX, TXT,
    Markdown, PNG, JPEG and TIFF files are scored; anything else is skipped and listed on
    stderr.

    Candidates are ranked by --level, --industry and/or --job (the mean of the chosen
    scores), by their best level's score otherwise; best first, ties by file name, the
    same order whatever --jobs. A file that cannot be read gets a row that says why, and
    the exit code is then 1. --out FILE is written as results arrive and stays complete
    and valid even if the run is interrupted (Ctrl-C keeps every finished row).

    \b
    Example:
      matcher batch resumes/ --level senior-ai-engineer --industry healthcare --out ranked.csv
      matcher batch resumes/ --job posting.md --top 10 --html report.html
      matcher batch resumes/ --glob '*.pdf' --out results.jsonl --cache .matcher-cache
      find inbox -name '*.pdf' | matcher batch - --format csv > ranked.csv
    """
    from matcher.batch.options import AnalysisOptions, job_digest
    from matcher.batch.ranking import Target

    if not sources:
        raise click.UsageError(
            "give the folders or files to screen, or - to read a list of paths from stdin"
        )
    out_format = check_outputs(out_file, html_file)
    tax = checked_taxonomy(
        taxonomy_file, spacy_model, level=level, industry=industry, region=region
    )
    job = read_posting(job_file, require, tax, engine=engine, ocr=ocr, spacy_model=spacy_model)
    options = AnalysisOptions(
        taxonomy_file=taxonomy_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        region=region,
        job=job,
        job_digest=None if job is None or job_file is None else job_digest(job_file, job),
        spacy_model=spacy_model,
        redact=redact,
    )
    target = Target(level=level, industry=industry, job=None if job is None else job.file)
    outputs = _Outputs(out_file, out_format, html_file, output_format, top, min_score)
    workers = _Workers(jobs, timeout or None, cache_dir, dask_scheduler, progress)
    status = _screen(sources, pattern, options, target, tax, outputs, workers)
    if status:
        raise click.exceptions.Exit(status)


@dataclass(frozen=True)
class _Outputs:
    """Where the ranking goes: ``--out``, ``--html``, stdout, and which rows."""

    out_file: Path | None
    out_format: str | None
    html_file: Path | None
    stdout_format: str | None
    top: int | None
    min_score: float | None

    def arrange(self, rows: Sequence[RankedRow]) -> list[RankedRow]:
        from matcher.batch.ranking import rank_rows

        return rank_rows(rows, top=self.top, min_score=self.min_score)


@dataclass(frozen=True)
class _Workers:
    """How the files are scored: ``--jobs``, ``--timeout``, ``--cache``, Dask, progress."""

    jobs: int | None
    timeout: float | None
    cache_dir: Path | None
    scheduler: str | None
    progress: bool | None


def _screen(
    sources: Sequence[Path],
    pattern: str | None,
    options: AnalysisOptions,
    target: Target,
    tax: Taxonomy,
    outputs: _Outputs,
    workers: _Workers,
) -> int:
    """Score and rank the files, write and print the outputs and the summary; the exit
    status (:class:`matcher.batch.run.BatchReport`)."""
    from matcher.batch.cache import ResultCache
    from matcher.batch.inputs import collect_inputs
    from matcher.batch.run import screen
    from matcher.read import SUPPORTED_FORMATS

    cache = None if workers.cache_dir is None else ResultCache(workers.cache_dir)
    inputs = collect_inputs(
        _batch_paths(sources),
        pattern=pattern,
        exclude=[p for p in (outputs.out_file, outputs.html_file, workers.cache_dir) if p],
    )
    if not inputs.files:
        for item in inputs.skipped:
            click.echo(f"skipped {item.name}: {item.reason}", err=True)
        raise click.UsageError(f"no resume files ({SUPPORTED_FORMATS}) to score")
    writer = results_file(outputs.out_file, outputs.out_format, outputs.arrange)
    with progress_bar(workers.progress, len(inputs.files)) as bar:
        report = screen(
            inputs,
            options,
            target,
            tax,
            arrange=outputs.arrange,
            writer=writer,
            html_file=outputs.html_file,
            jobs=workers.jobs,
            timeout=workers.timeout,
            cache=cache,
            scheduler=workers.scheduler,
            log_level=log_level(),
            on_row=None if bar is None else bar.row_done,
        )
    stdout_format = outputs.stdout_format or (None if outputs.out_file is not None else "table")
    print_rows(report.ranked, stdout_format)
    for line in report.summary_lines():
        click.echo(line, err=True)
    return report.exit_code


def _batch_paths(sources: Sequence[Path]) -> list[Path]:
    """The sources, with ``-`` replaced by the paths listed on stdin."""
    paths: list[Path] = []
    for source in sources:
        if str(source) != "-":
            paths.append(source)
            continue
        text = sys.stdin.read()
        names = text.split("\0") if "\0" in text else text.splitlines()
        paths += [Path(name.strip()) for name in names if name.strip()]
    return paths
