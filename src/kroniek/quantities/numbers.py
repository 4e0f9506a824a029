"""Numbers: tokens, compiled language data, digits and number words (see kroniek.quantities)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

STAGE_NAME = "quantities.rules.v1"

_TOKEN_RE = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*|(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\S")
_CLOCK_RE = re.compile(r"\b\d{1,2}:\d{2}\b")
_DATE_RES = (
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"),
)
_STRONGER = ("range", "more_than", "at_least", "less_than", "at_most", "about", "exact")
_SENTENCE_END = {".", "!", "?", "\n", ":", ";", "•", "|"}
_MAX_DIGITS = 18
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str
    kind: str  # "num", "word" or "sym"


def tokenize(text: str) -> list[Token]:
    """Word, number and single-symbol tokens with their character offsets."""
    out = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        kind = "num" if word[0].isdigit() else "word" if word[0].isalpha() else "sym"
        out.append(Token(match.start(), match.end(), word, _norm(word), kind))
    return out


def _norm(word: str) -> str:
    return word.casefold().replace("’", "'")


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(text))


class Phrases:
    """Phrases as token tuples, each with a value, indexed by their first and last word (longest first)."""

    def __init__(self, values: dict[tuple[str, ...], Any] | None = None) -> None:
        self.values = {phrase: value for phrase, value in (values or {}).items() if phrase}
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.values, key=len, reverse=True):
            self.by_first.setdefault(phrase[0], []).append(phrase)
            self.by_last.setdefault(phrase[-1], []).append(phrase)

    def __iter__(self) -> Any:
        return iter(self.values)


def _phrases(items: Any) -> Phrases:
    return Phrases({_phrase(str(item)): None for item in items or []})


def _lows(items: Any) -> frozenset[str]:
    return frozenset(_norm(str(item)) for item in items or [])


# ---------------------------------------------------------------------------------------------
# Language data, compiled once per language
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class QuantityData:
    """The number and qualifier data of one language, compiled for matching."""

    decimal: str = "."
    group: str = ","
    atoms: dict[str, tuple[str, float]] = field(default_factory=dict)  # word -> (kind, value)
    joiners: frozenset[str] = frozenset()
    abbreviations: dict[str, float] = field(default_factory=dict)
    standalone_excluded: frozenset[str] = frozenset()
    scale_articles: frozenset[str] = frozenset()
    fixed: Phrases = field(default_factory=Phrases)
    needs_scale: Phrases = field(default_factory=Phrases)
    approx_suffixes: tuple[str, ...] = ()
    approx_articles: frozenset[str] = frozenset()
    one_words: frozenset[str] = frozenset()
    vague_plural: Phrases = field(default_factory=Phrases)
    vague_words: Phrases = field(default_factory=Phrases)
    vague_blocked_after: frozenset[str] = frozenset()
    denominators: dict[str, float] = field(default_factory=dict)
    ordinal_like: frozenset[str] = frozenset()
    halves: Phrases = field(default_factory=Phrases)
    half_requires_next: frozenset[str] = frozenset()
    percent: Phrases = field(default_factory=Phrases)
    currency: Phrases = field(default_factory=Phrases)
    before: Phrases = field(default_factory=Phrases)
    after: Phrases = field(default_factory=Phrases)
    qualifier_blocked_after: frozenset[str] = frozenset()
    range_open: Phrases = field(default_factory=Phrases)
    range_between: frozenset[str] = frozenset()
    range_infix: Phrases = field(default_factory=Phrases)
    exclude: dict[str, frozenset[str]] = field(default_factory=dict)
    exclude_phrases: dict[str, Phrases] = field(default_factory=dict)
    stop: frozenset[str] = frozenset()
    partitive: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    not_heads: frozenset[str] = frozenset()
    verb_suffixes: tuple[str, ...] = ()
    plural: re.Pattern[str] | None = None

    @classmethod
    def from_sections(cls, numbers: dict[str, Any], qualifiers: dict[str, Any]) -> QuantityData:
        """Compile the ``numbers`` and ``qualifiers`` sections of one language."""
        data = cls()
        data._load_numbers(numbers)
        data._load_qualifiers(qualifiers)
        return data

    def _load_numbers(self, numbers: dict[str, Any]) -> None:
        fmt, words = numbers.get("format", {}), numbers.get("words", {})
        self.decimal, self.group = str(fmt.get("decimal", ".")), str(fmt.get("group", ","))
        for kind in ("units", "teens", "tens", "scales", "extra"):
            for word, value in words.get(kind, {}).items():
                self.atoms[_norm(word)] = (kind, float(value))
        self.joiners = _lows(words.get("joiners"))
        self.abbreviations = {_norm(k): float(v) for k, v in words.get("abbreviations", {}).items()}
        self.standalone_excluded = _lows(words.get("standalone_excluded"))
        self.scale_articles = _lows(words.get("scale_articles"))
        self.fixed = _valued(words.get("phrases", {}))
        self.needs_scale = _valued(words.get("needs_scale", {}))
        self.approx_suffixes = tuple(_norm(s) for s in words.get("approx_suffixes", []))
        self.approx_articles = _lows(words.get("approx_articles"))
        self.one_words = _lows(words.get("one_words"))
        self._load_counts(numbers)

    def _load_counts(self, numbers: dict[str, Any]) -> None:
        vague, fractions, units = numbers.get("vague", {}), numbers.get("fractions", {}), numbers.get("units", {})
        self.vague_plural = _valued(vague.get("at_least", {}))
        self.vague_words = _phrases(vague.get("words"))
        self.vague_blocked_after = _lows(vague.get("blocked_after"))
        self.denominators = {_norm(k): float(v) for k, v in fractions.get("denominators", {}).items()}
        self.ordinal_like = _lows(fractions.get("ordinal_like"))
        self.halves = _phrases(fractions.get("halves"))
        self.half_requires_next = _lows(fractions.get("half_requires_next"))
        self.percent = _phrases(units.get("percent"))
        self.currency = _phrases(units.get("currency_symbols"))

    def _load_qualifiers(self, qualifiers: dict[str, Any]) -> None:
        before, after = qualifiers.get("before", {}), qualifiers.get("after", {})
        self.before = _qualified(before)
        self.after = _qualified(after)
        self.qualifier_blocked_after = _lows(before.get("blocked_after"))
        ranges = qualifiers.get("range", {})
        self.range_open = _phrases(ranges.get("open"))
        self.range_between = _lows(ranges.get("between"))
        self.range_infix = _phrases(ranges.get("infix"))
        exclude = qualifiers.get("exclude", {})
        self.exclude = {key: _lows(value) for key, value in exclude.items()}
        self.exclude_phrases = {key: _phrases(value) for key, value in exclude.items()}
        self._load_what(qualifiers.get("what", {}))

    def _load_what(self, what: dict[str, Any]) -> None:
        kinds = ("prepositions", "determiners", "pronouns", "conjunctions", "adverbs", "verbs")
        self.stop = frozenset().union(*(_lows(what.get(kind)) for kind in kinds))
        self.stop |= self.exclude.get("months", frozenset()) | self.exclude.get("weekdays", frozenset())
        self.partitive = _lows(what.get("partitive"))
        self.determiners = _lows(what.get("determiners"))
        self.pronouns = _lows(what.get("pronouns"))
        self.count_nouns = _lows(what.get("count_nouns"))
        self.not_heads = _lows(what.get("not_heads"))
        self.verb_suffixes = tuple(_norm(s) for s in what.get("verb_suffixes", []))
        self.plural = re.compile(what["plural_pattern"]) if what.get("plural_pattern") else None

    def ex(self, key: str) -> frozenset[str]:
        """The exclusion word set ``key`` (``months``, ``year_before``, ...)."""
        return self.exclude.get(key, frozenset())


def _valued(table: dict[str, Any]) -> Phrases:
    return Phrases({_phrase(k): float(v) for k, v in table.items()})


def _qualified(table: dict[str, Any]) -> Phrases:
    return Phrases({_phrase(cue): qualifier for qualifier, cues in table.items() if qualifier != "blocked_after" for cue in cues})


# ---------------------------------------------------------------------------------------------
# Numbers: digits and number words
# ---------------------------------------------------------------------------------------------


def parse_digits(text: str, decimal: str, group: str) -> float | None:
    """The value of a digit string such as ``1.200.000`` or ``2,5`` in the given convention."""
    text = text.replace("\u00a0", group).replace("\u202f", group)
    if not _DIGITS_RE.fullmatch(text) or sum(ch.isdigit() for ch in text) > _MAX_DIGITS:
        return None
    seps = [ch for ch in text if not ch.isdigit()]
    if not seps:
        return float(text)
    if len(set(seps)) > 1:
        head, _, tail = text.rpartition(seps[-1])
        return _grouped(head, seps[0], tail) if seps.count(seps[-1]) == 1 else None
    parts = text.split(seps[0])
    if len(parts) > 2 or (seps[0] == group and len(parts[1]) == 3):
        return _grouped(text, seps[0], "") if all(len(p) == 3 for p in parts[1:]) else None
    return float(parts[0] + "." + parts[1])


def _grouped(head: str, sep: str, fraction: str) -> float | None:
    parts = head.split(sep)
    if not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
        return None
    return float("".join(parts) + ("." + fraction if fraction else ""))


class NumberWords:
    """Number words of one language, including compounds written as one word."""

    def __init__(self, data: QuantityData) -> None:
        self.data = data
        self._keys = sorted(set(data.atoms) | set(data.joiners), key=len, reverse=True)
        self._cache: dict[str, tuple[tuple[str, float], ...] | None] = {}

    def atoms(self, word: str) -> tuple[tuple[str, float], ...] | None:
        """The atoms of ``word`` (lower-cased) as (kind, value) pairs, or None if not a number word."""
        if word not in self._cache:
            self._cache[word] = self._split_word(word) if len(word) <= 60 else None
        return self._cache[word]

    def _split_word(self, word: str) -> tuple[tuple[str, float], ...] | None:
        out: list[tuple[str, float]] = []
        for part in word.split("-"):
            atoms = self._segment(part)
            if atoms is None:
                return None
            out.extend(atoms)
        return tuple(out) if out and evaluate(out) is not None else None

    def _segment(self, part: str) -> list[tuple[str, float]] | None:
        if not part:
            return None
        for key in self._keys:
            if part.startswith(key):
                rest = [] if len(key) == len(part) else self._segment(part[len(key):])
                if rest is not None:
                    return [self._atom(key), *rest]
        return None

    def _atom(self, key: str) -> tuple[str, float]:
        return self.data.atoms.get(key, ("joiner", 0.0))

    def value(self, word: str) -> float | None:
        atoms = self.atoms(word)
        return evaluate(atoms) if atoms else None


def evaluate(atoms: Any) -> float | None:
    """The value of a sequence of number-word atoms, or None when it is not a well-formed number."""
    total, current, prev, joined, top = 0.0, 0.0, "", False, 0.0
    for kind, value in atoms:
        if kind == "joiner":
            if not prev or joined:
                return None
            joined = True
            continue
        if kind == "scales":
            if prev == "extra" and value < 1000:
                return None
            if value < 1000:
                current = (current or 1) * value
            elif value > top and current == 0 and total:
                total *= value
            else:
                total += (current or 1) * value
                current = 0
            top = max(top, value) if value >= 1000 else top
        else:
            if not _small_follows(prev, kind, joined):
                return None
            current += value
        prev, joined = kind, False
    return None if joined or not prev else total + current


def _small_follows(prev: str, kind: str, joined: bool) -> bool:
    """Whether a unit/teen/ten/extra may follow ``prev`` ("twenty-three", "drie-ën-twintig")."""
    if prev in ("", "scales"):
        return True
    if prev == "tens" and kind == "units" and not joined:
        return True
    return prev == "units" and kind == "tens" and joined

