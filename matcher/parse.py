"""The parse stage: a document's lines become sections, contact details, positions,
education, certifications and years of experience.

Everything here is a rule over words and layout, no model: resumes are written in a few
dozen recurring shapes, and a rule that fails can be read and fixed.  Each rule says why it
is there.  :func:`parse_resume` is the entry point; it never reads the clock unless the caller
leaves ``as_of`` out.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any, Literal, NamedTuple

from matcher.dates import (
    DASHES,
    PRESENT,
    AsOfSource,
    Period,
    RejectedRange,
    choose_as_of,
    find_periods,
    find_stated_years,
    locate_periods,
    total_years,
)
from matcher.document import Line, ResumeText, fold_case
from skills_taxonomy.model import Taxonomy

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

DEFAULT_HEADING_MAX_WORDS = 5
"""A heading is short; longer lines are content even when they hold a heading word."""
DEFAULT_HEADING_SIZE_RATIO = 1.15
"""A line this much larger than the body's font size stands out as a heading."""
DEFAULT_HEADER_MAX_WORDS = 12
"""Lines naming a title or an organisation are short; longer ones are descriptions."""

ExperienceBasis = Literal["dates", "statement", "none"]


# --- the result ---------------------------------------------------------------------------


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


# --- shared text helpers ------------------------------------------------------------------

_BULLET_RE = re.compile(
    r"^\s*(?:[•●▪◦‣∙·*\-–—➢➤►▸✓✔❖♦■□○»>]+\s*|o\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)"
)
_MARKDOWN_RE = re.compile(r"^\s*#{1,6}\s*|\*\*|__")
# Fullwidth punctuation read through the wrong code page, as PDFs exported from some resume
# sites carry it: "ï¼Œ" is U+FF0C (comma); "ï¼" followed by an invisible character is
# U+FF0D (hyphen), used both as a range dash ("11/2015 ï¼ 12/2015") and between employer
# and place.  Zero-width characters split words invisibly.
_MOJIBAKE = (
    ("ï¼Œ", ", "),
    ("ï¼\u200b", " – "),
    ("ï¼", " – "),
    ("，", ", "),
    ("－", " – "),
    ("\u200b", ""),
)


# Each line is cleaned about five times on its way through the stage (headings, dates,
# headers, certifications); the answer depends only on the text.
@lru_cache(maxsize=8192)
def _clean(text: str) -> str:
    if not text.isascii():  # every mojibake sequence holds a character beyond ASCII
        for bad, good in _MOJIBAKE:
            text = text.replace(bad, good)
    return " ".join(text.split())


def _strip_markdown(text: str) -> str:
    """``text`` without Markdown's heading marks and emphasis."""
    # Every match of _MARKDOWN_RE holds one of these marks, and most lines none: three
    # substring tests are far cheaper than the substitution (and, written out, than any()
    # over a tuple of them, on some hundred lines per resume).
    if "#" not in text and "**" not in text and "__" not in text:
        return text
    return _MARKDOWN_RE.sub("", text)


def _is_bullet(text: str) -> bool:
    return bool(_BULLET_RE.match(text)) and not text.lstrip().startswith("**")


def _strip_bullet(text: str) -> str:
    if text.lstrip().startswith("**"):
        return text.strip()
    return _BULLET_RE.sub("", text, count=1).strip()


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one string (long vocabularies read better that way)."""
    return frozenset(text.split())


# Nouns that make a line a job title rather than a name, a heading or an organisation.
_ROLE_WORDS = _wordset(
    """
    engineer engineers developer developers scientist scientists analyst analysts manager managers
    director directors lead leader head intern internship consultant architect specialist officer
    assistant associate coordinator administrator admin accountant chef cook teacher tutor lecturer
    professor instructor designer researcher vp president founder co-founder cofounder owner
    technician representative rep supervisor clerk nurse advisor adviser executive programmer
    partner principal fellow trainee apprentice student editor writer producer agent cashier
    auditor controller bookkeeper attorney lawyer paralegal counsel physician therapist pharmacist
    operator mechanic driver pilot officer secretary receptionist recruiter strategist planner
    buyer merchandiser banker underwriter teller trader broker examiner inspector estimator
    electrician carpenter technologist scientist statistician economist translator volunteer
    chair chairman ceo cto cfo coo cio cdo svp evp avp staff sr sr. jr jr. senior junior
    worker workers laborer mentor coach trainer guard server bartender host hostess
    """
)
_ORG_WORDS = _wordset(
    """
    inc inc. corp corp. corporation llc llp ltd ltd. limited company co co. gmbh ag plc sa
    university college institute school academy labs lab laboratory laboratories technologies
    technology solutions group bank hospital clinic agency foundation partners consulting services
    systems software holdings industries international enterprises ventures studio studios
    associates firm council department ministry government org organization organisation
    """
)


# --- sections -----------------------------------------------------------------------------

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


# --- contact ------------------------------------------------------------------------------

_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s,;|<>()\[\]]+", re.IGNORECASE)
_PROFILE_HOSTS = (
    "linkedin.com",
    "github.com",
    "gitlab.com",
    "kaggle.com",
    "medium.com",
    "stackoverflow.com",
    "huggingface.co",
    "scholar.google.com",
    "twitter.com",
    "x.com",
    "behance.net",
    "dribbble.com",
)
_PROFILE_LINK_RE = re.compile(
    r"(?<![\w.@/])(?:[\w-]+\.)?(?:"
    + "|".join(re.escape(host) for host in _PROFILE_HOSTS)
    + r")/[^\s,;|<>()\[\]]*",
    re.IGNORECASE,
)
# What a text folded by fold_case holds wherever _URL_RE or _PROFILE_LINK_RE matches: a text
# without any of these is not searched (the patterns retry at every character).
_URL_STARTS = ("http", "www.")
_PROFILE_LINK_HOSTS = tuple(f"{host}/" for host in _PROFILE_HOSTS)


_SITE_RE = re.compile(
    r"(?<![\w.@/-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|io|dev|ai|me|org|co|app|tech|site"
    r"|page|info|xyz)(?:/[^\s,;|<>()]*)?(?![\w@.-])",
)
_NAME_LABEL_RE = re.compile(r"^\W*(?:full\s+)?name\W*[:：]\W*(?P<name>.+)$", re.IGNORECASE)
_NAME_PARTICLES = _wordset("van von de da del der di le la bin al el du dos das ter ten")
_NOT_NAME_WORDS = _wordset(
    "resume résumé curriculum vitae cv page street road avenue suite email phone address"
    " mobile contact details information personal profile regards sincerely thanks dear"
    " candidate the and of in for at to with on from by"
)
# Job portals' profile exports put a badge right after the name, often with no space:
# "PRIYA NANDAKUMARFeatured Resume".
_BADGE_RE = re.compile(
    r"\s*(?:featured|premium|verified)\s*(?:resume|cv|profile)\s*$", re.IGNORECASE
)
# "Dr. Asha Menon": the honorific is no part of the name ("Er." is India's for engineers).
_HONORIFIC_RE = re.compile(
    r"^(?:(?:dr|mr|mrs|ms|miss|mx|prof)\.?|er\.)\s+(?=\S+\s+\S)", re.IGNORECASE
)
_NAME_SUFFIXES = _wordset("jr jr. sr sr. ii iii iv")
# What follows a name and is no part of it: pronouns, degrees and credentials written
# without a comma ("Jane Doe (she/her)", "Jane Doe MBA, PMP"); not the two-letter ones, which
# are surnames too (Ma, Pe).
_AFTER_NAME_RE = re.compile(
    r"\s*\(?\b(?:she|he|they)\s*/\s*(?:her|hers|him|his|them|theirs)\b\)?"
    r"|(?:\s+(?:ph\.?\s?d|mba|cpa|pmp|cfa|msc|bsc|mtech|btech|esq)\.?,?)+$",
    re.IGNORECASE,
)
# "Resume of Jane Doe", "JANE DOE – CURRICULUM VITAE", "Jane Doe's Resume".
_DOCUMENT_WORDS_RE = re.compile(
    r"^(?:resume|résumé|cv|curriculum\s+vitae)(?:\s+of)?(?:\s*[:–—-])?\s+"
    r"|(?:['’]s)?\s+(?:resume|résumé|cv)$",
    re.IGNORECASE,
)
_DOCUMENT_RE = re.compile(r"resume|résumé|cv|curriculum\s+vitae|bio-?\s?data", re.IGNORECASE)
# Where a name shares its line with something else: a separator, or an icon glyph (fonts of
# icons come out as stray symbols: "Alfred Pennyworth # alfred@…") or an email address.
_NAME_FIELD_RE = re.compile(r"\s+[|•·]\s+|\s*[|•·]\s*|,\s|\s[-–—]\s")
_NAME_BEFORE_RE = re.compile(r"^(?P<name>\S+(?:\s+\S+){1,4}?)\s+(?:[^\w\s\"“‘'(]|\(?\+?\d|\S+@)")
_INITIALS_RE = re.compile(r"[A-Z](?:\.[A-Z])+")
_NICKNAME_RE = re.compile(r"[\"“‘'(][A-Z][\w'’-]*[\"”’')]")
# The first lines of a job portal's profile export ("Current Designation: …"): there the
# first line is the candidate's name though the portal hides every contact detail.
_PROFILE_FIELD_RE = re.compile(
    r"^\W*(?:current\s+(?:designation|company|location|employer|ctc)|pref(?:erred|\.)?\s+location"
    r"|functional\s+area|total\s+experience|marital\s+status|date\s+of\s+birth|notice\s+period"
    r"|highest\s+degree)\s*[:：]",
    re.IGNORECASE,
)
DEFAULT_PROFILE_FIELDS = 2
"""Labelled profile fields among the first lines that mark a job portal's profile export."""
DEFAULT_NAME_LINES = 8
"""How many of a resume's first lines may hold the candidate's name."""
DEFAULT_NAME_SIZE_RATIO = 1.3
"""A line this many times the body's font size, the largest at the top, is set as a name."""
DEFAULT_NAME_TOP = 200.0
"""How far from the first page's top (points) a name set large may stand."""
# What follows a city after a comma: a US state or Canadian province code, a country, a
# few states written out.
_PLACE_WORDS = _wordset(
    """
    al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj
    nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc ab bc mb nb nl ns nt nu on
    pe qc sk yt usa u.s.a us uk u.k india canada germany france australia singapore ireland
    netherlands spain italy china japan brazil mexico israel uae switzerland sweden poland
    korea california texas washington
    """
)


