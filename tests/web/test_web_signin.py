"""Sign-in mechanics: cookies, CSRF on every form, lockout with back-off, idle sign-out,
TOTP, and sessions that live in the database (so several workers share them)."""

from __future__ import annotations

import pyotp
from webcast import Web, csrf_of, ids, sign_in, user
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

from notewright.web.auth import set_totp_secret
from notewright.web.deps import WebState


def test_root_answers_with_the_sign_in_page(web_sqlite: Web) -> None:
    page = web_sqlite.client().get("/")
    assert page.status_code == 200
    assert '<label for="username">Username</label>' in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


def test_session_cookie_is_httponly_lax_and_secure_over_https(web_sqlite: Web) -> None:
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        client = web_sqlite.client(base_url=base)
        page = client.get("/")
        response = client.post("/signin", data={"username": "avery",
                                                "password": "demo-password-not-secret",
                                                "csrf_token": csrf_of(page.text)})
        cookie = response.headers["set-cookie"].lower()
        assert "nw_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
        assert ("secure" in cookie) is secure


def test_forms_without_the_csrf_token_are_refused(web: Web) -> None:
    client = web.client()
    client.get("/")
    no_token = client.post("/signin", data={"username": "avery",
                                            "password": "demo-password-not-secret"})
    assert no_token.status_code == 403 and "This form has expired" in no_token.text
    csrf = sign_in(client, "avery")
    known = ids(web.store)
    posts = {"/signout": {}, "/notes": {"client_id": known.casey, "description": "x"},
             f"/notes/{known.draft_note}/autosave": {"version": "1"},
             f"/notes/{known.draft_note}/sign": {"version": "1"},
             "/vault": {"client_id": known.casey, "text": "x"},
             "/reauth": {"password": "demo-password-not-secret"}}
    for path, data in posts.items():
        assert client.post(path, data={**data, "csrf_token": "forged"}).status_code == 403
        assert client.post(path, data=data).status_code == 403
    assert client.get("/today").status_code == 200  # still signed in: nothing happened
    assert client.post("/signout", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/today").status_code == 303


def test_lockout_after_repeated_failures_with_back_off(web: Web) -> None:
    client = web.client()
    token = csrf_of(client.get("/").text)

    def attempt(password: str) -> int:
        return client.post("/signin", data={"username": "blake", "password": password,
                                            "csrf_token": token}).status_code

    assert [attempt("wrong-password-123") for _ in range(5)] == [401] * 5
    assert attempt("demo-password-not-secret") == 429  # locked: not even checked
    web.clock.advance(seconds=31)
    assert attempt("wrong-password-123") == 401  # the 6th failure doubles the wait
    web.clock.advance(seconds=31)
    assert attempt("demo-password-not-secret") == 429
    web.clock.advance(seconds=31)
    assert attempt("demo-password-not-secret") == 303


def test_idle_sessions_are_signed_out_and_cannot_be_resumed(web: Web) -> None:
    client = web.client()
    sign_in(client, "avery")
    web.clock.advance(minutes=14)
    assert client.get("/today").status_code == 200  # activity resets the idle timer
    web.clock.advance(minutes=15, seconds=1)
    expired = client.get("/today")
    assert expired.status_code == 303 and expired.headers["location"] == "/?expired=1"
    assert "signed out after 15 minutes" in client.get("/?expired=1").text
    web.clock.advance(seconds=-3600)  # even with the clock back, the session is revoked
    assert client.get("/today").status_code == 303


def test_a_session_is_shared_by_every_worker(web: Web) -> None:
    one, two = web.client(), web.client()  # two app instances: two "workers"
    sign_in(one, "avery")
    two.cookies.update(one.cookies)
    assert two.get("/today").status_code == 200


def test_totp_is_required_once_set_up(web: Web) -> None:
    client = web.client()
    state: WebState = client.app.state.nw  # type: ignore[attr-defined]
    secret = pyotp.random_base32()
    set_totp_secret(state, user(web.store, "sam").id, secret)
    token = csrf_of(client.get("/").text)
    form = {"username": "sam", "password": "demo-password-not-secret", "csrf_token": token}
    assert client.post("/signin", data=form).status_code == 401
    assert client.post("/signin", data={**form, "code": "000000"}).status_code == 401
    code = pyotp.TOTP(secret).at(web.clock.now)
    assert client.post("/signin", data={**form, "code": code}).status_code == 303
