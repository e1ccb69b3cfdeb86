"""Guideline knowledge on the real open-medicine corpus, real MiniLM
embeddings, real FAISS and BM25: verbatim citations, abstention, the eval
thresholds, bad corpus files, and the embedding-model guard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from carepath.errors import ConfigError, InputError
from carepath.knowledge.answer import answer
from carepath.knowledge.index import Index, build

CAP_Q = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


@pytest.fixture(scope="module")
def index(guideline_data_dir: Path) -> Index:
    return Index.load(guideline_data_dir / "index" / "default")


def test_default_corpus_indexed_with_manifest(index: Index) -> None:
    m = index.manifest
    assert m.embedding_model == "builtin:all-MiniLM-L6-v2" and m.dim == 384 and m.normalised
    assert len({d.meta.guideline_id for d in index.documents.values()}) == 43
    assert m.chunks == len(index.chunks) > 1000 and m.index_type == "flat_ip"
    for c in index.chunks[:200]:
        assert index.documents[c.doc_id].text[c.start:c.end] == c.text


def test_cap_question_cites_ats_idsa_verbatim(index: Index) -> None:
    a = answer(CAP_Q, index=index)
    assert not a.abstained
    c = a.citations[0]
    assert c.guideline_id == "ats_idsa_cap_2019" and c.doi and c.year == 2019
    doc = index.documents[f"{c.guideline_id}/{c.section}"]
    assert doc.text[c.start:c.end] == c.quote and "Amoxicillin" in c.quote
    assert "[1]" in a.answer


def test_off_corpus_question_abstains_with_near_misses(index: Index) -> None:
    a = answer("How do I fix a leaking kitchen tap?", index=index)
    assert a.abstained and not a.citations and a.near_misses


def test_bad_questions(index: Index) -> None:
    with pytest.raises(InputError, match="empty"):
        answer("   ", index=index)
    with pytest.raises(InputError, match="too long"):
        answer("why " * 1000, index=index)


def test_eval_meets_targets_on_dev_set(index: Index) -> None:
    from carepath.knowledge.eval import evaluate

    r = evaluate(index=index)
    assert r.n_answerable >= 60 and r.n_unanswerable >= 15 and r.guidelines >= 25
    assert r.citation_verbatim == 1.0
    assert r.recall_at_1 >= 0.90 and r.answer_fact_coverage >= 0.80
    assert r.abstention_unanswerable >= 0.80 and r.false_abstention <= 0.05


def test_ask_cli_json_shape(guideline_data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env["CAREPATH_DATA_DIR"] = str(guideline_data_dir)
    r = subprocess.run([sys.executable, "-m", "carepath", "ask", "--json", CAP_Q], env=env,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    assert {"question", "answer", "abstained", "citations"} <= set(out)
    assert set(out["citations"][0]) >= {"n", "guideline_id", "title", "organization", "year", "doi",
                                        "section", "heading", "quote", "start", "end", "score"}
    assert out["citations"][0]["guideline_id"] == "ats_idsa_cap_2019"
    r = subprocess.run([sys.executable, "-m", "carepath", "ask", ""], env=env, capture_output=True,
                       text=True)
    assert r.returncode != 0 and "empty question" in r.stderr and "Traceback" not in r.stderr


def test_bad_corpus_files_are_skipped_with_warnings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "local_guideline").mkdir(parents=True)
    (corpus / "local_guideline" / "dosing.md").write_text(
        "# Local guideline\n\n## Paracetamol\n\n- Maximum 4 g per day in adults.\n")
    (corpus / "empty.md").write_text("")
    (corpus / "junk.md").write_bytes(b"\x00\x01\x02binary")
    (corpus / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (corpus / "registry.json").write_text(json.dumps([{"id": "missing_one", "title": "Nowhere"}]))
    from carepath.knowledge.corpus import load_folder

    docs, warnings = load_folder(corpus)
    assert [d.doc_id for d in docs] == ["local_guideline/dosing"]
    reasons = {Path(w.path).name: w.reason for w in warnings}
    assert "empty" in reasons["empty.md"] and "binary" in reasons["junk.md"]
    assert "UTF-8" in reasons["latin1.txt"] and "PDF" in reasons["broken.pdf"]
    assert "points nowhere" in reasons["missing_one"]


def test_nothing_indexable_is_an_error_and_model_mismatch_is_refused(tmp_path: Path,
                                                                     monkeypatch) -> None:
    empty = tmp_path / "c"
    empty.mkdir()
    (empty / "x.md").write_text("")
    with pytest.raises(InputError, match="nothing could be indexed"):
        from carepath.knowledge import corpus

        monkeypatch.setattr(corpus, "load_default", lambda: ([], []))
        build(tmp_path / "idx", [empty])
    monkeypatch.undo()
    small = tmp_path / "small"
    (small / "g").mkdir(parents=True)
    (small / "g" / "s.md").write_text("# G\n\n## A\n\nSome guidance text about dosing.\n")
    from carepath.knowledge import corpus as corpus_mod

    monkeypatch.setattr(corpus_mod, "load_default", lambda: ([], []))
    build(tmp_path / "idx2", [small])
    monkeypatch.undo()
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_EMBEDDINGS__MODEL", "some/other-model")
    get_settings.cache_clear()
    with pytest.raises(ConfigError, match="another embedding model"):
        Index.load(tmp_path / "idx2")


def test_incremental_update_reembeds_only_changed_docs(tmp_path: Path, monkeypatch) -> None:
    from carepath.knowledge import corpus as corpus_mod

    monkeypatch.setattr(corpus_mod, "load_default", lambda: ([], []))
    c = tmp_path / "c"
    (c / "g").mkdir(parents=True)
    (c / "g" / "a.md").write_text("# G\n\n## A\n\nAlpha guidance.\n")
    (c / "g" / "b.md").write_text("# G\n\n## B\n\nBeta guidance.\n")
    first = build(tmp_path / "i", [c])
    assert first.embedded_chunks == first.chunks == 2
    (c / "g" / "b.md").write_text("# G\n\n## B\n\nBeta guidance, revised.\n")
    second = build(tmp_path / "i", [c])
    assert second.embedded_chunks == 1
