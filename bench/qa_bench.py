"""Latency of warm ``ask`` over a data directory: p50 and p95 of a question set, asked N times.

    python -m bench.qa_bench --data DIR [--questions tests/data/medway_questions.jsonl] [--rounds 3]

Targets (issue 4): p50 ≤ 50 ms, p95 ≤ 150 ms on the Medway papers on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kg.evaluate import load_questions
from kg.knowledge import KnowledgeBase
from kg.qa.service import QuestionAnswerer
from kg.settings import Settings

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "medway_questions.jsonl"


def measure(answerer: QuestionAnswerer, questions: list[str], rounds: int) -> dict:
    """Ask every question ``rounds`` times after one warm-up pass; milliseconds per ask."""
    for q in questions:
        answerer.ask(q)
    times = []
    for _ in range(rounds):
        for q in questions:
            started = time.perf_counter()
            answerer.ask(q)
            times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {"asks": len(times), "p50_ms": round(cuts[49], 1), "p95_ms": round(cuts[94], 1),
            "max_ms": round(max(times), 1)}


def main(argv: list[str] | None = None) -> dict:
    """Parse arguments, run, print and return the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    answerer = QuestionAnswerer(KnowledgeBase(Settings.load(data=args.data)))
    questions = [q.question for q in load_questions(args.questions)]
    result = measure(answerer, questions, args.rounds)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
