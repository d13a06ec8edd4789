"""Positions in the header shapes real templates use: one test per shape, on text written here."""

from __future__ import annotations

from datetime import date

from matcher.document import Line, ResumeText
from matcher.parse.stage import parse_resume

AS_OF = date(2024, 1, 15)


def positions(text: str) -> list[tuple[str | None, str | None, str, str]]:
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    return [(p.title, p.organization, p.start, p.end) for p in resume.experience.positions]


def test_a_job_portal_writes_the_employer_then_as_and_the_title() -> None:
    text = """Work Experience
Fabrikam Analytics Pvt. Ltd. as Senior Manager - Data Science, Forecasting
Nov 2019 to Till Date
Led a team of six data scientists.
Ms Contoso Infra Development as Executive HR and Admin
Feb 2011 to Oct 2019
Handled recruitment.
"""
    assert positions(text) == [
        (
            "Senior Manager - Data Science, Forecasting",
            "Fabrikam Analytics Pvt. Ltd.",
            "2019-11",
            "present",
        ),
        ("Executive HR and Admin", "Contoso Infra Development", "2011-02", "2019-10"),
    ]


def test_as_after_a_verb_or_before_an_article_is_a_sentence() -> None:
    text = """Experience
Worked as Data Analyst at Tailspin Toys, 2018 - 2020
Served as a Nurse at Northwind Clinic, 2015 - 2018
"""
    found = positions(text)
    assert [(title, org) for title, org, _, _ in found] == [
        ("Data Analyst", "Tailspin Toys"),
        ("Nurse", "Northwind Clinic"),
    ]


def test_an_employer_as_title_line_may_be_long_lower_case_or_hold_brackets() -> None:
    header = (
        "Northwind Tractors (India) Pvt. Ltd. (Contoso Farm Machines)"
        " as Territory Manager (Sales & Marketing)"
    )
    text = f"""Work Experience
{header}
Dec 2018 to Till Date
Managed dealerships.
tailspin infosoft as Junior Web Developer
Jun 2016 to Nov 2018
^ Back to Top
"""
    assert positions(text) == [
        (
            "Territory Manager (Sales & Marketing)",
            "Northwind Tractors (India) Pvt. Ltd. (Contoso Farm Machines)",
            "2018-12",
            "present",
        ),
        ("Junior Web Developer", "tailspin infosoft", "2016-06", "2018-11"),
    ]


def test_the_line_above_the_next_dates_heads_the_next_job() -> None:
    text = """Experience
Fabrikam Pune, Maharashtra, India
DATA ENGINEER July 2018 - Present
Tailspin Labs Austin, Texas
WEB DEVELOPER INTERN June 2017 - July 2017
Built pages.
"""
    assert positions(text) == [
        ("DATA ENGINEER", "Fabrikam", "2018-07", "present"),
        ("WEB DEVELOPER INTERN", "Tailspin Labs", "2017-06", "2017-07"),
    ]


def test_an_employer_as_title_job_counts_under_a_heading_of_the_candidates_own() -> None:
    text = """Work Experience
Contoso Pharma as Sr. Web Developer
Nov 2018 to Till Date
Projects
https://contoso.example.com/
eTailspin Web Studio as Web Designer / Developer
Jun 2016 to Oct 2018
Personal Projects
Inventory tracker, personal project, March 2017 - April 2017
"""
    assert positions(text) == [
        ("Sr. Web Developer", "Contoso Pharma", "2018-11", "present"),
        ("Web Designer / Developer", "eTailspin Web Studio", "2016-06", "2018-10"),
    ]


def test_a_verb_before_as_is_no_employer() -> None:
    text = """Experience
Teacher, Northwind School District, 2001 - 2010
Assigned as moderator of the Math Club 2002 - 2003
"""
    assert [org for _, org, _, _ in positions(text)] == ["Northwind School District"]


def test_a_range_wrapped_at_the_end_of_a_line_is_joined() -> None:
    text = """Experience
Contoso Traders as Director (Finance and Accounts) April 1994 to
January 1998
Tailspin Audit Partners; January 1985 to February
1988
"""
    assert [(start, end) for _, _, start, end in positions(text)] == [
        ("1994-04", "1998-01"),
        ("1985-01", "1988-02"),
    ]


