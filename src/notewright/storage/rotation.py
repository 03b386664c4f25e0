"""`notewright keys rotate`: add new active keys, then re-encrypt in small batches.

No downtime: the new key file is written first (old key ids stay in it, so every
ciphertext stays readable throughout), other processes pick the new keys up the first
time they meet an unknown key id, and each batch is its own short transaction whose
UPDATE only applies if the row still holds the ciphertext that was read (a concurrent
autosave wins, and its fresh ciphertext is already under the new key).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, Table, select, update

from notewright.errors import ConfigurationError
from notewright.settings import Settings
from notewright.storage import tables, vault_tables
from notewright.storage.encryption import Cipher, KeyRing, load_key_file, write_key_file

# Every encrypted table of the record, with its ciphertext columns (one key id a row).
RECORD_TABLES: tuple[tuple[Table, tuple[str, ...]], ...] = (
    (tables.progress_notes, ("body",)), (tables.addenda, ("body",)),
    (tables.treatment_plans, ("body",)), (tables.authorizations, ("body",)),
    (tables.records_requests, ("body",)), (tables.request_decisions, ("body",)),
    (tables.accounting_entries, ("body",)), (tables.amendment_requests, ("body",)),
    (tables.release_packets, ("pdf", "fhir")), (tables.web_totp, ("secret",)),
)


def id_column(table: Table) -> str:
    """The row id bound into each ciphertext's associated data: the primary key."""
    return next(iter(table.primary_key.columns)).name


@dataclass
class RotationReport:
    record_key: str
    vault_key: str
    reencrypted: dict[str, int] = field(default_factory=dict)


def new_key_file(settings: Settings) -> KeyRing:
    if settings.keys_from_env:
        raise ConfigurationError("keys come from NOTEWRIGHT_RECORD_KEY/VAULT_KEY: rotate them "
                                 "in your secret store, or move them into a key file first")
    ring = load_key_file(settings.key_file).rotated()
    write_key_file(settings.key_file, ring, replace=True)
    return load_key_file(settings.key_file)


def _reencrypt(engine: Engine, table: Table, active: str, batch: int,
               convert: Callable[[dict[str, object]], tuple[str, dict[str, bytes | None]]],
               columns: tuple[str, ...] = ("body",)) -> int:
    done = 0
    skipped: set[str] = set()
    while True:
        with engine.begin() as conn:
            ident = table.c[id_column(table)]
            query = select(*table.c).where(table.c.key_id != active)
            if skipped:
                query = query.where(ident.not_in(skipped))
            rows = conn.execute(query.limit(batch)).mappings().all()
            if not rows:
                return done
            for row in rows:
                kid, blobs = convert(dict(row))
                # Only if the row still holds what was read: a concurrent save wins.
                unchanged = [table.c[c].is_(None) if row[c] is None else table.c[c] == row[c]
                             for c in columns]
                result = conn.execute(update(table).where(
                    ident == row[ident.name], table.c.key_id == row["key_id"], *unchanged
                ).values(key_id=kid, **blobs))
                if result.rowcount == 1:
                    done += 1
                else:
                    skipped.add(row[ident.name])  # changed meanwhile: re-read next batch


def reencrypt_all(record: Engine, vault: Engine, cipher: Cipher, *,
                  batch: int = 200) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table, columns in RECORD_TABLES:
        name = table.name

        def convert(row: dict[str, object], name: str = name, columns: tuple[str, ...] = columns,
                    table: Table = table) -> tuple[str, dict[str, bytes | None]]:
            rid, kid = str(row[id_column(table)]), str(row["key_id"])
            out: dict[str, bytes | None] = {}
            new_kid = cipher.ring.record.active
            for column in columns:
                blob = row[column]
                if blob is None:
                    out[column] = None
                    continue
                assert isinstance(blob, bytes)
                plain = cipher.decrypt(name, column, rid, kid, blob)
                new_kid, out[column] = cipher.encrypt(name, column, rid, plain)
            return new_kid, out

        counts[name] = _reencrypt(record, table, cipher.ring.record.active, batch, convert,
                                  columns)

    def convert_pn(row: dict[str, object]) -> tuple[str, dict[str, bytes | None]]:
        rid, author, kid, body = (str(row["id"]), str(row["author_id"]), str(row["key_id"]),
                                  row["body"])
        assert isinstance(body, bytes)
        new_kid, blob = cipher.encrypt_vault(rid, author,
                                             cipher.decrypt_vault(rid, author, kid, body))
        return new_kid, {"body": blob}

    counts["psychotherapy_notes"] = _reencrypt(vault, vault_tables.psychotherapy_notes,
                                               cipher.ring.vault.active, batch, convert_pn)
    return counts
