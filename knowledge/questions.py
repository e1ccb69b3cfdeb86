"""The guideline evaluation questions (``data/eval/*.jsonl`` and the older ``data/devset.jsonl``) as rows.

Why a module of its own: the evaluation (``eval``) reads them to measure answers, and the index build reads
their TUNE rows for ``precedent``; neither may import the other (the evaluation runs the answer layer, which
reads the index).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

DEVSET_PREFIX = "devset-"
_DEVSET_STYLE = {"abbreviation": "shorthand", "lay": "lay", "paraphrase": "paraphrase", "vignette": "vignette",
                 "near_miss": "near_miss", "offtopic": "near_miss"}


class EvalQuestion(BaseModel):
    id: str
    question: str
    style: str
    answerable: bool
    guideline_id: str | None = None
    section: str | None = None
    facts: list[str] = Field(default_factory=list)
    split: Literal["tune", "test"]


def load_questions(paths: list[Path] | None = None, devset: bool = True) -> list[EvalQuestion]:
    """The evaluation rows; the old dev set joins as TUNE rows (it was tuned on)."""
    folder = Path(str(resources.files("carepath.knowledge").joinpath("data/eval")))
    files = paths if paths is not None else sorted(folder.glob("*.jsonl"))
    rows = [EvalQuestion.model_validate_json(line) for f in files
            for line in Path(f).read_text("utf-8").splitlines() if line.strip()]
    if devset:
        raw = resources.files("carepath.knowledge").joinpath("data/devset.jsonl").read_text("utf-8")
        for n, line in enumerate(x for x in raw.splitlines() if x.strip()):
            r = json.loads(line)
            rows.append(EvalQuestion(id=f"{DEVSET_PREFIX}{n}", question=r["question"],
                                     answerable=r.get("answerable", True), style=_DEVSET_STYLE.get(r.get("kind", "paraphrase"), "paraphrase"),
                                     guideline_id=r.get("guideline_id"), facts=r.get("facts", []), split="tune"))
    return rows


def source_of(row_id: str) -> str:
    """The question file a row came from ("a" for questions_a.jsonl, ...), from its id prefix."""
    return "devset" if row_id.startswith(DEVSET_PREFIX) else row_id.split("-", 1)[0]
