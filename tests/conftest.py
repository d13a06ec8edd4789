"""Shared fixtures: the shipped taxonomy once per session, a CLI runner, file helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from skills_taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write ``text`` to ``tmp_path/name`` and return the path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/*.json from the current output instead of comparing.",
    )


GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, object], None]:
    """Compare data with tests/golden/NAME.json (or rewrite it with --update-golden)."""
    import json

    update = request.config.getoption("--update-golden")

    def _check(name: str, data: object) -> None:
        path = GOLDEN / f"{name}.json"
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        if update:
            GOLDEN.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path.name}: run pytest --update-golden"
        assert json.loads(text) == json.loads(path.read_text(encoding="utf-8")), (
            f"output differs from {path.name}; if intended, run pytest --update-golden"
        )

    return _check
