"""The dipnews command line through click's runner."""

from __future__ import annotations

import json

from search.cli import cli
from tests.conftest import CORPUS, PAGES, seed


def test_index_reports_and_is_idempotent(runner, tmp_path):
    data = str(tmp_path / "data")
    result = runner.invoke(cli, ["--data-dir", data, "index", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert "Indexed 5, unchanged 0" in result.output
    again = runner.invoke(cli, ["--data-dir", data, "index", str(CORPUS)])
    assert "Indexed 0, unchanged 5" in again.output


def test_index_reports_failures_with_reasons(runner, tmp_path):
    bad = tmp_path / "image.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    result = runner.invoke(
        cli, ["--data-dir", str(tmp_path / "d"), "index", str(bad), str(tmp_path / "missing")]
    )
    assert result.exit_code == 1
    assert "PNG image" in result.output and "no such file" in result.output
    assert "Traceback" not in result.output


def test_extract_json_prints_what_is_stored(runner):
    result = runner.invoke(cli, ["extract", "--json", str(seed("002")), str(PAGES / "uzbek-rail.html")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["outlet"] for r in rows] == ["The South Asia Times", "Caspian Ledger"]
    for row in rows:
        assert {"path", "title", "date", "outlet", "byline", "body", "topics"} <= set(row)
    assert "Dark Mode" not in rows[0]["body"]


def test_extract_lists_the_lines_it_cut(runner):
    result = runner.invoke(cli, ["extract", "--dropped", str(seed("002"))])
    assert result.exit_code == 0, result.output
    body, cut = result.output.split("-- dropped:")
    assert "Dark Mode" in cut and "Dark Mode" not in body
    assert "-- dropped:" not in runner.invoke(cli, ["extract", str(seed("002"))]).output


def test_extract_uses_sidecar_metadata(runner):
    result = runner.invoke(cli, ["extract", "--json", str(PAGES / "brussels-summit.txt")])
    row = json.loads(result.output)
    assert (row["date"], row["date_source"]) == ("2026-03-03", "supplied")
    assert row["url"] == "https://example.org/news/eu-japan-summit"


def test_search_text_and_json(runner, indexed_dir):
    result = runner.invoke(
        cli,
        ["--data-dir", str(indexed_dir), "search", "Kazakhstan trade", "--outlet", "The South Asia Times"],
    )
    assert result.exit_code == 0, result.output
    assert "1 article(s)" in result.output
    result = runner.invoke(cli, ["--data-dir", str(indexed_dir), "search", "cocoa", "--json"])
    data = json.loads(result.output)
    assert data["total"] == 1 and data["results"][0]["outlet"] == "West Africa Wire"


def test_search_bad_date_is_a_clear_error(runner, indexed_dir):
    result = runner.invoke(cli, ["--data-dir", str(indexed_dir), "search", "x", "--from", "2026-13-01"])
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.output and "Traceback" not in result.output


def test_stats(runner, indexed_dir):
    result = runner.invoke(cli, ["--data-dir", str(indexed_dir), "stats", "--json"])
    stats = json.loads(result.output)
    assert stats["documents"] == 9 and stats["undated"] == 3


def test_stats_counts_documents_of_an_older_extraction_until_reindex(runner, data_dir):
    from indexer.article import EXTRACTOR_VERSION, extract_article
    from indexer.store.datadir import index_dir
    from search.backends.whoosh.writer import write_articles

    old = extract_article(seed("000").read_bytes())
    old.extractor_version = EXTRACTOR_VERSION - 1  # as an older dipnews wrote it
    write_articles(index_dir(data_dir), [old])
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "stats"])
    assert "older extraction: 1" in result.output and "dipnews reindex" in result.output
    runner.invoke(cli, ["--data-dir", str(data_dir), "reindex"])
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "stats", "--json"])
    assert json.loads(result.output)["older_extraction"] == 0


def test_reindex(runner, data_dir):
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "reindex"])
    assert result.exit_code == 0 and "Indexed 9" in result.output


def test_every_command_has_an_example():
    for name, command in cli.commands.items():
        assert "Example:" in (command.help or ""), name


def test_a_misspelt_setting_in_the_environment_is_refused_with_a_hint(runner, indexed_dir, monkeypatch):
    monkeypatch.setenv("DIPNEWS_BAKCEND", "opensearch")
    result = runner.invoke(cli, ["--data-dir", str(indexed_dir), "search", "Kazakhstan"])
    assert result.exit_code == 1
    assert "DIPNEWS_BAKCEND (did you mean DIPNEWS_BACKEND?)" in result.output
    assert "Traceback" not in result.output
