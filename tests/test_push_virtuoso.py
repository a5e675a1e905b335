"""newsgraph push against a real Virtuoso (Debian's virtuoso-opensource-7-bin).

Virtuoso takes Graph Store writes at /sparql-graph-crud-auth with digest authentication (user
dba, password dba in a fresh database) and answers SPARQL at /sparql. It holds graphs of its
own, so counts are taken over the article graphs only.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import require_tool
from newsgraph.cli import main
from servers import (
    free_port,
    readme_push_commands,
    run_readme_command,
    select,
    stop,
    wait_until_answering,
)

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "output"
NQ_LINES = [line for line in (OUTPUT / "graph.nq").read_text(encoding="utf-8").splitlines() if line]
PER_GRAPH = Counter(re.findall(r"<([^>]*)> \.$", "\n".join(NQ_LINES), re.M))
ARTICLE = "https://w3id.org/newsgraph/id/article/"
INI = Path(__file__).resolve().parent / "data" / "virtuoso" / "virtuoso.ini"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso in a temporary folder on free loopback ports; yields its base URL."""
    binary = require_tool("virtuoso-t", "virtuoso-opensource-7-bin")
    isql = require_tool("isql-vt", "virtuoso-opensource-7-bin")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        INI.read_text(encoding="utf-8").format(
            folder=folder, sql_port=sql_port, http_port=http_port
        ),
        encoding="utf-8",
    )
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_answering(f"{base}/sparql?query=ASK%7B%7D", process, log, seconds=120)
        yield base
    finally:
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", "exec=shutdown;"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            stop(process)


COUNT_PER_GRAPH = """
SELECT ?g (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "%s"))
} GROUP BY ?g
"""


def per_graph(base: str, prefix: str = ARTICLE) -> dict[str, int]:
    """Triples per graph, for the graphs whose IRI starts with ``prefix``."""
    rows = select(f"{base}/sparql", COUNT_PER_GRAPH % prefix)
    return {row["g"]: int(row["n"]) for row in rows}


def run(args: Sequence[str]) -> Result:
    result = CliRunner().invoke(main, ["push", *args], env={"NEWSGRAPH_PASSWORD": "dba"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def login(base: str) -> list[str]:
    return ["--endpoint", f"{base}/sparql-graph-crud-auth", "--user", "dba", "--auth", "digest"]


def test_the_seeds_land_one_graph_per_article(virtuoso: str) -> None:
    for _ in range(2):
        result = run([*login(virtuoso), "--replace", str(OUTPUT)])
        assert result.exit_code == 0, result.output
        assert per_graph(virtuoso) == dict(PER_GRAPH)
    assert sum(per_graph(virtuoso).values()) == len(NQ_LINES)


def test_merging_twice_and_tiny_chunks_change_nothing(virtuoso: str) -> None:
    for args in (["--replace"], [], [], ["--replace", "--chunk-triples", "50"]):
        result = run([*login(virtuoso), *args, str(OUTPUT)])
        assert result.exit_code == 0, result.output
        assert per_graph(virtuoso) == dict(PER_GRAPH), args


def test_one_graph_and_turtle_files(virtuoso: str) -> None:
    news = "https://example.org/graph/virtuoso"
    result = run([*login(virtuoso), "--replace", "--graph", news, str(OUTPUT / "graph.ttl")])
    assert result.exit_code == 0, result.output
    distinct = len({line[: line.rindex(" <")] for line in NQ_LINES})
    assert per_graph(virtuoso, news) == {news: distinct}


def test_virtuoso_refusals_are_explained(virtuoso: str) -> None:
    endpoint = f"{virtuoso}/sparql-graph-crud-auth"
    anonymous = CliRunner().invoke(main, ["push", "--endpoint", endpoint, str(OUTPUT)])
    assert anonymous.exit_code == 2
    assert "it asks for a login; give --user and --password" in anonymous.stderr
    basic = run(["--endpoint", endpoint, "--user", "dba", str(OUTPUT)])
    assert basic.exit_code == 2
    # Virtuoso answers a basic login with a bare 401, naming no scheme.
    assert (
        "refused user 'dba' (HTTP 401 Unauthorized); check the user and password, or try "
        "--auth digest" in basic.stderr
    )
    wrong = CliRunner().invoke(main, ["push", *login(virtuoso), "--password", "wrong", str(OUTPUT)])
    assert wrong.exit_code == 2
    assert f"{endpoint} refused user 'dba' (HTTP 401 Unauthorized)" in wrong.stderr
    default_graph = run([*login(virtuoso), str(OUTPUT / "graph.ttl")])
    assert default_graph.exit_code == 2
    assert "answered HTTP 500 Internal Server Error to the POST of the default graph" in (
        default_graph.stderr
    )
    assert default_graph.stderr.endswith(
        "a server without a default graph (Virtuoso) needs --graph IRI\n"
    )


def test_the_readme_command_for_virtuoso_runs(virtuoso: str) -> None:
    (command,) = [c for c in readme_push_commands() if "127.0.0.1:8890" in c]
    result = run_readme_command(
        command, lambda c: c.replace("http://127.0.0.1:8890", virtuoso), {**os.environ}
    )
    assert result.returncode == 0, result.stderr
    assert per_graph(virtuoso) == dict(PER_GRAPH)
