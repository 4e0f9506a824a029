"""entities stage (``entities.lexicon.v1``): actors, state forces, places and nationalities.

A first, lexicon-based version:

* actors from ``kroniek/data/actors.toml`` (case-sensitive aliases; "IS" never matches "is"), also
  as the first part of a compound ("IS-strijders", "Talibanleider" -> the span "IS", "Taliban");
* state forces from a nationality adjective and a noun ("het Iraakse leger", "the Iraqi army") ->
  ORG "Military Forces of Iraq" (nouns and templates in ``lang/<code>/places.toml`` [state_forces]);
* every place mention (the places stage's finder) -> LOC, canonical the place's English name;
* remaining nationality adjectives ("Syrische", "Iraqi") -> MISC, canonical the country's name;
* the named entities of the spaCy pipeline (``doc.analysis.ents``) when it has an NER component:
  persons compete with places (the longer span wins: "Jordan Peterson" over "Jordan"), other labels
  only fill the gaps the lexicons leave; canonical is the name as written.

Entities do not overlap (earlier kinds in the list above win); ids are "e1", "e2", ... in text order.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .document import Document, Entity
from .errors import ConfigError
from .places import PlaceCues, PlaceFinder, load_cues, load_gazetteer
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "entities.lexicon.v1"
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "NORP": "MISC"}
NER_PRIORITY = {"PER": 2}  # other NER labels: 4, below every lexicon kind
COMPOUND_MIN = 5  # aliases this long (not acronyms) may begin a closed compound
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of the lexicon."""

    name: str
    type: str
    label: str = "ORG"
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "*" = every language

    def aliases_for(self, code: str) -> tuple[str, ...]:
        return self.aliases.get("*", ()) + self.aliases.get(code, ())


def default_actors_path() -> Path:
    return Path(str(files("kroniek"))) / "data" / "actors.toml"


@lru_cache(maxsize=4)
def load_actors(path: str | None = None) -> tuple[Actor, ...]:
    """The actor lexicon (default: the shipped ``data/actors.toml``), read once per process."""
    source = Path(path) if path else default_actors_path()
    try:
        data = tomllib.loads(source.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read actor lexicon: {exc}", source=str(source)) from exc
    return tuple(_actor(item, str(source)) for item in data.get("actor", []))


def _actor(item: dict, source: str) -> Actor:
    if "name" not in item or "type" not in item:
        raise ConfigError(f"actor without name or type: {item}", source=source)
    aliases = {"*": tuple(item.get("aliases", ()))}
    aliases |= {k: tuple(v) for k, v in item.items() if isinstance(v, list) and k != "aliases"}
    return Actor(item["name"], item["type"], item.get("label", "ORG"), aliases)


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1 and len(letters) <= 6


def alias_pattern(alias: str) -> str:
    """Regex for ``alias``: a space or hyphen in it matches either."""
    return r"[\s\-]".join(re.escape(part) for part in re.split(r"[\s\-]+", alias.strip()))


def alternation(aliases: list[str]) -> str:
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    return "|".join(alias_pattern(a) for a in ordered) or r"(?!x)x"


class ActorMatcher:
    """Finds actor aliases of one language in a text."""

    def __init__(self, actors: tuple[Actor, ...], code: str) -> None:
        self.by_alias: dict[str, Actor] = {}
        for actor in actors:
            for alias in actor.aliases_for(code):
                self.by_alias.setdefault(_alias_key(alias), actor)
        long = [a for a in self._aliases(actors, code) if len(a) >= COMPOUND_MIN and not is_acronym(a)]
        short = [a for a in self._aliases(actors, code) if a not in set(long)]
        self.pattern = re.compile(
            rf"(?<!\w)(?:(?:{alternation(long)})(?![\dA-ZÀ-Þ_])|(?:{alternation(short)})(?!\w))"
        )

    @staticmethod
    def _aliases(actors: tuple[Actor, ...], code: str) -> list[str]:
        return [alias for actor in actors for alias in actor.aliases_for(code)]

    def find(self, text: str) -> list[tuple[int, int, Actor]]:
        out = []
        for match in self.pattern.finditer(text):
            actor = self.by_alias.get(_alias_key(match.group()))
            if actor is not None:
                out.append((match.start(), match.end(), actor))
        return out


def _alias_key(alias: str) -> str:
    return re.sub(r"[\s\-]+", " ", alias.strip())


@dataclass(slots=True)
class Found:
    """An entity candidate with its priority (lower wins an overlap)."""

    start: int
    end: int
    label: str
    canonical: str
    priority: int


class EntityFinder:
    """All entity kinds for one language."""

    def __init__(self, actors: ActorMatcher, places: PlaceFinder, cues: PlaceCues) -> None:
        self.actors = actors
        self.places = places
        self.cues = cues
        self.gazetteer = places.gazetteer
        keys = sorted(cues.nationalities, key=lambda k: (-len(k), k))
        self.nationality = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, keys)) or '(?!x)x'})(?!\w)")
        self.nouns = sorted(cues.state_forces, key=len, reverse=True)

    def find(self, text: str) -> list[Found]:
        found = [Found(s, e, a.label, a.name, 0) for s, e, a in self.actors.find(text)]
        nationalities = [(m.start(), m.end(), self._country_name(m.group())) for m in self.nationality.finditer(text)]
        found += self._state_forces(text, nationalities, found)
        blocked = [(f.start, f.end) for f in found]
        found += [Found(p.start, p.end, "LOC", p.place.name, 2) for p in self.places.find(text, blocked)]
        found += [Found(s, e, "MISC", name, 3) for s, e, name in nationalities if name]
        return resolve_overlaps(found)

    def _country_name(self, adjective: str) -> str:
        entry = self.gazetteer.country(self.cues.nationalities.get(adjective, ""))
        return entry.name if entry else ""

    def _state_forces(self, text: str, nationalities: list[tuple[int, int, str]], taken: list[Found]) -> list[Found]:
        out = []
        for start, end, country in nationalities:
            noun_end, template = self._noun_after(text, end)
            if country and template and not any(f.start < noun_end and start < f.end for f in taken):
                out.append(Found(start, noun_end, "ORG", template.format(country=country), 1))
        return out

    def _noun_after(self, text: str, end: int) -> tuple[int, str]:
        """End and template of a state-forces noun right after ``end`` (a listed modifier may come between)."""
        words = [m for m in WORD.finditer(text, end, min(len(text), end + 60))][:3]
        for skip in (0, 1):
            if len(words) <= skip or not _spaced(text, end, words[: skip + 1]):
                continue
            if skip and words[0].group() not in self.cues.state_force_modifiers:
                continue
            for noun in self.nouns:
                found = self._noun_at(text, words[skip].start(), noun)
                if found:
                    return found, self.cues.state_forces[noun]
        return 0, ""

    @staticmethod
    def _noun_at(text: str, start: int, noun: str) -> int:
        """End of ``noun`` (a whole word, or the end of a compound) starting in the word at ``start``."""
        word = WORD.match(text, start)
        if word is None or not word.group().islower():
            return 0
        if " " in noun:
            return start + len(noun) if text.startswith(noun, start) and not text[start + len(noun) : start + len(noun) + 1].isalnum() else 0
        return word.end() if word.group().endswith(noun) else 0


