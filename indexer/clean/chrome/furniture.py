"""Page furniture: menus, breadcrumbs, share and sign-up widgets, comment headers, links to
other posts, template rules and layout names that leak as text, a site's contact footer."""

from __future__ import annotations

import re

from indexer.clean.chrome.rules import Rule, Table
from indexer.clean.chrome.stamps import CLOCK
from indexer.clean.lines import word_count

# a category's name, each word capitalised but the small ones: "Smart Contract", "Arts and Culture"
_CATEGORY = r"(?-i:[A-Z])[\w&'\u2019-]*(?:\s+(?:(?-i:[A-Z])[\w&'\u2019-]*|and|of|the|&))*"


# Lines that are page chrome whatever page they are on: ads, toggles, menus, share and
# comment widgets, footers. Each rule is the whole line, but for bullets and dashes around it
# and a link's "(opens in new window)".
CHROME = Table(
    "page furniture",
    (
        Rule(
            "ad label",
            r"(?:adsense\s+)?advertisements?|sponsored(?:\s+content)?|ad|ads|promoted"
            # an ad's label: "Advertisement: New AI Book!"
            r"|(?:advertisement|sponsored|paid\s+post)\s*:.{1,80}",
            takes=(
                "Advertisement",
                "ADVERTISEMENTS",
                "Sponsored content",
                "Advertisement: New AI Book!",
                "- Ad -",
            ),
            spares=(
                "Ad hoc talks resumed in Geneva on Tuesday.",
                "Sponsored by the ministry, the forum opened.",
            ),
        ),
        Rule(
            "page controls",
            r"dark\s+mode|light\s+mode|logo|menu|main\s+menu|search|home|close|toggle\s+navigation|text\s+size|by"
            r"|(?:show|open|close|hide|toggle)\s*menu",
            takes=("Dark Mode", "Toggle navigation", "Main Menu", "Search", "Text size", "Close menu", "By"),
            spares=(
                "Search teams worked through the night.",
                "Home Secretary Priti Patel said the talks would resume.",
            ),
        ),
        Rule(
            "reading time",
            r"\d+\s+min(?:ute)?s?(?:\s+read)?|(?:estimated\s+)?reading\s+time"
            # after a byline or a date, perhaps before one: "Dec 18, 2025 \u22c5 10 min read"
            r"|(?:[^.!?]{1,60}?\s*[\u22c5\u2014\u2013|\u00b7\u2022-]\s*)?\d+\s*min(?:ute)?s?\s+read"
            r"(?:\s*[\u22c5|\u00b7\u2022]\s*by\s+[\w.' -]{1,40})?",
            takes=("5 min read", "3 minutes", "Estimated reading time:", "Dec 18, 2025 \u22c5 10 min read"),
            spares=("The meeting lasted 45 minutes and ended without a statement.",),
        ),
        Rule(
            "search box",
            r"enter\s+(?:your\s+)?search\s+terms?",
            takes=("Enter your search terms", "Enter search term"),
            spares=("Enter the search for a new envoy, which began in May.",),
        ),
        Rule(
            "wire slug",  # an AP wire slug: "BC-EU--Britain-Brexit-Election, 1st Ld-Writethru"
            r"(?-i:BC-[A-Z]{2,3}-+[\w-]+)(?:,\s*\d*\w*\s*(?:Ld-)?Writethru)?",
            takes=("BC-EU--Britain-Brexit-Election, 1st Ld-Writethru", "BC-AS-Pakistan-Kazakhstan"),
            spares=("BC-EU officials met on Monday.",),
        ),
        Rule(
            "share buttons",
            r"(?:share\s+(?:on|via)\s+\w+\s*){2,}"  # a row of them: "Share on Facebook Share on Twitter"
            r"|share(?:\s+this(?:\s+article)?)?(?:\s+(?:on|via)\s+\w+)?|print|email|tweet|whatsapp"
            r"|share\s+this\s+(?:post|story|page|content)|like\s+this\s*:"
            r"|facebook|twitter|x|linkedin|instagram|youtube|telegram",
            takes=(
                "Share on Facebook Share on Twitter",
                "Share this article",
                "Print",
                "Email",
                "Like this:",
                "X",
            ),
            spares=(
                "Share prices fell 3% after the talks collapsed.",
                "Twitter was blocked during the vote.",
            ),
        ),
        Rule(
            "skip and back links",
            r"skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|footer|search|table\s+of\s+contents?)"
            r"|main\s+content|continue\s+reading(?:\s+(?:below|the\s+(?:main\s+)?story))?"
            r"|back\s+to\s+(?:blog|top|news)|back\s+to\s+(?:our|the|all)\s+(?:[\w'\u2019&-]+\s*){1,6}",
            takes=(
                "Skip to main content",
                "Continue reading the main story",
                "Back to top",
                "Back to all news",
            ),
            spares=("Back to the negotiating table went the two delegations on Friday.",),
        ),
        Rule(
            "sign-up and follow",
            r"subscribe(?:\s+now)?|sign\s+in|sign\s+up|log\s*in|log\s*out|register|newsletter"
            r"|follow(?:\s+us)?(?:\s+on\s+\w+)?|follow\s+\S+(?:\s+\S+)?\s+on|give\s+(?:us\s+)?feedback"
            r"|(?:stay\s+)?connect(?:ed)?\s+with\s+us|get\s+(?:the|our)\s+(?:\w+\s+)?newsletter|contact\s+us|let\s+us\s+help",
            takes=(
                "Subscribe now",
                "Sign in",
                "Newsletter",
                "Follow us on Twitter",
                "Stay connected with us",
            ),
            spares=("Follow-up talks are planned for March.", "The party's newsletter was banned in 2019."),
        ),
        Rule(
            "comment widgets",
            r"comments?|comment\s*/\s*reply\s+from|reply|leave\s+a\s+(?:reply|comment)|post\s+comment"
            r"|flag\s+as\s+(?:offensive|inappropriate)|report\s+(?:abuse|comment|this\s+comment)"
            r"|expand\s+full\s+comment|\d+\s+(?:more\s+)?repl(?:y|ies)(?:\s+by\s+.{1,60})?|liked\s+by\s+[^.,;!?]{1,40}"
            r"|\d{1,2}[smhdw]",  # a comment's age: "8d", "3h"
            takes=("Comments", "Leave a Reply", "Flag as offensive", "3 replies", "8d", "Liked by Jane Doe"),
            spares=(
                "Comments by the minister drew criticism in Kabul.",
                "Reply came from Moscow within hours.",
            ),
        ),
        Rule(
            "links to other posts",
            # the previous or next post ("Next" alone is also a story's subheading)
            r"(?:previous|older|newer)(?:\s+(?:posts?|articles?|entries|stories|story|page))?"
            r"|next\s+(?:posts?|articles?|entries|stories|story|page)"
            r"|read\s+more|read\s+also|see\s+also|related(?:\s+(?:articles|posts|news|stories))?"
            r"|more\s+stories|trending|most\s+read|popular|latest(?:\s+news)?|top\s+stories",
            takes=(
                "Previous post",
                "Next article",
                "Read more",
                "Related stories",
                "Trending",
                "Top stories",
            ),
            spares=(
                "Previous talks in 2019 ended without a deal.",
                "Next",
                "Latest figures show trade grew by 9%.",
            ),
        ),
        Rule(
            "categories and tags",
            r"categor(?:y|ies|ias|ías)|tags?:.*|filed\s+under:.*|categories?:.*"
            # a post's categories, each capitalised: "Published in Design , Layout", "Posted in News"
            r"|(?:published|posted|filed)\s+in\s+" + _CATEGORY + r"(?:\s*,\s*" + _CATEGORY + r"){0,8}"
            r"|(?:archivado\s+en|arquivado\s+em|class[ée]\s+dans|abgelegt\s+unter|etiquetas|schlagw[öo]rter)\s*:.*",
            takes=(
                "Categories",
                "Tags: diplomacy, trade",
                "Filed under: Asia",
                "Posted in News",
                "Archivado en: Política",
            ),
            spares=(
                "Published in 2019, the report found gaps.",
                "Posted in Kabul for years, the envoy knows the region.",
            ),
        ),
        Rule(
            "calls to action",  # as buttons: "Learn more", "Get started today", "Share your story"
            r"learn\s+more|find\s+out\s+more|get\s+started(?:\s+(?:today|now|for\s+free))?|apply\s+now|get\s+in\s+touch"
            r"|contact\s+us\s+today|get\s+a\s+(?:free\s+)?quote|get\s+your\s+(?:free\s+)?copy(?:\s+(?:today|now))?"
            r"|share\s+your\s+story|add\s+a\s+comment|subscribe\s+to\s+this\s+site"
            r"|let['\u2019]?s\s+get\s+started|contact\s+info(?:rmation)?|shop\s+(?:[\w'\u2019&+-]+\s+){1,6}now",
            takes=(
                "Learn more",
                "Get started today",
                "Get a free quote",
                "Let's get started",
                "Shop the range now",
            ),
            spares=("Learn more about the talks, officials said, later this week.",),
        ),
        Rule(
            "legal and consent",
            r"all\s+rights\s+reserved.*|copyright\b.*|\u00a9.*|privacy\s+policy|terms\s+of\s+(?:use|service)"
            r"|cookie.*|accept(?:\s+all)?|accessibility",
            takes=(
                "All rights reserved.",
                "\u00a9 2025 The Daily",
                "Copyright 2024 Reuters",
                "Privacy Policy",
                "Accept all",
            ),
            spares=(
                "Copyrighted works were covered by the deal.",
                "Accepting the credentials, the president spoke.",
            ),
        ),
        Rule(
            "government site banner",  # the banner over every US federal site, and the EU's
            r"an\s+official\s+website\s+of\s+the\s+united\s+states\s+government(?:\s+here['\u2019]s\s+how\s+you\s+know)?"
            r"|official\s+websites\s+use\s+\.gov|secure\s+\.gov\s+websites\s+use\s+https"
            r"|a\s+\.gov\s+website\s+belongs\s+to\s+an\s+official\s+government\s+organi[sz]ation\s+in\s+the\s+united\s+states"
            r"|a\s+lock\s+\([^)]{0,40}\)\s+or\s+https://\s+means\s+you.{0,200}"
            r"|an\s+official\s+(?:website\s+of\s+the\s+european\s+union|eu\s+website)(?:\s+how\s+do\s+you\s+know\??)?",
            takes=(
                "An official website of the United States Government Here's how you know",
                "Official websites use .gov",
                "A .gov website belongs to an official government organization in the United States.",
                "Secure .gov websites use HTTPS",
                "A lock ( ) or https:// means you\u2019ve safely connected to the .gov website. Share"
                " sensitive information only on official, secure websites.",
                "An official website of the European Union",
            ),
            spares=(
                "An official website of the United States Government was hacked on Monday, officials said.",
            ),
        ),
        Rule(
            "table of contents",
            r"table\s+of\s+contents?(?:\s+(?:show|hide|toggle))?|in\s+this\s+article",
            takes=("Table of Contents", "Table of Contents Toggle", "In this article"),
            spares=("In this article, published on Monday, the minister argues for talks.",),
        ),
        Rule(
            "hashtags",  # alone: "#ai", "#ukraine #diplomacy"
            r"(?:#[^\W\d_][\w-]*\s*){1,8}",
            takes=("#ai", "#ukraine #diplomacy"),
            spares=("#1 priority for the new envoy is trade.",),
        ),
        Rule(
            "audio player label",
            r"listen\s+to\s+(?:this|the)\s+(?:article|story)(?:\s+in\s+[\w\s]{1,30})?",
            takes=("Listen to this article", "Listen to the story in Spanish"),
            spares=("Listen to the people, the president told the ministers.",),
        ),
        Rule(
            "meta labels",
            r"you\s+are\s+here|published|updated|last\s+updated(?:\s+on)?|written\s+by"
            r"|(?:written|reviewed|fact[-\s]checked|edited|posted)\s+by\s+[\w.' -]{1,40}",
            takes=("You are here:", "Published", "Last updated on", "Written by", "Reviewed by Jane Doe"),
            spares=(
                "Updated figures were released on Monday.",
                "Written by hand, the letter reached Astana.",
            ),
        ),
    ),
    before=r"^[\s\-\u2013\u2014|•·*]*",
    after=r"(?:\s*\(?opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)?)?[\s\-\u2013\u2014|•·*.:!]*$",
)


