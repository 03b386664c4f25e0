"""Alembic environment for both stores. `store` (record or vault) picks the metadata;
the caller normally passes an open connection (see migrations/__init__.py), and
`alembic -x store=vault -x url=...` works from a checkout too."""

from __future__ import annotations

from alembic import context
from sqlalchemy import MetaData

from notewright.storage import tables, vault_tables
from notewright.storage.engine import make_engine

config = context.config
x = context.get_x_argument(as_dictionary=True)
store = config.attributes.get("store") or x.get("store", "record")
target: MetaData = vault_tables.metadata if store == "vault" else tables.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target,
                          render_as_batch=True, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = x.get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give -x url=... (and -x store=record|vault)")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target,
                              render_as_batch=True, compare_type=True)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


run()
