"""Small PDFs drawn with reportlab, for tests that need a PDF with a known layout.

Positions are in points from the page's top-left corner, as :class:`matcher.document.Line`
reports them.  Text uses Bitstream Vera, which ships with reportlab, is embedded with a
Unicode map, and has the "ﬁ" ligature and the "•" bullet glyphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

REGULAR = "Vera"
BOLD = "VeraBd"
pdfmetrics.registerFont(TTFont(REGULAR, "Vera.ttf"))
pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))

PAGE_WIDTH, PAGE_HEIGHT = LETTER


@dataclass(frozen=True)
class Text:
    """One string drawn at ``(x, y)``; ``y`` is the baseline, from the top of the page."""

    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False
    scale: float = 100.0
    """Horizontal scaling in percent (PDF ``Tz``): below 100 squeezes the letters."""
    char_space: float = 0.0
    """Extra points after every character (PDF ``Tc``): letter spacing."""


def write_pdf(path: Path, pages: Sequence[Iterable[Text]], *, encrypt: str | None = None) -> Path:
    """Draw each page's texts and save the PDF (user password ``encrypt`` if given)."""
    pdf = canvas.Canvas(str(path), pagesize=LETTER, encrypt=encrypt)
    for texts in pages:
        for item in texts:
            font = BOLD if item.bold else REGULAR
            if item.scale == 100.0 and not item.char_space:
                pdf.setFont(font, item.size)
                pdf.drawString(item.x, PAGE_HEIGHT - item.y, item.text)
                continue
            text = pdf.beginText(item.x, PAGE_HEIGHT - item.y)
            text.setFont(font, item.size)
            text.setHorizScale(item.scale)
            text.setCharSpace(item.char_space)
            text.textOut(item.text)
            text.setCharSpace(0)  # the text state outlives the text object
            text.setHorizScale(100)
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def column(
    x: float, y: float, lines: Sequence[str], *, size: float = 10.0, leading: float = 14.0
) -> list[Text]:
    """Lines stacked ``leading`` points apart, the first baseline at ``y``."""
    return [Text(x, y + n * leading, line, size) for n, line in enumerate(lines)]


def spaced_words(
    x: float, y: float, words: Sequence[str], *, size: float = 10.0, gap: float = 0.25
) -> list[Text]:
    """Words drawn one by one, ``gap`` × size apart, with no space character between them:
    how LaTeX sets a line."""
    out: list[Text] = []
    for word in words:
        out.append(Text(x, y, word, size))
        x += pdfmetrics.stringWidth(word, REGULAR, size) + gap * size
    return out


def image_only_pdf(path: Path) -> Path:
    """A page with shapes and no text layer, as a scanner makes."""
    pdf = canvas.Canvas(str(path), pagesize=LETTER)
    pdf.setFillGray(0.3)
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.circle(300, 300, 50, fill=1)
    pdf.showPage()
    pdf.save()
    return path


# Realistic layouts shared by several tests ------------------------------------------------

SIDEBAR = [
    "CONTACT",
    "jane@example.com",
    "+1 555 0100",
    "SKILLS",
    "Python",
    "PyTorch",
    "Kubernetes",
    "LANGUAGES",
    "English",
    "French",
]
MAIN = [
    "EXPERIENCE",
    "Senior ML Engineer, Acme Corp",
    "Built retrieval pipelines for search",
    "Trained ranking models on click logs",
    "Machine Learning Engineer, Beta Inc",
    "Deployed models with SageMaker",
    "Cut inference latency by half",
    "EDUCATION",
    "MSc Computer Science, 2016",
    "BSc Mathematics, 2014",
    "PROJECTS",
    "Open-source vector search library",
]


def two_column_resume(path: Path, *, sidebar_leading: float = 16.0) -> Path:
    """A full-width header over a narrow left sidebar and a wide main column."""
    header = [
        Text(72, 60, "JANE DOE", 20, bold=True),
        Text(72, 84, "Machine learning engineer building search and ranking systems at scale"),
    ]
    sidebar = column(72, 130, SIDEBAR, leading=sidebar_leading)
    main = column(240, 130, MAIN, leading=14.0)
    return write_pdf(path, [header + sidebar + main])


SINGLE = [
    "Summary",
    "Engineer with eight years of experience in data platforms.",
    "Experience",
    "Data Engineer, Gamma Ltd, 2018 - 2024",
    "Maintained Spark jobs and Airflow DAGs.",
]


def single_column_resume(path: Path) -> Path:
    texts = [Text(72, 72, "John Smith", 16, bold=True), *column(72, 100, SINGLE)]
    return write_pdf(path, [texts])


def paged_resume(path: Path, pages: int = 3) -> Path:
    """Pages with a running header, a running footer and a page number on each."""
    drawn = []
    for number in range(1, pages + 1):
        drawn.append(
            [
                Text(72, 40, "Jane Doe - Curriculum Vitae", 9),
                *column(72, 120, [f"Body line {number}.{k} about models" for k in range(1, 6)]),
                Text(72, 760, "Confidential - generated for recruiters", 8),
                Text(290, 775, f"Page {number} of {pages}", 8),
            ]
        )
    return write_pdf(path, drawn)


# Text layers reportlab cannot make -------------------------------------------------------


