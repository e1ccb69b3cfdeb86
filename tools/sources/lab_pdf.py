"""Reading lab-report PDFs: the input gate, the text layer, page images.

Text-layer pages are parsed deterministically from word positions
(pdfplumber): words are grouped into visual lines, and each line is read
left to right as one or more results — a test name, one value, then unit,
reference range and flag in any order. This reads ruled tables, side-by-side
columns and narrative lines alike, and every result keeps the bounding box of
the words it came from. Pages without a text layer (scans) are rasterised
for the model; nothing here calls a model.
"""

from __future__ import annotations

import logging
import re
import zlib
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from carepath.errors import InputError
from carepath.tools.sources import loinc

Flag = Literal["H", "L", "A", "normal"]  # A: printed abnormal, direction neither printed nor in a range

# pdfminer's DEBUG records quote raw page content (names, birth dates on the
# report header): keep them out of carepath's logs whatever the root level.
for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).setLevel(logging.WARNING)

# --- token classes -------------------------------------------------------------

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_VALUE = re.compile(rf"^(?P<cmp>[<>]=?|≤|≥)?(?P<num>-?(?:{_NUM}))(?P<flag>\*?(?:HH|LL|H|L))?$")
_RANGE_TOKEN = re.compile(rf"^[(\[]?(?P<lo>{_NUM})\s*(?:-|–|—|to)\s*(?P<hi>{_NUM})[)\],;]*$")
_BOUND_TOKEN = re.compile(rf"^[(\[]?(?P<op>[<>]=?|≤|≥)\s*(?P<v>{_NUM})[)\],;]*$")
_DASH = {"-", "–", "—", "to"}
_FLAGS = {"h": "H", "l": "L", "hh": "H", "ll": "L", "high": "H", "low": "L", "*h": "H", "*l": "L",
          "(h)": "H", "(l)": "L", "[h]": "H", "[l]": "L", "n": "normal", "normal": "normal",
          "critical high": "H", "critical low": "L", "↑": "H", "↓": "L"}
_FILLER = {"ref", "ref.", "reference", "range", "ranges", "interval", "normal:", "ref:", "reference:",
           "range:", "(reference", "(ref", "[ref", "[reference", "(normal", "[normal", "units", "unit",
           "(", ")", "[", "]", ":", ",", ";", "—", "-", "was", "is", "of", "flag", "flag:", "result:",
           "value", "value:", "(range", "expected", "flagged"}
_STOP_NAMES = {"page", "age", "mrn", "id", "dob", "phone", "tel", "fax", "room", "bed", "acct",
               "account", "accession", "order", "specimen", "collected", "received", "reported",
               "printed", "date", "time", "zip", "npi", "patient", "pt", "sex", "height", "weight",
               "comment", "comments", "note", "notes", "coll", "recv"}
# Building blocks of lab units; a unit is one or more of these joined by '/'.
_UNIT_PARTS = {
    "g", "mg", "ug", "µg", "μg", "mcg", "ng", "pg", "kg", "l", "dl", "ml", "ul", "µl", "μl", "fl",
    "mol", "mmol", "umol", "µmol", "μmol", "nmol", "pmol", "meq", "eq", "u", "iu", "miu", "uiu", "µiu",
    "ku", "%", "cells", "cell", "min", "h", "hr", "s", "sec", "mm", "mmhg", "mm[hg]", "ratio", "index",
    "m2", "m²", "1.73m2", "1.73m²", "1.73", "sq", "m", "cm", "hpf", "lpf", "copies", "titer", "sec.",
    "10*3", "10*6", "10*9", "10*12", "10^3", "10^6", "10^9", "10^12", "x10e3", "x10e6", "x10e9",
    "x10^3", "x10^6", "x10^9", "x10*3", "x10*6", "x10*9", "k", "thou", "mill", "mil", "bpm", "ms", "{ratio}", "au", "unit", "units",
}


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def is_unit(token: str) -> bool:
    t = token.strip().strip(",;").lower()
    if not t or _VALUE.match(t):
        return False
    if t in ("%", "ratio", "index"):
        return True
    parts = [p for p in re.split(r"/", t) if p]
    return bool(parts) and all(p in _UNIT_PARTS or re.fullmatch(r"\d*\.?\d*m[2²]", p) for p in parts)


def flag_of(token: str) -> Flag | None:
    return _FLAGS.get(token.strip().strip(",;").lower())  # type: ignore[return-value]


def computed_flag(value: float, low: float | None, high: float | None) -> Flag | None:
    if low is None and high is None:
        return None
    if low is not None and value < low:
        return "L"
    if high is not None and value > high:
        return "H"
    return "normal"


# --- models -----------------------------------------------------------------------

