"""The ontology, shapes and JSON-LD context shipped inside the package."""

from __future__ import annotations

from importlib.resources import files


def ontology_file(name: str) -> str:
    """The text of a file of the ontology folder: newsgraph.ttl, shapes.ttl, context.jsonld."""
    return (files("newsgraph") / "ontology" / name).read_text(encoding="utf-8")
