"""SHACL validation with pySHACL: the only module that imports it. Returns a typed report."""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from string import Template

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from newsgraph.export import read
from newsgraph.ontology_data import ontology_file

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASSOF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_BOOLEAN = XSD + "boolean"
XSD_STRING = XSD + "string"


@dataclass(frozen=True)
class Violation:
    """One validation result: what is wrong, where, and which constraint says so."""

    focus: str
    path: str
    message: str
    severity: str
    constraint: str
    shape: str
    value: str = ""
    """The result's sh:value, if any (the report does not repeat it)."""

    @property
    def owner(self) -> str:
        """The node the result is about: its focus node, or the offending node (sh:value) of
        a graph-level SPARQL check, whose focus node is a class."""
        return self.value if self.constraint == "SPARQL" and self.value else self.focus

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
    triples = ox.parse(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    results = _check([ox.Triple(t.subject, t.predicate, t.object) for t in triples])
    conforms = _conforms(results)
    return Report(conforms, results, report_turtle(conforms, list(results)))


def _conforms(results: Iterable[Violation]) -> bool:
    # pySHACL is run with warnings allowed: only results of severity Violation fail a graph.
    return not any(v.severity == "Violation" for v in results)


# Screened validation. pySHACL evaluates a nested shape for every value node (sh:or of
# sh:class, the sh:qualifiedValueShape of ng:TypeConsistencyShape) and runs SPARQL constraints
# with rdflib's engine: these constraints cost most of a validation, yet almost every node
# passes them. Each such shape has a screen, a SPARQL query in screens/ named after it, run
# with pyoxigraph, that selects every node that may break it (a superset of those that do).
# The graph is validated without those constraints; then the screened nodes alone are
# validated against the full shapes, and of those results only the screened constraints' are
# kept. The report is the one of the full shapes over the whole graph.

SCREENED = (SH["or"], SH.qualifiedValueShape, SH.qualifiedMaxCount, SH.qualifiedMinCount, SH.sparql)
"""The parameters a screen stands for, on the shapes it is named after."""

SCREENED_COMPONENTS = frozenset({"Or", "QualifiedMaxCount", "QualifiedMinCount", "SPARQL"})

NG = "https://w3id.org/newsgraph/ontology#"


@cache
def screens() -> dict[str, str]:
    """The screens: shape IRI -> SPARQL query selecting ``?this``."""
    folder = files("newsgraph") / "screens"
    return {
        NG + entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


@cache
def class_screens() -> dict[str, str]:
    """Screens made from the shapes for their sh:class constraints: property shape IRI ->
    a query selecting every target of the shape with a value that is not an instance of the
    class, which are exactly the nodes that break it.

    Only for property shapes with an IRI path and one node shape, targeted by class, that no
    other shape refers to (the shapes :func:`_targeted_properties` targets), and not screened
    by a file of screens/ already."""
    graph = shapes()
    referenced = set(graph.objects(None, None))
    out: dict[str, str] = {}
    for shape in sorted(set(graph.subjects(SH["class"], None)), key=str):
        path = graph.value(shape, SH.path)
        owners = set(graph.subjects(SH.property, shape))
        if not isinstance(shape, URIRef) or str(shape) in screens() or len(owners) != 1:
            continue
        (owner,) = owners
        if (
            not isinstance(path, URIRef)
            or owner in referenced
            or (owner, SH.deactivated, None) in graph
            or (shape, SH.deactivated, None) in graph
            or any((owner, p, None) in graph for p in TARGETS if p != SH.targetClass)
        ):
            continue
        targets = sorted(str(t) for t in graph.objects(owner, SH.targetClass))
        if not targets:
            continue
        template = Template(
            (files("newsgraph") / "screens" / "class.rq.template").read_text(encoding="utf-8")
        )
        queries = [
            template.substitute(
                targets=" ".join(f"<{t}>" for t in targets), path=str(path), **{"class": cls}
            )
            for cls in sorted(str(c) for c in graph.objects(shape, SH["class"]))
        ]
        out[str(shape)] = queries[0] if len(queries) == 1 else _union(queries)
    return out


def _union(queries: list[str]) -> str:
    """One query selecting what any of ``queries`` (each ``SELECT DISTINCT ?this WHERE {...}``
    after comment lines) selects."""
    bodies = []
    for query in queries:
        text = "\n".join(line for line in query.splitlines() if not line.startswith("#"))
        bodies.append("{ " + text.strip().removeprefix("SELECT DISTINCT ?this WHERE") + " }")
    return "SELECT DISTINCT ?this WHERE { " + " UNION ".join(bodies) + " }"


def _screened() -> dict[str, frozenset[str]]:
    """Every screened shape -> the constraint components its screen stands for."""
    found = dict.fromkeys(screens(), SCREENED_COMPONENTS)
    found.update(dict.fromkeys(class_screens(), frozenset({"Class"})))
    return found


@cache
def unscreened_shapes() -> Graph:
    """The shapes without the constraints that the screens stand for."""
    graph = _copy(shapes())
    for shape in screens():
        for parameter in SCREENED:
            graph.remove((URIRef(shape), parameter, None))
    for shape in class_screens():
        graph.remove((URIRef(shape), SH["class"], None))
    return graph


NESTING = (SH.property, SH.node, SH["not"], SH["and"], SH["or"], SH.xone, SH.qualifiedValueShape)


@cache
def local_shapes() -> bool:
    """Whether the unscreened shapes read nothing but a focus node's own triples: no sh:class
    left in any shape reached from a targeted one. Then the first pass of a part needs no
    types of the nodes of other parts."""
    graph = _unscreened_targeted()
    first = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
    rest = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
    todo = [s for p in TARGETS for s in graph.subjects(p, None)]
    seen: set[Node] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if (node, SH["class"], None) in graph:
            return False
        for p in (*NESTING, first, rest):
            todo.extend(graph.objects(node, p))
    return True


@cache
def _full_shapes() -> Graph:
    return _targeted_properties(shapes())


@cache
def _unscreened_targeted() -> Graph:
    return _targeted_properties(unscreened_shapes())


TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _targeted_properties(shapes_graph: Graph) -> Graph:
    """The same shapes, but each property shape of a node shape takes that node shape's targets
    instead of being reached through sh:property.

    pySHACL validates a property shape reached through sh:property once per focus node, and a
    targeted one once for all its focus nodes; the results are the same (with the property
    shape as sh:sourceShape either way), the second is several times faster. Only node shapes
    that no other shape refers to, and property shapes that belong to one node shape, are
    changed.
    """
    graph = _copy(shapes_graph)
    referenced = set(shapes_graph.objects(None, None))
    for shape in set(shapes_graph.subjects(SH.property, None)):
        if shape in referenced or (shape, SH.deactivated, None) in shapes_graph:
            continue
        targets = [(p, o) for p in TARGETS for o in shapes_graph.objects(shape, p)]
        if not targets:
            continue
        for prop in set(shapes_graph.objects(shape, SH.property)):
            if len(set(shapes_graph.subjects(SH.property, prop))) != 1:
                continue
            graph.remove((shape, SH.property, prop))
            for p, o in targets:
                graph.add((prop, p, o))
    return graph


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def _check(
    triples: Sequence[ox.Triple], foreign: frozenset[str] = frozenset()
) -> tuple[Violation, ...]:
    """The results of the full shapes over ``triples``, sorted; ``foreign`` nodes are there
    only for their types, and left out of the first pass when the shapes allow it."""
    own = triples
    if foreign and local_shapes():
        own = [t for t in triples if _name(t.subject) not in foreign]
    results = _results(_rdflib(own), _unscreened_targeted())
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    flagged: set[ox.NamedNode | ox.BlankNode] = set()
    screened = _screened()
    for query in [*screens().values(), *class_screens().values()]:
        solutions = store.query(query)
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            node = solution["this"]
            if isinstance(node, ox.NamedNode | ox.BlankNode):
                flagged.add(node)
    if flagged:
        part, held = _neighbourhood(triples, flagged)
        results.extend(
            v
            for v in _results(_rdflib(part), _full_shapes())
            if v.constraint in screened.get(v.shape, ()) and v.focus not in held
        )
    return tuple(sorted(results, key=_order))


def _neighbourhood(
    triples: Sequence[ox.Triple], nodes: set[ox.NamedNode | ox.BlankNode]
) -> tuple[list[ox.Triple], frozenset[str]]:
    """The triples of ``nodes``, the types of the nodes they point to and the subclass
    triples; and the nodes held there only for their types."""
    rdf_type = ox.NamedNode(RDF_TYPE)
    subclass = ox.NamedNode(RDFS_SUBCLASSOF)
    own = [t for t in triples if t.subject in nodes or t.predicate == subclass]
    pointed = {t.object for t in own if isinstance(t.object, ox.NamedNode | ox.BlankNode)}
    pointed -= nodes
    types = [t for t in triples if t.predicate == rdf_type and t.subject in pointed]
    return own + types, frozenset(_name(t.subject) for t in types)


def _rdflib(triples: Sequence[ox.Triple]) -> Graph:
    """The triples as an rdflib graph, each term made once and as rdflib's N-Triples parser
    makes it (a plain string has no datatype): faster than serializing and parsing."""
    made: dict[ox.NamedNode | ox.BlankNode | ox.Literal, Node] = {}

    def term(value: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
        if isinstance(value, ox.Triple):
            raise ValueError(f"RDF-star triple terms cannot be validated: {value}")
        found = made.get(value)
        if found is None:
            if isinstance(value, ox.NamedNode):
                found = URIRef(value.value)
            elif isinstance(value, ox.BlankNode):
                found = BNode(value.value)
            elif value.language:
                found = Literal(value.value, lang=value.language)
            elif value.datatype.value == XSD_STRING:
                found = Literal(value.value)
            else:
                found = Literal(value.value, datatype=URIRef(value.datatype.value))
            made[value] = found
        return found

    graph = Graph()
    graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in triples)
    return graph


def _results(data: Graph, shapes_graph: Graph) -> list[Violation]:
    _, report_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", abort_on_first=False, allow_warnings=True
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
                value=one(SH.value),
            )
        )
    return results


