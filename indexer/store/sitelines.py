"""Lines a site repeats on its pages: its chrome, learned from the corpus.

A menu label, a newsletter pitch, a moderation notice, an "About us" footer:
a site prints them on every page, where no rule written in advance names
them. The store keeps, for each archived article, the lines its extraction
kept and the site it comes from (the URL's host, else the outlet). A line
standing on more than half of a site's pages, and on two at the least, is
that site's chrome. A paragraph of prose is taken for chrome only at the
edges of the text (before the story's first paragraph of its own, after its
last): a background paragraph a newsroom repeats inside its stories stays.
A page most of whose lines stand on other pages is a copy of a story (a
reprint, an update at another address): nothing of it is taken for chrome.

The answer for a page is the same whether or not the page itself is stored
(it counts as one of the site's pages either way), so `dipnews extract`
prints what indexing stores. A page indexed before a site's chrome was
learned keeps it until `dipnews reindex`.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from indexer.clean.lines import is_paragraph

MIN_PAGES = 2  # a line on fewer of a site's pages is not its chrome
TIMEOUT = 30.0  # seconds a writer waits for another process's transaction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS page (id TEXT PRIMARY KEY, site TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS page_site ON page (site);
CREATE TABLE IF NOT EXISTS line (site TEXT NOT NULL, hash TEXT NOT NULL, page TEXT NOT NULL,
                                 PRIMARY KEY (site, hash, page));
CREATE INDEX IF NOT EXISTS line_page ON line (page);
"""


def use_wal(db: sqlite3.Connection) -> None:
    """Switch a new store to WAL (a lasting setting). Two processes opening a new store at once
    can find it busy whatever the timeout: the switch is tried again for a while."""
    for attempt in range(100):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if attempt == 99:
                raise
            time.sleep(0.05)


def site_of(url: str | None, outlet: str | None) -> str | None:
    """The key pages of one site share: the URL's host without "www.", else the outlet's name."""
    host = (urlsplit(url).hostname or "") if url else ""
    if host:
        return host.removeprefix("www.")
    return f"outlet:{outlet.casefold()}" if outlet else None


def line_hash(line: str) -> str:
    return hashlib.sha1(" ".join(line.casefold().split()).encode("utf-8")).hexdigest()[:16]


class SiteLines:
    """The store of the lines each archived page kept, by site (SQLite; ":memory:" for a scratch one)."""

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=TIMEOUT, isolation_level=None)
        # derived data (a reindex rebuilds it): a commit need not wait for the disk
        use_wal(self.db)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SiteLines:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def record(self, page_id: str, site: str | None, lines: Iterable[str]) -> None:
        """Store (or replace) what one page kept."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self._forget(page_id)
            if site:
                self.db.execute("INSERT INTO page VALUES (?, ?)", (page_id, site))
                hashes = {line_hash(line) for line in lines}
                self.db.executemany("INSERT INTO line VALUES (?, ?, ?)", ((site, h, page_id) for h in hashes))

    def forget(self, page_id: str) -> None:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self._forget(page_id)

    def clear(self) -> None:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM line")
            self.db.execute("DELETE FROM page")

    def _forget(self, page_id: str) -> None:
        self.db.execute("DELETE FROM line WHERE page = ?", (page_id,))
        self.db.execute("DELETE FROM page WHERE id = ?", (page_id,))

    def chrome(self, page_id: str, site: str | None, lines: list[str]) -> set[str]:
        """Those of a page's `lines` that are its site's chrome (the page counted as stored with them)."""
        if not site or not lines:
            return set()
        # the site's pages, this one counted whether stored or not: counted in the index on site
        # alone (with `id != ?` each of a large site's rows was read, 22 ms for 32,000 pages)
        (pages,) = self.db.execute("SELECT COUNT(*) FROM page WHERE site = ?", (site,)).fetchone()
        if (
            self.db.execute("SELECT 1 FROM page WHERE id = ? AND site = ?", (page_id, site)).fetchone()
            is None
        ):
            pages += 1
        hashes = [line_hash(line) for line in lines]
        seen: dict[str, int] = {}
        for chunk in _chunks(sorted(set(hashes)), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT hash, COUNT(*) FROM line"
                f" WHERE site = ? AND page != ? AND hash IN ({marks}) GROUP BY hash",
                (site, page_id, *chunk),
            )
            seen.update((h, count + 1) for h, count in rows)
        repeated = [seen.get(h, 1) >= max(MIN_PAGES, pages // 2 + 1) for h in hashes]
        if 2 * sum(repeated) > len(repeated):
            return set()  # most of the page is on other pages: a copy of a story, not chrome
        return set(_at_edges(lines, repeated))


def _at_edges(lines: list[str], repeated: list[bool]) -> list[str]:
    """The repeated lines to drop: any that is not prose, and prose only outside the page's own."""
    own = [i for i, line in enumerate(lines) if not repeated[i] and is_paragraph(line)]
    first, last = (own[0], own[-1]) if own else (len(lines), -1)
    return [
        line
        for i, line in enumerate(lines)
        if repeated[i] and (i < first or i > last or not is_paragraph(line))
    ]


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
