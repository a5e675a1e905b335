"""Content negotiation: q-values, wildcards, specificity, ties and malformed headers."""

from __future__ import annotations

import pytest

from newsgraph.negotiation import negotiate

OFFERED = ["text/html", "text/turtle", "application/ld+json"]


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "text/html"),
        ("", "text/html"),
        ("*/*", "text/html"),
        ("text/turtle", "text/turtle"),
        ("application/ld+json, text/turtle", "text/turtle"),  # a tie goes to the earlier offer
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
        ("text/*", "text/html"),
        ("text/*;q=0.2, text/turtle", "text/turtle"),
        ("*/*;q=0.1, application/ld+json;q=0.3", "application/ld+json"),
        ("TEXT/TURTLE", "text/turtle"),
        ("text/html;q=0, */*", "text/turtle"),  # the most specific range decides: html refused
        ("application/pdf", None),
        ("text/turtle;q=0", None),
        ("text/turtle;q=zero", None),
        ("garbage, text/turtle", "text/turtle"),
    ],
)
def test_negotiate(accept: str | None, chosen: str | None) -> None:
    assert negotiate(accept, OFFERED) == chosen
