"""A taxonomy's names for degrees, fields and certifications, as patterns searched in lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from matcher.document import fold_case
from skills_taxonomy.model import Taxonomy


@dataclass(frozen=True)
class _Alias:
    pattern: re.Pattern[str]
    target: str
    name: str
    needle: str | None
    """A word of the alias that text must hold, once :func:`fold_case` folded it, for the
    pattern to match there (None for an alias beyond ASCII: always search)."""


@dataclass(frozen=True)
class _AliasList:
    """Aliases in the order they are tried, with the aliases of each needle."""

    aliases: tuple[_Alias, ...]
    by_needle: tuple[tuple[str | None, tuple[int, ...]], ...]
    """Each distinct needle with the positions of its aliases in ``aliases``."""

    @classmethod
    def of(cls, aliases: Sequence[_Alias]) -> _AliasList:
        positions: dict[str | None, list[int]] = {}
        for number, alias in enumerate(aliases):
            positions.setdefault(alias.needle, []).append(number)
        return cls(tuple(aliases), tuple((n, tuple(p)) for n, p in positions.items()))

    def candidates(self, folded: str) -> list[_Alias]:
        """The aliases that can match a text, in order; ``folded`` is its ``fold_case``.

        Aliases share needles ("bachelor of science", "bachelor of arts"): one substring
        test per needle is far cheaper than a search per alias.
        """
        found = sorted(
            number
            for needle, numbers in self.by_needle
            if needle is None or needle in folded
            for number in numbers
        )
        return [self.aliases[number] for number in found]


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for a taxonomy alias.

    Short aliases without punctuation ("ms", "ba", "cs", "phd") are ordinary words or
    fragments in lower case, so they must not be written all in lower case ("MS", "PhD").
    """
    escaped = r"\s+".join(re.escape(part) for part in alias.split())
    if len(alias) <= 3 and alias.isalpha():
        return re.compile(rf"(?<![\w.])(?-i:(?![a-z]+\b)){escaped}(?![\w])", re.IGNORECASE)
    return re.compile(rf"(?<![\w.]){escaped}(?![\w])", re.IGNORECASE)


def _aliases(entries: Iterable[tuple[str, str, Iterable[str]]]) -> _AliasList:
    found = [
        _Alias(
            _alias_pattern(alias),
            target,
            name,
            max(alias.split(), key=len) if alias.isascii() else None,
        )
        for target, name, aliases in entries
        for alias in {name.lower(), *(a.lower() for a in aliases)}
        if alias.strip()
    ]
    # Longest first, so "master of business administration" wins over "master".
    return _AliasList.of(sorted(found, key=lambda a: len(a.pattern.pattern), reverse=True))


class _TaxonomyAliases(NamedTuple):
    degrees: _AliasList
    fields: _AliasList
    certifications: _AliasList


@lru_cache(maxsize=4)
def _taxonomy_aliases(taxonomy: Taxonomy | None) -> _TaxonomyAliases:
    """The alias patterns of a taxonomy's degrees, fields and certifications (built once)."""
    if taxonomy is None:
        return _TaxonomyAliases(*(_AliasList.of([]) for _ in range(3)))
    return _TaxonomyAliases(
        _aliases((level.id, level.name, level.aliases) for level in taxonomy.degree_levels),
        _aliases((f.id, f.name, f.aliases) for f in taxonomy.degree_fields),
        _aliases((c.id, c.name, c.aliases) for c in taxonomy.certifications),
    )


def _first_alias(text: str, aliases: _AliasList) -> tuple[_Alias, re.Match[str]] | None:
    best: tuple[_Alias, re.Match[str]] | None = None
    for alias in aliases.candidates(fold_case(text)):
        match = alias.pattern.search(text)
        if match and (
            best is None or (match.end() - match.start()) > (best[1].end() - best[1].start())
        ):
            best = (alias, match)
    return best
