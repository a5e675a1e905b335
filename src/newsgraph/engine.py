"""The per-article work (parse, extract): in this process, in worker processes or on a Dask cluster.

Articles go out in chunks; each chunk comes back as the JSON text of its articles' records (the
form the cache stores), with the seconds its worker spent in the spaCy pipeline and in the
extractors. Results are handed on in input order, with a bounded number of chunks in flight,
so memory stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from newsgraph.errors import NewsgraphError
from newsgraph.ingest import Article

CONNECT_SECONDS = 20
"""How long to wait for the Dask scheduler to answer."""
CHUNK_SIZE = 64
"""Articles per chunk, and spaCy's batch size: 64-128 is its fastest on these articles."""


@dataclass(frozen=True)
class ChunkResult:
    """What a worker sends back for one chunk of articles."""

    records: tuple[str, ...]
    """The JSON text of each article's records, in the chunk's order."""
    nlp_seconds: float
    extract_seconds: float
    versions: tuple[str, str]
    """The worker's model version and extractor version, checked against the client's."""


_PIPELINES: dict[str, Any] = {}


def pipeline(model: str) -> Any:
    """The spaCy pipeline of ``model``, loaded once per process."""
    if model not in _PIPELINES:
        from newsgraph.extract.nlp import load_pipeline

        _PIPELINES[model] = load_pipeline(model)
    return _PIPELINES[model]


def extract_chunk(articles: Sequence[Article], model: str) -> ChunkResult:
    """Parse and extract one chunk of articles: the task every worker runs."""
    from newsgraph.cache import encode, extractor_version, model_version
    from newsgraph.extract import extract
    from newsgraph.extract.entities import ARTICLE, PUBLISHED, PUBLISHER
    from newsgraph.extract.gazetteer import load as load_gazetteer

    nlp = pipeline(model)
    gazetteer = load_gazetteer()
    nlp_seconds = extract_seconds = 0.0
    out = []
    docs = iter(nlp.pipe((a.text for a in articles), batch_size=CHUNK_SIZE))
    for article in articles:
        start = time.perf_counter()
        doc = next(docs)
        middle = time.perf_counter()
        doc.user_data[ARTICLE] = article.key
        doc.user_data[PUBLISHED] = article.date.isoformat()
        doc.user_data[PUBLISHER] = article.publisher
        records = extract(doc, article.key)
        if article.publisher:
            publisher = gazetteer.canonical(article.publisher) or article.publisher
            records = replace(records, publisher=publisher)
        out.append(encode(records))
        end = time.perf_counter()
        nlp_seconds += middle - start
        extract_seconds += end - middle
    return ChunkResult(
        tuple(out), nlp_seconds, extract_seconds, (model_version(model), extractor_version())
    )


class _Future(Protocol):
    def result(self) -> ChunkResult: ...


Submit = Callable[[Sequence[Article]], _Future]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(
    chunks: Iterator[list[Article]], submit: Submit, window: int
) -> Iterator[tuple[list[Article], ChunkResult]]:
    pending: deque[tuple[list[Article], _Future]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


class _Done:
    def __init__(self, value: ChunkResult) -> None:
        self.value = value

    def result(self) -> ChunkResult:
        return self.value


def _load_in_worker(model: str) -> None:
    pipeline(model)


def run(
    articles: Iterable[Article],
    model: str,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    chunk_size: int | None = None,
) -> Iterator[tuple[list[Article], ChunkResult]]:
    """Parse and extract ``articles`` chunk by chunk, yielding each chunk with its result in
    input order: here (``jobs`` 1), in ``jobs`` worker processes, or on the Dask cluster whose
    scheduler is at ``scheduler``."""
    chunks = _chunks(articles, chunk_size or CHUNK_SIZE)
    if scheduler is not None:
        yield from _on_cluster(chunks, model, scheduler)
        return
    if jobs <= 1:
        yield from _ordered(chunks, lambda c: _Done(extract_chunk(c, model)), 1)
        return
    # Each worker loads the pipeline once.
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_load_in_worker, initargs=(model,)
    ) as pool:
        yield from _ordered(chunks, _submitter(pool, model), 2 * jobs)


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's imports (and data) with the workers.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


T = TypeVar("T")
R = TypeVar("R")


def process_map(jobs: int) -> Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]:
    """A ``map`` that runs its calls in ``jobs`` worker processes, results in input order.

    Items are taken from ``items`` only as workers free up (a process pool's own ``map`` takes
    them all at once), so that a large input is never held whole."""

    def mapper(function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
            pending: deque[Future[R]] = deque()
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) > jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    return mapper


def _submitter(pool: Executor, model: str) -> Submit:
    def submit(chunk: Sequence[Article]) -> _Future:
        return pool.submit(extract_chunk, chunk, model)

    return submit


class ClusterError(NewsgraphError):
    """The Dask cluster cannot be reached or cannot run newsgraph."""


def _on_cluster(
    chunks: Iterator[list[Article]], model: str, scheduler: str
) -> Iterator[tuple[list[Article], ChunkResult]]:
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            "--scheduler needs Dask's distributed package; install newsgraph[dask]"
        ) from None
    # distributed's Client is not annotated, hence the ignores below.
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc.__class__.__name__}); "
            "check the address (tcp://HOST:8786) and that the scheduler runs"
        ) from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(chunk: Sequence[Article]) -> _Future:
            future: _Future = client.submit(extract_chunk, chunk, model, pure=False)
            return future

        yield from _ordered(chunks, submit, 2 * workers)
    finally:
        client.close()  # type: ignore[no-untyped-call]
