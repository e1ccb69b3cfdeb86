"""Model-written guideline answers (item 5 of issue 15): the text model writes
from the numbered passages, and every sentence its cited passage does not
support is dropped. The model is a scripted OpenAI-compatible server on
loopback (real HTTP, carepath's real OpenAI backend) answering each TEST
split question with one supported sentence and one bad one, in rotation:
a sentence from another guideline, a wrong citation number, an invented
dose. Figures are printed (run with -s) and asserted."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from carepath.knowledge.answer import answer, plain
from carepath.knowledge.index import Index
from carepath.models import registry
from carepath.settings import get_settings
from support.openai_server import OpenAIServer

OFF_TOPIC = ["Give intravenous alteplase 0.9 mg/kg within 4.5 hours of symptom onset [{n}].",
             "Start vancomycin 15 mg/kg every 12 hours for suspected meningitis [{n}].",
             "Offer hip protectors to every resident of a care home over 75 years [{n}]."]
KINDS = ("unsupported", "wrong_citation", "invented_dose")


@dataclass
class _Out:
    text: str
    prompt_tokens: int = 10
    completion_tokens: int = 10


def _passages(prompt: str) -> dict[int, str]:
    parts = re.split(r"^\[(\d+)\] [^\n]*\n", prompt.split("Passages:", 1)[1], flags=re.M)
    return {int(parts[i]): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def good_sentence(passage: str) -> str:
    """What a faithful model writes: the passage's first sentence (at most 28
    words), its numbers unchanged, with its citation."""
    parts = [x for x in re.split(r"(?<=[.!?;])\s+", plain(passage)) if len(x.split()) >= 4 and x[-1] != "?"]
    first = parts[0] if parts else plain(passage)
    return "The guideline states: " + " ".join(first.split()[:28]).rstrip(".;:,") + " [1]."


def bad_sentence(kind: str, passages: dict[int, str], i: int) -> str:
    good = good_sentence(passages[1])
    if kind == "unsupported":
        return OFF_TOPIC[i % len(OFF_TOPIC)].format(n=1)
    if kind == "wrong_citation":
        other = next((n for n in passages if n != 1 and not set(re.findall(r"\d+", passages[1]))
                      <= set(re.findall(r"\d+", passages[n]))), None)
        return good.replace("[1]", f"[{other}]") if other else good.replace("[1]", "[9]")
    m = re.search(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", good.replace("[1]", ""))  # a standalone quantity
    if m:
        return good[:m.start()] + str(int(float(m.group(0)) * 2 + 3)) + good[m.end():]
    return good.replace(" [1].", " at 250 mg twice daily [1].")


class ScriptedModel:
    """Answers the guideline_answer prompt: one good sentence, then one bad one."""

    def __init__(self) -> None:
        self.calls = 0
        self.last: tuple[str, str, str] = ("", "", "")

    def generate(self, req: object) -> _Out:
        prompt = "".join(getattr(p, "text", "") for p in req.content)  # type: ignore[attr-defined]
        passages = _passages(prompt)
        kind = KINDS[self.calls % len(KINDS)]
        good, bad = good_sentence(passages[1]), bad_sentence(kind, passages, self.calls)
        self.calls += 1
        self.last = (kind, good, bad)
        return _Out(text=f"{good} {bad}")


@pytest.fixture()
def scripted(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedModel]:
    model = ScriptedModel()
    with OpenAIServer(model, model_name="scripted") as srv:
        monkeypatch.setenv("CAREPATH_TEXT__BACKEND", "openai")
        monkeypatch.setenv("CAREPATH_TEXT__BASE_URL", srv.base_url)
        monkeypatch.setenv("CAREPATH_TEXT__MODEL", "scripted")
        monkeypatch.setenv("CAREPATH_TEXT__DEIDENTIFY", "false")
        get_settings.cache_clear()
        registry.reset()
        yield model
    get_settings.cache_clear()
    registry.reset()


def test_model_sentences_checked_on_test_split(knowledge_index: Index, scripted: ScriptedModel) -> None:
    from carepath.knowledge.eval import load_questions

    rows = [r for r in load_questions(devset=False) if r.split == "test" and r.answerable]
    kept_good = answered = 0
    dropped = Counter[str]()
    seen = Counter[str]()
    for r in rows:
        a = answer(r.question, index=knowledge_index)
        if a.abstained:
            continue
        kind, good, bad = scripted.last
        answered += 1
        seen[kind] += 1
        kept_good += a.backend == "openai" and good in a.answer and bool(a.template_id)
        dropped[kind] += bad not in a.answer and any(bad in d for d in a.dropped_sentences)
        if a.backend == "extractive":  # both rejected: the verbatim extractive answer stands
            assert a.answer.endswith("].") and a.citations
    rates = {k: dropped[k] / max(seen[k], 1) for k in KINDS}
    print(f"\nmodel-written answers on {answered} TEST questions: supported sentence kept "
          f"{kept_good / answered:.3f}; bad sentence dropped: "
          + ", ".join(f"{k} {v:.3f} (n={seen[k]})" for k, v in rates.items()))
    assert answered >= 100
    assert kept_good / answered >= 0.95
    assert rates["unsupported"] == 1.0 and rates["invented_dose"] >= 0.95 and rates["wrong_citation"] >= 0.9
