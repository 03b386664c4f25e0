"""Reading and checking the rule files in notewright/data/disclosure.

The files are edited by people (a privacy officer, a compliance reviewer), so a mistake in
one must say where it is: file, line and field, as a DataFileError, never a KeyError deep
in the engine. tomllib does not keep line numbers, so `line_of` finds them in the text.
Reading package data through importlib.resources keeps the core free of os and paths.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from notewright.errors import DataFileError

_TOML_LINE = re.compile(r"at line (\d+)")


def read(name: str) -> str:
    """The text of a shipped rule file."""
    return resources.files("notewright").joinpath("data", "disclosure", name).read_text("utf-8")


class RuleFile:
    """A parsed TOML rule file that can point at its own lines when something is wrong."""

    def __init__(self, name: str, text: str) -> None:
        self.name = f"notewright/data/disclosure/{name}"
        self.lines = text.splitlines()
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = _TOML_LINE.search(str(exc))
            raise DataFileError(self.name, f"not valid TOML: {exc}",
                                line=int(match.group(1)) if match else None) from None

    def line_of(self, table: str, key: str | None = None) -> int | None:
        """The line of `[table]` (or of `key = ` inside it), counted from 1."""
        header = -1
        wanted = {f"[{table}]", f"[[{table}]]"}
        for n, line in enumerate(self.lines):
            if line.strip() in wanted:
                header = n
                break
        if header < 0:
            # An inline table (`client = { ... }`) or a dotted key: find its last part.
            last = table.rsplit(".", 1)[-1]
            for n, line in enumerate(self.lines):
                if line.lstrip().startswith(f"{last} ="):
                    return n + 1
            return None
        if key is None:
            return header + 1
        for n in range(header + 1, len(self.lines)):
            stripped = self.lines[n].strip()
            if stripped.startswith("["):
                break
            if stripped.startswith(f"{key} =") or stripped.startswith(f"{key}="):
                return n + 1
        return header + 1

    def error(self, message: str, table: str, key: str | None = None) -> DataFileError:
        field = f"{table}.{key}" if key else table
        return DataFileError(self.name, message, line=self.line_of(table, key), field=field)

    def table(self, value: object, table: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.error("must be a table", table)
        return value

    def keys(self, value: Mapping[str, Any], table: str, *, required: Iterable[str],
             optional: Iterable[str] = ()) -> None:
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in required:
            if key not in value:
                raise self.error(f"missing key `{key}`", table)
        for key in value:
            if key not in allowed:
                raise self.error(f"unknown key `{key}`; allowed: {', '.join(sorted(allowed))}",
                                 table, key)

    def text(self, value: Mapping[str, Any], table: str, key: str) -> str:
        item = value.get(key)
        if not isinstance(item, str) or not item.strip():
            raise self.error("must be a non-empty string", table, key)
        return item

    def flag(self, value: Mapping[str, Any], table: str, key: str) -> bool:
        item = value.get(key)
        if not isinstance(item, bool):
            raise self.error("must be true or false", table, key)
        return item

    def number(self, value: Mapping[str, Any], table: str, key: str) -> int:
        item = value.get(key)
        if not isinstance(item, int) or isinstance(item, bool) or item < 0:
            raise self.error("must be a whole number of 0 or more", table, key)
        return item

    def words(self, value: Mapping[str, Any], table: str, key: str,
              allowed: Iterable[str] | None = None) -> tuple[str, ...]:
        item = value.get(key)
        if not isinstance(item, list) or not all(isinstance(w, str) for w in item):
            raise self.error("must be a list of strings", table, key)
        if allowed is not None:
            allowed = tuple(allowed)
            for word in item:
                if word not in allowed:
                    raise self.error(f"unknown value `{word}`; allowed: {', '.join(allowed)}",
                                     table, key)
        return tuple(item)

    def choice(self, value: Mapping[str, Any], table: str, key: str,
               allowed: Iterable[str]) -> str:
        item = self.text(value, table, key)
        allowed = tuple(allowed)
        if item not in allowed:
            raise self.error(f"unknown value `{item}`; allowed: {', '.join(allowed)}", table, key)
        return item