def _spaced(text: str, end: int, words: list[re.Match]) -> bool:
    """The words follow ``end`` separated by single spaces only, all lower-case."""
    position = end
    for word in words:
        if text[position : word.start()] != " " or not word.group().islower():
            return False
        position = word.end()
    return True


def ner_entities(analysis: object) -> list[Found]:
    """Candidates from a spaCy Doc's named entities (none without an NER component)."""
    out = []
    for ent in getattr(analysis, "ents", ()):
        label = NER_LABELS.get(ent.label_)
        name = " ".join(ent.text.split())
        if label and name:
            out.append(Found(ent.start_char, ent.end_char, label, name, NER_PRIORITY.get(label, 4)))
    return out


def resolve_overlaps(found: list[Found]) -> list[Found]:
    """Keep the best of overlapping candidates (priority, then longer, then earlier); text order."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.priority, -(f.end - f.start), f.start)):
        if all(item.end <= k.start or k.end <= item.start for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: (f.start, f.end))


class EntitiesStage:
    """Fills ``doc.entities``."""

    name = STAGE_NAME

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._finders: dict[str, EntityFinder] = {}

    def finder(self, code: str) -> EntityFinder:
        """The entity finder for language ``code`` (built on first use)."""
        if code not in self._finders:
            cues = load_cues(self.resources, code)
            places = PlaceFinder(load_gazetteer(), cues, self.name)
            self._finders[code] = EntityFinder(ActorMatcher(load_actors(), code), places, cues)
        return self._finders[code]

    def __call__(self, doc: Document) -> None:
        text = doc.text or ""
        found = resolve_overlaps(self.finder(doc.lang).find(text) + ner_entities(doc.analysis))
        doc.entities = [
            Entity(f.start, f.end, text[f.start : f.end], f"e{i}", f.label, f.canonical, self.name)  # type: ignore[arg-type]
            for i, f in enumerate(found, start=1)
        ]


@register_stage(STAGE_NAME, "actors, state forces, places and nationalities from lexicons")
def make_stage(resources: Resources) -> EntitiesStage:
    return EntitiesStage(resources)
