"""`db`: every storage test runs on an SQLite file AND on the real PostgreSQL server.

PostgreSQL: two template databases are migrated once per session (record and vault,
each owned by its own role, the vault closed to everyone else); each test gets fresh
copies (CREATE DATABASE … TEMPLATE, fast) and they are dropped afterwards. SQLite: the
migrated template files are copied per test. No in-memory stand-ins.
"""

from __future__ import annotations

import base64
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, make_url, text

from notewright import settings as settings_mod
from notewright.practice import store as store_mod
from notewright.settings import Secret, Settings
from notewright.storage import migrations
from notewright.storage.engine import make_engine

PG_URL = os.environ.get("NOTEWRIGHT_TEST_POSTGRES_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
RUN = secrets.token_hex(3)
REC_ROLE, VAULT_ROLE = f"nw_rec_{RUN}", f"nw_vault_{RUN}"


@dataclass(frozen=True)
class DB:
    kind: str  # "sqlite" or "postgresql"
    settings: Settings

    def env(self) -> dict[str, str]:
        """The environment a subprocess (CLI, writer) needs to reach the same stores."""
        s = self.settings
        assert s.record_key and s.vault_key
        return {**os.environ, "NOTEWRIGHT_DATA_DIR": str(s.data_dir),
                "NOTEWRIGHT_DATABASE_URL": s.database_url, "NOTEWRIGHT_VAULT_URL": s.vault_url,
                "NOTEWRIGHT_RECORD_KEY": s.record_key.value,
                "NOTEWRIGHT_VAULT_KEY": s.vault_key.value}


def _keys() -> tuple[Secret, Secret]:
    return (Secret(base64.b64encode(os.urandom(32)).decode()),
            Secret(base64.b64encode(os.urandom(32)).decode()))


def _url(role: str, database: str) -> str:
    return make_url(PG_URL).set(username=role, password=None,
                                database=database).render_as_string(hide_password=False)


class PgServer:
    def __init__(self) -> None:
        self.admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []
        with self.admin.connect() as c:
            for role in (REC_ROLE, VAULT_ROLE):
                c.execute(text(f"CREATE ROLE {role} LOGIN"))
        self.tpl = {"record": self.create("record"), "vault": self.create("vault")}
        for store, db in self.tpl.items():
            engine = make_engine(self.url(store, db))
            migrations.upgrade(engine, store)
            engine.dispose()

    def url(self, store: str, database: str) -> str:
        return _url(REC_ROLE if store == "record" else VAULT_ROLE, database)

    def create(self, store: str, template: str | None = None) -> str:
        name = f"nw_test_{RUN}_{store}_{len(self.created)}"
        owner = REC_ROLE if store == "record" else VAULT_ROLE
        tpl = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as c:
            c.execute(text(f"CREATE DATABASE {name} OWNER {owner}{tpl}"))
            # Only its owner may connect: the record's role cannot open the vault.
            c.execute(text(f"REVOKE CONNECT ON DATABASE {name} FROM PUBLIC"))
            c.execute(text(f"GRANT CONNECT ON DATABASE {name} TO {owner}"))
        self.created.append(name)
        return name

    def close(self) -> None:
        with self.admin.connect() as c:
            for name in reversed(self.created):
                c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            for role in (REC_ROLE, VAULT_ROLE):
                c.execute(text(f"DROP ROLE IF EXISTS {role}"))
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("tpl")
    out = {}
    for store in ("record", "vault"):
        path = base / f"{store}.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        migrations.upgrade(engine, store)
        engine.dispose()
        out[store] = path
    return out


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> DB:
    record_key, vault_key = _keys()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if request.param == "sqlite":
        tpl = request.getfixturevalue("sqlite_templates")
        for store in ("record", "vault"):
            shutil.copy(tpl[store], data_dir / f"{store}.sqlite3")
        record_url = f"sqlite:///{data_dir / 'record.sqlite3'}"
        vault_url = f"sqlite:///{data_dir / 'vault.sqlite3'}"
    else:
        pg: PgServer = request.getfixturevalue("pg_server")
        record_url = pg.url("record", pg.create("record", pg.tpl["record"]))
        vault_url = pg.url("vault", pg.create("vault", pg.tpl["vault"]))
    s = settings_mod.load({"NOTEWRIGHT_DATA_DIR": str(data_dir),
                           "NOTEWRIGHT_DATABASE_URL": record_url,
                           "NOTEWRIGHT_VAULT_URL": vault_url})
    return DB(request.param, replace(s, record_key=record_key, vault_key=vault_key))


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at test strength: the suite checks behaviour, not hashing cost."""
    from notewright.practice import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64,
                                                         parallelism=1))


@pytest.fixture
def store(db: DB) -> Iterator[store_mod.Store]:
    s = store_mod.open_store(db.settings)
    yield s
    s.close()
