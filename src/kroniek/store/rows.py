"""Conversion between a typed `Document` and the rows of the chronicle's tables.

Pure functions, no database access: ``document_rows`` flattens a document into
one list of row dicts per table (every dict of a list has the same keys, so each
list goes to the database in one ``executemany``), and ``document_from_rows``
rebuilds the document from rows read back in order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table

from ..document import (
    Claim,
    Document,
    Entity,
    EventMention,
    Place,
    PlaceMention,
    QuantityMention,
    QuantityValue,
    Sentence,
    Span,
    TimeMention,
    TimeValue,
)
from . import schema

Row = Mapping[str, Any]
_VOLATILE = frozenset({"seq", "ingested_at", "updated_at", "origin", "fingerprint"})


@dataclass(slots=True)
class DocumentRows:
    """Everything one document puts in the database, table by table."""

    document: dict[str, Any]
    sentences: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_mentions: list[dict[str, Any]] = field(default_factory=list)
    event_arguments: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)

    def fingerprint(self) -> str:
        """A hash of everything saved except timestamps, order and origin (events repeat mentions)."""
        document = {k: v for k, v in self.document.items() if k not in _VOLATILE}
        payload = [document, self.sentences, self.mentions, self.event_mentions, self.event_arguments, self.claims]
        encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        return "sha256:" + hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    def stamp(self, *, seq: int, ingested_at: datetime, now: datetime, fingerprint: str) -> None:
        """Fill in what depends on the database: order, timestamps, the fingerprint."""
        self.document.update(seq=seq, ingested_at=ingested_at, updated_at=now, fingerprint=fingerprint)
        for event in self.events:
            event["created_at"] = now

    def in_insert_order(self) -> list[tuple[Table, list[dict[str, Any]]]]:
        """(table, rows) pairs in an order that satisfies the foreign keys."""
        return [
            (schema.documents, [self.document]),
            (schema.events, self.events),
            (schema.event_mentions, self.event_mentions),
            (schema.event_arguments, self.event_arguments),
            (schema.sentences, self.sentences),
            (schema.mentions, self.mentions),
            (schema.claims, self.claims),
        ]


# --- identity ---------------------------------------------------------------------


def content_hash(text: str) -> str:
    """The content hash used as a document's id when it has no URL."""
    from ..pipeline import content_id

    return content_id(text)


def _float(value: float | None) -> float | None:
    """Floats as the database gives them back: ints as floats, -0.0 as 0.0."""
    return None if value is None else float(value) + 0.0


def child_key(document_id: str, index: int) -> str:
    """Primary key of an event mention or claim: unique across documents."""
    return f"{document_id}#{index}"


# --- nested values <-> flat columns -----------------------------------------------


def place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return dict.fromkeys(_PLACE_KEYS)
    return {
        "place_name": place.name,
        "country_code": place.country_code,
        "lat": _float(place.lat),
        "lon": _float(place.lon),
        "geonames_id": place.geonames_id,
        "place_kind": place.kind,
        "place_precision": place.precision,
        "place_supplement_id": place.supplement_id,
    }


_PLACE_KEYS = (
    "place_name", "country_code", "lat", "lon", "geonames_id", "place_kind", "place_precision", "place_supplement_id"
)


def place_from(row: Row) -> Place | None:
    if row["place_name"] is None:
        return None
    return Place(
        name=row["place_name"],
        country_code=row["country_code"],
        lat=row["lat"],
        lon=row["lon"],
        geonames_id=row["geonames_id"],
        kind=row["place_kind"],
        precision=row["place_precision"],
        supplement_id=row["place_supplement_id"],
    )


def time_columns(time: TimeValue | None) -> dict[str, Any]:
    if time is None:
        return dict.fromkeys(("time_value", "time_precision", "time_from", "time_to"))
    return {
        "time_value": time.value,
        "time_precision": time.precision,
        "time_from": time.value_from,
        "time_to": time.value_to,
    }


