"""Meetings: who met whom, where, when, and whether it was held, planned, proposed or cancelled.

A meeting is found from a trigger (a verb such as "meet", a noun such as "talks" or "summit", or
a council that is convened), then its arguments are read from the trigger's part of the
sentence: the trigger's own subtree, widened through the light verbs that carry it ("talks
are expected to take place", "a proposal to hold talks"), never into a clause that reports it
("..., the spokeswoman said on Thursday") or into relative clauses about something else.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.dates import Tense, count, lasting, resolve
from newsgraph.extract.entities import (
    CONFIDENCE_KEYED,
    HEADLINE,
    PUBLISHED,
    country_mention,
    doc_text,
    evidence,
    mention,
    plural_countries,
)
from newsgraph.extract.gazetteer import Gazetteer, load
from newsgraph.extract.roles import ENVOYS
from newsgraph.records import (
    DateRange,
    DateValue,
    EntityKind,
    Evidence,
    Meeting,
    MeetingStatus,
    Mention,
    Precision,
)

MEETING_VERBS = {"meet", "negotiate", "confer"}
# Verbs that make a meeting of their subject and a named guest: "Putin hosted Erdogan".
HOST_VERBS = {"host", "receive", "welcome", "greet"}
# A visit's destination is where it is and, as a country, the host side.
VISITS = {"visit", "trip", "tour"}
# Verbs of reaching a place: where one arrives is where one's visit or welcome is.
ARRIVALS = {"arrive", "land", "cross", "enter", "reach"}
MEETING_NOUNS = {
    "meeting",
    "talks",
    "negotiation",
    "negotiations",
    "consultation",
    "consultations",
    "summit",
    "session",
    "discussions",
    "visit",
    "trip",
    "conference",
    "parley",
    "round",
    "audience",
    "dialogue",
    "encounter",
}
# Encounters that are no meetings: "an armed encounter with the Taliban".
CLASHES = {"armed", "military", "violent", "deadly", "fatal", "naval", "close", "sexual"}
# "Held their first economic dialogue": a dialogue that is held is a meeting; one that is
# called for or welcomed is a way of dealing.
DIALOGUE_VERBS = {"hold", "host", "chair", "co-chair", "attend", "open"}
# Meals taken with someone named: "had lunch with Macron", "a working dinner with Abe".
MEALS = {"breakfast", "lunch", "luncheon", "dinner", "supper", "tea", "banquet"}
# Nouns that count only in the plural: "a talk" is a lecture, "discussion" a topic.
PLURAL_ONLY = {"talks", "discussions", "consultations", "negotiations"}
# Verbs by which someone takes part in talks told by a noun: "the talks, led by Doroscz".
LEADING = {"lead", "head", "chair", "attend", "join"}
NOT_MEETINGS = {"press", "news", "video", "phone", "telephone"}
# "paid a courtesy call on the president": a call that is a visit, where "call" is otherwise
# a proposal ("a call for talks") or a cancellation ("called off").
CALLS = {"call", "calls"}
# Verbs by which a body meets without naming whom it meets: "EU ministers will gather".
GATHERINGS = {"gather", "convene", "assemble"}
# Nouns for an organization's own gathering: "the annual meeting of the IADB".
OWN_GATHERINGS = {"meeting", "session", "conference", "summit", "assembly", "congress", "plenary"}
CONVENE_VERBS = {"convene", "hold", "host", "call", "chair"}
# Verbs and nouns that carry a meeting without being a party to it.
LIGHT = {
    "pay",
    "make",
    "take",
    "hold",
    "be",
    "expect",
    "schedule",
    "start",
    "begin",
    "resume",
    "continue",
    "end",
    "conclude",
    "wrap",
    "finish",
    "complete",
    "cap",
    "kick",
    "have",
    "initiate",
    "launch",
    "propose",
    "agree",
    "want",
    "seek",
    "ask",
    "request",
    "convene",
    "host",
    "arrange",
    "set",
    "slate",
    "open",
    "happen",
    "occur",
    "go",
    "look",
    "forward",
    "intend",
    "prepare",
    "attend",
    "receive",
    "accept",
    "reject",
    "cancel",
    "postpone",
    "delay",
    "suggest",
    "invite",
    "proposal",
    "invitation",
    "idea",
    "agreement",
    "decision",
    "hope",
    "aim",
    "due",
    "participate",
    "plan",
    "call",
    "join",
    "part",
    "offer",
    "fly",
    "travel",
    "arrive",
    "head",
    "involve",
    "include",
    "return",
    "demand",
    "push",
    "press",
    "move",
    "use",
}
# Prepositions that tie a meeting to the words that carry it ("look forward to talks", "plans
# for a summit"); "during the meeting" or "after the talks" only date another event.
CLIMB_PREPS = {"to", "for", "of", "on", "in", "into", "off", "from", "toward", "towards"}
# Whoever makes, gets or turns down a proposal of talks is a party to them, whatever the verb.
PROPOSAL_NOUNS = {
    "proposal",
    "offer",
    "invitation",
    "request",
    "initiative",
    "idea",
    "call",
    "plan",
}
REPORTING = {"say", "tell", "state", "add", "report", "stress", "note", "announce", "claim"}
BODY_HEADS = {"Council", "Commission", "Committee", "Assembly", "Board"}
PARTICIPANT_PREPS = {"between", "with", "of", "among", "from", "by"}
# Nouns for the people who meet on a country's behalf: "U.S. and Japanese officials met".
PEOPLE_NOUNS = {
    "ally",
    "member",
    "partner",
    "nation",
    "country",
    "state",
    "power",
    "creditor",
    "bank",
    "official",
    "delegation",
    "delegate",
    "negotiator",
    "minister",
    "leader",
    "diplomat",
    "envoy",
    "representative",
    "counterpart",
    "president",
    "premier",
    "chancellor",
    "government",
    "authority",
    "side",
    "team",
    "ambassador",
    "officer",
    "lawmaker",
    "senator",
    "chief",
    "head",
}
PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
FUTURE_WORDS = {
    "will",
    "would",
    "shall",
    "'ll",
    "expect",
    "plan",
    "intend",
    "schedule",
    "due",
    "set",
    "forward",
    "prepare",
    "hope",
    "aim",
    "going",
    "slate",
    "upcoming",
    "next",
    "future",
    "planned",
    "arrange",  # "are trying to arrange a meeting"
    "salvage",  # "try to salvage a summit"
    "rescue",
    "revive",
}
# Verbs whose infinitive tells of what is still to come: "agreed to meet", "want to visit".
INTENT_VERBS = {"agree", "decide", "want", "promise", "pledge", "vow", "seek", "try", "wish"}
PROPOSAL_WORDS = {
    "proposal",
    "propose",
    "ask",
    "offer",
    "suggest",
    "suggestion",
    "invite",
    "invitation",
    "call",
    "request",
    "idea",
    "initiative",
}
# Words by which the meeting carried up to them is sought ("is seeking talks", "wants talks",
# "pushed for talks", "efforts aimed at starting discussions", "moving towards talks"): only
# on the way up, not beside it ("held talks to seek support").
SEEKING = {"seek", "want", "demand", "push", "press", "effort", "toward", "towards"}
CANCEL_WORDS = {"cancel", "call", "postpone", "scrap", "suspend", "delay", "abandon", "off"}
# Words by which a meeting without parties is not the one told before but another.
OTHER_MEETING = {"a", "an", "another", "previous", "earlier", "prior", "next", "further", "new"}
DEFINITE = {"the", "this", "that", "these", "those", "their", "its", "his", "her", "our"}


@dataclass
class _Trigger:
    token: Token
    body: Span | None = None
    reference: bool = False
    """Tells who took part in a meeting told before ("The U.S. delegation was led by X")."""


# Who leads a delegation to a meeting takes part in it: "The delegations to the conference are
# headed by X of Venezuela, Y of Ecuador", "The U.S. delegation was led by Wendy Sherman".
DELEGATIONS = {"delegation", "team"}
# ... and so does who leads a side: "while the US side was led by Thomas Shannon".
LED_GROUPS = DELEGATIONS | {"side"}
DELEGATION_LEADS = {"lead", "head"}


def meetings(doc: Doc) -> Iterable[Meeting]:
    """Every meeting of the doc: one record per trigger with participants or a reference back."""
    gaz = load()
    published = doc.user_data.get(PUBLISHED)
    when = dt.date.fromisoformat(published) if isinstance(published, str) else dt.date.today()
    by_token = {t.i: s for s in doc.ents for t in s}
    previous: Span | None = None
    day: DateRange | None = None  # the day of the meeting told last, for "later that day"
    held_by: frozenset[str] = frozenset()  # the words of the names of those who met that day
    lede: DateRange | None = None  # the day of the story's news, told in its first sentences
    last: Meeting | None = None  # the meeting told last with a time or a place
    for number, sent in enumerate(sentences(doc)):
        triggers = list(_triggers(sent, by_token))
        trigger_tokens = {t.token.i for t in triggers}
        told: list[tuple[Meeting, Token]] = []
        for trigger in triggers:
            found = _meeting(trigger, trigger_tokens, by_token, gaz, when, sent, previous, day)
            if found is not None and number < LEDE_SENTENCES:
                found = _ended_that_day(found, trigger.token, when)
            if found is not None and number < STORY_OPENING:
                found = _on_the_lede_day(found, trigger.token, lede)
            if found is not None:
                told.append((found, trigger.token))
        for found, token in _elaborated(_beside_the_last(told, day, held_by)):
            if last is not None and _on_the_same_occasion(token, found, last):
                where, then = found.location or last.location, found.date or last.date
                found = replace(found, location=where, date=then)
            for each in _with_each(_over_days(found, token), token, gaz):
                yield from _one_by_one(each, token, by_token)
            yield from _and_again(found, token, by_token, when)
            if found.date is not None or found.location is not None:
                last = found
            dated = found.date
            if dated is not None and dated.end is None and dated.start.precision is Precision.DAY:
                day, held_by = dated, _name_words(found)
        if number < LEDE_SENTENCES and lede is None:
            lede = _lede_day(sent, when)  # for the sentences after it, not its own
        previous = sent


# "On the same trip, Netanyahu also met Clinton": the time and place of the meeting told last.
OCCASIONS = {"trip", "visit", "tour", "journey", "stay", "occasion", "day", "evening", "sidelines"}
# "On the margins of the summit May also held talks with Varadkar": beside the meeting told last.
MARGINS = {"margin", "margins", "sideline", "sidelines", "fringe", "fringes"}
# "During the visit he also met Trong": the visit told last, named bare.
VISITS = {"trip", "visit", "tour", "stay"}


def _on_the_same_occasion(token: Token, found: Meeting, last: Meeting) -> bool:
    """ "On the same trip", "that evening": the occasion of the meeting told last; "during
    the visit", "on the margins of the summit": that occasion too, when its parties are
    untold or one of them is a party here ("Abe met Reagan during his visit", told after the
    visit of another, is not of that visit)."""
    verb = token if token.pos_ == "VERB" else token.doc[_verb_of(token)]
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "On it, X met A and held ..."
    occasions = [
        g
        for v in verbs
        for c in v.children
        if c.dep_ == "prep" and c.lower_ in ("on", "during", "at")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(
        g.lemma_.lower() in OCCASIONS and any(d.lower_ in ("same", "that") for d in g.children)
        for g in occasions
    ):
        return True
    shared = bool(_name_words(found) & _name_words(last))
    return any(_on_the_margins(g, last) or (shared and _the_visit_told(g)) for g in occasions)


def _on_the_margins(word: Token, last: Meeting) -> bool:
    """ "the margins of the summit", "the sidelines of the meeting": of the summit or meeting
    told last."""
    return word.lower_ in MARGINS and any(
        c.lower_ == "of"
        and any(
            g.dep_ == "pobj"
            and any(d.lower_ in DEFINITE for d in g.children)
            and g.lemma_.lower() == last.trigger.lower()
            for g in c.children
        )
        for c in word.children
    )


def _the_visit_told(word: Token) -> bool:
    """ "the visit", "his trip"; not "his trip to Paris", which tells an occasion of its own."""
    return (
        word.lemma_.lower() in VISITS
        and any(c.lower_ in DEFINITE for c in word.children)
        and all(c.dep_ in ("det", "poss") for c in word.children)
    )


def _name_words(meeting: Meeting) -> frozenset[str]:
    return frozenset(word for p in meeting.participants for word in p.text.split())


def _beside_the_last(
    told: list[tuple[Meeting, Token]], day: DateRange | None, held_by: frozenset[str]
) -> list[tuple[Meeting, Token]]:
    """ "Before meeting with Bush, the Crown Prince paid a courtesy call on President Reagan":
    a meeting told as just before or after the one told last, held on its day, is on that
    day too."""
    if day is None:
        return told
    at = {token.i: found for found, token in told}
    out = list(told)
    for k, (found, token) in enumerate(told):
        if found.date is not None or found.status is not MeetingStatus.HELD:
            continue
        verb = token if token.pos_ == "VERB" else token.doc[_verb_of(token)]
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("before", "after"):
                heads = [g for g in c.children if g.dep_ in ("pcomp", "pobj")]
            elif c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("before", "after") for m in c.children
            ):
                heads = [c]
            else:
                continue
            beside = [at[g.i] for g in heads if g.i in at and g.i != token.i]
            if any(
                other.date in (None, day)
                and other.participants
                and all(set(p.text.split()) & held_by for p in other.participants)
                for other in beside
            ):
                out[k] = (replace(found, date=day), token)
    return out


def _elaborated(told: list[tuple[Meeting, Token]]) -> list[tuple[Meeting, Token]]:
    """ "Abe was the first leader to meet Trump, holding talks with the president-elect at
    Trump Tower on Nov. 17": talks told in a clause hung on a meeting's verb, naming none but
    its parties, are that meeting, and give it their place and day."""
    out = list(told)
    for found, token in told:
        verb = _climb(token)
        if not found.anaphoric or verb.dep_ != "advcl":
            continue
        names = {p.text for p in found.participants}
        for k, (other, at) in enumerate(out):
            if (
                (at.i == verb.head.i or verb.head in at.ancestors)
                and at not in verb.subtree
                and len(other.participants) > 1
                and names <= {p.text for p in other.participants}
                and other.status is found.status
                and not (other.location and found.location)
                and not (other.date and found.date)
            ):
                out[k] = (
                    replace(
                        other,
                        location=other.location or found.location,
                        date=other.date or found.date,
                    ),
                    at,
                )
                out.remove((found, token))
                break
    return out


END_PUNCT = {".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ";"}


# The sentences that may tell the story's news (a headline and its first sentence), and those
# that go on telling it: "Merkel and Macron agreed Tuesday to ... Merkel hosted Macron at
# Meseberg Castle": the hosting is Tuesday's.
LEDE_SENTENCES = 2
STORY_OPENING = 4


def _lede_day(sent: Span, published: dt.date) -> DateRange | None:
    """The day of what the sentence tells, when it is the story's day or the day before, and
    not only the day something was said ("Lavrov said on Monday that he met Blinken")."""
    for span in sent.ents:
        if span.label_ != "DATE":
            continue
        verb = span.doc[_verb_of(span.root)]
        if verb.lemma_.lower() in REPORTING or verb.tag_ != "VBD":
            continue
        found = resolve(span.text, published, Tense.PAST)
        if (
            found is not None
            and found.end is None
            and found.start.precision is Precision.DAY
            and 0 <= (published - dt.date.fromisoformat(found.start.iso)).days <= 1
        ):
            return found
    return None


# Words that tell a meeting's last day ("wrapped up two days of talks on Saturday", "at the
# end of a three-day visit") where its day is otherwise its first ("a two-day visit on Monday").
ENDINGS = {"end", "conclude", "wrap", "close", "finish", "complete"}
# The longest meeting told in days: "a 10-day tour".
MOST_DAYS = 14


def _ended_that_day(meeting: Meeting, trigger: Token, published: dt.date) -> Meeting:
    """ "The EC and Comecon ended talks here, delegates said": a meeting the story's first
    sentence tells as just ended, with no time of its own, ended on the story's day."""
    if meeting.date is not None or meeting.status is not MeetingStatus.HELD:
        return meeting
    verb = trigger.head
    if (
        trigger.dep_ not in ("dobj", "nsubj")
        or verb.lemma_.lower() not in ENDINGS
        or verb.tag_ != "VBD"
        or any(c.dep_ in ("aux", "neg") for c in verb.children)
    ):
        return meeting
    return replace(meeting, date=DateRange(DateValue(published.isoformat(), Precision.DAY)))


def _over_days(meeting: Meeting, trigger: Token) -> Meeting:
    """A meeting that lasts days spans them from the day told: "wrapped up two days of talks
    on Saturday" ran from Friday, "began a two-day visit on Monday" to Tuesday. Its length is
    told with it or, for one told with no length, by "the three-day talks" later on."""
    if meeting.date is None or meeting.date.start.precision is not Precision.DAY:
        return meeting
    days = _days_long(trigger)
    if days is None:
        lemma = trigger.lemma_.lower()
        days = next(
            (
                n
                for t in trigger.doc[trigger.i + 1 :]
                if t.lemma_.lower() == lemma
                and any(c.lower_ == "the" and c.dep_ == "det" for c in t.children)
                and (n := _days_long(t)) is not None
            ),
            None,
        )
    if days is None:
        return meeting
    return replace(meeting, date=lasting(meeting.date, days, ending=_ends(trigger)))


def _days_long(token: Token) -> int | None:
    """How many days a meeting lasts by its own words: "three-day talks", "two days of talks"."""
    days = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        days.append(token.head.head)  # "two days of informal talks"
    for day in days:
        if day.lemma_.lower() != "day":
            continue
        for c in day.children:
            n = count(c.text) if c.dep_ == "nummod" else None
            if n is not None and 1 < n <= MOST_DAYS:
                return n
    return None


def _ends(token: Token) -> bool:
    """The day told with the meeting is its last: "ended three-day talks on Friday", "at the
    end of a three-day visit", "the summit, which closed on Sunday"."""
    for c in token.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in ENDINGS:
            return True
    for above in token.ancestors:
        if above.lemma_.lower() in ENDINGS:
            return True
        if above.pos_ in ("VERB", "AUX"):
            return False
    return False


# Labels of the names a meeting told as before another may be with ("before meeting Abe").
NAMES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


def _partner(word: Token) -> bool:
    """A name met "with" or met: "with Abe", "meeting Abe"."""
    return word.ent_type_ in NAMES and (
        word.head.lower_ == "with" or word.head.lemma_.lower() in MEETING_VERBS
    )


def _on_the_lede_day(meeting: Meeting, trigger: Token, lede: DateRange | None) -> Meeting:
    """A meeting held without a day, told in the simple past near the top of a story whose
    news is of that day, is of that day; not one told as said, nor one of a span of time
    ("have met three times"), nor one before another ("had met")."""
    if lede is None or meeting.date is not None or meeting.status is not MeetingStatus.HELD:
        return meeting
    verb = trigger if trigger.pos_ == "VERB" else trigger.doc[_verb_of(trigger)]
    if verb.tag_ != "VBD" or any(c.dep_ == "aux" for c in verb.children):
        return meeting
    if any(t.lemma_.lower() in REPORTING for t in verb.ancestors):
        return meeting
    # "had met before", "last met in Hamburg", "before meeting with Abe"; but not "met ...
    # before expanded talks with their delegations, the first visit of his presidency"
    if any(
        (
            t.lower_ in SPAN_WORDS
            and not (t.dep_ == "prep" and not any(_partner(w) for w in t.subtree))
        )
        or (t.lower_ in ("first", "last") and t.dep_ == "advmod" and t.head.i == verb.i)
        for t in verb.subtree
    ):
        return meeting
    return replace(meeting, date=lede)


def _colon_dateline(sent: Span) -> bool:
    """ "Jerusalem: India and Israel on Wednesday ...", "WUHAN: Prime Minister ...": a place
    and a colon that open a paragraph are its dateline, not a sentence of their own."""
    words = sent[:-1]
    return (
        sent[-1].text == ":"
        and 0 < len(words) <= DATELINE_WORDS
        and all(t.text[0].isupper() or t.text == "-" for t in words)
        and (sent.start == 0 or "\n" in sent.doc[sent.start - 1].text_with_ws)
    )


DATELINE_WORDS = 3


