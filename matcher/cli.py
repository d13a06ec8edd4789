"""The ``matcher`` command line: parse options, call the core, render the result.

This is the only module that imports click, and the one place where a
:class:`~matcher.errors.MatcherError` becomes an exit code and a message on stderr.
Heavy modules (spaCy, scikit-learn, the PDF readers) are imported inside the commands
that use them, so ``matcher --help`` starts fast.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from matcher import __version__
from matcher.errors import MatcherError, TaxonomyError

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class ReportedError(click.ClickException):
    """A :class:`MatcherError` on its way to the terminal: one line, a hint, its exit code."""

    def __init__(self, error: MatcherError) -> None:
        super().__init__(error.message)
        self.error = error
        self.exit_code = int(error.exit_code)  # type: ignore[misc]  # click reads it per instance

    def show(self, file: IO[Any] | None = None) -> None:
        stream = file if file is not None else sys.stderr
        click.echo(f"error: {self.error.message}", file=stream)
        if isinstance(self.error, TaxonomyError):
            for problem in self.error.problems:
                click.echo(f"  {problem}", file=stream)
        if self.error.hint:
            click.echo(f"hint: {self.error.hint}", file=stream)


class MatcherGroup(click.Group):
    """A click group that reports :class:`MatcherError` without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MatcherError as exc:
            raise ReportedError(exc) from exc


def taxonomy_option(function: F) -> F:
    """``--taxonomy FILE``: extend or override the shipped taxonomy (every command has it)."""
    return click.option(
        "--taxonomy",
        "taxonomy_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="YAML or JSON file that extends or overrides the shipped taxonomy.",
    )(function)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    def decorate(function: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(function)

    return decorate


class YearMonthType(click.ParamType):  # type: ignore[type-arg]  # generic in newer click only
    """``YYYY-MM`` on the command line, the first day of that month in Python."""

    name = "YYYY-MM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", str(value).strip())
        if match is None or not 1 <= int(match.group(2)) <= 12:
            self.fail(f"{value!r} is not a month written as YYYY-MM (e.g. 2026-11)", param, ctx)
        return date(int(match.group(1)), int(match.group(2)), 1)


class _StderrHandler(logging.Handler):
    """Log records on whatever ``sys.stderr`` is when they are emitted (click's test runner
    swaps it per invocation)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # logging's contract: a failing handler must not stop the program
            self.handleError(record)


_LOG_HANDLER = _StderrHandler()
_LOG_HANDLER.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))


def set_verbosity(ctx: click.Context, param: click.Parameter, value: int) -> int:
    """``-v``: what each stage did and how long it took; ``-vv``: also the resume's lines.

    Without it the ``matcher`` loggers show nothing: not one line of a resume reaches
    stderr unless the user asks for it.  The flag may be given before the command or
    after it; the larger count wins.
    """
    root = ctx.find_root()
    verbosity = max(value, int(root.meta.get("matcher.verbosity", 0)))
    root.meta["matcher.verbosity"] = verbosity
    logger = logging.getLogger("matcher")
    level = _log_level(verbosity)
    if level is not None:
        logger.setLevel(level)
        if _LOG_HANDLER not in logger.handlers:
            logger.addHandler(_LOG_HANDLER)
    elif ctx.parent is None:  # a run without -v forgets an earlier run's (tests, embedding)
        logger.setLevel(logging.NOTSET)
        logger.removeHandler(_LOG_HANDLER)
    return verbosity


def _log_level(verbosity: int) -> int | None:
    return None if verbosity == 0 else logging.DEBUG if verbosity > 1 else logging.INFO


def log_level() -> int | None:
    """The level ``-v`` set for this run's ``matcher`` loggers (None without ``-v``)."""
    return _log_level(int(click.get_current_context().find_root().meta.get("matcher.verbosity", 0)))


def verbose_option(function: F) -> F:
    return click.option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        callback=set_verbosity,
        help="Log each stage and its time on stderr; -vv also the resume lines it used.",
    )(function)


