"""newsgraph push: chunking and planning, a real Oxigraph server, and a stub that demands logins.

The expected counts are read off the seeds' graph.nq as text (one quad a line, the article's
graph IRI last), not from the code under test.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.push import Client, chunks, plan, read_sources
from servers import (
    Stub,
    free_port,
    readme_push_commands,
    run_readme_command,
    select,
    serve_stub,
    stop,
    wait_until_answering,
)

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "output"
NQ = OUTPUT / "graph.nq"
NQ_LINES = [line for line in NQ.read_text(encoding="utf-8").splitlines() if line.strip()]
ARTICLE = "https://w3id.org/newsgraph/id/article/"


def graph_of(line: str) -> str:
    match = re.search(r"<([^>]*)> \.$", line)
    assert match, line
    return match[1]


PER_GRAPH = Counter(graph_of(line) for line in NQ_LINES)
# The same triple stated by two articles is one triple once the graphs are merged.
DISTINCT_TRIPLES = len({line[: line.rindex(" <")] for line in NQ_LINES})


def test_the_expected_figures_come_from_the_two_seed_articles() -> None:
    assert len(PER_GRAPH) == 2  # seeds/ holds two articles
    assert all(g.startswith(ARTICLE) for g in PER_GRAPH)
    assert sum(PER_GRAPH.values()) == len(NQ_LINES)
    assert len(NQ_LINES) > DISTINCT_TRIPLES  # they share facts: merging into one graph shows it


def run(args: Sequence[str], env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(main, ["push", *args], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsgraph: ")
    return lines[0]


# Chunks and plans, without a server.

EX = "http://example.org/"


def t(s: str | ox.BlankNode, o: str | ox.BlankNode) -> ox.Triple:
    def term(x: str | ox.BlankNode) -> ox.NamedNode | ox.BlankNode:
        return x if isinstance(x, ox.BlankNode) else ox.NamedNode(EX + x)

    return ox.Triple(term(s), ox.NamedNode(EX + "p"), term(o))


def parse_nt(document: bytes) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(document, format=ox.RdfFormat.N_TRIPLES)]


def test_chunks_hold_at_most_n_triples_in_order() -> None:
    triples = [t(f"s{i}", "o") for i in range(7)]
    documents = chunks(triples, 3)
    assert [len(parse_nt(d)) for d in documents] == [3, 3, 1]
    assert [x for d in documents for x in parse_nt(d)] == triples


def test_triples_linked_by_blank_nodes_travel_together() -> None:
    a, b, c = ox.BlankNode("a"), ox.BlankNode("b"), ox.BlankNode("c")
    # a and b are linked through a triple; c stands alone with two triples.
    triples = [t(a, "x"), t("s1", "o"), t(b, "y"), t(a, b), t(c, "x"), t("s2", "o"), t(c, "y")]
    documents = [parse_nt(d) for d in chunks(triples, 1)]
    groups = [{str(x) for x in doc} for doc in documents]
    assert {str(t(a, "x")), str(t(b, "y")), str(t(a, b))} in groups
    assert {str(t(c, "x")), str(t(c, "y"))} in groups
    assert {str(t("s1", "o"))} in groups
    assert {str(t("s2", "o"))} in groups
    assert len(documents) == 4


def test_the_seeds_have_no_blank_nodes() -> None:
    assert not any("_:" in line for line in NQ_LINES)


def test_plan_sends_each_article_graph_to_its_own_iri() -> None:
    uploads = plan(read_sources([str(OUTPUT)]), None, 50_000)
    assert {u.graph: u.triples for u in uploads} == dict(PER_GRAPH)
    assert [u.graph for u in uploads] == sorted(PER_GRAPH)


def test_plan_with_a_graph_merges_everything_into_it() -> None:
    (upload,) = plan(read_sources([str(NQ)]), "https://example.org/graph/news", 100)
    assert upload.graph == "https://example.org/graph/news"
    assert upload.triples == DISTINCT_TRIPLES
    assert len(upload.chunks) == math.ceil(DISTINCT_TRIPLES / 100)


def test_plan_refuses_what_cannot_be_uploaded_faithfully() -> None:
    shared = ox.BlankNode("shared")
    g1, g2 = ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2")
    split = [ox.Quad(shared, g1, g1, g1), ox.Quad(shared, g2, g2, g2)]
    with pytest.raises(InputError, match=r"_:shared is in two graphs.*--graph"):
        plan(split, None, 10)
    assert plan(split, EX + "one", 10)[0].triples == 2
    with pytest.raises(InputError, match=r"blank node .* push with --graph IRI"):
        plan([ox.Quad(g1, g1, g1, ox.BlankNode("g"))], None, 10)
    with pytest.raises(InputError, match="not an absolute IRI"):
        plan([], "news graph", 10)


def test_sources_that_are_not_builds_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=rf"{re.escape(str(tmp_path))}: a folder without graph"):
        read_sources([str(tmp_path)])
    with pytest.raises(InputError, match="no such file or folder"):
        read_sources([str(tmp_path / "missing.nq")])


def test_client_settings_are_checked_before_any_request() -> None:
    with pytest.raises(InputError, match="not an http"):
        Client("127.0.0.1:7878/store")
    with pytest.raises(InputError, match="NEWSGRAPH_PASSWORD"):
        Client("http://127.0.0.1:1/store", user="admin")
    with pytest.raises(InputError, match="give --user too"):
        Client("http://127.0.0.1:1/store", password="secret")


def test_graph_iris_are_escaped_in_the_request_url() -> None:
    client = Client("http://127.0.0.1:1/store")
    assert client.url("http://ex.org/a?b=c&d#e") == (
        "http://127.0.0.1:1/store?graph=http%3A%2F%2Fex.org%2Fa%3Fb%3Dc%26d%23e"
    )
    assert client.url(None) == "http://127.0.0.1:1/store?default"
    assert Client("http://h/ds?x=1").url("urn:g") == "http://h/ds?x=1&graph=urn%3Ag"


# A real Oxigraph server, started once; every test starts from an empty store.


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = Path(sys.executable).parent / "oxigraph"
    assert binary.exists(), "the oxigraph server comes with the dev extra: run `make test`"
    folder = tmp_path_factory.mktemp("oxigraph")
    log = folder / "server.log"
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "--location", folder / "store", "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/query?query=ASK%7B%7D", process, log)
        yield base
    finally:
        stop(process)


@pytest.fixture
def oxigraph(oxigraph_server: str) -> str:
    """The Oxigraph server's base URL, its store emptied."""
    update(oxigraph_server, "DROP ALL")
    assert count(oxigraph_server) == 0
    return oxigraph_server


