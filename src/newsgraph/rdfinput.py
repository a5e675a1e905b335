"""Reading RDF files users hand us: nothing fetched, no other file opened, no entity expansion.

JSON-LD may name only newsgraph's own context, by its IRI (it is replaced by the shipped copy)
or inlined; any other remote context or ``@import`` is an error, not a request. pyoxigraph, which
parses the result, has no document loader at all. RDF/XML is refused: pyoxigraph expands the
entities of an internal DTD, so a file of a few hundred bytes can grow to gigabytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import GraphError
from newsgraph.ontology_data import ontology_file

CONTEXT_IRI = "https://w3id.org/newsgraph/context.jsonld"
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
REFUSED = (".rdf", ".owl", ".xml", ".rdfxml")


def _shipped_context() -> Any:
    return json.loads(ontology_file("context.jsonld"))["@context"]


def _freeze(value: Any, path: str) -> Any:
    """A context value with our context's IRI replaced by its content; anything else remote
    raises GraphError."""
    if isinstance(value, list):
        return [_freeze(v, path) for v in value]
    if isinstance(value, str):
        if value == CONTEXT_IRI:
            return _shipped_context()
        raise GraphError(
            f"{path}: the JSON-LD @context {value!r} would have to be fetched, and newsgraph "
            f"fetches nothing; inline the context, or use {CONTEXT_IRI}"
        )
    if isinstance(value, dict):
        if "@import" in value:
            raise GraphError(
                f"{path}: the JSON-LD context imports {value['@import']!r}, and newsgraph "
                "fetches nothing; inline the imported context"
            )
        return {k: _contexts(v, path) for k, v in value.items()}
    return value


def _contexts(node: Any, path: str) -> Any:
    """The document with every @context (top-level, in nodes, in term definitions) frozen."""
    if isinstance(node, list):
        return [_contexts(v, path) for v in node]
    if isinstance(node, dict):
        return {
            k: _freeze(v, path) if k == "@context" else _contexts(v, path) for k, v in node.items()
        }
    return node


def _json_ld(path: Path) -> list[ox.Quad]:
    try:
        document = json.loads(path.read_bytes())
        frozen = json.dumps(_contexts(document, str(path)))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise GraphError(f"{path}: not readable JSON ({exc}); check the file") from None
    return list(ox.parse(frozen, format=ox.RdfFormat.JSON_LD))


def read(path: str | Path) -> list[ox.Quad]:
    """The quads of an RDF file, its format told by its extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        raise GraphError(
            f"{path}: RDF/XML is not read (its DTD entities can expand without bound); "
            "convert it to Turtle or N-Triples, e.g. with `rapper -i rdfxml -o ntriples`"
        )
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise GraphError(
            f"{path}: cannot tell the RDF format; use a file ending in one of " + ", ".join(FORMATS)
        )
    try:
        if fmt == ox.RdfFormat.JSON_LD:
            return _json_ld(path)
        return list(ox.parse(path=str(path), format=fmt))
    except (OSError, SyntaxError, ValueError) as exc:
        raise GraphError(f"{path}: cannot be read as RDF ({exc}); check the file") from None
