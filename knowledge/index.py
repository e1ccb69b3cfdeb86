"""The guideline index on disk: FAISS vectors, BM25 postings, chunks, source
documents and a manifest saying exactly how it was built.

An index built with another embedding model is refused (its vectors mean
something else). Rebuilds are incremental: chunks of documents whose checksum
did not change keep their stored vectors; only changed documents are
re-embedded. Small corpora get an exact inner-product index; above
``HNSW_THRESHOLD`` chunks an HNSW graph is used.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from carepath.errors import ConfigError, InputError
from carepath.knowledge.chunking import Chunk, ChunkParams, chunk_document
from carepath.knowledge.corpus import CorpusWarning, Document, GuidelineMeta, iter_all

INDEX_VERSION = 1
HNSW_THRESHOLD = 50_000


class Manifest(BaseModel):
    version: int = INDEX_VERSION
    embedding_model: str
    dim: int
    normalised: bool = True
    index_type: str
    chunking: ChunkParams
    doc_checksums: dict[str, str]
    chunks: int
    built_at: float = Field(default_factory=time.time)
    build_seconds: float = 0.0


class BuildReport(BaseModel):
    chunks: int
    documents: int
    embedded_chunks: int
    seconds: float
    warnings: list[CorpusWarning]
    path: str


def default_index_dir() -> Path:
    from carepath.settings import get_settings

    return get_settings().data_dir / "index" / "default"


def build(index_dir: Path | None = None, extra_corpora: list[Path] | None = None, *,
          rebuild: bool = False, params: ChunkParams | None = None,
          progress: Callable[[int, int], None] | None = None) -> BuildReport:
    from carepath.models.embeddings import embed_texts, embedding_model_id

    t0 = time.perf_counter()
    index_dir = index_dir or default_index_dir()
    params = params or ChunkParams()
    docs: list[Document] = []
    warnings: list[CorpusWarning] = []
    for d, w in iter_all(extra_corpora):
        docs += d
        warnings += w
    if not docs:
        raise InputError("nothing could be indexed", subject=", ".join(map(str, extra_corpora or [])),
                         why="; ".join(f"{w.path}: {w.reason}" for w in warnings[:5]) or "no documents",
                         fix="point --corpus at folders of readable .md/.txt/.html/.pdf files")
    model = embedding_model_id()
    old: dict[str, np.ndarray] = {}
    if not rebuild and (index_dir / "manifest.json").is_file():
        try:
            prev = Index.load(index_dir)
            if prev.manifest.chunking == params:
                keep = {d.doc_id for d in docs
                        if prev.manifest.doc_checksums.get(d.doc_id) == d.checksum}
                for i, c in enumerate(prev.chunks):
                    if c.doc_id in keep:
                        old[c.chunk_id] = prev.vectors[i]
        except (ConfigError, InputError):
            old = {}
    chunks: list[Chunk] = []
    titles: dict[str, str] = {d.doc_id: d.meta.title for d in docs}
    for d in docs:
        chunks += chunk_document(d, params)
    todo = [i for i, c in enumerate(chunks) if c.chunk_id not in old]
    dim = None
    vectors = np.zeros((len(chunks), 384), dtype=np.float32)
    batch = 128
    for b in range(0, len(todo), batch):
        ids = todo[b:b + batch]
        vecs = embed_texts([chunks[i].embed_text(titles[chunks[i].doc_id]) for i in ids])
        if dim is None:
            dim = vecs.shape[1]
            if dim != vectors.shape[1]:
                vectors = np.zeros((len(chunks), dim), dtype=np.float32)
        vectors[ids] = vecs
        if progress:
            progress(min(b + batch, len(todo)), len(todo))
    for i, c in enumerate(chunks):
        if c.chunk_id in old:
            if old[c.chunk_id].shape[0] != vectors.shape[1]:
                vectors = np.zeros((len(chunks), old[c.chunk_id].shape[0]), dtype=np.float32)
            vectors[i] = old[c.chunk_id]
    if progress and not todo:
        progress(0, 0)
    _write(index_dir, docs, chunks, vectors, model, params, time.perf_counter() - t0)
    return BuildReport(chunks=len(chunks), documents=len(docs), embedded_chunks=len(todo),
                       seconds=time.perf_counter() - t0, warnings=warnings, path=str(index_dir))


def _faiss_index(vectors: np.ndarray) -> tuple[object, str]:
    import faiss

    n, dim = vectors.shape
    if n >= HNSW_THRESHOLD:
        idx = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        idx.hnsw.efConstruction = 80
        idx.hnsw.efSearch = 128
        kind = "hnsw32"
    else:
        idx = faiss.IndexFlatIP(dim)
        kind = "flat_ip"
    idx.add(vectors)
    return idx, kind


def _write(index_dir: Path, docs: list[Document], chunks: list[Chunk], vectors: np.ndarray,
           model: str, params: ChunkParams, seconds: float) -> None:
    import faiss

    from carepath.workflows.atomic import write_bytes, write_text

    index_dir.mkdir(parents=True, exist_ok=True)
    idx, kind = _faiss_index(vectors)
    write_bytes(index_dir / "vectors.faiss", faiss.serialize_index(idx).tobytes())
    import io

    buf = io.BytesIO()
    np.save(buf, vectors)
    write_bytes(index_dir / "vectors.npy", buf.getvalue())
    write_text(index_dir / "chunks.jsonl", "\n".join(c.model_dump_json() for c in chunks) + "\n")
    write_text(index_dir / "documents.jsonl", "\n".join(d.model_dump_json() for d in docs) + "\n")
    manifest = Manifest(embedding_model=model, dim=int(vectors.shape[1]), index_type=kind,
                        chunking=params, doc_checksums={d.doc_id: d.checksum for d in docs},
                        chunks=len(chunks), build_seconds=seconds)
    write_text(index_dir / "manifest.json", manifest.model_dump_json(indent=2))  # last: commit point


class Index:
    """A loaded index: chunks, documents, vectors, FAISS and BM25."""

    def __init__(self, path: Path, manifest: Manifest, chunks: list[Chunk],
                 documents: dict[str, Document], vectors: np.ndarray, faiss_index: object) -> None:
        self.path = path
        self.manifest = manifest
        self.chunks = chunks
        self.documents = documents
        self.vectors = vectors
        self.faiss = faiss_index
        self._bm25 = None

    @classmethod
    def load(cls, path: Path | None = None, *, check_model: bool = True) -> Index:
        import faiss

        from carepath.models.embeddings import embedding_model_id

        path = path or default_index_dir()
        mpath = path / "manifest.json"
        if not mpath.is_file():
            raise InputError("no guideline index", subject=str(path),
                             fix="run `carepath index` first")
        try:
            manifest = Manifest.model_validate_json(mpath.read_text("utf-8"))
        except ValueError as exc:
            raise InputError("guideline index manifest is unreadable", subject=str(mpath),
                             why=str(exc).splitlines()[0], fix="rebuild: carepath index --rebuild") from None
        if manifest.version != INDEX_VERSION:
            raise ConfigError("guideline index has an old format", subject=str(path),
                              fix="rebuild: carepath index --rebuild")
        if check_model and manifest.embedding_model != embedding_model_id():
            raise ConfigError(
                "guideline index was built with another embedding model", subject=str(path),
                why=f"index: {manifest.embedding_model}; configured: {embedding_model_id()}",
                fix="rebuild it (carepath index --rebuild) or set CAREPATH_EMBEDDINGS__MODEL "
                    f"back to {manifest.embedding_model}")
        chunks = [Chunk.model_validate_json(line) for line in
                  (path / "chunks.jsonl").read_text("utf-8").splitlines() if line.strip()]
        docs = {}
        for line in (path / "documents.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                d = Document.model_validate_json(line)
                docs[d.doc_id] = d
        vectors = np.load(path / "vectors.npy")
        idx = faiss.deserialize_index(np.frombuffer((path / "vectors.faiss").read_bytes(), dtype=np.uint8))
        return cls(path, manifest, chunks, docs, vectors, idx)

    def meta(self, chunk: Chunk) -> GuidelineMeta:
        return self.documents[chunk.doc_id].meta

    def dense(self, qvec: np.ndarray, k: int) -> list[tuple[int, float]]:
        scores, ids = self.faiss.search(qvec.reshape(1, -1).astype(np.float32), k)  # type: ignore[attr-defined]
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def lexical(self, query: str, k: int) -> list[tuple[int, float]]:
        import logging

        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it forces DEBUG on import

        if self._bm25 is None:
            corpus = [f"{self.meta(c).title} {c.heading} {c.text}" for c in self.chunks]
            retriever = bm25s.BM25()
            retriever.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False),
                            show_progress=False)
            self._bm25 = retriever
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return []
        res, scores = self._bm25.retrieve(tokens, k=min(k, len(self.chunks)), show_progress=False)
        return [(int(i), float(s)) for i, s in zip(res[0], scores[0]) if s > 0]


def load_or_build(path: Path | None = None) -> Index:
    path = path or default_index_dir()
    if not (path / "manifest.json").is_file():
        build(path)
    return Index.load(path)


