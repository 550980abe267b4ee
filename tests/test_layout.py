"""The house keeps its shape: regular packages, no import circle, the README's layout true."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
AUDIT = ROOT / "audit"


def _modules() -> dict[str, Path]:
    out = {}
    for path in AUDIT.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def _type_checking_only(node: ast.AST, tree: ast.Module) -> bool:
    for block in ast.walk(tree):
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test):
            if any(node is n for n in ast.walk(block)):
                return True
    return False


def import_graph() -> nx.DiGraph:
    """Module → module it imports (any import, lazy ones included; ``if TYPE_CHECKING`` left out).
    ``from package import submodule`` points at the submodule, not at the package's ``__init__``."""
    modules = _modules()

    def owner(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph = nx.DiGraph()
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom) or _type_checking_only(node, tree):
                continue
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif node.module and node.level == 0:
                subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
                targets = subs if len(subs) == len(node.names) else [node.module, *subs]
            else:
                continue
            for target in targets:
                found = owner(target) if target.startswith("audit") else ""
                if found and found != name:
                    graph.add_edge(name, found)
    return graph


def test_every_folder_of_modules_is_a_regular_package():
    missing = [str(d.relative_to(ROOT)) for d in AUDIT.rglob("*") if d.is_dir() and any(d.glob("*.py"))
               and not (d / "__init__.py").exists()]
    assert not missing, f"folders without __init__.py are left out of a wheel: {missing}"


def test_no_import_circle():
    cycles = list(nx.simple_cycles(import_graph()))
    assert not cycles, f"import circles: {cycles[:5]}"


def test_readme_layout_names_every_wing():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = text[text.index("## Layout"):text.index("## Developing")]
    wings = sorted(p.name + "/" for p in AUDIT.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    loose = sorted(p.name for p in AUDIT.glob("*.py") if p.name != "__init__.py")
    missing = [w for w in wings + loose if w not in layout]
    assert not missing, f"README's layout section does not name: {missing}"


LONG = 420  # lines; "no module over about 400 lines without a written reason" (issue 13)


def test_long_modules_say_why():
    """A module past ``LONG`` lines states why in its docstring ("Length: …")."""
    import ast as _ast

    silent = []
    for path in sorted(AUDIT.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > LONG and "Length:" not in (_ast.get_docstring(_ast.parse(text)) or ""):
            silent.append(f"{path.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    assert not silent, f"long modules without a written reason: {silent}"
