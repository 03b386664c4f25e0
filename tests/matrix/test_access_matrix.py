"""The authorization matrix, generated from the access data file (data/access.toml, read
through records.access) and checked against the running app, on SQLite and PostgreSQL.

For every staff member of the synthetic practice (every role) × every route of the app
(enumerated from `app.routes`: a route without a rule in RULES fails) × own/other client
× progress note/psychotherapy note, the app's answer must be the data file's: allowed →
200 or a redirect; refused → 403/404; a psychotherapy note → 404 for all but its author.
The CLI commands that read PHI are held to the same expectations (in-process, `--as`).
And the vault stays closed through every other path: no page, download, CLI output,
release packet or backup shows another author's psychotherapy note.
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / d) for d in ("web", "api")]
from approutes import served_routes  # noqa: E402
from requestcast import STANDARD_AUTH, pdf_text, signed_on  # noqa: E402
from webcast import DEMO_PASSWORD, Web, ids, sign_in, user  # noqa: E402
from webfixtures import (  # noqa: E402,F401  (fixtures)
    KEYS,
    web_fixture,
    web_pg_server_fixture,
    web_sqlite_template_fixture,
)

from notewright import cli  # noqa: E402
from notewright.errors import NotewrightError  # noqa: E402
from notewright.practice import (  # noqa: E402
    attachments,
    list_clients,
    open_chart,
    packets,
    write_psychotherapy_note,  # noqa: E402
)
from notewright.practice import requests as rq  # noqa: E402
from notewright.records import access  # noqa: E402
from notewright.records.model import NoteStatus, User  # noqa: E402
from notewright.storage import records  # noqa: E402
from notewright.web.app import create_app  # noqa: E402

STAFF = ["avery", "blake", "sam", "billie", "frankie", "alex"]  # every role
POLICY = access.load_policy()
PN_TEXT = {"avery": "hunch", "blake": "Synthetic vault entry of Dr. Blake"}

# What each route needs, in the data file's vocabulary. Kinds: "public" (no session),
# "signed" (any session), "role" (the action at any scope: the screen is offered),
# "client" / "note" / "draft" / "pn" / "request" / "packet" (the action on that subject).
RULES: dict[tuple[str, str], tuple[str, str]] = {
    ("GET", "/"): ("public", ""), ("POST", "/signin"): ("public", ""),
    ("GET", "/today"): ("signed", ""), ("GET", "/clients"): ("signed", ""),
    ("GET", "/account"): ("signed", ""), ("GET", "/reauth"): ("signed", ""),
    ("POST", "/reauth"): ("signed", ""), ("POST", "/signout"): ("signed", ""),
    ("POST", "/account/totp"): ("signed", ""), ("POST", "/account/password"): ("signed", ""),
    ("GET", "/notes/cpt"): ("signed", ""),
    ("GET", "/clients/{client_id}"): ("client", "client.view_demographics"),
    ("GET", "/clients/{client_id}/accounting"): ("client", "accounting.view"),
    ("POST", "/clients/{client_id}/amendments"): ("client", "amendment.record"),
    ("POST", "/clients/{client_id}/amendments/accept"): ("client", "amendment.decide"),
    ("POST", "/clients/{client_id}/amendments/deny"): ("client", "amendment.decide"),
    ("POST", "/clients/{client_id}/amendments/disagreement"): ("client", "amendment.record"),
    ("POST", "/clients/{client_id}/amendments/rebuttal"): ("client", "amendment.decide"),
    ("POST", "/clients/{client_id}/authorizations/revoke"): ("client",
                                                             "authorization.record"),
    ("GET", "/clients/{client_id}/accounting.pdf"): ("client", "accounting.view"),
    ("GET", "/notes/new"): ("role", "progress_note.write"),
    ("POST", "/notes"): ("client", "progress_note.write"),
    ("GET", "/notes/{note_id}"): ("note", "progress_note.view"),
    ("GET", "/notes/{note_id}/review"): ("draft", "progress_note.view"),
    ("POST", "/notes/{note_id}/autosave"): ("draft", "progress_note.sign"),
    ("POST", "/notes/{note_id}/withheld/{item_id}/{action}"): ("draft", "progress_note.sign"),
    ("POST", "/notes/{note_id}/sign"): ("draft", "progress_note.sign"),
    ("POST", "/notes/{note_id}/amend"): ("note", "progress_note.amend"),
    ("POST", "/notes/{note_id}/addenda"): ("note", "progress_note.addend"),
    ("POST", "/notes/{note_id}/cosign"): ("note", "progress_note.cosign"),
    ("GET", "/vault"): ("role", "psychotherapy_note.view"),
    ("POST", "/vault"): ("client", "psychotherapy_note.write"),
    ("GET", "/vault/{note_id}"): ("pn", "psychotherapy_note.view"),
    ("GET", "/requests"): ("role", "records_request.view"),
    ("GET", "/requests/new"): ("role", "records_request.record"),
    ("POST", "/requests"): ("client", "records_request.record"),
    ("GET", "/requests/{request_id}"): ("request", "records_request.view"),
    ("GET", "/requests/{request_id}/scan"): ("request", "records_request.view"),
    # Running the engine again is part of logging the request (front desk too); the
    # clinician's review (confirm, override) is the decision.
    ("POST", "/requests/{request_id}/decide"): ("request", "records_request.record"),
    ("POST", "/requests/{request_id}/confirm"): ("request", "records_request.decide"),
    ("POST", "/requests/{request_id}/override"): ("request", "records_request.decide"),
    ("POST", "/requests/{request_id}/extend"): ("request", "records_request.decide"),
    ("POST", "/requests/{request_id}/packet"): ("request", "records_request.release"),
    ("POST", "/requests/{request_id}/sent"): ("request", "records_request.release"),
    ("GET", "/packets/{packet_id}/packet.pdf"): ("packet", "records_request.release"),
    ("GET", "/packets/{packet_id}/bundle.json"): ("packet", "records_request.release"),
    ("GET", "/admin/users"): ("role", "user.manage"),
    ("POST", "/admin/users"): ("role", "user.manage"),
    ("POST", "/admin/users/disable"): ("role", "user.manage"),
    ("POST", "/admin/users/roles"): ("role", "user.manage"),
    ("POST", "/admin/users/enable"): ("role", "user.manage"),
    ("POST", "/admin/users/password"): ("role", "user.manage"),
    ("POST", "/admin/users/two-step"): ("role", "user.manage"),
    ("GET", "/admin/audit"): ("role", "audit.view"),
    ("GET", "/admin/care-teams"): ("role", "care_team.manage"),
    ("POST", "/admin/care-teams/{client_id}/add"): ("client", "care_team.manage"),
    ("POST", "/admin/care-teams/{client_id}/remove"): ("client", "care_team.manage"),
    ("GET", "/admin/backups"): ("role", "backup.manage"),
    ("POST", "/admin/backups"): ("role", "backup.manage"),
}
# POSTs that change what later cases see run last, in this order.
LAST = [("POST", "/requests/{request_id}/sent"), ("POST", "/admin/care-teams/{client_id}/add"),
        ("POST", "/admin/care-teams/{client_id}/remove"), ("POST", "/signout")]


@dataclass(frozen=True)
class Subject:
    """One client with what hangs off it: the subjects of every route."""

    owner: str  # the treating clinician: "avery" (Casey) or "blake" (Taylor)
    client: str
    note: str  # a signed progress note
    draft: str
    pn: str
    request: str
    packet: str


def _subjects(web: Web) -> list[Subject]:
    """Casey (Avery's) and Taylor (Blake's), each with a signed note, a draft, a
    psychotherapy note by the treating clinician, and a records request with a packet."""
    store = web.store
    out = []
    for owner in ("avery", "blake"):
        clinician = user(store, owner)
        client = next(c for c in list_clients(store, clinician)
                      if c.given_name == ("Casey" if owner == "avery" else "Taylor"))
        chart = open_chart(store, clinician, client.id)
        signed = next(n for n in chart.notes if n.status is NoteStatus.SIGNED)
        draft = next(n for n in chart.notes if n.status is NoteStatus.DRAFT)
        if owner == "avery":
            pn = ids(store).pn
        else:
            pn = write_psychotherapy_note(store, clinician, client_id=client.id,
                                          text=PN_TEXT["blake"] + ".").id
        scan = b"%PDF-1.4 synthetic scanned authorization"
        ref, digest = attachments.save(store.cipher, web.settings.attachments_dir, scan)
        req = rq.intake(store, clinician, client_id=client.id, requester="other_provider",
                        requester_name="Dr. Pat Synthetic", basis="authorization",
                        categories=["progress_notes", "psychotherapy_notes"],
                        received_on=store.clock().date(), format="both",
                        authorization={**STANDARD_AUTH, "signed_date": signed_on(store)},
                        attachment_ref=ref, attachment_sha256=digest)
        rq.decide_request(store, clinician, req.request.id)
        rq.confirm_decision(store, clinician, req.request.id, reason="Reviewed; right.")
        packet = packets.build_packet(store, clinician, req.request.id).packet.id
        out.append(Subject(owner, client.id, signed.id, draft.id, pn, req.request.id,
                           packet))
    return out


def _team(web: Web, client_id: str) -> frozenset[str]:
    with web.store.record.connect() as conn:
        team = records.care_team(conn, client_id).member_ids
        conn.rollback()
    return frozenset(team)


def _allowed(web: Web, who: User, kind: str, action: str, s: Subject) -> bool:
    """What the data file says (records.access.check), for this user and subject."""
    if kind in ("public", "signed"):
        return True
    if kind == "role":
        return any(action in POLICY.grants.get(r, {}) for r in who.roles)
    author = {"note": s.owner, "draft": s.owner, "pn": s.owner}.get(kind)
    author_id = user(web.store, author).id if author else None
    subject = access.Subject(care_team=_team(web, s.client), client_id=s.client,
                             author_id=author_id)
    return access.check(POLICY, who, action, subject, now=web.store.clock()).allowed


def _path(template: str, kind: str, s: Subject) -> str:
    note = s.draft if kind == "draft" else s.pn if kind == "pn" else s.note
    return template.format(client_id=s.client, note_id=note, request_id=s.request,
                           packet_id=s.packet, item_id="0", action="leave-out")


def _form(key: tuple[str, str], s: Subject, username: str) -> dict[str, Any]:
    """A well-formed form, so that the answer is about access, not a missing field."""
    return {("POST", "/notes"): {"client_id": s.client, "description": "Client reported "
                                 "a calm week.", "date": "2026-02-02", "start": "10:00",
                                 "end": "10:50"},
            ("POST", "/vault"): {"client_id": s.client, "text": "Matrix vault entry."},
            ("POST", "/requests"): {"client_id": s.client, "requester": "client",
                                    "requester_name": "Synthetic Client",
                                    "basis": "right_of_access",
                                    "categories": ["progress_notes"], "format": "pdf"},
            ("POST", "/admin/care-teams/{client_id}/add"): {"username": "sam"},
            ("POST", "/admin/care-teams/{client_id}/remove"): {
                "user_id": user(web_store[0], "sam").id},
            ("POST", "/reauth"): {"password": DEMO_PASSWORD, "next": "/today"},
            ("POST", "/signin"): {"username": username, "password": DEMO_PASSWORD},
            ("POST", "/account/totp"): {"secret": "JBSWY3DPEHPK3PXP", "code": "000000"},
            ("POST", "/notes/{note_id}/addenda"): {"text": "Matrix addendum."},
            ("POST", "/notes/{note_id}/amend"): {"reason": "Matrix amendment."},
            ("POST", "/requests/{request_id}/confirm"): {"reason": "Matrix review."},
            ("POST", "/requests/{request_id}/override"): {"reason": "Matrix review.",
                                                         "release": ["progress_notes"]},
            }.get(key, {})


web_store: list[Any] = []  # the current test's store, for _form's lookups


def _ok(kind: str, method: str, allowed: bool, status: int) -> bool:
    if not allowed:
        return status == 404 if kind == "pn" else status in (403, 404)
    if method == "GET":
        return status in (200, 303)
    # An allowed POST may still be turned down for what it says (400, 409), never for who.
    return status not in (403, 404) and status < 500


@pytest.mark.parametrize("username", STAFF)
def test_web_routes_answer_as_the_access_file_says(web: Web, username: str) -> None:
    app = create_app(web.settings, store=web.store, config=web.config)
    routes = served_routes(app) - {("GET", "/openapi.json"), ("GET", "/static")}
    assert routes - RULES.keys() == set(), "routes without a rule in the matrix"
    assert RULES.keys() - routes == set(), "rules for routes that no longer exist"
    web_store[:] = [web.store]
    subjects = _subjects(web)
    who = user(web.store, username)
    client = web.client()
    csrf = sign_in(client, username)
    assert client.post("/reauth", data={"password": DEMO_PASSWORD, "next": "/today",
                                        "csrf_token": csrf}).status_code == 303
    order = sorted(routes, key=lambda k: (k in LAST and LAST.index(k) + 1, k[0] != "GET", k))
    wrong, cases = [], 0
    for key in order:
        kind, action = RULES[key]
        if kind == "public":
            continue
        for s in subjects if "{" in key[1] or key in {("POST", "/notes"),
                                                      ("POST", "/vault"),
                                                      ("POST", "/requests")} else subjects[:1]:
            allowed = _allowed(web, who, kind, action, s)
            path = _path(key[1], kind, s)
            if key[0] == "GET":
                response = client.get(path)
            else:
                response = client.post(path, data={**_form(key, s, username),
                                                   "csrf_token": csrf})
            cases += 1
            if not _ok(kind, key[0], allowed, response.status_code):
                wrong.append(f"{username} {key[0]} {path} ({kind} {action}, own client: "
                             f"{s.owner}): allowed={allowed}, got {response.status_code}")
            others = [t for a, t in PN_TEXT.items() if a != username]
            if any(t in response.text for t in others):
                wrong.append(f"{username} {key[0]} {path}: shows another author's "
                             "psychotherapy note")
            if kind == "pn" and allowed and response.status_code == 200:
                assert PN_TEXT[s.owner] in response.text
            if key == ("POST", "/signout"):
                break
    assert cases >= 50
    assert not wrong, "\n".join(wrong)


def _cli(web: Web, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    s = web.settings
    for name, value in {"NOTEWRIGHT_DATA_DIR": str(s.data_dir),
                        "NOTEWRIGHT_DATABASE_URL": s.database_url,
                        "NOTEWRIGHT_VAULT_URL": s.vault_url,
                        "NOTEWRIGHT_RECORD_KEY": KEYS[0].value,
                        "NOTEWRIGHT_VAULT_KEY": KEYS[1].value,
                        "NOTEWRIGHT_PASSWORD": DEMO_PASSWORD}.items():
        monkeypatch.setenv(name, value)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue() + err.getvalue()


def test_cli_commands_that_read_phi_answer_as_the_access_file_says(
        web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    subjects = _subjects(web)
    wrong, cases = [], 0
    for username in STAFF:
        who = user(web.store, username)
        for s in subjects:
            commands = [
                (("note", "show", s.note), "note", "progress_note.view"),
                (("pn", "show", s.pn), "pn", "psychotherapy_note.view"),
                (("requests", "list", s.client), "client", "records_request.view"),
                (("disclosure", "accounting", s.client), "client", "accounting.view"),
            ]
            for argv, kind, action in commands:
                allowed = _allowed(web, who, kind, action, s)
                code, text = _cli(web, monkeypatch, *argv, "--as", username)
                cases += 1
                if (code == 0) != allowed:
                    wrong.append(f"{username} {' '.join(argv)}: allowed={allowed}, "
                                 f"exit {code}: {text[:120]}")
                if any(t in text for a, t in PN_TEXT.items() if a != username):
                    wrong.append(f"{username} {' '.join(argv)}: another author's PN shown")
        code, text = _cli(web, monkeypatch, "client", "list", "--as", username)
        seen = {s.owner for s in subjects if s.client in text}
        expected = {s.owner for s in subjects
                    if _allowed(web, who, "client", "client.view_demographics", s)}
        cases += 1
        if code != 0 or seen != expected:
            wrong.append(f"{username} client list: exit {code}, shows {seen}, "
                         f"expected {expected}")
        code, text = _cli(web, monkeypatch, "requests", "due", "--as", username)
        seen = {s.owner for s in subjects if s.request in text}
        expected = {s.owner for s in subjects
                    if _allowed(web, who, "request", "records_request.view", s)}
        cases += 1
        if code not in (0, 3) or seen != expected:
            wrong.append(f"{username} requests due: exit {code}, shows {seen}, "
                         f"expected {expected}")
    assert cases >= 50
    assert not wrong, "\n".join(wrong)


def test_release_packets_carry_a_psychotherapy_note_only_released_and_built_by_its_author(
        web: Web) -> None:
    store = web.store
    avery, blake = user(store, "avery"), user(store, "blake")
    casey = ids(store).casey
    named = {**STANDARD_AUTH, "signed_date": signed_on(store),
             "covers": ["psychotherapy_notes"],
             "specifically_names_psychotherapy_notes": True}
    packets_text = {}
    standard = {**STANDARD_AUTH, "signed_date": signed_on(store)}
    for auth, asked in ((standard, ["progress_notes", "psychotherapy_notes"]),
                        (named, ["psychotherapy_notes"])):
        req = rq.intake(store, avery, client_id=casey, requester="other_provider",
                        requester_name="Dr. Pat Synthetic", basis="authorization",
                        categories=asked,
                        received_on=store.clock().date(), format="both",
                        authorization=auth).request.id
        decided = rq.decide_request(store, avery, req)
        rq.confirm_decision(store, avery, req, reason="Reviewed; right.")
        released = "psychotherapy_notes" in decided.body["decision"]["release"]
        assert released == (auth is named), decided.body["decision"]["refuse"]
        # Another clinician on the care team may build the packet, never with Avery's
        # psychotherapy notes in it.
        from notewright.practice import add_to_care_team

        try:
            add_to_care_team(store, user(store, "alex"), casey, "blake")
        except NotewrightError:
            pass  # already on the team from the first round
        if released:
            with pytest.raises(NotewrightError):
                packets.build_packet(store, blake, req)
        else:
            built = packets.build_packet(store, blake, req)
            _, pdf, fhir = packets.packet_files(store, blake, built.packet.id)
            assert pdf is not None and fhir is not None
            assert "hunch" not in pdf_text(pdf) and b"hunch" not in fhir
        built = packets.build_packet(store, avery, req)
        _, pdf, fhir = packets.packet_files(store, avery, built.packet.id)
        assert pdf is not None and fhir is not None
        packets_text[released] = pdf_text(pdf) + fhir.decode()
    assert set(packets_text) == {False, True}, "one decision released the vault, one not"
    assert "hunch" not in packets_text[False]
    assert "hunch" in packets_text[True]  # released, and built by its author


def test_backups_page_and_manifest_never_show_the_vault_in_clear(web: Web) -> None:
    _subjects(web)  # a second author's psychotherapy note too
    client = web.client()
    csrf = sign_in(client, "alex")
    made = client.post("/admin/backups", data={"csrf_token": csrf})
    assert made.status_code == 303
    page = client.get(made.headers["location"])
    assert page.status_code == 200
    folder = web.settings.data_dir / "backups"
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files and any("manifest" in p.name for p in files)
    for text in PN_TEXT.values():
        assert text not in page.text
        for p in files:
            assert text.encode() not in p.read_bytes(), f"{p.name} holds vault text in clear"
    for username in ("avery", "blake", "sam", "billie", "frankie"):
        other = web.client()
        sign_in(other, username)
        assert other.get("/admin/backups").status_code == 403
