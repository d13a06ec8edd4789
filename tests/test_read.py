"""The read stage: every format, both PDF engines, and every hostile file."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas as pdf_canvas

from matcher.document import ResumeText
from matcher.errors import ExitCode, NoTextError, UnreadableFileError, UsageError
from matcher.parse.stage import parse_resume
from matcher.read.pdf import ENGINES, _pdf_info_date
from matcher.read.reader import read_resume
from tests import pdfs
from tests.pdfs import Text

ENGINE = pytest.mark.parametrize("engine", ENGINES)


def texts(document: ResumeText) -> list[str]:
    return [line.text for line in document.lines]


# --- PDF layout -------------------------------------------------------------------------------


@ENGINE
def test_single_column_lines_in_order_with_layout(tmp_path: Path, engine: str) -> None:
    document = read_resume(pdfs.single_column_resume(tmp_path / "cv.pdf"), engine=engine)
    assert texts(document) == ["John Smith", *pdfs.SINGLE]
    assert (document.format, document.engine, document.pages) == ("pdf", engine, 1)
    name, body = document.lines[0], document.lines[1]
    assert (name.bold, name.size) == (True, 16.0)
    assert (body.bold, body.size, body.page, body.column) == (False, 10.0, 0, 0)
    assert body.x0 == pytest.approx(72, abs=0.5)
    assert body.top == pytest.approx(100 - 10, abs=2.5)  # baseline 100, cap height ~7-9 pt


@ENGINE
@pytest.mark.parametrize("sidebar_leading", [16.0, 14.0])  # own grid, or the main column's
def test_two_columns_read_column_by_column_under_the_header(
    tmp_path: Path, engine: str, sidebar_leading: float
) -> None:
    path = pdfs.two_column_resume(tmp_path / "cv.pdf", sidebar_leading=sidebar_leading)
    document = read_resume(path, engine=engine)
    assert texts(document) == [
        "JANE DOE",
        "Machine learning engineer building search and ranking systems at scale",
        *pdfs.SIDEBAR,
        *pdfs.MAIN,
    ]
    assert [line.column for line in document.lines] == [0] * 12 + [1] * 12


@ENGINE
def test_short_sidebar_on_the_main_grid_is_still_a_column(tmp_path: Path, engine: str) -> None:
    # Fewer sidebar lines than half the main column, every one on a main-column baseline:
    # only their running on line after line tells them from a table's date column.
    sidebar = pdfs.column(72, 130, pdfs.SIDEBAR[:5])
    main = pdfs.column(240, 130, pdfs.MAIN)
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [sidebar + main]), engine=engine)
    assert texts(document) == [*pdfs.SIDEBAR[:5], *pdfs.MAIN]


@ENGINE
def test_dates_beside_entries_are_read_row_by_row(tmp_path: Path, engine: str) -> None:
    dates, entries = [], []
    for n, (years, title) in enumerate(
        [("2020 - 2024", "Senior Engineer, Acme"), ("2016 - 2020", "Engineer, Beta")]
    ):
        y = 100 + n * 84
        dates.append(Text(72, y, years))
        entries.extend(pdfs.column(180, y, [title, *(f"Shipped feature {k}" for k in range(5))]))
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [dates + entries]), engine=engine)
    assert texts(document)[0] == "2020 - 2024 Senior Engineer, Acme"
    assert texts(document)[6] == "2016 - 2020 Engineer, Beta"
    assert {line.column for line in document.lines} == {0}


@ENGINE
def test_side_headings_are_lines_of_their_own_before_their_sections(
    tmp_path: Path, engine: str
) -> None:
    document = read_resume(pdfs.side_heading_resume(tmp_path / "cv.pdf"), engine=engine)
    expected = [
        "Priya Raman",
        "priya.raman@example.org | +1 555 0142 | linkedin.com/in/priya-raman",
        "Lisbon, Portugal",
    ]
    for heading, content in pdfs.SIDE_SECTIONS:
        expected += [" ".join(heading), *content]  # "Work" / "Experience" is one heading
    assert texts(document) == expected
    assert {line.column for line in document.lines} == {0}
    headings = [line for line in document.lines[3:] if line.x0 < 100]
    assert [(line.bold, line.x0) for line in headings] == [(True, pytest.approx(40, abs=0.5))] * 4

    resume = parse_resume(document, as_of=date(2024, 1, 15))
    assert [(section.name, section.heading) for section in resume.sections] == [
        ("profile", ""),
        ("education", "Education"),
        ("experience", "Work Experience"),
        ("projects", "Selected Projects"),
        ("skills", "Skills"),
    ]
    assert [(p.title, p.organization, p.start) for p in resume.experience.positions] == [
        ("Data Scientist", "Orbit Analytics", "2020-01"),
        ("Analyst", "Meridian Bank", "2018-01"),
    ]
    assert [entry.institution for entry in resume.education] == [
        "Northfield University",
        "Lakeside College",
    ]


@ENGINE
def test_years_in_the_margin_lead_the_entry_line_they_sit_beside(
    tmp_path: Path, engine: str
) -> None:
    # moderncv: each entry's years right-aligned left of its first line; "2019 –" / "Present"
    # wrapped over two rows is one range, and the rows beside it keep their own text.
    document = read_resume(pdfs.dated_margin_resume(tmp_path / "cv.pdf"), engine=engine)
    assert texts(document)[2:] == [
        "Experience",
        "2019 – Present Staff Engineer, Northwind Labs, Oslo",
        "Led the platform team",
        "Cut build times",
        "2015 – 2019 Software Engineer, Contoso Systems, Bergen",
        "Wrote the billing service",
        "Education",
        "2011 – 2015 BSc Computer Science",
    ]
    resume = parse_resume(document, as_of=date(2024, 1, 15))
    assert [(p.title, p.organization, p.start, p.end) for p in resume.experience.positions] == [
        ("Staff Engineer", "Northwind Labs", "2019-01", "present"),
        ("Software Engineer", "Contoso Systems", "2015-01", "2019-12"),
    ]


@ENGINE
def test_a_narrow_sidebar_of_lists_is_still_a_column(tmp_path: Path, engine: str) -> None:
    # As narrow as a side margin and on the main column's grid, but its texts run on line
    # after line: a column, not headings.
    main = [f"{line}, and more work described at length on this line" for line in pdfs.MAIN]
    sidebar = pdfs.column(40, 130, pdfs.SIDEBAR[:7])
    page = sidebar + pdfs.column(170, 130, main)
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert texts(document) == [*pdfs.SIDEBAR[:7], *main]


@ENGINE
def test_labels_beside_values_in_a_single_column_page_stay_on_their_rows(
    tmp_path: Path, engine: str
) -> None:
    # A table of labels and values under full-width text is no side margin: most rows run
    # across the values' left edge.
    body = pdfs.column(
        40,
        100,
        [
            f"Delivered project {k} for a logistics client on time and within the agreed budget"
            for k in range(8)
        ],
    )
    labels = [("Languages", "Python, Go, SQL"), ("Cloud", "AWS, GCP"), ("Tools", "Docker, Git")]
    table = [Text(40, 230 + 14 * n, label) for n, (label, _) in enumerate(labels)]
    table += [Text(150, 230 + 14 * n, value) for n, (_, value) in enumerate(labels)]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [body + table]), engine=engine)
    assert texts(document)[-3:] == [f"{label} {value}" for label, value in labels]


@ENGINE
def test_words_placed_without_spaces_stay_apart(tmp_path: Path, engine: str) -> None:
    # LaTeX sets each word on its own and puts no space character between them; with its
    # default tolerance pdfplumber reads "CORNELLUNIVERSITYIthaca,NY".
    line1 = pdfs.spaced_words(72, 100, ["CORNELL", "UNIVERSITY", "Ithaca,", "NY"], size=11)
    line2 = pdfs.spaced_words(72, 114, ["Bachelor", "of", "Science", "in", "AI"], gap=0.2)
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [line1 + line2]), engine=engine)
    assert texts(document) == ["CORNELL UNIVERSITY Ithaca, NY", "Bachelor of Science in AI"]


BODY = pdfs.column(72, 140, ["Summary", "Data scientist with six years in retail forecasting."])


@ENGINE
def test_large_name_over_the_contact_line_is_a_line_of_its_own(tmp_path: Path, engine: str) -> None:
    # A 40-point name's box reaches down to the 12-point contact line set just under it:
    # read word by word along one baseline the two interleave.
    name = Text(150, 70, "Marisol Quennell", 40)
    contact = Text(120, 86, "quennell.dev | marisol@example.org | +1 555 0100", 12)
    document = read_resume(
        pdfs.write_pdf(tmp_path / "cv.pdf", [[name, contact, *BODY]]), engine=engine
    )
    assert texts(document)[:2] == ["Marisol Quennell", contact.text]
    assert [line.size for line in document.lines[:2]] == [40.0, 12.0]


@ENGINE
def test_large_name_beside_contact_lines_comes_first_alone(tmp_path: Path, engine: str) -> None:
    # Two lines of small contact details at the right, within the name's height; the
    # second ends where the name does.
    page = [
        Text(72, 80, "Marisol Quennell", 26),
        Text(400, 69.5, "marisol@example.org", 9),
        Text(400, 81.5, "+1 555 0100", 9),
        *BODY,
    ]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert texts(document)[:3] == ["Marisol Quennell", "marisol@example.org", "+1 555 0100"]


@ENGINE
def test_large_name_beside_a_wrapped_link_is_not_joined_to_its_tail(
    tmp_path: Path, engine: str
) -> None:
    # The first name stands alone above the surname; at the right a profile link wraps, and
    # its tail shares the first name's baseline while its head sits just above the name.
    page = [
        Text(400, 96, "marisol@example.org", 9),
        Text(350, 111, "https://www.linkedin.com/in/marisolq", 9),
        Text(480, 124, "uennell/", 9),
        Text(215, 124, "MARISOL", 18, bold=True),
        Text(215, 146, "QUENNELL", 18, bold=True),
        *pdfs.column(72, 200, ["Summary", "Data scientist with six years in retail forecasting."]),
    ]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert "MARISOL" in texts(document)
    assert "uennell/" in texts(document)


@ENGINE
def test_large_name_and_small_title_on_one_baseline_stay_one_line(
    tmp_path: Path, engine: str
) -> None:
    page = [Text(72, 80, "Marisol Quennell", 22), Text(300, 80, "Data Scientist", 11), *BODY]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert texts(document)[0] == "Marisol Quennell Data Scientist"


@ENGINE
def test_letter_spaced_capitals_read_as_words(tmp_path: Path, engine: str) -> None:
    kerned = pdfs.spaced_words(130, 80, ["QU", "EN", "N", "E", "LL"], size=12, gap=0.15)
    page = [
        Text(72, 60, "MARISOL QUENNELL", 14, char_space=2.5),  # a space glyph between words
        Text(72, 80, "Marisol", 12),
        *kerned,  # small caps whose kerned pairs came out glued, no space glyphs at all
        Text(72, 100, "EXPERIENCE", 12, bold=True, char_space=4),
        Text(72, 120, "S K I L L S", 12, bold=True),  # spaces typed between the letters
    ]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert texts(document) == ["MARISOL QUENNELL", "Marisol QUENNELL", "EXPERIENCE", "SKILLS"]


@ENGINE
def test_single_letters_spaced_as_words_stay_apart(tmp_path: Path, engine: str) -> None:
    initials = pdfs.spaced_words(72, 100, ["Reading", "J", "R", "R", "Tolkien"])
    # Narrow, even word gaps (no space glyphs): short capital words amid text spaced alike.
    heading = pdfs.spaced_words(72, 140, ["WHY", "WOULD", "I", "BE", "A", "GOOD", "HIRE"], gap=0.14)
    page = [*initials, Text(72, 120, "Plan A B C and more"), *heading]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert texts(document) == [
        "Reading J R R Tolkien",
        "Plan A B C and more",
        "WHY WOULD I BE A GOOD HIRE",
    ]


@ENGINE
def test_page_numbers_and_running_footers_dropped_header_kept_once(
    tmp_path: Path, engine: str
) -> None:
    document = read_resume(pdfs.paged_resume(tmp_path / "cv.pdf", pages=3), engine=engine)
    body = [f"Body line {page}.{k} about models" for page in (1, 2, 3) for k in range(1, 6)]
    assert texts(document) == ["Jane Doe - Curriculum Vitae", *body]
    assert document.lines[0].page == 0
    assert [line.page for line in document.lines[1:]] == [p for p in (0, 1, 2) for _ in range(5)]
    assert document.pages == 3


@ENGINE
def test_bare_page_numbers_dropped_on_a_two_page_resume(tmp_path: Path, engine: str) -> None:
    pages = [
        [Text(72, 100, skills), Text(300, 770, str(n))]
        for n, skills in enumerate(["Python and SQL", "Docker and AWS"], start=1)
    ]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", pages), engine=engine)
    assert texts(document) == ["Python and SQL", "Docker and AWS"]


@ENGINE
def test_lines_differing_in_more_than_the_page_number_are_content(
    tmp_path: Path, engine: str
) -> None:
    # Two entries at the top of two pages, alike but for their years: not a running header.
    pages = [[Text(72, 60, f"Engineer, Acme, {year}")] for year in (2019, 2015)]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", pages), engine=engine)
    assert texts(document) == ["Engineer, Acme, 2019", "Engineer, Acme, 2015"]


@ENGINE
def test_hyphenated_line_breaks_joined_real_hyphens_kept(tmp_path: Path, engine: str) -> None:
    lines = [
        "Eight years of experi-",
        "ence in state-of-the-art retrieval and end-to-",
        "end pipelines with cross-",
        "functional teams.",
    ]
    document = read_resume(
        pdfs.write_pdf(tmp_path / "cv.pdf", [pdfs.column(72, 100, lines)]), engine=engine
    )
    assert texts(document) == [
        "Eight years of experience",
        "in state-of-the-art retrieval and end-to-end",
        "pipelines with cross-functional",
        "teams.",
    ]


@ENGINE
def test_a_soft_hyphen_between_dates_is_a_dash_inside_a_word_nothing(
    tmp_path: Path, engine: str
) -> None:
    # LaTeX templates (Awesome-CV) draw the dash of a range with a soft hyphen glyph; inside
    # a word a soft hyphen only marks where the word may break.
    lines = [
        "Data Platform Engineer Apr. 2020 \u00ad Aug. 2022",
        "Kept 2019\u00ad2021 systems avail\u00adable",
        "Platform Engineer Jan. 2024 \u00ad",
    ]
    document = read_resume(
        pdfs.write_pdf(tmp_path / "cv.pdf", [pdfs.column(72, 100, lines)]), engine=engine
    )
    assert texts(document) == [
        "Data Platform Engineer Apr. 2020 - Aug. 2022",
        "Kept 2019-2021 systems available",
        "Platform Engineer Jan. 2024 -",
    ]


@ENGINE
def test_ligatures_and_bullets_normalised(tmp_path: Path, engine: str) -> None:
    lines = [
        "\ufb01nance work\ufb02ow",
        "\u2022 Built data pipelines",
        "\u2013 Led a team",
        "-5% cost",
    ]
    document = read_resume(
        pdfs.write_pdf(tmp_path / "cv.pdf", [pdfs.column(72, 100, lines)]), engine=engine
    )
    assert texts(document) == ["finance workflow", "Built data pipelines", "Led a team", "-5% cost"]


@ENGINE
def test_bold_heading_detected(tmp_path: Path, engine: str) -> None:
    page = [Text(72, 100, "PROFESSIONAL EXPERIENCE", 12, bold=True), Text(72, 118, "Engineer")]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert [(line.text, line.bold) for line in document.lines] == [
        ("PROFESSIONAL EXPERIENCE", True),
        ("Engineer", False),
    ]


@ENGINE
def test_fake_bold_drawn_twice_read_once(tmp_path: Path, engine: str) -> None:
    # Word processors fake a bold face by drawing the text again a fraction of a point aside.
    page = [Text(72, 100, "SKILLS"), Text(72.4, 100, "SKILLS"), Text(72, 118, "Python")]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert texts(document) == ["SKILLS", "Python"]
    # pdfminer shows both copies, and the copy marks the line bold; PDFium drops the copy
    # itself, before the reader sees it.
    assert document.lines[0].bold is (engine == "pdfplumber")
    assert document.lines[1].bold is False


@ENGINE
def test_squeezed_repeated_letters_are_not_fake_bold(tmp_path: Path, engine: str) -> None:
    # Letters a fraction of a point apart (text squeezed into an icon's box, as PDFium
    # spreads a span's ActualText) are letters, not copies: "www" keeps its three.
    page = [Text(72, 100, "www.example.org", scale=4.0), Text(72, 118, "Python")]
    document = read_resume(pdfs.write_pdf(tmp_path / "cv.pdf", [page]), engine=engine)
    assert texts(document) == ["www.example.org", "Python"]


PRINTABLE = {code: chr(code) for code in range(32, 127)}


@ENGINE
def test_glyphs_mapped_to_several_letters_read_as_all_of_them(tmp_path: Path, engine: str) -> None:
    # A ligature glyph whose Unicode map gives its letters ("ffi", not U+FB03): PDFium
    # reports each letter with the glyph's box, pdfminer one character of three letters.
    ligatures = {ord("{"): "ffi", ord("|"): "ff", ord("}"): "fi", ord("~"): "ti"}
    line = b"e{cient tra|ic }nance data scien~st"
    path = pdfs.mapped_font_pdf(tmp_path / "cv.pdf", [line, b"Python"], PRINTABLE | ligatures)
    document = read_resume(path, engine=engine)
    assert texts(document) == ["efficient traffic finance data scientist", "Python"]


RESUME_LINES = [
    "Priya Vandermolen, senior machine learning engineer",
    "Eight years of experience building search and ranking systems",
    "Designed retrieval pipelines for product search at Northwind Labs",
    "Trained ranking models on click logs with PyTorch and Spark",
    "Led a team of five engineers and mentored new graduates",
    "Deployed models on Kubernetes with monitoring and alerting",
    "Education: MSc Computer Science, University of Lisbon, 2015",
    "Skills: Python, SQL, Airflow, Docker, AWS, statistics",
]


def _scrambled(code: int) -> str:
    """A consistent substitution: each letter stands for the one 13 places on."""
    return codecs.encode(chr(code), "rot13")


@ENGINE
@pytest.mark.parametrize(
    ("cid", "to_unicode"),
    [
        pytest.param(True, None, id="composite-font-without-a-map"),
        pytest.param(False, {code: _scrambled(code) for code in PRINTABLE}, id="scrambled-map"),
    ],
)
def test_text_layer_that_decodes_to_garbage_is_no_text(
    tmp_path: Path, engine: str, cid: bool, to_unicode: dict[int, str] | None
) -> None:
    lines = [line.encode() for line in RESUME_LINES]
    path = pdfs.mapped_font_pdf(tmp_path / "cv.pdf", lines, to_unicode, cid=cid)
    with pytest.raises(NoTextError) as caught:  # with OCR it reads: see test_ocr.py
        read_resume(path, engine=engine, ocr="never")
    assert str(caught.value) == "cv.pdf: the text layer cannot be decoded"
    assert caught.value.exit_code == ExitCode.NO_TEXT
    # The same page with a true map reads.
    readable = pdfs.mapped_font_pdf(tmp_path / "ok.pdf", lines, PRINTABLE)
    assert texts(read_resume(readable, engine=engine)) == RESUME_LINES


@ENGINE
def test_icons_without_a_map_separate_words_and_leave_the_text(tmp_path: Path, engine: str) -> None:
    # A few glyphs without characters (icons before contact details) are no reason to
    # refuse the page: they separate words, as a space does.
    lines = [b"\x01jane@example.org \x02+1 555 0100", *(line.encode() for line in RESUME_LINES)]
    path = pdfs.mapped_font_pdf(tmp_path / "cv.pdf", lines, PRINTABLE)  # no \x01, \x02
    document = read_resume(path, engine=engine)
    assert texts(document) == ["jane@example.org +1 555 0100", *RESUME_LINES]


LAYOUTS = {
    "single": pdfs.single_column_resume,
    "two-column": pdfs.two_column_resume,
    "paged": pdfs.paged_resume,
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_both_engines_read_the_same_lines(tmp_path: Path, layout: str) -> None:
    path = LAYOUTS[layout](tmp_path / f"{layout}.pdf")
    plumber = read_resume(path, engine="pdfplumber")
    pdfium = read_resume(path, engine="pdfium")
    assert texts(plumber) == texts(pdfium)
    assert [(line.page, line.column, line.bold) for line in plumber.lines] == [
        (line.page, line.column, line.bold) for line in pdfium.lines
    ]


def test_max_pages_reads_the_first_pages_and_warns(tmp_path: Path) -> None:
    words = ["Summary", "Experience", "Education", "Skills"]
    pages = [pdfs.column(72, 100, [word]) for word in words]
    document = read_resume(pdfs.write_pdf(tmp_path / "long.pdf", pages), max_pages=2)
    assert texts(document) == ["Summary", "Experience"]
    assert document.pages == 4
    assert document.warnings == ("read only the first 2 of 4 pages",)


def test_format_comes_from_content_not_name(tmp_path: Path) -> None:
    path = pdfs.single_column_resume(tmp_path / "cv.pdf")
    renamed = path.rename(tmp_path / "cv.txt")
    document = read_resume(renamed)
    assert document.format == "pdf"
    assert document.file == "cv.txt"


# --- DOCX -------------------------------------------------------------------------------------


def test_docx_header_then_body_in_order_with_table_and_bold_then_footer(tmp_path: Path) -> None:
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Jane Doe"
    header.add_paragraph("jane.doe@example.com | +1 206 555 0142")
    footer = document.sections[0].footer
    footer.paragraphs[0].text = "linkedin.com/in/jane-doe-example"
    footer.add_paragraph("Page 1 of 2")
    document.add_heading("Profile", level=1)
    document.add_paragraph("Before the table")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"cell {r}{c}"
    paragraph = document.add_paragraph()
    paragraph.add_run("Skills").bold = True
    document.add_paragraph("Python, SQL\nDocker")
    document.add_section()  # a second section repeats the header: read once
    document.add_paragraph("Second section")
    path = tmp_path / "cv.docx"
    document.save(str(path))

    read = read_resume(path)
    assert texts(read) == [
        "Jane Doe",
        "jane.doe@example.com | +1 206 555 0142",
        "Profile",
        "Before the table",
        "cell 00",
        "cell 01",
        "cell 10",
        "cell 11",
        "Skills",
        "Python, SQL",
        "Docker",
        "Second section",
        "linkedin.com/in/jane-doe-example",
    ]
    body = read.lines[2:11]
    assert [line.bold for line in body] == [True] + [False] * 5 + [True, False, False]
    assert [line.column for line in body[2:6]] == [0, 1, 0, 1]
    assert (read.format, read.file, read.engine) == ("docx", "cv.docx", "")


def test_docx_data_table_rows_read_as_one_line_each(tmp_path: Path) -> None:
    # A job portal's IT-skills table: its header row's bold cells are column labels, not
    # headings ("Experience"); a row whose cell holds two paragraphs reads cell by cell.
    document = docx.Document()
    document.add_paragraph("IT Skills")
    table = document.add_table(rows=0, cols=4)
    rows = [
        ("Skill Name", "Version", "Last Used", "Experience"),
        ("MS Excel", "365", "2026", "6 Year(s)"),
        ("SQL", "", "2026", "4 Year(s)"),
        ("JIRA", "Cloud\nServer", "2026", "5 Year(s)"),
    ]
    for number, values in enumerate(rows):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            for k, part in enumerate(value.split("\n")):
                paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                paragraph.add_run(part).bold = number == 0
    path = tmp_path / "cv.docx"
    document.save(str(path))

    read = read_resume(path)
    assert [(line.text, line.bold) for line in read.lines] == [
        ("IT Skills", False),
        ("Skill Name | Version | Last Used | Experience", True),
        ("MS Excel | 365 | 2026 | 6 Year(s)", False),
        ("SQL | 2026 | 4 Year(s)", False),
        ("JIRA", False),
        ("Cloud", False),
        ("Server", False),
        ("2026", False),
        ("5 Year(s)", False),
    ]


# --- Text and Markdown ------------------------------------------------------------------------

RESUME_TEXT = "Zoë Müller\n\nSkills: Python, C++ — 5 years\n"


@pytest.mark.parametrize(
    ("encoded", "warnings"),
    [
        (RESUME_TEXT.encode("utf-8"), ()),
        (codecs.BOM_UTF8 + RESUME_TEXT.encode("utf-8"), ()),
        (RESUME_TEXT.encode("utf-16"), ()),  # with its BOM
        (RESUME_TEXT.replace("—", "-").encode("latin-1"), ("not UTF-8; read as Windows-1252",)),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "latin-1"],
)
def test_text_encodings(tmp_path: Path, encoded: bytes, warnings: tuple[str, ...]) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(encoded)
    document = read_resume(path)
    assert texts(document)[0] == "Zoë Müller"
    assert texts(document)[1].startswith("Skills: Python, C++ ")
    assert document.warnings == warnings
    assert document.format == "text"


def test_markdown_marks_stripped_headings_bold(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "# Jane Doe\n\n**Experience**\n\n- Built RAG systems\n* Led 3 engineers\n---\n"
        "1. First\nSkills\n======\n",
        encoding="utf-8",
    )
    document = read_resume(path)
    assert [(line.text, line.bold) for line in document.lines] == [
        ("Jane Doe", True),
        ("Experience", True),
        ("Built RAG systems", False),
        ("Led 3 engineers", False),
        ("1. First", False),
        ("Skills", True),
    ]


NOT_PLAIN = "o" + "".join(map(chr, range(0xFB00, 0xFB07)))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.text(
            # Not "o" (with a space after it, a Word bullet) nor ligatures (read expanded).
            alphabet=st.characters(categories=("L", "N", "Zs"), exclude_characters=NOT_PLAIN),
            min_size=1,
            max_size=30,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_text_reads_the_same_in_utf8_and_utf16(tmp_path: Path, lines: list[str]) -> None:
    content = "\n".join(lines)
    if not content.split():
        return
    (tmp_path / "a.txt").write_bytes(content.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(content.encode("utf-16"))
    utf8, utf16 = read_resume(tmp_path / "a.txt"), read_resume(tmp_path / "b.txt")
    assert texts(utf8) == texts(utf16)
    assert texts(utf8) == [" ".join(line.split()) for line in lines if line.split()]


# --- The file's own date ----------------------------------------------------------------------


def dated_pdf(path: Path, stamp: str) -> Path:
    """A one-line resume PDF whose CreationDate and ModDate are ``stamp`` (reportlab writes
    the same string to both)."""
    canvas = pdf_canvas.Canvas(str(path), invariant=1)
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setFont(pdfs.REGULAR, 10)
    canvas.drawString(72, 700, "Data Analyst, Acme, Jan 2012 - Present")
    canvas.showPage()
    canvas.save()
    return path


@ENGINE
def test_a_pdf_keeps_its_own_date(tmp_path: Path, engine: str) -> None:
    document = read_resume(dated_pdf(tmp_path / "cv.pdf", "D:20150603101500+02'00'"), engine=engine)
    assert document.written == date(2015, 6, 3)


@pytest.mark.parametrize(
    ("info", "written"),
    [
        ({"ModDate": "D:20150603101500Z", "CreationDate": "D:20120101000000Z"}, date(2015, 6, 3)),
        ({"ModDate": "", "CreationDate": "D:20120101000000Z"}, date(2012, 1, 1)),
        ({"ModDate": "D:20151399", "CreationDate": "D:2012020"}, date(2012, 2, 1)),
        ({"ModDate": "20150603"}, date(2015, 6, 3)),  # without the "D:" some tools leave out
        ({"ModDate": "Tuesday", "CreationDate": ""}, None),
        ({}, None),
    ],
)
def test_a_pdf_date_is_moddate_else_creationdate(
    info: dict[str, str], written: date | None
) -> None:
    assert _pdf_info_date(info) == written


def test_a_docx_keeps_its_modified_date_else_its_created_date(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Data Analyst, Acme, Jan 2012 - Present")
    properties = document.core_properties
    properties.created = dt.datetime(2014, 2, 1, 9, 0, tzinfo=dt.UTC)
    properties.modified = dt.datetime(2016, 3, 15, 9, 0, tzinfo=dt.UTC)
    document.save(str(tmp_path / "modified.docx"))
    assert read_resume(tmp_path / "modified.docx").written == date(2016, 3, 15)
    element = properties._element
    element.remove(element.modified)
    document.save(str(tmp_path / "created.docx"))
    assert read_resume(tmp_path / "created.docx").written == date(2014, 2, 1)


def test_a_docx_without_core_properties_has_no_date(tmp_path: Path) -> None:
    # python-docx makes up a part dated now when a file has none: that is not its date.
    document = docx.Document()
    document.add_paragraph("Data Analyst, Acme, Jan 2012 - Present")
    document.save(str(tmp_path / "full.docx"))
    with (
        zipfile.ZipFile(tmp_path / "full.docx") as full,
        zipfile.ZipFile(tmp_path / "bare.docx", "w") as bare,
    ):
        for item in full.infolist():
            data = full.read(item)
            if item.filename == "docProps/core.xml":
                continue
            if item.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            bare.writestr(item, data)
    read = read_resume(tmp_path / "bare.docx")
    assert texts(read) == ["Data Analyst, Acme, Jan 2012 - Present"]
    assert read.written is None


def test_a_text_file_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Data Analyst, Acme, Jan 2012 - Present\n", encoding="utf-8")
    assert read_resume(path).written is None


# --- Hostile files ----------------------------------------------------------------------------


def _truncated(tmp_path: Path) -> Path:
    data = pdfs.single_column_resume(tmp_path / "full.pdf").read_bytes()
    (path := tmp_path / "truncated.pdf").write_bytes(data[: len(data) // 2])
    return path


def _corrupt(tmp_path: Path) -> Path:
    (path := tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    return path


def _encrypted(tmp_path: Path) -> Path:
    return pdfs.write_pdf(tmp_path / "locked.pdf", [pdfs.column(72, 100, SECRET)], encrypt="pw")


SECRET = ["Secret resume"]


def _write(name: str, data: bytes):  # type: ignore[no-untyped-def]
    def make(tmp_path: Path) -> Path:
        (path := tmp_path / name).write_bytes(data)
        return path

    return make


def _zip_without_document(tmp_path: Path) -> Path:
    path = tmp_path / "cv.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    return path


def _directory(tmp_path: Path) -> Path:
    (path := tmp_path / "folder.pdf").mkdir()
    return path


HOSTILE = {
    "missing": (lambda tmp_path: tmp_path / "nowhere.pdf", UnreadableFileError, "no such file"),
    "directory": (_directory, UnreadableFileError, "is a directory"),
    "empty": (_write("empty.pdf", b""), UnreadableFileError, "empty file (0 bytes)"),
    "truncated": (_truncated, UnreadableFileError, "corrupt PDF"),
    "corrupt": (_corrupt, UnreadableFileError, "corrupt PDF"),
    "encrypted": (_encrypted, UnreadableFileError, "encrypted PDF (password-protected)"),
    "image-only": (
        lambda tmp_path: pdfs.image_only_pdf(tmp_path / "scan.pdf"),
        NoTextError,
        "no text layer",  # and, with the ocr extra, "OCR found no text on page 1"
    ),
    "not-a-pdf": (_write("cv.pdf", b"Jane Doe\nPython\n"), UnreadableFileError, "not a PDF (text)"),
    "zip-named-pdf": (_write("cv.pdf", b"PK\x03\x04junk"), UnreadableFileError, "not a PDF (a ZIP"),
    "unsupported": (_write("cv.rtf", b"{\\rtf1 hello}"), UnreadableFileError, "unsupported format"),
    "no-extension": (_write("resume", b"hello"), UnreadableFileError, "unsupported format"),
    "docx-not-zip": (_write("cv.docx", b"hello"), UnreadableFileError, "not a DOCX (text)"),
    "docx-no-document": (_zip_without_document, UnreadableFileError, "not a DOCX (a ZIP without"),
    "binary-text": (_write("cv.txt", b"\x00\x01\x02\xff" * 50), UnreadableFileError, "binary"),
    "blank-text": (_write("cv.md", b"  \n\n\t\n"), NoTextError, "holds no text"),
}


@ENGINE
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_files_raise_one_line_errors(tmp_path: Path, engine: str, kind: str) -> None:
    make, error, words = HOSTILE[kind]
    path = make(tmp_path)
    with pytest.raises(error) as caught:
        read_resume(path, engine=engine)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    assert words in message
    assert "\n" not in message
    assert str(tmp_path) not in message
    expected = ExitCode.NO_TEXT if error is NoTextError else ExitCode.UNREADABLE
    assert caught.value.exit_code == expected


@ENGINE
def test_encrypted_pdf_is_reported_from_the_library_error(tmp_path: Path, engine: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_resume(_encrypted(tmp_path), engine=engine)
    assert caught.value.__cause__ is not None  # wrapped at the boundary, `from exc`


def test_too_large_file_refused_before_parsing(tmp_path: Path) -> None:
    path = pdfs.single_column_resume(tmp_path / "big.pdf")
    with pytest.raises(
        UnreadableFileError, match=r"^big\.pdf: file is .* over the 1,000 bytes limit$"
    ):
        read_resume(path, max_bytes=1000)
    assert read_resume(path, max_bytes=path.stat().st_size).lines  # at the limit is fine


def test_default_size_limit_is_20_mb(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)  # sparse: no 20 MB written to disk
    with pytest.raises(UnreadableFileError, match="over the 20 MB limit"):
        read_resume(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_permissions(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Jane", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(UnreadableFileError, match=r"^cv\.txt: permission denied$"):
        read_resume(path)


def test_permission_error_from_the_os_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Jane", encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(UnreadableFileError, match=r"^cv\.txt: permission denied$"):
        read_resume(path)


def test_unknown_engine_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown PDF engine 'fitz'"):
        read_resume(pdfs.single_column_resume(tmp_path / "cv.pdf"), engine="fitz")


def test_file_is_the_name_only(tmp_path: Path) -> None:
    nested = tmp_path / "deep" / "folder"
    nested.mkdir(parents=True)
    document = read_resume(pdfs.single_column_resume(nested / "cv.pdf"))
    assert document.file == "cv.pdf"