def update(base: str, sparql: str) -> None:
    data = urllib.parse.urlencode({"update": sparql}).encode()
    with urllib.request.urlopen(f"{base}/update", data=data, timeout=30) as response:
        assert response.status in (200, 204)


COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def count(base: str) -> int:
    """Triples in the default graph plus quads in every named graph."""
    return int(select(f"{base}/query", COUNT_ALL)[0]["n"])


def per_graph(base: str) -> dict[str, int]:
    return {row["g"]: int(row["n"]) for row in select(f"{base}/query", COUNT_PER_GRAPH)}


def test_the_seeds_land_one_graph_per_article(oxigraph: str) -> None:
    result = run(["--endpoint", f"{oxigraph}/store", str(OUTPUT)])
    assert result.exit_code == 0, result.output
    assert count(oxigraph) == len(NQ_LINES)
    assert per_graph(oxigraph) == dict(PER_GRAPH)
    assert result.stderr == (
        f"pushed {len(NQ_LINES)} triples to {oxigraph}/store: merged into 2 graphs in 2 requests\n"
    )


def test_merging_the_same_build_twice_changes_nothing(oxigraph: str) -> None:
    extra = f"INSERT DATA {{ GRAPH <{min(PER_GRAPH)}> {{ <{EX}s> <{EX}p> <{EX}o> }} }}"
    update(oxigraph, extra)
    for _ in range(2):
        assert run(["--endpoint", f"{oxigraph}/store", str(OUTPUT)]).exit_code == 0
        # Set semantics: the same triples again add nothing; a merge keeps what was there.
        assert count(oxigraph) == len(NQ_LINES) + 1


def test_replacing_twice_gives_the_build_exactly(oxigraph: str) -> None:
    extra = f"INSERT DATA {{ GRAPH <{min(PER_GRAPH)}> {{ <{EX}s> <{EX}p> <{EX}o> }} }}"
    update(oxigraph, extra)
    for _ in range(2):
        result = run(["--endpoint", f"{oxigraph}/store", "--replace", str(OUTPUT)])
        assert result.exit_code == 0, result.output
        assert per_graph(oxigraph) == dict(PER_GRAPH)
    assert "replaced 2 graphs" in result.stderr


def test_tiny_chunks_give_the_same_graphs(oxigraph: str) -> None:
    result = run(["--endpoint", f"{oxigraph}/store", "--replace", "--chunk-triples", "7", str(NQ)])
    assert result.exit_code == 0, result.output
    assert per_graph(oxigraph) == dict(PER_GRAPH)
    requests = sum(math.ceil(n / 7) for n in PER_GRAPH.values())
    assert f"in {requests} requests" in result.stderr


