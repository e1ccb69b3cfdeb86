"""Hybrid (dense + BM25, rank-fused, reranked) vs dense-only retrieval on the
TEST split of the evaluation questions (never tuned on), same index, same
process: recall@1/@5 and MRR of the guideline that answers each question.

    CAREPATH_DATA_DIR=... .venv/bin/python bench/bench_hybrid.py
"""

from __future__ import annotations

import time


def main() -> None:
    from carepath.knowledge.eval import load_questions
    from carepath.knowledge.retriever import expand, get_index, search

    idx = get_index()
    rows = [r for r in load_questions() if r.answerable and r.split == "test"]
    stats = {"dense-only": [], "hybrid": []}
    times = {"dense-only": 0.0, "hybrid": 0.0}
    for r in rows:
        qv = idx.encode([expand(r.question, idx)])[0]
        t = time.perf_counter()
        dense = [idx.chunks[i].doc_id.split("/")[0] for i, _ in idx.dense(qv, 5)]
        times["dense-only"] += time.perf_counter() - t
        t = time.perf_counter()
        hybrid = [p.meta.guideline_id for p in search(r.question, 5, index=idx, qvec=qv)]
        times["hybrid"] += time.perf_counter() - t
        for name, ids in (("dense-only", dense), ("hybrid", hybrid)):
            stats[name].append(ids.index(r.guideline_id) + 1 if r.guideline_id in ids else None)
    n = len(rows)
    for name, ranks in stats.items():
        r1 = sum(x == 1 for x in ranks) / n
        r5 = sum(x is not None for x in ranks) / n
        mrr = sum(1 / x for x in ranks if x) / n
        print(f"{name:10s}  recall@1 {r1:.3f}  recall@5 {r5:.3f}  MRR {mrr:.3f}  "
              f"({1000 * times[name] / n:.1f} ms/query after embedding)")
    h5 = sum(x is not None for x in stats["hybrid"]) / n
    d5 = sum(x is not None for x in stats["dense-only"]) / n
    print(f"{n} answerable questions; hybrid recall@5 not lower than dense-only:", "yes" if h5 >= d5 else "NO")


if __name__ == "__main__":
    main()
