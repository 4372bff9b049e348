"""trafilatura and htmldate, as dipnews uses them: the one module that touches their internals.

dipnews builds on trafilatura's main-text extraction and metadata readers and on
htmldate's date search. Some of what it uses is not their public API (the metadata
module's steps, an XPath list, htmldate's fallback parser, trafilatura's shared lxml
parser): every such use is here, checked against the versions named in CHECKED, and
`tests/test_extractors.py` fails when the installed versions leave those ranges, so
that an upgrade is read against this module first.

`configure()` sets what dipnews changes in them for the whole process; the HTML path
calls it before its first page (nothing is changed by importing this module).
"""

from __future__ import annotations

import threading
from functools import cache
from importlib.metadata import version
from typing import Any

import htmldate.extractors as htmldate_extractors
import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura import metadata as trafilatura_metadata
from trafilatura.utils import HTML_PARSER
from trafilatura.utils import load_html as trafilatura_load_html
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

# (lowest, highest) versions this module was read against, as (major, minor)
CHECKED = {"trafilatura": ((2, 0), (2, 3)), "htmldate": ((1, 9), (1, 11))}

_configured = False
_configuring = threading.Lock()


def checked_versions() -> dict[str, tuple[str, bool]]:
    """Each library's installed version, and whether it lies within the range checked here."""
    found = {}
    for name, (lowest, highest) in CHECKED.items():
        installed = version(name)
        major_minor = tuple(int(part) for part in installed.split(".")[:2])
        found[name] = (installed, lowest <= major_minor <= highest)
    return found


def configure() -> None:
    """What dipnews changes in trafilatura and htmldate, once per process.

    - htmldate's last-resort date parser: one English parser, built once (see below);
    - trafilatura's shared lxml parser, which builds every tree dipnews reads, gives plain
      HTML elements from C: lxml.html otherwise looks up each element's class in Python (a
      form's <input> gets InputElement, ...) every time an element is touched, 3% of a page's
      extraction here, and nothing in dipnews, trafilatura or htmldate uses those classes.
    """
    global _configured
    if _configured:  # every HTML page asks: no lock once done
        return
    with _configuring:
        if _configured:
            return
        htmldate_extractors.get_external_parser = _english_date_parser
        HTML_PARSER.set_element_class_lookup(
            etree.ElementDefaultClassLookup(
                element=lxml.html.HtmlElement,
                comment=lxml.html.HtmlComment,
                pi=lxml.html.HtmlProcessingInstruction,
                entity=lxml.html.HtmlEntity,
            )
        )
        _configured = True


@cache
def _english_date_parser() -> Any:
    """htmldate's last-resort date parser, built once and for English only.

    htmldate builds a new dateparser DateDataParser for every string it cannot
    read itself, and tries every locale: about 35 ms a page here, for 0.4% of
    dates on the wcxb set. One English parser keeps the gain at a fraction of the cost.
    """
    from dateparser import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "NORMALIZE": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "PREFER_DATES_FROM": "past",
            "PREFER_LOCALE_DATE_ORDER": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,
        },
    )


def load_html(html: str) -> Any:
    """The page's lxml tree as trafilatura parses it, or None when lxml cannot read it."""
    return trafilatura_load_html(html)


def main_text(document: Any, url: str | None, favor_recall: bool) -> str:
    """The main text trafilatura finds in a page (a tree or its markup), tables included."""
    found: Any = trafilatura.bare_extraction(
        document, url=url, include_comments=False, include_tables=True, favor_recall=favor_recall
    )
    return getattr(found, "text", None) or ""


def page_metadata(tree: Any) -> Any:
    """trafilatura's metadata from the meta tags and JSON-LD (its own first two steps)."""
    meta = trafilatura_metadata.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = trafilatura_metadata.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura guards its JSON-LD reader the same way
        pass
    return meta


def title_anywhere(tree: Any) -> str | None:
    return trafilatura_metadata.extract_title(tree)  # type: ignore[no-any-return]


def url_anywhere(tree: Any, url: str | None) -> str | None:
    return trafilatura_metadata.extract_url(tree, url)  # type: ignore[no-any-return]


def site_name_anywhere(tree: Any) -> str | None:
    return trafilatura_metadata.extract_sitename(tree)  # type: ignore[no-any-return]


def author_anywhere(tree: Any) -> str | None:
    """trafilatura's search of the whole page for an author (slow: asked only when needed)."""
    return trafilatura_metadata.extract_author(tree)  # type: ignore[no-any-return]


def htmldate_guess(tree: Any, url: str | None) -> Any:
    """htmldate's publication date of a page (its quick search), as text, or None."""
    return find_date(tree, extensive_search=False, original_date=True, url=url)


def discarded_by_name(tree: Any) -> set[Any]:
    """The blocks trafilatura discards for their names (its first discard rule: boilerplate)."""
    return set(OVERALL_DISCARD_XPATH[0](tree))
