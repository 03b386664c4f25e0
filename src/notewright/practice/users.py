"""Setting up the practice, its accounts and signing in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, select, update

from notewright.errors import AccessDenied, Conflict, InvalidInput, NotFound
from notewright.practice.store import Store, audit, require_practice_action
from notewright.records.model import Practice, Role, User
from notewright.storage import records, tables

_hasher = PasswordHasher()
MIN_PASSWORD = 12


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"must be at least {MIN_PASSWORD} characters", field="password")


def _check_username(username: str) -> None:
    if not username or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise InvalidInput("letters, digits, '.', '-' and '_' only", field="username")


def is_initialized(store: Store) -> bool:
    with store.record.connect() as conn:
        found = conn.execute(select(tables.practice.c.id)).first() is not None
        conn.rollback()
    return found


def init_practice(store: Store, practice: Practice, *, username: str, display_name: str,
                  password: str) -> User:
    """The practice row and its first practice admin; refuses a second time."""
    _check_username(username)
    _check_password(password)
    with store.write() as conn:
        if conn.execute(select(tables.practice.c.id)).first() is not None:
            raise Conflict("this database already holds a practice; nothing was changed")
        records.save_practice(conn, practice)
        admin = User(id=store.new_id(), username=username, display_name=display_name,
                     roles=frozenset({Role.PRACTICE_ADMIN}))
        records.insert_user(conn, admin, password_hash=_hasher.hash(password),
                            at=store.clock())
        audit(conn, store, None, "practice.init", "practice", "1")
        audit(conn, store, None, "user.create", "user", admin.id,
              reason="first practice admin")
    return admin


def authenticate(store: Store, username: str, password: str) -> User:
    """The active user with this password; one message for every failure (no oracle).

    The slow hash check runs outside the writers' lock; only a failure writes."""
    user: User | None = None
    ok = False
    with store.record.connect() as conn:
        try:
            user, stored = records.load_user(conn, username=username)
            _hasher.verify(stored, password)
            ok = user.active
        except (NotFound, VerificationError, InvalidHashError):
            ok = False
        conn.rollback()
    if ok and user is not None:
        return user
    with store.write() as conn:
        audit(conn, store, user, "login.failed", "user", user.id if user else None,
              reason="unknown user, wrong password or disabled account", flagged=True)
    raise AccessDenied("unknown user, wrong password or disabled account")


def add_user(store: Store, actor: User, *, username: str, display_name: str,
             roles: Iterable[Role], password: str,
             supervisor_of: Iterable[str] = ()) -> User:
    _check_username(username)
    _check_password(password)
    role_set = frozenset(roles)
    if not role_set:
        raise InvalidInput("give at least one role", field="roles",
                           allowed=[r.value for r in Role])
    with store.write() as conn:
        perm = require_practice_action(store, actor, "user.manage", "user")
        if conn.execute(select(tables.users.c.id)
                        .where(tables.users.c.username == username)).first():
            raise Conflict(f"username {username} is taken")
        supervisee_ids = frozenset(records.load_user(conn, username=name)[0].id
                                   for name in supervisor_of)
        if supervisee_ids and Role.SUPERVISOR not in role_set:
            raise InvalidInput("only a supervisor has supervisees", field="supervisor_of")
        user = User(id=store.new_id(), username=username, display_name=display_name,
                    roles=role_set, supervisor_of=supervisee_ids)
        records.insert_user(conn, user, password_hash=_hasher.hash(password),
                            at=store.clock())
        audit(conn, store, actor, "user.create", "user", user.id, permission=perm,
              reason="roles: " + ",".join(sorted(r.value for r in role_set)))
    return user


def list_users(store: Store, actor: User) -> list[User]:
    with store.write() as conn:
        perm = require_practice_action(store, actor, "user.manage", "user")
        users = records.list_users(conn)
        audit(conn, store, actor, "user.list", "user", None, permission=perm)
    return users


