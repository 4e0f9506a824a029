"""Text matching shared by the events and claims stages: word tokens, sentence views, and cue
indexes that find the phrases of a language's data files (stems, whole words, Dutch compounds) in one
scan per sentence, remembering the words already seen so long texts stay cheap."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from .document import (
    Document,
    Entity,
    PlaceMention,
    QuantityMention,
    Sentence,
    Span,
    TimeMention,
)
from .errors import ConfigError

_NONE: list[Any] = []
_CACHE_LIMIT = 100_000  # words remembered per index
TOKEN_PATTERN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")
SpanT = TypeVar("SpanT", bound=Span)


# --------------------------------------------------------------------------- text helpers


class Token(NamedTuple):
    """One word or punctuation mark with absolute character offsets."""

    text: str
    lower: str
    start: int
    end: int
    is_word: bool


def word_tokens(text: str, offset: int = 0) -> list[Token]:
    """Words (hyphenated compounds kept whole) and punctuation marks of ``text``."""
    new = tuple.__new__  # Token(...) without the Python-level __new__ of a NamedTuple: tokens are many
    return [
        new(Token, (w, w.casefold(), m.start() + offset, m.end() + offset, w[0].isalnum()))
        for m in TOKEN_PATTERN.finditer(text)
        for w in (m.group(),)
    ]


def sentence_list(doc: Document) -> list[Sentence]:
    """The document's sentences, or the whole text as one sentence when there are none."""
    if doc.sentences:
        return doc.sentences
    return [Sentence(0, len(doc.text), doc.text)] if doc.text else []


@dataclass(slots=True)
class SentenceView:
    """One sentence with the mentions that start inside it (in text order) and, on demand, its tokens."""

    index: int
    span: Span
    doc_text: str
    entities: list[Entity] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    _tokens: list[Token] | None = None

    @property
    def text(self) -> str:
        return self.doc_text[self.span.start : self.span.end]

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = word_tokens(self.text, self.span.start)
        return self._tokens


def _distribute(items: list[SpanT], sentences: list[Sentence], starts: list[int]) -> list[list[SpanT]]:
    out: list[list[SpanT]] = [[] for _ in sentences]
    for item in sorted(items, key=lambda i: i.start):
        index = bisect_right(starts, item.start) - 1
        if index >= 0 and item.start < sentences[index].end:
            out[index].append(item)
    return out


def sentence_views(doc: Document) -> list[SentenceView]:
    """The document's sentences with their entities, places, times and quantities (one pass each)."""
    sentences = sentence_list(doc)
    starts = [s.start for s in sentences]
    views = [SentenceView(i, s, doc.text) for i, s in enumerate(sentences)]
    for name in ("entities", "places", "times", "quantities"):
        for view, items in zip(views, _distribute(getattr(doc, name), sentences, starts)):
            setattr(view, name, items)
    return views


def nearest(items: list[SpanT], offset: int) -> SpanT | None:
    """The item closest to character ``offset`` (ties go to the earlier one)."""

    def distance(item: SpanT) -> tuple[int, int]:
        inside = item.start <= offset < item.end
        return (0 if inside else min(abs(item.start - offset), abs(item.end - offset)), item.start)

    return min(items, key=distance) if items else None


def token_index_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token that ends after ``offset`` (len(tokens) when none does)."""
    for index, token in enumerate(tokens):
        if token.end > offset:
            return index
    return len(tokens)


def phrase_list(data: dict[str, Any], name: str) -> list[str]:
    """A list of strings from language data (a missing key is an empty list)."""
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{name!r} must be a list of strings")
    return value


# --------------------------------------------------------------------------- phrase matching


class Match(NamedTuple):
    """A phrase found in a token list: ``tokens[start:end]``, under the data key ``key``."""

    key: str
    start: int
    end: int
    prefix: int = 0  # characters of a compound before the match inside the first token


@dataclass(frozen=True, slots=True)
class _Word:
    spec: str  # lower-case form; a trailing "*" makes it a stem
    key: str
    compound: bool  # may end a compound ("bom" in "autobom")


def _fits(spec: str, word: str) -> bool:
    return word.startswith(spec[:-1]) if spec.endswith("*") else word == spec


class Hits:
    """Where each key's phrases occur in one sentence (overlapping matches allowed)."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[Match]] = {}

    def add(self, match: Match) -> None:
        self.by_key.setdefault(match.key, []).append(match)

    def get(self, key: str) -> list[Match]:
        return self.by_key.get(key, [])

    def __contains__(self, key: str) -> bool:
        return key in self.by_key

    def ends_at(self, key: str, index: int) -> bool:
        return any(m.end == index for m in self.get(key))

    def inside(self, key: str, start: int, end: int, outside: tuple[int, int] | None = None) -> bool:
        """Is there a match within tokens ``[start, end)`` (not overlapping ``outside``)?"""
        for m in self.get(key):
            if start <= m.start and m.end <= end and (outside is None or m.end <= outside[0] or m.start >= outside[1]):
                return True
        return False


