"""Generate a synthetic group practice in PostgreSQL for the scale figures (issue 7).

    NOTEWRIGHT_DATA_DIR=/tmp/nw-scale \\
    NOTEWRIGHT_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/nw_scale_record \\
    NOTEWRIGHT_VAULT_URL=postgresql+psycopg://postgres@127.0.0.1:5432/nw_scale_vault \\
    .venv/bin/python scripts/make_scale_practice.py \\
        [--clinicians 200] [--clients 20000] [--notes 1000000] [--create-databases]

Defaults are the issue's full size. The two databases must be empty (or absent, with
--create-databases). Keys come from the environment or the key file in the data
directory (created when missing, like `notewright init`). The practice, its admin
(`admin`, password `synthetic-scale-1`) and the audit chain's first events are made
through practice/; the bulk (clinicians, clients, care teams, one session per note,
progress notes, accounting entries) is streamed with COPY. Every note body is encrypted
for its own row (the associated data binds a ciphertext to its row id, so ciphertexts
cannot be shared) and every signed note carries its real content hash, so `open_chart`
decrypts and verifies them exactly as in production. Bulk rows have no audit events of
their own (a load, not clinical activity); the chain still verifies.

Everything is synthetic: clinicians are "Clinician 0001", clients "Client 000001 Scale".
Fixed seed; the same arguments give the same practice (ids included).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from sqlalchemy import Engine, make_url, text

from notewright import practice, settings
from notewright.practice.store import Store
from notewright.records.lifecycle import canonical_json
from notewright.records.model import Practice
from notewright.storage import encryption, migrations

ADMIN, PASSWORD = "admin", "synthetic-scale-1"
START = datetime(2024, 1, 1, tzinfo=UTC)
DRAFT_SHARE = 0.02  # every other client: the newest 2% of notes (at least one) are drafts
CONTENTS = [
    {"format": "soap", "sections": [
        {"name": "subjective", "statements": [{"text": f"Client reports {mood} this week.",
                                               "sources": [[0, 20]]}]},
        {"name": "plan", "statements": [{"text": "Follow up in one week.",
                                         "sources": [[21, 30]]}]}]}
    for mood in ("low mood", "better sleep", "work stress", "steadier mood", "less worry")
]


@dataclass(frozen=True)
class Sizes:
    clinicians: int
    clients: int
    notes: int
    accounting_per_client: int = 2


def _id(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _copy(engine: Engine, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
          ) -> int:
    """Stream rows into `table` with COPY ... FROM STDIN (one transaction)."""
    raw = engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        n = 0
        with conn.cursor() as cur, cur.copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        conn.commit()
        return n
    finally:
        raw.close()


def _note_hash(payload: dict[str, Any]) -> str:
    import hashlib

    return hashlib.sha256(canonical_json(payload)).hexdigest()


def generate(store: Store, sizes: Sizes, *, seed: int = 7,
             log: Callable[[str], None] = print) -> dict[str, float]:
    """Fill an initialized, empty practice's record. Returns seconds per phase."""
    if store.record.dialect.name != "postgresql":
        raise SystemExit("the scale practice is PostgreSQL only (COPY)")
    rng = random.Random(seed)
    timings: dict[str, float] = {}
    naive = START.replace(tzinfo=None)

    def phase(name: str, started: float, count: int) -> None:
        timings[name] = time.perf_counter() - started
        log(f"{name:<18} {count:>10,} rows  {timings[name]:8.1f} s")

    with store.record.connect() as conn:
        pw_hash = conn.execute(text("SELECT password_hash FROM users WHERE username = :u"),
                               {"u": ADMIN}).scalar_one()
        admin_id = conn.execute(text("SELECT id FROM users WHERE username = :u"),
                                {"u": ADMIN}).scalar_one()
        conn.rollback()

    t0 = time.perf_counter()
    clinicians = [_id(rng) for _ in range(sizes.clinicians)]
    phase("users", t0, _copy(store.record, "users",
                             ("id", "username", "display_name", "roles", "password_hash",
                              "active", "created_at"),
                             ((cid, f"clin{i:04d}", f"Clinician {i:04d}", "clinician",
                               pw_hash, True, naive) for i, cid in enumerate(clinicians))))

    t0 = time.perf_counter()
    clients = [_id(rng) for _ in range(sizes.clients)]
    owner = {c: clinicians[i % len(clinicians)] for i, c in enumerate(clients)}
    phase("clients", t0, _copy(store.record, "clients",
                               ("id", "given_name", "family_name", "date_of_birth", "state",
                                "personal_representatives", "created_by", "created_at"),
                               ((c, f"Client {i:06d}", "Scale",
                                 date(1960 + i % 45, 1 + i % 12, 1 + i % 28), "CA", "[]",
                                 admin_id, naive) for i, c in enumerate(clients))))
    t0 = time.perf_counter()
    phase("care_team", t0, _copy(store.record, "care_team", ("client_id", "user_id"),
                                 ((c, owner[c]) for c in clients)))

    # Notes are spread evenly over clients, one session each, and written in date order
    # (week by week across the practice, as a real practice writes them), so a client's
    # notes lie on as many table pages as in production, not packed together.
    per_client = [sizes.notes // sizes.clients + (1 if k < sizes.notes % sizes.clients else 0)
                  for k in range(sizes.clients)]
    plan: list[tuple[str, str, str, str, int, int]] = []  # note, session, client, author, j, n
    for j in range(max(per_client)):
        for k, c in enumerate(clients):
            if j < per_client[k]:
                plan.append((_id(rng), _id(rng), c, owner[c], j, per_client[k]))

    def when(j: int, k: int) -> datetime:
        return START + timedelta(days=7 * j + k % 7, hours=9 + k % 8)

    t0 = time.perf_counter()
    phase("sessions", t0, _copy(
        store.record, "sessions",
        ("id", "client_id", "clinician_id", "date", "start_time", "end_time", "modality",
         "cpt_code", "place_of_service", "telehealth"),
        ((sid, c, a, when(j, i).date(), dtime(9 + i % 8, 0), dtime(9 + i % 8, 50),
          "individual", "90834", "11", False)
         for i, (_, sid, c, a, j, _) in enumerate(plan))))

    cipher = store.cipher
    k_of = {c: k for k, c in enumerate(clients)}

    def note_rows() -> Iterable[Sequence[Any]]:
        for i, (nid, sid, c, a, j, n) in enumerate(plan):
            content = CONTENTS[i % len(CONTENTS)]
            created = when(j, i)
            signed_at = created + timedelta(hours=2)
            draft = k_of[c] % 2 == 0 and j >= n - max(1, round(DRAFT_SHARE * n))
            body = json.dumps({"content": content, "amendment_reason": None},
                              separators=(",", ":")).encode()
            kid, blob = cipher.encrypt("progress_notes", "body", nid, body)
            if draft:
                status, chash, sby, sat = "draft", None, None, None
            else:
                status, sby, sat = "signed", a, signed_at
                chash = _note_hash({
                    "note_id": nid, "client_id": c, "session_id": sid, "author_id": a,
                    "format": "soap", "version": 1, "content": content, "signed_by": a,
                    "signed_at": signed_at.isoformat(), "amends_id": None,
                    "amendment_reason": None})
            naive_created = created.replace(tzinfo=None)
            yield (nid, c, sid, a, "soap", status, 1, blob, kid, chash, sby,
                   sat.replace(tzinfo=None) if sat else None, False, False, None, None,
                   None, None, naive_created,
                   (sat or created).replace(tzinfo=None))

    t0 = time.perf_counter()
    phase("progress_notes", t0, _copy(
        store.record, "progress_notes",
        ("id", "client_id", "session_id", "author_id", "format", "status", "version", "body",
         "key_id", "content_hash", "signed_by", "signed_at", "late_entry",
         "cosignature_required", "cosigned_by", "cosigned_at", "amends_id", "superseded_by",
         "created_at", "updated_at"), note_rows()))

    def entry_rows() -> Iterable[Sequence[Any]]:
        for k, c in enumerate(clients):
            for e in range(sizes.accounting_per_client if k % 4 == 0 else 0):
                eid = _id(rng)
                kid, blob = cipher.encrypt("accounting_entries", "body", eid, json.dumps({
                    "recipient": "Synthetic Health Plan", "description": "progress notes",
                    "purpose": "payment review", "suspension_reason": None}).encode())
                day = (START + timedelta(days=30 * e + k % 30)).date()
                yield (eid, c, None, None, day, blob, kid, None, naive)

    t0 = time.perf_counter()
    phase("accounting", t0, _copy(
        store.record, "accounting_entries",
        ("id", "client_id", "request_id", "packet_id", "disclosed_on", "body", "key_id",
         "suspended_until", "created_at"), entry_rows()))

    t0 = time.perf_counter()
    # Outside a transaction: statistics gathered inside one that rolls back are lost,
    # and without them the planner guesses 5,000 notes a client (and goes parallel).
    with store.record.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    phase("analyze", t0, 0)
    timings["total"] = sum(timings.values())
    log(f"{'total':<18} {'':>10}       {timings['total']:8.1f} s")
    return timings


