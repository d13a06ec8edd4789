"""What the parse stage returns: a resume's sections, contact, positions, education and
certifications, as frozen dataclasses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from matcher.document import Line
from matcher.parse.as_of import AsOfSource
from matcher.parse.periods import Period

__all__ = [
    "SECTION_NAMES",
    "CertificationMatch",
    "Contact",
    "Education",
    "Experience",
    "ExperienceBasis",
    "Position",
    "Resume",
    "Section",
]

SECTION_NAMES = (
    "profile",
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "certifications",
    "publications",
    "awards",
    "other",
)
"""The canonical section names, in the order PRODUCT.md lists them."""


ExperienceBasis = Literal["dates", "statement", "none"]


@dataclass(frozen=True)
class Section:
    """A run of lines under one heading, in reading order."""

    name: str
    """Canonical name, one of :data:`SECTION_NAMES`."""
    heading: str
    """The heading as read (empty for the profile: the lines before the first heading)."""
    lines: tuple[Line, ...]
    """The body, without the heading line (a heading with inline content, "Skills: Python",
    keeps that content as its first line)."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "heading": self.heading, "text": self.text}


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "links": list(self.links),
        }


@dataclass(frozen=True)
class Position:
    """One job: what it was, where, when, and the lines that describe it."""

    title: str | None
    organization: str | None
    period: Period
    section: str
    """The section it was found in (``experience`` unless it was found elsewhere)."""
    lines: tuple[Line, ...]
    """Every line of the position's block: its header lines and its description, so later
    stages can tell which skills were used in which job."""

    @property
    def start(self) -> str:
        return str(self.period.start)

    @property
    def end(self) -> str:
        return "present" if self.period.open_ended else str(self.period.end)

    @property
    def years(self) -> float:
        return self.period.years

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organization": self.organization,
            "start": self.start,
            "end": self.end,
            "years": self.years,
        }


@dataclass(frozen=True)
class Experience:
    total_years: float | None
    """Years of work, overlapping positions counted once; None when the resume gives no
    dated position and no statement such as "6 years of experience"."""
    positions: tuple[Position, ...]
    basis: ExperienceBasis
    """Where ``total_years`` comes from: the date ranges of the work sections, an explicit
    statement, or nothing."""
    statement: str | None = None
    """The statement used when ``basis`` is ``"statement"``."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "total_years": self.total_years,
            "positions": [position.to_dict() for position in self.positions],
            "basis": self.basis,
        }


@dataclass(frozen=True)
class Education:
    degree: str | None
    """The taxonomy's name for the degree level when a taxonomy is given and knows it, the
    degree as written otherwise."""
    field: str | None
    institution: str | None
    year: int | None
    """The year it ended (or is expected to end)."""
    level: str | None = None
    """The taxonomy's degree-level id, when matched."""
    field_id: str | None = None
    """The taxonomy's degree-field id, when matched (``field`` is then its name)."""
    lines: tuple[Line, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "degree": self.degree,
            "field": self.field,
            "institution": self.institution,
            "year": self.year,
            "level": self.level,
            "field_id": self.field_id,
        }


@dataclass(frozen=True)
class CertificationMatch:
    id: str | None
    """The taxonomy's id; None for a certification the taxonomy does not know."""
    name: str
    """The taxonomy's name, or the certification as written."""
    text: str
    """The line it was found on."""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class Resume:
    file: str
    as_of: date
    """The date "Present" was read as."""
    sections: tuple[Section, ...]
    contact: Contact
    experience: Experience
    education: tuple[Education, ...]
    certifications: tuple[CertificationMatch, ...]
    warnings: tuple[str, ...] = field(default=())
    as_of_source: AsOfSource = "option"
    """Where :attr:`as_of` came from: the caller, the file's own date, or the clock."""

    def sections_named(self, name: str) -> tuple[Section, ...]:
        return tuple(section for section in self.sections if section.name == name)

    def section_text(self, name: str) -> str:
        """The bodies of every section with this canonical name, one after the other."""
        return "\n".join(section.text for section in self.sections_named(name))

    def experience_text(self) -> str:
        """The text that describes work: experience sections, or the position blocks found
        elsewhere when there is no experience heading."""
        if self.sections_named("experience"):
            return self.section_text("experience")
        return "\n".join(position.text for position in self.experience.positions)

    def iter_lines(self) -> Iterator[tuple[Section, Line]]:
        """Every line with the section it belongs to, in reading order."""
        for section in self.sections:
            for line in section.lines:
                yield section, line

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "as_of": self.as_of.strftime("%Y-%m"),
            "as_of_source": self.as_of_source,
            "candidate": self.contact.to_dict(),
            "experience": self.experience.to_dict(),
            "education": [item.to_dict() for item in self.education],
            "certifications": [item.to_dict() for item in self.certifications],
            "sections": [section.to_dict() for section in self.sections],
            "warnings": list(self.warnings),
        }
