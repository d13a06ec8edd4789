"""The taxonomy: shipped data, validator, user overrides and the ``taxonomy`` commands."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from matcher.cli import cli
from matcher.skills.mentions import find_mentions
from matcher.skills.result import TextLine
from matcher.skills.summary import summarise
from skills_taxonomy import (
    INDUSTRY_IDS,
    LEVEL_IDS,
    Taxonomy,
    TaxonomyError,
    load_taxonomy,
    problems_in,
)
from skills_taxonomy.loader import read_shipped
from skills_taxonomy.validate import check

Write = Callable[[str, str], Path]

# The guide's "AI Engineer Salary in 2026" section, transcribed: level -> region -> band text.
# "Mid-Level" is the machine-learning-engineer rung; the guide gives AI Architect a band in
# the United States only and Head of AI none.
GUIDE_SALARY = {
    "entry-level-ai-engineer": {
        "us": ("USD", 90_000, 130_000, False),
        "canada": ("CAD", 80_000, 110_000, False),
        "uk": ("GBP", 45_000, 70_000, False),
        "india": ("INR", 800_000, 1_800_000, False),
    },
    "machine-learning-engineer": {
        "us": ("USD", 130_000, 180_000, False),
        "canada": ("CAD", 110_000, 160_000, False),
        "uk": ("GBP", 70_000, 110_000, False),
        "india": ("INR", 1_800_000, 4_000_000, False),
    },
    "senior-ai-engineer": {
        "us": ("USD", 180_000, 250_000, True),
        "canada": ("CAD", 160_000, 250_000, True),
        "uk": ("GBP", 110_000, 180_000, True),
        "india": ("INR", 4_000_000, 8_000_000, True),
    },
    "ai-architect": {"us": ("USD", 220_000, 350_000, True)},
    "head-of-ai": {},
}


# --- the shipped data -------------------------------------------------------------------


def test_shipped_taxonomy_has_no_problems() -> None:
    assert problems_in() == []


def test_every_level_and_industry_of_the_product_exists(taxonomy: Taxonomy) -> None:
    assert tuple(level.id for level in taxonomy.levels) == LEVEL_IDS
    assert {industry.id for industry in taxonomy.industries} == set(INDUSTRY_IDS)


def test_levels_follow_the_guides_years(taxonomy: Taxonomy) -> None:
    years = {level.id: (level.years_min, level.years_max) for level in taxonomy.levels}
    assert years["entry-level-ai-engineer"] == (0, 2)
    assert years["machine-learning-engineer"] == (2, 5)
    assert years["senior-ai-engineer"] == (5, 8)
    assert years["ai-architect"][0] == 8
    assert years["head-of-ai"][0] >= years["ai-architect"][0]


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_salary_bands_equal_the_guides_numbers(taxonomy: Taxonomy, level_id: str) -> None:
    bands = {
        region: (band.currency, band.min, band.max, band.open_ended)
        for region, band in taxonomy.level(level_id).salary.items()
    }
    assert bands == GUIDE_SALARY[level_id]


def test_taxonomy_is_large_enough_for_real_resumes(taxonomy: Taxonomy) -> None:
    forms = sum(len(skill.aliases) + len(skill.forms) for skill in taxonomy.skills)
    assert len(taxonomy.skills) >= 300
    assert forms >= 1000
    assert all(len(industry.vocabulary) >= 30 for industry in taxonomy.industries)


def test_guide_competencies_cite_the_guide_and_tools_roll_up(taxonomy: Taxonomy) -> None:
    competencies = {s.id for s in taxonomy.skills if s.kind == "competency"}
    assert {"python", "machine-learning", "deep-learning", "rag", "ai-agents"} <= competencies
    assert set(taxonomy.skill("sagemaker").evidences) >= {"aws", "model-deployment"}
    assert "ai-agents" in taxonomy.skill("langchain").evidences
    assert "rag" in taxonomy.skill("faiss").evidences
    for skill in taxonomy.skills:
        assert skill.source.strip(), skill.id
        assert set(skill.evidences) <= competencies, skill.id


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a search engine and log tooling are neither AI search, NLP nor model monitoring
        (
            "Built an observability system with Kafka, Elastic Stack and Grafana",
            {"ai-search", "nlp", "deep-learning", "machine-learning", "model-monitoring", "mlops"},
        ),
        ("Alerting with Amazon CloudWatch and Azure Monitor", {"model-monitoring", "mlops"}),
        ("Home automation on a Raspberry Pi", {"embedded-ai", "model-deployment"}),
        ("Ladder logic for the PLC of the packing line", {"automation"}),
    ],
)
def test_tools_roll_up_only_to_what_they_are_evidence_of(
    taxonomy: Taxonomy, text: str, absent: set[str]
) -> None:
    lines = [TextLine(text, "experience")]
    found = {match.id for match in summarise(find_mentions(lines, taxonomy), lines, taxonomy)}
    assert found, text  # the tools themselves are found
    assert not found & absent


def test_ambiguous_words_are_case_sensitive_or_need_context(taxonomy: Taxonomy) -> None:
    aliases = {alias for skill in taxonomy.skills for alias in skill.aliases}
    for word in ("go", "r", "c", "ml", "cv", "rag", "spark", "excel", "rust", "swift"):
        assert word not in aliases, f"{word!r} would match in any case"
    for skill_id in ("apache-spark", "excel", "rust", "swift"):
        assert taxonomy.skill(skill_id).context, skill_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Load balancers: F5 BIG-IP (LTM/GTM) and NetScaler", {"computer-networking"}),
        ("Wrote the GTM plan and pricing for the product launch", {"product-management"}),
        ("Time management and attention to detail", {"time-management", "critical-thinking"}),
        ("A quick learner and self-motivated", {"time-management"}),
        ("Wrote the user manuals as technical writer", {"technical-documentation"}),
        ("Bachelor of Arts: Strategic Communications", set()),
        ("Excellent written communications", {"communication"}),
        ("Reviewed all RPA coding and remarks before submission", set()),
        ("Built RPA bots for the invoice team", {"rpa"}),
    ],
)
def test_shipped_forms_mean_what_they_say(taxonomy: Taxonomy, text: str, expected: set) -> None:
    mentions = find_mentions([TextLine(text, "experience")], taxonomy)
    assert {mention.skill_id for mention in mentions} == expected


def test_the_guides_certifications_roadmap_and_degrees(taxonomy: Taxonomy) -> None:
    names = {c.name for c in taxonomy.certifications}
    assert names == {
        "AWS Certified Machine Learning – Specialty",
        "Microsoft Azure AI Engineer Associate",
        "Google Professional Machine Learning Engineer",
    }
    assert [step.step for step in taxonomy.roadmap] == [1, 2, 3, 4, 5, 6]
    assert "python" in taxonomy.roadmap[0].teaches
    guide_fields = {f.id for f in taxonomy.degree_fields if f.guide}
    assert guide_fields == {
        "computer-science",
        "data-science",
        "artificial-intelligence",
        "mathematics",
        "engineering",
    }


# --- the validator ----------------------------------------------------------------------


def test_validator_reports_a_missing_level() -> None:
    raw = read_shipped()
    raw.entries["levels"] = [e for e in raw.entries["levels"] if e.data["id"] != "ai-architect"]
    assert "levels.yaml:1: missing career level 'ai-architect'" in check(raw)


def test_validator_reports_every_problem_with_file_and_line(write: Write) -> None:
    path = write(
        "my.yaml",
        """\
