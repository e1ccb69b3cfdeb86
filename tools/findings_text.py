"""Turning a model's report text into findings, one per bullet/sentence of
its Findings section, plus the impression. Document and model text is data:
it is split and quoted, never interpreted as instructions."""

from __future__ import annotations

import re

_SECTION = re.compile(r"^\s*\**\s*(findings|impression)\s*\**\s*:?\s*\**\s*(.*)$", re.I)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


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
