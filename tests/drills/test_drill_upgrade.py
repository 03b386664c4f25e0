"""Schema upgrade without data loss, on SQLite and PostgreSQL: a database made by the
previous release (the record migrated only to the revision before head, the vault to
its head) is filled with synthetic rows written in plain SQL that matches that
revision, then upgraded to head; every row is intact, reads back through practice/
(bodies decrypt, signed notes verify their hash) and the audit chain still verifies."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from notewright import practice
from notewright.practice.store import Store
from notewright.records import lifecycle
from notewright.records.model import NoteStatus, ProgressNote
from notewright.storage import audit_log, migrations, records

AT = datetime(2026, 2, 2, 15, 0, tzinfo=UTC)
NAIVE = AT.replace(tzinfo=None)
IDS = {k: f"{k:0<32}"[:32] for k in ("admin", "avery", "casey", "sess1", "sess2", "note1",
                                     "note2", "plan1")}


def _previous_record_revision() -> str:
    script = ScriptDirectory.from_config(migrations._config("record"))
    head = script.get_revision(script.get_current_head())
    assert head is not None and isinstance(head.down_revision, str)
    return head.down_revision


@pytest.fixture
def old_store(db, request: pytest.FixtureRequest) -> Store:
    """Empty stores at the previous release's schema (the `db` fixture's databases are
    already at head, so the record is recreated here)."""
    s = db.settings
    if db.kind == "sqlite":
        record_url = f"sqlite:///{s.data_dir / 'old-record.sqlite3'}"
    else:
        server = request.getfixturevalue("pg_server")
        record_url = server.url("record", server.create("record"))
    store = practice.open_store(replace(s, database_url=record_url))
    migrations.upgrade(store.record, "record", _previous_record_revision())
    return store


def _note(nid: str, session: str, status: NoteStatus) -> ProgressNote:
    content = {"format": "soap", "sections": [{"name": "subjective", "statements": [
        {"text": f"UPGRADEMARK {nid[:5]} reports steadier mood.", "sources": [[0, 11]]}]}]}
    note = ProgressNote(id=nid, client_id=IDS["casey"], session_id=session,
                        author_id=IDS["avery"], format="soap", content=content,
                        status=NoteStatus.DRAFT, version=1, created_at=AT, updated_at=AT)
    if status is NoteStatus.SIGNED:
        note = replace(note, status=status, signed_by=IDS["avery"], signed_at=AT,
                       content_hash=lifecycle.note_hash(note, signed_by=IDS["avery"],
                                                        signed_at=AT))
    return note


def _fill_previous_release(store: Store) -> None:
    """Rows as the previous release wrote them, in SQL matching that schema."""
    hashed = "$argon2id$v=19$m=64,t=1,p=1$c3ludGhldGlj$c3ludGhldGljc3ludGhldGlj"
    with store.record.begin() as c:
        c.execute(text("INSERT INTO practice (id, name, state, is_part2_program, "
                       "requires_cosignature, timezone) VALUES (1, 'Upgrade Lane Counseling',"
                       " 'OR', false, false, 'UTC')"))
        for key, name, roles in (("admin", "Alex Kim", "practice_admin"),
                                 ("avery", "Dr. Avery Quinn", "clinician")):
            c.execute(text("INSERT INTO users (id, username, display_name, roles, "
                           "password_hash, active, created_at) VALUES (:i, :u, :d, :r, :h, "
                           "true, :at)"), {"i": IDS[key], "u": key, "d": name, "r": roles,
                                           "h": hashed, "at": NAIVE})
        c.execute(text("INSERT INTO clients (id, given_name, family_name, date_of_birth, "
                       "state, personal_representatives, created_by, created_at) VALUES "
                       "(:i, 'Casey', 'Rivera', :dob, 'OR', '[]', :by, :at)"),
                  {"i": IDS["casey"], "dob": date(1991, 4, 12), "by": IDS["avery"],
                   "at": NAIVE})
        c.execute(text("INSERT INTO care_team (client_id, user_id) VALUES (:c, :u)"),
                  {"c": IDS["casey"], "u": IDS["avery"]})
        for key, day in (("sess1", 5), ("sess2", 12)):
            c.execute(text("INSERT INTO sessions (id, client_id, clinician_id, date, "
                           "start_time, end_time, modality, cpt_code, place_of_service, "
                           "telehealth) VALUES (:i, :c, :u, :d, '14:00:00', '14:50:00', "
                           "'individual', '90834', '11', false)"),
                      {"i": IDS[key], "c": IDS["casey"], "u": IDS["avery"],
                       "d": date(2026, 1, day)})
        for key, session, status in (("note1", "sess1", NoteStatus.SIGNED),
                                     ("note2", "sess2", NoteStatus.DRAFT)):
            note = _note(IDS[key], IDS[session], status)
            body = json.dumps({"content": note.content, "amendment_reason": None},
                              separators=(",", ":")).encode()
            kid, blob = store.cipher.encrypt("progress_notes", "body", note.id, body)
            c.execute(text(
                "INSERT INTO progress_notes (id, client_id, session_id, author_id, format, "
                "status, version, body, key_id, content_hash, signed_by, signed_at, "
                "late_entry, cosignature_required, created_at, updated_at) VALUES (:i, :c, "
                ":s, :a, 'soap', :st, 1, :b, :k, :h, :sb, :sa, false, false, :at, :at)"),
                {"i": note.id, "c": note.client_id, "s": note.session_id, "a": note.author_id,
                 "st": note.status.value, "b": blob, "k": kid, "h": note.content_hash,
                 "sb": note.signed_by, "sa": NAIVE if note.signed_at else None, "at": NAIVE})
    # An audit trail as the previous release left it (appended through the chain).
    from notewright.practice.store import audit

    with store.write() as conn:
        audit(conn, store, None, "practice.init", "practice", "1")


def test_upgrade_from_the_previous_release_keeps_every_row(db, old_store):
    store = old_store
    try:
        before_rev = migrations.current(store.record)
        assert before_rev == _previous_record_revision() != migrations.head("record")
        _fill_previous_release(store)
        with store.record.connect() as conn:
            tables_before = set(inspect(conn).get_table_names())
            snapshot = {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all()
                        for t in ("practice", "users", "clients", "care_team", "sessions",
                                  "progress_notes", "audit_events")}
            conn.rollback()

        migrations.upgrade(store.record, "record")
        migrations.upgrade(store.vault, "vault")

        assert migrations.current(store.record) == migrations.head("record")
        with store.record.connect() as conn:
            assert tables_before <= set(inspect(conn).get_table_names())
            for t, rows in snapshot.items():
                assert conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() == rows, t
            assert audit_log.verify(conn).ok
            avery, _ = records.load_user(conn, username="avery")
            conn.rollback()
        chart = practice.open_chart(store, avery, IDS["casey"])
        by_id = {n.id: n for n in chart.notes}
        assert by_id[IDS["note1"]].status is NoteStatus.SIGNED
        # Reading a note decrypts it and re-verifies a signed note's hash.
        assert practice.show_note(store, avery, IDS["note1"])[0].content_hash
        assert practice.show_note(store, avery, IDS["note2"])[0].content["sections"][0][
            "statements"][0]["text"].startswith("UPGRADEMARK")
        assert [s.id for s in chart.sessions] == [IDS["sess1"], IDS["sess2"]]
        assert [n.id for n in practice.list_unsigned(store, avery)] == [IDS["note2"]]
        with store.record.connect() as conn:
            assert audit_log.verify(conn).ok
            conn.rollback()
    finally:
        store.close()


def test_the_previous_revision_really_lacks_what_head_adds(db, old_store):
    """The drill is not vacuous: head adds schema the previous release did not have."""
    try:
        with old_store.record.connect() as conn:
            before = set(inspect(conn).get_table_names())
            conn.rollback()
        migrations.upgrade(old_store.record, "record")
        with old_store.record.connect() as conn:
            after = set(inspect(conn).get_table_names())
            conn.rollback()
        assert after - before
    finally:
        old_store.close()
