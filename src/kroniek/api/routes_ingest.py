"""``POST /api/documents``: ingest one article. Registered only when the operator sets a token."""

from __future__ import annotations

import hmac
import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..ingest import RawDocument
from .errors import ApiError
from .state import ApiState


class ArticleIn(BaseModel):
    """One article to ingest."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=2000)
    published: date | None = None
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500)
    lang: str | None = Field(default=None, max_length=16)

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value


def _check_token(request: Request, token: str) -> None:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required")


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "payload_too_large", f"the body is larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise ApiError(413, "payload_too_large", f"the body is larger than {limit} bytes")
    return bytes(body)


def _parse_article(body: bytes, languages: list[str]) -> ArticleIn:
    try:
        article = ArticleIn.model_validate(json.loads(body))
    except (ValueError, UnicodeDecodeError) as exc:
        problems = _problems(exc)
        raise ApiError(422, "bad_document", "the body must be a JSON article: " + problems, None) from None
    if article.lang is not None and article.lang not in languages:
        raise ApiError(422, "bad_document", f"lang must be one of: {', '.join(languages)}")
    return article


def _problems(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors())
    return "invalid JSON" if isinstance(exc, ValueError) else "not UTF-8"


def _raw(article: ArticleIn) -> RawDocument:
    fields = article.model_dump()
    return RawDocument(origin="api", **fields)


def ingest_router(state: ApiState, token: str) -> APIRouter:
    """The router with the ingest route, bound to ``token``."""
    router = APIRouter(prefix="/api")
    schema = {"requestBody": {"required": True, "content": {"application/json": {"schema": ArticleIn.model_json_schema()}}}}

    @router.post("/documents", status_code=201, summary="Ingest one article (needs the bearer token)", openapi_extra=schema)
    async def create_document(request: Request) -> Any:
        _check_token(request, token)
        body = await _read_body(request, state.settings.api.max_body_bytes)
        article = _parse_article(body, state.settings.languages)
        result = await run_in_threadpool(state.ingest, _raw(article))
        return JSONResponse({"id": result.id, "status": result.status}, status_code=201)

    return router
