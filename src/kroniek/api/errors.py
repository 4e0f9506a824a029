"""One JSON error shape for every error the API returns.

``{"error": {"code": "bad_parameter", "message": "...", "status": 400, "details": {...}}}``
(``details`` only when there is something to add). Handlers turn HTTP errors, validation
errors, Kroniek's typed errors and unexpected exceptions into that shape; a 500 never
shows the exception's text.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    ConfigError,
    InputError,
    KroniekError,
    NotFoundError,
    UnsupportedLanguageError,
)

log = logging.getLogger("kroniek.api")

STATUS_CODES = {
    400: "bad_parameter",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "bad_parameter",
    500: "internal",
}


class ApiError(Exception):
    """An error the API answers with: an HTTP status, a stable code and a message."""

    def __init__(self, status: int, code: str, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details


def bad_parameter(name: str, message: str, value: object = None) -> ApiError:
    """A 400 for one query parameter."""
    details: dict[str, Any] = {"parameter": name}
    if value is not None:
        details["value"] = str(value)[:200]
    return ApiError(400, "bad_parameter", message, details)


def error_body(status: int, code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    if details:
        error["details"] = details
    return {"error": error}


def error_response(error: ApiError, headers: dict[str, str] | None = None) -> JSONResponse:
    body = error_body(error.status, error.code, error.message, error.details)
    return JSONResponse(body, status_code=error.status, headers=headers)


def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(exc, headers)


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = STATUS_CODES.get(status, "bad_parameter" if status < 500 else "internal")
    message = _http_message(request, status, exc.detail)
    headers = dict(exc.headers or {})
    return error_response(ApiError(status, code, message), headers or None)


def _http_message(request: Request, status: int, detail: Any) -> str:
    if status == 404:
        return f"no such resource: {request.url.path}"
    if status == 405:
        return f"method {request.method} is not allowed on {request.url.path}"
    return str(detail) if detail else "request failed"


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"parameter": _location(e.get("loc", ())), "message": str(e.get("msg", "invalid"))} for e in exc.errors()
    ]
    in_body = any(tuple(e.get("loc", ()))[:1] == ("body",) for e in exc.errors())
    message = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems) or "invalid request"
    if in_body:
        return error_response(ApiError(422, "bad_document", message, {"problems": problems}))
    return error_response(ApiError(400, "bad_parameter", message, {"problems": problems}))


def _kroniek_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, KroniekError)
    if isinstance(exc, NotFoundError):
        return error_response(ApiError(404, "not_found", exc.message))
    if isinstance(exc, InputError | UnsupportedLanguageError | ConfigError):
        return error_response(ApiError(422, "bad_document", exc.message, {"kroniek_code": exc.code}))
    log.error("kroniek error: %s", exc)
    return error_response(ApiError(500, "internal", "internal error", {"kroniek_code": exc.code}))


def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(ApiError(500, "internal", "internal error"))


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one JSON shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(KroniekError, _kroniek_error)
    app.add_exception_handler(Exception, _unexpected)
