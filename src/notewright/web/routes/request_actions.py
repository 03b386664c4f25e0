"""Records requests, review to release: decide again, confirm or override (a written
reason; an override that would release psychotherapy notes or Part 2 records without a
qualifying basis is refused by the core and shown as a plain message), build the packet,
download it (PDF, FHIR JSON), mark it sent; and a client's accounting of disclosures.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from notewright.errors import InvalidInput, NotFound
from notewright.practice import packets
from notewright.practice import requests as rq
from notewright.practice.accounting import accounting_report
from notewright.practice.permits import require_for_request
from notewright.practice.today import display_names
from notewright.records.requests_review import OverrideRefused
from notewright.web.deps import Posted, Signed, State, download, form_body, render
from notewright.web.routes.requests import page_context

router = APIRouter()


def _back(request_id: str) -> RedirectResponse:
    return RedirectResponse(f"/requests/{request_id}", status_code=303)


@router.post("/requests/{request_id}/decide")
def decide(state: State, signed: Posted, request_id: str) -> Response:
    rq.decide_request(state.store, signed.user, request_id)
    return _back(request_id)


@router.post("/requests/{request_id}/confirm")
def confirm(state: State, signed: Posted, request_id: str,
            reason: Annotated[str, Form()] = "") -> Response:
    rq.confirm_decision(state.store, signed.user, request_id, reason=reason)
    return _back(request_id)


@router.post("/requests/{request_id}/override",
             openapi_extra=form_body("reason", "facts_json", lists=("release",)))
async def override(request: Request, state: State, signed: Posted,
                   request_id: str) -> Response:
    form = await request.form()
    release = [c for c in form.getlist("release") if isinstance(c, str)]
    reason = form.get("reason")
    raw_facts = form.get("facts_json")
    facts = None
    if isinstance(raw_facts, str) and raw_facts.strip():
        try:
            facts = json.loads(raw_facts)
        except json.JSONDecodeError:
            raise InvalidInput("not valid JSON", field="facts_json") from None
        if not isinstance(facts, dict):
            raise InvalidInput("a JSON object of contract fact keys", field="facts_json")
    try:
        rq.override_decision(state.store, signed.user, request_id, release=release,
                             reason=reason if isinstance(reason, str) else "", facts=facts)
    except OverrideRefused as refused:
        return render(request, state, "request.html", page_context(
            state, signed, request_id, refusal=refused.message), status_code=409)
    return _back(request_id)


@router.post("/requests/{request_id}/extend")
def extend(state: State, signed: Posted, request_id: str,
           notice_sent: Annotated[str, Form()] = "",
           reason: Annotated[str, Form()] = "") -> Response:
    """The one extension, with the date its written notice went to the requester."""
    require_for_request(state.store, signed.user, "records_request.decide", request_id)
    rq.extend_deadline(state.store, signed.user, request_id,
                       notice_sent_on=_day(notice_sent, "notice_sent"), reason=reason)
    return _back(request_id)


@router.post("/requests/{request_id}/packet")
def build(state: State, signed: Posted, request_id: str) -> Response:
    packets.build_packet(state.store, signed.user, request_id)
    return _back(request_id)


@router.post("/requests/{request_id}/sent")
def sent(state: State, signed: Posted, request_id: str,
         via: Annotated[str, Form()] = "mail") -> Response:
    packets.mark_sent(state.store, signed.user, request_id, via=via.strip() or "mail")
    return _back(request_id)


@router.get("/packets/{packet_id}/packet.pdf", response_class=Response,
            responses=download("application/pdf"))
def packet_pdf(state: State, signed: Signed, packet_id: str) -> Response:
    _, pdf, _ = packets.packet_files(state.store, signed.user, packet_id)
    if pdf is None:
        raise NotFound("this packet was built without a PDF (the request asked for FHIR)")
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="packet-{packet_id}.pdf"'})


@router.get("/packets/{packet_id}/bundle.json", response_class=Response,
            responses=download("application/fhir+json"))
def packet_fhir(state: State, signed: Signed, packet_id: str) -> Response:
    _, _, fhir = packets.packet_files(state.store, signed.user, packet_id)
    if fhir is None:
        raise NotFound("this packet was built without a FHIR bundle (the request asked "
                       "for PDF)")
    return Response(fhir, media_type="application/fhir+json", headers={
        "Content-Disposition": f'attachment; filename="packet-{packet_id}.fhir.json"'})


def _day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("a date such as 2025-01-01", field=field) from None


def _since(value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("a date such as 2025-01-01", field="since") from None


@router.get("/clients/{client_id}/accounting")
def accounting(request: Request, state: State, signed: Signed, client_id: str,
               since: str = "") -> Response:
    report = accounting_report(state.store, signed.user, client_id, since=_since(since))
    return render(request, state, "accounting.html", {
        "report": report, "since": since, "names": display_names(state.store)})


@router.get("/clients/{client_id}/accounting.pdf", response_class=Response,
            responses=download("application/pdf"))
def accounting_pdf(state: State, signed: Signed, client_id: str,
                   since: str = "") -> Response:
    report = accounting_report(state.store, signed.user, client_id, since=_since(since))
    return Response(report.to_pdf(), media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="accounting-{client_id}.pdf"'})
