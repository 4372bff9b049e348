"""Posts embedded in a story that trafilatura would throw away with the box around them.

News stories quote officials by embedding their posts: a minister's tweet is the
story's text, and often the news itself. The embed code is a <blockquote> with
the post's text (X/Twitter's "twitter-tweet", Bluesky's, Mastodon's, Threads'),
which trafilatura reads like any quotation; but sites wrap it in a box named for
social media ("social-media-embed"), and trafilatura discards boxes so named. A
box that mostly holds embedded posts loses its class and id, as a data table's
box does (`indexer/clean/tables.py`), unless it says it is a sidebar, a footer, a menu,
related links or comments (an `<aside>` trafilatura drops whatever its name).
Instagram and TikTok embeds are left alone: their text is mostly "View this
post on Instagram".
"""

from __future__ import annotations

from typing import Any

from indexer.clean.tables import discarded_boxes, is_site_part, shown_words, unname

_POSTS = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'bluesky-embed')"
    " or contains(@class, 'mastodon-embed') or contains(@class, 'text-post-media')]"
)
MIN_SHARE = 0.5  # of the box's words that are the posts'


def keep_embedded_posts(tree: Any) -> None:
    """Clear the class and id of the boxes trafilatura would discard that mostly hold embedded posts."""
    posts = tree.xpath(_POSTS)
    if not posts:
        return  # most pages: nothing to look up
    is_post = set(posts)
    for box in discarded_boxes(tree, posts):
        in_posts = sum(len(post.text_content().split()) for post in box.iter("blockquote") if post in is_post)
        words = shown_words(box)
        if words and not is_site_part(box) and in_posts >= MIN_SHARE * words:
            unname(box)