def test_a_range_wrapped_before_any_word_for_present_is_joined() -> None:
    text = """Experience
Data Engineer, Contoso Ltd, Jan 2019 to
Ongoing
Built pipelines.
"""
    assert positions(text) == [("Data Engineer", "Contoso Ltd", "2019-01", "present")]


def test_a_job_told_after_its_dates_keeps_its_whole_title() -> None:
    text = """Experience
July 2013 to date working as Vice President Finance – Business Transformation
at Contoso Communications Limited (a global telecoms group)
wherein I review every finance process.
July 2008 to June 2013 worked as the Chief Financial Officer with Fabrikam Payments Limited.
Joined at the start-up stage.
"""
    assert positions(text) == [
        (
            "Vice President Finance – Business Transformation",
            "Contoso Communications Limited",
            "2013-07",
            "present",
        ),
        ("Chief Financial Officer", "Fabrikam Payments Limited", "2008-07", "2013-06"),
    ]


def test_several_titles_under_one_employer_and_headers_ending_in_an_abbreviation() -> None:
    text = """Experience
Fabrikam Media, Irvine, CA
Director of Reporting October 2012 – May 2014
Managed a team of data analysts and led projects
Managed and redesigned central tables and processes to improve efficiency
Senior Data Analyst June 2012 – September 2012
Trained new data analysts in internal systems
Contoso Inc.
Data Analyst, 2010 - 2012
Built reports.
Tailspin Advisors, San Francisco, CA.
Intern (June 2009 - September 2009)
"""
    assert positions(text) == [
        ("Director of Reporting", "Fabrikam Media", "2012-10", "2014-05"),
        ("Senior Data Analyst", "Fabrikam Media", "2012-06", "2012-09"),
        ("Data Analyst", "Contoso Inc", "2010-01", "2012-12"),
        ("Intern", "Tailspin Advisors", "2009-06", "2009-09"),
    ]


def test_a_bold_employer_line_with_its_place_is_no_heading() -> None:
    rows = [
        ("Experience", True),
        ("Fabrikam Pune, Maharashtra, India", True),
        ("DATA ENGINEER July 2018 - Present", False),
        ("Contoso Technologies Pune, Maharashtra, India", True),
        ("WEB DEVELOPER INTERN June 2017 - July 2017", False),
        ("Built an internal tool.", False),
    ]
    lines = tuple(
        Line(text, top=12.0 * number, size=10.0, bold=bold)
        for number, (text, bold) in enumerate(rows)
    )
    resume = parse_resume(ResumeText("cv.pdf", "pdf", lines), as_of=AS_OF)
    assert [section.name for section in resume.sections] == ["experience"]
    assert [(p.title, p.organization) for p in resume.experience.positions] == [
        ("DATA ENGINEER", "Fabrikam"),
        ("WEB DEVELOPER INTERN", "Contoso Technologies"),
    ]


def test_honours_objectives_programmes_and_clubs_are_no_jobs() -> None:
    text = """Jordan Vale
Seeking a marketing internship with a growing team in Spring 2017
Leadership Certificate Program, Northwind Institute, Sept 2005 - May 2010
Member, Riverside Chess Club, 2011 - 2013
Dean's List Fall 2013 – Spring 2014
Marketing Assistant, Contoso Foods, June 2016 - August 2016
"""
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    found = [(p.title, p.organization) for p in resume.experience.positions]
    assert found == [("Marketing Assistant", "Contoso Foods")]
    assert resume.experience.total_years == 0.2


def test_under_a_work_heading_an_honour_is_still_no_job() -> None:
    text = """Experience
Dean's List, Fall 2013 – Spring 2014
Research Assistant, Northwind University, Jan 2014 - May 2014
"""
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    assert [p.title for p in resume.experience.positions] == ["Research Assistant"]
    assert resume.experience.total_years == 0.4