# widgets a text dump spells out: a share bar, a form's hidden field, a country picker
WIDGETS = Table(
    "widgets",
    (
        Rule(
            "share bar",
            r"(?:(?:share\s+(?:this\s+(?:page|article|story)\s+)?(?:to|on|via)\s+)?(?:facebook(?:-f)?|twitter|x|linkedin"
            r"|whatsapp|tumblr|pinterest|vk|email|reddit|telegram|threads|bluesky"
            r"|copy\s+(?:this\s+page\s+to\s+clipboard|link))[\s|•·,]*){2,}$",
            takes=("Facebook Twitter LinkedIn Email", "Share on Facebook | Share on X", "facebook-f twitter"),
            spares=("Facebook and Twitter were blocked during the vote.",),
        ),
        Rule(
            "form and page tools",
            r"this\s+field\s+is\s+for\s+validation\s+purposes\b|select\s+(?:a\s+|your\s+)?country\b"
            r"|print\s+this\s+(?:page|article)\b|add\s+(?:us\s+)?as\s+a\s+(?:preferred|trusted|reliable)\b",
            takes=(
                "This field is for validation purposes and should be left unchanged.",
                "Select a country",
                "Print this page",
                "Add as a preferred source on Google",
            ),
            spares=("Printing this page of the treaty took the clerks a week.",),
        ),
        Rule(
            "blog share buttons",  # "Click to share on X (Opens in new window)"
            r"[*\u2022\u00b7\-\s]*click\s+to\s+(?:share|email|print)\b[^.!?]{0,60}\(opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)",
            takes=(
                "Click to share on X (Opens in new window)",
                "* Click to email a link to a friend (Opens in new window)",
            ),
            spares=("Click to share buttons were removed from the ministry's site.",),
        ),
        Rule(
            "search prompt",
            r"(?:search\s+for|what\s+are\s+you\s+looking\s+for)\W*$",
            takes=("Search for:", "What are you looking for?"),
            spares=("Search for the missing diplomats goes on.",),
        ),
    ),
    before="^",
)


