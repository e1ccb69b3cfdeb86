"""Lab test names → LOINC codes, usual units and reference ranges.

Two sources, read once: open-medicine's terminology table
(``graphrag/terminology/labs.json``, the project's shared vocabulary) and
carepath's own ``data/lab_tests.json`` for the chemistry, CBC, lipid and
liver panels it lacks. A name maps to a code only when it is known: an
unknown test keeps ``loinc=None`` rather than a guess, because a wrong code
silently merges two different analytes downstream.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field

_RANGE = re.compile(r"^\s*(?P<lo>\d+(?:\.\d+)?)\s*[-–]\s*(?P<hi>\d+(?:\.\d+)?)")
_BOUND = re.compile(r"^\s*(?P<op>[<>]=?|≤|≥)\s*(?P<v>\d+(?:\.\d+)?)")


class LabTest(BaseModel):
    name: str
    loinc: str
    unit: str | None = None
    ref_low: float | None = None
    ref_high: float | None = None
    aliases: list[str] = Field(default_factory=list)
    source: str


def normalise_name(name: str) -> str:
    """Case, punctuation and spacing differences do not make a different test."""
    s = name.lower().replace("–", "-").strip()
    s = re.sub(r"[\s_]+", " ", s)
    s = re.sub(r"[:;,.]+$", "", s).strip()
    return s


def _parse_range(text: str) -> tuple[float | None, float | None]:
    if m := _RANGE.match(text or ""):
        return float(m["lo"]), float(m["hi"])
    if m := _BOUND.match(text or ""):
        v = float(m["v"])
        return (None, v) if m["op"] in ("<", "<=", "≤") else (v, None)
    return None, None


def _open_medicine() -> list[LabTest]:
    try:
        import open_medicine  # lazy: a missing package means no LOINC names, not a failed import
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    path = Path(open_medicine.__file__).parent / "graphrag" / "terminology" / "labs.json"
    if not path.is_file():  # pragma: no cover - layout of another version
        return []
    out: list[LabTest] = []
    for name, entry in json.loads(path.read_text(encoding="utf-8")).items():
        code = entry.get("loinc_code")
        if not code:
            continue
        lo, hi = _parse_range(entry.get("reference_range", ""))
        out.append(LabTest(name=name, loinc=code, unit=entry.get("unit") or None, ref_low=lo,
                           ref_high=hi, aliases=list(entry.get("aliases", [])), source="open-medicine"))
    return out


def _carepath() -> list[LabTest]:
    raw = resources.files("carepath.tools").joinpath("data/lab_tests.json").read_text(encoding="utf-8")
    return [LabTest(name=t["name"], loinc=t["loinc"], unit=t.get("unit"), ref_low=t.get("low"),
                    ref_high=t.get("high"), aliases=t.get("aliases", []), source="carepath")
            for t in json.loads(raw)["tests"]]


@lru_cache(maxsize=1)
def catalogue() -> dict[str, LabTest]:
    """Normalised name or alias → test. open-medicine wins on a clash (it is
    the shared vocabulary); names before aliases."""
    tests = _open_medicine() + _carepath()
    index: dict[str, LabTest] = {}
    for t in tests:
        index.setdefault(normalise_name(t.name), t)
    for t in tests:
        for a in t.aliases:
            index.setdefault(normalise_name(a), t)
    return index


@lru_cache(maxsize=1)
def _by_code() -> dict[str, LabTest]:
    out: dict[str, LabTest] = {}
    for t in catalogue().values():
        out.setdefault(t.loinc, t)
    return out


def lookup(name: str) -> LabTest | None:
    """The known test printed as ``name``, or None."""
    key = normalise_name(name)
    if not key:
        return None
    if t := catalogue().get(key):
        return t
    # "Sodium, serum" / "Glucose (fasting)": try the part before a qualifier.
    head = re.split(r"\s*[,(]", key, maxsplit=1)[0].strip()
    return catalogue().get(head) if head and head != key else None


def by_code(code: str) -> LabTest | None:
    return _by_code().get(code.strip())


LOINC_CODE = re.compile(r"^\d{1,7}-\d$")


def is_loinc_code(text: str) -> bool:
    return bool(LOINC_CODE.match(text.strip()))