def test_a_title_with_no_employer_line_after_one_with_it_is_a_promotion() -> None:
    # Awesome-CV's \cventry with an empty organisation: the title and dates over the employer
    # and city, then a second role at that employer with no employer line of its own.
    text = """Experience
Machine Learning Engineer II 2023.02–pres.
Trey Research Seattle, WA
• Lead the retrieval stage of the recommender.
Machine Learning Engineer Jul. 2021 \u00ad Jan. 2023
• Shipped a learning-to-rank model for code search.
Software Engineer Sep. 2019 \u00ad Jun. 2021
Southridge Video Portland, OR
• Wrote the feature pipelines.
"""
    assert positions(text) == [
        ("Machine Learning Engineer II", "Trey Research", "2023-02", "present"),
        ("Machine Learning Engineer", "Trey Research", "2021-07", "2023-01"),
        ("Software Engineer", "Southridge Video", "2019-09", "2021-06"),
    ]


def test_the_field_that_ends_on_a_role_noun_is_the_title_whatever_comes_first() -> None:
    # Employers named with no telling word ("Wingtip"), or with a role word that does not
    # end them ("Sunrise Senior Living", "Northwind Traders"), written before the title.
    text = """Work Experience
Wingtip
Software Developer
Jul 2019 – Present
Built services.
Northwind Traders, Seattle, WA Mar 2017 – Jun 2019
Software Engineering Intern
Wrote tests.
Sunrise Senior Living – Certified Nursing Assistant
Oct 2014 – Apr 2016
Cared for residents.
"""
    assert positions(text) == [
        ("Software Developer", "Wingtip", "2019-07", "present"),
        ("Software Engineering Intern", "Northwind Traders", "2017-03", "2019-06"),
        ("Certified Nursing Assistant", "Sunrise Senior Living", "2014-10", "2016-04"),
    ]


def test_a_duration_beside_the_dates_is_no_employer() -> None:
    # Profile exports print how long each job lasted after its dates.
    text = """Experience
Financial Analyst
Kestrel Capital Partners
August 2019 - Present (4 years 6 months)
Chicago, Illinois
Staff Accountant Jul 2016 - Jul 2019 · 3 yrs 1 mo
Woodgrove Bank
"""
    assert positions(text) == [
        ("Financial Analyst", "Kestrel Capital Partners", "2019-08", "present"),
        ("Staff Accountant", "Woodgrove Bank", "2016-07", "2019-07"),
    ]


def test_labelled_fields_give_their_values_not_their_labels() -> None:
    text = """Work Experience
Company: Wingtip Toys
Designation: Associate Engineer
Duration: Jun 2017 – Jun 2019
Built services.
"""
    assert positions(text) == [("Associate Engineer", "Wingtip Toys", "2017-06", "2019-06")]


def test_a_city_named_like_its_state_leaves_the_employer_before_it() -> None:
    text = """Experience
Nov 2020 – Present Data Scientist, Contoso, New York, NY
Built models.
Feb 2019 – Oct 2020 Registered Nurse, St. Mary's Medical Center
Cared for patients.
"""
    assert positions(text) == [
        ("Data Scientist", "Contoso", "2020-11", "present"),
        ("Registered Nurse", "St. Mary's Medical Center", "2019-02", "2020-10"),
    ]


def test_trades_and_service_jobs_are_titles_too() -> None:
    # Employers named with no telling word, written before titles that hold no office word.
    text = """Employment
Fourth Coffee
Barista
Mar 2020 – Present
Trained new staff.
Lamna Healthcare | Dental Hygienist | May 2017 – Feb 2020
Coho Winery, Team Member, 2015 – 2017
"""
    assert positions(text) == [
        ("Barista", "Fourth Coffee", "2020-03", "present"),
        ("Dental Hygienist", "Lamna Healthcare", "2017-05", "2020-02"),
        ("Team Member", "Coho Winery", "2015-01", "2017-12"),
    ]


def test_linkedin_roles_under_one_employer_take_it_from_the_line_over_its_total_time() -> None:
    # LinkedIn's "Save to PDF": an employer with several roles, then the time spent there
    # alone, then each role's title over its dates with their own duration.
    text = """Experience
Fabrikam
Software Engineer
March 2021 - Present (2 years 11 months)
Redmond, Washington
Contoso
3 years 5 months
Senior Data Engineer
January 2019 - March 2021 (2 years 3 months)
Seattle, Washington
Built pipelines for the analytics team.
Data Engineer
November 2017 - January 2019 (1 year 3 months)
Tailspin Toys
1 year 1 month
Analyst
June 2017 - November 2017 (6 months)
Intern
January 2017 - May 2017 (5 months)
Northwind Traders
Sales Associate
June 2015 - August 2016 (1 year 3 months)
"""
    assert positions(text) == [
        ("Software Engineer", "Fabrikam", "2021-03", "present"),
        ("Senior Data Engineer", "Contoso", "2019-01", "2021-03"),
        ("Data Engineer", "Contoso", "2017-11", "2019-01"),
        ("Analyst", "Tailspin Toys", "2017-06", "2017-11"),
        ("Intern", "Tailspin Toys", "2017-01", "2017-05"),
        ("Sales Associate", "Northwind Traders", "2015-06", "2016-08"),
    ]


