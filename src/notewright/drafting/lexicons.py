"""Lexicons as data: TSV files with a header row under `data/lexicons/` (they open in a
spreadsheet). Lines starting with `#` are comments. Errors name the file and line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from notewright.errors import DataFileError


def _read(name: str) -> str:
    return resources.files("notewright").joinpath("data", "lexicons", name).read_text("utf-8")


def read_tsv(name: str, text: str | None = None) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV lexicon as (line number, {column: value})."""
    text = _read(name) if text is None else text
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise DataFileError(f"lexicons/{name}", f"{len(cells)} columns, the header has "
                                f"{len(header)}", line=number)
        cells += [""] * (len(header) - len(cells))
        rows.append((number, dict(zip(header, cells, strict=True))))
    if header is None:
        raise DataFileError(f"lexicons/{name}", "no header row")
    return rows


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level `|` (not inside groups or character classes)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


_HEAD = r"(?<![\w-])"


def _edged(alternative: str) -> str:
    """Whole-word edges, where the alternative starts or ends with a word character
    (": denied" must still match right after "SI")."""
    bare = re.sub(r"^(?:\^|\((?:\?(?:[-a-zA-Z]+:|:))?)+", "", alternative)
    wordy = bare[:1].isalnum() or bare[:1] == "(" or (bare[:1] == "\\" and bare[1:2] in "bwdBWD")
    head = _HEAD if wordy else ""
    tail = r"(?![\w-])" if alternative[-1:].isalnum() or alternative[-1:] in ")?*+" else ""
    return f"{head}(?:{alternative}){tail}"


def _joined(alternatives: list[str]) -> str:
    # The word-start check is written once in front of the word-edged alternatives, so
    # the matcher gives up inside a word at the first step instead of trying every
    # alternative at every character (several times faster on long lexicon rows).
    edged = [_edged(a) for a in alternatives if a]
    headed = [e[len(_HEAD):] for e in edged if e.startswith(_HEAD)]
    rest = [e for e in edged if not e.startswith(_HEAD)]
    parts = ([f"{_HEAD}(?:{'|'.join(headed)})"] if headed else []) + rest
    return "|".join(parts)


def compile_pattern(pattern: str, *, file: str, line: int, flags: int = re.IGNORECASE
                    ) -> re.Pattern[str]:
    """A lexicon pattern matched on whole words (word edges added to each alternative that
    has word characters at its ends)."""
    if not pattern.strip():
        raise DataFileError(f"lexicons/{file}", "empty pattern", line=line, field="pattern")
    try:
        return re.compile(_joined(_alternatives(pattern)), flags)
    except re.error as exc:
        raise DataFileError(f"lexicons/{file}", f"bad pattern: {exc}", line=line,
                            field="pattern") from None


@dataclass(frozen=True, slots=True)
class PatternRow:
    pattern: re.Pattern[str]
    value: str
    extra: str
    line: int


def pattern_rows(name: str, value_column: str, extra_column: str | None = None,
                 *, allowed: tuple[str, ...] | None = None) -> tuple[PatternRow, ...]:
    out = []
    for line, row in read_tsv(name):
        value = row.get(value_column, "").strip()
        if not value:
            raise DataFileError(f"lexicons/{name}", "missing value", line=line,
                                field=value_column)
        if allowed is not None and value not in allowed:
            raise DataFileError(f"lexicons/{name}", f"{value!r} is not one of "
                                + ", ".join(allowed), line=line, field=value_column)
        out.append(PatternRow(compile_pattern(row["pattern"], file=name, line=line), value,
                              row.get(extra_column, "").strip() if extra_column else "", line))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class MeasureSpec:
    name: str
    aliases: tuple[str, ...]
    low: int
    high: int
    bands: tuple[tuple[int, int, str], ...]

    def band(self, score: int) -> str | None:
        for low, high, label in self.bands:
            if low <= score <= high:
                return label
        return None


@cache
def measure_specs() -> tuple[MeasureSpec, ...]:
    file = "lexicons/measures.toml"
    try:
        data = tomllib.loads(_read("measures.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(file, f"not valid TOML: {exc}") from None
    specs = []
    for i, raw in enumerate(data.get("measure", []), 1):
        try:
            specs.append(MeasureSpec(
                name=str(raw["name"]), aliases=tuple(str(a) for a in raw["aliases"]),
                low=int(raw["min"]), high=int(raw["max"]),
                bands=tuple((int(a), int(b), str(c)) for a, b, c in raw.get("bands", [])),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(file, f"bad entry: {exc}", field=f"measure[{i}]") from None
    return tuple(specs)
