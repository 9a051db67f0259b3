"""A runner for the W3C SPARQL 1.1 query-evaluation, syntax and result-format suites.

Each test goes through the endpoint's own code path: the guard (:func:`check_query`), the
evaluation of :func:`kg.sparql_worker.evaluate` on a pyoxigraph store loaded with the test's
data, and the endpoint's serialisers; the serialised result is parsed back and compared with
the expected one (solutions as multisets up to blank-node renaming, in order when the query
has ORDER BY; graphs by isomorphism). Entailment and SERVICE suites are not run.

``python -m tests.sparql.w3c`` prints the pass rate of every suite and each failure.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.sparql_formats import FORMATS, ResultFormat
from kg.sparql_guard import check_query
from kg.sparql_worker import QueryJob, evaluate
from tests.sparql.data import W3C

XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
QUERY_SUITES = ("aggregates", "bind", "bindings", "cast", "construct", "exists", "functions", "grouping",
                "negation", "project-expression", "property-path", "subquery", "syntax-query")
RESULT_SUITES = ("json-res", "csv-tsv-res")
RDF_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".rdf": ox.RdfFormat.RDF_XML, ".nt": ox.RdfFormat.N_TRIPLES}

# Tests that fail for a known reason outside this project's code, with that reason.
_CANONICAL = ("Oxigraph stores literals of derived numeric types in value space: "
              "xsd:negativeInteger -3 comes back as xsd:integer, 1.0e6 as 1000000 (text formats compare lexically)")
_ENGINE = "pyoxigraph 0.5 evaluation differs from the specification: "
EXPECTED_FAILURES: dict[str, str] = {
    "aggregates/agg-groupconcat-04": _ENGINE + "GROUP_CONCAT keeps a shared language tag (\"1 2\"@en), the test wants a simple literal",
    "aggregates/agg-groupconcat-06": _ENGINE + "GROUP_CONCAT keeps a shared language tag, the test wants a simple literal",
    "aggregates/agg-empty-group-count-graph": _ENGINE + "COUNT over an empty group inside GRAPH ?g yields no row per graph",
    "bindings/graph": _ENGINE + "VALUES with UNDEF inside GRAPH ?g does not join with every named graph",
    "functions/bnode01": _ENGINE + "BNODE(str) returns the same blank node across solutions, not only within one",
    "negation/graph-minus": _ENGINE + "MINUS with no shared variable inside GRAPH ?g removes the solution",
    "property-path/zero_or_one_set_start": _ENGINE + "a zero-length path does not match a constant absent from the graph",
    "property-path/zero_or_one_set_end": _ENGINE + "a zero-length path does not match a constant absent from the graph",
    "property-path/zero_or_more_set_start": _ENGINE + "a zero-length path does not match a constant absent from the graph",
    "property-path/zero_or_more_set_end": _ENGINE + "a zero-length path does not match a constant absent from the graph",
    "csv-tsv-res/csv03": _CANONICAL,
    "csv-tsv-res/tsv03": _CANONICAL,
}


@dataclass(frozen=True)
class W3CTest:
    """One manifest entry."""

    suite: str
    name: str
    kind: str
    query: Path
    data: tuple[Path, ...] = ()
    graph_data: tuple[Path, ...] = ()
    result: Path | None = None

    @property
    def id(self) -> str:
        return f"{self.suite}/{self.name}"


def _local(term: ox.NamedNode) -> Path:
    return W3C / term.value.removeprefix(BASE)


def load_suite(suite: str) -> list[W3CTest]:
    """The tests of one suite's manifest, in manifest order."""
    manifest = W3C / suite / "manifest.ttl"
    store = ox.Store()
    store.load(path=str(manifest), format=ox.RdfFormat.TURTLE, base_iri=f"{BASE}{suite}/manifest.ttl")
    rows = store.query(f"""
        PREFIX mf: <{MF}> PREFIX qt: <{QT}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?t ?type ?action ?result WHERE {{
            ?m mf:entries/rdf:rest*/rdf:first ?t . ?t a ?type ; mf:action ?action .
            OPTIONAL {{ ?t mf:result ?result }} }}""")
    tests = []
    for row in rows:
        kind = row["type"].value.removeprefix(MF)
        action = row["action"]
        if isinstance(action, ox.NamedNode):
            query, data, graphs = _local(action), (), ()
        else:
            query = _local(next(store.quads_for_pattern(action, ox.NamedNode(QT + "query"), None)).object)
            data = tuple(_local(q.object) for q in store.quads_for_pattern(action, ox.NamedNode(QT + "data"), None))
            graphs = tuple(_local(q.object)
                           for q in store.quads_for_pattern(action, ox.NamedNode(QT + "graphData"), None))
        result = _local(row["result"]) if row["result"] is not None else None
        name = row["t"].value.rsplit("#", 1)[-1]
        tests.append(W3CTest(suite, name, kind, query, data, graphs, result))
    return tests


