"""The guideline-answer evaluation (issue 15): independently written
questions in five styles, a frozen TUNE/TEST split, figures per split, and
the two rules that keep it honest: tune and test agree within the stated
margin, and every quote is verbatim."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from carepath.knowledge import abstention
from carepath.knowledge.eval import MARGIN, EvalReport, load_questions, normalise, report, run
from carepath.knowledge.index import Index


def test_question_set_shape_and_frozen_split() -> None:
    from carepath.knowledge.eval import _checker

    rows = load_questions(devset=False)
    assert sum(r.answerable for r in rows) >= 300 and sum(not r.answerable for r in rows) >= 60
    assert len({r.guideline_id for r in rows if r.answerable}) == 43
    styles = Counter(r.style for r in rows)
    assert set(styles) == {"shorthand", "vignette", "lay", "paraphrase", "near_miss"}
    checker = _checker()
    hashed = load_questions(checker.hash_split_files(), devset=False)  # type: ignore[attr-defined]
    assert sum(r.split == "test" for r in hashed) / len(hashed) >= 0.40
    assert sum(r.split == "test" for r in rows) / len(rows) >= 0.40  # extra tune-only rows did not dilute it
    split = checker.expected_split  # type: ignore[attr-defined]
    assert all(r.split == split(r.question) for r in hashed)  # nobody re-assigned a row after tuning
    tune_only = [r for r in rows if r.id not in {h.id for h in hashed}]
    assert len(tune_only) >= 80 and {r.split for r in tune_only} == {"tune"}  # TUNE-only file never feeds TEST
    assert checker.TUNE_ONLY_FILES == {"questions_c.jsonl"}  # type: ignore[attr-defined]
    # questions_d.jsonl: the fresh TEST portion, written before any output on it was seen; its TEST rows are
    # frozen by digest, so editing, adding or dropping one after tuning started fails here and in the checker.
    folder = checker.EVAL_DIR  # type: ignore[attr-defined]
    for name, digest in checker.FROZEN_TEST.items():  # type: ignore[attr-defined]
        raw = [json.loads(x) for x in (folder / name).read_text("utf-8").splitlines() if x.strip()]
        assert checker.test_digest(raw) == digest, name  # type: ignore[attr-defined]
    assert set(checker.FROZEN_TEST) >= {"questions_d.jsonl", "questions_e.jsonl"}  # type: ignore[attr-defined]
    for prefix in ("d-", "e-"):  # each fresh file's TEST rows: enough to read on their own
        fresh = [r for r in rows if r.id.startswith(prefix) and r.split == "test"]
        assert sum(r.answerable for r in fresh) >= 35 and sum(not r.answerable for r in fresh) >= 15
        assert len({r.guideline_id for r in fresh if r.answerable}) >= 30
    assert {r.split for r in load_questions() if r.id.startswith("devset-")} == {"tune"}  # tuned on before
    assert normalise("≥ 30 – 40\u00a0MG") == ">= 30 - 40 mg"


def test_abstention_model_was_fitted_on_tune_only() -> None:
    m = abstention.model()
    assert m is not None and m.fitted_on.startswith("tune split")
    from carepath.knowledge.eval import source

    rows = load_questions()
    assert m.fitted_sources and set(m.fitted_sources) <= {source(r) for r in rows if r.split == "tune"}
    # every TUNE row of the files it names, and nothing else (no TEST row, no row of a later file)
    n_tune = sum(r.split == "tune" and source(r) in m.fitted_sources for r in rows)
    counted = [int(x) for x in m.fitted_on.split(":")[1].replace("+", " ").split() if x.isdigit()]
    assert sum(counted) == n_tune


def test_tune_only_run_never_touches_test(knowledge_index: Index) -> None:
    from carepath.knowledge.eval import tune_rows

    rows = tune_rows()
    assert rows and {r.split for r in rows} == {"tune"}
    rep = report(run(knowledge_index, [r for r in rows if not r.id.startswith("devset-")][:6]))
    assert set(rep.splits) == {"tune"} and not rep.failures and not rep.gaps
    assert set(rep.by_source["tune"]) <= {"a", "b", "c", "d", "e"} and rep.by_source["tune"]  # per question file


@pytest.fixture(scope="module")
def eval_report(knowledge_index: Index) -> EvalReport:
    return report(run(knowledge_index))


@pytest.mark.slow
def test_abstention_gap_regression_guard(eval_report: EvalReport) -> None:
    """Issue 15's tune/test margin (``MARGIN`` 0.07) on abstention: measured 0.065 on 2026-12-02
    after the medicine-name and patient-group rules (tune 0.527, test 0.462), within the margin; it
    was 0.075 before them (tune 0.429, test 0.354). The gap moves with the machine's index build (the unchanged code's
    tune abstention was 0.429 on one machine, 0.420 on another) and its standard error with 112
    and 65 unanswerable questions is about 0.076, so this guard fails only when the gap widens past
    0.10 (a regression, or a refit that fits the tune near-misses harder); a gap over the margin
    must be listed in the report's failures, never hidden."""
    assert eval_report.gaps["abstention"] <= 0.10, eval_report.gaps
    assert any(f.startswith("|tune − test| abstention ") for f in eval_report.failures) == \
        (eval_report.gaps["abstention"] > MARGIN)  # the margin miss is reported, never hidden


