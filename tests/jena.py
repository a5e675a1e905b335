"""Running Apache Jena's riot and shacl from the Debian package libapache-jena-java.

The package ships jars but no command scripts. The classpath that works: the package's own jars
and those of the packages it depends on (not all of /usr/share/java: two SLF4J bindings then
loop), slf4j-simple (without a binding Jena's errors are silent), and the xerces message files
that the Debian jar keeps under org/apache/jena/ext/xerces/ copied to xerces/, where Jena's
shaded xerces looks for them at start-up.
"""

from __future__ import annotations

import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest

from conftest import require_tool

PACKAGE = "libapache-jena-java"
JAVA = "java"


def _files_of(package: str) -> list[str]:
    listed = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=False)
    return listed.stdout.splitlines() if listed.returncode == 0 else []


def _depends(package: str) -> list[str]:
    found = subprocess.run(
        ["dpkg-query", "-W", "-f=${Depends}", package], capture_output=True, text=True, check=False
    )
    names = []
    for alternative in found.stdout.split(","):
        name = alternative.split("|")[0].split("(")[0].strip().split(":")[0]
        if name:
            names.append(name)
    return names


def _jars(package: str) -> list[str]:
    """The unversioned jars of a package and of the Java packages it needs, transitively."""
    seen: set[str] = set()
    todo = [package]
    jars: list[str] = []
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        jars += [
            f
            for f in _files_of(current)
            if f.startswith("/usr/share/java/") and f.endswith(".jar") and not f[-5].isdigit()
        ]
        todo += [d for d in _depends(current) if d.endswith("-java")]
    return sorted(set(jars))


@cache
def _classpath(resources: Path) -> str:
    jars = _jars(PACKAGE)
    core = next(j for j in jars if j.endswith("/jena-core.jar"))
    with zipfile.ZipFile(core) as archive:
        for name in archive.namelist():
            prefix = "org/apache/jena/ext/xerces/"
            if name.startswith(prefix) and name.endswith(".properties"):
                target = resources / "xerces" / name[len(prefix) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    simple = Path("/usr/share/java/slf4j-simple.jar")
    bindings = [j for j in jars if "slf4j-" in j and not j.endswith("slf4j-api.jar")]
    kept = [j for j in jars if j not in bindings]
    return ":".join([str(resources), *kept, str(simple)])


def classpath(tmp_factory: pytest.TempPathFactory) -> str:
    """The classpath for Jena's commands; skips (fails in CI) when Jena is not installed."""
    require_tool(JAVA, PACKAGE)  # the package brings a Java runtime with it
    return _classpath(tmp_factory.getbasetemp() / "jena-resources")


def run(cp: str, main: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [JAVA, "-Xmx512m", "-cp", cp, main, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def riot_validate(
    cp: str, *paths: Path, syntax: str | None = None
) -> subprocess.CompletedProcess[str]:
    extra = [f"--syntax={syntax}"] if syntax else []
    return run(cp, "riotcmd.riot", "--validate", *extra, *map(str, paths))


def shacl_validate(cp: str, shapes: Path, data: Path) -> subprocess.CompletedProcess[str]:
    return run(
        cp, "shacl.shacl", "validate", "--text", "--shapes", str(shapes), "--data", str(data)
    )
