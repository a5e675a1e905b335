"""Articles and their readers: article files, JSON Lines, folders, globs and stdin."""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from newsgraph import screen
from newsgraph.errors import InputError

ARTICLE_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")

# " date 2022-01-20 Islam Times - Russian Foreign Minister ...": the header shares the first
# line with the text; the publisher, when present, ends at the first " - ".
_HEADER = re.compile(r"^\s*date\s+(?P<date>\S+)\s*(?P<rest>.*)$", re.DOTALL)
_PUBLISHER = re.compile(
    r"^(?P<publisher>[A-Z0-9][\w&'.]*(?:\s+(?:[A-Z0-9&][\w&'.-]*|of|the|and|for|de|al))*)"
    r"\s+[-\u2013\u2014](?:\s+(?=\S)|\s*$)"
)
_MAX_PUBLISHER_WORDS = 6


@dataclass(frozen=True)
class Article:
    """One news item: its text (the body, after any header) and what is known about it."""

    key: str
    """Stable identifier: from the input's id or URL when given, else from date and text."""
    date: dt.date
    text: str
    source: str
    """Where it was read, for messages: a path or ``<stdin>``, plus ``:line`` for JSON Lines."""
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    ident: str | None = None


@dataclass(frozen=True)
class Problem:
    """An input that could not be read as an article, with a one-line explanation."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def article_key(*, ident: str | None, url: str | None, date: dt.date, text: str) -> str:
    """The stable key an article's IRI is built from: 16 hex digits of a SHA-256."""
    basis = f"id:{ident}" if ident else f"url:{url}" if url else f"text:{date.isoformat()}\n{text}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


# Control characters, and unpaired surrogates and noncharacters (from JSON escapes).
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


# Invisible characters that would split a name in two: soft hyphen, zero-width space, word
# joiner, zero-width no-break space (a BOM inside the text). Joiners (U+200C, U+200D) stay.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def _clean(text: str) -> str:
    """NFC, newlines as \\n, control characters as spaces: offsets then hold for every output."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", _INVISIBLE.sub("", text)).strip()


def _parse_date(value: object, where: str) -> dt.date:
    if value is None:
        raise InputError(f"{where}: no date; give the publication date as YYYY-MM-DD")
    if not isinstance(value, str):
        raise InputError(f'{where}: the date must be a string; write it as "YYYY-MM-DD"')
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{where}: date {value.strip()!r} is not a real calendar date; write it as YYYY-MM-DD"
        ) from None


def split_header(raw: str, where: str) -> tuple[dt.date, str | None, str]:
    """Split an article file's content into date, publisher and body text."""
    first, _, remainder = raw.partition("\n")
    match = _HEADER.match(first)
    if match is None:
        raise InputError(
            f"{where}:1: no header; the first line must start with ' date YYYY-MM-DD Publisher - '"
        )
    date = _parse_date(match["date"], f"{where}:1")
    rest = match["rest"]
    publisher = None
    found = _PUBLISHER.match(rest)
    if found and len(found["publisher"].split()) <= _MAX_PUBLISHER_WORDS:
        publisher = found["publisher"].strip()
        rest = rest[found.end() :]
    body = _clean(rest + ("\n" + remainder if remainder else ""))
    return date, publisher, body


def read_article_text(raw: bytes, source: str) -> Article:
    """Parse the bytes of one article file."""
    text = _decode(raw, source)
    date, publisher, body = split_header(text, source)
    if not body:
        raise InputError(f"{source}: the header has no text after it; add the article's text")
    key = article_key(ident=None, url=None, date=date, text=body)
    return Article(key=key, date=date, text=body, source=source, publisher=publisher)


def _decode(raw: bytes, source: str) -> str:
    if not raw.strip():
        raise InputError(f"{source}: the file is empty; remove it or add an article")
    if screen.html_page(raw):
        raise InputError(f"{source}: an HTML page, not an article; save the article's text")
    try:
        text = screen.decode(raw)
    except screen.UndecodableError as exc:
        where = source if exc.line is None else f"{source}:{exc.line}"
        raise InputError(f"{where}: {exc}") from None
    if not text.strip():
        raise InputError(f"{source}: the file is empty; remove it or add an article")
    return text


