"""Every route and format through Flask's test client."""

from __future__ import annotations

import csv
import io

import feedparser
import pytest

from tests.conftest import INDEXED_PAGES as TOTAL


def test_home_lists_everything_with_facets(client):
    page = client.get("/").get_data(as_text=True)
    assert f'<strong class="total">{TOTAL}</strong>' in page
    for facet in ("date", "outlet", "topic"):
        assert f'data-facet="{facet}"' in page
    assert "Undated" in page


def test_search_page_highlights_and_filters(client):
    page = client.get("/search?q=Kazakhstan+trade").get_data(as_text=True)
    assert '<strong class="total">5</strong>' in page
    assert "<mark" in page
    page = client.get("/search?q=Kazakhstan+trade&outlet=The+South+Asia+Times").get_data(as_text=True)
    assert '<strong class="total">1</strong>' in page
    assert "Outlet: The South Asia Times ×" in page  # a removable chip
    assert "Clear all" in page


def test_browsing_without_words_offers_date_order_only(client):
    page = client.get("/search").get_data(as_text=True)
    assert "<strong>newest</strong>" in page and ">relevance<" not in page
    page = client.get("/search?q=Kazakhstan").get_data(as_text=True)
    assert "<strong>relevance</strong>" in page and ">newest</a>" in page


def test_facet_toggle_urls_add_and_remove(client):
    data = client.get("/search.json?q=Kazakhstan").get_json()
    outlet = next(v for v in data["facets"]["outlet"] if v["value"] == "The South Asia Times")
    assert not outlet["selected"]
    filtered = client.get(outlet["toggle_url"].replace("/search?", "/search.json?")).get_json()
    assert filtered["total"] == outlet["count"] == 1
    again = next(v for v in filtered["facets"]["outlet"] if v["value"] == "The South Asia Times")
    assert again["selected"]
    back = client.get(again["toggle_url"].replace("/search?", "/search.json?")).get_json()
    assert back["total"] == data["total"]


def as_json(client, url: str) -> dict:
    return client.get(url.replace("/search?", "/search.json?")).get_json()


def test_date_facet_drills_down_year_month_day(client):
    data = client.get("/search.json").get_json()
    assert [(v["value"], v["count"]) for v in data["facets"]["date"]] == [
        ("2026", 5),
        ("2025", 1),
        ("undated", 3),
    ]  # by date, not by count
    year = as_json(client, data["facets"]["date"][0]["toggle_url"])
    assert year["total"] == 5
    months = [(v["value"], v["count"]) for v in year["facets"]["date"] if v["value"] != "undated"]
    assert months == [("2026-03", 1), ("2026-02", 3), ("2026-01", 1)]
    february = next(v for v in year["facets"]["date"] if v["value"] == "2026-02")
    assert february["label"] == "February 2026"
    month = as_json(client, february["toggle_url"])
    assert month["total"] == 3
    assert month["filters"]["date_from"] == "2026-02-01" and month["filters"]["date_to"] == "2026-02-28"
    assert [v["value"] for v in month["facets"]["date"] if v["value"] != "undated"] == ["2026-02-04"]


def test_json_shape(client):
    data = client.get("/search.json?q=trade&sort=newest").get_json()
    assert set(data) >= {"query", "total", "page", "results", "facets"}
    assert set(data["results"][0]) >= {"id", "title", "url", "outlet", "date", "snippet", "topics"}
    for values in data["facets"].values():
        for value in values:
            assert set(value) >= {"value", "label", "count", "selected"}
    dates = [r["date"] for r in data["results"] if r["date"]]
    assert dates == sorted(dates, reverse=True)


def test_csv_has_every_matching_row(client):
    response = client.get("/search.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == TOTAL == int(response.headers["X-Dipnews-Total"])
    assert response.headers["X-Dipnews-Row-Cap"]
    assert {"id", "title", "outlet", "date"} <= set(rows[0])


def test_atom_feed_parses(client):
    body = client.get("/search.atom?q=Kazakhstan&collapse=0").get_data()
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 5
    # a feed has an entry per article, collapsed or not: subscribers hear of every new one
    assert len(feedparser.parse(client.get("/search.atom?q=Kazakhstan").get_data()).entries) == 5
    assert all(entry.link for entry in feed.entries)


def test_article_page_and_json(client):
    first = client.get("/search.json?q=cocoa").get_json()["results"][0]
    page = client.get(f"/article/{first['id']}").get_data(as_text=True)
    assert (
        "Ghana and Ivory Coast" in page
        and "West Africa Wire" in page
        and "from the page&#39;s metadata" in page
    )
    data = client.get(f"/article/{first['id']}.json").get_json()
    assert data["title"] == first["title"] and data["body"].startswith("ACCRA")


@pytest.mark.parametrize(
    "url, status",
    [
        ("/article/doesnotexist", 404),
        ("/search?date_from=2026-02-30", 400),
        ("/search?sort=best", 400),
        ("/search?page=0", 400),
        ("/search?q=AND+OR", 400),
        ("/search.pdf", 404),
    ],
)
@pytest.mark.parametrize("suffix", ["html", "json"])
def test_errors_in_the_format_asked_for(client, url, status, suffix):
    if suffix == "json":
        url = url.replace("/search?", "/search.json?").replace("/doesnotexist", "/doesnotexist.json")
    response = client.get(url)
    assert response.status_code == status
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if suffix == "json" and url != "/search.pdf":
        assert response.get_json()["error"]
    else:
        assert "<!doctype html>" in body


def test_user_text_is_escaped(client):
    page = client.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page


def test_archived_original_is_served_as_plain_text(client):
    hit = client.get("/search.json?q=cocoa").get_json()["results"][0]
    raw = client.get(f"/article/{hit['id']}/raw")
    assert raw.status_code == 200 and raw.mimetype == "text/plain"
    assert b"<footer>" in raw.data  # the page as received, chrome and all
    assert raw.headers["X-Content-Type-Options"] == "nosniff"
    assert f"/article/{hit['id']}/raw" in client.get(f"/article/{hit['id']}").get_data(as_text=True)