def test_a_graph_option_puts_everything_in_one_graph(oxigraph: str) -> None:
    news = "https://example.org/graph/news"
    result = run(["--endpoint", f"{oxigraph}/store", "--graph", news, str(OUTPUT)])
    assert result.exit_code == 0, result.output
    assert per_graph(oxigraph) == {news: DISTINCT_TRIPLES}
    assert count(oxigraph) == DISTINCT_TRIPLES


def test_a_file_without_graphs_goes_to_the_default_graph(oxigraph: str) -> None:
    args = ["--endpoint", f"{oxigraph}/store", "--replace", "--chunk-triples", "100"]
    result = run([*args, str(OUTPUT / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert per_graph(oxigraph) == {}
    assert count(oxigraph) == DISTINCT_TRIPLES  # graph.ttl is the union of the article graphs


def test_an_unreachable_server_is_named_with_the_fix() -> None:
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    error = one_line_error(run(["--endpoint", endpoint, str(OUTPUT)]))
    assert error == (
        f"newsgraph: cannot reach {endpoint} (connection refused); check the URL and that the "
        "server is running and reachable from here"
    )


def test_a_wrong_path_gets_the_server_status_and_the_usual_paths(oxigraph: str) -> None:
    error = one_line_error(run(["--endpoint", f"{oxigraph}/nothing", str(OUTPUT)]))
    assert f"{oxigraph}/nothing answered HTTP 404 Not Found to the POST of graph <" in error
    assert "Oxigraph: /store" in error
    assert count(oxigraph) == 0


def test_the_readme_commands_for_oxigraph_run(oxigraph: str) -> None:
    commands = [c for c in readme_push_commands() if "127.0.0.1:7878" in c]
    assert len(commands) == 3
    env = {**os.environ}
    expected = [len(NQ_LINES), len(NQ_LINES), len(NQ_LINES) + DISTINCT_TRIPLES]
    for command, total in zip(commands, expected, strict=True):
        result = run_readme_command(
            command, lambda c: c.replace("http://127.0.0.1:7878", oxigraph), env
        )
        assert result.returncode == 0, result.stderr
        assert count(oxigraph) == total, command
    assert per_graph(oxigraph)["https://example.org/graph/news"] == DISTINCT_TRIPLES


# A stub Graph Store that demands a login, refuses, or fails a request.


@pytest.fixture
def stub_server() -> Iterator[tuple[Stub, str]]:
    stub = Stub()
    with serve_stub(stub) as base:
        yield stub, base


def test_basic_login_is_sent_with_each_upload(stub_server: tuple[Stub, str]) -> None:
    stub, base = stub_server
    stub.scheme = "basic"
    env = {"NEWSGRAPH_PASSWORD": "secret"}
    result = run(["--endpoint", f"{base}/store", "--user", "admin", str(OUTPUT)], env=env)
    assert result.exit_code == 0, result.output
    # Sent with the first request: each graph is uploaded once, never twice.
    assert [r.status for r in stub.received] == [200, 200]
    assert {r.authorization for r in stub.received} == {"Basic YWRtaW46c2VjcmV0"}
    assert {g: stub.triples(g) for g in PER_GRAPH} == dict(PER_GRAPH)


def test_digest_login_answers_the_challenge(stub_server: tuple[Stub, str]) -> None:
    stub, base = stub_server
    stub.scheme = "digest"
    args = ["--endpoint", f"{base}/store", "--user", "admin", "--password", "secret"]
    result = run([*args, "--auth", "digest", "--replace", str(OUTPUT)])
    assert result.exit_code == 0, result.output
    # Each request is challenged once, then answered with a digest the stub checks.
    assert [(r.method, r.status) for r in stub.received] == [("PUT", 401), ("PUT", 201)] * 2
    assert all(r.authorization.startswith("Digest ") for r in stub.received[1::2])  # type: ignore[union-attr]
    assert {g: stub.triples(g) for g in PER_GRAPH} == dict(PER_GRAPH)


@pytest.mark.parametrize(
    ("scheme", "args", "expected"),
    [
        ("basic", [], "refused the upload (HTTP 401 Unauthorized): it asks for a login; give "
         "--user and --password (or NEWSGRAPH_PASSWORD)"),
        ("basic", ["--user", "admin", "--password", "wrong"],
         "refused user 'admin' (HTTP 401 Unauthorized); check the user and password"),
        ("digest", ["--user", "admin", "--password", "wrong", "--auth", "digest"],
         "refused user 'admin' (HTTP 401 Unauthorized); check the user and password"),
        ("bare", ["--user", "admin", "--password", "secret"],
         "refused user 'admin' (HTTP 401 Unauthorized); check the user and password, or try "
         "--auth digest"),
        ("digest", ["--user", "admin", "--password", "secret"],
         "refused the upload (HTTP 401 Unauthorized): it asks for digest authentication, not "
         "basic; add --auth digest"),
    ],
)  # fmt: skip
def test_refused_logins_say_what_to_change(
    stub_server: tuple[Stub, str], scheme: str, args: list[str], expected: str
) -> None:
    stub, base = stub_server
    stub.scheme, stub.bare_401 = ("digest", True) if scheme == "bare" else (scheme, False)
    error = one_line_error(run(["--endpoint", f"{base}/store", *args, str(OUTPUT)]))
    assert error == f"newsgraph: {base}/store {expected}"
    assert stub.accepted == 0


def test_a_forbidden_write_names_the_permission(stub_server: tuple[Stub, str]) -> None:
    stub, base = stub_server
    stub.fail = {1: 403}
    error = one_line_error(run(["--endpoint", f"{base}/store", str(OUTPUT)]))
    assert error.startswith(
        f"newsgraph: {base}/store forbids anonymous uploads to write (HTTP 403 Forbidden); use "
        "an account with write permission"
    )


def test_an_unexpected_status_carries_the_server_message(stub_server: tuple[Stub, str]) -> None:
    stub, base = stub_server
    stub.fail = {1: 500}
    error = one_line_error(run(["--endpoint", f"{base}/store", str(OUTPUT)]))
    first = min(PER_GRAPH)
    assert error.startswith(
        f"newsgraph: {base}/store answered HTTP 500 Internal Server Error to the POST of graph "
        f"<{first}>: the stub fails this request on purpose; check that the URL is"
    )


def test_a_failure_between_graphs_says_which_landed(stub_server: tuple[Stub, str]) -> None:
    stub, base = stub_server
    stub.fail = {2: 500}
    error = one_line_error(run(["--endpoint", f"{base}/store", "--replace", str(OUTPUT)]))
    first, second = sorted(PER_GRAPH)
    assert error.startswith(
        f"newsgraph: partial upload to {base}/store: request 2 of 2 (chunk 1 of 1 of "
        f"<{second}>) failed, after 1 of 2 graphs whole (<{first}>) had landed; rerun with "
        "--replace to make the graphs whole. The failure: "
    )
    assert stub.triples(first) == PER_GRAPH[first]
    assert stub.triples(second) == 0


def test_a_failure_inside_a_graph_says_which_chunks_landed(
    stub_server: tuple[Stub, str],
) -> None:
    stub, base = stub_server
    stub.fail = {2: 500}
    error = one_line_error(
        run(["--endpoint", f"{base}/store", "--chunk-triples", "100", str(OUTPUT)])
    )
    first = min(PER_GRAPH)
    chunks_of_first = math.ceil(PER_GRAPH[first] / 100)
    total = sum(math.ceil(n / 100) for n in PER_GRAPH.values())
    assert (
        f"request 2 of {total} (chunk 2 of {chunks_of_first} of <{first}>) failed, after "
        f"chunks 1-1 of {chunks_of_first} of <{first}> had landed; rerun with --replace"
    ) in error
    assert stub.triples(first) == 100
    # The rerun the message asks for makes the graphs whole.
    stub.fail = {}
    result = run(["--endpoint", f"{base}/store", "--replace", "--chunk-triples", "100", str(NQ)])
    assert result.exit_code == 0, result.output
    assert {g: stub.triples(g) for g in PER_GRAPH} == dict(PER_GRAPH)


def test_a_server_that_does_not_answer_in_time(stub_server: tuple[Stub, str]) -> None:
    stub, base = stub_server
    stub.delay = 3
    error = one_line_error(run(["--endpoint", f"{base}/store", "--timeout", "0.5", str(NQ)]))
    assert error == (
        f"newsgraph: cannot reach {base}/store (no answer within 0.5 s); check the URL and that "
        "the server is running and reachable from here"
    )


def test_the_readme_command_for_a_fuseki_style_server_runs(
    stub_server: tuple[Stub, str],
) -> None:
    stub, base = stub_server
    stub.scheme, stub.path = "basic", "/news/data"
    (command,) = [c for c in readme_push_commands() if "localhost:3030" in c]
    result = run_readme_command(
        command, lambda c: c.replace("http://localhost:3030", base), {**os.environ}
    )
    assert result.returncode == 0, result.stderr
    assert {g: stub.triples(g) for g in PER_GRAPH} == dict(PER_GRAPH)


def test_every_readme_push_command_is_run_by_a_test() -> None:
    # Oxigraph (7878) and Fuseki-style (3030) here, Virtuoso (8890) in test_push_virtuoso.py.
    servers = ("127.0.0.1:7878", "localhost:3030", "127.0.0.1:8890")
    commands = readme_push_commands()
    assert len(commands) == 5
    assert all(sum(s in c for s in servers) == 1 for c in commands), commands
