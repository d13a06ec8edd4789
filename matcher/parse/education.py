"""Education: degree, field, institution and the year each study ended."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from matcher.parse.aliases import _first_alias, _taxonomy_aliases
from matcher.parse.dates import MONTH, YEAR, find_periods, may_hold_a_date
from matcher.parse.headers import _REGION_NAMES, _drop_locations
from matcher.parse.result import Education, Section
from matcher.parse.text import _INSTITUTION_RE, _clean, _strip_markdown, _wordset
from skills_taxonomy.model import Taxonomy

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
_YEAR_RE = re.compile(rf"(?<!\d){YEAR}")
_FIELD_AFTER_RE = re.compile(
    r"^\s*(?:\((?i:hons?|honours|honors)\.?\)\s*)?(?:in|of|:|,|-|–|—)?\s*(?P<field>[A-Z][\w&'’-]*(?:\s+(?:and|&|of|[A-Z][\w&'’-]*))*)"
)
_MONTH_WORD_RE = re.compile(rf"^{MONTH}$", re.IGNORECASE)


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
    # "Virginia Tech", "Caltech": a state's name before it (never a degree's "B. Tech", nor
    # "Health Tech Competition").
    rf"|\b(?:{_REGION_NAMES})\s+Tech\b|\bCaltech\b"
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


# A year and the word before it ("Expected 2019", "May 2019"), perhaps in brackets.  Only the
# year: what it leaves of a longer date ("01/2014", "May, 2009") parts the field before it
# from the school after it ("Leadership 01/2014 Northcentral University").
_DATED_RE = re.compile(rf"\(?(?:\b[A-Za-z]{{3,9}}\.?\s+)?{YEAR}\)?")


def _institution(text: str) -> str | None:
    """The school named in a line, by the shape of school names."""
    text = _drop_locations(text)
    if may_hold_a_date(text):
        text = _DATED_RE.sub(" ", text)
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
