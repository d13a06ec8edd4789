"""Finding an industry's domain terms in a resume: one pattern per industry's vocabulary,
and one scan for all of them at once (:func:`find_folded_terms`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any


def vocabulary_pattern(vocabulary: Iterable[str], *, folded: bool) -> re.Pattern[str]:
    """Any term of ``vocabulary`` as a whole word (not inside a word or a hyphenated
    compound), case-insensitively; where several match, the longest.

    ``folded``: the pattern reads text that :func:`fold_case` folded, and is a trie of
    the lower-cased terms.  It finds the same matches as the case-insensitive alternation
    of the terms, longest first, several times faster: the engine skips to a term's first
    letter and follows one branch per letter.  Every term must then be ASCII and not blank.
    """
    if not folded:
        longest_first = sorted(vocabulary, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in longest_first)
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    # The word boundary before a term is checked after its first letter, so that the
    # pattern starts with a letter and the engine can skip ahead to one.
    starts = "|".join(
        re.escape(char) + r"(?<![\w-](?s:.))" + _trie_pattern(node)
        for char, node in _trie(vocabulary).items()
    )
    return re.compile(rf"(?:{starts})(?![\w-])")


def term_start_pattern(vocabulary: Iterable[str]) -> re.Pattern[str]:
    """The character before each place where a term of ``vocabulary`` starts as a whole
    word, in text that :func:`fold_case` folded (the terms as for :func:`vocabulary_pattern`).

    Not the place itself: the pattern starts with a character that is not part of a word,
    so that the engine skips from one to the next instead of trying every letter.  A match
    is one character long; no place is skipped.  Text that starts with a term needs a line
    break put before it.
    """
    return re.compile(rf"[^\w-](?={_trie_pattern(_trie(vocabulary))}(?![\w-]))")


def _trie(vocabulary: Iterable[str]) -> dict[str, Any]:
    """The lower-cased terms as a trie: a dict per letter, ``""`` where a term ends."""
    trie: dict[str, Any] = {}
    for term in vocabulary:
        node = trie
        for char in term.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here
    return trie


def _trie_pattern(node: Mapping[str, Any]) -> str:
    """The rest of a trie's terms from ``node``: a longer term before a shorter one."""
    longer = [re.escape(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not longer:
        return ""
    if len(longer) == 1 and "" not in node:
        return longer[0]
    return "(?:" + "|".join(longer) + ("|)" if "" in node else ")")


def find_folded_terms(
    patterns: Mapping[str, re.Pattern[str]], starts: re.Pattern[str], folded: str
) -> dict[str, list[tuple[int, int]]]:
    """The spans of each folded pattern's terms (:func:`vocabulary_pattern`) in ``folded``
    text: what its ``finditer`` finds (leftmost first, none overlapping), in one scan.

    ``starts``: :func:`term_start_pattern` of all the patterns' terms.  ``finditer``
    would try every pattern at every letter of the text; a term can only start where
    ``starts`` finds one, a dozen places in a resume, and each pattern is tried there
    alone, except inside its own previous match.
    """
    spans: dict[str, list[tuple[int, int]]] = {key: [] for key in patterns}
    searched_to = dict.fromkeys(patterns, 0)
    # The character before a term, in the text after one more character, is at the
    # term's own position in ``folded``.
    for before in starts.finditer("\n" + folded):
        position = before.start()
        for key, pattern in patterns.items():
            if position >= searched_to[key] and (match := pattern.match(folded, position)):
                spans[key].append(match.span())
                searched_to[key] = match.end()
    return spans
