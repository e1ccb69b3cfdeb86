"""``carepath eval routing``: routing accuracy on the dev set.

Two figures, because they measure different things: the full router (inputs
+ wording, what users get) and the wording-only classifier (how well the
embedding classifier alone recognises intent, with no input hints).
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel

from carepath.agents.intent import IntentClassifier, load_devset
from carepath.agents.router import RouteInputs, route

_INPUTS = {
    "cxr": ("study", "CR"), "ct": ("study", "CT"), "mr": ("study", "MR"), "prior": ("prior", None),
    "pdf": ("document", None), "fhir": ("fhir", None), "slide": ("slide", None),
}


class RoutingReport(BaseModel):
    n: int
    accuracy: float
    text_only_accuracy: float
    by_style: dict[str, float]
    by_intent: dict[str, float]
    errors: list[dict[str, str]]


def to_inputs(tags: list[str]) -> RouteInputs:
    kinds, mods, prior_mods = [], [], []
    for t in tags:
        kind, mod = _INPUTS[t]
        kinds.append(kind)
        if mod:
            mods.append(mod)
    if "prior" in kinds:
        prior_mods = list(mods)
    return RouteInputs(kinds=kinds, study_modalities=mods, prior_modalities=prior_mods)


def evaluate(classifier: IntentClassifier) -> RoutingReport:
    rows = load_devset()
    hits = 0
    text_hits = 0
    style: dict[str, list[int]] = defaultdict(list)
    per_intent: dict[str, list[int]] = defaultdict(list)
    errors: list[dict[str, str]] = []
    for row in rows:
        text, gold = str(row["text"]), str(row["intent"])
        r = route(text, to_inputs(list(row["inputs"])), classifier)  # type: ignore[arg-type]
        ok = int(r.intent == gold)
        hits += ok
        text_hits += int(classifier.classify(text).intent == gold)
        style[str(row["style"])].append(ok)
        per_intent[gold].append(ok)
        if not ok:
            errors.append({"text": text, "expected": gold, "got": r.intent})
    n = len(rows)
    return RoutingReport(
        n=n, accuracy=hits / n, text_only_accuracy=text_hits / n,
        by_style={k: sum(v) / len(v) for k, v in style.items()},
        by_intent={k: sum(v) / len(v) for k, v in per_intent.items()},
        errors=errors,
    )
