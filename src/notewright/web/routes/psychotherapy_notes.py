"""The psychotherapy-notes vault: its author's alone.

Anyone else (practice admin, supervisor, a colleague, a biller) gets 404 for every vault
address, listed or guessed, so the pages do not even confirm that a note exists. The
author enters their password again before anything is shown (164.312(a)(2)(iii)).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from notewright.errors import AccessDenied, NotFound
from notewright.practice import (
    list_clients,
    list_psychotherapy_notes,
    read_psychotherapy_note,
    write_psychotherapy_note,
)
from notewright.practice.today import has_any_grant
from notewright.practice.vault_access import psychotherapy_note_author
from notewright.web.auth import reauth_redirect, recently_reauthenticated
from notewright.web.deps import Posted, Signed, SignedIn, State, WebState, render

router = APIRouter()
NOT_FOUND = "no such page"


def _vault_user(state: WebState, signed: SignedIn) -> None:
    if not has_any_grant(state.store, signed.user, "psychotherapy_note.view"):
        raise NotFound(NOT_FOUND)


@router.get("/vault")
def vault(request: Request, state: State, signed: Signed) -> Response:
    _vault_user(state, signed)
    if not recently_reauthenticated(state, signed):
        return reauth_redirect("/vault")
    clients = {c.id: c for c in list_clients(state.store, signed.user)}
    own = list_psychotherapy_notes(state.store, signed.user)
    return render(request, state, "vault.html", {"notes": own, "clients": clients})


@router.post("/vault")
def write(state: State, signed: Posted, client_id: Annotated[str, Form()],
          text: Annotated[str, Form()]) -> Response:
    _vault_user(state, signed)
    if not recently_reauthenticated(state, signed):
        return reauth_redirect("/vault")
    note = write_psychotherapy_note(state.store, signed.user, client_id=client_id, text=text)
    return RedirectResponse(f"/vault/{note.id}", status_code=303)


@router.get("/vault/{note_id}")
def read(request: Request, state: State, signed: Signed, note_id: str) -> Response:
    if psychotherapy_note_author(state.store, note_id) != signed.user.id:
        try:  # refused and audited by the workflow; to the reader it does not exist
            read_psychotherapy_note(state.store, signed.user, note_id)
        except (AccessDenied, NotFound):
            pass
        raise NotFound(NOT_FOUND)
    if not recently_reauthenticated(state, signed):
        return reauth_redirect(f"/vault/{note_id}")
    note = read_psychotherapy_note(state.store, signed.user, note_id)
    clients = {c.id: c for c in list_clients(state.store, signed.user)}
    return render(request, state, "vault_note.html", {"pn": note, "clients": clients})
