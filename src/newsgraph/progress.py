"""A progress bar for long builds: articles done, articles per second and time left, on stderr."""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 24


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


def line(done: int, total: int, elapsed: float, base: int = 0) -> str:
    """The bar's text: ``base`` articles came at once (from the cache) and do not count for
    the rate."""
    share = done / total if total else 1.0
    filled = round(WIDTH * share)
    bar = "#" * filled + "." * (WIDTH - filled)
    worked = done - base
    rate = worked / elapsed if elapsed > 0 else 0.0
    eta = _clock((total - done) / rate) if rate > 0 else "?"
    return f"[{bar}] {done}/{total} articles, {rate:.1f} articles/s, ETA {eta}"


class Bar:
    """Redraws one stderr line at most every ``interval`` seconds; call ``close`` at the end."""

    def __init__(self, stream: TextIO, interval: float = 0.2) -> None:
        self.stream = stream
        self.interval = interval
        self.start: float | None = None
        self.base = 0
        self.drawn = 0.0
        self.width = 0

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if self.start is None:
            self.start, self.base = now, done
        if now - self.drawn < self.interval and done < total:
            return
        self.drawn = now
        text = line(done, total, now - self.start, self.base)
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
