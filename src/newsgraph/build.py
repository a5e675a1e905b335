"""The orchestration: ingest -> extract -> resolve -> map -> validate -> export."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from newsgraph import engine, export, framing, ingest, revalidation, screen
from newsgraph.cache import Cache, decode, extractor_version, model_version
from newsgraph.errors import InputError, ModelError, NotConformingError
from newsgraph.extract.nlp import DEFAULT_MODEL
from newsgraph.ingest import Article, Problem
from newsgraph.links import Wikidata, link
from newsgraph.mapping import BASE, to_quads
from newsgraph.records import ArticleRecords, Corpus
from newsgraph.resolve import resolve, threshold
from newsgraph.validation import TRIPLES_PER_PART, Report, validate_in_parts

OUTPUT_FILES = ("graph.ttl", "graph.jsonld", "graph.framed.jsonld", "graph.nq", "validation.ttl")


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the counts for the summary, the problems met and the report."""

    articles: int
    problems: tuple[Problem, ...]
    notices: tuple[str, ...]
    report: Report
    counts: dict[str, int] = field(default_factory=dict)
    written: tuple[Path, ...] = ()
    wikidata_requests: int = 0
    """Requests sent to Wikidata (0 when linking is off or every answer was cached)."""
    words: int = 0
    cached: int = 0
    """Articles whose records came from the cache."""
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage (see Timings)."""


def read_articles(
    inputs: Sequence[str],
    *,
    strict: bool,
    on_problem: Callable[[Problem], None] | None = None,
    max_bytes: int = screen.MAX_ARTICLE_BYTES,
) -> tuple[list[Article], list[Problem]]:
    """Read every input; problems are reported as they come (raised at once when strict)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for item in ingest.read(inputs, max_bytes):
        if isinstance(item, Problem):
            if strict:
                raise InputError(str(item))
            problems.append(item)
            if on_problem is not None:
                on_problem(item)
            continue
        if item.key in seen:
            problem = Problem(item.source, f"the same article as {seen[item.key]}; skipped")
            if strict:
                raise InputError(str(problem))
            problems.append(problem)
            if on_problem is not None:
                on_problem(problem)
            continue
        seen[item.key] = item.source
        articles.append(item)
    if not articles:
        raise InputError(
            "no article could be read, so nothing was written; give article files "
            "(' date YYYY-MM-DD Publisher - ' header, then the text) or JSON Lines"
        )
    return articles, problems


class Timings:
    """Seconds spent per stage: cheap enough to be always on.

    The NLP and extraction figures are summed over the worker processes, so with several
    workers they can exceed the wall-clock time of the build.
    """

    STAGES = (
        "reading",
        "cache",
        "nlp",
        "extraction",
        "resolution",
        "linking",
        "mapping",
        "validation",
        "serialization",
    )

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(self.STAGES, 0.0)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds


Progress = Callable[[int, int], None]
"""Called with the articles done and the articles in all, as extraction advances."""


