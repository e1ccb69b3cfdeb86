"""Studies and series from what a user hands over: a file, a list of files,
a folder, a DICOMDIR or a zip.

Headers only (``stop_before_pixels``): everything needed later to sort slices
geometrically, pick a series and convert pixels (position, orientation,
rescale, photometric) is captured here, so pixels are decoded once, later, and
only for the instances a skill will actually use. Files that cannot be read
become per-file problems; the rest of the study is still used.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import numpy as np
from pydantic import BaseModel, Field
from pydicom.dataset import Dataset

from carepath.errors import InputError
from carepath.tools.dicom.gate import clean, dicomdir_files, quiet_values, read_header

MAX_ZIP_FILES = 20_000
MAX_ZIP_BYTES = 8 * 1024**3
# DICOM deflates 2-10x (up to ~50x for padded, mostly-air images); a member
# that inflates more than this is a bomb, stopped before it fills the disk.
MAX_RATIO = 200
MAX_RATIO_FLOOR = 64 * 1024**2

Vec3 = tuple[float, float, float]
Vec6 = tuple[float, float, float, float, float, float]


class FrameGeometry(BaseModel):
    """Per-frame plane and rescale of an enhanced (multi-frame) object, from
    its functional groups; absent values fall back to the instance's."""

    position: Vec3 | None = None
    orientation: Vec6 | None = None
    slope: float | None = None
    intercept: float | None = None


class Instance(BaseModel):
    path: str
    sop_instance_uid: str
    sop_class_uid: str
    instance_number: int | None = None
    frames: int = 1
    rows: int = 0
    columns: int = 0
    photometric: str = ""
    transfer_syntax: str = ""
    position: Vec3 | None = None
    orientation: Vec6 | None = None
    pixel_spacing: tuple[float, float] | None = None
    slope: float = 1.0
    intercept: float = 0.0
    study_date: str = ""
    acquisition_date: str = ""
    content_date: str = ""
    frame_geometry: list[FrameGeometry] = Field(default_factory=list)
    burned_in_annotation: bool = Field(False, description="BurnedInAnnotation = YES: text such as "
                                       "names may be in the pixels")

    @property
    def name(self) -> str:
        return Path(self.path).name


class Series(BaseModel):
    series_instance_uid: str
    study_instance_uid: str
    modality: str
    description: str = ""
    body_part: str = ""
    series_number: int | None = None
    instances: list[Instance] = Field(default_factory=list)

    @property
    def burned_in_annotation(self) -> bool:
        return any(i.burned_in_annotation for i in self.instances)

    @property
    def slice_count(self) -> int:
        """Images in the series: frames of multi-frame objects count one each."""
        return sum(i.frames for i in self.instances)

    @property
    def orientation(self) -> str:
        """'axial', 'coronal', 'sagittal', 'oblique' or 'unknown' (majority of
        its images), from the slice normal's dominant patient axis."""
        labels = Counter(orientation_label(o) for o in self.orientations())
        return labels.most_common(1)[0][0] if labels else "unknown"

    def orientations(self) -> list[Vec6]:
        out: list[Vec6] = []
        for i in self.instances:
            if i.frame_geometry:
                out += [g.orientation or i.orientation for g in i.frame_geometry  # type: ignore[misc]
                        if (g.orientation or i.orientation)]
            elif i.orientation:
                out += [i.orientation] * i.frames
        return out

    def short(self) -> str:
        """How a series is named in messages: UID tail, modality, size."""
        return f"series …{self.series_instance_uid[-12:]} ({self.modality}, {self.slice_count} images)"


class Study(BaseModel):
    study_instance_uid: str
    study_date: str = ""
    series: list[Series] = Field(default_factory=list)

    @property
    def modalities(self) -> list[str]:
        return sorted({s.modality for s in self.series})


class StudySet(BaseModel):
    """What one input held: usually one study, sometimes several (a zip of a
    current and a prior), plus the files that could not be used and why."""

    source: str
    studies: list[Study] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)

    @property
    def series(self) -> list[Series]:
        return [s for st in self.studies for s in st.series]

    @property
    def modalities(self) -> list[str]:
        return sorted({s.modality for s in self.series})


