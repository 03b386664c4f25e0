"""The psychotherapy-notes vault: another database, another key, the author only."""

from __future__ import annotations

import pytest
import sqlalchemy.exc
from sqlalchemy import create_engine, select, text
from storage_cast import make_cast

from notewright import practice
from notewright.errors import AccessDenied, IntegrityError
from notewright.storage import audit_log, vault_tables

PN_TEXT = "Synthetic: my countertransference when the client mentions their father."


def test_vault_is_a_different_database_from_the_record(db, store):
    assert db.settings.vault_url != db.settings.database_url
    cast = make_cast(store)
    practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id, text=PN_TEXT)
    with store.record.connect() as conn, pytest.raises(sqlalchemy.exc.DBAPIError):
        conn.execute(text("SELECT count(*) FROM psychotherapy_notes"))
    with store.vault.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM psychotherapy_notes")).scalar() == 1
        names = set(sqlalchemy.inspect(conn).get_table_names())
        conn.rollback()
    assert "progress_notes" not in names and "audit_events" not in names


@pytest.mark.postgres
def test_record_role_cannot_even_connect_to_the_vault_database(pg_server):
    vault_db = pg_server.create("vault", pg_server.tpl["vault"])
    engine = create_engine(pg_server.url("record", vault_db))  # record role, vault db
    # (not `from conftest import …`: which conftest module that names depends on what
    # else pytest collected in the same run)
    assert (engine.url.username or "").startswith("nw_rec_")
    try:
        with pytest.raises(sqlalchemy.exc.OperationalError, match="permission denied"):
            engine.connect()
    finally:
        engine.dispose()


def test_vault_text_is_encrypted_under_a_different_key(store):
    cast = make_cast(store)
    pn = practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id,
                                           text=PN_TEXT)
    with store.vault.connect() as conn:
        row = conn.execute(select(vault_tables.psychotherapy_notes)).mappings().one()
        conn.rollback()
    assert PN_TEXT.encode() not in row["body"]
    assert row["key_id"].startswith("v-") and row["key_id"] != store.cipher.ring.record.active
    # The record key cannot open it, nor can another author's derived key.
    with pytest.raises(IntegrityError):
        store.cipher.decrypt("psychotherapy_notes", "body", pn.id,
                             store.cipher.ring.record.active, row["body"])
    with pytest.raises(IntegrityError):
        store.cipher.decrypt_vault(pn.id, cast.blake.id, row["key_id"], row["body"])


def test_only_the_author_reads_a_psychotherapy_note_not_admin_supervisor_or_break_glass(store):
    cast = make_cast(store)
    pn = practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id,
                                           text=PN_TEXT)
    assert practice.read_psychotherapy_note(store, cast.avery, pn.id).text == PN_TEXT
    practice.break_glass(store, cast.blake, cast.casey.id, "emergency, Avery is away")
    for other in (cast.blake, cast.sam, cast.alex, cast.billie, cast.frankie):
        with pytest.raises(AccessDenied, match="psychotherapy_note_author_only"):
            practice.read_psychotherapy_note(store, other, pn.id)
    assert practice.list_psychotherapy_notes(store, cast.blake) == []
    with store.record.connect() as conn:
        events = list(audit_log.events(conn))
        conn.rollback()
    views = [e for e in events if e.action == "psychotherapy_note.view"]
    denied = [e for e in events if e.action == "access.denied"
              and e.object_type == "psychotherapy_note"]
    assert [e.actor_id for e in views] == [cast.avery.id] and len(denied) == 5
    assert all(PN_TEXT not in (e.reason or "") for e in events)


def test_chart_never_contains_psychotherapy_notes(store):
    cast = make_cast(store)
    practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id, text=PN_TEXT)
    chart = practice.open_chart(store, cast.avery, cast.casey.id)
    assert PN_TEXT not in repr(chart)


def test_author_edits_own_note_with_version_check(store):
    cast = make_cast(store)
    pn = practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id,
                                           text="first")
    edited = practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id,
                                               text="second", note_id=pn.id,
                                               expected_version=1)
    assert edited.version == 2
    with pytest.raises(AccessDenied):
        practice.write_psychotherapy_note(store, cast.blake, client_id=cast.casey.id,
                                          text="x", note_id=pn.id, expected_version=2)
