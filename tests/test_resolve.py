"""Tests for resolution: name folding, and entities and meetings merged within and across articles.

The records are built by hand, as the extractors would yield them, so these tests need no model.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace

import pytest

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
    Role,
)
from newsgraph.resolve import name_key, person_key, resolve, slug, threshold

PERSON, ORGANIZATION, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE
HELD, PLANNED = MeetingStatus.HELD, MeetingStatus.PLANNED
PROPOSED, CANCELLED = MeetingStatus.PROPOSED, MeetingStatus.CANCELLED

Item = tuple[str, dt.date, ArticleRecords]


# Builders: one record per call, placed at ``at`` in the article so that evidence differs.


def _evidence(article: str, text: str, at: int = 0) -> Evidence:
    return Evidence(article, at, at + len(text), text)


def _person(article: str, name: str, at: int = 0) -> Mention:
    return Mention(PERSON, name, _evidence(article, name, at))


def _country(article: str, text: str, key: str, at: int = 0) -> Mention:
    return Mention(PLACE, text, _evidence(article, text, at), key=key, is_country=True)


def _city(article: str, name: str, country: str, at: int = 0) -> Mention:
    return Mention(PLACE, name, _evidence(article, name, at), key=name, country=country)


def _organization(article: str, name: str, key: str = "", at: int = 0) -> Mention:
    return Mention(ORGANIZATION, name, _evidence(article, name, at), key=key)


def _day(iso: str) -> DateRange:
    return DateRange(DateValue(iso, Precision.DAY))


def _month(iso: str) -> DateRange:
    return DateRange(DateValue(iso, Precision.MONTH))


def _meeting(
    article: str,
    participants: tuple[Mention, ...],
    *,
    status: MeetingStatus = HELD,
    date: DateRange | None = None,
    location: Mention | None = None,
    at: int = 0,
    anaphoric: bool = False,
) -> Meeting:
    return Meeting(
        trigger="met",
        participants=participants,
        evidence=_evidence(article, f"sentence at {at}", at),
        status=status,
        location=location,
        date=date,
        anaphoric=anaphoric,
    )


def _item(
    article: str,
    published: str,
    mentions: tuple[Mention, ...],
    meetings: tuple[Meeting, ...] = (),
    roles: tuple[Role, ...] = (),
) -> Item:
    records = ArticleRecords(article, mentions=mentions, roles=roles, meetings=meetings)
    return article, dt.date.fromisoformat(published), records


def _people(corpus: Corpus) -> list[Entity]:
    return [e for e in corpus.entities if e.kind is PERSON]


def _named(corpus: Corpus, name: str) -> Entity:
    (found,) = [e for e in corpus.entities if e.name == name]
    return found


def _summit(article: str, published: str, status: MeetingStatus, date: DateRange | None) -> Item:
    """An article reporting a meeting of Lavrov and Blinken in Geneva."""
    lavrov, blinken = _person(article, "Sergei Lavrov"), _person(article, "Antony Blinken", 20)
    geneva = _city(article, "Geneva", "Switzerland", 40)
    meeting = _meeting(article, (lavrov, blinken), status=status, date=date, location=geneva, at=60)
    return _item(article, published, (lavrov, blinken, geneva), (meeting,))


def _meetings(*items: Item) -> tuple[ResolvedMeeting, ...]:
    return resolve(list(items)).meetings


# Name folding.


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Dmitry Peskov", "Dmitriy Peskov"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Aleksandr Lukashenko", "Alexander Lukashenko"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Zelenskiy", "Zelensky"),
        ("Andrey Rudenko", "Andrei Rudenko"),
        ("Alexey Navalny", "Aleksei Navalny"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("Mykhailo Podolyak", "Mykhaylo Podolyak"),
        ("Mr. Lavrov", "Lavrov"),
    ],
)
def test_person_key_folds_transliterations(one: str, other: str) -> None:
    assert person_key(one) == person_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sergei Lavrov", "Sergei Ryabkov"),
        ("Joe Biden", "Hunter Biden"),
        ("Alexander Novak", "Alexander Lukashenko"),
        ("Kim Jong Un", "Kim Yo Jong"),
        ("Maria Zakharova", "Mikhail Zakharov"),
        ("Maria Zakharova", "Maria Zakharov"),
    ],
)
def test_person_key_keeps_different_people_apart(one: str, other: str) -> None:
    assert person_key(one) != person_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Russia-NATO Council", "NATO-Russia Council"),
        ("NATO\u2013Russia Council", "NATO-Russia Council"),
        ("The European Union", "european union"),
        ("the Arab League", "Arab League"),
        ("C\u00f4te d'Ivoire", "Cote d'Ivoire"),
        ("U.N. Security Council", "UN Security Council"),
    ],
)
def test_name_key_folds_order_case_article_and_accents(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("NATO-Russia Council", "NATO-Ukraine Council"),
        ("Security Council", "Security Service"),
    ],
)
def test_name_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sergei Lavrov", "sergei-lavrov"),
        ("Recep Tayyip Erdo\u011fan", "recep-tayyip-erdogan"),
        ("C\u00f4te d'Ivoire", "cote-d-ivoire"),
        ("  NATO-Russia Council ", "nato-russia-council"),
        # No Latin letter: a hash of the name, the same in every run (not Python's hash()).
        (
            "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d",
            "x6434d6ff29d6",
        ),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_slugs_of_non_latin_names_differ() -> None:
    assert slug("\u4e60\u8fd1\u5e73") != slug("\u674e\u514b\u5f3a")


@pytest.mark.parametrize(
    "name",
    [
        "Ursula von der Leyen",
        "\u0417\u0435\u043b\u0435\u043d\u0441\u044c\u043a\u0438\u0439",
        "A. " * 60,
        "\u00c9lys\u00e9e!",
    ],
)
def test_slug_is_a_short_ascii_segment(name: str) -> None:
    found = slug(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", found), found
    assert len(found) <= 80


# Entities.


def test_surname_joins_the_full_name_of_its_article() -> None:
    corpus = resolve(
        [_item("a", "2022-01-20", (_person("a", "Sergei Lavrov"), _person("a", "Lavrov", 50)))]
    )
    (lavrov,) = _people(corpus)
    assert (lavrov.name, lavrov.alternate_names) == ("Sergei Lavrov", ("Lavrov",))
    assert len(lavrov.evidence) == 2


def test_surname_joins_a_unique_full_name_across_articles() -> None:
    corpus = resolve(
        [
            _item("a", "2022-01-20", (_person("a", "Sergei Lavrov"),)),
            _item("b", "2022-01-21", (_person("b", "Lavrov"),)),
        ]
    )
    (lavrov,) = _people(corpus)
    assert lavrov.name == "Sergei Lavrov"
    assert lavrov.articles == ("a", "b")
    assert corpus.mentions["b"] == (lavrov.ident,)


def test_shared_surname_across_articles_stays_apart() -> None:
    corpus = resolve(
        [
            _item("a", "2022-01-20", (_person("a", "Joe Biden"),)),
            _item("b", "2022-01-20", (_person("b", "Hunter Biden"),)),
            _item("c", "2022-01-21", (_person("c", "Biden"),)),
        ]
    )
    assert sorted(e.name for e in _people(corpus)) == ["Biden", "Hunter Biden", "Joe Biden"]
    assert _named(corpus, "Biden").articles == ("c",)
    assert _named(corpus, "Joe Biden").articles == ("a",)


@pytest.mark.parametrize(
    ("first", "second"), [("Joe Biden", "Hunter Biden"), ("Hunter Biden", "Joe Biden")]
)
def test_a_surname_shared_in_one_article_is_the_person_named_first(first: str, second: str) -> None:
    mentions = (_person("a", first), _person("a", second, 20), _person("a", "Biden", 40))
    corpus = resolve([_item("a", "2022-01-20", mentions)])
    assert sorted(e.name for e in _people(corpus)) == ["Hunter Biden", "Joe Biden"]
    assert _named(corpus, first).alternate_names == ("Biden",)
    assert _named(corpus, second).alternate_names == ()


def test_a_family_name_first_shared_in_one_article_is_the_person_named_first() -> None:
    mentions = (
        _person("a", "Kim Jong Un"),
        _person("a", "Kim Jung-sook", 30),
        _person("a", "Kim", 60),
    )
    corpus = resolve([_item("a", "2018-09-18", mentions)])
    assert sorted(e.name for e in _people(corpus)) == ["Kim Jong Un", "Kim Jung-sook"]
    assert _named(corpus, "Kim Jong Un").alternate_names == ("Kim",)


def test_transliterations_are_one_person() -> None:
    corpus = resolve(
        [
            _item("a", "2022-01-20", (_person("a", "Sergey Lavrov"),)),
            _item("b", "2022-01-21", (_person("b", "Sergei Lavrov"),)),
        ]
    )
    (lavrov,) = _people(corpus)
    assert {lavrov.name, *lavrov.alternate_names} == {"Sergey Lavrov", "Sergei Lavrov"}
    assert lavrov.ident == "person/sergei-lavrov"


def test_gazetteer_key_merges_surface_forms() -> None:
    corpus = resolve(
        [
            _item("a", "2022-01-20", (_country("a", "U.S.", "United States"),)),
            _item("b", "2022-01-20", (_country("b", "America", "United States"),)),
            _item("c", "2022-01-21", (_country("c", "United States", "United States"),)),
        ]
    )
    (country,) = corpus.entities
    assert (country.ident, country.kind, country.name) == (
        "place/united-states",
        PLACE,
        "United States",
    )
    assert country.alternate_names == ("America", "U.S.")
    assert country.is_country
    assert country.articles == ("a", "b", "c")


def test_reordered_compound_names_are_one_organization() -> None:
    corpus = resolve(
        [
            _item("a", "2022-01-20", (_organization("a", "NATO-Russia Council"),)),
            _item("b", "2022-01-21", (_organization("b", "Russia-NATO Council"),)),
        ]
    )
    (council,) = corpus.entities
    assert council.kind is ORGANIZATION
    assert {council.name, *council.alternate_names} == {
        "NATO-Russia Council",
        "Russia-NATO Council",
    }


def test_city_knows_its_country_when_the_country_is_mentioned() -> None:
    corpus = resolve(
        [
            _item(
                "a",
                "2022-01-20",
                (
                    _city("a", "Geneva", "Switzerland"),
                    _country("a", "Switzerland", "Switzerland", 20),
                ),
            )
        ]
    )
    assert _named(corpus, "Geneva").country == _named(corpus, "Switzerland").ident


# Meetings.


def _idents_of(corpus: Corpus, *names: str) -> tuple[str, ...]:
    """The sorted idents of the entities named so, as a resolved meeting lists its parties."""
    return tuple(sorted(_named(corpus, name).ident for name in names))


@pytest.mark.parametrize(
    ("older", "newer"), [(PLANNED, HELD), (PLANNED, CANCELLED), (PROPOSED, PLANNED)]
)
def test_one_meeting_from_two_articles_takes_the_newer_status(
    older: MeetingStatus, newer: MeetingStatus
) -> None:
    date = _day("2022-01-21")
    items = [_summit("b", "2022-01-22", newer, date), _summit("a", "2022-01-18", older, date)]
    corpus = resolve(items)
    (meeting,) = corpus.meetings
    assert meeting.articles == ("a", "b")
    assert {e.article for e in meeting.evidence} == {"a", "b"}
    assert meeting.status is newer
    assert meeting.participants == _idents_of(corpus, "Sergei Lavrov", "Antony Blinken")
    assert meeting.location == _named(corpus, "Geneva").ident
    assert meeting.date == date


def test_day_and_month_of_one_meeting_merge_to_the_day() -> None:
    (meeting,) = _meetings(
        _summit("a", "2021-12-28", PLANNED, _month("2022-01")),
        _summit("b", "2022-01-22", HELD, _day("2022-01-21")),
    )
    assert meeting.date == _day("2022-01-21")
    assert meeting.status is HELD


def test_meetings_with_incompatible_dates_stay_apart() -> None:
    found = _meetings(
        _summit("a", "2022-01-20", HELD, _day("2022-01-10")),
        _summit("b", "2022-01-20", HELD, _day("2022-01-12")),
    )
    assert sorted(m.date.start.iso for m in found if m.date) == ["2022-01-10", "2022-01-12"]


def test_meetings_with_different_participants_stay_apart() -> None:
    date = _day("2022-01-21")
    wang = _person("b", "Wang Yi")
    lavrov = _person("b", "Sergei Lavrov", 20)
    other = _meeting("b", (wang, lavrov), date=date, at=40)
    corpus = resolve(
        [
            _summit("a", "2022-01-20", HELD, date),
            _item("b", "2022-01-22", (wang, lavrov), (other,)),
        ]
    )
    assert {m.participants for m in corpus.meetings} == {
        _idents_of(corpus, "Sergei Lavrov", "Antony Blinken"),
        _idents_of(corpus, "Sergei Lavrov", "Wang Yi"),
    }


def test_reference_back_attaches_to_the_previous_meeting_of_its_article() -> None:
    putin, xi = _person("a", "Vladimir Putin"), _person("a", "Xi Jinping", 20)
    macron, scholz = _person("a", "Emmanuel Macron", 40), _person("a", "Olaf Scholz", 60)
    beijing = _city("a", "Beijing", "China", 80)
    first = _meeting("a", (putin, xi), date=_day("2022-02-04"), location=beijing, at=100)
    second = _meeting("a", (macron, scholz), date=_day("2022-01-25"), at=200)
    back = _meeting("a", (), at=300, anaphoric=True)
    corpus = resolve(
        [_item("a", "2022-01-20", (putin, xi, macron, scholz, beijing), (first, second, back))]
    )
    by_people = {m.participants: m for m in corpus.meetings}
    assert set(by_people) == {
        _idents_of(corpus, "Vladimir Putin", "Xi Jinping"),
        _idents_of(corpus, "Emmanuel Macron", "Olaf Scholz"),
    }
    franco_german = by_people[_idents_of(corpus, "Emmanuel Macron", "Olaf Scholz")]
    assert franco_german.evidence == (second.evidence, back.evidence)
    sino_russian = by_people[_idents_of(corpus, "Vladimir Putin", "Xi Jinping")]
    assert sino_russian.evidence == (first.evidence,)


def test_reference_back_naming_a_place_finds_the_meeting_held_there() -> None:
    putin, xi = _person("a", "Vladimir Putin"), _person("a", "Xi Jinping", 20)
    macron, scholz = _person("a", "Emmanuel Macron", 40), _person("a", "Olaf Scholz", 60)
    beijing = _city("a", "Beijing", "China", 80)
    first = _meeting("a", (putin, xi), date=_day("2022-02-04"), location=beijing, at=100)
    second = _meeting("a", (macron, scholz), date=_day("2022-01-25"), at=200)
    back = _meeting("a", (), location=_city("a", "Beijing", "China", 290), at=300, anaphoric=True)
    corpus = resolve(
        [_item("a", "2022-01-20", (putin, xi, macron, scholz, beijing), (first, second, back))]
    )
    sino_russian = next(m for m in corpus.meetings if m.location is not None)
    assert sino_russian.participants == _idents_of(corpus, "Vladimir Putin", "Xi Jinping")
    assert sino_russian.evidence == (first.evidence, back.evidence)


def test_reference_back_does_not_reach_into_another_article() -> None:
    back = _meeting("b", (), date=_day("2022-01-21"), at=10, anaphoric=True)
    (meeting,) = _meetings(
        _summit("a", "2022-01-20", PLANNED, _day("2022-01-21")),
        _item("b", "2022-01-22", (), (back,)),
    )
    assert meeting.articles == ("a",)
    assert back.evidence not in meeting.evidence


# Stable idents.


def _corpus_items() -> list[Item]:
    zakharova = _person("c", "Maria Zakharova")
    ministry = _organization("c", "Russian Foreign Ministry", "Russian Foreign Ministry", 40)
    role = Role(zakharova, "Spokeswoman", ministry, _evidence("c", "spokeswoman", 20))
    return [
        _summit("a", "2022-01-18", PLANNED, _day("2022-01-21")),
        _summit("b", "2022-01-22", HELD, _day("2022-01-21")),
        _item(
            "c",
            "2022-01-20",
            (
                zakharova,
                _person("c", "Lavrov", 30),
                ministry,
                _country("c", "U.S.", "United States", 60),
            ),
            roles=(role,),
        ),
        _item(
            "d",
            "2022-01-20",
            (
                _person("d", "Joe Biden"),
                _person("d", "Biden", 30),
                _organization("d", "Russia-NATO Council"),
            ),
        ),
    ]


def _idents(corpus: Corpus) -> tuple[list[str], list[str], list[str]]:
    return (
        [e.ident for e in corpus.entities],
        [m.ident for m in corpus.meetings],
        [r.ident for r in corpus.roles],
    )


def test_idents_do_not_depend_on_the_order_of_the_articles() -> None:
    items = _corpus_items()
    expected = resolve(items)
    assert expected.meetings
    assert expected.roles
    for order in itertools.permutations(items):
        found = resolve(list(order))
        assert _idents(found) == _idents(expected)
        assert found == expected


def test_idents_do_not_depend_on_the_order_of_the_mentions() -> None:
    items = _corpus_items()
    shuffled = [
        (
            article,
            published,
            ArticleRecords(
                article, tuple(reversed(records.mentions)), records.roles, records.meetings
            ),
        )
        for article, published, records in items
    ]
    assert _idents(resolve(shuffled)) == _idents(resolve(items))


def test_idents_do_not_depend_on_the_other_articles() -> None:
    alone = resolve(_corpus_items()[:1])
    together = resolve(_corpus_items())
    assert {e.ident for e in alone.entities} <= {e.ident for e in together.entities}


def _helsinki(article: str, parties: tuple[Mention, ...], roles: tuple[Role, ...] = ()) -> Item:
    helsinki = _city(article, "Helsinki", "Finland", 90)
    meeting = _meeting(article, parties, date=_day("2018-07-16"), location=helsinki, at=100)
    return _item(article, "2018-07-17", (*parties, helsinki), (meeting,), roles)


def _leader(article: str, name: str, country: str, at: int) -> tuple[Mention, Role]:
    person = _person(article, name, at)
    role = Role(
        person,
        "President",
        _country(article, country, country, at + 30),
        _evidence(article, f"President {name}", at),
    )
    return person, role


def test_one_meeting_told_by_people_and_by_countries_in_two_outlets() -> None:
    putin, putin_role = _leader("a", "Vladimir Putin", "Russia", 0)
    trump, trump_role = _leader("a", "Donald Trump", "United States", 50)
    by_people = _helsinki("a", (putin, trump), (putin_role, trump_role))
    by_countries = _helsinki(
        "b", (_country("b", "Russia", "Russia"), _country("b", "U.S.", "United States", 10))
    )

    (meeting,) = _meetings(by_people, by_countries)

    assert meeting.articles == ("a", "b")
    # The countries are spoken for by their presidents: they are not listed beside them.
    assert meeting.participants == ("person/donald-trump", "person/vladimir-putin")


def test_different_sides_on_the_same_day_and_place_stay_apart() -> None:
    putin, putin_role = _leader("a", "Vladimir Putin", "Russia", 0)
    trump, trump_role = _leader("a", "Donald Trump", "United States", 50)
    macron, macron_role = _leader("b", "Emmanuel Macron", "France", 0)
    putin_b, putin_role_b = _leader("b", "Vladimir Putin", "Russia", 50)
    first = _helsinki("a", (putin, trump), (putin_role, trump_role))
    second = _helsinki("b", (macron, putin_b), (macron_role, putin_role_b))

    assert len(_meetings(first, second)) == 2


def test_a_dated_reference_back_dates_the_undated_meeting_before_it() -> None:
    opec = _organization("a", "OPEC", "OPEC")
    meeting = _meeting("a", (opec,), at=10)
    today = _meeting("a", (), date=_day("1987-03-02"), at=50, anaphoric=True)
    (found,) = _meetings(_item("a", "1987-03-02", (opec,), (meeting, today)))
    assert found.date == _day("1987-03-02")
    assert len(found.evidence) == 2


def test_a_meeting_told_as_just_done_is_on_the_story_day_unless_the_story_dates_it() -> None:
    figueroa, mancera = _person("a", "Leon Figo"), _person("a", "Manuel Mora", 20)
    lead = replace(_meeting("a", (figueroa, mancera), at=40), recent=True)
    (alone,) = _meetings(_item("a", "1987-04-24", (figueroa, mancera), (lead,)))
    assert alone.date == _day("1987-04-24")

    yesterday = _meeting("a", (figueroa, mancera), date=_day("1987-04-23"), at=90)
    (retold,) = _meetings(_item("a", "1987-04-24", (figueroa, mancera), (lead, yesterday)))
    assert retold.date == _day("1987-04-23")

    (plain,) = _meetings(
        _item("a", "1987-04-24", (figueroa, mancera), (replace(lead, recent=False),))
    )
    assert plain.date is None


def test_the_leaders_a_reference_back_names_join_the_meeting_told_before() -> None:
    russia = _country("a", "Russian", "Russia")
    usa = _country("a", "U.S.", "United States", 12)
    sherman, ryabkov = _person("a", "Wendy Sherman", 60), _person("a", "Sergei Ryabkov", 90)
    talks = _meeting("a", (russia, usa), date=_day("2022-01-10"), at=0)
    led = _meeting("a", (sherman, ryabkov), at=50, anaphoric=True)
    (found,) = _meetings(_item("a", "2022-01-11", (russia, usa, sherman, ryabkov), (talks, led)))
    assert len(found.participants) == 4
    assert found.date == _day("2022-01-10")


def test_confidence_grows_with_independent_reports() -> None:
    def scholz(article: str) -> Mention:
        return Mention(PERSON, "Olaf Scholz", _evidence(article, "Olaf Scholz"), confidence=0.8)

    one = _item("a", "2022-01-20", (scholz("a"),))
    two = _item("b", "2022-01-21", (scholz("b"),))
    (alone,) = _people(resolve([one]))
    (both,) = _people(resolve([one, two]))
    assert alone.confidence == 0.8
    assert both.confidence == 0.96  # 1 - 0.2 * 0.2


def test_threshold_drops_unsure_facts_and_the_links_to_them() -> None:
    sure = Mention(PERSON, "Olaf Scholz", _evidence("a", "Olaf Scholz"), confidence=0.9)
    unsure = Mention(PERSON, "Macron", _evidence("a", "Macron", 20), confidence=0.5)
    third = Mention(PERSON, "Pedro Sanchez", _evidence("a", "Pedro Sanchez", 40), confidence=0.9)
    meeting = Meeting(
        "met", (sure, unsure, third), _evidence("a", "They met.", 60), HELD, confidence=0.8
    )
    corpus = resolve([_item("a", "2022-01-20", (sure, unsure, third), (meeting,))])

    kept = threshold(corpus, 0.7)

    assert {e.name for e in kept.entities} == {"Olaf Scholz", "Pedro Sanchez"}
    (found,) = kept.meetings
    assert found.participants == ("person/olaf-scholz", "person/pedro-sanchez")
    assert threshold(corpus, 0.85).meetings == ()
    assert threshold(corpus, 0.0) == corpus


@pytest.mark.parametrize(
    ("one", "other"), [("Chrysler Corp", "Chrysler"), ("Siemens AG", "Siemens")]
)
def test_name_key_leaves_out_company_suffixes(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_one_person_and_the_country_they_speak_for_are_no_meeting() -> None:
    putin, putin_role = _leader("a", "Vladimir Putin", "Russia", 0)
    alone = _helsinki("a", (putin, _country("a", "Russia", "Russia", 40)), (putin_role,))
    assert _meetings(alone) == ()


def test_a_reference_back_dated_to_a_month_names_another_meeting() -> None:
    opec = _organization("a", "OPEC", "OPEC")
    meeting = _meeting("a", (opec,), at=10)
    january = _meeting("a", (), date=_month("1987-01"), at=50, anaphoric=True)
    found = _meetings(_item("a", "1987-03-02", (opec,), (meeting, january)))
    (told,) = [m for m in found if m.date is None]
    (earlier,) = [m for m in found if m.date is not None]
    assert told.date is None
    assert len(told.evidence) == 1
    # "The January talks": another round between the parties of the meeting told before.
    assert earlier.date == _month("1987-01")
    assert earlier.participants == told.participants


def test_a_dated_meeting_told_again_with_more_parties_is_one_meeting() -> None:
    yeutter, clercq = _person("a", "Clayton Yeutter", 0), _person("a", "Willy de Clercq", 20)
    spain = _country("a", "Spain", "Spain", 60)
    dated = _meeting("a", (yeutter, clercq), date=_month("1987-10"), status=PLANNED, at=0)
    more = _meeting("a", (yeutter, clercq, spain), status=PLANNED, at=50)
    (found,) = _meetings(_item("a", "1987-10-19", (yeutter, clercq, spain), (dated, more)))
    assert found.date == _month("1987-10")
    assert len(found.participants) == 3


def test_an_undated_meeting_of_fewer_parties_stays_apart_from_the_dated_one() -> None:
    nato = _organization("a", "NATO", "NATO")
    russia = _country("a", "Russia", "Russia", 10)
    us = _country("a", "U.S.", "United States", 20)
    talks = _meeting("a", (russia, us, nato), date=_month("2022-01"), status=PLANNED, at=0)
    joint = _meeting("a", (nato, russia), status=PLANNED, at=50)
    assert len(_meetings(_item("a", "2022-01-05", (nato, russia, us), (talks, joint)))) == 2


def test_a_surname_joined_by_and_to_a_full_name_is_someone_else() -> None:
    reagan = _person("a", "Reagan", 0)
    nancy = _person("a", "Nancy Reagan", len("Reagan and "))
    later = _person("a", "Reagan", 60)
    corpus = resolve([_item("a", "1987-03-04", (reagan, nancy, later))])
    assert sorted(e.name for e in _people(corpus)) == ["Nancy Reagan", "Reagan"]


def test_meeting_again_takes_the_parties_of_the_meeting_before() -> None:
    xi, biden = _person("a", "Xi Jinping", 0), _person("a", "Joe Biden", 20)
    first = _meeting("a", (xi, biden), date=_day("2022-11-14"), at=0)
    again = replace(
        _meeting("a", (), date=_day("2022-11-19"), status=PLANNED, at=50, anaphoric=True),
        repeats=True,
    )
    found = _meetings(_item("a", "2022-11-14", (xi, biden), (first, again)))
    assert [(m.date, m.status, len(m.participants)) for m in found] == [
        (_day("2022-11-14"), HELD, 2),
        (_day("2022-11-19"), PLANNED, 2),
    ]


def test_they_meeting_again_are_the_parties_not_the_summit_they_met_at() -> None:
    xi, biden = _person("a", "Xi Jinping", 0), _person("a", "Joe Biden", 20)
    g20 = _organization("a", "G20", "G20", 60)
    first = _meeting("a", (xi, biden), date=_day("2022-11-14"), at=0)
    summit = _meeting("a", (g20,), date=_day("2022-11-14"), at=40)
    again = replace(
        _meeting("a", (), date=_day("2022-11-19"), status=PLANNED, at=80, anaphoric=True),
        repeats=True,
    )
    found = _meetings(_item("a", "2022-11-14", (xi, biden, g20), (first, summit, again)))
    planned = [m for m in found if m.status is PLANNED]
    assert [len(m.participants) for m in planned] == [2]


def test_a_reference_back_adds_the_person_it_names() -> None:
    chile, bank = (
        _country("a", "Chile", "Chile"),
        _organization("a", "World Bank", "World Bank", 10),
    )
    marcel = _person("a", "Mario Marcel", 60)
    told = _meeting("a", (chile, bank), at=20)
    led = _meeting("a", (marcel,), at=50, anaphoric=True)
    (found,) = _meetings(_item("a", "2022-01-20", (chile, bank, marcel), (told, led)))
    assert len(found.participants) == 3
    assert "person/mario-marcel" in found.participants
    assert len(found.evidence) == 2


def test_todays_talks_date_the_last_undated_meeting_after_an_earlier_round() -> None:
    opec = _organization("a", "OPEC", "OPEC")
    told = _meeting("a", (opec,), at=10)
    january = _meeting("a", (), date=_month("2022-01"), at=30, anaphoric=True)
    today = _meeting("a", (), date=_day("2022-03-02"), at=50, anaphoric=True)
    found = _meetings(_item("a", "2022-03-02", (opec,), (told, january, today)))
    assert sorted(m.date.start.iso for m in found if m.date is not None) == [
        "2022-01",
        "2022-03-02",
    ]


def _place(article: str, name: str, at: int = 0) -> Mention:
    return Mention(PLACE, name, _evidence(article, name, at))


def test_a_short_name_joins_the_one_longer_name_of_its_article() -> None:
    mentions = (
        _organization("a", "European Union", "EU"),
        _organization("a", "Union", at=40),
        _organization("a", "Paris Club", at=60),
        _organization("a", "Club", at=80),
        _organization("a", "Airbus Industrie", at=100),
        _organization("a", "Airbus", at=120),
    )
    corpus = resolve([_item("a", "2022-01-20", mentions)])
    assert sorted((e.name, e.alternate_names) for e in corpus.entities) == [
        ("Airbus Industrie", ("Airbus",)),
        ("EU", ("European Union", "Union")),
        ("Paris Club", ("Club",)),
    ]


def test_a_short_name_of_two_longer_names_stays_apart() -> None:
    mentions = (
        _place("a", "North Korea"),
        _place("a", "North Macedonia", 20),
        _place("a", "North", 40),
        _organization("a", "North", at=60),
    )
    corpus = resolve([_item("a", "2022-01-20", mentions)])
    assert len(corpus.entities) == 4


def test_a_short_name_is_not_a_name_of_another_kind() -> None:
    mentions = (_organization("a", "Paris Club"), _place("a", "Club", 20))
    corpus = resolve([_item("a", "2022-01-20", mentions)])
    assert len(corpus.entities) == 2


def test_a_short_name_shown_in_one_article_joins_across_articles() -> None:
    corpus = resolve(
        [
            _item(
                "a",
                "2022-01-20",
                (_organization("a", "Airbus Industrie"), _organization("a", "Airbus", at=30)),
            ),
            _item("b", "2022-01-21", (_organization("b", "Airbus"),)),
            _item("c", "2022-01-21", (_organization("c", "Boeing"),)),
        ]
    )
    assert sorted((e.name, e.articles) for e in corpus.entities) == [
        ("Airbus Industrie", ("a", "b")),
        ("Boeing", ("c",)),
    ]
    assert corpus.mentions["b"] == corpus.mentions["a"]


def test_a_meeting_retold_without_its_day_by_a_later_story_is_the_same_meeting() -> None:
    dated = _summit("a", "2022-01-11", HELD, _day("2022-01-10"))
    undated = _summit("b", "2022-01-12", HELD, None)
    (found,) = _meetings(dated, undated)
    assert found.date == _day("2022-01-10")
    assert len(found.evidence) == 2


def test_an_undated_meeting_told_long_after_or_by_other_parties_stays_apart() -> None:
    dated = _summit("a", "2022-01-11", HELD, _day("2022-01-10"))
    assert len(_meetings(dated, _summit("b", "2022-03-01", HELD, None))) == 2
    lavrov, wang = _person("c", "Sergei Lavrov"), _person("c", "Wang Yi", 20)
    other = _item("c", "2022-01-12", (lavrov, wang), (_meeting("c", (lavrov, wang), at=60),))
    assert len(_meetings(dated, other)) == 2


def test_a_name_with_a_given_name_left_out_is_the_one_fuller_name() -> None:
    longer = _person("a", "Recep Tayyip Erdogan")
    shorter = _person("b", "Tayyip Erdogan")
    corpus = resolve([_item("a", "2017-06-14", (longer,)), _item("b", "2017-06-14", (shorter,))])
    (erdogan,) = _people(corpus)
    assert erdogan.name == "Recep Tayyip Erdogan"
    assert "Tayyip Erdogan" in erdogan.alternate_names


def test_a_name_that_leaves_out_a_middle_name_is_not_joined() -> None:
    corpus = resolve(
        [
            _item("a", "2017-06-14", (_person("a", "George H. W. Bush"),)),
            _item("b", "2017-06-14", (_person("b", "George W. Bush"),)),
        ]
    )
    assert len(_people(corpus)) == 2


def test_a_body_that_is_also_a_party_is_listed_once_as_a_party() -> None:
    gcc = _organization("a", "GCC", "Gulf Co-operation Council")
    meeting = replace(_meeting("a", (gcc,), date=_day("1987-03-02")), body=gcc)
    (found,) = _meetings(_item("a", "1987-03-02", (gcc,), (meeting,)))
    assert found.body is None
    assert found.participants == ("organization/gulf-co-operation-council",)


def test_a_reference_back_to_a_meeting_still_to_come_is_not_the_meeting_held() -> None:
    # "Moon met Trump at the White House on Tuesday. They discussed the planned summit."
    moon, trump = _person("a", "Moon Jae-in"), _person("a", "Donald Trump", 20)
    held = _meeting("a", (moon, trump), date=_day("2018-05-22"), at=40)
    planned = _meeting("a", (), status=PLANNED, at=90, anaphoric=True)
    (found,) = _meetings(_item("a", "2018-05-23", (moon, trump), (held, planned)))
    assert found.evidence == (held.evidence,)
    assert found.status is HELD


def test_a_reference_back_naming_a_city_in_the_meetings_country_gives_the_city() -> None:
    # "Putin met Xi in China on Tuesday. The two leaders met in Hangzhou, ..."
    putin, xi = _person("a", "Vladimir Putin"), _person("a", "Xi Jinping", 20)
    china = _country("a", "China", "China", 30)
    told = _meeting("a", (putin, xi), date=_day("2016-09-06"), location=china, at=40)
    hangzhou = _city("a", "Hangzhou", "China", 80)
    back = _meeting("a", (), location=hangzhou, at=90, anaphoric=True)
    corpus = resolve([_item("a", "2016-09-07", (putin, xi, china, hangzhou), (told, back))])
    (found,) = corpus.meetings
    assert found.location == "place/hangzhou"
    assert found.evidence == (told.evidence, back.evidence)


def test_the_meeting_named_again_is_the_meeting_told_not_the_summit_it_was_beside() -> None:
    # "Obama and Putin met on the sidelines of the G20 summit in China. The meeting in
    # Hangzhou lasted 90 minutes."
    obama, putin = _person("a", "Barack Obama"), _person("a", "Vladimir Putin", 20)
    g20, china = _organization("a", "G20", "G20", 60), _country("a", "China", "China", 70)
    told = _meeting("a", (obama, putin), location=china, at=40)
    summit = replace(_meeting("a", (g20,), location=china, at=50), trigger="summit")
    hangzhou = _city("a", "Hangzhou", "China", 80)
    back = replace(_meeting("a", (), location=hangzhou, at=90, anaphoric=True), trigger="meeting")
    mentions = (obama, putin, g20, china, hangzhou)
    found = _meetings(_item("a", "2016-09-05", mentions, (told, summit, back)))
    (pair,) = [m for m in found if len(m.participants) == 2]
    assert pair.location == "place/hangzhou"
    assert back.evidence in pair.evidence


def test_who_attended_the_meeting_took_part_in_the_meeting_not_the_summit_beside_it() -> None:
    # "Trump and Putin met on the margins of the G20 summit in Hamburg. Tillerson and Lavrov
    # also attended the meeting."
    trump, putin = _person("a", "Donald Trump"), _person("a", "Vladimir Putin", 20)
    g20 = _organization("a", "G20", "G20", 60)
    told = _meeting("a", (trump, putin), at=40)
    summit = replace(_meeting("a", (g20,), at=50), trigger="summit")
    tillerson, lavrov = _person("a", "Rex Tillerson", 80), _person("a", "Sergei Lavrov", 90)
    back = replace(_meeting("a", (tillerson, lavrov), at=95, anaphoric=True), trigger="meeting")
    mentions = (trump, putin, g20, tillerson, lavrov)
    found = _meetings(_item("a", "2017-07-07", mentions, (told, summit, back)))
    assert sorted(len(m.participants) for m in found) == [1, 4]


def test_a_meeting_in_a_city_and_in_its_country_told_by_two_outlets_is_one() -> None:
    def report(article: str, place: Mention) -> Item:
        putin, xi = _person(article, "Vladimir Putin"), _person(article, "Xi Jinping", 20)
        told = _meeting(article, (putin, xi), date=_day("2016-09-05"), location=place, at=40)
        return _item(article, "2016-09-06", (putin, xi, place), (told,))

    in_country = report("a", _country("a", "China", "China", 30))
    in_city = report("b", _city("b", "Hangzhou", "China", 30))
    elsewhere = report("c", _city("c", "Sochi", "Russia", 30))
    (found,) = _meetings(in_country, in_city)
    assert found.location == "place/hangzhou"
    assert found.articles == ("a", "b")
    assert len(_meetings(in_city, elsewhere)) == 2


def test_the_same_people_on_the_same_day_at_a_venue_and_in_a_state_are_one_meeting() -> None:
    def report(
        article: str,
        published: str,
        place: Mention,
        date: DateRange,
        status: MeetingStatus = HELD,
    ) -> Item:
        trump, xi = _person(article, "Donald Trump"), _person(article, "Xi Jinping", 20)
        told = _meeting(article, (trump, xi), date=date, location=place, status=status, at=40)
        return _item(article, published, (trump, xi, place), (told,))

    venue = report(
        "a", "2017-04-07", _city("a", "Mar-a-Lago", "United States", 30), _day("2017-04-06")
    )
    state = report("b", "2017-04-08", _place("b", "Florida", 30), _day("2017-04-06"))
    # Announced for "this week" by a third outlet: it joins the second report first, and
    # then the first joins them.
    ahead = report("c", "2017-04-05", _place("c", "Florida", 30), _month("2017-04"), PLANNED)
    (found,) = _meetings(venue, state, ahead)
    assert found.articles == ("a", "b", "c")
    assert found.date == _day("2017-04-06")
    # On another day they stay apart.
    other_day = report("b", "2017-04-08", _place("b", "Florida", 30), _day("2017-04-07"))
    assert len(_meetings(venue, other_day)) == 2


def _told_by_people_then_by_countries(status: MeetingStatus) -> tuple[ResolvedMeeting, ...]:
    """ "Putin and Trump met in Helsinki on Monday. ... Russia and the United States agreed at
    the summit to keep talking": the second sentence with ``status``, no day and no place."""
    putin, putin_role = _leader("a", "Vladimir Putin", "Russia", 0)
    trump, trump_role = _leader("a", "Donald Trump", "United States", 50)
    helsinki = _city("a", "Helsinki", "Finland", 90)
    russia, us = _country("a", "Russia", "Russia", 200), _country("a", "U.S.", "United States", 220)
    met = _meeting("a", (putin, trump), date=_day("2018-07-16"), location=helsinki, at=100)
    summit = _meeting("a", (russia, us), status=status, at=240)
    mentions = (putin, trump, helsinki, russia, us)
    item = _item("a", "2018-07-17", mentions, (met, summit), (putin_role, trump_role))
    return _meetings(item)