# a site's contact footer: segments ("Street 1 - 89259-565 - Phone: (047) 2106-8000")
_PHONE_LABEL = re.compile(
    r"\b(?:phone|fone|tel|telefone|teléfono|téléphone|fax)\.?\s*:\s*\+?[\d(]", re.IGNORECASE
)


_SEGMENT = re.compile(r"\s[-|•·]\s")


# template filler and rules: "*****", "-----", an unfilled template tag
# ("{{hire-banner="/banners/hire"}}") (and a page's layout names leaking as text:
# "narrow-browser-and-phone"); "Lorem ipsum ..." is placeholder text (placeholders.py)
_PLACEHOLDER = re.compile(
    r"[^\w]{3,}|\{\{[\w-]+=.*\}\}|[\s\-\u2013\u2014|•·*]*[a-z]+(?:-[a-z]+){2,}"
)  # use with fullmatch


# a link to the previous or next post: "« In Defense of Curiosity", "Older posts →"
_ARROWS = frozenset("«»‹›←→")


_POST_LINK = re.compile(r"[\s\-*•]*(?:[«‹←]\s*[^«»‹›←→]{1,80}|[^«»‹›←→]{1,80}\s*[»›→])[\s.:!]*")


# a breadcrumb trail: "Home > World > Asia", "뉴스 > 경제 > 기업·CEO", "HOME / Renovations / Loans"
_BREADCRUMB = re.compile(
    r"[^<>›»/\n.!?]{1,40}(?:\s+[>›»]\s+[^<>›»\n.!?]{1,40}){2,}"
    r"|[A-Z0-9][^<>›»/\n.!?]{0,39}(?:\s+/\s+[A-Z0-9][^<>›»/\n.!?]{0,39}){2,}"  # each step capitalised
)