skills:
  - id: my-ml
    name: My ML
    category: machine-learning
    kind: tool
    source: mine
    aliases:
      - my ml
      - machine learning
  - id: my-ml
    name: Again
    category: machine-learning
    kind: tool
    source: mine
    aliases: [again]
  - id: my-other
    name: Other
    category: machine-learnin
    kind: tool
    source: mine
    aliases: [other thing]
    evidences: [no-such-skill]
""",
    )
    problems = "\n".join(problems_in(path))
    assert "my.yaml:9: alias 'machine learning' already belongs to 'machine-learning'" in problems
    assert "my.yaml:10: duplicate id 'my-ml' (first at my.yaml:2)" in problems
    assert (
        "my.yaml:18: skill 'my-other': unknown category 'machine-learnin' "
        "(did you mean 'machine-learning'?)" in problems
    )
    assert "my.yaml:22: 'my-other': evidences refers to unknown skill 'no-such-skill'" in problems


def test_a_skill_may_be_marked_as_a_job_title(write: Write, taxonomy: Taxonomy) -> None:
    assert taxonomy.skill("executive-leadership").title
    assert not taxonomy.skill("python").title
    path = write(
        "titles.yaml",
        """\
skills:
  - id: python
    title: yes please
  - id: my-chief
    name: Chief Widget Officer
    category: leadership
    kind: tool
    source: mine
    aliases: [chief widget officer]
    title: true
