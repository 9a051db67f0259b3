"""Evaluation harness: question sets scored against answer keys, and passage retrieval on QMSum.

Question sets are JSON lines ``{question, keys, answerable, gold_docs?}``: ``keys`` is a list of
groups of acceptable strings and every group must appear in the answer (case-insensitive). The
retrieval benchmark asks whether one of the top-k passages falls inside a relevant turn range of
the QMSum committee transcripts (see ``../shared/README.md`` for the turn convention).

Nothing here ingests: the caller (``api.qa_cli``) builds the data directories, so ``kg`` keeps
depending on nothing above it.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Collection, Iterable, Mapping, Sequence

from kg.catalog import Catalog
from kg.errors import InputError

MAX_ANSWER = 400


@dataclass(frozen=True)
class EvalQuestion:
    """One line of a question set."""

    question: str
    keys: tuple[tuple[str, ...], ...]
    answerable: bool
    gold_docs: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionResult:
    """How one question fared."""

    question: EvalQuestion
    answer: str | None
    answered: bool
    strict: bool
    cited: bool | None  # None when the question names no gold document
    seconds: float
    cited_files: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvalReport:
    """Aggregate scores of a question set."""

    results: tuple[QuestionResult, ...]

    def _answerable(self) -> list[QuestionResult]:
        return [r for r in self.results if r.question.answerable]

    @property
    def strict_accuracy(self) -> float:
        """Share of answerable questions whose answer holds every key group, under 400 chars."""
        rows = self._answerable()
        return sum(r.strict for r in rows) / len(rows) if rows else 0.0

    @property
    def citation_accuracy(self) -> float:
        """Share of answerable questions with gold documents that cite one in the first three."""
        rows = [r for r in self._answerable() if r.cited is not None]
        return sum(bool(r.cited) for r in rows) / len(rows) if rows else 0.0

    @property
    def abstention(self) -> float:
        """Share of unanswerable questions answered with ``answered: false``."""
        rows = [r for r in self.results if not r.question.answerable]
        return sum(not r.answered for r in rows) / len(rows) if rows else 1.0

    @property
    def false_abstention(self) -> float:
        """Share of answerable questions the system declined."""
        rows = self._answerable()
        return sum(not r.answered for r in rows) / len(rows) if rows else 0.0

    def latency(self, quantile: float) -> float:
        """Seconds per question at a quantile (0.5 for the median)."""
        return _quantile([r.seconds for r in self.results], quantile)

    def summary(self) -> dict[str, float | int]:
        """The printed figures."""
        return {
            "questions": len(self.results),
            "answerable": len(self._answerable()),
            "strict_accuracy": round(self.strict_accuracy, 4),
            "citation_accuracy": round(self.citation_accuracy, 4),
            "abstention": round(self.abstention, 4),
            "false_abstention": round(self.false_abstention, 4),
            "latency_p50_ms": round(self.latency(0.5) * 1000, 1),
            "latency_p95_ms": round(self.latency(0.95) * 1000, 1),
        }


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSON-lines question set; InputError names the bad line."""
    questions = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            questions.append(
                EvalQuestion(
                    question=row["question"],
                    keys=tuple(tuple(str(k) for k in group) for group in row.get("keys") or ()),
                    answerable=bool(row.get("answerable", True)),
                    gold_docs=tuple(row.get("gold_docs") or ()),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a question line: {exc}") from exc
    return questions


def keys_hold(answer: str | None, keys: Sequence[Sequence[str]]) -> bool:
    """True when every key group has a member in the answer (case- and space-insensitive)."""
    if not answer:
        return False
    text = _fold(answer)
    return all(any(_fold(k) in text for k in group) for group in keys)


def _fold(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text)


AskFn = Callable[[str], dict]


def run_questions(ask: AskFn, questions: Iterable[EvalQuestion]) -> EvalReport:
    """Ask every question through ``ask`` (returning the ask contract's JSON) and score it."""
    results = []
    for q in questions:
        started = time.perf_counter()
        out = ask(q.question)
        seconds = time.perf_counter() - started
        answer = out.get("answer")
        answered = bool(out.get("answered"))
        files = tuple(c.get("file") or "" for c in out.get("citations") or [])
        cited = None
        if q.answerable and q.gold_docs:
            gold = set(q.gold_docs)
            top = [c for c in (out.get("citations") or [])[:3]]
            cited = any(c.get("file") in gold or c.get("document_id") in gold for c in top)
        strict = answered and keys_hold(answer, q.keys) and len(answer or "") < MAX_ANSWER
        results.append(QuestionResult(q, answer, answered, strict, cited, seconds, files))
    return EvalReport(tuple(results))


def _quantile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[min(98, max(0, round(q * 100) - 1))]


# -- retrieval on QMSum -------------------------------------------------------------------


@dataclass(frozen=True)
class RetrievalQuery:
    """A QMSum query with the inclusive turn ranges that answer it."""

    meeting: str
    query: str
    ranges: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class RetrievalReport:
    """Recall@k of each ranker over the same queries."""

    k: int
    queries: int
    recall: dict[str, float] = field(default_factory=dict)


def load_qmsum(folder: Path) -> tuple[list[Path], list[RetrievalQuery]]:
    """Transcript files and the specific queries (those with turn ranges) of a QMSum split."""
    folder = Path(folder)
    transcripts = sorted((folder / "transcripts").glob("*.txt"))
    queries = []
    for line in (folder / "queries.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        ranges = tuple((int(a), int(b)) for a, b in row.get("relevant_turns") or ())
        if row.get("kind", "specific") == "specific" and ranges:
            queries.append(RetrievalQuery(row["meeting"], row["query"], ranges))
    return transcripts, queries


def meeting_documents(catalog: Catalog, transcripts: Sequence[Path]) -> dict[str, str]:
    """Meeting (the transcript's file stem) → the id of the document it was stored as."""
    by_file = {d.file_name: d.id for d in catalog.documents()}
    return {path.stem: by_file[path.name] for path in transcripts if path.name in by_file}


def turn_map(catalog: Catalog, transcripts: Sequence[Path]) -> dict[str, set[tuple[str, int]]]:
    """Paragraph id → the (meeting, turn) pairs its text covers.

    The segmenter may merge short turns or split long ones, so paragraphs are located in the
    transcript by their text (whitespace-folded), not by position.
    """
    documents = meeting_documents(catalog, transcripts)
    covered: dict[str, set[tuple[str, int]]] = {}
    for path in transcripts:
        meeting = path.stem
        doc_id = documents.get(meeting)
        if doc_id is None:
            continue
        blocks = [b for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if b.strip()]
        flat, starts = "", []
        for block in blocks:
            starts.append(len(flat))
            flat += _squash(block) + " "
        cursor = 0
        for stored in catalog.paragraphs_of(doc_id):
            text = _squash(stored.paragraph.text)
            at = flat.find(text[:80], cursor)
            if at < 0:
                at = flat.find(text[:80])
            if at < 0:
                continue
            end = at + len(text)
            cursor = at
            # Paragraph i of the file is turn i - 1 (paragraph 0 is the header).
            turns = {i - 1 for i, s in enumerate(starts) if s < end and (i + 1 == len(starts) or starts[i + 1] > at)}
            covered[stored.paragraph.id] = {(meeting, t) for t in turns if t >= 0}
    return covered


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# (query, k, the document ids to search or None for all) → paragraph ids, best first
RankFn = Callable[[str, int, Collection[str] | None], list[str]]


def retrieval_recall(
    rankers: dict[str, RankFn], queries: Sequence[RetrievalQuery],
    turns: dict[str, set[tuple[str, int]]], k: int = 5, within: Mapping[str, str] | None = None,
) -> RetrievalReport:
    """Recall@k per ranker: a query counts when a top-k paragraph covers a relevant turn.

    With ``within`` (meeting → document id) each query searches only its own meeting's
    transcript, as QMSum poses its queries; without it, every transcript competes."""
    recall = {}
    for name, rank in rankers.items():
        hits = 0
        for q in queries:
            relevant = {(q.meeting, t) for a, b in q.ranges for t in range(a, b + 1)}
            scope = None if within is None else [within.get(q.meeting, "")]
            if any(turns.get(pid, set()) & relevant for pid in rank(q.query, k, scope)):
                hits += 1
        recall[name] = hits / len(queries) if queries else 0.0
    return RetrievalReport(k, len(queries), recall)
