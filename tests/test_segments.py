"""Whoosh writes staged beside the index: the lock is held only to publish, merges keep deletions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import TEXT, Schema

from indexer.article import Article, extract_article
from search.backends.whoosh import generation as generation_module
from search.backends.whoosh import merging, saved_postings, story_index, writer
from search.backends.whoosh import segments as segments_module
from search.backends.whoosh.columns import SegmentColumns, column_cache, positions, postings
from search.backends.whoosh.engine import WhooshBackend
from search.backends.whoosh.generation import PostingsCache, open_lazy_files
from search.backends.whoosh.saved_postings import SavedPostings
from search.backends.whoosh.schema import make_schema
from search.backends.whoosh.segments import STAGING, Superseded, publisher, stage_merge
from search.backends.whoosh.storage import open_index
from search.parsing import QUERY_FIELDS
from search.query import SearchRequest
from tests.conftest import story


def article(n: int, outlet: str = "Wire", text: str | None = None) -> Article:
    return extract_article(
        (text or story(n)).encode(),
        supplied={"outlet": outlet, "url": f"https://{outlet.lower()}.example/{n}"},
    )


def live(index_dir: Path) -> dict[str, dict]:
    """Every live document's metadata by id, read straight from Whoosh."""
    with whoosh_index.open_dir(index_dir).searcher() as searcher:
        metas = [json.loads(fields["meta"]) for fields in searcher.all_stored_fields()]
    assert len(metas) == len({meta["id"] for meta in metas}), "an article held twice"
    return {meta["id"]: meta for meta in metas}


def segments(index_dir: Path) -> list:
    return list(whoosh_index.open_dir(index_dir)._segments())


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


def test_a_merge_keeps_what_was_deleted_and_added_while_it_ran(index_dir):
    written = [article(n) for n in range(6)]
    for one in written:  # a segment each
        writer.write_articles(index_dir, [one])
    ix = open_index(index_dir)
    staged = stage_merge(index_dir, ix.storage, ix.schema, segments(index_dir)[:4])
    # while it runs, without waiting for it: a delete in a segment being merged, and an add
    assert writer.delete_article(index_dir, written[2].id)
    writer.write_articles(index_dir, [article(99)])
    with writer.locked_writer(index_dir) as w:
        w.commit(mergetype=publisher(index_dir, [staged]))
    staged.discard()
    expected = {a.id for a in written} - {written[2].id} | {article(99).id}
    assert set(live(index_dir)) == expected
    assert len(segments(index_dir)) == 1 + 2 + 1  # the merged one, the two left, the added one


def test_a_merge_another_writer_overtook_is_dropped(index_dir):
    for n in range(3):
        writer.write_articles(index_dir, [article(n)])
    ix = open_index(index_dir)
    first = stage_merge(index_dir, ix.storage, ix.schema, segments(index_dir))
    second = stage_merge(index_dir, ix.storage, ix.schema, segments(index_dir))
    with writer.locked_writer(index_dir) as w:
        w.commit(mergetype=publisher(index_dir, [second]))
    with pytest.raises(Superseded), writer.locked_writer(index_dir) as w:
        w.commit(mergetype=publisher(index_dir, [first]))
    first.discard()
    second.discard()
    assert len(live(index_dir)) == 3 and len(segments(index_dir)) == 1


def test_merging_keeps_every_article_and_bounds_the_segments(index_dir):
    for n in range(2 * merging.MERGE_FACTOR + 3):
        writer.write_articles(index_dir, [article(n)])
    changes = writer.change_count(index_dir)
    assert merging.merge_segments(index_dir) >= 2
    assert writer.change_count(index_dir) == changes  # no batch staged meanwhile need be grouped again
    assert len(segments(index_dir)) < merging.MERGE_FACTOR
    assert len(live(index_dir)) == 2 * merging.MERGE_FACTOR + 3
    assert not any((index_dir / STAGING).iterdir())  # nothing left beside the index


