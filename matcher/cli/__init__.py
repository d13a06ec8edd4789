"""The ``matcher`` command line: parse options, call the core, render the result.

The only package that imports click.  :mod:`matcher.cli.group` holds the command group and
the one place where a :class:`~matcher.errors.MatcherError` becomes an exit code and a
message on stderr; :mod:`matcher.cli.options` the options the commands share; then one
module per family of commands:

* :mod:`matcher.cli.score` — ``parse``, ``skills``, ``score``, ``gaps`` (one resume);
* :mod:`matcher.cli.batch` — ``batch`` (many resumes, ranked);
* :mod:`matcher.cli.pool` — ``pool add|list|show|remove|rank|search``;
* :mod:`matcher.cli.serve` — ``serve`` (the web app);
* :mod:`matcher.cli.taxonomy` — ``taxonomy list|show|validate|export``.
"""

from __future__ import annotations

# Importing the command modules registers their commands on the group.
from matcher.cli import batch, pool, score, serve, taxonomy  # noqa: F401
from matcher.cli.group import cli, main

__all__ = ["cli", "main"]
