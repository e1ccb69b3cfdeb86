"""N-best rescoring of the Whisper fallback with the domain trigram LM
(carepath.models.rescoring): the LM itself, the count file it ships, the pick,
and the real Whisper base decode with and without it."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from carepath.models import rescoring
from carepath.models.rescoring import NgramLM, count_ngrams, domain_lm, read_counts, rescore, words
from carepath.models.whisper_fallback import WhisperTranscriber
from carepath.settings import ASRSettings


def test_words_are_lm_tokens() -> None:
    assert words("A 12mm nodule, 3.2 cm; L4-L5 35%.") == ["a", "<n>", "mm", "nodule", "<n>", "cm", "l4", "l5", "<n>"]


@pytest.mark.parametrize(("right", "garbled"), [
    ("a 12 mm nodule is seen in the right upper lobe", "a 12 mm nodule is seen in the light up at low"),
    ("chest x-ray, pa and lateral views", "chess x-ray, b-a, lateral, mu"),
    ("blunting of the left costophrenic angle", "blunting of the left cost a friendly angle"),
])
def test_domain_lm_prefers_the_radiology_phrase(right: str, garbled: str) -> None:
    lm = domain_lm()
    assert lm.logprob(words(right)) > lm.logprob(words(garbled)) + 5


def test_lm_probabilities_sum_to_one_over_the_vocabulary() -> None:
    lm = NgramLM(count_ngrams([["right", "upper", "lobe"], ["right", "lower", "lobe"], ["left", "lobe"]]))
    vocab = [g[0] for g in lm.c if len(g) == 1]
    for history in [(), ("right",), ("<s>", "right"), ("never", "seen")]:
        total = sum(lm.prob(history, w) for w in vocab)
        assert total < 1 and total > 0.95, (history, total)   # the rest is the unseen-word mass
    assert lm.prob(("<s>", "right"), "upper") > lm.prob(("<s>", "right"), "left")


def test_counts_round_trip_and_are_pruned(tmp_path: Path) -> None:
    counts = count_ngrams([["pleural", "effusion"]] * 3 + [["small", "effusion"]])
    path = tmp_path / "ngrams.txt"
    rescoring.write_counts(counts, path, "# test\n")
    back = read_counts(path)
    kept = Counter({g: n for g, n in counts.items() if n >= rescoring.MIN_COUNT[len(g) - 1]})
    assert back == kept and ("pleural", "effusion") in back and ("small", "effusion") not in back


def test_shipped_counts_hold_report_phrases() -> None:
    counts = read_counts(rescoring.LM_FILE)
    assert counts[("right", "upper", "lobe")] >= 10 and counts[("pa", "and", "lateral")] >= 10
    assert all(n >= rescoring.MIN_COUNT[len(g) - 1] for g, n in counts.items())


def test_rescore_trades_decoder_score_against_the_lm() -> None:
    hyps = [("Light up at low.", -10.0), ("Right upper lobe.", -11.0)]
    assert rescore(hyps, domain_lm()) == 1
    assert rescore(hyps, domain_lm(), weight=0.0) == 0
    # a much better decoder score still wins over a slightly better LM score
    assert rescore([("The lungs are clear.", -5.0), ("The lung are clear.", -40.0)], domain_lm()) == 0


@pytest.fixture(scope="module")
def base() -> WhisperTranscriber:
    t = WhisperTranscriber(ASRSettings(threads=2, whisper_model="base"))
    t.load()
    return t


def _espeak(text: str, voice: str, wpm: int, wav: Path) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng missing: `make test` installs it (scripts/apt-deps.sh)")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(wav), text], check=True)
    return wav


def test_rescoring_recovers_the_phrase_whisper_mishears(base: WhisperTranscriber, tmp_path: Path) -> None:
    # a TUNE dictation (tune-003) in a voice/speed of neither bench split: the
    # beam's top hypothesis says "light up at low", a lower one "right upper lobe"
    wav = _espeak("A twelve millimeter nodule is seen in the right upper lobe. Recommend CT chest in three months.",
                  "en-gb-x-rp+m5", 185, tmp_path / "rp.wav")
    base.rescore = False
    before = base.transcribe(wav).text
    base.rescore = True
    after = base.transcribe(wav).text
    assert "right upper lobe" not in before.lower(), before
    assert "right upper lobe" in after.lower(), after


def test_plain_decode_is_untouched(base: WhisperTranscriber, tmp_path: Path) -> None:
    wav = _espeak("Small left pleural effusion with adjacent atelectasis. No pneumothorax.", "en", 150,
                  tmp_path / "plain.wav")
    base.rescore = True
    with_lm = base.transcribe(wav, biased=False).text
    base.rescore = False
    assert base.transcribe(wav, biased=False).text == with_lm
    assert not base._model.model.enabled
