"""entities stage (``entities.lexicon.v1``): actors, state forces, persons, places and nationalities.

* actors from the knowledge base ``kroniek/data/actors.toml`` (case-sensitive aliases; "IS" never
  matches "is"), also as the first part of a compound ("IS-strijders", "Talibanleider" -> "IS",
  "Taliban"); persons of the knowledge base get its canonical name and affiliation;
* state forces, ACLED style ("Military Forces of Iraq"): a nationality adjective or a country name and a
  force noun ("het Iraakse leger", "US troops", "Syrian Army"), or the noun and "of"/"van" and a country
  ("the government of Syria", "het leger van Myanmar"); nouns and templates in ``lang/<code>/places.toml``;
* names of persons and organisations found by :mod:`kroniek.persons` (no NER model needed); a person
  gets the affiliation its text states ("Taliban spokesman X", "IS-leider X");
* every place mention of the places stage (which runs first) -> LOC, canonical the place's English name;
* remaining nationality adjectives ("Syrische", "Iraqi") -> MISC, canonical the country's name;
* the named entities of the spaCy pipeline (``doc.analysis.ents``) when it has an NER component.

Entities do not overlap (earlier kinds in the list above win); ids are "e1", "e2", ... in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import (  # noqa: F401 - re-exported
    Actor,
    ActorMatcher,
    actor_country_names,
    definite_countries,
    load_actors,
)
from .document import Document, Entity, PlaceMention
from .persons import NameFinder, PersonCues
from .places import Gazetteer, PlaceCues, load_cues, load_gazetteer
from .registry import register_stage
from .resources import Resources

STAGE_NAME = "entities.lexicon.v1"
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "NORP": "MISC"}
NER_PRIORITY = {"PER": 2}  # other NER labels: 4, below every lexicon kind
WORD = re.compile(r"\w+")
AFFILIATION_GAP = 40  # characters between a group and a person's role noun


@dataclass(slots=True)
class Found:
    """An entity candidate with its priority (lower wins an overlap)."""

    start: int
    end: int
    label: str
    canonical: str
    priority: int
    actor_type: str | None = None
    affiliation: str | None = None


class StateForces:
    """ACLED-style state-force names from adjectives, country names and force nouns."""

    def __init__(self, gazetteer: Gazetteer, cues: PlaceCues, definite: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self.cues = cues
        self.definite = definite
        self.nouns = sorted(cues.state_forces, key=len, reverse=True)
        nouns = "|".join(re.escape(n) for n in self.nouns) or "(?!x)x"
        links = "|".join(re.escape(w) for w in cues.state_force_links) or "(?!x)x"
        articles = "|".join(re.escape(w) for w in cues.state_force_articles) or "(?!x)x"
        self.noun_of = re.compile(rf"(?<!\w)(\w*?)({nouns})\s+(?:{links})\s+(?:(?:{articles})\s+)?$", re.IGNORECASE)

    def plain_name(self, code: str) -> str:
        """The country's English name alone ("United States")."""
        return actor_country_names(self.gazetteer.country(code), self.definite)[0]

    def country_name(self, code: str) -> str:
        """The country's English name as state-force names use it ("the United States")."""
        return actor_country_names(self.gazetteer.country(code), self.definite)[1]

    def find(self, text: str, anchors: list[tuple[int, int, str]]) -> list[Found]:
        """State forces around ``anchors`` (start, end, ISO code of an adjective or country name)."""
        out = []
        for start, end, code in anchors:
            country = self.country_name(code)
            noun_end, template = self._noun_after(text, end)
            if country and template:
                out.append(Found(start, noun_end, "ORG", template.format(country=country), 1, "state_forces"))
            elif country:
                out += self._noun_before(text, start, end, country)
        return out

    def _noun_before(self, text: str, start: int, end: int, country: str) -> list[Found]:
        """"the government of Syria", "het leger van Myanmar"."""
        match = self.noun_of.search(text, max(0, start - 60), start)
        if match is None or match.group(1):  # the noun must be a whole word here
            return []
        template = self.cues.state_forces.get(match.group(2).lower())
        if template is None:
            return []
        return [Found(match.start(2), end, "ORG", template.format(country=country), 1, "state_forces")]

    def _noun_after(self, text: str, end: int) -> tuple[int, str]:
        """End and template of a force noun right after ``end`` (a listed modifier may come between;
        the longer reading wins: "United States military forces")."""
        words = [m for m in WORD.finditer(text, end, min(len(text), end + 60))][:3]
        for skip in (1, 0):
            if len(words) <= skip or not _spaced(text, end, words[: skip + 1]):
                continue
            if skip and words[0].group().lower() not in self.cues.state_force_modifiers:
                continue
            for noun in self.nouns:
                found = _noun_at(text, words[skip].start(), noun)
                if found:
                    return found, self.cues.state_forces[noun]
        return 0, ""


def _noun_at(text: str, start: int, noun: str) -> int:
    """End of ``noun`` (a whole word, or the end of a compound) starting in the word at ``start``."""
    word = WORD.match(text, start)
    if word is None or not _plain_or_title(word.group()):
        return 0
    if " " in noun:
        after = text[start + len(noun) : start + len(noun) + 1]
        return start + len(noun) if text[start : start + len(noun)].lower() == noun and not after.isalnum() else 0
    return word.end() if word.group().lower().endswith(noun) else 0


