"""places stage (``places.gazetteer.v1``): place mentions resolved with a compact GeoNames gazetteer.

The gazetteer (:mod:`kroniek.gazetteer`, ``kroniek/data/gazetteer.tsv`` built by ``scripts/build_gazetteer.py``) holds every
country, first-order administrative region and populated place with 15,000+ people, with Dutch,
English and other Latin-script names; the towns of 1,000+ people (no GeoNames id, ``supplement_id``
``c1000:<cc>:<slug>``); and a curated supplement of conflict places (camps, crossings, regions; no
GeoNames id). The stage finds capitalised sequences of one to four words that are names in it (the
longest first), drops homonyms that are common or person-like words, and picks among same-named
places by kind and by the countries the document mentions. Small towns need context: a place
preposition before them or their country in the document.

Language cues (prepositions, stoplists, exonyms, nationality adjectives) come from
``kroniek/lang/<code>/places.toml``; nothing here depends on the language code.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorMatcher
from .document import Document, PlaceMention
from .gazetteer import (  # noqa: F401 - re-exported: callers import the gazetteer from here too
    AREA_KINDS,
    PLACE_KINDS,
    SMALL_TOWN_PREFIX,
    Candidate,
    Gazetteer,
    GazetteerEntry,
    candidate_rank,
    contains,
    default_gazetteer_path,
    exact_key,
    folded_key,
    is_strong,
    load_gazetteer,
    name_variants,
)
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "places.gazetteer.v1"
PLACE_NER_LABELS = frozenset({"LOC", "GPE", "FAC"})
MAX_TOKENS = 4
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:['’\-]\w+)*")
OPENERS = " \t\"'“”‘’«»([{—–-*•"


@dataclass
class PlaceCues:
    """One language's words around place names (``lang/<code>/places.toml``)."""

    prepositions: frozenset[str] = frozenset()
    near_prepositions: frozenset[str] = frozenset()
    stoplist: frozenset[str] = frozenset()
    sentence_start_stoplist: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    lowercase_prefixes: tuple[str, ...] = ()
    region_prefixes: tuple[str, ...] = ()
    name_followers: frozenset[str] = frozenset()
    exonyms: dict[str, str | int] = field(default_factory=dict)
    nationalities: dict[str, str] = field(default_factory=dict)
    state_forces: dict[str, str] = field(default_factory=dict)
    state_force_modifiers: frozenset[str] = frozenset()
    state_force_links: frozenset[str] = frozenset()
    state_force_articles: frozenset[str] = frozenset()
    admin_words: frozenset[str] = frozenset()
    town_words: frozenset[str] = frozenset()
    transliteration: tuple[tuple[str, str], ...] = ()
    compass_names: dict[str, str] = field(default_factory=dict)
    site_frames: tuple[tuple[str, str], ...] = ()
    container_links: frozenset[str] = frozenset()
    bare_town_blockers: frozenset[str] = frozenset()
    list_separators: frozenset[str] = frozenset()
    title_articles: frozenset[str] = frozenset()
    admin_links: frozenset[str] = frozenset()
    part_of_phrases: tuple[str, ...] = ()

    @classmethod
    def from_section(cls, data: dict[str, Any], stop_words: frozenset[str] = frozenset()) -> PlaceCues:
        words = lambda key: frozenset(data.get(key, []))  # noqa: E731
        phrases = lambda key: frozenset(phrase_key(p) for p in data.get(key, []))  # noqa: E731
        return cls(
            prepositions=words("prepositions"),
            near_prepositions=words("near_prepositions"),
            stoplist=words("stoplist"),
            sentence_start_stoplist=words("sentence_start_stoplist"),
            stop_words=stop_words,
            lowercase_prefixes=tuple(data.get("lowercase_name_prefixes", [])),
            region_prefixes=tuple(data.get("region_prefixes", [])),
            name_followers=words("name_followers"),
            exonyms={exact_key(k): v for k, v in data.get("exonyms", {}).items()},
            nationalities={k: v for k, v in data.get("nationalities", {}).items() if isinstance(v, str)},
            state_forces=dict(data.get("state_forces", {})),
            state_force_modifiers=words("state_force_modifiers"),
            state_force_links=words("state_force_links"),
            state_force_articles=words("state_force_articles"),
            admin_words=words("admin_words"),
            town_words=words("town_words"),
            transliteration=tuple((a, b) for a, b in data.get("transliteration", [])),
            compass_names=dict(data.get("compass_names", {})),
            site_frames=tuple(_frame(f) for f in data.get("site_frames", [])),
            bare_town_blockers=words("bare_town_blockers"),
            title_articles=frozenset(data.get("title_articles", [])),
            list_separators=phrases("list_separators"),
            container_links=phrases("container_links"),
            admin_links=words("admin_links"),
            part_of_phrases=tuple(phrase_key(p) for p in data.get("part_of_phrases", [])),
        )


