"""Wikidata linking against a stub of the Wikidata API on a loopback port: no network.

The stub serves the hand-written answers of tests/data/wikidata/stub.json and counts the
requests it gets, so that the cache can be checked by the requests a rerun does not send.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.links import Wikidata, link
from newsgraph.records import Corpus, Entity, EntityKind

DATA = Path(__file__).resolve().parent / "data" / "wikidata" / "stub.json"
ENTITY = "http://www.wikidata.org/entity/"


@dataclass
class Stub:
    url: str
    requests: list[dict[str, str]] = field(default_factory=list)


@pytest.fixture
def stub() -> Iterator[Stub]:
    answers: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    server_stub = Stub(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
            server_stub.requests.append(params)
            if params.get("action") == "wbsearchentities":
                if params["search"] in answers["search_errors"]:
                    self.send_error(500, "stub failure")
                    return
                body = answers["search"].get(params["search"], {"search": [], "success": 1})
            elif params.get("action") == "wbgetclaims":
                body = answers["claims"].get(params["entity"], {"claims": {}})
            else:
                body = {"error": {"code": "badvalue", "info": "unknown action"}}
            data = json.dumps(body).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_stub.url = f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def entity(name: str, kind: EntityKind) -> Entity:
    return Entity(f"{kind.value}/{name.lower().replace(' ', '-')}", kind, name)


PERSON, ORGANIZATION = EntityKind.PERSON, EntityKind.ORGANIZATION


def same_as(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    return {e.name: e.links.same_as for e in corpus.entities}


def test_exact_label_of_a_human_is_linked(stub: Stub, tmp_path: Path) -> None:
    linked = link(
        Corpus(entities=(entity("Sergey Lavrov", PERSON),)),
        wikidata=Wikidata(stub.url, tmp_path),
    )
    assert same_as(linked.corpus) == {"Sergey Lavrov": (ENTITY + "Q150858",)}
    assert linked.warnings == ()
    # One search, then the classes of the one exact match (the other matched another text).
    assert [r["action"] for r in stub.requests] == ["wbsearchentities", "wbgetclaims"]
    assert stub.requests[1]["entity"] == "Q150858"
    assert stub.requests[0]["search"] == "Sergey Lavrov"


def test_an_alias_of_an_alliance_is_linked_past_a_disambiguation_page(
    stub: Stub, tmp_path: Path
) -> None:
    # "NATO": alias of Q7184 (a military alliance), label of a disambiguation page, and "Nato"
    # (another case) is not an exact match.
    linked = link(
        Corpus(entities=(entity("NATO", ORGANIZATION),)), wikidata=Wikidata(stub.url, tmp_path)
    )
    assert same_as(linked.corpus) == {"NATO": (ENTITY + "Q7184",)}
    assert sorted(r["entity"] for r in stub.requests if r["action"] == "wbgetclaims") == [
        "Q4000002",
        "Q7184",
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("John Smith", PERSON),  # two humans with that exact label: ambiguous
        ("Sergey Lavrov", ORGANIZATION),  # a human is not an organization
        ("Acme Summit", ORGANIZATION),  # a conference is not an organization
        ("Old Party", ORGANIZATION),  # its company statement is deprecated
        ("Nobody Known", PERSON),  # no result
    ],
)
def test_not_linked(stub: Stub, tmp_path: Path, name: str, kind: EntityKind) -> None:
    linked = link(Corpus(entities=(entity(name, kind),)), wikidata=Wikidata(stub.url, tmp_path))
    assert same_as(linked.corpus) == {name: ()}
    assert linked.warnings == ()


def test_places_are_not_asked_for(stub: Stub, tmp_path: Path) -> None:
    linked = link(
        Corpus(entities=(entity("Geneva", EntityKind.PLACE),)),
        wikidata=Wikidata(stub.url, tmp_path),
    )
    assert stub.requests == []
    assert same_as(linked.corpus) == {"Geneva": ("https://sws.geonames.org/2660646/",)}


def test_a_rerun_is_answered_from_the_cache(stub: Stub, tmp_path: Path) -> None:
    corpus = Corpus(
        entities=(
            entity("Sergey Lavrov", PERSON),
            entity("NATO", ORGANIZATION),
            entity("John Smith", PERSON),
        )
    )
    first = link(corpus, wikidata=Wikidata(stub.url, tmp_path / "cache"))
    # 3 searches; classes of Q150858, Q7184 and Q4000002, Q4000004 and Q4000005.
    assert first.requests == len(stub.requests) == 8
    assert len(list((tmp_path / "cache").glob("*.json"))) == 8
    second = link(corpus, wikidata=Wikidata(stub.url, tmp_path / "cache"))
    assert second.requests == 0
    assert len(stub.requests) == 8
    assert second.corpus == first.corpus


def test_a_server_error_warns_and_the_others_are_still_linked(stub: Stub, tmp_path: Path) -> None:
    corpus = Corpus(entities=(entity("Broken Name", PERSON), entity("Sergey Lavrov", PERSON)))
    linked = link(corpus, wikidata=Wikidata(stub.url, tmp_path))
    assert same_as(linked.corpus) == {"Broken Name": (), "Sergey Lavrov": (ENTITY + "Q150858",)}
    assert linked.warnings == (
        f"wikidata: {stub.url} answered HTTP 500; 'Broken Name' is not linked",
    )
    # The failure is not cached: the next build asks again.
    again = link(corpus, wikidata=Wikidata(stub.url, tmp_path))
    assert again.requests == 1
    assert len(again.warnings) == 1


def test_an_unreachable_endpoint_warns_once_and_stops_asking(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port any more: connections are refused at once.
    url = f"http://127.0.0.1:{port}/w/api.php"
    corpus = Corpus(entities=(entity("Sergey Lavrov", PERSON), entity("NATO", ORGANIZATION)))
    linked = link(corpus, wikidata=Wikidata(url, tmp_path))
    assert same_as(linked.corpus) == {"Sergey Lavrov": (), "NATO": ()}
    assert linked.requests == 1
    assert len(linked.warnings) == 2
    assert linked.warnings[0].startswith(f"wikidata: {url} could not be reached")
    assert linked.warnings[1] == "wikidata: no further names are looked up in this build"


ARTICLE = (
    " date 2022-01-20 Example News - Russian Foreign Minister Sergey Lavrov met NATO officials"
    " in Geneva on Monday, the ministry said.\n"
)


@pytest.mark.model
def test_build_link_wikidata_end_to_end(stub: Stub, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        args = ["build", str(source), "--out", str(out), "--link", "wikidata"]
        args += ["--wikidata-endpoint", stub.url, "--wikidata-cache", str(cache)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        outputs.append({name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nq")})
        if run == "first":
            sent = len(stub.requests)
            assert sent > 0
            assert f"wikidata: {sent} requests sent" in result.output
        else:
            assert len(stub.requests) == sent
            assert "wikidata: 0 requests sent" in result.output
    assert outputs[0] == outputs[1]
    turtle = outputs[0]["graph.ttl"].decode("utf-8")
    assert "owl:sameAs <http://www.wikidata.org/entity/Q150858>" in turtle
    assert "owl:sameAs <http://www.wikidata.org/entity/Q7184>" in turtle


def test_build_refuses_an_endpoint_that_is_not_http(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", "x.txt", "--link", "wikidata", "--wikidata-endpoint", "file:///etc/passwd"]
    )
    assert result.exit_code == 2
    assert "is not an http or https URL" in result.output