# a social account or donation link on a line of its own, perhaps labelled ("Facebook https://fb.me/x")
_SOCIAL_LINK = re.compile(
    r"(?:\S+\s+){0,2}[:\-\u2013]?\s*(?:https?://)?(?:www\.)?(?:facebook\.com|fb\.me|twitter\.com|x\.com|instagram\.com"
    r"|youtube\.com|youtu\.be|t\.me|paypal\.me|linkedin\.com|tiktok\.com|threads\.net|bsky\.app)/\S*",
    re.IGNORECASE,
)


def is_comment_header(line: str) -> bool:
    """A reader comment's header, with the time it was posted: "marktheshark on Sep 21, 4:23 PM
    said:", "Jo Kim March 3, 2025 at 9:12 am says:" (not "On March 3 the minister said:")."""
    return (
        line.endswith(":")
        and word_count(line) <= _COMMENT_HEADER_WORDS
        and bool(_SAID.search(line))
        and bool(CLOCK.search(line))
    )


_SAID = re.compile(r"\b(?:said|says|wrote|writes|replied)\s*:\s*$", re.IGNORECASE)


_COMMENT_HEADER_WORDS = 14


def _is_pipe_menu(line: str) -> bool:
    """A menu written on one line: "Home | Video | World | U.S. | Africa" (a table's row starts with "|")."""
    if line.startswith("|") or line.count(" | ") < _MENU_MIN_ITEMS - 1:
        return False
    items = line.split(" | ")
    return all(0 < word_count(item) <= _MENU_ITEM_WORDS for item in items)


