"""Entity mentions: the pipeline component that corrects the model's entities, and their extractor.

The component works on the whole doc, because most of the small model's errors are visible
only there: a surname tagged as a place when the full name is a person elsewhere, a title kept
inside a name, an acronym whose expansion stands beside it in parentheses.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.extract.gazetteer import Gazetteer, load
from newsgraph.records import EntityKind, Evidence, Mention

COMPONENT = "newsgraph_entities"
ARTICLE = "newsgraph.article"
PUBLISHED = "newsgraph.published"
PUBLISHER = "newsgraph.publisher"
TEXT = "newsgraph.text"

NAME_LABELS = {"PERSON": EntityKind.PERSON, "ORG": EntityKind.ORGANIZATION}
PLACE_LABELS = {"GPE", "LOC"}
DEICTIC_DAYS = {"today", "tonight", "tomorrow", "yesterday"}
# Last words that make a name an organization whatever the model says ("Western Military District").
ORG_HEADS = {
    "AG",
    "Agency",
    "Army",
    "Assembly",
    "BV",
    "Bank",
    "Bhd",
    "Board",
    "Co",
    "Command",
    "Commission",
    "Committee",
    "Company",
    "Corp",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Directorate",
    "Fleet",
    "Forces",
    "Fund",
    "GmbH",
    "Group",
    "Guard",
    "Holdings",
    "Inc",
    "Institute",
    "LLC",
    "Ltd",
    "Ministry",
    "NV",
    "Navy",
    "Office",
    "Organisation",
    "Organization",
    "PLC",
    "Parliament",
    "Party",
    "Service",
    "SpA",
    "Spa",
    "Union",
    "University",
    "plc",
}
ORG_HEAD_PAIRS = {("Military", "District")}
# Last words of rooms' names, which the model may take for people's ("the East Room").
ROOMS = {"Room", "Ballroom"}
# Last words of the names of buildings, roads and other facilities.
FACILITY_HEADS = ROOMS | {
    "Airport",
    "Avenue",
    "Base",
    "Bridge",
    "Building",
    "Castle",
    "Cathedral",
    "Center",
    "Centre",
    "Church",
    "Dam",
    "Gate",
    "Hall",
    "Highway",
    "Hospital",
    "Hotel",
    "House",
    "Mosque",
    "Museum",
    "Palace",
    "Park",
    "Plant",
    "Port",
    "Prison",
    "Road",
    "Square",
    "Stadium",
    "Station",
    "Street",
    "Temple",
    "Tower",
    "Tunnel",
    "University",
}
# Last words of buildings' names that never end a body's ("the Hubei Provincial Museum").
BUILDING_HEADS = FACILITY_HEADS - {
    "Center",
    "Centre",
    "Church",
    "House",
    "Plant",
    "University",
    "Base",
}
# Capitalised common words the model takes for names ("provide Ukraine with Intel").
# Plural nouns for the people of a body, which the model sometimes keeps in its name.
GROUPS_OF_PEOPLE = {
    "diplomats",
    "officials",
    "producers",
    "missions",
    "sources",
    "delegates",
    "negotiators",
    "members",
    "leaders",
    "ministers",
    "exporters",
    "importers",
    "banks",
    "bankers",
}
NOT_NAMES = {
    "Intel",
    "State",
    "Government",
    "Ministry",
    "Council",
    "Alliance",
    "Cabinet",
    "Embassy",
    "Parliament",
    "Administration",
    "Army",
    "Police",
    "Agency",
    "Spokesman",
    "Spokeswoman",
    "Minister",
    "President",
    "Secretary",
    "Chancellor",
    "Premier",
    "Committee",
    "Commission",
    # processes named after a place, not places: "in Brexit talks"
    "Brexit",
    "Grexit",
}


def _kind(label: str) -> EntityKind | None:
    if label in PLACE_LABELS:
        return EntityKind.PLACE
    return NAME_LABELS.get(label)


def _label_for(gaz: Gazetteer, canonical: str) -> str:
    entry = gaz.entries[canonical]
    if entry.kind is EntityKind.ORGANIZATION:
        return "ORG"
    return "GPE" if entry.category in ("country", "capital", "city") else "LOC"


def _new(span: Span, start: int, end: int, label: str | None = None, key: str = "") -> Span:
    return Span(span.doc, start, end, label=label or span.label_, span_id=key or span.id_)


# A headline above the story: one short line without a final stop, then a blank line.
HEADLINE = re.compile(r"[^\n]{1,200}[^.\n]\n\s*\n")
# Labels of names that a headline in title case may run into its other words.
HEADLINE_NAMES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def _title_case_headline(doc: Doc) -> int:
    """Where a headline in title case ends ("Trump Sides With Putin Over U.S. Intelligence"),
    as a token index; 0 when the story has none (a headline in sentence case or capitals)."""
    found = HEADLINE.match(doc.text)
    if found is None:
        return 0
    # the words a headline in sentence case writes in lower case; acronyms say nothing
    words = [
        t
        for t in doc
        if t.idx < found.end()
        and t.is_alpha
        and len(t) > 3
        and t.lower_ not in STOP_WORDS
        and not t.is_upper
    ]
    if len(words) < 3 or not all(t.text[0].isupper() for t in words):
        return 0
    return next((t.i for t in doc if t.idx >= found.end()), len(doc))


def _headline_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """The model's names, with those of a headline in title case cut down to the names the
    story tells ("Trump Sides With" is "Trump", "Xi Agree" is "Xi"): in such a headline every
    word looks like a name. A part of a headline's name is kept when the text names it (the
    whole of a name, or a word of a person's name), with the label the text gives it."""
    end = _title_case_headline(doc)
    if end == 0:
        return spans
    told: dict[str, str] = {}
    named: set[str] = set()  # the words of people's names
    for span in spans:
        if span.start >= end and span.label_ in HEADLINE_NAMES:
            told.setdefault(span.text.lower(), span.label_)
            if span.label_ == "PERSON":
                named |= {word.lower() for word in span.text.split()}
    out: list[Span] = []
    for span in spans:
        if span.start >= end or span.label_ not in HEADLINE_NAMES:
            out.append(span)
            continue
        if span.text.lower() in told:
            out.append(_new(span, span.start, span.end, told[span.text.lower()]))
            continue
        i = span.start
        while i < span.end:
            # the longest name the text tells that starts here, if any
            for j in range(span.end, i, -1):
                words = [t for t in doc[i:j] if not t.is_punct]
                text = doc[i:j].text.lower()
                if doc[j - 1].is_punct or doc[i].is_stop or not words:
                    continue
                label = told.get(text) or ("PERSON" if {t.lower_ for t in words} <= named else None)
                if label is not None:
                    out.append(_new(span, i, j, label))
                    i = j
                    break
            else:
                i += 1
    return out


POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
# Words that join the capitalised words of a body's name: "Agreement on Tariffs and Trade".
NAME_LINKS = {"of", "on", "for", "and", "the"}
# Common nouns that end place names written in lower case: "Mexico city", "the Gaza strip".
PLACE_HEADS = {
    "bank",
    "city",
    "county",
    "district",
    "heights",
    "island",
    "islands",
    "peninsula",
    "province",
    "region",
    "state",
    "strip",
    "valley",
}
# Words for a kind of land or water that end a place's name, never a person's.
LAND_AND_WATER = {
    "bay",
    "island",
    "islands",
    "lake",
    "mountains",
    "ocean",
    "peninsula",
    "river",
    "sea",
    "strait",
    "valley",
}
# Buildings and grounds whose name a person's name may look like: "the Capella hotel".
BUILDING_WORDS = {
    "airport",
    "building",
    "center",
    "centre",
    "estate",
    "hall",
    "hotel",
    "palace",
    "residence",
    "resort",
    "stadium",
    "tower",
    "guesthouse",
    "villa",
}
# Words for a kind of place, not the name of one: "the Law of the Sea", "aid to the North".
GEOGRAPHIC_WORDS = {
    "bay",
    "east",
    "island",
    "islands",
    "lake",
    "mountains",
    "north",
    "ocean",
    "region",
    "river",
    "sea",
    "south",
    "strait",
    "west",
}


