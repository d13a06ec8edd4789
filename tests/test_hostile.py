"""Hostile input: every file of the corpus gets its exit code and a one-line reason from
``score``, and ``batch`` finishes the rest with a clear error row for each."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import cli
from tests.hostile import add_batch_traps, build_corpus

ROOT = Path(__file__).resolve().parent.parent
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0  # root reads files without permission


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, str]]]:
    folder = tmp_path_factory.mktemp("hostile")
    expected = build_corpus(folder)
    if AS_ROOT:
        expected["no-permission.txt"] = (0, "")
    yield folder, expected
    (folder / "no-permission.txt").chmod(0o600)


NAMES = sorted(build_corpus.__globals__["EXPECTED"])


@pytest.mark.parametrize("name", NAMES)
def test_score_gives_the_documented_exit_code_and_one_line(
    corpus: tuple[Path, dict[str, tuple[int, str]]], name: str
) -> None:
    folder, expected = corpus
    code, message = expected[name]
    result = CliRunner().invoke(cli, ["score", str(folder / name), "--format", "json"])
    assert "Traceback" not in result.stderr
    if name == "deeply-nested.pdf":  # scored or refused; never a crash
        assert result.exit_code in (0, 3)
        return
    assert result.exit_code == code, result.stderr
    if code:
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"error: {name}: ") and message in first
        assert result.stdout == ""
    else:
        assert json.loads(result.stdout)["file"] == name


def test_batch_finishes_the_rest_with_an_error_row_each(
    corpus: tuple[Path, dict[str, tuple[int, str]]], tmp_path: Path
) -> None:
    source, expected = corpus
    folder = tmp_path / "in"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("no-permission.txt"))
    shutil.copy(ROOT / "samples" / "resumes" / "mle_healthcare_daniel_osei.txt", folder)
    traps = add_batch_traps(folder)
    out = tmp_path / "rows.jsonl"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    rows = {row["file"]: row for row in map(json.loads, out.read_text().splitlines())}
    assert (
        "mle_healthcare_daniel_osei.txt" in rows
        and "error" not in rows["mle_healthcare_daniel_osei.txt"]
    )
    failed = {
        name
        for name, (code, _) in expected.items()
        if code and name not in ("no-permission.txt", "deeply-nested.pdf")
    }
    assert failed <= rows.keys()
    for name in failed:
        assert rows[name]["error"]["message"].startswith(f"{name}: "), name
    assert any(trap.startswith("caf") for trap in traps)
