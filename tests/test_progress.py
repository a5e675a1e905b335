"""Tests for the progress bar: its text, and how it draws and clears one stderr line."""

from __future__ import annotations

import io

from newsgraph.progress import Bar, line


def test_the_line_gives_rate_and_time_left() -> None:
    # 50 of 200 done in 10 s: 5 articles/s, 150 left take 30 s; a quarter of 24 marks is 6.
    text = line(50, 200, 10.0)

    assert text == "[######..................] 50/200 articles, 5.0 articles/s, ETA 0m30s"


def test_articles_from_the_cache_do_not_count_for_the_rate() -> None:
    # 100 came from the cache at once; 20 more in 4 s is 5 articles/s; 80 left take 16 s.
    assert line(120, 200, 4.0, base=100).endswith("120/200 articles, 5.0 articles/s, ETA 0m16s")


def test_long_waits_are_told_in_hours() -> None:
    # 1 article/s and 7,380 left: 2 h 03 min.
    assert line(20, 7400, 20.0).endswith("ETA 2h03m")


def test_the_bar_draws_on_one_line_and_clears_it() -> None:
    stream = io.StringIO()
    bar = Bar(stream, interval=0.0)

    bar(0, 4)
    bar(4, 4)
    bar.close()

    written = stream.getvalue()
    assert written.count("\r[") == 2
    assert "4/4 articles" in written
    assert "\n" not in written
    assert written.endswith("\r")
