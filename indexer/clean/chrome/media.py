"""Media players and galleries: a video player's controls and the text of its dialogs (video.js
and its kind print them as text), "Loading…" widgets, a gallery's slide counters and arrows.

Each rule is a whole line of its own: a sentence that mentions playing, loading or images is
never one of them.
"""

from __future__ import annotations

import re

_CLOCK = r"-?\d{1,2}:\d\d(?::\d\d)?"
_MEDIA = re.compile(
    rf"""(?:
        video\s+player\s+is\s+loading
      | play\s+video | play | pause | replay | mute | unmute | skip\s+ad
      | (?:exit\s+|non-)?full\s?screen | picture-in-picture
      | playback\s+rate | audio\s+track | stream\s+type\s+live
      | (?:captions|subtitles|descriptions)\s+(?:off|on|settings)
        (?:,\s+(?:selected|opens\s+\w+\s+settings\s+dialog))?
      | (?:current\s+time|duration|remaining\s+time)\s+{_CLOCK}
      | {_CLOCK}\s*/\s*{_CLOCK}
      | loaded:\s*\d{{1,3}}(?:\.\d+)?\s*%
      | \d(?:\.\d+)?x
      | seek\s+to\s+live,\s+currently\s+(?:behind|playing)\s+live
      | this\s+is\s+a\s+modal\s+window
      | beginning\s+of\s+dialog\s+window\.\s+escape\s+will\s+cancel\s+and\s+close\s+the\s+window
      | end\s+of\s+dialog\s+window
      | (?:like\s+)?loading(?:\.\.\.|…)?
      | (?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s+\d+
      | \d{{1,3}}\s*/\s*\d{{1,3}}
      | (?:next|previous|prev)\s+(?:slide|image|photo|picture)
      | advertisement\s+{_CLOCK}
    )[.!]?""",
    re.IGNORECASE | re.VERBOSE,
)
_MEDIA_MAX_CHARS = 80


def is_media_control(line: str) -> bool:
    """A line that is a media player's control or label, a loading widget or a slide counter."""
    return len(line) <= _MEDIA_MAX_CHARS and bool(_MEDIA.fullmatch(line.strip()))
