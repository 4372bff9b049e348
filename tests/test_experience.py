"""Search experience: timeline, did-you-mean, empty results, article page, OpenSearch, time-boxed facets."""

from __future__ import annotations

import csv
import io
import re

from search.web import create_app


def test_timeline_bars_link_to_their_period(client):
    page = client.get("/search?q=Kazakhstan").get_data(as_text=True)
    assert '<figure class="timeline"' in page
    bars = re.findall(r'<a href="([^"]+)" class="bar[^"]*" data-label="([^"]+)"', page)
    assert bars and all("date_from=" in url for url, _ in bars)
    url = next(url for url, label in bars if label.startswith("2026-02-04"))
    narrowed = client.get(url.replace("&amp;", "&")).get_data(as_text=True)
    assert '<strong class="total">3</strong>' in narrowed


def test_timeline_unit_fits_the_span(client):
    page = client.get("/search").get_data(as_text=True)  # Nov 2025 to Mar 2026: weeks
    assert "Articles per week" in page
    page = client.get("/search?q=Kazakhstan").get_data(as_text=True)  # one day
    assert "Articles per day" in page


def test_timeline_as_share_keeps_the_state(client):
    page = client.get("/search?q=Kazakhstan&timeline=share").get_data(as_text=True)
    assert "Share of indexed articles" in page
    assert "% of indexed" in page
    assert "timeline=share" in re.search(r'data-facet="outlet".*?href="([^"]+)"', page, re.S).group(1)


def test_did_you_mean(client):
    data = client.get("/search?q=Tokayef").get_data(as_text=True)
    assert "Did you mean" in data and "tokayev" in data
    assert "Did you mean" not in client.get("/search?q=Tokayev").get_data(as_text=True)


def test_empty_result_says_which_filter_to_drop(client):
    page = client.get("/search?q=cocoa&outlet=Reuters").get_data(as_text=True)
    assert '<strong class="total">0</strong>' in page
    assert "Without the Outlet filter there are" in page


def test_article_page_highlights_query_and_lists_related(client):
    hit = client.get("/search.json?q=seaport").get_json()["results"][0]
    page = client.get(f"/article/{hit['id']}?q=seaport").get_data(as_text=True)
    assert re.search(r"<mark[^>]*>seaport", page, re.I)
    assert "Related coverage" in page
    plain = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert "<mark" not in plain
    assert page.count("<p>") == plain.count("<p>") > 3  # paragraphs without the word are kept too


def test_article_highlight_escapes_text(client):
    hit = client.get("/search.json?q=Kazakhstan").get_json()["results"][0]
    response = client.get(f"/article/{hit['id']}?q=%3Cb%3E")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and hit["title"] in page  # the article itself, not an error
    assert "<b>" not in page


def test_opensearch_description(client):
    response = client.get("/opensearch.xml")
    assert response.status_code == 200 and "opensearchdescription" in response.content_type
    assert "{searchTerms}" in response.get_data(as_text=True)
    assert 'rel="search"' in client.get("/").get_data(as_text=True)


def test_slow_facets_are_marked_not_counted(indexed_dir):
    app = create_app({"TESTING": True, "DATA_DIR": str(indexed_dir), "FACET_TIMEOUT": 0})
    client = app.test_client()
    page = client.get("/search?q=Kazakhstan").get_data(as_text=True)
    assert "Not counted" in page and '<strong class="total">5</strong>' in page


def test_csv_cap_is_stated_and_kept(indexed_dir):
    app = create_app({"TESTING": True, "DATA_DIR": str(indexed_dir), "CSV_MAX_ROWS": 4})
    client = app.test_client()
    assert "up to 4 rows" in client.get("/search").get_data(as_text=True)
    response = client.get("/search.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 4 and response.headers["X-Dipnews-Row-Cap"] == "4"
    assert int(response.headers["X-Dipnews-Total"]) == 9
