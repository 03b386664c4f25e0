"""Break-the-glass: emergency access to one client's ordinary record (164.312(a)(2)(ii)).

A reason is required, the grant is time-boxed (access.toml), and opening it and every
read through it are flagged in the audit log for the privacy officer. It never reaches
psychotherapy notes (records.access enforces that, whatever the data file says).
"""

from __future__ import annotations

from datetime import timedelta

from notewright.errors import InvalidInput
from notewright.practice.store import Store, audit, require
from notewright.records import access
from notewright.records.model import BreakGlass, User
from notewright.storage import records

MIN_REASON = 10


def break_glass(store: Store, actor: User, client_id: str, reason: str) -> BreakGlass:
    if len(reason.strip()) < MIN_REASON:
        raise InvalidInput(f"say why, in at least {MIN_REASON} characters", field="reason")
    now = store.clock()
    with store.write() as conn:
        records.load_client(conn, client_id)
        team = records.care_team(conn, client_id)
        perm = require(store, actor, access.may_break_glass(store.policy, actor, team, now=now),
                       "client", client_id, client_id)
        grant = BreakGlass(id=store.new_id(), user_id=actor.id, client_id=client_id,
                           reason=reason.strip(), opened_at=now,
                           expires_at=now + timedelta(minutes=store.policy.break_glass_minutes))
        records.insert_break_glass(conn, grant)
        audit(conn, store, actor, "break_glass.open", "client", client_id, client_id=client_id,
              reason=grant.reason, permission=perm, flagged=True)
    return grant