_MENU_MIN_ITEMS = 4


def _is_bullet_ticker(line: str) -> bool:
    """Other stories' headlines run together on one line between bullets, as a news ticker prints
    them: "China's Q1 tax revenue up 3.4 pct • China to amend 26 laws to cut red-tape • ..." (a
    list of four or more, of four words each on average and none a sentence ending on a full stop)."""
    if line.count("•") < _MENU_MIN_ITEMS - 1:
        return False
    items = [item for item in _TICKER_BULLET.split(line) if item]
    words = [word_count(item) for item in items]
    return (
        len(items) >= _MENU_MIN_ITEMS
        and sum(words) >= _TICKER_MEAN_WORDS * len(items)  # not a review's "Good fit • Long battery life"
        and all(0 < n <= _TICKER_ITEM_WORDS for n in words)
        and not any(item.endswith(".") for item in items)
    )


_TICKER_BULLET = re.compile(r"\s+\u2022\s+")
_TICKER_ITEM_WORDS = 15
_TICKER_MEAN_WORDS = 4


_MENU_ITEM_WORDS = 3


def is_furniture(line: str) -> bool:
    """A menu, widget or ad line, a placeholder, a link to another post, a contact footer."""
    return bool(
        CHROME.matches(line)
        or _PLACEHOLDER.fullmatch(line)
        or WIDGETS.matches(line)
        or (_ARROWS.intersection(line) and _POST_LINK.fullmatch(line))
        or (" | " in line and _is_pipe_menu(line))
        or ("\u2022" in line and _is_bullet_ticker(line))
        or (":" in line and _PHONE_LABEL.search(line) and len(_SEGMENT.findall(line)) >= 3)
    )


def is_short_furniture(line: str) -> bool:
    """Furniture that is a short line of its own: a breadcrumb trail, a comment's header, a social link."""
    return bool(_BREADCRUMB.fullmatch(line) or is_comment_header(line) or _SOCIAL_LINK.fullmatch(line))
