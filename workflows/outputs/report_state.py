"""Where a report stands (draft, signed, rejected) and the one sentence that
says so, and whom it is about (the patient banner). Every output (Markdown,
HTML, PDF, FHIR narrative) shows the same banners, so a reader never sees two
wordings of the same state or two spellings of the same patient."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from carepath.context import CareContext, Identifier
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


class Revision(BaseModel):
    """A later version of a signed report (amendment or correction).

    ``version`` counts report versions (the first signed one is 1); the
    Provenance of this version names the one it replaces by its carepath
    version identifier, and by ``replaces`` too when the caller knows the
    earlier version's address on the server (``DiagnosticReport/7/_history/2``)."""

    version: int = Field(ge=2)
    status: Literal["amended", "corrected"] = "amended"
    reason: str = Field(min_length=1, max_length=4000)
    replaces: str | None = Field(None, max_length=1000)



def banner(signoff: SignOff | None, revision: Revision | None = None) -> str:
    """The status banner: plain words on whether a clinician signed it, and
    for a later version which version it is and why it changed (a reader
    holding an earlier printout must see that this one replaces it)."""
    state = state_of(signoff)
    if signoff is None:
        return ("DRAFT — not signed. Machine-generated; a clinician must review and "
                "sign it before any clinical use.")
    who, when = signoff.decision.reviewer, fmt_time(signoff.signed_at)
    if state == "rejected":
        return f"REJECTED by {who} at {when}. Not for clinical use."
    if revision is not None:
        return (f"{revision.status.upper()} — version {revision.version}, signed by {who} at {when}; "
                f"replaces the earlier signed version. Reason: {revision.reason}")
    edited = " (edited by the reviewer)" if signoff.decision.action == "edit" else ""
    return f"Signed by {who} at {when}{edited}."


# --- the patient banner -----------------------------------------------------------

NOT_RECORDED = "not recorded"
NO_CONTEXT = ("no patient/order context was recorded for this report: confirm the patient "
              "from the images and the order before signing")
_SEX = {"M": "male", "F": "female", "O": "other", "U": "unknown"}


class BannerItem(BaseModel):
    """One labelled value of the patient banner; ``value`` None = not recorded."""

    label: str
    value: str | None = None

    @property
    def shown(self) -> str:
        return self.value or NOT_RECORDED


class PatientBanner(BaseModel):
    """Who and which study a report is about, in the words every rendering
    (Markdown, HTML, PDF, the reviewer page) shows: a reviewer confirms the
    patient before signing, so all of them must say the same thing, and a
    missing identifier is said out loud (``warnings``), never filled in."""

    items: list[BannerItem]
    warnings: list[str] = Field(default_factory=list)

    def get(self, label: str) -> str | None:
        return next((i.value for i in self.items if i.label == label), None)


def _identifier(ident: Identifier | None) -> str | None:
    if ident is None:
        return None
    issuer = ident.namespace or ident.universal_id
    return f"{ident.value} (issuer {issuer})" if issuer else ident.value


def age_on(born: date, on: date) -> str:
    """Age as radiology reports state it: years, or months/days for infants."""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if years >= 2:
        return f"{years} y"
    months = (on.year - born.year) * 12 + on.month - born.month - (on.day < born.day)
    return f"{months} mo" if months >= 1 else f"{(on - born).days} d"


def patient_banner(context: CareContext | None, *, on: date | None = None) -> PatientBanner:
    """The banner of a report. ``on`` is the date the age is given at when the
    study date is unknown (the draft's date); with no context at all every
    value reads 'not recorded' and a warning says so."""
    if context is None:
        empty = patient_banner(CareContext(), on=on)
        return empty.model_copy(update={"warnings": [NO_CONTEXT, *empty.warnings]})
    ctx = context.checked()
    pat, study = ctx.patient, ctx.study
    born = None
    if pat.birth_date is not None:
        at = study.date or on
        born = pat.birth_date.isoformat() + (f" (age {age_on(pat.birth_date, at)})"
                                             if at and at >= pat.birth_date else "")
    when = None
    if study.date is not None:
        when = study.date.isoformat() + (f" {study.time.strftime('%H:%M')}" if study.time else "")
    procedure = ctx.order.procedure.meaning if ctx.order.procedure else None
    items = [
        BannerItem(label="Patient", value=pat.name.display if pat.name and not pat.name.is_empty() else None),
        BannerItem(label="MRN", value=_identifier(pat.id)),
        BannerItem(label="Born", value=born),
        BannerItem(label="Sex", value=_SEX.get(pat.sex or "")),
        BannerItem(label="Accession", value=_identifier(ctx.order.accession)),
        BannerItem(label="Study date", value=when),
        BannerItem(label="Modality", value=study.modality),
        BannerItem(label="Description", value=study.description or procedure),
    ]
    return PatientBanner(items=items, warnings=list(ctx.warnings))


def banner_for(draft: Draft, context: CareContext | None) -> PatientBanner | None:
    """The banner a draft's renderings and reviewer views show: whenever a
    context is known, and on every report about a patient (all but guideline
    questions), where a missing context is itself a warning."""
    if context is None and draft.intent == "guideline_qa":
        return None
    return patient_banner(context, on=draft.created_at.date())
