"""The ontology's HTML documentation: generated from the shipped files, committed, in step."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.ontology_docs import ontology_html

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "ontology.html"


def test_the_committed_page_is_what_generation_gives_now() -> None:
    assert DOCS.read_text(encoding="utf-8") == ontology_html(), (
        "docs/ontology.html is out of date: run `make docs` and commit it"
    )


def test_the_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "site" / "ontology.html"
    result = CliRunner().invoke(main, ["ontology-docs", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == DOCS.read_text(encoding="utf-8")


def test_every_class_property_and_shape_has_its_section() -> None:
    page = ontology_html()
    classes = ["Article", "Person", "Organization", "Place", "Meeting", "Role", "Evidence"]
    properties = ["convenedBy", "status", "inArticle", "country", "confidence"]
    anchors = set(re.findall(r'id="([^"]+)"', page))
    assert set(classes + properties) <= anchors
    assert {f"{c}Shape" for c in classes} <= anchors
    assert {"Held", "Planned", "Proposed", "Cancelled"} <= anchors


def test_a_shape_lists_its_constraints() -> None:
    page = ontology_html()
    person = page.split('<h3 id="PersonShape">')[1].split("<h3")[0]
    # ng:PersonShape-name: exactly one, an xsd:string of at least one character.
    assert "<tr><td>schema:name</td><td>1..1</td><td>datatype xsd:string;" in person
    assert "min length 1" in person
    role = page.split('<h3 id="RoleShape">')[1].split("<h3")[0]
    assert "any of [class ng:Organization], [class ng:Place]" in role
    confidence = page.split('<h3 id="confidence">')[1].split("<h3")[0]
    assert "xsd:decimal (xsd:minInclusive 0.0, xsd:maxInclusive 1.0)" in confidence


def test_text_from_the_ontology_is_escaped() -> None:
    # ng:Role's comment quotes "Foreign Minister" and writes <person> in angle brackets.
    page = ontology_html()
    assert "&lt;person&gt; schema:memberOf &lt;role&gt;" in page
    assert "<person>" not in page
