"""Date ranges as resumes write them, and the years of experience they add up to."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matcher.document import ResumeText
from matcher.parse.as_of import EARLIEST_DOCUMENT_DATE, AsOf, choose_as_of
from matcher.parse.dates import find_periods, find_stated_years, scan_periods
from matcher.parse.periods import Period, YearMonth, merge_periods, total_years
from matcher.parse.stage import parse_resume

AS_OF = date(2024, 1, 15)


def only(text: str, *, as_of: date = AS_OF) -> Period:
    periods = find_periods(text, as_of=as_of)
    assert len(periods) == 1, periods
    return periods[0]


def ym(text: str) -> YearMonth:
    year, month = text.split("-")
    return YearMonth(int(year), int(month))


@pytest.mark.parametrize(
    ("text", "start", "end", "open_ended"),
    [
        ("Jan 2019 – Present", "2019-01", "2024-01", True),
        ("January 2019 - Current", "2019-01", "2024-01", True),
        ("2019-01 to 2021-06", "2019-01", "2021-06", False),
        ("03/2018 - 11/2020", "2018-03", "2020-11", False),
        ("2017 – 2019", "2017-01", "2019-12", False),
        ("2017-19", "2017-01", "2019-12", False),
        ("Summer 2020", "2020-06", "2020-08", False),
        ("Since 2021", "2021-01", "2024-01", True),
        ("Jan. 2019 — Dec. 2020", "2019-01", "2020-12", False),
        ("Sept 2019 – now", "2019-09", "2024-01", True),
        ("2019 – now", "2019-01", "2024-01", True),
        ("Jan 2019 – Till date", "2019-01", "2024-01", True),
        ("Jan 2019 till date", "2019-01", "2024-01", True),
        ("Mar 2020 to date", "2020-03", "2024-01", True),
        ("Feb 2018 until Present", "2018-02", "2024-01", True),
        ("Oct 2015 through Dec 2016", "2015-10", "2016-12", False),
        ("2016 -- 2018", "2016-01", "2018-12", False),
        ("May – Aug 2019", "2019-05", "2019-08", False),
        ("Nov 2019 - Feb 2020", "2019-11", "2020-02", False),
        ("Nov – Feb 2020", "2019-11", "2020-02", False),
        ("January 15, 2019 - March 3, 2020", "2019-01", "2020-03", False),
        ("2019-01-15 to 2020-02-01", "2019-01", "2020-02", False),
        ("Jan '19 - Mar '21", "2019-01", "2021-03", False),
        ("03/18 - 11/20", "2018-03", "2020-11", False),
        ("Summer 2019 – Fall 2020", "2019-06", "2020-11", False),
        ("between 2013 and 2016", "2013-01", "2016-12", False),
        ("From: 2017 To: 2020", "2017-01", "2020-12", False),
        ("Jan 2019 –", "2019-01", "2024-01", True),
        ("Data Scientist (2014- 2019)", "2014-01", "2019-12", False),
        ("Dec 2019-2021", "2019-12", "2021-12", False),
        ("1 Jan 2019 – 31 Mar 2021", "2019-01", "2021-03", False),
        ("1st June 2015 to 30th Sept 2018", "2015-06", "2018-09", False),
        ("15/01/2019 – 31/03/2021", "2019-01", "2021-03", False),
        # One end written day first makes the other one so: 01/02 is February here.
        ("01/02/2019 – 15/03/2021", "2019-02", "2021-03", False),
        ("01.02.2019 - 01.03.2021", "2019-02", "2021-03", False),
        # Without such an end, a slash date stays month first, as in the US.
        ("01/02/2019 - 03/04/2021", "2019-01", "2021-03", False),
        ("Q1 2019 – Q2 2021", "2019-01", "2021-06", False),
        ("Jan 2019 upto Mar 2021", "2019-01", "2021-03", False),
        ("Jan 2019 – Presently", "2019-01", "2024-01", True),
        ("March 2019 – present day", "2019-03", "2024-01", True),
        ("Jan 2019 – Current Date", "2019-01", "2024-01", True),
        ("Jan 2019 - Present Time", "2019-01", "2024-01", True),
    ],
)
def test_every_written_form_is_read(text: str, start: str, end: str, open_ended: bool) -> None:
    period = only(text)
    assert (str(period.start), str(period.end), period.open_ended) == (start, end, open_ended)
    # The range runs to the text's last word ("Current Date"): none is left for a header.
    assert text.rstrip(")").endswith(period.text)


@pytest.mark.parametrize(
    "text",
    [
        "Call 864-472-7092 after 5",
        "Graduated May 2010",
        "Employee ID 12019-2020",
        "Sold 2019 units",
        "version 2.2019 - 3",
    ],
)
def test_things_that_are_not_ranges_are_not_read(text: str) -> None:
    assert find_periods(text, as_of=AS_OF) == []


def test_present_means_as_of_not_today() -> None:
    assert only("Jan 2019 – Present", as_of=date(2020, 6, 30)).end == YearMonth(2020, 6)
    assert only("Jan 2019 – Present", as_of=date(2020, 6, 30)).months == 18


def test_month_ranges_count_both_end_months() -> None:
    assert only("Jan 2019 – Dec 2019").months == 12
    assert only("03/2018 - 11/2020").months == 33


def test_years_alone_show_jan_to_dec_but_count_from_mid_year() -> None:
    # Shown as written: the whole of both years.  Counted as the distance between them: a
    # range written in whole years lasts end - start years on average.
    period = only("2017 – 2019")
    assert (str(period.start), str(period.end)) == ("2017-01", "2019-12")
    assert (period.start_exact, period.end_exact) == (False, False)
    assert period.months == 24
    assert only("2017 – 2017").months == 4
    assert only("Jan 2017 – 2018").months == 18


def test_two_digit_years_after_as_of_are_last_century() -> None:
    assert only("Jan '98 - Mar '01").start == YearMonth(1998, 1)


def test_start_after_end_is_ignored_with_a_reason() -> None:
    scan = scan_periods("Analyst, 2019 - 2017", as_of=AS_OF)
    assert scan.periods == ()
    assert [r.reason for r in scan.rejected] == ["ends before it starts"]
    assert scan.rejected[0].text == "2019 - 2017"


def test_future_start_is_ignored_with_a_reason() -> None:
    scan = scan_periods("Offer accepted: Mar 2025 - Present", as_of=AS_OF)
    assert scan.periods == ()
    assert scan.rejected[0].reason == "starts after the as-of date 2024-01"


def test_future_end_is_counted_up_to_as_of() -> None:
    period = only("Contract 2022-01 to 2026-12")
    assert period.end == YearMonth(2024, 1)
    assert period.months == 25


def test_several_ranges_in_one_text_come_in_reading_order() -> None:
    text = "Acme (2019 - 2023), Globex (2014 - 2019) and Initech (Jan 2012 - Mar 2013)"
    starts = [str(p.start) for p in find_periods(text, as_of=AS_OF)]
    assert starts == ["2019-01", "2014-01", "2012-01"]


def test_overlapping_periods_merge() -> None:
    periods = find_periods(
        "Jan 2018 - Dec 2020; Jun 2020 - Present; Jan 2010 - Dec 2010", as_of=AS_OF
    )
    merged = merge_periods(periods)
    assert [(str(p.start), str(p.end), p.open_ended) for p in merged] == [
        ("2010-01", "2010-12", False),
        ("2018-01", "2024-01", True),
    ]
    # 2018-01..2024-01 is 73 months, 2010 another 12: 85 months.
    assert total_years(periods) == round(85 / 12, 1)


def test_back_to_back_years_do_not_double_count_the_shared_year() -> None:
    periods = find_periods("2012 - 2013, 2013 - 2014, 2014 - 2019, 2019 - 2023", as_of=AS_OF)
    assert total_years(periods) == 11.0
    assert len(merge_periods(periods)) == 1


def test_jobs_in_consecutive_years_follow_each_other() -> None:
    # "2016 - 2017" then "2018 - 2020": the job changed around the new year.  Counted from
    # mid-2016 to mid-2020 with no gap; counting each range alone would give 3 years.
    periods = find_periods("2016 - 2017, 2018 - 2020", as_of=AS_OF)
    assert total_years(periods) == 4.0
    assert [(str(p.start), str(p.end)) for p in merge_periods(periods)] == [("2016-01", "2020-12")]
    # An exact month on either side says when the change was: no bridging.
    exact = find_periods("2016 - Mar 2017, 2018 - 2020", as_of=AS_OF)
    assert len(merge_periods(exact)) == 2


def test_gaps_between_periods_are_not_counted() -> None:
    periods = find_periods("2010 - 2012 and 2015 - 2017", as_of=AS_OF)
    assert total_years(periods) == 4.0
    assert len(merge_periods(periods)) == 2


def test_total_years_of_nothing_is_zero() -> None:
    assert total_years([]) == 0.0


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Engineer with 6+ years of experience in ML.", 6.0),
        ("Over ten years of experience leading teams.", 10.0),
        ("8 years' experience in retail banking.", 8.0),
        ("More than 5 years of professional experience.", 5.0),
        ("12 yrs experience", 12.0),
        ("3-5 years of hands-on experience", 3.0),
        ("5+ to 7 years of experience", 5.0),
        ("Twelve (12) yrs. experience", 12.0),
    ],
)
def test_explicit_statements_are_read(text: str, years: float) -> None:
    assert [s.years for s in find_stated_years(text)] == [years]


def test_numbers_that_are_not_statements_are_not_read() -> None:
    assert find_stated_years("Managed 6 engineers for 3 projects over the years.") == []


# --- years of experience of a whole resume ---------------------------------------------------


def years_of(text: str) -> tuple[float | None, str]:
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    return resume.experience.total_years, resume.experience.basis


def test_education_dates_are_not_work() -> None:
    text = """Jane Roe