def _check_ocr(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--ocr always`` needs the extra: a usage error before any file is read."""
    if value == "always":
        from matcher.ocr import INSTALL_SHORT, ocr_available

        if not ocr_available():
            raise click.BadParameter(f"'always' needs OCR: {INSTALL_SHORT} first", ctx, param)
    return value


def ocr_option(function: F) -> F:
    """``--ocr auto|always|never``: read scans and photos by OCR (the ``ocr`` extra)."""
    return click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),  # matcher.ocr.OCR_MODES
        default="auto",
        show_default=True,
        callback=_check_ocr,
        help="Read pages by OCR (needs the ocr extra): auto, the pages without a usable text "
        "layer and image files; always, every page; never.",
    )(function)


def resume_options(function: F) -> F:
    """The options of every command that reads resumes (PRODUCT.md, "Commands")."""
    decorators = [
        taxonomy_option,
        click.option(
            "--as-of",
            type=YearMonthType(),
            default=None,
            help='The month "Present" means (default: the file\'s own date when it has one '
            "earlier than today, else this month).",
        ),
        click.option(
            "--engine",
            type=click.Choice(["pdfplumber", "pdfium"]),
            default="pdfplumber",
            show_default=True,
            help="PDF reader: pdfplumber, or PDFium (much faster, same layout logic).",
        ),
        ocr_option,
        click.option(
            "--redact",
            is_flag=True,
            help="Remove the candidate's name, email, phone, links and postal address.",
        ),
        verbose_option,
    ]
    for decorate in reversed(decorators):
        function = decorate(function)
    return function


def spacy_model_option(function: F) -> F:
    """``--spacy-model NAME``: an installed spaCy pipeline to find skills with, instead of a
    blank English one (commands that find skills have it)."""
    return click.option(
        "--spacy-model",
        default=None,
        metavar="NAME",
        help="Find skills with this installed spaCy pipeline (a package name or a folder) "
        "instead of a blank English one; none is needed.",
    )(function)


def resume_argument(function: F) -> F:
    return click.argument("resume", type=click.Path(path_type=Path), metavar="RESUME")(function)


def emit_json(data: Any) -> None:
    """Deterministic JSON on stdout: sorted keys, stable lists, UTF-8 kept readable."""
    click.echo(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))


@click.group(cls=MatcherGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="matcher")
@verbose_option
def cli() -> None:
    """Match resumes to the AI-engineering career ladder, offline.

    Scores a resume against five career levels and five industries from the AI
    Engineer Career Guide 2026, finds its skills with the line that proves each,
    and lists what is missing.

    \b
    Example:
      matcher score resume.pdf
      matcher gaps resume.pdf --level ai-architect
      matcher skills resume.pdf --format json
      matcher taxonomy show senior-ai-engineer
      matcher -v batch resumes/ --out ranked.csv   # log each stage and its time
    """


# --- reading resumes --------------------------------------------------------------------


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
    from matcher.skills import build_pipeline

    try:
        build_pipeline(tax, spacy_model=spacy_model)
    except UsageError as exc:
        raise UsageError(
            exc.message,
            hint=f"install it with `python -m spacy download {spacy_model}`, or leave out "
            "--spacy-model: matcher needs no trained model.",
        ) from exc


def _analyse(
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
    from matcher.results import finish_output

    return finish_output(data, parsed.contact, redact=redact)


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


def check_target(tax: Any, *, level: str | None, industry: str | None) -> None:
    """Levels and industries a user names must exist in the (merged) taxonomy."""
    if level is not None and level not in tax.levels_by_id:
        raise click.BadParameter(
            f"{level!r} is not a level; one of: {', '.join(tax.levels_by_id)}", param_hint="--level"
        )
    if industry is not None and industry not in tax.industries_by_id:
        raise click.BadParameter(
            f"{industry!r} is not an industry; one of: {', '.join(tax.industries_by_id)}",
            param_hint="--industry",
        )


def job_option(function: F) -> F:
    function = click.option(
        "--require",
        "require",
        multiple=True,
        metavar="SKILL,...",
        help="With --job: skills a resume must show (ids, names or aliases, comma-separated); "
        "without one its job score is capped at 35. Repeatable.",
    )(function)
    return click.option(
        "--job",
        "job_file",
        type=click.Path(path_type=Path),
        default=None,
        metavar="FILE",
        help="A job posting (text, Markdown, PDF, DOCX) to match the resume against.",
    )(function)


def _required_skills(require: tuple[str, ...], job_file: Path | None) -> tuple[str, ...]:
    """``--require`` values, split on commas; an error without ``--job``."""
    names = tuple(name.strip() for value in require for name in value.split(",") if name.strip())
    if names and job_file is None:
        raise click.UsageError("--require needs --job FILE: it names a posting's must-haves")
    return names


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
@click.option(
    "--region",
    type=click.Choice(["us", "canada", "uk", "india"]),
    default="us",
    show_default=True,
    help="Region of the salary band.",
)
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
    check_target(tax, level=level, industry=industry)
    check_spacy_model(tax, spacy_model)
    report = _analyse(
        resume,
        tax,
        job_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        region=region,
        spacy_model=spacy_model,
        require=_required_skills(require, job_file),
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
    from matcher.features import skill_strengths
    from matcher.gaps import find_gaps
    from matcher.score import missing_skills
    from skills_taxonomy import load_taxonomy

    targets = [t for t in (level, industry, job_file) if t is not None]
    if len(targets) != 1:
        raise click.UsageError("give exactly one target: --level ID, --industry ID or --job FILE")
    tax = load_taxonomy(taxonomy_file)
    check_target(tax, level=level, industry=industry)
    check_spacy_model(tax, spacy_model)
    report = _analyse(
        resume,
        tax,
        job_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        spacy_model=spacy_model,
        require=_required_skills(require, job_file),
    )
    if level is not None:
        fit = next(f for f in report.levels if f.id == level)
        target = {"kind": "level", "id": fit.id, "name": fit.name, "score": fit.score}
        missing = fit.missing_skills
    elif industry is not None:
        sector = tax.industry(industry)
        fit_industry = next(f for f in report.industries if f.id == industry)
        target = {
            "kind": "industry",
            "id": sector.id,
            "name": sector.name,
            "score": fit_industry.score,
        }
        missing = missing_skills(sector.skills, {}, skill_strengths(report.skills), tax)
    else:
        assert report.job is not None  # a job file was given and scored
        posting = report.job.posting
        target = {
            "kind": "job",
            "id": posting.file,
            "name": posting.title,
            "score": report.job.score,
        }
        missing = report.job.missing_skills
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


# --- batch ------------------------------------------------------------------------------


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``decorators`` in order (the first is the outermost)."""

    def decorate(function: F) -> F:
        for option in reversed(decorators):
            function = option(function)
        return function

    return decorate


ranking_outputs = _options(
    click.option(
        "--out",
        "out_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="Write the ranked results to FILE: .csv, .jsonl or .json (by its extension).",
    ),
    click.option(
        "--html",
        "html_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="Also write a self-contained HTML report of the ranking.",
    ),
    click.option(
        "--format",
        "output_format",
        type=click.Choice(["table", "csv", "jsonl", "json"]),
        default=None,
        help="What stdout gets [default: table; nothing when --out is given].",
    ),
)
ranking_selection = _options(
    click.option(
        "--top", type=click.IntRange(min=1), default=None, metavar="N", help="Keep the N best."
    ),
    click.option(
        "--min-score",
        type=click.FloatRange(0, 100),
        default=None,
        metavar="S",
        help="Keep candidates scoring at least S (0-100).",
    ),
)
glob_option = click.option(
    "--glob",
    "pattern",
    metavar="PATTERN",
    help="In folders, take only files whose name matches (case-insensitive, e.g. '*.pdf').",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes [default: one per 20 files, up to all cores].",
)
timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60.0,  # matcher.batch.DEFAULT_TIMEOUT
    show_default=True,
    metavar="SECONDS",
    help="Time limit per file (0: none); a file past it becomes an error row.",
)
cluster_options = _options(
    click.option(
        "--dask-scheduler",
        default=None,
        metavar="ADDRESS",
        help="Work on a Dask cluster (e.g. tcp://host:8786); needs ai-role-matcher[dask].",
    ),
    click.option(
        "--progress/--no-progress",
        default=None,
        help="Show progress on stderr [default: when stderr is a terminal].",
    ),
)


