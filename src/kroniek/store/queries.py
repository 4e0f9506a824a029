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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    column,
    func,
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
    """The words of a search; NUL characters dropped (FTS5 reads them as the end of a string)."""
    return [t for t in (q or "").replace("\x00", "").split() if re.search(r"\w", t)]


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


def count_documents(conn: Connection, filt: DocumentFilter, full_text: bool) -> int:
    """The number of documents matching ``filt``."""
    built = _document_query(filt, full_text)
    return 0 if built is None else _count(conn, built[0])


def list_documents(
    conn: Connection, filt: DocumentFilter, limit: int, offset: int, full_text: bool, total: int | None = None
) -> Page:
    """Documents matching ``filt``: best match first when searching, else newest first.

    ``total``: the number of matches when the caller knows it (it is counted otherwise).
    """
    built = _document_query(filt, full_text)
    if built is None:
        return Page(0, limit, offset, [])
    query, order = built
    total = _count(conn, query) if total is None else total
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


FREQUENT_ACTOR = 1000  # an actor with more event mentions is filtered row by row along the sort order


def _actor_condition(actor: str, frequent: bool = False) -> Any:
    """Events with ``actor``: for a frequent actor a correlated test, so that a sorted page stops after
    its rows (the index on the sort key is scanned); else the (small) set of its event mentions."""
    if frequent:
        named = select(ea.c.event_mention_id).where(
            ea.c.event_mention_id == em.c.id, ea.c.role == "actor", ea.c.value == actor
        )
        return named.exists()
    named = select(ea.c.event_mention_id).where(ea.c.role == "actor", ea.c.value == actor)
    return em.c.id.in_(named)


def _event_conditions(filt: EventFilter, frequent_actor: bool = False) -> list[Any]:
    conditions: list[Any] = []
    for values, col in ((filt.types, em.c.type), (filt.subtypes, em.c.subtype), (filt.modalities, em.c.modality)):
        if values:
            conditions.append(col.in_(values))
    if filt.countries:
        conditions.append(em.c.country_code.in_([c.upper() for c in filt.countries]))
    if filt.bbox is not None:
        conditions.extend(_bbox_conditions(filt.bbox))
    if filt.actor:
        conditions.append(_actor_condition(filt.actor, frequent_actor))
    if filt.document_id:
        conditions.append(em.c.document_id == filt.document_id)
    return conditions + _date_conditions(_day_expr(em), filt.date_from, filt.date_to)


def _event_order(sort: str) -> list[Any]:
    key = _day_expr(em) if sort.endswith("date") else em.c.fatalities_value
    descending = sort.startswith("-")
    ordered = key.desc() if descending else key.asc()
    tie = em.c.id.desc() if descending else em.c.id.asc()  # the same direction: one index scan, no sort
    return [ordered.nulls_last(), tie]


def _event_base(filt: EventFilter, frequent_actor: bool = False) -> Any:
    return select(em.c.id).where(*_event_conditions(filt, frequent_actor))


def count_events(conn: Connection, filt: EventFilter) -> int:
    return _count(conn, _event_base(filt))


def event_ids(conn: Connection, filt: EventFilter, sort: str, limit: int, offset: int, total: int | None = None) -> list[str]:
    """The ids of one page of event mentions matching ``filt``, sorted by ``sort`` (``total``: the
    number of matches, when known, picks the faster plan for an actor filter)."""
    return _event_ids(conn, filt, sort, limit, offset, total)


def _event_ids(conn: Connection, filt: EventFilter, sort: str, limit: int, offset: int, total: int | None = None) -> list[str]:
    frequent = total is not None and total > FREQUENT_ACTOR
    query = _event_base(filt, frequent).order_by(*_event_order(sort)).limit(limit).offset(offset)
    return list(conn.execute(query).scalars())


def list_events(
    conn: Connection, filt: EventFilter, sort: str, limit: int, offset: int, total: int | None = None
) -> Page:
    """One page of event mentions (with actors and targets) matching ``filt``, sorted by ``sort``.

    ``total``: the number of matches when the caller knows it (it is counted otherwise).
    """
    ids = _event_ids(conn, filt, sort, limit, offset, total)
    total = count_events(conn, filt) if total is None else total
    return Page(total, limit, offset, event_items(conn, ids))


def iter_events(conn: Connection, filt: EventFilter, sort: str, cap: int, offset: int = 0) -> Iterator[EventItem]:
    """Every matching event mention (at most ``cap``), fetched in batches for streaming exports."""
    ids = _event_ids(conn, filt, sort, cap, offset)
    for start in range(0, len(ids), EXPORT_BATCH):
        yield from event_items(conn, ids[start : start + EXPORT_BATCH])


_EVENT_COLUMNS = (
    "id", "event_id", "document_id", "type", "subtype", "modality", "time_value", "time_precision", "place_name",
    "country_code", "lat", "lon", "geonames_id", "place_precision", "fatalities_value", "fatalities_low",
    "fatalities_high", "fatalities_qualifier", "injured_value", "injured_low", "injured_high", "injured_qualifier",
    "trigger_start", "trigger_end", "trigger_text", "sentence",
)


