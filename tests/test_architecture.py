"""Architecture tests: dependencies point one way, read from the source with ``ast``.

cli -> build -> stages -> records: extraction never touches RDF, the RDF side never touches
spaCy, records touch neither, and only validation.py knows pySHACL.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsgraph"
MODULES = sorted(PACKAGE.rglob("*.py"))
RDF_LIBRARIES = {"rdflib", "pyoxigraph", "pyshacl", "pyld"}


def name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported(node: ast.AST, path: Path) -> list[str]:
    """The absolute names an import statement brings in (relative imports resolved)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            package = list(path.relative_to(PACKAGE).parent.parts)
            base = ["newsgraph", *package[: len(package) - (node.level - 1)]]
            module = ".".join([*base, node.module] if node.module else base)
        else:
            module = node.module or ""
        return [module] + [f"{module}.{alias.name}" for alias in node.names]
    return []


def imports(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (functions and TYPE_CHECKING blocks too)."""
    return {m for node in ast.walk(tree(path)) for m in imported(node, path)}


def module_level_imports(path: Path) -> set[str]:
    """The imports that run when the module is imported: not those inside functions."""
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            found.update(imported(node, path))
            if isinstance(node, ast.If | ast.Try | ast.With):
                for block in ("body", "orelse", "finalbody", "handlers"):
                    for child in getattr(node, block, []):
                        visit(child.body if isinstance(child, ast.ExceptHandler) else [child])

    visit(tree(path).body)
    return found


def uses(modules: set[str], top: str) -> list[str]:
    return sorted(m for m in modules if m == top or m.startswith(top + "."))


def test_the_package_is_found() -> None:
    names = {name(p) for p in MODULES}
    assert {"records.py", "mapping.py", "cli.py", "extract/nlp.py", "validation.py"} <= names


def test_the_import_scan_sees_imports() -> None:
    # Guards the tests below against a scanner that finds nothing.
    assert uses(imports(PACKAGE / "validation.py"), "pyshacl") == ["pyshacl"]
    assert "spacy" in imports(PACKAGE / "extract" / "nlp.py")
    assert "newsgraph.build.build" in imports(PACKAGE / "cli.py")
    assert "newsgraph.build" not in module_level_imports(PACKAGE / "cli.py")
    assert "newsgraph.errors" in module_level_imports(PACKAGE / "cli.py")


EXTRACT = sorted((PACKAGE / "extract").rglob("*.py"))


@pytest.mark.parametrize("path", EXTRACT, ids=name)
def test_extract_never_imports_rdf_libraries(path: Path) -> None:
    found = imports(path)
    assert [m for lib in sorted(RDF_LIBRARIES) for m in uses(found, lib)] == []
    for stage in ("mapping", "validation", "export", "build", "cli"):
        assert uses(found, f"newsgraph.{stage}") == [], stage


@pytest.mark.parametrize("module", ["mapping.py", "resolve.py", "records.py"])
def test_the_rdf_side_never_imports_spacy(module: str) -> None:
    found = imports(PACKAGE / module)
    assert uses(found, "spacy") == []
    assert uses(found, "newsgraph.extract") == []


def test_records_import_no_library_and_no_stage() -> None:
    found = imports(PACKAGE / "records.py")
    for lib in ("spacy", *sorted(RDF_LIBRARIES)):
        assert uses(found, lib) == [], lib
    # Records are the boundary: they may only lean on the package's errors.
    stages = [m for m in uses(found, "newsgraph") if not m.startswith("newsgraph.errors")]
    assert stages == []


@pytest.mark.parametrize("path", MODULES, ids=name)
def test_only_validation_imports_pyshacl(path: Path) -> None:
    if name(path) == "validation.py":
        return
    assert uses(imports(path), "pyshacl") == []


def calls_spacy_load(path: Path) -> bool:
    for node in ast.walk(tree(path)):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "spacy"
            and any(alias.name == "load" for alias in node.names)
        ):
            return True
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "load"
            and isinstance(node.value, ast.Name)
            and node.value.id == "spacy"
        ):
            return True
    return False


def test_only_nlp_calls_spacy_load() -> None:
    assert [name(p) for p in MODULES if calls_spacy_load(p)] == ["extract/nlp.py"]


def test_cli_imports_no_heavy_library_at_module_level() -> None:
    found = module_level_imports(PACKAGE / "cli.py")
    for lib in ("spacy", "rdflib", "pyshacl", "pyoxigraph", "pyld"):
        assert uses(found, lib) == [], lib
    # Nor a newsgraph module that would pull them in.
    heavy = ("build", "extract", "mapping", "validation", "export", "resolve")
    assert [m for m in found for stage in heavy if m.startswith(f"newsgraph.{stage}")] == []


def test_importing_the_cli_loads_no_heavy_library() -> None:
    # What the ast test means, checked on the real import graph: `newsgraph --help` stays fast.
    code = (
        "import sys, newsgraph.cli\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules}"
        " & {'spacy', 'rdflib', 'pyshacl', 'pyoxigraph', 'pyld'})\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("forbidden", ["utils", "helpers", "common"])
def test_no_grab_bag_modules(forbidden: str) -> None:
    found = [
        name(p)
        for p in PACKAGE.rglob("*")
        if (p.is_file() and p.suffix == ".py" and p.stem == forbidden)
        or (p.is_dir() and p.name == forbidden)
    ]
    assert found == []


@pytest.mark.parametrize("path", MODULES, ids=name)
def test_every_module_has_a_docstring(path: Path) -> None:
    docstring = ast.get_docstring(tree(path))
    assert docstring, f"{name(path)} has no module docstring"
    assert docstring.strip()
