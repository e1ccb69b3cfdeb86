"""A real Orthanc PACS on loopback for the PACS tests.

Debian's ``orthanc`` + ``orthanc-dicomweb`` start in well under a second with
a throw-away config: free random ports, storage in a temp dir, no remote
access, and carepath's AE registered so C-GET and C-STORE are allowed.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

ORTHANC_BIN = shutil.which("Orthanc") or "/usr/sbin/Orthanc"
DICOMWEB_PLUGIN = Path("/usr/share/orthanc/plugins/libOrthancDicomWeb.so")
CAREPATH_AE = "CAREPATH"


class OrthancServer(BaseModel):
    """Where the test Orthanc listens."""

    http_port: int
    dicom_port: int
    aet: str = "ORTHANC"
    storage: Path

    @property
    def rest(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def dicomweb(self) -> str:
        return f"{self.rest}/dicom-web"

    @property
    def dimse(self) -> str:
        return f"{self.aet}@127.0.0.1:{self.dicom_port}"

    def get(self, path: str) -> object:
        with urllib.request.urlopen(self.rest + path, timeout=10) as r:
            return json.loads(r.read())

    def upload(self, path: Path) -> dict:
        req = urllib.request.Request(self.rest + "/instances", data=Path(path).read_bytes(),
                                     headers={"Content-Type": "application/dicom"}, method="POST")
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def orthanc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrthancServer]:
    if not (Path(ORTHANC_BIN).exists() and DICOMWEB_PLUGIN.exists()):
        pytest.skip("Orthanc or its DICOMweb plugin is not installed "
                    "(apt-get install orthanc orthanc-dicomweb; `make test` does this)")
    root = tmp_path_factory.mktemp("orthanc")
    server = OrthancServer(http_port=free_port(), dicom_port=free_port(), storage=root / "db")
    config = {
        "Name": "carepath-test", "StorageDirectory": str(server.storage),
        "IndexDirectory": str(server.storage), "HttpPort": server.http_port,
        "DicomPort": server.dicom_port, "DicomAet": server.aet, "RemoteAccessAllowed": False,
        "AuthenticationEnabled": False, "HttpServerEnabled": True, "DicomServerEnabled": True,
        "Plugins": [str(DICOMWEB_PLUGIN)], "DicomWeb": {"Enable": True, "Root": "/dicom-web/"},
        "DicomModalities": {"carepath": {"AET": CAREPATH_AE, "Host": "127.0.0.1", "Port": 104,
                                         "AllowEcho": True, "AllowFind": True, "AllowGet": True,
                                         "AllowMove": True, "AllowStore": True}},
        "DicomCheckCalledAet": False, "StableAge": 1,
    }
    cfg = root / "orthanc.json"
    cfg.write_text(json.dumps(config))
    log = open(root / "orthanc.log", "wb")
    proc = subprocess.Popen([ORTHANC_BIN, str(cfg)], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.get("/system")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Orthanc did not start: "
                                       + (root / "orthanc.log").read_text(errors="replace")[-2000:])
                time.sleep(0.05)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
