"""`notewright keys rotate` covers the records-request tables too: after a rotation every
request, decision, accounting entry and release packet is under the new record key, and
a sent packet still opens and still matches the SHA-256 kept with it."""

from __future__ import annotations

from datetime import date
from typing import Any

from requests_cast import make_world, pdf_text
from sqlalchemy import select

from notewright.practice import packets
from notewright.practice import requests as rq
from notewright.storage import tables
from notewright.storage.encryption import Cipher
from notewright.storage.rotation import RECORD_TABLES, reencrypt_all


def test_rotation_reencrypts_requests_decisions_accounting_and_packets(store: Any) -> None:
    w = make_world(store)
    taken = rq.intake(store, w.frankie, client_id=w.casey.id, requester="court",
                      requester_name="Synthetic County Court", basis="court_order",
                      categories=["progress_notes"], received_on=date(2026, 3, 2),
                      facts={"order_scope": ["progress_notes"],
                             "order_signed_by_judge": True}, format="both")
    rq.decide_request(store, w.avery, taken.request.id)
    rq.confirm_decision(store, w.avery, taken.request.id, reason="Order names the notes.")
    built = packets.build_packet(store, w.avery, taken.request.id)
    sent, entry = packets.mark_sent(store, w.avery, taken.request.id, via="mail")
    assert entry is not None  # a court-order release is accountable

    ring = store.cipher.ring.rotated()
    counts = reencrypt_all(store.record, store.vault, Cipher(ring), batch=2)
    store.cipher.ring.record = ring.record  # this process now holds the rotated ring
    store.cipher.ring.vault = ring.vault
    for name in ("records_requests", "request_decisions", "accounting_entries",
                 "release_packets"):
        assert counts[name] >= 1, name
    with store.record.connect() as conn:
        for table, _ in RECORD_TABLES:
            kids = set(conn.execute(select(table.c.key_id)).scalars())
            assert kids <= {ring.record.active}, table.name
        conn.rollback()
    _, pdf, fhir = packets.packet_files(store, w.avery, sent.id)
    assert pdf == built.pdf and fhir == built.fhir
    assert "Synthetic County Court" in pdf_text(pdf or b"")
    assert tables.release_packets.name == "release_packets"
