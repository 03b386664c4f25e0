"""Records requests over HTTP, on both engines: intake with every authorization defect,
the decision table, confirm, the override refusal, the packet (PDF text read back with
pypdf, FHIR resources), mark sent, the accounting page, Today's due list."""

from __future__ import annotations

import json

from requestcast import NOTE_TEXT, PN_TEXT, form, make_request, pdf_text, signed_on
from webcast import Web, csrf_of, ids, sign_in
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

SCAN = b"%PDF-1.4\n% synthetic scan of a signed authorization\n%%EOF\n"


def _intake(client, casey: str, csrf: str, **over: object):  # type: ignore[no-untyped-def]
    return client.post("/requests", data=form(casey, csrf, **over),
                       files={"attachment": ("scan.pdf", SCAN, "application/pdf")})


def test_standard_authorization_releases_notes_but_never_psychotherapy_notes(
        web: Web) -> None:
    casey = ids(web.store).casey
    client = web.client()
    csrf = sign_in(client, "avery")
    created = _intake(client, casey, csrf, auth_signed_date=signed_on(web.store))
    assert created.status_code == 303, created.text
    url = created.headers["location"]
    page = client.get(url)
    assert page.status_code == 200
    # One defect, and it concerns only the psychotherapy notes (not named specifically).
    assert page.text.count('class="defect"') == 1
    assert 'data-code="psychotherapy_notes_need_specific_authorization"' in page.text
    table = page.text[page.text.index('id="decision-table"'):]
    assert 'class="release" data-category="progress_notes"' in table
    assert 'class="refuse" data-category="psychotherapy_notes"' in table
    assert "names psychotherapy notes specifically" in table  # the plain-language line
    assert "45 CFR 164.508(a)(2)" in table
    assert 'id="due"' in page.text and "Explanation" in page.text
    # The scan is stored encrypted and comes back byte for byte.
    scan = client.get(url + "/scan")
    assert scan.status_code == 200 and scan.content == SCAN
    stored = list((web.settings.data_dir / "attachments").iterdir())
    assert len(stored) == 1 and b"synthetic scan" not in stored[0].read_bytes()
    confirmed = client.post(url + "/confirm", data={
        "csrf_token": csrf, "reason": "Reviewed the authorization; decision is right."})
    assert confirmed.status_code == 303
    built = client.post(url + "/packet", data={"csrf_token": csrf})
    assert built.status_code == 303
    page = client.get(url)
    pdf_link = page.text.split('href="/packets/')[1].split('"')[0]
    packet_id = pdf_link.split("/")[0]
    pdf = client.get(f"/packets/{packet_id}/packet.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert any(phrase in text for phrase in NOTE_TEXT)  # the signed notes are in it
    assert PN_TEXT not in text  # the psychotherapy note is not
    bundle = json.loads(client.get(f"/packets/{packet_id}/bundle.json").content)
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "Consent", "Provenance"} <= kinds
    assert PN_TEXT not in json.dumps(bundle)
    sent = client.post(url + "/sent", data={"csrf_token": csrf, "via": "secure fax"})
    assert sent.status_code == 303
    page = client.get(url)
    assert "via secure fax (final)" in page.text
    # A release under the client's authorization is not accountable (164.528(a)(1)(iv)).
    report = client.get(f"/clients/{casey}/accounting")
    assert report.status_code == 200 and "No disclosures to account for" in report.text
    assert client.get(f"/clients/{casey}/accounting.pdf").content.startswith(b"%PDF")


def test_an_accountable_release_appears_on_the_accounting_page(web: Web) -> None:
    casey = ids(web.store).casey
    client = web.client()
    csrf = sign_in(client, "avery")
    created = client.post("/requests", data=form(
        casey, csrf, requester="court", requester_name="Superior Court (synthetic)",
        basis="court_order", categories=["progress_notes"], auth_mode="none",
        fact_order_signed_by_judge="on",
        facts_json='{"issued_or_ordered_by_court": true, "order_scope": ["progress_notes"]}'))
    assert created.status_code == 303, created.text
    url = created.headers["location"]
    page = client.get(url).text
    assert 'class="release" data-category="progress_notes"' in page, page
    for step, data in (("confirm", {"reason": "Court order signed by a judge; release."}),
                       ("packet", {}), ("sent", {"via": "courier"})):
        assert client.post(f"{url}/{step}", data={"csrf_token": csrf, **data}
                           ).status_code == 303
    report = client.get(f"/clients/{casey}/accounting")
    assert "Superior Court (synthetic)" in report.text
    assert "Superior Court (synthetic)" in pdf_text(
        client.get(f"/clients/{casey}/accounting.pdf").content)


