"""Where a local model runs and in what precision: one rule for every
transformers/NeMo backend, so MedGemma and MedASR never disagree about
what ``auto`` means on the same machine."""

from __future__ import annotations

from typing import Any


def pick_device(setting: str) -> str:
    """``auto`` → ``cuda`` when a GPU is visible, else ``cpu``; anything
    else is taken as the user wrote it (``cuda:1``, ``mps``)."""
    import torch  # heavy: torch is loaded only by backends that run weights locally

    if setting != "auto":
        return setting
    return "cuda" if torch.cuda.is_available() else "cpu"


def pick_dtype(dtype: str, device: str) -> Any:
    """bf16 where MedGemma was trained to run (CUDA); fp32 on CPU, where bf16
    matmuls are slow or unsupported."""
    import torch  # heavy: as above

    if dtype == "auto":
        return torch.bfloat16 if device.startswith("cuda") else torch.float32
    return getattr(torch, dtype)
