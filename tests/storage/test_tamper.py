"""Tampering directly in the database is caught: the audit chain names the event, and a
flipped ciphertext byte fails loudly instead of showing garbage."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update
from storage_cast import CONTENT, make_cast

from notewright import practice
from notewright.cli import main
from notewright.errors import IntegrityError
from notewright.storage import audit_log, tables, vault_tables

E = tables.audit_events


def _verify(store):
    with store.record.connect() as conn:
        result = audit_log.verify(conn)
        conn.rollback()
    return result


@pytest.fixture
def logged(store):
    cast = make_cast(store)
    note = practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    practice.sign_note(store, cast.avery, note.id)
    assert _verify(store).ok
    return cast, note


def test_changed_audit_row_is_named(store, logged):
    with store.record.begin() as conn:
        conn.execute(update(E).where(E.c.seq == 5).values(actor_id="someone-else"))
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 5 and "changed" in result.describe()


def test_deleted_audit_row_is_named(store, logged):
    with store.record.begin() as conn:
        conn.execute(delete(E).where(E.c.seq == 4))
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 4 and "removed" in result.describe()


def test_deleted_newest_audit_row_is_caught_by_the_head(store, logged):
    with store.record.begin() as conn:
        last = conn.execute(select(E.c.seq).order_by(E.c.seq.desc()).limit(1)).scalar_one()
        conn.execute(delete(E).where(E.c.seq == last))
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == last


def test_reordered_audit_rows_are_named(store, logged):
    with store.record.begin() as conn:  # swap the positions of events 3 and 4
        conn.execute(update(E).where(E.c.seq == 3).values(seq=-1))
        conn.execute(update(E).where(E.c.seq == 4).values(seq=3))
        conn.execute(update(E).where(E.c.seq == -1).values(seq=4))
    result = _verify(store)
    assert not result.ok and result.first_bad_seq == 3 and "reordered" in result.describe()


def test_cli_audit_verify_exits_1_and_names_the_event(db, store, logged, monkeypatch, capsys):
    for key, value in db.env().items():
        if key.startswith("NOTEWRIGHT_"):
            monkeypatch.setenv(key, value)
    assert main(["audit", "verify"]) == 0
    with store.record.begin() as conn:
        conn.execute(update(E).where(E.c.seq == 6).values(reason="edited"))
    assert main(["audit", "verify"]) == 1
    assert "event 6" in capsys.readouterr().err


def _flip(blob: bytes, at: int) -> bytes:
    return blob[:at] + bytes([blob[at] ^ 0x01]) + blob[at + 1:]


@pytest.mark.parametrize("where", [0, 5, 20, -1], ids=["version", "nonce", "body", "tag"])
def test_flipped_byte_in_an_encrypted_note_fails_loudly(store, logged, where):
    cast, note = logged
    notes = tables.progress_notes
    with store.record.begin() as conn:
        blob = conn.execute(select(notes.c.body).where(notes.c.id == note.id)).scalar_one()
        conn.execute(update(notes).where(notes.c.id == note.id)
                     .values(body=_flip(blob, where % len(blob))))
    with pytest.raises(IntegrityError, match=note.id):
        practice.show_note(store, cast.avery, note.id)


def test_ciphertext_moved_to_another_note_does_not_open(store, logged):
    cast, note = logged
    other = practice.save_draft(store, cast.avery, session_id=cast.session.id,
                                content={"sections": ["other"]})
    notes = tables.progress_notes
    with store.record.begin() as conn:
        blob = conn.execute(select(notes.c.body).where(notes.c.id == note.id)).scalar_one()
        conn.execute(update(notes).where(notes.c.id == other.id).values(body=blob))
    with pytest.raises(IntegrityError):
        practice.show_note(store, cast.avery, other.id)


def test_signed_metadata_changed_in_clear_fails_the_hash(store, logged):
    cast, note = logged
    notes = tables.progress_notes
    with store.record.begin() as conn:
        conn.execute(update(notes).where(notes.c.id == note.id).values(signed_by=cast.blake.id))
    with pytest.raises(IntegrityError, match="signature hash"):
        practice.show_note(store, cast.avery, note.id)


def test_flipped_byte_in_a_psychotherapy_note_fails_loudly(store):
    cast = make_cast(store)
    pn = practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id,
                                           text="synthetic process note")
    t = vault_tables.psychotherapy_notes
    with store.vault.begin() as conn:
        blob = conn.execute(select(t.c.body)).scalar_one()
        conn.execute(update(t).values(body=_flip(blob, 30)))
    with pytest.raises(IntegrityError):
        practice.read_psychotherapy_note(store, cast.avery, pn.id)
