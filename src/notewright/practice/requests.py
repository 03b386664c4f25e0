"""Records requests: intake, the engine's decision, the clinician's review, deadlines.

Each function is one record transaction with its audit event (ids and counts only,
never names or text). Packets and sending are in packets.py; the accounting of
disclosures in accounting.py; amendment requests in amendments.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Connection

from notewright import disclosure
from notewright.errors import Conflict, IllegalTransition, InvalidInput
from notewright.practice.authorizations import terms_for_decision, validate_terms
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records import requests as core
from notewright.records.model import Authorization, User
from notewright.records.requests import DueItem, RecordsRequest, RequestStatus
from notewright.records.requests_review import (
    EffectiveDecision,
    OverrideRefused,
    confirm,
    override,
)
from notewright.storage import packets as packet_rows
from notewright.storage import records
from notewright.storage import records_requests as rows
from notewright.storage.records_requests import StoredDecision


@dataclass(frozen=True)
class Intake:
    """The stored request, and every authorization defect at once (empty: none)."""

    request: RecordsRequest
    authorization_id: str | None
    defects: tuple[disclosure.Defect, ...]


def _permit(conn: Connection, store: Store, actor: User, action: str, client_id: str,
            object_id: str | None) -> access.Permission:
    team = records.care_team(conn, client_id)
    return require(store, actor, access.may(store.policy, actor, action, team,
                                            now=store.clock()),
                   "records_request", object_id, client_id)


def _authorization_terms(conn: Connection, store: Store, req: RecordsRequest
                         ) -> dict[str, Any] | None:
    if req.authorization_id is None:
        return None
    auth = records.load_authorization(conn, store.cipher, req.authorization_id)
    return terms_for_decision(auth, records.revocations_for(conn, [auth.id]))


def intake(store: Store, actor: User, *, client_id: str, requester: str, requester_name: str,
           basis: str, categories: list[str], received_on: date, state: str | None = None,
           authorization: dict[str, Any] | None = None, authorization_id: str | None = None,
           attachment_ref: str | None = None, attachment_sha256: str | None = None,
           facts: dict[str, Any] | None = None, has_satisfactory_assurance: bool = False,
           date_from: date | None = None, date_to: date | None = None,
           format: str = "pdf", recipient_address: str = "") -> Intake:
    """Record a request as received, with its authorization (terms + scanned document).

    The request is validated against the disclosure contract (InvalidInput names the
    field). Every authorization defect is returned at once, with what to fix.
    """
    if authorization is not None and authorization_id is not None:
        raise InvalidInput("give the authorization's terms or the id of one on file, not "
                           "both", field="authorization")
    now = store.clock()
    with store.write() as conn:
        perm = _permit(conn, store, actor, "records_request.record", client_id, None)
        client = records.load_client(conn, client_id)
        terms: dict[str, Any] | None = None
        if authorization is not None:
            auth = Authorization(id=store.new_id(), client_id=client_id,
                                 terms=validate_terms(authorization), recorded_by=actor.id,
                                 recorded_at=now, attachment_ref=attachment_ref,
                                 attachment_sha256=attachment_sha256)
            records.insert_authorization(conn, store.cipher, auth)
            audit(conn, store, actor, "authorization.create", "authorization", auth.id,
                  client_id=client_id, permission=perm)
            authorization_id, terms = auth.id, auth.terms
        elif authorization_id is not None:
            on_file = records.load_authorization(conn, store.cipher, authorization_id)
            if on_file.client_id != client_id:
                raise InvalidInput("that authorization belongs to another client",
                                   field="authorization_id")
            terms = terms_for_decision(on_file, records.revocations_for(conn, [on_file.id]))
        minor = client.age_on(received_on) < 18
        req = core.new_request(
            id=store.new_id(), client_id=client_id, requester=requester,
            requester_name=requester_name, basis=basis, categories=categories,
            received_on=received_on, today=now.date(), created_by=actor.id, created_at=now,
            state=(state or client.state).upper(), authorization_id=authorization_id,
            attachment_ref=attachment_ref, attachment_sha256=attachment_sha256,
            facts=dict(facts or {}), has_satisfactory_assurance=has_satisfactory_assurance,
            client_is_minor=minor, date_from=date_from, date_to=date_to, format=format,
            recipient_address=recipient_address.strip())
        # The engine's own validation: unknown requester, basis, category or fact key.
        disclosure.parse_request(core.engine_request(req, terms, on=received_on))
        defects: list[disclosure.Defect] = []
        if terms is not None:
            defects = disclosure.check_authorization(
                terms, date=received_on, requester=requester, requested=categories,
                state=req.state, facts=req.facts)
        rows.insert_request(conn, store.cipher, req,
                            core.due_on(received_on, core.clock_for(req)))
        audit(conn, store, actor, "records_request.create", "records_request", req.id,
              client_id=client_id, permission=perm,
              reason=f"{req.kind.value}; {len(categories)} categories; "
                     f"{len(defects)} authorization defects")
    return Intake(request=req, authorization_id=authorization_id, defects=tuple(defects))


def _latest(decisions: list[StoredDecision], *kinds: str) -> StoredDecision | None:
    found = [d for d in decisions if d.kind in kinds]
    return found[-1] if found else None


def decide_request(store: Store, actor: User, request_id: str, *,
                   on: date | None = None) -> StoredDecision:
    """Run the engine on the request as it stands (authorization and revocations on
    file), store the decision with its explanation, citations, rule version and due date.
    Deciding again (e.g. after a corrected authorization) keeps the earlier decision."""
    now = store.clock()
    day = on or now.date()
    with store.write() as conn:
        req = rows.load_request(conn, store.cipher, request_id)
        perm = _permit(conn, store, actor, "records_request.record", req.client_id,
                       request_id)
        moved = core.advance(req, RequestStatus.DECIDED)
        engine_req = core.engine_request(req, _authorization_terms(conn, store, req), on=day)
        decision = disclosure.decide(engine_req)
        due = core.due_on(req.received_on, core.clock_for(req),
                          deadline_days=decision.deadline_days, extension=req.extension)
        steps = {r.category: r.step for r in decision.refuse}
        stored = StoredDecision(
            id=store.new_id(), request_id=request_id, kind="engine",
            rule_version=decision.rule_version,
            body={"decision": decision.to_dict(), "engine_request": engine_req,
                  "refusal_steps": steps, "due_on": due.isoformat() if due else None},
            decided_by=actor.id, decided_at=now)
        rows.insert_decision(conn, store.cipher, stored)
        if not rows.update_request(conn, store.cipher, moved, due, expected_status=req.status,
                                   at=now):
            raise Conflict(f"records request {request_id} changed meanwhile; reload it")
        audit(conn, store, actor, "records_request.decide", "records_request", request_id,
              client_id=req.client_id, permission=perm,
              reason=f"rules {decision.rule_version}; release {len(decision.release)}, "
                     f"refuse {len(decision.refuse)}")
    return stored


_REVIEW_ACTION = {"confirmed": "records_request.confirm",
                  "overridden": "records_request.override"}


def _review(store: Store, actor: User, request_id: str, make: Any) -> StoredDecision:
    try:
        return _review_once(store, actor, request_id, make)
    except OverrideRefused:
        # Rolled back; the attempt itself is kept in the audit log, flagged.
        with store.write() as conn:
            req = rows.load_request(conn, store.cipher, request_id)
            audit(conn, store, actor, "records_request.override_refused", "records_request",
                  request_id, client_id=req.client_id, flagged=True,
                  reason="override would release gated records without a qualifying basis")
        raise


def _review_once(store: Store, actor: User, request_id: str, make: Any) -> StoredDecision:
    now = store.clock()
    with store.write() as conn:
        req = rows.load_request(conn, store.cipher, request_id)
        perm = _permit(conn, store, actor, "records_request.decide", req.client_id,
                       request_id)
        engine = _latest(rows.decisions_for(conn, store.cipher, request_id), "engine")
        if engine is None or req.status is not RequestStatus.DECIDED:
            raise IllegalTransition(f"records request {request_id} is {req.status.value}: "
                                    "decide it first, then confirm or override")
        effective: EffectiveDecision = make(engine)
        target = (RequestStatus.CONFIRMED if effective.action == "confirmed"
                  else RequestStatus.OVERRIDDEN)
        moved = core.advance(req, target)
        due = core.due_on(req.received_on, core.clock_for(req),
                          deadline_days=effective.deadline_days, extension=req.extension)
        stored = StoredDecision(id=store.new_id(), request_id=request_id,
                                kind=effective.action, rule_version=effective.rule_version,
                                body={"effective": effective.to_dict(),
                                      "engine_decision_id": engine.id},
                                decided_by=actor.id, decided_at=now)
        rows.insert_decision(conn, store.cipher, stored)
        if not rows.update_request(conn, store.cipher, moved, due, expected_status=req.status,
                                   at=now):
            raise Conflict(f"records request {request_id} changed meanwhile; reload it")
        audit(conn, store, actor, _REVIEW_ACTION[effective.action],
              "records_request", request_id, client_id=req.client_id, permission=perm,
              reason=f"release {','.join(effective.release) or 'nothing'}")
    return stored


def confirm_decision(store: Store, actor: User, request_id: str, *,
                     reason: str) -> StoredDecision:
    """The clinician confirms the engine's decision, with a written reason."""
    return _review(store, actor, request_id, lambda engine: confirm(
        engine.body["decision"], rule_version=engine.rule_version, reason=reason))


