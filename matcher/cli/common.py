"""What the commands that read resumes share: reading, checking, warnings, JSON out."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from matcher.cli.options import log_level


def emit_json(data: Any) -> None:
    """Deterministic JSON on stdout: sorted keys, stable lists, UTF-8 kept readable."""
    click.echo(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))


def read_and_parse(
    resume: Path, *, taxonomy_file: Path | None, as_of: date | None, engine: str, ocr: str
) -> tuple[Any, Any]:
    """(taxonomy, parsed resume): the read and parse stages, with the user's options."""
    from matcher.pipeline import read_and_parse as read_stages
    from skills_taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy_file)
    document, parsed = read_stages(resume, tax, engine=engine, as_of=as_of, ocr=ocr)
    warn(document.file, (*document.warnings, *parsed.warnings))
    return tax, parsed


# A warning may quote the resume (``ignored the dates '2031 - 2029': ...``), as Python's repr
# writes a string: in single quotes, or double ones when it holds a single quote.
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def warn(file: str, warnings: Sequence[str]) -> None:
    """The warnings about a file, on stderr; what they quote of the resume only with -vv."""
    quote = log_level() == logging.DEBUG
    for warning in warnings:
        shown = warning if quote else _QUOTED.sub("'…'", warning)
        hidden = " (-vv shows the text)" if shown != warning else ""
        click.echo(f"warning: {file}: {shown}{hidden}", err=True)


def check_spacy_model(tax: Any, spacy_model: str | None) -> None:
    """Load the user's spaCy model now, so one that is not installed is a usage error
    before any file is read (the pipeline is cached: the skills stage reuses it)."""
    if spacy_model is None:
        return
    from matcher.errors import UsageError
    from matcher.skills.pipeline import build_pipeline

    try:
        build_pipeline(tax, spacy_model=spacy_model)
    except UsageError as exc:
        raise UsageError(
            exc.message,
            hint=f"install it with `python -m spacy download {spacy_model}`, or leave out "
            "--spacy-model: matcher needs no trained model.",
        ) from exc


def analyse(
    resume: Path,
    tax: Any,
    job_file: Path | None,
    *,
    engine: str,
    ocr: str,
    as_of: date | None,
    spacy_model: str | None,
    region: str = "us",
    require: tuple[str, ...] = (),
) -> Any:
    """The resume's report (against the posting ``job_file`` too, when given), its
    warnings shown; the taxonomy and the spaCy model are checked already."""
    from matcher.pipeline import analyse_resume, read_job

    job = None
    if job_file is not None:
        job = read_job(
            job_file, tax, engine=engine, ocr=ocr, spacy_model=spacy_model, require=require
        )
        note_thin_posting(job)
    report = analyse_resume(
        resume,
        tax,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        region=region,
        job=job,
        spacy_model=spacy_model,
    )
    warn(report.resume.file, report.warnings)
    return report


def finish(data: dict[str, Any], parsed: Any, *, redact: bool) -> dict[str, Any]:
    """Stamp the schema version; remove the candidate's identity when asked."""
    from matcher.output.finish import finish_output

    return finish_output(data, parsed.contact, redact=redact)


def check_target(
    tax: Any, *, level: str | None, industry: str | None, region: str | None = None
) -> None:
    """Levels, industries and regions a user names must exist in the (merged) taxonomy."""
    if level is not None and level not in tax.levels_by_id:
        raise click.BadParameter(
            f"{level!r} is not a level; one of: {', '.join(tax.levels_by_id)}", param_hint="--level"
        )
    if industry is not None and industry not in tax.industries_by_id:
        raise click.BadParameter(
            f"{industry!r} is not an industry; one of: {', '.join(tax.industries_by_id)}",
            param_hint="--industry",
        )
    if region is not None and region not in tax.regions_by_id:
        raise click.BadParameter(
            f"{region!r} is not a region of the taxonomy; one of: {', '.join(tax.regions_by_id)}",
            param_hint="--region",
        )


def required_skills(require: tuple[str, ...], job_file: Path | None) -> tuple[str, ...]:
    """``--require`` values, split on commas; an error without ``--job``."""
    names = skill_names(require)
    if names and job_file is None:
        raise click.UsageError("--require needs --job FILE: it names a posting's must-haves")
    return names


def checked_taxonomy(
    taxonomy_file: Path | None,
    spacy_model: str | None,
    *,
    level: str | None = None,
    industry: str | None = None,
    region: str | None = None,
) -> Any:
    """The taxonomy, with the level, the industry, the region and the spaCy model the
    user named checked: usage errors before any file is read."""
    from skills_taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy_file)
    check_target(tax, level=level, industry=industry, region=region)
    check_spacy_model(tax, spacy_model)
    return tax


def read_posting(
    job_file: Path | None,
    require: tuple[str, ...],
    tax: Any,
    *,
    engine: str,
    ocr: str,
    spacy_model: str | None,
) -> Any:
    """The posting of ``--job`` with the must-haves of ``--require`` (a usage error
    without ``--job``); None without ``--job``."""
    names = required_skills(require, job_file)
    if job_file is None:
        return None
    from matcher.pipeline import read_job

    job = read_job(job_file, tax, engine=engine, ocr=ocr, spacy_model=spacy_model, require=names)
    note_thin_posting(job)
    return job


def note_thin_posting(job: Any) -> None:
    """Say on stderr, once, when the posting is too short to be answered in full."""
    from matcher.score.job import thin_posting

    note = thin_posting(job)
    if note is not None:
        click.echo(f"note: {job.file}: {note}", err=True)


def skill_names(values: tuple[str, ...]) -> tuple[str, ...]:
    """Skills named in repeatable, comma-separated option values (``--require``)."""
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())
