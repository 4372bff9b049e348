"""Story bodies a page splits over several containers of one kind.

Some sites cut the story into sibling blocks of the same tag and class
(between them an ad or a newsletter box). trafilatura then keeps one block
and loses the others: this module finds the blocks of the same kind that
hold prose and are missing from what was kept, and puts their paragraphs
back in page order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from indexer.clean.chrome import is_closing
from indexer.clean.lines import has_sentence_end, normalise_line, word_count

_CONTAINERS = ("div", "section", "article")
_PARAGRAPH_TAGS = ("p", "h2", "h3", "h4", "blockquote", "li")
MAX_LEVELS = 3  # the parts of one body stand close together: siblings, or a level or two apart
PROSE_WORDS = 15  # a paragraph of prose holds at least this many words
_NOT_STORY = re.compile(
    r"comment|disqus|respond|reply|review|related|recommend|promo|sidebar|footer|newsletter|teaser",
    re.IGNORECASE,
)


def page_paragraphs(tree: Any) -> list[tuple[Any, str]]:
    """The page's <p> paragraphs in page order, each as (its parent element, its text):
    read in one pass for the checks that need them."""
    paragraphs = []
    for node in tree.iter("p"):
        parent = node.getparent()
        text = normalise_line(node.text_content())
        if parent is not None and text:
            paragraphs.append((parent, text))
    return paragraphs


def paragraphs_by_parent(paragraphs: list[tuple[Any, str]]) -> dict[Any, list[str]]:
    """The text of each element's <p> children (from `page_paragraphs`), in page order:
    the page's blocks of prose."""
    blocks: dict[Any, list[str]] = defaultdict(list)
    for parent, text in paragraphs:
        blocks[parent].append(text)
    return blocks


def restore_split_body(blocks: dict[Any, list[str]], lines: list[str]) -> list[str]:
    """`lines` (the kept text, in page order) with the missing blocks of a split body put back;
    `blocks` are the page's paragraphs by parent (`paragraphs_by_parent`)."""
    prose: dict[Any, list[str]] = {}  # container -> its paragraphs of prose
    for parent, texts in blocks.items():
        if parent.tag in _CONTAINERS and parent.get("class"):
            sentences = [text for text in texts if word_count(text) >= PROSE_WORDS and has_sentence_end(text)]
            if sentences:
                prose[parent] = sentences
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for element, texts in prose.items():
        if len(texts) >= 2 and not _NOT_STORY.search(element.get("class")):
            groups[(element.tag, element.get("class"))].append(element)
    kept = "\n".join(lines)
    result = list(lines)
    for members in groups.values():
        if len(members) < 2:
            continue
        covered = [sum(text in kept for text in prose[member]) / len(prose[member]) for member in members]
        if max(covered) < 0.8:
            continue
        best = members[covered.index(max(covered))]
        for i, member in enumerate(members):
            if covered[i] > 0.2 or _nested(member, members) or _levels_apart(best, member) > MAX_LEVELS:
                continue
            result = _insert(result, member, members[:i], members[i + 1 :], kept)
            kept = "\n".join(result)
    return result


