"""Remove a candidate's identity from output: name, email, phone, links.

Applied to the JSON-ready data of any command, so every renderer (table, JSON, CSV, HTML)
sees only redacted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

REDACTED = "[redacted]"
_CONTACT_FIELDS = ("name", "email", "phone")


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
        result = {key: _walk(item, pattern) for key, item in value.items()}
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
