"""The benchmark runner's own logic: no data, no timing, nothing measured.

``make bench`` runs the benchmarks; these tests only check that the runner compares two runs
in the direction that is better for each metric, and leaves results alone without data.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def runner() -> ModuleType:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(REPO))
        return importlib.import_module("benchmarks.run")


def results(**metrics: tuple[Any, str, str]) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "date": "2026-01-01 00:00 UTC",
        "options": {"limit": None},
        "metrics": {
            key: {"value": value, "better": better, "kind": kind, "label": key}
            for key, (value, better, kind) in metrics.items()
        },
    }


def test_compare_judges_each_metric_in_its_own_direction(runner: ModuleType) -> None:
    old = results(
        precision=(0.50, "higher", "quality"),
        mae=(2.0, "lower", "quality"),
        seconds=(1.00, "lower", "time"),
        rate=(4.0, "higher", "time"),
    )
    new = results(
        precision=(0.55, "higher", "quality"),
        mae=(2.5, "lower", "quality"),
        seconds=(0.50, "lower", "time"),
        rate=(3.0, "higher", "time"),
    )
    lines = runner.compare(old, new).splitlines()
    better, worse = lines.index("better (2):"), lines.index("worse (2):")
    assert {line.split()[0] for line in lines[better + 1 : better + 3]} == {"precision", "seconds"}
    assert {line.split()[0] for line in lines[worse + 1 : worse + 3]} == {"mae", "rate"}


def test_a_small_timing_change_is_noise_but_any_quality_change_counts(runner: ModuleType) -> None:
    old = results(seconds=(1.00, "lower", "time"), f1=(0.500, "higher", "quality"))
    new = results(seconds=(1.05, "lower", "time"), f1=(0.499, "higher", "quality"))
    lines = runner.compare(old, new).splitlines()
    worse = lines.index("worse (1):")
    noise = next(i for i, line in enumerate(lines) if line.startswith("timings within 10%"))
    assert "f1" in lines[worse + 1]
    assert "seconds" in lines[noise + 1]


def test_metrics_in_one_run_only_are_named(runner: ModuleType) -> None:
    text = runner.compare(
        results(gone=(1.0, "higher", "quality")), results(new=(1.0, "higher", "quality"))
    )
    assert "only in the old run: gone" in text
    assert "only in the new run: new" in text


def test_without_data_it_says_so_and_writes_nothing(
    runner: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert runner.main(["--data", str(tmp_path / "missing"), "--out", str(out)]) == 0
    assert "no dev data" in capsys.readouterr().err
    assert not out.exists()


def test_quality_rows_put_ours_beside_every_reference(runner: ModuleType) -> None:
    report = {
        "rjdb": {
            "rows": 300,
            "ours": {"mae": 0.4},
            "reference": {"mae": 3.6},
        }
    }
    (mae,) = [row for row in runner.quality_rows("years", report) if "MAE" in row["label"]]
    assert mae["n"] == 300 and mae["better"] == "lower"
    assert mae["values"] == {
        "years.rjdb.ours.mae": ("ours", 0.4),
        "years.rjdb.reference.mae": ("date-range regex", 3.6),
    }


@pytest.fixture(scope="module")
def job_weights() -> ModuleType:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(REPO))
        return importlib.import_module("benchmarks.job_weights")


def test_fitted_job_weights_follow_the_component_the_judgements_follow(
    job_weights: ModuleType,
) -> None:
    # Ten jobs of six resumes each: the judgement rises with "text" alone; the other
    # components are noise.  The fit must put most of the weight on "text".
    rng = np.random.default_rng(7)
    keys = job_weights.COMPONENTS
    rows = []
    for job in range(10):
        for _ in range(6):
            components = {key: float(rng.random()) for key in keys}
            judgement = round(components["text"] * 6) + 1
            rows.append(job_weights.Judged(f"job-{job}", judgement, components))
    weights = job_weights.fit_weights(rows)
    assert sum(weights.values()) == pytest.approx(1.0, abs=0.01)
    assert max(weights, key=weights.get) == "text"
    assert weights["text"] > 0.6
    held_out = job_weights.cross_validate(rows, rows, folds=5)
    assert len(held_out["ferr"]) == len(rows)
    texts = [row.components["text"] for row in rows]
    assert np.corrcoef(held_out["ferr"], texts)[0, 1] > 0.8