def test_roles_within_the_dates_of_an_employer_line_are_at_that_employer() -> None:
    # An employer line with its own dates, then its roles: "Title  dates" lines, or a title
    # line over its dates, each with its bullets.  The employer line is no position.
    text = """Experience
CONTOSO LTD, Seattle, WA 2015 – 2021
Senior Engineer 2018 – 2021
• Led the platform team.
Engineer 2015 – 2018
• Built services.
Fabrikam Inc, Austin, TX Jun 2012 – Dec 2014
Analyst
Jan 2014 – Dec 2014
• Wrote reports.
Junior Analyst
Jun 2012 – Dec 2013
• Cleaned data.
"""
    assert positions(text) == [
        ("Senior Engineer", "CONTOSO LTD", "2018-01", "2021-12"),
        ("Engineer", "CONTOSO LTD", "2015-01", "2018-12"),
        ("Analyst", "Fabrikam Inc", "2014-01", "2014-12"),
        ("Junior Analyst", "Fabrikam Inc", "2012-06", "2013-12"),
    ]


def test_a_job_held_during_another_keeps_its_own_employer() -> None:
    # The dates fall within the job above, but that job has a title line of its own.
    text = """Experience
Contoso Ltd, Seattle, WA 2015 – 2021
Software Engineer
• Built services.
Part-time Instructor 2016 – 2017
Northwind College
• Taught evening classes.
"""
    assert positions(text) == [
        ("Software Engineer", "Contoso Ltd", "2015-01", "2021-12"),
        ("Part-time Instructor", "Northwind College", "2016-01", "2017-12"),
    ]


def test_roles_bulleted_or_indented_under_an_employer_line_are_at_that_employer() -> None:
    text = """Experience
Contoso Ltd
• Senior Engineer (2018 – Present)
• Engineer (2015 – 2017)
Fabrikam Inc
• Analyst (2012 – 2014)
"""
    assert positions(text) == [
        ("Senior Engineer", "Contoso Ltd", "2018-01", "present"),
        ("Engineer", "Contoso Ltd", "2015-01", "2017-12"),
        ("Analyst", "Fabrikam Inc", "2012-01", "2014-12"),
    ]
    rows = [
        (72, "Experience"),
        (72, "Contoso Ltd, Seattle, WA"),
        (90, "Senior Engineer"),
        (90, "Jan 2018 – Present"),
        (100, "• Led the platform team."),
        (90, "Engineer"),
        (90, "Jan 2015 – Dec 2017"),
        (100, "• Built services."),
        (72, "Fabrikam Inc, Austin, TX"),
        (90, "Analyst"),
        (90, "Jun 2012 – Dec 2014"),
    ]
    lines = tuple(
        Line(text, top=12.0 * number, x0=x0, size=10.0) for number, (x0, text) in enumerate(rows)
    )
    resume = parse_resume(ResumeText("cv.pdf", "pdf", lines), as_of=AS_OF)
    assert [(p.title, p.organization) for p in resume.experience.positions] == [
        ("Senior Engineer", "Contoso Ltd"),
        ("Engineer", "Contoso Ltd"),
        ("Analyst", "Fabrikam Inc"),
    ]


def test_a_role_written_flush_under_another_employers_role_takes_no_employer_from_it() -> None:
    # Without bullets or an indent, a title line over dates after a job's bullets may be a
    # job whose employer is written nowhere: it is not given the employer above.
    text = """Experience
Contoso Ltd, Seattle, WA
Senior Engineer
Jan 2018 – Present
• Led the platform team.
Freelance Consultant
Jan 2015 – Dec 2017
• Advised startups.
"""
    assert [org for _, org, _, _ in positions(text)] == ["Contoso Ltd", None]
