"""Whole-slide images: opening, tissue detection, patch sampling.

OpenSlide (``openslide-python`` + the ``openslide-bin`` wheel, no system
library) reads the vendor formats and DICOM WSI alike (give any file of the
DICOM series, or its folder). Tissue is found on a low-resolution level:
H&E tissue is coloured and glass is white/grey, so Otsu's threshold on HSV
saturation separates them cheaply. Patches are then chosen on a grid at the
requested magnification, most-tissue first, and each keeps its level-0
coordinates, level and size as evidence.
"""

from __future__ import annotations

from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from pydantic import BaseModel, Field

from carepath.errors import InputError

MASK_MAX_SIDE = 1024
MIN_SATURATION = 20  # of 255: below this nothing is tissue, whatever Otsu says


class LevelInfo(BaseModel):
    level: int
    width: int
    height: int
    downsample: float


class SlideInfo(BaseModel):
    source: str
    vendor: str | None = None
    levels: list[LevelInfo]
    mpp_x: float | None = None
    mpp_y: float | None = None
    objective_power: float | None = Field(None, description="magnification of level 0")


class TissueMask(BaseModel):
    model_config = {"arbitrary_types_allowed": True}

    mask: Any = Field(exclude=True, description="bool array, True = tissue")
    scale: float = Field(description="level-0 pixels per mask pixel")
    threshold: float
    fraction: float


class PatchSpec(BaseModel):
    """A patch in level-0 coordinates (``x``, ``y``, ``size``) read from
    ``level`` (``read_size`` pixels there) and resized to ``out_size``."""

    index: int
    level: int
    x: int
    y: int
    size: int
    read_size: int
    out_size: int
    tissue_fraction: float
    magnification: float | None = None


def _fail(what: str, path: Path, why: str) -> InputError:
    return InputError(what, subject=str(path), why=why,
                      fix="pass a whole-slide image OpenSlide reads (SVS, TIFF, NDPI, MRXS, DICOM WSI…)")


def _dicom_member(path: Path) -> Path:
    """A DICOM WSI folder is opened through any one of its files."""
    for p in sorted(path.iterdir()):
        if p.is_file() and p.suffix.lower() in (".dcm", ""):
            return p
    raise _fail("no slide in folder", path, "the folder holds no DICOM file")


@contextmanager
def open_slide(path: Path) -> Iterator[Any]:
    import openslide  # heavy: native libopenslide, only for whole-slide images

    path = Path(path)
    if not path.exists():
        raise _fail("slide not found", path, "no such file")
    target = _dicom_member(path) if path.is_dir() else path
    try:
        slide = openslide.OpenSlide(str(target))
    except openslide.OpenSlideUnsupportedFormatError:
        raise _fail("unsupported slide", path, "not a whole-slide format OpenSlide recognises") from None
    except (openslide.OpenSlideError, OSError, ValueError) as exc:
        raise _fail("unopenable slide", path, str(exc)[:160] or type(exc).__name__) from None
    try:
        yield slide
    finally:
        slide.close()


def info(slide: Any, path: Path) -> SlideInfo:
    import openslide  # heavy: native libopenslide, only for whole-slide images

    props = slide.properties

    def num(key: str) -> float | None:
        try:
            v = float(props.get(key, ""))
        except ValueError:
            return None
        return v if v > 0 else None

    mpp_x, mpp_y = num(openslide.PROPERTY_NAME_MPP_X), num(openslide.PROPERTY_NAME_MPP_Y)
    power = num(openslide.PROPERTY_NAME_OBJECTIVE_POWER)
    if power is None and mpp_x and 0.1 <= mpp_x <= 2.0:
        power = round(10.0 / mpp_x, 1)  # 0.25 µm/px ≈ 40x, 0.5 ≈ 20x
    return SlideInfo(source=path.name, vendor=props.get(openslide.PROPERTY_NAME_VENDOR),
                     levels=[LevelInfo(level=i, width=w, height=h, downsample=float(ds))
                             for i, ((w, h), ds) in enumerate(zip(slide.level_dimensions, slide.level_downsamples))],
                     mpp_x=mpp_x, mpp_y=mpp_y, objective_power=power)


