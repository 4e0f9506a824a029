"""The chronicle's tables, as SQLAlchemy Core metadata (no ORM).

The Alembic migrations in ``migrations/versions`` are the source of truth for the
database; this module describes the same schema for queries, and a test checks
that the two agree (``alembic.autogenerate.compare_metadata`` finds nothing).

Conventions:

* every extracted row carries ``document_id`` (cascade-deleted with its document),
  its character offsets where it has them, and ``stage``: the registered name and
  version of the stage that made it;
* a nested value that may be absent (a place, a time, a quantity) is stored in
  flat columns; its required column (place name, time precision, qualifier) is
  NULL exactly when the value is absent;
* only portable types (String, Text, Integer, BigInteger, Float, Boolean, Date,
  DateTime, JSON). The SQLite full-text index ``documents_fts`` is created by the
  migration on SQLite only and is not part of this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

MENTION_KINDS = ("entity", "place", "time", "quantity")
ARGUMENT_ROLES = ("actor", "target", "place", "time", "fatalities", "injured")
FTS_TABLE = "documents_fts"

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic autogenerate filter: leave out the SQLite full-text tables (not in the metadata)."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def _document_fk(primary_key: bool = False) -> Column:
    return Column(
        "document_id",
        String,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def _span_columns(prefix: str = "") -> list[Column]:
    return [
        Column(f"{prefix}start", Integer, nullable=prefix != ""),
        Column(f"{prefix}end", Integer, nullable=prefix != ""),
        Column(f"{prefix}text", Text, nullable=prefix != ""),
    ]


def place_columns(prefix: str = "") -> list[Column]:
    """A `Place`: NULL ``{prefix}place_name`` means no place."""
    return [
        Column(f"{prefix}place_name", Text),
        Column(f"{prefix}country_code", String(8)),
        Column(f"{prefix}lat", Float),
        Column(f"{prefix}lon", Float),
        Column(f"{prefix}geonames_id", BigInteger),
        Column(f"{prefix}place_kind", String(16)),
        Column(f"{prefix}place_precision", Integer),
        Column(f"{prefix}place_supplement_id", String(128)),
    ]


def time_columns(prefix: str = "") -> list[Column]:
    """A `TimeValue`: NULL ``{prefix}time_precision`` means no time."""
    return [
        Column(f"{prefix}time_value", String(32)),
        Column(f"{prefix}time_precision", String(8)),
        Column(f"{prefix}time_from", String(32)),
        Column(f"{prefix}time_to", String(32)),
    ]


def quantity_columns(prefix: str) -> list[Column]:
    """A `QuantityValue`: NULL ``{prefix}qualifier`` means no quantity."""
    return [
        Column(f"{prefix}value", Float),
        Column(f"{prefix}low", Float),
        Column(f"{prefix}high", Float),
        Column(f"{prefix}qualifier", String(16)),
    ]


documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("url", String, unique=True),
    Column("content_hash", String(80), nullable=False, index=True),
    Column("lang", String(16), nullable=False, index=True),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("pipeline", Text, nullable=False),
    Column("origin", Text),
    Column("fingerprint", String(80), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    _document_fk(primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text),  # NULL when equal to the document's text[start:end]
)

mentions = Table(
    "mentions",
    metadata,
    _document_fk(primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("idx", Integer, primary_key=True),  # order within the document and kind
    *_span_columns(),
    Column("stage", String(128), nullable=False),
    Column("entity_id", String(128)),
    Column("label", String(16)),
    Column("canonical", Text, index=True),
    Column("actor_type", String(64)),
    Column("affiliation", Text),
    *place_columns(),
    *time_columns(),
    *quantity_columns(""),
    Column("what", Text),
    *_span_columns("what_"),
    CheckConstraint("kind IN ('entity', 'place', 'time', 'quantity')", name="kind"),
    Index(None, "place_name"),
    Index(None, "kind", "canonical", "document_id", "label", "actor_type"),  # covers /api/actors
    Index(None, "kind", "place_name", "country_code", "lat", "lon", "geonames_id"),  # covers /api/places
)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String(64), nullable=False, index=True),
    Column("subtype", String(64), nullable=False),
    Column("modality", String(16), nullable=False),
    *place_columns(),
    *time_columns(),
    *quantity_columns("fatalities_"),
    *quantity_columns("injured_"),
    Column("stage", String(128), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index(None, "time_value"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String, primary_key=True),
    _document_fk(),
    Column("idx", Integer, nullable=False),
    Column("local_id", String(128), nullable=False),
    Column("sentence", Integer, nullable=False),
    *_span_columns("trigger_"),
    Column("type", String(64), nullable=False, index=True),
    Column("subtype", String(64), nullable=False),
    Column("modality", String(16), nullable=False),
    *place_columns(),
    *time_columns(),
    *quantity_columns("fatalities_"),
    *quantity_columns("injured_"),
    Column("event_id", String, ForeignKey("events.id", ondelete="SET NULL"), index=True),
    Column("stage", String(128), nullable=False),
    Index(None, "document_id", "idx", unique=True),
    Column("day", String(10)),  # the event's day, else the document's publication date (rows.day_of)
    Index(None, "day", "id"),
    Index(None, "id", "day"),  # actor filter: ids from event_arguments, sorted by day without reading rows
    Index(None, "type", "day", "id"),
    Index(None, "country_code", "day", "type"),
    Index(None, "lon", "lat", "day", "id"),  # bbox filter, sorted by day without reading rows
    Index(None, "place_name", "country_code"),
    Index(None, "fatalities_value"),
)

event_arguments = Table(
    "event_arguments",
    metadata,
    Column(
        "event_mention_id",
        String,
        ForeignKey("event_mentions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("idx", Integer, primary_key=True),
    _document_fk(),
    Column("role", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("stage", String(128), nullable=False),
    CheckConstraint("role IN ('actor', 'target', 'place', 'time', 'fatalities', 'injured')", name="role"),
    Index(None, "document_id"),
    Index(None, "role", "value"),
    Index(None, "role", "value", "event_mention_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String, primary_key=True),
    _document_fk(),
    Column("idx", Integer, nullable=False),
    Column("local_id", String(128), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("what", Text, nullable=False),
    *quantity_columns(""),
    Column("source", Text),
    Column("hedged", Boolean, nullable=False),
    *time_columns(),
    Column("places", JSON, nullable=False),
    *_span_columns("span_"),
    Column("related", JSON, nullable=False),
    Column("stage", String(128), nullable=False),
    Column("day", String(10)),  # the claim's day, else the document's publication date (rows.day_of)
    Index(None, "document_id", "idx", unique=True),
    Index(None, "day"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("code", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    Column("count", Integer, nullable=False),
    Index(None, "origin", "code", unique=True),
)