def _is_place(text: str) -> bool:
    """A place ("Silicon Valley, CA, USA", "Pune, India"), which has the shape of a name."""
    fields = [field.strip(" .").lower() for field in text.split(",")]
    return len(fields) > 1 and fields[1] in _PLACE_WORDS


def _name_words(text: str, spelled: str) -> str | None:
    """``text`` as a person's name (2–5 capitalised words), or None."""
    text = _HONORIFIC_RE.sub("", text.strip(" *_:,"))
    if not text or re.search(r"[\d@/\\]", text):
        return None
    words = text.split()
    if not 2 <= len(words) <= 6:
        return None
    spells_all = bool(spelled) and all(
        word.strip(".").lower() in spelled for word in words if not _NICKNAME_RE.fullmatch(word)
    )
    capitalised = 0
    for word in words:
        bare = word.strip(".")
        lowered = bare.lower()
        if lowered in _NOT_NAME_WORDS:
            return None
        if _NICKNAME_RE.fullmatch(word) or lowered in _NAME_PARTICLES:
            continue  # Litong “Leighton” Dong
        if lowered in _NAME_SUFFIXES and capitalised >= 2:
            continue
        if (lowered in _ROLE_WORDS or lowered in _HEADING_WORDS or lowered in _ORG_WORDS) and (
            not spells_all
        ):
            return None
        if not bare or not bare[0].isupper() or not all(c.isalpha() or c in "'’-." for c in bare):
            return None
        if "." in bare and not _INITIALS_RE.fullmatch(bare):
            return None  # "Hergertarian.com", while "A.J." is two initials
        capitalised += 1
    if not 2 <= capitalised <= 5 or _phrase_name(text, styled=True) is not None:
        return None
    # "DANIEL OSEI" is a typographic choice; the name is Daniel Osei.
    return text.title() if text.isupper() else text


def _spelled(email: str | None, links: Iterable[str] = ()) -> str:
    """The letters of an email address's local part and of the handles in profile links and
    personal domains ("linkedin.com/in/jane-doe", "janedoe.dev"), which often spell the
    owner's name; apart by "|", so that no word is found across two of them."""
    handles = [email.split("@")[0]] if email else []
    for link in links:
        host, _, path = _link_key(link).partition("/")
        if host.endswith(_PROFILE_HOSTS):
            handles.append(path.removeprefix("in/").split("/")[0])
        else:
            handles.append(host.split(".")[0])
    return "|".join(re.sub(r"[^a-z]", "", handle.lower()) for handle in handles)


def _looks_like_name(text: str, email: str | None = None) -> str | None:
    """The name a line opens with (2–5 capitalised words), or None.

    Words that usually name a role or a section ("Edith Head") still make a name when the
    email address spells every word of it: edith.head@example.com.
    """
    return _name_in_line(text, _spelled(email))


def _name_in_line(text: str, spelled: str) -> str | None:
    """:func:`_looks_like_name`, with the letters that vouch for role words (``_spelled``)."""
    text = _strip_markdown(_clean(text))
    if _is_place(text):
        return None
    text = _AFTER_NAME_RE.sub("", text)
    fields = [_DOCUMENT_WORDS_RE.sub("", field) for field in _NAME_FIELD_RE.split(text)]
    # "CURRICULUM VITAE | JANE DOE": a field that only names the document is skipped.
    first = next((field for field in fields if not _DOCUMENT_RE.fullmatch(field.strip())), "")
    name = _name_words(first, spelled)
    before = _NAME_BEFORE_RE.match(first) if name is None else None
    if before is not None and not before.group("name").endswith(":"):  # "Celular: 993…"
        name = _name_words(before.group("name"), spelled)
    return name


def _spelled_words(name: str, spelled: str) -> int:
    """How many words of ``name`` (three letters or more) ``spelled`` holds."""
    words = (word.strip(".").lower() for word in name.split())
    return sum(len(word) >= 3 and word.isalpha() and word in spelled for word in words)


def _find_name(
    head: Sequence[Line], spelled: str, *, has_contact: bool, doc: ResumeText
) -> str | None:
    """The candidate's name among the first lines of a resume (``head``).

    A name-shaped line is taken only where something vouches for it: contact details on the
    resume (anonymised resumes open with a job title of the same shape, in the body's size),
    a size well above the body's, a portal's badge glued to it, or a portal's profile fields
    below it.  Among several, the one the email and links spell (``spelled``) wins, then the
    one set largest, then the first.
    """
    body = _body_size(doc.lines)
    if has_contact:
        profile_export = False  # the contact details vouch for every line
    else:
        fields = sum(_PROFILE_FIELD_RE.match(line.text) is not None for line in doc.lines[:30])
        profile_export = fields >= DEFAULT_PROFILE_FIELDS
    # A sidebar read first puts the name far from the first lines: the text set largest at
    # the top of the first page is a candidate wherever it stands in reading order.
    first_page = [line for line in doc.lines if line.page == 0 and line.size > 0]
    if first_page and body > 0:
        top = max(line.size for line in first_page)
        head = [
            *head,
            *(
                line
                for line in first_page
                if line.size >= top
                and line.size >= body * DEFAULT_NAME_SIZE_RATIO
                and line.top <= DEFAULT_NAME_TOP
                and line not in head
            ),
        ]
    sizes = [line.size for line in head if line.size > 0]
    largest = max(sizes) if sizes else 0.0
    best: tuple[tuple[int, bool, bool, int], str] | None = None
    for order, line in enumerate(head):
        text = _clean(line.text)
        badge = _BADGE_RE.search(text)
        if badge is not None:
            text = text[: badge.start()]
        set_largest = largest > 0 and line.size >= largest
        styled = set_largest and body > 0 and line.size >= body * DEFAULT_NAME_SIZE_RATIO
        if not (has_contact or styled or badge or (profile_export and order <= 1)):
            continue
        name = _name_in_line(text, spelled)
        if name is None:
            continue
        key = (_spelled_words(name, spelled), badge is not None, set_largest, -order)
        if best is None or key > best[0]:
            best = (key, name)
    return best[1] if best else None


def _find_email(text: str) -> re.Match[str] | None:
    """The first email address in ``text``."""
    at = text.find("@")
    if at < 0:
        return None
    # An address holds an "@" and no line break: the first one starts on the line of the
    # first "@" or later, and the pattern looks at nothing before its match.
    return _EMAIL_RE.search(text, text.rfind("\n", 0, at) + 1)