def phrase_key(text: str) -> str:
    """A phrase or the text between two mentions, compared casefolded with single spaces."""
    return " ".join(text.casefold().split())


def _frame(frame: str) -> tuple[str, str]:
    """"kamp {name}" -> ("kamp ", "")."""
    before, _, after = frame.casefold().partition("{name}")
    return before, after


def spacy_stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for language ``code`` (empty when spaCy has none)."""
    try:
        from spacy.util import get_lang_class

        return frozenset(get_lang_class(code).Defaults.stop_words)
    except Exception:  # unknown language or spaCy missing: no stop words
        return frozenset()


def load_cues(resources: Resources, code: str) -> PlaceCues:
    """The place cues for language ``code`` (empty cues for a language without data)."""
    return PlaceCues.from_section(resources.lang_section(code, "places"), spacy_stop_words(code))


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class RawMatch:
    """A name found in the text with its possible places, before disambiguation."""

    start: int
    end: int
    candidates: list[Candidate]
    precision: int | None = None
    first: int = 0  # index of the first and last token
    last: int = 0


def tokenize(text: str) -> list[Token]:
    """Word tokens; an English/Dutch possessive ``'s`` is left out of the word."""
    tokens = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        if len(word) > 3 and word[-2:] in ("'s", "’s"):
            end -= 2
        tokens.append(Token(start, end, text[start:end]))
    return tokens


