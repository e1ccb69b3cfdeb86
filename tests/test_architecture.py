"""Architecture lint, run with the tests: carepath's module graph has no
import cycles (function-local imports count: a cycle that only bites at call
time is still a cycle a reader must untangle), every function-local import in
carepath code says why it is local (``# heavy: torch`` or ``# lazy: ...``; an
import a reader cannot see at the top of the file needs a reason), no function
outside tests/ and bench/ runs over 80 lines, and released prompt templates are
never edited in place (their recorded hash pins the wording each draft's
provenance names).

Each checker is a plain function over plain data, and each has a test that
feeds it a known-bad input, so a checker that can no longer say no is itself
caught.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MAX_FUNCTION_LINES = 80
RELEASED = REPO / "carepath" / "prompts" / "released.json"
_TEMPLATE = re.compile(r"^(?P<name>[a-z0-9_]+)\.v(?P<version>\d+)\.j2$")


# ------------------------------------------------------------------ sources

def package_dirs() -> dict[str, Path]:
    """Import package → source folder, from pyproject's package-dir (the four
    code folders sit at the repo root but import as ``carepath.<folder>``)."""
    cfg = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    return {pkg: REPO / folder for pkg, folder in cfg["package-dir"].items()}


def module_files() -> dict[str, Path]:
    """Every carepath module name → its source file."""
    roots = package_dirs()
    out: dict[str, Path] = {}
    for pkg, root in roots.items():
        for path in sorted(root.rglob("*.py")):
            rel = path.relative_to(root).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            if "__pycache__" in rel.parts:
                continue
            name = ".".join([pkg, *parts])
            # a folder mapped to its own package is owned by that mapping
            if any(name == other or name.startswith(other + ".")
                   for other in roots if other != pkg and other.startswith(pkg + ".")):
                continue
            out[name] = path
    return out


# ------------------------------------------------------------------ import graph

def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _resolve(name: str, modules: set[str]) -> str | None:
    """The longest known module that ``name`` is or lies inside."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imported_modules(tree: ast.AST, module: str, path: Path, modules: set[str]) -> set[str]:
    """carepath modules ``tree`` imports anywhere (top level, in functions,
    in ``if`` blocks, under ``TYPE_CHECKING``). ``from pkg import sub`` counts
    as importing ``pkg.sub`` when ``sub`` is a submodule, else as importing
    ``pkg``. The parent packages Python runs on the way (``carepath.models``'s
    ``__init__`` for ``carepath.models.vlm``) are not edges: each ``__init__``
    is a node with its own imports, so a re-exporting ``__init__`` still shows
    up in any cycle it closes. Dynamic ``importlib`` imports are not seen."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                hit = _resolve(alias.name, modules)
                if hit:
                    found.add(hit)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = _package_of(module, path).split(".")
                anchor = ".".join(pkg[:len(pkg) - (node.level - 1)])
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                hit = _resolve(f"{base}.{alias.name}", modules) if alias.name != "*" else None
                if hit != f"{base}.{alias.name}":
                    hit = _resolve(base, modules)
                if hit:
                    found.add(hit)
    found.discard(module)
    return found


def import_graph() -> dict[str, set[str]]:
    files = module_files()
    names = set(files)
    return {mod: imported_modules(ast.parse(path.read_text(), str(path)), mod, path, names)
            for mod, path in files.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on deep graphs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    out.append(sorted(component))
    return out


def import_cycles(graph: dict[str, set[str]]) -> list[str]:
    """One line per cycle: its modules and the edges inside it."""
    lines = []
    for comp in strongly_connected(graph):
        if len(comp) == 1 and comp[0] not in graph.get(comp[0], ()):
            continue
        members = set(comp)
        edges = [f"{a} -> {b}" for a in comp for b in sorted(graph.get(a, ())) if b in members]
        lines.append(f"cycle of {len(comp)}: " + "; ".join(edges))
    return lines


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The module graph folded to carepath's layers: ``carepath.knowledge.index``
    counts as ``carepath.knowledge``, a top-level module (``carepath.deid``)
    as itself; the root ``carepath`` package is left out. A cycle here is two
    folders that each need the other (the issue's tools <-> workflows), which
    no module-level check sees when the modules involved differ."""
    def unit(name: str) -> str:
        return ".".join(name.split(".")[:2])
    out: dict[str, set[str]] = {}
    for mod, targets in graph.items():
        if mod == "carepath":
            continue
        out.setdefault(unit(mod), set()).update(
            unit(t) for t in targets if t != "carepath" and unit(t) != unit(mod))
    return out


# ------------------------------------------------------------------ function length

