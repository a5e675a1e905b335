"""Tests for validation in parts: the same report as validating the whole graph at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import SH

from newsgraph import validation
from newsgraph.build import BuildResult
from newsgraph.export import read
from newsgraph.validation import (
    NG,
    SCREENED,
    Violation,
    fragments,
    screens,
    shapes,
    unscreened_shapes,
    validate_in_parts,
    validate_quads,
)

SHAPES = Path(__file__).resolve().parent / "data" / "shapes"
FIXTURES = sorted((SHAPES / "invalid").glob("*.ttl")) + sorted((SHAPES / "valid").glob("*.ttl"))
NAME = ox.NamedNode("https://schema.org/name")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def blank_as_one(violations: tuple[Violation, ...]) -> list[Violation]:
    """rdflib names a blank node anew on each parse: every blank focus becomes one name."""
    return [replace(v, focus=v.focus if ":" in v.focus else "_:b") for v in violations]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_parts_report_what_the_whole_graph_reports(path: Path) -> None:
    quads = read(path)

    whole = validate_quads(quads)
    parts = validate_in_parts(quads, 3)

    assert parts.conforms == whole.conforms == (path.parent.name == "valid")
    assert blank_as_one(parts.violations) == blank_as_one(whole.violations)
    if all(":" in v.focus for v in whole.violations):
        assert parts.turtle == whole.turtle


@pytest.fixture(scope="module")
def seeds_graph(seeds_build: tuple[Path, BuildResult]) -> list[ox.Quad]:
    return read(seeds_build[0] / "graph.nq")


def test_each_subject_lies_in_one_part_with_the_types_it_points_to(
    seeds_graph: list[ox.Quad],
) -> None:
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in seeds_graph}
    parts = [
        (
            {
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
            },
            foreign,
        )
        for data, foreign in fragments(seeds_graph, 4)
    ]

    owned = [{t for t in part if t.subject.value not in foreign} for part, foreign in parts]
    assert set().union(*owned) == triples
    assert sum(len(o) for o in owned) == len(triples)
    for part, foreign in parts:
        # A node held for its types has only its types there; every type of it is there.
        for triple in part:
            if triple.subject.value in foreign:
                assert triple.predicate == TYPE
        for node in foreign:
            assert {t for t in part if t.subject.value == node} == {
                t for t in triples if t.subject.value == node and t.predicate == TYPE
            }


def test_a_broken_node_is_reported_once_however_the_graph_is_cut(
    seeds_graph: list[ox.Quad],
) -> None:
    # A person without a name, mentioned by articles that fall in other parts.
    person = next(q.subject for q in seeds_graph if "/person/" in q.subject.value)
    broken = [q for q in seeds_graph if not (q.subject == person and q.predicate == NAME)]

    whole = validate_quads(broken)

    assert not whole.conforms
    assert [v.focus for v in whole.violations] == [person.value]
    for parts in (1, 2, 5):
        assert validate_in_parts(broken, parts).turtle == whole.turtle, parts


def test_every_screen_stands_for_constraints_of_the_shape_it_is_named_after() -> None:
    shapes_graph = shapes()
    assert sorted(screens()) == [
        NG + "ArticleShape-mentions",
        NG + "EvidenceSpanShape",
        NG + "MeetingDatesShape",
        NG + "MeetingShape-attendee",
        NG + "RoleShape-memberOf",
        NG + "TypeConsistencyShape-type",
    ]
    for shape in screens():
        screened = {p for p in SCREENED if (URIRef(shape), p, None) in shapes_graph}
        assert screened, shape
        # The constraints a screen stands for are validated only for the nodes it selects.
        assert not any((URIRef(shape), p, None) in unscreened_shapes() for p in SCREENED)
    assert len(unscreened_shapes()) < len(shapes_graph)


def test_screened_constraints_are_reported_for_each_value_that_breaks_them() -> None:
    # An article mentions two literals: each breaks sh:nodeKind and the (screened) sh:or of
    # ng:ArticleShape-mentions, so four results; a person is also typed ng:Place, which
    # breaks the (screened) sh:qualifiedMaxCount of ng:TypeConsistencyShape-type once, and
    # makes it a place without the type schema:Place (sh:hasValue of ng:PlaceShape-type).
    graph = read(SHAPES / "valid" / "full-example.ttl")
    article = min((q.subject for q in graph if "/article/" in q.subject.value), key=str)
    person = min((q.subject for q in graph if "/person/" in q.subject.value), key=str)
    mentions = ox.NamedNode("https://schema.org/mentions")
    broken = [
        *graph,
        ox.Quad(article, mentions, ox.Literal("Moscow")),
        ox.Quad(article, mentions, ox.Literal("Kyiv")),
        ox.Quad(person, TYPE, ox.NamedNode(NG + "Place")),
    ]

    report = validate_quads(broken)

    found = [(v.focus, local(v.path), v.constraint) for v in report.violations]
    mentioned = (article.value, "mentions")
    assert sorted(found) == sorted(
        [
            (*mentioned, "NodeKind"),
            (*mentioned, "NodeKind"),
            (*mentioned, "Or"),
            (*mentioned, "Or"),
            (person.value, "type", "HasValue"),
            (person.value, "type", "QualifiedMaxCount"),
        ]
    )
    assert not report.conforms


def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_screened_validation_reports_what_pyshacl_reports_with_the_full_shapes(
    path: Path,
) -> None:
    quads = read(path)
    triples = list({ox.Triple(q.subject, q.predicate, q.object) for q in quads})

    plain = validation._results(validation._rdflib(triples), shapes())

    assert sorted(blank_as_one(validate_quads(quads).violations), key=str) == sorted(
        blank_as_one(tuple(plain)), key=str
    )


def test_every_plain_class_constraint_has_a_screen_so_parts_need_no_foreign_nodes() -> None:
    shapes_graph = shapes()
    with_class = {str(s) for s in shapes_graph.subjects(SH["class"], None) if isinstance(s, URIRef)}
    assert set(validation.class_screens()) == with_class - set(screens())
    assert NG + "ArticleShape-publisher" in validation.class_screens()
    assert not any((URIRef(s), SH["class"], None) in unscreened_shapes() for s in with_class)
    assert validation.local_shapes()


def test_a_class_screen_selects_exactly_the_nodes_that_break_the_constraint() -> None:
    graph = read(SHAPES / "valid" / "full-example.ttl")
    article = min((q.subject for q in graph if "/article/" in q.subject.value), key=str)
    person = min((q.subject for q in graph if "/person/" in q.subject.value), key=str)
    publisher = ox.NamedNode("https://schema.org/publisher")
    store = ox.Store()
    store.bulk_extend([*graph, ox.Quad(article, publisher, person, ox.DefaultGraph())])
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in graph)
    query = validation.class_screens()[NG + "ArticleShape-publisher"]

    selected = [s["this"] for s in store.query(query, use_default_graph_as_union=True)]

    assert selected == [article]
