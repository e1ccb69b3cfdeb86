"""Turning a model's report text into findings, one per bullet/sentence of
its Findings section, plus the impression. Document and model text is data:
it is split and quoted, never interpreted as instructions."""

from __future__ import annotations

import re

_SECTION = re.compile(r"^\s*[#*]*\s*(findings|impression)\s*\**\s*:?\s*\**\s*(.*)$", re.I)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_SLICE_REF = re.compile(r"\(?\s*\bslices?\s+((?:\d+\s*(?:[-–]|to)?\s*(?:,|and)?\s*)+)\)?", re.I)


def split_report(text: str) -> tuple[list[str], str | None]:
    """(finding sentences, impression) from "Findings: … Impression: …" text;
    text without headings is treated as findings."""
    findings: list[str] = []
    impression: list[str] = []
    current = findings
    for raw in text.splitlines():
        m = _SECTION.match(raw)
        if m:
            current = findings if m.group(1).lower() == "findings" else impression
            raw = m.group(2)
        line = raw.strip().lstrip("-*•").strip()
        if not line:
            continue
        if current is findings:
            findings += [s.strip() for s in _SENT.split(line) if s.strip()]
        else:
            impression.append(line)
    return findings, (" ".join(impression) or None)


def slice_refs(sentence: str, n_slices: int) -> tuple[str, list[int]]:
    """A finding's cited ``SLICE k`` labels (1-based, ranges allowed) as
    0-based indices into the images sent, and the sentence without them.
    Labels outside 1..n_slices are dropped (the model cannot have seen them)."""
    found: list[int] = []

    def take(m: re.Match[str]) -> str:
        for a, b in re.findall(r"(\d+)(?:\s*(?:[-–]|to)\s*(\d+))?", m.group(1)):
            lo, hi = int(a), int(b or a)
            if hi < lo or hi - lo > n_slices:
                continue
            found.extend(k - 1 for k in range(lo, hi + 1) if 1 <= k <= n_slices)
        whole = m.group(0)
        return "" if whole.lstrip().startswith("(") else whole

    text = _SLICE_REF.sub(take, sentence)
    text = re.sub(r"\s+([.,;])", r"\1", re.sub(r"\(\s*\)", "", text)).strip(" ,;") or sentence
    return text, sorted(set(found))
