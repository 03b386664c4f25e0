"""Getting back into an account without losing anyone's trail: the user's own password
change, and the practice admin's help (temporary password, removing a lost
authenticator, enabling a disabled account). Each one ends the account's sessions."""

from __future__ import annotations

import pyotp
import pytest
from sqlalchemy import select
from webcast import DEMO_PASSWORD, Web, sign_in, user
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

from notewright.errors import AccessDenied
from notewright.practice import authenticate
from notewright.storage import tables
from notewright.web.auth import set_totp_secret
from notewright.web.deps import WebState

NEW = "synthetic-new-password-7"
TEMPORARY = "synthetic-temporary-pass-3"


def _events(web: Web, action: str) -> list[dict[str, object]]:
    with web.store.record.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(tables.audit_events).where(tables.audit_events.c.action == action)).mappings()]


def _signed_out(client) -> bool:  # type: ignore[no-untyped-def]
    return client.get("/today", follow_redirects=False).status_code != 200


def test_a_user_changes_their_own_password(web: Web) -> None:
    client, other_browser = web.client(), web.client()
    csrf = sign_in(client, "avery")
    sign_in(other_browser, "avery")
    form = {"csrf_token": csrf, "current_password": "not-the-password-1",
            "new_password": NEW, "confirm_password": NEW}
    wrong = client.post("/account/password", data=form)
    assert wrong.status_code == 401 and "current password is not right" in wrong.text
    differ = client.post("/account/password", data={
        **form, "current_password": DEMO_PASSWORD, "confirm_password": NEW + "x"})
    assert differ.status_code == 400 and "confirmation differ" in differ.text
    short = client.post("/account/password", data={
        **form, "current_password": DEMO_PASSWORD, "new_password": "short",
        "confirm_password": "short"})
    assert short.status_code == 400 and "at least 12 characters" in short.text
    authenticate(web.store, "avery", DEMO_PASSWORD)  # nothing changed so far

    done = client.post("/account/password", data={**form, "current_password": DEMO_PASSWORD},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/?changed=1"
    assert _signed_out(client) and _signed_out(other_browser)
    assert "Sign in with the new one" in web.client().get("/?changed=1").text
    with pytest.raises(AccessDenied):
        authenticate(web.store, "avery", DEMO_PASSWORD)
    sign_in(web.client(), "avery", NEW)
    assert len(_events(web, "user.password_change")) == 1


def test_the_admin_sets_a_temporary_password_and_it_is_flagged(web: Web) -> None:
    avery = web.client()
    sign_in(avery, "avery")
    admin = web.client()
    csrf = sign_in(admin, "alex")
    form = {"username": "avery", "password": TEMPORARY}
    assert admin.post("/admin/users/password", data=form).status_code == 403  # no CSRF
    short = admin.post("/admin/users/password",
                       data={**form, "password": "short", "csrf_token": csrf})
    assert short.status_code == 400
    assert admin.post("/admin/users/password",
                      data={**form, "csrf_token": csrf}).status_code == 303
    assert _signed_out(avery)
    sign_in(web.client(), "avery", TEMPORARY)
    event, = _events(web, "user.password_reset")
    assert event["flagged"] and event["object_id"] == user(web.store, "avery").id
    page = admin.get("/admin/users").text
    assert TEMPORARY not in page


def test_the_admin_removes_a_lost_authenticator(web: Web) -> None:
    client = web.client()
    state: WebState = client.app.state.nw  # type: ignore[attr-defined]
    set_totp_secret(state, user(web.store, "sam").id, pyotp.random_base32())
    token_page = client.get("/")
    assert "csrf_token" in token_page.text
    admin = web.client()
    csrf = sign_in(admin, "alex")
    assert admin.post("/admin/users/two-step",
                      data={"username": "sam", "csrf_token": csrf}).status_code == 303
    with web.store.record.connect() as conn:
        assert conn.execute(select(tables.web_totp)).first() is None
    sign_in(web.client(), "sam")  # password alone again; they enrol a new app
    assert _events(web, "user.two_step_reset")[0]["flagged"]


def test_a_disabled_account_is_enabled_again(web: Web) -> None:
    admin = web.client()
    csrf = sign_in(admin, "alex")
    assert admin.post("/admin/users/disable",
                      data={"username": "billie", "csrf_token": csrf}).status_code == 303
    with pytest.raises(AccessDenied):
        authenticate(web.store, "billie", DEMO_PASSWORD)
    assert "Enable again" in admin.get("/admin/users").text
    assert admin.post("/admin/users/enable",
                      data={"username": "billie", "csrf_token": csrf}).status_code == 303
    sign_in(web.client(), "billie")
    assert len(_events(web, "user.enable")) == 1


def test_only_the_practice_admin_helps_others_sign_in(web: Web) -> None:
    for username in ("avery", "frankie", "billie"):
        client = web.client()
        csrf = sign_in(client, username)
        for path, data in (("/admin/users/password", {"username": "alex",
                                                      "password": TEMPORARY}),
                           ("/admin/users/two-step", {"username": "alex"}),
                           ("/admin/users/enable", {"username": "alex"})):
            answer = client.post(path, data={**data, "csrf_token": csrf})
            assert answer.status_code == 403, (username, path, answer.status_code)
    authenticate(web.store, "alex", DEMO_PASSWORD)
