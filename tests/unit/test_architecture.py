"""The package's import contract: one folder per stage, the model free of machinery, no import loop.

Imports are read from the source with ``ast``, every ``import`` statement wherever it stands: at the
top of a module, inside a function (a late import), under ``if TYPE_CHECKING``. So a loop broken by
a late import is still a loop here, and a type-only import still counts as a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "generator" / "thidua"

# What each folder of the package may import, besides itself and the shared modules at the top (vocabulary, text, clock,
# problems, ordering). The CLI (cli.py) may import anything; nothing imports it.
SHARED = {"thidua.vocabulary", "thidua.text", "thidua.clock", "thidua.problems", "thidua.ordering", "thidua"}
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "evaluation": {"model"},
    "speed": set(),
    "records": {"speed", "model"},  # cross-checks read a valid plan through the model
    "outputs": {"model", "evaluation", "records", "repo", "speed"},
    "repo": {"model", "records"},
    "documents": {"model", "evaluation", "outputs", "records", "speed"},
    "site": {"model", "evaluation", "outputs", "records", "repo", "speed", "documents"},
}
# The model may import only the vocabulary, text helpers and the clock: not even problems.
MODEL_MAY_IMPORT = {"thidua.vocabulary", "thidua.text", "thidua.clock"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every thidua module ``path`` imports, anywhere in the file, resolved to its full name."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "thidua"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "thidua":
                continue
            modules = {f"{target}.{alias.name}" for alias in node.names if _is_module(f"{target}.{alias.name}")}
            found |= modules  # "from . import x" imports the module x (its package's __init__ too, which holds no code here)
            if len(modules) < len(node.names):
                found.add(target)  # a name defined in the module ``target``
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent / Path(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


GRAPH = {_module_name(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def _folder(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else None


def test_the_graph_is_read_from_every_module() -> None:
    """Every module of the package is read, and the graph sees late imports (cli.py imports its verbs inside functions)."""
    assert "thidua.cli" in GRAPH and "thidua.site.build" in GRAPH["thidua.cli"]
    assert len(GRAPH) == len(list(PACKAGE.rglob("*.py")))


def test_the_model_imports_only_vocabulary_text_and_clock() -> None:
    """model/ is plain frozen data: it imports nothing of validation, the cache, evaluation or the site."""
    wrong = {
        (module, target)
        for module, targets in GRAPH.items()
        if _folder(module) == "model"
        for target in targets
        if _folder(target) != "model" and target not in MODEL_MAY_IMPORT
    }
    assert wrong == set()


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_each_folder_imports_only_what_its_stage_may(folder: str) -> None:
    """model/ and evaluation/ import nothing from records/, speed/ or site/; each stage only from the stages before it."""
    wrong = set()
    for module, targets in GRAPH.items():
        if _folder(module) != folder:
            continue
        for target in targets:
            other = _folder(target)
            if target == "thidua.cli" or (other is not None and other != folder and other not in ALLOWED[folder]):
                wrong.add((module, target))
            if other is None and target not in SHARED and target != "thidua.cli":
                wrong.add((module, target))
    assert wrong == set()


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (or a module importing itself), Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_there_is_no_import_loop() -> None:
    """No module imports, directly or through others (late imports included), a module that imports it."""
    assert _cycles(GRAPH) == []


def test_a_late_import_loop_would_be_seen() -> None:
    """The loop finder sees a loop made only of late imports (as validate ↔ crosscheck once was)."""
    graph = {"a": {"b"}, "b": {"a"}, "c": set()}
    assert _cycles(graph) == [["a", "b"]]
    source = "def f():\n    from .other import thing\n"
    tree = ast.parse(source)
    assert any(isinstance(node, ast.ImportFrom) and node.module == "other" for node in ast.walk(tree))