_PHONE_RE = re.compile(
    # Not inside a word, a URL, a DOI or a version ("10.17148/…", "v2.0.1").
    r"(?<![\w+/.])"
    # A country code: "+91", "+ 1", "(+91)".
    r"(?:(?P<cc>\+\s?\d{1,3}|\(\s?\+\s?\d{1,3}\s?\))[\s.·-]{0,3})?"
    # An area code in brackets only at the start, then groups of digits apart by spaces,
    # dashes, dots or middle dots ("(415) · 497 · 7282").
    r"(?P<number>(?:\(\d{1,5}\)|\d{1,12})(?:(?:[\s.·–-]{1,3}|(?<=\)))\d{1,10}){0,6})"
    r"(?![\w/@]|\.\w)"
)
_PHONE_HINT_RE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|mob|cell|ph|contact|whatsapp|celular|m[oó]vil"
    r"|tel[eé]fono|telefone|t[eé]l[eé]phone|handy)\b",
    re.IGNORECASE,
)
# A year as the first group of a number: a date ("2013-11-20"), a range ("2014 - 2018"), a
# citation ("(2005) 570-574") or a DOI's tail ("2018.0709037"), never a telephone.
_PHONE_YEAR_RE = re.compile(r"19[5-9]\d|20\d\d")
# A day, a month and a year: "10.12.2019" is a date wherever it stands in a number.
_PHONE_DATE_RE = re.compile(r"(?<!\d)\d{1,2}[.-]\d{1,2}[.-](?:19|20)\d\d(?!\d)")
# A line citing a publication holds numbers of its own ("ISBN 978-0-13-468599-1").
_DOI_RE = re.compile(r"\b(?:doi|isbn|issn)\b|\b10\.\d{4,}/", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+")
# Seven digits and the separators and brackets between them: every line holding a telephone
# number holds such a run, and most lines with digits (a date or two) do not.
_PHONE_CORE_RE = re.compile(r"\d[\d\s.·–()+-]{5,}\d")


def _drop_neighbours(number: str, groups: list[re.Match[str]]) -> tuple[int, int]:
    """Where the telephone number stands in a run of digit groups (no country code) longer
    than one: a ZIP or PIN code before it ("CA 94105 415-555-0100", "91510 8183362640") or a
    stray number after a North American one ("(919) 489-1116 60") is no part of it."""
    start, end = 0, len(number)
    lengths = [len(group.group(0)) for group in groups]
    if sum(lengths) <= 10:
        return start, end
    for first in range(len(groups) - 2):
        if lengths[first : first + 3] == [3, 3, 4]:
            start = groups[first].start()
            if first and number[groups[first - 1].start() : start].strip(" -.(") == "1":
                start = groups[first - 1].start()  # the country code 1 written without "+"
            if number[start - 1 : start] == "(":
                start -= 1
            return start, groups[first + 2].end()
    if lengths[0] in (5, 6) and sum(lengths[1:]) >= 10:
        return groups[1].start(), end
    return start, end


def _phone_at(line: str, *, header: bool) -> str | None:
    """The first telephone number on ``line``, or None.  At the top of a resume (``header``)
    a run of ten digits or more, or a line holding only a number, is one."""
    hinted: bool | None = None  # searched for once a number is there to judge
    doi = False
    pos = 0
    while (match := _PHONE_RE.search(line, pos)) is not None:
        if hinted is None:
            hinted = _PHONE_HINT_RE.search(line) is not None
            doi = _DOI_RE.search(line) is not None
        pos = match.end()
        number = match.group("number")
        groups = list(_DIGITS_RE.finditer(number))
        cc = match.group("cc")
        if not cc and not hinted and _PHONE_YEAR_RE.fullmatch(groups[0].group(0)):
            if len(groups) > 1:  # "2019 415-555-0132": the number may start at the next group
                pos = match.start("number") + groups[1].start()
            continue
        if all(_PHONE_YEAR_RE.fullmatch(group.group(0)) for group in groups):
            continue  # "2014 - 2019 2020"
        if (doi and not hinted) or (not cc and _PHONE_DATE_RE.search(number)):
            continue
        raw = match.group(0).strip()
        if not cc:
            start, end = _drop_neighbours(number, groups)
            raw = number[start:end].strip()
            groups = [group for group in groups if start <= group.start() < end]
        digits = sum(len(group.group(0)) for group in groups)
        if cc:
            digits += len(_DIGITS_RE.findall(cc)[0])
            valid = 7 <= digits <= 15
        elif hinted or (header and raw == line.strip(" :|•·-–")):
            valid = 7 <= digits <= 15
        elif len(groups) == 1:
            # A bare run of digits is a number of any kind, but at the top of a resume, beside
            # the email, it is the telephone ("9823022320").
            valid = header and 10 <= digits <= 13
        else:
            valid = 10 <= digits <= 15
        if valid:
            return raw
    return None


def _find_phone(text: str, *, header: bool = False) -> str | None:
    """The first telephone number in ``text``; ``header`` when the text is the top of a
    resume."""
    if _PHONE_CORE_RE.search(text) is None:
        return None
    for line in text.splitlines():
        if _PHONE_CORE_RE.search(line) is None:
            continue  # far cheaper than _PHONE_RE, which retries at every character
        phone = _phone_at(line, header=header)
        if phone is not None:
            return phone
    return None


def _find_links(text: str) -> list[str]:
    """URLs, profile links and bare personal domains, in reading order, each once."""
    found: list[tuple[int, str]] = []
    rest = text

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group(0))  # keep offsets, so links sort in reading order

    for pattern in (_URL_RE, _PROFILE_LINK_RE):
        found.extend((m.start(), m.group(0).rstrip(".,);:")) for m in pattern.finditer(rest))
        rest = pattern.sub(blank, rest)
    rest = _EMAIL_RE.sub(blank, rest)
    found.extend((m.start(), m.group(0).rstrip(".,);:")) for m in _SITE_RE.finditer(rest))
    links = [link for _, link in sorted(found)]
    seen: set[str] = set()
    unique = []
    for link in links:
        if _link_key(link) not in seen:
            seen.add(_link_key(link))
            unique.append(link)
    return unique


