"""The layering rules: the core knows nothing of the terminal (STYLE.md §1), the
writers know nothing of the batch, no two modules import each other, the stages run one way
(read, parse, skills, score, then batch and output, then the commands), and the taxonomy's
package knows nothing of ``matcher``.

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
CLI = ROOT / "matcher" / "cli"
RENDER = ROOT / "matcher" / "render.py"


def allowed_terminal(path: Path) -> set[str]:
    """What of the terminal a module may import: the CLI package all of it, render rich."""
    if path.is_relative_to(CLI):
        return {"click", "rich", "tqdm"}
    return {"rich"} if path == RENDER else set()


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
    names = {str(path.relative_to(ROOT)) for path in SOURCES}
    assert {"matcher/cli/group.py", "matcher/errors.py", "skills_taxonomy/loader.py"} <= names
    assert {"matcher/batch/run.py", "matcher/output/files.py"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_cli_touches_the_terminal(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = allowed_terminal(path)
    assert imported_roots(tree) & TERMINAL_MODULES <= allowed
    if not allowed and path.name != "__main__.py":
        assert not calls(tree) & {"print", "exit", "sys.exit", "os._exit", "input"}


def test_errors_module_imports_nothing_of_the_package() -> None:
    tree = ast.parse(ROOT.joinpath("matcher", "errors.py").read_text(encoding="utf-8"))
    assert not imported_roots(tree) & {"matcher", "skills_taxonomy"}


# --- imports between our own modules ------------------------------------------------------

PACKAGE = ROOT / "matcher"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str) -> set[str]:
    """The modules of ``matcher`` that ``name`` imports, at its top or inside a function
    (``from matcher.x import y`` counts as ``matcher.x.y`` when that is a module, and as
    ``matcher.x`` too when it is not)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = {f"{base}.{alias.name}" for alias in node.names}
            # "from matcher.read import ocr" imports the module ocr, not the package's names
            found |= names if names <= MODULES.keys() else names | {base}
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imported_modules(name) for name in MODULES}


def test_the_import_graph_is_read() -> None:
    assert "matcher.output.rows" in GRAPH["matcher.batch.ranking"]
    assert "matcher.batch.workers" in GRAPH["matcher.batch.run"]


def test_the_writers_do_not_import_the_batch() -> None:
    output = [name for name in GRAPH if name.startswith("matcher.output")]
    assert output
    for name in output:
        assert not {m for m in GRAPH[name] if m.startswith(("matcher.batch", "matcher.cli"))}, name


def test_no_two_modules_import_each_other() -> None:
    cycles = {
        frozenset((name, other))
        for name, imported in GRAPH.items()
        for other in imported
        if name in GRAPH[other]
    }
    assert cycles == set()


def test_no_cycle_through_more_modules() -> None:
    """Depth-first search for a way back."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(GRAPH[name]):
            if state.get(other) == 1:
                loop = [*path[path.index(other) :], other]
                raise AssertionError(" -> ".join(loop))
            if other not in state:
                visit(other, [*path, other])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])


# --- the stages run one way -----------------------------------------------------------------

STAGES = (
    # the package itself (its version; its public names are imported lazily, by name),
    # the document every stage passes on, and every failure with its exit code
    ("matcher", "matcher.document", "matcher.errors"),
    ("matcher.read",),
    ("matcher.parse",),
    ("matcher.skills",),
    ("matcher.score",),
    ("matcher.batch", "matcher.output", "matcher.pool", "matcher.pipeline"),
    # the terminal's renderer belongs with the commands, its only users
    ("matcher.web", "matcher.cli", "matcher.render", "matcher.__main__"),
)
"""The stages in the order a resume goes through them: a module imports only from its own
stage or an earlier one (STYLE.md §9; the modules of one group may import each other)."""
KNOWN_BACKWARD_IMPORTS: set[tuple[str, str]] = set()
"""(importer, imported) pairs where an earlier stage imports a later one, each with a
comment naming why; none today."""


def stage(name: str) -> int:
    """The index in :data:`STAGES` of the module ``name`` (by its longest matching prefix)."""
    found = [
        (len(prefix), index)
        for index, prefixes in enumerate(STAGES)
        for prefix in prefixes
        if name == prefix or (prefix != "matcher" and name.startswith(f"{prefix}."))
    ]
    assert found, f"{name} is in no stage: add it to STAGES"
    return max(found)[1]


def test_every_module_has_a_stage() -> None:
    assert stage("matcher.read.ocr") == 1
    assert stage("matcher.score.job") == 4
    for name in GRAPH:
        stage(name)


def test_no_stage_imports_a_later_one() -> None:
    backward = {
        (name, other)
        for name, imported in GRAPH.items()
        for other in imported
        if stage(other) > stage(name)
    }
    assert backward == KNOWN_BACKWARD_IMPORTS


TAXONOMY = ROOT / "skills_taxonomy"


def test_the_taxonomy_package_imports_nothing_of_matcher() -> None:
    importers = [
        str(path.relative_to(ROOT))
        for path in sorted(TAXONOMY.rglob("*.py"))
        if "matcher" in imported_roots(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert importers == []