def staging_with(monkeypatch, during) -> None:
    """Run `during()` while the next batch is being staged, as another writer would."""
    real = writer.stage_documents

    def stage(*args, **kwargs):
        monkeypatch.setattr(writer, "stage_documents", real)  # once: `during` writes too
        during()
        return real(*args, **kwargs)

    monkeypatch.setattr(writer, "stage_documents", stage)


def test_a_write_goes_through_while_a_batch_is_staged_and_joins_its_story(index_dir, monkeypatch):
    writer.write_articles(index_dir, [article(1)])  # an index to begin with
    text = story(7, place="ASTANA")
    # the lock is free while the batch is staged: this write would otherwise time out
    staging_with(monkeypatch, lambda: writer.write_articles(index_dir, [article(7, "Other", text)]))
    writer.write_articles(index_dir, [article(7, "Wire", text)])
    metas = live(index_dir)
    wire, other = article(7, "Wire", text).id, article(7, "Other", text).id
    assert set(metas) == {article(1).id, wire, other}
    # grouped again against the commit it did not see: one near-duplicate group, one story
    assert metas[wire]["dup_group"] == metas[other]["dup_group"]
    assert metas[wire]["story_id"] == metas[other]["story_id"]


def test_the_same_article_written_while_it_is_staged_is_one_document(index_dir, monkeypatch):
    writer.write_articles(index_dir, [article(1)])
    staging_with(monkeypatch, lambda: writer.write_articles(index_dir, [article(5)]))
    writer.write_articles(index_dir, [article(5), article(6)])
    assert set(live(index_dir)) == {article(n).id for n in (1, 5, 6)}


def test_a_staging_folder_left_by_a_killed_writer_is_removed(index_dir):
    writer.write_articles(index_dir, [article(1)])
    abandoned = index_dir / STAGING / f"{2**22 + 12345}-deadbeef"  # past Linux's pid range
    abandoned.mkdir(parents=True)
    (abandoned / "MAIN_x.seg").write_bytes(b"half a segment")
    mine = index_dir / STAGING / f"{os.getpid()}-busy"
    mine.mkdir()
    writer.write_articles(index_dir, [article(2)])
    assert not abandoned.exists() and mine.exists()
    assert set(live(index_dir)) == {article(1).id, article(2).id}


def test_a_segment_merged_away_is_not_read_as_one_without_dates(index_dir):
    # A generation opened before a merge reads the columns of segments the merge removed: a
    # column file it never opened is then missing, and must not read as "no document is dated".
    for n in range(2):  # a segment each, dated
        writer.write_articles(index_dir, [article(n)])
    searcher = open_index(index_dir).searcher()
    open_lazy_files(searcher)  # what a generation holds open: stored fields and lengths
    leaf = searcher.reader().leaf_readers()[0][0]
    segment_id = leaf.segment().segment_id()
    assert json.loads(leaf.stored_fields(0)["meta"])["date"]
    merging.merge_to_one(index_dir)  # the two segments merged into one: their files removed
    with pytest.raises(FileNotFoundError):
        SegmentColumns.cached(index_dir, segment_id, leaf, QUERY_FIELDS)
    assert not column_cache(index_dir, segment_id).exists()  # nothing wrong kept for later
    searcher.close()


