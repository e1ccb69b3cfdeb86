"""Lab result tables of any layout, read from word positions.

A lab report is a table whatever its generator: a header row names the
columns, each following row is one result. This module finds that header
row and maps each header cell to what it *means* (test, result, unit,
reference range, flag, LOINC code) from its words — "Investigation",
"Observed Value", "Biological Reference Interval", "Unit of Measure", "Abn"
— so columns may come in any order, and two tables may sit side by side.
Column boundaries are then placed where the data rows leave a gap between
adjacent header cells (left-aligned names, right-aligned numbers), rows are
the visual lines (pdfplumber words, or OCR words with their confidence),
and a test name wrapped over several lines is joined to its row: by the
ruling lines of the table when it has them, else by line spacing.

Cells are read by meaning, not by layout: the result cell may carry the
unit ("5.2 mmol/L") and the flag ("27.8 L", "▲ 241", "112H"); ranges read
as "4.5 - 11.0", "4.5–11.0", "3.5 to 5.0", "< 5", "> 60", "≤ 200",
"[<150]", "Low: 3.5  High: 5.1", or as two columns ("Ref Low" / "Ref High"); a unit
printed once in the result column's header ("Result (mmol/L)") is every row's unit, and
a header cell wrapped over two lines (the other cells centred between them) is one
header; flags as H/L/HH/LL/A/▲/▼/*/(H)/High/Low. A directionless
abnormal flag (A, *) takes its direction from the printed range, or stays
"A". Units are normalised to UCUM (``ucum``); a unit that cannot be read is
reported as ``unit: null`` with a warning, never guessed.

Pages without a recognisable header row are left to the line reader in
``lab_pdf`` (narrative lines, dot-leader printouts).
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from carepath.tools.sources import lab_blocks, lab_grid, loinc, ucum
from carepath.tools.sources.lab_cells import (Reading, ReportPatient, Value, direction, for_patient, patient_age,
                                              patient_sex, read_date, read_flag, read_value, reading,
                                              test_name, unit_code)
from carepath.tools.sources.lab_pdf import LabValue, TextSpan, lines_of, parse_words

Word = dict[str, Any]

# --- header meaning -----------------------------------------------------------------

# Checked in this order: "Reference Range" is a range even though it is not a
# test, "Test Result" a result, "Test Name" a test.
# European reports head their columns in their own language (German, French, Spanish, Italian, Dutch):
# "Untersuchung | Ergebnis | Bew. | Einheit | Referenzbereich", "Analyse | Résultat | Unité | Valeurs de
# référence"; those words mean the same columns.
_ROLE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("loinc", ("loinc", "code")),
    ("range", ("range", "interval", "reference", "ref", "ref.", "normal", "expected", "limits", "standard",
               "referenzbereich", "referenzwerte", "normbereich", "normalbereich", "normwerte", "référence",
               "références", "referencia", "riferimento", "referentiewaarden", "referentie")),
    ("unit", ("unit", "units", "uom", "measure", "einheit", "unité", "unite", "unidad", "unidades", "unità",
              "eenheid")),
    ("flag", ("flag", "flags", "abn", "abnormal", "status", "indicator", "h/l", "alert", "bew", "bewertung")),
    ("result", ("result", "results", "value", "observed", "your", "finding", "reading", "ergebnis", "messwert",
                "résultat", "resultat", "resultado", "risultato", "uitslag")),
    ("test", ("test", "tests", "analyte", "component", "investigation", "parameter", "description",
              "name", "exam", "examination", "assay", "determination", "panel", "analysis", "analyses",
              "untersuchung", "analyse", "analyt", "examen", "prueba", "esame", "bepaling")),
]


# "In Range" / "Out Of Range": two result columns, a value's column saying whether the lab flagged it.
# OCR may run the words together ("InRange", "OutOfRange").
_SIDE = re.compile(r"(?P<side>in|within|out\s*of|outside(?:\s*of)?)\s*(?:the\s*)?range", re.I)


def _side(label: str) -> str | None:
    """Which of the two result columns a header names ("_in" / "_out"), else None: a value's
    column is the lab's flag when no letter or range is printed beside it."""
    m = _SIDE.fullmatch(label.strip())
    return None if m is None else "_in" if m["side"].lower() in ("in", "within") else "_out"


# One reference limit per column: "Ref Low" / "Ref High", "Lower Limit" / "Upper Limit", "Normal Min".
_LIMIT_SIDE = r"(?P<{}>low(?:er)?|high|upper|min(?:imum)?|max(?:imum)?)"
_LIMIT_HEAD = re.compile(r"(?:ref(?:erence)?\.?|normal|range)\s*" + _LIMIT_SIDE.format("a")  # OCR: "Reflow"
                         + r"|" + _LIMIT_SIDE.format("b") + r"\s+(?:limit|ref(?:erence)?\.?|normal|range)", re.I)
LIMIT_ROLES = ("range_low", "range_high")


def _limit_role(text: str) -> str | None:
    """"range_low" / "range_high" for a header naming one reference limit, else None."""
    m = _LIMIT_HEAD.fullmatch(" ".join(text.split()).rstrip(":"))
    if m is None:
        return None
    return LIMIT_ROLES[0] if (m["a"] or m["b"]).lower()[:2] in ("lo", "mi") else LIMIT_ROLES[1]


