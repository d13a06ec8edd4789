"""The commands on one resume: ``parse``, ``skills``, ``score`` and ``gaps``."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import click

from matcher.cli.common import (
    analyse,
    check_spacy_model,
    check_target,
    emit_json,
    finish,
    read_and_parse,
    required_skills,
)
from matcher.cli.group import cli
from matcher.cli.options import (
    format_option,
    job_option,
    region_option,
    resume_argument,
    resume_options,
    spacy_model_option,
)


@cli.command("parse")
@resume_argument
@resume_options
@format_option("table", "json")
def parse_command(
    resume: Path,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
    output_format: str,
) -> None:
    """Show how matcher reads a resume: sections, positions, years, education, contact.

    What a screening system will see: use it to check that a resume's layout reads well.

    \b
    Example:
      matcher parse resume.pdf
      matcher parse resume.pdf --format json --as-of 2026-11
    """
    from matcher import render

    _, parsed = read_and_parse(
        resume, taxonomy_file=taxonomy_file, as_of=as_of, engine=engine, ocr=ocr
    )
    data = finish(parsed.to_dict(), parsed, redact=redact)
    if output_format == "json":
        emit_json(data)
    else:
        click.echo(render.parsed_resume(data), nl=False)


@cli.command("skills")
@resume_argument
@spacy_model_option
@resume_options
@format_option("table", "json")
def skills_command(
    resume: Path,
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
    output_format: str,
) -> None:
    """List the skills a resume shows, by category, with every line that proves each.

    Tools also count as evidence of the guide competency they belong to (PyTorch -> deep
    learning); such skills are marked "derived".

    \b
    Example:
      matcher skills resume.pdf
      matcher skills resume.pdf --format json
    """
    from matcher import render
    from matcher.pipeline import resume_skills
    from skills_taxonomy import load_taxonomy

    check_spacy_model(load_taxonomy(taxonomy_file), spacy_model)
    tax, parsed = read_and_parse(
        resume, taxonomy_file=taxonomy_file, as_of=as_of, engine=engine, ocr=ocr
    )
    skills = resume_skills(parsed, tax, spacy_model=spacy_model)
    data = finish(
        {"file": parsed.file, "skills": [skill.to_dict() for skill in skills]},
        parsed,
        redact=redact,
    )
    if output_format == "json":
        emit_json(data)
    else:
        click.echo(render.skills_report(data, tax), nl=False)


@cli.command("score")
@resume_argument
@job_option
@click.option(
    "--level",
    default=None,
    metavar="ID",
    help="Show this level's gaps (default: the next level up).",
)
@click.option("--industry", default=None, metavar="ID", help="Show this industry's evidence first.")
@region_option("Region of the salary band.")
@spacy_model_option
@resume_options
@format_option("table", "json", "md")
def score_command(
    resume: Path,
    job_file: Path | None,
    require: tuple[str, ...],
    level: str | None,
    industry: str | None,
    region: str,
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
    output_format: str,
) -> None:
    """Score a resume against every career level and industry of the guide.

    Shows the best level and industry, every score with its components, the skills found
    with the lines that prove them, what is missing for the next level up, and the guide's
    2026 salary band for the best level in --region.

    \b
    Example:
      matcher score resume.pdf
      matcher score resume.pdf --job posting.txt --format json
      matcher score resume.pdf --job posting.txt --require pytorch,kubernetes
      matcher score resume.pdf --region uk --as-of 2026-11
    """
    from matcher import render
    from skills_taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy_file)
    check_target(tax, level=level, industry=industry, region=region)
    check_spacy_model(tax, spacy_model)
    report = analyse(
        resume,
        tax,
        job_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        region=region,
        spacy_model=spacy_model,
        require=required_skills(require, job_file),
    )
    if level is not None:  # the user's target replaces the rung above the best level
        chosen = next(fit for fit in report.levels if fit.id == level)
        report = dataclasses.replace(report, next_level=chosen)
    data = finish(report.to_dict(), report.resume, redact=redact)
    if output_format == "json":
        emit_json(data)
    else:
        click.echo(
            render.score_report(data, markdown=output_format == "md", industry=industry), nl=False
        )


@cli.command("gaps")
@resume_argument
@click.option("--level", default=None, metavar="ID", help="Target career level.")
@click.option("--industry", default=None, metavar="ID", help="Target industry.")
@job_option
@spacy_model_option
@resume_options
@format_option("table", "json", "md")
def gaps_command(
    resume: Path,
    level: str | None,
    industry: str | None,
    job_file: Path | None,
    require: tuple[str, ...],
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
    output_format: str,
) -> None:
    """List the skills a resume lacks for a target, in the order to learn them.

    Give exactly one target: --level, --industry or --job. Required skills come before
    preferred ones, heavier before lighter; each names the guide's roadmap step that
    teaches it and the certifications that cover it.

    \b
    Example:
      matcher gaps resume.pdf --level ai-architect
      matcher gaps resume.pdf --job posting.txt --format json
    """
    from matcher import render
    from matcher.score.gaps import find_gaps
    from skills_taxonomy import load_taxonomy

    targets = [t for t in (level, industry, job_file) if t is not None]
    if len(targets) != 1:
        raise click.UsageError("give exactly one target: --level ID, --industry ID or --job FILE")
    tax = load_taxonomy(taxonomy_file)
    check_target(tax, level=level, industry=industry)
    check_spacy_model(tax, spacy_model)
    report = analyse(
        resume,
        tax,
        job_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        spacy_model=spacy_model,
        require=required_skills(require, job_file),
    )
    target, missing = _gap_target(report, level=level, industry=industry)
    gaps = find_gaps(missing, tax)
    data = finish(
        {"file": report.resume.file, "target": target, "gaps": [gap.to_dict() for gap in gaps]},
        report.resume,
        redact=redact,
    )
    if output_format == "json":
        emit_json(data)
    else:
        click.echo(render.gaps_report(data, markdown=output_format == "md"), nl=False)


def _gap_target(
    report: Any, *, level: str | None, industry: str | None
) -> tuple[dict[str, Any], Any]:
    """The target the user named, as the JSON shows it, and the skills the resume lacks
    for it (each fit carries them: levels, industries and the job alike)."""
    if level is not None:
        kind, fit = "level", next(f for f in report.levels if f.id == level)
    elif industry is not None:
        kind, fit = "industry", next(f for f in report.industries if f.id == industry)
    else:
        assert report.job is not None  # a job file was given and scored
        kind, fit = "job", report.job
        posting = report.job.posting
        target = {"kind": kind, "id": posting.file, "name": posting.title, "score": fit.score}
        return target, fit.missing_skills
    target = {"kind": kind, "id": fit.id, "name": fit.name, "score": fit.score}
    return target, fit.missing_skills
