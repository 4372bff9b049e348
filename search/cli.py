"""The `dipnews` command line: a thin shell over the indexer and search libraries."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from werkzeug.datastructures import MultiDict

from indexer.article import Article, extract_article
from indexer.errors import DipnewsError
from indexer.pipeline import ingest_bytes, ingest_files, ingest_url
from indexer.rebuild import reindex
from indexer.sources.files import (
    DEFAULT_MAX_BYTES,
    SIDECAR_SUFFIX,
    IngestReport,
    iter_page_files,
    read_page,
    read_sidecar,
)
from indexer.store.datadir import archive_for, site_lines_for, site_lines_path
from indexer.workers import default_jobs
from search.backends import Backend, open_backend
from search.query import parse_request
from search.web import INSTANCE
from search.web.auth import create_token, revoke_token, token_names
from search.web.formats import hit_json


class Context:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._backend: Backend | None = None

    def backend(self) -> Backend:
        """The data dir's backend, as the BACKEND setting (env DIPNEWS_BACKEND) names it."""
        if self._backend is None:
            try:
                self._backend = open_backend(self.data_dir)
            except DipnewsError as error:
                raise _fail(error) from None
        return self._backend

    def close(self) -> None:
        if self._backend is not None:
            if self._backend.merging:
                click.echo("Merging the index's segments (what was written is searchable already)…", err=True)
            self._backend.close()