def _iri(path: Path) -> str:
    return BASE + path.resolve().relative_to(W3C.resolve()).as_posix()


def _format(name: str) -> ResultFormat:
    return next(f for f in FORMATS if f.name == name)


def run(test: W3CTest) -> None:
    """Run one test; raise AssertionError (or a query error) when it fails."""
    text = test.query.read_text(encoding="utf-8")
    if test.kind in ("PositiveSyntaxTest11", "NegativeSyntaxTest11"):
        try:
            checked = check_query(text)
            evaluate(ox.Store(), QueryJob(checked, _format("json" if checked.form in ("SELECT", "ASK") else "ntriples"),
                                          base_iri=_iri(test.query)))
        except QueryError as exc:
            # Only a parse failure (or the guard) counts: evaluation errors mean it parsed.
            parsed = not str(exc).startswith("SPARQL syntax error")
            assert (test.kind == "NegativeSyntaxTest11") != parsed, f"valid query refused: {exc}"
            return
        assert test.kind == "PositiveSyntaxTest11", "invalid query accepted"
        return
    store = ox.Store()
    for path in test.data:
        store.load(path=str(path), format=RDF_FORMATS[path.suffix], base_iri=_iri(path))
    for path in test.graph_data:
        store.load(path=str(path), format=RDF_FORMATS[path.suffix], base_iri=_iri(path),
                   to_graph=ox.NamedNode(_iri(path)))
    checked = check_query(text)
    assert test.result is not None
    suffix = test.result.suffix
    if checked.form in ("CONSTRUCT", "DESCRIBE"):
        out = _evaluate(store, checked, "ntriples", test)
        _same_graph(ox.parse(out, ox.RdfFormat.N_TRIPLES),
                    ox.parse(path=str(test.result), format=RDF_FORMATS[suffix], base_iri=_iri(test.result)))
        return
    if test.kind == "CSVResultFormatTest":
        _same_csv(_evaluate(store, checked, "csv", test).decode(), test.result.read_text(encoding="utf-8"))
        return
    name = {".tsv": "tsv", ".srx": "xml"}.get(suffix, "json")
    out = _evaluate(store, checked, name, test)
    actual = ox.parse_query_results(out, ox.QueryResultsFormat.from_extension(name if name != "xml" else "srx"))
    if suffix in RDF_FORMATS:
        expected_rows = _result_set_rows(test.result)
    else:
        expected = ox.parse_query_results(path=str(test.result),
                                          format=ox.QueryResultsFormat.from_extension(suffix.lstrip(".")))
        if isinstance(expected, ox.QueryBoolean) or isinstance(actual, ox.QueryBoolean):
            assert bool(actual) == bool(expected), f"ASK gave {bool(actual)}, expected {bool(expected)}"
            return
        expected_rows = _rows(expected)
    ordered = bool(re.search(r"ORDER\s+BY", text, re.IGNORECASE))
    _same_solutions(_rows(actual), expected_rows, ordered)


RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"


def _result_set_rows(path: Path) -> list[dict]:
    """Solutions written in RDF with the DAWG result-set vocabulary."""
    graph = ox.Store()
    graph.load(path=str(path), format=RDF_FORMATS[path.suffix], base_iri=_iri(path))
    rows = graph.query(f"""PREFIX rs: <{RS}> SELECT ?sol ?var ?val ?index WHERE {{
        ?set rs:solution ?sol . OPTIONAL {{ ?sol rs:index ?index }}
        OPTIONAL {{ ?sol rs:binding [ rs:variable ?var ; rs:value ?val ] }} }}""")
    solutions: dict = {}
    for row in rows:
        entry = solutions.setdefault(row["sol"], [row["index"], {}])
        if row["var"] is not None:
            entry[1][row["var"].value] = row["val"]
    ordered = sorted(solutions.values(), key=lambda e: int(e[0].value) if e[0] is not None else 0)
    return [bindings for _, bindings in ordered]


def _evaluate(store: ox.Store, checked, fmt: str, test: W3CTest) -> bytes:
    job = QueryJob(checked, _format(fmt), max_rows=1_000_000, union_default_graph=False,
                   base_iri=_iri(test.query))
    return evaluate(store, job).body


def _rows(solutions) -> list[dict]:
    names = [v.value for v in solutions.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in solutions]


