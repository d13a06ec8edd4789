"""The resume's text as scoring compares it: every line, the candidate's identity blanked.

Who the candidate is is never evidence (:func:`identity_pattern`); the levels, the industries
and a job posting all read the resume through :func:`resume_text`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matcher.parse import Resume


def identity_pattern(resume: Resume) -> re.Pattern[str] | None:
    """The candidate's name (and each word of it), email, phone and links.

    Who the candidate is is never evidence: a Ms Banks is not in finance, and a name that
    shares a word with a profile ("Lan", "Mall") must not move a score.
    """
    contact = resume.contact
    words = [w for w in re.split(r"[\s,.]+", contact.name or "") if len(w) > 1]  # not initials
    secrets = {
        secret.strip()
        for secret in (contact.name, contact.email, contact.phone, *contact.links, *words)
        if secret and secret.strip()
    }
    if not secrets:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(secrets, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def without_identity(text: str, identity: re.Pattern[str] | None) -> str:
    """``text`` with the candidate's identity blanked out."""
    return text if identity is None else identity.sub(" ", text)


def resume_text(resume: Resume) -> str:
    """The resume's words as scoring sees them: every line, the candidate's identity blanked."""
    identity = identity_pattern(resume)
    return "\n".join(without_identity(line.text, identity) for _, line in resume.iter_lines())
