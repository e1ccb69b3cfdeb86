"""The transformers backend for MedGemma (Gemma 3 image-text-to-text) on
local weights, with micro-batching.

Loading follows the model card exactly (``AutoProcessor`` +
``AutoModelForImageTextToText``), so a hospital engineer can point
``CAREPATH_IMAGING__MODEL`` at the downloaded directory and nothing else
changes. Loading is lazy: building the generator is cheap, the first request
pays for the weights.

Each request is turned into model inputs on its own (so a bad request fails
alone, with an error for its caller), then the batch is left-padded together
and decoded greedily in one ``generate`` call.
"""

from __future__ import annotations

import inspect
import logging
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from carepath.errors import BackendError, CarepathError, ConfigError, InputError, ModelUnavailableError
from carepath.models.batching import MicroBatcher, settle
from carepath.models.device import pick_device, pick_dtype
from carepath.models.thinking import THINK_END, THINK_START, split_thinking
from carepath.models.vlm import Generation, GenerationRequest, ImagePart
from carepath.models.weights import HOW_TO, resolve_pretrained
from carepath.settings import GeneratorSettings

log = logging.getLogger("carepath.models")


def to_messages(request: GenerationRequest) -> list[dict[str, Any]]:
    """Chat messages in MedGemma's format: an optional system turn, then one
    user turn whose parts keep the request's order (images before the question
    is the caller's choice, see ``PromptPlan.images_then_text``)."""
    messages: list[dict[str, Any]] = []
    if request.system:
        messages.append({"role": "system", "content": [{"type": "text", "text": request.system}]})
    parts: list[dict[str, Any]] = []
    for part in request.content:
        if isinstance(part, ImagePart):
            img = part.image if part.image.mode == "RGB" else part.image.convert("RGB")
            parts.append({"type": "image", "image": img})
        else:
            parts.append({"type": "text", "text": part.text})
    messages.append({"role": "user", "content": parts})
    return messages


@dataclass
class _Job:
    request: GenerationRequest
    inputs: dict[str, Any]


