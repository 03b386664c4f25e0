"""Reading the CLI's input the same way in every command: a file path or `-` for stdin."""

from __future__ import annotations

import sys
from pathlib import Path

from notewright.errors import InvalidInput


def read_text(source: str | None, *, what: str = "input") -> str:
    """Read UTF-8 text from a path, or from stdin when `source` is None or "-"."""
    try:
        if source in (None, "-"):
            data = sys.stdin.buffer.read()
        else:
            data = Path(source).read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {source}", field=what) from None
    except IsADirectoryError:
        raise InvalidInput(f"{source} is a directory, not a file", field=what) from None
    except PermissionError:
        raise InvalidInput(f"cannot read {source}: permission denied", field=what) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"not UTF-8 text (byte {exc.start} cannot be decoded); save the file as UTF-8",
            field=what,
        ) from None


def iter_lines(source: str, *, what: str = "input") -> list[tuple[int, str]]:
    """The non-blank lines of a JSONL file, numbered from 1."""
    text = read_text(source, what=what)
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
