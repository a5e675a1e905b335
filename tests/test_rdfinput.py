"""Graphs users hand us (validate, evaluate, load) are read without a request or a file read.

A local HTTP server records every request; files whose JSON-LD contexts or XML entities point
at it, at file:///etc/passwd and at file:///dev/zero are refused, and it records nothing.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from newsgraph import rdfinput
from newsgraph.cli import main
from newsgraph.errors import GraphError

PASSWD = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 - shared by the handler instances on purpose

    def do_GET(self) -> None:
        Recorder.requests.append(self.path)
        body = json.dumps({"@context": {"@vocab": "http://leak.example/"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


NODE = {"@id": "http://example.org/s", "http://example.org/p": "o"}


def hostile_files(folder: Path, url: str) -> dict[str, Path]:
    """Files that would make a careless reader fetch ``url`` or read local files."""
    docs: dict[str, object] = {
        "remote.jsonld": {"@context": f"{url}/context.jsonld", **NODE},
        "passwd.jsonld": {"@context": "file:///etc/passwd", **NODE},
        "zero.jsonld": {"@context": "file:///dev/zero", **NODE},
        "list.jsonld": {"@context": [{"ex": "http://example.org/"}, f"{url}/list"], **NODE},
        "import.jsonld": {"@context": {"@import": f"{url}/import"}, **NODE},
        "scoped.jsonld": {
            "@context": {"p": {"@id": "http://example.org/p", "@context": f"{url}/scoped"}},
            **NODE,
        },
        "nested.json": {"@graph": [{"@context": f"{url}/nested", **NODE}]},
    }
    paths = {}
    for name, doc in docs.items():
        paths[name] = folder / name
        paths[name].write_text(json.dumps(doc), encoding="utf-8")
    pairs = zip("abcdefgh", "bcdefghi", strict=True)
    entities = "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in pairs)
    xml = {
        "xxe.rdf": f'<!ENTITY x SYSTEM "{url}/xxe"><!ENTITY y SYSTEM "file:///etc/passwd">',
        "laughs.rdf": f'<!ENTITY a "aaaaaaaaaa">{entities}',
        "laughs.owl": f'<!ENTITY a "aaaaaaaaaa">{entities}',
    }
    for name, dtd in xml.items():
        paths[name] = folder / name
        paths[name].write_text(
            f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [{dtd}]>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:p="http://example.org/"><rdf:Description rdf:about="http://example.org/s">'
            "<p:o>&i;</p:o></rdf:Description></rdf:RDF>",
            encoding="utf-8",
        )
    return paths


def test_the_recorder_sees_a_request(server: str) -> None:
    # Proof that the zero counts below mean something.
    before = len(Recorder.requests)
    with urllib.request.urlopen(f"{server}/probe") as response:
        assert response.status == 200
    assert Recorder.requests[before:] == ["/probe"]


COMMANDS = {
    "validate": lambda path, tmp: ["validate", str(path)],
    "evaluate": lambda path, tmp: ["evaluate", "--gold", str(tmp / "gold.json"), str(path)],
    "load": lambda path, tmp: ["load", str(path), "--store", str(tmp / "store")],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_no_request_and_no_file_content_for_any_hostile_graph(
    command: str, server: str, tmp_path: Path
) -> None:
    (tmp_path / "gold.json").write_text("{}", encoding="utf-8")
    before = len(Recorder.requests)
    for name, path in hostile_files(tmp_path, server).items():
        started = time.monotonic()
        if command == "load":
            # load takes N-Quads only: the same content under that name is refused as N-Quads.
            path = path.rename(path.with_suffix(".nq"))

        result = CliRunner().invoke(main, COMMANDS[command](path, tmp_path))

        assert result.exit_code == 2, (name, result.output)
        assert str(path) in result.stderr, (name, result.stderr)
        assert PASSWD not in result.output
        assert "leak.example" not in result.output
        assert time.monotonic() - started < 5, name
    time.sleep(0.2)
    assert Recorder.requests[before:] == []


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("remote.jsonld", ["would have to be fetched", "inline the context"]),
        ("passwd.jsonld", ["file:///etc/passwd", "fetches nothing"]),
        ("zero.jsonld", ["file:///dev/zero"]),
        ("import.jsonld", ["imports", "inline the imported context"]),
        ("scoped.jsonld", ["would have to be fetched"]),
        ("nested.json", ["would have to be fetched"]),
        ("xxe.rdf", ["RDF/XML is not read", "convert it to Turtle"]),
        ("laughs.rdf", ["RDF/XML is not read"]),
        ("laughs.owl", ["RDF/XML is not read"]),
    ],
)
def test_each_hostile_graph_gets_a_message_naming_the_file_and_the_fix(
    name: str, words: list[str], server: str, tmp_path: Path
) -> None:
    path = hostile_files(tmp_path, server)[name]
    with pytest.raises(GraphError) as info:
        rdfinput.read(path)
    assert str(info.value).startswith(f"{path}: ")
    for word in words:
        assert word in str(info.value)


def test_pyoxigraph_expands_dtd_entities_which_is_why_rdf_xml_is_refused() -> None:
    # Three levels of ten: 10 * 10**3 characters from a DTD of a few hundred bytes.
    dtd = '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "' + "&a;" * 10 + '">'
    dtd += '<!ENTITY c "' + "&b;" * 10 + '"><!ENTITY d "' + "&c;" * 10 + '">'
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [{dtd}]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:p="http://example.org/"><rdf:Description rdf:about="http://example.org/s">'
        "<p:o>&d;</p:o></rdf:Description></rdf:RDF>"
    )
    [quad] = ox.parse(xml, format=ox.RdfFormat.RDF_XML)
    assert len(quad.object.value) == 10_000


def test_our_own_context_by_its_iri_is_read_from_the_package(tmp_path: Path) -> None:
    path = tmp_path / "ours.jsonld"
    path.write_text(
        json.dumps(
            {
                "@context": rdfinput.CONTEXT_IRI,
                "id": "https://w3id.org/newsgraph/id/person/x",
                "type": "Person",
                "name": "X",
            }
        ),
        encoding="utf-8",
    )

    quads = rdfinput.read(path)

    assert {(q.predicate.value, str(q.object)) for q in quads} == {
        (
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<https://schema.org/Person>",  # the context's "Person" term
        ),
        ("https://schema.org/name", '"X"'),
    }


def test_deeply_nested_json_ld_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonld"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(GraphError, match="not readable JSON"):
        rdfinput.read(path)
