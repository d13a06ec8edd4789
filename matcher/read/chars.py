"""Character clean-up: ligatures, odd spaces, icon glyphs, bullets, dashes, soft hyphens.

Pure functions over text that every format shares: :func:`glyph_text` normalises one PDF
glyph, :data:`CHAR_TABLE` one line of DOCX or plain text, :func:`clean_line` drops a
bullet mark, and :func:`join_hyphenated` mends words broken across lines.
"""

from __future__ import annotations

import re
from dataclasses import replace

from matcher.document import BULLET_GLYPHS, Line


def _char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {
        0xFB00: "ff",
        0xFB01: "fi",
        0xFB02: "fl",
        0xFB03: "ffi",
        0xFB04: "ffl",
        0xFB05: "st",
        0xFB06: "st",
        0x2010: "-",
        0x2011: "-",
        # Unknown glyphs, not letters: the replacement character and two non-characters.
        0xFFFD: " ",
        0xFFFE: " ",
        0xFFFF: " ",
    }
    # Control characters, private-use glyphs (Symbol/Wingdings bullets, icon fonts) and lone
    # surrogates carry no text; each separates words.  Surrogates must go: they cannot be
    # encoded as UTF-8 when the result is written out.
    for start, stop in ((0x00, 0x20), (0x7F, 0xA0), (0xD800, 0xE000), (0xE000, 0xF900)):
        table.update(dict.fromkeys(range(start, stop), " "))
    # Exotic spaces become plain ones; zero-width characters vanish without breaking a word.
    for code in (0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000):
        table[code] = " "
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
        table[code] = None
    return table


CHAR_TABLE = _char_table()
_SOFT_HYPHEN = "\u00ad"

# A bullet symbol goes glued or not; a mark that opens text too only before a space (a
# glued dash stays: "-5% cost").
_BULLET_RE = re.compile(rf"^(?:[{BULLET_GLYPHS}]+\s*|(?:[-–—*+o]|--)\s+)")


# Prefixes that form real compounds: a line broken after "cross-" is "cross-functional".
_COMPOUND_PREFIXES = frozenset(
    {
        "anti",
        "co",
        "cross",
        "cutting",
        "data",
        "e",
        "end",
        "ex",
        "full",
        "hands",
        "high",
        "long",
        "low",
        "multi",
        "non",
        "off",
        "on",
        "open",
        "part",
        "post",
        "pre",
        "real",
        "self",
        "semi",
        "short",
        "state",
        "team",
        "well",
        "world",
        "x",
    }
)


def clean_line(text: str) -> str:
    """Whitespace-normalise a line and drop a bullet glyph at its start."""
    text = " ".join(text.split())
    for _ in range(2):  # "• – text" carries two markers
        stripped = _BULLET_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text


UNDECODABLE = "\x00"
"""The text of a glyph the file gives no character for.  It separates words like a space
and is counted (see :func:`~matcher.read.scans.cannot_decode`); no real character maps to
it (control characters become spaces)."""


def glyph_text(text: str) -> str:
    """A glyph's text, normalised: ``""`` for nothing (a zero-width mark), ``" "`` for a
    word separator (whitespace, an icon), :data:`UNDECODABLE` for a glyph without a
    Unicode mapping, else its letters with ligatures expanded.  Engines call it for every
    glyph that is not printable ASCII."""
    text = text.translate(CHAR_TABLE)
    if text.startswith("(cid:"):  # pdfminer's name for a glyph without a Unicode mapping
        return UNDECODABLE
    stripped = text.strip()
    if stripped:
        return stripped
    return " " if text else ""


def join_hyphenated(lines: list[Line]) -> list[Line]:
    """Join words broken across lines: "experi-" + "ence" → "experience".

    Only a hyphen after a lower-case letter, followed by a lower-case letter on the next
    line, is a break.  The hyphen stays where the first part is a compound ("end-to-" +
    "end") or a prefix that forms one ("cross-" + "functional").
    """
    out: list[Line] = []
    for line in lines:
        if out and _ends_broken(out[-1].text):
            head, _, rest = line.text.partition(" ")
            if head[:1].islower():
                prev = out[-1]
                broken = prev.text.rpartition(" ")[2]
                soft = broken.endswith(_SOFT_HYPHEN)
                hyphen = "-" if not soft and _is_compound(broken[:-1]) else ""
                out[-1] = replace(prev, text=prev.text[:-1] + hyphen + head)
                if not rest:
                    continue
                line = replace(line, text=rest)
        out.append(line)
    return [
        replace(line, text=_shown_soft_hyphens(line.text)) if _SOFT_HYPHEN in line.text else line
        for line in out
    ]


# A soft hyphen inside a word only marks where the word may break; one standing free is a
# dash the reader sees: LaTeX templates (Awesome-CV) draw a range's dash with it.
_HIDDEN_SOFT_HYPHEN_RE = re.compile(rf"(?<=[^\W\d_]){_SOFT_HYPHEN}+(?=[^\W\d_]|$)")


def _shown_soft_hyphens(text: str) -> str:
    return _HIDDEN_SOFT_HYPHEN_RE.sub("", text).replace(_SOFT_HYPHEN, "-")


def _ends_broken(text: str) -> bool:
    return text.endswith(_SOFT_HYPHEN) or (text.endswith("-") and text[-2:-1].islower())


def _is_compound(stem: str) -> bool:
    return "-" in stem or stem.lower().strip("([{\"'") in _COMPOUND_PREFIXES