""",
    )
    assert problems_in(path) == [
        "titles.yaml:3: skill 'python': 'title' must be a boolean (true or false)",
    ]


def test_validator_reports_references_to_unknown_skills_in_levels(write: Write) -> None:
    path = write(
        "weights.yaml",
        "levels:\n  - id: senior-ai-engineer\n    required:\n      quantum-basketry: 0.5\n",
    )
    assert problems_in(path) == [
        "weights.yaml:4: level 'senior-ai-engineer': required skill 'quantum-basketry' "
        "is not in the taxonomy"
    ]


def test_validator_reports_syntax_errors_with_the_line(write: Write) -> None:
    path = write("broken.yaml", "skills:\n  - id: x\n    name: [unclosed\n")
    problems = problems_in(path)
    assert len(problems) == 1 and problems[0].startswith("broken.yaml:4: not valid YAML/JSON")


def test_broken_user_file_raises_with_every_problem(write: Write) -> None:
    path = write("two.yaml", "skills:\n  - id: BadId\n    name: x\n")
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    assert len(caught.value.problems) >= 3  # id form, missing category, kind, source, aliases
    result = CliRunner().invoke(cli, ["taxonomy", "show", "python", "--taxonomy", str(path)])
    assert result.exit_code == 5
    assert result.stderr.startswith(f"error: {caught.value.message}\n")
    assert all(f"  {problem}\n" in result.stderr for problem in caught.value.problems)


# --- user overrides ---------------------------------------------------------------------


def test_override_adds_skills_aliases_weights_and_an_industry(write: Write) -> None:
    path = write(
        "extend.yaml",
        """\
version: acme-1
skills:
  - id: python
    aliases: [snakelang]
  - id: acme-flow
    name: AcmeFlow
    category: mlops
    kind: tool
    source: in-house
    aliases: [acmeflow, acme flow]
    evidences: [mlops]
levels:
  - id: senior-ai-engineer
    required: {python: 0.25}
industries:
  - id: energy
    name: Energy
    vocabulary: [grid, turbine, oil and gas, utility]
    source: in-house
