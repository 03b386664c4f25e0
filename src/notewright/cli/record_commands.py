"""Record commands: client, session, note and pn (psychotherapy notes, author only).

Every one of them reads or writes PHI, so each asks who is acting (`--as USER`) and the
workflow it calls writes the audit event.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, time
from typing import Any

from notewright.cli.acting import add_actor_option


def register(sub: Any) -> None:
    clients = sub.add_parser("client", help="clients").add_subparsers(dest="client_command",
                                                                      required=True)
    p = clients.add_parser("add", help="add a client")
    p.add_argument("--given", required=True)
    p.add_argument("--family", required=True)
    p.add_argument("--dob", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--state", required=True)
    add_actor_option(p)
    p.set_defaults(handler=cmd_client_add)
    p = clients.add_parser("list", help="clients you may see")
    add_actor_option(p)
    p.set_defaults(handler=cmd_client_list)

    sessions = sub.add_parser("session", help="sessions").add_subparsers(
        dest="session_command", required=True)
    p = sessions.add_parser("add", help="record a session")
    p.add_argument("client_id")
    p.add_argument("--date", required=True, type=date.fromisoformat)
    p.add_argument("--start", required=True, type=time.fromisoformat, help="HH:MM")
    p.add_argument("--end", required=True, type=time.fromisoformat, help="HH:MM")
    p.add_argument("--cpt", required=True)
    p.add_argument("--modality", default="individual")
    p.add_argument("--pos", default="11", help="place of service code (02/10: telehealth)")
    p.add_argument("--telehealth", action="store_true")
    add_actor_option(p)
    p.set_defaults(handler=cmd_session_add)

    notes = sub.add_parser("note", help="progress notes").add_subparsers(
        dest="note_command", required=True)
    p = notes.add_parser("save", help="create or autosave a draft from note JSON")
    p.add_argument("file", nargs="?", default="-", help="note JSON (default: stdin)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--session", help="new draft for this session")
    group.add_argument("--note", help="existing draft to update")
    p.add_argument("--version", type=int, help="the draft version you edited (with --note)")
    p.add_argument("--format", default="soap")
    add_actor_option(p)
    p.set_defaults(handler=cmd_note_save)
    p = notes.add_parser("sign", help="sign a draft (author only)")
    p.add_argument("note_id")
    p.add_argument("--version", type=int, help="refuse if the draft changed since then")
    add_actor_option(p)
    p.set_defaults(handler=cmd_note_sign)
    p = notes.add_parser("amend", help="correct a signed note: a new signed version")
    p.add_argument("note_id")
    p.add_argument("file", nargs="?", default="-")
    p.add_argument("--reason", required=True)
    add_actor_option(p)
    p.set_defaults(handler=cmd_note_amend)
    p = notes.add_parser("show", help="print one note version as JSON")
    p.add_argument("note_id")
    add_actor_option(p)
    p.set_defaults(handler=cmd_note_show)
    p = notes.add_parser("unsigned", help="your drafts awaiting signature")
    add_actor_option(p)
    p.set_defaults(handler=cmd_note_unsigned)

    pn = sub.add_parser("pn", help="psychotherapy notes (separate vault, author only)"
                        ).add_subparsers(dest="pn_command", required=True)
    p = pn.add_parser("add", help="write a psychotherapy note")
    p.add_argument("--client", required=True)
    p.add_argument("--session")
    p.add_argument("file", nargs="?", default="-", help="plain text (default: stdin)")
    add_actor_option(p)
    p.set_defaults(handler=cmd_pn_add)
    p = pn.add_parser("show", help="read your own psychotherapy note")
    p.add_argument("pn_id")
    add_actor_option(p)
    p.set_defaults(handler=cmd_pn_show)


def _json(source: str) -> dict[str, Any]:
    from notewright.cli.io import read_text
    from notewright.errors import InvalidInput

    try:
        value = json.loads(read_text(source, what="note"))
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not JSON (line {exc.lineno}, column {exc.colno})",
                           field="note") from None
    if not isinstance(value, dict):
        raise InvalidInput("must be a JSON object", field="note")
    return value


def cmd_client_add(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import create_client

    with open_store() as store:
        client = create_client(store, actor(store, args), given_name=args.given,
                               family_name=args.family, date_of_birth=args.dob,
                               state=args.state)
    print(client.id)
    return 0


def cmd_client_list(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import list_clients

    with open_store() as store:
        for c in list_clients(store, actor(store, args)):
            print(f"{c.id}\t{c.family_name}, {c.given_name}\t{c.date_of_birth}\t{c.state}")
    return 0


def cmd_session_add(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import record_session

    with open_store() as store:
        s = record_session(store, actor(store, args), client_id=args.client_id,
                           date=args.date, start=args.start, end=args.end,
                           modality=args.modality, cpt_code=args.cpt,
                           place_of_service=args.pos, telehealth=args.telehealth)
    print(s.id)
    return 0


def cmd_note_save(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import save_draft

    content = _json(args.file)
    with open_store() as store:
        note = save_draft(store, actor(store, args), content=content, session_id=args.session,
                          note_id=args.note, expected_version=args.version, format=args.format)
    print(f"{note.id}\tversion {note.version}\t{note.status}")
    return 0


def cmd_note_sign(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import sign_note

    with open_store() as store:
        note = sign_note(store, actor(store, args), args.note_id,
                         expected_version=args.version)
    late = "\tlate entry" if note.late_entry else ""
    print(f"{note.id}\tsigned {note.signed_at:%Y-%m-%dT%H:%M:%SZ}\t{note.content_hash}{late}")
    return 0


def cmd_note_amend(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import amend_note

    content = _json(args.file)
    with open_store() as store:
        note = amend_note(store, actor(store, args), args.note_id, content=content,
                          reason=args.reason)
    print(f"{note.id}\tversion {note.version}\tamends {note.amends_id}")
    return 0


def cmd_note_show(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import show_note

    with open_store() as store:
        note, addenda = show_note(store, actor(store, args), args.note_id)
    out = {
        "id": note.id, "client_id": note.client_id, "session_id": note.session_id,
        "author_id": note.author_id, "format": note.format, "status": note.status.value,
        "version": note.version, "content": note.content, "content_hash": note.content_hash,
        "signed_by": note.signed_by,
        "signed_at": note.signed_at.isoformat() if note.signed_at else None,
        "late_entry": note.late_entry, "cosigned_by": note.cosigned_by,
        "amends_id": note.amends_id, "amendment_reason": note.amendment_reason,
        "superseded_by": note.superseded_by,
        "addenda": [{"id": a.id, "author_id": a.author_id, "text": a.text,
                     "created_at": a.created_at.isoformat()} for a in addenda],
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


def cmd_note_unsigned(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import list_unsigned

    with open_store() as store:
        for n in list_unsigned(store, actor(store, args)):
            print(f"{n.id}\tclient {n.client_id}\tversion {n.version}\t"
                  f"updated {n.updated_at:%Y-%m-%d %H:%M}")
    return 0


def cmd_pn_add(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.cli.io import read_text
    from notewright.practice import write_psychotherapy_note

    text = read_text(args.file, what="psychotherapy note")
    with open_store() as store:
        note = write_psychotherapy_note(store, actor(store, args), client_id=args.client,
                                        text=text, session_id=args.session)
    print(note.id)
    return 0


def cmd_pn_show(args: argparse.Namespace) -> int:
    from notewright.cli.acting import actor, open_store
    from notewright.practice import read_psychotherapy_note

    with open_store() as store:
        note = read_psychotherapy_note(store, actor(store, args), args.pn_id)
    print(note.text)
    return 0