class TransformersGenerator:
    """``Generator`` backed by a local MedGemma checkpoint."""

    backend_name = "transformers"

    def __init__(self, cfg: GeneratorSettings, role: str = "imaging") -> None:
        self.cfg = cfg
        self.role = role
        self.model_id = cfg.model
        # Finding the weights is cheap and fails with the setting to fix, so it
        # happens now (get_generator raises); loading them waits for first use.
        self.path = resolve_pretrained(cfg.model, role, cfg.revision)
        self._load_lock = threading.Lock()
        self._prep_lock = threading.Lock()
        self._closed = False
        self._model: Any = None
        self._processor: Any = None
        self._device = "cpu"
        self._max_positions: int | None = None
        self._eos_ids: set[int] = set()
        self._think_ids: dict[int, str] = {}
        self._batcher: MicroBatcher[_Job, Generation] = MicroBatcher(
            self._run_batch, max_batch_size=cfg.max_batch_size,
            max_wait_s=cfg.batch_wait_ms / 1000.0, name=f"carepath-{role}-batcher")

    # -- loading -------------------------------------------------------------------------
    def load(self) -> None:
        """Load the weights now (otherwise the first request does)."""
        if self._model is not None:
            return
        with self._load_lock:
            if self._closed:
                raise _closed_error()
            if self._model is not None:
                return
            path = self.path
            setting = HOW_TO.get(self.role, HOW_TO["imaging"])[0]
            try:
                # heavy: transformers loads only when local weights are used
                from transformers import AutoModelForImageTextToText, AutoProcessor

                device = pick_device(self.cfg.device)
                processor = AutoProcessor.from_pretrained(path)
                model = AutoModelForImageTextToText.from_pretrained(
                    path, dtype=pick_dtype(self.cfg.dtype, device))
                model.to(device).eval()
            except CarepathError:
                raise
            except (OSError, ValueError, KeyError, ImportError, RuntimeError) as exc:
                raise WeightsLoadError(self.cfg.model, setting, exc) from exc
            _require_control_token_sanitizing(processor, path)
            processor.tokenizer.padding_side = "left"
            text_cfg = getattr(model.config, "text_config", model.config)
            self._max_positions = getattr(text_cfg, "max_position_embeddings", None)
            eos = model.generation_config.eos_token_id
            eos_list = list(eos) if isinstance(eos, list) else [eos] if eos is not None else []
            eot = processor.tokenizer.convert_tokens_to_ids("<end_of_turn>")
            if isinstance(eot, int) and eot != processor.tokenizer.unk_token_id:
                eos_list.append(eot)
            self._eos_ids = {int(e) for e in eos_list}
            self._think_ids = {}
            for marker in (THINK_START, THINK_END):
                tid = processor.tokenizer.convert_tokens_to_ids(marker)
                if isinstance(tid, int) and tid != processor.tokenizer.unk_token_id:
                    self._think_ids[tid] = marker
            self._device = device
            self._processor = processor
            self._model = model
            log.info("loaded %s on %s (%s)", self.cfg.model, device, model.dtype)

    # -- public API ----------------------------------------------------------------------
    def submit(self, request: GenerationRequest) -> Future:
        """Turn ``request`` into model inputs here, in the caller's thread (so
        image preprocessing overlaps with the model running other batches,
        and bad input raises ``InputError`` right here), then queue it; the
        future resolves to its ``Generation``."""
        self.load()
        return self._batcher.submit(_Job(request, self._prepare(request)))

    def generate(self, request: GenerationRequest) -> Generation:
        return self.submit(request).result()

    def generate_many(self, requests: list[GenerationRequest], *,
                      return_exceptions: bool = False) -> list[Any]:
        """All requests at once (they share batches). With
        ``return_exceptions`` a failed request yields its exception in place
        so it never stops the others; otherwise the first failure is raised
        after every request has finished."""
        self.load()
        jobs: list[Any] = []
        for req in requests:
            try:
                jobs.append(_Job(req, self._prepare(req)))
            except CarepathError as exc:
                jobs.append(exc)
        futures = [j if isinstance(j, BaseException) else self._batcher.submit(j) for j in jobs]
        results: list[Any] = []
        for fut in futures:
            if isinstance(fut, BaseException):
                results.append(fut)
                continue
            exc = fut.exception()
            results.append(exc if exc is not None else fut.result())
        return settle(results, return_exceptions)

    def close(self) -> None:
        """Finish queued requests, stop the worker and drop the weights."""
        with self._load_lock:
            self._closed = True
        self._batcher.close()
        self._model = None
        self._processor = None

    # -- caller side ---------------------------------------------------------------------
    def _prepare(self, request: GenerationRequest) -> dict[str, Any]:
        processor = self._processor
        if processor is None:
            raise _closed_error()
        try:
            with self._prep_lock:  # fast tokenizers set padding state per call
                inputs = processor.apply_chat_template(
                    to_messages(request), add_generation_prompt=True, tokenize=True,
                    return_dict=True, return_tensors="pt", processor_kwargs={"padding": True},
                    # Report and EHR text is data: a literal "<start_of_turn>" in it
                    # must not open a turn or claim an image slot.
                    sanitize_control_tokens=True)
        except (ValueError, TypeError, OSError) as exc:
            raise InputError("request could not be turned into model input",
                             subject=request.template_id or "prompt",
                             why=str(exc).splitlines()[0][:300],
                             fix="check the images and text of this request") from exc
        n_prompt = int(inputs["input_ids"].shape[-1])
        budget = request.max_new_tokens or self.cfg.max_new_tokens
        if self._max_positions and n_prompt + budget > self._max_positions:
            raise InputError(
                "request is longer than the model's context", subject=request.template_id or "prompt",
                why=f"{n_prompt} prompt tokens + {budget} new tokens > {self._max_positions}",
                fix="send fewer images (CT/MRI: at most 85 slices) or shorter text")
        return dict(inputs)

    # -- worker side ---------------------------------------------------------------------
    def _collate(self, prepared: list[dict[str, Any]]) -> dict[str, Any]:
        import torch  # heavy: only the local backend needs torch

        tok = self._processor.tokenizer
        keys = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in prepared[0]]
        features = [{k: p[k][0].tolist() for k in keys} for p in prepared]
        batch = dict(tok.pad(features, padding=True, return_tensors="pt"))  # left: set at load
        pixels = [p["pixel_values"] for p in prepared if "pixel_values" in p]
        if pixels:
            batch["pixel_values"] = torch.cat(pixels, dim=0)
        return batch

    def _run_batch(self, jobs: list[_Job], waits: list[float]) -> list[Any]:
        if self._model is None:
            return [_closed_error()] * len(jobs)
        requests = [j.request for j in jobs]
        prepared = [j.inputs for j in jobs]
        try:
            return list(self._generate(requests, prepared, waits))
        except Exception as exc:  # noqa: BLE001
            if len(jobs) == 1:
                return [_backend_error(self.cfg.model, exc)]
            # Retry one by one so a failure lands on the request that caused it.
            log.warning("batched generation of %d requests failed (%s); retrying one by one",
                        len(jobs), type(exc).__name__)
            results: list[Any] = []
            for req, inp, wait in zip(requests, prepared, waits, strict=True):
                try:
                    results.extend(self._generate([req], [inp], [wait]))
                except Exception as exc1:  # noqa: BLE001
                    results.append(_backend_error(self.cfg.model, exc1))
            return results

    def _decode(self, ids: list[int]) -> str:
        """Text with special tokens dropped but the thinking markers kept as
        literal strings, whether or not a checkpoint flags them special."""
        tok = self._processor.tokenizer
        out: list[str] = []
        seg: list[int] = []
        for tid in ids:
            if tid in self._think_ids:
                out.append(tok.decode(seg, skip_special_tokens=True))
                out.append(self._think_ids[tid])
                seg = []
            else:
                seg.append(tid)
        out.append(tok.decode(seg, skip_special_tokens=True))
        return "".join(out)

    def _generate(self, requests: list[GenerationRequest], prepared: list[dict[str, Any]],
                  waits: list[float]) -> list[Generation]:
        import torch  # heavy: only the local backend needs torch

        batch = self._collate(prepared)
        batch = {k: v.to(self._device) for k, v in batch.items()}
        if "pixel_values" in batch:
            batch["pixel_values"] = batch["pixel_values"].to(self._model.dtype)
        budgets = [r.max_new_tokens or self.cfg.max_new_tokens for r in requests]
        pad_id = self._processor.tokenizer.pad_token_id
        start = time.perf_counter()
        with torch.inference_mode():
            out = self._model.generate(**batch, max_new_tokens=max(budgets), do_sample=False,
                                       pad_token_id=pad_id)
        latency = time.perf_counter() - start
        width = batch["input_ids"].shape[-1]
        gens: list[Generation] = []
        for row, (req, budget) in enumerate(zip(requests, budgets, strict=True)):
            # Greedy decoding: the first ``budget`` tokens of a longer run are
            # exactly what a run limited to ``budget`` would have produced.
            new = out[row, width:width + budget].tolist()
            n = len(new)
            for j, tid in enumerate(new):
                if tid in self._eos_ids:
                    n = j + 1
                    break
            text, thinking = split_thinking(self._decode(new[:n]))
            gens.append(Generation(
                text=text, thinking=thinking,
                prompt_tokens=int(prepared[row]["attention_mask"].sum()),
                completion_tokens=n, latency_s=latency, queue_s=waits[row],
                batch_size=len(requests), model=self.model_id, backend=self.backend_name,
                template_id=req.template_id))
        return gens


