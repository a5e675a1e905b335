"""Tests for the benchmark's figures: ratios, shares, the table, and the memory sampler."""

from __future__ import annotations

import subprocess
import sys

from newsgraph.bench import PeakMemory, Run, SizeResult, ratios, table


def result(articles: int, bare: float, clean: float, again: float) -> SizeResult:
    timings = {
        "nlp": 6.0,
        "extraction": 1.0,
        "resolution": 0.5,
        "mapping": 0.5,
        "validation": 1.5,
        "serialization": 0.5,
    }
    return SizeResult(
        articles=articles,
        words=100 * articles,
        bare=Run(bare),
        clean=Run(clean, peak_bytes=1_500_000_000, timings=timings),
        incremental=Run(again),
        new_articles=articles // 100,
        identical=True,
    )


def test_figures_are_ratios_of_the_measured_times() -> None:
    # 1,000 stories: bare 8 s, build 10 s, rebuild 0.4 s; 5,000: bare 40 s, build 55 s.
    small, large = ratios([result(1000, 8.0, 10.0, 0.4), result(5000, 40.0, 55.0, 2.0)])

    assert small["ratio_to_bare"] == 0.8
    assert small["articles_per_s"] == 100.0
    assert small["words_per_s"] == 10_000.0
    assert small["incremental_to_clean"] == 0.04
    assert small["peak_memory_gb"] == 1.5
    # Shares of the 10 s of stage time: validation 1.5, serialization 0.5.
    assert small["shares"]["nlp"] == 0.6
    assert small["validation_serialization_share"] == 0.2
    # 11 ms per article against 10 ms.
    assert round(large["ms_per_article_to_first"], 6) == 1.1


def test_the_table_has_a_column_per_size() -> None:
    text = table(ratios([result(1000, 8.0, 10.0, 0.4), result(5000, 40.0, 55.0, 2.0)]))

    lines = text.splitlines()
    assert lines[0] == "| | 1,000 stories | 5,000 stories |"
    assert "| **end to end / bare spaCy** | **0.80** | **0.73** |" in lines
    assert "| share: validation | 15.0% | 15.0% |" in lines
    assert (
        "| incremental (1% new) / clean | 0.04 (10 new, same bytes) | 0.04 (50 new, same bytes) |"
        in lines
    )


def test_peak_memory_counts_the_children() -> None:
    # A child that holds 200 MB for a second, under a parent that holds little.
    code = (
        "import subprocess, sys;"
        "subprocess.run([sys.executable, '-c',"
        ' \'import time; b = bytearray(200 * 2**20); b[::4096] = b"x" * len(b[::4096]);'
        " time.sleep(1.5)'], check=True)"
    )
    process = subprocess.Popen([sys.executable, "-c", code])
    with PeakMemory(process.pid, interval=0.05) as memory:
        process.wait()

    assert memory.peak > 200 * 2**20
    assert memory.peak < 400 * 2**20
