"""Word boxes as a PDF's text layer gives them, for the lab-reader unit tests (tests/test_labs.py,
tests/test_lab_batch_i.py): a cell's words one space apart at a given x and line top."""

from __future__ import annotations


def phrase(text: str, x: float, top: float, size: float = 8.5) -> list[dict]:
    """A cell's words, one space apart (word boxes as a PDF's text layer gives them)."""
    out = []
    for w in text.split():
        out.append({"text": w, "x0": x, "x1": x + 0.55 * size * len(w), "top": top, "bottom": top + size})
        x = out[-1]["x1"] + 0.3 * size
    return out
