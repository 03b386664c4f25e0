"""The cast of the web tests, from the synthetic demo practice: Dr. Avery (treating
clinician of Casey, author of Casey's notes and of a psychotherapy note), Dr. Blake (same
practice, not on Casey's care team), Dr. Sam (Avery's supervisor), Billie (biller),
Frankie (front desk) and Alex (practice admin)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from notewright.practice import list_clients, list_psychotherapy_notes, open_chart
from notewright.practice import store as store_mod
from notewright.practice.store import Store
from notewright.records.model import NoteStatus, User
from notewright.settings import Settings
from notewright.storage import records
from notewright.storage.demo import DEMO_PASSWORD
from notewright.web.app import create_app
from notewright.web.config import WebConfig


class Clock:
    """The app's clock, moved by tests (idle timeout, lockout back-off)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@dataclass
class Web:
    kind: str
    settings: Settings
    store: store_mod.Store
    clock: Clock
    config: WebConfig

    def client(self, *, base_url: str = "http://testserver",
               raise_server_exceptions: bool = True) -> TestClient:
        app = create_app(self.settings, store=self.store, config=self.config)
        return TestClient(app, base_url=base_url, follow_redirects=False,
                          raise_server_exceptions=raise_server_exceptions)


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def user(store: Store, username: str) -> User:
    with store.record.connect() as conn:
        found, _ = records.load_user(conn, username=username)
        conn.rollback()
    return found


@dataclass(frozen=True)
class Ids:
    casey: str
    signed_note: str
    draft_note: str
    pn: str


def ids(store: Store) -> Ids:
    avery = user(store, "avery")
    casey = next(c for c in list_clients(store, avery) if c.given_name == "Casey")
    chart = open_chart(store, avery, casey.id)
    signed = next(n for n in chart.notes if n.status is NoteStatus.SIGNED)
    draft = next(n for n in chart.notes if n.status is NoteStatus.DRAFT)
    pn = list_psychotherapy_notes(store, avery, casey.id)[0][0]
    return Ids(casey.id, signed.id, draft.id, pn)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def sign_in(client: TestClient, username: str, password: str = DEMO_PASSWORD,
            code: str = "") -> str:
    """Sign in; returns the session's CSRF token (from the Today page)."""
    page = client.get("/")
    response = client.post("/signin", data={"username": username, "password": password,
                                            "code": code, "csrf_token": csrf_of(page.text)})
    assert response.status_code == 303, response.text
    today = client.get("/today")
    assert today.status_code == 200
    return csrf_of(today.text)
