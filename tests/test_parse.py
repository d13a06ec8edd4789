"""The parse stage: sections, contact details, positions, education, certifications."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from matcher.document import Line, ResumeText, fold_case
from matcher.parse.result import Position, Resume
from matcher.parse.stage import parse_resume
from skills_taxonomy.model import Certification, DegreeField, DegreeLevel, Taxonomy

AS_OF = date(2024, 1, 15)


def parse(text: str, *, taxonomy: Taxonomy | None = None) -> Resume:
    return parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)


@pytest.fixture(scope="module")
def tiny_taxonomy() -> Taxonomy:
    """Just enough taxonomy to name degrees, fields and certifications."""
    return Taxonomy(
        version="test",
        guide="test",
        categories=(),
        regions=(),
        skills=(),
        levels=(),
        industries=(),
        certifications=(
            Certification(
                id="aws-ml-specialty",
                name="AWS Certified Machine Learning – Specialty",
                provider="Amazon Web Services",
                aliases=("aws certified machine learning specialty", "aws ml specialty"),
                covers=(),
                source="test",
            ),
            Certification(
                id="tensorflow-developer",
                name="TensorFlow Developer Certificate",
                provider="Google",
                aliases=("tensorflow developer certificate", "tensorflow developer"),
                covers=(),
                source="test",
            ),
        ),
        roadmap=(),
        degree_levels=(
            DegreeLevel(id="bachelor", name="Bachelor's", rank=2, aliases=("b.sc.", "bsc", "b.s.")),
            DegreeLevel(
                id="master", name="Master's", rank=3, aliases=("m.s.", "msc", "master of science")
            ),
            DegreeLevel(id="phd", name="Doctorate", rank=4, aliases=("phd", "ph.d.")),
        ),
        degree_fields=(
            DegreeField(
                id="computer-science",
                name="Computer Science",
                guide=True,
                aliases=("computer science", "cs"),
            ),
            DegreeField(id="statistics", name="Statistics", guide=False, aliases=("statistics",)),
        ),
    )


# --- sections --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Work History", "experience"),
        ("Professional Experience", "experience"),
        ("Employment", "experience"),
        ("Career History", "experience"),
        ("Experience", "experience"),
        ("EMPLOYMENT HISTORY", "experience"),
        ("Technical Skills", "skills"),
        ("Core Competencies", "skills"),
        ("Skills & Tools", "skills"),
        ("Skills and Tools", "skills"),
        ("Highlights", "skills"),
        ("Academic Background", "education"),
        ("Education and Training", "education"),
        ("Licenses & Certifications", "certifications"),
        ("Profile", "summary"),
        ("Summary", "summary"),
        ("Professional Summary", "summary"),
        ("Objective", "summary"),
        ("Accomplishments", "awards"),
        ("Honors, Awards", "awards"),
        ("Side Projects", "projects"),
        ("Publications", "publications"),
        ("Interests", "other"),
        ("Languages", "other"),
        ("Volunteer", "other"),
        ("Volunteer Experience", "other"),
        ("Extracurricular Activity", "other"),
        ("Personal Information", "profile"),
        ("## Experience", "experience"),
        ("**Education**", "education"),
        ("Experience:", "experience"),
        ("Job History", "experience"),
        ("Employment Record", "experience"),
        ("Professional Career", "experience"),
    ],
)
def test_headings_are_recognised_by_their_synonyms(heading: str, name: str) -> None:
    resume = parse(f"Jane Roe\n{heading}\nSome content here\n")
    assert [(s.name, s.heading) for s in resume.sections][1][0] == name
    assert resume.sections[1].text == "Some content here"


def test_text_before_the_first_heading_is_the_profile() -> None:
    resume = parse("Jane Roe\njane@example.com\nSummary\nBuilds models.\n")
    assert [(s.name, s.heading, s.text) for s in resume.sections] == [
        ("profile", "", "Jane Roe\njane@example.com"),
        ("summary", "Summary", "Builds models."),
    ]


def test_heading_with_inline_content_keeps_the_content() -> None:
    resume = parse("Jane Roe\nSkills: Python, SQL\nExperience\nEngineer\n")
    skills = resume.sections_named("skills")[0]
    assert (skills.heading, skills.text) == ("Skills", "Python, SQL")


def test_labelled_lines_inside_a_list_are_not_headings() -> None:
    resume = parse(
        "TECHNICAL SKILLS\nLanguages: Python, R, SQL\nModelling: scikit-learn, XGBoost\n"
    )
    assert [s.name for s in resume.sections] == ["skills"]
    assert resume.sections[0].text.startswith("Languages: Python")


def test_long_lines_and_sentences_are_not_headings() -> None:
    resume = parse(
        "Jane Roe\nExperience with Python across many teams and products\nSkills.\n"
        "I have experience.\n"
    )
    assert [s.name for s in resume.sections] == ["profile"]


def test_plain_list_items_that_are_weak_heading_words_stay_content() -> None:
    resume = parse("Skills\nLeadership\nTools\nTraining\n")
    assert [s.name for s in resume.sections] == ["skills"]
    assert resume.sections[0].text == "Leadership\nTools\nTraining"


def test_styled_headings_are_recognised_by_a_keyword() -> None:
    resume = parse("RELEVANT WORK EXPERIENCE\nEngineer\nTRAINING\nFirst aid\n")
    assert [(s.name, s.heading) for s in resume.sections] == [
        ("experience", "RELEVANT WORK EXPERIENCE"),
        ("certifications", "TRAINING"),
    ]


def test_a_job_title_in_capitals_is_not_a_heading() -> None:
    resume = parse("EDUCATION COORDINATOR\nSummary\nRuns programs.\n")
    assert [s.name for s in resume.sections] == ["profile", "summary"]


def test_bold_or_larger_lines_are_headings_by_keyword_plain_ones_are_not() -> None:
    body = [Line("Jane Roe", size=10), Line("Built models.", size=10)]
    styled = ResumeText(
        file="x.pdf",
        format="pdf",
        lines=(
            body[0],
            Line("Selected Work Experience", size=14),
            body[1],
            Line("Where I Studied and Education", bold=True, size=10),
            Line("MIT", size=10),
        ),
    )
    resume = parse_resume(styled, as_of=AS_OF)
    assert [s.name for s in resume.sections] == ["profile", "experience", "education"]
    plain = ResumeText(
        file="x.pdf",
        format="pdf",
        lines=(body[0], Line("Selected Work Experience", size=10), body[1]),
    )
    assert [s.name for s in parse_resume(plain, as_of=AS_OF).sections] == ["profile"]


# --- contact ---------------------------------------------------------------------------------


def test_contact_details_are_found_in_the_profile() -> None:
    resume = parse(
        "Jane Q. Doe\nSenior Machine Learning Engineer\n"
        "jane.doe@example.com | +44 20 7946 0958 | linkedin.com/in/janedoe\n"
        "https://github.com/jdoe · janedoe.dev\n"
        "Experience\nEngineer, Acme, 2019 - 2021\n"
    )
    assert resume.contact.to_dict() == {
        "name": "Jane Q. Doe",
        "email": "jane.doe@example.com",
        "phone": "+44 20 7946 0958",
        "links": ["linkedin.com/in/janedoe", "https://github.com/jdoe", "janedoe.dev"],
    }


@pytest.mark.parametrize(
    "phone",
    ["(415) 555-0132", "+1 415 555 0132", "+91 98765 43210", "415.555.0132", "+49 30 901820"],
)
def test_phone_numbers_in_international_formats(phone: str) -> None:
    assert parse(f"Jane Roe\nTel: {phone}\n").contact.phone == phone


def test_date_ranges_are_not_phone_numbers() -> None:
    resume = parse("Jane Roe\nExperience\nAnalyst 2014 - 2019 2020\n")
    assert resume.contact.phone is None


def test_the_name_is_never_a_heading_or_a_job_title() -> None:
    resume = parse("STAFF ACCOUNTANT\nProfessional Summary\nKnows GAAP.\n")
    assert resume.contact.name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Edith Head\nCostume Designer | edith.head@example.com\n", "Edith Head"),
        ("Marcus Lead\nmlead@example.com | +1 206 555 0142\n", None),  # "m" is no "Marcus"
        ("Data Lead\nkathleadams@example.com | +1 206 555 0142\n", None),
    ],
)
def test_a_name_made_of_role_words_counts_when_the_email_spells_it(
    text: str, name: str | None
) -> None:
    assert parse(text).contact.name == name


def test_a_labelled_name_wins_and_capitals_are_normalised() -> None:
    assert parse("Personal Information\n**Name:** Joel Peterson\n").contact.name == "Joel Peterson"
    assert parse("DANIEL OSEI\nToronto, ON\ndo@example.com\n").contact.name == "Daniel Osei"


def test_without_contact_details_an_unlabelled_line_is_not_taken_for_a_name() -> None:
    assert parse("Aircraft Hydraulics Journyman\nSummary\nFixes planes.\n").contact.name is None
    with_email = parse("Aircraft Hydraulics Journyman\nahj@example.com\n")
    assert with_email.contact.name == "Aircraft Hydraulics Journyman"  # the shape is all we have


def test_contact_details_anywhere_and_in_any_case() -> None:
    # A stray "@" before the address, capitals, and a dotted capital I ("LİNKEDIN", which a
    # case-insensitive pattern reads as "linkedin"): what the searches' shortcuts must not miss.
    resume = parse(
        "Jane Roe\nSummary\nReach me @ the office or at\n"
        "JANE.ROE@EXAMPLE.COM, HTTPS://GITHUB.COM/JROE\nTel 020 7946 0958\n"
        "Links\nL\u0130NKEDIN.COM/in/jroe · WWW.JANEROE.DEV\n"
    )
    assert resume.contact.to_dict() == {
        "name": "Jane Roe",
        "email": "JANE.ROE@EXAMPLE.COM",
        "phone": "020 7946 0958",
        "links": ["L\u0130NKEDIN.COM/in/jroe", "HTTPS://GITHUB.COM/JROE", "WWW.JANEROE.DEV"],
    }


def test_a_duplicate_link_is_listed_once() -> None:
    resume = parse("Jane Roe\nhttps://www.linkedin.com/in/jroe/ | linkedin.com/in/jroe\n")
    assert resume.contact.links == ("https://www.linkedin.com/in/jroe/",)


# --- positions -------------------------------------------------------------------------------


def positions(text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(p.title, p.organization, p.start, p.end) for p in parse(text).experience.positions]


def test_title_employer_and_dates_on_one_line() -> None:
    text = """Experience
