"""`notewright backup DIR` / `notewright restore DIR`.

Each store is copied consistently while the practice keeps working: SQLite through its
online backup API, PostgreSQL through pg_dump (one snapshot per database). A manifest
records each file's sha256, the schema revisions, the audit chain head and the key ids
the data needs. Keys are NOT in the backup, on purpose: a stolen backup without keys is
ciphertext. Back the key file up separately and keep it somewhere else.

Restore checks the manifest before touching anything, then restores both stores and
verifies the result: schema revision, audit chain (and its head against the manifest),
and that every ciphertext authenticates under the keys at hand.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, make_url, select

from notewright.errors import ConfigurationError, IntegrityError, InvalidInput
from notewright.settings import Settings
from notewright.storage import audit_log, migrations, vault_tables
from notewright.storage.encryption import Cipher
from notewright.storage.engine import is_sqlite, make_engine, sqlite_path
from notewright.storage.rotation import RECORD_TABLES, id_column

MANIFEST = "manifest.json"
KEY_WARNING = ("keys are NOT in this backup: back up the key file separately "
               "(`notewright keys backup DIR`) and store it apart from the data")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ConfigurationError(f"{name} not found on PATH: install the PostgreSQL client "
                                 "tools (e.g. apt install postgresql-client) to back up or "
                                 "restore a PostgreSQL store")
    return found


def _dump(url: str, dest: Path, store: str) -> Path:
    if is_sqlite(url):
        out = dest / f"{store}.sqlite3"
        src = sqlite3.connect(sqlite_path(url))
        dst = sqlite3.connect(out)
        try:
            src.backup(dst)  # a consistent snapshot, concurrent writers keep going
        finally:
            dst.close()
            src.close()
        return out
    out = dest / f"{store}.pgdump"
    subprocess.run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(out),
                    "--dbname", _libpq(url)], check=True, capture_output=True)
    return out


def _key_ids(record: Engine, vault: Engine) -> dict[str, list[str]]:
    with record.connect() as conn:
        rec = {k for t, _ in RECORD_TABLES for k in conn.execute(select(t.c.key_id).distinct())
               .scalars()}
        conn.rollback()
    with vault.connect() as conn:
        vlt = set(conn.execute(select(vault_tables.psychotherapy_notes.c.key_id).distinct())
                  .scalars())
        conn.rollback()
    return {"record": sorted(rec), "vault": sorted(vlt)}


@dataclass(frozen=True)
class BackupResult:
    directory: Path
    manifest: dict[str, Any]
    warning: str = KEY_WARNING


def backup(settings: Settings, dest: Path) -> BackupResult:
    if dest.exists() and any(dest.iterdir()):
        raise InvalidInput(f"{dest} is not empty; give a new directory", field="DIR")
    dest.mkdir(parents=True, exist_ok=True)
    record, vault = make_engine(settings.database_url), make_engine(settings.vault_url)
    try:
        with record.connect() as conn:
            head = audit_log.head(conn)
            conn.rollback()
        files = {}
        for store, url in (("record", settings.database_url), ("vault", settings.vault_url)):
            path = _dump(url, dest, store)
            files[path.name] = {"store": store, "engine": "sqlite" if is_sqlite(url)
                                else "postgresql", "sha256": _sha256(path),
                                "bytes": path.stat().st_size}
        manifest = {
            "notewright_backup": 1,
            "created_at": datetime.now(UTC).isoformat(),
            "files": files,
            "schema": {"record": migrations.current(record),
                       "vault": migrations.current(vault)},
            "audit_head": {"seq": head.last_seq, "hash": head.last_hash},
            "key_ids": _key_ids(record, vault),
            "keys_included": False,
            "attachments": _copy_attachments(settings.attachments_dir, dest / ATTACHMENTS),
        }
    finally:
        record.dispose()
        vault.dispose()
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return BackupResult(dest, manifest)


ATTACHMENTS = "attachments"


def _copy_attachments(src: Path, dest: Path) -> dict[str, str]:
    """Scanned documents live beside the databases: copied as they are (still encrypted),
    each with its hash in the manifest."""
    copied: dict[str, str] = {}
    if not src.is_dir():
        return copied
    for path in sorted(p for p in src.iterdir() if p.is_file()):
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest / path.name)
        copied[path.name] = _sha256(dest / path.name)
    return copied


def read_manifest(src: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((src / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"{src} has no {MANIFEST}; is it a notewright backup?",
                           field="DIR") from None
    except ValueError:
        raise IntegrityError(f"{src / MANIFEST} is not valid JSON") from None
    for name, info in manifest.get("files", {}).items():
        path = src / name
        if not path.exists():
            raise IntegrityError(f"backup file {name} is missing from {src}")
        if _sha256(path) != info["sha256"]:
            raise IntegrityError(f"backup file {name} does not match its manifest hash; "
                                 "do not restore from this copy")
    for name, digest in manifest.get("attachments", {}).items():
        path = src / ATTACHMENTS / name
        if not path.is_file() or _sha256(path) != digest:
            raise IntegrityError(f"scanned document {name} is missing from the backup or "
                                 "does not match its manifest hash")
    return manifest


def _load(url: str, path: Path, *, force: bool) -> None:
    if is_sqlite(url):
        target = sqlite_path(url)
        if target.exists() and not force:
            raise InvalidInput(f"{target} exists; pass --force to replace it", field="DIR")
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(path)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return
    if path.suffix != ".pgdump":
        raise InvalidInput(f"{path.name} is an SQLite backup but the target is PostgreSQL; "
                           "restore into an SQLite URL", field="DIR")
    args = [_pg_tool("pg_restore"), "--no-owner", "--dbname", _libpq(url)]
    if force:
        args[1:1] = ["--clean", "--if-exists"]
    result = subprocess.run([*args, str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        raise IntegrityError("pg_restore failed: " + result.stderr.strip().splitlines()[-1])


def restore(settings: Settings, src: Path, cipher: Cipher, *, force: bool = False
            ) -> dict[str, Any]:
    manifest = read_manifest(src)
    by_store = {info["store"]: src / name for name, info in manifest["files"].items()}
    _load(settings.database_url, by_store["record"], force=force)
    _load(settings.vault_url, by_store["vault"], force=force)
    for name in manifest.get("attachments", {}):
        target = settings.attachments_dir / name
        if target.exists() and not force:
            raise InvalidInput(f"{target} exists; pass --force to replace it", field="DIR")
        settings.attachments_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src / ATTACHMENTS / name, target)
    verify_restored(settings, cipher, manifest)
    return manifest


def verify_restored(settings: Settings, cipher: Cipher, manifest: dict[str, Any]) -> None:
    record, vault = make_engine(settings.database_url), make_engine(settings.vault_url)
    try:
        for store, engine in (("record", record), ("vault", vault)):
            if migrations.current(engine) != manifest["schema"][store]:
                raise IntegrityError(f"restored {store} is not at schema "
                                     f"{manifest['schema'][store]}")
        with record.connect() as conn:
            result = audit_log.verify(conn)
            head = audit_log.head(conn)
            rows = {(t.name, column): conn.execute(
                        select(t.c[id_column(t)], t.c.key_id, t.c[column])).all()
                    for t, columns in RECORD_TABLES for column in columns}
            conn.rollback()
        if not result.ok:
            raise IntegrityError("restored audit log: " + result.describe())
        if head.last_seq != manifest["audit_head"]["seq"] or \
                head.last_hash != manifest["audit_head"]["hash"]:
            raise IntegrityError("restored audit head differs from the manifest")
        for (name, column), found in rows.items():
            for rid, kid, blob in found:
                if blob is not None:  # every ciphertext must open with the restored keys
                    cipher.decrypt(name, column, rid, kid, blob)
        pn = vault_tables.psychotherapy_notes
        with vault.connect() as conn:
            for rid, author, kid, body in conn.execute(
                    select(pn.c.id, pn.c.author_id, pn.c.key_id, pn.c.body)):
                cipher.decrypt_vault(rid, author, kid, body)
            conn.rollback()
    finally:
        record.dispose()
        vault.dispose()
