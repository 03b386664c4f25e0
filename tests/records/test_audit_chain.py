"""The pure hash chain: any change, removal or reordering is named by sequence number."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from notewright import audit
from notewright.audit import AuditEvent

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def log(n: int = 5) -> list[AuditEvent]:
    events: list[AuditEvent] = []
    for i in range(n):
        raw = AuditEvent(seq=0, at=T0 + timedelta(minutes=i), actor_id="u-avery",
                         actor_role="clinician", action="progress_note.view",
                         object_type="progress_note", object_id=f"n{i}", client_id="c1")
        events.append(audit.chain(raw, events[-1] if events else None))
    return events


def test_intact_chain_verifies():
    events = log()
    result = audit.verify(events, head_seq=5, head_hash=events[-1].hash)
    assert result.ok and result.checked == 5


def test_changed_event_is_named():
    events = log()
    events[2] = replace(events[2], actor_id="u-blake")
    result = audit.verify(events)
    assert not result.ok and result.first_bad_seq == 3 and "changed" in (result.problem or "")


def test_removed_event_is_named():
    events = log()
    del events[1]
    result = audit.verify(events)
    assert not result.ok and result.first_bad_seq == 2 and "removed" in result.describe()


def test_removed_last_event_caught_by_the_head():
    events = log()
    result = audit.verify(events[:-1], head_seq=5, head_hash=events[-1].hash)
    assert not result.ok and result.first_bad_seq == 5


def test_reordered_events_are_named():
    events = log()
    a, b = events[1], events[2]
    events[1], events[2] = replace(b, seq=2), replace(a, seq=3)
    result = audit.verify(events)
    assert not result.ok and result.first_bad_seq == 2
    assert "reordered" in (result.problem or "")
