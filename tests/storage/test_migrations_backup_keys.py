"""Migrations on an empty database, backup/restore round trip, key rotation."""

from __future__ import annotations

import json
import os
import stat

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from storage_cast import CONTENT, make_cast

from notewright import practice
from notewright.errors import ConfigurationError, IntegrityError
from notewright.storage import backup, encryption, migrations, tables, vault_tables
from notewright.storage.encryption import Cipher, KeyRing
from notewright.storage.engine import make_engine


def _fresh_urls(db, request, tmp_path):
    if db.kind == "sqlite":
        return (f"sqlite:///{tmp_path / 'empty-record.sqlite3'}",
                f"sqlite:///{tmp_path / 'empty-vault.sqlite3'}")
    pg = request.getfixturevalue("pg_server")
    return pg.url("record", pg.create("record")), pg.url("vault", pg.create("vault"))


def test_upgrade_on_an_empty_database_produces_exactly_the_tables(db, request, tmp_path):
    record_url, vault_url = _fresh_urls(db, request, tmp_path)
    for store, url, metadata in (("record", record_url, tables.metadata),
                                 ("vault", vault_url, vault_tables.metadata)):
        engine = make_engine(url)
        try:
            migrations.upgrade(engine, store)
            assert migrations.current(engine) == migrations.head(store)
            with engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(
                    conn, opts={"compare_type": True}), metadata)
                conn.rollback()
            assert diff == []
            migrations.upgrade(engine, store)  # idempotent
        finally:
            engine.dispose()


def test_backup_and_restore_round_trip_with_manifest(db, store, request, tmp_path):
    cast = make_cast(store)
    note = practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    practice.sign_note(store, cast.avery, note.id)
    pn = practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id,
                                           text="synthetic process note")
    result = backup.backup(db.settings, tmp_path / "bk")
    assert "NOT in this backup" in result.warning and result.manifest["keys_included"] is False
    assert sorted(i["store"] for i in result.manifest["files"].values()) == ["record", "vault"]
    assert not any("key" in name for name in os.listdir(tmp_path / "bk"))
    # Restore into brand-new, empty stores and read everything back.
    record_url, vault_url = _fresh_urls(db, request, tmp_path / "restored") \
        if db.kind == "postgresql" else (f"sqlite:///{tmp_path / 'r.sqlite3'}",
                                         f"sqlite:///{tmp_path / 'v.sqlite3'}")
    from dataclasses import replace
    target = replace(db.settings, database_url=record_url, vault_url=vault_url)
    backup.restore(target, tmp_path / "bk", store.cipher)
    again = practice.open_store(target)
    try:
        shown, _ = practice.show_note(again, cast.avery, note.id)
        assert shown.content == CONTENT
        assert practice.read_psychotherapy_note(again, cast.avery, pn.id).text == \
            "synthetic process note"
    finally:
        again.close()


def test_restore_refuses_a_backup_that_does_not_match_its_manifest(db, store, tmp_path):
    make_cast(store)
    result = backup.backup(db.settings, tmp_path / "bk")
    name = next(iter(result.manifest["files"]))
    with (tmp_path / "bk" / name).open("ab") as fh:
        fh.write(b"x")
    with pytest.raises(IntegrityError, match=name):
        backup.read_manifest(tmp_path / "bk")


def test_restore_verifies_keys_and_audit_chain(db, store, tmp_path):
    cast = make_cast(store)
    practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    backup.backup(db.settings, tmp_path / "bk")
    wrong = Cipher(KeyRing.generate())
    with pytest.raises((IntegrityError, ConfigurationError)):
        backup.restore(db.settings, tmp_path / "bk", wrong, force=True)


def test_rotation_reencrypts_everything_and_old_ciphertexts_stay_readable_meanwhile(
        db, store, tmp_path):
    cast = make_cast(store)
    note = practice.save_draft(store, cast.avery, session_id=cast.session.id, content=CONTENT)
    pn = practice.write_psychotherapy_note(store, cast.avery, client_id=cast.casey.id,
                                           text="synthetic")
    key_file = tmp_path / "keys.json"
    encryption.write_key_file(key_file, store.cipher.ring)
    from dataclasses import replace

    from notewright.storage.rotation import new_key_file, reencrypt_all
    file_settings = replace(db.settings, key_file=key_file, record_key=None, vault_key=None)
    old_ring = store.cipher.ring
    ring = new_key_file(file_settings)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert set(old_ring.record.keys) < set(ring.record.keys)
    counts = reencrypt_all(store.record, store.vault, Cipher(ring), batch=1)
    assert counts["progress_notes"] == 1 and counts["psychotherapy_notes"] == 1
    with store.record.connect() as conn:
        kids = set(conn.execute(select(tables.progress_notes.c.key_id)).scalars())
        conn.rollback()
    assert kids == {ring.record.active}
    # A process still holding the old ring re-reads the key file on an unknown key id.
    stale = practice.open_store(file_settings, keys=encryption.load_key_file(key_file))
    stale.cipher.ring.record = old_ring.record
    stale.cipher.ring.vault = old_ring.vault
    try:
        assert practice.show_note(stale, cast.avery, note.id)[0].content == CONTENT
        assert practice.read_psychotherapy_note(stale, cast.avery, pn.id).text == "synthetic"
    finally:
        stale.close()


def test_key_file_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "keys.json"
    encryption.write_key_file(path, KeyRing.generate())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    with pytest.raises(ConfigurationError, match="chmod 600"):
        encryption.load_key_file(path)
    path.chmod(0o600)
    with pytest.raises(ConfigurationError, match="already exists"):
        encryption.write_key_file(path, KeyRing.generate())
    doc = json.loads(path.read_text())
    assert "record" in doc and "vault" in doc


def test_sqlite_pragmas(sqlite_templates):
    engine = make_engine(f"sqlite:///{sqlite_templates['record']}")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30_000
            conn.rollback()
    finally:
        engine.dispose()


def test_backup_carries_scanned_documents_and_restore_puts_them_back(db, store, tmp_path):
    from dataclasses import replace

    from notewright.practice import attachments

    make_cast(store)
    source = replace(db.settings, data_dir=tmp_path / "data")
    scan = b"%PDF-1.4 synthetic signed authorization"
    ref, digest = attachments.save(store.cipher, source.attachments_dir, scan)
    result = backup.backup(source, tmp_path / "bk")
    [name] = result.manifest["attachments"]
    assert ref.split(":")[-1] in name
    stored = tmp_path / "bk" / backup.ATTACHMENTS / name
    assert scan not in stored.read_bytes()  # still encrypted in the backup
    # A missing or altered scan makes the backup unusable, loudly.
    stored.write_bytes(stored.read_bytes() + b"x")
    with pytest.raises(IntegrityError, match="scanned document"):
        backup.read_manifest(tmp_path / "bk")
    stored.write_bytes(stored.read_bytes()[:-1])
    target = replace(source, data_dir=tmp_path / "elsewhere")
    backup.restore(target, tmp_path / "bk", store.cipher, force=True)
    assert attachments.load(store.cipher, target.attachments_dir, ref, digest) == scan