def _role(text: str) -> str | None:
    """A header cell's meaning from its words; a bracketed part ("Result (ref.)",
    "Units (Ref. Range)") only qualifies the main word before it."""
    if _side(text) is not None:
        return "result"
    if (limit := _limit_role(text)) is not None:
        return limit
    main = re.sub(r"[(\[].*?(?:[)\]]|$)", " ", text).strip()
    if main and main != text.strip() and (role := _role(main)) is not None:
        return role
    words = [w.strip(":.()").lower() for w in text.split()]
    words += [w.strip(":.()").lower() for w in re.split(r"[\s/]+", text)]  # "Result/Resultado", "Test/Prueba"
    for role, keys in _ROLE_WORDS:
        if any(w in keys for w in words):
            return role
    return None


@dataclass
class Column:
    role: str
    x0: float
    x1: float
    label: str = ""   # the printed header (a cumulative report's collection date)


WHEN = "when"   # role prefix of a cumulative report's date columns: "when1", "when2", ...


def is_result(role: str) -> bool:
    """A column of results: the one result column, or a date column of a cumulative report."""
    return role == "result" or role.startswith(WHEN)


@dataclass
class Header:
    top: float
    bottom: float
    columns: list[Column]


_UNIT_BRACKET = re.compile(r"[(\[]([^()\[\]]+)[)\]]")
_NO_UNIT = {"unit", "units", "uom", "si", "conventional", "ref", "ref.", "flag", "h/l"}


def header_unit(label: str) -> str:
    """The unit a column header prints once for all its rows ("Result (mmol/L)", "Value [mg/dL]"), or ""."""
    for m in _UNIT_BRACKET.finditer(label):
        text = " ".join(m[1].split())
        if text.lower() not in _NO_UNIT and ucum.to_ucum(text) is not None:
            return text
    return ""


_DATA_CELL = re.compile(r"[<>≤≥]?\s*\d*\.\d+")


def _set_as_text(line: list[Word]) -> bool:
    """A title or sentence ("Hollins Lane Surgery - Blood test results") that OCR's uneven word gaps cut
    into phrases: no gap between them is wider than a word's height, where a header's columns always
    leave one (the test name's column at least)."""
    phs = lab_grid.phrases(line)
    if len(phs) < 3:
        return False
    h = statistics.median(float(w["bottom"]) - float(w["top"]) for w in line)
    return max(float(b[0]["x0"]) - float(a[-1]["x1"]) for a, b in zip(phs, phs[1:])) < 1.2 * h


def _bracketed_together(phrases: list[list[Word]]) -> list[list[Word]]:
    """Header phrases with a bracket opened in one and closed in a later one joined ("(reference" /
    "interval)" set apart by OCR's uneven gaps): a bracketed part is one cell's words."""
    out: list[list[Word]] = []
    for ph in phrases:
        if out and (t := " ".join(w["text"] for w in out[-1])).count("(") + t.count("[") > \
                t.count(")") + t.count("]"):
            out[-1] = out[-1] + ph
        else:
            out.append(ph)
    return out


def _qualifies(text: str, cols: list[Column], x0: float, h: float) -> bool:
    """A header phrase wholly in brackets just after a known cell ("Units (reference interval)",
    "Result (mmol/L)") qualifies that cell; it heads no column of its own (its words may name another
    role: the cells under it print both, "mmol/L (3.5 - 5.1)")."""
    t = text.strip()
    return bool(cols) and not cols[-1].role.startswith("?") and t[:1] in ("(", "[") and t[-1:] in (")", "]") \
        and x0 - cols[-1].x1 < 1.5 * h


def header_of(line: list[Word]) -> Header | None:
    """The line as a table header, or None. Its cells' words give the roles;
    a header word with no entry here ("Procedure", "Outcome", "Lab", a date)
    makes a column whose role is typed later from its cells (``type_columns``).
    It needs two known roles and three columns; without unknown columns, a
    test and a result column and one of unit/range/flag."""
    cols: list[Column] = []
    unknown = 0
    first = str(line[0]["text"]) if line else ""
    if first.endswith(":") and first.rstrip(":").lower() in lab_grid.NOT_NAMES:
        return None  # "Note: result confirmed on repeat analysis." is a comment, whatever its words
    if _set_as_text(line):
        return None
    for ph in _bracketed_together(lab_grid.phrases(line)):
        text = " ".join(w["text"] for w in ph)
        if (when := read_date(text)) is not None:  # a collection date heads a column of results
            cols.append(Column(f"{WHEN}{sum(c.role.startswith(WHEN) for c in cols) + 1}",
                               float(ph[0]["x0"]), float(ph[-1]["x1"]), when))
            continue
        role = _role(text)
        h = float(ph[0]["bottom"] - ph[0]["top"]) or 8.0
        if _qualifies(text, cols, float(ph[0]["x0"]), h):
            cols[-1].x1, cols[-1].label = float(ph[-1]["x1"]), f"{cols[-1].label} {text}"
            continue  # "Units  (reference interval)" set apart by OCR: one cell, "Units" its role
        if role is None and cols and not cols[-1].role.startswith("?") and float(ph[0]["x0"]) - cols[-1].x1 < 1.5 * h:
            cols[-1].x1 = float(ph[-1]["x1"])  # a header cell's second word set apart ("Ref.  Values")
            if cols[-1].role == "result" and header_unit(text):
                cols[-1].label += " " + text  # "Result  (mmol/L)": the unit it prints for every row
            continue
        if role is None:
            if len(text) > 32 or text.rstrip().endswith((".", ",")):
                return None  # a sentence, not a header cell
            if _DATA_CELL.fullmatch(text.strip()) or lab_grid.cell_kind(text) == "range":
                return None  # a decimal or a range is a result row's cell (units and flags in words aside)
            unknown += 1
            role = f"?{unknown}"
        elif re.search(r"\d", _UNIT_BRACKET.sub(lambda m: "" if header_unit(m[0]) else m[0], text)) \
                or (len(ph) >= 3 and text.endswith(".")):
            return None  # a number or a sentence is no header cell
        if cols and cols[-1].role == role and role != "test" and _side(text) is None:
            cols[-1].x1 = float(ph[-1]["x1"])
            continue
        cols.append(Column(role, min(float(w["x0"]) for w in ph), max(float(w["x1"]) for w in ph), text))
    known = {"result" if is_result(c.role) else "range" if c.role in LIMIT_ROLES else c.role
             for c in cols if not c.role.startswith("?")}
    complete = {"test", "result"} <= known and bool({"unit", "range", "flag"} & known)
    if not complete and not (unknown and len(known) >= 2 and len(cols) >= 3 and unknown <= 4):
        return None
    return Header(min(float(w["top"]) for w in line), max(float(w["bottom"]) for w in line), cols)