@pytest.mark.parametrize("large", [False, True])  # a batch's segment, or a merge's large one with positions
def test_a_segments_frequent_words_are_saved_as_whoosh_decodes_them(index_dir, monkeypatch, large):
    monkeypatch.setattr(saved_postings, "FREQUENT", 3)
    monkeypatch.setattr(saved_postings, "FREQUENT_IN_LARGE", 3)
    monkeypatch.setattr(saved_postings, "LARGE_SEGMENT", 5 if large else 6)
    backend = WhooshBackend(index_dir)
    backend.write([article(n) for n in range(4)] + [article(9, text="Talks on water. Talks again.")])
    backend.close()  # once its merge thread has saved the postings
    with open_index(index_dir).reader() as reader:
        [(leaf, _)] = reader.leaf_readers()
        saved = SavedPostings.open(index_dir, leaf.segment().segment_id())
        assert saved is not None
        words = {key.split(":", 1)[1] for key in saved.terms}
        assert {"talk", "water", "negoti", "claus"} <= words and "again" not in words  # in one only
        assert "topic:treaties" in saved.terms  # a facet's value too: filters read its postings
        for key in saved.terms:
            fieldname, text = key.split(":", 1)
            ids, weights = saved.get(fieldname, text.encode())
            expected_ids, expected_weights = postings(leaf, fieldname, text.encode())
            assert ids.tolist() == expected_ids.tolist() and weights.tolist() == expected_weights.tolist()
            if (
                fieldname in QUERY_FIELDS and large
            ):  # the positions the phrase check reads, as Whoosh has them
                asked = list(range(leaf.doc_count_all()))
                expected_places = positions(leaf, fieldname, text.encode(), asked)
                assert saved.positions(fieldname, text.encode(), asked) == expected_places
                assert saved.positions(fieldname, text.encode(), asked[1::2]) == {
                    doc: where for doc, where in expected_places.items() if doc % 2
                }
            else:
                assert saved.positions(fieldname, text.encode(), [0]) is None
    # "Talks on water. Talks again.": a stop word takes no position
    assert saved.positions("body", b"talk", [4]) == ({4: frozenset({0, 2})} if large else None)
    found = backend.search(SearchRequest(q="talks water"))
    assert found.total == 5 and found.hits[0].id == article(9, text="Talks on water. Talks again.").id
    backend.close()
    for path in index_dir.glob(f"*{saved_postings.ABOUT_SUFFIX}"):
        path.unlink()  # the same answer decoded from Whoosh's postings
    decoded = WhooshBackend(index_dir)
    assert [hit.id for hit in decoded.search(SearchRequest(q="talks water")).hits] == [
        h.id for h in found.hits
    ]
    # an index without saved postings (an older dipnews wrote it) gets them after its next write
    decoded.write([article(10)])
    decoded.close()
    assert {path.name.split(".")[0] for path in index_dir.glob(f"*{saved_postings.ABOUT_SUFFIX}")} == {
        segment.segment_id() for segment in segments(index_dir)
    }


def test_saved_postings_go_with_their_segment_and_a_merge_saves_its_own(index_dir, monkeypatch):
    monkeypatch.setattr(saved_postings, "FREQUENT", 2)
    backend = WhooshBackend(index_dir)
    for n in range(2):
        backend.write([article(2 * n), article(2 * n + 1)])
    backend.close()  # (waits for its merge thread, if any)
    before = {path.name for path in index_dir.glob(f"*{saved_postings.ABOUT_SUFFIX}")}
    assert len(before) == len(segments(index_dir)) == 2
    backend.optimize()
    after = {path.name for path in index_dir.glob(f"*{saved_postings.ABOUT_SUFFIX}")}
    [merged] = segments(index_dir)
    assert after == {f"{merged.segment_id()}{saved_postings.ABOUT_SUFFIX}"}
    assert WhooshBackend(index_dir).search(SearchRequest(q="negotiators")).total == 4


def test_a_batch_and_a_merge_are_published_with_their_saved_postings(index_dir, monkeypatch):
    # saved only after the commit, in the merge thread, the segments a bulk load wrote during a
    # long merge had none, and every query decoded their postings from Whoosh's
    monkeypatch.setattr(saved_postings, "FREQUENT", 2)
    for n in range(merging.MERGE_FACTOR):
        writer.write_articles(index_dir, [article(2 * n), article(2 * n + 1)])  # no backend, no thread
    published = {segment.segment_id() for segment in segments(index_dir)}
    assert len(published) == merging.MERGE_FACTOR
    for segment_id in published:
        saved = SavedPostings.open(index_dir, segment_id)
        assert saved is not None and "body:negoti" in saved.terms  # in both of its articles
    assert merging.merge_segments(index_dir) == 1
    [merged] = segments(index_dir)
    saved = SavedPostings.open(index_dir, merged.segment_id())
    assert saved is not None
    ids, _ = saved.get("body", b"negoti")
    assert len(ids) == 2 * merging.MERGE_FACTOR