Senior ML Engineer, Acme Corp — Jan 2019 – Present
- Built a RAG platform.
Acme Corp | Data Scientist | 2017 – 2019
- Trained models.
"""
    assert positions(text) == [
        ("Senior ML Engineer", "Acme Corp", "2019-01", "present"),
        ("Data Scientist", "Acme Corp", "2017-01", "2019-12"),
    ]


def test_a_team_beside_the_title_gives_way_to_the_employer_below() -> None:
    text = """Experience
Senior AI Engineer, Tech Lead — Clinical AI Platform 09/2022 - Present
Northwind Health, Boston, MA
- Built the platform.
Machine Learning Engineer — Acme Robotics Inc 05/2020 - 08/2022
Cambridge, MA
- Trained models.
"""
    assert positions(text) == [
        (
            "Senior AI Engineer, Tech Lead — Clinical AI Platform",
            "Northwind Health",
            "2022-09",
            "present",
        ),
        ("Machine Learning Engineer", "Acme Robotics Inc", "2020-05", "2022-08"),
    ]


def test_title_line_then_company_line_then_dates_line() -> None:
    text = """Work History
Machine Learning Engineer
Initech
Mar 2020 - Jun 2022
- Shipped a recommender.
Data Analyst
Globex Inc
Jan 2018 - Feb 2020
- Wrote SQL.
"""
    assert positions(text) == [
        ("Machine Learning Engineer", "Initech", "2020-03", "2022-06"),
        ("Data Analyst", "Globex Inc", "2018-01", "2020-02"),
    ]


def test_dates_on_the_right_of_the_title_and_company_below() -> None:
    text = """EXPERIENCE
