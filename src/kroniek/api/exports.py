"""Streamed exports of events and claims: CSV (ACLED column names where they apply), GeoJSON, JSON Lines.

Each exporter takes an iterator of items from the query layer and yields text chunks, so a
100,000-row export never sits in memory whole.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from ..store.queries import ClaimItem, EventItem
from .serialize import claim_json, event_json, to_json

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}
EVENT_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "modality", "fatalities_qualifier", "document_id", "event_mention_id",
)
CLAIM_COLUMNS = (
    "claim_id", "document_id", "document_title", "published", "what", "value", "low", "high", "qualifier",
    "source", "hedged", "time_value", "time_precision", "places", "span_text", "sentence",
)
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "vague": 3}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ROWS_PER_CHUNK = 200


def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    value = to_json(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for n, row in enumerate(rows, start=1):
        writer.writerow([_cell(row.get(c)) for c in columns])
        if n % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _event_day(item: EventItem) -> date | None:
    """The event's day for ACLED's event_date: a day value, a month/year's first day, else published."""
    value, precision = item.date, item.time_precision
    try:
        if value and precision == "day":
            return date.fromisoformat(value[:10])
        if value and precision == "month":
            return date.fromisoformat(value[:7] + "-01")
        if value and precision == "year":
            return date.fromisoformat(value[:4] + "-01-01")
    except ValueError:
        pass
    return item.published


def _label(name: str) -> str:
    """violence_against_civilians -> Violence against civilians."""
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def event_row(item: EventItem) -> dict[str, Any]:
    """One event mention as an ACLED-style CSV row."""
    day = _event_day(item)
    place = item.place
    second = item.targets[:1] or item.actors[1:2]
    return {
        "event_id_cnty": item.event_id or item.id,
        "event_date": day,
        "year": day.year if day else None,
        "time_precision": ACLED_TIME_PRECISION.get(item.time_precision or "", 3),
        "event_type": _label(item.type),
        "sub_event_type": _label(item.subtype),
        "actor1": item.actors[0] if item.actors else None,
        "actor2": second[0] if second else None,
        "country": place.country_code if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "source": item.document_title,
        "notes": item.sentence.text,
        "fatalities": item.fatalities.value if item.fatalities else None,
        "modality": item.modality,
        "fatalities_qualifier": item.fatalities.qualifier if item.fatalities else None,
        "document_id": item.document_id,
        "event_mention_id": item.id,
    }


def claim_row(item: ClaimItem) -> dict[str, Any]:
    """One claim as a CSV row."""
    return {
        "claim_id": item.id,
        "document_id": item.document_id,
        "document_title": item.document_title,
        "published": item.published,
        "what": item.what,
        "value": item.value,
        "low": item.low,
        "high": item.high,
        "qualifier": item.qualifier,
        "source": item.source,
        "hedged": "true" if item.hedged else "false",
        "time_value": item.time.value if item.time else None,
        "time_precision": item.time.precision if item.time else None,
        "places": "; ".join(item.places),
        "span_text": item.span.text if item.span else None,
        "sentence": item.sentence.text,
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def jsonl(items: Iterable[Any], item_json: Callable[[Any], Any]) -> Iterator[str]:
    """One compact JSON object per line."""
    lines: list[str] = []
    for item in items:
        lines.append(_dumps(item_json(item)) + "\n")
        if len(lines) >= ROWS_PER_CHUNK:
            yield "".join(lines)
            lines = []
    yield "".join(lines)


def _feature(item: EventItem) -> dict[str, Any] | None:
    place = item.place
    if place is None or place.lat is None or place.lon is None:
        return None
    properties = {k: v for k, v in event_json(item).items() if k != "place"}
    geometry = {"type": "Point", "coordinates": [to_json(place.lon), to_json(place.lat)]}
    return {"type": "Feature", "id": item.id, "geometry": geometry, "properties": properties}


def geojson(items: Iterable[EventItem]) -> Iterator[str]:
    """A FeatureCollection of Points; events without coordinates are left out."""
    yield '{"type":"FeatureCollection","features":['
    first = True
    for item in items:
        feature = _feature(item)
        if feature is not None:
            yield ("" if first else ",") + _dumps(feature)
            first = False
    yield "]}\n"


def events_export(items: Iterable[EventItem], fmt: str) -> Iterator[str]:
    """Chunks of an events export in ``fmt`` (csv, geojson or jsonl)."""
    if fmt == "csv":
        return _csv(EVENT_COLUMNS, (event_row(i) for i in items))
    if fmt == "geojson":
        return geojson(items)
    return jsonl(items, event_json)


def claims_export(items: Iterable[ClaimItem], fmt: str) -> Iterator[str]:
    """Chunks of a claims export in ``fmt`` (csv or jsonl)."""
    if fmt == "csv":
        return _csv(CLAIM_COLUMNS, (claim_row(i) for i in items))
    return jsonl(items, claim_json)
