"""The one place DICOM files are opened.

pydicom raises many exception types on hostile input (a fuzzer found an
uncaught ``BytesLengthException`` in seconds), so every read is wrapped and
turned into an ``InputError`` that names the file and the reason. Messages
name files and UIDs, never patient attributes: element values quoted by
pydicom's own messages are blanked before they reach an error or a log.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pydicom
from pydicom.dataset import Dataset
from pydicom.fileset import FileSet
from pydicom.pixels import pixel_array

from carepath.deid import remember_dataset
from carepath.errors import InputError

# pydicom reports invalid element *values* through its logger and warnings;
# those values can be patient names. carepath raises its own errors instead.
logging.getLogger("pydicom").setLevel(logging.ERROR)

REEXPORT = "re-export the study from the PACS; the file is truncated or malformed"
# Largest decoded pixel buffer one file may ask for (a 3000-slice 512² CT
# held as one enhanced object is 1.5 GiB); more is a lie or a bomb.
MAX_DECODED_BYTES = 4 * 1024**3


@contextmanager
def quiet_values() -> Iterator[None]:
    """Silence pydicom's value warnings while touching header elements."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def read_header(path: str | Path) -> Dataset:
    """Header only (``stop_before_pixels``): cheap, used to sort and route."""
    return _read(Path(path), stop_before_pixels=True)


def read_full(path: str | Path) -> Dataset:
    return _read(Path(path), stop_before_pixels=False)


