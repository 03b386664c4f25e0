"""Backups from the admin screen: `storage.backup` into the configured backup folder,
one new sub-folder per backup, and the list of existing ones with their manifest check.
Who may is `backup.manage` in access.toml (the practice admin); each backup is an audit
event (no content, the folder name), and so is a refusal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from notewright.errors import NotewrightError
from notewright.practice.store import Store, audit, require_practice_action
from notewright.records.access import Permission
from notewright.records.model import User
from notewright.settings import Settings
from notewright.storage import backup


@dataclass(frozen=True)
class BackupListing:
    name: str
    created_at: str
    ok: bool
    status: str  # "manifest verified" or what is wrong


def _may(store: Store, actor: User) -> Permission:
    return require_practice_action(store, actor, "backup.manage", "backup")


def make_backup(store: Store, actor: User, settings: Settings, folder: Path) -> str:
    perm = _may(store, actor)
    name = store.clock().strftime("backup-%Y%m%d-%H%M%S")
    dest = folder / name
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"{name}-{n}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    result = backup.backup(settings, dest)
    with store.write() as conn:
        audit(conn, store, actor, "backup.create", "backup", None, permission=perm,
              reason=f"{dest.name}; audit head {result.manifest['audit_head']['seq']}")
    return dest.name


def list_backups(store: Store, actor: User, folder: Path) -> list[BackupListing]:
    _may(store, actor)
    if not folder.is_dir():
        return []
    out = []
    for sub in sorted((p for p in folder.iterdir() if p.is_dir()), reverse=True):
        try:
            manifest = backup.read_manifest(sub)
            out.append(BackupListing(sub.name, str(manifest.get("created_at", "")), True,
                                     "manifest verified"))
        except NotewrightError as exc:
            created = datetime.fromtimestamp(sub.stat().st_mtime).isoformat(timespec="seconds")
            out.append(BackupListing(sub.name, created, False, exc.message))
    return out
