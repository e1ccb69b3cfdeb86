"""Lab results on pages without a header row above the results: what each
cell is, read from the cell itself.

Two shapes are common besides the header-row table of ``lab_table``:

* **transposed panels** — tests run across as columns and the first column
  labels the rows ("Analyte / Units / Result / Reference"), as in panel
  views and cumulative grids; every other row's cell belongs to the test
  column it lines up with (left edges or centres);
* **unlabelled rows** — printouts with no header at all ("Sodium  140
  mmol/L  (133 - 146)  HIGH"): each line is cut into phrases at the gaps and
  each phrase typed by its content — a value (with its qualifier, flag or
  unit), a UCUM unit, a range in any notation, a flag symbol or word — and a
  line is a result when a test name is followed by a value and a unit or range.

Both hand their cells to ``lab_cells.reading`` so a cell means the same thing
in every layout. No layout is named here: roles come from words and content.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from carepath.tools.sources import ucum
from carepath.tools.sources.lab_cells import Reading, read_flag, read_range, read_value, reading

Word = dict[str, Any]

# Row labels of a transposed panel (first column), by role.
_LABELS: dict[str, tuple[str, ...]] = {
    "test": ("test", "tests", "analyte", "analytes", "parameter", "investigation", "examination", "component"),
    "unit": ("unit", "units", "uom"),
    "result": ("result", "results", "value", "values"),
    "range": ("reference", "ref", "ref.", "range", "interval", "ref. interval", "reference range",
              "reference interval", "normal range", "ref. range"),
    "flag": ("flag", "flags", "abn", "status"),
}
# Words that open a line of the report header or footer, never a result.
_NOT_NAMES = {"page", "age", "mrn", "id", "dob", "phone", "tel", "fax", "patient", "pt", "sex", "collected",
              "received", "reported", "printed", "date", "time", "ordering", "specimen", "accession", "npi",
              "comment", "comments", "note", "notes", "please", "reported by", "authorised", "verified",
              "sample"}
NOT_NAMES = frozenset(_NOT_NAMES)  # shared with the stacked-block reader (lab_blocks)


def phrases(line: list[Word]) -> list[list[Word]]:
    """Words joined into phrases where the gap is under ~one space."""
    out: list[list[Word]] = []
    for w in line:
        h = float(w["bottom"] - w["top"]) or 8.0
        if out and float(w["x0"]) - float(out[-1][-1]["x1"]) < 0.45 * h:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _text(ph: list[Word]) -> str:
    return " ".join(w["text"] for w in ph)


def _label(ph: list[Word]) -> str | None:
    t = re.sub(r"[():]", " ", _text(ph)).lower().split()
    text = " ".join(t)
    for role, keys in _LABELS.items():
        if text in keys:
            return role
    return None


# --- transposed panels ----------------------------------------------------------------------

def _column_of(ph: list[Word], heads: list[list[Word]]) -> int:
    """The test column a cell lines up with: same left edge or same centre."""
    x0, x1 = float(ph[0]["x0"]), float(ph[-1]["x1"])
    mid = (x0 + x1) / 2

    def dist(h: list[Word]) -> float:
        hx0, hx1 = float(h[0]["x0"]), float(h[-1]["x1"])
        return min(abs(x0 - hx0), abs(mid - (hx0 + hx1) / 2))
    return min(range(len(heads)), key=lambda i: dist(heads[i]))


def _panel(block: list[tuple[str, list[list[Word]]]]) -> list[Reading]:
    """One transposed block: (role, cell phrases) per row → one reading per test column."""
    heads = next((cells for role, cells in block if role == "test"), [])
    if not heads or not any(role == "result" for role, _ in block):
        return []
    cols: list[dict[str, list[list[Word]]]] = [{"test": [h]} for h in heads]
    for role, cells in block:
        if role == "test" and cells is heads:
            continue
        for ph in cells:
            cols[_column_of(ph, heads)].setdefault(role, []).append(ph)
    out = []
    for c in cols:
        def text(role: str, c: dict = c) -> str:
            return " ".join(_text(ph) for ph in c.get(role, []))
        words = [w for phs in c.values() for ph in phs for w in ph]
        name = [w for ph in c["test"] for w in ph]
        r = reading(name, text("result"), text("unit"), text("range"), [text("flag")] if text("flag") else [],
                    words)
        if r is not None:
            out.append(r)
    return out


def _overlaps(a: list[Word], b: list[Word]) -> bool:
    return float(a[0]["x0"]) < float(b[-1]["x1"]) and float(b[0]["x0"]) < float(a[-1]["x1"])


def banded(lines: list[list[Word]], rules: list[float]) -> list[list[list[Word]]]:
    """Each line's phrases; in a grid ruled between its rows, the lines between
    two rules become one row of phrases, a phrase under another in the same
    cell joined to it (a wrapped name; a cell a skewed scan set a little lower)."""
    rows = [phrases(line) for line in lines if line]
    inside = sorted({round(y, 1) for y in rules})
    if len(inside) < 3:
        return rows
    out: list[list[list[Word]]] = []
    last = None
    for phs in rows:
        mid = (min(float(w["top"]) for ph in phs for w in ph) + max(float(w["bottom"]) for ph in phs for w in ph)) / 2
        band = bisect.bisect(inside, mid)
        if out and band == last and 0 < band < len(inside):
            for ph in phs:
                hit = next((p for p in out[-1] if _overlaps(p, ph)), None)
                if hit is not None:
                    hit.extend(ph)
                else:
                    out[-1].append(list(ph))
            out[-1].sort(key=lambda p: float(p[0]["x0"]))
        else:
            out.append([list(ph) for ph in phs])
        last = band
    return out


def read_transposed(lines: list[list[Word]], rules: list[float] | None = None) -> list[Reading]:
    """Every transposed panel on the page: runs of rows whose first cell is a
    row label, one of them the tests and one the results; an unruled line
    without a label continues the row above (a test name wrapped in its cell)."""
    out: list[Reading] = []
    block: list[tuple[str, list[list[Word]]]] = []
    for phs in [*banded(lines, rules or []), []]:
        role = _label(phs[0]) if len(phs) >= 2 else None
        if role is not None and not any(r == role for r, _ in block):
            block.append((role, phs[1:]))
            continue
        if role is None and block and phs and not _label(phs[0]):
            last_role, cells = block[-1]
            if last_role == "test" and all(read_value(_text(p)) is None for p in phs):
                heads = cells
                for ph in phs:  # a wrapped test name: joins the name it sits under
                    heads[_column_of(ph, heads)] += ph
                continue
        out += _panel(block)
        block = [(role, phs[1:])] if role is not None else []
    return out


# --- unlabelled rows ------------------------------------------------------------------------

def cell_kind(text: str) -> str:
    """What a phrase is by its content alone."""
    t = text.strip()
    if read_flag(t) is not None and not ucum.is_unit(t):
        return "flag"
    low, high, rest = read_range(t)
    if (low is not None or high is not None) and not rest.strip("()[] ") and not re.fullmatch(r"[\d.,]+", t):
        return "range"
    if read_value(t) is not None and re.match(r"^[<>≤≥]?\s*-?[\d.]", t):
        return "value"
    if ucum.to_ucum(t) is not None:
        return "unit"
    return "text"


_OPEN, _CLOSE = ("(", "["), (")", "]")
_JOINERS = {"-", "–", "—", "to", "<", ">", "≤", "≥", "<=", ">="}


def _merged(phs: list[list[Word]]) -> list[list[Word]]:
    """Phrases a wide gap split inside one range ("(3.5  -  5.5)", "(>  60)", "< 100"):
    a bracket is joined up to its closing bracket, a dash or comparison to its neighbours."""
    out: list[list[Word]] = []
    open_ = False
    for ph in phs:
        t = _text(ph)
        join = bool(out) and (open_ or t in _JOINERS - {"<", ">", "≤", "≥", "<=", ">="}
                              or _text(out[-1]).split()[-1] in _JOINERS)
        if join:
            out[-1] = out[-1] + ph
        else:
            out.append(list(ph))
        joined = _text(out[-1])
        open_ = joined.count("(") + joined.count("[") > joined.count(")") + joined.count("]")
    return out


def _record(phs: list[list[Word]], kinds: list[str]) -> tuple[Reading | None, int]:
    """The result that starts a run of phrases and how many phrases it took:
    name phrase(s), a value, then unit, range and flag phrases up to the next name."""
    i = next((k for k, kind in enumerate(kinds) if kind != "text"), None)
    if i is None or i == 0:
        return None, len(phs)
    if kinds[i] == "range" and re.match(r"^[<>≤≥]\s*[\d.]", _text(phs[i])):
        kinds[i] = "value"  # the first number after a name is its value: "<75" is a qualified result
    end = next((k for k in range(i + 1, len(kinds)) if kinds[k] in ("text", "value")), len(kinds))
    name = [w for ph in phs[:i] for w in ph]
    first = name[0]["text"].strip(":").lower()
    if (kinds[i] != "value" or first in _NOT_NAMES or not re.search(r"[A-Za-z]{2}", _text(name))
            or (end < len(kinds) and kinds[end] == "value")):
        return None, len(phs)  # a second number: not a one-result run (a date, a cumulative row)
    parts: dict[str, list[str]] = {"unit": [], "range": [], "flag": []}
    for ph, k in zip(phs[i + 1:end], kinds[i + 1:end]):
        parts[k].append(_text(ph))
    value = read_value(_text(phs[i]))
    if value is None or not (parts["unit"] or parts["range"] or value.unit_text):
        return None, len(phs)
    return reading(name, _text(phs[i]), " ".join(parts["unit"]), " ".join(parts["range"]), parts["flag"],
                   [w for ph in phs[:end] for w in ph]), end


def read_row_line(line: list[Word]) -> list[Reading]:
    """A header-less line as results: each a name, a value, then unit, range and
    flag phrases in any order; a name after them starts the next result (two
    columns of results side by side). Anything else rejects the rest of the line."""
    phs = _merged(phrases(line))
    kinds = [cell_kind(_text(ph)) for ph in phs]
    out: list[Reading] = []
    while phs:
        r, used = _record(phs, kinds)
        if r is None:
            break
        out.append(r)
        phs, kinds = phs[used:], kinds[used:]
    return out


def read_rows(lines: list[list[Word]]) -> list[Reading]:
    return [r for line in lines for r in read_row_line(line)]