# The credits of a story name its reporters and editors, not the people it is about:
# "(Reporting by Denis Pinchuk; Editing by Richard Balmforth)", "Additional reporting by ...",
# "Associated Press writer Suzan Fraser contributed to this report."
CREDITS = re.compile(
    r"\([^()]*\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch) by\b[^()]*\)"
    r"|(?m:^[ \t]*(?:Additional )?(?:[Rr]eporting|Writing|Editing|Compiled) by\b[^\n]*$)"
    r"|(?m:^[^\n]*\bcontributed (?:reporting|(?:to )?(?:this|the) (?:report|story))\b[^\n]*$)"
    r"|\[(?:Photo|Photograph|Picture|Image|Video)s?/[^\[\]\n]{1,60}\]"  # "[Photo/Xinhua]"
)


# Last words of titles that stand only before a person's name, never inside other names.
PERSONAL_TITLES = {
    "adviser",
    "advisor",
    "ambassador",
    "ayatollah",
    "chairman",
    "chairwoman",
    "chancellor",
    "commissioner",
    "congressman",
    "congresswoman",
    "emir",
    "envoy",
    "governor",
    "mayor",
    "minister",
    "premier",
    "president",
    "secretary",
    "senator",
    "sheik",
    "sheikh",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "taoiseach",
}
# A dateline's place in capitals: "RIYADH (Reuters) -", "ABU DHABI, May 20 -", "SOCHI --",
# "WUHAN:".
DATELINE_PLACE = re.compile(
    r"\s*([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3})(?=\s*(?:,|\(|--?\s|\u2013|\u2014|:\s))"
)


# A byline under the headline: "By Hans von der Burchard and Doug Palmer", "Karen Leung and
# Daniel Tse": names alone, each of capitalised words (and the particles of surnames), joined
# by "and" or commas, on a line of their own.
_BYLINE_WORD = r"[A-Z][\w'\u2019.-]*"
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|la|le|al|bin|el) "
_BYLINE_NAME = rf"{_BYLINE_WORD}(?: (?:{_PARTICLE})*{_BYLINE_WORD}){{1,3}}"
BYLINE = re.compile(
    rf"[ \t]*(?:By |BY )?{_BYLINE_NAME}(?:(?:,| and|, and) {_BYLINE_NAME}){{0,3}}[ \t]*"
)
LINES = re.compile(r"^[^\n]*\S[^\n]*$", re.MULTILINE)  # the lines that hold some text


def credits(doc: Doc) -> list[tuple[int, int]]:
    """Where a doc's credit lines are, as character ranges: credits anywhere, and a byline
    on the line right after the headline (with "By", or of two names or more)."""
    found = [m.span() for m in CREDITS.finditer(doc.text)]
    for line in itertools.islice(LINES.finditer(doc.text), 1, 2):
        text = line.group()
        if BYLINE.fullmatch(text) and (text.lstrip().startswith(("By ", "BY ")) or " and " in text):
            found.append(line.span())
    return found


