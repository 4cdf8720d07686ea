"""The package's layers: imports run from the surfaces down to the model, never up, never in a cycle."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[2] / "kg"
# Lowest first; a module may import from its own layer or a lower one.
LAYERS = ("model", "lexicon", "text", "extract", "build", "graph", "uses", "api", "cli", "__init__", "__main__")
RANK = {"model": 0, "lexicon": 0, "text": 1, "extract": 2, "build": 3, "graph": 4, "uses": 5,
        "api": 6, "cli": 7, "__init__": 8, "__main__": 8}


def _module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)


def _layer(module: str) -> str:
    return module.split(".")[1] if "." in module else "__init__"


def _imports(path: Path) -> set[str]:
    """The kg modules a file imports, lazy imports inside functions included."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
            assert node.level == 0, f"{path}: relative import"
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if (KG.parent / (full.replace(".", "/") + ".py")).exists()
                        or (KG.parent / full.replace(".", "/")).is_dir() else node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "kg"}
    return out


GRAPH = {_module_name(p): _imports(p) for p in sorted(KG.rglob("*.py"))}


def test_package_layers_every_module_sits_in_a_known_layer():
    assert {_layer(m) for m in GRAPH if m != "kg"} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_package_layers_no_module_imports_one_above_it(module):
    if module == "kg":
        return
    up = [m for m in GRAPH[module] if m != "kg" and RANK[_layer(m)] > RANK[_layer(module)]]
    assert not up, f"{module} imports {up}, a layer above it"


def test_package_layers_no_import_cycle():
    seen, stack, cycles = set(), [], []

    def visit(m):
        if m in stack:
            cycles.append(stack[stack.index(m):] + [m])
            return
        if m in seen:
            return
        seen.add(m)
        stack.append(m)
        for n in sorted(GRAPH.get(m, ())):
            visit(n)
        stack.pop()

    for m in sorted(GRAPH):
        visit(m)
    assert not cycles, f"import cycles: {cycles}"
