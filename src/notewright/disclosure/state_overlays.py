"""State overlays (digest §12) as loaded from state_overlays.toml.

Each overlay is a set of optional rules with their citations. The loader accepts only the
rule shapes state_law.py knows how to apply, so an overlay a reviewer adds is either
enforced or rejected with its line, never silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from notewright.disclosure import datafiles
from notewright.disclosure.vocabulary import BASES, CATEGORIES, REQUESTERS

FILE = "state_overlays.toml"
_STATE = re.compile(r"^[A-Z]{2}$")
MINOR_ACCESS_RULES = ("own_consent_or_detriment", "objection_12_to_17")
# Facts a subpoena bar may accept as lifting it (contract fact keys).
SUBPOENA_BAR_FACTS = ("judge_order_attached", "patient_authorization_attached",
                      "issued_or_ordered_by_court", "order_signed_by_judge")


@dataclass(frozen=True, slots=True)
class AccessRule:
    deadline_days: int
    inspection_deadline_days: int | None
    extension_allowed: bool
    cite: str


@dataclass(frozen=True, slots=True)
class SubpoenaBar:
    unless_facts: tuple[str, ...]
    exempt_legal_process: tuple[str, ...]
    cite: str


@dataclass(frozen=True, slots=True)
class MinorAccess:
    rule: str
    min_age: int | None
    max_age: int | None
    parent_may_still_receive: frozenset[str]
    cite: str


@dataclass(frozen=True, slots=True)
class AuthorizationExtras:
    calendar_expiry: bool
    witnessed_signature: bool
    other_elements: bool
    no_blanket_consent: bool
    cite: str


@dataclass(frozen=True, slots=True)
class Overlay:
    state: str
    name: str
    access: AccessRule | None = None
    subpoena_bar: SubpoenaBar | None = None
    minor_access: MinorAccess | None = None
    authorization: AuthorizationExtras | None = None
    parent_authorization_cite: str | None = None
    written_request_bases: frozenset[str] = frozenset()
    written_request_cite: str | None = None
    threat_recipients: frozenset[str] | None = None
    threat_cite: str | None = None
    warnings: tuple[tuple[str, str], ...] = ()  # (basis or "any", line)


SECTIONS = ("name", "access", "subpoena_bar", "minor_access", "authorization",
            "parent_authorization", "written_request", "serious_threat", "warnings")


def _overlay(rf: datafiles.RuleFile, state: str, value: object) -> Overlay:
    t = rf.table(value, state)
    rf.keys(t, state, required=("name",), optional=SECTIONS)
    kw: dict[str, object] = {}
    if "access" in t:
        w = f"{state}.access"
        a = rf.table(t["access"], w)
        rf.keys(a, w, required=("deadline_days", "extension_allowed", "cite"),
                optional=("inspection_deadline_days",))
        kw["access"] = AccessRule(
            rf.number(a, w, "deadline_days"),
            rf.number(a, w, "inspection_deadline_days") if "inspection_deadline_days" in a
            else None,
            rf.flag(a, w, "extension_allowed"), rf.text(a, w, "cite"))
    if "subpoena_bar" in t:
        w = f"{state}.subpoena_bar"
        s = rf.table(t["subpoena_bar"], w)
        rf.keys(s, w, required=("unless_facts", "cite"), optional=("exempt_legal_process",))
        kw["subpoena_bar"] = SubpoenaBar(
            rf.words(s, w, "unless_facts", SUBPOENA_BAR_FACTS),
            rf.words(s, w, "exempt_legal_process") if "exempt_legal_process" in s else (),
            rf.text(s, w, "cite"))
    if "minor_access" in t:
        w = f"{state}.minor_access"
        m = rf.table(t["minor_access"], w)
        rf.keys(m, w, required=("rule", "cite"),
                optional=("min_age", "max_age", "parent_may_still_receive"))
        kw["minor_access"] = MinorAccess(
            rf.choice(m, w, "rule", MINOR_ACCESS_RULES),
            rf.number(m, w, "min_age") if "min_age" in m else None,
            rf.number(m, w, "max_age") if "max_age" in m else None,
            frozenset(rf.words(m, w, "parent_may_still_receive", CATEGORIES))
            if "parent_may_still_receive" in m else frozenset(),
            rf.text(m, w, "cite"))
    if "authorization" in t:
        w = f"{state}.authorization"
        x = rf.table(t["authorization"], w)
        names = ("calendar_expiry", "witnessed_signature", "other_elements",
                 "no_blanket_consent")
        rf.keys(x, w, required=("cite",), optional=names)
        flags = {n: rf.flag(x, w, n) if n in x else False for n in names}
        kw["authorization"] = AuthorizationExtras(**flags, cite=rf.text(x, w, "cite"))
    if "parent_authorization" in t:
        w = f"{state}.parent_authorization"
        p = rf.table(t["parent_authorization"], w)
        rf.keys(p, w, required=("cite",))
        kw["parent_authorization_cite"] = rf.text(p, w, "cite")
    if "written_request" in t:
        w = f"{state}.written_request"
        r = rf.table(t["written_request"], w)
        rf.keys(r, w, required=("bases", "cite"))
        kw["written_request_bases"] = frozenset(rf.words(r, w, "bases", BASES))
        kw["written_request_cite"] = rf.text(r, w, "cite")
    if "serious_threat" in t:
        w = f"{state}.serious_threat"
        r = rf.table(t["serious_threat"], w)
        rf.keys(r, w, required=("allowed_requesters", "cite"))
        kw["threat_recipients"] = frozenset(rf.words(r, w, "allowed_requesters", REQUESTERS))
        kw["threat_cite"] = rf.text(r, w, "cite")
    if "warnings" in t:
        w = f"{state}.warnings"
        r = rf.table(t["warnings"], w)
        rf.keys(r, w, required=(), optional=(*BASES, "any"))
        kw["warnings"] = tuple((k, rf.text(r, w, k)) for k in r)
    return Overlay(state, rf.text(t, state, "name"), **kw)  # type: ignore[arg-type]


def parse(text: str, name: str = FILE) -> dict[str, Overlay]:
    rf = datafiles.RuleFile(name, text)
    overlays: dict[str, Overlay] = {}
    for state, value in rf.data.items():
        if not _STATE.match(state):
            raise rf.error("a state is a two-letter upper-case code, e.g. CA", state)
        overlays[state] = _overlay(rf, state, value)
    return overlays


@cache
def load() -> dict[str, Overlay]:
    return parse(datafiles.read(FILE))
