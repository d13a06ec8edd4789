"""The whole pipeline for one file: read, parse, find skills, score.

The CLI and batch screening both call :func:`analyse_resume`, so a resume is scored the
same way wherever it comes from.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from matcher.job import JobPosting, analyse_job, score_job
from matcher.parse import parse_resume
from matcher.read import read_resume
from matcher.score import FitReport, score_fit
from matcher.skills import find_skills
from skills_taxonomy import Taxonomy


def analyse_resume(
    path: Path,
    taxonomy: Taxonomy,
    *,
    engine: str = "pdfplumber",
    as_of: date | None = None,
    region: str = "us",
    job: JobPosting | None = None,
) -> FitReport:
    """Score one resume file against every level and industry (and ``job``, if given)."""
    document = read_resume(path, engine=engine)
    resume = parse_resume(document, taxonomy=taxonomy, as_of=as_of)
    skills = find_skills(resume, taxonomy)
    job_fit = None if job is None else score_job(resume, skills, job, taxonomy)
    report = score_fit(resume, skills, taxonomy, region=region, job=job_fit)
    return replace(report, warnings=(*document.warnings, *report.warnings))


def read_job(path: Path, taxonomy: Taxonomy, *, engine: str = "pdfplumber") -> JobPosting:
    """Read a job posting (text, Markdown, PDF or DOCX) and find what it asks for."""
    return analyse_job(read_resume(path, engine=engine), taxonomy)
