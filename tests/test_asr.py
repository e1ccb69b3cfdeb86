"""Speech: MedASR's real loading path on a tiny lasr_ctc model with chunked
decoding, the labelled Whisper fallback on real speech, the CLI, bad audio."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from carepath.errors import InputError


def _tone(path: Path, seconds: float, rate: int = 44_100, channels: int = 2) -> Path:
    t = np.arange(int(seconds * rate)) / rate
    x = (0.1 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    sf.write(str(path), np.stack([x] * channels, axis=1) if channels > 1 else x, rate)
    return path


def test_medasr_chunked_transcription_structure(tiny_medasr: Path, tmp_path: Path) -> None:
    from carepath.models.asr import get_transcriber
    from carepath.models.medasr import MedASRTranscriber

    os.environ["CAREPATH_ASR__CHUNK_S"] = "10"
    from carepath.settings import get_settings

    get_settings.cache_clear()
    from carepath.models import asr

    asr.reset()
    try:
        wav = _tone(tmp_path / "long.flac", 35.0)       # stereo 44.1 kHz FLAC → 16 kHz mono
        t = get_transcriber()
        assert isinstance(t, MedASRTranscriber)
        out = t.transcribe(wav)
    finally:
        del os.environ["CAREPATH_ASR__CHUNK_S"]
        get_settings.cache_clear()
    assert out.asr_backend == "medasr" and abs(out.duration_s - 35.0) < 0.01
    assert len(out.segments) == 5                        # 10 s windows every 8 s: 0,8,16,24,32
    starts = [s.start for s in out.segments]
    assert starts == sorted(starts) and out.segments[0].start == 0.0
    assert abs(out.segments[-1].end - 35.0) < 0.05
    for a, b in zip(out.segments, out.segments[1:]):
        assert abs(a.end - b.start) < 1e-6              # overlaps cut at their midpoint, no gaps
    assert out.rtf > 0


def test_whisper_fallback_recognises_real_speech(dictation_wav: tuple[Path, str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models import asr
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "auto")          # no MedASR weights here
    get_settings.cache_clear()
    asr.reset()
    wav, text = dictation_wav
    out = asr.get_transcriber().transcribe(wav)
    assert out.asr_backend == "whisper-tiny.en (non-medical fallback)"
    said = out.text.lower()
    for word in ("effusion", "pneumothorax", "heart"):
        assert word in said, out.text


def test_transcribe_cli_json_and_bad_inputs(dictation_wav: tuple[Path, str], tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    wav, _ = dictation_wav
    r = subprocess.run([sys.executable, "-m", "carepath", "transcribe", "--json", str(wav)],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    assert {"text", "asr_backend", "duration_s", "rtf", "segments"} <= set(out)
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"this is not audio at all" * 10)
    for bad, msg in ((tmp_path / "missing.wav", "not found"), (empty, "empty"), (junk, "not an audio file")):
        r = subprocess.run([sys.executable, "-m", "carepath", "transcribe", str(bad)], env=env,
                           capture_output=True, text=True)
        assert r.returncode == 4 and msg in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_silence_gives_empty_text_and_a_warning(tmp_path: Path, monkeypatch) -> None:
    from carepath.models import asr
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "whisper")
    get_settings.cache_clear()
    asr.reset()
    silent = tmp_path / "silence.wav"
    sf.write(str(silent), np.zeros(16_000 * 3, dtype=np.float32), 16_000)
    out = asr.get_transcriber().transcribe(silent)
    assert out.text == "" and out.warnings


def test_medasr_missing_weights_exit_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_ASR__BACKEND": "medasr", "HF_HUB_OFFLINE": "1"})
    wav = _tone(tmp_path / "t.wav", 1.0, 16_000, 1)
    r = subprocess.run([sys.executable, "-m", "carepath", "transcribe", str(wav)], env=env,
                       capture_output=True, text=True)
    assert r.returncode == 2 and "google/medasr" in r.stderr and "CAREPATH_ASR__MODEL" in r.stderr
    assert "Traceback" not in r.stderr


def test_audio_loader_resamples_and_rejects_garbage(tmp_path: Path) -> None:
    from carepath.audio import load

    x = load(_tone(tmp_path / "a.ogg", 2.0, 48_000, 2))
    assert x.ndim == 1 and abs(x.size - 32_000) <= 2
    with pytest.raises(InputError):
        load(tmp_path / "nope.wav")
