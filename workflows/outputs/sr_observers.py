"""Who observed what in carepath's SR (TID 1001 Observation Context), and
which algorithm made a finding (TID 4019 Algorithm Identification).

The drafting model is always a Device observer: an AI draft must say a
machine wrote it. When the reviewer changed the text, the signed report's
content is theirs too, so a Person observer is added; a plain approval adds
none (the reviewer is then the Verifying Observer in the header, which is
what a verification without authorship is).
"""

from __future__ import annotations

import re

import highdicom as hd
from pydicom.sr.codedict import codes
from pydicom.uid import generate_uid

from carepath.draft import Draft, SignOff
from carepath.evidence import SkillResult

MANUFACTURER = "carepath"
UID_ROOT = "carepath-sr"


def person_name(identity: str) -> str:
    """A reviewer identity as a DICOM PN (``Family^Given``): "Jane Smith" and
    "Smith, Jane" both become ``Smith^Jane``; one word becomes ``Word^``."""
    text = re.sub(r"[\\^=\r\n\t]", " ", identity).strip()
    if "," in text:
        family, given = (p.strip() for p in text.split(",", 1))
    else:
        parts = text.split()
        family, given = (parts[-1], " ".join(parts[:-1])) if parts else ("UNKNOWN", "")
    return f"{family[:64]}^{given[:64]}"


def edited(signoff: SignOff | None) -> bool:
    """Whether the reviewer wrote or changed report text (not only approved)."""
    return signoff is not None and signoff.status == "final" and \
        (signoff.decision.action == "edit" or bool(signoff.diffs))


def device_observer(draft: Draft) -> hd.sr.ObserverContext:
    """The drafting device: the first model used (or the template composer)."""
    model = next(iter(draft.models), None)
    name = (model.model if model else "carepath template composer")[:64]
    attrs = hd.sr.DeviceObserverIdentifyingAttributes(
        uid=generate_uid(entropy_srcs=[UID_ROOT, "device", name]),
        name=name, manufacturer_name=MANUFACTURER,
        model_name=(model.backend if model else "template")[:64])
    return hd.sr.ObserverContext(observer_type=codes.cid270.Device,
                                 observer_identifying_attributes=attrs)


def observation_context(draft: Draft, signoff: SignOff | None,
                        organization: str | None) -> hd.sr.ObservationContext:
    """TID 1001: the device always; the reviewer as a Person when they edited."""
    person = None
    if edited(signoff) and signoff is not None:
        person = hd.sr.ObserverContext(
            observer_type=codes.cid270.Person,
            observer_identifying_attributes=hd.sr.PersonObserverIdentifyingAttributes(
                name=person_name(signoff.decision.reviewer),
                organization_name=(organization or None) and organization[:64]))
    return hd.sr.ObservationContext(observer_person_context=person,
                                    observer_device_context=device_observer(draft))


def algorithm(draft: Draft, result: SkillResult) -> hd.sr.AlgorithmIdentification:
    """TID 4019 for the skill that produced a finding: the model name, its
    version (revision, or "unversioned" when the backend reported none) and,
    as parameters, the versioned prompt templates it ran with."""
    use = next((m for m in draft.models if m.role == result.skill), None) or \
        next((m for m in draft.models if m.model == result.model), None)
    name = result.model or (use.model if use else None) or f"carepath {result.skill}"
    version = (use.version if use and use.version else None) or "unversioned"
    prompts = list(dict.fromkeys(
        ([result.template_id] if result.template_id else []) + list(draft.prompt_templates)))
    return hd.sr.AlgorithmIdentification(
        name=name[:64], version=version[:64],
        parameters=[f"prompt {p}"[:1024] for p in prompts] or None,
        manufacturer=MANUFACTURER)
