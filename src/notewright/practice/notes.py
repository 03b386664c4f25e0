"""Sessions and the progress-note lifecycle: save draft, sign, amend, addend, co-sign."""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from notewright.errors import Conflict, InvalidInput
from notewright.practice.store import Store, audit, require
from notewright.records import access, lifecycle
from notewright.records.model import (
    Addendum,
    Modality,
    NoteStatus,
    NoteSummary,
    ProgressNote,
    Session,
    User,
)
from notewright.storage import notes, records


def record_session(store: Store, actor: User, *, client_id: str, date: date, start: time,
                   end: time, modality: Modality | str, cpt_code: str,
                   place_of_service: str = "11", telehealth: bool = False) -> Session:
    try:
        modality = Modality(modality)
    except ValueError:
        raise InvalidInput(f"unknown modality {modality!r}", field="modality",
                           allowed=[m.value for m in Modality]) from None
    if not cpt_code.strip().isalnum():
        raise InvalidInput("a CPT code such as 90834", field="cpt_code")
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "session.record", team,
                                                now=store.clock()), "client", client_id,
                       client_id)
        session = Session(id=store.new_id(), client_id=client_id, clinician_id=actor.id,
                          date=date, start_time=start, end_time=end, modality=modality,
                          cpt_code=cpt_code.strip(), place_of_service=place_of_service,
                          telehealth=telehealth)
        records.insert_session(conn, session)
        audit(conn, store, actor, "session.create", "session", session.id,
              client_id=client_id, permission=perm)
    return session


def save_draft(store: Store, actor: User, *, content: dict[str, Any],
               session_id: str | None = None, note_id: str | None = None,
               expected_version: int | None = None, format: str = "soap") -> ProgressNote:
    """Create a draft for a session, or autosave an existing one (optimistic check)."""
    now = store.clock()
    with store.write() as conn:
        if note_id is None:
            if session_id is None:
                raise InvalidInput("give the session of a new note", field="session_id")
            session = records.load_session(conn, session_id)
            team = records.care_team(conn, session.client_id)
            perm = require(store, actor, access.may_edit_draft(store.policy, actor, team,
                                                               now=now),
                           "session", session_id, session.client_id)
            note = lifecycle.new_draft(note_id=store.new_id(), client_id=session.client_id,
                                       session_id=session_id, author_id=actor.id,
                                       format=format, content=content, at=now)
            notes.insert_note(conn, store.cipher, note)
            action = "progress_note.create"
        else:
            if expected_version is None:
                raise InvalidInput("give the version you edited", field="expected_version")
            current = notes.load_note(conn, store.cipher, note_id)
            team = records.care_team(conn, current.client_id)
            perm = require(store, actor, access.may_edit_draft(store.policy, actor, team,
                                                               now=now),
                           "progress_note", note_id, current.client_id)
            if current.author_id != actor.id:
                raise InvalidInput("only the author edits a draft", field="note_id")
            note = lifecycle.edit_draft(current, content, expected_version=expected_version,
                                        at=now)
            if not notes.replace_note(conn, store.cipher, note, expected_status=NoteStatus.DRAFT,
                                      expected_version=expected_version):
                raise Conflict(f"note {note_id} changed while saving; reload and retry")
            action = "progress_note.update"
        audit(conn, store, actor, action, "progress_note", note.id, client_id=note.client_id,
              permission=perm, reason=f"version {note.version}")
    return note


def _session_end(conn: Connection, store: Store, note: ProgressNote) -> Any:
    practice = records.load_practice(conn)
    session = records.load_session(conn, note.session_id)
    return practice, session.ends_at(ZoneInfo(practice.timezone))


def sign_note(store: Store, actor: User, note_id: str, *,
              expected_version: int | None = None) -> ProgressNote:
    """Sign a draft: encrypt, hash, audit and commit together, or not at all."""
    now = store.clock()
    with store.write() as conn:
        note = notes.load_note(conn, store.cipher, note_id)
        team = records.care_team(conn, note.client_id)
        perm = require(store, actor, access.may_sign(store.policy, actor, team, note, now=now),
                       "progress_note", note_id, note.client_id)
        if expected_version is not None and expected_version != note.version:
            raise Conflict(f"note {note_id} changed since you read it (now version "
                           f"{note.version}); review it again before signing")
        practice, end = _session_end(conn, store, note)
        signed = lifecycle.sign(note, signer_id=actor.id, at=now, session_end=end,
                                practice=practice)
        if not notes.replace_note(conn, store.cipher, signed, expected_status=NoteStatus.DRAFT,
                                  expected_version=note.version):
            raise Conflict(f"note {note_id} changed while signing; review it again")
        audit(conn, store, actor, "progress_note.sign", "progress_note", note_id,
              client_id=note.client_id, permission=perm,
              reason="late entry" if signed.late_entry else None)
    return signed