Senior Data Scientist Jan 2021 - Present
Hooli, San Francisco, CA
• Led forecasting.
Data Scientist Jun 2018 - Dec 2020
Pied Piper, Palo Alto, CA
• Built dashboards.
"""
    assert positions(text) == [
        ("Senior Data Scientist", "Hooli", "2021-01", "present"),
        ("Data Scientist", "Pied Piper", "2018-06", "2020-12"),
    ]


def test_anonymised_company_city_state_title_dates_layout() -> None:
    text = """Experience
Company Name City , State Executive Chef III 01/2016 to 08/2016
Reduced food costs by 7 percent.
Company Name City , State Garde Manger/Production Manager 11/2012 to 03/2014
Tasted all prepared dishes.
"""
    assert positions(text) == [
        ("Executive Chef III", "Company Name", "2016-01", "2016-08"),
        ("Garde Manger/Production Manager", "Company Name", "2012-11", "2014-03"),
    ]


def test_a_range_broken_over_three_lines_is_joined() -> None:
    text = """Professional Experience
August 2013
to
Current
Company Name City , State Apparel Production Manager
Set production schedules.
"""
    assert positions(text) == [("Apparel Production Manager", "Company Name", "2013-08", "present")]


def test_jobs_written_as_prose() -> None:
    text = """## Experience
