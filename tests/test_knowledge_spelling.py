"""British and American spellings (``knowledge.spelling``): a question word the corpus only
knows spelt the other way reaches BM25 and the coverage signals in the corpus's spelling; a word
the corpus already uses is left alone, and nothing the corpus does not use is added."""

from __future__ import annotations

from carepath.knowledge import retriever
from carepath.knowledge.index import Index
from carepath.knowledge.lexical import terms
from carepath.knowledge.spelling import other_spellings, variants


def test_variants_go_both_ways() -> None:
    assert "hematoma" in variants("haematoma")
    assert "hospitalized" in variants("hospitalised")
    assert "tumor" in variants("tumour") and "tumour" in variants("tumor")
    assert all(v != "abc" for v in variants("abc"))


def test_the_corpus_spelling_is_added_only_when_the_corpus_uses_it(knowledge_index: Index) -> None:
    known = knowledge_index.bm25.known
    assert not any(known(t) for t in terms("haematoma")) and all(known(t) for t in terms("hematoma"))
    assert other_spellings("What size of cerebellar haematoma needs surgery?", knowledge_index) == ["hematoma"]
    assert other_spellings("What size of cerebellar hematoma needs surgery?", knowledge_index) == []
    assert other_spellings("four units of blood", knowledge_index) == []          # "four" is a corpus word
    assert other_spellings("a zzzzqaeqz", knowledge_index) == []                  # no variant the corpus uses


def test_bm25_meets_the_guideline_spelling_only_through_the_variant(knowledge_index: Index, monkeypatch) -> None:
    q = "cerebellar haematoma diameter for surgical evacuation"
    with_variant = retriever.expand(q, knowledge_index, lay=False)
    monkeypatch.setattr(retriever, "SPELLINGS", False)
    without = retriever.expand(q, knowledge_index, lay=False)
    assert "hematoma" in with_variant and "hematoma" not in without
    top = knowledge_index.lexical(with_variant, 3)
    assert any("hematoma" in knowledge_index.chunks[i].text.lower() for i, _ in top)
    bare = [t for t in terms(without) if knowledge_index.bm25.known(t)]
    assert "hematoma" not in " ".join(bare)


def test_one_letter_typos_of_guideline_words_are_read_as_those_words(knowledge_index: Index) -> None:
    from carepath.knowledge.spelling import typos

    assert typos("my dad has cirrosis and fluid in his belly", knowledge_index) == {"cirrosis": "cirrhosis"}
    assert typos("how much excercise lowers blood pressure", knowledge_index) == {"excercise": "exercise"}
    # English words are not typos of guideline words, shorthand is not, and a first letter never changes
    assert typos("does snoring or croup matter, afebrile child", knowledge_index) == {}
    assert typos("refer to nephro?", knowledge_index) == {}
    assert typos("is dronedarone safe", knowledge_index) == {}       # an unknown medicine stays unknown


def test_a_typo_no_longer_withholds_the_answer(knowledge_index: Index, monkeypatch) -> None:
    """A technical word the corpus lacks reads as a question the guidelines do not cover: uncorrected,
    "cirrosis" withheld a question the cirrhosis guideline answers. The answer keeps the user's words
    and says how it read them."""
    from carepath.knowledge import spelling
    from carepath.knowledge.answer import answer

    q = "my mum has liver cirrosis and a swollen belly, they tapped the fluid. what cell count means it is infected?"
    read = answer(q, index=knowledge_index)
    assert not read.abstained and read.citations[0].guideline_id == "aasld_cirrhosis_2023"
    assert read.read_as == {"cirrosis": "cirrhosis"} and read.question == q
    monkeypatch.setattr(spelling, "TYPO_MIN_LENGTH", 99)
    unread = answer(q, index=knowledge_index)
    # unread, "cirrosis" is a technical word no guideline uses; it withheld the answer until the abstention
    # model also weighed ``precedent`` (2026-12-05), and it still more than doubles P(unanswerable)
    assert unread.signals["specific_absent_corpus"] == 1.0 and read.signals["specific_absent_corpus"] == 0.0
    assert unread.signals["p_unanswerable"] > 2 * read.signals["p_unanswerable"] and not unread.read_as


def test_a_score_typed_without_its_hyphen_is_read_as_the_corpus_writes_it(knowledge_index) -> None:
    """"phq9", "curb65": tokenised joined, the score met neither BM25 nor the encoder, and "did the phq9
    thing ... got 21" was answered from the osteoporosis guideline. Read as "PHQ-9" (the corpus's own
    form), the depression guideline answers and the answer says what was read; a word the corpus never
    writes split is left alone."""
    from carepath.knowledge.answer import answer
    from carepath.knowledge.spelling import joined

    assert joined("curb65 of 3, where to treat", knowledge_index) == {"curb65": "CURB-65"}
    assert joined("is he on vitamin b12 or covid", knowledge_index).get("covid") is None
    assert joined("zz9 plural z alpha", knowledge_index) == {}
    a = answer("im 16 and did the phq9 thing at the doctors and got 21. what does that even mean", index=knowledge_index)
    assert a.read_as == {"phq9": "PHQ-9"}
    assert (a.citations or a.near_misses)[0].guideline_id == "apa_mdd_2023"


def test_a_word_the_corpus_spells_the_other_way_is_not_absent_from_it(knowledge_index: Index) -> None:
    """Abstention's technical words: "haematemesis" is the corpus's "hematemesis", so it is no sign that the
    question is off the corpus; a technical word no guideline uses in any spelling still is."""
    from carepath.knowledge.abstention import specific_absent_corpus, specific_terms

    british = specific_terms(knowledge_index, "Haematemesis with oesophageal varices - first step?")
    american = specific_terms(knowledge_index, "Hematemesis with esophageal varices - first step?")
    assert set(british) < set(american) and "haematemesi" not in " ".join(british)
    assert specific_absent_corpus(knowledge_index, "Haematemesis with oesophageal varices - first step?") == 0.0
    assert specific_absent_corpus(knowledge_index, "Is inclisiran an option after a statin?") > 0.0


def test_clipped_drug_names_are_read_as_the_corpus_word_they_begin(knowledge_index: Index, monkeypatch) -> None:
    """"atorva", "rosuva": a prescriber's clipping of a drug name the corpus spells in full counted as a
    medicine no guideline mentions, and withheld the statin-intensity answer. A clipping is read as the one
    corpus word it begins; one that begins several ("spiro": spironolactone, spirometry) or none is left."""
    from carepath.knowledge import spelling
    from carepath.knowledge.answer import answer

    assert spelling.clipped("atorva or rosuva, which dose", knowledge_index) == {
        "atorva": "atorvastatin", "rosuva": "rosuvastatin"}
    assert spelling.clipped("spiro and nephro", knowledge_index) == {}
    assert spelling.clipped("is dronedarone safe", knowledge_index) == {}
    q = "GP in Oslo: which daily doses of atorva and rosuva count as high intensity?"
    read = answer(q, index=knowledge_index)
    assert not read.abstained and read.read_as.get("atorva") == "atorvastatin"
    monkeypatch.setattr(spelling, "CLIPPED_MIN_LENGTH", 99)
    unread = answer(q, index=knowledge_index)  # unread, the clippings look like words no guideline uses
    assert unread.signals["specific_absent_corpus"] == 1.0 and read.signals["specific_absent_corpus"] == 0.0
    assert unread.signals["p_unanswerable"] > 2 * read.signals["p_unanswerable"] and not unread.read_as
