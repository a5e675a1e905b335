"""Reuters-21578 conversion to JSON Lines, on a small folder in the package's layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.corpora import reuters
from newsgraph.errors import InputError
from newsgraph.ingest import Article, read

STORIES = [
    {
        "title": "OPEC MINISTERS TO MEET\n",
        "body": "OPEC oil ministers will meet in\nVienna on June 25, officials said.\n Reuter\n",
        "date": " 2-MAR-1987 09:16:08.70",
        "places": ["austria"],
        "id": "12",
    },
    {"title": "NO BODY", "date": " 2-MAR-1987 10:00:00.00", "id": "13"},
]


def _folder(tmp_path: Path, stories: list[dict[str, object]]) -> Path:
    folder = tmp_path / "full"
    folder.mkdir()
    (folder / "reuters-000.json").write_text(json.dumps(stories), encoding="utf-8")
    return folder


def test_stories_with_a_body_become_articles(tmp_path: Path) -> None:
    records = list(reuters(_folder(tmp_path, STORIES)))
    assert records == [
        {
            "id": "reuters-12",
            "date": "1987-03-02",
            "publisher": "Reuters",
            "title": "OPEC MINISTERS TO MEET",
            "text": "OPEC oil ministers will meet in Vienna on June 25, officials said.",
            "places": ["austria"],
        }
    ]


def test_cli_writes_json_lines_that_ingest_reads(tmp_path: Path) -> None:
    out = tmp_path / "reuters.jsonl"
    run = CliRunner().invoke(
        main, ["corpus", "reuters", str(_folder(tmp_path, STORIES)), "--out", str(out)]
    )
    assert run.exit_code == 0, run.output
    (article,) = list(read([str(out)]))
    assert isinstance(article, Article)
    assert article.ident == "reuters-12"
    assert article.publisher == "Reuters"
    assert article.date.isoformat() == "1987-03-02"


def test_empty_folder_says_how_to_get_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="make corpus"):
        list(reuters(tmp_path / "empty"))


def test_bad_date_names_the_story(tmp_path: Path) -> None:
    story = {**STORIES[0], "date": "yesterday"}
    with pytest.raises(InputError, match="story 12"):
        list(reuters(_folder(tmp_path, [story])))
