"""A series as a geometric volume, and its model-ready slices.

Slices are ordered by their position along the slice normal (the cross
product of ImageOrientationPatient's row and column directions, dotted with
ImagePositionPatient), never by InstanceNumber, which scanners and PACS
renumber freely. Planning works on headers alone: it finds gaps, duplicate
positions, mixed orientations or matrix sizes, and expands enhanced
(multi-frame) objects into their frames; then at most 85 slices are sampled
uniformly and only those are decoded, in parallel over two cores: the
calling thread plus a helper that is a worker process when the codec holds
the GIL (JPEG 2000, JPEG-LS, JPEG, RLE) and a thread otherwise. Stored values are rescaled (slope/intercept) to HU for CT;
MONOCHROME1 is inverted for grey display (MRI), never for HU windows.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field

from carepath.errors import InputError
from carepath.tools.dicom.gate import clean, read_frame, read_header, read_pixels
from carepath.tools.dicom.study import Instance, Series
from carepath.tools.dicom.windowing import (
    CT_WINDOWS,
    MODEL_SIZE,
    Window,
    ct_rgb,
    grey_rgb,
    model_image,
    mri_window,
    png_bytes,
)

MAX_MODEL_SLICES = 85
UNCOMPRESSED = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2",
                "1.2.840.10008.1.2.1.99", ""}
Mode = Literal["ct", "mri"]


class SliceRef(BaseModel):
    """One image of the ordered volume (a file, or a frame of one)."""

    path: str
    sop_instance_uid: str
    frame: int | None = Field(None, description="1-based frame number in a multi-frame object")
    instance_number: int | None = None
    location_mm: float | None = Field(None, description="position along the slice normal")
    slope: float = 1.0
    intercept: float = 0.0
    photometric: str = ""
    transfer_syntax: str = ""


class VolumePlan(BaseModel):
    series_instance_uid: str
    modality: str
    orientation: str
    order: Literal["position along slice normal", "instance number", "stored order"]
    slices: list[SliceRef]
    chosen: list[int] = Field(description="indices into slices, in volume order")
    spacing_mm: float | None = None
    rows: int = 0
    columns: int = 0
    warnings: list[str] = Field(default_factory=list)

    @property
    def compressed(self) -> bool:
        return any(s.transfer_syntax not in UNCOMPRESSED for s in self.slices)


def sample_indices(n: int, k: int = MAX_MODEL_SLICES) -> list[int]:
    """At most ``k`` indices spread uniformly over ``range(n)``, both ends
    included (the notebook's recipe)."""
    if n <= k:
        return list(range(n))
    return sorted({int(round(x)) for x in np.linspace(0, n - 1, k)})


def _normal(o: tuple[float, ...]) -> np.ndarray:
    n = np.cross(np.asarray(o[:3], float), np.asarray(o[3:], float))
    norm = np.linalg.norm(n)
    return n / norm if norm > 0 else n


def _expand(inst: Instance) -> list[tuple[SliceRef, tuple[float, ...] | None, tuple[float, ...] | None]]:
    """(slice, position, orientation) for each image an instance holds."""
    if inst.frames <= 1:
        return [(SliceRef(path=inst.path, sop_instance_uid=inst.sop_instance_uid,
                          instance_number=inst.instance_number, slope=inst.slope,
                          intercept=inst.intercept, photometric=inst.photometric,
                          transfer_syntax=inst.transfer_syntax),
                 inst.position, inst.orientation)]
    out = []
    for f in range(inst.frames):
        g = inst.frame_geometry[f] if f < len(inst.frame_geometry) else None
        out.append((SliceRef(
            path=inst.path, sop_instance_uid=inst.sop_instance_uid, frame=f + 1,
            instance_number=inst.instance_number,
            slope=g.slope if g and g.slope is not None else inst.slope,
            intercept=g.intercept if g and g.intercept is not None else inst.intercept,
            photometric=inst.photometric, transfer_syntax=inst.transfer_syntax),
            g.position if g else None, (g.orientation if g and g.orientation else inst.orientation)))
    return out


def plan_volume(series: Series, max_slices: int = MAX_MODEL_SLICES, min_slices: int = 2) -> VolumePlan:
    """Order, check and sample a series from its headers alone."""
    warnings: list[str] = []
    name = series.short()
    # One matrix size: a series mixing sizes (a scout stored with the axials) keeps the majority.
    sizes = Counter((i.rows, i.columns) for i in series.instances)
    (rows, cols), _ = sizes.most_common(1)[0] if sizes else ((0, 0), 0)
    instances = [i for i in series.instances if (i.rows, i.columns) == (rows, cols)]
    if len(sizes) > 1:
        dropped = len(series.instances) - len(instances)
        warnings.append(f"{name}: mixed image sizes; kept the {len(instances)} images of "
                        f"{cols}×{rows}, left out {dropped}")
    items = [x for i in instances for x in _expand(i)]
    # One orientation: mixed planes (a localizer in the series) keep the majority plane.
    oris = Counter(tuple(round(v, 2) for v in o) for _, _, o in items if o)
    order: Literal["position along slice normal", "instance number", "stored order"]
    if oris and all(p is not None and o is not None for _, p, o in items):
        main_ori, _ = oris.most_common(1)[0]
        if len(oris) > 1:
            keep = [x for x in items if tuple(round(v, 2) for v in x[2]) == main_ori]  # type: ignore[union-attr]
            warnings.append(f"{name}: mixed orientations ({len(oris)} planes); kept the "
                            f"{len(keep)} images of the main plane, left out {len(items) - len(keep)}")
            items = keep
        normal = _normal(main_ori)
        for ref, pos, _ in items:
            ref.location_mm = float(np.dot(normal, np.asarray(pos, float)))
        items.sort(key=lambda x: (x[0].location_mm, x[0].instance_number or 0, x[0].frame or 0))
        order = "position along slice normal"
    elif all(r.instance_number is not None for r, _, _ in items):
        items.sort(key=lambda x: (x[0].instance_number, x[0].frame or 0))
        order = "instance number"
        warnings.append(f"{name}: no image position/orientation; ordered by instance number")
    else:
        order = "stored order"
        warnings.append(f"{name}: no image position/orientation nor instance numbers; "
                        "frames kept in stored order")
    slices = [r for r, _, _ in items]
    spacing = None
    if order == "position along slice normal" and len(slices) > 1:
        locs = np.array([s.location_mm for s in slices], float)
        diffs = np.diff(locs)
        dup = np.flatnonzero(diffs < 1e-3)
        if dup.size:
            warnings.append(f"{name}: {dup.size} duplicate slice position(s) (repeated files, "
                            "several phases or echoes?); kept one image per position")
            keep = np.ones(len(slices), bool)
            keep[dup + 1] = False
            slices = [s for s, k in zip(slices, keep) if k]
            locs, diffs = locs[keep], np.diff(locs[keep])
        if diffs.size:
            spacing = float(np.median(diffs))
            for j in np.flatnonzero(diffs > 1.5 * spacing + 1e-3)[:5]:
                warnings.append(f"{name}: gap of {diffs[j]:.1f} mm between slices {j} and {j + 1} "
                                f"(spacing {spacing:.1f} mm): missing slices?")
    if len(slices) < min_slices:
        where = series.instances[0].name if series.instances else series.series_instance_uid
        raise InputError(
            "series has too few slices for a volume", subject=f"{name}, file {where}",
            why=f"{len(slices)} usable image{'s' if len(slices) != 1 else ''}; a volume needs at "
                f"least {min_slices}" + (f" ({warnings[-1].split(': ', 1)[-1]})" if warnings else ""),
            fix="pass the whole series (all its files), or allow single images with --min-slices 1")
    return VolumePlan(series_instance_uid=series.series_instance_uid, modality=series.modality,
                      orientation=series.orientation, order=order, slices=slices,
                      chosen=sample_indices(len(slices), max_slices), spacing_mm=spacing,
                      rows=rows, columns=cols, warnings=warnings)


# --- decoding (only chosen slices) ------------------------------------------------


def decode_values(ref: SliceRef) -> np.ndarray:
    """Stored pixels of one slice, rescaled (HU for CT), float32 (H, W)."""
    if ref.frame is not None:
        arr = read_frame(ref.path, ref.frame - 1, ref.transfer_syntax)
    else:
        _, arr = read_pixels(ref.path)
    if arr.ndim != 2:
        raise InputError("not a grey-level slice", subject=ref.path,
                         why=f"decoded shape {arr.shape} (colour or multi-frame where one image "
                             "was expected)")
    out = arr.astype(np.float32)
    if ref.slope != 1.0:
        out *= np.float32(ref.slope)
    if ref.intercept != 0.0:
        out += np.float32(ref.intercept)
    return out


class Rendered(BaseModel):
    """Outcome of one slice task (pickled back from a worker process)."""

    model_config = {"arbitrary_types_allowed": True}
    index: int
    rgb: Any = None            # uint8 (896, 896, 3) numpy array
    png: bytes | None = None
    values: Any = None         # float32 (H, W), MRI first pass only
    error: dict[str, Any] | None = None


def _error(exc: BaseException, ref: SliceRef) -> dict[str, Any]:
    if isinstance(exc, InputError):
        return exc.to_dict()
    return InputError("slice cannot be decoded", subject=ref.path,
                      why=f"{type(exc).__name__}: {clean(exc)}").to_dict()


def _ct_task(index: int, ref: SliceRef, png: bool, size: int) -> Rendered:
    try:
        img, _ = model_image(ct_rgb(decode_values(ref)), size)
        rgb = np.asarray(img)
        return Rendered(index=index, rgb=rgb, png=png_bytes(img) if png else None)
    except Exception as exc:  # noqa: BLE001 - reported per slice, never a crash
        return Rendered(index=index, error=_error(exc, ref))


def _values_task(index: int, ref: SliceRef) -> Rendered:
    try:
        return Rendered(index=index, values=decode_values(ref))
    except Exception as exc:  # noqa: BLE001
        return Rendered(index=index, error=_error(exc, ref))


def _grey_task(index: int, values: np.ndarray, low: float, high: float, invert: bool, png: bool,
               size: int) -> Rendered:
    rgb = grey_rgb(values, low, high)
    if invert:
        rgb = 255 - rgb
    img, _ = model_image(rgb, size)
    return Rendered(index=index, rgb=np.asarray(img), png=png_bytes(img) if png else None)


# --- worker pools -------------------------------------------------------------------

_POOL_LOCK = threading.Lock()
_PROCESS_POOL: ProcessPoolExecutor | None = None


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def process_pool() -> ProcessPoolExecutor:
    """A long-lived pool (forkserver: safe next to threads, e.g. torch's,
    unlike fork), started once and reused, so its start-up is paid once per
    process. It has one process fewer than the workers wanted: the calling
    process decodes too, which saves a whole interpreter's memory. No
    preload: preloading makes the fork server import ``__main__``, which
    re-runs unguarded scripts."""
    global _PROCESS_POOL
    with _POOL_LOCK:
        if _PROCESS_POOL is None:
            ctx = multiprocessing.get_context("forkserver")
            _PROCESS_POOL = ProcessPoolExecutor(max_workers=max(1, default_workers() - 1),
                                                mp_context=ctx)
            atexit.register(shutdown_pool)
        return _PROCESS_POOL


def shutdown_pool() -> None:
    global _PROCESS_POOL
    with _POOL_LOCK:
        if _PROCESS_POOL is not None:
            _PROCESS_POOL.shutdown(wait=True, cancel_futures=True)
            _PROCESS_POOL = None


def _noop() -> None:
    """Run once in each worker so it imports this module ahead of real work."""


def warm_pool() -> None:
    """Start the worker processes now (they import numpy/pydicom while the
    caller is still reading headers)."""
    if default_workers() > 1:
        process_pool().submit(_noop)


def warm_pool_if_compressed(source: object) -> None:
    """Peek at one file of ``source`` (a folder or a list of files): if its
    pixels are compressed, start the workers before the headers are read."""
    first: Path | None = None
    if isinstance(source, (list, tuple)) and source:
        first = Path(source[0])
    elif isinstance(source, (str, os.PathLike)):
        p = Path(source)
        if p.is_dir():
            first = next((f for f in sorted(p.iterdir()) if f.is_file() and f.name != "DICOMDIR"), None)
    if first is None or not first.is_file() or first.suffix.lower() == ".zip":
        return
    try:
        ts = str(read_header(first).file_meta.TransferSyntaxUID)
    except Exception:  # noqa: BLE001 - a peek only; discovery reports problems properly
        return
    if ts not in UNCOMPRESSED:
        warm_pool()


class _Runner:
    """Maps slice tasks over the calling thread plus helpers: worker
    processes when the codec holds the GIL, threads otherwise. Tasks are
    pulled from one queue, so work balances itself. Per-slice failures come
    back as ``Rendered.error``; a broken process pool falls back to threads
    rather than losing the study."""

    def __init__(self, plan: VolumePlan, workers: int | None, use_processes: bool | None) -> None:
        self.workers = workers or default_workers()
        self.use_processes = plan.compressed if use_processes is None else use_processes
        if self.workers == 1:
            self.use_processes = False

    def map(self, fn: Callable[..., Rendered], args: list[tuple[Any, ...]]) -> list[Rendered]:
        if not args or self.workers == 1:
            return [fn(*a) for a in args]
        results: list[Rendered | None] = [None] * len(args)
        todo = iter(range(len(args)))
        lock = threading.Lock()

        def take() -> int | None:
            with lock:
                return next(todo, None)

        def local() -> None:
            while (i := take()) is not None:
                results[i] = fn(*args[i])

        def remote() -> None:
            pool = process_pool()
            while (i := take()) is not None:
                try:
                    results[i] = pool.submit(fn, *args[i]).result()
                except Exception:  # noqa: BLE001 - BrokenProcessPool and friends
                    results[i] = fn(*args[i])

        helper = remote if self.use_processes else local
        threads = [threading.Thread(target=helper, name=f"carepath-slices-{k}", daemon=True)
                   for k in range(self.workers - 1)]
        for t in threads:
            t.start()
        local()
        for t in threads:
            t.join()
        return [r for r in results if r is not None]


class VolumeImages(BaseModel):
    """The model-ready slices in memory (never put in graph state)."""

    model_config = {"arbitrary_types_allowed": True}
    plan: VolumePlan
    used: list[int] = Field(description="indices into plan.slices actually rendered")
    images: list[Any] = Field(default_factory=list, description="uint8 (896, 896, 3) arrays")
    pngs: list[bytes] = Field(default_factory=list)
    windows: list[Window]
    problems: list[str] = Field(default_factory=list)
    mode: Mode

    def record(self) -> dict[str, Any]:
        """The preprocessing record: what a reviewer needs to reproduce it."""
        p = self.plan
        return {
            "series_instance_uid": p.series_instance_uid, "modality": p.modality,
            "orientation": p.orientation, "order": p.order,
            "slices_in_series": len(p.slices), "slices_used": len(self.used),
            "slice_indices": self.used,
            "slice_map": {str(k): {"sop_instance_uid": p.slices[i].sop_instance_uid,
                                   "frame": p.slices[i].frame,
                                   "location_mm": p.slices[i].location_mm}
                          for k, i in enumerate(self.used)},
            "spacing_mm": p.spacing_mm, "source_size": [p.columns, p.rows],
            "model_size": [MODEL_SIZE, MODEL_SIZE],
            "recipe": "CT: three HU windows as RGB" if self.mode == "ct" else
                      "MRI: per-volume percentile window, grey in RGB",
            "windows": [w.model_dump() for w in self.windows],
            "warnings": p.warnings, "problems": self.problems,
        }


def _replace_failures(plan: VolumePlan, results: dict[int, Rendered], retry: Callable[[int], Rendered],
                      problems: list[str]) -> None:
    """A chosen slice that cannot be decoded is reported and replaced by its
    nearest unused neighbour, so the model still sees the whole extent."""
    taken = set(results)
    for i in sorted(k for k, r in results.items() if r.error):
        err = results.pop(i).error or {}
        problems.append(InputError(err.get("what") or "slice cannot be decoded",
                                   subject=err.get("subject"), why=err.get("why"),
                                   fix=err.get("fix")).one_line())
        for d in (1, -1, 2, -2, 3, -3):
            j = i + d
            if 0 <= j < len(plan.slices) and j not in taken:
                taken.add(j)
                r = retry(j)
                if not r.error:
                    results[j] = r
                    break
                problems.append(InputError(r.error.get("what") or "slice cannot be decoded",
                                           subject=r.error.get("subject"),
                                           why=r.error.get("why")).one_line())


def render_volume(plan: VolumePlan, mode: Mode, *, png: bool = False, workers: int | None = None,
                  use_processes: bool | None = None, size: int = MODEL_SIZE) -> VolumeImages:
    """Decode only ``plan.chosen`` and turn them into model images (and PNG
    bytes, encoded in the same workers so writing never serialises the run)."""
    runner = _Runner(plan, workers, use_processes)
    problems: list[str] = []
    if mode == "ct":
        args = [(i, plan.slices[i], png, size) for i in plan.chosen]
        results = {r.index: r for r in runner.map(_ct_task, args)}
        _replace_failures(plan, results, lambda j: _ct_task(j, plan.slices[j], png, size), problems)
        windows = list(CT_WINDOWS)
    else:
        vals = {r.index: r for r in runner.map(_values_task, [(i, plan.slices[i]) for i in plan.chosen])}
        _replace_failures(plan, vals, lambda j: _values_task(j, plan.slices[j]), problems)
        if not vals:
            results = {}
            windows = []
        else:
            sample = np.concatenate([r.values[::4, ::4].ravel() for r in vals.values()])
            w = mri_window(sample)
            windows = [w]
            invert = any(plan.slices[i].photometric == "MONOCHROME1" for i in vals)
            args = [(i, r.values, w.low, w.high, invert, png, size) for i, r in sorted(vals.items())]
            vals.clear()
            results = {r.index: r for r in runner.map(_grey_task, args)}
    if not results:
        raise InputError("no slice of the series could be decoded",
                         subject=f"series …{plan.series_instance_uid[-12:]}",
                         why=problems[0] if problems else "no images",
                         fix="re-export the series from the PACS")
    used = sorted(results)
    return VolumeImages(plan=plan, used=used, images=[results[i].rgb for i in used],
                        pngs=[results[i].png for i in used if results[i].png is not None],
                        windows=windows, problems=problems, mode=mode)
