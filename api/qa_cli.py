"""``council-kg ask``, ``trace`` and ``eval``: question answering from the command line.

Registered on the ``council-kg`` group at the end of :mod:`api.cli`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from kg.errors import CouncilKGError


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _answerer(settings):
    from kg.knowledge import KnowledgeBase
    from kg.qa.service import QuestionAnswerer

    return QuestionAnswerer(KnowledgeBase(settings))


@click.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON the HTTP API returns.")
@click.pass_obj
def ask(obj, question: str, as_json: bool) -> None:
    """Answer QUESTION from the papers, with citations (or say the papers do not)."""
    try:
        answer = _answerer(obj.settings).ask(question)
    except CouncilKGError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
        return
    if not answer.answered:
        click.echo("Not found in the papers.")
    else:
        click.echo(answer.answer)
    click.echo(f"(confidence {answer.confidence:.2f})")
    for i, c in enumerate(answer.citations[:3], 1):
        where = ", ".join(x for x in (c.file, f"para {c.paragraph}" if c.paragraph else None,
                                       f"p. {c.page}" if c.page else None) if x)
        click.echo(f"[{i}] {c.title or c.file} ({where})")


@click.command()
@click.argument("decision")
@click.option("--json", "as_json", is_flag=True, help="Print the trace as JSON.")
@click.pass_obj
def trace(obj, decision: str, as_json: bool) -> None:
    """Trace DECISION (its id or IRI): meeting, body, report, authors, posts, report-backs."""
    from kg.knowledge import KnowledgeBase
    from kg.trace import trace_decision

    try:
        kb = KnowledgeBase(obj.settings)
        snap = kb.current()
        if snap.graph is None:
            _fail("the data directory holds no graph yet; ingest something first")
        result = trace_decision(snap.graph, kb.minter, decision)
    except CouncilKGError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        return
    click.echo(result.label or result.decision)
    for e in result.path:
        click.echo(f"  {e.source_label or e.source} --{e.relation}--> {e.target_label or e.target}")


@click.command(name="eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--retrieval-qmsum", "qmsum", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Also measure recall@5 on a QMSum split (e.g. ../shared/external/qmsum-committee/val).")
@click.option("--failures", is_flag=True, help="List the questions answered wrongly.")
@click.pass_obj
def evaluate(obj, questions: Path, qmsum: Path | None, failures: bool) -> None:
    """Score QUESTIONS.jsonl (strict, citation, abstention, latency) on the data directory."""
    from kg.evaluate import load_questions, run_questions

    try:
        qa = _answerer(obj.settings)
        qa.ask("warm-up question")  # loads the model and the per-generation lookups
        report = run_questions(lambda q: qa.ask(q).to_json(), load_questions(questions))
    except CouncilKGError as exc:
        _fail(str(exc))
    click.echo(json.dumps({"questions": str(questions), **report.summary()}))
    if failures:
        for r in report.results:
            wrong = (r.question.answerable and not r.strict) or (not r.question.answerable and r.answered)
            if wrong:
                click.echo(f"  MISS {r.question.question!r} -> {r.answer!r}")
    if qmsum is not None:
        click.echo(json.dumps(retrieval_benchmark(obj.settings, qmsum)))


def retrieval_benchmark(settings, split: Path, limit: int | None = None) -> dict:
    """Ingest a QMSum split into a temporary data directory and report recall@5 of BM25-only,
    dense-only and fused search over the same index: each query within its own meeting (as
    QMSum poses them) and across all the split's meetings at once."""
    from dataclasses import replace

    from ingest.pipeline import Ingestor
    from kg.evaluate import load_qmsum, meeting_documents, retrieval_recall, turn_map
    from kg.knowledge import KnowledgeBase
    from kg.search import HybridSearch, Tuning

    transcripts, queries = load_qmsum(split)
    if limit is not None:
        transcripts = transcripts[:limit]
        keep = {t.stem for t in transcripts}
        queries = [q for q in queries if q.meeting in keep]
    with tempfile.TemporaryDirectory(prefix="qmsum-") as tmp:
        local = replace(settings, data=Path(tmp) / "data")
        kb = KnowledgeBase(local)
        report = Ingestor(local, embedder=kb.embedder).ingest(transcripts, None)
        if not report.ok:
            raise click.ClickException(f"QMSum ingest failed: {report.failed}")
        snap = kb.current()
        turns = turn_map(snap.catalog, transcripts)

        def ranker(weight: float, tuning: Tuning):
            search = HybridSearch(snap.search.generation, snap.catalog, kb.embedder, weight, tuning)
            return lambda q, k, documents: [h.paragraph_id for h in search.search(q, k, documents)]

        plain = Tuning(neighbour=0.0, document=0.0, strip_framing=False)
        rankers = {"bm25": ranker(0.0, plain), "dense": ranker(1.0, plain),
                   "fused_plain": ranker(local.dense_weight, plain), "fused": ranker(local.dense_weight, Tuning())}
        scopes = {"within_meeting": meeting_documents(snap.catalog, transcripts), "all_meetings": None}
        result = {scope: retrieval_recall(rankers, queries, turns, k=5, within=within)
                  for scope, within in scopes.items()}
    first = next(iter(result.values()))
    return {"qmsum": str(split), "queries": first.queries, "k": first.k,
            **{scope: {f"recall@5_{name}": round(v, 4) for name, v in r.recall.items()}
               for scope, r in result.items()}}
