"""The incremental benchmark on the code before segments, for the 'before' rows of its table.

    git worktree add /tmp/old 241ad64 && cp -r bench /tmp/old/
    cd /tmp/old && PYTHONPATH=/tmp/old python bench/baselines/old_incremental.py

Prints the steps as JSON (saved as incremental-before-segments.json).
"""
import json, sys, time
from pathlib import Path
from bench.store import build_store
from bench.vectors import base_vectors, synthetic_vectors
from bench import incremental
data = Path("/tmp/bench/oldwork/store-100000")
if not (data / "bench.json").exists():
    base, kind = base_vectors(100_000)
    vectors = synthetic_vectors(100_000, base)
    t = build_store(data, vectors, commit_paragraphs=100_000)
    (data / "bench.json").write_text(json.dumps({"size": 100_000, "vectors": kind, **t}))
    print("built", t, flush=True)
import tempfile
with tempfile.TemporaryDirectory() as work:
    steps = incremental.run(data, Path(work))
indexes = sum(incremental.index_files(data).values())
print(json.dumps({"indexes": indexes, "steps": steps}), flush=True)
