"""WordNet synonyms for phrases the guidelines never use (knowledge.wordnet), read from Debian's
real WordNet 3.0 database (wordnet-base, installed by scripts/apt-deps.sh) against the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from carepath.knowledge import retriever, wordnet
from carepath.knowledge.index import Index

pytestmark = pytest.mark.skipif(not (wordnet.root() / "data.noun").is_file(),
                                reason="Debian wordnet-base is not installed (scripts/apt-deps.sh installs it)")


def test_index_carries_a_table_of_unused_phrases_to_used_synonyms(knowledge_index: Index,
                                                                   knowledge_index_dir: Path) -> None:
    assert (knowledge_index_dir / wordnet.FILE).is_file()  # written by the index build
    table = knowledge_index.wordnet
    assert table["spinal tap"] == ["lumbar puncture"] and table["clot buster"] == ["thrombolytic"]
    assert "diuretic" in table["water pill"]
    assert "lumbar puncture" not in table  # the corpus uses it: never a key
    assert "feel" not in table and "want" not in table  # WordNet also knows them as verbs: other senses
    assert "john" not in table  # a name (the John of St John's wort), never read as a lay word
    assert "thinner" not in table  # its synonym "dilutant" is not printed anywhere ("diluted" is)


def test_retrieval_reads_the_lay_phrase_as_the_guideline_term(knowledge_index: Index,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    q = "had the worst headache ever, the scan was clear, so why do they want to do a spinal tap on me"
    with_wn = retriever.retrieve(q, 5, None, knowledge_index)
    monkeypatch.setattr(retriever, "WORDNET", False)
    without = retriever.retrieve(q, 5, None, knowledge_index)
    assert "lumbar puncture" in with_wn.query and "lumbar puncture" not in without.query
    assert "lumbar puncture" in with_wn.passages[0].chunk.text.lower()
    assert "lumbar puncture" not in without.passages[0].chunk.text.lower()


def test_no_wordnet_means_no_synonyms_not_an_error(tmp_path: Path) -> None:
    table = wordnet.build_table(["Lumbar puncture is done."], lambda stem: True, folder=tmp_path)
    assert table["synonyms"] == {}
    assert wordnet.load(tmp_path) == {}  # an index built before the table existed
    assert wordnet.expand("why a spinal tap?", {}) == []


def test_expansion_never_repeats_what_the_question_says() -> None:
    table = {"spinal tap": ["lumbar puncture"], "tummy": ["stomach"]}
    assert wordnet.expand("spinal tap or lumbar puncture?", table) == []
    assert wordnet.expand("my tummy hurts after the spinal tap", table) == ["lumbar puncture", "stomach"]
