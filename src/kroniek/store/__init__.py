"""The chronicle store: SQLAlchemy Core tables, Alembic migrations, and the `Chronicle` API.

SQLite by default (a plain path is an SQLite file), portable to PostgreSQL::

    with Chronicle.open("kroniek.db") as chronicle:
        result = chronicle.save(doc, pipeline.stage_names, origin="article.html")
        again = chronicle.load(result.id)
"""

from __future__ import annotations

from .chronicle import Chronicle, DocumentSummary, FailureRecord, SaveResult, StoreStats
from .engine import database_url

__all__ = ["Chronicle", "DocumentSummary", "FailureRecord", "SaveResult", "StoreStats", "database_url"]
