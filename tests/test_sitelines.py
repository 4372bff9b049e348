"""Sites' repeated chrome, learned from the corpus: the store, and what indexing and extract do with it."""

from __future__ import annotations

import json

from indexer.article import extract_article
from indexer.pipeline import delete, ingest_bytes, ingest_files
from indexer.rebuild import reindex
from indexer.store.datadir import site_lines_for, site_lines_path
from indexer.store.sitelines import SiteLines, site_of
from search.backends import open_backend
from search.cli import cli
from search.query import SearchRequest

PITCH = "Ledger Plus members read every story without limits"
FOOTER = (
    "The Steppe Ledger is published by Ledger Media in Almaty and read in forty countries. "
    "Write to the newsroom with corrections and tips at any hour."
)
BACKGROUND = (
    "Kazakhstan and Pakistan established diplomatic relations in 1992 and have signed more than "
    "forty agreements since then, according to the foreign ministry."
)


def story(n: int, background: bool = False) -> str:
    lines = [
        f"Envoys meet on transit route number {n}",
        "Menu",
        f"ASTANA, Feb {n} - The foreign ministers of Kazakhstan and Pakistan met in Astana on day {n} "
        f"and agreed on a rail corridor through Afghanistan, officials said after talks round {n}.",
        PITCH,
        *([BACKGROUND] if background else []),
        f"The corridor number {n} would cut the journey of goods from Karachi to Almaty by a week, "
        "the ministers said in a joint statement issued after the meeting.",
        FOOTER,
    ]
    return "\n".join(lines)


def test_a_line_on_most_of_a_site_s_pages_is_its_chrome():
    store = SiteLines(":memory:")
    pages = {n: story(n, background=n < 3).split("\n") for n in range(1, 5)}
    for n in (1, 2, 3):
        store.record(f"p{n}", "ledger.example", pages[n])
    # page 4 is counted as the site's fourth page whether it is stored or not
    found = store.chrome("p4", "ledger.example", pages[4])
    assert found == {"Menu", PITCH, FOOTER}
    store.record("p4", "ledger.example", pages[4])
    assert store.chrome("p4", "ledger.example", pages[4]) == found
    # a paragraph repeated inside stories is the stories' own, even on most pages
    assert BACKGROUND not in store.chrome("p1", "ledger.example", pages[1])
    # another site's pages teach nothing about this one
    assert store.chrome("x", "other.example", pages[4]) == set()
    # a line on two of five pages is not on most of them
    assert store.chrome("p5", "ledger.example", [pages[1][0], PITCH]) == {PITCH}
    # a copy of a stored story (one line updated) keeps its text: it is not chrome
    store.record("p6", "ledger.example", pages[1])
    update = [
        *pages[1][:-2],
        "A paragraph added when the story was updated, officials said later.",
        pages[1][-1],
    ]
    assert store.chrome("p7", "ledger.example", update) == set()


def test_site_key():
    assert site_of("https://www.ledger.example/news/1", "The Ledger") == "ledger.example"
    assert site_of(None, "The Ledger") == "outlet:the ledger"
    assert site_of(None, None) is None


def test_indexing_learns_a_site_s_chrome_and_extract_shows_it(tmp_path, runner):
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(1, 4):
        page = folder / f"ledger-{n}.txt"
        page.write_text(story(n), "utf-8")
        (folder / f"ledger-{n}.txt.meta.json").write_text(json.dumps({"url": f"https://ledger.example/{n}"}))
    other = folder / "other.txt"
    other.write_text(story(9).replace("Envoys", "Diplomats"), "utf-8")
    (folder / "other.txt.meta.json").write_text(json.dumps({"url": "https://other.example/9"}))
    data_dir = tmp_path / "data"

    assert PITCH in extract_article(story(1).encode()).body  # no rule knows this line: the corpus does
    report = ingest_files(data_dir, [folder])
    assert len(report.indexed) == 4
    reindex(data_dir)  # the first pages were indexed before their site's chrome was learned
    engine = open_backend(data_dir)
    hits = engine.search(SearchRequest(q='"members read every story"')).hits
    assert [hit.meta["url"] for hit in hits] == ["https://other.example/9"]
    assert engine.search(SearchRequest(q="corridor")).total == 4
    assert engine.stats()["site_chrome_dropped"] == 3  # the three ledger pages

    result = runner.invoke(
        cli, ["--data-dir", str(data_dir), "extract", "--json", str(folder / "ledger-2.txt")]
    )
    printed = json.loads(result.output)
    assert printed["site"] == "ledger.example"
    assert set(printed["site_chrome"]) == {PITCH, FOOTER}
    assert PITCH not in printed["body"] and "rail corridor" in printed["body"]

    # deleting pages unlearns: with no ledger page left, a new one repeats nothing
    store = site_lines_for(data_dir)
    for n in (1, 2, 3):
        assert delete(
            data_dir, extract_article(story(n).encode(), supplied={"url": f"https://ledger.example/{n}"}).id
        )
    assert store.chrome("new", "ledger.example", [PITCH, FOOTER]) == set()
    store.close()


def test_an_archive_from_before_is_learned_from_on_the_next_write(data_dir):
    site_lines_path(data_dir).unlink()  # as an archive written by an older dipnews
    assert not delete(data_dir, "0123456789abcdef")  # any write, even one that changes nothing
    ingest_bytes(data_dir, story(1).encode(), supplied={"url": "https://ledger.example/1"})
    store = site_lines_for(data_dir)
    sites = {site for (site,) in store.db.execute("SELECT site FROM page")}
    store.close()
    # the archived pages with a site, not only the new one
    assert {"ledger.example", "outlet:the south asia times", "outlet:caspian ledger"} <= sites
