"""Where a story ends: closing markers ("Comments", "Related stories", an author's bio) once
most of its prose is behind them, sign-offs ("Reporting by ..."), closing notes, and pull
quotes repeated from the story."""

from __future__ import annotations

import re
from itertools import accumulate

from indexer.clean.bylines import is_bare_name
from indexer.clean.chrome.rules import Rule, Table
from indexer.clean.lines import folded_words, is_paragraph, word_count

_MARKER_START = r"^[\s\-\u2013\u2014|•·*#]*"


_MARKER_END = r"[\s\-\u2013\u2014|•·*.:\uff1a]*$"  # \uff1a: a full-width colon


# Headings over other stories ("Read this next") and prompts for a reader's rating ("Was this
# article helpful?"): they stand after the whole story, so they end it sooner than other markers
OTHER_STORIES = Rule(
    "other stories",
    r"read\s+this\s+next|what\s+to\s+read\s+next|up\s+next"
    r"|(?:if\s+you\s+(?:liked|enjoyed)\s+this\s+(?:post|article|story),?\s+)?you\s+(?:might|may)\s+(?:also\s+)?(?:like|enjoy)"
    r"|recommended(?:\s+for\s+you)?"
    r"|related\s+(?:articles|posts|news|stories)|more\s+(?:[\w.'\u2019-]+\s+){0,3}(?:stories|news|articles|reads)"
    r"|in\s+case\s+you\s+missed\s+it|editors?'?\u2019?s?\s+picks"
    r"|(?:how\s+was\s+this\s+(?:issue|article|post)|was\s+this\s+(?:(?:article|page|post)\s+)?helpful)\??",
    takes=(
        "Read this next",
        "You may also like",
        "Recommended for you",
        "More World News",
        "Was this article helpful?",
    ),
    spares=("Recommended reading for diplomats was handed out at the summit.",),
)


# Chrome that ends an article once most of the story is behind it (StoryEnd): what follows
# is comments, related links, newsletters, the author's box. Each is a heading (is_closing).
CLOSING_MARKERS = Table(
    "closing markers",
    (
        OTHER_STORIES,
        Rule(
            "comments",
            r"comments?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment"
            r"|there\s+(?:are|is)\s+(?:\d+|no)\s+comments?(?:\s+yet)?"
            r"|discussion\s+about\s+this\s+(?:post|article|story)|comments\s*restacks"  # Substack's comments
            r"|(?:view|show|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?"
            r"|comentar(?:ios)?|coment[aá]rios|commentaires?|kommentare?|commenti",
            takes=(
                "Comments",
                "12 Comments",
                "Leave a Reply",
                "There are 13 comments",
                "View all 45 comments",
                "Kommentare",
            ),
            spares=("Comments from Beijing were muted.",),
        ),
        Rule(
            "related, in other languages",
            r"(?:noticias|art[ií]culos)\s+relacionad[oa]s|articles\s+li[ée]s|(?:[àa]\s+)?lire\s+aussi|leia\s+tamb[ée]m"
            r"|mehr\s+zum\s+thema|das\s+k[öo]nnte\s+sie\s+auch\s+interessieren"
            r"|関連記事|関連ニュース|相[关關](?:文章|新[闻聞]|[阅閱][读讀]|[报報][导導])|延伸[阅閱][读讀]|관련\s*(?:기사|뉴스)",
            takes=("Noticias relacionadas", "Lire aussi", "Mehr zum Thema", "関連記事", "관련기사"),
            spares=("Lire aussi les accords signés à Astana hier soir.",),
        ),
        Rule(
            "more links",
            r"related(?:\s+(?:content|coverage))?|more\s+from\s.*"
            r"|read\s+(?:more|also|next)|also\s+read|most\s+(?:read|popular)"
            r"|trending(?:\s+now)?(?:\s+on\s.*)?|popular\s+(?:posts|stories|now)"
            r"|(?:want|like)\s+more\s+stories.*|don'?\u2019?t\s+miss|read\s+more\s+news\s+on\b.*"
            r"|you\s+(?:might|may)\s+also\s+be\s+interested\s+in\b.*|(?:recent|latest|popular)\s+(?:articles|posts|stories|blogs?)"
            r"|related\s+topics|explore\s+more(?:\s.*)?|latest\s+updates(?:\s.*)?"
            r"|also\s+in\s+the\s+news|keep\s+exploring(?:\s+(?:this|the)\s+topic)?|more\s+for\s+you"
            # the recommendation widgets under a story (Taboola, Outbrain), their label twice in a text dump
            r"|(?:(?:sponsored|promoted|recommended)\s+(?:links|stories|for\s+you)\s*){1,2}"
            r"|(?:(?:recommended\s+|promoted\s+)?by\s+(?:taboola|outbrain)\s*){1,2}",
            takes=(
                "Related coverage",
                "ALSO READ",
                "More from Reuters",
                "Most read",
                "Trending now",
                "Don't miss",
                "Explore more",
                "More for you",
                "Sponsored Links Sponsored Links",
                "by Taboola by Taboola",
            ),
            spares=(
                "Trending topics at the summit included trade and water.",
                "Sponsored links between the ministries were discussed.",
            ),
        ),
        Rule(
            "tags and newsletter",
            r"tags?:?.*|sign\s+up\s+for.*newsletter.*",
            takes=("Tags: Pakistan, Kazakhstan", "Sign up for our daily newsletter"),
            spares=("Signing up for the embassy's newsletter was popular.",),
        ),
        Rule(
            "about the author",
            # an author box or a sponsor's note after the story: "Reviewed by,",
            # "A message from Jane Doe, CEO:"
            r"(?:article\s+)?sources|about\s+the\s+author(?:\s*:.*)?|author"
            r"|(?:written|reviewed|fact[-\s]checked)\s+by,?|a\s+message\s+from\s.{1,60}:",
            takes=("About the author", "Sources", "Author", "Reviewed by,", "A message from Jane Doe, CEO:"),
            spares=("Sources said the talks would resume.",),
        ),
        Rule(
            "did you like it",
            r"(?:did\s+you\s+)?(?:like|enjoy(?:ed)?)\s+this\s+(?:article|story|post)\??",
            takes=("Did you enjoy this article?", "Like this story?"),
            spares=("Like this story, the talks ended in failure.",),
        ),
    ),
    before=_MARKER_START + r"(?:\d+\s+)?",
    after=_MARKER_END,
)