def override_decision(store: Store, actor: User, request_id: str, *, release: list[str],
                      reason: str, facts: dict[str, Any] | None = None) -> StoredDecision:
    """The clinician releases `release` instead, with a written reason. Psychotherapy
    notes and Part 2 records only if the engine, on the corrected `facts`, releases them:
    otherwise OverrideRefused (audited), and nothing changes."""
    return _review(store, actor, request_id, lambda engine: override(
        engine.body["decision"], engine.body["engine_request"], release=release,
        reason=reason, rule_version=engine.rule_version, facts=facts))


def extend_deadline(store: Store, actor: User, request_id: str, *, notice_sent_on: date,
                    reason: str) -> RecordsRequest:
    """The one extension (access: +30 days), with the written notice's date and reasons."""
    now = store.clock()
    with store.write() as conn:
        req = rows.load_request(conn, store.cipher, request_id)
        perm = _permit(conn, store, actor, "records_request.decide", req.client_id,
                       request_id)
        if not req.is_open:
            raise IllegalTransition(f"records request {request_id} is already sent")
        clock = core.clock_for(req)
        current = core.due_on(req.received_on, clock)
        decisions = rows.decisions_for(conn, store.cipher, request_id)
        if decisions:
            days = (decisions[-1].body.get("decision")
                    or decisions[-1].body["effective"])["deadline_days"]
            current = core.due_on(req.received_on, clock, deadline_days=days)
        ext = core.extend(req.received_on, clock, current, previous=req.extension,
                          notice_sent_on=notice_sent_on, reason=reason)
        moved = replace(req, extension=ext)
        if not rows.update_request(conn, store.cipher, moved, ext.new_due_on,
                                   expected_status=req.status, at=now):
            raise Conflict(f"records request {request_id} changed meanwhile; reload it")
        audit(conn, store, actor, "records_request.extend", "records_request", request_id,
              client_id=req.client_id, permission=perm,
              reason=f"due {ext.new_due_on.isoformat()}")
    return moved


