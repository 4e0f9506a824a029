"""The quantity tagger: figures, ranges, qualifiers, exclusions and the counted noun."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..document import QuantityMention, QuantityValue, Span
from .numbers import (
    _CLOCK_RE,
    _DATE_RES,
    _SENTENCE_END,
    _STRONGER,
    STAGE_NAME,
    NumberWords,
    Phrases,
    QuantityData,
    Token,
    evaluate,
    parse_digits,
    tokenize,
)

if TYPE_CHECKING:
    from ..lang import LanguageData

# ---------------------------------------------------------------------------------------------
# The tagger
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Core:
    """A figure before qualifiers: tokens [first, last) and its value."""

    first: int
    last: int
    value: float | None
    qualifier: str = "exact"
    kind: str = "number"  # number, digits, one, vague, fraction
    scaled: float = 0.0  # the multiplier applied, if any
    high: float | None = None
    currency: tuple[int, int] | None = None  # tokens of a currency symbol before the figure ("US$")


@dataclass(slots=True)
class _Text:
    """One text being tagged: its tokens and the spans to skip."""

    text: str
    tokens: list[Token]
    blocked: list[tuple[int, int]]  # disjoint and sorted (see _merge)

    def is_blocked(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a blocked span."""
        k = bisect_right(self.blocked, (end, -1)) - 1
        while k >= 0 and self.blocked[k][0] >= end:
            k -= 1
        return k >= 0 and self.blocked[k][1] > start

    def low(self, index: int) -> str:
        return self.tokens[index].low if 0 <= index < len(self.tokens) else ""

    def matches(self, index: int, phrase: tuple[str, ...]) -> bool:
        if index < 0 or index + len(phrase) > len(self.tokens):
            return False
        return all(self.tokens[index + k].low == word for k, word in enumerate(phrase)) and not self.broken(
            index, index + len(phrase)
        )

    def broken(self, first: int, last: int) -> bool:
        """Whether a line break separates tokens first..last-1."""
        if last - first < 2:
            return False
        return "\n" in self.text[self.tokens[first].end : self.tokens[last - 1].start]

    def ends_with(self, index: int, phrases: Phrases) -> tuple[str, ...] | None:
        """The longest of ``phrases`` that ends just before token ``index``."""
        for phrase in phrases.by_last.get(self.low(index - 1), ()):
            if self.matches(index - len(phrase), phrase):
                return phrase
        return None

    def starts_with(self, index: int, phrases: Phrases) -> tuple[str, ...] | None:
        """The longest of ``phrases`` that starts at token ``index``."""
        for phrase in phrases.by_first.get(self.low(index), ()):
            if self.matches(index, phrase):
                return phrase
        return None


