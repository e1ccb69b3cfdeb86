"""Prompt tokens per study for each MedGemma skill, from carepath's own
versioned prompt templates, for docs/scaling.md.

Image tokens are exact: MedGemma 1.5 (Gemma 3 + SigLIP at 896², pooled)
spends 256 soft tokens per image, plus its begin/end-of-image markers.
Text tokens are counted with the all-MiniLM-L6-v2 WordPiece tokenizer that
ships offline (the Gemma tokenizer is gated); its 30k vocabulary splits
clinical text into more pieces than Gemma's 262k SentencePiece vocabulary,
so text counts are an over-estimate. Guideline answers use real passages
from the default index (run ``carepath index`` first).

    .venv/bin/python bench/tokens_per_study.py [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics

IMAGE_TOKENS = 256 + 2  # soft tokens + <start_of_image>/<end_of_image>


def _tokenizer():
    from transformers import AutoTokenizer

    from carepath.models.embeddings import resolve_embedding_model
    from carepath.settings import DEFAULT_EMBEDDING

    return AutoTokenizer.from_pretrained(resolve_embedding_model(DEFAULT_EMBEDDING))


def _plan_tokens(plan, tok) -> dict[str, int]:
    images = sum(1 for p in plan.parts if p.type == "image")
    text = sum(len(tok(p.text or "", add_special_tokens=False)["input_ids"])
               for p in plan.parts if p.type == "text")
    return {"images": images, "image_tokens": images * IMAGE_TOKENS, "text_tokens": text + 12,  # + turn markup
            "prompt_tokens": images * IMAGE_TOKENS + text + 12}


def imaging_plans() -> dict[str, object]:
    from carepath.prompting import get_template
    from carepath.tools.skill_io import PromptPlan

    q = "Cough and fever for three days; rule out pneumonia."
    return {
        "cxr_report": PromptPlan.images_then_text(1, get_template("cxr_report").render(clinical_question=q)),
        "localization": PromptPlan.images_then_text(1, get_template("localization").render(
            targets=["consolidation", "pleural effusion"], clinical_question=q)),
        "longitudinal": PromptPlan.images_then_text(2, get_template("longitudinal").render(
            modality_name="chest X-ray", prior_date="2026-01-02", current_date="2026-03-04",
            clinical_question=q), labels=["PRIOR (2026-01-02)", "CURRENT (2026-03-04)"]),
        "ct_report (85 slices)": PromptPlan.images_then_text(85, get_template("ct_report").render(
            n_slices=85, orientation="axial", body_part="CHEST", clinical_question=q),
            labels=[f"SLICE {k + 1}" for k in range(85)]),
        "mri_report (85 slices)": PromptPlan.images_then_text(85, get_template("mri_report").render(
            n_slices=85, orientation="axial", body_part="BRAIN", description="T2 FLAIR",
            clinical_question="Headache."), labels=[f"SLICE {k + 1}" for k in range(85)]),
        "pathology (8 patches)": PromptPlan.images_then_text(8, get_template("pathology").render(
            n_patches=8, magnification=20.0, clinical_question="Grade the tumour."),
            labels=[f"PATCH {i}" for i in range(1, 9)]),
    }


def guideline_answer_tokens(tok, n: int = 20) -> dict[str, float]:
    from carepath.knowledge.answer import answer
    from carepath.knowledge.eval import load_questions
    from carepath.prompting import get_template

    counts = []
    for item in [q for q in load_questions() if q.answerable and q.split == "tune"][:n]:
        ans = answer(item.question)
        prompt = get_template("guideline_answer").render(question=item.question, passages=[
            {"n": c.n, "source": f"{c.organization or c.guideline_id} {c.year or ''}".strip(),
             "heading": c.heading, "text": c.quote} for c in ans.citations])
        counts.append(len(tok(prompt.text, add_special_tokens=False)["input_ids"]) + 12)
    return {"questions": len(counts), "median_prompt_tokens": statistics.median(counts),
            "max_prompt_tokens": max(counts)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tok = _tokenizer()
    rows = {name: _plan_tokens(plan, tok) for name, plan in imaging_plans().items()}
    try:
        rows["guideline_answer (text role)"] = guideline_answer_tokens(tok)
    except Exception as exc:  # noqa: BLE001 - a bench reports what it could not measure
        rows["guideline_answer (text role)"] = {"error": f"{type(exc).__name__}: {exc}"}
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for name, r in rows.items():
        print(f"{name:32s} " + "  ".join(f"{k}={v}" for k, v in r.items()))


if __name__ == "__main__":
    main()
