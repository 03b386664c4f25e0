"""`notewright disclosure check`: the disclosure decision for a records request.

    notewright disclosure check [FILE|-] [--json]
    notewright disclosure check --jsonl FILE
    notewright disclosure accounting CLIENT [--since DATE] [--pdf FILE] --as USER

A thin adapter over `notewright.disclosure.decide`: read the request JSON, print the
decision as a table for a person, or as the contract's JSON with --json. The batch mode
reads one request a line, each with an added "id", and writes one decision a line, in
order, with that "id"; a bad line gives {"id": ..., "error": "..."} and the batch goes on.
Imports happen inside the handler so `notewright` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    group = sub.add_parser("disclosure", help="decide what a records request may receive",
                           description=__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = group.add_subparsers(dest="disclosure_command", metavar="COMMAND",
                                    parser_class=type(group))
    p = commands.add_parser("check", help="decide one request (or a JSONL batch)",
                            description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", nargs="?", default="-", metavar="FILE|-",
                   help="the request JSON (default: standard input)")
    p.add_argument("--json", action="store_true", help="print the decision as contract JSON")
    p.add_argument("--jsonl", metavar="FILE",
                   help="batch: one request (with \"id\") per line in, one decision per line out")
    p.set_defaults(handler=run)
    p = commands.add_parser("accounting", help="a client's accounting of disclosures "
                            "(45 CFR 164.528): six years, or since DATE")
    p.add_argument("client_id", metavar="CLIENT")
    p.add_argument("--since", type=_iso_date, metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--pdf", metavar="FILE", help="also write the report as PDF")
    p.add_argument("--json", action="store_true", help="one JSON object per entry")
    p.add_argument("--as", dest="as_user", metavar="USER", required=True,
                   help="who is acting (password from NOTEWRIGHT_PASSWORD or a prompt)")
    p.set_defaults(handler=run_accounting)
    group.set_defaults(handler=_usage(group))


def _iso_date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def run_accounting(args: argparse.Namespace) -> int:
    """The plain-language report a client can ask for; --pdf writes it as PDF too."""
    import json
    from pathlib import Path

    from notewright.cli.acting import actor, open_store
    from notewright.practice.accounting import accounting_report

    store = open_store()
    with store:
        report = accounting_report(store, actor(store, args), args.client_id,
                                   since=args.since)
        if args.pdf:
            Path(args.pdf).write_bytes(report.to_pdf())
    out = sys.stdout
    if args.json:
        for e in report.entries:
            out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        return 0
    out.write(f"Accounting of disclosures for {report.client_name}, "
              f"{report.since.isoformat()} to {report.as_of.isoformat()}\n")
    if not report.entries:
        out.write("No disclosures that must be accounted for in this period.\n")
    for e in report.entries:
        out.write(f"\n{e.disclosed_on.isoformat()}  to {e.recipient}\n"
                  f"  what: {e.description}\n  why:  {e.purpose}\n")
    return 0


def _usage(parser: argparse.ArgumentParser) -> Any:
    def show(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2
    return show


def run(args: argparse.Namespace) -> int:
    import json

    from notewright.cli.io import read_text
    from notewright.disclosure import decide
    from notewright.errors import InvalidInput

    if args.jsonl:
        return _batch(args.jsonl)
    text = read_text(args.source, what="request")
    try:
        request = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                           field="request") from None
    except RecursionError:
        raise InvalidInput("JSON nested too deeply", field="request") from None
    decision = decide(request)
    if args.json:
        sys.stdout.write(json.dumps(decision.to_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(human(decision) + "\n")
    return 0


def human(decision: Any) -> str:
    """A table a therapist can read: category, release/refuse, reason, citation."""
    rows = [(c, "release", "", "") for c in decision.release]
    rows += [(r.category, "REFUSE", r.reason_code, r.cite) for r in decision.refuse]
    header = ("category", "decision", "reason", "citation")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(3)]
    def line(row: tuple[str, ...]) -> str:
        cells = [str(v).ljust(w) for v, w in zip(row, widths, strict=False)]
        return "  ".join([*cells, row[3]]).rstrip()

    lines = [line(header), line(tuple("-" * w for w in [*widths, len(header[3])]))]
    lines.extend(line(row) for row in rows)
    deadline = (f"{decision.deadline_days} calendar days" if decision.deadline_days is not None
                else "none set by HIPAA")
    lines.append("")
    lines.append(f"deadline:   {deadline}")
    lines.append(f"accounting: {'required' if decision.accounting_required else 'not required'}")
    lines.append("")
    lines.append("EXPLANATION")
    lines.extend(f"- {line}" for line in decision.explanation)
    if decision.warnings:
        lines.append("")
        lines.append("WARNINGS")
        lines.extend(f"- {line}" for line in decision.warnings)
    return "\n".join(lines)


def _batch(path: str) -> int:
    from notewright.cli.io import run_jsonl_batch
    from notewright.disclosure import decide

    def handle(item: dict[str, Any]) -> dict[str, Any]:
        request = {k: v for k, v in item.items() if k != "id"}
        return dict(decide(request).to_dict())

    return run_jsonl_batch(path, handle, expects='a request with an "id"')
