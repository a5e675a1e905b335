"""Typed records between extraction and RDF mapping: frozen dataclasses, no spaCy, no rdflib."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Precision(StrEnum):
    """How much of a calendar date the text gives."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class DateValue:
    """A calendar date at the precision the text gives: ``iso`` is YYYY-MM-DD, YYYY-MM or YYYY."""

    iso: str
    precision: Precision

    def contains(self, other: DateValue) -> bool:
        """True when ``other`` lies within this date's span (a day lies within its month)."""
        return other.iso.startswith(self.iso)

    def compatible(self, other: DateValue) -> bool:
        """True when the two dates can denote the same day."""
        return self.contains(other) or other.contains(self)


@dataclass(frozen=True)
class DateRange:
    """A resolved date expression: a single date, or a range such as "March 17 and 18"."""

    start: DateValue
    end: DateValue | None = None


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"


class MeetingStatus(StrEnum):
    HELD = "held"
    PLANNED = "planned"
    PROPOSED = "proposed"
    CANCELLED = "cancelled"


def agreement(confidences: list[float]) -> float:
    """The confidence of a fact that several reports give: 1 - the chance that all are wrong."""
    doubt = 1.0
    for value in confidences:
        doubt *= 1.0 - value
    return round(min(1.0 - doubt, 0.99), 2) if confidences else 1.0


@dataclass(frozen=True)
class Evidence:
    """Where in an article a record came from: code-point offsets into the body, end exclusive."""

    article: str
    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One entity mention in one article."""

    kind: EntityKind
    text: str
    evidence: Evidence
    key: str = ""
    """The extractor's resolution hint: a gazetteer canonical name, or empty."""
    country: str | None = None
    """For country-bound bodies ("Russian Foreign Ministry"): the country's canonical name."""
    is_country: bool = False
    parent: str | None = None
    """For a body ("OSCE Permanent Council"): the canonical name of its parent organization."""
    confidence: float = 1.0
    """How sure the extractor is of this mention, in [0, 1]."""
    kin: bool = False
    """For a person: named as someone's relative ("first lady Melania Trump", "his wife")."""


@dataclass(frozen=True)
class Role:
    """A person's title and the organization or country it belongs to, as one article states it."""

    person: Mention
    title: str
    of: Mention
    evidence: Evidence
    confidence: float = 1.0
    implied: bool = False
    """The text gives the post but not whose: the story's home country is taken for it."""


@dataclass(frozen=True)
class Meeting:
    """A meeting as one sentence of one article reports it."""

    trigger: str
    participants: tuple[Mention, ...]
    evidence: Evidence
    status: MeetingStatus
    body: Mention | None = None
    location: Mention | None = None
    date: DateRange | None = None
    anaphoric: bool = False
    """A definite mention ("the talks") that may refer back to an earlier meeting."""
    confidence: float = 1.0
    repeats: bool = False
    """With ``anaphoric``: a new meeting of the parties of the one told before ("they will
    meet again in July", "a new round of talks")."""
    recent: bool = False
    """Told without a day as just done ("have held talks"): on the story's day, unless the
    story dates it otherwise ("have met in Mexico City ... met yesterday")."""


@dataclass(frozen=True)
class Dateline:
    """The place a story is filed from, as its dateline gives it ("HELSINKI (Reuters) - ")."""

    place: Mention


@dataclass(frozen=True)
class ArticleRecords:
    """Everything extracted from one article."""

    article: str
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    publisher: str | None = None
    """The publisher's canonical name, when the article names one."""
    dateline: Mention | None = None
    """The place of the story's dateline, when it opens with one."""


# Resolved records: one per real-world thing across the corpus, as the RDF mapping reads them.


@dataclass(frozen=True)
class Links:
    """What the wider web knows of an entity: the linking stage fills it in, extraction never."""

    same_as: tuple[str, ...] = ()
    """IRIs of the same thing elsewhere: GeoNames (https://sws.geonames.org/<id>/), Wikidata."""
    latitude: float | None = None
    """WGS84 decimal degrees, with ``longitude``: the point GeoNames gives a city."""
    longitude: float | None = None
    alpha2: str | None = None
    """ISO 3166-1 alpha-2 code of a country ("CH")."""
    alpha3: str | None = None
    """ISO 3166-1 alpha-3 code of a country ("CHE")."""


@dataclass(frozen=True)
class Entity:
    """A person, organization or place, with every name the articles give it."""

    ident: str
    """Stable identifier, e.g. ``person/sergei-lavrov``: the IRI is built from it."""
    kind: EntityKind
    name: str
    alternate_names: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    articles: tuple[str, ...] = ()
    is_country: bool = False
    country: str | None = None
    """ident of the country a national body belongs to, or a city or region lies in."""
    parent: str | None = None
    """ident of the parent organization of a body."""
    confidence: float = 1.0
    """Confidence in [0, 1], growing with the independent reports of the thing."""
    links: Links = Links()
    """sameAs links, coordinates and country codes from gazetteers and Wikidata."""


@dataclass(frozen=True)
class ResolvedRole:
    ident: str
    person: str
    title: str
    of: str
    evidence: tuple[Evidence, ...]
    articles: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class ResolvedMeeting:
    ident: str
    name: str
    participants: tuple[str, ...]
    status: MeetingStatus
    evidence: tuple[Evidence, ...]
    articles: tuple[str, ...]
    body: str | None = None
    location: str | None = None
    date: DateRange | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Corpus:
    """The resolved knowledge of a set of articles: the input of the RDF mapping."""

    entities: tuple[Entity, ...] = ()
    roles: tuple[ResolvedRole, ...] = ()
    meetings: tuple[ResolvedMeeting, ...] = ()
    mentions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """article key -> idents of the entities and meetings it mentions."""
    publishers: dict[str, str] = field(default_factory=dict)
    """article key -> ident of its publisher."""
