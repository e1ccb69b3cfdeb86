"""Group commit for read-access audit records.

Every PHI read writes an audit record that must be durable before the read
is answered (an unaudited read is a read nobody can account for). One
``fsync`` per read under the audit log's exclusive lock serialises all
concurrent readers behind the disk: with 50 clients, p50 read latency
doubled (``bench/bench_authz.py``). Databases solve this with group
commit, and so does this module: concurrent callers queue their records;
the first becomes the leader and writes the whole queue with one
``append_many`` (one lock, one fsync) while the others wait for that batch
to be durable. No record is acknowledged before it is on disk, no record is
dropped, and the chain order is the order the leader took them.

Leader/follower without a background thread, so nothing is left running on
shutdown and a failing write raises in every caller of that batch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class GroupCommit(Generic[T]):
    """Batch items submitted concurrently into calls of ``write(batch)``."""

    def __init__(self, write: Callable[[list[T]], None]) -> None:
        self._write = write
        self._cond = threading.Condition()
        self._queue: list[T] = []
        self._next_batch = 0      # the batch an item queued now will belong to
        self._done = 0            # batches below this number are finished
        self._writing = False
        self._errors: dict[int, BaseException] = {}

    def submit(self, item: T) -> None:
        """Return once ``item`` has been written (by this or another thread);
        raise what the write of its batch raised."""
        with self._cond:
            self._queue.append(item)
            mine = self._next_batch
            while self._writing and self._done <= mine:
                self._cond.wait()
            if self._done > mine:
                self._raise_for(mine)
                return
            batch, self._queue = self._queue, []
            self._writing, self._next_batch = True, mine + 1
        error: BaseException | None = None
        try:
            self._write(batch)
        except BaseException as exc:  # every waiter of this batch must see it
            error = exc
        with self._cond:
            self._writing, self._done = False, mine + 1
            if error is not None:
                self._errors[mine] = error
            self._cond.notify_all()
        if error is not None:
            raise error

    def _raise_for(self, batch: int) -> None:
        error = self._errors.get(batch)
        if len(self._errors) > 64:  # keep only recent failures; waiters read theirs at once
            for old in sorted(self._errors)[:-64]:
                del self._errors[old]
        if error is not None:
            raise error
