"""Serializers: Turtle, N-Quads and compacted JSON-LD, written atomically and reproducibly."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from newsgraph import crashsafe, rdfinput
from newsgraph.mapping import PREFIXES
from newsgraph.ontology_data import ontology_file


def context() -> dict[str, Any]:
    """The shipped JSON-LD context, as the object that goes under "@context"."""
    document: dict[str, Any] = json.loads(ontology_file("context.jsonld"))
    return document["@context"]  # type: ignore[no-any-return]


FORMATS = rdfinput.FORMATS


def read(path: str | Path) -> list[ox.Quad]:
    """The quads of an RDF file, its format told by its extension.

    Nothing is fetched and no other file is opened: see newsgraph.rdfinput.
    """
    return rdfinput.read(path)


class Triples(list[ox.Triple]):
    """The default-graph view of some quads, as :func:`triples_of` makes it: worked out once
    when several serializers take the same graph."""


Graphish = Sequence[ox.Quad] | Triples


def triples_of(quads: Graphish) -> Triples:
    """The default-graph view: every triple once, in a stable order."""
    if isinstance(quads, Triples):
        return quads
    return Triples(sorted({q.triple for q in quads}, key=str))


def turtle_writer(quads: Graphish) -> Writer:
    """A writer of :func:`turtle`'s bytes, straight into the file."""
    triples = triples_of(quads)

    def write(handle: BinaryIO) -> None:
        ox.serialize(triples, output=handle, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)

    return write


def nquads_writer(quads: Sequence[ox.Quad]) -> Writer:
    """A writer of :func:`nquads`'s bytes, straight into the file."""

    def write(handle: BinaryIO) -> None:
        ox.serialize(sorted(quads, key=str), output=handle, format=ox.RdfFormat.N_QUADS)

    return write


def turtle(quads: Graphish) -> bytes:
    return ox.serialize(triples_of(quads), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def nquads(quads: Sequence[ox.Quad]) -> bytes:
    return ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS) or b""


def ntriples(quads: Graphish) -> bytes:
    return ox.serialize(triples_of(quads), format=ox.RdfFormat.N_TRIPLES) or b""


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

sort_text = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode
"""A JSON value as compact text with sorted keys, to sort by: json.dumps(value,
sort_keys=True, ensure_ascii=False), without making an encoder per call."""

_string = json.encoder.encode_basestring  # what json.dumps writes with ensure_ascii=False


def indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, character for character, for JSON
    data of dicts, lists, strings, numbers, booleans and None: json writes indented output
    with its slow pure-Python encoder."""
    out: list[str] = []
    _indent(value, "\n", out)
    return "".join(out)


def graph_document(ctx: dict[str, Any], nodes: Iterable[Any]) -> Iterator[str]:
    """``indented({"@context": ctx, "@graph": [*nodes]}) + "\\n"``, node by node, so that
    neither the whole text nor every node need be held at once."""
    out: list[str] = ['{\n  "@context": ']
    _indent(ctx, "\n  ", out)
    out.append(',\n  "@graph": ')
    separator = "[\n    "
    for node in nodes:
        out.append(separator)
        _indent(node, "\n    ", out)
        separator = ",\n    "
        if len(out) > 4096:
            yield "".join(out)
            out = []
    out.append("[]" if separator == "[\n    " else "\n  ]")
    out.append("\n}\n")
    yield "".join(out)


Writer = Callable[[BinaryIO], None]
"""Writes one output file into an open binary file."""


def text_writer(chunks: Callable[[], Iterable[str]]) -> Writer:
    """A writer of the UTF-8 text that ``chunks`` makes, piece by piece."""

    def write(handle: BinaryIO) -> None:
        for chunk in chunks():
            handle.write(chunk.encode("utf-8"))

    return write


def _indent(value: Any, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys are strings here, not {key!r}")
            out.append(separator)
            out.append(_string(key))
            out.append(": ")
            _indent(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _indent(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None or isinstance(value, bool | int | float):
        out.append(json.dumps(value))
    else:
        raise TypeError(f"no JSON for {value!r}: only dicts, lists, strings and numbers")


class Compactor:
    """JSON-LD compaction for newsgraph's graphs: IRIs, literals, no lists, no blank nodes.

    It follows the JSON-LD compaction rules for what the export contains, term by term from the
    shipped context, and is linear in the graph (a general compactor such as pyld's is far
    slower on large graphs). Tests check that the result expands to the same graph.
    """

    def __init__(self, ctx: dict[str, Any]) -> None:
        self.ctx = ctx
        self.prefixes = {
            k: v
            for k, v in ctx.items()
            if isinstance(v, str) and not k.startswith("@") and v.endswith(("#", "/"))
        }
        self.compacted: dict[str, str] = {}
        self.class_terms: dict[str, str] = {}
        self.property_terms: dict[str, tuple[str, str | None, bool]] = {}
        for term, definition in ctx.items():
            if term.startswith("@") or term in self.prefixes:
                continue
            if isinstance(definition, str):
                if definition.startswith("@"):
                    continue
                iri = self.expand(definition)
                self.class_terms.setdefault(iri, term)
                self.property_terms.setdefault(iri, (term, None, False))
            else:
                iri = self.expand(definition["@id"])
                coercion = definition.get("@type")
                self.property_terms[iri] = (
                    term,
                    None
                    if coercion is None
                    else coercion
                    if coercion == "@id"
                    else self.expand(coercion),
                    definition.get("@container") == "@set",
                )

    def expand(self, value: str) -> str:
        prefix, sep, local = value.partition(":")
        return self.prefixes[prefix] + local if sep and prefix in self.prefixes else value

    def iri(self, value: str) -> str:
        found = self.compacted.get(value)
        if found is None:
            found = self.compacted[value] = self._iri(value)
        return found

    def _iri(self, value: str) -> str:
        best = ""
        for prefix, namespace in self.prefixes.items():
            if value.startswith(namespace) and len(namespace) > len(self.prefixes.get(best, "")):
                best = prefix
        return f"{best}:{value[len(self.prefixes[best]) :]}" if best else value

    def value(self, term: ox.NamedNode | ox.Literal, coercion: str | None) -> Any:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value) if coercion == "@id" else {"id": self.iri(term.value)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if coercion is not None and coercion == datatype:
            return term.value
        if datatype == XSD_STRING and coercion is None:
            return term.value
        return {"@value": term.value, "type": self.iri(datatype)}

    def fits(self, term: ox.NamedNode | ox.Literal, coercion: str | None) -> bool:
        if coercion == "@id":
            return isinstance(term, ox.NamedNode)
        if coercion is None:
            return True
        return (
            isinstance(term, ox.Literal) and term.datatype.value == coercion and not term.language
        )

    def node(
        self, subject: str, props: dict[str, list[ox.NamedNode | ox.Literal]]
    ) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.iri(subject)}
        types = sorted(
            self.class_terms.get(t.value, self.iri(t.value)) for t in props.pop(RDF_TYPE, [])
        )
        if types:
            out["type"] = types[0] if len(types) == 1 else types
        keyed: dict[str, tuple[list[Any], bool]] = {}
        for predicate, values in props.items():
            term, coercion, is_set = self.property_terms.get(predicate, ("", None, False))
            for value in values:
                if term and self.fits(value, coercion):
                    key, compacted, as_set = term, self.value(value, coercion), is_set
                else:
                    key, compacted, as_set = self.iri(predicate), self.value(value, None), False
                keyed.setdefault(key, ([], as_set))[0].append(compacted)
        for key in sorted(keyed):
            items, as_set = keyed[key]
            items.sort(key=sort_text)
            out[key] = items if as_set or len(items) > 1 else items[0]
        return out


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def json_ld(quads: Graphish) -> bytes:
    """Compacted JSON-LD with the context inlined, so that no reader has to fetch it."""
    return "".join(json_ld_text(quads)).encode("utf-8")


def json_ld_text(quads: Graphish) -> Iterator[str]:
    """The text of :func:`json_ld`, node by node."""
    ctx = context()
    compactor = Compactor(ctx)
    subjects: dict[str, dict[str, list[ox.NamedNode | ox.Literal]]] = {}
    for triple in triples_of(quads):
        subject, obj = triple.subject, triple.object
        if not isinstance(subject, ox.NamedNode) or not isinstance(obj, ox.NamedNode | ox.Literal):
            raise ValueError(f"newsgraph graphs have no blank nodes or quoted triples: {triple}")
        subjects.setdefault(subject.value, {}).setdefault(triple.predicate.value, []).append(obj)
    nodes = (compactor.node(s, subjects.pop(s)) for s in sorted(subjects))
    yield from graph_document(ctx, nodes)


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write a file so that readers see the old or the new content, never a part; ``durable``
    also waits until it is on disk (a cache, whose torn entry is only a miss, need not)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates files readable by the owner only; outputs are for everyone.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(out: Path, files: Mapping[str, bytes | Writer]) -> None:
    """Write every output file, as one set: a crash leaves the old files or the new ones."""
    crashsafe.write_set(out, files)
