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

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.datelines import dateline
from newsgraph.extract.entities import PUBLISHER, country_mention, evidence, mention
from newsgraph.extract.gazetteer import Gazetteer, load
from newsgraph.extract.nlp import find_dateline
from newsgraph.records import Mention, Role

AFFILIATION_LABELS = {"ORG", "GPE", "NORP", "LOC"}
POSSESSIVE = {"'s", "\u2019s"}
LINKS = {"of", "at", "for", "to"}
DETERMINERS = {"the", "a", "an", "its", "their"}
# The title right before the name is the surest pattern; appositions attach less surely.
CONFIDENCE_BEFORE = 0.9
CONFIDENCE_AFTER = 0.85
CONFIDENCE_FRONTED = 0.8


def _affiliation(span: Span, gaz: Gazetteer, title: Span | None = None) -> Mention | None:
    if span.label_ == "NORP":
        country = gaz.demonyms.get(span.text) or span.id_
        return country_mention(span, country) if country in gaz.entries else None
    seat = gaz.capitals.get(span.id_)
    entry = gaz.entries.get(span.id_)
    if (
        title is not None
        and seat is not None
        and entry is not None
        and entry.category == "capital"
        and any(t.lower_ in NATIONAL_POSTS for t in title)
    ):
        return country_mention(span, seat)  # "Tehran's ambassador": Iran's
    return mention(span, gaz)


# Posts a capital names for its country ("Tehran's ambassador"), unlike a city's own posts
# ("Moscow Mayor") or a ruler of a city state ("Abu Dhabi Crown Prince").
NATIONAL_POSTS = {
    "ambassador",
    "delegate",
    "envoy",
    "minister",
    "negotiator",
    "secretary",
    "spokesman",
    "spokesperson",
    "spokeswoman",
}


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
    return " ".join(
        w if w.isupper() or (w in LOWER_WORDS and n > 0) else w[:1].upper() + w[1:]
        for n, w in enumerate(words)
    )


# Words a title keeps in lower case: "Ambassador to the United Nations", "Minister of State".
LOWER_WORDS = {"to", "the", "of", "for", "and", "at", "in", "on"}


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
    direct = [*_all(doc, index, gaz), *_who_heads(doc, index, gaz)]
    direct += _counterparts(doc, index, gaz, direct)
    for found in [*direct, *_at_home(doc, index, gaz, direct)]:
        marker = (found.person.evidence.begin, found.title)
        if marker not in seen:
            seen.add(marker)
            yield found


# "X, who heads the agency": the verb names the post.
HEADING_VERBS = {"head": "Head", "lead": "Leader", "chair": "Chair"}


def _who_heads(doc: Doc, index: _Index, gaz: Gazetteer) -> Iterator[Role]:
    """ "Yukiya Amano, who heads the International Atomic Energy Agency": the head of a body."""
    for person in (s for s in doc.ents if s.label_ == "PERSON"):
        i = person.end
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "who":
            continue
        verb = doc[i + 2]
        title = HEADING_VERBS.get(verb.lemma_) if verb.tag_ == "VBZ" or verb.tag_ == "VBD" else None
        body = index.starting.get(index.skip(i + 3, DETERMINERS))
        who = mention(person, gaz)
        if title is None or body is None or body.label_ not in AFFILIATION_LABELS or who is None:
            continue
        if body.end < len(doc) and doc[body.end].text in POSSESSIVE:
            continue  # "who led NATO's response": not NATO itself
        affiliation = _affiliation(body, gaz)
        if affiliation is not None:
            found = evidence(doc, person.start_char, body.end_char)
            yield Role(who, title, affiliation, found, CONFIDENCE_AFTER)


COUNTERPARTS = {"counterpart", "counterparts", "opposite"}
CONFIDENCE_COUNTERPART = 0.75


