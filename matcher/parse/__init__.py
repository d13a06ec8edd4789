"""The parse stage: a document's lines become sections, contact details, positions,
education, certifications and years of experience.

Everything here is a rule over words and layout, no model: resumes are written in a few
dozen recurring shapes, and a rule that fails can be read and fixed.  Each rule says why it
is there.  :func:`parse_resume` is the entry point; it never reads the clock unless the caller
leaves ``as_of`` out.

One module per job: :mod:`~matcher.parse.result` (what the stage returns),
:mod:`~matcher.parse.sections` (headings), :mod:`~matcher.parse.contact`,
:mod:`~matcher.parse.headers` and :mod:`~matcher.parse.positions` (jobs),
:mod:`~matcher.parse.experience` (their total), :mod:`~matcher.parse.education`,
:mod:`~matcher.parse.certifications`, :mod:`~matcher.parse.dates` (the grammar of dates,
date ranges and "N years"), :mod:`~matcher.parse.periods` (how periods add up) and
:mod:`~matcher.parse.as_of` (the date "Present" means); :mod:`~matcher.parse.text` and
:mod:`~matcher.parse.aliases` hold what several of them share; :mod:`~matcher.parse.stage`
runs them.
"""

from matcher.parse.result import (
    SECTION_NAMES,
    CertificationMatch,
    Contact,
    Education,
    Experience,
    Position,
    Resume,
    Section,
)
from matcher.parse.stage import parse_resume

__all__ = [
    "SECTION_NAMES",
    "CertificationMatch",
    "Contact",
    "Education",
    "Experience",
    "Position",
    "Resume",
    "Section",
    "parse_resume",
]