def test_one_meeting_told_by_people_and_then_by_their_countries_in_one_story() -> None:
    (meeting,) = _told_by_people_then_by_countries(HELD)
    assert meeting.participants == ("person/donald-trump", "person/vladimir-putin")
    assert meeting.location == "place/helsinki"
    assert meeting.date == _day("2018-07-16")
    assert len(meeting.evidence) == 2


def test_talks_of_the_countries_still_to_come_are_another_meeting() -> None:
    found = _told_by_people_then_by_countries(PLANNED)
    assert sorted(m.status for m in found) == [HELD, PLANNED]


def _filed_from(
    place: str, published: str, date: DateRange | None, at: int, status: MeetingStatus = HELD
) -> Item:
    """ "PLACE (Reuters) - ... Moon and Kim met ...": the meeting's sentence begins at ``at``."""
    city = _city("a", place.upper(), "South Korea", 0)
    city = replace(city, key=place)
    moon, kim = _person("a", "Moon Jae-in", at), _person("a", "Kim Jong Un", at + 20)
    met = _meeting("a", (moon, kim), date=date, status=status, at=at)
    records = ArticleRecords("a", mentions=(moon, kim), meetings=(met,), dateline=city)
    return "a", dt.date.fromisoformat(published), records


def test_a_meeting_on_the_day_of_the_story_is_in_the_dateline_place() -> None:
    (today,) = _meetings(_filed_from("Seoul", "2018-04-27", _day("2018-04-27"), at=300))
    assert today.location == "place/seoul"
    (yesterday,) = _meetings(_filed_from("Seoul", "2018-04-28", _day("2018-04-27"), at=300))
    assert yesterday.location == "place/seoul"
    (planned,) = _meetings(
        _filed_from("Seoul", "2018-04-27", _day("2018-04-27"), at=300, status=PLANNED)
    )
    assert planned.location == "place/seoul"