class DipnewsGroup(click.Group):
    """Commands whose DipnewsError (an index busy, a cluster down) ends in its message, not a trace."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DipnewsError as error:
            raise _fail(error) from None


@click.group(cls=DipnewsGroup)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="DIPNEWS_DATA_DIR",
    default=INSTANCE,
    show_default=False,
    help="Folder holding the index and raw archive (default: ./instance; env DIPNEWS_DATA_DIR).",
)
@click.pass_context
def cli(ctx: click.Context, data_dir: Path) -> None:
    """dipnews: index and search diplomatic news.

    Example: dipnews index corpus/ && dipnews search "Kazakhstan trade"
    """
    ctx.obj = Context(data_dir)
    ctx.call_on_close(ctx.obj.close)


def _fail(error: DipnewsError) -> click.ClickException:
    return click.ClickException(error.message)


def _print_report(report: IngestReport) -> None:
    click.echo(
        f"Indexed {len(report.indexed)}, unchanged {len(report.unchanged)}, "
        f"skipped {len(report.skipped)}, failed {len(report.failed)}."
    )
    for path, reason in report.skipped:
        click.echo(f"  skipped {path}: {reason}")
    for path, reason in report.failed:
        click.echo(f"  failed  {path}: {reason}", err=True)


@contextlib.contextmanager
def _progress(length: int, label: str, unit: str = "docs") -> Iterator[Callable[[], None]]:
    """A progress bar on standard error that shows the rate; yields the function that advances it."""
    started = time.perf_counter()
    done = 0
    with click.progressbar(
        length=length, label=label, file=sys.stderr, item_show_func=lambda rate: rate
    ) as bar:

        def advance() -> None:
            nonlocal done
            done += 1
            elapsed = time.perf_counter() - started
            bar.update(1, f"{done / elapsed:.0f} {unit}/s" if elapsed > 0 else None)

        yield advance


def _jobs_option(command):  # type: ignore[no-untyped-def]
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=default_jobs(),
        show_default="all cores",
        help="Worker processes extracting pages (one process writes the index).",
    )(command)


@cli.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Largest page accepted.")
@_jobs_option
@click.pass_obj
def index_command(obj: Context, paths: tuple[Path, ...], max_bytes: int, jobs: int) -> None:
    """Index pages from files and folders (HTML or text; sidecar NAME.meta.json supplies metadata).

    Example: dipnews index --jobs 2 corpus/ ~/saved-pages/story.html
    """
    report = IngestReport()
    files = list(iter_page_files(paths, report))
    with _progress(len(files), "Indexing", "files") as advance:
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
    _print_report(result)
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
            _print_report(report)
            if report.failed and not (report.indexed or report.unchanged):
                raise click.ClickException("Nothing was added.")
            return
    except DipnewsError as error:
        raise _fail(error) from None
    click.echo(f"{status.capitalize()}: {article.title}")
    click.echo(f"  id {article.id} · {article.outlet or 'Unknown outlet'} · {article.date or 'Undated'}")


@cli.group("token")
def token_group() -> None:
    """API tokens for adding, correcting and deleting articles.

    Example: dipnews token create alice
    """


@token_group.command("create")
@click.argument("name")
@click.pass_obj
def token_create(obj: Context, name: str) -> None:
    """Create (or replace) NAME's token; it is printed once, alone on the last line.

    Example: dipnews token create alice
    """
    try:
        token = create_token(obj.data_dir, name)
    except DipnewsError as error:
        raise _fail(error) from None
    click.echo(f"Token for {name} (shown once; only its hash is stored):", err=True)
    click.echo(token)


@token_group.command("list")
@click.pass_obj
def token_list(obj: Context) -> None:
    """Names that have a token.

    Example: dipnews token list
    """
    for name in token_names(obj.data_dir):
        click.echo(name)


@token_group.command("revoke")
@click.argument("name")
@click.pass_obj
def token_revoke(obj: Context, name: str) -> None:
    """Revoke NAME's token.

    Example: dipnews token revoke alice
    """
    if not revoke_token(obj.data_dir, name):
        raise click.ClickException(f"No token named {name!r}.")
    click.echo(f"Revoked the token of {name}.")


@cli.command("reindex")
@_jobs_option
@click.pass_obj
def reindex_command(obj: Context, jobs: int) -> None:
    """Rebuild the whole index from the raw archive (after an upgrade of the extractor).

    Example: dipnews reindex --jobs 2
    """
    archived = len(archive_for(obj.data_dir))
    # each page counts twice: once read, once written (the writing is about a third of the time)
    with _progress(2 * archived, "Reindexing", "steps") as advance:
        report = reindex(obj.data_dir, progress=advance, backend=obj.backend(), jobs=jobs)
    _print_report(report)


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
        raise _fail(error) from None
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


@cli.command("search")
@click.argument("query", default="")
@click.option("--outlet", multiple=True, help="Only this outlet (repeat for several).")
@click.option("--topic", multiple=True, help="Only this topic slug (repeat for several).")
@click.option(
    "--country", multiple=True, help="Only articles about this country, ISO code (repeat for several)."
)
@click.option("--all-countries", is_flag=True, help="With several --country: about all of them, not any.")
@click.option("--person", multiple=True, help="Only articles naming this person (repeat for several).")
@click.option(
    "--event", multiple=True, help="Only articles reporting this event type, e.g. visit (repeat for several)."
)
@click.option("--from", "date_from", help="Earliest date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Latest date, YYYY-MM-DD.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--page", default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Results and facets as JSON.")
@click.pass_obj
def search_command(
    obj: Context,
    query: str,
    outlet: tuple[str, ...],
    topic: tuple[str, ...],
    country: tuple[str, ...],
    all_countries: bool,
    person: tuple[str, ...],
    event: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    sort: str,
    page: int,
    as_json: bool,
) -> None:
    """Search the index, with the same syntax and filters as the web site.

    Example: dipnews search '"strategic partnership"' --country PK --country KZ --all-countries
    """
    args: MultiDict[str, str] = MultiDict(
        [("q", query), ("sort", sort), ("page", str(page))]
        + [("outlet", v) for v in outlet]
        + [("topic", v) for v in topic]
        + [("country", v) for v in country]
        + [("person", v) for v in person]
        + [("event", v) for v in event]
        + [("countries", "all" if all_countries else "any")]
        + [("date_from", date_from or ""), ("date_to", date_to or "")]
    )
    try:
        request = parse_request(args)
        result = obj.backend().search(request)
    except DipnewsError as error:
        raise _fail(error) from None
    if as_json:
        click.echo(
            json.dumps(
                {
                    "query": request.q,
                    "total": result.total,
                    "page": request.page,
                    "results": [dict(hit_json(hit, ""), snippet=None) for hit in result.hits],
                    "facets": result.counts,
                },
                ensure_ascii=False,
            )
        )
        return
    for note in result.notes:
        click.echo(f"Note: {note}.")
    click.echo(f"{result.total} article(s)")
    for hit in result.hits:
        click.echo(
            f"\n{hit.title}\n  {hit.meta.get('outlet') or 'Unknown outlet'} · "
            f"{hit.meta.get('date') or 'Undated'} · id {hit.id}"
        )
    for name, counts in result.counts.items():
        top = sorted(counts.items(), key=lambda kv: -kv[1])[:8]
        if top:
            click.echo(f"\n{name}: " + ", ".join(f"{value} ({count})" for value, count in top))


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@click.pass_obj
def stats_command(obj: Context, as_json: bool) -> None:
    """Document count and how many documents have a date, outlet and topic.

    Example: dipnews stats
    """
    stats = obj.backend().stats()
    if as_json:
        click.echo(json.dumps(stats))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        click.echo(f"{key.replace('_', ' '):>22}: {value}")
    if stats.get("older_extraction"):
        click.echo(
            f"\n{stats['older_extraction']} document(s) were extracted by an older dipnews;"
            " `dipnews reindex` extracts them again from the archive."
        )


@cli.command("log")
@click.option("--article", "article_id", help="Only the writes of this article.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line, as kept.")
@click.pass_obj
def log_command(obj: Context, article_id: str | None, as_json: bool) -> None:
    """The audit log: who added, corrected or deleted articles through the site or the API, when,
    and from which address (oldest first).

    Example: dipnews log --article 0bf5122bbf834a2c
    """
    from search.web.audit import entries

    found = False
    for entry in entries(obj.data_dir, article_id):
        found = True
        if as_json:
            click.echo(json.dumps(entry, ensure_ascii=False))
            continue
        source = f" from {entry['source']}" if entry.get("source") else ""
        click.echo(
            f"{entry['time']}  {entry['user']:<12} {entry['action']:<6} {entry['article_id']}"
            f" ({entry.get('status')}{source}) via {entry.get('via')} from {entry.get('address')}"
        )
    if not found and not as_json:
        click.echo("No writes recorded.")


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, envvar="PORT")
@click.option("--threads", default=8, show_default=True, help="Threads per server process.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=default_jobs(),
    show_default="all cores",
    help="Server processes sharing the port (Python runs one thread at a time per process).",
)
@click.pass_obj
def serve_command(obj: Context, host: str, port: int, threads: int, workers: int) -> None:
    """Serve the search site with waitress, a production WSGI server, in one or more processes.

    Example: dipnews serve --port 8000 --workers 2
    """
    from search.web import create_app
    from search.web.serving import serve_forked

    app = create_app(data_dir=obj.data_dir.resolve())
    click.echo(f"dipnews: serving {obj.data_dir} on http://{host}:{port}/ ({workers} process(es))")
    try:
        serve_forked(app, host=host, port=port, threads=threads, workers=workers)
    except OSError as error:
        raise click.ClickException(f"Cannot serve on {host}:{port}: {error.strerror}.") from None


if __name__ == "__main__":
    cli()
