"""The embedded triple store: load builds into a persistent pyoxigraph store and query it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from newsgraph import crashsafe
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.export import read

DEFAULT_STORE = Path(".newsgraph/store")
RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


@dataclass(frozen=True)
class LoadSummary:
    graphs: int
    quads: int


def _open(path: Path, *, read_only: bool = False) -> ox.Store:
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise NewsgraphError(
            f"{path}: cannot open the store ({exc}); check the path, or that no other process "
            "is writing to it"
        ) from None


def _nquads_files(inputs: Sequence[str]) -> list[Path]:
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            crashsafe.recover(path)
            found.extend(sorted(path.glob("*.nq")))
        elif path.suffix == ".nq" and path.is_file():
            found.append(path)
        else:
            raise InputError(
                f"{item}: not a build folder or an N-Quads file; give the folder that "
                "`newsgraph build` wrote, or its graph.nq"
            )
    if not found:
        raise InputError(f"no graph.nq in {', '.join(inputs)}; run `newsgraph build` first")
    return found


def load(inputs: Sequence[str], store_path: Path = DEFAULT_STORE) -> LoadSummary:
    """Add builds to the store, replacing the named graph of every article they contain."""
    quads: list[ox.Quad] = []
    for path in _nquads_files(inputs):
        quads.extend(read(path))
    graphs = {q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    store = _open(store_path)
    crashsafe.replace_graphs(store, quads)
    store.flush()
    return LoadSummary(graphs=len(graphs), quads=len(quads))


def ready_queries() -> dict[str, str]:
    """The shipped queries by name, with their text."""
    folder = files("newsgraph") / "queries"
    return {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


def describe(text: str) -> str:
    """A query's description: its leading comment lines."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
    return " ".join(lines)


def ready_query(name: str) -> str:
    queries = ready_queries()
    if name not in queries:
        raise NewsgraphError(
            f"no ready query named {name!r}; choose from: {', '.join(sorted(queries))}"
        )
    return queries[name]


def _term(value: str) -> ox.NamedNode | ox.Literal:
    """A parameter as an RDF term: an IRI when it parses as one, else a plain literal."""
    if value.startswith(("http://", "https://", "urn:")):
        try:
            return ox.NamedNode(value)
        except ValueError:
            raise InputError(f"parameter value {value!r} is not a valid IRI") from None
    return ox.Literal(value)


def query(
    text: str,
    store_path: Path = DEFAULT_STORE,
    params: Mapping[str, str] | None = None,
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a read-only SPARQL query over the union of the store's graphs.

    Parameters are bound as RDF terms (never pasted into the query text).
    """
    if not store_path.exists():
        raise NewsgraphError(f"{store_path}: no store; run `newsgraph load` first")
    store = _open(store_path, read_only=True)
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(k): _term(v) for k, v in (params or {}).items()
    }
    try:
        return store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
    except SyntaxError as exc:
        raise InputError(
            f"the query is not SPARQL 1.1 ({exc}); updates need --allow-update"
        ) from None
    except RuntimeError as exc:
        # A parameter can only bind a variable the query selects.
        raise InputError(f"cannot bind the parameters: {exc}") from None


def update(text: str, store_path: Path = DEFAULT_STORE) -> None:
    """Run a SPARQL update (only when the caller asked for it)."""
    store = _open(store_path)
    try:
        store.update(text)
    except SyntaxError as exc:
        raise InputError(f"the update is not SPARQL 1.1 Update ({exc})") from None
    store.flush()


def table(solutions: ox.QuerySolutions) -> str:
    """Solutions as an aligned plain-text table."""
    names = [v.value for v in solutions.variables]
    rows = [[_cell(s[name]) for name in names] for s in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode):
        return term.value
    return str(term)


def serialize(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    """Results as a table, CSV, TSV or SPARQL JSON (or N-Triples for CONSTRUCT)."""
    if isinstance(result, ox.QueryTriples):
        return (result.serialize(format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            return (result.serialize(format=ox.QueryResultsFormat.JSON) or b"").decode("utf-8")
        return "true" if bool(result) else "false"
    if fmt == "table":
        return table(result)
    return (result.serialize(format=RESULT_FORMATS[fmt]) or b"").decode("utf-8")
