"""Generation requests for backend tests, built the way the skills build them
(``PromptPlan.images_then_text``, the one prompt-plan helper), so a backend
test sends exactly the shape a skill sends."""

from __future__ import annotations

from PIL import Image

from carepath.models.vlm import GenerationRequest
from carepath.prompting import RenderedPrompt
from carepath.tools.skill_io import PromptPlan


def skill_request(images: list[Image.Image], text: str, labels: list[str] | None = None,
                  **kw: object) -> GenerationRequest:
    template_id = str(kw.pop("template_id", None) or "backend_test@v0")
    prompt = RenderedPrompt(template_id=template_id, template_sha256="-", text=text)
    return PromptPlan.images_then_text(len(images), prompt, labels).request(images, **kw)
