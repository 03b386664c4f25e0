"""What every route needs, as FastAPI dependencies: the store, the signed-in user (with
the idle timeout), the CSRF check, and `render`.

    @router.get("/today")
    def today(signed: Signed, state: State) -> Response: ...
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from notewright.errors import NotFound
from notewright.practice.store import Store
from notewright.records.model import Role, User
from notewright.settings import Settings
from notewright.storage import records
from notewright.web import session_store
from notewright.web.config import WebConfig

SESSION_COOKIE = "nw_session"
PRE_CSRF_COOKIE = "nw_csrf"


@dataclass
class WebState:
    store: Store
    config: WebConfig
    templates: Jinja2Templates
    settings: Settings | None = None  # the data dir (attachments), backups

    @property
    def data_dir(self) -> Path | None:
        return self.settings.data_dir if self.settings is not None else None

    @property
    def backup_dir(self) -> Path | None:
        if self.config.backup_dir is not None:
            return self.config.backup_dir
        return self.data_dir / "backups" if self.data_dir is not None else None

    def now(self) -> float:
        return self.store.clock().timestamp()


class SignInRequired(Exception):
    """No valid session: the handler sends the browser to the sign-in page."""

    def __init__(self, *, expired: bool = False) -> None:
        super().__init__("sign in required")
        self.expired = expired


class CsrfFailed(Exception):
    pass


def get_state(request: Request) -> WebState:
    state: WebState = request.app.state.nw
    return state


State = Annotated[WebState, Depends(get_state)]


@dataclass(frozen=True)
class SignedIn:
    user: User
    session: session_store.WebSession

    @property
    def csrf(self) -> str:
        return self.session.csrf

    def has(self, role: Role) -> bool:
        return role in self.user.roles


def current(request: Request, state: State) -> SignedIn:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise SignInRequired()
    engine = state.store.record
    session = session_store.load(engine, token)
    if session is None:
        raise SignInRequired()
    now = state.now()
    if now - session.last_seen > state.config.idle_seconds:
        session_store.revoke(engine, session.token_hash)
        raise SignInRequired(expired=True)
    with engine.connect() as conn:
        try:
            user, _ = records.load_user(conn, user_id=session.user_id)
        except NotFound:
            user = None
        conn.rollback()
    if user is None or not user.active:
        session_store.revoke(engine, session.token_hash)
        raise SignInRequired()
    if now - session.last_seen > min(15.0, state.config.idle_seconds / 4):
        session_store.touch(engine, session, now)
    signed = SignedIn(user, session)
    request.state.signed = signed
    return signed


Signed = Annotated[SignedIn, Depends(current)]


async def _submitted_token(request: Request) -> str:
    header = request.headers.get("x-csrf-token")
    if header:
        return header
    if request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get("csrf_token")
        return value if isinstance(value, str) else ""
    return ""


async def csrf_checked(request: Request, signed: Signed) -> SignedIn:
    """The signed-in user, after checking the session-bound CSRF token of a POST."""
    if not hmac.compare_digest(await _submitted_token(request), signed.csrf):
        raise CsrfFailed()
    return signed


Posted = Annotated[SignedIn, Depends(csrf_checked)]


async def pre_session_csrf(request: Request) -> None:
    """Double-submit check for the sign-in form (no session yet)."""
    cookie = request.cookies.get(PRE_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(await _submitted_token(request), cookie):
        raise CsrfFailed()


def render(request: Request, state: WebState, template: str, context: dict[str, Any],
           *, status_code: int = 200) -> HTMLResponse:
    signed: SignedIn | None = getattr(request.state, "signed", None)
    base = {"signed": signed, "user": signed.user if signed else None,
            "csrf": signed.csrf if signed else "",
            "idle_seconds": state.config.idle_seconds, "Role": Role}
    return state.templates.TemplateResponse(request, template, {**base, **context},
                                            status_code=status_code)


def cookie_secure(request: Request, config: WebConfig) -> bool:
    if config.cookie_secure == "always":
        return True
    if config.cookie_secure == "never":
        return False
    return request.url.scheme == "https"


# The published schema (/openapi.json) for what a route's signature cannot say.

def form_body(*fields: str, lists: tuple[str, ...] = (), files: tuple[str, ...] = (),
              free: bool = False) -> dict[str, Any]:
    """`openapi_extra` for a route that reads its own form (`await request.form()`):
    the fields it reads; `free` when it also reads numbered fields (s-0-1, g-0-1)."""
    props: dict[str, Any] = {f: {"type": "string"} for f in fields}
    props.update({f: {"type": "array", "items": {"type": "string"}} for f in lists})
    props.update({f: {"type": "string", "format": "binary"} for f in files})
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if free:
        schema["additionalProperties"] = {"type": "string"}
    media = "multipart/form-data" if files else "application/x-www-form-urlencoded"
    return {"requestBody": {"required": False, "content": {media: {"schema": schema}}}}


def download(*media_types: str) -> dict[int | str, dict[str, Any]]:
    """`responses` of a download route: its 200 is a file of one of these types."""
    return {200: {"description": "The file", "content": {
        m: {"schema": {"type": "string", "format": "binary"}} for m in media_types}}}