NUMERIC = {XSD + n for n in ("integer", "decimal", "float", "double")}


def _value(term):
    """A literal of a numeric type as (datatype, number): ``"1.0"^^xsd:decimal`` equals ``"1"``.

    Oxigraph keeps numbers and booleans in value space, so it returns canonical lexical forms
    (``"0"^^xsd:boolean`` comes back as ``false``); the comparison is by value within the same
    datatype (the type must still match).
    """
    if isinstance(term, ox.Literal) and term.datatype.value == XSD + "boolean":
        return ("bool", term.value in ("true", "1"))
    if isinstance(term, ox.Literal) and term.datatype.value in NUMERIC:
        try:
            return ("num", term.datatype.value, float(term.value))
        except ValueError:
            return term
    return term


def _key(row: dict, bnodes: dict) -> tuple:
    return tuple(sorted(((k, ("_", bnodes.get(v.value)) if isinstance(v, ox.BlankNode) else _value(v))
                         for k, v in row.items()), key=repr))


def _same_solutions(actual: list[dict], expected: list[dict], ordered: bool) -> None:
    assert len(actual) == len(expected), f"{len(actual)} rows, expected {len(expected)}"
    has_bnodes = any(isinstance(v, ox.BlankNode) for row in actual + expected for v in row.values())
    if not has_bnodes:
        if ordered:
            assert [_key(r, {}) for r in actual] == [_key(r, {}) for r in expected], "rows differ or are misordered"
        assert Counter(_key(r, {}) for r in actual) == Counter(_key(r, {}) for r in expected), "rows differ"
        return
    assert _match(actual, expected, {}), "rows differ (up to blank-node renaming)"


def _match(actual: list[dict], expected: list[dict], mapping: dict[str, str]) -> bool:
    """Backtracking search for a blank-node bijection under which the row multisets agree."""
    if not expected:
        return True
    first, rest = expected[0], expected[1:]
    for i, row in enumerate(actual):
        if row.keys() != first.keys():
            continue
        trial = dict(mapping)
        if all(_term_match(row[k], first[k], trial) for k in first) and \
                _match(actual[:i] + actual[i + 1:], rest, trial):
            mapping.update(trial)
            return True
    return False


def _term_match(a, e, mapping: dict[str, str]) -> bool:
    if isinstance(a, ox.BlankNode) and isinstance(e, ox.BlankNode):
        if a.value in mapping:
            return mapping[a.value] == e.value
        if e.value in mapping.values():
            return False
        mapping[a.value] = e.value
        return True
    return _value(a) == _value(e)


def _same_graph(actual, expected) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    def graph(quads) -> Graph:
        buffer = io.BytesIO()
        ox.serialize([q.triple for q in quads], buffer, ox.RdfFormat.N_TRIPLES)
        return Graph().parse(data=buffer.getvalue().decode(), format="nt")

    got, want = graph(actual), graph(expected)
    assert isomorphic(got, want), f"graphs differ: {len(got)} triples, expected {len(want)}"


def _same_csv(actual: str, expected: str) -> None:
    def rows(text: str) -> list[tuple]:
        table = list(csv.reader(io.StringIO(text)))
        order = sorted(range(len(table[0])), key=lambda i: table[0][i])  # SELECT * order is free
        labels: dict[str, str] = {}
        norm = [tuple(labels.setdefault(r[i], f"_:b{len(labels)}") if r[i].startswith("_:") else r[i]
                      for i in order) for r in table]
        return [norm[0], *sorted(norm[1:])]

    assert rows(actual) == rows(expected), "CSV differs"


def all_tests() -> list[W3CTest]:
    """Every test of the suites this project runs."""
    return [t for suite in QUERY_SUITES + RESULT_SUITES for t in load_suite(suite)]


def main() -> None:
    """Print pass rates per suite and every failure."""
    by_suite: dict[str, list[int]] = {}
    failures = []
    for test in all_tests():
        counts = by_suite.setdefault(test.suite, [0, 0])
        counts[1] += 1
        try:
            run(test)
            counts[0] += 1
        except Exception as exc:  # noqa: BLE001 - a report lists every kind of failure
            failures.append((test.id, f"{type(exc).__name__}: {str(exc)[:160]}"))
    for suite, (passed, total) in by_suite.items():
        print(f"{suite:20} {passed:4}/{total:<4}")
    passed = sum(p for p, _ in by_suite.values())
    total = sum(t for _, t in by_suite.values())
    print(f"{'all':20} {passed:4}/{total:<4} ({100 * passed / total:.1f}%)")
    for test_id, reason in failures:
        print(f"FAIL {test_id}: {reason}")


if __name__ == "__main__":
    main()