def time_from(row: Row) -> TimeValue | None:
    if row["time_precision"] is None:
        return None
    return TimeValue(row["time_value"], row["time_precision"], row["time_from"], row["time_to"])


def quantity_columns(quantity: QuantityValue | None, prefix: str = "") -> dict[str, Any]:
    keys = [f"{prefix}{name}" for name in ("value", "low", "high", "qualifier")]
    if quantity is None:
        return dict.fromkeys(keys)
    values = (_float(quantity.value), _float(quantity.low), _float(quantity.high), quantity.qualifier)
    return dict(zip(keys, values, strict=True))


def quantity_from(row: Row, prefix: str = "") -> QuantityValue | None:
    qualifier = row[f"{prefix}qualifier"]
    if qualifier is None:
        return None
    return QuantityValue(row[f"{prefix}value"], qualifier, row[f"{prefix}low"], row[f"{prefix}high"])


def span_columns(span: Span | None, prefix: str) -> dict[str, Any]:
    if span is None:
        return dict.fromkeys((f"{prefix}start", f"{prefix}end", f"{prefix}text"))
    return {f"{prefix}start": span.start, f"{prefix}end": span.end, f"{prefix}text": span.text}


def span_from(row: Row, prefix: str) -> Span | None:
    if row[f"{prefix}start"] is None:
        return None
    return Span(row[f"{prefix}start"], row[f"{prefix}end"], row[f"{prefix}text"])


# --- document -> rows ---------------------------------------------------------------


def document_rows(doc: Document, pipeline: Sequence[str], origin: str | None) -> DocumentRows:
    """Flatten ``doc`` into rows; `DocumentRows.stamp` completes them before insertion."""
    out = DocumentRows(document=_document_row(doc, pipeline, origin))
    out.sentences = [_sentence_row(doc, i, s) for i, s in enumerate(doc.sentences)]
    out.mentions = _mention_rows(doc)
    for index, event in enumerate(doc.events):
        key = child_key(doc.id, index)
        out.events.append(_event_row(key, event))
        out.event_mentions.append(_event_mention_row(doc.id, key, index, event) | {"day": day_of(event.time, doc.published)})
        out.event_arguments.extend(_argument_rows(doc.id, key, event))
    out.claims = [_claim_row(doc.id, i, c) | {"day": day_of(c.time, doc.published)} for i, c in enumerate(doc.claims)]
    return out


def day_of(time: TimeValue | None, published: date | None) -> str | None:
    """The day an event or claim is filed under (YYYY-MM-DD): its time when that is a day (a month or a
    year from its first day), else the document's publication date (weeks and vague times too)."""
    value = time.value if time is not None else None
    if value and time is not None:
        if time.precision == "day":
            return value[:10]
        if time.precision == "month":
            return f"{value[:7]}-01"
        if time.precision == "year":
            return f"{value[:4]}-01-01"
    return published.isoformat() if published is not None else None


def _document_row(doc: Document, pipeline: Sequence[str], origin: str | None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "seq": None,
        "url": doc.url,
        "content_hash": content_hash(doc.text),
        "lang": doc.lang,
        "title": doc.title,
        "published": doc.published,
        "source": doc.source,
        "text": doc.text,
        "ingested_at": None,
        "updated_at": None,
        "pipeline": json.dumps(list(pipeline), ensure_ascii=False),
        "origin": origin,
        "fingerprint": None,
    }


def _sentence_row(doc: Document, index: int, sentence: Sentence) -> dict[str, Any]:
    same = sentence.text == doc.text[sentence.start : sentence.end]
    return {
        "document_id": doc.id,
        "idx": index,
        "start": sentence.start,
        "end": sentence.end,
        "text": None if same else sentence.text,
    }


_MENTION_BLANK: dict[str, Any] = {}


