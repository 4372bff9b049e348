"""Media players and galleries: a video player's controls and the text of its dialogs (video.js
and its kind print them as text), "Loading…" widgets, a gallery's slide counters and arrows.

Each rule is a whole line of its own: a sentence that mentions playing, loading or images is
never one of them.
"""

from __future__ import annotations

import re

from indexer.clean.chrome.rules import Rule, Table

_CLOCK = r"-?\d{1,2}:\d\d(?::\d\d)?"
MEDIA = Table(
    "media",
    (
        Rule(
            "player controls",
            rf"""video\s+player\s+is\s+loading
              | play\s+video | play | pause | replay | mute | unmute | skip\s+ad
              | (?:exit\s+|non-)?full\s?screen | picture-in-picture
              | playback\s+rate | audio\s+track | stream\s+type\s+live
              | (?:captions|subtitles|descriptions)\s+(?:off|on|settings)
                (?:,\s+(?:selected|opens\s+\w+\s+settings\s+dialog))?
              | \d(?:\.\d+)?x
              | seek\s+to\s+live,\s+currently\s+(?:behind|playing)\s+live
              | advertisement\s+{_CLOCK}""",
            takes=(
                "Play Video",
                "Pause",
                "Unmute",
                "Fullscreen",
                "Captions off, selected",
                "1.5x",
                "Skip Ad",
            ),
            spares=("Play resumed after the rain delay, officials said.", "The minister called for a pause."),
        ),
        Rule(
            "player clock",
            rf"""(?:current\s+time|duration|remaining\s+time)\s+{_CLOCK}
              | {_CLOCK}\s*/\s*{_CLOCK}
              | loaded:\s*\d{{1,3}}(?:\.\d+)?\s*%""",
            takes=("Current Time 0:00", "Duration 2:31", "0:00 / 2:31", "Loaded: 0%"),
            spares=("Duration of the visit: three days.", "At 10:30 the talks began."),
        ),
        Rule(
            "player dialog",
            r"""this\s+is\s+a\s+modal\s+window
              | beginning\s+of\s+dialog\s+window\.\s+escape\s+will\s+cancel\s+and\s+close\s+the\s+window
              | end\s+of\s+dialog\s+window""",
            takes=("This is a modal window.", "End of dialog window."),
            spares=("The window for a deal is closing, the envoy said.",),
        ),
        Rule(
            "loading widget",
            r"(?:like\s+)?loading(?:\.\.\.|…)?",
            takes=("Loading...", "Like Loading…", "Loading"),
            spares=("Loading of the grain ships resumed in Odesa.",),
        ),
        Rule(
            "gallery counter",
            r"""(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s+\d+
              | \d{1,3}\s*/\s*\d{1,3}
              | (?:next|previous|prev)\s+(?:slide|image|photo|picture)""",
            takes=("Image 3 of 50", "12 / 50", "Next slide", "Photo 1 / 8"),
            spares=(
                "Photo 3 of the series shows the signing in Astana.",
                "Next image of the summit came later.",
            ),
        ),
    ),
    after=r"[.!]?",
    flags=re.IGNORECASE | re.VERBOSE,
    how="fullmatch",
)
_MEDIA_MAX_CHARS = 80


def is_media_control(line: str) -> bool:
    """A line that is a media player's control or label, a loading widget or a slide counter."""
    return len(line) <= _MEDIA_MAX_CHARS and MEDIA.matches(line.strip())
