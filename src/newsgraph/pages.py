"""Dereferenceable IRIs: an entity's description as RDF, and readable HTML pages of the store.

Pages are Jinja2 templates under ``newsgraph/templates`` with autoescaping on, so every value
from the graph is escaped. Links to entities under the base point to this server's own pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import quote, unquote

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsgraph import export
from newsgraph.mapping import NG, NIF, PREFIXES, PROV, RDF, SCHEMA
from newsgraph.store import describe, ready_queries

DEFAULT_BASE = "https://w3id.org/newsgraph"
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _p(namespace: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(namespace + local)


TYPE = _p(RDF, "type")
NAME = _p(SCHEMA, "name")
ALTERNATE_NAME = _p(SCHEMA, "alternateName")
ROLE_NAME = _p(SCHEMA, "roleName")
MEMBER_OF = _p(SCHEMA, "memberOf")
ATTENDEE = _p(SCHEMA, "attendee")
LOCATION = _p(SCHEMA, "location")
START = _p(SCHEMA, "startDate")
END = _p(SCHEMA, "endDate")
SUBJECT_OF = _p(SCHEMA, "subjectOf")
MENTIONS = _p(SCHEMA, "mentions")
PUBLISHED = _p(SCHEMA, "datePublished")
PUBLISHER = _p(SCHEMA, "publisher")
HEADLINE = _p(SCHEMA, "headline")
URL = _p(SCHEMA, "url")
CONVENED_BY = _p(NG, "convenedBy")
STATUS = _p(NG, "status")
CONFIDENCE = _p(NG, "confidence")
IN_ARTICLE = _p(NG, "inArticle")
DERIVED = _p(PROV, "wasDerivedFrom")
ANCHOR = _p(NIF, "anchorOf")
BEGIN = _p(NIF, "beginIndex")
END_INDEX = _p(NIF, "endIndex")
KINDS = ("Person", "Organization", "Place", "Meeting", "Role", "Article", "Evidence")
LABELS = (NAME, ROLE_NAME)


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Meeting:
    link: Link
    relation: str
    date: str
    place: Link | None
    status: str
    others: list[Link]
    convened_by: Link | None


@dataclass(frozen=True)
class Role:
    link: Link
    holder: Link | None
    title: str
    of: Link | None
    first: str
    last: str


@dataclass(frozen=True)
class Source:
    text: str
    article: Link
    published: str
    begin: int
    end: int
    supports: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Article:
    link: Link
    published: str
    publisher: Link | None


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsgraph", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, **values: object) -> str:
    """A page from a template of the package, every value escaped."""
    return _environment().get_template(template).render(**values)


def _compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


class Site:
    """The store seen as pages: one per IRI under ``{base}/id/``, an index and a 404 page."""

    def __init__(self, store: ox.Store, base: str = DEFAULT_BASE) -> None:
        self.store = store
        self.base = base.rstrip("/")

    # -- the graph, every fact once (a fact reported by two articles sits in both graphs) ----

    def _objects(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[Term]:
        found = {q.object for q in self.store.quads_for_pattern(subject, predicate, None, None)}
        return sorted(found, key=str)

    def _subjects(self, predicate: ox.NamedNode, obj: Term) -> list[ox.NamedNode]:
        found = {
            q.subject
            for q in self.store.quads_for_pattern(None, predicate, obj, None)
            if isinstance(q.subject, ox.NamedNode)
        }
        return sorted(found, key=str)

    def _one(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> Term | None:
        values = self._objects(subject, predicate)
        return values[0] if values else None

    def _nodes(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.NamedNode]:
        return [o for o in self._objects(subject, predicate) if isinstance(o, ox.NamedNode)]

    def _text(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> str:
        value = self._one(subject, predicate)
        return value.value if isinstance(value, ox.Literal | ox.NamedNode) else ""

    def kind(self, node: ox.NamedNode) -> str:
        for kind in KINDS:
            if any(True for _ in self.store.quads_for_pattern(node, TYPE, _p(NG, kind), None)):
                return kind
        return ""

    def label(self, node: ox.NamedNode) -> str:
        kind = self.kind(node)
        if kind == "Role":
            of = self._one(node, MEMBER_OF)
            title = self._text(node, ROLE_NAME)
            return f"{title} of {self.label(of)}" if isinstance(of, ox.NamedNode) else title
        if kind == "Article":
            headline = self._text(node, HEADLINE)
            if headline:
                return headline
            publisher = self._one(node, PUBLISHER)
            by = f" by {self.label(publisher)}" if isinstance(publisher, ox.NamedNode) else ""
            return f"Article of {self._text(node, PUBLISHED)}{by}"
        if kind == "Evidence":
            return f"“{self._text(node, ANCHOR)}”"
        return self._text(node, NAME) or node.value.rsplit("/", 1)[-1]

    def href(self, iri: str) -> str:
        """Where a page links to for an IRI: this server's page for IRIs under the base."""
        if iri.startswith(self.base + "/id/"):
            return iri[len(self.base) :]
        return iri

    def link(self, node: Term | None) -> Link | None:
        if not isinstance(node, ox.NamedNode):
            return None
        return Link(self.href(node.value), self.label(node))

    def _links(self, nodes: Iterable[ox.NamedNode]) -> list[Link]:
        links = [self.link(n) for n in nodes]
        return sorted((x for x in links if x is not None), key=lambda x: (x.text, x.href))

    # -- descriptions ------------------------------------------------------------------------

    def resolve(self, path: str) -> ox.NamedNode | None:
        """The entity a request path names (``/id/...``), if the store describes it.

        The path is tried as sent, then percent-decoded (a browser encodes what an IRI may hold).
        """
        for candidate in dict.fromkeys([path, unquote(path)]):
            try:
                node = ox.NamedNode(self.base + candidate)
            except ValueError:
                continue
            if any(True for _ in self.store.quads_for_pattern(node, None, None, None)):
                return node
        return None

    def description(self, node: ox.NamedNode) -> list[ox.Quad]:
        """The entity's concise description: its own triples and the names of what it links to."""
        own = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in self.store.quads_for_pattern(node, None, None, None)
        }
        labels = {
            ox.Triple(q.subject, q.predicate, q.object)
            for t in own
            if isinstance(t.object, ox.NamedNode) and t.predicate != TYPE
            for predicate in LABELS
            for q in self.store.quads_for_pattern(t.object, predicate, None, None)
        }
        return [ox.Quad(t.subject, t.predicate, t.object) for t in sorted(own | labels, key=str)]

    def turtle(self, node: ox.NamedNode) -> bytes:
        return export.turtle(self.description(node))

    def json_ld(self, node: ox.NamedNode) -> bytes:
        return export.json_ld(self.description(node))

    # -- pages -------------------------------------------------------------------------------

    def _date(self, meeting: ox.NamedNode) -> str:
        start, end = self._text(meeting, START), self._text(meeting, END)
        return f"{start} to {end}" if start and end and end != start else start

    def _meetings(self, node: ox.NamedNode, kind: str) -> list[Meeting]:
        relations = {
            ATTENDEE: "took part",
            CONVENED_BY: "convened it",
            LOCATION: "held here",
        }
        meetings = []
        seen: set[ox.NamedNode] = set()
        for predicate, relation in relations.items():
            for meeting in self._subjects(predicate, node):
                if meeting in seen or kind == "Meeting":
                    continue
                seen.add(meeting)
                meetings.append(self.meeting(meeting, relation, exclude=node))
        return sorted(meetings, key=lambda m: (m.date == "", m.date, m.link.text))

    def meeting(
        self, meeting: ox.NamedNode, relation: str = "", exclude: ox.NamedNode | None = None
    ) -> Meeting:
        status = self._one(meeting, STATUS)
        return Meeting(
            link=Link(self.href(meeting.value), self.label(meeting)),
            relation=relation,
            date=self._date(meeting),
            place=self.link(self._one(meeting, LOCATION)),
            status=status.value.rsplit("#", 1)[-1] if isinstance(status, ox.NamedNode) else "",
            others=self._links(a for a in self._nodes(meeting, ATTENDEE) if a != exclude),
            convened_by=self.link(self._one(meeting, CONVENED_BY)),
        )

    def _published(self, evidence: Iterable[ox.NamedNode]) -> list[str]:
        dates = set()
        for item in evidence:
            for article in self._nodes(item, IN_ARTICLE):
                dates.add(self._text(article, PUBLISHED))
        return sorted(dates - {""})

    def _role(self, role: ox.NamedNode) -> Role:
        dates = self._published(self._nodes(role, DERIVED))
        holders = self._subjects(MEMBER_OF, role)
        return Role(
            link=Link(self.href(role.value), self.label(role)),
            holder=self.link(holders[0]) if holders else None,
            title=self._text(role, ROLE_NAME),
            of=self.link(self._one(role, MEMBER_OF)),
            first=dates[0] if dates else "",
            last=dates[-1] if dates else "",
        )

    def _sources(self, supported: Sequence[tuple[ox.NamedNode, str]]) -> list[Source]:
        """The evidence spans of the given nodes, each with what it supports."""
        found: dict[ox.NamedNode, Source] = {}
        for node, what in supported:
            for evidence in self._nodes(node, DERIVED):
                if evidence not in found:
                    article = self._one(evidence, IN_ARTICLE)
                    if not isinstance(article, ox.NamedNode):
                        continue
                    found[evidence] = Source(
                        text=self._text(evidence, ANCHOR),
                        article=Link(self.href(article.value), self.label(article)),
                        published=self._text(article, PUBLISHED),
                        begin=int(self._text(evidence, BEGIN) or 0),
                        end=int(self._text(evidence, END_INDEX) or 0),
                    )
                if what not in found[evidence].supports:
                    found[evidence].supports.append(what)

        def order(source: Source) -> tuple[str, str, int]:
            return (source.published, source.article.href, source.begin)

        return sorted(found.values(), key=order)

    def _article(self, article: ox.NamedNode) -> Article:
        return Article(
            link=Link(self.href(article.value), self.label(article)),
            published=self._text(article, PUBLISHED),
            publisher=self.link(self._one(article, PUBLISHER)),
        )

    def _articles(self, node: ox.NamedNode, sources: Sequence[Source]) -> list[Article]:
        nodes = set(self._subjects(MENTIONS, node)) | set(self._nodes(node, SUBJECT_OF))
        nodes |= {ox.NamedNode(self.base + s.article.href) for s in sources}
        articles = [self._article(a) for a in nodes if self.kind(a) == "Article"]
        return sorted(articles, key=lambda a: (a.published, a.link.href))

    def _value(self, term: Term) -> Link | str:
        """An object as a page shows it: entities linked, other IRIs compacted, literals typed."""
        if isinstance(term, ox.NamedNode):
            link = self.link(term) if term.value.startswith(self.base + "/id/") else None
            return link or Link(term.value, _compact(term.value))
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            if datatype.endswith("#string") or term.language:
                return term.value
            return f"{term.value} ({_compact(datatype)})"
        return str(term)

    def _statements(self, node: ox.NamedNode) -> list[tuple[str, Link | str]]:
        return [
            (_compact(q.predicate.value), self._value(q.object))
            for q in self.description(node)
            if q.subject == node
        ]

    def page(self, node: ox.NamedNode) -> str:
        """The HTML page of an entity."""
        kind = self.kind(node)
        roles = [self._role(r) for r in self._nodes(node, MEMBER_OF) if self.kind(r) == "Role"]
        posts = []
        if kind in ("Organization", "Place"):
            posts = [self._role(r) for r in self._subjects(MEMBER_OF, node)]
            posts = [r for r in posts if r.holder is not None]
        meetings = self._meetings(node, kind)
        supported = [(node, "this " + kind.lower() if kind else "this")]
        supported += [
            (ox.NamedNode(self.base + r.link.href), f"role: {r.link.text}") for r in roles
        ]
        if kind == "Person":
            supported += [
                (ox.NamedNode(self.base + m.link.href), f"meeting: {m.link.text}") for m in meetings
            ]
        sources = self._sources(supported)
        confidence = self._text(node, CONFIDENCE)
        return render(
            "entity.html",
            title=self.label(node),
            iri=node.value,
            kind=kind,
            alternate_names=[
                o.value for o in self._objects(node, ALTERNATE_NAME) if isinstance(o, ox.Literal)
            ],
            confidence=confidence,
            details=self.meeting(node) if kind == "Meeting" else None,
            roles=sorted(roles, key=lambda r: (r.first, r.title)),
            posts=sorted(posts, key=lambda r: (r.holder.text if r.holder else "", r.title)),
            meetings=meetings,
            sources=sources,
            articles=self._articles(node, sources),
            mentioned=self._links(self._nodes(node, MENTIONS)) if kind == "Article" else [],
            statements=self._statements(node),
        )

    def _of_kind(self, kind: str) -> list[ox.NamedNode]:
        return self._subjects(TYPE, _p(NG, kind))

    def index(self) -> str:
        """The home page: what the store holds, and the ready queries as links."""
        counts = [(kind, len(self._of_kind(kind))) for kind in KINDS]
        meetings = [self.meeting(m) for m in self._of_kind("Meeting")]
        queries = [
            (name, describe(text), "/sparql?query=" + quote(text, safe=""))
            for name, text in ready_queries().items()
        ]
        return render(
            "index.html",
            title="newsgraph",
            counts=counts,
            people=self._links(self._of_kind("Person")),
            meetings=sorted(meetings, key=lambda m: (m.date == "", m.date, m.link.text)),
            articles=self._articles_list(),
            queries=queries,
        )

    def _articles_list(self) -> list[Article]:
        articles = [self._article(a) for a in self._of_kind("Article")]
        return sorted(articles, key=lambda a: (a.published, a.link.href))

    def not_found(self, path: str) -> str:
        return render("not-found.html", title="Not found", iri=self.base + path)