def restore_headings(tree: Any, lines: list[str]) -> list[str]:
    """`lines` with the subheadings and lists trafilatura dropped between two paragraphs it kept.

    A heading whose neighbours on the page, the paragraph (or list) before it and
    the one after it, are kept as consecutive lines is the story's own ("What is a
    normal amount of sleep?" between two answers); so is a heading that opens its
    block, when the paragraph after it is kept and is not the first line kept; so is one
    in a wrapper of its own whose neighbours in reading order are two lines kept one
    after the other (an FAQ's question above its answer). A closing marker ("Related")
    is not put back: it would end the story. A list
    between two paragraphs kept one after the other is the story's too ("Here's a
    selection:" and its items); a list whose items all link elsewhere is not.
    """
    at: dict[str | None, int] = {}  # a line -> where it is first kept
    for i, line in enumerate(lines):
        at.setdefault(line, i)
    inserts: dict[int, list[str]] = {}
    flow = _text_flow(tree)
    for heading in tree.iter(*_SUBHEADINGS):
        text = normalise_line(heading.text_content())
        if (
            _WORD.search(text)
            and text not in at
            and word_count(text) <= _SUBHEADING_MAX_WORDS
            and not is_closing(text)
        ):
            next_line = _between_kept(heading, at, may_open=True)
            if next_line < 1:
                next_line = _between_in_flow(heading, flow, at)
            if next_line >= 1:
                inserts.setdefault(next_line, [text])
    for element in tree.iter("ul", "ol"):
        next_line = _between_kept(element, at, may_open=False)
        if next_line < 1:
            continue
        items = [normalise_line(item.text_content()) for item in element if item.tag == "li"]
        items = ["- " + item for item in items if item]
        if items and not any(item in at for item in items) and not linked_items(element, ".//a"):
            inserts.setdefault(next_line, items)
    if not inserts:
        return lines
    result: list[str] = []
    for i, line in enumerate(lines):
        result.extend(inserts.get(i, ()))
        result.append(line)
    return result


def _between_kept(element: Any, at: dict[str | None, int], may_open: bool) -> int:
    """The kept line `element` belongs before, or -1: the block after it is kept at line 1 or
    later, and the block before it is the line just above (with `may_open`, or there is none).
    The block after is looked at first: it is the cheaper miss."""
    next_line = at.get(_block_text(_neighbour(element.itersiblings()), last=False), -1)
    if next_line < 1:
        return -1
    before = _neighbour(element.itersiblings(preceding=True))
    if (before is None and may_open) or at.get(_block_text(before, last=True)) == next_line - 1:
        return next_line
    return -1


Flow = dict[Any, tuple[str | None, str | None, Any]]


def _text_flow(tree: Any) -> Flow:
    """Each subheading's neighbours in reading order: the lines of the text blocks before and
    after it, and the element of the one after."""
    blocks: list[tuple[Any, str | None]] = []
    for node in tree.xpath(_OUTERMOST_BLOCKS):
        if node.tag in _FLOW_BREAKS:  # a figure or a table between two blocks parts them
            blocks.append((node, None))
        elif text := normalise_line(node.text_content()):
            blocks.append((node, ("- " + text) if node.tag == "li" else text))
    flow = {}
    for i, (node, _) in enumerate(blocks):
        if node.tag in _SUBHEADINGS:
            before = blocks[i - 1][1] if i else None
            after, following = blocks[i + 1][::-1] if i + 1 < len(blocks) else (None, None)
            flow[node] = (before, after, following)
    return flow


def _between_in_flow(heading: Any, flow: Flow, at: dict[str | None, int]) -> int:
    """The kept line `heading` belongs before, or -1: its neighbours in `flow` are kept one after
    another, and no other text (a widget's) stands between it and the block after it."""
    before, after, following = flow.get(heading, (None, None, None))
    next_line = at.get(after, -1)
    if next_line >= 1 and at.get(before) == next_line - 1 and _nothing_between(heading, following):
        return next_line
    return -1


def _nothing_between(first: Any, second: Any) -> bool:
    """Whether no text stands between element `first` and element `second`, which follows it."""
    ancestors = set(second.iterancestors())
    node = first
    while node is not None and node not in ancestors:
        if _has_text(node.tail):
            return False
        for sibling in node.itersiblings():
            if sibling is second or sibling in ancestors:
                return _nothing_before(sibling, second, ancestors)
            if _holds_text(sibling):
                return False
        node = node.getparent()
    return False


def _nothing_before(container: Any, target: Any, ancestors: set[Any]) -> bool:
    """Whether `target`, inside `container` (`ancestors` are its own), is the container's first text."""
    node = container
    while node is not target:
        if _has_text(node.text):
            return False
        for child in node:
            if child is target or child in ancestors:
                node = child
                break
            if _holds_text(child):
                return False
        else:
            return False
    return True


