"""EHR question wording met in batch 41's and 42's TUNE rows (plain everyday questions with more lists,
yes/no and counts; a cardiology registrar, a diabetes nurse, a physiotherapist, a neighbour who cares,
a patient writing in old-fashioned English) and wordings written before those batches were read,
tested in other words. Each test fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, code, ended_of, exam_visits, of, refs


def test_can_you_and_contractions_name_nothing(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    meds = of(c, "MedicationRequest")
    a = ask(c, "Can you show me each drug I've ever been prescribed?")
    assert set(a.resource_ids) == refs(meds)


def test_old_fashioned_courtesy_names_nothing(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    flu = [r for r in of(a_path, "Immunization") if code(r, "vaccineCode") == "140"]
    a = ask(a_path, "Kindly inform me upon how many occasions he was inoculated against influenza.")
    assert f"{len(flu)} recorded" in a.text and set(a.resource_ids) == refs(flu)


def test_general_examinations_said_in_full(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    exams = exam_visits(a_path)
    a = ask(a_path, "number of general examinations he attended")
    assert exams and set(a.resource_ids) == refs(exams)


def test_a_neighbour_who_helps_is_not_the_subject(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = active_of(c, "MedicationRequest")
    a = ask(c, "I'm his neighbour and I help out with his pills - what is he on at the moment?")
    assert active and set(a.resource_ids) == refs(active)


def test_a_word_spelt_as_it_sounds(fhir_bundles) -> None:
    """A patient who spells by ear ("kolonoskopy", "nimonia", "colestrol"): read as the one clinical word
    with the same Metaphone key, only when nothing else matched and no English dictionary knows the word."""
    from carepath.tools.records import sounds

    vocab = frozenset({"colonoscopy", "pneumococcal", "pneumonia", "cholesterol", "potassium"})
    assert sounds.sounds_like("kolonoskopy", vocab) == "colonoscopy"
    assert sounds.sounds_like("colestrol", vocab) == "cholesterol"
    assert sounds.sounds_like("colonoscopy", vocab) is None          # a word the vocabulary knows stays
    a_path = fhir_bundles["afhir"]
    colo = [r for r in of(a_path, "Procedure") if r["code"]["coding"][0]["display"] == "Colonoscopy"]
    a = ask(a_path, "how many kolonoskopys did i have")
    assert f"{len(colo)} recorded" in a.text and set(a.resource_ids) == refs(colo)
    assert ask(a_path, "any kidny stons?").resource_ids == []        # still nothing the record holds


def test_now_over_is_ended_and_a_plural_now_is_every_current_one(fhir_bundles) -> None:
    """(batch 43's tune row) "illnesses ... that are now over" lists what ended; "what X does he have now"
    lists every current one, not the latest."""
    c, a_path = fhir_bundles["cfhir"], fhir_bundles["afhir"]
    ended = ended_of(c, "Condition")
    assert set(ask(c, "which of her problems are over now?").resource_ids) == refs(ended)
    active = active_of(a_path, "Condition")
    assert set(ask(a_path, "what diagnoses does he have now?").resource_ids) == refs(active)


def test_where_the_asker_reads_it_names_nothing(fhir_bundles) -> None:
    """(batch 44's tune row) "The app has a section for X. Which of his have finished?": the app and its
    section are where the asker looks, the X is the subject."""
    c = fhir_bundles["cfhir"]
    ended = ended_of(c, "Condition")
    a = ask(c, "The portal has a page for conditions. Which of his are resolved?")
    assert ended and set(a.resource_ids) == refs(ended)
