"""The one door for IRIs and literals: every term newsgraph writes is checked or cleaned here."""

from __future__ import annotations

import re
import unicodedata

from pyoxigraph import Literal, NamedNode

# RFC 3987: an IRI is ASCII letters, digits and these marks, "%XX", and the non-ASCII "ucschar"
# ranges; never a space, a control character or one of < > " { } | \ ^ `.
_ASCII_ALLOWED = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
_UCSCHAR = (
    (0xA0, 0xD7FF),
    (0xF900, 0xFDCF),
    (0xFDF0, 0xFFEF),
    *((plane, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)),
    (0xE1000, 0xEFFFD),
)
# RFC 3987 section 4.1: bidirectional formatting characters must not appear in an IRI.
_BIDI_FORMATTING = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute IRI by RFC 3987, or None when it is one."""
    if not _SCHEME.match(value):
        return "it has no scheme (such as https:)"
    for char in value:
        code = ord(char)
        if code < 0x80:
            if char not in _ASCII_ALLOWED:
                return f"it holds the character {char!r}, which IRIs forbid"
        elif char in _BIDI_FORMATTING or not any(lo <= code <= hi for lo, hi in _UCSCHAR):
            return f"it holds the character U+{code:04X}, which IRIs forbid"
    if _PERCENT.search(value):
        return "a % is not followed by two hexadecimal digits"
    return None


def iri(value: str) -> NamedNode:
    """An IRI term, checked against RFC 3987's grammar and by pyoxigraph; ValueError otherwise."""
    problem = iri_problem(value)
    if problem is None:
        try:
            return NamedNode(value)
        except ValueError as exc:
            problem = str(exc)
    raise ValueError(f"not a valid IRI: {value!r} ({problem})")


# Characters no literal carries: control characters other than tab and newline, unpaired
# surrogates (from JSON escapes) and Unicode noncharacters.
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0, 0x110000, 0x10000))
    + "]"
)


def clean_text(value: str) -> str:
    """NFC, without the characters no literal carries."""
    return _UNWRITABLE.sub("", unicodedata.normalize("NFC", value))


def text(value: str) -> Literal:
    """A string literal: NFC, without control characters other than newline and tab."""
    return Literal(clean_text(value))


def typed(value: str, datatype: str) -> Literal:
    """A typed literal; ``datatype`` is a full IRI."""
    return Literal(clean_text(value), datatype=iri(datatype))


def _script(char: str) -> str | None:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A": Cyrillic)."""
    if not unicodedata.category(char).startswith("L"):
        return None
    words = unicodedata.name(char, "").split()
    if not words or words[0] == "MODIFIER":
        return None
    if words[0] in ("FULLWIDTH", "HALFWIDTH") and len(words) > 1:
        words = words[1:]
    script = words[0]
    # Japanese writes Han, Hiragana and Katakana together, Korean Hangul with Han.
    return "CJK" if script in ("HIRAGANA", "KATAKANA", "HANGUL") else script


def scripts(name: str) -> tuple[str, ...]:
    """The scripts of a name's letters, in order of first appearance: ("LATIN", "CYRILLIC")."""
    found: dict[str, None] = {}
    for char in name:
        script = _script(char)
        if script is not None:
            found.setdefault(script)
    return tuple(found)


def mixed_script(name: str) -> bool:
    """True for a name whose letters come from more than one script, as in a spoofed name
    ("Lavrov" with a Cyrillic "a", U+0430), which would otherwise pass for a different entity."""
    return len(scripts(name)) > 1