def _counterparts(doc: Doc, index: _Index, gaz: Gazetteer, known: list[Role]) -> Iterator[Role]:
    """ "Gabriel met his French counterpart Jean-Marc Ayrault": the counterpart holds the same
    post as the one whose counterpart they are, for the country named before the word."""
    for person in (s for s in doc.ents if s.label_ == "PERSON"):
        i = person.start
        if i > 0 and doc[i - 1].text == ",":
            i -= 1
        if i == 0 or doc[i - 1].lower_ not in COUNTERPARTS:
            continue
        word = doc[i - 1]
        side = index.before(word.i)
        if side is None or side.label_ not in ("NORP", "GPE"):
            continue
        owner = _owner(word, index)
        if owner is None:
            continue
        title = next(
            (
                r.title
                for r in known
                if r.person.text == owner.text or r.person.text.endswith(" " + owner.text)
            ),
            None,
        )
        affiliation = _affiliation(side, gaz)
        who = mention(person, gaz)
        if title is None or affiliation is None or who is None:
            continue
        title = _as_counterpart(title, affiliation.key)
        start, end = min(side.start_char, person.start_char), person.end_char
        yield Role(who, title, affiliation, evidence(doc, start, end), CONFIDENCE_COUNTERPART)


# Words of a post in a country's government ("Prime Minister", "Vice President", "Crown
# Prince", "Defense Secretary", "State Councilor"), unless a word of NOT_NATIONAL is in it too
# ("Secretary-General", "Attorney General", "Presidential spokesman").
NATIONAL = {
    "chancellor",
    "councilor",
    "councillor",
    "emir",
    "emperor",
    "king",
    "minister",
    "premier",
    "president",
    "prince",
    "queen",
    "secretary",
    "sultan",
    "taoiseach",
}
NOT_NATIONAL = {"general", "spokesman", "spokeswoman", "spokesperson", "press"}
# Posts a country's system of government rules out: no president under a monarch, no
# monarch in a republic, no prime minister where the president heads the government.
ROYAL = {"king", "queen", "emperor", "prince", "emir", "sultan"}
RULED_OUT = {
    "monarchy": {"president"},
    "presidential": {"minister", "premier", *ROYAL},
    "": ROYAL,
}
OWNERS = {"its", "his", "her", "their"}
CONFIDENCE_HOME = 0.6


def _at_home(doc: Doc, index: _Index, gaz: Gazetteer, known: list[Role]) -> Iterator[Role]:
    """ "Prime Minister Shinzo Abe" in a Japanese paper, or under a Tokyo dateline: a
    country's post written with no country is one of the story's home country.

    The home country is the publisher's, for a publisher the gazetteer places in a country
    (a national paper or agency), else the dateline's; it must be named in the story, and
    have such a post (no president in a monarchy, no secretaries for ministers outside the
    countries that style them so). A post is not taken for the home country's when the story
    gives that person a post of their own, or the same post of that country to someone else
    ("U.S. President Donald Trump" beside "President Moon Jae-in" in a Seoul story), or the
    same post with no country to two people; nor is one that is someone's ("its First
    Vice-Foreign Minister").
    """
    posted = {_surname(r.person.text) for r in known}
    untold: list[tuple[Span, Span]] = []
    for person in (s for s in doc.ents if s.label_ == "PERSON"):
        title, of = _before(person, index)
        if title is None or of is not None or _surname(person.text) in posted:
            continue
        if not _owned(title, gaz):
            untold.append((title, person))
    home = _home_country(doc, gaz) if untold else None
    named = next((s for s in doc.ents if _is_country_named(s, home, gaz)), None) if home else None
    if home is None or named is None:
        return
    held = {(r.title.lower(), r.of.key) for r in known}
    bare: dict[str, dict[str, tuple[str, Span, Span]]] = {}
    for title, person in untold:
        post = _title(title, gaz)
        if _home_post(post, home, gaz):
            holders = bare.setdefault(post.lower(), {})
            holders.setdefault(_surname(person.text), (post, title, person))
    country = country_mention(named, home)
    for key, holders in bare.items():
        if len(holders) > 1 or (key, home) in held:
            continue
        ((post, title, person),) = holders.values()
        who = mention(person, gaz)
        if who is not None:
            found = evidence(doc, title.start_char, person.end_char)
            yield Role(who, post, country, found, CONFIDENCE_HOME, implied=True)


