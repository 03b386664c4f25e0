"""Administrator commands: init, db upgrade, users, audit verify, keys, backup/restore.

Registers the record commands too (cli/record_commands.py), since only this module is
listed in the dispatcher. Handlers import what they need when they run, so
`notewright --help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from notewright.cli import record_commands
from notewright.cli.acting import add_actor_option, ask_new_password, ask_password


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create the data directory, both stores, keys and the "
                       "first practice admin")
    p.add_argument("--practice", required=True, help="practice name")
    p.add_argument("--state", required=True, help="two-letter state, e.g. CA")
    p.add_argument("--timezone", default="UTC", help="IANA zone, e.g. America/Chicago")
    p.add_argument("--admin", required=True, metavar="USERNAME", help="first admin account")
    p.add_argument("--admin-name", default=None, help="admin's display name")
    p.add_argument("--requires-cosignature", action="store_true")
    p.add_argument("--part2-program", action="store_true",
                   help="the practice is a 42 CFR Part 2 program")
    p.add_argument("--demo", action="store_true",
                   help="also seed the synthetic demo practice's staff and clients")
    p.set_defaults(handler=cmd_init)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_command",
                                                                     required=True)
    db.add_parser("upgrade", help="run migrations on the record and the vault"
                  ).set_defaults(handler=cmd_db_upgrade)

    users = sub.add_parser("user", help="accounts").add_subparsers(dest="user_command",
                                                                   required=True)
    p = users.add_parser("add", help="add an account")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="display name")
    p.add_argument("--role", action="append", required=True,
                   help="clinician, supervisor, biller, front_desk, practice_admin "
                   "(repeat for several)")
    p.add_argument("--supervises", action="append", default=[], metavar="USERNAME")
    add_actor_option(p)
    p.set_defaults(handler=cmd_user_add)
    p = users.add_parser("list", help="list accounts")
    add_actor_option(p)
    p.set_defaults(handler=cmd_user_list)
    p = users.add_parser("disable", help="disable an account (kept for the audit trail)")
    p.add_argument("username")
    add_actor_option(p)
    p.set_defaults(handler=cmd_user_disable)
    p = users.add_parser("enable", help="let a disabled account sign in again")
    p.add_argument("username")
    add_actor_option(p)
    p.set_defaults(handler=cmd_user_enable)
    p = users.add_parser("reset-password",
                         help="set a temporary password for someone locked out (flagged in "
                         "the audit log; new password from NOTEWRIGHT_NEW_PASSWORD or a "
                         "prompt)")
    p.add_argument("username")
    add_actor_option(p)
    p.set_defaults(handler=cmd_user_reset_password)
    p = users.add_parser("reset-two-step",
                         help="remove someone's authenticator app (a lost phone); flagged")
    p.add_argument("username")
    add_actor_option(p)
    p.set_defaults(handler=cmd_user_reset_two_step)
    p = users.add_parser("password", help="change your own password (new one from "
                         "NOTEWRIGHT_NEW_PASSWORD or a prompt)")
    add_actor_option(p)
    p.set_defaults(handler=cmd_user_password)

    audit = sub.add_parser("audit", help="audit log").add_subparsers(dest="audit_command",
                                                                     required=True)
    audit.add_parser("verify", help="check the whole hash chain; exit 1 and name the first "
                     "bad event").set_defaults(handler=cmd_audit_verify)

    keys = sub.add_parser("keys", help="encryption keys").add_subparsers(dest="keys_command",
                                                                         required=True)
    keys.add_parser("rotate", help="new active keys; re-encrypt in batches, no downtime"
                    ).set_defaults(handler=cmd_keys_rotate)
    p = keys.add_parser("backup", help="copy the key file (mode 0600) for safekeeping apart "
                        "from data backups")
    p.add_argument("dir", type=Path)
    p.set_defaults(handler=cmd_keys_backup)

    p = sub.add_parser("backup", help="consistent online backup of both stores + manifest")
    p.add_argument("dir", type=Path)
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="verify a backup's manifest, restore both stores, "
                       "verify the result")
    p.add_argument("dir", type=Path)
    p.add_argument("--force", action="store_true", help="replace existing stores")
    p.set_defaults(handler=cmd_restore)

    record_commands.register(sub)


def _err(line: str) -> None:
    sys.stderr.write(f"notewright: {line}\n")


def cmd_init(args: argparse.Namespace) -> int:
    from notewright import settings
    from notewright.practice import init_practice, open_store
    from notewright.practice.users import is_initialized
    from notewright.records.model import Practice
    from notewright.storage import encryption, migrations

    s = settings.load()
    s.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    ring = encryption.load_keys(s) if s.keys_from_env else None
    if ring is None:
        if s.key_file.exists():
            raise_exists(f"key file {s.key_file} already exists")
        ring = encryption.KeyRing.generate()
    password = ask_password(f"Password for {args.admin}: ")
    store = open_store(s, keys=ring)
    try:
        migrations.upgrade(store.record, "record")
        migrations.upgrade(store.vault, "vault")
        if is_initialized(store):
            raise_exists(f"the record at {settings._hide_password(s.database_url)} already "
                         "holds a practice")
        if not s.keys_from_env:
            encryption.write_key_file(s.key_file, ring)
        practice = Practice(name=args.practice, state=args.state.upper(),
                            is_part2_program=args.part2_program,
                            requires_cosignature=args.requires_cosignature,
                            timezone=args.timezone)
        if args.demo:
            from notewright.storage import demo

            demo.seed(store, practice_=practice, admin_username=args.admin,
                      admin_password=password)
        else:
            init_practice(store, practice, username=args.admin,
                          display_name=args.admin_name or args.admin, password=password)
    finally:
        store.close()
    from notewright.storage.engine import is_sqlite, sqlite_path

    for url in (s.database_url, s.vault_url):
        if is_sqlite(url):  # PHI files: owner only, like the key file
            sqlite_path(url).chmod(0o600)
    print(f"initialized {s.data_dir}")
    if not s.keys_from_env:
        print(f"keys: {s.key_file} (mode 0600). Back it up NOW, apart from data backups: "
              "without it the record cannot be read.")
    return 0


def raise_exists(what: str) -> None:
    from notewright.errors import Conflict

    raise Conflict(f"{what}; refusing to initialize twice (nothing was changed)")


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from notewright import settings
    from notewright.storage import migrations
    from notewright.storage.engine import make_engine

    s = settings.load()
    for store, url in (("record", s.database_url), ("vault", s.vault_url)):
        engine = make_engine(url)
        try:
            migrations.upgrade(engine, store)
            print(f"{store}: at {migrations.current(engine)}")
        finally:
            engine.dispose()
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.errors import InvalidInput
    from notewright.practice import add_user
    from notewright.records.model import Role

    try:
        roles = [Role(r) for r in args.role]
    except ValueError as exc:
        raise InvalidInput(str(exc), field="--role", allowed=[r.value for r in Role]) from None
    with open_store() as store:
        who = actor(store, args)
        password = ask_new_password(f"Password for new user {args.username}: ")
        user = add_user(store, who, username=args.username, display_name=args.name,
                        roles=roles, password=password, supervisor_of=args.supervises)
    print(f"{user.username}\t{user.id}")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import list_users

    with open_store() as store:
        for u in list_users(store, actor(store, args)):
            roles = ",".join(sorted(r.value for r in u.roles))
            print(f"{u.username}\t{u.display_name}\t{roles}\t"
                  f"{'active' if u.active else 'disabled'}")
    return 0


def cmd_user_enable(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import enable_user

    with open_store() as store:
        user = enable_user(store, actor(store, args), args.username)
    print(f"enabled {user.username}")
    return 0


def cmd_user_reset_password(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import reset_password

    with open_store() as store:
        who = actor(store, args)
        user = reset_password(store, who, args.username,
                              ask_new_password(f"Temporary password for {args.username}: "))
    print(f"temporary password set for {user.username}; their sessions were ended")
    return 0


def cmd_user_reset_two_step(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import reset_two_step

    with open_store() as store:
        user = reset_two_step(store, actor(store, args), args.username)
    print(f"authenticator removed for {user.username}; they can enrol a new one")
    return 0


def cmd_user_password(args: argparse.Namespace) -> int:
    from notewright.cli.acting import open_store
    from notewright.practice import authenticate, change_password

    with open_store() as store:
        current = ask_password(f"Current password for {args.as_user}: ")
        who = authenticate(store, args.as_user, current)
        change_password(store, who, current=current, new=ask_new_password("New password: "))
    print("password changed; every session of this account was ended")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import disable_user

    with open_store() as store:
        user = disable_user(store, actor(store, args), args.username)
    print(f"disabled {user.username}")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from notewright import settings
    from notewright.storage import audit_log
    from notewright.storage.engine import make_engine, require_existing

    url = settings.load().database_url
    require_existing(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            result = audit_log.verify(conn)
            head = audit_log.head(conn)
            conn.rollback()
    finally:
        engine.dispose()
    if not result.ok:
        _err(result.describe())
        return 1
    # The head hash is worth writing down elsewhere: it anchors the whole chain.
    print(f"{result.describe()}; head {head.last_seq} {head.last_hash}")
    return 0


def _system_event(action: str, reason: str) -> None:
    from notewright.cli.acting import open_store
    from notewright.practice.store import audit

    with open_store() as store, store.write() as conn:
        audit(conn, store, None, action, "practice", "1", reason=reason)


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    from notewright import settings
    from notewright.storage.encryption import Cipher
    from notewright.storage.engine import make_engine
    from notewright.storage.rotation import new_key_file, reencrypt_all

    s = settings.load()
    ring = new_key_file(s)
    record, vault = make_engine(s.database_url), make_engine(s.vault_url)
    try:
        counts = reencrypt_all(record, vault, Cipher(ring))
    finally:
        record.dispose()
        vault.dispose()
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    _system_event("keys.rotate", f"active {ring.record.active}/{ring.vault.active}; {summary}")
    print(f"new keys {ring.record.active} (record), {ring.vault.active} (vault); "
          f"re-encrypted: {summary}")
    print("old keys stay in the key file so older backups remain readable; back the key "
          "file up again now.")
    return 0


def cmd_keys_backup(args: argparse.Namespace) -> int:
    import os
    import shutil

    from notewright import settings

    s = settings.load()
    args.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    dest = args.dir / s.key_file.name
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, s.key_file.open("rb") as src:
        shutil.copyfileobj(src, out)
    print(f"key file copied to {dest} (mode 0600)")
    _err("WARNING: keep this copy apart from data backups; anyone holding both can read "
         "every note")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from notewright import settings
    from notewright.storage.backup import backup

    result = backup(settings.load(), args.dir)
    _system_event("backup.create", f"audit head {result.manifest['audit_head']['seq']}")
    for name, info in result.manifest["files"].items():
        print(f"{name}\t{info['bytes']} bytes\tsha256 {info['sha256']}")
    _err(f"WARNING: {result.warning}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from notewright import settings
    from notewright.storage.backup import restore
    from notewright.storage.encryption import Cipher, load_keys

    s = settings.load()
    manifest = restore(s, args.dir, Cipher(load_keys(s)), force=args.force)
    _system_event("backup.restore", f"from backup taken {manifest['created_at']}")
    print(f"restored and verified: audit head {manifest['audit_head']['seq']}, schema "
          f"{manifest['schema']['record']}/{manifest['schema']['vault']}")
    return 0
