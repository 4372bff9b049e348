"""Fixtures in flaskr's style: an indexed sample corpus, an app over it, a client, a runner."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from indexer.article import Article, extract_article
from indexer.pipeline import ingest_files
from search.backends import open_backend
from search.web import create_app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = FIXTURES / "pages"
# Datelines without a year are read relative to the day a page was ingested.
INGEST_DAY = dt.date(2026, 11, 23)


# the shipped corpus and the test pages, as `indexed_dir` holds them: five seeds, four written pages
INDEXED_PAGES = 9


def story(n: int, place: str = "GENEVA") -> str:
    """A short wire story, different for each n; the same n and place give the same text."""
    return (
        f"{place}, May {n % 28 + 1} - Negotiators from delegation number {n} reached agreement "
        f"on clause {n * 7} of the water-sharing accord on Tuesday, diplomats said after "
        f"the {n}th round of talks, which took place behind closed doors."
    )


def extract(path: Path, **kwargs: Any) -> Article:
    """A page file's extraction, as `dipnews index` makes it on INGEST_DAY."""
    return extract_article(path.read_bytes(), source=str(path), ingested=INGEST_DAY, **kwargs)


def html_page(article: str, after: str = "") -> bytes:
    """A news page around an article's HTML: a menu, the headline, then `after` the article."""
    return (
        "<html><body><nav><a href='/'>Home</a></nav><article>"
        f"<h1>Pakistan, Kazakhstan sign road transport deal</h1>{article}</article>{after}</body></html>"
    ).encode()


def seed(number: str) -> Path:
    return next(CORPUS.glob(f"{number}_*.txt"))


@pytest.fixture(scope="session")
def indexed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the shipped corpus and the test pages indexed (read-only for tests)."""
    data_dir = tmp_path_factory.mktemp("indexed")
    backend = open_backend(data_dir)
    report = ingest_files(data_dir, [CORPUS, PAGES], today=INGEST_DAY, backend=backend)
    # the write's merge thread saves postings beside the index: done before a test copies the dir
    backend.close()
    assert not report.failed, report.failed
    return data_dir


@pytest.fixture
def data_dir(indexed_dir: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the indexed data dir."""
    target = tmp_path / "data"
    shutil.copytree(indexed_dir, target)
    return target


@pytest.fixture(scope="session")
def app(indexed_dir: Path):
    return create_app({"TESTING": True, "DATA_DIR": str(indexed_dir)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
