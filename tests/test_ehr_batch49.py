"""EHR wordings from batches 49-50's tune misses, fixed in general form: a therapist's setting that
contains a Patient field word, a possessor the record does not know ("the veteran's"), everyday
words that look like clinical ones ("meaning", "imagining"), a question read back in quotes, a
vaccine named after the disease ("the injection for pneumonia") and "altogether". Expected ids come
from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, exam_visits, of, refs


def test_a_setting_label_with_a_field_word_is_not_the_field(fhir_bundles) -> None:
    from carepath.tools.records.question import parse

    c = fhir_bundles["cfhir"]
    bronchitis = [r for r in of(c, "Condition") if code(r, "code") == "10509002"]
    a = ask(c, "Speech and language therapy: how many bronchitis episodes has he had?")
    assert set(a.resource_ids) == refs(bronchitis) and f"{len(bronchitis)} recorded" in a.text
    assert parse("Speech and language therapy: how many bronchitis episodes?").demographic is None
    assert parse("Interpreter: what language does he prefer?").demographic == "language"
    assert parse("any speech and language therapist input?").demographic is None


def test_an_unknown_possessor_is_the_patient_and_an_eponym_is_not(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    exams = sorted(exam_visits(c), key=lambda r: r["period"]["start"])
    for q in ("Caseworker: date of the veteran's last general physical exam?",
              "when was our client's most recent general exam"):
        assert ask(c, q).resource_ids == [f"Encounter/{exams[-1]['id']}"], q
    a = ask(c, "has he had the Alzheimer's disease?")
    assert not a.resource_ids and "not in this record" in a.text


def test_everyday_words_are_not_read_as_clinical_ones(fhir_bundles) -> None:
    """"meaning" is not the MCV's "mean", "imagining" is not imaging: the weight trend is asked."""
    c = fhir_bundles["cfhir"]
    weights = [r for r in of(c, "Observation") if code(r, "code") == "29463-7"]
    a = ask(c, "I've been meaning to ask for ages - has my weight come down since you first weighed me, "
               "or am I imagining it?")
    assert weights and set(a.resource_ids) == refs(weights) and a.read_as == {}


def test_a_question_read_back_in_quotes_and_a_vaccine_named_by_its_disease(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    pneumo = sorted((r for r in of(a_path, "Immunization") if code(r, "vaccineCode") in {"33", "133"}),
                    key=lambda r: r["occurrenceDateTime"])
    assert len(pneumo) == 2
    a = ask(a_path, "Relaying for the family, word for word: 'The jab against pneumonia, she thinks he had it "
                    "once or twice. When did he last have it?'")
    assert a.resource_ids == [f"Immunization/{pneumo[-1]['id']}"]
    flu = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "140"]
    assert set(ask(a_path, "has he had the shots for flu?").resource_ids) == refs(flu)


def test_altogether_counts_the_whole_type(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    shots = of(a_path, "Immunization")
    a = ask(a_path, "How many immunisations has he had overall, altogether?")
    assert set(a.resource_ids) == refs(shots) and f"{len(shots)} recorded" in a.text
