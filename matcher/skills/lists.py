"""Lists of skills: the separators and level words between items, and which mentions
stand in a list ("Spark, Hadoop", "C • C++", skills one per line)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING

from matcher.document import BULLET_GLYPHS
from matcher.skills.spans import _Breaks, _Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


SKILLS_SECTIONS = frozenset({"skills"})
"""Sections where a word is listed as a skill, so an ambiguous word needs no other context."""


# Neighbours that make a one-letter form a list item: "R, Python", "C/C++", "in R".
_BULLETS = frozenset(BULLET_GLYPHS)
_SEPARATORS = frozenset(
    {",", "/", "(", ")", "[", "]", ";", ":", "|", "&", "+", "-", "–", ".", "and", "or", "etc"}
    | _BULLETS
)
"""Tokens that separate the items of a list."""
_ITEM_BREAKS = _SEPARATORS - {"(", ")", "[", "]", "+"}
"""Tokens that end an item of a list ("R (basic)" is one item)."""
_LEVEL_WORDS = frozenset(
    {"basic", "basics", "beginner", "intermediate", "advanced", "expert", "proficient", "of"}
)
"""Words that grade a list item ("Advanced Excel, Beginner Go") rather than end the list."""
_LIST_FILLERS = _SEPARATORS | _LEVEL_WORDS
_LIST_NEIGHBOURS = (_SEPARATORS - {"&", "+", "-", "–", "."}) | {"in", "with", "using", "of"}
"""Tokens next to which a one-letter form reads as a list item ("basics of C, SQL")."""
_LIST_CONTEXT = frozenset({"programming", "language", "languages", "statistical", "coding", "code"})


def _listed_with_another_skill(
    doc: Doc, ent: _Entity, window: range, skill_at: Mapping[int, str]
) -> bool:
    """True when, past separators only, the next token either side belongs to another skill
    ("Spark and Hadoop", "C, C++"): a list of skills, which makes an ambiguous word a skill.
    A skill further off in the sentence says nothing ("CV and generated views in HANA")."""
    for step, index in ((-1, ent.start - 1), (1, ent.end)):
        while index in window and doc[index].lower_ in _LIST_FILLERS:
            index += step
        if index in window and index in skill_at and skill_at[index] != ent.skill_id:
            return True
    return False


def _between(
    doc: Doc, ent: _Entity, window: range, words: frozenset[str], in_skill: Collection[int]
) -> bool:
    """True when each neighbour of ``ent`` on its line is one of ``words`` or part of a skill."""
    for index in (ent.start - 1, ent.end):
        if index in window and doc[index].lower_ not in words and index not in in_skill:
            return False
    return True


def _is_list_item(
    doc: Doc,
    ent: _Entity,
    window: range,
    others: bool,
    section: str,
    in_skill: Collection[int],
    lists: _Lists,
) -> bool:
    if not _between(doc, ent, window, _LIST_NEIGHBOURS, in_skill):
        return False
    return (
        others
        or section in SKILLS_SECTIONS
        or any(doc[index].lower_ in _LIST_CONTEXT for index in window)
        or lists.holds(ent)
    )


class _Lists:
    """Which lines of a doc are lists of skills, asked only of the few mentions that need it.

    A line is a *list* when it splits at separators ("C • C++", "Languages: C, R, Go") into
    two or more items, at least half of them skills (a level word or brackets allowed:
    "R (basic)"); a lone skill is an *item* of a list when a line beside it, in its section,
    is a list or an item too (skills one per line).  "Plan B, C and D" and "a grade of C"
    are neither.
    """

    def __init__(
        self,
        doc: Doc,
        breaks: _Breaks,
        in_skill: Collection[int],
        sections: Callable[[int], str],
    ) -> None:
        self.doc, self.breaks, self.in_skill, self.sections = doc, breaks, in_skill, sections
        self.kinds: dict[int, str] = {}

    def holds(self, ent: _Entity, *, alone: bool = True) -> bool:
        """True when ``ent`` stands in a list of skills (``alone``: or is a lone item)."""
        number = bisect_right(self.breaks.ends, ent.start)
        kind = self._kind(number)
        if kind != "item" or not alone:
            return kind == "list"
        section = self.sections(self._tokens(number).start)
        return any(
            0 <= other <= len(self.breaks.ends)
            and self._kind(other) != "other"
            and self.sections(self._tokens(other).start) == section
            for other in (number - 1, number + 1)
        )

    def _tokens(self, number: int) -> range:
        ends, starts = self.breaks
        start = starts[number - 1] if number else 0
        return range(start, ends[number] if number < len(ends) else len(self.doc))

    def _kind(self, number: int) -> str:
        kind = self.kinds.get(number)
        if kind is None:
            kind = self.kinds[number] = self._read(self._tokens(number))
        return kind

    def _read(self, tokens: range) -> str:
        items: list[list[int]] = [[]]
        for index in tokens:
            word = self.doc[index].lower_
            if word in _ITEM_BREAKS:
                items.append([])
            elif word not in _SEPARATORS:  # brackets stay inside the item
                items[-1].append(index)
        words = [item for item in items if item]
        skills = sum(
            all(i in self.in_skill or self.doc[i].lower_ in _LEVEL_WORDS for i in item)
            for item in words
        )
        if len(words) >= 2 and skills >= 2 and 2 * skills >= len(words):
            return "list"
        return "item" if len(words) == skills == 1 else "other"
