"""Pixels to the images MedGemma 1.5 was trained on.

CT: each slice becomes one RGB image whose channels are three Hounsfield
windows (R −1024..1024 wide, G −135..215 soft tissue, B 0..80 brain), as in
Google's public MedGemma CT notebook, resized to 896×896.

MRI: there is no official recipe and MR intensities have no physical unit,
so fixed windows mean nothing. carepath windows each *volume* (not each
slice) to its own 0.5th–99.5th intensity percentiles, computed over the
slices sent to the model, and repeats the grey value in R, G and B. Per-volume
rather than per-slice keeps brightness comparable between slices (an edema
looks equally bright wherever it is); the percentiles ignore the few extreme
voxels (flow artefacts, fat-sat failures) that would otherwise flatten the
contrast. The record names the window actually used.

Chest X-ray: the display window comes from the DICOM itself (its VOI LUT, or
window center/width with its VOI LUT function); without one, a 0.5–99.5
percentile window. MONOCHROME1 is inverted so bone is bright. The image is
padded (never stretched) to a square, and the ``Placement`` says exactly
where it sits so model boxes map back to original pixels.

Resizing uses bilinear filtering, as the Gemma 3 image processor does, so the
processor's own resize to 896 is then a no-op.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from PIL import Image
from pydantic import BaseModel
from pydicom.dataset import Dataset
from pydicom.pixels import apply_modality_lut, apply_voi

MODEL_SIZE = 896


class Window(BaseModel):
    name: str
    low: float
    high: float


CT_WINDOWS: tuple[Window, Window, Window] = (
    Window(name="R: wide", low=-1024, high=1024),
    Window(name="G: soft tissue", low=-135, high=215),
    Window(name="B: brain", low=0, high=80),
)
MRI_PERCENTILES = (0.5, 99.5)


class Placement(BaseModel):
    """How the original image sits inside the square model image.

    A model-image pixel (u, v) maps to original column x = (u − pad_left) /
    scale_x and row y = (v − pad_top) / scale_y. ``scale_x``/``scale_y`` are
    the exact ratios after rounding the resized size to whole pixels.
    """

    original_width: int
    original_height: int
    scale: float           # model pixels per original pixel (nominal)
    pad_left: int          # in model pixels
    pad_top: int
    size: int = MODEL_SIZE
    scale_x: float = 0.0
    scale_y: float = 0.0

    def model_post_init(self, _: Any) -> None:
        if not self.scale_x:
            self.scale_x = self.scale
        if not self.scale_y:
            self.scale_y = self.scale

    def to_original(self, u: float, v: float) -> tuple[float, float]:
        """Model-image pixel (u right, v down) → original (x column, y row),
        clamped to the image."""
        x = (u - self.pad_left) / self.scale_x
        y = (v - self.pad_top) / self.scale_y
        return (min(max(x, 0.0), float(self.original_width)),
                min(max(y, 0.0), float(self.original_height)))

    def to_model(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale_x + self.pad_left, y * self.scale_y + self.pad_top


# --- CT and MRI -----------------------------------------------------------------


def ct_rgb(hu: np.ndarray) -> np.ndarray:
    """HU slice (H, W) → uint8 (H, W, 3), one window per channel."""
    out = np.empty(hu.shape + (3,), dtype=np.uint8)
    tmp = np.empty(hu.shape, dtype=np.float32)
    for c, w in enumerate(CT_WINDOWS):
        np.subtract(hu, w.low, out=tmp, dtype=np.float32)
        np.multiply(tmp, 255.0 / (w.high - w.low), out=tmp)
        np.clip(tmp, 0, 255, out=tmp)
        out[..., c] = tmp  # truncating cast, as the notebook's astype(np.uint8)
    return out


def grey_rgb(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Linear window [low, high] → uint8 grey repeated in three channels."""
    g = np.clip((values.astype(np.float32) - low) * (255.0 / max(high - low, 1e-6)), 0, 255)
    g = g.astype(np.uint8)
    return np.repeat(g[..., None], 3, axis=2)


def mri_window(samples: np.ndarray) -> Window:
    lo, hi = np.percentile(samples, MRI_PERCENTILES)
    return Window(name=f"per-volume percentiles {MRI_PERCENTILES[0]}–{MRI_PERCENTILES[1]}",
                  low=float(lo), high=float(hi if hi > lo else lo + 1))


