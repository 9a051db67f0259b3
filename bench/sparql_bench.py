"""Benchmark: typical SPARQL queries on Oxigraph (on disk, in memory) versus rdflib's memory store.

A council-shaped synthetic graph (documents as named graphs, meetings, bodies, decisions,
paragraphs with provenance, metrics, people and posts) of about ``--triples`` triples, or the
graph of an existing data directory (``--data DIR``, e.g. the ingested Medway papers), is loaded
into each store in the same run; every query runs once to warm up, then ``--repeat`` times, and
the warm median is printed per store with the speed-up over rdflib and its geometric mean.
The default graph is the union of the named graphs in every store, as at the endpoint.

    python -m bench.sparql_bench --triples 1000000
    python -m bench.sparql_bench --data data
"""

from __future__ import annotations

import argparse
import io
import math
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox

CKG = "https://w3id.org/council-kg/ontology#"
ID = "https://w3id.org/council-kg/id/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PREFIXES = (f"PREFIX ckg: <{CKG}> PREFIX id: <{ID}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/> ")


@dataclass(frozen=True)
class BenchQuery:
    """One query of the set; ``lookup`` marks the ones the p50 target applies to."""

    name: str
    text: str
    lookup: bool = False


SYNTHETIC_QUERIES = (
    BenchQuery("decision by IRI", "SELECT ?p ?o { id:decision-17-3 ?p ?o }", True),
    BenchQuery("label lookup", 'SELECT ?d { ?d rdfs:label "Decision 3 of document 17"@en }', True),
    BenchQuery("decision provenance", "SELECT ?text { id:decision-17-3 prov:wasDerivedFrom ?p . ?p ckg:text ?text }", True),
    BenchQuery("which document", "SELECT ?g { GRAPH ?g { id:decision-17-3 a ckg:Decision } }", True),
    BenchQuery("decisions of a body", "SELECT ?d ?date { ?d ckg:madeBy id:body-3 ; dcterms:date ?date } "
               "ORDER BY DESC(?date) LIMIT 20"),
    BenchQuery("decision → meeting → body", "SELECT ?d ?m ?b { ?d ckg:atMeeting ?m . ?m ckg:heldBy ?b . "
               "?b rdfs:label \"Body 3\" } LIMIT 100"),
    BenchQuery("count per body", "SELECT ?b (COUNT(?d) AS ?n) { ?d ckg:madeBy ?b } GROUP BY ?b ORDER BY DESC(?n)"),
    BenchQuery("metric series", "SELECT ?date ?v { ?m ckg:measure id:measure-2 ; ckg:value ?v ; ckg:refPeriod ?date } "
               "ORDER BY ?date"),
    BenchQuery("post holders", "SELECT ?person ?name { ?person ckg:holdsPost id:post-5 ; rdfs:label ?name }", True),
    BenchQuery("text filter (CONTAINS)", 'SELECT ?p { ?p ckg:text ?t FILTER(CONTAINS(?t, "placement 4242")) }'),
)

GENERIC_QUERIES = (
    BenchQuery("classes", "SELECT ?c (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?c"),
    BenchQuery("triples per document", "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"),
    BenchQuery("labels (first 100)", "SELECT ?s ?l { ?s rdfs:label ?l } LIMIT 100", True),
    BenchQuery("one subject", "SELECT ?p ?o { { SELECT ?s { ?s rdfs:label ?l } LIMIT 1 } ?s ?p ?o }", True),
    BenchQuery("provenance", "SELECT ?s ?p { ?s prov:wasDerivedFrom ?p } LIMIT 100", True),
)