def test_a_segment_without_saved_postings_is_looked_for_at_most_once_a_second(index_dir, monkeypatch):
    writer.write_articles(index_dir, [article(1)])
    [segment] = segments(index_dir)
    saved_postings.saved_path(index_dir, segment.segment_id()).unlink()  # as Whoosh's writer leaves it
    opened = []
    real_open = SavedPostings.open
    monkeypatch.setattr(SavedPostings, "open", lambda *args: opened.append(args) or real_open(*args))
    cache = PostingsCache(index_dir)
    with open_index(index_dir).reader() as reader:
        for _ in range(5):
            ids, _ = cache.get(segment.segment_id(), reader, "body", b"negoti")
            assert ids.tolist() == [0]  # decoded from Whoosh's postings
        assert len(opened) == 1
        monkeypatch.setattr(generation_module, "LOOK_AGAIN_SECONDS", 0.0)
        cache.get(segment.segment_id(), reader, "body", b"negoti")
        assert len(opened) == 2


def test_positions_are_read_from_the_blocks_that_hold_the_documents_asked_for(tmp_path):
    ix = whoosh_index.create_in(tmp_path, Schema(body=TEXT(phrase=True)))
    w = ix.writer()
    for n in range(700):  # six blocks of postings; "beta" in every third document, at varying places
        w.add_document(body=" ".join(["alpha"] * (n % 5) + (["beta"] if n % 3 == 0 else []) + ["gamma"]))
    w.commit()
    w = ix.writer()
    w.delete_document(3)  # a segment with deletions: Whoosh wraps its postings in a filter
    w.commit()
    with ix.reader() as reader:
        asked = [0, 1, 3, 6, 300, 301, 303, 498, 699]
        found = positions(reader, "body", "beta", asked)
        expected = {}
        matcher = reader.postings("body", "beta")
        while matcher.is_active():
            if matcher.id() in asked:
                expected[matcher.id()] = frozenset(matcher.value_as("positions"))
            matcher.next()
        assert found == {doc: where for doc, where in expected.items()} | {3: frozenset([3])}
        assert found[300] == frozenset([0]) and found[498] == frozenset([3])  # n % 5 alphas first
        assert positions(reader, "body", "beta", []) == {} and positions(reader, "body", "beta", [700]) == {}
    w = ix.writer()
    for doc in range(140):  # "gamma"'s whole first block deleted: its postings are still as written
        w.delete_document(doc)
    w.commit(optimize=False)
    with ix.reader() as reader:
        ids, weights = postings(reader, "body", b"gamma")
        assert ids.tolist() == list(range(700)) and len(weights) == 700  # deleted documents included
        assert positions(reader, "body", "gamma", [141, 699]) == {141: {2}, 699: {5}}


def test_facet_counts_and_filters_stay_right_as_generations_add_values(index_dir):
    backend = WhooshBackend(index_dir)
    backend.write([article(n, outlet="Wire") for n in range(3)])
    first = backend.search(SearchRequest())
    backend.write([article(n, outlet="Other") for n in range(10, 12)])  # a new value, a new generation
    second = backend.search(SearchRequest())
    assert first.counts["outlet"] == {"Wire": 3}
    assert second.counts["outlet"] == {"Wire": 3, "Other": 2}
    assert second.stories == second.total == 5
    # filtering by a value coded in an earlier generation
    assert backend.search(SearchRequest(outlets=("Wire",))).total == 3
    backend.close()
    backend.optimize()  # the segments merged away: their values go once they outnumber the documents
    assert WhooshBackend(index_dir).search(SearchRequest(outlets=("Other",))).total == 2