def orientation_label(o: Sequence[float] | None) -> str:
    if not o:
        return "unknown"
    n = np.cross(np.asarray(o[:3], float), np.asarray(o[3:], float))
    a = np.abs(n)
    if a.max() < 0.8:
        return "oblique"
    return ("sagittal", "coronal", "axial")[int(a.argmax())]


# --- finding the files --------------------------------------------------------


def _files(source: Path, scratch: Path | None, problems: list[str] | None = None) -> list[Path]:
    if source.is_dir():
        return _folder_files(source, problems if problems is not None else [])
    if source.name.upper() == "DICOMDIR":
        if not (found := dicomdir_files(source)):
            raise InputError("DICOMDIR references no images", subject=str(source),
                             why="it is empty or unreadable",
                             fix="pass the study folder instead of its DICOMDIR")
        return found
    if zipfile.is_zipfile(source):
        if scratch is None:
            raise InputError("a zip needs a scratch folder", subject=str(source),
                             fix="use study.open_studies(), which makes and removes one")
        return _unzip(source, scratch)
    return [source]


def _folder_files(folder: Path, problems: list[str]) -> list[Path]:
    """Regular files under ``folder``. A symlink that leads outside the folder
    (another patient's study, /etc/passwd) is refused and reported, not
    followed: the folder a user hands over is the whole study."""
    root = folder.resolve()
    out: list[Path] = []
    for f in sorted(folder.rglob("*")):
        if f.name == "DICOMDIR":
            continue
        if f.is_symlink():
            try:
                target = f.resolve(strict=True)
            except (OSError, RuntimeError):
                problems.append(InputError("broken symbolic link", subject=str(f),
                                           why="it points to nothing", fix="remove it").one_line())
                continue
            if root != target and root not in target.parents:
                problems.append(InputError("symbolic link leaves the study folder", subject=str(f),
                                           why="it points outside the folder and was not followed",
                                           fix="copy the file into the study folder").one_line())
                continue
        if f.is_file():
            out.append(f)
    return out


def _unsafe(name: str) -> bool:
    p = PurePosixPath(name.replace("\\", "/"))
    return (p.is_absolute() or ".." in p.parts or ":" in name.split("/")[0]
            or name.startswith(("/", "\\")))


def _unzip(path: Path, dest: Path) -> list[Path]:
    """Extract safely: no absolute paths, no '..', no drive letters, no
    symlinks, and a bound on entries and on bytes actually written (a zip's
    declared sizes can lie)."""
    out: list[Path] = []
    try:
        z = zipfile.ZipFile(path)
    except Exception as exc:  # noqa: BLE001 - BadZipFile, OSError, NotImplementedError (version), …
        raise InputError("unreadable zip", subject=str(path),
                         why=f"{type(exc).__name__}: {clean(exc)}",
                         fix="re-create the zip (deflate or stored), or pass the study folder") from None
    with z:
        infos = [i for i in z.infolist() if not i.is_dir()]
        if len(infos) > MAX_ZIP_FILES:
            raise InputError("zip too large", subject=str(path),
                             why=f"more than {MAX_ZIP_FILES} entries")
        for i in infos:
            if _unsafe(i.filename):
                raise InputError("unsafe zip entry", subject=f"{path.name}:{i.filename}",
                                 why="absolute path, drive letter or '..' in the archive",
                                 fix="re-create the zip with relative paths")
            if (i.external_attr >> 16) & 0o170000 == 0o120000:
                raise InputError("unsafe zip entry", subject=f"{path.name}:{i.filename}",
                                 why="symbolic link in the archive")
        written = 0
        root = dest.resolve()
        for n, i in enumerate(infos):
            target = (root / f"{n:05d}" / PurePosixPath(i.filename).name).resolve()
            if root not in target.parents:  # belt and braces after the name checks
                raise InputError("unsafe zip entry", subject=f"{path.name}:{i.filename}")
            target.parent.mkdir(parents=True, exist_ok=True)
            entry_limit = max(MAX_RATIO_FLOOR, MAX_RATIO * i.compress_size)
            try:
                with z.open(i) as src, open(target, "wb") as dst:
                    got = 0
                    while block := src.read(1 << 20):
                        written += len(block)
                        got += len(block)
                        if written > MAX_ZIP_BYTES:
                            raise InputError("zip too large", subject=str(path),
                                             why="more bytes once extracted than allowed (zip bomb?)")
                        if got > entry_limit:
                            raise InputError("zip bomb", subject=f"{path.name}:{i.filename}",
                                             why=f"the entry expands more than {MAX_RATIO}x its "
                                                 "compressed size",
                                             fix="send the study uncompressed or as a folder")
                        dst.write(block)
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - corrupt member, bad CRC, encryption
                raise InputError("unreadable zip entry", subject=f"{path.name}:{i.filename}",
                                 why=f"{type(exc).__name__}: {clean(exc)}") from None
            out.append(target)
    return out