@pytest.mark.slow
def test_eval_test_split_targets_and_tune_test_margin(eval_report: EvalReport) -> None:
    rep = eval_report
    tune, test = rep.splits["tune"].as_dict(), rep.splits["test"].as_dict()
    print("\nTUNE", {k: round(v, 3) for k, v in tune.items()}, "\nTEST", {k: round(v, 3) for k, v in test.items()},
          "\ngaps", rep.gaps, "\nfailures", rep.failures)
    assert test["verbatim"] == 1.0 and tune["verbatim"] == 1.0
    for k in ("recall@1", "recall@5", "facts", "false_abstention"):
        assert rep.gaps[k] <= MARGIN, (k, rep.gaps)
    assert set(rep.by_style["test"]) == {"shorthand", "vignette", "lay", "paraphrase", "near_miss"}
    # Floors under the latest TEST measurement (2026-12-02, after the guideline-agreement re-ranking, the
    # cited lay terms and the same-guideline quote preference, all fitted on TUNE; index built on this
    # session's machine): recall@1 0.937, recall@5 0.980, facts 0.778, abstention 0.354, false abstention 0.040 (the previous machine's index
    # gave 0.925 / 0.988 / 0.766 / 0.385 / 0.044 before those changes: builds differ by a few questions,
    # so the floors leave that much room). Issue 15's facts and abstention targets (0.80 / 0.80) are not
    # met and README says so. A regression below the floors fails.
    # 2026-12-03: facts 0.778 -> 0.786 after quotes weigh the asked sentences of a case (``quotes.W_ASK``,
    # swept on TUNE), this machine's index.
    # 2026-12-03: facts 0.786 -> 0.802 once quotes may come from the rest of the top chunk's guideline
    # (``quotes.SAME_GUIDELINE_CHUNKS``, swept on TUNE).
    # 2026-12-03, evening: a seventh author's fresh questions (questions_f) joined TEST, read once before any
    # change at 0.892 / 0.973 / 0.757; the whole split went 0.925 / 0.991 / 0.801 -> 0.921 / 0.989 / 0.797 with
    # no code change, so the recall@1 floor leaves the same few questions' room under the new aggregate.
    assert test["recall@1"] >= 0.91 and test["recall@5"] >= 0.97 and test["facts"] >= 0.785, test
    # abstention 0.462 / false 0.044 after the medicine-name and patient-group rules (``medicine_names``,
    # ``populations``, chosen on TUNE): was 0.354 / 0.040; facts 0.774 (one more false abstention)
    assert test["abstention"] >= 0.40 and test["false_abstention"] <= 0.05, test
    # 2026-12-05: abstention 0.482 -> 0.824, false abstention 0.045 -> 0.032 once the model weighs how close a
    # question is to earlier unanswerable TUNE questions of other authors (``precedent``, chosen by
    # leave-one-question-file-out cross-validation on TUNE, read once on TEST): issue 15's target is met;
    # the floor leaves a few questions' room for index builds that differ between machines
    assert test["abstention"] >= 0.77 and test["false_abstention"] <= 0.05, test
    fresh = rep.by_source["test"]["d"].as_dict()  # the fresh frozen questions_d TEST rows, reported apart
    assert fresh["recall@1"] >= 0.94 and fresh["facts"] >= 0.77 and fresh["abstention"] >= 0.44, fresh
    # questions_e (a sixth author, 2026-12-03), read once before any change: 0.925 / 1.000 / 0.787, abstention
    # 0.471 at 0.037 false; with it the whole TEST split is 0.928 / 0.991 / 0.798, 0.463 / 0.042.
    fresh_e = rep.by_source["test"]["e"].as_dict()
    assert fresh_e["recall@1"] >= 0.90 and fresh_e["facts"] >= 0.75 and fresh_e["abstention"] >= 0.40, fresh_e
    # questions_f (a seventh author, 2026-12-03 evening), read once before any change: 0.892 / 0.973 / 0.757,
    # abstention 0.455 at 0.054 false (37 + 11 TEST rows)
    fresh_f = rep.by_source["test"]["f"].as_dict()
    assert fresh_f["recall@1"] >= 0.86 and fresh_f["facts"] >= 0.72 and fresh_f["abstention"] >= 0.36, fresh_f
    # questions_g (an eighth author, 2026-12-03 night: a US hospital pharmacist, a rural Australian GP, paramedics,
    # a ward sister, an intern, an international graduate, relatives, a nursing student), read once before any
    # change: 0.824 / 0.941 / 0.794, abstention 0.375 at 0.059 false (34 + 8 TEST rows); with it the whole TEST
    # split is 0.913 / 0.985 / 0.797, 0.455 / 0.042 (no code change)
    fresh_g = rep.by_source["test"]["g"].as_dict()
    assert fresh_g["recall@1"] >= 0.79 and fresh_g["facts"] >= 0.75 and fresh_g["abstention"] >= 0.25, fresh_g
    tune_ids = {r.id for r in load_questions() if r.split == "tune"}
    assert rep.misses and {m["id"] for m in rep.misses} <= tune_ids  # TEST questions are never listed