def _mention_blank() -> dict[str, Any]:
    if not _MENTION_BLANK:
        _MENTION_BLANK.update(dict.fromkeys(column.name for column in schema.mentions.columns))
    return dict(_MENTION_BLANK)


def _mention_row(document_id: str, kind: str, index: int, span: Span, stage: str) -> dict[str, Any]:
    row = _mention_blank()
    row.update(document_id=document_id, kind=kind, idx=index, stage=stage)
    row.update(start=span.start, end=span.end, text=span.text)
    return row


def _mention_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for i, entity in enumerate(doc.entities):
        row = _mention_row(doc.id, "entity", i, entity, entity.stage)
        row.update(
            entity_id=entity.id, label=entity.label, canonical=entity.canonical,
            actor_type=entity.actor_type, affiliation=entity.affiliation,
        )
        rows.append(row)
    for i, place in enumerate(doc.places):
        rows.append(_mention_row(doc.id, "place", i, place, place.stage) | place_columns(place.place))
    for i, time in enumerate(doc.times):
        rows.append(_mention_row(doc.id, "time", i, time, time.stage) | time_columns(time.time))
    for i, quantity in enumerate(doc.quantities):
        row = _mention_row(doc.id, "quantity", i, quantity, quantity.stage)
        row.update(quantity_columns(quantity.quantity), what=quantity.what)
        rows.append(row | span_columns(quantity.what_span, "what_"))
    return rows


def _event_values(event: EventMention) -> dict[str, Any]:
    """The columns events and event_mentions share."""
    return {
        "type": event.type,
        "subtype": event.subtype,
        "modality": event.modality,
        **place_columns(event.place),
        **time_columns(event.time),
        **quantity_columns(event.fatalities, "fatalities_"),
        **quantity_columns(event.injured, "injured_"),
        "stage": event.stage,
    }


def _event_row(key: str, event: EventMention) -> dict[str, Any]:
    return {"id": key, **_event_values(event), "created_at": None}


def _event_mention_row(document_id: str, key: str, index: int, event: EventMention) -> dict[str, Any]:
    return {
        "id": key,
        "document_id": document_id,
        "idx": index,
        "local_id": event.id,
        "sentence": event.sentence,
        **span_columns(event.trigger, "trigger_"),
        **_event_values(event),
        "event_id": key,
    }


def _argument_values(event: EventMention) -> list[tuple[str, str]]:
    """(role, value) pairs: actors and targets, then the other slots as text."""
    pairs = [("actor", a) for a in event.actors] + [("target", t) for t in event.targets]
    if event.place is not None:
        pairs.append(("place", event.place.name))
    if event.time is not None and event.time.value is not None:
        pairs.append(("time", event.time.value))
    for role, quantity in (("fatalities", event.fatalities), ("injured", event.injured)):
        if quantity is not None and quantity.value is not None:
            pairs.append((role, _number_text(quantity.value)))
    return pairs


def _number_text(value: float) -> str:
    """12 -> '12', 12.0 -> '12', 2.5 -> '2.5' (the same text for a value and its stored float)."""
    number = float(value) + 0.0
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


def _argument_rows(document_id: str, key: str, event: EventMention) -> list[dict[str, Any]]:
    return [
        {
            "event_mention_id": key,
            "idx": index,
            "document_id": document_id,
            "role": role,
            "value": value,
            "start": None,
            "end": None,
            "stage": event.stage,
        }
        for index, (role, value) in enumerate(_argument_values(event))
    ]


_PLACE_FIELDS = tuple(f.name for f in fields(Place))


def _place_dict(place: Place) -> dict[str, Any]:
    return {name: getattr(place, name) for name in _PLACE_FIELDS}