def _pdf_objects(objects: Sequence[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1; the first is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _hex(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode()


def mapped_font_pdf(
    path: Path,
    lines: Sequence[bytes],
    to_unicode: dict[int, str] | None,
    *,
    cid: bool = False,
    size: float = 10.0,
) -> Path:
    """One page of ``lines`` (character codes), 14 points apart, in Helvetica whose codes
    ``to_unicode`` maps to text (a ``/ToUnicode`` CMap; ``None``: no map at all).

    With ``cid`` the font is a composite (Type0, Identity-H) one and each byte of a line
    is drawn as a two-byte code: without a map, no reader can tell its characters, as in
    a LaTeX font embedded without one.  Otherwise it is a simple font, drawn as
    WinAnsiEncoding would draw it, whatever the map says the codes are.
    """
    content = bytearray(b"BT\n/F1 %.1f Tf\n" % size)
    for number, line in enumerate(lines):
        content += b"1 0 0 1 72 %.1f Tm\n" % (700 - 14 * number)
        if cid:
            content += b"<" + b"".join(b"%04X" % byte for byte in line) + b"> Tj\n"
        else:
            escaped = line.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            content += b"(" + escaped + b") Tj\n"
    content += b"ET"
    width = 2 if cid else 1
    if to_unicode is None:
        cmap_ref = b""
    else:
        entries = b"".join(
            b"<%0*X> <%s>\n" % (2 * width, code, _hex(text))
            for code, text in sorted(to_unicode.items())
        )
        cmap = (
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Scrambled def /CMapType 2 def\n"
            b"1 begincodespacerange <%s> <%s> endcodespacerange\n"
            % (b"00" * width, b"FF" * width)
            + b"%d beginbfchar\n" % len(to_unicode)
            + entries
            + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
        )
        cmap_ref = b"/ToUnicode 6 0 R"
    if cid:
        font = (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H "
            b"/DescendantFonts [7 0 R] " + cmap_ref + b" >>"
        )
    else:
        font = (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b"/Encoding /WinAnsiEncoding " + cmap_ref + b" >>"
        )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(bytes(content)),
        font,
        _stream(cmap if to_unicode is not None else b""),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /DW 556 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R >>",
        b"<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 "
        b"/FontBBox [-166 -225 1000 931] /ItalicAngle 0 /Ascent 718 /Descent -207 "
        b"/CapHeight 718 /StemV 88 >>",
    ]
    path.write_bytes(_pdf_objects(objects))
    return path


# Side-heading templates: headings (or dates) in a narrow left margin, on the baseline of the
# first content line beside them.

SIDE_SECTIONS = [
    (
        ["Education"],
        [
            "MSc Data Science, Northfield University, 2018 - 2020",
            "BSc Statistics, Lakeside College, 2014 - 2018",
        ],
    ),
    (
        ["Work", "Experience"],
        [
            "Data Scientist, Orbit Analytics, 2020 - 2023",
            "Built churn models for subscription products",
            "Analyst, Meridian Bank, 2018 - 2020",
            "Reported loan risk to the credit committee",
        ],
    ),
    (["Selected", "Projects"], ["Forecasting toolkit for retail demand", "Open-source and tested"]),
    (["Skills"], ["Python, SQL, PyTorch, Airflow"]),
]


def side_heading_resume(path: Path, *, leading: float = 13.0) -> Path:
    """A header over sections whose headings sit at x=40, bold, each on the baseline of its
    first content line at x=150; long headings wrap onto a second row.  The header's name
    and city are as short as a heading, its contact line runs across the content edge."""
    texts = [
        Text(40, 60, "Priya Raman", 14, bold=True),
        Text(40, 80, "priya.raman@example.org | +1 555 0142 | linkedin.com/in/priya-raman"),
        Text(40, 94, "Lisbon, Portugal"),
    ]
    y = 120.0
    for heading, content in SIDE_SECTIONS:
        texts += [Text(40, y + n * leading, word, bold=True) for n, word in enumerate(heading)]
        texts += column(150, y, content, leading=leading)
        y += len(content) * leading + 2 * leading
    return write_pdf(path, [texts])


DATED_ENTRIES = [
    (
        ["2019 –", "Present"],
        ["Staff Engineer, Northwind Labs, Oslo", "Led the platform team", "Cut build times"],
    ),
    (["2015 – 2019"], ["Software Engineer, Contoso Systems, Bergen", "Wrote the billing service"]),
]


def dated_margin_resume(path: Path, *, leading: float = 13.0) -> Path:
    """A moderncv-like page: headings over the content column at x=150, each entry's years
    right-aligned in the margin beside its first line, an open range wrapped over two rows."""
    texts = [
        Text(40, 60, "Tomas Lind", 20),
        Text(40, 84, "Engineer who builds developer platforms and keeps them running well"),
        Text(150, 120, "Experience", 13),
    ]
    y = 142.0
    for years, content in DATED_ENTRIES:
        for n, part in enumerate(years):
            width = pdfmetrics.stringWidth(part, REGULAR, 10)
            texts.append(Text(140 - width, y + n * leading, part))
        texts += column(150, y, content, leading=leading)
        y += len(content) * leading + 8
    texts += [Text(150, y + 14, "Education", 13)]
    texts += [Text(140 - 55, y + 36, "2011 – 2015"), Text(150, y + 36, "BSc Computer Science")]
    return write_pdf(path, [texts])