class EntityFixer:
    """Rewrites ``doc.ents`` so that types, boundaries and canonical keys are right."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.titles = {t.lower() for t in gaz.titles}
        self.prefixes = self.titles | {t.lower() for t in gaz.title_modifiers + gaz.honorifics}
        self.prefixes_cased = set(gaz.titles + gaz.title_modifiers + gaz.honorifics)
        self.ministries = {name.lower(): canonical for name, canonical in gaz.ministries.items()}

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            self._trim(span)
            for span in map(self._misread_place, doc.ents)
            if not self._common_word(span) and not _names_a_building(span)
        ]
        spans = [part for span in spans for part in self._split_venue(span)]
        spans = [part for span in spans for part in self._split_pair(span)]
        spans = [part for span in spans for part in self._split_listed(span)]
        spans = self._dateline(spans)
        # Trimming may leave nothing: "the" alone, "(" with no name after it.
        spans = self._titled_bodies(filter_spans([s for s in spans if len(s)]))
        spans = [s for span in spans for s in self._split_title(span) if len(s)]
        spans = [self._lowercase_body(span) for span in spans]
        spans = [self._by_gazetteer(span) for span in spans if not self._not_a_place(span)]
        spans = self._merge_bodies(spans)
        spans = self._acronyms(spans)
        spans = self._ministries(spans)
        spans = self._consistent_types([self._runs_on(span) for span in spans])
        spans = [self._misread_place(span) for span in spans]  # a vote may make a person of one
        spans = [s for span in spans for s in self._split_title(span)]
        spans = [_month_before_day(_day_before_comma(span)) for span in spans]
        spans = _deictic_days(doc, spans)
        kept = [s for s in spans if len(s) and not (s.label_ != "TITLE" and s.text in NOT_NAMES)]
        if ranges := credits(doc):
            kept = [s for s in kept if not any(a <= s.start_char < b for a, b in ranges)]
        doc.ents = filter_spans(_headline_names(doc, kept))
        return doc

    def _dateline(self, spans: list[Span]) -> list[Span]:
        """The place in capitals that opens a story ("RIYADH (Reuters) -") is that place (or
        "UNITED NATIONS", that body), under its gazetteer name; the model often takes it for an
        organization or a person, and an unknown one is dropped unless the model saw a place."""
        if not spans:
            return spans
        doc = spans[0].doc
        found = DATELINE_PLACE.match(doc_text(doc))
        if found is None or not any(c.isalpha() for c in found.group(1)):
            return spans
        start, end = found.span(1)
        words = found.group(1).split(" ")
        key = self.gaz.canonical(found.group(1)) or self.gaz.canonical(
            " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)
        )
        out = []
        for span in spans:
            if span.start_char >= end or span.end_char <= start:
                out.append(span)
            elif key is not None:
                place = doc.char_span(start, end)
                if place is not None:
                    out.append(_new(place, place.start, place.end, _label_for(self.gaz, key), key))
            elif span.label_ in PLACE_LABELS:
                out.append(span)
        return filter_spans(out)

    def _split_venue(self, span: Span) -> list[Span]:
        """A building named with its town ("the Great Hall of the People in Beijing") is two
        names: the town is a place of its own. (A body's name may hold a place: "Organization
        for Security and Co-operation in Europe".)"""
        if (
            span.label_ not in ("FAC", "ORG")
            or len(span) < 3
            or self.gaz.canonical(span.text) is not None
        ):
            return [span]
        for token in span[1:-1]:
            # "the Capella Hotel on Sentosa", read as one organization
            building = span.doc[token.i - 1].lower_ in BUILDING_WORDS
            if not (
                (token.lower_ == "in" and (span.label_ == "FAC" or building))
                or (token.lower_ in ("on", "at") and building)
            ):
                continue
            tail = span.doc[token.i + 1 : span.end]
            key = self.gaz.canonical(tail.text)
            if key is None or self.gaz.entries[key].kind is not EntityKind.PLACE:
                continue
            # a hotel or a tower that the model took for a body is a building
            head = _new(span, span.start, token.i, "FAC" if building else None)
            return [head, _new(tail, tail.start, tail.end, _label_for(self.gaz, key), key)]
        return [span]

    def _split_pair(self, span: Span) -> list[Span]:
        """ "North and South Korea", "East and West Germany": two places that share their
        last word are two names, the first keyed by its full name."""
        if span.label_ not in PLACE_LABELS or len(span) != 4 or span[1].lower_ != "and":
            return [span]
        first = self.gaz.canonical(f"{span[0].text} {span[3].text}")
        second = self.gaz.canonical(span[2:].text)
        if first is None or second is None or first == second:
            return [span]
        return [
            _new(span, span.start, span.start + 1, _label_for(self.gaz, first), first),
            _new(span, span.start + 2, span.end, _label_for(self.gaz, second), second),
        ]

    def _split_listed(self, span: Span) -> list[Span]:
        """A name run on over a comma into the nationality of the next one in a list ("attended
        by [Kenyatta, Rwandan] President Paul Kagame") is the name, and the nationality."""
        doc = span.doc
        if (
            span.label_ in PLACE_LABELS
            or len(span) < 3
            or span.end >= len(doc)
            or doc[span.end].ent_type_ != "TITLE"
            or span[-1].text not in self.gaz.demonyms
            or span[-2].text != ","
        ):
            return [span]
        return [
            _new(span, span.start, span.end - 2),
            _new(span, span.end - 1, span.end, "NORP"),
        ]

    def _misread_place(self, span: Span) -> Span:
        """A place the model took for a person: one whose name ends in a word for a kind of
        land or water ("Manus Island"); a known place that names a building ("the Prime
        Minister's Sydney residence"), which is the place the building is in."""
        if span.label_ != "PERSON":
            return span
        if len(span) > 1 and span[-1].is_title and span[-1].lower_ in LAND_AND_WATER:
            return _new(span, span.start, span.end, "LOC")
        canonical = self.gaz.canonical(span.text) if _names_a_building(span) else None
        if canonical is None or self.gaz.entries[canonical].kind is not EntityKind.PLACE:
            return span
        return _new(span, span.start, span.end, "GPE", canonical)

    def _common_word(self, span: Span) -> bool:
        """A lone common noun the model took for an organization ("Group", "Trade"), or a
        bare word for a kind of place ("the Law of the Sea", "the North")."""
        if len(span) != 1 or self.gaz.canonical(span.text) is not None:
            return False
        if span.label_ in PLACE_LABELS:
            return span[0].lower_ in GEOGRAPHIC_WORDS
        return span.label_ == "ORG" and span[0].pos_ == "NOUN" and span[0].is_alpha

    def _not_a_place(self, span: Span) -> bool:
        """A place name that is not a name: a demonym ("a Kuwaiti tanker"), a name used as an
        adjective beside one ("Latin American and Caribbean exporters"), a name that ends in
        a common noun ("the East bloc"), or a clock's zone ("10 a.m. Beijing time")."""
        if span.label_ not in PLACE_LABELS:
            return False
        if span.text in self.gaz.demonyms:
            return True
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ == "time" and span.start > 0:
            before = doc[span.start - 1]
            if before.like_num or before.ent_type_ == "TIME" or ":" in before.text:
                return True  # "at 14:20 Moscow time": a clock's zone, no place of the story
        root = span.root
        partner = root.head if root.dep_ == "conj" else None
        if (
            partner is not None
            and partner.ent_type_ == "NORP"
            and partner.dep_ in ("amod", "compound")
        ):
            # but "Soviet and U.S. officials": a country beside a nationality is that country
            canonical = self.gaz.canonical(span.text)
            return canonical is None or self.gaz.entries[canonical].category != "country"
        return (
            len(span) > 1
            and span[-1].is_lower
            and span[-1].is_alpha
            and span[-1].lower_ not in PLACE_HEADS
            and self.gaz.canonical(span.text) is None
        )

    def _titled_bodies(self, spans: list[Span]) -> list[Span]:
        """ "General Agreement on Tariffs and Trade": a capitalised title word that begins the
        name of a body is part of the name, not a title. The name runs on in capitalised and
        linking words; it must end in an organization the model found, or be a known one."""
        out: list[Span] = []
        i = 0
        while i < len(spans):
            span = spans[i]
            body = self._titled_body(span, spans[i + 1 :]) if span.label_ == "TITLE" else None
            if body is None:
                out.append(span)
                i += 1
                continue
            merged, swallowed = body
            out.append(merged)
            i += 1 + swallowed
        return out

    def _titled_body(self, title: Span, rest: list[Span]) -> tuple[Span, int] | None:
        doc = title.doc
        if len(title) != 1 or not title[0].is_title or title.end >= len(doc):
            return None
        if not doc[title.end].is_title or doc[title.end].ent_type_ == "PERSON":
            return None
        end = title.end
        while end < len(doc) and (
            doc[end].is_title or (doc[end].lower_ in NAME_LINKS and end + 1 < len(doc))
        ):
            end += 1
        while end > title.end and doc[end - 1].lower_ in NAME_LINKS:
            end -= 1
        inside = [s for s in rest if s.start < end]
        if any(s.end > end or s.label_ not in ("ORG", "TITLE") for s in inside):
            return None
        name = Span(doc, title.start, end, label="ORG")
        canonical = self.gaz.canonical(name.text)
        if canonical is None and name[-1].text in ORG_HEADS and not inside:
            return _new(name, name.start, name.end, "ORG"), 0  # "General Motors Corp"
        linked = any(t.lower_ in NAME_LINKS for t in name)
        if canonical is None and not (linked and inside and inside[-1].end == end):
            return None
        if canonical is None and inside[-1].label_ != "ORG":
            return None
        return _new(name, name.start, name.end, "ORG", canonical or ""), len(inside)

    def _trim(self, span: Span) -> Span:
        start, end = span.start, span.end
        doc = span.doc
        # "Moon" + "Jae-in": the first syllable of a hyphenated given name the model left out.
        if (
            span.label_ == "PERSON"
            and end + 2 < len(doc)
            and doc[end].is_title
            and not doc[end].whitespace_
            and doc[end + 1].text in ("-", "\u2010")
            and not doc[end + 1].whitespace_
            and doc[end + 2].is_lower
            and doc[end + 2].is_alpha
            and len(doc[end + 2]) <= 4
        ):
            end += 1
        # "Moon Jae" + "-in": a hyphenated name the tokenizer cut, with no space around the hyphen.
        while (
            span.label_ == "PERSON"
            and end + 1 < len(doc)
            and doc[end].text in ("-", "\u2010")
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
            and doc[end + 1].ent_type_ in ("", "PERSON")
        ):
            end += 2
        # "met [Kenyatta at State] House": a person's name holds no preposition in lower case.
        if span.label_ == "PERSON":
            cut = next(
                (
                    t.i
                    for t in doc[start + 1 : end - 1]
                    if t.is_lower and t.pos_ == "ADP" and t.text not in NAME_PARTICLES
                ),
                None,
            )
            if cut is not None:
                end = cut
        # "the Iranian foreign ministry": a ministry's name is one in any case.
        ministry = span.label_ == "ORG" and any(
            doc[i:end].text.lower() in self.ministries for i in range(start, end - 1)
        )
        if span.label_ != "TITLE":
            while start < end and doc[start].lower_ in ("the", "a", "an"):
                start += 1
            while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019"):
                end -= 1
            opened = [t.i for t in doc[start:end] if t.text == "("]
            if opened and not any(t.text == ")" for t in doc[opened[0] : end]):
                end = opened[0]  # "Inter-American Development Bank (IADB": no half bracket
            # No trailing punctuation ("Inter-"), function word ("Club of") or common noun
            # ("Yonhap news agency"): names end in a capitalised word.
            while end - start > 1 and (
                not any(c.isalnum() for c in doc[end - 1].text)
                or (
                    doc[end - 1].lower_ in ("of", "for", "and", "the", "in", "on", "de")
                    and doc[end - 2].text != "-"
                )
                or (
                    span.label_ == "ORG"
                    and doc[end - 1].is_lower
                    and doc[end - 1].is_alpha
                    and not ministry
                )
                # "U.N. Diplomats", "U.S. Producers": the people of a body are not its name
                or (
                    span.label_ == "ORG"
                    and doc[end - 1].lower_ in GROUPS_OF_PEOPLE
                    and doc[end - 2].lower_ != "of"  # "Council of Ministers" is a name
                )
                # "the E.C. Charges were unfounded": a known name before a plural common noun;
                # "the U.S. Kick off talks": or before the verb of a headline in capitals
                or (
                    span.label_ == "ORG"
                    and end - start == 2
                    and (doc[end - 1].tag_ == "NNS" or doc[end - 1].pos_ == "VERB")
                    and doc[end - 1].text not in ORG_HEADS
                    and self.gaz.canonical(doc[start].text) is not None
                )
            ):
                end -= 1
        # "the Group of 10": the model leaves the number out of a numbered group's name.
        if (
            span.label_ == "ORG"
            and doc[end - 1].text == "Group"
            and end + 1 < len(doc)
            and doc[end].lower_ == "of"
            and doc[end + 1].like_num
        ):
            end += 2
        return _new(span, start, end) if (start, end) != (span.start, span.end) else span

    def _split_title(self, span: Span) -> Iterator[Span]:
        """ "Spokeswoman Maria Zakharova" -> TITLE "Spokeswoman" + PERSON "Maria Zakharova"."""
        if span.label_ != "PERSON" or len(span) < 2:
            yield span
            return
        cut = span.start
        for size in range(min(4, len(span) - 1), 0, -1):
            words = " ".join(t.lower_ for t in span[:size]).replace(" - ", "-")
            if words in self.prefixes or all(t.lower_ in self.prefixes for t in span[:size]):
                cut = span.start + size
                break
        if cut == span.start:
            yield span
            return
        if any(t.lower_ in self.titles for t in span.doc[span.start : cut]) or (
            " ".join(t.lower_ for t in span.doc[span.start : cut]) in self.titles
        ):
            yield Span(span.doc, span.start, cut, label="TITLE")
        yield _new(span, cut, span.end)

    def _runs_on(self, span: Span) -> Span:
        """A person's name the model cut before its last word, which the parser made the head
        of the name: "[Lee Hsien] Loong met Xi"; and a king's number: "King Abdullah [II]"."""
        doc = span.doc
        if span.label_ != "PERSON" or span.end >= len(doc):
            return span
        after = doc[span.end]
        if after.ent_type_:
            return span
        if ROMAN.fullmatch(after.text):
            return _new(span, span.start, span.end + 1, "PERSON")
        if span.root.head.i == after.i and span.root.dep_ == "compound" and self._name_word(after):
            return _new(span, span.start, span.end + 1, "PERSON")
        return span

    def _lowercase_body(self, span: Span) -> Span:
        """A body's name some papers write in lower case after its first word: "the European
        [commission]", "the European [council]"."""
        doc = span.doc
        if span.label_ not in ("ORG", "NORP") or span.id_:
            return span
        for size in (2, 1):
            end = span.end + size
            words = doc[span.end : end]
            if end > len(doc) or not all(t.is_lower and t.is_alpha for t in words):
                continue
            if words[-1].text not in LOWER_CASE_BODIES:
                continue  # but not "Yonhap news agency", a description after the name
            name = " ".join([span.text, *(t.text.capitalize() for t in words)])
            canonical = self.gaz.canonical(name)
            if (
                canonical is not None
                and self.gaz.entries[canonical].kind is EntityKind.ORGANIZATION
            ):
                return _new(span, span.start, end, "ORG", canonical)
        return span

    def _by_gazetteer(self, span: Span) -> Span:
        if span.label_ == "TITLE" or span.id_:
            return span
        canonical = self.gaz.canonical(span.text)
        if span.label_ == "NORP" and (
            span.text in self.gaz.demonyms
            or canonical is None
            or self.gaz.entries[canonical].kind is not EntityKind.PLACE
        ):
            return span  # but "the summit in [Sochi]", taken for a nationality, is the town
        if canonical is None:
            return self._org_head(span)
        if (
            span.label_ == "PERSON"
            and len(span) > 1
            and self.gaz.entries[canonical].kind is not EntityKind.PLACE
        ):
            return span  # a person may bear an organization's name, but "Mar-a-Lago" is a place
        return _new(span, span.start, span.end, _label_for(self.gaz, canonical), canonical)

    def _org_head(self, span: Span) -> Span:
        if span.label_ == "ORG" and len(span) > 1 and span[-1].text in BUILDING_HEADS:
            return _new(span, span.start, span.end, "FAC")  # "Al-Salam Palace", "Palace Museum"
        if span.label_ not in ("GPE", "LOC", "PERSON", "FAC", "NORP") or len(span) < 2:
            return span
        last = span[-1].text
        if last in ORG_HEADS or (span[-2].text, last) in ORG_HEAD_PAIRS:
            return _new(span, span.start, span.end, "ORG")
        if last in ROOMS:
            return _new(span, span.start, span.end, "FAC")  # "the East Room", "the Map Room"
        return span

    def _merge_bodies(self, spans: list[Span]) -> list[Span]:
        """ "OSCE" + "Permanent Council", or "(OSCE) Permanent Council", make one body."""
        out: list[Span] = []
        for span in spans:
            prev = out[-1] if out else None
            if prev is not None and span.label_ == "ORG" and span[-1].text in ORG_HEADS:
                doc = span.doc
                between = doc[prev.end : span.start]
                acronym = doc[prev.end + 1] if between.text.startswith("(") else None
                if prev.label_ == "ORG" and not len(between):
                    merged = Span(doc, prev.start, span.end, label="ORG")
                    canonical = self.gaz.canonical(merged.text)
                    out[-1] = _new(merged, merged.start, merged.end, key=canonical or "")
                    continue
                if acronym is not None and acronym.is_upper and between.text.endswith(")"):
                    name = f"{acronym.text} {span.text}"
                    out.append(
                        _new(span, span.start, span.end, "ORG", self.gaz.canonical(name) or name)
                    )
                    continue
            out.append(span)
        return out

    def _acronyms(self, spans: list[Span]) -> list[Span]:
        """ "the Organization for Security and Cooperation in Europe (OSCE)": one key for both."""
        if not spans:
            return spans
        doc = spans[0].doc
        taken = {t.i for s in spans for t in s}
        out = sorted(spans + self._bracketed(spans, taken), key=lambda s: s.start)
        for i in range(len(out) - 1):
            long, short = out[i], out[i + 1]
            doc = long.doc
            if (
                long.label_ not in ("ORG", "GPE", "LOC")
                or len(short) != 1
                or not short.text.isupper()
                or short.start != long.end + 1
                or short.end >= len(doc)
                or (doc[long.end].text, doc[short.end].text) not in (("(", ")"), (",", ","))
            ):
                continue
            if doc[long.end].text == "," and not short.id_:
                continue  # "the Commission, EU ministers": only a known acronym stands so
            key = long.id_ or short.id_ or short.text
            out[i] = _new(long, long.start, long.end, key=key)
            out[i + 1] = _new(short, short.start, short.end, long.label_, key)
            doc.user_data.setdefault("newsgraph.acronyms", {})[short.text] = key
        acronyms: dict[str, str] = doc.user_data.get("newsgraph.acronyms", {})
        taken = {t.i for s in out for t in s}
        label = {s.id_: s.label_ for s in out if s.id_}
        # Later bare uses of a defined acronym that the model missed: "The ECO has ten members".
        out += [
            Span(doc, t.i, t.i + 1, label=label.get(acronyms[t.text], "ORG"))
            for t in doc
            if t.text in acronyms and t.i not in taken
        ]
        return sorted(
            (
                _new(s, s.start, s.end, key=acronyms[s.text])
                if s.text in acronyms and not s.id_
                else s
                for s in out
            ),
            key=lambda s: s.start,
        )

    @staticmethod
    def _bracketed(spans: list[Span], taken: set[int]) -> list[Span]:
        """The acronym in "Economic Cooperation Organization (ECO)" when the model missed it."""
        doc = spans[0].doc
        out = []
        for s in spans:
            i = s.end
            if (
                s.label_ in ("ORG", "GPE", "LOC")
                and i + 2 < len(doc)
                and doc[i].text == "("
                and doc[i + 2].text == ")"
                and doc[i + 1].is_upper
                and len(doc[i + 1]) >= 2
                and doc[i + 1].is_alpha
                and i + 1 not in taken
            ):
                out.append(Span(doc, i + 1, i + 2, label=s.label_))
        return out

    def _ministries(self, spans: list[Span]) -> list[Span]:
        """Give each ministry its country: "Russian Foreign Ministry", "Russia's ..."."""
        spans = self._of_country(spans)
        out: list[Span] = []
        by_ministry: dict[str, set[str]] = defaultdict(set)
        pending: list[tuple[int, str]] = []
        for span in spans:
            found = self._ministry_of(span, out[-1] if out else None)
            if found is None:
                out.append(span)
                continue
            ministry, country, start = found
            if country is None:
                pending.append((len(out), ministry))
                out.append(span)
                continue
            key = f"{self.gaz.demonym_of(country)} {ministry}"
            by_ministry[ministry].add(key)
            if start < span.start and out and out[-1].start >= start:
                out.pop()
            out.append(Span(span.doc, start, span.end, label="ORG", span_id=key))
        for index, ministry in pending:
            keys = by_ministry.get(ministry, set())
            if len(keys) == 1:
                span = out[index]
                out[index] = _new(span, span.start, span.end, "ORG", next(iter(keys)))
        return out

    def _of_country(self, spans: list[Span]) -> list[Span]:
        """ "[Ministry of Defence] of [Russia]" -> one span, read by _ministry_of."""
        out: list[Span] = []
        i = 0
        while i < len(spans):
            span = spans[i]
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if nxt is not None and span.label_ == "ORG" and span.text.lower() in self.ministries:
                between = [t.lower_ for t in span.doc[span.end : nxt.start]]
                entry = self.gaz.entries.get(nxt.id_ or self.gaz.canonical(nxt.text) or "")
                if between in (["of"], ["of", "the"]) and entry and entry.category == "country":
                    out.append(Span(span.doc, span.start, nxt.end, label="ORG"))
                    i += 2
                    continue
            out.append(span)
            i += 1
        return out

    def _ministry_of(self, span: Span, prev: Span | None) -> tuple[str, str | None, int] | None:
        if span.label_ != "ORG":
            return None
        words = [t.text for t in span]
        for size in range(len(words), 0, -1):
            tail = " ".join(words[-size:]).lower()
            head = " ".join(words[: len(words) - size])
            ministry = self.ministries.get(tail)
            if ministry is not None:
                break
            for cut in range(len(words) - 1, 0, -1):
                # "Ministry of Foreign Affairs of Russia"
                if words[cut] == "of" and " ".join(words[:cut]).lower() in self.ministries:
                    country = self.gaz.canonical(" ".join(words[cut + 1 :]))
                    return self.ministries[" ".join(words[:cut]).lower()], country, span.start
        else:
            return None
        if head:
            return ministry, self.gaz.demonyms.get(head) or self.gaz.canonical(head), span.start
        doc = span.doc
        if prev is not None and prev.end in (span.start, span.start - 1):
            gap = doc[prev.end : span.start].text
            if gap in ("", "'s", "\u2019s") and prev.label_ in ("NORP", "GPE"):
                country = (
                    prev.id_ or self.gaz.demonyms.get(prev.text) or self.gaz.canonical(prev.text)
                )
                if (
                    country
                    and self.gaz.entries.get(country, None)
                    and (self.gaz.entries[country].category == "country")
                ):
                    return ministry, country, prev.start
        return ministry, None, span.start

    def _coordinated(self, spans: list[Span]) -> list[Span]:
        """Names joined by "and" are of one kind: "Emmanuel Macron and [Olaf Scholz] spoke"."""
        people = {t.i for s in spans if s.label_ == "PERSON" for t in s}
        out = []
        for span in spans:
            root = span.root
            linked = {root.head.i} if root.dep_ == "conj" else set()
            linked |= {c.i for c in root.children if c.dep_ == "conj"}
            if (
                span.label_ in ("ORG", "GPE", "LOC")
                and not span.id_
                and linked & people
                and (2 <= len(span) <= 3 or self.gaz.canonical(span.text) is None)
                and len(span) <= 3
                and all(t.is_title for t in span)
            ):
                span = _new(span, span.start, span.end, "PERSON")
            out.append(span)
        return out + self._unnamed_partners(spans, people)

    def _unnamed_partners(self, spans: list[Span], people: set[int]) -> list[Span]:
        """ "[Merkel] and Macron met": a capitalised word the model left unnamed, joined by
        "and" to a person's name, is a person too."""
        if not spans:
            return []
        doc = spans[0].doc
        taken = {t.i for s in spans for t in s}
        out = []
        for token in doc:
            if (
                token.i in taken
                or token.pos_ != "PROPN"
                or not token.is_title
                or not token.is_alpha
                or token.dep_ == "compound"
                or self.gaz.canonical(token.text) is not None
            ):
                continue
            linked = {token.head.i} if token.dep_ == "conj" else set()
            linked |= {c.i for c in token.children if c.dep_ == "conj"}
            if linked & people:
                start = token.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title:
                    start -= 1
                if not any(t.i in taken for t in doc[start : token.i + 1]):
                    out.append(Span(doc, start, token.i + 1, label="PERSON"))
        return out

    def _facilities(self, spans: list[Span]) -> list[Span]:
        """A "facility" whose name has no facility word is a misread name: "talks with
        [Antony Blinken]" is not a building."""
        out = []
        for span in spans:
            if (
                span.label_ == "FAC"
                and not span.id_
                and 2 <= len(span) <= 3
                and all(t.is_title and t.is_alpha for t in span)
                and span[-1].text not in FACILITY_HEADS
                and self.gaz.canonical(span.text) is None
            ):
                span = _new(span, span.start, span.end, "PERSON")
            elif span.label_ == "PERSON" and len(span) == 1 and span.text in FACILITY_HEADS:
                span = _new(span, span.start, span.end, "FAC")  # "the Rixos President [Hotel]"
            out.append(span)
        return out

    def _after_titles(self, spans: list[Span]) -> list[Span]:
        """A name right after a title is a person's: "Chancellor [Olaf Scholz]"."""
        out = self._destinations(spans)
        for i in range(1, len(out)):
            prev, span = out[i - 1], out[i]
            if (
                prev.label_ == "TITLE"
                and prev.end == span.start
                and span.label_ in ("ORG", "GPE", "LOC", "NORP", "FAC")
                and not span.id_
                and len(span) <= 3
                and all(t.is_title for t in span)
                and span[-1].text not in FACILITY_HEADS
            ):
                out[i] = _new(span, span.start, span.end, "PERSON")
        out = self._titled_appositions(out)
        out = self._month_surnames(self._named_after_titles(out))
        return self._fronted_names(self._untagged_names(out))

    def _name_word(self, token: Token) -> bool:
        """A capitalised proper noun that names no body, place or nationality."""
        return (
            token.tag_ == "NNP"
            and token.is_title
            and token.is_alpha
            and token.text not in NOT_NAMES | ORG_HEADS | FACILITY_HEADS  # "President Hotel"
            and token.lower_ not in self.prefixes
            and self.gaz.canonical(token.text) is None
            and token.text not in self.gaz.demonyms
        )

    def _only_before_names(self, title: Span) -> bool:
        """A title that stands only before a person's name; "King" and "Queen" do so after
        their country ("Jordan's King Abdullah II", "Saudi King Salman")."""
        if title[-1].lower_ in PERSONAL_TITLES:
            return True
        doc = title.doc
        j = title.start - (title.start > 0 and doc[title.start - 1].text in POSSESSIVE)
        if title[-1].lower_ not in ("king", "queen") or j == 0:
            return False
        before = doc[j - 1]
        if before.text in self.gaz.demonyms:
            return True  # "Saudi King Salman"
        entry = self.gaz.entries.get(self.gaz.canonical(before.text) or "")
        return entry is not None and entry.category == "country"  # not "London's King Cross"

    def _named_after_titles(self, spans: list[Span]) -> list[Span]:
        """Capitalised proper nouns the model left untagged right after a title are a person's
        name: "King [Salman] of Saudi Arabia", "Ayatollah [Khamenei]". Only after titles that
        never begin other names ("General Motors", "Chief Financial Officer"), and only a whole
        name, particles and hyphens included ("Barend du Plessis", "Mir-Hossein Mousavi")."""
        if not spans:
            return spans
        doc = spans[0].doc
        taken = {t.i for s in spans for t in s}
        out = list(spans)
        for title in (s for s in spans if s.label_ == "TITLE" and self._only_before_names(s)):
            end = title.end
            while end < len(doc) and end - title.end < 5 and end not in taken:
                token = doc[end]
                if self._name_word(token):
                    end += 1
                elif (
                    end > title.end
                    and end + 1 < len(doc)
                    and end + 1 not in taken
                    and self._name_word(doc[end + 1])
                    and (
                        token.lower_ in NAME_PARTICLES  # "Barend du Plessis"
                        or (token.text == "-" and not doc[end - 1].whitespace_)  # "Mir-Hossein"
                    )
                ):
                    end += 2
                else:
                    break
            if end > title.end and end < len(doc) and ROMAN.fullmatch(doc[end].text):
                end += 1  # "King Abdullah II"
            if end > title.end and not (end < len(doc) and _name_goes_on(doc[end])):
                out.append(Span(doc, title.end, end, label="PERSON"))
                taken.update(range(title.end, end))
        return sorted(out, key=lambda s: s.start)

    def _month_surnames(self, spans: list[Span]) -> list[Span]:
        """A given name before a month's name makes a person: "[Theresa May] will travel". A
        date has a number or a weekday by its month ("May 5", "Friday, May"), never a name."""
        if not spans:
            return spans
        doc = spans[0].doc
        taken = {t.i for s in spans if s.label_ != "DATE" for t in s}
        out = list(spans)
        for t in doc[1:]:
            given = doc[t.i - 1]
            if (
                t.text in MONTH_NAMES
                and t.i not in taken
                and given.i not in taken
                and given.text not in MONTH_NAMES | WEEKDAY_NAMES
                and self._name_word(given)
                and given.ent_type_ not in NUMERIC_LABELS
                and not (t.i + 1 < len(doc) and doc[t.i + 1].like_num)
                and t.dep_ not in ("compound", "amod", "nmod")  # "Spot April soybeans"
            ):
                dates = [s for s in out if s.label_ == "DATE" and s.start <= t.i < s.end]
                if any(len(s) > 1 for s in dates):
                    continue
                out = [s for s in out if s not in dates]
                out.append(Span(doc, given.i, t.i + 1, label="PERSON"))
        return sorted(out, key=lambda s: s.start)

    @staticmethod
    def _untagged_names(spans: list[Span]) -> list[Span]:
        """A capitalised name the model left untagged (or took for a date), in apposition to a
        title, is a person's: "[Theresa May], the British prime minister, said"."""
        out = list(spans)
        for title in (s for s in spans if s.label_ == "TITLE"):
            doc = title.doc
            j = title.start
            before = next((s for s in out if s.end in (j, j - 1) and s.label_ != "TITLE"), None)
            if before is not None and before.label_ in ("GPE", "NORP", "ORG"):
                j = before.start
            if j > 0 and doc[j - 1].lower_ in ("the", "a", "an"):
                j -= 1
            if j < 3 or doc[j - 1].text != ",":
                continue
            start = end = j - 1
            while (
                start > 0
                and end - start < 3
                and doc[start - 1].is_title
                and doc[start - 1].is_alpha
                and doc[start - 1].pos_ not in FUNCTION_WORDS  # not "In February,"
            ):
                start -= 1
            covered = [s for s in out if s.start < end and s.end > start]
            if end - start < 2 or any(s.label_ != "DATE" for s in covered):
                continue
            if start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
                continue
            out = [s for s in out if s not in covered] + [Span(doc, start, end, label="PERSON")]
        return sorted(out, key=lambda s: s.start)

    @staticmethod
    def _fronted_names(spans: list[Span]) -> list[Span]:
        """A name set off by commas after a title and what it belongs to is a person's: "The
        U.N. envoy for Syria, [Staffan de Mistura], said"."""
        out = list(spans)
        for i, span in enumerate(out):
            doc = span.doc
            if (
                span.label_ not in ("ORG", "GPE", "LOC", "FAC", "NORP")
                or span.id_
                or not 2 <= len(span) <= 4
                or not span[0].is_title
                or span.start < 2
                or doc[span.start - 1].text != ","
                or not all(t.is_title or t.lower_ in NAME_PARTICLES for t in span)
            ):
                continue
            j = span.start - 1
            k = i - 1
            while k >= 0 and out[k].label_ in ("GPE", "NORP", "ORG", "LOC") and out[k].end == j:
                j = out[k].start
                while j > 0 and doc[j - 1].lower_ in ("of", "for", "to", "at", "the", "'s"):
                    j -= 1
                k -= 1
            if k >= 0 and out[k].label_ == "TITLE" and out[k].end == j:
                out[i] = _new(span, span.start, span.end, "PERSON")
        return out

    def _destinations(self, spans: list[Span]) -> list[Span]:
        """ "Ambassador to [Berlin] [Andrzej Przylebski]": the model reads the city and the
        name after an envoy's "to" as one name."""
        out: list[Span] = []
        for i, span in enumerate(spans):
            doc = span.doc
            before = spans[i - 1] if i else None
            if (
                before is not None
                and before.label_ == "TITLE"
                and before.end + 1 == span.start
                and doc[before.end].lower_ == "to"
                and span.label_ in ("PERSON", "ORG")
                and len(span) >= 3
            ):
                cut = next(
                    (
                        k
                        for k in (2, 1)
                        if len(span) - k >= 2
                        and (key := self.gaz.canonical(span[:k].text)) is not None
                        and self.gaz.entries[key].kind is EntityKind.PLACE
                    ),
                    None,
                )
                if cut is not None:
                    out.append(_new(span, span.start, span.start + cut, "GPE"))
                    out.append(_new(span, span.start + cut, span.end, "PERSON"))
                    continue
            out.append(span)
        return out

    @staticmethod
    def _titled_appositions(spans: list[Span]) -> list[Span]:
        """A name followed by a title in apposition is a person's: "[Nikki Haley], the U.S.
        ambassador", "[Joe Kaeser], Siemens' chief executive"."""
        out = list(spans)
        for i in range(len(out) - 1):
            span = out[i]
            words = [t for t in span if t.text != "-"]  # "Jean-Claude Paye"
            if (
                span.label_ not in ("ORG", "GPE", "LOC", "NORP", "FAC")
                or span.id_
                or not 2 <= len(words) <= 3
                or not all(t.is_title for t in words)
                or span[-1].text in FACILITY_HEADS
            ):
                continue
            doc = span.doc
            if span.start and doc[span.start - 1].lower_ == "the":
                continue  # "in the East Room, the prime minister said": a place, not a name
            j = span.end
            if j >= len(doc) or doc[j].text != ",":
                continue
            j += 1
            if j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
                j += 1
            after = out[i + 1]
            if after.start == j and after.label_ in ("GPE", "NORP", "ORG") and i + 2 < len(out):
                j = after.end + (after.end < len(doc) and doc[after.end].text in POSSESSIVE)
                after = out[i + 2]
            if after.start == j and after.label_ == "TITLE":
                out[i] = _new(span, span.start, span.end, "PERSON")
        return out

    def _named_in_full(self, span: Span, alone: set[str]) -> bool:
        """ "a breakfast meeting with [Jean-Claude Juncker]" read as a body, where "Juncker"
        alone is a person: a short name of capitalised words that ends in a person's surname."""
        words = span.text.split()
        return (
            span.label_ == "ORG"
            and 1 < len(words) <= 3
            and words[-1] in alone
            # "Jean-Claude Juncker", not "Forvaltnings AB Providentia" or "Larsen Co. Dean"
            and all(w.istitle() and w.replace("-", "").isalpha() for w in words)
            and not any(w in ORG_HEADS for w in words)
            and self.gaz.canonical(span.text) is None
        )

    def _consistent_types(self, spans: list[Span]) -> list[Span]:
        """One type per name in a doc: surnames of people are people, majority decides the rest.

        Family names come first in some languages ("Wang Yi"): a person's first or last word
        alone is that person. Mentions the model missed altogether are added.
        """
        spans = self._coordinated(self._after_titles(self._facilities(spans)))
        # "Theresa May's Chequers plan" read as a body, where "May" alone is a person
        single = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1}
        full_names = {
            s.text
            for s in spans
            if (s.label_ == "PERSON" and len(s) > 1) or self._named_in_full(s, single)
        }
        # Any word of a full name, alone, is that person ("Hernandez" of "Arturo Hernandez
        # Grisanti", "Wang" of "Wang Yi").
        surnames = {
            w
            for name in full_names
            for word in name.split()
            # "Sisi" of "Abdel Fattah al-Sisi", "Assad" of "Bashar al-Assad"
            for w in {word, ARTICLE_PREFIX.sub("", word)}
            if _surname_like(w) and w not in self.gaz.aliases
        }
        # "Mrs May", "Mr Erdogan": a name after a form of address is a surname too.
        surnames |= {
            s.text
            for s in spans
            if s.label_ == "PERSON"
            and len(s) == 1
            and s.start > 0
            and s.doc[s.start - 1].text in self.gaz.honorifics
            and s.text not in self.gaz.aliases
        }
        # "President Trump returned": a name right after a person's title is a surname too.
        titled = {s.end for s in spans if s.label_ == "TITLE" and s[-1].is_title}
        surnames |= {
            s.text
            for s in spans
            if s.label_ == "PERSON"
            and len(s) == 1
            and s.start in titled
            and _surname_like(s.text)
            and s.text not in self.gaz.aliases
        }
        surnames -= self.prefixes_cased
        spans = [p for s in spans for p in self._of_people(s, full_names, surnames)]
        spans = spans + self._missed(spans, surnames)
        alone = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1}
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for s in spans:
            if _kind(s.label_) is not None and not s.id_:
                votes[s.text][s.label_] += 1
        out = []
        for s in spans:
            if s.label_ == "DATE" and s.text in surnames and _acts(s):
                out.append(_new(s, s.start, s.end, "PERSON"))  # "May will meet Varadkar"
            elif s.label_ == "NORP" and s.text in surnames and s.text not in self.gaz.demonyms:
                out.append(_new(s, s.start, s.end, "PERSON"))  # "Rouhani" as a nationality
            elif s.label_ in MISREAD_NAMES and s.text in surnames:
                out.append(_new(s, s.start, s.end, "PERSON"))  # "Schäuble" as a work of art
            elif s.id_ or _kind(s.label_) is None:
                out.append(s)
            elif s.text in full_names or s.text in surnames or self._named_in_full(s, alone):
                out.append(_new(s, s.start, s.end, "PERSON"))
            else:
                best = sorted(votes[s.text].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                out.append(_new(s, s.start, s.end, best) if best != s.label_ else s)
        return sorted(out, key=lambda s: s.start)

    def _of_people(self, span: Span, full_names: set[str], surnames: set[str]) -> Iterator[Span]:
        """Names the model ran together with a person's: "[Hernandez] of [Venezuela]", "the
        [Yeutter]-[de Clercq] meeting"; and two places joined by a slash ("Malaysian/Singapore
        cents"), which name no organization."""
        if span.label_ not in ("ORG", "GPE", "LOC", "FAC", "PERSON") or span.id_:
            yield span
            return
        doc = span.doc
        others = (full_names | surnames) - {span.text}

        def person(part: Span) -> bool:
            text = part.text
            return text in others or any(name.endswith((" " + text, "-" + text)) for name in others)

        def place(text: str) -> bool:
            return text in self.gaz.demonyms or self.gaz.canonical(text) is not None

        def listed(part: Span) -> bool:
            """ "Solana of Spain, Dini of Italy and Fischer of Germany": people in a list."""
            root = part.root
            return (
                len(part) == 1
                and root.pos_ == "PROPN"
                and part.text not in ORG_HEADS | NOT_NAMES
                and self.gaz.canonical(part.text) is None
                and (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children))
            )

        if len(span) == 1 and span.label_ in PLACE_LABELS and span.end + 1 < len(doc):
            # "[Dini] of Italy": the model took the surname for a place.
            country = next(
                (
                    self.gaz.entries[key]
                    for size in (3, 2, 1)
                    if (key := self.gaz.canonical(doc[span.end + 1 : span.end + 1 + size].text))
                ),
                None,
            )
            if (
                doc[span.end].lower_ == "of"
                and country is not None
                and country.category == "country"
                and (person(span) or listed(span))
            ):
                yield Span(doc, span.start, span.end, label="PERSON")
                return
        cut = next((t.i for t in span if t.text in ("-", "/", "of", "and")), None)
        if cut is None or cut in (span.start, span.end - 1):
            yield span
            return
        left, right = doc[span.start : cut], doc[cut + 1 : span.end]
        if doc[cut].text == "/" and place(left.text) and place(right.text):
            return
        if doc[cut].text == "and" and right[0].text in self.gaz.honorifics and len(right) > 1:
            right = right[1:]  # "[Turnbull] and Mr [Widodo]", run together by the model
        if doc[cut].text in ("-", "and") and person(left) and person(right):
            yield Span(doc, left.start, left.end, label="PERSON")
            yield Span(doc, right.start, right.end, label="PERSON")
            return
        if (
            doc[cut].text == "of"
            and span.label_ != "PERSON"
            and (person(left) or listed(left))
            and self.gaz.canonical(right.text)
        ):
            yield Span(doc, left.start, left.end, label="PERSON")
            canonical = self.gaz.canonical(right.text) or ""
            yield _new(right, right.start, right.end, _label_for(self.gaz, canonical), canonical)
            return
        yield span

    def _missed(self, spans: list[Span], surnames: set[str]) -> list[Span]:
        if not spans:
            return []
        doc = spans[0].doc
        taken = {t.i for s in spans for t in s}
        found = []
        for t in doc:
            # also a name whose label was dropped ("Trump" taken for an organization and then
            # for a common noun), but not a day or number ("May" as a month)
            if (
                t.text not in surnames
                or t.i in taken
                or not t.is_title
                or t.ent_type_ in NUMERIC_LABELS
            ):
                continue
            # with the given names the model left too: "Theresa May has held talks"
            start = t.i
            while (
                start > max(0, t.i - 2)
                and (given := doc[start - 1]).i not in taken
                and given.ent_type_ == ""
                and given.pos_ == "PROPN"
                and given.is_title
                and given.text not in self.prefixes_cased
                and self.gaz.canonical(given.text) is None
            ):
                start -= 1
            found.append(Span(doc, start, t.i + 1, label="PERSON"))
        return filter_spans(found)


