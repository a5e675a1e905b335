"""Tests for the serializers: each output parses back to the same graph, reproducibly.

RDF is compared by graph isomorphism (with a readable diff on failure), never as text.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld
from rdflib.compare import graph_diff, isomorphic

from newsgraph import export
from newsgraph.build import BuildResult

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/newsgraph/id/"
NG = "https://w3id.org/newsgraph/ontology#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# rdflib 7.6's own N-Quads parser calls its deprecated Dataset.default_context; nothing to fix
# on our side.
RDFLIB_NQUADS_DEPRECATION = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning"
)


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


def typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=n(XSD + datatype))


A = n(ID + "article/aaaa000000000001")
B = n(ID + "article/bbbb000000000002")
LAVROV = n(ID + "person/sergey-lavrov")
NATO = n(ID + "organization/nato")
COUNCIL = n(ID + "organization/nato-russia-council")
ZURICH = n(ID + "place/zürich")
ROLE = n(ID + "role/sergey-lavrov--foreign-minister--russia")
RUSSIA = n(ID + "place/russia")
MEETING = n(ID + "meeting/2022-02-talks")
EVIDENCE = n(ID + "evidence/aaaa000000000001/25-38")

# Hand-built quads covering every kind of term the mapping emits, plus some it does not (a
# language tag, an unmapped property) that a serializer must still carry.
TRIPLES_A: list[Triple] = [
    (A, n(RDF_TYPE), n(NG + "Article")),
    (A, n(RDF_TYPE), n(SCHEMA + "NewsArticle")),
    (A, n(SCHEMA + "datePublished"), typed("2022-01-12", "date")),
    (A, n(SCHEMA + "headline"), ox.Literal('Lavrov: "talks" \\ next\nline, tab\tend')),
    (A, n(SCHEMA + "url"), typed("https://example.org/news?id=1&x=2", "anyURI")),
    (A, n(SCHEMA + "identifier"), ox.Literal("@id")),
    (A, n(SCHEMA + "mentions"), LAVROV),
    (A, n(SCHEMA + "mentions"), ZURICH),
    (A, n(SCHEMA + "mentions"), MEETING),
    (LAVROV, n(RDF_TYPE), n(NG + "Person")),
    (LAVROV, n(RDF_TYPE), n(SCHEMA + "Person")),
    (LAVROV, n(SCHEMA + "name"), ox.Literal("Sergey Lavrov")),
    (LAVROV, n(SCHEMA + "alternateName"), ox.Literal("Lavrov")),
    (LAVROV, n(SCHEMA + "alternateName"), ox.Literal("Сергей Лавров")),
    (LAVROV, n(SCHEMA + "memberOf"), ROLE),
    (LAVROV, n(PROV + "wasDerivedFrom"), EVIDENCE),
    (LAVROV, n(NG + "confidence"), typed("0.9", "decimal")),
    (ROLE, n(RDF_TYPE), n(NG + "Role")),
    (ROLE, n(RDF_TYPE), n(SCHEMA + "OrganizationRole")),
    (ROLE, n(SCHEMA + "roleName"), ox.Literal("Foreign Minister")),
    (ROLE, n(SCHEMA + "memberOf"), RUSSIA),
    (RUSSIA, n(RDF_TYPE), n(NG + "Place")),
    (RUSSIA, n(RDF_TYPE), n(SCHEMA + "Country")),
    (ZURICH, n(SCHEMA + "name"), ox.Literal("Zürich")),
    (ZURICH, n(SCHEMA + "alternateName"), ox.Literal("Zurich", language="en")),
    (ZURICH, n("https://example.org/vocab#unmapped"), ox.Literal("kept")),
    (EVIDENCE, n(RDF_TYPE), n(NG + "Evidence")),
    (EVIDENCE, n(NG + "inArticle"), A),
    (EVIDENCE, n(NIF + "beginIndex"), typed("25", "nonNegativeInteger")),
    (EVIDENCE, n(NIF + "endIndex"), typed("38", "nonNegativeInteger")),
    (EVIDENCE, n(NIF + "anchorOf"), ox.Literal("Sergey Lavrov")),
]
TRIPLES_B: list[Triple] = [
    (B, n(RDF_TYPE), n(NG + "Article")),
    (B, n(SCHEMA + "datePublished"), typed("2022-01-13", "date")),
    (LAVROV, n(SCHEMA + "name"), ox.Literal("Sergey Lavrov")),  # also in A's graph
    (MEETING, n(RDF_TYPE), n(NG + "Meeting")),
    (MEETING, n(RDF_TYPE), n(SCHEMA + "Event")),
    (MEETING, n(SCHEMA + "name"), ox.Literal("Talks, 2022-02")),
    (MEETING, n(SCHEMA + "attendee"), LAVROV),
    (MEETING, n(SCHEMA + "attendee"), NATO),
    (MEETING, n(NG + "convenedBy"), COUNCIL),
    (MEETING, n(SCHEMA + "location"), ZURICH),
    (MEETING, n(SCHEMA + "startDate"), typed("2022-02", "gYearMonth")),
    (MEETING, n(SCHEMA + "endDate"), typed("2022", "gYear")),
    (MEETING, n(NG + "status"), n(NG + "Planned")),
    (MEETING, n(SCHEMA + "eventStatus"), n(SCHEMA + "EventScheduled")),
    (MEETING, n(SCHEMA + "subjectOf"), B),
]
QUADS = [ox.Quad(s, p, o, A) for s, p, o in TRIPLES_A] + [
    ox.Quad(s, p, o, B) for s, p, o in TRIPLES_B
]


def to_rdflib_term(term: object) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if not isinstance(term, ox.Literal):
        raise TypeError(f"no blank nodes or quoted triples in these tests: {term!r}")
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype == n(XSD + "string"):
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def expected_graph(triples: Iterable[Triple | ox.Triple]) -> rdflib.Graph:
    """The graph the quads stand for, built without any serializer."""
    graph = rdflib.Graph()
    for s, p, o in triples:
        graph.add((to_rdflib_term(s), to_rdflib_term(p), to_rdflib_term(o)))
    return graph


EXPECTED = expected_graph(TRIPLES_A + TRIPLES_B)


def assert_isomorphic(expected: rdflib.Graph, actual: rdflib.Graph) -> None:
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(expected, actual)
    lines = ["graphs differ"]
    lines += [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(only_expected)]
    lines += [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(only_actual)]
    pytest.fail("\n".join(lines))


def refuse(url: str, options: object = None) -> Any:
    raise AssertionError(f"the JSON-LD made the reader fetch {url}")


def jsonld_graph(data: bytes) -> rdflib.Graph:
    """Read JSON-LD with pyld, never fetching anything."""
    document = json.loads(data)
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": refuse})
    # No named graphs in the JSON-LD: its lines parse as N-Triples.
    return rdflib.Graph().parse(data=nquads, format="nt")


def turtle_graph(data: bytes) -> rdflib.Graph:
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="turtle")


def nquads_union(data: bytes) -> rdflib.Graph:
    dataset = rdflib.Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


# --- JSON-LD ---------------------------------------------------------------------------------


def test_json_ld_reads_back_as_the_turtle_graph() -> None:
    from_jsonld = jsonld_graph(export.json_ld(QUADS))
    from_turtle = turtle_graph(export.turtle(QUADS))
    assert_isomorphic(from_turtle, from_jsonld)
    assert_isomorphic(EXPECTED, from_jsonld)


def test_json_ld_inlines_the_shipped_context() -> None:
    document = json.loads(export.json_ld(QUADS))
    shipped = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict)
    assert document["@context"] == shipped["@context"]

    def contexts(value: object) -> list[object]:
        if isinstance(value, dict):
            found = [value["@context"]] if "@context" in value else []
            return found + [c for v in value.values() for c in contexts(v)]
        if isinstance(value, list):
            return [c for v in value for c in contexts(v)]
        return []

    assert not [c for c in contexts(document) if not isinstance(c, dict)]


def test_json_ld_is_compacted_with_the_context_terms() -> None:
    document = json.loads(export.json_ld(QUADS))
    nodes = {node["id"]: node for node in document["@graph"]}
    meeting = nodes[MEETING.value]
    assert sorted(meeting["attendee"]) == sorted([LAVROV.value, NATO.value])
    assert meeting["convenedBy"] == COUNCIL.value
    assert meeting["status"] == "ng:Planned"
    assert "Event" in meeting["type"]
    assert nodes[A.value]["datePublished"] == "2022-01-12"


def test_json_ld_of_one_node_and_of_nothing() -> None:
    one = [ox.Quad(LAVROV, n(SCHEMA + "name"), ox.Literal("Sergey Lavrov"), A)]
    assert_isomorphic(expected_graph([q.triple for q in one]), jsonld_graph(export.json_ld(one)))
    empty = export.json_ld([])
    assert len(jsonld_graph(empty)) == 0
    assert "@context" in json.loads(empty)


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc"])))
def test_any_string_survives_json_ld(value: str) -> None:
    quads = [
        ox.Quad(LAVROV, n(SCHEMA + "name"), ox.Literal(value), A),
        ox.Quad(LAVROV, n(NIF + "anchorOf"), ox.Literal(value), A),
    ]
    assert_isomorphic(
        expected_graph([q.triple for q in quads]), jsonld_graph(export.json_ld(quads))
    )


# --- Turtle and N-Quads ----------------------------------------------------------------------


def test_turtle_parses_in_pyoxigraph_and_rdflib() -> None:
    data = export.turtle(QUADS)
    parsed = {q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)}
    assert parsed == {ox.Triple(*t) for t in TRIPLES_A + TRIPLES_B}
    assert_isomorphic(EXPECTED, turtle_graph(data))


@RDFLIB_NQUADS_DEPRECATION
def test_nquads_parse_in_pyoxigraph_and_rdflib() -> None:
    data = export.nquads(QUADS)
    assert set(ox.parse(data, format=ox.RdfFormat.N_QUADS)) == set(QUADS)
    dataset = rdflib.Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    for graph, triples in ((A, TRIPLES_A), (B, TRIPLES_B)):
        named = rdflib.Graph()
        for triple in dataset.graph(rdflib.URIRef(graph.value)):
            named.add(triple)
        assert_isomorphic(expected_graph(triples), named)


@RDFLIB_NQUADS_DEPRECATION
def test_the_nquads_union_is_the_turtle_graph() -> None:
    assert_isomorphic(turtle_graph(export.turtle(QUADS)), nquads_union(export.nquads(QUADS)))


def test_turtle_holds_a_triple_of_two_graphs_once() -> None:
    name = ox.Triple(LAVROV, n(SCHEMA + "name"), ox.Literal("Sergey Lavrov"))
    assert sum(1 for q in QUADS if q.triple == name) == 2
    parsed = [q.triple for q in ox.parse(export.turtle(QUADS), format=ox.RdfFormat.TURTLE)]
    assert parsed.count(name) == 1
    assert [
        q.triple for q in ox.parse(export.ntriples(QUADS), format=ox.RdfFormat.N_TRIPLES)
    ].count(name) == 1


# --- determinism -----------------------------------------------------------------------------

SERIALIZERS = {
    "turtle": export.turtle,
    "nquads": export.nquads,
    "ntriples": export.ntriples,
    "json_ld": export.json_ld,
}


@pytest.mark.parametrize("name", sorted(SERIALIZERS))
def test_output_does_not_depend_on_quad_order(name: str) -> None:
    serialize = SERIALIZERS[name]
    reference = serialize(QUADS)
    assert reference
    assert serialize(list(reversed(QUADS))) == reference
    assert serialize(sorted(QUADS, key=lambda q: (str(q.object), str(q.subject)))) == reference


@settings(max_examples=25, deadline=None)
@given(st.permutations(QUADS))
def test_any_order_gives_the_same_bytes(quads: list[ox.Quad]) -> None:
    for serialize in SERIALIZERS.values():
        assert serialize(quads) == serialize(QUADS)


# --- writing ---------------------------------------------------------------------------------


def test_write_atomic_replaces_the_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old content, longer than the new one\n")
    export.write_atomic(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_write_atomic_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "out" / "nested" / "graph.nq"
    export.write_atomic(target, b"<a:s> <a:p> <a:o> .\n")
    assert target.read_bytes() == b"<a:s> <a:p> <a:o> .\n"
    assert [p.name for p in target.parent.iterdir()] == ["graph.nq"]


def test_write_atomic_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old\n")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        export.write_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        export.write_atomic(tmp_path / "graph.ttl", b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o644


def test_write_all_writes_every_file(tmp_path: Path) -> None:
    files = {"graph.ttl": export.turtle(QUADS), "graph.nq": export.nquads(QUADS)}
    export.write_all(tmp_path, files)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files


# --- the seeds build -------------------------------------------------------------------------


@pytest.mark.model
def test_seeds_json_ld_reads_back_as_the_seeds_turtle(
    seeds_build: tuple[Path, BuildResult],
) -> None:
    out, _ = seeds_build
    from_turtle = turtle_graph((out / "graph.ttl").read_bytes())
    assert len(from_turtle) > 100
    assert_isomorphic(from_turtle, jsonld_graph((out / "graph.jsonld").read_bytes()))


@pytest.mark.model
@RDFLIB_NQUADS_DEPRECATION
def test_seeds_nquads_union_is_the_seeds_turtle(seeds_build: tuple[Path, BuildResult]) -> None:
    out, _ = seeds_build
    from_turtle = turtle_graph((out / "graph.ttl").read_bytes())
    assert_isomorphic(from_turtle, nquads_union((out / "graph.nq").read_bytes()))
    quads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in quads), "a quad in the default graph"


@pytest.mark.model
def test_seeds_outputs_are_reproducible(seeds_build: tuple[Path, BuildResult]) -> None:
    out, _ = seeds_build
    quads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    assert export.nquads(quads) == (out / "graph.nq").read_bytes()
    assert export.turtle(quads) == (out / "graph.ttl").read_bytes()
    assert export.json_ld(quads) == (out / "graph.jsonld").read_bytes()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_indented_json_is_what_json_dumps_writes(value: Any) -> None:
    assert export.indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_indented_json_by_hand() -> None:
    value = {"a": [1, {"b": "é\n"}], "c": {}, "d": [], "e": None}
    expected = (
        '{\n  "a": [\n    1,\n    {\n      "b": "é\\n"\n    }\n  ],\n'
        '  "c": {},\n  "d": [],\n  "e": null\n}'
    )
    assert export.indented(value) == expected


def test_serializers_take_the_triples_worked_out_once() -> None:
    triples = export.triples_of(QUADS)
    assert export.triples_of(triples) is triples
    assert len(triples) == len({q.triple for q in QUADS})
    assert export.turtle(triples) == export.turtle(QUADS)
    assert export.json_ld(triples) == export.json_ld(QUADS)


@pytest.mark.parametrize("count", [0, 1, 3, 5000])
def test_the_graph_document_comes_in_pieces_of_the_indented_text(count: int) -> None:
    ctx = {"@version": 1.1, "schema": "https://schema.org/", "name": {"@id": "schema:name"}}
    nodes = [
        {"id": f"n{i}", "name": ["a", {"@value": "b", "@language": "en"}]} for i in range(count)
    ]

    pieces = list(export.graph_document(ctx, iter(nodes)))

    assert "".join(pieces) == json.dumps({"@context": ctx, "@graph": nodes}, indent=2) + "\n"
    assert (len(pieces) > 1) == (count == 5000)


def test_write_all_takes_writers_and_a_failing_one_leaves_the_old_files(tmp_path: Path) -> None:
    export.write_all(tmp_path, {"graph.ttl": b"old"})

    def fails(handle: Any) -> None:
        handle.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        export.write_all(tmp_path, {"graph.nq": fails, "graph.ttl": b"new"})
    assert (tmp_path / "graph.ttl").read_bytes() == b"old"
    assert not (tmp_path / "graph.nq").exists()

    export.write_all(
        tmp_path,
        {
            "graph.ttl": export.turtle_writer(QUADS),
            "graph.nq": export.nquads_writer(list(reversed(QUADS))),
            "graph.jsonld": export.text_writer(lambda: export.json_ld_text(QUADS)),
        },
    )
    assert (tmp_path / "graph.ttl").read_bytes() == export.turtle(QUADS)
    assert (tmp_path / "graph.nq").read_bytes() == export.nquads(QUADS)
    assert (tmp_path / "graph.jsonld").read_bytes() == export.json_ld(QUADS)
    assert not (tmp_path / ".newsgraph-staging").exists()
