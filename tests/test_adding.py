"""Adding articles: API, web form, CLI; authentication; bad input changes nothing."""

from __future__ import annotations

import http.server
import io
import json
import re
import threading
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from indexer.errors import DipnewsError, Forbidden
from indexer.sources.fetch import check_url
from search.cli import cli
from search.web import create_app
from search.web.auth import create_token
from tests.conftest import PAGES

STORY = (
    "ASTANA, March 2 - Kazakhstan and Mongolia agreed on Monday to open a new rail freight route "
    "and to double bilateral trade within five years, the two foreign ministers said after talks."
)


@pytest.fixture
def writable_app(data_dir):
    return create_app({"TESTING": True, "DATA_DIR": str(data_dir), "MAX_UPLOAD_BYTES": 20000})


@pytest.fixture
def api(writable_app, data_dir):
    token = create_token(data_dir, "tester")
    client = writable_app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def total(client, q: str = "") -> int:
    return client.get("/search.json", query_string={"q": q}).get_json()["total"]


def archived(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "archive" / "records").iterdir())


def test_writing_needs_a_token(writable_app, data_dir):
    client = writable_app.test_client()
    before = archived(data_dir)
    assert client.post("/api/articles", json={"text": STORY}).status_code == 401
    bad = {"Authorization": "Bearer dn_wrong"}
    assert client.post("/api/articles", json={"text": STORY}, headers=bad).status_code == 401
    assert client.delete("/api/articles/abc", headers=bad).status_code == 401
    assert archived(data_dir) == before
    assert total(client, "Mongolia") == 0


def test_add_is_searchable_at_once_and_idempotent(api, data_dir):
    assert total(api, "Mongolia") == 0
    response = api.post("/api/articles", json={"text": STORY, "outlet": "Kazinform"})
    assert response.status_code == 201, response.get_json()
    added = response.get_json()
    assert added["status"] == "added" and added["outlet"] == "Kazinform"
    assert total(api, "Mongolia") == 1
    again = api.post("/api/articles", json={"text": STORY, "outlet": "Kazinform"})
    assert (again.status_code, again.get_json()["status"], again.get_json()["id"]) == (
        200,
        "duplicate",
        added["id"],
    )
    updated = api.post("/api/articles", json={"text": STORY, "outlet": "Kazinform", "date": "2026-03-02"})
    assert updated.get_json()["status"] == "updated" and updated.get_json()["date"] == "2026-03-02"
    assert total(api, "Mongolia") == 1


def test_text_sent_as_text_is_read_as_text_even_when_it_quotes_html(api, data_dir):
    sample = "<!DOCTYPE html><html><head><title>Login</title></head><body><p>Sign in</p></body></html>"
    text = f"{STORY}\n\nThe ministry's new portal answers with this page:\n\n{sample}\n\nIt opens in May."
    response = api.post("/api/articles", json={"text": text})
    assert response.status_code == 201, response.get_json()
    article = api.get(f"/article/{response.get_json()['id']}.json").get_json()
    # read as HTML, it would be the quoted page: titled "Login", saying "Sign in"
    assert article["kind"] == "text" and "Mongolia" in article["title"]
    assert article["body"].startswith("ASTANA, March 2 - Kazakhstan and Mongolia agreed")
    assert article["source"] == "added through the site by tester"


def test_add_file_upload(api):
    data = {"file": (io.BytesIO((PAGES / "uzbek-rail.html").read_bytes()), "page.html"), "outlet": "Mirror"}
    response = api.post("/api/articles", data=data, content_type="multipart/form-data")
    assert response.status_code in (200, 201)
    assert response.get_json()["outlet"] == "Mirror"


