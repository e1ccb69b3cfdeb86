"""Which skills a request needs.

Deterministic first: the inputs given and their modality (read from DICOM
headers upstream) fix most of the route — a prior means comparison, a PDF
means lab extraction, a CT/MR series means the volume skill — all read from
each skill's declaration in ``carepath.tools.registry``. A study whose
modality no skill declares is refused here, once, as "not supported". Wording only
decides what inputs cannot (chest X-ray report vs localization) and is
otherwise used to warn when a request asks for something it gave no input
for. Text inside documents never reaches the router.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field, field_validator

from carepath.agents.intent import IntentClassifier
from carepath.draft import UNKNOWN_INTENT, Intent
from carepath.tools import registry
from carepath.tools.spec import SkillSpec

# Names for the modalities a user is most likely to send that no skill reads.
_MODALITY_NAMES = {"MG": "mammography", "PT": "PET", "NM": "nuclear medicine", "XA": "angiography",
                   "US": "ultrasound", "OT": "other", "SR": "structured report", "SEG": "segmentation"}


class RouteInputs(BaseModel):
    """What the router may look at: input kinds and study modalities, not content."""

    kinds: list[str] = Field(default_factory=list)
    study_modalities: list[str] = Field(default_factory=list)
    prior_modalities: list[str] = Field(default_factory=list)


class Route(BaseModel):
    intent: Intent
    skills: list[str]
    confidence: float
    reasons: list[str]
    warnings: list[str] = Field(default_factory=list)

    @field_validator("intent")
    @classmethod
    def _declared(cls, v: str) -> str:
        if v != UNKNOWN_INTENT and v not in registry.intents():
            raise ValueError(f"no skill declares intent {v!r}; declared: {sorted(registry.intents())}")
        return v

    @field_validator("skills")
    @classmethod
    def _registered(cls, v: list[str]) -> list[str]:
        unknown = [s for s in v if s not in registry.skill_names()]
        if unknown:
            raise ValueError(f"unknown skill(s) {unknown}; registered: {registry.skill_names()}")
        return v


def applies(spec: SkillSpec, kinds: set[str], modalities: set[str]) -> bool:
    """A skill applies when one of its input kinds is given (a study only when
    its modality is declared) and every kind it requires is given too."""
    if not spec.inputs or not spec.requires <= kinds:
        return False
    return any(k != "study" or modalities & spec.modalities for k in spec.inputs & kinds)


def allowed_intents(inp: RouteInputs) -> tuple[list[Intent], list[str]]:
    """Intents compatible with the inputs, and why."""
    kinds, mods = set(inp.kinds), set(inp.study_modalities)
    applying = [s for s in registry.skills() if applies(s, kinds, mods)]
    exclusive = [s for s in applying if s.exclusive]
    if exclusive:
        applying = exclusive[:1]
    why: list[str] = []
    for s in applying:
        shown = sorted(mods & s.modalities) if "study" in kinds else []
        line = s.route_reason + (f" ({', '.join(shown)})" if shown else "")
        if line not in why:
            why.append(line)
    return [s.intent for s in applying], why


def input_warnings(inp: RouteInputs, allowed: Iterable[Intent]) -> list[str]:
    """One plain limitation per input no skill will read: a study of a
    modality no skill declares, a prior nothing compares with."""
    kinds, mods = set(inp.kinds), set(inp.study_modalities)
    chosen = [s for s in registry.skills() if s.intent in set(allowed)]
    out: list[str] = []
    if "study" in kinds and not any(s.reads_study() and mods & s.modalities for s in chosen):
        supported = ", ".join(sorted(registry.declared_modalities()))
        unread = sorted(mods - registry.declared_modalities()) or sorted(mods)
        named = ", ".join(f"{_MODALITY_NAMES[m]} ({m})" if m in _MODALITY_NAMES else m for m in unread)
        out.append(f"The study's modality is not supported: {named or 'no readable DICOM'}. No carepath "
                   f"skill reads it (supported: {supported}); the study was not processed.")
    if "prior" in kinds and "study" in kinds and not any(s.requires >= {"prior"} for s in chosen):
        comparing = sorted({m for s in registry.skills() if "prior" in s.requires for m in s.modalities})
        if mods & registry.declared_modalities():
            out.append("A prior study was given, but comparison with a prior is supported for "
                       f"{', '.join(comparing)} only; the prior was not used.")
    return out


def _text_skills() -> list[SkillSpec]:
    """Skills that read the request text alone (the guideline assistant)."""
    return [s for s in registry.skills() if not s.inputs]


def route(text: str, inp: RouteInputs, classifier: IntentClassifier | None) -> Route:
    allowed, reasons = allowed_intents(inp)
    warnings = input_warnings(inp, allowed)
    text_skills = _text_skills()
    if "study" in inp.kinds and not allowed:
        return Route(intent=UNKNOWN_INTENT, skills=[s.name for s in text_skills] if text.strip() else [],
                     confidence=0.0,
                     reasons=reasons + [f"no skill reads the study's modality "
                                        f"({', '.join(sorted(inp.study_modalities)) or 'no readable DICOM'})"],
                     warnings=warnings)
    if not allowed:
        return Route(intent=text_skills[0].intent, skills=[s.name for s in text_skills], confidence=1.0,
                     reasons=["text only: guideline question"],
                     warnings=warnings + _missing_input_warning(text, classifier))
    if len(allowed) == 1 or classifier is None or not text.strip():
        primary = allowed[0]
        conf = 1.0
        if len(allowed) > 1:
            reasons.append(f"no wording to choose by; defaulted to {primary}")
    else:
        score = classifier.classify(text, allowed)
        primary, conf = score.intent, score.score
        reasons.append(f"wording chose {primary} among {', '.join(allowed)} ({conf:.2f})")
    return Route(intent=primary, skills=_skills_for(primary, allowed), confidence=conf,
                 reasons=reasons, warnings=warnings)


def _missing_input_warning(text: str, classifier: IntentClassifier | None) -> list[str]:
    """Text only: warn when the wording asks for a skill that needs an input
    nobody gave."""
    needs = {s.intent: s.needs for s in registry.skills() if s.needs}
    ranked = classifier.scores(text) if classifier and text.strip() else []
    needs_input = sum(s.score for s in ranked if s.intent in needs)
    if ranked and ranked[0].intent in needs and needs_input >= 0.6:
        top = ranked[0].intent
        return [f"The request reads like '{top}', which needs {needs[top]}; "
                "none was given, so only guidelines were searched."]
    return []


def _skills_for(primary: Intent, allowed: Iterable[Intent]) -> list[str]:
    """The primary skill, the other input-driven skills that run alongside
    (a PDF given with a study is still read), the primary's companions, and
    the text skills (guidelines, for recommendations)."""
    main = registry.by_intent(primary)
    out: list[str] = [main.name] if main else []
    for intent in allowed:
        spec = registry.by_intent(intent)
        if spec is not None and spec.alongside and spec.name not in out:
            out.append(spec.name)
    for name in (main.companions if main else ()):
        if name not in out:
            out.append(name)
    return out + [s.name for s in _text_skills() if s.name not in out]
