"""The framed JSON-LD view: its layout, and exactly which triples of the full graph it states."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from pyld import jsonld

from newsgraph import export
from newsgraph.build import BuildResult

QUERY = Path(__file__).resolve().parent / "data" / "framed-view.rq"
ID = "https://w3id.org/newsgraph/id/"


def refuse(url: str, options: object = None) -> Any:
    raise AssertionError(f"reading the framed view fetched {url}")


def triples(quads: list[ox.Quad] | list[ox.Triple]) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


@pytest.fixture(scope="module")
def built(seeds_build: tuple[Path, BuildResult]) -> Path:
    out, _ = seeds_build
    return out


@pytest.fixture(scope="module")
def view(built: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((built / "graph.framed.jsonld").read_text("utf-8"))
    return document


@pytest.mark.model
def test_the_view_is_exactly_the_subgraph_the_query_describes(built: Path) -> None:
    full = ox.Store()
    full.extend(ox.Quad(t.subject, t.predicate, t.object) for t in export.read(built / "graph.ttl"))
    expected = triples(list(full.query(QUERY.read_text(encoding="utf-8"))))  # type: ignore[arg-type]
    # Through a store too, which writes decimals in canonical form ("0.90" as "0.9").
    framed = ox.Store()
    framed.extend(export.read(built / "graph.framed.jsonld"))
    found = triples(list(framed))
    assert len(found) > 100
    assert sorted(map(str, found - expected)) == []
    assert sorted(map(str, expected - found)) == []


@pytest.mark.model
def test_pyld_reads_the_same_graph_without_fetching(built: Path, view: dict[str, Any]) -> None:
    nquads = jsonld.to_rdf(view, {"format": "application/n-quads", "documentLoader": refuse})
    by_pyld = triples(list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)))
    assert by_pyld == triples(export.read(built / "graph.framed.jsonld"))


@pytest.mark.model
def test_the_view_is_a_subgraph_of_the_full_graph(built: Path) -> None:
    full = triples(export.read(built / "graph.ttl"))
    assert triples(export.read(built / "graph.framed.jsonld")) <= full


@pytest.mark.model
def test_layout_articles_meetings_participants(view: dict[str, Any]) -> None:
    articles = view["@graph"]
    assert [a["datePublished"] for a in articles] == ["2021-12-28", "2022-01-20"]
    assert all("NewsArticle" in a["type"] for a in articles)
    meetings = [m for a in articles for m in a["@reverse"]["subjectOf"]]
    geneva = next(m for m in meetings if m["name"].endswith("Lavrov in Geneva, 2022-01-21"))
    assert geneva["status"] == "ng:Planned"
    assert geneva["startDate"] == {"@value": "2022-01-21", "type": "xsd:date"}
    place = geneva["location"]
    assert place["name"] == "Geneva"
    assert place["sameAs"] == ["https://sws.geonames.org/2660646/"]
    assert place["geo"] == {
        "id": f"{ID}place/geneva#geo",
        "type": "GeoCoordinates",
        "latitude": "46.20222",
        "longitude": "6.14569",
    }
    lavrov = next(p for p in geneva["attendee"] if p["name"] == "Sergey Lavrov")
    (role,) = lavrov["memberOf"] if isinstance(lavrov["memberOf"], list) else [lavrov["memberOf"]]
    assert role["roleName"] == "Foreign Minister"
    assert role["memberOf"]["name"] == "Russia"
    # Evidence and provenance stay in graph.jsonld.
    assert "wasDerivedFrom" not in json.dumps(view["@graph"])
