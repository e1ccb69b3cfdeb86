"""Property-based fuzzing (hypothesis) of the input gates: whatever bytes or
structures arrive, a gate returns a result or raises a typed
``CarepathError``: never anything else.

CI size by default (tens of examples per target, seconds each, derandomized
so ``make test`` is reproducible); ``make fuzz`` runs thousands with fresh
randomness (``CAREPATH_RELIABILITY=long``, ``CAREPATH_FUZZ_EXAMPLES=N``).
Iterations and uncaught exceptions per target go to
``$CAREPATH_FIGURES_DIR/fuzz.json`` for ``make reliability``.
"""

from __future__ import annotations

import io
import json
import os
import struct
import wave
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydicom.data import get_testdata_file

from carepath.errors import CarepathError
from reliability import corpus

# Applied per test (not load_profile): other test modules keep hypothesis's defaults.
FUZZ = settings.get_profile("carepath-reliability")

ITERATIONS: Counter[str] = Counter()
UNCAUGHT: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _figures() -> Iterator[None]:
    yield
    if figures := os.environ.get("CAREPATH_FIGURES_DIR"):
        Path(figures).mkdir(parents=True, exist_ok=True)
        (Path(figures) / "fuzz.json").write_text(json.dumps(
            {"iterations": dict(ITERATIONS), "uncaught": dict(UNCAUGHT)}))


def run_gate(target: str, call: Callable[[], Any]) -> CarepathError | None:
    """One fuzz iteration: the input is read (None) or refused with a typed
    error, which is returned for the test to check; anything else is counted
    and re-raised so hypothesis shrinks and reports it."""
    ITERATIONS[target] += 1
    try:
        call()
    except CarepathError as refusal:
        return refusal
    except BaseException:
        UNCAUGHT[target] += 1
        raise
    return None


def is_clear(refusal: CarepathError | None) -> bool:
    """A refusal a user can act on: what was refused, which input, and why or
    what to do (the brief's "clear error"), on one line without a traceback."""
    if refusal is None:
        return True
    line = refusal.one_line()
    return bool(refusal.what and refusal.subject and (refusal.why or refusal.fix)) and "Traceback" not in line


# --- mutations of real files -------------------------------------------------------------

SEEDS = {name: Path(get_testdata_file(name)).read_bytes()
         for name in ("CT_small.dcm", "MR_small_RLE.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_dcmtk.dcm",
                      "rtplan.dcm")}

mutation = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=24)


def mutate(data: bytes, flips: list[tuple[int, int]], cut: int | None, header_bias: bool) -> bytes:
    buf = bytearray(data)
    span = min(len(buf), 1500) if header_bias else len(buf)
    for pos, val in flips:
        buf[pos % span] = val
    return bytes(buf[:cut] if cut is not None else buf)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), flips=mutation, cut=st.none() | st.integers(0, 40_000),
       header_bias=st.booleans())
def test_fuzz_dicom_gate(scratch: Path, seed: str, flips: list[tuple[int, int]], cut: int | None,
                         header_bias: bool) -> None:
    f = scratch / "fuzz.dcm"
    f.write_bytes(mutate(SEEDS[seed], flips, cut, header_bias))
    assert is_clear(run_gate("dicom_gate", lambda: corpus.gate_dicom(f)))


def _wav(rate: int, channels: int, width: int, frames: bytes) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(frames)
    return buf.getvalue()


@st.composite
def audio_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["wav", "header", "raw"]))
    if kind == "raw":
        return draw(st.binary(max_size=4096))
    if kind == "wav":
        width = draw(st.sampled_from([1, 2, 3, 4]))
        channels = draw(st.integers(1, 4))
        frames = draw(st.binary(max_size=4000))
        frames = frames[: len(frames) - len(frames) % (width * channels)]
        data = _wav(draw(st.integers(1000, 96_000)), channels, width, frames)
        return mutate(data, draw(mutation), draw(st.none() | st.integers(0, len(data))), True)
    fmt = struct.pack("<HHIIHH", draw(st.integers(0, 0xFFFF)), draw(st.integers(0, 0xFFFF)),
                      draw(st.integers(0, 0xFFFFFFFF)), draw(st.integers(0, 0xFFFFFFFF)),
                      draw(st.integers(0, 0xFFFF)), draw(st.integers(0, 0xFFFF)))
    payload = draw(st.binary(max_size=2000))
    body = b"WAVEfmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack(
        "<I", draw(st.integers(0, 0xFFFFFFFF))) + payload
    return b"RIFF" + struct.pack("<I", draw(st.integers(0, 0xFFFFFFFF))) + body


@FUZZ
@given(data=audio_bytes(), suffix=st.sampled_from([".wav", ".flac", ".mp3", ".ogg"]))
def test_fuzz_audio_loader(scratch: Path, data: bytes, suffix: str) -> None:
    f = scratch / f"fuzz{suffix}"
    f.write_bytes(data)
    assert is_clear(run_gate("audio_loader", lambda: corpus.gate_audio(f)))


PDF_SEED = corpus._text_pdf(["Glucose 90 mg/dL 70-99", "Sodium 140 mmol/L 135-145 H",
                             "Hemoglobin A1c 6.1 % <5.7"])


@FUZZ
@given(flips=mutation, cut=st.none() | st.integers(9, len(PDF_SEED)))
def test_fuzz_pdf_file(scratch: Path, flips: list[tuple[int, int]], cut: int | None) -> None:
    f = scratch / "fuzz.pdf"
    f.write_bytes(mutate(PDF_SEED, flips, cut, False))
    assert is_clear(run_gate("pdf_lab_parser", lambda: corpus.gate_pdf(f)))


