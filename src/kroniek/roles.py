"""Unnamed actors and targets of events, ACLED style (used by the events stage).

ACLED names who acted and who was hit even when the text gives no name: "gunmen" are an
"Unidentified Armed Group (Haiti)", "a gunman" a "Sole Perpetrator (Austria)", "betogers" are
"Protesters (Iraq)", "burgers" are "Civilians (Afghanistan)", and "het leger" in a text about Ramadi is
"Military Forces of Iraq". The nouns and their templates are language data (``lang/<code>/events.toml``,
``[unnamed_actors]`` and ``[unnamed_targets]``); ``{country}`` is the event's country (its place, or
else the first country the document places things in), ``{of_country}`` the same name as it follows
"of" in state-force names ("the United States").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .document import Document, EventMention

WORD_END = r"(?!\w)"
CIVILIAN_TARGET_TYPES = frozenset({"violence_against_civilians", "explosions_remote_violence"})
CIVILIAN_TARGET_SUBTYPES = frozenset({"arrests"})  # unnamed people arrested are civilians (ACLED)
STATE_TARGET_TYPES = frozenset({"battles", "riots"})
STATE_TARGET_SUBTYPES = frozenset({"protest_with_intervention", "excessive_force_against_protesters"})
STATE_FORCES = " Forces of "  # "Military Forces of Mali", "Police Forces of Georgia"
CIVILIANS = "Civilians ({country})"  # ACLED's names, the same in every language
DEFAULT_ACTORS = {"protests": "Protesters ({country})", "riots": "Rioters ({country})"}


@dataclass(frozen=True, slots=True)
class UnnamedRoles:
    """The compiled nouns of one language: a pattern per role and the template of each noun."""

    actors: re.Pattern[str] | None
    targets: re.Pattern[str] | None
    templates: dict[str, str]

    @classmethod
    def from_section(cls, data: dict[str, Any]) -> UnnamedRoles:
        actors = {k.casefold(): v for k, v in data.get("unnamed_actors", {}).items()}
        targets = {k.casefold(): v for k, v in data.get("unnamed_targets", {}).items()}
        return cls(_pattern(actors), _pattern(targets), actors | targets)

    def names(self, text: str, pattern: re.Pattern[str] | None, country: str, of_country: str) -> list[str]:
        """The templates of the nouns found in ``text``, filled in, in text order (no duplicates)."""
        if pattern is None or not country:
            return []
        found = (self.templates[m.group().casefold()] for m in pattern.finditer(text))
        return list(dict.fromkeys(t.format(country=country, of_country=of_country) for t in found))

    def nearest(self, text: str, pattern: re.Pattern[str] | None, at: int, country: str, of_country: str) -> list[str]:
        """The template of the noun nearest before offset ``at`` in ``text`` (else the first after it)."""
        if pattern is None or not country:
            return []
        matches = list(pattern.finditer(text))
        before = [m for m in matches if m.end() <= at]
        chosen = before[-1] if before else (matches[0] if matches else None)
        if chosen is None:
            return []
        return [self.templates[chosen.group().casefold()].format(country=country, of_country=of_country)]


def _pattern(nouns: dict[str, str]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    words = sorted(nouns, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)}){WORD_END}", re.IGNORECASE)


def add_unnamed_roles(doc: Document, roles: UnnamedRoles, country_names: Any) -> None:
    """Add unnamed actors and targets to the events of ``doc`` that name none of that role."""
    fallback = next((p.place.country_code for p in doc.places if p.place.country_code), None)
    for event in doc.events:
        code = (event.place.country_code if event.place else None) or fallback
        if not code:
            continue
        country, of_country = country_names(code)
        text, offset = _sentence_text(doc, event)
        if event.type in DEFAULT_ACTORS:
            _crowd_acts(event, DEFAULT_ACTORS[event.type].format(country=country))
        if not event.actors:
            at = event.trigger.start - offset
            event.actors.extend(roles.nearest(text, roles.actors, at, country, of_country))
        if not event.targets and event.modality != "generic":
            event.targets.extend(_unnamed_targets(event, roles.names(text, roles.targets, country, of_country), country))


def _crowd_acts(event: EventMention, crowd: str) -> None:
    """ACLED codes a protest's first actor as "Protesters (X)" and a riot's as "Rioters (X)", whoever led
    it, and the state forces named with it as the second; in excessive force against protesters the
    forces act and the protesters are hit."""
    if event.subtype == "mob_violence" and event.actors:
        return  # a named mob keeps its name
    forces = [a for a in event.actors if STATE_FORCES in a or a.startswith("Government of")]
    if event.subtype == "excessive_force_against_protesters":
        event.actors[:] = forces
        event.targets[:] = [crowd]
        return
    event.targets.extend(f for f in forces if f not in event.targets)
    event.actors[:] = [crowd]


def _unnamed_targets(event: EventMention, named: list[str], country: str) -> list[str]:
    """Victims of violence against civilians, of blasts and of arrests (civilians unless named); state
    forces fought in a battle or facing protesters and rioters."""
    named = [n for n in named if n not in event.actors]
    if event.type in CIVILIAN_TARGET_TYPES or event.subtype in CIVILIAN_TARGET_SUBTYPES:
        if event.type != "explosions_remote_violence":  # soldiers are hit by a bomb, not executed or arrested
            named = [n for n in named if STATE_FORCES not in n]
        return named or _default_victims(event, country)
    if event.type in STATE_TARGET_TYPES or event.subtype in STATE_TARGET_SUBTYPES:
        return [n for n in named if STATE_FORCES in n]
    return []


AIR_STRIKES = frozenset({"air_drone_strike"})  # mostly flown by states: "Russische luchtaanval", "Israeli airstrikes"
MILITARY = "Military Forces of {of_country}"


def add_air_forces(doc: Document, nationalities: dict[str, str], country_names: Any) -> None:
    """An air or drone strike that names no actor was flown by the military of the country its sentence
    names by a nationality ("Russische", "Israeli") or by name ("Israel responded with airstrikes"),
    preferring a country other than the one struck."""
    for event in doc.events:
        if event.actors or event.subtype not in AIR_STRIKES:
            continue
        text, offset = _sentence_text(doc, event)
        codes = _countries_named(doc, text, offset, nationalities)
        struck = event.place.country_code if event.place else None
        code = next((c for c in codes if c != struck), codes[0] if codes else None)
        if code:
            event.actors.append(MILITARY.format(of_country=country_names(code)[1]))


def _countries_named(doc: Document, text: str, offset: int, nationalities: dict[str, str]) -> list[str]:
    """Country codes of the nationality words and country names of a sentence, in text order."""
    found = [(m.start(), nationalities[m.group()]) for m in re.finditer(r"\w+", text) if m.group() in nationalities]
    end = offset + len(text)
    found += [(p.start - offset, p.place.country_code) for p in doc.places
              if offset <= p.start < end and p.place.kind == "country" and p.place.country_code]
    return list(dict.fromkeys(code for _, code in sorted(found)))


PLACE_WINDOW = 2  # an event without a place of its own takes the last place at most this many sentences back


def add_earlier_places(doc: Document) -> None:
    """An event whose sentence names no place happened where the text last placed things ("In Wenen
    ... De schutter werd doodgeschoten"), when that place is at most ``PLACE_WINDOW`` sentences back."""
    for event in doc.events:
        if event.place is not None:
            continue
        earlier = [p for p in doc.places if p.start < event.trigger.start]
        if earlier and event.sentence - doc.sentence_index(earlier[-1].start) <= PLACE_WINDOW:
            event.place = earlier[-1].place


def _default_victims(event: EventMention, country: str) -> list[str]:
    """Violence against civilians, an arrest, or a blast that killed or wounded people: civilians unless named."""
    if event.type == "violence_against_civilians" or event.subtype in CIVILIAN_TARGET_SUBTYPES:
        return [CIVILIANS.format(country=country)]
    if event.fatalities or event.injured:
        return [CIVILIANS.format(country=country)]
    return []


def _sentence_text(doc: Document, event: EventMention) -> tuple[str, int]:
    """The text of the event's sentence and its offset in the document."""
    if 0 <= event.sentence < len(doc.sentences):
        sentence = doc.sentences[event.sentence]
        return (doc.text or "")[sentence.start : sentence.end], sentence.start
    return doc.text or "", 0
