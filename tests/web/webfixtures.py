"""Fixtures of the web tests, imported by each test module rather than kept in a
conftest.py, so that no second module named `conftest` shadows tests/storage/conftest.py.

Web tests run against the seeded synthetic demo practice, on an SQLite file AND on the
real PostgreSQL server (the pattern of tests/storage/conftest.py: migrate and seed a
template once per session, copy it per test)."""

from __future__ import annotations

import base64
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, make_url, text
from webcast import Clock, Web

from notewright import settings as settings_mod
from notewright.practice import store as store_mod
from notewright.practice import users as users_mod
from notewright.settings import Secret, Settings
from notewright.storage import demo, migrations
from notewright.web.config import WebConfig

PG_URL = os.environ.get("NOTEWRIGHT_TEST_POSTGRES_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
RUN = secrets.token_hex(3)
REC_ROLE, VAULT_ROLE = f"nw_webrec_{RUN}", f"nw_webvault_{RUN}"
PASSWORD = demo.DEMO_PASSWORD
KEYS = (Secret(base64.b64encode(os.urandom(32)).decode()),
        Secret(base64.b64encode(os.urandom(32)).decode()))
FAST = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def _settings(data_dir: Path, record_url: str, vault_url: str) -> Settings:
    s = settings_mod.load({"NOTEWRIGHT_DATA_DIR": str(data_dir),
                           "NOTEWRIGHT_DATABASE_URL": record_url,
                           "NOTEWRIGHT_VAULT_URL": vault_url})
    return replace(s, record_key=KEYS[0], vault_key=KEYS[1])


def _seed(s: Settings) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(users_mod, "_hasher", FAST)
        store = store_mod.open_store(s)
        try:
            migrations.upgrade(store.record, "record")
            migrations.upgrade(store.vault, "vault")
            demo.seed(store)
        finally:
            store.close()


class PgServer:
    def __init__(self) -> None:
        self.admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []
        with self.admin.connect() as c:
            for role in (REC_ROLE, VAULT_ROLE):
                c.execute(text(f"CREATE ROLE {role} LOGIN"))
        self.tpl = {"record": self.create("record"), "vault": self.create("vault")}
        _seed(_settings(Path("/nonexistent"), self.url("record", self.tpl["record"]),
                        self.url("vault", self.tpl["vault"])))

    def url(self, store: str, database: str) -> str:
        role = REC_ROLE if store == "record" else VAULT_ROLE
        return make_url(PG_URL).set(username=role, password=None, database=database
                                    ).render_as_string(hide_password=False)

    def create(self, store: str, template: str | None = None) -> str:
        name = f"nw_webtest_{RUN}_{store}_{len(self.created)}"
        owner = REC_ROLE if store == "record" else VAULT_ROLE
        tpl = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as c:
            c.execute(text(f"CREATE DATABASE {name} OWNER {owner}{tpl}"))
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


_PG: list[PgServer] = []  # one server per run, shared by every module that imports this
_PG_USERS = [0]


@pytest.fixture(scope="session", name="web_pg_server")
def web_pg_server_fixture() -> Iterator[PgServer]:
    if not _PG:
        _PG.append(PgServer())
    _PG_USERS[0] += 1
    yield _PG[0]
    _PG_USERS[0] -= 1
    if _PG_USERS[0] == 0:
        _PG.pop().close()


@pytest.fixture(scope="session", name="web_sqlite_template")
def web_sqlite_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("webtpl")
    engine_paths = {k: base / f"{k}.sqlite3" for k in ("record", "vault")}
    _seed(_settings(base, f"sqlite:///{engine_paths['record']}",
                    f"sqlite:///{engine_paths['vault']}"))
    return base


def _make_web(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Web:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if kind == "sqlite":
        tpl: Path = request.getfixturevalue("web_sqlite_template")
        for name in ("record", "vault"):
            shutil.copy(tpl / f"{name}.sqlite3", data_dir / f"{name}.sqlite3")
        record_url = f"sqlite:///{data_dir / 'record.sqlite3'}"
        vault_url = f"sqlite:///{data_dir / 'vault.sqlite3'}"
    else:
        pg: PgServer = request.getfixturevalue("web_pg_server")
        record_url = pg.url("record", pg.create("record", pg.tpl["record"]))
        vault_url = pg.url("vault", pg.create("vault", pg.tpl["vault"]))
    s = _settings(data_dir, record_url, vault_url)
    clock = Clock()
    store = store_mod.open_store(s)
    store.clock = clock
    return Web(kind, s, store, clock, WebConfig())


@pytest.fixture(name="web",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def web_fixture(request: pytest.FixtureRequest, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[Web]:
    """Every access rule and workflow: on SQLite and on PostgreSQL."""
    monkeypatch.setattr(users_mod, "_hasher", FAST)
    w = _make_web(request.param, request, tmp_path)
    yield w
    w.store.close()


@pytest.fixture(name="web_sqlite")
def web_sqlite_fixture(request: pytest.FixtureRequest, tmp_path: Path,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[Web]:
    """Web mechanics that do not depend on the engine (cookies, CSRF, error pages)."""
    monkeypatch.setattr(users_mod, "_hasher", FAST)
    w = _make_web("sqlite", request, tmp_path)
    yield w
    w.store.close()


# What a test module imports to get the fixtures (pytest finds them in its namespace).
ALL = ("web_fixture", "web_sqlite_fixture", "web_pg_server_fixture",
       "web_sqlite_template_fixture")
