"""``matcher pool``: keep analysed resumes, then rank and search them without reading a file."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from matcher.cli.common import (
    check_target,
    checked_taxonomy,
    emit_json,
    finish,
    read_posting,
    skill_names,
)
from matcher.cli.group import CONTEXT_SETTINGS, MatcherGroup, cli
from matcher.cli.options import (
    cluster_options,
    db_option,
    format_option,
    glob_option,
    jobs_option,
    log_level,
    ranking_outputs,
    ranking_selection,
    ranking_targets,
    resume_options,
    spacy_model_option,
    taxonomy_option,
    timeout_option,
)
from matcher.cli.ranking import (
    BatchProgress,
    check_outputs,
    print_rows,
    progress_bar,
    results_file,
)
from matcher.errors import ExitCode

if TYPE_CHECKING:
    from matcher.output.rows import RankedRow


@cli.group(cls=MatcherGroup, context_settings=CONTEXT_SETTINGS)
def pool() -> None:
    """Keep analysed resumes in a pool and screen them against any posting, fast.

    Each resume is read and analysed once (`pool add`); ranking (`pool rank`) and
    search (`pool search`) then work on what was stored, without reading a file. The pool
    is a SQLite file by default, or a PostgreSQL database a team shares.

    \b
    Example:
      matcher pool add resumes/
      matcher pool rank --job posting.md --top 20 --out shortlist.csv
      matcher pool rank --level senior-ai-engineer --min-years 5
      matcher pool list --duplicates
    """


@pool.command("add")
@click.argument(
    "sources",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, exists=True),
    metavar="DIR_OR_FILES...",
)
@db_option
@glob_option
@jobs_option
@timeout_option
@cluster_options
@spacy_model_option
@resume_options
def pool_add(
    sources: tuple[Path, ...],
    db: str | None,
    pattern: str | None,
    jobs: int | None,
    timeout: float,
    dask_scheduler: str | None,
    progress: bool | None,
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
) -> None:
    """Read, analyse and store resumes (folders are searched recursively).

    A file already in the pool (the same bytes) is not read again; a changed file at a
    path already in the pool replaces its entry. A candidate who seems to be in the pool
    already (the same email or phone, or nearly the same text) is reported. With
    --redact, the pool keeps no contact details (only fingerprints to find duplicates by).

    Exit code 1 when a file could not be added (it is listed with the reason); Ctrl-C
    keeps every file added before it.

    \b
    Example:
      matcher pool add resumes/
      matcher pool add inbox/ --glob '*.pdf' --db team.sqlite --redact
      matcher pool add resumes/ --db postgresql://me@127.0.0.1/pool --jobs 4
    """
    import time

    from matcher.batch.inputs import collect_inputs
    from matcher.batch.options import AnalysisOptions
    from matcher.pool import Pool
    from matcher.pool.store import database_files

    checked_taxonomy(taxonomy_file, spacy_model)
    inputs = collect_inputs(sources, pattern=pattern, exclude=database_files(db))
    for item in inputs.skipped:
        click.echo(f"skipped {item.name}: {item.reason}", err=True)
    if not inputs.files:
        raise click.UsageError("no resume files (PDF, DOCX, TXT or Markdown) to add")
    options = AnalysisOptions(
        taxonomy_file=taxonomy_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        spacy_model=spacy_model,
        redact=redact,
    )
    started = time.monotonic()
    with Pool.open(db) as opened, progress_bar(progress, len(inputs.files)) as bar:
        stream = opened.add(
            inputs.files,
            options,
            jobs=jobs,
            timeout=timeout or None,
            scheduler=dask_scheduler,
            log_level=log_level(),
        )
        counts, interrupted = _show_added(stream, bar)
        total = len(opened)
    done = ", ".join(f"{counts[key]} {key}" for key in _ADD_STATUSES if counts.get(key))
    click.echo(
        f"{done or 'nothing done'} in {time.monotonic() - started:.1f} s; "
        f"the pool holds {total} resumes",
        err=True,
    )
    if interrupted:
        raise click.exceptions.Exit(int(ExitCode.INTERRUPTED))
    if counts.get("failed"):
        raise click.exceptions.Exit(1)


def _show_added(stream: Any, bar: BatchProgress | None) -> tuple[dict[str, int], bool]:
    """Each file as the pool takes it: counted, and its failure or likely duplicates on
    stderr.  (Files by status, whether Ctrl-C or SIGTERM stopped the run.)"""
    from matcher.batch.run import SigtermAsInterrupt

    counts: dict[str, int] = {}
    try:
        with SigtermAsInterrupt():
            for added in stream:
                counts[added.status] = counts.get(added.status, 0) + 1
                if bar is not None:
                    bar.advance(failed=added.error is not None)
                if added.error is not None:
                    click.echo(f"failed {added.name}: {added.error.message}", err=True)
                for other, why in added.duplicates:
                    click.echo(f"duplicate? {added.name} and {other}: {why}", err=True)
    except KeyboardInterrupt:
        return counts, True
    finally:
        stream.close()
    return counts, False


_ADD_STATUSES = ("added", "replaced", "unchanged", "failed")


@pool.command("list")
@db_option
@click.option(
    "--duplicates", is_flag=True, help="List only the candidates who are in the pool twice or more."
)
@taxonomy_option
@spacy_model_option
@format_option("table", "json")
def pool_list(
    db: str | None,
    duplicates: bool,
    taxonomy_file: Path | None,
    spacy_model: str | None,
    output_format: str,
) -> None:
    """List the pool's resumes (or its duplicate candidates).

    An entry marked stale was analysed by another taxonomy, matcher release or spaCy
    model; the next `pool rank` analyses it again from its stored lines.

    \b
    Example:
      matcher pool list
      matcher pool list --duplicates --format json
    """
    from matcher import render
    from matcher.batch.options import AnalysisOptions
    from matcher.pool import Pool

    with Pool.open(db, create=False) as opened:
        if duplicates:
            groups = opened.duplicate_groups()
            if output_format == "json":
                emit_json([[{"id": i, "name": n} for i, n in group] for group in groups])
            else:
                for number, group in enumerate(groups, start=1):
                    names = ", ".join(f"{name} (#{entry})" for entry, name in group)
                    click.echo(f"candidate {number}: {names}")
                click.echo(f"{len(groups)} candidates with more than one resume", err=True)
            return
        options = AnalysisOptions(taxonomy_file=taxonomy_file, spacy_model=spacy_model)
        listed = opened.listing(options)
    if output_format == "json":
        emit_json([dataclasses.asdict(item) for item in listed])
        return
    rows = [
        (
            item.id,
            item.name,
            item.years,
            item.best_level or "no fit",
            item.best_industry or "-",
            "stale" if item.stale else "",
        )
        for item in listed
    ]
    headers = ("id", "file", "years", "best level", "best industry", "")
    click.echo(render.table(headers, rows, max_width=48), nl=False)


@pool.command("show")
@click.argument("entry", metavar="ID")
@db_option
@click.option("--redact", is_flag=True, help="Remove the candidate's identity.")
@format_option("table", "json", "md")
def pool_show(entry: str, db: str | None, redact: bool, output_format: str) -> None:
    """Show one stored resume's report, as `matcher score` shows it (no posting).

    \b
    Example:
      matcher pool show 12
      matcher pool show 12 --format json --redact
    """
    from matcher import render
    from matcher.batch.options import FileResult
    from matcher.output.finish import contact_of
    from matcher.pool import Pool

    if not entry.isdigit():
        raise click.BadParameter(f"{entry!r} is not an id (`matcher pool list` shows them)")
    with Pool.open(db, create=False) as opened:
        data = opened.report(int(entry))
    if data is None:
        raise click.BadParameter(f"no entry {entry} in the pool", param_hint="ID")
    holder = FileResult(data["file"], data, contact_of(data["candidate"]))
    data = finish(data, holder, redact=redact)
    if output_format == "json":
        emit_json(data)
    else:
        click.echo(render.score_report(data, markdown=output_format == "md"), nl=False)


@pool.command("remove")
@click.argument("entries", nargs=-1, required=True, metavar="ID_OR_NAME...")
@db_option
def pool_remove(entries: tuple[str, ...], db: str | None) -> None:
    """Remove resumes from the pool, by id or by file name.

    \b
    Example:
      matcher pool remove 12 old/cv_2019.pdf
    """
    from matcher.pool import Pool

    with Pool.open(db, create=False) as opened:
        found = opened.ids_named(entries)
        missing = [name for name, ids in found.items() if not ids]
        if missing:
            raise click.BadParameter(
                f"no entry {missing[0]!r} in the pool (`matcher pool list` shows them)",
                param_hint="ID_OR_NAME",
            )
        removed = opened.remove(i for ids in found.values() for i in ids)
        left = len(opened)
    click.echo(f"removed {removed}; the pool holds {left} resumes", err=True)


@pool.command("rank")
@db_option
@ranking_targets
@click.option(
    "--job",
    "job_file",
    type=click.Path(path_type=Path),
    default=None,
    metavar="FILE",
    help="Rank by the fit to this job posting (text, Markdown, PDF, DOCX).",
)
@click.option(
    "--require",
    multiple=True,
    metavar="SKILL,...",
    help="Keep only candidates who show these skills (ids, names or aliases, "
    "comma-separated). Repeatable.",
)
@ranking_selection
@click.option(
    "--min-years",
    type=click.FloatRange(min=0),
    default=None,
    metavar="Y",
    help="Keep candidates with at least Y years of experience.",
)
@click.option(
    "--every-version",
    is_flag=True,
    help="Rank every stored resume, not only each candidate's newest.",
)
@ranking_outputs
@spacy_model_option
@resume_options
def pool_rank(
    db: str | None,
    level: str | None,
    industry: str | None,
    job_file: Path | None,
    require: tuple[str, ...],
    top: int | None,
    min_score: float | None,
    min_years: float | None,
    every_version: bool,
    out_file: Path | None,
    html_file: Path | None,
    output_format: str | None,
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
) -> None:
    """Rank the pool's candidates by a posting, a level and/or an industry.

    The rows and the report are those `matcher batch` writes for the same files, with
    the same scores; nothing is read but the posting. Each candidate is ranked once, by
    their newest resume (--every-version ranks them all). --require is a hard filter:
    a candidate without one of the skills is left out, and the summary says how many.
    Entries made by an older analysis are analysed again from their stored lines first.

    \b
    Example:
      matcher pool rank --job posting.md --top 20 --out shortlist.csv --html shortlist.html
      matcher pool rank --level senior-ai-engineer --industry finance --min-years 5
      matcher pool rank --job posting.md --require pytorch,kubernetes
    """
    import time

    from matcher.batch.options import AnalysisOptions
    from matcher.pool import Pool, RankQuery, rank_pool
    from matcher.score.posting import resolve_skills

    if job_file is None and level is None and industry is None:
        raise click.UsageError("give --job FILE, --level ID or --industry ID to rank by")
    out_format = check_outputs(out_file, html_file)
    stdout_format = output_format or (None if out_file is not None else "table")
    tax = checked_taxonomy(taxonomy_file, spacy_model, level=level, industry=industry)
    required = resolve_skills(skill_names(require), tax)
    job = read_posting(job_file, (), tax, engine=engine, ocr=ocr, spacy_model=spacy_model)
    query = RankQuery(
        level=level,
        industry=industry,
        job=job,
        require=required,
        min_years=min_years,
        min_score=min_score,
        top=top,
        every_version=every_version,
    )
    options = AnalysisOptions(taxonomy_file=taxonomy_file, as_of=as_of, spacy_model=spacy_model)
    started = time.monotonic()
    with Pool.open(db, create=False) as opened:
        ranking = rank_pool(opened, query, tax, options)
    ranked = _ranked_rows(ranking, query, tax, redact=redact)
    outputs = _write_ranking(ranked, ranking, query, tax, (out_file, out_format, html_file))
    print_rows(ranked, stdout_format)
    summary = _rank_summary(ranking, len(ranked))
    click.echo(f"{'; '.join(summary)} in {time.monotonic() - started:.2f} s", err=True)
    for path, count in outputs:
        click.echo(f"wrote {path} ({count} rows)", err=True)


def _ranked_rows(ranking: Any, query: Any, tax: Any, *, redact: bool) -> list[RankedRow]:
    """The pool's results as ``batch`` ranks them."""
    from matcher.batch.ranking import output_row, rank_rows

    return rank_rows(
        [output_row(result, query.target, tax, redact=redact) for result in ranking.results]
    )


