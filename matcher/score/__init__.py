"""The score stage: how well a resume fits each career level, each industry and a job.

The modules, each depending only on those above it:

* :mod:`~matcher.score.features` — evidence strengths, skill vectors, the years fit and
  :class:`MissingSkill`, a skill a target asks for that the resume lacks;
* :mod:`~matcher.score.vocabulary` — the patterns that find an industry's domain terms;
* :mod:`~matcher.score.model` — :class:`~matcher.score.model.ProfileSimilarity`, the
  scikit-learn similarity model;
* :mod:`~matcher.score.profiles` — :func:`~matcher.score.profiles.build_model`: the model
  fitted on a taxonomy's levels and industries;
* :mod:`~matcher.score.text` — the resume's text as compared, its candidate's identity
  blanked;
* :mod:`~matcher.score.levels` — :class:`LevelFit`, the career levels and AI relevance;
* :mod:`~matcher.score.industries` — :class:`IndustryFit`, the industries;
* :mod:`~matcher.score.job_terms` — a posting's text and coverage components over many
  resumes at once (a pool);
* :mod:`~matcher.score.posting` — :func:`analyse_job`: what a posting asks for;
* :mod:`~matcher.score.job` — :func:`score_job`: how well a resume answers a posting;
* :mod:`~matcher.score.settings` — :class:`ScoreSettings`: every number the scores are
  tuned by, with the shipped values (the job's are :class:`JobSettings`);
* :mod:`~matcher.score.report` — :func:`score_fit` and :class:`FitReport`, everything
  ``matcher score`` reports, with the salary band;
* :mod:`~matcher.score.gaps` — :func:`find_gaps`: what is missing, in learning order.
"""

from __future__ import annotations

from matcher.score.features import MissingSkill, missing_skills
from matcher.score.gaps import Gap, find_gaps, report_gaps
from matcher.score.industries import IndustryFit, industry_skills
from matcher.score.job import JOB_SETTINGS, JobFit, JobSettings, score_job
from matcher.score.levels import LevelFit
from matcher.score.posting import JobPosting, analyse_job, resolve_skills
from matcher.score.profiles import FitModel, build_model
from matcher.score.report import SCHEMA_VERSION, FitReport, Salary, score_fit
from matcher.score.settings import SCORE_SETTINGS, IndustrySettings, LevelSettings, ScoreSettings

__all__ = [
    "JOB_SETTINGS",
    "SCHEMA_VERSION",
    "SCORE_SETTINGS",
    "FitModel",
    "FitReport",
    "Gap",
    "IndustryFit",
    "IndustrySettings",
    "JobFit",
    "JobPosting",
    "JobSettings",
    "LevelFit",
    "LevelSettings",
    "MissingSkill",
    "Salary",
    "ScoreSettings",
    "analyse_job",
    "build_model",
    "find_gaps",
    "industry_skills",
    "missing_skills",
    "report_gaps",
    "resolve_skills",
    "score_fit",
    "score_job",
]
