"""EHR question wording met in batch 19's TUNE rows and in invented wordings tried before it, tested
in other words: a count of visits for one year counts that year only; a kind of visit with none in
the asked year says nothing beside one that has some; vital status and the place of residence (town and
state, never the street) are read from the Patient resource; a lab name heard rather than read ("creatine", "triglycerines") is
read as the record's name; phlegm and "spit test" are sputum; "a camera up the bum" is a
colonoscopy; "pt's" names nobody. Each test fails without its fix. The expected ids and values are
computed from the bundles' JSON, never from the engine."""

from __future__ import annotations

from support.docs_fixtures import *  # noqa: F401,F403
from support.ehr_helpers import ask, code, of, refs


def _year(r: dict) -> str:
    return str((r.get("period") or {}).get("start", ""))[:4]


def test_count_of_visits_in_one_year_counts_that_year_only(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    visits = of(c, "Encounter")
    in_2015 = [r for r in visits if _year(r) == "2015"]
    assert 0 < len(in_2015) < len(visits)
    a = ask(c, "how many times was she seen in 2015?")
    assert set(a.resource_ids) == refs(in_2015)
    assert f"{len(in_2015)} recorded" in a.text and "2015" in a.text
    none = ask(c, "number of appointments in 2001")
    assert not none.resource_ids and "not in this record" in none.text


def test_a_visit_kind_with_none_that_year_is_left_out_beside_one_with_some(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    er = [r for r in of(a_path, "Encounter") if r["class"]["code"] == "EMER"]
    in_2016 = [r for r in er if _year(r) == "2016"]
    assert len(er) == 2 and len(in_2016) == 1
    a = ask(a_path, "Was she taken to A&E at all in 2016?")
    assert set(a.resource_ids) == refs(in_2016)
    assert "no results between" not in a.text


def test_vital_status_and_home_address_come_from_the_patient(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    pat = of(a_path, "Patient")[0]
    assert "deceasedDateTime" not in pat and "deceasedBoolean" not in pat
    alive = ask(a_path, "Just checking - is the patient still alive?")
    assert alive.resource_ids == [f"Patient/{pat['id']}"] and "not recorded as deceased" in alive.text
    addr = pat["address"][0]
    home = ask(a_path, "what postcode do we have for him?")
    assert home.resource_ids == [f"Patient/{pat['id']}"]   # town and state; street and postcode identify him
    assert addr["city"] in home.text and addr["state"] in home.text
    assert addr["line"][0] not in home.text and addr["postalCode"] not in home.text
    where = ask(a_path, "where does the patient live")
    assert addr["city"] in where.text


def test_lab_names_heard_rather_than_read(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    creat = [r for r in of(c, "Observation") if code(r, "code") == "38483-4"]
    trig = [r for r in of(c, "Observation") if code(r, "code") == "2571-8"]
    assert creat and trig
    latest = max(creat, key=lambda r: r["effectiveDateTime"])
    a = ask(c, "creatine result at her last check?")
    assert a.resource_ids == [f"Observation/{latest['id']}"] and a.read_as.get("creatine") == "creatinine"
    peak = max(trig, key=lambda r: r["valueQuantity"]["value"])
    b = ask(c, "peak triglycerines?")
    assert b.resource_ids == [f"Observation/{peak['id']}"]


def test_a_word_the_record_knows_is_never_respelt(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    a = ask(c, "latest creatinine?")
    assert not a.read_as


def test_phlegm_and_spit_tests_are_sputum(fhir_bundles) -> None:
    c = fhir_bundles["cfhir"]
    sputum = [r for r in of(c, "Procedure") if code(r, "code") == "269911007"]
    assert len(sputum) == 1
    for q in ("did she ever have her phlegm tested?", "date of the spit sample"):
        assert set(ask(c, q).resource_ids) == refs(sputum), q


def test_camera_tests_in_lay_words(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    colo = sorted((r for r in of(a_path, "Procedure") if code(r, "code") == "73761001"),
                  key=lambda r: r["performedPeriod"]["start"])
    assert len(colo) == 3
    a = ask(a_path, "most recent camera into his bottom?")
    assert a.resource_ids == [f"Procedure/{colo[-1]['id']}"]
    b = ask(a_path, "when was my first camera test up the back passage")
    assert b.resource_ids == [f"Procedure/{colo[0]['id']}"]


def test_pt_names_nobody(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    assert not of(a_path, "AllergyIntolerance")
    a = ask(a_path, "pt's allergies?")
    assert a.text.startswith("Allergies") and "not in this record" in a.text


def test_month_and_day_windows() -> None:
    """"in Jan 2014", "2014-03", "03/2014", "on 2015-03-30", "before 2015", "up to 2013": the
    window is the month, day or open span asked, never the whole year; "may" is a month only
    before a year."""
    from carepath.tools.records.question import _window, window_words

    assert _window("ldl in jan 2014?") == ("2014-01-01", "2014-01-31")
    assert _window("cholesterol readings 2014-03?") == ("2014-03-01", "2014-03-31")
    assert _window("labs dated 03/2014") == ("2014-03-01", "2014-03-31")
    assert _window("weight on 2015-03-30") == ("2015-03-30", "2015-03-30")
    assert _window("may i see his bp from 2015") == ("2015-01-01", "9999")
    assert _window("visits before 2015")[0] == "0000" and "2014-12-31" < _window("visits before 2015")[1] < "2015-01-01"
    assert _window("flu shots up to 2013") == ("0000", "2013-12-31")
    assert _window("from Jan 2013 to 2016-12") == ("2013-01-01", "2016-12-31")
    assert window_words(_window("ldl in jan 2014?")) == "in 2014-01"
    assert window_words(_window("before 2015")) == "before 2015"


def test_a_month_with_no_reading_gives_the_nearest_one_said_to_be_outside(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    ldl = [r for r in of(a_path, "Observation") if code(r, "code") == "18262-6"]
    in_2014 = [r for r in ldl if r["effectiveDateTime"].startswith("2014")]
    assert len(in_2014) == 1 and not in_2014[0]["effectiveDateTime"].startswith("2014-01")
    a = ask(a_path, "LDL in January 2014?")
    assert a.resource_ids == [f"Observation/{in_2014[0]['id']}"]
    assert "no results in 2014-01" in a.text and "outside the asked dates" in a.text
    year = ask(a_path, "LDL in 2009?")   # a whole year with none: none, no neighbour offered
    assert year.resource_ids == [] and "not in this record" in year.text


def test_before_a_year_counts_only_what_came_before(fhir_bundles) -> None:
    a_path = fhir_bundles["afhir"]
    colo = [r for r in of(a_path, "Procedure") if code(r, "code") == "73761001"]
    before = [r for r in colo if r["performedPeriod"]["start"] < "2012"]
    assert 0 < len(before) < len(colo)
    a = ask(a_path, "how many colonoscopies before 2012?")
    assert set(a.resource_ids) == refs(before)
