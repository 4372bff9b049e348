"""Where a data dir keeps each thing: the index, the raw archive, the lines learned per site."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from indexer.store.archive import Archive
from indexer.store.sitelines import SiteLines

if TYPE_CHECKING:
    from search.backends import Backend


def index_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "index"


def backend_for(data_dir: Path, backend: Backend | None = None) -> Backend:
    """The backend to write to: the one given, else the data dir's default (Whoosh)."""
    if backend is not None:
        return backend
    from search.backends import open_backend

    return open_backend(data_dir)


def archive_for(data_dir: Path) -> Archive:
    return Archive(Path(data_dir) / "archive")


def site_lines_path(data_dir: Path) -> Path:
    return Path(data_dir) / "site-lines.sqlite"


def site_lines_for(data_dir: Path) -> SiteLines:
    """The store of what each archived page kept, by site: where sites' repeated chrome is learned."""
    return SiteLines(site_lines_path(data_dir))