def is_sentence_initial(text: str, start: int) -> bool:
    """True when only openers (quotes, brackets, bullets) stand between ``start`` and a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\r" or "\n" in text[i + 1 : start]


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


class PlaceFinder:
    """Finds place mentions in a text for one language."""

    def __init__(
        self, gazetteer: Gazetteer, cues: PlaceCues, stage: str = STAGE_NAME, org_words: frozenset[str] = frozenset()
    ) -> None:
        self.gazetteer = gazetteer
        self.cues = cues
        self.stage = stage
        self.org_words = org_words
        self.titles: frozenset[str] = frozenset()  # person titles (kroniek.persons): "Governor" after a place

    def find(self, text: str, blocked: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
        """Place mentions in ``text``, in order, none inside the ``blocked`` spans."""
        tokens = tokenize(text)
        lowercase_words = {t.text for t in tokens if t.text.islower()}
        matches = [m for m in self._scan(text, tokens) if not _overlaps(m, blocked or [])]
        in_names = {text[m.start : m.end] for m in matches if self._inside_longer_name(text, tokens, m)}
        matches = [m for m in matches if self._keep(text, m, lowercase_words, in_names)]
        strong = [m for m in matches if any(is_strong(c) for c in m.candidates)]
        countries = self._mentioned_countries(tokens, strong)
        supported = [m for m in matches if m in strong or self._supported(text, tokens, m, countries)]
        matches = self._with_listed_towns(text, matches, supported)
        self._narrow_to_container(text, matches)
        return [self._mention(text, m, countries, self._list_countries(text, matches, i)) for i, m in enumerate(matches)]

    def _list_countries(self, text: str, matches: list[RawMatch], i: int) -> frozenset[str]:
        """Countries of the places listed right next to match ``i`` ("Texas, Georgia, Michigan and ...")
        whose candidates all lie in one country."""
        codes: set[str] = set()
        for j in (i - 1, i + 1):
            if 0 <= j < len(matches):
                left, right = sorted((matches[i], matches[j]), key=lambda m: m.start)
                gap = phrase_key(text[left.end : right.start])
                found = {c.entry.country_code for c in matches[j].candidates}
                if gap in self.cues.list_separators and len(found) == 1:
                    codes |= found
        return frozenset(codes)

    def _with_listed_towns(self, text: str, matches: list[RawMatch], supported: list[RawMatch]) -> list[RawMatch]:
        """"from Dolgellau, Harlech, Barmouth and Bala": a town listed next to an accepted town of its
        country is accepted too (in both directions along the list)."""
        accepted = {id(m) for m in supported}
        changed = True
        while changed:
            changed = False
            for left, right in itertools.pairwise(matches):
                if (id(left) in accepted) == (id(right) in accepted):
                    continue
                known, other = (left, right) if id(left) in accepted else (right, left)
                gap = phrase_key(text[left.end : right.start])
                codes = {c.entry.country_code for c in known.candidates}
                if gap in self.cues.list_separators and any(c.entry.country_code in codes for c in other.candidates):
                    other.candidates = [c for c in other.candidates if c.entry.country_code in codes]
                    accepted.add(id(other))
                    changed = True
        return [m for m in matches if id(m) in accepted]

    def _narrow_to_container(self, text: str, matches: list[RawMatch]) -> None:
        """"Rafah in Egypte", "Paris, Texas", "Christchurch, New Zealand": a place followed by the country or
        region it lies in keeps only the candidates there (when some are)."""
        for place, container in itertools.pairwise(matches):
            gap = phrase_key(text[place.end : container.start])
            if gap not in self.cues.container_links:
                continue
            areas = [c.entry for c in container.candidates if c.entry.kind in ("country", "admin")]
            inside = [c for c in place.candidates if any(contains(area, c.entry) for area in areas)]
            if inside and len(inside) < len(place.candidates):
                place.candidates = inside

    def _supported(self, text: str, tokens: list[Token], match: RawMatch, countries: frozenset[str]) -> bool:
        """A town that is not strong on its own needs its country in the text, a place preposition or a
        town word before it ("in", "de grensstad", "the city of"), or, for a cities15000 town, a place in
        the sentence that is not its start (a capitalised word there is a name)."""
        if any(c.entry.country_code in countries for c in match.candidates):
            # a cities1000 town needs more than its country: "Lockhart", "Mack" are names too
            if not all(c.entry.is_small_town for c in match.candidates) or self._before_container(text, match):
                return True
        before = [t.text.casefold() for t in tokens[max(0, match.first - 2) : match.first]]
        if before and (before[-1] in self.cues.prepositions or before[-1] in self.cues.town_words):
            return True
        if len(before) == 2 and before[1] in self.cues.admin_links and before[0] in self.cues.town_words:
            return True
        if self._admin_context(text, match):  # "Saada province", "de provincie Idlib"
            return True
        return self._bare_town(text, tokens, match)

    def _before_container(self, text: str, match: RawMatch) -> bool:
        """"Mafa in Nigeria", "Mafa, Borno": a container link and a capitalised name follow."""
        after = text[match.end : match.end + 40]
        for link in self.cues.container_links:
            rest = after.removeprefix(link if link in ",;" else f" {link}").lstrip()
            if rest != after.lstrip() and is_capitalised(rest.split(maxsplit=1)[0] if rest else ""):
                return True
        return False

    def _bare_town(self, text: str, tokens: list[Token], match: RawMatch) -> bool:
        """A cities15000 town by its own name, mid-sentence, not after an article or "of" ("the
        University", "Medal of Freedom") nor before "of", and not an organisation word."""
        if is_sentence_initial(text, match.start) or text[match.start : match.end] in self.org_words:
            return False
        before = tokens[match.first - 1].text.casefold() if match.first > 0 else ""
        after = tokens[match.last + 1].text.casefold() if match.last + 1 < len(tokens) else ""
        if before in self.cues.bare_town_blockers or after in self.cues.admin_links:
            return False
        return any(c.primary and not c.entry.is_small_town for c in match.candidates)

    def _scan(self, text: str, tokens: list[Token]) -> list[RawMatch]:
        out, i = [], 0
        while i < len(tokens):
            found = self._longest_at(text, tokens, i) if self._may_start(tokens[i].text) else None
            if found is None:
                i += 1
                continue
            out.append(found[0])
            i = found[1] + 1
        return out

    def _may_start(self, word: str) -> bool:
        return is_capitalised(word) or word.startswith(self.cues.lowercase_prefixes)

    def _may_continue(self, word: str) -> bool:
        """A later word of a name: capitalised, or an Arabic article ("Bab al-Hawa")."""
        return is_capitalised(word) or (word.startswith(self.cues.lowercase_prefixes) and "-" in word)

    def _longest_at(self, text: str, tokens: list[Token], i: int) -> tuple[RawMatch, int] | None:
        last = i
        while last + 1 < len(tokens) and last - i + 1 < MAX_TOKENS and _joined(text, tokens[last], tokens[last + 1]):
            last += 1
        for j in range(last, i - 1, -1):
            if j > i and not self._may_continue(tokens[j].text):
                continue
            match = self._resolve(text, tokens[i].start, tokens[j].end)
            if match is not None:
                match.first, match.last = i, j
                return match, j
        return None

    def _resolve(self, text: str, start: int, end: int) -> RawMatch | None:
        surface = text[start:end]
        candidates = self._site(text, start, end) or self._exonym(surface) or self._lookup(surface)
        candidates = candidates or self._transliterated(surface) or self._with_admin_word(surface, text, end)
        if candidates:
            return RawMatch(start, end, candidates)
        head, dash, tail = surface.rpartition("-")
        if dash and head[:1].isupper() and tail.islower() and len(tail) > 2:  # "United States-led"
            found = self._resolve(text, start, start + len(head))
            if found is not None:
                return found
        if " " in surface:
            return None
        return self._resolve_prefixed(surface, start, end)

    def _site(self, text: str, start: int, end: int) -> list[Candidate]:
        """"the Roj camp", "kamp Moria": a curated site whose full name the text spells around the name."""
        for before, after in self.cues.site_frames:
            outer_start, outer_end = start - len(before), end + len(after)
            if outer_start < 0 or text[outer_start:start].casefold() != before or text[end:outer_end].casefold() != after:
                continue
            found = [c for c in self.gazetteer.lookup(before + text[start:end] + after) if c.entry.is_curated]
            if found:
                return found
        return []

    def _with_admin_word(self, surface: str, text: str, end: int) -> list[Candidate]:
        """"Khyber district", "Saada province": the name with the admin word that follows it."""
        words = text[end : end + 20].split(maxsplit=1)
        word = words[0].strip(".,;:!?)\"'’”") if words else ""
        if word.casefold() not in self.cues.admin_words:
            return []
        return [c for c in self._lookup(f"{surface} {word.title()}") if c.entry.kind in AREA_KINDS]

    def _transliterated(self, surface: str) -> list[Candidate]:
        """The name in the gazetteer's (English) transliteration: "Asjkelon" -> "Ashkelon", "Zuid-Kivu" ->
        "South Kivu" (pairs and compass names from the language data)."""
        for variant in self._variants(surface):
            candidates = self._exonym(variant) or self._lookup(variant)
            if candidates:
                return candidates
        return []

    def _variants(self, surface: str) -> list[str]:
        out = [english + surface[len(prefix):] for prefix, english in self.cues.compass_names.items() if surface.startswith(prefix)]
        pairs = self.cues.transliteration
        if not pairs:
            return out
        all_applied = surface
        for source, target in pairs:
            all_applied = all_applied.replace(source, target)
            out.append(surface.replace(source, target))
        out.insert(0, all_applied)
        return [v for v in dict.fromkeys(out) if v != surface]

    def _lookup(self, surface: str) -> list[Candidate]:
        letters = surface.replace("-", "").replace(" ", "")
        if len(letters) < 3 or (letters.isupper() and len(letters) < 4):  # codes only through exonyms
            return []
        return self.gazetteer.lookup(surface)

    def _resolve_prefixed(self, surface: str, start: int, end: int) -> RawMatch | None:
        """``Noord-Syrië`` (a part of Syria: precision 2 for a town) and ``al-Bab``."""
        for prefixes, precision in ((self.cues.region_prefixes, 2), (self.cues.lowercase_prefixes, None)):
            for prefix in prefixes:
                rest = surface[len(prefix):]
                if surface.startswith(prefix) and is_capitalised(rest):
                    candidates = self._exonym(rest) or self._lookup(rest)
                    if candidates:
                        return RawMatch(start, end, candidates, precision)
        return None

    def _exonym(self, surface: str) -> list[Candidate]:
        target = self.cues.exonyms.get(exact_key(surface))
        if target is None:
            return []
        entry = self.gazetteer.by_id(target) if isinstance(target, int) else self.gazetteer.country(str(target))
        return [Candidate(entry, True)] if entry else []

    def _keep(self, text: str, match: RawMatch, lowercase_words: set[str], in_names: set[str]) -> bool:
        """False for stoplisted words, nationalities, common words opening a sentence, and names the
        text also uses inside a longer name ("Clinton" after "Bill Clinton"), except countries."""
        surface = text[match.start : match.end]
        if surface in self.cues.stoplist or self.is_nationality(surface) or text.startswith("$", match.end):
            return False  # a stoplisted word, "Iraqi", "US$"
        if surface in self.org_words:  # "University", "Congress": organisation words of the name finder
            return False
        if self._after_title_article(text, match):  # "The Atlantic reported", "The Times"
            return False
        if is_sentence_initial(text, match.start) and self._common_word(surface, lowercase_words):
            return False
        return surface not in in_names or any(c.entry.kind == "country" for c in match.candidates)

    def _after_title_article(self, text: str, match: RawMatch) -> bool:
        """A capitalised article mid-sentence before the name begins the title of a paper or a work."""
        before = text[max(0, match.start - 5) : match.start]
        article = before.split()[-1] if before.split() and before.endswith(" ") else ""
        return article in self.cues.title_articles and not is_sentence_initial(text, match.start - len(article) - 1)

    def is_nationality(self, word: str) -> bool:
        """A nationality adjective or demonym ("Iraakse", "Iraqi", "IRAQI")."""
        return word in self.cues.nationalities or word.title() in self.cues.nationalities

    def _common_word(self, surface: str, lowercase_words: set[str]) -> bool:
        if " " in surface or (surface.isupper() and len(surface) > 1):  # "US" is not "us"
            return False
        lower = surface.lower()
        return (
            lower in self.cues.stop_words or surface in self.cues.sentence_start_stoplist
            or lower in lowercase_words
        )

    def _inside_longer_name(self, text: str, tokens: list[Token], match: RawMatch) -> bool:
        """``George Washington``, ``Paris Hilton``, ``New York Times``: part of another name."""
        if match.last + 1 < len(tokens):
            after = tokens[match.last + 1]
            if _joined(text, tokens[match.last], after) and self._name_like(after.text):
                if after.text not in self.cues.name_followers and not self._begins_organisation(tokens, match.last + 1):
                    return after.text.casefold() not in self.titles  # "Wisconsin Governor Tony Evers"
        if match.first == 0:
            return False
        before = tokens[match.first - 1]
        if not (_joined(text, before, tokens[match.first]) and self._name_like(before.text)):
            return False
        return before.text.lower() not in self.cues.prepositions

    def _begins_organisation(self, tokens: list[Token], i: int) -> bool:
        """"Christchurch District Court": the name goes on into an organisation's name (the persons
        cues' organisation words), so a later bare "Christchurch" is still the place."""
        following = itertools.takewhile(lambda t: is_capitalised(t.text), tokens[i : i + 4])
        return any(t.text in self.org_words for t in following)

    def _name_like(self, word: str) -> bool:
        return is_capitalised(word) and word not in self.cues.nationalities and word.lower() not in self.cues.stop_words

    def _mentioned_countries(self, tokens: list[Token], matches: list[RawMatch]) -> frozenset[str]:
        """Countries the text names, names a nationality of, or has a (strong) place only in."""
        codes = {self.cues.nationalities[t.text] for t in tokens if t.text in self.cues.nationalities}
        for match in matches:
            found = {c.entry.country_code for c in match.candidates if not c.entry.is_small_town}
            if len(found) != 1:
                found = {c.entry.country_code for c in match.candidates if c.entry.kind == "country"}
            codes |= found
        return frozenset(codes)

    def _mention(self, text: str, match: RawMatch, countries: frozenset[str], others: frozenset[str] = frozenset()) -> PlaceMention:
        admin = self._admin_context(text, match)
        entry = max(match.candidates, key=lambda c: candidate_rank(c, countries, admin)).entry
        if entry.kind == "country" and entry.country_code not in others:
            entry = self._unit_of_mentioned_country(match, others) or entry
        if admin and entry.kind == "city":
            entry = self._admin_named_after(entry) or entry
        part_of = match.precision == 2 or self._after_part_of(text, match.start)
        precision = 2 if part_of else (2 if self._after_near(text, match.start) else None)
        place = entry.place(precision, part_of)
        return PlaceMention(match.start, match.end, text[match.start : match.end], place, self.stage)

    @staticmethod
    def _unit_of_mentioned_country(match: RawMatch, others: frozenset[str]) -> GazetteerEntry | None:
        """"Texas, Georgia, Michigan": a state of the country the places listed next to it are in beats a
        country of the same name."""
        units = [c.entry for c in match.candidates if c.entry.kind == "admin" and c.entry.country_code in others]
        return units[0] if len(units) == 1 else None

    def _admin_named_after(self, town: GazetteerEntry) -> GazetteerEntry | None:
        """"de regio Koersk": the admin unit of the town's country named like the town ("Kursk Oblast")."""
        units = [c.entry for c in self.gazetteer.lookup(town.name) if c.entry.kind == "admin"]
        return next((u for u in units if u.country_code == town.country_code), None)

    def _admin_context(self, text: str, match: RawMatch) -> bool:
        """"de provincie Idlib", "the province of Idlib", "Idlib province": the admin unit is meant."""
        before = text[max(0, match.start - 40) : match.start].casefold().split()
        after = [w.strip(".,;:!?)\"'’”") for w in text[match.end : match.end + 30].casefold().split()]
        words = self.cues.admin_words
        if before and (before[-1] in words or (len(before) > 1 and before[-1] in self.cues.admin_links
                                                and before[-2] in words)):
            return True
        return bool(after) and after[0] in words

    def _after_part_of(self, text: str, start: int) -> bool:
        """"in het noorden van X", "the north of X": a part of X (precision 2)."""
        before = phrase_key(text[max(0, start - 40) : start])
        return any(before.endswith(phrase) for phrase in self.cues.part_of_phrases)

    def _after_near(self, text: str, start: int) -> bool:
        words = text[max(0, start - 30) : start].split()
        return bool(words) and words[-1].lower() in self.cues.near_prepositions


def _joined(text: str, left: Token, right: Token) -> bool:
    """Two words separated by a single space (one name may span them)."""
    return text[left.end : right.start] == " "


def _overlaps(match: RawMatch, spans: list[tuple[int, int]]) -> bool:
    return any(match.start < end and start < match.end for start, end in spans)


class PlacesStage:
    """Fills ``doc.places``; actor names ("Islamitische Staat") and the spaCy pipeline's non-place
    named entities ("Jordan Peterson") are left alone."""

    name = STAGE_NAME

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._finders: dict[str, PlaceFinder] = {}

    def name_finder(self, code: str) -> Any:
        """The person/organisation name finder of ``code`` (shared through the resources)."""
        return self.resources.name_finder(code)

    def actor_matcher(self, code: str) -> ActorMatcher:
        return self.resources.actor_matcher(code)

    def finder(self, code: str) -> PlaceFinder:
        """The place finder for language ``code`` (built on first use)."""
        if code not in self._finders:
            person_cues = self.name_finder(code).cues
            finder = PlaceFinder(load_gazetteer(), load_cues(self.resources, code), self.name, person_cues.org_words)
            finder.titles = person_cues.titles
            self._finders[code] = finder
        return self._finders[code]

    def __call__(self, doc: Document) -> None:
        text = doc.text or ""
        blocked = [(start, end) for start, end, _ in self.actor_matcher(doc.lang).find(text)]
        places = self.finder(doc.lang).find(text, blocked + non_place_entity_spans(doc.analysis))
        names = self.name_finder(doc.lang).find(text, [(p.start, p.end) for p in places])
        places = [p for p in places if not _inside_name(p, names)]
        cues = self.finder(doc.lang).cues
        persons = _listed_with_persons(text, places, names, cues.list_separators)
        doc.places = [p for p in places if p.text not in persons or _after_word(text, p.start, cues.prepositions)]


def _listed_with_persons(text: str, places: list[PlaceMention], names: list[Any], separators: frozenset[str]) -> set[str]:
    """Towns listed next to a person's name ("Trump and Bolton", "Bolton or Trump"): surnames, there and
    wherever else the text uses them without a place preposition (one sense per text)."""
    person_words = {w for n in names if n.label == "PER" for w in n.text.split()}
    joins = sorted((s for s in separators if any(c.isalpha() for c in s)), key=len, reverse=True)  # not "Paris, Anne Hidalgo"
    out = set()
    for place in places:
        if place.place.kind == "country":
            continue
        before, after = text[max(0, place.start - 30) : place.start], text[place.end : place.end + 30]
        for join in joins:
            left = before.rstrip().removesuffix(join).split()
            right = after.lstrip().removeprefix(join).split()
            if (before.rstrip().endswith(" " + join) and left and left[-1] in person_words) or (
                after.lstrip().startswith(join + " ") and right and right[0].strip(".,;:") in person_words):
                out.add(place.text)
    return out


def _after_word(text: str, start: int, words: frozenset[str]) -> bool:
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].casefold() in words


def _inside_name(place: PlaceMention, names: list[Any]) -> bool:
    """"Chad" in "Chad Smith", "Birmingham" in "Birmingham City University", and a surname repeated
    after the full name ("Bolton" after "John Bolton"), unless it names a country."""
    for name in names:
        if (name.start, name.end) == (place.start, place.end):
            if name.refers_to and place.place.kind != "country":
                return True
        elif name.start <= place.start and place.end <= name.end:
            # in an organisation's name a country keeps its place: "Parliament of Iraq", "Supreme Court of the United States"
            return name.label == "PER" or place.place.kind != "country"
    return False


def non_place_entity_spans(analysis: object) -> list[tuple[int, int]]:
    """Character spans of a spaCy Doc's named entities that are not places (none without NER)."""
    return [(e.start_char, e.end_char) for e in getattr(analysis, "ents", ()) if e.label_ not in PLACE_NER_LABELS]


@register_stage(STAGE_NAME, "place mentions resolved with a compact GeoNames gazetteer")
def make_stage(resources: Resources) -> PlacesStage:
    return PlacesStage(resources)
