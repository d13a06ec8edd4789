"""The ``matcher`` command group: where a :class:`~matcher.errors.MatcherError` becomes an
exit code and a message on stderr.

The commands live beside it, one module per family (:mod:`matcher.cli.score`,
:mod:`~matcher.cli.batch`, :mod:`~matcher.cli.pool`, :mod:`~matcher.cli.serve`,
:mod:`~matcher.cli.taxonomy`).  Heavy modules (spaCy, scikit-learn, the PDF readers) are
imported inside the commands that use them, so ``matcher --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, Any

import click

from matcher import __version__
from matcher.cli.options import verbose_option
from matcher.errors import BadTaxonomyError, MatcherError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class ReportedError(click.ClickException):
    """A :class:`MatcherError` on its way to the terminal: one line, a hint, its exit code."""

    def __init__(self, error: MatcherError) -> None:
        super().__init__(error.message)
        self.error = error
        self.exit_code = int(error.exit_code)  # type: ignore[misc]  # click reads it per instance

    def show(self, file: IO[Any] | None = None) -> None:
        stream = file if file is not None else sys.stderr
        click.echo(f"error: {self.error.message}", file=stream)
        if isinstance(self.error, BadTaxonomyError):
            for problem in self.error.problems:
                click.echo(f"  {problem}", file=stream)
        if self.error.hint:
            click.echo(f"hint: {self.error.hint}", file=stream)


class MatcherGroup(click.Group):
    """A click group that reports :class:`MatcherError` without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MatcherError as exc:
            raise ReportedError(exc) from exc
        except ValueError as exc:
            # Imported here: the taxonomy package pulls in YAML, which `matcher --help` need
            # not load (by now it is loaded: the error came from it).
            from skills_taxonomy.errors import TaxonomyError

            if not isinstance(exc, TaxonomyError):
                raise
            raise ReportedError(BadTaxonomyError(exc.message, problems=exc.problems)) from exc


@click.group(cls=MatcherGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="matcher")
@verbose_option
def cli() -> None:
    """Match resumes to the AI-engineering career ladder, offline.

    Scores a resume against five career levels and five industries from the AI
    Engineer Career Guide 2026, finds its skills with the line that proves each,
    and lists what is missing.

    \b
    Example:
      matcher score resume.pdf
      matcher gaps resume.pdf --level ai-architect
      matcher skills resume.pdf --format json
      matcher taxonomy show senior-ai-engineer
      matcher -v batch resumes/ --out ranked.csv   # log each stage and its time
    """


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="matcher")
