"""`notewright amendment`: a client's requests to amend their record (45 CFR 164.526).

    notewright amendment add --note NOTE --change TEXT [--reason TEXT] [--received DATE] \\
        --as USER
    notewright amendment accept AMENDMENT --text TEXT [--notify WHO ...] [--on DATE] \\
        --as USER
    notewright amendment deny AMENDMENT --basis B --explanation TEXT [--on DATE] --as USER
    notewright amendment disagree AMENDMENT --statement TEXT --as USER
    notewright amendment rebut AMENDMENT --rebuttal TEXT --as USER
    notewright amendment list CLIENT --as USER

Nothing is overwritten: an accepted amendment, a denial, the client's statement of
disagreement and the practice's rebuttal are linked to the note and go with every
later disclosure of it. Handlers import the store only when they run.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from notewright.cli.acting import add_actor_option

DENIAL_BASES = ("not_created_by_practice", "not_in_designated_record_set",
                "not_available_for_inspection", "accurate_and_complete")


def register(sub: Any) -> None:
    group = sub.add_parser("amendment", help="a client's amendment requests (164.526)",
                           description=__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    cmds = group.add_subparsers(dest="amendment_command", required=True, metavar="COMMAND")

    p = cmds.add_parser("add", help="record a client's request to amend a progress note")
    p.add_argument("--note", required=True, help="the progress note to amend")
    p.add_argument("--change", required=True, help="the change the client asks for")
    p.add_argument("--reason", default="", help="the client's reason")
    p.add_argument("--received", type=date.fromisoformat, help="YYYY-MM-DD (default today)")
    add_actor_option(p)
    p.set_defaults(handler=cmd_add)

    p = cmds.add_parser("accept", help="accept: link the amendment to the note")
    p.add_argument("amendment_id")
    p.add_argument("--text", required=True, help="the amendment linked to the note")
    p.add_argument("--notify", action="append", default=[], metavar="WHO",
                   help="whom the client named, and known holders who may rely on it "
                   "(repeat)")
    p.add_argument("--on", type=date.fromisoformat, help="YYYY-MM-DD (default today)")
    add_actor_option(p)
    p.set_defaults(handler=cmd_accept)

    p = cmds.add_parser("deny", help="deny, on one of the 164.526(a)(2) grounds")
    p.add_argument("amendment_id")
    p.add_argument("--basis", required=True, choices=DENIAL_BASES)
    p.add_argument("--explanation", required=True, help="the written basis for the client")
    p.add_argument("--on", type=date.fromisoformat, help="YYYY-MM-DD (default today)")
    add_actor_option(p)
    p.set_defaults(handler=cmd_deny)

    p = cmds.add_parser("disagree", help="file the client's statement of disagreement")
    p.add_argument("amendment_id")
    p.add_argument("--statement", required=True)
    add_actor_option(p)
    p.set_defaults(handler=cmd_disagree)

    p = cmds.add_parser("rebut", help="the practice's rebuttal to a statement of "
                        "disagreement")
    p.add_argument("amendment_id")
    p.add_argument("--rebuttal", required=True)
    add_actor_option(p)
    p.set_defaults(handler=cmd_rebut)

    p = cmds.add_parser("extend", help="the one 30-day extension, with the written notice "
                        "sent within the first 60 days")
    p.add_argument("amendment_id")
    p.add_argument("--notice-sent", required=True, type=date.fromisoformat,
                   help="YYYY-MM-DD the written notice went to the client")
    p.add_argument("--reason", required=True, help="the reason the notice gives")
    add_actor_option(p)
    p.set_defaults(handler=cmd_extend)

    p = cmds.add_parser("list", help="a client's amendment requests")
    p.add_argument("client_id")
    add_actor_option(p)
    p.set_defaults(handler=cmd_list)


def _session(args: argparse.Namespace) -> tuple[Any, Any]:
    from notewright.cli.acting import actor, open_store

    store = open_store()
    return store, actor(store, args)


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def cmd_add(args: argparse.Namespace) -> int:
    from notewright.practice import amendments

    store, user = _session(args)
    with store:
        req = amendments.request_amendment(
            store, user, note_id=args.note, requested_change=args.change,
            client_reason=args.reason, received_on=args.received or store.clock().date())
    _out(f"amendment request {req.id} recorded; due {req.due_on.isoformat()}")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from notewright.practice import amendments

    store, user = _session(args)
    with store:
        req = amendments.accept_amendment(store, user, args.amendment_id,
                                          amendment_text=args.text, notify=args.notify,
                                          on=args.on)
    _out(f"accepted: the amendment is linked to note {req.note_id}")
    if req.notify:
        _out("notify: " + "; ".join(req.notify))
    return 0


def cmd_deny(args: argparse.Namespace) -> int:
    from notewright.practice import amendments

    store, user = _session(args)
    with store:
        req = amendments.deny_amendment(store, user, args.amendment_id, basis=args.basis,
                                        explanation=args.explanation, on=args.on)
    _out(f"denied ({req.denial_basis.value if req.denial_basis else args.basis}); the "
         "client may file a statement of disagreement")
    return 0


def cmd_extend(args: argparse.Namespace) -> int:
    from notewright.practice import amendments

    store, user = _session(args)
    with store:
        req = amendments.extend_amendment(store, user, args.amendment_id,
                                          notice_sent_on=args.notice_sent, reason=args.reason)
    _out(f"extended: due {req.due_on.isoformat()}")
    return 0


def cmd_disagree(args: argparse.Namespace) -> int:
    from notewright.practice import amendments

    store, user = _session(args)
    with store:
        amendments.file_disagreement(store, user, args.amendment_id, args.statement)
    _out("statement of disagreement filed; it goes with later disclosures of the note")
    return 0


def cmd_rebut(args: argparse.Namespace) -> int:
    from notewright.practice import amendments

    store, user = _session(args)
    with store:
        amendments.add_rebuttal(store, user, args.amendment_id, args.rebuttal)
    _out("rebuttal recorded; send the client a copy")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from notewright.practice import amendments

    store, user = _session(args)
    with store:
        found = amendments.amendments_for_client(store, user, args.client_id)
    for r in found:
        extra = ""
        if r.disagreement is not None:
            extra += "  disagreement"
        if r.rebuttal is not None:
            extra += "  rebuttal"
        _out(f"{r.id}  {r.received_on.isoformat()}  {r.status.value:<9}  due "
             f"{r.due_on.isoformat()}  note {r.note_id}{extra}")
    if not found:
        _out("no amendment requests")
    return 0