@pytest.mark.parametrize(
    "body, status",
    [
        ({"text": ""}, 400),
        ({"html": "<html><body><nav>Home</nav></body></html>"}, 422),
        ({"text": "x " * 20000}, 413),
        ({"text": STORY, "colour": "red"}, 400),
        ({"text": STORY, "date": "yesterday"}, 400),
        ({"text": 5}, 400),
        ({"url": "ftp://example.org/x"}, 400),
        ({"url": "http://127.0.0.1:9/x"}, 403),
        ({"url": "http://10.0.0.1/x"}, 403),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(api, data_dir, body, status):
    before = archived(data_dir)
    response = api.post("/api/articles", json=body)
    assert response.status_code == status, response.get_json()
    assert response.get_json()["error"]
    assert archived(data_dir) == before


def test_binary_upload_is_refused(api, data_dir):
    before = archived(data_dir)
    png = {"file": (io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), "story.html")}
    response = api.post("/api/articles", data=png, content_type="multipart/form-data")
    assert response.status_code == 415 and "PNG" in response.get_json()["error"]
    assert archived(data_dir) == before


def test_scripts_are_cleaned(api):
    html = f"<html><body><script>alert('owned')</script><article><p>{STORY}</p></article></body></html>"
    added = api.post("/api/articles", json={"html": html}).get_json()
    article = api.get(f"/article/{added['id']}.json").get_json()
    assert "alert" not in article["body"] and "Mongolia" in article["body"]
    page = api.get(f"/article/{added['id']}").get_data(as_text=True)
    assert "alert('owned')" not in page


def test_correct_and_delete(api):
    added = api.post("/api/articles", json={"text": STORY}).get_json()
    fixed = api.put(f"/api/articles/{added['id']}", json={"date": "2026-03-02", "outlet": "Kazinform"})
    assert fixed.status_code == 200 and fixed.get_json()["date"] == "2026-03-02"
    hits = api.get("/search.json", query_string={"q": "Mongolia"}).get_json()["results"]
    assert [(h["date"], h["outlet"]) for h in hits] == [("2026-03-02", "Kazinform")]
    assert api.put(f"/api/articles/{added['id']}", json={"shade": 1}).status_code == 400
    assert api.delete(f"/api/articles/{added['id']}").status_code == 200
    assert total(api, "Mongolia") == 0
    assert api.delete(f"/api/articles/{added['id']}").status_code == 404
    assert api.put("/api/articles/nope", json={"date": "2026-01-01"}).status_code == 404


@pytest.fixture
def page_server():
    """A real HTTP server on loopback serving one news page."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = f"<html><head><title>Rail route</title></head><body><p>{STORY}</p></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/rail.html"
    server.shutdown()
    server.server_close()


def test_add_by_url_when_private_urls_are_allowed(data_dir, page_server):
    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "ALLOW_PRIVATE_URLS": True})
    client = app.test_client()
    token = create_token(data_dir, "fetcher")
    response = client.post(
        "/api/articles", json={"url": page_server}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 201, response.get_json()
    article = client.get(f"/article/{response.get_json()['id']}.json").get_json()
    assert article["url"] == page_server


def test_check_url_refuses_local_addresses():
    for url in (
        "http://localhost/",
        "http://[::1]/",
        "http://192.168.1.1/",
        "file:///etc/passwd",
        "http://[bad/x",
        "http://example.org:99999/",
    ):
        with pytest.raises(DipnewsError):
            check_url(url)


def test_openapi_document(client):
    document = client.get("/api/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {"post"} <= set(document["paths"]["/api/articles"])
    assert {"put", "delete"} <= set(document["paths"]["/api/articles/{id}"])


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_web_form_login_csrf_and_add(writable_app, data_dir):
    client = writable_app.test_client()
    response = client.get("/add")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    token = create_token(data_dir, "editor")
    login_page = client.get("/login").get_data(as_text=True)
    bad = client.post("/login", data={"secret": "wrong", "csrf_token": _csrf(login_page)})
    assert bad.status_code == 401
    assert client.post("/login", data={"secret": token}).status_code == 400  # no CSRF token
    ok = client.post("/login", data={"secret": token, "csrf_token": _csrf(login_page)})
    assert ok.status_code == 302
    form = client.get("/add").get_data(as_text=True)
    assert client.post("/add", data={"content": STORY}).status_code == 400  # no CSRF token
    added = client.post("/add", data={"content": STORY, "outlet": "Kazinform", "csrf_token": _csrf(form)})
    assert added.status_code == 201
    assert "Kazinform" in added.get_data(as_text=True)
    assert total(client, "Mongolia") == 1


def test_login_never_redirects_off_site(writable_app, data_dir):
    client = writable_app.test_client()
    token = create_token(data_dir, "editor")
    page = client.get("/login?next=//evil.example/").get_data(as_text=True)
    response = client.post(
        "/login", data={"secret": token, "csrf_token": _csrf(page), "next": "//evil.example/"}
    )
    assert response.headers["Location"].endswith("/add")


def test_cli_token_and_add(runner, data_dir, tmp_path):
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "token", "create", "alice"])
    assert result.exit_code == 0
    token = result.output.strip().splitlines()[-1]
    assert token.startswith("dn_") and token not in (data_dir / "tokens.json").read_text()
    page = tmp_path / "story.txt"
    page.write_text(STORY)
    result = runner.invoke(
        cli, ["--data-dir", str(data_dir), "add", str(page), "--outlet", "Kazinform", "--date", "2026-03-02"]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "search", "Mongolia", "--json"])
    assert json.loads(result.output)["results"][0]["outlet"] == "Kazinform"


def test_cli_add_from_stdin(runner, data_dir):
    result = runner.invoke(
        cli, ["--data-dir", str(data_dir), "add", "-", "--title", "Rail route"], input=STORY
    )
    assert result.exit_code == 0 and "Added: Rail route" in result.output
    again = runner.invoke(
        cli, ["--data-dir", str(data_dir), "add", "-", "--title", "Rail route"], input=STORY
    )
    assert "Duplicate" in again.output


def test_cli_add_refuses_loopback_url(runner, data_dir):
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "add", "http://127.0.0.1:9/x"])
    assert result.exit_code == 1 and "not allowed" in result.output


def test_cli_add_warc(runner, data_dir, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n, (ctype, body) in enumerate(
            [
                ("text/html", f"<html><body><article><p>{STORY}</p></article></body></html>"),
                ("image/png", "not a page"),
                (
                    "text/html",
                    "<html><body><p>Chile and Peru held fisheries talks in Lima on Friday, "
                    "officials from both foreign ministries said in a joint statement.</p></body></html>",
                ),
            ]
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            payload = body.encode()
            record = writer.create_warc_record(
                f"https://example.org/news/{n}",
                "response",
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=headers,
            )
            writer.write_record(record)
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "add", str(path)])
    assert result.exit_code == 0, result.output
    assert "Indexed 2" in result.output
    found = json.loads(
        runner.invoke(cli, ["--data-dir", str(data_dir), "search", "Mongolia OR Lima", "--json"]).output
    )
    assert {r["url"] for r in found["results"]} >= {
        "https://example.org/news/0",
        "https://example.org/news/2",
    }


def test_a_busy_index_answers_retry_and_changes_nothing(api, data_dir, monkeypatch):
    from search.backends.whoosh import writer

    monkeypatch.setattr(writer, "WRITE_TIMEOUT_SECONDS", 0.2)
    holder = writer.open_or_create_index(data_dir / "index").writer()  # another process's writer
    try:
        response = api.post("/api/articles", json={"text": STORY})
        assert response.status_code == 503 and "retry" in response.get_json()["error"]
    finally:
        holder.cancel()
    assert total(api, "Mongolia") == 0
    assert api.post("/api/articles", json={"text": STORY}).status_code == 201


@pytest.fixture
def slow_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            time.sleep(2)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/slow"
    server.shutdown()
    server.server_close()


def test_url_that_times_out_is_a_clear_error(data_dir, slow_server):
    app = create_app(
        {"TESTING": True, "DATA_DIR": str(data_dir), "ALLOW_PRIVATE_URLS": True, "FETCH_TIMEOUT": 0.3}
    )
    token = create_token(data_dir, "fetcher")
    response = app.test_client().post(
        "/api/articles", json={"url": slow_server}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 502 and "could not be fetched" in response.get_json()["error"]


def test_markup_in_a_text_page_is_escaped_everywhere(api):
    text = STORY + " Critics called it <script>alert(1)</script> and <b>theatre</b>."
    added = api.post("/api/articles", json={"text": text}).get_json()
    for url in ("/search?q=Mongolia", "/search?q=theatre", f"/article/{added['id']}?q=Mongolia"):
        page = api.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<b>theatre" not in page, url
    assert "&lt;script&gt;" in api.get(f"/article/{added['id']}").get_data(as_text=True)
    assert "<script>" not in api.get("/search.atom?q=Mongolia").get_data(as_text=True)


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_name_that_rebinds_to_loopback_after_the_check_is_refused(page_server, monkeypatch, scheme):
    """DNS rebinding: public for the check, loopback a moment later. The connection goes
    only to an address checked in the same lookup. (The resolver is the one thing faked:
    no DNS server here can rebind a name.)"""
    import socket

    from indexer.sources.fetch import fetch_url

    port = int(page_server.rsplit(":", 1)[1].split("/")[0])
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["93.184.216.34"])

    def rebinding(host, *args, **kwargs):
        if host != "news.example":
            return real_getaddrinfo(host, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(DipnewsError) as refused:
        fetch_url(f"{scheme}://news.example:{port}/news/rail.html", max_bytes=10_000)
    assert isinstance(refused.value, Forbidden)


def test_a_request_never_rebuilds_an_index_an_older_dipnews_wrote_and_the_cli_does_first(api, data_dir):
    from click.testing import CliRunner
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    from indexer.rebuild import needs_upgrade
    from indexer.store.datadir import archive_for, index_dir

    # An index written by an older dipnews (another schema), as found after an upgrade.
    whoosh_index.create_in(index_dir(data_dir), Schema(id=ID(stored=True, unique=True), body=TEXT))
    records = len(archive_for(data_dir))
    for refused in (
        api.post("/api/articles", json={"text": STORY}),
        api.put("/api/articles/0123456789abcdef", json={"date": "2026-03-02"}),
        api.delete("/api/articles/0123456789abcdef"),
    ):
        assert refused.status_code == 503 and "dipnews reindex" in refused.get_json()["error"]
    assert len(archive_for(data_dir)) == records and needs_upgrade(data_dir)  # nothing was written
    # a command that writes rebuilds it first, and says so
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "add", "-"], input=STORY)
    assert result.exit_code == 0, result.output
    assert "rebuilding it from the archive first" in result.output and not needs_upgrade(data_dir)
    assert len(archive_for(data_dir)) == records + 1
