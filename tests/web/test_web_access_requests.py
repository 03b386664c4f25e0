"""The access rule of every new route, role × route, on both engines: records requests
(intake: front desk and clinicians; decide: the treating clinician; the deadline list:
also the practice admin as privacy officer; billers nothing), packets, the accounting
page, care teams and backups (practice admin)."""

from __future__ import annotations

import pytest
from requestcast import make_request
from webcast import Web, ids, sign_in, user
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

STAFF = ["avery", "blake", "sam", "billie", "frankie", "alex"]

MATRIX = {
    "/requests": {"avery": 200, "blake": 200, "sam": 200, "billie": 403, "frankie": 200,
                  "alex": 200},
    "/requests/new": {"avery": 200, "blake": 200, "sam": 200, "billie": 403,
                      "frankie": 200, "alex": 403},
    "/requests/{req}": {"avery": 200, "blake": 403, "sam": 403, "billie": 403,
                        "frankie": 200, "alex": 200},
    "/requests/{req}/scan": {"avery": 404, "blake": 403, "sam": 403, "billie": 403,
                             "frankie": 404, "alex": 404},
    "/packets/{packet}/packet.pdf": {"avery": 200, "blake": 403, "sam": 403,
                                     "billie": 403, "frankie": 403, "alex": 403},
    "/packets/{packet}/bundle.json": {"avery": 200, "blake": 403, "sam": 403,
                                      "billie": 403, "frankie": 403, "alex": 403},
    "/clients/{casey}/accounting": {"avery": 200, "blake": 403, "sam": 403,
                                    "billie": 403, "frankie": 403, "alex": 200},
    "/clients/{casey}/accounting.pdf": {"avery": 200, "blake": 403, "sam": 403,
                                        "billie": 403, "frankie": 403, "alex": 200},
    "/admin/care-teams": {"avery": 403, "blake": 403, "sam": 403, "billie": 403,
                          "frankie": 403, "alex": 200},
    "/admin/backups": {"avery": 403, "blake": 403, "sam": 403, "billie": 403,
                       "frankie": 403, "alex": 200},
}


@pytest.mark.parametrize("username", STAFF)
def test_new_routes_role_by_route_matrix(web: Web, username: str) -> None:
    known = make_request(web.store, step="packet")
    client = web.client()
    sign_in(client, username)
    got = {route: client.get(route.format(**known)).status_code for route in MATRIX}
    assert got == {route: expected[username] for route, expected in MATRIX.items()}


def test_new_routes_need_a_session(web_sqlite: Web) -> None:
    known = make_request(web_sqlite.store, step="packet")
    client = web_sqlite.client()
    for route in MATRIX:
        assert client.get(route.format(**known)).status_code == 303


# POST route → who may (303); everyone else is refused (403), nothing changes.
ACTIONS = {
    "confirm": ({"reason": "Reviewed the request; the decision stands."}, {"avery"}),
    "override": ({"reason": "Withholding everything on clinical review.",
                  "release": []}, {"avery"}),
    "decide": ({}, {"avery", "frankie"}),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("username", STAFF)
def test_review_actions_by_role(web_sqlite: Web, username: str, action: str) -> None:
    web = web_sqlite  # the GET matrix runs on both engines; POST rules are the same code
    known = make_request(web.store, step="decided")
    data, allowed = ACTIONS[action]
    client = web.client()
    csrf = sign_in(client, username)
    response = client.post(f"/requests/{known['req']}/{action}",
                           data={"csrf_token": csrf, **data})
    assert response.status_code == (303 if username in allowed else 403)


@pytest.mark.parametrize("username", STAFF)
def test_packet_build_and_send_by_role(web_sqlite: Web, username: str) -> None:
    web = web_sqlite
    known = make_request(web.store, step="confirmed")
    client = web.client()
    csrf = sign_in(client, username)
    built = client.post(f"/requests/{known['req']}/packet", data={"csrf_token": csrf})
    assert built.status_code == (303 if username == "avery" else 403)
    if username == "avery":
        sent = client.post(f"/requests/{known['req']}/sent",
                           data={"csrf_token": csrf, "via": "mail"})
        assert sent.status_code == 303


@pytest.mark.parametrize("username", STAFF)
def test_intake_by_role(web_sqlite: Web, username: str) -> None:
    from requestcast import form

    web = web_sqlite
    casey = ids(web.store).casey
    client = web.client()
    csrf = sign_in(client, username)
    response = client.post("/requests", data=form(casey, csrf, auth_mode="none"))
    expected = 303 if username in ("avery", "frankie") else 403
    assert response.status_code == expected, response.text


def test_admin_manages_care_teams(web: Web) -> None:
    casey = ids(web.store).casey
    blake = user(web.store, "blake")
    client = web.client()
    csrf = sign_in(client, "alex")
    added = client.post(f"/admin/care-teams/{casey}/add",
                        data={"csrf_token": csrf, "username": "blake"})
    assert added.status_code == 303
    blake_client = web.client()
    sign_in(blake_client, "blake")
    assert blake_client.get(f"/clients/{casey}").status_code == 200
    removed = client.post(f"/admin/care-teams/{casey}/remove",
                          data={"csrf_token": csrf, "user_id": blake.id})
    assert removed.status_code == 303
    assert blake_client.get(f"/clients/{casey}").status_code == 403
    again = client.post(f"/admin/care-teams/{casey}/remove",
                        data={"csrf_token": csrf, "user_id": blake.id})
    assert again.status_code == 400
    avery = web.client()
    avery_csrf = sign_in(avery, "avery")
    assert avery.post(f"/admin/care-teams/{casey}/add", data={
        "csrf_token": avery_csrf, "username": "blake"}).status_code == 403
    assert client.post(f"/admin/care-teams/{casey}/add",
                       data={"username": "blake"}).status_code == 403  # no CSRF token


def test_admin_backs_up_and_lists_backups_with_manifest_status(web: Web) -> None:
    client = web.client()
    csrf = sign_in(client, "alex")
    assert client.post("/admin/backups", data={}).status_code == 403  # no CSRF token
    made = client.post("/admin/backups", data={"csrf_token": csrf})
    assert made.status_code == 303, made.text
    page = client.get(made.headers["location"]).text
    assert "manifest verified" in page and "written" in page
    folder = web.settings.data_dir / "backups"
    (backup,) = [p for p in folder.iterdir() if p.is_dir()]
    assert (backup / "manifest.json").exists()
    victim = next(p for p in backup.iterdir() if p.name != "manifest.json")
    victim.write_bytes(victim.read_bytes() + b"tampered")
    assert "does not match its manifest hash" in client.get("/admin/backups").text
    avery = web.client()
    avery_csrf = sign_in(avery, "avery")
    assert avery.post("/admin/backups", data={"csrf_token": avery_csrf}).status_code == 403
