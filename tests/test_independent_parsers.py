"""Every exported file is read by parsers we do not use ourselves: raptor's rapper and Apache
Jena's riot; Jena's SHACL engine agrees with pySHACL on the seeds and every shapes fixture.

rapper reads Turtle and N-Quads; it has no JSON-LD parser, so graph.jsonld is read by Jena only.
Jena 4.5's JSON-LD 1.1 reader fails on start-up, so the JSON-LD is read as JSON-LD 1.0 after
dropping the context's "@version": 1.1 (the context uses no 1.1 feature).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from spacy.language import Language

import jena
import newsgraph.build
import newsgraph.engine
from conftest import ROOT, SEEDS, require_tool
from newsgraph.build import build
from newsgraph.extract.nlp import DEFAULT_MODEL
from newsgraph.validation import validate_file

SHAPES = ROOT / "ontology" / "shapes.ttl"
FIXTURES = ROOT / "tests" / "data" / "shapes"
BATCH = ROOT / "tests" / "data" / "jena" / "ShaclBatch.java"
HOSTILE = [
    'Sergei Lavrov met "Antony Blinken" <in> Geneva\\ on January 21. \u202eNATO\u202c said.',
    "Wang\u200b Yi met Jos\u00e9 Manuel Albares \U0001f91d in Moscow\x07 "
    "\u0627\u0644\u0642\u0627\u0647\u0631\u0629.",
    "Russian Foreign Minister Sergei L\u0430vrov will meet the United Nations chief {x} @prefix.",
]


@pytest.fixture(scope="module")
def builds(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seeds and a few hostile articles, each built into its own folder."""
    base = tmp_path_factory.mktemp("independent")
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(newsgraph.engine._PIPELINES, DEFAULT_MODEL, nlp)
        build([str(SEEDS)], base / "seeds")
        source = base / "hostile.jsonl"
        source.write_text(
            "".join(
                json.dumps({"id": str(n), "date": "2022-01-20", "text": t, "title": t}) + "\n"
                for n, t in enumerate(HOSTILE)
            ),
            encoding="utf-8",
        )
        build([str(source)], base / "hostile")
    return {"seeds": base / "seeds", "hostile": base / "hostile"}


@pytest.fixture(scope="module")
def classpath(tmp_path_factory: pytest.TempPathFactory) -> str:
    return jena.classpath(tmp_path_factory)


def count(path: Path, fmt: ox.RdfFormat) -> int:
    return len(list(ox.parse(path=str(path), format=fmt)))


RAPPER = [
    ("graph.ttl", "turtle", ox.RdfFormat.TURTLE),
    ("graph.nq", "nquads", ox.RdfFormat.N_QUADS),
    ("validation.ttl", "turtle", ox.RdfFormat.TURTLE),
]


@pytest.mark.parametrize("which", ["seeds", "hostile"])
@pytest.mark.parametrize(("name", "syntax", "fmt"), RAPPER, ids=[r[0] for r in RAPPER])
def test_rapper_reads_every_file_and_counts_the_same(
    builds: dict[str, Path], which: str, name: str, syntax: str, fmt: ox.RdfFormat
) -> None:
    rapper = require_tool("rapper", "raptor2-utils")
    path = builds[which] / name

    result = subprocess.run(
        [rapper, "-i", syntax, "-c", str(path)], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    assert "Warning" not in result.stderr, result.stderr
    found = re.search(r"returned (\d+) (?:triples|statements)", result.stderr)
    assert found is not None, result.stderr
    assert int(found[1]) == count(path, fmt)


def jsonld10(path: Path, target: Path) -> Path:
    document = json.loads(path.read_bytes())
    assert document["@context"].pop("@version") == 1.1
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.mark.parametrize("which", ["seeds", "hostile"])
def test_jena_riot_validates_every_file(
    builds: dict[str, Path], which: str, classpath: str, tmp_path: Path
) -> None:
    folder = builds[which]
    files = [folder / name for name in ("graph.ttl", "graph.nq", "validation.ttl")]

    plain = jena.riot_validate(classpath, *files)
    as_jsonld10 = jena.riot_validate(
        classpath, jsonld10(folder / "graph.jsonld", tmp_path / "graph.jsonld"), syntax="jsonld10"
    )

    for result in (plain, as_jsonld10):
        assert result.returncode == 0, result.stderr
        assert "ERROR" not in result.stderr, result.stderr
        assert "WARN" not in result.stderr, result.stderr


def test_riot_rejects_what_it_should(classpath: str, tmp_path: Path) -> None:
    # The checks above can fail: an IRI with a space is an error for riot.
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a b> <http://example.org/p> 1 .\n", encoding="utf-8")
    result = jena.riot_validate(classpath, bad)
    assert result.returncode != 0 or "ERROR" in result.stderr


def test_jena_shacl_command_says_the_seeds_conform(builds: dict[str, Path], classpath: str) -> None:
    result = jena.shacl_validate(classpath, SHAPES, builds["seeds"] / "graph.ttl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Conforms"


def node(focus: str) -> str:
    """A focus node as the Java side prints it: blank nodes (no IRI scheme) as _:b."""
    return focus if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", focus) else "_:b"


def shacl_files(builds: dict[str, Path]) -> list[Path]:
    return [
        builds["seeds"] / "graph.ttl",
        builds["hostile"] / "graph.ttl",
        *sorted((FIXTURES / "valid").glob("*.ttl")),
        *sorted((FIXTURES / "invalid").glob("*.ttl")),
    ]


def test_jena_shacl_agrees_with_pyshacl_on_every_file(
    builds: dict[str, Path], classpath: str
) -> None:
    require_tool("javac", "default-jdk-headless")
    files = shacl_files(builds)
    # Every invalid fixture is compared, not a sample (there are 94).
    assert len([f for f in files if f.parent.name == "invalid"]) >= 90

    result = jena.run(classpath, str(BATCH), str(SHAPES), *map(str, files))

    assert result.returncode == 0, result.stderr
    jena_says: dict[str, tuple[bool, set[tuple[str, str]]]] = {}
    for line in result.stdout.splitlines():
        fields = line.split("\t")
        if len(fields) == 2:
            jena_says[fields[0]] = (fields[1] == "conforms", set())
        else:
            jena_says[fields[0]][1].add((fields[1], fields[2].removesuffix("ConstraintComponent")))
    assert set(jena_says) == set(map(str, files))
    for path in files:
        report = validate_file(str(path))
        ours = (report.conforms, {(node(v.focus), v.constraint) for v in report.violations})
        assert jena_says[str(path)] == ours, path
    invalid = [str(f) for f in files if f.parent.name == "invalid"]
    assert not any(jena_says[f][0] for f in invalid)
