"""Release-packet figures for a client with 500 signed progress notes (prints a table;
never fails on a number).

    PDF render (ReportLab, DejaVu)             target <= 3 s
    FHIR bundle build + fhir.resources check   target <= 1 s
    whole build_packet workflow (load + decrypt 500 notes, render both, hash, encrypt,
    store, audit) on SQLite

Run: .venv/bin/python bench/requests.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from argon2 import PasswordHasher

from notewright import practice
from notewright.export import fhir, pdf
from notewright.practice import packets, users
from notewright.practice import requests as rq
from notewright.records.access import load_policy
from notewright.records.model import Practice, Role
from notewright.storage import migrations
from notewright.storage.encryption import Cipher, KeyRing
from notewright.storage.engine import make_engine

NOTES = 500
RUNS = 5
WORDS = ("Client reports sleeping better and using the breathing exercise before work. "
         "Discussed avoidance at the office and practiced a graded exposure plan. ")
CONTENT = {"format": "soap", "sections": [
    {"name": name, "statements": [{"text": WORDS * 2, "sources": []}]}
    for name in ("subjective", "objective", "assessment", "plan")]}


def _store(folder: Path) -> practice.Store:
    record = make_engine(f"sqlite:///{folder / 'record.sqlite3'}")
    vault = make_engine(f"sqlite:///{folder / 'vault.sqlite3'}")
    migrations.upgrade(record, "record")
    migrations.upgrade(vault, "vault")
    clock = [datetime(2026, 3, 10, 12, tzinfo=UTC)]

    def tick() -> datetime:
        clock[0] += timedelta(microseconds=1)
        return clock[0]
    return practice.Store(record=record, vault=vault, cipher=Cipher(KeyRing.generate()),
                          policy=load_policy(), clock=tick)


def _seed(store: practice.Store) -> tuple[object, str]:
    users._hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    alex = practice.init_practice(store, Practice("Cedar Lane Counseling", "OR"),
                                  username="alex", display_name="Alex Kim",
                                  password="synthetic-password-1")
    avery = practice.add_user(store, alex, username="avery", display_name="Dr. Avery Quinn",
                              roles=[Role.CLINICIAN], password="synthetic-password-1")
    casey = practice.create_client(store, avery, given_name="Casey", family_name="Rivera",
                                   date_of_birth=date(1991, 4, 12), state="OR")
    start = date(2016, 1, 4)
    for i in range(NOTES):
        session = practice.record_session(store, avery, client_id=casey.id,
                                          date=start + timedelta(days=7 * i),
                                          start=clock_time(14), end=clock_time(14, 50),
                                          modality="individual", cpt_code="90834")
        note = practice.save_draft(store, avery, session_id=session.id, content=CONTENT)
        practice.sign_note(store, avery, note.id)
    return avery, casey.id


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(Path(tmp))
        t0 = time.perf_counter()
        avery, client_id = _seed(store)
        seed_s = time.perf_counter() - t0
        whole = []
        built = None
        for _ in range(RUNS):
            rid = rq.intake(store, avery, client_id=client_id, requester="other_provider",
                            requester_name="Dr. Quinn Hale", basis="treatment",
                            categories=["progress_notes", "billing"],
                            received_on=date(2026, 3, 2), format="both").request.id
            rq.decide_request(store, avery, rid)
            rq.confirm_decision(store, avery, rid, reason="Benchmark review on file.")
            t = time.perf_counter()
            built = packets.build_packet(store, avery, rid)
            whole.append(time.perf_counter() - t)
        assert built is not None and built.pdf is not None and built.fhir is not None
        contents = built.contents
        pdf_s, fhir_s = [], []
        for _ in range(RUNS):
            t = time.perf_counter()
            pdf.render_packet(contents)
            pdf_s.append(time.perf_counter() - t)
            t = time.perf_counter()
            fhir.render_bundle(contents, built_at=datetime.now(UTC))
            fhir_s.append(time.perf_counter() - t)
        store.close()
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(built.pdf)).pages)

    def row(name: str, values: list[float], target: str) -> str:
        return (f"{name:<44} median {statistics.median(values):6.2f} s   "
                f"max {max(values):6.2f} s   {target}")
    print(f"records requests bench: {NOTES} signed progress notes, {RUNS} runs each "
          f"(seeding took {seed_s:.1f} s)")
    print(row("PDF render (cover + notes + billing)", pdf_s, "target <= 3 s"))
    print(row("FHIR bundle build + validation (R4B)", fhir_s, "target <= 1 s"))
    print(row("build_packet workflow, PDF + FHIR, SQLite", whole, "(end to end)"))
    print(f"PDF: {pages} pages, {len(built.pdf) / 1024:.0f} KiB; FHIR: "
          f"{len(built.fhir) / 1024:.0f} KiB, {len(contents.notes)} DocumentReferences; "
          f"font: {pdf.fonts()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
