"""Topic tagging against dipnews' IPTC-based taxonomy (indexer/data/topics.json).

Each topic has trigger phrases; an article gets a topic when the phrases occur
often enough for its length to be what the article is about, not a passing word.
Every assignment keeps its score and the phrases that triggered it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
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
    pattern: re.Pattern[str]


@dataclass
class TopicScore:
    slug: str
    label: str
    score: float
    triggers: dict[str, int] = field(default_factory=dict)


def _phrase_regex(phrase: str) -> str:
    stem = phrase.rstrip("*")
    body = r"\s+".join(re.escape(word) for word in stem.split())
    tail = r"\w*" if phrase.endswith("*") else r"(?:s|es)?"
    return rf"{body}{tail}"


@cache
def load_topics() -> tuple[Topic, ...]:
    """The taxonomy, compiled once."""
    data = json.loads(resources.files("indexer").joinpath("data/topics.json").read_text("utf-8"))
    topics = []
    for entry in data["topics"]:
        alternatives = "|".join(_phrase_regex(p) for p in entry["triggers"])
        pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
        topics.append(Topic(entry["slug"], entry["label"], entry["iptc"], pattern))
    return tuple(topics)


@cache
def topic_labels() -> dict[str, str]:
    """slug -> display label, for facets."""
    return {topic.slug: topic.label for topic in load_topics()}


def tag_topics(title: str, body: str) -> list[TopicScore]:
    """Topics an article is substantially about, best first, with score and triggers."""
    words = max(1, len(body.split()))
    needed = max(MIN_MENTIONS, words / WORDS_PER_MENTION)
    scored = []
    for topic in load_topics():
        triggers: dict[str, int] = {}
        mentions = 0
        for text, weight in ((title, TITLE_WEIGHT), (body, 1)):
            for match in topic.pattern.finditer(text):
                phrase = " ".join(match.group(0).lower().split())
                triggers[phrase] = triggers.get(phrase, 0) + 1
                mentions += weight
        if mentions >= needed:
            scored.append(TopicScore(topic.slug, topic.label, round(mentions / needed, 2), triggers))
    scored.sort(key=lambda t: t.score, reverse=True)
    return scored[:MAX_TOPICS]