def test_an_undated_meeting_of_the_first_sentence_is_in_the_dateline_place() -> None:
    (lede,) = _meetings(_filed_from("Seoul", "2018-04-27", None, at=0))
    assert lede.location == "place/seoul"


def test_other_meetings_are_not_placed_by_the_dateline() -> None:
    for item in (
        _filed_from("Seoul", "2018-04-27", _day("2018-04-24"), at=0),  # three days before
        _filed_from("Seoul", "2018-04-27", _month("2018-04"), at=0),  # a month, not a day
        _filed_from("Seoul", "2018-04-27", None, at=300),  # undated, later in the story
        _filed_from("Seoul", "2018-04-27", _day("2018-04-27"), 0, CANCELLED),
    ):
        (found,) = _meetings(item)
        assert found.location is None, item


def test_a_meeting_with_its_own_place_keeps_it_under_a_dateline() -> None:
    article, published, records = _filed_from("Seoul", "2018-04-27", _day("2018-04-27"), at=300)
    panmunjom = _city("a", "Panmunjom", "South Korea", 360)
    records = replace(records, meetings=(replace(records.meetings[0], location=panmunjom),))
    (found,) = _meetings((article, published, records))
    assert found.location == "place/panmunjom"


def _in_the_country(published: str, date: DateRange | None, trigger: str = "met") -> Item:
    """ "SEOUL (Reuters) - ... Moon and Kim met in South Korea ...", told on ``published``."""
    article, day, records = _filed_from("Seoul", published, date, at=300)
    korea = _country("a", "South Korea", "South Korea", 360)
    met = replace(records.meetings[0], location=korea, trigger=trigger)
    return article, day, replace(records, meetings=(met,))


