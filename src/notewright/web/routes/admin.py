"""The practice admin's screens: users and roles, care teams, the audit log with its
verification status, and backups."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from notewright.errors import ConfigurationError
from notewright.practice import add_to_care_team, list_users
from notewright.practice.audit_view import audit_report
from notewright.practice.backups import list_backups, make_backup
from notewright.practice.care_teams import care_team_overview, remove_from_care_team
from notewright.practice.today import display_names
from notewright.records.model import Role
from notewright.web.deps import Posted, Signed, State, render, require_role

router = APIRouter()


@router.get("/admin/users")
def users(request: Request, state: State, signed: Signed) -> Response:
    return render(request, state, "admin_users.html",
                  {"users": list_users(state.store, signed.user)})


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
    require_role(signed, Role.PRACTICE_ADMIN)
    folder = state.backup_dir
    found = list_backups(signed.user, folder) if folder is not None else []
    return render(request, state, "admin_backups.html",
                  {"backups": found, "folder": folder, "made": made})


@router.post("/admin/backups")
def backup_now(state: State, signed: Posted) -> Response:
    require_role(signed, Role.PRACTICE_ADMIN)
    if state.settings is None or state.backup_dir is None:
        raise ConfigurationError("this server was started without a data directory")
    name = make_backup(state.store, signed.user, state.settings, state.backup_dir)
    return RedirectResponse(f"/admin/backups?made={name}", status_code=303)