- Worked as a Nurse at General Hospital from 2012 to 2015.
- Served as Animal caretakers between 2010 and 2012
"""
    assert positions(text) == [
        ("Nurse", "General Hospital", "2012-01", "2015-12"),
        ("Animal caretakers", None, "2010-01", "2012-12"),
    ]


def test_several_jobs_in_one_sentence() -> None:
    text = (
        "Experience\nWorked one year as an Admin (2022 - 2023), five years as a Support "
        "Specialist (2017 - 2022) and as a Developer (2012 - 2017).\n"
    )
    assert [(title, start) for title, _, start, _ in positions(text)] == [
        ("Admin", "2022-01"),
        ("Support Specialist", "2017-01"),
        ("Developer", "2012-01"),
    ]
    assert parse(text).experience.total_years == 11.0


def test_a_date_inside_a_description_is_not_a_new_position() -> None:
    text = """Experience
Senior ML Engineer, Acme Corp, Jan 2018 - Present
- Led the migration from 2019 to 2020 of all models to Kubernetes.
- Mentored two interns.
"""
    found = parse(text).experience.positions
    assert len(found) == 1
    assert [line.text for line in found[0].lines] == [
        "Senior ML Engineer, Acme Corp, Jan 2018 - Present",
        "- Led the migration from 2019 to 2020 of all models to Kubernetes.",
        "- Mentored two interns.",
    ]


def test_each_position_keeps_its_own_lines() -> None:
    text = """Experience
Data Scientist
Acme Corp
2019 - 2021
- Python and Spark.
ML Engineer
Globex
2021 - Present
- PyTorch.
Education
MIT
"""
    first, second = parse(text).experience.positions
    assert first.text == "Data Scientist\nAcme Corp\n2019 - 2021\n- Python and Spark."
    assert second.text == "ML Engineer\nGlobex\n2021 - Present\n- PyTorch."


def test_position_lines_are_the_section_lines_themselves() -> None:
    # Later stages find a line's job by identity, so positions must not copy lines, even
    # when a range broken over lines was joined to read it.
    resume = parse("Experience\nAnalyst\nJan 2019\nto\nMar 2020\n- SQL\n")
    section = resume.sections_named("experience")[0]
    (position,) = resume.experience.positions
    assert (position.title, position.start, position.end) == ("Analyst", "2019-01", "2020-03")
    assert [id(line) for line in position.lines] == [id(line) for line in section.lines]


def test_a_job_before_any_heading_counts_when_it_clearly_is_one() -> None:
    text = """Jane Roe
