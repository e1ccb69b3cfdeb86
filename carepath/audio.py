"""Audio in: any common recording to 16 kHz mono float32, streamed.

soundfile (libsndfile ≥ 1.1) reads WAV/FLAC/OGG block by block; MP3 and
everything else (AAC/M4A, Opus in WebM, AMR, …) is decoded by Debian's ffmpeg
through a pipe (soundfile reads MP3 too when ffmpeg is absent). Either way the samples arrive in small blocks, are mixed down and
resampled with a *streaming* soxr resampler (no clicks at block edges), and
are cut into overlapping windows — so a 30-minute dictation never sits in
memory as one array or one feature tensor.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from carepath.errors import InputError

RATE = 16_000
BLOCK_S = 5.0
SILENCE_DBFS = -55.0  # below this RMS a window holds no speech (room tone is ~-60..-70 dBFS)
_FIX = "pass a WAV, FLAC, OGG or MP3 recording (or any format ffmpeg can decode)"


@dataclass(frozen=True)
class Window:
    start: float          # seconds from the start of the recording
    samples: np.ndarray   # 16 kHz mono float32
    first: bool
    last: bool

    @property
    def end(self) -> float:
        return self.start + self.samples.size / RATE


def _check(path: Path) -> None:
    if not path.exists():
        raise InputError("audio file not found", subject=str(path), fix="check the path")
    if not path.is_file():
        raise InputError("audio path is not a file", subject=str(path),
                         fix="pass one recording (a folder is not audio)")
    if path.stat().st_size == 0:
        raise InputError("audio file is empty", subject=str(path), why="zero bytes",
                         fix="record again or pass the right file")


def _soundfile_blocks(path: Path) -> Iterator[np.ndarray] | None:
    import soundfile as sf  # heavy: libsndfile + soxr native libs (~1 s) load only when audio is read
    import soxr

    try:
        f = sf.SoundFile(str(path))
    except Exception:  # noqa: BLE001 - not a format libsndfile knows: let ffmpeg try
        return None

    def gen() -> Iterator[np.ndarray]:
        resampler = (soxr.ResampleStream(f.samplerate, RATE, 1, dtype="float32")
                     if f.samplerate != RATE else None)
        with f:
            try:
                for block in f.blocks(blocksize=int(BLOCK_S * f.samplerate), dtype="float32",
                                      always_2d=True):
                    mono = block.mean(axis=1, dtype=np.float32) if block.shape[1] > 1 else block[:, 0]
                    yield resampler.resample_chunk(mono) if resampler else mono
            except Exception as exc:  # noqa: BLE001 - libsndfile error mid-file
                raise InputError("damaged audio file", subject=str(path),
                                 why=str(exc).splitlines()[0][:200], fix=_FIX) from exc
        if resampler is not None:
            yield resampler.resample_chunk(np.zeros(0, np.float32), last=True)

    return gen()


def _ffmpeg_blocks(path: Path) -> Iterator[np.ndarray]:
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise InputError("audio format not readable", subject=str(path),
                         why="soundfile cannot read it and ffmpeg is not installed",
                         fix="convert to WAV/FLAC, or install ffmpeg")
    proc = subprocess.Popen([exe, "-v", "error", "-nostdin", "-i", str(path), "-vn", "-f", "f32le",
                             "-af", "aresample=rematrix_maxval=1.0",  # average channels, never amplify
                             "-ac", "1", "-ar", str(RATE), "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    nbytes = int(BLOCK_S * RATE) * 4
    got = 0
    try:
        while chunk := proc.stdout.read(nbytes):
            usable = len(chunk) - len(chunk) % 4
            got += usable
            yield np.frombuffer(chunk[:usable], dtype=np.float32).copy()
        err = proc.stderr.read().decode(errors="replace").strip()
        rc = proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if rc != 0 and got == 0:
        lines = [ln.replace(f"{path}: ", "") for ln in err.splitlines() if ln.strip()]
        reason = next((ln for ln in lines if str(path) not in ln), "no decodable audio stream")
        raise InputError("not an audio file, or a damaged one", subject=str(path),
                         why=f"no decoder could read it (ffmpeg: {reason.strip()[:160]})", fix=_FIX)


def _mpeg_via_ffmpeg(path: Path) -> bool:
    """MPEG audio goes to ffmpeg when it is there: libsndfile's mpg123 prints
    resync notes straight to the terminal on damaged files, and ffmpeg's
    messages can be captured and reported in one line."""
    if shutil.which("ffmpeg") is None:
        return False
    with path.open("rb") as f:
        head = f.read(3)
    return path.suffix.lower() in {".mp3", ".mp2", ".mpga"} or head == b"ID3"


def stream(path: str | Path) -> Iterator[np.ndarray]:
    """16 kHz mono float32 blocks of about ``BLOCK_S`` seconds, in order."""
    p = Path(path)
    _check(p)
    blocks = None if _mpeg_via_ffmpeg(p) else _soundfile_blocks(p)
    blocks = blocks or _ffmpeg_blocks(p)
    total = 0
    for block in blocks:
        if block.size:
            total += block.size
            yield block
    if total == 0:
        raise InputError("audio file has no samples", subject=str(p), why="zero-length recording",
                         fix="record again or pass the right file")


def load(path: str | Path) -> np.ndarray:
    """The whole recording as one array (for short audio only)."""
    return np.concatenate(list(stream(path)))


def windows(path: str | Path, seconds: float, overlap: float) -> Iterator[Window]:
    """Overlapping windows of ``seconds`` (the last one shorter), hopping by
    ``seconds - overlap``; at most one window plus one block in memory."""
    win = int(seconds * RATE)
    hop = max(1, int((seconds - overlap) * RATE))
    src = stream(path)
    parts: list[np.ndarray] = []
    have, pos, k, eof = 0, 0, 0, False
    while True:
        while have <= win and not eof:
            block = next(src, None)
            if block is None:
                eof = True
            else:
                parts.append(block)
                have += block.size
        buf = np.concatenate(parts) if len(parts) != 1 else parts[0]
        last = eof and buf.size <= win
        yield Window(start=pos / RATE, samples=buf[:win].copy(), first=k == 0, last=last)
        if last:
            return
        parts, have, pos, k = [buf[hop:]], buf.size - hop, pos + hop, k + 1


def is_silent(samples: np.ndarray) -> bool:
    if samples.size == 0:
        return True
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return 20 * np.log10(max(rms, 1e-10)) < SILENCE_DBFS
