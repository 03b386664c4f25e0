"""`notewright requests`: records requests from intake to the sent packet.

    notewright requests add --client ID --requester R --name NAME --basis B \\
        --category C [--category C ...] [--received DATE] [--authorization FILE] \\
        [--authorization-id ID] [--attachment PATH] [--facts FILE] [--assurance] \\
        [--from DATE] [--to DATE] [--format pdf|fhir|both] --as USER
    notewright requests decide REQUEST --as USER
    notewright requests confirm REQUEST --reason TEXT --as USER
    notewright requests override REQUEST --release C [--release C ...] --reason TEXT \\
        [--facts FILE] --as USER
    notewright requests extend REQUEST --notice-sent DATE --reason TEXT --as USER
    notewright requests packet REQUEST --out DIR [--send --via HOW] --as USER
    notewright requests list CLIENT --as USER
    notewright requests due --as USER          exit 3 when any request is overdue

Handlers import the store, ReportLab and fhir.resources only when they run.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from notewright.cli.acting import add_actor_option

OVERDUE_EXIT = 3


def register(sub: Any) -> None:
    group = sub.add_parser("requests", help="records requests: intake, decision, packet, "
                           "deadlines", description=__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    cmds = group.add_subparsers(dest="requests_command", required=True, metavar="COMMAND")

    p = cmds.add_parser("add", help="record a request as received (prints every "
                        "authorization defect)")
    p.add_argument("--client", required=True)
    p.add_argument("--requester", required=True, help="client, personal_representative, "
                   "other_provider, payer, attorney, court, ... (the contract's list)")
    p.add_argument("--name", required=True, help="who is asking, as the letter names them")
    p.add_argument("--address", default="", help="where the packet goes")
    p.add_argument("--basis", required=True, help="right_of_access, authorization, "
                   "treatment, payment, court_order, subpoena, ...")
    p.add_argument("--category", action="append", required=True, dest="categories",
                   help="record category asked for (repeat)")
    p.add_argument("--received", type=date.fromisoformat, help="YYYY-MM-DD (default today)")
    p.add_argument("--state", help="two-letter state (default: the client's)")
    p.add_argument("--authorization", type=Path, metavar="FILE",
                   help="the authorization's terms as contract JSON")
    p.add_argument("--authorization-id", help="an authorization already on file")
    p.add_argument("--attachment", type=Path, metavar="PATH",
                   help="the scanned signed document (its path and SHA-256 are kept)")
    p.add_argument("--facts", type=Path, metavar="FILE", help="contract facts as JSON")
    p.add_argument("--assurance", action="store_true",
                   help="the subpoena came with satisfactory assurance")
    p.add_argument("--from", dest="date_from", type=date.fromisoformat)
    p.add_argument("--to", dest="date_to", type=date.fromisoformat)
    p.add_argument("--format", default="pdf", choices=("pdf", "fhir", "both"))
    p.add_argument("--json", action="store_true")
    add_actor_option(p)
    p.set_defaults(handler=cmd_add)

    p = cmds.add_parser("decide", help="run the disclosure engine and store its decision")
    p.add_argument("request_id")
    p.add_argument("--json", action="store_true")
    add_actor_option(p)
    p.set_defaults(handler=cmd_decide)

    p = cmds.add_parser("confirm", help="confirm the decision (clinician, written reason)")
    p.add_argument("request_id")
    p.add_argument("--reason", required=True)
    add_actor_option(p)
    p.set_defaults(handler=cmd_confirm)

    p = cmds.add_parser("override", help="release something else (clinician, written "
                        "reason; never psychotherapy notes without a qualifying basis)")
    p.add_argument("request_id")
    p.add_argument("--release", action="append", default=[], metavar="CATEGORY")
    p.add_argument("--reason", required=True)
    p.add_argument("--facts", type=Path, metavar="FILE",
                   help="corrected facts: the engine decides again on them")
    add_actor_option(p)
    p.set_defaults(handler=cmd_override)

    p = cmds.add_parser("extend", help="the one deadline extension, with written notice")
    p.add_argument("request_id")
    p.add_argument("--notice-sent", required=True, type=date.fromisoformat)
    p.add_argument("--reason", required=True)
    add_actor_option(p)
    p.set_defaults(handler=cmd_extend)

    p = cmds.add_parser("packet", help="build the release packet (PDF and/or FHIR)")
    p.add_argument("request_id")
    p.add_argument("--out", type=Path, required=True, help="folder for the files")
    p.add_argument("--send", action="store_true", help="also mark it sent (final)")
    p.add_argument("--via", default="mail", help="how it was sent (with --send)")
    add_actor_option(p)
    p.set_defaults(handler=cmd_packet)

    p = cmds.add_parser("list", help="a client's records requests")
    p.add_argument("client_id")
    add_actor_option(p)
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("due", help=f"open requests by due date, overdue first; exit "
                        f"{OVERDUE_EXIT} when any is overdue")
    p.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_actor_option(p)
    p.set_defaults(handler=cmd_due)


def _json_file(path: Path | None, what: str) -> Any:
    from notewright.errors import InvalidInput

    if path is None:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}", field=what) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path} is not valid JSON (line {exc.lineno})",
                           field=what) from None


def _session(args: argparse.Namespace) -> tuple[Any, Any]:
    from notewright.cli.acting import actor, open_store

    store = open_store()
    return store, actor(store, args)


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def cmd_add(args: argparse.Namespace) -> int:
    import hashlib

    from notewright.practice import requests as rq

    sha = None
    if args.attachment is not None:
        sha = hashlib.sha256(args.attachment.read_bytes()).hexdigest()
    store, user = _session(args)
    with store:
        taken = rq.intake(
            store, user, client_id=args.client, requester=args.requester,
            requester_name=args.name, basis=args.basis, categories=args.categories,
            received_on=args.received or store.clock().date(), state=args.state,
            authorization=_json_file(args.authorization, "authorization"),
            authorization_id=args.authorization_id,
            attachment_ref=str(args.attachment) if args.attachment else None,
            attachment_sha256=sha, facts=_json_file(args.facts, "facts"),
            has_satisfactory_assurance=args.assurance, date_from=args.date_from,
            date_to=args.date_to, format=args.format, recipient_address=args.address)
    if args.json:
        _out(json.dumps({"request_id": taken.request.id,
                         "authorization_id": taken.authorization_id,
                         "defects": [d.to_dict() for d in taken.defects]}))
        return 0
    _out(f"request {taken.request.id} recorded ({taken.request.kind.value})")
    if taken.defects:
        _out(f"{len(taken.defects)} authorization defects (the requester must fix them):")
        for d in taken.defects:
            _out(f"- {d.field}: {d.message} [{d.reason_code}, {d.cite}]")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from notewright.cli.disclosure import human
    from notewright.disclosure import decide
    from notewright.practice import requests as rq

    store, user = _session(args)
    with store:
        stored = rq.decide_request(store, user, args.request_id)
    if args.json:
        _out(json.dumps({**stored.body["decision"], "rule_version": stored.rule_version,
                         "due_on": stored.body["due_on"]}))
        return 0
    # Re-deciding the stored request is pure and cheap: it gives the table the same way
    # `disclosure check` prints it.
    _out(human(decide(stored.body["engine_request"])))
    _out(f"rules:      {stored.rule_version}")
    _out(f"due:        {stored.body['due_on'] or 'no deadline set by the rules'}")
    _out("next:       a clinician confirms or overrides it, with a written reason")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    from notewright.practice import requests as rq

    store, user = _session(args)
    with store:
        stored = rq.confirm_decision(store, user, args.request_id, reason=args.reason)
    _out(f"confirmed: release {', '.join(stored.body['effective']['release']) or 'nothing'}")
    return 0


def cmd_override(args: argparse.Namespace) -> int:
    from notewright.practice import requests as rq

    store, user = _session(args)
    with store:
        stored = rq.override_decision(store, user, args.request_id, release=args.release,
                                      reason=args.reason,
                                      facts=_json_file(args.facts, "facts"))
    _out(f"overridden: release {', '.join(stored.body['effective']['release']) or 'nothing'}")
    return 0


def cmd_extend(args: argparse.Namespace) -> int:
    from notewright.practice import requests as rq

    store, user = _session(args)
    with store:
        req = rq.extend_deadline(store, user, args.request_id,
                                 notice_sent_on=args.notice_sent, reason=args.reason)
    assert req.extension is not None
    _out(f"extended: now due {req.extension.new_due_on.isoformat()}")
    return 0


def cmd_packet(args: argparse.Namespace) -> int:
    from notewright.practice import packets

    store, user = _session(args)
    with store:
        built = packets.build_packet(store, user, args.request_id)
        args.out.mkdir(parents=True, exist_ok=True)
        for data, suffix, digest in ((built.pdf, "pdf", built.packet.pdf_sha256),
                                     (built.fhir, "fhir.json", built.packet.fhir_sha256)):
            if data is not None:
                path = args.out / f"packet-{built.packet.id}.{suffix}"
                path.write_bytes(data)
                _out(f"{path}  sha256 {digest}")
        _out(f"{len(built.packet.contents)} items: "
             + ", ".join(sorted({c.split(':')[0] for c in built.packet.contents})))
        if args.send:
            _, entry = packets.mark_sent(store, user, args.request_id, via=args.via)
            _out("sent; the packet is now final"
                 + ("; accounting entry recorded" if entry is not None else ""))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from notewright.practice import requests as rq

    store, user = _session(args)
    with store:
        found = rq.list_requests(store, user, args.client_id)
    for r in found:
        _out(f"{r.id}  {r.received_on.isoformat()}  {r.status.value:<12}  {r.requester:<24}"
             f"  {r.basis}  {','.join(r.categories)}")
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from notewright.practice import requests as rq

    store, user = _session(args)
    with store:
        today = args.today or store.clock().date()
        items = rq.list_due(store, user, today=today)
    late = 0
    for i in items:
        left = i.days_left(today)
        if i.overdue(today):
            late += 1
            when = f"OVERDUE by {-left} days" if left is not None else ""
        else:
            when = f"{left} days left" if left is not None else "no deadline"
        due = i.due_on.isoformat() if i.due_on else "-"
        _out(f"{due}  {when:<22}  {i.kind:<10}  {i.status:<12}  request {i.request_id}  "
             f"client {i.client_id}" + ("  (extended)" if i.extended else ""))
    if not items:
        _out("no open requests")
    return OVERDUE_EXIT if late else 0
