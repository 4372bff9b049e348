"""Index and search through the library: queries, filters, facet counts, sorting, idempotence."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.errors import DipnewsError
from indexer.pipeline import ingest_bytes, ingest_files
from indexer.rebuild import reindex
from indexer.store.datadir import archive_for, index_dir
from search.backends import open_backend
from search.backends.whoosh import saved_postings
from search.query import SearchRequest, normalise_query
from tests.conftest import CORPUS, INDEXED_PAGES, INGEST_DAY, PAGES, seed

TOTAL = INDEXED_PAGES


@pytest.fixture(scope="module")
def engine(indexed_dir):
    return open_backend(indexed_dir)


def ids(result):
    return {hit.meta["source"].rsplit("/", 1)[-1][:3] for hit in result.hits}


def test_everything_is_indexed(engine):
    result = engine.search(SearchRequest())
    assert result.total == TOTAL
    assert result.undated == 3
    assert result.counts["date"] == {"2026-02-04": 3, "2026-01-20": 1, "2025-11-12": 1, "2026-03-03": 1}
    assert result.counts["outlet"] == {
        "The South Asia Times": 1,
        "Associated Press of Pakistan": 1,
        "Caspian Ledger": 1,
        "West Africa Wire": 1,
        "Reuters": 1,
        "(unknown)": 4,
    }


def test_keyword_search_with_stemming(engine):
    assert engine.search(SearchRequest(q="Kazakhstan trade")).total == 5
    assert engine.search(SearchRequest(q="railways")).total >= 2  # railway, railways
    assert engine.search(SearchRequest(q="cocoa")).total == 1


def test_phrase_and_boolean(engine):
    assert engine.search(SearchRequest(q='"strategic partnership"')).total == 4
    assert engine.search(SearchRequest(q='"partnership strategic"')).total == 0
    assert engine.search(SearchRequest(q="cocoa OR Turkmenistan")).total == 2
    assert engine.search(SearchRequest(q="Kazakhstan NOT Gaza")).total == 3
    assert engine.search(SearchRequest(q="Kazakhstan -Gaza")).total == 3
    assert engine.search(SearchRequest(q="Kazakhstan AND Gaza")).total == 2


def test_field_queries(engine):
    assert engine.search(SearchRequest(q="outlet:caspian")).total == 1
    assert engine.search(SearchRequest(q="topic:agriculture")).total >= 1
    assert engine.search(SearchRequest(q="date:2026-02")).total == 3
    assert engine.search(SearchRequest(q="date:[2026-01-01 TO 2026-01-31]")).total == 1
    assert engine.search(SearchRequest(q='title:"rail transit"')).total == 1


def test_curly_quotes_mean_quotes(engine):
    straight = engine.search(SearchRequest(q='"state visit"')).total
    assert straight >= 1  # else the two would agree at 0 whatever the quotes did
    assert engine.search(SearchRequest(q="“state visit”")).total == straight


def test_unbalanced_syntax_still_searches_and_says_so(engine):
    result = engine.search(SearchRequest(q='"Kazakhstan trade'))
    assert result.total == 5 and result.notes
    result = engine.search(SearchRequest(q="cocoa AND (farmers OR"))
    assert result.total == 1 and result.notes


def test_query_with_no_words_is_an_error(engine):
    with pytest.raises(DipnewsError):
        engine.search(SearchRequest(q="AND OR ((("))


def test_filters_combine_or_within_and_across_facets(engine):
    one = engine.search(SearchRequest(outlets=("Caspian Ledger",)))
    two = engine.search(SearchRequest(outlets=("Caspian Ledger", "West Africa Wire")))
    assert (one.total, two.total) == (1, 2)
    both = engine.search(
        SearchRequest(outlets=("Caspian Ledger", "West Africa Wire"), topics=("agriculture",))
    )
    assert both.total == 1


def test_facet_counts_ignore_their_own_selection(engine):
    result = engine.search(SearchRequest(outlets=("Caspian Ledger",)))
    assert result.counts["outlet"]["West Africa Wire"] == 1  # other outlets still counted
    assert sum(result.counts["date"].values()) + result.undated == 1  # other facets narrowed


def test_date_range_and_undated(engine):
    february = engine.search(SearchRequest(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 2, 28)))
    assert february.total == 3
    assert engine.search(SearchRequest(date_from=dt.date(2026, 1, 1))).total == 5
    assert engine.search(SearchRequest(undated=True)).total == 3


def test_sort_by_date_puts_undated_last(engine):
    every = {"page_size": 20, "collapse": False}
    newest = [h.meta["date"] for h in engine.search(SearchRequest(sort="newest", **every)).hits]
    oldest = [h.meta["date"] for h in engine.search(SearchRequest(sort="oldest", **every)).hits]
    assert newest[0] == "2026-03-03" and oldest[0] == "2025-11-12"
    assert newest[-3:] == [None] * 3 and oldest[-3:] == [None] * 3


def test_pagination(engine):
    every = {"sort": "newest", "page_size": 4, "collapse": False}
    pages = [engine.search(SearchRequest(page=p, **every)).hits for p in (1, 2, 3, 4)]
    assert [len(p) for p in pages] == [4, 4, 1, 0]
    assert len({hit.id for page in pages for hit in page}) == TOTAL


def test_snippets_are_highlighted_and_clean(engine):
    result = engine.search(SearchRequest(q="seaport"))
    assert result.hits
    for hit in result.hits:
        assert "<mark" in hit.snippet
        assert "Advertisement" not in hit.snippet


def test_snippets_start_and_end_on_whole_words(engine):
    import html
    import re

    hits = engine.search(SearchRequest(q="minister", collapse=False)).hits
    assert hits
    for hit in hits:
        body = engine.article(hit.id)["body"]
        for fragment in html.unescape(re.sub(r"<[^>]+>", "", hit.snippet)).split(" \u2026 "):
            at = body.find(fragment)
            assert at >= 0, fragment
            # not "s President ..." after "Pakistan\u2019s", nor "... Kazakhstan" before "\u2019s"
            assert at == 0 or not (body[at - 1].isalnum() or body[at - 1] in "\u2019'-"), fragment
            end = at + len(fragment)
            assert end == len(body) or not (body[end].isalnum() or body[end] in "\u2019'-"), fragment


def test_a_match_longer_than_a_snippet_is_no_error():
    from search.backends.whoosh.answers import WholeWordFragmenter
    from search.backends.whoosh.schema import make_schema

    text = "The " + "x" * 50 + "\u2019s deal was signed in Oslo."
    tokens = []
    for token in make_schema()["body"].analyzer(text, chars=True, mode="index"):
        token = token.copy()
        token.matched = token.text.startswith("xxx")
        tokens.append(token)
    # Whoosh makes a fragment without matches for it; the snapping leaves that one alone
    fragments = list(WholeWordFragmenter(maxchars=20, surround=5).fragment_tokens(text, iter(tokens)))
    assert fragments and all(f.startchar is not None for f in fragments)


@pytest.mark.parametrize("large", [1, saved_postings.LARGE_SEGMENT])  # positions saved, or read from Whoosh's
def test_words_typed_together_rank_the_phrase_first(tmp_path, monkeypatch, large):
    monkeypatch.setattr(saved_postings, "LARGE_SEGMENT", large)
    monkeypatch.setattr(saved_postings, "FREQUENT_IN_LARGE", 1)
    filler = " ".join(["Officials discussed customs, energy and transit corridors at length."] * 6)
    pages = {
        "apart": f"State budget talks in Astana\n{filler} Ministers plan to visit the port next year.",
        "phrase": f"Talks in Islamabad\nThe state visit opened with a ceremony. {filler}",
    }
    data = tmp_path / "data"
    ids = {name: ingest_bytes(data, text.encode())[0].id for name, text in pages.items()}
    engine = open_backend(data)
    result = engine.search(SearchRequest(q="state visit"))
    assert [hit.id for hit in result.hits] == [ids["phrase"], ids["apart"]]  # both match; the phrase first
    assert engine.search(SearchRequest(q="state OR visit")).total == 2


def test_normalise_query_rewrites():
    assert normalise_query("date:2026-02 trade").text == "date:2026-02* trade"
    assert normalise_query("a -b").text == "a NOT b"
    assert normalise_query("Pakistan-Kazakhstan").text == "Pakistan-Kazakhstan"


def test_same_page_twice_is_one_document(data_dir):
    report = ingest_files(data_dir, [seed("002")], today=INGEST_DAY)
    assert report.unchanged and not report.indexed
    article, status = ingest_bytes(data_dir, seed("002").read_bytes())
    assert status == "duplicate"
    assert open_backend(data_dir).search(SearchRequest()).total == TOTAL


def test_indexing_a_folder_again_reads_only_what_changed(data_dir, tmp_path, monkeypatch):
    import indexer.sources.reading

    extracted = []
    real = indexer.sources.reading.read_page_parts
    monkeypatch.setattr(
        indexer.sources.reading,
        "read_page_parts",
        lambda data, **kw: extracted.append(data) or real(data, **kw),
    )
    pages = len(list(CORPUS.iterdir()))
    report = ingest_files(data_dir, [CORPUS], today=INGEST_DAY + dt.timedelta(days=30))
    assert len(report.unchanged) == pages and not report.indexed and not extracted
    # a page with new metadata beside it is read again; the others are still skipped
    (tmp_path / "corpus").mkdir()
    for page in CORPUS.iterdir():
        (tmp_path / "corpus" / page.name).write_bytes(page.read_bytes())
    changed = sorted((tmp_path / "corpus").iterdir())[0]
    changed.with_name(changed.name + ".meta.json").write_text('{"outlet": "The Ledger"}', "utf-8")
    report = ingest_files(data_dir, [tmp_path / "corpus"], today=INGEST_DAY)
    assert report.indexed == [str(changed)] and len(extracted) == 1
    assert len(report.unchanged) == pages - 1


def test_indexing_a_folder_again_reads_no_record_the_catalog_knows(data_dir, monkeypatch):
    import indexer.store.archive

    ingest_files(data_dir, [CORPUS], today=INGEST_DAY)  # catalogs the records the first load wrote
    read = []
    real = indexer.store.archive._read_record
    monkeypatch.setattr(indexer.store.archive, "_read_record", lambda path: read.append(path) or real(path))
    report = ingest_files(data_dir, [CORPUS], today=INGEST_DAY)
    assert len(report.unchanged) == len(list(CORPUS.iterdir())) and not report.indexed
    assert read == []  # 35 s for 204,000 records when each was read


def test_a_deleted_article_is_not_indexed_though_its_term_lingers(data_dir):
    from search.backends.whoosh.writer import delete_article, indexed_ids, is_indexed

    gone = article_id_now(seed("002"))
    assert is_indexed(index_dir(data_dir), gone)
    assert delete_article(index_dir(data_dir), gone)
    assert not is_indexed(index_dir(data_dir), gone) and gone not in indexed_ids(index_dir(data_dir))
    assert len(indexed_ids(index_dir(data_dir))) == TOTAL - 1


def as_an_older_dipnews_stored_it(data_dir, page) -> tuple[str, str]:
    """Give a page without a URL the id an older extraction of its text gave it: its record
    (of an older extractor version, ingested a year earlier) and its document move there."""
    from dataclasses import replace

    from indexer.article import EXTRACTOR_VERSION, extract_article
    from search.backends.whoosh.writer import delete_article, write_articles

    archive = archive_for(data_dir)
    article = extract_article(page.read_bytes())
    record = archive.get_record(article.id)
    old_id = article.id[::-1]  # any other id
    old_day = record.ingested - dt.timedelta(days=365)
    archive.put_record(replace(record, id=old_id, extractor_version=EXTRACTOR_VERSION - 1, ingested=old_day))
    archive.delete_record(article.id)
    delete_article(index_dir(data_dir), article.id)
    article.id, article.extractor_version = old_id, EXTRACTOR_VERSION - 1
    write_articles(index_dir(data_dir), [article])
    return old_id, article_id_now(page)


def article_id_now(page) -> str:
    from indexer.article import extract_article

    return extract_article(page.read_bytes()).id


def ids_in(data_dir) -> tuple[set[str], set[str]]:
    from search.backends.whoosh.writer import indexed_ids

    return indexed_ids(index_dir(data_dir)), {record.id for record in archive_for(data_dir).records()}


def test_a_page_whose_id_changed_with_the_extraction_is_not_indexed_twice(data_dir):
    old_id, new_id = as_an_older_dipnews_stored_it(data_dir, seed("002"))
    report = ingest_files(data_dir, [CORPUS], today=INGEST_DAY)
    assert report.indexed == [str(seed("002"))]  # extracted again, under its new id
    in_index, in_archive = ids_in(data_dir)
    assert new_id in in_index and old_id not in in_index and old_id not in in_archive
    assert open_backend(data_dir).search(SearchRequest()).total == TOTAL
    record = archive_for(data_dir).get_record(new_id)
    assert record.ingested == INGEST_DAY - dt.timedelta(days=365)  # its first ingest day is kept
    # one page at a time (a file, the API) too
    old_id, new_id = as_an_older_dipnews_stored_it(data_dir, seed("003"))
    ingest_files(data_dir, [seed("003")], today=INGEST_DAY)
    old_id2, new_id2 = as_an_older_dipnews_stored_it(data_dir, seed("004"))
    article, status = ingest_bytes(data_dir, seed("004").read_bytes(), source=str(seed("004")))
    assert status == "added" and article.id == new_id2
    in_index, in_archive = ids_in(data_dir)
    assert {new_id, new_id2} <= in_index & in_archive and not {old_id, old_id2} & (in_index | in_archive)
    assert open_backend(data_dir).search(SearchRequest()).total == TOTAL


def test_reindex_moves_records_to_their_article_s_new_id(data_dir):
    from dataclasses import replace

    old_id, new_id = as_an_older_dipnews_stored_it(data_dir, seed("002"))
    # and a copy of the page, added before the move, now one article with it
    archive = archive_for(data_dir)
    copy = archive.get_record(old_id)
    archive.put_record(replace(copy, id="fedcba9876543210", ingested=INGEST_DAY))
    reindex(data_dir)
    in_index, in_archive = ids_in(data_dir)
    assert new_id in in_index and new_id in in_archive
    assert not {old_id, "fedcba9876543210"} & (in_index | in_archive)
    assert len(in_archive) == len(in_index) == TOTAL
    assert archive.get_record(new_id).ingested == INGEST_DAY - dt.timedelta(days=365)  # the earliest


def test_the_first_ingest_day_anchors_a_dateline_date(tmp_path):
    page = tmp_path / "talks.txt"
    page.write_text(
        "ISLAMABAD, Feb 20 (Reuters) - Pakistan and Kazakhstan signed a transit agreement on Friday, "
        "officials said, after two days of talks in the capital.\n"
        "The agreement opens Pakistani ports to Kazakh goods and sets up a joint working group.",
        "utf-8",
    )
    data = tmp_path / "data"
    ingest_files(data, [page], today=dt.date(2026, 2, 10))  # Feb 20 is then last year's
    (tmp_path / "talks.txt.meta.json").write_text('{"outlet": "Reuters"}', "utf-8")  # a later correction
    report = ingest_files(data, [page], today=dt.date(2026, 3, 1))
    assert report.indexed  # updated, not a duplicate: extracted again, on its first day
    hit = open_backend(data).search(SearchRequest()).hits[0]
    assert hit.meta["date"] == "2025-02-20" and hit.meta["date_source"] == "dateline"


def test_bad_pages_leave_index_and_archive_unchanged(data_dir, tmp_path):
    before = sorted(p.name for p in (data_dir / "archive" / "records").iterdir())
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (bad / "huge.txt").write_bytes(b"word " * 300)
    report = ingest_files(data_dir, [bad], max_bytes=1000)
    assert len(report.failed) == 3 and not report.indexed
    reasons = " ".join(reason for _, reason in report.failed)
    assert "empty" in reasons and "PNG" in reasons and "limit" in reasons
    assert sorted(p.name for p in (data_dir / "archive" / "records").iterdir()) == before
    assert open_backend(data_dir).search(SearchRequest()).total == TOTAL


def test_new_article_is_searchable_and_archived(data_dir):
    engine = open_backend(data_dir)
    assert engine.search(SearchRequest(q="Mongolia")).total == 0
    text = (
        b"Mongolia and South Korea signed a memorandum on rare earth mining cooperation "
        b"in Ulaanbaatar on Monday, officials said."
    )
    article, status = ingest_bytes(data_dir, text, supplied={"outlet": "Steppe Times"})
    assert status == "added"
    assert engine.search(SearchRequest(q="Mongolia")).total == 1  # the same engine sees it
    assert (data_dir / "archive" / "records" / f"{article.id}.json").exists()


def test_reindex_reports_progress_for_every_page_even_one_it_cannot_read(data_dir):
    archive = archive_for(data_dir)
    lost = next(archive.records())
    next((data_dir / "archive" / "objects").rglob(lost.raw_sha256)).unlink()  # a raw page lost on disk
    steps = []
    report = reindex(data_dir, progress=lambda: steps.append(1))
    assert len(report.failed) == 1 and len(report.indexed) == TOTAL - 1
    assert len(steps) == 2 * TOTAL  # read and written: the bar ends full


def test_reindex_rebuilds_the_same_documents(data_dir):
    engine = open_backend(data_dir)
    before = {
        (h.id, h.title, h.meta["date"], h.meta["outlet"])
        for h in engine.search(SearchRequest(page_size=50, collapse=False)).hits
    }
    report = reindex(data_dir)
    assert not report.failed and len(report.indexed) == TOTAL
    after = {
        (h.id, h.title, h.meta["date"], h.meta["outlet"])
        for h in engine.search(SearchRequest(page_size=50, collapse=False)).hits
    }
    assert after == before


def test_stats_coverage(engine):
    stats = engine.stats()
    assert stats["documents"] == TOTAL
    assert stats["with_date"] == 6 and stats["undated"] == 3
    assert stats["with_outlet"] == 5
    assert stats["date_sources"]["dateline"] == 2


def test_missing_index_is_empty_not_an_error(tmp_path):
    engine = open_backend(tmp_path / "nothing")
    assert engine.search(SearchRequest(q="x")).total == 0
    assert engine.article("abc") is None


def test_corpus_folder_holds_the_seeds():
    assert len(list(CORPUS.glob("*.txt"))) == 5
    assert (PAGES / "brussels-summit.txt.meta.json").exists()


def test_country_and_person_facets(engine):
    result = engine.search(SearchRequest())
    assert result.counts["country"]["pk"] == 5 and result.counts["country"]["kz"] == 5
    assert result.counts["person"]["Kassym-Jomart Tokayev"] == 5
    assert engine.search(SearchRequest(countries=("GH",))).total == 1
    either = engine.search(SearchRequest(countries=("GH", "UZ"))).total
    both = engine.search(SearchRequest(countries=("PK", "KZ"), all_countries=True)).total
    none = engine.search(SearchRequest(countries=("GH", "UZ"), all_countries=True)).total
    assert (either, both, none) == (2, 5, 0)
    assert engine.search(SearchRequest(persons=("Shehbaz Sharif",))).total == 5
    assert engine.search(SearchRequest(q="person:tokayev")).total == 5
    assert engine.search(SearchRequest(q="country:pk")).total == 5


def test_unknown_outlet_bucket_filters(engine):
    result = engine.search(SearchRequest(outlets=("(unknown)",)))
    assert result.total == 4
    assert all(hit.meta["outlet"] is None for hit in result.hits)


def test_old_index_is_rebuilt_from_the_archive(data_dir):
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    from indexer.rebuild import upgrade_if_needed

    # An index written by an older dipnews (another schema), as found after an upgrade.
    whoosh_index.create_in(index_dir(data_dir), Schema(id=ID(stored=True, unique=True), body=TEXT))
    assert open_backend(data_dir).search(SearchRequest()).total == 0
    assert upgrade_if_needed(data_dir)
    assert open_backend(data_dir).search(SearchRequest()).total == TOTAL
    assert not upgrade_if_needed(data_dir)