def type_columns(rows: list[Cells]) -> None:
    """Give each column whose header word was unknown the role its cells have
    in common (numbers → result, UCUM units → unit, ranges → range, flags →
    flag, words → test), for roles the header did not name; leftmost first."""
    roles = {r for row in rows for r in row.by_role}
    unknown = sorted((r for r in roles if r.startswith("?")), key=lambda r: int(r[1:]))
    for col in unknown:
        kinds = [lab_grid.cell_kind(row.text(col)) for row in rows if row.by_role.get(col)]
        if not kinds:
            continue
        kind = max(set(kinds), key=kinds.count)
        role = {"value": "result", "text": "test"}.get(kind, kind)
        if kinds.count(kind) < 0.6 * len(rows) or role in roles:
            continue
        roles.add(role)
        for row in rows:
            if col in row.by_role:
                row.by_role[role] = row.by_role.pop(col)


# --- rows and columns -----------------------------------------------------------------

def _segments(h: Header) -> list[list[Column]]:
    """Side-by-side tables: a second "test" column starts a new table."""
    segs: list[list[Column]] = []
    for c in h.columns:
        if c.role == "test" and segs and any(is_result(x.role) for x in segs[-1]):
            segs.append([])
        if not segs:
            segs.append([])
        segs[-1].append(c)
    return segs


def _coverage(lines: list[list[Word]], lo: float, hi: float) -> list[int]:
    n = max(1, int(hi - lo) + 1)
    cov = [0] * n
    for line in lines:
        for ph in lab_grid.phrases(line):
            a, b = int(float(ph[0]["x0"]) - lo), int(float(ph[-1]["x1"]) - lo)
            for i in range(max(a, 0), min(b + 1, n)):
                cov[i] += 1
    return cov


def _one_run(line: list[Word]) -> list[list[Word]]:
    """The line's phrases, those closer than a column gap (1.2 word heights) joined: one run is a
    sentence, never a row of cells (a row leaves a column gap between its name and its value)."""
    out: list[list[Word]] = []
    for ph in lab_grid.phrases(line):
        h = float(ph[0]["bottom"]) - float(ph[0]["top"]) or 8.0
        if out and float(ph[0]["x0"]) - float(out[-1][-1]["x1"]) < 1.2 * h:
            out[-1] = out[-1] + ph
        else:
            out.append(ph)
    return out


def _boundary(lines: list[list[Word]], left: Column, right: Column) -> float:
    """Where data rows leave the widest least-covered gap between two header cells."""
    # Content may start left of its header (right-aligned numbers) but not far
    # right of the header's start; past that the gap is inside the next column.
    # The left header's own words belong to the left column, so the boundary
    # lies after them (a short right-aligned number leaves a gap under them).
    hi = max(right.x0 + 0.25 * (right.x1 - right.x0), left.x0 + 2)
    lo = left.x1 if left.x1 + 1 < hi else left.x0 + 1
    # A line that is one run of text running on under the right header cell (a footer sentence under a
    # short table, its phrases set apart by OCR's uneven gaps) is no row: it would hide the gap between
    # the two columns.
    rows = [line for line in lines if len(run := _one_run(line)) != 1
            or not float(run[0][0]["x0"]) < right.x0 < float(run[0][-1]["x1"])]
    cov = _coverage(rows or lines, lo, hi)
    best = min(cov)
    runs: list[tuple[int, int]] = []
    start = None
    for i, c in enumerate([*cov, best + 1]):
        if c == best and start is None:
            start = i
        elif c != best and start is not None:
            runs.append((start, i - 1))
            start = None
    a, b = max(runs, key=lambda r: r[1] - r[0])
    if is_result(left.role) and right.role == "flag":
        # right-aligned numbers under a left-aligned result header end just before the flag column: of the
        # gaps left, the one nearest the flag header keeps the numbers in the result column (a flag that
        # lands beside its number is still read as its flag; a number in the flag column is lost)
        a, b = runs[-1]
    return lo + (a + b) / 2


def split_columns(lines: list[list[Word]], cols: list[Column], right_edge: float) -> list[tuple[Column, float, float]]:
    """(column, x from, x to) for each header cell."""
    bounds = [cols[0].x0 - 40]
    for left, right in zip(cols, cols[1:]):
        bounds.append(_boundary(lines, left, right))
    bounds.append(right_edge)
    return [(c, bounds[i], bounds[i + 1]) for i, c in enumerate(cols)]