def sentences(doc: Doc) -> Iterator[Span]:
    """The doc's sentences, rejoined where the parser split one without an ending punctuation."""
    start = 0
    for sent in doc.sents:
        last = doc[sent.end - 1]
        if (
            last.text in END_PUNCT
            or "\n" in last.whitespace_
            or last.is_space
            or (sent.end == len(doc))
        ) and not _colon_dateline(sent):
            yield doc[start : sent.end]
            start = sent.end
    if start < len(doc):
        yield doc[start:]


def _triggers(sent: Span, by_token: dict[int, Span]) -> Iterator[_Trigger]:
    for token in sent:
        lemma = token.lemma_.lower()
        lower = token.lower_
        if token.pos_ == "VERB" and (
            lemma in MEETING_VERBS
            or _sits_down_with(token)
            or _spoke_together(token)
            or _shook_hands(token)
            or _talks_together(token)
            or _calls_on(token, by_token)
        ):
            visit = token.head
            if token.dep_ in ("advcl", "xcomp") and visit.lemma_.lower() == "visit":
                continue  # "will visit Washington to meet Trump": told by the visit
            if _meets_people(token, by_token):
                yield _Trigger(token)
        elif token.pos_ in ("NOUN", "PROPN") and (lower in MEETING_NOUNS or lemma in MEETING_NOUNS):
            if (
                lemma in {"talk", "discussion", "consultation", "negotiation"}
                and lower not in PLURAL_ONLY
            ):
                continue
            if any(
                c.lower_ in NOT_MEETINGS for c in token.children if c.dep_ in ("compound", "amod")
            ):
                continue
            if lower == "round" and not any(c.lower_ == "of" for c in token.children):
                continue
            if lower == "audience" and not any(c.lower_ == "with" for c in token.children):
                continue  # "an audience with the Pope", not "told an audience of students"
            if lemma == "encounter" and (
                not any(c.lower_ in ("with", "between") or c.dep_ == "poss" for c in token.children)
                or any(c.lower_ in CLASHES for c in token.children)
            ):
                continue  # "a brief encounter with Ri", not "an armed encounter with the Taliban"
            if lemma == "dialogue" and not (
                token.dep_ == "dobj" and token.head.lemma_.lower() in DIALOGUE_VERBS
            ):
                continue
            if lemma == "trip" and not _trip_to_one_place(token, by_token):
                continue  # "a trip to North Korea", not "a trip to the US, France and Italy"
            if _frames_a_meeting(token) or _names_a_round(token):
                continue  # "will meet Kohl at a summit in Bonn": one meeting, told by the verb
            if _renames(token):
                continue  # "a three-day summit, his third meeting with Kim": told by the first
            yield _Trigger(token)
        elif lower in GUESTS and any(
            c.lower_ == "of" and any(by_token.get(g.i) is not None for g in c.children)
            for c in token.children
        ):
            yield _Trigger(token)  # "will be in Rome as the guests of President Cossiga"
        elif token.pos_ == "VERB" and lemma == "call" and _calls_on_in_person(token, by_token):
            yield _Trigger(token)  # "Bajwa called on President Ghani in Kabul on Sunday"
        elif token.pos_ == "VERB" and lemma == "tell" and _tells_in_person(token, by_token):
            yield _Trigger(token)  # "Netanyahu told Putin in Moscow on Wednesday that ..."
        elif token.pos_ == "VERB" and lemma in HANDING and _hands_over(token, by_token):
            yield _Trigger(token)  # "Kim Yong Chol delivered a letter from Kim to Trump"
        elif token.pos_ == "NOUN" and lemma in LED_GROUPS and _led_by(token):
            yield _Trigger(token, reference=True)  # "The U.S. delegation was led by Sherman"
        elif _present_at_it(token, by_token):
            yield _Trigger(token, reference=True)  # "Davis and Barnier were also present."
        elif token.pos_ == "NOUN" and lemma in MEALS and _with_someone(token, by_token):
            yield _Trigger(token)  # "had tea with Queen Elizabeth at Windsor Castle"
        elif lower in CALLS and any(c.lower_ == "courtesy" for c in token.children):
            yield _Trigger(token)  # "paid a courtesy call on the president": a visit
        elif token.pos_ == "VERB" and lemma == "visit" and _comes_for_talks(token):
            continue  # told by the talks: "will visit Russia for talks with Putin"
        elif _visiting(token):
            continue  # "met with visiting President Moon": who visits, told by the meeting
        elif token.pos_ == "VERB" and lemma in HOST_VERBS | {"visit"}:
            objects = [c for c in token.children if c.dep_ == "dobj"]
            # "hosted his Syrian counterpart Bashar al-Assad": the name in apposition
            objects += [a for o in objects for a in o.children if a.dep_ == "appos"]
            guests = [by_token.get(o.i) for o in objects]
            wanted = ("PERSON", "ORG", "GPE") if lemma == "visit" else ("PERSON", "ORG", "NORP")
            if (
                any(g is not None and g.label_ in wanted for g in guests)
                or _hosted_by(token, by_token)
                or (lemma != "visit" and _pronoun_guest(token, by_token) is not None)
            ):
                yield _Trigger(token)
        elif (
            token.pos_ == "VERB"
            and lemma in GATHERINGS
            and not any(c.dep_ in ("dobj", "auxpass") for c in token.children)
            and not any(c.lower_ == "for" for c in token.children)
        ):
            yield _Trigger(token)  # "EU foreign ministers will gather in Luxembourg on Monday"
        elif token.pos_ == "VERB" and lemma in CONVENE_VERBS:
            for child in token.children:
                body = by_token.get(child.i)
                if child.dep_ in ("dobj", "nsubjpass") and body is not None and _is_body(body):
                    yield _Trigger(token, body)


# Words by which one party meets several together: "a three-way summit", "met them jointly".
TOGETHER = {"summit", "trilateral", "three-way", "joint", "jointly", "together", "all", "both"}


def _named_by(head: Token, by_token: dict[int, Span]) -> Span | None:
    """The name that stands for an unnamed head: "Wallis, the under secretary" by its apposition,
    "the Senate Agriculture members" by their body."""
    for child in head.children:
        span = by_token.get(child.i)
        if span is None:
            continue
        if child.dep_ == "appos":
            return span
        if child.dep_ == "compound" and head.lower_ == "members" and span.label_ == "ORG":
            return span
    return None


def _trip_to_one_place(trip: Token, by_token: dict[int, Span]) -> bool:
    """Whether a trip goes to one place named after "to"."""
    places = [
        g
        for c in trip.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return (
        len(places) == 1
        and (span := by_token.get(places[0].i)) is not None
        and span.label_ in ("GPE", "LOC")
        and not any(c.dep_ == "conj" for c in places[0].children)
    )


def _one_by_one(meeting: Meeting, trigger: Token, by_token: dict[int, Span]) -> list[Meeting]:
    """ "Abdullah was scheduled to meet Whitehead, Weinberger and committee leaders": one
    party meeting several named one after another meets each of them, one meeting apiece
    (but "met Erdogan and Rouhani for a summit" is one meeting of three, and so is "hosted
    Erdogan and Rouhani")."""
    if meeting.anaphoric or meeting.body is not None or trigger.pos_ != "VERB":
        return [meeting]
    subject, _ = _acting_subject(trigger)
    if subject is None or subject.conjuncts or subject.tag_ in ("NNS", "NNPS"):
        return [meeting]
    heads = [c for c in trigger.children if c.dep_ == "dobj"]
    heads += [
        g
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if len(heads) != 1 or any(t.lower_ in TOGETHER for t in trigger.sent):
        return [meeting]
    if trigger.lemma_.lower() in HOST_VERBS:
        return [meeting]  # "Maas hosted Lavrov, Klimkin and Le Drian": guests of one meeting
    doc = trigger.doc
    objects = (heads[0], *heads[0].conjuncts)
    # "met Italian Prime Minister Berlusconi and German Chancellor Schroeder": leaders of
    # several countries met together; the officials of one host are met one by one.
    countries = {
        by_token[t.i].text
        for head in objects
        for t in head.subtree
        if t.i < head.i and t.i in by_token and by_token[t.i].label_ in ("NORP", "GPE")
    }
    if len(countries) > 1:
        return [meeting]
    sides: list[Mention] = []
    unnamed: set[Evidence] = set()
    for head in objects:
        if (span := by_token.get(head.i) or _named_by(head, by_token)) is None:
            # "met Baker and officials": the officials are no named party; nor are the names
            # inside ("and leaders of the House and Senate committees") shared by the others
            own = _own_tokens(head)
            unnamed |= {
                evidence(doc, s.start_char, s.end_char)
                for s in set(by_token.values())
                if s.start in own
            }
            continue
        found = evidence(doc, span.start_char, span.end_char)
        side = next((p for p in meeting.participants if p.evidence == found), None)
        if side is not None:
            sides.append(side)
    if len(sides) < 2:
        return [meeting]
    shared = tuple(p for p in meeting.participants if p not in sides and p.evidence not in unnamed)
    if not shared:
        return [meeting]
    if trigger.lemma_.lower() in VISITS:
        # "is to visit Thailand and Indonesia this week": each visit is to its own country
        return [
            replace(meeting, participants=(*shared, side), location=side)
            if side.kind is EntityKind.PLACE
            else replace(meeting, participants=(*shared, side))
            for side in sides
        ]
    return [replace(meeting, participants=(*shared, side)) for side in sides]


def _with_each(meeting: Meeting, trigger: Token, gaz: Gazetteer) -> list[Meeting]:
    """ "held talks with Netanyahu in Jerusalem and with Abbas in Bethlehem": a party meeting
    one side and then, "and with", another holds one meeting with each, each where it says."""
    doc = trigger.doc
    withs = [
        t
        for t in trigger.sent
        if t.lower_ == "with" and t.i > trigger.i and any(c.dep_ == "pobj" for c in t.children)
    ]
    if meeting.anaphoric or meeting.body is not None or len(withs) < 2:
        return [meeting]
    if any("and" not in {w.lower_ for w in doc[max(t.i - 3, 0) : t.i]} for t in withs[1:]):
        return [meeting]
    bounds = [t.idx for t in withs] + [trigger.sent.end_char]
    shared = tuple(p for p in meeting.participants if p.evidence.begin < bounds[0])
    if not shared:
        return [meeting]
    each: list[Meeting] = []
    for begin, end in itertools.pairwise(bounds):
        sides = tuple(p for p in meeting.participants if begin <= p.evidence.begin < end)
        if not sides:
            return [meeting]
        location = meeting.location
        if location is not None and location.evidence.begin >= bounds[0]:
            places = [
                span
                for span in doc.ents
                if begin <= span.start_char < end
                and span.label_ in ("GPE", "LOC")
                and doc[span.start - 1].lower_ in PLACE_PREPS
            ]
            location = mention(places[0], gaz) if places else None
        each.append(replace(meeting, participants=(*shared, *sides), location=location))
    return each


def _brings_together(clause: Token) -> bool:
    """ "Talks opened in Astana, bringing together delegations of the Syrian government and
    the opposition", "the summit brought together the leaders of Russia, Turkey and Iran":
    whom the talks bring together takes part in them."""
    return clause.lemma_.lower() == "bring" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "together" for c in clause.children
    )


def _own_tokens(head: Token) -> set[int]:
    """The words of one of several coordinated objects: its subtree without the others."""
    others = {t.i for c in head.children if c.dep_ in ("conj", "cc", "punct") for t in c.subtree}
    return {t.i for t in head.subtree} - others


def _hosted_by(verb: Token, by_token: dict[int, Span]) -> bool:
    """ "Abiy arrived in Asmara and was welcomed by President Isaias Afwerki": a host named
    in the passive."""
    if verb.lemma_.lower() not in HOST_VERBS or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(
        c.dep_ == "agent" and any(by_token.get(g.i) is not None for g in c.children)
        for c in verb.children
    )


def _pronoun_guest(verb: Token, by_token: dict[int, Span]) -> Token | None:
    """ "Mr Abiy arrived on Sunday. Mr Isaias greeted him on the tarmac": the "him" or "her"
    a named person hosts or meets, who stands for the subject of the sentence before."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in HOST_VERBS | MEETING_VERBS:
        return None
    subject = _subject(verb)
    named = by_token.get(subject.i) if subject is not None else None
    if named is None or named.label_ != "PERSON":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.lower_ == "with" for g in c.children]
    return next((o for o in objects if o.lower_ in ("him", "her")), None)


# Words by which a story names again a body it has named: "the alliance's summit".
BODY_KINDS = {"alliance", "bloc", "cartel", "organisation", "organization", "group", "union"}


def _body_named_as_kind(token: Token, previous: Span | None) -> Span | None:
    """ "Athens will lift its objections to FYROM joining NATO at the alliance's summit": the
    body "the alliance" names again, the last one named before it in the sentence or in the
    sentence before."""
    kinds = [
        c
        for c in token.children
        if c.dep_ == "poss"
        and c.lemma_.lower() in BODY_KINDS
        and any(d.lower_ == "the" for d in c.children)
    ]
    if not kinds:
        return None
    start = previous.start if previous is not None else token.sent.start
    bodies = [e for e in token.doc[start : kinds[0].i].ents if e.label_ == "ORG"]
    return bodies[-1] if bodies else None


def _named_before_as_him(token: Token, participants: list[Mention]) -> Span | None:
    """ "Pompeo first met Kim in April, and returned for a second meeting with him on May 9":
    the "him" or "her" a meeting's noun is with is the last person the sentence names before
    it who is not already a party."""
    if token.pos_ not in ("NOUN", "PROPN") or not any(
        c.lower_ == "with" and any(g.lower_ in ("him", "her") for g in c.children)
        for c in token.children
    ):
        return None
    taken = {p.text for p in participants}
    before = token.doc[token.sent.start : token.i].ents
    names = [e for e in before if e.label_ == "PERSON" and e.text not in taken]
    return names[-1] if names else None


def _visiting(token: Token) -> bool:
    """ "visiting" as an adjective: "met with visiting President Moon", "the visiting premier"."""
    if token.lower_ != "visiting":
        return False
    return token.dep_ == "amod" or (token.dep_ == "pcomp" and token.head.lower_ == "with")


# Verbs whose purpose clause readies a meeting told by its object ("to prepare for the summit").
READYING = {"prepare", "plan", "arrange", "organize", "organise", "discuss"}


def _prepared_for(trigger: Token, root: Token) -> bool:
    """A meeting noun that a purpose clause readies: its time is not that of the clause's
    verb ("officials met last week to prepare for the summit")."""
    return (
        trigger.pos_ in ("NOUN", "PROPN")
        and root.i != trigger.i
        and root.lemma_.lower() in READYING
        and root.dep_ in ("advcl", "xcomp")
        and _purpose(root)
    )


def _renames(noun: Token) -> bool:
    """A meeting noun in apposition to another, naming the same meeting again."""
    head = noun.head
    if noun.lemma_.lower() not in MEETING_NOUNS | {"talk"}:
        return False
    if noun.dep_ == "npadvmod" and head.pos_ in ("VERB", "AUX"):
        # "arrived for a two-day visit, his third trip to China this year", where the parser
        # hung the second name on the verb: the meeting noun that ends just before its comma
        comma = noun.left_edge.i - 1
        if comma < 0 or noun.doc[comma].text != ",":
            return False
        before = noun.doc[comma - 1]
        return before.lemma_.lower() in MEETING_NOUNS and head in before.ancestors
    return (
        noun.dep_ == "appos"
        and head.pos_ in ("NOUN", "PROPN")
        and (head.lower_ in MEETING_NOUNS or head.lemma_.lower() in MEETING_NOUNS)
    )


def _calls_on(verb: Token, by_token: dict[int, Span]) -> bool:
    """ "Modi will call on President Bhandari": a courtesy call on a person, not a call on
    someone to do something ("called on Nepal to speed up the projects")."""
    if verb.lemma_.lower() != "call" or any(
        c.dep_ in ("xcomp", "advcl", "ccomp") for t in (verb, *verb.children) for c in t.children
    ):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and any(
            g.dep_ == "pobj" and (s := by_token.get(g.i)) is not None and s.label_ == "PERSON"
            for g in c.children
        )
        for c in verb.children
    )


def _sits_down_with(verb: Token) -> bool:
    """ "Pence sat down with Sisi in Cairo": a meeting told as sitting down together."""
    return (
        verb.lemma_.lower() == "sit"
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    )


# Verbs by which a meeting is asked for or made known: their day is not the meeting's.
REQUEST_VERBS = {
    *("propose", "offer", "suggest", "invite", "call", "request", "ask", "seek", "urge"),
    *("demand", "announce"),
}


def _when_asked(date: Span, trigger: Token) -> bool:
    """Whether a date tells when talks told by a noun were asked for or announced ("on Friday
    proposed talks", "had asked for the meeting on Friday"), not when they are."""
    if trigger.pos_ not in ("NOUN", "PROPN") or date.root.i in {t.i for t in trigger.subtree}:
        return False
    node = date.root
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            asked = node.lemma_.lower() in REQUEST_VERBS
            return asked and any(a.i == node.i for a in trigger.ancestors)
    return False


def _talks_together(verb: Token) -> bool:
    """ "Obama and Putin talked for 90 minutes", "Abe talked with Xi in Da Nang": a talk face
    to face, not on the telephone."""
    if verb.lemma_.lower() != "talk" or any(t.lower_ in NOT_MEETINGS for t in verb.subtree):
        return False
    subject = _subject(verb)
    together = subject is not None and any(c.dep_ == "conj" for c in subject.children)
    return together or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def _spoke_together(verb: Token) -> bool:
    """ "Obama and Putin spoke briefly on the sidelines of the climate conference", "Obama and
    Duterte spoke privately in a holding room": two named people (or "the two") who speak
    together in person, not on the telephone, nor to or with others, nor at another's event
    ("spoke at a summit of business leaders")."""
    if verb.lemma_.lower() not in ("speak", "chat") or verb.pos_ != "VERB":
        return False
    subject = _subject(verb)
    if subject is None or any(t.lower_ in NOT_MEETINGS for t in verb.subtree):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if not _named_together(subject) or any(p.lower_ in ("to", "with") for p in preps):
        return False
    framed = any(g.lower_ in ("sidelines", "margins") for p in preps for g in p.children)
    return framed or any(c.dep_ == "advmod" and c.lower_ in PRIVATELY for c in verb.children)


PRIVATELY = {"briefly", "privately"}


def _named_together(subject: Token) -> bool:
    """A subject of two named people or more, or "the two"."""
    people = [t for t in (subject, *subject.conjuncts) if t.ent_type_ == "PERSON"]
    pair = subject.lower_ == "two" and any(c.lower_ == "the" for c in subject.children)
    return len(people) >= 2 or pair


def _shook_hands(verb: Token) -> bool:
    """ "Mattis and Xi shake hands at the Great Hall of the People on Wednesday", "Trump shook
    hands with Kim": two named people who shake hands meet; not when the handshake is told
    within a meeting told by its own word ("shake hands during a meeting")."""
    if verb.lemma_.lower() != "shake" or verb.pos_ != "VERB":
        return False
    if not any(c.dep_ == "dobj" and c.lower_ in ("hands", "hand") for c in verb.children):
        return False
    if any(t.lower_ in MEETING_NOUNS or t.lemma_.lower() in MEETING_NOUNS for t in verb.subtree):
        return False
    subject = _subject(verb)
    if subject is None:
        return False
    partner = any(
        g.ent_type_ == "PERSON"
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
    )
    return _named_together(subject) or (subject.ent_type_ == "PERSON" and partner)


def _frame_gathering(token: Token) -> Token | None:
    """The meeting noun a meeting is told as part of: "on the sidelines of a summit", "at a
    conference", "during the session"."""
    objects = [c for c in token.children if c.dep_ == "dobj"] if token.pos_ == "VERB" else []
    carrier = [token.head] if token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT else []
    # "held talks with Xi on Saturday on the sidelines of the G20 summit": on the light verb
    for prep in (
        *token.children,
        *(c for o in objects for c in o.children),
        *(c for v in carrier for c in v.children),
    ):
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "at", "during"):
            continue
        for noun in prep.children:
            if noun.lower_ in FRAME_HEADS:
                noun = next(
                    (g for c in noun.children if c.lower_ == "of" for g in c.children), noun
                )
            noun = _named_gathering(noun) or noun
            if noun.lower_ in MEETING_NOUNS or noun.lemma_.lower() in MEETING_NOUNS:
                return noun
    return None


def _named_gathering(name: Token) -> Token | None:
    """ "at the Group of 20 summit", parsed as "the Group of (20 summit)": the meeting noun the
    parser hung inside the body's name that stands before it."""
    if name.ent_type_ != "ORG":
        return None
    return next(
        (
            g
            for c in name.children
            if c.lower_ == "of"
            for g in c.children
            if g.lower_ in MEETING_NOUNS and g.doc[g.i - 1].ent_type_ == "ORG"
        ),
        None,
    )


def _name_around(noun: Token, by_token: dict[int, Span]) -> Span | None:
    """The body whose name the parser ran the meeting noun into (see ``_named_gathering``)."""
    span = by_token.get(noun.i - 1) if noun.i > 0 else None
    if span is None or span.label_ != "ORG" or span.end != noun.i:
        return None
    named = _named_gathering(span.root)
    return span if named is not None and named.i == noun.i else None


def _framed_meeting(noun: Token) -> Token | None:
    """The meeting verb told as part of a gathering noun ("met on the sidelines of the G20
    summit"), or None."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.lower_ in MEETING_NOUNS:
            # "met ...", or "held a meeting ..., on the sidelines of the G20 summit"
            meets = (
                node.lemma_.lower() in MEETING_VERBS
                or node.pos_ not in ("VERB", "AUX")
                or (
                    node.lemma_.lower() in LIGHT
                    and any(c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS for c in node.children)
                )
            )
            framed = _frame_gathering(node) if meets else None
            return node if framed is not None and framed.i == noun.i else None
    return None


def _said_of(verb: Token, skip: Token, by_token: dict[int, Span]) -> list[Span]:
    """The places and days hung on a verb itself ("met in Hamburg in July"), outside ``skip``."""
    inside = {t.i for t in skip.subtree}
    found: list[Span] = []
    # "met for the first time on Friday": a day the parser hung on the verb's phrase of time
    times = [
        c
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for n in p.children
        if n.lower_ == "time"
        for c in n.children
        if c.dep_ == "prep" and c.lower_ == "on"
    ]
    for child in [*verb.children, *times]:
        if child.i in inside:
            continue
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS | {"on"}:
            heads = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("npadvmod", "advmod"):
            heads = [child]
        else:
            continue
        for head in heads:
            span = by_token.get(head.i)
            if span is None:
                continue
            if span.label_ in ("DATE", "TIME") or (
                span.label_ in ("GPE", "LOC") and child.lower_ in PLACE_PREPS
            ):
                found.append(span)
    return found


def _frames_a_meeting(noun: Token) -> bool:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("at", "during", "on"):
        return False
    verb = prep.head
    if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "would meet Xi at the G20 summit", hung on the name
    return verb.pos_ == "VERB" and verb.lemma_.lower() in MEETING_VERBS


def _comes_for_talks(verb: Token) -> bool:
    return any(
        c.lower_ == "for" and any(g.lower_ in MEETING_NOUNS for g in c.children)
        for c in verb.children
    )


def _names_a_round(noun: Token) -> bool:
    """ "a new round of negotiations": the round is the meeting, the noun says of what."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lower_ in ("round", "rounds", "session", "sessions")
    )


