"""Pages on disk: the files under folders, their metadata sidecars, a size limit."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.errors import DipnewsError, TooLarge

SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class IngestReport:
    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def iter_page_files(paths: Iterable[Path], report: IngestReport) -> Iterator[Path]:
    """Files to index under the given files and folders (sidecars and hidden files left out)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file())
            for child in children:
                relative = child.relative_to(path).parts
                if child.name.endswith(SIDECAR_SUFFIX) or any(p.startswith(".") for p in relative):
                    continue
                yield child
        elif path.name.endswith(SIDECAR_SUFFIX):
            report.skipped.append((str(path), "a metadata sidecar, not a page"))
        elif path.is_file():
            yield path
        else:
            report.failed.append((str(path), "no such file or folder"))


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata the user supplied next to a page (`story.html.meta.json`), or {}."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise DipnewsError(f"The metadata file {sidecar.name} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise DipnewsError(f"The metadata file {sidecar.name} must hold a JSON object.")
    return data


def read_page(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"The file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB.")
        return path.read_bytes()
    except OSError as error:
        raise DipnewsError(f"The file cannot be read: {error.strerror}.") from None
