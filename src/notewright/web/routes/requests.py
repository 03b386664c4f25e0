"""Records requests, intake to review: the open-requests list (overdue first), the intake
form (request + authorization of the disclosure contract + the scanned document), and
the request's page (every authorization defect, the decision table, the review).

Who may do what is the access matrix's (`data/access.toml`), checked by the workflows in
`practice.requests`; the screens are offered by the same grants (`has_any_grant`).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from notewright.disclosure.vocabulary import BASES, CATEGORIES, REQUESTERS
from notewright.errors import AccessDenied, NotFound
from notewright.practice import attachments, list_clients
from notewright.practice import requests as rq
from notewright.practice.request_views import label, request_page
from notewright.practice.today import display_names, has_any_grant
from notewright.records.requests import DueItem
from notewright.web import request_form
from notewright.web.deps import (
    Posted,
    Signed,
    SignedIn,
    State,
    WebState,
    download,
    form_body,
    render,
)

router = APIRouter()
DUE_SOON_DAYS = 14


def require_grant(state: WebState, signed: SignedIn, action: str, what: str) -> None:
    if not has_any_grant(state.store, signed.user, action):
        raise AccessDenied(f"{what} is not part of your role")


def attachments_dir(state: WebState) -> Any:
    if state.settings is None:
        raise NotFound("this server keeps no scanned documents")
    return state.settings.attachments_dir  # the folder backups carry


def due_soon(state: WebState, signed: SignedIn, *, days: int = DUE_SOON_DAYS
             ) -> list[DueItem] | None:
    """Open requests overdue or due within `days`, for Today (None: not for this role)."""
    if not has_any_grant(state.store, signed.user, "records_request.view"):
        return None
    today = state.store.clock().date()
    return [i for i in rq.list_due(state.store, signed.user, today=today)
            if i.due_on is not None and (i.due_on - today).days <= days]


def _client_names(state: WebState, signed: SignedIn) -> dict[str, str]:
    return {c.id: f"{c.given_name} {c.family_name}"
            for c in list_clients(state.store, signed.user)}


@router.get("/requests")
def open_requests(request: Request, state: State, signed: Signed,
                  client_id: str = "") -> Response:
    require_grant(state, signed, "records_request.view", "Records requests")
    today = state.store.clock().date()
    items = rq.list_due(state.store, signed.user, today=today)
    client_requests = rq.list_requests(state.store, signed.user, client_id) \
        if client_id else []
    return render(request, state, "requests.html", {
        "items": items, "today": today, "names": _client_names(state, signed),
        "client_id": client_id, "client_requests": client_requests, "label": label,
        "may_record": has_any_grant(state.store, signed.user, "records_request.record")})


@router.get("/requests/new")
def new_request(request: Request, state: State, signed: Signed,
                client_id: str = "") -> Response:
    require_grant(state, signed, "records_request.record", "Recording a records request")
    clients = list_clients(state.store, signed.user)
    on_file = []
    if client_id:
        from notewright.practice import open_chart

        on_file = list(open_chart(state.store, signed.user, client_id).authorizations)
    return render(request, state, "request_new.html", {
        "clients": clients, "client_id": client_id, "requesters": REQUESTERS,
        "bases": BASES, "categories": CATEGORIES, "label": label, "on_file": on_file,
        "today": state.store.clock().date().isoformat(),
        "auth_flags": request_form.AUTH_FLAGS, "fact_flags": request_form.FACT_FLAGS})


@router.post("/requests", openapi_extra=form_body(
    "client_id", "requester", "requester_name", "recipient_address", "basis", "received_on",
    "state", "date_from", "date_to", "format", "auth_mode", "authorization_id",
    "auth_signed_date", "facts_json", "has_satisfactory_assurance",
    lists=("categories", "auth_covers"), files=("attachment",), free=True))
async def intake(request: Request, state: State, signed: Posted) -> Response:
    require_grant(state, signed, "records_request.record", "Recording a records request")
    form = await request.form()
    try:
        args = request_form.intake_arguments(form, today=state.store.clock().date())
        data = await request_form.scan(form)
    finally:
        await form.close()
    if data is not None:
        ref, digest = attachments.save(state.store.cipher, attachments_dir(state), data)
        args.update(attachment_ref=ref, attachment_sha256=digest)
    taken = rq.intake(state.store, signed.user, **args)
    # The engine's decision right away: the page then shows defects and the table together.
    rq.decide_request(state.store, signed.user, taken.request.id)
    return RedirectResponse(f"/requests/{taken.request.id}", status_code=303)


def page_context(state: WebState, signed: SignedIn, request_id: str,
                 **extra: Any) -> dict[str, Any]:
    page = request_page(state.store, signed.user, request_id)
    store, user = state.store, signed.user
    return {"page": page, "req": page.request, "names": display_names(store),
            "label": label, "today": store.clock().date(),
            "may_decide": has_any_grant(store, user, "records_request.decide"),
            "may_record": has_any_grant(store, user, "records_request.record"),
            "may_release": has_any_grant(store, user, "records_request.release"),
            "refusal": None, **extra}


@router.get("/requests/{request_id}")
def show(request: Request, state: State, signed: Signed, request_id: str) -> Response:
    return render(request, state, "request.html", page_context(state, signed, request_id))


@router.get("/requests/{request_id}/scan", response_class=Response,
            responses=download("application/pdf", "image/png", "image/jpeg"))
def scan(state: State, signed: Signed, request_id: str) -> Response:
    page = request_page(state.store, signed.user, request_id)  # access checked, audited
    req = page.request
    if not req.attachment_ref:
        raise NotFound("no scanned document was attached to this request")
    data = attachments.load(state.store.cipher, attachments_dir(state), req.attachment_ref,
                            req.attachment_sha256)
    return Response(data, media_type=attachments.kind_of(data), headers={
        "Content-Disposition": f'inline; filename="authorization-{req.id[:8]}"'})

