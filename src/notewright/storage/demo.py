"""A seeded synthetic practice for the demo, the tests and the screenshots.

Fixed names and Random(42): the same practice every time. Everything here is invented.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from notewright import practice
from notewright.practice.store import Store
from notewright.records.model import Practice, Role, User

DEMO_PASSWORD = "demo-password-not-secret"  # synthetic accounts only
PRACTICE = Practice(name="Harbor Street Counseling (synthetic)", state="CA",
                    requires_cosignature=True, timezone="America/Los_Angeles")
# username, display name, roles
STAFF = [
    ("avery", "Dr. Avery Quinn", [Role.CLINICIAN]),
    ("blake", "Dr. Blake Moreno", [Role.CLINICIAN]),
    ("sam", "Dr. Sam Okafor", [Role.SUPERVISOR, Role.CLINICIAN]),
    ("billie", "Billie Tran", [Role.BILLER]),
    ("frankie", "Frankie Diaz", [Role.FRONT_DESK]),
]
CLIENTS = [("Casey", "Rivera", "CA"), ("Jordan", "Lee", "CA"), ("Morgan", "Patel", "CA"),
           ("Riley", "Nguyen", "NV"), ("Taylor", "Brooks", "CA")]
STATEMENTS = ["Reports sleeping six hours most nights.", "Practised the breathing exercise "
              "twice this week.", "Affect brighter than last session.", "Discussed return to "
              "work plan.", "Denies thoughts of self-harm.", "Will keep a mood log daily."]


def _content(rng: random.Random) -> dict[str, object]:
    sections = []
    offset = 0
    for name in ("subjective", "objective", "assessment", "plan"):
        text = rng.choice(STATEMENTS)
        sections.append({"name": name, "statements": [
            {"text": text, "sources": [[offset, offset + len(text)]]}]})
        offset += len(text) + 1
    return {"format": "soap", "sections": sections}


def seed(store: Store, *, practice_: Practice = PRACTICE, admin_username: str = "alex",
         admin_password: str = DEMO_PASSWORD) -> dict[str, User]:
    """Create the synthetic practice in an empty, migrated store; returns users by name."""
    rng = random.Random(42)
    start = datetime(2026, 1, 5, 17, 0, tzinfo=UTC)
    ticks = iter(range(1_000_000))
    store.clock = lambda: start + timedelta(minutes=next(ticks))
    store.new_id = lambda: f"{rng.getrandbits(128):032x}"
    admin = practice.init_practice(store, practice_, username=admin_username,
                                   display_name="Alex Kim", password=admin_password)
    users = {"alex": admin, admin_username: admin}
    for username, name, roles in STAFF:
        users[username] = practice.add_user(
            store, admin, username=username, display_name=name, roles=roles,
            password=DEMO_PASSWORD, supervisor_of=["avery"] if username == "sam" else ())
    avery = users["avery"]
    for i, (given, family, state) in enumerate(CLIENTS):
        owner = avery if i < 4 else users["blake"]
        client = practice.create_client(
            store, owner, given_name=given, family_name=family, state=state,
            date_of_birth=date(1970 + rng.randrange(40), rng.randrange(1, 13),
                               rng.randrange(1, 28)))
        for week in range(3):
            day = date(2026, 1, 5) + timedelta(days=7 * week + i)
            session = practice.record_session(
                store, owner, client_id=client.id, date=day, start=time(10 + i, 0),
                end=time(10 + i, 50), modality="individual", cpt_code="90834",
                place_of_service="10" if week == 1 else "11", telehealth=week == 1)
            note = practice.save_draft(store, owner, session_id=session.id,
                                       content=_content(rng))
            if week < 2:  # the newest session of each client stays a draft
                practice.sign_note(store, owner, note.id)
        if i == 0:
            practice.write_psychotherapy_note(
                store, avery, client_id=client.id,
                text="Synthetic process note: my hunch about the client's pattern.")
    return users
