"""Alembic environment for the chronicle.

Used both programmatically (``Chronicle.open`` passes its open connection in
``config.attributes["connection"]``) and from the command line with the
``alembic.ini`` next to this package (``alembic -c src/kroniek/store/alembic.ini``;
set ``sqlalchemy.url`` there or with ``-x url=...``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from kroniek.store.schema import include_name, metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
    )


def _url() -> str:
    return context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option("sqlalchemy.url")


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=metadata, literal_binds=True, include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url())
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
