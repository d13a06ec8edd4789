"""The shipped sample resumes, end to end through the CLI: golden output and the contract.

Golden files live in tests/golden/; after an intended change, regenerate them with
``pytest --update-golden`` and read the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from matcher.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RESUMES = sorted((SAMPLES / "resumes").iterdir())
MANIFEST = {
    entry["file"]: entry for entry in json.loads((SAMPLES / "manifest.json").read_text())["resumes"]
}
AS_OF = "2026-11"
SCHEMA = json.loads(
    resources.files("matcher").joinpath("output/schemas/score-v1.schema.json").read_text()
)


def run(runner: CliRunner, *args: str) -> dict:
    result = runner.invoke(cli, [*args, "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def scores() -> dict[str, dict]:
    runner = CliRunner()
    return {path.name: run(runner, "score", str(path)) for path in RESUMES}


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_score_output_follows_the_contract(scores: dict[str, dict], path: Path) -> None:
    jsonschema.validate(scores[path.name], SCHEMA)


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_each_sample_fits_the_level_and_industry_it_was_written_for(
    scores: dict[str, dict], path: Path
) -> None:
    expected = MANIFEST[path.relative_to(SAMPLES).as_posix()]
    data = scores[path.name]
    assert data["best_level"] == expected["level"]
    assert data["best_industry"] == expected["industry"]
    assert data["experience"]["total_years"] == pytest.approx(expected["years"], abs=0.6)


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_score_matches_its_golden_file(
    scores: dict[str, dict], path: Path, golden: Callable[[str, object], None]
) -> None:
    golden(f"{path.stem}.score", scores[path.name])


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_skills_match_their_golden_file(path: Path, golden: Callable[[str, object], None]) -> None:
    data = run(CliRunner(), "skills", str(path))
    golden(f"{path.stem}.skills", sorted(skill["id"] for skill in data["skills"]))


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_parse_matches_its_golden_file(path: Path, golden: Callable[[str, object], None]) -> None:
    golden(f"{path.stem}.parse", run(CliRunner(), "parse", str(path)))


def test_redact_removes_the_candidate_everywhere() -> None:
    path = SAMPLES / "resumes" / "senior_healthcare_ananya_rao.pdf"
    plain = run(CliRunner(), "score", str(path))
    redacted = run(CliRunner(), "score", str(path), "--redact")
    text = json.dumps(redacted)
    for secret in (
        plain["candidate"]["name"],
        plain["candidate"]["email"],
        plain["candidate"]["phone"],
    ):
        assert secret  # the sample states it, so its absence below means something
        assert secret not in text
    assert "Rao" not in text and "Ananya" not in text
    assert redacted["levels"] == plain["levels"]


@pytest.mark.parametrize("path", [p for p in RESUMES if p.suffix == ".pdf"], ids=lambda p: p.name)
def test_both_pdf_engines_read_the_samples_alike(path: Path) -> None:
    runner = CliRunner()
    plumber = run(runner, "skills", str(path))
    pdfium = run(runner, "skills", str(path), "--engine", "pdfium")
    assert pdfium == plumber
    assert run(runner, "parse", str(path), "--engine", "pdfium") == run(runner, "parse", str(path))
