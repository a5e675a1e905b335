"""The framed JSON-LD view: articles, the meetings they report, and who met where and when.

The layout is the frame ``ontology/frame.jsonld``, a JSON-LD 1.1 frame of which this module
implements the part it uses: a top-level ``@type``, ``@explicit`` node frames, embedded node
frames under properties and under ``@reverse``, and ``{}`` for a property taken as it is.
Embedded nodes are repeated wherever they occur (``@embed: @always``), lists are sorted, and a
node is not embedded inside itself. It is linear in the graph, and fetches nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from newsgraph.export import (
    RDF_TYPE,
    Compactor,
    Graphish,
    context,
    graph_document,
    sort_text,
    triples_of,
)
from newsgraph.ontology_data import ontology_file

Value = ox.NamedNode | ox.Literal


def frame() -> dict[str, Any]:
    """The shipped frame."""
    document: dict[str, Any] = json.loads(ontology_file("frame.jsonld"))
    return document


class Framer:
    def __init__(self, quads: Graphish) -> None:
        self.ctx = context()
        self.compactor = Compactor(self.ctx)
        self.terms = {term: iri for iri, (term, _, _) in self.compactor.property_terms.items()}
        self.forward: defaultdict[str, defaultdict[str, list[Value]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.backward: defaultdict[str, defaultdict[str, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for triple in triples_of(quads):
            subject, obj = triple.subject, triple.object
            if not isinstance(subject, ox.NamedNode) or not isinstance(obj, Value):
                raise ValueError(
                    f"newsgraph graphs have no blank nodes or quoted triples: {triple}"
                )
            self.forward[subject.value][triple.predicate.value].append(obj)
            if isinstance(obj, ox.NamedNode):
                self.backward[obj.value][triple.predicate.value].append(subject.value)

    def iri_of(self, term: str) -> str:
        if term not in self.terms:
            raise ValueError(f"the frame uses {term!r}, which the context does not define")
        return self.terms[term]

    def types(self, subject: str) -> list[str]:
        return [t.value for t in self.forward[subject].get(RDF_TYPE, [])]

    def node(self, subject: str, node_frame: dict[str, Any], path: tuple[str, ...]) -> Any:
        props = self.forward[subject]
        out: dict[str, Any] = {"id": self.compactor.iri(subject)}
        types = sorted(
            self.compactor.class_terms.get(t, self.compactor.iri(t)) for t in self.types(subject)
        )
        if types:
            out["type"] = types[0] if len(types) == 1 else types
        path = (*path, subject)
        for term, sub in node_frame.items():
            if term.startswith("@"):
                continue
            iri = self.iri_of(term)
            _, coercion, is_set = self.compactor.property_terms[iri]
            values = [self.value(v, sub, coercion, path) for v in props.get(iri, [])]
            if values:
                values.sort(key=sort_key)
                out[term] = values if is_set or len(values) > 1 else values[0]
        reverse: dict[str, Any] = {}
        for term, sub in node_frame.get("@reverse", {}).items():
            sources = sorted(self.backward[subject].get(self.iri_of(term), []))
            embedded = [self.node(s, sub, path) for s in sources if s not in path]
            if embedded:
                reverse[term] = sorted(embedded, key=sort_key)
        if reverse:
            out["@reverse"] = reverse
        return out

    def value(
        self, value: Value, sub: dict[str, Any], coercion: str | None, path: tuple[str, ...]
    ) -> Any:
        embeds = any(not k.startswith("@") for k in sub) or "@explicit" in sub
        if isinstance(value, ox.NamedNode) and embeds and value.value not in path:
            return self.node(value.value, sub, path)
        return self.compactor.value(value, coercion)

    def roots(self, root_frame: dict[str, Any]) -> list[Any]:
        wanted = self.compactor.expand(self.ctx[root_frame["@type"]])
        roots = [s for s in self.forward if wanted in self.types(s)]
        nodes = [self.node(s, root_frame, ()) for s in roots]
        return sorted(nodes, key=lambda n: (json.dumps(n.get("datePublished")), n["id"]))


def sort_key(value: Any) -> str:
    if isinstance(value, dict) and "id" in value:
        return sort_text([value.get("startDate", ""), value["id"]])
    return sort_text(value)


def framed(quads: Graphish) -> bytes:
    """The framed view as JSON-LD, the context inlined, so that no reader fetches anything."""
    return "".join(framed_text(quads)).encode("utf-8")


def framed_text(quads: Graphish) -> Iterator[str]:
    """The text of :func:`framed`, node by node."""
    framer = Framer(quads)
    yield from graph_document(framer.ctx, framer.roots(frame()))