def read_jsonl_line(line: str, source: str) -> Article:
    """Parse one JSON Lines record: ``{"id", "date", "publisher", "url", "title", "text"}``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not valid JSON ({exc.msg}); fix or remove the line") from None
    except (ValueError, RecursionError) as exc:
        # Numbers of thousands of digits, or arrays nested thousands deep.
        raise InputError(f"{source}: not readable JSON ({exc}); fix or remove the line") from None
    if not isinstance(record, dict):
        raise InputError(f"{source}: expected a JSON object with 'date' and 'text'")
    date = _parse_date(record.get("date"), f"{source}: field 'date'")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: field 'text' is missing or empty; give the article's text")
    optional: dict[str, str | None] = {}
    for name in ("id", "publisher", "url", "title"):
        value = record.get(name)
        if value is not None and not isinstance(value, str | int):
            raise InputError(f"{source}: field {name!r} must be a string")
        optional[name] = None if value is None else _clean(str(value)) or None
    body = _clean(text)
    key = article_key(ident=optional["id"], url=optional["url"], date=date, text=body)
    return Article(
        key=key,
        date=date,
        text=body,
        source=source,
        publisher=optional["publisher"],
        title=optional["title"],
        url=optional["url"],
        ident=optional["id"],
    )


def _read_jsonl(handle: BinaryIO, name: str, limit: int) -> Iterator[Article | Problem]:
    """Line by line, each line read with a bound: a file of any size streams through."""
    any_text = False
    for number, line in screen.bounded_lines(handle, limit):
        where = f"{name}:{number}"
        if isinstance(line, int):
            any_text = True
            yield Problem(where, screen.too_big(line, limit))
            continue
        if number == 1 and line.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield Problem(where, "UTF-16 text; JSON Lines must be UTF-8: re-encode the file")
            return
        if not line.strip():
            continue
        any_text = True
        try:
            text = line.removeprefix(b"\xef\xbb\xbf" if number == 1 else b"").decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(where, f"byte {exc.start} is not UTF-8; re-encode the file as UTF-8")
            continue
        try:
            yield read_jsonl_line(text, where)
        except InputError as exc:
            yield _problem(exc, where)
    if not any_text:
        yield Problem(name, "the file holds no JSON lines; write one article per line")


def _problem(exc: InputError, where: str) -> Problem:
    """A Problem from an error whose message starts with the place: the place said once."""
    found = re.match(rf"^{re.escape(where)}((?::\d+)?)(?:: field '\w+')?: (.*)$", str(exc), re.S)
    if found is None:
        return Problem(where, str(exc))
    return Problem(where + found[1], str(exc)[len(where + found[1]) + 2 :])


def _read_path(path: Path, display: str, limit: int) -> Iterator[Article | Problem]:
    try:
        with path.open("rb") as handle:
            yield from _read_handle(
                handle, display, jsonl=path.suffix.lower() in JSONL_SUFFIXES, limit=limit
            )
    except OSError as exc:
        yield Problem(display, f"cannot be read ({exc.strerror}); check the path and permissions")


def _read_handle(
    handle: BinaryIO, display: str, *, jsonl: bool, limit: int
) -> Iterator[Article | Problem]:
    if jsonl:
        yield from _read_jsonl(handle, display, limit)
        return
    try:
        yield read_article_text(screen.read_bounded(handle, limit), display)
    except InputError as exc:
        yield _problem(exc, display)


def expand(inputs: Iterable[str]) -> Iterator[Path | Problem]:
    """Turn the command line's inputs (files, folders, globs) into files, in a stable order."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES + JSONL_SUFFIXES
            )
            if not files:
                yield Problem(
                    item,
                    "the folder holds no article files (*.txt, *.jsonl); point to another folder",
                )
            yield from files
        elif path.is_file():
            yield path
        elif glob.has_magic(item):
            found = glob.glob(item, recursive=True)  # noqa: PTH207 - the user's pattern may be absolute
            matches = sorted(Path(p) for p in found if Path(p).is_file())
            if not matches:
                yield Problem(item, "the pattern matches no file; check the pattern")
            yield from matches
        else:
            yield Problem(item, "no such file or folder; check the path")


def read(
    inputs: Iterable[str], max_bytes: int = screen.MAX_ARTICLE_BYTES
) -> Iterator[Article | Problem]:
    """Every article of the inputs, and a Problem for each input that cannot be read.

    ``-`` reads standard input: JSON Lines when its first character is ``{``, else one article.
    No article file or JSON line over ``max_bytes`` is read into memory.
    """
    for item in inputs:
        if item == "-":
            stream = _peekable(sys.stdin.buffer)
            start = stream.peek(_PEEK)[:_PEEK].removeprefix(b"\xef\xbb\xbf").lstrip()
            yield from _read_handle(
                stream, "<stdin>", jsonl=start.startswith(b"{"), limit=max_bytes
            )
            continue
        for found in expand([item]):
            if isinstance(found, Problem):
                yield found
            else:
                yield from _read_path(found, str(found), max_bytes)


_PEEK = 4096


def _peekable(stream: BinaryIO) -> io.BufferedReader:
    """Standard input as a stream whose first bytes can be looked at without consuming them."""
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(cast(io.RawIOBase, stream))
