"""Real-model tests of roles: a person's title and the country or organization it belongs to.

The sentences are written for these tests in the manner of wire copy, one per way English
attaches a title to a name: before it, in an apposition after it, or fronted before it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.roles import roles
from newsgraph.records import Role

pytestmark = pytest.mark.model

Parse = Callable[..., Doc]


def _shown(found: list[Role]) -> list[tuple[str, str, str]]:
    return [(r.person.text, r.title, r.of.key or r.of.text) for r in found]


def _check(parse: Parse, text: str, person: str, title: str, of: str) -> Role:
    """The one role of ``person`` in ``text``: its title and the key of what it belongs to."""
    found = list(roles(parse(text)))
    theirs = [r for r in found if r.person.text == person]
    assert len(theirs) == 1, _shown(found)
    (role,) = theirs
    assert (role.title, role.of.key) == (title, of), _shown(found)
    return role


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "German Chancellor Olaf Scholz arrived in Washington on Monday.",
            "Olaf Scholz",
            "Chancellor",
            "Germany",
        ),
        # The same title and name: the model calls the name an organization in this context.
        (
            "German Chancellor Olaf Scholz said Berlin would not send weapons.",
            "Olaf Scholz",
            "Chancellor",
            "Germany",
        ),
        (
            "UN Secretary-General Antonio Guterres called for an immediate ceasefire.",
            "Antonio Guterres",
            "Secretary-General",
            "UN",
        ),
        (
            "U.N. Secretary-General Antonio Guterres called for an immediate ceasefire.",
            "Antonio Guterres",
            "Secretary-General",
            "UN",
        ),
        (
            "French President Emmanuel Macron said Paris would keep talking to Moscow.",
            "Emmanuel Macron",
            "President",
            "France",
        ),
        (
            "Russia's Deputy Foreign Minister Sergei Ryabkov led the delegation.",
            "Sergei Ryabkov",
            "Deputy Foreign Minister",
            "Russia",
        ),
        (
            "Kremlin spokesman Dmitry Peskov said no decision had been made.",
            "Dmitry Peskov",
            "Spokesman",
            "Kremlin",
        ),
        (
            "South Korean Unification Minister Cho Myoung-gyon led the delegation.",
            "Cho Myoung-gyon",
            "Unification Minister",
            "South Korea",
        ),
        (
            "Britain's Northern Ireland Secretary Karen Bradley met party leaders.",
            "Karen Bradley",
            "Northern Ireland Secretary",
            "United Kingdom",
        ),
    ],
)
def test_title_before_the_name(parse: Parse, text: str, person: str, title: str, of: str) -> None:
    _check(parse, text, person, title, of)


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "Wang Yi, China's foreign minister, told his counterpart that Beijing wanted calm.",
            "Wang Yi",
            "Foreign Minister",
            "China",
        ),
        (
            "Antonio Guterres, the UN secretary-general, called for restraint.",
            "Antonio Guterres",
            "Secretary-General",
            "UN",
        ),
        (
            "Zhao Lijian, a spokesman for the Chinese Foreign Ministry, said Beijing opposed "
            "the sanctions.",
            "Zhao Lijian",
            "Spokesman",
            "Chinese Foreign Ministry",
        ),
        (
            "Foreign Minister Wang Yi of China arrived in Jakarta on Tuesday.",
            "Wang Yi",
            "Foreign Minister",
            "China",
        ),
    ],
)
def test_title_after_the_name(parse: Parse, text: str, person: str, title: str, of: str) -> None:
    _check(parse, text, person, title, of)


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "The spokesman of the Chinese Foreign Ministry, Zhao Lijian, told reporters that "
            "Beijing opposed the sanctions.",
            "Zhao Lijian",
            "Spokesman",
            "Chinese Foreign Ministry",
        ),
        (
            "The Secretary-General of NATO, Jens Stoltenberg, said the allies were ready.",
            "Jens Stoltenberg",
            "Secretary-General",
            "NATO",
        ),
    ],
    ids=["spokesman of the Chinese Foreign Ministry", "Secretary-General of NATO"],
)
def test_title_fronted_before_the_name(
    parse: Parse, text: str, person: str, title: str, of: str
) -> None:
    _check(parse, text, person, title, of)


def test_country_of_a_role_is_the_country_itself(parse: Parse) -> None:
    role = _check(
        parse,
        "French President Emmanuel Macron said Paris would keep talking to Moscow.",
        "Emmanuel Macron",
        "President",
        "France",
    )
    assert role.of.is_country
    assert role.evidence.text.startswith("French President Emmanuel Macron")


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron said Paris would keep talking to Moscow.",
        # A title with nothing it belongs to makes no role.
        "President Vladimir Putin told reporters the talks were over.",
    ],
)
def test_no_role_without_a_title_and_its_owner(parse: Parse, text: str) -> None:
    assert list(roles(parse(text))) == []


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        # Words between the country and the title qualify the post.
        (
            "Chile's central bank president Rosanna Costa raised rates on Tuesday.",
            "Rosanna Costa",
            "Central Bank President",
            "Chile",
        ),
        # Where an envoy is sent belongs to the title; whose envoy comes before it.
        (
            "Nikki Haley, the U.S. ambassador to the United Nations, spoke on Friday.",
            "Nikki Haley",
            "Ambassador to the United Nations",
            "United States",
        ),
        (
            "Polish Ambassador to Berlin Andrzej Przylebski was summoned on Monday.",
            "Andrzej Przylebski",
            "Ambassador to Berlin",
            "Poland",
        ),
        # "chief" in lower case is a title too.
        (
            "IAEA chief Rafael Grossi arrived in Tehran on Saturday.",
            "Rafael Grossi",
            "Chief",
            "IAEA",
        ),
        # A country name joined by "and" is one name.
        (
            "Energy Minister Stuart Young of Trinidad and Tobago opened the conference.",
            "Stuart Young",
            "Energy Minister",
            "Trinidad and Tobago",
        ),
        # and so is its hyphenated spelling
        (
            "Energy Minister Stuart Young of Trinidad-Tobago opened the conference.",
            "Stuart Young",
            "Energy Minister",
            "Trinidad and Tobago",
        ),
    ],
)
def test_qualified_and_envoy_titles(
    parse: Parse, text: str, person: str, title: str, of: str
) -> None:
    _check(parse, text, person, title, of)


@pytest.mark.parametrize(
    "text",
    [
        "Italian Foreign Minister Luigi Di Maio met his Spanish counterpart Arancha Gonzalez "
        "in Rome on Monday.",
        "Italian Foreign Minister Luigi Di Maio, who met his Spanish counterpart Arancha "
        "Gonzalez in Rome, said the talks went well.",
        # the post is told after the title that is the subject
        "Italy's foreign minister, Luigi Di Maio, met his Spanish counterpart Arancha Gonzalez "
        "in Rome.",
    ],
)
def test_a_counterpart_holds_the_same_post_for_another_country(parse: Parse, text: str) -> None:
    _check(parse, text, "Arancha Gonzalez", "Foreign Minister", "Spain")


def test_a_counterpart_without_a_known_post_has_no_role(parse: Parse) -> None:
    found = list(roles(parse("Luigi Di Maio met his Spanish counterpart Arancha Gonzalez.")))
    assert [r for r in found if r.person.text == "Arancha Gonzalez"] == [], _shown(found)


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "Prince Faisal, who is deputy prime minister of Saudi Arabia, arrived on Monday.",
            "Faisal",
            "Deputy Prime Minister",
            "Saudi Arabia",
        ),
        (
            "Jean-Yves Le Drian, who is also France's foreign minister, met the delegation.",
            "Jean-Yves Le Drian",
            "Foreign Minister",
            "France",
        ),
    ],
)
def test_a_relative_clause_gives_the_post(
    parse: Parse, text: str, person: str, title: str, of: str
) -> None:
    _check(parse, text, person, title, of)


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "British Foreign Secretary James Cleverly met his Iranian counterpart Hossein "
            "Amirabdollahian in New York.",
            "Hossein Amirabdollahian",
            "Foreign Minister",
            "Iran",
        ),
        (
            "Russian Foreign Minister Sergei Lavrov met his British counterpart James Cleverly "
            "in Bali.",
            "James Cleverly",
            "Foreign Minister",
            "United Kingdom",
        ),
    ],
)
def test_a_counterpart_post_in_the_countrys_style(
    parse: Parse, text: str, person: str, title: str, of: str
) -> None:
    _check(parse, text, person, title, of)


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "North Korean leader Kim Jong Un inspected the launch.",
            "Kim Jong Un",
            "Leader",
            "North Korea",
        ),
        (
            "Britain's delegate, Matthew Rycroft, objected.",
            "Matthew Rycroft",
            "Delegate",
            "United Kingdom",
        ),
        (
            "Yukiya Amano, head of the International Atomic Energy Agency, visited Tehran.",
            "Yukiya Amano",
            "Head",
            "IAEA",
        ),
        (
            "Yukiya Amano, who heads the International Atomic Energy Agency, visited Tehran.",
            "Yukiya Amano",
            "Head",
            "IAEA",
        ),
        (
            "Israel's U.N. ambassador Danny Danon called the vote shameful.",
            "Danny Danon",
            "U.N. Ambassador",
            "Israel",
        ),
        (
            "Russian U.N. Ambassador Vassily Nebenzia vetoed the draft.",
            "Vassily Nebenzia",
            "U.N. Ambassador",
            "Russia",
        ),
        (
            "Talks were held with France's U.N. representative, Ambassador Francois Delattre.",
            "Francois Delattre",
            "U.N. Representative",
            "France",
        ),
        (
            "Officials met Acting U.S. Trade Representative Peter Allgeier on Monday.",
            "Peter Allgeier",
            "Acting U.S. Trade Representative",
            "United States",
        ),
        (
            "The U.N. envoy for Syria, Staffan de Mistura, said talks would resume in Geneva.",
            "Staffan de Mistura",
            "Envoy for Syria",
            "UN",
        ),
        (
            "Theresa May, the British prime minister, met Angela Merkel in Berlin.",
            "Theresa May",
            "Prime Minister",
            "United Kingdom",
        ),
    ],
)
def test_posts_at_a_body_and_titles_in_lower_case(
    parse: Parse, text: str, person: str, title: str, of: str
) -> None:
    _check(parse, text, person, title, of)


@pytest.mark.parametrize(
    "text",
    [
        "Jens Stoltenberg, who led NATO's response, spoke in Brussels.",
        "The head of state will travel to Paris, a representative of the company said.",
    ],
)
def test_no_post_from_a_possessive_or_a_bare_title(parse: Parse, text: str) -> None:
    assert list(roles(parse(text))) == []


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "Abu Dhabi Crown Prince Sheikh Mohammed bin Zayed al-Nahyan arrived in Washington.",
            "Mohammed bin Zayed al-Nahyan",
            "Crown Prince",
            "Abu Dhabi",
        ),
        (
            "Qatar's emir, Sheikh Tamim bin Hamad al-Thani, met the U.S. president on Tuesday.",
            "Tamim bin Hamad al-Thani",
            "Emir",
            "Qatar",
        ),
        (
            "Sheikh Tamim bin Hamad al-Thani, Qatar's emir, met the U.S. president on Tuesday.",
            "Tamim bin Hamad al-Thani",
            "Emir",
            "Qatar",
        ),
    ],
)
def test_a_form_of_address_between_the_post_and_the_name(
    parse: Parse, text: str, person: str, title: str, of: str
) -> None:
    _check(parse, text, person, title, of)


@pytest.mark.parametrize(
    "text",
    [
        "The Iranian foreign ministry spokesman, Bahram Qasemi, said Tehran would not negotiate.",
        "Iranian foreign ministry spokesman Bahram Qasemi said Tehran would not negotiate.",
    ],
)
def test_a_ministry_written_in_lower_case(parse: Parse, text: str) -> None:
    role = _check(parse, text, "Bahram Qasemi", "Spokesman", "Iranian Foreign Ministry")
    assert role.of.text == "Iranian foreign ministry"


def test_a_title_before_the_next_name_in_a_list_is_that_persons(parse: Parse) -> None:
    text = (
        "Trump met Treasury Secretary Steven Mnuchin, Federal Reserve Chair Janet Yellen and "
        "Commerce Secretary Wilbur Ross on Friday."
    )
    found = list(roles(parse(text)))
    assert [r for r in found if r.person.text == "Steven Mnuchin"] == [], _shown(found)
    _check(parse, text, "Janet Yellen", "Chair", "Federal Reserve")


@pytest.mark.parametrize(
    ("text", "person", "title", "of"),
    [
        (
            "Beijing's ambassador to Washington, Cui Tiankai, said China would respond.",
            "Cui Tiankai",
            "Ambassador to Washington",
            "China",
        ),
        (
            "Tehran's ambassador to Baghdad, Iraj Masjedi, said Iran would help rebuild Mosul.",
            "Iraj Masjedi",
            "Ambassador to Baghdad",
            "Iran",
        ),
        # a city's own post, and the ruler of a city state, are the city's
        (
            "Moscow Mayor Sergei Sobyanin opened the new metro line on Saturday.",
            "Sergei Sobyanin",
            "Mayor",
            "Moscow",
        ),
    ],
)
def test_a_capital_before_a_government_post_stands_for_its_country(
    parse: Parse, text: str, person: str, title: str, of: str
) -> None:
    _check(parse, text, person, title, of)


def test_a_body_where_a_person_is_is_not_whose_post_it_is(parse: Parse) -> None:
    text = (
        "Prime Minister Shinzo Abe and President Uhuru Kenyatta at State House in Nairobi, "
        "August 28, 2016."
    )
    found = list(roles(parse(text)))
    assert [r for r in found if r.person.text == "Shinzo Abe"] == [], _shown(found)
    # but the body named after the title is whose post it is
    _check(
        parse,
        "Secretary-General Jens Stoltenberg of NATO spoke.",
        "Jens Stoltenberg",
        "Secretary-General",
        "NATO",
    )


# A post with no country: the story's home country, from its publisher or its dateline.


def _implied(parse: Parse, text: str, publisher: str | None = None) -> list[tuple[str, str, str]]:
    return [
        (r.person.text, r.title, r.of.key)
        for r in roles(parse(text, publisher=publisher))
        if r.implied
    ]


def test_a_post_with_no_country_is_one_of_the_publishers_country(parse: Parse) -> None:
    text = (
        "Prime Minister Shinzo Abe and U.S. President Donald Trump spent Saturday on the golf "
        "course in Florida. Abe said Japan would work with the United States."
    )
    found = [r for r in roles(parse(text, publisher="The Japan Times")) if r.implied]
    assert [(r.person.text, r.title, r.of.key) for r in found] == [
        ("Shinzo Abe", "Prime Minister", "Japan")
    ]
    assert found[0].confidence < 0.9
    # Named by no publisher or dateline, the story has no home: whose post it is stays untold.
    assert _implied(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A wire of no country: the dateline's.
        (
            "TOKYO (Reuters) - Prime Minister Shinzo Abe said on Monday Japan would press "
            "North Korea to give up its missiles.",
            [("Shinzo Abe", "Prime Minister", "Japan")],
        ),
        # An agency of a country named in the dateline: the agency's.
        (
            "WASHINGTON, Oct. 7 (Yonhap) -- President Moon Jae-in will meet U.S. officials "
            "next week, South Korea's presidential office said.",
            [("Moon Jae-in", "President", "South Korea")],
        ),
    ],
)
def test_a_post_with_no_country_is_one_of_the_datelines(
    parse: Parse, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _implied(parse, text, "Reuters") == expected


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        # Japan has no vice president, nor ministers styled secretaries.
        (
            "Deputy Prime Minister Taro Aso and Vice President Mike Pence will lead the "
            "dialogue, while Defense Secretary Jim Mattis visits Japan next week.",
            "The Japan Times",
            [("Taro Aso", "Deputy Prime Minister", "Japan")],
        ),
        # The same post of the home country is someone else's.
        (
            "U.S. President Donald Trump met President Moon Jae-in in Seoul on Tuesday, and the "
            "United States and South Korea agreed to keep up the pressure.",
            "AP",
            [],
        ),
        # Two with the same post and no country: either may be the home country's.
        (
            "President Recep Tayyip Erdogan met President Donald Trump in Washington on "
            "Tuesday, a visit Turkey had hoped would mend ties.",
            "Hurriyet Daily News",
            [],
        ),
        # A post that is someone's, or whose name starts before the title.
        (
            "North Korea protested the drills, and its First Vice-Foreign Minister Kim Kye Gwan "
            "threatened to call off the summit, Singapore officials said.",
            "The Straits Times",
            [],
        ),
        (
            "However, Lifelong Learning Minister Jim Wallace said that the United Kingdom "
            "would not follow.",
            "BBC News",
            [],
        ),
        # The home country goes unnamed: nothing says the story is of it.
        (
            "Prime Minister Shinzo Abe and U.S. President Donald Trump spent Saturday on the golf "
            "course in Florida.",
            "The Japan Times",
            [],
        ),
    ],
)
def test_a_post_is_not_taken_for_the_home_countrys_against_what_the_story_says(
    parse: Parse, text: str, publisher: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _implied(parse, text, publisher) == expected
