"""Read queries of the chronicle: actors and places ranked by how often the documents name them
(split from :mod:`kroniek.store.queries`, whose items, pages and helpers they use)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, func, select

from . import schema
from .queries import ActorItem, Page, PlaceItem, _contains

mn, em, ea = schema.mentions, schema.event_mentions, schema.event_arguments


def rank_actors(conn: Connection, q: str | None) -> list[ActorItem]:
    """Every actor (named entity with a canonical name) matching ``q``, most mentioned first; events not counted."""
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
    rows = conn.execute(grouped.order_by(func.count().desc(), mn.c.canonical))
    return [ActorItem(**row._mapping, events=0) for row in rows]


def list_actors(
    conn: Connection, q: str | None, limit: int, offset: int, ranked: list[ActorItem] | None = None
) -> Page:
    """Named entities with a canonical name (actors), most mentioned first.

    ``ranked``: `rank_actors`'s answer when the caller has it (shared by every page).
    """
    every = rank_actors(conn, q) if ranked is None else ranked
    page = every[offset : offset + limit]
    events = _actor_events(conn, [item.name for item in page])
    items = [replace(item, events=events.get(item.name, 0)) for item in page]
    return Page(len(every), limit, offset, items)


def _actor_events(conn: Connection, names: list[str]) -> dict[str, int]:
    if not names:
        return {}
    query = select(ea.c.value, func.count(func.distinct(ea.c.event_mention_id)))
    query = query.where(ea.c.role == "actor", ea.c.value.in_(names)).group_by(ea.c.value)
    return {name: int(n) for name, n in conn.execute(query)}


def rank_places(conn: Connection, q: str | None, country: str | None) -> list[PlaceItem]:
    """Every resolved place mentioned in documents (matching ``q`` and ``country``), most mentioned first."""
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
    return [PlaceItem(**row._mapping, events=0) for row in conn.execute(ordered)]


def list_places(
    conn: Connection,
    q: str | None,
    country: str | None,
    limit: int,
    offset: int,
    ranked: list[PlaceItem] | None = None,
) -> Page:
    """Resolved places mentioned in documents, most mentioned first; ``ranked`` as in `list_actors`."""
    every = rank_places(conn, q, country) if ranked is None else ranked
    page = every[offset : offset + limit]
    events = _place_events(conn, [item.name for item in page])
    items = [replace(item, events=events.get((item.name, item.country_code), 0)) for item in page]
    return Page(len(every), limit, offset, items)


def _place_events(conn: Connection, names: list[str]) -> dict[tuple[str, str | None], int]:
    if not names:
        return {}
    query = select(em.c.place_name, em.c.country_code, func.count()).where(em.c.place_name.in_(names))
    rows = conn.execute(query.group_by(em.c.place_name, em.c.country_code))
    return {(name, country): int(n) for name, country, n in rows}


__all__ = ["list_actors", "list_places", "rank_actors", "rank_places"]