# The Arabic article joined to a family name.
# Labels the model gives a surname it does not know as one ("Schäuble" as a work of art).
MISREAD_NAMES = {"WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE", "EVENT"}
ARTICLE_PREFIX = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa][dnrstz]h?)-(?=[A-Z])")


def _surname_like(word: str) -> bool:
    """Whether a word of a full name can stand alone for the person: "Hernandez", and short
    family names ("Xi", "Li", "Ri"), but no initial and no common word ("He", "An")."""
    if len(word) == 2:
        return (
            word.isalpha()
            and word[0].isupper()
            and word[1].islower()
            and (word.lower() not in STOP_WORDS)
        )
    return len(word) > 2 and word[0].isupper()


# Heads of bodies' names that some papers write in lower case: "the European commission".
LOWER_CASE_BODIES = {"commission", "council", "parliament", "court", "assembly", "committee"}
ROMAN = re.compile(r"(?:II|III|IV|VI|VII|VIII)")
MONTH_NAMES = set(calendar.month_name[1:])
WEEKDAY_NAMES = set(calendar.day_name)
MONTH_STEMS = {name[:3] for name in MONTH_NAMES}
MONTH_SHORT = MONTH_STEMS | {"Sept"}
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Parts of speech no name is made of.
FUNCTION_WORDS = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"}


