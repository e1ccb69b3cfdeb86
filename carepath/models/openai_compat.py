"""MedGemma served elsewhere (vLLM, Ollama, LM Studio) through the
OpenAI-compatible chat completions API.

This is how a hospital runs MedGemma at scale: one GPU server batches for
every carepath worker, and carepath only sends requests. Images travel as
``data:image/png;base64`` parts in the request's order. Transient failures
(server restarting, overloaded: connect errors, 5xx, 429) are retried with
exponential backoff; anything else fails at once with the URL, the status
and what to do.
"""

from __future__ import annotations

import base64
import io
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from carepath import deid
from carepath.errors import BackendError, InputError
from carepath.models.batching import settle
from carepath.models.thinking import split_thinking
from carepath.models.vlm import Generation, GenerationRequest, ImagePart, TextPart
from carepath.settings import GeneratorSettings

log = logging.getLogger("carepath.models")

_RETRY_STATUS = {429, 500, 502, 503, 504}
_RETRY_EXC = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError,
              httpx.PoolTimeout)


def image_data_url(image: Any) -> str:
    buf = io.BytesIO()
    (image if image.mode in {"RGB", "L"} else image.convert("RGB")).save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def to_openai_messages(request: GenerationRequest) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    if request.system:
        messages.append({"role": "system", "content": request.system})
    parts: list[dict[str, Any]] = []
    for part in request.content:
        if isinstance(part, ImagePart):
            parts.append({"type": "image_url", "image_url": {"url": image_data_url(part.image)}})
        else:
            parts.append({"type": "text", "text": part.text})
    messages.append({"role": "user", "content": parts})
    return messages


class OpenAICompatGenerator:
    """``Generator`` that calls ``{base_url}/chat/completions``."""

    backend_name = "openai"
    backoff_s = 0.5  # first retry delay; doubles each attempt
    max_backoff_s = 30.0

    def __init__(self, cfg: GeneratorSettings, role: str = "imaging") -> None:
        if not cfg.base_url:
            raise ValueError("OpenAICompatGenerator needs cfg.base_url")
        self.cfg = cfg
        self.role = role
        self.model_id = cfg.model
        self.url = cfg.base_url.rstrip("/") + "/chat/completions"
        self._setting = f"CAREPATH_{role.upper()}__BASE_URL"
        headers = {"Accept": "application/json"}
        if cfg.api_key is not None:
            headers["Authorization"] = f"Bearer {cfg.api_key.get_secret_value()}"
        self._client = httpx.Client(timeout=cfg.timeout_s, headers=headers)

    def _payload(self, request: GenerationRequest) -> dict[str, Any]:
        return {"model": self.cfg.model, "messages": to_openai_messages(request),
                "max_tokens": request.max_new_tokens or self.cfg.max_new_tokens,
                "temperature": self.cfg.temperature, "stream": False}

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        attempts = self.cfg.retries + 1
        why = ""
        for attempt in range(attempts):
            delay = min(self.backoff_s * (2 ** attempt), self.max_backoff_s)
            try:
                resp = self._client.post(self.url, json=payload)
            except _RETRY_EXC as exc:
                why = f"cannot connect ({type(exc).__name__})"
            except httpx.TimeoutException as exc:
                raise BackendError("model server did not answer in time", subject=self.url,
                                   why=f"{type(exc).__name__} after {self.cfg.timeout_s:g} s",
                                   fix=f"raise CAREPATH_{self.role.upper()}__TIMEOUT_S or check "
                                       "the server's load") from exc
            except httpx.HTTPError as exc:
                raise BackendError("request to model server failed", subject=self.url,
                                   why=f"{type(exc).__name__}: {exc}",
                                   fix=f"check {self._setting}") from exc
            else:
                if resp.status_code < 400:
                    try:
                        return resp.json()
                    except ValueError as exc:
                        raise BackendError("model server sent a reply that is not JSON",
                                           subject=self.url, why=resp.text[:200],
                                           fix=f"check that {self._setting} points at an "
                                               "OpenAI-compatible /v1 endpoint") from exc
                why = f"HTTP {resp.status_code}: {_server_message(resp)}"
                if resp.status_code not in _RETRY_STATUS:
                    raise BackendError("model server rejected the request", subject=self.url,
                                       why=why, fix=_fix_for(resp.status_code, self.role))
                retry_after = resp.headers.get("Retry-After", "")
                if retry_after.isdigit():
                    delay = min(float(retry_after), self.max_backoff_s)
            if attempt + 1 < attempts:
                log.warning("model server %s: %s; retry %d/%d in %.1f s", self.url, why,
                            attempt + 1, attempts - 1, delay)
                time.sleep(delay)
        raise BackendError("model server unavailable", subject=self.url,
                           why=f"{why} (after {attempts} attempt{'s' if attempts > 1 else ''})",
                           fix=f"start the server (vLLM/Ollama) or correct {self._setting}; "
                               f"CAREPATH_{self.role.upper()}__RETRIES sets how often to retry")

    def generate(self, request: GenerationRequest) -> Generation:
        scrubbed = deid.enabled(self.cfg)
        if scrubbed and request.burned_in_annotation:
            # Text is scrubbed, pixels are not (no Clean Pixel Data Option): an image whose
            # header says names may be burned into it does not leave the host.
            raise InputError("image not sent to the remote model", subject=self.url,
                             why="its DICOM header declares burned-in annotation (BurnedInAnnotation = "
                                 "YES), which may show patient identifiers, and carepath does not clean "
                                 "pixels",
                             fix=f"read it with a local MedGemma backend, or set "
                                 f"CAREPATH_{self.role.upper()}__DEIDENTIFY=false to send it as it is")
        if scrubbed:  # the text leaves this host: identifiers out first (PS3.15 basic profile)
            request, _record = scrub_request(request)
        start = time.perf_counter()
        body = self._post(self._payload(request))
        latency = time.perf_counter() - start
        try:
            message = body["choices"][0]["message"]
            content = message.get("content") or ""
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise BackendError("model server reply has no choices[0].message", subject=self.url,
                               why=str(body)[:200],
                               fix="check that the server implements /v1/chat/completions") from exc
        text, thinking = split_thinking(content)
        reasoning = message.get("reasoning_content") or message.get("reasoning")
        if reasoning:
            thinking = f"{reasoning}\n\n{thinking}" if thinking else reasoning
        usage = body.get("usage") or {}
        return Generation(text=text, thinking=thinking,
                          prompt_tokens=int(usage.get("prompt_tokens") or 0),
                          completion_tokens=int(usage.get("completion_tokens") or 0),
                          latency_s=latency, queue_s=0.0, batch_size=1,
                          model=str(body.get("model") or self.model_id),
                          backend=self.backend_name + ("+deid" if scrubbed else ""),
                          template_id=request.template_id)

    def generate_many(self, requests: list[GenerationRequest], *,
                      return_exceptions: bool = False) -> list[Any]:
        """Concurrent requests (the server batches them). With
        ``return_exceptions`` failures come back in place; otherwise the first
        is raised once all have finished."""
        if not requests:
            return []
        workers = min(len(requests), self.cfg.max_batch_size)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="carepath-openai") as pool:
            futures = [pool.submit(self.generate, r) for r in requests]
            results = [f.exception() or f.result() for f in futures]
        return settle(results, return_exceptions)

    def close(self) -> None:
        self._client.close()


