"""Today: the clinician's sessions today and notes still unsigned (late ones marked), and
records requests due soon for everyone whose role sees the deadline list."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from notewright.practice import list_clients
from notewright.practice.today import has_any_grant, my_day
from notewright.web.deps import Signed, State, render
from notewright.web.routes.requests import DUE_SOON_DAYS, due_soon

router = APIRouter()


@router.get("/today")
def today(request: Request, state: State, signed: Signed) -> Response:
    writes_notes = has_any_grant(state.store, signed.user, "progress_note.write")
    day = my_day(state.store, signed.user) if writes_notes else None
    due = due_soon(state, signed)
    names = {c.id: f"{c.given_name} {c.family_name}"
             for c in list_clients(state.store, signed.user)} if due else {}
    return render(request, state, "today.html", {
        "day": day, "writes_notes": writes_notes, "due": due, "client_names": names,
        "due_days": DUE_SOON_DAYS, "today": state.store.clock().date()})