def _link_key(link: str) -> str:
    """The same link however written ("https://www.x.com/a/" and "x.com/a")."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", link.lower()).rstrip("/")


def _find_contact(sections: Sequence[Section], doc: ResumeText) -> Contact:
    profile_lines = [line for s in sections if s.name == "profile" for line in s.lines]
    head_lines = profile_lines or list(doc.lines[:3])
    name = None
    for line in [*profile_lines, *doc.lines[:10]]:
        labelled = _NAME_LABEL_RE.match(_strip_markdown(line.text))
        if labelled:
            name = _looks_like_name(labelled.group("name"))
            if name:
                break
    # Contact details sit at the top, but two-column layouts and footers ("Page 2 · phone")
    # put them anywhere: look in the profile first, then in the whole document.
    profile_text = "\n".join(line.text for line in profile_lines)
    text = doc.text  # joined anew on every access
    email_match = _find_email(profile_text) or _find_email(text)
    phone = _find_phone(profile_text, header=True) or _find_phone(text)
    if name is None:
        near = _find_links(profile_text)
        name = _find_name(
            head_lines[:DEFAULT_NAME_LINES],
            _spelled(email_match.group(0) if email_match else None, near),
            has_contact=bool(email_match or phone or near),
            doc=doc,
        )
    # Bare domains ("janedoe.dev") only count near the name; full URLs and profile links
    # count anywhere.
    folded = fold_case(text)
    profile_links = (
        _PROFILE_LINK_RE.findall(text) if any(h in folded for h in _PROFILE_LINK_HOSTS) else []
    )
    urls = _URL_RE.findall(text) if any(s in folded for s in _URL_STARTS) else []
    elsewhere = "\n".join(profile_links + urls)
    links = _find_links(profile_text + "\n" + elsewhere)
    return Contact(
        name=name,
        email=email_match.group(0) if email_match else None,
        phone=phone,
        links=tuple(links),
    )


# --- positions ----------------------------------------------------------------------------

_REGION_CODES = sorted(
    _wordset(
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ"
        " NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
        # Canadian provinces and territories
        " AB BC MB NB NL NS NT NU ON PE QC SK YT"
    )
)
_COUNTRIES = (
    "USA|U\\.S\\.A\\.|US|UK|U\\.K\\.|India|Canada|Germany|France|Australia|Singapore|Ireland"
    "|Netherlands|Spain|Italy|China|Japan|Brazil|Mexico|Israel|UAE|Switzerland|Sweden|Poland"
)
# Regions written out: the US states, and the Indian states and union territories.
_REGION_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    "|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    "|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    "|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta"
    "|Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana"
    "|Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya"
    "|Mizoram|Nagaland|Odisha|Orissa|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura"
    "|Uttar Pradesh|Uttarakhand|West Bengal|Delhi|NCR|Chandigarh|Puducherry|Jammu and Kashmir"
    "|England|Scotland|Wales|Northern Ireland"
)
_LOCATION_RE = re.compile(
    r"(?:\b(?:[A-Z][\w.'-]*\s){0,2}[A-Z][\w.'-]*\s?,\s?"
    rf"(?:(?:{'|'.join(_REGION_CODES)}|State|{_REGION_NAMES})\b|(?:{_COUNTRIES})\b)"
    rf"(?:\s?,\s?(?:{_COUNTRIES})\b)?"
    r"|\b(?:Remote|Hybrid|On-?site)\b)"
)
_LOCATION_MARKS = (",", "Remote", "Hybrid", "On")
"""Every match of _LOCATION_RE holds one of these."""
# Separators between a title and an employer; commas only when there is none of these,
# because titles hold commas too ("AI Engineer, LLM Applications — Relecloud").
_FIELD_SPLIT_RE = re.compile(
    r"\s+[|•·▪–—-]\s+|\s*[|•·▪]\s*|\s+at\s+|\s+@\s+|\s+[–—]\s*|\s*[–—]\s+|\t|:\s+"
)
_COMMA_SPLIT_RE = re.compile(r"\s*[,;]\s+")
# Words a prose line puts between a title and its dates ("Served as X from 2017 to 2022").
_TRAILING_PREPOSITION_RE = re.compile(
    # "in" only in lower case: "IN" ends "Indianapolis, IN".
    r"(?:[\s,:(]*\b(?:from|for|during|between|(?-i:in)|since|of|over|dated?|starting|started"
    r"|beginning|the\s+years?(?:\s+of)?|the\s+period(?:\s+of)?|the\s+duration(?:\s+of)?|year)\b)+"
    r"[\s,:(]*$",
    re.IGNORECASE,
)
# "Worked as a", "Served as an", "experience working one year as an": what precedes a title.
_AS_TITLE_RE = re.compile(r"\bas\s+(?:an?\s+|the\s+)?", re.IGNORECASE)
_DESCRIPTION_START_RE = re.compile(r"^\s*[:–—-]\s+\S")
_LETTER_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.&-]*")


@dataclass(frozen=True)
class _Anchor:
    """A date range in a work section that may carry a position."""

    index: int
    """The line it is on."""
    period: Period
    fields: tuple[str, ...]
    """Title/organisation candidates found beside the dates on the same line."""
    prose: bool
    """The dates sit inside a sentence ("… from 2019 to 2020") rather than a header."""
    alone: bool
    """The only range on its line (only then may its title be on the lines around it)."""


_LEADING_PREPOSITION_RE = re.compile(r"^(?:at|with|for)\s+(?=[A-Z])")
_ASIDE_RE = re.compile(r"\s*\((?:an?|the)\s[^)]*\)?")
"""A bracketed description, "(a leading retailer)", that is no part of a name."""


def _header_fields(text: str) -> list[str]:
    """The title/organisation candidates in a header text, locations removed."""
    employer_as = _employer_as_title(_clean(text))
    if employer_as is not None:
        return list(employer_as)
    # Anonymised exports (resume sites, the livecareer set) put the placeholder "Company
    # Name" straight after the title, with nothing between them.
    text = re.sub(r"\s*\bCompany Name\b\s*", " | Company Name | ", _clean(text))
    # "at Contoso Ltd (a three billion dollar group)": the line goes on from a sentence.
    text = _LEADING_PREPOSITION_RE.sub("", _ASIDE_RE.sub("", text))
    text = _drop_locations(_strip_markdown(text))
    fields = _split_fields(_FIELD_SPLIT_RE.split(text))
    if len(fields) == 1:
        fields = _split_fields(_COMMA_SPLIT_RE.split(fields[0]))
    return fields


_CITY_PREFIXES = _wordset(
    "san santa new los las st saint fort ft salt lake palo mountain redwood menlo long grand"
    " ann bay boca coral daly el la le des sioux cedar baton rio sao são kansas oklahoma jersey"
    " carson college park round sugar west east north south little virginia overland half"
)


def _drop_locations(text: str) -> str:
    """Text with "City, ST" locations replaced by a field break.

    The city part of the pattern can reach back into the employer ("Fabrikam Industrial
    Detroit, MI", where a two-column line lost the gap): a city is its last word and the words
    before it that begin city names ("San", "Palo", "New"); the rest is given back.  A school
    word among those ("College" of College Park) ends a school's name instead when the words
    before it name no school yet ("Bellows College Seattle, WA", but "University of Maryland
    College Park, MD").
    """

    def give_back(match: re.Match[str]) -> str:
        city = match.group(0).split(",")[0].split()
        if city[-1].lower().strip(".") in _ORG_WORDS or _INSTITUTION_RE.match(city[-1]):
            return " ".join(city) + " | "  # "Contoso University, Delhi": the place follows
        keep = len(city) - 1
        while keep > 0 and city[keep - 1].lower().strip(".") in _CITY_PREFIXES:
            if keep > 1 and _INSTITUTION_RE.match(city[keep - 1]):
                before = match.string[: match.start()] + " " + " ".join(city[: keep - 1])
                if not _INSTITUTION_RE.search(before):
                    break
            keep -= 1
        return " ".join(city[:keep]) + " | "

    if not any(mark in text for mark in _LOCATION_MARKS):
        return text  # the pattern retries at every capital; a substring test is cheaper
    return _LOCATION_RE.sub(give_back, text)


def _split_fields(parts: Iterable[str]) -> list[str]:
    fields = []
    for part in parts:
        part = _balance(part.strip(" -–—|,:;.[]*_\t"))
        if part and re.search(r"[A-Za-z]", part) and part.lower() not in {"and", "city", "state"}:
            fields.append(part)
    return fields


def _cut_description(text: str) -> str:
    """The header part of a text that may run on into a sentence."""
    return re.split(
        r"(?<=[a-z0-9)])[.:]\s+(?=[A-Z])|\s+[-–—]\s+(?=[A-Z][a-z]+ed\b)", text, maxsplit=1
    )[0]


# "Northwind Health as Senior Data Engineer": job portals write a position as its employer,
# "as", and the title, whole ("as Senior Manager - Finance, Analytics").  Before "as" stands
# a name (capitalised words, their connectors and marks), never a sentence ("Worked as").
# A title after an article ("Served as a Nurse", "Function as the Lead") is prose.
_EMPLOYER_AS_RE = re.compile(
    r"^(?P<org>[^,;:()|]*?[^\s,;:(|]|[^|]*?\))\s+as\s+(?!(?:an?|the)\s)(?P<title>[^|•]*\S)$"
)
_NAME_CONNECTORS = _wordset("of and & the for de la du del der von van y e und - – — / + .")
_NOT_EMPLOYERS = _wordset(
    """
    worked working served serving joined joining employed appointed promoted hired engaged
    acted acting work job role position career experience experienced presently currently
    previously also then later i we he she they my our
    """
)
# "M/s" (messrs.) before an employer's name, written "Ms" or "MS" on job portals.
_MESSRS_RE = re.compile(r"^(?:M/s\.?|M/S\.?|Ms\.?|MS\.?|Messrs\.?)\s+(?=[A-Z0-9])")


def _names_a_role(text: str) -> bool:
    """Does a text hold a job-title noun ("Intern- Machine Learning", "Sr. Analyst")?"""
    return any(
        word.lower() in _ROLE_WORDS or word.lower().rstrip("s") in _ROLE_WORDS
        for word in _LETTER_WORD_RE.findall(text.replace("-", " "))
    )


def _employer_as_title(text: str) -> tuple[str, str] | None:
    """``(title, employer)`` of an "Employer as Title" header, or None for any other text."""
    if " as " not in text:
        return None
    match = _EMPLOYER_AS_RE.match(_strip_bullet(_strip_markdown(text)).strip())
    if match is None:
        return None
    org, title = match.group("org").strip(" -–—|"), match.group("title").strip(" .;:|-–—")
    # What stands in brackets ("(Part of the Contoso group)") may be written any way.
    words = re.sub(r"\([^()]*\)", " ", org).split()
    if not words or len(words) > 10 or not _names_a_role(title) or _names_a_role(org):
        return None
    bare = [word.strip("().,'’\"") for word in words]
    if any(word.lower() in _NOT_EMPLOYERS for word in bare):
        return None
    # A name is capitalised ("Contoso Ltd", "ML LABS") or, as some people type it, all in
    # lower case ("contoso infosoft"); a sentence mixes the two ("responsible for Contoso").
    named = [word for word in bare if word and word.lower() not in _NAME_CONNECTORS]
    capitalised = all(word[0].isdigit() or not word.islower() for word in named)  # "eBay"
    lower = all(word.islower() and not word.endswith(("ing", "ed")) for word in named)
    if not named or not (capitalised or lower):
        return None
    # "Assigned as moderator", "Operated as Engineer": a verb, not an employer.
    if len(named) == 1 and named[0].lower().endswith("ed") and named[0].lower() not in _ORG_WORDS:
        return None
    if capitalised and not (title[0].isupper() or title[0].isdigit()):
        return None
    if len(_LETTER_WORD_RE.findall(title)) > DEFAULT_HEADER_MAX_WORDS:
        return None
    return _balance(title), _MESSRS_RE.sub("", _balance(org))


def _deprose(text: str) -> tuple[str, bool]:
    """A header cleared of the sentence around it, and whether there was one."""
    trimmed = _TRAILING_PREPOSITION_RE.sub("", text).strip()
    prose = trimmed != text.strip()
    employer_as = _employer_as_title(trimmed)
    # Beside dates, a one-word "Function as Carpenter" may be the sentence's verb or noun.
    if employer_as is not None and len(employer_as[1].split()) > 1:
        return trimmed.strip(" ,;:-–—("), prose
    matches = list(_AS_TITLE_RE.finditer(trimmed))
    if matches:
        before = trimmed[: matches[-1].start()]
        # "Senior Engineer as a contractor" keeps its title; "Worked as a Nurse" loses "Worked".
        if not any(w.lower().strip(".,") in _ROLE_WORDS for w in before.split()):
            trimmed = trimmed[matches[-1].end() :]
            prose = True
    return trimmed.strip(" ,;:-–—("), prose


# "(working|worked|served) as (the) TITLE (with|at|in|for ORGANISATION)": a job told after its
# dates.  The title is kept whole: "Vice President Finance – Business Transformation".
_STATED_ROLE_RE = re.compile(
    r"^(?:[a-z]+\s+){1,2}as\s+(?:an?\s+|the\s+)?(?P<title>[A-Z].*?)"
    r"(?:\s+(?:and|who|where|wherein|responsible)\b.*?)?"
    r"(?:\s+(?:with|at|in|for)\s+(?:the\s+)?(?P<org>[A-Z].*))?$"
)


def _stated_role(text: str) -> tuple[str, ...] | None:
    """The title (and organisation) a sentence after a job's dates names, or None."""
    match = _STATED_ROLE_RE.match(_cut_description(text))
    if match is None or not _names_a_role(match.group("title")):
        return None
    title = match.group("title").strip(" ,;:-–—")
    org = match.group("org")
    if org is not None:
        org = _drop_locations(re.sub(r"\s*\(.*$", "", org)).strip(" ,;:|-–—.")
    return (title, org) if org else (title,)


def _anchors_of(line: Line, index: int, as_of: date) -> list[_Anchor]:
    """Every usable date range on a line, with the header text around it."""
    text = _clean(line.text)
    located = [
        (start, end, found)
        for start, end, found in locate_periods(text, as_of=as_of)
        if isinstance(found, Period)
    ]
    anchors = []
    for number, (start, end, period) in enumerate(located):
        last = number + 1 == len(located)
        left = text[located[number - 1][1] if number else 0 : start]
        if number == 0:
            left = _strip_bullet(_strip_markdown(left))
        left, prose = _deprose(left.strip(" ),;|"))
        right = text[end : len(text) if last else located[number + 1][0]].strip()
        if left and (
            not last
            or _DESCRIPTION_START_RE.match(right)
            or len(right.split()) > DEFAULT_HEADER_MAX_WORDS
        ):
            right = ""  # "Data Scientist, 2019 - 2021: Built …": after the dates, the story
        elif not left:
            stated = _stated_role(right.lstrip(":–—-), "))
            if stated is not None:  # "July 2013 to date working as VP Finance at Contoso"
                anchors.append(_Anchor(index, period, stated, False, alone=len(located) == 1))
                continue
            right, _ = _deprose(_cut_description(right.lstrip(":–—-), ")))
        header = " | ".join(part for part in (left, right) if part)
        fields: tuple[str, ...] = tuple(_header_fields(header))
        if len(_LETTER_WORD_RE.findall(header)) > DEFAULT_HEADER_MAX_WORDS + 4:
            fields, prose = (), True  # a sentence, not a header: keep the dates only
        anchors.append(_Anchor(index, period, fields, prose, alone=len(located) == 1))
    return anchors


# Navigation that job-portal exports print between sections.
_NAVIGATION_RE = re.compile(r"^\W*(?:back to top|jump to section)\b", re.IGNORECASE)


def _is_header_line(line: Line, as_of: date) -> bool:
    """Could this line hold a title or an organisation (short, not a bullet, not a sentence)?"""
    text = _clean(line.text)
    if not text or _is_bullet(text) or text.endswith(";") or _NAVIGATION_RE.match(text):
        return False
    if text.endswith(".") and not _ABBREVIATION_END_RE.search(text):
        return False  # a sentence; "Contoso Inc." and "Austin, TX." are not
    if _employer_as_title(text) is not None:
        return not find_periods(text, as_of=as_of)
    words = _LETTER_WORD_RE.findall(_strip_markdown(text))
    if _is_told(words):
        return False
    return len(words) <= DEFAULT_HEADER_MAX_WORDS and not find_periods(text, as_of=as_of)


# The words a header may end on with a full stop.
_ABBREVIATION_END_RE = re.compile(
    r"(?:\b(?:Inc|Ltd|Co|Corp|LLC|LLP|PLC|Pvt|Bros|Dept|Univ|Assn|Intl|Jr|Sr|St|Mfg)"
    r"|\b[A-Z]{2}|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


def _is_told(words: Sequence[str]) -> bool:
    """Is a line a sentence of a description ("Managed and redesigned the central tables")?
    It opens on a past tense and goes on mostly in lower case, where a header is a name."""
    if len(words) < 4 or not words[0].endswith("ed") or words[0].lower() in _ORG_WORDS:
        return False
    return sum(word.islower() for word in words[1:]) * 2 > len(words) - 1


_FIRM_PLURALS = _wordset(
    "advisors advisers consultants architects attorneys solicitors accountants"
)


def _score(field_text: str) -> tuple[int, int]:
    words = [word.strip(".,()").lower() for word in field_text.split()]
    role = sum(1 for word in words if word in _ROLE_WORDS or word.rstrip("s") in _ROLE_WORDS)
    org = sum(1 for word in words if word in _ORG_WORDS)
    if (
        len(words) > 1
        and words[-1] in _FIRM_PLURALS
        and (field_text.istitle() or field_text.isupper())
    ):
        role, org = role - 1, org + 1  # a firm named for its people: "Contoso Advisors"
    if field_text.lower().startswith("company name"):
        org += 2  # the placeholder some resume sites put in place of the employer
    return role, org


def _assign(fields: Sequence[str]) -> tuple[str | None, str | None]:
    """Which of the fields is the title and which the organisation."""
    scored = [(text, *_score(text)) for text in fields]
    title = next((text for text, role, org in scored if role > org), None)
    organization = next((text for text, role, org in scored if org > role and text != title), None)
    rest = [text for text in fields if text not in (title, organization)]
    if title is None and rest:
        title = rest.pop(0)
    if organization is None and rest:
        organization = rest.pop(0)
    return title, organization


def _rows_before(
    index: int,
    floor: int,
    used: set[int],
    header_ok: Callable[[int], bool],
    gives_both: Callable[[int], bool],
    title: str | None,
    org: str | None,
) -> list[int]:
    """Header lines right above a date line: as many as fields are missing (an "Employer as
    Title" line gives both)."""
    wanted = (title is None) + (org is None)
    rows: list[int] = []
    row = index - 1
    while row >= floor and row not in used and header_ok(row) and len(rows) < wanted:
        rows.insert(0, row)
        if gives_both(row):
            break
        row -= 1
    return rows


def _rows_after(
    index: int,
    ceiling: int,
    header_ok: Callable[[int], bool],
    gives_both: Callable[[int], bool],
    title: str | None,
    org: str | None,
) -> list[int]:
    """Header lines right below a date line: as many as fields are missing (an "Employer as
    Title" line gives both)."""
    wanted = (title is None) + (org is None)
    rows: list[int] = []
    row = index + 1
    while row < ceiling and header_ok(row) and len(rows) < wanted:
        rows.append(row)
        if gives_both(row):
            break
        row += 1
    return rows


def _contains(outer: Period, inner: Period) -> bool:
    return outer.span[0] <= inner.span[0] and inner.span[1] <= outer.span[1]


_DATE_PIECE_RE = re.compile(
    rf"^(?:[A-Za-z]{{3,9}}\.?,?\s*)?(?:\d{{1,2}}[/.-])?(?:19|20)\d\d\s*(?:[{DASHES}]|to|until)?$"
    rf"|^(?:[{DASHES}]|to|until|till)$"
    rf"|^(?:[{DASHES}]|to|until|till)?\s*{PRESENT}$",
    re.IGNORECASE,
)
_DATE_PIECE_MAX_LENGTH = len("September., 12/2019 until")
"""The longest text with single spaces (as _clean leaves it) that _DATE_PIECE_RE matches."""


_RANGE_OPEN_RE = re.compile(
    r"(?:19|20)\d\d\s*(?:[-–—]|\bto|\buntil|\btill)\s*(?:[A-Za-z]{3,9}\.?)?$", re.IGNORECASE
)
"""A line that ends inside a date range: its start, the dash or "to", perhaps a month."""
_RANGE_CLOSE_RE = re.compile(
    r"^(?:[A-Za-z]{3,9}\.?,?\s*)?(?:\d{1,2}[/.-])?(?:19|20)\d\d\b"
    r"|^(?:present|current|now|date|today|till date)\b",
    re.IGNORECASE,
)
"""A line that starts with the end of a range."""


def _is_date_piece(text: str) -> bool:
    """Is a cleaned line a part of a date range ("August 2013", "to", "Current")?"""
    return len(text) <= _DATE_PIECE_MAX_LENGTH and _DATE_PIECE_RE.match(text) is not None


def _logical_lines(lines: Sequence[Line], as_of: date) -> list[tuple[Line, int, int]]:
    """Lines with date ranges broken over several lines joined back into one.

    PDFs of two-column templates often read "August 2013" / "to" / "Current" as three
    lines.  Returns each logical line with the span of original lines it covers.
    """
    joined: list[tuple[Line, int, int]] = []
    index = 0
    while index < len(lines):
        end = index + 1
        text = _clean(lines[index].text)
        if _is_date_piece(text) and not find_periods(text, as_of=as_of):
            candidate = text
            for ahead in range(index + 1, min(index + 3, len(lines))):
                piece = _clean(lines[ahead].text)
                if not _is_date_piece(piece):
                    break
                candidate = f"{candidate} {piece}"
                if find_periods(candidate, as_of=as_of):
                    text, end = candidate, ahead + 1
                    break
        elif end < len(lines) and _RANGE_OPEN_RE.search(text):
            # "… April 1994 to" / "January 1998 …": a range wrapped at the line's end.
            following = _clean(lines[end].text)
            candidate = f"{text} {following}"
            if _RANGE_CLOSE_RE.match(following) and len(find_periods(candidate, as_of=as_of)) > len(
                find_periods(text, as_of=as_of)
            ):
                text, end = candidate, end + 1
        line = lines[index] if text == lines[index].text else replace(lines[index], text=text)
        joined.append((line, index, end))
        index = end
    return joined


def _work_anchors(lines: Sequence[Line], as_of: date, *, strict: bool) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    for index, line in enumerate(lines):
        for anchor in _anchors_of(line, index, as_of):
            if strict and not (
                len(anchor.fields) >= 2 and any(_score(f)[0] > 0 for f in anchor.fields)
            ):
                continue
            # "Led the migration from 2019 to 2020" inside a 2018–2021 job is part of its
            # story; the same sentence with dates of its own ("Served as a nurse from 2012
            # to 2015") is a job written as prose.
            if anchor.prose and anchors and _contains(anchors[-1].period, anchor.period):
                continue
            anchors.append(anchor)
    return anchors


def _find_positions(
    section: Section,
    logical: Sequence[tuple[Line, int, int]],
    as_of: date,
    *,
    strict: bool = False,
) -> list[Position]:
    """Positions in a section's lines (``logical``: its :func:`_logical_lines`).

    Resumes put a job's title, employer and dates on one line or spread over two or three,
    before or after the dates.  The first dated line of the section decides where to look
    first: when short lines stand between the section's start and it, headers precede their
    dates in this resume; otherwise they follow.  ``strict`` keeps only dates whose line
    names both a title and an employer (for jobs found outside a work section).
    """
    lines = [line for line, _, _ in logical]
    anchors = _work_anchors(lines, as_of, strict=strict)
    if not anchors:
        return []
    # Worked out when first asked: only the lines around dates and those before the first
    # dated line are.
    header_ok = cache(lambda row: _is_header_line(lines[row], as_of))
    gives_both = cache(lambda row: _employer_as_title(_clean(lines[row].text)) is not None)
    headers_before = any(header_ok(i) for i in range(anchors[0].index))
    used: set[int] = set()
    blocks: list[tuple[int, _Anchor, list[str]]] = []
    for number, anchor in enumerate(anchors):
        earlier = [a.index for a in anchors[:number] if a.index < anchor.index]
        later = [a.index for a in anchors[number + 1 :] if a.index > anchor.index]
        floor = earlier[-1] + 1 if earlier else 0
        ceiling = later[0] if later else len(lines)
        title, org = _assign(anchor.fields)
        fields = list(anchor.fields)
        begin = anchor.index
        if anchor.alone and not strict:
            # The section's layout says where to look first; a resume that mixes layouts
            # still gets the other side when the first gives nothing.  A title that names no
            # role ("Contoso Bank, London · 2024-02 to present": "London") is replaced by a
            # header line beside it that does ("Machine Learning Engineer").
            for look_before in (True, False) if headers_before else (False, True):
                weak = title is not None and org is not None and _score(title)[0] == 0
                if title is not None and org is not None and not weak:
                    break
                wanted_title = None if weak else title
                if look_before:
                    rows = _rows_before(
                        anchor.index, floor, used, header_ok, gives_both, wanted_title, org
                    )
                else:
                    rows = _rows_after(
                        anchor.index, ceiling, header_ok, gives_both, wanted_title, org
                    )
                found = [f for r in rows for f in _header_fields(lines[r].text)]
                if weak and not any(_score(f)[0] > 0 for f in found):
                    continue
                if look_before:
                    fields = found + fields
                    begin = rows[0] if rows else begin
                else:
                    fields = fields + found
                used.update(rows)
                title, org = _assign(fields)
            # Where headers precede their dates, the line right above the next dates heads
            # the next job: it is not this one's employer.
            stop = ceiling - 1 if headers_before and later else ceiling
            fields = _employer_below(fields, title, org, lines, anchor.index, stop, header_ok)
        blocks.append((begin, anchor, fields))
    positions: list[Position] = []
    for number, (begin, anchor, fields) in enumerate(blocks):
        stop = blocks[number + 1][0] if number + 1 < len(blocks) else len(lines)
        title, org = _assign(fields)
        if org is None and title is not None and positions and not strict:
            earlier_begin, earlier_anchor, _ = blocks[number - 1]
            earlier_org = positions[-1].organization
            if headers_before:
                # "Contoso, Austin, TX" over several titles, each with its dates: a title line
                # with no header of its own above it is a later role at the employer above.
                if begin == anchor.index and earlier_begin < earlier_anchor.index:
                    org = earlier_org
            elif fields == list(anchor.fields) and earlier_org not in earlier_anchor.fields:
                # "Title  dates" over "Contoso, Seattle, WA", then a "Title  dates" line with
                # no employer line under it (a promotion, Awesome-CV's empty organisation):
                # another role at the employer above.
                org = earlier_org
        last = max(stop, anchor.index + 1)
        first_row = logical[begin][1]
        stop_row = logical[last][1] if last < len(logical) else len(section.lines)
        block = section.lines[first_row:stop_row]
        positions.append(Position(title, org, anchor.period, section.name, block))
    return positions


def _employer_below(
    fields: list[str],
    title: str | None,
    org: str | None,
    lines: Sequence[Line],
    index: int,
    ceiling: int,
    header_ok: Callable[[int], bool],
) -> list[str]:
    """The fields, with the employer taken from the line below when it is one.

    "Senior AI Engineer — Clinical AI Platform, 09/2022 - Present" over "Northwind Health,
    Boston, MA": the line below, an undated header with a place, names the employer; the
    part beside the title that looks like no organisation (a team, a product) stays with
    the title.
    """
    below = index + 1
    if title is None or org is None or _score(org) != (0, 0) or below >= ceiling:
        return fields
    if not header_ok(below) or not _LOCATION_RE.search(lines[below].text):
        return fields
    employer = next((f for f in _header_fields(lines[below].text) if _score(f)[0] == 0), None)
    if employer is None or employer.casefold() == org.casefold():
        return fields
    rest = [field for field in fields if field not in (title, org)]
    return [f"{title} — {org}", employer, *rest]


# Sections whose dates are never work, for resumes without a work heading.
_NOT_WORK = frozenset({"education", "certifications"})


def _looks_like_study(text: str) -> bool:
    """A line about a degree or a school (and not a job at one)."""
    if _DEGREE_RE.search(text):
        return True
    return bool(_INSTITUTION_RE.search(text)) and not any(
        word.lower().strip(".,()") in _ROLE_WORDS for word in text.split()
    )


# Dated lines a reader never takes for a job, wherever they stand: an honour ("Dean's List
# Fall 2013 – Spring 2014") or the objective's sentence ("Seeking an internship … in Spring
# 2017").
_NEVER_A_JOB_RE = re.compile(
    r"\b(?:dean'?s\s+list|deans\s+list|honou?r\s+roll|president'?s\s+list|merit\s+list"
    r"|scholarship|cum\s+laude|valedictorian|salutatorian)\b"
    r"|^\W*(?:seeking|looking\s+for|to\s+obtain|to\s+secure|to\s+pursue|objective)\b",
    re.IGNORECASE,
)
# And outside a work heading, a programme, a course or a membership with no job title in it
# ("Leadership Certificate Program Sept 2005 - May 2010", "Member, Chess Club").
_NOT_A_JOB_RE = re.compile(
    r"\b(?:certificate|certification|bootcamp|boot\s+camp|course|courses|coursework|program"
    r"|programme|training|workshop|member|membership|club|fraternity"
    r"|sorority|society|volunteer(?:ed|ing)?|award|awards|competition|hackathon)\b",
    re.IGNORECASE,
)


def _header_text(position: Position) -> str:
    """What a position's header says: its title, its organisation and its first line."""
    first = _clean(position.lines[0].text) if position.lines else ""
    return " | ".join(part for part in (position.title, position.organization, first) if part)


def _never_a_job(text: str) -> bool:
    return _NEVER_A_JOB_RE.search(text) is not None


def _no_job_outside_work(text: str) -> bool:
    """A line that outside a work heading is study, a programme, a project or a club."""
    if _looks_like_study(text) or _never_a_job(text):
        return True
    return _NOT_A_JOB_RE.search(text) is not None and not _names_a_role(
        _NOT_A_JOB_RE.sub(" ", text)
    )


def _find_experience(sections: Sequence[Section], as_of: date) -> tuple[Experience, list[str]]:
    """Positions and total years.

    The total counts every date range in the work sections, merged, not only the ranges
    that head a position: a job whose header could not be read still happened, and dates
    inside a job's description fall within the job and merge away.  Without a work heading,
    ranges anywhere outside study and credentials count, except on lines about a degree or a
    school.  Without any range, an explicit statement ("8 years of experience") is used.
    """
    warnings: list[str] = []
    work = [s for s in sections if s.name == "experience"]
    positions: list[Position] = []
    periods: list[Period] = []
    if work:
        for section in work:
            logical = _logical_lines(section.lines, as_of)
            positions.extend(
                p
                for p in _find_positions(section, logical, as_of)
                if not _never_a_job(_header_text(p))
            )
            for line, _, _ in logical:
                text = _clean(line.text)
                for _, _, item in locate_periods(text, as_of=as_of):
                    if isinstance(item, RejectedRange):
                        warnings.append(f"ignored the dates {item.text!r}: {item.reason}")
                    elif not _never_a_job(text):
                        periods.append(item)
        # Jobs listed before the first heading or in the summary still count when their
        # line names both a title and an employer.  Not under "other" headings: interests,
        # activities and volunteering hold offices ("Treasurer, Chess Club, 2006 - 2010")
        # that are not work.  Only a job portal's "Employer as Title" header counts under
        # any heading: the portals let a candidate put a heading of their own ("Clients &
        # Projects") inside the work history.
        for section in sections:
            if section.name in ("profile", "summary"):
                logical = _logical_lines(section.lines, as_of)
                elsewhere = [
                    position
                    for position in _find_positions(section, logical, as_of, strict=True)
                    if not _no_job_outside_work(_header_text(position))
                ]
            elif section.name not in ("experience", *_NOT_WORK):
                logical = _logical_lines(section.lines, as_of)
                elsewhere = [
                    position
                    for position in _find_positions(section, logical, as_of)
                    if _employer_as_title(_clean(position.lines[0].text))
                    == (position.title, position.organization)
                ]
            else:
                continue
            positions.extend(elsewhere)
            periods.extend(position.period for position in elsewhere)
    else:
        for section in sections:
            if section.name in _NOT_WORK:
                continue
            logical = _logical_lines(section.lines, as_of)
            positions.extend(
                p
                for p in _find_positions(section, logical, as_of)
                if not _looks_like_study(p.text) and not _no_job_outside_work(_header_text(p))
            )
            for line, _, _ in logical:
                text = _clean(line.text)
                if not _no_job_outside_work(text):
                    periods.extend(find_periods(text, as_of=as_of))
    if periods:
        return Experience(total_years(periods), tuple(positions), "dates"), warnings
    # No dates: trust what the candidate says, the summary first.
    ordered = [s for s in sections if s.name in ("summary", "profile")] + [
        s for s in sections if s.name not in ("summary", "profile", "education")
    ]
    for section in ordered:
        stated = find_stated_years(_clean(" ".join(line.text for line in section.lines)))
        if stated:
            best = max(stated, key=lambda item: item.years)
            return Experience(best.years, tuple(positions), "statement", best.text), warnings
    return Experience(None, tuple(positions), "none"), warnings


# --- education ----------------------------------------------------------------------------

_DEGREE_RE = re.compile(
    r"\b(?:(?i:ph\.?\s?d\.?|doctor(?:ate)?(?:\s+of\s+[a-z]+)?|d\.phil"
    r"|master(?:'s|’s|s)?(?:\s+of\s+(?:business\s+administration|fine\s+arts|computer\s+applications"
    r"|applied\s+science|[a-z]+)|\s+degree)?"
    r"|bachelor(?:'s|’s|s)?(?:\s+of\s+(?:business\s+administration|fine\s+arts|computer\s+applications"
    r"|applied\s+science|[a-z]+)|\s+degree)?"
    r"|associate(?:'s|’s)?(?:\s+of\s+[a-z]+|\s+degree)"
    r"|higher\s+national\s+diploma|graduate\s+degree|diploma|high\s+school(?:\s+diploma)?|g\.e\.d\.?)"
    r"|Ph\.?D|MBA|M\.B\.A|B\.?Sc|M\.?Sc|B\.?Tech|M\.?Tech|B\.?Eng|M\.?Eng|B\.S|M\.S|B\.A|M\.A|B\.E|M\.E"
    r"|A\.A\.S|A\.A|A\.S|AAS|B\.F\.A|M\.F\.A|BFA|MFA|LL\.?B|LL\.?M|J\.D|M\.D|MPH|M\.P\.H|PGCE"
    r"|BS|MS|BA|MA|BE|ME|BBA|BCA|MCA|HND|GED)(?![\w])\.?"
)
_INSTITUTION_RE = re.compile(
    r"\b(?:universit|college|institut|school|academy|polytechnic|conservatory|iit\b|mit\b"
    r"|universidad|universidade|hochschule|école|ecole|politecnico)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_FIELD_AFTER_RE = re.compile(
    r"^\s*(?:\((?i:hons?|honours|honors)\.?\)\s*)?(?:in|of|:|,|-|–|—)?\s*(?P<field>[A-Z][\w&'’-]*(?:\s+(?:and|&|of|[A-Z][\w&'’-]*))*)"
)
_MONTH_WORD_RE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)


@dataclass(frozen=True)
class _Alias:
    pattern: re.Pattern[str]
    target: str
    name: str
    needle: str | None
    """A word of the alias that text must hold, once :func:`fold_case` folded it, for the
    pattern to match there (None for an alias beyond ASCII: always search)."""


@dataclass(frozen=True)
class _AliasList:
    """Aliases in the order they are tried, with the aliases of each needle."""

    aliases: tuple[_Alias, ...]
    by_needle: tuple[tuple[str | None, tuple[int, ...]], ...]
    """Each distinct needle with the positions of its aliases in ``aliases``."""

    @classmethod
    def of(cls, aliases: Sequence[_Alias]) -> _AliasList:
        positions: dict[str | None, list[int]] = {}
        for number, alias in enumerate(aliases):
            positions.setdefault(alias.needle, []).append(number)
        return cls(tuple(aliases), tuple((n, tuple(p)) for n, p in positions.items()))

    def candidates(self, folded: str) -> list[_Alias]:
        """The aliases that can match a text, in order; ``folded`` is its ``fold_case``.

        Aliases share needles ("bachelor of science", "bachelor of arts"): one substring
        test per needle is far cheaper than a search per alias.
        """
        found = sorted(
            number
            for needle, numbers in self.by_needle
            if needle is None or needle in folded
            for number in numbers
        )
        return [self.aliases[number] for number in found]


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for a taxonomy alias.

    Short aliases without punctuation ("ms", "ba", "cs", "phd") are ordinary words or
    fragments in lower case, so they must not be written all in lower case ("MS", "PhD").
    """
    escaped = r"\s+".join(re.escape(part) for part in alias.split())
    if len(alias) <= 3 and alias.isalpha():
        return re.compile(rf"(?<![\w.])(?-i:(?![a-z]+\b)){escaped}(?![\w])", re.IGNORECASE)
    return re.compile(rf"(?<![\w.]){escaped}(?![\w])", re.IGNORECASE)


def _aliases(entries: Iterable[tuple[str, str, Iterable[str]]]) -> _AliasList:
    found = [
        _Alias(
            _alias_pattern(alias),
            target,
            name,
            max(alias.split(), key=len) if alias.isascii() else None,
        )
        for target, name, aliases in entries
        for alias in {name.lower(), *(a.lower() for a in aliases)}
        if alias.strip()
    ]
    # Longest first, so "master of business administration" wins over "master".
    return _AliasList.of(sorted(found, key=lambda a: len(a.pattern.pattern), reverse=True))


class _TaxonomyAliases(NamedTuple):
    degrees: _AliasList
    fields: _AliasList
    certifications: _AliasList


@lru_cache(maxsize=4)
def _taxonomy_aliases(taxonomy: Taxonomy | None) -> _TaxonomyAliases:
    """The alias patterns of a taxonomy's degrees, fields and certifications (built once)."""
    if taxonomy is None:
        return _TaxonomyAliases(*(_AliasList.of([]) for _ in range(3)))
    return _TaxonomyAliases(
        _aliases((level.id, level.name, level.aliases) for level in taxonomy.degree_levels),
        _aliases((f.id, f.name, f.aliases) for f in taxonomy.degree_fields),
        _aliases((c.id, c.name, c.aliases) for c in taxonomy.certifications),
    )


def _first_alias(text: str, aliases: _AliasList) -> tuple[_Alias, re.Match[str]] | None:
    best: tuple[_Alias, re.Match[str]] | None = None
    for alias in aliases.candidates(fold_case(text)):
        match = alias.pattern.search(text)
        if match and (
            best is None or (match.end() - match.start()) > (best[1].end() - best[1].start())
        ):
            best = (alias, match)
    return best


def _raw_field(text: str, after: int) -> str | None:
    match = _FIELD_AFTER_RE.match(text[after:])
    if not match:
        return None
    words = []
    for word in match.group("field").split():
        if _INSTITUTION_RE.match(word) or _MONTH_WORD_RE.match(word) or word.lower() == "at":
            break
        words.append(word)
    while words and words[-1].lower() in {"and", "&", "of"}:
        words.pop()
    return " ".join(words) or None


_SCHOOL_WORD = (
    r"(?i:universit(?:y|ies|é|ät|à)|universidad|universidade|college|institute|institut|school"
    r"|academy|polytechnic|conservatory|hochschule|politecnico|[ée]cole)"
)
_CAP_WORD = r"[A-Z][\w&.'’-]*"
# "University of North Carolina" first: in "Medical Anthropology University of Oxford" the
# words before the school word are the field, not the school.
_SCHOOL_OF_RE = re.compile(
    rf"\b(?P<school>{_SCHOOL_WORD})\s+(?:of|for|de|do|da|di)\s+(?:the\s+)?{_CAP_WORD}"
    rf"(?:\s+(?:of\s+|and\s+|&\s+|at\s+)?{_CAP_WORD}){{0,3}}"
)
_SHOUTED_SMALL_WORD_RE = re.compile(r"\b(?:OF|FOR|DE|AT|THE|AND)\b")
_SCHOOL_NAMED_RE = re.compile(
    rf"(?:{_CAP_WORD}\s+){{0,4}}{_SCHOOL_WORD}\b|\b(?:IIT|IIIT|NIT|BITS|MIT|UCLA|ETH)\b(?:\s+{_CAP_WORD})?"
)
# Words that end a school's name: honours, grades, degrees written after it.
_AFTER_SCHOOL = _wordset("cum magna summa gpa expected graduated honors honours with in")


def _school_span(text: str) -> tuple[int, int] | None:
    """Where a school's name stands in a line: "University of X" first; the words before a
    college, institute or school belong to its name too ("Contoso Institute of Technology"),
    those before a university may be the field ("Anthropology University of Oxford")."""
    of_match = _SCHOOL_OF_RE.search(text)
    if of_match is None:
        named = _SCHOOL_NAMED_RE.search(text)
        return None if named is None else named.span()
    start = of_match.start()
    if not of_match.group("school").lower().startswith("univers"):
        for named in _SCHOOL_NAMED_RE.finditer(text, 0, of_match.end("school")):
            if named.end() == of_match.end("school"):
                start = named.start()
    return start, of_match.end()


def _institution(text: str) -> str | None:
    """The school named in a line, by the shape of school names."""
    text = re.sub(r"\(?(?:\b[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d\)?", " ", _drop_locations(text))
    # Some people type a school's name in lower case: its shape is read from a copy with
    # capitals, and the name kept as written.
    if text == text.lower():
        shaped = _capitalise_names(text)
    elif text.isupper():  # "UNIVERSITY OF SAN FRANCISCO"
        shaped = _SHOUTED_SMALL_WORD_RE.sub(lambda word: word.group(0).lower(), text)
    else:
        shaped = text
    span = _school_span(shaped)
    if span is None:
        return None
    words = text[span[0] : span[1]].split()
    while len(words) > 1 and _DEGREE_RE.fullmatch(words[0].strip(".,:;")) is not None:
        words.pop(0)  # "MBA Carnegie Mellon University"
    shouting = text[span[0] : span[1]].isupper()
    kept: list[str] = []
    for number, word in enumerate(words):
        bare = word.strip(".,:;")
        acronym = bare.isupper() and len(bare) <= 4 and not shouting and number > 1
        if number and (
            bare.lower() in _AFTER_SCHOOL or acronym or _DEGREE_RE.fullmatch(bare) is not None
        ):
            break
        kept.append(word)
    return " ".join(kept).strip(" ,:;-–—") or None


_SMALL_WORDS = _wordset("a an and at by for from in of on or the to with de da do di")


def _capitalise_names(text: str) -> str:
    """``text`` with every word but the small ones capitalised, each character in place."""
    return re.sub(
        r"[a-z][\w'’-]*",
        lambda word: word.group(0) if word.group(0) in _SMALL_WORDS else word.group(0).title(),
        text,
    )


def _find_education(
    sections: Sequence[Section], taxonomy: Taxonomy | None, as_of: date
) -> list[Education]:
    degree_aliases, field_aliases, _ = _taxonomy_aliases(taxonomy)
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] = {"lines": []}
    for section in sections:
        if section.name != "education":
            continue
        for line in section.lines:
            # Places first: "Boston, MA" is not a Master of Arts.
            text = _drop_locations(_clean(_strip_markdown(line.text))).strip(" |")
            degree_text, level, degree_end = None, None, None
            matched = _first_alias(text, degree_aliases)
            if matched:
                degree_text, level, degree_end = (
                    matched[0].name,
                    matched[0].target,
                    matched[1].end(),
                )
            else:
                raw = _DEGREE_RE.search(text)
                if raw:
                    degree_text, degree_end = raw.group(0).strip(), raw.end()
            institution = _institution(text)
            if (degree_text and current.get("degree")) or (
                institution and current.get("institution")
            ):
                entries.append(current)
                current = {"lines": []}
            current["lines"].append(line)
            if degree_text and not current.get("degree"):
                current["degree"], current["level"] = degree_text, level
                field_match = _first_alias(text, field_aliases)
                if field_match:
                    current["field"], current["field_id"] = (
                        field_match[0].name,
                        field_match[0].target,
                    )
                elif degree_end is not None:
                    current["field"] = _raw_field(text, degree_end)
            elif not current.get("field") and field_aliases.aliases:
                field_match = _first_alias(text, field_aliases)
                if field_match and (institution is None or degree_text):
                    current["field"], current["field_id"] = (
                        field_match[0].name,
                        field_match[0].target,
                    )
            if institution and not current.get("institution"):
                current["institution"] = institution
            if current.get("year") is None and (
                degree_text or institution or len(text.split()) <= 6
            ):
                current["year"] = _end_year(text, as_of)
    entries.append(current)
    return [
        Education(
            degree=entry.get("degree"),
            field=entry.get("field"),
            institution=entry.get("institution"),
            year=entry.get("year"),
            level=entry.get("level"),
            field_id=entry.get("field_id"),
            lines=tuple(entry["lines"]),
        )
        for entry in entries
        if entry.get("degree") or entry.get("institution")
    ]


def _end_year(text: str, as_of: date) -> int | None:
    """The year a line's study ended: a range's end, else the last year written."""
    periods = find_periods(text, as_of=as_of)
    if periods:
        return None if periods[-1].open_ended else periods[-1].end.year
    years = _YEAR_RE.findall(text)
    return int(years[-1]) if years else None


# --- certifications -----------------------------------------------------------------------

_CERT_NOISE_RE = re.compile(
    r"\s*(?:[,(–—-]\s*)?(?:(?:issued|obtained|earned|completed|expires?|valid)\s*:?\s*)?"
    r"(?:\b[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d\)?\s*$",
    re.IGNORECASE,
)


def _balance(text: str) -> str:
    """Drop a parenthesis left open or closed at either end by cutting a date off."""
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].lstrip()
    if text.count("(") > text.count(")"):
        text = text.rstrip(" (") if text.endswith("(") else text + ")"
    return text


