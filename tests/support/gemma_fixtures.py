"""Shared pytest fixtures: a tiny random MedGemma on disk, and settings that
point carepath's imaging role at it through the real transformers backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from support.tiny_gemma import build_tiny_medgemma

__all__ = ["tiny_medgemma_dir", "tiny_medgemma"]


@pytest.fixture(scope="session")
def tiny_medgemma_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory with a loadable tiny MedGemma (built once per session, ~3 s)."""
    return build_tiny_medgemma(tmp_path_factory.mktemp("tiny-medgemma") / "medgemma-tiny")


@pytest.fixture
def tiny_medgemma(tiny_medgemma_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings select the transformers backend on the tiny model; generators
    are dropped before and after so no test sees another's loaded model."""
    from carepath.models import registry
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "transformers")
    monkeypatch.setenv("CAREPATH_IMAGING__MODEL", str(tiny_medgemma_dir))
    monkeypatch.setenv("CAREPATH_IMAGING__MAX_NEW_TOKENS", "8")
    get_settings.cache_clear()
    registry.reset()
    yield tiny_medgemma_dir
    registry.reset()
    get_settings.cache_clear()
