"""Study discovery (folder, list of files, DICOMDIR, zip) from headers, and
series selection rules."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from carepath.errors import InputError
from carepath.tools.dicom.series import Rule, Selection, parse_selection
from carepath.tools.dicom.study import discover, open_studies
from support.dicom_fixtures import asset_path, ct5n_dir


def test_dicomdir_groups_studies_and_series() -> None:
    ss = discover(asset_path("DICOMDIR"))
    assert ss.problems == []
    assert len(ss.studies) == 6 and len(ss.series) == 13
    assert ss.modalities == ["CR", "CT", "MR"]
    ct = next(s for s in ss.series if s.description.startswith("SmartScore"))
    assert (ct.slice_count, ct.orientation) == (5, "axial")
    st = next(st for st in ss.studies if any(s is ct for s in st.series))
    assert st.study_date == "20010101" and len(st.series) == 2  # with its coronal scout


def test_folder_list_and_zip_agree(tmp_path: Path) -> None:
    folder = ct5n_dir()
    files = sorted(folder.iterdir())
    z = tmp_path / "ct5n.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in files:
            zf.write(f, f"nested/dir/{f.name}")
        zf.writestr("README.txt", "not dicom")
    a = discover(folder)
    b = discover(files)
    with open_studies(z) as c:
        assert [len(s.instances) for s in c.series] == [5]
        assert len(c.problems) == 1 and "README.txt" in c.problems[0]
        extracted = Path(c.series[0].instances[0].path)
        assert extracted.is_file() and str(extracted).startswith("/tmp")
    assert not extracted.exists()  # scratch removed afterwards
    uids = lambda ss: sorted(i.sop_instance_uid for s in ss.series for i in s.instances)  # noqa: E731
    assert uids(a) == uids(b) == uids(c)


@pytest.mark.parametrize("entry", ["../../escape.dcm", "/abs/escape.dcm", "a/../../escape.dcm",
                                   "C:\\windows\\escape.dcm", "..\\escape.dcm"])
def test_zip_path_traversal_is_refused(tmp_path: Path, entry: str) -> None:
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(entry, asset_path("CT_small.dcm").read_bytes())
    with open_studies(z) as ss:
        assert ss.series == [] and "unsafe zip entry" in ss.problems[0]
    assert not list(tmp_path.parent.rglob("escape.dcm"))


def test_zip_symlink_entry_is_refused(tmp_path: Path) -> None:
    z = tmp_path / "link.zip"
    info = zipfile.ZipInfo("link.dcm")
    info.external_attr = (0o120777 << 16)
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(info, "/etc/passwd")
    with open_studies(z) as ss:
        assert "symbolic link" in ss.problems[0]


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="study not found"):
        discover(tmp_path / "nope")
    ss = discover([asset_path("CT_small.dcm"), tmp_path / "nope.dcm"])
    assert len(ss.series) == 1 and "nope.dcm" in ss.problems[0]


def test_enhanced_mr_counts_frames() -> None:
    s = discover(asset_path("emri_small.dcm")).series[0]
    assert (s.modality, len(s.instances), s.slice_count) == ("MR", 1, 10)


# --- selection --------------------------------------------------------------------


def test_rules_and_or_with_reasons() -> None:
    series = discover(asset_path("DICOMDIR")).series
    ok, rejected = parse_selection("modality=CT&orientation=axial&min_slices=5").evaluate(series)
    assert [s.description for s in ok] == ["SmartScore - Gated 0.5 sec"]
    assert "4 images, fewer than 5" in rejected[next(s.series_instance_uid for s in series
                                                     if s.description == "Routine Brain")]
    ok, _ = parse_selection("modality=CT&orientation=coronal/sagittal | description~(?i)angio").evaluate(series)
    assert sorted(s.description for s in ok) == ["ANGIO Projected from   C", "Scout"]
    ok, _ = parse_selection("modality=CR/MR&max_slices=1&description~LOCALIZER").evaluate(series)
    assert len(ok) == 4 and {s.modality for s in ok} == {"MR"}
    # Ranked: most images first.
    ok, _ = Selection(any_of=[Rule(modality=["CT"])]).evaluate(series)
    assert [s.slice_count for s in ok] == [5, 4, 2]


def test_bad_rules_are_input_errors() -> None:
    with pytest.raises(InputError, match="unknown key"):
        parse_selection("colour=red")
    with pytest.raises(InputError, match="invalid description regex"):
        parse_selection("description~([")
    with pytest.raises(InputError, match="invalid series rule"):
        parse_selection("orientation=diagonal")


def test_burned_in_annotation_is_read_from_the_headers(tmp_path: Path) -> None:
    """One slice that declares burned-in text marks its series (the remote
    model gate refuses such series; see test_openai_backend)."""
    import pydicom

    from carepath.tools.ct_volume import VolumeInput, prepare

    files = sorted(p for p in ct5n_dir().rglob("*") if p.is_file())
    for i, f in enumerate(files):
        ds = pydicom.dcmread(f)
        if i == 2:
            ds.BurnedInAnnotation = "YES"
        ds.save_as(tmp_path / f"{i}.dcm")
    (series,) = discover(tmp_path).series
    assert series.burned_in_annotation and sum(i.burned_in_annotation for i in series.instances) == 1
    assert prepare(VolumeInput(path=tmp_path)).burned_in_annotation
    (clean,) = discover(ct5n_dir()).series
    assert not clean.burned_in_annotation
