"""Names of persons and organisations found without an NER model, and who they belong to.

Used by the entities stage (``entities.lexicon.v1``) and, to keep "Jordan Peterson" off the map, by the
places stage. A *name run* is a sequence of capitalised words (with particles such as "bin" or "van der"
and prefixes such as "al-" inside) joined by single spaces. A run is

* an organisation when one of its words is an organisation word ("Southern Transitional Council");
* a place when it ends in a place word ("Forbury Gardens") or is exactly a place the gazetteer knows;
* a person when it has two or more name words, or one name word after a title ("President Erdoğan").

A single name word that repeats a word of a person named elsewhere in the text ("Osama" after "Osama
bin Laden") is that person. Words come from ``lang/<code>/persons.toml``; nothing here is language-specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .places import is_sentence_initial, phrase_key

WORD = re.compile(r"\w+(?:['’\-.]\w+)*")
MAX_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class PersonCues:
    """The words of one language that the name finder needs (see ``lang/<code>/persons.toml``)."""

    titles: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    name_prefixes: tuple[str, ...] = ()
    org_words: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    org_links: frozenset[str] = frozenset()
    max_title_words: int = 1

    @classmethod
    def from_section(cls, data: dict[str, Any], stop_words: frozenset[str] = frozenset()) -> PersonCues:
        lower = lambda key: frozenset(w.casefold() for w in data.get(key, []))  # noqa: E731
        titles = lower("titles")
        return cls(
            titles=titles,
            roles=lower("roles"),
            particles=frozenset(data.get("particles", [])),
            name_prefixes=tuple(data.get("name_prefixes", [])),
            org_words=frozenset(data.get("org_words", [])),
            place_words=frozenset(data.get("place_words", [])),
            not_names=frozenset(data.get("not_names", [])),
            stop_words=stop_words,
            org_links=frozenset(phrase_key(w) for w in data.get("org_links", [])),
            max_title_words=max((len(t.split()) for t in titles), default=1),
        )


@dataclass(slots=True)
class Name:
    """A name run classified as a person (PER) or an organisation (ORG)."""

    start: int
    end: int
    label: str
    text: str
    titled: bool = False
    words: list[str] = field(default_factory=list)
    refers_to: str | None = None  # a repeated word: the full name it stands for


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    possessive: bool = False


def _words(text: str) -> list[_Word]:
    """Word tokens; a possessive 's is cut off and ends the name ("Trump's")."""
    out = []
    for match in WORD.finditer(text):
        word, start = match.group(), match.start()
        possessive = len(word) > 3 and word[-2:] in ("'s", "’s")
        if possessive:
            word = word[:-2]
        out.append(_Word(start, start + len(word), word, possessive))
    return out


def load_person_cues(resources: Any, code: str) -> PersonCues:
    """The name-finder words of language ``code`` (empty for a language without ``persons.toml``)."""
    from .places import spacy_stop_words

    return PersonCues.from_section(resources.lang_section(code, "persons"), spacy_stop_words(code))