def _owned(title: Span, gaz: Gazetteer) -> bool:
    """ "its First Vice-Foreign Minister", "Trump's national security adviser": a post of
    someone's; or one whose name starts before the title the gazetteer knows ("Lifelong
    Learning Minister"), which may be a region's."""
    doc, i = title.doc, title.start
    while i > 0 and (doc[i - 1].text in gaz.title_modifiers or doc[i - 1].text == "-"):
        i -= 1
    if i == 0:
        return False
    word = doc[i - 1]
    longer = word.is_title and not word.is_sent_start
    return longer or word.lower_ in OWNERS or word.text in POSSESSIVE


def _home_post(post: str, home: str, gaz: Gazetteer) -> bool:
    words = set(post.lower().replace("-", " ").split())
    if not words & NATIONAL or words & NOT_NATIONAL:
        return False
    if "secretary" in words and "cabinet" not in words and home not in SECRETARIES:
        return False
    return not words & RULED_OUT[gaz.systems.get(home, "")]


def _home_country(doc: Doc, gaz: Gazetteer) -> str | None:
    """The publisher's country; else that of the agency a dateline names ("SEOUL, Oct. 7
    (Yonhap) --"); else, for a publisher not known to be of a country, the dateline's."""
    for publisher in (doc.user_data.get(PUBLISHER), _dateline_agency(doc)):
        entry = gaz.entries.get(gaz.canonical(publisher) or "") if publisher else None
        if entry is not None and entry.country:
            return entry.country
    place = next(iter(dateline(doc)), None)
    if place is None:
        return None
    return place.place.key if place.place.is_country else place.place.country


def _dateline_agency(doc: Doc) -> str | None:
    found = find_dateline(doc.text)
    agency = AGENCY.search(found.group()) if found is not None else None
    return (agency.group(1) or agency.group(2)) if agency is not None else None


# "(Yonhap)", "/TASS/"
AGENCY = re.compile(r"\(([^()]+)\)|/([A-Z]{2,10})/")


def _is_country_named(span: Span, country: str, gaz: Gazetteer) -> bool:
    if span.label_ == "NORP":
        return (gaz.demonyms.get(span.text) or span.id_) == country
    entry = gaz.entries.get(span.id_)
    return entry is not None and entry.name == country and entry.category == "country"


def _surname(name: str) -> str:
    return name.split()[-1].lower()


# Countries whose ministers are styled secretaries: elsewhere the same post is a minister's.
SECRETARIES = {"United States", "United Kingdom"}


def _as_counterpart(title: str, country: str) -> str:
    """The post of a counterpart in its country's style: the Iranian counterpart of a British
    Foreign Secretary or a US Secretary of State is Iran's Foreign Minister."""
    if country in SECRETARIES:
        return title
    if title == "Secretary of State":
        return "Foreign Minister"
    words = title.split()
    if len(words) > 1 and words[-1] == "Secretary":
        return " ".join([*words[:-1], "Minister"])
    return title


