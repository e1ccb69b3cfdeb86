"""A case's numbers pick the guideline band they fall into (``knowledge.thresholds``): the quote for
"early warning score 0" is the "Score 0" unit, not "Score 1–4"; "K 3.1" meets "K+ < 3.5"."""

from __future__ import annotations

from carepath.knowledge.thresholds import Value, fit, question_values


def test_question_values_name_what_they_measure() -> None:
    vals = question_values("82 y/o woman with AF, weight 58 kg, creatinine 1.1; NEWS2 11, eGFR has dropped to 27")
    assert Value("age", 82.0) in vals and Value("weight", 58.0) in vals
    assert Value("news2", 11.0) in vals and Value("egfr", 27.0) in vals
    assert not any(v.label in ("kg", "y") for v in vals)
    assert question_values("no numbers here at all") == []
    assert all(v.value != 12.0 for v in question_values("risk came out at 12%"))  # a percentage is not a band value


def test_band_fit_prefers_the_band_the_value_falls_in() -> None:
    zero = question_values("my nan's early warning score on the ward is 0")
    assert fit("Response Algorithm > NEWS2 Score 0 — Routine Monitoring", zero) == 1
    assert fit("Response Algorithm > NEWS2 Score 1–4 — Ward-Based Assessment", zero) == -1
    assert fit("Monitoring: minimum every 4–6 hours", zero) == 0  # says nothing about the score
    k = question_values("DKA K 3.1 on arrival - start insulin?")
    assert fit("--> K+ < 3.5 mmol/L (hypokalemia)? --> DELAY insulin", k) == 1
    assert fit("--> K+ > 5.0 mmol/L? --> Do NOT replace potassium", k) == -1
    apixaban = question_values("82 y/o woman with AF, weight 58 kg")
    assert fit("Reduce to 2.5 mg BID if: Age ≥ 80 years, Body weight ≤ 60 kg", apixaban) == 1
    assert fit("#### Mild Depression (EPDS 10-12, PHQ-9 10-14)", question_values("EPDS 11")) == 1
    assert fit("#### Severe Depression (EPDS >= 20, PHQ-9 >= 20)", question_values("EPDS 11")) == -1
