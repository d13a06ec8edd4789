"""The whole pipeline for one file: read, parse, find skills, score.

The CLI and batch screening both call these functions, so a resume is read and scored
the same way wherever it comes from.

Each stage logs to the ``matcher.pipeline`` logger: at INFO what ran on which file and how
long it took (no resume text); at DEBUG also what the resume says — its section headings,
positions and the line that proves each skill.  The library adds no handler, so nothing is
shown unless the application configures logging (``matcher -v`` / ``-vv``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from matcher.document import ResumeText
from matcher.parse.result import Resume
from matcher.parse.stage import parse_resume
from matcher.read.ocr import DEFAULT_OCR
from matcher.read.reader import read_resume
from matcher.score.job import score_job
from matcher.score.posting import JobPosting, analyse_job
from matcher.score.report import FitReport, score_fit
from matcher.score.settings import SCORE_SETTINGS, ScoreSettings
from matcher.skills.pipeline import build_pipeline
from matcher.skills.result import SkillMatch
from matcher.skills.stage import find_skills
from skills_taxonomy import Taxonomy

log = logging.getLogger(__name__)


def _since(start: float) -> str:
    return f"{time.perf_counter() - start:.3f} s"


def read_document(path: Path, *, engine: str = "pdfplumber", ocr: str = DEFAULT_OCR) -> ResumeText:
    """The read stage, logged."""
    start = time.perf_counter()
    document = read_resume(path, engine=engine, ocr=ocr)
    log.info(
        "read %s: %s, %d lines%s, %s",
        document.file,
        document.format,
        len(document.lines),
        f", {len(document.ocr_pages)} pages by OCR" if document.ocr_pages else "",
        _since(start),
    )
    return document


def read_and_parse(
    path: Path,
    taxonomy: Taxonomy,
    *,
    engine: str = "pdfplumber",
    as_of: date | None = None,
    today: date | None = None,
    ocr: str = DEFAULT_OCR,
) -> tuple[ResumeText, Resume]:
    """The read and parse stages: the document as read, and the resume parsed from it.

    ``engine`` and ``ocr`` as :func:`~matcher.read.read_resume` takes them, ``as_of`` and
    ``today`` as :func:`~matcher.parse.stage.parse_resume` does."""
    document = read_document(path, engine=engine, ocr=ocr)
    return document, parse_document(document, taxonomy, as_of=as_of, today=today)


def parse_document(
    document: ResumeText,
    taxonomy: Taxonomy,
    *,
    as_of: date | None = None,
    today: date | None = None,
) -> Resume:
    """The parse stage, logged."""
    start = time.perf_counter()
    resume = parse_resume(document, taxonomy=taxonomy, as_of=as_of, today=today)
    log.info(
        "parse %s: %d sections, %d positions, %s years, %s",
        resume.file,
        len(resume.sections),
        len(resume.experience.positions),
        resume.experience.total_years,
        _since(start),
    )
    if log.isEnabledFor(logging.DEBUG):
        for section in resume.sections:
            log.debug(
                "parse %s: section %s %r, %d lines",
                resume.file,
                section.name,
                section.heading,
                len(section.lines),
            )
        for position in resume.experience.positions:
            log.debug(
                "parse %s: position %r at %r, %.1f years",
                resume.file,
                position.title,
                position.organization,
                position.period.years,
            )
    return resume


def resume_skills(
    resume: Resume, taxonomy: Taxonomy, *, spacy_model: str | None = None
) -> tuple[SkillMatch, ...]:
    """The skills stage, on the spaCy pipeline built from ``taxonomy`` (and ``spacy_model``).

    Raises :class:`~matcher.errors.UsageError` when ``spacy_model`` is not installed.
    """
    nlp = build_pipeline(taxonomy, spacy_model=spacy_model)
    start = time.perf_counter()
    skills = find_skills(resume, taxonomy, nlp=nlp)
    log.info("skills %s: %d skills, %s", resume.file, len(skills), _since(start))
    if log.isEnabledFor(logging.DEBUG):
        for skill in skills:
            for evidence in skill.evidence:
                log.debug(
                    "skills %s: %s in %s: %r",
                    resume.file,
                    skill.id,
                    evidence.section,
                    evidence.text,
                )
    return skills


def analyse_resume(
    path: Path,
    taxonomy: Taxonomy,
    *,
    engine: str = "pdfplumber",
    as_of: date | None = None,
    today: date | None = None,
    region: str = "us",
    job: JobPosting | None = None,
    spacy_model: str | None = None,
    ocr: str = DEFAULT_OCR,
    settings: ScoreSettings = SCORE_SETTINGS,
) -> FitReport:
    """Score one resume file against every level and industry (and ``job``, if given)."""
    document = read_document(path, engine=engine, ocr=ocr)
    return analyse_document(
        document,
        taxonomy,
        as_of=as_of,
        today=today,
        region=region,
        job=job,
        spacy_model=spacy_model,
        settings=settings,
    )


def analyse_document(
    document: ResumeText,
    taxonomy: Taxonomy,
    *,
    as_of: date | None = None,
    today: date | None = None,
    region: str = "us",
    job: JobPosting | None = None,
    spacy_model: str | None = None,
    settings: ScoreSettings = SCORE_SETTINGS,
) -> FitReport:
    """:func:`analyse_resume` on a document already read (a pool analyses its stored
    lines again this way, without the file)."""
    resume = parse_document(document, taxonomy, as_of=as_of, today=today)
    skills = resume_skills(resume, taxonomy, spacy_model=spacy_model)
    start = time.perf_counter()
    job_fit = None
    if job is not None:
        job_fit = score_job(resume, skills, job, taxonomy, settings=settings.job)
    report = score_fit(resume, skills, taxonomy, region=region, job=job_fit, settings=settings)
    log.info(
        "score %s: best level %s, best industry %s, %s",
        resume.file,
        report.best_level,
        report.best_industry,
        _since(start),
    )
    return replace(report, warnings=(*document.warnings, *report.warnings))


def read_job(
    path: Path,
    taxonomy: Taxonomy,
    *,
    engine: str = "pdfplumber",
    spacy_model: str | None = None,
    require: Sequence[str] = (),
    ocr: str = DEFAULT_OCR,
) -> JobPosting:
    """Read a job posting (text, Markdown, PDF or DOCX) and find what it asks for;
    ``require``: skills every resume must show besides the posting's own must-haves."""
    start = time.perf_counter()
    nlp = build_pipeline(taxonomy, spacy_model=spacy_model)
    posting = read_resume(path, engine=engine, ocr=ocr)
    job = analyse_job(posting, taxonomy, nlp=nlp, require=require)
    log.info(
        "job %s: %d required, %d preferred skills, %s",
        job.file,
        len(job.required),
        len(job.preferred),
        _since(start),
    )
    return job
