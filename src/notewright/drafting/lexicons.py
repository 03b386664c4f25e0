"""Lexicons as data: TSV files with a header row under `data/lexicons/` (they open in a
spreadsheet). Lines starting with `#` are comments. Errors name the file and line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
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


def _scan(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of a pattern outside
    escapes and character classes, from `start`."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(c, 0)
            yield i, c, depth
        i += 1


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level `|` (not inside groups or character classes)."""
    parts, start = [], 0
    for i, c, depth in _scan(pattern):
        if c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


_HEAD = r"(?<![\w-])"


def _edged(alternative: str) -> str:
    """Whole-word edges, where the alternative starts or ends with a word character
    (": denied" must still match right after "SI")."""
    # Look-behinds consume nothing: "(?<!as an )interpretation" still starts a word.
    bare = re.sub(r"^(?:\^|\(\?<[=!][^()]*\)|\((?:\?(?:[-a-zA-Z]+:|:))?)+", "", alternative)
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


_META = set("\\.[](){}|?*+^$")
_QUANTIFIER = set("?*{")
_LOOKAROUND = re.compile(r"\(\?<?[=!][^()]*\)")


def _group_end(pattern: str, start: int) -> int:
    """The index just past the `)` that closes the group opened at `start`."""
    for i, c, depth in _scan(pattern, start):
        if c == ")" and depth == 0:
            return i + 1
    return len(pattern)


def _heads(alternative: str) -> frozenset[str] | None:
    """Case-folded literal text that every match of `alternative` starts with (one of the
    set), or None when it can start with anything (a class, `\\w`, an optional part)."""
    i = 0
    while True:  # anchors and look-behinds consume nothing
        if alternative.startswith(("^", "\\b"), i):
            i += 1 if alternative[i] == "^" else 2
        elif alternative.startswith(("\\W*", "\\W+"), i):
            # "^\W*careful": the match may start at punctuation, but the word after it is
            # there, at a word start, whenever the pattern matches; that is all the
            # prefilter asks of a head.
            i += 3
        elif alternative.startswith(("(?<=", "(?<!", "(?=", "(?!"), i):
            i = _group_end(alternative, i)
        else:
            break
    if alternative.startswith("(", i):
        end = _group_end(alternative, i)
        optional = alternative[end:end + 1]
        if optional == "{":
            return None
        inner = re.sub(r"^\?(?:[-a-zA-Z]+:|:)", "", alternative[i + 1:end - 1])
        parts = _alternatives(inner)
        if all(_LOOKAROUND.fullmatch(p) for p in parts):
            # "(?:(?<=denies )|(?<=no ))si": a choice of look-behinds consumes nothing,
            # and where each is plain text the match is preceded by one of them.
            rest = _heads(alternative[end:])
            behind = [p[4:-1].casefold() for p in parts if p.startswith("(?<=")]
            if rest is None or len(behind) < len(parts) or any(
                    _META & set(b) for b in behind):
                return rest
            return frozenset(b + r for b in behind for r in rest)
        found: set[str] = set()
        if optional in ("?", "*"):
            # "(would )?welcome death": a match starts in the group or just after it.
            rest = _heads(alternative[end + 1:].removeprefix("?"))
            if rest is None:
                return None
            found |= rest
        for part in parts:
            heads = _heads(part)
            if heads is None:
                return None
            found |= heads
        return frozenset(found)
    literal = []
    while i < len(alternative):
        c = alternative[i]
        if c == "\\" and i + 1 < len(alternative) and not alternative[i + 1].isalnum():
            literal.append(alternative[i + 1])
            i += 2
            continue
        if c in _META:
            if c in _QUANTIFIER and literal:
                optional = literal.pop()  # the character before an optional mark
                if not literal and c == "?":
                    # '"?I'm having', '\(?not': the match starts with it or without it.
                    rest = _heads(alternative[i + 1:])
                    if rest is None:
                        return None
                    return frozenset(rest | {(optional + h).casefold() for h in rest})
            break
        literal.append(c)
        i += 1
    head = "".join(literal).casefold()
    return frozenset([head]) if head else None


_WORD_HEAD = re.compile(r"\w+")
_WORD_STARTS = re.compile(r"\b(\w{1,3})(\w*)")


