"""What happens to a signed note: amend (a new signed version with a reason; the old one
is kept and stays readable), addendum, and a supervisor's co-signature. Each is one
workflow of `practice.notes`, which holds every rule (author only, care team,
supervisees)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from notewright.practice import addend_note, amend_note, cosign_note, show_note
from notewright.practice import review as rv
from notewright.web.deps import Posted, State, form_body
from notewright.web.routes.notes import statement_edits

router = APIRouter()


@router.post("/notes/{note_id}/amend", openapi_extra=form_body("reason", free=True))
async def amend(request: Request, state: State, signed: Posted, note_id: str) -> Response:
    form = await request.form()
    reason = form.get("reason")
    note, _ = show_note(state.store, signed.user, note_id)
    content = rv.apply_edits(note.content, statement_edits(form))
    new = amend_note(state.store, signed.user, note_id, content=content,
                     reason=reason if isinstance(reason, str) else "")
    return RedirectResponse(f"/notes/{new.id}", status_code=303)


@router.post("/notes/{note_id}/addenda")
def addendum(state: State, signed: Posted, note_id: str,
             text: Annotated[str, Form()] = "") -> Response:
    addend_note(state.store, signed.user, note_id, text)
    return RedirectResponse(f"/notes/{note_id}", status_code=303)


@router.post("/notes/{note_id}/cosign")
def cosign(state: State, signed: Posted, note_id: str) -> Response:
    cosign_note(state.store, signed.user, note_id)
    return RedirectResponse(f"/notes/{note_id}", status_code=303)
