"""Shared fixtures: the spaCy pipeline and a seeds build are made once per test session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.build import BuildResult, build
from newsgraph.extract.entities import ARTICLE, PUBLISHED, PUBLISHER
from newsgraph.extract.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _cache_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds the tests run through the CLI keep their per-article cache in a temporary folder,
    not in the working directory."""
    before = os.environ.get("NEWSGRAPH_CACHE")
    os.environ["NEWSGRAPH_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["NEWSGRAPH_CACHE"]
    else:
        os.environ["NEWSGRAPH_CACHE"] = before


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[..., Doc]:
    """Parse a text as an article published on ``published`` (default 2022-01-20), by
    ``publisher`` (default none named)."""

    def run(
        text: str,
        published: str = "2022-01-20",
        article: str = "test",
        publisher: str | None = None,
    ) -> Doc:
        doc = nlp(text)
        doc.user_data[ARTICLE] = article
        doc.user_data[PUBLISHED] = published
        doc.user_data[PUBLISHER] = publisher
        return doc

    return run


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The seeds built into a fresh folder, as `make run` does into output/."""
    out = tmp_path_factory.mktemp("seeds-build")
    return out, build([str(SEEDS)], out)


def require_tool(path: str, package: str) -> str:
    """The path of an external program some tests need.

    Without it the test is skipped with a message naming the fix; in CI (``CI=true``), where
    `make system-deps` has installed it, its absence is a failure instead.
    """
    found = shutil.which(path)
    if found is None:
        message = f"{path} not found: install the Debian package {package} (`make system-deps`)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found
