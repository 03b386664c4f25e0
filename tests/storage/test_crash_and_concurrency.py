"""Crash safety (SIGKILL mid-signing) and two app processes writing at once, on SQLite
and PostgreSQL."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select, text
from storage_cast import make_cast

from notewright.records.model import NoteStatus
from notewright.storage import audit_log, notes, tables

WRITER = str(Path(__file__).with_name("writer_proc.py"))


def _writer(db, username, session_id, count):
    return subprocess.Popen([sys.executable, WRITER, username, session_id, str(count)],
                            env=db.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _check_consistent(db, store, client_id):
    if db.kind == "sqlite":
        for engine in (store.record, store.vault):
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                conn.rollback()
    with store.record.connect() as conn:
        assert audit_log.verify(conn).ok, audit_log.verify(conn).describe()
        # Decrypts every note and re-checks every signed note's hash.
        found = notes.notes_for_client(conn, store.cipher, client_id)
        signed_events = {e.object_id for e in audit_log.events(conn)
                         if e.action == "progress_note.sign"}
        conn.rollback()
    for note in found:
        assert note.status in (NoteStatus.DRAFT, NoteStatus.SIGNED)
        if note.status is NoteStatus.SIGNED:
            assert note.content_hash and note.signed_at and note.id in signed_events
    # Signing and its audit event commit together: no sign event without a signed note.
    assert signed_events == {n.id for n in found if n.status is NoteStatus.SIGNED}
    return found


def test_writer_killed_while_signing_leaves_both_stores_consistent(db, store):
    cast = make_cast(store)
    proc = _writer(db, "avery", cast.session.id, 100_000)
    reported: list[str] = []
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while len(reported) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else "writer exited"
        reported.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert proc.stderr is not None
    proc.stderr.close()
    found = _check_consistent(db, store, cast.casey.id)
    by_id = {n.id: n for n in found}
    for note_id in reported:  # every note reported signed before the kill is intact
        assert by_id[note_id].status is NoteStatus.SIGNED
        assert by_id[note_id].content["sections"][0]["statements"][0]["text"].startswith("avery")


def test_two_processes_signing_at_once_lose_nothing(db, store):
    cast = make_cast(store)
    from storage_cast import PASSWORD

    from notewright import practice
    from notewright.records.model import Role
    practice.add_user(store, cast.alex, username="avery2", display_name="Dr. A. Two",
                      roles=[Role.CLINICIAN], password=PASSWORD)
    with store.record.begin() as conn:
        uid = conn.execute(select(tables.users.c.id)
                           .where(tables.users.c.username == "avery2")).scalar_one()
        conn.execute(tables.care_team.insert().values(client_id=cast.casey.id, user_id=uid))
    session2 = practice.record_session(store, cast.avery, client_id=cast.casey.id,
                                       date=cast.session.date, start=cast.session.start_time,
                                       end=cast.session.end_time, modality="individual",
                                       cpt_code="90834")
    count = 150  # long enough that the two writers overlap
    procs = [_writer(db, "avery", cast.session.id, count),
             _writer(db, "avery2", session2.id, count)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert len(out.split()) == count
    found = _check_consistent(db, store, cast.casey.id)
    assert len(found) == 2 * count and all(n.status is NoteStatus.SIGNED for n in found)