class QuantityTagger:
    """Finds quantity mentions in the text of one language."""

    def __init__(self, data: QuantityData) -> None:
        self.data = data
        self.words = NumberWords(data)
        sets = (data.vague_plural, data.vague_words, data.fixed, data.needs_scale, data.halves)
        self._starters = {word for phrases in sets for word in phrases.by_first} | data.scale_articles | data.approx_articles
        self._fraction_words: dict[str, float | None] = {}
        self._starts: dict[str, bool] = {}

    def _may_start(self, word: str) -> bool:
        """Whether a figure may begin with ``word`` (cached per word)."""
        if word not in self._starts:
            self._starts[word] = (
                word in self._starters
                or self.words.atoms(word) is not None
                or self._fraction_word(word) is not None
                or any(word.endswith(suffix) for suffix in self.data.approx_suffixes)
            )
        return self._starts[word]

    @classmethod
    def for_language(cls, language: LanguageData) -> QuantityTagger | None:
        """The tagger for ``language`` (built once per language code and cached); None without data."""
        return _tagger_for(language.code, language)

    # -- public ---------------------------------------------------------------------------------

    def tag(self, text: str, blocked: list[tuple[int, int]] | None = None) -> list[QuantityMention]:
        """Quantity mentions in ``text``, sorted and non-overlapping; ``blocked`` spans are skipped."""
        doc = _Text(text, tokenize(text), _merge([*(blocked or []), *_pattern_spans(text)]))
        out: list[QuantityMention] = []
        index, floor = 0, 0
        while index < len(doc.tokens):
            token = doc.tokens[index]
            if token.kind == "sym" or (token.kind == "word" and not self._may_start(token.low)):
                index += 1
                continue
            mention, next_index = self._mention_at(doc, index, floor)
            if mention is None:
                index += 1
                continue
            out.append(mention)
            index = floor = next_index
        return out

    def parse(self, text: str) -> float | None:
        """The value of a bare number expression ("2,5 miljoen", "drieëntwintig"), or None."""
        doc = _Text(text, tokenize(text), [])
        if not doc.tokens:
            return None
        first = 0
        for _ in range(3):
            cue = doc.starts_with(first, self.data.before) or doc.starts_with(first, self.data.range_open)
            first += len(cue) if cue and first + len(cue) < len(doc.tokens) else 0
        core = self._core(doc, first)
        if core is not None:
            self._extend_range(doc, core, 0)
        if core is None or core.last != len(doc.tokens):
            return None
        return core.value

    # -- one mention ----------------------------------------------------------------------------

    def _mention_at(self, doc: _Text, index: int, floor: int) -> tuple[QuantityMention | None, int]:
        core = self._core(doc, index)
        if core is None:
            return None, index
        self._extend_range(doc, core, floor)
        first, qualifiers = self._qualifiers_before(doc, core, floor)
        last = self._qualifier_after(doc, core, qualifiers)
        what = self._what(doc, core, last)
        if self._excluded(doc, core, first, qualifiers, what):
            return None, index
        return self._build(doc, core, first, last, qualifiers, what), max(last, what[1] if what else last)

    def _build(self, doc: _Text, core: Core, first: int, last: int, qualifiers: list[str],
               what: tuple[int, int, int, int] | None) -> QuantityMention:
        start, end = doc.tokens[first].start, doc.tokens[last - 1].end
        quantity = _quantity(core, qualifiers)
        what_span = Span(what[2], what[3], doc.text[what[2] : what[3]]) if what else None
        return QuantityMention(start, end, doc.text[start:end], quantity=quantity,
                               what=what_span.text if what_span else None, what_span=what_span, stage=STAGE_NAME)

    # -- cores ----------------------------------------------------------------------------------

    def _core(self, doc: _Text, i: int) -> Core | None:
        token = doc.tokens[i]
        if token.kind == "num":
            return self._digits(doc, i)
        if token.kind != "word":
            return None
        if token.low in self._starters:
            matchers = (self._vague, self._fixed, self._half, self._fraction, self._approx, self._scale_article)
        elif self.words.atoms(token.low) is not None:
            matchers = (self._fraction,)
        else:
            matchers = (self._fraction, self._approx)
        for matcher in matchers:
            core = matcher(doc, i)
            if core is not None:
                return core
        return self._number_words(doc, i)

    def _digits(self, doc: _Text, i: int) -> Core | None:
        value = parse_digits(doc.tokens[i].text, self.data.decimal, self.data.group)
        if value is None:
            return None
        core = Core(i, i + 1, value, kind="digits")
        self._multiply(doc, core)
        fraction = self.data.denominators.get(doc.low(i + 1))
        if fraction and value < fraction and doc.low(i + 1) not in self.data.ordinal_like:
            return Core(i, i + 2, round(value / fraction, 4), kind="fraction")
        return core

    def _multiply(self, doc: _Text, core: Core) -> None:
        """Apply a multiplier word after digits: "2,5 miljoen", "5 mln", "$5m"."""
        nxt = core.last
        if nxt >= len(doc.tokens) or doc.tokens[nxt].kind != "word":
            return
        word = doc.low(nxt)
        atoms = self.words.atoms(word)
        scale = atoms[0][1] if atoms and len(atoms) == 1 and atoms[0][0] == "scales" and atoms[0][1] >= 1000 else None
        if scale is None and word in self.data.abbreviations:
            glued = doc.tokens[nxt].start == doc.tokens[core.last - 1].end
            needs_currency = len(word.rstrip(".")) < 2 or glued
            if not needs_currency or self._currency_before(doc, core.first) is not None:
                scale = self.data.abbreviations[word]
        if scale and core.value is not None:
            core.value, core.scaled, core.last = core.value * scale, scale, nxt + 1

    def _currency_before(self, doc: _Text, i: int) -> int | None:
        """The first token of a currency symbol right before token ``i`` ("$", "US$"), if any."""
        phrase = doc.ends_with(i, self.data.currency)
        return None if phrase is None else i - len(phrase)

    def _number_words(self, doc: _Text, i: int) -> Core | None:
        atoms: list[tuple[str, float]] = []
        j = end = i
        while j < len(doc.tokens) and doc.tokens[j].kind == "word" and not (j > i and doc.broken(j - 1, j + 1)):
            found = self.words.atoms(doc.low(j))
            if found is None:
                if self._joins(doc, j, atoms):
                    j += 1
                    continue
                break
            if atoms and atoms[-1][0] != "scales" and found[0][0] != "scales":
                break
            if evaluate([*atoms, *found]) is None:
                break
            atoms.extend(found)
            j = end = j + 1
        j = end
        if not atoms or (j == i + 1 and doc.low(i) in self.data.standalone_excluded):
            return None
        value = evaluate(atoms)
        kind = "one" if j == i + 1 and doc.low(i) in self.data.one_words else "number"
        scaled = max((v for k, v in atoms if k == "scales"), default=0.0)
        return Core(i, j, value, kind=kind, scaled=scaled) if value is not None else None

    def _joins(self, doc: _Text, j: int, atoms: list[tuple[str, float]]) -> bool:
        """A joiner word between number words, allowed after a scale: "two hundred and fifty"."""
        if doc.low(j) not in self.data.joiners or not atoms or atoms[-1][0] != "scales":
            return False
        nxt = self.words.atoms(doc.low(j + 1)) if j + 1 < len(doc.tokens) else None
        return bool(nxt) and nxt[0][0] != "scales" and j + 1 < len(doc.tokens) and doc.tokens[j + 1].kind == "word"

    def _vague(self, doc: _Text, i: int) -> Core | None:
        phrase = doc.starts_with(i, self.data.vague_plural)
        if phrase is not None:
            value = self.data.vague_plural.values[phrase]
            return self._vague_times(doc, Core(i, i + len(phrase), value, "at_least", "vague"))
        phrase = doc.starts_with(i, self.data.vague_words)
        if phrase is None or doc.low(i - 1) in self.data.vague_blocked_after:
            return None
        last = i + len(phrase)
        if phrase[-1] in self.data.partitive:
            last -= 1
        more = self._vague_scale(doc, last)
        if more is not None:
            return Core(i, more[0], more[1], "at_least", "vague")
        return Core(i, last, None, "vague", "vague")

    def _vague_scale(self, doc: _Text, j: int) -> tuple[int, float] | None:
        """A scale or plural count after a vague word: "several hundred", "enkele duizenden"."""
        phrase = doc.starts_with(j, self.data.vague_plural)
        if phrase is not None:
            return j + len(phrase), self.data.vague_plural.values[phrase]
        atoms = self.words.atoms(doc.low(j)) if j < len(doc.tokens) else None
        if atoms and len(atoms) == 1 and atoms[0][0] == "scales":
            return j + 1, atoms[0][1]
        return None

    def _vague_times(self, doc: _Text, core: Core) -> Core:
        """"tientallen miljoenen": a plural count of a larger plural count."""
        j = core.last + (1 if doc.low(core.last) in self.data.partitive else 0)
        phrase = doc.starts_with(j, self.data.vague_plural)
        if phrase is not None and core.value is not None:
            value = self.data.vague_plural.values[phrase]
            if value >= 1000 and value > core.value:
                return Core(core.first, j + len(phrase), core.value * value, "at_least", "vague")
        return core

    def _fixed(self, doc: _Text, i: int) -> Core | None:
        phrase = doc.starts_with(i, self.data.needs_scale)
        if phrase is not None:
            j = i + len(phrase)
            atoms = self.words.atoms(doc.low(j)) if j < len(doc.tokens) else None
            if atoms and len(atoms) == 1 and atoms[0][0] == "scales":
                return Core(i, j + 1, self.data.needs_scale.values[phrase] * atoms[0][1], scaled=atoms[0][1])
        phrase = doc.starts_with(i, self.data.fixed)
        return Core(i, i + len(phrase), self.data.fixed.values[phrase]) if phrase is not None else None

    def _half(self, doc: _Text, i: int) -> Core | None:
        phrase = doc.starts_with(i, self.data.halves)
        if phrase is None:
            return None
        j = i + len(phrase)
        if self.data.half_requires_next and doc.low(j) not in self.data.half_requires_next:
            return None
        return Core(i, j, 0.5, kind="fraction")

    def _fraction(self, doc: _Text, i: int) -> Core | None:
        word = doc.low(i)
        whole = self._fraction_word(word)
        if whole is not None:
            return Core(i, i + 1, whole, kind="fraction")
        numerator = self._numerator(word)
        denominator = self.data.denominators.get(doc.low(i + 1))
        if numerator is None or not denominator or doc.broken(i, i + 2):
            return None
        scale = self._scale_at(doc, i + 2)
        if scale:
            return Core(i, i + 3, numerator / denominator * scale, scaled=scale)
        if doc.low(i + 1) in self.data.ordinal_like and self._noun_follows(doc, i + 2):
            return None
        return Core(i, i + 2, round(numerator / denominator, 4), kind="fraction")

    def _scale_at(self, doc: _Text, j: int) -> float:
        """The value of a scale word of 1000 or more at token ``j`` ("million"), else 0."""
        atoms = self.words.atoms(doc.low(j)) if j < len(doc.tokens) else None
        if atoms and len(atoms) == 1 and atoms[0][0] == "scales" and atoms[0][1] >= 1000:
            return atoms[0][1]
        return 0.0

    def _numerator(self, word: str) -> float | None:
        if word in self.data.scale_articles or word in self.data.standalone_excluded:
            return 1.0
        value = self.words.value(word)
        return value if value is not None and 0 < value < 100 else None

    def _fraction_word(self, word: str) -> float | None:
        """A fraction written as one word: "tweederde", "driekwart", "two-thirds"."""
        if word not in self._fraction_words:
            self._fraction_words[word] = self._split_fraction(word) if len(word) <= 60 else None
        return self._fraction_words[word]

    def _split_fraction(self, word: str) -> float | None:
        for denominator, value in self.data.denominators.items():
            if word.endswith(denominator) and len(word) > len(denominator):
                head = word[: -len(denominator)].rstrip("-")
                numerator = self._numerator(head) if head else None
                if numerator is not None and numerator < value:
                    return round(numerator / value, 4)
        return None

    def _approx(self, doc: _Text, i: int) -> Core | None:
        """"een tiental" (about ten)."""
        j = i + 1 if doc.low(i) in self.data.approx_articles else i
        word = doc.low(j)
        for suffix in self.data.approx_suffixes:
            if word.endswith(suffix) and len(word) > len(suffix) and not doc.broken(i, j + 1):
                value = self.words.value(word[: -len(suffix)])
                if value is not None and value >= 10:
                    return Core(i, j + 1, value, "about")
        return None

    def _scale_article(self, doc: _Text, i: int) -> Core | None:
        """"a hundred", "a million", "een miljoen"."""
        if doc.low(i) not in self.data.scale_articles or i + 1 >= len(doc.tokens):
            return None
        atoms = self.words.atoms(doc.low(i + 1))
        if not atoms or atoms[0][0] != "scales" or doc.broken(i, i + 2):
            return None
        core = self._number_words(doc, i + 1)
        if core is None:
            return None
        core.first = i
        return core

    def _noun_follows(self, doc: _Text, j: int) -> bool:
        """Whether token ``j`` looks like a noun (a word that is not a stop word)."""
        return j < len(doc.tokens) and doc.tokens[j].kind == "word" and doc.low(j) not in self.data.stop

    # -- ranges and qualifiers ------------------------------------------------------------------

    def _extend_range(self, doc: _Text, core: Core, floor: int) -> None:
        if core.kind not in ("digits", "number") or core.qualifier != "exact":
            return
        currency = self._currency_before(doc, core.first)
        lead = core.first if currency is None else currency
        opener = doc.ends_with(lead, self.data.range_open)
        if opener is not None and lead - len(opener) >= floor and doc.low(core.last) in self.data.range_between:
            if self._range_to(doc, core, core.last + 1):
                core.currency = (currency, core.first) if currency is not None else None
                core.first = lead - len(opener)
            return
        infix = doc.starts_with(core.last, self.data.range_infix)
        if infix is not None:
            self._range_to(doc, core, core.last + len(infix))

    def _range_to(self, doc: _Text, core: Core, j: int) -> bool:
        if j >= len(doc.tokens) or doc.broken(core.last - 1, j + 1):
            return False
        second = self._core(doc, j)
        if second is None or second.kind not in ("digits", "number") or second.value is None or core.value is None:
            return False
        low = core.value
        if second.scaled and not core.scaled and low * second.scaled <= second.value:
            low *= second.scaled
        if not low < second.value:
            return False
        core.value, core.high, core.last, core.qualifier = low, second.value, second.last, "range"
        return True

    def _qualifiers_before(self, doc: _Text, core: Core, floor: int) -> tuple[int, list[str]]:
        first, found = core.first, []
        currency = self._currency_before(doc, first) if core.currency is None else None
        if currency is not None and currency >= floor:
            core.currency, first = (currency, first), currency
        for _ in range(3):
            cue = self._cue_before(doc, first, floor)
            if cue is None:
                break
            first -= len(cue[0])
            found.append(cue[1])
        return (core.first if not found else first), found

    def _cue_before(self, doc: _Text, index: int, floor: int) -> tuple[tuple[str, ...], str] | None:
        for phrase in self.data.before.by_last.get(doc.low(index - 1), ()):
            qualifier, start = self.data.before.values[phrase], index - len(phrase)
            if start >= floor and doc.matches(start, phrase) and not doc.broken(start, index + 1):
                if doc.low(start - 1) in self.data.qualifier_blocked_after:
                    return None
                return phrase, qualifier
        return None

    def _qualifier_after(self, doc: _Text, core: Core, qualifiers: list[str]) -> int:
        if core.kind == "vague" or core.qualifier == "range":
            return core.last
        phrase = doc.starts_with(core.last, self.data.after)
        if phrase is None:
            return core.last
        qualifiers.append(self.data.after.values[phrase])
        return core.last + len(phrase)

    # -- the counted noun -----------------------------------------------------------------------

    def _what(self, doc: _Text, core: Core, j: int) -> tuple[int, int, int, int] | None:
        """(first token, last token, start, end) of the counted noun, or None."""
        unit = doc.starts_with(j, self.data.percent)
        if unit is not None and core.kind != "vague":
            return self._span_of(doc, j, j + len(unit))
        if core.currency is not None:
            return self._span_of(doc, *core.currency)
        if doc.low(j) in self.data.partitive:
            if core.kind != "vague":
                return None
            j = self._after_partitive(doc, j + 1)
            if j is None:
                return None
        words = self._noun_words(doc, j)
        if not words:
            return None
        head = self._head(doc, words, core)
        if doc.low(head) in self.data.not_heads:
            return None
        return self._span_of(doc, words[0], head + 1)

    def _span_of(self, doc: _Text, first: int, last: int) -> tuple[int, int, int, int]:
        return first, last, doc.tokens[first].start, doc.tokens[last - 1].end

    def _after_partitive(self, doc: _Text, j: int) -> int | None:
        for _ in range(2):
            if doc.low(j) in self.data.determiners and doc.low(j) not in self.data.pronouns:
                j += 1
        if doc.low(j) in self.data.pronouns or j >= len(doc.tokens):
            return None
        return j

    def _noun_words(self, doc: _Text, j: int) -> list[int]:
        words: list[int] = []
        while j < len(doc.tokens) and len(words) < 4:
            token = doc.tokens[j]
            if token.kind != "word" or token.low in self.data.stop or doc.broken(j - 1, j + 1):
                break
            if self.words.atoms(token.low) is not None and token.low not in self.data.count_nouns:
                break
            if self._verb_like(doc, j):
                break
            words.append(j)
            j += 1
        return words

    def _verb_like(self, doc: _Text, j: int) -> bool:
        """A word with a verb ending ("stormed") that no noun follows: the verb, not an adjective."""
        word = doc.low(j)
        if word in self.data.count_nouns or not any(word.endswith(s) for s in self.data.verb_suffixes):
            return False
        return not self._noun_follows(doc, j + 1)

    def _head(self, doc: _Text, words: list[int], core: Core) -> int:
        """The head of the counted noun (see :meth:`_pick_head`), extended over a following known noun."""
        head = self._pick_head(doc, words, core)
        while head + 1 in words and self._known_noun(doc.low(head + 1)) and self._plural(doc, head + 1):
            head += 1
        return head

    def _pick_head(self, doc: _Text, words: list[int], core: Core) -> int:
        """The head of the counted noun among ``words``: a known noun, a plural, or the last word."""
        for index in words:
            if self._known_noun(doc.low(index)):
                return index
        if core.value != 1:
            for index in words:
                if self._plural(doc, index):
                    return index
        return words[-1]

    def _plural(self, doc: _Text, index: int) -> bool:
        return self.data.plural is not None and bool(self.data.plural.search(doc.tokens[index].text.split("-")[-1]))

    def _known_noun(self, word: str) -> bool:
        """A known counted noun, also at the end of a compound ("burgerslachtoffers", "IS-strijders")."""
        nouns = self.data.count_nouns
        if word in nouns or word.split("-")[-1] in nouns:
            return True
        return any(word[-n:] in nouns for n in range(5, len(word)))

    # -- exclusions -----------------------------------------------------------------------------

    def _excluded(self, doc: _Text, core: Core, first: int, qualifiers: list[str],
                  what: tuple[int, int, int, int] | None) -> bool:
        start, end = doc.tokens[core.first].start, doc.tokens[core.last - 1].end
        if doc.is_blocked(start, end):
            return True
        if what is not None and doc.low(what[1] - 1) in self.data.ex("time_units"):
            return True
        if what is not None and doc.low(what[1] - 1) in self.data.ex("times_heads") and doc.low(what[1]) in self.data.ex("times_after"):
            return True
        checks = (
            self._is_glued(doc, core),
            self._is_date_or_clock(doc, core, what),
            self._is_age(doc, core),
            self._is_time_expression(doc, core),
            self._is_code(doc, core, qualifiers, what),
            self._is_year(doc, core, qualifiers, what),
            self._is_pronoun_one(doc, core, what),
        )
        return any(checks)

    def _is_glued(self, doc: _Text, core: Core) -> bool:
        """Digits stuck to letters: "G20", "F-16", "COVID-19", "2e", "1st", "23-jarige", "'90"."""
        if core.kind == "vague":
            return False
        text, first, last = doc.text, doc.tokens[core.first], doc.tokens[core.last - 1]
        if first.kind == "num" and first.start > 0:
            before = text[first.start - 1]
            if before.isalnum() or before in "'’#/":
                return True
            if before in "-–" and first.start > 1 and text[first.start - 2].isalnum():
                return True
            if first.text.startswith("0") and len(first.text) > 1 and first.text[1].isdigit():
                return True
        if last.kind == "num" and last.end < len(text):
            after = text[last.end : last.end + 2]
            if after[:1].isalpha() or after[:1] in "°/" or (after[:1] in "-–" and after[1:2].isalnum()):
                return True
        return self._digits_adjacent(doc, core)

    def _digits_adjacent(self, doc: _Text, core: Core) -> bool:
        """Phone numbers and tables: a digit token right next to another one."""
        prev, nxt = core.first - 1, core.last
        if doc.tokens[core.first].kind == "num" and self._plain_number(doc, prev):
            return True
        return doc.tokens[core.last - 1].kind == "num" and self._plain_number(doc, nxt)

    def _plain_number(self, doc: _Text, i: int) -> bool:
        """Whether token ``i`` is a digit number that is not a year or inside a blocked span."""
        if not 0 <= i < len(doc.tokens) or doc.tokens[i].kind != "num":
            return False
        token = doc.tokens[i]
        if token.text.isdigit() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100:
            return False
        return not doc.is_blocked(token.start, token.end)

    def _is_date_or_clock(self, doc: _Text, core: Core, what: Any) -> bool:
        months = self.data.ex("months")
        if core.kind not in ("digits", "number"):
            return False
        if doc.low(core.first - 1) in months or doc.low(core.last) in months:
            return True
        if doc.low(core.first - 1) in self.data.ex("decade_before"):
            return True
        if doc.starts_with(core.last, self.data.exclude_phrases.get("clock_after", Phrases())):
            return True
        small = core.value is not None and core.value <= 24
        if small and doc.low(core.first - 1) in self.data.ex("clock_before_strict"):
            return True
        return small and what is None and doc.low(core.first - 1) in self.data.ex("clock_before")

    def _is_age(self, doc: _Text, core: Core) -> bool:
        if core.kind not in ("digits", "number") or core.value is None or core.value > 130:
            return False
        if doc.starts_with(core.last, self.data.exclude_phrases.get("age_after", Phrases())):
            return True
        if doc.ends_with(core.first, self.data.exclude_phrases.get("age_before", Phrases())):
            return True
        return self._parenthesised_age(doc, core) or self._age_list(doc, core)

    def _age_list(self, doc: _Text, core: Core) -> bool:
        """A figure in a list that an age cue opens: "aged nine, ten, thirteen and 59"."""
        i = core.first
        if doc.low(i - 1) not in {",", *self.data.range_between}:
            return False
        while i > 0 and core.first - i < 16:
            token = doc.tokens[i - 1]
            if not (token.low in {",", *self.data.range_between} or token.kind == "num" or self.words.atoms(token.low)):
                break
            i -= 1
        return i < core.first and doc.ends_with(i, self.data.exclude_phrases.get("age_before", Phrases())) is not None

    def _parenthesised_age(self, doc: _Text, core: Core) -> bool:
        """"Jan de Vries (45)", "Sudesh Amman, 20,": a bare number in brackets or commas after a name."""
        i, j = core.first, core.last
        if j - i != 1 or (doc.low(i - 1), doc.low(j)) not in (("(", ")"), (",", ",")):
            return False
        name = doc.tokens[i - 2] if i >= 2 else None
        return name is not None and name.text[:1].isupper()

    def _is_time_expression(self, doc: _Text, core: Core) -> bool:
        """"twee dagen geleden", "the past three years", "drie jaar later"."""
        unit = core.last
        if doc.low(unit) not in self.data.ex("time_units"):
            return False
        if doc.low(unit + 1) in self.data.ex("ago"):
            return True
        before = core.first - 1
        while doc.low(before) in self.data.determiners:
            before -= 1
        return doc.low(core.first - 1) in self.data.ex("window_before") or doc.low(before) in self.data.ex("window_before")

    def _is_code(self, doc: _Text, core: Core, qualifiers: list[str], what: tuple[int, int, int, int] | None) -> bool:
        """"Resolutie 2254", "Boeing 737", "artikel 5" (but not "Bomb Kills 12 People")."""
        if qualifiers or core.kind not in ("digits", "number") or core.currency is not None:
            return False
        if what is not None and (self._known_noun(doc.low(what[1] - 1)) or self._plural(doc, what[1] - 1)):
            return False
        prev = core.first - 1
        if doc.low(prev) in self.data.ex("code_before") or (doc.low(prev) == "." and doc.low(prev - 1) in self.data.ex("code_before")):
            return True
        if core.kind != "digits" or prev < 1 or doc.tokens[prev].kind != "word":
            return False
        word = doc.tokens[prev]
        if not word.text[:1].isupper() or doc.low(prev - 1) in _SENTENCE_END or "\n" in doc.text[doc.tokens[prev - 1].end : word.start]:
            return False
        return not self._known_word(word.low)

    def _known_word(self, word: str) -> bool:
        return word in self.data.stop or self.words.atoms(word) is not None or word in self.data.before.by_last

    def _is_year(self, doc: _Text, core: Core, qualifiers: list[str], what: Any) -> bool:
        """A four-digit number from 1800 to 2100 is a year unless it counts a noun ("2000 mensen")."""
        token = doc.tokens[core.first]
        if core.kind != "digits" or core.scaled or not token.text.isdigit() or len(token.text) != 4:
            return False
        if not 1800 <= int(token.text) <= 2100:
            return False
        if core.qualifier == "range" or what is None:
            return True
        if qualifiers:
            return False
        return doc.low(core.first - 1) in self.data.ex("year_before") or doc.low(what[0]) in self.data.ex("time_units")

    def _is_pronoun_one(self, doc: _Text, core: Core, what: tuple[int, int, int, int] | None) -> bool:
        """"één"/"one" counts only before a counted noun ("één dode"), not as a pronoun."""
        if core.kind != "one":
            return False
        if what is None or doc.low(core.first - 1) in self.data.ex("one_blocked_before"):
            return True
        if doc.low(core.last) in self.data.partitive:
            return True
        return doc.low(what[1] - 1) in self.data.ex("one_blocked_heads")