def _write_ranking(
    ranked: list[RankedRow],
    ranking: Any,
    query: Any,
    tax: Any,
    files: tuple[Path | None, str | None, Path | None],
) -> list[tuple[str, int]]:
    """``--out`` (``files``: it and its format) and ``--html``, each with its row count."""
    from matcher.batch.ranking import rank_rows
    from matcher.output.files import write_outputs

    out_file, out_format, html_file = files
    writer = results_file(out_file, out_format, rank_rows)
    if writer is not None:
        for row in ranked:
            writer.add(row)
    notes = [f"Taxonomy {tax.version}", f"Pool of {ranking.stored} resumes"]
    return write_outputs(ranked, writer, html_file, target=query.target.describe(), notes=notes)


def _rank_summary(ranking: Any, shown: int) -> list[str]:
    """What ``pool rank`` did, counted: ranked, analysed again, left out and why."""
    summary = [f"ranked {shown} of {ranking.stored} stored resumes"]
    if ranking.refreshed:
        summary.append(f"{ranking.refreshed} analysed again first")
    if ranking.older_versions:
        summary.append(f"{ranking.older_versions} older resumes of the same candidates left out")
    if ranking.lacking:
        summary.append(f"{ranking.lacking} without every --require skill left out")
    if ranking.too_junior:
        summary.append(f"{ranking.too_junior} under --min-years left out")
    return summary


