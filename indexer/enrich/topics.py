"""Topic tagging against dipnews' IPTC-based taxonomy (indexer/data/topics.json).

Each topic has trigger phrases; an article gets a topic when the phrases occur
often enough for its length to be what the article is about, not a passing word.
Every assignment keeps its score and the phrases that triggered it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

MIN_MENTIONS = 2
WORDS_PER_MENTION = 250  # at least one mention per this many words of body
TITLE_WEIGHT = 2
MAX_TOPICS = 6


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    iptc: str


@dataclass
class TopicScore:
    slug: str
    label: str
    score: float
    triggers: dict[str, int] = field(default_factory=dict)


# A trigger phrase, word by word: each word must be equal, a prefix ("diplomac*"), or
# equal up to a plural ending (the last word of a phrase without "*").
EXACT, PREFIX, PLURAL = "exact", "prefix", "plural"
_TOKEN = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@dataclass(frozen=True)
class _Phrase:
    topic: int
    words: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Matcher:
    topics: tuple[Topic, ...]
    by_word: dict[str, list[_Phrase]]  # first word (and its plurals) -> phrases
    by_prefix: dict[str, list[_Phrase]]  # first-word prefix -> phrases
    prefix_lengths: tuple[int, ...]


def _words_of(phrase: str) -> tuple[tuple[str, str], ...]:
    words = _TOKEN.findall(phrase.lower())
    last = PREFIX if phrase.endswith("*") else PLURAL
    return tuple((word, last if i == len(words) - 1 else EXACT) for i, word in enumerate(words))


def _word_matches(token: str, word: str, kind: str) -> bool:
    if kind == PREFIX:
        return token.startswith(word)
    if kind == PLURAL:
        return token in (word, word + "s", word + "es")
    return token == word


@cache
def _matcher() -> _Matcher:
    data = json.loads(resources.files("indexer").joinpath("data/topics.json").read_text("utf-8"))
    topics = []
    by_word: dict[str, list[_Phrase]] = {}
    by_prefix: dict[str, list[_Phrase]] = {}
    for index, entry in enumerate(data["topics"]):
        topics.append(Topic(entry["slug"], entry["label"], entry["iptc"]))
        for trigger in entry["triggers"]:
            phrase = _Phrase(index, _words_of(trigger))
            first, kind = phrase.words[0]
            if kind == PREFIX:
                by_prefix.setdefault(first, []).append(phrase)
            else:
                for form in (first, first + "s", first + "es") if kind == PLURAL else (first,):
                    by_word.setdefault(form, []).append(phrase)
    lengths = tuple(sorted({len(prefix) for prefix in by_prefix}))
    return _Matcher(tuple(topics), by_word, by_prefix, lengths)


def load_topics() -> tuple[Topic, ...]:
    """The taxonomy (indexer/data/topics.json)."""
    return _matcher().topics


@cache
def topic_labels() -> dict[str, str]:
    """slug -> display label, for facets."""
    return {topic.slug: topic.label for topic in load_topics()}


@lru_cache(maxsize=1 << 16)
def _candidates(token: str) -> tuple[_Phrase, ...]:
    """The phrases a token may start: by the whole word and by its prefixes (cached: words repeat)."""
    matcher = _matcher()
    found = list(matcher.by_word.get(token, ()))
    for length in matcher.prefix_lengths:
        if length <= len(token):
            found.extend(matcher.by_prefix.get(token[:length], ()))
    return tuple(found)


def _mentions(text: str) -> list[tuple[int, str]]:
    """(topic index, matched phrase) for every trigger in the text; phrases do not overlap."""
    tokens = [token.replace("\u2019", "'") for token in _TOKEN.findall(text.lower())]
    found = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        candidates = _candidates(token)
        if not candidates:
            i += 1
            continue
        best = None
        for phrase in candidates:
            n = len(phrase.words)
            if (
                i + n <= len(tokens)
                and all(
                    _word_matches(tokens[i + j], word, kind) for j, (word, kind) in enumerate(phrase.words)
                )
                and (best is None or n > len(best.words))
            ):
                best = phrase
        if best is None:
            i += 1
            continue
        matched = tokens[i : i + len(best.words)]
        # one phrase can serve several topics ("mous": diplomacy and treaties)
        for phrase in candidates:
            if phrase.words == best.words or (
                len(phrase.words) == len(best.words)
                and all(_word_matches(t, w, k) for t, (w, k) in zip(matched, phrase.words, strict=True))
            ):
                found.append((phrase.topic, " ".join(matched)))
        i += len(best.words)
    return found


def tag_topics(title: str, body: str) -> list[TopicScore]:
    """Topics an article is substantially about, best first, with score and triggers."""
    topics = load_topics()
    words = max(1, len(body.split()))
    needed = max(MIN_MENTIONS, words / WORDS_PER_MENTION)
    mentions: dict[int, float] = {}
    triggers: dict[int, dict[str, int]] = {}
    for text, weight in ((title, TITLE_WEIGHT), (body, 1)):
        for index, phrase in _mentions(text):
            mentions[index] = mentions.get(index, 0) + weight
            counts = triggers.setdefault(index, {})
            counts[phrase] = counts.get(phrase, 0) + 1
    scored = [
        TopicScore(topics[i].slug, topics[i].label, round(count / needed, 2), triggers[i])
        for i, count in mentions.items()
        if count >= needed
    ]
    scored.sort(key=lambda t: t.score, reverse=True)
    return scored[:MAX_TOPICS]
