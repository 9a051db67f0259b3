"""SPARQL queries in killable worker processes that open the graph store read-only.

Neither pyoxigraph nor rdflib can cancel a query in-process, so the public endpoint never runs
one in the web process. A :class:`WorkerPool` keeps up to ``size`` worker processes; each
opens the on-disk Oxigraph store read-only (reopening it when the committed generation
changes), evaluates one :class:`QueryJob` at a time and sends back the serialised result. When
a query outlives its deadline the worker is killed (SIGKILL) at once, the caller gets
:class:`QueryTimeout`, and a replacement is started in the background, so the other workers
keep answering meanwhile.

The pool is built by the app factory (see ``api.sparql``) and kept in ``app.extensions``;
workers start on first use, not when the pool is created.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Protocol

import pyoxigraph as ox

from kg.errors import CouncilKGError, QueryError, QueryTimeout, StoreError
from kg.sparql_formats import Rendered, ResultFormat, render
from kg.sparql_guard import CheckedQuery


class WorkerFailed(StoreError):
    """A query worker died (for example out of memory) before answering."""


@dataclass(frozen=True)
class QueryJob:
    """Everything a worker needs to answer one query, picklable."""

    query: CheckedQuery
    result_format: ResultFormat
    store: str | None = None
    version: str | None = None
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    max_rows: int = 10_000
    union_default_graph: bool = True
    base_iri: str | None = None


class QueryRunner(Protocol):
    """What the endpoint needs to answer jobs: the worker pool, or a remote store."""

    def run(self, job: QueryJob, timeout: float) -> Rendered:
        """Answer ``job`` within ``timeout`` seconds or raise."""

    def close(self) -> None:
        """Release workers or connections."""


def dataset_arguments(job: QueryJob) -> dict[str, Any]:
    """How the job's dataset maps onto pyoxigraph's query arguments.

    The protocol's ``default-graph-uri`` / ``named-graph-uri`` win over the query's ``FROM`` /
    ``FROM NAMED``; with neither, the default graph is the union of all named graphs.
    """
    if job.default_graphs is not None or job.named_graphs is not None:
        return {
            "default_graph": [ox.NamedNode(g) for g in job.default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or ()],
        }
    if job.query.has_dataset or not job.union_default_graph:
        return {}  # the engine applies the query's own FROM / FROM NAMED, or the store's default graph
    return {"use_default_graph_as_union": True}


def evaluate(store: ox.Store, job: QueryJob) -> Rendered:
    """Run one job against an open store and serialise its result (in this process)."""
    try:
        result = store.query(job.query.text, base_iri=job.base_iri, **dataset_arguments(job))
        return render(result, job.result_format, job.max_rows)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        raise QueryError(f"SPARQL query failed: {exc}") from exc


def _serve(conn: Connection) -> None:
    """A worker's loop: receive jobs, answer each with ``("ok", Rendered)`` or ``("error", exc)``."""
    key: tuple[str | None, str | None] | None = None
    store: ox.Store | None = None
    while True:
        try:
            job: QueryJob = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None or key != (job.store, job.version):
                store = ox.Store.read_only(job.store) if job.store else ox.Store()
                key = (job.store, job.version)
            reply: tuple[str, Any] = ("ok", evaluate(store, job))
        except CouncilKGError as exc:
            reply = ("error", exc)
        except OSError as exc:
            reply = ("error", StoreError(f"cannot open the graph store: {exc}"))
        except Exception as exc:  # noqa: BLE001 - a worker must answer, whatever failed
            reply = ("error", QueryError(f"SPARQL query failed: {exc}"))
        conn.send(reply)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: mp.context.BaseContext) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), daemon=True, name="council-kg-sparql")
        self.process.start()
        child.close()

    def kill(self) -> None:
        """Stop the process now and reap it."""
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class WorkerPool:
    """Up to ``size`` query workers; :meth:`run` answers a job or raises within its timeout."""

    def __init__(self, size: int, *, start_method: str = "spawn") -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.size = size
        self._ctx = mp.get_context(start_method)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._alive = 0
        self._closed = False

    def warm(self) -> None:
        """Start every worker now instead of on first use."""
        with self._lock:
            missing = self.size - self._alive
            self._alive += missing
        for _ in range(missing):
            self._idle.put(_Worker(self._ctx))

    def run(self, job: QueryJob, timeout: float) -> Rendered:
        """Answer ``job`` within ``timeout`` seconds (waiting for a free worker counts)."""
        deadline = time.monotonic() + timeout
        worker = self._acquire(deadline, timeout)
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                raise QueryTimeout(f"query stopped after the {timeout:g} s time limit")
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise WorkerFailed(f"the query worker died before answering: {exc}") from exc
        self._release(worker)
        if status == "error":
            raise payload
        return payload

    def _acquire(self, deadline: float, timeout: float) -> _Worker:
        with self._lock:
            if self._closed:
                raise StoreError("the SPARQL worker pool is closed")
            start = self._idle.empty() and self._alive < self.size
            if start:
                self._alive += 1
        if start:
            try:
                return _Worker(self._ctx)
            except OSError as exc:
                with self._lock:
                    self._alive -= 1
                raise WorkerFailed(f"cannot start a query worker: {exc}") from exc
        try:
            return self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise QueryTimeout(
                f"every query worker stayed busy for the {timeout:g} s time limit; try again"
            ) from None

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            closed = self._closed
        if closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker; start its successor in the background so the caller returns now."""

        def successor() -> None:
            worker.kill()
            with self._lock:
                closed = self._closed
            if closed:
                return
            try:
                self._idle.put(_Worker(self._ctx))
            except OSError:
                with self._lock:
                    self._alive -= 1

        if worker.process.is_alive():
            worker.process.kill()
        threading.Thread(target=successor, name="council-kg-sparql-respawn", daemon=True).start()

    def close(self) -> None:
        """Stop every idle worker; busy ones are stopped as they come back."""
        with self._lock:
            self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return
