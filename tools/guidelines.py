"""Guideline skill: the request text in, a cited answer from the clinical
practice guideline index out (``carepath.knowledge`` retrieves and answers;
this module is how that answer enters a draft and an agent's toolbox).

It reads no input file, so it runs with every request that has text: alone
for a guideline question, beside an imaging or document skill for the
recommendations. Each answer sentence keeps the ``[n]`` markers it carries as
evidence ``G<n>``.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from carepath.draft import Citation, Sentence
from carepath.evidence import SkillResult
from carepath.knowledge.answer import answer
from carepath.knowledge.retriever import Filters
from carepath.request_parts import split_request
from carepath.tools.spec import SkillContext, SkillSpec, ToolArgs, ToolSpec

SKILL = "guidelines"
_MARK = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def answer_sentences(text: str, n_citations: int) -> list[Sentence]:
    """Split an answer into sentences, each keeping the ``[n]`` markers it
    carries as evidence ``G<n>``; a sentence without a marker inherits the
    marker of the sentence it follows (extractive answers mark each passage
    once), and the evidence check flags anything still unsupported."""
    out: list[Sentence] = []
    last: list[str] = []
    for raw in _SENT.split(text.strip()):
        if not raw.strip():
            continue
        nums = [int(x) for m in _MARK.findall(raw) for x in m.split(",")]
        ev = [f"G{n}" for n in nums if 1 <= n <= n_citations] or last
        out.append(Sentence(text=raw.strip(), evidence=list(ev)))
        last = ev
    return out


_INPUT_KINDS = {"study", "prior", "document", "fhir", "slide"}


def graph_question(ctx: SkillContext) -> tuple[str, str | None]:
    """What to search with, and the question the request asked explicitly.

    A guideline question alone is searched whole. Beside inputs, a question
    asked with them ("CXR for cough; which antibiotic for CAP?") is searched
    alone, so the order's words cannot pull in passages about imaging, and
    the draft answers it; without one the whole text still finds guidance
    related to the order."""
    text = ctx.text.strip()
    if ctx.intent == "guideline_qa":
        return text, None
    parts = split_request(text, has_inputs=any(i.kind in _INPUT_KINDS for i in ctx.inputs))
    return (parts.question, parts.question) if parts.question else (text, None)


def run_in_graph(ctx: SkillContext) -> SkillResult:
    question, asked = graph_question(ctx)
    if not question:
        return SkillResult(skill=SKILL, generated=False,
                           not_generated_reason="no question text to search guidelines with")
    ans = answer(question)
    citations = [Citation.model_validate(c.model_dump() if hasattr(c, "model_dump") else c)
                 for c in ans.citations]
    sentences = [] if ans.abstained else answer_sentences(ans.answer, len(citations))
    near = [getattr(n, "title", str(n)) for n in getattr(ans, "near_misses", [])]
    ge = {"sentences": [s.model_dump() for s in sentences],
          "citations": [c.model_dump(mode="json") for c in citations],
          "abstained": ans.abstained, "near_misses": near, "question": asked}
    # Citations are the evidence (ids G<n>); no separate findings are made.
    return SkillResult(skill=SKILL, generated=True, model=getattr(ans, "model", None),
                       backend=getattr(ans, "backend", None) or "extractive",
                       template_id=getattr(ans, "template_id", None),
                       raw_text=ans.answer,
                       preprocessing={"guideline": ge})


class CitedAnswerArgs(ToolArgs):
    question: str = Field(min_length=1, max_length=2000, description="the clinical question")
    k: int = Field(5, ge=1, le=20, description="passages to consider")
    organization: str | None = Field(None, description="only guidelines of this body")
    guideline_id: str | None = Field(None, description="only this guideline id")
    year_min: int | None = Field(None, ge=1900, le=2100, description="only guidelines from this year on")


def tool_call(a: CitedAnswerArgs) -> dict[str, Any]:
    ans = answer(a.question, a.k, Filters(organization=a.organization, guideline_id=a.guideline_id,
                                          year_min=a.year_min))
    return ans.model_dump(mode="json", exclude={"signals"})


SPEC = SkillSpec(
    name=SKILL, precedence=10, intent="guideline_qa", route_reason="text only: guideline question", run=run_in_graph,
    tool=ToolSpec(name="guideline_answer", args=CitedAnswerArgs, call=tool_call,
                  description="Answer a clinical question from the guidelines with numbered citations "
                              "whose quotes are verbatim source text; abstains (abstained=true) when "
                              "nothing supports it."),
)
