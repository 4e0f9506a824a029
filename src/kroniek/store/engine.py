"""Opening a chronicle database: URL, engine, SQLite settings, Alembic upgrade."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .schema import FTS_TABLE

SQLITE_PRAGMAS = ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL")
SQLITE_BUSY_TIMEOUT_S = 30


def database_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL: URLs pass through, a plain path becomes ``sqlite:///path``."""
    value = str(url_or_path)
    if "://" in value:
        return value
    if value in ("", ":memory:"):
        return "sqlite://"
    return f"sqlite:///{value}"


def connect(url_or_path: str | Path) -> tuple[Engine, bool]:
    """An engine on an up-to-date schema, and whether it has the SQLite full-text index."""
    url = database_url(url_or_path)
    shown = _redacted(url)
    try:
        engine = create(url)
        upgrade(engine)
        return engine, has_full_text(engine)
    except (SQLAlchemyError, ImportError) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot open the chronicle: {reason}", source=shown) from exc
    except Exception as exc:  # alembic.util.CommandError: e.g. a database from a newer Kroniek
        if type(exc).__module__.startswith("alembic"):
            raise StoreError(f"cannot migrate the chronicle: {exc}", source=shown) from exc
        raise


def _redacted(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url


def create(url: str) -> Engine:
    """An engine; on SQLite with WAL, foreign keys, NORMAL sync and real transactions."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin
    # (the documented SQLAlchemy recipe), so reads and DDL are transactional too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("kroniek_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def alembic_config(engine: Engine | None = None) -> Any:
    """An Alembic Config pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    location = str(files("kroniek.store").joinpath("migrations"))
    config.set_main_option("script_location", location.replace("%", "%%"))
    if engine is not None:
        url = engine.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run ``alembic upgrade <revision>`` on ``engine`` in one transaction."""
    from alembic import command

    config = alembic_config(engine)
    with engine.connect() as connection:
        connection.execution_options(kroniek_begin="IMMEDIATE")
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, revision)


def has_full_text(engine: Engine) -> bool:
    """Whether the FTS5 table exists (SQLite with FTS5 only)."""
    if engine.dialect.name != "sqlite":
        return False
    return FTS_TABLE in inspect(engine).get_table_names()
