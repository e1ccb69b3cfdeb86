"""One patient across every study input of a request (issue 13 item 1): a
comparison request's prior, a second current study and the instances inside
a zip are all checked against the current study's patient before a thread
exists.

Real pydicom-data files (RG1_UNCR: PatientID 9RG1, AccessionNumber "exam
Number"; CT_small: PatientID 1CT1; MR_small: PatientID 4MR1) and copies of them with one attribute
changed by pydicom stand for "another patient" or "an earlier order of the
same patient". The CLI runs as a separate process, HTTP on loopback, as in
tests/test_context_wiring.py. No identifier value may appear in a message.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import httpx
import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.uid import generate_uid

from carepath.context import ContextConflictError, Identifier, Patient, PersonName, Sighting, check_one_patient
from carepath.workflows.care_context import probe_inputs
from carepath.workflows.request import reference
from support.http_fixtures import TOKENS
from support.workflow_fixtures import offline_cli_env, run_cli

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
CT = Path(get_testdata_file("CT_small.dcm"))
MR = Path(get_testdata_file("MR_small.dcm"))
REQUEST = "Compare with the prior chest radiograph, please draft the report."
CONFLICT = "conflicting patient/order context"


def _copy(tmp: Path, name: str, src: Path = RG1, **changes: object) -> Path:
    """``src`` saved under ``name`` with header attributes changed (None deletes)."""
    ds = pydicom.dcmread(src)
    for keyword, value in changes.items():
        if value is None:
            delattr(ds, keyword)
        else:
            setattr(ds, keyword, value)
    out = tmp / name
    ds.save_as(out)
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("prior-files")
    other = _copy(tmp, "other-patient.dcm", PatientID="ZZ-OTHER-77", SOPInstanceUID=generate_uid())
    earlier = _copy(tmp, "earlier-order.dcm", AccessionNumber="ACC-PRIOR-1", StudyInstanceUID=generate_uid(),
                    SeriesInstanceUID=generate_uid(), SOPInstanceUID=generate_uid(), StudyDate="20030101")
    mixed = tmp / "mixed.zip"
    with zipfile.ZipFile(mixed, "w") as zf:
        zf.write(RG1, "export/PAT1/IM0001.dcm")
        zf.write(other, "export/PAT2/IM0001.dcm")
    ct_other = _copy(tmp, "ct-other.dcm", CT, PatientID="ZZ-OTHER-78", SOPInstanceUID=generate_uid())
    mixed_small = tmp / "mixed-ct.zip"   # under the HTTP upload limit
    with zipfile.ZipFile(mixed_small, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(CT, "PAT1/CT1.dcm")
        zf.write(ct_other, "PAT2/CT1.dcm")
    return {"other": other, "earlier": earlier, "mixed": mixed, "mixed_small": mixed_small,
            "issuer_a": _copy(tmp, "issuer-a.dcm", IssuerOfPatientID="HOSP-A"),
            "issuer_b": _copy(tmp, "issuer-b.dcm", IssuerOfPatientID="HOSP-B", SOPInstanceUID=generate_uid(),
                              StudyInstanceUID=generate_uid(), AccessionNumber="ACC-B"),
            "no_id_other_name": _copy(tmp, "no-id-other.dcm", PatientID=None, PatientName="Someone^Else",
                                      StudyInstanceUID=generate_uid(), SOPInstanceUID=generate_uid()),
            "no_id_same_name": _copy(tmp, "no-id-same.dcm", PatientID=None, StudyInstanceUID=generate_uid(),
                                     SOPInstanceUID=generate_uid()),
            "no_id_no_dob": _copy(tmp, "no-id-no-dob.dcm", PatientID=None, PatientBirthDate=None,
                                  StudyInstanceUID=generate_uid(), SOPInstanceUID=generate_uid())}


def probe(*inputs: tuple[str, Path]):
    return probe_inputs([reference(kind, path) for kind, path in inputs])


def refused(*inputs: tuple[str, Path]) -> str:
    with pytest.raises(ContextConflictError) as exc:
        probe(*inputs)
    text = exc.value.one_line()
    assert CONFLICT in text and "9RG1" not in text and "ZZ-OTHER" not in text, text
    return text


# --- the rule, on the real headers (in process) --------------------------------------------------

def test_prior_of_another_patient_is_refused_naming_both_inputs(files: dict[str, Path]) -> None:
    text = refused(("study", RG1), ("prior", files["other"]))
    assert "current study RG1_UNCR.dcm vs prior other-patient.dcm" in text
    assert "two different patients (PatientID differs)" in text and "fix:" in text
    # A different real test patient (CT_small, 1CT1) as the prior: the same refusal.
    assert "PatientID differs" in refused(("study", RG1), ("prior", CT))


def test_prior_of_the_same_patient_from_another_order_is_accepted(files: dict[str, Path]) -> None:
    p = probe(("study", RG1), ("prior", files["earlier"]))
    ctx = p.context
    assert ctx is not None and ctx.patient.id.value == "9RG1"
    # The order and study are the current study's, not the prior's.
    assert ctx.order.accession.value == "exam Number"
    assert ctx.study.instance_uid == pydicom.dcmread(RG1, stop_before_pixels=True).StudyInstanceUID
    assert ctx.study.date != dt.date(2003, 1, 1)
    assert p.modalities[str(files["earlier"].resolve())] == ["CR"]
    assert not any("PatientID" in w or "differs" in w for w in p.warnings), p.warnings


def test_the_current_study_gives_the_context_whatever_the_input_order(files: dict[str, Path]) -> None:
    p = probe(("prior", files["earlier"]), ("study", RG1))
    assert p.context.order.accession.value == "exam Number"


def test_a_zip_mixing_two_patients_is_refused(files: dict[str, Path]) -> None:
    text = refused(("study", files["mixed"]))
    assert "(current study mixed.zip)" in text and "instances of this one input" in text
    assert "PatientID differs" in refused(("study", RG1), ("prior", files["mixed"]))


def test_two_current_studies_of_two_orders_are_refused_one_report_per_order(files: dict[str, Path]) -> None:
    text = refused(("study", RG1), ("study", files["earlier"]))
    assert "two different orders (AccessionNumber differs)" in text and "--prior" in text
    # The same two files as current + prior are a normal comparison.
    assert probe(("study", RG1), ("prior", files["earlier"])).context is not None


def test_one_export_holding_the_study_and_its_prior_warns_and_files_the_first(
        files: dict[str, Path], tmp_path: Path) -> None:
    """A PACS export of the study with its prior (what the longitudinal skill
    pairs by date) is one input: two orders inside it warn, not refuse."""
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "a_current.dcm").write_bytes(RG1.read_bytes())
    (folder / "b_prior.dcm").write_bytes(files["earlier"].read_bytes())
    p = probe(("study", folder))
    assert p.context.order.accession.value == "exam Number"
    assert any("holds studies of more than one order (AccessionNumber)" in w and "--prior" in w
               for w in p.warnings), p.warnings
    assert not any("ACC-PRIOR" in w for w in p.warnings)


def test_two_current_studies_of_two_patients_are_refused(files: dict[str, Path]) -> None:
    assert "two different patients" in refused(("study", RG1), ("study", CT))


def test_same_patient_id_from_two_issuers_is_refused(files: dict[str, Path]) -> None:
    text = refused(("study", files["issuer_a"]), ("prior", files["issuer_b"]))
    assert "IssuerOfPatientID differs" in text and "HOSP-" not in text
    # An issuer on one side only is no conflict (the PatientID agrees).
    assert probe(("study", files["issuer_a"]), ("prior", RG1)).context.patient.id.namespace == "HOSP-A"


def test_without_patient_id_name_and_birth_date_decide(files: dict[str, Path]) -> None:
    text = refused(("study", RG1), ("prior", files["no_id_other_name"]))
    assert "PatientName or PatientBirthDate differs" in text and "Someone" not in text
    ok = probe(("study", RG1), ("prior", files["no_id_same_name"]))
    assert not any("cannot be compared" in w for w in ok.warnings), ok.warnings


def test_without_anything_to_compare_a_warning_names_the_attribute(files: dict[str, Path]) -> None:
    p = probe(("study", RG1), ("prior", files["no_id_no_dob"]))
    warning = next(w for w in p.warnings if "cannot be compared" in w)
    assert "PatientID is missing" in warning and "PatientBirthDate" in warning
    assert "prior no-id-no-dob.dcm" in warning and "9RG1" not in warning and "CompressedSamples" not in warning


def test_a_prior_that_is_the_current_study_is_warned_about() -> None:
    assert any("the prior is the current study itself" in w for w in probe(("study", RG1), ("prior", RG1)).warnings)


def test_same_id_with_a_changed_name_warns_and_is_not_refused() -> None:
    pid = Identifier(value="MRN-1")
    a = Sighting(label="current study a.dcm", patient=Patient(id=pid, name=PersonName(family="Smith")))
    b = Sighting(label="prior b.dcm", patient=Patient(id=pid, name=PersonName(family="Jones"),
                                                      birth_date=dt.date(1950, 1, 1)))
    warnings = check_one_patient([a, b, a])
    assert warnings == ["current study a.dcm and prior b.dcm: same PatientID but PatientName differs; "
                        "check it is the same patient"]
    assert "Smith" not in warnings[0] and "MRN-1" not in warnings[0]


def test_a_stated_patient_id_is_checked_against_the_prior(files: dict[str, Path]) -> None:
    """The current study lacks a PatientID and the request states one: a
    prior stating another is still refused."""
    from carepath.context import RequestFields

    refs = [reference("study", files["no_id_no_dob"]), reference("prior", RG1)]
    with pytest.raises(ContextConflictError, match="prior RG1_UNCR.dcm vs request fields"):
        probe_inputs(refs, RequestFields(patient_id="MRN-XYZ"))
    assert probe_inputs(refs, RequestFields(patient_id="9RG1")).context.patient.id.value == "9RG1"


# --- end to end: the CLI (exit code as any conflict) and HTTP, nothing drafted ---------------------

@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory, guideline_data_dir: Path) -> dict[str, str]:
    return offline_cli_env(guideline_data_dir, tmp_path_factory.mktemp("prior-state"))


def pending(env: dict[str, str]) -> list:
    r = run_cli(env, "review", "--json")
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


def test_cli_refuses_a_prior_of_another_patient_and_drafts_nothing(cli_env: dict[str, str],
                                                                   files: dict[str, Path]) -> None:
    before = pending(cli_env)
    for extra in (["--prior", str(files["other"])], ["--study", str(files["mixed"])]):
        r = run_cli(cli_env, "draft", "--text", REQUEST, "--study", str(RG1), *extra)
        assert r.returncode == 4, (r.returncode, r.stderr[-2000:])   # InputError, as other conflicts
        assert CONFLICT in r.stderr and "two different patients" in r.stderr and "Traceback" not in r.stderr
        assert "9RG1" not in r.stderr and "ZZ-OTHER" not in r.stderr
    r = run_cli(cli_env, "draft", "--text", REQUEST, "--study", str(files["mixed"]))
    assert r.returncode == 4 and "instances of this one input" in r.stderr, r.stderr[-2000:]
    assert pending(cli_env) == before


def test_cli_drafts_with_a_prior_of_the_same_patient(cli_env: dict[str, str], files: dict[str, Path]) -> None:
    r = run_cli(cli_env, "draft", "--json", "--text", REQUEST, "--study", str(RG1), "--prior", str(files["earlier"]))
    assert r.returncode == 0, r.stderr[-3000:]
    d = json.loads(r.stdout)
    assert d["context"]["patient"]["id"]["value"] == "9RG1"
    assert d["context"]["order"]["accession"]["value"] == "exam Number"
    assert d["context"]["study"]["date"] != "2003-01-01"
    assert d["thread_id"] in {t["thread_id"] for t in pending(cli_env)}


def test_http_refuses_two_patients_and_drafts_nothing(carepath_server: str, files: dict[str, Path]) -> None:
    c = httpx.Client(base_url=carepath_server, timeout=300)
    auth = {"Authorization": f"Bearer {TOKENS['reviewer']}"}
    before = c.get("/v1/drafts", headers=auth).json()
    with files["mixed_small"].open("rb") as f:
        r = c.post("/v1/drafts", data={"text": REQUEST},
                   files={"study": ("mixed-ct.zip", f, "application/zip")}, headers=auth)
    assert r.status_code == 422 and CONFLICT in r.json()["what"], r.text
    assert "two different patients" in r.json()["why"] and "1CT1" not in r.text and "ZZ-OTHER" not in r.text
    with CT.open("rb") as a, MR.open("rb") as b:
        r = c.post("/v1/drafts", data={"text": REQUEST}, headers=auth,
                   files=[("study", ("cur.dcm", a, "application/dicom")),
                          ("study", ("other.dcm", b, "application/dicom"))])
    assert r.status_code == 422 and "two different patients" in r.json()["why"], r.text
    assert c.get("/v1/drafts", headers=auth).json() == before
