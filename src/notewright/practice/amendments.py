"""A client's amendment requests (164.526): record, accept, deny, the client's
statement of disagreement, the practice's rebuttal. Each step one transaction and one
audit event; the texts are encrypted and never appear in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from notewright.errors import InvalidInput, NotFound
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records import requests_amendments as core
from notewright.records.model import User
from notewright.records.requests import extend
from notewright.records.requests_amendments import AmendmentRequest
from notewright.storage import notes, records
from notewright.storage import packets as rows


def request_amendment(store: Store, actor: User, *, note_id: str, requested_change: str,
                      client_reason: str, received_on: date,
                      client_id: str | None = None) -> AmendmentRequest:
    """`client_id`, when given, must be the note's client (a screen's own check)."""
    now = store.clock()
    with store.write() as conn:
        note = notes.load_note(conn, store.cipher, note_id)
        if client_id is not None and note.client_id != client_id:
            raise NotFound(f"no progress note {note_id} for this client")
        team = records.care_team(conn, note.client_id)
        perm = require(store, actor, access.may(store.policy, actor, "amendment.record", team,
                                                now=now), "progress_note", note_id,
                       note.client_id)
        req = core.new_amendment_request(
            id=store.new_id(), client_id=note.client_id, note_id=note_id,
            requested_change=requested_change, client_reason=client_reason,
            received_on=received_on, today=now.date(), created_by=actor.id, created_at=now)
        rows.save_amendment(conn, store.cipher, req, at=now, new=True)
        audit(conn, store, actor, "amendment.create", "amendment_request", req.id,
              client_id=note.client_id, permission=perm,
              reason=f"note {note_id}; due {req.due_on.isoformat()}")
    return req


def _step(store: Store, actor: User, amendment_id: str, action: str, permission: str,
          change: Callable[[AmendmentRequest], AmendmentRequest],
          client_id: str | None = None) -> AmendmentRequest:
    now = store.clock()
    with store.write() as conn:
        current = rows.load_amendment(conn, store.cipher, amendment_id)
        if client_id is not None and current.client_id != client_id:
            raise NotFound(f"no amendment request {amendment_id} for this client")
        team = records.care_team(conn, current.client_id)
        perm = require(store, actor, access.may(store.policy, actor, permission, team,
                                                now=now), "amendment_request", amendment_id,
                       current.client_id)
        changed = change(current)
        rows.save_amendment(conn, store.cipher, changed, at=now, new=False)
        audit(conn, store, actor, action, "amendment_request", amendment_id,
              client_id=current.client_id, permission=perm, reason=changed.status.value)
    return changed


def accept_amendment(store: Store, actor: User, amendment_id: str, *, amendment_text: str,
                     notify: list[str], on: date | None = None,
                     client_id: str | None = None) -> AmendmentRequest:
    """Accept: the amendment is linked to the note (never overwriting it) and goes with
    every later disclosure of it; `notify` are those the client named and known holders
    who may rely on the information."""
    day = on or store.clock().date()
    return _step(store, actor, amendment_id, "amendment.accept", "amendment.decide",
                 lambda r: core.accept(r, by=actor.id, on=day, amendment_text=amendment_text,
                                       notify=notify), client_id)


def deny_amendment(store: Store, actor: User, amendment_id: str, *, basis: str,
                   explanation: str, on: date | None = None,
                   client_id: str | None = None) -> AmendmentRequest:
    day = on or store.clock().date()
    return _step(store, actor, amendment_id, "amendment.deny", "amendment.decide",
                 lambda r: core.deny(r, by=actor.id, on=day, basis=basis,
                                     explanation=explanation), client_id)


def file_disagreement(store: Store, actor: User, amendment_id: str, statement: str,
                      client_id: str | None = None) -> AmendmentRequest:
    return _step(store, actor, amendment_id, "amendment.disagreement", "amendment.record",
                 lambda r: core.file_disagreement(r, statement), client_id)


def add_rebuttal(store: Store, actor: User, amendment_id: str, rebuttal: str,
                 client_id: str | None = None) -> AmendmentRequest:
    return _step(store, actor, amendment_id, "amendment.rebuttal", "amendment.decide",
                 lambda r: core.add_rebuttal(r, rebuttal), client_id)


def include_denial_with_disclosures(store: Store, actor: User, amendment_id: str
                                    ) -> AmendmentRequest:
    return _step(store, actor, amendment_id, "amendment.include", "amendment.record",
                 core.ask_to_include)


def extend_amendment(store: Store, actor: User, amendment_id: str, *, notice_sent_on: date,
                     reason: str) -> AmendmentRequest:
    """The one 30-day extension, with written notice sent within the first 60 days."""
    from dataclasses import replace

    def change(r: AmendmentRequest) -> AmendmentRequest:
        if r.status is not core.AmendmentStatus.RECEIVED:
            raise InvalidInput("only an undecided request can be extended", field="status")
        first = r.received_on
        ext = extend(first, "amendment", r.due_on if r.extension is None else None,
                     previous=r.extension, notice_sent_on=notice_sent_on, reason=reason)
        return replace(r, extension=ext)

    return _step(store, actor, amendment_id, "amendment.extend", "amendment.decide", change)


def amendments_for_client(store: Store, actor: User, client_id: str
                          ) -> list[AmendmentRequest]:
    now = store.clock()
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may(store.policy, actor, "amendment.record", team,
                                                now=now), "client", client_id, client_id)
        found = rows.amendments_for_client(conn, store.cipher, client_id)
        audit(conn, store, actor, "amendment.list", "client", client_id, client_id=client_id,
              permission=perm, reason=f"{len(found)} requests")
    return found