@dataclass(frozen=True, slots=True)
class Prefilter:
    """What a pattern's matches must start with: for alternatives that start at a word
    start, the first one to three letters of that word (`keys`; "=i" is the whole word
    "i"); for the others, literal text (`loose`). Tested against a `Folded` text before
    the regular expression runs."""

    keys: frozenset[str]
    loose: tuple[str, ...]


def prefilter(pattern: str) -> Prefilter | None:
    """The prefilter of a lexicon pattern, or None when its start cannot be told (then
    the expression always runs)."""
    keys: set[str] = set()
    loose: set[str] = set()
    for alternative in _alternatives(pattern):
        heads = _heads(alternative) if alternative else None
        if heads is None:
            return None
        at_word_start = _edged(alternative).startswith(_HEAD)
        for head in heads:
            word = _WORD_HEAD.match(head)
            if at_word_start and word:
                # "i " is the word "I" itself, not any word that starts with an i.
                whole = len(word.group()) < min(3, len(head))
                keys.add(("=" if whole else "") + word.group()[:3])
            else:
                loose.add(head)
    return Prefilter(frozenset(keys), tuple(sorted(loose)))


@dataclass(frozen=True, slots=True)
class Folded:
    """A text case-folded once, with the first one to three letters of each of its words,
    for `PatternRow.may_match`."""

    text: str
    starts: frozenset[str]
    exact: bool  # False when case folding changed the text's length: then test nothing

    @classmethod
    def of(cls, text: str) -> Folded:
        folded = text.casefold()
        starts: set[str] = set()
        for m in _WORD_STARTS.finditer(folded):
            w = m.group(1)
            starts.update((w[:1], w[:2], w))
            if len(w) < 3 and not m.group(2):
                starts.add("=" + w)
        return cls(folded, frozenset(starts), len(folded) == len(text))


@lru_cache(maxsize=4096)  # the same unit is asked about by several lexicons
def fold(text: str) -> Folded:
    """`Folded.of(text)`, remembered."""
    return Folded.of(text)


@dataclass(frozen=True, slots=True)
class PatternRow:
    pattern: re.Pattern[str]
    value: str
    extra: str
    line: int
    prefilter: Prefilter | None = None

    def may_match(self, folded: Folded) -> bool:
        """False when the pattern cannot match the text: none of the words its matches
        start with is there. Most units mention no row of a lexicon at all, and a set
        test costs far less than running the expression."""
        f = self.prefilter
        if f is None or not folded.exact:
            return True
        return not f.keys.isdisjoint(folded.starts) or any(h in folded.text for h in f.loose)


class Lexicon:
    """A lexicon's rows in file order, indexed by what their matches start with, so that
    a unit is tried only against the rows it could match: a few words cannot start most
    of a lexicon's hundreds of rows, and asking every row costs more than the matching."""

    __slots__ = ("rows", "_by_key", "_keys", "_loose", "_always")

    def __init__(self, rows: tuple[PatternRow, ...]) -> None:
        self.rows = rows
        by_key: dict[str, list[int]] = {}
        loose: list[tuple[str, int]] = []
        always: list[int] = []
        for i, row in enumerate(rows):
            if row.prefilter is None:
                always.append(i)
                continue
            for key in row.prefilter.keys:
                by_key.setdefault(key, []).append(i)
            loose.extend((head, i) for head in row.prefilter.loose)
        self._by_key = {key: tuple(found) for key, found in by_key.items()}
        self._keys = frozenset(by_key)
        self._loose = tuple(loose)
        self._always = tuple(always)

    def __iter__(self) -> Iterator[PatternRow]:
        return iter(self.rows)

    def candidates(self, folded: Folded) -> tuple[PatternRow, ...]:
        """The rows, in file order, that may match the text: exactly those for which
        `PatternRow.may_match` is true."""
        if not folded.exact:
            return self.rows
        hits = set(self._always)
        for key in folded.starts & self._keys:
            hits.update(self._by_key[key])
        hits.update(i for head, i in self._loose if head in folded.text)
        return tuple(self.rows[i] for i in sorted(hits))


def pattern_rows(name: str, value_column: str, extra_column: str | None = None,
                 *, allowed: tuple[str, ...] | None = None) -> Lexicon:
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
                              row.get(extra_column, "").strip() if extra_column else "", line,
                              prefilter(row["pattern"])))
    return Lexicon(tuple(out))


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
