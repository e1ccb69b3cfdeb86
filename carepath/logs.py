"""Logging set-up. carepath logs opaque ids and hashes only: never patient
names, ids, birth dates or accession numbers (enforced by tests)."""

from __future__ import annotations

import logging
import os

_CONFIGURED = False


def configure_logging(level: str | None = None) -> None:
    global _CONFIGURED
    if _CONFIGURED:
        return
    lvl = level or os.environ.get("CAREPATH_LOG_LEVEL", "WARNING")
    logging.basicConfig(level=getattr(logging, lvl.upper(), logging.WARNING),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Libraries that chat at DEBUG/INFO or draw their own progress bars on
    # stderr: carepath shows its own progress (rich) where work is long.
    for noisy in ("bm25s", "pdfminer", "pdfplumber", "faster_whisper", "httpx", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    _CONFIGURED = True
