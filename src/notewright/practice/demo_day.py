"""Keep the synthetic demo practice alive from day to day: Dr. Avery has three sessions
today (without notes, ready for the new-note flow), and Casey has a treatment plan and an
authorization on file. Idempotent; everything here is invented."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from notewright import practice
from notewright.practice.store import Store
from notewright.records.model import Goal, Objective, Problem, User
from notewright.storage import records

TODAY_SLOTS = [(time(9, 0), time(9, 53), "individual", "90837"),
               (time(11, 0), time(11, 45), "individual", "90834"),
               (time(14, 0), time(14, 50), "family", "90847")]


def _users(store: Store) -> dict[str, User]:
    with store.record.connect() as conn:
        users = {u.username: u for u in records.list_users(conn)}
        conn.rollback()
    return users


def refresh(store: Store, *, clinician: str = "avery") -> date:
    """Today's sessions for the demo clinician (once per day) and Casey's plan (once)."""
    users = _users(store)
    avery = users[clinician]
    with store.record.connect() as conn:
        tz = ZoneInfo(records.load_practice(conn).timezone)
        conn.rollback()
    today = store.clock().astimezone(tz).date()
    clients = [c for c in practice.list_clients(store, avery)]
    clients.sort(key=lambda c: c.family_name)
    chart = practice.open_chart(store, avery, clients[0].id)
    if not any(s.date == today for s in chart.sessions):
        for client, (start, end, modality, cpt) in zip(clients, TODAY_SLOTS, strict=False):
            practice.record_session(store, avery, client_id=client.id, date=today,
                                    start=start, end=end, modality=modality, cpt_code=cpt)
    casey = next((c for c in clients if c.given_name == "Casey"), None)
    if casey is not None:
        chart = practice.open_chart(store, avery, casey.id)
        if not chart.plans:
            practice.record_treatment_plan(store, avery, casey.id, [Problem(
                "Avoidance of work calls limits job performance (synthetic)",
                (Goal("Reduce avoidance of phone calls at work", (
                    Objective("Makes two work calls a week", "self-report log",
                              date(today.year, 12, 31)),)),
                 Goal("Reduce depressive symptoms", (
                     Objective("PHQ-9 below 10", "PHQ-9", date(today.year, 12, 31)),)),
                ))])
        if not chart.authorizations:
            practice.record_authorization(store, avery, client_id=casey.id, terms={
                "covers": ["progress_notes", "treatment_plan"], "purpose": "coordination of "
                "care", "recipient": "Dr. Pat Synthetic, primary care", "signed": True,
                "expires": f"{today.year + 1}-01-31",
                "specifically_names_psychotherapy_notes": False})
    return today
