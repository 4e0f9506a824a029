"""The chronicle: a database of documents and everything extracted from them.

``Chronicle.open(url_or_path)`` connects (a plain path means an SQLite file),
brings the schema to the newest Alembic revision and returns a store with a small
API: save / save_many / load / delete, record_failure / failures, stats,
documents and search. Database errors surface as `StoreError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, and_, column, delete, exists, func, or_, select, table, text, update
from sqlalchemy.exc import SQLAlchemyError

from ..document import Document
from ..errors import KroniekError, NotFoundError, StoreError
from . import rows as convert
from . import schema
from .engine import connect

SaveStatus = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What `Chronicle.save` did with one document."""

    id: str
    status: SaveStatus


@dataclass(slots=True)
class StoreStats:
    """Counts over the whole chronicle (dicts are broken down by language / event type)."""

    documents: dict[str, int]
    sentences: int
    entities: int
    places: int
    times: int
    quantities: int
    event_mentions: int
    events: dict[str, int]
    claims: int
    failures: int


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A document's metadata, without its text and extractions."""

    id: str
    url: str | None
    title: str | None
    lang: str
    published: date | None
    source: str | None
    origin: str | None
    pipeline: list[str]
    ingested_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class FailureRecord:
    """An input that could not be processed, counted per origin and error code."""

    origin: str
    code: str
    message: str
    first_seen: datetime
    last_seen: datetime
    count: int


def utcnow() -> datetime:
    """Naive UTC now: the chronicle stores naive UTC timestamps on every dialect."""
    return datetime.now(UTC).replace(tzinfo=None)


