"""The PACS both ways: pull a study named by reference (DICOMweb WADO-RS or
DIMSE C-GET) into the state directory, and send a signed DICOM SR back
(STOW-RS or C-STORE). Transport lives in ``tools.dicom.pacs``; this module
adds what the CLI and the HTTP API share: the server's allow-list for pulls a
remote client asks for, and the command that retries a failed push."""

from __future__ import annotations

from pathlib import Path

from carepath.errors import Forbidden, InputError, InvalidRequest
from carepath.tools.dicom.pacs import DicomWebSource, DimseSource, PacsOrigin, source_for


def pull_study(source: DicomWebSource | DimseSource, study_uid: str, dest: Path) -> tuple[Path, str]:
    """Materialize one study under ``dest``; returns its folder (then a plain
    study input) and the origin to record with the draft."""
    folder = source.materialize_study(study_uid.strip(), dest)
    return folder, source.origin.as_string()


def pull_from(dicomweb: str | None, dimse: str | None, study_uid: str | None,
              dest: Path) -> tuple[Path, str]:
    """A local user's pull: any PACS they name (``--dicomweb URL`` or
    ``--dimse AE@HOST:PORT``)."""
    if not study_uid or bool(dicomweb) == bool(dimse):
        raise InputError("a PACS study needs --study-uid and one of --dicomweb URL or --dimse AE@HOST:PORT",
                         fix="carepath draft --dicomweb http://pacs:8042/dicom-web --study-uid UID --text …")
    src = DicomWebSource(dicomweb) if dicomweb else DimseSource.from_address(dimse or "")
    return pull_study(src, study_uid, dest)


def pull_allowed(pacs: str | None, study_uid: str | None, allowed: list[str],
                 dest: Path) -> tuple[Path, str]:
    """A remote client's pull: only from a PACS on the allow-list, so a client
    cannot make the server fetch arbitrary URLs."""
    if not (pacs and study_uid):
        raise InvalidRequest("a PACS study needs both pacs and study_uid",
                         fix="send pacs=dicomweb:URL (from the allow-list) and study_uid")
    if pacs.rstrip("/") not in [a.rstrip("/") for a in allowed]:
        raise Forbidden("PACS not allowed", subject=pacs, why="it is not in the server's allow-list",
                        fix="ask the administrator to add it to CAREPATH_PACS__ALLOWED")
    return pull_study(source_for(pacs), study_uid, dest)


def push_sr(sr: Path, target: str) -> str:
    """Send one signed SR to ``target`` (``dicomweb:URL`` / ``dimse:AE@HOST:PORT``);
    returns the normalised target."""
    parsed = PacsOrigin.parse(target)
    source_for(parsed).store([sr])
    return parsed.as_string()


def push_objects(objects: list[Path], target: str) -> str:
    """Send DICOM objects of one report (the signed SR and its Encapsulated
    PDF) to ``target`` in one store; returns the normalised target."""
    parsed = PacsOrigin.parse(target)
    source_for(parsed).store(objects)
    return parsed.as_string()


def retry_hint(thread_id: str, origin: str | None) -> str:
    return f"carepath push {thread_id}" + (f" --to {origin}" if origin else "")
