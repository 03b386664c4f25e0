"""The `notewright` command: a thin adapter over the library.

Each command group lives in its own module with `register(subparsers)`; registering is
cheap (argparse only) and each handler imports what it needs when it runs, so the
command starts fast. Errors are translated here, once: a `NotewrightError` becomes one
line on stderr; bad input exits 2, every other refusal exits 1. No tracebacks.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from notewright import __version__
from notewright.errors import InvalidInput, NotewrightError

# Command modules, in the order `notewright --help` lists them.
COMMAND_MODULES = (
    "notewright.cli.draft",
    "notewright.cli.disclosure",
    "notewright.cli.admin",
    "notewright.cli.serve",
    "notewright.cli.requests",
    "notewright.cli.amendment",
)

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse prints usage and exits 2 on bad arguments; keep that, but one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"notewright: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="notewright",
        description="Progress notes from a therapist's own words; records and disclosures.",
    )
    parser.add_argument("--version", action="version", version=f"notewright {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except InvalidInput as exc:
        sys.stderr.write(f"notewright: {exc.message}\n")
        return 2
    except NotewrightError as exc:
        sys.stderr.write(f"notewright: {exc.message}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("notewright: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