def _order(v: Violation) -> tuple[str, ...]:
    return (v.focus, v.path, v.constraint, v.message, v.severity, v.shape, v.value)


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


def report_of(results: Iterable[Violation]) -> Report:
    """The report of these results, in the order of every report."""
    ordered = sorted(results, key=_order)
    conforms = _conforms(ordered)
    return Report(conforms, tuple(ordered), report_turtle(conforms, ordered))


def validate_nodes(triples: Sequence[ox.Triple], nodes: Iterable[str]) -> tuple[Violation, ...]:
    """The results about ``nodes`` (IRIs) in the graph of ``triples``: the same as those of the
    whole graph, as each constraint reads only a node's own triples and the types of the nodes
    they point to. Only for graphs without blank nodes."""
    wanted = frozenset(nodes)
    if not wanted:
        return ()
    subjects: set[ox.NamedNode | ox.BlankNode] = {ox.NamedNode(n) for n in wanted}
    part, foreign = _neighbourhood(triples, subjects)
    return tuple(v for v in _check(part) if v.focus not in foreign and v.owner in wanted)


def validate_quads(quads: Sequence[ox.Quad]) -> Report:
    """Validate the union of the quads' graphs."""
    triples = list({ox.Triple(q.subject, q.predicate, q.object) for q in quads})
    results = _check(triples)
    conforms = _conforms(results)
    return Report(conforms, results, report_turtle(conforms, list(results)))


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
    triples = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    ]
    return tuple(v for v in _check(triples, foreign) if v.focus not in foreign)


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
    conforms = _conforms(results)
    return Report(conforms, tuple(results), report_turtle(conforms, results))


def validate_file(path: str) -> Report:
    """Validate an RDF file (format from its extension)."""
    return validate_quads(read(path))
