"""The chronicle: documents, sentences, mentions, events, claims, failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Frozen: this file describes the schema as of revision 0001 and must not import
``kroniek.store.schema`` (which describes the current head). On SQLite it also
creates the full-text index ``documents_fts`` (external content over
``documents``, keyed by ``documents.seq``) and the triggers that keep it in sync.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_SQL = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF seq, title, text ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
]


def _document_fk(table: str) -> sa.Column:
    return sa.Column(
        "document_id",
        sa.String(),
        sa.ForeignKey("documents.id", ondelete="CASCADE", name=f"fk_{table}_document_id_documents"),
        nullable=False,
    )


def _span(prefix: str = "") -> list[sa.Column]:
    nullable = prefix != ""
    return [
        sa.Column(f"{prefix}start", sa.Integer(), nullable=nullable),
        sa.Column(f"{prefix}end", sa.Integer(), nullable=nullable),
        sa.Column(f"{prefix}text", sa.Text(), nullable=nullable),
    ]


def _place() -> list[sa.Column]:
    return [
        sa.Column("place_name", sa.Text()),
        sa.Column("country_code", sa.String(8)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("geonames_id", sa.BigInteger()),
        sa.Column("place_kind", sa.String(16)),
        sa.Column("place_precision", sa.Integer()),
    ]


def _time() -> list[sa.Column]:
    return [
        sa.Column("time_value", sa.String(32)),
        sa.Column("time_precision", sa.String(8)),
        sa.Column("time_from", sa.String(32)),
        sa.Column("time_to", sa.String(32)),
    ]


def _quantity(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}value", sa.Float()),
        sa.Column(f"{prefix}low", sa.Float()),
        sa.Column(f"{prefix}high", sa.Float()),
        sa.Column(f"{prefix}qualifier", sa.String(16)),
    ]


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("url", sa.String()),
        sa.Column("content_hash", sa.String(80), nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("source", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("pipeline", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text()),
        sa.Column("fingerprint", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("seq", name="uq_documents_seq"),
        sa.UniqueConstraint("url", name="uq_documents_url"),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_lang", "documents", ["lang"])
    op.create_index("ix_documents_published", "documents", ["published"])


def _sentences() -> None:
    op.create_table(
        "sentences",
        _document_fk("sentences"),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text()),
        sa.PrimaryKeyConstraint("document_id", "idx", name="pk_sentences"),
    )


def _mentions() -> None:
    op.create_table(
        "mentions",
        _document_fk("mentions"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        *_span(),
        sa.Column("stage", sa.String(128), nullable=False),
        sa.Column("entity_id", sa.String(128)),
        sa.Column("label", sa.String(16)),
        sa.Column("canonical", sa.Text()),
        *_place(),
        *_time(),
        *_quantity(""),
        sa.Column("what", sa.Text()),
        *_span("what_"),
        sa.PrimaryKeyConstraint("document_id", "kind", "idx", name="pk_mentions"),
        sa.CheckConstraint("kind IN ('entity', 'place', 'time', 'quantity')", name="ck_mentions_kind"),
    )
    op.create_index("ix_mentions_canonical", "mentions", ["canonical"])
    op.create_index("ix_mentions_place_name", "mentions", ["place_name"])


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("subtype", sa.String(64), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        *_place(),
        *_time(),
        *_quantity("fatalities_"),
        *_quantity("injured_"),
        sa.Column("stage", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_time_value", "events", ["time_value"])


def _event_mentions() -> None:
    op.create_table(
        "event_mentions",
        sa.Column("id", sa.String(), nullable=False),
        _document_fk("event_mentions"),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(128), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        *_span("trigger_"),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("subtype", sa.String(64), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        *_place(),
        *_time(),
        *_quantity("fatalities_"),
        *_quantity("injured_"),
        sa.Column(
            "event_id",
            sa.String(),
            sa.ForeignKey("events.id", ondelete="SET NULL", name="fk_event_mentions_event_id_events"),
        ),
        sa.Column("stage", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_mentions"),
    )
    op.create_index("ix_event_mentions_type", "event_mentions", ["type"])
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])
    op.create_index("ix_event_mentions_document_id_idx", "event_mentions", ["document_id", "idx"], unique=True)


def _event_arguments() -> None:
    op.create_table(
        "event_arguments",
        sa.Column(
            "event_mention_id",
            sa.String(),
            sa.ForeignKey(
                "event_mentions.id",
                ondelete="CASCADE",
                name="fk_event_arguments_event_mention_id_event_mentions",
            ),
            nullable=False,
        ),
        sa.Column("idx", sa.Integer(), nullable=False),
        _document_fk("event_arguments"),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer()),
        sa.Column("end", sa.Integer()),
        sa.Column("stage", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("event_mention_id", "idx", name="pk_event_arguments"),
        sa.CheckConstraint(
            "role IN ('actor', 'target', 'place', 'time', 'fatalities', 'injured')",
            name="ck_event_arguments_role",
        ),
    )
    op.create_index("ix_event_arguments_document_id", "event_arguments", ["document_id"])
    op.create_index("ix_event_arguments_role_value", "event_arguments", ["role", "value"])


def _claims() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.String(), nullable=False),
        _document_fk("claims"),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(128), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        *_quantity(""),
        sa.Column("source", sa.Text()),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        *_time(),
        sa.Column("places", sa.JSON(), nullable=False),
        *_span("span_"),
        sa.Column("related", sa.JSON(), nullable=False),
        sa.Column("stage", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    op.create_index("ix_claims_document_id_idx", "claims", ["document_id", "idx"], unique=True)


def _failures() -> None:
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failures"),
    )
    op.create_index("ix_failures_origin_code", "failures", ["origin", "code"], unique=True)


def _full_text() -> None:
    """SQLite only: the FTS5 index over documents(title, text), kept in sync by triggers."""
    for statement in FTS_SQL:
        op.execute(statement)


def upgrade() -> None:
    _documents()
    _events()
    _sentences()
    _mentions()
    _event_mentions()
    _event_arguments()
    _claims()
    _failures()
    if _has_fts5():
        _full_text()


def _has_fts5() -> bool:
    """True on SQLite builds with FTS5 (nearly all); elsewhere search falls back to ILIKE."""
    if context.is_offline_mode():  # --sql: no connection to ask; emit the FTS statements
        return op.get_context().dialect.name == "sqlite"
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    return bool(bind.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("failures", "claims", "event_arguments", "event_mentions", "mentions", "sentences"):
        op.drop_table(table)
    op.drop_table("events")
    op.drop_table("documents")