def test_unknown_words_alone_never_cause_abstention(knowledge_index: Index) -> None:
    from carepath.knowledge.answer import answer

    q = "Which oral antibiotic for a healthy adult outpatient with community-acquired pneumonia?"
    plain_a = answer(q, index=knowledge_index)
    odd = answer(q + " qwvx ZQXV, kinda peaky, innit?", index=knowledge_index)  # slang, unknown abbreviations
    assert not plain_a.abstained and not odd.abstained
    for f in ("coverage_top", "coverage_best3", "coverage_guideline", "coverage_quote", "specific_missing"):
        assert odd.signals[f] == plain_a.signals[f], f  # unknown words are not in any denominator
    # The dense features do see the junk (it dilutes the question's vector: 0.129 -> 0.286 on one
    # machine's index build, 0.1 apart on another); what must hold is that it leaves the question far
    # from the abstention threshold.
    m = abstention.model()
    assert m is not None and odd.signals["p_unanswerable"] < m.threshold / 2, (odd.signals, m.threshold)
    assert abs(odd.signals["p_unanswerable"] - plain_a.signals["p_unanswerable"]) < 0.2
    assert odd.citations[0].guideline_id == plain_a.citations[0].guideline_id
    # A technical word no guideline uses (a drug name the corpus lacks) is evidence of a near miss and
    # raises P(unanswerable), but on its own, beside a well-covered question, it does not withhold the answer.
    drug = answer(q + " Zorblax?", index=knowledge_index)
    assert drug.signals["specific_missing"] == 1.0 and plain_a.signals["specific_missing"] == 0.0
    assert not drug.abstained and drug.citations[0].guideline_id == plain_a.citations[0].guideline_id


def test_specific_terms_are_technical_words_only(knowledge_index: Index) -> None:
    """Common English (one or two WordPiece pieces) and abbreviations never count as specific."""
    spec = abstention.specific_terms(knowledge_index, "My tummy hurts and my doctor wants dronedarone for my AF, "
                                                      "kinda peaky, qwvx ZQXV NSTEMI")
    assert list(spec) == ["dronedaron"]


