"""The cast for records-request tests (synthetic, deterministic).

Dr. Avery Quinn treats Casey Rivera (adult) and Jordan Lee (15), writes their progress
notes and keeps psychotherapy notes in the vault; Dr. Blake Moreno is a colleague who is
not the originator; Frankie runs the front desk; Alex is the practice admin (privacy
officer). The practice is in Oregon, which has no state overlay, so the federal rules
decide. Every document carries a marker the tests look for in the generated packet.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from notewright import practice
from notewright.practice.store import Store
from notewright.records.model import Client, Goal, Objective, Practice, Problem, Role, User

PASSWORD = "synthetic-password-1"
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
PN_MARKER = "VAULTMARK"  # only ever in psychotherapy notes
PLAN_MARKER = "PLANMARK"
NOTE_MARKER = "NOTEMARK"  # in every progress note, with its session number


def note_content(i: int) -> dict[str, Any]:
    return {"format": "soap", "sections": [
        {"name": "subjective", "statements": [
            {"text": f"{NOTE_MARKER}{i} Reports sleeping better this week.",
             "sources": [[0, 10]]}]},
        {"name": "plan", "statements": [{"text": "Continue weekly CBT.", "sources": []}]}]}


@dataclass
class World:
    store: Store
    alex: User
    avery: User
    blake: User
    frankie: User
    casey: Client
    jordan: Client
    note_ids: list[str]
    session_dates: list[date]
    pn_ids: list[str]


def make_world(store: Store, *, notes: int = 3) -> World:
    store.clock = lambda: NOW
    alex = practice.init_practice(store, Practice("Cedar Lane Counseling", "OR"),
                                  username="alex", display_name="Alex Kim",
                                  password=PASSWORD)

    def add(name: str, display: str, *roles: Role) -> User:
        return practice.add_user(store, alex, username=name, display_name=display,
                                 roles=roles, password=PASSWORD)

    avery = add("avery", "Dr. Avery Quinn", Role.CLINICIAN)
    blake = add("blake", "Dr. Blake Moreno", Role.CLINICIAN)
    frankie = add("frankie", "Frankie Diaz", Role.FRONT_DESK)
    casey = practice.create_client(store, avery, given_name="Casey", family_name="Rivera",
                                   date_of_birth=date(1991, 4, 12), state="OR")
    jordan = practice.create_client(store, avery, given_name="Jordan", family_name="Lee",
                                    date_of_birth=date(2010, 9, 1), state="OR")
    note_ids, dates, pn_ids = [], [], []
    for i in range(notes):
        day = date(2026, 1, 5 + 7 * (i % 7)) if i < 7 else date(2025, 1 + i % 12,
                                                                1 + i % 28)
        session = practice.record_session(store, avery, client_id=casey.id, date=day,
                                          start=time(14, 0), end=time(14, 50),
                                          modality="individual",
                                          cpt_code="90834" if i % 2 == 0 else "90837")
        note = practice.save_draft(store, avery, session_id=session.id,
                                   content=note_content(i))
        practice.sign_note(store, avery, note.id)
        note_ids.append(note.id)
        dates.append(day)
        if i == 0:
            pn = practice.write_psychotherapy_note(
                store, avery, client_id=casey.id, session_id=session.id,
                text=f"{PN_MARKER} process hypotheses about the session.")
            pn_ids.append(pn.id)
    session = practice.record_session(store, avery, client_id=jordan.id,
                                      date=date(2026, 2, 2), start=time(9, 0),
                                      end=time(9, 50), modality="individual",
                                      cpt_code="90834")
    note = practice.save_draft(store, avery, session_id=session.id,
                               content=note_content(900))
    practice.sign_note(store, avery, note.id)
    practice.record_treatment_plan(store, avery, casey.id, [Problem(
        f"{PLAN_MARKER} low mood", (Goal("Improve sleep", (
            Objective("Sleep 7 hours", "sleep diary", date(2026, 6, 1)),)),))])
    return World(store, alex, avery, blake, frankie, casey, jordan, note_ids, dates, pn_ids)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def fhir_resources(data: bytes) -> list[dict[str, Any]]:
    bundle = json.loads(data)
    assert bundle["resourceType"] == "Bundle"
    return [e["resource"] for e in bundle["entry"]]


def authorization(**changes: Any) -> dict[str, Any]:
    terms: dict[str, Any] = {
        "covers": ["progress_notes"], "specifically_names_psychotherapy_notes": False,
        "combined_with_other_authorization": False,
        "combined_with_psychotherapy_notes_only": False, "expires": "2026-12-31",
        "signed": True, "signed_date": "2026-01-15", "revoked": False,
        "has_revocation_statement": True, "has_redisclosure_statement": True,
        "has_conditioning_statement": True, "purpose": "litigation",
        "recipient": "Riley Park, Esq.", "conditioned_on_treatment": False}
    terms.update(changes)
    return terms