""",
    )
    tax = load_taxonomy(path)
    shipped = load_taxonomy()
    assert "snakelang" in tax.skill("python").aliases
    assert set(shipped.skill("python").aliases) < set(tax.skill("python").aliases)
    assert tax.skill("acme-flow").evidences == ("mlops",)
    assert tax.level("senior-ai-engineer").required["python"] == 0.25
    assert tax.industry("energy").vocabulary[0] == "grid"
    assert tax.version == f"{shipped.version}+acme-1"


def test_override_in_json_is_read_like_yaml(write: Write) -> None:
    path = write("extend.json", json.dumps({"skills": [{"id": "python", "aliases": ["py3"]}]}))
    assert "py3" in load_taxonomy(path).skill("python").aliases


# --- the commands -----------------------------------------------------------------------


def test_validate_command_lists_every_problem_and_exits_5(runner: CliRunner, write: Write) -> None:
    path = write("my.yaml", "skills:\n  - id: x1\n    name: X\n    kind: gadget\n")
    result = runner.invoke(cli, ["taxonomy", "validate", str(path)])
    assert result.exit_code == 5
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: my.yaml: ")
    assert "  my.yaml:4: skill 'x1': kind must be one of ('competency', 'tool')" in lines
    assert lines[-1].startswith("hint: ")


def test_validate_command_accepts_the_shipped_taxonomy(
    runner: CliRunner, taxonomy: Taxonomy
) -> None:
    result = runner.invoke(cli, ["taxonomy", "validate"])
    assert result.exit_code == 0
    assert f"{len(taxonomy.skills)} skills" in result.stdout


def test_list_filters_by_category(runner: CliRunner, taxonomy: Taxonomy) -> None:
    result = runner.invoke(cli, ["taxonomy", "list", "--category", "rag", "--format", "json"])
    assert result.exit_code == 0
    skills = json.loads(result.stdout)["skills"]
    assert skills and {s["category"] for s in skills} == {"rag"}
    assert len(skills) == sum(1 for s in taxonomy.skills if s.category == "rag")


def test_list_rejects_an_unknown_category(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["taxonomy", "list", "--category", "astrology"])
    assert result.exit_code == 2
    assert "'astrology' is not a category" in result.stderr


def test_show_a_level_prints_its_salary_bands(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["taxonomy", "show", "senior-ai-engineer"])
    assert result.exit_code == 0
    assert "$180,000–$250,000+" in result.stdout
    assert "Team leadership" in result.stdout


def test_show_unknown_id_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["taxonomy", "show", "no-such-thing"])
    assert result.exit_code == 2
    assert "no skill, level, industry" in result.stderr


@pytest.mark.parametrize("output_format", ["json", "yaml"])
def test_export_round_trips_the_merged_taxonomy(
    runner: CliRunner, write: Write, output_format: str
) -> None:
    path = write("extend.yaml", "skills:\n  - id: python\n    aliases: [snakelang]\n")
    result = runner.invoke(
        cli, ["taxonomy", "export", "--format", output_format, "--taxonomy", str(path)]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout) if output_format == "json" else yaml.safe_load(result.stdout)
    python = next(s for s in data["skills"] if s["id"] == "python")
    assert "snakelang" in python["aliases"]
    assert [level["id"] for level in data["levels"]] == list(LEVEL_IDS)


def test_the_title_words_of_a_rung_are_data_a_user_file_can_extend(write: Write) -> None:
    from matcher.document import ResumeText
    from matcher.score.posting import analyse_job

    def level_of(title: str, taxonomy: Taxonomy) -> str | None:
        text = f"{title}\nWe build recommendation models in Python.\n"
        return analyse_job(ResumeText.from_string(text, file="job.txt"), taxonomy).level

    shipped = load_taxonomy()
    assert level_of("Senior Associate, Machine Learning", shipped) == "senior-ai-engineer"
    assert level_of("Vice-President, AI Platform", shipped) == "head-of-ai"
    assert level_of("Jr. Data Scientist", shipped) == "entry-level-ai-engineer"
    assert level_of("Machine Learning Engineer II", shipped) is None
    path = write(
        "my.yaml",
        "levels:\n  - {id: machine-learning-engineer, title_words: [engineer ii, mid-level]}\n",
    )
    mine = load_taxonomy(path)
    assert level_of("Machine Learning Engineer II", mine) == "machine-learning-engineer"
    assert level_of("Mid Level ML Engineer", mine) == "machine-learning-engineer"
    assert level_of("Senior ML Engineer", mine) == "senior-ai-engineer"
    # A word on two rungs marks the higher one; one that is not a string is reported.
    higher = load_taxonomy(
        write("higher.yaml", "levels:\n  - {id: ai-architect, title_words: [Sr]}\n")
    )
    assert level_of("Sr. ML Engineer", higher) == "ai-architect"
    wrong = write("wrong.yaml", "levels:\n  - {id: ai-architect, title_words: [7]}\n")
    assert any("'title_words' must hold non-empty strings" in p for p in problems_in(wrong))


def test_what_a_category_is_evidence_of_is_data_a_user_file_can_change(write: Write) -> None:
    from matcher.score.levels import ai_relevance
    from matcher.skills.result import SkillMatch

    aws = SkillMatch(id="aws", name="AWS", category="cloud", mentions=1, evidence=())
    shipped = load_taxonomy()
    path = write("my.yaml", "categories:\n  - {id: cloud, name: Cloud Computing, evidence: ai}\n")
    mine = load_taxonomy(path)
    assert [c.id for c in mine.categories] == [c.id for c in shipped.categories]
    assert ai_relevance([aws], {"aws": 1.0}, shipped) == 0.0
    assert ai_relevance([aws], {"aws": 1.0}, mine) > 0.0
    wrong = write("wrong.yaml", "categories:\n  - {id: cloud, name: Cloud, evidence: a1}\n")
    assert any(
        "category 'cloud': evidence must be one of 'ai', 'data'" in p for p in problems_in(wrong)
    )
