"""The command line as a user meets it: help, docs, start-up, errors and exit codes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from matcher import __version__
from matcher.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLE = ROOT / "samples" / "resumes" / "mle_healthcare_daniel_osei.txt"
Write = Callable[[str, str], Path]


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
        "    heavy = {'spacy', 'sklearn', 'pdfplumber', 'pypdfium2', 'docx'} & set(sys.modules)\n"
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


# --- what the commands print --------------------------------------------------------------


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
