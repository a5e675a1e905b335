"""Records to RDF: the one place where IRIs are minted and terms are chosen.

Every triple goes into the named graph of each article it comes from, so that a triple store
can replace one article's contribution; the plain graph is the union of those graphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from newsgraph import iris
from newsgraph.errors import InputError
from newsgraph.ingest import Article
from newsgraph.iris import iri, text
from newsgraph.records import (
    Corpus,
    DateValue,
    Entity,
    EntityKind,
    Evidence,
    Links,
    MeetingStatus,
    Precision,
    ResolvedMeeting,
    ResolvedRole,
)

BASE = "https://w3id.org/newsgraph/id/"
NG = "https://w3id.org/newsgraph/ontology#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

PREFIXES = {
    "ng": NG,
    "schema": SCHEMA,
    "prov": PROV,
    "nif": NIF,
    "xsd": XSD,
    "rdf": RDF,
    "owl": OWL,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}


# The vocabulary's terms are made once each: they are in most triples.


@cache
def _ng(local: str) -> NamedNode:
    return iri(NG + local)


@cache
def _schema(local: str) -> NamedNode:
    return iri(SCHEMA + local)


def typed(value: str, datatype: str) -> Literal:
    return iris.typed(value, XSD + datatype)


TYPE = iri(RDF + "type")
NAME = _schema("name")
ALTERNATE_NAME = _schema("alternateName")
DERIVED = iri(PROV + "wasDerivedFrom")
BEGIN_INDEX = iri(NIF + "beginIndex")
END_INDEX = iri(NIF + "endIndex")
ANCHOR_OF = iri(NIF + "anchorOf")
CLASSES = {
    EntityKind.PERSON: (_ng("Person"), _schema("Person")),
    EntityKind.ORGANIZATION: (_ng("Organization"), _schema("Organization")),
    EntityKind.PLACE: (_ng("Place"), _schema("Place")),
}
STATUS = {
    MeetingStatus.HELD: _ng("Held"),
    MeetingStatus.PLANNED: _ng("Planned"),
    MeetingStatus.PROPOSED: _ng("Proposed"),
    MeetingStatus.CANCELLED: _ng("Cancelled"),
}
# schema.org has event statuses for some of ours only.
EVENT_STATUS = {
    MeetingStatus.PLANNED: _schema("EventScheduled"),
    MeetingStatus.CANCELLED: _schema("EventCancelled"),
}
DATATYPES = {Precision.DAY: "date", Precision.MONTH: "gYearMonth", Precision.YEAR: "gYear"}
CONFIDENCE = _ng("confidence")
MIXED_SCRIPT = _ng("mixedScript")


def confidence(value: float) -> Literal:
    """A confidence as an xsd:decimal with two places: "0.85"."""
    return typed(f"{value:.2f}", "decimal")


class Minter:
    """Builds the IRIs of one graph from stable idents under a base IRI."""

    def __init__(self, base: str = BASE) -> None:
        problem = iris.iri_problem(base + "x")
        if problem is not None:
            raise InputError(
                f"--base {base!r} is not an IRI ({problem}); give an absolute IRI such as {BASE}"
            )
        self.base = base
        # Each IRI is checked once: an entity is pointed to from many articles.
        self.nodes: dict[str, NamedNode] = {}
        self.articles: dict[str, NamedNode] = {}
        self.spans: dict[str, str] = {}

    def node(self, ident: str) -> NamedNode:
        found = self.nodes.get(ident)
        if found is None:
            found = self.nodes[ident] = iri(self.base + ident)
        return found

    def article(self, key: str) -> NamedNode:
        found = self.articles.get(key)
        if found is None:
            found = self.articles[key] = iri(f"{self.base}article/{key}")
        return found

    def evidence(self, e: Evidence) -> NamedNode:
        # The part before the offsets is checked once per article; offsets are digits.
        prefix = self.spans.get(e.article)
        if prefix is None:
            prefix = self.spans[e.article] = iri(f"{self.base}evidence/{e.article}/").value
        return NamedNode(f"{prefix}{int(e.begin)}-{int(e.end)}")


def date_literal(value: DateValue) -> Literal:
    return typed(value.iso, DATATYPES[value.precision])


def to_quads(corpus: Corpus, articles: Sequence[Article], base: str = BASE) -> list[Quad]:
    """The whole corpus as quads, each in the named graph of an article it comes from."""
    mint = Minter(base)
    quads: set[Quad] = set()
    for article in articles:
        graph = mint.article(article.key)
        for s, p, o in _article(article, corpus, mint):
            quads.add(Quad(s, p, o, graph))
    for entity in corpus.entities:
        for key in entity.articles:
            _add(quads, mint.article(key), _entity(entity, key, mint))
    for role in corpus.roles:
        for key in role.articles:
            _add(quads, mint.article(key), _role(role, key, mint))
    for meeting in corpus.meetings:
        for key in meeting.articles:
            _add(quads, mint.article(key), _meeting(meeting, key, mint))
    return sorted(quads, key=str)


Triple3 = tuple[NamedNode, NamedNode, NamedNode | Literal]


def _add(quads: set[Quad], graph: NamedNode, triples: Iterable[Triple3]) -> None:
    quads.update(Quad(s, p, o, graph) for s, p, o in triples)


def _article(article: Article, corpus: Corpus, mint: Minter) -> Iterator[Triple3]:
    node = mint.article(article.key)
    yield node, TYPE, _ng("Article")
    yield node, TYPE, _schema("NewsArticle")
    yield node, _schema("datePublished"), typed(article.date.isoformat(), "date")
    if article.title:
        yield node, _schema("headline"), text(article.title)
    if article.url:
        yield node, _schema("url"), typed(article.url, "anyURI")
    if article.ident:
        yield node, _schema("identifier"), text(article.ident)
    publisher = corpus.publishers.get(article.key)
    if publisher:
        yield node, _schema("publisher"), mint.node(publisher)
    for ident in corpus.mentions.get(article.key, ()):
        yield node, _schema("mentions"), mint.node(ident)


def _evidence(
    owner: NamedNode, evidence: Iterable[Evidence], key: str, mint: Minter
) -> Iterator[Triple3]:
    for e in evidence:
        if e.article != key:
            continue
        node = mint.evidence(e)
        yield owner, DERIVED, node
        yield node, TYPE, _ng("Evidence")
        yield node, _ng("inArticle"), mint.article(e.article)
        yield node, BEGIN_INDEX, typed(str(e.begin), "nonNegativeInteger")
        yield node, END_INDEX, typed(str(e.end), "nonNegativeInteger")
        yield node, ANCHOR_OF, text(e.text)


def _entity(entity: Entity, key: str, mint: Minter) -> Iterator[Triple3]:
    node = mint.node(entity.ident)
    for cls in CLASSES[entity.kind]:
        yield node, TYPE, cls
    if entity.is_country:
        yield node, TYPE, _schema("Country")
    yield node, NAME, text(entity.name)
    for alias in entity.alternate_names:
        yield node, ALTERNATE_NAME, text(alias)
    if any(iris.mixed_script(n) for n in (entity.name, *entity.alternate_names)):
        yield node, MIXED_SCRIPT, typed("true", "boolean")
    if entity.country and entity.kind is EntityKind.ORGANIZATION:
        yield node, _ng("country"), mint.node(entity.country)
    elif entity.country and entity.kind is EntityKind.PLACE and not entity.is_country:
        yield node, _schema("containedInPlace"), mint.node(entity.country)
    if entity.parent:
        yield node, _schema("parentOrganization"), mint.node(entity.parent)
    yield node, CONFIDENCE, confidence(entity.confidence)
    yield from _links(node, entity.ident, entity.links, mint)
    yield from _evidence(node, entity.evidence, key, mint)


def degrees(value: float) -> Literal:
    """WGS84 degrees as an xsd:decimal, digit for digit as the gazetteer gives them."""
    return typed(format(Decimal(repr(value)), "f"), "decimal")


def _links(node: NamedNode, ident: str, links: Links, mint: Minter) -> Iterator[Triple3]:
    """sameAs links, the point of a place (schema:geo) and a country's ISO 3166-1 codes."""
    for other in links.same_as:
        yield node, iri(OWL + "sameAs"), iri(other)
    if links.latitude is not None and links.longitude is not None:
        point = mint.node(f"{ident}#geo")
        yield node, _schema("geo"), point
        yield point, TYPE, _schema("GeoCoordinates")
        yield point, _schema("latitude"), degrees(links.latitude)
        yield point, _schema("longitude"), degrees(links.longitude)
    if links.alpha2:
        yield node, _ng("iso3166Alpha2"), text(links.alpha2)
    if links.alpha3:
        yield node, _ng("iso3166Alpha3"), text(links.alpha3)


