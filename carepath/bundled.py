"""Where the offline data carepath ships with lives, found through the
installed packages (nothing is downloaded at run time).

One place, below every layer, because the guideline corpus is read by two
layers that must not import each other: the retriever (``carepath.knowledge``)
indexes it, and the dictation lexicon (``carepath.models.lexicon``) takes its
clinical words as recognition hints."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def open_medicine_root() -> Path:
    """The open-medicine guidelines folder (``registry.json`` + ``content/``)."""
    return Path(str(resources.files("open_medicine"))) / "guidelines"
