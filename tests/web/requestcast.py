"""Records requests for the web tests: the intake form's fields, and a request taken
through the core up to a given step (for the access matrix)."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from pypdf import PdfReader
from webcast import ids, user

from notewright.practice import packets
from notewright.practice import requests as rq
from notewright.practice.store import Store

PN_TEXT = "hunch"  # only in Casey's psychotherapy note (demo seed)
NOTE_TEXT = ("Reports sleeping six hours", "breathing exercise", "Affect brighter",
             "return to work", "self-harm", "mood log")
STANDARD_AUTH = {"covers": ["progress_notes", "treatment_plan"], "purpose": "coordination of "
                 "care", "recipient": "Dr. Pat Synthetic", "signed": True,
                 "expires": "2027-12-31", "has_revocation_statement": True,
                 "has_redisclosure_statement": True, "has_conditioning_statement": True,
                 "specifically_names_psychotherapy_notes": False}


def form(client_id: str, csrf: str, **over: Any) -> dict[str, Any]:
    """The intake form for a standard authorization asking for progress notes AND
    psychotherapy notes (the authorization does not name psychotherapy notes)."""
    data: dict[str, Any] = {
        "csrf_token": csrf, "client_id": client_id, "requester": "other_provider",
        "requester_name": "Dr. Pat Synthetic", "recipient_address": "1 Test Way",
        "basis": "authorization", "categories": ["progress_notes", "psychotherapy_notes"],
        "format": "both", "auth_mode": "new", "auth_covers": ["progress_notes"],
        "auth_recipient": "Dr. Pat Synthetic", "auth_purpose": "coordination of care",
        "auth_expires": "2027-12-31", "auth_signed": "on",
        "auth_has_revocation_statement": "on", "auth_has_redisclosure_statement": "on",
        "auth_has_conditioning_statement": "on"}
    data.update(over)
    return data


def signed_on(store: Store) -> str:
    return (store.clock().date() - timedelta(days=3)).isoformat()


def make_request(store: Store, *, step: str = "packet", access: bool = False
                 ) -> dict[str, str]:
    """A standard-authorization request for Casey, by Avery, up to `step`
    (decided, confirmed, packet); with `access`, Casey's own request for a copy (the
    30-day clock). Returns ids for the route templates."""
    avery = user(store, "avery")
    casey = ids(store).casey
    auth = {**STANDARD_AUTH, "signed_date": signed_on(store)}
    if access:
        taken = rq.intake(store, avery, client_id=casey, requester="client",
                          requester_name="Casey Rivera", basis="right_of_access",
                          categories=["progress_notes"], received_on=store.clock().date(),
                          format="both")
    else:
        taken = rq.intake(store, avery, client_id=casey, requester="other_provider",
                          requester_name="Dr. Pat Synthetic", basis="authorization",
                          categories=["progress_notes", "psychotherapy_notes"],
                          received_on=store.clock().date(), authorization=auth,
                          format="both")
    req_id = taken.request.id
    rq.decide_request(store, avery, req_id)
    out = {"req": req_id, "casey": casey, "packet": ""}
    if step in ("confirmed", "packet"):
        rq.confirm_decision(store, avery, req_id, reason="Reviewed; the decision is right.")
    if step == "packet":
        out["packet"] = packets.build_packet(store, avery, req_id).packet.id
    return out


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