def _meets_people(verb: Token, by_token: dict[int, Span]) -> bool:
    """ "met Kohl", "met with officials", but not "demand was met" or "meet their targets"."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return not any(
        child.dep_ == "dobj" and child.lemma_.lower() in MET_THINGS for child in verb.children
    )


# What is "met" without a meeting: "meet demand", "met its targets", "meet the deadline".
MET_THINGS = {
    "demand",
    "target",
    "goal",
    "need",
    "requirement",
    "criterion",
    "criteria",
    "condition",
    "deadline",
    "obligation",
    "expectation",
    "standard",
    "cost",
    "payment",
    "quota",
    "challenge",
    "shortfall",
    "threshold",
    "request",
    "objective",
    "estimate",
    "forecast",
    "commitment",
    "end",
}


def _is_body(span: Span) -> bool:
    return span.label_ == "ORG" and span[-1].text in BODY_HEADS


def _met_as_guest(span: Span) -> bool:
    """ "is to meet the Senate Finance Committee", "visited the committee": the body is met, as
    any other guest; it does not convene the meeting. Nor does the body of a party's post."""
    node = span.root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "meet the subcommittee and the Senate Finance Committee"
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.ent_type_ == "TITLE":
        return True  # "Tusk, the president of the European Council": a post, not a session
    return node.dep_ == "dobj" and node.head.lemma_.lower() in MEETING_VERBS | VISITS


def _body_named_before(trigger: Token, root: Token, by_token: dict[int, Span]) -> Span | None:
    """ "The ruling GATT Council deferred a decision ... before the next Council meeting": the
    head word of a body's name, alone, stands for the body the article last named with it."""
    for node in {trigger, root}:
        for child in node.children:
            if child.text not in BODY_HEADS or child.dep_ not in ("compound", "nsubj", "poss"):
                continue
            alone = by_token.get(child.i)
            if alone is not None and len(alone) > 1:
                continue
            earlier = [
                span
                for span in dict.fromkeys(by_token.values())
                if span.end <= child.i and _is_body(span) and span[-1].text == child.text
            ]
            if earlier:
                return earlier[-1]
    return None


# Nouns that measure out talks: "two days of talks", "hours of negotiations".
STRETCHES = {"day", "hour", "week", "month", "minute", "series", "couple"}


def _climb(token: Token) -> Token:
    """From the trigger up through the light verbs and nouns that carry it."""
    node = token
    while node.head.i != node.i:
        head = node.head
        if (
            node.dep_ in ("advcl", "xcomp")
            and (head.lemma_.lower() in GATHER_VERBS or _is_somewhere(head))
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        ):
            # "will travel to Moscow next week to meet Lavrov": the journey's end; "is in
            # Pyongyang today to meet Kim": where one is
            node = head
            continue
        if node.dep_ == "nsubj" and _brings_together(head):
            node = head  # "the summit brought together the leaders of Russia, Turkey and Iran"
            continue
        if node.lemma_.lower() in LED_GROUPS and _led_by(node):
            node = head  # "The delegations to the conference are headed by ..."
            continue
        if node.lemma_.lower() in MEALS and head.lower_ == "over":
            # "discussed the future relationship over dinner": the meal is the verb's
            node = head.head.head if head.head.dep_ == "dobj" else head.head
            continue
        if node.dep_ in ("ccomp", "parataxis", "conj", "advcl") or head.lemma_.lower() in REPORTING:
            break
        if head.pos_ == "ADP":
            if head.lower_ not in CLIMB_PREPS:
                break
            node = head
            continue
        if head.lemma_.lower() in LIGHT or head.lower_ in LIGHT:
            node = head
            continue
        if node.lower_ == "of" and head.lemma_.lower() in STRETCHES:
            node = head  # "arrived for two days of talks with North Korean officials"
            continue
        if node.lower_ == "for" and (
            head.lemma_.lower() in GATHER_VERBS or _leads_a_delegation(head)
        ):
            node = head  # "will lead a delegation to Washington next week for trade talks"
            continue
        if node.lemma_.lower() in PROPOSAL_NOUNS and head.pos_ in ("VERB", "AUX"):
            node = head
            continue
        break
    return node


def _leads_a_delegation(verb: Token) -> bool:
    """ "Liu He will lead a delegation to Washington": a journey, as "travel" is."""
    return verb.lemma_.lower() in DELEGATION_LEADS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DELEGATIONS for c in verb.children
    )


def _present_at_it(verb: Token, by_token: dict[int, Span]) -> bool:
    """ "Lavrov and Cavusoglu also attended", "Davis and Barnier were also present": named
    people at the meeting told before, which the sentence does not name again."""
    lemma = verb.lemma_.lower()
    if lemma == "attend" and verb.pos_ == "VERB":
        if any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "nsubjpass") for c in verb.children):
            return False
    elif not (
        lemma == "be" and any(c.dep_ == "acomp" and c.lower_ == "present" for c in verb.children)
    ):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        (span := by_token.get(t.i)) is not None and span.label_ in ("PERSON", "ORG", "GPE")
        for s in subjects
        for t in (s, *s.conjuncts)
    )


def _led_by(delegation: Token) -> bool:
    """ "the delegations ... are headed by": a delegation whose leader the passive names."""
    verb = delegation.head
    return (
        delegation.dep_ == "nsubjpass"
        and verb.lemma_.lower() in DELEGATION_LEADS
        and any(c.dep_ == "agent" for c in verb.children)
    )


DASHES = {"-", "--", "\u2013", "\u2014"}


def _agency_credit(span: Span) -> bool:
    """The agency of a dateline, in brackets before a dash: "SINGAPORE (Reuters) -"."""
    doc = span.doc
    return (
        span.start > 0
        and span.end + 1 < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
        and doc[span.end + 1].text in DASHES
    )