@dataclass
class Cells:
    """One table row: the words of each column, by role."""

    top: float
    bottom: float
    by_role: dict[str, list[Word]] = field(default_factory=dict)

    def text(self, role: str) -> str:
        return " ".join(w["text"] for w in self.by_role.get(role, []))

    def words(self) -> list[Word]:
        return [w for ws in self.by_role.values() for w in ws]


def is_prose(line: list[Word], spans: list[tuple[Column, float, float]]) -> bool:
    """A sentence running across the table (a footer, a comment), not a row:
    one phrase spans two or more column boundaries."""
    inner = [a for _, a, _ in spans[1:]]
    return any(sum(float(ph[0]["x0"]) < x < float(ph[-1]["x1"]) for x in inner) >= 2 for ph in lab_grid.phrases(line))


def _cells(line: list[Word], spans: list[tuple[Column, float, float]]) -> Cells:
    row = Cells(min(float(w["top"]) for w in line), max(float(w["bottom"]) for w in line))
    for w in line:
        mid = (float(w["x0"]) + float(w["x1"])) / 2
        for col, a, b in spans:
            if a <= mid < b:
                row.by_role.setdefault(col.role, []).append(w)
                if (side := _side(col.label)) is not None:
                    row.by_role[side] = []  # a mark, no words: which of the two result columns holds the value
                break
    return row


def _has_rule_between(rules: list[float], y0: float, y1: float) -> bool:
    lo, hi = sorted((y0, y1))
    return any(lo < y < hi for y in rules)


def _name_only(r: Cells) -> bool:
    return (bool(r.text("test")) and not any(r.by_role.get(k) for k in r.by_role if k != "test")
            and not range_line(r))


def range_line(r: Cells) -> bool:
    """A line in the name column that starts with a range's label ("Reference range: 3.5 - 5.1",
    "Ref. interval: < 5.0", "Normal range: Negative"): the range of the row above, printed on its own
    line under the name; never part of a test name."""
    return bool(lab_blocks.RANGE_LABEL.match(r.text("test"))) and not any(
        r.by_role.get(k) for k in r.by_role if k != "test")


def _catalogued(name: str) -> loinc.LabTest | None:
    """The known test a joined name is, OCR's space after a full stop or slash inside a word aside
    ("HEMOGLOBIN. TOTAL" for "Hemoglobin.total"; the OCR reader repairs the name's spelling after)."""
    return loinc.lookup(name) or loinc.lookup(re.sub(r"(?<=\w[./])\s+(?=\w)", "", name))


def _join_by_catalogue(rows: list[Cells], valued: list[Cells]) -> None:
    """Name lines spaced like rows (a name wrapped in a vertically centred or
    unruled cell, or a section heading — the spacing cannot tell): joined to the
    valued row next to them when only the joined name is a known test; under a row whose own name is
    known, only lines below it that make another known test with it."""
    for v in valued:
        if v.by_role.get("_wrap"):
            continue
        own = loinc.lookup(test_name(v.by_role.get("test", [])))
        k = rows.index(v)
        # a row whose own name is a known test ("HEMOGLOBIN") may still go on below ("A1C/HEMOGLOBIN.TOTAL
        # IN BLOOD"): the lines under it join when together they name another known test
        above = [] if own is not None else list(reversed(list(_run(reversed(rows[:k])))))
        below = list(_run(rows[k + 1:]))
        best = None
        for a in range(len(above) + 1):
            for b in range(len(below) + 1):
                parts = [*above[len(above) - a:], v, *below[:b]]
                name = test_name([w for p in parts for w in p.by_role.get("test", [])])
                known = _catalogued(name) if a or b else None
                if known is not None and (own is None or known.loinc != own.loinc) \
                        and (best is None or a + b > best[0]):
                    best = (a + b, parts)
        if best is not None:
            v.by_role["_wrap"] = [p.by_role["test"] for p in best[1] if p is not v]  # type: ignore[misc]
            for p in best[1]:
                if p is not v:
                    p.by_role["_joined"] = []


def _run(rows: Any) -> Any:
    """The name-only lines next to a row (up to three), not yet joined to another."""
    for n, r in enumerate(rows):
        if n >= 3 or not _name_only(r) or "_joined" in r.by_role:
            return
        yield r


_FIELD_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b")


def _annotation_line(r: Cells, valued: list[Cells]) -> bool:
    """A method or note printed small under a test name ("(Photometry)", "(ISE)"): a line
    wholly in brackets, in smaller type than the names of the rows; never part of a name
    (a wrapped name is printed in the name's own type size)."""
    text = r.text("test").strip()
    if not (text.startswith("(") and text.endswith(")")):
        return False
    names = [float(w["bottom"]) - float(w["top"]) for v in valued for w in v.by_role.get("test", [])]
    mine = [float(w["bottom"]) - float(w["top"]) for w in r.by_role.get("test", [])]
    return bool(names and mine) and max(mine) < 0.85 * statistics.median(names)


def _field_line(r: Cells) -> bool:
    """A specimen, comment or collection line printed between rows ("Specimen: Serum
    Collected 05/03/24 07:45", "Note: ..."): a labelled field or a date, never part of a name."""
    text = r.text("test")
    first = text.split()[0] if text else ""
    return bool(_FIELD_DATE.search(text)) or (first.endswith(":") and first.rstrip(":").lower() in lab_grid.NOT_NAMES)


_CELL_ROLES = {"test", "unit", "flag"}


