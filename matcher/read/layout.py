"""One page's words → its lines in reading order (pure; engines and OCR call it).

:func:`layout_page` groups words into rows (:mod:`~matcher.read.rows`), reads a page set
with side headings row by row (:mod:`~matcher.read.margins`), else splits it into columns
(:mod:`~matcher.read.columns`), and makes each row's words a :class:`Line`, gluing
letter-spaced capitals ("E X P E R I E N C E") back into words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from operator import attrgetter

from matcher.document import Line
from matcher.read.columns import find_columns
from matcher.read.margins import side_margin_rows
from matcher.read.rows import group_rows
from matcher.read.words import DEFAULT_WORD_GAP, DEFAULT_WORD_OVERLAP, Word

DEFAULT_STRAGGLER_GAP = 3.0
"""A line at a column band's edge this many line heights from its column's next line, and
beyond the other columns' text, belongs to the full-width text (see _detach_stragglers)."""


_MAX_PAGE_SIDE = 14_400.0  # points: 200 inches, the largest page PDF 1.7 allows


DEFAULT_LETTER_SPACING_SLACK = 0.12
"""In letter-spaced capitals, a gap up to this fraction of the font size wider than the
run's typical (median) gap is still between letters; a word space adds about 0.25."""
DEFAULT_LETTER_SPACING_WIDE = 0.2
"""Letter gaps this wide (a fraction of the font size) could be word spaces: only a long
run of single letters is then taken for one word ("E X P E R I E N C E")."""
_NO_INDICES: frozenset[int] = frozenset()
_TEXT = attrgetter("text")
_THREE = 3


def _is_capital_fragment(text: str) -> bool:
    return len(text) <= 2 and text.isalpha() and text.isupper()


def _letter_spaced(words: list[Word]) -> frozenset[int] | set[int]:
    """Indices of the words (of a row, left to right) that continue the word before them
    in letter-spaced capitals: "S I V A N", or "SI VA N" where kerning closed some gaps.

    A run of three or more capital fragments of one or two letters, in one font size, is
    judged by its own gaps: those no wider than its median gap plus
    ``DEFAULT_LETTER_SPACING_SLACK`` × size are between letters, wider ones between
    words.  When the median gap is as wide as a word space (spaces typed between the
    letters), only four or more single letters are a spaced word: "J R R Tolkien" stays
    apart.  The words beside a run must stand further off than its letters do (else the
    run is short words in evenly spaced text).  Space characters are no evidence either
    way: PDFium makes some up.
    """
    if sum(map(_THREE.__gt__, map(len, map(_TEXT, words)))) < 3:  # at C speed: every line
        return _NO_INDICES
    glued: set[int] = set()
    count = len(words)
    start = 0
    while start < count:
        first = words[start]
        end = start
        while (
            end < count
            and _is_capital_fragment(words[end].text)
            and abs(words[end].size - first.size) <= 0.1 * first.size
        ):
            end += 1
        if end - start >= 3:
            _glue_letters(words, start, end, glued)
        start = max(end, start + 1)
    return glued


