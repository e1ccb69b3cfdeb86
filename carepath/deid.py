"""De-identification of what leaves the building.

A local model sees everything (the data never leaves the host). A *remote*
model endpoint (the OpenAI-compatible backend: vLLM, Ollama, a cloud
gateway) gets text that has been scrubbed first, on by default
(``CAREPATH_<ROLE>__DEIDENTIFY``; ``None`` means on for ``openai``, off for
local backends).

What is scrubbed, and why this way:

- **Known identifiers.** The DICOM gate and the FHIR loader hand every
  header / Patient resource they read to :func:`remember_dataset` /
  :func:`remember_fhir_patient`. Which DICOM elements identify someone is
  decided by ``dicognito`` (it implements DICOM PS3.15 Annex E): the header
  copy it anonymises is compared with the original, and every person name
  and id it changed is kept here, in memory only, to be removed from outgoing
  text. Birth dates are kept in their usual spellings. The values live only
  in this process and are never logged.
- **Patterns** for what no header announced (a name typed into the request
  next to "patient", an MRN, a phone number, an e-mail, a date of birth):
  regular-expression recognizers in the spirit of Presidio's pattern
  recognizers (Presidio's default engine downloads a spaCy model at run time,
  which an offline hospital cannot do).

Pixels are sent as they are: burned-in annotations are *not* cleaned, so the
record never claims the Clean Pixel Data Option (113101). An image whose
DICOM header declares burned-in text (BurnedInAnnotation = YES) is therefore
not sent to a de-identified remote endpoint at all (``OpenAICompatGenerator``
refuses the request; the skill reports it in the draft).
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from collections import OrderedDict
from typing import Any

from pydantic import BaseModel, Field

from carepath.settings import get_settings

# DICOM PS3.15 Annex E / CID 7050 de-identification method codes (scheme DCM).
BASIC_PROFILE = ("113100", "Basic Application Confidentiality Profile")
CLEAN_DESCRIPTORS = ("113105", "Clean Descriptors Option")
METHOD_CODES: tuple[tuple[str, str], ...] = (BASIC_PROFILE, CLEAN_DESCRIPTORS)
METHOD = "carepath text scrub (dicognito-selected DICOM identifiers + pattern recognizers)"
MAX_REMEMBERED = 20_000   # identifier values, about 2,000 patients; evicted a patient at a time
MIN_TOKEN = 3  # shorter name parts ("Li", "Jo") are only removed as part of the full name


class MethodCode(BaseModel):
    code: str
    scheme: str = "DCM"
    meaning: str


class DeidRecord(BaseModel):
    """What was done to one outgoing request; kept with the model's output."""

    method: str = METHOD
    codes: list[MethodCode] = Field(default_factory=lambda: [
        MethodCode(code=c, meaning=m) for c, m in METHOD_CODES])
    replaced: int = 0
    pixels_cleaned: bool = False


class _Group:
    """One patient's identifier values and the headers (studies) they came from."""

    __slots__ = ("values", "sources")

    def __init__(self) -> None:
        self.values: set[str] = set()
        self.sources: set[str] = set()


