"""Writes a crash cannot leave half done: a build's files as one set, a store's graphs at once.

A build writes its files into ``OUT/.newsgraph-staging/``, then commits by renaming a list of
their names into place there, then renames each file into ``OUT/``. Killed before the commit,
``OUT/`` still holds the previous build (the staging folder is dropped by the next run); killed
after it, the next ``newsgraph build`` or ``newsgraph load`` of ``OUT/`` finishes the renames
first. Either way every reader through newsgraph sees all files of one build.

``NEWSGRAPH_CRASH_AT=<stage>`` kills the process with SIGKILL at that stage, for the tests:
``staged:<file>``, ``committed`` and ``renamed:<file>``.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

STAGING = ".newsgraph-staging"
COMMITTED = "COMMITTED"
CRASH_AT = "NEWSGRAPH_CRASH_AT"


def checkpoint(stage: str) -> None:
    """Kill the process here when the environment asks for it (crash tests only)."""
    if os.environ.get(CRASH_AT) == stage:
        os.kill(os.getpid(), signal.SIGKILL)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    umask = os.umask(0)
    os.umask(umask)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 & ~umask)
    with os.fdopen(fd, "wb") as handle:
        if isinstance(data, bytes):
            handle.write(data)
        else:
            data(handle)
        handle.flush()
        os.fsync(handle.fileno())


def recover(out: Path) -> None:
    """Finish a committed set of files left by a killed build, or drop an uncommitted one."""
    staging = out / STAGING
    if not staging.is_dir():
        return
    marker = staging / COMMITTED
    if marker.is_file():
        for name in marker.read_text(encoding="utf-8").splitlines():
            if (staging / name).is_file():
                (staging / name).replace(out / name)
        _fsync_dir(out)
    shutil.rmtree(staging)


def write_set(out: Path, files: Mapping[str, bytes | Callable[[BinaryIO], None]]) -> None:
    """Write every file into ``out`` so that a crash leaves the old set or the new one. A file
    is given as its bytes or as a function that writes them into an open file, one file at a
    time, so that no two need be held in memory at once; if one fails, the old set stays."""
    out.mkdir(parents=True, exist_ok=True)
    recover(out)
    staging = out / STAGING
    staging.mkdir()
    names = sorted(files)
    for name in names:
        _write(staging / name, files[name])
        checkpoint(f"staged:{name}")
    fd, tmp = tempfile.mkstemp(prefix=".commit.", dir=staging)
    os.close(fd)
    _write(Path(tmp), "".join(f"{n}\n" for n in names).encode("utf-8"))
    Path(tmp).replace(staging / COMMITTED)
    _fsync_dir(staging)
    checkpoint("committed")
    for name in names:
        (staging / name).replace(out / name)
        checkpoint(f"renamed:{name}")
    _fsync_dir(out)
    shutil.rmtree(staging)


def replace_graphs(store: ox.Store, quads: Sequence[ox.Quad]) -> None:
    """Replace the named graphs the quads belong to, in one transaction: a crash leaves the
    store as it was or fully updated. Terms are written in their N-Triples form, which SPARQL
    reads back unchanged (they were parsed, so they are valid terms)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        key = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(key, []).append(f"{q.subject} {q.predicate} {q.object} .")
    drops = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in sorted(by_graph) if g)
    blocks = "\n".join(
        " ".join(triples) if not g else f"GRAPH {g} {{ {' '.join(triples)} }}"
        for g, triples in sorted(by_graph.items())
    )
    store.update(f"{drops}INSERT DATA {{ {blocks} }}")
