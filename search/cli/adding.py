"""Commands that bring pages in and keep the index: index, add, reindex, optimize, extract."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path

import click

from indexer.article import Article, extract_article
from indexer.errors import DipnewsError
from indexer.pipeline import ingest_bytes, ingest_files, ingest_url
from indexer.sources.files import (
    DEFAULT_MAX_BYTES,
    SIDECAR_SUFFIX,
    IngestReport,
    iter_page_files,
    read_page,
    read_sidecar,
)
from indexer.store.datadir import site_lines_for, site_lines_path
from indexer.workers import default_jobs
from search.cli.base import (
    Context,
    cli,
    fail,
    jobs_option,
    print_report,
    progress_bar,
    rebuild,
    upgrade_first,
)


@cli.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Largest page accepted.")
@jobs_option
@click.pass_obj
def index_command(obj: Context, paths: tuple[Path, ...], max_bytes: int, jobs: int) -> None:
    """Index pages from files and folders (HTML or text; sidecar NAME.meta.json supplies metadata).

    Example: dipnews index --jobs 2 corpus/ ~/saved-pages/story.html
    """
    upgrade_first(obj, jobs)
    report = IngestReport()
    files = list(iter_page_files(paths, report))
    with progress_bar(len(files), "Indexing", "files") as advance:
        result = ingest_files(
            obj.data_dir,
            files,
            max_bytes=max_bytes,
            progress=lambda _: advance(),
            backend=obj.backend(),
            jobs=jobs,
        )
    result.skipped[:0] = report.skipped
    result.failed[:0] = report.failed
    print_report(result)
    if result.failed and not (result.indexed or result.unchanged):
        raise click.ClickException("No page could be indexed.")


def _metadata_options(command):  # type: ignore[no-untyped-def]
    for option in reversed(
        [
            click.option("--outlet", help="Outlet name (wins over what dipnews finds)."),
            click.option("--date", help="Publication date, YYYY-MM-DD."),
            click.option("--url", "page_url", help="The page's original address."),
            click.option("--title", help="The article's title."),
            click.option("--topic", "topics", multiple=True, help="Topic slug (repeat for several)."),
        ]
    ):
        command = option(command)
    return command


@cli.command("add")
@click.argument("source")
@_metadata_options
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Largest page accepted.")
@click.option("--allow-private-urls", is_flag=True, help="Allow fetching loopback/private addresses.")
@click.pass_obj
def add_command(
    obj: Context,
    source: str,
    outlet: str | None,
    date: str | None,
    page_url: str | None,
    title: str | None,
    topics: tuple[str, ...],
    max_bytes: int,
    allow_private_urls: bool,
) -> None:
    """Add one article from a file, a folder, a web archive, a URL, or standard input (-).

    Example: dipnews add https://example.org/news/visit.html --outlet "Example News"
    """
    upgrade_first(obj, default_jobs())
    supplied: dict[str, object] = {"outlet": outlet, "date": date, "url": page_url, "title": title}
    supplied = {k: v for k, v in supplied.items() if v}
    if topics:
        supplied["topics"] = list(topics)
    try:
        if source == "-":
            article, status = ingest_bytes(
                obj.data_dir,
                sys.stdin.buffer.read(),
                source="stdin",
                supplied=supplied,
                max_bytes=max_bytes,
                backend=obj.backend(),
            )
        elif source.startswith(("http://", "https://")):
            article, status = ingest_url(
                obj.data_dir,
                source,
                supplied=supplied,
                max_bytes=max_bytes,
                allow_private=allow_private_urls,
                backend=obj.backend(),
            )
        else:
            report = ingest_files(
                obj.data_dir, [Path(source)], max_bytes=max_bytes, overrides=supplied, backend=obj.backend()
            )
            print_report(report)
            if report.failed and not (report.indexed or report.unchanged):
                raise click.ClickException("Nothing was added.")
            return
    except DipnewsError as error:
        raise fail(error) from None
    click.echo(f"{status.capitalize()}: {article.title}")
    click.echo(f"  id {article.id} · {article.outlet or 'Unknown outlet'} · {article.date or 'Undated'}")


@cli.command("reindex")
@jobs_option
@click.pass_obj
def reindex_command(obj: Context, jobs: int) -> None:
    """Rebuild the whole index from the raw archive (after an upgrade of the extractor).

    Example: dipnews reindex --jobs 2
    """
    rebuild(obj, jobs)


@cli.command("optimize")
@click.pass_obj
def optimize_command(obj: Context) -> None:
    """Merge the index into one segment: faster searches after a bulk load. Writes wait meanwhile
    (Whoosh merges a few hundred articles a second), so run it when no one is adding articles.

    Example: dipnews optimize
    """
    started = time.perf_counter()
    click.echo("Merging the index; adding articles waits until this is done ...", err=True)
    try:
        documents = obj.backend().optimize()
    except DipnewsError as error:
        raise fail(error) from None
    click.echo(f"Merged {documents} documents in {time.perf_counter() - started:.0f} s.")


@cli.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per page, as indexing stores it.")
@click.option("--dropped", "show_dropped", is_flag=True, help="List the lines cut as chrome, after the body.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Largest page accepted.")
@click.pass_obj
def extract_command(
    obj: Context, files: tuple[Path, ...], as_json: bool, show_dropped: bool, max_bytes: int
) -> None:
    """Show what the indexer keeps from each page, without indexing it.

    People are spelled as the index already spells them, and lines the page's
    site repeats on its indexed pages are dropped, as indexing would. The JSON
    lists the lines cut ("dropped", "site_chrome"); --dropped lists them too.

    Example: dipnews extract --dropped corpus/002_20916a8584a4dfd4.txt
    """
    failures = 0
    # what the index has learned of sites' repeated chrome applies here as it would when indexing
    site_lines = site_lines_for(obj.data_dir) if site_lines_path(obj.data_dir).exists() else None
    with site_lines if site_lines is not None else contextlib.nullcontext():
        for path in files:
            try:
                if path.name.endswith(SIDECAR_SUFFIX):
                    raise DipnewsError("This is a metadata sidecar, not a page.")
                article = extract_article(
                    read_page(path, max_bytes),
                    source=str(path),
                    supplied=read_sidecar(path),
                    site_lines=site_lines,
                )
                obj.backend().spell_people([article])
            except DipnewsError as error:
                failures += 1
                if as_json:
                    click.echo(json.dumps({"path": str(path), "error": error.message}))
                else:
                    click.echo(f"{path}: {error.message}", err=True)
                continue
            echo_article(article, path, as_json, show_dropped)
    if len(files) > 1 and not as_json:
        click.echo(f"Extracted {len(files) - failures} of {len(files)} page(s), failed {failures}.", err=True)
    if failures:
        raise click.ClickException(f"{failures} of {len(files)} page(s) could not be read.")


def echo_article(article: Article, path: Path, as_json: bool, show_dropped: bool = False) -> None:
    """Print what indexing would store of one page: a JSON line, or its fields and body (and
    the lines cut, with `show_dropped`)."""
    data = article.to_dict()
    data["path"] = str(path)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    click.echo(f"== {path}")
    data["people"] = [p["name"] for p in data["people"]]
    for key in (
        "title",
        "date",
        "date_source",
        "outlet",
        "byline",
        "dateline",
        "topics",
        "primary_countries",
        "countries",
        "people",
    ):
        click.echo(f"{key:>12}: {data[key]}")
    click.echo(f"{'dropped':>12}: {len(article.dropped)} lines")
    if article.site_chrome:
        repeated = len(article.site_chrome)
        click.echo(f"{'site chrome':>12}: {repeated} lines repeated on {article.site}")
    click.echo("")
    click.echo(article.body)
    click.echo("")
    if show_dropped:
        click.echo("-- dropped:")
        for line in [*article.dropped, *article.site_chrome]:
            click.echo(f"   {line}")
        click.echo("")
