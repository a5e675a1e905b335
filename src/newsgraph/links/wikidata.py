"""People and organizations to Wikidata items, through the Wikidata API, cached on disk.

For each canonical name the linker asks ``wbsearchentities`` (English, items, up to 50
results), keeps the results whose label or alias matched the name exactly (same characters,
same case), then asks ``wbgetclaims`` for each one's instance-of (P31) statements. A name is
linked only when exactly one of those items is an instance of a class accepted for its kind
(``wikidata-classes.json``: Q5 human for people; organization, company, government agency,
intergovernmental organization ... for organizations). No match, or two or more, and the name
is not linked.

Every answer is kept in the cache folder under the SHA-256 of the request URL, so that a
rebuild sends no request and gives the same links. Failed requests are not cached: they give
a warning, the name is not linked, and after a failure to connect no further request is sent.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from newsgraph import __version__
from newsgraph.export import write_atomic
from newsgraph.records import EntityKind

ENDPOINT = "https://www.wikidata.org/w/api.php"
CACHE = Path(".newsgraph/cache/wikidata")
ENTITY = "http://www.wikidata.org/entity/"
USER_AGENT = f"newsgraph/{__version__} (https://w3id.org/newsgraph; linked data from news)"
SEARCH_LIMIT = 50


@cache
def accepted_classes() -> dict[EntityKind, frozenset[str]]:
    """The instance-of classes accepted for people and for organizations."""
    path = files("newsgraph") / "links" / "wikidata-classes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {EntityKind(kind): frozenset(classes) for kind, classes in data.items()}


@dataclass(frozen=True)
class Wikidata:
    """Where to ask and where to keep the answers."""

    endpoint: str = ENDPOINT
    cache: Path = CACHE
    timeout: float = 10.0


class LookupFailed(Exception):
    """A request got no usable answer; ``offline`` when the endpoint could not be reached."""

    def __init__(self, message: str, *, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


@dataclass
class Linker:
    """Looks names up, one request at a time, counting the requests actually sent."""

    options: Wikidata
    requests: int = 0
    warnings: list[str] = field(default_factory=list)
    offline: bool = False

    def url(self, params: dict[str, str]) -> str:
        query = urllib.parse.urlencode(sorted({**params, "format": "json"}.items()))
        return f"{self.options.endpoint}?{query}"

    def get(self, params: dict[str, str]) -> Any:
        """The JSON answer to a request, from the cache or else from the endpoint."""
        url = self.url(params)
        path = self.options.cache / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".json")
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
        if self.offline:
            raise LookupFailed("not asked: the endpoint could not be reached before")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.options.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise LookupFailed(f"{self.options.endpoint} answered HTTP {exc.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise LookupFailed(
                f"{self.options.endpoint} could not be reached ({reason})", offline=True
            ) from None
        try:
            answer = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LookupFailed(f"{self.options.endpoint} did not answer JSON") from None
        if not isinstance(answer, dict) or "error" in answer:
            error = answer.get("error", {}) if isinstance(answer, dict) else {}
            detail = error.get("info", "an unexpected answer") if isinstance(error, dict) else ""
            raise LookupFailed(f"{self.options.endpoint} answered with an error: {detail}")
        write_atomic(path, body, durable=False)
        return answer

    def search(self, name: str) -> list[str]:
        """Ids of the items whose label or one of whose aliases is exactly ``name``."""
        answer = self.get(
            {
                "action": "wbsearchentities",
                "search": name,
                "language": "en",
                "uselang": "en",
                "type": "item",
                "limit": str(SEARCH_LIMIT),
            }
        )
        ids: list[str] = []
        for result in answer.get("search", []):
            match = result.get("match", {})
            exact = match.get("type") in ("label", "alias") and match.get("text") == name
            if exact and result["id"] not in ids:
                ids.append(result["id"])
        return ids

    def classes(self, item: str) -> set[str]:
        """The classes an item is an instance of (P31), deprecated statements left out."""
        answer = self.get({"action": "wbgetclaims", "entity": item, "property": "P31"})
        found = set()
        for claim in answer.get("claims", {}).get("P31", []):
            if claim.get("rank") == "deprecated":
                continue
            value = claim.get("mainsnak", {}).get("datavalue", {}).get("value", {})
            if isinstance(value, dict) and "id" in value:
                found.add(value["id"])
        return found

    def lookup(self, name: str, kind: EntityKind) -> str | None:
        """The Wikidata entity IRI of a person or organization name, or None (see the rule)."""
        wanted = accepted_classes().get(kind)
        if not wanted:
            return None
        try:
            items = [i for i in self.search(name) if self.classes(i) & wanted]
        except LookupFailed as exc:
            if not self.offline:
                self.warnings.append(f"wikidata: {exc}; {name!r} is not linked")
                if exc.offline:
                    self.warnings.append("wikidata: no further names are looked up in this build")
            self.offline = self.offline or exc.offline
            return None
        except (KeyError, TypeError, AttributeError):
            self.warnings.append(
                f"wikidata: {self.options.endpoint} gave an answer of an unexpected form for "
                f"{name!r}; it is not linked"
            )
            return None
        return ENTITY + items[0] if len(items) == 1 else None
