"""Read queries over the chronicle for the HTTP API: filters, paging, sorting, counts and series.

Portable SQLAlchemy Core (SQLite and PostgreSQL). Full-text search uses the SQLite FTS5
table ``documents_fts`` where it exists, a case-insensitive LIKE elsewhere. Every public
function takes an open ``Connection`` and returns typed dataclasses; turning them into
JSON is the API's job.

Dates: an event's or claim's *day* is its time value when that is a day (a month or a
year counts from its first day), else the document's publication date (week and vague
times fall back to it too). Date filters and the timeline use that day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    String,
    and_,
    case,
    cast,
    column,
    func,
    literal,
    or_,
    select,
    table,
    text,
)

from . import schema

EventSort = Literal["date", "-date", "fatalities", "-fatalities"]
EVENT_SORTS: tuple[str, ...] = ("date", "-date", "fatalities", "-fatalities")
EXPORT_BATCH = 500

d, s, em, ea, cl, mn = (
    schema.documents,
    schema.sentences,
    schema.event_mentions,
    schema.event_arguments,
    schema.claims,
    schema.mentions,
)
_FTS = table(schema.FTS_TABLE, column("rowid"))


# --- filters --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BBox:
    """A longitude/latitude box; min_lon > max_lon means it crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    q: str | None = None
    lang: str | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
    types: tuple[str, ...] = ()
    subtypes: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    bbox: BBox | None = None
    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None
    document_id: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    what: str | None = None
    place: str | None = None
    source: str | None = None
    document_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list: the items and the number of all matches."""

    total: int
    limit: int
    offset: int
    items: list[Any]


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str | None


@dataclass(frozen=True, slots=True)
class SentenceRef:
    index: int
    start: int | None
    end: int | None
    text: str | None


@dataclass(frozen=True, slots=True)
class PlaceRef:
    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: int | None


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float | None
    low: float | None
    high: float | None
    qualifier: str


@dataclass(frozen=True, slots=True)
class TimeRef:
    value: str | None
    precision: str


@dataclass(frozen=True, slots=True)
class Overview:
    documents: int
    events: int


@dataclass(frozen=True, slots=True)
class DocumentItem:
    id: str
    title: str | None
    url: str | None
    lang: str
    published: date | None
    source: str | None
    events: int
    claims: int


@dataclass(slots=True)
class EventItem:
    id: str
    event_id: str | None
    document_id: str
    document_title: str | None
    published: date | None
    type: str
    subtype: str
    modality: str
    date: str | None
    time_precision: str | None
    place: PlaceRef | None
    fatalities: Quantity | None
    injured: Quantity | None
    trigger: TextSpan
    sentence: SentenceRef
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClaimItem:
    id: str
    document_id: str
    document_title: str | None
    published: date | None
    what: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    source: str | None
    hedged: bool
    time: TimeRef | None
    places: list[str]
    span: TextSpan | None
    sentence: SentenceRef
    related: list[str]


@dataclass(frozen=True, slots=True)
class TimelineWeek:
    week: date
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class Timeline:
    weeks: list[TimelineWeek]
    types: list[str]


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    date: date
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    source: str | None
    claim_id: str
    document_id: str


@dataclass(frozen=True, slots=True)
class ActorItem:
    name: str
    actor_type: str | None
    mentions: int
    documents: int
    events: int


@dataclass(frozen=True, slots=True)
class PlaceItem:
    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    mentions: int
    events: int


# --- shared expressions ---------------------------------------------------------------------------


def _contains(expr: Any, needle: str) -> Any:
    """Case-insensitive substring match, LIKE wildcards in ``needle`` taken literally."""
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", needle) + "%"
    return expr.ilike(pattern, escape="\\")


def _day_expr(table_: Any) -> Any:
    """The day (YYYY-MM-DD text) of an event or claim row (stored at save time: `rows.day_of`)."""
    return table_.c.day


def _date_conditions(day: Any, date_from: date | None, date_to: date | None) -> list[Any]:
    conditions = []
    if date_from is not None:
        conditions.append(day >= date_from.isoformat())
    if date_to is not None:
        conditions.append(day < (date_to + timedelta(days=1)).isoformat())
    return conditions


def _sentence_join(child: Any) -> Any:
    return and_(s.c.document_id == child.c.document_id, s.c.idx == child.c.sentence)


def _sentence_text() -> Any:
    """The stored sentence text, else the document's characters (1-based SQL substr)."""
    return func.coalesce(s.c.text, func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start))


