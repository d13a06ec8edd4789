"""Finding mentions: the text goes to the pipeline in chunks, and each skill entity is kept
or dropped by the rules a careful reader applies (context, lists, organisations, sectors,
negation)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from matcher.skills.context import (
    _NAME_SUFFIXES,
    _ORGANISATION_SUFFIXES,
    _has_context_word,
    _is_negated,
    _names_an_organisation,
    _Sectors,
)
from matcher.skills.lists import (
    _SEPARATORS,
    SKILLS_SECTIONS,
    _between,
    _is_list_item,
    _listed_with_another_skill,
    _Lists,
)
from matcher.skills.pipeline import ANY_CASE_LABEL, SKILL_LABEL, build_pipeline
from matcher.skills.result import Mention, TextLine
from matcher.skills.spans import _Entity, _line_breaks, _line_window
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


DEFAULT_CONTEXT_WINDOW = 8
"""Tokens either side of an ambiguous mention searched for a context word or another skill."""
DEFAULT_NEGATION_WINDOW = 6
"""Tokens before a mention, within its clause, searched for a negation cue."""


DEFAULT_CHUNK_CHARS = 50_000
"""Text handed to spaCy at once: bounds memory whatever the size of the input."""
DEFAULT_MAX_LINE_CHARS = 2_000
"""Longer lines (a text file with no line breaks) are searched in pieces of this size."""


def find_mentions(
    lines: Sequence[TextLine], taxonomy: Taxonomy, *, nlp: Language | None = None
) -> list[Mention]:
    """Every accepted mention of a skill in ``lines``, in reading order.

    The text goes to spaCy in chunks of whole lines (over-long lines cut at spaces), so
    a 10 MB file costs time, not memory.
    """
    nlp = nlp if nlp is not None else build_pipeline(taxonomy)
    pieces: list[tuple[int, int, TextLine]] = []  # (line index, offset in line, piece)
    for index, line in enumerate(lines):
        if len(line.text) <= DEFAULT_MAX_LINE_CHARS:  # most lines: the line is the piece
            pieces.append((index, 0, line))
            continue
        cut = list(_cut(line.text, DEFAULT_MAX_LINE_CHARS))
        for number, (offset, text) in enumerate(cut):
            # The pieces of a line run on into each other, as a wrapped line does.
            continues = line.continues if number == len(cut) - 1 else True
            pieces.append((index, offset, TextLine(text, line.section, line.position, continues)))
    mentions: list[Mention] = []
    start = 0
    while start < len(pieces):
        end, size = start, 0
        while end < len(pieces) and (
            end == start
            or size + len(pieces[end][2].text) < DEFAULT_CHUNK_CHARS
            # a chunk ends at a line break, not inside a wrapped sentence (within reason)
            or (pieces[end - 1][2].continues and size < 2 * DEFAULT_CHUNK_CHARS)
        ):
            size += len(pieces[end][2].text) + 1
            end += 1
        chunk = pieces[start:end]
        for found in _mentions_in([piece for _, _, piece in chunk], taxonomy, nlp):
            index, offset, _ = chunk[found.line]
            last = None if found.end_line is None else chunk[found.end_line][0]
            mentions.append(
                Mention(
                    found.skill_id,
                    index,
                    found.surface,
                    offset + found.start,
                    end_line=last if last != index else None,
                )
            )
        start = end
    return mentions


def _cut(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most about ``size`` characters, cut at spaces."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut if cut > start else start + size
        yield start, text[start:cut]
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    yield start, text[start:]


def _mentions_in(lines: Sequence[TextLine], taxonomy: Taxonomy, nlp: Language) -> list[Mention]:
    """The mentions in a chunk of lines small enough for one spaCy Doc."""
    if not lines:
        return []
    # A wrapped line runs on into the next with a space, as the sentence was written, so a
    # phrase may span the break; like any line break it still bounds the context windows
    # (two rows of a table can look like a wrapped line).
    text = "".join(
        [text for line in lines for text in (line.text, " " if line.continues else "\n")][:-1]
    )
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line.text) + 1)
    doc = nlp(text)
    ents = _entities(doc, text)
    skill_at = {i: ent.skill_id for ent in ents for i in range(ent.start, ent.end)}
    in_skill = skill_at.keys()
    wraps = [starts[index + 1] for index, line in enumerate(lines[:-1]) if line.continues]
    breaks = _line_breaks(doc, text, wraps)
    # doc.ents are in order, so the skills near a mention are found by bisection: a scan of
    # every entity for every entity is quadratic in the length of the text.
    ent_starts = [ent.start for ent in ents]
    lists = _Lists(
        doc, breaks, in_skill, lambda token: lines[bisect_right(starts, doc[token].idx) - 1].section
    )
    sectors = _Sectors(text)
    mentions = []
    for ent in ents:
        index = bisect_right(starts, ent.start_char) - 1
        skill = taxonomy.skill(ent.skill_id)
        section = lines[index].section
        window = _line_window(ent, breaks, len(doc), DEFAULT_CONTEXT_WINDOW)
        nearby = ents[bisect_left(ent_starts, window.start) : bisect_left(ent_starts, window.stop)]
        others = _listed_with_another_skill(doc, ent, window, skill_at)
        if ent.label == ANY_CASE_LABEL:
            # "go", "react", "c" in lower case are words unless they stand in a list of
            # skills, at least one of which is written the way the taxonomy writes it.
            listed = any(o.label == SKILL_LABEL and o.skill_id != ent.skill_id for o in nearby)
            if not _between(doc, ent, window, _SEPARATORS, in_skill):
                continue
            if not (listed or section in SKILLS_SECTIONS):
                continue
        else:
            # Context is asked of the bare ambiguous forms ("Spark"), not of unambiguous
            # aliases of the same skill ("apache spark", "pyspark").
            ambiguous = bool(skill.context) and ent.text in skill.forms
            needs_context = ambiguous and section not in SKILLS_SECTIONS and not others
            # A short ambiguous form ("Go", "CV") is a skill as an item of a line of them;
            # a lone word on a line may be a sub-heading.
            if (
                needs_context
                and not _has_context_word(doc, ent, window, skill.context)
                and not (len(ent.text) <= 2 and lists.holds(ent, alone=False))
            ):
                continue
            suffixes = _ORGANISATION_SUFFIXES if ambiguous else _NAME_SUFFIXES
            if _names_an_organisation(doc, ent, window, suffixes):
                continue
            if len(ent.text) == 1 and not _is_list_item(
                doc, ent, window, others, section, in_skill, lists
            ):
                continue
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        if _is_negated(text[line_start : ent.start_char]) or sectors.named(
            line_start, ent.start_char, len(ent.text)
        ):
            continue
        last = bisect_right(starts, ent.start_char + len(ent.text) - 1) - 1
        mentions.append(
            Mention(
                skill.id,
                index,
                ent.text,
                ent.start_char - starts[index],
                end_line=last if last != index else None,
            )
        )
    return mentions


def _entities(doc: Doc, text: str) -> list[_Entity]:
    """The doc's skill entities, in order, with what the rules read of each."""
    return [
        _Entity(
            span.start,
            span.end,
            span.start_char,
            label,
            span.ent_id_,
            text[span.start_char : span.end_char],
        )
        for span in doc.ents
        if (label := span.label_) in (SKILL_LABEL, ANY_CASE_LABEL)
    ]
