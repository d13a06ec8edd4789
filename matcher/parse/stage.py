"""The parse stage's entry point: :func:`parse_resume`."""

from __future__ import annotations

from datetime import date

from matcher.document import ResumeText
from matcher.parse.as_of import choose_as_of
from matcher.parse.certifications import _find_certifications
from matcher.parse.contact import _find_contact
from matcher.parse.education import _find_education
from matcher.parse.experience import _find_experience
from matcher.parse.result import Resume
from matcher.parse.sections import _split_sections
from matcher.parse.text import _clean
from skills_taxonomy.model import Taxonomy

__all__ = ["parse_resume"]


def parse_resume(
    doc: ResumeText,
    *,
    taxonomy: Taxonomy | None = None,
    as_of: date | None = None,
    today: date | None = None,
) -> Resume:
    """Read a document's structure: sections, contact, positions, education, certifications.

    ``as_of`` is the date "Present" means; when left out, the file's own date
    (``doc.written``) where it is believable, else ``today`` (the clock when left out): see
    :func:`~matcher.parse.as_of.choose_as_of`.  Pass ``as_of`` for reproducible output.
    ``taxonomy`` names degrees, fields and certifications; without it they are reported as
    written.
    """
    chosen = choose_as_of(
        option=as_of,
        written=doc.written,
        today=today if today is not None else date.today(),
        lines=(_clean(line.text) for line in doc.lines),
    )
    when = chosen.day
    sections = _split_sections(doc)
    experience, warnings = _find_experience(sections, when)
    return Resume(
        file=doc.file,
        as_of=when,
        sections=sections,
        contact=_find_contact(sections, doc),
        experience=experience,
        education=tuple(_find_education(sections, taxonomy, when)),
        certifications=tuple(_find_certifications(sections, taxonomy, when)),
        warnings=tuple(warnings),
        as_of_source=chosen.source,
    )
