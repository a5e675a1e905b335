"""Extractors: plain functions from a spaCy ``Doc`` to records, registered by name.

Third-party extractors register under the ``newsgraph.extractors`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from importlib.metadata import entry_points
from typing import Any

from spacy.tokens import Doc

from newsgraph.errors import NewsgraphError
from newsgraph.extract import datelines, entities, meetings, roles
from newsgraph.records import ArticleRecords, Dateline, Meeting, Mention, Role

Extractor = Callable[[Doc], Iterable[Any]]

EXTRACTORS: dict[str, Extractor] = {
    "mentions": entities.mentions,
    "roles": roles.roles,
    "meetings": meetings.meetings,
    "dateline": datelines.dateline,
}


@cache
def registry() -> dict[str, Extractor]:
    """The built-in extractors and those installed under the entry-point group (read once)."""
    found = dict(EXTRACTORS)
    for entry in entry_points(group="newsgraph.extractors"):
        found.setdefault(entry.name, entry.load())
    return found


def get(name: str) -> Extractor:
    """The extractor called ``name``; an unknown name raises an error listing the valid ones."""
    known = registry()
    if name not in known:
        raise NewsgraphError(
            f"no extractor named {name!r}; choose from: {', '.join(sorted(known))}"
        )
    return known[name]


def extract(doc: Doc, article: str, names: Iterable[str] = tuple(EXTRACTORS)) -> ArticleRecords:
    """Run the named extractors over one article's doc and gather their records by kind."""
    found: list[Any] = [record for name in names for record in get(name)(doc)]
    return ArticleRecords(
        article=article,
        mentions=tuple(r for r in found if isinstance(r, Mention)),
        roles=tuple(r for r in found if isinstance(r, Role)),
        meetings=tuple(r for r in found if isinstance(r, Meeting)),
        dateline=next((r.place for r in found if isinstance(r, Dateline)), None),
    )