def _owner(word: Token, index: _Index) -> Span | None:
    """Whose counterpart: "Gabriel's counterpart", or "his counterpart" in a clause whose
    subject is a person."""
    doc = index.doc
    poss = next((c for c in word.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ not in ("his", "her", "their"):
        span = index.ending.get(poss.i + 1) or index.ending.get(poss.i + 2)
        return span if span is not None and span.label_ == "PERSON" else None
    node = word
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lower_ in ("who", "that") and node.dep_ == "relcl":
        subject = node.head  # "Gabriel, who met his French counterpart"
    span = next((s for s in doc.ents if s.start <= subject.i < s.end), None)
    if span is not None and span.label_ == "TITLE":
        # "Japan's foreign minister, Taro Kono, met his South Korean counterpart"
        named = next((c for c in subject.children if c.dep_ == "appos"), None)
        span = next((s for s in doc.ents if named is not None and s.start <= named.i < s.end), None)
    return span if span is not None and span.label_ == "PERSON" else None


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
            affiliation = _affiliation(of, gaz, title)
            if affiliation is None:
                continue
            title = _with_destination(title, index)
            start = min(person.start_char, title.start_char, of.start_char)
            end = max(person.end_char, title.end_char, of.end_char)
            found = evidence(doc, start, end)
            yield Role(who, _title(title, gaz), affiliation, found, confidence)


def _before(person: Span, index: _Index) -> tuple[Span | None, Span | None]:
    """ "[Russian] [Foreign Minister] [Sergey Lavrov]"."""
    title = index.ending.get(person.start)
    if title is not None and title.label_ in ("GPE", "ORG", "LOC"):
        title = _sent_to(title, index)  # "[Turkish] [Ambassador to Athens] [Nazmi Akiman]"
    if title is None or title.label_ != "TITLE":
        return None, None
    found = _titled(title, person, index)
    doc = index.doc
    if found[1] is None:
        # "Abu Dhabi [Crown Prince] Sheikh Mohammed", "Qatar's [emir], Sheikh Tamim": a form
        # of address between the post and the name.
        j = title.start - (title.start > 0 and doc[title.start - 1].text == ",")
        earlier = index.ending.get(j)
        if earlier is not None and earlier.label_ == "TITLE":
            return _titled(earlier, person, index)
    return found


def _titled(title: Span, person: Span, index: _Index) -> tuple[Span | None, Span | None]:
    """The post and what it belongs to, for a title that stands before a person's name."""
    doc = index.doc
    if title.start > 0 and doc[title.start - 1].text == ",":
        # "China's U.N. representative, Ambassador Li Luye": the post is the one before.
        earlier = index.ending.get(title.start - 1)
        if earlier is not None and earlier.label_ == "TITLE":
            posted = _posted(earlier, index)
            if posted is not None:
                return posted
    posted = _posted(title, index)
    if posted is not None:
        return posted
    of = index.before(title.start)
    if of is None or of.label_ not in AFFILIATION_LABELS:
        wider = _widened(title, index)
        if wider is not None:
            return wider
        # "Foreign Minister Wang Yi of China": the affiliation follows the name.
        # Only "of" after the name: "Netanyahu at State House" is where he is, not whose.
        return title, _after_title(title, index) or _after_title(person, index, {"of"})
    return title, of


MAX_QUALIFIERS = 3
# Words before a country that qualify the title after it: "Deputy U.S. Trade Representative".
QUALIFIERS = {"deputy", "acting", "former", "assistant", "interim", "outgoing", "incoming"}


def _posted(title: Span, index: _Index) -> tuple[Span, Span] | None:
    """A title with what it belongs to before it, where that is more than one name:

    - "Israeli U.N. spokesman", "China's U.N. representative": a country's post at an
      international organization is the country's, and the organization is part of the title;
    - "Deputy U.S. Trade Representative": a qualifier before the country is part of the title.
    """
    doc = index.doc
    of = index.before(title.start)
    if of is None or of.label_ not in AFFILIATION_LABELS:
        return None
    gaz = load()
    entry = gaz.entries.get(of.id_)
    if of.label_ == "ORG" and entry is not None and entry.category == "intergovernmental":
        country = index.before(of.start)
        if country is not None and _is_country(country, gaz):
            return Span(doc, of.start, title.end, label="TITLE"), country
    if of.start > 0 and doc[of.start - 1].lower_ in QUALIFIERS:
        return Span(doc, of.start - 1, title.end, label="TITLE"), of
    return None


def _is_country(span: Span, gaz: Gazetteer) -> bool:
    key = gaz.demonyms.get(span.text) if span.label_ == "NORP" else span.id_
    entry = gaz.entries.get(key or "")
    return entry is not None and entry.category == "country"


def _widened(title: Span, index: _Index) -> tuple[Span, Span] | None:
    """ "[Peru]'s [central bank president]": words that qualify the title ("central bank",
    "state oil company") between the affiliation and the title belong to the title."""
    doc = index.doc
    start = title.start
    while (
        start > 0
        and title.start - start < MAX_QUALIFIERS
        and doc[start - 1].is_alpha
        and doc[start - 1].ent_type_ == ""
        and doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN")
        and doc[start - 1].dep_ in ("compound", "amod", "nmod")
    ):
        start -= 1
    if start == title.start:
        return None
    of = index.before(start)
    if of is None or of.label_ not in AFFILIATION_LABELS:
        return None
    return Span(doc, start, title.end, label="TITLE"), of


def _after_title(title: Span, index: _Index, links: set[str] = LINKS) -> Span | None:
    """ "[Secretary-General] of [NATO]": the affiliation linked after the title."""
    doc = index.doc
    i = title.end
    if i < len(doc) and doc[i].lower_ in ("to", "for") and title[-1].lower_ in ENVOYS:
        return None  # "ambassador to Athens": where the envoy is sent, not whose envoy
    if i < len(doc) and doc[i].lower_ in links:
        i = index.skip(i + 1, DETERMINERS)
        of = index.starting.get(i)
        if of is not None and of.label_ in AFFILIATION_LABELS:
            return of
    return None


# Titles of people sent somewhere: the place they are sent to is part of the title.
ENVOYS = {"ambassador", "envoy", "representative", "delegate", "emissary", "ambassadors"}


def _with_destination(title: Span, index: _Index) -> Span:
    """ "[Turkish] [Ambassador] to Athens" -> "Ambassador to Athens"."""
    doc = index.doc
    i = title.end
    if title[-1].lower_ not in ENVOYS or i >= len(doc) or doc[i].lower_ not in ("to", "for"):
        return title
    target = index.starting.get(index.skip(i + 1, DETERMINERS))
    if target is None or target.label_ not in ("GPE", "ORG", "LOC"):
        return title
    return Span(doc, title.start, target.end, label="TITLE")


def _sent_to(target: Span, index: _Index) -> Span | None:
    """The envoy's title that ends with ``target``: "Ambassador to [Athens]"."""
    doc = index.doc
    i = target.start
    while i > 0 and doc[i - 1].lower_ in DETERMINERS:
        i -= 1
    if i < 2 or doc[i - 1].lower_ != "to":
        return None
    title = index.ending.get(i - 1)
    if title is None or title.label_ != "TITLE" or title[-1].lower_ not in ENVOYS:
        return None
    return Span(doc, title.start, target.end, label="TITLE")


def _after(person: Span, index: _Index) -> tuple[Span | None, Span | None]:
    """ "[Lavrov], [Russia]'s [foreign minister]" / ", the [foreign minister] of [Russia]"."""
    doc = index.doc
    i = person.end
    if i >= len(doc) or doc[i].text != ",":
        return None, None
    i += 1
    # "Abdullah, who is deputy prime minister of Saudi Arabia"
    if i + 1 < len(doc) and doc[i].lower_ == "who" and doc[i + 1].lemma_ == "be":
        i = index.skip(i + 2, {"also", "now", "currently", "still"})
    i = index.skip(i, DETERMINERS)
    of = index.starting.get(i)
    if of is not None and of.label_ in AFFILIATION_LABELS:
        i = of.end
        if i < len(doc) and doc[i].text in POSSESSIVE:
            i += 1
        title = index.starting.get(i)
        if title is not None and title.label_ == "TITLE" and not _names_next(title, index):
            return title, of
        return None, None
    title = index.starting.get(i)
    if title is None or title.label_ != "TITLE" or _names_next(title, index):
        return None, None
    return title, _after_title(title, index)


def _names_next(title: Span, index: _Index) -> bool:
    """ "James Baker, [Federal Reserve Board Chairman] Alan Greenspan": a title right before
    another name in a list is that person's, not an apposition to the name before."""
    after = index.starting.get(title.end)
    return after is not None and after.label_ == "PERSON"


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
            if doc[i - 1].lower_ in ("to", "for") and title[-1].lower_ in ENVOYS:
                # "the U.N. envoy for Syria, Staffan de Mistura": whose envoy comes first.
                sender = index.before(title.start)
                if sender is None or sender.label_ not in AFFILIATION_LABELS:
                    return None, None
                return Span(doc, title.start, last.end, label="TITLE"), sender
            return title, last
    return None, None
