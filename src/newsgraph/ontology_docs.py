"""The ontology's HTML documentation, generated from the shipped newsgraph.ttl and shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from newsgraph.ontology_data import ontology_file
from newsgraph.pages import render

NG = "https://w3id.org/newsgraph/ontology#"
ONTOLOGY = URIRef("https://w3id.org/newsgraph/ontology")
CONSTRAINTS = [
    (SH.hasValue, "has value"),
    (SH.datatype, "datatype"),
    (SH["class"], "class"),
    (SH.nodeKind, "node kind"),
    (SH["in"], "one of"),
    (SH["or"], "any of"),
    (SH["not"], "not"),
    (SH.pattern, "pattern"),
    (SH.minLength, "min length"),
    (SH.minInclusive, "min"),
    (SH.maxInclusive, "max"),
    (SH.lessThan, "less than"),
    (SH.disjoint, "disjoint with"),
    (SH.qualifiedValueShape, "values that are"),
    (SH.qualifiedMaxCount, "at most, of those"),
]


@dataclass(frozen=True)
class Term:
    anchor: str
    name: str
    label: str
    comment: str
    facts: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class PropertyRule:
    path: str
    count: str
    constraints: list[str]
    message: str


@dataclass(frozen=True)
class Shape:
    anchor: str
    name: str
    label: str
    comment: str
    targets: list[str]
    covers: list[str]
    rules: list[PropertyRule]
    checks: list[str]


def _text(graph: Graph, node: Node, predicate: URIRef) -> str:
    values = sorted(str(v) for v in graph.objects(node, predicate))
    return " ".join(values)


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def name(self, node: object) -> str:
        if isinstance(node, URIRef):
            return str(self.graph.namespace_manager.normalizeUri(node))
        if isinstance(node, Literal):
            return str(node)
        if isinstance(node, BNode):
            return "[" + "; ".join(self.constraints(node)) + "]"
        return str(node)

    def names(self, node: Node, predicate: URIRef) -> str:
        return ", ".join(sorted(self.name(v) for v in self.graph.objects(node, predicate)))

    def items(self, node: object) -> list[str]:
        if not isinstance(node, BNode):
            return [self.name(node)]
        return [self.name(item) for item in Collection(self.graph, node)]

    def constraints(self, shape: Node) -> list[str]:
        found = []
        for predicate, label in CONSTRAINTS:
            for value in sorted(self.graph.objects(shape, predicate), key=str):
                if predicate in (SH["in"], SH["or"]):
                    shown = ", ".join(self.items(value))
                elif predicate == SH["not"] and isinstance(value, BNode):
                    shown = "; ".join(self.constraints(value))
                else:
                    shown = self.name(value)
                found.append(f"{label} {shown}")
        return found


def _range(reader: _Reader, node: URIRef) -> str:
    ranges = []
    for value in reader.graph.objects(node, RDFS.range):
        if isinstance(value, BNode):
            base = reader.name(reader.graph.value(value, OWL.onDatatype))
            restrictions = reader.graph.value(value, OWL.withRestrictions)
            limits = [
                f"{reader.name(facet)} {limit}"
                for item in (Collection(reader.graph, restrictions) if restrictions else [])
                for facet, limit in sorted(reader.graph.predicate_objects(item))
            ]
            ranges.append(f"{base} ({', '.join(limits)})" if limits else base)
        else:
            ranges.append(reader.name(value))
    return ", ".join(sorted(ranges))


def _terms(reader: _Reader, kinds: tuple[URIRef, ...]) -> list[Term]:
    graph = reader.graph
    nodes = {s for kind in kinds for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}
    terms = []
    for node in sorted(nodes, key=lambda n: reader.name(n).lower()):
        if not str(node).startswith(NG):
            continue
        facts = [
            ("type", reader.names(node, RDF.type)),
            ("subclass of", reader.names(node, RDFS.subClassOf)),
            ("subproperty of", reader.names(node, RDFS.subPropertyOf)),
            ("domain", reader.names(node, RDFS.domain)),
            ("range", _range(reader, node)),
        ]
        terms.append(
            Term(
                anchor=str(node).removeprefix(NG),
                name=reader.name(node),
                label=_text(graph, node, RDFS.label) or _text(graph, node, SKOS.prefLabel),
                comment=_text(graph, node, RDFS.comment) or _text(graph, node, SKOS.definition),
                facts=[(k, v) for k, v in facts if v],
            )
        )
    return terms


def _external(reader: _Reader) -> list[tuple[str, str, str]]:
    graph = reader.graph
    rows = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for node in graph.subjects(RDF.type, kind):
            if isinstance(node, URIRef) and not str(node).startswith(NG):
                rows.add((reader.name(node), str(node), _text(graph, node, RDFS.label)))
    return sorted(rows)


def _shapes(reader: _Reader) -> list[Shape]:
    graph = reader.graph
    shapes = []
    for node in sorted(
        (s for s in graph.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)), key=str
    ):
        rules = []
        for prop in graph.objects(node, SH.property):
            low = graph.value(prop, SH.minCount)
            high = graph.value(prop, SH.maxCount)
            rules.append(
                PropertyRule(
                    path=reader.name(graph.value(prop, SH.path)),
                    count=f"{low or 0}..{high or '*'}",
                    constraints=reader.constraints(prop),
                    message=_text(graph, prop, SH.message),
                )
            )
        checks = reader.constraints(node)
        if checks:
            checks = [f"each node: {'; '.join(checks)}"]
        checks += [_text(graph, c, SH.message) for c in graph.objects(node, SH.sparql)]
        classes = [reader.name(t) for t in graph.objects(node, SH.targetClass)]
        nodes = [reader.name(t) for t in graph.objects(node, SH.targetNode)]
        targets = classes + [
            f"{name} (the class itself, for a graph-level check)" for name in nodes
        ]
        shapes.append(
            Shape(
                anchor=str(node).removeprefix(NG),
                name=reader.name(node),
                label=_text(graph, node, RDFS.label),
                comment=_text(graph, node, RDFS.comment),
                targets=sorted(targets),
                covers=sorted(classes + nodes),
                rules=sorted(rules, key=lambda r: (r.path != "rdf:type", r.path)),
                checks=sorted(checks),
            )
        )
    return shapes


def ontology_html() -> str:
    """The documentation page: classes, properties, statuses and the shapes' constraints."""
    ontology = Graph().parse(data=ontology_file("newsgraph.ttl"), format="turtle")
    shapes = Graph().parse(data=ontology_file("shapes.ttl"), format="turtle")
    reader = _Reader(ontology)
    shape_reader = _Reader(shapes)
    return render(
        "ontology.html",
        title=_text(ontology, ONTOLOGY, DCTERMS.title),
        description=_text(ontology, ONTOLOGY, DCTERMS.description),
        version=_text(ontology, ONTOLOGY, OWL.versionInfo),
        license=_text(ontology, ONTOLOGY, DCTERMS.license),
        namespace=NG,
        classes=_terms(reader, (OWL.Class,)),
        properties=_terms(reader, (OWL.ObjectProperty, OWL.DatatypeProperty)),
        statuses=_terms(reader, (SKOS.Concept,)),
        external=_external(reader),
        shapes=_shapes(shape_reader),
    )
