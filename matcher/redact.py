"""Remove a candidate's identity from output: name, email, phone, links.

Applied to the JSON-ready data of any command, so every renderer (table, JSON, CSV, HTML)
sees only redacted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matcher.parse import Contact

REDACTED = "[redacted]"
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
            terms |= {word for word in re.split(r"[\s,.]+", secret) if len(word) >= 3}
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
    if isinstance(value, str) and pattern is not None:
        return pattern.sub(REDACTED, value)
    return value
