"""Paragraphs a story repeats word for word, kept as often as the page has them.

trafilatura drops a paragraph that repeats the one before it (for it, an artifact
of reading one element twice). When the page itself has the copies, as paragraphs
one after the other in one parent, they are the writer's: a refrain, a quoted
line said twice, a test page. They go back after the kept copy.
"""

from __future__ import annotations

from typing import Any

from indexer.clean.lines import normalise_line, word_count

MIN_WORDS = 8  # shorter repeats are labels and buttons, never restored


def restore_repeats(tree: Any, paragraphs: list[tuple[Any, str]], lines: list[str]) -> list[str]:
    """`lines` with each paragraph the page repeats in sibling <p>s, one right after the
    other, as many times in a row as the page has it there (`paragraphs`: the page's (parent,
    text) of its <p>s, read once for every check, tell whether any text repeats at all)."""
    texts = [text for _, text in paragraphs if word_count(text) >= MIN_WORDS]
    if len(set(texts)) == len(texts):
        return lines  # most pages: no paragraph said twice
    runs: dict[str, list[int]] = {}  # a paragraph's text -> the lengths of its runs, in page order
    previous, previous_text = None, ""
    for paragraph in tree.iter("p"):
        text = normalise_line(paragraph.text_content())
        if word_count(text) < MIN_WORDS:
            continue
        if paragraph.getprevious() is previous is not None and text == previous_text:
            runs[text][-1] += 1
        else:
            runs.setdefault(text, []).append(1)
        previous, previous_text = paragraph, text
    if all(length == 1 for lengths in runs.values() for length in lengths):
        return lines  # repeats, but none right after itself
    restored: list[str] = []
    index = 0
    while index < len(lines):
        line, group = lines[index], 1
        while index + group < len(lines) and lines[index + group] == line:
            group += 1
        lengths = runs.get(line)
        restored.extend([line] * max(group, lengths.pop(0) if lengths else 1))
        index += group
    return restored
