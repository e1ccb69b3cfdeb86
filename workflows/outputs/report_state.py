"""Where a report stands (draft, signed, rejected) and the one sentence that
says so. Every output (Markdown, HTML, FHIR narrative and conclusion) shows
the same banner, so a reader never sees two wordings of the same state."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from carepath.draft import Draft, Section, SignOff

ReportState = Literal["draft", "final", "rejected"]


def state_of(signoff: SignOff | None) -> ReportState:
    """No sign-off yet = draft; a rejection is its own state, never final."""
    if signoff is None:
        return "draft"
    return "rejected" if signoff.status == "rejected" else "final"


def report_sections(draft: Draft, signoff: SignOff | None) -> list[Section]:
    """The text a report shows: the reviewer's final sections once signed,
    the draft's while unsigned or when rejected (nothing was approved)."""
    if state_of(signoff) != "final" or signoff is None:
        return draft.sections
    return signoff.final_sections or draft.sections


def fmt_time(t: datetime) -> str:
    """How times read in reports: to the second, with the zone when known."""
    return t.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def banner(signoff: SignOff | None) -> str:
    """The status banner: plain words on whether a clinician signed it."""
    state = state_of(signoff)
    if signoff is None:
        return ("DRAFT — not signed. Machine-generated; a clinician must review and "
                "sign it before any clinical use.")
    who, when = signoff.decision.reviewer, fmt_time(signoff.signed_at)
    if state == "rejected":
        return f"REJECTED by {who} at {when}. Not for clinical use."
    edited = " (edited by the reviewer)" if signoff.decision.action == "edit" else ""
    return f"Signed by {who} at {when}{edited}."