def _count(conn: Connection, query: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def overview(conn: Connection) -> Overview:
    """Numbers of documents and event mentions."""
    documents = conn.execute(select(func.count()).select_from(d)).scalar_one()
    events = conn.execute(select(func.count()).select_from(em)).scalar_one()
    return Overview(int(documents), int(events))


# --- documents ------------------------------------------------------------------------------------


def _search_terms(q: str | None) -> list[str]:
    return [t for t in (q or "").split() if re.search(r"\w", t)]


def _document_query(filt: DocumentFilter, full_text: bool) -> tuple[Any, Any] | None:
    """(select of document ids, order) for the filter; None when ``q`` cannot match anything."""
    query = select(d.c.id)
    order: list[Any] = [d.c.published.desc().nulls_last(), d.c.seq.desc()]
    terms = _search_terms(filt.q)
    if filt.q is not None and filt.q.strip() and not terms:
        return None
    if terms and full_text:
        phrase = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
        query = query.select_from(d.join(_FTS, _FTS.c.rowid == d.c.seq))
        query = query.where(text(f"{schema.FTS_TABLE} MATCH :phrase").bindparams(phrase=phrase))
        order = [text(f"{schema.FTS_TABLE}.rank"), d.c.seq]
    elif terms:
        query = query.where(*[or_(_contains(d.c.title, t), _contains(d.c.text, t)) for t in terms])
    if filt.lang:
        query = query.where(d.c.lang == filt.lang)
    if filt.source:
        query = query.where(_contains(d.c.source, filt.source))
    if filt.date_from:
        query = query.where(d.c.published >= filt.date_from)
    if filt.date_to:
        query = query.where(d.c.published <= filt.date_to)
    return query, order


def list_documents(conn: Connection, filt: DocumentFilter, limit: int, offset: int, full_text: bool) -> Page:
    """Documents matching ``filt``: best match first when searching, else newest first."""
    built = _document_query(filt, full_text)
    if built is None:
        return Page(0, limit, offset, [])
    query, order = built
    total = _count(conn, query)
    ids = list(conn.execute(query.order_by(*order).limit(limit).offset(offset)).scalars())
    return Page(total, limit, offset, _document_items(conn, ids))


def _per_document(conn: Connection, target: Any, ids: list[str]) -> dict[str, int]:
    query = select(target.c.document_id, func.count()).where(target.c.document_id.in_(ids))
    return {key: int(n) for key, n in conn.execute(query.group_by(target.c.document_id))}


def _document_items(conn: Connection, ids: list[str]) -> list[DocumentItem]:
    if not ids:
        return []
    columns = (d.c.id, d.c.title, d.c.url, d.c.lang, d.c.published, d.c.source)
    rows = {row.id: row for row in conn.execute(select(*columns).where(d.c.id.in_(ids)))}
    events, claims = _per_document(conn, em, ids), _per_document(conn, cl, ids)
    return [
        DocumentItem(**rows[i]._mapping, events=events.get(i, 0), claims=claims.get(i, 0)) for i in ids if i in rows
    ]


def document_exists(conn: Connection, doc_id: str) -> bool:
    query = select(d.c.id).where(or_(d.c.id == doc_id, d.c.url == doc_id)).limit(1)
    return conn.execute(query).first() is not None


# --- events ---------------------------------------------------------------------------------------


def _bbox_conditions(box: BBox) -> list[Any]:
    lat = em.c.lat.between(box.min_lat, box.max_lat)
    if box.min_lon <= box.max_lon:
        return [em.c.lon.between(box.min_lon, box.max_lon), lat]
    return [or_(em.c.lon >= box.min_lon, em.c.lon <= box.max_lon), lat]


def _actor_condition(actor: str) -> Any:
    named = select(ea.c.event_mention_id).where(ea.c.role == "actor", ea.c.value == actor)
    return em.c.id.in_(named)


def _event_conditions(filt: EventFilter) -> list[Any]:
    conditions: list[Any] = []
    for values, col in ((filt.types, em.c.type), (filt.subtypes, em.c.subtype), (filt.modalities, em.c.modality)):
        if values:
            conditions.append(col.in_(values))
    if filt.countries:
        conditions.append(em.c.country_code.in_([c.upper() for c in filt.countries]))
    if filt.bbox is not None:
        conditions.extend(_bbox_conditions(filt.bbox))
    if filt.actor:
        conditions.append(_actor_condition(filt.actor))
    if filt.document_id:
        conditions.append(em.c.document_id == filt.document_id)
    return conditions + _date_conditions(_day_expr(em), filt.date_from, filt.date_to)


def _event_order(sort: str) -> list[Any]:
    key = _day_expr(em) if sort.endswith("date") else em.c.fatalities_value
    ordered = key.desc() if sort.startswith("-") else key.asc()
    return [ordered.nulls_last(), em.c.id]


def _event_base(filt: EventFilter) -> Any:
    return select(em.c.id).where(*_event_conditions(filt))


def count_events(conn: Connection, filt: EventFilter) -> int:
    return _count(conn, _event_base(filt))


def _event_ids(conn: Connection, filt: EventFilter, sort: str, limit: int, offset: int) -> list[str]:
    query = _event_base(filt).order_by(*_event_order(sort)).limit(limit).offset(offset)
    return list(conn.execute(query).scalars())


def list_events(conn: Connection, filt: EventFilter, sort: str, limit: int, offset: int) -> Page:
    """One page of event mentions (with actors and targets) matching ``filt``, sorted by ``sort``."""
    ids = _event_ids(conn, filt, sort, limit, offset)
    return Page(count_events(conn, filt), limit, offset, event_items(conn, ids))


def iter_events(conn: Connection, filt: EventFilter, sort: str, cap: int, offset: int = 0) -> Iterator[EventItem]:
    """Every matching event mention (at most ``cap``), fetched in batches for streaming exports."""
    ids = _event_ids(conn, filt, sort, cap, offset)
    for start in range(0, len(ids), EXPORT_BATCH):
        yield from event_items(conn, ids[start : start + EXPORT_BATCH])


def _event_detail_query(ids: Sequence[str]) -> Any:
    source = em.join(d, d.c.id == em.c.document_id).outerjoin(s, _sentence_join(em))
    return (
        select(em, d.c.title.label("document_title"), d.c.published.label("published"))
        .add_columns(s.c.start.label("s_start"), s.c.end.label("s_end"), _sentence_text().label("s_text"))
        .select_from(source)
        .where(em.c.id.in_(ids))
    )


def event_items(conn: Connection, ids: Sequence[str]) -> list[EventItem]:
    """The event mentions with these ids, in this order."""
    if not ids:
        return []
    rows = {row.id: row for row in conn.execute(_event_detail_query(ids))}
    items = {key: _event_item(row._mapping) for key, row in rows.items()}
    arguments = select(ea.c.event_mention_id, ea.c.role, ea.c.value).where(
        ea.c.event_mention_id.in_(list(items)), ea.c.role.in_(("actor", "target"))
    )
    for key, role, value in conn.execute(arguments.order_by(ea.c.event_mention_id, ea.c.idx)):
        (items[key].actors if role == "actor" else items[key].targets).append(value)
    return [items[i] for i in ids if i in items]


def _quantity(row: Any, prefix: str = "") -> Quantity | None:
    qualifier = row[f"{prefix}qualifier"]
    if qualifier is None:
        return None
    return Quantity(row[f"{prefix}value"], row[f"{prefix}low"], row[f"{prefix}high"], qualifier)


def _place(row: Any) -> PlaceRef | None:
    if row["place_name"] is None:
        return None
    return PlaceRef(
        row["place_name"], row["country_code"], row["lat"], row["lon"], row["geonames_id"], row["place_precision"]
    )


def _event_item(row: Any) -> EventItem:
    return EventItem(
        id=row["id"],
        event_id=row["event_id"],
        document_id=row["document_id"],
        document_title=row["document_title"],
        published=row["published"],
        type=row["type"],
        subtype=row["subtype"],
        modality=row["modality"],
        date=row["time_value"],
        time_precision=row["time_precision"],
        place=_place(row),
        fatalities=_quantity(row, "fatalities_"),
        injured=_quantity(row, "injured_"),
        trigger=TextSpan(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        sentence=SentenceRef(row["sentence"], row["s_start"], row["s_end"], row["s_text"]),
    )


def _monday(day: str | None) -> date | None:
    try:
        parsed = date.fromisoformat(day) if day else None
    except ValueError:
        return None
    return None if parsed is None else parsed - timedelta(days=parsed.weekday())


def timeline(conn: Connection, filt: EventFilter) -> Timeline:
    """Event mentions per week (Monday) and type, by event day (else published)."""
    day = _day_expr(em).label("day")
    query = select(day, em.c.type, func.count()).where(*_event_conditions(filt))
    weeks: dict[date, dict[str, int]] = {}
    types: dict[str, int] = {}
    for value, kind, n in conn.execute(query.group_by(day, em.c.type)):
        monday = _monday(value)
        if monday is not None:
            counts = weeks.setdefault(monday, {})
            counts[kind] = counts.get(kind, 0) + int(n)
            types[kind] = types.get(kind, 0) + int(n)
    ordered_types = sorted(types, key=lambda k: (-types[k], k))
    return Timeline([TimelineWeek(w, weeks[w]) for w in sorted(weeks)], ordered_types)


# --- claims ---------------------------------------------------------------------------------------


def _place_match(dialect: str, needle: str) -> Any:
    """A claim with a place whose name contains ``needle`` (JSON array of place objects)."""
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", needle.lower()) + "%"
    if dialect == "postgresql":
        sql = (
            "EXISTS (SELECT 1 FROM json_array_elements(claims.places) AS p "
            "WHERE lower(p->>'name') LIKE :place_pattern ESCAPE '\\')"
        )
    else:
        sql = (
            "EXISTS (SELECT 1 FROM json_each(claims.places) AS p "
            "WHERE lower(json_extract(p.value, '$.name')) LIKE :place_pattern ESCAPE '\\')"
        )
    return text(sql).bindparams(place_pattern=pattern)


def _claim_conditions(filt: ClaimFilter, dialect: str) -> list[Any]:
    conditions: list[Any] = []
    if filt.what:
        conditions.append(_contains(cl.c.what, filt.what))
    if filt.source:
        conditions.append(_contains(cl.c.source, filt.source))
    if filt.place:
        conditions.append(_place_match(dialect, filt.place))
    if filt.document_id:
        conditions.append(cl.c.document_id == filt.document_id)
    return conditions + _date_conditions(_day_expr(cl), filt.date_from, filt.date_to)


def _claim_base(filt: ClaimFilter, dialect: str) -> Any:
    return select(cl.c.id).where(*_claim_conditions(filt, dialect))


def _claim_order() -> list[Any]:
    return [_day_expr(cl).desc().nulls_last(), cl.c.id]


def list_claims(conn: Connection, filt: ClaimFilter, limit: int, offset: int) -> Page:
    """One page of claims matching ``filt``, newest first (by their day)."""
    base = _claim_base(filt, conn.dialect.name)
    ids = list(conn.execute(base.order_by(*_claim_order()).limit(limit).offset(offset)).scalars())
    return Page(_count(conn, base), limit, offset, claim_items(conn, ids))


def iter_claims(conn: Connection, filt: ClaimFilter, cap: int, offset: int = 0) -> Iterator[ClaimItem]:
    """Every matching claim (at most ``cap``), in batches, for exports."""
    base = _claim_base(filt, conn.dialect.name)
    ids = list(conn.execute(base.order_by(*_claim_order()).limit(cap).offset(offset)).scalars())
    for start in range(0, len(ids), EXPORT_BATCH):
        yield from claim_items(conn, ids[start : start + EXPORT_BATCH])


def claim_items(conn: Connection, ids: Sequence[str]) -> list[ClaimItem]:
    """The claims with these ids, in this order."""
    if not ids:
        return []
    source = cl.join(d, d.c.id == cl.c.document_id).outerjoin(s, _sentence_join(cl))
    query = (
        select(cl, d.c.title.label("document_title"), d.c.published.label("published"))
        .add_columns(s.c.start.label("s_start"), s.c.end.label("s_end"), _sentence_text().label("s_text"))
        .select_from(source)
        .where(cl.c.id.in_(ids))
    )
    rows = {row.id: _claim_item(row._mapping) for row in conn.execute(query)}
    return [rows[i] for i in ids if i in rows]


def _claim_item(row: Any) -> ClaimItem:
    precision = row["time_precision"]
    span = None if row["span_start"] is None else TextSpan(row["span_start"], row["span_end"], row["span_text"])
    return ClaimItem(
        id=row["id"],
        document_id=row["document_id"],
        document_title=row["document_title"],
        published=row["published"],
        what=row["what"],
        value=row["value"],
        low=row["low"],
        high=row["high"],
        qualifier=row["qualifier"],
        source=row["source"],
        hedged=bool(row["hedged"]),
        time=None if precision is None else TimeRef(row["time_value"], precision),
        places=[p.get("name") for p in row["places"] or [] if isinstance(p, dict) and p.get("name")],
        span=span,
        sentence=SentenceRef(row["sentence"], row["s_start"], row["s_end"], row["s_text"]),
        related=list(row["related"] or []),
    )


def claim_series(conn: Connection, filt: ClaimFilter, cap: int = 5000) -> list[SeriesPoint]:
    """Claims matching ``filt`` as points in time (claim day, else published), oldest first."""
    day = _day_expr(cl).label("day")
    columns = (day, cl.c.value, cl.c.low, cl.c.high, cl.c.qualifier, cl.c.source, cl.c.id, cl.c.document_id)
    query = select(*columns).where(*_claim_conditions(filt, conn.dialect.name), day.isnot(None))
    points = []
    for row in conn.execute(query.order_by(day, cl.c.id).limit(cap)):
        parsed = _iso_day(row.day)
        if parsed is not None:
            points.append(SeriesPoint(parsed, *row[1:]))
    return points


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- actors and places ----------------------------------------------------------------------------


def list_actors(conn: Connection, q: str | None, limit: int, offset: int) -> Page:
    """Named entities with a canonical name (actors), most mentioned first."""
    conditions = [mn.c.kind == "entity", mn.c.canonical.isnot(None), mn.c.label.in_(("ORG", "PER"))]
    if q:
        conditions.append(_contains(mn.c.canonical, q))
    grouped = (
        select(
            mn.c.canonical.label("name"),
            func.max(mn.c.actor_type).label("actor_type"),
            func.count().label("mentions"),
            func.count(func.distinct(mn.c.document_id)).label("documents"),
        )
        .where(*conditions)
        .group_by(mn.c.canonical)
    )
    every = conn.execute(grouped.order_by(func.count().desc(), mn.c.canonical)).all()
    page = every[offset : offset + limit]
    events = _actor_events(conn, [row.name for row in page])
    items = [ActorItem(**row._mapping, events=events.get(row.name, 0)) for row in page]
    return Page(len(every), limit, offset, items)


def _actor_events(conn: Connection, names: list[str]) -> dict[str, int]:
    if not names:
        return {}
    query = select(ea.c.value, func.count(func.distinct(ea.c.event_mention_id)))
    query = query.where(ea.c.role == "actor", ea.c.value.in_(names)).group_by(ea.c.value)
    return {name: int(n) for name, n in conn.execute(query)}


def list_places(conn: Connection, q: str | None, country: str | None, limit: int, offset: int) -> Page:
    """Resolved places mentioned in documents, most mentioned first."""
    conditions = [mn.c.kind == "place", mn.c.place_name.isnot(None)]
    if q:
        conditions.append(_contains(mn.c.place_name, q))
    if country:
        conditions.append(mn.c.country_code == country.upper())
    keys = (mn.c.place_name, mn.c.country_code)
    grouped = select(
        mn.c.place_name.label("name"),
        mn.c.country_code,
        func.max(mn.c.lat).label("lat"),
        func.max(mn.c.lon).label("lon"),
        func.max(mn.c.geonames_id).label("geonames_id"),
        func.count().label("mentions"),
    ).where(*conditions)
    ordered = grouped.group_by(*keys).order_by(func.count().desc(), mn.c.place_name, mn.c.country_code)
    every = conn.execute(ordered).all()
    page = every[offset : offset + limit]
    events = _place_events(conn, [row.name for row in page])
    items = [PlaceItem(**row._mapping, events=events.get((row.name, row.country_code), 0)) for row in page]
    return Page(len(every), limit, offset, items)


def _place_events(conn: Connection, names: list[str]) -> dict[tuple[str, str | None], int]:
    if not names:
        return {}
    query = select(em.c.place_name, em.c.country_code, func.count()).where(em.c.place_name.in_(names))
    rows = conn.execute(query.group_by(em.c.place_name, em.c.country_code))
    return {(name, country): int(n) for name, country, n in rows}


__all__ = [
    "EVENT_SORTS",
    "ActorItem",
    "BBox",
    "ClaimFilter",
    "ClaimItem",
    "DocumentFilter",
    "DocumentItem",
    "EventFilter",
    "EventItem",
    "Overview",
    "Page",
    "PlaceItem",
    "SeriesPoint",
    "Timeline",
    "claim_series",
    "count_events",
    "document_exists",
    "event_items",
    "iter_claims",
    "iter_events",
    "list_actors",
    "list_claims",
    "list_documents",
    "list_events",
    "list_places",
    "overview",
    "timeline",
]