def test_specific_absent_corpus_counts_only_words_no_guideline_uses(knowledge_index: Index) -> None:
    """A drug another guideline covers (apixaban) is not 'absent from the corpus'; one no guideline names is."""
    q = "Is sotagliflozin or apixaban better for my mum?"
    spec = abstention.specific_terms(knowledge_index, q)
    assert set(spec) == {"sotagliflozin", "apixaban"}
    share = abstention.specific_absent_corpus(knowledge_index, q)
    assert share == pytest.approx(spec["sotagliflozin"] / (spec["sotagliflozin"] + spec["apixaban"]))
    assert abstention.specific_absent_corpus(knowledge_index, "apixaban dose in AF with a tummy ache?") == 0.0


def test_medicine_names_by_inn_stem_and_never_everyday_words() -> None:
    """WHO INN stems mark a medicine; everyday and clinical words that merely share letters do not."""
    from carepath.knowledge.medicine_names import looks_like_medicine

    for w in ("inclisiran", "cangrelor", "montelukast", "dapagliflozin", "ceftriaxone", "semaglutide", "raloxifene"):
        assert looks_like_medicine(w), w
    for w in ("concept", "cholesterol", "april", "customer", "summer", "thrombosis", "grelin", "pril"):
        assert not looks_like_medicine(w), w


def test_a_medicine_no_guideline_mentions_is_withheld_and_a_known_one_is_not(knowledge_index: Index) -> None:
    """"Is inclisiran recommended ...?" cannot be answered from guidelines that never name it, however
    close the lipid passages are; the same question about a statin the corpus covers is answered."""
    from carepath.knowledge.answer import answer
    from carepath.knowledge.medicine_names import absent_medicines

    q = "Is {} recommended for a patient whose LDL stays above 70 mg/dL on maximal statin therapy?"
    assert absent_medicines(knowledge_index, q.format("inclisiran")) == ["inclisiran"]
    assert absent_medicines(knowledge_index, q.format("ezetimibe")) == []
    unknown = answer(q.format("inclisiran"), index=knowledge_index)
    assert unknown.abstained and unknown.signals["absent_medicine"] == 1.0 and not unknown.citations
    assert "None of the indexed guidelines mentions inclisiran" in unknown.answer  # says why
    known = answer(q.format("ezetimibe"), index=knowledge_index)
    assert known.signals["absent_medicine"] == 0.0


def test_a_dose_no_quote_states_for_the_named_medicine_is_withheld(knowledge_index: Index) -> None:
    """The AF guideline names dronedarone but gives no dose for it: a dose question is withheld and says
    why; a dose the guideline states (apixaban) is answered; a dose in the case description asks nothing."""
    from carepath.knowledge.answer import answer
    from carepath.knowledge.asked_quantity import asked_medicines, asked_sentences, unstated

    case = "Already on rivaroxaban 20 mg for AF. Is an ECG needed before cardioversion?"
    assert asked_sentences(case) == "Is an ECG needed before cardioversion?"
    assert unstated(knowledge_index, case, []) == []  # no dose asked
    assert list(asked_medicines(knowledge_index, "how many days of nitrofurantoin?").values()) == ["nitrofurantoin"]
    stated = "Apixaban: Standard dose is 5 mg BID."
    assert unstated(knowledge_index, "What dose of apixaban?", [stated]) == []
    assert unstated(knowledge_index, "What dose of apixaban?", ["Apixaban is preferred to warfarin."]) == [
        "a dose of apixaban"]
    withheld = answer("Pharmacist query: usual daily maintenance dose of dronedarone once she's back in sinus rhythm?",
                      index=knowledge_index)
    assert withheld.abstained and withheld.signals["unstated_quantity"] == 1.0
    assert "No passage found states a dose of dronedarone" in withheld.answer
    answered = answer("82F with AF, 54 kg, creatinine 1.6 mg/dL, starting apixaban. What dose?", index=knowledge_index)
    assert not answered.abstained and answered.signals["unstated_quantity"] == 0.0
    assert "2.5 mg" in " ".join(c.quote for c in answered.citations)


