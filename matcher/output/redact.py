"""Remove a candidate's identity from output: name, email, phone, links and address.

Applied to the JSON-ready data of any command, so every renderer (table, JSON, CSV, HTML)
sees only redacted text.  The contact details the parser found are removed wherever they
appear; postal addresses, which it does not collect, are found by their shape (see
:data:`ADDRESS`): a street line ("1200 Pine St, Apt 4"), a city with its region and postal
code ("Seattle, WA 98101", "Chennai, Tamil Nadu 600001"), a UK or Canadian postcode, a PO
box.  A city or a region on its own is no address and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matcher.parse.result import Contact

REDACTED = "[redacted]"
# fmt: off
_STREET_TYPES = (
    "Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive",
    "Dr", "Way", "Court", "Ct", "Place", "Pl", "Terrace", "Parkway", "Pkwy", "Highway", "Hwy",
    "Square", "Sq", "Circle", "Cir", "Trail", "Close", "Crescent", "Gardens", "Mews", "Row",
)
_US_STATES = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY",
)
# fmt: on
ADDRESS = re.compile(
    "|".join(
        (
            # a house number, up to four capitalised words and a street type, maybe a unit
            rf"\b\d{{1,5}}[A-Z]?\s+(?:[A-Z][\w'.-]*\s+){{0,4}}(?:{'|'.join(_STREET_TYPES)})\b\.?"
            r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|#)\.?\s*[\w-]+)?",
            # a US city, state and ZIP code
            rf"\b[A-Z][A-Za-z.' -]{{1,30}},\s*(?:{'|'.join(_US_STATES)})\s+\d{{5}}(?:-\d{{4}})?\b",
            # a city, a region written out and a 5- or 6-digit postal code (US, India)
            r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*[-–]?\s*"
            r"\d{3}\s?\d{2,3}\b(?!\s*[a-z])",
            r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b",  # a UK postcode
            r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b",  # a Canadian postal code
            r"\bP\.?\s?O\.?\s+Box\s+\d+\b",
        )
    )
)
"""The shapes of a postal address, removed from every text of redacted output."""
_CONTACT_FIELDS = ("name", "email", "phone")
_IDENTIFIER_KEYS = frozenset(
    {
        "id",
        "best_level",
        "best_industry",
        "level",
        "region",
        "currency",
        "category",
        "importance",
        "section",
        "kind",
        "matched_skills",
        "via",
        "schema_version",
        "taxonomy_version",
        "as_of",
        "as_of_source",
    }
)
"""Keys whose values are the taxonomy's and the schema's identifiers, never the resume's: a
candidate named Edith Head keeps ``head-of-ai`` an id that programs can look up."""


def redact_candidate(data: Any, contact: Contact) -> Any:
    """``data`` without the candidate of ``contact``: :func:`redact` with their details."""
    return redact(data, [contact.name, contact.email, contact.phone, *contact.links])


def redacted_contact(contact: Contact) -> Contact:
    """``contact`` with each detail it has replaced by :data:`REDACTED`."""
    return replace(
        contact,
        name=contact.name and REDACTED,
        email=contact.email and REDACTED,
        phone=contact.phone and REDACTED,
        links=tuple(REDACTED for _ in contact.links),
    )


def redact(data: Any, secrets: Iterable[str | None]) -> Any:
    """``data`` with every occurrence of each secret replaced, and contact fields blanked.

    A person's name is also removed word by word ("Jane Doe" removes "Jane" and "Doe"
    wherever they stand as words), since resumes repeat surnames alone.
    """
    pattern = _pattern(secrets)
    return _walk(data, pattern)


def _pattern(secrets: Iterable[str | None]) -> re.Pattern[str] | None:
    terms: set[str] = set()
    for secret in secrets:
        if not secret or not secret.strip():
            continue
        terms.add(secret.strip())
        if "@" not in secret and "/" not in secret and not any(c.isdigit() for c in secret):
            # A nickname in quotes ("Litong “Leighton” Dong") is written bare elsewhere.
            words = (word.strip("\"“”‘’'()") for word in re.split(r"[\s,.]+", secret))
            terms |= {word for word in words if len(word) >= 3}
    if not terms:
        return None
    # Longest first, so a full name is replaced before its parts.
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=lambda t: (-len(t), t)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _walk(value: Any, pattern: re.Pattern[str] | None) -> Any:
    if isinstance(value, dict):
        result = {
            key: item if key in _IDENTIFIER_KEYS else _walk(item, pattern)
            for key, item in value.items()
        }
        candidate = result.get("candidate")
        if isinstance(candidate, dict):
            for key in _CONTACT_FIELDS:
                if candidate.get(key) is not None:
                    candidate[key] = REDACTED
            if candidate.get("links"):
                candidate["links"] = [REDACTED for _ in candidate["links"]]
        return result
    if isinstance(value, list):
        return [_walk(item, pattern) for item in value]
    if isinstance(value, str):
        value = ADDRESS.sub(REDACTED, value)
        return value if pattern is None else pattern.sub(REDACTED, value)
    return value
