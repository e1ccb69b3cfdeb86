"""Studies from a PACS and signed reports back to it.

Two transports with the same three methods, so the CLI and the batch do not
care which one a hospital runs: DICOMweb (QIDO-RS search, WADO-RS retrieve,
STOW-RS store, via ``dicomweb-client``) and DIMSE (C-FIND, C-GET with a
storage SCP role, C-STORE, via ``pynetdicom``).

A retrieved study lands in ``dest/<opaque id>/`` where the id is derived
from the Study Instance UID, never from patient identifiers, so folder names
and log lines carry no PHI. The folder is filled under a hidden temporary
name and renamed whole: an interrupted pull leaves nothing that looks like a
study. File names inside are derived from SOP Instance UIDs, so pulling the
same study twice gives byte-identical folders and the same draft thread.

Every transport failure becomes a ``BackendError`` naming the PACS, why it
failed and what to try; a missing study is an ``InputError``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal, TypeVar

import pydicom
from pydantic import BaseModel
from pydicom.dataset import Dataset

from carepath.atomic import fsync_dir
from carepath.errors import BackendError, InputError
from carepath.settings import get_settings
from carepath.tools.dicom.gate import clean, read_full

log = logging.getLogger(__name__)
T = TypeVar("T")

PAGE = 100


class PacsProblem(BaseModel):
    """A study that could not be pulled; the others still were."""

    study: str  # opaque id, never a patient identifier
    reason: str


class PacsOrigin(BaseModel):
    """Where a study came from, kept with the draft so sign-off can push the
    signed SR back to the same place."""

    protocol: Literal["dicomweb", "dimse"]
    address: str  # DICOMweb base URL, or AE@host:port

    def as_string(self) -> str:
        return f"{self.protocol}:{self.address}"

    @classmethod
    def parse(cls, text: str) -> PacsOrigin:
        protocol, _, address = text.partition(":")
        if protocol not in ("dicomweb", "dimse") or not address:
            raise InputError("unknown PACS origin", subject=text,
                             fix="use dicomweb:URL or dimse:AE@HOST:PORT")
        return cls(protocol=protocol, address=address)  # type: ignore[arg-type]


def study_folder_id(study_uid: str) -> str:
    """Opaque, stable folder name for a study (no PHI, same for every pull)."""
    return "study-" + hashlib.sha256(study_uid.encode()).hexdigest()[:16]


def _instance_name(sop_uid: str) -> str:
    return hashlib.sha256(sop_uid.encode()).hexdigest()[:20] + ".dcm"


def _settings() -> Any:
    return get_settings().pacs


class _StudyWriter:
    """Collects a study's instances in a hidden temp folder, then renames it
    into place under a name of the study and its content. A second pull of
    an unchanged study lands on the same folder (kept as it is); a changed
    study gets a new folder, so a draft paused on the first pull still finds
    exactly the images it was drafted from. On any failure the temp folder is
    removed."""

    def __init__(self, dest: Path, study_uid: str) -> None:
        dest.mkdir(parents=True, exist_ok=True)
        self.dest = dest
        self.prefix = study_folder_id(study_uid)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.prefix}.", suffix=".partial", dir=dest))
        self.count = 0
        self.skipped = 0

    def add(self, ds: Any) -> None:
        """Keep images only: reports already in the study (our own signed SRs
        from an earlier sign-off, KOs, presentation states) are not inputs,
        and the report's header details must come from an image."""
        if not any(t in ds for t in ("PixelData", "FloatPixelData", "DoubleFloatPixelData")):
            self.skipped += 1
            return
        path = self.tmp / _instance_name(str(ds.SOPInstanceUID))
        pydicom.dcmwrite(path, ds, enforce_file_format=True)
        self.count += 1

    def _content_id(self) -> str:
        h = hashlib.sha256()
        for f in sorted(self.tmp.iterdir()):
            h.update(f.name.encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
        return h.hexdigest()[:12]

    def commit(self) -> Path:
        if self.count == 0:
            self.abort()
            raise InputError("the PACS returned no images for the study", subject=self.prefix,
                             why="the study exists but has no retrievable instances",
                             fix="check the study on the PACS")
        final = self.dest / f"{self.prefix}-{self._content_id()}"
        if final.is_dir():   # the same images pulled before: that folder is already complete
            self.abort()
            return final
        for f in self.tmp.iterdir():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        try:
            os.rename(self.tmp, final)
        except OSError:
            if not final.is_dir():
                raise
            self.abort()   # a concurrent pull of the same images got there first
            return final
        fsync_dir(final.parent)
        return final

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def _clean_partials(dest: Path) -> None:
    """Temp folders of a pull killed mid-way are never studies."""
    if dest.is_dir():
        for p in dest.glob(".study-*.partial"):
            shutil.rmtree(p, ignore_errors=True)


class _Source:
    """What both transports share: pulling every study of a date range, one
    failing study recorded in ``problems`` while the others go on."""

    problems: list[PacsProblem]
    label: str

    def find_studies(self, since: dt.date | None = None) -> list[str]:
        raise NotImplementedError

    def materialize_study(self, study_uid: str, dest: Path) -> Path:
        raise NotImplementedError

    def materialize_since(self, since: dt.date | None, dest: Path) -> list[Path]:
        """Every study on or after ``since``, each in its own folder. A failing
        search raises (there is nothing to go on with)."""
        _clean_partials(dest)
        folders: list[Path] = []
        for uid in self.find_studies(since):
            try:
                folders.append(self.materialize_study(uid, dest))
            except (BackendError, InputError) as exc:
                self.problems.append(PacsProblem(study=study_folder_id(uid), reason=exc.one_line()))
                log.warning("could not pull %s from %s: %s", study_folder_id(uid), self.label, exc.one_line())
        return folders


class DicomWebSource(_Source):
    """A DICOMweb PACS (Orthanc, dcm4chee, Google/Azure health APIs)."""

    def __init__(self, url: str, *, token: str | None = None, timeout_s: float | None = None,
                 retries: int | None = None) -> None:
        from dicomweb_client.api import DICOMwebClient  # heavy: optional, the `pacs` extra

        cfg = _settings()
        if not url.startswith(("http://", "https://")):
            raise InputError("not a DICOMweb URL", subject=url,
                             why="it must start with http:// or https://",
                             fix="pass the DICOMweb base URL, e.g. http://pacs:8042/dicom-web")
        self.url = url.rstrip("/")
        self.retries = cfg.retries if retries is None else retries
        tok = token or (cfg.token.get_secret_value() if cfg.token else None)
        headers = {"Authorization": f"Bearer {tok}"} if tok else None
        self.client = DICOMwebClient(self.url, headers=headers,
                                     timeout=cfg.timeout_s if timeout_s is None else timeout_s)
        self.problems: list[PacsProblem] = []

    @property
    def label(self) -> str:
        return self.url

    @property
    def origin(self) -> PacsOrigin:
        return PacsOrigin(protocol="dicomweb", address=self.url)

    def _call(self, what: str, fn: Callable[[], T]) -> T:
        """Run one request; connection failures are retried, then explained."""
        import requests  # lazy: optional, installed with dicomweb-client (the `pacs` extra)

        for attempt in range(self.retries + 1):
            try:
                return fn()
            except requests.HTTPError as exc:
                status = exc.response.status_code if exc.response is not None else None
                if status == 404:
                    raise InputError(f"{what}: not found on the PACS", subject=self.url,
                                     why="HTTP 404", fix="check the Study Instance UID and the base URL "
                                     "(Orthanc: http://HOST:8042/dicom-web)") from None
                if status in (401, 403):
                    raise BackendError(f"{what}: the PACS refused access", subject=self.url,
                                       why=f"HTTP {status}",
                                       fix="set CAREPATH_PACS__TOKEN to a valid token") from None
                if status is not None and status < 500 or attempt == self.retries:
                    raise BackendError(f"{what}: the PACS answered with an error", subject=self.url,
                                       why=f"HTTP {status}",
                                       fix="check the PACS logs; try again later") from None
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt == self.retries:
                    raise BackendError(f"{what}: the PACS is unreachable", subject=self.url,
                                       why=type(exc).__name__ + (" (timed out)" if isinstance(
                                           exc, requests.Timeout) else " (connection refused or no route)"),
                                       fix="check the URL, that the PACS is running, and the network; "
                                           "retry the same command") from None
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                # JSON that is not DICOM JSON, multipart that is not DICOM
                raise BackendError(f"{what}: the PACS sent a reply that is not DICOMweb",
                                   subject=self.url, why=f"{type(exc).__name__}: {clean(exc)}",
                                   fix="check that the URL is the DICOMweb base (e.g. …/dicom-web)"
                                   ) from None
            except Exception as exc:  # pydicom InvalidDicomError and friends
                if type(exc).__module__.startswith(("pydicom", "requests", "urllib3")):
                    raise BackendError(f"{what}: the PACS sent data that is not DICOM", subject=self.url,
                                       why=f"{type(exc).__name__}: {clean(exc)}",
                                       fix="check the PACS logs and the DICOMweb base URL") from None
                raise
            time.sleep(min(0.2 * 2 ** attempt, 2.0))
        raise AssertionError("unreachable")

    def find_studies(self, since: dt.date | None = None) -> list[str]:
        """Study Instance UIDs with StudyDate on or after ``since`` (all if None)."""
        filters = {"StudyDate": f"{since:%Y%m%d}-"} if since else None
        uids: list[str] = []
        offset = 0
        while True:
            page = self._call("searching studies (QIDO-RS)", lambda: self.client.search_for_studies(
                search_filters=filters, offset=offset, limit=PAGE, fields=["StudyInstanceUID"]))
            if not isinstance(page, list):
                raise BackendError("searching studies (QIDO-RS): the PACS sent a reply that is not "
                                   "DICOMweb", subject=self.url, why="expected a JSON array")
            for item in page:
                uid = (item.get("0020000D") or {}).get("Value", [None])[0]
                if uid:
                    uids.append(str(uid))
            if len(page) < PAGE:
                return list(dict.fromkeys(uids))
            offset += PAGE

    def materialize_study(self, study_uid: str, dest: Path) -> Path:
        """Retrieve one study (WADO-RS) into ``dest/<opaque id>/``, atomically."""
        _clean_partials(dest)
        writer = _StudyWriter(dest, study_uid)
        try:
            datasets = self._call("retrieving a study (WADO-RS)",
                                  lambda: list(self.client.iter_study(study_uid)))
            for ds in datasets:
                writer.add(ds)
            path = writer.commit()
        except BaseException:
            writer.abort()
            raise
        log.info("pulled %s (%d instances) from %s", path.name, writer.count, self.url)
        return path

    def store(self, paths: Iterable[Path]) -> None:
        """Send instances (the signed SR) with STOW-RS."""
        datasets = [read_full(p) for p in paths]
        self._call("storing the report (STOW-RS)", lambda: self.client.store_instances(datasets))


class DimseSource(_Source):
    """A classic DICOM node: C-FIND, C-GET (we act as storage SCP on the same
    association, so no inbound port is needed), C-STORE."""

    def __init__(self, host: str, port: int, ae_title: str | None = None, *,
                 calling_ae: str | None = None, timeout_s: float | None = None) -> None:
        cfg = _settings()
        self.host, self.port = host, int(port)
        self.called_ae = ae_title or cfg.called_ae
        self.calling_ae = calling_ae or cfg.calling_ae
        self.timeout_s = cfg.timeout_s if timeout_s is None else timeout_s
        self.problems: list[PacsProblem] = []

    @classmethod
    def from_address(cls, address: str) -> DimseSource:
        """``AE@HOST:PORT`` as printed by ``origin``."""
        ae, _, hostport = address.rpartition("@")
        host, _, port = hostport.rpartition(":")
        if not host or not port.isdigit():
            raise InputError("bad DIMSE address", subject=address, fix="use AE@HOST:PORT, e.g. ORTHANC@pacs:4242")
        return cls(host, int(port), ae or None)

    @property
    def label(self) -> str:
        return f"{self.called_ae}@{self.host}:{self.port}"

    @property
    def origin(self) -> PacsOrigin:
        return PacsOrigin(protocol="dimse", address=self.label)

    def _ae(self) -> Any:
        from pynetdicom import AE  # heavy: optional, the `pacs` extra

        ae = AE(ae_title=self.calling_ae)
        ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = self.timeout_s
        ae.connection_timeout = self.timeout_s
        return ae

    def _associate(self, ae: Any, what: str, **kw: Any) -> Any:
        try:
            assoc = ae.associate(self.host, self.port, ae_title=self.called_ae, **kw)
        except OSError as exc:
            raise BackendError(f"{what}: the PACS is unreachable", subject=self.label,
                               why=clean(exc), fix="check host, port and AE title") from None
        if not assoc.is_established:
            why = "association rejected" if assoc.is_rejected else "no association (connection refused, " \
                  "timed out or aborted)"
            raise BackendError(f"{what}: the PACS is unreachable", subject=self.label, why=why,
                               fix=f"check host, port and called AE title, and that the PACS knows "
                                   f"'{self.calling_ae}' (Orthanc: DicomModalities)")
        return assoc

    def _check(self, what: str, status: Any) -> None:
        if status is None or "Status" not in status:
            raise BackendError(f"{what}: no answer from the PACS", subject=self.label,
                               why="the association timed out or was aborted", fix="try again later")
        code = int(status.Status)
        if code not in (0x0000, 0xFF00, 0xFF01, 0xB000, 0xB007, 0xB006):
            raise BackendError(f"{what}: the PACS answered with an error", subject=self.label,
                               why=f"DIMSE status 0x{code:04X}", fix="check the PACS logs")

    def find_studies(self, since: dt.date | None = None) -> list[str]:
        # heavy: optional, the `pacs` extra
        from pynetdicom.sop_class import StudyRootQueryRetrieveInformationModelFind as Find

        query = Dataset()
        query.QueryRetrieveLevel = "STUDY"
        query.StudyInstanceUID = ""
        query.StudyDate = f"{since:%Y%m%d}-" if since else ""
        ae = self._ae()
        ae.add_requested_context(Find)
        assoc = self._associate(ae, "searching studies (C-FIND)")
        uids: list[str] = []
        try:
            for status, ident in assoc.send_c_find(query, Find):
                self._check("searching studies (C-FIND)", status)
                if ident is not None and ident.get("StudyInstanceUID"):
                    uids.append(str(ident.StudyInstanceUID))
        finally:
            assoc.release()
        return list(dict.fromkeys(uids))

    def materialize_study(self, study_uid: str, dest: Path) -> Path:
        # heavy: optional, the `pacs` extra
        from pynetdicom import StoragePresentationContexts, build_role, evt
        from pynetdicom.sop_class import StudyRootQueryRetrieveInformationModelGet as Get

        _clean_partials(dest)
        writer = _StudyWriter(dest, study_uid)
        failures: list[str] = []

        def on_store(event: Any) -> int:
            try:
                ds = event.dataset
                ds.file_meta = event.file_meta
                writer.add(ds)
                return 0x0000
            except Exception as exc:  # answer the PACS; the pull fails below
                failures.append(type(exc).__name__)
                return 0xA700

        ae = self._ae()
        ae.add_requested_context(Get)
        storage = StoragePresentationContexts[:127]
        for cx in storage:
            ae.add_requested_context(cx.abstract_syntax)
        roles = [build_role(cx.abstract_syntax, scp_role=True) for cx in storage]
        query = Dataset()
        query.QueryRetrieveLevel = "STUDY"
        query.StudyInstanceUID = study_uid
        try:
            assoc = self._associate(ae, "retrieving a study (C-GET)", ext_neg=roles,
                                    evt_handlers=[(evt.EVT_C_STORE, on_store)])
            try:
                last = None
                for status, _ in assoc.send_c_get(query, Get):
                    last = status
                    self._check("retrieving a study (C-GET)", status)
            finally:
                assoc.release()
            if failures:
                raise BackendError("retrieving a study (C-GET): instances could not be saved",
                                   subject=self.label, why=", ".join(sorted(set(failures))))
            if last is None:
                raise BackendError("retrieving a study (C-GET): no answer from the PACS",
                                   subject=self.label, why="empty response")
            path = writer.commit()
        except BaseException:
            writer.abort()
            raise
        log.info("pulled %s (%d instances) from %s", path.name, writer.count, self.label)
        return path

    def store(self, paths: Iterable[Path]) -> None:
        """C-STORE each file (the signed SR) to the PACS."""
        datasets = [read_full(p) for p in paths]
        ae = self._ae()
        for cls_uid in {str(ds.SOPClassUID) for ds in datasets}:
            ae.add_requested_context(cls_uid)
        assoc = self._associate(ae, "storing the report (C-STORE)")
        try:
            for ds in datasets:
                self._check("storing the report (C-STORE)", assoc.send_c_store(ds))
        finally:
            assoc.release()


def source_for(origin: PacsOrigin | str) -> DicomWebSource | DimseSource:
    """The transport for a recorded origin (``dicomweb:URL`` / ``dimse:AE@HOST:PORT``)."""
    o = PacsOrigin.parse(origin) if isinstance(origin, str) else origin
    return DicomWebSource(o.address) if o.protocol == "dicomweb" else DimseSource.from_address(o.address)
