"""Property-based builds of hostile article text: nothing crashes, every output parses.

Each example is a batch of one to three articles: arbitrary text, and text seeded with real names
next to quotes, angle brackets, backslashes, control and zero-width characters, right-to-left
text and emoji, so that entities really are extracted around them. Every output file must parse
in pyoxigraph and rdflib, and the JSON-LD must expand (pyld, no document loader) to a graph
isomorphic to the Turtle.

HYPOTHESIS_PROFILE=ci runs more examples (see README, "Hostile input").
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld
from rdflib.compare import isomorphic
from spacy.language import Language

import newsgraph.build
import newsgraph.engine
import newsgraph.errors
from newsgraph.build import build
from newsgraph.extract.nlp import DEFAULT_MODEL

settings.register_profile(
    "default",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")

NAMES = [
    "Sergei Lavrov",
    "Antony Blinken",
    "NATO",
    "Geneva",
    "Wang Yi",
    "Jos\u00e9 Manuel Albares",
    "Moscow",
    "the United Nations",
]
HOSTILE = [
    '"',
    "'",
    "<",
    ">",
    "\\",
    "\\n",
    "\\u0000",
    "<http://x/>",
    '"""',
    "@prefix",
    "{",
    "}",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x85",
    "\r",
    "\u2028",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\u202e",
    "\u2066",
    "\u0627\u0644\u0642\u0627\u0647\u0631\u0629",
    "\u05e9\u05dc\u05d5\u05dd",
    "\U0001f600",
    "\U0001f1f7\U0001f1fa",
    "\ud800",
    "\ufffe",
    "\U0010ffff",
    "L\u0430vrov",
    "A" * 300,
    " ".join(["Alexandrovich"] * 40),
]
VERBS = [" met ", " held talks with ", " will meet ", " and ", ", said ", " in "]

seeded = st.lists(
    st.one_of(st.sampled_from(NAMES), st.sampled_from(HOSTILE), st.sampled_from(VERBS)),
    min_size=3,
    max_size=25,
).map("".join)
arbitrary = st.text(min_size=1, max_size=300)
texts = st.lists(st.one_of(seeded, seeded, arbitrary), min_size=1, max_size=3)

FUZZED: list[int] = []
"""How many articles were fuzzed in this run (see test_fuzzed_count)."""


@pytest.fixture(scope="module", autouse=True)
def one_pipeline(nlp: Language) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(newsgraph.engine._PIPELINES, DEFAULT_MODEL, nlp)
        yield


def refuse(url: str, options: object = None) -> None:
    raise AssertionError(f"the JSON-LD asked for {url}")


def check_outputs(out: Path) -> None:
    turtle = rdflib.Graph().parse(data=(out / "graph.ttl").read_bytes(), format="turtle")
    ox_turtle = list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(turtle) == len(ox_turtle)
    quads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    with warnings.catch_warnings():
        # rdflib 7's Dataset.parse calls its own deprecated default_context.
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = rdflib.Dataset().parse(
            data=(out / "graph.nq").read_text("utf-8"), format="nquads"
        )
    assert len(quads) == len(list(dataset.quads((None, None, None, None))))
    assert {(q.subject, q.predicate, q.object) for q in quads} == {
        (t.subject, t.predicate, t.object) for t in ox_turtle
    }
    list(ox.parse(path=str(out / "validation.ttl"), format=ox.RdfFormat.TURTLE))
    rdflib.Graph().parse(data=(out / "validation.ttl").read_bytes(), format="turtle")
    assert len(list(ox.parse(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD))) == len(
        ox_turtle
    )
    document = json.loads((out / "graph.jsonld").read_bytes())
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": refuse})
    # No named graphs in the JSON-LD: its lines parse as N-Triples.
    expanded = rdflib.Graph().parse(data=nquads, format="nt")
    assert isomorphic(expanded, turtle)


@settings(settings.get_profile(PROFILE))
@given(texts)
def test_hostile_articles_build_and_every_output_parses(articles: list[str]) -> None:
    FUZZED.append(len(articles))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        source.write_text(
            "".join(
                json.dumps({"id": str(n), "date": "2022-01-20", "text": t, "title": t[:40]}) + "\n"
                for n, t in enumerate(articles)
            ),
            encoding="utf-8",
        )
        try:
            build([str(source)], folder / "out")
        except newsgraph.errors.InputError as error:
            # Only text that is empty once cleaned may be refused.
            if "no article could be read" not in str(error):
                raise
            return
        check_outputs(folder / "out")


def test_fuzzed_count() -> None:
    # Runs after the property test in file order; -rA shows the count.
    assert FUZZED, "the property test ran no example"
    print(f"fuzzed {sum(FUZZED)} articles in {len(FUZZED)} builds")