class NameFinder:
    """Finds person and organisation names in a text of one language."""

    def __init__(self, cues: PersonCues) -> None:
        self.cues = cues
        long_titles = sorted((re.escape(t) for t in cues.titles if len(t) >= 5 and " " not in t), key=len, reverse=True)
        self._title_starts = frozenset(t.split()[0].rstrip(".") for t in cues.titles)
        # the last text, its name words and its runs: the places and entities stages read the same text
        self._last: tuple[str | None, list[_Word], list] = (None, [], [])
        self._compound_title = re.compile(rf"\w{{3,}}(?:{'|'.join(long_titles) or '(?!x)x'})")

    def find(self, text: str, places: list[tuple[int, int]] = ()) -> list[Name]:
        """Names in ``text``; ``places`` are spans the gazetteer knows (a run equal to one is a place)."""
        exact_places = set(places)
        names = []
        if self._last[0] != text:
            words = _words(text)
            self._last = (text, [w for w in words if self._name_word(w.text)], self._runs(text, words))
        for run, titled in self._last[2]:
            name = self._classify(text, run, titled, exact_places)
            if name is not None:
                names.append(name)
        return names + self._repeats(self._last[1], names, places)

    # --- runs of name words -------------------------------------------------------------------
    def _runs(self, text: str, words: list[_Word]) -> list[tuple[list[_Word], bool]]:
        """Runs of name words, each with whether a title came right before it."""
        runs: list[tuple[list[_Word], bool]] = []
        current: list[_Word] = []
        titled, previous_end, i = False, -1, 0
        while i < len(words):
            size = self._title_at(text, words, i)
            if size:
                runs.append((current, titled))
                previous_end = words[i + size - 1].end
                previous_end += text.startswith(".", previous_end)  # "Gen. Soleimani"
                current, titled = [], True
                i += size
                continue
            word = words[i]
            adjacent = text[previous_end : word.start] == " "
            if current and adjacent and (self._name_word(word.text) or word.text in self.cues.particles):
                current.append(word)
            elif self._name_word(word.text):
                runs.append((current, titled))
                current, titled = [word], titled and adjacent and not current
            else:
                runs.append((current, titled))
                current, titled = [], False
            if word.possessive:
                runs.append((current, titled))
                current, titled = [], False
            previous_end = word.end
            i += 1
        runs.append((current, titled))
        return self._join_organisations(text, [(trimmed, t) for run, t in runs if (trimmed := self._trim(text, run))])

    def _join_organisations(self, text: str, runs: list[tuple[list[_Word], bool]]) -> list[tuple[list[_Word], bool]]:
        """"University" + "of" + "California": an organisation's name goes on after a linking word."""
        out: list[tuple[list[_Word], bool]] = []
        for run, titled in runs:
            if out and self._links(text, out[-1][0], run):
                out[-1] = (out[-1][0] + run, out[-1][1])
            else:
                out.append((run, titled))
        return out

    def _links(self, text: str, left: list[_Word], right: list[_Word]) -> bool:
        gap = phrase_key(text[left[-1].end : right[0].start])
        return gap in self.cues.org_links and any(w.text in self.cues.org_words for w in left)

    def _title_at(self, text: str, words: list[_Word], i: int) -> int:
        """Number of words of a title starting at word ``i`` (0 when none); a compound that ends in a
        title ("IS-leider", "Talibanleider") is a title too."""
        if words[i].text.casefold() not in self._title_starts:
            return 1 if self._title_compound(words[i].text.casefold()) else 0
        for size in range(min(self.cues.max_title_words, len(words) - i), 0, -1):
            phrase = text[words[i].start : words[i + size - 1].end].casefold()
            if phrase in self.cues.titles or phrase + "." in self.cues.titles:
                return size
        return 1 if self._title_compound(words[i].text.casefold()) else 0

    def _title_compound(self, word: str) -> bool:
        head = word.rsplit("-", 1)[-1]
        if "-" in word and head in self.cues.titles:
            return True
        return self._compound_title.fullmatch(word) is not None

    def _name_word(self, word: str) -> bool:
        if word in self.cues.org_words:  # "Police" begins no person but belongs to "Montgomery County Police"
            return True
        if word in self.cues.not_names or (word.isupper() and len(word) > 1):
            return False
        if word.startswith(self.cues.name_prefixes):
            return word.split("-", 1)[1][:1].isupper()
        if "-" in word and word.rsplit("-", 1)[1].islower():  # "States-led", "VN-troepen"
            return False
        return word[:1].isupper() and not word.isupper()

    def _trim(self, text: str, run: list[_Word]) -> list[_Word]:
        """Drop particles at the ends and a sentence-opening common word."""
        while run and run[-1].text in self.cues.particles:
            run = run[:-1]
        while run and (run[0].text in self.cues.particles or self._opener(text, run[0])):
            run = run[1:]
        return run

    def _opener(self, text: str, word: _Word) -> bool:
        return is_sentence_initial(text, word.start) and word.text.casefold() in self.cues.stop_words

    # --- classification ---------------------------------------------------------------------
    def _classify(self, text: str, run: list[_Word], titled: bool, places: set[tuple[int, int]]) -> Name | None:
        start, end = run[0].start, run[-1].end
        words = [w.text for w in run]
        if any(w in self.cues.org_words for w in words):
            if len(words) < 2:  # a bare "Council" or "Parliament" names nothing
                return None
            return Name(start, end, "ORG", text[start:end], words=words)
        if words[-1] in self.cues.place_words or (start, end) in places:
            return None
        proper = [w for w in words if w not in self.cues.particles]
        if len(proper) > MAX_NAME_WORDS or (len(proper) < 2 and not titled):
            return None
        if len(proper) == 1 and is_sentence_initial(text, start) and not titled:
            return None
        return Name(start, end, "PER", text[start:end], titled, proper)

    def _repeats(self, words: list[_Word], names: list[Name], places: list[tuple[int, int]]) -> list[Name]:
        """Single name words (``words``) that repeat a word of a person's name ("Osama" after "Osama bin
        Laden")."""
        parts: dict[str, str] = {}
        for name in (n for n in names if n.label == "PER" and len(n.words) > 1):
            for word in name.words:
                parts.setdefault(_bare(word, self.cues.name_prefixes), name.text)
        taken = [(n.start, n.end) for n in names]  # a repeated surname may also be a place name ("Bolton")
        out = []
        for word in words if parts else ():
            referent = parts.get(_bare(word.text, self.cues.name_prefixes))
            if referent and not _inside((word.start, word.end), taken):
                out.append(Name(word.start, word.end, "PER", word.text, words=[word.text], refers_to=referent))
        return out


def _bare(word: str, prefixes: tuple[str, ...]) -> str:
    """``al-Assad`` -> ``Assad``; a possessive 's goes too."""
    for prefix in prefixes:
        if word.startswith(prefix):
            word = word[len(prefix) :]
            break
    return re.sub(r"['’]s$", "", word)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)
