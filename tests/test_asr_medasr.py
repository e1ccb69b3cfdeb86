"""MedASR's real loading path (AutoProcessor/AutoModelForCTC on a local dir)
on a tiny random lasr_ctc model, with streamed overlapping windows. Random
weights emit arbitrary tokens, so these tests check structure: windows cover
the audio, timestamps are monotonic, the overlap merge emits nothing twice."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from carepath.errors import ModelUnavailableError
from carepath.models import asr, registry
from carepath.settings import get_settings
from support.asr_fixtures import tone


def _transcriber(monkeypatch: pytest.MonkeyPatch, **env: str):
    for k, v in env.items():
        monkeypatch.setenv(f"CAREPATH_ASR__{k.upper()}", v)
    get_settings.cache_clear()
    registry.reset()
    return registry.get_transcriber()


def _noise(path: Path, seconds: float) -> Path:
    rng = np.random.default_rng(1)
    sf.write(str(path), (rng.standard_normal(int(seconds * 16_000)) * 0.05).astype(np.float32), 16_000)
    return path


def test_chunked_transcription_covers_the_audio(tiny_medasr: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models.medasr import MedASRTranscriber

    t = _transcriber(monkeypatch, chunk_s="10", overlap_s="2")
    assert isinstance(t, MedASRTranscriber) and t.path == str(tiny_medasr)
    out = t.transcribe(tone(tmp_path / "long.flac", 35.0))   # stereo 44.1 kHz FLAC
    assert out.asr_backend == "medasr" and out.duration_s == pytest.approx(35.0, abs=0.01)
    assert len(out.segments) == 5                            # windows start at 0, 8, 16, 24, 32
    assert out.segments[0].start == 0.0 and out.segments[-1].end == pytest.approx(35.0, abs=0.01)
    for a, b in zip(out.segments, out.segments[1:]):
        assert a.end == pytest.approx(b.start)               # cut at overlap midpoints: no gap, no overlap
        assert b.start == pytest.approx(a.start + (8.0 if a is not out.segments[0] else 9.0))
    assert out.rtf > 0
    assert out.text                                          # random weights still emit tokens
    assert out.model_dump(mode="json")["segments"][0].keys() == {"start", "end", "text"}


def test_long_dictation_window_count(tiny_medasr: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    t = _transcriber(monkeypatch)                            # defaults: 20 s windows, 2 s overlap
    out = t.transcribe(_noise(tmp_path / "five_minutes.wav", 300.0))
    assert len(out.segments) == 17                           # 1 + ceil((300 - 20) / 18)
    assert all(s.end - s.start <= get_settings().asr.chunk_s for s in out.segments)
    starts = [s.start for s in out.segments]
    assert starts == sorted(starts) and out.segments[-1].end == pytest.approx(300.0, abs=0.01)


def test_overlap_merge_emits_each_token_once() -> None:
    blank = 0
    # the same token 7 heard at absolute 9.0 s by two windows overlapping on [8, 10)
    frame_s = 0.04
    left = [blank] * 225 + [7, 7] + [blank] * 23           # window [0, 10): onset frame 225 → 9.0 s
    right = [blank] * 25 + [7] + [blank] * 224              # window [8, 18): onset frame 25 → 9.0 s
    got_left = asr.keep_tokens(asr.ctc_tokens(left, blank), frame_s, 0.0,
                               asr.kept_span(0.0, 10.0, 2.0, first=True, last=False))
    got_right = asr.keep_tokens(asr.ctc_tokens(right, blank), frame_s, 8.0,
                                asr.kept_span(8.0, 18.0, 2.0, first=False, last=True))
    assert got_left + got_right == [7]
    assert asr.ctc_tokens([0, 3, 3, 0, 3, 5, 5, 0], 0) == [(3, 1), (3, 4), (5, 5)]


def test_silence_gives_empty_text_and_a_warning(tiny_medasr: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    silent = tmp_path / "silence.wav"
    sf.write(str(silent), np.zeros(16_000 * 25, np.float32), 16_000)
    out = _transcriber(monkeypatch).transcribe(silent)
    assert out.text == "" and "No speech" in out.warnings[0] and len(out.segments) == 2


def test_auto_prefers_medasr_when_weights_are_found(tiny_medasr_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from carepath.models.medasr import MedASRTranscriber

    t = _transcriber(monkeypatch, backend="auto", model=str(tiny_medasr_dir))
    assert isinstance(t, MedASRTranscriber)
    assert registry.get_transcriber() is t                        # one instance per configuration


def test_wrong_local_path_is_actionable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelUnavailableError) as err:
        _transcriber(monkeypatch, backend="medasr", model=str(tmp_path / "no-such-model"))
    assert "CAREPATH_ASR__MODEL" in err.value.one_line() and err.value.exit_code == 2
