"""Every failure the CLI reports without a traceback.

This module MUST NOT import from anything else in :mod:`matcher`: every other module
imports it.  Each error class carries its exit code (PRODUCT.md, "Exit codes") and a
hint telling the user what to do next.  ``matcher.cli`` is the one place that turns them
into exit codes.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``matcher`` command (the contract in PRODUCT.md)."""

    OK = 0
    ERROR = 1
    USAGE = 2
    UNREADABLE = 3
    NO_TEXT = 4
    BAD_TAXONOMY = 5
    INTERRUPTED = 130
    """Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it); what was done is
    kept."""


class MatcherError(Exception):
    """Base class for errors the CLI reports without a traceback."""

    exit_code: ExitCode = ExitCode.ERROR
    code: str = "error"
    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return self.message


class UsageError(MatcherError):
    """An option or argument the command cannot work with."""

    exit_code = ExitCode.USAGE
    code = "usage"
    hint = "Run the command with --help to see its options."


class UnreadableFileError(MatcherError):
    """The file is missing, corrupt, encrypted, too large, or not the format it claims."""

    exit_code = ExitCode.UNREADABLE
    code = "unreadable"
    hint = "Check that the file opens in a viewer; save it again as PDF, DOCX or text."


class NoTextError(MatcherError):
    """The file opens but holds no text layer (a scanned image, an empty document)."""

    exit_code = ExitCode.NO_TEXT
    code = "no-text"
    hint = "Run OCR on it first, or export the resume again from the program that made it."


class FileTimeoutError(MatcherError):
    """Reading and scoring one file took longer than its time limit (``batch --timeout``)."""

    code = "timeout"
    hint = "Open the file to check it is a normal resume, or raise --timeout."


class BadTaxonomyError(MatcherError):
    """The taxonomy (shipped or a user's --taxonomy file) is invalid: the command line's
    form of :class:`skills_taxonomy.TaxonomyError`, which the taxonomy's loader raises.

    ``problems`` holds every problem found, each as ``"file:line: message"``.
    """

    exit_code = ExitCode.BAD_TAXONOMY
    code = "bad-taxonomy"
    hint = "Fix the lines listed above; `matcher taxonomy validate FILE` checks a file."

    def __init__(
        self, message: str, *, problems: tuple[str, ...] = (), hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems


class BatchError(MatcherError):
    """The batch as a whole cannot run (not one file of it: those become error rows)."""
