"""Commands that run and guard the site: serve, and the API tokens."""

from __future__ import annotations

import click

from indexer.errors import DipnewsError
from indexer.workers import default_jobs
from search.cli.base import Context, cli, fail, upgrade_first
from search.web.auth import create_token, revoke_token, token_names


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
        raise fail(error) from None
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

    try:
        upgrade_first(obj, default_jobs())  # before the first request: no request rebuilds the index
    except (click.ClickException, DipnewsError) as error:  # a cluster down: serve anyway, pages say so
        click.echo(f"dipnews: could not check the index ({error.message}); serving anyway.", err=True)
    app = create_app(data_dir=obj.data_dir.resolve())
    click.echo(f"dipnews: serving {obj.data_dir} on http://{host}:{port}/ ({workers} process(es))")
    try:
        serve_forked(app, host=host, port=port, threads=threads, workers=workers)
    except OSError as error:
        raise click.ClickException(f"Cannot serve on {host}:{port}: {error.strerror}.") from None