@cli.command("batch")
@click.argument(
    "sources",
    nargs=-1,
    type=click.Path(path_type=Path, exists=True, allow_dash=True),
    metavar="DIR_OR_FILES...",
)
@glob_option
@ranking_outputs
@click.option("--level", default=None, metavar="ID", help="Rank by this career level's score.")
@click.option("--industry", default=None, metavar="ID", help="Rank by this industry's score.")
@job_option
@ranking_selection
@click.option(
    "--region",
    type=click.Choice(["us", "canada", "uk", "india"]),
    default="us",
    show_default=True,
    help="Region of the salary bands in the JSON results.",
)
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
    import time

    from matcher import batch, read, results
    from skills_taxonomy import load_taxonomy

    if not sources:
        raise click.UsageError(
            "give the folders or files to screen, or - to read a list of paths from stdin"
        )
    out_format = _check_outputs(out_file, html_file)
    stdout_format = output_format or (None if out_file is not None else "table")

    tax = load_taxonomy(taxonomy_file)
    check_target(tax, level=level, industry=industry)
    check_spacy_model(tax, spacy_model)
    job = None
    if job_file is not None:
        from matcher.pipeline import read_job

        job = read_job(
            job_file,
            tax,
            engine=engine,
            ocr=ocr,
            spacy_model=spacy_model,
            require=_required_skills(require, job_file),
        )
    elif require:
        _required_skills(require, job_file)  # the error: --require without --job
    target = batch.Target(level=level, industry=industry, job=None if job is None else job.file)
    cache = None if cache_dir is None else batch.ResultCache(cache_dir)
    inputs = batch.collect_inputs(
        _batch_paths(sources),
        pattern=pattern,
        exclude=[p for p in (out_file, html_file, cache_dir) if p is not None],
    )
    if not inputs.files:
        for item in inputs.skipped:
            click.echo(f"skipped {item.name}: {item.reason}", err=True)
        raise click.UsageError(f"no resume files ({read.SUPPORTED_FORMATS}) to score")
    options = batch.AnalysisOptions(
        taxonomy_file=taxonomy_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        region=region,
        job=job,
        job_digest=None
        if job is None or job_file is None
        else "+".join((batch.file_digest(job_file), *job.must_have)),
        spacy_model=spacy_model,
        redact=redact,
    )

    def arrange(rows: Sequence[Any]) -> list[Any]:
        return batch.rank_rows(rows, top=top, min_score=min_score)

    writer = _results_file(out_file, out_format, arrange)
    # Log lines would tear a progress bar apart: -v shows the progress of each file instead.
    show_progress = progress if progress is not None else sys.stderr.isatty() and not log_level()
    bar = _BatchProgress(len(inputs.files)) if show_progress else None
    rows: list[Any] = []
    interrupted = False
    started = time.monotonic()
    stream = batch.run_batch(
        inputs.files,
        options,
        jobs=jobs,
        timeout=timeout or None,
        cache=cache,
        scheduler=dask_scheduler,
        log_level=log_level(),
    )
    try:
        with _SigtermAsInterrupt():
            for result in stream:
                row = results.output_row(result, target, tax)  # options.redact did it
                rows.append(row)
                if writer is not None:
                    writer.add(row)
                if bar is not None:
                    bar.advance(failed=row.error is not None)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        stream.close()  # stops the workers when the run did not finish
        if bar is not None:
            bar.close()
        seconds = time.monotonic() - started
        ranked = arrange(rows)
        notes = ["Interrupted: these are the files scored before the stop."] if interrupted else []
        outputs = _write_outputs(ranked, writer, html_file, target, tax, notes)
    _print_rows(ranked, stdout_format)
    cache_hits = sum(1 for row in rows if row.cached)
    if dask_scheduler is not None:
        workers = f"Dask at {dask_scheduler}"
    else:
        count = batch.worker_count(jobs, len(inputs.files) - cache_hits)
        workers = "1 process" if count == 1 else f"{count} processes"
    summary = results.BatchSummary(
        total=len(inputs.files),
        rows=rows,
        skipped=inputs.skipped,
        seconds=seconds,
        workers=workers,
        interrupted=interrupted,
        outputs=outputs,
    )
    for line in results.summary_lines(summary):
        click.echo(line, err=True)
    if interrupted:
        raise click.exceptions.Exit(130)
    if any(row.error is not None for row in rows):
        raise click.exceptions.Exit(1)


