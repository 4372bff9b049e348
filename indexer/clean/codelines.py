"""Lines of code and console output in a text dump: part of a technical story, not chrome.

A page's HTML marks code as <pre>; a text dump keeps only its lines, which read like
nothing else a story has: SQL and shell commands, statements ending in ";" or "{",
a psql table drawn in box characters ("period │ status_code", "─────┼─────"). The text
path weighs them as it weighs a list inside the story, so that a tutorial's prose on
both sides of a query stays one story.
"""

from __future__ import annotations

import re

_CODE = re.compile(
    r"[\u2500-\u257f]"  # box drawing: a console table
    r"|[=(\[][^;]*;\s*$|\{\s*$|^\s*[}\])][;,]?\s*$"  # a statement's end, a block's start or end
    r"|^\s*(?:\$|>>>|\w+=#)\s"  # a shell, Python or psql prompt
    r"|^\s*(?:SELECT|FROM|WHERE|GROUP BY|ORDER BY|INSERT INTO|UPDATE|CREATE|WITH|JOIN|LIMIT|UNION)\b"
    r"|^\s*(?:def|class|import|return|const|let|var|function|public|private|for|if|while)\b.*[:({=]\s*$"
    r"|\b\w+\([^()\s]*\)\s*(?:[;,]|$)"  # a call: "avg(n)", "unnest(array[2, 3])," as code writes it
)


def is_code_line(line: str) -> bool:
    """Whether a line of a text dump is code or console output."""
    return bool(_CODE.search(line))