def _is_somewhere(verb: Token) -> bool:
    """ "is in Washington today": a copula that says where its subject is."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") for c in verb.children
    )


def _region(root: Token, trigger: Token, others: set[int], sentence: Span) -> list[Token]:
    """The tokens whose entities may be the trigger's arguments."""
    out: list[Token] = []
    stack = [root]
    path = {root.i, *(t.i for t in trigger.ancestors), trigger.i}
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.i in others and child.i != trigger.i:
                continue  # another meeting's arguments
            if (
                child.i not in path
                and child.dep_ in ("ccomp", "parataxis", "advcl", "csubj")
                and not (child.dep_ == "advcl" and child.lemma_.lower() in MEETING_VERBS)
                and not (node.i in (trigger.i, root.i) and _brings_together(child))
            ):
                # "met here to discuss the debt crisis today": the purpose's own day is the
                # meeting's, when the parser hung it there
                if child.dep_ == "advcl" and node.i == trigger.i and _purpose(child):
                    out.extend(
                        t
                        for c in child.children
                        if c.dep_ in ("npadvmod", "prep")
                        for t in c.subtree
                        if t.ent_type_ in ("DATE", "TIME")
                    )
                continue  # but "visit Washington to meet Trump" tells who the visit is with
            # A coordinated clause with a subject of its own tells of something else, and so
            # does one that tells of another meeting ("met Pena Nieto and will hold talks with
            # Xi on Saturday").
            if (
                child.dep_ == "conj"
                and child.pos_ in ("VERB", "AUX")
                and (_subject(child) or any(t.i in others for t in child.subtree))
            ):
                continue
            # A relative clause counts only when it tells of the trigger ("which took place").
            # "his summit with Kim, which had been scheduled for June 12": "which" is no person,
            # so it tells of the meeting even where the parser hung it on the name.
            tells = child.lemma_.lower() in LIGHT and (
                node.i == trigger.i
                or any(c.lower_ == "which" and c.dep_.startswith("nsubj") for c in child.children)
            )
            # "the talks, led on the Polish side by Doroscz": who leads them takes part.
            tells = tells or (child.dep_ == "acl" and child.lemma_.lower() in LEADING)
            if child.dep_ in ("relcl", "acl") and child.i not in path and not tells:
                continue
            stack.append(child)
    # "Wang Yi, who met Blinken in Rome", "Akiman, who arrived from a meeting with
    # Papandreou": the relative pronoun stands for the name before it.
    if root.dep_ == "relcl" and any(
        (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which"))
        or (c.dep_ == "dobj" and c.lower_ in ("whom", "who"))  # "Obama, whom he met"
        for c in root.children
    ):
        inside = {t.i for t in root.subtree}
        named = root.head
        if any(c.lower_ in ("who", "whom") for c in root.children):
            # "Kim Jong Un, chairman of the Workers' Party ..., who paid a visit": "who" is the
            # person the apposition hangs on, not the last noun of the title
            while named.ent_type_ != "PERSON" and named.dep_ in ("appos", "pobj", "prep", "conj"):
                named = named.head
            if named.ent_type_ != "PERSON":
                named = root.head
        if named.i != root.head.i:
            out.extend(t for t in named.doc[named.left_edge.i : named.i + 1] if t.i not in inside)
        else:
            out.extend(t for t in root.head.subtree if t.i not in inside and t.i < root.i)
    # "Reagan will travel to Berlin and will meet Kohl", "Xi will travel to the US next month
    # to meet Trump": the subject is the first verb's, and so is the time.
    # "... and would have an audience with the Pope": the light verb carries the noun.
    verb = trigger if trigger.pos_ == "VERB" else root
    governor = verb.head
    if verb.dep_ == "pcomp" and governor.pos_ == "ADP":
        governor = _told_of(governor)  # "Before meeting Trump, the prince visited the Pentagon"
    # "Speaking after meeting Li, Turnbull said": up through verbs that have no subject either
    for _ in range(2):
        if _subject(governor) or governor.dep_ not in ("advcl", "xcomp", "pcomp", "conj"):
            break
        governor = governor.head.head if governor.head.pos_ == "ADP" else governor.head
    if (
        verb.pos_ in ("VERB", "AUX")
        and verb.dep_ in ("conj", "advcl", "xcomp", "pcomp")
        and not _subject(verb)
        and governor.pos_ in ("VERB", "AUX")
    ):
        shared = _subject(governor)
        if shared is not None:
            # all of it, where the parser split a name into two subjects ("Minister Adel
            # al-Jubeir": "Minister Adel al-" and "Jubeir")
            for subject in governor.children:
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    out.extend(subject.subtree)
            if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS:
                return _extend_right(out, sentence)  # "spoke on Tuesday and agreed to meet"
            # "arrived in Asmara on Sunday and was welcomed by Isaias": where they arrived, too;
            # "hosted Trump earlier in the day and also met with Putin": the time, too
            arrived = governor.lemma_.lower() in ARRIVALS
            out.extend(
                t
                for c in governor.children
                if c.dep_ in ("npadvmod", "prep", "advmod") and c.i < trigger.i and c.lower_ != "to"
                for t in c.subtree
                if t.ent_type_ in ("DATE", "TIME")
                or (arrived and c.lower_ in ("in", "at") and t.ent_type_ in ("GPE", "LOC", "FAC"))
            )
    # "Mr Tillerson, who is on his first tour of Africa, earlier held talks with Juma", parsed
    # with "held" an adjective of the talks and the talks in apposition to the name
    if _held_in_apposition(trigger):
        out.append(trigger.head)
    # "Kenyatta and Odinga on Friday stunned the country when they held talks", "met in Berlin
    # in October, when Merkel hosted Putin and Poroshenko": the time and place of what the
    # meeting happened at
    if (
        verb.dep_ == "advcl"
        and any(c.lower_ == "when" and c.dep_ == "advmod" for c in verb.children)
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        out.extend(
            t
            for c in verb.head.children
            if c.dep_ in ("npadvmod", "prep") and c.i < verb.i
            for t in c.subtree
            if t.ent_type_ in ("DATE", "TIME")
            or (c.lower_ in ("in", "at") and t.ent_type_ in ("GPE", "LOC", "FAC"))
        )
    # "Merkel and Trump sought to project harmony at the White House on Friday, but their
    # brief meeting produced no sign ...": the time and place of the clause whose subjects
    # "their" are
    if (theirs := _subject_of_their(trigger)) is not None:
        before = [t for t in theirs.head.subtree if t.i < trigger.i]
        out.extend(t for t in before if t.ent_type_ in ("DATE", "TIME"))
        out.extend(
            t
            for prep in before
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
            for t in prep.subtree
            if t.ent_type_ in ("GPE", "LOC", "FAC", "ORG")
        )
    # "Abe was the first foreign leader to meet Trump", "after becoming the first leader to
    # hold talks with him": the one who is that leader
    if _first_to(verb):
        leader = _subject_of_clause(verb.head.head)
        if leader is not None:
            out.extend(leader.subtree)
    return _extend_right(out, sentence)


def _first_to(verb: Token) -> bool:
    """ "was the first foreign leader to meet Trump": a verb that tells what makes someone
    that one."""
    return verb.dep_ in ("acl", "relcl") and _purpose(verb) and verb.head.dep_ in ("attr", "oprd")


def _subject_of_their(trigger: Token) -> Token | None:
    """ "A and B met the press, but their meeting ...": the subject of the clause before,
    when it names several and "their" meeting is the subject or object of the next."""
    if not any(c.dep_ == "poss" and c.lower_ == "their" for c in trigger.children):
        return None
    verb = trigger.head
    if trigger.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.dep_ != "conj":
        return None
    subject = _subject(verb.head)
    if subject is None or not any(c.dep_ == "conj" for c in subject.children):
        return None
    return subject


def _their(trigger: Token, by_token: dict[int, Span], gaz: Gazetteer) -> list[Mention]:
    """The parties "their" meeting is of: those named together as the subject of the clause
    before ("Merkel and Trump sought ..., but their brief meeting produced no sign")."""
    subject = _subject_of_their(trigger)
    if subject is None:
        return _their_company(trigger, by_token, gaz)
    words = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    return _parties_named(words, by_token, gaz)


def _their_company(trigger: Token, by_token: dict[int, Span], gaz: Gazetteer) -> list[Mention]:
    """ "Speaking at a news conference with Jens Stoltenberg after their talks, Trump said",
    "Erdogan has told his U.S. counterpart Donald Trump that ..., during their first meeting":
    "their" are the one who does what the phrase hangs on and those with them in it or to
    whom it is done."""
    if trigger.dep_ != "pobj" or not any(
        c.dep_ == "poss" and c.lower_ == "their" for c in trigger.children
    ):
        return []
    verb = _told_of(trigger.head)
    subject = _acting_subject(verb)[0] if verb.pos_ in ("VERB", "AUX") else None
    # "with" on the verb, or on what one of its phrases names ("a news conference with")
    near = [verb, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    company = [
        g
        for t in near
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == "with" and c.i < trigger.i
        for g in c.children
        if g.dep_ == "pobj"
    ]
    company += _addressees(verb)
    company += [
        a
        for c in verb.children
        if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in {"counterpart", *PEOPLE_NOUNS}
        for a in c.children
        if a.dep_ == "appos"
    ]
    company = [w for w in company if w.ent_type_ in ("PERSON", "TITLE")]
    if subject is None or not company:
        return []
    if subject.lower_ in ("he", "she"):
        # "as he welcomed Prime Minister Benjamin Netanyahu for their first meeting"
        owner = _clause_owner(verb, by_token, gaz)
        return [owner, *_parties_named(company, by_token, gaz)] if owner is not None else []
    return _parties_named([subject, *company], by_token, gaz)


def _held_in_apposition(trigger: Token) -> bool:
    """Talks the parser read as "[Tillerson], ..., earlier [held] talks": a meeting noun in
    apposition to a person's name, with a light verb as its adjective."""
    return (
        trigger.dep_ == "appos"
        and trigger.head.ent_type_ == "PERSON"
        and any(c.dep_ == "amod" and c.lemma_.lower() in LIGHT for c in trigger.children)
    )


def _told_of(prep: Token) -> Token:
    """The word a preposition's phrase tells of: its head; or, where a comma sets it off from
    words reported, the reporting verb ("May has said Trump is behind Nato, after becoming
    ...": what follows the comma is told of her, though the parser hung it on her words)."""
    head = prep.head
    if (
        head.dep_ == "ccomp"
        and head.head.lemma_.lower() in REPORTING
        and prep.i > 0
        and prep.nbor(-1).text == ","
    ):
        return head.head
    return head


def _subject_of_clause(verb: Token) -> Token | None:
    """The subject of a verb, or of the verbs it hangs from when it has none ("Theresa May
    said ..., after becoming the first leader to ...")."""
    for _ in range(3):
        subject = _subject(verb)
        if subject is not None:
            return subject
        if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP":
            verb = _told_of(verb.head)
        elif verb.dep_ in ("advcl", "xcomp", "conj"):
            verb = verb.head
        else:
            return None
    return None


def _purpose(verb: Token) -> bool:
    """An infinitive clause without a subject of its own: "met to discuss"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not _subject(verb)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; or a person's name the parser took for a modal ("Theresa May held
    talks", with "May" as "may")."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "aux" and c.ent_type_ == "PERSON")
        ),
        None,
    )


def _acting_subject(verb: Token) -> tuple[Token | None, Token]:
    """A verb's subject, or that of the verb it hangs from when it has none of its own ("was
    scheduled to meet", "Speaking after talks with Modi, Netanyahu said", "held ... and will
    meet again"); and the verb whose subject it is."""
    subject = _subject(verb)
    while subject is None and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
        subject = _subject(verb)
    return subject, verb


# What may follow a meeting's words when the parser hung it elsewhere: "(OSCE) Permanent
# Council in Vienna on January 13". Punctuation other than brackets, a conjunction or a verb
# ends it.
TRAILING_PREPS = {"in", "at", "on", "near", "outside"}


def _extend_right(region: list[Token], sent: Span) -> list[Token]:
    ids = {t.i for t in region}
    i = max(ids) + 1
    doc = sent.doc
    while i < sent.end:
        token = doc[i]
        if token.i in ids:
            i += 1
            continue
        if token.text == ")" or (
            token.ent_type_
            and token.ent_type_ not in ("DATE",)
            and token.i > 0
            and doc[token.i - 1].text == ")"
        ):
            ids.add(token.i)
            i += 1
            continue
        if token.ent_iob_ == "I" and (token.i - 1) in ids:
            ids.add(token.i)
            i += 1
            continue
        if token.ent_iob_ == "B" and token.ent_type_ in ("DATE", "TIME") and i - 1 in ids:
            # "a meeting later this month between Yeutter and de Clercq", hung elsewhere
            end = i + 1
            while end < sent.end and doc[end].ent_iob_ == "I":
                end += 1
            ids.update(range(i, end))
            i = end
            continue
        if token.lower_ in ("between", "among") and i - 1 in ids:
            tail = sorted(t.i for t in token.subtree)
            if tail[0] == i and tail[-1] - tail[0] + 1 == len(tail):
                ids.update(tail)
                i = tail[-1] + 1
                continue
        if token.lower_ in TRAILING_PREPS and i + 1 < sent.end:
            j = i + 1
            while j < sent.end and doc[j].lower_ in ("the", "a"):
                j += 1
            if j < sent.end and doc[j].ent_type_ in ("DATE", "GPE", "LOC", "FAC"):
                end = j + 1
                while end < sent.end and doc[end].ent_iob_ == "I":
                    end += 1
                ids.update(range(i, end))
                i = end
                continue
        break
    return [doc[k] for k in sorted(ids)]


def _and_again(
    meeting: Meeting, trigger: Token, by_token: dict[int, Span], published: dt.date
) -> Iterator[Meeting]:
    """ "two rounds of talks between Kerry and Lavrov on Sunday and again on Monday morning":
    the same parties met once more on the day told after "and again"."""
    if meeting.date is None:
        return
    doc = trigger.doc
    tense = Tense.FUTURE if meeting.status is MeetingStatus.PLANNED else Tense.PAST
    for word in doc[trigger.i + 1 : trigger.sent.end - 2]:
        before = by_token.get(word.i - 1)
        if not (word.lower_ == "and" and doc[word.i + 1].lower_ == "again") or before is None:
            continue
        if before.label_ not in ("DATE", "TIME") or not _resolves_to(before, meeting, published):
            continue
        then = by_token.get(word.i + 3)
        if doc[word.i + 2].lower_ in ("on", "in") and then is not None and then.label_ == "DATE":
            date = resolve(then.text, published, tense)
            if date is not None and date != meeting.date:
                yield replace(meeting, date=date)


def _resolves_to(span: Span, meeting: Meeting, published: dt.date) -> bool:
    """Whether a time is the meeting's day: "Sunday", or "Sunday morning" of a Sunday."""
    if span.label_ == "TIME" and span.start > 0 and span.doc[span.start - 1].ent_type_ == "DATE":
        span = span.doc[span.start - 1 : span.start]
    found = resolve(span.text, published, Tense.PAST)
    return meeting.date is not None and found is not None and found.start == meeting.date.start


# Words that end the second side of "between": "and the Russian foreign minister, Sergei
# Lavrov, on Sunday".
BETWEEN_ENDS = {"on", "in", "at", "during", "after", "before", "since", "last", "this", "next"}


def _between_rest(token: Token, by_token: dict[int, Span]) -> Span | None:
    """ "talks between the US secretary of state, John Kerry, and the Russian foreign
    minister, Sergei Lavrov": the side after "and" that the parser hung elsewhere, the first
    name up to the next verb or time or place word."""
    doc = token.doc
    for prep in _betweens(token):
        i = prep.right_edge.i + 1
        while i < len(doc) and doc[i].text == ",":
            i += 1
        if i >= len(doc) or doc[i].lower_ != "and" or doc[i].head.i in range(prep.i, i):
            continue
        for word in doc[i + 1 : token.sent.end]:
            if word.pos_ in ("VERB", "AUX") or word.lower_ in BETWEEN_ENDS or word.text in ".;":
                break
            span = by_token.get(word.i)
            if span is not None and span.label_ in ("PERSON", "ORG", "GPE"):
                return span
    return None


def _betweens(token: Token) -> list[Token]:
    """The "between" of a meeting's word, or of the talks it counts ("two rounds of talks")."""
    nouns = [token, *(g for c in token.children if c.lower_ == "of" for g in c.children)]
    return [c for noun in nouns for c in noun.children if c.lower_ == "between"]


def _last_between(token: Token) -> Span | None:
    """The last person named in a meeting's "between": "between A, B, and the minister, C"."""
    doc = token.doc
    names = [
        e
        for prep in _betweens(token)
        for e in doc[prep.left_edge.i : prep.right_edge.i + 1].ents
        if e.label_ == "PERSON"
    ]
    return names[-1] if names else None


def _time_right_after(span: Span, by_token: dict[int, Span]) -> Span | None:
    """A day told right after a name, set off by a comma: "..., Sergei Lavrov, on Sunday"."""
    doc = span.doc
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("on", "in"):
        found = by_token.get(i + 2)
        if found is not None and found.start == i + 2 and found.label_ == "DATE":
            return found
    return None


def _distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return 99
    return up_a.index(common) + up_b.index(common)


# "of", "from" and "by" name a party only next to the meeting or its people ("a meeting of
# OPEC", "delegations from Russia", "a proposal by NATO"), not deep in a topic ("removal of
# U.S. sanctions").
LOOSE_PREPS = {"of", "from", "by"}


# Nouns that a place name follows with "of": "the city of Basra", "the resort of Sochi".
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "resort",
    "port",
    "capital",
    "region",
    "province",
    "prefecture",
    "island",
}


# Nouns a place name qualifies without being a place: "a summit in the Normandy format".
WAYS = {"format", "style", "process", "model", "framework", "mechanism", "formula", "manner"}
# Places within a town: "Pyongyang's airport" is in Pyongyang, not its government's.
SITES = PLACE_NOUNS | {"airport", "street", "outskirts", "suburb", "palace", "residence", "hotel"}


def _site_of(span: Span) -> bool:
    return span.root.dep_ == "poss" and span.root.head.lemma_.lower() in SITES


def _who_does(clause: Token) -> bool:
    """A relative clause whose subject is "who": it tells what the name it hangs on did."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in clause.children
    )


def _governing_prep(token: Token, stop: Token, trigger: Token) -> str | None:
    """The preposition an entity hangs from, through conjunctions and modifiers."""
    node = token
    if node.i == stop.head.i and _who_does(stop):
        return None  # "the first visit for Mnuchin, who held talks with ...": the one who held
    while node.head.i != node.i and node.i not in (stop.i, trigger.i):
        if node.dep_ in ("pobj", "agent"):
            prep = node.head if node.dep_ == "pobj" else node
            if not prep.is_lower and (prep.ent_type_ == "TITLE" or _same_name(prep, node)):
                # "Barack Obama and Vladimir Putin", "Under Secretary of State Thomas Shannon":
                # a word of a name or a title misread as a preposition
                node = prep
                continue
            if prep.lower_ == "to" and prep.head.lower_ in ENVOYS:
                if node.ent_type_ != "PERSON":
                    return "about"  # "the U.S. ambassador to the United Nations": a post
                node = prep.head  # "Ambassador to Athens Nazmi Akiman", misread by the parser
                continue
            if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
                node = prep.head  # "at the border village of Panmunjom"
                continue
            if prep.lower_ in LOOSE_PREPS:
                owner = prep.head
                if owner.dep_ == "pobj" and owner.head.lower_ == "at":
                    return "about"  # "at the request of the United States"
                if owner.i != trigger.i and not (
                    owner.lemma_.lower() in PEOPLE_NOUNS | PROPOSAL_NOUNS
                    # "The delegation, led by Lavrov, will visit Tokyo": who leads it goes
                    # "a summit hosted by Museveni": who hosts it takes part
                    or (prep.dep_ == "agent" and owner.lemma_.lower() in LEADING | HOST_VERBS)
                    or owner.lower_ in MEETING_NOUNS
                    # "Deputy Finance Ministers from the G10", but not a party's own post
                    # ("Kim Jong Un, chairman of the Workers' Party of Korea")
                    or (owner.ent_type_ == "TITLE" and owner.dep_ != "appos")
                ):
                    return "about"
                if (
                    prep.lower_ == "of"
                    and owner.lemma_.lower() in PEOPLE_NOUNS
                    and (
                        (owner.dep_ == "pobj" and owner.head.lower_ == "with")
                        or (owner.dep_ == "dobj" and _brings_together(owner.head))
                    )
                ):
                    # "met with members of the House Agriculture Committee", "bringing
                    # together delegations of the Syrian government"
                    node = owner
                    continue
            return prep.lower_
        if node.dep_ not in ("conj", "appos", "compound", "cc", "amod", "nummod", "det", "punct"):
            return None
        node = node.head
    return None


def _same_name(a: Token, b: Token) -> bool:
    """True when two tokens are words of one named entity."""
    first, last = sorted((a, b), key=lambda t: t.i)
    return bool(first.ent_type_) and all(
        t.ent_iob_ == "I" for t in first.doc[first.i + 1 : last.i + 1]
    )


def _is_modifier(span: Span, by_token: dict[int, Span]) -> bool:
    """True for an entity that only qualifies a person ("US" in "US Secretary of State Antony
    Blinken", "Gazprom" in "Gazprom chairman Alexei Miller", "GM" in "GM's Rick Wagoner")."""
    node = span.root
    while node.dep_ in ("compound", "nmod", "poss", "amod") and node.head.i != node.i:
        node = node.head
        head = by_token.get(node.i)
        if head is not None and head is not span:
            if span.doc[span.end : head.start].text in ("-", "\u2013"):
                return False  # "the Macron-Scholz talks": a pair, not a qualifier
            if head.label_ == "TITLE" and head[-1].tag_ == "NNS":
                return False  # "NATO defence ministers met": the ministers are NATO's side
            if (
                span.label_ == "PERSON"
                and head.label_ in ("PERSON", "TITLE")
                and any(c.dep_ == "cc" for c in span.root.children)
            ):
                # "Moon Jae-in and leader Kim Jong Un", "talks between Tillerson and Russian
                # Foreign Minister Sergei Lavrov": the pair parsed as one
                return False
            if head.label_ in ("PERSON", "TITLE"):
                return True
            if head.label_ == "ORG":
                return True
            continue
        if node.lemma_.lower() not in PEOPLE_NOUNS and node.pos_ != "NOUN":
            return False
        if (node.lemma_.lower() in PEOPLE_NOUNS or span.root.dep_ == "poss") and any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in node.children
        ):
            # "China's top diplomat Wang Yi", "Trump's Democratic rival Hillary Clinton": the
            # person named is the party
            return True
    return False


# Posts one person holds at a time: "a North Korean leader" is anyone who held it.
ONE_HOLDER = {"leader", "president", "premier", "head", "monarch", "king", "queen"}


def _leader_named_before(nationality: Span, by_token: dict[int, Span]) -> Span | None:
    """ "after his own meeting with the Russian leader": the one person named before with that
    nationality and post ("Russian President Vladimir Putin"); "leader" is any head of state or
    government. In a headline, one named after it: "Turkish, Russian, Iranian leaders meet in
    Tehran" are the three presidents the story names."""
    doc = nationality.doc
    headline = HEADLINE.match(doc_text(doc))
    if headline is not None and nationality.end_char <= headline.end():
        head = nationality.root
        while head.dep_ in ("amod", "conj") and head.head.i != head.i:
            head = head.head
        if head.lemma_.lower() != "leader":
            return None
        post, limit = "leader", len(doc)
    else:
        head = nationality.root.head
        if nationality.root.dep_ != "amod" or not any(c.lower_ == "the" for c in head.children):
            return None
        post, limit = doc[nationality.end : head.i + 1].text.lower(), nationality.start
    people: dict[str, Span] = {}
    # "Russian President Vladimir Putin", and a leader's "Russian counterpart Vladimir Putin"
    posts = [s for s in set(by_token.values()) if s.label_ == "TITLE"]
    if post == "leader":
        posts += [doc[t.i : t.i + 1] for t in doc[:limit] if t.lower_ == "counterpart"]
    for span in sorted(posts, key=lambda s: s.start):
        if span.start >= limit or span.start == 0:
            continue
        before = by_token.get(span.start - 1)
        person = by_token.get(span.end)
        title = span.text.lower()
        if (
            before is not None
            and before.text == nationality.text
            and person is not None
            and person.label_ == "PERSON"
            and (title == post or (post == "leader" and title in LEADER_POSTS))
        ):
            people.setdefault(person.text.split()[-1], person)
    return next(iter(people.values())) if len(people) == 1 else None


HEADS_OF_STATE = {"president", "prime minister", "premier", "chancellor", "king", "leader"}
# ... and a leader's "Russian counterpart Vladimir Putin"
LEADER_POSTS = HEADS_OF_STATE | {"counterpart"}


def _delegation(span: Span, by_token: dict[int, Span]) -> bool:
    """ "Russian and Ukrainian negotiators", "the French foreign minister": a nationality that
    stands for its country's side; not "Russian" in "Russian Foreign Minister Sergey Lavrov"."""
    node = span.root
    while node.dep_ in ("conj", "amod", "compound", "cc", "nmod") and node.head.i != node.i:
        node = node.head  # "Greek and Macedonian ministers": "Greek" may hang as an nmod
        if node.i not in by_token or by_token[node.i].label_ not in ("NORP", "GPE"):
            break  # "U.S. and Soviet officials": a country's name may lead the nationalities
    if node.lemma_.lower() not in PEOPLE_NOUNS and node.lower_ not in PEOPLE_NOUNS:
        return False
    if node.lower_ in ONE_HOLDER and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in node.children
    ):
        return False  # "the first summit between a U.S. president and a North Korean leader"
    # A title that names someone ("... Minister Sergey Lavrov", "leader Kim Il-sung") is that
    # person's, not a side.
    title = by_token.get(node.i)
    end = title.end if title is not None and title.label_ == "TITLE" else node.i + 1
    doc = span.doc
    if end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end - 1].lower_ in ENVOYS:
        sent_to = by_token.get(end + 1)  # "Turkish Ambassador to Athens Nazmi Akiman"
        end = sent_to.end if sent_to is not None else end
    if end + 1 < len(doc) and doc[end].text == "," and node.tag_ == "NN":
        end += 1  # "his Chinese counterpart, Wang Yi,": the one person named after the comma
    after = by_token.get(end)
    named = by_token.get(node.head.i)
    # "his Russian and Iranian counterparts, Vladimir Putin and Hassan Rouhani": named in turn
    listed = [by_token.get(c.i) for c in node.children if c.dep_ == "appos"]
    return not any(s is not None and s.label_ == "PERSON" for s in (after, named, *listed))


def _direct(span: Span, root: Token, trigger: Token) -> bool:
    """True when no other event's verb stands between an entity and the meeting ("met Blair
    to talk about Turkey entering the EU": Turkey and the EU are topics, not parties)."""
    node = span.root
    if not any(a.i == root.i for a in node.ancestors):
        return True  # brought in from outside: a shared subject, a relative pronoun's name
    between = {a.i for a in trigger.ancestors}  # the words the trigger was carried up by
    while node.i != root.i and node.head.i != node.i:
        node = node.head
        if node.i in (trigger.i, root.i) or node.i in between:
            return True
        if (
            node.pos_ == "VERB"
            and node.lemma_.lower() not in LIGHT | MEETING_VERBS | LEADING
            and not _visiting(node)
            and not _brings_together(node)
        ):
            return False
    return True


# How long something lasts: "two-day", "48-hour", "day-long".
DURATION = re.compile(r"[a-z0-9]+-(?:day|week|month|hour|year)s?(?:-long)?|(?:day|week)-long")


def _before_or_after_an_event(span: Span) -> bool:
    """A stretch of time measured from an event that is no date ("two months after Macron's
    election", "days before the vote"), not from a day ("two days after March 3")."""
    head = span.root.head
    return (
        span.root.dep_ == "npadvmod"
        and head.lower_ in ("after", "before")
        and not any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in head.children)
    )


def _on_the_way(span: Span, root: Token, trigger: Token) -> list[Token]:
    """The words between a name and the meeting's words it hangs on; none when it was brought
    in from outside (a shared subject, the time of a verb the meeting's clause shares)."""
    way: list[Token] = []
    for node in span.root.ancestors:
        if node.i in (trigger.i, root.i):
            return way
        way.append(node)
    return []


def _of_another_event(span: Span, root: Token, trigger: Token) -> bool:
    """Whether a time is told of a clause with a subject of its own between it and the meeting
    ("met Kurz, just weeks before Austria takes over the EU presidency on July 1"), or of
    another meeting the meeting is told after or before ("will meet Song to discuss the drills
    following Trump's summit with Kim in Singapore this month")."""
    return any(
        (
            node.pos_ in ("VERB", "AUX")
            and (node.lemma_.lower() not in LIGHT | MEETING_VERBS or node.dep_ == "advcl")
            and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP", "PRP")
                for c in node.children
            )
        )
        or (
            node.lower_ in MEETING_NOUNS
            and node.dep_ == "pobj"
            and node.head.lower_ in ("after", "following", "before", "since")
        )
        for node in _on_the_way(span, root, trigger)
    )


def _in_a_time(span: Span, root: Token, trigger: Token, by_token: dict[int, Span]) -> bool:
    """Whether a name stands inside a time expression on its way to the meeting ("talks in
    Hamburg, two months after Macron's election", "a week before Trump's inauguration")."""
    for node in _on_the_way(span, root, trigger):
        time = by_token.get(node.i)
        if time is not None and time.label_ in ("DATE", "TIME") and time.root.i == node.i:
            return True
        if node.lower_ in ("after", "before", "since", "until") and any(
            c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") for c in node.children
        ):
            return True
    return False


