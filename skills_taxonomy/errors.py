"""The taxonomy package's one error.  It imports nothing: the data package depends on no
application (``matcher`` reports it as exit 5, ``matcher.errors.BadTaxonomyError``)."""

from __future__ import annotations

from collections.abc import Iterable


class TaxonomyError(ValueError):
    """The taxonomy (shipped, or extended by a user's file) is invalid.

    ``problems`` holds every problem found, each as ``"file:line: message"``.
    """

    def __init__(self, message: str, *, problems: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)
