"""The request x category matrix (digest §4) as loaded from matrix.toml.

Which requesters may rely on a basis, whether a release on it is accountable, limited to
the minimum necessary, or subject to the access deadline, and which psychotherapy-note and
Part 2 rule applies: all of that is data. The rules' conditions on facts are code
(psychotherapy_notes.py, part2.py), so the loader accepts only rule names the code knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from notewright.disclosure import datafiles
from notewright.disclosure.vocabulary import BASES, CATEGORIES, REASON_CODES, REQUESTERS

FILE = "matrix.toml"

PSYCHOTHERAPY_NOTE_RULES = (
    "excluded_from_access", "specific_authorization_only", "originator_use",
    "own_training_program", "defence_of_own_action", "hhs_compliance", "required_by_law",
    "named_in_order", "subpoena", "oversight_of_originator", "serious_threat",
)
PART2_RULES = (
    "patient_access", "consent", "tpo_consent", "court_order", "required_by_law",
    "emergency_only", "audit", "cause_of_death",
)
ACCOUNTING = ("true", "false", "unless_own_counsel")


@dataclass(frozen=True, slots=True)
class BasisRule:
    basis: str
    cite: str
    requesters: frozenset[str]  # empty = anyone
    no_basis_code: str | None
    accounting: str  # "true" | "false" | "unless_own_counsel"
    minimum_necessary: bool
    access_right: bool
    psychotherapy_notes: str
    part2: str
    summary: str

    def open_to(self, requester: str) -> bool:
        return not self.requesters or requester in self.requesters


@dataclass(frozen=True, slots=True)
class GateRule:
    name: str
    cite: str
    failure: str
    outside_failure: str | None
    summary: str


@dataclass(frozen=True, slots=True)
class Matrix:
    general: frozenset[str]
    no_basis_code: dict[str, str]
    bases: dict[str, BasisRule]
    psychotherapy_note_rules: dict[str, GateRule]
    part2_rules: dict[str, GateRule]


def _gate_rules(rf: datafiles.RuleFile, section: str, names: tuple[str, ...],
                described_by: str) -> dict[str, GateRule]:
    tables = rf.table(rf.data.get(section), section)
    rules: dict[str, GateRule] = {}
    for name in names:
        if name not in tables:
            raise rf.error(f"missing rule `{name}`", section)
    for name, value in tables.items():
        where = f"{section}.{name}"
        if name not in names:
            raise rf.error(f"unknown rule `{name}`; the engine knows: {', '.join(names)}", where)
        entry = rf.table(value, where)
        rf.keys(entry, where, required=("cite", "failure", described_by),
                optional=("outside_failure",))
        outside = entry.get("outside_failure")
        rules[name] = GateRule(
            name, rf.text(entry, where, "cite"),
            rf.choice(entry, where, "failure", REASON_CODES),
            rf.choice(entry, where, "outside_failure", REASON_CODES) if outside else None,
            rf.text(entry, where, described_by),
        )
    return rules


def parse(text: str, name: str = FILE) -> Matrix:
    rf = datafiles.RuleFile(name, text)
    rf.keys(rf.data, "(top level)", required=(
        "categories", "requesters", "bases", "psychotherapy_note_rules", "part2_rules"))
    cats = rf.table(rf.data["categories"], "categories")
    rf.keys(cats, "categories", required=("general", "special"))
    general = rf.words(cats, "categories", "general", CATEGORIES)
    special = rf.words(cats, "categories", "special", CATEGORIES)
    if sorted(general + special) != sorted(CATEGORIES):
        raise rf.error("general + special must list every category exactly once", "categories")

    req = rf.table(rf.data["requesters"], "requesters")
    no_basis: dict[str, str] = {}
    for requester in REQUESTERS:
        where = f"requesters.{requester}"
        entry = rf.table(req.get(requester), where)
        rf.keys(entry, where, required=("no_basis_code",))
        no_basis[requester] = rf.choice(entry, where, "no_basis_code", REASON_CODES)
    for requester in req:
        if requester not in REQUESTERS:
            raise rf.error(f"unknown requester `{requester}`", f"requesters.{requester}")

    tables = rf.table(rf.data["bases"], "bases")
    bases: dict[str, BasisRule] = {}
    for basis in BASES:
        if basis not in tables:
            raise rf.error(f"missing basis `{basis}`", "bases")
    for basis, value in tables.items():
        where = f"bases.{basis}"
        if basis not in BASES:
            raise rf.error(f"unknown basis `{basis}`", where)
        entry = rf.table(value, where)
        rf.keys(entry, where, required=(
            "cite", "requesters", "accounting", "minimum_necessary", "access_right",
            "psychotherapy_notes", "part2", "summary"), optional=("no_basis_code",))
        who = rf.words(entry, where, "requesters", (*REQUESTERS, "*"))
        accounting = entry.get("accounting")
        accounting_text = str(accounting).lower() if isinstance(accounting, bool) else accounting
        if accounting_text not in ACCOUNTING:
            raise rf.error("must be true, false or \"unless_own_counsel\"", where, "accounting")
        code = entry.get("no_basis_code")
        bases[basis] = BasisRule(
            basis=basis, cite=rf.text(entry, where, "cite"),
            requesters=frozenset() if "*" in who else frozenset(who),
            no_basis_code=rf.choice(entry, where, "no_basis_code", REASON_CODES) if code else None,
            accounting=str(accounting_text),
            minimum_necessary=rf.flag(entry, where, "minimum_necessary"),
            access_right=rf.flag(entry, where, "access_right"),
            psychotherapy_notes=rf.choice(entry, where, "psychotherapy_notes",
                                          PSYCHOTHERAPY_NOTE_RULES),
            part2=rf.choice(entry, where, "part2", PART2_RULES),
            summary=rf.text(entry, where, "summary"),
        )
    return Matrix(
        general=frozenset(general), no_basis_code=no_basis, bases=bases,
        psychotherapy_note_rules=_gate_rules(rf, "psychotherapy_note_rules",
                                             PSYCHOTHERAPY_NOTE_RULES, "exception"),
        part2_rules=_gate_rules(rf, "part2_rules", PART2_RULES, "summary"),
    )


@cache
def load() -> Matrix:
    return parse(datafiles.read(FILE))
