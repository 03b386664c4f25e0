"""Note formats as data: `data/formats/*.toml`, one file a format.

Built-in formats and a practice's own files go through the same parser, so a new format is
a file, not code. Errors name the file, the section entry and the field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from notewright.drafting.model import KINDS
from notewright.errors import DataFileError, UnknownFormat


@dataclass(frozen=True, slots=True)
class SectionSpec:
    key: str
    title: str
    holds: tuple[str, ...]
    guidance: str


@dataclass(frozen=True, slots=True)
class NoteFormat:
    name: str
    title: str
    sections: tuple[SectionSpec, ...]
    risk_section: str
    clinician_term: str = "Clinician"
    client_term: str = "Client"

    def section_for(self, kind: str) -> str:
        for section in self.sections:
            if kind in section.holds:
                return section.key
        raise KeyError(kind)  # cannot happen for a validated format


def parse_format(text: str, file: str) -> NoteFormat:
    """Parse and validate one format file's text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(file, f"not valid TOML: {exc}") from None

    def need_str(table: dict[str, object], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DataFileError(file, "must be a non-empty string", field=f"{where}{key}")
        return value

    name = need_str(data, "name", "")
    title = need_str(data, "title", "")
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise DataFileError(file, "a format needs at least one [[sections]] entry",
                            field="sections")
    sections: list[SectionSpec] = []
    held: dict[str, str] = {}
    for i, raw in enumerate(raw_sections, 1):
        where = f"sections[{i}]."
        if not isinstance(raw, dict):
            raise DataFileError(file, "must be a table", field=f"sections[{i}]")
        key = need_str(raw, "key", where)
        holds = raw.get("holds")
        if not isinstance(holds, list) or not all(isinstance(h, str) for h in holds):
            raise DataFileError(file, "must be a list of kinds", field=f"{where}holds")
        for kind in holds:
            if kind not in KINDS:
                raise DataFileError(file, f"unknown kind {kind!r}; kinds are: "
                                    + ", ".join(KINDS), field=f"{where}holds")
            if kind in held:
                raise DataFileError(file, f"kind {kind!r} is already held by section "
                                    f"{held[kind]!r}", field=f"{where}holds")
            held[kind] = key
        if any(s.key == key for s in sections):
            raise DataFileError(file, f"duplicate section key {key!r}", field=f"{where}key")
        sections.append(SectionSpec(key=key, title=need_str(raw, "title", where),
                                    holds=tuple(holds),
                                    guidance=str(raw.get("guidance", ""))))
    missing = [k for k in KINDS if k not in held]
    if missing:
        raise DataFileError(file, "every kind of content needs a section; not held: "
                            + ", ".join(missing), field="sections")
    risk_section = need_str(data, "risk_section", "")
    if risk_section not in {s.key for s in sections}:
        raise DataFileError(file, f"risk_section {risk_section!r} is not a section key",
                            field="risk_section")
    return NoteFormat(
        name=name, title=title, sections=tuple(sections), risk_section=risk_section,
        clinician_term=str(data.get("clinician_term", "Clinician")),
        client_term=str(data.get("client_term", "Client")),
    )


def builtin_format_names() -> tuple[str, ...]:
    folder = resources.files("notewright").joinpath("data", "formats")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def load_format(name: str) -> NoteFormat:
    """A built-in format by name (soap, dap, birp, girp, pie, …)."""
    if not isinstance(name, str):  # checked before the cache: a list is not hashable
        raise UnknownFormat(f"unknown note format {name!r}"[:80], field="format",
                            allowed=builtin_format_names())
    return _load_format(name)


@cache
def _load_format(name: str) -> NoteFormat:
    names = builtin_format_names()
    if name.lower() not in names:
        raise UnknownFormat(f"unknown note format {name!r}", field="format", allowed=names)
    path = resources.files("notewright").joinpath("data", "formats", f"{name.lower()}.toml")
    fmt = parse_format(path.read_text(encoding="utf-8"), f"formats/{name.lower()}.toml")
    if fmt.name != name.lower():
        raise DataFileError(f"formats/{name.lower()}.toml",
                            f"name {fmt.name!r} does not match the file name", field="name")
    return fmt
