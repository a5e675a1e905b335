"""The dateline extractor: the place a story is filed from ("HELSINKI (Reuters) - ")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.extract.entities import evidence
from newsgraph.extract.gazetteer import load
from newsgraph.extract.nlp import find_dateline
from newsgraph.records import Dateline, EntityKind, Mention

# The place ends at a comma ("HANGZHOU, China"), a bracket ("(Reuters)"), a slash (the first
# of several places: "SINGAPORE/WASHINGTON"), the dash or a colon ("WUHAN:").
PLACE_END = re.compile(r"\s*(?:,|\(|/|\s-|--|\u2013|\u2014|:)")


def dateline(doc: Doc) -> Iterator[Dateline]:
    """The dateline's place, when the gazetteer knows it as a place."""
    found = find_dateline(doc.text)
    if found is None:
        return
    start = found.start() + len(found.group()) - len(found.group().lstrip())
    end = PLACE_END.search(doc.text, start, found.end())
    if end is None:
        return
    written = doc.text[start : end.start()]
    name = " ".join(w.capitalize() for w in written.split()) if written.isupper() else written
    gaz = load()
    canonical = gaz.canonical(name) or gaz.canonical(written)
    entry = gaz.entries.get(canonical or "")
    if entry is None or entry.kind is not EntityKind.PLACE:
        return
    yield Dateline(
        Mention(
            kind=EntityKind.PLACE,
            text=written,
            evidence=evidence(doc, start, end.start()),
            key=entry.name,
            country=entry.country,
            is_country=entry.category == "country",
        )
    )
