"""Incremental validation: the previous build's results kept for the nodes that did not change.

Every constraint of the shapes reads a node's own triples and the types of the nodes they
point to (see validation.py), so a node's results change only when its triples change or the
types of a node it points to change. A build keeps, next to the per-article cache, a state:
a digest of each subject's triples and of its types, and the results of the validation, by
the node they are about. The next build validates only the subjects whose digest changed or
that point to a node whose types changed, keeps the previous results of the others and drops
those of the subjects that are gone; the report is the one a validation of the whole graph
gives. The state is named after the shapes, the screens and the validation code, so a change
to any of them validates everything again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from newsgraph.export import write_atomic
from newsgraph.validation import Report, Violation, report_of, validate_nodes

FORMAT = 1
"""The version of the state's layout; a state of another version is not read."""
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FIELDS = tuple(f.name for f in fields(Violation))


@cache
def shapes_version() -> str:
    """A digest of what results depend on besides the graph: shapes, screens, the validation
    code and pySHACL's version."""
    package = files("newsgraph")
    digest = hashlib.sha256(version("pyshacl").encode())
    parts = [package / "ontology" / "shapes.ttl", package / "validation.py"]
    parts += sorted((package / "screens").iterdir(), key=lambda t: t.name)
    for part in parts:
        digest.update(part.name.encode() + b"\0" + hashlib.sha256(part.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _key(node: str) -> str:
    return hashlib.blake2b(node.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True)
class Summary:
    """What validation results depend on, node by node."""

    nodes: dict[str, str]
    """Key of each subject -> digest of its triples (16 hex digits) + of its types (16)."""


EMPTY_TYPES = hashlib.blake2b(b"", digest_size=8).hexdigest()


def summarize(
    triples: Iterable[ox.Triple],
) -> tuple[Summary, dict[str, str], list[tuple[str, str]]]:
    """The summary of a graph without blank nodes; the IRI of each subject key; and the links
    (subject, object) between named nodes. None of it depends on the order of ``triples``."""
    lines: dict[str, list[str]] = {}
    types: dict[str, list[str]] = {}
    links: list[tuple[str, str]] = []
    for triple in triples:
        subject, obj = triple.subject, triple.object
        if not isinstance(subject, ox.NamedNode):
            raise ValueError(f"a blank node or a quoted triple as subject: {triple}")
        lines.setdefault(subject.value, []).append(str(triple))
        if isinstance(obj, ox.NamedNode):
            links.append((subject.value, obj.value))
            if triple.predicate == RDF_TYPE:
                types.setdefault(subject.value, []).append(obj.value)
    nodes: dict[str, str] = {}
    names: dict[str, str] = {}
    for name, own in lines.items():
        block = hashlib.blake2b("\n".join(sorted(own)).encode("utf-8"), digest_size=8)
        kinds = hashlib.blake2b(
            "\n".join(sorted(types.get(name, []))).encode("utf-8"), digest_size=8
        )
        key = _key(name)
        nodes[key] = block.hexdigest() + kinds.hexdigest()
        names[key] = name
    return Summary(nodes), names, links


@dataclass(frozen=True)
class State:
    """A previous build's summary and results."""

    summary: Summary
    results: tuple[Violation, ...]


class StateFile:
    """The state of the last build that used this cache folder, for these shapes."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "validation" / f"{shapes_version()}.state"

    def load(self) -> State | None:
        """The state, or None when there is none or it cannot be read (then all is validated)."""
        try:
            document = json.loads(self.path.read_bytes())
            if document.get("format") != FORMAT:
                return None
            results = tuple(
                Violation(**dict(zip(FIELDS, r, strict=True))) for r in document["results"]
            )
            nodes = document["nodes"]
            if not isinstance(nodes, dict):
                return None
            return State(Summary(nodes), results)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def save(self, summary: Summary, report: Report) -> None:
        document: dict[str, Any] = {
            "format": FORMAT,
            "nodes": summary.nodes,
            "results": [[getattr(v, f) for f in FIELDS] for v in report.violations],
        }
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        write_atomic(self.path, data.encode("utf-8"), durable=False)


def changed(
    before: Summary, after: Summary, links: Sequence[tuple[str, str]], names: dict[str, str]
) -> set[str]:
    """The subjects (IRIs) of ``after`` to validate again: those whose triples changed, and
    those that point to a node whose types changed (or that is gone)."""
    dirty = {names[k] for k, d in after.nodes.items() if before.nodes.get(k) != d}
    retyped = {
        k
        for k in before.nodes.keys() | after.nodes.keys()
        if before.nodes.get(k, EMPTY_TYPES)[-16:] != after.nodes.get(k, EMPTY_TYPES)[-16:]
    }
    if retyped:
        keys: dict[str, str] = {}
        for subject, obj in links:
            key = keys.get(obj)
            if key is None:
                key = keys[obj] = _key(obj)
            if key in retyped:
                dirty.add(subject)
    return dirty


def validate(
    triples: Sequence[ox.Triple], folder: Path | None, whole: Callable[[], Report]
) -> tuple[Report, int]:
    """The report of the graph of ``triples``, reusing the state in ``folder`` when there is
    one (``whole`` validates the whole graph otherwise); and the number of subjects validated.
    The state is then brought up to date."""
    try:
        summary, names, links = summarize(triples)
    except ValueError:
        return whole(), -1
    state = StateFile(folder) if folder is not None else None
    previous = state.load() if state is not None else None
    if previous is None:
        report = whole()
        validated = len(summary.nodes)
    else:
        dirty = changed(previous.summary, summary, links, names)
        present = set(names.values())
        kept = [v for v in previous.results if v.owner in present and v.owner not in dirty]
        report = report_of([*kept, *validate_nodes(triples, dirty)])
        validated = len(dirty)
    if state is not None:
        # A result about a node without triples of its own could not be placed by the next
        # build: the state is kept only when there is none (so with the shipped shapes).
        present = set(names.values())
        if all(v.owner in present for v in report.violations):
            state.save(summary, report)
        else:
            state.path.unlink(missing_ok=True)
    return report, validated
