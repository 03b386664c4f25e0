"""The one 30-day extension of a records request, with its written notice, over HTTP."""

from __future__ import annotations

from requestcast import make_request
from webcast import Web, ids, sign_in, user
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

from notewright.practice import requests as rq

REASON = "Records are archived off site; retrieving them takes two weeks."


def _access_request(web: Web) -> str:
    """Casey's own request for a copy, received today and not yet decided (the state's
    stricter clock, which allows no extension, comes with the engine's decision)."""
    store = web.store
    return rq.intake(store, user(store, "avery"), client_id=ids(store).casey,
                     requester="client", requester_name="Casey Rivera",
                     basis="right_of_access", categories=["progress_notes"],
                     received_on=store.clock().date(), format="pdf").request.id


def test_one_extension_with_its_written_notice(web: Web) -> None:
    url = f"/requests/{_access_request(web)}"
    client = web.client()
    csrf = sign_in(client, "avery")
    page = client.get(url)
    assert 'id="extend-form"' in page.text
    assert client.post(url + "/extend", data={"notice_sent": "2026-01-01",
                                              "reason": REASON}).status_code == 403
    assert client.post(url + "/extend", data={"csrf_token": csrf, "notice_sent": "soon",
                                              "reason": REASON}).status_code == 400
    today = web.store.clock().date().isoformat()
    done = client.post(url + "/extend", data={"csrf_token": csrf, "notice_sent": today,
                                              "reason": REASON})
    assert done.status_code == 303, done.text
    page = client.get(url)
    assert page.status_code == 200
    assert 'id="extension"' in page.text and REASON in page.text
    assert 'id="extend-form"' not in page.text
    again = client.post(url + "/extend", data={"csrf_token": csrf, "notice_sent": today,
                                               "reason": REASON})
    assert again.status_code in (400, 409)


def test_a_stricter_state_clock_allows_no_extension(web: Web) -> None:
    made = make_request(web.store, step="decided", access=True)
    client = web.client()
    csrf = sign_in(client, "avery")
    answer = client.post(f"/requests/{made['req']}/extend", data={
        "csrf_token": csrf, "notice_sent": web.store.clock().date().isoformat(),
        "reason": REASON})
    assert answer.status_code == 409 and "stricter state clock" in answer.text


def test_only_the_care_team_clinician_extends(web: Web) -> None:
    url = f"/requests/{_access_request(web)}/extend"
    today = web.store.clock().date().isoformat()
    for username in ("blake", "frankie", "alex"):
        client = web.client()
        csrf = sign_in(client, username)
        answer = client.post(url, data={"csrf_token": csrf, "notice_sent": today,
                                        "reason": REASON})
        assert answer.status_code in (403, 404), (username, answer.status_code)