def _deictic_days(doc: Doc, spans: list[Span]) -> list[Span]:
    """Words that name a day by the story's own ("today", "tomorrow") and the days of the week
    are dates even where the model left them untagged ("Later today X will meet Y", "Earlier
    Sunday, Kang held talks")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = [
        Span(doc, t.i, t.i + 1, label="DATE")
        for t in doc
        if (t.lower_ in DEICTIC_DAYS or t.text in WEEKDAY_NAMES)
        and t.i not in taken
        and not t.ent_type_
    ]
    return spans + found if found else spans


def _day_before_comma(span: Span) -> Span:
    """ "on Sunday, days after Pence visited": the day alone, not the span the model ran on."""
    if span.label_ != "DATE" or len(span) < 3 or span[0].text not in WEEKDAY_NAMES:
        return span
    rest = span[2:]
    if span[1].text != "," or any(t.like_num or t.text[:3] in MONTH_STEMS for t in rest):
        return span  # "Sunday, March 4" is one date
    return _new(span, span.start, span.start + 1, "DATE")


def _month_before_day(span: Span) -> Span:
    """ "on Apr 22", where the model took the day alone: the month's short name before it is
    the date's."""
    if span.label_ != "DATE" or span.start == 0 or not span[0].like_num:
        return span
    month = span.doc[span.start - 1]
    if month.ent_type_ or month.text.rstrip(".") not in MONTH_NAMES | MONTH_SHORT:
        return span
    return _new(span, span.start - 1, span.end, "DATE")