class TextSpan(BaseModel):
    """Where on the page a result was read (PDF points, origin top-left)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str


class LabValue(BaseModel):
    """One lab result, read from a text layer here or from a scanned page by
    the lab skill: the one result model of carepath (the CLI's ``results[]``)."""

    test: str
    loinc: str | None = None
    value: float
    comparator: str | None = None
    unit: str | None = None
    ucum: str | None = Field(None, description="the unit as a UCUM code; null when the unit could not be read")
    ref_low: float | None = None
    ref_high: float | None = None
    flag: Flag | None = None
    flag_source: Literal["document", "computed", "none"] = "none"
    page: int
    span: TextSpan | None = None
    source: Literal["text_layer", "model", "ocr"] = "text_layer"
    confidence: float | None = Field(None, ge=0, le=1, description="OCR: lowest word confidence of the row")
    needs_review: bool = Field(False, description="OCR confidence below threshold: a reviewer must check it")
    collected: str | None = Field(None, description="the collection date of a cumulative report's column, as "
                                                    "printed (one result per test and date); null: the report's one collection")

    def line(self) -> str:
        rng = ("" if self.ref_low is None and self.ref_high is None else
               f" (ref {_bound(self.ref_low)}-{_bound(self.ref_high)})" if None not in (self.ref_low, self.ref_high)
               else f" (ref <{_bound(self.ref_high)})" if self.ref_high is not None
               else f" (ref >{_bound(self.ref_low)})")
        flag = f" [{self.flag}]" if self.flag in ("H", "L", "A") else ""
        val = f"{self.comparator or ''}{_bound(self.value)}"
        when = f" on {self.collected}" if self.collected else ""  # a cumulative report: which collection
        return f"{self.test}{when}: {val}{' ' + self.unit if self.unit else ''}{rng}{flag}"


def _bound(v: float | None) -> str:
    return "" if v is None else (f"{v:g}" if abs(v) < 1e6 else str(v))


class PageInfo(BaseModel):
    page: int
    kind: Literal["text", "scanned", "empty"]
    words: int
    results: int = 0


# --- the input gate -----------------------------------------------------------------

def _reason(exc: BaseException) -> tuple[str, str]:
    """(what, why) for a pdfminer/pdfplumber failure, without echoing content."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return ("encrypted PDF", "the file is password-protected and cannot be read")
    if name in ("PSEOF", "PDFNoValidXRef", "PSSyntaxError", "PDFSyntaxError") or "EOF" in str(inner):
        return ("damaged PDF", f"the file is truncated or its structure is broken ({name})")
    return ("unreadable PDF", f"{name} while parsing the file")


# A lab report's page streams are kilobytes; pdfminer inflates a stream whole
# in memory, so a few KB of Flate can ask for gigabytes. Streams are measured
# with bounded inflation (1 MiB at a time) before anything is parsed.
MAX_STREAM_BYTES = 64 << 20
MAX_TOTAL_BYTES = 256 << 20


def _inflated_size(raw: bytes, cap: int) -> int:
    """Bytes a Flate stream inflates to, counting stops just past ``cap``."""

    d = zlib.decompressobj()
    total, data = 0, raw
    try:
        while data:
            total += len(d.decompress(data, 1 << 20))
            if total > cap:
                break
            data = d.unconsumed_tail
    except zlib.error:
        return total   # a broken stream is pdfminer's to report, not a size problem
    return total


def _check_stream_sizes(doc: Any, path: Path) -> None:
    from pdfminer.pdftypes import PDFStream, resolve1  # heavy: PDF stack loads only when a PDF is read

    total = 0
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            try:
                obj = doc.getobj(objid)
            except Exception:  # noqa: BLE001 - a missing or broken object is not a bomb
                continue
            if not isinstance(obj, PDFStream) or obj.rawdata is None:
                continue
            filters = [resolve1(f) for f, _ in obj.get_filters()]
            if not filters or getattr(filters[0], "name", filters[0]) not in ("FlateDecode", "Fl"):
                continue
            size = _inflated_size(obj.rawdata, MAX_STREAM_BYTES)
            total += size
            if size > MAX_STREAM_BYTES or total > MAX_TOTAL_BYTES:
                raise InputError("PDF content too large", subject=str(path),
                                 why=f"a compressed stream inflates to more than "
                                     f"{(MAX_STREAM_BYTES if size > MAX_STREAM_BYTES else MAX_TOTAL_BYTES) >> 20} MiB "
                                     "(a decompression bomb, or not a lab report)",
                                 fix="pass the lab report as exported by the laboratory system")


@contextmanager
def open_pdf(path: Path) -> Iterator[Any]:
    """An open pdfplumber document, or an ``InputError`` naming the file and
    the reason (missing, not a PDF, encrypted, truncated)."""
    import pdfplumber  # heavy: pdfplumber + pdfminer (~0.2 s), only when a PDF is read

    path = Path(path)
    fix = "pass a readable, unencrypted PDF lab report"
    if not path.exists():
        raise InputError("lab report not found", subject=str(path), why="no such file",
                         fix="check the path")
    if not path.is_file():
        raise InputError("lab report is not a file", subject=str(path), why="it is a directory",
                         fix="pass the PDF file itself")
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise InputError("not a PDF", subject=str(path), why="the file has no %PDF header",
                         fix="pass the lab report as a PDF")
    try:
        pdf = pdfplumber.open(path)
        n = len(pdf.pages)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types; the gate names them
        what, why = _reason(exc)
        raise InputError(what, subject=str(path), why=why, fix=fix) from None
    if n == 0:
        pdf.close()
        raise InputError("empty PDF", subject=str(path), why="the document has no pages", fix=fix)
    try:
        _check_stream_sizes(pdf.doc, path)
    except BaseException:
        pdf.close()
        raise
    try:
        yield pdf
    finally:
        pdf.close()


def page_words(page: Any, path: Path) -> list[dict[str, Any]]:
    try:
        return page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
    except Exception as exc:  # noqa: BLE001
        what, why = _reason(exc)
        raise InputError(what, subject=f"{path} page {page.page_number}", why=why,
                         fix="pass a readable PDF") from None


def is_scanned(page: Any, words: list[dict[str, Any]]) -> bool:
    """No usable text layer but an image covering much of the page."""
    if len(words) >= 5:
        return False
    area = float(page.width * page.height) or 1.0
    covered = sum(float(i.get("width", 0)) * float(i.get("height", 0)) for i in page.images)
    return covered / area > 0.3


def rasterise(path: Path, page_number: int, dpi: int = 150) -> Any:
    """The page as a PIL RGB image (pypdfium2; 1-based page number)."""
    import pypdfium2 as pdfium  # heavy: native PDFium, only to rasterise a scanned page

    doc = pdfium.PdfDocument(str(path))
    try:
        return doc[page_number - 1].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()


# --- text-layer parsing -----------------------------------------------------------------

def lines_of(words: list[dict[str, Any]], tol: float = 2.5) -> list[list[dict[str, Any]]]:
    """Words grouped into visual lines (by vertical centre), each left to right."""
    lines: list[list[dict[str, Any]]] = []
    centres: list[float] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        c = (w["top"] + w["bottom"]) / 2
        if centres and abs(c - centres[-1]) <= tol:
            lines[-1].append(w)
        else:
            lines.append([w])
            centres.append(c)
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


class _Record:
    def __init__(self) -> None:
        self.name: list[dict[str, Any]] = []
        self.words: list[dict[str, Any]] = []
        self.value: float | None = None
        self.comparator: str | None = None
        self.unit: str | None = None
        self.low: float | None = None
        self.high: float | None = None
        self.has_range = False
        self.flag: Flag | None = None
        self.code: str | None = None


# A word that ends a sentence ("confirmed.", "months."): five or more lower-case letters and a full stop;
# an abbreviation in a name ("Alk. Phos.", "Tot.", "M.predicted") is shorter or goes on.
_SENTENCE_END = re.compile(r"(?<![A-Za-z])[a-z]*[a-z]{5}[.!]$")


def after_sentence(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A name's words after a sentence that ends before them on the same line: a comment printed in the
    panel beside ("Result checked and confirmed." on the line of the next panel's "Albumin 42.0") or the
    tail of one ("... in 3 months.") is no part of the name."""
    cut = max((k + 1 for k, w in enumerate(words[:-1]) if _SENTENCE_END.search(str(w["text"]))), default=0)
    return words[cut:]


def _name_text(words: list[dict[str, Any]]) -> str:
    words = after_sentence(words)
    text = " ".join(w["text"] for w in words if not re.fullmatch(r"[.…_]{2,}", w["text"])).strip()
    text = re.sub(r"[.…_]{2,}$", "", text).strip()  # dot leaders: "GLUCOSE ........"
    text = re.sub(r"^[-•*·]+\s*", "", text)
    return re.sub(r"\s*[:=]+$", "", text).strip()


def _accept(r: _Record) -> bool:
    if r.value is None or not r.name:
        return False
    name = _name_text(r.name)
    key = loinc.normalise_name(name)
    if not key or not re.search(r"[a-z]", key):
        return False
    if key.split(" ")[0].rstrip(":#") in _STOP_NAMES:
        return False
    known = loinc.lookup(name) is not None or r.code is not None
    return known or (r.unit is not None and (r.has_range or r.flag is not None))


def parse_line(line: list[dict[str, Any]]) -> list[_Record]:
    """Read one visual line into zero or more results (see module doc)."""
    out: list[_Record] = []
    cur = _Record()
    i = 0
    while i < len(line):
        w = line[i]
        t = w["text"]
        low = t.lower()
        if cur.value is None:
            m = _VALUE.match(t)
            if m and cur.name:
                cur.value = _num(m["num"])
                cur.comparator = m["cmp"]
                if m["flag"]:
                    cur.flag = flag_of(m["flag"].lstrip("*"))
                cur.words.append(w)
            elif loinc.is_loinc_code(t) and cur.name:
                cur.code = t
                cur.words.append(w)
            else:
                cur.name.append(w)
                cur.words.append(w)
            i += 1
            continue
        # after the value: unit, range, flag, filler — anything else starts a new result
        nxt = line[i + 1]["text"] if i + 1 < len(line) else ""
        nxt2 = line[i + 2]["text"] if i + 2 < len(line) else ""
        if not cur.has_range and (m := _RANGE_TOKEN.match(t)):
            cur.low, cur.high, cur.has_range = _num(m["lo"]), _num(m["hi"]), True
            cur.words.append(w)
            i += 1
        elif not cur.has_range and (m := _BOUND_TOKEN.match(t)):
            v = _num(m["v"])
            cur.low, cur.high = (None, v) if m["op"] in ("<", "<=", "≤") else (v, None)
            cur.has_range = True
            cur.words.append(w)
            i += 1
        elif (not cur.has_range and _VALUE.match(t.strip("([")) and nxt in _DASH
              and _VALUE.match(nxt2.strip(")],;"))):
            cur.low, cur.high = _num(t.strip("([")), _num(nxt2.strip(")],;"))
            cur.has_range = True
            cur.words += line[i:i + 3]
            i += 3
        elif (not cur.has_range and t.lstrip("([") in ("<", ">", "<=", ">=", "≤", "≥")
              and _VALUE.match(nxt.strip(")],;"))):  # "< 100", "[< 100]", "(> 60)"
            v, op = _num(nxt.strip(")],;")), t.lstrip("([")
            cur.low, cur.high = (None, v) if op in ("<", "<=", "≤") else (v, None)
            cur.has_range = True
            cur.words += line[i:i + 2]
            i += 2
        elif cur.flag is None and t not in ("h", "l") and (f := flag_of(t)):
            cur.flag = f  # "H"/"L" are flags here; a bare lower-case "h"/"l" stays a unit
            cur.words.append(w)
            i += 1
        elif cur.unit is None and not cur.has_range and is_unit(t):
            cur.unit = t.strip(",;")
            cur.words.append(w)
            i += 1
        elif low in _FILLER or low.strip("()[]:,") in ("ref", "reference", "range", "normal"):
            i += 1
        elif cur.unit is None and is_unit(t.strip("()[]")):
            cur.unit = t.strip("()[],;")
            cur.words.append(w)
            i += 1
        else:
            out.append(cur)
            cur = _Record()
    out.append(cur)
    return [r for r in out if _accept(r)]


def parse_words(words: list[dict[str, Any]], page: int) -> list[LabValue]:
    results: list[LabValue] = []
    for line in lines_of(words):
        for r in parse_line(line):
            name = _name_text(r.name)
            known = (loinc.by_code(r.code) if r.code else None) or loinc.lookup(name)
            code = r.code or (known.loinc if known else None)
            if r.flag is not None:
                flag, src = r.flag, "document"
            elif (f := computed_flag(r.value, r.low, r.high)) is not None:  # type: ignore[arg-type]
                flag, src = f, "computed"
            else:
                flag, src = None, "none"
            span = TextSpan(page=page, x0=min(w["x0"] for w in r.words), top=min(w["top"] for w in r.words),
                            x1=max(w["x1"] for w in r.words), bottom=max(w["bottom"] for w in r.words),
                            text=" ".join(w["text"] for w in r.words))
            results.append(LabValue(test=name, loinc=code, value=r.value, comparator=r.comparator,  # type: ignore[arg-type]
                                    unit=r.unit, ref_low=r.low, ref_high=r.high, flag=flag,
                                    flag_source=src, page=page, span=span))
    return results


class ScannedResult(BaseModel):
    """One result as the model must return it for a scanned page (strict)."""

    model_config = {"extra": "forbid"}

    test: str = Field(min_length=1, max_length=200)
    value: float
    unit: str | None = Field(None, max_length=40)
    ref_low: float | None = None
    ref_high: float | None = None
    flag: Flag | None = None


class ScannedPage(BaseModel):
    model_config = {"extra": "forbid"}

    results: list[ScannedResult] = Field(max_length=500)
