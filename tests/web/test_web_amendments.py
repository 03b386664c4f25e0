"""On the chart, over HTTP: a client's amendment requests (record, accept with the notice
list, deny with the written basis, the statement of disagreement, the rebuttal) and
revoking an authorization on file. CSRF on every form; who may is the access file's."""

from __future__ import annotations

import re

from requestcast import STANDARD_AUTH, signed_on
from webcast import Web, ids, sign_in, user
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

from notewright.practice import amendments, open_chart, record_authorization
from notewright.records.model import NoteStatus


def _signed_notes(web: Web) -> list[str]:
    chart = open_chart(web.store, user(web.store, "avery"), ids(web.store).casey)
    return [n.id for n in chart.notes if n.status is NoteStatus.SIGNED]


def _ids(html: str) -> list[str]:
    return re.findall(r'data-amendment="([^"]+)"', html)


def test_amendment_requests_from_the_chart(web: Web) -> None:
    casey = ids(web.store).casey
    note = _signed_notes(web)[0]
    base = f"/clients/{casey}/amendments"
    desk = web.client()
    desk_csrf = sign_in(desk, "frankie")
    ask = {"note_id": note, "requested_change": "My sister's name is Ana, not Anna.",
           "client_reason": "Wrong name", "received_on": ""}
    assert desk.post(base, data=ask).status_code == 403  # no CSRF token
    assert desk.post(base, data={**ask, "csrf_token": desk_csrf}).status_code == 303
    assert desk.post(base, data={**ask, "csrf_token": desk_csrf}).status_code == 303
    page = desk.get(f"/clients/{casey}")
    first, second = _ids(page.text)
    assert 'id="amendment-new"' in page.text and "accept-" not in page.text  # no decide

    avery = web.client()
    csrf = sign_in(avery, "avery")
    page = avery.get(f"/clients/{casey}")
    assert f'id="accept-{first}"' in page.text and f'id="deny-{first}"' in page.text
    accept = {"amendment_id": first, "amendment_text": "Sister's name is Ana, not Anna.",
              "notify": "Dr. Quinn Hale\nCedar Lane Billing"}
    assert avery.post(base + "/accept", data=accept).status_code == 403
    assert desk.post(base + "/accept", data={**accept, "csrf_token": desk_csrf}
                     ).status_code == 403  # front desk records, never decides
    assert avery.post(base + "/accept", data={**accept, "csrf_token": csrf}
                      ).status_code == 303
    deny = {"amendment_id": second, "basis": "accurate_and_complete",
            "explanation": "The note reflects the session as observed."}
    assert avery.post(base + "/deny", data={**deny, "basis": "dislike",
                                            "csrf_token": csrf}).status_code == 400
    assert avery.post(base + "/deny", data={**deny, "csrf_token": csrf}).status_code == 303
    rebut = {"amendment_id": second, "rebuttal": "Observed and documented in session."}
    assert avery.post(base + "/rebuttal", data={**rebut, "csrf_token": csrf}
                      ).status_code == 409  # no statement of disagreement yet
    statement = {"amendment_id": second, "statement": "I was not anxious that day."}
    assert desk.post(base + "/disagreement", data=statement).status_code == 403
    assert desk.post(base + "/disagreement", data={**statement, "csrf_token": desk_csrf}
                     ).status_code == 303
    assert avery.post(base + "/rebuttal", data={**rebut, "csrf_token": csrf}
                      ).status_code == 303
    page = avery.get(f"/clients/{casey}").text
    for text in ("Sister&#39;s name is Ana", "Dr. Quinn Hale", "Cedar Lane Billing",
                 "accurate and complete",
                 "I was not anxious that day.", "Observed and documented in session."):
        assert text in page, text
    stored = {a.id: a for a in amendments.amendments_for_client(
        web.store, user(web.store, "avery"), casey)}
    assert stored[first].notify == ("Dr. Quinn Hale", "Cedar Lane Billing")
    assert stored[second].rebuttal == "Observed and documented in session."


def test_amendments_of_another_clinicians_client_are_refused(web: Web) -> None:
    casey = ids(web.store).casey
    note = _signed_notes(web)[0]
    blake = web.client()
    csrf = sign_in(blake, "blake")
    answer = blake.post(f"/clients/{casey}/amendments", data={
        "note_id": note, "requested_change": "Something long enough to count.",
        "csrf_token": csrf})
    assert answer.status_code in (403, 404)
    made = amendments.request_amendment(web.store, user(web.store, "avery"), note_id=note,
                                        requested_change="A change long enough.",
                                        client_reason="", received_on=web.store.clock()
                                        .date())
    answer = blake.post(f"/clients/{casey}/amendments/deny", data={
        "amendment_id": made.id, "basis": "accurate_and_complete",
        "explanation": "Not my client at all.", "csrf_token": csrf})
    assert answer.status_code in (403, 404)


def test_revoking_an_authorization_on_file(web: Web) -> None:
    store = web.store
    casey = ids(store).casey
    auth = record_authorization(store, user(store, "avery"), client_id=casey,
                                terms={**STANDARD_AUTH, "signed_date": signed_on(store)})
    url = f"/clients/{casey}/authorizations/revoke"
    client = web.client()
    csrf = sign_in(client, "avery")
    page = client.get(f"/clients/{casey}")
    assert f'id="revoke-{auth.id}"' in page.text
    data = {"authorization_id": auth.id, "received_on": store.clock().date().isoformat(),
            "in_writing": "yes"}
    assert client.post(url, data=data).status_code == 403
    biller = web.client()
    biller_csrf = sign_in(biller, "billie")
    assert biller.post(url, data={**data, "csrf_token": biller_csrf}).status_code in (403,
                                                                                      404)
    assert client.post(url, data={**data, "received_on": "someday",
                                  "csrf_token": csrf}).status_code == 400
    assert client.post(url, data={**data, "csrf_token": csrf}).status_code == 303
    page = client.get(f"/clients/{casey}")
    assert 'class="tag late">revoked' in page.text
    assert f'id="revoke-{auth.id}"' not in page.text
