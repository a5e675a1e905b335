"""HTTP content negotiation: the offered media type an Accept header prefers (RFC 9110)."""

from __future__ import annotations

from collections.abc import Sequence


def _ranges(accept: str) -> list[tuple[str, str, float]]:
    """The media ranges of an Accept header as (type, subtype, q); malformed parts are ignored."""
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media, _, sub = fields[0].lower().partition("/")
        if not media or not sub:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, sub, q))
    return ranges


def _quality(offered: str, ranges: list[tuple[str, str, float]]) -> float:
    """The q of the most specific range that matches the offered type (0 if none does)."""
    media, _, sub = offered.partition("/")
    best: tuple[int, float] = (-1, 0.0)
    for r_media, r_sub, q in ranges:
        if (r_media, r_sub) == (media, sub):
            specificity = 2
        elif r_media == media and r_sub == "*":
            specificity = 1
        elif (r_media, r_sub) == ("*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best[0]:
            best = (specificity, q)
    return best[1]


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered type the client accepts with the highest q; ties go to the earlier offer.

    No Accept header means anything is accepted: the first offer. None when nothing offered is
    acceptable (the caller answers 406).
    """
    if accept is None or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    scored = [(_quality(o, ranges), -i, o) for i, o in enumerate(offered)]
    q, _, best = max(scored)
    return best if q > 0 else None