def model_image(rgb: np.ndarray, size: int = MODEL_SIZE) -> tuple[Image.Image, Placement]:
    """uint8 (H, W, 3) → size×size RGB, padded when not square."""
    img = Image.fromarray(rgb, mode="RGB")
    h, w = rgb.shape[:2]
    if h == w:
        out = img if w == size else img.resize((size, size), Image.Resampling.BILINEAR)
        s = size / w
        return out, Placement(original_width=w, original_height=h, scale=s, pad_left=0, pad_top=0,
                              size=size, scale_x=s, scale_y=s)
    return pad_to_square(img, size)


# --- projection radiographs -----------------------------------------------------


def _window_unit(data: np.ndarray, center: float, width: float, function: str) -> np.ndarray:
    """DICOM PS3.3 C.11.2.1.2 window to [0, 1]."""
    if function == "SIGMOID":
        return 1.0 / (1.0 + np.exp(-4.0 * (data - center) / max(width, 1e-6)))
    if function == "LINEAR_EXACT":
        out = (data - center) / max(width, 1e-6) + 0.5
    else:  # LINEAR
        out = (data - (center - 0.5)) / max(width - 1.0, 1e-6) + 0.5
    return np.clip(out, 0.0, 1.0)


def _first(v: object) -> float:
    try:
        return float(v[0]) if hasattr(v, "__len__") and not isinstance(v, str) else float(v)  # type: ignore[index,arg-type]
    except (TypeError, ValueError, IndexError):
        return float("nan")


def display_unit(ds: Dataset, arr: np.ndarray) -> tuple[np.ndarray, dict[str, Any]]:
    """Modality LUT, then the file's VOI LUT or window (a percentile window
    when it has none), MONOCHROME1 inverted; float32 in [0, 1]."""
    record: dict[str, Any] = {"photometric": str(ds.get("PhotometricInterpretation", ""))}
    data = apply_modality_lut(arr, ds).astype(np.float32)
    out: np.ndarray | None = None
    if "VOILUTSequence" in ds:
        try:
            item = ds.VOILUTSequence[0]
            bits = int(item.LUTDescriptor[2])
            # LUT inputs are integers (the modality LUT's output); a float array warns.
            out = apply_voi(np.rint(data).astype(np.int32), ds, index=0).astype(np.float32)
            out /= float(2**bits - 1)
            record["window"] = "VOI LUT from the DICOM"
        except Exception:  # noqa: BLE001 - a broken LUT falls back to the window/percentiles
            out = None
    if out is None and "WindowCenter" in ds and "WindowWidth" in ds:
        c, w = _first(ds.WindowCenter), _first(ds.WindowWidth)
        if np.isfinite(c) and np.isfinite(w) and w > 0:
            fn = str(ds.get("VOILUTFunction", "LINEAR") or "LINEAR").upper()
            out = _window_unit(data, c, w, fn).astype(np.float32)
            record["window"] = f"from the DICOM: center {c:g}, width {w:g} ({fn})"
            record["window_center"], record["window_width"] = c, w
    if out is None:
        lo, hi = np.percentile(data, [0.5, 99.5])
        out = np.clip((data - lo) / max(float(hi - lo), 1e-6), 0, 1).astype(np.float32)
        record["window"] = f"percentile 0.5–99.5 ({lo:.1f}..{hi:.1f}); the DICOM has no window"
    if record["photometric"] == "MONOCHROME1":
        out = 1.0 - out
        record["inverted"] = True
    else:
        record["inverted"] = False
    return out, record


def display_uint8(ds: Dataset, arr: np.ndarray) -> tuple[np.ndarray, dict[str, Any]]:
    unit, record = display_unit(ds, arr)
    return (unit * 255.0 + 0.5).astype(np.uint8), record


def pad_to_square(img: Image.Image, size: int = MODEL_SIZE) -> tuple[Image.Image, Placement]:
    """Resize the long side to ``size`` and centre on black: aspect kept."""
    w, h = img.size
    scale = size / max(w, h)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    resized = img.convert("RGB").resize((nw, nh), Image.Resampling.BILINEAR)
    canvas = Image.new("RGB", (size, size), (0, 0, 0))
    left, top = (size - nw) // 2, (size - nh) // 2
    canvas.paste(resized, (left, top))
    return canvas, Placement(original_width=w, original_height=h, scale=scale,
                             pad_left=left, pad_top=top, size=size,
                             scale_x=nw / w, scale_y=nh / h)


def png_bytes(img: Image.Image | np.ndarray) -> bytes:
    """Fast PNG (compress level 1): these are inspection/evidence copies."""
    if isinstance(img, np.ndarray):
        img = Image.fromarray(img)
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()
