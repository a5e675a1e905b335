"""The linking stage: resolved entities gain sameAs links, coordinates and country codes.

Places are linked to GeoNames offline, always (``geonames.py``); people and organizations to
Wikidata only when asked (``wikidata.py``). Identifiers and IRIs of the entities do not change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsgraph.links.geonames import for_names, place_links
from newsgraph.links.wikidata import Linker, Wikidata
from newsgraph.records import Corpus, EntityKind, Links

__all__ = ["Linked", "Wikidata", "link"]


@dataclass(frozen=True)
class Linked:
    corpus: Corpus
    warnings: tuple[str, ...] = ()
    requests: int = 0
    """Requests sent to Wikidata (0 when every answer came from the cache)."""


def link(corpus: Corpus, *, wikidata: Wikidata | None = None) -> Linked:
    """The corpus with the links of its entities filled in."""
    linker = Linker(wikidata) if wikidata is not None else None
    places = frozenset(e.name for e in corpus.entities if e.kind is EntityKind.PLACE)
    geonames = for_names(places)
    entities = []
    for entity in corpus.entities:
        links = place_links(entity, geonames) if entity.kind is EntityKind.PLACE else Links()
        if linker is not None and entity.kind is not EntityKind.PLACE:
            item = linker.lookup(entity.name, entity.kind)
            if item is not None:
                links = replace(links, same_as=(*links.same_as, item))
        entities.append(replace(entity, links=links) if links != entity.links else entity)
    return Linked(
        corpus=replace(corpus, entities=tuple(entities)),
        warnings=tuple(linker.warnings) if linker else (),
        requests=linker.requests if linker else 0,
    )
