"""The layering rule of STYLE.md §1: the core knows nothing of the terminal.

Checked by parsing the sources with ``ast`` (not with ``sys.modules``: importing spaCy
pulls click in through typer, which says nothing about our own code).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [*ROOT.joinpath("matcher").rglob("*.py"), *ROOT.joinpath("skills_taxonomy").rglob("*.py")]
)
TERMINAL_MODULES = {"click", "rich", "tqdm"}
ALLOWED = {"cli.py": {"click", "rich", "tqdm"}, "render.py": {"rich"}}


def imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def calls(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                names.add(f"{func.value.id}.{func.attr}")
    return names


def test_sources_are_found() -> None:
    names = {path.name for path in SOURCES}
    assert {"cli.py", "errors.py", "loader.py"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_cli_touches_the_terminal(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = ALLOWED.get(path.name, set()) if path.parent.name == "matcher" else set()
    assert imported_roots(tree) & TERMINAL_MODULES <= allowed
    if path.name not in ALLOWED and path.name != "__main__.py":
        assert not calls(tree) & {"print", "exit", "sys.exit", "os._exit", "input"}


def test_errors_module_imports_nothing_of_the_package() -> None:
    tree = ast.parse(ROOT.joinpath("matcher", "errors.py").read_text(encoding="utf-8"))
    assert not imported_roots(tree) & {"matcher", "skills_taxonomy"}
