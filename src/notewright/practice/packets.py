"""Release packets: build exactly what the reviewed decision released, then send.

A packet can be rebuilt until it is sent (each build is kept); `mark_sent` fixes the
latest one for good (its SHA-256 and contents list stay on file) and, when the decision
says so, writes the accounting-of-disclosures entry in the same transaction.
Psychotherapy notes are decrypted only when the decision released them, and only by
their author: a packet that needs another clinician's psychotherapy notes is refused.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection

from notewright.disclosure import reason_codes
from notewright.errors import Conflict, IllegalTransition
from notewright.export import packet as model
from notewright.practice.requests import _authorization_terms, _permit, effective_decision
from notewright.practice.store import Refused, Store, audit, event
from notewright.records import requests as core
from notewright.records.model import NoteStatus, User
from notewright.records.requests import PacketFormat, RecordsRequest, RequestStatus
from notewright.records.requests_accounting import AccountingEntry, entry_for
from notewright.records.requests_review import WITHHELD_CODE, EffectiveDecision
from notewright.storage import notes, records
from notewright.storage import packets as packet_rows
from notewright.storage import psychotherapy_store as vault
from notewright.storage import records_requests as rows
from notewright.storage.packets import StoredPacket
from notewright.storage.vault_tables import psychotherapy_notes as _PN


@dataclass(frozen=True)
class BuiltPacket:
    packet: StoredPacket
    contents: model.PacketContents
    pdf: bytes | None
    fhir: bytes | None


def _refused(effective: EffectiveDecision) -> tuple[model.Refused, ...]:
    codes = reason_codes.load()
    out = []
    for r in effective.refuse:
        if r["reason_code"] == WITHHELD_CODE:
            why = ("Withheld on the treating clinician's review; the written reason is on "
                   "file with the practice.")
        else:
            why = codes[r["reason_code"]].explanation
        out.append(model.Refused(r["category"], r["reason_code"], r["cite"], why))
    return tuple(out)


def _note_docs(conn: Connection, store: Store, req: RecordsRequest,
               names: dict[str, str]) -> list[model.NoteDoc]:
    signed = [n for n in notes.notes_for_client(conn, store.cipher, req.client_id)
              if n.status is NoteStatus.SIGNED]
    sessions = {s.id: s for s in records.sessions_for_client(conn, req.client_id)}
    addenda = defaultdict(list)
    for a in notes.addenda_for(conn, store.cipher, [n.id for n in signed]):
        addenda[a.note_id].append((a.id, names.get(a.author_id, a.author_id), a.created_at,
                                   a.text))
    papers = defaultdict(list)
    for amendment in packet_rows.amendments_for_client(conn, store.cipher, req.client_id):
        if amendment.travels_with_note:
            papers[amendment.note_id].append(model.AmendmentPaper(
                id=amendment.id, status=amendment.status.value,
                requested_change=amendment.requested_change,
                decided_on=amendment.decided_on, amendment_text=amendment.amendment_text,
                denial_text=amendment.denial_text, disagreement=amendment.disagreement,
                rebuttal=amendment.rebuttal))
    out = []
    for n in signed:
        session = sessions[n.session_id]
        # Papers filed against an earlier version travel with the version that replaced it.
        linked = list(papers.get(n.id, [])) + list(papers.get(n.amends_id or "", []))
        sections = tuple(
            (str(s.get("name", "")), tuple(str(st.get("text", ""))
                                           for st in s.get("statements", [])))
            for s in n.content.get("sections", []))
        out.append(model.NoteDoc(
            id=n.id, session_date=session.date, author=names.get(n.author_id, n.author_id),
            format=n.format, sections=sections,
            signed_by=names.get(n.signed_by or "", n.signed_by), signed_at=n.signed_at,
            cosigned_by=names.get(n.cosigned_by or "", n.cosigned_by),
            cosigned_at=n.cosigned_at, amendment_reason=n.amendment_reason,
            addenda=tuple(addenda.get(n.id, [])), amendments=tuple(linked),
            cpt_code=session.cpt_code))
    return out


def _psychotherapy_notes(conn: Connection, store: Store, actor: User, req: RecordsRequest,
                         names: dict[str, str]) -> list[model.PsychotherapyNoteDoc]:
    from sqlalchemy import select

    with store.vault.connect() as vconn:
        found = list(vconn.execute(select(_PN.c.id, _PN.c.author_id).where(
            _PN.c.client_id == req.client_id)))
        others = sorted({r.author_id for r in found if r.author_id != actor.id})
        if others:
            vconn.rollback()
            raise Refused(
                "psychotherapy notes are read only by their author: the packet includes "
                f"notes by {len(others)} other clinician(s), who must build it",
                event(store, actor, "access.denied", "records_request", req.id,
                      client_id=req.client_id, flagged=True,
                      reason="packet: psychotherapy notes by another author"))
        out = []
        for r in found:
            pn = vault.load_pn(vconn, store.cipher, r.id, author_id=actor.id)
            out.append(model.PsychotherapyNoteDoc(
                id=pn.id, written_on=pn.created_at.date(),
                author=names.get(pn.author_id, pn.author_id), text=pn.text))
        vconn.rollback()
    return out


def build_packet(store: Store, actor: User, request_id: str) -> BuiltPacket:
    now = store.clock()
    with store.write() as conn:
        req = rows.load_request(conn, store.cipher, request_id)
        perm = _permit(conn, store, actor, "records_request.release", req.client_id,
                       request_id)
        decisions = rows.decisions_for(conn, store.cipher, request_id)
        effective = effective_decision(decisions)
        if effective is None or req.status not in (RequestStatus.CONFIRMED,
                                                   RequestStatus.OVERRIDDEN,
                                                   RequestStatus.PACKET_BUILT):
            raise IllegalTransition(f"records request {request_id} is {req.status.value}: a "
                                    "packet needs a confirmed or overridden decision")
        moved = core.advance(req, RequestStatus.PACKET_BUILT)
        review = [d for d in decisions if d.kind in ("confirmed", "overridden")][-1]
        client = records.load_client(conn, req.client_id)
        names = {u.id: u.display_name for u in records.list_users(conn)}
        rel = set(effective.release)
        base = model.PacketContents(
            packet_id=store.new_id(), practice_name=records.load_practice(conn).name,
            client_id=client.id, client_name=f"{client.given_name} {client.family_name}",
            client_birth_date=client.date_of_birth, request_id=req.id,
            requester_name=req.requester_name, recipient_address=req.recipient_address,
            basis=req.basis, received_on=req.received_on, built_on=now.date(),
            rule_version=effective.rule_version, review=effective.action,
            requested=req.categories, released=(), refused=_refused(effective),
            date_from=req.date_from, date_to=req.date_to,
            authorization=_authorization_terms(conn, store, req),
            authorization_id=req.authorization_id)
        contents = model.assemble(
            base, released=effective.release,
            notes=_note_docs(conn, store, req, names) if "progress_notes" in rel else (),
            plans=[model.PlanDoc(
                id=p.id, version=p.version, created_at=p.created_at,
                author=names.get(p.created_by, p.created_by),
                problems=tuple((pr.text, tuple(f"{g.text}: " + "; ".join(
                    f"{o.text} ({o.measure}, by {o.target_date})" for o in g.objectives)
                    for g in pr.goals)) for pr in p.problems))
                for p in records.plans_for_client(conn, store.cipher, req.client_id)]
            if "treatment_plan" in rel else (),
            billing=[model.BillingRow(s.id, s.date, s.cpt_code, s.place_of_service,
                                      s.modality.value, s.telehealth)
                     for s in records.sessions_for_client(conn, req.client_id)]
            if "billing" in rel else (),
            psychotherapy_notes=_psychotherapy_notes(conn, store, actor, req, names)
            if "psychotherapy_notes" in rel else ())
        pdf = fhir = None
        if req.format in (PacketFormat.PDF, PacketFormat.BOTH):
            from notewright.export.pdf import render_packet

            pdf = render_packet(contents)
        if req.format in (PacketFormat.FHIR, PacketFormat.BOTH):
            from notewright.export.fhir import render_bundle

            fhir = render_bundle(contents, built_at=now)
        stored = StoredPacket(
            id=base.packet_id, request_id=req.id, decision_id=review.id,
            contents=contents.contents(),
            pdf_sha256=hashlib.sha256(pdf).hexdigest() if pdf is not None else None,
            fhir_sha256=hashlib.sha256(fhir).hexdigest() if fhir is not None else None,
            built_by=actor.id, built_at=now)
        packet_rows.insert_packet(conn, store.cipher, stored, pdf=pdf, fhir=fhir)
        if not rows.update_request(conn, store.cipher, moved, _due(conn, req),
                                   expected_status=req.status, at=now):
            raise Conflict(f"records request {request_id} changed meanwhile; reload it")
        audit(conn, store, actor, "records_request.packet", "release_packet", stored.id,
              client_id=req.client_id, permission=perm,
              reason=f"request {req.id}; {len(stored.contents)} items")
    return BuiltPacket(stored, contents, pdf, fhir)


def _due(conn: Connection, req: RecordsRequest) -> date | None:
    """The due date on file (building a packet does not move the clock)."""
    for r in rows.open_requests(conn):
        if r.id == req.id:
            return r.due_on
    return None


def mark_sent(store: Store, actor: User, request_id: str, *, via: str = "mail",
              sent_on: date | None = None) -> tuple[StoredPacket, AccountingEntry | None]:
    """The latest packet went out: it becomes immutable, and an accountable release
    gets its accounting entry (date, recipient, description, purpose)."""
    now = store.clock()
    day = sent_on or now.date()
    with store.write() as conn:
        req = rows.load_request(conn, store.cipher, request_id)
        perm = _permit(conn, store, actor, "records_request.release", req.client_id,
                       request_id)
        moved = core.advance(req, RequestStatus.SENT)
        built = packet_rows.packets_for(conn, request_id)
        if not built:
            raise IllegalTransition(f"records request {request_id} has no packet to send")
        latest = built[-1]
        if not packet_rows.mark_sent(conn, latest.id, by=actor.id, at=now, via=via[:40]):
            raise Conflict(f"packet {latest.id} was already sent")
        if not rows.update_request(conn, store.cipher, moved, _due(conn, req),
                                   expected_status=req.status, at=now):
            raise Conflict(f"records request {request_id} changed meanwhile; reload it")
        effective = effective_decision(rows.decisions_for(conn, store.cipher, request_id))
        assert effective is not None  # a packet exists only after a review
        entry = None
        if effective.accounting_required and effective.release:
            entry = entry_for(
                id=store.new_id(), client_id=req.client_id, disclosed_on=day,
                recipient_name=req.requester_name, recipient_address=req.recipient_address,
                basis=req.basis, released=effective.release, date_from=req.date_from,
                date_to=req.date_to, stated_purpose=None, request_id=req.id,
                packet_id=latest.id)
            rows.insert_entry(conn, store.cipher, entry, now)
            audit(conn, store, actor, "accounting.create", "accounting_entry", entry.id,
                  client_id=req.client_id, permission=perm, reason=f"packet {latest.id}")
        audit(conn, store, actor, "records_request.send", "release_packet", latest.id,
              client_id=req.client_id, permission=perm, reason=f"via {via[:40]}")
    sent = replace(latest, sent_by=actor.id, sent_at=now, sent_via=via[:40])
    return sent, entry


def packet_files(store: Store, actor: User, packet_id: str
                 ) -> tuple[StoredPacket, bytes | None, bytes | None]:
    """A stored packet's PDF and FHIR bytes, checked against the SHA-256 kept with it."""
    from notewright.errors import IntegrityError, NotFound

    with store.write() as conn:
        pdf, fhir = packet_rows.packet_bytes(conn, store.cipher, packet_id)
        found = None
        from sqlalchemy import select

        from notewright.storage import tables as t
        request_id = conn.execute(select(t.release_packets.c.request_id).where(
            t.release_packets.c.id == packet_id)).scalar_one_or_none()
        if request_id is None:
            raise NotFound(f"no release packet with id {packet_id}")
        for p in packet_rows.packets_for(conn, request_id):
            if p.id == packet_id:
                found = p
        assert found is not None
        req = rows.load_request(conn, store.cipher, request_id)
        perm = _permit(conn, store, actor, "records_request.release", req.client_id,
                       request_id)
        for blob, digest in ((pdf, found.pdf_sha256), (fhir, found.fhir_sha256)):
            if blob is not None and hashlib.sha256(blob).hexdigest() != digest:
                raise IntegrityError(f"packet {packet_id} does not match its stored SHA-256")
        audit(conn, store, actor, "records_request.packet_view", "release_packet", packet_id,
              client_id=req.client_id, permission=perm)
    return found, pdf, fhir
