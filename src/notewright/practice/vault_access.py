"""Who wrote a psychotherapy note, from the vault's metadata only (nothing decrypted).

The web app asks this before it prompts the author to re-enter their password, so that
anyone else gets "not found" straight away instead of a password prompt that would
confirm the note exists. It reads no text and writes nothing; reading the note itself
still goes through `read_psychotherapy_note`, which checks and audits.
"""

from __future__ import annotations

from notewright.errors import NotFound
from notewright.practice.store import Store
from notewright.storage import psychotherapy_store as vault


def psychotherapy_note_author(store: Store, note_id: str) -> str | None:
    """The author's user id, or None when there is no such note."""
    with store.vault.connect() as vconn:
        try:
            author, _client = vault.pn_author(vconn, note_id)
        except NotFound:
            author = None
        vconn.rollback()
    return author
