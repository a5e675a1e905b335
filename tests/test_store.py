"""The embedded store: loading builds, ready queries checked by hand on the seeds, safety."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from newsgraph.build import BuildResult
from newsgraph.cli import main
from newsgraph.store import load, query, ready_queries

ID = "https://w3id.org/newsgraph/id/"


@pytest.fixture
def store(seeds_build: tuple[Path, BuildResult], tmp_path: Path) -> Path:
    out, _ = seeds_build
    path = tmp_path / "store"
    load([str(out)], path)
    return path


def _rows(store: Path, name: str, **params: str) -> list[tuple[str, ...]]:
    result = query(ready_queries()[name], store, params)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [tuple("" if s[n] is None else s[n].value for n in names) for s in result]


def test_who_met_whom_lists_the_seeds_six_meetings(store: Path) -> None:
    rows = {(r[1], r[2], r[3], r[4]) for r in _rows(store, "who-met-whom")}
    # The six meetings of the two seed articles, read off the texts.
    assert rows == {
        ("NATO, Russia", "", "", "Planned"),
        ("NATO, Russia, United States", "2022-01", "", "Planned"),
        ("Russia, United States", "2022-01-10", "Geneva", "Held"),
        ("NATO, Russia", "2022-01-12", "Brussels", "Held"),
        ("OSCE", "2022-01-13", "Vienna", "Held"),
        ("Antony Blinken, Sergey Lavrov", "2022-01-21", "Geneva", "Planned"),
    }


def test_meetings_by_place_and_by_month(store: Path) -> None:
    assert _rows(store, "meetings-by-place") == [
        ("Geneva", "2"),
        ("Brussels", "1"),
        ("Vienna", "1"),
    ]
    assert _rows(store, "meetings-by-month") == [("2022-01", "5")]


def test_roles_of_a_person_over_time(store: Path) -> None:
    rows = _rows(store, "roles-of-person", person=f"{ID}person/sergei-lavrov")
    # Named Foreign Minister of Russia in the article of 2021-12-28 and in that of 2022-01-20.
    assert [r[1:] for r in rows] == [("Foreign Minister", "Russia", "2021-12-28", "2022-01-20")]


def test_co_participation(store: Path) -> None:
    pairs = {(r[0], r[1]): r[2] for r in _rows(store, "co-participation")}
    assert pairs[("NATO", "Russia")] == "3"
    assert pairs[("Russia", "United States")] == "2"
    assert pairs[("Antony Blinken", "Sergey Lavrov")] == "1"


def test_articles_of_a_meeting(store: Path) -> None:
    council = next(
        r[0] for r in _rows(store, "who-met-whom") if r[0].startswith("NATO-Russia Council")
    )
    iri = query(
        "PREFIX schema: <https://schema.org/> "
        "SELECT DISTINCT ?m ?name WHERE { ?m schema:name ?name }",
        store,
        {"name": council},
    )
    assert isinstance(iri, ox.QuerySolutions)
    (solution,) = list(iri)
    rows = _rows(store, "articles-of-meeting", meeting=solution["m"].value)
    assert [r[2] for r in rows] == ["2021-12-28", "2022-01-20"]


def test_most_mentioned(store: Path) -> None:
    top = {r[0] for r in _rows(store, "most-mentioned") if r[2] == "2"}
    assert {"NATO", "Russia", "Sergey Lavrov", "United States"} <= top


def test_loading_again_replaces_each_article_graph(
    seeds_build: tuple[Path, BuildResult], store: Path
) -> None:
    out, _ = seeds_build
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = query(count, store)
    assert isinstance(before, ox.QuerySolutions)
    first = next(iter(before))["n"].value
    load([str(out / "graph.nq")], store)
    after = query(count, store)
    assert isinstance(after, ox.QuerySolutions)
    assert next(iter(after))["n"].value == first


def test_cli_query_is_read_only_unless_allowed(store: Path) -> None:
    runner = CliRunner()
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    refused = runner.invoke(main, ["query", update, "--store", str(store)])
    assert refused.exit_code == 2
    assert "--allow-update" in refused.output
    allowed = runner.invoke(main, ["query", update, "--allow-update", "--store", str(store)])
    assert allowed.exit_code == 0, allowed.output
    ask = runner.invoke(main, ["query", "ASK { <urn:x> <urn:y> <urn:z> }", "--store", str(store)])
    assert ask.output.strip() == "true"


def test_cli_lists_and_runs_ready_queries(store: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["query", "--list"])
    assert set(ready_queries()) == {line.split(":")[0] for line in listed.output.splitlines()}
    csv = runner.invoke(
        main, ["query", "--name", "meetings-by-place", "--format", "csv", "--store", str(store)]
    )
    assert csv.output.splitlines()[:2] == ["place,meetings", "Geneva,2"]
    unknown = runner.invoke(main, ["query", "--name", "nope", "--store", str(store)])
    assert unknown.exit_code == 2
    assert "who-met-whom" in unknown.output


def test_a_parameter_the_query_does_not_select_is_an_input_error(store: Path) -> None:
    run = CliRunner().invoke(
        main, ["query", "SELECT ?s WHERE { ?s ?p ?o }", "--param", "o=x", "--store", str(store)]
    )
    assert run.exit_code == 2
    assert "cannot bind" in run.output


def test_parameters_are_terms_not_text(store: Path) -> None:
    hostile = 'x" } ; DROP ALL ; SELECT * { "'
    rows = _rows(store, "roles-of-person", person=hostile)
    assert rows == []


README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def test_the_readme_example_query_finds_the_seeds_meetings(
    seeds_build: tuple[Path, BuildResult],
) -> None:
    out, _ = seeds_build
    assert README.count("```sparql\n") == 1
    text = README.split("```sparql\n")[1].split("```")[0]
    graph = ox.Store()
    graph.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    rows = {
        (s["meeting"].value, s["where"].value if s["where"] else "", s["status"].value)
        for s in graph.query(text)
    }
    meetings = {m for m, _, _ in rows}
    # The six meetings of the two seed articles, read off the texts.
    assert len(meetings) == 6
    assert ("NATO-Russia Council meeting in Brussels, 2022-01-12", "Brussels", NG_HELD) in rows


NG_HELD = "https://w3id.org/newsgraph/ontology#Held"


def test_every_command_of_loading_and_querying_runs(
    seeds_build: tuple[Path, BuildResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = seeds_build
    monkeypatch.chdir(tmp_path)
    (tmp_path / "output").symlink_to(out)
    sparql = README.split("```sparql\n")[1].split("```")[0]
    (tmp_path / "my-query.rq").write_text(sparql, encoding="utf-8")
    block = _section("Loading and querying").split("```sh\n")[1].split("```")[0]
    commands = [
        line.split("#")[0].replace("\\\n", " ").split()
        for line in block.replace("\\\n", " ").splitlines()
        if line.strip()
    ]
    assert len(commands) == 5
    runner = CliRunner()
    outputs = []
    for words in commands:
        assert words[0] == ".venv/bin/newsgraph"
        run = runner.invoke(main, words[1:])
        assert run.exit_code == 0, (words, run.output)
        outputs.append(run.stdout)
    assert "who-met-whom" in outputs[1]
    assert outputs[2].count("Held") == 3
    assert outputs[2].count("Planned") == 3
    assert "Foreign Minister" in outputs[3]
    assert outputs[4].splitlines()[0] == "meeting,who,where,when,status"
