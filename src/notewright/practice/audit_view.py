"""The audit log as the practice admin reads it: the chain's verification and the latest
events. Reading the log is itself audited."""

from __future__ import annotations

from collections import deque

from notewright.audit import AuditEvent, Verification
from notewright.practice.store import Store, audit, require_practice_action
from notewright.records.model import User
from notewright.storage import audit_log


def audit_report(store: Store, actor: User, *, limit: int = 200
                 ) -> tuple[Verification, list[AuditEvent]]:
    """(verification of the whole chain, the newest `limit` events, newest first)."""
    with store.write() as conn:
        perm = require_practice_action(store, actor, "audit.view", "audit_log")
        verification = audit_log.verify(conn)
        latest: deque[AuditEvent] = deque(maxlen=limit)
        stream = audit_log.events(conn)
        try:
            latest.extend(stream)
        finally:
            stream.close()
        audit(conn, store, actor, "audit.view", "audit_log", None, permission=perm,
              reason=verification.describe())
    return verification, list(reversed(latest))
