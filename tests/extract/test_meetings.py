"""Real-model tests of meetings: who met whom, where, when, and whether it happened.

Articles are published on Thursday 2022-01-20 unless a test says otherwise, so "on Tuesday" in
a past-tense sentence is 2022-01-18 and "on Monday" in a future one 2022-01-24. The sentences
are written for these tests in the manner of wire copy, not taken from the seeds.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.meetings import meetings
from newsgraph.records import (
    DateRange,
    DateValue,
    EntityKind,
    Meeting,
    MeetingStatus,
    Precision,
)

pytestmark = pytest.mark.model

Parse = Callable[..., Doc]
HELD, PLANNED = MeetingStatus.HELD, MeetingStatus.PLANNED
PROPOSED, CANCELLED = MeetingStatus.PROPOSED, MeetingStatus.CANCELLED


def _day(iso: str) -> DateRange:
    return DateRange(DateValue(iso, Precision.DAY))


def _span(first: str, last: str) -> DateRange:
    return DateRange(DateValue(first, Precision.DAY), DateValue(last, Precision.DAY))


def _shown(found: list[Meeting]) -> list[tuple[object, ...]]:
    return [
        (
            m.trigger,
            sorted(_parties(m)),
            m.status.value,
            m.location and m.location.key,
            m.date and m.date.start.iso,
        )
        for m in found
    ]


def _parties(meeting: Meeting) -> set[str]:
    """Participants by gazetteer key, or as written when they have none (people)."""
    return {p.key or p.text for p in meeting.participants}


def _one(parse: Parse, text: str, published: str = "2022-01-20") -> Meeting:
    found = list(meetings(parse(text, published)))
    assert len(found) == 1, _shown(found)
    return found[0]


def test_coordinated_subject_meets_in_a_place_on_a_day(parse: Parse) -> None:
    meeting = _one(parse, "Putin and Erdogan met in Sochi on Tuesday.")
    assert _parties(meeting) == {"Putin", "Erdogan"}
    assert {p.kind for p in meeting.participants} == {EntityKind.PERSON}
    assert meeting.location is not None
    assert meeting.location.key == "Sochi"
    assert meeting.date == _day("2022-01-18")
    assert meeting.status is HELD
    assert not meeting.anaphoric


def test_place_of_a_meeting_is_not_a_participant(parse: Parse) -> None:
    meeting = _one(parse, "Antony Blinken met Dmytro Kuleba in Kyiv on Wednesday.")
    assert _parties(meeting) == {"Antony Blinken", "Dmytro Kuleba"}
    assert meeting.location is not None
    assert meeting.location.key == "Kyiv"
    assert meeting.date == _day("2022-01-19")


@pytest.mark.parametrize(
    ("text", "parties", "place", "date"),
    [
        (
            "Japanese Prime Minister Fumio Kishida will meet U.S. President Joe Biden in Tokyo "
            "next week.",
            {"Fumio Kishida", "Joe Biden"},
            "Tokyo",
            None,
        ),
        (
            "Mevlut Cavusoglu will meet Dmytro Kuleba in Antalya on March 10.",
            {"Mevlut Cavusoglu", "Dmytro Kuleba"},
            "Antalya",
            "2022-03-10",
        ),
        (
            "Vladimir Putin and Xi Jinping are expected to meet in Beijing on Feb. 4.",
            {"Vladimir Putin", "Xi Jinping"},
            "Beijing",
            "2022-02-04",
        ),
    ],
    ids=["next week", "on March 10", "expected to"],
)
def test_future_meeting_is_planned(
    parse: Parse, text: str, parties: set[str], place: str, date: str | None
) -> None:
    meeting = _one(parse, text)
    assert meeting.status is PLANNED
    assert _parties(meeting) == parties
    assert meeting.location is not None
    assert meeting.location.key == place
    if date is not None:
        assert meeting.date == _day(date)


def test_talks_between_three_countries(parse: Parse) -> None:
    meeting = _one(
        parse, "Talks between Armenia, Azerbaijan and Russia took place in Moscow on Wednesday."
    )
    assert _parties(meeting) == {"Armenia", "Azerbaijan", "Russia"}
    assert all(p.is_country for p in meeting.participants)
    assert meeting.location is not None
    assert meeting.location.key == "Moscow"
    assert meeting.date == _day("2022-01-19")
    assert meeting.status is HELD


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        (
            "Diplomats gathered for a meeting of the UN Security Council on Friday.",
            HELD,
            "2022-01-14",
        ),
        (
            "The UN Security Council will hold an emergency session on Monday.",
            PLANNED,
            "2022-01-24",
        ),
        # The country that asked for the session is not thereby a party to it.
        (
            "The Security Council met on Monday at the request of the United States.",
            HELD,
            "2022-01-17",
        ),
    ],
)
def test_session_of_a_body(parse: Parse, text: str, status: MeetingStatus, date: str) -> None:
    meeting = _one(parse, text)
    assert meeting.body is not None
    assert meeting.body.key == "UN Security Council"
    assert _parties(meeting) == {"UN"}, "the body's parent from the gazetteer"
    assert meeting.status is status
    assert meeting.date == _day(date)


@pytest.mark.parametrize(
    ("text", "parties", "place"),
    [
        ("Beijing proposed talks with Seoul on the missile issue.", {"China", "South Korea"}, None),
        ("Kyiv offered to hold talks with Moscow in Istanbul.", {"Ukraine", "Russia"}, "Istanbul"),
    ],
    ids=["proposed talks", "offered to hold talks"],
)
def test_proposal_with_capitals_as_their_countries(
    parse: Parse, text: str, parties: set[str], place: str | None
) -> None:
    meeting = _one(parse, text)
    assert meeting.status is PROPOSED
    assert _parties(meeting) == parties
    assert all(p.is_country for p in meeting.participants)
    assert (meeting.location and meeting.location.key) == place


@pytest.mark.parametrize(
    "text",
    [
        "A planned meeting between Joe Biden and Vladimir Putin was cancelled.",
        "Joe Biden called off a summit with Vladimir Putin.",
    ],
)
def test_cancelled_meeting(parse: Parse, text: str) -> None:
    meeting = _one(parse, text)
    assert meeting.status is CANCELLED
    assert _parties(meeting) == {"Joe Biden", "Vladimir Putin"}


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron did not meet Vladimir Putin during his visit to Moscow.",
        "Recep Tayyip Erdogan and Vladimir Putin have not met since March.",
    ],
)
def test_negated_meeting_is_no_meeting(parse: Parse, text: str) -> None:
    assert _shown(list(meetings(parse(text)))) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin gave an interview to Chinese state television on Monday.",
        "Olaf Scholz and Emmanuel Macron held a joint press conference in Berlin on Tuesday.",
        "Dmytro Kuleba told a briefing in Kyiv on Monday that Ukraine wanted peace.",
        "The foreign ministers of France and Germany issued a joint statement on Monday.",
        "Russia and Belarus began joint military exercises on Thursday.",
        "Vladimir Putin gave a speech in Moscow on Monday.",
        "Emmanuel Macron spoke by phone with Vladimir Putin on Sunday.",
    ],
)
def test_other_events_are_not_meetings(parse: Parse, text: str) -> None:
    assert _shown(list(meetings(parse(text)))) == []


def test_date_of_the_reporting_clause_is_not_the_meetings(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Dmitry Peskov said on Monday that Vladimir Putin and Joe Biden will meet in Vienna on "
        "Feb. 3.",
    )
    assert _parties(meeting) == {"Vladimir Putin", "Joe Biden"}
    assert meeting.date == _day("2022-02-03")
    assert meeting.status is PLANNED


def test_trailing_reporting_clause_gives_no_date(parse: Parse) -> None:
    meeting = _one(
        parse, "Vladimir Putin and Joe Biden will meet in Vienna, the Kremlin said on Monday."
    )
    assert _parties(meeting) == {"Vladimir Putin", "Joe Biden"}
    assert meeting.date is None
    assert meeting.status is PLANNED


def test_reported_would_is_planned(parse: Parse) -> None:
    meeting = _one(
        parse, "The ministry said on Monday that Fumio Kishida and Joe Biden would meet in Tokyo."
    )
    assert _parties(meeting) == {"Fumio Kishida", "Joe Biden"}
    assert meeting.date is None
    assert meeting.status is PLANNED


@pytest.mark.parametrize(
    "text",
    [
        "Antony Blinken, who arrived in Kyiv on Tuesday, met Dmytro Kuleba on Wednesday.",
        "Emmanuel Macron, whose plane landed in Rome on Tuesday, met Mario Draghi on Wednesday.",
    ],
)
def test_date_of_a_relative_clause_is_not_the_meetings(parse: Parse, text: str) -> None:
    found = [m for m in meetings(parse(text)) if m.participants]
    assert len(found) == 1, _shown(found)
    assert found[0].date == _day("2022-01-19")


def test_relative_clause_without_a_date_leaves_the_meeting_undated(parse: Parse) -> None:
    meeting = _one(
        parse, "Emmanuel Macron met Mario Draghi, who had returned from Brussels on Monday."
    )
    assert _parties(meeting) == {"Emmanuel Macron", "Mario Draghi"}
    assert meeting.date is None
    assert meeting.location is None


def test_meeting_in_a_relative_clause_keeps_its_own_arguments(parse: Parse) -> None:
    found = list(
        meetings(
            parse(
                "Wang Yi, who met Antony Blinken in Rome on Sunday, will meet Josep Borrell in "
                "Brussels on Friday."
            )
        )
    )
    by_place = {m.location.key: m for m in found if m.location is not None}
    assert set(by_place) == {"Rome", "Brussels"}, _shown(found)
    rome, brussels = by_place["Rome"], by_place["Brussels"]
    assert (rome.status, rome.date) == (HELD, _day("2022-01-16"))
    assert _parties(rome) == {"Wang Yi", "Antony Blinken"}, "the relative pronoun's antecedent"
    assert (brussels.status, brussels.date) == (PLANNED, _day("2022-01-21"))
    assert _parties(brussels) == {"Wang Yi", "Josep Borrell"}


def test_national_delegations_are_their_countries(parse: Parse) -> None:
    meeting = _one(parse, "Russian and Ukrainian negotiators met in Istanbul on Tuesday.")
    assert _parties(meeting) == {"Russia", "Ukraine"}
    assert meeting.date == _day("2022-01-18")


def test_unnamed_counterpart_keeps_the_named_side(parse: Parse) -> None:
    meeting = _one(parse, "President Vladimir Putin met the French foreign minister on Monday.")
    assert _parties(meeting) == {"Vladimir Putin", "France"}, "the minister stands for France"


def test_definite_reference_back_is_anaphoric(parse: Parse) -> None:
    meeting = _one(parse, "The talks ended without a breakthrough.")
    assert meeting.anaphoric
    assert meeting.participants == ()


def test_host_and_guest_meet_where_the_host_receives(parse: Parse) -> None:
    found = _one(parse, "Putin hosted Turkish President Recep Tayyip Erdogan in Sochi on Monday.")
    assert _parties(found) == {"Putin", "Recep Tayyip Erdogan"}
    assert found.location is not None
    assert found.location.text == "Sochi"
    # The fixture publishes on Thursday 2022-01-20: "on Monday" is 2022-01-17.
    assert found.date == _day("2022-01-17")
    assert found.status is MeetingStatus.HELD


@pytest.mark.parametrize(
    ("text", "host", "place"),
    [
        (
            "Chinese President Xi Jinping will visit Russia next week, the Kremlin said.",
            "Russia",
            "Russia",
        ),
        ("Emmanuel Macron's visit to Beijing ended on Friday.", "China", "Beijing"),
    ],
)
def test_a_visit_meets_the_country_visited(parse: Parse, text: str, host: str, place: str) -> None:
    found = _one(parse, text)
    assert host in _parties(found)
    assert found.location is not None
    assert found.location.text == place


def test_last_night_dates_a_meeting(parse: Parse) -> None:
    found = _one(parse, "Spanish officials said Pedro Sanchez met Olaf Scholz last night.")
    assert _parties(found) == {"Pedro Sanchez", "Olaf Scholz"}
    assert found.date == _day("2022-01-19")


def test_whoever_travels_for_talks_takes_part(parse: Parse) -> None:
    found = _one(parse, "Dmitry Kuleba flew to Ankara for talks with Mevlut Cavusoglu.")
    assert _parties(found) == {"Dmitry Kuleba", "Mevlut Cavusoglu"}


def test_a_leaders_nationality_is_not_a_party_beside_the_leader(parse: Parse) -> None:
    found = _one(
        parse,
        "Talks between South Korean President Yoon Suk Yeol and North Korean leader "
        "Kim Jong Un took place in Panmunjom on Friday.",
    )
    assert _parties(found) == {"Yoon Suk Yeol", "Kim Jong Un"}


def test_a_meeting_that_would_follow_is_ahead(parse: Parse) -> None:
    found = _one(
        parse, "The accord would open the way for talks between Emmanuel Macron and Olaf Scholz."
    )
    assert found.status is PLANNED


def test_a_clock_time_without_a_day_is_the_day_of_the_report(parse: Parse) -> None:
    found = _one(parse, "Keir Starmer will meet Emmanuel Macron at 3 p.m. local time.")
    assert found.date == _day("2022-01-20")


def test_a_hyphenated_pair_of_named_people_are_two_parties(parse: Parse) -> None:
    doc = parse(
        "Emmanuel Macron and Olaf Scholz spoke by phone on Monday. "
        "The Macron-Scholz talks will take place in Paris on Friday."
    )
    (found,) = [m for m in meetings(doc) if m.participants]
    assert _parties(found) == {"Macron", "Scholz"}
    assert found.status is PLANNED


def test_whoever_returns_from_a_meeting_took_part(parse: Parse) -> None:
    found = _one(
        parse, "Josep Borrell, who returned from a meeting with Wang Yi, spoke to reporters."
    )
    assert _parties(found) == {"Josep Borrell", "Wang Yi"}


def test_a_city_before_the_meeting_is_its_place(parse: Parse) -> None:
    found = _one(parse, "The Helsinki summit between Donald Trump and Vladimir Putin ended.")
    assert _parties(found) == {"Donald Trump", "Vladimir Putin"}
    assert found.location is not None
    assert found.location.key == "Helsinki"


@pytest.mark.parametrize(
    "text",
    [
        "South Korean President Moon Jae-in said he would meet Kim Jong-un.",
        "Angela Merkel told reporters she had met Xi Jinping.",
        "Sergei Lavrov said his talks with Antony Blinken were useful.",
    ],
)
def test_the_speaker_is_the_he_or_she_who_meets(parse: Parse, text: str) -> None:
    found = _one(parse, text)
    assert len(found.participants) == 2
    assert all(p.kind is EntityKind.PERSON for p in found.participants)


def test_the_convener_of_a_council_is_not_a_party(parse: Parse) -> None:
    found = _one(parse, "Jens Stoltenberg said he would convene the NATO-Ukraine Commission.")
    assert "Jens Stoltenberg" not in _parties(found)


def test_an_opening_he_is_the_one_subject_of_the_sentence_before(parse: Parse) -> None:
    doc = parse("Sergei Lavrov arrived in Geneva on Monday. He met Antony Blinken for two hours.")
    (found,) = list(meetings(doc))
    assert _parties(found) == {"Sergei Lavrov", "Antony Blinken"}


def test_an_opening_he_after_two_people_stays_unresolved(parse: Parse) -> None:
    doc = parse(
        "Officials said Sergei Lavrov and Antony Blinken were in Geneva. He met Wang Yi later."
    )
    assert [m for m in meetings(doc) if m.participants] == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Spanish Prime Minister Pedro Sanchez spoke to reporters after talks with Portuguese "
            "Prime Minister Antonio Costa on Tuesday.",
            {"Pedro Sanchez", "Antonio Costa"},
        ),
        (
            "Jacinda Ardern flew home from a meeting with Scott Morrison in Sydney.",
            {"Jacinda Ardern", "Scott Morrison"},
        ),
        (
            "Ahead of talks with Olaf Scholz, Emmanuel Macron said Europe must stand together.",
            {"Emmanuel Macron", "Olaf Scholz"},
        ),
        (
            "Fumio Kishida spoke on the sidelines of a meeting with Joe Biden in Tokyo.",
            {"Fumio Kishida", "Joe Biden"},
        ),
    ],
)
def test_whoever_the_talks_frame_is_a_party(parse: Parse, text: str, parties: set[str]) -> None:
    assert _parties(_one(parse, text)) == parties


def test_a_meeting_at_a_summit_is_one_meeting_with_the_summits_place(parse: Parse) -> None:
    meeting = _one(
        parse, "Chancellor Olaf Scholz will meet Emmanuel Macron at a summit in Lisbon on Friday."
    )
    assert _parties(meeting) == {"Olaf Scholz", "Emmanuel Macron"}
    assert meeting.location is not None
    assert meeting.location.key == "Lisbon"
    assert meeting.date == _day("2022-01-21")


def test_a_city_that_names_the_building_is_the_place(parse: Parse) -> None:
    meeting = _one(parse, "Blinken and Lavrov met on Friday in a Geneva hotel.")
    assert meeting.location is not None
    assert meeting.location.key == "Geneva"


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed after an inconclusive meeting in December.",
        "The previous round of talks ended without a deal.",
    ],
)
def test_another_meeting_without_parties_is_not_a_reference_back(parse: Parse, text: str) -> None:
    assert list(meetings(parse(text))) == []


def test_a_surname_that_is_a_month_is_the_person(parse: Parse) -> None:
    found = list(
        meetings(
            parse(
                "British Prime Minister Theresa May arrived in Dublin on Monday. May will hold "
                "talks with Irish Prime Minister Leo Varadkar on Tuesday."
            )
        )
    )
    assert len(found) == 1, _shown(found)
    assert _parties(found[0]) == {"May", "Leo Varadkar"}
    assert found[0].date == _day("2022-01-25")


def test_a_name_joined_to_a_persons_name_is_a_party(parse: Parse) -> None:
    meeting = _one(parse, "Scholz and Macron met in Berlin on Tuesday.")
    assert _parties(meeting) == {"Scholz", "Macron"}
    meeting = _one(parse, "Sanchez and Emmanuel Macron met in Madrid on Tuesday.")
    assert _parties(meeting) == {"Sanchez", "Emmanuel Macron"}


def test_a_purpose_clause_shares_its_verbs_subject_and_time(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Indian Prime Minister Narendra Modi will fly to Japan next month to meet Fumio "
        "Kishida in Tokyo.",
    )
    assert _parties(meeting) == {"Narendra Modi", "Fumio Kishida"}
    assert meeting.date == DateRange(DateValue("2022-02", Precision.MONTH))
    assert meeting.status is PLANNED


def test_the_place_a_town_of_names(parse: Parse) -> None:
    meeting = _one(
        parse, "Kim Jong Un and Moon Jae-in will meet in the border village of Panmunjom."
    )
    assert meeting.location is not None
    assert meeting.location.text == "Panmunjom"


def test_a_round_of_negotiations_is_one_meeting(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Maros Sefcovic and David Frost opened a new round of negotiations in Brussels on Monday.",
    )
    assert _parties(meeting) == {"Maros Sefcovic", "David Frost"}
    assert meeting.location is not None
    assert meeting.location.key == "Brussels"


def test_who_comes_for_talks_is_a_party_and_where_they_go_is_the_place(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Israeli Prime Minister Naftali Bennett will visit Egypt on Monday for talks with "
        "Abdel Fattah al-Sisi.",
    )
    assert {"Naftali Bennett", "Abdel Fattah al-Sisi"} <= _parties(meeting)
    assert meeting.location is not None
    assert meeting.location.key == "Egypt"
    assert meeting.date == _day("2022-01-24")


def test_a_body_whose_ministers_gather_for_a_summit_meets(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Ministers from the Group of Seven nations gathered in Liverpool on Saturday for "
        "a two-day meeting.",
    )
    assert _parties(meeting) == {"G7"}
    assert meeting.location is not None
    assert meeting.location.text == "Liverpool"


def test_the_title_and_the_pronoun_stand_for_the_one_person_named_with_it(parse: Parse) -> None:
    found = list(
        meetings(
            parse(
                "Saudi Crown Prince Mohammed bin Salman arrived in London on Monday. Before "
                "meeting Boris Johnson, the Crown Prince visited Buckingham Palace. During his "
                "stay, he is also scheduled to meet with Defence Secretary Ben Wallace."
            )
        )
    )
    parties = [_parties(m) for m in found]
    assert {"Mohammed bin Salman", "Boris Johnson"} in parties, _shown(found)
    assert {"Mohammed bin Salman", "Ben Wallace"} in parties, _shown(found)


def test_an_envoy_sent_to_a_capital_meets_for_himself(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Turkish Ambassador to Athens Burak Ozugergin met Greek Prime Minister Kyriakos "
        "Mitsotakis on Friday.",
    )
    assert _parties(meeting) == {"Burak Ozugergin", "Kyriakos Mitsotakis"}


def test_a_courtesy_call_is_a_visit_that_took_place(parse: Parse) -> None:
    meeting = _one(
        parse, "Chancellor Olaf Scholz paid a courtesy call on President Joe Biden on Tuesday."
    )
    assert _parties(meeting) == {"Olaf Scholz", "Joe Biden"}
    assert meeting.status is HELD
    assert meeting.date == _day("2022-01-18")


def test_a_phone_call_is_not_a_meeting(parse: Parse) -> None:
    assert list(meetings(parse("Biden spoke by phone with Scholz on Tuesday."))) == []


def test_money_due_by_a_date_does_not_make_a_meeting_future(parse: Parse) -> None:
    (meeting,) = meetings(
        parse(
            "The January talks focussed on the rescheduling of about 500 mln dlrs of interest "
            "and principal due by end-2021 and also touched upon delays in debt repayments."
        )
    )
    assert meeting.date == DateRange(DateValue("2022-01", Precision.MONTH))
    assert meeting.status is HELD


def test_an_audience_with_someone_is_a_meeting_and_an_audience_of_listeners_is_not(
    parse: Parse,
) -> None:
    meeting = _one(parse, "Joe Biden had an audience with Pope Francis at the Vatican on Friday.")
    assert _parties(meeting) == {"Joe Biden", "Francis"}
    assert list(meetings(parse("Scholz told an audience of students in Berlin."))) == []


def test_parties_and_time_hung_away_from_the_meeting_are_still_its_own(parse: Parse) -> None:
    meeting = _one(
        parse,
        "He said the offer would be made at a meeting later this month between U.S. Trade "
        "Representative Katherine Tai and EU Trade Commissioner Valdis Dombrovskis.",
    )
    assert _parties(meeting) == {"Katherine Tai", "Valdis Dombrovskis"}
    assert meeting.date == DateRange(DateValue("2022-01", Precision.MONTH))


def test_guests_meet_their_host_where_and_when_they_are_guests(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Joe Biden will be in Rome from October 29 to 31 as the guest of President Sergio "
        "Mattarella.",
    )
    assert _parties(meeting) == {"Joe Biden", "Sergio Mattarella"}
    assert meeting.location is not None
    assert meeting.location.key == "Rome"
    assert meeting.date == DateRange(
        DateValue("2022-10-29", Precision.DAY), DateValue("2022-10-31", Precision.DAY)
    )


def test_a_meeting_under_way_is_dated_to_the_day_of_the_story(parse: Parse) -> None:
    meeting = _one(parse, "NATO defence ministers are meeting in Brussels to discuss Ukraine.")
    assert _parties(meeting) == {"NATO"}
    assert meeting.date == _day("2022-01-20")
    assert meeting.status is HELD
    ahead = _one(parse, "NATO defence ministers are meeting in Brussels next week.")
    # The week after Thursday, January 20 runs from January 24 to 30: January, not the day.
    assert ahead.date == DateRange(DateValue("2022-01", Precision.MONTH))
    assert ahead.status is PLANNED


def test_a_noun_carried_by_a_second_verb_shares_the_first_verbs_subject(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Joe Biden will arrive in Rome on Friday and will have an audience with Pope Francis on "
        "Saturday.",
    )
    assert _parties(meeting) == {"Joe Biden", "Francis"}
    assert meeting.date == _day("2022-01-22")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Speaking after meeting Chinese Premier Li Keqiang in Beijing on Monday, Australian "
            "Prime Minister Anthony Albanese said trade ties were strong.",
            {"Li Keqiang", "Anthony Albanese"},
        ),
        (
            "In talks with Japanese Prime Minister Fumio Kishida in Tokyo, Indian Prime Minister "
            "Narendra Modi signed a trade deal.",
            {"Fumio Kishida", "Narendra Modi"},
        ),
        (
            "Moon Jae-in and Joe Biden discussed North Korea during their first summit in "
            "Washington on Friday.",
            {"Moon Jae-in", "Joe Biden"},
        ),
    ],
)
def test_parties_of_framing_clauses(parse: Parse, text: str, parties: set[str]) -> None:
    assert _parties(_one(parse, text)) == parties


def test_a_visit_to_meet_someone_is_one_planned_meeting(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Israeli Prime Minister Naftali Bennett is set to visit Washington next week to meet "
        "President Joe Biden.",
    )
    assert {"Naftali Bennett", "Joe Biden"} <= _parties(meeting)
    assert meeting.location is not None
    assert meeting.location.key == "Washington"
    assert meeting.status is PLANNED


def test_a_body_gathers_and_a_crowd_does_not_meet(parse: Parse) -> None:
    meeting = _one(parse, "Foreign ministers of the European Union will gather in Luxembourg.")
    assert _parties(meeting) == {"EU"}
    assert meeting.status is PLANNED
    crowd = "Thousands of protesters gathered outside the Russian embassy in London on Sunday."
    assert list(meetings(parse(crowd))) == []


@pytest.mark.parametrize(
    "dateline",
    [
        "BEIJING (Reuters) - ",
        "LONDON, Jan 20 (AP) -- ",
        "WASHINGTON \u2014 ",
        "Geneva (AFP) - ",
    ],
)
def test_a_dateline_is_not_part_of_the_first_sentence(parse: Parse, dateline: str) -> None:
    meeting = _one(
        parse,
        dateline + "U.S. President Joe Biden and Chinese President Xi Jinping met in Bali on "
        "Monday, pledging to keep talking.",
    )
    assert _parties(meeting) == {"Joe Biden", "Xi Jinping"}
    assert meeting.date == _day("2022-01-17")


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders are due to meet again in Vietnam on Saturday.",
        "The two sides will hold a new round of talks in Geneva on Monday.",
    ],
)
def test_meeting_again_is_a_new_meeting_of_the_same_parties(parse: Parse, text: str) -> None:
    meeting = _one(parse, text)
    assert meeting.anaphoric
    assert meeting.repeats
    assert meeting.date == _day("2022-01-22" if "Saturday" in text else "2022-01-24")


def test_the_previous_round_repeats_nothing(parse: Parse) -> None:
    assert list(meetings(parse("The previous round of talks ended without a deal."))) == []


def test_a_cancelled_meeting_keeps_its_own_date_not_the_day_it_was_called_off(
    parse: Parse,
) -> None:
    meeting = _one(
        parse,
        "President Joe Biden on Tuesday canceled his planned meeting with Prime Minister "
        "Anthony Albanese, which had been scheduled for May 24 in Sydney.",
    )
    assert meeting.status is CANCELLED
    assert meeting.date == _day("2022-05-24")
    assert meeting.location is not None
    assert meeting.location.key == "Sydney"


def test_a_visit_to_a_capital_meets_its_country_and_campaign_stops_meet_no_one(
    parse: Parse,
) -> None:
    meeting = _one(parse, "Chinese President Xi Jinping will visit Paris on Monday.")
    assert _parties(meeting) == {"Xi Jinping", "France"}
    assert meeting.location is not None
    assert meeting.location.key == "Paris"
    stops = "Boris Johnson is campaigning this week as he visits Manchester, Leeds and Torbay."
    assert list(meetings(parse(stops))) == []
    assert list(meetings(parse("Keir Starmer visited Sheffield on Thursday."))) == []


def test_a_meeting_on_the_sidelines_takes_the_gatherings_place_and_day(parse: Parse) -> None:
    found = list(
        meetings(
            parse(
                "Antony Blinken and Sergei Lavrov met on the sidelines of an ASEAN meeting in "
                "Phnom Penh on Sunday."
            )
        )
    )
    pair = [m for m in found if _parties(m) == {"Antony Blinken", "Sergei Lavrov"}]
    assert len(pair) == 1, _shown(found)
    assert pair[0].location is not None
    assert pair[0].location.text == "Phnom Penh"
    assert pair[0].date == _day("2022-01-16")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The Colombian government and FARC rebels resumed peace talks in Havana on Monday.",
            {"Colombia", "FARC"},
        ),
        (
            "Hamas and Fatah officials held reconciliation talks in Cairo on Tuesday.",
            {"Hamas", "Fatah"},
        ),
        (
            "U.S. envoy Zalmay Khalilzad met Taliban negotiators in Doha on Saturday.",
            {"Zalmay Khalilzad", "Taliban"},
        ),
    ],
)
def test_movements_are_parties_to_talks(parse: Parse, text: str, parties: set[str]) -> None:
    assert _parties(_one(parse, text)) == parties


def test_a_second_round_is_a_new_meeting_of_the_same_parties(parse: Parse) -> None:
    meeting = _one(parse, "A second round of talks is set for tomorrow.")
    assert meeting.anaphoric
    assert meeting.repeats
    assert meeting.status is PLANNED
    assert meeting.date == _day("2022-01-21")


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        (
            "South Korean Prime Minister Kim Boo-kyum proposed in a letter to his Japanese "
            "counterpart Fumio Kishida that they meet to discuss fishing rights.",
            {"Kim Boo-kyum", "Fumio Kishida"},
            PROPOSED,
        ),
        (
            "German Chancellor Olaf Scholz wrote to French President Emmanuel Macron on Monday "
            "that they should meet in Aachen next month.",
            {"Olaf Scholz", "Emmanuel Macron"},
            PLANNED,
        ),
    ],
)
def test_they_who_meet_are_the_writer_and_the_one_written_to(
    parse: Parse, text: str, parties: set[str], status: MeetingStatus
) -> None:
    meeting = _one(parse, text)
    assert _parties(meeting) == parties
    assert meeting.status is status


def test_their_meeting_joins_the_speaker_and_the_one_told(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Israeli Prime Minister Naftali Bennett told Vladimir Putin during their meeting in "
        "Sochi on Friday that Iran must not get the bomb.",
    )
    assert _parties(meeting) == {"Naftali Bennett", "Vladimir Putin"}
    assert meeting.date == _day("2022-01-14")


def test_two_nationalities_before_ministers_are_two_sides(parse: Parse) -> None:
    meeting = _one(
        parse,
        "The talks between Greek and Turkish foreign ministers in Vienna ended without an "
        "agreement on Friday.",
    )
    assert _parties(meeting) == {"Greece", "Turkey"}


def test_talks_a_speaker_expects_little_from_still_take_place(parse: Parse) -> None:
    meeting = _one(parse, '"One cannot expect much from today\'s talks," the source said.')
    assert meeting.anaphoric
    assert meeting.date == _day("2022-01-20")
    assert list(meetings(parse("Officials did not expect Joe Biden to meet Xi Jinping."))) == []


def test_a_reference_back_keeps_the_person_who_leads_the_talks(parse: Parse) -> None:
    meeting = _one(
        parse,
        "The talks, led on the Chilean side by Economy Minister Mario Marcel, were to renew "
        "contacts.",
    )
    assert meeting.anaphoric
    assert _parties(meeting) == {"Mario Marcel"}


def test_the_meeting_of_an_unnamed_group_is_no_reference_back(parse: Parse) -> None:
    text = (
        "The working group on fisheries held its first meeting in February and is expected to "
        "meet again in May."
    )
    assert list(meetings(parse(text))) == []


def test_a_visit_paid_to_someone_meets_them(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Saudi Crown Prince Mohammed bin Salman paid a visit to French President Emmanuel "
        "Macron on Tuesday.",
    )
    assert _parties(meeting) == {"Mohammed bin Salman", "Emmanuel Macron"}
    assert meeting.date == _day("2022-01-18")


def test_talks_framing_a_participle_clause_take_the_main_subject(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Speaking after talks with Indian Prime Minister Narendra Modi in New Delhi on Monday, "
        "Israeli Prime Minister Naftali Bennett said ties had never been better.",
    )
    assert _parties(meeting) == {"Naftali Bennett", "Narendra Modi"}
    assert meeting.date == _day("2022-01-17")


def test_a_host_meets_the_guest_named_in_apposition_where_the_town_is_named(
    parse: Parse,
) -> None:
    meeting = _one(
        parse,
        "Russian President Vladimir Putin on Tuesday hosted his Syrian counterpart Bashar "
        "al-Assad in the Black Sea resort of Sochi.",
    )
    assert _parties(meeting) == {"Vladimir Putin", "Bashar al-Assad"}
    assert meeting.location is not None
    assert meeting.location.text == "Sochi"
    assert meeting.date == _day("2022-01-18")


def test_a_meeting_at_a_summit_hung_on_the_name_takes_the_summits_place(parse: Parse) -> None:
    found = list(
        meetings(
            parse(
                "U.S. President Joe Biden said on Friday he would meet Chinese President Xi "
                "Jinping at the G20 summit in Indonesia next month."
            )
        )
    )
    pair = [m for m in found if _parties(m) == {"Joe Biden", "Xi Jinping"}]
    assert len(pair) == 1, _shown(found)
    assert pair[0].location is not None
    assert pair[0].location.text == "Indonesia"
    assert pair[0].status is PLANNED


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "China's top diplomat Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing "
            "on Monday.",
            {"Wang Yi", "Sergei Lavrov"},
        ),
        (
            "Linda Thomas-Greenfield, the U.S. ambassador to the United Nations, met Israeli "
            "Prime Minister Naftali Bennett in Jerusalem on Monday.",
            {"Linda Thomas-Greenfield", "Naftali Bennett"},
        ),
        (
            "U.S. Vice President Kamala Harris sat down with Mexican President Andres Manuel "
            "Lopez Obrador in Mexico City on Monday.",
            {"Kamala Harris", "Andres Manuel Lopez Obrador"},
        ),
    ],
)
def test_who_meets_whom_in_posts_and_phrasings_of_diplomacy(
    parse: Parse, text: str, parties: set[str]
) -> None:
    assert _parties(_one(parse, text)) == parties


def test_one_party_meeting_several_named_in_turn_meets_each_of_them(parse: Parse) -> None:
    found = list(
        meetings(
            parse(
                "During his stay in Washington, Saudi Crown Prince Mohammed bin Salman was also "
                "scheduled to meet with Defense Secretary Lloyd Austin, Treasury Secretary Janet "
                "Yellen and leaders of the Senate foreign relations committee."
            )
        )
    )
    assert sorted(sorted(_parties(m)) for m in found) == [
        ["Janet Yellen", "Mohammed bin Salman"],
        ["Lloyd Austin", "Mohammed bin Salman"],
    ]
    assert all(m.status is PLANNED for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin met Turkish President Tayyip Erdogan and Iranian "
        "President Ebrahim Raisi in Tehran on Tuesday for a summit on Syria.",
        "Olaf Scholz and Emmanuel Macron met Joe Biden in Berlin on Tuesday.",
        "Rishi Sunak has met Italian Prime Minister Giorgia Meloni and German Chancellor Olaf "
        "Scholz to talk about migration.",
    ],
)
def test_a_summit_of_three_or_a_pair_meeting_one_is_one_meeting(parse: Parse, text: str) -> None:
    assert len(_one(parse, text).participants) == 3


def test_a_headline_above_a_blank_line_is_not_part_of_the_first_sentence(parse: Parse) -> None:
    meeting = _one(
        parse,
        "Leaders meet over migration\n\nRishi Sunak has met Italian Prime Minister Giorgia "
        "Meloni and German Chancellor Olaf Scholz to talk about migration.",
    )
    assert _parties(meeting) == {"Rishi Sunak", "Giorgia Meloni", "Olaf Scholz"}
    assert meeting.evidence.text.startswith("Rishi Sunak")


def test_talks_with_an_ambassador_to_a_capital_are_with_the_person_named(parse: Parse) -> None:
    found = list(
        meetings(
            parse(
                "Turkish Foreign Minister Mevlut Cavusoglu said the two countries were close to "
                "a deal. He was speaking to reporters after talks with Turkish Ambassador to "
                "Athens Burak Ozugergin."
            )
        )
    )
    assert [sorted(_parties(m)) for m in found] == [["Burak Ozugergin", "Mevlut Cavusoglu"]]


def test_a_place_in_what_the_talks_are_about_is_not_where_they_are(parse: Parse) -> None:
    text = "Greece and Turkey held talks on their row over drilling rights in the Aegean Sea."
    meeting = _one(parse, text)
    assert _parties(meeting) == {"Greece", "Turkey"}
    assert meeting.location is None


def test_a_short_title_with_the_stands_for_the_one_person_given_the_full_title(
    parse: Parse,
) -> None:
    found = list(
        meetings(
            parse(
                "British Chancellor of the Exchequer Jeremy Hunt has told Brazil's Finance "
                "Minister Fernando Haddad that debt is a matter for the banks, a spokesman said. "
                "The spokesman said the Chancellor had stressed in talks this morning with "
                "Haddad the need for reform."
            )
        )
    )
    assert [sorted(_parties(m)) for m in found] == [["Haddad", "Jeremy Hunt"]]
    assert found[0].date == _day("2022-01-20")


def test_a_visit_to_two_countries_is_two_visits_still_to_come(parse: Parse) -> None:
    found = list(
        meetings(parse("British Foreign Secretary James Cleverly is to visit Chile and Peru."))
    )
    assert sorted((sorted(_parties(m)), m.location and m.location.key) for m in found) == [
        (["Chile", "James Cleverly"], "Chile"),
        (["James Cleverly", "Peru"], "Peru"),
    ]
    assert all(m.status is PLANNED for m in found)


def test_an_organizations_own_meeting_has_it_as_its_one_party(parse: Parse) -> None:
    meeting = _one(
        parse, "Shareholders attended the annual meeting of Siemens AG in Munich on Tuesday."
    )
    assert (sorted(_parties(meeting)), meeting.date) == (["Siemens AG"], _day("2022-01-18"))


def test_a_company_that_meets_no_one_named_is_no_meeting(parse: Parse) -> None:
    found = list(meetings(parse("Siemens AG met on Tuesday to discuss the offer.")))
    assert [m for m in found if m.participants] == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Israel and Egypt made little progress in talks in Cairo on Tuesday.",
            ["Egypt", "Israel"],
        ),
        ("Israel made little progress in talks in Cairo on Tuesday.", []),
    ],
)
def test_the_parties_of_a_clause_set_in_talks_are_the_parties_to_them(
    parse: Parse, text: str, parties: list[str]
) -> None:
    meeting = _one(parse, text)
    assert sorted(_parties(meeting)) == parties
    assert meeting.location is not None
    assert meeting.location.key == "Cairo"


def test_they_who_met_when_the_subject_acted(parse: Parse) -> None:
    text = (
        "Japanese Prime Minister Fumio Kishida and Chinese President Xi Jinping agreed to "
        "improve ties when they met in Bangkok on Tuesday."
    )
    meeting = _one(parse, text)
    assert _parties(meeting) == {"Fumio Kishida", "Xi Jinping"}
    assert meeting.date == _day("2022-01-18")


def test_two_leaders_the_parser_runs_into_one_name_are_both_parties(parse: Parse) -> None:
    text = (
        "South Korean President Moon Jae-in and North Korean leader Kim Jong Un held their "
        "second summit at the border village of Panmunjom on Saturday."
    )
    assert _parties(_one(parse, text)) == {"Moon Jae-in", "Kim Jong Un"}


def test_a_counterpart_named_between_commas_is_the_party_not_the_country(parse: Parse) -> None:
    text = (
        "Mike Pompeo, the U.S. secretary of state, met with his Chinese counterpart, Wang Yi, "
        "in Washington on Wednesday."
    )
    assert _parties(_one(parse, text)) == {"Mike Pompeo", "Wang Yi"}


def test_what_parties_do_at_their_summit_tells_where_and_when_it_is(parse: Parse) -> None:
    text = (
        "Donald Trump and Kim Jong Un shook hands in Singapore on Tuesday at the start of their "
        "summit."
    )
    assert _shown([_one(parse, text)]) == [
        ("summit", ["Donald Trump", "Kim Jong Un"], "held", "Singapore", "2022-01-18")
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Vladimir Putin welcomed Recep Tayyip Erdogan to Sochi on Wednesday for talks.", "Sochi"),
        (
            "Angela Merkel will travel to Washington next week for her first meeting with "
            "Donald Trump.",
            "Washington",
        ),
    ],
)
def test_where_a_guest_is_welcomed_or_travels_to_meet_is_the_place(
    parse: Parse, text: str, place: str
) -> None:
    meeting = _one(parse, text)
    assert len(meeting.participants) == 2
    assert meeting.location is not None
    assert meeting.location.key == place


def test_a_country_beside_a_nationality_is_a_side(parse: Parse) -> None:
    meeting = _one(parse, "A meeting between U.S. and Soviet officials is set for next month.")
    assert _parties(meeting) == {"United States", "Soviet Union"}


def test_what_is_done_as_a_rule_is_no_meeting(parse: Parse) -> None:
    assert len(list(meetings(parse("Soviet and U.S. officials met in Geneva in the summer.")))) == 1
    assert (
        list(meetings(parse("Soviet and U.S. officials normally meet in Geneva in the summer.")))
        == []
    )
    assert len(list(meetings(parse("U.S. and Japanese officials met in Tokyo last month.")))) == 1
    assert list(meetings(parse("U.S. and Japanese officials meet in Tokyo every month."))) == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Airbus said it had resumed talks with Boeing.", {"Airbus", "Boeing"}),
        (
            "Toyota Motor Corp said its talks with General Motors Corp had ended.",
            {"Toyota Motor Corp", "General Motors Corp"},
        ),
    ],
)
def test_it_is_the_organization_that_says_so(parse: Parse, text: str, parties: set[str]) -> None:
    assert _parties(_one(parse, text)) == parties


def test_a_numbered_group_taken_for_a_number_is_the_group(parse: Parse) -> None:
    text = (
        "Dealers said the Group of Seven meeting expected tomorrow in Washington is unlikely to "
        "produce new measures."
    )
    assert _shown([_one(parse, text)]) == [
        ("meeting", ["G7"], "planned", "Washington", "2022-01-21")
    ]


def test_who_goes_to_a_meeting_with_someone_meets_them(parse: Parse) -> None:
    text = (
        "George Shultz drove straight from the airport to a meeting with Soviet Foreign "
        "Minister Eduard Shevardnadze."
    )
    meeting = _one(parse, text)
    assert _parties(meeting) == {"George Shultz", "Eduard Shevardnadze"}
    assert meeting.location is None


def test_what_the_parties_agreed_on_a_day_to_do_is_still_to_come(parse: Parse) -> None:
    text = "Erdogan and Putin spoke by phone on Tuesday and agreed to meet in Istanbul."
    assert _shown([_one(parse, text)]) == [
        ("meet", ["Erdogan", "Putin"], "planned", "Istanbul", None)
    ]


def test_talks_a_news_conference_follows_are_the_speakers(parse: Parse) -> None:
    text = (
        "At a news conference following talks with Tony Blair, Mahmoud Abbas said the British "
        "prime minister could help."
    )
    assert _parties(_one(parse, text)) == {"Tony Blair", "Mahmoud Abbas"}


def test_who_speaks_during_a_visit_is_the_visitor(parse: Parse) -> None:
    text = "President Pervez Musharraf of Pakistan has said during a visit to Britain."
    meeting = _one(parse, text)
    assert _parties(meeting) == {"Pervez Musharraf", "United Kingdom"}
    assert list(meetings(parse("The president said during a visit to Britain."))) == []
    text = "Tony Blair sailed across the lake in Bromsgrove while on a visit with Ruth Kelly."
    assert _parties(_one(parse, text)) == {"Tony Blair", "Ruth Kelly"}


def test_the_head_word_of_a_body_named_before_stands_for_it(parse: Parse) -> None:
    text = (
        "The ruling WTO General Council deferred a decision on the dispute. The parties hope to "
        "settle it before the next Council meeting on April 15."
    )
    meeting = _one(parse, text)
    assert _parties(meeting) == {"WTO"}
    assert meeting.date == _day("2022-04-15")
    alone = list(meetings(parse("The parties hope to settle it before the Council meeting.")))
    assert [m.participants for m in alone] == [()]  # no body named before: a reference back


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Deputy Finance Ministers from the Group of 10 met in Paris on Tuesday.", {"G10"}),
        ("Foreign Ministers from the European Union met in Luxembourg on Tuesday.", {"EU"}),
    ],
)
def test_ministers_from_a_body_are_its_meeting(parse: Parse, text: str, parties: set[str]) -> None:
    assert _parties(_one(parse, text)) == parties


def test_the_day_hung_on_the_purpose_of_a_meeting_is_its_day(parse: Parse) -> None:
    text = "Finance officials of the Group of 10 met to discuss the debt crisis on Tuesday."
    assert _one(parse, text).date == _day("2022-01-18")


def test_he_in_a_clause_hung_on_anothers_is_its_subject_and_where_its_place(
    parse: Parse,
) -> None:
    text = (
        "North Korean leader Kim Jong Un made a surprise visit to Beijing on Monday, where he "
        "met Chinese President Xi Jinping."
    )
    found = {m.trigger: m for m in meetings(parse(text))}
    assert _parties(found["met"]) == {"Kim Jong Un", "Xi Jinping"}
    assert found["met"].location is not None
    assert found["met"].location.key == "Beijing"
    assert _parties(found["visit"]) == {"Kim Jong Un", "China"}


def test_days_of_talks_are_the_talks(parse: Parse) -> None:
    text = (
        "U.S. Secretary of State Mike Pompeo arrived in Pyongyang on Friday for two days of "
        "talks with North Korean officials."
    )
    assert _shown([_one(parse, text)]) == [
        ("talks", ["Mike Pompeo", "North Korea"], "held", "Pyongyang", "2022-01-14")
    ]


def test_a_visiting_guest_is_met_not_visiting(parse: Parse) -> None:
    text = (
        "Chinese President Xi Jinping met with visiting South Korean President Moon Jae-in in "
        "Beijing on Thursday."
    )
    assert _shown([_one(parse, text)]) == [
        ("met", ["Moon Jae-in", "Xi Jinping"], "held", "Beijing", "2022-01-20")
    ]


def test_a_post_held_by_anyone_is_no_side(parse: Parse) -> None:
    text = (
        "Trump's summit with Kim in Singapore was the first between a sitting U.S. president and "
        "a North Korean leader."
    )
    assert _parties(_one(parse, text)) == {"Trump", "Kim"}
    text = "Donald Trump held talks with North Korean officials."
    assert _parties(_one(parse, text)) == {"Donald Trump", "North Korea"}


def test_the_people_of_an_organization_meeting_alone_are_its_meeting(parse: Parse) -> None:
    text = "Officials of the Andean Development Corporation met in Lima on Tuesday."
    assert _parties(_one(parse, text)) == {"Andean Development Corporation"}
    text = "Officials of the Andean Development Corporation met with bankers in Lima on Tuesday."
    assert [m.participants for m in meetings(parse(text))] == [()]


def test_a_caption_of_two_acting_together_during_a_meeting(parse: Parse) -> None:
    text = (
        "U.S. President Donald Trump shakes hands with South Korean President Moon Jae-in during "
        "a meeting in the Oval Office of the White House in Washington, U.S., May 22, 2018."
    )
    found = list(meetings(parse(text, published="2018-05-23")))
    assert _shown(found) == [
        ("meeting", ["Donald Trump", "Moon Jae-in"], "held", "Washington", "2018-05-22")
    ]


def test_the_two_koreas_are_both_koreas(parse: Parse) -> None:
    text = "Talks between the two Koreas resumed on Tuesday after a two-year hiatus."
    assert _parties(_one(parse, text)) == {"North Korea", "South Korea"}


@pytest.mark.parametrize("verb", ["welcomed", "greeted"])
def test_a_host_named_in_the_passive_meets_the_one_who_arrived(parse: Parse, verb: str) -> None:
    text = f"Abiy Ahmed arrived in Asmara on Sunday and was {verb} by President Isaias Afwerki."
    assert _shown([_one(parse, text)]) == [
        (verb, ["Abiy Ahmed", "Isaias Afwerki"], "held", "Asmara", "2022-01-16")
    ]


def test_a_clause_of_another_meeting_keeps_its_day(parse: Parse) -> None:
    text = (
        "Donald Trump had earlier met Mexican President Enrique Pena Nieto and will hold talks "
        "with Chinese President Xi Jinping on Saturday."
    )
    found = {m.trigger: m for m in meetings(parse(text))}
    assert found["met"].date is None
    assert found["talks"].date == _day("2022-01-22")


def test_who_attends_the_meeting_told_before_takes_part_in_it(parse: Parse) -> None:
    text = "Rex Tillerson, who attended the meeting along with Sergei Lavrov, spoke to reporters."
    meeting = _one(parse, text)
    assert meeting.anaphoric
    assert _parties(meeting) == {"Rex Tillerson", "Sergei Lavrov"}
    text = "Rex Tillerson, who attended the Venice meeting with Sergei Lavrov, spoke to reporters."
    assert not _one(parse, text).anaphoric  # a meeting named in full is no reference back


def test_where_the_guest_crossed_to_be_greeted_is_the_place(parse: Parse) -> None:
    text = (
        "Kim Jong Un crossed the military demarcation line at the truce village of Panmunjom on "
        "Friday morning and was greeted by Moon Jae-in."
    )
    assert _shown([_one(parse, text)]) == [
        ("greeted", ["Kim Jong Un", "Moon Jae-in"], "held", "Panmunjom", "2022-01-14")
    ]


def test_a_hyphenated_given_name_is_all_of_the_name(parse: Parse) -> None:
    text = (
        "Kim Jong Un crossed the military demarcation line to meet Moon Jae-in at the truce "
        "village of Panmunjom on Friday."
    )
    assert _shown([_one(parse, text)]) == [
        ("meet", ["Kim Jong Un", "Moon Jae-in"], "held", "Panmunjom", "2022-01-14")
    ]


def test_a_building_named_with_its_town_gives_the_town(parse: Parse) -> None:
    text = (
        "Chinese President Xi Jinping on Tuesday met with visiting Pakistani Prime Minister "
        "Imran Khan at the Great Hall of the People in Beijing."
    )
    assert _shown([_one(parse, text)]) == [
        ("met", ["Imran Khan", "Xi Jinping"], "held", "Beijing", "2022-01-18")
    ]
    # A building alone is no place of the graph: a seat of government gives its town.
    text = "Macron received Lebanese Prime Minister Saad al-Hariri at the Elysee Palace on Monday."
    location = _one(parse, text).location
    assert location is not None
    assert location.key == "Paris"


def test_a_journey_made_to_meet_someone_ends_where_they_meet(parse: Parse) -> None:
    # The week after Thursday, January 20, 2022 is January 24-30.
    text = (
        "Iranian Foreign Minister Mohammad Javad Zarif will travel to Moscow next week to meet "
        "Lavrov."
    )
    assert _shown([_one(parse, text)]) == [
        ("meet", ["Lavrov", "Mohammad Javad Zarif"], "planned", "Moscow", "2022-01")
    ]


def test_one_tells_another_face_to_face_in_a_town(parse: Parse) -> None:
    text = "Netanyahu told Putin in Moscow on Wednesday that Israel would act against Iran."
    assert _shown([_one(parse, text)]) == [
        ("told", ["Netanyahu", "Putin"], "held", "Moscow", "2022-01-19")
    ]
    # A call, a letter or the press is no meeting.
    for text in (
        "Netanyahu told Putin by telephone on Wednesday that Israel would act.",
        "Abe told Trump in a letter that Japan would help.",
        "Netanyahu told reporters in Moscow on Wednesday that Israel would act.",
    ):
        assert list(meetings(parse(text))) == [], text


def test_a_meeting_during_a_visit_is_where_the_visit_goes(parse: Parse) -> None:
    text = (
        "During his visit to Tehran, Turkish Foreign Minister Mevlut Cavusoglu met Iranian "
        "President Hassan Rouhani."
    )
    assert _shown([_one(parse, text)]) == [
        ("met", ["Hassan Rouhani", "Mevlut Cavusoglu"], "held", "Tehran", None)
    ]


def test_a_summit_on_whose_sidelines_they_met_was_where_and_when_they_met(parse: Parse) -> None:
    text = "Abe and Xi met in Hamburg on Saturday on the sidelines of the G20 summit."
    shown = _shown(list(meetings(parse(text))))
    assert ("met", ["Abe", "Xi"], "held", "Hamburg", "2022-01-15") in shown
    assert ("summit", ["G20"], "held", "Hamburg", "2022-01-15") in shown


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Erdogan spoke by telephone with Trump on Sunday and the two leaders agreed to meet "
            "in Washington next month.",
            ["Erdogan", "Trump"],
        ),
        (
            "Japan and South Korea have long been at odds, but the two countries will hold talks "
            "in Seoul on Friday.",
            ["Japan", "South Korea"],
        ),
        (
            "Japan and South Korea have long been at odds, but the two sides will hold talks "
            "in Seoul on Friday.",
            ["Japan", "South Korea"],
        ),
        (
            "Sergei Lavrov spoke by telephone with John Kerry on Friday. The two sides agreed to "
            "meet in Geneva next month.",
            ["John Kerry", "Sergei Lavrov"],
        ),
    ],
)
def test_the_two_leaders_are_the_two_named_before(
    parse: Parse, text: str, parties: list[str]
) -> None:
    meeting = _one(parse, text)
    assert sorted(_parties(meeting)) == parties
    assert meeting.status is PLANNED
    # Three people named before: "the two leaders" are not told which.
    text = "Donald Trump, Xi Jinping and Vladimir Putin spoke, and the two leaders agreed to meet."
    assert all(not m.participants for m in meetings(parse(text)))


def test_the_talks_own_place_comes_before_where_the_journey_went(parse: Parse) -> None:
    text = (
        "Russian President Vladimir Putin arrived in Japan on Thursday for a two-day visit, "
        "holding talks with Prime Minister Shinzo Abe at a hot spring resort in Nagato."
    )
    meeting = _one(parse, text)
    assert _parties(meeting) == {"Shinzo Abe", "Vladimir Putin"}
    assert meeting.location is not None
    assert meeting.location.text == "Nagato"


def test_a_year_after_since_dates_the_visit_before(parse: Parse) -> None:
    meeting = _one(parse, "It was Putin's first visit to Japan since 2005.")
    assert meeting.date is None


def test_earlier_in_the_day_is_the_day_of_the_story(parse: Parse) -> None:
    text = "Finnish President Sauli Niinisto hosted Trump at his residence earlier in the day."
    assert _one(parse, text).date == _day("2022-01-20")


def test_a_meal_with_someone_named_is_a_meeting(parse: Parse) -> None:
    text = "Macron had lunch with Merkel in Berlin on Tuesday."
    assert _shown([_one(parse, text)]) == [
        ("lunch", ["Macron", "Merkel"], "held", "Berlin", "2022-01-18")
    ]
    assert _parties(_one(parse, "Abe and Trump played golf and had dinner in Florida.")) == {
        "Abe",
        "Trump",
    }
    # With no one named, a meal is only a meal.
    assert list(meetings(parse("The ministers had lunch with reporters."))) == []


def test_a_call_on_someone_in_a_town_is_a_visit_not_an_appeal(parse: Parse) -> None:
    text = (
        "Pakistan's army chief General Qamar Javed Bajwa called on President Ashraf Ghani in "
        "Kabul on Sunday."
    )
    assert _shown([_one(parse, text)]) == [
        ("called", ["Ashraf Ghani", "Qamar Javed Bajwa"], "held", "Kabul", "2022-01-16")
    ]
    text = "Imran Khan called on Ashraf Ghani in Kabul to release the prisoners."
    assert list(meetings(parse(text))) == []


def test_a_name_the_parser_split_into_two_subjects_is_one_party(parse: Parse) -> None:
    text = (
        "Saudi Foreign Minister Adel al-Jubeir paid a surprise visit to Baghdad on Saturday and "
        "met Iraqi Prime Minister Haider al-Abadi."
    )
    found = {m.trigger: m for m in meetings(parse(text))}
    assert _parties(found["met"]) == {"Adel al-Jubeir", "Haider al-Abadi"}


def test_a_summit_with_a_place_of_its_own_takes_the_day_of_a_meeting_on_its_sidelines(
    parse: Parse,
) -> None:
    text = (
        "Indian Prime Minister Narendra Modi on Saturday met Chinese President Xi Jinping on the "
        "sidelines of the SCO summit in Qingdao."
    )
    found = {m.trigger: m for m in meetings(parse(text))}
    assert found["summit"].date == _day("2022-01-15")
    assert found["met"].date == _day("2022-01-15")


def test_a_summit_framing_what_two_do_together_is_theirs(parse: Parse) -> None:
    text = (
        "U.S. President Donald Trump and North Korean leader Kim Jong Un shook hands on Tuesday "
        "at the start of a historic summit in Singapore."
    )
    assert _shown([_one(parse, text)]) == [
        ("summit", ["Donald Trump", "Kim Jong Un"], "held", "Singapore", "2022-01-18")
    ]
    # Talks two favour are not talks they hold.
    text = "Italy and Germany also favour an early start to talks, but France is sceptical."
    assert all(_parties(m) != {"Italy", "Germany"} for m in meetings(parse(text)))
    # A summit of others that one of them speaks at is not told as theirs.
    text = (
        "Donald Trump and Mike Pence spoke at a summit of business leaders in Chicago on Tuesday."
    )
    assert all(_parties(m) != {"Donald Trump", "Mike Pence"} for m in meetings(parse(text)))


def test_who_attends_the_meeting_which_lasted_takes_part_in_it(parse: Parse) -> None:
    text = (
        "Secretary of State Rex Tillerson and Foreign Minister Sergei Lavrov also attended the "
        "meeting, which lasted more than two hours."
    )
    meeting = _one(parse, text)
    assert meeting.anaphoric
    assert _parties(meeting) == {"Rex Tillerson", "Sergei Lavrov"}


def test_whom_one_met_is_the_name_the_clause_hangs_on(parse: Parse) -> None:
    text = (
        "Erdogan said he had also spoken with U.S. President Barack Obama, whom he met in "
        "Hangzhou on Sunday."
    )
    assert _shown([_one(parse, text)]) == [
        ("met", ["Barack Obama", "Erdogan"], "held", "Hangzhou", "2022-01-16")
    ]


def test_two_who_talk_together_meet_but_not_on_the_telephone(parse: Parse) -> None:
    text = "Obama and Putin also talked for about 90 minutes on Monday, the White House said."
    assert _shown([_one(parse, text)]) == [
        ("talked", ["Obama", "Putin"], "held", None, "2022-01-17")
    ]
    text = "Obama and Putin talked by telephone on Monday, the White House said."
    assert list(meetings(parse(text))) == []


@pytest.mark.parametrize(
    "text",
    [
        "North Korea on Friday proposed talks with South Korea.",
        "Kim Jong Un had asked for a meeting with Moon Jae-in on Friday, Seoul said.",
    ],
)
def test_the_day_talks_were_asked_for_is_not_their_day(parse: Parse, text: str) -> None:
    meeting = _one(parse, text)
    assert meeting.date is None
    assert meeting.status is MeetingStatus.PROPOSED
    assert len(meeting.participants) == 2  # who asks is a party too


def test_two_named_together_over_a_meal_meet(parse: Parse) -> None:
    text = (
        "Angela Merkel met Theresa May on Monday.\n\n"
        "Mrs May and Ms Merkel discussed the future relationship over dinner on Friday."
    )
    found = [m for m in meetings(parse(text)) if m.trigger == "dinner"]
    assert _shown(found) == [("dinner", ["May", "Merkel"], "held", None, "2022-01-14")]


def test_a_visit_arranged_for_talks_is_where_the_talks_are(parse: Parse) -> None:
    meeting = _one(parse, "Abe is scheduled to visit Moscow in late May for talks with Putin.")
    assert {"Abe", "Putin"} <= _parties(meeting)
    assert meeting.location is not None
    assert meeting.location.key == "Moscow"
    assert meeting.status is PLANNED
    assert meeting.date == DateRange(DateValue("2022-05", Precision.MONTH))


def test_a_site_of_a_capital_is_the_town_not_its_government(parse: Parse) -> None:
    text = (
        "Kim Jong Un and his wife greeted Moon Jae-in and his wife at Pyongyang's airport on "
        "Tuesday."
    )
    assert _shown([_one(parse, text)]) == [
        ("greeted", ["Kim Jong Un", "Moon Jae-in"], "held", "Pyongyang", "2022-01-18")
    ]


def test_a_region_before_a_summit_names_who_meets_not_where(parse: Parse) -> None:
    text = (
        "Donald Trump and Vladimir Putin spoke briefly at an Asia-Pacific summit in Vietnam on "
        "Saturday."
    )
    found = [m for m in meetings(parse(text)) if m.trigger == "summit"]
    assert [m.location and m.location.key for m in found] == ["Vietnam"]


def test_the_post_of_a_party_in_apposition_brings_no_other_party(parse: Parse) -> None:
    text = (
        "Chinese President Xi Jinping on Monday held talks with Kim Jong Un, chairman of the "
        "Workers' Party of Korea, in Beijing."
    )
    assert _parties(_one(parse, text)) == {"Xi Jinping", "Kim Jong Un"}


def test_who_after_a_long_apposition_is_the_person_it_hangs_on(parse: Parse) -> None:
    text = (
        "Xi Jinping held talks with Kim Jong Un, chairman of the Workers' Party of Korea and "
        "chairman of the State Affairs Commission of the Democratic People's Republic of Korea, "
        "who paid an unofficial visit to China from Sunday to Wednesday."
    )
    visits = [m for m in meetings(parse(text)) if m.trigger == "visit"]
    assert len(visits) == 1
    assert "Kim Jong Un" in _parties(visits[0])


def test_whom_a_banquet_is_held_for_is_met(parse: Parse) -> None:
    text = "Donald Trump hosted a state dinner for Emmanuel Macron at the White House on Tuesday."
    assert _shown([_one(parse, text)]) == [
        ("dinner", ["Donald Trump", "Emmanuel Macron"], "held", "Washington", "2022-01-18")
    ]
    assert list(meetings(parse("The ministers held a dinner for reporters."))) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Japan and the U.S. Kick off top-level trade talks tomorrow in Tokyo.", PLANNED),
        ("U.S. and Chinese negotiators wrapped up two days of trade talks in Beijing.", HELD),
        ("Trump on Thursday called off his summit with Kim Jong Un in Singapore.", CANCELLED),
    ],
)
def test_talks_kicked_off_or_wrapped_up_take_place(
    parse: Parse, text: str, status: MeetingStatus
) -> None:
    meeting = next(m for m in meetings(parse(text)) if m.trigger in ("talks", "summit"))
    assert meeting.status is status
    if status is not CANCELLED:
        assert _parties(meeting) >= {"United States"}


def test_members_of_a_committee_met_with_are_the_committee(parse: Parse) -> None:
    text = "Aart de Zeeuw met this morning with members of the House Agriculture Committee."
    meeting = _one(parse, text)
    assert _parties(meeting) == {"Aart de Zeeuw", "House Agriculture Committee"}
    assert meeting.body is None


@pytest.mark.parametrize(
    ("text", "parties", "day"),
    [
        (
            "Later today Juan Lopez will meet Treasury Secretary Janet Yellen.",
            {"Juan Lopez", "Janet Yellen"},
            "2022-01-20",
        ),
        (
            "Tomorrow Hans Berger is to meet the Senate Finance Committee.",
            {"Hans Berger", "Senate Finance Committee"},
            "2022-01-21",
        ),
    ],
)
def test_today_and_tomorrow_date_a_meeting_where_the_model_left_them_untagged(
    parse: Parse, text: str, parties: set[str], day: str
) -> None:
    meeting = _one(parse, text)
    assert _parties(meeting) == parties
    assert meeting.date == _day(day)


def test_a_committee_one_is_to_meet_is_a_party_not_the_body_that_meets(parse: Parse) -> None:
    text = "Tomorrow Hans Berger is to meet the Senate Finance Committee."
    assert _one(parse, text).body is None
    convened = _one(parse, "The Senate Finance Committee met on Tuesday to discuss the bill.")
    assert convened.body is not None
    assert convened.body.text == "Senate Finance Committee"


def test_committees_met_in_turn_are_met_one_by_one(parse: Parse) -> None:
    text = (
        "Hans Berger will meet the House Ways and Means Committee and the Senate Finance "
        "Committee on Monday."
    )
    assert sorted(_shown(list(meetings(parse(text))))) == [
        ("meet", ["Hans Berger", "House Ways and Means Committee"], "planned", None, "2022-01-24"),
        ("meet", ["Hans Berger", "Senate Finance Committee"], "planned", None, "2022-01-24"),
    ]


def test_members_of_a_body_met_in_turn_with_someone_are_that_body(parse: Parse) -> None:
    text = "Later today Hans Berger will meet the Senate Banking members and Senator Jon Tester."
    found = list(meetings(parse(text)))
    assert len(found) == 2, _shown(found)
    assert all("Hans Berger" in _parties(m) for m in found)
    assert {"Jon Tester"} in [_parties(m) - {"Hans Berger"} for m in found]


def test_who_is_in_a_town_to_meet_someone_meets_there(parse: Parse) -> None:
    meeting = _one(parse, "Mike Pompeo was in Beijing on Monday to meet Wang Yi.")
    assert _shown([meeting]) == [
        ("meet", ["Mike Pompeo", "Wang Yi"], "held", "Beijing", "2022-01-17")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The delegation, led by Sergei Lavrov, will visit Tokyo on Monday.",
        "A delegation headed by Sergei Lavrov will visit Tokyo on Monday.",
    ],
)
def test_who_leads_a_delegation_makes_its_visit(parse: Parse, text: str) -> None:
    assert _shown([_one(parse, text)]) == [
        ("visit", ["Japan", "Sergei Lavrov"], "planned", "Tokyo", "2022-01-24")
    ]


def test_who_attends_a_meeting_told_in_the_passive_takes_part(parse: Parse) -> None:
    text = (
        "The forecast was made at a meeting attended by Chancellor Karl Nehammer, Finance "
        "Minister Magnus Brunner and central bank governor Robert Holzmann."
    )
    assert _parties(_one(parse, text)) == {"Karl Nehammer", "Magnus Brunner", "Robert Holzmann"}


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("Donald Trump and Kim Jong Un have met in Singapore for a historic summit.", True),
        ("Vladimir Putin has hosted Recep Tayyip Erdogan in Sochi.", True),
        ("Xi Jinping has met Kim Jong Un three times since March.", False),
        ("While in New York, Xi Jinping has conferred with Antonio Guterres.", False),
        ("Angela Merkel met Emmanuel Macron in Berlin.", False),
        ("Angela Merkel has met Emmanuel Macron in Berlin on Monday.", False),
    ],
)
def test_a_meeting_told_as_just_done_without_a_day_is_marked_recent(
    parse: Parse, text: str, recent: bool
) -> None:
    meeting = next(m for m in meetings(parse(text)) if m.trigger in ("met", "hosted", "conferred"))
    assert meeting.recent is recent
    assert (meeting.date is None) is not (text.endswith("on Monday."))


def test_names_inside_an_unnamed_one_met_in_turn_are_not_met_by_each(parse: Parse) -> None:
    text = (
        "During his stay in Washington, Prince Faisal bin Farhan was also scheduled to meet with "
        "Deputy Secretary of State Wendy Sherman, Defense Secretary Lloyd Austin and leaders of "
        "the House and Senate foreign affairs committees."
    )
    assert sorted(sorted(_parties(m)) for m in meetings(parse(text))) == [
        ["Faisal bin Farhan", "Lloyd Austin"],
        ["Faisal bin Farhan", "Wendy Sherman"],
    ]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Japanese Prime Minister Fumio Kishida proposed in a letter to his Chinese "
            "counterpart Li Qiang that they meet next month.",
            {"Fumio Kishida", "Li Qiang"},
        ),
        (
            "Seoul is seeking talks with Pyongyang on the dam project.",
            {"South Korea", "North Korea"},
        ),
        ("Japan wants talks with China on the disputed islands.", {"Japan", "China"}),
        ("Pakistan has pushed for talks with India over Kashmir.", {"Pakistan", "India"}),
        ("Iran has demanded talks with the United States.", {"Iran", "United States"}),
        ("Turkey and Greece are moving towards talks on oil rights.", {"Turkey", "Greece"}),
        (
            "Efforts aimed at starting discussions between Turkey and Greece have stalled.",
            {"Turkey", "Greece"},
        ),
    ],
)
def test_a_meeting_sought_is_proposed_not_held(parse: Parse, text: str, parties: set[str]) -> None:
    meeting = _one(parse, text)
    assert _parties(meeting) == parties
    assert meeting.status is PROPOSED
    assert meeting.date is None or meeting.date.start.precision is Precision.MONTH
    assert not meeting.recent


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia pushed hard for lower output at the meeting of OPEC oil ministers in Vienna "
        "on Saturday.",
        "Janet Yellen held talks with Shunichi Suzuki on Tuesday to urge Japan to act.",
        "Janet Yellen met Shunichi Suzuki in Tokyo on Tuesday to seek a deal on trade.",
    ],
)
def test_a_meeting_that_seeks_something_is_not_itself_sought(parse: Parse, text: str) -> None:
    found = next(m for m in meetings(parse(text)) if m.trigger in ("meeting", "talks", "met"))
    assert found.status is HELD


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "Russian and U.S. officials held talks in Geneva on Monday. The U.S. delegation was "
            "led by Deputy Secretary of State Wendy Sherman, and the Russian side by Deputy "
            "Foreign Minister Sergei Ryabkov.",
            {"Wendy Sherman", "Sergei Ryabkov"},
        ),
        (
            "Ministers from Ecuador, Mexico and Venezuela are attending the two-day conference "
            "in Caracas. The delegations are headed by Javier Espinosa of Ecuador, Pedro Aspe of "
            "Mexico and Arturo Hernandez of Venezuela.",
            {"Javier Espinosa", "Pedro Aspe", "Arturo Hernandez"},
        ),
    ],
)
def test_who_leads_the_delegations_takes_part_in_the_meeting_told_before(
    parse: Parse, text: str, leaders: set[str]
) -> None:
    first, then = meetings(parse(text))
    assert not first.anaphoric
    assert then.anaphoric  # joins the meeting told before, as a reference back does
    assert {p.text for p in then.participants if p.kind is EntityKind.PERSON} == leaders
    assert then.status is first.status is HELD


def test_who_leads_a_delegation_somewhere_for_talks_travels_there(parse: Parse) -> None:
    text = (
        "Chinese Vice Premier Liu He will lead a delegation to Washington on Monday for trade "
        "talks with U.S. Treasury Secretary Steven Mnuchin."
    )
    assert _shown([_one(parse, text)]) == [
        ("talks", ["Liu He", "Steven Mnuchin"], "planned", "Washington", "2022-01-24")
    ]


def test_talks_during_which_one_tells_another_are_theirs(parse: Parse) -> None:
    text = (
        "Palestinian President Mahmoud Abbas told Russian President Vladimir Putin during talks "
        "in Sochi on Monday that Washington could no longer mediate."
    )
    assert _shown([_one(parse, text)]) == [
        ("talks", ["Mahmoud Abbas", "Vladimir Putin"], "held", "Sochi", "2022-01-17")
    ]
    alone = "Mahmoud Abbas told reporters during talks in Sochi on Monday that he was hopeful."
    assert all(len(m.participants) < 2 for m in meetings(parse(alone)))


def test_the_agency_of_a_dateline_after_a_headline_is_no_party(parse: Parse) -> None:
    text = (
        "Biden meets Xi in Bali\n\nBALI (Reuters) - U.S. President Joe Biden met Chinese "
        "President Xi Jinping in Bali on Monday."
    )
    met = next(m for m in meetings(parse(text)) if m.trigger == "met")
    assert _parties(met) == {"Joe Biden", "Xi Jinping"}


def test_a_first_name_the_parser_took_for_a_preposition_is_still_a_party(parse: Parse) -> None:
    # The model reads "Barack" as a preposition governing "Obama" and "Vladimir Putin".
    text = "Barack Obama and Vladimir Putin have met on the sidelines of the G20 summit in China."
    meeting = next(m for m in meetings(parse(text, "2016-09-05")) if m.trigger == "met")
    assert _parties(meeting) == {"Barack Obama", "Vladimir Putin"}
    assert meeting.location is not None
    assert meeting.location.key == "China"


def test_talks_with_one_side_and_then_with_another_are_two_meetings(parse: Parse) -> None:
    text = (
        "During his stop in Israel, Donald Trump held talks with Prime Minister Benjamin "
        "Netanyahu in Jerusalem and with Palestinian President Mahmoud Abbas in Bethlehem."
    )
    assert sorted(_shown(list(meetings(parse(text))))) == [
        ("talks", ["Benjamin Netanyahu", "Donald Trump"], "held", "Jerusalem", None),
        ("talks", ["Donald Trump", "Mahmoud Abbas"], "held", "Bethlehem", None),
    ]


def test_talks_with_two_sides_named_together_are_one_meeting(parse: Parse) -> None:
    text = "Angela Merkel held talks with Emmanuel Macron and Giuseppe Conte in Paris."
    assert _parties(_one(parse, text)) == {"Angela Merkel", "Emmanuel Macron", "Giuseppe Conte"}


@pytest.mark.parametrize(
    ("text", "status", "day"),
    [
        (
            "Barack Obama is due in Hanoi on Monday for talks with Tran Dai Quang.",
            "planned",
            "2022-01-24",
        ),
        (
            "Barack Obama was in Hanoi on Monday for talks with Tran Dai Quang.",
            "held",
            "2022-01-17",
        ),
    ],
)
def test_someone_due_somewhere_is_yet_to_come(
    parse: Parse, text: str, status: str, day: str
) -> None:
    assert _shown([_one(parse, text)]) == [
        ("talks", ["Barack Obama", "Tran Dai Quang"], status, "Hanoi", day)
    ]


def test_a_sum_due_is_no_meeting_to_come(parse: Parse) -> None:
    text = "The principal is due on Monday, the bank said after talks with Citibank on Tuesday."
    assert [m.status for m in meetings(parse(text))] == [HELD]


def test_who_invites_someone_somewhere_for_a_summit_names_its_place(parse: Parse) -> None:
    text = "Kim Jong Un has invited South Korean President Moon Jae-in to Pyongyang for a summit."
    assert _shown(
        [
            _one(
                parse,
                text,
            )
        ]
    ) == [("summit", ["Kim Jong Un", "Moon Jae-in"], "proposed", "Pyongyang", None)]


def test_he_in_a_clause_on_a_journey_is_the_traveller(parse: Parse) -> None:
    text = (
        "Japanese Prime Minister Shinzo Abe then left for Peru to attend the APEC forum, where "
        "he is expected to hold talks with Russian President Vladimir Putin on Saturday."
    )
    assert _shown([_one(parse, text)]) == [
        ("talks", ["Shinzo Abe", "Vladimir Putin"], "planned", None, "2022-01-22")
    ]


def test_their_day_of_talks_are_the_talks_of_the_subject(parse: Parse) -> None:
    text = (
        "South Korean President Moon Jae-in and North Korean leader Kim Jong-un signed an "
        "agreement in Pyongyang on Wednesday, after their second day of talks."
    )
    assert _parties(_one(parse, text)) == {"Moon Jae-in", "Kim Jong-un"}


def test_two_countries_sharing_a_word_are_two_parties(parse: Parse) -> None:
    text = "Officials from North and South Korea held their first formal talks on Tuesday."
    assert _parties(_one(parse, text)) == {"North Korea", "South Korea"}


def test_a_summit_opened_by_what_the_parties_do_is_where_they_do_it(parse: Parse) -> None:
    text = (
        "US President Donald Trump and North Korean leader Kim Jong-un shook hands on Tuesday "
        "at the Capella Hotel on Singapore's Sentosa island, opening the first summit between "
        "leaders of the two countries."
    )
    assert _shown([_one(parse, text, "2018-06-12")]) == [
        ("summit", ["Donald Trump", "Kim Jong-un"], "held", "Singapore", "2018-06-12")
    ]


def test_a_meeting_on_an_island_is_on_that_island(parse: Parse) -> None:
    meeting = _one(parse, "Xi Jinping and Moon Jae-in met on Jeju island on Monday.")
    assert meeting.location is not None
    assert meeting.location.key == "Jeju"


def test_a_summit_beside_which_a_meeting_is_expected_is_still_to_come(parse: Parse) -> None:
    text = (
        "Narendra Modi is also expected to meet Chinese President Xi Jinping on the sidelines "
        "of the SCO summit on Thursday."
    )
    found = sorted(_shown(list(meetings(parse(text)))))
    assert found == [
        ("meet", ["Narendra Modi", "Xi Jinping"], "planned", None, "2022-01-27"),
        ("summit", ["SCO"], "planned", None, "2022-01-27"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US Secretary of State Mike Pompeo has cancelled a planned trip to North Korea.",
            [("trip", ["Mike Pompeo", "North Korea"], "cancelled", "North Korea", None)],
        ),
        (
            "Dilson Funaro completed a week-long trip to the United States, France and Italy.",
            [],
        ),
    ],
)
def test_a_trip_to_one_place_is_a_visit_there(
    parse: Parse, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _shown(list(meetings(parse(text)))) == expected


def test_nationalities_of_counterparts_named_in_turn_are_no_parties_of_their_own(
    parse: Parse,
) -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan hosted his Russian and Iranian counterparts, "
        "Vladimir Putin and Hassan Rouhani, in Ankara on Wednesday."
    )
    assert _parties(_one(parse, text)) == {
        "Recep Tayyip Erdogan",
        "Vladimir Putin",
        "Hassan Rouhani",
    }


def test_what_is_agreed_at_their_summit_dates_the_summit(parse: Parse) -> None:
    text = (
        "Prime Minister Shinzo Abe and U.S. President Donald Trump agreed on Friday to strengthen "
        "the alliance, at their first summit in Washington."
    )
    assert _shown([_one(parse, text, "2017-02-10")]) == [
        ("summit", ["Donald Trump", "Shinzo Abe"], "held", "Washington", "2017-02-10")
    ]


def test_their_next_summit_is_the_parties_meeting_anew(parse: Parse) -> None:
    meeting = _one(parse, "The three leaders agreed to hold their next summit in Iran.")
    assert (meeting.repeats, meeting.status) == (True, PLANNED)
    assert meeting.location is not None
    assert meeting.location.key == "Iran"


def test_whom_a_summit_brings_together_takes_part(parse: Parse) -> None:
    text = "The summit in Sochi brought together the leaders of Russia, Turkey and Iran."
    assert _shown([_one(parse, text)]) == [
        ("summit", ["Iran", "Russia", "Turkey"], "held", "Sochi", None)
    ]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "North Korean envoy Kim Yong Chol delivered a letter from Kim Jong Un to President "
            "Donald Trump at the White House on Friday.",
            ["Donald Trump", "Kim Yong Chol"],
        ),
        (
            "Kim Yo-jong handed South Korean President Moon Jae-in a letter from her brother.",
            ["Kim Yo-jong", "Moon Jae-in"],
        ),
    ],
)
def test_who_hands_someone_a_letter_meets_them(parse: Parse, text: str, parties: list[str]) -> None:
    assert sorted(_parties(_one(parse, text))) == parties


@pytest.mark.parametrize(
    "text",
    [
        "The ministry delivered a letter to the embassy on Friday.",
        "President Donald Trump presented a medal to Tiger Woods on Monday.",
    ],
)
def test_a_letter_to_a_body_or_a_gift_is_no_meeting(parse: Parse, text: str) -> None:
    assert list(meetings(parse(text))) == []


def test_a_meeting_that_may_not_work_out_is_still_planned(parse: Parse) -> None:
    text = "Donald Trump said the June 12 meeting with Kim Jong Un in Singapore may not work out."
    (meeting,) = meetings(parse(text, "2018-05-22"))
    assert (meeting.status, meeting.location and meeting.location.key) == (PLANNED, "Singapore")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Donald Trump said the June 12 summit in Singapore was back on.", "2018-06-12"),
        ("The May 30 meeting in Seoul ended without agreement.", "2018-05-30"),
    ],
)
def test_a_day_that_names_a_meeting_is_in_the_story_s_year(
    parse: Parse, text: str, day: str
) -> None:
    (meeting,) = meetings(parse(text, "2018-06-01"))
    assert meeting.date == _day(day)


def test_who_leads_a_side_takes_part_though_the_parser_split_the_title(parse: Parse) -> None:
    # The model reads "Under" of "Under Secretary of State" as a preposition.
    text = (
        "The Russian delegation was headed by Deputy Foreign Minister Sergei Ryabkov, while the "
        "US side was led by Under Secretary of State Thomas Shannon."
    )
    side = next(m for m in meetings(parse(text)) if m.trigger == "side")
    assert _parties(side) == {"United States", "Thomas Shannon"}
    assert side.anaphoric


@pytest.mark.parametrize(
    "text",
    [
        "Taking part in the talks at an undisclosed location were Ambassador Li Luye and the "
        "director-general of the Israeli Foreign Ministry, Abraham Tamir.",
        "Li Luye and Abraham Tamir also participated in the meeting.",
    ],
)
def test_who_takes_part_in_the_talks_told_before_joins_them(parse: Parse, text: str) -> None:
    meeting = _one(parse, text)
    assert meeting.anaphoric
    assert {"Li Luye", "Abraham Tamir"} <= _parties(meeting)


def test_a_meeting_later_that_day_takes_the_day_of_the_one_told_before(parse: Parse) -> None:
    text = (
        "Theresa May will travel to Brussels on Monday for a working lunch with Jean-Claude "
        "Juncker.\n\nMay will then meet Donald Tusk later in the afternoon."
    )
    lunch, tusk = meetings(parse(text, "2017-12-03"))
    assert _parties(tusk) == {"May", "Donald Tusk"}
    assert tusk.date == lunch.date == _day("2017-12-04")
    assert tusk.status is PLANNED


def test_a_time_of_day_alone_gives_no_day_when_none_was_told(parse: Parse) -> None:
    meeting = _one(parse, "Theresa May will meet Donald Tusk later in the afternoon.")
    assert meeting.date is None


def test_the_body_of_a_party_s_post_convenes_nothing(parse: Parse) -> None:
    text = "Theresa May will meet Donald Tusk, the president of the European Council, on Monday."
    meeting = _one(parse, text, "2017-12-03")
    assert meeting.body is None
    assert {"Theresa May", "Donald Tusk"} <= _parties(meeting)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Saudi Crown Prince Mohammed bin Salman met US President Donald Trump at the White "
            "House on Tuesday.",
            "Washington",
        ),
        (
            "Russian President Vladimir Putin received Israeli Prime Minister Benjamin "
            "Netanyahu at the Kremlin on Wednesday.",
            "Moscow",
        ),
    ],
)
def test_a_meeting_at_a_seat_of_government_is_in_its_town(
    parse: Parse, text: str, town: str
) -> None:
    meeting = _one(parse, text, "2018-03-22")
    assert meeting.location is not None
    assert (meeting.location.key, meeting.location.kind) == (town, EntityKind.PLACE)


def test_a_seat_of_government_that_speaks_places_no_meeting(parse: Parse) -> None:
    text = "The White House said Donald Trump would meet Kim Jong Un on June 12."
    meeting = _one(parse, text, "2018-05-20")
    assert meeting.location is None
    assert _parties(meeting) == {"Donald Trump", "Kim Jong Un"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Saudi Crown Prince Mohammed bin Salman visited Britain earlier this month, where he "
            "had lunch with Queen Elizabeth II.",
            DateRange(DateValue("2018-03", Precision.MONTH)),
        ),
        (
            "Japanese Prime Minister Shinzo Abe made a surprise visit to Beijing on Monday, where "
            "he met Chinese President Xi Jinping.",
            _day("2018-03-19"),
        ),
    ],
)
def test_a_meeting_where_a_stay_was_takes_the_stay_s_time(
    parse: Parse, text: str, day: DateRange
) -> None:
    found = list(meetings(parse(text, "2018-03-20")))
    met = found[-1]
    assert len(_parties(met)) == 2
    assert met.location is not None
    assert met.date == day


def test_a_meeting_where_another_leg_began_does_not_take_the_leg_s_day(parse: Parse) -> None:
    text = (
        "Pakistani President Pervez Musharraf arrived in Britain on Sunday night after flying "
        "from the United States, where he met President George W Bush."
    )
    met = next(m for m in meetings(parse(text, "2005-02-15")) if m.trigger == "met")
    assert met.location is not None
    assert met.location.key == "United States"
    assert met.date is None


def test_the_two_leaders_joined_by_a_third_are_three_parties(parse: Parse) -> None:
    text = (
        "Russian President Vladimir Putin arrived in Ankara on Tuesday for talks with Turkish "
        "President Recep Tayyip Erdogan.\n\nOn Wednesday the two leaders will be joined by "
        "Iranian President Hassan Rouhani for a three-way summit on Syria."
    )
    summit = next(m for m in meetings(parse(text, "2018-04-03")) if m.trigger == "summit")
    assert _parties(summit) == {"Vladimir Putin", "Recep Tayyip Erdogan", "Hassan Rouhani"}
    assert (summit.status, summit.date) == (PLANNED, _day("2018-04-04"))


def test_the_meeting_a_second_one_comes_after_was_held_before(parse: Parse) -> None:
    text = (
        "Russian President Vladimir Putin arrived in Ankara on Tuesday for talks with Turkish "
        "President Recep Tayyip Erdogan.\n\nOn Wednesday the two leaders will be joined by "
        "Iranian President Hassan Rouhani for a three-way summit, their second such meeting "
        "after a summit in the Russian resort of Sochi in November."
    )
    found = list(meetings(parse(text, "2018-04-03")))
    sochi = next(m for m in found if m.location is not None and m.location.key == "Sochi")
    assert sochi.status is HELD
    assert sochi.date == DateRange(DateValue("2017-11", Precision.MONTH))


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo and Kim Yong Chol held talks in New York on Thursday as the two countries try to "
        "salvage a summit between President Donald Trump and Kim Jong Un.",
        "Officials are trying to arrange a meeting between Vladimir Putin and Donald Trump.",
    ],
)
def test_a_meeting_that_is_being_saved_or_arranged_is_still_to_come(
    parse: Parse, text: str
) -> None:
    found = list(meetings(parse(text, "2018-05-31")))
    ahead = next(m for m in found if "Donald Trump" in _parties(m))
    assert ahead.status is PLANNED


def test_a_dateline_ended_by_a_colon_takes_no_part(parse: Parse) -> None:
    text = (
        "WUHAN: Prime Minister Narendra Modi and Chinese President Xi Jinping on Friday began a "
        "two-day informal summit in the central Chinese city of Wuhan."
    )
    meeting = _one(parse, text, "2018-04-27")
    assert _parties(meeting) == {"Narendra Modi", "Xi Jinping"}
    assert meeting.location is not None
    assert meeting.location.key == "Wuhan"


def test_a_purpose_clause_does_not_make_a_past_visit_one_to_come(parse: Parse) -> None:
    text = (
        "German Foreign Minister Heiko Maas visited Ankara earlier this month to prepare the trip."
    )
    meeting = _one(parse, text, "2018-09-20")
    assert meeting.status is HELD
    assert meeting.date == DateRange(DateValue("2018-09", Precision.MONTH))


def test_a_meeting_held_later_is_on_the_day_of_the_one_told_before(parse: Parse) -> None:
    text = (
        "U.S. Secretary of State Rex Tillerson and Russian Foreign Minister Sergei Lavrov held "
        "talks in Moscow on Wednesday.\n\nRussian President Vladimir Putin later received "
        "Tillerson at the Kremlin for nearly two hours.\n\nTillerson will later meet Chinese "
        "President Xi Jinping."
    )
    talks, kremlin, ahead = meetings(parse(text, "2017-04-12"))
    assert talks.date == kremlin.date == _day("2017-04-12")
    assert kremlin.location is not None
    assert kremlin.location.key == "Moscow"
    assert (ahead.status, ahead.date) == (PLANNED, None)


def test_a_host_s_several_guests_are_one_meeting(parse: Parse) -> None:
    text = (
        "German Foreign Minister Heiko Maas hosted Sergei Lavrov, Pavlo Klimkin and Jean-Yves "
        "Le Drian at a government guesthouse in Berlin."
    )
    meeting = _one(parse, text, "2018-06-11")
    assert _parties(meeting) == {
        "Heiko Maas",
        "Sergei Lavrov",
        "Pavlo Klimkin",
        "Jean-Yves Le Drian",
    }


def test_where_after_a_visit_s_days_is_the_place_of_the_visit(parse: Parse) -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan will pay an official visit to Germany on Sept. "
        "27-29, where he will meet Chancellor Angela Merkel, the presidency said on Thursday."
    )
    met = next(m for m in meetings(parse(text, "2018-09-20")) if m.trigger == "meet")
    assert _parties(met) == {"Recep Tayyip Erdogan", "Angela Merkel"}
    assert met.location is not None
    assert met.location.key == "Germany"
    assert met.date is not None
    assert met.date.start.iso == "2018-09-27"


def test_the_source_of_the_news_hung_on_a_party_takes_no_part(parse: Parse) -> None:
    text = (
        "The two leaders will discuss the Korean Peninsula ahead of Donald Trump's planned summit "
        "with North Korean leader Kim Jong-un, presidential spokesman Yoon Young-chan said."
    )
    summit = next(m for m in meetings(parse(text, "2018-05-04")) if m.trigger == "summit")
    assert _parties(summit) == {"Donald Trump", "Kim Jong-un"}


def test_a_dialogue_that_is_held_is_a_meeting(parse: Parse) -> None:
    text = (
        "Japan and China held their first high-level economic dialogue in nearly eight years in "
        "Tokyo on Monday."
    )
    meeting = _one(parse, text, "2018-04-16")
    assert _parties(meeting) == {"Japan", "China"}
    assert meeting.date == _day("2018-04-16")
    assert list(meetings(parse("Seoul called for dialogue with North Korea on Monday."))) == []


@pytest.mark.parametrize(
    ("text", "status", "day"),
    [
        (
            "Prime Minister Narendra Modi will also call on President Bidya Devi Bhandari on "
            "Saturday.",
            PLANNED,
            "2018-05-12",
        ),
        (
            "Indian Prime Minister Narendra Modi called on Nepalese President Bidya Devi Bhandari "
            "on Thursday.",
            HELD,
            "2018-05-10",
        ),
    ],
)
def test_who_calls_on_a_person_meets_them(
    parse: Parse, text: str, status: MeetingStatus, day: str
) -> None:
    meeting = _one(parse, text, "2018-05-11")
    assert _parties(meeting) == {"Narendra Modi", "Bidya Devi Bhandari"}
    assert (meeting.status, meeting.date) == (status, _day(day))


@pytest.mark.parametrize(
    "text",
    [
        "Narendra Modi called on Nepal to speed up the projects.",
        "Narendra Modi called on Bidya Devi Bhandari to resign.",
    ],
)
def test_a_call_on_someone_to_act_is_no_meeting(parse: Parse, text: str) -> None:
    assert list(meetings(parse(text))) == []


def test_a_building_named_after_its_town_gives_the_town(parse: Parse) -> None:
    text = (
        "French President Emmanuel Macron hosted Russian leader Vladimir Putin at the Palace of "
        "Versailles on Monday."
    )
    location = _one(parse, text, "2017-05-29").location
    assert location is not None
    assert location.key == "Versailles"


def test_a_summit_named_for_a_pair_has_the_pair_as_its_parties(parse: Parse) -> None:
    text = (
        "Malcolm Turnbull and Joko Widodo met on Saturday ahead of the ASEAN-Australia Special "
        "Summit, which opens in Sydney on Sunday."
    )
    found = list(meetings(parse(text, "2018-03-17")))
    summit = next(m for m in found if m.trigger == "Summit")
    assert _parties(summit) == {"ASEAN", "Australia"}
    assert (summit.status, summit.date) == (PLANNED, _day("2018-03-18"))
    met = next(m for m in found if m.trigger == "met")
    assert _parties(met) == {"Malcolm Turnbull", "Joko Widodo"}


def test_a_guest_welcomed_to_a_seat_of_government_meets_in_its_town(parse: Parse) -> None:
    text = (
        "President Donald Trump welcomed South Korean President Moon Jae-in to the White House "
        "on Tuesday, as the two leaders sought to keep plans for a summit with North Korea on "
        "track."
    )
    # "the two leaders" are not parties of a summit told deep in their clause
    (meeting,) = meetings(parse(text, "2018-05-22"))
    assert _parties(meeting) == {"Donald Trump", "Moon Jae-in"}
    assert meeting.location is not None
    assert meeting.location.key == "Washington"


def test_a_country_in_a_dateline_without_a_dash_takes_no_part(parse: Parse) -> None:
    text = (
        "Helsinki, Finland (CNN) President Donald Trump and Russian President Vladimir Putin met "
        "face to face on Monday in Helsinki for their first formal summit."
    )
    met = next(m for m in meetings(parse(text, "2018-07-16")) if m.trigger == "met")
    assert _parties(met) == {"Donald Trump", "Vladimir Putin"}


def test_talks_in_the_capital_of_a_nationality_are_in_that_capital(parse: Parse) -> None:
    text = (
        "Russian President Vladimir Putin and US President Donald Trump have held talks in the "
        "Finnish capital, the Kremlin press service said."
    )
    location = _one(parse, text, "2018-07-16").location
    assert location is not None
    assert location.key == "Helsinki"


def test_their_summit_is_that_of_he_who_sides_with_another(parse: Parse) -> None:
    text = (
        "Donald Trump has been accused of treason after he sided with Vladimir Putin over his own "
        "intelligence agencies at a press conference following their summit in Helsinki."
    )
    meeting = _one(parse, text, "2018-07-17")
    assert _parties(meeting) == {"Donald Trump", "Vladimir Putin"}
    assert meeting.location is not None
    assert meeting.location.key == "Helsinki"


def test_a_meeting_named_again_in_apposition_is_one_meeting_of_both(parse: Parse) -> None:
    text = (
        "Moon Jae-in arrived in the North Korean capital on Tuesday for a three-day summit, his "
        "third meeting with Kim Jong-un this year."
    )
    meeting = _one(parse, text, "2018-09-19")
    assert _parties(meeting) == {"Moon Jae-in", "Kim Jong-un"}
    assert meeting.location is not None
    assert meeting.location.key == "Pyongyang"
    assert meeting.date == _span("2018-09-18", "2018-09-20")  # three days from Tuesday


@pytest.mark.parametrize(
    ("text", "parties", "place"),
    [
        (
            "Chinese President Xi Jinping arrived in Manila on Tuesday for a two-day state visit.",
            {"Xi Jinping", "Philippines"},
            "Manila",
        ),
        # The second name for the visit, hung by the parser on the verb, is the same visit.
        (
            "North Korean leader Kim Jong Un arrived in Beijing on Tuesday for a two-day visit, "
            "his third trip to China this year.",
            {"Kim Jong Un", "China"},
            "Beijing",
        ),
    ],
)
def test_a_visit_one_arrives_in_a_capital_for_is_a_visit_to_its_country(
    parse: Parse, text: str, parties: set[str], place: str
) -> None:
    meeting = _one(parse, text, "2018-06-19")
    assert _parties(meeting) == parties
    assert meeting.location is not None
    assert meeting.location.key == place
    assert meeting.date == _span("2018-06-19", "2018-06-20")  # two days from Tuesday


def test_arriving_in_a_town_for_a_visit_meets_no_one_in_a_town_that_is_no_capital(
    parse: Parse,
) -> None:
    doc = parse("Merkel arrived in Hamburg on Tuesday for a two-day visit.", "2018-06-19")
    assert all(_parties(m) == {"Merkel"} for m in meetings(doc))


def test_a_second_meeting_of_the_same_subject_is_on_the_first_ones_day(parse: Parse) -> None:
    text = (
        "Finnish President Sauli Niinisto hosted Donald Trump for breakfast at his official "
        "residence earlier in the day and also met briefly with Vladimir Putin."
    )
    found = list(meetings(parse(text, "2018-07-16")))
    assert [(sorted(_parties(m)), m.date) for m in found] == [
        (["Donald Trump", "Sauli Niinisto"], _day("2018-07-16")),
        (["Sauli Niinisto", "Vladimir Putin"], _day("2018-07-16")),
    ]


def test_a_meeting_told_without_a_day_after_the_news_of_the_day_is_of_that_day(
    parse: Parse,
) -> None:
    lede = "German Chancellor Angela Merkel and French President Emmanuel Macron agreed on Tuesday "
    lede += "to create a eurozone budget. "
    hosted = "Merkel hosted Macron at Meseberg Castle north of Berlin."
    assert _one(parse, lede + hosted, "2018-06-19").date == _day("2018-06-19")
    # Not where the day is only when something was said, nor for a meeting told far below.
    said = "German Chancellor Angela Merkel said on Tuesday that Germany would create a budget. "
    assert _one(parse, said + hosted, "2018-06-19").date is None
    far = lede + "The budget would start in 2021. It needs the others. They disagree. " + hosted
    assert _one(parse, far, "2018-06-19").date is None


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President Uhuru Kenyatta said on Tuesday that his country would help Israel, as "
        "he hosted Prime Minister Benjamin Netanyahu in Nairobi.",
        "Kenyan President Uhuru Kenyatta spoke to reporters on Tuesday as he hosted Prime "
        "Minister Benjamin Netanyahu in Nairobi.",
    ],
)
def test_a_meeting_told_as_going_on_with_something_dated_is_on_its_day(
    parse: Parse, text: str
) -> None:
    meeting = _one(parse, text, "2016-07-05")
    assert _parties(meeting) == {"Uhuru Kenyatta", "Benjamin Netanyahu"}
    assert meeting.date == _day("2016-07-05")


def test_who_in_a_relative_clause_after_a_preposition_takes_part(parse: Parse) -> None:
    text = (
        "It was the first visit abroad for U.S. Treasury Secretary Steven Mnuchin, who held talks "
        "with Wolfgang Schaeuble in Berlin on Thursday."
    )
    (talks,) = [m for m in meetings(parse(text)) if m.trigger == "talks"]
    assert _parties(talks) == {"Steven Mnuchin", "Wolfgang Schaeuble"}


@pytest.mark.parametrize(
    "text",
    [
        "Putin met Erdogan in Sochi on Monday. Foreign ministers Sergei Lavrov and Mevlut "
        "Cavusoglu also attended.",
        "Putin met Erdogan in Sochi on Monday. Foreign ministers Sergei Lavrov and Mevlut "
        "Cavusoglu were also present.",
    ],
)
def test_who_also_attended_takes_part_in_the_meeting_told_before(parse: Parse, text: str) -> None:
    first, present = meetings(parse(text))
    assert not first.anaphoric
    assert present.anaphoric
    assert _parties(present) == {"Sergei Lavrov", "Mevlut Cavusoglu"}


def test_who_did_not_attend_takes_no_part(parse: Parse) -> None:
    text = "Putin met Erdogan in Sochi on Monday. Foreign Minister Sergei Lavrov did not attend."
    assert [m.trigger for m in meetings(parse(text))] == ["met"]


def test_a_summit_after_a_meeting_still_to_come_is_still_to_come(parse: Parse) -> None:
    text = (
        "He is due to meet the city-state's prime minister, Lee Hsien Loong, on Monday, before "
        "his summit with Kim Jong Un on Tuesday."
    )
    (summit,) = [m for m in meetings(parse(text, "2018-06-10")) if m.trigger == "summit"]
    assert summit.status is PLANNED
    assert summit.date == _day("2018-06-12")


def test_a_summit_beside_which_two_met_on_a_day_is_on_that_day(parse: Parse) -> None:
    text = (
        "US President Donald Trump and Russian President Vladimir Putin met for the first time on "
        "Friday on the sidelines of the G20 summit in Hamburg."
    )
    found = list(meetings(parse(text, "2017-07-07")))
    assert [(m.trigger, m.date) for m in found] == [
        ("met", _day("2017-07-07")),
        ("summit", _day("2017-07-07")),
    ]


def test_the_custodian_of_the_two_holy_mosques_is_the_king_named_after(parse: Parse) -> None:
    text = (
        "Custodian of the Two Holy Mosques King Salman received Iraqi Prime Minister Haider "
        "Al-Abadi at Al-Salam Palace in Jeddah on Monday."
    )
    meeting = _one(parse, text, "2017-06-19")
    assert _parties(meeting) == {"Salman", "Haider Al-Abadi"}


def test_a_day_of_a_date_before_a_comma_keeps_its_month(parse: Parse) -> None:
    text = "Sergei Lavrov will meet Antony Blinken on Sunday, March 4, in Geneva."
    assert _one(parse, text, "2018-01-28").date == _day("2018-03-04")


def test_a_dateline_of_a_town_and_its_country_before_a_colon(parse: Parse) -> None:
    text = (
        "BOAO, China: Prime Minister Lee Hsien Loong met Chinese President Xi Jinping on Sunday "
        "on the sidelines of the Boao Forum for Asia."
    )
    met = next(m for m in meetings(parse(text, "2018-04-08")) if m.trigger == "met")
    assert _parties(met) == {"Lee Hsien Loong", "Xi Jinping"}


def test_a_gathering_named_for_an_initiative_is_not_a_proposal(parse: Parse) -> None:
    text = (
        "Prime Minister Imran Khan held a one-on-one meeting with Saudi Crown Prince Mohammed bin "
        "Salman on Tuesday on the sidelines of the Future Investment Initiative conference."
    )
    conference = next(m for m in meetings(parse(text, "2018-10-24")) if m.trigger == "conference")
    assert (conference.status, conference.date) == (HELD, _day("2018-10-23"))


def test_a_summit_beside_talks_held_on_a_day_is_on_that_day_and_lends_its_town(
    parse: Parse,
) -> None:
    text = (
        "Shinzo Abe held talks with Xi Jinping on Saturday on the sidelines of the G20 summit "
        "in Osaka."
    )
    talks, summit = meetings(parse(text, "2019-07-01"))
    assert talks.date == summit.date == _day("2019-06-29")
    assert talks.location is not None
    assert talks.location.text == "Osaka"


def test_a_journey_the_meeting_is_set_for_ends_where_the_talks_are(parse: Parse) -> None:
    text = (
        "Mahmoud Abbas is set to travel to Brussels on Monday for talks with EU foreign ministers."
    )
    meeting = _one(parse, text, "2018-01-28")
    assert meeting.location is not None
    assert meeting.location.key == "Brussels"


def test_a_dateline_before_a_hyphenated_name_ends_at_its_dash(parse: Parse) -> None:
    text = (
        "PANMUNJOM, South Korea \u2014 Kim Jong-un, the North Korean leader, stepped across the "
        "military demarcation line on Friday to meet President Moon Jae-in of South Korea."
    )
    meeting = _one(parse, text, "2018-04-28")
    assert _parties(meeting) == {"Kim Jong-un", "Moon Jae-in"}
    assert meeting.date == _day("2018-04-27")


def test_talks_the_two_held_before_what_they_did_are_theirs(parse: Parse) -> None:
    text = (
        "President Trump and Prime Minister Shinzo Abe of Japan played golf on Saturday after a "
        "day of talks at the White House."
    )
    meeting = _one(parse, text, "2017-02-11")
    assert _parties(meeting) == {"Trump", "Shinzo Abe"}
    assert meeting.location is not None
    assert meeting.location.key == "Washington"
    assert meeting.date is None  # Saturday is the golf's


def test_all_who_speak_after_talks_with_someone_took_part(parse: Parse) -> None:
    text = "Donald Trump and Shinzo Abe spoke to reporters after talks with Xi Jinping."
    assert _parties(_one(parse, text)) == {"Donald Trump", "Shinzo Abe", "Xi Jinping"}


def test_talks_over_a_meal_are_where_the_meal_is(parse: Parse) -> None:
    text = (
        "British Prime Minister Theresa May held talks with German Chancellor Angela Merkel over "
        "dinner in Berlin on Tuesday."
    )
    location = _one(parse, text, "2018-03-26").location
    assert location is not None
    assert location.key == "Berlin"
    # talks over a dispute are not where the dispute is
    text = "Greece and Turkey held talks over the dispute in the Aegean on Tuesday."
    assert _one(parse, text, "2018-03-26").location is None


def test_a_summit_a_meeting_prepares_for_has_not_the_meeting_s_time(parse: Parse) -> None:
    text = (
        "Indian and Chinese officials met in New Delhi last week to prepare for the informal "
        "summit."
    )
    met, summit = meetings(parse(text, "2018-06-20"))
    assert (met.status, met.date) == (HELD, DateRange(DateValue("2018-06", Precision.MONTH)))
    assert (summit.status, summit.date) == (PLANNED, None)


def test_who_meets_to_prepare_a_summit_is_no_party_of_it(parse: Parse) -> None:
    text = (
        "Chung Eui-yong met with his US counterpart John Bolton in Washington last week to "
        "prepare the summit between Donald Trump and Kim Jong Un."
    )
    met, summit = meetings(parse(text, "2018-06-20"))
    assert _parties(met) == {"Chung Eui-yong", "John Bolton"}
    assert _parties(summit) == {"Donald Trump", "Kim Jong Un"}


def test_who_hosts_a_summit_takes_part_in_it(parse: Parse) -> None:
    text = "Nawaz Sharif attended a summit hosted by Turkish President Recep Tayyip Erdogan."
    assert _parties(_one(parse, text)) == {"Nawaz Sharif", "Recep Tayyip Erdogan"}


def test_there_is_where_the_sentence_before_says_something_happened(parse: Parse) -> None:
    text = (
        "Shinzo Abe began his tour on Sunday in Manila, the Philippine capital. There he held "
        "talks with President Rodrigo Duterte."
    )
    meeting = _one(parse, text, "2018-01-22")
    assert _parties(meeting) == {"Shinzo Abe", "Rodrigo Duterte"}
    assert meeting.location is not None
    assert meeting.location.key == "Manila"
    assert meeting.date == _day("2018-01-21")


def test_a_meeting_at_a_numbered_group_s_summit_is_where_the_summit_is(parse: Parse) -> None:
    text = "Trump and Macron met again at the Group of 20 summit in Hamburg last week."
    met, summit = meetings(parse(text, "2017-07-14"))
    assert (_parties(met), _parties(summit)) == ({"Trump", "Macron"}, {"G20"})
    assert met.location is not None
    assert met.location.key == "Hamburg"
    text = "The Group of 20 summit in Hamburg ended on Saturday."
    assert _parties(_one(parse, text, "2017-07-14")) == {"G20"}


def test_a_meal_between_two_is_a_meeting_of_the_two(parse: Parse) -> None:
    text = "A dinner between Abe and Trump at Mar-a-Lago on Saturday was cordial."
    meeting = _one(parse, text, "2017-02-13")
    assert _parties(meeting) == {"Abe", "Trump"}
    assert meeting.date == _day("2017-02-11")


def test_a_brief_encounter_with_someone_is_a_meeting_but_not_an_armed_one(parse: Parse) -> None:
    text = (
        "South Korean Foreign Minister Kang Kyung-wha had a brief encounter with her North "
        "Korean counterpart, Ri Yong-ho, at a gala dinner on Sunday."
    )
    assert _parties(_one(parse, text, "2017-08-07")) == {"Kang Kyung-wha", "Ri Yong-ho"}
    text = "Two soldiers were killed in an armed encounter with the Taliban in Helmand."
    assert list(meetings(parse(text))) == []


def test_talks_one_uses_are_one_s_own(parse: Parse) -> None:
    text = (
        "Emmanuel Macron used talks with Xi Jinping in Beijing on Tuesday to press for access "
        "to Chinese markets."
    )
    assert _parties(_one(parse, text, "2018-01-09")) == {"Emmanuel Macron", "Xi Jinping"}


def test_a_place_that_names_a_way_of_meeting_is_no_venue(parse: Parse) -> None:
    text = (
        "Merkel hosted Hollande and Putin on Wednesday for the first summit in the Normandy "
        "format in a year."
    )
    assert all(m.location is None for m in meetings(parse(text, "2016-10-20")))


@pytest.mark.parametrize(
    ("text", "guest"),
    [
        (
            "Prime Minister Narendra Modi landed at Ben Gurion airport on Tuesday. Benjamin "
            "Netanyahu greeted him with a hug on the tarmac.",
            "Narendra Modi",
        ),
        (
            "Sergei Lavrov arrived in Geneva on Monday. John Kerry met with him at a hotel.",
            "Sergei Lavrov",
        ),
    ],
)
def test_him_a_named_person_hosts_or_meets_is_the_subject_of_the_sentence_before(
    parse: Parse, text: str, guest: str
) -> None:
    meeting = _one(parse, text, "2017-07-05")
    assert len(_parties(meeting)) == 2
    assert guest in _parties(meeting)


def test_him_who_is_not_told_before_makes_no_meeting(parse: Parse) -> None:
    assert list(meetings(parse("Vladimir Putin met him in the Kremlin on Tuesday."))) == []


def test_who_is_named_in_a_time_after_an_event_is_no_party(parse: Parse) -> None:
    text = (
        "The two leaders first held talks on the sidelines of the G20 summit in Hamburg last "
        "July, two months after Macron's election."
    )
    talks = next(m for m in meetings(parse(text, "2018-01-09")) if m.trigger == "talks")
    assert "Macron" not in _parties(talks)
    assert talks.date == DateRange(DateValue("2017-07", Precision.MONTH))


def test_they_who_first_met_are_the_parties_of_a_meeting_before(parse: Parse) -> None:
    text = "They first held talks in Hamburg last July."
    (talks,) = meetings(parse(text, "2018-01-09"))
    assert (talks.anaphoric, talks.repeats) == (True, True)
    assert talks.location is not None
    assert talks.location.key == "Hamburg"


def test_the_two_are_the_two_named_in_the_sentence_before(parse: Parse) -> None:
    text = (
        "Theresa May held talks with Donald Trump at the White House on Friday. Speaking at a "
        "joint news conference in the East Room, the prime minister said the two had discussed "
        "trade during their meeting in the Oval Office."
    )
    found = list(meetings(parse(text, "2017-01-27")))
    assert len(found) == 2, _shown(found)
    assert _parties(found[1]) == {"Theresa May", "Donald Trump"}
    assert found[1].location is not None
    assert found[1].location.key == "Washington"


def test_the_first_leader_to_meet_someone_is_the_subject(parse: Parse) -> None:
    text = (
        "Shinzo Abe was the first foreign leader to meet Donald Trump after his election "
        "victory, holding talks with the then president-elect at Trump Tower in New York on "
        "Nov. 17."
    )
    meeting = _one(parse, text, "2017-02-12")
    assert _parties(meeting) == {"Shinzo Abe", "Donald Trump"}
    assert meeting.location is not None
    assert meeting.location.key == "New York"
    assert meeting.date == _day("2016-11-17")
    text = (
        "Theresa May spoke to reporters on Friday after becoming the first foreign leader to "
        "hold talks with Donald Trump at the White House."
    )
    assert _parties(_one(parse, text, "2017-01-27")) == {"Theresa May", "Donald Trump"}


def test_days_of_talks_a_day_caps_are_talks(parse: Parse) -> None:
    text = (
        "Prime Minister Shinzo Abe and U.S. President Donald Trump spent Saturday on the golf "
        "course in Florida, capping two days of talks."
    )
    meeting = _one(parse, text, "2017-02-12")
    assert _parties(meeting) == {"Shinzo Abe", "Donald Trump"}


def test_one_named_with_but_not_takes_no_part(parse: Parse) -> None:
    text = (
        "Prime Minister Shinzo Abe, but not Finance Minister Taro Aso, will attend the "
        "summit with Chinese Premier Li Keqiang in Tokyo on Wednesday."
    )
    assert "Taro Aso" not in _parties(_one(parse, text, "2018-05-07"))


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("the day before", "2017-09-19"),
        ("the previous day", "2017-09-19"),
        ("the following day", "2017-09-21"),
        ("a day later", "2017-09-21"),
    ],
)
def test_the_day_before_or_after_counts_from_the_meeting_told_before(
    parse: Parse, words: str, day: str
) -> None:
    text = (
        "Prime Minister Lee Hsien Loong met Chinese President Xi Jinping in Beijing on "
        f"Wednesday. Mr Lee held talks with Premier Li Keqiang {words}."
    )
    found = list(meetings(parse(text, "2017-09-21")))
    assert [m.date for m in found] == [_day("2017-09-20"), _day(day)], _shown(found)


def test_they_who_hold_talks_when_named_together_are_the_two_then_and_there(
    parse: Parse,
) -> None:
    text = (
        "President Uhuru Kenyatta and Opposition leader Raila Odinga on Friday stunned the "
        "country when they held closed-door talks at Harambee House, Nairobi."
    )
    meeting = _one(parse, text, "2018-03-09")
    assert _parties(meeting) == {"Uhuru Kenyatta", "Raila Odinga"}
    assert meeting.date == _day("2018-03-09")
    assert meeting.location is not None
    assert meeting.location.key == "Nairobi"


def test_the_time_and_place_of_what_a_meeting_happened_at_are_its_own(parse: Parse) -> None:
    text = (
        "The two leaders most recently met in Berlin in October last year, when Angela Merkel "
        "and Francois Hollande hosted Vladimir Putin and Petro Poroshenko for talks."
    )
    hosted = next(m for m in meetings(parse(text, "2017-05-02")) if len(m.participants) == 4)
    assert hosted.location is not None
    assert hosted.location.key == "Berlin"
    assert hosted.date == DateRange(DateValue("2016-10", Precision.MONTH))


def test_the_president_is_the_one_so_titled_before_not_one_named_further_on(
    parse: Parse,
) -> None:
    text = (
        "President Uhuru Kenyatta spoke on Friday. The President received US Secretary of "
        "State Rex Tillerson at State House, Nairobi. Tillerson will go on to meet President "
        "Muhammadu Buhari in Abuja on Monday."
    )
    received = next(m for m in meetings(parse(text, "2018-03-09")) if m.trigger == "received")
    assert _parties(received) == {"Uhuru Kenyatta", "Rex Tillerson"}
    assert received.location is not None
    assert received.location.key == "Nairobi"


def test_talks_held_earlier_are_on_the_day_told_before_but_not_had_earlier(
    parse: Parse,
) -> None:
    text = (
        "President Uhuru Kenyatta received Rex Tillerson in Nairobi on Friday. Mr Tillerson, who "
        "is on his first tour of Africa, earlier held talks with Foreign Affairs Cabinet "
        "Secretary Monica Juma."
    )
    talks = [m for m in meetings(parse(text, "2018-03-10")) if m.trigger == "talks"]
    assert [(_parties(m), m.date) for m in talks] == [
        ({"Tillerson", "Monica Juma"}, _day("2018-03-09"))
    ]
    text = (
        "President Uhuru Kenyatta received Rex Tillerson in Nairobi on Friday. Kenyatta had "
        "earlier met Foreign Affairs Cabinet Secretary Monica Juma."
    )
    met = [m for m in meetings(parse(text, "2018-03-10")) if m.trigger == "met"]
    assert [m.date for m in met] == [None]


def test_the_leader_of_a_nationality_is_the_one_named_before(parse: Parse) -> None:
    text = (
        "Russian President Vladimir Putin arrived in Vienna on Tuesday. Chancellor Sebastian "
        "Kurz spoke after his own meeting with the Russian leader."
    )
    meeting = next(m for m in meetings(parse(text, "2018-06-05")) if m.trigger == "meeting")
    assert _parties(meeting) == {"Sebastian Kurz", "Vladimir Putin"}


def test_a_day_told_of_another_clause_with_its_own_subject_is_not_the_meeting_s(
    parse: Parse,
) -> None:
    text = (
        "Russian President Vladimir Putin insisted on Tuesday that Moscow had no wish to divide "
        "the European Union, as he was warmly received in Vienna on his first trip to an EU "
        "country since winning a fourth term in March.\n\nPutin held talks with Austrian "
        "President Alexander Van der Bellen at the Hofburg palace before meeting Chancellor "
        "Sebastian Kurz, whose government has positioned itself as a bridge between Russia and "
        "the West, just weeks before Austria takes over the rotating EU presidency on July 1."
    )
    found = list(meetings(parse(text, "2018-06-05")))
    assert all(m.date is None for m in found), _shown(found)
    assert all(m.status is HELD for m in found), _shown(found)


def test_a_sea_that_names_a_residence_is_no_venue_beside_its_town(parse: Parse) -> None:
    text = (
        "German Chancellor Angela Merkel held talks with Russian President Vladimir Putin at "
        "his Black Sea residence in Sochi on Tuesday."
    )
    meeting = _one(parse, text, "2017-05-02")
    assert meeting.location is not None
    assert meeting.location.key == "Sochi"


def test_he_who_speaks_during_a_meeting_at_a_seat_with_someone_took_part(parse: Parse) -> None:
    text = (
        "Donald Trump did not endorse the two-state solution. In February, during a White House "
        "meeting with Benjamin Netanyahu, he said he could live with either."
    )
    meeting = _one(parse, text, "2017-05-04")
    assert _parties(meeting) == {"Donald Trump", "Benjamin Netanyahu"}
    assert meeting.location is not None
    assert meeting.location.key == "Washington"
    assert meeting.date == DateRange(DateValue("2017-02", Precision.MONTH))


def test_days_later_in_a_story_of_the_past_is_not_ahead(parse: Parse) -> None:
    text = (
        "Days later, Jason Greenblatt, Trump's special representative for international "
        "negotiations, toured the region, meeting Benjamin Netanyahu in Jerusalem."
    )
    assert _one(parse, text, "2017-05-04").status is HELD


def test_one_who_speaks_as_he_sits_down_with_someone_meets_them_on_the_day_he_spoke(
    parse: Parse,
) -> None:
    text = (
        "HAMBURG (Reuters) - U.S. President Donald Trump said on Friday that Mexico should "
        '"absolutely" pay for a wall on the U.S.-Mexico border, speaking as he sat down with '
        "Mexican President Enrique Pena Nieto on the sidelines of the two-day Group of 20 "
        "summit in Germany."
    )
    sat = next(m for m in meetings(parse(text, "2017-07-07")) if m.trigger == "sat")
    assert _parties(sat) == {"Donald Trump", "Enrique Pena Nieto"}
    assert sat.date == _day("2017-07-07")


@pytest.mark.parametrize(
    "told",
    [
        "Before meeting with Moon, Mr Trump paid a courtesy call on Prime Minister Lee Nak-yon.",
        "After he met Moon, Trump held talks with Prime Minister Lee Nak-yon.",
    ],
)
def test_a_meeting_told_beside_the_one_told_last_is_on_its_day(parse: Parse, told: str) -> None:
    text = (
        "U.S. President Donald Trump met South Korean President Moon Jae-in in Seoul on "
        f"Tuesday. {told}"
    )
    found = list(meetings(parse(text, "2017-11-08")))
    lee = [m for m in found if "Lee Nak-yon" in _parties(m)]
    assert [m.date for m in lee] == [_day("2017-11-07")], _shown(found)


def test_a_meeting_told_beside_another_than_the_one_told_last_keeps_no_day(
    parse: Parse,
) -> None:
    text = (
        "U.S. President Donald Trump met South Korean President Moon Jae-in in Seoul on "
        "Tuesday. Before meeting with Abe, Trump paid a courtesy call on Emperor Akihito."
    )
    found = list(meetings(parse(text, "2017-11-08")))
    akihito = [m for m in found if "Akihito" in _parties(m)]
    assert [m.date for m in akihito] == [None], _shown(found)


def test_a_meeting_after_which_something_has_been_done_is_just_done(parse: Parse) -> None:
    text = (
        "Prime Minister Theresa May has said the alliance is strong, after holding talks "
        "with President Donald Trump at the White House."
    )
    meeting = _one(parse, text, "2017-01-27")
    assert _parties(meeting) == {"Theresa May", "Donald Trump"}
    assert meeting.date is None
    assert meeting.recent


def test_a_meeting_told_deeper_than_after_a_present_perfect_is_not_just_done(
    parse: Parse,
) -> None:
    text = (
        "Donald Trump has been accused of treason after he sided with Vladimir Putin at a "
        "press conference following their summit in Helsinki."
    )
    found = list(meetings(parse(text, "2018-07-17")))
    assert found, _shown(found)
    assert not any(m.recent for m in found), _shown(found)


def test_the_first_leader_to_meet_after_a_comma_is_the_one_who_speaks(parse: Parse) -> None:
    text = (
        'Theresa May has said Donald Trump is "100%" behind Nato, after becoming the first '
        "foreign leader to hold talks with the new US president at the White House."
    )
    found = list(meetings(parse(text, "2017-01-27")))
    assert [sorted(_parties(m)) for m in found] == [["Theresa May"]], _shown(found)


def test_the_pair_are_one_named_in_the_sentence_and_one_named_before(parse: Parse) -> None:
    text = (
        "Prime Minister Malcolm Turnbull met New Zealand Prime Minister Jacinda Ardern on "
        "Sunday. Ms Ardern flew into Sydney this morning, and the pair sat down for talks "
        "over brunch at Kirribilli House, the Prime Minister's Sydney residence."
    )
    found = list(meetings(parse(text, "2017-11-05")))
    talks = [m for m in found if m.trigger == "talks"]
    assert [_parties(m) for m in talks] == [{"Ardern", "Malcolm Turnbull"}], _shown(found)
    assert [m.location and m.location.key for m in talks] == ["Sydney"]


def test_one_who_says_the_two_presidents_will_meet_is_not_one_of_them(parse: Parse) -> None:
    text = (
        "Russian President Vladimir Putin arrived in Ankara on Tuesday. Kremlin spokesman "
        "Dmitry Peskov said the two presidents would give a joint news conference after the "
        "talks."
    )
    found = list(meetings(parse(text, "2018-04-03")))
    assert not any("Dmitry Peskov" in _parties(m) for m in found), _shown(found)


def test_a_meeting_later_on_the_days_weekday_is_that_day(parse: Parse) -> None:
    text = (
        "From Cairo, Putin is scheduled to fly to Ankara later on Monday for talks with "
        "Turkish President Recep Tayyip Erdogan, Kremlin spokesman Dmitry Peskov said."
    )
    meeting = _one(parse, text, "2017-12-11")
    assert meeting.date == _day("2017-12-11")
    assert meeting.status is PLANNED


def test_a_title_case_dateline_is_no_party_and_no_sentence(parse: Parse) -> None:
    text = (
        "PM Modi, Netanyahu sign seven pacts\n\nJerusalem: India and Israel on Wednesday "
        "upgraded their relationship to a strategic partnership, as Prime Minister Narendra "
        "Modi held talks with his Israeli counterpart Benjamin Netanyahu.\n\nLondon: Saudi "
        "Crown Prince Mohammad Bin Salman held talks with British Prime Minister Theresa May "
        "on Wednesday."
    )
    found = list(meetings(parse(text, "2017-07-05")))
    assert [sorted(_parties(m)) for m in found] == [
        ["Benjamin Netanyahu", "Narendra Modi"],
        ["Mohammad Bin Salman", "Theresa May"],
    ], _shown(found)
    assert found[0].date == _day("2017-07-05"), _shown(found)


def test_leaders_a_headline_names_by_nationality_are_those_the_story_names(
    parse: Parse,
) -> None:
    text = (
        "Turkish, Russian, Iranian leaders meet in Tehran\n\nTurkish President Recep Tayyip "
        "Erdogan met his Russian counterpart Vladimir Putin and Iranian President Hassan "
        "Rouhani in Tehran on Friday."
    )
    found = list(meetings(parse(text, "2018-09-07")))
    assert [_parties(m) for m in found] == [
        {"Recep Tayyip Erdogan", "Vladimir Putin", "Hassan Rouhani"}
    ] * 2, _shown(found)


@pytest.mark.parametrize("seat", ["No 10", "10 Downing Street"])
def test_talks_at_no_10_are_in_london(parse: Parse, seat: str) -> None:
    text = f"Mr Varadkar held talks with Ms May for about an hour at {seat} on Monday."
    meeting = _one(parse, text, "2017-06-19")
    assert meeting.location is not None
    assert meeting.location.key == "London"
    assert _parties(meeting) == {"Varadkar", "May"}


def test_a_meeting_just_after_one_flew_into_a_town_is_there(parse: Parse) -> None:
    text = (
        "Prime Minister Malcolm Turnbull and Indonesian President Joko Widodo held their "
        "annual leaders' meeting at Admiralty House on Friday, shortly after Mr Widodo flew "
        "into Sydney for the summit."
    )
    meeting = _one(parse, text, "2018-03-16")
    assert meeting.location is not None
    assert meeting.location.key == "Sydney"


def test_their_meeting_is_of_those_named_together_in_the_clause_before(parse: Parse) -> None:
    text = (
        "German Chancellor Angela Merkel and US President Donald Trump sought to project "
        "harmony at the White House on Friday, but their brief meeting produced no sign of a "
        "deal on tariffs."
    )
    meeting = _one(parse, text, "2018-04-27")
    assert _parties(meeting) == {"Angela Merkel", "Donald Trump"}
    assert meeting.date == _day("2018-04-27")
    assert meeting.location is not None
    assert meeting.location.key == "Washington"


def test_their_meeting_in_a_phrase_is_of_who_does_it_and_those_with_them(parse: Parse) -> None:
    text = (
        "Speaking at a White House news conference with NATO Secretary General Jens "
        "Stoltenberg after their talks on Wednesday, Trump said relations with Russia may be "
        "at an all-time low."
    )
    meeting = _one(parse, text, "2017-04-13")
    assert _parties(meeting) == {"Trump", "Jens Stoltenberg"}
    assert meeting.date == _day("2017-04-12")


def test_the_two_leaders_of_a_clause_after_which_are_the_meetings_parties(parse: Parse) -> None:
    text = (
        "Prime Minister Shinzo Abe presented Donald Trump with a golf driver in New York. "
        "The weekend followed formal talks at the White House on Friday, after which the two "
        "leaders issued a joint statement."
    )
    found = [m for m in meetings(parse(text, "2017-02-12")) if m.trigger == "talks"]
    assert [(sorted(_parties(m)), m.date) for m in found] == [
        (["Donald Trump", "Shinzo Abe"], _day("2017-02-10"))
    ], _shown(found)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Russian President Vladimir Putin received U.S. Secretary of State Rex Tillerson on "
            "Wednesday. The Kremlin meeting lasted about two hours and followed talks between "
            "Tillerson and Russian Foreign Minister Sergei Lavrov at a Foreign Ministry guest "
            "house in Moscow.",
            {"Tillerson", "Sergei Lavrov"},
        ),
        (
            "Defense Secretary Jim Mattis delivered a similar message during a visit to Tokyo "
            "earlier this month, when he met Abe and Defense Minister Tomomi Inada.",
            {"Jim Mattis", "Abe", "Tomomi Inada"},
        ),
    ],
)
def test_a_name_and_a_titled_name_parsed_as_one_are_both_parties(
    parse: Parse, text: str, parties: set[str]
) -> None:
    found = list(meetings(parse(text, "2017-04-12")))
    assert parties in [_parties(m) for m in found], _shown(found)


def test_their_meeting_set_off_from_reported_words_is_of_the_teller_and_the_told(
    parse: Parse,
) -> None:
    text = (
        "President Recep Tayyip Erdogan has told his U.S. counterpart Donald Trump that Turkey "
        'will "never accept" Washington\'s cooperation with the Kurdish militia, during their '
        "first face-to-face meeting at the White House on May 16."
    )
    meeting = _one(parse, text, "2017-05-17")
    assert _parties(meeting) == {"Recep Tayyip Erdogan", "Donald Trump"}
    assert (meeting.status, meeting.date) == (HELD, _day("2017-05-16"))


def test_he_of_a_clause_on_words_reported_of_no_person_is_who_reports_them(
    parse: Parse,
) -> None:
    text = (
        "US President Donald Trump on Wednesday signaled that Washington was no longer wedded "
        "to a two-state solution, as he welcomed Prime Minister Benjamin Netanyahu to the White "
        "House for their first meeting since Trump took office."
    )
    found = list(meetings(parse(text, "2017-02-15")))
    assert found, _shown(found)
    assert all(_parties(m) == {"Donald Trump", "Benjamin Netanyahu"} for m in found), _shown(found)


def test_a_meeting_on_the_same_trip_is_then_and_there_and_a_rivals_owner_no_party(
    parse: Parse,
) -> None:
    text = (
        "They last met in September at Trump Tower in New York, when Netanyahu sat down with "
        "then-candidate Trump. On the same trip, Netanyahu also met Trump's Democratic rival "
        "Hillary Clinton, and held talks with then-president Barack Obama."
    )
    found = list(meetings(parse(text, "2017-02-15")))
    shown = {frozenset(_parties(m)): (m.location and m.location.key, m.date) for m in found}
    september = ("New York", DateRange(DateValue("2016-09", Precision.MONTH)))
    assert shown.get(frozenset({"Netanyahu", "Hillary Clinton"})) == september, _shown(found)
    assert shown.get(frozenset({"Netanyahu", "Barack Obama"})) == september, _shown(found)


def test_one_tells_another_in_person_in_a_named_building(parse: Parse) -> None:
    text = (
        "US Defence Secretary Jim Mattis arrived in Beijing on Tuesday for his first visit. "
        '"Our stance is steadfast," Chinese President Xi Jinping told Mattis at the Great Hall '
        "of the People on Wednesday, according to Xinhua."
    )
    found = [m for m in meetings(parse(text, "2018-06-27")) if m.trigger == "told"]
    assert [(sorted(_parties(m)), m.date) for m in found] == [
        (["Mattis", "Xi Jinping"], _day("2018-06-27"))
    ], _shown(found)


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        (
            "U.S. Secretary of State John Kerry laid a wreath at the cenotaph last month, during "
            "a meeting of G7 foreign ministers in Hiroshima.",
            "2016-05-27",
            DateRange(DateValue("2016-04", Precision.MONTH)),
        ),
        (
            "The summit was announced in Beijing on Apr 22 after talks between Chinese Foreign "
            "Minister Wang Yi and Indian Foreign Minister Sushma Swaraj.",
            "2018-04-27",
            _day("2018-04-22"),
        ),
    ],
)
def test_talks_something_was_done_during_or_just_after_are_of_its_time(
    parse: Parse, text: str, published: str, date: DateRange
) -> None:
    found = [m for m in meetings(parse(text, published)) if not m.anaphoric]
    assert [m.date for m in found] == [date], _shown(found)


def test_a_time_of_what_will_follow_talks_is_not_theirs(parse: Parse) -> None:
    text = (
        "Morocco is likely to get a larger aid package in 2019 following a meeting of donors "
        "chaired by the World Bank, Finance Minister Mohamed Benchaaboun said."
    )
    assert _one(parse, text, "2018-03-12").date is None


def test_a_time_of_a_meeting_told_after_another_is_the_others(parse: Parse) -> None:
    text = (
        "Mattis leaves Beijing on Thursday for Seoul, where he will meet South Korean Defence "
        "Minister Song Young-moo to discuss the exercises following Trump's summit with North "
        "Korean leader Kim Jong-un in Singapore this month."
    )
    found = [m for m in meetings(parse(text, "2018-06-27")) if m.trigger == "meet"]
    assert [m.date for m in found] == [_day("2018-06-28")], _shown(found)


def test_a_meeting_before_further_talks_on_the_lede_day_is_of_that_day(parse: Parse) -> None:
    text = (
        "President Donald Trump and French President Emmanuel Macron on Tuesday sought to bridge "
        "their differences over the Iran accord. The two leaders met one-on-one in the Oval "
        "Office on the second day of Macron's state visit to Washington, the first of Trump's "
        "presidency, "
        "before expanded talks with their delegations."
    )
    found = [m for m in meetings(parse(text, "2018-04-24")) if m.trigger == "met"]
    assert [m.date for m in found] == [_day("2018-04-24")], _shown(found)
    # but not two who last met somewhere
    last = text.replace("The two leaders met one-on-one", "The two leaders last met")
    found = [m for m in meetings(parse(last, "2018-04-24")) if m.trigger == "met"]
    assert [m.date for m in found] == [None], _shown(found)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        (
            "Putin last visited Saudi Arabia in February 2007, when he held talks with the late "
            "King Abdullah in Riyadh.",
            "2007-02",
        ),
        (
            "Erdogan's visit was the first to the White House since May 2013, when Erdogan, "
            "then prime minister, held talks with President Barack Obama.",
            "2013-05",
        ),
    ],
)
def test_a_meeting_told_when_a_date_was_is_of_that_date(
    parse: Parse, text: str, month: str
) -> None:
    found = [m for m in meetings(parse(text, "2017-10-05")) if m.trigger == "talks"]
    assert [m.date for m in found] == [DateRange(DateValue(month, Precision.MONTH))], _shown(found)


@pytest.mark.parametrize(
    "text",
    [
        "President Barack Obama and Philippine President Rodrigo Duterte spoke briefly on "
        "Wednesday night in a holding room before a gala dinner.",
        "Barack Obama and Vladimir Putin met in Hangzhou. It was their first conversation since "
        "the two spoke on the sidelines of the climate conference in Paris last November.",
    ],
)
def test_two_named_people_who_speak_together_in_person_meet(parse: Parse, text: str) -> None:
    found = [m for m in meetings(parse(text, "2016-09-08")) if m.trigger == "spoke"]
    assert [len(m.participants) for m in found] == [2], _shown(found)


@pytest.mark.parametrize(
    "text",
    [
        "Barack Obama and Vladimir Putin spoke briefly by phone on Wednesday.",
        "Barack Obama and Vladimir Putin spoke briefly to reporters on Wednesday.",
        "Barack Obama and Vladimir Putin spoke at rallies in Ohio on Wednesday.",
    ],
)
def test_two_who_speak_by_phone_or_to_others_do_not_meet(parse: Parse, text: str) -> None:
    found = [m for m in meetings(parse(text, "2016-09-08")) if m.trigger == "spoke"]
    assert found == [], _shown(found)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # Thursday 2022-01-20: the talks ended on Tuesday the 18th
        (
            "Chinese President Xi Jinping and Indian Prime Minister Narendra Modi wrapped up two "
            "days of informal talks in Wuhan on Tuesday, agreeing to issue guidance to their "
            "armies.",
            "2022-01-17",
            "2022-01-18",
        ),
        (
            "Peruvian President Alan Garcia told a press conference at the end of an official "
            "three-day visit to Mexico yesterday.",
            "2022-01-17",
            "2022-01-19",
        ),
        # one that begins on the day told runs on from it
        (
            "Putin began a two-day visit to Turkey on Tuesday, meeting Erdogan in Ankara.",
            "2022-01-18",
            "2022-01-19",
        ),
    ],
)
def test_a_meeting_that_lasts_days_spans_them_from_the_day_it_ended_or_began(
    parse: Parse, text: str, first: str, last: str
) -> None:
    found = [m for m in meetings(parse(text)) if m.trigger in ("talks", "met", "visit")]
    assert [m.date for m in found] == [_span(first, last)], _shown(found)


def test_a_meeting_the_first_sentence_tells_as_ended_ended_on_the_storys_day(
    parse: Parse,
) -> None:
    text = (
        "The European Community and Comecon ended talks here, having made progress on trade "
        "relations, delegates said. An EC negotiator taking part in the three-day talks said "
        "Comecon had refused the territorial clause."
    )
    found = [m for m in meetings(parse(text)) if not m.anaphoric]
    # ended on the story's day, Thursday the 20th, after three days
    assert [m.date for m in found] == [_span("2022-01-18", "2022-01-20")], _shown(found)
    # with no length told, that day alone
    found = [m for m in meetings(parse(text.split(" An EC")[0])) if not m.anaphoric]
    assert [m.date for m in found] == [_day("2022-01-20")], _shown(found)


@pytest.mark.parametrize(
    "text",
    [
        # ended before, not on the story's day
        "The European Community and Comecon had ended talks here, delegates said.",
        # told after the story's opening
        "The dollar fell. Dealers sold sterling. The European Community and Comecon ended talks "
        "here, delegates said.",
    ],
)
def test_a_meeting_ended_before_or_told_later_keeps_no_day(parse: Parse, text: str) -> None:
    found = [m for m in meetings(parse(text)) if m.trigger == "talks"]
    assert [m.date for m in found] == [None], _shown(found)


def test_another_meeting_called_for_is_of_the_same_parties_anew(parse: Parse) -> None:
    text = (
        'The European Community and Comecon ended talks here on Tuesday. "We made some '
        'progress, but we have called for another meeting," the head of the EC delegation said.'
    )
    found = [m for m in meetings(parse(text)) if m.trigger == "meeting"]
    assert [(m.status, m.anaphoric, m.repeats) for m in found] == [(PROPOSED, True, True)], _shown(
        found
    )
    # one who leaves for another meeting goes to one of their own
    gone = "Kohl met Delors in Bonn on Tuesday. Kohl later left for another meeting."
    found = [m for m in meetings(parse(gone)) if m.trigger == "meeting"]
    assert found == [], _shown(found)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # the parser hangs the second side, and the day after it, on the verb
        (
            "The meeting followed talks in Sochi between the US secretary of state, John Kerry, "
            "and the Russian foreign minister, Sergei Lavrov, on Sunday.",
            ["John Kerry", "Sergei Lavrov"],
        ),
        (
            "The deal followed two rounds of talks in Vienna between the US secretary of state, "
            "Mike Pompeo, and the Russian foreign minister, Sergei Lavrov, on Sunday.",
            ["Mike Pompeo", "Sergei Lavrov"],
        ),
    ],
)
def test_the_side_after_and_of_talks_between_two_set_off_by_commas_is_a_party(
    parse: Parse, text: str, parties: list[str]
) -> None:
    found = [m for m in meetings(parse(text)) if not m.anaphoric]
    shown = [(sorted(_parties(m)), m.date) for m in found]
    assert shown == [(parties, _day("2022-01-16"))], shown


def test_a_meeting_held_on_one_day_and_again_on_another_is_two(parse: Parse) -> None:
    text = (
        "Wang Yi held two rounds of talks with Antony Blinken in Rome on Monday evening and "
        "again on Tuesday morning."
    )
    found = list(meetings(parse(text)))
    assert sorted(m.date.start.iso for m in found if m.date) == ["2022-01-17", "2022-01-18"]
    assert all(_parties(m) == {"Wang Yi", "Antony Blinken"} for m in found), _shown(found)
    # once, with no "again"
    once = list(meetings(parse("Wang Yi held talks with Antony Blinken in Rome on Monday.")))
    assert [m.date for m in once] == [_day("2022-01-17")], _shown(once)


def test_a_meeting_with_him_is_with_the_last_person_named_before_who_is_no_party(
    parse: Parse,
) -> None:
    text = (
        "Mike Pompeo first met Kim Jong Un in April, and returned to Pyongyang for a second "
        "meeting with him on May 9."
    )
    found = [m for m in meetings(parse(text, "2018-05-23")) if m.trigger == "meeting"]
    shown = [(sorted(_parties(m)), m.location and m.location.key, m.date) for m in found]
    assert shown == [(["Kim Jong Un", "Mike Pompeo"], "Pyongyang", _day("2018-05-09"))], shown


def test_one_who_returns_home_after_talks_is_not_met_at_home(parse: Parse) -> None:
    text = "Mike Pompeo returned to Washington after talks with Kim Jong Un on May 9."
    found = list(meetings(parse(text, "2018-05-23")))
    assert [m.location for m in found] == [None], _shown(found)


def test_a_summit_of_the_alliance_is_of_the_body_named_before(parse: Parse) -> None:
    text = (
        "Greece is expected to drop its veto on Macedonia joining NATO at the alliance's summit "
        "in Brussels in July."
    )
    found = [m for m in meetings(parse(text)) if m.trigger == "summit"]
    shown = [(sorted(_parties(m)), m.location and m.location.key, m.anaphoric) for m in found]
    assert shown == [(["NATO"], "Brussels", False)], shown
    # with no body named before, a summit told before
    alone = "Diplomats said the alliance's summit in Brussels would open in July."
    found = [m for m in meetings(parse(alone)) if m.trigger == "summit"]
    assert [(m.participants, m.anaphoric) for m in found] == [((), True)], _shown(found)


def test_talks_during_the_visit_or_on_the_margins_of_the_summit_are_then_and_there(
    parse: Parse,
) -> None:
    text = (
        "In Lisbon on Tuesday, Macron held talks with President Marcelo Rebelo de Sousa. "
        "During the visit he also met Prime Minister Antonio Costa. "
        "EU leaders gathered for a summit in Sofia on Thursday. On the margins of the summit "
        "German Chancellor Angela Merkel held talks with Greek Prime Minister Alexis Tsipras."
    )
    found = list(meetings(parse(text, "2018-07-28")))
    shown = {frozenset(_parties(m)): (m.location and m.location.key, m.date) for m in found}
    assert shown.get(frozenset({"Macron", "Antonio Costa"})) == (
        "Lisbon",
        _day("2018-07-24"),
    ), _shown(found)
    assert shown.get(frozenset({"Angela Merkel", "Alexis Tsipras"})) == (
        "Sofia",
        _day("2018-07-26"),
    ), _shown(found)


def test_a_visit_of_others_told_last_is_not_the_visit_of_him_who_met(parse: Parse) -> None:
    text = (
        "Kishida advised Suga on the prime minister's visit to Washington next week. "
        "Kishida met President Joe Biden during his visit."
    )
    found = list(meetings(parse(text, "2021-04-08")))
    met = [m for m in found if _parties(m) >= {"Kishida", "Joe Biden"}]
    assert met, _shown(found)
    assert all(m.date is None for m in met), _shown(found)


def test_talks_that_had_been_scheduled_for_a_weekday_were_planned_for_the_past_one(
    parse: Parse,
) -> None:
    text = (
        "The two presidents had been scheduled to hold talks on Tuesday on the sidelines "
        "of the summit."
    )
    found = [m for m in meetings(parse(text, "2016-09-07")) if m.trigger == "talks"]
    assert [(m.date, m.status) for m in found] == [(_day("2016-09-06"), MeetingStatus.PLANNED)], (
        _shown(found)
    )


@pytest.mark.parametrize(
    ("text", "published", "pair", "date"),
    [
        (
            "British Prime Minister Theresa May held talks with Turkish President Recep Tayyip "
            "Erdogan in Ankara on Saturday, a day after she became the first foreign leader to "
            "meet US President Donald Trump at the White House.",
            "2017-01-28",
            {"Theresa May", "Donald Trump"},
            _day("2017-01-27"),
        ),
        (
            "Trump met Netanyahu on Wednesday. Wednesday's meeting came a day after CIA Director "
            "Mike Pompeo held talks with Palestinian Authority President Mahmoud Abbas.",
            "2017-02-16",
            {"Mike Pompeo", "Mahmoud Abbas"},
            _day("2017-02-14"),
        ),
        (
            "German Chancellor Angela Merkel will meet French President Emmanuel Macron in Paris "
            "on Friday, two days before she hosts talks with Russian President Vladimir Putin.",
            "2017-02-16",
            {"Angela Merkel", "Vladimir Putin"},
            _day("2017-02-19"),
        ),
        (
            "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on "
            "Friday, days after she held talks with Russian President Vladimir Putin.",
            "2017-02-18",
            {"Angela Merkel", "Vladimir Putin"},
            None,
        ),
    ],
)
def test_a_meeting_told_a_day_after_or_before_a_dated_clause_is_counted_from_it(
    parse: Parse, text: str, published: str, pair: set[str], date: DateRange | None
) -> None:
    found = [m for m in meetings(parse(text, published)) if _parties(m) == pair]
    assert [m.date for m in found] == [date], _shown(found)


@pytest.mark.parametrize(
    ("text", "published", "pair", "date"),
    [
        (
            "US Defence Secretary Jim Mattis and Chinese President Xi Jinping shake hands at the "
            "Great Hall of the People in Beijing on Wednesday. Photo: Reuters",
            "2018-06-27",
            {"Jim Mattis", "Xi Jinping"},
            _day("2018-06-27"),
        ),
        (
            "US President Donald Trump shook hands with North Korean leader Kim Jong Un in "
            "Singapore on Tuesday.",
            "2018-06-13",
            {"Donald Trump", "Kim Jong Un"},
            _day("2018-06-12"),
        ),
    ],
)
def test_two_named_people_who_shake_hands_meet(
    parse: Parse, text: str, published: str, pair: set[str], date: DateRange
) -> None:
    found = list(meetings(parse(text, published)))
    assert [(_parties(m), m.date, m.status) for m in found] == [(pair, date, HELD)], _shown(found)


def test_a_handshake_within_a_meeting_told_by_its_word_is_no_meeting_of_its_own(
    parse: Parse,
) -> None:
    text = (
        "US President Donald Trump shook hands with South Korean President Moon Jae-in during "
        "a meeting in the Oval Office on Tuesday."
    )
    found = list(meetings(parse(text, "2018-05-23")))
    assert [m.trigger for m in found] == ["meeting"], _shown(found)