def _glue_letters(words: list[Word], start: int, end: int, glued: set[int]) -> None:
    if len({words[k].text for k in range(start, end)}) == 1:  # "Â Â Â": filler, not a word
        return
    size = words[start].size
    gaps = [words[k].x0 - words[k - 1].x1 for k in range(start + 1, end)]
    letter_gap = sorted(gaps)[len(gaps) // 2]
    if letter_gap < -DEFAULT_WORD_GAP * size:  # overlapping: not a line of letters
        return
    wide = letter_gap > DEFAULT_LETTER_SPACING_WIDE * size
    if wide and (end - start < 4 or any(len(words[k].text) > 1 for k in range(start, end))):
        return
    limit = letter_gap + DEFAULT_LETTER_SPACING_SLACK * size
    # Spaced letters stand closer to one another than to the words around them; words
    # of one or two capitals amid text spaced alike ("WOULD I BE A GREAT") are words.
    if start and words[start].x0 - words[start - 1].x1 <= limit:
        return
    if end < len(words) and words[end].x0 - words[end - 1].x1 <= limit:
        return
    for k, gap in zip(range(start + 1, end), gaps, strict=True):
        if gap <= limit:
            glued.add(k)


def _make_line(words: list[Word], page: int, column: int) -> Line:
    """A line of a row's words, left to right, with where it starts and its dominant font
    size and weight.  Fragments of one word that the stream drew apart are glued back: no
    space where the gap is too narrow to be one and no space glyph stood there."""
    by_size: dict[float, int] = {}  # characters per font size, sizes in order of appearance
    bold_chars = total = 0
    parts: list[str] = []
    x0 = top = float("inf")
    last_x1 = last_size = 0.0
    last_space = True
    glued = _letter_spaced(words) if len(words) >= 3 else _NO_INDICES
    for index, (text, wx0, wx1, wtop, _, size, bold, space_after) in enumerate(words):
        if parts:
            gap = wx0 - last_x1
            one_word = -DEFAULT_WORD_OVERLAP * last_size <= gap <= DEFAULT_WORD_GAP * last_size
            if (last_space or not one_word) and index not in glued:
                parts.append(" ")
        parts.append(text)
        last_x1, last_size, last_space = wx1, size, space_after
        n = len(text)
        total += n
        by_size[size] = by_size.get(size, 0) + n
        if bold:
            bold_chars += n
        if wx0 < x0:
            x0 = wx0
        if wtop < top:
            top = wtop
    sizes: dict[float, int] = {}  # the same, per size rounded (a line has a size or two)
    for size, n in by_size.items():
        key = round(size, 1)
        sizes[key] = sizes.get(key, 0) + n
    return Line(
        text="".join(parts),
        page=page,
        column=column,
        x0=round(x0, 2),
        top=round(top, 2),
        size=max(sizes, key=sizes.__getitem__),
        bold=bold_chars * 2 > total,
    )


def layout_page(words: list[Word], page: int, width: float, height: float) -> list[Line]:
    """Lines of one page in reading order: full-width text above the columns, each column
    top to bottom, then full-width text below."""
    # A damaged text matrix can throw glyphs kilometres (or NaN) off the page; they are not
    # visible, and would size the gutter sweep.  The margin keeps pages whose box does not
    # start at the origin; a page without a usable size gets the largest a PDF allows.
    width = width if width > 0 else _MAX_PAGE_SIDE
    height = height if height > 0 else _MAX_PAGE_SIDE
    words = [
        word
        for word in words
        if -width < word.x0 <= word.x1 < 2 * width
        and -height < word.top <= word.bottom < 2 * height
    ]
    if not words:
        return []
    rows = group_rows(words)
    margin_rows = side_margin_rows(rows)
    if margin_rows is not None:
        return [_make_line(row.words, page, 0) for row in margin_rows]
    columns = find_columns(rows)
    if columns is None:
        return [_make_line(row.words, page, 0) for row in rows]
    mids = [(gx0 + gx1) / 2 for gx0, gx1 in columns.gutters]
    above: list[Line] = []
    below: list[Line] = []
    by_column: list[list[Line]] = [[] for _ in range(len(mids) + 1)]
    for row in rows:
        pieces: dict[tuple[int, int], list[Word]] = {}
        for word in row.words:
            middle = (word.top + word.bottom) / 2
            if middle < columns.top:
                key = (0, 0)
            elif middle > columns.bottom:
                key = (2, 0)
            else:
                key = (1, bisect_right(mids, (word.x0 + word.x1) / 2))
            pieces.setdefault(key, []).append(word)
        for (region, column), piece in sorted(pieces.items()):
            if region == 0:
                above.append(_make_line(piece, page, 0))
            elif region == 2:
                below.append(_make_line(piece, page, 0))
            else:
                by_column[column].append(_make_line(piece, page, column))
    _detach_stragglers(by_column, above, below)
    return above + [line for lines in by_column for line in lines] + below


def _detach_stragglers(by_column: list[list[Line]], above: list[Line], below: list[Line]) -> None:
    """Give the full-width text back the lines a column band swallowed at its edges.

    The band reaches from the last full-width row above the gutter to the first one below,
    so a short heading just above or below the columns ("Skills" under a two-column table)
    falls inside it.  Such a line sits beyond the other columns' text and far (more than
    ``DEFAULT_STRAGGLER_GAP`` line heights) from its own column's next line; it joins the
    full-width text instead, keeping the reading order of the page.
    """
    for number, lines in enumerate(by_column):
        others = [other for k, other in enumerate(by_column) if k != number and other]
        if len(lines) < 2 or not others:
            continue
        others_end = max(other[-1].top for other in others)
        cut = len(lines)
        while (
            cut > 1
            and lines[cut - 1].top > others_end
            and lines[cut - 1].top - lines[cut - 2].top
            > DEFAULT_STRAGGLER_GAP * max(lines[cut - 2].size, 1.0)
        ):
            cut -= 1
        others_start = min(other[0].top for other in others)
        head = 0
        while (
            head < cut - 1
            and lines[head].top < others_start
            and lines[head + 1].top - lines[head].top
            > DEFAULT_STRAGGLER_GAP * max(lines[head].size, 1.0)
        ):
            head += 1
        if cut < len(lines) and number < len(by_column) - 1:
            below[:0] = [replace(line, column=0) for line in lines[cut:]]
            del lines[cut:]
        if head and number > 0:
            above.extend(replace(line, column=0) for line in lines[:head])
            del lines[:head]
