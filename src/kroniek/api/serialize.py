"""The query layer's dataclasses as the API's JSON: the one place that decides the JSON form.

Dates become ``YYYY-MM-DD``, whole floats become integers (12.0 -> 12), nested
dataclasses become objects. ``dumps`` turns the result into UTF-8 bytes with orjson
(the standard library's ``json`` when orjson is missing): answers are cached as bytes,
so a repeated request costs no serialisation at all.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any

from ..store.queries import ClaimItem, EventItem, Page, PlaceRef, Quantity, Timeline

EVENT_KEYS = (
    "id", "event_id", "document_id", "document_title", "published", "type", "subtype", "modality", "date",
    "time_precision", "place", "actors", "targets", "fatalities", "injured", "trigger", "sentence",
)

try:  # optional speed-up: orjson is 10-50x faster than json and writes bytes directly
    import orjson

    _OPTIONS = orjson.OPT_NON_STR_KEYS

    def dumps(value: Any) -> bytes:
        """``value`` (JSON-ready) as compact UTF-8 JSON bytes."""
        return orjson.dumps(value, option=_OPTIONS)

except ImportError:  # pragma: no cover - orjson is a dependency; keep working without it

    def dumps(value: Any) -> bytes:
        """``value`` (JSON-ready) as compact UTF-8 JSON bytes."""
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def to_json(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (dataclasses, lists, dicts, dates, numbers)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {name: to_json(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return str(value)


def _number(value: Any) -> Any:
    """A whole float as an integer (12.0 -> 12), as `to_json` does."""
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _day(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _quantity_json(quantity: Quantity | None) -> dict[str, Any] | None:
    if quantity is None:
        return None
    return {"value": _number(quantity.value), "low": _number(quantity.low), "high": _number(quantity.high),
            "qualifier": quantity.qualifier}


def _place_json(place: PlaceRef | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "country_code": place.country_code, "lat": _number(place.lat),
            "lon": _number(place.lon), "geonames_id": _number(place.geonames_id), "precision": _number(place.precision)}


def event_json(item: EventItem) -> dict[str, Any]:
    """One event mention in the spec's key order (what `to_json` gives, written out: 50 items in ~0.3 ms)."""
    trigger, sentence = item.trigger, item.sentence
    return {
        "id": item.id, "event_id": item.event_id, "document_id": item.document_id,
        "document_title": item.document_title, "published": _day(item.published), "type": item.type,
        "subtype": item.subtype, "modality": item.modality, "date": _day(item.date),
        "time_precision": item.time_precision, "place": _place_json(item.place),
        "actors": list(item.actors), "targets": list(item.targets),
        "fatalities": _quantity_json(item.fatalities), "injured": _quantity_json(item.injured),
        "trigger": {"start": _number(trigger.start), "end": _number(trigger.end), "text": trigger.text},
        "sentence": {"index": _number(sentence.index), "start": _number(sentence.start),
                     "end": _number(sentence.end), "text": sentence.text},
    }


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """``{"weeks": [{"week", "counts"}], "types"}`` (what `to_json` gives, written out)."""
    weeks = [{"week": week.week.isoformat(), "counts": dict(week.counts)} for week in timeline.weeks]
    return {"weeks": weeks, "types": list(timeline.types)}


def claim_json(item: ClaimItem) -> dict[str, Any]:
    return to_json(item)


def page_json(page: Page, item_json: Any = to_json) -> dict[str, Any]:
    """``{"total", "limit", "offset", "items"}``."""
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": [item_json(i) for i in page.items]}