# --- headers to models ------------------------------------------------------------


def _floats(v: object, n: int) -> tuple[float, ...] | None:
    try:
        vals = tuple(float(x) for x in v)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return vals if len(vals) == n and all(np.isfinite(vals)) else None


def _num(v: object, default: float) -> float:
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return f if np.isfinite(f) else default


def _frame_geometry(ds: Dataset, frames: int) -> list[FrameGeometry]:
    """Enhanced CT/MR keep plane and rescale in functional groups."""
    per = ds.get("PerFrameFunctionalGroupsSequence")
    if not per or frames <= 1:
        return []
    shared = (ds.get("SharedFunctionalGroupsSequence") or [Dataset()])[0]

    def pick(item: Dataset, seq: str, kw: str) -> object:
        for src in (item, shared):
            s = src.get(seq)
            if s and kw in s[0]:
                return s[0].get(kw)
        return None

    out: list[FrameGeometry] = []
    for item in list(per)[:frames]:
        pos = pick(item, "PlanePositionSequence", "ImagePositionPatient")
        ori = pick(item, "PlaneOrientationSequence", "ImageOrientationPatient")
        slope = pick(item, "PixelValueTransformationSequence", "RescaleSlope")
        icpt = pick(item, "PixelValueTransformationSequence", "RescaleIntercept")
        out.append(FrameGeometry(
            position=_floats(pos, 3) if pos is not None else None,  # type: ignore[arg-type]
            orientation=_floats(ori, 6) if ori is not None else None,  # type: ignore[arg-type]
            slope=_num(slope, 1.0) if slope is not None else None,
            intercept=_num(icpt, 0.0) if icpt is not None else None))
    return out


def _instance(f: Path, ds: Dataset) -> Instance:
    num = ds.get("InstanceNumber")
    frames = int(ds.get("NumberOfFrames") or 1)
    ts = getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", None)
    geom = _frame_geometry(ds, frames)
    return Instance(
        path=str(f), sop_instance_uid=str(ds.get("SOPInstanceUID", "")),
        sop_class_uid=str(ds.SOPClassUID),
        instance_number=int(num) if num not in (None, "") else None,
        frames=max(frames, 1), rows=int(ds.get("Rows") or 0), columns=int(ds.get("Columns") or 0),
        photometric=str(ds.get("PhotometricInterpretation", "") or ""),
        transfer_syntax=str(ts or ""),
        position=_floats(ds.get("ImagePositionPatient"), 3),  # type: ignore[arg-type]
        orientation=_floats(ds.get("ImageOrientationPatient"), 6),  # type: ignore[arg-type]
        pixel_spacing=_floats(ds.get("PixelSpacing"), 2),  # type: ignore[arg-type]
        slope=_num(ds.get("RescaleSlope"), 1.0), intercept=_num(ds.get("RescaleIntercept"), 0.0),
        study_date=str(ds.get("StudyDate", "") or ""),
        acquisition_date=str(ds.get("AcquisitionDate", "")
                             or str(ds.get("AcquisitionDateTime", "") or "")[:8]),
        content_date=str(ds.get("ContentDate", "") or ""),
        frame_geometry=geom,
        burned_in_annotation=str(ds.get("BurnedInAnnotation", "") or "").strip().upper() == "YES")