def _check_outputs(out_file: Path | None, html_file: Path | None) -> str | None:
    """The format of ``--out`` (by its extension); a usage error for a file that cannot be
    written as asked."""
    from matcher import results

    out_format = None
    if out_file is not None:
        out_format = results.format_of(out_file)
        if out_format is None:
            raise click.BadParameter(
                f"{out_file.name!r} must end in .csv, .jsonl or .json", param_hint="--out"
            )
    for option, path in (("--out", out_file), ("--html", html_file)):
        if path is not None and not path.absolute().parent.is_dir():
            raise click.BadParameter(
                f"no folder {str(path.parent)!r} to write to", param_hint=option
            )
    return out_format


def _results_file(
    out_file: Path | None, out_format: str | None, arrange: Callable[[Sequence[Any]], list[Any]]
) -> Any:
    from matcher import batch, results

    if out_file is None:
        return None
    try:
        return results.ResultsFile(out_file, str(out_format), arrange=arrange)
    except batch.BatchError as exc:
        raise click.BadParameter(exc.message, param_hint="--out") from exc


def _write_outputs(
    ranked: Sequence[Any],
    writer: Any,
    html_file: Path | None,
    target: Any,
    tax: Any,
    notes: Sequence[str],
) -> list[tuple[str, int]]:
    """Close ``--out`` and write ``--html``; each file written with its row count."""
    from matcher import batch, report

    outputs: list[tuple[str, int]] = []
    if writer is not None:
        writer.close()
        outputs.append((str(writer.path), writer.written))
    if html_file is not None:
        page = report.render_report(
            ranked, target=target.describe(), notes=[f"Taxonomy {tax.version}", *notes]
        )
        try:
            batch.write_atomic(html_file, page)
        except OSError as exc:
            raise batch.BatchError(f"cannot write {html_file}: {exc.strerror}") from exc
        outputs.append((str(html_file), len(ranked)))
    return outputs