def long_functions(source: str, filename: str, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """``file:line name (N lines)`` for each function or method over ``limit``
    lines, counted from ``def`` to its last line (decorators excluded)."""
    out = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > limit:
                out.append(f"{filename}:{node.lineno} {node.name} ({length} lines)")
    return sorted(out)


def _linted_files() -> Iterable[Path]:
    """Every project .py file except tests/ and bench/ (and installed or generated trees)."""
    skip = {"tests", "bench", ".venv", ".git", "build", "dist", "node_modules"}
    for path in sorted(REPO.rglob("*.py")):
        rel = path.relative_to(REPO)
        if rel.parts[0] in skip or rel.parts[0].startswith(".") or "__pycache__" in rel.parts:
            continue
        if rel.parts[0].endswith(".egg-info") or rel.parts[0].startswith(".venv"):
            continue
        yield path


# ------------------------------------------------------------------ function-local imports

LOCAL_IMPORT_REASON = re.compile(r"#\s*(heavy|lazy):\s*\S")


def unexplained_local_imports(source: str, filename: str) -> list[str]:
    """``file:line import`` for each import inside a function that carries no
    ``# heavy: ...`` / ``# lazy: ...`` reason on its own line(s) or on the line
    directly above (a comment line, or ``try:  # heavy: ...``). A run of consecutive imports shares the reason written
    above (or beside) its first line, so ``import torch  # heavy: ...``
    followed by ``from transformers import X`` is one explained block."""
    lines = source.splitlines()
    local: list[ast.Import | ast.ImportFrom] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            local += [n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
    explained: set[int] = set()  # first lines of imports that carry (or inherit) a reason
    out = []
    for node in sorted({n.lineno: n for n in local}.values(), key=lambda n: n.lineno):
        end = node.end_lineno or node.lineno
        own = any(LOCAL_IMPORT_REASON.search(lines[i - 1]) for i in range(node.lineno, end + 1))
        above_reason = node.lineno > 1 and LOCAL_IMPORT_REASON.search(lines[node.lineno - 2]) is not None
        inherits = any(n.lineno in explained and (n.end_lineno or n.lineno) == node.lineno - 1
                       for n in local)
        if own or above_reason or inherits:
            explained.add(node.lineno)
        else:
            out.append(f"{filename}:{node.lineno} {lines[node.lineno - 1].strip()}")
    return out


def _carepath_code_files() -> Iterable[Path]:
    """The installed code: carepath/ and the folders pyproject maps into it."""
    for root in sorted(set(package_dirs().values())):
        for path in sorted(root.rglob("*.py")):
            if "__pycache__" not in path.parts:
                yield path


# ------------------------------------------------------------------ prompt templates

def template_hashes() -> dict[str, str]:
    """``name@vN`` → sha256 of every template file, read through the same
    loader the skills use."""
    from carepath.prompting import get_template

    out = {}
    for path in sorted((REPO / "carepath" / "prompts").glob("*.j2")):
        m = _TEMPLATE.match(path.name)
        assert m, f"{path.name}: prompt templates are named <name>.v<N>.j2, or they never load"
        t = get_template(m["name"], int(m["version"]))
        out[t.template_id] = t.sha256
    return out


def template_problems(current: dict[str, str], released: dict[str, str]) -> list[str]:
    """A released template edited in place, deleted, or a template never recorded."""
    problems = []
    for tid, sha in sorted(current.items()):
        if tid not in released:
            problems.append(f"{tid}: not recorded in carepath/prompts/released.json "
                            f"(add \"{tid}\": \"{sha}\" when the wording is final)")
        elif released[tid] != sha:
            problems.append(f"{tid}: edited after release (recorded {released[tid][:12]}, now "
                            f"{sha[:12]}); put the new wording in v{int(tid.rsplit('@v', 1)[1]) + 1} "
                            "and leave this version as it was")
    for tid in sorted(set(released) - set(current)):
        problems.append(f"{tid}: released but its file is gone; drafts still name it in their provenance")
    return problems


# ------------------------------------------------------------------ the checks

def test_no_import_cycles_among_carepath_modules() -> None:
    graph = import_graph()
    assert len(graph) > 50, f"only {len(graph)} modules found: the package-dir mapping is wrong"
    cycles = import_cycles(graph)
    assert not cycles, "import cycles (function-local imports count):\n" + "\n".join(cycles)


def test_no_import_cycles_among_carepath_layers() -> None:
    """Folders form layers and import downwards only: commands -> web,
    integrations -> access -> workflows -> agents -> tools -> knowledge ->
    models -> security, deid, artifacts -> settings, context -> core."""
    cycles = import_cycles(package_graph(import_graph()))
    assert not cycles, "carepath folders import each other:\n" + "\n".join(cycles)


def test_layer_checker_folds_modules_and_reports_a_cycle_between_folders() -> None:
    graph = {"carepath": {"carepath.tools.cxr"},
             "carepath.tools.cxr": {"carepath.workflows.state", "carepath.tools.spec"},
             "carepath.tools.spec": set(), "carepath.workflows.nodes": {"carepath.tools.registry"},
             "carepath.workflows.state": set(), "carepath.tools.registry": set()}
    assert import_cycles(graph) == []          # no module cycle ...
    (cycle,) = import_cycles(package_graph(graph))   # ... but the folders need each other
    assert "carepath.tools -> carepath.workflows" in cycle and "carepath.workflows -> carepath.tools" in cycle
    graph["carepath.tools.cxr"].discard("carepath.workflows.state")
    assert import_cycles(package_graph(graph)) == []


def test_function_local_imports_say_why() -> None:
    found = []
    for path in _carepath_code_files():
        found += unexplained_local_imports(path.read_text(), str(path.relative_to(REPO)))
    assert not found, (
        "function-local imports without a reason (hoist the import to the top of the file, or, "
        "for a heavy optional dependency or a CLI start-up cost, write `# heavy: <what>` or "
        "`# lazy: <why>` on the line above):\n" + "\n".join(found))


def test_no_function_over_80_lines() -> None:
    found = []
    for path in _linted_files():
        found += long_functions(path.read_text(), str(path.relative_to(REPO)))
    assert not found, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(found)


def test_released_prompt_templates_are_unchanged() -> None:
    current = template_hashes()
    assert current, "no prompt templates found"
    problems = template_problems(current, json.loads(RELEASED.read_text()))
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ the checkers can say no

def test_cycle_checker_reports_a_cycle_through_a_function_local_import(tmp_path: Path) -> None:
    a = "from carepath.models import b\n\ndef f():\n    return b\n"
    b = "def g():\n    from carepath.models.a import f  # local, still a cycle\n    return f\n"
    names = {"carepath.models.a", "carepath.models.b", "carepath.models", "carepath.other"}
    graph = {
        "carepath.models.a": imported_modules(ast.parse(a), "carepath.models.a", tmp_path / "a.py", names),
        "carepath.models.b": imported_modules(ast.parse(b), "carepath.models.b", tmp_path / "b.py", names),
        "carepath.other": {"carepath.models.a"},
    }
    assert graph["carepath.models.a"] == {"carepath.models.b"}  # submodule, not the package
    (cycle,) = import_cycles(graph)
    assert "carepath.models.a -> carepath.models.b" in cycle
    assert "carepath.models.b -> carepath.models.a" in cycle
    assert "carepath.other" not in cycle


def test_cycle_checker_finds_long_and_self_cycles_and_passes_a_tree() -> None:
    ring = {f"m{i}": {f"m{(i + 1) % 500}"} for i in range(500)}  # deep: no recursion limit
    assert len(import_cycles(ring)) == 1
    assert import_cycles({"x": {"x"}}) == ["cycle of 1: x -> x"]
    assert import_cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_relative_imports_resolve_inside_the_package(tmp_path: Path) -> None:
    names = {"carepath.tools", "carepath.tools.cxr", "carepath.tools.dicom", "carepath.tools.dicom.gate"}
    src = "from . import cxr\nfrom .dicom import gate\nfrom .. import tools\n"
    got = imported_modules(ast.parse(src), "carepath.tools.labs", tmp_path / "labs.py", names)
    assert got == {"carepath.tools.cxr", "carepath.tools.dicom.gate"} | {"carepath.tools"}


def test_local_import_checker_wants_a_reason_per_import_or_block() -> None:
    src = (
        "import os\n"                                              # 1 module level: fine
        "def f():\n"
        "    import torch  # heavy: torch\n"                       # 3 reason beside
        "    from transformers import AutoModel\n"                 # 4 same block: inherits
        "\n"
        "    import json\n"                                        # 6 no reason
        "    # lazy: keeps carepath --help fast\n"
        "    from carepath.workflows.service import (\n"          # 8 reason above
        "        open_service,\n"
        "    )\n"
        "    from carepath.web.app import create_app\n"           # 11 block: inherits
        "    # just a note\n"
        "    import faiss\n"                                       # 13 comment is no reason
        "    import ray  # heavy:\n"                               # 14 empty reason
        "    import torch  # optional: not the keyword\n"         # 15 wrong keyword
        "async def g():\n"
        "    from pydicom import dcmread\n"                        # 17 async counts too
    )
    got = unexplained_local_imports(src, "m.py")
    assert [line.split()[0] for line in got] == ["m.py:6", "m.py:13", "m.py:14", "m.py:15", "m.py:17"]
    fixed = src.replace("    import json\n", "    import json  # lazy: for a test\n")
    assert "m.py:6" not in " ".join(unexplained_local_imports(fixed, "m.py"))


def test_length_checker_reports_an_81_line_function() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(79))
    src = f"class C:\n    def ok(self):\n        pass\n\ndef long_one():\n{body}    return 0\n"
    assert long_functions(src, "m.py") == ["m.py:5 long_one (81 lines)"]
    shorter = src.replace("    x0 = 0\n", "", 1)
    assert long_functions(shorter, "m.py") == []


def test_template_checker_reports_edits_unrecorded_and_deleted_versions() -> None:
    released = {"cxr_report@v1": "a" * 64, "gone@v1": "c" * 64}
    current = {"cxr_report@v1": "b" * 64, "ct_report@v2": "d" * 64}
    problems = "\n".join(template_problems(current, released))
    assert "cxr_report@v1: edited after release" in problems and "v2" in problems
    assert "ct_report@v2: not recorded" in problems
    assert "gone@v1: released but its file is gone" in problems
    assert template_problems(released, released) == []


@pytest.mark.parametrize("name", ["cxr_report.v1.j2.bak", "CXR.v1.j2"])
def test_template_file_names_follow_the_pattern(name: str) -> None:
    assert not _TEMPLATE.match(name)
