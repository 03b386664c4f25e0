"""Today: the clinician's sessions today and notes still unsigned (late ones marked)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from notewright.practice.today import has_any_grant, my_day
from notewright.web.deps import Signed, State, render

router = APIRouter()


@router.get("/today")
def today(request: Request, state: State, signed: Signed) -> Response:
    writes_notes = has_any_grant(state.store, signed.user, "progress_note.write")
    day = my_day(state.store, signed.user) if writes_notes else None
    return render(request, state, "today.html", {"day": day, "writes_notes": writes_notes})
