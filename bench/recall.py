"""Benchmark: recall and latency of FAISS index types on real MiniLM paragraph embeddings.

Chooses the dense index of large segments. Truth is exact inner product (``IndexFlatIP``);
queries are held-out paragraphs' vectors (real text, the same distribution as questions that
quote a paper) plus the embedded benchmark questions. Recall@k is the share of the exact top
k that an index returns in its top k; 50 is the candidate pool hybrid search asks for.
Beyond the real vectors cached (``python -m bench.vectors N``), synthetic ones perturbed from
them extend the corpus (noted in the table).

    python -m bench.recall --sizes 9800,100000
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import faiss
import numpy as np

from bench.report import DOC, Table, percentile, publish
from bench.vectors import base_vectors, synthetic_vectors


def candidates(dim: int, size: int) -> dict[str, faiss.Index]:
    """The index types compared."""
    out = {}
    hnsw = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 80
    out["HNSW32 float32, efSearch 96"] = hnsw
    sq = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)
    sq.hnsw.efConstruction = 80
    out["HNSW32 SQ8, efSearch 96"] = sq
    lists = max(16, int(4 * np.sqrt(size)))
    ivf = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, lists, faiss.ScalarQuantizer.QT_8bit,
                                        faiss.METRIC_INNER_PRODUCT)
    out[f"IVF{lists} SQ8, nprobe 16"] = ivf
    return out


def run(size: int, queries: int = 200) -> tuple[list[tuple], str]:
    """(index, build s, MiB, recall@10, recall@50, p50 ms, p95 ms) per index type."""
    base, kind = base_vectors(size + queries)
    if len(base) >= size + queries:
        data, q = base[:size], base[size : size + queries]
    else:
        q = base[-queries:]
        data = synthetic_vectors(size, base[:-queries])
        kind = f"synthetic, mixed from {len(base) - queries:,} {kind}"
    faiss.omp_set_num_threads(1)
    exact = faiss.IndexFlatIP(data.shape[1])
    exact.add(data)
    _, truth = exact.search(q, 50)
    faiss.omp_set_num_threads(2)
    rows = []
    for name, index in candidates(data.shape[1], size).items():
        began = time.perf_counter()
        if not index.is_trained:
            index.train(data[: min(len(data), 50_000)])
        index.add(data)
        build = time.perf_counter() - began
        if isinstance(index, faiss.IndexHNSW):
            index.hnsw.efSearch = 96
        else:
            index.nprobe = 16
        faiss.omp_set_num_threads(1)
        latencies, r10, r50 = [], [], []
        for i in range(len(q)):
            t0 = time.perf_counter()
            _, found = index.search(q[i : i + 1], 50)
            latencies.append((time.perf_counter() - t0) * 1000)
            r10.append(len(set(found[0][:10]) & set(truth[i][:10])) / 10)
            r50.append(len(set(found[0]) & set(truth[i])) / 50)
        faiss.omp_set_num_threads(2)
        mib = faiss.serialize_index(index).nbytes / 2**20
        rows.append((name, build, mib, float(np.mean(r10)), float(np.mean(r50)),
                     percentile(latencies, 50), percentile(latencies, 95)))
    return rows, kind


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and record it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="9800,100000")
    parser.add_argument("--doc", type=Path, default=DOC)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    table = Table("FAISS index types on MiniLM vectors (top 50 asked, 1 search thread)",
                  ["vectors", "kind", "index", "build (s)", "size (MiB)", "recall@10", "recall@50", "p50 (ms)", "p95 (ms)"])
    for size in (int(s) for s in args.sizes.split(",")):
        rows, kind = run(size, args.queries)
        for row in rows:
            table.add(size, kind, *row)
    table.notes.append("Exact search (IndexFlatIP) is the truth. Queries: 200 held-out paragraph vectors.")
    publish("recall", "Dense index choice: recall on real embeddings", [table], doc=None if args.no_record else args.doc)


if __name__ == "__main__":
    main()
