"""newsgraph serve: the SPARQL protocol with a real client, refusals, limits, entity IRIs."""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import cast
from urllib.parse import quote, urlencode

import pytest
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import JSON, JSONLD, TURTLE, XML, SPARQLWrapper

from conftest import require_tool
from newsgraph.build import BuildResult
from newsgraph.errors import NewsgraphError
from newsgraph.ontology_docs import ontology_html
from newsgraph.serve import App, Settings, is_loopback, make_server, serve
from newsgraph.store import load

ID = "https://w3id.org/newsgraph/id/"
LAVROV = f"{ID}person/sergei-lavrov"
FIRST_ARTICLE = f"{ID}article/7e9ae3bae232733d"  # the report of 2021-12-28
PREFIXES = "PREFIX schema: <https://schema.org/> PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
MAX_ROWS = 100
TIMEOUT = 5.0
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")

# The six meetings of the two seed articles, read off the texts: date, place, status.
SEED_MEETINGS = {
    ("", "", "Planned"),
    ("2022-01", "", "Planned"),
    ("2022-01-10", "Geneva", "Held"),
    ("2022-01-12", "Brussels", "Held"),
    ("2022-01-13", "Vienna", "Held"),
    ("2022-01-21", "Geneva", "Planned"),
}
MEETINGS_QUERY = (
    PREFIXES + "SELECT DISTINCT ?m ?date ?place ?status WHERE { ?m a ng:Meeting ; ng:status ?s . "
    'BIND(STRAFTER(STR(?s), "#") AS ?status) OPTIONAL { ?m schema:startDate ?date } '
    "OPTIONAL { ?m schema:location/schema:name ?place } }"
)