def read_rgb(slide: Any, path: Path, location: tuple[int, int], level: int, size: tuple[int, int]) -> Image.Image:
    """A region as RGB on white (transparent = outside the scanned area)."""
    import openslide  # heavy: native libopenslide, only for whole-slide images

    try:
        region = slide.read_region(location, level, size)
    except (openslide.OpenSlideError, OSError, ValueError) as exc:
        raise _fail("unreadable slide", path, f"reading level {level} failed: {str(exc)[:120]}") from None
    background = Image.new("RGB", region.size, (255, 255, 255))
    background.paste(region, mask=region.getchannel("A"))
    return background


def otsu(values: np.ndarray) -> float:
    """Otsu's threshold of uint8 values (between-class variance maximum)."""
    hist = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 0.0
    levels = np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    w1 = total - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (m0[-1] * w0 / total - m0) ** 2 / (w0 * w1) * total
    between = np.nan_to_num(between)
    return float(np.argmax(between[:-1]))


def tissue_mask(slide: Any, path: Path) -> TissueMask:
    """Tissue on the lowest-resolution level (downscaled to ≤ 1024 px a side)."""
    level = slide.level_count - 1
    w, h = slide.level_dimensions[level]
    img = read_rgb(slide, path, (0, 0), level, (w, h))
    scale = float(slide.level_downsamples[level])
    if max(w, h) > MASK_MAX_SIDE:
        f = MASK_MAX_SIDE / max(w, h)
        img = img.resize((max(1, round(w * f)), max(1, round(h * f))), Image.Resampling.BILINEAR)
        scale /= f
    sat = np.asarray(img.convert("HSV"))[..., 1]
    t = max(otsu(sat), MIN_SATURATION)
    mask = sat > t
    return TissueMask(mask=mask, scale=scale, threshold=t, fraction=float(mask.mean()))


def plan_patches(si: SlideInfo, slide: Any, tm: TissueMask, *, n: int, out_size: int,
                 magnification: float | None, min_tissue: float, warnings: list[str]) -> list[PatchSpec]:
    """Up to ``n`` non-overlapping grid patches, most tissue first."""
    downsample = 1.0
    if magnification is not None:
        if si.objective_power is None:
            warnings.append("The slide records no objective power or pixel size; patches were taken "
                            "at full resolution.")
        elif magnification > si.objective_power:
            warnings.append(f"Requested {magnification:g}x exceeds the scan's {si.objective_power:g}x; "
                            "patches were taken at full resolution.")
        else:
            downsample = si.objective_power / magnification
    W, H = si.levels[0].width, si.levels[0].height
    size = int(round(out_size * downsample))
    if size > min(W, H):
        size = min(W, H)
        warnings.append(f"The slide is smaller than one {out_size}-pixel patch at that magnification; "
                        f"patches cover {size} level-0 pixels.")
    level = slide.get_best_level_for_downsample(size / out_size) if size >= out_size else 0
    ds = si.levels[level].downsample
    read = max(1, int(round(size / ds)))
    mag = si.objective_power / (size / out_size) if si.objective_power else None
    cands: list[tuple[float, int, int]] = []
    mask, s = tm.mask, tm.scale
    for y in range(0, H - size + 1, size):
        for x in range(0, W - size + 1, size):
            y0, y1 = int(y / s), max(int(y / s) + 1, int((y + size) / s))
            x0, x1 = int(x / s), max(int(x / s) + 1, int((x + size) / s))
            cell = mask[y0:y1, x0:x1]
            frac = float(cell.mean()) if cell.size else 0.0
            cands.append((frac, y, x))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    keep = [c for c in cands if c[0] >= min_tissue]
    if not keep:
        keep = [c for c in cands if c[0] > 0]
        if keep:
            warnings.append(f"No patch reaches {min_tissue:.0%} tissue; the patches with the most tissue "
                            "were used.")
        else:
            warnings.append("No tissue was detected on the slide; no patches were sampled.")
    return [PatchSpec(index=i, level=level, x=x, y=y, size=size, read_size=read, out_size=out_size,
                      tissue_fraction=round(frac, 4), magnification=round(mag, 2) if mag else None)
            for i, (frac, y, x) in enumerate(keep[:n], 1)]


def read_patch(slide: Any, path: Path, p: PatchSpec) -> Image.Image:
    img = read_rgb(slide, path, (p.x, p.y), p.level, (p.read_size, p.read_size))
    if img.size != (p.out_size, p.out_size):
        img = img.resize((p.out_size, p.out_size), Image.Resampling.LANCZOS)
    return img
