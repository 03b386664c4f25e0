"""The practice admin's screens: users and roles, and the audit log with its
verification status."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from notewright.practice import list_users
from notewright.practice.audit_view import audit_report
from notewright.practice.today import display_names
from notewright.web.deps import Signed, State, render

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
