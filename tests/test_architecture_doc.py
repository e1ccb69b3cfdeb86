"""docs/architecture.md shows the workflow as the code wires it: the Mermaid
block is compared with the compiled graph's own export."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _diagram_from_code() -> str:
    spec = importlib.util.spec_from_file_location("architecture_diagram",
                                                  REPO / "scripts/architecture_diagram.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.diagram()


def _diagram_in_doc(text: str) -> str:
    m = re.search(r"```mermaid\n(.*?)\n```", text, re.S)
    assert m, "docs/architecture.md has no mermaid block"
    return m.group(1).strip()


def test_doc_diagram_matches_the_graph() -> None:
    doc = (REPO / "docs/architecture.md").read_text()
    assert _diagram_in_doc(doc) == _diagram_from_code().strip(), (
        "the graph changed: regenerate the block with scripts/architecture_diagram.py")


def test_a_changed_graph_is_noticed() -> None:
    doc = (REPO / "docs/architecture.md").read_text()
    changed = doc.replace("compose --> check;", "compose --> signoff;")
    assert _diagram_in_doc(changed) != _diagram_from_code().strip()


def test_every_path_the_doc_names_exists() -> None:
    doc = (REPO / "docs/architecture.md").read_text()
    named = set(re.findall(r"`((?:carepath|tools|workflows|agents|knowledge|scripts|tests)/[\w/.*-]+?)`", doc))
    missing = [p for p in sorted(named) if "*" not in p and "<" not in p and not (REPO / p).exists()]
    assert not missing, missing