_OTHER_STORIES = Table("other stories", (OTHER_STORIES,), before=_MARKER_START, after=_MARKER_END)


class StoryEnd:
    """Where the story ends, found in one pass over a page's lines.

    A closing marker ("Comments", "Related stories", an author's bio) ends the story
    once most of the prose is behind it. The prose kept so far and the prose still to
    come are running totals, so a page of many thousands of lines with a marker every
    few lines is still read in linear time.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        # _to_come[i]: the prose of lines[i:]
        self._to_come = list(accumulate((_prose(line) for line in reversed(lines)), initial=0))[::-1]
        self._kept = 0

    def keep(self, line: str) -> None:
        """Count a line the story keeps."""
        self._kept += _prose(line)

    def ends_at(self, i: int) -> bool:
        """Whether line i is a closing marker with most of the prose kept before it."""
        if _PITCH.match(self.lines[i]):
            # the question a pitch opens with ("Looking for strategic college advice?"); such a
            # question may head a section of the story too, so only one near the end counts
            return self.mostly_kept(i, ratio=_PITCH_RATIO)
        if not is_closing(self.lines[i]):
            return False
        if any(is_closing(following) for following in self.lines[i + 1 : i + 1 + _CLOSING_RUN]):
            # two closings in a row ("Jane Doe is a writer ...", then "Want more stories?"):
            # what follows is not the story even when its teasers outweigh it
            return self.mostly_kept(i, ratio=0.5)
        if _OTHER_STORIES.matches(self.lines[i]):
            # teasers of other stories may be long, and many
            return self.mostly_kept(i, ratio=0.5)
        return self.mostly_kept(i)

    def signed_off(self, i: int) -> bool:
        """Whether line i signs the story off ("Jane Doe contributed to this report.", "Reporting
        by Jane Doe; Editing by John Roe") with most of the prose kept: nothing after it is the story's."""
        return is_sign_off(self.lines[i]) and self.mostly_kept(i)

    def mostly_kept(self, i: int, ratio: float = 2) -> bool:
        """Whether the prose kept so far is `ratio` times the prose after line i or more."""
        return self._kept > 0 and self._kept >= ratio * self._to_come[i + 1]


_PITCH = re.compile(
    r"(?:looking\s+for|(?:do\s+you\s+)?(?:want|need)|not\s+sure\s+(?:which|what|where|how|if|whether))\s[^?.!]{1,60}\?$",
    re.IGNORECASE,
)


_PITCH_RATIO = 8


def _prose(line: str) -> int:
    return len(line) if is_paragraph(line) else 0


_CONTRIBUTED = re.compile(
    r"\b(?:contributed|contributing)\s+(?:reporting\s+)?to\s+(?:this|the)\s+(?:report|story|article)\b[^.!?]{0,40}\.?\)?$",
    re.IGNORECASE,
)


_WIRE_CREDITS = re.compile(
    r"\(?(?:additional\s+)?reporting\s+by\b.{0,200}\b(?:editing|writing)\s+by\b.{0,100}$", re.IGNORECASE
)


def is_sign_off(line: str) -> bool:
    """A line that closes a news story: "Jane Doe contributed to this report.", a wire's credits."""
    # the first pattern may start anywhere: tried only on lines that hold its word
    contributed = "contribut" in line.lower() and bool(_CONTRIBUTED.search(line))
    return contributed or bool(_WIRE_CREDITS.match(line))


_CLOSING_RUN = 3  # a second closing within this many lines confirms the first


def is_closing(line: str) -> bool:
    """A closing marker (a heading such as "Related stories") or a closing author bio or credit."""
    return (CLOSING_MARKERS.matches(line) and _is_heading(line)) or _is_closing_note(line)


def _is_heading(line: str) -> bool:
    """A short line of one phrase: a closing marker is a heading, never a sentence of the story
    ("More from the summit: leaders agreed to meet again ..." goes on after its first words)."""
    return word_count(line) <= _MARKER_MAX_WORDS and not _INNER_SENTENCE_END.search(line)


_MARKER_MAX_WORDS = 12


_INNER_SENTENCE_END = re.compile(r"[.!?]\s+\S")


def drop_closing_notes(paragraphs: list[str], dropped: list[str]) -> list[str]:
    """Drop what closes a page after the story: an author's bio ("Jane Doe is a freelance
    writer ...") and the name heading it, a production credit ("This story ... was written by ...")."""
    kept = list(paragraphs)
    while len(kept) > 1 and _is_closing_note(kept[-1]):
        dropped.append(kept.pop())
    if (
        len(kept) > 1
        and is_bare_name(kept[-1])
        and any(line.startswith(f"{kept[-1]} is ") and _is_closing_note(line) for line in dropped)
    ):
        dropped.append(kept.pop())  # the heading of the author's bio cut after it: their name
    return kept


def _is_closing_note(line: str) -> bool:
    return word_count(line) <= _NOTE_MAX_WORDS and bool(_CLOSING_NOTE.search(line))


_NOTE_MAX_WORDS = 120


_CLOSING_NOTE = re.compile(
    # "Jane Doe is a freelance writer", "Sam is Acme's Marketing Manager"
    r"^\(?(?:(?-i:[A-Z])[\w'\u2019.-]+\s+){1,4}is\s+(?:an?|the|(?-i:[A-Z])[\w.&-]*['\u2019]s)\s+(?:[\w&,-]+\s+){0,6}?"
    r"(?:writer|editor|journalist|reporter|correspondent|author|contributor|columnist|blogger|freelancer"
    r"|attorney|lawyer|co-?founder|founder|ceo|cto|cmo|vp|manager|marketer|(?:marketing|communications?)\s+professional"
    r"|strategist|designer|developer|(?:associate\s+|assistant\s+|adjunct\s+)?professor|adjunct\s+faculty|physician)\b"
    # ... and says so the way a bio does (not "X is a journalist who was detained ...")
    r".{0,60}?(?:\b(?:based|living)\s+in\b|\bwho\s+(?:covers|writes)\b|\bwrites\s+about\b|\bcovering\b"
    r"|\bspeciali[sz]\w*\s+in\b|\byears\s+of\s+experience\b|\bpassionate\s+about\b|\bwhen\s+not\s+\w+ing\b"
    r"|\b(?:at|for|of)\s+(?:the\s+)?(?-i:[A-Z]))"
    r"|^this\s+(?:story|article|post|report)\s.{0,120}\b(?:was\s+(?:written|produced|reported)|appeared\s+originally)"
    r"|^thanks\s+for\s+(?:reading|learning|watching|listening)\b|^become\s+a\s+paid\s+(?:subscriber|member)\b"
    r"|^(?:\u00a9|\(c\)|copyright\b)",
    re.IGNORECASE,
)


_PULL_QUOTE_WORDS = (6, 40)  # a pull quote is a sentence or two, long enough not to repeat by chance


_PULL_QUOTES_MAX = 20  # a page with more quotations set apart is a transcript or a list of quotes


def drop_pull_quotes(paragraphs: list[str], dropped: list[str]) -> list[str]:
    """Drop pull quotes: a quotation set apart that repeats, word for word, part of a
    longer paragraph of the same text ('"Our goal was never to upset anyone."' over
    '"... our goal was never to upset anyone," says Kramer.').

    Only quotations: a summary or a table of contents repeats the story too, and
    stays (the dev sets' gold texts keep them). Each candidate is searched for in the
    whole text, so a page with many (an interview set out as quotes) is left as it is.
    """
    quoted = [i for i, paragraph in enumerate(paragraphs) if _QUOTED.match(paragraph)]
    if not quoted:  # most pages: no line is a quotation set apart
        return paragraphs
    words = [folded_words(paragraph) for paragraph in paragraphs]
    low, high = _PULL_QUOTE_WORDS
    candidates = {i for i in quoted if low <= words[i].count(" ") + 1 <= high}
    if not candidates or len(candidates) > _PULL_QUOTES_MAX:
        return paragraphs
    text = "\n".join(f" {line} " for line in words)
    quotes = {i for i in candidates if _inside_longer(f" {words[i]} ", text)}
    dropped.extend(paragraphs[i] for i in sorted(quotes))
    return [paragraph for i, paragraph in enumerate(paragraphs) if i not in quotes]


def _inside_longer(line: str, text: str) -> bool:
    """Whether `line` (a paragraph's words, spaced) stands inside a longer paragraph of `text`."""
    at = text.find(line)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at + len(line))
        if (end if end >= 0 else len(text)) - start > len(line):
            return True
        at = text.find(line, at + 1)
    return False


_QUOTED = re.compile("^[\"\u201c\u201e\u00ab\u2018'].*[\"\u201d\u00bb\u2019'][.!?]?$")
