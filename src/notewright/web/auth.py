"""Signing in and out, lockout with back-off, TOTP, and re-authentication.

Passwords are checked by `practice.authenticate` (argon2id, one message for every
failure). Before that, a username with too many recent failures is refused without
checking anything, for base·2^k seconds (`WebConfig`). A user with a TOTP secret must
also give the current code. Psychotherapy notes need the password again within
`reauth_seconds`.
"""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import quote

import pyotp
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from notewright.errors import AccessDenied, InvalidInput
from notewright.practice import authenticate, change_password
from notewright.records.model import User
from notewright.web import session_store
from notewright.web.deps import (
    PRE_CSRF_COOKIE,
    SESSION_COOKIE,
    Posted,
    Signed,
    SignedIn,
    State,
    WebState,
    cookie_secure,
    pre_session_csrf,
    render,
)

router = APIRouter()
FAILED = "Unknown user, wrong password or wrong code."


def _safe_next(next_url: str | None) -> str:
    if next_url and next_url.startswith("/") and not next_url.startswith("//"):
        return next_url
    return "/today"


def _signin_page(request: Request, state: WebState, *, error: str | None = None,
                 notice: str | None = None, next_url: str = "", status_code: int = 200,
                 username: str = "") -> Response:
    token = request.cookies.get(PRE_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, state, "signin.html",
                      {"error": error, "notice": notice, "next": next_url,
                       "pre_csrf": token, "username": username}, status_code=status_code)
    response.set_cookie(PRE_CSRF_COOKIE, token, httponly=True, samesite="lax",
                        secure=cookie_secure(request, state.config), path="/")
    return response


@router.get("/")
def signin_page(request: Request, state: State, expired: int = 0, changed: int = 0,
                next: str = "") -> Response:
    notice = ("You were signed out after "
              f"{state.config.idle_seconds / 60:g} minutes without activity."
              if expired else None)
    if changed:
        notice = "Your password was changed. Sign in with the new one."
    return _signin_page(request, state, notice=notice, next_url=next)


def totp_secret(state: WebState, user_id: str) -> str | None:
    found = session_store.get_totp(state.store.record, user_id)
    if found is None:
        return None
    key_id, blob = found
    return state.store.cipher.decrypt("web_totp", "secret", user_id, key_id, blob).decode()


def set_totp_secret(state: WebState, user_id: str, secret: str) -> None:
    key_id, blob = state.store.cipher.encrypt("web_totp", "secret", user_id, secret.encode())
    session_store.set_totp(state.store.record, user_id, key_id, blob)


def _check_totp(state: WebState, user: User, code: str) -> bool:
    secret = totp_secret(state, user.id)
    if secret is None:
        return True
    return bool(code) and pyotp.TOTP(secret).verify(code.replace(" ", ""), valid_window=1)


def _count_failure(state: WebState, username: str, now: float) -> None:
    """One more failed password for `username`: the lockout with back-off that sign-in,
    re-authentication and the password change share."""
    cfg = state.config
    session_store.record_failure(state.store.record, username, now, after=cfg.lockout_after,
                                 base=cfg.lockout_base_seconds, cap=cfg.lockout_max_seconds)


@router.post("/signin", dependencies=[Depends(pre_session_csrf)])
def signin(request: Request, state: State, username: Annotated[str, Form()],
           password: Annotated[str, Form()], code: Annotated[str, Form()] = "",
           next: Annotated[str, Form()] = "") -> Response:
    engine, now = state.store.record, state.now()
    username = username.strip()[:64]
    until = session_store.locked_until(engine, username)
    if until > now:
        wait = int(until - now) + 1
        return _signin_page(request, state, status_code=429, next_url=next, username=username,
                            error=f"Too many failed attempts. Try again in {wait} seconds.")
    try:
        user = authenticate(state.store, username, password)
        if not _check_totp(state, user, code):
            raise AccessDenied(FAILED)
    except AccessDenied:
        _count_failure(state, username, now)
        return _signin_page(request, state, error=FAILED, status_code=401, next_url=next,
                            username=username)
    session_store.clear_failures(engine, username)
    token, _ = session_store.create(engine, user.id, now)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                        secure=cookie_secure(request, state.config), path="/")
    response.delete_cookie(PRE_CSRF_COOKIE, path="/")
    return response