_WRAPPED_END_RE = re.compile(r"(?:[–—\-,&/:(]|\b(?:and|of|in|for|the|&))\s*$", re.IGNORECASE)
_CONTINUATION_START_RE = re.compile(r"[a-z(]")


def _ends_open(text: str) -> bool:
    """Does the text end as a line cut short does ("… Machine Learning –", "… Society of")?"""
    # A match is at most three characters before the trailing whitespace ("and"): the
    # search starts there rather than retrying at every character (\b still sees the
    # character before the start).
    return _WRAPPED_END_RE.search(text, max(0, len(text.rstrip()) - 3)) is not None


def _unwrap(lines: Sequence[Line]) -> list[Line]:
    """Lines that a narrow column wrapped ("AWS Certified Machine Learning –" / "Specialty")
    joined back into one."""
    joined: list[tuple[Line, str]] = []
    for line in lines:
        text = _clean(line.text)
        if (
            joined
            and (_ends_open(joined[-1][1]) or _CONTINUATION_START_RE.match(text))
            and not _is_bullet(text)
        ):
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text}")
        else:
            joined.append((line, text))
    return [line if line.text == text else replace(line, text=text) for line, text in joined]


# Reads text folded by fold_case: as fast as a case-sensitive pattern, as lenient as
# a case-insensitive one.
_CERT_CUE_RE = re.compile(
    r"certif|specialty|speciality|associate|credential|licen[cs]|exam\b|\b[a-z]{2,4}-?\d{2,3}\b"
)
# Every match of _CERT_CUE_RE holds one of these or a digit.
_CERT_CUE_WORDS = ("certif", "special", "associate", "credential", "licen", "exam")
_DIGIT_RE = re.compile(r"\d")


