"""`newsgraph evaluate`: agreement with the shared scorer, and figures checked by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from newsgraph.build import BuildResult
from newsgraph.cli import main
from newsgraph.evaluate import evaluate, load_graphs

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "seeds.gold.json"
SDO = Namespace("https://schema.org/")
NG = Namespace("https://w3id.org/newsgraph/ontology#")


def _shared(graph: Path) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, str(SCORER), "--json", "--gold", str(GOLD), str(graph)],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in run.stdout.splitlines() if x.startswith("{"))
    return {k: float(v) for k, v in json.loads(line).items()}


def _ours(graph: Path) -> dict[str, float]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return evaluate(load_graphs([str(graph)]), gold).headline()


def _degrade(source: Path, target: Path, how: str) -> Path:
    """A worse copy of the seeds graph, so that agreement is tested below the ceiling too."""
    g = Graph()
    g.parse(source)
    if how == "no-meeting-places":
        g.remove((None, SDO.location, None))
    elif how == "every-other-person-unnamed":
        for i, person in enumerate(sorted(g.subjects(RDF.type, SDO.Person))):
            if i % 2 == 0:
                g.remove((person, SDO.name, None))
                g.remove((person, SDO.alternateName, None))
    elif how == "dates-shifted":
        for m, date in list(g.subject_objects(SDO.startDate)):
            g.set((m, SDO.startDate, Literal("2021-06-01", datatype=date.datatype)))
    elif how == "spurious-and-duplicate":
        extra = URIRef("https://example.org/x")
        g.add((extra, RDF.type, SDO.Place))
        g.add((extra, SDO.name, Literal("Atlantis")))
        copy = URIRef("https://example.org/geneva-again")
        g.add((copy, RDF.type, SDO.Place))
        g.add((copy, SDO.name, Literal("Geneva")))
    elif how == "no-roles":
        g.remove((None, SDO.roleName, None))
    target.write_text(g.serialize(format="turtle"), encoding="utf-8")
    return target


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld"])
def test_agrees_with_the_shared_scorer_on_the_seeds(
    seeds_build: tuple[Path, BuildResult], name: str
) -> None:
    out, _ = seeds_build
    ours, theirs = _ours(out / name), _shared(out / name)
    assert {k: round(v, 2) for k, v in ours.items()} == {k: round(v, 2) for k, v in theirs.items()}


@pytest.mark.parametrize(
    "how",
    [
        "no-meeting-places",
        "every-other-person-unnamed",
        "dates-shifted",
        "spurious-and-duplicate",
        "no-roles",
    ],
)
def test_agrees_with_the_shared_scorer_on_worse_graphs(
    seeds_build: tuple[Path, BuildResult], tmp_path: Path, how: str
) -> None:
    out, _ = seeds_build
    graph = _degrade(out / "graph.ttl", tmp_path / "worse.ttl", how)
    ours, theirs = _ours(graph), _shared(graph)
    assert {k: round(v, 2) for k, v in ours.items()} == {k: round(v, 2) for k, v in theirs.items()}
    assert ours != {"entity_f1": 1.0, "meeting_f1": 1.0, "meeting_args_exact": 1.0, "roles": 1.0}


SMALL = """
@prefix schema: <https://schema.org/> .
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<x:a> a schema:Person ; schema:name "Ann Lee" ; schema:memberOf <x:r> .
<x:r> schema:roleName "Foreign Minister" ; schema:memberOf <x:c> .
<x:c> a schema:Place ; schema:name "Ruritania" .
<x:b> a schema:Person ; schema:name "Bo Chan" .
<x:b2> a schema:Person ; schema:name "Chan" .
<x:z> a schema:Organization ; schema:name "Acme" .
<x:m> a schema:Event ; schema:attendee <x:a> , <x:b> ; schema:location <x:c> ;
    schema:startDate "2020-05-04"^^xsd:date ; ng:status ng:Planned .
<x:n> a schema:Event ; schema:attendee <x:z> .
"""
SMALL_GOLD = {
    "persons": [
        {
            "name": "Ann Lee",
            "aliases": [],
            "roles": [{"title": "Foreign Minister", "of": "Ruritania"}],
        },
        {
            "name": "Bo Chan",
            "aliases": ["Chan"],
            "roles": [{"title": "President", "of": "Ruritania"}],
        },
        {"name": "Cy Dee", "aliases": []},
    ],
    "organizations": [],
    "places": [{"name": "Ruritania", "aliases": []}, {"name": "Vienna", "aliases": []}],
    "meetings": [
        {
            "id": "m1",
            "participants": ["Ann Lee", "Bo Chan"],
            "location": "Vienna",
            "date": "2020-05",
            "status": "held",
        },
    ],
}


def test_figures_checked_by_hand(tmp_path: Path) -> None:
    graph = tmp_path / "small.ttl"
    graph.write_text(SMALL, encoding="utf-8")
    result = evaluate(load_graphs([str(graph)]), SMALL_GOLD)
    # persons: Ann and Bo found, Chan a duplicate of Bo, Cy missed -> P 2/3, R 2/3.
    persons = result.entities["persons"]
    assert (persons.tp, persons.fp, persons.fn) == (2, 1, 1)
    assert result.duplicates["persons"] == ["Bo Chan x2"]
    # organizations: Acme spurious; places: Ruritania found, Vienna missed.
    assert result.spurious["organizations"] == ["acme"]
    assert (result.entity_total.tp, result.entity_total.fp, result.entity_total.fn) == (3, 2, 2)
    # One meeting pairs (May 4 lies in May); the Acme one is spurious.
    assert (result.meetings.tp, result.meetings.fp, result.meetings.fn) == (1, 1, 0)
    # Participants exact, place wrong (Ruritania for Vienna), date not exact (day for month).
    assert result.arguments_exact == pytest.approx(1 / 3)
    assert result.arguments["status"].fp == 1  # planned for held
    # Ann's role is found; Bo's is not.
    assert (result.roles_found, result.roles_total) == (1, 2)


def test_cli_prints_a_table_and_json(seeds_build: tuple[Path, BuildResult]) -> None:
    out, _ = seeds_build
    runner = CliRunner()
    table = runner.invoke(main, ["evaluate", "--gold", str(GOLD), str(out / "graph.ttl")])
    assert table.exit_code == 0, table.output
    assert "meetings" in table.output
    assert "entity F1=1.00" in table.output
    data = runner.invoke(main, ["evaluate", "--gold", str(GOLD), "--json", str(out / "graph.ttl")])
    assert json.loads(data.output)["headline"]["meeting_f1"] == 1.0


def test_cli_unreadable_graph_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    run = CliRunner().invoke(main, ["evaluate", "--gold", str(GOLD), str(bad)])
    assert run.exit_code == 2
    assert "bad.ttl" in run.output


def test_no_lists_leaves_out_the_items(tmp_path: Path) -> None:
    graph = tmp_path / "small.ttl"
    graph.write_text(SMALL, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(SMALL_GOLD), encoding="utf-8")
    runner = CliRunner()
    full = runner.invoke(main, ["evaluate", "--gold", str(gold), str(graph)])
    bare = runner.invoke(main, ["evaluate", "--gold", str(gold), "--no-lists", str(graph)])
    assert "missed persons: Cy Dee" in full.output
    assert "missed" not in bare.output
    assert "spurious" not in bare.output
    assert bare.output.splitlines()[-1] == full.output.splitlines()[-1]
