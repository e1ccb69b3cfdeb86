"""The one place DICOM files are opened.

pydicom raises many exception types on hostile input (a fuzzer found an
uncaught ``BytesLengthException`` in seconds), so every read is wrapped and
turned into an ``InputError`` that names the file and the reason. Messages
name files and UIDs, never patient attributes.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pydicom
from pydicom.dataset import Dataset

from carepath.errors import InputError

MAX_HEADER_BYTES = 64 * 1024 * 1024

# pydicom reports invalid element *values* through its logger and warnings;
# those values can be patient names. carepath raises its own errors instead.
logging.getLogger("pydicom").setLevel(logging.ERROR)


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
    except Exception as exc:  # noqa: BLE001 - hostile input: any failure is the file's fault
        raise InputError("unreadable DICOM file", subject=str(p),
                         why=f"{type(exc).__name__}: {_clean(exc)}",
                         fix="re-export the study from the PACS; the file is truncated or malformed") from None
    if "SOPClassUID" not in ds:
        raise InputError("incomplete DICOM file", subject=str(p), why="no SOP Class UID",
                         fix="re-export the study from the PACS")
    return ds


def pixels(ds: Dataset, source: str | Path) -> "object":
    """Decoded pixel array, or an ``InputError`` naming the file and why."""
    if "PixelData" not in ds and "FloatPixelData" not in ds:
        raise InputError("no pixel data", subject=str(source),
                         why="the DICOM object has no image (e.g. a report or a header-only file)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ds.pixel_array
    except Exception as exc:  # noqa: BLE001
        ts = getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", None)
        name = getattr(ts, "name", str(ts)) if ts else "unknown transfer syntax"
        raise InputError("pixel data cannot be decoded", subject=str(source),
                         why=f"{name}: {type(exc).__name__}: {_clean(exc)}",
                         fix="install pylibjpeg[all]/pyjpegls (make install does) or re-export "
                             "the study uncompressed") from None


_QUOTED = __import__("re").compile(r"(['\"]).*?\1")


def _clean(exc: BaseException) -> str:
    """First line of the message, trimmed, with quoted values blanked: an
    element value (a patient name, say) must never reach a log or an error."""
    first = (str(exc).splitlines() or [""])[0]
    return _QUOTED.sub("'…'", first)[:240]
