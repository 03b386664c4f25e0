"""`create_app(settings)`: the web app's factory. Settings are read by the caller (the
CLI) and passed in; nothing happens at import time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from notewright.practice.request_views import label
from notewright.practice.store import Store, open_store
from notewright.settings import Settings
from notewright.web import config as config_mod
from notewright.web import errors
from notewright.web.config import WebConfig
from notewright.web.deps import WebState
from notewright.web.routes import (
    admin,
    chart_actions,
    clients,
    note_actions,
    notes,
    psychotherapy_notes,
    request_actions,
    requests,
    today,
)

# Strict by default: our own scripts and styles only, no framing, no referrer leaks.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
                               "form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


# What every route may answer besides its own 200, declared so that the published schema
# (/openapi.json) tells the truth: tests/api fuzzes the app against it with schemathesis.
# Validation errors are the 400 error page (errors.py), never FastAPI's 422 JSON: a
# declared 4XX range keeps FastAPI from advertising a 422 that never comes.
_HTML = {"text/html": {"schema": {"type": "string"}}}
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    303: {"description": "Redirect: to sign in, to re-enter the password, or after a form",
          "headers": {"Location": {"schema": {"type": "string"}}}},
    "4XX": {"description": "Error page: bad input (400), sign-in failed (401), not "
                           "permitted or form expired (403), not found (404), conflict "
                           "(409), too many attempts (429)", "content": _HTML},
    "5XX": {"description": "Error page without details (stored data failed a check, "
                           "server misconfigured)", "content": _HTML},
}


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("notewright.web").joinpath(name)))


def _require_schema(store: Store) -> None:
    """The app's tables come from the migrations (`notewright demo` and `notewright serve`
    run them at start; `notewright db upgrade` by hand): refuse to serve an old schema."""
    from notewright.errors import ConfigurationError
    from notewright.storage import migrations

    if migrations.current(store.record) != migrations.head("record"):
        raise ConfigurationError("the record database is not at the latest schema; run "
                                 "`notewright db upgrade` (serve and demo do it at start)")


def create_app(settings: Settings, *, store: Store | None = None,
               config: WebConfig | None = None) -> FastAPI:
    store = store if store is not None else open_store(settings)
    config = config if config is not None else config_mod.load()
    _require_schema(store)
    # The schema is served (no interactive docs): routes and forms, never data.
    app = FastAPI(title="notewright", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", default_response_class=HTMLResponse,
                  responses=COMMON_RESPONSES)
    templates = Jinja2Templates(directory=_package_dir("templates"))
    templates.env.globals["static_version"] = "2"
    templates.env.globals["label"] = templates.env.filters["label"] = label
    app.state.nw = WebState(store=store, config=config, templates=templates,
                            settings=settings)
    app.mount("/static", StaticFiles(directory=_package_dir("static")), name="static")
    from notewright.web import auth

    for module in (auth, today, clients, chart_actions, notes, note_actions,
                   psychotherapy_notes, requests, request_actions, admin):
        app.include_router(module.router)
    errors.install(app)

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]
                               ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            if name == "Cache-Control" and request.url.path.startswith("/static/"):
                continue
            response.headers.setdefault(name, value)
        return response

    return app


def app_from_environment() -> FastAPI:
    """For uvicorn's --factory (one call per worker process): settings from the
    environment, read here, at the edge."""
    from notewright import settings

    return create_app(settings.load())