def _names_a_building(span: Span) -> bool:
    """A name the model took for a person that names a building ("the Capella hotel")."""
    root = span.root
    return (
        span.label_ == "PERSON"
        and root.dep_ == "compound"
        and root.head.is_lower
        and root.head.lemma_.lower() in BUILDING_WORDS
    )


def _name_goes_on(token: Token) -> bool:
    """Whether a name runs on into this token: a capitalised word, a particle ("Barend [du]
    Plessis") or a hyphen joined to the word before ("Mir[-]Hossein")."""
    if token.is_title or token.lower_ in NAME_PARTICLES:
        return True
    return token.text in ("-", "\u2010") and not token.nbor(-1).whitespace_


def _acts(span: Span) -> bool:
    """A one-word date that stands where a person does: "May said", "May's visit", "talks
    with May" (Theresa May), not "in May" or "May 3"."""
    root = span.root
    if len(span) != 1 or any(c.like_num for c in root.children):
        return False
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "by", "between")


@Language.factory(COMPONENT)
def make_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(load())


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once per doc: ``Doc.text`` joins every token on each call."""
    text = doc.user_data.get(TEXT)
    if not isinstance(text, str):
        text = doc.user_data[TEXT] = doc.text
    return text


def evidence(doc: Doc, start_char: int, end_char: int) -> Evidence:
    """Evidence for a character span of the doc's text, without surrounding white space."""
    text = doc_text(doc)
    while start_char < end_char and text[start_char].isspace():
        start_char += 1
    while end_char > start_char and text[end_char - 1].isspace():
        end_char -= 1
    return Evidence(
        article=str(doc.user_data.get(ARTICLE, "")),
        begin=start_char,
        end=end_char,
        text=text[start_char:end_char],
    )


