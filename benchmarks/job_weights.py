"""The job score's weights, judged on jobs they were not fitted on.

A job score is ``L * sum(w_k * c_k) / sum(w_k)`` over its components ``c_k``
(:func:`matcher.score.job.job_components`), where ``L`` scales down a short resume
(:func:`matcher.score.job.length_scale`).  The order of two resumes depends on ``w``
linearly: a pairwise model learns it.  For every two resumes of one job whose judgements
differ (a recruiter's 1-7 on FERR; matched over unmatched on rjdb), the difference of their
``L * c_k`` is a sample; a logistic regression without intercept on
those differences gives ``w`` (negative coefficients clipped to 0, the rest scaled to sum
to 1).  Both sets weigh the same in the fit, whatever their number of pairs.

:func:`cross_validate` splits the jobs (FERR) and rows (rjdb) into folds, fits on the
others, and scores the held-out ones with the product's formula: the numbers it reports
are for jobs the weights never saw.  ``bench_score`` reports them beside the shipped
weights' own; ``python benchmarks/job_weights.py`` prints the weights fitted on all the dev
judgements (what a change of ``JobSettings.weights`` should start from).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.score.job import JOB_SETTINGS, length_scale  # noqa: E402

COMPONENTS = tuple(JOB_SETTINGS.weights)
FOLDS = 5
REGULARISATION = 0.3
"""``C`` of the logistic regression.  Stronger than sklearn's default 1.0: the components'
scales differ (``text``, a cosine, stays near 0.1 on a keyword posting), and an unregularised
fit gives the smallest of them a large weight that the held-out jobs do not bear out; with
0.3 the weights agree better from fold to fold and on the jobs left out (0.1, chosen by most
inner folds of a nested cross-validation, did as well on FERR and worse on rjdb)."""


@dataclass(frozen=True)
class Judged:
    """One resume scored against one job, with what a person said of the pair."""

    group: str
    """The job (FERR) or the row (rjdb): pairs are only formed inside a group."""
    judgement: float
    components: Mapping[str, float]

    @property
    def length(self) -> float:
        return float(length_scale(np.array(self.components.get("length", 1.0))))

    def features(self) -> np.ndarray:
        return self.length * np.array([self.components[key] for key in COMPONENTS])

    def score(self, weights: Mapping[str, float]) -> float:
        total = sum(weights[key] for key in COMPONENTS)
        summed = sum(weights[key] * self.components[key] for key in COMPONENTS)
        return self.length * summed / total


def _differences(rows: Sequence[Judged]) -> np.ndarray:
    """``x_better - x_worse`` for every two rows of one group whose judgements differ."""
    groups: dict[str, list[Judged]] = defaultdict(list)
    for row in rows:
        groups[row.group].append(row)
    found = [
        better.features() - worse.features()
        for members in groups.values()
        for better in members
        for worse in members
        if better.judgement > worse.judgement
    ]
    return np.array(found).reshape(-1, len(COMPONENTS))


def fit_weights(*sets: Sequence[Judged]) -> dict[str, float]:
    """Weights from the pairs of every set, each set weighing the same in the fit."""
    blocks = [_differences(rows) for rows in sets]
    blocks = [block for block in blocks if len(block)]
    if not blocks:
        raise ValueError("no two judgements of one job differ: nothing to fit")
    samples = np.vstack([np.vstack([block, -block]) for block in blocks])
    labels = np.concatenate([np.r_[np.ones(len(block)), np.zeros(len(block))] for block in blocks])
    balance = np.concatenate([np.full(2 * len(block), 1.0 / len(block)) for block in blocks])
    model = LogisticRegression(C=REGULARISATION, fit_intercept=False)
    model.fit(samples, labels, sample_weight=balance * len(samples) / balance.sum())
    coefficients = np.clip(model.coef_[0], 0.0, None)
    if coefficients.sum() <= 0:
        return dict(JOB_SETTINGS.weights)
    coefficients /= coefficients.sum()
    return {
        key: round(float(value), 3) for key, value in zip(COMPONENTS, coefficients, strict=True)
    }


def _folds(rows: Sequence[Judged], folds: int) -> list[set[str]]:
    """The groups split into ``folds`` sets, in their order of first appearance."""
    groups = list(dict.fromkeys(row.group for row in rows))
    return [set(groups[index::folds]) for index in range(folds)]


def cross_validate(
    ferr: Sequence[Judged], rjdb: Sequence[Judged], *, folds: int = FOLDS
) -> dict[str, Any]:
    """Held-out scores of every row: each fold's rows scored with weights fitted on the rest."""
    held_out: dict[int, float] = {}
    chosen = []
    ferr_folds, rjdb_folds = _folds(ferr, folds), _folds(rjdb, folds)
    for ferr_test, rjdb_test in zip(ferr_folds, rjdb_folds, strict=True):
        weights = fit_weights(
            [row for row in ferr if row.group not in ferr_test],
            [row for row in rjdb if row.group not in rjdb_test],
        )
        chosen.append(weights)
        for row in (*ferr, *rjdb):
            if row.group in ferr_test or row.group in rjdb_test:
                held_out[id(row)] = row.score(weights)
    return {
        "ferr": [held_out[id(row)] for row in ferr],
        "rjdb": [held_out[id(row)] for row in rjdb],
        "weights_per_fold": chosen,
    }


def main() -> int:
    from benchmarks.bench_score import judged_pairs
    from benchmarks.common import DEFAULT_DATA

    ferr, rjdb = judged_pairs(DEFAULT_DATA)
    if not ferr and not rjdb:
        print(f"job_weights: no FERR or rjdb data under {DEFAULT_DATA}", file=sys.stderr)
        return 0
    print("fitted on every dev judgement:", fit_weights(ferr, rjdb))
    print("shipped:", dict(JOB_SETTINGS.weights))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