_TOKEN = st.one_of(
    st.sampled_from(["Glucose", "Sodium", "mg/dL", "mmol/L", "70-99", "<", ">=", "H", "L", "-", "to",
                     "(ref", "1,000.5", ".5", "10*3/uL", "2345-7", "*HH", "(", ")", "normal", "—"]),
    st.text(min_size=1, max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@FUZZ
@given(lines=st.lists(st.lists(_TOKEN, min_size=1, max_size=14), max_size=12))
def test_fuzz_pdf_text_layer(lines: list[list[str]]) -> None:
    from carepath.tools.sources.lab_pdf import parse_words

    words = [{"text": t, "x0": 10.0 + 40 * i, "x1": 45.0 + 40 * i, "top": 20.0 * n, "bottom": 20.0 * n + 9}
             for n, line in enumerate(lines) for i, t in enumerate(line)]
    assert is_clear(run_gate("pdf_lab_parser", lambda: parse_words(words, 1)))


_NUM = st.one_of(st.integers(-10**6, 10**6).map(str), st.floats(allow_nan=True, allow_infinity=True).map(str),
                 st.text(max_size=6))


@FUZZ
@given(text=st.one_of(
    st.text(max_size=400),
    st.lists(st.tuples(st.text(max_size=20), st.lists(_NUM, max_size=6)), max_size=8).map(
        lambda items: "\n".join(f"{lab}: [{', '.join(nums)}]" for lab, nums in items)),
    st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=10),
                 lambda kids: st.lists(kids, max_size=5) | st.dictionaries(
                     st.sampled_from(["box_2d", "box", "label", "name"]), kids, max_size=4),
                 max_leaves=30).map(json.dumps)))
def test_fuzz_box_parser(text: str) -> None:
    assert is_clear(run_gate("box_parser", lambda: corpus.gate_boxes(text)))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=40)
_TYPES = st.sampled_from(["Patient", "Observation", "Condition", "MedicationRequest", "Encounter",
                          "DiagnosticReport", "Bundle", "Evil", ""])


@st.composite
def fhir_documents(draw: st.DrawFn) -> bytes:
    def resource() -> Any:
        base = draw(st.dictionaries(st.sampled_from(["id", "status", "code", "subject", "valueQuantity",
                                                     "effectiveDateTime", "name", "birthDate", "component"]),
                                    _JSON, max_size=5))
        return {"resourceType": draw(_TYPES), **base} if draw(st.booleans()) else draw(_JSON)

    shape = draw(st.sampled_from(["bundle", "json", "bytes"]))
    if shape == "bytes":
        return draw(st.binary(max_size=2000))
    if shape == "json":
        return json.dumps(draw(_JSON)).encode()
    entries: Any = [({"resource": resource()} if draw(st.booleans()) else draw(_JSON))
                    for _ in range(draw(st.integers(0, 6)))]
    doc = {"resourceType": draw(st.sampled_from(["Bundle", "Bundle", "Patient"])),
           "type": draw(st.sampled_from(["collection", "transaction", "searchset"]) | _JSON),
           "entry": entries if draw(st.booleans()) else draw(_JSON)}
    raw = json.dumps(doc).encode()
    return raw if draw(st.booleans()) else mutate(raw, draw(mutation), None, False)


@FUZZ
@given(data=fhir_documents())
def test_fuzz_fhir_loader(scratch: Path, data: bytes) -> None:
    f = scratch / "fuzz.json"
    f.write_bytes(data)
    assert is_clear(run_gate("fhir_loader", lambda: corpus.gate_fhir(f)))


@FUZZ
@given(flips=mutation, cut=st.none() | st.integers(0, 4000))
def test_fuzz_study_zip(scratch: Path, flips: list[tuple[int, int]], cut: int | None) -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ct/1.dcm", SEEDS["CT_small.dcm"][:3000])
        z.writestr("ct/2.dcm", b"x" * 500)
    f = scratch / "fuzz.zip"
    f.write_bytes(mutate(buf.getvalue(), flips, cut, False))
    assert is_clear(run_gate("study_zip", lambda: corpus.gate_study(f)))


def _image_seed(fmt: str) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.radial_gradient("L").resize((48, 40)).save(buf, format=fmt)
    return buf.getvalue()


IMAGE_SEEDS = {".png": _image_seed("PNG"), ".jpg": _image_seed("JPEG")}


@FUZZ
@given(suffix=st.sampled_from(sorted(IMAGE_SEEDS)), flips=mutation, cut=st.none() | st.integers(0, 3000))
def test_fuzz_raster_image(scratch: Path, suffix: str, flips: list[tuple[int, int]], cut: int | None) -> None:
    f = scratch / f"fuzz{suffix}"
    f.write_bytes(mutate(IMAGE_SEEDS[suffix], flips, cut, True))
    assert is_clear(run_gate("raster_image", lambda: corpus.gate_image(f)))


def test_fuzz_counted_every_target() -> None:
    """Runs last in this module: every target ran and nothing slipped through."""
    assert set(ITERATIONS) >= {"dicom_gate", "audio_loader", "pdf_lab_parser", "box_parser",
                               "fhir_loader", "study_zip", "raster_image"}
    assert sum(UNCAUGHT.values()) == 0, dict(UNCAUGHT)


def test_clarity_check_can_say_no() -> None:
    assert not is_clear(CarepathError("refused"))                      # no input named, no reason
    assert not is_clear(CarepathError("refused", subject="a.dcm"))      # no why, no fix
    assert is_clear(CarepathError("refused", subject="a.dcm", why="truncated at byte 12"))
    assert is_clear(None)
