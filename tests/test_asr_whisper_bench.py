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



# Measured on the frozen test split (bench_whisper_wer.py --models base
# --biased-only --long, 2026-12-02), after the biasing moved to the cited
# radiology vocabulary and the report-style prompt (fit on TUNE only: tune
# 0.193 raw / 0.183 normalised): the chosen fallback (Whisper base,
# biased+norm) scores 0.302 raw, 0.297 normalised (Whisper
# EnglishTextNormalizer, units folded). The earlier hand-written term list
# scored 0.291 here but 0.141 on the TUNE sentences it was written with. The
# issue's target is 0.18; it is NOT reached, so that check is a strict xfail
# (it turns into a failure the day it passes, so the figure gets updated) and
# the regression guard holds the measured level.
# 2026-12-03, evening: with N-best rescoring by a radiology trigram LM (carepath/models/rescoring.py, weight
# fit on TUNE: tune 0.193 -> 0.175, voice proxy 0.329 -> 0.303), read once on TEST: 0.284 raw, 0.278
# normalised (espeak-ng voices 0.319, real speech 0.043); long-dictation CPU 0.140 s per audio second.
TEST_WER_MEASURED = 0.284
TARGET_WER = 0.18            # issue 16 Done-when


@pytest.fixture(scope="module")
def chosen_on_test(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The bench as a user runs it, in its own process. In a test worker that had read scanned lab
    pages first, the measurement transcribed nothing (WER 1.000, "))))" for every clip): the OCR
    had set OMP_THREAD_LIMIT=1 for the whole process and CTranslate2 asked for two threads under
    it (fixed in lab_ocr.TesseractEnv and whisper_fallback.cpu_threads)."""
    import subprocess

    from carepath.models.registry import WHISPER_FALLBACK

    out = tmp_path_factory.mktemp("dictation") / "rows.json"
    subprocess.run([sys.executable, str(Path(bench.__file__)), "--split", "test", "--models", WHISPER_FALLBACK,
                    "--biased-only", "--long", "--threads", "2", "--json", str(out)],
                   check=True, timeout=1800, stdout=subprocess.DEVNULL)
    data = json.loads(out.read_text("utf-8"))
    (row,) = data["rows"]
    row["long"] = data["long"][0]
    return row


def _some(row: dict) -> str:
    """A few hypotheses, so that a failure says what was heard."""
    return "; ".join(f"{k}: {v!r}" for k, v in list(row["hyps"].items())[:4])


@pytest.mark.slow
def test_chosen_fallback_holds_its_measured_test_wer_and_rtf(chosen_on_test: dict) -> None:
    assert chosen_on_test["wer"] <= TEST_WER_MEASURED + 0.02, (chosen_on_test["wer"], _some(chosen_on_test))
    assert chosen_on_test["wer_pocketsphinx-testdata"] <= 0.10            # real read speech
    # CPU seconds per audio second on a 6-minute dictation: at most 0.3 means
    # wall RTF <= 0.3 on 2 dedicated cores whatever the machine's other load.
    assert chosen_on_test["long"]["cpu_per_audio_s"] <= 0.3, chosen_on_test["long"]


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason=f"target WER {TARGET_WER} not reached: {TEST_WER_MEASURED} measured "
                                        "(0.278 normalised)")
def test_chosen_fallback_meets_the_issue_target(chosen_on_test: dict) -> None:
    assert chosen_on_test["wer"] <= TARGET_WER