def test_a_meeting_of_the_day_in_the_dateline_country_is_in_the_dateline_town() -> None:
    (found,) = _meetings(_in_the_country("2018-04-27", _day("2018-04-27")))
    assert found.location == "place/seoul"


@pytest.mark.parametrize(
    ("date", "trigger"),
    [
        (_day("2018-04-20"), "met"),  # a week before the story
        (None, "met"),  # no day
        (_day("2018-04-27"), "visited"),  # a visit to the country, wherever in it
    ],
)
def test_other_meetings_in_the_dateline_country_keep_the_country(
    date: DateRange | None, trigger: str
) -> None:
    (found,) = _meetings(_in_the_country("2018-04-27", date, trigger))
    assert found.location == "place/south-korea"


def test_one_side_met_by_two_people_of_the_other_is_two_meetings() -> None:
    # "Tillerson met Lavrov on Wednesday. ... Tillerson later met Putin."
    tillerson, tillerson_role = _leader("a", "Rex Tillerson", "United States", 0)
    lavrov, lavrov_role = _leader("a", "Sergei Lavrov", "Russia", 40)
    putin, putin_role = _leader("a", "Vladimir Putin", "Russia", 80)
    first = _meeting("a", (tillerson, lavrov), date=_day("2017-04-12"), at=120)
    later = _meeting("a", (tillerson, putin), at=200)
    roles = (tillerson_role, lavrov_role, putin_role)
    found = _meetings(_item("a", "2017-04-12", (tillerson, lavrov, putin), (first, later), roles))
    assert sorted(len(m.participants) for m in found) == [2, 2]


