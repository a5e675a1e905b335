"""Upload builds to a SPARQL server over the SPARQL 1.1 Graph Store HTTP Protocol."""

from __future__ import annotations

import base64
import html
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from http.client import HTTPMessage, HTTPResponse
from pathlib import Path
from typing import IO
from urllib.response import addinfourl

import pyoxigraph as ox

from newsgraph import __version__
from newsgraph.errors import InputError, NewsgraphError, PushError
from newsgraph.export import read

AUTH_SCHEMES = ("basic", "digest")
DEFAULT_CHUNK_TRIPLES = 50_000
NTRIPLES = "application/n-triples"
# Where the common servers take Graph Store Protocol requests, named in error messages.
ENDPOINT_HINT = (
    "the Graph Store Protocol URL of the server (Oxigraph: /store, Fuseki: /DATASET/data, "
    "Virtuoso: /sparql-graph-crud-auth)"
)


@dataclass(frozen=True)
class Upload:
    """The triples of one target graph, as N-Triples documents of at most N triples each.

    ``graph`` is the graph's IRI, or None for the server's default graph.
    """

    graph: str | None
    triples: int
    chunks: tuple[bytes, ...]

    @property
    def name(self) -> str:
        return "the default graph" if self.graph is None else f"<{self.graph}>"


@dataclass(frozen=True)
class PushSummary:
    graphs: int
    triples: int
    requests: int


def read_sources(sources: Sequence[str]) -> list[ox.Quad]:
    """The quads of build folders (their graph.nq) and RDF files, in the order given."""
    quads: list[ox.Quad] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            nquads = path / "graph.nq"
            if not nquads.is_file():
                raise InputError(
                    f"{source}: a folder without graph.nq; give a folder written by "
                    "`newsgraph build`, or RDF files (.nq, .trig, .ttl, .nt, .jsonld)"
                )
            path = nquads
        elif not path.is_file():
            raise InputError(f"{source}: no such file or folder; check the path")
        quads.extend(read(path))
    return quads


def _blank_nodes(triple: ox.Triple) -> list[str]:
    """The blank nodes of a triple, quoted triples included."""
    found: list[str] = []
    for term in (triple.subject, triple.object):
        if isinstance(term, ox.BlankNode):
            found.append(term.value)
        elif isinstance(term, ox.Triple):
            found.extend(_blank_nodes(term))
    return found


def _units(triples: Sequence[ox.Triple]) -> list[list[ox.Triple]]:
    """Triples grouped so that the triples linked by shared blank nodes stay together.

    A blank node's label only means something within one document: were its triples split
    over two requests, the server would make two nodes of it.
    """
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for triple in triples:
        nodes = _blank_nodes(triple)
        for other in nodes[1:]:
            parent[root(other)] = root(nodes[0])
    groups: dict[str, list[ox.Triple]] = {}
    units: list[list[ox.Triple]] = []
    for triple in triples:
        nodes = _blank_nodes(triple)
        if not nodes:
            units.append([triple])
            continue
        key = root(nodes[0])
        if key not in groups:
            groups[key] = []
            units.append(groups[key])
        groups[key].append(triple)
    return units


def chunks(triples: Sequence[ox.Triple], size: int) -> list[bytes]:
    """N-Triples documents of at most ``size`` triples, in order.

    Triples linked by blank nodes always go in one document, even beyond ``size``.
    """
    documents: list[bytes] = []
    current: list[ox.Triple] = []
    for unit in _units(triples):
        if current and len(current) + len(unit) > size:
            documents.append(ox.serialize(current, format=ox.RdfFormat.N_TRIPLES) or b"")
            current = []
        current.extend(unit)
    if current:
        documents.append(ox.serialize(current, format=ox.RdfFormat.N_TRIPLES) or b"")
    return documents


