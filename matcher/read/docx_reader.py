"""DOCX: the body in order (paragraphs, tables, content controls, text boxes), with the
page header first and the footer last."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from matcher.document import Line, ResumeText
from matcher.errors import NoTextError, UnreadableFileError
from matcher.read.chars import CHAR_TABLE, clean_line
from matcher.read.failures import describe
from matcher.read.furniture import is_plain_page_number

DEFAULT_ROW_MIN_CELLS = 3
"""A DOCX table row of at least this many cells, each one line, is a data table's row and
reads as one line; fewer cells are a layout (a heading cell beside a content cell)."""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_TBL, _W_SDT, _W_R = f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}r"
_W_TXBX = f"{_W}txbxContent"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Run containers whose text is part of the paragraph (w:del, deleted text, is not).
_W_RUN_CONTAINERS = frozenset(
    f"{_W}{tag}" for tag in ("hyperlink", "smartTag", "ins", "fldSimple", "sdt", "sdtContent")
)


class _DocxReader:
    """Walks a document body, header or footer in order: paragraphs, tables (cell by
    cell), content controls and text boxes."""

    def __init__(self, document: Any) -> None:
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run

        self._document = document
        self._paragraph_type = Paragraph
        self._run_type = Run
        self._style_cache: dict[str, tuple[bool | None, float]] = {}
        self.lines: list[Line] = []

    def read_blocks(self, parent: Any, column: int) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _W_P:
                self._read_paragraph(child, column)
            elif tag == _W_TBL:
                self._read_table(child)
            elif tag == _W_SDT:
                for content in child.iterchildren(f"{_W}sdtContent"):
                    self.read_blocks(content, column)

    def _read_table(self, table: Any) -> None:
        for row in table.iterchildren(f"{_W}tr"):
            # Cells straight from the XML: python-docx's row.cells repeats merged cells.
            cells = [tc for tc in row.iterchildren(f"{_W}tc")]
            for sdt in row.iterchildren(_W_SDT):
                cells.extend(sdt.iter(f"{_W}tc"))
            start = len(self.lines)
            counts = []  # lines each cell gave
            for number, cell in enumerate(cells):
                before = len(self.lines)
                self.read_blocks(cell, number)
                counts.append(len(self.lines) - before)
            if len(cells) >= DEFAULT_ROW_MIN_CELLS and max(counts) == 1 and sum(counts) > 1:
                self.lines[start:] = [_row_line(self.lines[start:])]

    def _style_of(self, paragraph: Any) -> tuple[bool | None, float]:
        style = paragraph.style
        key = str(style.style_id) if style is not None else ""
        cached = self._style_cache.get(key)
        if cached is not None:
            return cached
        bold: bool | None = None
        size = 0.0
        heading = False
        current = style
        while current is not None:
            name = str(current.name or "").lower()
            heading = heading or name.startswith(("heading", "title"))
            font = getattr(current, "font", None)
            if font is not None:
                if bold is None and font.bold is not None:
                    bold = bool(font.bold)
                if not size and font.size is not None:
                    size = float(font.size.pt)
            current = current.base_style
        if bold is None and heading:
            bold = True
        self._style_cache[key] = (bold, size)
        return bold, size

    def _runs(self, element: Any) -> Iterator[Any]:
        for child in element.iterchildren():
            if child.tag == _W_R:
                yield child
            elif child.tag in _W_RUN_CONTAINERS:
                yield from self._runs(child)

    def _read_paragraph(self, element: Any, column: int) -> None:
        paragraph = self._paragraph_type(element, self._document)
        style_bold, style_size = self._style_of(paragraph)
        pieces: list[str] = []
        bold_chars = total = 0
        sizes: Counter[float] = Counter()
        for r in self._runs(element):
            text = r.text
            if not text:
                continue
            run = self._run_type(r, paragraph)
            bold = run.bold
            if bold is None and run.style is not None and run.style.font.bold is not None:
                bold = run.style.font.bold
            if bold is None:
                bold = style_bold
            size = run.font.size.pt if run.font.size is not None else style_size
            pieces.append(text)
            letters = sum(1 for ch in text if not ch.isspace())
            total += letters
            bold_chars += letters if bold else 0
            sizes[float(size)] += letters
        size = sizes.most_common(1)[0][0] if sizes else style_size
        # A line break inside a paragraph (w:br, w:cr) starts a new line.
        for raw in "".join(pieces).split("\n"):
            text = clean_line(raw.translate(CHAR_TABLE))
            if text:
                self.lines.append(
                    Line(text=text, column=column, size=size, bold=bold_chars * 2 > total)
                )
        # Text boxes anchored in this paragraph (a sidebar drawn as a shape).  Word stores each
        # box twice, as DrawingML and as a VML fallback: read the first only.  Boxes nested
        # in a box are read with their outer box.
        for box in element.iter(_W_TXBX):
            if _is_outer_box(box, element):
                self.read_blocks(box, column)


def _row_line(cells: list[Line]) -> Line:
    """A data table's row of one-line cells ("Skill Name | Version | Last Used | Experience",
    "MS Excel | 365 | 2026 | 6 Year(s)") as one line: each cell alone would read as a heading
    or a list item.  Layout tables (a heading cell beside a content cell) have two columns."""
    return Line(
        text=" | ".join(line.text for line in cells),
        size=max(line.size for line in cells),
        bold=all(line.bold for line in cells),
    )


def _is_outer_box(box: Any, paragraph: Any) -> bool:
    for ancestor in box.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag in (_MC_FALLBACK, _W_TXBX):
            return False
    return True


def read_docx(data: bytes, name: str) -> ResumeText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

    try:
        document = docx.Document(io.BytesIO(data))
        reader = _DocxReader(document)
        reader.read_blocks(document.element.body, 0)
        headers, footers = _DocxReader(document), _DocxReader(document)
        for section in document.sections:
            for kind in ("first_page_", "", "even_page_"):
                for part, into in ((f"{kind}header", headers), (f"{kind}footer", footers)):
                    story = getattr(section, part)
                    if not story.is_linked_to_previous:  # else it has no text of its own
                        into.read_blocks(story._element, 0)
    except (
        PackageNotFoundError,  # not a package python-docx recognises
        zipfile.BadZipFile,  # damaged ZIP directory or CRC
        zlib.error,  # damaged compressed member
        NotImplementedError,  # zipfile: a ZIP version or compression method it does not know
        EOFError,  # truncated member
        KeyError,  # a part the package lists is missing from the ZIP
        XMLSyntaxError,  # a part is not well-formed XML
        ValueError,  # python-docx: the main part is not a Word document
    ) as exc:
        raise UnreadableFileError(f"{name}: corrupt DOCX ({describe(exc)})") from exc
    if not reader.lines:
        raise NoTextError(f"{name}: no text in the document body")
    # Templates keep the name and contact details in the page header: it is read first,
    # and the footer last, each distinct line once (every section may repeat them).
    lines = [*_furniture(headers.lines), *reader.lines, *_furniture(footers.lines)]
    return ResumeText(file=name, format="docx", lines=tuple(lines), written=_docx_written(document))


def _docx_written(document: Any) -> date | None:
    """The core properties' modified date, else created; None without core properties
    (python-docx would make up a part dated now)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        part = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return None
    properties = part.core_properties
    stamp = properties.modified or properties.created
    return None if stamp is None else stamp.date()


def _furniture(lines: Sequence[Line]) -> list[Line]:
    """Header or footer lines worth keeping: each distinct text once, no page numbers."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        if line.text in seen or is_plain_page_number(line.text):
            continue
        seen.add(line.text)
        kept.append(line)
    return kept
