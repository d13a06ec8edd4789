"""Sections and their headings: which lines open a section, and its canonical name."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from matcher.document import Line, ResumeText
from matcher.parse.headers import _LOCATION_RE
from matcher.parse.result import Section
from matcher.parse.text import _ROLE_WORDS, _clean, _is_bullet, _strip_markdown

__all__ = ["DEFAULT_HEADING_MAX_WORDS", "DEFAULT_HEADING_SIZE_RATIO"]

DEFAULT_HEADING_MAX_WORDS = 5
"""A heading is short; longer lines are content even when they hold a heading word."""
DEFAULT_HEADING_SIZE_RATIO = 1.15
"""A line this much larger than the body's font size stands out as a heading."""


# Phrases that are headings whenever they stand alone on a short line.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "summary of qualifications",
        "qualifications summary",
        "profile",
        "professional profile",
        "career profile",
        "personal profile",
        "executive profile",
        "about me",
        "objective",
        "objectives",
        "career objective",
        "professional objective",
        "job objective",
        "overview",
        "professional overview",
        "career overview",
        "introduction",
        "personal statement",
        "summary statement",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "work history",
        "employment",
        "employment history",
        "career history",
        "relevant experience",
        "relevant work experience",
        "experience history",
        "professional background",
        "work background",
        "career experience",
        "positions held",
        "professional history",
        "industry experience",
        "internships",
        "internship experience",
        "research experience",
        "teaching experience",
        "employment experience",
        "military experience",
        "professional employment",
        "experience & employment",
        "work & experience",
        "job history",
        "employment record",
        "work record",
        "employment details",
        "professional career",
    ),
    "education": (
        "education",
        "academic background",
        "educational background",
        "education & training",
        "training & education",
        "academic qualifications",
        "educational qualifications",
        "academic history",
        "academics",
        "education history",
        "academic profile",
        "education & certifications",
        "education & certification",
        "education & qualifications",
        "qualifications & education",
        "relevant coursework",
        "coursework",
        "academic credentials",
        "education & credentials",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "skills & tools",
        "skills & technologies",
        "skills & expertise",
        "skills & abilities",
        "key skills",
        "core skills",
        "skill set",
        "skillset",
        "skills summary",
        "summary of skills",
        "areas of expertise",
        "technical expertise",
        "tools & technologies",
        "technologies & tools",
        "technical proficiencies",
        "technical proficiency",
        "tech stack",
        "technology stack",
        "core qualifications",
        "qualifications",
        "highlights",
        "skill highlights",
        "professional skills",
        "computer skills",
        "it skills",
        "software skills",
        "technical competencies",
        "key competencies",
        "proficiencies",
        "programming languages",
        "additional skills",
        "relevant skills",
    ),
    "projects": (
        "projects",
        "personal projects",
        "key projects",
        "academic projects",
        "selected projects",
        "side projects",
        "project experience",
        "research projects",
        "open source",
        "open-source",
        "open source contributions",
        "notable projects",
        "project highlights",
        "major projects",
        "technical projects",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certificates",
        "licenses & certifications",
        "licences & certifications",
        "certifications & licenses",
        "certifications & licences",
        "certifications & training",
        "training & certifications",
        "professional certifications",
        "accreditations",
        "courses & certifications",
        "certifications & courses",
    ),
    "publications": (
        "publications",
        "selected publications",
        "conference papers",
        "publications & presentations",
        "research publications",
        "research & publications",
        "publications & patents",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "awards & honors",
        "awards & honours",
        "honors & awards",
        "honours & awards",
        "accomplishments",
        "achievements",
        "key achievements",
        "scholarships",
        "awards & recognition",
        "key accomplishments",
        "notable achievements",
        "awards & achievements",
    ),
    "profile": (
        "personal information",
        "personal details",
        "contact information",
        "contact details",
        "contact info",
        "personal data",
        "personal info",
    ),
    "other": (
        "interests",
        "hobbies",
        "hobbies & interests",
        "interests & hobbies",
        "personal interests",
        "languages",
        "language skills",
        "volunteer",
        "volunteering",
        "volunteer experience",
        "volunteer work",
        "community service",
        "community involvement",
        "references",
        "extracurricular activities",
        "extra-curricular activities",
        "extracurricular activity",  # Awesome-CV's example resume
        "extra-curricular activity",
        "extracurriculars",
        "affiliations",
        "memberships",
        "professional affiliations",
        "professional memberships",
        "additional information",
        "professional development",
        "miscellaneous",
    ),
}
# Words that are headings only when the layout marks them as one (caps, bold, larger, a
# trailing colon, Markdown): alone on a plain line they are as likely an item of a list
# ("Leadership", "Training", "Tools").
_WEAK_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": ("about", "bio"),
    "experience": ("work", "career", "internship"),
    "skills": ("expertise", "tools", "technologies", "strengths", "abilities"),
    "projects": ("portfolio",),
    "certifications": ("licenses", "licences", "credentials", "certificate", "training"),
    "publications": ("papers", "presentations", "patents", "talks", "research"),
    "awards": ("recognition",),
    "profile": ("contact",),
    "other": ("activities", "leadership", "courses", "additional", "links", "social"),
}
# Words that name a section inside a longer styled heading ("RELEVANT WORK EXPERIENCE"),
# most specific first: "Volunteer Experience" is not work, "Education & Certifications" is
# education.
_HEADING_KEYWORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"\bvolunteer", "other"),
        (r"\b(?:personal (?:information|details)|contact)\b", "profile"),
        (r"\b(?:education|academic|coursework)", "education"),
        (r"\b(?:certif|licen[cs]e)", "certifications"),
        (r"\b(?:publication|patent)", "publications"),
        (r"\b(?:awards?|honou?rs|achievements?|accomplishments?|scholarships?)\b", "awards"),
        (r"\b(?:experience|employment|work history|career history|internships?)\b", "experience"),
        (r"\b(?:projects|project experience|portfolio)\b", "projects"),
        (r"\b(?:skills?|competenc|expertise|proficienc|technologies|tools)", "skills"),
        (r"\b(?:summary|profile|objective|overview)\b", "summary"),
        (r"\b(?:interests|hobbies|languages|references|activit(?:y|ies)|affiliations)\b", "other"),
    )
)


