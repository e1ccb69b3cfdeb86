"""The guideline index on disk: FAISS over chunk vectors, passage-unit
vectors for answer selection, chunks, source documents and a manifest saying
exactly how it was built.

The build streams: documents are read, chunked and embedded a batch at a
time and vectors are appended to files, so memory holds one batch plus the
FAISS index, whatever the corpus size. Rebuilds are incremental: documents
whose checksum is unchanged keep their stored vectors (same model, same
chunking); only changed documents are re-embedded. Small corpora get an exact
inner-product index; above ``EXACT_MAX`` chunks an IVF index (trained on a
sample, filled in batches) is chosen. An index built with another embedding
model is refused: its vectors mean something else.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from carepath.errors import ConfigError, InputError
from carepath.knowledge import abbreviations, precedent, wordnet
from carepath.knowledge import encoder as enc
from carepath.knowledge.chunking import Chunk, ChunkParams, chunk_document, units
from carepath.knowledge.corpus import CorpusWarning, Document, GuidelineMeta, iter_all
from carepath.knowledge.lexical import Bm25
from carepath.models.embeddings import embed_texts, embedding_model_id, resolve_embedding_model
from carepath.settings import get_settings

INDEX_VERSION = 4  # 4: precedent.npz (the TUNE questions' vectors) with the shipped corpus
BM25_DIR = "bm25"
ABBREVIATIONS = "abbreviations.json"
EXACT_MAX = 20_000
EMBED_BATCH = 128


class UnitRow(BaseModel):
    """A quotable unit of a chunk (see ``chunking.units``), row-aligned with units.f32."""

    chunk: int
    start: int
    end: int
    lead: tuple[int, int] | None = None


class Manifest(BaseModel):
    version: int = INDEX_VERSION
    embedding_model: str
    dim: int
    normalised: bool = True
    index_type: str
    nprobe: int | None = None
    chunking: ChunkParams
    doc_checksums: dict[str, str]
    doc_rows: dict[str, tuple[int, int, int, int]] = Field(
        default_factory=dict, description="doc id → chunk rows [lo, hi) and unit rows [lo, hi)")
    chunks: int
    units: int = 0
    encoder: bool = Field(False, description="an ONNX query encoder is stored in encoder/")
    precedent: int = Field(0, description="TUNE questions stored in precedent.npz (0: not the shipped corpus alone)")
    built_at: float = Field(default_factory=time.time)
    build_seconds: float = 0.0


class BuildReport(BaseModel):
    chunks: int
    documents: int
    embedded_chunks: int
    reused_chunks: int = 0
    seconds: float
    index_type: str = ""
    warnings: list[CorpusWarning]
    path: str


def default_index_dir() -> Path:
    return get_settings().data_dir / "index" / "default"


def unit_context(heading: str, text: str, u_start: int, u_end: int, lead: tuple[int, int] | None) -> str:
    """What a unit is embedded as: its last heading, lead-in line and text."""
    head = heading.split(" > ")[-1]
    lead_text = text[lead[0]:lead[1]] + " " if lead else ""
    return f"{head}: {lead_text}{text[u_start:u_end]}"


def _quotable(text: str) -> bool:
    return not text.startswith("#") and len(re.sub(r"\W", "", text)) >= 8


Embed = Callable[[list[str]], np.ndarray]


class IndexWriter:
    """One build's output, streamed into a temporary directory: chunk and unit
    rows are written as documents arrive; their texts wait in ``pending``
    until a batch is embedded (vectors keep file order: chunks and units go to
    separate files). Documents unchanged since ``prev`` copy their vectors."""

    def __init__(self, tmp: Path, embed: Embed, params: ChunkParams, prev: Index | None) -> None:
        self.tmp, self.embed, self.params, self.prev = tmp, embed, params, prev
        self.vec = open(tmp / "vectors.f32", "wb")  # noqa: SIM115 - closed in close()
        self.uvec = open(tmp / "units.f32", "wb")  # noqa: SIM115
        self.chunks = open(tmp / "chunks.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        self.units = open(tmp / "units.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        self.docs = open(tmp / "documents.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        self.n_chunks = self.n_units = self.embedded = self.reused = 0
        self.dim: int | None = None
        self.pending: list[tuple[bool, str]] = []  # (is chunk, text) waiting to be embedded
        self.warnings: list[CorpusWarning] = []
        self.checksums: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.rows: dict[str, tuple[int, int, int, int]] = {}

    def take(self, doc: Document | None, warn: CorpusWarning | None) -> None:
        """Add one streamed corpus item (a document, a warning, or both)."""
        if warn:
            self.warnings.append(warn)
        if doc is None:
            return
        if doc.doc_id in self.checksums:
            self.warnings.append(CorpusWarning(path=doc.source, reason=f"duplicate document id {doc.doc_id}"))
            return
        chunks = chunk_document(doc, self.params)
        if not chunks:
            self.warnings.append(CorpusWarning(path=doc.source, reason="no text to index"))
            return
        self.checksums[doc.doc_id] = doc.checksum
        self.titles[doc.doc_id] = doc.meta.title
        c_lo, u_lo = self.n_chunks, self.n_units
        old = self.prev.rows_for(doc) if self.prev else None
        if old is not None:
            self._reuse(doc, chunks, old)
        else:
            self._add(doc, chunks)
        self.docs.write(doc.model_dump_json() + "\n")
        self.rows[doc.doc_id] = (c_lo, self.n_chunks, u_lo, self.n_units)

    def _reuse(self, doc: Document, chunks: list[Chunk],
               old: tuple[np.ndarray, np.ndarray, list[UnitRow]]) -> None:
        self.flush()
        cv, uv, urows = old
        self.vec.write(cv.tobytes())
        self.uvec.write(uv.tobytes())
        self.dim = self.dim or int(cv.shape[1])
        base = self.prev.manifest.doc_rows[doc.doc_id][0] if self.prev else 0
        for c in chunks:
            self.chunks.write(c.model_dump_json() + "\n")
        for r in urows:
            row = r.model_copy(update={"chunk": r.chunk - base + self.n_chunks})
            self.units.write(row.model_dump_json() + "\n")
        self.n_chunks += len(chunks)
        self.n_units += len(urows)
        self.reused += len(chunks)

    def _add(self, doc: Document, chunks: list[Chunk]) -> None:
        for c in chunks:
            self.chunks.write(c.model_dump_json() + "\n")
            self.pending.append((True, c.embed_text(doc.meta.title)))
            for u in units(doc.text, c.start, c.end):
                if not _quotable(doc.text[u.start:u.end]):
                    continue
                self.units.write(UnitRow(chunk=self.n_chunks, start=u.start, end=u.end, lead=u.lead)
                                 .model_dump_json() + "\n")
                self.pending.append((False, unit_context(c.heading, doc.text, u.start, u.end, u.lead)))
                self.n_units += 1
            self.n_chunks += 1
        self.embedded += len(chunks)
        if len(self.pending) >= EMBED_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        vecs = self.embed([t for _, t in self.pending]).astype(np.float32)
        self.dim = self.dim or int(vecs.shape[1])
        is_chunk = np.array([k for k, _ in self.pending])
        self.vec.write(vecs[is_chunk].tobytes())
        self.uvec.write(vecs[~is_chunk].tobytes())
        self.pending = []

    def close(self) -> None:
        for f in (self.vec, self.uvec, self.chunks, self.units, self.docs):
            f.close()

    def finish(self, model: str, encoder: bool, t0: float, shipped_corpus: bool = False) -> str:
        """Embed what is left, write FAISS, BM25 and the manifest; returns the FAISS kind."""
        self.flush()
        self.close()
        if not self.checksums:
            raise InputError("nothing could be indexed",
                             why="; ".join(f"{x.path}: {x.reason}" for x in self.warnings[:5]) or "no documents",
                             fix="point --corpus at folders of readable .md/.txt/.html/.pdf files")
        dim = self.dim or 0
        rows = RowFile(self.tmp / "vectors.f32", self.n_chunks, dim)
        kind, nprobe = _write_faiss(self.tmp / "vectors.faiss", rows)
        with open(self.tmp / "chunks.jsonl", encoding="utf-8") as f:
            chunks = (Chunk.model_validate_json(line) for line in f if line.strip())
            bm25 = Bm25([bm25_text(self.titles[c.doc_id], c) for c in chunks])
        bm25.save(self.tmp / BM25_DIR)
        with open(self.tmp / "documents.jsonl", encoding="utf-8") as f:
            texts = [Document.model_validate_json(line).text for line in f if line.strip()]
        (self.tmp / ABBREVIATIONS).write_text(json.dumps(abbreviations.from_texts(texts), indent=0, sort_keys=True),
                                              encoding="utf-8")
        wordnet.save(wordnet.build_table(texts, bm25.known), self.tmp)
        # what earlier questions the corpus could not answer: only its own (``knowledge.precedent``)
        n_precedent = precedent.build(self.embed, self.tmp) if shipped_corpus else 0
        manifest = Manifest(embedding_model=model, dim=dim, index_type=kind, nprobe=nprobe, chunking=self.params,
                            doc_checksums=self.checksums, doc_rows=self.rows, chunks=self.n_chunks,
                            units=self.n_units, encoder=encoder, precedent=n_precedent, build_seconds=time.perf_counter() - t0)
        (self.tmp / "manifest.json").write_text(manifest.model_dump_json(indent=1), encoding="utf-8")
        return kind


def bm25_text(title: str, chunk: Chunk) -> str:
    """What BM25 indexes for a chunk: guideline title, heading path and text."""
    return f"{title} {chunk.heading} {chunk.text}"


def _build_embedder(tmp: Path) -> tuple[Embed, bool]:
    """The ONNX export of the configured model when it has one (it is then also
    the query encoder), else sentence-transformers."""
    model = embedding_model_id()
    if enc.ensure_export(model, Path(resolve_embedding_model(model)), tmp):
        onnx = enc.load(tmp)
        if onnx is not None:
            return onnx, True
    return (lambda texts: embed_texts(texts, batch_size=64)), False


def build(index_dir: Path | None = None, extra_corpora: list[Path] | None = None, *,
          rebuild: bool = False, params: ChunkParams | None = None, default_corpus: bool = True,
          progress: Callable[[int, int | None], None] | None = None,
          embed: Embed | None = None,
          documents: Iterator[tuple[Document | None, CorpusWarning | None]] | None = None) -> BuildReport:
    """Build or update the index at ``index_dir`` from the default corpus and
    ``extra_corpora`` (or from ``documents`` when given). ``progress(done,
    total)`` gets chunk counts (total unknown while streaming). ``embed``
    replaces the model (benchmarks); the index then has no query encoder."""
    t0 = time.perf_counter()
    index_dir = Path(index_dir or default_index_dir())
    params = params or ChunkParams()
    model = embedding_model_id()
    prev = _previous(index_dir, model, params) if not rebuild else None
    tmp = index_dir.parent / f".{index_dir.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    w: IndexWriter | None = None
    try:
        embed_fn, has_encoder = (embed, False) if embed else _build_embedder(tmp)
        w = IndexWriter(tmp, embed_fn, params, prev)
        for doc, warn in documents if documents is not None else iter_all(extra_corpora, default=default_corpus):
            w.take(doc, warn)
            if progress and doc is not None:
                progress(w.n_chunks, None)
        kind = w.finish(model, has_encoder, t0, shipped_corpus=documents is None and default_corpus and not extra_corpora)
        _swap(tmp, index_dir)
    except BaseException:
        if w is not None:
            w.close()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildReport(chunks=w.n_chunks, documents=len(w.checksums), embedded_chunks=w.embedded,
                       reused_chunks=w.reused, seconds=time.perf_counter() - t0, index_type=kind,
                       warnings=w.warnings, path=str(index_dir))


def _previous(index_dir: Path, model: str, params: ChunkParams) -> Index | None:
    if not (index_dir / "manifest.json").is_file():
        return None
    try:
        prev = Index.load(index_dir)
    except (ConfigError, InputError, OSError, ValueError):
        return None
    if prev.manifest.embedding_model != model or prev.manifest.chunking != params:
        return None
    return prev


def _swap(tmp: Path, index_dir: Path) -> None:
    """Replace the index directory in two renames (readers see old or new)."""
    old = index_dir.parent / f".{index_dir.name}.old-{os.getpid()}"
    if index_dir.exists():
        index_dir.rename(old)
    tmp.rename(index_dir)
    shutil.rmtree(old, ignore_errors=True)


class RowFile:
    """Rows of a float32 matrix file read on demand (slices or sorted row
    arrays); unlike a memory map, rows read do not stay resident."""

    def __init__(self, path: Path, n: int, dim: int) -> None:
        self.path, self.shape = path, (n, dim)

    def __getitem__(self, key: slice | np.ndarray) -> np.ndarray:
        n, dim = self.shape
        with open(self.path, "rb") as f:
            if isinstance(key, slice):
                lo, hi, _ = key.indices(n)
                f.seek(lo * dim * 4)
                return np.fromfile(f, dtype=np.float32, count=(hi - lo) * dim).reshape(-1, dim)
            out = np.empty((len(key), dim), dtype=np.float32)
            for j, i in enumerate(key):
                f.seek(int(i) * dim * 4)
                out[j] = np.fromfile(f, dtype=np.float32, count=dim)
            return out


def choose_index(n: int, dim: int) -> tuple[Any, str]:
    """Exact below ``EXACT_MAX`` vectors; IVF with ≈√n inverted lists above."""
    import faiss  # heavy: native FAISS library, only when an index is built

    if n < EXACT_MAX:
        return faiss.IndexFlatIP(dim), "flat_ip"
    nlist = int(2 ** round(math.log2(math.sqrt(n))))
    idx = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
    idx.cp.niter = 10
    return idx, f"ivf{nlist}_flat_ip"


def train_and_fill(idx: Any, vectors: np.ndarray, batch: int = 20_000) -> None:
    """Train on a fixed sample (40 vectors per list), then add in batches so
    a memory-mapped ``vectors`` is never read whole."""
    n = vectors.shape[0]
    if not idx.is_trained:
        rng = np.random.default_rng(0)
        sample = np.sort(rng.choice(n, size=min(n, 40 * idx.nlist), replace=False))
        idx.train(np.ascontiguousarray(vectors[sample]))
    for b in range(0, n, batch):
        idx.add(np.ascontiguousarray(vectors[b:b + batch]))


def calibrate_nprobe(idx: Any, vectors: np.ndarray, target: float = 0.95, k: int = 10,
                     queries: int = 200) -> int:
    """Smallest power-of-two nprobe whose recall@k against exact search reaches
    ``target`` on perturbed copies of indexed vectors (queries look like the
    corpus, as real questions about it do)."""
    import faiss  # heavy: native FAISS library, only when an index is built

    n, dim = vectors.shape
    rng = np.random.default_rng(1)
    rows = np.sort(rng.choice(n, size=min(queries, n), replace=False))
    q = np.ascontiguousarray(vectors[rows]) + rng.normal(0, 0.02, (len(rows), dim)).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    truth = np.empty((len(q), k), dtype=np.int64)
    best = np.full((len(q), k), -np.inf, dtype=np.float32)
    for b in range(0, n, 20_000):  # exact top-k in slices: memory stays one slice
        s, i = faiss.knn(q, np.ascontiguousarray(vectors[b:b + 20_000]), k, metric=faiss.METRIC_INNER_PRODUCT)
        allv = np.concatenate([best, s], axis=1)
        alli = np.concatenate([truth if b else np.zeros_like(truth), i + b], axis=1)
        top = np.argsort(-allv, axis=1)[:, :k]
        best = np.take_along_axis(allv, top, axis=1)
        truth = np.take_along_axis(alli, top, axis=1)
    nprobe = 1
    while nprobe < idx.nlist:
        idx.nprobe = nprobe
        _, got = idx.search(q, k)
        recall = np.mean([len(set(a) & set(b)) / k for a, b in zip(got, truth)])
        if recall >= target:
            break
        nprobe *= 2
    idx.nprobe = min(nprobe, idx.nlist)
    return idx.nprobe


def _write_faiss(path: Path, vectors: np.ndarray) -> tuple[str, int | None]:
    import faiss  # heavy: native FAISS library, only when an index is built

    n, dim = vectors.shape
    idx, kind = choose_index(n, dim)
    train_and_fill(idx, vectors)
    nprobe = calibrate_nprobe(idx, vectors) if kind != "flat_ip" else None
    faiss.write_index(idx, str(path))
    return kind, nprobe


class Index:
    """A loaded index: chunks, documents, chunk and unit vectors, FAISS and BM25."""

    def __init__(self, path: Path, manifest: Manifest, chunks: list[Chunk], documents: dict[str, Document],
                 vectors: np.ndarray, faiss_index: Any, unit_rows: list[UnitRow],
                 unit_vectors: np.ndarray) -> None:
        self.path = path
        self.manifest = manifest
        self.chunks = chunks
        self.documents = documents
        self.vectors = vectors
        self.faiss = faiss_index  # loaded on first IVF search (see ``dense``)
        self.unit_rows = unit_rows
        self.unit_vecs = unit_vectors
        self._bm25: Bm25 | None = None
        self._units_by_chunk: dict[int, list[int]] | None = None
        self._chunks_by_guideline: dict[str, list[int]] | None = None
        self._encoder: Callable[[list[str]], np.ndarray] | None = None
        self._abbreviations: dict[str, str] | None = None
        self._wordnet: dict[str, list[str]] | None = None
        self._precedent: precedent.Memory | None | bool = False  # False: not loaded yet

    @classmethod
    def load(cls, path: Path | None = None, *, check_model: bool = True) -> Index:
        path = Path(path or default_index_dir())
        mpath = path / "manifest.json"
        if not mpath.is_file():
            raise InputError("no guideline index", subject=str(path), fix="run `carepath index` first")
        try:
            raw = json.loads(mpath.read_text("utf-8"))
        except ValueError as exc:
            raise InputError("guideline index manifest is unreadable", subject=str(mpath),
                             why=str(exc).splitlines()[0], fix="rebuild: carepath index --rebuild") from None
        if raw.get("version") != INDEX_VERSION:
            raise ConfigError("guideline index has an older format", subject=str(path),
                              why=f"version {raw.get('version')}, this carepath reads {INDEX_VERSION}",
                              fix="rebuild: carepath index --rebuild")
        manifest = Manifest.model_validate(raw)
        if check_model and manifest.embedding_model != embedding_model_id():
            raise ConfigError(
                "guideline index was built with another embedding model", subject=str(path),
                why=f"index: {manifest.embedding_model}; configured: {embedding_model_id()}",
                fix="rebuild it (carepath index --rebuild) or set CAREPATH_EMBEDDINGS__MODEL "
                    f"back to {manifest.embedding_model}")
        chunks = [Chunk.model_validate_json(line) for line in
                  (path / "chunks.jsonl").read_text("utf-8").splitlines() if line.strip()]
        docs: dict[str, Document] = {}
        for line in (path / "documents.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                d = Document.model_validate_json(line)
                docs[d.doc_id] = d
        unit_rows = [UnitRow.model_validate_json(line) for line in
                     (path / "units.jsonl").read_text("utf-8").splitlines() if line.strip()]
        dim = manifest.dim
        vectors = np.fromfile(path / "vectors.f32", dtype=np.float32).reshape(-1, dim)
        uvecs = np.fromfile(path / "units.f32", dtype=np.float32).reshape(-1, dim)
        return cls(path, manifest, chunks, docs, vectors, None, unit_rows, uvecs)

    def rows_for(self, doc: Document) -> tuple[np.ndarray, np.ndarray, list[UnitRow]] | None:
        """Stored vectors of ``doc`` when its text is unchanged, else None."""
        if self.manifest.doc_checksums.get(doc.doc_id) != doc.checksum:
            return None
        c_lo, c_hi, u_lo, u_hi = self.manifest.doc_rows[doc.doc_id]
        return self.vectors[c_lo:c_hi], self.unit_vecs[u_lo:u_hi], self.unit_rows[u_lo:u_hi]

    def meta(self, chunk: Chunk) -> GuidelineMeta:
        return self.documents[chunk.doc_id].meta

    def units_of(self, chunk_row: int) -> list[int]:
        if self._units_by_chunk is None:
            by: dict[int, list[int]] = {}
            for i, r in enumerate(self.unit_rows):
                by.setdefault(r.chunk, []).append(i)
            self._units_by_chunk = by
        return self._units_by_chunk.get(chunk_row, [])

    def chunks_of(self, guideline_id: str) -> list[int]:
        """Chunk rows of one guideline (all its sections)."""
        if self._chunks_by_guideline is None:
            by: dict[str, list[int]] = {}
            for i, c in enumerate(self.chunks):
                by.setdefault(self.meta(c).guideline_id, []).append(i)
            self._chunks_by_guideline = by
        return self._chunks_by_guideline.get(guideline_id, [])

    def dense(self, qvec: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Top-``k`` chunks by inner product. An exact (flat) index is searched
        as the matrix product it is, without importing FAISS (≈0.3 s of a cold
        ``carepath ask``; identical results); IVF indexes go through FAISS."""
        if self.manifest.index_type == "flat_ip":
            scores = np.einsum("ij,j->i", self.vectors, qvec.astype(np.float32))  # no BLAS thread pool
            k = min(k, len(scores))
            top = np.argpartition(-scores, k - 1)[:k] if k else np.array([], dtype=int)
            top = top[np.argsort(-scores[top], kind="stable")]
            return [(int(i), float(scores[i])) for i in top]
        if self.faiss is None:
            import faiss  # heavy: native library, only for IVF indexes

            self.faiss = faiss.read_index(str(self.path / "vectors.faiss"))
            if self.manifest.nprobe:
                self.faiss.nprobe = self.manifest.nprobe
        scores, ids = self.faiss.search(qvec.reshape(1, -1).astype(np.float32), k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    @property
    def bm25(self) -> Bm25:
        if self._bm25 is None:
            saved = self.path / BM25_DIR
            self._bm25 = Bm25.load(saved) if saved.is_dir() else \
                Bm25([bm25_text(self.meta(c).title, c) for c in self.chunks])
        return self._bm25

    @property
    def abbreviations(self) -> dict[str, str]:
        """Abbreviations the corpus defines itself (see ``knowledge.abbreviations``)."""
        if self._abbreviations is None:
            f = self.path / ABBREVIATIONS
            self._abbreviations = json.loads(f.read_text("utf-8")) if f.is_file() else {}
        return self._abbreviations

    @property
    def wordnet(self) -> dict[str, list[str]]:
        """WordNet phrases the corpus never uses -> the synonyms it does (``knowledge.wordnet``)."""
        if self._wordnet is None:
            self._wordnet = wordnet.load(self.path)
        return self._wordnet

    @property
    def precedent(self) -> precedent.Memory | None:
        """The TUNE questions this index was built with (``knowledge.precedent``; None for another corpus)."""
        if self._precedent is False:
            self._precedent = precedent.load(self.path) if self.manifest.precedent else None
        return self._precedent  # type: ignore[return-value]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Vectors from the encoder this index was built with: its ONNX export
        when stored, else the configured sentence-transformers model."""
        if self._encoder is None:
            onnx = enc.load(self.path) if self.manifest.encoder else None
            self._encoder = onnx if onnx is not None else embed_texts
        return self._encoder(texts)

    def lexical(self, query: str, k: int) -> list[tuple[int, float]]:
        return self.bm25.search(query, k)


def load_or_build(path: Path | None = None) -> Index:
    path = Path(path or default_index_dir())
    if not (path / "manifest.json").is_file():
        build(path)
    return Index.load(path)
