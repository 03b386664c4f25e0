"""A separate app process for the crash drills (not a test module).

    python drill_proc.py sign USERNAME SESSION_ID CLIENT_ID COUNT
        each round: save a draft, sign it, write a psychotherapy note (vault);
        prints "signed <note id>" and "pn <pn id>" each only after its commit
    python drill_proc.py packet BUILDER INTAKE CLIENT_ID COUNT
        each round: a court-ordered records request (accountable) is taken in, decided,
        confirmed, its packet built (PDF + FHIR) and sent with its accounting entry;
        prints "built <packet id> <request id>" after build_packet returned and
        "sent <packet id> <entry id>" after mark_sent returned

The drill kills this process with SIGKILL at an arbitrary point.
"""

from __future__ import annotations

import sys

from notewright import practice, settings
from notewright.practice import packets
from notewright.practice import requests as rq
from notewright.practice.store import Store
from notewright.records.model import User
from notewright.storage import records


def _user(store: Store, username: str) -> User:
    with store.record.connect() as conn:
        user, _ = records.load_user(conn, username=username)
        conn.rollback()
    return user


def sign(store: Store, username: str, session_id: str, client_id: str,
         count: int) -> None:
    user = _user(store, username)
    for i in range(count):
        content = {"sections": [{"name": "subjective", "statements": [
            {"text": f"DRILLNOTE {username} {i} reports sleeping better.",
             "sources": [[0, 9]]}]}]}
        note = practice.save_draft(store, user, session_id=session_id, content=content)
        practice.sign_note(store, user, note.id)
        print("signed", note.id, flush=True)
        pn = practice.write_psychotherapy_note(store, user, client_id=client_id,
                                               session_id=session_id,
                                               text=f"DRILLVAULT {i} process hypotheses.")
        print("pn", pn.id, flush=True)


def packet(store: Store, builder: str, intake_user: str, client_id: str,
           count: int) -> None:
    avery, frankie = _user(store, builder), _user(store, intake_user)
    today = store.clock().date()
    for i in range(count):
        taken = rq.intake(store, frankie, client_id=client_id, requester="court",
                          requester_name=f"Drill County Court {i}", basis="court_order",
                          categories=["progress_notes"], received_on=today,
                          facts={"order_scope": ["progress_notes"],
                                 "order_signed_by_judge": True},
                          format="both")
        rq.decide_request(store, avery, taken.request.id)
        rq.confirm_decision(store, avery, taken.request.id,
                            reason="Reviewed against the order and the chart.")
        built = packets.build_packet(store, avery, taken.request.id)
        print("built", built.packet.id, taken.request.id, flush=True)
        sent, entry = packets.mark_sent(store, avery, taken.request.id, via="portal")
        assert entry is not None
        print("sent", sent.id, entry.id, flush=True)


def main() -> int:
    mode, user, other, client_id, count = sys.argv[1:6]
    store = practice.open_store(settings.load())
    try:
        if mode == "sign":
            sign(store, user, other, client_id, int(count))
        else:
            packet(store, user, other, client_id, int(count))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
