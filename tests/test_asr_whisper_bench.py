"""The Whisper fallback's dictation bench: the frozen TEST split cannot change
silently, never overlaps what was tuned on, and (slow) the chosen checkpoint
meets its WER and real-time targets on it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import bench_whisper_wer as bench  # noqa: E402

# Frozen when the test split was written (before any tuning). Changing the
# test dictations, their voices/speeds, the real-speech clips or moving a clip
# between splits changes this hash: that is a new test split, not an edit.
TEST_SPLIT_SHA256 = "f408093d1057453b07a1a16dc2677164b1b18502075b71c4e8d7b0517c15062b"


def test_test_split_is_frozen() -> None:
    assert bench.split_digest("test") == TEST_SPLIT_SHA256


def test_manifest_records_the_split_of_every_clip() -> None:
    recorded = json.loads(bench.MANIFEST.read_text("utf-8"))
    assert recorded["splits"]["test"]["sha256"] == TEST_SPLIT_SHA256
    assert recorded == bench.manifest(), "manifest.json is stale: rerun bench_whisper_wer.py --write-manifest"
    tune, test = (set(recorded["splits"][s]["clips"]) for s in ("tune", "test"))
    assert not tune & test
    assert len([c for c in bench.clips("test") if c.source == "espeak-ng"]) >= 40


def test_test_split_shares_no_sentence_voice_or_speed_with_tune() -> None:
    tune, test = bench.clips("tune"), bench.clips("test")
    assert not {c.spoken.lower() for c in tune} & {c.spoken.lower() for c in test}
    synth = [c for c in test if c.source == "espeak-ng"]
    assert not {c.voice for c in tune} & {c.voice for c in synth}
    assert not {c.wpm for c in tune} & {c.wpm for c in synth}


def test_real_speech_clips_are_installed() -> None:
    real = [c for c in bench.clips("test") if c.source == "pocketsphinx-testdata"]
    assert len(real) == 10
    for c in real:
        assert (bench.POCKETSPHINX / c.spoken).is_file(), "apt-get install pocketsphinx-testdata"


def test_scoring_ignores_case_and_punctuation_but_not_notation() -> None:
    assert bench.score_text("A 12 mm nodule, L4-L5. Impression: 3.2 cm (35%).") == \
        "a 12 mm nodule l4 l5 impression 3.2 cm 35%"
    assert bench.wer(["The spleen measures 11.5 cm."], ["the Spleen measures 11.5 cm"]) == 0
    # spoken numbers are an error: the fallback's own normaliser must write report notation
    assert bench.wer(["The spleen measures 11.5 cm."], ["the spleen measures eleven point five cm"]) > 0
