"""``--spacy-model NAME``: no trained model is needed, an installed one is used, a missing one
is a usage error that says what to do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "resumes" / "mle_healthcare_daniel_osei.txt"
AS_OF = ["--as-of", "2026-11"]
MISSING = "no_such_spacy_model_xyz"
COMMANDS = [
    ["score"],
    ["gaps", "--level", "ai-architect"],
    ["skills"],
    ["batch", "--jobs", "1"],
]


@pytest.fixture(scope="module")
def model_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spaCy pipeline package on disk, as `spacy.load` takes it: blank English, no network."""
    import spacy

    folder = tmp_path_factory.mktemp("models") / "blank_en_pipeline"
    spacy.blank("en").to_disk(folder)
    return folder


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_model_that_is_not_installed_is_a_usage_error_with_a_hint(command: list[str]) -> None:
    args = [command[0], str(SAMPLE), *command[1:], *AS_OF, "--spacy-model", MISSING]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: spaCy model '{MISSING}' is not installed",
        f"hint: install it with `python -m spacy download {MISSING}`, or leave out "
        "--spacy-model: matcher needs no trained model.",
    ]


def test_the_missing_model_is_reported_before_a_missing_resume(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["skills", str(tmp_path / "nowhere.pdf"), "--spacy-model", MISSING]
    )
    assert result.exit_code == 2
    assert "is not installed" in result.stderr


def run_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, [*args, *AS_OF])
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


JOB = ROOT / "samples" / "jobs" / "llm_rag_engineer_saas.md"


@pytest.mark.parametrize(
    "command",
    [["skills"], ["score", "--level", "ai-architect"], ["score", "--job", str(JOB)]],
    ids=["skills", "score", "score-job"],
)
def test_an_installed_pipeline_finds_the_same_skills(
    model_folder: Path, command: list[str]
) -> None:
    args = [command[0], str(SAMPLE), *command[1:], "--format", "json"]
    blank = run_json(*args)
    with_model = run_json(*args, "--spacy-model", str(model_folder))
    assert blank["skills"]  # the comparison compares something
    assert with_model == blank


def test_batch_uses_the_model_and_keys_the_cache_by_it(model_folder: Path, tmp_path: Path) -> None:
    from matcher import pipeline

    folder = tmp_path / "resumes"
    folder.mkdir()
    shutil.copy(SAMPLE, folder)
    cache = tmp_path / "cache"
    runner = CliRunner()

    def batch(*extra: str) -> str:
        result = runner.invoke(
            cli, ["batch", str(folder), "--jobs", "1", "--cache", str(cache), *AS_OF, *extra]
        )
        assert result.exit_code == 0, result.stderr
        return result.stderr

    models: list[str | None] = []
    skills = pipeline.resume_skills

    def recording(*args: object, spacy_model: str | None = None, **kwargs: object) -> object:
        models.append(spacy_model)
        return skills(*args, spacy_model=spacy_model, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "resume_skills", recording)
        assert "from the cache" not in batch("--format", "jsonl")
        assert "from the cache" not in batch(
            "--format", "jsonl", "--spacy-model", str(model_folder)
        )
        assert "1 from the cache" in batch("--format", "jsonl", "--spacy-model", str(model_folder))
    assert models == [None, str(model_folder)]


def test_a_job_posting_is_read_with_the_model_too(model_folder: Path) -> None:
    from matcher.errors import UsageError
    from matcher.pipeline import read_job
    from skills_taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    with pytest.raises(UsageError, match="not installed"):
        read_job(JOB, taxonomy, spacy_model=MISSING)
    blank = read_job(JOB, taxonomy)
    assert blank.required  # the comparison compares something
    assert read_job(JOB, taxonomy, spacy_model=str(model_folder)).to_dict() == blank.to_dict()
