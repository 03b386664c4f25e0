"""The append-only, hash-chained audit log in the record database.

Writers are serialized by the single `audit_head` row: on PostgreSQL every write
transaction takes it with SELECT … FOR UPDATE first (so the lock order is always the
same and no deadlock can form); on SQLite BEGIN IMMEDIATE already serializes writers.
Either way the chain is linear: each event links to the one committed just before it.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from sqlalchemy import Connection, RowMapping, insert, select, update

from notewright import audit
from notewright.audit import AuditEvent, Verification
from notewright.storage.tables import audit_events, audit_head


@dataclass(frozen=True)
class Head:
    last_seq: int
    last_hash: str


def ensure_head(conn: Connection) -> None:
    if conn.execute(select(audit_head.c.id)).first() is None:
        conn.execute(insert(audit_head).values(id=1, last_seq=0, last_hash=audit.GENESIS))


def lock(conn: Connection) -> Head:
    """Take the writers' lock (a no-op wait on SQLite, which already holds it)."""
    query = select(audit_head.c.last_seq, audit_head.c.last_hash).where(audit_head.c.id == 1)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise RuntimeError("audit_head row missing: run `notewright db upgrade`")
    return Head(row.last_seq, row.last_hash)


def append(conn: Connection, event: AuditEvent) -> AuditEvent:
    """Link `event` after the head and store it, in the caller's transaction."""
    head = lock(conn)
    linked = audit.link(event, prev_seq=head.last_seq, prev_hash=head.last_hash)
    conn.execute(insert(audit_events).values(_to_row(linked)))
    conn.execute(update(audit_head).where(audit_head.c.id == 1)
                 .values(last_seq=linked.seq, last_hash=linked.hash))
    return linked


def _to_row(e: AuditEvent) -> dict[str, object]:
    return {"seq": e.seq, "at": e.at, "actor_id": e.actor_id, "actor_role": e.actor_role,
            "action": e.action, "object_type": e.object_type, "object_id": e.object_id,
            "client_id": e.client_id, "reason": e.reason, "flagged": e.flagged,
            "prev_hash": e.prev_hash, "hash": e.hash}


def _from_row(r: RowMapping) -> AuditEvent:
    return AuditEvent(seq=r["seq"], at=r["at"], actor_id=r["actor_id"],
                      actor_role=r["actor_role"], action=r["action"],
                      object_type=r["object_type"], object_id=r["object_id"],
                      client_id=r["client_id"], reason=r["reason"],
                      flagged=bool(r["flagged"]), prev_hash=r["prev_hash"], hash=r["hash"])


def events(conn: Connection, *, client_id: str | None = None,
           flagged_only: bool = False) -> Generator[AuditEvent, None, None]:
    query = select(audit_events).order_by(audit_events.c.seq)
    if client_id is not None:
        query = query.where(audit_events.c.client_id == client_id)
    if flagged_only:
        query = query.where(audit_events.c.flagged.is_(True))
    result = conn.execute(query.execution_options(yield_per=2000))
    try:
        for row in result.mappings():
            yield _from_row(row)
    finally:
        result.close()  # a server-side cursor on PostgreSQL: release it even if stopped early


def verify(conn: Connection) -> Verification:
    """Check the whole chain against itself and against the head."""
    head = conn.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                        .where(audit_head.c.id == 1)).first()
    stream = events(conn)
    try:
        return audit.verify(stream, head_seq=head.last_seq if head else None,
                            head_hash=head.last_hash if head else None)
    finally:
        stream.close()


def head(conn: Connection) -> Head:
    row = conn.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                       .where(audit_head.c.id == 1)).one()
    return Head(row.last_seq, row.last_hash)
