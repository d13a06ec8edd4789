"""Privacy: no network, ever; --redact leaves no trace of who the candidate is."""

from __future__ import annotations

import json
import socket
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
