"""Crash drills on SQLite and PostgreSQL: an app process is killed with SIGKILL while it
signs notes and writes psychotherapy notes, and while it builds and sends release
packets. Afterwards nothing it reported committed is lost, nothing half-written is
visible, and `notewright audit verify` (a separate process) passes.

tests/storage/test_crash_and_concurrency.py kills a signer once; these drills add the
vault, repeated kills at different points with a restart after each, the release-packet
workflow (packet bytes, hashes, request status, accounting entry) and the CLI check."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from datetime import date
from datetime import time as dtime
from pathlib import Path

from sqlalchemy import select, text

from notewright import practice
from notewright.practice.store import Store
from notewright.records.model import NoteStatus, Practice, Role, User
from notewright.storage import audit_log, notes, packets, tables
from notewright.storage import psychotherapy_store as vault
from notewright.storage.vault_tables import psychotherapy_notes as PN

PROC = str(Path(__file__).with_name("drill_proc.py"))
PASSWORD = "synthetic-password-1"


def _cast(store: Store) -> tuple[User, User, str, str]:
    alex = practice.init_practice(store, Practice("Drill Lane Counseling", "OR"),
                                  username="alex", display_name="Alex Kim", password=PASSWORD)
    avery = practice.add_user(store, alex, username="avery", display_name="Dr. Avery Quinn",
                              roles=[Role.CLINICIAN], password=PASSWORD)
    frankie = practice.add_user(store, alex, username="frankie", display_name="Frankie Diaz",
                                roles=[Role.FRONT_DESK], password=PASSWORD)
    casey = practice.create_client(store, avery, given_name="Casey", family_name="Rivera",
                                   date_of_birth=date(1991, 4, 12), state="OR")
    session = practice.record_session(store, avery, client_id=casey.id,
                                      date=date(2026, 1, 5), start=dtime(14, 0),
                                      end=dtime(14, 50), modality="individual",
                                      cpt_code="90834")
    note = practice.save_draft(store, avery, session_id=session.id, content={
        "sections": [{"name": "subjective", "statements": [
            {"text": "Reports sleeping better.", "sources": [[0, 7]]}]}]})
    practice.sign_note(store, avery, note.id)
    return avery, frankie, casey.id, session.id


def _run_and_kill(db, args: list[str], lines_before_kill: int) -> list[list[str]]:
    proc = subprocess.Popen([sys.executable, PROC, *args], env=db.env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    got: list[list[str]] = []
    deadline = time.monotonic() + 90
    while len(got) < lines_before_kill and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            proc.wait()
            raise AssertionError("drill process exited: " + proc.stderr.read()[-3000:])
        got.append(line.split())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return got


def _audit_verify_cli(db) -> None:
    r = subprocess.run([sys.executable, "-m", "notewright", "audit", "verify"], env=db.env(),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def _integrity(db, store: Store) -> None:
    if db.kind == "sqlite":
        for engine in (store.record, store.vault):
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                conn.rollback()
    with store.record.connect() as conn:
        result = audit_log.verify(conn)
        assert result.ok, result.describe()
        conn.rollback()
    _audit_verify_cli(db)


def test_kill_9_while_signing_and_writing_the_vault(db, store):
    avery, _, client_id, session_id = _cast(store)
    reported: list[list[str]] = []
    # Three kills at different points; each restart carries on in the same stores.
    for lines in (7, 20, 33):
        reported += _run_and_kill(db, ["sign", "avery", session_id, client_id, "100000"],
                                  lines)
    _integrity(db, store)
    signed = {r[1] for r in reported if r[0] == "signed"}
    pns = {r[1] for r in reported if r[0] == "pn"}
    with store.record.connect() as conn:
        found = {n.id: n for n in notes.notes_for_client(conn, store.cipher, client_id)}
        sign_events = {e.object_id for e in audit_log.events(conn)
                       if e.action == "progress_note.sign"}
        conn.rollback()
    for note_id in signed:  # nothing reported signed is lost
        assert found[note_id].status is NoteStatus.SIGNED
    for note in found.values():  # nothing half-signed: status, hash and event agree
        if note.status is NoteStatus.SIGNED:
            assert note.content_hash and note.signed_at and note.id in sign_events
    assert sign_events == {n.id for n in found.values() if n.status is NoteStatus.SIGNED}
    with store.vault.connect() as conn:
        ids = set(conn.execute(select(PN.c.id).where(PN.c.client_id == client_id)).scalars())
        for pn_id in ids:  # every vault row decrypts for its author
            assert vault.load_pn(conn, store.cipher, pn_id,
                                 author_id=avery.id).text.startswith("DRILLVAULT")
        conn.rollback()
    assert pns <= ids


def test_kill_9_while_building_and_sending_release_packets(db, store):
    avery, frankie, client_id, _ = _cast(store)
    reported: list[list[str]] = []
    for lines in (3, 6):  # killed after a build (before its send), then mid-round
        reported += _run_and_kill(db, ["packet", "avery", "frankie", client_id, "1000"],
                                  lines)
    _integrity(db, store)
    built = {r[1]: r[2] for r in reported if r[0] == "built"}
    sent = {r[1]: r[2] for r in reported if r[0] == "sent"}
    assert built and sent
    rp, ae, rr = tables.release_packets, tables.accounting_entries, tables.records_requests
    with store.record.connect() as conn:
        packet_rows = {r.id: r for r in conn.execute(select(rp))}
        entries = list(conn.execute(select(ae)))
        requests = {r.id: r for r in conn.execute(select(rr))}
        for r in packet_rows.values():  # no packet row without its bytes and hashes
            pdf, fhir = packets.packet_bytes(conn, store.cipher, r.id)
            assert pdf is not None and fhir is not None
            assert hashlib.sha256(pdf).hexdigest() == r.pdf_sha256
            assert hashlib.sha256(fhir).hexdigest() == r.fhir_sha256
            assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
        events = {(e.action, e.object_id) for e in audit_log.events(conn)}
        conn.rollback()
    for packet_id, request_id in built.items():  # reported built: on file, as built
        assert packet_rows[packet_id].request_id == request_id
        assert ("records_request.packet", packet_id) in events
    for packet_id, entry_id in sent.items():  # reported sent: sent, with its entry
        assert packet_rows[packet_id].sent_at is not None
        assert any(e.id == entry_id and e.packet_id == packet_id for e in entries)
    by_packet = {e.packet_id: e for e in entries}
    assert len(by_packet) == len(entries), "one accounting entry per sent packet"
    for e in entries:  # no accounting entry without its sent packet
        assert packet_rows[e.packet_id].sent_at is not None
        assert ("accounting.create", e.id) in events
    for r in packet_rows.values():
        request = requests[r.request_id]
        if r.sent_at is not None:
            assert r.id in by_packet and request.status == "sent"
            assert ("records_request.send", r.id) in events
        else:
            assert request.status == "packet_built" and r.id not in by_packet
