"""The web app's own knobs, read once by `create_app` (like `notewright.settings`).

    NOTEWRIGHT_IDLE_MINUTES      sign out after this many idle minutes (default 15;
                                 decimals allowed, e.g. 0.05 for tests)
    NOTEWRIGHT_REAUTH_MINUTES    password re-entry before psychotherapy notes is valid
                                 this long (default 5)
    NOTEWRIGHT_COOKIE_SECURE     auto (Secure when the request came over https, the
                                 default), always, or never
    NOTEWRIGHT_LOCKOUT_AFTER     failed sign-ins before a lockout (default 5)
    NOTEWRIGHT_BACKUP_DIR        where the admin's Backups page writes (default
                                 <data dir>/backups)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from notewright.errors import ConfigurationError


@dataclass(frozen=True)
class WebConfig:
    idle_seconds: float = 15 * 60
    reauth_seconds: float = 5 * 60
    cookie_secure: str = "auto"  # auto | always | never
    lockout_after: int = 5
    lockout_base_seconds: float = 30.0  # doubles with each further failure
    lockout_max_seconds: float = 15 * 60
    backup_dir: Path | None = None  # None: <data dir>/backups


def _number(env: Mapping[str, str], name: str, default: float, low: float,
            high: float) -> float:
    raw = env.get("NOTEWRIGHT_" + name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"NOTEWRIGHT_{name}: {raw!r} is not a number") from None
    if not low <= value <= high:
        raise ConfigurationError(f"NOTEWRIGHT_{name}: must be between {low:g} and {high:g}")
    return value


def load(env: Mapping[str, str] | None = None) -> WebConfig:
    env = os.environ if env is None else env
    secure = env.get("NOTEWRIGHT_COOKIE_SECURE", "auto")
    if secure not in ("auto", "always", "never"):
        raise ConfigurationError("NOTEWRIGHT_COOKIE_SECURE: use auto, always or never")
    return WebConfig(
        idle_seconds=_number(env, "IDLE_MINUTES", 15, 0.01, 24 * 60) * 60,
        reauth_seconds=_number(env, "REAUTH_MINUTES", 5, 0.01, 60) * 60,
        cookie_secure=secure,
        lockout_after=int(_number(env, "LOCKOUT_AFTER", 5, 1, 100)),
        backup_dir=Path(env["NOTEWRIGHT_BACKUP_DIR"]).expanduser()
        if env.get("NOTEWRIGHT_BACKUP_DIR") else None,
    )
