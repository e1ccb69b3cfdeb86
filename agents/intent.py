"""Intent from request wording: an embedding nearest-neighbour classifier.

Why not an LLM router: routing must work offline with no model, be
deterministic, and be measurable (``carepath eval routing``). Labelled example
requests live in ``agents/data/intent_examples.jsonl``; the dev set used for
the figure is a separate file written independently of the examples.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
from pydantic import BaseModel

from carepath.draft import Intent

EmbedFn = Callable[[Sequence[str]], np.ndarray]


class IntentScore(BaseModel):
    intent: Intent
    score: float


class LabelledRequest(BaseModel):
    text: str
    intent: Intent


def load_examples() -> list[LabelledRequest]:
    raw = resources.files("carepath.agents").joinpath("data/intent_examples.jsonl").read_text("utf-8")
    return [LabelledRequest.model_validate_json(line) for line in raw.splitlines() if line.strip()]


class IntentClassifier:
    """Similarity-weighted k-nearest-neighbour vote over labelled requests,
    restricted to the intents the given inputs allow."""

    def __init__(self, embed: EmbedFn, examples: Iterable[LabelledRequest] | None = None,
                 k: int = 7) -> None:
        self.examples = list(examples or load_examples())
        self.embed = embed
        self.k = k
        self.matrix = _normalise(embed([e.text for e in self.examples]))
        self.labels = [e.intent for e in self.examples]

    def scores(self, text: str, allowed: Iterable[Intent] | None = None) -> list[IntentScore]:
        allowed_set = set(allowed) if allowed is not None else set(self.labels)
        q = _normalise(self.embed([text]))[0]
        sims = self.matrix @ q
        idx = [i for i in np.argsort(-sims) if self.labels[i] in allowed_set][: self.k]
        votes: dict[Intent, float] = {}
        for i in idx:
            votes[self.labels[i]] = votes.get(self.labels[i], 0.0) + float(max(sims[i], 0.0)) ** 2
        total = sum(votes.values()) or 1.0
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        return [IntentScore(intent=k_, score=v / total) for k_, v in ranked]

    def classify(self, text: str, allowed: Iterable[Intent] | None = None) -> IntentScore:
        ranked = self.scores(text, allowed)
        if not ranked:
            return IntentScore(intent="unknown", score=0.0)
        return ranked[0]


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=1)
def default_classifier() -> IntentClassifier:
    from carepath.knowledge.embedding import embed_texts

    return IntentClassifier(embed_texts)


def load_devset() -> list[dict[str, object]]:
    raw = resources.files("carepath.agents").joinpath("data/routing_devset.jsonl").read_text("utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]
