"""Same input, same bytes: across runs, across input order, across ``--jobs``.

Each run that must match another starts in a fresh process where it matters: string hashing
is salted per process (``PYTHONHASHSEED``), so a set iterated into the output would differ
between processes and never within one.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "resumes"
JOB = ROOT / "samples" / "jobs" / "senior_ml_engineer_healthcare.md"
AS_OF = ["--as-of", "2026-05"]
FORMATS = ("json", "jsonl", "csv")
# Fast to read (no PDF), in three formats, one in a subfolder, plus a file that fails.
RESUMES = (
    "genai_technology_rafael_mendes.md",
    "mle_healthcare_daniel_osei.txt",
    "head_of_ai_technology_miriam_castellanos.docx",
    "no_fit_teacher_hannah_whitfield.docx",
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    top = tmp_path_factory.mktemp("determinism") / "resumes"
    (top / "docx").mkdir(parents=True)
    for name in RESUMES:
        shutil.copy(SAMPLES / name, top / ("docx" if name.endswith(".docx") else "") / name)
    (top / "broken.pdf").write_bytes(b"%PDF-1.7\n not a PDF")
    return top


def files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def batch(
    out: Path, sources: list[str], *options: str, stdin: str | None = None
) -> dict[str, bytes]:
    """Every output format of ``matcher batch`` on the same inputs, as bytes: on stdout
    (``--format``) and in the ``--out`` file (written in the folder ``out``)."""
    outputs: dict[str, bytes] = {}
    for fmt in FORMATS:
        target = out / f"ranked.{fmt}"
        args = ["batch", *sources, *AS_OF, "--job", str(JOB), "--format", fmt, "--out", str(target)]
        result = CliRunner().invoke(cli, [*args, *options], input=stdin)
        assert result.exit_code == 1, result.stderr  # broken.pdf
        outputs[f"stdout {fmt}"] = result.stdout_bytes
        outputs[f"--out .{fmt}"] = target.read_bytes()
        target.unlink()
    return outputs


def test_batch_output_is_the_same_whatever_the_order_of_its_inputs(
    folder: Path, tmp_path: Path
) -> None:
    listed = [str(path) for path in files(folder)]
    shuffled = listed.copy()
    random.Random(8).shuffle(shuffled)
    assert shuffled not in (listed, listed[::-1])
    expected = batch(tmp_path, [str(folder)], "--jobs", "1")
    assert b'"broken.pdf"' in expected["--out .json"]  # the error row is part of it
    assert b"docx/head_of_ai_technology_miriam_castellanos.docx" in expected["stdout csv"]
    runs = {
        "files in order": batch(tmp_path, listed, "--jobs", "1"),
        "files reversed": batch(tmp_path, listed[::-1], "--jobs", "1"),
        "files shuffled": batch(tmp_path, shuffled, "--jobs", "1"),
        "stdin reversed": batch(tmp_path, ["-"], "--jobs", "1", stdin="\n".join(listed[::-1])),
        "stdin shuffled, NUL": batch(tmp_path, ["-"], "--jobs", "1", stdin="\0".join(shuffled)),
    }
    for how, outputs in runs.items():
        assert outputs == expected, how


def test_batch_output_is_the_same_for_one_or_two_workers(folder: Path, tmp_path: Path) -> None:
    one = batch(tmp_path, [str(folder)], "--jobs", "1")
    two = batch(tmp_path, list(map(str, files(folder)))[::-1], "--jobs", "2")
    assert one == two


def score_json(seed: str) -> bytes:
    resume = SAMPLES / "senior_healthcare_ananya_rao.pdf"
    args = ["score", str(resume), "--job", str(JOB), "--format", "json", *AS_OF]
    result = subprocess.run(
        [sys.executable, "-m", "matcher", *args],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_score_json_is_byte_identical_across_runs() -> None:
    first, second = score_json("1"), score_json("2")
    assert b'"schema_version": 1' in first
    assert first == second