def _require_control_token_sanitizing(processor: Any, path: str) -> None:
    """Refuse a transformers release whose chat templating cannot keep report
    text as data: older 5.x releases silently ignore ``sanitize_control_tokens``,
    so a "<start_of_turn>" inside a lab report would open a model turn."""
    import transformers  # heavy: only the local backend needs transformers

    params = inspect.signature(processor.apply_chat_template).parameters
    if "sanitize_control_tokens" not in params:
        raise ConfigError(
            "installed transformers cannot keep prompt text as data",
            subject=f"transformers {transformers.__version__} ({path})",
            why="its apply_chat_template has no sanitize_control_tokens, so control tokens inside "
                "documents or dictation would be read as chat structure",
            fix="install the pinned version: pip install -c constraints.txt 'transformers>=5.23'")


class WeightsLoadError(ModelUnavailableError):
    """Weights were found but could not be loaded (corrupt, wrong architecture)."""

    def __init__(self, model: str, setting: str, exc: BaseException) -> None:
        super().__init__(f"model weights could not be loaded from {setting}", subject=model,
                         why=f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}",
                         fix=f"point {setting} at a complete MedGemma checkpoint directory "
                             "(config.json, *.safetensors, tokenizer and processor files)")


def _closed_error() -> BackendError:
    return BackendError("generator is closed", subject="transformers backend",
                        why="close() was called (settings reload or shutdown)",
                        fix="get a fresh generator with carepath.models.registry.get_generator()")


def _backend_error(model: str, exc: BaseException) -> BackendError:
    return BackendError("generation failed", subject=model,
                        why=f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}",
                        fix="check device memory (lower CAREPATH_IMAGING__MAX_BATCH_SIZE) and the logs")
