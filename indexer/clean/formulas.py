"""Formulas (MathML) read as their text.

trafilatura drops <math> elements, and a sentence that holds one loses it midway
("When  and they are"). Each <math> becomes a plain inline box (a block one when
it is displayed as a block) holding its symbols' text, a space between them; the
TeX source some pages ship beside a formula (<annotation>) is left out.
"""

from __future__ import annotations

from typing import Any


def inline_formulas(tree: Any) -> None:
    """Replace each <math> element of the page by its text."""
    for formula in list(tree.iter("math")):
        for note in formula.xpath(".//annotation | .//annotation-xml"):
            note.getparent().remove(note)
        text = " ".join(" ".join(formula.itertext()).split())
        block = formula.get("display") == "block"
        formula.clear(keep_tail=True)
        formula.tag = "div" if block else "span"
        formula.text = text
