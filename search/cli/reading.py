"""Commands that read: search, stats, log."""

from __future__ import annotations

import json

import click
from werkzeug.datastructures import MultiDict

from indexer.errors import DipnewsError
from search.cli.base import Context, cli, fail
from search.query import parse_request
from search.web.formats import hit_json


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
        raise fail(error) from None
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
