"""Finding model weights without a network, and saying exactly how to fix it
when they are not there."""

from __future__ import annotations

import os
from pathlib import Path

from carepath.errors import ModelUnavailableError
from carepath.settings import get_settings

HOW_TO = {
    "imaging": ("CAREPATH_IMAGING__MODEL",
                "set CAREPATH_IMAGING__MODEL to a local directory with the weights, or copy a Hugging "
                "Face cache that holds them (HF_HOME), or serve MedGemma with vLLM/Ollama and set "
                "CAREPATH_IMAGING__BACKEND=openai CAREPATH_IMAGING__BASE_URL=http://host:port/v1"),
    "text": ("CAREPATH_TEXT__MODEL",
             "set CAREPATH_TEXT__MODEL (or CAREPATH_IMAGING__MODEL, which it defaults to) to a local "
             "directory with the weights, or set CAREPATH_TEXT__BACKEND=openai with a BASE_URL"),
    "asr": ("CAREPATH_ASR__MODEL",
            "set CAREPATH_ASR__MODEL to a local directory with the MedASR weights (accept the licence "
            "on the model page and download them where you have network), or set "
            "CAREPATH_ASR__BACKEND=whisper for the labelled non-medical fallback"),
}


def _offline() -> bool:
    env = os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes"}
    return env or get_settings().offline


def resolve_pretrained(model: str, role: str, revision: str | None = None) -> str:
    """Local directory holding ``model``'s files: the path itself, or the HF
    cache snapshot. Downloads only when ``offline`` is false. Raises
    ``ModelUnavailableError`` (exit 2, one actionable line) otherwise."""
    setting, fix = HOW_TO.get(role, HOW_TO["imaging"])
    p = Path(model).expanduser()
    if p.exists() or model.startswith((".", "/", "~")):
        if not p.is_dir() or not (p / "config.json").is_file():
            raise ModelUnavailableError(
                f"no model weights at {setting}", subject=str(p),
                why="the path does not exist or has no config.json", fix=fix)
        return str(p)
    # heavy: snapshot_download pulls in huggingface_hub's HTTP stack (~0.8 s)
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError,
        LocalEntryNotFoundError,
        RepositoryNotFoundError,
    )

    token = get_settings().hf_token
    try:
        return snapshot_download(model, revision=revision, local_files_only=_offline(),
                                 token=token.get_secret_value() if token else None)
    except GatedRepoError as exc:
        why = "the model is gated: accept its licence on the model page and provide HF_TOKEN"
        raise ModelUnavailableError(f"model {model} is not accessible", subject=setting,
                                    why=why, fix=fix) from exc
    except RepositoryNotFoundError as exc:
        raise ModelUnavailableError(f"model {model} not found", subject=setting,
                                    why="no such repository, or it is private", fix=fix) from exc
    except LocalEntryNotFoundError as exc:
        raise ModelUnavailableError(f"model {model} is not available offline", subject=setting,
                                    why="its weights are not in the local Hugging Face cache and "
                                        "carepath does not download at run time", fix=fix) from exc
    except (OSError, ValueError) as exc:
        raise ModelUnavailableError(f"model {model} could not be fetched", subject=setting,
                                    why=str(exc).splitlines()[0][:300], fix=fix) from exc


def weights_available(model: str, revision: str | None = None) -> bool:
    """Cheap check for ``auto`` mode: local dir or complete cache snapshot."""
    p = Path(model).expanduser()
    if p.is_dir():
        return (p / "config.json").is_file()
    try:
        from huggingface_hub import snapshot_download  # heavy: as in resolve_pretrained

        snapshot_download(model, revision=revision, local_files_only=True)
        return True
    except Exception:
        return False
