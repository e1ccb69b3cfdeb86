"""Longitudinal skill: pairing by date, time order in one prompt, change
categories per finding."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from carepath.errors import InputError
from carepath.tools.longitudinal import LongitudinalInput, pair_by_date, parse_changes, run
from carepath.tools.dicom.study import open_studies


def test_pairs_by_study_date_not_file_order(cr_pair_dir: Path) -> None:
    with open_studies(cr_pair_dir) as ss:
        pair, problems = pair_by_date(ss)
    assert pair.current.name == "a_current.dcm" and pair.prior.name == "b_prior.dcm"
    assert (pair.prior_date, pair.current_date) == ("20030115", "20040826") and problems == []


def test_both_images_in_time_order_without_model(monkeypatch: pytest.MonkeyPatch, cr_pair_dir: Path,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    z = tmp_path / "two.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in cr_pair_dir.iterdir():
            zf.write(f, f.name)
    r = run(LongitudinalInput(studies=[z]))
    assert not r.generated and len(r.artifacts) == 2
    rec = r.preprocessing
    assert rec["order"] == ["prior", "current"] and rec["prior"]["date"] == "20030115"
    assert r.input_hashes["prior_image"] == r.artifacts[0].sha256


def test_explicit_pair_warns_when_dates_contradict(monkeypatch: pytest.MonkeyPatch, cr_pair_dir: Path) -> None:
    monkeypatch.setenv("CAREPATH_IMAGING__BACKEND", "none")
    r = run(LongitudinalInput(current=cr_pair_dir / "b_prior.dcm", prior=cr_pair_dir / "a_current.dcm"))
    assert r.preprocessing["pairing"] == "explicit current/prior"
    assert "dated after the current" in r.warnings[0]


def test_one_date_cannot_be_paired(cr_pair_dir: Path) -> None:
    with pytest.raises(InputError, match="cannot pair"):
        run(LongitudinalInput(studies=[cr_pair_dir / "a_current.dcm"]))
    with pytest.raises(ValueError):
        LongitudinalInput(current=cr_pair_dir / "a_current.dcm")


def test_change_categories_are_parsed() -> None:
    text = ("Findings:\n- new: small right pleural effusion\n- Stable: cardiomegaly\n"
            "- Left lower lobe opacity has resolved.\n- Interval increase of the nodule.\n"
            "- Lines and tubes.\nImpression:\nNew effusion.")
    rows, impression, warnings = parse_changes(text)
    assert [c for _, c in rows] == ["new", "stable", "resolved", "worsened", None]
    assert rows[0][0] == "small right pleural effusion" and impression == "New effusion."
    assert len(warnings) == 1 and "Lines and tubes" in warnings[0]


def test_longitudinal_through_tiny_medgemma(tiny_medgemma: Path, cr_pair_dir: Path) -> None:
    r = run(LongitudinalInput(studies=[cr_pair_dir]))
    assert r.generated and r.template_id == "longitudinal@v1"
    for f in r.findings:
        roles = [e.detail.get("role") for e in f.evidence[:2]]
        assert roles == ["prior", "current"] and f.evidence[2].kind == "model_output"
        assert f.change in (None, "new", "improved", "stable", "worsened", "resolved")