Research Engineer at DeepMind, 2015 - 2017
Experience
ML Engineer, Acme Corp, 2018 - 2020
Interests
Treasurer, Chess Club, 2010 - 2014
"""
    resume = parse(text)
    assert [(p.title, p.organization, p.section) for p in resume.experience.positions] == [
        ("ML Engineer", "Acme Corp", "experience"),
        ("Research Engineer", "DeepMind", "profile"),
    ]
    # mid-2015 to mid-2020 (consecutive years bridged); the chess club would make it 10.0
    assert resume.experience.total_years == 5.0


def test_position_years_and_json_shape() -> None:
    position: Position = parse(
        "Experience\nEngineer, Acme, Mar 2020 - Present\n"
    ).experience.positions[0]
    assert position.to_dict() == {
        "title": "Engineer",
        "organization": "Acme",
        "start": "2020-03",
        "end": "present",
        "years": round(47 / 12, 1),
    }


# --- education -------------------------------------------------------------------------------

EDUCATION = """Jane Roe
Education
Stanford University
M.S. in Computer Science, 2016
B.Sc. Statistics, University of Michigan, 2010 – 2014
"""


def test_education_without_a_taxonomy_is_reported_as_written() -> None:
    assert [e.to_dict() for e in parse(EDUCATION).education] == [
        {
            "degree": "M.S.",
            "field": "Computer Science",
            "institution": "Stanford University",
            "year": 2016,
            "level": None,
            "field_id": None,
        },
        {
            "degree": "B.Sc.",
            "field": "Statistics",
            "institution": "University of Michigan",
            "year": 2014,
            "level": None,
            "field_id": None,
        },
    ]


def test_a_field_whose_name_opens_like_a_month_is_kept() -> None:
    # "Marketing" and "Decision Science" open as "Mar" and "Dec" do, and are no months.
    text = "Education\nBachelor of Science in Marketing\nUniversity of Oxford, 2015\n"
    assert [(e.field, e.institution, e.year) for e in parse(text).education] == [
        ("Marketing", "University of Oxford", 2015)
    ]


def test_the_word_before_a_months_date_stays_with_the_school() -> None:
    text = "Education\nB.A.\nThe University of Tennessee August 2011-May 2015\n"
    assert [e.institution for e in parse(text).education] == ["University of Tennessee"]


def test_a_field_before_a_date_stays_out_of_the_school() -> None:
    text = "Education\nMaster of Education : Leadership 01/2014 Northcentral University\n"
    assert [e.institution for e in parse(text).education] == ["Northcentral University"]


def test_education_with_a_taxonomy_uses_its_names(tiny_taxonomy: Taxonomy) -> None:
    found = parse(EDUCATION, taxonomy=tiny_taxonomy).education
    assert [(e.degree, e.level, e.field, e.field_id, e.institution, e.year) for e in found] == [
        ("Master's", "master", "Computer Science", "computer-science", "Stanford University", 2016),
        ("Bachelor's", "bachelor", "Statistics", "statistics", "University of Michigan", 2014),
    ]


@pytest.mark.parametrize(
    ("line", "school"),
    [
        (
            "Bachelor of Science : Accounting , May 2010 University of North Carolina",
            "University of North Carolina",
        ),
        ("Southwestern University Master of Arts : Math Education", "Southwestern University"),
        ("Master of Science Medical Anthropology University of Oxford", "University of Oxford"),
        (
            "STEPHEN F AUSTIN STATE UNIVERSITY BBA : General Business",
            "STEPHEN F AUSTIN STATE UNIVERSITY",
        ),
        ("University of Louisville BSW Cum Laude, 2015", "University of Louisville"),
        (
            "Associate of Applied Science Expected in 01/2022 Paris Junior College",
            "Paris Junior College",
        ),
        ("B.Tech, IIT Bombay, 2012", "IIT Bombay"),
        # A region's name opening a school's is no place ("Science, Massachusetts").
        (
            "B.S. in Computer Science, Massachusetts Institute of Technology, 2015",
            "Massachusetts Institute of Technology",
        ),
        ("Virginia Tech, B.S. Mechanical Engineering, 2013", "Virginia Tech"),
        ("Caltech — MS Physics, 2012", "Caltech"),
        ("M. Tech Computer Science, Lakemont University, 2019", "Lakemont University"),
    ],
)
def test_the_school_is_cut_out_of_the_line(line: str, school: str) -> None:
    assert [e.institution for e in parse(f"Education\n{line}\n").education] == [school]


def test_a_prize_named_tech_is_no_school() -> None:
    text = (
        "Education\nLakemont University\nB.S. Computer Science, May 2023\n"
        "Won 2nd place in the 2023 Health Tech Competition\n"
    )
    assert [e.institution for e in parse(text).education] == ["Lakemont University"]


@pytest.mark.parametrize(
    ("line", "school"),
    [
        ("Bellows College Seattle, WA", "Bellows College"),
        ("M.S. Computer Science, Bellows College Seattle, WA, 2021", "Bellows College"),
        ("University of Maryland College Park, MD", "University of Maryland"),
        ("Texas A&M University College Station, TX", "Texas A&M University"),
    ],
)
def test_a_college_before_a_city_ends_the_school_name(line: str, school: str) -> None:
    # "College" begins city names (College Park, College Station) only after a school's name.
    assert [e.institution for e in parse(f"Education\n{line}\n").education] == [school]


def test_a_place_is_not_a_degree() -> None:
    resume = parse("Education\nM.S. Informatics\nLakemont University, Boston, MA, 2020\n")
    assert [(e.degree, e.institution, e.year) for e in resume.education] == [
        ("M.S.", "Lakemont University", 2020)
    ]


def test_short_aliases_match_only_in_capitals(tiny_taxonomy: Taxonomy) -> None:
    resume = parse(
        "Education\nPhD in CS, Carnegie Mellon University, 2020\n", taxonomy=tiny_taxonomy
    )
    assert [(e.degree, e.field) for e in resume.education] == [("Doctorate", "Computer Science")]
    lower = parse("Education\nCoursework on cs topics, Some College\n", taxonomy=tiny_taxonomy)
    assert [(e.degree, e.field) for e in lower.education] == [(None, None)]


# --- certifications --------------------------------------------------------------------------


def test_certifications_are_matched_by_alias_and_others_listed(tiny_taxonomy: Taxonomy) -> None:
    text = """Jane Roe
