"""Contact details as real templates write them: names set apart by layout or glued to a
job portal's badge, international phone numbers, and the numbers and lines that only look
like them.  Every person, company and number here is invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from matcher.document import ResumeText
from matcher.output.redact import REDACTED, redact_candidate
from matcher.parse.contact import DEFAULT_NAME_LINES
from matcher.parse.result import Contact
from matcher.parse.stage import parse_resume
from matcher.read.reader import read_resume
from tests.pdfs import Text, column, write_pdf

AS_OF = date(2024, 1, 15)
PORTAL_FIELDS = [
    "Data Analyst seeking roles in Data Analysis,Reporting,SQL,Dashboards",
    "Current Designation: Data Analyst",
    "Current Company: Fabrikam Analytics",
    "Current Location: Chennai",
    "Pref. Location: Chennai,Bengaluru / Bangalore",
    "Functional Area: Analytics & Business Intelligence",
    "Marital Status: Single/unmarried",
    "Work Experience",
    "Data Analyst, Fabrikam Analytics, Jun 2019 - Present",
]


def contact(text: str) -> Contact:
    return parse_resume(ResumeText.from_string(text), as_of=AS_OF).contact


def portal_docx(path: Path, first_line: str) -> Path:
    """A job portal's profile export: the name (maybe glued to a badge) as the first
    paragraph, profile fields below, every contact detail hidden."""
    document = docx.Document()
    for text in [first_line, *PORTAL_FIELDS]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "name"),
    [
        ("PRIYA NANDAKUMARFeatured Resume", "Priya Nandakumar"),
        ("Rohan K. VenkateshPremium CV", "Rohan K. Venkatesh"),
        ("Farhan Qureshi Featured Resume", "Farhan Qureshi"),
        ("Meenal Joshi", "Meenal Joshi"),  # no badge: the profile fields vouch for it
        ("Dr. Leena Raghavan", "Leena Raghavan"),
    ],
)
def test_a_portal_export_names_the_candidate_in_its_first_line(
    tmp_path: Path, first_line: str, name: str
) -> None:
    resume = parse_resume(read_resume(portal_docx(tmp_path / "cv.docx", first_line)), as_of=AS_OF)
    assert resume.contact.name == name
    assert resume.contact.email is None and resume.contact.phone is None


def test_a_badge_vouches_for_a_name_without_profile_fields() -> None:
    assert contact("ANIL MATHEWFeatured Resume\nSummary\nSells tractors.\n").name == "Anil Mathew"
    # Without the badge nor any contact detail, the line may be a job title.
    assert contact("Anil Mathew\nSummary\nSells tractors.\n").name is None


def test_a_job_title_first_is_no_name_even_in_a_portal_export() -> None:
    assert contact("\n".join(["Senior Data Analyst", *PORTAL_FIELDS])).name is None


def test_the_largest_line_at_the_top_is_the_name(tmp_path: Path) -> None:
    # The contact block stands at the right, above the name, in a small font: it comes first
    # in reading order, and its first line ("Harbor Point", a neighbourhood) has a name's
    # shape; the email does not spell the name.
    path = write_pdf(
        tmp_path / "cv.pdf",
        [
            [
                *column(
                    400, 40, ["Harbor Point", "hello@example.com", "+1 (415) 555-0147"], size=9
                ),
                Text(50, 100, "Maya Okafor", 24, bold=True),
                *column(50, 140, ["Experience", "Data Analyst, Contoso, 2019 - 2023"]),
            ]
        ],
    )
    for engine in ("pdfplumber", "pdfium"):
        resume = parse_resume(read_resume(path, engine=engine), as_of=AS_OF)
        assert resume.contact.name == "Maya Okafor", engine
        assert resume.contact.phone == "+1 (415) 555-0147", engine


def test_a_large_name_beside_a_sidebar_read_first(tmp_path: Path) -> None:
    # The sidebar (contact, skills, education) is read before the main column, so the name
    # at the main column's top comes some fourteen lines down, inside the education section.
    sidebar = [
        *("CONTACT", "hello@example.com", "+1 (415) 555-0147", "Oakland, CA"),
        *("SKILLS", "Python", "SQL", "Tableau", "LANGUAGES", "English", "Spanish"),
        *("EDUCATION", "B.S. Statistics", "Mills College, 2016"),
    ]
    main = ["Data Analyst", "EXPERIENCE", "Data Analyst, Contoso, 2019 - 2023"]
    path = write_pdf(
        tmp_path / "cv.pdf",
        [
            [
                *column(40, 60, sidebar, size=9),
                Text(220, 60, "Rosa Delgado", 26, bold=True),
                *column(220, 100, main, leading=16),
            ]
        ],
    )
    document = read_resume(path)
    assert [line.text for line in document.lines].index("Rosa Delgado") > DEFAULT_NAME_LINES
    assert parse_resume(document, as_of=AS_OF).contact.name == "Rosa Delgado"


@pytest.mark.parametrize("surname_x", [50, 52, 120])
def test_a_first_name_set_alone_above_the_surname(tmp_path: Path, surname_x: float) -> None:
    # A designer's layout: the first name on its own line, the surname below it in the same
    # large size; the contact block at the right comes first in reading order.
    path = write_pdf(
        tmp_path / "cv.pdf",
        [
            [
                *column(400, 40, ["hello@example.com", "+1 (415) 555-0147"], size=9),
                Text(50, 60, "MAYA", 28, bold=True),
                Text(surname_x, 92, "OKAFOR-LINDQVIST", 28, bold=True),
                *column(50, 150, ["Experience", "Data Analyst, Contoso, 2019 - 2023"]),
            ]
        ],
    )
    name = parse_resume(read_resume(path), as_of=AS_OF).contact.name
    # Left-aligned, the two lines are one name; a line set apart is not the first name's.
    assert name == ("Maya Okafor-Lindqvist" if surname_x < 100 else None)


def test_a_large_name_needs_no_contact_details_but_a_body_sized_line_does(
    tmp_path: Path,
) -> None:
    def first_line_name(size: float) -> str | None:
        path = write_pdf(
            tmp_path / f"cv{size}.pdf",
            [
                [
                    Text(50, 60, "Rafael Quintero", size, bold=True),
                    *column(50, 100, ["Experience", "Welder, Contoso Steel, 2015 - 2023"]),
                    *column(50, 140, ["Fits and welds pipe.", "Reads blueprints."]),
                ]
            ],
        )
        return parse_resume(read_resume(path), as_of=AS_OF).contact.name

    assert first_line_name(22) == "Rafael Quintero"
    assert first_line_name(10) is None  # could be a job title: nothing vouches for it


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Resume of Jane Doe\njd@example.com\n", "Jane Doe"),
        ("CURRICULUM VITAE | JANE DOE\njd@example.com\n", "Jane Doe"),
        ("Jane Doe’s Resume\njd@example.com\n", "Jane Doe"),
        ("María José García López Rivera\nmjg@example.com\n", "María José García López Rivera"),
        # A place first, then an icon font's glyph between the name and the email.
        (
            "Research Triangle, NC, USA\nMarisol Ventura # marisol.ventura@example.com\n",
            "Marisol Ventura",
        ),
        ("Marisol Ventura § mventura@example.com\n", "Marisol Ventura"),
        ("Tomasz “Tom” Wiśniewski\ntw@example.com\n", "Tomasz “Tom” Wiśniewski"),
        ("Harriet J. Okonkwo\nhjo@example.com\n", "Harriet J. Okonkwo"),
        ("Harriet Okonkwo Jr.\nhjo@example.com\n", "Harriet Okonkwo Jr."),
        ("Harriet Okonkwo, PhD\nhjo@example.com\n", "Harriet Okonkwo"),
        ("Harriet Okonkwo MBA, PMP\nhjo@example.com\n", "Harriet Okonkwo"),
        ("Harriet Okonkwo (she/her)\nhjo@example.com\n", "Harriet Okonkwo"),
        ("Lin Ma\nlinma@example.com\n", "Lin Ma"),
        ("JEAN-LUC DE LA FONTAINE\njl@example.com\n", "Jean-Luc De La Fontaine"),
        ("Marisol Ventura +1 (919) 555-0110\n", "Marisol Ventura"),
    ],
)
def test_names_as_templates_write_them(text: str, name: str) -> None:
    assert contact(text).name == name


@pytest.mark.parametrize(
    "first_line",
    [
        "Silicon Valley, CA, USA",
        "Pune, India",
        "Professional Summary",
        "Northwind Analytics Inc.",
        "Best Regards",
        "Okaforworks.com Maya",
        "PHD CANDIDATE IN CHEMISTRY",
        "E Celular: 993 555 104",
    ],
)
def test_places_headings_organisations_and_labels_are_no_names(first_line: str) -> None:
    assert contact(f"{first_line}\nhello@example.com\n").name is None


def test_the_name_the_email_spells_wins_over_an_earlier_name_shaped_line() -> None:
    found = contact("Harbor Point\nMaya Okafor\nmaya.okafor@example.com\n")
    assert found.name == "Maya Okafor"
    links = "linkedin.com/in/maya-okafor-4821 | hello@example.com"
    assert contact(f"Harbor Point\nMaya Okafor\n{links}\n").name == "Maya Okafor"
    assert contact("Data Lead\nhttps://github.com/datalead\n").name == "Data Lead"
    # Without that evidence the first line is taken: the rule must not always skip it.
    assert contact("Harbor Point\nMaya Okafor\nhello@example.com\n").name == "Harbor Point"


# --- phones ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "+91 98765 43210",
        "(+91) 9876501234",
        "+44 20 7946 0000",
        "+1 (415) 555-0100",
        "+ 1 (415) 555-0163",
        "(415) · 555 · 0182",
        "(+82) 10-5550-0142",
        "+919876501234",
        "1 800 555 0199",
        "(415)555-0100",
    ],
)
def test_international_and_styled_phone_numbers(phone: str) -> None:
    # Unlabelled, beside the email, as headers print them.
    assert contact(f"Jane Roe\njroe@example.com | {phone} | Austin, TX\n").phone == phone


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("Mobile: 9876501234", "9876501234"),
        ("Contact No.: - 9876501234", "9876501234"),
        ("Celular: 993555104", "993555104"),
        ("Teléfono: 612 555 104", "612 555 104"),
        ("9876501234 | jroe@example.com", "9876501234"),
        ("993555104", "993555104"),  # a line of its own at the top
    ],
)
def test_labelled_or_lone_numbers_at_the_top(line: str, phone: str) -> None:
    assert contact(f"Jane Roe\n{line}\nExperience\nAnalyst, Acme, 2019 - 2021\n").phone == phone


def test_a_bare_run_of_digits_in_the_body_is_no_phone() -> None:
    text = "Jane Roe\njroe@example.com\nProjects\nTicket 9876501234 closed.\nCode 993555104\n"
    assert contact(text).phone is None


@pytest.mark.parametrize(
    "line",
    [
        "Published in IJXY, doi:10.5555/IJXY.2019.83120",
        "Journal of Data, vol. 7, 2019.0712045",
        "Analyst 2014 - 2018",
        "B.Sc. 2010 – 2014 2016",
        "Proc. Data Systems (2005) 570-574",
        "Chapter in Data at Scale, ISBN 978-0-555-46859-1",
        "Ref 2013-11-36453",
        "Version 10.12.2019 1234",
    ],
)
def test_dois_years_dates_and_citations_are_no_phones(line: str) -> None:
    assert contact(f"Jane Roe\njroe@example.com\nPublications\n{line}\n").phone is None


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("1200 Pine St, San Francisco, CA 94105 (415) 555-0100", "(415) 555-0100"),
        ("San Francisco, CA 94105 415-555-0100", "415-555-0100"),
        ("(919) 555-0116 60 days notice", "(919) 555-0116"),
        ("Pune 411041 9876501234", "9876501234"),
        ("Graduated 2019 415-555-0132", "415-555-0132"),
    ],
)
def test_a_zip_code_or_a_stray_number_is_cut_off(line: str, phone: str) -> None:
    assert contact(f"Jane Roe\njroe@example.com\n{line}\n").phone == phone


def test_email_is_unchanged_beside_the_new_rules() -> None:
    found = contact("PRIYA NANDAKUMARFeatured Resume\npriya.n@example.in | (+91) 9876501234\n")
    assert found == Contact(
        name="Priya Nandakumar", email="priya.n@example.in", phone="(+91) 9876501234"
    )


def test_redaction_removes_a_nickname_written_bare_elsewhere() -> None:
    found = contact("Tomasz “Tom” Wiśniewski\ntw@example.com\nSummary\nTom builds data tools.\n")
    redacted = redact_candidate({"summary": "Tom builds data tools."}, found)
    assert redacted == {"summary": f"{REDACTED} builds data tools."}