def test_browsing_everything_is_counted_once_per_generation_and_each_answer_is_its_own(index_dir):
    backend = WhooshBackend(index_dir)
    backend.write([article(n, outlet="Wire") for n in range(3)])
    first = backend.search(SearchRequest())
    first.counts["outlet"]["Wire"] = 99  # a caller changing its answer changes no other
    again = backend.search(SearchRequest(sort="oldest"))
    assert again.counts["outlet"] == {"Wire": 3} and again.stories == again.total == 3
    backend.write([article(7, outlet="Other")])  # a new generation counts afresh
    assert backend.search(SearchRequest()).counts["outlet"] == {"Wire": 3, "Other": 1}
    backend.close()


def test_a_facet_of_many_values_counts_few_matches_as_it_counts_many():
    import numpy as np

    from search.backends.whoosh.columns import FacetColumn

    rng = np.random.default_rng(1)
    size = 20_000
    docs = np.sort(rng.integers(0, size, 60_000)).astype(np.int32)  # (document, value) pairs
    codes = rng.integers(0, 50, len(docs)).astype(np.int32)
    column = FacetColumn([f"v{i}" for i in range(50)], docs, codes, size, multi=True)
    for share in (0.0, 0.001, 0.05, 0.2, 0.9):  # below and above the share that reads pairs only
        matched = rng.random(size) < share
        assert column.count(matched).tolist() == np.bincount(codes[matched[docs]], minlength=50).tolist()


def _grouping_answers(index_dir: Path, saved: bool) -> tuple[dict, dict]:
    """Grouping's look-ups of every story term and document: from the segments' saved story
    indexes, or (`saved` false) through Whoosh alone."""
    from search.backends.whoosh.lookups import WhooshLookups

    with open_index(index_dir).searcher() as searcher:
        lookups = WhooshLookups(searcher, index_dir if saved else None)
        terms = sorted(term.decode() for term in searcher.reader().lexicon("story_terms"))
        candidates = lookups.story_candidates([*terms, "b0xnothing", "zz|nowhere"])
        stories = {}
        for ref in searcher.document_numbers():
            key, fields = lookups.story(ref)
            stories[ref] = (key.minhash.tolist(), key.countries, key.specifics, key.date, fields)
        return candidates, stories


def test_a_segments_story_index_comes_with_it_and_answers_grouping_as_whoosh_does(index_dir, monkeypatch):
    from search.backends.whoosh.lookups import WhooshLookups

    written = [article(n) for n in range(10)]
    for one in written:  # a batch's segment comes with its story index
        writer.write_articles(index_dir, [one])
    assert all(story_index.saved_path(index_dir, s.segment_id()).exists() for s in segments(index_dir))
    written.append(article(0, outlet="Copy"))  # a near-duplicate: its original is regrouped
    writer.write_articles(index_dir, written[-1:])
    assert writer.delete_article(index_dir, written[3].id)  # a deleted document is no candidate
    candidates, stories = _grouping_answers(index_dir, saved=True)
    assert candidates and len(stories) == 10
    assert any(len(refs) == 2 for refs in candidates.values())  # the copy shares its bands
    assert (candidates, stories) == _grouping_answers(index_dir, saved=False)
    # segments Whoosh's own writer made (the regrouped original) get theirs in the merge thread
    with open_index(index_dir).reader() as reader:
        for leaf, _ in reader.leaf_readers():
            if not story_index.saved_path(index_dir, leaf.segment().segment_id()).exists():
                story_index.save(index_dir, leaf.segment().segment_id(), leaf)
    # a merged segment's story index is made from its sources': no stored field is read for it
    assert merging.merge_segments(index_dir) == 1
    merged = max(segments(index_dir), key=lambda s: s.doc_count_all())
    assert story_index.saved_path(index_dir, merged.segment_id()).exists()
    monkeypatch.setattr(WhooshLookups, "stored", lambda self, ref: 1 / 0)
    after = _grouping_answers(index_dir, saved=True)
    monkeypatch.undo()
    assert after == _grouping_answers(index_dir, saved=False)
    assert {fields["id"] for *_, fields in after[1].values()} == {a.id for a in written} - {written[3].id}
    # the merged-away segments' story indexes are no longer held open (their files are deleted)
    assert {segment_id for folder, segment_id in story_index._LOADED if folder == str(index_dir)} == {
        s.segment_id() for s in segments(index_dir)
    }


