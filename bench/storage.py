"""Storage figures on SQLite and PostgreSQL (prints a table; never fails on a number).

    notes signed per second (draft + encrypt + hash + audit + commit, one transaction each)
    time to open a client chart with 500 notes (decrypt + verify every note)
    time to list a clinician's unsigned notes

Targets: chart with 500 notes <= 50 ms; signing >= 200 notes/s on SQLite.
PostgreSQL: NOTEWRIGHT_BENCH_POSTGRES_URL, default the local server; a scratch pair of
databases is created and dropped.
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import date
from datetime import time as clock_time
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import create_engine, make_url, text

from notewright import practice
from notewright.practice import users
from notewright.records.access import load_policy
from notewright.records.model import Practice, Role
from notewright.storage import migrations
from notewright.storage.encryption import Cipher, KeyRing
from notewright.storage.engine import make_engine

PG = os.environ.get("NOTEWRIGHT_BENCH_POSTGRES_URL",
                    "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
N_SIGN = 500
CHART_NOTES = 500
CONTENT = {"format": "soap", "sections": [
    {"name": name, "statements": [{"text": "Synthetic statement about the session. " * 3,
                                   "sources": [[0, 40], [41, 90]]}] * 3}
    for name in ("subjective", "objective", "assessment", "plan")]}


def run(label: str, record_url: str, vault_url: str) -> None:
    record, vault = make_engine(record_url), make_engine(vault_url)
    migrations.upgrade(record, "record")
    migrations.upgrade(vault, "vault")
    store = practice.Store(record=record, vault=vault, cipher=Cipher(KeyRing.generate()),
                           policy=load_policy())
    users._hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    try:
        admin = practice.init_practice(store, Practice("Bench", "CA"), username="alex",
                                       display_name="A", password="bench-password")
        avery = practice.add_user(store, admin, username="avery", display_name="Dr. Q",
                                  roles=[Role.CLINICIAN], password="bench-password")
        client = practice.create_client(store, avery, given_name="Casey", family_name="R",
                                        date_of_birth=date(1990, 1, 1), state="CA")
        session = practice.record_session(store, avery, client_id=client.id,
                                          date=date(2026, 3, 2), start=clock_time(14),
                                          end=clock_time(14, 50), modality="individual",
                                          cpt_code="90834")
        drafts = [practice.save_draft(store, avery, session_id=session.id, content=CONTENT)
                  for _ in range(N_SIGN)]
        start = time.perf_counter()
        for d in drafts:
            practice.sign_note(store, avery, d.id)
        sign_rate = N_SIGN / (time.perf_counter() - start)
        for _ in range(CHART_NOTES - N_SIGN + 20):  # 20 drafts stay unsigned
            practice.save_draft(store, avery, session_id=session.id, content=CONTENT)
        chart_ms, unsigned_ms = [], []
        for _ in range(7):
            t0 = time.perf_counter()
            chart = practice.open_chart(store, avery, client.id)
            chart_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            unsigned = practice.list_unsigned(store, avery)
            unsigned_ms.append((time.perf_counter() - t0) * 1000)
        print(f"{label:<11} {sign_rate:>10.0f} {len(chart.notes):>7} "
              f"{statistics.median(chart_ms):>14.1f} {len(unsigned):>9} "
              f"{statistics.median(unsigned_ms):>14.1f}")
    finally:
        store.close()


def main() -> int:
    print(f"{'store':<11} {'signed/s':>10} {'notes':>7} {'chart ms (p50)':>14} "
          f"{'unsigned':>9} {'list ms (p50)':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        run("sqlite", f"sqlite:///{Path(tmp) / 'r.sqlite3'}",
            f"sqlite:///{Path(tmp) / 'v.sqlite3'}")
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    names = [f"nw_bench_{secrets.token_hex(3)}_{s}" for s in ("record", "vault")]
    try:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f"CREATE DATABASE {name}"))
        base = make_url(PG)
        run("postgresql", base.set(database=names[0]).render_as_string(False),
            base.set(database=names[1]).render_as_string(False))
    except Exception as exc:  # the SQLite figures are still worth printing
        print(f"postgresql  skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
    print("targets: chart with 500 notes <= 50 ms; signing >= 200 notes/s on SQLite")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
