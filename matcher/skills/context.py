"""What the words around a mention say: a context word for an ambiguous one, the start
of an organisation's name, a sector served, a negation."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from matcher.skills.spans import _Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


# "no experience with", "not yet familiar with", "never used", "lack of exposure to", ...:
# a cue, then within a few words a word about having the skill.  Matched on the clause
# before a mention, so "no downtime using Kubernetes" is not a negation of Kubernetes.
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|lack(?:ing)?|little|limited|zero)\b(?:\W+\w+){0,3}?\W+"
    r"(?:experience[ds]?|exposure|knowledge|familiar(?:ity)?|proficien\w*|expertise|"
    r"used|worked|skills?)\b"
    r"|\bunfamiliar\b",
    re.IGNORECASE,
)
# "clients in banking, accounting and consulting", "industries: retail, accounting": a list of
# the sectors served, whose items are sectors, not skills.  The cue needs its preposition or
# colon ("customers using Excel" lists tools), and the items are a word or two each.
_SECTOR_CUE = re.compile(
    r"\b(?:clients?|customers?|industries|industry|sectors?|verticals?|companies|firms|"
    r"businesses|organi[sz]ations)(?:\s+(?:served|covered|supported))?"
    r"\s*(?::|\s(?:in|across|from|including|like|such as|spanning|ranging from)\b)",
    re.IGNORECASE,
)
_SECTOR_ITEMS = re.compile(r"\s*(?:[\w'.-]+(?:\s+[\w'.-]+)?\s*(?:,|&|/|\band\b|\bor\b)\s*)*")
# "accounting firms", "the marketing industry": a sector named by what follows it.
_SECTOR_AFTER = re.compile(
    r" +((?i:firms?|agenc(?:y|ies)|clients?|industry|industries|sectors?))\b"
)
_CLAUSE_BREAK = re.compile(r"[.;!?•]|\bbut\b|\bhowever\b|\balthough\b", re.IGNORECASE)


# "Oracle Corporation", "Spark Technologies Pvt Ltd": an ambiguous word naming an employer.
_ORGANISATION_SUFFIXES = frozenset(
    {
        "limited", "ltd", "inc", "llc", "llp", "corp", "corporation", "pvt", "plc", "gmbh",
        "co", "company", "group", "technologies", "solutions", "labs", "consultancy",
        "enterprises", "industries", "holdings", "foundation", "university", "college",
    }
)  # fmt: skip
_NAME_SUFFIXES = frozenset(
    {
        "limited", "ltd", "inc", "llc", "llp", "corp", "corporation", "pvt", "plc", "gmbh",
        "foundation", "society", "association", "consortium", "institute",
    }
)  # fmt: skip
"""The suffixes that make any skill the start of an organisation's name ("The Linux
Foundation", "Python Software Foundation"): the organisation is not its topic.  Words such
as "Solutions" or "Labs" name organisations too, but also things ("AWS Solutions
Architect"), so only ambiguous words are checked against :data:`_ORGANISATION_SUFFIXES`."""
_NAME_BREAKS = frozenset({"for", "at", "with", "in", "by", "to", "from", "on", "and", "of"})


def _has_context_word(doc: Doc, ent: _Entity, window: range, context: Sequence[str]) -> bool:
    """True when a context word stands in the window, outside the mention itself (a
    skill's context may hold its own name: "Ray" is not context for "Ray")."""
    around = [doc[window.start : ent.start], doc[ent.end : window.stop]]
    words = {token.lower_ for part in around for token in part}
    lowered = " ".join(part.text.lower() for part in around)
    return any(word in words or (" " in word and word in lowered) for word in context)


def _names_an_organisation(doc: Doc, ent: _Entity, window: range, suffixes: frozenset[str]) -> bool:
    """True when the mention starts an organisation's name: at most two more capitalised
    words, then one of ``suffixes`` ("Ray Engineering Limited", "Oracle Corp.", "The
    Linux Foundation")."""
    if not ent.text[:1].isupper() or ent.end >= window.stop:
        return False
    index = ent.end
    for _ in range(3):
        if index >= window.stop:
            return False
        token = doc[index]
        if not (token.is_title or token.is_upper):
            return False
        word = token.lower_.rstrip(".")
        if word in suffixes:
            return True
        if word in _NAME_BREAKS:  # "ERP System For Acme Ltd" names no organisation
            return False
        index += 1
    return False


class _Sectors:
    """Which mentions name a sector served rather than a skill: an item of a list of
    clients' industries ("clients in banking, accounting and consulting"), or followed by
    the word that makes it one ("accounting firms").  The cues of a line are found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cues: dict[int, list[int]] = {}  # line start -> where each cue ends

    def named(self, line_start: int, start: int, length: int) -> bool:
        text = self.text
        after = _SECTOR_AFTER.match(text, start + length)
        # "disease detection Client: ..." is a label after a phrase, not "accounting firms"
        if after is not None and text[start].islower() == text[after.start(1)].islower():
            return True
        cues = self.cues.get(line_start)
        if cues is None:
            end = text.find("\n", start)
            found = _SECTOR_CUE.finditer(text, line_start, len(text) if end < 0 else end)
            cues = self.cues[line_start] = [cue.end() for cue in found]
        last = bisect_right(cues, start) - 1
        return (
            last >= 0
            and start - cues[last] <= _NEGATION_REACH
            and _SECTOR_ITEMS.fullmatch(text, cues[last], start) is not None
        )


_NEGATION_REACH = 120
"""Characters before a mention searched for a negation: a clause, not a whole page."""


def _is_negated(before: str) -> bool:
    """True when the clause leading up to a mention negates having the skill."""
    reach = before[-_NEGATION_REACH:]
    # Most mentions have no negation cue anywhere before them, and one search says so for
    # a third of the time of splitting clauses: a cue in the last clause is one in the
    # whole reach (the clause is its end, and a clause break ends at a word boundary).
    if _NEGATION.search(reach) is None:
        return False
    clause = _CLAUSE_BREAK.split(reach)[-1]
    return _NEGATION.search(clause) is not None
