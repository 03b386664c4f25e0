"""The administrator CLI through main(argv), on an SQLite data directory."""

from __future__ import annotations

import json
import stat

import pytest
from argon2 import PasswordHasher

from notewright.cli import main

PW = "synthetic-password-1"


@pytest.fixture
def env(tmp_path, monkeypatch):
    for key in ("NOTEWRIGHT_DATABASE_URL", "NOTEWRIGHT_VAULT_URL", "NOTEWRIGHT_KEY_FILE",
                "NOTEWRIGHT_RECORD_KEY", "NOTEWRIGHT_VAULT_KEY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("NOTEWRIGHT_DATA_DIR", str(tmp_path / "nw"))
    monkeypatch.setenv("NOTEWRIGHT_PASSWORD", PW)
    monkeypatch.setenv("NOTEWRIGHT_NEW_PASSWORD", PW)
    from notewright.practice import users
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64,
                                                         parallelism=1))
    return tmp_path / "nw"


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io
        import sys
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out.strip(), out.err.strip()


def test_init_creates_both_stores_and_a_private_key_file_and_refuses_twice(env, capsys):
    code, out, _ = run(capsys, "init", "--practice", "Quinn Counseling", "--state", "CA",
                       "--admin", "alex")
    assert code == 0 and "Back it up" in out
    assert {p.name for p in env.iterdir()} >= {"record.sqlite3", "vault.sqlite3", "keys.json"}
    assert stat.S_IMODE((env / "keys.json").stat().st_mode) == 0o600
    code, _, err = run(capsys, "init", "--practice", "X", "--state", "CA", "--admin", "alex")
    assert code == 1 and "refusing to initialize twice" in err


def test_the_whole_admin_flow(env, capsys, monkeypatch, tmp_path):
    assert run(capsys, "init", "--practice", "Q", "--state", "CA", "--admin", "alex")[0] == 0
    assert run(capsys, "user", "add", "avery", "--name", "Dr. Avery Quinn", "--role",
               "clinician", "--as", "alex")[0] == 0
    assert run(capsys, "user", "add", "blake", "--name", "Dr. Blake Moreno", "--role",
               "clinician", "--as", "alex")[0] == 0
    code, out, _ = run(capsys, "user", "list", "--as", "alex")
    assert code == 0 and "avery" in out and "blake" in out
    _, client, _ = run(capsys, "client", "add", "--given", "Casey", "--family", "Rivera",
                       "--dob", "1991-04-12", "--state", "CA", "--as", "avery")
    assert run(capsys, "client", "list", "--as", "blake")[1] == ""
    _, session, _ = run(capsys, "session", "add", client, "--date", "2026-03-02", "--start",
                        "14:00", "--end", "14:50", "--cpt", "90834", "--as", "avery")
    body = json.dumps({"sections": [{"name": "subjective", "statements": []}]})
    code, out, _ = run(capsys, "note", "save", "--session", session, "--as", "avery",
                       stdin=body, monkeypatch=monkeypatch)
    note = out.split()[0]
    assert code == 0 and run(capsys, "note", "unsigned", "--as", "avery")[1].startswith(note)
    code, out, _ = run(capsys, "note", "sign", note, "--version", "1", "--as", "avery")
    assert code == 0 and "late entry" in out
    code, _, err = run(capsys, "note", "show", note, "--as", "blake")
    assert code == 1 and "may not progress_note.view" in err
    code, out, _ = run(capsys, "note", "amend", note, "--reason", "typo", "--as", "avery",
                       stdin=body, monkeypatch=monkeypatch)
    assert code == 0 and f"amends {note}" in out
    shown = json.loads(run(capsys, "note", "show", note, "--as", "avery")[1])
    assert shown["status"] == "amended" and shown["superseded_by"]
    code, pn, _ = run(capsys, "pn", "add", "--client", client, "--as", "avery",
                      stdin="synthetic process note", monkeypatch=monkeypatch)
    assert run(capsys, "pn", "show", pn, "--as", "avery")[1] == "synthetic process note"
    code, out, err = run(capsys, "pn", "show", pn, "--as", "alex")
    assert code == 1 and "synthetic" not in out + err
    code, _, err = run(capsys, "note", "show", note, "--as", "nobody")
    assert code == 1 and "wrong password" in err
    assert run(capsys, "user", "disable", "blake", "--as", "alex")[0] == 0
    assert run(capsys, "client", "list", "--as", "blake")[0] == 1
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "intact" in out
    code, out, err = run(capsys, "backup", str(tmp_path / "bk"))
    assert code == 0 and "NOT in this backup" in err and "record.sqlite3" in out
    code, _, err = run(capsys, "keys", "backup", str(tmp_path / "keysafe"))
    assert code == 0 and "apart from data backups" in err
    assert run(capsys, "keys", "rotate")[0] == 0
    code, _, err = run(capsys, "restore", str(tmp_path / "bk"))
    assert code == 2 and "--force" in err
    code, out, _ = run(capsys, "restore", str(tmp_path / "bk"), "--force")
    assert code == 0 and "verified" in out
    assert json.loads(run(capsys, "note", "show", note, "--as", "avery")[1])["id"] == note
    assert run(capsys, "db", "upgrade")[0] == 0