def test_every_authorization_defect_is_shown_at_once(web: Web) -> None:
    casey = ids(web.store).casey
    client = web.client()
    csrf = sign_in(client, "frankie")  # the front desk takes requests in
    bad = form(casey, csrf, auth_recipient="", auth_purpose="", auth_expires="2020-01-01",
               auth_signed_date=signed_on(web.store))
    for flag in ("auth_has_revocation_statement", "auth_has_redisclosure_statement"):
        bad.pop(flag)
    created = client.post("/requests", data=bad)
    assert created.status_code == 303, created.text
    page = client.get(created.headers["location"]).text
    defects = page[page.index('id="defects"'):page.index("</ol>", page.index('id="defects"'))]
    codes = set(defects.split('data-code="')[1:])
    found = {c.split('"')[0] for c in codes}
    assert {"authorization_expired", "authorization_missing_core_element",
            "authorization_missing_required_statement"} <= found
    assert defects.count('class="defect"') >= 4  # recipient, purpose, two statements, expiry
    assert "must fix" in defects
    # The front desk sees the decision but cannot confirm or override it.
    assert 'id="confirm"' not in page
    req_id = created.headers["location"].split("/")[-1]
    refused = client.post(f"/requests/{req_id}/confirm", data={
        "csrf_token": csrf, "reason": "Front desk should not be able to do this."})
    assert refused.status_code == 403


def test_override_releasing_psychotherapy_notes_is_refused_with_a_friendly_message(
        web: Web) -> None:
    made = make_request(web.store, step="decided")
    client = web.client()
    csrf = sign_in(client, "avery")
    response = client.post(f"/requests/{made['req']}/override", data={
        "csrf_token": csrf, "release": ["progress_notes", "psychotherapy_notes"],
        "reason": "The other provider really needs the process notes."})
    assert response.status_code == 409
    assert 'id="override-refused"' in response.text
    assert "cannot be released by override" in response.text
    assert "Traceback" not in response.text and PN_TEXT not in response.text
    page = client.get(f"/requests/{made['req']}")
    assert ">decided<" in page.text  # nothing changed
    withheld = client.post(f"/requests/{made['req']}/override", data={
        "csrf_token": csrf, "release": [], "reason": "Withholding everything on review."})
    assert withheld.status_code == 303


def test_open_requests_overdue_first_and_on_today(web: Web) -> None:
    made = make_request(web.store, step="confirmed", access=True)
    client = web.client()
    sign_in(client, "avery")
    listing = client.get("/requests")
    assert made["req"] in listing.text and "days left" in listing.text
    assert made["req"] not in client.get("/today").text  # 30 days away: not yet
    web.clock.advance(days=20)
    sign_in(client, "avery")  # idle sign-out happened meanwhile
    today = client.get("/today")
    assert 'id="due-soon"' in today.text and made["req"] in today.text
    web.clock.advance(days=20)  # past the deadline
    sign_in(client, "avery")
    listing = client.get("/requests")
    assert "overdue by" in listing.text
    assert "overdue" in client.get("/today").text


def test_decision_and_review_forms_need_the_csrf_token(web_sqlite: Web) -> None:
    made = make_request(web_sqlite.store, step="packet")
    casey = made["casey"]
    client = web_sqlite.client()
    csrf = sign_in(client, "avery")
    posts = {"/requests": form(casey, "wrong"),
             f"/requests/{made['req']}/decide": {},
             f"/requests/{made['req']}/confirm": {"reason": "A long enough reason."},
             f"/requests/{made['req']}/override": {"reason": "A long enough reason."},
             f"/requests/{made['req']}/packet": {},
             f"/requests/{made['req']}/sent": {"via": "mail"}}
    for url, data in posts.items():
        data = {k: v for k, v in data.items() if k != "csrf_token"}
        response = client.post(url, data=data)
        assert response.status_code == 403, url
        assert "This form has expired" in response.text
    page = client.get(f"/requests/{made['req']}")
    assert csrf_of(page.text) == csrf
