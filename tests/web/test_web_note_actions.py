"""Signed notes over HTTP, on both engines: amend (new version with a reason, the old one
kept and readable), addendum, supervisor co-signature; and, on the review page, linking
a statement to a treatment-plan goal (stored with the draft, shown on the signed note)."""

from __future__ import annotations

from datetime import date

import pytest
from webcast import Web, ids, sign_in, user
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

from notewright import practice
from notewright.records.model import Goal, Objective, Problem


def test_amend_keeps_the_old_version_visible(web: Web) -> None:
    known = ids(web.store)
    client = web.client()
    csrf = sign_in(client, "avery")
    before = client.get(f"/notes/{known.signed_note}").text
    assert 'id="amend"' in before
    amended = client.post(f"/notes/{known.signed_note}/amend", data={
        "csrf_token": csrf, "s-0-0": "Corrected: reports sleeping seven hours.",
        "reason": "Wrong number of hours recorded"})
    assert amended.status_code == 303
    new_url = amended.headers["location"]
    new = client.get(new_url).text
    assert "Corrected: reports sleeping seven hours." in new
    assert "Wrong number of hours recorded" in new and "an earlier version" in new
    old = client.get(f"/notes/{known.signed_note}").text
    assert "Superseded by" in old and "Corrected:" not in old
    assert 'id="amend"' not in old  # only the current version is amended
    chart = client.get(f"/clients/{known.casey}").text
    assert "superseded version(s) kept" in chart


@pytest.mark.parametrize("username", ["blake", "sam", "billie", "frankie", "alex"])
def test_only_the_author_amends(web: Web, username: str) -> None:
    known = ids(web.store)
    client = web.client()
    csrf = sign_in(client, username)
    response = client.post(f"/notes/{known.signed_note}/amend", data={
        "csrf_token": csrf, "reason": "Someone else's correction"})
    assert response.status_code == 403


def test_addendum_and_cosignature(web: Web) -> None:
    known = ids(web.store)
    avery, sam = web.client(), web.client()
    avery_csrf = sign_in(avery, "avery")
    sam_csrf = sign_in(sam, "sam")
    added = avery.post(f"/notes/{known.signed_note}/addenda", data={
        "csrf_token": avery_csrf, "text": "Client called later to confirm the plan."})
    assert added.status_code == 303
    page = sam.get(f"/notes/{known.signed_note}").text
    assert "Client called later to confirm the plan." in page
    assert 'id="cosign"' in page and 'id="amend"' not in page
    assert avery.post(f"/notes/{known.signed_note}/cosign",
                      data={"csrf_token": avery_csrf}).status_code == 403
    done = sam.post(f"/notes/{known.signed_note}/cosign", data={"csrf_token": sam_csrf})
    assert done.status_code == 303
    page = sam.get(f"/notes/{known.signed_note}").text
    assert "Co-signed by Dr. Sam Okafor" in page and 'id="cosign"' not in page
    again = sam.post(f"/notes/{known.signed_note}/cosign", data={"csrf_token": sam_csrf})
    assert again.status_code == 409
    sup_add = sam.post(f"/notes/{known.signed_note}/addenda", data={
        "csrf_token": sam_csrf, "text": "Supervisor: discussed in supervision."})
    assert sup_add.status_code == 303


@pytest.mark.parametrize("username", ["blake", "billie", "frankie", "alex"])
def test_others_neither_addend_nor_cosign(web: Web, username: str) -> None:
    known = ids(web.store)
    client = web.client()
    csrf = sign_in(client, username)
    assert client.post(f"/notes/{known.signed_note}/addenda", data={
        "csrf_token": csrf, "text": "Not my client."}).status_code == 403
    assert client.post(f"/notes/{known.signed_note}/cosign",
                       data={"csrf_token": csrf}).status_code == 403


def test_signed_note_forms_need_the_csrf_token(web_sqlite: Web) -> None:
    known = ids(web_sqlite.store)
    client = web_sqlite.client()
    sign_in(client, "avery")
    for action, data in (("amend", {"reason": "A reason long enough"}),
                         ("addenda", {"text": "An addendum"}), ("cosign", {})):
        response = client.post(f"/notes/{known.signed_note}/{action}", data=data)
        assert response.status_code == 403 and "This form has expired" in response.text


def test_link_a_statement_to_a_treatment_plan_goal(web: Web) -> None:
    known = ids(web.store)
    practice.record_treatment_plan(web.store, user(web.store, "avery"), known.casey, [
        Problem("Avoidance of work calls (synthetic)", (
            Goal("Reduce avoidance of phone calls at work", (
                Objective("Two work calls a week", "self-report log",
                          date(2026, 12, 31)),)),
            Goal("Reduce depressive symptoms", (
                Objective("PHQ-9 below 10", "PHQ-9", date(2026, 12, 31)),))))])
    client = web.client()
    csrf = sign_in(client, "avery")
    review = client.get(f"/notes/{known.draft_note}/review").text
    assert 'name="g-0-0"' in review and "Reduce depressive symptoms" in review
    version = review.split('name="version" id="version" value="')[1].split('"')[0]
    saved = client.post(f"/notes/{known.draft_note}/autosave", data={
        "csrf_token": csrf, "version": version, "g-0-0": "p0g1"})
    assert saved.status_code == 200
    review = client.get(f"/notes/{known.draft_note}/review").text
    assert '<option value="p0g1" selected>' in review
    bad = client.post(f"/notes/{known.draft_note}/autosave", data={
        "csrf_token": csrf, "version": str(int(version) + 1), "g-0-0": "p9g9"})
    assert bad.status_code == 400
    new_version = review.split('name="version" id="version" value="')[1].split('"')[0]
    signed = client.post(f"/notes/{known.draft_note}/sign", data={
        "csrf_token": csrf, "version": new_version, "g-0-0": "p0g1"})
    assert signed.status_code == 303
    note = client.get(f"/notes/{known.draft_note}").text
    assert "Goal: Reduce depressive symptoms" in note
