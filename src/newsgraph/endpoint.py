"""The SPARQL 1.1 Protocol's query operation over the store: checks, evaluation, result formats.

Queries are parsed with rdflib's SPARQL 1.1 parser before pyoxigraph runs them, so that what
would reach out of the machine is refused on the parse tree, whatever the case, spacing,
comments or \\u escapes: ``SERVICE`` anywhere, and ``FROM`` / ``FROM NAMED`` (or the protocol's
``default-graph-uri`` / ``named-graph-uri``) naming a graph the store does not hold. Updates
(``INSERT``, ``LOAD``, ...) are refused as such.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef

from newsgraph.mapping import PREFIXES
from newsgraph.negotiation import negotiate

RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
TRUNCATED = "Newsgraph-Truncated"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Request:
    """A query operation as the protocol received it."""

    query: str
    accept: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())


def text_reply(status: int, message: str) -> Reply:
    """A plain-text answer: one message line, never a traceback."""
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


class Refused(Exception):
    """A query the endpoint will not run, with the status and the message the client gets."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Checked:
    form: str  # SelectQuery, AskQuery, ConstructQuery or DescribeQuery
    dataset: tuple[str, ...]


def _nodes(tree: object) -> Iterator[CompValue]:
    """Every node of a parse tree, depth first."""
    if isinstance(tree, CompValue):
        yield tree
        for value in tree.values():
            yield from _nodes(value)
    elif isinstance(tree, list | tuple) or hasattr(tree, "asList"):
        for item in tree:  # type: ignore[attr-defined]
            yield from _nodes(item)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def check(text: str) -> Checked:
    """The query's form and the graphs its FROM clauses name; Refused if it may not run."""
    try:
        tree = parseQuery(text)
    except Exception as exc:
        if _is_update(text):
            raise Refused(
                403,
                "this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, ...) "
                "are refused; change the store with `newsgraph load`",
            ) from None
        raise Refused(400, f"the query is not SPARQL 1.1: {' '.join(str(exc).split())}") from None
    dataset: list[str] = []
    for node in _nodes(tree):
        if node.name == "ServiceGraphPattern":
            raise Refused(
                403,
                "SERVICE is refused: this endpoint answers from its own store and sends no "
                "requests to other endpoints",
            )
        if node.name == "DatasetClause":
            iri = node.get("default", node.get("named"))
            if not isinstance(iri, URIRef):
                raise Refused(403, "write FROM and FROM NAMED with full IRIs (<...>)")
            dataset.append(str(iri))
    return Checked(form=tree[1].name, dataset=tuple(dataset))


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def solutions_json(solutions: ox.QuerySolutions, max_rows: int) -> tuple[bytes, bool]:
    """At most max_rows solutions as SPARQL JSON results, and whether more were left out."""
    names = [v.value for v in solutions.variables]
    bindings = []
    truncated = False
    for count, solution in enumerate(solutions):
        if count == max_rows:
            truncated = True
            break
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = _json_term(term)
        bindings.append(row)
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode("utf-8"), truncated


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def _graph_names(store: ox.Store, iris: tuple[str, ...]) -> list[ox.NamedNode]:
    names = []
    for value in iris:
        try:
            name = ox.NamedNode(value)
        except ValueError:
            raise Refused(400, f"{value!r} is not an IRI") from None
        if not store.contains_named_graph(name):
            raise Refused(
                403,
                f"<{value}> is not a graph of this store: the endpoint does not fetch remote "
                "data; its graphs are the loaded articles (SELECT DISTINCT ?g { GRAPH ?g {} })",
            )
        names.append(name)
    return names


def answer(store: ox.Store, request: Request, max_rows: int) -> Reply:
    """Run a query operation and serialize its result in the format the client accepts."""
    try:
        checked = check(request.query)
        _graph_names(store, checked.dataset)
        default = _graph_names(store, request.default_graphs)
        named = _graph_names(store, request.named_graphs)
        graph_form = checked.form in ("ConstructQuery", "DescribeQuery")
        offered = list(GRAPHS if graph_form else RESULTS)
        media = negotiate(request.accept, offered)
        if media is None:
            kind = "CONSTRUCT and DESCRIBE" if graph_form else "SELECT and ASK"
            return text_reply(
                406,
                f"{kind} results cannot be given as {request.accept}; accept one of: "
                + ", ".join(offered),
            )
        # The protocol's graphs override the query's FROM; without either, the default graph
        # is the union of the article graphs. (pyoxigraph's union option would hide FROM.)
        options: dict[str, Any] = {
            "use_default_graph_as_union": not (default or named or checked.dataset)
        }
        if default:
            options["default_graph"] = list(default)
        if named:
            options["named_graphs"] = named
        result = store.query(request.query, **options)
    except Refused as refused:
        return text_reply(refused.status, refused.message)
    except SyntaxError as exc:
        return text_reply(400, f"the query cannot be run: {' '.join(str(exc).split())}")
    headers: tuple[tuple[str, str], ...] = ()
    if isinstance(result, ox.QueryBoolean):
        body = result.serialize(format=RESULTS[media]) or b""
    elif isinstance(result, ox.QuerySolutions):
        body, truncated = solutions_json(result, max_rows)
        if RESULTS[media] != ox.QueryResultsFormat.JSON:
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            body = parsed.serialize(format=RESULTS[media]) or b""
        if truncated:
            headers = ((TRUNCATED, f"max-rows={max_rows}"),)
    else:
        triples = []
        for count, triple in enumerate(result):
            if count == max_rows:
                headers = ((TRUNCATED, f"max-rows={max_rows}"),)
                break
            triples.append(triple)
        body = ox.serialize(triples, format=GRAPHS[media], prefixes=PREFIXES) or b""
    return Reply(200, _content_type(media), body, headers)