def init(store: Store) -> None:
    """Migrate both stores and make the practice and its admin (through practice/)."""
    migrations.upgrade(store.record, "record")
    migrations.upgrade(store.vault, "vault")
    practice.init_practice(store, Practice("Synthetic Scale Group Practice", "CA"),
                           username=ADMIN, display_name="Scale Admin", password=PASSWORD)


def _create_databases(*urls: str) -> None:
    from sqlalchemy import create_engine

    for url in urls:
        u = make_url(url)
        admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            if c.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"),
                         {"d": u.database}).first() is None:
                c.execute(text(f'CREATE DATABASE "{u.database}"'))
        admin.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clinicians", type=int, default=200)
    p.add_argument("--clients", type=int, default=20_000)
    p.add_argument("--notes", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--create-databases", action="store_true",
                   help="CREATE DATABASE for the record and vault URLs when missing")
    args = p.parse_args(argv)
    s = settings.load()
    if s.database_url.startswith("sqlite"):
        raise SystemExit("set NOTEWRIGHT_DATABASE_URL (and NOTEWRIGHT_VAULT_URL) to PostgreSQL")
    if args.create_databases:
        _create_databases(s.database_url, s.vault_url)
    if s.keys_from_env:
        ring = encryption.load_keys(s)
    elif s.key_file.exists():
        ring = encryption.load_key_file(s.key_file)
    else:
        ring = encryption.KeyRing.generate()
        encryption.write_key_file(s.key_file, ring)
    store = practice.open_store(s, keys=ring)
    try:
        init(store)
        generate(store, Sizes(args.clinicians, args.clients, args.notes), seed=args.seed)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
