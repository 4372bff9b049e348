"""Chrome rules as named tables: each rule a pattern with the lines it must take and the lines
it must spare beside it.

A family's table is joined into one regular expression, so a line is tried once whatever the
number of rules. tests/test_chrome.py checks every rule of every table against its own lines
(the rule alone must take each of `takes` and none of `spares`) and the whole of `is_chrome`
against them, so a new rule comes with the evidence for it, and a rule that starts taking a
story's sentence fails there first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str  # a regular expression, one alternative of its table
    takes: tuple[str, ...]  # lines of real pages the rule must drop
    spares: tuple[str, ...] = ()  # lines like them, of stories, it must keep


@dataclass(frozen=True)
class Table:
    """Rules tried as one pattern: `before` + (rule | rule | ...) + `after`, matched from a line's
    start (`match`), on the whole line (`fullmatch`) or anywhere in it (`search`); with `lowered`,
    on the line in lower case (patterns that may start anywhere run faster without IGNORECASE)."""

    name: str
    rules: tuple[Rule, ...]
    before: str = ""
    after: str = ""
    flags: int = re.IGNORECASE
    how: str = "match"
    lowered: bool = False
    regex: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", self.compiled(self.rules))

    def compiled(self, rules: tuple[Rule, ...]) -> re.Pattern[str]:
        alternatives = "|".join(f"(?:{rule.pattern})" for rule in rules)
        return re.compile(f"{self.before}(?:{alternatives}){self.after}", self.flags)

    def matches(self, line: str, lowered: str | None = None) -> bool:
        """Whether a rule of the table takes the line (`lowered`: the line in lower case, when the
        caller has it already)."""
        text = (lowered if lowered is not None else line.lower()) if self.lowered else line
        return bool(getattr(self.regex, self.how)(text))

    def rule_matches(self, rule: Rule, line: str) -> bool:
        """Whether the rule alone, as its table tries it, matches the line."""
        return bool(getattr(self.compiled((rule,)), self.how)(line.lower() if self.lowered else line))
