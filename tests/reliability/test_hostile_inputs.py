"""Every hostile input in the corpus (see corpus.py) ends in a typed error
that names the input, or is read with per-file problems: never an uncaught
exception, a traceback or an unexpected exit code.

The figure ``hostile inputs tried / crashed`` is written to
``$CAREPATH_FIGURES_DIR/hostile_inputs.json`` when that variable is set
(``make reliability`` prints it)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reliability import corpus

from reliability.conftest import LONG
from support.docs_fixtures import openslide_fixtures  # shared-cache safe under pytest-xdist


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[corpus.Outcome]:
    tmp = tmp_path_factory.mktemp("hostile")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPATH_")}
    env.update({"CAREPATH_DATA_DIR": str(tmp / "data"), "CAREPATH_STATE_DIR": str(tmp / "state"),
                "CAREPATH_IMAGING__BACKEND": "none", "CAREPATH_ASR__BACKEND": "none",
                "HF_HUB_OFFLINE": "1"})
    cases = corpus.all_cases(everything=LONG, slide_fixtures=openslide_fixtures())
    out = [corpus.attempt(c, tmp, cli_env=env) for c in cases]
    if figures := os.environ.get("CAREPATH_FIGURES_DIR"):
        by_kind: dict[str, int] = {}
        for o in out:
            by_kind[o.kind] = by_kind.get(o.kind, 0) + 1
        Path(figures).mkdir(parents=True, exist_ok=True)
        (Path(figures) / "hostile_inputs.json").write_text(json.dumps({
            "tried": len(out), "crashed": sum(o.result == "crashed" for o in out),
            "typed": sum(o.result == "typed" for o in out), "by_kind": by_kind}))
    return out


def test_no_hostile_input_crashes(outcomes: list[corpus.Outcome]) -> None:
    crashed = [o for o in outcomes if o.result == "crashed"]
    assert not crashed, "\n".join(f"{o.kind}:{o.name}: {o.detail}" for o in crashed)


def test_corpus_covers_every_kind(outcomes: list[corpus.Outcome]) -> None:
    kinds = {o.kind for o in outcomes}
    assert kinds == {"dicom", "study", "audio", "pdf", "fhir", "slide", "image", "boxes", "cli"}
    assert len(outcomes) >= 150
    names = {o.name for o in outcomes}
    for real in ("pydicom:MR_truncated.dcm", "pydicom:badVR.dcm", "pydicom:no_meta.dcm",
                 "pydicom:rtplan_truncated.dcm", "openslide:unreadable.svs", "openslide:unopenable.tiff"):
        assert real in names


def _one(outcomes: list[corpus.Outcome], kind: str, name: str) -> corpus.Outcome:
    return next(o for o in outcomes if o.kind == kind and o.name == name)


@pytest.mark.parametrize(("kind", "name", "what"), [
    ("dicom", "zero-length", "not a DICOM file"),
    ("dicom", "deep-sequences", "unreadable DICOM file"),
    ("dicom", "pydicom:no_meta.dcm", "not a DICOM file"),
    ("pdf", "encrypted-aes256", "encrypted PDF"),
    ("pdf", "truncated-half", "damaged PDF"),
    ("pdf", "flate-bomb-1GiB", "PDF content too large"),
    ("fhir", "patient-not-bundle", "wrong FHIR resourceType"),
    ("fhir", "deep-nesting-200k", "not a FHIR bundle"),
    ("fhir", "entry-is-number", "invalid FHIR R4 Bundle"),
    ("audio", "zero-length", "audio file is empty"),
    ("audio", "truncated-wav", "damaged"),
    ("slide", "openslide:unreadable.svs", "slide"),
    ("cli", "sign-unknown-thread", "unknown draft"),
    ("image", "png-decompression-bomb-10^10px", "image too large"),
    ("image", "png-huge-text-chunk", "unreadable image"),
    ("dicom", "j2k-claims-32TiB", "image too large to decode"),
])
def test_typed_errors_say_what_and_which(outcomes: list[corpus.Outcome], kind: str, name: str,
                                         what: str) -> None:
    o = _one(outcomes, kind, name)
    assert o.result == "typed" and what in o.detail, o


def _problems(o: corpus.Outcome) -> int:
    return int(o.detail.split(", ")[1].split()[0])


@pytest.mark.parametrize("name", ["zip-path-traversal", "zip-absolute-path", "zip-backslash-traversal",
                                  "zip-drive-letter", "zip-symlink-entry", "zip-bomb-256MiB",
                                  "zip-too-many-entries", "zip-nested-traversal"])
def test_unsafe_zips_yield_no_series(outcomes: list[corpus.Outcome], name: str) -> None:
    o = _one(outcomes, "study", name)
    assert o.result == "accepted" and o.detail.startswith("0 series") and _problems(o) >= 1, o


def test_symlinks_out_of_the_study_folder_are_not_followed(outcomes: list[corpus.Outcome]) -> None:
    o = _one(outcomes, "study", "symlinks-outside-folder")
    # the other patient's CT (a valid DICOM file) must not become a series of this study
    assert o.detail.startswith("0 series") and _problems(o) == 4, o


def test_zip_bomb_stops_early(tmp_path: Path) -> None:
    from carepath.tools.dicom import study

    bomb = next(c for c in corpus.study_cases() if c.name == "zip-bomb-256MiB").build(tmp_path)
    scratch = tmp_path / "scratch"
    ss = study.discover(bomb, scratch)
    assert "zip bomb" in ss.problems[0]
    written = sum(f.stat().st_size for f in scratch.rglob("*") if f.is_file())
    assert written <= study.MAX_RATIO_FLOOR + (1 << 20)
