"""NeMo backend, exercised for real in .venv-nemo (``make test`` builds it):
a tiny Conformer-CTC built from an OmegaConf config, saved and restored as a
``.nemo`` file, transcribing through carepath's nemo backend. Skipped in the
main venv, where NeMo is not installed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

nemo_asr = pytest.importorskip("nemo.collections.asr", reason="the [nemo] extra lives in .venv-nemo")

pytestmark = pytest.mark.nemo

LABELS = [" ", *"abcdefghijklmnopqrstuvwxyz", "'"]


@pytest.fixture(scope="module")
def tiny_nemo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from omegaconf import OmegaConf

    cfg = OmegaConf.create({
        "sample_rate": 16000,
        "labels": LABELS,
        "preprocessor": {"_target_": "nemo.collections.asr.modules.AudioToMelSpectrogramPreprocessor",
                         "sample_rate": 16000, "normalize": "per_feature", "window_size": 0.025,
                         "window_stride": 0.01, "features": 32, "n_fft": 512, "dither": 0.0},
        "encoder": {"_target_": "nemo.collections.asr.modules.ConformerEncoder", "feat_in": 32,
                    "n_layers": 1, "d_model": 32, "subsampling": "striding", "subsampling_factor": 4,
                    "subsampling_conv_channels": 16, "ff_expansion_factor": 2, "n_heads": 2,
                    "conv_kernel_size": 9, "self_attention_model": "rel_pos", "xscaling": True,
                    "pos_emb_max_len": 5000},
        "decoder": {"_target_": "nemo.collections.asr.modules.ConvASRDecoder", "feat_in": 32,
                    "num_classes": len(LABELS), "vocabulary": LABELS},
    })
    torch.manual_seed(0)
    model = nemo_asr.models.EncDecCTCModel(cfg=cfg)
    path = tmp_path_factory.mktemp("nemo") / "tiny_conformer_ctc.nemo"
    model.save_to(str(path))
    return path


def test_nemo_checkpoint_round_trip_and_transcribe(tiny_nemo: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models import registry
    from carepath.models.nemo_asr import NemoTranscriber
    from carepath.settings import get_settings

    wav = tmp_path / "d.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "chest x-ray shows a small right pleural effusion and no pneumothorax"], check=True)
    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "nemo")
    monkeypatch.setenv("CAREPATH_ASR__MODEL", str(tiny_nemo))
    monkeypatch.setenv("CAREPATH_ASR__CHUNK_S", "2")
    monkeypatch.setenv("CAREPATH_ASR__OVERLAP_S", "0.5")
    get_settings.cache_clear()
    registry.reset()
    t = registry.get_transcriber()
    assert isinstance(t, NemoTranscriber)
    out = t.transcribe(wav)
    assert out.asr_backend == "nemo" and out.duration_s > 1.0 and out.model == str(tiny_nemo)
    assert len(out.segments) >= 2 and out.segments[0].start == 0.0
    assert out.segments[-1].end == pytest.approx(out.duration_s, abs=0.01)
    for a, b in zip(out.segments, out.segments[1:]):
        assert a.end == pytest.approx(b.start)       # CTC windows merged at overlap midpoints
    assert all(set(s.text) <= set(LABELS) for s in out.segments)   # decoded with the .nemo vocabulary
    assert set(out.text) <= set(LABELS)
    assert out.rtf > 0


def test_auto_picks_nemo_for_a_nemo_file(tiny_nemo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models import registry
    from carepath.models.nemo_asr import NemoTranscriber
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "auto")
    monkeypatch.setenv("CAREPATH_ASR__MODEL", str(tiny_nemo))
    get_settings.cache_clear()
    registry.reset()
    assert isinstance(registry.get_transcriber(), NemoTranscriber)


def test_missing_nemo_file_is_actionable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from carepath.errors import ModelUnavailableError
    from carepath.models import registry
    from carepath.settings import get_settings

    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "nemo")
    monkeypatch.setenv("CAREPATH_ASR__MODEL", str(tmp_path / "none.nemo"))
    get_settings.cache_clear()
    registry.reset()
    with pytest.raises(ModelUnavailableError, match="CAREPATH_ASR__MODEL"):
        registry.get_transcriber()