def mention(span: Span, gaz: Gazetteer | None = None) -> Mention | None:
    """The mention a corrected entity span stands for, or None for other labels."""
    kind = _kind(span.label_)
    if kind is None or not any(c.isalpha() for c in span.text) or not _capitalised(span):
        return None
    gaz = gaz or load()
    entry = gaz.entries.get(span.id_)
    return Mention(
        kind=kind if entry is None else entry.kind,
        text=span.text,
        evidence=evidence(span.doc, span.start_char, span.end_char),
        key=span.id_,
        country=entry.country if entry is not None else ministry_country(span.id_, gaz),
        is_country=entry is not None and entry.category == "country",
        parent=entry.parent if entry is not None else None,
        confidence=_confidence(span, entry is not None),
        kin=kind is EntityKind.PERSON and _named_as_kin(span),
    )


# Words that name someone as another's relative: "first lady Melania Trump", "his wife Nancy
# Reagan", "the president's son-in-law Jared Kushner".
KIN = {
    "wife",
    "husband",
    "spouse",
    "widow",
    "son",
    "daughter",
    "law",
    "brother",
    "sister",
    "mother",
    "father",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
    "lady",
}


def _named_as_kin(span: Span) -> bool:
    """Whether a name follows a word for a relative ("first lady", "son-in-law")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in KIN:
        return False
    if before.lower_ == "lady":
        return span.start > 1 and span.doc[span.start - 2].lower_ == "first"
    if before.lower_ == "law":
        return span.doc[max(span.start - 3, 0) : span.start].text.lower().replace(" ", "") in (
            "-in-law",
            "in-law",
        )
    return True


# Particles that begin a surname in lower case: "de Clercq", "van der Bellen".
NAME_PARTICLES = {"al", "bin", "da", "de", "del", "der", "di", "du", "el", "la", "le", "van", "von"}


def _capitalised(span: Span) -> bool:
    """Whether a span is written as a name: capitalised, or a surname after its particles."""
    if span.text[0].isupper():
        return True
    words = [t for t in span if t.lower_ not in NAME_PARTICLES]
    return span.label_ == "PERSON" and bool(words) and words[0].text[0].isupper()


# Gazetteer names are the surest; the model's own names less so, one-word ones least (they
# are where the small model errs: "Intel", "State").
CONFIDENCE_GAZETTEER = 0.95
CONFIDENCE_KEYED = 0.85
CONFIDENCE_NAME = 0.8
CONFIDENCE_ONE_WORD = 0.65


def _confidence(span: Span, in_gazetteer: bool) -> float:
    if in_gazetteer:
        return CONFIDENCE_GAZETTEER
    if span.id_:
        return CONFIDENCE_KEYED
    return CONFIDENCE_NAME if len(span) > 1 else CONFIDENCE_ONE_WORD


def country_mention(span: Span, country: str) -> Mention:
    """A mention of a country by another word: a demonym ("Russian") or a capital ("Moscow")."""
    return Mention(
        kind=EntityKind.PLACE,
        text=span.text,
        evidence=evidence(span.doc, span.start_char, span.end_char),
        key=country,
        is_country=True,
        confidence=CONFIDENCE_KEYED,
    )


def ministry_country(key: str, gaz: Gazetteer) -> str | None:
    """The country of a ministry key such as "Russian Foreign Ministry"."""
    for adjective, country in gaz.demonyms.items():
        if key.startswith(adjective + " ") and key[len(adjective) + 1 :] in gaz.ministries.values():
            return country
    return None


def plural_countries(span: Span, gaz: Gazetteer) -> list[Mention]:
    """ "talks between the two Koreas", "the two Germanys": the two countries whose names
    share the word."""
    if span.label_ != "GPE" or len(span) != 1 or not span.text.endswith("s"):
        return []
    stem = span.text.removesuffix("ies") + "y" if span.text.endswith("ies") else span.text[:-1]
    named = sorted(
        name
        for name, entry in gaz.entries.items()
        if entry.category == "country" and stem in name.split()
    )
    if len(named) > 2:
        named = [name for name in named if name != stem]
    if len(named) != 2:
        return []
    return [country_mention(span, name) for name in named]


def mentions(doc: Doc) -> Iterable[Mention]:
    """Every person, organization and place mention of the doc."""
    gaz = load()
    for span in doc.ents:
        both = plural_countries(span, gaz)
        if both:
            yield from both
            continue
        found = mention(span, gaz)
        if found is not None:
            yield found