Licenses & Certifications
AWS ML Specialty (2021)
Certified Kubernetes Administrator (CKA), 2022
Summary
Holder of the TensorFlow Developer Certificate.
"""
    found = parse(text, taxonomy=tiny_taxonomy).certifications
    assert [c.to_dict() for c in found] == [
        {"id": "aws-ml-specialty", "name": "AWS Certified Machine Learning – Specialty"},
        {"id": "tensorflow-developer", "name": "TensorFlow Developer Certificate"},
        {"id": None, "name": "Certified Kubernetes Administrator (CKA)"},
    ]


def test_a_job_title_that_names_a_certification_is_not_one(tiny_taxonomy: Taxonomy) -> None:
    text = (
        "Experience\nTensorFlow Developer Certificate, Acme, 2019 - 2021\nAWS ML Specialty lead\n"
    )
    found = parse(text, taxonomy=tiny_taxonomy).certifications
    assert [c.id for c in found] == ["tensorflow-developer", "aws-ml-specialty"]
    plain = "Experience\nTensorFlow Developer, Acme, 2019 - 2021\n"
    assert parse(plain, taxonomy=tiny_taxonomy).certifications == ()


def test_a_wrapped_certification_line_is_joined(tiny_taxonomy: Taxonomy) -> None:
    text = "Certifications\nAWS Certified Machine Learning –\nSpecialty (2024)\nServSafe Manager\n"
    assert [c.to_dict() for c in parse(text, taxonomy=tiny_taxonomy).certifications] == [
        {"id": "aws-ml-specialty", "name": "AWS Certified Machine Learning – Specialty"},
        {"id": None, "name": "ServSafe Manager"},
    ]


def test_without_a_taxonomy_certifications_are_listed_as_written() -> None:
    found = parse("Certifications\n• AWS ML Specialty — Issued Mar 2021\n").certifications
    assert [c.to_dict() for c in found] == [{"id": None, "name": "AWS ML Specialty"}]


def test_a_certifications_bullet_and_date_in_any_form_are_left_out() -> None:
    text = "Certifications\n★ Certified Kubernetes Administrator (03/2021)\n"
    found = parse(text).certifications
    assert [c.name for c in found] == ["Certified Kubernetes Administrator"]


def test_a_date_is_cut_from_a_certifications_line_and_nothing_before_it() -> None:
    text = "Certifications\nChoir: Leader since 2021\nCKA, Issued Jan 2021\n"
    assert [c.name for c in parse(text).certifications] == ["Choir: Leader", "CKA"]


def test_aliases_match_in_any_case(tiny_taxonomy: Taxonomy) -> None:
    text = "Certifications\nAWS ML SPECIALTY\nEducation\nPHD IN COMPUTER SCIENCE, 2020\n"
    resume = parse(text, taxonomy=tiny_taxonomy)
    assert [c.id for c in resume.certifications] == ["aws-ml-specialty"]
    assert [(e.level, e.field_id) for e in resume.education] == [("phd", "computer-science")]


def test_case_folding_is_what_a_case_insensitive_pattern_sees() -> None:
    """Aliases and cues are searched in folded text: a character must fold to an ASCII
    letter exactly when a case-insensitive pattern of that letter matches it."""
    every = "".join(chr(code) for code in range(0x30000) if not 0xD800 <= code < 0xE000)
    folded = fold_case(every)
    assert len(folded) == len(every)
    for letter in string.ascii_lowercase:
        matched = set(re.findall(letter, every, re.IGNORECASE))
        assert matched == {char for char, fold in zip(every, folded, strict=True) if fold == letter}
    unchanged = {char for char, fold in zip(every, folded, strict=True) if char == fold}
    assert unchanged >= set(every) - set(string.ascii_uppercase) - set("\u0130\u0131\u017f\u212a")


def test_case_folding_keeps_lone_surrogates() -> None:
    # A PDF's broken text can hold half of a surrogate pair; it stays where it was.
    assert fold_case("AB\ud800Cİ\udfffſ") == "ab\ud800ci\udfffs"


# --- the whole result ------------------------------------------------------------------------


def test_to_dict_has_the_parse_command_shape() -> None:
    data = parse("Jane Roe\nExperience\nEngineer, Acme, 2019 - 2021\n").to_dict()
    assert set(data) >= {
        "file",
        "candidate",
        "experience",
        "education",
        "certifications",
        "sections",
    }
    assert data["experience"]["total_years"] == 2.0
    assert data["sections"] == [
        {"name": "profile", "heading": "", "text": "Jane Roe"},
        {"name": "experience", "heading": "Experience", "text": "Engineer, Acme, 2019 - 2021"},
    ]


def test_experience_text_and_iter_lines_serve_later_stages() -> None:
    resume = parse("Jane Roe\nSkills\nPython\nExperience\nEngineer, Acme, 2019 - 2021\n- Go\n")
    assert resume.experience_text() == "Engineer, Acme, 2019 - 2021\n- Go"
    assert [(s.name, line.text) for s, line in resume.iter_lines()] == [
        ("profile", "Jane Roe"),
        ("skills", "Python"),
        ("experience", "Engineer, Acme, 2019 - 2021"),
        ("experience", "- Go"),
    ]


def test_an_empty_document_parses_to_nothing() -> None:
    resume = parse("")
    assert resume.sections == ()
    assert resume.contact.to_dict() == {"name": None, "email": None, "phone": None, "links": []}
    assert (resume.experience.total_years, resume.experience.positions) == (None, ())
