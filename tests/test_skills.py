"""The skills stage: matching rules, negation, roll-up, evidence and years of use.

The rules are checked on a small hand-built taxonomy, so each test shows exactly which
entry it relies on; the shipped taxonomy is checked on the sample resumes in
test_samples.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from matcher.document import Line, ResumeText
from matcher.parse.stage import parse_resume
from matcher.skills.mentions import find_mentions
from matcher.skills.pipeline import build_pipeline
from matcher.skills.result import SkillMatch, TextLine
from matcher.skills.stage import find_skills
from matcher.skills.wraps import line_continues
from matcher.skills.years import merge_spans
from skills_taxonomy import Category, Skill, Taxonomy


def skill(
    ident: str, *, aliases: tuple[str, ...] = (), forms: tuple[str, ...] = (), **extra: object
) -> Skill:
    fields: dict = {"category": "programming", "kind": "tool", "source": "test", **extra}
    return Skill(id=ident, name=ident.title(), aliases=aliases, forms=forms, **fields)


@pytest.fixture(scope="module")
def small() -> Taxonomy:
    skills = (
        skill("python", aliases=("python",), kind="competency"),
        skill(
            "go",
            aliases=("golang",),
            forms=("Go",),
            context=("programming", "backend", "microservices"),
        ),
        skill("r", forms=("R",)),
        skill("c", forms=("C",)),
        skill("cpp", aliases=("c++",)),
        skill(
            "apache-spark",
            forms=("Spark",),
            aliases=("apache spark", "pyspark"),
            context=("hadoop", "data", "scala"),
        ),
        skill(
            "excel",
            forms=("Excel",),
            aliases=("microsoft excel",),
            context=("spreadsheet", "vba", "pivot"),
        ),
        skill("nlp", aliases=("natural language processing",), forms=("NLP",), kind="competency"),
        skill("language", aliases=("language",)),
        skill("kubernetes", aliases=("kubernetes", "k8s")),
        skill("terraform", aliases=("terraform",)),
        skill("deep-learning", aliases=("deep learning",), kind="competency"),
        skill("aws", aliases=("aws",), kind="competency"),
        skill("model-deployment", aliases=("model deployment",), kind="competency"),
        skill("pytorch", aliases=("pytorch",), evidences=("deep-learning",)),
        skill("sagemaker", aliases=("sagemaker",), evidences=("aws", "model-deployment")),
        skill("frontend", aliases=("front-end development",)),
        skill("nodejs", aliases=("node.js",)),
        skill("ray", forms=("Ray",), context=("ray", "distributed", "cluster")),
        skill("machine-learning", aliases=("machine learning",), kind="competency"),
        skill("svm", aliases=("support vector machine", "support vector machines")),
        skill("unsupervised-learning", aliases=("unsupervised learning",)),
        skill("sql", aliases=("sql",)),
        skill("spark-sql", aliases=("spark sql",)),
        skill("linux", aliases=("linux",)),
        skill("accounting", aliases=("accounting",)),
        skill(
            "executive-leadership",
            aliases=("chief technology officer",),
            forms=("CTO",),
            kind="competency",
            title=True,
        ),
    )
    return Taxonomy(
        version="test",
        guide="test",
        categories=(Category("programming", "Programming"),),
        regions=(),
        skills=skills,
        levels=(),
        industries=(),
        certifications=(),
        roadmap=(),
        degree_levels=(),
        degree_fields=(),
    )


def found(text: str, taxonomy: Taxonomy, section: str = "experience") -> list[str]:
    lines = [TextLine(line, section) for line in text.splitlines()]
    return [mention.skill_id for mention in find_mentions(lines, taxonomy)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Built services in Go and Python for the backend", ["go", "python"]),
        ("Going forward we will go live", []),
        ("Go-to person for the team", []),
        ("Statistics in R, Python and SQL", ["r", "python", "sql"]),
        ("Led R&D for the new product line", []),
        ("Vitamin C and iron supplements", []),
        ("Plan B, C and D", []),
        ("Systems programming in C/C++", ["c", "cpp"]),
        ("Spark joy in every classroom", []),
        ("Batch jobs on Spark and Hadoop", ["apache-spark"]),
        ("Wrote pyspark jobs", ["apache-spark"]),
        ("Excel at communication", []),
        ("Pivot tables and macros in Excel", ["excel"]),
        ("Researched natural language processing", ["nlp"]),
        ("Deployed with K8S", ["kubernetes"]),
    ],
)
def test_ambiguous_words_need_a_skill_context(
    small: Taxonomy, text: str, expected: list[str]
) -> None:
    assert found(text, small) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Languages: python, go, c++", ["python", "go", "cpp"]),
        ("python c c++", ["python", "c", "cpp"]),
        ("Tools: python / spark / k8s", ["python", "apache-spark", "kubernetes"]),
        ("We go to python meetups", ["python"]),
        ("go, spark", []),
        ("Python and excel skills", ["python"]),
    ],
)
def test_forms_in_another_case_count_only_in_lists_of_skills(
    small: Taxonomy, text: str, expected: list[str]
) -> None:
    assert found(text, small) == expected


def test_forms_in_another_case_count_as_items_of_a_skills_section(small: Taxonomy) -> None:
    assert found("go, spark", small, section="skills") == ["go", "apache-spark"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Basics of C, Python and SQL", ["c", "python", "sql"]),
        ("A grade of C in the exam", []),
    ],
)
def test_one_letter_forms_after_of(small: Taxonomy, text: str, expected: list[str]) -> None:
    assert found(text, small) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C • C++", ["c", "cpp"]),
        ("Python · C · Kubernetes", ["python", "c", "kubernetes"]),
        ("Languages: C, R, Go", ["c", "r", "go"]),
        ("Python\nR (basic)\nKubernetes", ["python", "r", "kubernetes"]),  # one per line
        ("C\nPython", ["c", "python"]),
        ("A grade C in the final exam", []),
        ("Grades: A, B, C", []),
        ("Grade: C • Honours", []),
        ("Exam results\nC\nsee transcript", []),
    ],
)
def test_one_letter_forms_count_as_items_of_a_list(
    small: Taxonomy, text: str, expected: list[str]
) -> None:
    assert found(text, small) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Front-end development",
        "Front end development",
        "Frontend development",
        "front-end-development",
    ],
)
def test_hyphenation_is_spelling(small: Taxonomy, text: str) -> None:
    assert found(text, small) == ["frontend"]


def test_tag_lists_join_words_with_hyphens(small: Taxonomy) -> None:
    assert found("deep-learning kubernetes", small) == ["deep-learning", "kubernetes"]


def test_list_items_glued_by_slashes_semicolons_or_commas_are_split(small: Taxonomy) -> None:
    assert found("C++/Python;Kubernetes,Terraform", small) == [
        "cpp",
        "python",
        "kubernetes",
        "terraform",
    ]
    assert found("Node.js/Python", small) == ["nodejs", "python"]
    assert found("NODE.JS/Python", small) == ["nodejs", "python"]  # a script, in any case
    assert found("See github.com/acme/python for the code", small) == []  # a URL is one token


def test_numbers_glued_to_list_items_are_split(small: Taxonomy) -> None:
    assert found("SKILLS 1.Python 2.Kubernetes 3)Terraform", small) == [
        "python",
        "kubernetes",
        "terraform",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spark, Kubernetes and Terraform", ["apache-spark", "kubernetes", "terraform"]),
        ("Spark plugs were replaced before the Kubernetes migration", ["kubernetes"]),
        ("Advanced Python, Beginner Go", ["python", "go"]),
    ],
)
def test_another_skill_is_context_only_next_to_it_in_a_list(
    small: Taxonomy, text: str, expected: list[str]
) -> None:
    assert found(text, small) == expected


def test_a_skill_is_not_context_for_itself(small: Taxonomy) -> None:
    assert found("Reported to Ray Peterson", small) == []
    assert found("Scaled training on a Ray cluster", small) == ["ray"]


@pytest.mark.parametrize(
    "text",
    [
        "Data engineer at Spark Technologies Pvt Ltd",
        "Data analyst, Spark Analytics Inc.",
        "Ray Engineering Limited, distributed systems",
    ],
)
def test_ambiguous_words_naming_an_employer_are_not_skills(small: Taxonomy, text: str) -> None:
    assert found(text, small) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Certified Kubernetes Administrator, The Linux Foundation", ["kubernetes"]),
        ("Python Software Foundation fellow", []),
        ("Administered Linux servers and Python tooling", ["linux", "python"]),
        ("Linux Labs sponsored the meetup", ["linux"]),  # only ambiguous words ask more
    ],
)
def test_an_organisation_named_after_a_skill_is_not_the_skill(
    small: Taxonomy, text: str, expected: list[str]
) -> None:
    assert found(text, small) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Advised clients in banking, accounting and consulting", []),
        ("Industries served: retail, insurance, accounting", []),
        ("Audited accounting firms in three states", []),
        ("Terraform\nIndustry: retail", ["terraform"]),  # the next line's label is no sector
        ("Closed the books and ran the accounting for the retail stores", ["accounting"]),
        ("Served customers in retail with Python and accounting reports", ["python", "accounting"]),
        (
            "Served customers using Python, Kubernetes and Terraform",
            ["python", "kubernetes", "terraform"],
        ),
    ],
)
def test_a_sector_served_is_not_a_skill(small: Taxonomy, text: str, expected: list[str]) -> None:
    assert found(text, small) == expected


def test_ambiguous_words_count_in_a_skills_section(small: Taxonomy) -> None:
    assert found("Spark", small, section="skills") == ["apache-spark"]
    assert found("Spark", small, section="summary") == []


def test_longest_form_wins(small: Taxonomy) -> None:
    assert found("Natural language processing", small) == ["nlp"]
    assert found("A second language", small) == ["language"]


@pytest.mark.parametrize(
    "text",
    [
        "No experience with Kubernetes",
        "Not yet familiar with Kubernetes",
        "I have never used Kubernetes",
        "Lack of exposure to Kubernetes",
        "Unfamiliar with Kubernetes and Terraform",
        "No professional experience in Terraform or Kubernetes",
    ],
)
def test_negated_mentions_are_not_skills(small: Taxonomy, text: str) -> None:
    assert found(text, small) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zero-downtime releases with no manual steps using Kubernetes", ["kubernetes"]),
        ("No experience with Java, but strong Python", ["python"]),
        ("Kubernetes; no experience with Terraform", ["kubernetes"]),
    ],
)
def test_negation_stays_within_its_clause(small: Taxonomy, text: str, expected: list[str]) -> None:
    assert found(text, small) == expected


def resume(text: str) -> ResumeText:
    return ResumeText.from_string(text, file="resume.txt")


RESUME = """\
Jane Example
SKILLS
PyTorch, Kubernetes, Excel
EXPERIENCE
ML Engineer, Acme Corp, Jan 2020 - Dec 2021
Trained PyTorch models and deployed them with SageMaker
Data Scientist, Beta Ltd, Jan 2022 - Present
Fine-tuned PyTorch models; 5 years of Python
"""


@pytest.fixture(scope="module")
def matches(small: Taxonomy) -> dict[str, SkillMatch]:
    parsed = parse_resume(resume(RESUME), as_of=date(2024, 6, 1))
    return {match.id: match for match in find_skills(parsed, small)}


def test_every_skill_has_its_evidence_lines(matches: dict[str, SkillMatch]) -> None:
    pytorch = matches["pytorch"]
    assert pytorch.mentions == 3
    assert [(e.section, e.text) for e in pytorch.evidence] == [
        ("skills", "PyTorch, Kubernetes, Excel"),
        ("experience", "Trained PyTorch models and deployed them with SageMaker"),
        ("experience", "Fine-tuned PyTorch models; 5 years of Python"),
    ]


def test_tools_roll_up_to_their_competencies(matches: dict[str, SkillMatch]) -> None:
    deep = matches["deep-learning"]
    assert deep.derived and deep.via == ("pytorch",)
    assert deep.mentions == matches["pytorch"].mentions
    assert {"aws", "model-deployment"} <= matches.keys()
    assert matches["aws"].via == ("sagemaker",)
    assert not matches["pytorch"].derived


def test_years_come_from_dated_positions_that_mention_the_skill(
    matches: dict[str, SkillMatch],
) -> None:
    assert matches["pytorch"].years == 4.5  # Jan 2020 - Jun 2024 (54 months), both positions
    assert matches["pytorch"].last_used == 2024
    assert matches["sagemaker"].years == 2.0  # the first position only
    assert matches["sagemaker"].last_used == 2021
    assert matches["kubernetes"].years is None  # listed, never used in a dated position


def test_years_come_from_explicit_statements(matches: dict[str, SkillMatch]) -> None:
    assert matches["python"].years == 5.0


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("Wrote SQL daily; five years of Linux administration", 5.0),
        ("3-5 years of Linux administration", 3.0),  # a range counts its lower bound
        ("Linux (2.5 yrs)", 2.5),
        ("Linux, ten (10) years", 10.0),
        ("Possess12 years of Linux administration", 12.0),  # digits glued to a word
    ],
)
def test_a_skills_years_are_read_with_the_grammar_of_statements(
    small: Taxonomy, line: str, years: float
) -> None:
    text = f"Jane Example\nSKILLS\n{line}\n"
    parsed = parse_resume(resume(text), as_of=date(2024, 6, 1))
    assert {m.id: m.years for m in find_skills(parsed, small)}["linux"] == years


def test_the_pipeline_is_built_once_however_the_call_is_written(small: Taxonomy) -> None:
    assert build_pipeline(small) is build_pipeline(small, spacy_model=None)


def test_merge_spans_joins_overlapping_and_touching_spans() -> None:
    assert merge_spans([(10, 20), (15, 30), (31, 35), (40, 41)]) == [(10, 35), (40, 41)]


def test_the_tokenizer_splits_text_as_spacy_does_across_lines_and_tabs(small: Taxonomy) -> None:
    # Line breaks and tabs are no longer spaCy special cases (so its cache keeps working
    # past the first line), and plain words skip the affix rules; the tokens, their norms
    # and their spacing must not change.
    import spacy

    from matcher.skills.tokenizer import _split_glued_punctuation

    stock = spacy.blank("en")
    _split_glued_punctuation(stock)
    text = (
        "Jane Doe\n\tPython, SQL;Spark e.g. Inc. (AWS)\n\n"
        "Led a team of 5\xa0engineers — 2019-2021.\r\n\t\tdon't stop: C++/Java\n"
        "I cannot, dont (Managed) Python3 5km U.S. e-mail O'Neil ain't gonna\n"
    )
    ours = build_pipeline(small).make_doc(text * 3)
    theirs = stock.make_doc(text * 3)
    assert [(t.text, t.norm_, t.whitespace_) for t in ours] == [
        (t.text, t.norm_, t.whitespace_) for t in theirs
    ]
    assert "\n" not in build_pipeline(small).tokenizer.rules


def test_new_words_get_the_attributes_the_matcher_reads(small: Taxonomy) -> None:
    # The blank pipeline computes only some lexical attributes of words it meets for the
    # first time (LEXEME_ATTRS); those it reads must be right.
    doc = build_pipeline(small).make_doc("Zorbquist ZORBQUIST zorbquist")
    assert [(t.lower_, t.norm_, t.is_title, t.is_upper) for t in doc] == [
        ("zorbquist", "zorbquist", True, False),
        ("zorbquist", "zorbquist", False, True),
        ("zorbquist", "zorbquist", False, False),
    ]


def page_line(text: str, top: float, *, size: float = 10.0, bold: bool = False) -> Line:
    return Line(text=text, top=top, size=size, bold=bold)


@pytest.mark.parametrize(
    ("first", "second", "wraps"),
    [
        # a sentence running on, in lower case or as a title-case phrase
        (
            page_line("Clustered customers with supervised and", 100),
            page_line("unsupervised learning", 113),
            True,
        ),
        (
            page_line("Trained a classifier built with Support", 100),
            page_line("Vector Machines, Neural Networks", 113),
            True,
        ),
        (page_line("Languages: Python, Java, Machine", 100), page_line("Learning, SQL", 113), True),
        # two items of a list, a heading and its line, a new bullet, a closed sentence
        (page_line("Python", 100), page_line("Machine Learning", 113), False),
        (
            page_line("Deep Learning Projects", 100, bold=True),
            page_line("Learning rate schedules", 113),
            False,
        ),
        (
            page_line("Tuned the models with grid search and", 100),
            page_line("• learning curves", 113),
            False,
        ),
        (
            page_line("Built the reporting layer with Spark.", 100),
            page_line("SQL tuning", 113),
            False,
        ),
        (
            page_line("Deployed the service for the claims team", 100),
            page_line("Machine learning platform", 113),
            False,
        ),
        # where the lines stand: a gap ends a paragraph; the next page's top continues it
        (
            page_line("Clustered customers with supervised and", 100),
            page_line("unsupervised learning", 140),
            False,
        ),
        (
            page_line("Clustered customers with supervised and", 700),
            Line("unsupervised learning", page=1, top=72, size=10.0),
            True,
        ),
        (
            page_line("Clustered customers with supervised and", 100),
            page_line("unsupervised learning", 113, size=14.0),
            False,
        ),
        # paragraphs of a DOCX have no position: the words decide
        (
            Line("Event Management, Employee Engagement, Team"),
            Line("Management, Vendor Management"),
            True,
        ),
        (
            Line("Met the client to discuss the requirements"),
            Line("Analysis of the data model"),
            False,
        ),
        # a text file: the very next line, not one after a blank line
        (
            Line("Clustered customers with supervised and", top=4),
            Line("unsupervised learning", top=5),
            True,
        ),
        (
            Line("Clustered customers with supervised and", top=4),
            Line("unsupervised learning", top=6),
            False,
        ),
    ],
)
def test_a_line_continues_where_its_sentence_wraps(first: Line, second: Line, wraps: bool) -> None:
    assert line_continues(first, second) is wraps


def skills_of(text: str, taxonomy: Taxonomy) -> dict[str, SkillMatch]:
    parsed = parse_resume(resume(text), as_of=date(2024, 6, 1))
    return {match.id: match for match in find_skills(parsed, taxonomy)}


def test_a_phrase_wrapped_onto_the_next_line_is_one_mention(small: Taxonomy) -> None:
    text = (
        "EXPERIENCE\n"
        "Flagged fraudulent claims with a classifier built on Support\n"
        "Vector Machines, then grouped the rest with unsupervised\n"
        "learning.\n"
    )
    matches = skills_of(text, small)
    assert {"svm", "unsupervised-learning"} <= matches.keys()
    assert [e.text for e in matches["svm"].evidence] == [
        "Flagged fraudulent claims with a classifier built on Support "
        "Vector Machines, then grouped the rest with unsupervised"
    ]
    assert matches["svm"].surfaces == ("Support Vector Machines",)
    assert [e.text for e in matches["unsupervised-learning"].evidence] == [
        "Vector Machines, then grouped the rest with unsupervised learning."
    ]


def test_lines_of_a_list_do_not_run_into_each_other(small: Taxonomy) -> None:
    bulleted = "EXPERIENCE\n• Wrote the data pipelines in Spark\n• SQL tuning for the reports\n"
    listed = "SKILLS\nKubernetes\nSpark\nSQL\n"
    apart = "EXPERIENCE\nMoved the data pipelines from Hive to Spark\n\nSQL reports for finance\n"
    for text in (bulleted, listed, apart):
        matches = skills_of(text, small)
        assert "spark-sql" not in matches, text
        assert {"apache-spark", "sql"} <= matches.keys(), text


def test_a_derived_competency_rolls_up_no_further() -> None:
    # PyTorch is evidence of deep learning, and deep learning of machine learning: a resume
    # naming PyTorch shows deep learning (derived) but, unless the taxonomy says PyTorch is
    # evidence of machine learning too, not machine learning through it.
    taxonomy = Taxonomy(
        version="test",
        guide="test",
        categories=(Category("programming", "Programming"),),
        regions=(),
        skills=(
            skill("machine-learning", aliases=("machine learning",), kind="competency"),
            skill(
                "deep-learning",
                aliases=("deep learning",),
                kind="competency",
                evidences=("machine-learning",),
            ),
            skill("pytorch", aliases=("pytorch",), evidences=("deep-learning",)),
        ),
        levels=(),
        industries=(),
        certifications=(),
        roadmap=(),
        degree_levels=(),
        degree_fields=(),
    )
    tool = skills_of("EXPERIENCE\nTrained models in PyTorch\n", taxonomy)
    assert tool.keys() == {"pytorch", "deep-learning"}
    assert tool["deep-learning"].derived and tool["deep-learning"].via == ("pytorch",)
    named = skills_of("EXPERIENCE\nResearch in deep learning\n", taxonomy)
    assert named.keys() == {"deep-learning", "machine-learning"}
    assert named["machine-learning"].via == ("deep-learning",)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Jane Example\nCTO and co-founder\nEXPERIENCE\nBuilt things", True),  # the headline
        ("EXPERIENCE\nCTO, Acme Robotics, Jan 2020 - Present\nBuilt the platform", True),
        ("EXPERIENCE\nChief Technology Officer\nAcme Robotics, 2020 - Present\nBuilt it", True),
        ("EXPERIENCE\nEngineer, Acme, 2020 - Present\nServed as interim CTO for a year", True),
        ("Jane Example\nEXPERIENCE\nRole: Head/VP/GM-Technology/CTO\nBuilt it", True),
        # someone else's title, a product line's name
        ("EXPERIENCE\nEngineer, Acme, 2020 - Present\nReported to the CTO weekly", False),
        (
            "EXPERIENCE\nProduct Manager, Acme Home, 2020 - Present\n"
            "Launched the Refrigerator, CTO and WallOven product lines",
            False,
        ),
    ],
)
def test_a_job_title_counts_only_as_the_candidates_own_role(
    small: Taxonomy, text: str, held: bool
) -> None:
    assert ("executive-leadership" in skills_of(text, small)) is held
