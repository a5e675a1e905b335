"""Resolution: one entity per real-world thing and one meeting per real meeting, across articles.

Entity keys come from the gazetteer where the extractor found one; otherwise from the name,
folded so that transliteration variants ("Sergey"/"Sergei"), acronym expansions and reordered
compounds ("Russia-NATO Council"/"NATO-Russia Council") meet. Surname-only mentions join the
full name they stand for. Idents are built from those keys only, never from run order, so graphs
of separate runs merge by plain union.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsgraph.records import (
    ArticleRecords,
    Corpus,
    DateRange,
    DateValue,
    Entity,
    EntityKind,
    Evidence,
    Meeting,
    MeetingStatus,
    Mention,
    Precision,
    ResolvedMeeting,
    ResolvedRole,
    agreement,
)

HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"}
# Status precedence within one article: what happened outranks what was intended.
ADVANCE = {
    MeetingStatus.PROPOSED: 0,
    MeetingStatus.PLANNED: 1,
    MeetingStatus.CANCELLED: 2,
    MeetingStatus.HELD: 3,
}


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    """A readable, stable IRI path segment; a hash for names with no Latin letters."""
    folded = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
    if not folded:
        folded = "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return folded[:80].rstrip("-")


_FINAL = [
    (re.compile(r"(?:iy|yi|ii|ij|yy|y)$"), "i"),
    (re.compile(r"(?:ey|ej)$"), "ei"),
    (re.compile(r"(?:ay|aj)$"), "ai"),
    (re.compile(r"(?:oy|oj)$"), "oi"),
]


def person_key(name: str) -> str:
    """Fold a person's name so that common transliteration variants agree.

    "Sergey Lavrov" and "Sergei Lavrov", "Dmitry" and "Dmitriy", "Aleksandr" and "Alexander",
    "Zelensky" and "Zelenskyy" get one key.
    """
    words = []
    for word in re.findall(r"[^\W\d_]+", ascii_fold(name).lower()):
        if word in HONORIFICS:
            continue
        word = word.replace("ks", "x").replace("yy", "y")
        # A y between a vowel and a consonant is an i written the other way ("Mykhaylo").
        word = re.sub(r"([aeo])y(?=[^aeiouy])", r"\1i", word)
        word = re.sub(r"andr$", "ander", word)
        for pattern, replacement in _FINAL:
            word = pattern.sub(replacement, word)
        words.append(word)
    return " ".join(words)


def name_key(name: str) -> str:
    """Fold an organization or place name: case, accents, "the", and the order of a compound.

    "Russia-NATO Council" and "NATO-Russia Council" get one key.
    """
    text = ascii_fold(name).lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[\u2010-\u2015]", "-", text).replace(".", "")
    words = text.split()
    if words and "-" in words[0]:
        words[0] = "-".join(sorted(words[0].split("-")))
    # "Chrysler Corp" and "Chrysler" are one company.
    while len(words) > 1 and words[-1].strip(",") in CORPORATE:
        words.pop()
    return " ".join(words)


CORPORATE = {"corp", "corporation", "inc", "ltd", "co", "plc", "spa", "ag", "gmbh", "nv", "llc"}


@dataclass
class _Cluster:
    kind: EntityKind
    key: str
    names: Counter[str] = field(default_factory=Counter)
    canonical: str | None = None
    evidence: set[Evidence] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    is_country: bool = False
    country: str | None = None
    parent: str | None = None
    confidences: list[float] = field(default_factory=list)

    def absorb(self, other: _Cluster) -> None:
        """Take in the names and reports of another cluster of the same entity."""
        self.names.update(other.names)
        self.evidence |= other.evidence
        self.articles |= other.articles
        self.confidences += other.confidences


@dataclass
class _RoleReports:
    evidence: set[Evidence] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    confidences: list[float] = field(default_factory=list)
    stated: bool = False
    """Some article names whose post it is; otherwise every report took the home country."""


class _Entities:
    """Clusters of mentions keyed by (kind, key)."""

    def __init__(self) -> None:
        self.clusters: dict[tuple[EntityKind, str], _Cluster] = {}
        self.surnames: dict[str, set[str]] = defaultdict(set)
        # Surnames an article shows to be someone other than a full name ("Reagan and Nancy
        # Reagan", "President Trump ... first lady Melania Trump"): across articles they join
        # other full names only.
        self.not_of: dict[str, set[str]] = defaultdict(set)

    def key_of(self, mention: Mention, full_names: dict[str, str]) -> tuple[EntityKind, str]:
        if mention.kind is EntityKind.PERSON:
            text = full_names.get(mention.text.lower(), mention.text)
            return mention.kind, "p:" + person_key(text)
        if mention.key:
            return mention.kind, "g:" + mention.key
        short = full_names.get(f"{mention.kind.value}|{mention.text.lower()}")
        return mention.kind, short or "n:" + name_key(mention.text)

    def add(self, mention: Mention, article: str, full_names: dict[str, str], named: bool) -> str:
        kind, key = self.key_of(mention, full_names)
        cluster = self.clusters.get((kind, key))
        if cluster is None:
            cluster = _Cluster(kind, key, is_country=mention.is_country)
            self.clusters[(kind, key)] = cluster
        if mention.key and kind is not EntityKind.PERSON:
            cluster.canonical = mention.key
        if named:
            cluster.names[mention.text] += 1
        cluster.evidence.add(mention.evidence)
        cluster.articles.add(article)
        cluster.confidences.append(mention.confidence)
        cluster.is_country = cluster.is_country or mention.is_country
        if mention.country:
            cluster.country = mention.country
        if mention.parent:
            cluster.parent = mention.parent
        if kind is EntityKind.PERSON and " " in key:
            words = key.split()
            if words[-2] not in PATRONYMIC:
                self.surnames[words[-1]].add(key)
        return key

    def join_surnames(self) -> dict[str, str]:
        """Cross-article: a surname-only person joins the one full name with that surname."""
        moved: dict[str, str] = {}
        for (kind, key), cluster in list(self.clusters.items()):
            if kind is not EntityKind.PERSON or " " in key:
                continue
            owners = self.surnames.get(key.removeprefix("p:"), set()) - self.not_of[key]
            if len(owners) != 1:
                continue
            target = self.clusters[(kind, next(iter(owners)))]
            target.absorb(cluster)
            del self.clusters[(kind, key)]
            moved[key] = target.key
        moved |= self._join_fuller_names()
        return moved | self._join_short_names()

    def _join_fuller_names(self) -> dict[str, str]:
        """Cross-article: "Tayyip Erdogan" is "Recep Tayyip Erdogan", the one fuller name that
        ends in all of its words (but "George W. Bush" is not "George H. W. Bush")."""
        people: dict[str, list[list[str]]] = defaultdict(list)
        for kind, key in self.clusters:
            words = key.removeprefix("p:").split()
            if kind is EntityKind.PERSON and len(words) > 1:
                people[words[-1]].append(words)
        moved: dict[str, str] = {}
        for same_surname in people.values():
            for words in same_surname:
                fuller = [
                    w for w in same_surname if len(w) > len(words) and w[-len(words) :] == words
                ]
                if len(fuller) != 1:
                    continue
                key, target_key = "p:" + " ".join(words), "p:" + " ".join(fuller[0])
                short = self.clusters.pop((EntityKind.PERSON, key))
                target = self.clusters[(EntityKind.PERSON, target_key)]
                target.absorb(short)
                moved[key] = target_key
        return moved

    def _join_short_names(self) -> dict[str, str]:
        """Cross-article: a one-word organization or place name that an article showed to be
        short for a longer name ("Airbus" for "Airbus Industries") is that name elsewhere too,
        when it is short for no other."""
        owners: dict[tuple[EntityKind, str], set[str]] = defaultdict(set)
        for (kind, key), cluster in self.clusters.items():
            if kind is EntityKind.PERSON:
                continue
            for name in cluster.names:
                folded = name_key(name)
                if " " not in folded and "n:" + folded != key:
                    owners[(kind, "n:" + folded)].add(key)
        kinds = Counter(key for _, key in self.clusters)
        moved: dict[str, str] = {}
        for (kind, key), targets in sorted(owners.items(), key=lambda kv: kv[0][1]):
            short = self.clusters.get((kind, key))
            if short is None or len(targets) != 1 or kinds[key] != 1:
                continue
            target = self.clusters[(kind, next(iter(targets)))]
            target.absorb(short)
            del self.clusters[(kind, key)]
            moved[key] = target.key
        return moved


def _full_names(mentions: Iterable[Mention], apart: dict[str, str]) -> dict[str, str]:
    """Within one article: surname (or any tail of a full name) -> the full name, but not the
    one ``apart`` shows the surname is not (see ``_apart``); and "kind|short name" -> the key
    of the longer name of an organization or place it stands for (see ``_short_names``)."""
    mentions = list(mentions)
    found = _tails(*_people_first(mentions))
    for surname, other in apart.items():
        if found.get(surname) == other:
            del found[surname]  # "President Trump and first lady Melania Trump": not her
    return found | _short_names(mentions)


def _people_first(mentions: list[Mention]) -> tuple[list[str], dict[str, int]]:
    """The article's full names of people, and where each name first occurs."""
    people = sorted({m.text for m in mentions if m.kind is EntityKind.PERSON and " " in m.text})
    first: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: -m.evidence.begin):
        first[m.text] = m.evidence.begin  # the earliest is written last
    return people, first


