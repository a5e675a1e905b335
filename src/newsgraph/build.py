"""The orchestration: ingest -> extract -> resolve -> map -> validate -> export."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsgraph import export, framing, ingest, screen
from newsgraph.errors import InputError, NotConformingError
from newsgraph.extract import extract
from newsgraph.extract.entities import ARTICLE, PUBLISHED
from newsgraph.extract.gazetteer import load as load_gazetteer
from newsgraph.extract.nlp import DEFAULT_MODEL, load_pipeline
from newsgraph.ingest import Article, Problem
from newsgraph.links import Wikidata, link
from newsgraph.mapping import BASE, to_quads
from newsgraph.records import ArticleRecords, Corpus
from newsgraph.resolve import resolve, threshold
from newsgraph.validation import Report, validate_quads

OUTPUT_FILES = ("graph.ttl", "graph.jsonld", "graph.framed.jsonld", "graph.nq", "validation.ttl")
BATCH_SIZE = 64


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


def extract_all(articles: Sequence[Article], model: str) -> list[ArticleRecords]:
    """Run the spaCy pipeline and every extractor over the articles, in a stream."""
    nlp = load_pipeline(model)
    gazetteer = load_gazetteer()
    out = []
    docs = nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)
    for article, doc in zip(articles, docs, strict=True):
        doc.user_data[ARTICLE] = article.key
        doc.user_data[PUBLISHED] = article.date.isoformat()
        records = extract(doc, article.key)
        if article.publisher:
            publisher = gazetteer.canonical(article.publisher) or article.publisher
            records = replace(records, publisher=publisher)
        out.append(records)
    return out


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
) -> BuildResult:
    """Build the graph of the inputs into ``out`` (graph.ttl, .jsonld, .framed.jsonld, .nq and
    validation.ttl).

    Unreadable inputs are reported and skipped (raised when ``strict``). With ``strict``, a graph
    that does not conform raises NotConformingError and nothing is written. Places are linked to
    GeoNames; people and organizations to Wikidata only when ``wikidata`` says where to ask.
    """
    articles, problems = read_articles(
        inputs, strict=strict, on_problem=on_problem, max_bytes=max_article_bytes
    )
    records = extract_all(articles, model)
    notices = tuple(
        f"{a.source}: no people, organizations or places found; the graph has only the article"
        for a, r in zip(articles, records, strict=True)
        if not r.mentions
    )
    corpus = resolve([(a.key, a.date, r) for a, r in zip(articles, records, strict=True)])
    corpus = threshold(corpus, min_confidence)
    linked = link(corpus, wikidata=wikidata)
    corpus = linked.corpus
    notices += linked.warnings
    notices += warnings(articles, corpus)
    quads = to_quads(corpus, articles, base)
    report = validate_quads(quads)
    if strict and not report.conforms:
        raise NotConformingError(
            f"the graph does not conform to the shapes ({len(report.violations)} violations); "
            "nothing was written"
        )
    files = {
        "graph.ttl": export.turtle(quads),
        "graph.jsonld": export.json_ld(quads),
        "graph.framed.jsonld": framing.framed(quads),
        "graph.nq": export.nquads(quads),
        "validation.ttl": report.turtle,
    }
    export.write_all(out, files)
    return BuildResult(
        articles=len(articles),
        problems=tuple(problems),
        notices=notices,
        report=report,
        counts=counts(corpus),
        written=tuple(out / name for name in OUTPUT_FILES),
        wikidata_requests=linked.requests,
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
