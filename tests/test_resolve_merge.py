"""Tests for merging meeting drafts across articles, blocked on the start date: the same
meetings, in the same order, as comparing each draft with every meeting kept so far."""

from __future__ import annotations

import random

import pytest

from newsgraph.records import DateRange, DateValue, MeetingStatus, Precision
from newsgraph.resolve import _MeetingDraft, _merge, same_meeting

PRECISIONS = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}


def draft(
    article: str,
    iso: str | None,
    *parties: str,
    place: str | None = None,
    status: MeetingStatus = MeetingStatus.HELD,
) -> _MeetingDraft:
    date = None if iso is None else DateRange(DateValue(iso, PRECISIONS[len(iso)]))
    return _MeetingDraft(
        participants=set(parties),
        status_by_article={article: status},
        evidence=set(),
        articles={article},
        location=place,
        date=date,
        confidences=[0.5],
    )


def every_pair(drafts: list[_MeetingDraft]) -> list[_MeetingDraft]:
    """The merge as it was: each draft against every meeting kept so far, earliest first."""
    out: list[_MeetingDraft] = []
    for d in drafts:
        same = next((o for o in out if same_meeting(o, d, same_article=False)), None)
        if same is None:
            out.append(d)
        else:
            same.absorb(d)
    return out


def summary(drafts: list[_MeetingDraft]) -> list[tuple[object, ...]]:
    return [
        (
            sorted(d.articles),
            sorted(d.participants),
            d.date.start.iso if d.date else None,
            d.location,
            sorted(d.status_by_article.items()),
        )
        for d in drafts
    ]


def test_drafts_merge_with_compatible_dates_only_and_undated_never() -> None:
    drafts = [
        draft("a", "1987-03", "x", "y"),
        draft("b", "1987-03-02", "x", "y"),
        draft("c", None, "x", "y"),
        draft("d", None, "x", "y"),
        draft("e", "1987-04-01", "x", "y"),
        draft("f", "1987", "x", "y"),
        draft("g", "1987-03-02", "x", "z"),
    ]

    merged = _merge(drafts)

    # a takes b (and b's day); c and d stay apart; e is another month; f's year holds a's
    # day, and a comes first; g has other parties.
    assert summary(merged) == [
        (
            ["a", "b", "f"],
            ["x", "y"],
            "1987-03-02",
            None,
            [("a", "held"), ("b", "held"), ("f", "held")],
        ),
        (["c"], ["x", "y"], None, None, [("c", "held")]),
        (["d"], ["x", "y"], None, None, [("d", "held")]),
        (["e"], ["x", "y"], "1987-04-01", None, [("e", "held")]),
        (["g"], ["x", "z"], "1987-03-02", None, [("g", "held")]),
    ]


def test_a_draft_made_more_precise_is_found_under_its_new_date() -> None:
    drafts = [
        draft("a", "1987", "x", "y"),
        draft("b", "1987-05-04", "x", "y"),
        # Compatible with 1987 but no longer with a, which is now 1987-05-04.
        draft("c", "1987-06", "x", "y"),
        draft("d", "1987-05", "x", "y"),
    ]

    merged = _merge(drafts)

    assert [(sorted(d.articles), d.date.start.iso if d.date else None) for d in merged] == [
        (["a", "b", "d"], "1987-05-04"),
        (["c"], "1987-06"),
    ]


@pytest.mark.parametrize("seed", range(30))
def test_blocking_gives_what_every_pair_gives(seed: int) -> None:
    rng = random.Random(seed)
    dates = [None, "1987", "1987-03", "1987-03-02", "1987-03-03", "1987-04", "1988", "1988-03"]

    def make() -> list[_MeetingDraft]:
        rng_state = rng.getstate()
        out = []
        for number in range(60):
            parties = rng.sample(["p", "q", "r", "s"], rng.randint(1, 3))
            out.append(
                draft(
                    f"{number:03d}",
                    rng.choice(dates),
                    *parties,
                    place=rng.choice([None, None, "geneva", "vienna"]),
                    status=rng.choice(list(MeetingStatus)),
                )
            )
        rng.setstate(rng_state)
        return out

    expected = summary(every_pair(make()))
    found = summary(_merge(make()))

    assert found == expected
    assert len(found) < 60  # some drafts did merge
