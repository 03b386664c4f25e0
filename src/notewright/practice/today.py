"""The clinician's day: today's sessions (with their note's status) and every draft still
unsigned, the late ones marked. Metadata only: no note body is decrypted here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from notewright.practice.store import Store, audit
from notewright.records.lifecycle import LATE_ENTRY_AFTER
from notewright.records.model import Session, User
from notewright.storage import notes, records
from notewright.storage import tables as t


@dataclass(frozen=True)
class SessionLine:
    session: Session
    client_name: str
    note_id: str | None
    note_status: str | None  # None: no note yet


@dataclass(frozen=True)
class UnsignedLine:
    note_id: str
    client_name: str
    session_date: date
    updated_at: datetime
    late: bool  # signing now would make it a late entry


@dataclass(frozen=True)
class Day:
    date: date
    sessions: tuple[SessionLine, ...]
    unsigned: tuple[UnsignedLine, ...]


def practice_today(store: Store) -> date:
    with store.record.connect() as conn:
        tz = ZoneInfo(records.load_practice(conn).timezone)
        conn.rollback()
    return store.clock().astimezone(tz).date()


def my_day(store: Store, actor: User, day: date | None = None) -> Day:
    now = store.clock()
    with store.write() as conn:
        practice = records.load_practice(conn)
        tz = ZoneInfo(practice.timezone)
        day = day or now.astimezone(tz).date()
        names = {c.id: f"{c.given_name} {c.family_name}" for c in records.list_clients(conn)}
        rows = conn.execute(select(t.sessions.c.id).where(
            t.sessions.c.clinician_id == actor.id, t.sessions.c.date == day)
            .order_by(t.sessions.c.start_time)).all()
        sessions = [records.load_session(conn, r.id) for r in rows]
        by_session: dict[str, tuple[str, str]] = {}
        if sessions:
            for r in conn.execute(select(t.progress_notes.c.id, t.progress_notes.c.session_id,
                                         t.progress_notes.c.status).where(
                    t.progress_notes.c.session_id.in_([s.id for s in sessions]),
                    t.progress_notes.c.superseded_by.is_(None))):
                by_session[r.session_id] = (r.id, r.status)
        lines = tuple(SessionLine(s, names.get(s.client_id, "?"),
                                  *by_session.get(s.id, (None, None))) for s in sessions)
        unsigned = []
        for summary in notes.unsigned_for_author(conn, actor.id):
            session = records.load_session(conn, summary.session_id)
            unsigned.append(UnsignedLine(
                note_id=summary.id, client_name=names.get(summary.client_id, "?"),
                session_date=session.date, updated_at=summary.updated_at,
                late=now - session.ends_at(tz) > LATE_ENTRY_AFTER))
        audit(conn, store, actor, "today.view", "session", None,
              reason=f"{len(lines)} sessions, {len(unsigned)} unsigned")
    return Day(date=day, sessions=lines, unsigned=tuple(unsigned))


def display_names(store: Store) -> dict[str, str]:
    """User id → display name, for "signed by" columns (no clinical content)."""
    with store.record.connect() as conn:
        users = records.list_users(conn)
        conn.rollback()
    return {u.id: u.display_name for u in users}


def has_any_grant(store: Store, actor: User, action: str) -> bool:
    """Whether any of the actor's roles has `action` in the matrix at some scope: decides
    whether a screen is offered at all (the workflow still checks the specific client)."""
    return any(action in store.policy.grants.get(role, {}) for role in actor.roles)