class Chronicle:
    """A connection to one chronicle database. Use `Chronicle.open`."""

    def __init__(self, engine: Engine, full_text: bool) -> None:
        self._engine = engine
        self._full_text = full_text

    @classmethod
    def open(cls, url_or_path: str | Path = "kroniek.db") -> Chronicle:
        """Connect to ``url_or_path`` and upgrade its schema to the newest revision."""
        engine, full_text = connect(url_or_path)
        return cls(engine, full_text)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Chronicle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- transactions and errors ----------------------------------------------------

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"could not {action}: {reason}", source=self.url) from exc
        except UnicodeError as exc:
            raise StoreError(f"could not {action}: text is not valid Unicode: {exc}", source=self.url) from exc

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite: no lock upgrades, no deadlocks)."""
        with self._errors(action), self._engine.connect() as conn:
            conn.execution_options(kroniek_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        with self._errors(action), self._engine.connect() as conn:
            yield conn

    # --- saving ---------------------------------------------------------------------

    def save(self, doc: Document, pipeline: Sequence[str], origin: str | None = None) -> SaveResult:
        """Store ``doc`` and its extractions, replacing any earlier save of the same article.

        The same article is the row with the same URL, else the same id (the content
        hash when there is no URL). Replacing happens in one transaction. Nothing is
        written (status ``unchanged``) when text, metadata, extractions and pipeline
        are all identical to what is stored.
        """
        with self._write(f"save document {doc.id}") as conn:
            return self._save(conn, doc, pipeline, origin, utcnow())

    def save_many(self, items: Iterable[Document | tuple[Document, str]], pipeline: Sequence[str]) -> list[SaveResult]:
        """Save many documents in ONE transaction; items are documents or (document, origin)."""
        now = utcnow()
        results = []
        with self._write("save documents") as conn:
            for item in items:
                doc, origin = _with_origin(item)
                results.append(self._save(conn, doc, pipeline, origin, now))
        return results

    def _save(
        self, conn: Connection, doc: Document, pipeline: Sequence[str], origin: str | None, now: datetime
    ) -> SaveResult:
        rows = convert.document_rows(doc, pipeline, origin)
        fingerprint = rows.fingerprint()
        existing = _matching(conn, doc)
        if len(existing) == 1 and existing[0].id == doc.id and existing[0].fingerprint == fingerprint:
            return SaveResult(doc.id, "unchanged")
        seq = min(r.seq for r in existing) if existing else _next_seq(conn)
        ingested_at = min(r.ingested_at for r in existing) if existing else now
        _delete_documents(conn, [r.id for r in existing])
        rows.stamp(seq=seq, ingested_at=ingested_at, now=now, fingerprint=fingerprint)
        for target, values in rows.in_insert_order():
            if values:
                conn.execute(target.insert(), values)
        return SaveResult(doc.id, "updated" if existing else "created")

    def delete(self, doc_id: str) -> bool:
        """Delete a document with everything extracted from it; False if there was none."""
        with self._write(f"delete document {doc_id}") as conn:
            found = conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc_id)).first()
            _delete_documents(conn, [doc_id] if found else [])
            return found is not None

    # --- failures -------------------------------------------------------------------

    def record_failure(self, origin: str, error: KroniekError | Exception) -> None:
        """Count a failed input: one row per (origin, error code), with first/last seen."""
        code = getattr(error, "code", type(error).__name__)
        message = getattr(error, "message", None) or str(error)
        now = utcnow()
        t = schema.failures
        with self._write(f"record failure for {origin}") as conn:
            changed = conn.execute(
                update(t)
                .where(t.c.origin == origin, t.c.code == code)
                .values(count=t.c.count + 1, last_seen=now, message=message)
            ).rowcount
            if not changed:
                conn.execute(
                    t.insert().values(origin=origin, code=code, message=message, first_seen=now, last_seen=now, count=1)
                )

    def failures(self, limit: int | None = None) -> list[FailureRecord]:
        """Recorded failures, most recent first."""
        t = schema.failures
        query = select(t.c.origin, t.c.code, t.c.message, t.c.first_seen, t.c.last_seen, t.c.count)
        query = query.order_by(t.c.last_seen.desc(), t.c.id.desc()).limit(limit)
        with self._read("list failures") as conn:
            return [FailureRecord(**row._mapping) for row in conn.execute(query)]

    # --- reading --------------------------------------------------------------------

    def load(self, doc_id: str) -> Document:
        """The typed document stored under ``doc_id`` (or with that URL)."""
        with self._read(f"load document {doc_id}") as conn:
            stored = _stored_rows(conn, doc_id)
        if stored is None:
            raise NotFoundError(f"no document with id or URL {doc_id!r}", source=self.url)
        return convert.document_from_rows(stored)

    def __contains__(self, doc_id: object) -> bool:
        with self._read("look up a document") as conn:
            query = select(schema.documents.c.id).where(schema.documents.c.id == doc_id)
            return conn.execute(query).first() is not None

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentSummary]:
        """Document summaries in the order they were first saved."""
        query = _summary_query().order_by(schema.documents.c.seq).limit(limit).offset(offset)
        with self._read("list documents") as conn:
            return [_summary(row) for row in conn.execute(query)]

    def search(self, query: str, limit: int = 20) -> list[DocumentSummary]:
        """Documents whose title or text contain every word/phrase of ``query``.

        Uses the FTS5 index on SQLite (best match first), a case-insensitive LIKE
        on every other database (first saved first).
        """
        terms = [t for t in query.split() if re.search(r"\w", t)]
        if not terms:
            return []
        statement = _fts_query(terms) if self._full_text else _like_query(terms)
        with self._read("search documents") as conn:
            return [_summary(row) for row in conn.execute(statement.limit(limit))]

    def stats(self) -> StoreStats:
        """Counts of documents (by language), extractions, events (by type) and failures."""
        with self._read("count the chronicle") as conn:
            kinds = _group_count(conn, schema.mentions.c.kind)
            return StoreStats(
                documents=_group_count(conn, schema.documents.c.lang),
                sentences=_count(conn, schema.sentences),
                entities=kinds.get("entity", 0),
                places=kinds.get("place", 0),
                times=kinds.get("time", 0),
                quantities=kinds.get("quantity", 0),
                event_mentions=_count(conn, schema.event_mentions),
                events=_group_count(conn, schema.events.c.type),
                claims=_count(conn, schema.claims),
                failures=_count(conn, schema.failures),
            )


# --- helpers ------------------------------------------------------------------------


def _with_origin(item: Document | tuple[Document, str]) -> tuple[Document, str | None]:
    if isinstance(item, Document):
        return item, item.url
    return item[0], item[1]


def _matching(conn: Connection, doc: Document) -> list[Any]:
    """Stored rows of the same article: same URL (when given) or same id; same id first."""
    d = schema.documents
    same = d.c.id == doc.id if doc.url is None else or_(d.c.url == doc.url, d.c.id == doc.id)
    query = select(d.c.id, d.c.seq, d.c.fingerprint, d.c.ingested_at).where(same)
    found = list(conn.execute(query))
    return sorted(found, key=lambda row: row.id != doc.id)


def _next_seq(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(schema.documents.c.seq), 0) + 1)).scalar_one())


def _delete_documents(conn: Connection, ids: list[str]) -> None:
    """Delete documents (children cascade) and the events no other report refers to."""
    if not ids:
        return
    em, ev = schema.event_mentions, schema.events
    event_ids = list(conn.execute(select(em.c.event_id).where(em.c.document_id.in_(ids))).scalars())
    conn.execute(delete(schema.documents).where(schema.documents.c.id.in_(ids)))
    if event_ids:
        still_used = exists().where(em.c.event_id == ev.c.id)
        conn.execute(delete(ev).where(ev.c.id.in_([e for e in event_ids if e]), ~still_used))


def _stored_rows(conn: Connection, doc_id: str) -> convert.StoredRows | None:
    d = schema.documents
    document = conn.execute(select(d).where(d.c.id == doc_id)).first()
    if document is None:
        document = conn.execute(select(d).where(d.c.url == doc_id)).first()
    if document is None:
        return None
    key = document.id
    return convert.StoredRows(
        document=document._mapping,
        sentences=_children(conn, schema.sentences, key, schema.sentences.c.idx),
        mentions=_children(conn, schema.mentions, key, schema.mentions.c.kind, schema.mentions.c.idx),
        event_mentions=_children(conn, schema.event_mentions, key, schema.event_mentions.c.idx),
        event_arguments=_children(
            conn,
            schema.event_arguments,
            key,
            schema.event_arguments.c.event_mention_id,
            schema.event_arguments.c.idx,
        ),
        claims=_children(conn, schema.claims, key, schema.claims.c.idx),
    )


def _children(conn: Connection, target: Any, doc_id: str, *order: Any) -> list[Any]:
    query = select(target).where(target.c.document_id == doc_id).order_by(*order)
    return [row._mapping for row in conn.execute(query)]


def _summary_query() -> Any:
    d = schema.documents
    return select(
        d.c.id,
        d.c.url,
        d.c.title,
        d.c.lang,
        d.c.published,
        d.c.source,
        d.c.origin,
        d.c.pipeline,
        d.c.ingested_at,
        d.c.updated_at,
    )


def _summary(row: Any) -> DocumentSummary:
    values = dict(row._mapping)
    values["pipeline"] = json.loads(values["pipeline"])
    return DocumentSummary(**values)


_FTS = table(schema.FTS_TABLE, column("rowid"))


def _fts_query(terms: list[str]) -> Any:
    """FTS5 MATCH with every term quoted as a phrase (no query-syntax errors), best first."""
    phrase = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
    joined = schema.documents.join(_FTS, _FTS.c.rowid == schema.documents.c.seq)
    return (
        _summary_query()
        .select_from(joined)
        .where(text(f"{schema.FTS_TABLE} MATCH :phrase").bindparams(phrase=phrase))
        .order_by(text(f"{schema.FTS_TABLE}.rank"))
    )


def _like_query(terms: list[str]) -> Any:
    d = schema.documents
    conditions = []
    for term in terms:
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"
        conditions.append(or_(d.c.title.ilike(pattern, escape="\\"), d.c.text.ilike(pattern, escape="\\")))
    return _summary_query().where(and_(*conditions)).order_by(d.c.seq)


def _count(conn: Connection, target: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(target)).scalar_one())


def _group_count(conn: Connection, key: Any) -> dict[str, int]:
    rows = conn.execute(select(key, func.count()).group_by(key))
    return {str(value): int(count) for value, count in rows}
