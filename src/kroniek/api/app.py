"""The FastAPI app factory. No app exists at import time: call `create_app`.

    app = create_app("kroniek.db")                 # read-only
    app = create_app(settings, token="s3cret")     # with POST /api/documents
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from .errors import install_error_handlers
from .routes_ingest import ingest_router
from .routes_read import router as read_router
from .routes_read import warm_cache
from .state import ApiState

SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
_RAW_HEADERS = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
log = logging.getLogger("kroniek.api")


def static_dir() -> Path | None:
    """The web page's folder (``kroniek/web/static``) when it is installed."""
    try:
        folder = Path(str(files("kroniek").joinpath("web", "static")))
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if (folder / "index.html").is_file() else None


def _settings(settings_or_db: Settings | str | Path) -> Settings:
    if isinstance(settings_or_db, Settings):
        return settings_or_db
    from ..settings import load_settings

    return load_settings(db=str(settings_or_db))


def create_app(settings_or_db: Settings | str | Path, token: str | None = None) -> FastAPI:
    """The API over one chronicle; ``token`` (else ``settings.api.token``) enables ingesting."""
    settings = _settings(settings_or_db)
    token = token or settings.api.token
    state = ApiState(settings, token)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        _start_warming(state)
        yield
        state.close()

    app = FastAPI(
        title="Kroniek API",
        version=__version__,
        description="Read-only access to a Kroniek chronicle: documents, events, claims, actors and places.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.kroniek = state
    install_error_handlers(app)
    app.include_router(read_router)
    if token:
        app.include_router(ingest_router(state, token))
    _add_headers(app)
    _mount_web(app)
    return app


def app_from_settings() -> FastAPI:
    """The app from settings alone (``KRONIEK_DB``, ``KRONIEK_API__TOKEN``): uvicorn's ``--factory`` target."""
    from ..settings import load_settings

    return create_app(load_settings())


def _start_warming(state: ApiState) -> None:
    """Compute the default views in a background thread: startup is not delayed, first visits are fast."""

    def warm() -> None:
        try:
            warm_cache(state)
        except Exception:
            log.warning("could not warm the API cache", exc_info=True)

    threading.Thread(target=warm, name="kroniek-api-warm", daemon=True).start()


class SecurityHeaders:
    """Pure ASGI middleware adding `SECURITY_HEADERS` to every HTTP response that lacks them.

    (Starlette's ``@app.middleware("http")`` wraps every request in extra tasks and streams:
    about a millisecond each.)
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _RAW_HEADERS if k not in present]
                if extra:
                    message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _add_headers(app: FastAPI) -> None:
    app.add_middleware(SecurityHeaders)


def _mount_web(app: FastAPI) -> None:
    folder = static_dir()
    if folder is None:
        return
    app.mount("/static", StaticFiles(directory=folder), name="static")
    index = folder / "index.html"

    @app.get("/", include_in_schema=False)
    def web_page() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")
