"""Guideline documents and their registry.

The default corpus is the guideline content shipped in the PyPI package
``open-medicine`` (43 guidelines, one Markdown file per section, registry ids
such as ``ats_idsa_cap_2019`` used as citation ids). Extra corpora are folders
of Markdown/text/HTML/PDF files; a file that cannot be read becomes a warning,
never a failure of the whole build.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from pydantic import BaseModel, Field

from carepath.bundled import open_medicine_root


class GuidelineMeta(BaseModel):
    guideline_id: str
    title: str
    organization: str | None = None
    year: int | None = None
    doi: str | None = None
    url: str | None = None
    licence: str | None = None
    topics: list[str] = Field(default_factory=list)


class Document(BaseModel):
    """One source text (a guideline section); quotes are spans of ``text``."""

    doc_id: str
    section: str
    meta: GuidelineMeta
    text: str
    source: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class CorpusWarning(BaseModel):
    path: str
    reason: str


Item = tuple[Document | None, CorpusWarning | None]


def _collect(items: Iterator[Item]) -> tuple[list[Document], list[CorpusWarning]]:
    docs: list[Document] = []
    warnings: list[CorpusWarning] = []
    for doc, warn in items:
        if doc:
            docs.append(doc)
        if warn:
            warnings.append(warn)
    return docs, warnings


def iter_default() -> Iterator[Item]:
    """The open-medicine guidelines, one section document at a time."""
    root = open_medicine_root()
    registry = json.loads((root / "registry.json").read_text(encoding="utf-8"))
    for entry in registry:
        meta = GuidelineMeta(guideline_id=entry["id"], title=entry["title"],
                             organization=entry.get("organization"), year=entry.get("year"),
                             doi=entry.get("doi"), licence="MIT (open-medicine summaries)",
                             topics=entry.get("topics", []))
        folder = root / "content" / entry["id"]
        if not folder.is_dir():
            yield None, CorpusWarning(path=str(folder), reason="registry entry points nowhere")
            continue
        for f in sorted(folder.glob("*.md")):
            yield _read_text_file(f, meta, f"{entry['id']}/{f.stem}", f.stem)


def load_folder(folder: Path) -> tuple[list[Document], list[CorpusWarning]]:
    return _collect(iter_folder(folder))


def iter_folder(folder: Path) -> Iterator[Item]:
    """Any folder of .md/.txt/.html/.pdf; optional ``registry.json`` (list of
    {id, title, organization, year, doi, url, licence}) keyed by sub-folder
    or file stem."""
    folder = Path(folder)
    reg: dict[str, dict] = {}
    if (folder / "registry.json").is_file():
        try:
            reg = {e["id"]: e for e in json.loads((folder / "registry.json").read_text("utf-8"))}
        except (ValueError, KeyError, TypeError) as exc:
            yield None, CorpusWarning(path=str(folder / "registry.json"),
                                      reason=f"registry unreadable ({type(exc).__name__}); files indexed "
                                             "without titles")
    for key in reg:
        if not (folder / key).exists() and not list(folder.glob(f"{key}.*")):
            yield None, CorpusWarning(path=str(folder / key), reason="registry entry points nowhere")
    for f in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "registry.json"):
        rel = f.relative_to(folder)
        gid = rel.parts[0] if len(rel.parts) > 1 else f.stem
        e = reg.get(gid, {})
        meta = GuidelineMeta(guideline_id=_slug(gid), title=e.get("title") or gid.replace("_", " "),
                             organization=e.get("organization"), year=e.get("year"),
                             doi=e.get("doi"), url=e.get("url"), licence=e.get("licence"))
        doc_id = f"{meta.guideline_id}/{_slug(f.stem)}"
        suffix = f.suffix.lower()
        if suffix in (".md", ".txt", ".markdown"):
            doc, warn = _read_text_file(f, meta, doc_id, f.stem)
        elif suffix in (".html", ".htm"):
            doc, warn = _read_html(f, meta, doc_id)
        elif suffix == ".pdf":
            doc, warn = _read_pdf(f, meta, doc_id)
        else:
            doc, warn = None, CorpusWarning(path=str(f), reason=f"unsupported file type {suffix or '(none)'}")
        yield doc, warn


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", s.lower()).strip("_") or "doc"


def _looks_binary(raw: bytes) -> bool:
    return b"\x00" in raw[:4096]


def _read_text_file(f: Path, meta: GuidelineMeta, doc_id: str,
                    section: str) -> tuple[Document | None, CorpusWarning | None]:
    try:
        raw = f.read_bytes()
    except OSError as exc:
        return None, CorpusWarning(path=str(f), reason=f"unreadable: {exc.strerror}")
    if not raw.strip():
        return None, CorpusWarning(path=str(f), reason="empty file")
    if _looks_binary(raw):
        return None, CorpusWarning(path=str(f), reason="binary content, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, CorpusWarning(path=str(f), reason="not UTF-8 text (re-save as UTF-8)")
    return Document(doc_id=doc_id, section=section, meta=meta, text=text, source=str(f)), None


def _read_html(f: Path, meta: GuidelineMeta, doc_id: str) -> tuple[Document | None, CorpusWarning | None]:
    doc, warn = _read_text_file(f, meta, doc_id, f.stem)
    if doc is None:
        return None, warn

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.out: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in ("script", "style"):
                self.skip += 1
            elif tag in ("h1", "h2", "h3", "h4"):
                self.out.append("\n" + "#" * int(tag[1]) + " ")
            elif tag in ("p", "li", "br", "tr"):
                self.out.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style"):
                self.skip = max(0, self.skip - 1)

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.out.append(data)

    p = _Text()
    p.feed(doc.text)
    text = re.sub(r"\n{3,}", "\n\n", "".join(p.out)).strip()
    if not text:
        return None, CorpusWarning(path=str(f), reason="HTML has no text")
    return doc.model_copy(update={"text": text}), None


def _read_pdf(f: Path, meta: GuidelineMeta, doc_id: str) -> tuple[Document | None, CorpusWarning | None]:
    try:
        from pypdf import PdfReader  # lazy: pypdf (~0.15 s) only for the few PDF guidelines, at index build

        reader = PdfReader(str(f))
        if reader.is_encrypted and not reader.decrypt(""):
            return None, CorpusWarning(path=str(f), reason="encrypted PDF (decrypt it first)")
        pages = [f"## Page {i}\n\n{(p.extract_text() or '').strip()}"
                 for i, p in enumerate(reader.pages, 1)]
    except Exception as exc:  # noqa: BLE001 - hostile files: any failure is a per-file warning
        return None, CorpusWarning(path=str(f), reason=f"unreadable PDF ({type(exc).__name__})")
    text = "\n\n".join(pages)
    if not re.sub(r"## Page \d+", "", text).strip():
        return None, CorpusWarning(path=str(f), reason="PDF has no text layer (scanned?)")
    return Document(doc_id=doc_id, section=f.stem, meta=meta, text=text, source=str(f)), None


def iter_all(extra: list[Path] | None = None, default: bool = True) -> Iterator[Item]:
    """Every document of the default corpus (unless ``default=False``) and of
    each extra folder, streamed: nothing holds the whole corpus in memory."""
    if default:
        yield from iter_default()
    for folder in extra or []:
        yield from iter_folder(folder)
