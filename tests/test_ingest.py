"""Tests for reading articles: the article-file header, JSON Lines, inputs and bad input.

The fixtures under tests/data/articles/ are bytes-exact (see .gitattributes there): bad/ holds
one file per way an input can be wrong, plus a BOM file and a CRLF file that must be accepted.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from newsgraph import ingest
from newsgraph.errors import InputError
from newsgraph.ingest import Article, Problem

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
BAD = ARTICLES / "bad"
JAN_20 = dt.date(2022, 1, 20)


def _one(inputs: list[str]) -> Article | Problem:
    items = list(ingest.read(inputs))
    assert len(items) == 1, items
    return items[0]


def _article(inputs: list[str]) -> Article:
    item = _one(inputs)
    assert isinstance(item, Article), item
    return item


def _problem(inputs: list[str]) -> Problem:
    item = _one(inputs)
    assert isinstance(item, Problem), item
    return item


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# The header


@pytest.mark.parametrize(
    "publisher",
    [
        "Reuters",
        "Islam Times",
        "RIA Novosti",
        "The Moscow Times",
        "The Times of India",
        "Agence France Presse English Wire Service",
    ],
)
def test_header_publisher_of_one_to_six_words(publisher: str) -> None:
    raw = f" date 2022-01-20 {publisher} - Lavrov will meet Blinken in Geneva.\nSecond line."

    assert ingest.split_header(raw, "a.txt") == (
        JAN_20,
        publisher,
        "Lavrov will meet Blinken in Geneva.\nSecond line.",
    )


def test_header_without_publisher() -> None:
    raw = " date 2021-12-28 The much-awaited talks are expected to take place in January."

    assert ingest.split_header(raw, "a.txt") == (
        dt.date(2021, 12, 28),
        None,
        "The much-awaited talks are expected to take place in January.",
    )


@pytest.mark.parametrize(
    "text",
    [
        # " - " later on the first line, after a lower-case word: part of the text.
        "The much-awaited talks - the first since June - begin in Geneva on Monday.",
        # A long sentence with " - " after many words.
        "Russian Foreign Minister Sergey Lavrov said on Thursday that the talks in Geneva"
        " - the first since the summit - went well.",
        # More capitalised words before " - " than any publisher's name has.
        "Lavrov And Blinken Meet In Geneva As Security Talks Resume - Russian Foreign Minister"
        " Sergey Lavrov met Antony Blinken on Friday.",
    ],
)
def test_dash_in_the_text_is_not_a_publisher(text: str) -> None:
    assert ingest.split_header(f" date 2021-12-28 {text}\nMore.", "a.txt") == (
        dt.date(2021, 12, 28),
        None,
        f"{text}\nMore.",
    )


def test_text_on_following_lines_only() -> None:
    raw = " date 2022-01-20 Reuters - \nLavrov met Blinken.\n\nThey spoke for two hours.\n"

    assert ingest.split_header(raw, "a.txt") == (
        JAN_20,
        "Reuters",
        "Lavrov met Blinken.\n\nThey spoke for two hours.",
    )


def test_body_is_nfc_with_unix_line_ends_and_stripped() -> None:
    decomposed = "Gene\u0300ve"  # e + combining grave accent
    raw = f" date 2022-01-20 Reuters -   Talks in {decomposed}.\r\nMore talks.\r\n\r\n  "

    article = ingest.read_article_text(raw.encode("utf-8"), "a.txt")

    assert article.text == "Talks in Gen\u00e8ve.\nMore talks."
    assert (article.date, article.publisher, article.source) == (JAN_20, "Reuters", "a.txt")


def test_header_errors_are_input_errors() -> None:
    with pytest.raises(InputError, match=r"a\.txt"):
        ingest.split_header("Lavrov met Blinken in Geneva.", "a.txt")
    with pytest.raises(InputError, match="2022-02-30"):
        ingest.split_header(" date 2022-02-30 Reuters - Lavrov met Blinken.", "a.txt")


@pytest.mark.parametrize(
    "raw", [" date 2022-01-20", " date 2022-01-20 Reuters - ", " date 2022-01-20\n \n"]
)
def test_header_with_no_text_is_refused(raw: str) -> None:
    with pytest.raises(InputError, match="text"):
        ingest.read_article_text(raw.encode("utf-8"), "a.txt")


# The article key


def test_key_is_stable_for_the_same_content() -> None:
    raw = b" date 2022-01-20 Reuters - Lavrov met Blinken in Geneva."

    first = ingest.read_article_text(raw, "one.txt")
    second = ingest.read_article_text(raw, "elsewhere/two.txt")

    assert first.key == second.key


def test_key_differs_when_the_text_differs() -> None:
    one = ingest.read_article_text(b" date 2022-01-20 Reuters - Lavrov met Blinken.", "a.txt")
    two = ingest.read_article_text(b" date 2022-01-20 Reuters - Blinken met Lavrov.", "a.txt")

    assert one.key != two.key


@pytest.mark.parametrize(
    ("field", "value"), [("id", "tass-2022-01-10"), ("url", "https://example.org/news/1")]
)
def test_key_comes_from_id_or_url(field: str, value: str) -> None:
    def line(text: str) -> str:
        return json.dumps({field: value, "date": "2022-01-20", "text": text})

    first = ingest.read_jsonl_line(line("Lavrov met Blinken."), "a.jsonl:1")
    edited = ingest.read_jsonl_line(line("Lavrov met Blinken in Geneva."), "a.jsonl:2")
    bare = ingest.read_jsonl_line(
        json.dumps({"date": "2022-01-20", "text": "Lavrov met Blinken."}), "a.jsonl:3"
    )

    assert first.key == edited.key
    assert first.key != bare.key


# JSON Lines


def test_jsonl_every_field() -> None:
    record = {
        "id": "tass-2022-01-10",
        "date": "2022-01-10",
        "publisher": "TASS",
        "url": "https://example.org/tass/1",
        "title": "Ryabkov and Sherman meet",
        "text": " Ryabkov met Sherman in Geneva.\r\n",
    }

    article = ingest.read_jsonl_line(json.dumps(record), "a.jsonl:4")

    assert (
        article.ident,
        article.date,
        article.publisher,
        article.url,
        article.title,
        article.text,
        article.source,
    ) == (
        "tass-2022-01-10",
        dt.date(2022, 1, 10),
        "TASS",
        "https://example.org/tass/1",
        "Ryabkov and Sherman meet",
        "Ryabkov met Sherman in Geneva.",
        "a.jsonl:4",
    )


def test_jsonl_needs_only_date_and_text() -> None:
    article = ingest.read_jsonl_line('{"date": "2022-01-20", "text": "Talks."}', "a.jsonl:1")

    assert (article.date, article.text) == (JAN_20, "Talks.")
    assert (article.ident, article.publisher, article.url, article.title) == (None,) * 4


def test_jsonl_good_lines_survive_bad_ones() -> None:
    path = str(BAD / "lines.jsonl")

    items = list(ingest.read([path]))

    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [a.text for a in articles] == [
        "Lavrov met Blinken in Geneva.",
        "Blinken met Lavrov in Geneva.",
    ]
    assert [p.source for p in problems] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (2, ["JSON"]),  # broken JSON
        (3, ["date", "YYYY-MM-DD"]),  # no date
        (4, ["2022-02-30", "YYYY-MM-DD"]),  # no such day
        (5, ["text"]),  # empty text
        (6, ["object"]),  # an array, not an object
    ],
)
def test_jsonl_problem_names_the_line_and_the_fix(line: int, words: list[str]) -> None:
    path = str(BAD / "lines.jsonl")
    problems = {p.source: p for p in ingest.read([path]) if isinstance(p, Problem)}

    problem = problems[f"{path}:{line}"]

    assert str(problem).startswith(f"{path}:{line}: ")
    for word in words:
        assert word in problem.message


def test_jsonl_problem_names_the_line_once() -> None:
    path = str(BAD / "lines.jsonl")

    for problem in ingest.read([path]):
        if isinstance(problem, Problem):
            assert str(problem).count(path) == 1, str(problem)


# Inputs: files, folders, globs, stdin


def test_file() -> None:
    path = str(ARTICLES / "good" / "islam-times.txt")

    article = _article([path])

    assert (article.source, article.date, article.publisher) == (path, JAN_20, "Islam Times")
    assert article.text.startswith("Russian Foreign Minister Sergey Lavrov will meet")


def _tree(root: Path) -> None:
    (root / "a" / "deeper").mkdir(parents=True)
    (root / "b.txt").write_bytes(b" date 2022-01-20 Reuters - B.")
    (root / "a" / "c.jsonl").write_bytes(b'{"date": "2022-01-20", "text": "C."}\n')
    (root / "a" / "deeper" / "d.ndjson").write_bytes(b'{"date": "2022-01-20", "text": "D."}\n')
    (root / "a" / "a.txt").write_bytes(b" date 2022-01-20 Reuters - A.")
    (root / "notes.md").write_bytes(b"# not an article\n")
    (root / "data.csv").write_bytes(b"date,text\n")


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)

    texts = [item.text for item in ingest.read([str(tmp_path)]) if isinstance(item, Article)]
    again = [item.text for item in ingest.read([str(tmp_path)]) if isinstance(item, Article)]

    # a/a.txt, a/c.jsonl, a/deeper/d.ndjson, b.txt: sorted by path; .md and .csv are not read.
    assert texts == ["A.", "C.", "D.", "B."]
    assert again == texts


def test_glob_pattern(tmp_path: Path) -> None:
    _tree(tmp_path)

    items = list(ingest.read([str(tmp_path / "**" / "*.*json*")]))

    assert [i.text for i in items if isinstance(i, Article)] == ["C.", "D."]
    assert len(items) == 2


def test_glob_pattern_matching_nothing(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.txt")

    problem = _problem([pattern])

    assert problem.source == pattern


def test_folder_without_article_files(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_bytes(b"# not an article\n")

    problem = _problem([str(tmp_path)])

    assert problem.source == str(tmp_path)
    assert "holds no article files" in problem.message


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")

    problem = _problem([missing])

    assert problem.source == missing
    assert "no such file" in problem.message


def test_stdin_article_file(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b" date 2022-01-20 RIA Novosti - Ryabkov met Sherman.\n")

    article = _article(["-"])

    assert (article.publisher, article.text) == ("RIA Novosti", "Ryabkov met Sherman.")


def test_stdin_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(
        monkeypatch,
        b'\n{"date": "2022-01-20", "text": "One."}\n{"date": "2022-01-21", "text": "Two."}\n',
    )

    items = list(ingest.read(["-"]))

    assert [(i.date, i.text) for i in items if isinstance(i, Article)] == [
        (JAN_20, "One."),
        (dt.date(2022, 1, 21), "Two."),
    ]
    assert len(items) == 2


def test_inputs_are_read_in_the_order_given(tmp_path: Path) -> None:
    _tree(tmp_path)
    first, second = str(tmp_path / "b.txt"), str(tmp_path / "a" / "c.jsonl")

    items = list(ingest.read([first, second]))

    assert [i.text for i in items if isinstance(i, Article)] == ["B.", "C."]


# Bad input: each fixture in tests/data/articles/bad/ breaks one rule.

REFUSED = [
    # file name, words the message must hold: what is wrong and what to do.
    ("empty.txt", ["empty"]),
    ("whitespace-only.txt", ["empty"]),
    ("binary.txt", ["binary", "remove"]),
    ("latin1.txt", ["byte 50", "not UTF-8", "re-encode"]),  # é is byte 50
    ("missing-header.txt", ["header", "date YYYY-MM-DD"]),
    ("impossible-date.txt", ["2022-02-30", "YYYY-MM-DD"]),
    ("header-only.txt", ["text"]),
]


@pytest.mark.parametrize(("name", "words"), REFUSED)
def test_bad_file_is_a_problem_that_says_the_fix(name: str, words: list[str]) -> None:
    path = str(BAD / name)

    problem = _problem([path])

    # The line is named where the problem is on one (the header is line 1).
    assert problem.source in (path, f"{path}:1")
    assert str(problem).startswith(f"{problem.source}: ")
    for word in words:
        assert word in problem.message


@pytest.mark.parametrize("name", [name for name, _ in REFUSED])
def test_bad_file_message_names_the_file_once(name: str) -> None:
    path = str(BAD / name)

    problem = _problem([path])

    assert str(problem).count(path) == 1, str(problem)


def test_utf8_with_bom_is_accepted() -> None:
    article = _article([str(BAD / "bom-accepted.txt")])

    assert (article.date, article.publisher, article.text) == (
        JAN_20,
        "Reuters",
        "Lavrov met Blinken in Geneva.",
    )


def test_crlf_line_ends_are_accepted() -> None:
    article = _article([str(BAD / "crlf-accepted.txt")])

    assert (article.date, article.publisher, article.text) == (
        JAN_20,
        "Reuters",
        "Lavrov met Blinken\nin Geneva.\n\nThey spoke for two hours.",
    )


def test_bad_files_do_not_stop_good_ones() -> None:
    good = str(ARTICLES / "good" / "islam-times.txt")
    inputs = [str(BAD / "empty.txt"), good, str(BAD / "binary.txt")]

    items = list(ingest.read(inputs))

    assert [type(i) for i in items] == [Problem, Article, Problem]
    assert items[1].source == good
