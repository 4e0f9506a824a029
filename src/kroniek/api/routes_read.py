"""The read-only endpoints: thin functions from checked parameters to the query layer to JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response, StreamingResponse

from .. import __version__
from ..errors import NotFoundError
from ..store import queries, rankings
from ..store.queries import ClaimFilter, DocumentFilter, EventFilter
from . import exports
from .params import (
    ExportPaging,
    Paging,
    TextParam,
    claim_filter,
    claim_format,
    document_filter,
    event_filter,
    event_format,
    event_sort,
    export_paging,
    paging,
    place_country,
)
from .serialize import claim_json, dumps, event_json, page_json, timeline_json, to_json
from .state import ApiState

router = APIRouter(prefix="/api")


def cache_key(path: str, params: Any = ()) -> str:
    """The cache key of a request: its path and its sorted query parameters."""
    return path + "?" + "&".join(sorted(f"{k}={v}" for k, v in params))


def _key(request: Request) -> str:
    return cache_key(request.url.path, request.query_params.multi_items())


def _read(state: ApiState, query: Any, *args: Any) -> Any:
    with state.reader() as conn:
        return query(conn, *args)


async def state_of(request: Request) -> ApiState:
    return request.app.state.kroniek


State = Annotated[ApiState, Depends(state_of)]


def _stream(state: ApiState, chunks: Any, fmt: str, name: str) -> StreamingResponse:
    """A streamed export; the connection stays open while the body is sent."""

    def body() -> Iterator[str]:
        with state.reader() as conn:
            yield from chunks(conn)

    headers = {"Content-Disposition": f'attachment; filename="kroniek-{name}.{fmt}"'}
    return StreamingResponse(body(), media_type=exports.MEDIA_TYPES[fmt], headers=headers)


@router.get("/health", summary="Is the API up; how big is the chronicle")
async def health(state: State, request: Request) -> Response:
    return await state.json_answer(_key(request), lambda: health_json(state))


def health_json(state: ApiState) -> dict[str, Any]:
    counts = _read(state, queries.overview)
    return {"status": "ok", "documents": counts.documents, "events": counts.events, "version": __version__}


@router.get("/documents", summary="Documents, filtered and searched")
async def list_documents(
    state: State,
    request: Request,
    filt: Annotated[DocumentFilter, Depends(document_filter)],
    page: Annotated[Paging, Depends(paging)],
) -> Response:
    return await state.json_answer(_key(request), lambda: documents_json(state, filt, page))


def documents_json(state: ApiState, filt: DocumentFilter, page: Paging) -> dict[str, Any]:
    with state.reader() as conn:
        total = state.cached(f"count:documents:{filt!r}", lambda: queries.count_documents(conn, filt, state.full_text))
        found = queries.list_documents(conn, filt, page.limit, page.offset, state.full_text, total=total)
    return page_json(found)


@router.get("/documents/{doc_id:path}", summary="One document as kroniek.document/1 JSON")
async def get_document(state: State, doc_id: Annotated[str, Path(max_length=2000)]) -> Response:
    return await state.json_answer(f"document:{doc_id}", lambda: document_json(state, doc_id))


def document_json(state: ApiState, doc_id: str) -> dict[str, Any]:
    with state.reader() as conn:
        if not queries.document_exists(conn, doc_id):
            raise NotFoundError(f"no document with id or URL {doc_id!r}")
    return state.chronicle.load(doc_id).to_contract()


@router.get("/events", summary="Event mentions, filtered, sorted, paged or exported")
async def list_events(
    state: State,
    request: Request,
    filt: Annotated[EventFilter, Depends(event_filter)],
    sort: Annotated[str, Depends(event_sort)],
    fmt: Annotated[str, Depends(event_format)],
    page: Annotated[ExportPaging, Depends(export_paging)],
) -> Response:
    def export(conn: Any, cap: int, offset: int) -> Any:
        return exports.events_export(queries.iter_events(conn, filt, sort, cap, offset), fmt)

    return await _list_or_export(state, request, fmt, page, "events", export,
                                 lambda paged: events_json(state, filt, sort, paged))


async def _list_or_export(
    state: ApiState, request: Request, fmt: str, page: ExportPaging, name: str, export: Any, page_answer: Any
) -> Response:
    """A JSON page (cached per request) or, for another format, the whole export streamed."""
    if fmt != "json":
        cap, offset = page.export_cap(), page.offset
        return _stream(state, lambda conn: export(conn, cap, offset), fmt, name)
    paged = page.for_list()
    return await state.json_answer(_key(request), lambda: page_answer(paged))


def events_json(state: ApiState, filt: EventFilter, sort: str, page: Paging) -> dict[str, Any]:
    """One page of events; the number of matches is cached per filter (the same for every page)."""
    with state.reader() as conn:
        total = state.cached(f"count:events:{filt!r}", lambda: queries.count_events(conn, filt))
        ids = queries.event_ids(conn, filt, sort, page.limit, page.offset, total)
        items = state.items.get_many(ids, lambda missing: _events_by_id(conn, missing))
    return {"total": total, "limit": page.limit, "offset": page.offset, "items": [items[i] for i in ids if i in items]}


def _events_by_id(conn: Any, ids: list[str]) -> dict[str, Any]:
    return {item.id: event_json(item) for item in queries.event_items(conn, ids)}


@router.get("/events/timeline", summary="Event mentions per week and type")
async def events_timeline(
    state: State, request: Request, filt: Annotated[EventFilter, Depends(event_filter)]
) -> Response:
    return await state.json_answer(_key(request), lambda: timeline_answer(state, filt))


def timeline_answer(state: ApiState, filt: EventFilter) -> dict[str, Any]:
    """The timeline; filters of types, countries and dates are answered from the shared cube."""
    with state.reader() as conn:
        if queries.cube_answers(filt):
            cube = state.cached("cube:timeline", lambda: queries.timeline_cube(conn))
            if cube is not None:
                return timeline_json(queries.timeline_from_cube(cube, filt))
        return timeline_json(queries.timeline(conn, filt))


@router.get("/claims", summary="Numeric claims, filtered, paged or exported")
async def list_claims(
    state: State,
    request: Request,
    filt: Annotated[ClaimFilter, Depends(claim_filter)],
    fmt: Annotated[str, Depends(claim_format)],
    page: Annotated[ExportPaging, Depends(export_paging)],
) -> Response:
    def export(conn: Any, cap: int, offset: int) -> Any:
        return exports.claims_export(queries.iter_claims(conn, filt, cap, offset), fmt)

    return await _list_or_export(state, request, fmt, page, "claims", export, lambda paged: claims_json(state, filt, paged))


def claims_json(state: ApiState, filt: ClaimFilter, page: Paging) -> dict[str, Any]:
    with state.reader() as conn:
        total = state.cached(f"count:claims:{filt!r}", lambda: queries.count_claims(conn, filt))
        found = queries.list_claims(conn, filt, page.limit, page.offset, total=total)
    return page_json(found, claim_json)


@router.get("/claims/series", summary="Claims about one population as points in time")
async def claims_series(
    state: State, request: Request, filt: Annotated[ClaimFilter, Depends(claim_filter)]
) -> Response:
    def compute() -> dict[str, Any]:
        points = to_json(_read(state, queries.claim_series, filt))
        return {"what": filt.what, "place": filt.place, "points": points}

    return await state.json_answer(_key(request), compute)


@router.get("/actors", summary="Actors (named organisations and people), most mentioned first")
async def list_actors(
    state: State, request: Request, page: Annotated[Paging, Depends(paging)], q: TextParam = None
) -> Response:
    return await state.json_answer(_key(request), lambda: actors_json(state, q or None, page))


def actors_json(state: ApiState, q: str | None, page: Paging) -> dict[str, Any]:
    """A page of actors; the ranking of all of them is computed once and shared by every page."""
    with state.reader() as conn:
        ranked = state.cached(f"ranked:actors:{q!r}", lambda: rankings.rank_actors(conn, q))
        return page_json(rankings.list_actors(conn, q, page.limit, page.offset, ranked=ranked))


@router.get("/places", summary="Resolved places, most mentioned first")
async def list_places(
    state: State,
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    q: TextParam = None,
    country: TextParam = None,
) -> Response:
    code = place_country(country)
    return await state.json_answer(_key(request), lambda: places_json(state, q or None, code, page))


def places_json(state: ApiState, q: str | None, country: str | None, page: Paging) -> dict[str, Any]:
    """A page of places; the ranking of all of them is computed once and shared by every page."""
    with state.reader() as conn:
        ranked = state.cached(f"ranked:places:{q!r}:{country!r}", lambda: rankings.rank_places(conn, q, country))
        return page_json(rankings.list_places(conn, q, country, page.limit, page.offset, ranked=ranked))


# The default views of the web page, computed in the background when the server starts.
WARM_VIEWS: tuple[tuple[str, Any], ...] = (
    ("/api/health", health_json),
    ("/api/events", lambda st: events_json(st, EventFilter(), "-date", Paging(50, 0))),
    ("/api/events/timeline", lambda st: timeline_answer(st, EventFilter())),
    ("/api/actors", lambda st: actors_json(st, None, Paging(50, 0))),
    ("/api/places", lambda st: places_json(st, None, None, Paging(50, 0))),
    ("/api/documents", lambda st: documents_json(st, DocumentFilter(), Paging(50, 0))),
    ("/api/claims", lambda st: claims_json(st, ClaimFilter(), Paging(50, 0))),
)


def warm_cache(state: ApiState) -> None:
    """Compute the default views (and the shared aggregates behind them) into the cache."""
    for path, compute in WARM_VIEWS:
        state.cached(cache_key(path), lambda compute=compute: dumps(compute(state)))
