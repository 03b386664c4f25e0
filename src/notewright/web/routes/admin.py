"""The practice admin's screens: users and roles, care teams, the audit log with its
verification status, and backups."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from notewright.errors import ConfigurationError, InvalidInput
from notewright.practice import add_to_care_team, list_users
from notewright.practice.audit_view import audit_report
from notewright.practice.backups import list_backups, make_backup
from notewright.practice.care_teams import care_team_overview, remove_from_care_team
from notewright.practice.today import display_names
from notewright.practice.users import (
    add_user,
    disable_user,
    enable_user,
    reset_password,
    reset_two_step,
    set_roles,
)
from notewright.records.model import Role
from notewright.web.deps import Posted, Signed, State, form_body, render
from notewright.web.routes.requests import require_grant

router = APIRouter()


@router.get("/admin/users")
def users(request: Request, state: State, signed: Signed) -> Response:
    return render(request, state, "admin_users.html",
                  {"users": list_users(state.store, signed.user),
                   "roles": [r.value for r in Role], "me": signed.user.id})


def _roles(values: list[str]) -> list[Role]:
    try:
        return [Role(v) for v in values]
    except ValueError:
        raise InvalidInput("not a role", field="roles",
                           allowed=[r.value for r in Role]) from None


def _needed(value: str, field: str) -> str:
    if not value.strip():
        raise InvalidInput("is required", field=field)
    return value.strip()


def _users_page() -> RedirectResponse:
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users", openapi_extra=form_body(
    "username", "display_name", "password", lists=("roles",)))
async def user_create(request: Request, state: State, signed: Posted) -> Response:
    require_grant(state, signed, "user.manage", "Managing users")
    form = await request.form()
    text = {k: v if isinstance(v := form.get(k), str) else ""
            for k in ("username", "display_name", "password")}
    roles = _roles([r for r in form.getlist("roles") if isinstance(r, str)])
    add_user(state.store, signed.user, username=_needed(text["username"], "username"),
             display_name=_needed(text["display_name"], "display_name"), roles=roles,
             password=text["password"])
    return _users_page()


@router.post("/admin/users/disable")
def user_disable(state: State, signed: Posted,
                 username: Annotated[str, Form()] = "") -> Response:
    require_grant(state, signed, "user.manage", "Managing users")
    disable_user(state.store, signed.user, _needed(username, "username"))
    return _users_page()


@router.post("/admin/users/enable")
def user_enable(state: State, signed: Posted,
                username: Annotated[str, Form()] = "") -> Response:
    require_grant(state, signed, "user.manage", "Managing users")
    enable_user(state.store, signed.user, _needed(username, "username"))
    return _users_page()


@router.post("/admin/users/password")
def user_password_reset(state: State, signed: Posted,
                        username: Annotated[str, Form()] = "",
                        password: Annotated[str, Form()] = "") -> Response:
    require_grant(state, signed, "user.manage", "Managing users")
    reset_password(state.store, signed.user, _needed(username, "username"), password)
    return _users_page()


@router.post("/admin/users/two-step")
def user_two_step_reset(state: State, signed: Posted,
                        username: Annotated[str, Form()] = "") -> Response:
    require_grant(state, signed, "user.manage", "Managing users")
    reset_two_step(state.store, signed.user, _needed(username, "username"))
    return _users_page()


@router.post("/admin/users/roles", openapi_extra=form_body("username", lists=("roles",)))
async def user_roles(request: Request, state: State, signed: Posted) -> Response:
    require_grant(state, signed, "user.manage", "Managing users")
    form = await request.form()
    username = form.get("username")
    roles = _roles([r for r in form.getlist("roles") if isinstance(r, str)])
    set_roles(state.store, signed.user,
              _needed(username if isinstance(username, str) else "", "username"), roles)
    return _users_page()


@router.get("/admin/audit")
def audit(request: Request, state: State, signed: Signed) -> Response:
    verification, events = audit_report(state.store, signed.user)
    return render(request, state, "admin_audit.html", {
        "verification": verification, "events": events,
        "names": display_names(state.store)})


@router.get("/admin/care-teams")
def care_teams(request: Request, state: State, signed: Signed) -> Response:
    rows, clinicians = care_team_overview(state.store, signed.user)
    return render(request, state, "admin_care_teams.html",
                  {"rows": rows, "clinicians": clinicians})


@router.post("/admin/care-teams/{client_id}/add")
def care_team_add(state: State, signed: Posted, client_id: str,
                  username: Annotated[str, Form()]) -> Response:
    add_to_care_team(state.store, signed.user, client_id, username)
    return RedirectResponse("/admin/care-teams", status_code=303)


@router.post("/admin/care-teams/{client_id}/remove")
def care_team_remove(state: State, signed: Posted, client_id: str,
                     user_id: Annotated[str, Form()]) -> Response:
    remove_from_care_team(state.store, signed.user, client_id, user_id)
    return RedirectResponse("/admin/care-teams", status_code=303)


@router.get("/admin/backups")
def backups(request: Request, state: State, signed: Signed, made: str = "") -> Response:
    require_grant(state, signed, "backup.manage", "Backups")
    folder = state.backup_dir
    found = list_backups(state.store, signed.user, folder) if folder is not None else []
    return render(request, state, "admin_backups.html",
                  {"backups": found, "folder": folder, "made": made})


@router.post("/admin/backups")
def backup_now(state: State, signed: Posted) -> Response:
    require_grant(state, signed, "backup.manage", "Backups")
    if state.settings is None or state.backup_dir is None:
        raise ConfigurationError("this server was started without a data directory")
    name = make_backup(state.store, signed.user, state.settings, state.backup_dir)
    return RedirectResponse(f"/admin/backups?made={name}", status_code=303)

