"""Across pages: page numbers and running headers and footers dropped, lines finished.

:func:`finish_pdf_lines` takes every page's lines (PDF or OCR), drops the page furniture,
cleans each line (:func:`~matcher.read.chars.clean_line`) and joins words hyphenated
across lines.  :data:`PAGE_NUMBER_RE` is the one pattern of a page number, which the DOCX
reader uses for its headers and footers too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from math import ceil

from matcher.document import Line
from matcher.read.chars import clean_line, join_hyphenated

DEFAULT_MARGIN_BAND = 0.12
"""Running headers, footers and page numbers are looked for in the top and bottom fraction
of the page."""


PAGE_NUMBER_RE = re.compile(
    r"(?P<open>[-–—|(\[\s]*)(?P<label>page\s*|p\.\s*)?(?P<number>\d+)"
    r"(?:\s*(?:of|/)\s*(?P<total>\d+))?(?P<close>[-–—|)\]\s]*)",
    re.IGNORECASE,
)
"""A page number, matched against a whole line: "2", "Page 2 of 3", "- 2 -", "(2)", "p. 2".
:func:`is_page_number` (PDF) and :func:`is_plain_page_number` (DOCX) say which count."""
_RUNNING_PAGE_RE = re.compile(r"\bpage\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)


def is_page_number(text: str, page_count: int) -> bool:
    """A PDF line that is a page number ("2", "Page 2 of 3", "- 2 -", "(2)", "p. 2") of at
    most four digits, and at most one more than the file's pages (a cover page may go
    unnumbered)."""
    match = PAGE_NUMBER_RE.fullmatch(text)
    return (
        match is not None
        and max(len(match["number"]), len(match["total"] or "")) <= 4
        and int(match["number"]) <= page_count + 1
    )


def is_plain_page_number(text: str) -> bool:
    """A DOCX header or footer line that is a page number without marks around it: "2",
    "Page 2", "2 of 3".  The DOCX reader keeps "- 2 -" and "p. 2", as it always has."""
    match = PAGE_NUMBER_RE.fullmatch(text)
    return (
        match is not None
        and not match["open"]
        and not match["close"]
        and "." not in (match["label"] or "")
    )


def _running_key(text: str, page: int) -> str:
    """A line's text with its page number masked: "Page 2 of 3" on page 2 and "Page 3 of 3"
    on page 3 are one running line; other digits must match."""
    return re.sub(rf"(?<!\d){page + 1}(?!\d)", "#", " ".join(text.lower().split()))


def _drop_page_furniture(
    lines: list[Line], heights: dict[int, float], page_count: int
) -> list[Line]:
    """Remove page numbers and running headers/footers.

    A running line has the same text (its page number aside) at the same height on at least
    half the pages read, and sits in the top or bottom margin band.  A running *header*
    keeps its first-page copy: templates put the candidate's name and contact details there.
    """
    pages_read = len(heights)
    drop: set[int] = set()
    keep_once: set[int] = set()
    in_band: dict[int, str] = {}
    for n, line in enumerate(lines):
        height = heights.get(line.page, 0.0)
        band = DEFAULT_MARGIN_BAND * height
        if line.top < band:
            in_band[n] = "header"
        elif line.top + line.size > height - band:
            in_band[n] = "footer"
        else:
            continue
        if is_page_number(line.text, page_count) or _RUNNING_PAGE_RE.search(line.text):
            drop.add(n)
    if pages_read >= 2:
        needed = max(2, ceil(pages_read / 2))
        groups: dict[str, list[int]] = {}
        for n in in_band:
            groups.setdefault(_running_key(lines[n].text, lines[n].page), []).append(n)
        for members in groups.values():
            for n in members:
                same_place = [m for m in members if abs(lines[m].top - lines[n].top) <= 3.0]
                if len({lines[m].page for m in same_place}) >= needed:
                    drop.update(same_place)
                    first = min(same_place)
                    if lines[first].page == 0 and in_band[first] == "header":
                        keep_once.add(first)
    return [line for n, line in enumerate(lines) if n not in drop or n in keep_once]


def finish_pdf_lines(
    pages: list[tuple[int, list[Line]]], heights: dict[int, float], page_count: int
) -> list[Line]:
    lines = [line for _, page_lines in pages for line in page_lines]
    lines = _drop_page_furniture(lines, heights, page_count)
    cleaned = []
    for line in lines:
        text = clean_line(line.text)
        if text:
            cleaned.append(replace(line, text=text) if text != line.text else line)
    joined = join_hyphenated(cleaned)
    return [line for line in joined if line.text]