@pool.command("search")
@click.argument("query")
@db_option
@click.option(
    "--min-years",
    type=click.FloatRange(min=0),
    default=None,
    metavar="Y",
    help="Only candidates with at least Y years of experience.",
)
@click.option("--level", default=None, metavar="ID", help="Only candidates whose best level is ID.")
@click.option(
    "--industry", default=None, metavar="ID", help="Only candidates whose best industry is ID."
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    metavar="N",
    help="Show the N best matches.",
)
@click.option("--redact", is_flag=True, help="Remove the candidates' identities.")
@taxonomy_option
@format_option("table", "json")
def pool_search(
    query: str,
    db: str | None,
    min_years: float | None,
    level: str | None,
    industry: str | None,
    top: int,
    redact: bool,
    taxonomy_file: Path | None,
    output_format: str,
) -> None:
    """Find candidates by skills and words, with the lines that prove each.

    Skills of the taxonomy are found by id, name or alias ("k8s" is Kubernetes, "machine
    learning" one skill); other words are searched in the text (English stemming: "deploy"
    finds "deployed"). A candidate matches when they show every skill and every word.

    \b
    Example:
      matcher pool search "pytorch kubernetes" --min-years 3
      matcher pool search "rag fraud detection" --level senior-ai-engineer --format json
    """
    import time

    from matcher.pool import Pool
    from matcher.pool.search import Query, describe, search_pool
    from skills_taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy_file)
    check_target(tax, level=level, industry=industry)
    read = Query.read(query, tax)
    if not read.skills and not read.words:
        raise click.BadParameter("give skills or words to search for", param_hint="QUERY")
    started = time.monotonic()
    with Pool.open(db, create=False) as opened:
        hits, count = search_pool(
            opened,
            read,
            min_years=min_years,
            level=level,
            industry=industry,
            top=top,
            redact=redact,
        )
    seconds = time.monotonic() - started
    if output_format == "json":
        emit_json([hit.to_dict() for hit in hits])
    else:
        for hit in hits:
            level_text = hit.best_level or "no fit"
            click.echo(f"#{hit.id} {hit.name}: {hit.years} years, {level_text}")
            for skill, lines in hit.skills.items():
                for line in lines:
                    click.echo(f"  {tax.skill(skill).name}: {line}")
            for word, lines in hit.words.items():
                for line in lines:
                    click.echo(f'  "{word}": {line}')
    click.echo(
        f"{count} match {' + '.join(describe(read, tax))}; {len(hits)} shown, in {seconds:.2f} s",
        err=True,
    )
