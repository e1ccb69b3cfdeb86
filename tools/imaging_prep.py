"""Pixels to MedGemma-ready images: display windowing from the DICOM itself,
MONOCHROME1 inversion, aspect-preserving pad to a square, resize to 896.

The ``Placement`` record is what lets a box the model draws on the 896×896
image be mapped back to original-image pixels (and into a DICOM SR).
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from pydantic import BaseModel
from pydicom.dataset import Dataset

MODEL_SIZE = 896


class Placement(BaseModel):
    """How the original image sits inside the square model image."""

    original_width: int
    original_height: int
    scale: float           # model pixels per original pixel
    pad_left: int          # in model pixels
    pad_top: int
    size: int = MODEL_SIZE


def display_uint8(ds: Dataset, arr: np.ndarray) -> tuple[np.ndarray, dict[str, object]]:
    """Modality LUT, then the file's VOI LUT/window (or a robust percentile
    window when it has none), MONOCHROME1 inverted; returns 8-bit grey."""
    from pydicom.pixels import apply_modality_lut, apply_voi_lut

    record: dict[str, object] = {"photometric": str(ds.get("PhotometricInterpretation", ""))}
    data = apply_modality_lut(arr, ds).astype(np.float32)
    if "WindowCenter" in ds or "VOILUTSequence" in ds:
        data = apply_voi_lut(data, ds, index=0).astype(np.float32)
        record["window"] = "from DICOM (VOI LUT / window center-width)"
    lo, hi = np.percentile(data, [0.5, 99.5])
    if "window" not in record:
        record["window"] = f"percentile 0.5-99.5 ({lo:.1f}..{hi:.1f})"
    out = np.clip((data - lo) / max(hi - lo, 1e-6), 0, 1)
    if record["photometric"] == "MONOCHROME1":
        out = 1.0 - out
        record["inverted"] = True
    return (out * 255).astype(np.uint8), record


def pad_to_square(img: Image.Image, size: int = MODEL_SIZE) -> tuple[Image.Image, Placement]:
    w, h = img.size
    scale = size / max(w, h)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    resized = img.convert("RGB").resize((nw, nh), Image.Resampling.BICUBIC)
    canvas = Image.new("RGB", (size, size), (0, 0, 0))
    left, top = (size - nw) // 2, (size - nh) // 2
    canvas.paste(resized, (left, top))
    return canvas, Placement(original_width=w, original_height=h, scale=scale,
                             pad_left=left, pad_top=top, size=size)


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=3)
    return buf.getvalue()
