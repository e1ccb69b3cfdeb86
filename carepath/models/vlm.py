"""The MedGemma interface every skill talks to: types only.

Skills build a ``GenerationRequest`` (system text, then an ordered list of
image and text parts in one user turn) and get back a ``Generation``. Which
backend answers (local transformers with micro-batching, an OpenAI-compatible
server, or none) is decided once, from settings, by
``carepath.models.registry.get_generator``; this module imports no backend,
so backends can import it without a cycle. Images are PIL images in process
only; they never enter graph state.
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from PIL import Image
from pydantic import BaseModel, ConfigDict, Field

Role = Literal["imaging", "text"]


class TextPart(BaseModel):
    type: Literal["text"] = "text"
    text: str


class ImagePart(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    type: Literal["image"] = "image"
    image: Image.Image


ContentPart = TextPart | ImagePart


def images_then_text_order(n_images: int, text: str, labels: list[str] | None = None) -> list[int | str]:
    """MedGemma's recipe, the one place it is written: every image first (by
    position, each optionally followed by a short label such as ``SLICE 3``),
    the question last — a question placed first can yield a chest X-ray
    template answer for CT. Returns image positions and text strings in order;
    the skills' ``PromptPlan.images_then_text`` (the one prompt-plan helper)
    builds from it."""
    if labels is not None and len(labels) != n_images:
        raise ValueError(f"{len(labels)} labels for {n_images} images")
    order: list[int | str] = []
    for i in range(n_images):
        order.append(i)
        if labels:
            order.append(labels[i])
    order.append(text)
    return order


class GenerationRequest(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    content: list[ContentPart]
    system: str | None = None
    max_new_tokens: int | None = Field(None, ge=1)
    template_id: str | None = Field(None, description="prompt template provenance, e.g. cxr_report@v1")
    burned_in_annotation: bool = Field(
        False, description="a source image declares burned-in text (DICOM BurnedInAnnotation = YES); "
                           "such pixels are never sent to a de-identified remote endpoint")

    @property
    def images(self) -> list[Image.Image]:
        return [p.image for p in self.content if isinstance(p, ImagePart)]


class Generation(BaseModel):
    text: str = Field(description="answer with any <unused94>…<unused95> thinking removed")
    thinking: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    queue_s: float = 0.0
    batch_size: int = 1
    model: str
    backend: str
    template_id: str | None = None


@runtime_checkable
class Generator(Protocol):
    backend_name: str
    model_id: str

    def generate(self, request: GenerationRequest) -> Generation: ...

    def generate_many(self, requests: list[GenerationRequest]) -> list[Generation]: ...

