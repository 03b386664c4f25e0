"""The separate, separately keyed store for psychotherapy notes (hipaa-rules PN-1, PN-3).

Every function takes a connection to the VAULT database, never the record's, and every
query filters on the author: there is no function here that lists another author's
notes, and no export path imports this module.
"""

from __future__ import annotations

from sqlalchemy import Connection, RowMapping, insert, select, update

from notewright.errors import NotFound
from notewright.records.model import PsychotherapyNote
from notewright.storage.encryption import Cipher
from notewright.storage.vault_tables import psychotherapy_notes as _T


def insert_pn(conn: Connection, cipher: Cipher, note: PsychotherapyNote) -> None:
    kid, blob = cipher.encrypt_vault(note.id, note.author_id, note.text.encode())
    conn.execute(insert(_T).values(
        id=note.id, client_id=note.client_id, author_id=note.author_id,
        session_id=note.session_id, version=note.version, body=blob, key_id=kid,
        created_at=note.created_at, updated_at=note.updated_at))


def update_pn(conn: Connection, cipher: Cipher, note: PsychotherapyNote, *,
              expected_version: int) -> bool:
    kid, blob = cipher.encrypt_vault(note.id, note.author_id, note.text.encode())
    result = conn.execute(update(_T).where(_T.c.id == note.id, _T.c.author_id == note.author_id,
                                           _T.c.version == expected_version)
                          .values(body=blob, key_id=kid, version=note.version,
                                  updated_at=note.updated_at))
    return result.rowcount == 1


def _pn(r: RowMapping, cipher: Cipher) -> PsychotherapyNote:
    text = cipher.decrypt_vault(r["id"], r["author_id"], r["key_id"], r["body"]).decode()
    return PsychotherapyNote(id=r["id"], client_id=r["client_id"], author_id=r["author_id"],
                             text=text, created_at=r["created_at"],
                             updated_at=r["updated_at"], session_id=r["session_id"],
                             version=r["version"])


def pn_author(conn: Connection, note_id: str) -> tuple[str, str]:
    """(author id, client id) of a note, without decrypting it: for the access check."""
    r = conn.execute(select(_T.c.author_id, _T.c.client_id).where(_T.c.id == note_id)).first()
    if r is None:
        raise NotFound(f"no psychotherapy note with id {note_id}")
    return r.author_id, r.client_id


def load_pn(conn: Connection, cipher: Cipher, note_id: str, *, author_id: str
            ) -> PsychotherapyNote:
    r = conn.execute(select(_T).where(_T.c.id == note_id, _T.c.author_id == author_id)
                     ).mappings().first()
    if r is None:
        raise NotFound(f"no psychotherapy note with id {note_id} by this author")
    return _pn(r, cipher)


def list_pn(conn: Connection, *, author_id: str, client_id: str | None = None
            ) -> list[tuple[str, str, str | None]]:
    """(id, client id, session id) of the author's own notes; no bodies."""
    query = select(_T.c.id, _T.c.client_id, _T.c.session_id).where(_T.c.author_id == author_id)
    if client_id is not None:
        query = query.where(_T.c.client_id == client_id)
    return [(r.id, r.client_id, r.session_id)
            for r in conn.execute(query.order_by(_T.c.created_at))]