def _plain_or_title(word: str) -> bool:
    return word.islower() or word.istitle()


def _spaced(text: str, end: int, words: list[re.Match]) -> bool:
    """The words follow ``end`` separated by single spaces only, all lower-case or all capitalised."""
    position = end
    for word in words:
        if text[position : word.start()] != " " or not _plain_or_title(word.group()):
            return False
        position = word.end()
    return True


class EntityFinder:
    """All entity kinds for one language."""

    def __init__(self, actors: ActorMatcher, forces: StateForces, names: NameFinder, person_cues: PersonCues) -> None:
        self.actors = actors
        self.forces = forces
        self.cues = forces.cues
        self.names = names
        self.roles = person_cues.roles | person_cues.titles
        keys = sorted(self.cues.nationalities, key=lambda k: (-len(k), k))
        self.nationality = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, keys)) or '(?!x)x'})(?!\w)")

    def find(self, text: str, places: list[PlaceMention]) -> list[Found]:
        """Entity candidates in ``text``; ``places`` are the places stage's mentions."""
        found = [self._actor(s, e, a) for s, e, a in self.actors.find(text)]
        nationalities = [(m.start(), m.end(), self.cues.nationalities[m.group()]) for m in self.nationality.finditer(text)]
        countries = [(p.start, p.end, p.place.country_code) for p in places if p.place.kind == "country" and p.place.country_code]
        found += [f for f in self.forces.find(text, nationalities + countries) if not _overlaps_any(f, found)]
        found += self._names(text, places)
        found += [Found(p.start, p.end, "LOC", p.place.name, 2) for p in places]
        found += [Found(s, e, "MISC", name, 3) for s, e, code in nationalities if (name := self.forces.plain_name(code))]
        return resolve_overlaps(found)

    @staticmethod
    def _actor(start: int, end: int, actor: Actor) -> Found:
        return Found(start, end, actor.label, actor.name, 0, actor.type, actor.affiliation)

    def _names(self, text: str, places: list[PlaceMention]) -> list[Found]:
        """Persons and organisations of the name finder, linked to the knowledge base where it knows them."""
        out = []
        for name in self.names.find(text, [(p.start, p.end) for p in places]):
            source = name.refers_to or name.text
            known = self.actors.lookup(source)
            canonical = known.name if known else " ".join(source.split())
            kind, affiliation = (known.type, known.affiliation) if known else (None, None)
            out.append(Found(name.start, name.end, name.label, canonical, 2, kind, affiliation))
        return out

    def affiliate(self, text: str, found: list[Found]) -> None:
        """Give each person the group its text ties it to ("Taliban spokesman X", "X, a Taliban commander")."""
        groups = [f for f in found if f.label == "ORG"]
        for person in (f for f in found if f.label == "PER"):
            group = self._group_before(text, person, groups) or self._group_after(text, person, groups)
            if group is not None:
                person.affiliation = group.canonical
        stated = {f.canonical: f.affiliation for f in found if f.label == "PER" and f.affiliation}
        for person in (f for f in found if f.label == "PER" and not f.affiliation):
            person.affiliation = stated.get(person.canonical)  # "Mujahid" after "Taliban spokesman Zabiullah Mujahid"

    def _group_before(self, text: str, person: Found, groups: list[Found]) -> Found | None:
        for group in reversed([g for g in groups if g.end <= person.start]):
            between = text[group.end : person.start]
            if len(between) <= AFFILIATION_GAP and self._has_role(between) and "." not in between:
                return group
            break
        return None

    def _group_after(self, text: str, person: Found, groups: list[Found]) -> Found | None:
        following = [g for g in groups if g.start >= person.end]
        if not following:
            return None
        between = text[person.end : following[0].start]
        if len(between) <= AFFILIATION_GAP and between.lstrip().startswith(",") and self._has_role(between):
            return following[0]
        return None

    def _has_role(self, between: str) -> bool:
        words = [w.lower() for w in WORD.findall(between)]
        return any(w in self.roles or any(w.endswith(r) and len(r) >= 5 for r in self.roles) for w in words)


def _overlaps_any(item: Found, others: list[Found]) -> bool:
    return any(o.start < item.end and item.start < o.end for o in others)


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
            forces = StateForces(load_gazetteer(), load_cues(self.resources, code), definite_countries())
            names = self.resources.name_finder(code)
            self._finders[code] = EntityFinder(self.resources.actor_matcher(code), forces, names, names.cues)
        return self._finders[code]

    def __call__(self, doc: Document) -> None:
        text = doc.text or ""
        finder = self.finder(doc.lang)
        found = resolve_overlaps(finder.find(text, doc.places) + ner_entities(doc.analysis))
        finder.affiliate(text, found)
        doc.entities = [
            Entity(
                f.start, f.end, text[f.start : f.end], f"e{i}", f.label, f.canonical, self.name,  # type: ignore[arg-type]
                actor_type=f.actor_type, affiliation=f.affiliation,
            )
            for i, f in enumerate(found, start=1)
        ]


@register_stage(STAGE_NAME, "actors, state forces, persons, places and nationalities from lexicons")
def make_stage(resources: Resources) -> EntitiesStage:
    return EntitiesStage(resources)
