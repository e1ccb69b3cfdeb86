"""Patient/order context end to end, and reviewer safety (issue 13 items 1,
6, 8), through the real CLI (one process per step) and real loopback HTTP:
pydicom-data's RG1_UNCR (PatientID 9RG1, AccessionNumber "exam Number")
drafted with no model carries its context; approving the empty draft is
refused and leaves it waiting; the reviewer's written Findings/Impression
sign it into a FHIR bundle filed under the patient and the order; the same
study as a zip signs too; a request naming another patient is refused with
nothing drafted; a study without PatientID drafts with a warning; the
reviewer page and `carepath review` show the patient banner."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import httpx
import pydicom
import pytest
from pydicom.data import get_testdata_file

from support.http_fixtures import TOKENS
from support.workflow_fixtures import offline_cli_env, run_cli

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
REQUEST = "Chest radiograph, please draft the report."
FINDINGS = "Heart size is normal. The lungs are clear without focal consolidation."
IMPRESSION = "No acute cardiopulmonary abnormality."


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory, guideline_data_dir: Path) -> dict[str, str]:
    return offline_cli_env(guideline_data_dir, tmp_path_factory.mktemp("ctx-state"))


cp = run_cli


def draft_json(env: dict[str, str], *args: str) -> dict:
    r = cp(env, "draft", "--json", *args)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


def written_edit(env: dict[str, str], tid: str, tmp: Path) -> Path:
    """The edit file `carepath review --template` writes, filled in by the reviewer."""
    edit = tmp / f"{tid}.md"
    r = cp(env, "review", tid, "--template", str(edit))
    assert r.returncode == 0, r.stderr[-2000:]
    text = edit.read_text()
    assert "## Findings\n\n" in text and "## Impression\n\n" in text   # offered empty, to write
    edit.write_text(text.replace("## Findings\n", f"## Findings\n{FINDINGS}", 1)
                        .replace("## Impression\n", f"## Impression\n{IMPRESSION}", 1))
    return edit


def signed_outputs(stdout: str) -> dict[str, str]:
    """`carepath sign` names each written file by its kind: '  <kind> <path>'."""
    return {m[1]: m[2] for m in re.finditer(r"^  (\w+)\s+(/\S+)$", stdout, re.M)}


@pytest.fixture(scope="module")
def drafted(cli_env: dict[str, str]) -> dict:
    return draft_json(cli_env, "--text", REQUEST, "--study", str(RG1))


def test_draft_carries_the_dicom_context(drafted: dict) -> None:
    ctx = drafted["context"]
    assert ctx["patient"]["id"]["value"] == "9RG1"
    assert ctx["order"]["accession"]["value"] == "exam Number"
    assert ctx["study"]["modality"] == "CR" and "dicom" in ctx["sources"]
    assert not any("no patient identifier" in w for w in drafted["warnings"])


def test_review_shows_the_banner_and_offers_findings(cli_env: dict[str, str], drafted: dict) -> None:
    r = cp(cli_env, "review", drafted["thread_id"])
    assert r.returncode == 0, r.stderr[-2000:]
    assert "9RG1" in r.stdout and "exam Number" in r.stdout and "MRN" in r.stdout
    assert re.search(r"^Findings\n\s+\(not drafted", r.stdout, re.M), r.stdout
    assert re.search(r"^Impression\n\s+\(not drafted", r.stdout, re.M), r.stdout


def test_empty_draft_is_not_approved_then_written_findings_sign(cli_env: dict[str, str], drafted: dict,
                                                                 tmp_path: Path) -> None:
    tid = drafted["thread_id"]
    r = cp(cli_env, "sign", tid, "--reviewer", "Dr Ctx", "--approve")
    assert r.returncode != 0 and "write findings" in r.stderr and "reject" in r.stderr, r.stderr[-2000:]
    assert "Traceback" not in r.stderr
    assert json.loads(cp(cli_env, "review", tid, "--json").stdout)["status"] == "awaiting_signoff"

    r = cp(cli_env, "sign", tid, "--reviewer", "Dr Ctx", "--edit", str(written_edit(cli_env, tid, tmp_path)))
    assert r.returncode == 0, r.stderr[-3000:]
    out = signed_outputs(r.stdout)
    assert {"fhir", "sr", "sr_draft", "pdf", "pdf_dicom", "hl7v2", "md", "html"} <= set(out), r.stdout

    from carepath.workflows.outputs.fhir import read_bundle

    bundle = read_bundle(out["fhir"])
    by_type = {e.resource.__resource_type__: e.resource for e in bundle.entry}
    assert by_type["DiagnosticReport"].status == "final"
    assert [i.value for i in by_type["Patient"].identifier] == ["9RG1"]
    assert "exam Number" in [i.value for i in by_type["ServiceRequest"].identifier]
    assert IMPRESSION in (by_type["DiagnosticReport"].conclusion or "")
    md = Path(out["md"]).read_text()
    assert "**MRN:** 9RG1" in md and "exam Number" in md and FINDINGS.split(".")[0] in md
    assert "9RG1" in Path(out["hl7v2"]).read_text()


def test_zipped_study_drafts_with_context_and_signs(cli_env: dict[str, str], tmp_path: Path) -> None:
    z = tmp_path / "study.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(RG1, "export/IM0001.dcm")
    d = draft_json(cli_env, "--text", REQUEST, "--study", str(z))
    assert d["context"]["patient"]["id"]["value"] == "9RG1"
    r = cp(cli_env, "sign", d["thread_id"], "--reviewer", "Dr Zip", "--edit",
           str(written_edit(cli_env, d["thread_id"], tmp_path)))
    assert r.returncode == 0, r.stderr[-3000:]
    assert {"sr", "fhir", "md"} <= set(signed_outputs(r.stdout))


def test_request_naming_another_patient_is_refused(cli_env: dict[str, str]) -> None:
    before = json.loads(cp(cli_env, "review", "--json").stdout)
    r = cp(cli_env, "draft", "--text", REQUEST, "--study", str(RG1), "--patient-id", "OTHER")
    assert r.returncode != 0 and "conflicting patient/order context" in r.stderr, r.stderr[-2000:]
    assert "two different patients" in r.stderr and "Traceback" not in r.stderr
    assert "OTHER" not in r.stderr and "9RG1" not in r.stderr   # identifiers stay out of messages
    assert json.loads(cp(cli_env, "review", "--json").stdout) == before   # nothing drafted
    # The same identifier, stated, is no conflict: it confirms the study's.
    ok = draft_json(cli_env, "--text", REQUEST, "--study", str(RG1), "--patient-id", "9RG1",
                    "--accession", "exam Number")
    assert "request" in ok["context"]["sources"] and ok["context"]["patient"]["id"]["value"] == "9RG1"


def test_study_without_patient_id_drafts_with_a_warning(cli_env: dict[str, str], tmp_path: Path) -> None:
    ds = pydicom.dcmread(RG1)
    del ds.PatientID
    anon = tmp_path / "no-id.dcm"
    ds.save_as(anon)
    d = draft_json(cli_env, "--text", REQUEST, "--study", str(anon))
    assert d["context"]["patient"]["id"] is None
    assert any("no patient identifier (PatientID)" in w for w in d["warnings"]), d["warnings"]
    r = cp(cli_env, "review", d["thread_id"])
    assert "not recorded" in r.stdout and "no patient identifier" in r.stdout
    # The reviewer can add it: a request field fills what the study lacks.
    d2 = draft_json(cli_env, "--text", REQUEST, "--study", str(anon), "--patient-id", "MRN-77",
                    "--patient-id-issuer", "HOSP")
    assert d2["context"]["patient"]["id"] == {**d2["context"]["patient"]["id"], "value": "MRN-77",
                                              "namespace": "HOSP"}
    assert not any("no patient identifier" in w for w in d2["warnings"])


def signed_in(c: httpx.Client, token: str) -> httpx.Client:
    """A page session as a person opens one: the token form (with its CSRF field)."""
    form = c.get("/login/token")
    csrf = re.search(r'name="csrf_token" value="([^"]*)"', form.text)
    r = c.post("/login", data={"token": token, **({"csrf_token": csrf[1]} if csrf else {})})
    assert r.status_code == 303 and "msg=" not in r.headers.get("location", ""), r.text[:300]
    return c


def test_reviewer_page_shows_the_banner_and_refuses_empty_approval(carepath_server: str) -> None:
    c = httpx.Client(base_url=carepath_server, timeout=300)
    auth = {"Authorization": f"Bearer {TOKENS['reviewer']}"}
    with RG1.open("rb") as f:
        r = c.post("/v1/drafts", data={"text": REQUEST, "patient_id": "OTHER"},
                   files={"study": ("rg1.dcm", f, "application/dicom")}, headers=auth)
    assert r.status_code == 422 and "conflicting patient" in r.json()["what"], r.text
    with RG1.open("rb") as f:
        r = c.post("/v1/drafts", data={"text": REQUEST, "accession": "exam Number"},
                   files={"study": ("rg1.dcm", f, "application/dicom")}, headers=auth)
    assert r.status_code == 201, r.text
    tid = r.json()["thread_id"]
    assert r.json()["context"]["patient"]["id"]["value"] == "9RG1"
    r = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "approve"}, headers=auth)
    assert r.status_code == 422 and "write findings" in r.json()["fix"], r.text
    assert c.get(f"/v1/drafts/{tid}", headers=auth).json()["status"] == "awaiting_signoff"
    page = signed_in(c, TOKENS["reviewer"]).get(f"/review/{tid}")
    assert page.status_code == 200, page.text[:500]
    assert 'id="patient-banner"' in page.text and "9RG1" in page.text and "exam Number" in page.text
    assert 'name="edit:Findings"' in page.text and 'name="edit:Impression"' in page.text
