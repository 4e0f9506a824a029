"""Query parameters: FastAPI dependencies that check them and build the query layer's filters.

The dependencies are ``async`` (they only parse): FastAPI would run plain functions in a
worker thread, one thread hop per dependency and request.

Bad values become a 400 ``bad_parameter`` error naming the parameter, never a 500.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from ..store.queries import EVENT_SORTS, BBox, ClaimFilter, DocumentFilter, EventFilter
from .errors import bad_parameter

MAX_LIMIT = 1000
EXPORT_CAP = 100_000
MAX_TEXT = 500
FORMATS = ("json", "csv", "geojson", "jsonl")
CLAIM_FORMATS = ("json", "csv", "jsonl")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE = re.compile(r"[A-Za-z]{2,3}")

TextParam = Annotated[str | None, Query(max_length=MAX_TEXT)]
ListParam = Annotated[list[str] | None, Query(description="repeat the parameter or separate values by commas")]


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


async def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page (1..1000)")] = 50,
    offset: Annotated[int, Query(ge=0, le=2**31, description="items to skip")] = 0,
) -> Paging:
    """``limit`` and ``offset`` of a list endpoint."""
    return Paging(limit, offset)


def parse_day(name: str, value: str | None) -> date | None:
    """A YYYY-MM-DD date, or None when not given."""
    if value is None or value == "":
        return None
    try:
        if not _DAY.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise bad_parameter(name, f"{name} must be a date YYYY-MM-DD", value) from None


def parse_bbox(value: str | None) -> BBox | None:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees."""
    if value is None or value == "":
        return None
    message = "bbox must be four numbers: min_lon,min_lat,max_lon,max_lat"
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise bad_parameter("bbox", message, value) from None
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise bad_parameter("bbox", message, value)
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise bad_parameter("bbox", "bbox: longitudes must lie in -180..180, latitudes in -90..90, min_lat <= max_lat", value)
    return BBox(min_lon, min_lat, max_lon, max_lat)


def split_values(name: str, values: list[str] | None) -> tuple[str, ...]:
    """Repeated and/or comma-separated values, blanks dropped."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    if len(out) > 100 or any(len(v) > MAX_TEXT for v in out):
        raise bad_parameter(name, f"{name}: at most 100 values of at most {MAX_TEXT} characters")
    return tuple(out)


def _countries(values: list[str] | None) -> tuple[str, ...]:
    codes = split_values("country", values)
    for code in codes:
        if not _CODE.fullmatch(code):
            raise bad_parameter("country", "country must be an ISO 3166 country code such as NL", code)
    return tuple(c.upper() for c in codes)


def place_country(value: str | None) -> str | None:
    """The ``country`` of ``/api/places``: one country code or nothing."""
    codes = _countries([value] if value else None)
    if len(codes) > 1:
        raise bad_parameter("country", "country takes one country code", value)
    return codes[0] if codes else None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _date_range(date_from: str | None, date_to: str | None) -> tuple[date | None, date | None]:
    start, end = parse_day("date_from", date_from), parse_day("date_to", date_to)
    if start and end and start > end:
        raise bad_parameter("date_to", "date_to must not be before date_from", date_to)
    return start, end


async def document_filter(
    q: TextParam = None,
    lang: TextParam = None,
    source: TextParam = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
) -> DocumentFilter:
    """Filters of ``GET /api/documents``."""
    start, end = _date_range(date_from, date_to)
    return DocumentFilter(q=_text(q), lang=_text(lang), source=_text(source), date_from=start, date_to=end)


async def event_filter(
    type: ListParam = None,
    subtype: ListParam = None,
    modality: ListParam = None,
    country: ListParam = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    actor: TextParam = None,
    document_id: Annotated[str | None, Query(max_length=2000)] = None,
) -> EventFilter:
    """Filters of ``GET /api/events`` and ``/api/events/timeline``."""
    start, end = _date_range(date_from, date_to)
    return EventFilter(
        types=split_values("type", type),
        subtypes=split_values("subtype", subtype),
        modalities=split_values("modality", modality),
        countries=_countries(country),
        bbox=parse_bbox(bbox),
        date_from=start,
        date_to=end,
        actor=_text(actor),
        document_id=_text(document_id),
    )


async def claim_filter(
    what: TextParam = None,
    place: TextParam = None,
    source: TextParam = None,
    document_id: Annotated[str | None, Query(max_length=2000)] = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
) -> ClaimFilter:
    """Filters of ``GET /api/claims`` and ``/api/claims/series``."""
    start, end = _date_range(date_from, date_to)
    return ClaimFilter(
        what=_text(what),
        place=_text(place),
        source=_text(source),
        document_id=_text(document_id),
        date_from=start,
        date_to=end,
    )


async def event_sort(
    sort: Annotated[str, Query(description="date, -date, fatalities or -fatalities")] = "-date",
) -> str:
    if sort not in EVENT_SORTS:
        raise bad_parameter("sort", "sort must be one of: " + ", ".join(EVENT_SORTS), sort)
    return sort


async def event_format(format: Annotated[str, Query(description="json, csv, geojson or jsonl")] = "json") -> str:
    if format not in FORMATS:
        raise bad_parameter("format", "format must be one of: " + ", ".join(FORMATS), format)
    return format


async def claim_format(format: Annotated[str, Query(description="json, csv or jsonl")] = "json") -> str:
    if format not in CLAIM_FORMATS:
        raise bad_parameter("format", "format must be one of: " + ", ".join(CLAIM_FORMATS), format)
    return format


@dataclass(frozen=True, slots=True)
class ExportPaging:
    """Paging of a list that can also be exported: ``limit`` may go up to 100,000 for exports."""

    limit: int | None
    offset: int

    def for_list(self) -> Paging:
        limit = 50 if self.limit is None else self.limit
        if limit > MAX_LIMIT:
            raise bad_parameter("limit", f"limit must lie in 1..{MAX_LIMIT} (up to {EXPORT_CAP} for exports)", limit)
        return Paging(limit, self.offset)

    def export_cap(self) -> int:
        """Exports return every match up to 100,000 unless ``limit`` is given."""
        return EXPORT_CAP if self.limit is None else self.limit


async def export_paging(
    limit: Annotated[int | None, Query(ge=1, le=EXPORT_CAP, description="items per page (1..1000; exports up to 100000)")] = None,
    offset: Annotated[int, Query(ge=0, le=2**31, description="items to skip")] = 0,
) -> ExportPaging:
    """``limit`` and ``offset`` of a list with exports."""
    return ExportPaging(limit, offset)
