"""For the HTTP API's filters and lists: the day an event or claim is filed under (a column, filled for
existing rows) and indexes on it and on event country, date, coordinates, place, fatalities; covering
indexes for the actor and place rankings.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

Frozen: describes the change from 0002 to 0003 only.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DAY_TABLES = ("event_mentions", "claims")
INDEXES = (
    ("ix_event_mentions_day_id", "event_mentions", ["day", "id"]),
    ("ix_event_mentions_id_day", "event_mentions", ["id", "day"]),
    ("ix_event_mentions_type_day_id", "event_mentions", ["type", "day", "id"]),
    ("ix_event_mentions_country_code_day_type", "event_mentions", ["country_code", "day", "type"]),
    ("ix_event_mentions_lon_lat_day_id", "event_mentions", ["lon", "lat", "day", "id"]),
    ("ix_event_mentions_place_name_country_code", "event_mentions", ["place_name", "country_code"]),
    ("ix_event_mentions_fatalities_value", "event_mentions", ["fatalities_value"]),
    ("ix_event_arguments_role_value_event_mention_id", "event_arguments", ["role", "value", "event_mention_id"]),
    ("ix_claims_day", "claims", ["day"]),
    (
        "ix_mentions_kind_canonical_document_id_label_actor_type",
        "mentions",
        ["kind", "canonical", "document_id", "label", "actor_type"],
    ),
    (
        "ix_mentions_kind_place_name_country_code_lat_lon_geonames_id",
        "mentions",
        ["kind", "place_name", "country_code", "lat", "lon", "geonames_id"],
    ),
)


# The day: the time value when it is a day (a month or a year from its first day), else published.
DAY_SQL = """
UPDATE {table} SET day = CASE
  WHEN time_precision = 'day' THEN substr(time_value, 1, 10)
  WHEN time_precision = 'month' AND time_value IS NOT NULL THEN substr(time_value, 1, 7) || '-01'
  WHEN time_precision = 'year' AND time_value IS NOT NULL THEN substr(time_value, 1, 4) || '-01-01'
  ELSE (SELECT CAST(documents.published AS VARCHAR(10)) FROM documents WHERE documents.id = {table}.document_id)
END
"""


def upgrade() -> None:
    for table in DAY_TABLES:
        op.add_column(table, sa.Column("day", sa.String(10)))
        op.execute(DAY_SQL.format(table=table))
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    for table in DAY_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("day")
