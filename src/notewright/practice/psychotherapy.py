"""Psychotherapy notes: written and read only by their author, in the separate vault.

The audit event goes to the record's log (it names the note id, never its text), in the
same record transaction that wraps the vault write: the vault commits first, then the
record. A crash between the two leaves a vault note without its audit event, never an
audit event for a note that does not exist.
"""

from __future__ import annotations

from notewright.errors import Conflict, InvalidInput, NotFound
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records.model import PsychotherapyNote, User
from notewright.storage import psychotherapy_store as vault
from notewright.storage import records


def write_psychotherapy_note(store: Store, actor: User, *, client_id: str, text: str,
                             session_id: str | None = None, note_id: str | None = None,
                             expected_version: int | None = None) -> PsychotherapyNote:
    if not text.strip():
        raise InvalidInput("a psychotherapy note needs text", field="text")
    now = store.clock()
    with store.write() as conn, store.vault_write() as vconn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may_write_psychotherapy_note(
            store.policy, actor, team, now=now), "psychotherapy_note", note_id, client_id)
        if note_id is None:
            note = PsychotherapyNote(id=store.new_id(), client_id=client_id,
                                     author_id=actor.id, text=text, created_at=now,
                                     updated_at=now, session_id=session_id)
            vault.insert_pn(vconn, store.cipher, note)
            action = "psychotherapy_note.create"
        else:
            author, _ = vault.pn_author(vconn, note_id)
            require(store, actor, access.check(
                store.policy, actor, "psychotherapy_note.view",
                access.Subject(client_id=client_id, author_id=author), now=now),
                "psychotherapy_note", note_id, client_id)
            old = vault.load_pn(vconn, store.cipher, note_id, author_id=actor.id)
            if expected_version is None or expected_version != old.version:
                raise Conflict(f"psychotherapy note {note_id} is at version {old.version}; "
                               "reload it before saving")
            note = PsychotherapyNote(id=old.id, client_id=old.client_id, author_id=actor.id,
                                     text=text, created_at=old.created_at, updated_at=now,
                                     session_id=old.session_id, version=old.version + 1)
            if not vault.update_pn(vconn, store.cipher, note, expected_version=old.version):
                raise Conflict(f"psychotherapy note {note_id} changed while saving")
            action = "psychotherapy_note.update"
        audit(conn, store, actor, action, "psychotherapy_note", note.id, client_id=client_id,
              permission=perm)
    return note


def read_psychotherapy_note(store: Store, actor: User, note_id: str) -> PsychotherapyNote:
    """Only the author: checked before anything is decrypted, and audited either way."""
    now = store.clock()
    with store.write() as conn:
        with store.vault.connect() as vconn:
            try:
                author, client_id = vault.pn_author(vconn, note_id)
            except NotFound:
                author, client_id = "", None
            perm = require(store, actor, access.check(
                store.policy, actor, "psychotherapy_note.view",
                access.Subject(client_id=client_id, author_id=author or None), now=now),
                "psychotherapy_note", note_id, client_id)
            note = vault.load_pn(vconn, store.cipher, note_id, author_id=actor.id)
            vconn.rollback()
        audit(conn, store, actor, "psychotherapy_note.view", "psychotherapy_note", note_id,
              client_id=client_id, permission=perm)
    return note


def list_psychotherapy_notes(store: Store, actor: User,
                             client_id: str | None = None) -> list[tuple[str, str, str | None]]:
    """The actor's own psychotherapy notes (ids only); nobody can list another's."""
    with store.write() as conn:
        with store.vault.connect() as vconn:
            found = vault.list_pn(vconn, author_id=actor.id, client_id=client_id)
            vconn.rollback()
        audit(conn, store, actor, "psychotherapy_note.list", "psychotherapy_note", None,
              client_id=client_id, reason=f"{len(found)} own notes")
    return found
