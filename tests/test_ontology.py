"""The ontology declares every term the graph uses, with labels and comments; ingests validate."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg import vocab as v
from tests.extract.graphs import document_graph, to_rdflib

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
CKG = rdflib.Namespace(v.CKG)


@pytest.fixture(scope="module")
def medway_docs():
    from tests.extract.medway import MEDWAY, medway_documents

    if not MEDWAY.exists():
        pytest.skip("Medway corpus not present")
    return medway_documents()


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "council.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def test_every_ckg_term_has_label_and_comment(ontology):
    terms = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(v.CKG)}
    assert len(terms) > 60
    for term in terms:
        assert ontology.value(term, RDFS.label), f"{term} has no label"
        assert ontology.value(term, RDFS.comment), f"{term} has no comment"


def test_vocab_constants_in_ckg_namespace_are_declared(ontology):
    declared = {str(s) for s in ontology.subjects(RDF.type, None)}
    names = [getattr(v, n) for n in dir(v) if n.isupper() and isinstance(getattr(v, n), str)]
    missing = [n for n in names if n.startswith(v.CKG) and n != v.CKG and n not in declared]
    assert not missing, missing


def test_alignment_with_standards(ontology):
    assert (CKG.Document, RDFS.subClassOf, rdflib.URIRef(v.FOAF + "Document")) in ontology
    assert (CKG.Post, RDFS.subClassOf, rdflib.URIRef(v.ORG + "Post")) in ontology
    assert (CKG.Observation, RDFS.subClassOf, rdflib.URIRef(v.QB + "Observation")) in ontology
    assert (CKG.Decision, RDFS.subClassOf, rdflib.URIRef(v.BESLUIT + "Besluit")) in ontology
    assert (CKG.Meeting, RDFS.subClassOf, rdflib.URIRef(v.OPARL + "Meeting")) in ontology
    assert (CKG.Topic, RDFS.subClassOf, rdflib.URIRef(v.SKOS + "Concept")) in ontology
    assert (None, RDF.type, OWL.Ontology) in ontology


def test_every_term_used_by_medway_graphs_is_declared(ontology, medway_docs):
    declared = {str(s) for s in ontology.subjects(None, None)}
    for doc in medway_docs:
        for s, p, o in document_graph(doc):
            assert p.value in declared or not p.value.startswith(v.CKG), p.value
            if p.value == v.RDF_TYPE and o.value.startswith(v.CKG):
                assert o.value in declared, o.value


def test_each_medway_document_validates_against_shapes(shapes, ontology, medway_docs):
    from pyshacl import validate

    for doc in medway_docs:
        conforms, _, report = validate(to_rdflib(document_graph(doc)), shacl_graph=shapes, inference="none")
        assert conforms, f"{doc.file_name}:\n{report[:3000]}"
