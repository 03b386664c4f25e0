"""On the chart: a client's amendment requests for a note (45 CFR 164.526) — record one,
accept it with the list of whom to notify, deny it with the written basis, the client's
statement of disagreement and the practice's rebuttal — and revoking an authorization on
file (164.508(b)(5)). Who may is the access file's, checked through practice/."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse, Response

from notewright.errors import InvalidInput
from notewright.practice import amendments
from notewright.practice.authorizations import record_revocation
from notewright.practice.permits import require_for_client
from notewright.web.deps import Posted, State

router = APIRouter()


def _chart(client_id: str, anchor: str) -> RedirectResponse:
    return RedirectResponse(f"/clients/{client_id}#{anchor}", status_code=303)


def _needed(value: str, field: str) -> str:
    if not value.strip():
        raise InvalidInput("is required", field=field)
    return value.strip()


def _day(value: str, field: str, default: date | None = None) -> date:
    if not value.strip() and default is not None:
        return default
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("a date such as 2025-01-01", field=field) from None


@router.post("/clients/{client_id}/amendments")
def amendment_record(state: State, signed: Posted, client_id: str,
                     note_id: Annotated[str, Form()] = "",
                     requested_change: Annotated[str, Form()] = "",
                     client_reason: Annotated[str, Form()] = "",
                     received_on: Annotated[str, Form()] = "") -> Response:
    store, user = state.store, signed.user
    require_for_client(store, user, "amendment.record", client_id)
    amendments.request_amendment(
        store, user, note_id=_needed(note_id, "note_id"), requested_change=requested_change,
        client_reason=client_reason,
        received_on=_day(received_on, "received_on", store.clock().date()),
        client_id=client_id)
    return _chart(client_id, "amendments-h")


@router.post("/clients/{client_id}/amendments/accept")
def amendment_accept(state: State, signed: Posted, client_id: str,
                     amendment_id: Annotated[str, Form()] = "",
                     amendment_text: Annotated[str, Form()] = "",
                     notify: Annotated[str, Form()] = "") -> Response:
    store, user = state.store, signed.user
    require_for_client(store, user, "amendment.decide", client_id)
    amendments.accept_amendment(store, user, _needed(amendment_id, "amendment_id"),
                                amendment_text=amendment_text,
                                notify=notify.splitlines(), client_id=client_id)
    return _chart(client_id, "amendments-h")


@router.post("/clients/{client_id}/amendments/deny")
def amendment_deny(state: State, signed: Posted, client_id: str,
                   amendment_id: Annotated[str, Form()] = "",
                   basis: Annotated[str, Form()] = "",
                   explanation: Annotated[str, Form()] = "") -> Response:
    store, user = state.store, signed.user
    require_for_client(store, user, "amendment.decide", client_id)
    amendments.deny_amendment(store, user, _needed(amendment_id, "amendment_id"),
                              basis=basis, explanation=explanation, client_id=client_id)
    return _chart(client_id, "amendments-h")


@router.post("/clients/{client_id}/amendments/disagreement")
def amendment_disagreement(state: State, signed: Posted, client_id: str,
                           amendment_id: Annotated[str, Form()] = "",
                           statement: Annotated[str, Form()] = "") -> Response:
    store, user = state.store, signed.user
    require_for_client(store, user, "amendment.record", client_id)
    amendments.file_disagreement(store, user, _needed(amendment_id, "amendment_id"),
                                 statement, client_id=client_id)
    return _chart(client_id, "amendments-h")


@router.post("/clients/{client_id}/amendments/rebuttal")
def amendment_rebuttal(state: State, signed: Posted, client_id: str,
                       amendment_id: Annotated[str, Form()] = "",
                       rebuttal: Annotated[str, Form()] = "") -> Response:
    store, user = state.store, signed.user
    require_for_client(store, user, "amendment.decide", client_id)
    amendments.add_rebuttal(store, user, _needed(amendment_id, "amendment_id"), rebuttal,
                            client_id=client_id)
    return _chart(client_id, "amendments-h")


@router.post("/clients/{client_id}/authorizations/revoke")
def authorization_revoke(state: State, signed: Posted, client_id: str,
                         authorization_id: Annotated[str, Form()] = "",
                         received_on: Annotated[str, Form()] = "",
                         in_writing: Annotated[str, Form()] = "") -> Response:
    store, user = state.store, signed.user
    require_for_client(store, user, "authorization.record", client_id)
    record_revocation(store, user, _needed(authorization_id, "authorization_id"),
                      received_on=_day(received_on, "received_on", store.clock().date()),
                      in_writing=in_writing == "yes", client_id=client_id)
    return _chart(client_id, "auth-h")
