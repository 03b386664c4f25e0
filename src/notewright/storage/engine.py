"""Engines for the record and the vault: SQLite (WAL, foreign keys, busy timeout, every
transaction BEGIN IMMEDIATE) or PostgreSQL through psycopg 3.

Why BEGIN IMMEDIATE on SQLite: almost every transaction writes (even reads of PHI write
an audit event). A deferred transaction that later tries to write can fail at once with
"database is locked" when another writer got there first; IMMEDIATE takes the write lock
up front and waits (busy timeout) instead, so concurrent writers queue, never fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url

BUSY_TIMEOUT_MS = 30_000


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database:
        raise ValueError("an SQLite URL without a file path")
    return Path(database)


def require_existing(url: str) -> None:
    """Refuse to open a SQLite store that is not there: opening it would create an empty
    file, which a later restore then refuses to replace."""
    if is_sqlite(url) and not sqlite_path(url).exists():
        from notewright.errors import ConfigurationError

        raise ConfigurationError(f"no store at {sqlite_path(url)}; run `notewright init` first "
                                 "or set NOTEWRIGHT_DATA_DIR / NOTEWRIGHT_DATABASE_URL")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if is_sqlite(url):
        engine = create_engine(url, echo=echo,
                               connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # FULL: a signed note that was reported committed survives a power cut, not only
    # a crash of the process.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin_immediate(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")