def test_a_segment_without_a_story_index_is_asked_through_whoosh_and_given_one_by_the_merge_thread(index_dir):
    backend = WhooshBackend(index_dir)
    backend.write([article(0), article(1)])
    [segment] = segments(index_dir)
    for path in index_dir.glob(f"{segment.segment_id()}.dipnews_stories.*"):
        path.unlink()  # as an index written before
    story_index._LOADED.clear()
    assert _grouping_answers(index_dir, saved=True) == _grouping_answers(index_dir, saved=False)
    backend.optimize()  # Whoosh's own merge: the story index is saved from the stored fields
    backend.close()
    [merged] = segments(index_dir)
    assert [p.name for p in index_dir.glob(f"*{story_index.ABOUT_SUFFIX}")] == [
        f"{merged.segment_id()}{story_index.ABOUT_SUFFIX}"
    ]
    assert _grouping_answers(index_dir, saved=True) == _grouping_answers(index_dir, saved=False)


def test_a_segment_written_with_lengths_read_once_is_whooshs_own_byte_for_byte(tmp_path, monkeypatch):
    documents = [writer.to_document(article(n, text=story(n) * (1 + n % 3))) for n in range(12)]
    files = {}
    for name in ("dipnews", "whoosh"):
        if name == "whoosh":
            monkeypatch.setattr(segments_module, "_WritingCodec", W3Codec)
        folder = tmp_path / name
        folder.mkdir()
        staged = segments_module.stage_documents(folder, make_schema(), documents, None)
        assert type(staged.segment.codec()) is W3Codec  # what the table of contents will name
        segid = staged.segment.segid
        mine = [path for path in staged.folder.iterdir() if segid in path.name]
        files[name] = {path.name.replace(segid, "-"): path.read_bytes() for path in mine}
    assert files["dipnews"] == files["whoosh"]
    assert any(name.endswith(".pst") for name in files["dipnews"])


def test_a_merge_of_sorted_streams_writes_the_files_whooshs_external_sort_does(index_dir, monkeypatch):
    from whoosh.writing import SegmentWriter

    for n in range(0, 12, 3):  # four segments, with several fields of many values
        writer.write_articles(index_dir, [article(k, text=story(k) * (1 + k % 3)) for k in range(n, n + 3)])
    assert writer.delete_article(index_dir, article(4).id)  # a deletion to leave out
    ix = open_index(index_dir)
    files = {}
    for name in ("streams", "whoosh"):
        if name == "whoosh":
            monkeypatch.setattr(segments_module, "_MergingWriter", SegmentWriter)
        staged = stage_merge(index_dir, ix.storage, ix.schema, segments(index_dir))
        segid = staged.segment.segment_id()
        mine = [path for path in staged.folder.iterdir() if path.name.startswith(segid)]
        files[name] = {path.name.replace(segid, "-"): path.read_bytes() for path in mine}
        assert staged.segment.doc_count_all() == 11
        staged.discard()
    assert files["streams"] == files["whoosh"]
    assert any(name.endswith(".pst") for name in files["streams"])


def test_pickles_read_from_a_mapped_file_through_its_peek_end_where_they_end(tmp_path):
    import mmap
    import pickle

    from whoosh.filedb.structfile import StructFile

    from search.backends.whoosh.storage import MappedView

    items = [(n, f"term{n}" * (n % 90), float(n), None) for n in range(300)]  # some longer than a peek
    path = tmp_path / "pickles"
    path.write_bytes(b"".join(pickle.dumps(item, 2) for item in items) + b"tail")
    with open(path, "rb") as file:
        view = MappedView(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
    structfile = StructFile(view)
    assert [structfile.read_pickle() for _ in items] == items
    assert view.read() == b"tail"
