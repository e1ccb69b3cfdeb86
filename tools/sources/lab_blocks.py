"""Lab results printed as stacked blocks rather than table rows.

Patient portals and some result letters print one "card" per result: the
test name on a line of its own, the value under it (often in large type,
the unit small beside it, a word such as "Above range" further along), then
a line such as "Standard range: 70 - 99 mg/dL" and perhaps a comment. No
line holds a whole result, so neither the header-row tables of ``lab_table``
nor the header-less rows of ``lab_grid`` can read them; here a block is read
as a name line, then a line that *starts* with a value, then the lines under
it up to the next name (a range, flags, comments). Cells are read by
``lab_cells.reading`` like every other layout's, and no layout is named.
"""

from __future__ import annotations

import re
from typing import Any

from carepath.tools.sources import loinc, ucum
from carepath.tools.sources.lab_cells import Reading, read_flag, read_range, reading
from carepath.tools.sources.lab_grid import NOT_NAMES, cell_kind, phrases

Word = dict[str, Any]

# A range line's label ("Standard range:", "Reference interval:", "Normal:"): the words before a colon.
_RANGE_LABEL = re.compile(r"^(?:[A-Za-z.]+\s+){0,2}(?:range|interval|values?|normal|reference|ref\.?|limits?)\s*:\s*",
                          re.I)
RANGE_LABEL = _RANGE_LABEL  # shared with the table reader: a range's own line under a name (lab_table)
# Field labels that open a block's name and value lines ("Test: Potassium" / "Result: 5.6 mmol/L (H)"):
# reports that print each result as labelled lines; the label is no part of the name or the value.
_FIELD_LABEL = re.compile(r"^(?:test(?:\s+name)?|analyte|investigation|parameter|component|examination|"
                          r"(?:your\s+|test\s+)?result(?:\s+value)?|value)\s*:$", re.I)


def _top(line: list[Word]) -> float:
    return min(float(w["top"]) for w in line)


def _bottom(line: list[Word]) -> float:
    return max(float(w["bottom"]) for w in line)


