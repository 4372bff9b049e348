"""One story, many outlets: near-duplicate groups, story clusters, collapsing."""

from __future__ import annotations

from indexer.article import extract_article
from indexer.enrich.stories import figures, near_duplicates, same_story
from indexer.pipeline import ingest_bytes
from indexer.rebuild import reindex
from search.backends import open_backend
from search.query import SearchRequest
from tests.conftest import CORPUS, seed

SEEDS = sorted(CORPUS.glob("*.txt"))


def groups(data_dir) -> dict[str, tuple[str, str]]:
    hits = open_backend(data_dir).search(SearchRequest(page_size=50, collapse=False)).hits
    return {hit.id: (hit.meta["dup_group"], hit.meta["story_id"]) for hit in hits}


def copy_of(path) -> bytes:
    """A syndicated re-run: another headline, the last paragraph cut, a line of its own added."""
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return "\n".join(
        [
            "Kazakhstan and Pakistan upgrade ties",
            *lines[:-1],
            "Our correspondent adds that talks went on late.",
        ]
    ).encode()


def test_the_seeds_are_one_story_and_no_two_are_copies(indexed_dir):
    found = groups(indexed_dir)
    keys = [extract_article(path.read_bytes()).id for path in SEEDS]
    assert len({found[key][1] for key in keys}) == 1
    assert len({found[key][0] for key in keys}) == 5
    others = [value for key, value in found.items() if key not in keys]
    assert all(story not in {found[keys[0]][1]} for _, story in others)


def test_figures_identify_events():
    assert figures("signed 37 MoUs to take trade to $1 billion, up from USD 250 million") >= {
        "37 mous",
        "1 billion",
        "250 million",
    }
    assert "2026" not in " ".join(figures("in 2026 the 5 sides met"))


def test_pairwise_rules():
    a = extract_article(seed("000").read_bytes())
    b = extract_article(seed("004").read_bytes())
    c = extract_article(copy_of(seed("004")))
    assert same_story(a.story_key, b.story_key) and not near_duplicates(a.story_key, b.story_key)
    assert near_duplicates(b.story_key, c.story_key)
    far = extract_article(seed("000").read_bytes(), supplied={"date": "2026-05-01"})
    dated = extract_article(seed("004").read_bytes(), supplied={"date": "2026-02-04"})
    assert not same_story(far.story_key, dated.story_key)  # same specifics, months apart


def test_a_copy_joins_the_duplicate_group_and_the_story(data_dir):
    copy, status = ingest_bytes(data_dir, copy_of(seed("004")), supplied={"outlet": "Mirror Daily"})
    assert status == "added"
    found = groups(data_dir)
    original = extract_article(seed("004").read_bytes()).id
    assert found[copy.id][0] == found[original][0]
    assert found[copy.id][1] == found[original][1]


def test_adding_in_any_order_and_reindexing_give_the_same_groups(tmp_path):
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    pages = [*SEEDS, seed("004")]
    for path in pages:
        ingest_bytes(forward, path.read_bytes(), source=str(path))
    for path in reversed(pages):
        ingest_bytes(backward, path.read_bytes(), source=str(path))
    assert groups(forward) == groups(backward)
    before = groups(forward)
    reindex(forward)
    assert groups(forward) == before


def test_search_collapses_stories(client):
    data = client.get("/search.json?q=Kazakhstan").get_json()
    assert (data["total"], data["stories"], len(data["results"])) == (5, 1, 1)
    story = data["results"][0]["story"]
    assert data["results"][0]["story_size"] == 5 and story["outlets"] == 2
    assert story["first_date"] == "2026-02-04" and story["wire_origin"] == "Associated Press of Pakistan"
    every = client.get("/search.json?q=Kazakhstan&collapse=0").get_json()
    assert len(every["results"]) == 5 and {r["story_id"] for r in every["results"]} == {story["id"]}
    page = client.get("/search?q=Kazakhstan").get_data(as_text=True)
    assert "all 5 articles of this story" in page and "show all copies" in page


def test_story_page_lists_articles_and_what_differs(client):
    story_id = client.get("/search.json?q=Kazakhstan").get_json()["results"][0]["story_id"]
    story = client.get(f"/story/{story_id}.json").get_json()
    assert story["size"] == 5
    dates = [a["date"] for a in story["articles"]]
    assert dates == ["2026-02-04"] * 3 + [None, None]
    assert all(a["unique_sentences"] for a in story["articles"])  # written independently
    assert client.get(f"/story/{story_id}").status_code == 200
    assert client.get("/story/nope.json").status_code == 404


def test_pages_count_stories_when_grouped(indexed_dir):
    from search.web import create_app

    client = create_app({"TESTING": True, "DATA_DIR": str(indexed_dir), "PAGE_SIZE": 2}).test_client()
    grouped = client.get("/search").get_data(as_text=True)
    assert "Page 1 of 3" in grouped  # 5 stories: the seed story and four single articles
    every = client.get("/search?collapse=0").get_data(as_text=True)
    assert "Page 1 of 5" in every  # 9 articles


def story_page(headline: str, *facts: str) -> bytes:
    return "\n\n".join([headline, *facts]).encode()


def test_deleting_the_article_that_linked_two_stories_splits_them(tmp_path):
    from indexer.pipeline import delete

    first, _ = ingest_bytes(
        tmp_path,
        story_page(
            "Pakistan signs agreements with Kazakh delegation",
            "Pakistani Prime Minister Shehbaz Sharif said Pakistan signed 37 MoUs with the delegation.",
            "The visitors toured a textile mill in Faisalabad and met exporters of rice and fruit there.",
        ),
        supplied={"date": "2026-02-01"},
    )
    second, _ = ingest_bytes(
        tmp_path,
        story_page(
            "Pakistan opens talks on a gas pipeline",
            "Pakistani Foreign Minister Ishaq Dar said Pakistan plans a pipeline worth 5 billion dollars.",
            "Engineers will survey the route through Balochistan before the monsoon rains start in July.",
        ),
        supplied={"date": "2026-02-05"},
    )
    assert groups(tmp_path)[first.id][1] != groups(tmp_path)[second.id][1]
    link, _ = ingest_bytes(
        tmp_path,
        story_page(
            "Pakistan's week of diplomacy",
            "Pakistani Prime Minister Shehbaz Sharif said Pakistan signed 37 MoUs this week.",
            "Pakistani Foreign Minister Ishaq Dar said Pakistan plans a pipeline worth 5 billion dollars.",
            "Analysts in Karachi called it the busiest week for the foreign office since the summer.",
        ),
        supplied={"date": "2026-02-03"},
    )
    linked = groups(tmp_path)
    assert linked[first.id][1] == linked[second.id][1] == linked[link.id][1]
    assert delete(tmp_path, link.id)
    split = groups(tmp_path)
    assert set(split) == {first.id, second.id}
    assert split[first.id][1] == first.id and split[second.id][1] == second.id
