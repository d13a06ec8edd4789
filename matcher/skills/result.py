"""What the skills stage returns (:class:`SkillMatch`, each with its :class:`Evidence`),
and what it reads and finds on the way (:class:`TextLine`, :class:`Mention`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TextLine:
    """A line to search, with where it stands in the resume."""

    text: str
    section: str = "other"
    """The canonical section the line belongs to (``experience``, ``skills``, ...)."""
    position: int | None = None
    """Index of the dated position whose block holds the line, if any."""
    continues: bool = False
    """True when the next line carries on this one's sentence (the line wrapped there), so a
    phrase may run across the break: "Support" / "Vector Machine" is one mention."""
    ocr: bool = False
    """The line was read by OCR (see :attr:`matcher.document.Line.ocr`)."""


@dataclass(frozen=True)
class Evidence:
    section: str
    text: str
    """The line as read, whitespace-normalised (a phrase wrapped onto the next line: both
    lines, joined by a space)."""
    line: int
    """Index of the (first) line in the searched text (reading order)."""
    ocr: bool = False
    """The line was read by OCR from an image of the page: its words may be misread."""

    def to_dict(self) -> dict[str, Any]:
        if self.ocr:  # only then: the JSON of a resume with a text layer stays as it was
            return {"section": self.section, "text": self.text, "ocr": True}
        return {"section": self.section, "text": self.text}


@dataclass(frozen=True)
class Mention:
    """One accepted occurrence of a skill."""

    skill_id: str
    line: int
    surface: str
    """The text that matched, as written."""
    start: int
    """Character offset of the match within its line."""
    end_line: int | None = None
    """The line a wrapped phrase ends on, when it runs past its own line."""


@dataclass(frozen=True)
class SkillMatch:
    """A skill the resume shows, and the proof."""

    id: str
    name: str
    category: str
    mentions: int
    """How many times the skill is mentioned (derived skills: mentions of their tools)."""
    evidence: tuple[Evidence, ...]
    """Every line it occurs on, in reading order."""
    years: float | None = None
    """Years of use, from the dated positions that mention it or an explicit statement."""
    last_used: int | None = None
    """The last year a dated position mentioning it ran to."""
    derived: bool = False
    """True when the resume never names the skill but names tools that evidence it."""
    via: tuple[str, ...] = field(default=())
    """Ids of the tools that evidence this skill."""
    surfaces: tuple[str, ...] = field(default=())
    """The distinct ways the resume writes it ("PyTorch", "pytorch"); none when derived."""

    def to_dict(self, *, max_evidence: int | None = None) -> dict[str, Any]:
        evidence = self.evidence if max_evidence is None else self.evidence[:max_evidence]
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "mentions": self.mentions,
            "years": self.years,
            "last_used": self.last_used,
            "derived": self.derived,
            "via": list(self.via),
            "written_as": list(self.surfaces),
            "evidence": [e.to_dict() for e in evidence],
        }