def test_a_food_no_guideline_mentions_is_withheld(knowledge_index: Index) -> None:
    """A guideline that never names a food cannot advise on it: "tart cherry juice" for gout is withheld
    and says why; a food the corpus names ("vegetables", "meat") is left to the calibrated model, and a
    food in the case description asks nothing."""
    from carepath.knowledge.answer import answer
    from carepath.knowledge.foods import absent_foods

    assert absent_foods(knowledge_index, "My gout is bad. Does tart cherry juice stop attacks?") == ["cherry", "juice"]
    assert absent_foods(knowledge_index, "Had cherry pie yesterday. When should I recheck my urate?") == []
    assert absent_foods(knowledge_index, "Should he eat less meat and more vegetables for his gout?") == []
    withheld = answer("does drinking coffee every day stop gout flares?", index=knowledge_index)
    assert withheld.abstained and withheld.signals["absent_food"] == 1.0
    assert "None of the indexed guidelines mentions coffee" in withheld.answer
    answered = answer("Gout flare in the big toe, no kidney disease - first-line treatment?", index=knowledge_index)
    assert not answered.abstained and answered.signals["absent_food"] == 0.0


def test_a_child_or_pregnancy_the_cited_guideline_never_mentions_is_withheld(knowledge_index: Index) -> None:
    """An adult guideline silent on children cannot answer "in a child"; one that mentions children
    (even to say a score is not validated in them) is left to the calibrated model, and "my son"
    alone is not a child."""
    from carepath.knowledge.answer import answer
    from carepath.knowledge.populations import asked_groups, uncovered

    assert asked_groups("DKA in a 7-year-old") == ["children"]
    assert asked_groups("my son had a heart attack at 52") == []
    assert asked_groups("she is 12 weeks pregnant") == ["pregnancy"]
    assert uncovered(knowledge_index, "fluid bolus for DKA in a child", "ada_dka_hhs_2024") == ["children"]
    assert uncovered(knowledge_index, "inhaler dose for a 6-year-old", "gina_asthma_2024") == []
    assert uncovered(knowledge_index, "NEWS2 for a pregnant woman", "rcp_news2_2017") == []  # "obstetric" counts
    child = answer("What insulin infusion rate should be used for DKA in a child?", index=knowledge_index)
    assert child.abstained and child.signals["uncovered_group"] == 1.0 and not child.citations
    assert "does not address children" in child.answer, child.answer
    adult = answer("What insulin infusion rate should be used for DKA in an adult?", index=knowledge_index)
    assert not adult.abstained and adult.signals["uncovered_group"] == 0.0


def test_breastfeeding_is_its_own_group_and_lactate_is_not_one(knowledge_index: Index) -> None:
    """Lactation is not pregnancy: a guideline that discusses pregnancy but never breastfeeding does
    not answer "safe while breastfeeding"; blood lactate and lactated Ringer's are neither."""
    from carepath.knowledge.answer import answer
    from carepath.knowledge.populations import asked_groups, uncovered

    assert asked_groups("Is salbutamol safe while breastfeeding?") == ["breastfeeding"]
    assert asked_groups("lactate 4.6 mmol/L after 30 mL/kg lactated Ringer's") == []
    assert asked_groups("a lactating mother with a DVT") == ["breastfeeding"]
    # GINA discusses pregnancy but never lactation
    assert uncovered(knowledge_index, "inhalers while breastfeeding", "gina_asthma_2024") == ["breastfeeding"]
    assert uncovered(knowledge_index, "inhalers in pregnancy", "gina_asthma_2024") == []
    nursing = answer("Is it safe to take a salbutamol inhaler while breastfeeding?", index=knowledge_index)
    assert nursing.abstained and not nursing.citations and "does not address breastfeeding" in nursing.answer
    sepsis = answer("Septic shock with lactate 4.6 mmol/L: how much crystalloid in the first 3 hours?",
                    index=knowledge_index)
    assert sepsis.signals["uncovered_group"] == 0.0
