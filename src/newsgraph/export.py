"""Serializers: Turtle, N-Quads and compacted JSON-LD, written atomically and reproducibly."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from pyld import jsonld

from newsgraph.mapping import PREFIXES
from newsgraph.validation import ontology_file


def _refuse_remote(url: str, options: object = None) -> Any:
    raise jsonld.JsonLdError(
        f"refusing to load {url}: newsgraph never fetches JSON-LD documents",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


def context() -> dict[str, Any]:
    """The shipped JSON-LD context, as the object that goes under "@context"."""
    document: dict[str, Any] = json.loads(ontology_file("context.jsonld"))
    return document["@context"]  # type: ignore[no-any-return]


def triples_of(quads: Sequence[ox.Quad]) -> list[ox.Triple]:
    """The default-graph view: every triple once, in a stable order."""
    unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(unique, key=str)


def turtle(quads: Sequence[ox.Quad]) -> bytes:
    return ox.serialize(triples_of(quads), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def nquads(quads: Sequence[ox.Quad]) -> bytes:
    return ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS) or b""


def ntriples(quads: Sequence[ox.Quad]) -> bytes:
    return ox.serialize(triples_of(quads), format=ox.RdfFormat.N_TRIPLES) or b""


def _sort(value: Any) -> Any:
    """JSON-LD sets are unordered: sort them so that output is reproducible."""
    if isinstance(value, dict):
        return {k: _sort(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def json_ld(quads: Sequence[ox.Quad]) -> bytes:
    """Compacted JSON-LD with the context inlined, so that no reader has to fetch it."""
    options = {"documentLoader": _refuse_remote}
    expanded = jsonld.from_rdf(
        ntriples(quads).decode("utf-8"), {"format": "application/n-quads", **options}
    )
    ctx = context()
    compacted = jsonld.compact(expanded, {"@context": ctx}, options)
    graph = compacted.get("@graph", [])
    if not isinstance(graph, list):
        graph = [graph]
    body = {k: v for k, v in compacted.items() if k not in ("@context", "@graph")}
    nodes = sorted((_sort(n) for n in graph), key=lambda n: str(n.get("id", n.get("@id", ""))))
    if body:
        nodes = [_sort(body), *nodes]
    document = {"@context": ctx, "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates files readable by the owner only; outputs are for everyone.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(out: Path, files: dict[str, bytes]) -> None:
    """Write every output file; each one is replaced atomically."""
    for name in sorted(files):
        write_atomic(out / name, files[name])