def test_a_reference_back_is_the_last_meeting_told_by_its_word() -> None:
    g20 = _organization("a", "G20", "G20")
    trump, putin = _person("a", "Donald Trump", 20), _person("a", "Vladimir Putin", 40)
    merkel = _person("a", "Angela Merkel", 200)
    summit = replace(_meeting("a", (g20,), at=100), trigger="summit")
    talks = _meeting("a", (trump, putin), date=_day("2017-07-07"), at=150)
    mentions = (g20, trump, putin, merkel)
    for word, host in (("summit", summit), ("talks", talks)):
        back = replace(_meeting("a", (merkel,), at=300, anaphoric=True), trigger=word)
        corpus = resolve([_item("a", "2017-07-07", mentions, (summit, talks, back))])
        hosted = next(m for m in corpus.meetings if host.evidence in m.evidence)
        assert _idents_of(corpus, "Angela Merkel")[0] in hosted.participants, word


def test_a_meeting_dated_by_its_year_only_is_not_the_undated_one_told() -> None:
    modi, modi_role = _leader("a", "Narendra Modi", "India", 0)
    netanyahu, netanyahu_role = _leader("a", "Benjamin Netanyahu", "Israel", 50)
    india = _country("a", "India", "India", 200)
    welcome = _meeting("a", (modi, netanyahu), at=100)
    mentions = (modi, netanyahu, india)
    roles = (modi_role, netanyahu_role)
    for date, count in ((DateRange(DateValue("2003", Precision.YEAR)), 2), (_day("2017-07-04"), 1)):
        visit = _meeting("a", (netanyahu, india), date=date, location=india, at=240)
        found = _meetings(_item("a", "2017-07-05", mentions, (welcome, visit), roles))
        assert len(found) == count, date


