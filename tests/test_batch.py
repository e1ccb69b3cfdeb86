"""`carepath batch` on real DICOM: one paused draft per study, failures with
their reason that do not stop the others, a re-run that duplicates nothing,
and per-study result files that carry the draft (kill -9 and resume:
test_crash_resume.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pydicom.data import get_testdata_file

from support.batch_harness import check_outcome, make_cxr_studies, run_batch
from support.dicom_fixtures import ct5n_dir



def test_batch_drafts_each_study_once_and_reports_failures(batch_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_cxr_studies(src, 3)
    shutil.copytree(ct5n_dir(), src / "ct5n")
    (src / "notes.txt").write_text("not a study")
    (src / "broken.dcm").write_bytes(Path(get_testdata_file("RG1_UNCR.dcm")).read_bytes()[:400])
    out = tmp_path / "out"

    r = run_batch(batch_env, src, out, "--workers", "2")
    assert r.returncode == 0, r.stderr[-3000:]
    summary = json.loads(r.stdout)
    assert (summary["drafted"], summary["skipped"], summary["failed"]) == (4, 0, 2)
    by_study = {x["study"]: x for x in summary["results"]}
    assert by_study["ct5n"]["intent"] == "ct_mri_report"
    assert by_study["study000.dcm"]["intent"] == "cxr_report"
    assert "not a DICOM file" in by_study["notes.txt"]["reason"]
    assert "broken.dcm" in by_study["broken.dcm"]["reason"]
    assert json.loads((out / "batch-summary.json").read_text())["drafted"] == 4
    threads = {x["thread_id"] for x in summary["results"] if x["thread_id"]}
    assert len(threads) == 4
    per_study = {json.loads(f.read_text())["study"]: json.loads(f.read_text())
                 for f in out.glob("*.json") if f.name != "batch-summary.json"}
    assert set(per_study) == set(by_study)
    cxr = per_study["study000.dcm"]
    assert cxr["thread_id"] == by_study["study000.dcm"]["thread_id"] and cxr["status"] == "drafted"
    assert cxr["sections"] and all(s["name"] and isinstance(s["text"], str) for s in cxr["sections"])
    assert "sections" not in by_study["study000.dcm"]  # the summary stays small
    assert per_study["notes.txt"]["status"] == "failed" and per_study["notes.txt"]["sections"] == []

    again = run_batch(batch_env, src, out)
    s2 = json.loads(again.stdout)
    assert (s2["drafted"], s2["skipped"], s2["failed"]) == (0, 4, 2)
    assert {x["thread_id"] for x in s2["results"] if x["thread_id"]} == threads
    state = Path(batch_env["CAREPATH_STATE_DIR"])
    assert check_outcome(state, out, 4) == {"threads": 4, "duplicated": 0, "lost": 0, "corrupt": 0}


def test_batch_of_nothing_usable_exits_nonzero(batch_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "junk"
    src.mkdir()
    (src / "a.txt").write_text("x")
    r = run_batch(batch_env, src, tmp_path / "out")
    assert r.returncode == 4 and json.loads(r.stdout)["failed"] == 1
    r = run_batch(batch_env, tmp_path / "missing", tmp_path / "out")
    assert r.returncode == 4 and "batch folder not found" in r.stderr and "Traceback" not in r.stderr


def test_a_folder_holding_two_studies_is_refused_not_merged(batch_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_cxr_studies(src / "mixed", 2)          # two Study UIDs in one entry
    make_cxr_studies(src / "single", 1)
    r = run_batch(batch_env, src, tmp_path / "out")
    summary = json.loads(r.stdout)
    by = {x["study"]: x for x in summary["results"]}
    assert by["mixed"]["status"] == "failed" and "holds 2 studies" in by["mixed"]["reason"]
    assert by["single"]["status"] == "drafted"


def test_two_entries_of_one_study_become_one_item_the_newest(tmp_path: Path) -> None:
    """A zip and its folder, or two PACS pulls of a study whose images changed:
    one item, drafted from the newest entry."""
    import os
    import shutil

    from carepath.workflows.batch import discover_items

    src = tmp_path / "in"
    (made,) = make_cxr_studies(src / "tmp", 1)
    old, new = src / "a-old", src / "b-new"
    for d in (old, new):
        d.mkdir()
        shutil.copy(made, d / made.name)
    shutil.rmtree(src / "tmp")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    os.utime(new, (2_000_000_000, 2_000_000_000))
    items, failed = discover_items(src, "Draft the report.")
    assert failed == [] and [Path(i.study).name for i in items] == ["b-new"]
    os.utime(old, (3_000_000_000, 3_000_000_000))
    items, _ = discover_items(src, "Draft the report.")
    assert [Path(i.study).name for i in items] == ["a-old"]
