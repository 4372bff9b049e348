"""The `dipnews` command group, its context and what its commands share (errors, progress, reports)."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from indexer.errors import DipnewsError
from indexer.sources.files import (
    IngestReport,
)
from indexer.workers import default_jobs
from search.backends import Backend, open_backend
from search.web import INSTANCE


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
                raise fail(error) from None
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
            raise fail(error) from None


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


def fail(error: DipnewsError) -> click.ClickException:
    return click.ClickException(error.message)


def print_report(report: IngestReport) -> None:
    click.echo(
        f"Indexed {len(report.indexed)}, unchanged {len(report.unchanged)}, "
        f"skipped {len(report.skipped)}, failed {len(report.failed)}."
    )
    for path, reason in report.skipped:
        click.echo(f"  skipped {path}: {reason}")
    for path, reason in report.failed:
        click.echo(f"  failed  {path}: {reason}", err=True)


@contextlib.contextmanager
def progress_bar(length: int, label: str, unit: str = "docs") -> Iterator[Callable[[], None]]:
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


def rebuild(obj: Context, jobs: int, why: str | None = None) -> None:
    """Rebuild the index from the raw archive with a progress bar (`why` said first)."""
    from indexer.rebuild import reindex
    from indexer.store.datadir import archive_for

    if why:
        click.echo(why, err=True)
    archived = len(archive_for(obj.data_dir))
    # each page counts twice: once read, once written (the writing is about a third of the time)
    with progress_bar(2 * archived, "Reindexing", "steps") as advance:
        report = reindex(obj.data_dir, progress=advance, backend=obj.backend(), jobs=jobs)
    print_report(report)


def upgrade_first(obj: Context, jobs: int) -> None:
    """Before a command that writes or serves: rebuild an index an older dipnews wrote, showing
    progress (a web request never rebuilds one, and the pipeline would do it silently)."""
    from indexer.rebuild import needs_upgrade

    if needs_upgrade(obj.data_dir, obj.backend()):
        rebuild(obj, jobs, "The index was written by an older dipnews: rebuilding it from the archive first.")


def jobs_option(command):  # type: ignore[no-untyped-def]
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=default_jobs(),
        show_default="all cores",
        help="Worker processes extracting pages (one process writes the index).",
    )(command)
