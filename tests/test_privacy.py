"""Privacy: no network, ever; --redact leaves no trace of who the candidate is."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from matcher.cli import cli

ROOT = Path(__file__).resolve().parent.parent
RESUMES = sorted((ROOT / "samples" / "resumes").iterdir())
JOB = ROOT / "samples" / "jobs" / "llm_rag_engineer_saas.md"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Any attempt to open a connection or resolve a name fails the test."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_scoring_makes_no_network_connection(no_network: list[Any], path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["score", str(path), "--job", str(JOB), "--format", "json", "--as-of", "2026-11"]
    )
    assert result.exit_code == 0, result.stderr
    assert no_network == []


@pytest.mark.parametrize(
    "command", [["score"], ["skills"], ["parse"], ["gaps", "--level", "head-of-ai"]]
)
@pytest.mark.parametrize("path", RESUMES[:3], ids=lambda p: p.name)
def test_redact_removes_contact_details_from_every_command(command: list[str], path: Path) -> None:
    runner = CliRunner()
    plain = json.loads(runner.invoke(cli, ["parse", str(path), "--format", "json"]).stdout)[
        "candidate"
    ]
    args = [command[0], str(path), *command[1:], "--format", "json", "--redact"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    secrets = [plain["name"], plain["email"], plain["phone"], *plain["links"]]
    assert all(secrets), plain  # every sample states all of them
    for secret in secrets:
        assert secret.lower() not in result.stdout.lower()


# --- nothing of a resume on stderr unless -v / -vv asks for it --------------------------

SAMPLE = ROOT / "samples" / "resumes" / "mle_healthcare_daniel_osei.txt"
SAMPLE_LINES = [
    " ".join(line.split())
    for line in SAMPLE.read_text(encoding="utf-8").splitlines()
    if len(line.strip()) >= 12 and set(line.strip()) != {"-"}
]
EVERY_COMMAND = [
    ["score", "--job", str(JOB)],
    ["gaps", "--level", "ai-architect"],
    ["skills"],
    ["parse"],
    ["batch", "--jobs", "1", "--format", "jsonl"],
]


def resume_text_in(stderr: str) -> list[str]:
    """The sample's lines, and its distinctive words, that stderr repeats."""
    # Not the surname alone: it is in the file name, which -v names (the user typed it).
    words = ["Kestrel", "readmission", "daniel.osei@example.com", "555-0163"]
    return [text for text in (*SAMPLE_LINES, *words) if text.lower() in stderr.lower()]


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=lambda c: c[0])
def test_without_verbose_no_resume_text_reaches_stderr(command: list[str]) -> None:
    args = [command[0], str(SAMPLE), *command[1:], "--as-of", "2026-11"]
    if command[0] != "batch":
        args += ["--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert "INFO" not in result.stderr
    assert resume_text_in(result.stderr) == []


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=lambda c: c[0])
def test_verbose_logs_each_stage_and_its_time_without_resume_text(command: list[str]) -> None:
    args = [command[0], str(SAMPLE), *command[1:], "--as-of", "2026-11", "--verbose"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    name = SAMPLE.name
    assert f"INFO matcher.pipeline: read {name}: text, " in result.stderr
    assert f"INFO matcher.pipeline: parse {name}: 7 sections, 2 positions, " in result.stderr
    if command[0] != "parse":
        assert f"INFO matcher.pipeline: skills {name}: " in result.stderr
    timings = [line for line in result.stderr.splitlines() if line.startswith("INFO")]
    assert all(line.endswith(" s") for line in timings), timings
    assert resume_text_in(result.stderr) == []


def test_vv_logs_the_lines_skills_were_found_in() -> None:
    result = CliRunner().invoke(cli, ["-vv", "skills", str(SAMPLE), "--as-of", "2026-11"])
    assert result.exit_code == 0, result.stderr
    assert (
        f"DEBUG matcher.pipeline: skills {SAMPLE.name}: xgboost in experience: "
        "'Built a 30-day hospital readmission risk model (XGBoost, scikit-learn) on EHR data "
        "from'" in result.stderr
    )
    assert "DEBUG matcher.pipeline: parse " in result.stderr
    assert "Kestrel" in resume_text_in(result.stderr)  # what the quiet runs are checked for


def test_a_run_without_verbose_forgets_an_earlier_verbose_run() -> None:
    runner = CliRunner()
    assert "INFO" in runner.invoke(cli, ["-v", "parse", str(SAMPLE)]).stderr
    assert runner.invoke(cli, ["parse", str(SAMPLE)]).stderr == ""


def test_warnings_quote_the_resume_only_with_vv(tmp_path: Path) -> None:
    resume = tmp_path / "jo.txt"
    resume.write_text(
        "Jo Bloggs\n\nEXPERIENCE\nAnalyst, Beta Corp, 2024 - 2021\n- Python and SQL\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    quiet = runner.invoke(cli, ["parse", str(resume), "--as-of", "2026-11"])
    assert quiet.stderr == (
        "warning: jo.txt: ignored the dates '…': ends before it starts (-vv shows the text)\n"
    )
    loud = runner.invoke(cli, ["parse", str(resume), "--as-of", "2026-11", "-vv"])
    assert "warning: jo.txt: ignored the dates '2024 - 2021': ends before it starts\n" in (
        loud.stderr
    )


def test_redact_keeps_the_identifiers_a_name_shares_with_the_taxonomy(tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Taylor Swift\nMobile Engineer | taylor.swift@example.com\n\nEXPERIENCE\n"
        "Senior Mobile Engineer\nAcme Health, Toronto | 2019 - Present\n"
        "- Built iOS apps in Swift and Kotlin; on-device ML with Core ML and PyTorch\n",
        encoding="utf-8",
    )
    args = ["skills", str(resume), "--format", "json", "--as-of", "2026-11", "--redact"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    skills = {skill["id"]: skill for skill in json.loads(result.stdout)["skills"]}
    assert "swift" in skills  # the id programs look skills up by
    assert skills["swift"]["evidence"][0]["text"].startswith("Built iOS apps in [redacted] and")
    assert "Taylor" not in result.stdout


def test_batch_workers_log_only_with_verbose(tmp_path: Path) -> None:
    folder = tmp_path / "resumes"
    folder.mkdir()
    for path in RESUMES:
        if path.suffix in (".txt", ".md"):
            shutil.copy(path, folder)
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 2

    def stderr(*verbose: str) -> str:
        args = ["batch", str(folder), "--jobs", "2", "--as-of", "2026-11", "--format", "csv"]
        result = subprocess.run(
            [sys.executable, "-m", "matcher", *verbose, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "2 processes" in result.stderr  # scored in worker processes, not this one
        return result.stderr

    loud = stderr("-v")
    for name in names:
        assert f"INFO matcher.pipeline: skills {name}: " in loud
    assert "INFO" not in stderr()


ADDRESS_RESUME = """\
Priya Natarajan
1200 Pine St, Apt 4, Seattle, WA 98101 | priya.natarajan@example.com | (206) 555-0142

EXPERIENCE
Machine Learning Engineer
Acme Health, Seattle, WA | 2019 - Present
- Built 3 PyTorch models for 20 hospitals on Azure
"""


@pytest.mark.parametrize("command", [["parse"], ["skills"], ["score"]])
def test_redact_removes_a_postal_address(tmp_path: Path, command: list[str]) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(ADDRESS_RESUME, encoding="utf-8")
    args = [command[0], str(resume), "--format", "json", "--as-of", "2026-11"]
    runner = CliRunner()
    plain = runner.invoke(cli, args).stdout
    redacted = runner.invoke(cli, [*args, "--redact"]).stdout
    address = ["1200 Pine", "Apt 4", "98101"]
    if command[0] == "parse":  # the only output that repeats the header line
        assert all(part in plain for part in address)
    assert [part for part in address if part in redacted] == []
    if command[0] != "parse":
        assert "Built 3 PyTorch models for 20 hospitals on Azure" in redacted


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_the_address_shapes_leave_ordinary_resume_lines_alone(path: Path) -> None:
    from matcher.output.redact import ADDRESS

    result = CliRunner().invoke(cli, ["parse", str(path), "--format", "json"])
    sections = json.loads(result.stdout)["sections"]
    assert sections
    assert [m.group() for s in sections for m in ADDRESS.finditer(s["text"])] == []