def show_request(store: Store, actor: User, request_id: str
                 ) -> tuple[RecordsRequest, list[StoredDecision], list[packet_rows.StoredPacket]]:
    """A request with every decision and review on file and its packets (no bytes)."""
    with store.write() as conn:
        req = rows.load_request(conn, store.cipher, request_id)
        perm = _permit(conn, store, actor, "records_request.view", req.client_id, request_id)
        decisions = rows.decisions_for(conn, store.cipher, request_id)
        packets = packet_rows.packets_for(conn, request_id)
        audit(conn, store, actor, "records_request.view", "records_request", request_id,
              client_id=req.client_id, permission=perm)
    return req, decisions, packets


def effective_decision(decisions: list[StoredDecision]) -> EffectiveDecision | None:
    review = _latest(decisions, "confirmed", "overridden")
    return None if review is None else EffectiveDecision.from_dict(review.body["effective"])


def list_requests(store: Store, actor: User, client_id: str) -> list[RecordsRequest]:
    with store.write() as conn:
        perm = _permit(conn, store, actor, "records_request.view", client_id, None)
        found = rows.requests_for_client(conn, store.cipher, client_id)
        audit(conn, store, actor, "records_request.list", "records_request", None,
              client_id=client_id, permission=perm, reason=f"{len(found)} requests")
    return found


def list_due(store: Store, actor: User, *, today: date | None = None) -> list[DueItem]:
    """Open records and amendment requests the actor may see, overdue first."""
    now = store.clock()
    day = today or now.date()
    with store.write() as conn:
        teams = records.care_teams(conn)

        def visible(client_id: str) -> bool:
            team = teams.get(client_id)
            return team is not None and access.may(
                store.policy, actor, "records_request.view", team, now=now).allowed

        items = [DueItem(r.id, r.client_id, "access" if r.basis == "right_of_access"
                         else "disclosure", r.status, r.received_on, r.due_on, r.extended)
                 for r in rows.open_requests(conn) if visible(r.client_id)]
        items += [DueItem(i, c, "amendment", status, received, due, False)
                  for i, c, received, due, status in packet_rows.open_amendments(conn)
                  if visible(c)]
        ordered = core.order_due(items, day)
        late = sum(1 for i in ordered if i.overdue(day))
        audit(conn, store, actor, "records_request.due", "records_request", None,
              reason=f"{len(ordered)} open, {late} overdue")
    return ordered