def _server_message(resp: httpx.Response) -> str:
    try:
        data = resp.json()
        err = data.get("error", data) if isinstance(data, dict) else data
        msg = err.get("message", err) if isinstance(err, dict) else err
        return str(msg)[:200]
    except ValueError:
        return resp.text[:200] or resp.reason_phrase


def _fix_for(status: int, role: str) -> str:
    prefix = f"CAREPATH_{role.upper()}__"
    if status in {401, 403}:
        return f"set {prefix}API_KEY to a key the server accepts"
    if status == 404:
        return (f"check {prefix}BASE_URL (it should end in /v1) and that {prefix}MODEL is the "
                "name the server serves")
    if status in {400, 413, 422}:
        return "the server refused this input: fewer or smaller images, shorter text, or a " \
               "server started with a larger --max-model-len / --limit-mm-per-prompt"
    return "see the server's logs"


def scrub_request(request: GenerationRequest) -> tuple[GenerationRequest, deid.DeidRecord]:
    """A copy of a ``GenerationRequest`` with every text part and the system
    text scrubbed (images untouched), and the record of what was done. Here,
    beside the one backend whose requests leave the host, so ``carepath.deid``
    (used by readers and outputs too) needs no model types."""
    total = 0
    parts = []
    for p in request.content:
        if isinstance(p, TextPart):
            clean, k = deid.scrub_text(p.text)
            total += k
            parts.append(TextPart(text=clean))
        else:
            parts.append(p)
    system = request.system
    if system:
        system, k = deid.scrub_text(system)
        total += k
    return request.model_copy(update={"content": parts, "system": system}), deid.DeidRecord(replaced=total)
