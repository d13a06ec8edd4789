"""The talent pool (``matcher pool``) on SQLite and, where one is given, PostgreSQL.

PostgreSQL runs when ``MATCHER_TEST_POSTGRES`` names a database the tests may empty
(``.ci/run`` starts one on loopback and sets it).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from matcher.cli import cli
from matcher.pool import Pool, PoolError
from matcher.pool.pool import candidate_groups
from matcher.pool.store import SCHEMA_VERSION, database_url, meta, resume_skills, resumes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "resumes"
JOBS = ROOT / "samples" / "jobs"
AS_OF = ("--as-of", "2026-05")
QUICK = (
    "genai_technology_rafael_mendes.md",
    "mle_healthcare_daniel_osei.txt",
    "head_of_ai_technology_miriam_castellanos.docx",
    "no_fit_teacher_hannah_whitfield.docx",
)
POSTGRES = os.environ.get("MATCHER_TEST_POSTGRES")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES, reason="MATCHER_TEST_POSTGRES is not set"),
    ),
]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty pool's --db value on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "pool.sqlite")
        return
    assert POSTGRES is not None
    engine = sa.create_engine(database_url(POSTGRES))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS resume_skills, resumes, meta CASCADE")
    engine.dispose()
    yield POSTGRES


@pytest.fixture
def quick(tmp_path: Path) -> Path:
    folder = tmp_path / "quick"
    folder.mkdir()
    for name in QUICK:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def pool(runner: CliRunner, db: str, *args: str | Path) -> Result:
    return runner.invoke(cli, ["pool", *map(str, args), "--db", db])


def add(runner: CliRunner, db: str, *sources: Path, extra: tuple[str, ...] = ()) -> Result:
    return runner.invoke(
        cli, ["pool", "add", *map(str, sources), "--db", db, "--jobs", "1", *AS_OF, *extra]
    )


def stored(db: str) -> list[sa.Row[tuple[object, ...]]]:
    engine = sa.create_engine(database_url(db))
    with engine.begin() as connection:
        rows = connection.execute(sa.select(resumes).order_by(resumes.c.id)).all()
    engine.dispose()
    return list(rows)


@pytest.mark.parametrize(
    "target",
    [
        ("--level", "senior-ai-engineer"),
        ("--job", str(JOBS / "llm_rag_engineer_saas.md")),
        ("--job", str(JOBS / "head_of_ai_finance.txt"), "--industry", "finance"),
    ],
    ids=["level", "job", "job+industry"],
)
def test_rank_writes_what_batch_writes_byte_for_byte(
    runner: CliRunner, db: str, quick: Path, tmp_path: Path, target: tuple[str, ...]
) -> None:
    assert add(runner, db, quick).exit_code == 0
    for suffix in (".csv", ".json"):
        by_batch, by_pool = tmp_path / f"batch{suffix}", tmp_path / f"pool{suffix}"
        ran = runner.invoke(
            cli, ["batch", str(quick), *target, *AS_OF, "--jobs", "1", "--out", str(by_batch)]
        )
        assert ran.exit_code == 0, ran.output
        ranked = pool(runner, db, "rank", *target, *AS_OF, "--out", by_pool)
        assert ranked.exit_code == 0, ranked.output
        assert by_pool.read_bytes() == by_batch.read_bytes()


def test_a_pool_ranks_with_the_settings_a_batch_scores_with(quick: Path, tmp_path: Path) -> None:
    from dataclasses import replace
    from datetime import date

    from matcher.batch import AnalysisOptions, collect_inputs, run_batch
    from matcher.pipeline import read_job
    from matcher.pool import RankQuery, rank_pool
    from matcher.score.job import JOB_SETTINGS
    from matcher.score.settings import ScoreSettings
    from skills_taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    job = read_job(JOBS / "senior_ml_engineer_healthcare.md", taxonomy)
    text_only = {key: float(key == "text") for key in JOB_SETTINGS.weights}
    settings = ScoreSettings(job=replace(JOB_SETTINGS, weights=text_only))
    shipped = AnalysisOptions(as_of=date(2026, 11, 1))
    mine = replace(shipped, settings=settings)
    inputs = collect_inputs([quick]).files

    def batch_scores(options: AnalysisOptions) -> dict[str, float]:
        results = run_batch(inputs, replace(options, job=job), jobs=1)
        return {r.file: r.data["job"]["score"] for r in results if r.data}

    with Pool.open(f"sqlite:///{tmp_path / 'pool.sqlite'}") as opened:
        list(opened.add(inputs, shipped, jobs=1))
        ranked = {}
        for options in (shipped, mine):
            ranking = rank_pool(opened, RankQuery(job=job), taxonomy, options)
            ranked[options] = {r.file: r.data["job"]["score"] for r in ranking.results if r.data}
    assert ranked[shipped] == batch_scores(shipped)
    assert ranked[mine] == batch_scores(mine)
    assert ranked[mine] != ranked[shipped]


def test_adding_again_reads_nothing_and_a_changed_file_replaces_its_entry(
    runner: CliRunner, db: str, quick: Path
) -> None:
    first = add(runner, db, quick)
    assert first.exit_code == 0, first.output
    assert "4 added" in first.output
    again = add(runner, db, quick)
    assert "4 unchanged" in again.output and "added" not in again.output.split(";")[0]
    text = quick / "mle_healthcare_daniel_osei.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nKubernetes and Terraform\n")
    changed = add(runner, db, quick)
    assert "1 replaced, 3 unchanged" in changed.output
    rows = stored(db)
    assert len(rows) == 4
    mine = next(row for row in rows if row.name == text.name)
    skills = json.loads(mine.headline)["skills"]
    assert "kubernetes" in skills


def test_the_same_candidate_twice_is_reported_and_ranked_once(
    runner: CliRunner, db: str, quick: Path, tmp_path: Path
) -> None:
    original = quick / "mle_healthcare_daniel_osei.txt"
    newer = tmp_path / "later" / "daniel_osei_2026.txt"
    newer.parent.mkdir()
    newer.write_text(original.read_text(encoding="utf-8") + "\nAlso: Airflow.\n")
    assert add(runner, db, quick).exit_code == 0
    result = add(runner, db, newer)
    assert "duplicate? daniel_osei_2026.txt and mle_healthcare_daniel_osei.txt" in result.output
    groups = pool(runner, db, "list", "--duplicates", "--format", "json")
    assert [[m["name"] for m in g] for g in json.loads(groups.output)] == [
        ["mle_healthcare_daniel_osei.txt", "daniel_osei_2026.txt"]
    ]
    os.utime(original, (1, 1))  # make the first one clearly the older file
    once = pool(
        runner, db, "rank", "--level", "machine-learning-engineer", *AS_OF, "--format", "csv"
    )
    names = [line.split(",")[0] for line in once.stdout.splitlines()[1:]]
    assert len(names) == 4
    assert "1 older resumes of the same candidates left out" in once.output
    every = pool(
        runner, db, "rank", "--level", "machine-learning-engineer", *AS_OF, "--every-version",
        "--format", "csv",
    )  # fmt: skip
    assert len(every.stdout.splitlines()) == 1 + 5


def test_require_and_min_years_filter_and_say_how_many(
    runner: CliRunner, db: str, quick: Path
) -> None:
    assert add(runner, db, quick).exit_code == 0
    result = pool(
        runner, db, "rank", "--level", "senior-ai-engineer", "--require", "PyTorch",
        "--min-years", "3", *AS_OF, "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows, "some sample shows PyTorch with 3+ years"
    for row in rows:
        assert "pytorch" in {skill["id"] for skill in row["skills"]}
        assert row["experience"]["total_years"] >= 3
    assert "without every --require skill left out" in result.output


def test_a_stale_entry_is_analysed_again_from_its_lines(
    runner: CliRunner, db: str, quick: Path, tmp_path: Path
) -> None:
    assert add(runner, db, quick).exit_code == 0
    before = pool(runner, db, "rank", "--level", "head-of-ai", *AS_OF, "--format", "csv").stdout
    engine = sa.create_engine(database_url(db))
    with engine.begin() as connection:
        connection.execute(sa.update(resumes).values(analysis="older", version="older"))
    engine.dispose()
    listed = pool(runner, db, "list", "--format", "json")
    assert all(item["stale"] for item in json.loads(listed.output))
    for item in quick.iterdir():
        item.unlink()  # the files are gone: only the stored lines are left
    after = pool(runner, db, "rank", "--level", "head-of-ai", *AS_OF, "--format", "csv")
    assert "4 analysed again first" in after.output
    assert after.stdout == before
    assert {row.analysis for row in stored(db)} != {"older"}


def test_remove_and_show(runner: CliRunner, db: str, quick: Path) -> None:
    assert add(runner, db, quick).exit_code == 0
    entry = next(row for row in stored(db) if row.name == "mle_healthcare_daniel_osei.txt")
    shown = pool(runner, db, "show", str(entry.id), "--format", "json")
    assert json.loads(shown.output)["file"] == "mle_healthcare_daniel_osei.txt"
    assert json.loads(shown.output)["schema_version"] == 1
    assert json.loads(shown.output)["candidate"]["name"] == "Daniel Osei"
    hidden = pool(runner, db, "show", str(entry.id), "--redact", "--format", "json")
    assert json.loads(hidden.output)["candidate"]["name"] == "[redacted]"
    assert "Osei" not in hidden.output
    removed = pool(runner, db, "remove", "mle_healthcare_daniel_osei.txt")
    assert "removed 1; the pool holds 3 resumes" in removed.output
    missing = pool(runner, db, "remove", "nobody.pdf")
    assert missing.exit_code == 2 and "no entry 'nobody.pdf'" in missing.output


def test_a_file_that_fails_is_reported_and_the_others_are_kept(
    runner: CliRunner, db: str, quick: Path
) -> None:
    (quick / "broken.docx").write_bytes(b"PK\x03\x04 not a docx")
    result = add(runner, db, quick)
    assert result.exit_code == 1
    assert "failed broken.docx:" in result.output
    assert "4 added, 1 failed" in result.output
    assert len(stored(db)) == 4


def test_a_redacted_pool_stores_no_contact_details(runner: CliRunner, db: str, quick: Path) -> None:
    assert add(runner, db, quick, extra=("--redact",)).exit_code == 0
    secrets = ("Daniel Osei", "Osei", "daniel", "@")
    for row in stored(db):
        blobs = [zlib.decompress(row.document), zlib.decompress(row.report), row.text.encode()]
        for blob in blobs:  # the file name is the user's: kept
            text = blob.decode("utf-8").casefold().replace(row.name.casefold(), "")
            for secret in secrets:
                assert secret.casefold() not in text, (row.name, secret)


def test_rank_needs_a_target_and_an_existing_pool(runner: CliRunner, tmp_path: Path) -> None:
    no_pool = pool(runner, str(tmp_path / "none.sqlite"), "rank", "--level", "head-of-ai")
    assert no_pool.exit_code == 2 and "no pool at" in no_pool.output
    no_target = pool(runner, str(tmp_path / "none.sqlite"), "rank")
    assert (
        no_target.exit_code == 2 and "--job FILE, --level ID or --industry ID" in no_target.output
    )


def test_a_pool_from_a_newer_matcher_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pool.sqlite"
    Pool.open(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    with pytest.raises(PoolError, match="newer than this matcher"):
        Pool.open(str(path))
    engine = sa.create_engine(database_url(str(path)))
    with engine.begin() as connection:
        assert connection.execute(sa.select(meta.c.value)).scalar() == str(SCHEMA_VERSION + 1)


def test_candidates_are_grouped_by_email_phone_or_near_text() -> None:
    keys = [
        ("a", None, 0b1111),
        (None, "p", 1 << 40),
        ("a", "p", 1 << 20),  # joins the first two
        (None, None, 0b1111 ^ 0b111),  # three bits from the first: near
        (None, None, -1),  # far from everything
    ]
    groups = candidate_groups(keys)
    assert groups[:4] == [0, 0, 0, 0]
    assert groups[4] == 4


def test_search_reads_skills_and_words_and_shows_the_lines(
    runner: CliRunner, db: str, quick: Path
) -> None:
    assert add(runner, db, quick).exit_code == 0
    result = pool(runner, db, "search", "k8s pipelines", "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits and 'match Kubernetes + "pipelines"' in result.output
    for hit in hits:
        assert hit["skills"]["kubernetes"], "each hit shows the lines that prove the skill"
        assert all("kubernetes" in line.lower() for line in hit["skills"]["kubernetes"])
        assert hit["words"]["pipelines"]
        assert all("pipeline" in line.lower() for line in hit["words"]["pipelines"])
    everyone = {row.name for row in stored(db)}
    assert {hit["file"] for hit in hits} < everyone  # the teacher shows no Kubernetes
    senior = pool(runner, db, "search", "kubernetes", "--min-years", "10", "--format", "json")
    assert all(hit["years"] >= 10 for hit in json.loads(senior.stdout))
    nothing = pool(runner, db, "search", "kubernetes zyzzyva", "--format", "json")
    assert json.loads(nothing.stdout) == []


def test_a_pool_file_inside_the_folder_added_is_left_out(runner: CliRunner, quick: Path) -> None:
    db = str(quick / "pool.sqlite")
    assert add(runner, db, quick).exit_code == 0
    again = add(runner, db, quick)
    assert again.exit_code == 0
    assert "skipped" not in again.output and "4 unchanged" in again.output


def test_an_interrupt_keeps_every_file_added_before_it(
    runner: CliRunner, db: str, quick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matcher.pool import pool as pool_module

    real = pool_module.run_batch

    def interrupted(*args: object, **kwargs: object) -> Iterator[object]:
        stream = real(*args, **kwargs)  # type: ignore[arg-type]
        for index, result in enumerate(stream):
            if index == 2:
                stream.close()
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(pool_module, "run_batch", interrupted)
    result = add(runner, db, quick)
    assert result.exit_code == 130
    assert len(stored(db)) == 2
    monkeypatch.setattr(pool_module, "run_batch", real)
    assert "2 added, 2 unchanged" in add(runner, db, quick).output


def test_a_write_that_fails_leaves_the_pool_as_it_was_before_it(
    db: str, quick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matcher.batch.inputs import collect_inputs
    from matcher.batch.options import AnalysisOptions

    calls = []
    real = Pool._index

    def failing(self: Pool, connection: object, entry_id: int, entry: object) -> None:
        calls.append(entry_id)
        real(self, connection, entry_id, entry)  # type: ignore[arg-type]
        if len(calls) == 3:
            raise RuntimeError("the disk is full")

    monkeypatch.setattr(Pool, "_index", failing)
    with Pool.open(db) as opened, pytest.raises(RuntimeError, match="disk is full"):
        for _ in opened.add(collect_inputs([quick]).files, AnalysisOptions(), jobs=1):
            pass
    rows = stored(db)
    assert len(rows) == 2
    engine = sa.create_engine(database_url(db))
    with engine.begin() as connection:
        owners = {row.resume_id for row in connection.execute(sa.select(resume_skills))}
    engine.dispose()
    assert owners == {row.id for row in rows}