@router.post("/signout")
def signout(state: State, signed: Posted) -> Response:
    session_store.revoke(state.store.record, signed.session.token_hash)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def recently_reauthenticated(state: WebState, signed: SignedIn) -> bool:
    at = signed.session.reauth_at
    return at is not None and state.now() - at <= state.config.reauth_seconds


def reauth_redirect(next_url: str) -> Response:
    return RedirectResponse(f"/reauth?next={quote(next_url)}", status_code=303)


@router.get("/reauth")
def reauth_page(request: Request, state: State, signed: Signed, next: str = "") -> Response:
    return render(request, state, "reauth.html", {"next": _safe_next(next), "error": None})


@router.post("/reauth")
def reauth(request: Request, state: State, signed: Posted,
           password: Annotated[str, Form()], next: Annotated[str, Form()] = "") -> Response:
    engine, now = state.store.record, state.now()
    if session_store.locked_until(engine, signed.user.username) > now:
        return render(request, state, "reauth.html", {
            "next": _safe_next(next), "error": "Too many failed attempts; wait and retry."},
            status_code=429)
    try:
        authenticate(state.store, signed.user.username, password)
    except AccessDenied:
        _count_failure(state, signed.user.username, now)
        return render(request, state, "reauth.html",
                      {"next": _safe_next(next), "error": "That password is not right."},
                      status_code=401)
    session_store.mark_reauthenticated(engine, signed.session, now)
    return RedirectResponse(_safe_next(next), status_code=303)


def _account_page(request: Request, state: WebState, signed: SignedIn, *,
                  password_error: str | None = None, status_code: int = 200) -> Response:
    has_totp = session_store.get_totp(state.store.record, signed.user.id) is not None
    secret = pyotp.random_base32()
    uri = pyotp.TOTP(secret).provisioning_uri(name=signed.user.username,
                                              issuer_name="notewright")
    return render(request, state, "account.html", {
        "has_totp": has_totp, "new_secret": secret, "uri": uri, "error": None,
        "password_error": password_error}, status_code=status_code)


@router.get("/account")
def account(request: Request, state: State, signed: Signed) -> Response:
    return _account_page(request, state, signed)


@router.post("/account/password")
def password_change(request: Request, state: State, signed: Posted,
                    current_password: Annotated[str, Form()],
                    new_password: Annotated[str, Form()],
                    confirm_password: Annotated[str, Form()]) -> Response:
    engine, now = state.store.record, state.now()
    if session_store.locked_until(engine, signed.user.username) > now:
        return _account_page(request, state, signed, status_code=429,
                             password_error="Too many failed attempts; wait and retry.")
    if new_password != confirm_password:
        return _account_page(request, state, signed, status_code=400,
                             password_error="The new password and its confirmation differ.")
    try:
        change_password(state.store, signed.user, current=current_password, new=new_password)
    except AccessDenied:
        _count_failure(state, signed.user.username, now)
        return _account_page(request, state, signed, status_code=401,
                             password_error="Your current password is not right.")
    except InvalidInput as exc:
        return _account_page(request, state, signed, status_code=400,
                             password_error="New password: " + str(exc).split(": ", 1)[-1])
    # Every session of the account was ended, this one included: sign in afresh.
    response = RedirectResponse("/?changed=1", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/account/totp")
def enroll_totp(request: Request, state: State, signed: Posted,
                secret: Annotated[str, Form()], code: Annotated[str, Form()]) -> Response:
    try:
        matches = pyotp.TOTP(secret).verify(code.replace(" ", ""), valid_window=1)
    except ValueError:  # not base32: the form's hidden secret was altered; offer a new one
        secret, matches = pyotp.random_base32(), False
    if not matches:
        uri = pyotp.TOTP(secret).provisioning_uri(name=signed.user.username,
                                                  issuer_name="notewright")
        return render(request, state, "account.html", {
            "has_totp": False, "new_secret": secret, "uri": uri,
            "error": "That code does not match; check your phone's clock and retry."},
            status_code=400)
    set_totp_secret(state, signed.user.id, secret)
    return RedirectResponse("/account", status_code=303)
