"""Describe the session → draft → review with provenance → sign.

The routes only translate: the draft comes from `notewright.drafting.draft`, the review
steps from `practice.review`, saving and signing (with the optimistic version check and
every access rule) from `practice.notes`, the vault from `practice.psychotherapy`.
"""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from notewright.drafting import builtin_format_names, draft
from notewright.errors import AccessDenied, InvalidInput
from notewright.practice import (
    goal_links,
    list_clients,
    record_session,
    save_draft,
    show_note,
    sign_note,
    write_psychotherapy_note,
)
from notewright.practice import review as rv
from notewright.practice.cpt import minutes_between, suggest_cpt
from notewright.practice.today import display_names, has_any_grant
from notewright.records.model import Modality, NoteStatus, ProgressNote
from notewright.web import session_store
from notewright.web.deps import (
    Posted,
    Signed,
    SignedIn,
    State,
    WebState,
    form_body,
    render,
)

router = APIRouter()
FORMAT_PREF = "note_format"


def _parse_time(value: str, field: str) -> time:
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise InvalidInput("a time such as 10:00", field=field) from None


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("a date such as 2026-01-05", field="date") from None


def _require_writer(state: WebState, signed: SignedIn) -> None:
    if not has_any_grant(state.store, signed.user, "progress_note.write"):
        raise AccessDenied("writing progress notes is for clinicians")


@router.get("/notes/new")
def new_note(request: Request, state: State, signed: Signed, client_id: str = "",
             session_id: str = "") -> Response:
    _require_writer(state, signed)
    fmt = session_store.get_pref(state.store.record, signed.user.id, FORMAT_PREF) or "soap"
    today = state.store.clock().date()
    return render(request, state, "note_new.html", {
        "clients": list_clients(state.store, signed.user), "client_id": client_id,
        "session_id": session_id, "formats": builtin_format_names(), "format": fmt,
        "modalities": [m.value for m in Modality], "today": today.isoformat(),
        "cpt": suggest_cpt(Modality.INDIVIDUAL, 50)})


@router.get("/notes/cpt")
def cpt(signed: Signed, modality: str = "individual", start: str = "", end: str = "",
        client_present: str = "yes") -> HTMLResponse:
    """The CPT suggestion for the new-note form (htmx swaps it in as times change)."""
    try:
        minutes = minutes_between(time.fromisoformat(start), time.fromisoformat(end))
        code = suggest_cpt(modality, minutes, client_present=client_present == "yes")
    except ValueError:
        minutes, code = 0, None
    text = (f"Suggested for {minutes} minutes: <strong>{code}</strong>" if code
            else "No psychotherapy code fits this duration; enter one yourself.")
    return HTMLResponse(f'<span id="cpt-suggestion" data-code="{code or ""}">{text}</span>')


@router.post("/notes")
def create_note(state: State, signed: Posted, client_id: Annotated[str, Form()],
                description: Annotated[str, Form()], format: Annotated[str, Form()] = "soap",
                session_id: Annotated[str, Form()] = "", date_: Annotated[str, Form(
                    alias="date")] = "", start: Annotated[str, Form()] = "",
                end: Annotated[str, Form()] = "", modality: Annotated[str, Form()] = "individual",
                cpt_code: Annotated[str, Form()] = "",
                telehealth: Annotated[str, Form()] = "") -> Response:
    store, user = state.store, signed.user
    result = draft(description, format)  # InvalidInput / UnknownFormat before any write
    if not session_id:
        start_t, end_t = _parse_time(start, "start"), _parse_time(end, "end")
        code = cpt_code.strip() or suggest_cpt(modality, minutes_between(start_t, end_t))
        if not code:
            raise InvalidInput("enter a CPT code (none fits this duration)", field="cpt_code")
        session = record_session(store, user, client_id=client_id, date=_parse_date(date_),
                                 start=start_t, end=end_t, modality=modality, cpt_code=code,
                                 place_of_service="10" if telehealth else "11",
                                 telehealth=bool(telehealth))
        session_id = session.id
    content = rv.content_from_draft(result.to_dict(), description)
    note = save_draft(store, user, session_id=session_id, content=content, format=format)
    session_store.set_pref(store.record, user.id, FORMAT_PREF, format)
    return RedirectResponse(f"/notes/{note.id}/review", status_code=303)


def statement_edits(form: FormData) -> dict[tuple[int, int], str]:
    edits = {}
    for key, value in form.multi_items():
        if key.startswith("s-") and isinstance(value, str):
            try:
                _, si, j = key.split("-")
                edits[(int(si), int(j))] = value
            except ValueError:
                raise InvalidInput("unrecognised statement field", field=key) from None
    return edits


