"""Reading the CLI's input the same way in every command: a file path or `-` for stdin."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def run_jsonl_batch(path: str, handle: Callable[[dict[str, Any]], dict[str, Any]],
                    *, expects: str) -> int:
    """The batch contract shared by `draft --jsonl` and `disclosure check --jsonl`: one
    JSON object a line in, one line out per input line, in order, with the input's "id";
    a bad line becomes {"id": ..., "error": "line N: ..."} and the batch goes on."""
    import json

    from notewright.errors import NotewrightError

    out = sys.stdout
    for number, line in iter_lines(path, what="jsonl"):
        ident: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError(f"each line must be a JSON object: {expects}")
            ident = item.get("id")
            record = handle(item)
            record["id"] = ident
        except json.JSONDecodeError as exc:
            record = {"id": ident, "error": f"line {number}: not valid JSON ({exc.msg})"}
        except RecursionError:  # the JSON parser recurses once per nesting level
            record = {"id": ident, "error": f"line {number}: JSON nested too deeply"}
        except (ValueError, NotewrightError) as exc:
            message = exc.message if isinstance(exc, NotewrightError) else str(exc)
            record = {"id": ident, "error": f"line {number}: {message}"}
        line_out = json.dumps(record, ensure_ascii=False)
        try:
            line_out.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape: keep it escaped
            line_out = json.dumps(record)
        out.write(line_out + "\n")
    return 0