def _check_blank_nodes_stay_in_one_graph(quads: Iterable[ox.Quad]) -> None:
    seen: dict[str, ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = {}
    for quad in quads:
        for node in _blank_nodes(quad.triple):
            first = seen.setdefault(node, quad.graph_name)
            if first != quad.graph_name:
                raise InputError(
                    f"blank node _:{node} is in two graphs ({first} and {quad.graph_name}); "
                    "separate uploads would make two nodes of it: push with --graph to put "
                    "everything in one graph, or give the node an IRI"
                )


def plan(quads: Sequence[ox.Quad], graph: str | None, chunk_triples: int) -> list[Upload]:
    """The uploads for ``quads``: every named graph to its own IRI, or all of them to ``graph``.

    Triples in the default graph go to the server's default graph unless ``graph`` is given.
    Graphs come in IRI order (the default graph first), triples in N-Triples order.
    """
    if chunk_triples < 1:
        raise InputError(f"--chunk-triples {chunk_triples}: give a number of triples >= 1")
    targets: dict[str | None, set[ox.Triple]] = {}
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError:
            raise InputError(
                f"--graph {graph!r} is not an absolute IRI; give one such as "
                "https://example.org/graph/news"
            ) from None
        targets[graph] = {q.triple for q in quads}
    else:
        _check_blank_nodes_stay_in_one_graph(quads)
        for quad in quads:
            name = quad.graph_name
            if isinstance(name, ox.BlankNode):
                raise InputError(
                    f"a graph is named by the blank node {name}, which has no IRI to upload "
                    "it to; push with --graph IRI"
                )
            key = name.value if isinstance(name, ox.NamedNode) else None
            targets.setdefault(key, set()).add(quad.triple)
    order = sorted(targets, key=lambda k: (k is not None, k or ""))
    uploads = []
    for key in order:
        triples = sorted(targets[key], key=str)
        if triples:
            uploads.append(Upload(key, len(triples), tuple(chunks(triples, chunk_triples))))
    return uploads


def _server_message(body: bytes, content_type: str | None) -> str:
    """The gist of an error body: its text without markup, on one line, not too long."""
    text = body.decode("utf-8", errors="replace")
    if content_type and "html" in content_type:
        text = re.sub(r"<(title|head|style|script)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def _challenge_schemes(headers: Message) -> set[str]:
    """The authentication schemes a 401 answer offers, in lower case."""
    values = headers.get_all("WWW-Authenticate") or []
    return {value.split()[0].lower() for value in values if value.strip()}


class _DigestAuthHandler(urllib.request.HTTPDigestAuthHandler):
    """urllib's digest handler, closing each challenge it answers (urllib leaves them open)."""

    def http_error_401(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> addinfourl | HTTPResponse | None:
        try:
            return super().http_error_401(req, fp, code, msg, headers)
        finally:
            fp.close()


class Client:
    """Graph Store Protocol requests to one endpoint, with errors that name the fix."""

    def __init__(
        self,
        endpoint: str,
        *,
        user: str | None = None,
        password: str | None = None,
        auth: str = "basic",
        timeout: float = 60.0,
    ) -> None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(
                f"--endpoint {endpoint!r} is not an http(s) URL; give {ENDPOINT_HINT}, "
                "e.g. http://127.0.0.1:7878/store"
            )
        if auth not in AUTH_SCHEMES:
            raise InputError(f"--auth {auth!r}: choose from {', '.join(AUTH_SCHEMES)}")
        if password is not None and user is None:
            raise InputError("a password without --user; give --user too")
        if user is not None and password is None:
            raise InputError(
                f"--user {user} without a password; give --password or set NEWSGRAPH_PASSWORD"
            )
        self.endpoint = endpoint
        self.user = user
        self.auth = auth
        self.timeout = timeout
        self.headers = {"Content-Type": NTRIPLES, "User-Agent": f"newsgraph/{__version__}"}
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None and password is not None:
            if auth == "basic":
                # Sent with every request, not after a challenge: a chunk is uploaded once.
                token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
                self.headers["Authorization"] = f"Basic {token}"
            else:
                digest = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                digest.add_password(None, endpoint, user, password)
                handlers.append(_DigestAuthHandler(digest))
        self.opener = urllib.request.build_opener(*handlers)

    def url(self, graph: str | None) -> str:
        query = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        return f"{self.endpoint}{'&' if '?' in self.endpoint else '?'}{query}"

    def send(self, method: str, graph: str | None, body: bytes) -> None:
        """One PUT or POST of an N-Triples document to a graph; raises PushError on failure."""
        request = urllib.request.Request(
            self.url(graph),
            data=body,
            method=method,
            headers=self.headers,
        )
        target = "the default graph" if graph is None else f"graph <{graph}>"
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            with exc:
                raise PushError(self._refusal(exc, method, graph, target)) from None
        except urllib.error.URLError as exc:
            raise PushError(self._unreachable(exc.reason)) from None
        except (TimeoutError, OSError) as exc:
            raise PushError(self._unreachable(exc)) from None
        except ValueError as exc:
            # urllib's digest handler meets a challenge of a scheme it does not know.
            raise PushError(
                f"{self.endpoint} asks for a login newsgraph cannot give ({exc}); use an endpoint "
                "with basic or digest authentication"
            ) from None

    def _unreachable(self, reason: object) -> str:
        if isinstance(reason, ConnectionRefusedError):
            why = "connection refused"
        elif isinstance(reason, socket.gaierror):
            why = "unknown host"
        elif isinstance(reason, TimeoutError):
            why = f"no answer within {self.timeout:g} s"
        else:
            why = str(reason)
        return (
            f"cannot reach {self.endpoint} ({why}); check the URL and that the server is "
            "running and reachable from here"
        )

    def _refusal(
        self, exc: urllib.error.HTTPError, method: str, graph: str | None, target: str
    ) -> str:
        # The standard phrase: urllib puts its own words ("digest auth failed") in exc.reason.
        try:
            phrase = HTTPStatus(exc.code).phrase
        except ValueError:
            phrase = str(exc.reason)
        status = f"HTTP {exc.code} {phrase}".rstrip()
        if exc.code == 401:
            if self.user is None:
                return (
                    f"{self.endpoint} refused the upload ({status}): it asks for a login; "
                    "give --user and --password (or NEWSGRAPH_PASSWORD)"
                )
            asked = _challenge_schemes(exc.headers)
            if asked and self.auth not in asked:
                return (
                    f"{self.endpoint} refused the upload ({status}): it asks for "
                    f"{' or '.join(sorted(asked))} authentication, not {self.auth}; add "
                    f"--auth {sorted(asked & set(AUTH_SCHEMES) or asked)[0]}"
                )
            # Virtuoso answers a basic login with a bare 401 that offers no scheme.
            other = ", or try --auth digest" if self.auth == "basic" and not asked else ""
            return (
                f"{self.endpoint} refused user {self.user!r} ({status}); check the user "
                f"and password{other}"
            )
        if exc.code == 403:
            who = "anonymous uploads" if self.user is None else f"user {self.user!r}"
            return (
                f"{self.endpoint} forbids {who} to write ({status}); use an account with "
                "write permission (on Virtuoso: dba, or a user with the SPARQL_UPDATE role, "
                "at /sparql-graph-crud-auth with --auth digest)"
            )
        detail = _server_message(exc.read(), exc.headers.get("Content-Type"))
        said = f": {detail}" if detail else ""
        fix = f"check that the URL is {ENDPOINT_HINT}"
        if graph is None:
            fix += "; a server without a default graph (Virtuoso) needs --graph IRI"
        return f"{self.endpoint} answered {status} to the {method} of {target}{said}; {fix}"


def push(
    uploads: Sequence[Upload],
    client: Client,
    *,
    replace: bool = False,
    on_request: Callable[[int, int], None] | None = None,
) -> PushSummary:
    """Send every upload: POST merges into the graph; with ``replace`` the first chunk is PUT.

    A failure after some requests landed raises a PushError that says which graphs and chunks
    are on the server, and that a rerun with --replace makes them whole.
    """
    requests = [(u, i) for u in uploads for i in range(len(u.chunks))]
    for number, (upload, index) in enumerate(requests, start=1):
        method = "PUT" if replace and index == 0 else "POST"
        try:
            client.send(method, upload.graph, upload.chunks[index])
        except PushError as exc:
            if number == 1:
                raise
            raise PushError(
                _partial(exc, uploads, upload, index, number, len(requests), client.endpoint)
            ) from None
        if on_request is not None:
            on_request(number, len(requests))
    return PushSummary(
        graphs=len(uploads), triples=sum(u.triples for u in uploads), requests=len(requests)
    )


def _partial(
    cause: NewsgraphError,
    uploads: Sequence[Upload],
    failed: Upload,
    index: int,
    number: int,
    total: int,
    endpoint: str,
) -> str:
    whole = uploads[: uploads.index(failed)]
    landed = []
    if whole:
        span = whole[0].name if len(whole) == 1 else f"{whole[0].name} to {whole[-1].name}"
        landed.append(f"{len(whole)} of {len(uploads)} graphs whole ({span})")
    if index:
        landed.append(f"chunks 1-{index} of {len(failed.chunks)} of {failed.name}")
    return (
        f"partial upload to {endpoint}: request {number} of {total} (chunk {index + 1} of "
        f"{len(failed.chunks)} of {failed.name}) failed, after {' and '.join(landed)} had "
        f"landed; rerun with --replace to make the graphs whole. The failure: {cause}"
    )
