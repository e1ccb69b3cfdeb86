"""OCR of scanned lab-report pages: Debian's tesseract through pytesseract.

Used by the lab skill only when a page has no text layer and no imaging
model is configured (with MedGemma configured, scans go to the model). The
page is rasterised (pypdfium2), divided by its own background (grey paper,
shaded rows), deskewed, and table rules are whitened (tesseract reads a
ruling line as "|" or glues it to a digit) but their positions kept, so the
row reader tells a wrapped name from the next row as on a text layer.
Tesseract returns words with boxes and confidences. The words go through the
same table reader as a text layer (``lab_table``), so OCR adds no layout
rules of its own; a test name one character from exactly one catalogued name
("HbAlc") is repaired. Each result
carries the lowest word confidence of its row (0-1); results below
:data:`REVIEW_BELOW` are marked ``needs_review`` for the clinician.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from carepath.errors import InputError
from carepath.tools.sources import lab_cells, lab_pdf, lab_table, loinc, ucum
from carepath.tools.sources.lab_pdf import LabValue

OCR_DPI = 300
REVIEW_BELOW = 0.80  # tesseract word confidence; below it a digit is often misread
# Two page-segmentation modes: one uniform block (6) and one column of variable-size text (4);
# each reads some pages better (a wide table vs. a page of mixed blocks). Both run; the reading
# that explains more of the page (results, units, ranges) is kept.
_CONFIGS = ("--psm 6 -c preserve_interword_spaces=1", "--psm 4 -c preserve_interword_spaces=1")


class TesseractEnv(Mapping[str, str]):
    """The environment tesseract runs with: this process's, live, plus ``OMP_THREAD_LIMIT=1``
    unless the user set it (tesseract's OpenMP only contends on small hosts). The limit was once
    set in ``os.environ``, where it stayed for the whole process and broke CTranslate2 (Whisper)
    afterwards (``whisper_fallback.cpu_threads``); it belongs to the tesseract child alone."""

    def _env(self) -> dict[str, str]:
        return {"OMP_THREAD_LIMIT": "1", **os.environ}

    def __getitem__(self, key: str) -> str:
        return self._env()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._env())

    def __len__(self) -> int:
        return len(self._env())


def _tesseract() -> ModuleType:
    """pytesseract, imported on first OCR: it imports pandas when installed (~0.9 s), which every
    ``carepath`` process paid through the FHIR outputs' import of this module, OCR or not. Its
    subprocesses get :class:`TesseractEnv` (pytesseract passes its module's ``environ`` to
    every tesseract run and offers no other way to set a child's environment)."""
    import pytesseract  # lazy: pulls in pandas; only OCR needs it

    pytesseract.pytesseract.environ = TesseractEnv()
    return pytesseract


def available() -> bool:
    """Whether the tesseract binary can be run (``scripts/apt-deps.sh`` installs it)."""
    tess = _tesseract()
    try:
        tess.get_tesseract_version()
    except (tess.TesseractNotFoundError, OSError):
        return False
    return True


def _runs(dark: np.ndarray, length: int) -> np.ndarray:
    """Pixels inside horizontal runs of at least ``length`` dark pixels."""
    h, w = dark.shape
    if w <= length:
        return np.zeros_like(dark)
    s = np.concatenate([np.zeros((h, 1), np.int32), np.cumsum(dark, axis=1, dtype=np.int32)], axis=1)
    full = (s[:, length:] - s[:, :-length]) == length          # a run starts here (w-length+1 cols)
    start = np.zeros((h, w + 1), np.int32)
    start[:, :full.shape[1]] += full
    start[:, length:length + full.shape[1]] -= full
    return np.cumsum(start, axis=1)[:, :w] > 0


def _line_mask(img: Image.Image, dpi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(grey page, horizontal-rule pixels, vertical-rule pixels)."""
    # Scanner noise breaks a thin rule into dashes: work on a median-filtered copy;
    # light fills (shaded header rows) become background; grey rules stay and are
    # found as long runs, allowed to wander by a pixel (what deskewing leaves of a tilt).
    g = np.asarray(img.convert("L").filter(ImageFilter.MedianFilter(3))).copy()
    g[g > 195] = 255
    dark = g < 215
    dark = dark | np.roll(dark, 1, axis=0) | np.roll(dark, 1, axis=1)
    length = max(int(dpi * 0.6), 20)  # 0.6 inch: longer than any character or number
    return g, _runs(dark, length), _runs(dark.T, length).T


def without_rules(img: Image.Image, dpi: int) -> tuple[Image.Image, list[float]]:
    """The page with long horizontal and vertical lines whitened, and the y
    (PDF points) of its horizontal rules: the table's row separators, which
    tell a wrapped test name from the next row as a text layer's rules do."""
    g, horiz, vert = _line_mask(img, dpi)
    lines = horiz | vert
    for axis in (0, 1):  # whiten the rule's anti-aliased edges too
        lines = lines | np.roll(lines, 1, axis=axis) | np.roll(lines, -1, axis=axis)
    out = g.copy()
    out[lines] = 255
    rows = np.flatnonzero(horiz.sum(axis=1) > dpi * 1.0)  # a rule at least an inch long
    rules: list[float] = []
    for k, y in enumerate(rows):
        if k == 0 or y - rows[k - 1] > 2:
            rules.append(float(y) * 72.0 / dpi)
    return Image.fromarray(out), rules


def skew_angle(img: Image.Image, limit: float = 2.0, step: float = 0.1) -> float:
    """Rotation (degrees) that makes text rows horizontal: the angle whose
    row profile is sharpest (projection-profile deskew on a reduced copy).
    A tilt of 1° moves a table row's right end by several points, enough to
    split it into two lines."""
    small = img.convert("L").reduce(4) if min(img.size) > 800 else img.convert("L")
    best, best_score = 0.0, -1.0
    for k in range(int(-limit / step), int(limit / step) + 1):
        a = k * step
        dark = np.asarray(small.rotate(a, resample=Image.BILINEAR, fillcolor=255)) < 160
        score = float(np.var(dark.sum(axis=1)))
        if score > best_score:
            best, best_score = a, score
    return best


def flat_field(img: Image.Image) -> Image.Image:
    """The page divided by its own background (grey paper, shaded table rows),
    so only ink stays dark: a local maximum over a window wider than any
    stroke estimates the paper under each pixel."""
    g = img.convert("L")
    small = g.reduce(4).filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.BoxBlur(2))
    bg = np.asarray(small.resize(g.size, Image.BILINEAR), dtype=np.float32)
    out = np.asarray(g, dtype=np.float32) * 255.0 / np.maximum(bg, 40.0)
    return Image.fromarray(out.clip(0, 255).astype(np.uint8))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


@lru_cache(maxsize=1)
def _known_names() -> dict[str, str]:
    """Normalised → printed spelling of every catalogued test name and alias."""
    out: dict[str, str] = {}
    for t in loinc.catalogue().values():
        for n in (t.name, *t.aliases):
            out.setdefault(loinc.normalise_name(n), n)
    return out


def repair_name(name: str) -> str:
    """An OCR'd test name one character away from exactly one catalogued name
    ("HbAlc" for HbA1c) takes that name, a catalogued name behind a one- or
    two-letter speck loses the speck; anything else stays."""
    key = loinc.normalise_name(name)
    if loinc.lookup(name) is not None:
        return name
    head, _, rest = name.partition(" ")
    if len(head) <= 2 and rest and loinc.lookup(rest) is not None:
        return rest  # a flag mark read as a letter before the name ("tt Calcium" for "↑ Calcium")
    if len(key) < 5:
        return name
    near = [v for k, v in _known_names().items() if _one_edit(key, k)]
    return near[0] if len(near) == 1 else name


# What tesseract makes of rule ends, cell borders and dust at a word's edge: never part of a lab word.
_EDGE_JUNK = "“”„\"'‘’«»—~|_¦"


def _despeckled(text: str) -> str:
    """A word less the marks rules and dust leave at its edges ("“Result", "-«108H*—");
    a word of marks only is dropped. A plain range dash or bracket stays."""
    t = text.strip()
    if any(c in _EDGE_JUNK for c in t):
        t = t.strip(_EDGE_JUNK + "-:")
    return _DAGGER.sub(r"\1", t)


# A dagger or footnote mark after a value, as tesseract reads it ("47.4t", "1.2f"): no lab unit is "t" or "f".
_DAGGER = re.compile(r"^([<>]?\d[\d,]*(?:\.\d+)?)[tf]$")


# How tesseract misreads unit glyphs (seen on the tune and dev scans), each tried once and kept only when it
# turns a word that is no unit into one: "rn" for "m"; "p"/"y" for "µ" after a slash ("10*3/pL"); "U" for
# "L/" between a prefix and a time ("mUmin"); "A" for the caret of a power of ten ("x10A3/uL"); "i", "1",
# "I" or "|" for the thin "l" of a litre after a prefix ("mg/di", "mg/d1": too short for the one-letter rule);
# a speck or two read as marks between a power of ten and its exponent ("x10*%3/uL", "10°3/uL"; never a
# decimal point or minus sign); a full stop after a unit's last letter or digit ("m2.", "mg/dL.": dust or
# the rule end at a cell's edge); a superscript two after a metre read with a mark beside it or as a mark
# alone ("1.73m?2", "1.73m?", "1.73m2'").
_MISREADS = [(re.compile(r"(?<=\dm)(?:[?°'\"*]+2?|2[?°'\"*]+)$"), "2"),
             (re.compile(r"(?<=10)[^\w\s/.\-]{1,2}(?=\d)"), "^"), (re.compile(r"(?<=[A-Za-z0-9])\.$"), ""),
             (re.compile("rn"), "m"), (re.compile(r"(?<=/)[py](?=(?:L|l|mol|g)\b)"), "µ"),
             (re.compile(r"(?<=[mµ])U(?=(?:min|h|s)\b)"), "L/"), (re.compile(r"(?<=10)A(?=\d)"), "^"),
             (re.compile(r"(?<=/[dcmµu])[i1I|]$"), "l"),
             # the thin lower-case "l" of a litre alone after the slash ("U/l", "mIU/l"), read as "I", "|", "t"
             # or lost ("U/I", "mmol/t", "U/"): no lab unit is per tonne or ends in a slash
             (re.compile(r"(?<=[A-Za-z]/)(?:[I|t]|)$"), "l"),
             # a speck at a unit's start read as a mark glued to it ("=U/L", ":10*9/L")
             (re.compile(r"^[=:;,.]+(?=[A-Za-z0-9µ%])"), "")]


def repair_unit(text: str) -> str:
    """An OCR'd unit that is no UCUM unit ("mEd/L") whose one unreadable part is
    one letter from exactly one known unit atom of its length (three or more) takes it;
    anything else stays (a unit that cannot be read is reported as unread, never guessed)."""
    if ucum.to_ucum(text) is not None:
        return text
    for wrong, right in _MISREADS:
        fixed = wrong.sub(right, text, count=1)
        if fixed != text and ucum.to_ucum(fixed) is not None:
            return fixed
    if "/" not in text:
        return text
    parts = text.split("/")
    for i, part in enumerate(parts):
        if ucum.to_ucum(part) is not None or len(part) < 3:
            continue
        # substitutions only: a dropped or added letter could turn one real unit into another
        near = {a for a in ucum.ATOMS if len(a) == len(part) and _one_edit(part.lower(), a)}
        if len(near) != 1:
            return text
        fixed = "/".join([*parts[:i], near.pop(), *parts[i + 1:]])
        return fixed if ucum.to_ucum(fixed) is not None else text
    return text


def prepared(img: Image.Image, dpi: int) -> tuple[Image.Image, list[float]]:
    """The page flat-fielded, deskewed and without rules, and the y of its rules (points)."""
    img = flat_field(img)
    angle = skew_angle(img)
    if angle:
        img = img.convert("L").rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    return without_rules(img, dpi)


def page_words(img: Image.Image, dpi: int, config: str = _CONFIGS[0], *, clean: Image.Image | None = None,
               rules: list[float] | None = None) -> tuple[list[dict[str, Any]], list[float]]:
    """Tesseract's words as pdfplumber-style dicts in PDF points, with ``conf``
    (0-1), and the y of the page's horizontal rules (points)."""
    if clean is None or rules is None:
        clean, rules = prepared(img, dpi)
    tess = _tesseract()
    data = tess.image_to_data(clean, config=config, output_type=tess.Output.DICT)
    k = 72.0 / dpi
    words = []
    for i, raw in enumerate(data["text"]):
        conf = float(data["conf"][i])
        text = repair_unit(_despeckled(raw))
        if not text or conf < 0:
            continue
        x, y, w, h = (data[f][i] for f in ("left", "top", "width", "height"))
        words.append({"text": text.strip(), "x0": x * k, "x1": (x + w) * k, "top": y * k,
                      "bottom": (y + h) * k, "conf": conf / 100.0})
    return words, rules


def _words_per_config(img: Image.Image, dpi: int, clean: Image.Image,
                      rules: list[float]) -> list[list[dict[str, Any]]]:
    """Tesseract's words under each segmentation mode, in ``_CONFIGS`` order.
    The modes run at once (each tesseract is one single-threaded process, so
    two cores read a page in the time of one mode); each gets its own copy of
    the page, as PIL images are not shared across threads."""
    with ThreadPoolExecutor(max_workers=len(_CONFIGS), thread_name_prefix="carepath-ocr") as pool:
        jobs = [pool.submit(page_words, img, dpi, config, clean=clean.copy(), rules=list(rules))
                for config in _CONFIGS]
        return [job.result()[0] for job in jobs]


def gutters(words: list[dict[str, Any]], width: float) -> list[float]:
    """The x of blank gutters that may part two blocks side by side (panels in a two-column grid) in the
    middle of the page, widest first (three at most): runs six points wide or more that few words cover (a
    title or footer may run across), with words on both sides on five lines or more."""
    lines = lab_pdf.lines_of(words)
    lo, hi = int(width * 0.35), int(width * 0.65)
    cover = [sum(float(w["x0"]) <= x <= float(w["x1"]) for w in words) for x in range(lo, hi)]
    if not cover:
        return []
    least = min(cover) + max(2, len(lines) // 10)
    runs: list[tuple[int, int]] = []
    for i, c in enumerate([*cover, least + 1]):
        if c <= least and (not runs or runs[-1][1] != i - 1):
            runs.append((i, i))
        elif c <= least:
            runs[-1] = (runs[-1][0], i)
    out = []
    for a, b in sorted(runs, key=lambda r: r[0] - r[1]):
        x = lo + (a + b) / 2
        both = sum(any(float(w["x1"]) < x for w in ln) and any(float(w["x0"]) > x for w in ln) for ln in lines)
        if b - a >= 6 and both >= 5:
            out.append(float(x))
    return out[:3]


def _readings(words: list[dict[str, Any]], number: int, rules: list[float], width: float,
              report: lab_cells.ReportPatient | None) -> Iterator[tuple[list[LabValue], list[Any], list[str]]]:
    """The page read whole, and, when it has a gutter, each side read on its own and put together: OCR's
    boxes set the rows of panels side by side a little apart (a comment under a result on one side), so a
    visual line across both sides may take one side's value and the other's unit; the caller keeps the
    reading that reads most."""
    yield lab_table.read_words(words, number, rules=rules, width=width, report=report)
    for x in gutters(words, width):
        sides = [[w for w in words if (float(w["x0"]) + float(w["x1"])) / 2 < x],
                 [w for w in words if (float(w["x0"]) + float(w["x1"])) / 2 >= x]]
        reads = [lab_table.read_words(side, number, rules=rules, width=width, report=report) for side in sides]
        yield [v for r in reads for v in r[0]], [u for r in reads for u in r[1]], [n for r in reads for n in r[2]]


def read_page(path: Path, number: int, dpi: int = OCR_DPI,
              report: lab_cells.ReportPatient | None = None) -> tuple[list[LabValue], list[str]]:
    """The results OCR reads on one scanned page, each labelled ``source: "ocr"``
    with its confidence; warnings name low-confidence rows and unread units
    (``report``: the patient its earlier pages printed)."""
    if not available():
        raise InputError("OCR is not available", subject=f"{path} page {number}",
                         why="the tesseract program is not installed",
                         fix="install tesseract-ocr and tesseract-ocr-eng (scripts/apt-deps.sh) "
                             "or configure the imaging model")
    img = lab_pdf.rasterise(path, number, dpi)
    clean, rules = prepared(img, dpi)
    width = img.width * 72.0 / dpi
    best: tuple[int, Any] | None = None
    for words in _words_per_config(img, dpi, clean, rules):
        for read in _readings(words, number, rules, width, report):
            done = sum(lab_table.completeness(v.ucum, v.ref_low, v.ref_high) for v in read[0])
            if best is None or done > best[0]:
                best = (done, read)
    assert best is not None
    values, used, notes = best[1]
    for v, ws in zip(values, used):
        v.test = repair_name(v.test)
        if v.loinc is None and (known := loinc.lookup(v.test)) is not None:
            v.loinc = known.loinc
        v.source = "ocr"
        v.confidence = round(min((w.get("conf", 0.0) for w in ws), default=0.0), 3)
        v.needs_review = v.confidence < REVIEW_BELOW
    low = [v.test for v in values if v.needs_review]
    if low:
        notes.append(f"Page {number}: {len(low)} OCR value(s) read with low confidence need review: "
                     + ", ".join(low) + ".")
    return values, notes