def test_commands_that_read_phi_require_an_actor(env, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["client", "list"])
    assert exc.value.code == 2


def test_bad_input_exits_2(env, capsys):
    run(capsys, "init", "--practice", "Q", "--state", "CA", "--admin", "alex")
    code, _, err = run(capsys, "user", "add", "x", "--name", "X", "--role", "janitor",
                       "--as", "alex")
    assert code == 2 and "allowed" in err


def test_a_new_password_never_comes_from_the_actors_own(env, capsys, monkeypatch):
    run(capsys, "init", "--practice", "Q", "--state", "CA", "--admin", "alex")
    monkeypatch.delenv("NOTEWRIGHT_NEW_PASSWORD")
    code, _, err = run(capsys, "user", "add", "avery", "--name", "A", "--role", "clinician",
                       "--as", "alex", stdin="", monkeypatch=monkeypatch)
    assert code == 2 and "NOTEWRIGHT_NEW_PASSWORD" in err
    assert "avery" not in run(capsys, "user", "list", "--as", "alex")[1]


def test_getting_back_into_an_account(env, capsys, monkeypatch):
    run(capsys, "init", "--practice", "Q", "--state", "CA", "--admin", "alex")
    run(capsys, "user", "add", "avery", "--name", "A", "--role", "clinician", "--as", "alex")
    temporary = "synthetic-temporary-pass-3"
    monkeypatch.setenv("NOTEWRIGHT_NEW_PASSWORD", temporary)
    code, out, _ = run(capsys, "user", "reset-password", "avery", "--as", "alex")
    assert code == 0 and "sessions were ended" in out
    code, _, err = run(capsys, "client", "list", "--as", "avery")
    assert code == 1 and "wrong password" in err  # PW no longer works for avery
    monkeypatch.setenv("NOTEWRIGHT_PASSWORD", temporary)
    monkeypatch.setenv("NOTEWRIGHT_NEW_PASSWORD", "synthetic-chosen-pass-9")
    assert run(capsys, "user", "password", "--as", "avery")[0] == 0
    monkeypatch.setenv("NOTEWRIGHT_PASSWORD", "synthetic-chosen-pass-9")
    assert run(capsys, "client", "list", "--as", "avery")[0] == 0
    monkeypatch.setenv("NOTEWRIGHT_PASSWORD", PW)
    assert run(capsys, "user", "reset-two-step", "avery", "--as", "alex")[0] == 0
    assert run(capsys, "user", "disable", "avery", "--as", "alex")[0] == 0
    assert run(capsys, "user", "list", "--as", "alex")[1].endswith("disabled")
    assert run(capsys, "user", "enable", "avery", "--as", "alex")[1] == "enabled avery"
    assert run(capsys, "user", "list", "--as", "alex")[1].endswith("active")
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "intact" in out
