"""The client list and the chart. What a reader may see is decided by `open_chart`;
psychotherapy notes are never on the chart (they live in the vault)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from notewright.practice import list_clients, open_chart
from notewright.practice.amendments import amendments_for_client
from notewright.practice.permits import may_for_client
from notewright.practice.today import display_names, has_any_grant
from notewright.records.requests_amendments import DENIAL_WORDS, DenialBasis
from notewright.web.deps import Signed, State, render

router = APIRouter()


@router.get("/clients")
def clients(request: Request, state: State, signed: Signed) -> Response:
    return render(request, state, "clients.html",
                  {"clients": list_clients(state.store, signed.user)})


@router.get("/clients/{client_id}")
def chart(request: Request, state: State, signed: Signed, client_id: str) -> Response:
    chart = open_chart(state.store, signed.user, client_id)
    notes_by_session = {}
    for note in chart.notes:
        if note.superseded_by is None:
            notes_by_session[note.session_id] = note
    amended = [n for n in chart.notes if n.superseded_by is not None]
    revoked = {r.authorization_id for r in chart.revocations}
    store, user = state.store, signed.user
    may_record = may_for_client(store, user, "amendment.record", client_id)
    return render(request, state, "chart.html", {
        "amendments": amendments_for_client(store, user, client_id) if may_record else None,
        "may_amend_record": may_record,
        "may_amend_decide": may_for_client(store, user, "amendment.decide", client_id),
        "may_revoke": may_for_client(store, user, "authorization.record", client_id),
        "denial_words": {b.value: DENIAL_WORDS[b] for b in DenialBasis},
        "chart": chart, "client": chart.client, "notes_by_session": notes_by_session,
        "amended": amended, "names": display_names(state.store), "revoked": revoked,
        "plan": chart.plans[-1] if chart.plans else None,
        "writes_notes": has_any_grant(state.store, signed.user, "progress_note.write"),
        "sees_requests": has_any_grant(state.store, signed.user, "records_request.view"),
        "sees_accounting": has_any_grant(state.store, signed.user, "accounting.view"),
        "today": state.store.clock().date()})