@pytest.fixture(scope="module")
def store(seeds_build: tuple[Path, BuildResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out, _ = seeds_build
    path = tmp_path_factory.mktemp("serve") / "store"
    load([str(out)], path)
    return path


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    """`newsgraph serve` as a user starts it, on a free loopback port; stopped with Ctrl-C."""
    process = subprocess.Popen(
        [
            NEWSGRAPH,
            "serve",
            "--store",
            str(store),
            "--port",
            "0",
            "--timeout",
            str(TIMEOUT),
            "--max-rows",
            str(MAX_ROWS),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line.startswith("serving "), line
    url = line.split(" at ")[1].split()[0]
    log: list[str] = []
    drain = threading.Thread(target=lambda: log.extend(process.stderr), daemon=True)  # type: ignore[arg-type]
    drain.start()
    yield url
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail("the server did not stop on Ctrl-C")
    finally:
        drain.join(timeout=10)
        process.stderr.close()
    assert "Traceback" not in "".join(log)


def http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        body = error.read()
        assert b"Traceback" not in body, body
        assert b'File "' not in body, body
        return error.code, dict(error.headers), body


def jsonld_graph(data: bytes) -> Graph:
    """Read JSON-LD with pyld, an independent processor, refusing to fetch anything."""

    def refuse(url: str, options: object = None) -> object:
        raise AssertionError(f"the JSON-LD made the reader fetch {url}")

    nquads = jsonld.to_rdf(
        json.loads(data), {"format": "application/n-quads", "documentLoader": refuse}
    )
    return Graph().parse(data=nquads, format="nt")


def get_query(
    server: str, query: str, accept: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept": accept} if accept else {}
    return http(f"{server}sparql?query={quote(query)}", headers=headers)


def client(server: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{server}sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


# -- the protocol, with a real client ------------------------------------------------------------


def test_select_with_sparqlwrapper_gives_the_six_seed_meetings(server: str) -> None:
    data = client(server, MEETINGS_QUERY, JSON).queryAndConvert()
    assert isinstance(data, dict)
    rows = data["results"]["bindings"]
    found = {
        tuple(row.get(k, {}).get("value", "") for k in ("date", "place", "status")) for row in rows
    }
    assert len({row["m"]["value"] for row in rows}) == 6
    assert found == SEED_MEETINGS


def test_select_as_xml_with_a_post(server: str) -> None:
    sparql = client(
        server, PREFIXES + "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a ng:Meeting }", XML
    )
    sparql.setMethod("POST")
    document = sparql.queryAndConvert()
    values = [node.firstChild.data for node in document.getElementsByTagName("literal")]  # type: ignore[union-attr]
    assert values == ["6"]


def test_ask_with_sparqlwrapper(server: str) -> None:
    met_in_geneva = (
        PREFIXES + f"ASK {{ ?m schema:attendee <{LAVROV}> ; schema:location/schema:name 'Geneva' }}"
    )
    met_in_moscow = met_in_geneva.replace("Geneva", "Moscow")
    assert client(server, met_in_geneva, JSON).queryAndConvert()["boolean"] is True  # type: ignore[index]
    assert client(server, met_in_moscow, JSON).queryAndConvert()["boolean"] is False  # type: ignore[index]


def test_construct_with_sparqlwrapper_as_turtle_and_json_ld(server: str) -> None:
    query = (
        PREFIXES
        + "CONSTRUCT { ?m a ng:Meeting ; schema:name ?n } "
        + "WHERE { ?m a ng:Meeting ; schema:name ?n }"
    )
    turtle = client(server, query, TURTLE).queryAndConvert()
    assert isinstance(turtle, bytes)
    graph = Graph().parse(data=turtle, format="turtle")
    meetings = set(
        graph.subjects(predicate=URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))
    )
    assert len(meetings) == 6
    names = {str(o) for o in graph.objects(predicate=URIRef("https://schema.org/name"))}
    assert "Meeting of Antony Blinken and Sergey Lavrov in Geneva, 2022-01-21" in names
    # The client's own JSON-LD conversion goes through a deprecated rdflib class: read the body
    # with pyld instead.
    response = client(server, query, JSONLD).query().response
    assert response.headers["Content-Type"] == "application/ld+json"
    json_ld = jsonld_graph(response.read())
    assert set(json_ld) == set(graph)


def test_post_sparql_query_body_and_csv_tsv(server: str) -> None:
    query = f"{PREFIXES} SELECT DISTINCT ?name WHERE {{ <{LAVROV}> schema:name ?name }}"
    status, headers, body = http(
        f"{server}sparql",
        data=query.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200
    assert headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines() == ["name", "Sergey Lavrov"]
    status, headers, body = get_query(server, query, "text/tab-separated-values")
    assert body.decode().splitlines() == ["?name", '"Sergey Lavrov"']


def test_from_a_graph_of_the_store_is_allowed(server: str) -> None:
    # The report of 2021-12-28 tells of three meetings: the January talks, the NATO-Russia
    # Council of January 12 and the proposed NATO-Russia talks without a date.
    query = f"{PREFIXES} SELECT DISTINCT ?m FROM <{FIRST_ARTICLE}> WHERE {{ ?m a ng:Meeting }}"
    status, _, body = get_query(server, query)
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 3


# -- content negotiation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/turtle"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "text/csv"),
        ("ASK {}", "image/png"),
    ],
)
def test_unsupported_result_types_get_406(server: str, query: str, accept: str) -> None:
    status, _, body = get_query(server, query, accept)
    assert status == 406
    assert b"accept one of" in body


def test_accept_with_q_values_picks_the_preferred_format(server: str) -> None:
    accept = "application/sparql-results+json;q=0.5, text/csv;q=0.9, */*;q=0.1"
    status, headers, _ = get_query(server, "ASK {}", accept)
    assert status == 200
    assert headers["Content-Type"].startswith("text/csv")


# -- refusals ------------------------------------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP port that records every connection: nothing may reach it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            seen.append(conn.recv(100))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/", seen
    time.sleep(0.5)
    stop.set()
    thread.join()
    sock.close()


OUTSIDE = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ sErViCe   SILENT\n<{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b ?c # a comment\n OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ SERVIC\\u0045 <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "LOAD <{url}>",
    "INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}",
    "DROP ALL",
]


@pytest.mark.parametrize("template", OUTSIDE)
def test_queries_reaching_out_or_writing_are_refused(
    server: str, listener: tuple[str, list[bytes]], template: str
) -> None:
    url, seen = listener
    query = template.format(url=url)
    status, _, body = get_query(server, query)
    assert status == 403, body
    status, _, body = http(
        f"{server}sparql",
        data=query.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert status == 403, body
    assert seen == []


def test_the_update_operation_is_refused(server: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for data, content_type in [
        (urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
        (update.encode(), "application/sparql-update"),
    ]:
        status, _, body = http(f"{server}sparql", data=data, headers={"Content-Type": content_type})
        assert status == 403
        assert b"read-only" in body
    status, _, _ = get_query(server, "ASK { <urn:a> <urn:b> <urn:c> }", "text/csv")
    assert status == 200
    status, headers, _ = http(f"{server}sparql", method="DELETE")
    assert status == 405
    assert headers["Allow"] == "GET, HEAD, POST"


def test_protocol_graph_parameters_outside_the_store_are_refused(
    server: str, listener: tuple[str, list[bytes]]
) -> None:
    url, seen = listener
    status, _, _ = http(f"{server}sparql?query={quote('ASK {}')}&default-graph-uri={quote(url)}")
    assert status == 403
    status, _, body = http(
        f"{server}sparql?query={quote('ASK { ?s ?p ?o }')}&default-graph-uri={quote(FIRST_ARTICLE)}"
    )
    assert status == 200
    assert json.loads(body)["boolean"] is True
    assert seen == []


def test_syntax_errors_are_one_line_400s(server: str) -> None:
    status, headers, body = get_query(server, "SELECT * WHERE { ?s ?p }")
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert body.decode().count("\n") == 1
    assert body.startswith(b"the query is not SPARQL 1.1")
    status, _, _ = http(f"{server}sparql")
    assert status == 400


# -- limits --------------------------------------------------------------------------------------


def test_the_row_cap_truncates_with_a_header(server: str) -> None:
    status, headers, body = get_query(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert headers["Newsgraph-Truncated"] == f"max-rows={MAX_ROWS}"
    status, headers, body = get_query(
        server, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples"
    )
    assert len(body.decode().splitlines()) == MAX_ROWS
    assert headers["Newsgraph-Truncated"] == f"max-rows={MAX_ROWS}"
    status, headers, body = get_query(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    assert len(json.loads(body)["results"]["bindings"]) == 10
    assert "Newsgraph-Truncated" not in headers


def test_a_query_past_the_timeout_is_stopped_and_the_server_goes_on(server: str) -> None:
    # Four-fold cross product of ~1,000 triples: 10^12 solutions, far beyond any timeout.
    expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    status, _, body = get_query(server, expensive)
    elapsed = time.monotonic() - started
    assert status == 503
    assert b"longer than this server's limit of 5 seconds" in body
    assert TIMEOUT <= elapsed < TIMEOUT + 5
    status, _, body = get_query(server, "ASK { ?s ?p ?o }")
    assert status == 200
    assert json.loads(body)["boolean"] is True


# -- dereferenceable IRIs ------------------------------------------------------------------------


def test_an_entity_as_turtle_and_json_ld_is_its_description(server: str) -> None:
    url = f"{server}id/person/sergei-lavrov"
    status, headers, body = http(url, headers={"Accept": "text/turtle"})
    assert status == 200
    assert headers["Content-Type"].startswith("text/turtle")
    assert headers["Vary"] == "Accept"
    turtle = Graph().parse(data=body, format="turtle")
    schema = "https://schema.org/"
    lavrov = URIRef(LAVROV)
    assert set(turtle.objects(lavrov, URIRef(schema + "name"))) == {Literal("Sergey Lavrov")}
    assert set(turtle.objects(lavrov, URIRef(schema + "alternateName"))) == {
        Literal("Lavrov"),
        Literal("Sergei Lavrov"),
    }
    role = URIRef(f"{ID}role/sergei-lavrov--foreign-minister--russia")
    assert set(turtle.objects(role, URIRef(schema + "roleName"))) == {Literal("Foreign Minister")}
    status, headers, body = http(url, headers={"Accept": "application/ld+json"})
    assert headers["Content-Type"] == "application/ld+json"
    json_ld = jsonld_graph(body)
    assert set(json_ld) == set(turtle)


def test_an_entity_for_a_browser_is_a_page(server: str) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = http(f"{server}id/person/sergei-lavrov", headers={"Accept": accept})
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert '<h1 id="name">Sergey Lavrov</h1>' in page
    assert '<a href="/id/place/russia">Russia</a>' in page
    assert "Meeting of Antony Blinken and Sergey Lavrov in Geneva, 2022-01-21" in page


def test_unknown_iris_and_types_get_404_and_406(server: str) -> None:
    status, _, body = http(f"{server}id/person/nobody", headers={"Accept": "text/html"})
    assert status == 404
    assert b"https://w3id.org/newsgraph/id/person/nobody" in body
    status, _, _ = http(f"{server}id/person/sergei-lavrov", headers={"Accept": "application/pdf"})
    assert status == 406


def test_the_index_counts_and_links_ready_queries(server: str) -> None:
    status, _, body = http(f"{server}")
    page = body.decode()
    assert status == 200
    # Seven people, six meetings and two articles in the seeds (see test_store.py).
    for kind, count in [("Person", 7), ("Meeting", 6), ("Article", 2)]:
        assert f"<tr><th>{kind}</th><td>{count}</td></tr>" in page
    assert '<a href="/sparql?query=' in page
    link = page.split('<a href="/sparql?query=')[1].split('"')[0]
    status, _, body = http(f"{server}sparql?query={link}")
    assert status == 200


def test_the_ontology_page_is_the_generated_documentation(server: str) -> None:
    status, _, body = http(f"{server}ontology")
    assert status == 200
    assert body.decode() == ontology_html()


# -- in-process: errors and the worker pool ------------------------------------------------------


def test_an_internal_error_is_a_generic_500_with_details_in_the_log(
    store: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    app = App(Settings(store, workers=1, timeout=2))

    def broken(node: object) -> str:
        raise RuntimeError("secret detail")

    app.site.page = broken  # type: ignore[method-assign]
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        status, _, body = http(f"http://127.0.0.1:{port}/id/person/sergei-lavrov")
        assert status == 500
        assert b"secret detail" not in body
        assert body == b"internal server error; the server's log has the details\n"
        before = app.workers.pids()
        status, _, _ = http(
            f"http://127.0.0.1:{port}/sparql?query="
            + quote("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        )
        assert status == 503
        after = app.workers.pids()
        assert len(after) == 1
        assert after != before
        with pytest.raises(ProcessLookupError):
            os.kill(before[0], 0)
    finally:
        server.shutdown()
        server.server_close()
        app.close()
    err = capfd.readouterr().err
    assert "RuntimeError: secret detail" in err
    assert "Traceback" in err


def test_a_missing_store_and_a_public_address(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(NewsgraphError, match="newsgraph load"):
        serve(Settings(tmp_path / "none", host="0.0.0.0", port=0))
    assert "warning: listening on 0.0.0.0" in capfd.readouterr().err
    for address in ("127.0.0.1", "::1", "localhost"):
        assert is_loopback(address)
    for address in ("0.0.0.0", "192.168.1.20"):
        assert not is_loopback(address)


# -- the page in a real browser ------------------------------------------------------------------


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    browser = require_tool("chromium", "chromium")
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,900",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def test_the_person_page_renders_in_chromium(server: str, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", f"{server}id/person/sergei-lavrov").stdout
    assert '<h1 id="name">Sergey Lavrov</h1>' in dom
    roles = dom.split('<section id="roles">')[1].split("</section>")[0]
    assert "Foreign Minister" in roles
    assert '<a href="/id/place/russia">Russia</a>' in roles
    # First named Foreign Minister in the report of 2021-12-28, last in that of 2022-01-20.
    assert "<td>2021-12-28</td><td>2022-01-20</td>" in roles
    meetings = dom.split('<section id="meetings">')[1].split("</section>")[0]
    assert "Meeting of Antony Blinken and Sergey Lavrov in Geneva, 2022-01-21" in meetings
    assert '<a href="/id/person/antoni-blinken">Antony Blinken</a>' in meetings
    assert "Planned" in meetings
    sources = dom.split('<section id="sources">')[1].split("</section>")[0]
    assert "will meet with US Secretary of State Antony Blinken in Geneva on January 21" in sources


def png_facts(data: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values in the image data of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        if kind == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return width, height, len(set(pixels))


def test_a_screenshot_of_the_person_page_is_a_real_render(server: str, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    chromium(tmp_path, f"--screenshot={shot}", f"{server}id/person/sergei-lavrov")
    width, height, distinct = png_facts(shot.read_bytes())
    assert (width, height) == (1200, 900)
    # A blank page compresses to a few kilobytes of one or two byte values; text does not.
    assert shot.stat().st_size > 20_000
    assert distinct > 100


def test_the_committed_screenshot_is_a_real_render() -> None:
    width, _, distinct = png_facts(
        (Path(__file__).parent.parent / "docs" / "entity-page.png").read_bytes()
    )
    assert width == 1200
    assert distinct > 100


def test_the_readme_requests(server: str, seeds_build: tuple[Path, BuildResult]) -> None:
    # curl --data-urlencode 'query=...' -H 'Accept: text/csv': a form-encoded POST.
    out, _ = seeds_build
    form = urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}).encode()
    status, _, body = http(
        f"{server}sparql",
        data=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
    )
    assert status == 200
    # The default graph is the union of the article graphs: every quad of graph.nq counts.
    quads = len((out / "graph.nq").read_text(encoding="utf-8").splitlines())
    assert body.decode().splitlines() == ["n", str(quads)]
    # ?format= overrides the Accept header, for links on the pages.
    status, headers, _ = http(
        f"{server}id/person/sergei-lavrov?format=ttl", headers={"Accept": "text/html"}
    )
    assert headers["Content-Type"].startswith("text/turtle")
    status, headers, _ = http(f"{server}id/person/sergei-lavrov?format=jsonld")
    assert headers["Content-Type"] == "application/ld+json"


def test_a_client_hanging_up_is_one_line_in_the_log(capsys: pytest.CaptureFixture[str]) -> None:
    server = make_server(cast(App, None), "127.0.0.1", 0)
    try:
        try:
            raise BrokenPipeError("the client went away")
        except BrokenPipeError:
            server.handle_error(None, ("127.0.0.1", 5555))
    finally:
        server.server_close()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip() == (
        "newsgraph serve: 127.0.0.1 closed the connection before the reply was complete"
    )