def synthetic_quads(target: int) -> Iterator[ox.Quad]:
    """About ``target`` triples shaped like ingested council papers, one named graph per document."""
    n = ox.NamedNode
    a = n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label, text = n(RDFS_LABEL), n(CKG + "text")
    date = n("http://purl.org/dc/terms/date")
    per_doc = 40 * 4 + 10 * 7 + 5 * 5 + 3 * 3 + 6  # paragraphs, decisions, metrics, people, document
    for doc in range(max(1, target // per_doc)):
        g = n(f"{ID}document/{doc}")
        meeting, body = n(f"{ID}meeting-{doc // 4}"), n(f"{ID}body-{doc % 25}")
        day = ox.Literal(f"20{10 + doc % 15}-{1 + doc % 12:02d}-{1 + doc % 28:02d}",
                         datatype=n("http://www.w3.org/2001/XMLSchema#date"))
        yield from (ox.Quad(g, a, n(CKG + "Document"), g), ox.Quad(g, label, ox.Literal(f"Document {doc}"), g),
                    ox.Quad(meeting, a, n(CKG + "Meeting"), g), ox.Quad(meeting, n(CKG + "heldBy"), body, g),
                    ox.Quad(body, label, ox.Literal(f"Body {doc % 25}"), g), ox.Quad(meeting, date, day, g))
        for p in range(40):
            para = n(f"{ID}paragraph-{doc}-{p}")
            yield from (ox.Quad(para, a, n(CKG + "Paragraph"), g), ox.Quad(para, n(CKG + "inDocument"), g, g),
                        ox.Quad(para, text, ox.Literal(f"The committee noted placement {doc * 40 + p} and "
                                                       f"the report on item {p} of meeting {doc // 4}."), g),
                        ox.Quad(para, n(CKG + "number"), ox.Literal(f"{p // 10 + 1}.{p % 10 + 1}"), g))
        for d in range(10):
            dec = n(f"{ID}decision-{doc}-{d}")
            yield from (ox.Quad(dec, a, n(CKG + "Decision"), g),
                        ox.Quad(dec, label, ox.Literal(f"Decision {d} of document {doc}", language="en"), g),
                        ox.Quad(dec, n(CKG + "madeBy"), body, g), ox.Quad(dec, n(CKG + "atMeeting"), meeting, g),
                        ox.Quad(dec, date, day, g),
                        ox.Quad(dec, n("http://www.w3.org/ns/prov#wasDerivedFrom"), n(f"{ID}paragraph-{doc}-{d}"), g),
                        ox.Quad(dec, n(CKG + "outcome"), ox.Literal("approved"), g))
        for m in range(5):
            metric = n(f"{ID}metric-{doc}-{m}")
            yield from (ox.Quad(metric, a, n(CKG + "Metric"), g), ox.Quad(metric, n(CKG + "measure"),
                                                                        n(f"{ID}measure-{m}"), g),
                        ox.Quad(metric, n(CKG + "value"), ox.Literal(str(100 + doc % 97 + m),
                                datatype=n("http://www.w3.org/2001/XMLSchema#integer")), g),
                        ox.Quad(metric, n(CKG + "refPeriod"), day, g),
                        ox.Quad(metric, n("http://www.w3.org/ns/prov#wasDerivedFrom"),
                                n(f"{ID}paragraph-{doc}-{m}"), g))
        for k in range(3):
            person = n(f"{ID}person-{(doc * 3 + k) % 500}")
            yield from (ox.Quad(person, label, ox.Literal(f"Councillor {(doc * 3 + k) % 500}"), g),
                        ox.Quad(person, n(CKG + "holdsPost"), n(f"{ID}post-{(doc + k) % 60}"), g),
                        ox.Quad(person, a, n("http://xmlns.com/foaf/0.1/Person"), g))


def _time(run: Callable[[], object], repeat: int) -> float:
    run()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def benchmark(quads: list[ox.Quad], queries: tuple[BenchQuery, ...], repeat: int, out=print) -> dict:
    """Load ``quads`` into every store, time every query, print a table; returns the figures."""
    import rdflib

    with tempfile.TemporaryDirectory(prefix="sparql-bench-") as tmp:
        started = time.perf_counter()
        disk = ox.Store(str(Path(tmp) / "graph"))
        disk.bulk_extend(quads)
        disk.flush()
        disk.optimize()
        del disk
        disk = ox.Store.read_only(str(Path(tmp) / "graph"))
        memory = ox.Store()
        memory.bulk_extend(quads)
        load_ox = time.perf_counter() - started
        started = time.perf_counter()
        buffer = io.BytesIO()
        ox.serialize(quads, buffer, ox.RdfFormat.N_QUADS)
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(data=buffer.getvalue(), format="nquads")
        load_rdflib = time.perf_counter() - started
        out(f"{len(quads):,} triples; load: oxigraph {load_ox:.1f} s, rdflib {load_rdflib:.1f} s; "
            f"warm median of {repeat} runs, ms")
        out(f"{'query':30} {'ox disk':>9} {'ox mem':>9} {'rdflib':>9} {'× disk':>7} {'× mem':>7}")
        rows = []
        for q in queries:
            text = PREFIXES + q.text
            t_disk = _time(lambda: list(disk.query(text, use_default_graph_as_union=True)), repeat)
            t_mem = _time(lambda: list(memory.query(text, use_default_graph_as_union=True)), repeat)
            t_rdflib = _time(lambda: list(dataset.query(text)), repeat)
            rows.append((q, t_disk, t_mem, t_rdflib))
            out(f"{q.name:30} {t_disk:9.2f} {t_mem:9.2f} {t_rdflib:9.2f} "
                f"{t_rdflib / t_disk:7.1f} {t_rdflib / t_mem:7.1f}")
        geo = {k: math.exp(statistics.fmean(math.log(r[3] / max(r[i], 1e-6)) for r in rows))
               for k, i in (("disk", 1), ("memory", 2))}
        lookups = [r[1] for r in rows if r[0].lookup]
        p50 = statistics.median(lookups) if lookups else float("nan")
        out(f"geometric mean speed-up over rdflib: on disk {geo['disk']:.1f}×, in memory {geo['memory']:.1f}×; "
            f"p50 of lookups on disk {p50:.2f} ms")
        return {"speedup_disk": geo["disk"], "speedup_memory": geo["memory"], "lookup_p50_ms": p50}


def main(argv: list[str] | None = None) -> dict:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--data", type=Path, default=None, help="benchmark this data directory's graph instead")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if args.data:
        store = ox.Store.read_only(str(args.data / "graph"))
        quads = list(store.quads_for_pattern(None, None, None))
        return benchmark(quads, GENERIC_QUERIES, args.repeat)
    return benchmark(list(synthetic_quads(args.triples)), SYNTHETIC_QUERIES, args.repeat)


if __name__ == "__main__":
    main()
