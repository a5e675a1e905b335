"""Roles: a person's title and the organization or country it belongs to.

Three English patterns, read off the corrected entities (TITLE spans come from the gazetteer
ruler):

- before the name: "Russian Foreign Minister Sergey Lavrov", "NATO Secretary-General Jens
  Stoltenberg", "Russia's Foreign Minister Sergey Lavrov";
- an apposition after the name: "Lavrov, Russia's foreign minister", "Maria Zakharova,
  spokeswoman of the Russian Foreign Ministry";
- an apposition before the name: "the spokeswoman of the Russian Foreign Ministry, Maria
  Zakharova".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

from newsgraph.extract.entities import country_mention, evidence, mention
from newsgraph.extract.gazetteer import Gazetteer, load
from newsgraph.records import Mention, Role

AFFILIATION_LABELS = {"ORG", "GPE", "NORP", "LOC"}
POSSESSIVE = {"'s", "\u2019s"}
LINKS = {"of", "at", "for", "to"}
DETERMINERS = {"the", "a", "an", "its", "their"}
# The title right before the name is the surest pattern; appositions attach less surely.
CONFIDENCE_BEFORE = 0.9
CONFIDENCE_AFTER = 0.85
CONFIDENCE_FRONTED = 0.8


def _affiliation(span: Span, gaz: Gazetteer) -> Mention | None:
    if span.label_ == "NORP":
        country = gaz.demonyms.get(span.text) or span.id_
        return country_mention(span, country) if country in gaz.entries else None
    return mention(span, gaz)


def _title(span: Span, gaz: Gazetteer) -> str:
    """The title as the gazetteer spells it ("foreign minister" -> "Foreign Minister")."""
    words = span.text.split()
    # A leading "former"/"acting" is not part of the post.
    while len(words) > 1 and words[0].lower() in ("former", "then"):
        words = words[1:]
    text = " ".join(words)
    for title in gaz.titles:
        if title.lower() == text.lower():
            return title
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words)


class _Index:
    """Entities by token position, to read the neighbourhood of a span."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ending: dict[int, Span] = {s.end: s for s in doc.ents}
        self.starting: dict[int, Span] = {s.start: s for s in doc.ents}

    def before(self, i: int) -> Span | None:
        """The entity ending at token i, allowing a possessive 's between."""
        if i in self.ending:
            return self.ending[i]
        if i > 0 and self.doc[i - 1].text in POSSESSIVE:
            return self.ending.get(i - 1)
        return None

    def skip(self, i: int, words: set[str]) -> int:
        while i < len(self.doc) and self.doc[i].lower_ in words:
            i += 1
        return i


def roles(doc: Doc) -> Iterable[Role]:
    """Every (person, title, organization or country) the doc states."""
    gaz = load()
    index = _Index(doc)
    seen: set[tuple[int, str]] = set()
    for found in _all(doc, index, gaz):
        marker = (found.person.evidence.begin, found.title)
        if marker not in seen:
            seen.add(marker)
            yield found


def _all(doc: Doc, index: _Index, gaz: Gazetteer) -> Iterator[Role]:
    for person in (s for s in doc.ents if s.label_ == "PERSON"):
        who = mention(person, gaz)
        if who is None:
            continue
        patterns = (
            (_before(person, index), CONFIDENCE_BEFORE),
            (_after(person, index), CONFIDENCE_AFTER),
            (_fronted(person, index), CONFIDENCE_FRONTED),
        )
        for (title, of), confidence in patterns:
            if title is None or of is None:
                continue
            affiliation = _affiliation(of, gaz)
            if affiliation is None:
                continue
            start = min(person.start_char, title.start_char, of.start_char)
            end = max(person.end_char, title.end_char, of.end_char)
            found = evidence(doc, start, end)
            yield Role(who, _title(title, gaz), affiliation, found, confidence)


def _before(person: Span, index: _Index) -> tuple[Span | None, Span | None]:
    """ "[Russian] [Foreign Minister] [Sergey Lavrov]"."""
    title = index.ending.get(person.start)
    if title is None or title.label_ != "TITLE":
        return None, None
    of = index.before(title.start)
    if of is None or of.label_ not in AFFILIATION_LABELS:
        # "Foreign Minister Wang Yi of China": the affiliation follows the name.
        return title, _after_title(title, index) or _after_title(person, index)
    return title, of


def _after_title(title: Span, index: _Index) -> Span | None:
    """ "[Secretary-General] of [NATO]": the affiliation linked after the title."""
    doc = index.doc
    i = title.end
    if i < len(doc) and doc[i].lower_ in LINKS:
        i = index.skip(i + 1, DETERMINERS)
        of = index.starting.get(i)
        if of is not None and of.label_ in AFFILIATION_LABELS:
            return of
    return None


def _after(person: Span, index: _Index) -> tuple[Span | None, Span | None]:
    """ "[Lavrov], [Russia]'s [foreign minister]" / ", the [foreign minister] of [Russia]"."""
    doc = index.doc
    i = person.end
    if i >= len(doc) or doc[i].text != ",":
        return None, None
    i = index.skip(i + 1, DETERMINERS)
    of = index.starting.get(i)
    if of is not None and of.label_ in AFFILIATION_LABELS:
        i = of.end
        if i < len(doc) and doc[i].text in POSSESSIVE:
            i += 1
        title = index.starting.get(i)
        if title is not None and title.label_ == "TITLE":
            return title, of
        return None, None
    title = index.starting.get(i)
    if title is None or title.label_ != "TITLE":
        return None, None
    return title, _after_title(title, index)


def _fronted(person: Span, index: _Index) -> tuple[Span | None, Span | None]:
    """ "the [spokeswoman] of the [Russian Foreign Ministry], [Maria Zakharova]"."""
    doc = index.doc
    if person.start < 2 or doc[person.start - 1].text != ",":
        return None, None
    last = index.ending.get(person.start - 1)
    if last is None:
        return None, None
    if last.label_ == "TITLE":
        of = index.before(last.start)
        return (last, of) if of is not None and of.label_ in AFFILIATION_LABELS else (None, None)
    if last.label_ not in AFFILIATION_LABELS:
        return None, None
    i = last.start
    while i > 0 and doc[i - 1].lower_ in DETERMINERS:
        i -= 1
    if i > 0 and doc[i - 1].lower_ in LINKS:
        title = index.ending.get(i - 1)
        if title is not None and title.label_ == "TITLE":
            return title, last
    return None, None
