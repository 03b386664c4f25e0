"""The cast for storage tests (imported by test modules in this directory).

Dr. Avery Quinn treats Casey Rivera and writes the notes; Dr. Blake Moreno works in the
same practice but is not the originator; Dr. Sam Okafor supervises Avery; Billie bills;
Frankie runs the front desk; Alex is the practice admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from notewright import practice
from notewright.practice.store import Store
from notewright.records.model import Client, Practice, Role, Session, User

PASSWORD = "synthetic-password-1"
CONTENT: dict[str, Any] = {"format": "soap", "sections": [
    {"name": "subjective", "statements": [{"text": "Reports sleeping better.",
                                           "sources": [[0, 24]]}]}]}


@dataclass
class Cast:
    store: Store
    alex: User
    avery: User
    blake: User
    sam: User
    billie: User
    frankie: User
    casey: Client
    session: Session


def make_cast(store: Store, *, requires_cosignature: bool = True) -> Cast:
    alex = practice.init_practice(
        store, Practice("Harbor Street Counseling", "CA",
                        requires_cosignature=requires_cosignature),
        username="alex", display_name="Alex Kim", password=PASSWORD)

    def add(name: str, display: str, *roles: Role, **kw: Any) -> User:
        return practice.add_user(store, alex, username=name, display_name=display,
                                 roles=roles, password=PASSWORD, **kw)

    avery = add("avery", "Dr. Avery Quinn", Role.CLINICIAN)
    blake = add("blake", "Dr. Blake Moreno", Role.CLINICIAN)
    sam = add("sam", "Dr. Sam Okafor", Role.SUPERVISOR, supervisor_of=["avery"])
    billie = add("billie", "Billie Tran", Role.BILLER)
    frankie = add("frankie", "Frankie Diaz", Role.FRONT_DESK)
    casey = practice.create_client(store, avery, given_name="Casey", family_name="Rivera",
                                   date_of_birth=date(1991, 4, 12), state="CA")
    session = practice.record_session(store, avery, client_id=casey.id,
                                      date=date(2026, 3, 2), start=time(14, 0),
                                      end=time(14, 50), modality="individual",
                                      cpt_code="90834")
    return Cast(store, alex, avery, blake, sam, billie, frankie, casey, session)
