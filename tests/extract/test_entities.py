"""Real-model tests of entity mentions: types, boundaries and gazetteer keys in wire-style news.

Every text is a short sentence written for these tests in the manner of international wire
copy, not taken from the seeds: the product meets other outlets and other years, so the tests
check the general behaviour rather than one article's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.extract.entities import COMPONENT, mentions
from newsgraph.records import EntityKind, Mention

pytestmark = pytest.mark.model

Parse = Callable[..., Doc]
PERSON, ORGANIZATION, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def _found(parse: Parse, text: str) -> list[Mention]:
    return list(mentions(parse(text)))


def _shown(found: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind.value, m.key) for m in found]


def _named(found: list[Mention], text: str) -> list[Mention]:
    """Every mention written exactly ``text``; fails with what was found when there is none."""
    named = [m for m in found if m.text == text]
    assert named, f"no mention {text!r}; found {_shown(found)}"
    return named


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Spokesman John Kirby said the Pentagon was watching the border closely.", "John Kirby"),
        ("Deputy Foreign Minister Sergei Ryabkov said the talks had been hard.", "Sergei Ryabkov"),
        ("Former Prime Minister Shinzo Abe urged Tokyo to act quickly.", "Shinzo Abe"),
        ("Mr. Lavrov said the talks had been useful.", "Lavrov"),
    ],
)
def test_title_is_not_part_of_the_person(parse: Parse, text: str, person: str) -> None:
    found = _found(parse, text)
    assert [m.text for m in found if m.kind is PERSON] == [person], _shown(found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The model alone tags this "Lavrov" ORG; the full name earlier makes it a person.
        (
            "Sergei Lavrov arrived in Vienna on Thursday. Antony Blinken will meet Lavrov on "
            "Friday.",
            ["Sergei Lavrov", "Lavrov"],
        ),
        # A name right after a title is a person, and so is its surname later on.
        (
            "Chancellor Olaf Scholz flew to Kyiv on Monday. The visit by Scholz was his first.",
            ["Olaf Scholz", "Scholz"],
        ),
        # Chinese names put the surname first: "Wang Yi" is then "Wang".
        (
            "Foreign Minister Wang Yi said China opposed the sanctions. Wang spoke in Beijing.",
            ["Wang Yi", "Wang"],
        ),
        (
            "Foreign Minister Annalena Baerbock arrived in Kyiv. Baerbock said Germany stood "
            "with Ukraine.",
            ["Annalena Baerbock", "Baerbock"],
        ),
    ],
    ids=["Lavrov", "Scholz", "Wang", "Baerbock"],
)
def test_surname_keeps_the_person_type(parse: Parse, text: str, names: list[str]) -> None:
    found = _found(parse, text)
    for name in names:
        assert {m.kind for m in _named(found, name)} == {PERSON}, _shown(found)


@pytest.mark.parametrize(
    ("text", "agency", "key"),
    [
        ("The ceasefire was broken overnight, Reuters reported.", "Reuters", "Reuters"),
        ("A senior diplomat told Interfax that no date had been set.", "Interfax", "Interfax"),
        ("Pyongyang fired two missiles, Yonhap news agency reported.", "Yonhap", "Yonhap"),
    ],
)
def test_news_agency_is_an_organization(parse: Parse, text: str, agency: str, key: str) -> None:
    found = _found(parse, text)
    assert [(m.text, m.kind, m.key) for m in found if agency in m.text] == [
        (agency, ORGANIZATION, key)
    ], _shown(found)


def test_a_surname_the_model_took_for_a_work_of_art_is_the_person(parse: Parse) -> None:
    text = "Wolfgang Schäuble hosted the meeting. Mnuchin held talks with Schäuble in Berlin."
    found = _found(parse, text)
    assert [m.kind for m in _named(found, "Schäuble")] == [PERSON], _shown(found)


def test_brexit_is_no_place(parse: Parse) -> None:
    found = _found(parse, "The UK and the EU have made a breakthrough in Brexit talks.")
    assert "Brexit" not in {m.text for m in found}, _shown(found)


def test_a_platform_quoted_from_is_an_organization_not_a_person(parse: Parse) -> None:
    found = _found(parse, "Trump wrote on Twitter that the meeting with Kim would be in Singapore.")
    assert [(m.text, m.kind, m.key) for m in found if m.text == "Twitter"] == [
        ("Twitter", ORGANIZATION, "Twitter")
    ], _shown(found)


@pytest.mark.parametrize(
    ("text", "surface", "key", "is_country"),
    [
        ("The U.S. and Britain sent more troops to the region.", "U.S.", "United States", True),
        ("The U.S. and Britain sent more troops to the region.", "Britain", "United Kingdom", True),
        ("Officials in Kiev rejected the plan on Sunday.", "Kiev", "Kyiv", False),
        ("Turkiye offered to host the next round.", "Turkiye", "Turkey", True),
    ],
)
def test_places_get_the_gazetteer_key(
    parse: Parse, text: str, surface: str, key: str, is_country: bool
) -> None:
    (found,) = _named(_found(parse, text), surface)
    assert (found.kind, found.key, found.is_country) == (PLACE, key, is_country)


def test_capital_knows_its_country(parse: Parse) -> None:
    (found,) = _named(_found(parse, "Officials in Kiev rejected the plan on Sunday."), "Kiev")
    assert found.country == "Ukraine"


@pytest.mark.parametrize(
    ("text", "body", "key"),
    [
        ("The Azerbaijan-Turkey Council met in Baku on Monday.", "Azerbaijan-Turkey Council", ""),
        (
            "Moscow will not attend the Russia-NATO Council next month.",
            "Russia-NATO Council",
            "NATO-Russia Council",
        ),
        (
            "The Turkey-Ukraine Strategic Council met in Kyiv on Monday.",
            "Turkey-Ukraine Strategic Council",
            "",
        ),
    ],
)
def test_hyphenated_council_is_one_organization(
    parse: Parse, text: str, body: str, key: str
) -> None:
    found = _found(parse, text)
    (council,) = _named(found, body)
    assert (council.kind, council.key) == (ORGANIZATION, key)
    parts = set(body.split()[0].split("-"))
    assert not [m for m in found if m.text in parts], "the council's members are not mentions"


@pytest.mark.parametrize(
    ("text", "long", "short"),
    [
        (
            "The International Committee of the Red Cross (ICRC) asked for access. The ICRC "
            "said aid was blocked.",
            "International Committee of the Red Cross",
            "ICRC",
        ),
        (
            "The Economic Cooperation Organization (ECO) opened its summit in Ashgabat. The "
            "ECO has ten members.",
            "Economic Cooperation Organization",
            "ECO",
        ),
    ],
)
def test_acronym_in_parentheses_shares_the_key(
    parse: Parse, text: str, long: str, short: str
) -> None:
    found = _found(parse, text)
    (expansion,) = _named(found, long)
    acronyms = _named(found, short)
    assert len(acronyms) == 2, _shown(found)
    assert expansion.kind is ORGANIZATION
    assert expansion.key
    assert {(m.kind, m.key) for m in acronyms} == {(ORGANIZATION, expansion.key)}


@pytest.mark.parametrize(
    ("text", "surface", "key", "country"),
    [
        (
            "The Russian Defense Ministry said the drills had ended.",
            "Russian Defense Ministry",
            "Russian Defense Ministry",
            "Russia",
        ),
        (
            "Russia's Defence Ministry said the drills had ended.",
            "Russia's Defence Ministry",
            "Russian Defense Ministry",
            "Russia",
        ),
        (
            "The Ministry of Defence of Russia said the drills had ended.",
            "Ministry of Defence of Russia",
            "Russian Defense Ministry",
            "Russia",
        ),
        (
            "Ukraine's Ministry of Foreign Affairs summoned the envoy.",
            "Ukraine's Ministry of Foreign Affairs",
            "Ukrainian Foreign Ministry",
            "Ukraine",
        ),
    ],
)
def test_ministry_gets_its_country(
    parse: Parse, text: str, surface: str, key: str, country: str
) -> None:
    (found,) = _named(_found(parse, text), surface)
    assert (found.kind, found.key, found.country) == (ORGANIZATION, key, country)


def test_bare_ministry_takes_the_country_named_in_the_article(parse: Parse) -> None:
    found = _found(
        parse,
        "The Chinese Foreign Ministry said it opposed the sanctions. The Foreign Ministry also "
        "urged restraint.",
    )
    (bare,) = _named(found, "Foreign Ministry")
    assert (bare.key, bare.country) == ("Chinese Foreign Ministry", "China")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Troops of the Western Military District returned to base.", "Western Military District"),
        (
            "Units of the Northern Military District were put on alert.",
            "Northern Military District",
        ),
        ("Troops from the Eastern Command took part in the drills.", "Eastern Command"),
        ("The Black Sea Command said a drone had been shot down.", "Black Sea Command"),
        ("The Kharkiv Regional Council approved the budget.", "Kharkiv Regional Council"),
    ],
)
def test_name_ending_in_an_organization_word_is_an_organization(
    parse: Parse, text: str, name: str
) -> None:
    found = _found(parse, text)
    (organization,) = _named(found, name)
    assert organization.kind is ORGANIZATION
    assert not [m for m in found if m.kind is PLACE], "no place inside the organization's name"


def test_a_company_suffix_makes_an_organization(parse: Parse) -> None:
    doc = parse("Talks with Automobili Lamborghini SpA continued, a spokesman said.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Automobili Lamborghini SpA") == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        (
            "U.N. Diplomats said the Security Council would meet on Friday.",
            "U.N.",
            "U.N. Diplomats",
        ),
        ("OPEC Exporters agreed to cut output, the group said.", "OPEC", "OPEC Exporters"),
    ],
)
def test_the_people_of_a_body_are_not_part_of_its_name(
    parse: Parse, text: str, name: str, absent: str
) -> None:
    found = _found(parse, text)
    assert _named(found, name)[0].kind is ORGANIZATION
    assert absent not in {m.text for m in found}, _shown(found)


def test_a_council_of_ministers_keeps_its_name(parse: Parse) -> None:
    found = _found(parse, "The Council of Ministers of the European Union met on Monday.")
    assert _named(found, "Council of Ministers of the European Union")


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        (
            "Brazil will ask the General Agreement on Tariffs and Trade to rule on the dispute.",
            "General Agreement on Tariffs and Trade",
            "GATT",
        ),
        (
            "The chairman of the General Agreement on Tariffs and Trade's farm group resigned.",
            "General Agreement on Tariffs and Trade",
            "GATT",
        ),
    ],
)
def test_a_title_word_that_begins_a_name_is_part_of_it(
    parse: Parse, text: str, name: str, key: str
) -> None:
    found = _found(parse, text)
    assert [(m.kind, m.key) for m in _named(found, name)] == [(ORGANIZATION, key)]
    assert not [m for m in found if m.text in ("Trade", "Tariffs and Trade")], _shown(found)


def test_a_title_before_a_name_stays_a_title(parse: Parse) -> None:
    found = _found(parse, "King Salman of Saudi Arabia received General Joseph Dunford.")
    assert _named(found, "Joseph Dunford")[0].kind is PERSON
    assert _named(found, "Saudi Arabia")[0].key == "Saudi Arabia"
    assert not [m for m in found if m.kind is ORGANIZATION], _shown(found)


def test_a_known_acronym_between_commas_names_the_body_before_it(parse: Parse) -> None:
    text = "Jakarta will consult the Association of South East Asian Nations, ASEAN, first."
    found = _found(parse, text)
    assert [m.key for m in _named(found, "Association of South East Asian Nations")] == ["ASEAN"]


def test_a_numbered_group_keeps_its_number(parse: Parse) -> None:
    found = _found(parse, "Deputies from the Group of 24 developing nations met on Monday.")
    assert _named(found, "Group of 24")[0].kind is ORGANIZATION
    assert "Group" not in {m.text for m in found}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Drones attacked a Saudi tanker near the port on Friday.", "Saudi"),
        ("Aid for the African and Caribbean nations was cut.", "Caribbean"),
        ("The Warsaw Pact bloc and the Western alliance met in Vienna.", "Warsaw Pact bloc"),
        ("Both states have signed the Law of the Sea.", "Sea"),
        ("Seoul will reply to any proposal made by the North.", "North"),
    ],
)
def test_words_that_are_no_place_names(parse: Parse, text: str, absent: str) -> None:
    found = _found(parse, text)
    assert absent not in {m.text for m in found if m.kind is PLACE}, _shown(found)


def test_a_country_beside_a_nationality_is_that_country(parse: Parse) -> None:
    found = _found(parse, "Soviet and U.S. officials met in Geneva on Monday.")
    assert [(m.kind, m.key) for m in _named(found, "U.S.")] == [(PLACE, "United States")]


def test_a_plural_common_noun_after_a_known_name_is_not_part_of_it(parse: Parse) -> None:
    found = _found(parse, "Samuels replied in the debate that the E.C. Charges were unfounded.")
    assert [m.key for m in _named(found, "E.C.")] == ["European Community"]
    assert "E.C. Charges" not in {m.text for m in found}, _shown(found)


def test_the_two_koreas_mention_both_countries(parse: Parse) -> None:
    found = _found(parse, "Talks between the two Koreas resumed on Tuesday.")
    assert sorted(m.key for m in _named(found, "Koreas")) == ["North Korea", "South Korea"]
    assert [m.key for m in _named(_found(parse, "He visited the Philippines."), "Philippines")] == [
        "Philippines"
    ]


def test_a_title_word_that_begins_a_company_name_is_part_of_it(parse: Parse) -> None:
    found = _found(parse, "Toyota Motor Corp said its talks with General Motors Corp had ended.")
    assert _named(found, "General Motors Corp")[0].kind is ORGANIZATION
    assert "Motors Corp" not in {m.text for m in found}, _shown(found)


def test_a_place_name_ending_in_city_stays_a_place(parse: Parse) -> None:
    found = _found(parse, "The central bankers met in Mexico city on Tuesday.")
    assert _named(found, "Mexico city")[0].kind is PLACE


@pytest.mark.parametrize(
    ("text", "people", "place"),
    [
        (
            "Oil Minister Ali al-Naimi spoke first. The talks were opened by Naimi of Saudi "
            "Arabia.",
            ["Naimi"],
            "Saudi Arabia",
        ),
        (
            "Rex Tillerson will meet Sergei Lavrov. The Tillerson-Lavrov talks begin on Monday.",
            ["Tillerson", "Lavrov"],
            "",
        ),
        (
            "Robert Lighthizer will see Commissioner Cecilia Malmstrom. The "
            "Lighthizer-Malmstrom meeting is set for May.",
            ["Lighthizer", "Malmstrom"],
            "",
        ),
        (
            "Foreign Minister Javier Solana spoke first. The talks were opened by Solana of "
            "Spain, Dini of Italy and Fischer of Germany.",
            ["Solana", "Dini", "Fischer"],
            "Germany",
        ),
    ],
)
def test_a_person_named_with_a_country_or_a_partner_is_a_person(
    parse: Parse, text: str, people: list[str], place: str
) -> None:
    found = _found(parse, text)
    for name in people:
        assert [m.kind for m in _named(found, name)] == [PERSON], _shown(found)
    if place:
        assert _named(found, place)[0].key == place
    assert not [m for m in found if m.kind is ORGANIZATION], _shown(found)


def test_two_places_joined_by_a_slash_are_no_organization(parse: Parse) -> None:
    found = _found(parse, "The price rose two Thai/Malaysian cents a kilo.")
    assert not [m for m in found if m.kind is ORGANIZATION], _shown(found)


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Denis Pinchuk; Writing by Christian Lowe; Editing by Richard Balmforth)",
        "Associated Press writer Suzan Fraser contributed to this report.",
        "Additional reporting by Jean Dupont in Paris",
    ],
)
def test_the_credits_of_a_story_name_no_one_it_is_about(parse: Parse, credit: str) -> None:
    text = (
        "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on "
        "Wednesday.\n\n" + credit + "\n"
    )
    people = {m.text for m in _found(parse, text) if m.kind is EntityKind.PERSON}
    assert people == {"Vladimir Putin", "Tayyip Erdogan"}


@pytest.mark.parametrize(
    "byline",
    [
        "By Hans von der Burchard and Doug Palmer",
        "Karen Leung and Daniel Tse",
        "By JANE DOE and JOHN ROE, Associated Press",
    ],
)
def test_a_byline_under_the_headline_names_no_one_it_is_about(parse: Parse, byline: str) -> None:
    text = (
        "Leaders meet in Sochi\n\n" + byline + "\n\n"
        "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on "
        "Wednesday."
    )
    people = {m.text for m in _found(parse, text) if m.kind is EntityKind.PERSON}
    assert people == {"Vladimir Putin", "Tayyip Erdogan"}, people


def test_names_on_a_line_of_the_story_itself_are_no_byline(parse: Parse) -> None:
    text = (
        "Summit in Sochi\n\n"
        "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on "
        "Wednesday.\n\nDmitry Peskov and Ibrahim Kalin\n\nBoth aides attended the talks."
    )
    people = {m.text for m in _found(parse, text) if m.kind is EntityKind.PERSON}
    assert {"Vladimir Putin", "Tayyip Erdogan", "Dmitry Peskov"} <= people, people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Emir Tamim of Qatar received the visitors at his palace.", "Tamim"),
        ("Ayatollah Khamenei said Iran would never bow to pressure.", "Khamenei"),
        ("Iranian Premier Mir-Hossein Mousavi said Tehran would retaliate.", "Mir-Hossein Mousavi"),
        (
            "He met Foreign Minister Yoshimasa Hayashi, Bank of Japan Governor Satoshi Sumita "
            "and other senior Japanese officials.",
            "Satoshi Sumita",
        ),
        (
            "On the margins of the summit she held talks with Irish Taoiseach Leo Varadkar.",
            "Leo Varadkar",
        ),
    ],
)
def test_a_proper_noun_the_model_left_after_a_title_is_a_person(
    parse: Parse, text: str, person: str
) -> None:
    found = _found(parse, text)
    assert [m.kind for m in _named(found, person)] == [PERSON], _shown(found)


def test_a_surname_taken_for_a_nationality_is_the_person(parse: Parse) -> None:
    text = (
        "Hassan Rouhani won a second term on Friday. EU foreign policy chief Federica "
        "Mogherini met Rouhani in Tehran on Saturday."
    )
    found = _found(parse, text)
    assert [m.kind for m in _named(found, "Rouhani")] == [PERSON], _shown(found)


@pytest.mark.parametrize(
    ("text", "dateline", "kind", "key"),
    [
        ("RIYADH (Reuters) - Saudi Arabia's king met the visitors.", "RIYADH", PLACE, "Riyadh"),
        ("ABU DHABI, May 20 (Reuters) - The talks ended.", "ABU DHABI", PLACE, "Abu Dhabi"),
        ("UNITED NATIONS (Reuters) - The talks ended.", "UNITED NATIONS", ORGANIZATION, "UN"),
    ],
)
def test_a_dateline_in_capitals_is_the_place_it_names(
    parse: Parse, text: str, dateline: str, kind: EntityKind, key: str
) -> None:
    found = _found(parse, text)
    assert [(m.kind, m.key) for m in _named(found, dateline)] == [(kind, key)], _shown(found)


def test_an_unknown_dateline_is_no_organization_or_person(parse: Parse) -> None:
    found = _found(parse, "KHMEIMIM, Syria (Reuters) - The talks ended on Monday.")
    assert not [m for m in found if "KHMEIMIM" in m.text], _shown(found)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("General Motors Corp said on Monday it would close two plants in Ohio.", "Motors"),
        ("The company said its Chief Financial Officer resigned on Friday.", "Financial"),
    ],
)
def test_no_name_is_cut_out_of_a_longer_one_after_a_title(
    parse: Parse, text: str, word: str
) -> None:
    found = _found(parse, text)
    assert not [m for m in found if m.kind is PERSON and m.text.split()[0] == word], _shown(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kim Jong Un crossed the border to meet Moon Jae-in on Friday.", "Moon Jae-in"),
        ("South Korean Prime Minister Lho Shin-yong wrote to the North.", "Lho Shin-yong"),
    ],
)
def test_a_hyphenated_given_name_belongs_to_the_person(parse: Parse, text: str, name: str) -> None:
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert name in people
    assert name.split()[0] not in people


def test_a_building_named_with_its_town_leaves_the_town_a_place(parse: Parse) -> None:
    found = _found(parse, "Xi received Khan at the Great Hall of the People in Beijing.")
    assert ("Beijing", "place", "Beijing") in _shown(found)


def test_a_name_before_a_building_word_is_no_person(parse: Parse) -> None:
    found = _found(parse, "The two leaders met at the Capella hotel on Sentosa island.")
    assert "Capella" not in [m.text for m in found if m.kind is PERSON]


def test_a_surname_after_a_form_of_address_finds_the_full_name_the_model_missed(
    parse: Parse,
) -> None:
    text = (
        "Theresa May has held talks with Angela Merkel in Berlin.\n\n"
        "Mrs May and Ms Merkel discussed Brexit over dinner."
    )
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert "Theresa May" in people
    assert people.count("May") == 1


def test_a_known_name_before_a_headline_verb_in_capitals_ends_before_it(parse: Parse) -> None:
    text = "Japan and the U.S. Kick off top-level trade talks tomorrow amid signs of irritation."
    names = [m.text for m in _found(parse, text)]
    assert "U.S." in names
    assert not any("Kick" in n for n in names)


def test_a_hyphenated_name_before_a_title_in_apposition_is_a_person(parse: Parse) -> None:
    text = (
        "Jean-Claude Paye, Director General of the Organisation for Economic Co-operation and "
        "Development, told a news conference that growth was slowing."
    )
    found = _found(parse, text)
    assert [m.kind for m in _named(found, "Jean-Claude Paye")] == [PERSON], _shown(found)


def test_a_known_place_the_model_took_for_a_person_is_the_place(parse: Parse) -> None:
    # The model tags "Mar", which the fixes stretch to the whole name, as a person.
    found = _found(parse, "Xi Jinping flew to Mar-a-Lago for talks.")
    assert [m.kind for m in _named(found, "Mar-a-Lago")] == [PLACE], _shown(found)


def test_a_city_the_model_left_untagged_beside_a_sideline_is_found(parse: Parse) -> None:
    text = (
        "Xi Jinping met with Vietnamese President Tran Dai Quang in Da Nang on Friday on the "
        "sidelines of the summit."
    )
    found = _found(parse, text)
    assert [(m.kind, m.key) for m in _named(found, "Da Nang")] == [(PLACE, "Da Nang")]


def test_a_preposition_before_a_fronted_date_is_no_name(parse: Parse) -> None:
    text = (
        "In February, Canadian Energy Minister Marcel Masse was invited to Caracas for talks on "
        "an oil import tax."
    )
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert people == ["Marcel Masse"]


def test_two_places_sharing_their_last_word_are_two_names(parse: Parse) -> None:
    found = _found(parse, "Officials from North and South Korea held talks on Tuesday.")
    assert [(m.text, m.key) for m in found if m.kind is PLACE] == [
        ("North", "North Korea"),
        ("South Korea", "South Korea"),
    ]


def test_a_short_family_name_alone_is_the_person(parse: Parse) -> None:
    text = (
        "Narendra Modi and Chinese President Xi Jinping met in Wuhan on Saturday.\n\n"
        "Modi invited Xi to India for a similar informal summit next year."
    )
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert people == ["Narendra Modi", "Xi Jinping", "Modi", "Xi"]


def test_a_short_family_name_that_is_a_common_word_is_not_the_person(parse: Parse) -> None:
    text = "Chinese Vice Premier He Lifeng met Janet Yellen. He said the talks were candid."
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert people == ["He Lifeng", "Janet Yellen"]


def test_a_surname_the_model_took_for_another_kind_is_the_person(parse: Parse) -> None:
    text = (
        "US President Donald Trump arrived in Riyadh on Saturday. Trump and the king signed a "
        "joint vision at the Royal Court. Trump will also meet Crown Prince Mohammed bin Nayef."
    )
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert people.count("Trump") == 2


def test_a_portfolio_before_minister_is_part_of_the_title_not_a_body(parse: Parse) -> None:
    found = _found(parse, "Seoul's delegation was led by Unification Minister Cho Myoung-gyon.")
    assert [m.text for m in found if m.kind is ORGANIZATION] == []


def test_a_hotel_named_with_its_island_is_a_building_and_a_place(parse: Parse) -> None:
    text = (
        "Donald Trump and Kim Jong-un shook hands on Tuesday at the Capella Hotel on "
        "Singapore's Sentosa island."
    )
    found = _found(parse, text)
    assert [m.text for m in found if m.kind is ORGANIZATION] == []
    assert [m.key for m in found if m.kind is PLACE] == ["Singapore", "Sentosa"]


def test_a_known_town_the_model_took_for_a_nationality_is_the_town(parse: Parse) -> None:
    found = _found(parse, "The summit in Sochi brought together the leaders of Russia and Iran.")
    assert [(m.kind, m.key) for m in _named(found, "Sochi")] == [(PLACE, "Sochi")]


def test_a_family_name_without_its_article_is_the_person(parse: Parse) -> None:
    text = (
        "Egyptian President Abdel Fattah al-Sisi arrived in Washington on Saturday.\n\n"
        "Sisi, who arrived in Washington on Saturday, met James Mattis on Sunday."
    )
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert people == ["Abdel Fattah al-Sisi", "Sisi", "James Mattis"]


def test_an_acronym_written_as_a_word_is_the_body(parse: Parse) -> None:
    found = _found(parse, "The two leaders are set to meet again at the Apec summit in Vietnam.")
    assert [(m.kind, m.key) for m in _named(found, "Apec")] == [(ORGANIZATION, "APEC")]


def test_a_facility_word_after_a_title_is_no_person(parse: Parse) -> None:
    found = _found(parse, "The meeting is being held at the Rixos President Hotel in Astana.")
    assert [m.text for m in found if m.kind is PERSON] == []


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May will travel to Brussels on Monday for talks.",
        "Prime Minister Theresa May met Leo Varadkar in Dublin.",
        "The talks in London were chaired by Theresa May.",
    ],
)
def test_a_given_name_before_a_month_s_name_makes_a_person(parse: Parse, text: str) -> None:
    found = _found(parse, text)
    assert [m.kind for m in _named(found, "Theresa May")] == [PERSON]


def test_the_month_alone_is_the_person_once_named_in_full(parse: Parse) -> None:
    text = "Theresa May will travel to Brussels on Monday.\n\nMay will then meet Donald Tusk."
    people = [m.text for m in _found(parse, text) if m.kind is PERSON]
    assert people == ["Theresa May", "May", "Donald Tusk"]


def test_a_surname_alone_is_the_person_named_in_full_in_a_name_read_as_a_body(
    nlp: Language,
) -> None:
    # As the model read a longer story: the full name as a body, the surname once alone as a
    # person and once as a date.
    doc = nlp("Leaders rejected Theresa May's plan. May said no. Later May told reporters.")
    spans = [
        Span(doc, 2, 4, label="ORG"),
        Span(doc, 7, 8, label="PERSON"),
        Span(doc, 12, 13, label="DATE"),
    ]
    found = nlp.get_pipe(COMPONENT)._consistent_types(spans)
    assert [(s.text, s.label_) for s in found] == [
        ("Theresa May", "PERSON"),
        ("May", "PERSON"),
        ("May", "PERSON"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Spot April U.S. soybean contracts will rise to 90,000 yen.",
        "Talks resumed on Friday May 4 in Geneva.",
        "Ministers will meet again in May in Geneva.",
    ],
)
def test_a_month_that_dates_something_makes_no_person(parse: Parse, text: str) -> None:
    found = _found(parse, text)
    assert [m.text for m in found if m.kind is PERSON] == []


@pytest.mark.parametrize(
    ("text", "body", "key"),
    [
        (
            "May had lunch with Jean-Claude Juncker, the European commission president.",
            "European commission",
            "European Commission",
        ),
        (
            "May met Donald Tusk, the president of the European council, in the afternoon.",
            "European council",
            "European Council",
        ),
    ],
)
def test_a_body_written_in_lower_case_after_its_first_word_is_the_body(
    parse: Parse, text: str, body: str, key: str
) -> None:
    found = _found(parse, text)
    assert [(m.kind, m.key) for m in _named(found, body)] == [(ORGANIZATION, key)]


def test_a_name_before_a_lower_case_body_and_its_title_is_a_person(parse: Parse) -> None:
    text = "May had lunch with Jean-Claude Juncker, the European commission president."
    assert [m.kind for m in _named(_found(parse, text), "Jean-Claude Juncker")] == [PERSON]


def test_a_clock_s_zone_is_no_place(parse: Parse) -> None:
    found = _found(parse, "The summit began at about 14:20 Moscow time in Helsinki.")
    assert [m.key for m in found if m.kind is PLACE] == ["Helsinki"]


def test_a_name_after_a_title_written_as_a_form_is_the_person_throughout(parse: Parse) -> None:
    text = (
        "President Trump returned to Washington on Wednesday after his summit with North Korean "
        "leader Kim Jong Un.\n\nCritics said the agreement was vague. Trump also announced that "
        "the United States would suspend military exercises.\n\nJapanese Prime Minister Shinzo "
        "Abe spoke with Trump by phone on Tuesday night."
    )
    kinds = {m.kind for m in _found(parse, text) if m.text == "Trump"}
    assert kinds == {PERSON}


def test_a_body_after_a_lower_case_post_is_no_person(parse: Parse) -> None:
    text = (
        "A telex from committee chairman Citibank went to creditor banks. Citibank said the "
        "package was agreed. Citibank will sign it on Friday."
    )
    assert [m.text for m in _found(parse, text) if m.kind is PERSON] == []


def test_a_photo_credit_names_no_organization(parse: Parse) -> None:
    text = "Chinese President Xi Jinping met Donald Trump in Beijing on Thursday. [Photo/Xinhua]"
    found = _found(parse, text)
    assert [m.text for m in found if m.kind is ORGANIZATION] == []
    assert [m.text for m in found if m.kind is PERSON] == ["Xi Jinping", "Donald Trump"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prime Minister Lee Hsien Loong met Chinese President Xi Jinping.", "Lee Hsien Loong"),
        ("Jordan's King Abdullah II hosted Mahmoud Abbas in Amman.", "Abdullah II"),
    ],
)
def test_a_name_the_model_cut_short_is_whole(parse: Parse, text: str, name: str) -> None:
    assert [m.kind for m in _named(_found(parse, text), name)] == [PERSON]


def test_a_king_of_a_town_s_station_is_no_person(parse: Parse) -> None:
    text = "Describing their first meeting at London's King Cross station, he said it was fine."
    assert [m.text for m in _found(parse, text) if m.kind is PERSON] == []


def test_a_weekday_before_a_comma_is_the_day_alone(parse: Parse) -> None:
    from newsgraph.extract.meetings import meetings

    text = (
        "Jordan's King Abdullah II hosted Palestinian Authority President Mahmoud Abbas in Amman "
        "on Sunday, days after US Vice President Mike Pence visited the region."
    )
    hosted = next(m for m in meetings(parse(text, "2018-01-28")) if m.trigger == "hosted")
    assert hosted.date is not None
    assert hosted.date.start.iso == "2018-01-28"


@pytest.mark.parametrize(
    "text",
    [
        "King Salman received Haider al-Abadi at Al-Salam Palace in Jeddah on Monday.",
        "Xi Jinping received Narendra Modi at the Hubei Provincial Museum in Wuhan.",
    ],
)
def test_a_building_the_model_took_for_a_body_is_no_organization(parse: Parse, text: str) -> None:
    assert [m.text for m in _found(parse, text) if m.kind is ORGANIZATION] == []


def test_two_people_the_model_ran_into_one_body_are_the_two(parse: Parse) -> None:
    text = (
        "Prime Minister Malcolm Turnbull has met Indonesian President Joko Widodo in Sydney.\n\n"
        "Mr Turnbull and Mr Widodo met on Saturday. Procter and Gamble said it would invest."
    )
    found = _found(parse, text)
    assert [m.text for m in found if m.kind is PERSON][2:] == ["Turnbull", "Widodo"]
    assert [m.text for m in found if m.kind is ORGANIZATION] == ["Procter and Gamble"]


def test_a_name_run_into_the_next_ones_nationality_is_the_name(parse: Parse) -> None:
    text = (
        "The summit was attended by Kenyatta, Rwandan President Paul Kagame and Ethiopian Prime "
        "Minister Abiy Ahmed."
    )
    found = _found(parse, text)
    assert [m.kind for m in _named(found, "Kenyatta")] == [PERSON]
    assert [m.text for m in found if m.kind is ORGANIZATION] == []


def test_a_persons_name_holds_no_preposition(parse: Parse) -> None:
    text = "Prime Minister Narendra Modi met Kenyatta at State House in Nairobi."
    found = _found(parse, text)
    assert [m.text for m in found if m.kind is PERSON] == ["Narendra Modi", "Kenyatta"]


def test_a_short_name_read_as_a_body_that_ends_in_a_persons_surname_is_that_person(
    parse: Parse,
) -> None:
    text = (
        "Theresa May flew to Brussels before dawn on Friday for a breakfast meeting with "
        "Jean-Claude Juncker, clearing the way for talks on trade.\n\n"
        "Juncker said he was satisfied that sufficient progress had been made."
    )
    assert [m.kind for m in _named(_found(parse, text), "Jean-Claude Juncker")] == [PERSON]


def test_a_day_of_the_week_the_model_left_untagged_is_a_date(parse: Parse) -> None:
    from newsgraph.extract.meetings import meetings

    text = (
        "Kang and Ri exchanged words at a gala dinner held for ministers attending the forum.\n\n"
        "Earlier Sunday, Kang held her first talks with Chinese Foreign Minister Wang Yi, who "
        "called on Seoul to address Beijing's concerns."
    )
    talks = [m for m in meetings(parse(text, "2017-08-07")) if m.trigger == "talks"]
    assert [m.date and m.date.start.iso for m in talks] == ["2017-08-06"]


def test_a_room_before_a_title_in_apposition_is_no_person(parse: Parse) -> None:
    text = (
        "Speaking at a joint news conference in the East Room, the prime minister said the "
        "talks had gone well."
    )
    assert [m.text for m in _found(parse, text) if m.kind is PERSON] == []


@pytest.mark.parametrize(
    ("text", "relative", "other"),
    [
        (
            "President Trump tossed the ball to first lady Melania Trump in the front row.",
            "Melania Trump",
            "Trump",
        ),
        (
            "President Reagan visited his wife Nancy Reagan at Bethesda Naval Hospital.",
            "Nancy Reagan",
            "Reagan",
        ),
        (
            "Trump sent his son-in-law Jared Kushner to meet Crown Prince Mohammed bin Salman.",
            "Jared Kushner",
            "Mohammed bin Salman",
        ),
    ],
)
def test_a_name_after_a_word_for_a_relative_is_named_as_kin(
    parse: Parse, text: str, relative: str, other: str
) -> None:
    found = _found(parse, text)
    assert [m.kin for m in _named(found, relative)] == [True], _shown(found)
    assert not any(m.kin for m in _named(found, other)), _shown(found)


@pytest.mark.parametrize(
    ("headline", "names", "not_names"),
    [
        (
            "Trump Sides With Putin Over U.S. Intelligence At Helsinki Summit",
            ["Trump", "Putin", "Helsinki"],
            ["Trump Sides With", "Trump Sides"],
        ),
        (
            "Duterte, Xi Agree to Restart Talks as Philippine Leader Turns to Beijing",
            ["Duterte", "Xi", "Beijing"],
            ["Xi Agree", "Turns"],
        ),
    ],
)
def test_a_headline_in_title_case_keeps_the_names_the_story_tells(
    parse: Parse, headline: str, names: list[str], not_names: list[str]
) -> None:
    text = (
        f"{headline}\n\nPresident Donald Trump met Russian President Vladimir Putin in "
        "Helsinki on Monday. Chinese President Xi Jinping received Philippine President "
        "Rodrigo Duterte in Beijing."
    )
    found = _found(parse, text)
    first = [m.text for m in found if m.evidence.begin < len(headline)]
    assert all(name in first for name in names), _shown(found)
    assert not set(first) & set(not_names), _shown(found)


def test_a_headline_in_sentence_case_keeps_the_models_names(parse: Parse) -> None:
    text = (
        "Abe meets Trump at Mar-a-Lago for golf and talks\n\nJapanese Prime Minister Shinzo "
        "Abe met President Donald Trump in Florida on Saturday."
    )
    found = _found(parse, text)
    assert {"Abe", "Trump"} <= {m.text for m in found if m.evidence.begin < 20}, _shown(found)


def test_a_known_town_taken_for_a_person_before_a_building_is_the_town(parse: Parse) -> None:
    text = (
        "Ms Ardern flew into Sydney this morning, and the pair sat down for talks at "
        "Kirribilli House, the Prime Minister's Sydney residence."
    )
    found = _found(parse, text)
    towns = _named(found, "Sydney")
    assert [(m.kind, m.key) for m in towns] == [(EntityKind.PLACE, "Sydney")] * 2, _shown(found)


def test_a_name_ending_in_a_word_for_land_or_water_is_no_person(parse: Parse) -> None:
    text = (
        "Malcolm Turnbull rejects Jacinda Ardern's Manus Island refugee offer 'at this time'"
        "\n\nKey points:\n- Jacinda Ardern restated New Zealand's offer to resettle 150 "
        "refugees from Manus Island and Nauru\n- Malcolm Turnbull says Australia will not "
        "consider it until the US resettlement deal is complete"
    )
    found = _found(parse, text)
    assert {m.kind for m in _named(found, "Manus Island")} == {EntityKind.PLACE}, _shown(found)


@pytest.mark.parametrize("written", ["Downing Street", "No 10", "Number 10"])
def test_the_names_of_a_seat_of_government_are_one_organization(parse: Parse, written: str) -> None:
    found = _found(parse, f"A spokesman for {written} said the talks had been constructive.")
    seats = _named(found, written)
    assert [(m.kind, m.key) for m in seats] == [(EntityKind.ORGANIZATION, "Downing Street")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The summit was announced in Beijing on Apr 22 after talks.", "Apr 22"),
        ("Putin met Xi on Sept. 4 in Hangzhou.", "Sept. 4"),
    ],
)
def test_a_month_s_short_name_before_a_day_is_the_date_s(
    parse: Parse, text: str, date: str
) -> None:
    doc = parse(text)
    assert [s.text for s in doc.ents if s.label_ == "DATE"] == [date]