def amend_note(store: Store, actor: User, note_id: str, *, content: dict[str, Any],
               reason: str) -> ProgressNote:
    now = store.clock()
    with store.write() as conn:
        note = notes.load_note(conn, store.cipher, note_id)
        team = records.care_team(conn, note.client_id)
        perm = require(store, actor, access.may_amend(store.policy, actor, team, note, now=now),
                       "progress_note", note_id, note.client_id)
        practice, end = _session_end(conn, store, note)
        old, new = lifecycle.amend(note, new_note_id=store.new_id(), content=content,
                                   reason=reason, by=actor.id, at=now, session_end=end,
                                   practice=practice)
        notes.insert_note(conn, store.cipher, new)
        if not notes.mark_amended(conn, old.id, new.id):
            raise Conflict(f"note {note_id} was amended by someone else first")
        audit(conn, store, actor, "progress_note.amend", "progress_note", new.id,
              client_id=note.client_id, permission=perm, reason=f"amends {old.id}")
    return new


def addend_note(store: Store, actor: User, note_id: str, text: str) -> Addendum:
    now = store.clock()
    with store.write() as conn:
        note = notes.load_note(conn, store.cipher, note_id)
        team = records.care_team(conn, note.client_id)
        perm = require(store, actor, access.may_addend(store.policy, actor, team, note,
                                                       now=now),
                       "progress_note", note_id, note.client_id)
        addendum = lifecycle.addend(note, addendum_id=store.new_id(), text=text, by=actor.id,
                                    at=now)
        notes.insert_addendum(conn, store.cipher, addendum)
        audit(conn, store, actor, "progress_note.addend", "addendum", addendum.id,
              client_id=note.client_id, permission=perm, reason=f"to {note_id}")
    return addendum


def cosign_note(store: Store, actor: User, note_id: str) -> ProgressNote:
    now = store.clock()
    with store.write() as conn:
        note = notes.load_note(conn, store.cipher, note_id)
        team = records.care_team(conn, note.client_id)
        perm = require(store, actor, access.may_cosign(store.policy, actor, team, note,
                                                       now=now),
                       "progress_note", note_id, note.client_id)
        done = lifecycle.cosign(note, supervisor_id=actor.id, at=now)
        if not notes.set_cosignature(conn, done):
            raise Conflict(f"note {note_id} was co-signed or amended meanwhile")
        audit(conn, store, actor, "progress_note.cosign", "progress_note", note_id,
              client_id=note.client_id, permission=perm)
    return done


def show_note(store: Store, actor: User, note_id: str) -> tuple[ProgressNote, list[Addendum]]:
    """One note version with its addenda; superseded versions stay readable."""
    now = store.clock()
    with store.write() as conn:
        note = notes.load_note(conn, store.cipher, note_id)
        team = records.care_team(conn, note.client_id)
        grants = records.active_break_glass(conn, actor.id, note.client_id, now)
        perm = require(store, actor, access.may_view_progress_note(
            store.policy, actor, team, note, now=now, break_glass=grants),
            "progress_note", note_id, note.client_id)
        addenda = notes.addenda_for(conn, store.cipher, [note.id])
        audit(conn, store, actor, "progress_note.view", "progress_note", note_id,
              client_id=note.client_id, permission=perm)
    return note, addenda


def list_unsigned(store: Store, actor: User) -> list[NoteSummary]:
    """The actor's own drafts: metadata only, no bodies decrypted."""
    with store.write() as conn:
        found = notes.unsigned_for_author(conn, actor.id)
        audit(conn, store, actor, "progress_note.list_unsigned", "progress_note", None,
              reason=f"{len(found)} drafts")
    return found
