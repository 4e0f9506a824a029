"""Typed results of the pipeline and their `kroniek.document/1` JSON form.

Every span is a ``[start, end)`` pair of code-point offsets into ``Document.text``.
Each extracted item also records ``stage``: the registered, versioned name of the
stage that made it (kept in the store for provenance, not printed in the JSON).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any, Literal

SCHEMA_ID = "kroniek.document/1"

Precision = Literal["year", "month", "week", "day", "vague"]
Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague"]
PlaceKind = Literal["country", "admin", "city", "locality", "region", "other"]
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
Modality = Literal["asserted", "reported", "attempted", "planned", "hypothetical", "negated", "generic"]


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Sentence(Span):
    pass


@dataclass(slots=True)
class TimeValue:
    """A normalised time: ISO 8601 value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) or None."""

    value: str | None
    precision: Precision
    value_from: str | None = None  # lower bound of a stretch ("sinds 2014" -> 2014)
    value_to: str | None = None  # upper bound of a stretch


@dataclass(slots=True)
class TimeMention(Span):
    time: TimeValue = field(default_factory=lambda: TimeValue(None, "vague"))
    stage: str = ""


@dataclass(slots=True)
class QuantityValue:
    value: float | None
    qualifier: Qualifier
    low: float | None = None
    high: float | None = None


@dataclass(slots=True)
class QuantityMention(Span):
    quantity: QuantityValue = field(default_factory=lambda: QuantityValue(None, "vague"))
    what: str | None = None
    what_span: Span | None = None
    stage: str = ""


@dataclass(slots=True)
class Entity(Span):
    id: str = ""
    label: EntityLabel = "MISC"
    canonical: str | None = None
    stage: str = ""
    actor_type: str | None = None  # ACLED actor type of a known actor ("rebel_group", "state_forces", ...)
    affiliation: str | None = None  # persons: the canonical actor they belong to ("IS-leider X")


@dataclass(slots=True)
class Place:
    name: str
    country_code: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: PlaceKind = "other"
    precision: int | None = None  # ACLED-like: 1 town itself, 2 near/part of, 3 region/country only
    supplement_id: str | None = None  # id of a place without a GeoNames id (Kroniek's supplement or cities1000)


@dataclass(slots=True)
class PlaceMention(Span):
    place: Place = field(default_factory=lambda: Place("", None))
    stage: str = ""


@dataclass(slots=True)
class EventMention:
    id: str
    type: str
    subtype: str
    sentence: int
    trigger: Span
    modality: Modality = "asserted"
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: Place | None = None
    time: TimeValue | None = None
    fatalities: QuantityValue | None = None
    injured: QuantityValue | None = None
    stage: str = ""


@dataclass(slots=True)
class Claim:
    id: str
    what: str
    quantity: QuantityValue
    sentence: int
    span: Span | None = None  # the quantity's characters
    places: list[Place] = field(default_factory=list)
    time: TimeValue | None = None
    source: str | None = None
    hedged: bool = False
    related: list[str] = field(default_factory=list)  # ids of claims about the same population
    stage: str = ""


@dataclass
class Document:
    """One article and everything the pipeline extracted from it."""

    id: str
    text: str
    lang: str = "und"
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    analysis: Any = field(default=None, repr=False, compare=False)  # transient NLP object (spaCy Doc)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains character ``offset`` (last one before it)."""
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= offset < sentence.end:
                return index
        earlier = [i for i, s in enumerate(self.sentences) if s.start <= offset]
        return earlier[-1] if earlier else 0

    def to_contract(self) -> dict[str, Any]:
        return document_to_contract(self)


def _clean(value: Any) -> Any:
    """asdict() output without the internal ``stage`` keys."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != "stage"}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def quantity_to_json(quantity: QuantityValue) -> dict[str, Any]:
    return {
        "value": _number(quantity.value),
        "low": _number(quantity.low),
        "high": _number(quantity.high),
        "qualifier": quantity.qualifier,
    }


def time_to_json(time: TimeValue) -> dict[str, Any]:
    out: dict[str, Any] = {"value": time.value, "precision": time.precision}
    if time.value_from is not None or time.value_to is not None:
        out["value_from"], out["value_to"] = time.value_from, time.value_to
    return out


def _span_json(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _time_mention_json(mention: TimeMention) -> dict[str, Any]:
    return {**_span_json(mention), **time_to_json(mention.time)}


def _quantity_mention_json(mention: QuantityMention) -> dict[str, Any]:
    out = {**_span_json(mention), **quantity_to_json(mention.quantity), "what": mention.what}
    if mention.what_span is not None:
        out["what_span"] = _span_json(mention.what_span)
    return out


def _place_json(place: Place) -> dict[str, Any]:
    return _clean(asdict(place))


def _event_json(event: EventMention) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "subtype": event.subtype,
        "sentence": event.sentence,
        "trigger": _span_json(event.trigger),
        "actors": list(event.actors),
        "targets": list(event.targets),
        "place": _place_json(event.place) if event.place else None,
        "time": time_to_json(event.time) if event.time else None,
        "fatalities": quantity_to_json(event.fatalities) if event.fatalities else None,
        "injured": quantity_to_json(event.injured) if event.injured else None,
        "modality": event.modality,
    }


def _claim_json(claim: Claim) -> dict[str, Any]:
    out = {
        "id": claim.id,
        "what": claim.what,
        "quantity": quantity_to_json(claim.quantity),
        "places": [_place_json(p) for p in claim.places],
        "time": time_to_json(claim.time) if claim.time else None,
        "source": claim.source,
        "hedged": claim.hedged,
        "sentence": claim.sentence,
        "related": list(claim.related),
    }
    if claim.span is not None:
        out["span"] = _span_json(claim.span)
    return out


def document_to_contract(doc: Document) -> dict[str, Any]:
    """The `kroniek.document/1` JSON object for ``doc``."""
    return {
        "schema": SCHEMA_ID,
        "id": doc.id,
        "lang": doc.lang,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "source": doc.source,
        "url": doc.url,
        "text": doc.text,
        "sentences": [_span_json(s) for s in doc.sentences],
        "entities": [_clean(asdict(e)) for e in doc.entities],
        "places": [{**_span_json(p), **_place_json(p.place)} for p in doc.places],
        "times": [_time_mention_json(t) for t in doc.times],
        "quantities": [_quantity_mention_json(q) for q in doc.quantities],
        "events": [_event_json(e) for e in doc.events],
        "claims": [_claim_json(c) for c in doc.claims],
    }


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
