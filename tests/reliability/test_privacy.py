"""Patient identifiers never leave the outputs folder.

The whole workflow (draft, sign-off, outputs) runs on pydicom's
``charset_files`` (patient names in Latin, Greek, Cyrillic, Hebrew, Arabic,
Japanese, Chinese and Korean scripts), on a real chest X-ray whose header
carries names and ids in several scripts, on broken copies of those files
(error paths) and on Synthea FHIR bundles, in-process and through the real
CLI at DEBUG log level. Then every byte written outside
``<state_dir>/outputs`` (checkpoints, thread index, audit trail, artifacts,
WAL files), every log record and everything printed is searched for each
identifier in UTF-8, JSON-escaped and its original DICOM encoding. The
outputs (FHIR bundle, DICOM SR) may carry them: that is their job.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_charset_files, get_testdata_file

from carepath.draft import ReviewDecision
from carepath.workflows.request import DraftRequest
from carepath.workflows.service import open_service

# The reviewer's own words: an empty draft (no model here) is never approved as it is.
REVIEWED = {"Impression": "Reviewed by the radiologist; no acute abnormality."}
PHI_KEYWORDS = {"PatientName", "PatientID", "PatientBirthDate", "AccessionNumber", "OtherPatientIDs",
                "PatientBirthName", "PatientMotherBirthName"}
RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))
PLANTED = {"PatientName": "Ωμέγαλος^Δοκιμή=山田^花子=やまだ^はなこ", "PatientID": "MRN-7788-9911",
           "PatientBirthDate": "19450317", "AccessionNumber": "ACC-99887766"}


def _wanted(s: str) -> bool:
    s = s.strip()
    return len(s) >= (3 if not s.isascii() else 4) and not s.isdigit() or (s.isdigit() and len(s) >= 6)


def identifiers(ds: pydicom.Dataset) -> set[str]:
    """Every patient identifier value in the dataset (sequences too), as
    the strings that might leak: whole, per name group and per component."""
    out: set[str] = set()
    for el in ds.iterall():
        if el.keyword not in PHI_KEYWORDS or el.value in (None, ""):
            continue
        values = el.value if isinstance(el.value, (list, pydicom.multival.MultiValue)) else [el.value]
        for v in values:
            text = str(v)
            out |= {text, text.replace("^", " ")}
            for group in text.split("="):
                out |= {group, group.replace("^", " ")} | set(group.split("^"))
    return {s for s in out if _wanted(s)}


def raw_values(path: Path) -> set[bytes]:
    """The identifiers as stored in the file (ISO 2022, Latin-1, GB18030…)."""
    with pydicom.config.disable_value_validation():
        ds = pydicom.dcmread(path, stop_before_pixels=True)
    out = set()
    for kw in ("PatientName", "PatientID"):
        if kw in ds:
            raw = ds.get_item(kw).value
            if isinstance(raw, bytes):
                out |= {raw.strip()} | {p for p in raw.split(b"^") if len(p) >= 4}
    return {r for r in out if len(r) >= 4}


def needles(ids: set[str], raw: set[bytes]) -> dict[bytes, str]:
    found: dict[bytes, str] = {}
    for s in ids:
        found[s.encode("utf-8")] = s
        found[json.dumps(s)[1:-1].encode("ascii")] = s           # JSON with ensure_ascii
        found[s.encode("utf-16-le")] = s
    for r in raw:
        found[r] = r.decode("latin-1")
    return {k: v for k, v in found.items() if len(k) >= 3}


def fhir_identifiers(bundle: Path) -> set[str]:
    data = json.loads(bundle.read_text(encoding="utf-8"))
    out: set[str] = set()
    for e in data["entry"]:
        r = e["resource"]
        if r["resourceType"] != "Patient":
            continue
        for n in r.get("name", []):
            parts = [*n.get("given", []), n.get("family", "")]
            out |= {p for p in parts if p} | {" ".join(parts)}
        out |= {i["value"] for i in r.get("identifier", []) if i.get("value")}
        out.add(r.get("birthDate", ""))
    return {s for s in out if _wanted(s)}


def scan(paths: list[Path], blobs: dict[str, bytes], needle_map: dict[bytes, str]) -> list[str]:
    leaks = []
    for p in paths:
        data = p.read_bytes()
        leaks += [f"{p}: {who!r}" for n, who in needle_map.items() if n in data]
    for name, data in blobs.items():
        leaks += [f"{name}: {who!r}" for n, who in needle_map.items() if n in data]
    return leaks


@pytest.fixture
def studies(tmp_path: Path) -> list[Path]:
    """Each charset file on its own, the planted radiograph, and broken copies."""
    out = [Path(f) for f in get_charset_files("*.dcm")]
    ds = pydicom.dcmread(RG1)
    ds.SpecificCharacterSet = "ISO_IR 192"
    for k, v in PLANTED.items():
        setattr(ds, k, v)
    planted = tmp_path / "planted.dcm"
    ds.save_as(planted)
    out.append(planted)
    for src in (planted, Path(get_charset_files("chrH32.dcm")[0]), Path(get_charset_files("chrRuss.dcm")[0])):
        data = src.read_bytes()
        broken = tmp_path / f"broken-{src.name}"
        broken.write_bytes(data[: min(len(data) - 10, 1200)])
        out.append(broken)
    return out


def test_no_identifier_outside_outputs(guideline_data_dir: Path, fhir_bundles: dict[str, Path],
                                       studies: list[Path], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capfd: pytest.CaptureFixture[str]) -> None:
    from carepath.models import registry
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    # Threads now hold the patient/order context (clinical data, for outputs and the reviewer):
    # at rest it is encrypted with the checkpoint key, so no state file holds it in plain text.
    monkeypatch.setenv("CAREPATH_SECURITY__CHECKPOINT_KEY", base64.b64encode(bytes(range(32))).decode())
    get_settings.cache_clear()
    registry.reset()
    state = get_settings().state_dir
    log_file = tmp_path / "debug.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    needle_map: dict[bytes, str] = {}
    for s in studies:
        try:
            needle_map |= needles(identifiers(pydicom.dcmread(s, force=True)), raw_values(s))
        except Exception:  # noqa: BLE001 - broken copies: their source's identifiers are collected
            pass
    for b in fhir_bundles.values():
        needle_map |= needles(fhir_identifiers(b), set())
    assert len(needle_map) > 60 and any("山田" in v for v in needle_map.values())
    signed = 0
    try:
        with open_service() as svc:
            for s in studies:
                out = svc.draft(DraftRequest(text="Please draft the report for this image.", studies=[s]))
                if out.status == "awaiting_signoff":
                    svc.sign(out.thread_id, ReviewDecision(reviewer="Dr Privacy", action="edit", edits=REVIEWED))
                    signed += 1
            for b in fhir_bundles.values():
                out = svc.draft(DraftRequest(text="Who is this patient, when was she born, and what is "
                                                  "the latest glucose?", fhir=str(b)))
                svc.sign(out.thread_id, ReviewDecision(reviewer="Dr Privacy", action="edit", edits=REVIEWED))
                signed += 1
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    assert signed >= len(studies) - 3 + len(fhir_bundles)

    # The real CLI at DEBUG: one study folder with every file, and the FHIR bundle.
    folder = tmp_path / "all"
    folder.mkdir()
    for s in studies:
        shutil.copy(s, folder / s.name)
    planted = next(s for s in studies if s.name == "planted.dcm")
    env = {k: v for k, v in os.environ.items()} | {"CAREPATH_LOG_LEVEL": "DEBUG"}
    cli = [subprocess.run([sys.executable, "-m", "carepath", *argv], env=env, capture_output=True,
                          timeout=600)
           for argv in (["draft", "--json", "--text", "Report this study.", "--study", str(folder)],
                        ["draft", "--json", "--text", "Report this study.", "--study", str(planted)],
                        ["draft", "--text", "Summarize the record.", "--fhir", str(fhir_bundles["afhir"])],
                        ["prepare", str(folder)], ["review"])]
    # The folder holds many patients' files: refused as one request (one patient per report),
    # and the refusal's message is scanned for identifiers below like every other stream.
    assert cli[0].returncode == 4 and b"conflicting patient" in cli[0].stderr, cli[0].stderr[-2000:]
    assert cli[1].returncode == 0, cli[1].stderr[-2000:]

    outputs = state / "outputs"
    assert any(outputs.rglob("*.dcm")) and any(outputs.rglob("*.json")), "outputs were written"
    written = [p for p in state.rglob("*") if p.is_file() and outputs not in p.parents]
    assert any(p.name == "audit.jsonl" for p in written) and any("checkpoint" in p.name for p in written)
    captured = capfd.readouterr()
    blobs = {"debug log": log_file.read_bytes(), "stdout": captured.out.encode(),
             "stderr": captured.err.encode()}
    for i, r in enumerate(cli):
        blobs[f"cli[{i}] stderr"] = r.stderr
        if cli[i].args[3] != "draft":   # a draft's stdout is the reviewer's view: it shows the patient banner
            blobs[f"cli[{i}] stdout"] = r.stdout
    assert len(blobs["debug log"]) > 0
    leaks = scan(written, blobs, needle_map)
    assert not leaks, "\n".join(sorted(set(leaks))[:40])
    # …and the scan would have found them: the signed outputs do carry the planted name.
    sr = b"".join(p.read_bytes() for p in outputs.rglob("*.dcm"))
    assert PLANTED["PatientID"].encode() in sr
    if figures := os.environ.get("CAREPATH_FIGURES_DIR"):
        Path(figures).mkdir(parents=True, exist_ok=True)
        (Path(figures) / "privacy.json").write_text(json.dumps({
            "identifier_forms": len(needle_map), "files_scanned": len(written),
            "streams_scanned": len(blobs), "leaks": len(leaks)}))


# --- de-identification before a remote model ---------------------------------------------------


class ScriptedModel:
    """Stands in for the remote GPU server's model; the HTTP hop is real."""

    def generate(self, req):  # noqa: ANN001, ANN201 - the OpenAIServer protocol
        from carepath.models.vlm import Generation, TextPart

        text = " ".join(p.text for p in req.content if isinstance(p, TextPart))
        answer = ('{"sections": []}' if "Answer with JSON only" in text else
                  "Findings:\n- No focal consolidation.\nImpression:\nNo acute disease.")
        return Generation(text=answer, model="remote-medgemma", backend="fake-http")


