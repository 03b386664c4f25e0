"""Checks a screen makes before it reads a form: whether the actor may take an action on
a client's records (their care team, from the access data file). A refusal is audited
exactly as the workflows audit theirs; the workflows still check again."""

from __future__ import annotations

from notewright.practice.store import Store, require
from notewright.records import access
from notewright.records.model import User
from notewright.storage import records
from notewright.storage import records_requests as request_rows


def may_for_client(store: Store, actor: User, action: str, client_id: str) -> bool:
    """Whether the actor may; nothing is audited (to decide what a screen offers)."""
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        conn.rollback()
    return access.may(store.policy, actor, action, team, now=store.clock()).allowed


def require_for_client(store: Store, actor: User, action: str, client_id: str, *,
                       object_type: str = "client", object_id: str | None = None) -> None:
    """Raise Refused (audited) unless the actor may take `action` on the client."""
    with store.write() as conn:
        team = records.care_team(conn, client_id)
        require(store, actor, access.may(store.policy, actor, action, team,
                                         now=store.clock()),
                object_type, object_id if object_id is not None else client_id, client_id)


def require_for_request(store: Store, actor: User, action: str, request_id: str) -> None:
    """Raise Refused (audited) unless the actor may take `action` on the request's client."""
    with store.write() as conn:
        req = request_rows.load_request(conn, store.cipher, request_id)
        team = records.care_team(conn, req.client_id)
        require(store, actor, access.may(store.policy, actor, action, team,
                                         now=store.clock()),
                "records_request", request_id, req.client_id)
