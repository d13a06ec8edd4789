"""The command line as a user meets it: help, docs, start-up, errors and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import click
import docx
import jsonschema
import pytest
from click.testing import CliRunner
from reportlab.pdfgen import canvas as pdf_canvas

from matcher import __version__
from matcher.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLE = ROOT / "samples" / "resumes" / "mle_healthcare_daniel_osei.txt"
Write = Callable[[str, str], Path]
SCORE_SCHEMA = json.loads(
    resources.files("matcher").joinpath("output/schemas/score-v1.schema.json").read_text()
)


def commands(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
    return found


COMMANDS = commands()


def test_the_commands_of_the_product_exist() -> None:
    assert {("score",), ("gaps",), ("skills",), ("parse",), ("taxonomy", "validate")} <= set(
        COMMANDS
    )


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(runner: CliRunner, path: tuple[str, ...]) -> None:
    result = runner.invoke(cli, [*path, "-h"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    assert f"matcher {' '.join(path)}" in README


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.stdout.strip() == f"matcher, version {__version__}"


def test_help_starts_without_the_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from matcher.cli import cli\n"
        "try:\n"
        "    cli.main(['--help'], standalone_mode=False)\n"
        "finally:\n"
        "    heavy = {'spacy', 'sklearn', 'pdfplumber', 'pypdfium2', 'docx', 'yaml'}\n"
        "    heavy &= set(sys.modules)\n"
        "    assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "matcher", "--version"], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == f"matcher, version {__version__}"


# --- errors: one line, the documented exit code, no traceback ---------------------------


def assert_error(result: click.testing.Result, code: int, message: str) -> None:
    assert result.exit_code == code, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert message in result.stderr.splitlines()[0] or message in result.stderr


def test_a_missing_file_is_unreadable(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["score", str(tmp_path / "nowhere.pdf")])
    assert_error(result, 3, "nowhere.pdf")


def test_a_file_that_is_not_what_its_name_says_is_unreadable(
    runner: CliRunner, write: Write
) -> None:
    path = write("resume.pdf", "this is not a PDF at all")
    assert_error(runner.invoke(cli, ["score", str(path)]), 3, "resume.pdf")


def test_an_unknown_level_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["gaps", str(SAMPLE), "--level", "wizard"])
    assert_error(result, 2, "'wizard' is not a level")


def test_gaps_needs_exactly_one_target(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["gaps", str(SAMPLE)])
    assert_error(result, 2, "give exactly one target")


def test_a_bad_as_of_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["parse", str(SAMPLE), "--as-of", "last week"])
    assert_error(result, 2, "is not a month written as YYYY-MM")


def test_a_bad_taxonomy_exits_5_with_every_problem(runner: CliRunner, write: Write) -> None:
    path = write("mine.yaml", "skills:\n  - id: python\n    aliases: [machine learning]\n")
    result = runner.invoke(cli, ["score", str(SAMPLE), "--taxonomy", str(path)])
    assert_error(result, 5, "mine.yaml")
    assert (
        "mine.yaml:3: alias 'machine learning' already belongs to 'machine-learning'"
        in result.stderr
    )


def test_a_missing_job_file_is_unreadable(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["score", str(SAMPLE), "--job", str(tmp_path / "job.txt")])
    assert_error(result, 3, "job.txt")


def test_require_without_a_job_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["score", str(SAMPLE), "--require", "pytorch"])
    assert_error(result, 2, "--require needs --job FILE")


def test_an_unknown_required_skill_is_a_usage_error(runner: CliRunner, write: Write) -> None:
    job = write("job.txt", "ML Engineer\nRequirements\n- PyTorch\n")
    result = runner.invoke(
        cli, ["score", str(SAMPLE), "--job", str(job), "--require", "pytorch, basket weaving"]
    )
    assert_error(result, 2, "unknown skill 'basket weaving'")


# --- what the commands print --------------------------------------------------------------


def test_a_posting_too_short_to_answer_in_full_is_noted_once(
    runner: CliRunner, write: Write, tmp_path: Path
) -> None:
    thin = write("thin.txt", "Required skills:\nPython\nPyTorch\n")
    result = runner.invoke(
        cli, ["score", str(SAMPLE), "--job", str(thin), "--as-of", "2026-11", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    note = "note: thin.txt: the posting has only 2 requirement lines"
    assert result.stderr.count(note) == 1
    job = json.loads(result.stdout)["job"]
    assert job["matched_skills"] and job["score"] < 70  # both met, still partial
    folder = tmp_path / "resumes"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        folder.joinpath(name).write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    batch = runner.invoke(cli, ["batch", str(folder), "--job", str(thin), "--jobs", "1"])
    assert batch.stderr.count(note) == 1
    full = ROOT / "samples" / "jobs" / "senior_ml_engineer_healthcare.md"
    assert "note:" not in runner.invoke(cli, ["score", str(SAMPLE), "--job", str(full)]).stderr


def test_gaps_lists_required_before_preferred_with_roadmap_steps(runner: CliRunner) -> None:
    import json

    result = runner.invoke(
        cli,
        ["gaps", str(SAMPLE), "--level", "ai-architect", "--format", "json", "--as-of", "2026-11"],
    )
    assert result.exit_code == 0, result.stderr
    gaps = json.loads(result.stdout)["gaps"]
    importance = [gap["importance"] for gap in gaps]
    assert importance == sorted(importance, key=lambda i: i != "required")
    assert importance[0] == "required"
    assert all(gap["roadmap_step"] is None or 1 <= gap["roadmap_step"]["step"] <= 6 for gap in gaps)


def test_score_table_shows_the_part_of_a_long_line_that_names_the_skill(
    runner: CliRunner, tmp_path: Path
) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Sam Lee\n\nEXPERIENCE\nData Engineer, Acme, 2019 - Present\n"
        "- Responsible for the nightly reporting of the finance and operations teams across "
        "three regions, rebuilt on Apache Airflow\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["score", str(resume), "--as-of", "2026-11"])
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()
    row = next(line for line in rows if line.lstrip().startswith("Apache Airflow"))
    assert row.endswith("three regions, rebuilt on Apache Airflow")
    assert "…" in row
    assert "Responsible" not in row


def test_score_table_names_the_best_level_and_salary(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["score", str(SAMPLE), "--as-of", "2026-11", "--region", "uk"])
    assert result.exit_code == 0, result.stderr
    assert "Best level:    Machine Learning Engineer" in result.stdout
    assert "£70,000–£110,000 (uk, the guide's 2026 figures)" in result.stdout


def test_a_region_of_a_users_taxonomy_can_be_chosen(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "regions:\n  - {id: germany, name: Germany, currency: EUR}\n"
        "levels:\n  - id: machine-learning-engineer\n    salary:\n      germany: "
        '{currency: EUR, min: 65000, max: 95000, open_ended: false, text: "€65,000–€95,000"}\n',
        encoding="utf-8",
    )
    args = ["score", str(SAMPLE), "--as-of", "2026-11", "--taxonomy", str(mine)]
    result = runner.invoke(cli, [*args, "--region", "germany", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    salary = json.loads(result.stdout)["salary"]
    assert (salary["region"], salary["text"]) == ("germany", "€65,000–€95,000")
    jsonschema.validate(json.loads(result.stdout), SCORE_SCHEMA)  # the contract holds
    unknown = runner.invoke(cli, [*args, "--region", "atlantis"])
    assert unknown.exit_code == 2
    assert "'atlantis' is not a region of the taxonomy; one of: us, canada, uk, india, germany" in (
        unknown.stderr
    )


def test_a_users_own_level_and_industry_are_scored_within_the_contract(
    runner: CliRunner, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "levels:\n  - {id: staff-ai-engineer, name: Staff AI Engineer, rank: 6,"
        " years: {min: 9, max: 14}, responsibilities: [Technical direction],"
        " required: {python: 1.0, mlops: 0.8}, title_words: [staff], source: mine}\n"
        "industries:\n  - {id: energy, name: Energy, vocabulary: [grid, turbine], source: mine}\n",
        encoding="utf-8",
    )
    args = ["score", str(SAMPLE), "--as-of", "2026-11", "--taxonomy", str(mine)]
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCORE_SCHEMA)
    assert len(data["levels"]) == 6 and "staff-ai-engineer" in {f["id"] for f in data["levels"]}
    assert "energy" in {fit["id"] for fit in data["industries"]}


def test_skills_table_names_the_tools_behind_a_skill(runner: CliRunner, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Sam Lee\n\nSKILLS\nPython, PyTorch, FastAPI\n\nEXPERIENCE\n"
        "Data Engineer, Acme, 2019 - Present\n- Trained models in PyTorch\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["skills", str(resume), "--as-of", "2026-11"])
    assert result.exit_code == 0, result.stderr
    rows = {
        line.split("  (")[0].strip(): line for line in result.stdout.splitlines() if "  (" in line
    }
    assert "also through fastapi, pytorch" in rows["Python"]  # named, and evidenced by tools
    assert "derived from pytorch" in rows["Deep Learning"]  # never named


def test_a_missing_file_or_a_folder_gets_a_hint_that_fits(
    runner: CliRunner, tmp_path: Path
) -> None:
    missing = runner.invoke(cli, ["score", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 3
    assert missing.stderr.splitlines() == [
        "error: nope.pdf: no such file",
        "hint: Check the path: a relative one starts from the current folder.",
    ]
    folder = runner.invoke(cli, ["score", str(tmp_path)])
    assert folder.exit_code == 3
    assert "`matcher batch FOLDER`" in folder.stderr.splitlines()[-1]


# --- what "Present" means without --as-of -----------------------------------------------

DATED_RESUME = (
    "Priya Natarajan",
    "Experience",
    "Data Analyst, Acme Analytics, Jan 2012 - Present",
    "- Built dashboards in Python and SQL",
)


def dated_docx(path: Path, modified: dt.datetime) -> Path:
    """A resume DOCX whose core properties say it was last saved at ``modified``."""
    document = docx.Document()
    for line in DATED_RESUME:
        document.add_paragraph(line)
    document.core_properties.created = modified - dt.timedelta(days=30)
    document.core_properties.modified = modified
    document.save(str(path))
    return path


def parse_json(runner: CliRunner, path: Path, *options: str) -> dict[str, Any]:
    result = runner.invoke(cli, ["parse", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_present_is_the_files_own_date_when_it_has_one(runner: CliRunner, tmp_path: Path) -> None:
    # A resume saved in June 2015 that says "Jan 2012 - Present" claims 3.5 years, not
    # 3.5 plus every year since.
    path = dated_docx(tmp_path / "cv.docx", dt.datetime(2015, 6, 3, 9, 0, tzinfo=dt.UTC))
    data = parse_json(runner, path)
    assert (data["as_of"], data["as_of_source"]) == ("2015-06", "document")
    assert data["experience"]["total_years"] == round(42 / 12, 1)
    table = runner.invoke(cli, ["parse", str(path)])
    assert "Experience: 3.5 years, as of 2015-06 (file date)" in table.stdout


def test_as_of_wins_over_the_files_date(runner: CliRunner, tmp_path: Path) -> None:
    path = dated_docx(tmp_path / "cv.docx", dt.datetime(2015, 6, 3, 9, 0, tzinfo=dt.UTC))
    data = parse_json(runner, path, "--as-of", "2020-01")
    assert (data["as_of"], data["as_of_source"]) == ("2020-01", "option")
    assert data["experience"]["total_years"] == round(97 / 12, 1)


def test_a_file_dated_in_the_future_is_read_as_of_today(runner: CliRunner, tmp_path: Path) -> None:
    path = dated_docx(tmp_path / "cv.docx", dt.datetime(2099, 1, 1, 9, 0, tzinfo=dt.UTC))
    data = parse_json(runner, path)
    assert data["as_of_source"] == "today"
    assert data["as_of"] == date.today().strftime("%Y-%m")


def test_score_says_what_present_meant(runner: CliRunner, tmp_path: Path) -> None:
    canvas = pdf_canvas.Canvas(str(tmp_path / "cv.pdf"), invariant=1)
    canvas.setDateFormatter(lambda *_: "D:20150603101500+02'00'")
    for number, line in enumerate(DATED_RESUME):
        canvas.drawString(72, 700 - 16 * number, line)
    canvas.showPage()
    canvas.save()
    result = runner.invoke(cli, ["score", str(tmp_path / "cv.pdf"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCORE_SCHEMA)
    assert (data["as_of"], data["as_of_source"]) == ("2015-06", "document")
    assert data["experience"]["total_years"] == round(42 / 12, 1)
    table = runner.invoke(cli, ["score", str(tmp_path / "cv.pdf")])
    assert "Experience:    3.5 years, as of 2015-06 (file date)" in table.stdout


@pytest.mark.parametrize("block", re.findall(r"```python\n(.*?)```", README, re.S))
def test_every_python_example_of_the_readme_runs(
    block: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the examples name the shipped samples from the repository
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})


@pytest.mark.parametrize(
    "block", re.findall(r"```yaml\n(.*?)```", README, re.S), ids=lambda b: b.split("\n")[0]
)
def test_every_taxonomy_example_of_the_readme_is_valid(
    runner: CliRunner, tmp_path: Path, block: str
) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(block, encoding="utf-8")
    result = runner.invoke(cli, ["taxonomy", "validate", str(path)])
    assert result.exit_code == 0, result.output


def test_the_library_gives_the_object_the_schema_describes() -> None:
    # The contract is the library's, not the command line's: to_dict() alone is valid.
    import matcher

    taxonomy = matcher.load_taxonomy()
    job = matcher.read_job(ROOT / "samples" / "jobs" / "senior_ml_engineer_healthcare.md", taxonomy)
    for posting in (None, job):
        data = matcher.analyse_resume(
            SAMPLE, taxonomy, job=posting, as_of=date(2026, 11, 1)
        ).to_dict()
        jsonschema.validate(data, SCORE_SCHEMA)
        assert (
            data["schema_version"]
            == matcher.SCHEMA_VERSION
            == SCORE_SCHEMA["properties"]["schema_version"]["const"]
        )
        assert ("job" in data) == (posting is not None)
