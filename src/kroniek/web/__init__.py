"""Kroniek's web page: a single-page app whose assets all ship inside the package (works offline)."""

from __future__ import annotations

from pathlib import Path


def static_dir() -> Path:
    """The directory holding ``index.html`` and every asset the page loads (mounted at ``/static``)."""
    return Path(__file__).resolve().parent / "static"


def index_html() -> Path:
    """The page served at ``/``."""
    return static_dir() / "index.html"