def extract_all(
    articles: Sequence[Article],
    model: str,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    cache: Cache | None = None,
    timings: Timings | None = None,
    on_progress: Progress | None = None,
) -> tuple[list[ArticleRecords], int]:
    """Every article's records, from the cache or from the spaCy pipeline and the extractors,
    in input order; and how many came from the cache."""
    timings = timings or Timings()
    found: list[ArticleRecords | None] = [None] * len(articles)
    with timings.stage("cache"):
        if cache is not None:
            for i, article in enumerate(articles):
                found[i] = cache.get(article)
    missing = [i for i, r in enumerate(found) if r is None]
    cached = len(articles) - len(missing)
    done = cached
    if on_progress is not None:
        on_progress(done, len(articles))
    expected = (model_version(model), extractor_version())
    slots = iter(missing)
    # No more worker processes than chunks: a few new articles are parsed here, without
    # starting workers that each load the model.
    jobs = min(jobs, -(-len(missing) // engine.CHUNK_SIZE))
    for chunk, result in engine.run(
        (articles[i] for i in missing), model, jobs=jobs, scheduler=scheduler
    ):
        if result.versions != expected:
            raise ModelError(
                f"a worker runs {' / '.join(result.versions)}, this build "
                f"{' / '.join(expected)}; install the same newsgraph and model on every worker"
            )
        timings.add("nlp", result.nlp_seconds)
        timings.add("extraction", result.extract_seconds)
        with timings.stage("cache"):
            for article, text in zip(chunk, result.records, strict=True):
                found[next(slots)] = decode(text)
                if cache is not None:
                    cache.put(article, text)
        done += len(chunk)
        if on_progress is not None:
            on_progress(done, len(articles))
    records = [r for r in found if r is not None]
    if len(records) != len(articles):
        raise RuntimeError("an article's records went missing between workers and the build")
    return records, cached


def build(
    inputs: Sequence[str],
    out: Path,
    *,
    model: str = DEFAULT_MODEL,
    strict: bool = False,
    base: str = BASE,
    min_confidence: float = 0.0,
    on_problem: Callable[[Problem], None] | None = None,
    wikidata: Wikidata | None = None,
    max_article_bytes: int = screen.MAX_ARTICLE_BYTES,
    jobs: int = 1,
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of the inputs into ``out`` (graph.ttl, .jsonld, .framed.jsonld, .nq and
    validation.ttl).

    Unreadable inputs are reported and skipped (raised when ``strict``). With ``strict``, a graph
    that does not conform raises NotConformingError and nothing is written. Places are linked to
    GeoNames; people and organizations to Wikidata only when ``wikidata`` says where to ask. The
    per-article work runs in ``jobs`` processes, or on the Dask cluster at ``scheduler``; with
    ``cache_dir``, articles extracted before with the same model and extractors are read from
    the cache there.
    """
    started = time.perf_counter()
    timings = Timings()
    with timings.stage("reading"):
        articles, problems = read_articles(
            inputs, strict=strict, on_problem=on_problem, max_bytes=max_article_bytes
        )
    cache = Cache(cache_dir, model, on_warning) if cache_dir is not None else None
    records, cached = extract_all(
        articles,
        model,
        jobs=jobs,
        scheduler=scheduler,
        cache=cache,
        timings=timings,
        on_progress=on_progress,
    )
    notices = tuple(
        f"{a.source}: no people, organizations or places found; the graph has only the article"
        for a, r in zip(articles, records, strict=True)
        if not r.mentions
    )
    with timings.stage("resolution"):
        corpus = resolve([(a.key, a.date, r) for a, r in zip(articles, records, strict=True)])
        corpus = threshold(corpus, min_confidence)
    del records
    with timings.stage("linking"):
        linked = link(corpus, wikidata=wikidata)
    corpus = linked.corpus
    notices += linked.warnings
    notices += warnings(articles, corpus)
    with timings.stage("mapping"):
        quads = to_quads(corpus, articles, base)
        triples = export.triples_of(quads)
    with timings.stage("validation"):
        # Parts only to keep them under TRIPLES_PER_PART triples (each part's rdflib graph).
        parts = -(-len(quads) // TRIPLES_PER_PART)
        mapper = engine.process_map(jobs) if jobs > 1 and parts > 1 else map
        # With a cache, only what changed since the last build is validated again.
        whole = partial(validate_in_parts, quads, parts, mapper)
        report, _ = revalidation.validate(triples, cache_dir, whole)
    if strict and not report.conforms:
        raise NotConformingError(
            f"the graph does not conform to the shapes ({len(report.violations)} violations); "
            "nothing was written"
        )
    # Each file is serialized straight into its staging file, one at a time, so no output
    # is held whole in memory; the timings count the writing as serialization.
    files: dict[str, bytes | export.Writer] = {
        "graph.ttl": export.turtle_writer(triples),
        "graph.jsonld": export.text_writer(partial(export.json_ld_text, triples)),
        "graph.framed.jsonld": export.text_writer(partial(framing.framed_text, triples)),
        "graph.nq": export.nquads_writer(quads),
        "validation.ttl": report.turtle,
    }
    with timings.stage("serialization"):
        export.write_all(out, files)
    del files
    return BuildResult(
        articles=len(articles),
        problems=tuple(problems),
        notices=notices,
        report=report,
        counts=counts(corpus),
        written=tuple(out / name for name in OUTPUT_FILES),
        wikidata_requests=linked.requests,
        words=sum(len(a.text.split()) for a in articles),
        cached=cached,
        seconds=time.perf_counter() - started,
        timings=dict(timings.seconds),
    )


def warnings(articles: Sequence[Article], corpus: Corpus) -> tuple[str, ...]:
    """Notices for what was built but is probably a mistake: odd dates, mixed-script names."""
    today = dt.date.today()
    found = [f"{a.source}: {w}" for a in articles if (w := screen.date_warning(a.date, today))]
    sources = {a.key: a.source for a in articles}
    for entity in corpus.entities:
        where = ", ".join(sorted(sources[k] for k in entity.articles if k in sources))
        for name in (entity.name, *entity.alternate_names):
            if warning := screen.name_warning(name):
                found.append(f"{where}: {warning} ({entity.ident})")
    return tuple(found)


def counts(corpus: Corpus) -> dict[str, int]:
    kinds = Counter(e.kind.value for e in corpus.entities)
    return {
        "people": kinds["person"],
        "organizations": kinds["organization"],
        "places": kinds["place"],
        "roles": len(corpus.roles),
        "meetings": len(corpus.meetings),
    }
