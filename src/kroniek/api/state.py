"""What the running API holds: settings, the chronicle (for loading and saving) and a read-only engine."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import anyio
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ..errors import StoreError
from ..settings import Settings
from ..store import Chronicle, database_url
from ..store.engine import create, has_full_text
from .cache import ResponseCache
from .serialize import dumps

SQLITE_READ_PRAGMAS = ("query_only=ON", "cache_size=-65536", "mmap_size=268435456", "temp_store=MEMORY")


def _sqlite_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_READ_PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def read_engine(url_or_path: str) -> Engine:
    """An engine whose connections cannot write (SQLite ``query_only``, PostgreSQL read-only transactions)."""
    url = database_url(url_or_path)
    if url.startswith("sqlite"):
        engine = create(url)
        event.listen(engine, "connect", _sqlite_read_only)
        return engine
    if url.startswith("postgresql"):
        options = {"options": "-c default_transaction_read_only=on"}
        return create_engine(url, pool_pre_ping=True, pool_size=8, connect_args=options)
    return create_engine(url, pool_pre_ping=True)


COMPUTING_AT_ONCE = 2
ITEMS_CACHED = 50_000


class ApiState:
    """The open chronicle and the lazily built pipeline of one API app."""

    def __init__(self, settings: Settings, token: str | None) -> None:
        self.settings = settings
        self.token = token
        self.chronicle = Chronicle.open(settings.db)  # upgrades the schema (indexes) once
        self.engine = read_engine(settings.db)
        self.full_text = has_full_text(self.engine)
        self.cache = ResponseCache(self.engine)
        self.items = ResponseCache(self.engine, size=ITEMS_CACHED)  # one event's JSON, shared by every page
        self._pipeline: Any = None
        self._pipeline_lock = threading.Lock()
        # at most this many answers computed at once: Python threads share one core, so more only
        # interleave (every request slows down) instead of finishing in turn
        self._computing = anyio.Semaphore(COMPUTING_AT_ONCE)

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        """A read-only connection for one request."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"could not read the chronicle: {type(exc).__name__}") from exc

    def cached(self, key: str, compute: Any) -> Any:
        """``compute()``'s answer, reused until the chronicle changes (blocking: call it from a thread)."""
        return self.cache.get(key, compute)

    async def json_answer(self, key: str, compute: Any) -> Response:
        """``compute()``'s JSON-ready answer as a response, cached as bytes until the chronicle changes.

        A cached answer is sent straight from the event loop; a missing one is computed in a
        worker thread (one computation per key at a time).
        """
        found, body = self.cache.peek(key)
        if not found:
            async with self._computing:
                body = await run_in_threadpool(self.cache.get, key, lambda: dumps(compute()))
        return Response(body, media_type="application/json")

    def ingest(self, raw: Any) -> Any:
        """Run the pipeline over one article and save it (one at a time: the pipeline is not shared)."""
        with self._pipeline_lock:
            if self._pipeline is None:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            document = self._pipeline.process(raw)
            return self.chronicle.save(document, self._pipeline.stage_names, origin=raw.origin)

    def close(self) -> None:
        self.engine.dispose()
        self.chronicle.close()
