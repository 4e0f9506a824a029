"""The read-only endpoints: thin functions from checked parameters to the query layer to JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import StreamingResponse

from .. import __version__
from ..errors import NotFoundError
from ..store import queries
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
from .serialize import claim_json, event_json, page_json, to_json
from .state import ApiState

router = APIRouter(prefix="/api")


def _key(request: Request) -> str:
    return request.url.path + "?" + "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))


def _read(state: ApiState, query: Any, *args: Any) -> Any:
    with state.reader() as conn:
        return query(conn, *args)


def state_of(request: Request) -> ApiState:
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
def health(state: State, request: Request) -> dict[str, Any]:
    counts = state.cached(_key(request), lambda: _read(state, queries.overview))
    return {"status": "ok", "documents": counts.documents, "events": counts.events, "version": __version__}


@router.get("/documents", summary="Documents, filtered and searched")
def list_documents(
    state: State,
    request: Request,
    filt: Annotated[DocumentFilter, Depends(document_filter)],
    page: Annotated[Paging, Depends(paging)],
) -> dict[str, Any]:
    args = (filt, page.limit, page.offset, state.full_text)
    return state.cached(_key(request), lambda: page_json(_read(state, queries.list_documents, *args)))


@router.get("/documents/{doc_id:path}", summary="One document as kroniek.document/1 JSON")
def get_document(state: State, doc_id: Annotated[str, Path(max_length=2000)]) -> dict[str, Any]:
    with state.reader() as conn:
        if not queries.document_exists(conn, doc_id):
            raise NotFoundError(f"no document with id or URL {doc_id!r}")
    return state.chronicle.load(doc_id).to_contract()


@router.get("/events", summary="Event mentions, filtered, sorted, paged or exported")
def list_events(
    state: State,
    request: Request,
    filt: Annotated[EventFilter, Depends(event_filter)],
    sort: Annotated[str, Depends(event_sort)],
    fmt: Annotated[str, Depends(event_format)],
    page: Annotated[ExportPaging, Depends(export_paging)],
) -> Any:
    if fmt != "json":
        cap, offset = page.export_cap(), page.offset
        items = lambda conn: exports.events_export(queries.iter_events(conn, filt, sort, cap, offset), fmt)  # noqa: E731
        return _stream(state, items, fmt, "events")
    paged = page.for_list()
    args = (filt, sort, paged.limit, paged.offset)
    return state.cached(_key(request), lambda: page_json(_read(state, queries.list_events, *args), event_json))


@router.get("/events/timeline", summary="Event mentions per week and type")
def events_timeline(
    state: State, request: Request, filt: Annotated[EventFilter, Depends(event_filter)]
) -> dict[str, Any]:
    return state.cached(_key(request), lambda: to_json(_read(state, queries.timeline, filt)))


@router.get("/claims", summary="Numeric claims, filtered, paged or exported")
def list_claims(
    state: State,
    request: Request,
    filt: Annotated[ClaimFilter, Depends(claim_filter)],
    fmt: Annotated[str, Depends(claim_format)],
    page: Annotated[ExportPaging, Depends(export_paging)],
) -> Any:
    if fmt != "json":
        cap, offset = page.export_cap(), page.offset
        items = lambda conn: exports.claims_export(queries.iter_claims(conn, filt, cap, offset), fmt)  # noqa: E731
        return _stream(state, items, fmt, "claims")
    paged = page.for_list()
    args = (filt, paged.limit, paged.offset)
    return state.cached(_key(request), lambda: page_json(_read(state, queries.list_claims, *args), claim_json))


@router.get("/claims/series", summary="Claims about one population as points in time")
def claims_series(
    state: State, request: Request, filt: Annotated[ClaimFilter, Depends(claim_filter)]
) -> dict[str, Any]:
    points = state.cached(_key(request), lambda: to_json(_read(state, queries.claim_series, filt)))
    return {"what": filt.what, "place": filt.place, "points": points}


@router.get("/actors", summary="Actors (named organisations and people), most mentioned first")
def list_actors(
    state: State, request: Request, page: Annotated[Paging, Depends(paging)], q: TextParam = None
) -> dict[str, Any]:
    args = (q or None, page.limit, page.offset)
    return state.cached(_key(request), lambda: page_json(_read(state, queries.list_actors, *args)))


@router.get("/places", summary="Resolved places, most mentioned first")
def list_places(
    state: State,
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    q: TextParam = None,
    country: TextParam = None,
) -> dict[str, Any]:
    args = (q or None, place_country(country), page.limit, page.offset)
    return state.cached(_key(request), lambda: page_json(_read(state, queries.list_places, *args)))