def _speaks_of_a_certificate(folded: str) -> bool:
    """Does a line (folded by fold_case) name a certificate, a licence or an exam code?"""
    if _DIGIT_RE.search(folded) is None and not any(w in folded for w in _CERT_CUE_WORDS):
        return False  # far cheaper than the search, which retries at every character
    return _CERT_CUE_RE.search(folded) is not None


def _find_certifications(
    sections: Sequence[Section], taxonomy: Taxonomy | None, as_of: date
) -> list[CertificationMatch]:
    aliases = _taxonomy_aliases(taxonomy).certifications
    found: list[CertificationMatch] = []
    seen_ids: set[str] = set()
    matched_lines: set[int] = set()
    unwrapped = {id(section): _unwrap(section.lines) for section in sections}
    for section in sections:
        for line in unwrapped[id(section)]:
            text = line.text
            # Outside a certifications section a certification's name is also a job title
            # ("Azure AI Engineer, Contoso, 2021 - Present"): only a line that speaks of a
            # certificate counts there.
            folded = fold_case(text)
            if section.name != "certifications" and not _speaks_of_a_certificate(folded):
                continue
            for alias in aliases.candidates(folded):
                if alias.target not in seen_ids and alias.pattern.search(text):
                    seen_ids.add(alias.target)
                    matched_lines.add(id(line))
                    found.append(CertificationMatch(alias.target, alias.name, text))
    seen_names = {match.name.lower() for match in found}
    for section in sections:
        if section.name != "certifications":
            continue
        for line in unwrapped[id(section)]:
            if id(line) in matched_lines:
                continue
            for piece in re.split(r"\s*[;|•]\s*", _strip_bullet(_clean(line.text))):
                name = _CERT_NOISE_RE.sub("", piece)
                for item in locate_periods(name, as_of=as_of)[::-1]:
                    name = (name[: item[0]] + name[item[1] :]).strip()
                name = _balance(re.sub(r"\(\s*\)", "", name).strip(" -–—,:"))
                # A sentence under the heading ("Advisory board member: …, 2024.") is not the
                # name of a certification; names start with a capital or a digit.
                sentence = name.endswith(".") and len(name.split()) > 5
                if (
                    sentence
                    or not re.match(r"[A-Z0-9]", name)
                    or not name
                    or not re.search(r"[A-Za-z]{2}", name)
                    or len(name.split()) > DEFAULT_HEADER_MAX_WORDS
                    or name.lower() in seen_names
                ):
                    continue
                seen_names.add(name.lower())
                found.append(CertificationMatch(None, name, _clean(line.text)))
    return found


# --- the stage ----------------------------------------------------------------------------


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
    :func:`~matcher.dates.choose_as_of`.  Pass ``as_of`` for reproducible output.
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