def _claim_row(document_id: str, index: int, claim: Claim) -> dict[str, Any]:
    return {
        "id": child_key(document_id, index),
        "document_id": document_id,
        "idx": index,
        "local_id": claim.id,
        "sentence": claim.sentence,
        "what": claim.what,
        **quantity_columns(claim.quantity),
        "source": claim.source,
        "hedged": claim.hedged,
        **time_columns(claim.time),
        "places": [_place_dict(place) for place in claim.places],
        **span_columns(claim.span, "span_"),
        "related": list(claim.related),
        "stage": claim.stage,
    }


# --- rows -> document ---------------------------------------------------------------


@dataclass(slots=True)
class StoredRows:
    """One document's rows as read back, each list in its ``idx`` order."""

    document: Row
    sentences: list[Row]
    mentions: list[Row]
    event_mentions: list[Row]
    event_arguments: list[Row]
    claims: list[Row]


def document_from_rows(rows: StoredRows) -> Document:
    """Rebuild the typed document that `document_rows` flattened."""
    row = rows.document
    doc = Document(
        id=row["id"],
        text=row["text"],
        lang=row["lang"],
        title=row["title"],
        published=row["published"],
        source=row["source"],
        url=row["url"],
    )
    doc.sentences = [_sentence_from(doc.text, r) for r in rows.sentences]
    _add_mentions(doc, rows.mentions)
    arguments = _group_arguments(rows.event_arguments)
    doc.events = [_event_from(r, arguments.get(r["id"], [])) for r in rows.event_mentions]
    doc.claims = [_claim_from(r) for r in rows.claims]
    return doc


def _sentence_from(text: str, row: Row) -> Sentence:
    start, end = row["start"], row["end"]
    stored = row["text"]
    return Sentence(start, end, text[start:end] if stored is None else stored)


def _add_mentions(doc: Document, rows: Iterable[Row]) -> None:
    for row in rows:
        kind = row["kind"]
        if kind == "entity":
            doc.entities.append(_entity_from(row))
        elif kind == "place":
            doc.places.append(PlaceMention(row["start"], row["end"], row["text"], place_from(row), row["stage"]))
        elif kind == "time":
            doc.times.append(TimeMention(row["start"], row["end"], row["text"], time_from(row), row["stage"]))
        elif kind == "quantity":
            doc.quantities.append(_quantity_mention_from(row))


def _entity_from(row: Row) -> Entity:
    return Entity(
        row["start"],
        row["end"],
        row["text"],
        id=row["entity_id"],
        label=row["label"],
        canonical=row["canonical"],
        stage=row["stage"],
        actor_type=row["actor_type"],
        affiliation=row["affiliation"],
    )


def _quantity_mention_from(row: Row) -> QuantityMention:
    return QuantityMention(
        row["start"],
        row["end"],
        row["text"],
        quantity=quantity_from(row),
        what=row["what"],
        what_span=span_from(row, "what_"),
        stage=row["stage"],
    )


def _group_arguments(rows: Iterable[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row["event_mention_id"], []).append(row)
    return grouped


def _event_from(row: Row, arguments: list[Row]) -> EventMention:
    return EventMention(
        id=row["local_id"],
        type=row["type"],
        subtype=row["subtype"],
        sentence=row["sentence"],
        trigger=span_from(row, "trigger_") or Span(0, 0),
        modality=row["modality"],
        actors=[a["value"] for a in arguments if a["role"] == "actor"],
        targets=[a["value"] for a in arguments if a["role"] == "target"],
        place=place_from(row),
        time=time_from(row),
        fatalities=quantity_from(row, "fatalities_"),
        injured=quantity_from(row, "injured_"),
        stage=row["stage"],
    )


def _claim_from(row: Row) -> Claim:
    return Claim(
        id=row["local_id"],
        what=row["what"],
        quantity=quantity_from(row) or QuantityValue(None, "vague"),
        sentence=row["sentence"],
        span=span_from(row, "span_"),
        places=[Place(**place) for place in row["places"]],
        time=time_from(row),
        source=row["source"],
        hedged=bool(row["hedged"]),
        related=list(row["related"]),
        stage=row["stage"],
    )