class _Known:
    """Identifier strings seen in this process, kept per patient.

    Bounded by ``MAX_REMEMBERED`` values in all; when over, the least
    recently read *patient* is evicted whole — values and the note that their
    headers were read go together. (Evicting them independently let a
    re-read patient count as "seen" after their values were gone, so their
    name went to a remote model unscrubbed.) Reading a patient again makes
    them most recent."""

    def __init__(self) -> None:
        self._groups: OrderedDict[str, _Group] = OrderedDict()
        self._count = 0
        self._lock = threading.Lock()
        self._pattern: re.Pattern[str] | None = None

    def has(self, patient: str, source: str) -> bool:
        """Was this header (``source``) of this patient read, and are the
        patient's values still held? Refreshes the patient when so."""
        with self._lock:
            group = self._groups.get(patient)
            if group is None or source not in group.sources:
                return False
            self._groups.move_to_end(patient)
            return True

    def add(self, values: set[str], *, patient: str, source: str = "") -> None:
        with self._lock:
            group = self._groups.setdefault(patient, _Group())
            new = values - group.values
            group.values |= new
            group.sources.add(source)
            self._count += len(new)
            self._groups.move_to_end(patient)
            while self._count > MAX_REMEMBERED and len(self._groups) > 1:
                _, old = self._groups.popitem(last=False)
                self._count -= len(old.values)
            self._pattern = None

    def size(self) -> int:
        """Identifier values held (counted per patient)."""
        with self._lock:
            return self._count

    def pattern(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._pattern is None and self._groups:
                values = set().union(*(g.values for g in self._groups.values()))
                alts = sorted(values, key=len, reverse=True)   # longest first: full names win
                self._pattern = re.compile(
                    r"(?<!\w)(?:" + "|".join(re.escape(a).replace(r"\ ", r"[\s^,]+") for a in alts)
                    + r")(?!\w)", re.IGNORECASE) if alts else None
            return self._pattern

    def clear(self) -> None:
        with self._lock:
            self._groups.clear()
            self._count = 0
            self._pattern = None


KNOWN = _Known()


def enabled(cfg: Any) -> bool:
    """Whether text for this generator's settings must be scrubbed."""
    explicit = getattr(cfg, "deidentify", None)
    return bool(explicit) if explicit is not None else getattr(cfg, "backend", "") == "openai" or (
        getattr(cfg, "backend", "") == "auto" and bool(getattr(cfg, "base_url", None)))


def active() -> bool:
    """Is any role configured to send de-identified text to a remote server?
    (When none is, nothing is collected at all.)"""
    try:
        s = get_settings()
    except Exception:  # noqa: BLE001 - invalid settings surface elsewhere, with their own error
        return False
    return enabled(s.imaging) or enabled(s.text_model)


def _name_forms(value: str) -> set[str]:
    """A PN as the strings that may appear in text: whole (``^`` as spaces),
    each representation (alphabetic / ideographic / phonetic), each part."""
    out: set[str] = set()
    for group in value.split("="):
        parts = [p.strip() for p in group.split("^") if p.strip()]
        if parts:
            out.add(" ".join(parts))
            out.add(" ".join([*parts[1:2], parts[0]]))        # "Given Family"
            out |= {p for p in parts if len(p) >= MIN_TOKEN or not p.isascii()}
    return {o for o in out if o}


def _date_forms(value: str) -> set[str]:
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", value.strip())
    if not m:
        return {value} if len(value.strip()) >= 6 else set()
    y, mo, d = m.groups()
    return {f"{y}{mo}{d}", f"{y}-{mo}-{d}", f"{d}/{mo}/{y}", f"{mo}/{d}/{y}", f"{d}.{mo}.{y}"}


def remember_dataset(ds: Any) -> None:
    """Collect the identifying values of a DICOM header (see module doc).
    Cheap when de-identification is off (returns at once) and once per
    patient+study otherwise. Never raises: this must not break reading."""
    if not active():
        return
    try:
        patient = f"dicom:{ds.get('PatientID', '')}|{ds.get('PatientName', '')}"
        study = str(ds.get("StudyInstanceUID", ""))
        if KNOWN.has(patient, study):
            return
        KNOWN.add(identifiers_of_dataset(ds), patient=patient, source=study)
    except Exception:  # noqa: BLE001 - a malformed header is the gate's business, not ours
        return


def identifiers_of_dataset(ds: Any) -> set[str]:
    """Person names and ids that dicognito (PS3.15 Annex E) replaces, plus the
    patient's birth date in its common spellings."""
    # heavy: dicognito + pydicom (~1.3 s) load only when DICOM input is read
    from dicognito.anonymizer import Anonymizer
    from pydicom.dataset import Dataset

    header = Dataset()
    for el in ds:
        if el.tag.group != 0x7FE0:   # no pixels: names and ids live in the header
            header.add(copy.deepcopy(el))
    header.file_meta = copy.deepcopy(getattr(ds, "file_meta", Dataset()))
    anonymised = copy.deepcopy(header)
    Anonymizer(seed="carepath").anonymize(anonymised)
    before, after = _text_values(header), _text_values(anonymised)
    out: set[str] = set()
    for (tag, vr, keyword), values in before.items():
        for v in values - after.get((tag, vr, keyword), set()):
            if vr == "PN":
                out |= _name_forms(v)
            elif len(v) >= MIN_TOKEN and (keyword.endswith(("ID", "IDs", "Number")) or "Address" in keyword):
                out.add(v)   # ids and addresses; not institution or device names (clinical words)
    if v := str(ds.get("PatientBirthDate", "") or "").strip():
        out |= _date_forms(v)
    return {o for o in out if o.strip()}


def _text_values(ds: Any) -> dict[tuple[int, str, str], set[str]]:
    """Every person-name / string value in the dataset, sequences included."""
    from pydicom.multival import MultiValue  # heavy: pydicom loads only for DICOM input

    out: dict[tuple[int, str, str], set[str]] = {}
    for el in ds.iterall():
        if el.VR not in ("PN", "LO", "SH", "ST", "LT") or el.value in (None, ""):
            continue
        vals = list(el.value) if isinstance(el.value, (MultiValue, list, tuple)) else [el.value]
        out.setdefault((int(el.tag), el.VR, el.keyword), set()).update(str(v).strip() for v in vals)
    return out


def remember_fhir_patient(resource: dict[str, Any]) -> None:
    """Names, identifiers, birth date, phone/e-mail and address lines of a
    FHIR Patient."""
    if not active():
        return
    try:
        out: set[str] = set()
        for n in resource.get("name") or []:
            parts = [*(n.get("given") or []), n.get("family") or ""]
            parts = [str(p) for p in parts if p]
            if parts:
                out |= {" ".join(parts), " ".join(parts[::-1])}
                out |= {p for p in parts if len(p) >= MIN_TOKEN or not p.isascii()}
            if n.get("text"):
                out.add(str(n["text"]))
        out |= {str(i.get("value")) for i in resource.get("identifier") or [] if i.get("value")}
        out |= {str(t.get("value")) for t in resource.get("telecom") or [] if t.get("value")}
        for a in resource.get("address") or []:
            out |= {str(line) for line in a.get("line") or []}
        if resource.get("birthDate"):
            out |= _date_forms(str(resource["birthDate"]))
        values = {o for o in out if len(o.strip()) >= MIN_TOKEN}
        key = resource.get("id") or hashlib.sha256("\x1f".join(sorted(values)).encode()).hexdigest()
        KNOWN.add(values, patient=f"fhir:{key}")
    except Exception:  # noqa: BLE001 - malformed resources are the loader's business
        return


# Pattern recognizers (order matters: labelled ids before bare numbers).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("[EMAIL]", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("[ID]", re.compile(r"(?i)\b(?:MRN|medical record(?: number)?|patient id|pid|accession(?: number)?|acc|"
                        r"ssn|nhs(?: number)?|insurance(?: number)?)\s*(?:no\.?|number|#)?\s*[:#=]?\s*"
                        r"[A-Z0-9][A-Z0-9-]{2,}\b")),
    ("[DATE]", re.compile(r"(?i)\b(?:DOB|d\.o\.b\.|date of birth|born(?: on)?|birth ?date)\s*[:=]?\s*"
                          r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{8}|"
                          r"\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4})")),
    ("[ID]", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),                                # US SSN
    ("[PHONE]", re.compile(r"(?<![\w.+-])(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}|"
                           r"\(\d{3}\) ?\d{3}[ .-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})(?![\w-])")),
    ("[NAME]", re.compile(r"\b[^\W\d_]{2,}\^[^\W\d_]{2,}(?:\^[^\W\d_]*)*")),          # DICOM PN
    (r"\1[NAME]", re.compile(r"\b((?:[Pp]atient|[Pp]t|Mr|Mrs|Ms|Miss|[Nn]ame)[:.]?\s+)"
                             r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}")),
]


def scrub_text(text: str) -> tuple[str, int]:
    """``text`` with known identifiers and recognised patterns replaced by
    typed placeholders; and how many replacements were made."""
    n = 0
    if (pat := KNOWN.pattern()) is not None:
        text, k = pat.subn("[REDACTED]", text)
        n += k
    for token, rx in _PATTERNS:
        text, k = rx.subn(token, text)
        n += k
    return text, n


def policy_uris() -> list[str]:
    """The method codes as FHIR ``Provenance.policy`` URIs."""
    return [f"http://dicom.nema.org/resources/ontology/DCM#{c}" for c, _ in METHOD_CODES]
