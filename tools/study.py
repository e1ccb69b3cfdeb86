"""Studies and series from what a user hands over: a file, a folder, a
DICOMDIR or a zip. Headers only: pixels are decoded later, and only for the
instances a skill will actually use. Files that cannot be read become
per-file problems; the rest of the study is still used."""

from __future__ import annotations

import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, Field

from carepath.errors import InputError
from carepath.tools.dicom_gate import quiet_values, read_header

MAX_ZIP_FILES = 20_000
MAX_ZIP_BYTES = 8 * 1024**3


class Instance(BaseModel):
    path: str
    sop_instance_uid: str
    sop_class_uid: str
    instance_number: int | None = None
    frames: int = 1


class Series(BaseModel):
    series_instance_uid: str
    study_instance_uid: str
    modality: str
    description: str = ""
    body_part: str = ""
    instances: list[Instance] = Field(default_factory=list)


class Study(BaseModel):
    source: str
    series: list[Series] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)

    @property
    def modalities(self) -> list[str]:
        return sorted({s.modality for s in self.series})


def _files(path: Path, scratch: Path | None) -> list[Path]:
    if path.is_dir():
        return sorted(f for f in path.rglob("*") if f.is_file() and f.name != "DICOMDIR")
    if zipfile.is_zipfile(path):
        if scratch is None:
            raise InputError("zip needs a scratch folder", subject=str(path))
        return _unzip(path, scratch)
    if path.name.upper() == "DICOMDIR":
        return sorted(f for f in path.parent.rglob("*") if f.is_file() and f.name != "DICOMDIR")
    return [path]


def _unzip(path: Path, dest: Path) -> list[Path]:
    """Extract safely: no absolute paths, no '..', no symlinks, bounded size."""
    out: list[Path] = []
    with zipfile.ZipFile(path) as z:
        infos = [i for i in z.infolist() if not i.is_dir()]
        if len(infos) > MAX_ZIP_FILES or sum(i.file_size for i in infos) > MAX_ZIP_BYTES:
            raise InputError("zip too large", subject=str(path),
                             why="too many files or too many bytes once extracted (zip bomb?)")
        for i in infos:
            name = Path(i.filename)
            if name.is_absolute() or ".." in name.parts or (i.external_attr >> 16) & 0o170000 == 0o120000:
                raise InputError("unsafe zip entry", subject=f"{path}:{i.filename}",
                                 why="absolute path, '..' or symlink in the archive")
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with z.open(i) as src, open(target, "wb") as dst:
                dst.write(src.read())
            out.append(target)
    return sorted(out)


def discover(path: str | Path, scratch: Path | None = None) -> Study:
    p = Path(path)
    if not p.exists():
        raise InputError("study not found", subject=str(p), fix="check the path")
    series: dict[str, Series] = {}
    problems: list[str] = []
    groups: dict[str, list[Instance]] = defaultdict(list)
    for f in _files(p, scratch):
        try:
            ds = read_header(f)
            with quiet_values():
                uid = str(ds.get("SeriesInstanceUID", "")) or f"no-series:{f.parent}"
                num = ds.get("InstanceNumber")
                inst = Instance(
                    path=str(f), sop_instance_uid=str(ds.get("SOPInstanceUID", "")),
                    sop_class_uid=str(ds.SOPClassUID),
                    instance_number=int(num) if num not in (None, "") else None,
                    frames=int(ds.get("NumberOfFrames") or 1))
                meta = Series(
                    series_instance_uid=uid,
                    study_instance_uid=str(ds.get("StudyInstanceUID", "")),
                    modality=str(ds.get("Modality", "OT") or "OT"),
                    description=str(ds.get("SeriesDescription", "") or ""),
                    body_part=str(ds.get("BodyPartExamined", "") or ""))
            series.setdefault(uid, meta)
            groups[uid].append(inst)
        except InputError as exc:
            problems.append(exc.one_line())
        except Exception as exc:  # noqa: BLE001 - malformed header values
            problems.append(InputError("malformed DICOM header", subject=str(f),
                                       why=f"{type(exc).__name__} while reading series attributes",
                                       fix="re-export the study from the PACS").one_line())
    for uid, s in series.items():
        s.instances = groups[uid]
    return Study(source=str(p), series=list(series.values()), problems=problems)


def probe_modalities(path: Path) -> tuple[list[str], list[str]]:
    """Modalities found in a study input (headers only) and per-file problems."""
    with tempfile.TemporaryDirectory(prefix="carepath-probe-") as tmp:
        try:
            study = discover(path, Path(tmp))
        except InputError as exc:
            return [], [exc.one_line()]
    return study.modalities, study.problems