def _print_rows(ranked: Sequence[Any], stdout_format: str | None) -> None:
    from matcher import results

    if stdout_format == "table":
        click.echo(_batch_table(ranked), nl=False)
    elif stdout_format is not None:
        click.echo(results.render_rows(ranked, stdout_format), nl=False)


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


def _batch_table(rows: Sequence[Any]) -> str:
    from matcher import render
    from matcher.parse.as_of import describe_as_of

    body: list[tuple[Any, ...]] = []
    for row in rows:
        data = row.data or {}
        years = (data.get("experience") or {}).get("total_years")
        if row.error is not None:
            error = f"{row.error.code}: {row.error.message}"
            body.append(("-", row.file, None, None, None, None, None, error))
            continue
        as_of = describe_as_of(data["as_of"], data["as_of_source"]) if "as_of" in data else None
        level = data.get("best_level")
        industry = data.get("best_industry")
        body.append(
            (
                row.rank,
                row.file,
                row.score,
                "no fit" if level is None else f"{level} ({row.best_level_score:g})",
                "-" if industry is None else f"{industry} ({row.best_industry_score:g})",
                years,
                as_of,
                ", ".join(row.top_skills),
            )
        )
    headers = ("#", "file", "score", "best level", "best industry", "years", "as of", "top skills")
    return render.table(headers, body, max_width=48)