def same_baseline(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines rejoined where a small word sits on the baseline of a large one (a value in
    large type with its unit small beside it): the smaller line lies within the taller
    line's height, its bottom near the taller one's, and the two do not overlap across.
    OCR boxes hug the ink, so a descender ("mg/dl") may reach a little below the value."""
    out: list[list[Word]] = []
    for line in lines:
        if out:
            prev = out[-1]
            tall, small = (prev, line) if _bottom(prev) - _top(prev) >= _bottom(line) - _top(line) else (line, prev)
            inside = (_top(tall) - 0.5 <= _top(small)
                      and _bottom(small) <= _bottom(tall) + max(0.5, 0.3 * (_bottom(small) - _top(small))))
            near = abs(_bottom(tall) - _bottom(small)) <= 0.3 * (_bottom(tall) - _top(tall))
            apart = all(float(a["x1"]) <= float(b["x0"]) or float(b["x1"]) <= float(a["x0"]) for a in prev for b in line)
            if inside and near and apart and _bottom(small) - _top(small) < 0.9 * (_bottom(tall) - _top(tall)):
                out[-1] = sorted(prev + line, key=lambda w: float(w["x0"]))
                continue
        out.append(line)
    return out


def _text(ph: list[Word]) -> str:
    return " ".join(w["text"] for w in ph)


def _is_name_line(line: list[Word]) -> bool:
    """A line that is only a test name: words set about a space apart (one phrase, or OCR's
    slightly wider gaps; never two columns), short, not a sentence or header field."""
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in zip(line, line[1:])]
    if any(g > 1.2 * (float(b["bottom"]) - float(b["top"])) for g, b in zip(gaps, line[1:])):
        return False
    text = _text(line)
    first = text.split()[0].strip(":").lower()
    return (cell_kind(text) == "text" and bool(re.search(r"[A-Za-z]{2}", text)) and len(text.split()) <= 7
            and first not in NOT_NAMES and not text.rstrip().endswith((".", ":", ";")))


def _value_text(ph: list[Word]) -> str:
    """The value phrase; digits of one number in large type that OCR cut in two ("1 08",
    a gap well under a space) are joined back."""
    digits = [w for w in ph if re.fullmatch(r"[<>≤≥]?\d[\d.,]*", str(w["text"]))]
    tight = all(float(b["x0"]) - float(a["x1"]) < 0.3 * (float(b["bottom"]) - float(b["top"]))
                for a, b in zip(digits, digits[1:]))
    if len(digits) >= 2 and digits == ph[:len(digits)] and tight:
        return "".join(str(w["text"]) for w in digits) + " " + _text(ph[len(digits):])
    return _text(ph)


def _unit_and_flag(ph: list[Word]) -> list[str]:
    """The phrase's text, or its words one by one when it is neither a unit nor a flag but a unit
    and a flag set closer than a space apart ("ng/mL (L)": OCR's gaps are uneven)."""
    text = _text(ph)
    if len(ph) < 2 or cell_kind(text) == "unit" or read_flag(text) is not None:
        return [text]
    words = [str(w["text"]) for w in ph]
    kinds = [cell_kind(t) == "unit" for t in words]
    if any(kinds) and all(k or read_flag(t) is not None for t, k in zip(words, kinds)):
        return words
    return [text]


def _value_line(line: list[Word]) -> tuple[str, list[str], list[str]] | None:
    """(value text, unit texts, flag texts) of a line that starts with a value and holds
    nothing but its unit and flag words ("0.63  mg/dL", "25.2 mg/dl  Below range"); the
    words that are no unit must read as one flag together (a gap may split "Above  range")."""
    phs = phrases(line)
    if not phs or cell_kind(_text(phs[0])) != "value":
        return None
    rest = [part for ph in phs[1:] for part in _unit_and_flag(ph)]
    units: list[str] = []
    flags: list[str] = []
    for t in rest:  # after a unit, "(L)" / "(H)" is the flag, never a second unit (litre, henry)
        (units if cell_kind(t) == "unit" and not (units and read_flag(t) is not None) else flags).append(t)
    flag = " ".join(flags)
    if flag and read_flag(flag) is None:
        return None
    return _value_text(phs[0]).strip(), units, [flag] if flag else []


def _range_of(lines: list[list[Word]]) -> tuple[str, str, list[Word]]:
    """(range text, unit printed after it, its words) from the lines under a value:
    the first that reads as a range once its label is set aside."""
    for line in lines:
        text = _RANGE_LABEL.sub("", _text(line))
        low, high, rest = read_range(text)
        if low is None and high is None:
            continue
        if text != _text(line) or not rest.strip("()[] ") or ucum.is_unit(rest):
            return text, rest if ucum.is_unit(rest) else "", line
    return "", "", []


def _block(name: list[Word], value: list[Word], under: list[list[Word]]) -> Reading | None:
    parsed = _value_line(value)
    if parsed is None:
        return None
    result, units, flags = parsed
    rng, rest, rng_words = _range_of(under)
    flags += [_text(line) for line in under if read_flag(_text(line)) is not None]
    unit = " ".join(units) or rest
    r = reading(name, result, unit, rng, flags, [*name, *value, *rng_words])
    if r is None or not (r.ucum or r.low is not None or r.high is not None or loinc.lookup(r.test)):
        return None
    return r


def unlabelled(line: list[Word]) -> list[Word]:
    """The line without a leading field label ("Test:", "Analyte:", "Result:", "Your result:"; the
    colon glued to the label or a word of its own), so that a block printed as labelled lines reads
    like one printed bare. A line that is only a label, or has none, is kept whole."""
    texts = [str(w["text"]) for w in line]
    for n in range(1, min(3, len(line) - 1) + 1):
        head = " ".join(texts[:n])
        if _FIELD_LABEL.match(head):
            return line[n:]
        if n < len(line) - 1 and texts[n] == ":" and _FIELD_LABEL.match(head + ":"):
            return line[n + 1:]
    return line


def read_blocks(lines: list[list[Word]]) -> list[Reading]:
    """Every stacked result on the page: a name line, within about two line heights
    a line that starts with a value, then the lines under it up to the next name."""
    lines = same_baseline([unlabelled(ln) for ln in lines if ln])
    out: list[Reading] = []
    starts = [i for i in range(len(lines) - 1)
              if _is_name_line(lines[i]) and _value_line(lines[i + 1]) is not None
              and _top(lines[i + 1]) - _bottom(lines[i]) < 2 * (_bottom(lines[i]) - _top(lines[i]))]
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        under = lines[i + 2:min(end, i + 5)]  # a range, a flag or a comment: up to three lines
        if (r := _block(lines[i], lines[i + 1], under)) is not None:
            out.append(r)
    return out