def _remote(monkeypatch: pytest.MonkeyPatch, url: str, deidentify: str | None) -> None:
    from carepath import deid
    from carepath.models import registry
    from carepath.settings import get_settings

    for role in ("IMAGING", "TEXT"):
        monkeypatch.setenv(f"CAREPATH_{role}__BACKEND", "openai")
        monkeypatch.setenv(f"CAREPATH_{role}__BASE_URL", url)
        monkeypatch.setenv(f"CAREPATH_{role}__MODEL", "remote-medgemma")
        monkeypatch.setenv(f"CAREPATH_{role}__RETRIES", "0")
        if deidentify is None:
            monkeypatch.delenv(f"CAREPATH_{role}__DEIDENTIFY", raising=False)
        else:
            monkeypatch.setenv(f"CAREPATH_{role}__DEIDENTIFY", deidentify)
    get_settings.cache_clear()
    registry.reset()
    deid.KNOWN.clear()


@pytest.mark.parametrize("deidentify", [None, "false"])
def test_remote_model_receives_no_identifiers(deidentify: str | None, guideline_data_dir: Path,
                                              fhir_bundles: dict[str, Path], studies: list[Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from support.openai_server import OpenAIServer

    from carepath.models import registry
    from carepath.workflows.outputs.fhir import read_bundle

    monkeypatch.setenv("CAREPATH_DATA_DIR", str(guideline_data_dir))
    planted = next(s for s in studies if s.name == "planted.dcm")
    bundle = fhir_bundles["afhir"]
    patient = next(e["resource"] for e in json.loads(bundle.read_text())["entry"]
                   if e["resource"]["resourceType"] == "Patient")
    who = f"{patient['name'][0]['given'][0]} {patient['name'][0]['family']}"
    ids = identifiers(pydicom.dcmread(planted)) | fhir_identifiers(bundle)
    with OpenAIServer(ScriptedModel(), model_name="remote-medgemma") as srv:
        _remote(monkeypatch, srv.base_url, deidentify)
        try:
            with open_service() as svc:
                cxr = svc.draft(DraftRequest(
                    text=f"Patient Ωμέγαλος Δοκιμή, MRN: {PLANTED['PatientID']}, DOB 17/03/1945, "
                         f"accession {PLANTED['AccessionNumber']}: cough for a week, chest X-ray please.",
                    studies=[planted]))
                ehr = svc.draft(DraftRequest(text=f"What is the latest glucose of {who}?", fhir=str(bundle)))
                signed = svc.sign(cxr.thread_id, ReviewDecision(reviewer="Dr Remote", action="edit", edits=REVIEWED))
        finally:
            registry.reset()
    sent = json.dumps(srv.requests, ensure_ascii=False)
    if os.environ.get("CAREPATH_DEBUG_DEID"):
        print(re.sub(r"data:image[^\"]+", "IMG", sent)[:6000])
    assert len(srv.requests) >= 2 and "cough for a week" in sent
    leaked = sorted(i for i in ids if i in sent)
    backends = {m.backend for d in (cxr.draft, ehr.draft) for m in d.models}
    policy = read_bundle(signed.outputs["fhir"]).model_dump(mode="json")
    provs = [e["resource"] for e in policy["entry"] if e["resource"]["resourceType"] == "Provenance"]
    if deidentify is None:   # default for a remote backend: on
        assert not leaked, leaked
        assert sent.count("[REDACTED]") >= 4
        assert backends == {"openai+deid"}
        assert any("http://dicom.nema.org/resources/ontology/DCM#113100" in p.get("policy", [])
                   for p in provs)
    else:                    # switched off: the same check sees the identifiers go out
        assert PLANTED["PatientID"] in leaked and who.split()[-1] in sent
        assert backends == {"openai"} and not any(p.get("policy") for p in provs)


def test_local_backends_are_not_scrubbed_by_default() -> None:
    from carepath import deid
    from carepath.settings import GeneratorSettings

    assert deid.enabled(GeneratorSettings(backend="openai", base_url="http://gpu:8000/v1"))
    assert deid.enabled(GeneratorSettings(backend="auto", base_url="http://gpu:8000/v1"))
    assert not deid.enabled(GeneratorSettings(backend="transformers"))
    assert not deid.enabled(GeneratorSettings(backend="auto"))
    assert deid.enabled(GeneratorSettings(backend="transformers", deidentify=True))
    assert not deid.enabled(GeneratorSettings(backend="openai", base_url="http://h/v1", deidentify=False))


def test_pattern_recognizers_catch_what_no_header_announced() -> None:
    from carepath import deid

    deid.KNOWN.clear()
    text, n = deid.scrub_text("Patient Jane Roe, MRN: A1234567, DOB 03/17/1945, SSN 123-45-6789, "
                              "call (617) 555-0100 or jane.roe@example.org; Roe^Jane in the header. "
                              "Glucose 90.13 mg/dL on 2019-04-22, ref 70-99, LOINC 2345-7.")
    for leaked in ("Jane", "Roe", "A1234567", "1945", "6789", "555-0100", "example.org"):
        assert leaked not in text, (leaked, text)
    # clinical content, result dates, ranges and codes are kept
    assert "Glucose 90.13 mg/dL on 2019-04-22, ref 70-99, LOINC 2345-7." in text and n == 7
