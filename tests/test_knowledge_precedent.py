"""Precedent (``knowledge.precedent``): the abstention feature that compares a question with earlier TUNE
questions the guidelines could and could not answer. What must hold: only TUNE rows are stored, the
evaluation compares a row with other authors' questions only, another corpus's index has no memory (and
the feature then weighs nothing), and the gap is what it says."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from carepath.errors import ConfigError
from carepath.knowledge import abstention, precedent
from carepath.knowledge.index import Index, build
from carepath.knowledge.questions import load_questions, source_of


def _memory(vectors: list[list[float]], unanswerable: list[bool], sources: list[str]) -> precedent.Memory:
    v = np.array(vectors, dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return precedent.Memory(ids=np.array([f"{s}-{i}" for i, s in enumerate(sources)]), vectors=v,
                            unanswerable=np.array(unanswerable), sources=np.array(sources))


def test_gap_is_nearest_unanswerable_minus_nearest_answerable_and_leaves_out_a_file() -> None:
    # three unanswerable questions along x, three answerable along y; file "z" holds one more unanswerable
    # question exactly on the probe, which only counts when "z" is not left out
    m = _memory([[1, 0.1, 0], [1, 0.2, 0], [1, 0.3, 0], [0.1, 1, 0], [0.2, 1, 0], [0.3, 1, 0], [1, 1, 0]],
                [True, True, True, False, False, False, True], ["a", "a", "b", "a", "b", "b", "z"])
    probe = np.array([1.0, 1.0, 0.0])
    assert precedent.K == 3
    with_z, without_z = m.gap(probe), m.gap(probe, exclude="z")
    assert with_z > without_z  # the exact twin in "z" pulled the unanswerable side up
    assert abs(without_z) < 0.05  # the probe sits between the two groups
    assert m.gap(np.array([1.0, 0.0, 0.0])) > 0.3 > -0.3 > m.gap(np.array([0.0, 1.0, 0.0]))
    assert m.gap(probe, exclude="b") == 0.0  # fewer than K answerable questions left: no evidence either way


def test_default_index_stores_the_tune_questions_only(knowledge_index: Index) -> None:
    mem = knowledge_index.precedent
    assert mem is not None and knowledge_index.manifest.precedent == len(mem.ids)
    rows = {r.id: r for r in load_questions()}
    assert {rows[i].split for i in mem.ids.tolist()} == {"tune"}  # never a TEST row
    assert len(mem.ids) == sum(r.split == "tune" for r in rows.values())  # every TUNE row, the old dev set too
    assert [not rows[i].answerable for i in mem.ids.tolist()] == mem.unanswerable.tolist()
    assert mem.sources.tolist() == [source_of(i) for i in mem.ids.tolist()]
    assert np.allclose(np.linalg.norm(mem.vectors, axis=1), 1.0, atol=1e-4)


def test_the_evaluation_compares_a_row_with_other_authors_only(knowledge_index: Index) -> None:
    from carepath.knowledge.eval import run_row

    row = next(r for r in load_questions() if r.split == "tune" and not r.answerable and r.id.startswith("c-"))
    got = run_row(row, knowledge_index).signals["precedent"]
    vec = knowledge_index.encode([row.question])[0]
    mem = knowledge_index.precedent
    assert mem is not None
    assert got == pytest.approx(mem.gap(vec, exclude="c"), abs=1e-6)
    assert mem.gap(vec) > got + 0.02  # with its own file it would find itself


def test_another_corpus_has_no_memory_and_the_feature_then_weighs_nothing(tmp_path: Path) -> None:
    from carepath.knowledge.answer import answer
    from carepath.knowledge.corpus import iter_folder

    c = tmp_path / "c" / "local_sepsis_2025"
    c.mkdir(parents=True)
    (c / "antibiotics.md").write_text("# Local sepsis pathway\n\n## Antibiotics\n\n"
                                      "- Give IV piperacillin-tazobactam within 1 hour of recognising sepsis.\n")
    build(tmp_path / "i", documents=iter_folder(tmp_path / "c"))
    idx = Index.load(tmp_path / "i")
    assert idx.manifest.precedent == 0 and idx.precedent is None and not (idx.path / precedent.FILE).exists()
    a = answer("antibiotic timing in sepsis?", index=idx)
    assert "precedent" not in a.signals
    m = abstention.model()
    assert m is not None and "precedent" in m.features
    i = m.features.index("precedent")
    base = dict(a.signals)
    assert m.probability(base) == pytest.approx(m.probability(base | {"precedent": m.mean[i]}))
    assert m.probability(base | {"precedent": m.mean[i] + 2 * m.scale[i]}) > m.probability(base)


def test_fitting_without_the_feature_is_refused() -> None:
    rows = [({f: 0.5 for f in abstention.FEATURES if f != "precedent"}, True)] * 4
    with pytest.raises(ConfigError, match="does not give every feature"):
        abstention.fit(rows, fitted_on="tune split: test")
