"""Shared pytest fixtures: knowledge.

The default guideline index (open-medicine, real MiniLM) takes minutes to
embed on two cores, so it is built once per test session and cached across
runs under ~/.cache/carepath-tests, keyed by the code that shapes it (corpus,
chunking, lexical and index modules), the open-medicine version and the
embedding model. Tests only read it; tests that build write to tmp_path.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

import pytest

__all__ = ["knowledge_index_dir", "knowledge_index", "knowledge_data_dir", "guideline_pdfs"]

_SHAPING = ("corpus.py", "chunking.py", "lexical.py", "index.py", "encoder.py", "precedent.py", "questions.py")


def _cache_key() -> str:
    from carepath.knowledge import index as index_mod
    from carepath.settings import DEFAULT_EMBEDDING

    h = hashlib.sha256()
    root = Path(index_mod.__file__).parent
    for name in _SHAPING:
        h.update((root / name).read_bytes())
    for f in sorted((root / "data" / "eval").glob("*.jsonl")):  # their TUNE rows are the precedent memory
        h.update(f.read_bytes())
    h.update(metadata.version("open-medicine").encode())
    h.update(DEFAULT_EMBEDDING.encode())
    return h.hexdigest()[:16]


@pytest.fixture(scope="session")
def knowledge_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built default index directory (read-only for tests)."""
    from carepath.knowledge.index import build

    cache = Path(os.environ.get("CAREPATH_TEST_CACHE", Path.home() / ".cache" / "carepath-tests"))
    path = cache / f"knowledge-index-{_cache_key()}"
    if (path / "manifest.json").is_file():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    # Concurrent test sessions share the cache: one builds (into a temp dir,
    # renamed into place whole), the others wait on the lock and reuse it.
    with open(cache / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (path / "manifest.json").is_file():
            tmp = Path(tempfile.mkdtemp(prefix=path.name + ".", dir=cache))
            build(tmp / "index")
            os.replace(tmp / "index", path)
            shutil.rmtree(tmp, ignore_errors=True)
    return path


@pytest.fixture(scope="session")
def knowledge_index(knowledge_index_dir: Path):
    from carepath.knowledge.index import Index

    return Index.load(knowledge_index_dir)


@pytest.fixture(scope="session")
def knowledge_data_dir(knowledge_index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CAREPATH_DATA_DIR whose default index is the cached one (for CLI runs)."""
    data = tmp_path_factory.mktemp("knowledge-data")
    (data / "index").mkdir()
    (data / "index" / "default").symlink_to(knowledge_index_dir, target_is_directory=True)
    return data


@pytest.fixture(scope="session")
def guideline_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A two-page guideline PDF with a text layer, an encrypted one and junk."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = tmp_path_factory.mktemp("guideline-pdfs")
    good = out / "local_sepsis.pdf"
    c = canvas.Canvas(str(good), pagesize=A4)
    c.drawString(72, 760, "Local sepsis pathway")
    c.drawString(72, 740, "Give the first antibiotic dose within one hour of recognition.")
    c.showPage()
    c.drawString(72, 760, "Lactate should be remeasured within two to four hours if raised.")
    c.showPage()
    c.save()
    enc = out / "locked.pdf"
    w = PdfWriter()
    for page in PdfReader(str(good)).pages:
        w.add_page(page)
    w.encrypt("secret")
    with open(enc, "wb") as f:
        w.write(f)
    junk = out / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    return {"good": good, "encrypted": enc, "junk": junk}