Experience
Data Analyst, Acme Corp, Jan 2020 - Dec 2021
Education
B.Sc. Statistics, State University, 2014 - 2018
"""
    assert years_of(text) == (2.0, "dates")


def test_without_a_work_heading_dates_outside_education_count() -> None:
    text = """Jane Roe
Data Analyst, Acme Corp, Jan 2020 - Dec 2021
Education
B.Sc. Statistics, State University, 2014 - 2018
"""
    assert years_of(text) == (2.0, "dates")


def test_without_any_heading_degree_lines_do_not_count() -> None:
    text = """Jane Roe
Data Analyst, Acme Corp, Jan 2020 - Dec 2021
B.Sc. Statistics, State University, 2014 - 2018
"""
    assert years_of(text) == (2.0, "dates")


def test_overlapping_positions_count_once() -> None:
    text = """Experience
Senior Engineer, Acme Corp, Jan 2019 - Present
Adjunct Lecturer, City College, Sep 2020 - Jun 2022
Engineer, Globex, Jan 2016 - Dec 2018
"""
    # 2016-01 .. 2024-01, 97 months; the lecturing falls inside.
    assert years_of(text) == (round(97 / 12, 1), "dates")


def test_as_of_decides_what_present_means_for_the_resume() -> None:
    text = "Experience\nEngineer, Acme, Jan 2020 - Present\n"
    early = parse_resume(ResumeText.from_string(text), as_of=date(2021, 1, 1))
    late = parse_resume(ResumeText.from_string(text), as_of=date(2023, 1, 1))
    assert early.experience.total_years == round(13 / 12, 1)
    assert late.experience.total_years == round(37 / 12, 1)


def test_explicit_statement_is_the_fallback_when_no_dates() -> None:
    text = """Summary