@lru_cache(maxsize=1)
def _event_detail_query() -> Any:
    """The columns of the event mentions whose ids are bound to ``ids`` (built once; a list binds at run time)."""
    source = em.join(d, d.c.id == em.c.document_id).outerjoin(s, _sentence_join(em))
    return (
        select(*(em.c[name] for name in _EVENT_COLUMNS))
        .add_columns(d.c.title.label("document_title"), d.c.published.label("published"))
        .add_columns(s.c.start.label("s_start"), s.c.end.label("s_end"), _sentence_text().label("s_text"))
        .select_from(source)
        .where(em.c.id.in_(bindparam("ids", expanding=True)))
    )


@lru_cache(maxsize=1)
def _event_arguments_query() -> Any:
    """Actors and targets of the event mentions bound to ``ids``, in order."""
    query = select(ea.c.event_mention_id, ea.c.role, ea.c.value).where(
        ea.c.event_mention_id.in_(bindparam("ids", expanding=True)), ea.c.role.in_(("actor", "target"))
    )
    return query.order_by(ea.c.event_mention_id, ea.c.idx)


def event_items(conn: Connection, ids: Sequence[str]) -> list[EventItem]:
    """The event mentions with these ids, in this order."""
    if not ids:
        return []
    rows = conn.execute(_event_detail_query(), {"ids": list(ids)}).mappings()
    items = {row["id"]: _event_item(row) for row in rows}
    for key, role, value in conn.execute(_event_arguments_query(), {"ids": list(items)}):
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


@lru_cache(maxsize=65536)
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
    return _timeline_of(conn.execute(query.group_by(day, em.c.type)))


def _timeline_of(rows: Iterable[tuple[Any, str, Any]]) -> Timeline:
    """The timeline of ``(day, type, count)`` rows."""
    weeks: dict[date, dict[str, int]] = {}
    types: dict[str, int] = {}
    for value, kind, n in rows:
        monday = _monday(value)
        if monday is not None:
            counts = weeks.setdefault(monday, {})
            counts[kind] = counts.get(kind, 0) + int(n)
            types[kind] = types.get(kind, 0) + int(n)
    ordered_types = sorted(types, key=lambda k: (-types[k], k))
    return Timeline([TimelineWeek(w, weeks[w]) for w in sorted(weeks)], ordered_types)


@dataclass(frozen=True, slots=True)
class TimelineCube:
    """Event mentions counted per country, day and type: the timelines of type, country and date
    filters without a query (one query per chronicle version instead of one per filter)."""

    cells: dict[str | None, list[tuple[str | None, str, int]]]  # country code -> (day, type, count)


TIMELINE_CUBE_MAX_CELLS = 500_000


def timeline_cube(conn: Connection, max_cells: int = TIMELINE_CUBE_MAX_CELLS) -> TimelineCube | None:
    """The counts per (country, day, type); None when there are more than ``max_cells`` of them."""
    keys = (em.c.country_code, _day_expr(em), em.c.type)
    query = select(*keys, func.count()).group_by(*keys).limit(max_cells + 1)
    cells: dict[str | None, list[tuple[str | None, str, int]]] = {}
    n_cells = 0
    for country, day, kind, n in conn.execute(query):
        cells.setdefault(country, []).append((day, kind, int(n)))
        n_cells += 1
    return None if n_cells > max_cells else TimelineCube(cells)


def cube_answers(filt: EventFilter) -> bool:
    """Whether `timeline_from_cube` can answer ``filt`` (types, countries and dates only)."""
    return not (filt.subtypes or filt.modalities or filt.bbox or filt.actor or filt.document_id)


def timeline_from_cube(cube: TimelineCube, filt: EventFilter) -> Timeline:
    """What `timeline` answers for ``filt`` (see `cube_answers`), from the cube."""
    countries = [c.upper() for c in filt.countries] if filt.countries else list(cube.cells)
    types = set(filt.types)
    low = filt.date_from.isoformat() if filt.date_from else None
    high = (filt.date_to + timedelta(days=1)).isoformat() if filt.date_to else None

    def rows() -> Iterator[tuple[str | None, str, int]]:
        for country in dict.fromkeys(countries):
            for day, kind, n in cube.cells.get(country, ()):
                if types and kind not in types:
                    continue
                if (low is not None or high is not None) and (
                    day is None or (low is not None and day < low) or (high is not None and day >= high)
                ):
                    continue
                yield day, kind, n

    return _timeline_of(rows())


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


def count_claims(conn: Connection, filt: ClaimFilter) -> int:
    """The number of claims matching ``filt``."""
    return _count(conn, _claim_base(filt, conn.dialect.name))


def list_claims(conn: Connection, filt: ClaimFilter, limit: int, offset: int, total: int | None = None) -> Page:
    """One page of claims matching ``filt``, newest first (by their day); ``total`` as in `list_events`."""
    base = _claim_base(filt, conn.dialect.name)
    ids = list(conn.execute(base.order_by(*_claim_order()).limit(limit).offset(offset)).scalars())
    return Page(_count(conn, base) if total is None else total, limit, offset, claim_items(conn, ids))


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
    "TimelineCube",
    "claim_series",
    "count_claims",
    "count_documents",
    "count_events",
    "cube_answers",
    "document_exists",
    "event_ids",
    "event_items",
    "iter_claims",
    "iter_events",
    "list_claims",
    "list_documents",
    "list_events",
    "overview",
    "timeline",
    "timeline_cube",
    "timeline_from_cube",
]
