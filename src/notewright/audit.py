"""PURE: hash-chain audit events and verify a chain.

Each event's hash covers its own fields and the previous event's hash, so changing,
removing or reordering any event breaks every link after it; `verify` names the first
event where the chain stops matching. The chain's head (last sequence number and hash)
is kept apart from the events so that removing the newest events is caught too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: datetime
    actor_id: str | None  # None only for events before any user exists (init)
    actor_role: str
    action: str  # e.g. "progress_note.sign", "psychotherapy_note.view", "login.failed"
    object_type: str
    object_id: str | None
    client_id: str | None = None
    reason: str | None = None
    flagged: bool = False  # break-the-glass and other events for the privacy officer
    prev_hash: str = GENESIS
    hash: str = ""


def event_hash(event: AuditEvent) -> str:
    fields = asdict(event)
    fields.pop("hash")
    fields["at"] = event.at.isoformat()
    data = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def chain(event: AuditEvent, prev: AuditEvent | None) -> AuditEvent:
    """The event, numbered and linked after `prev` (None for the first event)."""
    if prev is None:
        return link(event, prev_seq=0, prev_hash=GENESIS)
    return link(event, prev_seq=prev.seq, prev_hash=prev.hash)


def link(event: AuditEvent, *, prev_seq: int, prev_hash: str) -> AuditEvent:
    """The event, numbered and linked after the chain head (0 and GENESIS when empty)."""
    linked = replace(event, seq=prev_seq + 1, prev_hash=prev_hash, hash="")
    return replace(linked, hash=event_hash(linked))


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str | None = None  # "changed", "removed", "reordered", "truncated"

    def describe(self) -> str:
        if self.ok:
            return f"audit log intact: {self.checked} events"
        return f"audit log broken at event {self.first_bad_seq}: {self.problem}"


def verify(events: Iterable[AuditEvent], *, head_seq: int | None = None,
           head_hash: str | None = None) -> Verification:
    """Check a chain read in storage order. Stops at the first bad event."""
    expected_seq = 1
    prev_hash = GENESIS
    count = 0
    for event in events:
        count += 1
        if event.seq != expected_seq:
            problem = ("removed (or reordered): expected event "
                       f"{expected_seq}, found {event.seq}")
            bad = expected_seq if event.seq > expected_seq else event.seq
            return Verification(False, count - 1, bad, problem)
        if event_hash(event) != event.hash:
            moved_from = _original_seq(event)
            if moved_from is not None:
                return Verification(False, count - 1, event.seq,
                                    f"reordered: this event was written as event "
                                    f"{moved_from}")
            return Verification(False, count - 1, event.seq,
                                "changed: its contents no longer match its hash")
        if event.prev_hash != prev_hash:
            return Verification(False, count - 1, event.seq,
                                "removed or reordered: it does not follow the event "
                                "before it")
        prev_hash = event.hash
        expected_seq += 1
    last_seq = expected_seq - 1
    if head_seq is not None and head_seq != last_seq:
        if head_seq > last_seq:
            return Verification(False, count, last_seq + 1,
                                f"removed: the log ends at {last_seq} but its head "
                                f"records {head_seq} events")
        return Verification(False, count, head_seq + 1,
                            "added after the head: events beyond the recorded head")
    if head_hash is not None and head_hash != prev_hash:
        return Verification(False, count, last_seq,
                            "changed: the last event does not match the recorded head")
    return Verification(True, count)


def _original_seq(event: AuditEvent, window: int = 64) -> int | None:
    """For a broken event: the position it was written at, if it was merely moved."""
    for seq in range(max(1, event.seq - window), event.seq + window + 1):
        if seq != event.seq and event_hash(replace(event, seq=seq)) == event.hash:
            return seq
    return None