def _stacked(v: Cells, lines: list[Cells], role: str) -> list[Word]:
    """A cell's words line by line, top to bottom (a word's own top varies with its letters' height)."""
    parts = sorted([(v.top, v.by_role.get(role, []))] + [(r.top, r.by_role.get(role, [])) for r in lines],
                   key=lambda p: p[0])
    return [w for _, ws in parts for w in sorted(ws, key=lambda w: float(w["x0"]))]


def _stacked_cells_fit(v: Cells, lines: list[Cells]) -> bool:
    """Whether lines holding only the rest of a row's unit or flag cell (and name) complete it: the unit
    read top to bottom is a unit where the row's own part is none ("milliequivalents per" / "litre"),
    the flag a flag where the row prints none ("Above" / "range")."""
    for role, fits in (("unit", ucum.to_ucum), ("flag", read_flag)):
        own = v.text(role)
        if any(r.by_role.get(role) for r in lines) and (
                (own and fits(own) is not None) or fits(" ".join(w["text"] for w in _stacked(v, lines, role))) is None):
            return False
    return True


def join_stacked_cells(rows: list[Cells], valued: list[Cells], near: float) -> None:
    """A row whose cells wrap above and below its value's line (a vertically centred HTML table): the
    lines holding only name, unit or flag words within ``near`` of it join it, when together they make
    its unit and flag readable (the name's lines are then joined as a wrapped name)."""
    loose = [r for r in rows if r not in valued and "_joined" not in r.by_role and r.words()
             and set(k for k in r.by_role if r.by_role[k]) <= _CELL_ROLES
             and any(r.by_role.get(k) for k in ("unit", "flag")) and not _field_line(r)]
    by_target: dict[int, list[Cells]] = {}
    for r in loose:
        close = [v for v in valued if abs(v.top - r.top) < near]
        if close:
            by_target.setdefault(id(t := min(close, key=lambda v: abs(v.top - r.top))), [t]).append(r)
    for v, *lines in by_target.values():
        if not _stacked_cells_fit(v, lines):
            continue
        for role in ("unit", "flag"):
            if ws := _stacked(v, lines, role):
                v.by_role[role] = ws
        for r in lines:
            if r.by_role.get("test"):
                v.by_role.setdefault("_wrap", []).append(r.by_role["test"])  # type: ignore[arg-type]
            r.by_role["_joined"] = []


