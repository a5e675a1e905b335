"""Tests for the build's scaling: worker processes, the per-article cache, stage timings.

Every comparison is byte for byte against a clean build in one process, without the cache.
Chunks of two articles make even these few articles travel in several chunks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import engine
from newsgraph.build import OUTPUT_FILES, BuildResult, Timings, build

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOOD = TESTS / "data" / "articles" / "good"
# Six articles: the two seeds, two article files and two JSON Lines records.
FIRST = [str(ROOT / "seeds"), str(GOOD / "islam-times.txt")]
ALL = [*FIRST, str(GOOD / "no-publisher.txt"), str(GOOD / "agencies.jsonl")]


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_FILES}


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "CHUNK_SIZE", 2)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    out = tmp_path_factory.mktemp("clean")
    return out, build(ALL, out)


def test_the_clean_build_reads_every_article(clean: tuple[Path, BuildResult]) -> None:
    _, result = clean

    assert result.articles == 6
    assert result.cached == 0
    assert result.report.conforms
    # `wc -w` of each file less its header's words ("date 2022-01-20 Islam Times -" is 5):
    # seeds 307 - 5 and 418 - 2, islam-times 49 - 5, no-publisher 36 - 2, the records 18 + 17.
    assert result.words == 302 + 416 + 44 + 34 + 35


def test_two_worker_processes_give_the_same_files(
    clean: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    progress: list[tuple[int, int]] = []

    result = build(ALL, tmp_path, jobs=2, on_progress=lambda d, t: progress.append((d, t)))

    assert outputs(tmp_path) == outputs(clean[0])
    assert result.articles == 6
    assert progress == [(0, 6), (2, 6), (4, 6), (6, 6)]


def test_an_incremental_build_extracts_only_the_new_articles(
    clean: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    store = tmp_path / "cache"
    first = build(FIRST, tmp_path / "first", cache_dir=store)
    progress: list[tuple[int, int]] = []

    again = build(
        ALL, tmp_path / "again", cache_dir=store, on_progress=lambda d, t: progress.append((d, t))
    )

    assert first.cached == 0
    assert again.cached == 3
    assert progress == [(3, 6), (5, 6), (6, 6)]
    assert outputs(tmp_path / "again") == outputs(clean[0])
    # Everything cached now: nothing is parsed, and the files are still the same.
    third = build(ALL, tmp_path / "third", cache_dir=store)
    assert third.cached == 6
    assert third.timings["nlp"] == 0.0
    assert outputs(tmp_path / "third") == outputs(clean[0])


def test_a_corrupt_entry_is_extracted_again(
    clean: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    store = tmp_path / "cache"
    build(ALL, tmp_path / "first", cache_dir=store)
    entries = sorted(store.rglob("*.json"))
    assert len(entries) == 6
    entries[0].write_text('{"format": 1, "records": {"article": ')
    warnings: list[str] = []

    result = build(ALL, tmp_path / "again", cache_dir=store, on_warning=warnings.append)

    assert result.cached == 5
    assert len(warnings) == 1
    assert str(entries[0]) in warnings[0]
    assert outputs(tmp_path / "again") == outputs(clean[0])
    # The entry was written anew.
    assert build(ALL, tmp_path / "third", cache_dir=store).cached == 6


def test_timings_cover_every_stage(clean: tuple[Path, BuildResult]) -> None:
    _, result = clean

    assert list(result.timings) == list(Timings.STAGES)
    for stage in ("nlp", "extraction", "resolution", "mapping", "validation", "serialization"):
        assert result.timings[stage] > 0, stage
    assert sum(result.timings.values()) <= result.seconds * 1.01
