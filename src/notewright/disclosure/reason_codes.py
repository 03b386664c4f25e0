"""The reason codes: citation, plain-language line and remedy for each, from reason_codes.toml.

The set of codes is fixed by the contract (vocabulary.REASON_CODES); the wording and the
citations are data a compliance reviewer edits. Loading checks that the two agree exactly,
so a code can never reach a decision without its citation and explanation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from notewright.disclosure import datafiles
from notewright.disclosure.vocabulary import REASON_CODES

FILE = "reason_codes.toml"


@dataclass(frozen=True, slots=True)
class ReasonCode:
    code: str
    cite: str
    explanation: str
    remedy: str


@dataclass(frozen=True, slots=True)
class ReasonCodes:
    rule_version: str
    codes: dict[str, ReasonCode]

    def __getitem__(self, code: str) -> ReasonCode:
        return self.codes[code]


def parse(text: str, name: str = FILE) -> ReasonCodes:
    """Parse and check a reason-code file; DataFileError names file, line and field."""
    rf = datafiles.RuleFile(name, text)
    rf.keys(rf.data, "(top level)", required=("rule_version", "codes"))
    version = rf.text(rf.data, "(top level)", "rule_version")
    tables = rf.table(rf.data["codes"], "codes")
    codes: dict[str, ReasonCode] = {}
    for code, value in tables.items():
        where = f"codes.{code}"
        if code not in REASON_CODES:
            raise rf.error(f"`{code}` is not a reason code of the contract", where)
        entry = rf.table(value, where)
        rf.keys(entry, where, required=("cite", "explanation", "remedy"))
        codes[code] = ReasonCode(code, rf.text(entry, where, "cite"),
                                 rf.text(entry, where, "explanation"),
                                 rf.text(entry, where, "remedy"))
    missing = [c for c in REASON_CODES if c not in codes]
    if missing:
        raise rf.error("missing reason codes of the contract: " + ", ".join(missing), "codes")
    return ReasonCodes(version, codes)


@cache
def load() -> ReasonCodes:
    """The shipped reason codes, read once per process."""
    return parse(datafiles.read(FILE))