def _role(role: ResolvedRole, key: str, mint: Minter) -> Iterator[Triple3]:
    node = mint.node(role.ident)
    member_of = _schema("memberOf")
    yield mint.node(role.person), member_of, node
    yield node, TYPE, _ng("Role")
    yield node, TYPE, _schema("OrganizationRole")
    yield node, _schema("roleName"), text(role.title)
    yield node, member_of, mint.node(role.of)
    yield node, CONFIDENCE, confidence(role.confidence)
    yield from _evidence(node, role.evidence, key, mint)


def _meeting(meeting: ResolvedMeeting, key: str, mint: Minter) -> Iterator[Triple3]:
    node = mint.node(meeting.ident)
    yield node, TYPE, _ng("Meeting")
    yield node, TYPE, _schema("Event")
    yield node, NAME, text(meeting.name)
    for party in meeting.participants:
        yield node, _schema("attendee"), mint.node(party)
    if meeting.body:
        yield node, _ng("convenedBy"), mint.node(meeting.body)
    if meeting.location:
        yield node, _schema("location"), mint.node(meeting.location)
    if meeting.date:
        yield node, _schema("startDate"), date_literal(meeting.date.start)
        if meeting.date.end:
            yield node, _schema("endDate"), date_literal(meeting.date.end)
    yield node, _ng("status"), STATUS[meeting.status]
    if meeting.status in EVENT_STATUS:
        yield node, _schema("eventStatus"), EVENT_STATUS[meeting.status]
    yield node, _schema("subjectOf"), mint.article(key)
    yield mint.article(key), _schema("mentions"), node
    yield node, CONFIDENCE, confidence(meeting.confidence)
    yield from _evidence(node, meeting.evidence, key, mint)
