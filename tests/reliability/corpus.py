"""The hostile-input corpus: every kind of input carepath accepts, broken in
the ways real files and real attackers break them, built in a temp folder at
test time (nothing hostile is committed) plus the real malformed files that
ship with pydicom / pydicom-data and the openslide-python sdist.

Each case is handed to the one validation gate of its kind (the same
function the CLI, the HTTP API and the graph call). An outcome is
``typed`` (a ``CarepathError`` naming the input), ``accepted`` (read, with
per-file problems or warnings where relevant) or ``crashed`` (anything else:
an uncaught exception, a traceback, a non-error exit code). The figure the
suite reports is the number of crashes, which must be 0.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import struct
import subprocess
import sys
import wave
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pydicom
from pydicom.data import get_testdata_file, get_testdata_files

from carepath.errors import CarepathError

Kind = Literal["dicom", "study", "audio", "pdf", "fhir", "slide", "image", "boxes", "cli"]
Result = Literal["typed", "accepted", "crashed"]

# Real malformed files that ship with pydicom and pydicom-data.
MALFORMED_DICOM = re.compile(r"trunc|bad|invalid|no_meta|missing|too_short|empty|lossy|delimiter|"
                             r"zipMR|corrupt|wrong|broken", re.I)


@dataclass(frozen=True)
class Case:
    kind: Kind
    name: str
    build: Callable[[Path], Any]   # tmp dir → what the gate gets (a path, a text, argv)


@dataclass(frozen=True)
class Outcome:
    kind: Kind
    name: str
    result: Result
    detail: str


# --- gates: the one entry point per kind --------------------------------------------------


def gate_dicom(path: Path) -> str:
    from carepath.tools.dicom.gate import pixels, read_full, read_header

    read_header(path)
    ds = read_full(path)
    arr = pixels(ds, path)
    return f"decoded {arr.shape}"


def gate_study(path: Path) -> str:
    from carepath.tools.dicom.study import open_studies

    with open_studies(path) as ss:
        return f"{len(ss.series)} series, {len(ss.problems)} problems"


def gate_audio(path: Path) -> str:
    from carepath import audio

    n = sum(w.samples.size for w in audio.windows(path, 20.0, 2.0))
    return f"{n} samples"


def gate_pdf(path: Path) -> str:
    from carepath.tools.labs import LabInput, extract

    out = extract(LabInput(path=path, use_model=False))
    return f"{len(out.pages)} pages, {len(out.results)} results"


def gate_fhir(path: Path) -> str:
    from carepath.tools.sources.fhir_bundle import load_bundle

    rec = load_bundle(path)
    return f"{len(rec.resources)} resources, {len(rec.warnings)} warnings"


def gate_slide(path: Path) -> str:
    from carepath.tools.sources import slide

    with slide.open_slide(path) as s:
        si = slide.info(s, path)
        tm = slide.tissue_mask(s, path)
    return f"{len(si.levels)} levels, tissue {tm.fraction:.2f}"


def gate_image(path: Path) -> str:
    """A radiograph handed over as PNG/JPEG (the chest X-ray skill's raster path)."""
    import tempfile

    from carepath.artifacts import ArtifactStore
    from carepath.tools.cxr import CXRInput, prepare

    with tempfile.TemporaryDirectory() as tmp:
        prep = prepare(CXRInput(path=path), ArtifactStore(Path(tmp)))
        return f"prepared {prep.placement.original_width}x{prep.placement.original_height}"


def gate_boxes(text: str) -> str:
    from carepath.tools.localization import parse_boxes
    from carepath.tools.dicom.windowing import Placement

    p = Placement(original_width=1841, original_height=1955, scale=896 / 1955, pad_left=24, pad_top=0,
                  size=896, scale_x=896 / 1955, scale_y=896 / 1955)
    boxes, warnings = parse_boxes(text, p)
    return f"{len(boxes)} boxes, {len(warnings)} rejected"


def gate_cli(argv: list[str], env: dict[str, str]) -> str:
    """A real ``carepath`` process: a crash is a traceback on stderr or an
    exit code outside the documented ones (0 ok, 1-4 typed errors)."""
    r = subprocess.run([sys.executable, "-m", "carepath", *argv], env=env, text=True,
                       capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    if "Traceback" in r.stderr or r.returncode not in (0, 1, 2, 3, 4):
        raise RuntimeError(f"rc={r.returncode}: {r.stderr.strip()[-400:]}")
    if r.returncode == 0:
        return "accepted"
    raise _CliTyped(r.stderr.strip().splitlines()[-1][:200] if r.stderr.strip() else f"rc={r.returncode}")


class _CliTyped(CarepathError):
    """A CLI run that ended with a one-line error and a documented exit code."""


GATES: dict[Kind, Callable[..., str]] = {
    "dicom": gate_dicom, "study": gate_study, "audio": gate_audio, "pdf": gate_pdf,
    "fhir": gate_fhir, "slide": gate_slide, "image": gate_image, "boxes": gate_boxes,
}


def attempt(case: Case, tmp: Path, cli_env: dict[str, str] | None = None) -> Outcome:
    """Feed one case to its gate and classify what happened."""
    where = tmp / re.sub(r"[^A-Za-z0-9_.-]", "_", f"{case.kind}-{case.name}")
    where.mkdir(parents=True, exist_ok=True)
    try:
        arg = case.build(where)
        if case.kind == "cli":
            detail = gate_cli(arg, cli_env or dict(os.environ))
        else:
            detail = GATES[case.kind](arg)
        return Outcome(case.kind, case.name, "accepted", detail)
    except CarepathError as exc:
        return Outcome(case.kind, case.name, "typed", exc.one_line()[:300])
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - that is exactly what is being counted
        return Outcome(case.kind, case.name, "crashed", f"{type(exc).__name__}: {str(exc)[:300]}")


# --- DICOM -------------------------------------------------------------------------------


def _copy(src: str | Path) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        out = tmp / Path(src).name
        out.write_bytes(Path(src).read_bytes())
        return out
    return build


def _bytes(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        out = tmp / name
        out.write_bytes(data() if callable(data) else data)
        return out
    return build


def _ct_small() -> bytes:
    return Path(get_testdata_file("CT_small.dcm")).read_bytes()


def _truncated(frac: float) -> Callable[[], bytes]:
    def make() -> bytes:
        data = _ct_small()
        return data[: int(len(data) * frac)]
    return make


def _flipped(seed: int, flips: int = 12) -> Callable[[], bytes]:
    def make() -> bytes:
        rng = random.Random(seed)
        data = bytearray(_ct_small())
        for _ in range(flips):
            i = rng.randrange(132, min(len(data), 1200))   # the header, past the preamble
            data[i] = rng.randrange(256)
        return bytes(data)
    return make


def _dicom_with(replace: dict[bytes, bytes] | None = None, **changes: Any) -> Callable[[], bytes]:
    """CT_small with header values changed (huge dimensions…); ``replace``
    then swaps byte strings of equal length (values pydicom refuses to write)."""
    def make() -> bytes:
        ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
        for k, v in changes.items():
            setattr(ds, k, v)
        buf = io.BytesIO()
        ds.save_as(buf, enforce_file_format=False)
        data = buf.getvalue()
        for old, new in (replace or {}).items():
            assert len(old) == len(new) and old in data
            data = data.replace(old, new, 1)
        return data
    return make


def _j2k_claiming(rows: int, cols: int, frames: int) -> Callable[[], bytes]:
    """A few KB of JPEG 2000 whose header claims terabytes of pixels."""
    def make() -> bytes:
        ds = pydicom.dcmread(get_testdata_file("MR_small_jp2klossless.dcm"))
        ds.Rows, ds.Columns, ds.NumberOfFrames = rows, cols, frames
        buf = io.BytesIO()
        ds.save_as(buf, enforce_file_format=False)
        return buf.getvalue()
    return make


def _huge_length_element() -> bytes:
    """Explicit VR little endian file whose OB element claims ~4 GiB."""
    data = _ct_small()
    i = data.find(b"\xe0\x7f\x10\x00")   # (7FE0,0010) Pixel Data
    return data[:i] + b"\xe0\x7f\x10\x00" + b"OB\x00\x00" + struct.pack("<I", 0xFFFFFFF0) + b"\x00" * 64


def _huge_implicit_length() -> bytes:
    return (b"\x00" * 128 + b"DICM" + b"\x02\x00\x00\x00UL\x04\x00" + struct.pack("<I", 0xFFFFFFF0)
            + b"\x08\x00\x16\x00" + struct.pack("<I", 0xFFFFFFF0))


def _deep_sequences(depth: int = 5000) -> Callable[[], bytes]:
    """Content Sequences nested ``depth`` deep (undefined lengths), spliced
    in before Pixel Data: a recursion bomb for a DICOM parser."""
    def make() -> bytes:
        data = _ct_small()
        i = data.find(b"\xe0\x7f\x10\x00")
        sq = b"\x40\x00\x30\xa7SQ\x00\x00\xff\xff\xff\xff"
        item, item_end = b"\xfe\xff\x00\xe0\xff\xff\xff\xff", b"\xfe\xff\x0d\xe0\x00\x00\x00\x00"
        seq_end = b"\xfe\xff\xdd\xe0\x00\x00\x00\x00"
        return data[:i] + (sq + item) * depth + (item_end + seq_end) * depth + data[i:]
    return make


def dicom_cases(everything: bool = False) -> list[Case]:
    files = [f for f in get_testdata_files() if Path(f).is_file()]
    chosen = files if everything else [f for f in files if MALFORMED_DICOM.search(Path(f).name)]
    out = [Case("dicom", f"pydicom:{Path(f).name}", _copy(f)) for f in sorted(chosen)]
    out += [
        Case("dicom", "zero-length", _bytes("empty.dcm", b"")),
        Case("dicom", "preamble-only", _bytes("pre.dcm", b"\x00" * 128 + b"DICM")),
        Case("dicom", "random-after-DICM", _bytes("rnd.dcm", b"\x00" * 128 + b"DICM" + random.Random(1).randbytes(4096))),
        Case("dicom", "text-named-dcm", _bytes("notes.dcm", b"Patient is fine.\n" * 20)),
        Case("dicom", "huge-length-element", _bytes("huge.dcm", _huge_length_element)),
        Case("dicom", "huge-length-meta", _bytes("hugemeta.dcm", _huge_implicit_length)),
        Case("dicom", "claims-65535x65535x10000", _bytes("dims.dcm", _dicom_with(
            Rows=65535, Columns=65535, NumberOfFrames=10000))),
        Case("dicom", "j2k-claims-32TiB", _bytes("bigj2k.dcm", _j2k_claiming(60000, 60000, 5000))),
        Case("dicom", "zero-rows", _bytes("zero.dcm", _dicom_with(Rows=0, Columns=0))),
        Case("dicom", "bits-allocated-7", _bytes("bits.dcm", _dicom_with(BitsAllocated=7))),
        Case("dicom", "samples-per-pixel-9", _bytes("spp.dcm", _dicom_with(SamplesPerPixel=9))),
        Case("dicom", "nonsense-photometric", _bytes("photo.dcm", _dicom_with(PhotometricInterpretation="EVIL"))),
        Case("dicom", "nonsense-rescale", _bytes("rescale.dcm", _dicom_with(
            {b"7.25E+0": b"abc\x00\xff\x01Z", b"-1.25E+3": b"1e999999"}, RescaleSlope="7.25E+0",
            RescaleIntercept="-1.25E+3"))),
        Case("dicom", "deep-sequences", _bytes("deep.dcm", _deep_sequences())),
    ]
    out += [Case("dicom", f"truncated-{int(f * 100)}pct", _bytes(f"t{int(f * 100)}.dcm", _truncated(f)))
            for f in (0.05, 0.1, 0.25, 0.5, 0.75, 0.99)]
    out += [Case("dicom", f"byte-flips-{s}", _bytes(f"flip{s}.dcm", _flipped(s))) for s in range(12)]
    return out


# --- studies: folders and zips ------------------------------------------------------------


def _zip(name: str, members: list[tuple[str | zipfile.ZipInfo, bytes]],
         compression: int = zipfile.ZIP_DEFLATED) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        out = tmp / name
        with zipfile.ZipFile(out, "w", compression) as z:
            for member, data in members:
                z.writestr(member, data)
        return out
    return build


def _symlink_member(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (0o120777 << 16)
    info.create_system = 3
    return info


def _bomb(tmp: Path) -> Path:
    """One entry of 256 MiB of zeros (~250 KB compressed), streamed into the zip."""
    out = tmp / "bomb.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("ct/slice1.dcm", "w", force_zip64=True) as f:
            block = b"\x00" * (1 << 24)
            for _ in range(16):
                f.write(block)
    return out


def _many_entries(tmp: Path) -> Path:
    out = tmp / "many.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for i in range(20_050):
            z.writestr(f"f{i}", b"")
    return out


def _corrupt_crc(tmp: Path) -> Path:
    good = _zip("crc.zip", [("a.dcm", _ct_small())], zipfile.ZIP_STORED)(tmp)
    data = bytearray(good.read_bytes())
    data[200] ^= 0xFF   # inside the stored member's data
    good.write_bytes(bytes(data))
    return good


def _truncated_zip(tmp: Path) -> Path:
    good = _zip("t.zip", [("a.dcm", _ct_small())])(tmp)
    good.write_bytes(good.read_bytes()[:-40])
    return good


def _zip_version(tmp: Path) -> Path:
    """A central directory claiming 'version needed to extract' 6.4 (found by the fuzzer)."""
    good = _zip("v.zip", [("a.dcm", _ct_small()[:500])])(tmp)
    data = bytearray(good.read_bytes())
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 6] = 64   # version needed to extract
    good.write_bytes(bytes(data))
    return good


def _nested_zip(tmp: Path) -> Path:
    inner = _zip("inner.zip", [("../../evil.dcm", _ct_small())])(tmp)
    return _zip("outer.zip", [("inner.zip", inner.read_bytes())])(tmp)


def _symlinks_out(tmp: Path) -> Path:
    """A study folder whose files are symlinks to DICOM outside it."""
    outside = tmp / "other-patient"
    outside.mkdir(exist_ok=True)
    (outside / "secret.dcm").write_bytes(_ct_small())
    study = tmp / "study"
    study.mkdir(exist_ok=True)
    os.symlink(outside / "secret.dcm", study / "IM0001.dcm")
    os.symlink("/etc/passwd", study / "IM0002.dcm")
    os.symlink(outside, study / "series2")
    os.symlink(tmp / "nowhere", study / "dangling.dcm")
    return study


def _fifo_in_study(tmp: Path) -> Path:
    study = tmp / "study"
    study.mkdir(exist_ok=True)
    (study / "ok.dcm").write_bytes(_ct_small())
    os.mkfifo(study / "pipe.dcm")
    os.symlink("/dev/zero", study / "zero.dcm")
    return study


def _mixed_study(tmp: Path) -> Path:
    study = tmp / "study"
    study.mkdir(exist_ok=True)
    (study / "ok.dcm").write_bytes(_ct_small())
    (study / "trunc.dcm").write_bytes(_ct_small()[:700])
    (study / "empty.dcm").write_bytes(b"")
    (study / "notes.txt").write_text("not dicom")
    (study / "DICOMDIR").write_bytes(b"\x00" * 128 + b"DICM garbage")
    return study


def study_cases() -> list[Case]:
    ct = _ct_small
    return [
        Case("study", "zip-path-traversal", _zip("trav.zip", [("../../../../tmp/evil.dcm", ct())])),
        Case("study", "zip-absolute-path", _zip("abs.zip", [("/etc/evil.dcm", ct())])),
        Case("study", "zip-backslash-traversal", _zip("bs.zip", [("..\\..\\evil.dcm", ct())])),
        Case("study", "zip-drive-letter", _zip("drive.zip", [("C:/Windows/evil.dcm", ct())])),
        Case("study", "zip-symlink-entry", _zip("sym.zip", [(_symlink_member("link.dcm", "/etc/passwd"), b"/etc/passwd")])),
        Case("study", "zip-bomb-256MiB", _bomb),
        Case("study", "zip-too-many-entries", _many_entries),
        Case("study", "zip-bad-crc", _corrupt_crc),
        Case("study", "zip-truncated", _truncated_zip),
        Case("study", "zip-nested-traversal", _nested_zip),
        Case("study", "zip-unsupported-version", _zip_version),
        Case("study", "zip-empty", _zip("empty.zip", [])),
        Case("study", "zip-header-only", _bytes("hdr.zip", b"PK\x03\x04" + b"\x00" * 26)),
        Case("study", "symlinks-outside-folder", _symlinks_out),
        Case("study", "fifo-and-dev-zero", _fifo_in_study),
        Case("study", "mixed-broken-folder", _mixed_study),
        Case("study", "garbage-DICOMDIR", _bytes("DICOMDIR", b"\x00" * 128 + b"DICM" + b"\xff" * 64)),
        Case("study", "missing-path", lambda tmp: tmp / "does-not-exist"),
    ]


# --- audio -----------------------------------------------------------------------------


def _wav(seconds: float = 0.5, rate: int = 16_000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x01\x00" * int(seconds * rate))
    return buf.getvalue()


def _wav_header(channels: int = 1, rate: int = 16_000, bits: int = 16, data_len: int = 0,
                riff_len: int | None = None, payload: bytes = b"") -> bytes:
    block = max(1, channels * bits // 8)
    fmt = struct.pack("<HHIIHH", 1, channels, rate, (rate * block) & 0xFFFFFFFF, block & 0xFFFF, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", data_len) + payload
    return b"RIFF" + struct.pack("<I", riff_len if riff_len is not None else len(body)) + body


def audio_cases() -> list[Case]:
    good = _wav()
    return [
        Case("audio", "zero-length", _bytes("empty.wav", b"")),
        Case("audio", "header-only-wav", _bytes("hdr.wav", _wav_header())),
        Case("audio", "truncated-wav", _bytes("trunc.wav", good[:30])),
        Case("audio", "huge-data-length", _bytes("huge.wav", _wav_header(data_len=0xFFFFFFF0, riff_len=0xFFFFFFF8,
                                                                       payload=b"\x00\x01" * 800))),
        Case("audio", "65535-channels", _bytes("chan.wav", _wav_header(channels=65535, data_len=1024, payload=b"\x00" * 1024))),
        Case("audio", "zero-sample-rate", _bytes("rate0.wav", _wav_header(rate=0, data_len=1024, payload=b"\x00" * 1024))),
        Case("audio", "4GHz-sample-rate", _bytes("rate.wav", _wav_header(rate=4_000_000_000, data_len=1024, payload=b"\x00" * 1024))),
        Case("audio", "1Hz-sample-rate", _bytes("rate1.wav", _wav_header(rate=1, data_len=64, payload=b"\x00" * 64))),
        Case("audio", "3-bit-samples", _bytes("bits.wav", _wav_header(bits=3, data_len=64, payload=b"\x00" * 64))),
        Case("audio", "random-bytes-wav", _bytes("rnd.wav", random.Random(2).randbytes(8192))),
        Case("audio", "text-named-mp3", _bytes("notes.mp3", b"Patient dictation transcript\n" * 50)),
        Case("audio", "id3-header-only", _bytes("id3.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00")),
        Case("audio", "truncated-flac", _bytes("t.flac", b"fLaC\x00\x00\x00\x22" + b"\x00" * 20)),
        Case("audio", "ogg-garbage", _bytes("g.ogg", b"OggS" + random.Random(3).randbytes(2000))),
        Case("audio", "directory", lambda tmp: tmp),
        Case("audio", "missing", lambda tmp: tmp / "nope.wav"),
        Case("audio", "dev-null", lambda tmp: Path("/dev/null")),
    ]


# --- PDF -----------------------------------------------------------------------------------


def _pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF with a correct xref table from raw object bodies."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R ".encode() + trailer_extra
            + f">>\nstartxref\n{xref}\n%%EOF\n".encode())
    return bytes(out)


def _page_pdf(content: bytes, extra_page: bytes = b"", count: int = 1) -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 f"<< /Type /Pages /Kids [3 0 R] /Count {count} >>".encode(),
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> " + extra_page + b">>",
                 f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _text_pdf(lines: list[str]) -> bytes:
    ops = ["BT /F1 11 Tf 50 740 Td 14 TL"] + [f"({ln.replace('(', '[').replace(')', ']')}) '" for ln in lines] + ["ET"]
    return _page_pdf("\n".join(ops).encode("latin-1", "replace"))


def _deep_array_pdf(depth: int = 100_000) -> bytes:
    return _page_pdf(b"BT /F1 11 Tf 50 700 Td (x) Tj ET", extra_page=b"/Evil " + b"[" * depth + b"]" * depth + b" ")


def _deep_dict_pdf(depth: int = 50_000) -> bytes:
    return _page_pdf(b"BT ET", extra_page=b"/Evil " + b"<< /A " * depth + b">> " * depth)


def _self_parent_pdf() -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])


def _flate_bomb_pdf(mib: int = 100) -> bytes:
    """A page whose content stream inflates to ``mib`` MiB (built 1 MiB at a
    time, so making a 1 GiB bomb never holds 1 GiB)."""
    c = zlib.compressobj(9)
    parts = [c.compress(b"BT /F1 11 Tf 50 700 Td (Glucose 90 mg/dL) Tj ET\n")]
    spaces = b" " * (1 << 20)
    parts += [c.compress(spaces) for _ in range(mib)]
    comp = b"".join(parts) + c.flush()
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 f"<< /Length {len(comp)} /Filter /FlateDecode >>\nstream\n".encode() + comp + b"\nendstream",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _many_pages_pdf(n: int = 3000) -> bytes:
    kids = " ".join(f"{i + 3} 0 R" for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * n
    return _pdf(objs)


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(_text_pdf(["Glucose 90 mg/dL 70-99"]))))
    w.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def pdf_cases() -> list[Case]:
    good = _text_pdf(["Glucose 90 mg/dL 70-99", "Sodium 140 mmol/L 135-145"])
    return [
        Case("pdf", "encrypted-aes256", _bytes("enc.pdf", _encrypted_pdf)),
        Case("pdf", "truncated-half", _bytes("half.pdf", good[: len(good) // 2])),
        Case("pdf", "truncated-header", _bytes("hdr.pdf", b"%PDF-1.7\n")),
        Case("pdf", "zero-length", _bytes("empty.pdf", b"")),
        Case("pdf", "not-a-pdf", _bytes("notes.pdf", b"Glucose 300 mg/dL\n")),
        Case("pdf", "deep-array-nesting-100k", _bytes("deeparr.pdf", _deep_array_pdf)),
        Case("pdf", "deep-dict-nesting-50k", _bytes("deepdict.pdf", _deep_dict_pdf)),
        Case("pdf", "page-count-2^31", _bytes("count.pdf", _page_pdf(b"BT ET", count=2**31 - 1))),
        Case("pdf", "pages-tree-cycle", _bytes("cycle.pdf", _self_parent_pdf)),
        Case("pdf", "3000-pages", _bytes("many.pdf", _many_pages_pdf)),
        Case("pdf", "flate-bomb-100MiB", _bytes("bomb.pdf", _flate_bomb_pdf)),
        Case("pdf", "flate-bomb-1GiB", _bytes("bomb1g.pdf", lambda: _flate_bomb_pdf(1024))),
        Case("pdf", "bad-xref-offsets", _bytes("xref.pdf", good.replace(b"startxref\n", b"startxref\n9999999"))),
        Case("pdf", "huge-stream-length", _bytes("len.pdf", re.sub(rb"/Length \d+", b"/Length 99999999999", good))),
        Case("pdf", "no-root", _bytes("noroot.pdf", _pdf([b"<< /Type /Pages /Kids [] /Count 0 >>"], root=7))),
        Case("pdf", "random-after-header", _bytes("rnd.pdf", b"%PDF-1.4\n" + random.Random(4).randbytes(5000))),
        Case("pdf", "directory", lambda tmp: tmp),
    ]


# --- FHIR ---------------------------------------------------------------------------------


def _json(name: str, obj: Any) -> Callable[[Path], Path]:
    return _bytes(name, json.dumps(obj).encode())


def fhir_cases() -> list[Case]:
    patient = {"resourceType": "Patient", "id": "p1", "name": [{"family": "Doe"}]}
    return [
        Case("fhir", "patient-not-bundle", _json("p.json", patient)),
        Case("fhir", "observation-not-bundle", _json("o.json", {"resourceType": "Observation", "id": "o"})),
        Case("fhir", "no-resourceType", _json("n.json", {"entry": []})),
        Case("fhir", "resourceType-list", _json("l.json", {"resourceType": ["Bundle"]})),
        Case("fhir", "resourceType-object", _json("d.json", {"resourceType": {"$ne": 1}})),
        Case("fhir", "top-level-array", _json("a.json", [patient])),
        Case("fhir", "top-level-string", _json("s.json", "Bundle")),
        Case("fhir", "entry-is-number", _json("e5.json", {"resourceType": "Bundle", "type": "collection", "entry": 5})),
        Case("fhir", "entry-is-string", _json("es.json", {"resourceType": "Bundle", "type": "collection", "entry": "abc"})),
        Case("fhir", "entry-is-object", _json("eo.json", {"resourceType": "Bundle", "type": "collection", "entry": {"a": 1}})),
        Case("fhir", "entries-not-objects", _json("en.json", {"resourceType": "Bundle", "type": "collection",
                                                               "entry": [1, "x", None, [patient]]})),
        Case("fhir", "resource-wrong-shapes", _json("rw.json", {"resourceType": "Bundle", "type": "collection", "entry": [
            {"resource": {"resourceType": "Patient", "id": ["x"]}},
            {"resource": {"resourceType": "Observation", "id": "o1", "status": 7, "code": "glucose"}},
            {"resource": {"resourceType": "Condition", "id": {"a": 1}}},
            {"resource": {"resourceType": "Evil", "id": "e"}}]})),
        Case("fhir", "bundle-type-invalid", _json("bt.json", {"resourceType": "Bundle", "type": 42, "entry": [{"resource": patient}]})),
        Case("fhir", "deep-nesting-200k", _bytes("deep.json", b'{"resourceType":"Bundle","entry":' + b"[" * 200_000 + b"]" * 200_000 + b"}")),
        Case("fhir", "deep-nesting-in-resource", _bytes("deepres.json", b'{"resourceType":"Bundle","type":"collection","entry":[{"resource":'
                                                       b'{"resourceType":"Patient","id":"p","extension":' + b"[" * 5000 + b"]" * 5000 + b"}}]}")),
        Case("fhir", "huge-integer", _bytes("int.json", b'{"resourceType":"Bundle","total":' + b"9" * 5000 + b"}")),
        Case("fhir", "nan-literal", _bytes("nan.json", b'{"resourceType":"Bundle","type":"collection","entry":[{"resource":'
                                          b'{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},'
                                          b'"valueQuantity":{"value":NaN}}}]}')),
        Case("fhir", "not-utf8", _bytes("latin.json", '{"resourceType":"Bundle","id":"é"}'.encode("latin-1"))),
        Case("fhir", "utf8-bom", _bytes("bom.json", b"\xef\xbb\xbf" + json.dumps({"resourceType": "Bundle", "type": "collection",
                                                                                "entry": [{"resource": patient}]}).encode())),
        Case("fhir", "zero-length", _bytes("empty.json", b"")),
        Case("fhir", "truncated", _bytes("t.json", json.dumps({"resourceType": "Bundle", "entry": [{"resource": patient}]}).encode()[:40])),
        Case("fhir", "binary", _bytes("bin.json", random.Random(5).randbytes(3000))),
        Case("fhir", "directory", lambda tmp: tmp),
    ]


# --- whole-slide images ---------------------------------------------------------------------


def slide_cases(fixtures: Path | None) -> list[Case]:
    out = [
        Case("slide", "zero-length-svs", _bytes("empty.svs", b"")),
        Case("slide", "text-named-svs", _bytes("notes.svs", b"not a slide\n" * 100)),
        Case("slide", "tiff-magic-then-garbage", _bytes("g.tiff", b"II*\x00" + random.Random(6).randbytes(4000))),
        Case("slide", "bigtiff-magic-then-garbage", _bytes("g.btf", b"II+\x00\x08\x00\x00\x00" + random.Random(7).randbytes(4000))),
        Case("slide", "folder-without-dicom", lambda tmp: tmp),
        Case("slide", "missing", lambda tmp: tmp / "nope.svs"),
    ]
    if fixtures is not None:
        out += [Case("slide", f"openslide:{name}", _copy(fixtures / name))
                for name in ("unreadable.svs", "unopenable.tiff") if (fixtures / name).exists()]
        if (fixtures / "small.svs").exists():
            data = (fixtures / "small.svs").read_bytes()
            out.append(Case("slide", "openslide:small.svs-truncated", _bytes("trunc.svs", data[: len(data) // 3])))
    return out


# --- raster images --------------------------------------------------------------------------------


def _png(width: int, height: int, rows: int = 4, chunks: list[tuple[bytes, bytes]] | None = None) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` over a few real rows."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (1 + min(width, 4096)) * min(height, rows))
    body = [chunk(b"IHDR", ihdr), *[chunk(k, d) for k, d in (chunks or [])], chunk(b"IDAT", idat),
            chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(body)


def _good_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (64, 64), 128).save(buf, format="PNG")
    return buf.getvalue()


def image_cases() -> list[Case]:
    good = _good_png()
    return [
        Case("image", "png-decompression-bomb-10^10px", _bytes("bomb.png", _png(100_000, 100_000))),
        Case("image", "png-2^31-wide", _bytes("wide.png", _png(2**31 - 1, 1))),
        Case("image", "png-zero-size", _bytes("zero.png", _png(0, 0))),
        Case("image", "png-truncated", _bytes("trunc.png", good[: len(good) // 2])),
        Case("image", "png-bad-crc", _bytes("crc.png", good[:30] + bytes([good[30] ^ 0xFF]) + good[31:])),
        Case("image", "png-huge-text-chunk", _bytes("text.png", _png(8, 8, chunks=[(b"zTXt", b"k\x00\x00" + zlib.compress(b"A" * (64 << 20)))]))),
        Case("image", "jpeg-header-only", _bytes("h.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")),
        Case("image", "text-named-png", _bytes("notes.png", b"not an image\n" * 10)),
        Case("image", "zero-length-jpg", _bytes("empty.jpg", b"")),
    ]


# --- the model's box output (localization) ----------------------------------------------------


def _text(s: str) -> Callable[[Path], str]:
    return lambda tmp: s


def box_cases() -> list[Case]:
    texts = {
        "empty": "", "only-bracket": "[", "empty-list": "[]", "nan": "opacity: [nan, 1, 2, 3]",
        "inf": "opacity: [inf, -inf, 1, 2]", "huge-float": "x: [1e400, 1, 2, 3]",
        "nested-lists": '[{"box_2d": [[1, 2], [3, 4]], "label": "a"}]', "dict-box": '[{"box_2d": {"y0": 1}}]',
        "string-box": '{"box_2d": "1,2,3,4"}', "deep-json": "[" * 100_000 + "]" * 100_000,
        "deep-json-object": '{"a":' * 50_000 + "1" + "}" * 50_000,
        "control-chars": "\x00\x1b[31mopacity\x07: [100, 100, 200, 200]",
        "arabic-digits": "opacity: [١٠٠, ٢٠٠, ٣٠٠, ٤٠٠]", "negative": "x: [-5, 10, 20, 30]",
        "inverted": "x: [500, 500, 100, 100]", "ten-numbers": "x: [1,2,3,4,5,6,7,8,9,10]",
        "100k-lines": "\n".join(f"b{i}: [1, 2, 3, 4]" for i in range(100_000)),
        "json-null-items": "[null, 1, \"x\", {\"box_2d\": null}]", "fence-only": "```json\n```",
        "unicode-label": "😐 ‮evil‬: [100, 100, 200, 200]", "bool-box": '[{"box_2d": [true, false, true, true]}]',
    }
    return [Case("boxes", k, _text(v)) for k, v in texts.items()]


# --- CLI arguments ---------------------------------------------------------------------------


def cli_cases() -> list[Case]:
    def argv(*a: str) -> Callable[[Path], list[str]]:
        return lambda tmp: list(a)

    def with_file(name: str, data: bytes, *a: str) -> Callable[[Path], list[str]]:
        def build(tmp: Path) -> list[str]:
            (tmp / name).write_bytes(data)
            return [x.replace("{f}", str(tmp / name)).replace("{d}", str(tmp)) for x in a]
        return build

    return [
        Case("cli", "draft-empty-text", argv("draft", "--text", "")),
        Case("cli", "draft-missing-study", argv("draft", "--text", "x", "--study", "/nonexistent/study")),
        Case("cli", "draft-prior-without-study", argv("draft", "--text", "x", "--prior", "/tmp")),
        Case("cli", "draft-text-too-long", argv("draft", "--text", "a" * 25_000)),
        Case("cli", "draft-unknown-option", argv("draft", "--text", "x", "--evil", "1")),
        Case("cli", "draft-audio-is-folder", with_file("x.wav", b"", "draft", "--audio", "{d}")),
        Case("cli", "sign-unknown-thread", argv("sign", "no-such-thread", "--reviewer", "A", "--approve")),
        Case("cli", "sign-two-decisions", argv("sign", "t", "--reviewer", "A", "--approve", "--reject", "x")),
        Case("cli", "export-bad-format", argv("export", "t", "--format", "exe", "--out", "/tmp/x")),
        Case("cli", "prepare-not-dicom", with_file("n.dcm", b"hello", "prepare", "{f}")),
        Case("cli", "labs-directory", with_file("n.pdf", b"", "labs", "{d}")),
        Case("cli", "ehr-deep-json", with_file("b.json", b"[" * 100_000, "ehr", "{f}", "glucose?")),
        Case("cli", "transcribe-empty", with_file("e.wav", b"", "transcribe", "{f}")),
        Case("cli", "audit-verify-garbage", with_file("audit.jsonl", b"\xff\xfe{not json\n", "audit", "verify", "{f}")),
        Case("cli", "line-separator-in-thread-id", argv("review", "abc\u2028def")),
    ]


def all_cases(*, everything: bool = False, slide_fixtures: Path | None = None,
              with_cli: bool = True) -> list[Case]:
    cases = (dicom_cases(everything) + study_cases() + audio_cases() + pdf_cases() + fhir_cases()
             + slide_cases(slide_fixtures) + image_cases() + box_cases())
    return cases + (cli_cases() if with_cli else [])
