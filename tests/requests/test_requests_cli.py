"""`notewright requests ...` and `notewright disclosure accounting` through main(argv),
on SQLite and PostgreSQL, against a store the cast was written into."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from requests_cast import NOTE_MARKER, PASSWORD, PN_MARKER, authorization, make_world, pdf_text

from notewright.cli import main


@pytest.fixture
def cli(db: Any, store: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Any:
    for key, value in db.env().items():
        if key.startswith("NOTEWRIGHT_"):
            monkeypatch.setenv(key, value)
    monkeypatch.setenv("NOTEWRIGHT_PASSWORD", PASSWORD)
    world = make_world(store)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out.strip(), out.err.strip()

    run.world = world  # type: ignore[attr-defined]
    return run


def _add(cli: Any, *extra: str) -> str:
    code, out, err = cli("requests", "add", "--client", cli.world.casey.id, "--received",
                         "2026-03-02", "--json", "--as", "frankie", *extra)
    assert code == 0, err
    return str(json.loads(out)["request_id"])


def test_access_request_from_intake_to_sent_packet_with_deadlines(cli: Any,
                                                                  tmp_path: Path) -> None:
    rid = _add(cli, "--requester", "client", "--name", "Casey Rivera", "--basis",
               "right_of_access", "--category", "progress_notes", "--category",
               "psychotherapy_notes")
    code, out, _ = cli("requests", "due", "--as", "alex", "--today", "2026-03-20")
    assert code == 0 and rid in out and "2026-04-01" in out and "12 days left" in out
    code, out, _ = cli("requests", "due", "--as", "alex", "--today", "2026-04-05")
    assert code == 3 and "OVERDUE by 4 days" in out
    code, out, _ = cli("requests", "decide", rid, "--as", "avery")
    assert code == 0 and "excluded_from_right_of_access" in out and "2026-04-01" in out
    code, _, err = cli("requests", "override", rid, "--release", "progress_notes",
                       "--release", "psychotherapy_notes", "--reason",
                       "The client asked for everything.", "--as", "avery")
    assert code == 1 and "cannot be released by override" in err
    assert cli("requests", "confirm", rid, "--reason", "ok", "--as", "avery")[0] == 2
    code, out, _ = cli("requests", "confirm", rid, "--reason",
                       "Access to the designated record set.", "--as", "avery")
    assert code == 0 and "progress_notes" in out
    code, out, err = cli("requests", "packet", rid, "--out", str(tmp_path), "--send",
                         "--as", "avery")
    assert code == 0, err
    assert "sent; the packet is now final" in out and "accounting" not in out
    text = pdf_text(next(tmp_path.glob("*.pdf")).read_bytes())
    assert NOTE_MARKER in text and PN_MARKER not in text
    code, out, _ = cli("requests", "due", "--as", "alex", "--today", "2026-04-05")
    assert code == 0 and rid not in out
    code, _, err = cli("requests", "packet", rid, "--out", str(tmp_path), "--as", "avery")
    assert code == 1 and "sent" in err  # a sent packet is final
    code, out, _ = cli("requests", "list", cli.world.casey.id, "--as", "avery")
    assert code == 0 and f"{rid}  2026-03-02  sent" in out


def test_intake_prints_every_authorization_defect_at_once(cli: Any, tmp_path: Path) -> None:
    form = tmp_path / "auth.json"
    form.write_text(json.dumps(authorization(signed=False, has_revocation_statement=False,
                                             recipient="")))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF synthetic scan")
    code, out, err = cli("requests", "add", "--client", cli.world.casey.id, "--requester",
                         "attorney", "--name", "Riley Park, Esq.", "--basis",
                         "authorization", "--category", "progress_notes", "--category",
                         "billing", "--received", "2026-03-02", "--authorization",
                         str(form), "--attachment", str(scan), "--as", "frankie")
    assert code == 0, err
    assert "4 authorization defects" in out
    for fieldname in ("signed", "has_revocation_statement", "recipient", "covers"):
        assert f"- authorization.{fieldname}" in out or f"- {fieldname}" in out, fieldname


def test_court_order_release_is_in_the_accounting_and_access_is_not(cli: Any,
                                                                     tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"order_scope": ["progress_notes"],
                                 "order_signed_by_judge": True}))
    court = _add(cli, "--requester", "court", "--name", "Lane County Circuit Court",
                 "--address", "125 E 8th Ave", "--basis", "court_order", "--category",
                 "progress_notes", "--facts", str(facts))
    access = _add(cli, "--requester", "client", "--name", "Casey Rivera", "--basis",
                  "right_of_access", "--category", "progress_notes")
    for rid in (court, access):
        assert cli("requests", "decide", rid, "--as", "avery")[0] == 0
        assert cli("requests", "confirm", rid, "--reason", "Matches the order and chart.",
                   "--as", "avery")[0] == 0
        code, _, err = cli("requests", "packet", rid, "--out", str(tmp_path / rid), "--send",
                           "--as", "avery")
        assert code == 0, err
    report_pdf = tmp_path / "accounting.pdf"
    code, out, err = cli("disclosure", "accounting", cli.world.casey.id, "--pdf",
                         str(report_pdf), "--as", "alex")
    assert code == 0, err
    assert "Lane County Circuit Court, 125 E 8th Ave" in out and "court order" in out
    assert "Casey Rivera" not in out.split("\n", 1)[1]  # the access release is not listed
    assert "Lane County Circuit Court" in pdf_text(report_pdf.read_bytes())
    code, out, _ = cli("disclosure", "accounting", cli.world.casey.id, "--json", "--as",
                       "alex")
    assert [json.loads(line)["recipient"] for line in out.splitlines()] == [
        "Lane County Circuit Court, 125 E 8th Ave"]
    code, _, err = cli("disclosure", "accounting", cli.world.casey.id, "--as", "frankie")
    assert code == 1 and "may not accounting.view" in err
