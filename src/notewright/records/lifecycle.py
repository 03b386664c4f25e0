"""Progress-note lifecycle: draft → signed → amended/addended, as functions returning new
values. Anything else raises IllegalTransition; a stale save raises Conflict.

    draft ──edit_draft──▶ draft (version + 1, optimistic check)
    draft ──sign────────▶ signed (immutable: signer, time, content hash)
    signed ─amend───────▶ amended (old, kept)  +  signed (new version, reason)
    signed ─addend──────▶ signed + Addendum
    signed ─cosign──────▶ signed with cosigned_by (only where the practice requires it)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from notewright.errors import Conflict, IllegalTransition, InvalidInput
from notewright.records.model import Addendum, NoteStatus, Practice, ProgressNote

LATE_ENTRY_AFTER = timedelta(hours=24)


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no whitespace, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def _require_aware(at: datetime, field: str) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidInput("needs a timezone-aware time", field=field)


def validate_content(content: object) -> dict[str, Any]:
    """The drafting engine's note JSON: an object with a list of sections."""
    if not isinstance(content, dict):
        raise InvalidInput("must be a JSON object", field="content")
    sections = content.get("sections")
    if not isinstance(sections, list):
        raise InvalidInput("must contain a list named 'sections'", field="content.sections")
    return content


def note_hash(note: ProgressNote, *, signed_by: str, signed_at: datetime) -> str:
    """sha256 over the canonical JSON of what the signer attests to."""
    payload = {
        "note_id": note.id, "client_id": note.client_id, "session_id": note.session_id,
        "author_id": note.author_id, "format": note.format, "version": note.version,
        "content": note.content, "signed_by": signed_by,
        "signed_at": signed_at.isoformat(), "amends_id": note.amends_id,
        "amendment_reason": note.amendment_reason,
    }
    return hashlib.sha256(canonical_json(payload)).hexdigest()


def verify_note(note: ProgressNote) -> bool:
    """A signed note still matches the hash taken when it was signed."""
    if note.status is NoteStatus.DRAFT:
        return True
    if note.content_hash is None or note.signed_by is None or note.signed_at is None:
        return False
    return note.content_hash == note_hash(note, signed_by=note.signed_by,
                                          signed_at=note.signed_at)


def new_draft(*, note_id: str, client_id: str, session_id: str, author_id: str,
              format: str, content: dict[str, Any], at: datetime) -> ProgressNote:
    _require_aware(at, "at")
    return ProgressNote(
        id=note_id, client_id=client_id, session_id=session_id, author_id=author_id,
        format=format, content=validate_content(content), status=NoteStatus.DRAFT,
        version=1, created_at=at, updated_at=at,
    )


def edit_draft(note: ProgressNote, content: dict[str, Any], *, expected_version: int,
               at: datetime) -> ProgressNote:
    """Autosave: succeeds only if nobody saved since `expected_version` was read."""
    _require_aware(at, "at")
    if note.status is not NoteStatus.DRAFT:
        raise IllegalTransition(
            f"note {note.id} is {note.status}; a signed note is corrected by an amendment "
            "or an addendum, never edited")
    if expected_version != note.version:
        raise Conflict(
            f"note {note.id} was saved by someone else (version {note.version}, you had "
            f"{expected_version}); reload it, reapply your change and save again")
    return replace(note, content=validate_content(content), version=note.version + 1,
                   updated_at=at)


def sign(note: ProgressNote, *, signer_id: str, at: datetime, session_end: datetime,
         practice: Practice) -> ProgressNote:
    """Make a draft immutable: signer, time and a hash over its canonical JSON."""
    _require_aware(at, "at")
    if note.status is not NoteStatus.DRAFT:
        raise IllegalTransition(f"note {note.id} is already {note.status}; only a draft "
                                "can be signed")
    if signer_id != note.author_id:
        raise IllegalTransition(f"note {note.id} can be signed only by its author")
    return replace(
        note, status=NoteStatus.SIGNED, signed_by=signer_id, signed_at=at, updated_at=at,
        content_hash=note_hash(note, signed_by=signer_id, signed_at=at),
        late_entry=at - session_end > LATE_ENTRY_AFTER,
        cosignature_required=practice.requires_cosignature,
    )


def cosign(note: ProgressNote, *, supervisor_id: str, at: datetime) -> ProgressNote:
    """A supervisor's co-signature: metadata beside the signature, never a content change."""
    _require_aware(at, "at")
    if note.status is not NoteStatus.SIGNED:
        raise IllegalTransition(f"note {note.id} is {note.status}; only a signed, current "
                                "note can be co-signed")
    if not note.cosignature_required:
        raise IllegalTransition(f"note {note.id} does not need a co-signature in this "
                                "practice")
    if note.cosigned_by is not None:
        raise IllegalTransition(f"note {note.id} is already co-signed")
    if supervisor_id == note.author_id:
        raise IllegalTransition(f"note {note.id}: the author cannot co-sign their own note")
    return replace(note, cosigned_by=supervisor_id, cosigned_at=at)


def amend(note: ProgressNote, *, new_note_id: str, content: dict[str, Any], reason: str,
          by: str, at: datetime, session_end: datetime,
          practice: Practice) -> tuple[ProgressNote, ProgressNote]:
    """Correct a signed note: returns (the old version marked amended, the new signed
    version carrying the reason). The old version's content and hash are untouched."""
    _require_aware(at, "at")
    if not reason.strip():
        raise InvalidInput("an amendment needs a reason", field="reason")
    if note.status is not NoteStatus.SIGNED:
        raise IllegalTransition(f"note {note.id} is {note.status}; amend the current "
                                "signed version")
    draft = replace(
        note, id=new_note_id, content=validate_content(content), status=NoteStatus.DRAFT,
        version=note.version + 1, created_at=at, updated_at=at, content_hash=None,
        signed_by=None, signed_at=None, late_entry=False, cosigned_by=None,
        cosigned_at=None, amends_id=note.id, amendment_reason=reason.strip(),
        superseded_by=None, author_id=note.author_id,
    )
    new = sign(replace(draft, author_id=by), signer_id=by, at=at, session_end=session_end,
               practice=practice)
    # Lateness describes the original documentation, not the correction.
    new = replace(new, late_entry=note.late_entry)
    old = replace(note, status=NoteStatus.AMENDED, superseded_by=new_note_id)
    return old, new


def addend(note: ProgressNote, *, addendum_id: str, text: str, by: str,
           at: datetime) -> Addendum:
    """Add information to a signed note without changing it."""
    _require_aware(at, "at")
    if not text.strip():
        raise InvalidInput("an addendum needs text", field="text")
    if note.status is not NoteStatus.SIGNED:
        raise IllegalTransition(f"note {note.id} is {note.status}; addenda attach to the "
                                "current signed version")
    digest = hashlib.sha256(canonical_json(
        {"addendum_id": addendum_id, "note_id": note.id, "author_id": by, "text": text,
         "created_at": at.isoformat()})).hexdigest()
    return Addendum(id=addendum_id, note_id=note.id, author_id=by, text=text, created_at=at,
                    content_hash=digest)


def addendum_hash_ok(addendum: Addendum) -> bool:
    digest = hashlib.sha256(canonical_json(
        {"addendum_id": addendum.id, "note_id": addendum.note_id,
         "author_id": addendum.author_id, "text": addendum.text,
         "created_at": addendum.created_at.isoformat()})).hexdigest()
    return digest == addendum.content_hash