def test_the_father_named_after_bin_is_not_the_sons_short_name() -> None:
    son = _person("a", "Mohammed bin Salman")
    father = _person("a", "Salman bin Abdulaziz", 40)
    king = _person("a", "Salman", 80)
    prince = _person("a", "Mohammed", 120)
    corpus = resolve([_item("a", "2017-05-20", (son, father, king, prince))])
    names = {p.name: set(p.alternate_names) for p in _people(corpus)}
    assert names == {"Mohammed bin Salman": {"Mohammed"}, "Salman bin Abdulaziz": {"Salman"}}


def test_the_father_named_after_bin_joins_no_son_across_articles() -> None:
    son = _person("a", "Mohammed bin Salman")
    king = _person("b", "Salman")
    family = _person("c", "Thani", 0)
    emir = _person("c", "Tamim bin Hamad al-Thani", 20)
    corpus = resolve(
        [
            _item("a", "2017-05-20", (son,)),
            _item("b", "2017-05-21", (king,)),
            _item("c", "2017-05-21", (emir, family)),
        ]
    )
    names = {p.name: set(p.alternate_names) for p in _people(corpus)}
    # the family name at the end still stands for the emir
    assert names == {
        "Mohammed bin Salman": set(),
        "Salman": set(),
        "Tamim bin Hamad al-Thani": {"Thani"},
    }