def _quantity(core: Core, qualifiers: list[str]) -> QuantityValue:
    """The normalised value: the strongest of the core's own qualifier and its cues."""
    candidates = [core.qualifier, *qualifiers]
    if core.qualifier == "vague" and core.value is None:
        return QuantityValue(None, "vague")
    qualifier = min(candidates, key=_STRONGER.index)
    value = core.value
    if qualifier == "range":
        return QuantityValue(value, "range", value, core.high)
    if qualifier in ("at_least", "more_than"):
        return QuantityValue(value, qualifier, value, None)
    if qualifier in ("at_most", "less_than"):
        return QuantityValue(value, qualifier, None, value)
    return QuantityValue(value, qualifier)  # type: ignore[arg-type]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the non-empty ``spans``."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _pattern_spans(text: str) -> list[tuple[int, int]]:
    """Dates and clock times written with digits and separators ("2019-03-12", "10:30")."""
    spans = [m.span() for m in _CLOCK_RE.finditer(text)]
    for pattern in _DATE_RES:
        spans.extend(m.span() for m in pattern.finditer(text))
    return spans


_TAGGERS: dict[str, QuantityTagger | None] = {}


def _tagger_for(code: str, language: LanguageData) -> QuantityTagger | None:
    if code not in _TAGGERS:
        numbers = language.section("numbers")
        data = QuantityData.from_sections(numbers, language.section("qualifiers")) if numbers else None
        _TAGGERS[code] = QuantityTagger(data) if data is not None else None
    return _TAGGERS[code]
