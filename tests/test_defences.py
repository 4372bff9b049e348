"""The site defends itself and tells the same in every format: headers, login limits, the audit
log, no server paths, and JSON, CSV and Atom carrying what the page shows."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import feedparser
import pytest

from indexer.errors import Misconfigured
from indexer.pipeline import ingest_bytes
from search.cli import cli
from search.web import create_app
from search.web.auth import create_token
from search.web.security import CONTENT_SECURITY_POLICY


@pytest.fixture
def app(data_dir):
    return create_app(
        {"TESTING": True, "DATA_DIR": str(data_dir), "ADMIN_PASSWORD": "right-password", "LOGIN_ATTEMPTS": 3}
    )


def login(client, secret: str):
    client.get("/login")
    with client.session_transaction() as session:
        csrf = session["csrf"]
    return client.post("/login", data={"secret": secret, "csrf_token": csrf})


@pytest.mark.parametrize("url", ["/", "/search?q=Kazakhstan", "/search.json?q=x", "/nowhere", "/site.css"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "script-src" not in response.headers["Content-Security-Policy"]  # default-src 'none': no script
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_need_no_inline_style_or_script(client):
    for url in ("/", "/search?q=Kazakhstan&country=KZ", "/login"):
        html = client.get(url).get_data(as_text=True)
        assert "<script" not in html and "<style" not in html and " style=" not in html, url
        assert 'rel="stylesheet" href="/site.css"' in html
    css = client.get("/site.css")
    assert css.mimetype == "text/css" and ".facets" in css.get_data(as_text=True)


def test_session_cookie_flags(data_dir):
    for secure in (False, True):
        app = create_app(
            {"TESTING": True, "DATA_DIR": str(data_dir), "ADMIN_PASSWORD": "pw", "SECURE_COOKIES": secure}
        )
        client = app.test_client()
        response = login(client, "pw")
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert ("Secure" in cookie) is secure


def test_failed_logins_are_limited_per_address_across_processes(app, data_dir):
    client = app.test_client()
    for _ in range(3):
        assert login(client, "wrong").status_code == 401
    refused = login(client, "right-password")  # even the right password waits now
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    # another server process over the same data dir counts the same failures
    other = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "LOGIN_ATTEMPTS": 3}).test_client()
    assert login(other, "wrong").status_code == 429
    # another address is not affected, and API tokens never are
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "10.0.0.9"
    assert login(elsewhere, "right-password").status_code == 302
    token = create_token(data_dir, "reporter")
    answer = client.post(
        "/api/articles",
        json={"text": "ASTANA, May 2 - Kazakhstan and Mongolia signed a rail accord on Monday."},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 201


def test_writes_are_audited_without_secrets(app, data_dir, runner):
    token = create_token(data_dir, "reporter")
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    added = client.post(
        "/api/articles", json={"text": "ASTANA, May 2 - Kazakhstan and Mongolia signed a rail accord."}
    ).get_json()
    client.put(f"/api/articles/{added['id']}", json={"outlet": "Kazinform"})
    client.delete(f"/api/articles/{added['id']}")
    log = (data_dir / "audit.log").read_text()
    assert token not in log and "right-password" not in log
    entries = [json.loads(line) for line in log.splitlines()]
    assert [(e["user"], e["action"], e["article_id"]) for e in entries] == [
        ("reporter", action, added["id"]) for action in ("add", "update", "delete")
    ]
    assert entries[0]["address"] == "127.0.0.1" and entries[0]["via"] == "api"
    shown = runner.invoke(cli, ["--data-dir", str(data_dir), "log", "--article", added["id"]])
    assert shown.exit_code == 0 and shown.output.count("reporter") == 3 and "delete" in shown.output


def test_article_pages_show_where_a_page_came_from_without_server_paths(app, data_dir, indexed_dir):
    client = app.test_client()
    hit = client.get("/search.json?q=Kazakhstan").get_json()["results"][0]
    page = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    article = client.get(f"/article/{hit['id']}.json").get_json()
    assert str(indexed_dir) not in page and "/" not in article["source"]
    assert article["source"].endswith(".txt") and article["source"] in page
    token = create_token(data_dir, "reporter")
    added = client.post(
        "/api/articles",
        json={"text": "ASTANA, May 2 - Kazakhstan and Mongolia signed a rail accord."},
        headers={"Authorization": f"Bearer {token}"},
    ).get_json()
    anonymous = app.test_client().get(f"/article/{added['id']}.json").get_json()
    assert anonymous["source"] == "added through the site"
    login(client, "right-password")
    assert client.get(f"/article/{added['id']}.json").get_json()["source"] == (
        "added through the site by reporter"
    )


def test_json_carries_the_suggestion_and_the_filter_to_drop(client):
    misspelt = client.get("/search.json?q=Tokayef").get_json()
    assert misspelt["suggestion"]["query"] == "tokayev"
    assert client.get(misspelt["suggestion"]["url"].replace("/search?", "/search.json?")).get_json()["total"]
    page = client.get("/search?q=Tokayef").get_data(as_text=True)
    assert "tokayev" in page  # the page offers the same
    empty = client.get("/search.json?q=Kazakhstan&outlet=Nowhere").get_json()
    assert empty["total"] == 0
    drop = empty["relaxations"][0]
    assert (
        drop["filter"] == "outlet"
        and drop["total"] == client.get("/search.json?q=Kazakhstan").get_json()["total"]
    )
    assert client.get(drop["url"].replace("/search?", "/search.json?")).get_json()["total"] == drop["total"]
    assert empty["facets_not_counted"] == [] and isinstance(empty["timeline"], dict)


def test_csv_headers_carry_the_reading_and_the_suggestion(client):
    response = client.get('/search.csv?q=Tokayef "state visit')
    assert unquote(response.headers["X-Dipnews-Suggestion"]).startswith("tokayev")
    assert "unmatched quote" in unquote(response.headers["X-Dipnews-Notes"])
    assert unquote(response.headers["X-Dipnews-Interpreted"]) == "Tokayef state visit"


def test_the_feed_has_an_entry_per_article_naming_its_story(app, data_dir):
    client = app.test_client()
    before = feedparser.parse(client.get("/search.atom?q=Kazakhstan").get_data())
    assert (
        not before.bozo
        and len(before.entries) == client.get("/search.json?q=Kazakhstan&collapse=0").get_json()["total"]
    )
    stories = {t.term for e in before.entries for t in e.tags if t.term.startswith("story:")}
    assert len(stories) < len(before.entries)  # several articles of one story, each an entry
    # a new outlet's copy of a story already in the feed is news to its subscribers
    first = before.entries[0]
    first_id = first.id.rsplit("/", 1)[1]
    raw = client.get(f"/article/{first_id}/raw").get_data()
    date = client.get(f"/article/{first_id}.json").get_json()["date"]
    article, status = ingest_bytes(
        data_dir,
        raw,
        supplied={"outlet": "Kazinform", "url": "https://example.org/copy", "date": date},
        backend=app.extensions["dipnews_backend"],
    )
    after = feedparser.parse(client.get("/search.atom?q=Kazakhstan").get_data())
    new = [e for e in after.entries if e.id.endswith(article.id)]
    assert status == "added" and len(new) == 1
    story = [t.term for t in new[0].tags if t.term.startswith("story:")]
    joined = [
        t.term for e in after.entries if e.id == first.id for t in e.tags if t.term.startswith("story:")
    ]
    assert story and story == joined  # the same story as the article it copies (named anew, maybe)
    assert re.match(r"\d{4}-\d\d-\d\d", after.feed.updated)


def test_unknown_settings_are_refused_at_start(tmp_path, monkeypatch):
    with pytest.raises(Misconfigured, match="PAGE_SIZ \\(did you mean PAGE_SIZE\\?\\)"):
        create_app({"PAGE_SIZ": 5, "DATA_DIR": str(tmp_path)})
    config = tmp_path / "dipnews.cfg"
    config.write_text("FACET_SIZES = 20\nSESSION_COOKIE_NAME = 'dipnews'\n")  # a Flask setting is fine
    monkeypatch.setenv("DIPNEWS_CONFIG", str(config))
    monkeypatch.setenv("DIPNEWS_DATA_DIR", str(tmp_path))
    with pytest.raises(Misconfigured, match="FACET_SIZES"):
        create_app()
    config.write_text("FACET_SIZE = 20\nSESSION_COOKIE_NAME = 'dipnews'\n")
    assert create_app().config["FACET_SIZE"] == 20
