"""The per-article cache: each article's extracted records, keyed by its content and versions.

An entry holds the records of one article before cross-article resolution, as versioned JSON.
Its name is a digest of the article (key, date, publisher, text); its folder is named after the
spaCy model and version, the spaCy version and a digest of the extractor sources and gazetteers,
so that any change to them starts a new folder and old entries are never read.
"""

from __future__ import annotations

import hashlib
import json
import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from enum import Enum
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from newsgraph.export import write_atomic
from newsgraph.ingest import Article
from newsgraph.records import ArticleRecords

FORMAT = 1
"""The version of the entry layout; entries of another version are not read."""
DEFAULT_DIR = Path(".newsgraph/cache")


def _walk(folder: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        name = f"{prefix}{item.name}"
        if item.is_dir():
            if item.name != "__pycache__":
                out.extend(_walk(item, name + "/"))
        elif item.name.endswith((".py", ".json")):
            out.append((name, item.read_bytes()))
    return out


@cache
def extractor_version() -> str:
    """A digest of what per-article records depend on: extract/ sources and gazetteers, and
    the record types."""
    digest = hashlib.sha256()
    package = files("newsgraph")
    sources = [*_walk(package / "extract", "extract/")]
    sources.append(("records.py", (package / "records.py").read_bytes()))
    for name, data in sources:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


def model_version(model: str) -> str:
    """The model's name and version, and spaCy's, as the cache folder records them."""
    from spacy.about import __version__ as spacy_version
    from spacy.util import get_package_version, load_meta

    meta_path = Path(model) / "meta.json"
    if meta_path.is_file():
        meta = load_meta(meta_path)
        name = f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"
    else:
        name = f"{model}-{get_package_version(model) or 'unknown'}"
    return f"{name} spacy-{spacy_version}"


def article_digest(article: Article) -> str:
    """What an article's records are extracted from: its key, date, publisher and text."""
    basis = json.dumps(
        [article.key, article.date.isoformat(), article.publisher, article.text],
        ensure_ascii=False,
    )
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


# Records <-> JSON. The same form travels from worker processes and cluster workers, so a
# clean build and a cached one decode the very same data.


def to_json(value: Any) -> Any:
    """A record (a frozen dataclass of strings, numbers, enums, tuples) as plain JSON data."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    return value


def from_json(kind: Any, data: Any) -> Any:
    """The inverse of :func:`to_json`, led by the type hints of the record classes."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return None if data is None else from_json(options[0], data)
    if origin is tuple:
        (item, _) = typing.get_args(kind)
        return tuple(from_json(item, v) for v in data)
    if isinstance(kind, type) and is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{name: from_json(hints[name], v) for name, v in data.items()})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is float:
        return float(data)
    if kind in (str, int, bool) and not isinstance(data, kind):
        raise ValueError(f"expected {kind.__name__}, found {data!r}")
    return data


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def encode(records: ArticleRecords) -> str:
    """One article's records as compact JSON text."""
    return json.dumps(to_json(records), ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> ArticleRecords:
    """The records that :func:`encode` wrote."""
    records = from_json(ArticleRecords, json.loads(text))
    if not isinstance(records, ArticleRecords):
        raise ValueError("not the records of an article")
    return records


class Cache:
    """Records of articles already extracted with this model and these extractors."""

    def __init__(self, folder: Path, model: str, warn: Callable[[str], None] | None = None) -> None:
        self.model = model_version(model)
        self.extractor = extractor_version()
        tag = hashlib.sha256(f"{FORMAT}|{self.model}|{self.extractor}".encode()).hexdigest()[:16]
        self.folder = folder / tag
        self.warn = warn

    def path(self, article: Article) -> Path:
        digest = article_digest(article)
        return self.folder / digest[:2] / f"{digest}.json"

    def get(self, article: Article) -> ArticleRecords | None:
        """The records of ``article``, or None when absent or unreadable (with a warning)."""
        path = self.path(article)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._ignore(path, f"cannot be read ({exc.__class__.__name__})")
            return None
        try:
            entry = json.loads(raw)
            ok = (
                isinstance(entry, dict)
                and entry.get("format") == FORMAT
                and entry.get("model") == self.model
                and entry.get("extractor") == self.extractor
                and entry.get("article") == article.key
            )
            if not ok:
                self._ignore(path, "does not belong to this article, model or extractor version")
                return None
            records = from_json(ArticleRecords, entry["records"])
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self._ignore(path, f"is not a valid entry ({exc.__class__.__name__})")
            return None
        if not isinstance(records, ArticleRecords) or records.article != article.key:
            self._ignore(path, "does not belong to this article")
            return None
        return records

    def put(self, article: Article, records: str) -> None:
        """Store the records of ``article`` (JSON text from :func:`encode`), atomically."""
        head = json.dumps(
            {
                "format": FORMAT,
                "model": self.model,
                "extractor": self.extractor,
                "article": article.key,
            }
        )
        entry = f'{head[:-1]},"records":{records}}}\n'
        write_atomic(self.path(article), entry.encode("utf-8"), durable=False)

    def _ignore(self, path: Path, why: str) -> None:
        if self.warn is not None:
            self.warn(f"{path}: cache entry {why}; ignored, the article is extracted again")