def _short_names(mentions: list[Mention]) -> dict[str, str]:
    """Within one article: a one-word organization or place name that begins or ends exactly
    one longer name of the article stands for it: "the Club" for "the Paris Club", "the
    Community" for "the European Community", "Airbus" for "Airbus Industries"."""
    owners: dict[str, set[tuple[EntityKind, str]]] = defaultdict(set)
    for m in mentions:
        words = name_key(m.text).split()
        if m.kind is EntityKind.PERSON or len(words) < 2:
            continue
        key = "g:" + m.key if m.key else "n:" + " ".join(words)
        owners[words[0]].add((m.kind, key))
        owners[words[-1]].add((m.kind, key))
    found: dict[str, str] = {}
    for m in mentions:
        word = name_key(m.text)
        if m.kind is EntityKind.PERSON or m.key or " " in word or len(owners[word]) != 1:
            continue
        kind, key = next(iter(owners[word]))
        if kind is m.kind:
            found[f"{m.kind.value}|{m.text.lower()}"] = key
    return found


def _apart(mentions: Iterable[Mention]) -> dict[str, str]:
    """Surnames of an article that are someone other than a full name ending with them, and
    that full name: one joined to it by "and" ("Reagan and Nancy Reagan"), and one the story
    uses before it names a relative of that name (see ``_known_alone``)."""
    persons = [m for m in mentions if m.kind is EntityKind.PERSON]
    joined = {
        alone.text.lower(): full.text
        for alone in persons
        if " " not in alone.text
        for full in persons
        if full.text.endswith(" " + alone.text)
        and 0 < full.evidence.begin - alone.evidence.end <= len(" and ")
    }
    return joined | _known_alone(persons)


def _known_alone(mentions: Iterable[Mention]) -> dict[str, str]:
    """Short names the story uses on their own before it names a relative who shares them,
    and that relative's full name: the short name is the one the story takes as known
    ("President Trump", then "first lady Melania Trump")."""
    persons = [m for m in mentions if m.kind is EntityKind.PERSON]
    people, first = _people_first(persons)
    kin = {m.text for m in persons if m.kin}
    return {
        short: full
        for short, full in _tails(people, first).items()
        if full in kin
        and any(m.text.lower() == short and m.evidence.begin < first[full] for m in persons)
    }