_AMPERSAND_RE = re.compile(r"\s*&\s*")


def _norm_phrase(text: str) -> str:
    text = text.lower().replace(" and ", " & ").replace("&amp;", "&")
    if "&" in text:
        text = _AMPERSAND_RE.sub(" & ", text)
    return " ".join(text.split())


_PHRASES = {_norm_phrase(p): name for name, phrases in _HEADINGS.items() for p in phrases}
_WEAK_PHRASES = {_norm_phrase(p): name for name, phrases in _WEAK_HEADINGS.items() for p in phrases}
_HEADING_WORDS = frozenset(
    word for phrase in (*_PHRASES, *_WEAK_PHRASES) for word in phrase.split()
)

_SENTENCE_PUNCT_RE = re.compile(r"[.?!;]\s|[.?!;]$|\.\w|@|https?:|\d{3}")
_INLINE_RE = re.compile(r"^(?P<head>[A-Za-z][A-Za-z &/'-]{1,40}?)\s*[:：]\s*(?P<rest>\S.*)$")


@dataclass(frozen=True)
class _Heading:
    name: str
    heading: str
    rest: str | None = None
    """Content on the heading's own line ("Skills: Python, SQL")."""


def _phrase_name(phrase: str, *, styled: bool) -> str | None:
    """The section a heading phrase names, trying "Awards, Honors" part by part."""
    key = _norm_phrase(phrase)
    if key in _PHRASES:
        return _PHRASES[key]
    if styled and key in _WEAK_PHRASES:
        return _WEAK_PHRASES[key]
    parts = [part for part in re.split(r"\s*(?:,|&|/|\|)\s*", key) if part]
    if len(parts) > 1:
        names = [
            _PHRASES.get(part) or (_WEAK_PHRASES.get(part) if styled else None) for part in parts
        ]
        if all(names):
            return names[0]
    return None


