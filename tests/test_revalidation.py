"""Tests for incremental validation: the report of the whole graph, from the subjects that
changed and the previous results of the others."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsgraph import engine, revalidation
from newsgraph.build import OUTPUT_FILES, BuildResult, build
from newsgraph.export import read, triples_of
from newsgraph.validation import Report, validate_quads

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOOD = TESTS / "data" / "articles" / "good"
ID = "https://w3id.org/newsgraph/id/"
NG = "https://w3id.org/newsgraph/ontology#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
NAME = ox.NamedNode("https://schema.org/name")
MEMBER_OF = ox.NamedNode("https://schema.org/memberOf")
ANCHOR_OF = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")


@pytest.fixture(scope="module")
def seeds_graph(seeds_build: tuple[Path, BuildResult]) -> list[ox.Triple]:
    return list(triples_of(read(seeds_build[0] / "graph.nq")))


def whole_of(triples: list[ox.Triple]) -> Callable[[], Report]:
    return lambda: validate_quads([ox.Quad(t.subject, t.predicate, t.object) for t in triples])


def revalidate(before: list[ox.Triple], after: list[ox.Triple], folder: Path) -> tuple[Report, int]:
    """Validate ``before`` (which leaves a state in ``folder``), then ``after`` from it."""
    first, validated = revalidation.validate(before, folder, whole_of(before))
    assert validated == len({t.subject for t in before})
    assert first.turtle == whole_of(before)().turtle
    return revalidation.validate(after, folder, whole_of(after))


def test_the_same_graph_again_validates_nothing(
    seeds_graph: list[ox.Triple], tmp_path: Path
) -> None:
    report, validated = revalidate(seeds_graph, seeds_graph, tmp_path)

    assert validated == 0
    assert report.turtle == whole_of(seeds_graph)().turtle


def test_a_changed_node_is_validated_again(seeds_graph: list[ox.Triple], tmp_path: Path) -> None:
    person = next(t.subject for t in seeds_graph if "/person/" in t.subject.value)
    nameless = [t for t in seeds_graph if not (t.subject == person and t.predicate == NAME)]

    report, validated = revalidate(seeds_graph, nameless, tmp_path)

    assert validated == 1
    assert [v.focus for v in report.violations] == [person.value]
    assert report.turtle == whole_of(nameless)().turtle
    # And back: the violation goes, from the state the broken graph left.
    fixed, validated = revalidation.validate(seeds_graph, tmp_path, whole_of(seeds_graph))
    assert (validated, fixed.conforms, fixed.violations) == (1, True, ())


def test_a_node_pointing_to_a_node_whose_types_changed_is_validated_again(
    seeds_graph: list[ox.Triple], tmp_path: Path
) -> None:
    # A role is a schema:memberOf an organization; the organization loses its types. The
    # role's own triples do not change, yet it now breaks ng:RoleShape.
    role = next(t for t in seeds_graph if "/role/" in t.subject.value and t.predicate == MEMBER_OF)
    body = role.object
    untyped = [t for t in seeds_graph if not (t.subject == body and t.predicate == TYPE)]
    whole = whole_of(untyped)()
    assert role.subject.value in {v.focus for v in whole.violations}

    report, validated = revalidate(seeds_graph, untyped, tmp_path)

    pointing = {t.subject for t in seeds_graph if t.object == body}
    assert validated == len(pointing | {body})
    assert report.turtle == whole.turtle


def test_a_removed_node_takes_its_results_along(
    seeds_graph: list[ox.Triple], tmp_path: Path
) -> None:
    person = next(t.subject for t in seeds_graph if "/person/" in t.subject.value)
    nameless = [t for t in seeds_graph if not (t.subject == person and t.predicate == NAME)]
    # Gone altogether: its subject triples and every link to it.
    gone = [t for t in seeds_graph if person not in (t.subject, t.object)]

    report, _ = revalidate(nameless, gone, tmp_path)

    assert report.turtle == whole_of(gone)().turtle
    assert report.conforms


def test_a_graph_level_check_is_placed_at_the_node_it_reports(
    seeds_graph: list[ox.Triple], tmp_path: Path
) -> None:
    # An evidence span whose text does not fit its offsets: ng:EvidenceSpanShape reports it
    # with the class ng:Evidence as its focus node and the span as its value.
    span = next(t for t in seeds_graph if t.predicate == ANCHOR_OF)
    longer = ox.Triple(span.subject, ANCHOR_OF, ox.Literal(span.object.value + "!"))
    broken = [longer if t == span else t for t in seeds_graph]
    whole = whole_of(broken)()
    assert [(v.focus, v.owner) for v in whole.violations] == [(NG + "Evidence", span.subject.value)]

    report, validated = revalidate(seeds_graph, broken, tmp_path)
    assert (validated, report.turtle) == (1, whole.turtle)
    # Another node changes: the span's result is kept from the state.
    person = next(t.subject for t in broken if "/person/" in t.subject.value)
    renamed = [
        ox.Triple(t.subject, NAME, ox.Literal("Someone Else"))
        if t.subject == person and t.predicate == NAME
        else t
        for t in broken
    ]
    again, validated = revalidation.validate(renamed, tmp_path, whole_of(renamed))
    assert validated == 1
    assert again.turtle == whole_of(renamed)().turtle == whole.turtle


def test_other_shapes_have_another_state(
    seeds_graph: list[ox.Triple], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    revalidation.validate(seeds_graph, tmp_path, whole_of(seeds_graph))
    assert revalidation.StateFile(tmp_path).load() is not None
    calls: list[int] = []

    def whole() -> Report:
        calls.append(1)
        return whole_of(seeds_graph)()

    monkeypatch.setattr(revalidation, "shapes_version", lambda: "0123456789abcdef")

    assert revalidation.StateFile(tmp_path).load() is None
    _, validated = revalidation.validate(seeds_graph, tmp_path, whole)
    assert calls == [1]
    assert validated == len({t.subject for t in seeds_graph})


def test_the_shapes_version_follows_the_shapes_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = revalidation.shapes_version()
    package = tmp_path / "newsgraph"
    (package / "ontology").mkdir(parents=True)
    (package / "screens").mkdir()
    source = ROOT / "src" / "newsgraph"
    for name in ("validation.py",):
        (package / name).write_bytes((source / name).read_bytes())
    for screen in (source / "screens").iterdir():
        (package / "screens" / screen.name).write_bytes(screen.read_bytes())
    shapes = (ROOT / "ontology" / "shapes.ttl").read_bytes()
    (package / "ontology" / "shapes.ttl").write_bytes(shapes)
    monkeypatch.setattr(revalidation, "files", lambda name: package)
    revalidation.shapes_version.cache_clear()
    try:
        assert revalidation.shapes_version() == before
        (package / "ontology" / "shapes.ttl").write_bytes(shapes + b"\n# changed\n")
        revalidation.shapes_version.cache_clear()
        assert revalidation.shapes_version() != before
    finally:
        revalidation.shapes_version.cache_clear()


def test_an_unreadable_state_means_validating_everything(
    seeds_graph: list[ox.Triple], tmp_path: Path
) -> None:
    state = revalidation.StateFile(tmp_path)
    state.path.parent.mkdir(parents=True)
    state.path.write_text('{"format": 1, "nodes": [], "results": "x"}')

    report, validated = revalidation.validate(seeds_graph, tmp_path, whole_of(seeds_graph))

    assert validated == len({t.subject for t in seeds_graph})
    assert report.turtle == whole_of(seeds_graph)().turtle
    assert state.load() is not None


# --- whole builds ------------------------------------------------------------------------------


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_FILES}


def test_builds_with_changed_and_removed_articles_write_what_clean_builds_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "CHUNK_SIZE", 2)
    folder = tmp_path / "in"
    folder.mkdir()
    story = (GOOD / "islam-times.txt").read_text(encoding="utf-8")
    (folder / "islam-times.txt").write_text(story, encoding="utf-8")
    (folder / "agencies.jsonl").write_bytes((GOOD / "agencies.jsonl").read_bytes())
    inputs = [str(ROOT / "seeds"), str(folder)]
    store = tmp_path / "cache"
    build(inputs, tmp_path / "first", cache_dir=store)

    # A changed article: Geneva becomes Vienna, another place and another meeting.
    (folder / "islam-times.txt").write_text(story.replace("Geneva", "Vienna"), encoding="utf-8")
    changed = build(inputs, tmp_path / "changed", cache_dir=store)
    assert changed.cached == 4
    build(inputs, tmp_path / "clean-changed")
    assert outputs(tmp_path / "changed") == outputs(tmp_path / "clean-changed")

    # A removed article.
    (folder / "agencies.jsonl").unlink()
    removed = build(inputs, tmp_path / "removed", cache_dir=store)
    assert removed.cached == 3
    build(inputs, tmp_path / "clean-removed")
    assert outputs(tmp_path / "removed") == outputs(tmp_path / "clean-removed")
    assert outputs(tmp_path / "removed") != outputs(tmp_path / "changed")
    state = revalidation.StateFile(store).load()
    assert state is not None
    subjects = {q.subject for q in read(tmp_path / "removed" / "graph.nq")}
    assert len(state.summary.nodes) == len(subjects)
