"""Wrapped lines: when a line runs on into the next, so a phrase may span the break."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from matcher.document import BULLET_GLYPHS

if TYPE_CHECKING:
    from matcher.document import Line


DEFAULT_WRAP_STEP = 1.8
"""Most a wrapped line's top lies below the line before it, in font sizes: one line's
pitch, not the gap that ends a paragraph or a list item."""
# A line that opens with a bullet or a number starts an item of its own.
_ITEM_START = re.compile(rf"[{BULLET_GLYPHS}*\-–—>]|\d{{1,2}}[.)](?:\s|$)|\(?[a-z]\)\s")
_SENTENCE_END = frozenset(".!?:;")


def line_continues(line: Line, after: Line) -> bool:
    """True when ``after`` carries on ``line``'s sentence: the text wrapped at the break.

    A reader joins two lines when the first leaves its sentence open (no closing
    punctuation) and the next neither starts an item of its own (a bullet, a number) nor
    stands apart on the page (a gap, another font size or weight, another page but the
    next).  Then the words say it: a continuation in lower case ("unsupervised" /
    "learning"), or a phrase in title case running on ("with Support" / "Vector Machine")
    from a line that is more than a lone item or two ("Python" / "Machine Learning" are two
    items of a list, not one phrase).
    """
    first, second = line.text, after.text
    if not first or not second or first[-1] in _SENTENCE_END or _ITEM_START.match(second):
        return False
    if line.size and after.size and (line.size != after.size or line.bold != after.bold):
        return False
    if after.page != line.page:
        if after.page != line.page + 1:
            return False
    elif line.top or after.top:  # where the lines stand is known (not in a DOCX)
        # On a page the next line sits one line's pitch below; in a text file it is the
        # very next line (a blank line between ends the paragraph).
        pitch = DEFAULT_WRAP_STEP * line.size if line.size else 1.0
        if not 0 < after.top - line.top <= pitch:
            return False
    words = first.split()
    if second[0].islower():
        return len(words) >= 2
    return second[0].isupper() and words[-1][0].isupper() and (len(words) >= 3 or "," in first)
