"""Describe → draft → review → move process material to the vault → sign, over HTTP."""

from __future__ import annotations

import re
from pathlib import Path

from webcast import Web, ids, sign_in
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

EXAMPLE = (Path(__file__).parents[2] / "examples/session-description.txt").read_text()
IMPATIENT = "Honestly I felt a bit impatient when she dismissed the first reframe"


def _version(html: str) -> str:
    found = re.search(r'name="version" id="version" value="(\d+)"', html)
    assert found
    return found.group(1)


def _item(html: str, action: str) -> str:
    found = re.search(rf'/withheld/(\d+)/{action}"', html)
    assert found, action
    return found.group(1)


def test_describe_review_vault_and_sign(web: Web) -> None:
    known = ids(web.store)
    client = web.client()
    csrf = sign_in(client, "avery")
    new = client.get(f"/notes/new?client_id={known.casey}")
    assert new.status_code == 200 and 'name="description"' in new.text
    created = client.post("/notes", data={
        "csrf_token": csrf, "client_id": known.casey, "date": "2026-01-26", "start": "10:00",
        "end": "10:55", "modality": "individual", "format": "dap", "description": EXAMPLE})
    assert created.status_code == 303
    review_url = created.headers["location"]
    note_id = review_url.split("/")[2]
    page = client.get(review_url)
    assert page.status_code == 200
    assert 'data-sources="[[172, 198]]"' in page.text  # PHQ-9 = 12 (down from 17).
    assert IMPATIENT in page.text  # listed for the clinician to decide
    assert "░" in page.text  # blanked in the stored description
    # The format is remembered for the next note.
    assert 'value="dap" selected' in client.get("/notes/new").text
    # Autosave with the optimistic version check.
    version = _version(page.text)
    saved = client.post(f"/notes/{note_id}/autosave", data={
        "csrf_token": csrf, "version": version, "s-0-0": "Edited first statement."})
    assert saved.status_code == 200 and "Saved at" in saved.text
    stale = client.post(f"/notes/{note_id}/autosave", data={
        "csrf_token": csrf, "version": version, "s-0-0": "Another edit."})
    assert stale.status_code == 409
    # Move the first process-material item to the vault; accept the paraphrase.
    page = client.get(review_url)
    moved = client.post(f"/notes/{note_id}/withheld/{_item(page.text, 'vault')}/vault",
                        data={"csrf_token": csrf, "version": _version(page.text)},
                        headers={"HX-Request": "true"})
    assert moved.status_code == 200 and IMPATIENT not in moved.text
    para = client.post(f"/notes/{note_id}/withheld/{_item(moved.text, 'paraphrase')}/"
                       "paraphrase", data={"csrf_token": csrf, "version": _version(moved.text)},
                       headers={"HX-Request": "true"})
    assert para.status_code == 200 and "described some improvement" in para.text
    signed = client.post(f"/notes/{note_id}/sign",
                         data={"csrf_token": csrf, "version": _version(para.text)})
    assert signed.status_code == 303 and signed.headers["location"] == f"/notes/{note_id}"
    view = client.get(f"/notes/{note_id}")
    assert "signed" in view.text and "Edited first statement." in view.text
    assert IMPATIENT not in view.text and "need to watch that" not in view.text
    # Signed means locked.
    again = client.post(f"/notes/{note_id}/autosave", data={"csrf_token": csrf, "version": "9"})
    assert again.status_code == 400
    # The process material is in Avery's vault, not in the chart.
    chart = client.get(f"/clients/{known.casey}")
    assert "impatient" not in chart.text
    client.post("/reauth", data={"csrf_token": csrf, "password": "demo-password-not-secret"})
    vault = client.get("/vault")
    assert vault.status_code == 200
    opened = [client.get(href).text for href in re.findall(r'href="(/vault/[0-9a-f]+)"',
                                                            vault.text)]
    assert any(IMPATIENT in text for text in opened)


def test_cpt_suggestion_follows_duration_and_modality(web: Web) -> None:
    client = web.client()
    sign_in(client, "avery")
    cases = {("individual", "10:00", "10:30"): "90832",
             ("individual", "10:00", "10:45"): "90834",
             ("individual", "10:00", "10:55"): "90837",
             ("family", "10:00", "10:50"): "90847", ("group", "10:00", "11:30"): "90853"}
    for (modality, start, end), code in cases.items():
        html = client.get("/notes/cpt", params={"modality": modality, "start": start,
                                                "end": end}).text
        assert f'data-code="{code}"' in html
    no_client = client.get("/notes/cpt", params={"modality": "family", "start": "10:00",
                                                 "end": "10:50", "client_present": "no"})
    assert 'data-code="90846"' in no_client.text


def test_today_lists_unsigned_notes_and_marks_late_ones(web: Web) -> None:
    client = web.client()
    sign_in(client, "avery")
    today = client.get("/today")
    assert "Notes still unsigned" in today.text
    assert today.text.count('class="tag late"') >= 4  # the demo's January drafts


def test_colleague_cannot_write_a_note_for_a_client_not_on_their_team(web: Web) -> None:
    known = ids(web.store)
    client = web.client()
    csrf = sign_in(client, "blake")
    response = client.post("/notes", data={
        "csrf_token": csrf, "client_id": known.casey, "date": "2026-01-26", "start": "10:00",
        "end": "10:50", "description": EXAMPLE})
    assert response.status_code == 403
