"""Are these headers one patient? Checked across every study input of a
request (the current study, its prior, the instances inside a zip or folder)
before any thread exists.

``merge_contexts`` joins one context per input; a comparison skill also reads
a prior, and a zip or folder may hold several patients, so the patient is
checked here on every distinct header, not only the first instance of the
first study. A prior of another patient compared against the current one is a
wrong-patient error in the report itself, so it is refused, never resolved.

The rule, in the order a PACS reconciles identities:

* both headers state a PatientID: the identifiers (value, and the issuer when
  both state one) decide. Same identifier with a different family name or
  birth date is only warned about (names change on marriage, registrations
  get corrected; the hospital's identifier is the key), naming the attribute.
* one lacks PatientID: family name and birth date, when both headers state
  both, decide (folded for case, accents and spacing).
* otherwise nothing can be compared: a warning names the missing attribute
  and asks for a check by hand; nothing is invented.

Messages name inputs and attributes, never their values (PatientID, names and
birth dates stay out of errors and logs).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import combinations

from pydantic import BaseModel, ConfigDict

from carepath.context.linkage import ContextConflictError
from carepath.context.patient import Patient

FIX = ("hand over one patient's studies: check the prior (or the other study) belongs to this patient, "
       "or export the study again with only this patient's images")


class Sighting(BaseModel):
    """One distinct patient as one input states it; ``label`` names the input
    (its kind and file name), never the patient."""

    model_config = ConfigDict(frozen=True)

    label: str
    patient: Patient
    stated: bool = False   # a request field or record: refuses on a conflict, never warns,
    #                        since filling in what a study lacks is what it is for


def _given_key(p: Patient) -> str | None:
    given = p.name.given if p.name else None
    if not given:
        return None
    folded = unicodedata.normalize("NFKD", given).casefold()
    return "".join(ch for ch in folded if ch.isalnum()) or None


def _by_name_and_birth(a: Patient, b: Patient) -> bool | None:
    """True/False when both state family name and birth date; None otherwise.
    Given names are compared only when both state one."""
    fa = a.name.family_key() if a.name else None
    fb = b.name.family_key() if b.name else None
    if not (fa and fb and a.birth_date and b.birth_date):
        return None
    ga, gb = _given_key(a), _given_key(b)
    return fa == fb and a.birth_date == b.birth_date and not (ga and gb and ga != gb)


def _refuse(a: Sighting, b: Sighting, why: str) -> ContextConflictError:
    if a.label == b.label:   # one zip or folder holding two patients' images
        return ContextConflictError("conflicting patient/order context in one request", subject=a.label,
                                    why=f"the instances of this one input name two different patients ({why})",
                                    fix=FIX)
    return ContextConflictError("conflicting patient/order context in one request",
                                subject=f"{a.label} vs {b.label}",
                                why=f"the inputs name two different patients ({why})", fix=FIX)


def _compare(a: Sighting, b: Sighting) -> list[str]:
    """Warnings for one pair; raises ``ContextConflictError`` for two patients."""
    pa, pb = a.patient, b.patient
    pair = a.label if a.label == b.label else f"{a.label} and {b.label}"
    if pa.id is not None and pb.id is not None:
        if pa.id.value != pb.id.value:
            raise _refuse(a, b, "PatientID differs")
        if pa.id.conflicts_with(pb.id):
            raise _refuse(a, b, "same PatientID from different issuers (IssuerOfPatientID differs)")
        out = []
        if pa.name and pb.name and pa.name.family_key() and pb.name.family_key() \
                and pa.name.family_key() != pb.name.family_key():
            out.append(f"{pair}: same PatientID but PatientName differs; check it is the same patient")
        if pa.birth_date and pb.birth_date and pa.birth_date != pb.birth_date:
            out.append(f"{pair}: same PatientID but PatientBirthDate differs; check it is the same patient")
        return out
    same = _by_name_and_birth(pa, pb)
    if same is False:
        raise _refuse(a, b, "no PatientID to compare, and PatientName or PatientBirthDate differs")
    if same is None:
        return [f"{pair}: PatientID is missing and PatientName/PatientBirthDate cannot be compared; "
                "check by hand that they are the same patient"]
    return []


def check_one_patient(sightings: Sequence[Sighting]) -> list[str]:
    """Compare every pair of distinct patients the inputs state. Returns the
    warnings (attribute names only); raises ``ContextConflictError`` on the
    first pair that names two different patients."""
    distinct: list[Sighting] = []
    for s in sightings:
        if not any(s.patient == d.patient for d in distinct):
            distinct.append(s)
    warnings: list[str] = []
    for a, b in combinations(distinct, 2):
        found = _compare(a, b)
        warnings += [] if a.stated or b.stated else found
    return list(dict.fromkeys(warnings))
