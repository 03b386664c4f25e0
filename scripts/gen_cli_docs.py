"""Write docs/cli.md from the CLI's own argparse definitions, so the reference cannot drift.

    .venv/bin/python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    .venv/bin/python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is stale

tests/test_docs.py runs the check.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from notewright.cli import build_parser

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _subparsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:  # argparse keeps its subcommands here
        if isinstance(action, argparse._SubParsersAction):
            found.extend(action.choices.items())
    return found


def render() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal: pin it
    parser = build_parser()
    parser.prog = "notewright"
    lines = ["# The `notewright` command", "",
             "Generated from the command's own help by `scripts/gen_cli_docs.py`; "
             "`make test` fails when this page is stale.", ""]

    def walk(p: argparse.ArgumentParser, path: list[str]) -> None:
        name = " ".join(["notewright", *path])
        lines.extend([f"{'#' * min(len(path) + 1, 4)} `{name}`", "", "```text",
                      p.format_help().rstrip().replace(p.prog, name, 1), "```", ""])
        for sub_name, sub in _subparsers(p):
            sub.prog = f"{name} {sub_name}"
            walk(sub, [*path, sub_name])

    walk(parser, [])
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text("utf-8") != text:
            print("docs/cli.md is stale: run scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
