"""Guideline knowledge on the real open-medicine corpus, real MiniLM
embeddings, real FAISS and BM25: verbatim citations, abstention, the eval
bad corpus files, filters, LangChain surfaces, the
embedding-model guard, incremental and IVF indexes, and the post-check of
model-written answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from carepath.errors import ConfigError, InputError
from carepath.knowledge.answer import answer, check_sentences
from carepath.knowledge.index import Index, build

CAP_Q = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"


def _cli(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"})
    return subprocess.run([sys.executable, "-m", "carepath", *args], env=env, capture_output=True,
                          text=True, timeout=600)


def test_default_corpus_indexed_with_exact_offsets(knowledge_index: Index) -> None:
    idx = knowledge_index
    m = idx.manifest
    assert m.embedding_model == "builtin:all-MiniLM-L6-v2" and m.dim == 384 and m.normalised
    assert m.encoder and (idx.path / "encoder" / "model.onnx").is_file()  # the cold-start query encoder
    assert idx.abbreviations.get("PCC") == "prothrombin complex concentrate"  # defined by the corpus itself
    assert len({d.meta.guideline_id for d in idx.documents.values()}) == 43
    assert m.chunks == len(idx.chunks) > 1000 and m.index_type == "flat_ip"
    assert any(d.startswith("ats_idsa_cap_2019/") for d in idx.documents)
    for c in idx.chunks:
        assert idx.documents[c.doc_id].text[c.start:c.end] == c.text
    for r in idx.unit_rows[::7]:
        c = idx.chunks[r.chunk]
        assert c.start <= r.start < r.end <= c.end
    assert np.allclose(np.linalg.norm(idx.vectors[:50], axis=1), 1.0, atol=1e-3)
    heads = {c.heading for c in idx.chunks if c.doc_id.startswith("ats_idsa_cap_2019/")}
    assert any(" > " in h for h in heads)


def test_cap_question_cites_ats_idsa_verbatim(knowledge_index: Index) -> None:
    a = answer(CAP_Q, index=knowledge_index)
    assert not a.abstained and a.backend == "extractive"
    c = a.citations[0]
    assert c.guideline_id == "ats_idsa_cap_2019" and c.doi and c.year == 2019 and c.organization
    assert knowledge_index.documents[f"{c.guideline_id}/{c.section}"].text[c.start:c.end] == c.quote
    assert "amoxicillin" in c.quote.lower() and "[1]" in a.answer


def test_off_corpus_question_abstains_with_near_misses(knowledge_index: Index) -> None:
    a = answer("How do I fix a leaking kitchen tap?", index=knowledge_index)
    assert a.abstained and not a.citations and a.near_misses
    assert "not a match" in a.answer


def test_bad_questions_get_clear_errors(knowledge_index: Index) -> None:
    with pytest.raises(InputError, match="empty"):
        answer("   ", index=knowledge_index)
    with pytest.raises(InputError, match="too long"):
        answer("why " * 1000, index=knowledge_index)


def test_ask_cli_json_and_errors(knowledge_data_dir: Path) -> None:
    r = _cli(["ask", "--json", CAP_Q], knowledge_data_dir)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    assert {"question", "answer", "abstained", "citations"} <= set(out) and out["abstained"] is False
    c = out["citations"][0]
    assert set(c) >= {"n", "guideline_id", "title", "organization", "year", "doi", "section", "heading",
                      "quote", "start", "end", "score"}
    assert c["guideline_id"] == "ats_idsa_cap_2019"
    r = _cli(["ask", ""], knowledge_data_dir)
    assert r.returncode != 0 and "empty question" in r.stderr and "Traceback" not in r.stderr
    r = _cli(["ask", "x" * 5000], knowledge_data_dir)
    assert r.returncode != 0 and "too long" in r.stderr and "Traceback" not in r.stderr


def test_filters_abbreviations_and_langchain(knowledge_index: Index, monkeypatch) -> None:
    from carepath.knowledge import retriever

    from carepath.knowledge.index import default_index_dir

    monkeypatch.setitem(retriever._INDEX, str(default_index_dir()), knowledge_index)
    assert "atrial fibrillation" in retriever.expand("DOAC dose in AF")
    assert retriever.expand("a caption") == "a caption"  # whole words only
    hits = retriever.search("empirical antibiotics for pneumonia", 5,
                            retriever.Filters(guideline_id="bts_cap_2009"), knowledge_index)
    assert hits and {h.meta.guideline_id for h in hits} == {"bts_cap_2009"}
    hits = retriever.search("antibiotics for pneumonia", 5, retriever.Filters(year_min=2015),
                            knowledge_index)
    assert hits and all((h.meta.year or 0) >= 2015 for h in hits)
    docs = retriever.as_retriever(k=3).invoke("DKA insulin pump")
    assert len(docs) == 3 and docs[0].metadata["guideline_id"] == "ada_dka_hhs_2024"
    from carepath.integrations.agent_tools import as_langchain_tools

    assert not hasattr(retriever, "as_tool")  # one guideline_search tool: the registry's
    (tool,) = as_langchain_tools(["guideline_search"])
    assert tool.args_schema.model_json_schema()["properties"]["k"]["maximum"] == 20
    out = tool.invoke({"query": "qSOFA threshold", "k": 2})
    assert len(out) == 2 and out[0]["guideline_id"] == "sepsis3_2016"
    refused = tool.invoke({"query": "", "k": 2})  # the registry answers bad arguments in text
    assert isinstance(refused, str) and "query" in refused


def test_bad_corpus_files_are_skipped_with_warnings(tmp_path: Path, guideline_pdfs: dict[str, Path]) -> None:
    from carepath.knowledge.corpus import load_folder

    corpus = tmp_path / "corpus"
    (corpus / "local_guideline").mkdir(parents=True)
    (corpus / "local_guideline" / "dosing.md").write_text(
        "# Local guideline\n\n## Paracetamol\n\n- Maximum 4 g per day in adults.\n")
    (corpus / "local_guideline" / "page.html").write_text(
        "<html><script>x=1</script><h2>Fluids</h2><p>Give 30 mL/kg.</p></html>")
    (corpus / "empty.md").write_text("")
    (corpus / "junk.md").write_bytes(b"\x00\x01\x02binary")
    (corpus / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    for name, p in guideline_pdfs.items():
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "registry.json").write_text(json.dumps([{"id": "missing_one", "title": "Nowhere"},
                                                      {"id": "local_guideline", "title": "Local",
                                                       "organization": "Trust", "year": 2024}]))
    docs, warnings = load_folder(corpus)
    by_id = {d.doc_id: d for d in docs}
    assert set(by_id) == {"local_guideline/dosing", "local_guideline/page", "local_sepsis/local_sepsis"}
    assert by_id["local_guideline/dosing"].meta.organization == "Trust"
    assert "## Fluids" in by_id["local_guideline/page"].text and "x=1" not in by_id["local_guideline/page"].text
    pdf = by_id["local_sepsis/local_sepsis"].text
    assert "## Page 1" in pdf and "## Page 2" in pdf and pdf.index("one hour") < pdf.index("## Page 2")
    reasons = {Path(w.path).name: w.reason for w in warnings}
    assert "empty" in reasons["empty.md"] and "binary" in reasons["junk.md"]
    assert "UTF-8" in reasons["latin1.txt"] and "encrypted" in reasons["locked.pdf"]
    assert "PDF" in reasons["junk.pdf"] and "points nowhere" in reasons["missing_one"]


def test_index_cli_nothing_indexable_exits_nonzero(tmp_path: Path) -> None:
    from carepath.knowledge.corpus import iter_folder

    empty = tmp_path / "c"
    empty.mkdir()
    (empty / "x.md").write_text("")
    with pytest.raises(InputError, match="nothing could be indexed"):
        build(tmp_path / "idx", documents=iter_folder(empty))
    assert not (tmp_path / "idx").exists()


def test_incremental_update_and_model_guard(tmp_path: Path, monkeypatch) -> None:
    from carepath.knowledge.corpus import iter_folder
    from carepath.settings import get_settings

    c = tmp_path / "c"
    (c / "g").mkdir(parents=True)
    (c / "g" / "a.md").write_text("# G\n\n## A\n\n- Alpha guidance on dosing.\n")
    (c / "g" / "b.md").write_text("# G\n\n## B\n\n- Beta guidance on timing.\n")
    first = build(tmp_path / "i", documents=iter_folder(c))
    assert first.embedded_chunks == first.chunks == 2 and first.reused_chunks == 0
    (c / "g" / "b.md").write_text("# G\n\n## B\n\n- Beta guidance on timing, revised.\n")
    second = build(tmp_path / "i", documents=iter_folder(c))
    assert second.embedded_chunks == 1 and second.reused_chunks == 1
    idx = Index.load(tmp_path / "i")
    fresh = build(tmp_path / "j", documents=iter_folder(c))
    assert np.allclose(idx.vectors, Index.load(tmp_path / "j").vectors, atol=1e-5) and fresh.chunks == 2
    assert len(idx.unit_rows) == 2 and idx.units_of(1) == [1]
    monkeypatch.setenv("CAREPATH_EMBEDDINGS__MODEL", "some/other-model")
    get_settings.cache_clear()
    with pytest.raises(ConfigError, match="another embedding model"):
        Index.load(tmp_path / "i")


def test_ivf_chosen_above_threshold_meets_recall() -> None:
    import faiss

    from carepath.knowledge.index import EXACT_MAX, calibrate_nprobe, choose_index, train_and_fill

    rng = np.random.default_rng(0)
    n, dim = EXACT_MAX + 5000, 64
    centers = rng.normal(size=(200, dim)).astype(np.float32)
    x = centers[rng.integers(0, 200, n)] + rng.normal(0, 0.3, (n, dim)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    assert choose_index(EXACT_MAX - 1, dim)[1] == "flat_ip"
    idx, kind = choose_index(n, dim)
    assert kind.startswith("ivf")
    train_and_fill(idx, x)
    nprobe = calibrate_nprobe(idx, x)
    q = x[:100] + rng.normal(0, 0.02, (100, dim)).astype(np.float32)
    _, truth = faiss.knn(q, x, 10, metric=faiss.METRIC_INNER_PRODUCT)
    _, got = idx.search(q, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, truth)])
    assert recall >= 0.9 and nprobe < idx.nlist


def test_post_check_of_model_written_sentences() -> None:
    passages = {1: "- **Healthy outpatients:** Amoxicillin 1 g three times daily, or doxycycline 100 mg twice daily.",
                2: "Obtain blood cultures in severe CAP."}
    text = ("Healthy outpatients can take amoxicillin 1 g three times daily [1]. "
            "Doxycycline 200 mg once daily is an alternative [1]. "
            "Blood cultures are needed in severe CAP [2]. "
            "Levofloxacin is always first line [3]. "
            "Always admit elderly patients.")
    checks = check_sentences(text, passages)
    assert [c.supported for c in checks] == [True, False, True, False, False]
    assert "200" in checks[1].reason and "not supplied" in checks[3].reason
    assert checks[4].reason == "no citation"
    assert not check_sentences("Patients need valacyclovir for shingles [2].", passages)[0].supported


def test_every_shipped_abbreviation_names_its_source(knowledge_index: Index) -> None:
    """Issue 15: expansions come from a cited source or from the corpus itself. A "corpus:" source
    must be a definition the named guideline document really contains; any other names a public page
    (URL) and the words quoted from it. A source-less entry fails."""
    from carepath.knowledge.abbreviations import shipped
    from carepath.knowledge.retriever import abbreviations

    entries = shipped()
    assert len(entries) >= 60 and len({e.abbr for e in entries}) == len(entries)
    assert abbreviations() == {e.abbr: e.expansion for e in entries}
    for e in entries:
        if e.source.startswith("corpus: "):
            doc_id, quoted = e.source[len("corpus: "):].split(" ", 1)
            text = knowledge_index.documents[doc_id].text
            assert quoted.strip("'") in text and f"({e.abbr}" in quoted, e
            assert e.expansion.lower().replace("-", " ") in quoted.lower().replace("-", " "), e
        else:
            assert "https://" in e.source or "http://" in e.source, e
            assert "'" in e.source or '"' in e.source, e  # the words quoted from the page
