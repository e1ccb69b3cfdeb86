"""A batch worker process (``carepath batch --workers N``, local engine).

Kept light on purpose: a spawned worker imports this module before anything
else, and its first act is to start watching its parent. Only then does it
load the service (LangGraph, skills, models: tens of seconds on a busy host),
so a worker whose batch process is killed mid-start still exits instead of
idling on with its model loaded.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from carepath.logs import configure_logging

_worker_stack: ExitStack | None = None
_worker_service: Any = None
_run_item: Callable[[Any, Any], Any] | None = None


def exit_when_orphaned(parent: int, every_s: float = 1.0) -> None:
    """A worker whose batch process was killed (SIGKILL of the parent alone,
    an OOM kill) would otherwise live on idle, holding its model and index
    (~700 MB each, seen after `pkill -f 'carepath batch'`). Nothing is lost by
    leaving: results are written by the parent, and the re-run resumes."""

    def watch() -> None:
        while True:
            time.sleep(every_s)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=watch, name="carepath-orphan-watch", daemon=True).start()


def init_worker(parent: int) -> None:
    global _worker_stack, _worker_service, _run_item
    exit_when_orphaned(parent)
    configure_logging()
    # heavy: the service and skills load only after the orphan watch runs (see the module docstring)
    from carepath.workflows.batch_items import run_item
    from carepath.workflows.service import open_service

    _run_item = run_item
    _worker_stack = ExitStack()
    _worker_service = _worker_stack.enter_context(open_service())


def run_in_worker(item: Any) -> Any:
    assert _run_item is not None, "init_worker runs first in every worker"
    return _run_item(_worker_service, item)
