"""The bad-input corpus (tests/data/bad/): each file's documented outcome, alone and in a batch.

manifest.json gives, for each file, the exit code of a build of that file alone, the number of
articles built and the messages (file or file:line, and words the line holds). The spaCy
pipeline is loaded once for the module, not once per build.
"""

from __future__ import annotations

import json
import tracemalloc
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF
from spacy.language import Language

import newsgraph.build
import newsgraph.engine
from newsgraph import ingest
from newsgraph.cli import main
from newsgraph.extract.nlp import DEFAULT_MODEL
from newsgraph.ingest import Problem

BAD = Path(__file__).resolve().parent / "data" / "bad"
MANIFEST: list[dict[str, Any]] = json.loads((BAD / "manifest.json").read_text(encoding="utf-8"))
NG = Namespace("https://w3id.org/newsgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
NO_ENTITIES = "no people, organizations or places found"


@pytest.fixture(scope="module", autouse=True)
def one_pipeline(nlp: Language) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(newsgraph.engine._PIPELINES, DEFAULT_MODEL, nlp)
        yield


def run(args: Sequence[str]) -> Result:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def where(case: dict[str, Any], message: dict[str, Any]) -> str:
    path = str(BAD / case["file"])
    return path if message["line"] is None else f"{path}:{message['line']}"


def articles_in(out: Path) -> int:
    graph = Graph().parse(out / "graph.ttl")
    return len(set(graph.subjects(RDF.type, SCHEMA.NewsArticle)))


def test_the_corpus_is_large_and_every_file_is_documented() -> None:
    files = {p.name for p in BAD.iterdir() if p.name not in ("manifest.json", "README.md")}
    files.discard(".gitattributes")
    assert len(files) >= 30
    assert files == {case["file"] for case in MANIFEST}
    table = (BAD / "README.md").read_text(encoding="utf-8")
    for case in MANIFEST:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{case['file']}`"))
        assert f"| {case['outcome']} | {case['exit']} | {case['articles']} |" in row


@pytest.mark.parametrize("case", MANIFEST, ids=lambda c: c["file"])
def test_each_file_alone_has_its_documented_outcome(case: dict[str, Any], tmp_path: Path) -> None:
    path = BAD / case["file"]
    out = tmp_path / "out"

    result = run(["build", str(path), "--out", str(out), *case["args"]])

    assert result.exit_code == case["exit"], result.output
    naming = [
        line
        for line in result.stderr.splitlines()
        if line.startswith(f"newsgraph: {path}") and NO_ENTITIES not in line
    ]
    # One line per documented message, and no other line about the file.
    assert len(naming) == len(case["messages"]), result.stderr
    for message in case["messages"]:
        start = f"newsgraph: {where(case, message)}: "
        found = [line for line in naming if line.startswith(start)]
        assert len(found) == 1, result.stderr
        assert message["contains"] in found[0]
    if case["articles"]:
        assert articles_in(out) == case["articles"]
    else:
        assert not out.exists() or not any(out.iterdir())
        assert "nothing was written" in result.stderr


def test_the_whole_corpus_in_one_batch_builds_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch = [c for c in MANIFEST if not c["args"]]

    result = run(["build", *(str(BAD / c["file"]) for c in batch), "--out", str(out)])

    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    for case in batch:
        for message in case["messages"]:
            start = f"newsgraph: {where(case, message)}: "
            assert [line for line in lines if line.startswith(start)], (start, result.stderr)
    # An accepted file is built, or named as the same article as one built before it.
    for case in batch:
        if case["outcome"].startswith("accepted"):
            prefix = f"newsgraph: {BAD / case['file']}"
            allowed = [
                NO_ENTITIES,
                "the same article as",
                *(m["contains"] for m in case["messages"]),
            ]
            about = [line for line in lines if line.startswith(prefix)]
            assert all(any(a in line for a in allowed) for line in about), about
    built = int(result.stderr.split("built ", 1)[1].split(" articles", 1)[0])
    assert articles_in(out) == built
    # Files holding the same article as another file (duplicate.jsonl's own second line is
    # counted in its manifest entry already).
    duplicates = sum(
        "the same article as" in line and str(BAD / "duplicate.jsonl:2") not in line
        for line in lines
    )
    expected = sum(c["articles"] for c in batch)
    assert built == expected - duplicates


def test_strict_stops_at_the_first_problem_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = [str(BAD / "utf8-bom.txt"), str(BAD / "latin1.txt"), str(BAD / "binary.txt")]

    result = run(["build", *inputs, "--out", str(out), "--strict"])

    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(BAD / "latin1.txt") in result.stderr
    assert str(BAD / "binary.txt") not in result.stderr
    assert not out.exists()


FIFTY_MB = 50_000_000


def test_a_50_mb_article_is_refused_without_being_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(b" date 2022-01-20 Reuters - ")
        for _ in range(FIFTY_MB // 1_000_000):
            handle.write(b"Lavrov met Blinken. " * 50_000)
    lines = tmp_path / "big.jsonl"
    with lines.open("wb") as handle:
        handle.write(b'{"date": "2022-01-20", "text": "')
        for _ in range(FIFTY_MB // 1_000_000):
            handle.write(b"Lavrov met Blinken. " * 50_000)
        handle.write(b'"}\n{"date": "2022-01-21", "text": "Lavrov met Blinken."}\n')

    tracemalloc.start()
    try:
        items = list(ingest.read([str(big), str(lines)], 1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.source for p in problems] == [str(big), f"{lines}:1"]
    assert str(FIFTY_MB + 27) in problems[0].message
    assert all("--max-article-bytes" in p.message for p in problems)
    assert [i.text for i in items if not isinstance(i, Problem)] == ["Lavrov met Blinken."]
    # A bound of 1 MB, not the 50 MB of either file, is what is held in memory.
    assert peak < 5_000_000, peak


def test_the_default_bound_is_5_mb(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b" date 2022-01-20 Reuters - " + b"x" * 5_000_000)

    result = run(["build", str(big), "--out", str(tmp_path / "out")])

    assert result.exit_code == 2
    assert f"{big}: 5000027 bytes, over the limit of 5000000 (--max-article-bytes)" in result.stderr


def build_jsonl(tmp_path: Path, texts: Sequence[str]) -> Graph:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": str(n), "date": "2022-01-20", "text": t}) + "\n"
            for n, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    result = run(["build", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    return Graph().parse(tmp_path / "out" / "graph.ttl")


def test_nfc_and_nfd_names_are_one_node(tmp_path: Path) -> None:
    text = "Spanish Foreign Minister Jos\u00e9 Manuel Albares met Sergei Lavrov in Geneva."
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text

    graph = build_jsonl(tmp_path, [text, nfd])

    names = {str(o) for o in graph.objects(None, SCHEMA.name)}
    assert "Jos\u00e9 Manuel Albares" in names
    assert not any(unicodedata.normalize("NFC", n) != n for n in names)
    albares = list(graph.subjects(SCHEMA.name, Literal("Jos\u00e9 Manuel Albares")))
    assert len(albares) == 1
    # Both articles mention the one node.
    assert len(list(graph.subjects(SCHEMA.mentions, albares[0]))) == 2


def test_a_zero_width_space_does_not_split_a_name(tmp_path: Path) -> None:
    graph = build_jsonl(
        tmp_path,
        [
            "Foreign Minister Sergei Lavrov met Antony Blinken in Geneva.",
            "Foreign Minister Sergei Lav\u200brov met Antony Blinken in Gen\u00adeva.",
        ],
    )

    assert {str(o) for o in graph.objects(None, SCHEMA.name)} >= {"Sergei Lavrov", "Geneva"}
    assert not any("\u200b" in str(o) or "\u00ad" in str(o) for o in graph.objects())


def test_a_mixed_script_name_is_marked_and_warned_about(tmp_path: Path) -> None:
    path = BAD / "mixed-script-name.txt"
    out = tmp_path / "out"

    result = run(["build", str(path), "--out", str(out)])

    assert result.exit_code == 0
    graph = Graph().parse(out / "graph.ttl")
    marked = set(graph.subjects(NG.mixedScript, Literal(True)))
    spoofed = {
        s
        for s, o in graph.subject_objects(SCHEMA.name)
        if "\u0430" in str(o) and (s, RDF.type, SCHEMA.Person) in graph
    }
    assert marked == spoofed
    assert len(marked) == 1
    assert "mixes Latin and Cyrillic letters" in result.stderr
    # The Latin-only names are not marked.
    assert not marked & set(graph.subjects(SCHEMA.name, Literal("Antony Blinken")))