def join_wrapped(rows: list[Cells], rules: list[float]) -> list[Cells]:
    """Name-only lines (a wrapped test name) joined to the row they belong to;
    section headings (same spacing as rows, or behind a rule) are dropped."""
    valued = [r for r in rows if any(read_value(r.text(k)) is not None for k in r.by_role if is_result(k))]
    pitches = [b.top - a.top for a, b in zip(valued, valued[1:]) if b.top > a.top]
    pitch = statistics.median(pitches) if pitches else 0.0
    inside = [y for y in rules if rows and rows[0].top - 2 < y < rows[-1].bottom + 2]
    ruled = len(inside) >= max(2, len(valued) // 2)  # a rule between rows, not just under the header
    rules = rules if ruled else []
    join_stacked_cells(rows, valued, pitch * 0.82)
    _join_by_catalogue(rows, valued)  # first: a name only the joined lines make a known test keeps them
    for r in rows:
        if r in valued or "_joined" in r.by_role or not r.text("test") or _field_line(r) \
                or _annotation_line(r, valued) or range_line(r) \
                or any(r.by_role.get(k) for k in r.by_role if k != "test"):
            continue
        near = [v for v in valued if not _has_rule_between(rules, (v.top + v.bottom) / 2, (r.top + r.bottom) / 2)
                and abs(v.top - r.top) < (pitch * 1.6 if ruled else pitch * 0.82)]
        if not near:
            continue
        target = min(near, key=lambda v: abs(v.top - r.top))
        target.by_role.setdefault("_wrap", []).append(r.by_role["test"])  # type: ignore[arg-type]
        r.by_role["_joined"] = []
    for v in valued:
        wraps = v.by_role.pop("_wrap", [])
        if wraps:
            parts = [(v.by_role.get("test", []), v.top), *((ws, ws[0]["top"]) for ws in wraps)]  # type: ignore[index]
            v.by_role["test"] = [w for ws, _ in sorted(parts, key=lambda p: p[1]) for w in ws]
    return valued


def _only_a_range(r: Cells) -> bool:
    """A line whose only text is a reference range ("(70 - 99)", "Ref: 3.5-5.0") and no test name."""
    text = " ".join(w["text"] for w in sorted(r.words(), key=lambda w: float(w["x0"])))
    return bool(text) and not r.text("test") and lab_grid.cell_kind(text) == "range"


def ranges_below(rows: list[Cells], valued: list[Cells]) -> None:
    """A range printed on a second line under its row's value or unit (a two-line row):
    given to the row just above it that has no range of its own, when it lies within a
    line height of that row and under its value or unit cells."""
    for r in rows:
        own_line = range_line(r) and lab_grid.cell_kind(r.text("test")) == "range"
        if r in valued or "_joined" in r.by_role or not (_only_a_range(r) or own_line):
            continue
        above = [v for v in valued if v.top < r.top and r.top - v.bottom < 0.9 * (v.bottom - v.top)]
        if not above:
            continue
        v = max(above, key=lambda v: v.top)
        cells = [w for k in v.by_role if is_result(k) or k == "unit" or (own_line and k == "test")
                 for w in v.by_role[k]]
        x0, x1 = min(float(w["x0"]) for w in r.words()), max(float(w["x1"]) for w in r.words())
        under = any(float(w["x0"]) < x1 and x0 < float(w["x1"]) for w in cells)
        if under and not v.text("range") and not any(k.startswith(WHEN) for k in v.by_role):
            v.by_role["range"] = sorted(r.words(), key=lambda w: float(w["x0"]))
            r.by_role["_joined"] = []


_LABELLED_RANGE = re.compile(r"^[A-Za-z][A-Za-z .]{0,15}[:=]?\s*[<>≤≥]?\s*\d[\d.,]*"
                             r"(?:\s*(?:-|–|to)\s*\d[\d.,]*)?\b")


def _labelled_line(words: list[Word]) -> bool:
    """A range with its label in front ("Male: 13.5 - 17.5", "F 12.0-15.5", "Adult: 0.6 - 1.2")."""
    text = " ".join(w["text"] for w in sorted(words, key=lambda w: float(w["x0"])))
    return bool(words) and bool(_LABELLED_RANGE.match(text))


def stacked_ranges(rows: list[Cells], valued: list[Cells]) -> None:
    """A range cell printing one labelled range per line (by sex or age), its lines centred on, above
    or under the value's line: the labelled range-only lines next to a row join its range cell, top to
    bottom, when every piece of the cell is a labelled range and there are two or more."""
    free = [r for r in rows if r not in valued and "_joined" not in r.by_role and not r.text("test")
            and _labelled_line(r.words())]
    for v in valued:
        value = [w for k in v.by_role if is_result(k) for w in v.by_role[k]]
        if not value:
            continue
        top, bottom = min(float(w["top"]) for w in value), max(float(w["bottom"]) for w in value)
        mid, h = (top + bottom) / 2, bottom - top
        near = []
        for side in (-1, 1):  # the nearest labelled line above, and below, the value's line
            gaps = [(side * ((r.top + r.bottom) / 2 - mid), k) for k, r in enumerate(free)
                    if "_joined" not in r.by_role]
            if (best := min(((g, k) for g, k in gaps if 0.5 * h < g < 1.6 * h), default=None)) is not None:
                near.append(free[best[1]])
        own = v.by_role.get("range", [])
        pieces = len(near) + bool(own)
        if not near or pieces < 2 or (own and not _labelled_line(own)):
            continue
        for r in near:
            r.by_role["_joined"] = []
        lines = sorted([(v.top, own)] * bool(own) + [(r.top, r.words()) for r in near], key=lambda p: p[0])
        v.by_role["range"] = [w for _, ws in lines for w in sorted(ws, key=lambda w: float(w["x0"]))]


def read_results(row: Cells, labels: dict[str, str], *, flag_column: bool = False, unit: str = "") -> list[Reading]:
    """The row's result, or on a cumulative report one result per date column that
    holds a value (a blank, "—" or "n/a" cell is a test not done that day), each
    carrying its column's date. ``unit``: the result column header's unit."""
    whens = sorted((k for k in row.by_role if k.startswith(WHEN)), key=lambda k: int(k[len(WHEN):]))
    if not whens:
        r = read_row(row, flag_column=flag_column, unit=unit)
        return [r] if r is not None else []
    out = []
    for k in whens:
        view = Cells(row.top, row.bottom, {role: ws for role, ws in row.by_role.items() if not role.startswith(WHEN)})
        view.by_role["result"] = row.by_role[k]
        if (r := read_row(view)) is not None:
            r.collected = labels.get(k)
            out.append(r)
    return out


_LIMIT = re.compile(r"[<>≤≥]?\s*-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)")


def limits_range(low: str, high: str) -> str:
    """A range from the cells of "Ref Low" / "Ref High" columns ("3.5", "5.1" → "3.5 - 5.1"); one
    limit printed alone is a one-sided range ("" / "200" → "<= 200"); a cell that is no number, ""."""
    low, high = (t.strip().rstrip(".,;:") for t in (low, high))  # OCR: "2.2." for "2.2"
    low, high = (t if _LIMIT.fullmatch(t) else "" for t in (low, high))
    low, high = low.lstrip("<>≤≥ "), high.lstrip("<>≤≥ ")
    if low and high:
        return f"{low} - {high}"
    return f">= {low}" if low else f"<= {high}" if high else ""


def read_row(row: Cells, *, flag_column: bool = False, unit: str = "") -> Reading | None:
    """``flag_column``: the table has a flag column headed as one ("Flag", "Abn"), so an
    empty flag cell means the lab did not flag the result, even where no range is printed;
    a value in an "In Range" column is unflagged and one in "Out Of Range" flagged. ``unit``:
    the unit the result column's header prints for every row."""
    if not row.by_role.get("test"):
        return None
    flags = [w["text"] for w in row.by_role.get("flag", [])]
    if "_out" in row.by_role:
        flags.append("A")  # printed in the out-of-range column: abnormal, its side from a letter or the range
    rng = row.text("range") or limits_range(row.text(LIMIT_ROLES[0]), row.text(LIMIT_ROLES[1]))
    return reading(row.by_role.get("test", []), row.text("result"), row.text("unit"), rng,
                   flags, row.words(), row.text("loinc"), flag_column=flag_column or "_in" in row.by_role,
                   header_unit=unit)


def _rules(page: Any) -> list[float]:
    """y of horizontal ruling lines (lines and rectangle edges) on a pdfplumber page."""
    if page is None:
        return []
    out = []
    for e in getattr(page, "horizontal_edges", []) or []:
        if float(e["x1"]) - float(e["x0"]) > 30:
            out.append(float(e["top"]))
    return out


def _x_overlap(a: Word, b: Word) -> bool:
    """Two words one above the other (their horizontal extents overlap)."""
    return float(a["x0"]) < float(b["x1"]) and float(b["x0"]) < float(a["x1"])


def _by_rule_band(rows: list[Cells], rules: list[float]) -> list[Cells]:
    """In a table ruled between its rows, the lines between two rules are one
    row (a wrapped name, a cell a skewed scan set a little lower)."""
    if not rows:
        return rows
    inside = sorted(y for y in rules if rows[0].top - 2 < y < rows[-1].bottom + 2)
    if len(set(round(y) for y in inside)) < max(2, len(rows) // 3):
        return rows
    out: list[Cells] = []
    last = None
    for row in rows:
        band = bisect.bisect(inside, (row.top + row.bottom) / 2)
        if out and band == last and 0 < band < len(inside):  # not above the first rule or below the last
            prev = out[-1]
            prev.bottom = max(prev.bottom, row.bottom)
            for role, ws in row.by_role.items():
                have = prev.by_role.setdefault(role, [])
                stacked = any(_x_overlap(a, b) for a in have for b in ws)
                have.extend(ws)
                if role != "test" and not stacked:
                    # a name wraps top to bottom, and so do lines stacked in one cell ("Male: 13.5 - 17.5"
                    # over "Female: 12.0 - 15.5"); a number or range split by skew reads left to right
                    have.sort(key=lambda w: float(w["x0"]))
        else:
            out.append(row)
        last = band
    return out


def _height(line: list[Word]) -> float:
    return max(float(w["bottom"]) - float(w["top"]) for w in line)


def _centre(line: list[Word]) -> float:
    return sum(float(w["top"]) + float(w["bottom"]) for w in line) / (2 * len(line))


def _header_band(lines: list[list[Word]], i: int) -> tuple[list[Word], int]:
    """A header whose cells wrap over two lines while the others sit centred between them
    ("Result (mL/min/1.73" / "Analyte  Reference  Flag" / "m2)"): up to three lines closer than a
    line height whose words never stand over each other's, as one line; each stacked cell's words
    top to bottom. Returns (words, index of the band's last line)."""
    band = [lines[i]]
    for line in lines[i + 1:i + 3]:
        near = abs(_centre(line) - _centre(band[-1])) < 1.25 * max(_height(line), _height(band[-1]))
        if not near or any(_x_overlap(a, b) for a in line for b in band[-1]):
            break
        band.append(line)
    if len(band) == 1:
        return lines[i], i
    cells: list[list[list[Word]]] = []  # header cells: their phrases, line by line
    for ph in sorted((ph for line in band for ph in lab_grid.phrases(line)), key=lambda ph: float(ph[0]["x0"])):
        if cells and float(ph[0]["x0"]) < max(float(p[-1]["x1"]) for p in cells[-1]):
            cells[-1].append(ph)
        else:
            cells.append([ph])
    words = [w for c in cells for ph in sorted(c, key=lambda ph: float(ph[0]["top"])) for w in ph]
    return words, i + len(band) - 1


def _tables(lines: list[list[Word]]) -> list[tuple[int, int, Header]]:
    """(first line, last line, header) of every header row, a header wrapped over lines included."""
    out: list[tuple[int, int, Header]] = []
    i = 0
    while i < len(lines):
        h, end = header_of(lines[i]), i
        if h is None:
            words, end = _header_band(lines, i)
            h = header_of(words) if end > i else None
        if h is not None:
            out.append((i, end, h))
            i = end
        i += 1
    return out


def _across(line: list[Word], cuts: list[float]) -> bool:
    """A sentence running across the gap between tables side by side (a footer under both): one phrase
    starts left of where the right-hand table begins and ends right of it. Cut at that gap, its tail
    would read as a wrapped name under the right-hand table's last row."""
    return any(float(ph[0]["x0"]) < x < float(ph[-1]["x1"]) for ph in lab_grid.phrases(line) for x in cuts)


# The header of a table that holds no results: a microbiology susceptibility table ("Antibiotic |
# Susceptibility | MIC (mg/L)"), an organism list. Its rows (a drug, S / I / R, a MIC) end the results table above.
_OTHER_TABLE = {"antibiotic", "antibiotics", "antimicrobial", "antimicrobials", "susceptibility", "sensitivity",
                "sensitivities", "organism", "organisms", "isolate", "mic"}


def _other_table(line: list[Word]) -> bool:
    """A header row of a table without results: two or more cells, one headed by a word of ``_OTHER_TABLE``."""
    phs = lab_grid.phrases(line)
    return len(phs) >= 2 and any(ph[0]["text"].strip(":()").lower() in _OTHER_TABLE for ph in phs)


def read_lines(lines: list[list[Word]], rules: list[float], page_width: float) -> list[Reading]:
    """Every result under every header row of the page (empty: no table found); a table ends at the next
    header row, or at the header of a table without results (a susceptibility table)."""
    out: list[Reading] = []
    heads = _tables(lines)
    for k, (_, last, head) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        end = next((i for i in range(last + 1, end) if _other_table(lines[i])), end)
        segs = _segments(head)
        body = [line for line in lines[last + 1:end] if not _across(line, [c[0].x0 - 4 for c in segs[1:]])]
        for s, cols in enumerate(segs):
            # the first table's names may start well left of a header cell centred over them ("Test" in
            # the middle of a wide name column): nothing left of it on its rows belongs elsewhere
            x_from = 0.0 if s == 0 else cols[0].x0 - 4
            x_to = segs[s + 1][0].x0 - 4 if s + 1 < len(segs) else page_width + 1
            part = [[w for w in line if x_from <= (float(w["x0"]) + float(w["x1"])) / 2 < x_to] for line in body]
            part = [line for line in part if line]
            if not part:
                continue
            spans = split_columns(part, cols, x_to)
            spans[0] = (spans[0][0], x_from, spans[0][2])
            cells = _by_rule_band([_cells(line, spans) for line in part if not is_prose(line, spans)], rules)
            type_columns(cells)
            rows = join_wrapped(cells, rules)
            stacked_ranges(cells, rows)
            ranges_below(cells, rows)
            labels = {c.role: c.label for c in cols}
            flagged = any(c.role == "flag" and c.label.strip().lower() != "status" for c in cols)
            unit = next((u for c in cols if c.role == "result" and (u := header_unit(c.label))), "")
            out += [r for row in rows for r in read_results(row, labels, flag_column=flagged, unit=unit)]
    return out


def _span(page: int, words: list[Word]) -> TextSpan:
    ordered = sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"])))
    return TextSpan(page=page, x0=min(float(w["x0"]) for w in words), top=min(float(w["top"]) for w in words),
                    x1=max(float(w["x1"]) for w in words), bottom=max(float(w["bottom"]) for w in words),
                    text=" ".join(w["text"] for w in ordered))


def to_value(r: Reading, page: int) -> LabValue:
    known = (loinc.by_code(r.code) if r.code else None) or loinc.lookup(r.test)
    return LabValue(test=r.test, loinc=r.code or (known.loinc if known else None), value=r.value,
                    comparator=r.comparator, unit=r.unit, ucum=r.ucum, ref_low=r.low, ref_high=r.high,
                    flag=r.flag, flag_source=r.flag_source, page=page,  # type: ignore[arg-type]
                    span=_span(page, r.words), collected=r.collected)


def _line_reader(words: list[Word], page: int) -> tuple[list[LabValue], list[list[Word]], list[str]]:
    """``lab_pdf``'s reader of narrative lines ("Glucose: 87.8 mg/dL (reference 70-99) HIGH")."""
    values = parse_words(words, page)
    notes = []
    for v in values:
        v.ucum = unit_code(v.unit or "")
        if v.ucum is None:
            notes.append(f"Page {page}: the unit of {v.test} could not be read"
                         + (f" (printed {v.unit!r})" if v.unit else "") + "; it is reported without a unit.")
            v.unit = None
    by_text = {id(v): [w for w in words if _inside(w, v.span)] for v in values}
    return values, [by_text[id(v)] for v in values], notes


def completeness(unit: str | None, low: float | None, high: float | None) -> int:
    """How much of a result was read: its unit, its range (a reader that reads more wins)."""
    return 1 + (unit is not None) + (low is not None or high is not None)


def read_words(words: list[Word], page: int, *, rules: list[float] | None = None, width: float = 612.0,
               report: ReportPatient | None = None) -> tuple[list[LabValue], list[list[Word]], list[str]]:
    """(results, the words each came from, warnings) of one page. Every reader
    is tried — tables by their header row, transposed panels, header-less rows
    typed by content, narrative lines — and the one that reads the most
    (results, units, ranges) is kept, header tables first on a tie; every unit
    normalised to UCUM. Ranges are read for the patient the page prints, or an earlier page of the same
    ``report`` printed: the sex and age in page 1's header hold for page 2."""
    lines = lines_of(words)
    texts = [" ".join(w["text"] for w in line) for line in lines]
    printed = (patient_sex(texts), patient_age(texts))
    with for_patient(*(report.for_page(page, printed) if report is not None else printed)):
        return _read_lines_of(words, lines, page, rules, width)


def _read_lines_of(words: list[Word], lines: list[list[Word]], page: int, rules: list[float] | None,
                   width: float) -> tuple[list[LabValue], list[list[Word]], list[str]]:
    """:func:`read_words` for the patient of the page (every reader sees the same ranges)."""
    tried = [read_lines(lines, rules or [], width), lab_grid.read_transposed(lines, rules), lab_grid.read_rows(lines),
             lab_blocks.read_blocks(lines)]
    scores = [sum(completeness(r.ucum, r.low, r.high) for r in rs) for rs in tried]
    best = max(range(len(tried)), key=lambda i: (scores[i], -i))
    narrative = _line_reader(words, page)
    rival = sum(completeness(v.ucum, v.ref_low, v.ref_high) for v in narrative[0])
    if rival > scores[best] or (rival == scores[best] and best > 0):
        return narrative  # the narrative reader on a tie with the header-less readers
    readings = tried[best]
    values = [to_value(r, page) for r in readings]
    used = [r.words for r in readings]
    notes = [f"Page {page}: {r.note}." for r in readings if r.note]
    return values, used, notes


def _inside(w: Word, span: TextSpan | None) -> bool:
    return span is not None and span.x0 - 0.5 <= float(w["x0"]) and float(w["x1"]) <= span.x1 + 0.5 \
        and span.top - 0.5 <= float(w["top"]) and float(w["bottom"]) <= span.bottom + 0.5


def read_page(page: Any, words: list[Word], number: int,
              report: ReportPatient | None = None) -> tuple[list[LabValue], list[str]]:
    """A pdfplumber page with a text layer (``report``: the patient its earlier pages printed)."""
    values, _, notes = read_words(words, number, rules=_rules(page), width=float(page.width), report=report)
    return values, notes