def _holds_text(element: Any) -> bool:
    """Whether an element (a comment: only its tail) or the text after it shows any words."""
    return (isinstance(element.tag, str) and _has_text(element.text_content())) or _has_text(element.tail)


def _has_text(text: str | None) -> bool:
    return bool(text and not text.isspace())


_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
_FLOW_BREAKS = ("figure", "table")
_FLOW_TAGS = ("p", "li", *_SUBHEADINGS, *_FLOW_BREAKS)
_OUTERMOST_BLOCKS = "({})[not({})]".format(
    "|".join(f"//{tag}" for tag in _FLOW_TAGS), "|".join(f"ancestor::{tag}" for tag in _FLOW_TAGS)
)
_SUBHEADING_MAX_WORDS = 25
_WORD = re.compile(r"[^\W\d_]{2}")  # a heading says a word: an icon's glyph ("S") in an <h3> does not


def _neighbour(siblings: Any) -> Any:
    """The first element among `siblings` that holds text (comments and empty spacers skipped)."""
    return next(
        (sibling for sibling in siblings if isinstance(sibling.tag, str) and sibling.text_content().strip()),
        None,
    )


def _block_text(element: Any, last: bool) -> str | None:
    """The line trafilatura makes of a paragraph, or of a list's last (or first) item."""
    if element is None:
        return None
    if element.tag == "p":
        return normalise_line(element.text_content())
    items = [item for item in element if item.tag == "li"] if element.tag in ("ul", "ol") else []
    return "- " + normalise_line(items[-1 if last else 0].text_content()) if items else None


def _paragraphs(element: Any) -> list[str]:
    """The text blocks of `element`, outermost only (a <p> in a <blockquote> is in the quote's)."""
    texts = []
    for node in element.iter(*_PARAGRAPH_TAGS):
        if _inside_paragraph(node, element):
            continue
        text = normalise_line(node.text_content())
        if text and not _mostly_links(node, text):
            texts.append(text)
    return texts


def _inside_paragraph(node: Any, container: Any) -> bool:
    for parent in node.iterancestors():
        if parent is container:
            return False
        if parent.tag in _PARAGRAPH_TAGS:
            return True
    return False


def _mostly_links(node: Any, text: str) -> bool:
    """A block whose text is mostly link text, or an item of a list linking every item: other stories."""
    if node.tag == "li" and linked_items(node.getparent(), ".//a"):
        return True
    linked = sum(len(normalise_line(link.text_content())) for link in node.iter("a"))
    return linked > len(text) / 2


def linked_items(element: Any, link: str) -> list[Any]:
    """The items of a list (<ul>, <ol>) when every one of its two or more holds `link`, else []."""
    items = [child for child in element if child.tag == "li"]
    return items if len(items) >= 2 and all(item.find(link) is not None for item in items) else []


def _nested(element: Any, members: list[Any]) -> bool:
    return any(ancestor in members for ancestor in element.iterancestors())


def _levels_apart(kept: Any, missing: Any) -> int:
    """How many levels `missing` stands below the nearest ancestor it shares with `kept`."""
    shared = set(kept.iterancestors())
    for level, node in enumerate(missing.iterancestors(), start=1):
        if node in shared:
            return level
    return 1_000


def _insert(lines: list[str], member: Any, before: list[Any], after: list[Any], kept: str) -> list[str]:
    """Put `member`'s paragraphs after the last kept line of the nearest kept block before it."""
    new = [text for text in _paragraphs(member) if text not in kept]
    for previous in reversed(before):
        texts = set(_paragraphs(previous))
        last = max((i for i, line in enumerate(lines) if line in texts), default=None)
        if last is not None:
            return lines[: last + 1] + new + lines[last + 1 :]
    for following in after:
        texts = set(_paragraphs(following))
        first = min((i for i, line in enumerate(lines) if line in texts), default=None)
        if first is not None:
            return lines[:first] + new + lines[first:]
    return lines