def _meeting(
    trigger: _Trigger,
    others: set[int],
    by_token: dict[int, Span],
    gaz: Gazetteer,
    published: dt.date,
    sentence: Span,
    previous: Span | None = None,
    day: DateRange | None = None,
) -> Meeting | None:
    token = trigger.token
    root = _climb(token)
    region = _region(root, token, others, sentence)
    if token.lower_ in GUESTS or _told_during(token):
        region += _whereabouts(token)
    region_ids = {t.i for t in region}
    spans: list[Span] = []
    for t in sorted(region, key=lambda t: t.i):
        span = by_token.get(t.i)
        if span is not None and span.start == t.i and all(x.i in region_ids for x in span):
            spans.append(span)
    body = trigger.body or _body_named_before(token, root, by_token)
    participants: list[Mention] = []
    gathered: set[str] = set()  # organizations whose own meeting this is
    places: list[tuple[int, Span]] = []
    dates: list[tuple[int, Span]] = []
    chain = _chain(token, root)
    for span in spans:
        if _agency_credit(span) or _colon_dateline(span.doc[sentence.start : span.end + 1]):
            continue  # "SINGAPORE (Reuters) - Trump met Kim", "London: ...": not who meets
        if _speaks_the_sentence(span):
            continue  # "... a summit with Kim Jong Un, presidential spokesman Yoon said."
        if span.root.dep_ == "conj" and any(c.dep_ == "neg" for c in span.root.children):
            continue  # "Nakasone, but not Sumita, is due to attend"
        prep = _governing_prep(span.root, root, token)
        if span.label_ in ("DATE", "TIME"):  # "last night", "this morning" are TIME
            if prep == "since" or span[0].lower_ == "since":
                continue  # "his first visit since 2005": when the one before was
            if any(_renames(a) and a.head.i == token.i for a in span.root.ancestors):
                continue  # "a summit, his third meeting with Kim this year": a count's span
            if _prepared_for(token, root) and root not in (span.root, *span.root.ancestors):
                continue  # "officials met last week to prepare for the summit": the meeting's
            if _when_asked(span, token):
                continue  # "North Korea on Friday proposed talks": when it was proposed
            if DURATION.fullmatch(span.text.lower()):
                continue  # "the two-day Group of 20 summit": how long, not when
            if _before_or_after_an_event(span):
                continue  # "two months after Macron's election": a time the story leaves open
            if _of_another_event(span, root, token):
                continue  # "... before Austria takes over the EU presidency on July 1"
            if span.start > 2 and span.doc[span.start - 2].lower_ == "again":
                continue  # "on Sunday and again on Monday": another meeting's (_and_again)
            if not _when_called_off(span):
                dates.append((_distance(span.root, token), span))
            continue
        if span.label_ not in ("GPE", "LOC", "FAC") and _in_a_time(span, root, token, by_token):
            continue  # "two months after Macron's election": whose event dates it, not a party
        if span.label_ == "NORP":
            country = gaz.demonyms.get(span.text)
            capital = span.root.head
            if (
                capital.lower_ == "capital"
                and span.root.dep_ == "amod"
                and _governing_prep(capital, root, token) in PLACE_PREPS
                and _place(span, gaz) is not None
            ):
                places.append((_distance(span.root, token), span))  # "in the Finnish capital"
                continue
            if (
                country
                and _delegation(span, by_token)
                and prep in (None, *PARTICIPANT_PREPS)
                and _direct(span, root, token)
            ):
                leader = _leader_named_before(span, by_token)
                found = mention(leader, gaz) if leader is not None else None
                participants.append(found or country_mention(span, country))
            continue
        if (
            span.label_ in ("GPE", "LOC")
            and span.root.dep_ in ("appos", "npadvmod")
            and span.root.head.i not in (token.i, root.i)
            and _governing_prep(span.root.head, root, token) in PLACE_PREPS
        ):
            places.append((_distance(span.root, token), span))  # "at State House, Nairobi"
            continue
        if span.label_ == "TITLE" and span.root.dep_ in ("nsubj", "nsubjpass"):
            person = _titled_person(span, by_token)  # "the Crown Prince met Reagan"
            found = mention(person, gaz) if person is not None else None
            if found is not None and _direct(span, root, token):
                participants.append(found)
            continue
        if span.label_ == "TITLE" and prep in ("with", "between") and _direct(span, root, token):
            # "talks with Turkish Ambassador to Athens Nazmi Akiman", where the parser hung
            # the name on "to": the person the title names
            person = _named_after(span, by_token)
            if person is not None and not _speaks_the_sentence(person):
                found = mention(person, gaz)
                if found is not None:
                    participants.append(found)
            continue
        if span.label_ == "TITLE" or _is_modifier(span, by_token):
            continue
        head = span.root.head
        if (
            span.label_ in ("GPE", "LOC")
            and span.root.dep_ in ("compound", "poss")
            and head.lemma_.lower() == "island"
            and _governing_prep(head, root, token) in PLACE_PREPS | {"on"}
        ):
            # "on Singapore's Sentosa island": the country, and the island named in it
            places.append((_distance(span.root, token), span))
            continue
        if (
            span.root.dep_ in ("compound", "amod", "nmod")
            and head.i != token.i
            and head.i not in by_token
            and head.lemma_.lower() not in PEOPLE_NOUNS | MEETING_NOUNS
        ):
            named = head.lemma_.lower() in PLACE_NOUNS and any(
                c.lower_ == "of" for c in head.children
            )  # "the Black Sea resort of Sochi": the place is the one named after "of"
            entry = gaz.entries.get(span.id_ or gaz.canonical(span.text) or "")
            if (
                span.label_ in ("GPE", "LOC", "FAC")
                and not named
                and head.lemma_.lower() not in WAYS
                # "at his Black Sea residence in Sochi": the town, not the sea
                and (entry is None or entry.category not in ("sea", "region"))
                and _governing_prep(head, root, token) in PLACE_PREPS
            ):
                places.append((_distance(span.root, token), span))  # "in a Brussels hotel"
            continue  # "a Moscow mansion", "Tokyo stocks": a name that qualifies a thing
        if not _direct(span, root, token):
            continue
        if body is None and _is_body(span) and prep != "with" and not _met_as_guest(span):
            body = span  # met with a committee, or met a committee: a party
            continue
        if span is body:
            continue
        if (
            span.label_ in ("GPE", "LOC", "FAC")
            and any(t.lemma_.lower() in VISITS for t in (root, *chain))
            and (
                prep == "to"
                or (span.root.dep_ == "dobj" and span.root.head.i in (token.i, root.i))
                # "is scheduled to visit Moscow in late May for talks with Putin"
                or (
                    span.root.dep_ == "dobj"
                    and span.root.head.lemma_.lower() in VISITS
                    and span.root.head.i in {t.i for t in chain}
                )
                or (span.root.dep_ == "conj" and span.root.head.ent_type_ in ("GPE", "LOC"))
            )
        ):
            places.append((_distance(span.root, token), span))
            host = _host_country(span, gaz)
            if host is not None:
                participants.append(host)
            continue
        if _another_stop(span, token, root):
            continue  # "visits Manchester, Liverpool and Dorset": places on the way, not parties
        if (
            span.label_ in ("GPE", "LOC", "FAC")
            and prep == "to"
            and (
                span.root.head.head.i in (token.i, root.i)
                # "is set to travel to Brussels on Monday for talks with EU ministers"
                or (
                    span.root.head.head.i in {t.i for t in chain}
                    and span.root.head.head.lemma_.lower() in TRAVEL_VERBS
                )
                # "lead a delegation to Washington", where the parser hung "to" on the delegation
                or (
                    span.root.head.head.lemma_.lower() in DELEGATIONS
                    and span.root.head.head.head.i == root.i
                )
            )
            and (
                token.lemma_.lower() in HOST_VERBS
                or root.lemma_.lower() in TRAVEL_VERBS | {"invite"}
                or span.root.head.head.lemma_.lower() in TRAVEL_VERBS
                or _leads_a_delegation(root)
            )
        ):
            # "welcomed Erdogan to Sochi", "will travel to Washington for talks with Trump",
            # "invited Moon to Pyongyang for a summit"
            places.append((_distance(span.root, token), span))
            continue
        welcomed = prep == "to" and (
            token.lemma_.lower() in HOST_VERBS or root.lemma_.lower() in TRAVEL_VERBS
        )
        if (
            span.label_ == "ORG"
            and (prep in PLACE_PREPS or welcomed)
            and _place(span, gaz) is not None
        ):
            places.append((_distance(span.root, token), span))  # "at the White House"
            continue
        if (
            span.label_ == "ORG"
            and span.root.dep_ == "compound"
            and span.root.head.i == token.i
            and _place(span, gaz) is not None
        ):
            places.append((_distance(span.root, token), span))  # "a White House meeting"
            continue
        if span.label_ in ("GPE", "LOC", "FAC") and prep in PLACE_PREPS:
            if not _in_topic(span.root, root):
                places.append((_distance(span.root, token), span))
                if _arrived_for_a_visit(span, token, root) and others <= {token.i}:
                    host = _host_country(span, gaz)
                    if host is not None:
                        participants.append(host)
            continue
        if span.label_ in ("GPE", "LOC") and _during_a_visit_to(span, token, root):
            # "During his visit to Tehran, Cavusoglu met Rouhani": the meeting is on the visit
            places.append((_distance(span.root, token), span))
            continue
        if span.label_ in ("GPE", "LOC", "FAC") and _names_the_place(span, token, gaz):
            places.append((_distance(span.root, token), span))
            continue
        if span.label_ in ("GPE", "LOC") and _site_of(span):
            # "greeted Moon at Pyongyang's airport": the town, not its government
            if _governing_prep(span.root.head, root, token) in PLACE_PREPS:
                places.append((_distance(span.root, token), span))
            continue
        calls_on = prep == "on" and (
            token.lower_ in CALLS or (token.pos_ == "VERB" and token.lemma_.lower() == "call")
        )
        # "paid a visit to President Macron": whom a visit goes to is met; and whom a banquet
        # is held for.
        visits = (
            prep == "to" and token.lemma_.lower() in VISITS | HANDING and span.label_ == "PERSON"
        )
        visits = visits or (prep == "for" and token.lemma_.lower() in MEALS)
        if prep is not None and prep not in PARTICIPANT_PREPS and not calls_on and not visits:
            continue
        parts = _compound_parties(span, by_token, gaz) or plural_countries(span, gaz)
        if parts:
            participants.extend(parts)
            continue
        party = _party(span, gaz)
        if party is not None:
            participants.append(party)
            if _gathers(span, token, prep):
                gathered.add(party.text)
    if body is not None:
        participants.extend(_body_members(body, gaz))
    around = _name_around(token, by_token)
    if around is not None and (party := _party(around, gaz)) is not None:
        participants.append(party)
    # "the ASEAN-Australia Special Summit": the pair its name gives are its parties, not
    # whoever meets ahead of it
    own_name = by_token.get(token.i)
    pair = _body_members(own_name, gaz) if own_name is not None and "-" in own_name.text else []
    if len(pair) > 1:
        participants.extend(pair)
    # "Yildirim spoke after talks with Merkel": whoever the talks frame took part in them.
    elif trigger.body is None:
        participants[:0] = _companion(token, by_token, gaz, previous)
    # Whoever convenes a council is not one of its parties; whoever says "he will meet" is.
    if trigger.body is None and any(
        t.lower_ in PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "poss") for t in region
    ):
        speaker = (
            _speaker(token, by_token, gaz)
            or _clause_owner(token, by_token, gaz)
            or _owner_of_the_clause(token, by_token, gaz)
            or _last_subject(region, previous, by_token, gaz)
        )
        if speaker is not None:
            participants.insert(0, speaker)
    # "Airbus said it had resumed talks with McDonnell Douglas": "it" is the body that says so.
    elif trigger.body is None and any(
        t.lower_ in ("it", "its") and t.dep_ in ("nsubj", "poss") for t in region
    ):
        speaker = _speaker(token, by_token, gaz, label="ORG")
        if speaker is not None:
            participants.insert(0, speaker)
    if trigger.body is None and not participants:
        participants = _they(token, by_token, gaz) or _sides(token, by_token, gaz)
    if _pronoun_guest(token, by_token) is not None:
        guest = _last_subject([], previous, by_token, gaz, opening=True)
        if guest is None or any(p.text == guest.text for p in participants):
            return None  # "Isaias greeted him": whom "him" stands for is not known
        participants.append(guest)
    owner = _body_named_as_kind(token, previous) if not participants else None
    if owner is not None and (party := _party(owner, gaz)) is not None:
        participants.append(party)  # "join NATO at the alliance's summit in Brussels"
    him = _named_before_as_him(token, participants)
    if him is not None and (party := _party(him, gaz)) is not None:
        participants.append(party)  # "met Kim in April, and returned for a meeting with him"
    other = _between_rest(token, by_token)
    if len(participants) == 1 and other is not None:
        party = _party(other, gaz)
        participants += [party] if party is not None else []
    # "talks between ..., and the Russian foreign minister, Sergei Lavrov, on Sunday"
    last_side = other or _last_between(token)
    then = _time_right_after(last_side, by_token) if last_side is not None else None
    if not dates and then is not None:
        dates.append((_distance(then.root, token), then))
    participants = _unique(participants)
    if _prepared_for(token, root):
        # "Chung met Bolton last week to prepare the summit": who readies it need not meet
        inside = range(root.left_edge.idx, root.right_edge.idx + len(root.right_edge))
        participants = [
            p for p in participants if p.kind is not EntityKind.PERSON or p.evidence.begin in inside
        ]
    where = _where_before(root, by_token) or _there(root, previous, by_token)
    if where is not None and not places:
        places.append((_distance(where.root, token), where))
    if where is not None and not dates:
        # "visited Britain earlier this month, where he had lunch with the Queen": the time of
        # the stay is the meeting's, not the time of another leg ("arrived in Britain on
        # Sunday after flying from the United States, where he met Bush")
        own = {t.i for t in root.subtree}
        stay = _verb_of(where.root)
        # "... on Monday in Entebbe. There he joined a summit": the day of the sentence before
        told = range(sentence.start, min(own))
        if where.start < sentence.start and previous is not None:
            told = range(previous.start, previous.end)
        dates.extend(
            (_distance(span.root, token), span)
            for i in told
            if (span := by_token.get(i)) is not None
            and span.start == i
            and span.label_ in ("DATE", "TIME")
            and span.root.i not in own
            and span[0].lower_ != "since"
            and _verb_of(span.root) == stay
        )
    if not dates and _meanwhile(root):
        # "Kenyatta said on Tuesday ..., as he hosted Netanyahu": the time of what it went with
        # (or of the verb that clause is told by: "said on Tuesday that ... would work ..., as")
        own = {t.i for t in root.subtree}
        head = root.head
        for _ in range(3):
            dates.extend(
                (_distance(span.root, token), span)
                for c in head.children
                if c.dep_ in ("npadvmod", "prep") and c.i not in own
                for t in c.subtree
                if (span := by_token.get(t.i)) is not None
                and span.start == t.i
                and span.label_ == "DATE"
            )
            # "said on Friday ..., speaking as he sat down with Pena Nieto": up through a
            # clause with no subject of its own, too
            if (
                dates
                or head.dep_ not in ("ccomp", "advcl")
                or (head.dep_ == "advcl" and _subject(head) is not None)
            ):
                break
            own |= {t.i for t in head.subtree}
            head = head.head
    then = _when_of(root, by_token)
    if not dates and then is not None:
        # "last visited Saudi Arabia in February 2007, when he held talks with King Abdullah",
        # "the first since May 2013, when he held talks with Obama": the time "when" is told of
        dates.append((_distance(then.root, token), then))
    if not dates:
        # "laid a wreath there last month, during a meeting of G7 foreign ministers", "was
        # announced on April 22 after talks between Wang and Swaraj": the time of what was done
        # at or just after talks is theirs
        dates.extend((_distance(s.root, token), s) for s in _time_framed(token, by_token))
    # "met on the sidelines of an ASEAN meeting in Manila on Sunday": the place and the day of
    # the gathering it was part of, when the sentence gives it none of its own.
    frame = _frame_gathering(token)
    if frame is not None:
        for span in (s for t in frame.subtree if (s := by_token.get(t.i)) and s.start == t.i):
            if span.label_ in ("DATE", "TIME") and not dates:
                dates.append((_distance(span.root, token), span))
            elif (
                span.label_ in ("GPE", "LOC", "FAC")
                and not places
                and _governing_prep(span.root, frame, frame) in PLACE_PREPS
            ):
                places.append((_distance(span.root, token), span))
    framed = _framed_meeting(token)
    borrowed = False
    if framed is not None:
        # "last met in Hamburg in July on the sidelines of the G20 summit": the summit was
        # where and when the meeting told within it was, in that meeting's time.
        undated, unplaced = not dates, not places
        # a noun's days hang on the verb that carries it ("held talks on Saturday")
        carrier = framed.head if framed.dep_ == "dobj" and framed.pos_ != "VERB" else framed
        for span in _said_of(carrier, token, by_token):
            if span.label_ in ("DATE", "TIME") and undated:
                dates.append((_distance(span.root, token), span))
                borrowed = True
            elif span.label_ in ("GPE", "LOC") and unplaced:
                places.append((_distance(span.root, token), span))
    tense = _tense(token, root, dates)
    if framed is not None and (borrowed or tense is not Tense.FUTURE):
        # "is expected to meet Xi on the sidelines of the SCO summit on Thursday": the summit
        # is in that meeting's time
        tense = _tense(framed, framed, dates)
    # "the June 12 summit": a day that names the meeting is its own, in the story's year
    # whatever the clause's time ("said the June 12 summit was back on")
    named = bool(dates) and all(_names_its_day(span, token) for _, span in dates)
    date = _date(dates, published, Tense.UNKNOWN if named else tense)
    if date is None:
        # "talks on Saturday, a day after she met Trump": a day counted back from the clause
        # it is told after (or forward from the one it is told before)
        date = _counted_from_the_main(token, published)
    shift = next((k for _, s in dates if (k := _day_shift(s)) is not None), None)
    if date is None and day is not None and shift is not None:
        # "held talks with Li the day before", after the meeting with Xi: the day before that
        moved = dt.date.fromisoformat(day.start.iso) + dt.timedelta(days=shift)
        date = DateRange(DateValue(moved.isoformat(), Precision.DAY))
    if date is None and day is not None and any(PART_OF_DAY.fullmatch(s.text) for _, s in dates):
        date = day  # "May will then meet Tusk later in the afternoon": the day told before
    carriers = {token, root, *(c for c in token.children if c.dep_ == "amod")}
    # "had earlier met Volcker": before the time told, not on its day
    before = any(c.dep_ == "aux" and c.lemma_ == "have" for t in carriers for c in t.children)
    later = any(
        (c.lower_ == "later" or (c.lower_ == "earlier" and not before)) and c.dep_ == "advmod"
        for t in carriers
        for c in t.children
    )
    if date is None and day is not None and later and tense is not Tense.FUTURE:
        # "Putin later received Tillerson at the Kremlin", after their talks; "Tillerson
        # earlier held talks with Juma"
        date = day
    sought = _sought(token, root)
    if date is None and tense is not Tense.FUTURE and not sought and _ongoing(token, root):
        # "ministers are attending the two-day conference": it is under way as the story runs
        date = DateRange(DateValue(published.isoformat(), Precision.DAY))
    recent = (
        date is None
        and tense is not Tense.FUTURE
        and not sought
        and _just_done(token, root, region)
    )
    status = _status(token, root, date, published, tense, sought)
    location = None
    placed = [(distance, span) for distance, span in places if _place(span, gaz) is not None]
    if not placed and (town := _arrived_just_before(root, by_token)) is not None:
        # "held their annual meeting at Admiralty House on Friday, shortly after Mr Widodo
        # flew into Sydney": where one had just arrived
        placed = [(_distance(town.root, token), town)] if _place(town, gaz) else []
    if placed:
        # A building that is no place of the graph ("at the Great Hall of the People in
        # Beijing") gives way to the town named with it; the talks' own place ("arrived in
        # Japan, holding talks with Abe at a resort in Nagato") comes before the journey's.
        own = {t.i for t in token.subtree}
        where = min(placed, key=lambda p: (p[1].root.i not in own, p[0], p[1].start))[1]
        location = _place(where, gaz)
    if status is not MeetingStatus.CANCELLED and _negated(token):
        return None  # "did not meet": no meeting to report
    if _habitual(token, root):
        return None  # "officials normally meet in the summer": a custom, not a meeting
    if len(participants) < 2 and body is None:
        # the two, when they hold the one party found so far (the parser may share a subject)
        two = _the_two(token, by_token, gaz, sentence, previous) or _their(token, by_token, gaz)
        if two and ({p.text for p in participants} <= {p.text for p in two} or _set_off(token)):
            participants = two  # set off from reported words, it is not of their speaker
        elif two and _joined_by(token):
            participants = two + participants  # "the two leaders will be joined by Rouhani"
    lone: list[Mention] = []
    if (
        len(participants) == 1
        and body is None
        and not _collective(participants[0], gaz)
        and participants[0].text not in gathered
    ):
        # One person or country cannot meet alone: the other side is unnamed ("met with
        # representatives of companies") or lies outside the sentence. An alliance or a body
        # meets among its members ("an OPEC meeting", "NATO ambassadors met"), and so does
        # any organization whose meeting it is ("the annual meeting of the IADB").
        lone = [p for p in participants if p.kind is EntityKind.PERSON]
        participants = []
    # "Tillerson, who attended the meeting along with Lavrov": those who attend a meeting told
    # before take part in it.
    anaphoric = not participants or _attends_one_told(token) or trigger.reference
    if anaphoric and not (
        trigger.reference
        or any(c.lower_ in DEFINITE for c in token.children)
        or location
        or date
        or _another(token)
    ):
        return None
    if anaphoric and token.lemma_.lower() in ("gather", "assemble"):
        return None  # "protesters gathered": a crowd, not a meeting told before
    if anaphoric and token.pos_ == "VERB" and token.lemma_.lower() in VISITS:
        return None  # "Blair visited Sheffield": a trip, not a meeting told before
    if anaphoric and _unnamed_owner(token, root, by_token):
        return None  # "the working group held its first meeting": a meeting of someone unnamed
    # "called for another meeting": the same parties anew, once it is still to come
    repeats = anaphoric and (
        _repeats(token, root) or (_another(token) and status is not MeetingStatus.HELD)
    )
    if (
        anaphoric
        and not repeats
        and any(c.lower_ in OTHER_MEETING and c.dep_ in ("det", "amod") for c in token.children)
    ):
        return None  # "an inconclusive meeting in January", "the next round": another meeting
    return Meeting(
        trigger=token.text,
        # A reference back keeps the one person it names: "the talks, led on the Polish side
        # by Andrzej Doroscz" tell who took part in the talks told before.
        participants=tuple(participants or lone),
        evidence=evidence(token.doc, sentence.start_char, sentence.end_char),
        status=status,
        body=mention(body, gaz) if body is not None else None,
        location=location,
        date=date,
        anaphoric=anaphoric,
        confidence=_confidence(token, trigger.body is not None, participants, gaz),
        repeats=repeats,
        recent=recent,
    )