def _read(p: Path, *, stop_before_pixels: bool) -> Dataset:
    if not p.is_file():
        raise InputError("DICOM file not found", subject=str(p), fix="check the path")
    if p.stat().st_size == 0:
        raise InputError("not a DICOM file", subject=str(p), why="the file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(str(p), stop_before_pixels=stop_before_pixels, force=False)
    except pydicom.errors.InvalidDicomError:
        raise InputError("not a DICOM file", subject=str(p),
                         why="no DICOM preamble/prefix (DICM) found",
                         fix="pass DICOM Part 10 files (.dcm) or a folder/zip of them") from None
    except BaseException as exc:  # noqa: BLE001 - hostile input: any failure is the file's fault
        _reraise_interrupts(exc)
        raise InputError("unreadable DICOM file", subject=str(p),
                         why=f"{type(exc).__name__}: {clean(exc)}", fix=REEXPORT) from None
    if "SOPClassUID" not in ds:
        raise InputError("incomplete DICOM file", subject=str(p), why="no SOP Class UID",
                         fix=REEXPORT)
    remember_dataset(ds)  # no-op unless text goes to a remote model (then: scrub these names)
    return ds


def pixels(ds: Dataset, source: str | Path) -> np.ndarray:
    """Decoded pixel array, or an ``InputError`` naming the file and why."""
    if "PixelData" not in ds and "FloatPixelData" not in ds and "DoubleFloatPixelData" not in ds:
        raise InputError("no pixel data", subject=str(source),
                         why="the DICOM object has no image (e.g. a report or a header-only file)")
    _check_budget(ds, source, frames=None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ts = getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", "")
            if plugin := _safe_plugin(str(ts)):
                ds.pixel_array_options(decoding_plugin=plugin)
            return ds.pixel_array
    except BaseException as exc:  # noqa: BLE001 - Rust decoders panic with a BaseException
        _reraise_interrupts(exc)
        raise _decode_error(ds, source, exc) from None


def read_pixels(path: str | Path) -> tuple[Dataset, np.ndarray]:
    """Whole file (header and all frames) decoded."""
    ds = read_full(path)
    return ds, pixels(ds, path)


def read_frame(path: str | Path, index: int, transfer_syntax: str = "",
               header: Dataset | None = None) -> np.ndarray:
    """One frame of a multi-frame object, decoding only that frame
    (pydicom reads just its fragment for encapsulated syntaxes)."""
    p = Path(path)
    if header is not None:
        _check_budget(header, p, frames=1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pixel_array(str(p), index=index, decoding_plugin=_safe_plugin(transfer_syntax))
    except BaseException as exc:  # noqa: BLE001
        _reraise_interrupts(exc)
        ds = header if header is not None else read_header(p)
        raise _decode_error(ds, p, exc) from None


def dicomdir_files(path: str | Path) -> list[Path]:
    """Files a DICOMDIR references (not whatever else lies in its folder)."""
    p = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fs = FileSet(pydicom.dcmread(str(p)))
            out = [Path(inst.path) for inst in fs]
    except BaseException as exc:  # noqa: BLE001
        _reraise_interrupts(exc)
        raise InputError("unreadable DICOMDIR", subject=str(p),
                         why=f"{type(exc).__name__}: {clean(exc)}",
                         fix="pass the study folder instead of its DICOMDIR") from None
    return sorted(out)


def decoded_bytes(ds: Dataset, frames: int | None = None) -> int:
    """What decoding will allocate, from the header alone (0 if unknown)."""
    with quiet_values():
        try:
            rows, cols = int(ds.get("Rows") or 0), int(ds.get("Columns") or 0)
            spp = int(ds.get("SamplesPerPixel") or 1)
            bits = int(ds.get("BitsAllocated") or 8)
            n = frames if frames is not None else int(ds.get("NumberOfFrames") or 1)
        except Exception:  # noqa: BLE001 - malformed header: the decoder itself refuses it
            return 0
    return max(rows, 0) * max(cols, 0) * max(spp, 1) * max((bits + 7) // 8, 1) * max(n, 1)


def _check_budget(ds: Dataset, source: str | Path, frames: int | None) -> None:
    """A header can claim 60000 x 60000 x 5000 frames over a few KB of
    compressed data; the decoder would try to allocate terabytes (numpy's
    MemoryError, deliberately not swallowed elsewhere). Refuse up front."""
    need = decoded_bytes(ds, frames)
    if need > MAX_DECODED_BYTES:
        raise InputError("image too large to decode", subject=str(source),
                         why=f"the header declares {need / 1024**3:.1f} GiB of pixels "
                             f"(limit {MAX_DECODED_BYTES / 1024**3:.0f} GiB)",
                         fix="check the file's Rows/Columns/NumberOfFrames; " + REEXPORT)


def _safe_plugin(transfer_syntax: str) -> str:
    """RLE goes through pydicom's own decoder: pylibjpeg-rle (Rust) panics on
    corrupt data, and a Rust panic prints a backtrace to stderr before
    Python can catch it (found by the mutation test). '' = pydicom's choice."""
    return "pydicom" if transfer_syntax == "1.2.840.10008.1.2.5" else ""


def _reraise_interrupts(exc: BaseException) -> None:
    """Catch everything a decoder can throw (pylibjpeg-rle's Rust code raises
    ``pyo3_runtime.PanicException``, a ``BaseException``, on corrupt data,
    found by the mutation test) except a user's or the runtime's own stop."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)):
        raise exc


_MISSING_DECODER = re.compile(r"no (pixel data )?decoders|plugin.*(not|un)available|missing "
                              r"required dependencies|not supported", re.I)


def _decode_error(ds: Dataset, source: str | Path, exc: BaseException) -> InputError:
    ts = getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", None)
    name = getattr(ts, "name", str(ts)) if ts else "unknown transfer syntax"
    msg = clean(exc)
    if isinstance(exc, NotImplementedError) or _MISSING_DECODER.search(str(exc)):
        return InputError("unsupported compression", subject=str(source),
                          why=f"no installed decoder handles {name}",
                          fix="re-export the study uncompressed or as JPEG/JPEG 2000/JPEG-LS/RLE "
                              "(pylibjpeg[all] and pyjpegls are installed by `make install`)")
    return InputError("pixel data cannot be decoded", subject=str(source),
                      why=f"{name}: {type(exc).__name__}: {msg}", fix=REEXPORT)


_QUOTED = re.compile(r"(['\"]).*?\1")


def clean(exc: BaseException) -> str:
    """First line of the message, trimmed, with quoted values blanked: an
    element value (a patient name, say) must never reach a log or an error."""
    first = (str(exc).splitlines() or [""])[0]
    return _QUOTED.sub("'…'", first)[:240]
