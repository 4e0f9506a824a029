"""Actor knowledge base and supplement places: entity actor type and affiliation, place supplement id.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Frozen: describes the change from 0001 to 0002 only (nullable columns, so existing rows stay valid).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLACE_TABLES = ("mentions", "events", "event_mentions")


def upgrade() -> None:
    op.add_column("mentions", sa.Column("actor_type", sa.String(64)))
    op.add_column("mentions", sa.Column("affiliation", sa.Text()))
    for table in PLACE_TABLES:
        op.add_column(table, sa.Column("place_supplement_id", sa.String(128)))


def downgrade() -> None:
    for table in PLACE_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("place_supplement_id")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("affiliation")
        batch.drop_column("actor_type")
