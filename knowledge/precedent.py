"""Precedent: how close a question is to earlier questions the guidelines could not answer.

Why: the questions the corpus does not answer are on-topic and cannot be told apart by their words
("can he fly after the clot?", "is the sauna ok with my heart failure?"): every word-based signal tried
(WordNet noun and verb classes, words missing from the guideline, travel and activity lists) failed to
separate them from answerable lay questions. They do recur, though: different people ask about the
same things the guidelines leave out (flying, driving, sex, sport, saunas, fasting, supplements,
another drug of the class). So the question is compared by meaning with the TUNE questions of the
evaluation (``questions``), the near-miss ones and the answerable ones, and ``gap`` is how much closer
it is to the former: the mean cosine of its ``K`` nearest unanswerable questions minus that of its
``K`` nearest answerable ones. It is one feature of the abstention model (``abstention``), weighed with
the evidence of what retrieval found, not a rule.

Only TUNE rows are stored, never TEST. The evaluation scores every row as an unseen author's: its own
question file is left out of the comparison (``exclude``), so neither split is compared with its
author's other questions. Chosen by leave-one-question-file-out cross-validation on TUNE (train the
abstention model on the other files, score one): held-out abstention 0.537 → 0.848 at false abstention
0.040 → 0.039 (K = 3; 1 / 2 / 5 / 10 gave 0.828 / 0.842 / 0.833 / 0.799).

The labels say what the shipped open-medicine corpus answers, so the memory is built with the index of
that corpus only (``build`` at index build, ``precedent.npz``); an index of other or extra guidelines
has none, and the feature then takes the model's mean value (it weighs nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from carepath.knowledge.questions import load_questions, source_of

FILE = "precedent.npz"
K = 3


@dataclass(frozen=True)
class Memory:
    """The TUNE questions' unit vectors, whether each was unanswerable, and its question file."""

    ids: np.ndarray
    vectors: np.ndarray
    unanswerable: np.ndarray
    sources: np.ndarray

    def gap(self, qvec: np.ndarray, exclude: str | None = None) -> float:
        """Mean cosine of the ``K`` nearest unanswerable questions minus that of the ``K`` nearest
        answerable ones; ``exclude``: a question file left out (the evaluation's unseen author)."""
        keep = self.sources != exclude if exclude else np.ones(len(self.ids), dtype=bool)
        sims = self.vectors[keep] @ (qvec / (np.linalg.norm(qvec) or 1.0))
        una = self.unanswerable[keep]
        if una.sum() < K or (~una).sum() < K:
            return 0.0
        return float(np.sort(sims[una])[-K:].mean() - np.sort(sims[~una])[-K:].mean())


def build(embed: Callable[[Sequence[str]], np.ndarray], folder: Path) -> int:
    """Embed the TUNE questions with the index's own encoder and store them; returns how many."""
    rows = [r for r in load_questions() if r.split == "tune"]
    vecs = np.asarray(embed([r.question for r in rows]), dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-12
    np.savez(folder / FILE, ids=np.array([r.id for r in rows]), vectors=vecs,
             unanswerable=np.array([not r.answerable for r in rows]),
             sources=np.array([source_of(r.id) for r in rows]))
    return len(rows)


def load(folder: Path) -> Memory | None:
    """The memory an index was built with (None: another corpus, or an index built before it)."""
    f = folder / FILE
    if not f.is_file():
        return None
    with np.load(f, allow_pickle=False) as z:
        return Memory(ids=z["ids"], vectors=z["vectors"], unanswerable=z["unanswerable"], sources=z["sources"])