class _BatchProgress:
    """Files done of the total, rate, failures and time left, on stderr."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[failed]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        # Workers load spaCy before their first file: say so rather than look stuck.
        self._task = self._progress.add_task("starting", total=total, rate="", failed="")
        self._failed = 0
        self._done = 0
        self._started = self._progress.get_time()
        self._progress.start()

    def advance(self, *, failed: bool) -> None:
        self._done += 1
        self._failed += failed
        elapsed = max(self._progress.get_time() - self._started, 1e-9)
        self._progress.update(
            self._task,
            description="scoring",
            advance=1,
            rate=f"{self._done / elapsed:.1f} resumes/s",
            failed=f"{self._failed} failed" if self._failed else "",
        )

    def close(self) -> None:
        self._progress.stop()


class _SigtermAsInterrupt:
    """SIGTERM stops a batch as Ctrl-C does: the finished rows are written."""

    def __enter__(self) -> None:
        import signal
        import threading

        self._previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGTERM, self._interrupt)

    def __exit__(self, *exc: object) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)

    @staticmethod
    def _interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt


# --- the pool -------------------------------------------------------------------------


def db_option(function: F) -> F:
    return click.option(
        "--db",
        default=None,
        metavar="URL",
        help="The pool: a SQLite file, or postgresql://USER@HOST/DB "
        "[default: $MATCHER_DB, else matcher-pool.sqlite here].",
    )(function)


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

    from matcher import batch
    from matcher.pool import Pool
    from matcher.pool.store import database_files
    from skills_taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy_file)
    check_spacy_model(tax, spacy_model)
    inputs = batch.collect_inputs(sources, pattern=pattern, exclude=database_files(db))
    for item in inputs.skipped:
        click.echo(f"skipped {item.name}: {item.reason}", err=True)
    if not inputs.files:
        raise click.UsageError("no resume files (PDF, DOCX, TXT or Markdown) to add")
    options = batch.AnalysisOptions(
        taxonomy_file=taxonomy_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        spacy_model=spacy_model,
        redact=redact,
    )
    show_progress = progress if progress is not None else sys.stderr.isatty() and not log_level()
    bar = _BatchProgress(len(inputs.files)) if show_progress else None
    counts: dict[str, int] = {}
    interrupted = False
    started = time.monotonic()
    with Pool.open(db) as opened:
        stream = opened.add(
            inputs.files,
            options,
            jobs=jobs,
            timeout=timeout or None,
            scheduler=dask_scheduler,
            log_level=log_level(),
        )
        try:
            with _SigtermAsInterrupt():
                for added in stream:
                    counts[added.status] = counts.get(added.status, 0) + 1
                    if bar is not None:
                        bar.advance(failed=added.error is not None)
                    if added.error is not None:
                        click.echo(f"failed {added.name}: {added.error.message}", err=True)
                    for other, why in added.duplicates:
                        click.echo(f"duplicate? {added.name} and {other}: {why}", err=True)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            stream.close()
            if bar is not None:
                bar.close()
        total = len(opened)
    done = ", ".join(f"{counts[key]} {key}" for key in _ADD_STATUSES if counts.get(key))
    click.echo(
        f"{done or 'nothing done'} in {time.monotonic() - started:.1f} s; "
        f"the pool holds {total} resumes",
        err=True,
    )
    if interrupted:
        raise click.exceptions.Exit(130)
    if counts.get("failed"):
        raise click.exceptions.Exit(1)


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
    from matcher import batch, render
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
        options = batch.AnalysisOptions(taxonomy_file=taxonomy_file, spacy_model=spacy_model)
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
    from matcher.batch import FileResult, contact_of
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
@click.option("--level", default=None, metavar="ID", help="Rank by this career level's score.")
@click.option("--industry", default=None, metavar="ID", help="Rank by this industry's score.")
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

    from matcher import batch, results
    from matcher.job import resolve_skills
    from matcher.pool import Pool, RankQuery, rank_pool
    from skills_taxonomy import load_taxonomy

    if job_file is None and level is None and industry is None:
        raise click.UsageError("give --job FILE, --level ID or --industry ID to rank by")
    out_format = _check_outputs(out_file, html_file)
    stdout_format = output_format or (None if out_file is not None else "table")
    tax = load_taxonomy(taxonomy_file)
    check_target(tax, level=level, industry=industry)
    check_spacy_model(tax, spacy_model)
    names = tuple(name.strip() for value in require for name in value.split(",") if name.strip())
    required = resolve_skills(names, tax)
    job = None
    if job_file is not None:
        from matcher.pipeline import read_job

        job = read_job(job_file, tax, engine=engine, ocr=ocr, spacy_model=spacy_model)
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
    options = batch.AnalysisOptions(
        taxonomy_file=taxonomy_file, as_of=as_of, spacy_model=spacy_model
    )
    started = time.monotonic()
    with Pool.open(db, create=False) as opened:
        ranking = rank_pool(opened, query, tax, options)
    rows = [
        results.output_row(result, query.target, tax, redact=redact) for result in ranking.results
    ]
    ranked = batch.rank_rows(rows)
    writer = _results_file(out_file, out_format, batch.rank_rows)
    if writer is not None:
        for row in ranked:
            writer.add(row)
    notes = [f"Pool of {ranking.stored} resumes"]
    outputs = _write_outputs(ranked, writer, html_file, query.target, tax, notes)
    _print_rows(ranked, stdout_format)
    summary = [f"ranked {len(ranked)} of {ranking.stored} stored resumes"]
    if ranking.refreshed:
        summary.append(f"{ranking.refreshed} analysed again first")
    if ranking.older_versions:
        summary.append(f"{ranking.older_versions} older resumes of the same candidates left out")
    if ranking.lacking:
        summary.append(f"{ranking.lacking} without every --require skill left out")
    if ranking.too_junior:
        summary.append(f"{ranking.too_junior} under --min-years left out")
    click.echo(f"{'; '.join(summary)} in {time.monotonic() - started:.2f} s", err=True)
    for path, count in outputs:
        click.echo(f"wrote {path} ({count} rows)", err=True)


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


# --- the web app --------------------------------------------------------------------------

MIN_TOKEN_LENGTH = 16


@cli.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; any but loopback needs --token.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0: any free one).",
)
@click.option(
    "--token",
    envvar="MATCHER_TOKEN",
    default=None,
    metavar="T",
    help="Every request must carry it (at least 16 characters) [env: MATCHER_TOKEN].",
)
@click.option(
    "--uploads",
    "uploads_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="DIR",
    help="Keep uploaded files here [default: beside a SQLite pool, NAME-uploads/].",
)
@click.option(
    "--max-upload-mb",
    type=click.FloatRange(min=0.001),
    default=20.0,
    show_default=True,
    help="Largest file an upload may hold.",
)
@click.option(
    "--max-files",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Most files one upload may hold.",
)
@jobs_option
@timeout_option
@spacy_model_option
@resume_options
def serve_command(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    uploads_dir: Path | None,
    max_upload_mb: float,
    max_files: int,
    jobs: int | None,
    timeout: float,
    spacy_model: str | None,
    taxonomy_file: Path | None,
    as_of: date | None,
    engine: str,
    ocr: str,
    redact: bool,
) -> None:
    """Open the pool in a web browser: upload, screen, read each candidate; an HTTP API.

    Resumes uploaded (drag and drop) are analysed in the background and added to the pool
    as `matcher pool add` adds them; screening ranks it as `matcher pool rank` does, and
    exports the same CSV, JSONL and HTML report. The API under /api/ returns the JSON the
    command line prints (described at /api). Listens on 127.0.0.1 only, unless --host
    names another address, which needs --token. With --redact, uploads are stored
    without contact details and no page shows a candidate's identity.

    \b
    Example:
      matcher serve                                # the pool matcher-pool.sqlite here
      matcher serve --db team.sqlite --port 8080 --redact
      MATCHER_TOKEN=$(openssl rand -hex 16) matcher serve --host 0.0.0.0
    """
    import importlib.util
    import ipaddress
    import socket

    from matcher.errors import UsageError
    from matcher.web import SERVE_LIBRARIES

    missing = [name for name in SERVE_LIBRARIES if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(
            f"matcher serve needs {', '.join(missing)}: pip install 'ai-role-matcher[serve]'",
            hint="",  # the message says what to do: one line
        )
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise click.BadParameter(
            f"use at least {MIN_TOKEN_LENGTH} characters (e.g. `openssl rand -hex 16`)",
            param_hint="--token",
        )
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if not loopback and token is None:
        raise click.BadParameter(
            f"{host} lets other computers in: give --token T (or set MATCHER_TOKEN) too",
            param_hint="--host",
        )
    from skills_taxonomy import load_taxonomy

    check_spacy_model(load_taxonomy(taxonomy_file), spacy_model)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host.strip("[]"), port))
    except OSError as exc:
        listener.close()
        raise click.BadParameter(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}", param_hint="--port"
        ) from exc
    import uvicorn

    from matcher.pool.store import describe
    from matcher.web.app import ServeSettings, create_app

    settings = ServeSettings(
        db=db,
        uploads=uploads_dir,
        token=token,
        loopback=loopback,
        redact=redact,
        taxonomy_file=taxonomy_file,
        engine=engine,
        ocr=ocr,
        as_of=as_of,
        spacy_model=spacy_model,
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        max_files=max_files,
        jobs=jobs,
        timeout=timeout or None,
    )
    app = create_app(settings)
    state = app.state.matcher
    bound = listener.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if family == socket.AF_INET6 else host
    address = f"http://{shown}:{bound}/" + ("?token=YOUR_TOKEN" if token else "")
    click.echo(
        f"matcher serve: the pool at {describe(state.pool.store.url)} "
        f"({len(state.pool)} resumes), uploads in {state.folder}",
        err=True,
    )
    click.echo(f"open {address}  (Ctrl-C stops)", err=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[listener])


# --- taxonomy ---------------------------------------------------------------------------

LISTABLE = ("skills", "levels", "industries", "certifications", "roadmap", "categories")


@cli.group(cls=MatcherGroup, context_settings=CONTEXT_SETTINGS)
def taxonomy() -> None:
    """Browse, validate and export the skills taxonomy.

    \b
    Example:
      matcher taxonomy list skills --category rag
      matcher taxonomy show langchain
      matcher taxonomy validate my-skills.yaml
      matcher taxonomy export --format yaml > taxonomy.yaml
    """


@taxonomy.command("list")
@click.argument("what", type=click.Choice(LISTABLE), default="skills", required=False)
@click.option("--category", metavar="C", help="Only skills of this category (skills only).")
@taxonomy_option
@format_option("table", "json")
def taxonomy_list(
    what: str, category: str | None, taxonomy_file: Path | None, output_format: str
) -> None:
    """List skills (default), levels, industries, certifications, roadmap steps or categories.

    \b
    Example:
      matcher taxonomy list --category generative-ai
      matcher taxonomy list levels --format json
    """
    from matcher import render
    from skills_taxonomy import load_taxonomy
    from skills_taxonomy.export import to_dict

    tax = load_taxonomy(taxonomy_file)
    if category is not None:
        if what != "skills":
            raise click.UsageError("--category applies to skills only")
        known = [c.id for c in tax.categories]
        if category not in known:
            raise click.BadParameter(
                f"{category!r} is not a category; one of: {', '.join(known)}",
                param_hint="--category",
            )
    rows = to_dict(tax)[what]
    if category is not None:
        rows = [row for row in rows if row["category"] == category]
    if output_format == "json":
        emit_json({what: rows})
    else:
        click.echo(render.taxonomy_list(what, rows, tax), nl=False)


@taxonomy.command("show")
@click.argument("ident", metavar="ID")
@taxonomy_option
@format_option("table", "json")
def taxonomy_show(ident: str, taxonomy_file: Path | None, output_format: str) -> None:
    """Show one skill, level, industry, certification or roadmap step by its id.

    \b
    Example:
      matcher taxonomy show sagemaker
      matcher taxonomy show head-of-ai --format json
    """
    from matcher import render
    from skills_taxonomy import load_taxonomy
    from skills_taxonomy.export import find_entry

    tax = load_taxonomy(taxonomy_file)
    found = find_entry(tax, ident)
    if found is None:
        raise click.BadParameter(
            f"no skill, level, industry, certification or roadmap step has the id {ident!r} "
            "(see `matcher taxonomy list`)",
            param_hint="ID",
        )
    kind, entry = found
    if output_format == "json":
        emit_json({"kind": kind, kind: entry})
    else:
        click.echo(render.taxonomy_entry(kind, entry, tax), nl=False)


@taxonomy.command("validate")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), required=False)
def taxonomy_validate(file: Path | None) -> None:
    """Check the shipped taxonomy, merged with FILE if given; list every problem.

    Exits 0 when valid, 5 with every problem (file:line: message) on stderr otherwise.

    \b
    Example:
      matcher taxonomy validate
      matcher taxonomy validate my-skills.yaml
    """
    from skills_taxonomy import load_taxonomy

    tax = load_taxonomy(file)
    forms = sum(len(s.aliases) + len(s.forms) for s in tax.skills)
    source = file.name if file is not None else "shipped taxonomy"
    click.echo(
        f"{source}: valid (version {tax.version}: {len(tax.skills)} skills, "
        f"{forms} surface forms, {len(tax.levels)} levels, {len(tax.industries)} industries, "
        f"{len(tax.certifications)} certifications, {len(tax.roadmap)} roadmap steps)"
    )


@taxonomy.command("export")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "yaml"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@taxonomy_option
def taxonomy_export(output_format: str, taxonomy_file: Path | None) -> None:
    """Print the whole merged taxonomy, as other tools would consume it.

    \b
    Example:
      matcher taxonomy export --format yaml > taxonomy.yaml
      matcher taxonomy export --taxonomy my-skills.yaml > merged.json
    """
    from skills_taxonomy import load_taxonomy
    from skills_taxonomy.export import to_dict

    data = to_dict(load_taxonomy(taxonomy_file))
    if output_format == "json":
        emit_json(data)
    else:
        import yaml

        click.echo(yaml.safe_dump(data, sort_keys=True, allow_unicode=True), nl=False)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="matcher")
