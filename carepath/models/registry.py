"""Which generator serves each role, decided once per settings value.

``auto`` never fails: it uses local weights when they can be found without a
network and otherwise returns ``None`` (callers then say plainly that model
output was not generated). An explicit backend that cannot be served raises
an actionable error instead.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from carepath.errors import ConfigError
from carepath.models.vlm import Generator, Role
from carepath.models.weights import weights_available
from carepath.settings import GeneratorSettings, get_settings

log = logging.getLogger("carepath.models")
_LOCK = threading.Lock()
# Keyed by the settings value only: the text role defaults to the imaging
# settings, and must then share the one loaded model, not load a second copy.
_CACHE: dict[str, Generator | None] = {}


def role_settings(role: Role) -> GeneratorSettings:
    s = get_settings()
    return s.imaging if role == "imaging" else s.text_model


def generator_for_role(role: Role) -> Generator | None:
    cfg = role_settings(role)
    key = cfg.model_dump_json()
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        gen = _build(role, cfg)
        _CACHE[key] = gen
        return gen


def _build(role: Role, cfg: GeneratorSettings) -> Generator | None:
    backend = cfg.backend
    if backend == "none":
        return None
    if backend == "auto":
        if cfg.base_url:
            backend = "openai"
        elif weights_available(cfg.model, cfg.revision):
            backend = "transformers"
        else:
            log.info("no %s model weights found for %s; running without a model", role, cfg.model)
            return None
    if backend == "openai":
        if not cfg.base_url:
            raise ConfigError("OpenAI-compatible backend needs a server URL",
                              subject=f"CAREPATH_{role.upper()}__BASE_URL",
                              fix=f"set CAREPATH_{role.upper()}__BASE_URL=http://host:port/v1")
        from carepath.models.openai_compat import OpenAICompatGenerator

        return OpenAICompatGenerator(cfg, role=role)
    from carepath.models.medgemma import TransformersGenerator

    return TransformersGenerator(cfg, role=role)


def reset() -> None:
    """Forget loaded generators (tests, settings reloads)."""
    with _LOCK:
        for gen in _CACHE.values():
            close: Any = getattr(gen, "close", None)
            if callable(close):
                close()
        _CACHE.clear()
