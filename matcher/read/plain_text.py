"""Plain text and Markdown: decoded by BOM, UTF-8 or Windows-1252, with Markdown marks read
as headings."""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from matcher.document import Line, ResumeText
from matcher.errors import NoTextError, UnreadableFileError
from matcher.read.chars import CHAR_TABLE, clean_line
from matcher.read.failures import describe

_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
_MD_RULE_RE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_MD_STRONG_RE = re.compile(r"^(\*\*|__)(.+)\1$")


def _decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode by BOM (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1252/Latin-1."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(
                    f"{name}: not valid {encoding.upper()} text ({describe(exc)})"
                ) from exc
    if b"\x00" in data:
        # UTF-16 without a BOM puts a NUL in every other byte of ASCII text.
        even, odd = data[0::2].count(0), data[1::2].count(0)
        half = len(data) // 2
        if max(even, odd) > 0.3 * half and min(even, odd) < 0.05 * half:
            try:
                text = data.decode("utf-16-be" if even > odd else "utf-16-le")
            except UnicodeDecodeError:
                text = ""
            if sum(ch.isprintable() or ch.isspace() for ch in text) > 0.95 * len(text) > 0:
                return text, []
        raise UnreadableFileError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # every byte sequence decodes
        encoding = "Latin-1"
    return text, [f"not UTF-8; read as {encoding}"]


def read_text(data: bytes, name: str) -> ResumeText:
    text, warnings = _decode_text(data, name)
    lines: list[Line] = []
    previous = ""  # the previous line as written
    for number, raw in enumerate(text.splitlines()):
        stripped = " ".join(raw.translate(CHAR_TABLE).split())
        bold = False
        if _MD_RULE_RE.match(stripped):
            # A rule, or a setext underline that makes the previous paragraph line a heading.
            if (
                stripped[0] in "=-"
                and lines
                and lines[-1].top == number - 1
                and clean_line(previous) == previous
            ):
                lines[-1] = replace(lines[-1], bold=True)
            previous = stripped
            continue
        previous = stripped
        heading = _MD_HEADING_RE.match(stripped)
        if heading:
            stripped, bold = heading.group(1), True
        strong = _MD_STRONG_RE.match(stripped)
        if strong:
            stripped, bold = strong.group(2), True
        cleaned = clean_line(stripped)
        if cleaned:
            lines.append(Line(text=cleaned, top=float(number), bold=bold))
    if not lines:
        raise NoTextError(f"{name}: the file holds no text")
    return ResumeText(file=name, format="text", lines=tuple(lines), warnings=tuple(warnings))
