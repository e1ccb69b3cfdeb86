"""The cited lay-term / brand-name lexicon (issue 15 item 3): every entry has a
source, expansion moves a patient's question to the right guideline where the
bare question does not, and a brand name alone is not evidence of a near miss."""

from __future__ import annotations

import json
import re
from importlib import resources

from carepath.knowledge import abstention, lay_terms
from carepath.knowledge.index import Index
from carepath.knowledge.retriever import expand, retrieve
from carepath.knowledge.technical import technical_words


def test_every_entry_names_its_source() -> None:
    raw = json.loads(resources.files("carepath.knowledge").joinpath("data/lay_terms.json").read_text("utf-8"))
    entries = raw["entries"]
    assert len(entries) >= 100
    for e in entries:
        assert set(e) == {"term", "kind", "expansion", "source"}, e
        assert e["kind"] in {"lay", "brand"}, e
        assert e["term"].strip() and e["expansion"].strip(), e
        assert re.match(r"(https?://\S+|github:[\w.\-]+/[\w.\-]+/\S+@[0-9a-f]{40})", e["source"]), e
    keys = [(e["term"].lower(), e["expansion"]) for e in entries]
    assert len(keys) == len(set(keys))
    assert len(lay_terms.lexicon()) == len(entries)


def test_matching_is_by_content_words_in_a_short_window() -> None:
    assert "pulmonary embolism" in lay_terms.expand("they think I have a clot on my lung")  # cited: "clot in the lungs"
    assert "cirrhosis" in lay_terms.expand("liver scarring")                               # cited: "scarring of the liver"
    assert "pulmonary embolism" not in lay_terms.expand("a clot in the leg; my lungs are fine, I think, mostly")
    assert "dulaglutide" in lay_terms.expand("weekly trulicity pen")                       # brand names: any case
    assert lay_terms.expand("a caption") == "a caption"
    assert lay_terms.strip("Is Cozaar ok with high blood pressure?") == "Is ok with ?"
    # abbreviations first, then lay terms, each appended once
    assert expand("DOAC or a blood thinner in AF?") == ("DOAC or a blood thinner in AF? (atrial fibrillation; direct oral "
                                                       "anticoagulant) (anticoagulant anticoagulation)")


def test_lay_question_reaches_the_af_guideline_only_through_expansion(knowledge_index: Index) -> None:
    """Without expansion the AF guideline's first place hung on a 0.002 score margin that
    differed between machines' index builds (int8 ONNX encoder): the robust property is that
    expansion brings the AF text clearly closer (dense cosine) and puts it first."""
    q = "blood thinner for my irregular heartbeat"
    with_lay = retrieve(q, 5, index=knowledge_index)
    without = retrieve(q, 5, index=knowledge_index, lay=False)
    assert with_lay.passages[0].meta.guideline_id == "acc_aha_af_2023"
    assert "anticoagula" in with_lay.query and "atrial fibrillation" in with_lay.query
    assert "anticoagula" not in without.query

    def best_af(r) -> float:
        return max((p.dense for p in r.passages if p.meta.guideline_id == "acc_aha_af_2023"), default=0.0)

    assert best_af(with_lay) > best_af(without) + 0.03, (best_af(with_lay), best_af(without))


def test_brand_name_is_not_counted_as_an_off_corpus_drug(knowledge_index: Index) -> None:
    q = "Is Trulicity all right with my kidney disease?"
    technical = technical_words(knowledge_index)
    assert technical is not None and technical("trulicity")          # would count as a technical word …
    assert not knowledge_index.bm25.known("truliciti")               # … that no guideline uses
    assert "truliciti" not in abstention.specific_terms(knowledge_index, q)
    assert abstention.specific_absent_corpus(knowledge_index, q) == 0.0
    # an unknown drug name in the same sentence still counts
    assert abstention.specific_absent_corpus(knowledge_index, q.replace("Trulicity", "Zorblax")) == 1.0
