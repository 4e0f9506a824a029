"""A small in-process cache of JSON answers, emptied whenever the chronicle changes.

The API is read-only, but another process may ingest while it serves, so every answer is
stored under the chronicle's *version*: for an SQLite file the size and modification time of
the database and its write-ahead log (a commit changes one of them), elsewhere the number of
documents and their latest update. Aggregates over 100,000 events (timeline, actors, places)
take tens of milliseconds; repeated questions then cost microseconds.

``peek`` answers from the cache without blocking (for the event loop: a stat of the SQLite
files, a dictionary look-up); ``get`` computes what is missing and is meant for a worker thread.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from ..store import schema


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of an SQLite engine (None for memory or other databases)."""
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return None
    return Path(engine.url.database)


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


class ResponseCache:
    """Least-recently-used answers keyed by request, dropped when the chronicle's version changes."""

    def __init__(self, engine: Engine, size: int = 1024) -> None:
        self._engine = engine
        self._path = sqlite_path(engine)
        self._size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._version: Any = None
        self._lock = threading.Lock()
        self._computing: dict[str, threading.Lock] = {}

    def version(self) -> Any:
        """A value that changes whenever a write is committed."""
        if self._path is not None:
            return (_stat(self._path), _stat(Path(f"{self._path}-wal")))
        d = schema.documents
        with self._engine.connect() as conn:
            return tuple(conn.execute(select(func.count(), func.max(d.c.updated_at))).one())

    def peek(self, key: str) -> tuple[bool, Any]:
        """``(True, answer)`` when ``key`` is cached for the current version (SQLite only; cheap)."""
        if self._path is None:
            return False, None  # the version takes a query elsewhere: leave that to ``get``
        return self._lookup(key, self.version())

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        """The cached answer for ``key``, computing (outside the lock) and storing it when missing."""
        version = self.version()
        found, value = self._lookup(key, version)
        if found:
            return value
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:  # one computation per key at a time; the others wait for its answer
            found, value = self._lookup(key, version)
            if not found:
                value = compute()
                self._store(key, version, value)
        with self._lock:
            self._computing.pop(key, None)
        return value

    def get_many(self, keys: list[str], compute: Callable[[list[str]], dict[str, Any]]) -> dict[str, Any]:
        """The cached answers for ``keys``; the missing ones computed together (``compute(missing)``
        returns a dict by key) and stored."""
        version = self.version()
        found: dict[str, Any] = {}
        for key in keys:
            hit, value = self._lookup(key, version)
            if hit:
                found[key] = value
        missing = [key for key in keys if key not in found]
        if missing:
            for key, value in compute(missing).items():
                self._store(key, version, value)
                found[key] = value
        return found

    def _lookup(self, key: str, version: Any) -> tuple[bool, Any]:
        with self._lock:
            if version != self._version:
                self._items.clear()
                self._version = version
            if key in self._items:
                self._items.move_to_end(key)
                return True, self._items[key]
        return False, None

    def _store(self, key: str, version: Any, value: Any) -> None:
        with self._lock:
            if version == self._version:
                self._items[key] = value
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
