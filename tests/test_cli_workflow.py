"""The workflow through the real CLI, one process per step: a draft paused in
one process is reviewed and signed in others; outputs validate (FHIR R4B +
status checks, DICOM SR with dciodvfy); bad sign-offs are refused and leave
the thread resumable; the audit trail verifies and detects tampering."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file
from support.workflow_fixtures import offline_cli_env, run_cli

RG1 = get_testdata_file("RG1_UNCR.dcm")
REQUEST = "Chest X-ray for cough and fever, please draft the report."


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory, guideline_data_dir: Path) -> dict[str, str]:
    return offline_cli_env(guideline_data_dir, tmp_path_factory.mktemp("cli-state"))


cp = run_cli


@pytest.fixture(scope="module")
def drafted(cli_env: dict[str, str]) -> dict:
    r = cp(cli_env, "draft", "--json", "--text", REQUEST, "--study", RG1)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


def test_draft_pauses_with_cited_evidence(drafted: dict) -> None:
    assert drafted["status"] == "awaiting_signoff" and drafted["intent"] == "cxr_report"
    sections = {s["name"]: s for s in drafted["draft"]["sections"]}
    # No MedGemma weights here: the draft says so and invents no findings.
    assert "Findings" not in sections
    limits = " ".join(x["text"] for x in sections["Limitations"]["sentences"])
    assert "not generated" in limits
    ids = set(drafted["draft"]["evidence_ids"])
    for s in drafted["draft"]["sections"]:
        for sent in s["sentences"]:
            assert sent["evidence"], sent
            assert set(sent["evidence"]) <= ids | {f"G{c['n']}" for c in drafted["citations"]}


def test_same_request_reuses_the_thread(cli_env: dict[str, str], drafted: dict) -> None:
    r = cp(cli_env, "draft", "--json", "--text", REQUEST, "--study", RG1)
    again = json.loads(r.stdout)
    assert again["thread_id"] == drafted["thread_id"] and again["reused"] is True


def test_review_lists_pending(cli_env: dict[str, str], drafted: dict) -> None:
    r = cp(cli_env, "review", "--json")
    assert drafted["thread_id"] in [t["thread_id"] for t in json.loads(r.stdout)]


def test_bad_signoffs_are_refused_and_thread_stays_resumable(cli_env: dict[str, str], drafted: dict,
                                                             tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    r = cp(cli_env, "sign", drafted["thread_id"], "--reviewer", "Dr A", "--edit", str(empty))
    assert r.returncode != 0 and "edit file is empty" in r.stderr and "Traceback" not in r.stderr
    r = cp(cli_env, "sign", "no-such-thread", "--reviewer", "Dr A", "--approve")
    assert r.returncode != 0 and "unknown draft" in r.stderr
    r = cp(cli_env, "review", drafted["thread_id"], "--json")
    assert json.loads(r.stdout)["status"] == "awaiting_signoff"


def test_sign_in_another_process_writes_valid_outputs(cli_env: dict[str, str], drafted: dict,
                                                      tmp_path: Path) -> None:
    edit = tmp_path / "edit.md"
    edit.write_text("## Impression\nNo acute cardiopulmonary abnormality on this draft review.\n")
    r = cp(cli_env, "sign", drafted["thread_id"], "--reviewer", "Dr Signer", "--edit", str(edit),
           "--json")
    assert r.returncode == 0, r.stderr[-3000:]
    signed = json.loads(r.stdout)
    assert signed["status"] == "final"
    out = signed["outputs"]
    assert {"fhir", "md", "html", "sr", "sr_draft"} <= set(out)

    from carepath.workflows.outputs.fhir import read_bundle

    bundle = read_bundle(out["fhir"])  # parses with fhir.resources.R4B + status checks
    report = next(e.resource for e in bundle.entry if e.resource.__resource_type__ == "DiagnosticReport")
    assert report.status == "final"

    if shutil.which("dciodvfy") is None:
        pytest.fail("dciodvfy missing: make test installs dicom3tools")
    for key in ("sr_draft", "sr"):
        v = subprocess.run(["dciodvfy", out[key]], capture_output=True, text=True)
        assert v.returncode == 0 and "Error" not in v.stderr + v.stdout, (key, v.stderr[-2000:])

    again = cp(cli_env, "sign", drafted["thread_id"], "--reviewer", "Dr B", "--approve")
    assert again.returncode != 0 and "already signed" in again.stderr

    exported = tmp_path / "r.html"
    r = cp(cli_env, "export", drafted["thread_id"], "--format", "html", "--out", str(exported))
    assert r.returncode == 0 and "Dr Signer" in exported.read_text()


def test_audit_verifies_and_detects_tampering(cli_env: dict[str, str], drafted: dict,
                                              tmp_path: Path) -> None:
    r = cp(cli_env, "audit", "verify", "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    log = Path(cli_env["CAREPATH_STATE_DIR"]) / "audit" / "audit.jsonl"
    text = log.read_text()
    assert "Dr Signer" in text or drafted["thread_id"] in text
    assert "RG1" not in text  # file names and patient data stay out of the trail
    bad = tmp_path / "tampered.jsonl"
    bad.write_text(text.replace('"action":"route:cxr_report"', '"action":"route:cxr_rep0rt"', 1))
    r = cp(cli_env, "audit", "verify", str(bad))
    assert r.returncode != 0


def test_dictated_request_is_transcribed_and_routed(cli_env: dict[str, str],
                                                    tmp_path: Path) -> None:
    wav = tmp_path / "dictation.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav),
                    "Chest x-ray for cough and fever. Please draft the report."], check=True)
    r = cp(cli_env, "draft", "--json", "--audio", str(wav), "--study", RG1)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout)
    assert out["transcript"]["asr_backend"] == "whisper-base (non-medical fallback)"
    assert "chest" in out["transcript"]["text"].lower()
    assert out["intent"] == "cxr_report" and out["status"] == "awaiting_signoff"


def test_silent_audio_and_no_input(cli_env: dict[str, str], tmp_path: Path) -> None:
    import numpy as np
    import soundfile as sf

    silent = tmp_path / "silence.wav"
    sf.write(str(silent), np.zeros(16_000 * 2, dtype=np.float32), 16_000)
    r = cp(cli_env, "draft", "--json", "--audio", str(silent))
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    assert out["status"] == "awaiting_signoff"
    assert any("no recognisable speech" in w or "No speech" in w for w in out["warnings"])
    texts = [s["text"] for sec in out["draft"]["sections"] for s in sec["sentences"]]
    assert any("Nothing could be drafted" in t for t in texts)
    r = cp(cli_env, "draft", "--json")
    assert r.returncode == 4 and "needs --text or --audio" in r.stderr


def test_unplaceable_or_unreadable_study_becomes_a_warning_not_a_final_report(
        cli_env: dict[str, str], tmp_path: Path) -> None:
    """A question plus an unreadable study, and a study the router cannot place
    (a structured report, not an image): the draft still pauses for a human,
    says why, and nothing is finalized."""
    junk = tmp_path / "scan.dcm"
    junk.write_bytes(b"\x00" * 128 + b"DICM" + b"\xff" * 64)
    sr_only = get_testdata_file("reportsi.dcm")
    for study, needle in ((junk, "scan.dcm"), (sr_only, "reportsi.dcm")):
        r = cp(cli_env, "draft", "--json", "--text", "Which antibiotic for community-acquired pneumonia?",
               "--study", str(study))
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-2000:]
        out = json.loads(r.stdout)
        assert out["status"] == "awaiting_signoff"
        assert out["warnings"] and any(needle in w or "study" in w.lower() for w in out["warnings"]), out
        for sec in out["draft"]["sections"]:
            for s in sec["sentences"]:
                assert s["evidence"]


def test_export_sr_before_and_after_signing(cli_env: dict[str, str], tmp_path: Path) -> None:
    import pydicom

    r = cp(cli_env, "draft", "--json", "--text", "Portable chest film, report please.", "--study", RG1)
    tid = json.loads(r.stdout)["thread_id"]
    draft_sr = tmp_path / "draft.dcm"
    r = cp(cli_env, "export", tid, "--format", "sr", "--out", str(draft_sr))
    assert r.returncode == 0, r.stderr
    ds = pydicom.dcmread(draft_sr)
    assert ds.CompletionFlag == "PARTIAL" and ds.VerificationFlag == "UNVERIFIED"
    edit = tmp_path / "edit.md"   # no model ran: an empty draft is not approved, findings are written
    edit.write_text("## Impression\nNo acute cardiopulmonary abnormality.\n")
    assert cp(cli_env, "sign", tid, "--reviewer", "Dr Export", "--edit", str(edit)).returncode == 0
    signed_sr = tmp_path / "signed.dcm"
    assert cp(cli_env, "export", tid, "--format", "sr", "--out", str(signed_sr)).returncode == 0
    ds2 = pydicom.dcmread(signed_sr)
    assert ds2.CompletionFlag == "COMPLETE" and ds2.VerificationFlag == "VERIFIED"
    assert ds2.SOPInstanceUID != ds.SOPInstanceUID
    r = cp(cli_env, "export", "no-such-thread", "--format", "fhir", "--out", str(tmp_path / "x.json"))
    assert r.returncode == 4 and "unknown draft" in r.stderr and not (tmp_path / "x.json").exists()
