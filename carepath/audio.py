"""Audio in: any common file to 16 kHz mono float32, checked at the door.

soundfile reads WAV/FLAC/OGG (and MP3 with libsndfile ≥ 1.1); anything else
goes through Debian's ffmpeg. ``blocks`` streams a long dictation in chunks
so a 30-minute recording never sits in memory as one array.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from carepath.errors import InputError

RATE = 16_000
MAX_SECONDS = 4 * 3600


def _check(path: Path) -> None:
    if not path.is_file():
        raise InputError("audio file not found", subject=str(path), fix="check the path")
    if path.stat().st_size == 0:
        raise InputError("audio file is empty", subject=str(path), why="zero bytes",
                         fix="record again or pass the right file")


def _to_mono16k(data: np.ndarray, rate: int) -> np.ndarray:
    import soxr

    if data.ndim == 2:
        data = data.mean(axis=1)
    data = data.astype(np.float32, copy=False)
    if rate != RATE:
        data = soxr.resample(data, rate, RATE).astype(np.float32)
    return data


def _ffmpeg(path: Path) -> np.ndarray:
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise InputError("audio format not readable", subject=str(path),
                         why="soundfile cannot read it and ffmpeg is not installed",
                         fix="convert to WAV/FLAC, or install ffmpeg")
    proc = subprocess.run([exe, "-v", "error", "-nostdin", "-i", str(path), "-f", "f32le",
                           "-ac", "1", "-ar", str(RATE), "-"], capture_output=True, timeout=600)
    if proc.returncode != 0 or not proc.stdout:
        raise InputError("not an audio file, or a damaged one", subject=str(path),
                         why=(proc.stderr.decode(errors="replace").strip().splitlines() or ["no audio"])[-1][:200],
                         fix="pass a WAV, FLAC, OGG or MP3 recording")
    return np.frombuffer(proc.stdout, dtype=np.float32).copy()


def load(path: str | Path) -> np.ndarray:
    """The whole file as 16 kHz mono float32 (for short audio)."""
    import soundfile as sf

    p = Path(path)
    _check(p)
    try:
        data, rate = sf.read(str(p), dtype="float32", always_2d=False)
    except Exception:  # noqa: BLE001 - unknown container/codec: let ffmpeg try
        data = _ffmpeg(p)
        rate = RATE
    if data.size == 0:
        raise InputError("audio file has no samples", subject=str(p), why="zero-length recording")
    return _to_mono16k(np.asarray(data), rate)


def duration_s(path: str | Path) -> float:
    import soundfile as sf

    p = Path(path)
    _check(p)
    try:
        info = sf.info(str(p))
        return float(info.frames) / float(info.samplerate)
    except Exception:  # noqa: BLE001
        return float(load(p).size) / RATE


def blocks(path: str | Path, seconds: float, overlap: float) -> Iterator[tuple[float, np.ndarray]]:
    """(start time, 16 kHz mono samples) windows of ``seconds`` with ``overlap``,
    read incrementally from disk."""
    import soundfile as sf

    p = Path(path)
    _check(p)
    try:
        info = sf.info(str(p))
    except Exception:  # noqa: BLE001 - not streamable by soundfile: decode once via ffmpeg
        data = load(p)
        step = int((seconds - overlap) * RATE)
        for s in range(0, max(len(data), 1), max(step, 1)):
            yield s / RATE, data[s:s + int(seconds * RATE)]
            if s + int(seconds * RATE) >= len(data):
                break
        return
    rate = info.samplerate
    block, hop = int(seconds * rate), int((seconds - overlap) * rate)
    start = 0
    with sf.SoundFile(str(p)) as f:
        while start < info.frames:
            f.seek(start)
            chunk = f.read(block, dtype="float32", always_2d=False)
            if chunk.size == 0:
                break
            yield start / rate, _to_mono16k(np.asarray(chunk), rate)
            if start + block >= info.frames:
                break
            start += hop
