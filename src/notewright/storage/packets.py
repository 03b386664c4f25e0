"""Release packets and amendment requests: rows <-> values.

A packet row holds the encrypted PDF and FHIR bytes, their SHA-256 and the contents
list ("kind:id", no text). Once `sent_at` is set the row is never updated again: every
write here is conditional on `sent_at IS NULL`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select, update

from notewright.errors import NotFound
from notewright.records.requests import Extension
from notewright.records.requests_amendments import (
    AmendmentRequest,
    AmendmentStatus,
    DenialBasis,
)
from notewright.storage import tables as t
from notewright.storage.encryption import Cipher


@dataclass(frozen=True)
class StoredPacket:
    id: str
    request_id: str
    decision_id: str
    contents: tuple[str, ...]
    pdf_sha256: str | None
    fhir_sha256: str | None
    built_by: str
    built_at: datetime
    sent_by: str | None = None
    sent_at: datetime | None = None
    sent_via: str | None = None


def insert_packet(conn: Connection, cipher: Cipher, p: StoredPacket, *, pdf: bytes | None,
                  fhir: bytes | None) -> None:
    kid, pdf_blob = cipher.encrypt("release_packets", "pdf", p.id, pdf or b"")
    _, fhir_blob = cipher.encrypt("release_packets", "fhir", p.id, fhir or b"")
    conn.execute(insert(t.release_packets).values(
        id=p.id, request_id=p.request_id, decision_id=p.decision_id,
        contents=json.dumps(list(p.contents)), pdf_sha256=p.pdf_sha256,
        fhir_sha256=p.fhir_sha256, pdf=pdf_blob if pdf is not None else None,
        fhir=fhir_blob if fhir is not None else None, key_id=kid, built_by=p.built_by,
        built_at=p.built_at))


def _packet(r: RowMapping) -> StoredPacket:
    return StoredPacket(id=r["id"], request_id=r["request_id"], decision_id=r["decision_id"],
                        contents=tuple(json.loads(r["contents"])), pdf_sha256=r["pdf_sha256"],
                        fhir_sha256=r["fhir_sha256"], built_by=r["built_by"],
                        built_at=r["built_at"], sent_by=r["sent_by"], sent_at=r["sent_at"],
                        sent_via=r["sent_via"])


def packets_for(conn: Connection, request_id: str) -> list[StoredPacket]:
    rows = conn.execute(select(t.release_packets).where(
        t.release_packets.c.request_id == request_id).order_by(
        t.release_packets.c.built_at, t.release_packets.c.id)).mappings()
    return [_packet(r) for r in rows]


def packet_bytes(conn: Connection, cipher: Cipher, packet_id: str
                 ) -> tuple[bytes | None, bytes | None]:
    r = conn.execute(select(t.release_packets).where(t.release_packets.c.id == packet_id)
                     ).mappings().first()
    if r is None:
        raise NotFound(f"no release packet with id {packet_id}")

    def opened(column: str) -> bytes | None:
        if r[column] is None:
            return None
        return cipher.decrypt("release_packets", column, packet_id, r["key_id"], r[column])
    return opened("pdf"), opened("fhir")


def mark_sent(conn: Connection, packet_id: str, *, by: str, at: datetime, via: str) -> bool:
    done = conn.execute(update(t.release_packets).where(
        t.release_packets.c.id == packet_id, t.release_packets.c.sent_at.is_(None),
    ).values(sent_by=by, sent_at=at, sent_via=via))
    return done.rowcount == 1


# --- amendment requests ---------------------------------------------------------------

def _amend_doc(a: AmendmentRequest) -> dict[str, Any]:
    ext = a.extension
    return {
        "requested_change": a.requested_change, "client_reason": a.client_reason,
        "decided_by": a.decided_by, "decided_on": a.decided_on.isoformat()
        if a.decided_on else None, "amendment_text": a.amendment_text,
        "notify": list(a.notify), "denial_basis": a.denial_basis.value
        if a.denial_basis else None, "denial_text": a.denial_text,
        "disagreement": a.disagreement, "rebuttal": a.rebuttal,
        "include_with_disclosures": a.include_with_disclosures,
        "extension": None if ext is None else {
            "notice_sent_on": ext.notice_sent_on.isoformat(), "reason": ext.reason,
            "new_due_on": ext.new_due_on.isoformat()},
    }


def save_amendment(conn: Connection, cipher: Cipher, a: AmendmentRequest, *, at: datetime,
                   new: bool) -> None:
    kid, blob = cipher.encrypt("amendment_requests", "body", a.id,
                               json.dumps(_amend_doc(a), sort_keys=True).encode())
    values = {"status": a.status.value, "due_on": a.due_on, "body": blob, "key_id": kid,
              "updated_at": at}
    if new:
        conn.execute(insert(t.amendment_requests).values(
            id=a.id, client_id=a.client_id, note_id=a.note_id, received_on=a.received_on,
            created_by=a.created_by, created_at=a.created_at, **values))
    else:
        conn.execute(update(t.amendment_requests).where(t.amendment_requests.c.id == a.id)
                     .values(**values))


def _amendment(r: RowMapping, cipher: Cipher) -> AmendmentRequest:
    doc = json.loads(cipher.decrypt("amendment_requests", "body", r["id"], r["key_id"],
                                    r["body"]))
    ext = doc["extension"]
    return AmendmentRequest(
        id=r["id"], client_id=r["client_id"], note_id=r["note_id"],
        requested_change=doc["requested_change"], client_reason=doc["client_reason"],
        received_on=r["received_on"], status=AmendmentStatus(r["status"]),
        created_by=r["created_by"], created_at=r["created_at"],
        extension=None if ext is None else Extension(
            date.fromisoformat(ext["notice_sent_on"]), ext["reason"],
            date.fromisoformat(ext["new_due_on"])),
        decided_by=doc["decided_by"],
        decided_on=date.fromisoformat(doc["decided_on"]) if doc["decided_on"] else None,
        amendment_text=doc["amendment_text"], notify=tuple(doc["notify"]),
        denial_basis=DenialBasis(doc["denial_basis"]) if doc["denial_basis"] else None,
        denial_text=doc["denial_text"], disagreement=doc["disagreement"],
        rebuttal=doc["rebuttal"], include_with_disclosures=doc["include_with_disclosures"])


def load_amendment(conn: Connection, cipher: Cipher, amendment_id: str) -> AmendmentRequest:
    r = conn.execute(select(t.amendment_requests).where(
        t.amendment_requests.c.id == amendment_id)).mappings().first()
    if r is None:
        raise NotFound(f"no amendment request with id {amendment_id}")
    return _amendment(r, cipher)


def amendments_for_client(conn: Connection, cipher: Cipher, client_id: str
                          ) -> list[AmendmentRequest]:
    rows = conn.execute(select(t.amendment_requests).where(
        t.amendment_requests.c.client_id == client_id).order_by(
        t.amendment_requests.c.received_on, t.amendment_requests.c.id)).mappings()
    return [_amendment(r, cipher) for r in rows]


def open_amendments(conn: Connection) -> list[tuple[str, str, date, date, str]]:
    """(id, client id, received, due, status) of requests not yet decided."""
    c = t.amendment_requests.c
    rows = conn.execute(select(c.id, c.client_id, c.received_on, c.due_on, c.status).where(
        c.status == AmendmentStatus.RECEIVED.value))
    return [(r.id, r.client_id, r.received_on, r.due_on, r.status) for r in rows]
