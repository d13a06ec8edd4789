"""matcher: match resumes to the AI-engineering career ladder, offline.

The public API is re-exported here lazily, so that ``import matcher`` (and ``matcher
--help``) does not pay for spaCy or scikit-learn until a stage that needs them is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "ExitCode": "matcher.errors",
    "MatcherError": "matcher.errors",
    "NoTextError": "matcher.errors",
    "TaxonomyError": "skills_taxonomy",
    "UnreadableFileError": "matcher.errors",
    "UsageError": "matcher.errors",
    "Line": "matcher.document",
    "ResumeText": "matcher.document",
    "load_taxonomy": "skills_taxonomy",
    "collect_inputs": "matcher.batch.inputs",
    "rank_rows": "matcher.batch.ranking",
    "run_batch": "matcher.batch.workers",
    # the stages, in the order a resume goes through them
    "read_resume": "matcher.read.reader",
    "parse_resume": "matcher.parse.stage",
    "Resume": "matcher.parse.result",
    "build_pipeline": "matcher.skills.pipeline",
    "find_skills": "matcher.skills.stage",
    "SkillMatch": "matcher.skills.result",
    "score_fit": "matcher.score.report",
    "FitReport": "matcher.score.report",
    "SCHEMA_VERSION": "matcher.score.report",
    "analyse_job": "matcher.score.posting",
    "JobPosting": "matcher.score.posting",
    "score_job": "matcher.score.job",
    "JobSettings": "matcher.score.job",
    "JobFit": "matcher.score.job",
    "ScoreSettings": "matcher.score.settings",
    # the whole pipeline for one file, as the commands run it
    "analyse_resume": "matcher.pipeline",
    "analyse_document": "matcher.pipeline",
    "read_job": "matcher.pipeline",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'matcher' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
