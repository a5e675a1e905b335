"""Drift tests: the ontology, the shapes, the JSON-LD context, the code and the output agree."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest
import rdflib
from pyld import jsonld
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from newsgraph import mapping
from newsgraph.build import BuildResult
from newsgraph.ontology_data import ontology_file
from newsgraph.validation import Report, Violation, validate

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DATA = ROOT / "tests" / "data" / "shapes"
NG = rdflib.Namespace("https://w3id.org/newsgraph/ontology#")
ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/newsgraph/ontology")
ID = "https://w3id.org/newsgraph/id/"


def load(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / name, format="turtle")


ONTOLOGY = load("newsgraph.ttl")
SHAPES = load("shapes.ttl")
CONTEXT_DOCUMENT = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))

CLASS_KINDS = (OWL.Class, RDFS.Class)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


def is_a(term: rdflib.term.Node, kinds: tuple[rdflib.URIRef, ...]) -> bool:
    return any((term, RDF.type, kind) in ONTOLOGY for kind in kinds)


def is_declared(term: rdflib.term.Node) -> bool:
    return is_a(term, (*CLASS_KINDS, *PROPERTY_KINDS, OWL.NamedIndividual))


def local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def describe(report: Report) -> str:
    return "\n".join(str(v) for v in report.violations) or "(no violations)"


def test_the_packaged_files_are_the_ontology_folder() -> None:
    for name in ("newsgraph.ttl", "shapes.ttl", "context.jsonld"):
        assert ontology_file(name) == (ONTOLOGY_DIR / name).read_text(encoding="utf-8"), name


# --- the ontology header ---------------------------------------------------------------------


def test_the_ontology_has_a_version() -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONTOLOGY
    infos = list(ONTOLOGY.objects(ONTOLOGY_IRI, OWL.versionInfo))
    iris = list(ONTOLOGY.objects(ONTOLOGY_IRI, OWL.versionIRI))
    assert len(infos) == 1
    assert len(iris) == 1
    assert isinstance(iris[0], rdflib.URIRef)
    # The version IRI names the version the header states.
    assert str(iris[0]) == f"{ONTOLOGY_IRI}/{infos[0]}"


def test_the_shapes_have_the_ontology_version() -> None:
    shapes_iri = next(SHAPES.subjects(RDF.type, OWL.Ontology))
    assert list(SHAPES.objects(shapes_iri, OWL.versionInfo)) == list(
        ONTOLOGY.objects(ONTOLOGY_IRI, OWL.versionInfo)
    )


# --- the output uses only declared terms -----------------------------------------------------


@pytest.fixture(scope="module")
def output(seeds_build: tuple[Path, BuildResult]) -> rdflib.Graph:
    out, _ = seeds_build
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(graph) > 100, "the seeds build produced almost nothing"
    return graph


@pytest.mark.model
def test_every_predicate_of_the_output_is_a_declared_property(output: rdflib.Graph) -> None:
    predicates = set(output.predicates()) - {RDF.type}
    assert predicates
    assert sorted(p for p in predicates if not is_a(p, PROPERTY_KINDS)) == []


@pytest.mark.model
def test_every_type_of_the_output_is_a_declared_class(output: rdflib.Graph) -> None:
    types = set(output.objects(None, RDF.type))
    assert NG.Meeting in types
    assert sorted(t for t in types if not is_a(t, CLASS_KINDS)) == []


@pytest.mark.model
def test_vocabulary_values_of_the_output_are_declared_individuals(output: rdflib.Graph) -> None:
    # owl:sameAs points to things of other datasets (GeoNames, Wikidata), not to vocabulary.
    values = {
        o
        for _, p, o in output
        if p not in (RDF.type, OWL.sameAs)
        and isinstance(o, rdflib.URIRef)
        and not str(o).startswith(ID)
    }
    assert NG.Held in values or NG.Planned in values
    assert sorted(v for v in values if not is_a(v, (OWL.NamedIndividual,))) == []


@pytest.mark.model
def test_the_output_uses_properties_as_declared(output: rdflib.Graph) -> None:
    wrong = []
    for s, p, o in output:
        if is_a(p, (OWL.ObjectProperty,)) and not isinstance(o, rdflib.URIRef):
            wrong.append((s, p, o))
        if is_a(p, (OWL.DatatypeProperty,)) and not isinstance(o, rdflib.Literal):
            wrong.append((s, p, o))
    assert wrong == []


def mapping_terms() -> set[str]:
    """Every vocabulary IRI mapping.py spells: _ng("x"), _schema("x"), iri(PREFIX + "x")."""
    tree = ast.parse((ROOT / "src" / "newsgraph" / "mapping.py").read_text(encoding="utf-8"))
    helpers = {"_ng": mapping.NG, "_schema": mapping.SCHEMA}
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        arg = node.args[0] if node.args else None
        if node.func.id in helpers and isinstance(arg, ast.Constant):
            found.add(helpers[node.func.id] + str(arg.value))
        elif (
            node.func.id == "iri"
            and isinstance(arg, ast.BinOp)
            and isinstance(arg.left, ast.Name)
            and isinstance(arg.right, ast.Constant)
        ):
            found.add(getattr(mapping, arg.left.id) + str(arg.right.value))
    return found


def test_every_term_the_mapping_spells_is_declared() -> None:
    terms = mapping_terms()
    # The scan must find the terms it is meant to find, or this test checks nothing.
    assert {
        mapping.NG + "convenedBy",
        mapping.NG + "Cancelled",
        mapping.SCHEMA + "EventScheduled",
        mapping.NIF + "anchorOf",
        mapping.PROV + "wasDerivedFrom",
    } <= terms
    undeclared = sorted(
        t for t in terms if t != str(RDF.type) and not is_declared(rdflib.URIRef(t))
    )
    assert undeclared == []


# --- classes and shapes ----------------------------------------------------------------------

NG_CLASSES = sorted(
    c
    for c in ONTOLOGY.subjects(RDF.type, OWL.Class)
    if isinstance(c, rdflib.URIRef) and str(c).startswith(str(NG))
)


def test_the_ontology_declares_the_record_classes() -> None:
    assert {
        NG[n] for n in ("Article", "Person", "Organization", "Place", "Meeting", "Role")
    } <= set(NG_CLASSES)


@pytest.mark.parametrize("cls", NG_CLASSES, ids=local)
def test_every_ng_class_has_a_node_shape(cls: rdflib.URIRef) -> None:
    shapes = [
        s for s in SHAPES.subjects(SH.targetClass, cls) if (s, RDF.type, SH.NodeShape) in SHAPES
    ]
    assert shapes, f"no sh:NodeShape in shapes.ttl has sh:targetClass {cls}"


def test_the_shapes_name_only_declared_classes() -> None:
    named = set(SHAPES.objects(None, SH.targetClass)) | set(SHAPES.objects(None, SH["class"]))
    named |= set(SHAPES.objects(None, SH.targetNode))
    assert NG.Person in named
    assert sorted(c for c in named if not is_a(c, CLASS_KINDS)) == []


def test_the_shapes_constrain_only_declared_properties() -> None:
    paths = {p for p in SHAPES.objects(None, SH.path) if isinstance(p, rdflib.URIRef)}
    paths |= set(SHAPES.objects(None, SH.lessThan)) | set(SHAPES.objects(None, SH.disjoint))
    assert rdflib.URIRef(mapping.SCHEMA + "attendee") in paths
    assert sorted(p for p in paths - {RDF.type} if not is_a(p, PROPERTY_KINDS)) == []


def test_the_shapes_allow_only_declared_values() -> None:
    values = set()
    for listed in SHAPES.objects(None, SH["in"]):
        values |= set(Collection(SHAPES, listed))
    values |= set(SHAPES.objects(None, SH.hasValue))
    assert NG.Cancelled in values
    assert sorted(v for v in values if not is_declared(v)) == []


# --- validation ------------------------------------------------------------------------------


@pytest.mark.model
def test_the_seeds_output_conforms(
    seeds_build: tuple[Path, BuildResult], output: rdflib.Graph
) -> None:
    _, result = seeds_build
    assert result.report.conforms, describe(result.report)
    # Validated again from the file on disk, not from the build's own graph.
    report = validate(output)
    assert report.conforms, describe(report)
    assert report.violations == ()


VALID = sorted((SHAPES_DATA / "valid").glob("*.ttl"))
INVALID = sorted((SHAPES_DATA / "invalid").glob("*.ttl"))


def test_there_are_shape_fixtures() -> None:
    assert len(VALID) >= 1
    assert len(INVALID) >= 1


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixtures_conform(path: Path) -> None:
    report = validate(rdflib.Graph().parse(path, format="turtle"))
    assert report.conforms, describe(report)


def parse_name(stem: str) -> tuple[str, str, str]:
    """``<shape>--<path local name or ->--<component>``: path "" stands for no path."""
    shape, rest = stem.split("--", 1)
    path, component = rest.rsplit("--", 1)
    return shape, "" if path == "-" else path, component


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("MeetingShape--name--MinCount", ("MeetingShape", "name", "MinCount")),
        ("NamedNodeShape-----NodeKind", ("NamedNodeShape", "", "NodeKind")),
        (
            "TypeConsistencyShape--type--QualifiedMaxCount",
            ("TypeConsistencyShape", "type", "QualifiedMaxCount"),
        ),
    ],
)
def test_parse_name(stem: str, expected: tuple[str, str, str]) -> None:
    assert parse_name(stem) == expected


def matches(violation: Violation, shape: str, path: str, component: str) -> bool:
    shape_names = {shape, f"{shape}-{path}"} if path else {shape}
    return (
        violation.constraint == component
        and local(violation.path) == path
        and local(violation.shape) in shape_names
        and violation.shape.startswith(str(NG))
    )


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixtures_break_the_constraint_they_name(path: Path) -> None:
    shape, shape_path, component = parse_name(path.stem)
    report = validate(rdflib.Graph().parse(path, format="turtle"))
    assert not report.conforms
    assert any(matches(v, shape, shape_path, component) for v in report.violations), describe(
        report
    )


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixtures_break_only_the_constraint_they_name(path: Path) -> None:
    # shapes.ttl: "each breaks exactly that one constraint".
    shape, shape_path, component = parse_name(path.stem)
    report = validate(rdflib.Graph().parse(path, format="turtle"))
    others = [v for v in report.violations if not matches(v, shape, shape_path, component)]
    assert others == [], "\n".join(str(v) for v in others)


# --- the JSON-LD context ---------------------------------------------------------------------


def refuse(url: str, options: object = None) -> Any:
    raise AssertionError(f"the context made the reader fetch {url}")


CONTEXT: dict[str, Any] = CONTEXT_DOCUMENT["@context"]
TERMS = sorted(k for k in CONTEXT if not k.startswith("@") and k not in ("id", "type"))
PREFIXES = {k: v for k, v in CONTEXT.items() if isinstance(v, str) and v.endswith(("#", "/"))}


def expand_term(term: str) -> str:
    """The IRI a context term stands for, as a JSON-LD processor reads it."""
    expanded = jsonld.expand({"@context": CONTEXT, term: "v"}, {"documentLoader": refuse})
    (iri,) = expanded[0].keys()
    return str(iri)


def test_the_context_is_a_json_object_with_a_context() -> None:
    assert isinstance(CONTEXT, dict)
    assert CONTEXT["id"] == "@id"
    assert CONTEXT["type"] == "@type"


@pytest.mark.parametrize("term", [t for t in TERMS if t not in PREFIXES])
def test_every_context_term_is_declared_in_the_ontology(term: str) -> None:
    iri = rdflib.URIRef(expand_term(term))
    assert is_declared(iri), f"{term} -> {iri}"
    definition = CONTEXT[term]
    coercion = definition.get("@type") if isinstance(definition, dict) else None
    if coercion == "@id":
        assert is_a(iri, (OWL.ObjectProperty,)), f"{term} is read as a node but {iri} is not"
    elif coercion is not None:
        assert is_a(iri, (OWL.DatatypeProperty,)), f"{term} is typed but {iri} is not"
        datatype = rdflib.URIRef(
            jsonld.expand(
                {"@context": CONTEXT, "@id": "https://example.org/x", term: "v"},
                {"documentLoader": refuse},
            )[0][str(iri)][0]["@type"]
        )
        # Where a shape fixes the property's datatype, the context coerces to the same one.
        for shape in SHAPES.subjects(SH.path, iri):
            for required in SHAPES.objects(shape, SH.datatype):
                assert required == datatype, (term, shape, required, datatype)


@pytest.mark.model
def test_every_predicate_of_the_output_has_a_context_term(output: rdflib.Graph) -> None:
    terms = {expand_term(t) for t in TERMS if t not in PREFIXES}
    missing = sorted(str(p) for p in set(output.predicates()) - {RDF.type} if str(p) not in terms)
    assert missing == []


@pytest.mark.model
def test_every_type_of_the_output_can_be_compacted(output: rdflib.Graph) -> None:
    terms = {expand_term(t) for t in TERMS if t not in PREFIXES}
    prefixes = tuple(PREFIXES.values())
    types = {str(t) for t in output.objects(None, RDF.type)}
    assert sorted(t for t in types if t not in terms and not t.startswith(prefixes)) == []
