"""One translation table: an error → a status code and a friendly page (or, for an htmx
request, a short message swapped into the page's alert area). Never a traceback, and
never note text: core messages carry none, and unexpected errors are logged by type
and path only."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from notewright import errors as e
from notewright.web.deps import CsrfFailed, SignInRequired, WebState, render

log = logging.getLogger("notewright.web")

# NotewrightError subclass → (status, page title, what to do next). Most specific first.
TABLE: list[tuple[type[e.NotewrightError], int, str, str]] = [
    (e.InvalidInput, 400, "Please check what you entered",
     "Go back, correct the field named above, and try again."),
    (e.AccessDenied, 403, "Not available to your role",
     "Your role does not include this. Ask the practice admin if you think it should."),
    (e.NotFound, 404, "Not found",
     "It may have been moved, or the link is wrong. Start again from Today."),
    (e.Conflict, 409, "Someone saved first",
     "Nothing was overwritten. Reload the page to see the latest version, then redo "
     "your change."),
    (e.IllegalTransition, 409, "That step is not possible now",
     "A signed note is corrected with an amendment or an addendum, never edited."),
    (e.IntegrityError, 500, "Stored data failed a check",
     "The practice admin has been told through the audit log; nothing was repaired "
     "silently."),
    (e.ConfigurationError, 500, "notewright is not set up correctly",
     "The administrator needs to fix the server's configuration."),
    (e.NotewrightError, 400, "That did not work", "Go back and try again."),
]
STATUS_TITLES = {404: "Not found", 405: "Not allowed", 403: "Not available to your role",
                 400: "Bad request", 500: "Something went wrong"}


def lookup(exc: e.NotewrightError) -> tuple[int, str, str]:
    for cls, status, title, hint in TABLE:
        if isinstance(exc, cls):
            return status, title, hint
    return 400, "That did not work", "Go back and try again."


def _page(request: Request, status: int, title: str, message: str, hint: str) -> Response:
    state: WebState = request.app.state.nw
    if request.headers.get("hx-request"):
        response = HTMLResponse(
            f'<p class="alert" role="alert"><strong>{_esc(title)}.</strong> '
            f"{_esc(message)} {_esc(hint)}</p>", status_code=status)
        response.headers["HX-Retarget"] = "#alerts"
        response.headers["HX-Reswap"] = "innerHTML"
        return response
    return render(request, state, "error.html",
                  {"title": title, "message": message, "hint": hint, "status": status},
                  status_code=status)


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def install(app: FastAPI) -> None:
    @app.exception_handler(e.NotewrightError)
    async def notewright_error(request: Request, exc: e.NotewrightError) -> Response:
        status, title, hint = lookup(exc)
        if status >= 500:
            log.error("%s on %s %s", exc.code, request.method, request.url.path)
        message = exc.message if status < 500 else ""
        return _page(request, status, title, message, hint)

    @app.exception_handler(RequestValidationError)
    async def bad_form(request: Request, exc: RequestValidationError) -> Response:
        fields = sorted({str(err.get("loc", ("", "?"))[-1]) for err in exc.errors()})
        status, title, hint = lookup(e.InvalidInput(""))
        return _page(request, status, title, "Missing or malformed: " + ", ".join(fields),
                     hint)

    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, exc: SignInRequired) -> Response:
        target = "/?expired=1" if exc.expired else "/"
        if request.method == "GET" and not exc.expired:
            target = f"/?next={quote(request.url.path)}"
        if request.headers.get("hx-request"):
            response: Response = Response(status_code=401)
            response.headers["HX-Redirect"] = target
            return response
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(CsrfFailed)
    async def csrf(request: Request, exc: CsrfFailed) -> Response:
        return _page(request, 403, "This form has expired",
                     "The page was open too long or came from somewhere else.",
                     "Reload the page and submit it again.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = STATUS_TITLES.get(exc.status_code, "That did not work")
        return _page(request, exc.status_code, title, "",
                     "Check the address, or start again from Today.")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected %s on %s %s", type(exc).__name__, request.method,
                  request.url.path)
        return _page(request, 500, "Something went wrong", "",
                     "Nothing was signed or sent. Try again; if it keeps happening, tell "
                     "the practice admin the time it happened.")
