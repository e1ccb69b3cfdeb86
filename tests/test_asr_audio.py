"""Audio in: every common container, rate and channel count to 16 kHz mono,
streamed in bounded memory, and one clear InputError for anything else."""

from __future__ import annotations

import subprocess
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from carepath import audio
from carepath.errors import InputError
from support.asr_fixtures import tone


def _dominant_hz(x: np.ndarray) -> float:
    spec = np.abs(np.fft.rfft(x))
    return float(np.fft.rfftfreq(x.size, 1 / audio.RATE)[spec.argmax()])


@pytest.mark.parametrize("name,rate,channels", [
    ("a.wav", 44_100, 2), ("b.flac", 48_000, 1), ("c.ogg", 22_050, 2), ("d.mp3", 44_100, 2),
    ("e.wav", 8_000, 1), ("f.flac", 16_000, 6),
])
def test_any_container_rate_and_channels_become_16k_mono(tmp_path: Path, name: str, rate: int,
                                                         channels: int) -> None:
    x = audio.load(tone(tmp_path / name, 3.0, rate, channels))
    assert x.dtype == np.float32 and x.ndim == 1
    assert abs(x.size - 3 * audio.RATE) <= 0.01 * 3 * audio.RATE
    assert abs(_dominant_hz(x) - 220) < 2          # resampled, not just relabelled
    assert 0.08 < np.abs(x).max() < 0.12           # channels averaged, not summed


def test_formats_soundfile_cannot_read_go_through_ffmpeg(tmp_path: Path) -> None:
    src = tone(tmp_path / "src.wav", 3.0, 44_100, 2)
    m4a = tmp_path / "dictation.m4a"                # AAC: libsndfile has no decoder for it
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(src), str(m4a)], check=True)
    with pytest.raises(Exception):
        sf.info(str(m4a))
    x = audio.load(m4a)
    assert abs(x.size / audio.RATE - 3.0) < 0.1 and abs(_dominant_hz(x) - 220) < 2


def test_windows_overlap_cover_the_file_and_stay_small(tmp_path: Path) -> None:
    path = tmp_path / "ten_minutes.wav"
    with sf.SoundFile(str(path), "w", 16_000, 1, subtype="PCM_16") as f:
        for _ in range(60):
            f.write(np.full(160_000, 0.01, np.float32))
    tracemalloc.start()
    try:
        starts, last_end, biggest = [], 0.0, 0
        for w in audio.windows(path, 20.0, 2.0):
            starts.append(w.start)
            last_end, biggest = w.end, max(biggest, w.samples.size)
            assert w.last == (w.end >= 600.0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert starts == [18.0 * k for k in range(len(starts))] and len(starts) == 34
    assert last_end == pytest.approx(600.0) and biggest == 20 * audio.RATE
    # the whole file as float32 would be 38 MB; streaming holds ~ one window + one block
    assert peak < 10 * 2**20, f"peak {peak / 2**20:.1f} MiB"


def test_short_audio_is_one_window(tmp_path: Path) -> None:
    ws = list(audio.windows(tone(tmp_path / "s.wav", 1.5, 16_000, 1), 20.0, 2.0))
    assert len(ws) == 1 and ws[0].first and ws[0].last and ws[0].end == pytest.approx(1.5)


def test_truncated_wav_keeps_what_is_there(tmp_path: Path) -> None:
    data = tone(tmp_path / "full.wav", 4.0, 16_000, 1).read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(data[: len(data) // 2])
    assert abs(audio.load(cut).size / audio.RATE - 2.0) < 0.05


def test_silence_detection() -> None:
    rng = np.random.default_rng(0)
    assert audio.is_silent(np.zeros(16_000, np.float32))
    assert audio.is_silent((rng.standard_normal(16_000) * 1e-4).astype(np.float32))  # -80 dBFS hiss
    assert not audio.is_silent((rng.standard_normal(16_000) * 0.05).astype(np.float32))


@pytest.mark.parametrize("name,content,message", [
    ("missing.wav", None, "not found"),
    ("empty.wav", b"", "empty"),
    ("header_only.wav", "riff30", "not an audio file"),
    ("notes.flac", b"Findings: no acute abnormality.\n" * 20, "not an audio file"),
    ("junk.mp3", b"this is not audio at all" * 10, "not an audio file"),
])
def test_bad_audio_is_an_input_error_naming_the_file(tmp_path: Path, name: str, content, message: str) -> None:
    path = tmp_path / name
    if content == "riff30":
        content = tone(tmp_path / "ok.wav", 1.0, 16_000, 1).read_bytes()[:30]
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        audio.load(path)
    assert name in str(err.value) and err.value.fix
