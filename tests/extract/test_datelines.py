"""Real-model tests of the dateline: the place a story is filed from."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.datelines import dateline

pytestmark = pytest.mark.model

Parse = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "key", "written"),
    [
        ("HELSINKI (Reuters) - Trump and Putin met on Monday.", "Helsinki", "HELSINKI"),
        ("NEW DELHI (Reuters) - Modi met Abe on Thursday.", "New Delhi", "NEW DELHI"),
        ("HANGZHOU, China (Reuters) - Obama met Xi on Saturday.", "Hangzhou", "HANGZHOU"),
        ("SEOUL, March 6 (Reuters) - Moon's envoys met Kim.", "Seoul", "SEOUL"),
        ("SINGAPORE/WASHINGTON (Reuters) - Trump met Kim.", "Singapore", "SINGAPORE"),
        ("WASHINGTON \u2014 President Trump met Abe on Friday.", "Washington", "WASHINGTON"),
        # ended by a colon, or by the agency between slashes or in brackets without a dash
        ("WUHAN: Prime Minister Narendra Modi met Xi Jinping on Friday.", "Wuhan", "WUHAN"),
        ("NEW DELHI: Modi will meet Abe on Thursday.", "New Delhi", "NEW DELHI"),
        ("MOSCOW, March 16. /TASS/. Lavrov will meet Kono.", "Moscow", "MOSCOW"),
        ("Helsinki, Finland (CNN) President Donald Trump met Putin.", "Helsinki", "Helsinki"),
        ("Washington (CNN)President Donald Trump met Abe on Friday.", "Washington", "Washington"),
    ],
)
def test_the_place_of_a_dateline(parse: Parse, text: str, key: str, written: str) -> None:
    (found,) = dateline(parse(text))
    assert found.place.key == key
    assert found.place.text == written
    assert found.place.evidence.begin == 0
    assert found.place.evidence.end == len(written)


def test_a_dateline_after_a_headline(parse: Parse) -> None:
    headline = "Trump, Putin meet one-on-one in Helsinki\n\n"
    (found,) = dateline(parse(headline + "HELSINKI (AP) \u2014 Trump and Putin met on Monday."))
    assert found.place.key == "Helsinki"
    assert found.place.evidence.begin == len(headline)
    assert found.place.evidence.text == "HELSINKI"


@pytest.mark.parametrize(
    "text",
    [
        "Trump and Putin met in Helsinki on Monday.",
        # a first paragraph that is a sentence is no headline
        "Trump and Putin met on Monday.\n\nHELSINKI (AP) \u2014 The talks went on.",
        "UNITED NATIONS (Reuters) - Haley met Nebenzia on Monday.",
    ],
)
def test_no_dateline_or_one_that_is_no_place(parse: Parse, text: str) -> None:
    assert list(dateline(parse(text))) == []


def test_a_place_in_title_case_and_a_colon_after_a_headline(parse: Parse) -> None:
    headline = "Saudi Crown Prince holds talks with May\n\n"
    text = headline + "London: Saudi Crown Prince Mohammad Bin Salman held talks with May."
    (found,) = dateline(parse(text))
    assert found.place.key == "London"
    assert found.place.evidence.begin == len(headline)
    assert found.place.evidence.text == "London"


@pytest.mark.parametrize(
    "text",
    ["Related: Trump meets Putin in Helsinki.", "Key points:\n- Trump met Putin in Helsinki."],
)
def test_a_word_and_a_colon_that_is_no_place_is_no_dateline(parse: Parse, text: str) -> None:
    assert list(dateline(parse(text))) == []
