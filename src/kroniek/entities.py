"""entities stage (``entities.lexicon.v1``): actors, state forces, places and nationalities.

A first, lexicon-based version:

* actors from ``kroniek/data/actors.toml`` (case-sensitive aliases; "IS" never matches "is"), also
  as the first part of a compound ("IS-strijders", "Talibanleider" -> the span "IS", "Taliban");
* state forces from a nationality adjective and a noun ("het Iraakse leger", "the Iraqi army") ->
  ORG "Military Forces of Iraq" (nouns and templates in ``lang/<code>/places.toml`` [state_forces]);
* every place mention of the places stage (which runs first) -> LOC, canonical the place's English name;
* remaining nationality adjectives ("Syrische", "Iraqi") -> MISC, canonical the country's name;
* the named entities of the spaCy pipeline (``doc.analysis.ents``) when it has an NER component:
  persons compete with places (the longer span wins: "Jordan Peterson" over "Jordan"), other labels
  only fill the gaps the lexicons leave; canonical is the name as written.

Entities do not overlap (earlier kinds in the list above win); ids are "e1", "e2", ... in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import ActorMatcher, load_actors
from .document import Document, Entity, PlaceMention
from .places import Gazetteer, PlaceCues, load_cues, load_gazetteer
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "entities.lexicon.v1"
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "NORP": "MISC"}
NER_PRIORITY = {"PER": 2}  # other NER labels: 4, below every lexicon kind
WORD = re.compile(r"\w+")


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

    def __init__(self, actors: ActorMatcher, gazetteer: Gazetteer, cues: PlaceCues) -> None:
        self.actors = actors
        self.cues = cues
        self.gazetteer = gazetteer
        keys = sorted(cues.nationalities, key=lambda k: (-len(k), k))
        self.nationality = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, keys)) or '(?!x)x'})(?!\w)")
        self.nouns = sorted(cues.state_forces, key=len, reverse=True)

    def find(self, text: str, places: list[PlaceMention]) -> list[Found]:
        """Entity candidates in ``text``; ``places`` are the places stage's mentions."""
        found = [Found(s, e, a.label, a.name, 0) for s, e, a in self.actors.find(text)]
        nationalities = [(m.start(), m.end(), self._country_name(m.group())) for m in self.nationality.finditer(text)]
        found += self._state_forces(text, nationalities, found)
        found += [Found(p.start, p.end, "LOC", p.place.name, 2) for p in places]
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
            self._finders[code] = EntityFinder(ActorMatcher(load_actors(), code), load_gazetteer(), cues)
        return self._finders[code]

    def __call__(self, doc: Document) -> None:
        text = doc.text or ""
        found = resolve_overlaps(self.finder(doc.lang).find(text, doc.places) + ner_entities(doc.analysis))
        doc.entities = [
            Entity(f.start, f.end, text[f.start : f.end], f"e{i}", f.label, f.canonical, self.name)  # type: ignore[arg-type]
            for i, f in enumerate(found, start=1)
        ]


@register_stage(STAGE_NAME, "actors, state forces, places and nationalities from lexicons")
def make_stage(resources: Resources) -> EntitiesStage:
    return EntitiesStage(resources)
