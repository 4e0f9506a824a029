"""Reading inputs into raw articles. (Placeholder: the full readers are being written.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class RawDocument:
    """One article as read from an input, before any processing."""

    text: str
    origin: str  # where it came from: a path, "path:line" for JSON Lines, or "-" for stdin
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None
