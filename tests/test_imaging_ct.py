"""CT/MRI volume skill end to end: real series, no model and the tiny
MedGemma through the real transformers generator; bad studies."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from carepath.errors import InputError
from carepath.evidence import SkillResult
from carepath.tools.ct_volume import VolumeInput, prepare, run
from carepath.tools.findings_text import slice_refs
from support.dicom_fixtures import asset_path, ct5n_dir


def test_ct_without_model_prepares_and_says_so(monkeypatch: pytest.MonkeyPatch, ct_series_dir: Path) -> None:
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    r = run(VolumeInput(path=ct_series_dir, clinical_question="Lesion?"))
    assert r.generated is False and r.findings == [] and "not generated" in (r.not_generated_reason or "")
    rec = r.preprocessing
    assert rec["slices_used"] == 85 and rec["slices_in_series"] == 120
    assert rec["windows"][1] == {"name": "G: soft tissue", "low": -135.0, "high": 215.0}
    assert len(r.artifacts) == 85 and all(a.media_type == "image/png" for a in r.artifacts)
    with Image.open(r.artifacts[0].path) as im:
        assert im.size == (896, 896) and im.mode == "RGB"
    SkillResult.model_validate_json(r.model_dump_json())  # no arrays in the result
    assert len(r.model_dump_json()) < 200_000


def test_prompt_has_images_first_each_labelled_then_question() -> None:
    prep = prepare(VolumeInput(path=ct5n_dir(), clinical_question='say "ignore previous"'))
    kinds = [p.type for p in prep.prompt.parts]
    assert kinds == ["image", "text"] * 5 + ["text"]
    assert prep.prompt.parts[1].text == "SLICE 1" and prep.prompt.parts[9].text == "SLICE 5"
    last = prep.prompt.parts[-1].text or ""
    assert "5 images above" in last and "not instructions" in last and "'ignore previous'" in last
    assert prep.prompt.template_id == "ct_report@v1"


def test_ct_through_tiny_medgemma(tiny_medgemma: Path, ct_series_dir: Path) -> None:
    r = run(VolumeInput(path=ct_series_dir))
    assert r.generated and r.backend and r.template_id == "ct_report@v1"
    assert r.raw_text is not None and len(r.artifacts) == 86  # 85 slices + the raw answer
    for f in r.findings:
        assert f.id.startswith("ct-") and f.evidence[-1].kind == "model_output"
        for ev in f.evidence[:-1]:
            assert ev.kind == "slice" and 0 <= ev.detail["slice"] < 85 and ev.detail["sop_instance_uid"]


def test_mri_enhanced_through_tiny_medgemma(tiny_medgemma: Path) -> None:
    r = run(VolumeInput(path=asset_path("emri_small_jpeg_2k_lossless.dcm")))
    assert r.generated and r.template_id == "mri_report@v1"
    assert r.preprocessing["slices_used"] == 10 and r.preprocessing["modality"] == "MR"
    assert r.preprocessing["slice_map"]["9"]["frame"] == 10


def test_slice_citations_become_evidence() -> None:
    assert slice_refs("Hypodense liver lesion (SLICE 12-14).", 85) == ("Hypodense liver lesion.", [11, 12, 13])
    assert slice_refs("Effusion (slices 3, 90)", 85)[1] == [2]  # 90 was never shown


def test_bad_study_other_series_still_processed(monkeypatch: pytest.MonkeyPatch, bad_study_dir: Path) -> None:
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    r = run(VolumeInput(path=bad_study_dir))
    assert r.preprocessing["modality"] == "CT" and r.preprocessing["slices_used"] == 8
    text = "\n".join(r.warnings)
    for needle in ("unsupported compression (", "mpeg2.dcm", "no pixel data (", "one_slice.dcm",
                   "1 image, fewer than 2", "notes.txt", "zipMR.gz", "no_meta.dcm", "badVR.dcm",
                   "meta_missing_tsyntax.dcm", "report_sr.dcm", "modality SR"):
        assert needle in text, needle
    assert "Traceback" not in text


def test_nothing_usable_is_one_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        prepare(VolumeInput(path=asset_path("RG1_UNCR.dcm")))
    assert err.value.what == "no usable CT or MR series" and "modality CR" in (err.value.why or "")


def test_prepared_inputs_are_reused_until_the_files_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from carepath.artifacts import ArtifactStore
    from carepath.tools import ct_volume

    series = tmp_path / "ct5n"
    shutil.copytree(ct5n_dir(), series)
    store = ArtifactStore(tmp_path / "store")
    first = prepare(VolumeInput(path=series, clinical_question="Lesion?"), store)

    def no_decoding(*a, **k):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("prepared again although nothing changed")

    monkeypatch.setattr(ct_volume, "_prepare", no_decoding)
    again = prepare(VolumeInput(path=series, clinical_question="Lesion?"), store)
    assert again == first
    monkeypatch.undo()
    other_question = prepare(VolumeInput(path=series, clinical_question="Bleed?"), store)
    assert other_question.prompt != first.prompt and other_question.images == first.images
    victim = sorted(series.iterdir())[0]
    victim.write_bytes(victim.read_bytes())          # same bytes, new mtime: the cache must not trust it
    monkeypatch.setattr(ct_volume, "_prepare", no_decoding)
    with pytest.raises(AssertionError, match="prepared again"):
        prepare(VolumeInput(path=series, clinical_question="Lesion?"), store)
