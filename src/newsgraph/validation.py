"""SHACL validation with pySHACL: the only module that imports it. Returns a typed report."""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from newsgraph.export import read
from newsgraph.ontology_data import ontology_file


@dataclass(frozen=True)
class Violation:
    """One validation result: what is wrong, where, and which constraint says so."""

    focus: str
    path: str
    message: str
    severity: str
    constraint: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message} [{self.constraint}]"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]
    turtle: bytes
    """The SHACL validation report as Turtle."""


@cache
def shapes() -> Graph:
    graph = Graph()
    graph.parse(data=ontology_file("shapes.ttl"), format="turtle")
    return graph


def _local(term: object) -> str:
    value = str(term)
    for sep in ("#", "/"):
        if sep in value:
            value = value.rsplit(sep, 1)[1]
    return value


def validate(data: Graph) -> Report:
    """Validate a data graph against the shipped shapes, without inference."""
    conforms, results = _check(data)
    return Report(conforms, results, report_turtle(conforms, list(results)))


def _check(data: Graph) -> tuple[bool, tuple[Violation, ...]]:
    conforms, report_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes(), inference="none", abort_on_first=False, allow_warnings=True
    )
    results = []
    for result in report_graph.subjects(SH.resultSeverity, None):

        def one(p: URIRef, node: object = result) -> str:
            value = report_graph.value(node, p)
            return "" if value is None else str(value)

        results.append(
            Violation(
                focus=one(SH.focusNode),
                path=one(SH.resultPath),
                message=one(SH.resultMessage),
                severity=_local(one(SH.resultSeverity)),
                constraint=_local(one(SH.sourceConstraintComponent)).removesuffix(
                    "ConstraintComponent"
                ),
                shape=one(SH.sourceShape),
            )
        )
    results.sort(key=_order)
    return bool(conforms), tuple(results)


def _order(v: Violation) -> tuple[str, str, str, str]:
    return (v.focus, v.path, v.constraint, v.message)


def _term(value: str) -> ox.NamedNode | ox.Literal:
    try:
        return ox.NamedNode(value)
    except ValueError:
        return ox.Literal(value)


def report_turtle(conforms: bool, violations: list[Violation]) -> bytes:
    """The report as SHACL Turtle, with blank-node labels fixed so that output is reproducible."""
    sh = "http://www.w3.org/ns/shacl#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    report = ox.BlankNode("report")
    triples = [
        ox.Triple(report, rdf_type, ox.NamedNode(sh + "ValidationReport")),
        ox.Triple(
            report,
            ox.NamedNode(sh + "conforms"),
            ox.Literal("true" if conforms else "false", datatype=ox.NamedNode(XSD_BOOLEAN)),
        ),
    ]
    for number, v in enumerate(violations, start=1):
        node = ox.BlankNode(f"result{number}")
        triples.append(ox.Triple(report, ox.NamedNode(sh + "result"), node))
        triples.append(ox.Triple(node, rdf_type, ox.NamedNode(sh + "ValidationResult")))
        fields = {
            "focusNode": _term(v.focus),
            "resultMessage": ox.Literal(v.message),
            "resultSeverity": ox.NamedNode(sh + v.severity),
            "sourceConstraintComponent": ox.NamedNode(f"{sh}{v.constraint}ConstraintComponent"),
        }
        if v.path:
            fields["resultPath"] = _term(v.path)
        if v.shape:
            fields["sourceShape"] = _term(v.shape)
        triples.extend(ox.Triple(node, ox.NamedNode(sh + k), o) for k, o in fields.items())
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={"sh": sh, "xsd": XSD}) or b""


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_BOOLEAN = XSD + "boolean"


def validate_quads(quads: Sequence[ox.Quad]) -> Report:
    """Validate the union of the quads' graphs."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    data = Graph()
    data.parse(
        data=(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode(), format="nt"
    )
    return validate(data)


# Validation in parts. Every constraint of the shapes reads a focus node's own triples and the
# rdf:type of the nodes they point to (sh:class); the two graph-level SPARQL checks report each
# offending node on its own. So the graph can be cut by subject: each part holds the triples of
# its subjects and the types of the nodes they point to, and the union of the parts' results
# is the whole graph's. A node present in a part only for its types is validated there too,
# without its properties: those results are dropped; the node's own part reports it.

TRIPLES_PER_PART = 250_000
"""Parts are kept this small so that no process holds a large graph in rdflib. Each part
costs extra, as the nodes it holds for their types are validated there in vain: no more parts
than that, or than processes to run them."""

Fragment = tuple[bytes, frozenset[str]]
"""One part: its triples as N-Triples, and the nodes it holds only for their types."""


def fragments(quads: Iterable[ox.Quad], parts: int) -> Iterator[Fragment]:
    """The union graph of ``quads`` cut into ``parts`` parts by a hash of the subject.

    Only for graphs without blank nodes, such as newsgraph's.
    """
    rdf_type = ox.NamedNode(RDF_TYPE)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    groups: list[list[ox.Triple]] = [[] for _ in range(parts)]
    types: dict[str, list[ox.Triple]] = defaultdict(list)
    for triple in triples:
        subject = _name(triple.subject)
        groups[_part(subject, parts)].append(triple)
        if triple.predicate == rdf_type:
            types[subject].append(triple)
    del triples
    for number, group in enumerate(groups):
        foreign = {
            t.object.value
            for t in group
            if isinstance(t.object, ox.NamedNode)
            and t.object.value in types
            and _part(t.object.value, parts) != number
        }
        extra = [t for node in sorted(foreign) for t in types[node]]
        data = ox.serialize(group + extra, format=ox.RdfFormat.N_TRIPLES) or b""
        yield data, frozenset(foreign)


def _name(term: ox.NamedNode | ox.BlankNode | ox.Triple) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _part(subject: str, parts: int) -> int:
    return zlib.crc32(subject.encode("utf-8")) % parts


def check_fragment(fragment: Fragment) -> tuple[Violation, ...]:
    """The results of one part, without those about nodes it holds only for their types."""
    data, foreign = fragment
    graph = Graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    _, results = _check(graph)
    return tuple(v for v in results if v.focus not in foreign)


Mapper = Callable[
    [Callable[[Fragment], tuple[Violation, ...]], Iterable[Fragment]],
    Iterable[tuple[Violation, ...]],
]


def validate_in_parts(
    quads: Sequence[ox.Quad], parts: int | None = None, mapper: Mapper = map
) -> Report:
    """Validate newsgraph's graph part by part (``mapper`` may run the parts in parallel), with
    the same results as :func:`validate_quads`; by default a part per TRIPLES_PER_PART."""
    if parts is None:
        parts = max(1, -(-len(quads) // TRIPLES_PER_PART))
    results = [v for found in mapper(check_fragment, fragments(quads, parts)) for v in found]
    results.sort(key=_order)
    # pySHACL is run with warnings allowed: only results of severity Violation fail a graph.
    conforms = not any(v.severity == "Violation" for v in results)
    return Report(conforms, tuple(results), report_turtle(conforms, results))


def validate_file(path: str) -> Report:
    """Validate an RDF file (format from its extension)."""
    return validate_quads(read(path))