def _goal_links(form: FormData) -> dict[tuple[int, int], str]:
    links = {}
    for key, value in form.multi_items():
        if key.startswith("g-") and isinstance(value, str):
            try:
                _, si, j = key.split("-")
                links[(int(si), int(j))] = value
            except ValueError:
                raise InvalidInput("unrecognised goal field", field=key) from None
    return links


def _edited(state: WebState, signed: SignedIn, note: ProgressNote,
            form: FormData) -> dict[str, Any]:
    """The draft's content with the form's statement edits and goal links applied."""
    content = rv.apply_edits(note.content, statement_edits(form))
    links = _goal_links(form)
    if links:
        # Links first, by the same indexes the form used; emptied statements go after.
        linked = goal_links.link(note.content, links,
                                 goal_links.latest_plan(state.store, signed.user,
                                                        note.client_id))
        content = rv.apply_edits(linked, statement_edits(form))
    return content


def _version(form: FormData) -> int:
    raw = form.get("version")
    if not isinstance(raw, str) or not raw.isdigit():
        raise InvalidInput("the version you edited is missing", field="version")
    return int(raw)


def _own_draft(state: WebState, signed: SignedIn, note_id: str) -> ProgressNote:
    note, _ = show_note(state.store, signed.user, note_id)
    if note.status is not NoteStatus.DRAFT:
        raise InvalidInput("this note is signed; it can be amended or addended, not edited",
                           field="note_id")
    if note.author_id != signed.user.id:
        raise AccessDenied("only the author edits a draft")
    return note


def _review_context(state: WebState, signed: SignedIn, note: ProgressNote
                    ) -> dict[str, Any]:
    content = note.content
    plan = goal_links.latest_plan(state.store, signed.user, note.client_id)
    return {"note": note, "content": content, "goals": goal_links.choices(plan),
            "process": rv.pending(content, "psychotherapy_note"),
            "quotes": rv.pending(content, "verbatim"),
            "decided": [w for w in content.get("withheld", []) if w["status"] != rv.PENDING]}


@router.get("/notes/{note_id}/review")
def review(request: Request, state: State, signed: Signed, note_id: str) -> Response:
    note, _ = show_note(state.store, signed.user, note_id)
    if note.status is not NoteStatus.DRAFT or note.author_id != signed.user.id:
        return RedirectResponse(f"/notes/{note_id}", status_code=303)
    return render(request, state, "review.html", _review_context(state, signed, note))


@router.post("/notes/{note_id}/autosave", openapi_extra=form_body("version", free=True))
async def autosave(request: Request, state: State, signed: Posted,
                   note_id: str) -> Response:
    form = await request.form()
    note = _own_draft(state, signed, note_id)
    content = _edited(state, signed, note, form)
    saved = save_draft(state.store, signed.user, note_id=note_id, content=content,
                       expected_version=_version(form))
    return render(request, state, "partials/saved.html", {"note": saved})


@router.post("/notes/{note_id}/withheld/{item_id}/{action}",
             openapi_extra=form_body("version", free=True))
async def withheld(request: Request, state: State, signed: Posted, note_id: str,
                   item_id: int, action: str) -> Response:
    form = await request.form()
    note = _own_draft(state, signed, note_id)
    content = _edited(state, signed, note, form)
    if action == "vault":
        text, content = rv.take_for_vault(content, item_id)
        write_psychotherapy_note(state.store, signed.user, client_id=note.client_id,
                                 text=text, session_id=note.session_id)
    elif action == "paraphrase":
        content = rv.accept_paraphrase(content, item_id)
    elif action == "leave-out":
        content = rv.leave_out(content, item_id)
    else:
        raise InvalidInput("unknown action", field="action",
                           allowed=["vault", "paraphrase", "leave-out"])
    saved = save_draft(state.store, signed.user, note_id=note_id, content=content,
                       expected_version=_version(form))
    return render(request, state, "partials/review_form.html",
                  _review_context(state, signed, saved))


@router.post("/notes/{note_id}/sign", openapi_extra=form_body("version", free=True))
async def sign(request: Request, state: State, signed: Posted, note_id: str) -> Response:
    form = await request.form()
    note = _own_draft(state, signed, note_id)
    content = rv.for_signing(_edited(state, signed, note, form))
    saved = save_draft(state.store, signed.user, note_id=note_id, content=content,
                       expected_version=_version(form))
    sign_note(state.store, signed.user, note_id, expected_version=saved.version)
    return RedirectResponse(f"/notes/{note_id}", status_code=303)


@router.get("/notes/{note_id}")
def view(request: Request, state: State, signed: Signed, note_id: str) -> Response:
    note, addenda = show_note(state.store, signed.user, note_id)
    store, user = state.store, signed.user
    return render(request, state, "note.html", {
        "note": note, "content": note.content, "addenda": addenda,
        "names": display_names(store),
        "may_addend": has_any_grant(store, user, "progress_note.addend"),
        "may_cosign": has_any_grant(store, user, "progress_note.cosign")})
