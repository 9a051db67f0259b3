"""A tiny run of the SPARQL benchmark, so it keeps working (its figures are not asserted)."""

from __future__ import annotations


def test_benchmark_smoke_run():
    from bench.sparql_bench import SYNTHETIC_QUERIES, benchmark, synthetic_quads

    lines: list[str] = []
    figures = benchmark(list(synthetic_quads(2_000)), SYNTHETIC_QUERIES, repeat=1, out=lines.append)
    assert len(lines) == len(SYNTHETIC_QUERIES) + 3
    assert figures["speedup_disk"] > 0 and figures["lookup_p50_ms"] >= 0