# "Mohammed bin Salman": the word after "bin" names the father ("King Salman"), so it is not
# the son's short name; "bin Salman" and a family name at the end ("al-Thani") still are.
PATRONYMIC = {"bin", "ibn", "bint"}


def _tails(people: list[str], first: dict[str, int]) -> dict[str, str]:
    """Short names -> the full name they stand for. A short name several full names share
    ("Kim" of "Kim Jong Un" and "Kim Jung-sook") stands for the one the article named first
    (``first``: where each name first occurs)."""

    def pick(names: set[str]) -> str | None:
        earliest, *others = sorted(names, key=lambda n: (first[n], n))
        return earliest if not others or first[earliest] < first[others[0]] else None

    tails: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)
    for name in people:
        words = name.split()
        for i in range(1, len(words)):
            if words[i - 1].lower() not in PATRONYMIC:
                tails[" ".join(words[i:]).lower()].add(name)
        # Family name first ("Wang Yi" -> "Wang"), when no one's surname is that word.
        heads[words[0].lower()].add(name)
    found: dict[str, str] = {}
    for tail, names in tails.items():
        if (owner := pick(names)) is not None:
            found[tail] = owner
    for head, names in heads.items():
        if head not in tails and (owner := pick(names)) is not None:
            found[head] = owner
    # A middle word alone ("Hernandez" of "Arturo Hernandez Grisanti"), when no one else has it.
    middles: dict[str, set[str]] = defaultdict(set)
    for name in people:
        words = name.split()
        for before, word in itertools.pairwise(words[:-1]):
            if before.lower() not in PATRONYMIC:
                middles[word.lower()].add(name)
    for word, names in middles.items():
        if word not in found and word not in tails and word not in heads and len(names) == 1:
            found[word] = next(iter(names))
    return found


