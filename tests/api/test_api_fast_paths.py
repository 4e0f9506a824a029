"""The speed-ups keep the answers: written-out serialisers, shared counts and rankings, the warm cache."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import httpx

from kroniek.api.serialize import dumps, event_json, timeline_json, to_json
from kroniek.api.state import read_engine
from kroniek.store import queries, rankings
from kroniek.store.queries import (
    EventFilter,
    EventItem,
    PlaceRef,
    Quantity,
    SentenceRef,
    TextSpan,
    Timeline,
    TimelineWeek,
)


def _generic_event(item: EventItem) -> dict:
    from kroniek.api.serialize import EVENT_KEYS

    return {key: to_json(getattr(item, key)) for key in EVENT_KEYS}


def test_event_json_is_the_generic_form(chronicle_file: Path) -> None:
    engine = read_engine(str(chronicle_file))
    with engine.connect() as conn:
        page = queries.list_events(conn, EventFilter(), "-date", 1000, 0)
    engine.dispose()
    assert page.items
    for item in page.items:
        assert json.loads(dumps(event_json(item))) == _generic_event(item)
        assert list(event_json(item)) == list(_generic_event(item))


def test_event_json_whole_floats_and_dates() -> None:
    item = EventItem(
        "e#0", None, "d", "T", date(2019, 3, 13), "battles", "armed_clash", "asserted", "2019-03", "month",
        PlaceRef("Kabul", "AF", 34.0, 69.5, 1138958, 1), Quantity(12.0, 12.0, None, "at_least"), None,
        TextSpan(1, 5, "kill"), SentenceRef(0, 0, 10, "s"), ["Taliban"], [],
    )
    fast = event_json(item)
    assert fast == _generic_event(item)
    assert fast["fatalities"]["value"] == 12 and isinstance(fast["fatalities"]["value"], int)
    assert fast["place"]["lat"] == 34 and isinstance(fast["place"]["lat"], int)
    assert fast["published"] == "2019-03-13"


def test_timeline_json_is_the_generic_form() -> None:
    timeline = Timeline([TimelineWeek(date(2019, 3, 11), {"battles": 3, "riots": 1})], ["battles", "riots"])
    assert timeline_json(timeline) == to_json(timeline)


def test_count_and_ranking_passed_in_give_the_same_page(chronicle_file: Path) -> None:
    engine = read_engine(str(chronicle_file))
    with engine.connect() as conn:
        filt = EventFilter(countries=("AF",))
        total = queries.count_events(conn, filt)
        assert queries.list_events(conn, filt, "-date", 5, 1) == queries.list_events(conn, filt, "-date", 5, 1, total)
        ranked = rankings.rank_actors(conn, None)
        assert rankings.list_actors(conn, None, 3, 1, ranked=ranked) == rankings.list_actors(conn, None, 3, 1)
        places = rankings.rank_places(conn, None, None)
        assert rankings.list_places(conn, None, None, 3, 0, ranked=places) == rankings.list_places(conn, None, None, 3, 0)
    engine.dispose()


def test_pages_of_actors_share_one_total(client: httpx.Client) -> None:
    first = client.get("/api/actors", params={"limit": 2}).json()
    second = client.get("/api/actors", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"]
    assert not {a["name"] for a in first["items"]} & {a["name"] for a in second["items"]}


def test_security_headers_on_cached_and_error_answers(client: httpx.Client) -> None:
    for path in ("/api/events", "/api/events", "/api/nope"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["content-type"].startswith("application/json")


def test_timeline_cube_gives_the_query_answer(chronicle_file: Path) -> None:
    engine = read_engine(str(chronicle_file))
    with engine.connect() as conn:
        cube = queries.timeline_cube(conn)
        assert cube is not None
        kinds = sorted({kind for cells in cube.cells.values() for _, kind, _ in cells})
        filters = [
            EventFilter(),
            EventFilter(countries=("af",)),
            EventFilter(countries=("AF", "NL", "XX")),
            EventFilter(types=tuple(kinds[:1])),
            EventFilter(date_from=date(2019, 1, 1), date_to=date(2020, 6, 30)),
            EventFilter(types=tuple(kinds[:2]), countries=("AF",), date_to=date(2021, 1, 1)),
        ]
        for filt in filters:
            assert queries.cube_answers(filt)
            assert queries.timeline_from_cube(cube, filt) == queries.timeline(conn, filt), filt
        assert queries.timeline_cube(conn, max_cells=0) is None
        assert not queries.cube_answers(EventFilter(actor="Taliban"))
    engine.dispose()


def test_search_with_a_nul_character(client: httpx.Client) -> None:
    assert client.get("/api/documents", params={"q": "Kabul\x00"}).status_code == 200


def test_a_frequent_actor_is_filtered_along_the_sort_order_with_the_same_page(chronicle_file: Path) -> None:
    """The correlated plan for frequent actors and the set plan give the same ids in the same order."""
    from sqlalchemy import create_engine, select

    from kroniek.store import schema
    from kroniek.store.queries import FREQUENT_ACTOR, EventFilter, event_ids

    engine = create_engine(f"sqlite:///{chronicle_file}")
    with engine.connect() as conn:
        ea = schema.event_arguments
        actors = set(conn.execute(select(ea.c.value).where(ea.c.role == "actor")).scalars())
        assert actors
        for actor in actors:
            filt = EventFilter(actor=actor)
            for sort in ("-date", "date", "-fatalities"):
                as_set = event_ids(conn, filt, sort, 20, 0)
                assert as_set and event_ids(conn, filt, sort, 20, 0, FREQUENT_ACTOR + 1) == as_set
