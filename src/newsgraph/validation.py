"""SHACL validation with pySHACL: the only module that imports it. Returns a typed report."""

from __future__ import annotations

from collections.abc import Sequence
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
    results.sort(key=lambda v: (v.focus, v.path, v.constraint, v.message))
    return Report(bool(conforms), tuple(results), report_turtle(bool(conforms), results))


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


def validate_file(path: str) -> Report:
    """Validate an RDF file (format from its extension)."""
    return validate_quads(read(path))