Data scientist with over ten years of experience and 3 years of experience in NLP.
Experience
Data Scientist, Acme Corp
"""
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    assert resume.experience.total_years == 10.0
    assert resume.experience.basis == "statement"
    assert resume.experience.statement == "over ten years of experience"


def test_dates_beat_statements() -> None:
    text = """Summary
15 years of experience in everything.
Experience
Engineer, Acme, 2020 - 2022
"""
    assert years_of(text) == (2.0, "dates")


def test_no_dates_and_no_statement_is_unknown_not_zero() -> None:
    assert years_of("Jane Roe\nExperience\nEngineer at Acme\n") == (None, "none")


def test_ignored_dates_in_work_sections_become_warnings() -> None:
    text = "Experience\nEngineer, Acme, 2021 - 2019\n"
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    assert resume.experience.total_years is None
    assert resume.warnings == ("ignored the dates '2021 - 2019': ends before it starts",)


# --- one grammar for every dash, every "present" and the forms real resumes use ------------

# Every character a resume puts between two dates, by name: the soft hyphen is how LaTeX
# templates (Awesome-CV) draw the dash of a range.
DASH_CHARACTERS = {
    "hyphen-minus": "-",
    "soft hyphen": "\u00ad",
    "hyphen": "\u2010",
    "non-breaking hyphen": "\u2011",
    "figure dash": "\u2012",
    "en dash": "\u2013",
    "em dash": "\u2014",
    "horizontal bar": "\u2015",
    "minus sign": "\u2212",
    "small hyphen-minus": "\ufe63",
    "fullwidth hyphen-minus": "\uff0d",
}


@pytest.mark.parametrize("dash", DASH_CHARACTERS.values(), ids=DASH_CHARACTERS.keys())
@pytest.mark.parametrize(
    ("template", "start", "end"),
    [
        ("Mar 2019 {dash} Jun 2021", "2019-03", "2021-06"),
        ("Mar. 2019{dash}Jun. 2021", "2019-03", "2021-06"),
        ("2016 {dash} 2018", "2016-01", "2018-12"),
        ("2016{dash}18", "2016-01", "2018-12"),
        ("03/2019 {dash} 06/2021", "2019-03", "2021-06"),
    ],
)
def test_every_dash_separates_a_range(dash: str, template: str, start: str, end: str) -> None:
    period = only(template.format(dash=dash))
    assert (str(period.start), str(period.end), period.open_ended) == (start, end, False)


@pytest.mark.parametrize("dash", DASH_CHARACTERS.values(), ids=DASH_CHARACTERS.keys())
def test_every_dash_opens_a_range_that_ends_the_line(dash: str) -> None:
    period = only(f"Platform Engineer, Jan 2021 {dash}")
    assert (str(period.start), period.open_ended) == ("2021-01", True)


@pytest.mark.parametrize(
    "word",
    [
        "Present",
        "present",
        "PRESENT",
        "pres.",
        "Pres",
        "till date",
        "Till Date",
        "to date",
        "current",
        "Currently",
        "now",
        "today",
        "ongoing",
        "onwards",
        "continuing",
        "until now",
    ],
)
def test_every_word_for_present_means_as_of(word: str) -> None:
    period = only(f"Feb 2021 – {word}")
    assert (str(period.start), str(period.end), period.open_ended) == ("2021-02", "2024-01", True)


@pytest.mark.parametrize(
    ("text", "start", "end", "open_ended"),
    [
        ("2023.02–pres.", "2023-02", "2024-01", True),  # year.month, as Asian CVs write it
        ("2021.09 - 2023.02", "2021-09", "2023-02", False),
        ("02/2021 – 05/2022", "2021-02", "2022-05", False),
        ("2021-02 – 2022-05", "2021-02", "2022-05", False),
        ("Summer 2022", "2022-06", "2022-08", False),
        ("Fall 2013 – Spring 2014", "2013-09", "2014-05", False),
        ("Autumn 2019 - Winter 2020", "2019-09", "2020-02", False),
        ("Sept 2005 -May 2010", "2005-09", "2010-05", False),  # spacing lopsided, "Sept"
        ("Sept 2005- May 2010", "2005-09", "2010-05", False),
        ("Jan'19 – Mar'20", "2019-01", "2020-03", False),
        ("October '12 – June '14", "2012-10", "2014-06", False),
        ("Jan-19 to Dec-20", "2019-01", "2020-12", False),  # month and two digits
        ("Aug/18 - Present", "2018-08", "2024-01", True),
        ("Since 2019", "2019-01", "2024-01", True),
        ("since March 2020", "2020-03", "2024-01", True),
        ("2019 – now", "2019-01", "2024-01", True),
        ("2019 onwards", "2019-01", "2024-01", True),
        ("Consultant (Jan 2022 onwards)", "2022-01", "2024-01", True),
        ("Aug 2018 – Pres.", "2018-08", "2024-01", True),
    ],
)
def test_the_forms_real_resumes_use(text: str, start: str, end: str, open_ended: bool) -> None:
    period = only(text)
    assert (str(period.start), str(period.end), period.open_ended) == (start, end, open_ended)


def test_a_season_alone_is_its_months_and_a_month_alone_is_no_period() -> None:
    # A season alone is how an internship is written; a month alone dates an event
    # ("Graduated June 2012", "Certified May 2020") and would count as a job.
    assert only("Summer 2022").months == 3
    assert find_periods("June 2012", as_of=AS_OF) == []
    assert find_periods("Certified in May 2020", as_of=AS_OF) == []


@pytest.mark.parametrize(
    "text",
    [
        "2018 – President, Chess Club",  # "President" is no "pres."
        "Led the COVID-19 response team",  # a name with two digits after a dash
        "Presented at PyCon 2019",
        "2019 currency reform",  # "current" inside a word
    ],
)
def test_words_that_only_look_like_present_are_not_read(text: str) -> None:
    assert find_periods(text, as_of=AS_OF) == []


def test_a_soft_hyphen_range_gives_a_position_and_its_years() -> None:
    text = (
        "Experience\n"
        "Data Platform Engineer, Contoso Cloud Apr. 2020 \u00ad Aug. 2022\n"
        "Analyst, Fabrikam Oct. 2016 \u00ad Mar. 2020\n"
    )
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    assert [(p.start, p.end) for p in resume.experience.positions] == [
        ("2020-04", "2022-08"),
        ("2016-10", "2020-03"),
    ]
    assert resume.experience.total_years == round(71 / 12, 1)


@pytest.mark.parametrize("word", ["Ongoing", "continuing", "pres.", "Onwards"])
def test_a_present_word_on_its_own_line_ends_the_range_above(word: str) -> None:
    # Two-column templates put the dates of a range on lines of their own.
    text = f"Experience\nData Engineer\nNorthwind Traders\nMay 2020\nto\n{word}\n"
    resume = parse_resume(ResumeText.from_string(text), as_of=AS_OF)
    assert [(p.start, p.end) for p in resume.experience.positions] == [("2020-05", "present")]


# --- what "Present" means: the option, else the file's own date, else today -----------------

TODAY = date(2026, 12, 2)
RESUME_2015 = ["Experience", "Analyst, Acme, Jan 2012 – Present", "Intern, Globex, Summer 2011"]


def test_the_option_wins_over_the_files_date() -> None:
    chosen = choose_as_of(
        option=date(2020, 1, 1), written=date(2015, 6, 3), today=TODAY, lines=RESUME_2015
    )
    assert chosen == AsOf(date(2020, 1, 1), "option")


def test_the_files_date_when_it_is_earlier_than_today() -> None:
    chosen = choose_as_of(option=None, written=date(2015, 6, 3), today=TODAY, lines=RESUME_2015)
    assert (str(chosen), chosen.source) == ("2015-06", "document")


@pytest.mark.parametrize(
    "written",
    [
        None,  # a text file: no date of its own
        date(2027, 1, 5),  # in the future: the author's clock was wrong
        date(1979, 12, 31),  # before 1980: a zeroed clock, not a date
    ],
)
def test_today_without_a_believable_file_date(written: date | None) -> None:
    chosen = choose_as_of(option=None, written=written, today=TODAY, lines=RESUME_2015)
    assert chosen == AsOf(TODAY, "today")


def test_the_earliest_believable_file_date_is_1980() -> None:
    chosen = choose_as_of(option=None, written=EARLIEST_DOCUMENT_DATE, today=TODAY)
    assert chosen == AsOf(EARLIEST_DOCUMENT_DATE, "document")


def test_a_file_dated_this_month_is_its_own_date() -> None:
    chosen = choose_as_of(option=None, written=date(2026, 12, 20), today=TODAY)
    assert (str(chosen), chosen.source) == ("2026-12", "document")


def test_a_file_dated_before_the_jobs_it_lists_is_not_believed() -> None:
    # reportlab's invariant mode and some templates stamp a fixed date (2000-01-01) on
    # every file: a resume that lists a job from 2019 was not written in 2000.
    lines = ["Experience", "Engineer, Acme, Mar 2019 – Present"]
    chosen = choose_as_of(option=None, written=date(2000, 1, 1), today=TODAY, lines=lines)
    assert chosen == AsOf(TODAY, "today")


def test_a_job_starting_within_a_year_of_the_files_date_is_an_offer_not_an_error() -> None:
    lines = [*RESUME_2015, "Incoming Summer Analyst, Initech, Summer 2016"]
    chosen = choose_as_of(option=None, written=date(2015, 10, 1), today=TODAY, lines=lines)
    assert chosen.source == "document"
    late = [*RESUME_2015, "Engineer, Initech, Jan 2017 – Present"]
    chosen = choose_as_of(option=None, written=date(2015, 10, 1), today=TODAY, lines=late)
    assert chosen.source == "today"


def test_the_parse_stage_reads_present_as_the_files_date() -> None:
    # The case of a batch without --as-of: a resume saved in 2015 says "2012 – Present".
    doc = ResumeText.from_string("\n".join(RESUME_2015))
    dated = parse_resume(replace(doc, written=date(2015, 6, 3)), today=TODAY)
    undated = parse_resume(doc, today=TODAY)
    assert (dated.as_of, dated.as_of_source) == (date(2015, 6, 3), "document")
    assert dated.experience.total_years == round((42 + 3) / 12, 1)  # 2012-01..2015-06, summer
    assert (undated.as_of, undated.as_of_source) == (TODAY, "today")
    assert undated.experience.total_years == round((180 + 3) / 12, 1)
    chosen = parse_resume(replace(doc, written=date(2015, 6, 3)), as_of=date(2013, 12, 1))
    assert chosen.as_of_source == "option"
    assert chosen.experience.total_years == round((24 + 3) / 12, 1)
    assert dated.to_dict()["as_of"] == "2015-06"
    assert dated.to_dict()["as_of_source"] == "document"
