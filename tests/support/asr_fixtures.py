"""Shared pytest fixtures: speech (tiny MedASR model, espeak-ng dictations)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support.tiny_lasr import build_tiny_medasr


@pytest.fixture(scope="session")
def tiny_medasr_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_medasr(tmp_path_factory.mktemp("tiny-medasr") / "model")


@pytest.fixture
def tiny_medasr(tiny_medasr_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from carepath.models import asr
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "medasr")
    monkeypatch.setenv("CAREPATH_ASR__MODEL", str(tiny_medasr_dir))
    get_settings.cache_clear()
    asr.reset()
    yield tiny_medasr_dir
    asr.reset()


@pytest.fixture(scope="session")
def dictation_wav(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A real (synthetic) spoken radiology dictation and its text."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng missing: make test installs it")
    text = ("Chest x-ray. There is a small right pleural effusion. No pneumothorax. "
            "The heart size is normal.")
    wav = tmp_path_factory.mktemp("dictation") / "dictation.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), text], check=True)
    return wav, text
