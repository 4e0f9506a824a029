"""The query layer's dataclasses as the API's JSON: the one place that decides the JSON form.

Dates become ``YYYY-MM-DD``, whole floats become integers (12.0 -> 12), nested
dataclasses become objects.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from ..store.queries import ClaimItem, EventItem, Page

EVENT_KEYS = (
    "id", "event_id", "document_id", "document_title", "published", "type", "subtype", "modality", "date",
    "time_precision", "place", "actors", "targets", "fatalities", "injured", "trigger", "sentence",
)


def to_json(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (dataclasses, lists, dicts, dates, numbers)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return str(value)


def event_json(item: EventItem) -> dict[str, Any]:
    """One event mention in the spec's key order."""
    return {key: to_json(getattr(item, key)) for key in EVENT_KEYS}


def claim_json(item: ClaimItem) -> dict[str, Any]:
    return to_json(item)


def page_json(page: Page, item_json: Any = to_json) -> dict[str, Any]:
    """``{"total", "limit", "offset", "items"}``."""
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": [item_json(i) for i in page.items]}
