"""What the imaging skills share at the model boundary: the exact prompt
(an ordered list of image and text parts, written out by ``carepath
prepare`` and sent as-is to the generator), the no-model reason, and the raw
model answer kept as an artifact every parsed finding points back to."""

from __future__ import annotations

from typing import Literal

from PIL import Image
from pydantic import BaseModel

from carepath.artifacts import ArtifactRef, ArtifactStore
from carepath.evidence import Evidence
from carepath.models.vlm import GenerationRequest, ImagePart, TextPart, images_then_text_order
from carepath.prompting import RenderedPrompt

NO_MODEL = ("no MedGemma model is configured or found (set CAREPATH_IMAGING__MODEL to the weights, "
            "or CAREPATH_IMAGING__BACKEND=openai with a server); images were prepared, "
            "findings were not generated")


class PromptPart(BaseModel):
    """One part of the single user turn: an image (by position in the
    skill's image list) or text."""

    type: Literal["image", "text"]
    image: int | None = None
    text: str | None = None


class PromptPlan(BaseModel):
    template_id: str
    template_sha256: str
    parts: list[PromptPart]

    @classmethod
    def images_then_text(cls, n_images: int, prompt: RenderedPrompt,
                         labels: list[str] | None = None) -> PromptPlan:
        """A plan in MedGemma's order (``images_then_text_order``)."""
        parts = [PromptPart(type="image", image=x) if isinstance(x, int) else PromptPart(type="text", text=x)
                 for x in images_then_text_order(n_images, prompt.text, labels)]
        return cls(template_id=prompt.template_id, template_sha256=prompt.template_sha256,
                   parts=parts)

    def request(self, images: list[Image.Image], **kw: object) -> GenerationRequest:
        content = [ImagePart(image=images[p.image]) if p.type == "image" and p.image is not None
                   else TextPart(text=p.text or "") for p in self.parts]
        return GenerationRequest(content=content, template_id=self.template_id, **kw)  # type: ignore[arg-type]

    def as_text(self, image_names: list[str]) -> str:
        """Human-readable form: ``<image: name>`` where each image goes."""
        return "\n".join(f"<image: {image_names[p.image]}>" if p.type == "image" and p.image is not None
                         else (p.text or "") for p in self.parts)


def raw_output_evidence(skill: str, text: str, store: ArtifactStore) -> tuple[Evidence, ArtifactRef]:
    ref = store.put_bytes(text.encode("utf-8"), "text/plain")
    return Evidence(kind="model_output", ref=f"{skill}:raw:{ref.sha256[:12]}", artifact=ref), ref
