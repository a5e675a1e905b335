"""Screening of hostile and broken input: size bounds, encodings, HTML pages, odd dates, names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.iris import mixed_script, scripts

MAX_ARTICLE_BYTES = 5_000_000
"""The default bound on one article file or JSON line (``--max-article-bytes``)."""
OLDEST = dt.date(1800, 1, 1)
_CHUNK = 1 << 16
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
)
_HTML = re.compile(rb"^\s*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)


class UndecodableError(InputError):
    """Bytes that are not text in the encoding they claim; ``line`` is where, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def too_big(size: int, limit: int) -> str:
    """The message for an input over the bound."""
    return (
        f"{size} bytes, over the limit of {limit} (--max-article-bytes); "
        "split it or raise the limit"
    )


def read_bounded(handle: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of a file; InputError (naming the size) when it holds more."""
    data = handle.read(limit + 1)
    if len(data) <= limit:
        return data
    size = len(data)
    while chunk := handle.read(_CHUNK):
        size += len(chunk)
    raise InputError(too_big(size, limit))


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """Each line of a file with its number; a line over ``limit`` bytes gives its size instead,
    and is skipped without being held in memory."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        size = len(line)
        while rest := handle.readline(_CHUNK):
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield number, size


def decode(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without a BOM), or UTF-16/32 announced by a BOM.

    InputError names the line and byte of the first undecodable byte and the fix.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    f"byte {exc.start} is not {codec.upper()} although the file starts with a "
                    f"{codec.upper()} byte order mark; re-encode the file as UTF-8"
                ) from None
    if b"\x00" in raw:
        raise UndecodableError("binary data (NUL bytes), not an article; remove the file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        if exc.reason == "unexpected end of data":
            hint = " (the file ends inside a character: was it cut short?)"
        elif _decodes_as_cp1252(raw):
            hint = " (it looks like Windows-1252 or Latin-1)"
        else:
            hint = ""
        raise UndecodableError(
            f"byte {exc.start} is not UTF-8{hint}; re-encode the file as UTF-8", line
        ) from None


def _decodes_as_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def html_page(raw: bytes) -> bool:
    """True for bytes that start like an HTML page rather than an article's text."""
    return bool(_HTML.match(raw.removeprefix(b"\xef\xbb\xbf")[:1024]))


def date_warning(date: dt.date, today: dt.date) -> str | None:
    """A warning for a publication date that is probably a mistake, else None."""
    if date > today:
        return f"the date {date.isoformat()} is in the future; check the header"
    if date < OLDEST:
        return f"the date {date.isoformat()} is before {OLDEST.year}; check the header"
    return None


def name_warning(name: str) -> str | None:
    """A warning for a name that mixes scripts, else None."""
    if not mixed_script(name):
        return None
    found = " and ".join(s.title() for s in scripts(name))
    return (
        f"the name {name!r} mixes {found} letters; it is kept as its own entity and marked "
        "ng:mixedScript true; check the text if it should be another name"
    )
