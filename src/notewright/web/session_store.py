"""Server-side state of the web app, in the record database so every worker shares it:
sign-in sessions (revocable), failed sign-ins (lockout), per-user preferences and TOTP
secrets. Its own small tables (storage/tables.py, created by migration r0003); they
hold no clinical content.

The cookie carries a random token; only its sha256 is stored, so a copy of the database
cannot be replayed as a session.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select, update

from notewright.storage.tables import web_login_failures, web_prefs, web_sessions, web_totp


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class WebSession:
    token_hash: str
    user_id: str
    csrf: str
    created_at: float
    last_seen: float
    reauth_at: float | None


def create(engine: Engine, user_id: str, now: float) -> tuple[str, WebSession]:
    token = secrets.token_urlsafe(32)
    session = WebSession(_hash(token), user_id, secrets.token_urlsafe(32), now, now, None)
    with engine.begin() as conn:
        conn.execute(insert(web_sessions).values(
            token_hash=session.token_hash, user_id=user_id, csrf=session.csrf,
            created_at=now, last_seen=now, reauth_at=None, revoked=False))
    return token, session


def load(engine: Engine, token: str) -> WebSession | None:
    with engine.connect() as conn:
        r = conn.execute(select(web_sessions).where(
            web_sessions.c.token_hash == _hash(token),
            web_sessions.c.revoked.is_(False))).mappings().first()
        conn.rollback()
    if r is None:
        return None
    return WebSession(r["token_hash"], r["user_id"], r["csrf"], r["created_at"],
                      r["last_seen"], r["reauth_at"])


def touch(engine: Engine, session: WebSession, now: float) -> None:
    with engine.begin() as conn:
        conn.execute(update(web_sessions).where(
            web_sessions.c.token_hash == session.token_hash).values(last_seen=now))


def mark_reauthenticated(engine: Engine, session: WebSession, now: float) -> None:
    with engine.begin() as conn:
        conn.execute(update(web_sessions).where(
            web_sessions.c.token_hash == session.token_hash).values(reauth_at=now,
                                                                     last_seen=now))


def revoke(engine: Engine, token_hash: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(web_sessions).where(
            web_sessions.c.token_hash == token_hash).values(revoked=True))


def revoke_all_for(engine: Engine, user_id: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(web_sessions).where(
            web_sessions.c.user_id == user_id).values(revoked=True))


# Lockout --------------------------------------------------------------------------------

def locked_until(engine: Engine, username: str) -> float:
    with engine.connect() as conn:
        r = conn.execute(select(web_login_failures.c.locked_until).where(
            web_login_failures.c.username == username)).first()
        conn.rollback()
    return float(r.locked_until) if r else 0.0


def record_failure(engine: Engine, username: str, now: float, *, after: int,
                   base: float, cap: float) -> float:
    """Count a failure; from the `after`-th on, lock for base·2^k seconds (capped)."""
    with engine.begin() as conn:
        r = conn.execute(select(web_login_failures.c.failures).where(
            web_login_failures.c.username == username)).first()
        failures = (r.failures if r else 0) + 1
        until = now + min(cap, base * 2 ** (failures - after)) if failures >= after else 0.0
        if r is None:
            conn.execute(insert(web_login_failures).values(
                username=username, failures=failures, locked_until=until))
        else:
            conn.execute(update(web_login_failures).where(
                web_login_failures.c.username == username).values(
                failures=failures, locked_until=until))
    return until


def clear_failures(engine: Engine, username: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(web_login_failures).where(
            web_login_failures.c.username == username))


# Preferences and TOTP ------------------------------------------------------------------

def get_pref(engine: Engine, user_id: str, name: str) -> str | None:
    with engine.connect() as conn:
        r = conn.execute(select(web_prefs.c.value).where(
            web_prefs.c.user_id == user_id, web_prefs.c.name == name)).first()
        conn.rollback()
    return str(r.value) if r else None


def set_pref(engine: Engine, user_id: str, name: str, value: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(web_prefs).where(web_prefs.c.user_id == user_id,
                                             web_prefs.c.name == name))
        conn.execute(insert(web_prefs).values(user_id=user_id, name=name, value=value))


def get_totp(engine: Engine, user_id: str) -> tuple[str, bytes] | None:
    with engine.connect() as conn:
        r = conn.execute(select(web_totp.c.key_id, web_totp.c.secret).where(
            web_totp.c.user_id == user_id)).first()
        conn.rollback()
    return (str(r.key_id), bytes(r.secret)) if r else None


def set_totp(engine: Engine, user_id: str, key_id: str, secret: bytes) -> None:
    with engine.begin() as conn:
        conn.execute(delete(web_totp).where(web_totp.c.user_id == user_id))
        conn.execute(insert(web_totp).values(user_id=user_id, key_id=key_id, secret=secret))
