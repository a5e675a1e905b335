"""Entity pages on small hand-built graphs: escaping, IRIs with non-ASCII characters, 404."""

from __future__ import annotations

import pyoxigraph as ox

from newsgraph.pages import Site

ID = "https://w3id.org/newsgraph/id/"
NG = "https://w3id.org/newsgraph/ontology#"
SCHEMA = "https://schema.org/"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def store_with(person: str, name: str) -> ox.Store:
    store = ox.Store()
    node = ox.NamedNode(ID + person)
    graph = ox.NamedNode(ID + "article/a")
    store.add(ox.Quad(node, TYPE, ox.NamedNode(NG + "Person"), graph))
    store.add(ox.Quad(node, ox.NamedNode(SCHEMA + "name"), ox.Literal(name), graph))
    return store


def test_every_value_from_the_graph_is_escaped() -> None:
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    site = Site(store_with("person/x", hostile))
    node = site.resolve("/id/person/x")
    assert node is not None
    page = site.page(node)
    assert "<script>" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img" in page


def test_a_percent_encoded_path_finds_its_iri() -> None:
    site = Site(store_with("person/jürgen-müller", "Jürgen Müller"))
    node = site.resolve("/id/person/j%C3%BCrgen-m%C3%BCller")
    assert node == ox.NamedNode(ID + "person/jürgen-müller")
    assert '<h1 id="name">Jürgen Müller</h1>' in site.page(node)


def test_what_the_store_does_not_describe_is_not_found() -> None:
    site = Site(store_with("person/x", "X"))
    assert site.resolve("/id/person/y") is None
    assert site.resolve("/id/person/<bad>") is None
    assert "https://w3id.org/newsgraph/id/person/y" in site.not_found("/id/person/y")


def test_another_base_serves_its_own_iris() -> None:
    store = store_with("person/x", "X")
    assert Site(store, "https://example.org/kg/").resolve("/id/person/x") is None
    other = ox.Store()
    node = ox.NamedNode("https://example.org/kg/id/person/x")
    other.add(ox.Quad(node, ox.NamedNode(SCHEMA + "name"), ox.Literal("X")))
    assert Site(other, "https://example.org/kg/").resolve("/id/person/x") == node
