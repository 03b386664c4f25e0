"""What every workflow needs: both engines, the cipher, the access policy, a clock and
an id source (both replaceable, so the demo and the tests are deterministic)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine

from notewright.audit import AuditEvent
from notewright.errors import AccessDenied
from notewright.records import access
from notewright.records.access import AccessPolicy, Permission, load_policy
from notewright.records.model import User
from notewright.settings import Settings
from notewright.storage import audit_log
from notewright.storage.encryption import Cipher, KeyRing, load_keys
from notewright.storage.engine import make_engine


def _now() -> datetime:
    return datetime.now(UTC)


def _new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Store:
    record: Engine
    vault: Engine
    cipher: Cipher
    policy: AccessPolicy
    clock: Callable[[], datetime] = field(default=_now)
    new_id: Callable[[], str] = field(default=_new_id)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One record transaction, holding the writers' lock from its first statement.

        A refusal (`Refused`) rolls the work back and is then audited on its own, so
        that denied attempts leave a trace too.
        """
        try:
            with self.record.begin() as conn:
                audit_log.lock(conn)
                yield conn
        except Refused as refused:
            with self.record.begin() as conn:
                audit_log.append(conn, refused.event)
            raise

    @contextmanager
    def vault_write(self) -> Iterator[Connection]:
        with self.vault.begin() as conn:
            yield conn

    def close(self) -> None:
        self.record.dispose()
        self.vault.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(settings: Settings, *, keys: KeyRing | None = None) -> Store:
    return Store(record=make_engine(settings.database_url),
                 vault=make_engine(settings.vault_url),
                 cipher=Cipher(keys if keys is not None else load_keys(settings)),
                 policy=load_policy())


class Refused(AccessDenied):
    """AccessDenied that carries the audit event recording the refusal."""

    def __init__(self, message: str, event: AuditEvent) -> None:
        super().__init__(message)
        self.event = event


def acting_role(actor: User, permission: Permission | None = None) -> str:
    """The role that granted the action ("granted:<role>:<scope>"), else all roles."""
    if permission is not None and permission.reason.startswith("granted:"):
        return permission.reason.split(":")[1]
    if permission is not None and permission.break_glass:
        return "break_glass"
    return ",".join(sorted(r.value for r in actor.roles)) or "none"


def event(store: Store, actor: User | None, action: str, object_type: str,
          object_id: str | None, *, client_id: str | None = None, reason: str | None = None,
          permission: Permission | None = None, flagged: bool = False) -> AuditEvent:
    return AuditEvent(
        seq=0, at=store.clock(), actor_id=actor.id if actor else None,
        actor_role=acting_role(actor, permission) if actor else "system", action=action,
        object_type=object_type, object_id=object_id, client_id=client_id, reason=reason,
        flagged=flagged or bool(permission and permission.flagged),
    )


def audit(conn: Connection, store: Store, actor: User | None, action: str,
          object_type: str, object_id: str | None, *, client_id: str | None = None,
          reason: str | None = None, permission: Permission | None = None,
          flagged: bool = False) -> None:
    audit_log.append(conn, event(store, actor, action, object_type, object_id,
                                 client_id=client_id, reason=reason, permission=permission,
                                 flagged=flagged))


def require(store: Store, actor: User, permission: Permission, object_type: str,
            object_id: str | None, client_id: str | None = None) -> Permission:
    """Raise Refused (audited after rollback) unless `permission` allows the action."""
    if not permission.allowed:
        raise Refused(
            f"{actor.username} may not {permission.action} ({permission.reason})",
            event(store, actor, "access.denied", object_type, object_id,
                  client_id=client_id, reason=f"{permission.action}: {permission.reason}",
                  flagged=True))
    return permission


def require_practice_action(store: Store, actor: User, action: str,
                            object_type: str) -> Permission:
    """`require` for an action on the practice as a whole (user.manage, audit.view,
    backup.manage): no client, no care team."""
    return require(store, actor, access.may(store.policy, actor, action, now=store.clock()),
                   object_type, None)
