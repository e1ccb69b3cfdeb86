"""Shared pytest fixtures: speech (tiny MedASR model, espeak-ng dictations,
synthetic recordings in several containers)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from support.tiny_lasr import build_tiny_medasr

DICTATION = ("Chest x-ray. There is a small right pleural effusion. No pneumothorax. "
             "The heart size is normal.")


def tone(path: Path, seconds: float, rate: int = 44_100, channels: int = 2, amp: float = 0.1) -> Path:
    """A 220 Hz tone written with soundfile (format from the suffix)."""
    import soundfile as sf

    t = np.arange(int(seconds * rate)) / rate
    x = (amp * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    sf.write(str(path), np.stack([x] * channels, axis=1) if channels > 1 else x, rate)
    return path


def speak(text: str, wav: Path, speed: int = 150) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng missing: `make test` installs it (scripts/apt-deps.sh)")
    subprocess.run(["espeak-ng", "-s", str(speed), "-w", str(wav), text], check=True)
    return wav


@pytest.fixture(scope="session")
def tiny_medasr_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_medasr(tmp_path_factory.mktemp("tiny-medasr") / "model")


@pytest.fixture
def tiny_medasr(tiny_medasr_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings pointing the ASR role at the tiny MedASR model."""
    from carepath.models import registry
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "medasr")
    monkeypatch.setenv("CAREPATH_ASR__MODEL", str(tiny_medasr_dir))
    get_settings.cache_clear()
    registry.reset()
    yield tiny_medasr_dir
    registry.reset()


@pytest.fixture(scope="session")
def dictation_wav(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A real (synthetic) spoken radiology dictation and its text."""
    wav = tmp_path_factory.mktemp("dictation") / "dictation.wav"
    return speak(DICTATION, wav), DICTATION