def _helsinki_talks(article: str, published: str, names: tuple[str, ...], dated: bool) -> Item:
    """An article reporting talks of the people named in Helsinki, on 2018-07-16 or undated."""
    people = tuple(_person(article, name, 20 * i) for i, name in enumerate(names))
    helsinki = _city(article, "Helsinki", "Finland", 200)
    meeting = _meeting(
        article,
        people,
        date=_day("2018-07-16") if dated else None,
        location=helsinki,
        at=300,
    )
    return _item(article, published, (*people, helsinki), (meeting,))


def test_reports_of_one_day_and_town_sharing_two_parties_are_one_meeting() -> None:
    wide = _helsinki_talks(
        "a", "2018-07-16", ("Donald Trump", "Vladimir Putin", "Mike Pompeo", "Sergei Lavrov"), True
    )
    both = _helsinki_talks(
        "b", "2018-07-16", ("Vladimir Putin", "Donald Trump", "Sauli Niinisto"), True
    )
    (found,) = _meetings(wide, both)
    assert len(found.participants) == 5
    assert len(found.evidence) == 2


def test_reports_of_one_day_and_town_sharing_one_party_stay_apart() -> None:
    one = _helsinki_talks("a", "2018-07-16", ("Donald Trump", "Vladimir Putin"), True)
    other = _helsinki_talks("b", "2018-07-16", ("Vladimir Putin", "Sauli Niinisto"), True)
    assert len(_meetings(one, other)) == 2


def test_an_undated_retelling_by_some_of_the_parties_is_the_wider_dated_meeting() -> None:
    wide = _helsinki_talks(
        "a", "2018-07-16", ("Donald Trump", "Vladimir Putin", "Mike Pompeo", "Sergei Lavrov"), True
    )
    retold = _helsinki_talks("b", "2018-07-17", ("Donald Trump", "Vladimir Putin"), False)
    (found,) = _meetings(wide, retold)
    assert found.date == _day("2018-07-16")
    assert len(found.evidence) == 2


def test_they_who_met_before_are_the_parties_of_a_meeting_not_of_a_visit_to_a_country() -> None:
    macron, xi = _person("a", "Emmanuel Macron", 0), _person("a", "Xi Jinping", 20)
    beijing, china = _city("a", "Beijing", "China", 40), _country("a", "China", "China", 60)
    hamburg = _city("a", "Hamburg", "Germany", 80)
    talks = _meeting("a", (macron, xi), location=beijing, date=_day("2018-01-09"), at=0)
    visit = _meeting("a", (macron, china), location=china, at=50)
    first = replace(
        _meeting("a", (), location=hamburg, date=_month("2017-07"), at=90, anaphoric=True),
        repeats=True,
    )
    mentions = (macron, xi, beijing, china, hamburg)
    found = _meetings(_item("a", "2018-01-09", mentions, (talks, visit, first)))
    (in_hamburg,) = [m for m in found if m.location == "place/hamburg"]
    assert sorted(in_hamburg.participants) == ["person/emmanuel-macron", "person/xi-jinping"]


def test_a_summit_named_by_its_day_is_no_round_of_a_meeting_of_two() -> None:
    nakasone, sumita = _person("a", "Yasuhiro Nakasone", 0), _person("a", "Satoshi Sumita", 20)
    venice = _city("a", "Venice", "Italy", 60)
    routine = _meeting("a", (nakasone, sumita), at=0)
    summit = replace(
        _meeting("a", (), location=venice, date=_month("1987-06"), at=50, anaphoric=True),
        trigger="summit",
        status=PLANNED,
    )
    found = _meetings(_item("a", "1987-06-02", (nakasone, sumita, venice), (routine, summit)))
    assert [m.location for m in found] == [None]


