"""The curated gazetteers in ``extract/gazetteers/``: names, aliases and what they denote."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from newsgraph.records import EntityKind


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity: its canonical name and what the tool needs to know of it."""

    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    category: str = ""
    """countries: "country", "capital", "metonym"; places: region, city...; orgs: their kind."""
    country: str | None = None
    parent: str | None = None
    members: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    """Canonical name -> entry."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Every name and alias, exactly as written -> canonical name."""
    demonyms: dict[str, str] = field(default_factory=dict)
    """"Russian" -> "Russia"."""
    capitals: dict[str, str] = field(default_factory=dict)
    """Capital or government seat (canonical name) -> its country: "Moscow" -> "Russia"."""
    ministries: dict[str, str] = field(default_factory=dict)
    """Any name of a generic ministry -> its canonical name ("Ministry of Foreign Affairs" ->
    "Foreign Ministry")."""
    systems: dict[str, str] = field(default_factory=dict)
    """Country -> "monarchy" (no president) or "presidential" (no prime minister), if known."""
    titles: tuple[str, ...] = ()
    title_modifiers: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()

    def canonical(self, name: str) -> str | None:
        """The canonical name of a written name, trying it as written and with a leading "the"."""
        for candidate in (name, name.removeprefix("the ").removeprefix("The ")):
            if candidate in self.aliases:
                return self.aliases[candidate]
        return None

    def demonym_of(self, country: str) -> str:
        """The adjective for a country ("Russia" -> "Russian"); the country itself if none."""
        for adjective, name in self.demonyms.items():
            if name == country:
                return adjective
        return country

    def add(self, entry: Entry, names: list[str]) -> None:
        self.entries[entry.name] = entry
        for name in names:
            self.aliases.setdefault(name, entry.name)


def _read(name: str) -> Any:
    return json.loads((files(__package__) / "gazetteers" / name).read_text(encoding="utf-8"))


@cache
def load() -> Gazetteer:
    """Read every gazetteer file once per process."""
    gaz = Gazetteer()
    for item in _read("countries.json"):
        country = item["name"]
        gaz.add(
            Entry(country, EntityKind.PLACE, tuple(item["aliases"]), "country"),
            [country, *item["aliases"]],
        )
        for adjective in item["demonyms"]:
            gaz.demonyms.setdefault(adjective, country)
        if "system" in item:
            gaz.systems[country] = item["system"]
        for capital in item["capitals"]:
            gaz.add(
                Entry(
                    capital["name"],
                    EntityKind.PLACE,
                    tuple(capital["aliases"]),
                    "capital",
                    country=country,
                ),
                [capital["name"], *capital["aliases"]],
            )
            gaz.capitals[capital["name"]] = country
        for metonym in item.get("government_metonyms", []):
            # a name ("Kremlin"), or a name and its aliases ("Downing Street", "No 10")
            seat, aliases = (
                (metonym, []) if isinstance(metonym, str) else (metonym["name"], metonym["aliases"])
            )
            gaz.add(
                Entry(seat, EntityKind.ORGANIZATION, tuple(aliases), "metonym", country=country),
                [seat, *aliases],
            )
            gaz.capitals.setdefault(seat, country)
    for item in _read("places.json"):
        gaz.add(
            Entry(
                item["name"],
                EntityKind.PLACE,
                tuple(item["aliases"]),
                item["kind"],
                country=item.get("country"),
            ),
            [item["name"], *item["aliases"]],
        )
    for item in _read("organizations.json"):
        names = [item["name"], *item["aliases"]]
        if item["kind"] == "ministry":
            for name in names:
                gaz.ministries[name] = item["name"]
            continue
        gaz.add(
            Entry(
                item["name"],
                EntityKind.ORGANIZATION,
                tuple(item["aliases"]),
                item["kind"],
                country=item.get("country"),
                parent=item.get("parent"),
                members=tuple(item.get("members") or ()),
            ),
            names,
        )
    titles = _read("titles.json")
    gaz.titles = tuple(titles["titles"])
    gaz.title_modifiers = tuple(titles["modifiers"])
    gaz.honorifics = tuple(titles["honorifics"])
    return gaz
