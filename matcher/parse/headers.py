"""What a position's header line holds: its title, its employer, and places to leave out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from matcher.document import Line
from matcher.parse.dates import find_periods
from matcher.parse.text import (
    _INSTITUTION_RE,
    _ORG_WORDS,
    _ROLE_WORDS,
    _balance,
    _clean,
    _is_bullet,
    _strip_bullet,
    _strip_markdown,
    _wordset,
)

__all__ = ["DEFAULT_HEADER_MAX_WORDS"]

DEFAULT_HEADER_MAX_WORDS = 12
"""Lines naming a title or an organisation are short; longer ones are descriptions."""


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
    rf"(?:(?:{'|'.join(_REGION_CODES)}|State)\b|(?:{_COUNTRIES})\b"
    # "Contoso, New York, NY": a region named in full before a region's code is the city
    # (New York City, Washington DC), and the words before it are no city but the employer.
    rf"|(?:{_REGION_NAMES})\b(?!\s?,\s?(?:{'|'.join(_REGION_CODES)})\b)"
    # "Computer Science, Massachusetts Institute of Technology": a region that opens a
    # school's name ("Ohio State", "Virginia Tech") is no place.
    r"(?!\s+(?:State|Tech|Institute|University|College|School|Polytechnic)\b))"
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


# How long a job lasted, as profile exports print it beside its dates ("(2 years 3 months)",
# "· 2 yrs 3 mos", "less than a year"): no title, no employer.
_DURATION_RE = re.compile(
    r"(?:\d{1,2}(?:\.\d)?\+?\s*(?:years?|yrs?)\.?(?:[\s,]*(?:and\s+)?\d{1,2}\s*(?:months?|mos?)\.?)?"
    r"|\d{1,2}\s*(?:months?|mos?)\.?|less\s+than\s+a\s+(?:year|month))",
    re.IGNORECASE,
)
# Words that are no field but label one ("Designation: Analyst", "Company: Contoso"), as
# forms and job-portal templates write a position; "Company Name" is a placeholder employer.
_FIELD_LABELS = _wordset(
    "and city state designation company employer organization organisation role position"
    " title duration period tenure dates date location place"
) | {"job title", "job role", "name of the company", "name of employer"}


def _split_fields(parts: Iterable[str]) -> list[str]:
    fields = []
    for part in parts:
        part = _balance(part.strip(" -–—|,:;.[]*_\t"))
        if (
            part
            and re.search(r"[A-Za-z]", part)
            and part.lower() not in _FIELD_LABELS
            and not _DURATION_RE.fullmatch(part.strip("()[] "))
        ):
            fields.append(part)
    return fields


def _cut_description(text: str) -> str:
    """The header part of a text that may run on into a sentence."""
    return _DESCRIPTION_CUT_RE.split(text, maxsplit=1)[0]


# A full stop ends the header, but not one that shortens a word of a name ("St. Mary's").
_DESCRIPTION_CUT_RE = re.compile(
    r"(?<=[a-z0-9)])(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bDr)(?<!\bJr)(?<!\bSr)[.:]\s+(?=[A-Z])"
    r"|\s+[-–—]\s+(?=[A-Z][a-z]+ed\b)"
)


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


# Where a title's head noun ends: "Director | of Sales", "Manager | , Finance", "Engineer | II".
_HEAD_END_RE = re.compile(r"\s+(?:of|for|to|in|at)\s+|\s*[,(/&]\s*|\s+[-–—|]\s+", re.IGNORECASE)
_LEVEL_RE = re.compile(r"(?:\s+(?:[IVX]{1,4}|\d))+$")


def _has_role_head(text: str) -> bool:
    """Does a text end its first phrase on a job-title noun, as titles do ("Certified Nursing
    Assistant", "Director of Sales", "Engineer II"), where a name holding one leads with it
    ("Sunrise Senior Living", "Northwind Traders")?"""
    head = _LEVEL_RE.sub("", _HEAD_END_RE.split(text, maxsplit=1)[0].strip())
    words = _LETTER_WORD_RE.findall(head)
    if not words:
        return False
    last = words[-1].lower().rstrip(".")
    return last in _ROLE_WORDS and not (last.endswith("s") and last[:-1] in _ROLE_WORDS)


def _title_rank(role: int, org: int, text: str) -> int:
    """How surely a field is a title, from 0 (not one) to 3."""
    if role > org:
        return 3 if _has_role_head(text) else 1
    return 2 if role and role == org and _has_role_head(text) else 0


def _assign(fields: Sequence[str]) -> tuple[str | None, str | None]:
    """Which of the fields is the title and which the organisation.

    A field with more role words than organisation words is a title, and one whose phrase
    ends on a role noun more surely ("Sunrise Senior Living | Certified Nursing Assistant").
    So is a field with as many of each that ends on one ("Software Engineering Intern",
    where "software" names companies too), before a name holding a role word ("Northwind
    Traders"); an employer with no telling word ("Infosys") written first is no title.
    """
    scored = [(text, *_score(text)) for text in fields]
    ranks = [_title_rank(role, org, text) for text, role, org in scored]
    best = max(ranks, default=0)
    title = fields[ranks.index(best)] if best else None
    organization = next((text for text, role, org in scored if org > role and text != title), None)
    rest = [text for text in fields if text not in (title, organization)]
    if title is None and rest:
        title = rest.pop(0)
    if organization is None and rest:
        organization = rest.pop(0)
    return title, organization
