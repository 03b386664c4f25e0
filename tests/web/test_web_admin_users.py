"""The practice admin's users page: add a user, change roles, disable; practice_admin
only, CSRF on every form."""

from __future__ import annotations

import pytest
from webcast import DEMO_PASSWORD, Web, sign_in, user
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

from notewright.errors import AccessDenied
from notewright.practice import authenticate
from notewright.records.model import Role

NEW_PASSWORD = "synthetic-initial-pass-1"


def _row(html: str, username: str) -> str:
    start = html.index(f'data-username="{username}"')
    return html[start:html.index("</tr>", start)]


def test_admin_adds_a_user_changes_roles_and_disables(web: Web) -> None:
    client = web.client()
    csrf = sign_in(client, "alex")
    page = client.get("/admin/users")
    assert page.status_code == 200 and 'id="new-user"' in page.text
    new = {"username": "robin", "display_name": "Robin Synthetic",
           "roles": ["front_desk"], "password": NEW_PASSWORD}
    assert client.post("/admin/users", data=new).status_code == 403  # no CSRF token
    made = client.post("/admin/users", data={**new, "csrf_token": csrf})
    assert made.status_code == 303, made.text
    assert user(web.store, "robin").roles == frozenset({Role.FRONT_DESK})
    assert client.post("/admin/users", data={**new, "csrf_token": csrf}).status_code == 409
    assert client.post("/admin/users", data={**new, "username": "robin2", "roles": [],
                                             "csrf_token": csrf}).status_code == 400
    assert client.post("/admin/users", data={**new, "username": "robin3",
                                             "roles": ["wizard"],
                                             "csrf_token": csrf}).status_code == 400
    robin = web.client()
    sign_in(robin, "robin", NEW_PASSWORD)
    assert robin.get("/today").status_code == 200

    roles = {"username": "robin", "roles": ["front_desk", "biller"]}
    assert client.post("/admin/users/roles", data=roles).status_code == 403
    assert client.post("/admin/users/roles",
                       data={**roles, "csrf_token": csrf}).status_code == 303
    assert user(web.store, "robin").roles == frozenset({Role.FRONT_DESK, Role.BILLER})
    assert "biller, front_desk" in _row(client.get("/admin/users").text, "robin")
    own = client.post("/admin/users/roles", data={"username": "alex", "roles": ["biller"],
                                                  "csrf_token": csrf})
    assert own.status_code == 400

    assert client.post("/admin/users/disable", data={"username": "robin"}).status_code == 403
    assert client.post("/admin/users/disable", data={"username": "robin",
                                                     "csrf_token": csrf}).status_code == 303
    assert 'class="active">no' in _row(client.get("/admin/users").text, "robin")
    with pytest.raises(AccessDenied):
        authenticate(web.store, "robin", NEW_PASSWORD)
    assert client.post("/admin/users/disable", data={"username": "alex",
                                                     "csrf_token": csrf}).status_code == 400


def test_only_the_practice_admin_manages_users(web: Web) -> None:
    for username in ("avery", "frankie", "billie"):
        client = web.client()
        csrf = sign_in(client, username)
        for path, data in (("/admin/users", {"username": "mallory", "display_name": "M",
                                             "roles": ["practice_admin"],
                                             "password": DEMO_PASSWORD}),
                           ("/admin/users/roles", {"username": username,
                                                   "roles": ["practice_admin"]}),
                           ("/admin/users/disable", {"username": "alex"})):
            answer = client.post(path, data={**data, "csrf_token": csrf})
            assert answer.status_code == 403, (username, path, answer.status_code)
    assert Role.PRACTICE_ADMIN in user(web.store, "alex").roles