def discover(source: str | Path | Sequence[str | Path], scratch: Path | None = None) -> StudySet:
    """Group what ``source`` holds by study and series, from headers only.

    ``source`` is a file, a folder (searched recursively), a DICOMDIR, a zip
    (extracted into ``scratch``; prefer :func:`open_studies`) or a list of
    any of these. Unreadable files become ``problems``, never exceptions.
    """
    sources = [Path(s) for s in source] if isinstance(source, (list, tuple)) else [Path(source)]
    problems: list[str] = []
    files: list[Path] = []
    for i, s in enumerate(sources):
        if not s.exists():
            if len(sources) == 1:
                raise InputError("study not found", subject=str(s), fix="check the path")
            problems.append(InputError("file not found", subject=str(s)).one_line())
            continue
        try:
            files += _files(s, (scratch / f"src{i}") if scratch else None, problems)
        except InputError as exc:
            problems.append(exc.one_line())
    series: dict[str, Series] = {}
    study_dates: dict[str, str] = {}
    for f in files:
        try:
            ds = read_header(f)
            with quiet_values():
                missing = [kw for kw in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID")
                           if not ds.get(kw)]
                if missing:
                    raise InputError("incomplete DICOM file", subject=str(f),
                                     why=f"no {', '.join(missing)} (truncated file?)",
                                     fix="re-export the study from the PACS")
                inst = _instance(f, ds)
                uid = str(ds.SeriesInstanceUID)
                study_uid = str(ds.StudyInstanceUID)
                if uid not in series:
                    sn = ds.get("SeriesNumber")
                    series[uid] = Series(
                        series_instance_uid=uid, study_instance_uid=study_uid,
                        modality=str(ds.get("Modality", "OT") or "OT"),
                        description=str(ds.get("SeriesDescription", "") or ""),
                        body_part=str(ds.get("BodyPartExamined", "") or ""),
                        series_number=int(sn) if sn not in (None, "") else None)
                study_dates.setdefault(study_uid, inst.study_date)
            series[uid].instances.append(inst)
        except InputError as exc:
            problems.append(exc.one_line())
        except Exception as exc:  # noqa: BLE001 - malformed header values
            problems.append(InputError("malformed DICOM header", subject=str(f),
                                       why=f"{type(exc).__name__} while reading image attributes",
                                       fix="re-export the study from the PACS").one_line())
    studies: dict[str, Study] = {}
    for s in series.values():
        st = studies.setdefault(s.study_instance_uid, Study(
            study_instance_uid=s.study_instance_uid, study_date=study_dates.get(s.study_instance_uid, "")))
        st.series.append(s)
    label = ", ".join(str(s) for s in sources[:3]) + (" …" if len(sources) > 3 else "")
    return StudySet(source=label, studies=list(studies.values()), problems=problems)


@contextmanager
def open_studies(source: str | Path | Sequence[str | Path]) -> Iterator[StudySet]:
    """:func:`discover` with a scratch folder for zips that lives exactly as
    long as the caller needs the files (pixels are decoded later)."""
    tmp = Path(tempfile.mkdtemp(prefix="carepath-study-"))
    try:
        yield discover(source, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def probe_modalities(path: Path) -> tuple[list[str], list[str]]:
    """Modalities found in a study input (headers only) and per-file problems."""
    try:
        with open_studies(path) as ss:
            return ss.modalities, ss.problems
    except InputError as exc:
        return [], [exc.one_line()]


class StudyHeaders(BaseModel):
    """Headers (no pixels) of every usable instance one input holds, read
    through the gate while its files exist: a zip's extracted files live only
    inside :func:`open_studies`, so output writers (the DICOM SR) take their
    patient, study, series and SOP attributes from here and never reopen the
    input path themselves. The first dataset belongs to the first study found
    (the reported one)."""

    model_config = {"arbitrary_types_allowed": True}

    source: str
    datasets: list[Dataset] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)


def read_study_headers(source: str | Path | Sequence[str | Path]) -> StudyHeaders:
    """What :func:`discover` finds, with each instance's header kept, for
    writers that must copy attributes from the source images. Unreadable files
    become ``problems`` (gate-cleaned, no element values), never exceptions;
    an empty ``datasets`` is the caller's to refuse."""
    with open_studies(source) as ss:
        datasets: list[Dataset] = []
        problems = list(ss.problems)
        for inst in (i for s in ss.series for i in s.instances):
            try:
                datasets.append(read_header(inst.path))
            except InputError as exc:  # changed under us since discovery
                problems.append(exc.one_line())
        return StudyHeaders(source=ss.source, datasets=datasets, problems=problems)
