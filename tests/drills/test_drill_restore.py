"""Backup → wipe → restore drill on SQLite and PostgreSQL, through the CLI as an
operator runs it (`notewright backup DIR`, the stores destroyed, `notewright restore
DIR`), checked with a manifest this test computes on its own: every encrypted row of
the record and every vault entry decrypted here with AES-GCM and HKDF straight from the
key material (not through notewright's Cipher), hashed with its clear columns; the
audit chain compared event by event. After the restore the manifest is identical,
`notewright audit verify` passes and practice/ reads the chart and the vault again."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
from datetime import date
from datetime import time as dtime
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, select, text

from notewright import practice
from notewright.practice import packets
from notewright.practice import requests as rq
from notewright.practice.store import Store
from notewright.records.model import Practice, Role
from notewright.storage import tables
from notewright.storage.engine import make_engine, sqlite_path
from notewright.storage.vault_tables import psychotherapy_notes as PN

PASSWORD = "synthetic-password-1"
ENCRYPTED = {t.name: cols for t, cols in (
    (tables.progress_notes, ("body",)), (tables.addenda, ("body",)),
    (tables.treatment_plans, ("body",)), (tables.authorizations, ("body",)),
    (tables.records_requests, ("body",)), (tables.request_decisions, ("body",)),
    (tables.accounting_entries, ("body",)), (tables.amendment_requests, ("body",)),
    (tables.release_packets, ("pdf", "fhir")))}


def _open(key: bytes, aad: str, blob: bytes) -> bytes:
    assert blob[:1] == b"\x01"
    return AESGCM(key).decrypt(blob[1:13], blob[13:], aad.encode())


def manifest(record: Engine, vault: Engine, record_key: bytes, vault_key: bytes
             ) -> dict[str, str]:
    out: dict[str, str] = {}
    with record.connect() as conn:
        for name, columns in ENCRYPTED.items():
            table = tables.metadata.tables[name]
            for row in conn.execute(select(table)).mappings():
                digest = hashlib.sha256()
                for col in table.columns:
                    value = row[col.name]
                    if col.name in columns and value is not None:
                        value = _open(record_key, f"notewright|{name}.{col.name}|{row['id']}",
                                      value)
                    elif col.name in columns or col.name == "key_id":
                        pass
                    digest.update(f"{col.name}={value!r};".encode())
                out[f"{name}:{row['id']}"] = digest.hexdigest()
        for row in conn.execute(select(tables.audit_events)
                                .order_by(tables.audit_events.c.seq)).mappings():
            out[f"audit:{row['seq']}"] = row["hash"]
        conn.rollback()
    with vault.connect() as conn:
        for row in conn.execute(select(PN)).mappings():
            key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"notewright-vault-v1",
                       info=f"psychotherapy-notes/author/{row['author_id']}".encode()
                       ).derive(vault_key)
            plain = _open(key, f"notewright|psychotherapy_notes.body|{row['id']}|author="
                               f"{row['author_id']}", row["body"])
            out[f"vault:{row['id']}"] = hashlib.sha256(
                plain + repr((row["client_id"], row["author_id"], row["version"],
                              row["created_at"], row["updated_at"])).encode()).hexdigest()
        conn.rollback()
    return out


def _world(store: Store) -> tuple[str, list[str]]:
    alex = practice.init_practice(store, Practice("Restore Lane Counseling", "OR"),
                                  username="alex", display_name="Alex Kim", password=PASSWORD)
    avery = practice.add_user(store, alex, username="avery", display_name="Dr. Avery Quinn",
                              roles=[Role.CLINICIAN], password=PASSWORD)
    blake = practice.add_user(store, alex, username="blake", display_name="Dr. Blake Moreno",
                              roles=[Role.CLINICIAN], password=PASSWORD)
    frankie = practice.add_user(store, alex, username="frankie", display_name="Frankie Diaz",
                                roles=[Role.FRONT_DESK], password=PASSWORD)
    casey = practice.create_client(store, avery, given_name="Casey", family_name="Rivera",
                                   date_of_birth=date(1991, 4, 12), state="OR")
    practice.add_to_care_team(store, alex, casey.id, "blake")
    pn_ids = []
    for i in range(6):
        author = avery if i % 2 == 0 else blake
        s = practice.record_session(store, author, client_id=casey.id,
                                    date=date(2026, 1, 5 + i), start=dtime(14, 0),
                                    end=dtime(14, 50), modality="individual",
                                    cpt_code="90834")
        note = practice.save_draft(store, author, session_id=s.id, content={
            "sections": [{"name": "subjective", "statements": [
                {"text": f"RESTOREMARK {i} reports better sleep ünïcödé.",
                 "sources": [[0, 11]]}]}]})
        if i < 5:
            practice.sign_note(store, author, note.id)
        pn_ids.append(practice.write_psychotherapy_note(
            store, author, client_id=casey.id, session_id=s.id,
            text=f"RESTOREVAULT {i} hypotheses").id)
    taken = rq.intake(store, frankie, client_id=casey.id, requester="court",
                      requester_name="Restore County Court", basis="court_order",
                      categories=["progress_notes"], received_on=store.clock().date(),
                      facts={"order_scope": ["progress_notes"],
                             "order_signed_by_judge": True}, format="both")
    rq.decide_request(store, avery, taken.request.id)
    rq.confirm_decision(store, avery, taken.request.id, reason="Reviewed against the order.")
    packets.build_packet(store, avery, taken.request.id)
    packets.mark_sent(store, avery, taken.request.id, via="portal")
    return casey.id, pn_ids


def _cli(db, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "notewright", *args], env=db.env(),
                          capture_output=True, text=True, timeout=300)


def _wipe(db) -> None:
    s = db.settings
    for url in (s.database_url, s.vault_url):
        if db.kind == "sqlite":
            path = sqlite_path(url)
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                p.unlink(missing_ok=True)
        else:
            engine = make_engine(url)
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            engine.dispose()


def test_backup_wipe_restore_gives_back_every_note_and_vault_entry(db, store, tmp_path):
    client_id, pn_ids = _world(store)
    record_key = base64.b64decode(db.settings.record_key.value)
    vault_key = base64.b64decode(db.settings.vault_key.value)
    before = manifest(store.record, store.vault, record_key, vault_key)
    assert sum(k.startswith("progress_notes:") for k in before) == 6
    assert sum(k.startswith("vault:") for k in before) == 6
    assert any(k.startswith("release_packets:") for k in before)
    store.close()

    backup_dir = tmp_path / "backup"
    r = _cli(db, "backup", str(backup_dir))
    assert r.returncode == 0, r.stderr
    assert "keys are NOT in this backup" in r.stderr
    _wipe(db)
    wiped = _cli(db, "audit", "verify")
    assert wiped.returncode != 0  # the stores really are gone
    _wipe(db)  # (opening a missing SQLite store creates an empty file: remove it again)
    r = _cli(db, "restore", str(backup_dir))
    assert r.returncode == 0, r.stderr
    r = _cli(db, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr

    restored = practice.open_store(db.settings)
    try:
        after = manifest(restored.record, restored.vault, record_key, vault_key)
        # Everything is back, identical; the only additions are the audit events that
        # `backup` (after its snapshot) and `restore` append about themselves.
        assert {k: v for k, v in after.items() if k in before} == before
        extra = sorted(set(after) - set(before))
        assert len(extra) == 1 and extra[0].startswith("audit:")
        with restored.record.connect() as conn:
            last = conn.execute(select(tables.audit_events.c.action).order_by(
                tables.audit_events.c.seq.desc())).first()
            conn.rollback()
        assert last is not None and last.action == "backup.restore"
        with restored.record.connect() as conn:
            from notewright.storage import records

            avery, _ = records.load_user(conn, username="avery")
            conn.rollback()
        chart = practice.open_chart(restored, avery, client_id)
        assert len(chart.notes) == 6
        for pn_id in pn_ids[::2]:  # avery's own vault entries, through practice/
            assert practice.read_psychotherapy_note(restored, avery, pn_id).text.startswith(
                "RESTOREVAULT")
    finally:
        restored.close()
