"""carepath.knowledge.support: a sentence is supported by a passage only when its
numbers (with units), laterality, negation and specific terms are there."""

from __future__ import annotations

from carepath.knowledge.answer import check_sentences
from carepath.knowledge.support import quantities, supports

PASSAGE = ("- **Healthy outpatients:** Amoxicillin 1 g three times daily, or doxycycline 100 mg twice daily "
           "for 5 days. Do not use fluoroquinolones routinely. Drain the left pleural effusion.")


def test_quantities_keep_units_and_fold_ranges_and_words() -> None:
    assert quantities("500 mg–1 g TDS for 5 days, within two to four hours") >= {"500 mg", "1 g", "5 day",
                                                                                   "2 hour", "4 hour"}
    assert "48 hour" in quantities("review within 48 hours") and "48 hour" in quantities("48 h")


def test_supported_paraphrase_passes() -> None:
    v = supports("Healthy outpatients can take amoxicillin 1 g three times daily for 5 days.", PASSAGE)
    assert v.supported, v.reason


def test_invented_or_changed_dose_fails() -> None:
    v = supports("Doxycycline 200 mg twice daily is an alternative.", PASSAGE)
    assert not v.supported and v.missing_numbers == ["200 mg"]
    v = supports("Amoxicillin 1 mg three times daily.", PASSAGE)  # same number, other unit
    assert not v.supported and "1 mg" in v.missing_numbers
    assert not supports("Give amoxicillin for 7 days.", PASSAGE).supported


def test_laterality_and_negation_must_match() -> None:
    assert not supports("Drain the right pleural effusion.", PASSAGE).supported
    assert supports("Drain the left pleural effusion.", PASSAGE).supported
    assert not supports("Amoxicillin is not recommended for healthy outpatients.", "Amoxicillin is "
                        "recommended for healthy outpatients.").supported


def test_specific_terms_must_be_in_the_passage() -> None:
    v = supports("Levofloxacin twice daily for healthy outpatients.", PASSAGE,
                 is_key_word=lambda w: w == "levofloxacin")
    assert not v.supported and v.missing_terms == ["levofloxacin"]


def test_check_sentences_reasons() -> None:
    passages = {1: PASSAGE, 2: "Obtain blood cultures in severe CAP."}
    text = ("Healthy outpatients can take amoxicillin 1 g three times daily [1]. "
            "Doxycycline 200 mg once daily is an alternative [1]. "
            "Blood cultures are needed in severe CAP [2]. "
            "Levofloxacin is always first line [3]. "
            "Always admit elderly patients.")
    checks = check_sentences(text, passages)
    assert [c.supported for c in checks] == [True, False, True, False, False]
    assert "200" in checks[1].reason and "not supplied" in checks[3].reason and checks[4].reason == "no citation"


def test_codes_with_numbers_must_match() -> None:
    assert not supports("Refer at stage G4.", "Refer at stage G3a to nephrology.").supported
    assert supports("Refer at stage G3a.", "Refer at stage G3a to nephrology.").supported


def test_a_labelled_number_must_match_its_label() -> None:
    """"Track 7" is not "Track 2" although the passage prints 7 elsewhere ("5-7 days"); the same
    labelled number, or the number alone, still passes."""
    passage = ("Reliever: continue as-needed SABA (Track 2) or as-needed ICS-formoterol (Track 1). "
               "Give prednisolone 40-50 mg daily for 5-7 days.")
    assert not supports("Continue as-needed SABA (Track 7) for symptom relief.", passage).supported
    assert supports("Continue as-needed SABA (Track 2) for symptom relief.", passage).supported
    assert not supports("Step up to step 4 with ICS-formoterol.", "Step up to step 3 with ICS-formoterol.").supported
    assert supports("Prednisolone for 7 days.", passage).supported
