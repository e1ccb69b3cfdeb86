"""De-identification over a long run (issue 14 item 8): a patient's
identifier values and the note that their header was already read used to be
evicted independently, so after enough studies a re-read patient was "seen"
but no longer scrubbed. With the cache limit scaled down, more studies than
fit are read and the first patient is read again: their name and id must
still be removed from outgoing text."""

from __future__ import annotations

import random
import string

import pytest
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.uid import generate_uid

from carepath import deid
from carepath.settings import get_settings

LIMIT = 60   # identifier values kept; the default is 20,000 (about 2,000 studies)


@pytest.fixture
def remote(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "openai")
    monkeypatch.setenv("CAREPATH_IMAGING__BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setattr(deid, "MAX_REMEMBERED", LIMIT)
    get_settings.cache_clear()
    deid.KNOWN.clear()
    assert deid.active()
    yield
    deid.KNOWN.clear()


def _patients(n: int) -> list[tuple[str, str, str]]:
    rng = random.Random(14)
    word = lambda: rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=8))  # noqa: E731
    return [(word(), word(), f"Q{rng.randrange(10**7, 10**8)}") for _ in range(n)]


def _study(family: str, given: str, pid: str):
    ds = dcmread(get_testdata_file("CT_small.dcm"))
    ds.PatientName = f"{family}^{given}"
    ds.PatientID = pid
    ds.OtherPatientIDs = f"{pid}X"
    ds.StudyInstanceUID = generate_uid()
    return ds


def _leaks(text: str, *values: str) -> list[str]:
    clean, _ = deid.scrub_text(text)
    return [v for v in values if v.lower() in clean.lower()]


def test_first_patient_is_still_scrubbed_after_more_studies_than_the_cache_holds(remote: None) -> None:
    patients = _patients(25)
    first = _study(*patients[0])
    deid.remember_dataset(first)
    family, given, pid = patients[0]
    note = f"Prior study of {given} {family}, record {pid}; compare with today."
    assert _leaks(note, family, given, pid) == []
    for p in patients[1:]:
        deid.remember_dataset(_study(*p))
    assert deid.KNOWN.size() <= LIMIT                  # the cache really was overrun...
    assert _leaks(note, family, given, pid) == [family, given, pid]   # ...and patient 1 evicted whole
    deid.remember_dataset(first)                       # the same header read again (a re-read)
    assert _leaks(note, family, given, pid) == []
    deid.remember_dataset(_study(*patients[0]))        # a new study of the same patient
    assert _leaks(note, family, given, pid) == []


def test_recently_read_patients_stay_while_old_ones_go_as_a_unit(remote: None) -> None:
    patients = _patients(25)
    studies = [_study(*p) for p in patients]
    for ds in studies:
        deid.remember_dataset(ds)
    last_family, last_given, last_pid = patients[-1]
    assert _leaks(f"{last_given} {last_family} {last_pid}", last_family, last_given, last_pid) == []
    for family, given, pid in patients:
        leaked = _leaks(f"{given} {family} {pid} {pid}X", family, given, pid, f"{pid}X")
        assert leaked in ([], [family, given, pid, f"{pid}X"]), leaked   # never a partial set


def test_fhir_patients_are_grouped_too(remote: None) -> None:
    for n, (family, given, pid) in enumerate(_patients(30)):
        deid.remember_fhir_patient({"resourceType": "Patient", "id": f"p{n}",
                                    "name": [{"family": family, "given": [given]}],
                                    "identifier": [{"value": pid}]})
    family, given, pid = _patients(30)[-1]
    assert _leaks(f"{family}, {given}: {pid}", family, given, pid) == []
    assert deid.KNOWN.size() <= LIMIT
