"""Records requests, decisions, packets and accounting entries: rows <-> core values.

Everything free-text (names, facts, decisions, recipients) is encrypted in `body`;
the columns in clear are the ones the deadline list and the accounting report filter on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select, update

from notewright.errors import NotFound
from notewright.records.requests import (
    OPEN,
    Extension,
    PacketFormat,
    RecordsRequest,
    RequestStatus,
)
from notewright.records.requests_accounting import AccountingEntry
from notewright.storage import tables as t
from notewright.storage.encryption import Cipher


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _seal(cipher: Cipher, table: str, row_id: str, doc: dict[str, Any]) -> tuple[str, bytes]:
    return cipher.encrypt(table, "body", row_id,
                          json.dumps(doc, separators=(",", ":"), sort_keys=True).encode())


def _open(cipher: Cipher, table: str, r: RowMapping) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(cipher.decrypt(table, "body", r["id"], r["key_id"],
                                                    r["body"]))
    return doc


# --- requests ---------------------------------------------------------------------

def _request_doc(req: RecordsRequest) -> dict[str, Any]:
    ext = req.extension
    return {
        "requester_name": req.requester_name, "categories": list(req.categories),
        "state": req.state, "attachment_ref": req.attachment_ref,
        "attachment_sha256": req.attachment_sha256, "facts": req.facts,
        "has_satisfactory_assurance": req.has_satisfactory_assurance,
        "client_is_minor": req.client_is_minor, "date_from": _d(req.date_from),
        "date_to": _d(req.date_to), "format": req.format.value,
        "recipient_address": req.recipient_address,
        "extension": None if ext is None else {
            "notice_sent_on": ext.notice_sent_on.isoformat(), "reason": ext.reason,
            "new_due_on": ext.new_due_on.isoformat()},
    }


def _request_values(cipher: Cipher, req: RecordsRequest, due: date | None,
                    at: datetime) -> dict[str, Any]:
    kid, blob = _seal(cipher, "records_requests", req.id, _request_doc(req))
    return {"client_id": req.client_id, "requester": req.requester, "basis": req.basis,
            "status": req.status.value, "received_on": req.received_on, "due_on": due,
            "extended": req.extension is not None, "authorization_id": req.authorization_id,
            "body": blob, "key_id": kid, "updated_at": at}


def insert_request(conn: Connection, cipher: Cipher, req: RecordsRequest,
                   due: date | None) -> None:
    conn.execute(insert(t.records_requests).values(
        id=req.id, created_by=req.created_by, created_at=req.created_at,
        **_request_values(cipher, req, due, req.created_at)))


def update_request(conn: Connection, cipher: Cipher, req: RecordsRequest, due: date | None,
                   *, expected_status: RequestStatus, at: datetime) -> bool:
    """Save a changed request if it is still in `expected_status` (no lost update)."""
    done = conn.execute(update(t.records_requests).where(
        t.records_requests.c.id == req.id,
        t.records_requests.c.status == expected_status.value,
    ).values(**_request_values(cipher, req, due, at)))
    return done.rowcount == 1


def _request(r: RowMapping, cipher: Cipher) -> RecordsRequest:
    doc = _open(cipher, "records_requests", r)
    ext = doc["extension"]
    return RecordsRequest(
        id=r["id"], client_id=r["client_id"], requester=r["requester"],
        requester_name=doc["requester_name"], basis=r["basis"],
        categories=tuple(doc["categories"]), received_on=r["received_on"],
        state=doc["state"], status=RequestStatus(r["status"]), created_by=r["created_by"],
        created_at=r["created_at"], authorization_id=r["authorization_id"],
        attachment_ref=doc["attachment_ref"], attachment_sha256=doc["attachment_sha256"],
        facts=doc["facts"], has_satisfactory_assurance=doc["has_satisfactory_assurance"],
        client_is_minor=doc["client_is_minor"], date_from=_date(doc["date_from"]),
        date_to=_date(doc["date_to"]), format=PacketFormat(doc["format"]),
        recipient_address=doc["recipient_address"],
        extension=None if ext is None else Extension(
            notice_sent_on=date.fromisoformat(ext["notice_sent_on"]), reason=ext["reason"],
            new_due_on=date.fromisoformat(ext["new_due_on"])))


def load_request(conn: Connection, cipher: Cipher, request_id: str) -> RecordsRequest:
    r = conn.execute(select(t.records_requests).where(t.records_requests.c.id == request_id)
                     ).mappings().first()
    if r is None:
        raise NotFound(f"no records request with id {request_id}")
    return _request(r, cipher)


def requests_for_client(conn: Connection, cipher: Cipher, client_id: str
                        ) -> list[RecordsRequest]:
    rows = conn.execute(select(t.records_requests).where(
        t.records_requests.c.client_id == client_id).order_by(
        t.records_requests.c.received_on, t.records_requests.c.id)).mappings()
    return [_request(r, cipher) for r in rows]


@dataclass(frozen=True)
class RequestRow:
    """What the deadline list needs, without decrypting anything."""

    id: str
    client_id: str
    basis: str
    status: str
    received_on: date
    due_on: date | None
    extended: bool


def open_requests(conn: Connection) -> list[RequestRow]:
    c = t.records_requests.c
    rows = conn.execute(select(c.id, c.client_id, c.basis, c.status, c.received_on,
                               c.due_on, c.extended).where(
        c.status.in_([s.value for s in OPEN])))
    return [RequestRow(r.id, r.client_id, r.basis, r.status, r.received_on, r.due_on,
                       r.extended) for r in rows]


def all_requests(conn: Connection) -> list[RequestRow]:
    c = t.records_requests.c
    rows = conn.execute(select(c.id, c.client_id, c.basis, c.status, c.received_on,
                               c.due_on, c.extended).order_by(c.received_on, c.id))
    return [RequestRow(r.id, r.client_id, r.basis, r.status, r.received_on, r.due_on,
                       r.extended) for r in rows]


# --- decisions (the engine's, and the clinician's review of it) --------------------

@dataclass(frozen=True)
class StoredDecision:
    id: str
    request_id: str
    kind: str  # engine, confirmed, overridden
    rule_version: str
    body: dict[str, Any]  # {"decision": ..., "engine_request": ..., "due_on": ...}
    decided_by: str
    decided_at: datetime


def insert_decision(conn: Connection, cipher: Cipher, d: StoredDecision) -> None:
    kid, blob = _seal(cipher, "request_decisions", d.id, d.body)
    conn.execute(insert(t.request_decisions).values(
        id=d.id, request_id=d.request_id, kind=d.kind, rule_version=d.rule_version,
        body=blob, key_id=kid, decided_by=d.decided_by, decided_at=d.decided_at))


def decisions_for(conn: Connection, cipher: Cipher, request_id: str) -> list[StoredDecision]:
    """Every decision on file for a request, oldest first (none is ever replaced)."""
    rows = conn.execute(select(t.request_decisions).where(
        t.request_decisions.c.request_id == request_id).order_by(
        t.request_decisions.c.decided_at, t.request_decisions.c.id)).mappings()
    return [StoredDecision(id=r["id"], request_id=r["request_id"], kind=r["kind"],
                           rule_version=r["rule_version"],
                           body=_open(cipher, "request_decisions", r),
                           decided_by=r["decided_by"], decided_at=r["decided_at"])
            for r in rows]


# --- accounting entries ---------------------------------------------------------------

def insert_entry(conn: Connection, cipher: Cipher, e: AccountingEntry, at: datetime) -> None:
    kid, blob = _seal(cipher, "accounting_entries", e.id, {
        "recipient": e.recipient, "description": e.description, "purpose": e.purpose,
        "suspension_reason": e.suspension_reason})
    conn.execute(insert(t.accounting_entries).values(
        id=e.id, client_id=e.client_id, request_id=e.request_id, packet_id=e.packet_id,
        disclosed_on=e.disclosed_on, body=blob, key_id=kid,
        suspended_until=e.suspended_until, created_at=at))


def entries_for_client(conn: Connection, cipher: Cipher, client_id: str
                       ) -> list[AccountingEntry]:
    rows = conn.execute(select(t.accounting_entries).where(
        t.accounting_entries.c.client_id == client_id)).mappings()
    out = []
    for r in rows:
        doc = _open(cipher, "accounting_entries", r)
        out.append(AccountingEntry(
            id=r["id"], client_id=r["client_id"], disclosed_on=r["disclosed_on"],
            recipient=doc["recipient"], description=doc["description"],
            purpose=doc["purpose"], request_id=r["request_id"], packet_id=r["packet_id"],
            suspended_until=r["suspended_until"],
            suspension_reason=doc.get("suspension_reason")))
    return out


def suspend_entries(conn: Connection, cipher: Cipher, entries: list[AccountingEntry],
                    until: date, reason: str) -> None:
    """Suspension hides an entry from accountings until `until`; it never deletes it."""
    for e in entries:
        kid, blob = _seal(cipher, "accounting_entries", e.id, {
            "recipient": e.recipient, "description": e.description, "purpose": e.purpose,
            "suspension_reason": reason})
        conn.execute(update(t.accounting_entries).where(t.accounting_entries.c.id == e.id)
                     .values(suspended_until=until, body=blob, key_id=kid))
