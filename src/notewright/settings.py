"""The only place that reads the environment. Read once at the edge (CLI entry point,
web app factory) and passed down; the core never sees it.

    NOTEWRIGHT_DATA_DIR      data directory (default: $XDG_DATA_HOME/notewright or
                             ~/.local/share/notewright)
    NOTEWRIGHT_DATABASE_URL  the clinical record (default: sqlite file record.sqlite3)
    NOTEWRIGHT_VAULT_URL     the psychotherapy-notes vault (default: sqlite file
                             vault.sqlite3); must be a different database
    NOTEWRIGHT_KEY_FILE      key file (default: <data dir>/keys.json, mode 0600)
    NOTEWRIGHT_RECORD_KEY    instead of a key file: base64 of 32 bytes for the record
    NOTEWRIGHT_VAULT_KEY     ... and a different 32 bytes for the vault
    NOTEWRIGHT_*_FILE        any of the above read from a file (container secrets)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from notewright.errors import ConfigurationError

PREFIX = "NOTEWRIGHT_"


@dataclass(frozen=True)
class Secret:
    """A value that never shows up in a repr, a log line or a traceback's locals."""

    value: str = field(repr=False)

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    vault_url: str
    key_file: Path
    record_key: Secret | None = None
    vault_key: Secret | None = None

    @property
    def keys_from_env(self) -> bool:
        return self.record_key is not None

    @property
    def attachments_dir(self) -> Path:
        """Scanned documents (authorizations, requests), encrypted, beside the stores."""
        return self.data_dir / "attachments"

    def __repr__(self) -> str:
        return (f"Settings(data_dir={str(self.data_dir)!r}, "
                f"database_url={_hide_password(self.database_url)!r}, "
                f"vault_url={_hide_password(self.vault_url)!r}, "
                f"key_file={str(self.key_file)!r}, keys_from_env={self.keys_from_env})")


def _hide_password(url: str) -> str:
    """postgresql://user:secret@host/db → postgresql://user:***@host/db"""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _, host = rest.rpartition("@")
    user, colon, _ = creds.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"


def _get(env: Mapping[str, str], name: str) -> str | None:
    """NAME, or the contents of the file named by NAME_FILE (not both)."""
    key = PREFIX + name
    direct = env.get(key)
    from_file = env.get(key + "_FILE")
    if direct is not None and from_file is not None:
        raise ConfigurationError(f"{key} and {key}_FILE are both set; keep one")
    if from_file is not None:
        try:
            return Path(from_file).read_text("utf-8").strip()
        except OSError as exc:
            raise ConfigurationError(f"{key}_FILE: cannot read {from_file} "
                                     f"({exc.strerror})") from None
    if direct is not None and not direct.strip():
        raise ConfigurationError(f"{key} is set but empty; unset it or give a value")
    return direct


def _check_url(name: str, url: str) -> str:
    if not url.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:")):
        raise ConfigurationError(
            f"{PREFIX}{name}: unsupported URL scheme {url.split(':', 1)[0]!r}; use "
            "sqlite:///path/file.sqlite3 or postgresql+psycopg://user@host/db")
    if url.startswith("postgresql:"):
        url = "postgresql+psycopg:" + url[len("postgresql:"):]
    if url in ("sqlite://", "sqlite:///:memory:"):
        raise ConfigurationError(f"{PREFIX}{name}: an in-memory database would lose the "
                                 "record on exit; give a file path")
    return url


def default_data_dir(env: Mapping[str, str]) -> Path:
    xdg = env.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path(env.get("HOME", "~")).expanduser() / ".local/share"
    return base / "notewright"


def load(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    data_dir = Path(_get(env, "DATA_DIR") or default_data_dir(env)).expanduser()
    database_url = _check_url(
        "DATABASE_URL", _get(env, "DATABASE_URL") or f"sqlite:///{data_dir / 'record.sqlite3'}")
    vault_url = _check_url(
        "VAULT_URL", _get(env, "VAULT_URL") or f"sqlite:///{data_dir / 'vault.sqlite3'}")
    if vault_url == database_url:
        raise ConfigurationError(
            f"{PREFIX}VAULT_URL must name a different database from "
            f"{PREFIX}DATABASE_URL: psychotherapy notes are kept apart from the record")
    key_file = Path(_get(env, "KEY_FILE") or data_dir / "keys.json").expanduser()
    record_key, vault_key = _get(env, "RECORD_KEY"), _get(env, "VAULT_KEY")
    if (record_key is None) != (vault_key is None):
        missing = "VAULT_KEY" if vault_key is None else "RECORD_KEY"
        raise ConfigurationError(f"{PREFIX}{missing} is not set: keys from the environment "
                                 "come as a pair (record and vault), or use a key file")
    if record_key is not None and record_key == vault_key:
        raise ConfigurationError(f"{PREFIX}VAULT_KEY must differ from {PREFIX}RECORD_KEY")
    return Settings(
        data_dir=data_dir, database_url=database_url, vault_url=vault_url,
        key_file=key_file,
        record_key=Secret(record_key) if record_key is not None else None,
        vault_key=Secret(vault_key) if vault_key is not None else None,
    )


def password_from_env(env: Mapping[str, str] | None = None) -> str | None:
    """NOTEWRIGHT_PASSWORD (or _FILE) for scripted CLI use; None means ask on the terminal."""
    return _get(os.environ if env is None else env, "PASSWORD")


def new_password_from_env(env: Mapping[str, str] | None = None) -> str | None:
    """NOTEWRIGHT_NEW_PASSWORD (or _FILE): the password a scripted command sets."""
    return _get(os.environ if env is None else env, "NEW_PASSWORD")
