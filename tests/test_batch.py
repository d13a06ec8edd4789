"""``matcher batch``: the recruiter's command, as a recruiter runs it.

Runs use the sample resumes copied into ``tmp_path``.  ``--jobs 1`` scores in the test
process (its caches stay warm across tests); the few tests that need worker processes
share one pool of two, which joblib keeps between runs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest
from click.testing import CliRunner, Result

from matcher import batch
from matcher.batch import options as batch_options
from matcher.batch import run as batch_run
from matcher.batch import workers as batch_workers
from matcher.cli import cli
from matcher.output.files import CSV_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "resumes"
JOBS = ROOT / "samples" / "jobs"
AS_OF = ["--as-of", "2026-05"]
# The quick ones: text, Markdown and DOCX (PDF reading is the slow part of a run).
QUICK = (
    "genai_technology_rafael_mendes.md",
    "mle_healthcare_daniel_osei.txt",
    "head_of_ai_technology_miriam_castellanos.docx",
    "no_fit_teacher_hannah_whitfield.docx",
)
SAMPLE_COUNT = len(list(SAMPLES.iterdir()))


@pytest.fixture(scope="module")
def every_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Result]:
    """Every sample resume and a broken DOCX, ranked with ``--jobs 1`` into a JSONL file."""
    folder = tmp_path_factory.mktemp("every") / "resumes"
    shutil.copytree(SAMPLES, folder)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a docx")
    out = folder.parent / "one.jsonl"
    return folder, out, run(CliRunner(), folder, "--jobs", "1", "--out", out)


@pytest.fixture
def quick(tmp_path: Path) -> Path:
    """Four sample resumes that read fast, one of them in a subfolder."""
    folder = tmp_path / "quick"
    (folder / "docx").mkdir(parents=True)
    for name in QUICK:
        target = folder / ("docx" if name.endswith(".docx") else "") / name
        shutil.copy(SAMPLES / name, target)
    return folder


def run(runner: CliRunner, *args: str | Path, stdin: str | None = None) -> Result:
    return runner.invoke(cli, ["batch", *AS_OF, *map(str, args)], input=stdin)


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def level_score(item: dict[str, Any], level: str) -> float:
    return float(next(fit["score"] for fit in item["levels"] if fit["id"] == level))


def industry_score(item: dict[str, Any], industry: str) -> float:
    return float(next(fit["score"] for fit in item["industries"] if fit["id"] == industry))


# --- ranking ----------------------------------------------------------------------------


def test_ranks_every_sample_by_its_best_level(every_sample: tuple[Path, Path, Result]) -> None:
    _, out, result = every_sample
    assert result.exit_code == 1, result.stderr  # the broken DOCX
    assert result.stdout == ""  # --out given: the results are in the file
    *items, broken = jsonl(out)
    assert broken == {
        "file": "broken.docx",
        "error": {"code": "unreadable", "message": broken["error"]["message"]},
    }
    assert broken["error"]["message"].startswith("broken.docx: not a DOCX")
    assert len(items) == SAMPLE_COUNT
    best = [max(fit["score"] for fit in item["levels"]) for item in items]
    assert best == sorted(best, reverse=True)
    assert items[0]["file"] == "senior_healthcare_ananya_rao.pdf"
    assert {item["file"] for item in items[-3:]} == {
        "no_fit_business_analyst_priya_nair.docx",
        "no_fit_chef_giulia_ferraro.pdf",
        "no_fit_teacher_hannah_whitfield.docx",
    }
    schema = json.loads(
        resources.files("matcher").joinpath("output/schemas/score-v1.schema.json").read_text()
    )
    for item in items:
        jsonschema.validate(item, schema)  # each line is a `matcher score --format json`
    assert f"scored {SAMPLE_COUNT} of {SAMPLE_COUNT + 1} files" in result.stderr
    assert "resumes/s" in result.stderr


def test_a_jsonl_line_is_what_score_prints(runner: CliRunner, quick: Path) -> None:
    out = quick.parent / "ranked.jsonl"
    result = run(runner, quick, "--jobs", "1", "--level", "ai-architect", "--out", out)
    assert result.exit_code == 0, result.stderr
    line = next(item for item in jsonl(out) if item["file"] == "mle_healthcare_daniel_osei.txt")
    sample = quick / "mle_healthcare_daniel_osei.txt"
    alone = runner.invoke(
        cli, ["score", str(sample), *AS_OF, "--level", "ai-architect", "--format", "json"]
    )
    assert line == json.loads(alone.stdout)


@pytest.mark.parametrize(
    ("option", "value", "first"),
    [
        ("--level", "head-of-ai", "docx/head_of_ai_technology_miriam_castellanos.docx"),
        ("--industry", "healthcare", "mle_healthcare_daniel_osei.txt"),
        ("--job", str(JOBS / "llm_rag_engineer_saas.md"), "genai_technology_rafael_mendes.md"),
    ],
)
def test_ranks_by_the_target(
    runner: CliRunner, quick: Path, option: str, value: str, first: str
) -> None:
    result = run(runner, quick, "--jobs", "1", option, value, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert [row["rank"] for row in rows] == ["1", "2", "3", "4"]
    assert rows[0]["file"] == first
    scores = [float(row["score"]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    column = {"--level": "level_score", "--industry": "industry_score", "--job": "job_score"}
    assert [float(row[column[option]]) for row in rows] == scores


def test_a_required_skill_caps_the_job_score_of_a_resume_without_it(
    runner: CliRunner, quick: Path
) -> None:
    posting = ("--job", str(JOBS / "llm_rag_engineer_saas.md"), "--format", "csv")
    plain = {row["file"]: row for row in csv_rows(run(runner, quick, *posting).stdout)}
    result = run(runner, quick, *posting, "--require", "Retrieval-Augmented Generation,pytorch")
    assert result.exit_code == 0, result.stderr
    rows = {row["file"]: row for row in csv_rows(result.stdout)}
    capped = {name for name, row in rows.items() if row["missing_must_have"]}
    assert all(float(rows[name]["job_score"]) <= 35.0 for name in capped)
    assert all(float(plain[name]["job_score"]) > 35.0 for name in rows.keys() - capped)
    teacher = rows["docx/no_fit_teacher_hannah_whitfield.docx"]
    assert teacher["missing_must_have"] == "Retrieval-Augmented Generation (RAG); PyTorch"
    assert rows["genai_technology_rafael_mendes.md"]["missing_must_have"] == ""
    assert rows["genai_technology_rafael_mendes.md"]["rank"] == "1"


def test_the_table_says_which_must_have_skill_a_capped_resume_lacks(
    runner: CliRunner, quick: Path
) -> None:
    posting = ("--jobs", "1", "--job", str(JOBS / "llm_rag_engineer_saas.md"))
    plain = run(runner, quick, *posting)
    assert "lacks (must have)" not in plain.stdout
    result = run(runner, quick, *posting, "--require", "pytorch")
    assert result.exit_code == 0, result.stderr
    header, _, *lines = result.stdout.splitlines()
    assert "lacks (must have)" in header
    start, end = header.index("lacks (must have)"), header.index("best level")
    lacks = {line.split()[1]: line[start:end].strip() for line in lines}
    assert lacks["docx/no_fit_teacher_hannah_whitfield.docx"] == "PyTorch"
    assert lacks["genai_technology_rafael_mendes.md"] == "-"


def test_level_and_industry_together_rank_by_their_mean(runner: CliRunner, quick: Path) -> None:
    out = quick.parent / "ranked.jsonl"
    result = run(
        runner,
        quick,
        *("--jobs", "1", "--level", "senior-ai-engineer", "--industry", "healthcare"),
        *("--out", out, "--format", "csv"),
    )
    assert result.exit_code == 0, result.stderr
    rows, items = csv_rows(result.stdout), jsonl(out)
    assert [row["file"] for row in rows] == [item["file"] for item in items]
    for row, item in zip(rows, items, strict=True):
        mean = (level_score(item, "senior-ai-engineer") + industry_score(item, "healthcare")) / 2
        assert float(row["score"]) == pytest.approx(mean, abs=0.051)


def test_top_and_min_score_keep_the_best(runner: CliRunner, quick: Path) -> None:
    every = csv_rows(run(runner, quick, "--jobs", "1", "--format", "csv").stdout)
    top = csv_rows(run(runner, quick, "--jobs", "1", "--format", "csv", "--top", "2").stdout)
    assert top == every[:2]
    threshold = float(every[2]["score"])
    kept = run(runner, quick, "--jobs", "1", "--format", "csv", "--min-score", str(threshold))
    assert csv_rows(kept.stdout) == [row for row in every if float(row["score"]) >= threshold]
    assert len(csv_rows(kept.stdout)) == 3


def test_an_unknown_level_is_a_usage_error(runner: CliRunner, quick: Path) -> None:
    result = run(runner, quick, "--level", "wizard")
    assert result.exit_code == 2
    assert "'wizard' is not a level" in result.stderr


# --- outputs ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json"])
def test_every_output_format_is_valid_with_a_row_per_file(
    runner: CliRunner, quick: Path, suffix: str
) -> None:
    (quick / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not really a PDF")
    out = quick.parent / f"ranked{suffix}"
    result = run(runner, quick, "--jobs", "1", "--out", out)
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    if suffix == ".csv":
        rows = csv_rows(text)
        assert tuple(rows[0]) == CSV_COLUMNS
        files = [row["file"] for row in rows]
        assert rows[-1]["error_code"] == "unreadable"
        assert rows[-1]["rank"] == rows[-1]["score"] == ""
    else:
        items = jsonl(out) if suffix == ".jsonl" else json.loads(text)
        files = [item["file"] for item in items]
        assert items[-1]["error"]["code"] == "unreadable"
        assert set(items[-1]) == {"file", "error"}
    assert len(files) == len(QUICK) + 1
    assert files[-1] == "broken.pdf"
    assert "docx/head_of_ai_technology_miriam_castellanos.docx" in files
    assert str(quick) not in text  # names are relative to the folder, never absolute
    assert not [p.name for p in quick.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_corrupt_file_is_an_error_row_and_exit_1(runner: CliRunner, quick: Path) -> None:
    (quick / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not really a PDF")
    (quick / "empty.txt").write_bytes(b"")
    result = run(runner, quick, "--jobs", "1")
    assert result.exit_code == 1
    table = result.stdout.splitlines()
    assert [line.split()[1] for line in table[-2:]] == ["broken.pdf", "empty.txt"]
    assert "unreadable: broken.pdf:" in result.stdout
    assert f"scored {len(QUICK)} of {len(QUICK) + 2} files" in result.stderr
    assert "failed 2: unreadable 2" in result.stderr
    assert "  broken.pdf: " in result.stderr


def test_other_files_are_skipped_with_a_reason(runner: CliRunner, quick: Path) -> None:
    (quick / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (quick / ".DS_Store").write_bytes(b"\0\0")
    (quick / "docx" / "~$ad_of_ai.docx").write_bytes(b"lock")
    (quick / "README").write_text("not a resume", encoding="utf-8")
    os.mkfifo(quick / "pipe.txt")  # would block whoever opens it
    out = quick.parent / "ranked.json"
    result = run(runner, quick, "--jobs", "1", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(QUICK)
    lines = result.stderr.splitlines()
    assert "skipped 5: hidden 1, lock file 1, special file 1, unsupported type 2" in lines, (
        result.stderr
    )
    formats = "PDF, DOCX, TXT, Markdown, PNG, JPEG or TIFF"
    assert f"  notes.xlsx: unsupported type '.xlsx' ({formats} are read)" in lines
    assert "  docx/~$ad_of_ai.docx: an Office lock file" in lines
    assert "  pipe.txt: not a regular file (a pipe or a device)" in lines


def test_glob_chooses_files_in_folders(runner: CliRunner, quick: Path) -> None:
    result = run(runner, quick, "--jobs", "1", "--glob", "*.DOCX", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert sorted(row["file"] for row in csv_rows(result.stdout)) == [
        "docx/head_of_ai_technology_miriam_castellanos.docx",
        "docx/no_fit_teacher_hannah_whitfield.docx",
    ]


def test_a_list_of_paths_on_stdin(runner: CliRunner, quick: Path) -> None:
    listed = [quick / "mle_healthcare_daniel_osei.txt", quick / "docx" / QUICK[2]]
    result = run(runner, "-", "--jobs", "1", "--format", "jsonl", stdin="\n".join(map(str, listed)))
    assert result.exit_code == 0, result.stderr
    files = sorted(json.loads(line)["file"] for line in result.stdout.splitlines())
    assert files == ["docx/head_of_ai_technology_miriam_castellanos.docx", QUICK[1]]


def test_no_inputs_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    assert run(runner).exit_code == 2
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    result = run(runner, tmp_path)
    assert result.exit_code == 2
    assert "no resume files (PDF, DOCX, TXT, Markdown, PNG, JPEG or TIFF) to score" in result.stderr
    assert "skipped notes.xlsx: unsupported type '.xlsx'" in result.stderr


def test_an_unknown_output_extension_is_a_usage_error(runner: CliRunner, quick: Path) -> None:
    result = run(runner, quick, "--out", quick.parent / "ranked.xlsx")
    assert result.exit_code == 2
    assert "must end in .csv, .jsonl or .json" in result.stderr


def test_symlink_loops_and_unreadable_folders_are_skipped(
    runner: CliRunner, quick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (quick / "docx" / "loop").symlink_to(quick, target_is_directory=True)
    (quick / "gone.pdf").symlink_to(quick / "nowhere.pdf")
    locked = quick / "locked"
    locked.mkdir()
    scandir = os.scandir

    def refuse(path: Any) -> Any:  # root reads any folder: refuse this one by hand
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    result = run(runner, quick, "--jobs", "1", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert len(csv_rows(result.stdout)) == len(QUICK)
    assert "  docx/loop: folder already scanned (a symbolic-link loop)" in result.stderr
    assert "  gone.pdf: broken symbolic link" in result.stderr
    assert "  locked: cannot read folder: Permission denied" in result.stderr


def test_redact_reaches_every_output(runner: CliRunner, quick: Path) -> None:
    out, page = quick.parent / "ranked.csv", quick.parent / "report.html"
    result = run(runner, quick, "--jobs", "1", "--redact", "--out", out, "--html", page)
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert {row["candidate"] for row in rows} == {"[redacted]"}
    assert {row["email"] for row in rows} == {"[redacted]"}
    html = page.read_text(encoding="utf-8")
    for secret in ("Daniel Osei", "Osei", "daniel.osei@example.com", "Castellanos"):
        assert secret not in html
        assert secret not in out.read_text(encoding="utf-8")


# --- parallel runs, the cache, interrupts, time limits ----------------------------------


def test_the_output_is_the_same_for_any_number_of_jobs(
    runner: CliRunner, every_sample: tuple[Path, Path, Result]
) -> None:
    resumes, one, _ = every_sample
    two = resumes.parent / "two.jsonl"
    second = run(runner, resumes, "--jobs", "2", "--out", two)
    assert second.exit_code == 1
    assert one.read_bytes() == two.read_bytes()
    assert len(jsonl(two)) == SAMPLE_COUNT + 1
    assert "(0.0 resumes/s" not in second.stderr
    assert "2 processes" in second.stderr


def test_the_cache_skips_files_already_scored(
    runner: CliRunner, quick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (quick / "broken.pdf").write_bytes(b"%PDF-1.7\n not a PDF")
    cache, out = quick.parent / "cache", quick.parent / "ranked.jsonl"
    first = run(runner, quick, "--jobs", "1", "--cache", cache, "--out", out)
    assert first.exit_code == 1, first.stderr
    assert "from the cache" not in first.stderr
    before = out.read_bytes()

    from matcher import pipeline

    scored: list[Path] = []
    analyse = pipeline.analyse_resume

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        scored.append(path)
        return analyse(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_resume", counting)
    (quick / "mle_healthcare_daniel_osei.txt").rename(quick / "renamed.txt")
    again = run(runner, quick, "--jobs", "1", "--cache", cache, "--out", out)
    assert again.exit_code == 1, again.stderr
    assert scored == []
    assert f"; {len(QUICK) + 1} from the cache" in again.stderr
    assert out.read_bytes() == before.replace(b"mle_healthcare_daniel_osei.txt", b"renamed.txt")
    assert "\n  broken.pdf: " in again.stderr

    # Other bytes, or another option, are another score.
    (quick / "renamed.txt").write_text("Jo Bloggs\nPython developer, 2 years\n", encoding="utf-8")
    third = run(runner, quick, "--jobs", "1", "--cache", cache, "--out", out)
    assert [path.name for path in scored] == ["renamed.txt"]
    fourth = run(runner, quick, "--jobs", "1", "--cache", cache, "--region", "uk")
    assert third.exit_code == fourth.exit_code == 1
    assert len(scored) == 1 + len(QUICK) + 1


def test_the_cache_is_kept_by_the_score_settings(quick: Path) -> None:
    from matcher.batch.cache import ResultCache
    from matcher.batch.inputs import collect_inputs
    from matcher.score.settings import LevelSettings, ScoreSettings

    cache = ResultCache(quick.parent / "cache")
    inputs = collect_inputs([quick]).files

    def scores(options: batch.AnalysisOptions) -> dict[str, tuple[bool, float]]:
        results = batch.run_batch(inputs, options, jobs=1, cache=cache)
        return {r.file: (r.cached, r.data["levels"][0]["score"]) for r in results if r.data}

    shipped = scores(batch.AnalysisOptions(as_of=date(2026, 11, 1)))
    assert shipped and not any(cached for cached, _ in shipped.values())
    assert all(
        cached for cached, _ in scores(batch.AnalysisOptions(as_of=date(2026, 11, 1))).values()
    )
    floorless = batch.AnalysisOptions(
        as_of=date(2026, 11, 1), settings=ScoreSettings(levels=LevelSettings(relevance_floor=0.0))
    )
    other = scores(floorless)
    assert not any(cached for cached, _ in other.values())
    teacher = "docx/no_fit_teacher_hannah_whitfield.docx"
    assert other[teacher][1] < shipped[teacher][1]


# --- what "Present" means, file by file ------------------------------------------------


class NextYear(date):
    """A clock a year on: what a batch run again later sees."""

    @classmethod
    def today(cls) -> NextYear:
        return cls(date.today().year + 1, 6, 15)


def dated_docx(path: Path, modified: dt.datetime) -> Path:
    document = docx.Document()
    for line in ("Ravi Menon", "Experience", "Data Analyst, Acme Analytics, Jan 2012 - Present"):
        document.add_paragraph(line)
    document.core_properties.modified = modified
    document.save(str(path))
    return path


@pytest.fixture
def dated(tmp_path: Path) -> Path:
    """A resume saved in June 2015, one dated in the future, and a text file (no date)."""
    folder = tmp_path / "dated"
    folder.mkdir()
    dated_docx(folder / "saved_2015.docx", dt.datetime(2015, 6, 3, tzinfo=dt.UTC))
    dated_docx(folder / "future.docx", dt.datetime(2099, 1, 1, tzinfo=dt.UTC))
    shutil.copy(SAMPLES / "mle_healthcare_daniel_osei.txt", folder / "plain.txt")
    return folder


def test_each_row_says_what_present_meant(runner: CliRunner, dated: Path) -> None:
    out, page = dated.parent / "ranked.csv", dated.parent / "report.html"
    result = runner.invoke(
        cli, ["batch", str(dated), "--jobs", "1", "--out", str(out), "--html", str(page)]
    )
    assert result.exit_code == 0, result.stderr
    rows = {row["file"]: row for row in csv_rows(out.read_text(encoding="utf-8"))}
    this_month = date.today().strftime("%Y-%m")
    assert (rows["saved_2015.docx"]["as_of"], rows["saved_2015.docx"]["as_of_source"]) == (
        "2015-06",
        "document",
    )
    assert rows["saved_2015.docx"]["years"] == str(round(42 / 12, 1))
    for name in ("future.docx", "plain.txt"):
        assert (rows[name]["as_of"], rows[name]["as_of_source"]) == (this_month, "today")
    html = page.read_text(encoding="utf-8")
    assert '<td data-sort="2015-06">2015-06 <span class="quote">file date</span></td>' in html
    assert html.count('<span class="quote">today</span></td>') == 2
    table = runner.invoke(cli, ["batch", str(dated), "--jobs", "1"])
    assert "2015-06 (file date)" in table.stdout

    chosen = runner.invoke(
        cli, ["batch", str(dated), "--jobs", "1", "--as-of", "2016-01", "--format", "jsonl"]
    )
    assert chosen.exit_code == 0, chosen.stderr
    items = [json.loads(line) for line in chosen.stdout.splitlines()]
    assert {(item["as_of"], item["as_of_source"]) for item in items} == {("2016-01", "option")}


def test_the_cache_is_kept_by_the_month_present_means(
    runner: CliRunner, dated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = dated.parent / "cache"
    command = ["batch", str(dated), "--jobs", "1", "--cache", str(cache), "--format", "jsonl"]
    first = runner.invoke(cli, command)
    assert first.exit_code == 0, first.stderr
    assert "from the cache" not in first.stderr
    # A year on, without --as-of, "Present" is another month for the files without a
    # believable date of their own: a cached score would be a year short.
    monkeypatch.setattr(batch_options, "date", NextYear)
    later = runner.invoke(cli, command)
    assert later.exit_code == 0, later.stderr
    assert "from the cache" not in later.stderr
    items = {item["file"]: item for item in map(json.loads, later.stdout.splitlines())}
    assert items["plain.txt"]["as_of"] == NextYear.today().strftime("%Y-%m")
    assert items["saved_2015.docx"]["as_of"] == "2015-06"
    # With --as-of, the clock decides nothing: the second run is served from the cache.
    fixed = [*command, "--as-of", "2016-01"]
    assert runner.invoke(cli, fixed).exit_code == 0
    monkeypatch.setattr(batch_options, "date", date)
    again = runner.invoke(cli, fixed)
    assert again.exit_code == 0, again.stderr
    assert "; 3 from the cache" in again.stderr


SECRETS = ("Daniel Osei", "Osei", "daniel.osei@example.com", "555-0163", "Castellanos")


def cached_text(cache: Path) -> str:
    return "".join(entry.read_text(encoding="utf-8") for entry in sorted(cache.rglob("*.json")))


@pytest.mark.parametrize("first", ["plain", "redacted"])
def test_redact_holds_on_cache_hits(runner: CliRunner, quick: Path, first: str) -> None:
    cache = quick.parent / "cache"
    options = {
        "plain": ["--jobs", "1", "--cache", cache, "--format", "jsonl"],
        "redacted": ["--jobs", "1", "--cache", cache, "--format", "jsonl", "--redact"],
    }
    order = ["plain", "redacted"] if first == "plain" else ["redacted", "plain"]
    scored = {name: run(runner, quick, *options[name]) for name in order}
    hits = {name: run(runner, quick, *options[name]) for name in order}
    for name in order:
        assert scored[name].exit_code == hits[name].exit_code == 0, hits[name].stderr
        assert "from the cache" not in scored[name].stderr  # each has entries of its own
        assert f"; {len(QUICK)} from the cache" in hits[name].stderr
        assert hits[name].stdout == scored[name].stdout
    for secret in SECRETS:
        assert secret in hits["plain"].stdout
        assert secret not in hits["redacted"].stdout
    rows = [json.loads(line) for line in hits["redacted"].stdout.splitlines()]
    assert {row["candidate"]["email"] for row in rows} == {"[redacted]"}


def test_with_redact_alone_the_cache_holds_no_contact_details(
    runner: CliRunner, quick: Path
) -> None:
    cache = quick.parent / "cache"
    for _ in range(2):
        result = run(runner, quick, "--jobs", "1", "--cache", cache, "--redact", "--format", "csv")
        assert result.exit_code == 0, result.stderr
    assert f"; {len(QUICK)} from the cache" in result.stderr
    stored = cached_text(cache)
    assert "[redacted]" in stored
    for secret in SECRETS:
        assert secret not in stored
    assert {row["candidate"] for row in csv_rows(result.stdout)} == {"[redacted]"}


def test_the_pipeline_is_built_once_per_process(runner: CliRunner, quick: Path) -> None:
    from matcher.score.profiles import build_model
    from matcher.skills.pipeline import _build_pipeline as build_pipeline

    extra = quick.parent / "acme.yaml"
    extra.write_text("version: acme-1\nskills:\n  - id: python\n    aliases: [snakelang]\n")
    pipelines, models = build_pipeline.cache_info().misses, build_model.cache_info().misses
    result = run(runner, quick, "--jobs", "1", "--taxonomy", extra, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(QUICK)
    versions = {json.loads(line)["taxonomy_version"] for line in result.stdout.splitlines()}
    assert [version.endswith("+acme-1") for version in versions] == [True]
    assert build_pipeline.cache_info().misses == pipelines + 1  # for acme-1, not per file
    assert build_model.cache_info().misses == models + 1


def interrupted_after(count: int) -> Any:
    real = batch.run_batch

    def run_batch(*args: Any, **kwargs: Any) -> Iterator[batch.FileResult]:
        stream = real(*args, **kwargs)
        for index, result in enumerate(stream):
            if index == count:
                stream.close()
                raise KeyboardInterrupt
            yield result

    return run_batch


@pytest.mark.parametrize("suffix", [".json", ".csv", ".jsonl"])
def test_an_interrupt_keeps_every_finished_row(
    runner: CliRunner, quick: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.setattr(batch_run, "run_batch", interrupted_after(2))
    out, page = quick.parent / f"ranked{suffix}", quick.parent / "report.html"
    result = run(runner, quick, "--jobs", "1", "--out", out, "--html", page)
    assert result.exit_code == 130
    assert "interrupted: 2 of 4 files done; every finished row is kept" in result.stderr
    text = out.read_text(encoding="utf-8")
    if suffix == ".json":
        assert len(json.loads(text)) == 2
    elif suffix == ".jsonl":
        assert len(jsonl(out)) == 2
    else:
        assert len(csv_rows(text)) == 2
    assert "Interrupted" in page.read_text(encoding="utf-8")


def test_results_are_on_disk_while_the_run_goes_on(
    runner: CliRunner, quick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matcher.output import files as results

    out = quick.parent / "ranked.json"
    seen: list[int] = []
    real = batch.run_batch

    def watching(*args: Any, **kwargs: Any) -> Iterator[batch.FileResult]:
        for result in real(*args, **kwargs):
            seen.append(len(json.loads(out.read_text(encoding="utf-8"))))
            yield result

    monkeypatch.setattr(batch_run, "run_batch", watching)
    monkeypatch.setattr(results, "DEFAULT_CHECKPOINT_SECONDS", 0.0)
    monkeypatch.setattr(results, "DEFAULT_CHECKPOINT_BACKOFF", 0.0)
    result = run(runner, quick, "--jobs", "1", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert seen == [0, 1, 2, 3]  # before each new row, the file held every earlier one
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 4


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_time_limit_is_an_error_row(
    runner: CliRunner, quick: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setitem(batch_workers._TEST_STALL, "mle_healthcare_daniel_osei.txt", 120.0)
    result = run(runner, quick, "--jobs", jobs, "--timeout", "5", "--format", "csv")
    assert result.exit_code == 1
    rows = csv_rows(result.stdout)
    assert len(rows) == len(QUICK)
    assert rows[-1]["file"] == "mle_healthcare_daniel_osei.txt"
    assert rows[-1]["error_code"] == "timeout"
    assert "not done after 5 s" in rows[-1]["error_message"]
    assert all(row["error_code"] == "" for row in rows[:-1]), rows
    assert "failed 1: timeout 1" in result.stderr


# --- the HTML report --------------------------------------------------------------------

HOSTILE = """\
Eve <script>alert("name")</script> O'Hara
eve@example.com
SUMMARY
Machine learning engineer. <img src=x onerror=alert(1)> "quotes" & ampersands
EXPERIENCE
ML Engineer, <b>Evil</b> Corp — 2020-01 to Present
- Built PyTorch models </td></tr><script>alert(2)</script> for fraud detection in finance
SKILLS
Python, PyTorch, SQL, <iframe src="https://example.com">
"""


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes |= {name for name, _ in attrs}
        self.scripts += tag == "script"


@pytest.fixture
def hostile_report(runner: CliRunner, quick: Path) -> Path:
    (quick / "eve<script>.txt").write_text(HOSTILE, encoding="utf-8")
    page = quick.parent / "report.html"
    result = run(runner, quick, "--jobs", "1", "--html", page, "--level", "senior-ai-engineer")
    assert result.exit_code == 0, result.stderr
    return page


def test_the_report_escapes_resume_text(hostile_report: Path) -> None:
    html = hostile_report.read_text(encoding="utf-8")
    parser = Collector()
    parser.feed(html)
    assert parser.scripts == 1  # the page's own, nothing from a resume
    assert not {"img", "iframe", "b"} & set(parser.tags)
    assert "&lt;script&gt;" in html
    assert "eve&lt;script&gt;.txt" in html
    assert not {"src", "href", "onerror", "onclick"} & parser.attributes  # nothing loads or runs
    assert html.count('<tbody class="candidate">') == len(QUICK) + 1
    assert "<details><summary>Evidence and gaps</summary>" in html


CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium")
def test_the_report_runs_in_a_browser_without_errors(hostile_report: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        *("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"),
        *("--disable-component-update", "--disable-sync", "--no-first-run"),
        f"--user-data-dir={tmp_path / 'profile'}",
        *("--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000"),
        "--dump-dom",
        hostile_report.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    assert "Refused to" not in done.stderr  # the policy lets the page's own script run
    assert 'data-sortable="true"' in done.stdout  # ... which ran


# --- Dask -------------------------------------------------------------------------------


def test_dask_gives_the_same_results_as_local_processes(runner: CliRunner, quick: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local, remote = quick.parent / "local.jsonl", quick.parent / "dask.jsonl"
    (quick / "broken.pdf").write_bytes(b"%PDF-1.7\n not a PDF")
    assert run(runner, quick, "--jobs", "1", "--out", local).exit_code == 1
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        result = run(runner, quick, "--dask-scheduler", cluster.scheduler_address, "--out", remote)
    assert result.exit_code == 1, result.stderr
    assert remote.read_bytes() == local.read_bytes()
    assert f"Dask at {cluster.scheduler_address}" in result.stderr


def test_dask_without_the_extra_says_what_to_install(
    runner: CliRunner, quick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = run(runner, quick, "--dask-scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "error: --dask-scheduler needs Dask's distributed scheduler" in result.stderr
    assert "hint: pip install 'ai-role-matcher[dask]'" in result.stderr


# --- the library ------------------------------------------------------------------------


def test_names_stay_unique_across_folders(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "cv.txt").write_text("x", encoding="utf-8")
    both = batch.collect_inputs([tmp_path / "a", tmp_path / "b"])
    assert [item.name for item in both.files] == ["a/cv.txt", "b/cv.txt"]
    one = batch.collect_inputs([tmp_path / "a"])
    assert [item.name for item in one.files] == ["cv.txt"]
    same = batch.collect_inputs([tmp_path / "a", tmp_path / "a" / "cv.txt"])
    assert [item.name for item in same.files] == ["cv.txt"]
    assert [(s.name, s.reason) for s in same.skipped] == [("cv.txt", "same file as cv.txt")]
