"""Tests for the one door for IRIs and literals: RFC 3987, cleaning, mixed scripts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph import iris
from newsgraph.errors import InputError
from newsgraph.mapping import BASE, Minter

PERSON = "https://w3id.org/newsgraph/id/person/"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (PERSON + "lavrov\u202e", "U+202E"),  # right-to-left override: pyoxigraph accepts it
        (PERSON + "\u2066lavrov", "U+2066"),
        (PERSON + "lav\ue000rov", "U+E000"),  # private use
        (PERSON + "lav\ufdd0rov", "U+FDD0"),  # noncharacter
        (PERSON + "lav%zzrov", "two hexadecimal digits"),
        (PERSON + "lav%2", "two hexadecimal digits"),
        (PERSON + "a b", "' '"),
        (PERSON + "a\\b", "'\\\\'"),
        (PERSON + "a\x85b", "U+0085"),
        ("lavrov", "no scheme"),
        ("1http://x/", "no scheme"),
    ],
)
def test_iri_refuses_what_rfc_3987_forbids(value: str, why: str) -> None:
    assert iris.iri_problem(value) is not None
    with pytest.raises(ValueError, match="not a valid IRI") as info:
        iris.iri(value)
    assert why in str(info.value)


def test_pyoxigraph_alone_lets_a_bidi_override_through() -> None:
    # Why the door has its own check: this IRI would reach the output unchecked otherwise.
    assert ox.NamedNode(PERSON + "lavrov\u202e").value.endswith("\u202e")


@pytest.mark.parametrize(
    "value",
    [PERSON + "sergei-lavrov", PERSON + "z%C3%BCrich", PERSON + "zürich", "urn:x:1", PERSON + "😀"],
)
def test_iri_accepts_valid_iris(value: str) -> None:
    assert iris.iri_problem(value) is None
    assert iris.iri(value).value == value


@given(st.text(max_size=30))
def test_every_iri_the_door_lets_through_parses_back(local: str) -> None:
    try:
        node = iris.iri(PERSON + local)
    except ValueError:
        return
    data = ox.serialize([ox.Triple(node, node, node)], format=ox.RdfFormat.N_TRIPLES)
    assert [t.subject for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)] == [node]


def test_a_base_that_is_not_an_iri_is_an_input_error() -> None:
    with pytest.raises(InputError, match="--base 'https://ex ample/'"):
        Minter("https://ex ample/")
    assert Minter(BASE).node("person/x").value == BASE + "person/x"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Lavrov\ud800", "Lavrov"),  # an unpaired surrogate, as a JSON escape gives
        ("a\ufffeb\U0010ffffc", "abc"),  # noncharacters
        ("C\u0327a", "\u00c7a"),  # NFC
        ("\u202eright-to-left\u202c", "\u202eright-to-left\u202c"),  # kept: text, not an IRI
        ("tab\tand\nnewline", "tab\tand\nnewline"),
    ],
)
def test_literals_carry_no_unwritable_character(value: str, expected: str) -> None:
    literal = iris.text(value)
    assert literal.value == expected
    data = ox.serialize(
        [ox.Triple(ox.NamedNode(PERSON + "x"), ox.NamedNode(PERSON + "p"), literal)],
        format=ox.RdfFormat.TURTLE,
    )
    assert next(iter(ox.parse(data, format=ox.RdfFormat.TURTLE))).object == literal


@pytest.mark.parametrize(
    ("name", "scripts"),
    [
        ("L\u0430vrov", ("LATIN", "CYRILLIC")),  # one Cyrillic a
        ("\u0391thens", ("GREEK", "LATIN")),  # a Greek capital alpha
        ("Moscow \u041c\u043e\u0441\u043a\u0432\u0430", ("LATIN", "CYRILLIC")),
    ],
)
def test_mixed_script_names_are_flagged(name: str, scripts: tuple[str, ...]) -> None:
    assert iris.mixed_script(name)
    assert iris.scripts(name) == scripts


@pytest.mark.parametrize(
    "name",
    [
        "Sergei Lavrov",
        "\u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432",
        "Zürich",
        "O'Brien-Smith 2nd",
        "\u5b89\u500d\u664b\u4e09 \u3055\u3093",  # Han with Hiragana: one writing system
        "\uff2e\uff21\uff34\uff2f NATO",  # fullwidth Latin is Latin
    ],
)
def test_single_script_names_are_not_flagged(name: str) -> None:
    assert not iris.mixed_script(name)
