"""Errors become friendly pages: the right status, a plain message and what to do; never
a traceback, never note text."""

from __future__ import annotations

from fastapi import APIRouter
from webcast import Web, ids, sign_in
from webfixtures import (  # noqa: F401  (fixtures)
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_fixture,
    web_sqlite_template_fixture,
)

from notewright.errors import Conflict, IntegrityError, NotewrightError
from notewright.web.errors import TABLE, lookup


def test_unknown_address_is_a_friendly_404(web_sqlite: Web) -> None:
    client = web_sqlite.client()
    sign_in(client, "avery")
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Not found" in response.text and "Traceback" not in response.text


def test_bad_input_names_the_field(web_sqlite: Web) -> None:
    known = ids(web_sqlite.store)
    client = web_sqlite.client()
    csrf = sign_in(client, "avery")
    empty = client.post("/notes", data={"csrf_token": csrf, "client_id": known.casey,
                                        "description": "   ", "start": "10:00",
                                        "end": "10:50", "date": "2026-01-26"})
    assert empty.status_code == 400 and "text:" in empty.text
    missing = client.post("/notes", data={"csrf_token": csrf})
    assert missing.status_code == 400 and "client_id" in missing.text


def test_unexpected_errors_show_no_traceback_and_no_note_text(web_sqlite: Web) -> None:
    client = web_sqlite.client(raise_server_exceptions=False)
    router = APIRouter()

    @router.get("/boom")
    def boom() -> None:
        raise RuntimeError("client said she feels hopeless")  # note text in a message

    client.app.include_router(router)  # type: ignore[attr-defined]
    sign_in(client, "avery")
    response = client.get("/boom")
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert "hopeless" not in response.text and "Traceback" not in response.text


def test_translation_table_covers_every_family() -> None:
    assert lookup(Conflict("x"))[0] == 409
    assert lookup(IntegrityError("x"))[0] == 500
    assert TABLE[-1][0] is NotewrightError


def test_htmx_requests_get_a_message_for_the_alert_area(web_sqlite: Web) -> None:
    known = ids(web_sqlite.store)
    client = web_sqlite.client()
    csrf = sign_in(client, "avery")
    response = client.post(f"/notes/{known.draft_note}/autosave",
                           data={"csrf_token": csrf, "version": "999"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert response.headers["HX-Retarget"] == "#alerts" and 'role="alert"' in response.text
