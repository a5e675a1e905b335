"""Acceptance on the seed articles: output/ is current, and the shared scorer's bars are met."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.build import OUTPUT_FILES, BuildResult

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "seeds.gold.json"
BARS = {"entity_f1": 0.95, "meeting_f1": 0.90, "meeting_args_exact": 0.90, "roles": 0.85}


def test_committed_output_is_what_the_build_produces(seeds_build: tuple[Path, BuildResult]) -> None:
    out, _ = seeds_build
    for name in OUTPUT_FILES:
        committed = ROOT / "output" / name
        assert committed.exists(), f"output/{name} is missing: run `make run` and commit output/"
        assert committed.read_bytes() == (out / name).read_bytes(), (
            f"output/{name} differs from a fresh build of seeds/: run `make run` and commit output/"
        )


def test_seeds_graph_conforms(seeds_build: tuple[Path, BuildResult]) -> None:
    _, result = seeds_build
    assert result.report.conforms, [str(v) for v in result.report.violations]


def _figures(graph: Path) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, str(SCORER), "--json", "--gold", str(GOLD), str(graph)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    figures = next(line for line in run.stdout.splitlines() if line.startswith("{"))
    return {name: float(value) for name, value in json.loads(figures).items()}


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld"])
def test_shared_scorer_bars(seeds_build: tuple[Path, BuildResult], name: str) -> None:
    out, _ = seeds_build
    figures = _figures(out / name)
    for bar, minimum in BARS.items():
        assert figures[bar] >= minimum, f"{name}: {bar} = {figures[bar]} < {minimum}"


@pytest.mark.parametrize("seed", ["1", "2"])
def test_build_is_byte_identical_across_processes(
    seeds_build: tuple[Path, BuildResult], tmp_path: Path, seed: str
) -> None:
    """Hash randomisation and a fresh process change nothing in the output."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    newsgraph = Path(sys.executable).parent / "newsgraph"
    run = subprocess.run(
        [str(newsgraph), "build", str(ROOT / "seeds"), "--out", str(tmp_path), "-q"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    out, _ = seeds_build
    for name in OUTPUT_FILES:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
