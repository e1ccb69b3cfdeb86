"""What a lab table cell means, whatever table it sits in: a result cell
("5.2 mmol/L", "27.8 L", "▲ 241", "112H", "47.4†", "<0.01"), a reference
range ("4.5 - 11.0", "3.5 to 5.0", "< 5", "[<150]", "mg/dL (70-99)"), a flag
(H/L/HH/LL/A/▲/▼/*/(H)/High/Low/CRITICAL), a test name, a unit (UCUM via
``ucum``). Shared by the header-row tables of ``lab_table`` and the
header-less grids of ``lab_grid`` so that every layout reads cells the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from carepath.tools.sources import loinc, ucum
from carepath.tools.sources.lab_pdf import after_sentence

Word = dict[str, Any]


# --- cell reading -----------------------------------------------------------------------

_NUM = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+"
_VALUE = re.compile(rf"^(?P<cmp>[<>]=?|≤|≥)?\s*(?P<num>{_NUM})(?P<glued>\*|[HL]{{1,2}}\*?|\*?[HL]{{1,2}}|A)?$")
_RANGE = re.compile(rf"^(?P<lo>{_NUM})\s*(?:-|–|—|to)\s*(?P<hi>{_NUM})")
_BOUND = re.compile(rf"^(?P<op><=?|>=?|≤|≥)\s*(?P<v>{_NUM})")
# A range in brackets after other text, e.g. the unit cell "mg/dL (70-99)".
_INNER_RANGE = re.compile(rf"[(\[]\s*(?:(?:{_NUM})\s*(?:-|–|—|to)\s*(?:{_NUM})|(?:<=?|>=?|≤|≥)\s*(?:{_NUM}))\s*(?:[)\]]|$)")
# A unit glued to its value: "5.2mmol/L", "<0.01ng/mL", "6.3%".
_GLUED_UNIT = re.compile(rf"^(?P<num>(?:[<>]=?|≤|≥)?(?:{_NUM}))(?P<unit>[^\d\s.,].*)$")
FLAG_WORDS = {"h": "H", "l": "L", "hh": "H", "ll": "L", "high": "H", "low": "L", "▲": "H", "▼": "L",
              "↑": "H", "↓": "L", "a": "A", "*": "A", "abn": "A", "abnormal": "A", "critical": "A",
              "n": "normal", "normal": "normal", "crit": "A", "**": "A", "!": "A", "c": "A",
              # other common spellings: short words, doubled arrows, critical/panic with a side
              "hi": "H", "lo": "L", "↑↑": "H", "↓↓": "L", "▲▲": "H", "▼▼": "L", "⇑": "H", "⇓": "L",
              "panic": "A", "critical high": "H", "critical low": "L", "crit high": "H", "crit low": "L",
              "abnormal high": "H", "abnormal low": "L", "above": "H", "below": "L", "elevated": "H",
              "decreased": "L", "raised": "H", "!!": "A", "a*": "A",
              # patient portals say where the value lies against the range
              "above range": "H", "below range": "L", "above normal": "H", "below normal": "L",
              "above high normal": "H", "below low normal": "L", "out of range": "A", "outside range": "A",
              "in range": "normal", "within range": "normal", "normal range": "normal"}

# A decimal comma (European reports: "4,5", "3,5 - 5,0"): a comma with one, two or more
# than three digits after it. Three digits ("1,250") stay a thousands separator.
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d{1,2}|\d{4,})(?![\d,])")


def decimal_point(text: str) -> str:
    """The text with decimal commas written as points ("4,5" → "4.5"; "1,250" stays)."""
    return _DECIMAL_COMMA.sub(r"\1.\2", text) if "," in text else text


# German count units spell the power of ten as a word: "Tsd/µl" (Tausend), "Mio/µl" (Millionen), "Mrd/l"
# (Milliarden); a decimal comma may sit inside a unit ("ml/min/1,73m²").
_COUNT_WORDS = re.compile(r"^(?P<w>tsd|tausend|mio|mrd)\.?\s*/", re.I)
_POWERS = {"tsd": "10*3", "tausend": "10*3", "mio": "10*6", "mrd": "10*9"}


def unit_code(text: str) -> str | None:
    """The UCUM code of a printed unit, European spellings of counts and decimal commas included."""
    if (code := ucum.to_ucum(text)) is not None or not text:
        return code
    spelled = _COUNT_WORDS.sub(lambda m: _POWERS[m["w"].lower()] + "/", decimal_point(text.strip()))
    return ucum.to_ucum(spelled) if spelled != text.strip() else None


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def read_flag(text: str) -> str | None:
    t = text.strip().strip("()[]").lower().rstrip("*") if text.strip() not in ("*", "**") else text.strip()
    return FLAG_WORDS.get(t) or FLAG_WORDS.get(text.strip().lower())


@dataclass
class Value:
    value: float
    comparator: str | None = None
    flag: str | None = None
    unit_text: str = ""
    words_used: int = 0
    star: bool = False  # the flag is a bare "*" glued to the number ("5.6*"): a flag, or a footnote mark


def _unglue(token: str) -> list[str]:
    """``5.2mmol/L`` → ``5.2``, ``mmol/L`` when the tail reads as a unit (``112H`` stays: H is a flag)."""
    m = _GLUED_UNIT.match(token)
    if m is None or read_flag(m["unit"]) is not None or m["unit"].strip("*") in ("H", "L", "HH", "LL"):
        return [token]
    return [m["num"], m["unit"]] if ucum.is_unit(m["unit"]) else [token]


# Footnote and remark marks printed beside a value ("47.4†", "14.4¹", "5.2 [a]"): not part of it.
_NOTE_MARK = re.compile(r"[†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰]+$|^\[[a-z0-9]\]$")


_STRAY_END = re.compile(r"^([<>≤≥]?\d[\d,]*(?:\.\d+)?)[.)]{1,2}$")  # "302.)": a speck and a rule end


def _without_marks(token: str) -> str:
    """The token less a footnote mark (a mark standing alone, "[a]", "†", is
    dropped) and less a stray full stop or closing bracket after a number ("0.57.", "3.7)")."""
    return _STRAY_END.sub(r"\1", _NOTE_MARK.sub("", token))


def _equals(token: str) -> str:
    """"=<" / "=>" written (or read by OCR from "≤" / "≥") as "<=" / ">="; an "=" left of a number alone
    (OCR's "≤" with its bar lost) is no part of the value."""
    return re.sub(r"^=(?=[\d.])|^=$", "", re.sub(r"^=([<>])(?!=)", r"\1=", token))


def read_value(text: str) -> Value | None:
    """The result cell: value, comparator, and any flag or unit beside it."""
    if _RANGE.match(decimal_point(text.strip())):
        return None  # a cell that starts with a range ("50 - 100 /uL" in a microscopy line) holds no one value
    toks = [p for raw in decimal_point(text).replace("(", " (").split() if (t := _without_marks(_equals(raw)))
            for p in _unglue(t)]
    for i, t in enumerate(toks):
        cand = t
        if t in ("<", ">", "<=", ">=", "≤", "≥") and i + 1 < len(toks):
            cand = t + toks[i + 1]
        m = _VALUE.match(cand)
        if not m:
            continue
        if any(read_flag(p) is None for p in toks[:i]):
            return None  # a result cell starts with its value (or a flag): "tested. Page 1 of 1" is prose
        out = Value(_num(m["num"]), m["cmp"])
        if m["glued"]:
            out.flag = read_flag(m["glued"].strip("*") or "*")
            out.star = m["glued"] == "*"
        rest = toks[:i] + toks[i + (2 if cand != t else 1):]
        unit: list[str] = []
        for r in rest:
            f = read_flag(r)
            if f and out.flag is None and (r.upper() == r or not ucum.is_unit(r)):
                out.flag = f
            else:
                unit.append(r)
        out.unit_text = " ".join(unit)
        return out
    return None


_RANGE_WORDS = [(re.compile(r"^(?:up to|less than|lower than|below|under)\s+", re.I), "<"),
                (re.compile(r"^(?:greater than|more than|higher than|above|over)\s+", re.I), ">"),
                # "> OR = 60" (Quest), "< or = 5"
                (re.compile(r"^>\s*or\s*=\s*", re.I), ">="), (re.compile(r"^<\s*or\s*=\s*", re.I), "<=")]
# A bound in words after the number: "60 or above", "5.0 or less", "40 and over".
_TRAILING_BOUND = [(re.compile(rf"^(?P<v>{_NUM})\s+(?:or|and)\s+(?:above|more|greater|higher|over)\b", re.I), ">="),
                   (re.compile(rf"^(?P<v>{_NUM})\s+(?:or|and)\s+(?:below|less|lower|under)\b", re.I), "<=")]
_RANGE_LABEL = re.compile(r"^(?:(?:adults?|normal|ref(?:erence)?\.?|standard|expected)\s+)?"
                          r"(?:adults?|normal|ref(?:erence)?|range|interval|values?|male|female|m|f)\s*[:=]\s*", re.I)


# Each limit labelled on its own: "Low: 3.5  High: 5.1", "Lower limit 3.5 / Upper limit 5.1", "Min: 3.5 Max: 5.1";
# one limit alone needs its colon ("High: 200", "Low: 60"), so that a flag word before a number is never a range.
_LOW_WORD = r"(?:low(?:er)?|min(?:imum)?)(?:\s+limit)?"
_HIGH_WORD = r"(?:high(?:er)?|upper|max(?:imum)?)(?:\s+limit)?"
_LOW_HIGH = re.compile(rf"^{_LOW_WORD}\s*[:=]?\s*(?P<lo>{_NUM})\s*[,;/|]?\s*{_HIGH_WORD}\s*[:=]?\s*(?P<hi>{_NUM})",
                       re.I)
_ONE_LIMIT = re.compile(rf"^(?:(?P<low>{_LOW_WORD})|{_HIGH_WORD})\s*[:=]\s*(?P<v>{_NUM})", re.I)


def _labelled_limits(t: str) -> str:
    """Limits labelled one by one written as a range: "Low: 3.5 High: 5.1" → "3.5 - 5.1",
    "High: 200" → "<= 200", "Low: 60" → ">= 60" (the rest of the cell kept after them)."""
    if m := _LOW_HIGH.match(t):
        return f"{m['lo']} - {m['hi']} {t[m.end():]}".strip()
    if m := _ONE_LIMIT.match(t):
        return f"{'>=' if m['low'] else '<='} {m['v']} {t[m.end():]}".strip()
    return t


_TWO_LIMITS = re.compile(rf"(?P<lo>{_NUM})\s+(?P<hi>{_NUM})")


def _range_text(text: str) -> str:
    """One spelling of a range: any dash or ".." between limits, words for ``<``/``>``, no label. Braces
    are brackets (OCR reads "(" as "{"); two ascending limits in brackets with no dash between them are a
    range whose dash OCR lost ("(150 400)")."""
    bracketed = bool(re.fullmatch(r"[(\[{].*[)\]}]", text.strip()))
    t = decimal_point(text.strip().strip("[](){}"))
    if bracketed and (two := _TWO_LIMITS.fullmatch(t)) is not None and _num(two["lo"]) < _num(two["hi"]):
        t = f"{two['lo']} - {two['hi']}"
    for dash in ("–", "—", "−", "‒", "..", "--"):
        t = t.replace(dash, "-")
    t = _labelled_limits(_RANGE_LABEL.sub("", t))
    t = re.sub(r"^=\s*([<>])(?!=)", r"\1=", t)  # "=< 0.04": typed so, and how OCR reads a "≤"
    for pattern, op in _RANGE_WORDS:
        t = pattern.sub(op, t)
    for pattern, op in _TRAILING_BOUND:
        t = pattern.sub(lambda m, op=op: f"{op} {m['v']}", t)
    return t


# The patient's sex as the page being read prints it ("M" / "F"; None: not printed or unclear).
_PATIENT_SEX: ContextVar[str | None] = ContextVar("lab_patient_sex", default=None)
_SEX_WORDS = {"male": "M", "males": "M", "men": "M", "man": "M", "m": "M",
              "female": "F", "females": "F", "women": "F", "woman": "F", "f": "F"}
# "Sex: F", "Gender: Female", "Age/Sex: 63 Y / F", "Sex/Age: M / 41"
_HEADER_SEX = re.compile(r"\b(?:sex|gender)(?:\s*/\s*age)?\s*[:=\-]?\s*(?P<a>male|female|m|f)\b"
                         r"|\bage\s*/\s*(?:sex|gender)\s*[:=\-]?\s*[\w. ]{0,12}?/\s*(?P<b>male|female|m|f)\b", re.I)
# A range labelled with a sex: "Male: 13.5 - 17.5", "F 12.0-15.5", "Women: < 30"
_SEX_LABEL = re.compile(r"(?<![A-Za-z])(?P<sex>females?|males?|women|woman|men|man|[mf])\b\.?\s*[:=]?\s*"
                        r"(?=[<>≤≥]?\s*-?\d|\.\d)", re.I)


def patient_sex(lines_text: list[str]) -> str | None:
    """The patient's sex from a page's header lines ("Sex: Female", "Age/Sex: 63 Y / F"): "M", "F",
    or None when it is not printed or two lines disagree (a range is then never chosen by sex)."""
    found = {_SEX_WORDS[(m["a"] or m["b"]).lower()] for t in lines_text for m in _HEADER_SEX.finditer(t)}
    return found.pop() if len(found) == 1 else None


# The patient's age in years as the page (or an earlier page of its report) prints it; None: unknown.
_PATIENT_AGE: ContextVar[float | None] = ContextVar("lab_patient_age", default=None)
# "Age: 63", "AGE: 63Y", "Age/Sex: 63 Y / F", "(63 y)", "63 years old", "Age: 7 months"
_HEADER_AGE = re.compile(r"\bage(?:\s*/\s*(?:sex|gender))?\s*[:=\-]?\s*(?P<a>\d{1,3})"
                         r"\s*(?P<ua>y|yrs?|years?|mo|mths?|months?)?(?![\w./-])"
                         r"|\(\s*(?P<b>\d{1,3})\s*(?P<ub>y|yrs?|years?)\s*\)"
                         r"|\b(?P<c>\d{1,3})\s*(?P<uc>years?|yrs?)\s+old\b", re.I)
# A range labelled with an age group: "Adult: 0.6-1.2", "Child: 0.3-0.7", "Paediatric (1-17 y): ..."
_AGE_LABEL = re.compile(r"(?<![A-Za-z])(?P<group>adults?|children|child|p(?:a)?ediatric|peds|infants?|newborns?|"
                        r"neonates?|adolescents?|elderly)\b(?:\s*\([^)]*\))?\s*[:=]\s*", re.I)
# Each group's ages in years [from, to): the narrower group wins where two hold (an adolescent is a child).
_AGE_GROUPS = {"newborn": (0, 28 / 365), "neonate": (0, 28 / 365), "infant": (0, 1), "child": (0, 18),
               "children": (0, 18), "pediatric": (0, 18), "paediatric": (0, 18), "peds": (0, 18),
               "adolescent": (12, 18), "adult": (18, 200), "elderly": (65, 200)}


def patient_age(lines_text: list[str]) -> float | None:
    """The patient's age in years from a page's header lines ("Age: 63", "Age/Sex: 63 Y / F",
    "DOB: 12/04/1961 (63 y)"), or None when not printed or two lines disagree."""
    found = set()
    for t in lines_text:
        for m in _HEADER_AGE.finditer(t):
            n, unit = next((m[k], m["u" + k] or "") for k in "abc" if m[k])
            found.add(int(n) / 12 if unit.lower().startswith("m") else float(int(n)))
    return found.pop() if len(found) == 1 else None


@contextmanager
def for_patient(sex: str | None, age: float | None = None) -> Iterator[None]:
    """Read a page's ranges for this patient: a cell printing one range per sex (or age group) gives theirs."""
    token, aged = _PATIENT_SEX.set(sex), _PATIENT_AGE.set(age)
    try:
        yield
    finally:
        _PATIENT_AGE.reset(aged)
        _PATIENT_SEX.reset(token)


Patient = tuple[str | None, float | None]


class ReportPatient:
    """The patient of one report as its pages print them, read in page order.

    Why: a report prints the patient's sex and age once, in page 1's header, and its results run on;
    page 2's sex- or age-labelled ranges are read for that patient. One object per extraction (the
    caller reading the pages makes it), so nothing is shared between reports, requests or threads."""

    def __init__(self) -> None:
        self.pages: dict[int, Patient] = {}

    def for_page(self, page: int, printed: Patient) -> Patient:
        """What the page prints, and what it does not print taken from the nearest earlier page."""
        seen = self.pages.get(page, (None, None))  # OCR reads a page several ways: keep what any way read
        self.pages[page] = (printed[0] or seen[0], printed[1] if printed[1] is not None else seen[1])
        earlier = [self.pages[k] for k in sorted(self.pages, reverse=True) if k < page]
        sex = printed[0] or next((p[0] for p in earlier if p[0]), None)
        age = printed[1] if printed[1] is not None else next((p[1] for p in earlier if p[1] is not None), None)
        return sex, age


def _sexed_range(text: str) -> tuple[float | None, float | None, str] | None:
    """A cell printing ranges by sex ("Male: 13.5 - 17.5 Female: 12.0 - 15.5 g/dL"): the range of the
    patient's sex; (None, None) when the page does not say the patient's sex or no range is theirs,
    since another sex's range would flag the result wrongly. None: no sex-labelled range here."""
    labels = list(_SEX_LABEL.finditer(text))
    if not labels:
        return None
    ranges, rest = {}, [text[:labels[0].start()]]
    for k, m in enumerate(labels):
        seg = text[m.end():labels[k + 1].start() if k + 1 < len(labels) else len(text)]
        low, high, left = read_range(seg.strip(" /;,|"))
        if low is None and high is None:
            return None  # a letter before a number that is no labelled range
        ranges.setdefault(_SEX_WORDS[m["sex"].lower()], (low, high))
        rest.append(left)
    low, high = ranges.get(_PATIENT_SEX.get() or "", (None, None))
    return low, high, " ".join(x.strip(" /;,|") for x in rest if x.strip(" /;,|"))


def _aged_range(text: str) -> tuple[float | None, float | None, str] | None:
    """A cell printing ranges by age group ("Child: 0.3-0.7 / Adult: 0.6-1.2"): the range of the patient's
    group (the narrowest that holds their age); (None, None) when the page does not say the patient's age
    or no group is theirs. One labelled range alone ("Adult: 0.6-1.2") is the range. None: no age labels."""
    labels = list(_AGE_LABEL.finditer(text))
    if not labels:
        return None
    ranges, rest = [], [text[:labels[0].start()]]
    for k, m in enumerate(labels):
        seg = text[m.end():labels[k + 1].start() if k + 1 < len(labels) else len(text)]
        low, high, left = read_range(seg.strip(" /;,|"))
        if low is None and high is None:
            return None
        group = m["group"].lower()
        ranges.append((_AGE_GROUPS.get(group) or _AGE_GROUPS[group.rstrip("s")], low, high))
        rest.append(left)
    left = " ".join(x.strip(" /;,|") for x in rest if x.strip(" /;,|"))
    if len(ranges) == 1:
        return ranges[0][1], ranges[0][2], left
    age = _PATIENT_AGE.get()
    fits = [r for r in ranges if age is not None and r[0][0] <= age < r[0][1]]
    best = min(fits, key=lambda r: r[0][1] - r[0][0], default=None)
    return (best[1], best[2], left) if best else (None, None, left)


def read_range(text: str) -> tuple[float | None, float | None, str]:
    """(low, high, text left over — often the unit) from a range cell."""
    if (sexed := _sexed_range(text)) is not None:
        return sexed
    if (aged := _aged_range(text)) is not None:
        return aged
    t = _range_text(text)
    if not (_RANGE.match(t) or _BOUND.match(t)) and (inner := _INNER_RANGE.search(t)):
        low, high, _ = read_range(inner.group(0))
        return low, high, (t[:inner.start()] + " " + t[inner.end():]).strip()
    if m := _RANGE.match(t):
        return _num(m["lo"]), _num(m["hi"]), t[m.end():].strip(" )]")
    if m := _BOUND.match(t):
        v = _num(m["v"])
        lowish = m["op"] in ("<", "<=", "≤")
        return (None, v, t[m.end():].strip(" )]")) if lowish else (v, None, t[m.end():].strip(" )]"))
    return None, None, t


def direction(flag: str | None, value: float, low: float | None, high: float | None) -> str | None:
    """A printed flag; a directionless one (A, *) takes its side from the range."""
    if flag == "A":
        if low is not None and value < low:
            return "L"
        if high is not None and value > high:
            return "H"
    return flag


def test_name(words: list[Word]) -> str:
    # Dot leaders and stray punctuation-only words (OCR specks) are not part of a name, nor a sentence
    # that ends before it on its line.
    words = after_sentence(words)
    text = " ".join(w["text"] for w in words if not re.fullmatch(r"[.…_]{2,}|[^\w%+#]+", w["text"]))
    text = re.sub(r"[.…_]{2,}$", "", text).strip().rstrip(".,;’'‘`")
    return re.sub(r"\s*[:=]+$", "", re.sub(r"^[-•*·]+\s*", "", text)).strip()



@dataclass
class Reading:
    """One result read from a table row (before it becomes a ``LabValue``)."""

    test: str
    value: float
    comparator: str | None
    unit: str | None
    ucum: str | None
    low: float | None
    high: float | None
    flag: str | None
    flag_source: str
    words: list[Word]
    note: str | None = None
    code: str | None = None
    collected: str | None = None   # the column date of a cumulative report, as printed


_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b")
# A sampling time in brackets after a test name ("Cortisol (09:00)", "Glucose (1 h)"): part of the name.
_SAMPLED_AT = re.compile(r"\(\s*\d{1,2}[:.]\d{2}\s*(?:h|hrs?)?\s*\)\s*$|\(\s*\d{1,2}\s*(?:h|hrs?|min)\s*\)\s*$")


def _dated(name: str) -> bool:
    """A date or clock time in the name (a "Received 09:12" line), not a sampling time in brackets
    at its end, which names which of a series of samples the result is."""
    return bool(_DATE_TIME.search(_SAMPLED_AT.sub("", name)))


def _inside_range(value: float, low: float | None, high: float | None) -> bool:
    """The value lies within a printed range (one bound at least)."""
    return (low is not None or high is not None) and (low is None or value >= low) and \
        (high is None or value <= high)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_COLLECTION_DATE = re.compile(
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}([/.-])\d{{1,2}}\1\d{{2,4}}|\d{{1,2}}[-\s]{_MONTH}[-\s,]*\d{{2,4}}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})(?:[\sT]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?", re.I)


def read_date(text: str) -> str | None:
    """The whole cell as a collection date (and time), as printed, or None:
    "10-Jan-2024", "2024-01-10 08:15", "10/01/2024", "Jan 10, 2024". Only whole
    cells count, so a range ("4.5-11.0") or a value is never a date."""
    t = " ".join(text.split())
    return t if t and _COLLECTION_DATE.fullmatch(t) else None


def _unit_part(text: str) -> str:
    """The unit inside a cell with a short mark beside it ("mg/dL ↑" read by
    OCR as "mg/dL Tt", "= mg/dL"): the longest run of words that is a unit."""
    toks = text.split()
    if len(toks) < 2 or unit_code(text) is not None:
        return text
    runs = [" ".join(toks[i:j]) for i in range(len(toks)) for j in range(len(toks), i, -1)]
    found = [r for r in runs if unit_code(r) is not None]
    if not found:
        return text
    best = max(found, key=len)
    return best if all(len(t) <= 2 for t in toks if t not in best.split()) else text


_RANGE_OPENING = re.compile(r"[(\[]?(?:[<>]=?|≤|≥)?")


def _range_opening_moved(unit: str, rng: str) -> tuple[str, str]:
    """A range's opening "(" or "(<" that fell into the unit column (a word box
    a little left of the column boundary) goes back to the range."""
    toks = unit.split()
    while toks and _RANGE_OPENING.fullmatch(toks[-1]):
        rng = f"{toks.pop()} {rng}".strip()
    return " ".join(toks), rng


_NAME_UNIT = re.compile(r"^(?P<name>.*?[A-Za-z].*?)[\s,]*(?:[(\[](?P<br>[^()\[\]]+)[)\]]|\s(?P<tail>\S*[/%]\S*))$")


def _unit_in_name(name: str) -> tuple[str, str] | None:
    """A unit printed with the test's name ("Glucose (mg/dL)", "Sodium, mmol/L"): (name, unit)."""
    m = _NAME_UNIT.match(name)
    if m is None:
        return None
    unit = (m["br"] or m["tail"] or "").strip()
    return (m["name"].strip(" ,"), unit) if ucum.to_ucum(unit) is not None else None


# Dust a scan leaves in an empty flag cell (OCR reads it as ":" or "."): no mark of the lab's.
_SPECKS = " .:,;'`\"‘’"


def reading(name_words: list[Word], result: str, unit: str, range_: str, flag_texts: list[str],
            words: list[Word], loinc_text: str = "", *, flag_column: bool = False,
            header_unit: str = "") -> Reading | None:
    """One result from its cells' texts, whatever table they came from: the
    value cell may hold the unit, flag and a bracketed range; a range or unit
    may sit in the other's cell; a directionless flag takes its side from the range.
    With no range ("See Note") and a flag column left empty, the lab did not flag it: normal.
    ``header_unit``: the unit its column header prints once for every row ("Result (mmol/L)"),
    used when the row's own cells print none."""
    name = test_name(name_words)
    val = read_value(result)
    key = loinc.normalise_name(name)
    if val is None or not re.search(r"[a-z]", key) or _dated(name):
        return None  # a date or clock time in the name: a "received ..." line, not a result
    unit_cell, range_cell = _range_opening_moved(unit.strip(), range_)
    low, high, rng_rest = read_range(range_cell)
    if low is None and high is None:  # no range column: a range in brackets beside the value or the unit
        for cell in (val.unit_text, unit_cell):
            if (inner := _INNER_RANGE.search(cell.replace("–", "-"))) is not None:
                low, high, _ = read_range(inner.group(0))
                rest = (cell[:inner.start()] + " " + cell[inner.end():]).strip()
                if cell is unit_cell:
                    unit_cell = rest
                else:
                    val.unit_text = rest
                break
    # a "*" glued to a value inside its printed range is a footnote mark (its legend explains it), no flag
    flag = None if val.star and _inside_range(val.value, low, high) else val.flag
    for t in flag_texts:
        flag = flag or read_flag(t)
    if flag is None and any(0 < len(t.strip()) <= 3 and t.strip(_SPECKS) for t in flag_texts):
        flag = "A"  # a mark in the flag column that is no known flag (an OCR'd arrow): abnormal, side from range
    unit_text = _unit_part(unit_cell or val.unit_text or (rng_rest if ucum.is_unit(rng_rest) else "")) or header_unit
    if not unit_text and (named := _unit_in_name(name)) is not None:
        name, unit_text = named
    code = unit_code(unit_text) if unit_text else None
    note = None
    if code is None:
        note = (f"the unit of {name} could not be read" + (f" (printed {unit_text!r})" if unit_text else "")
                + "; it is reported without a unit")
    flag = direction(flag, val.value, low, high)
    src = "document" if flag else "none"
    if flag is None and (low is not None or high is not None):
        flag = "L" if low is not None and val.value < low else "H" if high is not None and val.value > high \
            else "normal"
        src = "computed"
    elif flag is None and flag_column:
        flag, src = "normal", "document"
    printed_code = loinc_text.strip()
    return Reading(name, val.value, val.comparator, unit_text if code else None, code, low, high, flag, src,
                   words, note, printed_code if loinc.is_loinc_code(printed_code) else None)