def restore_loose_text(blocks: dict[Any, list[str]], lines: list[str]) -> list[str]:
    """`lines` with the prose written loose (outside any <p>) beside the story's paragraphs.

    Some pages set a paragraph as bare text between elements: the lead after a box of
    related links ("<p><div>…</div>SAN FRANCISCO (AP) — …"), or text run on between
    <br>s and links, or a note in a <div> of its own between two paragraphs ("<div
    class=note><strong>Update:</strong> …</div>"). trafilatura loses the text that
    follows an element it removes, and now and then such a box. In an element whose <p>
    children were kept, each run of loose text or box that reads as prose (a sentence of
    `PROSE_WORDS` words or more) goes back before the next kept paragraph, or after the
    last one.
    """
    at = {line: i for i, line in reversed(list(enumerate(lines)))}
    kept = "\n".join(lines)
    inserts: dict[int, list[str]] = defaultdict(list)
    for parent, texts in blocks.items():
        if not any(text in at for text in texts):
            continue
        waiting: list[str] = []  # loose prose not yet placed
        for run, element in _loose_runs(parent):
            if element is None:
                if word_count(run) >= PROSE_WORDS and has_sentence_end(run) and not _kept_already(run, kept):
                    waiting.append(run)
                continue
            box = _prose_box(element)
            if box and not _kept_already(box, kept):
                waiting.append(box)
                continue
            index = at.get(normalise_line(element.text_content())) if element.tag == "p" else None
            if index is not None and waiting:
                inserts[index].extend(waiting)
                waiting = []
        if waiting:
            last = max(at[text] for text in texts if text in at)
            inserts[last + 1].extend(waiting)
    if not inserts:
        return lines
    result: list[str] = []
    for i, line in enumerate([*lines, None]):
        result.extend(inserts.get(i, ()))
        if line is not None:
            result.append(line)
    return result


def _prose_box(element: Any) -> str | None:
    """The text of a <div> set between paragraphs that holds prose written loose (no <p>,
    no block inside: "<div class=note><strong>Update:</strong> Version 3.14 ...</div>")."""
    if (
        element.tag != "div"
        or _NOT_STORY.search(element.get("class") or "")
        or any(isinstance(child.tag, str) and child.tag not in _INLINE for child in element)
    ):
        return None
    text = normalise_line(element.text_content())
    if word_count(text) < PROSE_WORDS or not has_sentence_end(text) or _mostly_links(element, text):
        return None
    return text


def _loose_runs(parent: Any) -> Iterator[tuple[str, Any]]:
    """The children of `parent` in order: (text, None) for each run of loose text, ("", element)
    for each other element. A run is text set directly in `parent`, with the links and
    emphasis inside it; it must be mostly the parent's own text (not a styled widget's)."""
    own, parts = [parent.text or ""], [parent.text or ""]
    for child in parent:
        if isinstance(child.tag, str) and child.tag in _INLINE:
            parts.append(child.text_content())
        elif isinstance(child.tag, str):
            yield _run_text(own, parts), None
            yield "", child
            own, parts = [], []
        own.append(child.tail or "")
        parts.append(child.tail or "")
    yield _run_text(own, parts), None


_INLINE = frozenset("a b i em strong u sup sub small abbr cite q mark span font".split())  # run on in a line


def _run_text(own: list[str], parts: list[str]) -> str:
    """A run's text (`parts`), or "" when less than half of it is the parent's `own` text."""
    text = normalise_line("".join(parts))
    return text if 2 * len(normalise_line("".join(own))) >= len(text) else ""


def _kept_already(run: str, kept: str) -> bool:
    """Whether the kept text holds `run`, or its opening or its close (trafilatura split it otherwise)."""
    return run[:_ENDS_CHARS] in kept or run[-_ENDS_CHARS:] in kept


_ENDS_CHARS = 40
