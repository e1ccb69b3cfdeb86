"""Micro-batching: many threads call ``generate()``; one worker thread runs
them through the model together.

A GPU spends nearly the same time decoding 8 prompts as 1, so concurrent
skill calls (a CT series, a batch of studies, parallel graph branches) are
gathered while they keep arriving (gaps under ``max_wait_s``, at most
``max_batch_size`` items) and executed as one call. The worker is also the only thread that touches the model, which
makes the backend thread-safe without locking the model itself.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from carepath.errors import BackendError

T = TypeVar("T")
R = TypeVar("R")

# run_batch gets the items and how long each waited; it returns, in order,
# a result or the exception meant for that item's caller.
BatchFn = Callable[[list[T], list[float]], list["R | BaseException"]]


@dataclass
class _Job(Generic[T, R]):
    item: T
    future: Future = field(default_factory=Future)
    submitted: float = field(default_factory=time.perf_counter)


_STOP = object()


class MicroBatcher(Generic[T, R]):
    MAX_WAIT_FACTOR = 4.0

    def __init__(self, run_batch: BatchFn, *, max_batch_size: int, max_wait_s: float,
                 name: str = "carepath-microbatch") -> None:
        self._run_batch = run_batch
        self.max_batch_size = max(1, max_batch_size)
        self.max_wait_s = max(0.0, max_wait_s)
        self._queue: queue.Queue = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._worker = threading.Thread(target=self._loop, name=name, daemon=True)
        self._worker.start()

    def submit(self, item: T) -> Future:
        with self._lock:
            if self._closed:
                raise BackendError("generator is closed", subject="micro-batcher",
                                   why="close() was called (settings reload or shutdown)",
                                   fix="get a fresh generator with carepath.models.registry.get_generator()")
            job: _Job = _Job(item)
            self._queue.put(job)
        return job.future

    def close(self, timeout: float | None = 30.0) -> None:
        """Finish queued work, then stop the worker."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        if threading.current_thread() is not self._worker:
            self._worker.join(timeout)

    def _gather(self, first: _Job) -> tuple[list[_Job], bool]:
        """Take queued jobs until the batch is full, or no new job came for
        ``max_wait_s``, or ``MAX_WAIT_FACTOR * max_wait_s`` passed since the
        first: callers that are still preparing inputs (images) keep the batch
        open a little without letting the first one wait without bound."""
        jobs = [first]
        now = time.perf_counter()
        hard_deadline = now + self.MAX_WAIT_FACTOR * self.max_wait_s
        deadline = now + self.max_wait_s
        while len(jobs) < self.max_batch_size:
            remaining = min(deadline, hard_deadline) - time.perf_counter()
            try:
                nxt = self._queue.get(timeout=remaining) if remaining > 0 else self._queue.get_nowait()
            except queue.Empty:
                break
            if nxt is _STOP:
                return jobs, True
            jobs.append(nxt)
            deadline = time.perf_counter() + self.max_wait_s
        return jobs, False

    def _loop(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if first is _STOP:
                break
            jobs, stop = self._gather(first)
            jobs = [j for j in jobs if j.future.set_running_or_notify_cancel()]
            if not jobs:
                continue
            start = time.perf_counter()
            waits = [start - j.submitted for j in jobs]
            try:
                results = self._run_batch([j.item for j in jobs], waits)
                if len(results) != len(jobs):
                    raise RuntimeError(f"batch returned {len(results)} results for {len(jobs)} items")
            except BaseException as exc:  # noqa: BLE001 - delivered to every caller of this batch
                results = [exc] * len(jobs)
            for job, res in zip(jobs, results, strict=True):
                if isinstance(res, BaseException):
                    job.future.set_exception(res)
                else:
                    job.future.set_result(res)
        # Drain anything submitted before close() took the lock.
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is not _STOP and job.future.set_running_or_notify_cancel():
                job.future.set_exception(BackendError("generator closed before this request ran",
                                                      subject="micro-batcher",
                                                      fix="retry with a fresh generator"))


def settle(results: list[R | BaseException], return_exceptions: bool) -> list[R | BaseException]:
    """The answer of a backend's ``generate_many``: each request's result or
    error in order, or (``return_exceptions=False``) the first error raised,
    as ``asyncio.gather`` does. Shared so every backend fails the same way."""
    if not return_exceptions:
        for res in results:
            if isinstance(res, BaseException):
                raise res
    return results