def disable_user(store: Store, actor: User, username: str) -> User:
    with store.write() as conn:
        perm = require_practice_action(store, actor, "user.manage", "user")
        user, _ = records.load_user(conn, username=username)
        if user.id == actor.id:
            raise InvalidInput("you cannot disable your own account", field="username")
        records.set_user_active(conn, user.id, False)
        _sign_out_everywhere(conn, user.id)
        audit(conn, store, actor, "user.disable", "user", user.id, permission=perm)
    return user


def enable_user(store: Store, actor: User, username: str) -> User:
    """Let a disabled account sign in again (the admin gives it a new password as needed)."""
    with store.write() as conn:
        perm = require_practice_action(store, actor, "user.manage", "user")
        user, _ = records.load_user(conn, username=username)
        records.set_user_active(conn, user.id, True)
        audit(conn, store, actor, "user.enable", "user", user.id, permission=perm)
    return replace(user, active=True)


def _sign_out_everywhere(conn: Connection, user_id: str) -> None:
    # A changed or reset password ends every open web session of that account: whoever
    # knew the old one must not keep a signed-in browser.
    conn.execute(update(tables.web_sessions).where(tables.web_sessions.c.user_id == user_id)
                 .values(revoked=True))


def change_password(store: Store, user: User, *, current: str, new: str) -> None:
    """The user's own change: the current password first, then a new, different one."""
    _check_password(new)
    if new == current:
        raise InvalidInput("choose a password different from the current one",
                           field="new_password")
    authenticate(store, user.username, current)
    with store.write() as conn:
        records.set_password_hash(conn, user.id, _hasher.hash(new))
        _sign_out_everywhere(conn, user.id)
        audit(conn, store, user, "user.password_change", "user", user.id)


def reset_password(store: Store, actor: User, username: str, new: str) -> User:
    """A practice admin sets a temporary password for someone locked out of their
    account; audited and flagged, because it is also how an account would be taken over."""
    _check_password(new)
    with store.write() as conn:
        perm = require_practice_action(store, actor, "user.manage", "user")
        user, _ = records.load_user(conn, username=username)
        records.set_password_hash(conn, user.id, _hasher.hash(new))
        _sign_out_everywhere(conn, user.id)
        audit(conn, store, actor, "user.password_reset", "user", user.id, permission=perm,
              flagged=True)
    return user


def reset_two_step(store: Store, actor: User, username: str) -> User:
    """Remove a user's authenticator (a lost phone): they sign in with their password and
    enrol a new one from their account page. Audited and flagged."""
    with store.write() as conn:
        perm = require_practice_action(store, actor, "user.manage", "user")
        user, _ = records.load_user(conn, username=username)
        conn.execute(delete(tables.web_totp).where(tables.web_totp.c.user_id == user.id))
        _sign_out_everywhere(conn, user.id)
        audit(conn, store, actor, "user.two_step_reset", "user", user.id, permission=perm,
              flagged=True)
    return user


def set_roles(store: Store, actor: User, username: str, roles: Iterable[Role]) -> User:
    """Replace a user's roles (at least one). An admin cannot take away their own
    practice_admin role, and supervisees stay only with the supervisor role."""
    role_set = frozenset(roles)
    if not role_set:
        raise InvalidInput("give at least one role", field="roles",
                           allowed=[r.value for r in Role])
    with store.write() as conn:
        perm = require_practice_action(store, actor, "user.manage", "user")
        user, _ = records.load_user(conn, username=username)
        if user.id == actor.id and Role.PRACTICE_ADMIN not in role_set:
            raise InvalidInput("you cannot remove your own practice_admin role",
                               field="roles")
        if user.supervisor_of and Role.SUPERVISOR not in role_set:
            raise InvalidInput("this user supervises others: keep the supervisor role",
                               field="roles")
        conn.execute(update(tables.users).where(tables.users.c.id == user.id)
                     .values(roles=",".join(sorted(r.value for r in role_set))))
        audit(conn, store, actor, "user.roles", "user", user.id, permission=perm,
              reason="roles: " + ",".join(sorted(r.value for r in role_set)))
    return replace(user, roles=role_set)
