"""Certifications: the taxonomy's names found anywhere, and any line of a certifications
section."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from matcher.document import Line, fold_case
from matcher.parse.aliases import _taxonomy_aliases
from matcher.parse.dates import DASHES, DATE, YEAR, locate_periods, may_hold_a_date
from matcher.parse.headers import DEFAULT_HEADER_MAX_WORDS
from matcher.parse.result import CertificationMatch, Section
from matcher.parse.text import _balance, _clean, _is_bullet, _strip_bullet
from skills_taxonomy.model import Taxonomy

# A date closing a certification's line ("…, issued Jan 2021", "(03/2019)"), with what leads
# up to it: the word before it too when the date is a year alone ("Exam 2020").
_CERT_NOISE_RE = re.compile(
    rf"\s*(?:[{DASHES},(]\s*)?(?:(?:issued|obtained|earned|completed|expires?|valid)\s*:?\s*)?"
    rf"(?:\b[A-Za-z]{{3,9}}\.?\s+(?={YEAR}))?{DATE}\)?\s*$",
    re.IGNORECASE,
)


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
                name = _CERT_NOISE_RE.sub("", piece) if may_hold_a_date(piece) else piece
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
