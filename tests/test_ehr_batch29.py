"""EHR question wording met in batch 29's TUNE rows (a hospitalist's handover and a patient asking by
voice assistant) and in wordings written before the batch was read, tested in other words: homophones
of clinical words and abbreviations spelt in letter names (speech-to-text), numbers said in words, what
someone is "on", "did it ever go low/high", a test "for his kidneys", antibiotics as a class. Each test
fails without its fix; expected ids come from the bundles' JSON."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import active_of, ask, code, of, refs

from carepath.tools.records import lexicon, sounds
from carepath.tools.records.spelling import spoken_numbers


def _series(path, loinc: str) -> list[dict]:
    return sorted((r for r in of(path, "Observation") if code(r, "code") == loinc),
                  key=lambda r: r["effectiveDateTime"])


def test_the_pronouncing_dictionary_reads_homophones_and_letter_names() -> None:
    assert sounds.dictionary_path() is not None, "pocketsphinx's CMU dictionary is a declared dependency"
    vocab = frozenset({"weigh", "weight", "white", "potassium"})
    assert sounds.homophones("way", vocab) == "weigh"
    assert sounds.homophones("wait", vocab) == "weight"          # "white" sounds otherwise
    assert sounds.homophones("weight", vocab) is None             # a vocabulary word stays itself
    letters = sounds.letter_names()
    assert letters["see"] == "c" and letters["el"] == "l" and letters["dee"] == "d"
    assert sounds.spelt_out("my el dee el please", frozenset({"ldl"})) == {"el dee el": "ldl"}
    assert sounds.spelt_out("did you see a doctor", frozenset(lexicon.SYNONYMS)) == {}


def test_a_homophone_of_a_measurement_is_read_as_it(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    weights = _series(c, "29463-7")
    a = ask(c, "what did i way at my last check")
    assert a.resource_ids == [f"Observation/{weights[-1]['id']}"]
    assert a.read_as.get("way") == "weigh"


def test_an_abbreviation_said_in_letter_names(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a1c = _series(c, "4548-4")
    a = ask(c, "first a one see on file")
    assert a.resource_ids == [f"Observation/{a1c[0]['id']}"]
    ldl = _series(c, "18262-6")
    assert ask(c, "latest el dee el").resource_ids == [f"Observation/{ldl[-1]['id']}"]


def test_numbers_said_in_words() -> None:
    assert spoken_numbers("visits in twenty fifteen or two thousand and twelve") == {
        "twenty fifteen": "2015", "two thousand and twelve": "2012"}
    assert spoken_numbers("was it over six point five") == {"six point five": "6.5"}
    assert spoken_numbers("the 13 one, or two and three") == {}   # a lone "one" and a list stay as said


def test_a_year_said_in_words_is_a_window(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    in_2016 = [r for r in of(a_path, "Immunization") if r["occurrenceDateTime"].startswith("2016")]
    a = ask(a_path, "which jabs did he have in twenty sixteen")
    assert in_2016 and set(a.resource_ids) == refs(in_2016)


def test_what_someone_is_on_is_their_medicines(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    active = active_of(c, "MedicationRequest")
    a = ask(c, "what's mum on at the moment?")
    assert active and set(a.resource_ids) == refs(active)


def test_did_it_ever_go_low_or_high_is_the_extreme(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    k = _series(c, "6298-4")
    lowest = min(k, key=lambda r: r["valueQuantity"]["value"])
    assert ask(c, "has her K ever run low?").resource_ids == [f"Observation/{lowest['id']}"]
    ldl = _series(c, "18262-6")
    highest = max(ldl, key=lambda r: r["valueQuantity"]["value"])
    a = ask(c, "has her LDL ever been too high")
    assert a.resource_ids == [f"Observation/{highest['id']}"]        # not the HDL: "high" named no test


def test_a_test_for_the_kidneys_is_kidney_function(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    cr = _series(a_path, "38483-4")
    a = ask(a_path, "when were his bloods for his kidneys last done")
    assert f"Observation/{cr[-1]['id']}" in a.resource_ids
    assert ask(a_path, "has he got kidney stones").resource_ids == []    # a disease, not the function


def test_antibiotics_are_a_class_of_medicines() -> None:
    assert "amoxicillin" in lexicon.SYNONYMS["abx"] and "nitrofurantoin" in lexicon.SYNONYMS["antibiotics"]
