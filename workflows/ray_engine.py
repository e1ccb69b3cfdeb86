"""The batch pipeline on Ray (``carepath batch --engine ray``, the ``[ray]`` extra).

Stages, as Ray Data operators:

1. discover — on the driver (``batch_items.discover_items``: headers only);
2. read and prepare — ``map`` as CPU tasks: each study's images are decoded,
   windowed and written once into the content-addressed artifact store
   (``tools.prepared_cache``); only paths and hashes travel between stages;
3. draft — ``map_batches`` on an actor pool: each actor opens one carepath
   service (one model instance, micro-batching concurrent requests; GPU
   actors when ``num_gpus`` is given) and runs the graph, whose skill node
   finds the prepared inputs by key, composes, checks evidence and persists
   the paused draft to the shared checkpoint store (SQLite WAL on one host,
   PostgreSQL across hosts).

Exactly once: the draft is keyed by the service's request key with a UNIQUE
claim in the thread index, so when Ray retries a task or restarts an actor
after a worker dies, the retry resumes the same thread instead of drafting
the study again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from carepath.errors import CarepathError, ConfigError
from carepath.logs import configure_logging
from carepath.tools.dicom.study import probe_modalities
from carepath.tools.registry import preparer_for_modalities
from carepath.tools.spec import PrepareRequest
from carepath.workflows.service import open_service
from carepath.workflows.batch_items import BatchItem, BatchResult, run_item


def _env_vars() -> dict[str, str]:
    """Settings travel to Ray workers as environment variables."""
    keep = ("CAREPATH_", "HF_", "TRANSFORMERS_")
    return {k: v for k, v in os.environ.items() if k.startswith(keep)}


def _task_cpus() -> int | None:
    """Slice threads for this task: the CPUs Ray gave it (at least one), so N
    tasks on an N-core node do not each start threads for every core. Outside
    Ray: None (the skill's own default)."""
    try:
        import ray  # heavy: optional [ray] extra, several seconds to import

        if not ray.is_initialized():
            return None
        cpus = ray.get_runtime_context().get_assigned_resources().get("CPU")
    except Exception:  # noqa: BLE001 - no Ray, or not inside a task
        return None
    return max(1, int(cpus)) if cpus else None


def blocks_for(n_items: int, workers: int) -> int:
    """Ray Data blocks for the prepare stage. One study per block paid ~16 ms
    of Ray overhead per task on small studies (40 tiny CT series: Ray with 2
    workers slower than with 1); four per block removes most of it while
    keeping at least two blocks per worker for balance and small retries."""
    return max(1, min(n_items, max(-(-n_items // 4), 2 * max(1, workers))))


def prepare_row(row: dict[str, Any], workers: int | None = None) -> dict[str, Any]:
    """Stage 2: decode and window the study once (CPU task), with the prepare
    step of the skill that reads its modality (``carepath.tools.registry``;
    a study no skill reads is left to the router's "not supported"). Failures
    are carried to the draft stage, which reports them with the study."""
    path = Path(row["study"])
    try:
        modalities, _ = probe_modalities(path)
        spec = preparer_for_modalities(modalities)
        if spec is None or spec.prepare is None:
            row["prepared"] = ""
            return row
        prep = spec.prepare.run(PrepareRequest(path=path, clinical_question=row["text"] or None,
                                               workers=workers or _task_cpus()), None, None)
        row["prepared"] = f"{len(prep.images)} image(s) for {spec.name}"
    except CarepathError as exc:
        row["prepared"] = f"not prepared: {exc.one_line()}"[:500]
    return row


class DraftActor:
    """Stage 3: one service per actor; drafts up to the sign-off pause."""

    def __init__(self) -> None:
        configure_logging()
        self._stack = ExitStack()
        self._svc = self._stack.enter_context(open_service())

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        results = []
        n = len(batch["key"])
        for i in range(n):
            item = BatchItem(key=batch["key"][i], study=batch["study"][i],
                             study_uid=batch["study_uid"][i] or None, text=batch["text"][i])
            results.append(run_item(self._svc, item).model_dump(mode="json"))
        return {"result": [_json(r) for r in results]}


def _json(r: dict[str, Any]) -> str:
    return json.dumps(r)


def run_ray(items: list[BatchItem], workers: int = 1, address: str | None = None,
            on_result: Callable[[BatchResult], None] | None = None,
            num_gpus_per_actor: float = 0.0) -> list[BatchResult]:
    try:
        import ray  # heavy: optional [ray] extra, several seconds to import
    except ImportError as exc:
        raise ConfigError("the Ray engine needs Ray", why=str(exc), fix="pip install 'carepath[ray]'") from exc
    if not items:
        return []
    started = False
    if not ray.is_initialized():
        kw: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                              "runtime_env": {"env_vars": _env_vars()}, "configure_logging": False}
        if address:
            ray.init(address=address, **kw)
        else:
            ray.init(num_cpus=max(1, workers), **kw)
        started = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ds = ray.data.from_items([i.model_dump(mode="json") | {"study_uid": i.study_uid or ""} for i in items],
                                 override_num_blocks=blocks_for(len(items), workers))
        # Half a CPU each: on an N-CPU node N draft actors must leave room for
        # the prepare tasks, or the two stages wait on each other forever.
        ds = ds.map(prepare_row, num_cpus=0.5, max_retries=3)
        ds = ds.map_batches(DraftActor, batch_size=1, concurrency=max(1, workers), num_cpus=0.5,
                            num_gpus=num_gpus_per_actor or None, max_restarts=3, max_task_retries=3)
        results: list[BatchResult] = []
        for row in ds.iter_rows():
            r = BatchResult.model_validate(json.loads(row["result"]))
            results.append(r)
            if on_result:
                on_result(r)
        done = {r.key for r in results}
        for item in items:   # a study Ray gave up on is reported, never silently dropped
            if item.key not in done:
                r = BatchResult(key=item.key, study=Path(item.study).name, status="failed",
                                reason="Ray gave up on this study after retries; re-run the batch")
                results.append(r)
                if on_result:
                    on_result(r)
        return results
    finally:
        if started:
            ray.shutdown()
