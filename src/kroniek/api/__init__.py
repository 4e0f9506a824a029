"""Kroniek's HTTP API (FastAPI): ``create_app(settings_or_db, token=None)``; run it with ``kroniek serve``."""

from __future__ import annotations

from typing import Any


def create_app(settings_or_db: Any, token: str | None = None) -> Any:
    """See `kroniek.api.app.create_app` (imported lazily: FastAPI is only loaded when used)."""
    from .app import create_app as _create_app

    return _create_app(settings_or_db, token)


__all__ = ["create_app"]
