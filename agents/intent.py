"""Intent from request wording: an embedding nearest-neighbour classifier.

Why not an LLM router: routing must work offline with no model, be
deterministic, and be measurable (``carepath eval routing``). Labelled example
requests live in ``agents/data/intent_examples.jsonl``; the dev set used for
the figure is a separate file written independently of the examples.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
import threading
from functools import lru_cache
from importlib import resources

import numpy as np
from pydantic import BaseModel

from carepath.draft import Intent
from carepath.models.embeddings import embed_texts

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
    """Prototype scoring: an intent's score is the mean cosine similarity of
    the request to its ``m`` closest labelled examples, restricted to the
    intents the given inputs allow. Less swayed by topic words shared across
    intents ("chest film") than a plain k-NN vote, and independent of how
    many examples each intent has."""

    def __init__(self, embed: EmbedFn, examples: Iterable[LabelledRequest] | None = None,
                 m: int = 3, temperature: float = 0.05) -> None:
        self.examples = list(examples or load_examples())
        self.embed = embed
        self.m = m
        self.temperature = temperature
        self.matrix = _normalise(embed([e.text for e in self.examples]))
        self.labels = np.array([e.intent for e in self.examples])

    def scores(self, text: str, allowed: Iterable[Intent] | None = None) -> list[IntentScore]:
        """Intents ranked best first; scores are a softmax over prototype
        similarities, so they sum to 1 over the allowed intents."""
        allowed_set = set(allowed) if allowed is not None else set(self.labels.tolist())
        q = _normalise(self.embed([text]))[0]
        sims = self.matrix @ q
        raw: dict[str, float] = {}
        for intent in sorted(allowed_set):
            mine = np.sort(sims[self.labels == intent])[::-1][: self.m]
            if mine.size:
                raw[intent] = float(mine.mean())
        if not raw:
            return []
        top = max(raw.values())
        weights = {k: float(np.exp((v - top) / self.temperature)) for k, v in raw.items()}
        total = sum(weights.values())
        ranked = sorted(weights.items(), key=lambda kv: -kv[1])
        return [IntentScore(intent=k, score=w / total) for k, w in ranked]  # type: ignore[arg-type]

    def classify(self, text: str, allowed: Iterable[Intent] | None = None) -> IntentScore:
        ranked = self.scores(text, allowed)
        if not ranked:
            return IntentScore(intent="unknown", score=0.0)
        return ranked[0]


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


_CLASSIFIER_LOCK = threading.Lock()


def default_classifier() -> IntentClassifier:
    with _CLASSIFIER_LOCK:   # built once, even under a burst of first requests
        return _default_classifier()


@lru_cache(maxsize=1)
def _default_classifier() -> IntentClassifier:
    return IntentClassifier(embed_texts)


def load_devset() -> list[dict[str, object]]:
    raw = resources.files("carepath.agents").joinpath("data/routing_devset.jsonl").read_text("utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]
