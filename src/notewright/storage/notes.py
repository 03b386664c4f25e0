"""Progress notes and addenda: row ↔ dataclass, with the body encrypted on the way in
and authenticated (and its signature hash re-checked) on the way out.

Updates carry their precondition in the WHERE clause (status and version), so a stale
writer changes nothing and the caller turns "0 rows" into Conflict.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, RowMapping, insert, select, update

from notewright.errors import IntegrityError, NotFound
from notewright.records import lifecycle
from notewright.records.model import Addendum, NoteStatus, NoteSummary, ProgressNote
from notewright.storage import tables as t
from notewright.storage.encryption import Cipher

_T = t.progress_notes


def _body(note: ProgressNote) -> bytes:
    return json.dumps({"content": note.content, "amendment_reason": note.amendment_reason},
                      separators=(",", ":")).encode()


def _values(note: ProgressNote, cipher: Cipher) -> dict[str, object]:
    kid, blob = cipher.encrypt("progress_notes", "body", note.id, _body(note))
    return {
        "id": note.id, "client_id": note.client_id, "session_id": note.session_id,
        "author_id": note.author_id, "format": note.format, "status": note.status.value,
        "version": note.version, "body": blob, "key_id": kid,
        "content_hash": note.content_hash, "signed_by": note.signed_by,
        "signed_at": note.signed_at, "late_entry": note.late_entry,
        "cosignature_required": note.cosignature_required, "cosigned_by": note.cosigned_by,
        "cosigned_at": note.cosigned_at, "amends_id": note.amends_id,
        "superseded_by": note.superseded_by, "created_at": note.created_at,
        "updated_at": note.updated_at,
    }


def _note(r: RowMapping, cipher: Cipher) -> ProgressNote:
    body = json.loads(cipher.decrypt("progress_notes", "body", r["id"], r["key_id"], r["body"]))
    note = ProgressNote(
        id=r["id"], client_id=r["client_id"], session_id=r["session_id"],
        author_id=r["author_id"], format=r["format"], content=body["content"],
        status=NoteStatus(r["status"]), version=r["version"], created_at=r["created_at"],
        updated_at=r["updated_at"], content_hash=r["content_hash"], signed_by=r["signed_by"],
        signed_at=r["signed_at"], late_entry=bool(r["late_entry"]),
        cosignature_required=bool(r["cosignature_required"]), cosigned_by=r["cosigned_by"],
        cosigned_at=r["cosigned_at"], amends_id=r["amends_id"],
        amendment_reason=body["amendment_reason"], superseded_by=r["superseded_by"],
    )
    if not lifecycle.verify_note(note):
        raise IntegrityError(f"progress note {note.id}: signed content no longer matches its "
                             "signature hash; restore it from a verified backup")
    return note


def insert_note(conn: Connection, cipher: Cipher, note: ProgressNote) -> None:
    conn.execute(insert(_T).values(_values(note, cipher)))


def load_note(conn: Connection, cipher: Cipher, note_id: str) -> ProgressNote:
    r = conn.execute(select(_T).where(_T.c.id == note_id)).mappings().first()
    if r is None:
        raise NotFound(f"no progress note with id {note_id}")
    return _note(r, cipher)


def replace_note(conn: Connection, cipher: Cipher, note: ProgressNote, *,
                 expected_status: NoteStatus, expected_version: int) -> bool:
    """Write `note` over the row if it is still in the expected state; False if not."""
    values = _values(note, cipher)
    values.pop("id")
    result = conn.execute(update(_T).where(_T.c.id == note.id,
                                           _T.c.status == expected_status.value,
                                           _T.c.version == expected_version).values(values))
    return result.rowcount == 1


def mark_amended(conn: Connection, note_id: str, superseded_by: str) -> bool:
    """Only status and pointer change; the signed body and hash stay as they were."""
    result = conn.execute(update(_T).where(_T.c.id == note_id,
                                           _T.c.status == NoteStatus.SIGNED.value)
                          .values(status=NoteStatus.AMENDED.value, superseded_by=superseded_by))
    return result.rowcount == 1


def set_cosignature(conn: Connection, note: ProgressNote) -> bool:
    result = conn.execute(update(_T).where(_T.c.id == note.id, _T.c.cosigned_by.is_(None),
                                           _T.c.status == NoteStatus.SIGNED.value)
                          .values(cosigned_by=note.cosigned_by, cosigned_at=note.cosigned_at))
    return result.rowcount == 1


def notes_for_client(conn: Connection, cipher: Cipher, client_id: str) -> list[ProgressNote]:
    query = select(_T).where(_T.c.client_id == client_id).order_by(_T.c.created_at, _T.c.id)
    return [_note(r, cipher) for r in conn.execute(query).mappings()]


def _summary(r: RowMapping) -> NoteSummary:
    return NoteSummary(id=r["id"], client_id=r["client_id"], session_id=r["session_id"],
                       author_id=r["author_id"], status=NoteStatus(r["status"]),
                       version=r["version"], created_at=r["created_at"],
                       updated_at=r["updated_at"], signed_at=r["signed_at"],
                       format=r["format"], signed_by=r["signed_by"],
                       late_entry=bool(r["late_entry"]),
                       cosignature_required=bool(r["cosignature_required"]),
                       cosigned_by=r["cosigned_by"], amends_id=r["amends_id"],
                       superseded_by=r["superseded_by"])


_SUMMARY_COLS = (_T.c.id, _T.c.client_id, _T.c.session_id, _T.c.author_id, _T.c.status,
                 _T.c.version, _T.c.created_at, _T.c.updated_at, _T.c.signed_at,
                 _T.c.format, _T.c.signed_by, _T.c.late_entry, _T.c.cosignature_required,
                 _T.c.cosigned_by, _T.c.amends_id, _T.c.superseded_by)


def summaries_for_client(conn: Connection, client_id: str) -> list[NoteSummary]:
    """The chart index: every version's metadata, no body decrypted."""
    query = (select(*_SUMMARY_COLS).where(_T.c.client_id == client_id)
             .order_by(_T.c.created_at, _T.c.id))
    return [_summary(r) for r in conn.execute(query).mappings()]