def test_a_summit_named_by_its_day_is_a_round_of_the_last_summit() -> None:
    leaders = tuple(
        _person("a", name, 20 * k)
        for k, name in enumerate(("Hassan Rouhani", "Vladimir Putin", "Recep Tayyip Erdogan"))
    )
    ankara = _city("a", "Ankara", "Turkey", 70)
    summit = replace(
        _meeting("a", leaders, location=ankara, date=_day("2018-04-04"), at=0), trigger="summit"
    )
    first = replace(
        _meeting("a", (), date=_month("2017-11"), at=90, anaphoric=True), trigger="summit"
    )
    found = _meetings(_item("a", "2018-04-04", (*leaders, ankara), (summit, first)))
    assert sorted((m.date.start.iso, len(m.participants)) for m in found if m.date) == [
        ("2017-11", 3),
        ("2018-04-04", 3),
    ]


def test_a_meeting_just_held_is_not_one_dated_by_its_month_years_before() -> None:
    merkel, putin = _person("a", "Angela Merkel", 0), _person("a", "Vladimir Putin", 20)
    russia = _country("a", "Russia", "Russia", 100)
    sochi = _city("a", "Sochi", "Russia", 40)
    talks = replace(_meeting("a", (merkel, putin), location=sochi, at=0), recent=True)
    trip = _meeting("a", (merkel, russia), location=russia, date=_month("2015-05"), at=90)
    again = replace(
        _meeting("a", (), location=russia, date=_month("2015-05"), at=120, anaphoric=True),
        trigger="talks",
    )
    roles = (Role(putin, "President", russia, _evidence("a", "President", 14)),)
    mentions = (merkel, putin, sochi, russia)
    found = _meetings(_item("a", "2017-05-02", mentions, (talks, trip, again), roles))
    assert sorted((m.location, m.date.start.iso if m.date else None) for m in found) == [
        ("place/russia", "2015-05"),
        ("place/sochi", "2017-05-02"),
    ]


def test_a_meeting_named_again_as_a_summit_has_its_earlier_rounds() -> None:
    leaders = tuple(
        _person("a", name, 20 * k)
        for k, name in enumerate(("Hassan Rouhani", "Vladimir Putin", "Recep Tayyip Erdogan"))
    )
    ankara = _city("a", "Ankara", "Turkey", 70)
    talks = _meeting("a", leaders, location=ankara, date=_day("2018-04-04"), at=0)
    summit = replace(_meeting("a", (), at=80, anaphoric=True), trigger="summit")
    first = replace(
        _meeting("a", (), date=_month("2017-11"), at=90, anaphoric=True), trigger="summit"
    )
    found = _meetings(_item("a", "2018-04-04", (*leaders, ankara), (talks, summit, first)))
    assert sorted((m.date.start.iso, len(m.participants)) for m in found if m.date) == [
        ("2017-11", 3),
        ("2018-04-04", 3),
    ]


def _relative(article: str, name: str, at: int = 0) -> Mention:
    return Mention(PERSON, name, _evidence(article, name, at), kin=True)


@pytest.mark.parametrize(
    ("full", "people", "known"),
    [
        # a relative of that name: the surname is the one the story takes as known
        ("Melania Trump", ["Melania Trump", "Trump"], "Trump"),
        # the headline and the lede name him short before the text names him in full
        ("Donald Trump", ["Donald Trump"], "Donald Trump"),
    ],
)
def test_a_surname_used_before_a_full_name_is_it_unless_named_as_a_relative(
    full: str, people: list[str], known: str
) -> None:
    mentions = (
        _person("a", "Trump"),
        _person("a", "Trump", 40),
        Mention(PERSON, full, _evidence("a", full, 120), kin=full == "Melania Trump"),
        _person("a", "Trump", 200),
    )
    corpus = resolve([_item("a", "2018-07-16", mentions)])
    assert sorted(e.name for e in _people(corpus)) == people
    assert len(_named(corpus, known).evidence) == (3 if known == "Trump" else 4)


@pytest.mark.parametrize("kin", [False, True])
def test_a_surname_joins_the_full_name_named_before_it(kin: bool) -> None:
    mentions = (
        Mention(PERSON, "Nancy Reagan", _evidence("a", "Nancy Reagan"), kin=kin),
        _person("a", "Reagan", 40),
    )
    corpus = resolve([_item("a", "1987-03-12", mentions)])
    (reagan,) = _people(corpus)
    assert reagan.name == "Nancy Reagan"


def test_a_surname_known_apart_from_one_full_name_joins_another_across_articles() -> None:
    corpus = resolve(
        [
            _item("a", "2018-07-16", (_person("a", "Trump"), _relative("a", "Melania Trump", 80))),
            _item("b", "2018-07-17", (_person("b", "Donald Trump"),)),
        ]
    )
    assert sorted(e.name for e in _people(corpus)) == ["Donald Trump", "Melania Trump"]
    assert _named(corpus, "Donald Trump").articles == ("a", "b")


def test_a_surname_joined_by_and_to_a_relative_stays_the_full_name_named_first() -> None:
    mentions = (
        _person("a", "Donald Trump"),
        _person("a", "Trump", 100),
        _person("a", "Melania Trump", len("Trump and ") + 100),
        _person("a", "Trump", 200),
    )
    corpus = resolve([_item("a", "2017-11-09", mentions)])
    assert sorted(e.name for e in _people(corpus)) == ["Donald Trump", "Melania Trump"]
    assert len(_named(corpus, "Donald Trump").evidence) == 3


def test_a_surname_apart_from_one_full_name_joins_the_other_across_articles() -> None:
    reagan = _person("a", "Reagan", 0)
    nancy = _person("a", "Nancy Reagan", len("Reagan and "))
    corpus = resolve(
        [
            _item("a", "1987-03-04", (reagan, nancy)),
            _item("b", "1987-03-05", (_person("b", "Ronald Reagan"),)),
        ]
    )
    assert sorted(e.name for e in _people(corpus)) == ["Nancy Reagan", "Ronald Reagan"]
    assert _named(corpus, "Ronald Reagan").articles == ("a", "b")


def test_a_post_taken_for_a_storys_home_gives_way_to_one_stated_elsewhere() -> None:
    seoul = _person("a", "Donald Trump", 10)
    korea = _country("a", "South Korea", "South Korea", 40)
    guessed = Role(seoul, "President", korea, _evidence("a", "President", 0), 0.6, implied=True)
    moon = _person("a", "Moon Jae-in", 60)
    alone = Role(moon, "President", korea, _evidence("a", "President", 50), 0.6, implied=True)
    trump = _person("b", "Donald Trump", 10)
    us = _country("b", "U.S.", "United States", 0)
    stated = Role(trump, "President", us, _evidence("b", "U.S. President", 0))
    corpus = resolve(
        [
            _item("a", "2018-05-22", (seoul, korea, moon), roles=(guessed, alone)),
            _item("b", "2018-05-22", (trump, us), roles=(stated,)),
        ]
    )
    assert sorted(r.ident for r in corpus.roles) == [
        "role/donald-trump--president--united-states",
        "role/moon-jae-in--president--south-korea",
    ]


def test_a_day_within_a_meeting_that_lasts_days_is_that_meeting() -> None:
    ec, comecon = _organization("a", "EC", "EC"), _organization("a", "Comecon", "Comecon", 20)
    three_days = DateRange(
        DateValue("1987-03-18", Precision.DAY), DateValue("1987-03-20", Precision.DAY)
    )
    talks = _meeting("a", (ec, comecon), date=three_days, at=60)
    for day, count in (("1987-03-19", 1), ("1987-03-21", 2)):
        session = replace(
            _meeting("a", (), date=_day(day), at=300, anaphoric=True), trigger="talks"
        )
        found = _meetings(_item("a", "1987-03-20", (ec, comecon), (talks, session)))
        assert len(found) == count, day
        assert found[0].date == three_days
