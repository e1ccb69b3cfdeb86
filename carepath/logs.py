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
    _CONFIGURED = True


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name)
