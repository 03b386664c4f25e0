"""Every route's access rule, role × route, own client vs another's, on both engines.
The rules live in records.access and the practice workflows; these tests check that the
web app neither loosens nor re-types them."""

from __future__ import annotations

import pytest
from webcast import Web, ids, sign_in
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

STAFF = ["avery", "blake", "sam", "billie", "frankie", "alex"]

# route template → expected status per user (303 = sent to re-enter the password)
MATRIX = {
    "/today": dict.fromkeys(STAFF, 200),
    "/clients": dict.fromkeys(STAFF, 200),
    "/clients/{casey}": {"avery": 200, "blake": 403, "sam": 200, "billie": 200,
                         "frankie": 200, "alex": 200},
    "/notes/{signed_note}": {"avery": 200, "blake": 403, "sam": 200, "billie": 403,
                             "frankie": 403, "alex": 403},
    "/notes/{draft_note}/review": {"avery": 200, "blake": 403, "sam": 303, "billie": 403,
                                   "frankie": 403, "alex": 403},
    "/notes/new": {"avery": 200, "blake": 200, "sam": 200, "billie": 403, "frankie": 403,
                   "alex": 403},
    "/admin/users": {"avery": 403, "blake": 403, "sam": 403, "billie": 403, "frankie": 403,
                     "alex": 200},
    "/admin/audit": {"avery": 403, "blake": 403, "sam": 403, "billie": 403, "frankie": 403,
                     "alex": 200},
    "/vault": {"avery": 303, "blake": 303, "sam": 303, "billie": 404, "frankie": 404,
               "alex": 404},
    "/vault/{pn}": {"avery": 303, "blake": 404, "sam": 404, "billie": 404, "frankie": 404,
                    "alex": 404},
}


@pytest.mark.parametrize("username", STAFF)
def test_role_by_route_matrix(web: Web, username: str) -> None:
    known = ids(web.store).__dict__
    client = web.client()
    sign_in(client, username)
    got = {route: client.get(route.format(**known)).status_code for route in MATRIX}
    assert got == {route: expected[username] for route, expected in MATRIX.items()}


def test_every_page_needs_a_session(web: Web) -> None:
    known = ids(web.store).__dict__
    client = web.client()
    for route in MATRIX:
        response = client.get(route.format(**known))
        assert response.status_code == 303
        assert response.headers["location"].startswith("/")
        assert "vault" not in response.headers["location"] or route.startswith("/vault")


def test_biller_sees_the_chart_but_never_a_note_body(web: Web) -> None:
    known = ids(web.store)
    client = web.client()
    sign_in(client, "billie")
    chart = client.get(f"/clients/{known.casey}")
    assert chart.status_code == 200
    assert "90834" in chart.text  # billing needs the code
    for phrase in ("breathing exercise", "mood log", "self-harm", "Affect brighter"):
        assert phrase not in chart.text
    body = client.get(f"/notes/{known.signed_note}")
    assert body.status_code == 403
    assert "Not available to your role" in body.text


def test_psychotherapy_notes_are_never_on_the_chart(web: Web) -> None:
    known = ids(web.store)
    client = web.client()
    sign_in(client, "avery")
    chart = client.get(f"/clients/{known.casey}")
    assert "hunch" not in chart.text and known.pn not in chart.text


@pytest.mark.parametrize("username", ["blake", "sam", "alex", "billie"])
def test_vault_note_is_not_found_for_anyone_but_its_author_even_after_reauth(
        web: Web, username: str) -> None:
    known = ids(web.store)
    client = web.client()
    csrf = sign_in(client, username)
    client.post("/reauth", data={"password": "demo-password-not-secret", "next": "/today",
                                 "csrf_token": csrf})
    for guess in (known.pn, known.pn[:-1] + "0", "1", "x" * 32):
        response = client.get(f"/vault/{guess}")
        assert response.status_code == 404
        assert "hunch" not in response.text


def test_author_opens_own_psychotherapy_note_only_after_reentering_password(web: Web) -> None:
    known = ids(web.store)
    client = web.client()
    csrf = sign_in(client, "avery")
    first = client.get(f"/vault/{known.pn}")
    assert first.status_code == 303 and first.headers["location"].startswith("/reauth")
    wrong = client.post("/reauth", data={"password": "not-the-password-at-all",
                                         "next": f"/vault/{known.pn}", "csrf_token": csrf})
    assert wrong.status_code == 401
    ok = client.post("/reauth", data={"password": "demo-password-not-secret",
                                      "next": f"/vault/{known.pn}", "csrf_token": csrf})
    assert ok.status_code == 303
    page = client.get(f"/vault/{known.pn}")
    assert page.status_code == 200
    assert "hunch" in page.text and "164.501" in page.text and "pn-panel" in page.text
    web.clock.advance(minutes=6)  # re-authentication is short-lived
    assert client.get(f"/vault/{known.pn}").status_code == 303


def test_admin_sees_audit_verification_and_users(web: Web) -> None:
    client = web.client()
    sign_in(client, "alex")
    audit = client.get("/admin/audit")
    assert "Chain verified" in audit.text
    users = client.get("/admin/users")
    assert "Dr. Avery Quinn" in users.text and "biller" in users.text
