"""Quantities: figures with their qualifiers and the counted noun, from language data.

Every word list (number words, multipliers, vague counts, fractions, qualifier cues, exclusion
cues, stop words for the counted noun) lives in ``lang/<code>/numbers.toml`` and
``lang/<code>/qualifiers.toml``; the rules here are the same for every language.

How one text is read (:meth:`QuantityTagger.tag`):

1. the text is split into word, number and symbol tokens;
2. at each token a *core* figure is tried: a vague count ("tientallen", "a few"), a fixed phrase
   ("a dozen"), a fraction ("een derde", "de helft"), digits with an optional multiplier
   ("2,5 miljoen") or a run of number words ("vijfhonderdduizend", "two hundred and fifty");
3. the core grows into a range ("tussen 20 en 30", "20-30") and takes the qualifier cues before it
   ("naar schatting zeker") and after it ("of meer");
4. figures that are dates, clock times, ages, years, codes or parts of time expressions are dropped;
5. the counted noun (``what``) is read from the words after the figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document
from ..errors import UnsupportedLanguageError
from ..registry import register_stage
from ..resources import Resources
from .numbers import STAGE_NAME, QuantityData, parse_digits, tokenize
from .tagger import QuantityTagger

if TYPE_CHECKING:
    from ..lang import LanguageData

# ---------------------------------------------------------------------------------------------
# Building, caching, the stage
# ---------------------------------------------------------------------------------------------


def parse_number(text: str, data: LanguageData | QuantityData) -> float | None:
    """The value of a number expression in the language of ``data``, or None.

    Pure and never raising: ``parse_number("2,5 miljoen", nl)`` is 2500000.0,
    ``parse_number("drieëntwintig", nl)`` 23.0, ``parse_number("een derde", nl)`` 0.3333,
    ``parse_number("tientallen", nl)`` 20.0, ``parse_number("een", nl)`` None.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    tagger = QuantityTagger(data) if isinstance(data, QuantityData) else QuantityTagger.for_language(data)
    return tagger.parse(text.strip()) if tagger is not None else None


class QuantitiesStage:
    """Fills ``doc.quantities``; numbers inside ``doc.times`` spans are skipped."""

    name = STAGE_NAME

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        try:
            tagger = QuantityTagger.for_language(self.resources.lang_data(doc.lang))
        except UnsupportedLanguageError:
            tagger = None
        blocked = [(t.start, t.end) for t in doc.times]
        doc.quantities = tagger.tag(doc.text, blocked) if tagger is not None else []


@register_stage(STAGE_NAME, "numbers, number words and vague counts with qualifiers and the counted noun")
def make_quantities_stage(resources: Resources) -> QuantitiesStage:
    return QuantitiesStage(resources)


__all__ = ["STAGE_NAME", "QuantitiesStage", "QuantityData", "QuantityTagger", "make_quantities_stage", "parse_digits", "parse_number", "tokenize"]