def _canonical_name(cluster: _Cluster) -> str:
    if cluster.canonical:
        return cluster.canonical
    if cluster.kind is EntityKind.PERSON:
        full = {n: c for n, c in cluster.names.items() if " " in n} or dict(cluster.names)
        return sorted(full.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    # The name the cluster is keyed by outranks the short names that joined it ("Airbus").
    named = {n: c for n, c in cluster.names.items() if "n:" + name_key(n) == cluster.key}
    ranked = sorted((named or cluster.names).items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    return ranked[0][0]


def _ident(cluster: _Cluster) -> str:
    basis = cluster.key.split(":", 1)[1]
    return f"{cluster.kind.value}/{slug(basis)}"


@dataclass
class _MeetingDraft:
    participants: set[str]
    status_by_article: dict[str, MeetingStatus]
    evidence: set[Evidence]
    articles: set[str]
    body: str | None = None
    location: str | None = None
    date: DateRange | None = None
    confidences: list[float] = field(default_factory=list)
    region: str | None = None
    """The country the place lies in, when the place is a city the gazetteer knows."""
    words: set[str] = field(default_factory=set)
    """The words that told it, in lower case ("summit", "talks")."""
    recent: bool = False
    """Told as just done without a day: the story's day, if the story gives it no other."""

    def absorb(self, other: _MeetingDraft) -> None:
        self.participants |= other.participants
        self.words |= other.words
        self.recent = self.recent or other.recent
        self.confidences += other.confidences
        for article, status in other.status_by_article.items():
            mine = self.status_by_article.get(article)
            if mine is None or ADVANCE[status] > ADVANCE[mine]:
                self.status_by_article[article] = status
        self.evidence |= other.evidence
        self.articles |= other.articles
        self.body = self.body or other.body
        self.take_place(other)
        if other.date is not None and (
            self.date is None or len(other.date.start.iso) > len(self.date.start.iso)
        ):
            self.date = other.date

    def take_place(self, other: _MeetingDraft) -> None:
        """The other's place where this draft has none, or where it names a city inside it
        ("met in Vietnam" ... "in Da Nang")."""
        if other.location and (not self.location or other.region == self.location):
            self.location, self.region = other.location, other.region


def _places_agree(a: _MeetingDraft, b: _MeetingDraft) -> bool:
    """No place, the same place, or a city and the country it lies in."""
    if not a.location or not b.location or a.location == b.location:
        return True
    return a.region == b.location or b.region == a.location


def _same_people_same_day(a: _MeetingDraft, b: _MeetingDraft) -> bool:
    """The same two or more people, held on the same day: one meeting, though one report names
    its venue ("the Mar-a-Lago resort") and another a place the gazetteer does not tie it to
    ("Florida")."""
    people = {p for p in a.participants if p.startswith(f"{EntityKind.PERSON.value}|")}
    return (
        len(people) > 1
        # not two towns of two countries ("in Hangzhou" and "in Sochi")
        and not (a.region and b.region and a.region != b.region)
        and a.participants == b.participants
        and a.date is not None
        and b.date is not None
        and a.date.start.precision is Precision.DAY
        and a.date.start == b.date.start
        and MeetingStatus.HELD in a.status_by_article.values()
        and MeetingStatus.HELD in b.status_by_article.values()
    )


def _dates_agree(a: DateRange | None, b: DateRange | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.start.compatible(b.start) or _within(b.start, a) or _within(a.start, b)


def _within(day: DateValue, span: DateRange) -> bool:
    """A day of a meeting that lasts days: "Friday's session" of talks from Thursday to
    Saturday."""
    return (
        span.end is not None
        and day.precision is Precision.DAY
        and span.start.iso <= day.iso <= span.end.iso
    )


def _statuses_agree(a: _MeetingDraft, b: _MeetingDraft) -> bool:
    """A meeting reported as held is not the one reported as still to come."""
    held = {MeetingStatus.HELD}
    ahead = {MeetingStatus.PLANNED, MeetingStatus.PROPOSED}
    sa, sb = set(a.status_by_article.values()), set(b.status_by_article.values())
    return not ((sa & held and sb & ahead) or (sb & held and sa & ahead))


def _same_sides(a: _MeetingDraft, b: _MeetingDraft, sides: dict[str, str]) -> bool:
    """Two or more sides, the same in both, and no side named by different people in each
    ("Tillerson met Lavrov" and "Tillerson met Putin" are two meetings)."""
    sides_a = {sides.get(p, p) for p in a.participants}
    if len(sides_a) < 2 or sides_a != {sides.get(p, p) for p in b.participants}:
        return False
    for side in sides_a:
        people_a = {p for p in a.participants if sides.get(p) == side}
        people_b = {p for p in b.participants if sides.get(p) == side}
        if people_a and people_b and not people_a & people_b:
            return False
    return True


def _only_one_in_a_year(a: _MeetingDraft, b: _MeetingDraft) -> bool:
    """ "Netanyahu visited India in 2003": a meeting a story dates by its year only is one of
    the past it recalls, not the one it tells of without a date."""
    dated = a.date or b.date
    return (a.date is None) != (b.date is None) and (
        dated is not None and dated.start.precision is Precision.YEAR
    )


def _told_by_sides(a: _MeetingDraft, b: _MeetingDraft, sides: dict[str, str]) -> bool:
    """Within one story, "Putin and Trump met in Helsinki on Monday" and "Russia and the
    United States agreed at the summit": the same sides (two or more), with no other day, place,
    body or status."""
    return (
        _same_sides(a, b, sides)
        and (a.date is None or b.date is None or _dates_agree(a.date, b.date))
        and not _only_one_in_a_year(a, b)
        and not _now_and_before(a, b)
        and _places_agree(a, b)
        and a.body == b.body
        and _statuses_agree(a, b)
    )


def _now_and_before(a: _MeetingDraft, b: _MeetingDraft) -> bool:
    """One told as just done ("has held talks with Putin in Sochi"), the other dated by its
    month or year ("her last trip to Russia was in May 2015"): two meetings."""
    for now, then in ((a, b), (b, a)):
        if (
            now.recent
            and now.date is None
            and then.date is not None
            and then.date.start.precision is not Precision.DAY
        ):
            return True
    return False


def same_meeting(
    a: _MeetingDraft,
    b: _MeetingDraft,
    *,
    same_article: bool,
    sides: dict[str, str] | None = None,
) -> bool:
    """Whether two reports describe one meeting: dates, places and parties must agree.

    ``sides`` maps a person to the country a role of theirs belongs to, so that "Putin and
    Trump met in Helsinki on Monday" and "Russia-U.S. summit in Helsinki on Monday", told by
    two outlets, are one meeting: same day, same place or none, the same sides.
    """
    if a.date is None and b.date is None and not same_article:
        return False
    if same_article and sides is not None and _told_by_sides(a, b, sides):
        return True
    # Within one story, the same parties (and body) told again without the date, or with some
    # of them only: "a meeting later this month between Yeutter and de Clercq" ... "the
    # Yeutter-de Clercq meeting will also involve the ministers of France and Spain".
    # A retelling adds parties; one that names fewer is more likely another meeting of some
    # of them ("a joint meeting of NATO and Russia" beside the talks of Russia, the US and NATO).
    nested = a.participants <= b.participants or b.participants <= a.participants
    dated, undated = (a, b) if a.date is not None else (b, a)
    retold = (
        same_article
        and (a.date is None) != (b.date is None)
        and (
            a.participants == b.participants
            or (len(dated.participants) > 1 and dated.participants < undated.participants)
        )
        and a.body == b.body
        and _statuses_agree(a, b)
        and not _only_one_in_a_year(a, b)
        and not _now_and_before(a, b)
    )
    if not _dates_agree(a.date, b.date) and not retold:
        return False
    if not _places_agree(a, b) and not _same_people_same_day(a, b):
        return False
    if retold:
        return True
    if a.body and a.body == b.body:
        return True
    if a.participants == b.participants:
        return True
    exact = a.date is not None and b.date is not None and a.date.start == b.date.start
    if (
        sides is not None
        and exact
        and a.date is not None
        and a.date.start.precision is Precision.DAY
        and _same_sides(a, b, sides)
    ):
        return True
    # Reports of one day in one town that share two parties: the same meeting told with
    # more or fewer of those present ("Trump and Putin held talks in Helsinki", "Pompeo and
    # Lavrov attended the expanded session").
    shared = len(a.participants & b.participants) >= 2
    return exact and (nested or shared) and a.location is not None and a.location == b.location


def resolve(items: Sequence[tuple[str, dt.date, ArticleRecords]]) -> Corpus:
    """Resolve the records of every article into one corpus of entities, roles and meetings."""
    ents = _Entities()
    per_article: list[tuple[str, dt.date, ArticleRecords, dict[str, str]]] = []
    for article, published, records in sorted(items, key=lambda i: (i[1], i[0])):
        apart = _apart(records.mentions)
        full_names = _full_names(records.mentions, apart)
        for short, full in apart.items():
            ents.not_of["p:" + person_key(short)].add("p:" + person_key(full))
        for m in records.mentions:
            ents.add(m, article, full_names, named=True)
        per_article.append((article, published, records, full_names))
    moved = ents.join_surnames()

    def ref(mention: Mention, article: str, full_names: dict[str, str]) -> tuple[EntityKind, str]:
        kind, key = ents.key_of(mention, full_names)
        key = moved.get(key, key)
        if (kind, key) not in ents.clusters:
            ents.add(mention, article, full_names, named=mention.kind is EntityKind.PERSON)
        cluster = ents.clusters[(kind, key)]
        cluster.evidence.add(mention.evidence)
        cluster.articles.add(article)
        return kind, key

    def region(place: str) -> str | None:
        cluster = ents.clusters.get(_untag(place))
        if cluster is None or cluster.is_country or not cluster.country:
            return None
        return _tag((EntityKind.PLACE, "g:" + cluster.country))

    roles: dict[tuple[str, str, str], _RoleReports] = {}
    drafts: list[_MeetingDraft] = []
    mentioned: dict[str, set[tuple[EntityKind, str]]] = defaultdict(set)
    publishers: dict[str, tuple[EntityKind, str]] = {}
    for article, _, records, full_names in per_article:
        for m in records.mentions:
            mentioned[article].add(ref(m, article, full_names))
        if records.publisher:
            publishers[article] = _publisher(ents, records.publisher, article)
        for role in records.roles:
            person = ref(role.person, article, full_names)
            of = ref(role.of, article, full_names)
            marker = (person[1], role.title.lower(), f"{of[0].value}|{of[1]}")
            found = roles.setdefault(marker, _RoleReports())
            found.evidence.add(role.evidence)
            found.articles.add(article)
            found.confidences.append(role.confidence)
            found.stated = found.stated or not role.implied
    roles = _without_guesses(roles)
    # Meetings after every role is known: a person's side joins "Putin and Trump met" and
    # "Russia and the United States agreed at the summit" into one meeting.
    sides = _sides(roles, ents)
    for article, published, records, full_names in per_article:
        drafts.extend(
            _article_meetings(records.meetings, article, published, full_names, ref, region, sides)
        )

    merged = _merge(drafts, sides)
    # A merge may make two kept drafts one meeting ("this week" joined by "Thursday" now
    # meets the other Thursday report): merge again until nothing changes.
    while len(again := _merge(merged, sides)) < len(merged):
        merged = again
    merged = _retold_undated(merged, {a: p for a, p, _, _ in per_article})
    datelines = {
        a: (r.dateline, _tag(ref(r.dateline, a, f)))
        for a, _, r, f in per_article
        if r.dateline is not None
    }
    _place_by_dateline(merged, datelines, {a: p for a, p, _, _ in per_article}, region)
    entity_records, idents = _entity_records(ents)
    return Corpus(
        entities=entity_records,
        roles=_role_records(roles, idents, ents),
        meetings=_meeting_records(
            merged, idents, ents, {a: p for a, p, _, _ in per_article}, sides
        ),
        mentions={
            a: tuple(sorted({idents[k] for k in keys if k in idents}))
            for a, keys in mentioned.items()
        },
        publishers={a: idents[k] for a, k in publishers.items()},
    )


def _publisher(ents: _Entities, name: str, article: str) -> tuple[EntityKind, str]:
    key = (EntityKind.ORGANIZATION, "g:" + name)
    if key not in ents.clusters:
        key = (EntityKind.ORGANIZATION, "n:" + name_key(name))
    cluster = ents.clusters.setdefault(key, _Cluster(EntityKind.ORGANIZATION, key[1]))
    cluster.names[name] += 1
    cluster.articles.add(article)
    return key


def threshold(corpus: Corpus, minimum: float) -> Corpus:
    """The corpus without the facts whose confidence is below ``minimum``, nor links to them."""
    if minimum <= 0:
        return corpus
    kept = {e.ident for e in corpus.entities if e.confidence >= minimum}
    entities = tuple(
        replace(
            e,
            country=e.country if e.country in kept else None,
            parent=e.parent if e.parent in kept else None,
        )
        for e in corpus.entities
        if e.ident in kept
    )
    roles = tuple(r for r in corpus.roles if r.confidence >= minimum and {r.person, r.of} <= kept)
    meetings = []
    for m in corpus.meetings:
        parties = tuple(p for p in m.participants if p in kept)
        if m.confidence < minimum or not parties:
            continue
        meetings.append(
            replace(
                m,
                participants=parties,
                body=m.body if m.body in kept else None,
                location=m.location if m.location in kept else None,
            )
        )
    return Corpus(
        entities=entities,
        roles=roles,
        meetings=tuple(meetings),
        mentions={a: tuple(i for i in ids if i in kept) for a, ids in corpus.mentions.items()},
        publishers={a: p for a, p in corpus.publishers.items() if p in kept},
    )


def _article_meetings(
    meetings: Sequence[Meeting],
    article: str,
    published: dt.date,
    full_names: dict[str, str],
    ref: Callable[[Mention, str, dict[str, str]], tuple[EntityKind, str]],
    region: Callable[[str], str | None],
    sides: dict[str, str],
) -> list[_MeetingDraft]:
    """One article's meetings: repeated reports merged, references back attached.
    ``region`` gives the country a place lies in, ``sides`` the country a person speaks for;
    a meeting told as just done that the story dates nowhere is on ``published``."""
    drafts: list[_MeetingDraft] = []
    for meeting in meetings:
        draft = _MeetingDraft(
            participants={_tag(ref(p, article, full_names)) for p in meeting.participants},
            status_by_article={article: meeting.status},
            evidence={meeting.evidence},
            articles={article},
            body=_tag(ref(meeting.body, article, full_names)) if meeting.body else None,
            location=_tag(ref(meeting.location, article, full_names)) if meeting.location else None,
            date=meeting.date,
            confidences=[meeting.confidence],
            words={meeting.trigger.lower()},
            recent=meeting.recent,
        )
        draft.region = region(draft.location) if draft.location else None
        if meeting.anaphoric and meeting.repeats:
            # "They will meet again in July": the last meeting's parties, at a new time; "they"
            # are several, so a gathering told by its body alone ("the G20 summit") is not it.
            if drafts:
                last = _last_parties(drafts)
                draft.participants = set(last.participants)
                draft.body = last.body
                drafts.append(draft)
            continue
        if meeting.anaphoric:
            target = _antecedent(drafts, draft)
            if target is not None:
                _attach(target, draft)
            elif (earlier := _earlier_round(drafts, draft)) is not None:
                drafts.append(earlier)
            continue
        same = next(
            (d for d in drafts if same_meeting(d, draft, same_article=True, sides=sides)), None
        )
        if same is not None:
            same.absorb(draft)
        else:
            drafts.append(draft)
    for draft in drafts:
        if draft.recent and draft.date is None:
            draft.date = DateRange(DateValue(published.isoformat(), Precision.DAY))
    return drafts


def _last_parties(drafts: list[_MeetingDraft]) -> _MeetingDraft:
    """The meeting whose parties "they" are: the last one of several parties that is not a
    visit to the country it is in ("his first state visit to China"); else the last one of
    several parties, else the last one."""
    several = [d for d in reversed(drafts) if len(d.participants) > 1]
    met = (d for d in several if d.location not in d.participants)
    return next(met, several[0] if several else drafts[-1])


def _earlier_round(drafts: list[_MeetingDraft], ref: _MeetingDraft) -> _MeetingDraft | None:
    """ "Poland met the Paris Club ... The January talks focussed on ...": talks named by a
    date of their own that no meeting told before has are another round between the parties
    of the last meeting."""
    last = drafts[-1] if drafts else None
    if ref.words & GATHERING_WORDS - {"session"}:
        # "the first in Sochi last November": the last summit's; "next week's Venice summit"
        # is no round of a meeting of two
        last = next((d for d in reversed(drafts) if d.words & GATHERING_WORDS), None)
    if last is None or ref.date is None or ref.participants:
        return None
    if last.date is not None and _dates_agree(last.date, ref.date):
        return None
    ref.participants = set(last.participants)
    ref.body = last.body
    return ref


def _attach(target: _MeetingDraft, reference: _MeetingDraft) -> None:
    """A reference back adds its sentence, a person it names ("the talks, led by Doroscz"),
    and a place or date the meeting did not have."""
    target.participants |= reference.participants
    target.evidence |= reference.evidence
    target.words |= reference.words  # "the talks ... The summit": named both ways
    target.take_place(reference)
    if target.date is None:
        target.date = reference.date


# Words for one kind of gathering, which a reference back names again.
GATHERING_WORDS = {"summit", "conference", "session", "assembly", "congress"}
VISIT_WORDS = {"visit", "visits", "visited", "visiting", "trip", "tour"}


def _antecedent(drafts: list[_MeetingDraft], ref: _MeetingDraft) -> _MeetingDraft | None:
    """The meeting a reference back points to: the last one, or one it names by place or date.
    A meeting still to come is not the one told as held ("Moon met Trump ... they discussed
    the planned summit"), nor the other way round."""
    drafts = [d for d in drafts if _statuses_agree(d, ref)]
    # "Trump and Putin held a meeting on the sidelines of the G20 summit ... Merkel, who is
    # hosting the summit": "the summit" is the last meeting told by that word, when nothing
    # it has says otherwise.
    for draft in reversed([d for d in drafts if ref.words & d.words]):
        if ref.date and draft.date and not _dates_agree(draft.date, ref.date):
            continue
        if ref.date and draft.recent and ref.date.start.precision is not Precision.DAY:
            continue  # "has held talks in Sochi ... her last trip to Russia was in May 2015"
        if not _places_agree(draft, ref):
            continue
        own = (ref.location and draft.location) or (ref.date is not None and draft.date)
        if ref.words & draft.words & GATHERING_WORDS or own or not (ref.date or ref.location):
            return draft
    # "Obama and Putin met on the sidelines of the G20 summit in China ... The meeting in
    # Hangzhou": a meeting or talks named again are the meeting told, before the gathering.
    latest_first = list(reversed(drafts))
    order = sorted(
        latest_first,
        key=lambda d: bool(d.words & GATHERING_WORDS) and not ref.words & GATHERING_WORDS,
    )
    if ref.date is None and ref.location is None:
        return order[0] if order else None
    for draft in order:
        if ref.date is not None and (draft.date is None or not _dates_agree(draft.date, ref.date)):
            continue
        if not _places_agree(draft, ref):
            continue
        # At least one of place and date must be the meeting's own, not merely unknown there.
        if (ref.location and draft.location) or ref.date is not None:
            return draft
    # "today's talks": a reference back, dated to the day, to the last meeting that had no
    # date ("the January talks" names another meeting more likely than it dates this one).
    undated = next((d for d in reversed(drafts) if d.date is None), None)
    if (
        undated is not None
        and ref.date is not None
        and ref.date.start.precision is Precision.DAY
        and not ref.location
    ):
        return undated
    return None


def _tag(key: tuple[EntityKind, str]) -> str:
    return f"{key[0].value}|{key[1]}"


def _sides(roles: dict[tuple[str, str, str], _RoleReports], ents: _Entities) -> dict[str, str]:
    """Person tag -> the tag of the one country their roles belong to (none if several)."""
    found: dict[str, set[str]] = defaultdict(set)
    for person, _, of in roles:
        cluster = ents.clusters.get(_untag(of))
        if cluster is not None and cluster.is_country:
            found[_tag((EntityKind.PERSON, person))].add(of)
    return {p: next(iter(c)) for p, c in found.items() if len(c) == 1}


# How many days after a meeting a story may tell of it without its date as the same meeting.
RETOLD_WITHIN = 7
# ... and how many days before it a story may announce it without its date.
RETOLD_AHEAD = 31


def _retold_undated(
    drafts: list[_MeetingDraft], published: dict[str, dt.date]
) -> list[_MeetingDraft]:
    """ "Putin and Erdogan met in Sochi", told without a day by a story published a day after
    another told "... in Sochi on Wednesday": the same meeting, when one dated meeting of the
    same parties (or of more, among them these) and no other place took place in the days
    before the undated story, or is still to come when it is told as planned."""
    dated: dict[frozenset[str], list[_MeetingDraft]] = defaultdict(list)
    for draft in drafts:
        if draft.date is not None and len(draft.participants) > 1:
            dated[frozenset(draft.participants)].append(draft)
    out: list[_MeetingDraft] = []
    for draft in drafts:
        if draft.date is not None or len(draft.articles) != 1:
            out.append(draft)
            continue
        day = published[next(iter(draft.articles))]
        # the same parties; else, one meeting at which more were present ("Trump and Putin's
        # summit", after a story of their talks with Lavrov and Pompeo)
        same = dated.get(frozenset(draft.participants), [])
        wider = [
            d
            for parties, found in dated.items()
            if len(draft.participants) > 1 and parties > draft.participants
            for d in found
        ]
        fits = []
        for candidates in (same, wider):
            fits = [
                d
                for d in candidates
                if _places_agree(draft, d)
                and draft.body == d.body
                and _statuses_agree(d, draft)
                and _told_within(d.date, day)
            ]
            if fits:
                break
        if len(fits) == 1:
            fits[0].absorb(draft)
        else:
            out.append(draft)
    return out


def _told_within(date: DateRange | None, day: dt.date) -> bool:
    if date is None or date.start.precision is not Precision.DAY:
        return False
    held = dt.date.fromisoformat(date.start.iso)
    return -RETOLD_AHEAD <= (day - held).days <= RETOLD_WITHIN


# How far after the dateline's place the story's first sentence may begin: ", March 6 (Reuters) - ".
LEDE_WITHIN = 80


def _place_by_dateline(
    drafts: list[_MeetingDraft],
    datelines: dict[str, tuple[Mention, str]],
    published: dict[str, dt.date],
    region: Callable[[str], str | None],
) -> None:
    """ "HELSINKI (Reuters) - Trump and Putin met on Monday": a meeting told without a place
    by a story with a dateline is in the dateline's place when it is held on the story's day or
    the day before, or, undated, is what the story's first sentence tells. Stories with
    different datelines leave it without one. Held on those days in the dateline town's
    country ("met on Monday in Finland's Presidential Palace"), it is in that town, unless a
    visit to the country tells it."""
    for draft in drafts:
        status = set(draft.status_by_article.values())
        if status & {MeetingStatus.CANCELLED, MeetingStatus.PROPOSED}:
            continue
        if draft.location and (draft.date is None or draft.words & VISIT_WORDS):
            continue
        places = set()
        for article in draft.articles & set(datelines):
            mention, place = datelines[article]
            if draft.location and region(place) != draft.location:
                continue
            if draft.date is not None:
                day = draft.date.start
                if day.precision is not Precision.DAY:
                    continue
                if not 0 <= (published[article] - dt.date.fromisoformat(day.iso)).days <= 1:
                    continue
            elif not any(
                e.article == article and e.begin <= mention.evidence.end + LEDE_WITHIN
                for e in draft.evidence
            ):
                continue
            places.add(place)
        if len(places) == 1:
            draft.location = places.pop()
            draft.region = region(draft.location)


def _merge(drafts: list[_MeetingDraft], sides: dict[str, str] | None = None) -> list[_MeetingDraft]:
    """The drafts of all articles, those that tell one meeting merged, blocked on the start
    date: across articles only dated drafts whose start dates are compatible (one ISO date a
    prefix of the other) can be one meeting, so each draft is compared with those kept drafts
    only, earliest first."""
    out: list[_MeetingDraft] = []
    exact: defaultdict[str, set[int]] = defaultdict(set)
    """ISO start date -> the kept drafts that have it."""
    within: defaultdict[str, set[int]] = defaultdict(set)
    """Every prefix of an ISO start date -> the kept drafts whose date starts with it."""

    def index(number: int, iso: str, add: bool = True) -> None:
        for table, keys in ((exact, (iso,)), (within, [iso[:i] for i in range(len(iso) + 1)])):
            for key in keys:
                if add:
                    table[key].add(number)
                else:
                    table[key].discard(number)

    for draft in drafts:
        if draft.date is None:
            out.append(draft)  # never the same meeting as another article's
            continue
        iso = draft.date.start.iso
        candidates = set(within.get(iso, ()))
        for i in range(len(iso)):
            candidates |= exact.get(iso[:i], set())
        number = next(
            (
                n
                for n in sorted(candidates)
                if same_meeting(out[n], draft, same_article=False, sides=sides)
            ),
            None,
        )
        if number is None:
            index(len(out), iso)
            out.append(draft)
            continue
        same = out[number]
        before = same.date.start.iso if same.date is not None else None
        same.absorb(draft)
        after = same.date.start.iso if same.date is not None else None
        if after != before and before is not None and after is not None:
            index(number, before, add=False)
            index(number, after)
    return out


def _entity_records(
    ents: _Entities,
) -> tuple[tuple[Entity, ...], dict[tuple[EntityKind, str], str]]:
    idents: dict[tuple[EntityKind, str], str] = {}
    taken: dict[str, str] = {}
    for (kind, key), cluster in sorted(
        ents.clusters.items(), key=lambda kv: (kv[0][0].value, kv[0][1])
    ):
        ident = _ident(cluster)
        if ident in taken and taken[ident] != key:
            ident += "-" + hashlib.sha256(key.encode()).hexdigest()[:6]
        taken[ident] = key
        idents[(kind, key)] = ident
    out = []
    for (kind, key), cluster in ents.clusters.items():
        name = _canonical_name(cluster)
        # Links to a country or a parent organization only where the corpus knows that node.
        country = idents.get((EntityKind.PLACE, "g:" + (cluster.country or "")))
        parent = idents.get((EntityKind.ORGANIZATION, "g:" + (cluster.parent or "")))
        out.append(
            Entity(
                ident=idents[(kind, key)],
                kind=kind,
                name=name,
                alternate_names=tuple(sorted(set(cluster.names) - {name})),
                evidence=tuple(sorted(cluster.evidence, key=_evidence_order)),
                articles=tuple(sorted(cluster.articles)),
                is_country=cluster.is_country,
                country=country,
                parent=parent,
                confidence=agreement(sorted(cluster.confidences)),
            )
        )
    return tuple(sorted(out, key=lambda e: e.ident)), idents


def _evidence_order(e: Evidence) -> tuple[str, int, int]:
    return (e.article, e.begin, e.end)


def _untag(tag: str) -> tuple[EntityKind, str]:
    kind, key = tag.split("|", 1)
    return EntityKind(kind), key


def _without_guesses(
    roles: dict[tuple[str, str, str], _RoleReports],
) -> dict[tuple[str, str, str], _RoleReports]:
    """The roles less those whose country was only taken from a story's home, where another
    story states whose the same post of the same person is ("President Donald Trump" in a
    Seoul story beside "U.S. President Donald Trump" elsewhere)."""
    stated = {(person, title) for (person, title, _), r in roles.items() if r.stated}
    return {
        marker: reports
        for marker, reports in roles.items()
        if reports.stated or (marker[0], marker[1]) not in stated
    }


def _role_records(
    roles: dict[tuple[str, str, str], _RoleReports],
    idents: dict[tuple[EntityKind, str], str],
    ents: _Entities,
) -> tuple[ResolvedRole, ...]:
    out: dict[str, ResolvedRole] = {}
    confidences: dict[str, list[float]] = defaultdict(list)
    for (person_key_, title, of_tag), reports in roles.items():
        person = idents[(EntityKind.PERSON, person_key_)]
        of = idents[_untag(of_tag)]
        evidence, articles = reports.evidence, reports.articles
        display = _title_display(title, evidence)
        ident = f"role/{person.split('/', 1)[1]}--{slug(title)}--{of.split('/', 1)[1]}"
        confidences[ident] += reports.confidences
        previous = out.get(ident)
        if previous is not None:
            evidence = evidence | set(previous.evidence)
            articles = articles | set(previous.articles)
        out[ident] = ResolvedRole(
            ident=ident,
            person=person,
            title=display,
            of=of,
            evidence=tuple(sorted(evidence, key=_evidence_order)),
            articles=tuple(sorted(articles)),
            confidence=agreement(sorted(confidences[ident])),
        )
    return tuple(out[k] for k in sorted(out))


def _title_display(lowered: str, evidence: set[Evidence]) -> str:
    """The title as written in the role phrases, in its most common capitalisation."""
    forms: Counter[str] = Counter()
    for e in evidence:
        index = e.text.lower().find(lowered)
        if index >= 0:
            forms[e.text[index : index + len(lowered)]] += 1
    if not forms:
        return lowered.title()
    best = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return best if best[:1].isupper() else best.title()


def _meeting_records(
    drafts: list[_MeetingDraft],
    idents: dict[tuple[EntityKind, str], str],
    ents: _Entities,
    published: dict[str, dt.date],
    sides: dict[str, str],
) -> tuple[ResolvedMeeting, ...]:
    names = {idents[k]: _canonical_name(c) for k, c in ents.clusters.items()}
    out: dict[str, ResolvedMeeting] = {}
    for draft in drafts:
        # A country is not listed beside the person who speaks for it at the meeting.
        spoken_for = {sides[p] for p in draft.participants if p in sides}
        parties = draft.participants - spoken_for
        participants = tuple(sorted(idents[_untag(p)] for p in parties))
        if not participants:
            continue
        if (
            len(parties) == 1
            and not draft.body
            and _untag(next(iter(parties)))[0] is (EntityKind.PERSON)
        ):
            continue  # one person and the country they speak for: no one else is named
        body = idents[_untag(draft.body)] if draft.body else None
        if body in participants:
            body = None  # "ministers of the GCC ended a meeting": the GCC meets, as a party
        location = idents[_untag(draft.location)] if draft.location else None
        # The newest report knows best whether a meeting took place.
        latest = max(draft.status_by_article, key=lambda a: (published[a], a))
        status = draft.status_by_article[latest]
        date_iso = draft.date.start.iso if draft.date else "undated"
        basis = "|".join([date_iso, *participants, body or "", location or ""])
        ident = f"meeting/{date_iso}-{hashlib.sha256(basis.encode()).hexdigest()[:12]}"
        out[ident] = ResolvedMeeting(
            ident=ident,
            name=_meeting_name(participants, body, location, draft.date, names),
            participants=participants,
            status=status,
            evidence=tuple(sorted(draft.evidence, key=_evidence_order)),
            articles=tuple(sorted(draft.articles)),
            body=body,
            location=location,
            date=draft.date,
            confidence=agreement(sorted(draft.confidences)),
        )
    return tuple(out[k] for k in sorted(out))


def _meeting_name(
    participants: tuple[str, ...],
    body: str | None,
    location: str | None,
    date: DateRange | None,
    names: dict[str, str],
) -> str:
    who = [names[p] for p in participants]
    if body:
        text = f"{names[body]} meeting"
    elif len(who) == 1:
        text = f"Meeting of {who[0]}"
    else:
        text = f"Meeting of {', '.join(who[:-1])} and {who[-1]}"
    if location:
        text += f" in {names[location]}"
    if date:
        text += f", {date.start.iso}"
    return text