class CueIndex:
    """Many named phrase lists, found together in one pass over a sentence's tokens.

    Phrase syntax (used in all language files): words separated by spaces, case-insensitive;
    ``stem*`` (a stem of at least 3 letters) matches any word starting with the stem; a leading
    ``=`` forbids compound matching. A list added with ``compounds=True`` also matches the end of
    a longer word (``aanslag`` in ``bomaanslag``, after at least ``min_prefix`` letters); every
    list matches the part of a word after a hyphen (``strijders`` in ``IS-strijders``).
    """

    def __init__(self, min_prefix: int = 3) -> None:
        self.min_prefix = min_prefix
        self._exact: dict[str, list[_Word]] = {}
        self._stems: dict[str, list[_Word]] = {}
        self._multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # by first word, longest first
        # the same, by first and second word ("" for a stem as second word): a common first word ("een",
        # "the") then tries only the phrases its next word can continue
        self._multi_next: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        self._compounds = False
        self._cache: dict[str, tuple[tuple[str, int], ...]] = {}

    def add(self, key: str, phrases: list[str], compounds: bool = False) -> None:
        for form in phrases:
            self._add_form(key, form, compounds and not form.startswith("="))
        for entries in (*self._multi.values(), *self._multi_next.values()):
            entries.sort(key=lambda entry: -len(entry[0]))
        self._cache.clear()

    def _add_form(self, key: str, form: str, compound: bool) -> None:
        words = tuple(form.lstrip("=").casefold().split())
        if not words:
            return
        if any(w.endswith("*") and len(w) < 4 for w in words):
            raise ConfigError(f"stem too short (at least 3 letters before '*'): {form!r}")
        if len(words) > 1 and words[0].endswith("*"):
            raise ConfigError(f"a phrase of several words cannot start with a stem: {form!r}")
        if len(words) > 1:
            self._multi.setdefault(words[0], []).append((words, key))
            second = "" if words[1].endswith("*") else words[1]
            self._multi_next.setdefault((words[0], second), []).append((words, key))
        elif words[0].endswith("*"):
            self._stems.setdefault(words[0][:3], []).append(_Word(words[0], key, compound))
        else:
            self._exact.setdefault(words[0], []).append(_Word(words[0], key, compound))
        self._compounds = self._compounds or compound

    def could_match(self, text: str) -> bool:
        """A quick test on the words of ``text``: False means that no phrase occurs in it."""
        present = {word.casefold() for word in TOKEN_PATTERN.findall(text)}
        for word in present:
            if self.word_matches(word):
                return True
            for words, _ in self._multi.get(word, _NONE):
                if all(w in present or w.endswith("*") for w in words[1:]):
                    return True
        return False

    def word_matches(self, word: str) -> tuple[tuple[str, int], ...]:
        """(key, prefix length) of every one-word phrase that ``word`` (lower case) matches, longest first."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[word] = tuple(self._lookup(word))
        return found

    def _starts(self, word: str) -> Iterator[int]:
        yield 0
        for start in range(1, len(word) - 1):
            if word[start - 1] == "-" or (self._compounds and start >= self.min_prefix):
                yield start

    def _lookup(self, word: str) -> Iterator[tuple[str, int]]:
        for start in self._starts(word):
            free = start == 0 or word[start - 1] == "-"
            rest = word[start:]
            for entry in self._exact.get(rest, ()):
                if free or entry.compound:
                    yield entry.key, start
            for entry in self._stems.get(rest[:3], ()):
                if (free or entry.compound) and _fits(entry.spec, rest):
                    yield entry.key, start

    def phrases_at(self, tokens: list[Token], index: int) -> list[tuple[str, int]]:
        """(key, end) of every multi-word phrase that starts at token ``index``, longest first."""
        if index + 1 >= len(tokens):
            return _NONE
        first, second = tokens[index].lower, tokens[index + 1].lower
        exact, stems = self._multi_next.get((first, second), _NONE), self._multi_next.get((first, ""), _NONE)
        if not exact and not stems:
            return _NONE
        found = []
        for words, key in sorted((*exact, *stems), key=lambda entry: -len(entry[0])) if exact and stems else exact or stems:
            end = index + len(words)
            if end <= len(tokens) and all(_fits(w, t.lower) for w, t in zip(words[1:], tokens[index + 1 : end])):
                found.append((key, end))
        return found

    def scan(self, tokens: list[Token]) -> Hits:
        """Every occurrence of every phrase in ``tokens``."""
        hits = Hits()
        multi, cache = self._multi, self._cache
        for index, token in enumerate(tokens):
            if token.lower in multi:
                for key, end in self.phrases_at(tokens, index):
                    hits.add(Match(key, index, end))
            if token.is_word:
                words = cache.get(token.lower)  # the common case, without a call
                for key, prefix in self.word_matches(token.lower) if words is None else words:
                    hits.add(Match(key, index, index + 1, prefix))
        return hits


class PhraseMatcher:
    """One keyed phrase list, found longest-first and without overlaps (see :class:`CueIndex`)."""

    def __init__(self, phrases: dict[str, list[str]], compounds: bool = False) -> None:
        self.index = CueIndex()
        for key, forms in phrases.items():
            self.index.add(key, forms, compounds)

    def could_match(self, text: str) -> bool:
        return self.index.could_match(text)

    def match_word(self, word: str) -> tuple[str, int] | None:
        """(key, prefix length) of the longest phrase that one word ``word`` (lower case) matches."""
        found = self.index.word_matches(word)
        return found[0] if found else None

    def find(self, tokens: list[Token]) -> list[Match]:
        """Every phrase occurrence, left to right, without overlaps."""
        return longest_first([m for matches in self.index.scan(tokens).by_key.values() for m in matches])


def longest_first(matches: list[Match]) -> list[Match]:
    """Left to right, without overlaps: at each place the longest match (whole words, then the
    shortest compound prefix)."""
    chosen: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, m.start - m.end, m.prefix)):
        if not chosen or match.start >= chosen[-1].end:
            chosen.append(match)
    return chosen


