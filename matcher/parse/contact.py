"""Contact details: the candidate's name, email, telephone and links."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from matcher.document import Line, ResumeText, fold_case
from matcher.parse.dates import YEAR
from matcher.parse.result import Contact, Section
from matcher.parse.sections import _HEADING_WORDS, _body_size, _phrase_name
from matcher.parse.text import _ORG_WORDS, _ROLE_WORDS, _clean, _strip_markdown, _wordset

__all__ = [
    "DEFAULT_NAME_LINES",
    "DEFAULT_NAME_SIZE_RATIO",
    "DEFAULT_NAME_TOP",
    "DEFAULT_PROFILE_FIELDS",
]

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
    head = _with_stacked_names(head, first_page)
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


_FIRST_NAME_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])+")
"""One word of two letters or more, as a first name set alone on its line."""


def _with_stacked_names(head: Sequence[Line], page: Sequence[Line]) -> list[Line]:
    """``head``, where a first name is set alone above the surnames ("CHRISTIAN" over
    "LARICO DEPAZ", a designer's layout), with the two joined as one line before them.

    The pair is found by where it stands, not by reading order (a column beside it may fall
    between the two): one word, and below it, left-aligned within a letter's width and no
    more than a line and a half down, a line of the same size.  The joined line is only a
    candidate: it must still have a name's shape.
    """
    joined: dict[Line, Line] = {}
    for upper in head:
        if upper.size <= 0 or not _FIRST_NAME_RE.fullmatch(upper.text):
            continue
        below = [
            line
            for line in page
            if line.page == upper.page
            and abs(line.size - upper.size) < 0.5
            and abs(line.x0 - upper.x0) < upper.size
            and 0 < line.top - upper.top <= 1.5 * upper.size
        ]
        if below:
            lower = min(below, key=lambda line: line.top)
            joined[upper] = replace(upper, text=f"{upper.text} {lower.text}")
    return [line for upper in head for line in (joined.get(upper), upper) if line is not None]


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
_PHONE_YEAR_RE = re.compile(YEAR)
# A day, a month and a year: "10.12.2019" is a date wherever it stands in a number.
_PHONE_DATE_RE = re.compile(rf"(?<!\d)\d{{1,2}}[.-]\d{{1,2}}[.-]{YEAR}")
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
