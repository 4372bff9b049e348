"""Web archives (WARC): every HTML response record becomes a page, its target URI its url."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from indexer.errors import DipnewsError, TooLarge

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass
class WarcPage:
    url: str
    data: bytes


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc_pages(path: Path, max_bytes: int) -> Iterator[WarcPage | DipnewsError]:
    """HTML responses of a WARC file; an oversized record is yielded as an error, not skipped silently."""
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode()
                if "html" not in content_type.lower() or status != "200":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield TooLarge(f"{url}: over the {max_bytes / 1e6:.1f} MB limit.")
                    continue
                yield WarcPage(url, data)
    except ArchiveLoadFailed as error:
        raise DipnewsError(f"{path.name} is not a readable web archive: {error}") from None