def unsigned_for_author(conn: Connection, author_id: str) -> list[NoteSummary]:
    query = (select(*_SUMMARY_COLS)
             .where(_T.c.author_id == author_id, _T.c.status == NoteStatus.DRAFT.value)
             .order_by(_T.c.created_at))
    return [_summary(r) for r in conn.execute(query).mappings()]


def awaiting_cosignature(conn: Connection, author_ids: frozenset[str]) -> list[NoteSummary]:
    query = (select(*_SUMMARY_COLS)
             .where(_T.c.author_id.in_(author_ids), _T.c.status == NoteStatus.SIGNED.value,
                    _T.c.cosignature_required.is_(True), _T.c.cosigned_by.is_(None))
             .order_by(_T.c.signed_at))
    return [_summary(r) for r in conn.execute(query).mappings()]


# Addenda --------------------------------------------------------------------------------

def insert_addendum(conn: Connection, cipher: Cipher, a: Addendum) -> None:
    kid, blob = cipher.encrypt("addenda", "body", a.id, a.text.encode())
    conn.execute(insert(t.addenda).values(id=a.id, note_id=a.note_id, author_id=a.author_id,
                                          body=blob, key_id=kid, content_hash=a.content_hash,
                                          created_at=a.created_at))


def addenda_for(conn: Connection, cipher: Cipher, note_ids: list[str]) -> list[Addendum]:
    if not note_ids:
        return []
    query = (select(t.addenda).where(t.addenda.c.note_id.in_(note_ids))
             .order_by(t.addenda.c.created_at))
    out = []
    for r in conn.execute(query).mappings():
        text = cipher.decrypt("addenda", "body", r["id"], r["key_id"], r["body"]).decode()
        add = Addendum(id=r["id"], note_id=r["note_id"], author_id=r["author_id"], text=text,
                       created_at=r["created_at"], content_hash=r["content_hash"])
        if not lifecycle.addendum_hash_ok(add):
            raise IntegrityError(f"addendum {add.id} no longer matches its hash")
        out.append(add)
    return out
