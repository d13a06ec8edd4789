"""The last step before any output: the schema version stamped, the candidate redacted.

Every front door (the commands, a batch's rows, the pool, the web app) shows a report's
JSON through :func:`finish_output`, so all of them carry the same ``schema_version`` and
redact the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from matcher.score.report import SCHEMA_VERSION

if TYPE_CHECKING:
    from matcher.parse import Contact

__all__ = ["SCHEMA_VERSION", "contact_of", "finish_output"]


def finish_output(data: Mapping[str, Any], contact: Contact, *, redact: bool) -> dict[str, Any]:
    """``data`` as every front door shows it: the schema version stamped, and with
    ``redact`` the candidate's identity (``contact``, and addresses by their shape) removed."""
    from matcher.output.redact import redact_candidate

    finished = {"schema_version": SCHEMA_VERSION, **data}
    return redact_candidate(finished, contact) if redact else finished


def contact_of(data: Mapping[str, Any]) -> Contact:
    """The contact details of a report's ``candidate`` object."""
    from matcher.parse import Contact

    return Contact(
        name=data["name"], email=data["email"], phone=data["phone"], links=tuple(data["links"])
    )
