"""Crash safety: a build or a store load killed with SIGKILL at any moment leaves the old state
or the new one, never a mix, and a rerun completes.

Builds run in forked children, so that the spaCy pipeline loaded once here is shared; a child is
killed at each named stage (NEWSGRAPH_CRASH_AT) and at random moments.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from spacy.language import Language

import newsgraph.build
import newsgraph.engine
from newsgraph import crashsafe
from newsgraph.build import OUTPUT_FILES, build
from newsgraph.extract.nlp import DEFAULT_MODEL
from newsgraph.store import load

OLD = "Foreign Minister Sergei Lavrov met Antony Blinken in Geneva on January 21."
NEW = "Wang Yi met Sergei Lavrov in Moscow on March 3. Blinken will visit Kyiv in April."
STAGES = [
    *(f"staged:{name}" for name in sorted(OUTPUT_FILES)),
    "committed",
    *(f"renamed:{name}" for name in sorted(OUTPUT_FILES)),
]


@pytest.fixture(scope="module", autouse=True)
def one_pipeline(nlp: Language) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(newsgraph.engine._PIPELINES, DEFAULT_MODEL, nlp)
        yield


def article(folder: Path, text: str, date: str) -> str:
    path = folder / f"{date}.txt"
    path.write_text(f" date {date} Reuters - {text}\n", encoding="utf-8")
    return str(path)


def contents(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES if (out / name).exists()}


@pytest.fixture(scope="module")
def builds(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[str, str, dict[str, bytes], dict[str, bytes]]:
    """Two inputs and the files each builds into a fresh folder."""
    folder = tmp_path_factory.mktemp("crash-inputs")
    old, new = article(folder, OLD, "2022-01-20"), article(folder, NEW, "2022-02-20")
    build([old], folder / "old")
    build([new], folder / "new")
    old_files, new_files = contents(folder / "old"), contents(folder / "new")
    assert old_files.keys() == new_files.keys() == set(OUTPUT_FILES)
    assert all(old_files[n] != new_files[n] for n in ("graph.ttl", "graph.nq", "graph.jsonld"))
    return old, new, old_files, new_files


def in_child(work: Callable[[], None], *, kill_after: float | None = None) -> int:
    """Run ``work`` in a forked child; return the signal that ended it (0 if none)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            work()
        finally:
            os._exit(0)
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0


def assert_old_or_new(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    """What newsgraph's readers see after a crash: every file of one build, recovered first."""
    committed = (out / crashsafe.STAGING / crashsafe.COMMITTED).exists()
    before = contents(out)
    crashsafe.recover(out)
    after = contents(out)
    assert not (out / crashsafe.STAGING).exists()
    if committed:
        assert after == new
        return "new"
    # Without a commit nothing was renamed: the files were the old ones all along.
    assert before == after
    assert after in (old, new)
    return "old" if after == old else "new"


@pytest.mark.parametrize("stage", STAGES)
def test_a_build_killed_at_each_stage_leaves_old_or_new_files(
    stage: str, builds: tuple[str, str, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    old, new, old_files, new_files = builds
    out = tmp_path / "out"
    build([old], out)

    def killed_build() -> None:
        os.environ[crashsafe.CRASH_AT] = stage
        build([new], out)

    assert in_child(killed_build) == signal.SIGKILL

    seen = assert_old_or_new(out, old_files, new_files)
    assert seen == ("old" if stage.startswith("staged:") else "new")
    # A rerun completes and leaves no staging behind.
    build([new], out)
    assert contents(out) == new_files
    assert not (out / crashsafe.STAGING).exists()


def test_a_killed_build_is_finished_by_the_next_build_of_other_input(
    builds: tuple[str, str, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    old, new, old_files, _ = builds
    out = tmp_path / "out"

    def killed_build() -> None:
        os.environ[crashsafe.CRASH_AT] = "renamed:graph.jsonld"
        build([new], out)

    assert in_child(killed_build) == signal.SIGKILL
    assert (out / crashsafe.STAGING / crashsafe.COMMITTED).exists()

    build([old], out)

    assert contents(out) == old_files


RANDOM_KILLS = 10


def test_builds_killed_at_random_moments_leave_old_or_new_files(
    builds: tuple[str, str, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    old, new, old_files, new_files = builds
    out = tmp_path / "out"
    started = time.monotonic()
    build([new], tmp_path / "timing")
    duration = time.monotonic() - started
    chance = random.Random(1)
    seen = []
    for _ in range(RANDOM_KILLS):
        build([old], out)
        delay = chance.uniform(0.5, 1.2) * duration
        in_child(lambda: build([new], out), kill_after=delay)
        seen.append(assert_old_or_new(out, old_files, new_files))
    assert len(seen) == RANDOM_KILLS


def quads_of(store_path: Path) -> set[ox.Quad]:
    store = ox.Store(str(store_path))
    try:
        return set(store)
    finally:
        del store


def test_store_loads_killed_at_random_moments_leave_old_or_new_graphs(
    builds: tuple[str, str, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    _, new, _, _ = builds
    # One article (the same id) rebuilt with other text: its graph is replaced on load.
    old_out, new_out = tmp_path / "old", tmp_path / "new"
    (tmp_path / "in").mkdir()
    for name, text in (("a", OLD), ("b", NEW)):
        (tmp_path / "in" / f"{name}.jsonl").write_text(
            f'{{"id": "same", "date": "2022-01-20", "text": "{text}"}}\n', encoding="utf-8"
        )
    build([str(tmp_path / "in" / "a.jsonl")], old_out)
    build([str(tmp_path / "in" / "b.jsonl"), new], new_out)
    store_path = tmp_path / "store"
    reference = tmp_path / "reference"
    load([str(old_out)], reference)
    old_state = quads_of(reference)
    load([str(new_out)], reference)
    new_state = quads_of(reference)
    assert old_state != new_state
    assert not new_state >= old_state  # the rebuilt article's old triples are gone

    started = time.monotonic()
    load([str(new_out)], tmp_path / "timing")
    duration = time.monotonic() - started
    chance = random.Random(2)
    outcomes = []
    for _ in range(RANDOM_KILLS):
        if store_path.exists():
            for path in sorted(store_path.rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
        load([str(old_out)], store_path)
        delay = chance.uniform(0.2, 1.2) * duration
        in_child(lambda: load([str(new_out)], store_path), kill_after=delay)
        state = quads_of(store_path)
        assert state in (old_state, new_state)
        outcomes.append(state == new_state)
    # A rerun completes.
    load([str(new_out)], store_path)
    assert quads_of(store_path) == new_state
