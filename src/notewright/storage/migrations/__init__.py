"""Run the Alembic migrations shipped inside the package, for the record or the vault.

One history per store (versions/record, versions/vault), each written once and run
unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

STORES = ("record", "vault")


def _config(store: str) -> Config:
    if store not in STORES:
        raise ValueError(f"unknown store {store!r}")
    here = Path(str(resources.files("notewright.storage.migrations")))
    cfg = Config()
    cfg.set_main_option("script_location", str(here))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", str(here / "versions" / store))
    cfg.attributes["store"] = store
    return cfg


def upgrade(engine: Engine, store: str, revision: str = "head") -> None:
    cfg = _config(store)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
    return rev


def head(store: str) -> str | None:
    return ScriptDirectory.from_config(_config(store)).get_current_head()


def revision(store: str, engine: Engine, message: str) -> None:
    """Developer helper: autogenerate a new revision against an up-to-date database."""
    cfg = _config(store)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, autogenerate=True)
