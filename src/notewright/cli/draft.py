"""`notewright draft`: a progress-note draft from a session description.

    notewright draft [--format soap|dap|birp|girp|pie] [--json] [FILE|-]
    notewright draft --format F --jsonl FILE

The batch mode reads one {"id": ..., "text": ...} object a line and writes one line per
input, in order: the draft JSON plus "id", or {"id": ..., "error": "..."} for a bad line.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

FORMATS_HELP = "soap, dap, birp, girp, pie, or any format file shipped in data/formats"


def register(sub: Any) -> None:
    p = sub.add_parser("draft", help="draft a progress note from a session description",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", nargs="?", default="-", metavar="FILE|-",
                   help="the description (default: standard input)")
    p.add_argument("--format", "-f", default="soap", help=f"note format ({FORMATS_HELP})")
    p.add_argument("--json", action="store_true", help="print the draft as JSON")
    p.add_argument("--jsonl", metavar="FILE",
                   help="batch: one {\"id\", \"text\"} object per line in, one draft per line out")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from notewright.cli.io import read_text
    from notewright.drafting import draft, load_format

    fmt = load_format(args.format)  # an unknown format fails before any input is read
    if args.jsonl:
        return _batch(args.jsonl, fmt)
    text = read_text(args.source, what="description")
    result = draft(text, fmt)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_human(result) + "\n")
    return 0


def _human(result: Any) -> str:
    lines = [result.text]
    if result.withheld:
        lines.append("\nWITHHELD FROM THE NOTE")
        for w in result.withheld:
            what = ("process material (file it in the psychotherapy notes)"
                    if w.reason == "psychotherapy_note" else "direct quote")
            extra = f" -> paraphrase: {w.suggestion}" if w.suggestion else ""
            lines.append(f"- {what}: {w.text!r}{extra}")
    if result.warnings:
        lines.append("\nWARNINGS")
        lines.extend(f"- {w.code}: {w.message}" for w in result.warnings)
    return "\n".join(lines)


def _batch(path: str, fmt: Any) -> int:
    from notewright.cli.io import run_jsonl_batch
    from notewright.drafting import draft

    def handle(item: dict[str, Any]) -> dict[str, Any]:
        if "text" not in item:
            raise ValueError('missing field "text"')
        return draft(item["text"], fmt).to_dict()

    return run_jsonl_batch(path, handle, expects='{"id": ..., "text": ...}')
