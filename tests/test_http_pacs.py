"""A PACS reference through the HTTP API, against a real Orthanc: a study
named by `pacs` + `study_uid` is pulled only from a PACS on the server's
allow-list (the server must never fetch an arbitrary URL for a client)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pydicom
from pydicom.data import get_testdata_file

from support.http_fixtures import TOKENS, free_port, server_env, start_server
from support.orthanc_fixtures import OrthancServer

RG1 = Path(get_testdata_file("RG1_UNCR.dcm"))


def test_http_draft_from_an_allowed_pacs_only(orthanc: OrthancServer, guideline_data_dir: Path,
                                              tmp_path: Path) -> None:
    orthanc.upload(RG1)
    uid = str(pydicom.dcmread(RG1, stop_before_pixels=True).StudyInstanceUID)
    allowed = f"dicomweb:{orthanc.dicomweb}"
    port = free_port()
    env = server_env(guideline_data_dir, tmp_path / "state", CAREPATH_PACS__ALLOWED=f'["{allowed}"]')
    proc = start_server(env, port, tmp_path / "server.log")
    try:
        # A PACS pull needs the reviewer role (or the pacs_pull permission): a requester is refused
        # before anything is pulled.
        r = httpx.post(f"http://127.0.0.1:{port}/v1/drafts", timeout=300,
                       data={"text": "Chest X-ray, please report.", "pacs": allowed, "study_uid": uid},
                       headers={"Authorization": f"Bearer {TOKENS['requester']}"})
        assert r.status_code == 403 and "pacs_pull" in r.json()["what"], r.text
        c = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300,
                         headers={"Authorization": f"Bearer {TOKENS['reviewer']}"})
        r = c.post("/v1/drafts", data={"text": "Chest X-ray, please report.", "pacs": allowed, "study_uid": uid})
        assert r.status_code == 201, r.text
        assert r.json()["intent"] == "cxr_report" and r.json()["status"] == "awaiting_signoff"
        tid = r.json()["thread_id"]
        signed = c.post(f"/v1/drafts/{tid}/signoff", json={"action": "edit", "edits": {"Impression": "No acute abnormality."}},
                        headers={"Authorization": f"Bearer {TOKENS['reviewer']}"})
        assert signed.status_code == 200 and signed.json()["pushed_to"] == allowed
        srs = httpx.get(f"{orthanc.dicomweb}/studies/{uid}/series", params={"Modality": "SR"}).json()
        assert srs, "the signed SR must arrive back in the PACS"

        other = "dicomweb:http://169.254.169.254/latest"
        r = c.post("/v1/drafts", data={"text": "x", "pacs": other, "study_uid": uid})
        assert r.status_code == 403 and r.json()["what"] == "PACS not allowed"
        r = c.post("/v1/drafts", data={"text": "x", "pacs": allowed})
        assert r.status_code == 422
        r = c.post("/v1/drafts", data={"text": "x", "pacs": allowed, "study_uid": "1.2.3.4.5.6.7.8.9"})
        assert r.status_code == 400 and "Traceback" not in r.text
    finally:
        proc.terminate()
        proc.wait(timeout=30)
