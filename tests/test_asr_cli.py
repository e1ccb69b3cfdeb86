"""``carepath transcribe`` as a user runs it: a subprocess, plain and --json
output, and one-line errors (no traceback, specific exit code) for bad audio
and missing weights."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from support.asr_fixtures import tone


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    full.update({"CAREPATH_ASR__BACKEND": "whisper", **env})
    return subprocess.run([sys.executable, "-m", "carepath", "transcribe", *args], env=full,
                          capture_output=True, text=True, timeout=300)


def _one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    return lines[0]


def test_plain_and_json_output_agree(dictation_wav: tuple[Path, str]) -> None:
    wav, _ = dictation_wav
    plain = _run(str(wav))
    assert plain.returncode == 0, plain.stderr[-2000:]
    assert "effusion" in plain.stdout.lower()
    assert "non-medical fallback" in plain.stderr          # the backend is always labelled
    js = _run("--json", str(wav))
    assert js.returncode == 0, js.stderr[-2000:]
    out = json.loads(js.stdout)
    assert {"text", "asr_backend", "duration_s", "rtf", "segments"} <= set(out)
    assert out["text"].strip() == plain.stdout.strip()
    assert out["asr_backend"] == "whisper-base (non-medical fallback)"
    assert 3.0 < out["duration_s"] < 15.0 and out["rtf"] > 0
    starts = [s["start"] for s in out["segments"]]
    assert starts == sorted(starts) and all(s["end"] >= s["start"] for s in out["segments"])


def test_json_from_the_medasr_backend(tiny_medasr_dir: Path, tmp_path: Path) -> None:
    wav = tone(tmp_path / "tone.ogg", 30.0, 48_000, 2)
    r = _run("--json", str(wav), CAREPATH_ASR__BACKEND="auto", CAREPATH_ASR__MODEL=str(tiny_medasr_dir))
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    assert out["asr_backend"] == "medasr" and out["duration_s"] == pytest.approx(30.0, abs=0.01)
    assert [s["start"] for s in out["segments"]] == [0.0, 19.0]


def test_silence_is_empty_text_with_a_warning(tmp_path: Path) -> None:
    silent = tmp_path / "silence.wav"
    sf.write(str(silent), np.zeros(16_000 * 3, np.float32), 16_000)
    r = _run("--json", str(silent))
    assert r.returncode == 0 and json.loads(r.stdout)["text"] == ""
    assert "warning: No speech was recognised" in r.stderr


@pytest.mark.parametrize("name", ["missing.wav", "empty.wav", "truncated.wav", "text.flac", "junk.mp3"])
def test_bad_audio_is_one_line_error(name: str, dictation_wav: tuple[Path, str], tmp_path: Path) -> None:
    wav, _ = dictation_wav
    bad = tmp_path / name
    if name == "empty.wav":
        bad.write_bytes(b"")
    elif name == "truncated.wav":
        bad.write_bytes(wav.read_bytes()[:30])              # RIFF header cut short, no samples
    elif name == "text.flac":
        bad.write_text("Findings: no acute abnormality.\n" * 20)
    elif name == "junk.mp3":
        bad.write_bytes(os.urandom(4096))
    r = _run(str(bad))
    assert r.returncode == 4, r.stderr
    line = _one_line_error(r)
    assert name in line and "fix:" in line, line


def test_missing_medasr_weights_exit_2() -> None:
    r = _run("/nonexistent.wav", CAREPATH_ASR__BACKEND="medasr", HF_HUB_OFFLINE="1")
    assert r.returncode == 2
    line = _one_line_error(r)
    assert "google/medasr" in line and "CAREPATH_ASR__MODEL" in line, line


def test_wrong_weights_path_exit_2(tmp_path: Path) -> None:
    wav = tone(tmp_path / "t.wav", 1.0, 16_000, 1)
    r = _run(str(wav), CAREPATH_ASR__BACKEND="medasr", CAREPATH_ASR__MODEL=str(tmp_path / "medasr"))
    assert r.returncode == 2
    line = _one_line_error(r)
    assert str(tmp_path / "medasr") in line and "CAREPATH_ASR__MODEL" in line, line