def _heading_of(line: Line, body_size: float) -> _Heading | None:
    """The section this line opens, or None when it is content."""
    raw = _clean(line.text)
    unmarked = _strip_markdown(raw)
    markdown = unmarked != raw  # a match is never empty
    text = unmarked.strip().strip("*_").strip()
    if not text or (_is_bullet(raw) and not markdown):
        return None
    # Most lines hold no colon: a substring test is cheaper than the match.
    inline = _INLINE_RE.match(text) if ":" in text or "：" in text else None
    if inline:
        head = inline.group("head").strip()
        name = _PHRASES.get(_norm_phrase(head))
        if name is not None and len(head.split()) <= DEFAULT_HEADING_MAX_WORDS:
            return _Heading(name, head, inline.group("rest").strip().strip("*_").strip())
    colon = text.endswith((":", "："))
    text = text.rstrip(":：").strip().strip("*_").strip()
    words = text.split()
    if not words or len(words) > DEFAULT_HEADING_MAX_WORDS or _SENTENCE_PUNCT_RE.search(text):
        return None
    letters = [c for c in text if c.isalpha()]
    caps = len(letters) > 1 and all(c.isupper() for c in letters)
    larger = body_size > 0 and line.size >= body_size * DEFAULT_HEADING_SIZE_RATIO
    styled = markdown or colon or caps or line.bold or larger
    name = _phrase_name(text, styled=styled)
    if name is not None:
        return _Heading(name, text)
    if not styled:
        return None
    lowered = text.lower()
    if any(word.strip(".,") in _ROLE_WORDS for word in lowered.split()):
        return None  # "EDUCATION COORDINATOR" is a job title, not the education section
    if "," in text and _LOCATION_RE.search(text):
        return None  # "Contoso Technologies Pune, Maharashtra": an employer and its place
    named = {name for pattern, name in _HEADING_KEYWORDS if pattern.search(lowered)}
    if len(named) != 1:
        return None  # none, or "Area | Skills and tools | Experience": a table's header row
    return _Heading(named.pop(), text)


def _body_size(lines: Sequence[Line]) -> float:
    sizes = [line.size for line in lines if line.size > 0]
    return statistics.median(sizes) if sizes else 0.0


_LABEL_RE = re.compile(r"^\W{0,3}(?P<label>[A-Za-z][\w &/+().-]{0,30}?)\s*[:：]\W{0,2}\s+\S")


def _is_label_line(line: Line | None) -> bool:
    """A "Label: content" line whose label is not a heading ("Modelling: scikit-learn")."""
    if line is None:
        return False
    match = _LABEL_RE.match(_clean(line.text))
    return match is not None and _norm_phrase(match.group("label")) not in _PHRASES


def _split_sections(doc: ResumeText) -> tuple[Section, ...]:
    body = _body_size(doc.lines)
    sections: list[Section] = []
    name, heading, lines = "profile", "", list[Line]()
    for number, line in enumerate(doc.lines):
        found = _heading_of(line, body)
        if found is not None and found.rest is not None:
            # "Languages: Python, R" among "Modelling: …", "Data: …" is an item of a list
            # of labelled lines, not a new section.
            before = doc.lines[number - 1] if number else None
            after = doc.lines[number + 1] if number + 1 < len(doc.lines) else None
            if _is_label_line(before) or _is_label_line(after):
                found = None
        if found is None:
            lines.append(line)
            continue
        if lines or heading:
            sections.append(Section(name, heading, tuple(lines)))
        name, heading, lines = found.name, found.heading, []
        if found.rest:
            lines.append(replace(line, text=found.rest))
    if lines or heading:
        sections.append(Section(name, heading, tuple(lines)))
    return tuple(sections)