# How sure a trigger makes a meeting: "met" and "talks" are the surest; a visit or a host may
# be a ceremony, a "session" or "conference" a larger gathering.
CONFIDENCE_SURE = 0.9
CONFIDENCE_LIKELY = 0.8
CONFIDENCE_LOOSE = 0.7
SURE_TRIGGERS = {"meet", "talks", "negotiation", "negotiations", "summit", "meeting", "negotiate"}
LOOSE_TRIGGERS = {"visit", "trip", "tour", "host", "receive", "welcome", "conference", "round"}


def _confidence(token: Token, convened: bool, participants: list[Mention], gaz: Gazetteer) -> float:
    word = {token.lemma_.lower(), token.lower_}
    if convened or word & SURE_TRIGGERS:
        value = CONFIDENCE_SURE
    elif word & LOOSE_TRIGGERS:
        value = CONFIDENCE_LOOSE
    else:
        value = CONFIDENCE_LIKELY
    if len(participants) == 1:
        value -= 0.1  # an organization meeting on its own: its members are not named
    return round(value, 2)


# The prepositions that set talks with someone as the frame of another act: "spoke after talks
# with Merkel", "arrived from a meeting with Macron", "said ahead of a meeting with Xi".
FRAME_PREPS = {
    "after",
    "before",
    "following",
    "from",
    "during",
    "at",
    "since",
    "upon",
    "of",
    "on",
    "as",
    "in",
    "to",
}
GUESTS = {"guest", "guests"}
FRAME_HEADS = {"ahead", "sidelines", "eve", "end", "start", "wake", "close", "margins"}
# Parts of talks: "after their second day of talks", "at the end of a round of talks".
SPELLS = STRETCHES | {"round", "session"}
RELATIVES = {"who", "that", "which"}


def _frame_verb(trigger: Token) -> Token | None:
    """The verb a preposition ties the talks to: "spoke after talks", "arrived from a
    meeting", "said ahead of talks", "will be in Rome as the guests of"."""
    node = trigger
    if _opened(trigger):
        return trigger.head.head  # "shook hands in Singapore, opening their summit"
    while node.pos_ not in ("VERB", "AUX") or node.i == trigger.i:
        if node.dep_ in ("pobj", "dobj") and node.head.lower_ in FRAME_PREPS:
            prep = node.head  # "a news conference following talks with Blair": a verb as a prep
            node = prep.head
            if prep.lower_ == "of" and not _frame_head(node):
                return None
        elif _frame_head(node) and node.i != trigger.i and node.head.i != node.i:
            node = node.head  # "ahead of talks", "on the sidelines of a meeting"
        elif node.i != trigger.i and (
            (node.pos_ == "ADP" and node.dep_ == "prep") or node.dep_ == "pobj"
        ):
            node = node.head  # "from June 3 to 6 as the guests of", hung on another phrase
        else:
            return None
    return node


def _frame_head(node: Token) -> bool:
    """ "ahead of", "on the sidelines of", "after two days of": a noun that ties talks to a verb."""
    return node.lower_ in FRAME_HEADS or node.lemma_.lower() in SPELLS


OPENING = {"open", "start", "begin", "launch", "kick"}


def _opened(trigger: Token) -> bool:
    """ "Trump and Kim shook hands in Singapore, opening the first summit": talks that what
    the parties do opens."""
    verb = trigger.head
    return (
        trigger.dep_ == "dobj"
        and verb.lemma_.lower() in OPENING
        and verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.pos_ in ("VERB", "AUX")
    )


# Words by which a verb's time is another than that of the talks it is tied to.
NOT_DURING = {"after", "before", "following", "from", "since", "upon", "ahead", "eve", "wake", "to"}


def _when_of(verb: Token, by_token: dict[int, Span]) -> Span | None:
    """The date a clause "when" hangs on: "in February 2007, when he held talks"."""
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children
    ):
        return None
    span = by_token.get(verb.head.i)
    return span if span is not None and span.label_ == "DATE" else None


# Prepositions by which talks frame the time of a verb: "during", "at", "after".
TIME_FRAMES = {"during", "at", "after", "following", "amid"}


def _time_framed(trigger: Token, by_token: dict[int, Span]) -> list[Span]:
    """The days and times hung on the verb that talks are told during, at or just after (when
    that is done: "is likely to get aid in 1987 following a meeting of donors" tells nothing of
    when they met)."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in TIME_FRAMES:
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in MEETING_VERBS:
        return []
    if prep.lower_ in ("after", "following") and verb.tag_ not in ("VBD", "VBN"):
        return []
    return [
        span
        for c in verb.children
        if c.dep_ in ("npadvmod", "prep", "advmod") and c.i != prep.i and c.lower_ != "since"
        for t in c.subtree
        if (span := by_token.get(t.i)) is not None
        and span.start == t.i
        and span.label_ in ("DATE", "TIME")
        and span[0].lower_ != "since"
        and _verb_of(span.root) == verb.i
    ]


def _told_during(trigger: Token) -> bool:
    """ "Trump and Kim shook hands in Singapore on Tuesday at the start of their summit",
    "Abe spoke to reporters in Hamburg during talks with Xi": what the parties do at their
    own talks happens where and when the talks do."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if not (_together(trigger) or _opened(trigger)) and not any(
        (c.dep_ == "poss" and c.lower_ == "their") or (c.dep_ == "prep" and c.lower_ == "with")
        for c in trigger.children
    ):
        return False
    verb = _frame_verb(trigger)
    if verb is None or verb.lemma_.lower() in MEETING_VERBS:
        return False
    if verb.lemma_.lower() in REPORTING and trigger.head.lower_ != "during":
        return False  # but "In February, during a meeting with Netanyahu, he said": then
    path = [a for a in trigger.ancestors if a.i != verb.i and verb in a.ancestors]
    return not any(a.lower_ in NOT_DURING for a in path)


def _together(trigger: Token) -> bool:
    """ "Trump and Kim shook hands at the start of a historic summit": a summit or talks of no
    one else's, framing what several named together do, are theirs."""
    if trigger.lemma_.lower() not in {"summit", "talk", "talks", "meeting"}:
        return False
    if any(
        c.dep_ in ("poss", "compound") or c.lower_ in ("with", "of", "between")
        for c in trigger.children
    ):
        return False
    verb = _frame_verb(trigger)
    if verb is None:
        return False
    # where they were: "at the start of", "during"; or what they did before or after ("played
    # golf after a day of talks"); not "favour an early start to talks"
    path = [a for a in trigger.ancestors if a.i != verb.i and verb in a.ancestors]
    framing = ("at", "during", "on", "in", "after", "before", "following")
    if not _opened(trigger) and (
        not any(a.lower_ in framing for a in path) or any(a.lower_ == "to" for a in path)
    ):
        return False
    subject = _acting_subject(verb)[0]
    return subject is not None and any(c.dep_ == "conj" for c in subject.children)


def _with_someone(meal: Token, by_token: dict[int, Span]) -> bool:
    """Whether a meal is taken with someone named ("had lunch with Merkel", "a dinner with
    Abe"), or by several named together ("Abe and Trump had dinner", "talked over dinner")."""
    holders = [meal]
    if meal.dep_ == "dobj" and meal.head.lemma_.lower() in LIGHT:
        holders.append(meal.head)
    elif meal.dep_ == "pobj" and meal.head.lower_ in ("over", "at", "during"):
        verb = meal.head.head
        if verb.dep_ == "dobj":
            verb = verb.head  # hung on the object: "discussed Brexit over dinner"
        if verb.pos_ in ("VERB", "AUX"):
            holders.append(verb)  # "May and Merkel discussed Brexit over dinner"

    def named(token: Token) -> bool:
        span = by_token.get(token.i)
        return span is not None and span.label_ in ("PERSON", "ORG", "GPE")

    hosted = any(h.lemma_.lower() in HOST_VERBS | {"hold", "give", "throw"} for h in holders)
    if any(
        named(g)
        for holder in holders
        for c in holder.children
        if c.dep_ == "prep" and (c.lower_ in ("with", "between") or (c.lower_ == "for" and hosted))
        for g in c.children
        if g.dep_ == "pobj"
    ):
        return True  # "had lunch with Merkel", "a lunch between May and Juncker"
    subject = _acting_subject(holders[-1])[0] if len(holders) > 1 else None
    return subject is not None and named(subject) and any(named(c) for c in subject.conjuncts)


def _tells_in_person(verb: Token, by_token: dict[int, Span]) -> bool:
    """Whether one person tells another something face to face: "Netanyahu told Putin in Moscow
    on Wednesday", the two named, with the town they were in (a call or a letter names none)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return _people_in_a_town(verb, objects, by_token)


# Verbs by which one hands another a letter in person.
HANDING = {"deliver", "hand", "present"}
LETTERS = {"letter", "message", "invitation"}


def _hands_over(verb: Token, by_token: dict[int, Span]) -> bool:
    """Whether one person hands another a letter: "Kim Yong Chol delivered a letter from Kim
    to Trump at the White House", "Kim Yo-jong handed Moon a letter from her brother"."""
    # the letter as the object, or where a misread name's last word took it ("Moon Jae-[in]")
    letters = [
        t for t in verb.subtree if t.lemma_.lower() in LETTERS and verb in (t.head, t.head.head)
    ]
    receivers = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
    receivers += [
        g
        for c in verb.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return (
        bool(letters)
        and any(_names_a_person(r, by_token) for r in receivers)
        and _names_a_person(_subject(verb), by_token)
    )


def _calls_on_in_person(verb: Token, by_token: dict[int, Span]) -> bool:
    """Whether a call on someone is a visit: "Bajwa called on President Ghani in Kabul", not
    an appeal ("called on Ghani to release the prisoners")."""
    if any(t.dep_ == "aux" and t.lower_ == "to" for t in verb.subtree):
        return False
    objects = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return _people_in_a_town(verb, objects, by_token)


def _names_a_person(token: Token | None, by_token: dict[int, Span]) -> bool:
    """Whether a word is a person's name, or a title with the name in apposition ("army chief
    General Qamar Javed Bajwa")."""
    if token is None:
        return False
    named = [token, *(c for c in token.children if c.dep_ == "appos")]
    return any((span := by_token.get(t.i)) and span.label_ == "PERSON" for t in named)


def _people_in_a_town(verb: Token, objects: list[Token], by_token: dict[int, Span]) -> bool:
    """Whether a verb's subject and one of ``objects`` are people, and it names the town or
    the building ("told Mattis at the Great Hall of the People")."""
    towns = [
        span
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
        for c in prep.children
        if c.dep_ == "pobj" and (span := by_token.get(c.i)) is not None
    ]
    return (
        _names_a_person(_subject(verb), by_token)
        and any(_names_a_person(o, by_token) for o in objects)
        and any(s.label_ in ("GPE", "LOC", "FAC") for s in towns)
    )


def _during_a_visit_to(span: Span, trigger: Token, root: Token) -> bool:
    """Whether a place is where a visit goes that frames the meeting: "during his visit to
    Tehran", "on a trip to Moscow", "while on a tour of Asia"."""
    to = span.root.head
    visit = to.head
    frame = visit.head
    return (
        span.root.dep_ == "pobj"
        and to.lower_ in ("to", "of")
        and visit.lemma_.lower() in VISITS
        and visit.dep_ == "pobj"
        and frame.lower_ in ("during", "on", "in")
        and frame.head.i in (trigger.i, root.i)
    )


def _whereabouts(trigger: Token) -> list[Token]:
    """ "will be in Rome from June 3 to 6 as the guests of Cossiga": where and when the
    guests are is where and when they meet their host."""
    verb = _frame_verb(trigger)
    if verb is None:
        return []
    inside = {t.i for t in trigger.subtree}
    verbs = [verb]
    if verb.dep_ == "xcomp":
        verbs.append(verb.head)  # "agreed on Friday to strengthen the alliance, at their summit"
    return [
        t
        for v in verbs
        for c in v.children
        if c.dep_ in ("prep", "npadvmod") and c.lower_ in ("in", "at", "on", "from", "during")
        for t in c.subtree
        if t.i not in inside
    ]


def _companion(
    trigger: Token, by_token: dict[int, Span], gaz: Gazetteer, previous: Span | None
) -> list[Mention]:
    """Those who do what talks "with" someone, or "their" talks, frame: the subject of the
    verb that a preposition ties the talks to (through "ahead of", "on the sidelines of")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    partner = "of" if trigger.lower_ in GUESTS else "with"
    theirs = (
        _together(trigger)
        or any(c.dep_ == "poss" and c.lower_ == "their" for c in _spell_of(trigger).children)
        or _told_during_talks(trigger)
    )
    # "Musharraf said during a visit to Britain": the visitor is who speaks during it.
    visit = trigger.lemma_.lower() in VISITS and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in trigger.children
    )
    partners = {partner, "to"} if visit else {partner}
    if not theirs and not any(c.dep_ == "prep" and c.lower_ in partners for c in trigger.children):
        return []
    node = _frame_verb(trigger)
    if node is None or node.lemma_.lower() in MEETING_VERBS:
        return []
    subject, node = _acting_subject(node)
    if subject is None:
        return []
    if subject.lower_ in RELATIVES and node.dep_ == "relcl":
        subject = node.head
    if subject.lower_ in ("he", "she"):
        # "In February, during a White House meeting with Netanyahu, he said": whom the
        # meeting names is not who "he" is
        inside = {t.i for t in trigger.subtree}
        alone = not any(
            (name := by_token.get(t.i)) is not None
            and name.label_ == "PERSON"
            and t.i not in inside
            for t in subject.doc[subject.sent.start : subject.i]
        )
        found = (
            _speaker(node, by_token, gaz)
            or _clause_owner(trigger, by_token, gaz)
            or _last_subject([subject], previous, by_token, gaz, opening=alone)
        )
        if found is None:
            return []
        # "after he sided with Putin at a press conference following their summit"
        return [found, *_parties_named(_addressees(node), by_token, gaz)] if theirs else [found]
    words: list[Token] = [subject, *subject.conjuncts]
    if theirs:
        # Everyone the subject names: "Moon and Trump discussed it during their summit".
        words = [
            t
            for t in subject.subtree
            if (s := by_token.get(t.i)) is not None and s.label_ == "PERSON"
        ]
        words = words or [subject, *subject.conjuncts]
        # "Netanyahu told Putin during their meeting": whom the subject addressed, too.
        words += _addressees(node)
    return _parties_named(words, by_token, gaz)


def _spell_of(trigger: Token) -> Token:
    """The part of the talks a trigger names, if any ("their second day of talks": "day")."""
    prep = trigger.head
    if trigger.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in SPELLS:
        return prep.head
    return trigger


def _told_during_talks(trigger: Token) -> bool:
    """ "Abbas told Putin during talks in Sochi": talks of no one else named, during which
    one tells another something, are theirs."""
    prep = trigger.head
    return (
        trigger.dep_ == "pobj"
        and prep.lower_ == "during"
        and prep.head.lemma_.lower() == "tell"
        and not any(
            c.dep_ in ("poss", "compound") or c.lower_ in ("with", "of", "between", "the")
            for c in trigger.children
        )
    )


def _they(trigger: Token, by_token: dict[int, Span], gaz: Gazetteer) -> list[Mention]:
    """ "Lho proposed to his counterpart Li that they meet", "Trump and Kim said they would
    meet", "Abe and Xi agreed on it when they met": "they" are the one who speaks or proposes
    and whom they address, or the several who speak or act."""
    # "when they held closed-door talks": the verb that carries the talks
    verb = trigger if trigger.pos_ == "VERB" else _climb(trigger)
    if verb.pos_ != "VERB" or not any(
        c.dep_ == "nsubj" and c.lower_ == "they" for c in verb.children
    ):
        return []
    if verb.dep_ not in ("ccomp", "relcl", "advcl"):
        return []
    # "proposed in a letter ... that they meet": the parser may hang the clause on the letter.
    # "Abe and Xi agreed to improve ties when they met": the subject of the clause it tells of.
    governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if governor is None:
        return []
    subject, governor = _acting_subject(governor)
    if subject is None:
        return []
    words = [subject, *subject.conjuncts, *_addressees(governor), *_run_together(subject)]
    # "proposed in a letter to Li": whom the letter or message is addressed to.
    words += [
        w
        for c in governor.children
        if c.dep_ == "prep"
        for n in c.children
        if n.dep_ == "pobj"
        for w in _addressees(n)
    ]
    found = _parties_named(words, by_token, gaz)
    return found if len(found) > 1 else []


def _run_together(subject: Token) -> list[Token]:
    """Names the parser hung on a subject as parts of its name ("President Uhuru [Kenyatta]
    and Opposition leader Raila Odinga", read as one name with "Kenyatta" a modifier)."""
    out = []
    for token in subject.subtree:
        path = [token, *token.ancestors]
        path = path[: path.index(subject)] if subject in path else []
        if token.ent_type_ == "PERSON" and all(t.dep_ in NAME_PARTS for t in path):
            out.append(token)
    return out


NAME_PARTS = {"compound", "nmod", "conj", "appos", "flat"}


# "The two leaders", "the two countries": nouns for two parties of one kind named just before.
PAIRED_PEOPLE = {"leader", "president", "minister", "premier", "man", "woman", "head", "pair"}
PAIRED_COUNTRIES = {"country", "nation", "government", "neighbour", "neighbor"}


def _set_off(trigger: Token) -> bool:
    """A meeting in a phrase set off by a comma from reported words: "told Trump that Turkey
    will never accept it, during their meeting"."""
    return trigger.dep_ == "pobj" and _told_of(trigger.head).i != trigger.head.head.i


def _joined_by(trigger: Token) -> bool:
    """ "The two leaders will be joined by Rouhani for a summit": the verb of the meeting's
    clause has a subject of its own, whom the others named in it join."""
    verb = next((t for t in (trigger, *trigger.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    return (
        verb is not None
        and _subject(verb) is not None
        and verb.i
        in (
            trigger.head.i,
            trigger.head.head.i,
        )
    )


def _after_which(verb: Token) -> bool:
    """ "after which", "during which", "at which": a clause on what the noun before names."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in verb.children
    )


def _the_two(
    trigger: Token,
    by_token: dict[int, Span],
    gaz: Gazetteer,
    sentence: Span,
    previous: Span | None,
) -> list[Mention]:
    """ "Erdogan spoke by telephone with Trump and the two leaders agreed to meet": "the two
    leaders" (or "countries") are the two people (or countries) named before it in the sentence
    or, when it names fewer, with those of the sentence before; "the two sides" are either,
    "the pair" two people."""
    verb = next((t for t in (trigger, *trigger.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    words = [_acting_subject(verb)[0]] if verb is not None else []
    words += [g for c in trigger.children if c.lower_ == "between" for g in c.children]
    words += [c for c in trigger.children if c.dep_ == "poss"]
    # "formal talks at the White House on Friday, after which the two leaders issued ..."
    words += [_subject(v) for v in sentence if v.i > trigger.i and _after_which(v)]
    noun = next(
        (
            w
            for w in words
            if w is not None
            and (
                w.lower_ in ("two", "pair")
                or any(c.lower_ == "two" and c.dep_ == "nummod" for c in w.children)
            )
            and any(c.lower_ == "the" for c in w.children)
        ),
        None,
    )
    if noun is None:
        return []
    # "the two had discussed trade during their meeting": the two named before, whoever
    lemma = "side" if noun.lower_ == "two" else noun.lemma_.lower()
    if lemma not in PAIRED_PEOPLE | PAIRED_COUNTRIES | {"side"}:
        return []
    # "Ms Ardern flew into Sydney, and the pair sat down for talks", after a sentence naming
    # Turnbull: one named in the sentence and one before it
    people: dict[str, Mention] = {}
    countries: dict[str, Mention] = {}
    for stretch in (sentence.doc[sentence.start : noun.i], previous):
        if stretch is None:
            continue
        for span in dict.fromkeys(by_token[t.i] for t in stretch if t.i in by_token):
            party = mention(span, gaz)
            if party is None:
                continue
            if party.kind is EntityKind.PERSON:
                # "Donald Trump" and "Trump" are one person
                people.setdefault(party.text.split()[-1], party)
            elif (side := _party(span, gaz)) is not None and side.is_country:
                countries.setdefault(side.key, side)  # "Beijing and Washington": as countries
        if lemma in PAIRED_PEOPLE:
            found = people
        elif lemma in PAIRED_COUNTRIES:
            found = countries
        else:  # "the two sides": two countries, or else two people
            found = countries if len(countries) == 2 else people
        if len(found) > 1:
            return list(found.values()) if len(found) == 2 else []
        if stretch is not previous and any(
            span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in REPORTING
            for span in (by_token[t.i] for t in stretch if t.i in by_token)
            if span.label_ == "PERSON"
        ):
            return []  # "Peskov said the two presidents would ...": who speaks is no one of them
    return []


def _parties_named(words: list[Token], by_token: dict[int, Span], gaz: Gazetteer) -> list[Mention]:
    """The parties the names at these words stand for, each once; "the Chancellor" for the
    one person the article gives that title."""
    out = []
    for span in dict.fromkeys(by_token[w.i] for w in words if w.i in by_token):
        if span.label_ == "TITLE" and (person := _titled_person(span, by_token)) is not None:
            span = person  # "the Chancellor had emphasised in talks with Funaro"
        if span.label_ in ("PERSON", "ORG", "GPE"):
            party = _party(span, gaz)
            if party is not None:
                out.append(party)
    return out


def _addressees(verb: Token) -> list[Token]:
    """Whom a verb is done to or with: "told Putin", "gave Macron a tour", "wrote to Li"."""
    # An object is addressed when it is a person: "discussed North Korea" names a topic.
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON"]
    out += [
        g
        for c in verb.children
        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # "his North Korean counterpart Li Gun-mo": the name in apposition or as the head.
    out += [a for t in out for a in t.children if a.dep_ == "appos"]
    return [w for t in out for w in (t, *t.conjuncts)]


# Verbs of coming for talks: "ministers gathered in Taormina for a summit", "Erdogan will visit
# Russia for talks with Putin": who comes, where and when is the talks'.
GATHER_VERBS = {"gather", "assemble", "convene", "arrive", "come", "travel", "fly", "visit"}
TRAVEL_VERBS = {"travel", "fly", "come", "go", "head", "return"}


PRONOUNS = {"he", "she", "his", "her"}
SAYING = REPORTING | {"confirm", "indicate", "reveal", "insist", "promise", "hope", "expect"}


def _speaker(
    trigger: Token, by_token: dict[int, Span], gaz: Gazetteer, label: str = "PERSON"
) -> Mention | None:
    """ "Moon said he would meet Kim", "Lavrov said his talks with Blinken were useful": the
    person (or, for "it", the organization) who says what "he" did or will do."""
    for node in trigger.ancestors:
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subject = _subject(node)
        if node.lemma_.lower() in SAYING:
            span = by_token.get(subject.i) if subject is not None else None
            return mention(span, gaz) if span is not None and span.label_ == label else None
        if (
            subject is not None
            and subject.lower_ not in (*PRONOUNS, "it")
            and subject.pos_ != "NOUN"
        ):
            return None  # someone else's clause in between
    return None


def _speaks_the_sentence(span: Span) -> bool:
    """A name right before the sentence's closing verb of saying, which the parser may have
    hung on a party named before it: the source of the news."""
    doc = span.doc
    if span.label_ != "PERSON" or span.end >= len(doc):
        return False
    verb = doc[span.end]
    return (
        verb.dep_ == "ROOT"
        and verb.lemma_.lower() in REPORTING
        and span.root.head.i != verb.i
        # what was said came before the name ("..., spokesman Yoon said."), not after it
        and not any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children)
    )


def _verb_of(token: Token) -> int:
    """The verb whose clause a word belongs to, as a token index (the root's when none)."""
    return next((a.i for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token.sent.root.i)


def _there(root: Token, previous: Span | None, by_token: dict[int, Span]) -> Span | None:
    """ "Netanyahu began the trip on Monday in Entebbe. There he joined a summit": the place
    "there" stands for, the first one the sentence before says something happened in."""
    if previous is None or not any(
        c.lower_ == "there" and c.dep_ == "advmod" for c in root.children
    ):
        return None
    for token in previous:
        span = by_token.get(token.i)
        if (
            span is not None
            and span.start == token.i
            and span.label_ in ("GPE", "LOC", "FAC")
            and span.root.dep_ == "pobj"
            and span.root.head.lower_ in PLACE_PREPS
            and span.root.head.head.pos_ in ("VERB", "AUX")
        ):
            return span
    return None


def _where_before(root: Token, by_token: dict[int, Span]) -> Span | None:
    """ "a visit to Beijing this week, where he met Xi": the place "where" stands for, the
    nearest one named before it, wherever the parser hung the clause."""
    where = next((c for c in root.children if c.lower_ == "where" and c.dep_ == "advmod"), None)
    if where is None or root.dep_ != "relcl":
        return None
    for i in range(where.i - 1, max(where.sent.start, where.i - 10) - 1, -1):
        span = by_token.get(i)
        if span is not None and span.label_ in ("GPE", "LOC", "FAC"):
            return span
    return None


def _clause_owner(trigger: Token, by_token: dict[int, Span], gaz: Gazetteer) -> Mention | None:
    """ "Kim made a visit to Beijing, where he met Xi", "Abe said little when he met Trump": "he"
    in a clause hung on another is the person that clause's own subject names."""
    node = trigger
    if _first_to(trigger):
        node = trigger.head.head  # "a day after she became the first leader to meet Trump"
    while node.head.i != node.i and node.dep_ not in ("relcl", "advcl"):
        if node.dep_ in ("ccomp", "parataxis"):
            return None
        node = node.head
    if node.dep_ not in ("relcl", "advcl") or not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she") for c in node.children
    ):
        return None
    # the clause may hang on a noun of the other ("a visit ... this week, where he met Xi"),
    # and that on a clause of its own ("Abe left for Peru to attend the forum, where he ..."),
    # or on words reported of no person ("Trump signaled that Washington was no longer wedded
    # to it, as he welcomed Netanyahu")
    for governor in [a for a in node.ancestors if a.pos_ in ("VERB", "AUX")][:3]:
        subject = _acting_subject(governor)[0]
        span = by_token.get(subject.i) if subject is not None else None
        if span is not None and span.label_ == "PERSON":
            return mention(span, gaz)
        if governor.dep_ not in ("advcl", "xcomp", "ccomp"):
            return None
    return None


def _owner_of_the_clause(
    trigger: Token, by_token: dict[int, Span], gaz: Gazetteer
) -> Mention | None:
    """ "Moon arrived in Pyongyang for a summit, his third meeting with Kim": "his" talks are
    those of the person who is the subject of the clause they are told in."""
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in trigger.children):
        return None
    verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = _acting_subject(verb)[0] if verb is not None else None
    span = by_token.get(subject.i) if subject is not None else None
    if span is not None and span.label_ == "TITLE":
        span = _titled_person(span, by_token)
    return mention(span, gaz) if span is not None and span.label_ == "PERSON" else None


def _last_subject(
    region: list[Token],
    previous: Span | None,
    by_token: dict[int, Span],
    gaz: Gazetteer,
    opening: bool = False,
) -> Mention | None:
    """ "Lavrov arrived in Geneva. He met Blinken": a sentence's "he" or "she", as its subject
    with no person named before it, is the one person who was the subject of the sentence
    before, named or by a title the article gives one person ("the Crown Prince"). With
    ``opening``, whatever the region holds: the "him" of ``_pronoun_guest``."""
    opening = opening or any(
        t.lower_ in ("he", "she")
        and (t.i == t.sent.start or t.dep_ in ("nsubj", "nsubjpass"))
        and not any(
            (s := by_token.get(x.i)) is not None and s.label_ == "PERSON"
            for x in t.doc[t.sent.start : t.i]
        )
        for t in region
    )
    if not opening or previous is None:
        return None
    heads = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass")]
    heads += [c for t in heads for c in t.conjuncts]
    subjects: dict[str, Span] = {}
    for t in heads:
        span = by_token.get(t.i)
        if span is not None and span.label_ == "TITLE":
            span = _titled_person(span, by_token)
        if span is not None and span.label_ == "PERSON":
            subjects[span.text] = span
    if len(subjects) != 1:
        return None
    return mention(next(iter(subjects.values())), gaz)


TOPIC_PREPS = {"over", "about", "on", "regarding", "concerning"}


def _in_topic(node: Token, root: Token) -> bool:
    """ "talks in their row over oil rights in the Aegean": a place inside what the talks are
    about is not where they are held."""
    for ancestor in node.ancestors:
        if ancestor.i == root.i:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in TOPIC_PREPS:
            return any(
                g.lower_ not in FRAME_HEADS
                and g.lemma_.lower() not in MEALS  # "held talks over dinner in Berlin"
                and g.ent_type_ not in ("DATE", "TIME")
                for g in ancestor.children
                if g.dep_ == "pobj"
            )
    return False


def _named_after(title: Span, by_token: dict[int, Span]) -> Span | None:
    """The person a title stands before: "Ambassador Nazmi Akiman", "Ambassador to Athens
    Nazmi Akiman"."""
    at = title.end
    doc = title.doc
    if at + 1 < len(doc) and doc[at].lower_ == "to" and (post := by_token.get(at + 1)):
        at = post.end
    person = by_token.get(at)
    return person if person is not None and person.label_ == "PERSON" else None


def _titled_person(title: Span, by_token: dict[int, Span]) -> Span | None:
    """ "the Crown Prince": the one person the article names right after that title."""
    doc = title.doc
    if title.start == 0 or doc[title.start - 1].lower_ != "the":
        return None
    wanted = title.text.lower()
    # "the Chancellor" for "Chancellor of the Exchequer Nigel Lawson" too; "President Uhuru
    # Kenyatta" and "President Kenyatta" are one person
    people: dict[str, list[Span]] = {}
    for span in sorted(set(by_token.values()), key=lambda s: s.start):
        if (
            span.label_ == "TITLE"
            and (span.text.lower() == wanted or span.text.lower().startswith(wanted + " "))
            and (person := by_token.get(span.end)) is not None
            and person.label_ == "PERSON"
        ):
            people.setdefault(person.text.split()[-1], []).append(person)
    if len(people) > 1:
        # "the President received Tillerson", with President Buhari named further on: the one
        # named before
        people = {k: v for k, v in people.items() if v[0].start < title.start}
    if len(people) != 1:
        return None
    (named,) = people.values()
    return max(named, key=len)


def _names_the_place(span: Span, trigger: Token, gaz: Gazetteer) -> bool:
    """ "the Helsinki summit": a city before the meeting's name is where it is, not a party
    (a country there is a party: "the Russia talks"); a region there names who meets ("an
    Asia-Pacific summit in Vietnam"), not where."""
    if span.root.dep_ != "compound" or span.root.head.i != trigger.i:
        return False
    entry = gaz.entries.get(span.id_ or gaz.canonical(span.text) or "")
    if entry is None:
        return span.label_ != "LOC"  # "an Asia-Pacific summit" names its members' region
    return entry.category not in ("country", "region", "sea")


def _compound_parties(span: Span, by_token: dict[int, Span], gaz: Gazetteer) -> list[Mention]:
    """ "the Yeutter-de Clercq meeting", "Trump-Kim summit": one name for two parties, when
    each part is a person named in the article or a known country or organization."""
    parts = [p.strip() for p in re.split(r"\s*[-\u2013]\s*", span.text)]
    if len(parts) < 2 or span.label_ not in ("ORG", "PERSON", "GPE", "NORP"):
        return []
    if gaz.canonical(span.text) is not None:
        return []  # a name with a hyphen of its own: "Guinea-Bissau"
    people = {s.text for s in by_token.values() if s.label_ == "PERSON"}
    words = {w for name in people for w in name.split()} | {
        " ".join(name.split()[i:]) for name in people for i in range(len(name.split()))
    }
    found = []
    for part in parts:
        canonical = gaz.canonical(part)
        if canonical is not None:
            entry = gaz.entries[canonical]
            found.append(
                Mention(
                    entry.kind,
                    part,
                    span_evidence(span),
                    key=canonical,
                    is_country=entry.category == "country",
                )
            )
        elif part in words:
            found.append(Mention(EntityKind.PERSON, part, span_evidence(span)))
        else:
            return []
    return found


def span_evidence(span: Span) -> Evidence:
    return evidence(span.doc, span.start_char, span.end_char)


def _another_stop(span: Span, trigger: Token, root: Token) -> bool:
    if trigger.lemma_.lower() not in VISITS and root.lemma_.lower() not in VISITS:
        return False
    node = span.root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.i != span.root.i and node.dep_ == "dobj" and node.head.i in (trigger.i, root.i)


def _meanwhile(clause: Token) -> bool:
    """A clause told as going on with another: "as he hosted Netanyahu", "while meeting Xi"."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("as", "while") for c in clause.children
    )


def _arrived_just_before(verb: Token, by_token: dict[int, Span]) -> Span | None:
    """The place a clause told "after" the meeting's verb says someone arrived in or flew
    into ("shortly after Mr Widodo flew into Sydney")."""
    for clause in verb.children:
        if (
            clause.dep_ != "advcl"
            or clause.lemma_.lower() not in ARRIVALS | {"fly"}
            or not any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children)
        ):
            continue
        for prep in clause.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "into", "at", "to"):
                continue
            for word in prep.children:
                span = by_token.get(word.i)
                if word.dep_ == "pobj" and span is not None and span.label_ in ("GPE", "LOC"):
                    return span
    return None


def _arrived_for_a_visit(span: Span, trigger: Token, root: Token) -> bool:
    """ "Xi arrived in Manila on Tuesday for a state visit": the town arrived in is the one
    visited, as if the visit went "to" it (where the sentence tells no talks of the visit)."""
    return (
        trigger.lemma_.lower() in VISITS
        and root.lemma_.lower() in ARRIVALS
        and span.root.head.lower_ == "in"
        and span.root.head.head.i == root.i
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in trigger.children)
    )


def _host_country(span: Span, gaz: Gazetteer) -> Mention | None:
    """The country that receives a visit to a place: the country itself, or the capital's
    (a visit to Beijing is a visit to China; a campaign stop in Manchester receives no one)."""
    found = mention(span, gaz)
    if found is None:
        return None
    if found.is_country:
        return found
    country = gaz.capitals.get(found.key)
    return country_mention(span, country) if country else None


def _gathers(span: Span, trigger: Token, prep: str | None) -> bool:
    """ "the annual meeting of the Inter-American Development Bank", "the bank's annual
    meeting", "an IADB session": an organization named as the owner of a gathering; and
    "officials of the Cartagena group met here": its people meeting among themselves."""
    if span.label_ != "ORG":
        return False
    if trigger.pos_ == "VERB" and prep in ("of", "from"):
        people = span.root.head.head
        return (
            people.dep_ == "nsubj"
            and people.head.i == trigger.i
            and people.tag_ in ("NNS", "NNPS")
            and not any(c.dep_ == "dobj" or c.lower_ == "with" for c in trigger.children)
        )
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if trigger.lemma_.lower() not in OWN_GATHERINGS:
        return False
    if prep == "of":
        return span.root.head.head.i == trigger.i
    return span.root.head.i == trigger.i and span.root.dep_ in ("poss", "compound")


def _sides(trigger: Token, by_token: dict[int, Span], gaz: Gazetteer) -> list[Mention]:
    """ "Israel and Egypt made little progress in talks in Cairo", "France and Germany agreed
    at talks on Friday", "Trump shakes hands with Moon during a meeting": the several parties
    named by the clause that the talks, naming no parties of their own, are the setting of."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return []
    if trigger.head.lower_ not in ("in", "at", "during"):
        return []
    if any(
        (c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPS) or c.dep_ == "poss"
        for c in trigger.children
    ):
        return []
    node = trigger.head.head
    if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "attr"):
        node = node.head  # "made progress in talks", "reached a deal at talks"
    if node.pos_ not in ("VERB", "AUX") or node.lemma_.lower() in MEETING_VERBS:
        return []
    subject, _ = _acting_subject(node)
    if subject is None:
        return []
    # "Trump shakes hands with Moon during a meeting in the Oval Office": and whom they act with
    partners = [
        w
        for c in node.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for n in c.children
        if n.dep_ == "pobj"
        for w in (n, *n.conjuncts)
    ]
    found = _parties_named([subject, *subject.conjuncts, *partners], by_token, gaz)
    return found if len(found) > 1 else []


def _collective(party: Mention, gaz: Gazetteer) -> bool:
    entry = gaz.entries.get(party.key)
    return entry is not None and entry.category in ("intergovernmental", "body")


def _party(span: Span, gaz: Gazetteer) -> Mention | None:
    """A participant: people and organizations as they are, capitals and seats as their country."""
    found = mention(span, gaz)
    if found is None:
        return None
    if found.kind is EntityKind.PLACE and not found.is_country:
        country = gaz.capitals.get(found.key)
        return country_mention(span, country) if country else None
    if found.kind is EntityKind.ORGANIZATION and found.key in gaz.capitals:
        return country_mention(span, gaz.capitals[found.key])
    return found


def _town(span: Span, key: str, gaz: Gazetteer) -> Mention:
    entry = gaz.entries[key]
    return Mention(
        kind=EntityKind.PLACE,
        text=span.text,
        evidence=span_evidence(span),
        key=key,
        country=entry.country,
        is_country=entry.category == "country",
        confidence=CONFIDENCE_KEYED,
    )


def _capital_of(country: str | None, span: Span, gaz: Gazetteer) -> Mention | None:
    """The one capital of a country, as a span that stands for it names it."""
    towns = [
        town
        for town, of in gaz.capitals.items()
        if of == country and gaz.entries[town].category == "capital"
    ]
    return _town(span, towns[0], gaz) if len(towns) == 1 else None


def _place(span: Span, gaz: Gazetteer) -> Mention | None:
    """Where a meeting is: a place's name; the town of a seat of government ("met Trump at
    the White House" is in Washington); "the Finnish capital"; the town a building is named
    after ("the Palace of Versailles")."""
    if span.label_ == "ORG":
        entry = gaz.entries.get(span.id_)
        metonym = entry is not None and entry.category == "metonym"
        return _capital_of(entry.country, span, gaz) if entry is not None and metonym else None
    if span.label_ == "NORP":
        return _capital_of(gaz.demonyms.get(span.text), span, gaz)
    if span.label_ == "FAC":
        cut = next((t.i for t in span if t.lower_ == "of"), None)
        town = span.doc[cut + 1 : span.end] if cut is not None else None
        key = gaz.canonical(town.text) if town else None
        if town is None or key is None or gaz.entries[key].kind is not EntityKind.PLACE:
            return None
        return _town(town, key, gaz)
    return mention(span, gaz)


def _body_members(body: Span, gaz: Gazetteer) -> list[Mention]:
    """ "NATO-Russia Council" -> NATO and Russia; "OSCE Permanent Council" -> OSCE."""
    key = body.id_ or body.text
    entry = gaz.entries.get(key)
    names: list[str] = []
    if entry is not None and entry.members:
        names = list(entry.members)
    elif entry is not None and entry.parent:
        names = [entry.parent]
    else:
        words = key.split()
        while words and (
            words[-1] in BODY_HEADS
            or (words[-1][:1].isupper() and len(words) > 1 and words[-1] not in gaz.aliases)
        ):
            words.pop()
            if words and words[-1] not in BODY_HEADS and gaz.canonical(" ".join(words)):
                break
        names = [part for part in " ".join(words).split("-") if part]
    out = []
    for name in names:
        canonical = gaz.canonical(name.strip())
        if canonical is None:
            continue
        target = gaz.entries[canonical]
        out.append(
            Mention(
                kind=target.kind,
                text=body.text,
                evidence=evidence(body.doc, body.start_char, body.end_char),
                key=canonical,
                is_country=target.category == "country",
            )
        )
    return out


def _unique(parties: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for party in parties:
        marker = party.key or party.text
        if marker not in seen:
            seen.add(marker)
            out.append(party)
    return out


AHEAD_WORDS = {"next", "later", "coming", "upcoming", "forthcoming", "tomorrow", "ahead"}
PAST_WORDS = {"last", "ago", "yesterday", "earlier", "previous", "past"}


def _chain(token: Token, root: Token) -> list[Token]:
    """The trigger and the words above it up to the root of its clause (through the reporting
    verb, for a phrase set off from reported words)."""
    chain = list(_told_up(token))
    return chain[: chain.index(root) + 1] if root in chain else chain


def _tense(token: Token, root: Token, dates: list[tuple[int, Span]]) -> Tense:
    counted = token.head.head
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("after", "since")
        and counted.lower_ in MEETING_NOUNS
        and any(c.ent_type_ == "ORDINAL" for c in counted.children)
    ):
        return Tense.PAST  # "their second such meeting after a summit in Sochi in November"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in FUTURE_WORDS:
        return Tense.FUTURE  # "try to salvage a summit", "are preparing a summit"
    prep = token.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head
    if token.dep_ == "pobj" and prep.lower_ in ("before", "ahead") and _to_come(prep.head):
        return Tense.FUTURE  # "is due to meet Lee on Monday, before his summit with Kim"
    chain = _chain(token, root)
    # An adjective tells the time of its own noun only: "a future meeting", but not "discussed
    # the future relationship over dinner".
    # Nor does the purpose it was for: "visited Ankara earlier this month to prepare the trip".
    words = {
        w.lower_
        for t in chain
        for w in (t, *t.children)
        if not _due_otherwise(w)
        and not (w.ent_type_ and w.pos_ == "PROPN")  # "the Future Investment Initiative"
        and not (w.dep_ == "amod" and t.i != token.i and t.pos_ in ("NOUN", "PROPN"))
        and not (w.dep_ in ("advcl", "xcomp") and w.i > t.i and t.tag_ == "VBD" and _purpose(w))
    } | {t.lemma_.lower() for t in chain}
    if token.lower_ in CALLS or token.lemma_.lower() == "call":
        words -= CALLS
    date_words = {t.lower_ for _, span in dates for t in span}
    # "The two presidents had been scheduled to hold talks on Tuesday": a plan told in the
    # past perfect was for a time now past.
    if not date_words & AHEAD_WORDS and _planned_before(token, root):
        return Tense.PAST
    # "Straw is to visit Thailand": what is arranged to come; "Erdogan and Putin agreed to
    # meet in Istanbul": what is intended.
    if any(
        t.dep_ == "xcomp" and t.head.lemma_.lower() in INTENT_VERBS | {"be"} and _purpose(t)
        for t in (*chain, root)
    ):
        return Tense.FUTURE
    # "is set to visit Washington to meet Trump": an infinitive takes the time of its verb.
    node = root
    while node.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in node.children):
        node = node.head
        words |= {node.lemma_.lower()} | {c.lower_ for c in node.children if c.dep_ == "aux"}
    if words & (FUTURE_WORDS | PROPOSAL_WORDS):
        return Tense.FUTURE
    # The words of its own date expression: "an EU summit later in the week".
    if any(
        span[-1].lower_ == "later" and span.doc[_verb_of(span.root)].tag_ == "VBD"
        for _, span in dates
    ):
        return Tense.PAST  # "Days later, Greenblatt toured the region, meeting Netanyahu"
    if date_words & AHEAD_WORDS or (
        token.head.lower_ == "of" and token.head.head.lower_ == "ahead"
    ):
        return Tense.FUTURE
    if date_words & PAST_WORDS:
        return Tense.PAST
    # The verb nearest the trigger sets the time: "a proposal (received) to hold talks on ...".
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.tag_ in ("VBD", "VBN"):
        return Tense.PAST
    # Else a modal further up: "it would open the way for summit talks".
    above = list(_told_up(token))[1:]
    modals = {c.lower_ for t in above for c in t.children if c.dep_ == "aux"}
    if modals & {"will", "would", "could", "may", "might", "shall", "'ll"}:
        return Tense.FUTURE
    return Tense.UNKNOWN


def _planned_before(token: Token, root: Token) -> bool:
    """A meeting told as planned in the past perfect: "had been scheduled to hold talks",
    "had been due to meet", "had agreed to meet"."""
    for verb in (*_chain(token, root), root):
        if verb.dep_ != "xcomp":
            continue
        head = verb.head.head if verb.head.dep_ == "acomp" else verb.head
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
            return True
    return False


def _to_come(verb: Token) -> bool:
    """A verb told in the future: "will meet", "is due to meet", "is set to visit"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_WORDS for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_WORDS


def _ongoing(token: Token, root: Token) -> bool:
    """A meeting told in the present progressive: "are meeting", "is attending"."""
    chain = _chain(token, root)
    return any(
        t.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in t.children)
        for t in chain
    )


# Words by which a present perfect tells of a span of time, not of what has just been done:
# "have met three times", "has never visited", "have met since 2017", "while in New York",
# "if they have concluded".
SPAN_WORDS = {
    "times",
    "twice",
    "once",
    "several",
    "often",
    "never",
    "ever",
    "already",
    "before",
    "previously",
    "repeatedly",
    "since",
    "recently",
    "yet",
    "occasions",
    "while",
    "if",
}


def _just_done(token: Token, root: Token, region: list[Token]) -> bool:
    """A meeting told in the present perfect, with no day: news tells so what it has just
    done ("Kim Jong Un and Moon Jae-in have held talks", "Trump has met Putin")."""
    if any(t.lower_ in SPAN_WORDS for t in region):
        return False
    # the meeting verb itself, or the verb whose object the meeting is ("have held talks");
    # not talks that "have made progress" over time
    verb = token.head if token.dep_ == "dobj" else token
    if _perfect(verb):
        return True
    # "May has said Trump is behind Nato, after becoming the first foreign leader to hold
    # talks with him": what was just said or done came after the meeting
    after = next(
        (a for a in verb.ancestors if a.dep_ == "prep" and a.lower_ in ("after", "following")),
        None,
    )
    if after is None:
        return False
    # on the verb told in the present perfect, or on words reported by it
    told = after.head
    while told.dep_ == "ccomp" and not _perfect(told):
        told = told.head
    return _perfect(told)


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children
    )


def _when_called_off(span: Span) -> bool:
    """ "canceled on Thursday the summit planned for June 12": the day of the cancelling, not
    of the meeting (but "postponed it to June 19" is the meeting's new date)."""
    node = span.root
    if node.dep_ == "pobj" and node.head.lower_ in ("on", "at", "in"):
        node = node.head
    verb = node.head
    return node.dep_ in ("prep", "npadvmod") and verb.lemma_.lower() in CANCEL_WORDS - {
        "call",
        "off",
    }


# Verbs whose negation leaves the meeting they tell of standing: "cannot expect much from
# today's talks", "did not say what the talks covered".
OPEN_VERBS = {"expect", "say", "know", "think", "believe", "disclose", "reveal", "elaborate"}


HABITUAL = {"normally", "usually", "regularly", "often", "routinely", "typically", "traditionally"}


def _attends_one_told(token: Token) -> bool:
    """ "Tillerson attended the meeting", "Taking part in the talks were Li and Tamir"."""
    head = token.head
    # "take part in" with "in" hung on "part" or on "take"
    verb = head.head.head if head.head.lower_ == "part" else head.head
    attended = (token.dep_ == "dobj" and head.lemma_.lower() in ("attend", "join")) or (
        token.dep_ == "pobj"
        and head.lower_ == "in"
        and (
            verb.lemma_.lower() == "participate"
            or (verb.lemma_.lower() == "take" and any(c.lower_ == "part" for c in verb.children))
        )
    )
    return (
        token.pos_ == "NOUN"
        and attended
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
        # "the meeting", not "the Venice summit meeting of the industrialized countries"
        and all(c.dep_ in ("det", "amod", "prep", "relcl", "punct") for c in token.children)
        and not any(c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPS for c in token.children)
    )


def _habitual(token: Token, root: Token) -> bool:
    """ "Soviet and U.S. officials normally meet in the summer", "talks of this kind are
    regularly held", "governors meet every month": what is done as a rule, not once."""
    for node in {token, root}:
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in HABITUAL:
                return True
            if child.dep_ == "npadvmod" and any(
                g.dep_ == "det" and g.lower_ in ("every", "each") for g in child.children
            ):
                return True
    return False


DOUBT = {"may", "might", "could"}


def _told_up(token: Token) -> Iterator[Token]:
    """The token and its ancestors, where a phrase set off by a comma from words reported goes
    to the reporting verb ("told Trump that Turkey will never accept it, during their meeting":
    the meeting is not what Turkey will never do)."""
    node = token
    yield node
    while node.head.i != node.i:
        node = _told_of(node) if node.dep_ == "prep" else node.head
        yield node


def _negated(token: Token) -> bool:
    """ "did not meet", "no talks were held"; but not talks that a speaker "does not expect
    much from" (though "did not expect Trump to meet Kim" tells of no meeting)."""
    noun = token.pos_ in ("NOUN", "PROPN")
    for node in _told_up(token):
        open_verb = noun and node.i != token.i and node.lemma_.lower() in OPEN_VERBS
        if any(c.dep_ == "neg" for c in node.children):
            # "the June 12 meeting may not work out": in doubt, not called off
            doubted = noun and any(c.dep_ == "aux" and c.lower_ in DOUBT for c in node.children)
            return not (open_verb or doubted)
        if open_verb:
            return False  # what a speaker says or expects of talks is about the talks
    return False


def _unnamed_owner(token: Token, root: Token, by_token: dict[int, Span]) -> bool:
    """ "The negotiating group held its first meeting", "the committee will meet again": the
    meeting of a body the story does not name, not one of the parties told before (but "the
    two leaders will meet again" are those parties)."""
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children)
    if not owned and token.pos_ != "VERB":
        return False
    subject, _ = _acting_subject(verb)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.i in by_token:
        return False
    if any(t.i in by_token and by_token[t.i].label_ != "DATE" for t in subject.subtree):
        return False
    return subject.lemma_.lower() not in PEOPLE_NOUNS


def _proposed_clause(root: Token) -> bool:
    """ "proposed that they meet", "suggested the two sides hold talks": what a proposal
    says, not what happened (a "that" clause the parser may hang on a noun before it)."""
    if root.dep_ not in ("ccomp", "relcl"):
        return False
    # "proposed in a letter ... that they meet": "that" misread as the clause's object
    if (
        root.dep_ == "relcl"
        and not any(c.dep_ == "mark" for c in root.children)
        and not _misread_that(root)
    ):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("did", "had", "has", "have") for c in root.children):
        return False
    governor = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return governor is not None and governor.lemma_.lower() in PROPOSAL_WORDS


def _misread_that(clause: Token) -> bool:
    """A relative clause that is a "that" clause with a subject of its own: "proposed in a
    letter to Li that they meet", where the parser took "that" for the object of "meet"."""
    return (
        clause.lemma_.lower() in MEETING_VERBS
        and any(c.lower_ == "that" and c.dep_ == "dobj" for c in clause.children)
        and any(
            c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who") for c in clause.children
        )
    )


def _repeats(token: Token, root: Token) -> bool:
    """ "The two leaders will meet again", "another round of talks": the same parties anew."""
    chain = _chain(token, root)
    if any(c.lower_ == "again" for t in chain for c in t.children):
        return True
    # "They first held talks in Hamburg", "They last met in July": the same parties, once before
    if any(
        c.lower_ in ("first", "last") and c.dep_ == "advmod" for t in chain for c in t.children
    ) and any(c.lower_ == "they" and c.dep_ == "nsubj" for t in chain for c in t.children):
        return True
    # "their next summit", "their next meeting": the parties' own, still to come.
    if any(c.dep_ == "poss" and c.lower_ == "their" for c in token.children) and any(
        c.lower_ == "next" for c in token.children
    ):
        return True
    # "another round of talks", "a second round": the parties of the talks told before.
    return token.lower_ in ("round", "rounds") and any(
        c.lower_ in ("another", "new", "next", "further", "fresh") or c.ent_type_ == "ORDINAL"
        for c in token.children
    )


def _another(token: Token) -> bool:
    """ "Another meeting", "a further round": one more of the meetings told."""
    return any(
        c.dep_ in ("det", "amod") and c.lower_ in ("another", "further") for c in token.children
    )


def _names_its_day(span: Span, trigger: Token) -> bool:
    """Whether a date is written before a meeting noun as its name ("the June 12 summit")."""
    return (
        trigger.pos_ in ("NOUN", "PROPN")
        and span.end <= trigger.i
        and span.root.head.i == trigger.i
        and span.root.dep_ in ("compound", "nmod", "npadvmod", "amod")
    )


def _due_otherwise(word: Token) -> bool:
    """ "due" looks ahead as "due to" ("due to meet") or said of someone ("he is due in
    Brussels on Thursday"), not in "principal due by 1986"."""
    doc = word.doc
    if word.lower_ != "due" or (word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "to"):
        return False
    if word.dep_ != "acomp":
        return True
    return not any(
        c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in (*PRONOUNS, "they", "we"))
        for c in word.head.children
    )


def _date(dates: list[tuple[int, Span]], published: dt.date, tense: Tense) -> DateRange | None:
    for _, span in sorted(dates, key=lambda d: (d[0], d[1].start)):
        found = resolve(_with_part_of_day(span), published, tense)
        if found is None and span.label_ == "TIME" and CLOCK.search(span.text):
            # "talks begin at 3 p.m.": a clock time with no day is the day of the report.
            found = DateRange(DateValue(published.isoformat(), Precision.DAY))
        # "at 1330 GMT" is no year: a meeting's date lies within decades of the report.
        if found is not None and abs(int(found.start.iso[:4]) - published.year) <= YEARS_AROUND:
            return found
    return None


# Words before a day that place the time within it: "later on Monday", "early Tuesday".
PART_OF_THE_DAY = {"early", "earlier", "late", "later"}


def _with_part_of_day(span: Span) -> str:
    """A date's text with the words before it that place the time within the day, which the
    model leaves out ("fly to Ankara later on Monday")."""
    doc = span.doc
    start = span.start
    if start > 0 and doc[start - 1].lower_ == "on":
        start -= 1
    if start > 0 and doc[start - 1].lower_ in PART_OF_THE_DAY:
        return f"{doc[start - 1].lower_} {doc[start : span.end].text}"
    return span.text


# The units a meeting may be counted in from the one it is told after or before ("a day
# after", "two weeks before", "hours after"), in days.
COUNTED_UNITS = {"day": 1, "week": 7, "hour": 0}


def _counted_from_the_main(token: Token, published: dt.date) -> DateRange | None:
    """ "May held talks with Erdogan on Saturday, a day after she met Trump"; "Wednesday's
    meeting came a day after Pompeo held talks with Abbas": a meeting told in a clause "a day
    after" (or "two days before") a clause with a day of its own is that many days from it."""
    verb = token if token.pos_ == "VERB" else token.doc[_verb_of(token)]
    clause = next(
        (
            t
            for t in (verb, *verb.ancestors)
            if t.dep_ == "advcl" and any(m.dep_ == "mark" for m in t.children)
        ),
        None,
    )
    if clause is None:
        return None
    mark = next(m for m in clause.children if m.dep_ == "mark")
    amount = next((c for c in clause.children if c.dep_ == "npadvmod"), None)
    if mark.lower_ not in ("after", "before") or amount is None:
        return None
    unit = COUNTED_UNITS.get(amount.lemma_.lower())
    number = [c for c in amount.children if c.dep_ in ("det", "nummod", "advmod")]
    if unit is None or len(number) > 1:
        return None
    if unit and not number:
        return None  # "days after": how many is not told
    many = 1 if not number or number[0].lower_ in ("a", "an", "one") else count(number[0].text)
    if many is None:
        return None
    main = clause.head
    inside = {t.i for t in clause.subtree}
    tense = Tense.PAST if main.tag_ == "VBD" else Tense.FUTURE if _to_come(main) else Tense.UNKNOWN
    for span in token.doc.ents:
        if span.label_ != "DATE" or span.root.i in inside:
            continue
        if not any(a.i == main.i for a in (span.root, *span.root.ancestors)):
            continue
        found = resolve(span.text, published, tense)
        if found is None or found.end is not None or found.start.precision is not Precision.DAY:
            continue
        days = unit * many * (-1 if mark.lower_ == "after" else 1)
        moved = dt.date.fromisoformat(found.start.iso) + dt.timedelta(days=days)
        return DateRange(DateValue(moved.isoformat(), Precision.DAY))
    return None


def _day_shift(span: Span) -> int | None:
    """How many days from the day told before a day word counts: "the day before", "the
    previous day", "a day earlier" (-1); "the next day", "the following day", "a day later"
    (+1)."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    words = " ".join((before, span.text.lower(), after))
    found = DAY_SHIFT.search(words)
    if found is None:
        return None
    return -1 if found.group(1) or found.group(2) else 1


DAY_SHIFT = re.compile(
    r"\b(?:(previous|prior) day|day (before|earlier)|(?:next|following) day|day (?:after|later))\b"
)


YEARS_AROUND = 30
PART_OF_DAY = re.compile(
    r"(?:later |earlier )?(?:in the |that |the same )?(?:morning|afternoon|evening|night|day)",
    re.IGNORECASE,
)
CLOCK = re.compile(r"\d\s*(?:a\.?m\.?|p\.?m\.?|gmt|GMT|local time|h\b)|\d:\d\d")


def _near_words(token: Token, chain: list[Token]) -> set[str]:
    """The words on the way up from a trigger and beside it, that may say what became of it."""
    # Not the words of a name: "the Future Investment Initiative conference"
    near = {t.lemma_.lower() for t in chain} | {
        c.lower_ for t in chain for c in t.children if not (c.ent_type_ and c.pos_ == "PROPN")
    }
    if token.lower_ in CALLS or token.lemma_.lower() == "call":
        near -= CALLS  # a courtesy call is the meeting, not a call for one
    return near


def _sought(token: Token, root: Token) -> bool:
    """A meeting proposed, asked for or sought, not yet agreed ("proposed talks", "is seeking
    talks", "proposed that they meet")."""
    chain = _chain(token, root)
    near = _near_words(token, chain)
    up = {t.lemma_.lower() for t in chain}
    above = root.head
    if root.dep_ == "pcomp" and above.pos_ == "ADP":
        # "efforts aimed at starting discussions": what the meeting's clause hangs on
        owner = above.head.head if above.head.dep_ == "acl" else above.head
        up |= {above.lower_, above.head.lemma_.lower(), owner.lemma_.lower()}
    return bool(near & PROPOSAL_WORDS or up & SEEKING) or _proposed_clause(root)


def _status(
    token: Token,
    root: Token,
    date: DateRange | None,
    published: dt.date,
    tense: Tense,
    sought: bool,
) -> MeetingStatus:
    near = _near_words(token, _chain(token, root))
    # "called off", "put off", "postponed", but not "kicked off"
    off = "off" in near and bool(near & (CANCEL_WORDS | {"put"}) - {"off"})
    if off or near & {"cancel", "postpone", "scrap", "suspend"}:
        return MeetingStatus.CANCELLED
    if sought:
        return MeetingStatus.PROPOSED
    if _planned_before(token, root):
        return MeetingStatus.PLANNED  # "had been scheduled to hold talks on Tuesday"
    if date is not None:
        start = date.start.iso
        day = published.isoformat()
        if start < day[: len(start)]:
            return MeetingStatus.HELD
        if start > day[: len(start)]:
            return MeetingStatus.PLANNED
    if tense is Tense.FUTURE:
        return MeetingStatus.PLANNED
    return MeetingStatus.HELD
