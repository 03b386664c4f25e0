"""A clinician's review of the engine's decision: confirm it, or override it.

PURE. Both need a written reason. An override may withhold anything (the reason goes
into the denial letter), and may release an ordinary category the engine refused on the
clinician's documented judgment; but it can never release psychotherapy notes
(164.508(a)(2)) or 42 CFR Part 2 records unless the engine itself, re-run on the
corrected facts the clinician gives, releases them. That is a rule, not a warning:
`override` raises `OverrideRefused`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from notewright.disclosure import decide
from notewright.errors import IllegalTransition, InvalidInput

# Categories an override can release only if the engine, on the facts given, does.
GATED = {
    "psychotherapy_notes": "45 CFR 164.508(a)(2)",
    "sud_records": "42 CFR 2.31, 2.64",
}
MIN_REASON = 12  # characters: "ok" is not a written reason
WITHHELD_CODE = "withheld_on_clinician_review"


class OverrideRefused(IllegalTransition):
    code = "override_refused"


@dataclass(frozen=True)
class EffectiveDecision:
    """What the practice will actually do: the engine's decision as confirmed, or as
    overridden. The packet is built from this, never from the unreviewed decision."""

    release: tuple[str, ...]
    refuse: tuple[dict[str, str], ...]  # {category, reason_code, cite}
    accounting_required: bool
    deadline_days: int | None
    explanation: tuple[str, ...]
    action: str  # "confirmed" or "overridden"
    reason: str
    rule_version: str

    def to_dict(self) -> dict[str, Any]:
        return {"release": list(self.release), "refuse": [dict(r) for r in self.refuse],
                "accounting_required": self.accounting_required,
                "deadline_days": self.deadline_days, "explanation": list(self.explanation),
                "action": self.action, "reason": self.reason,
                "rule_version": self.rule_version}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> EffectiveDecision:
        return cls(release=tuple(d["release"]), refuse=tuple(dict(r) for r in d["refuse"]),
                   accounting_required=bool(d["accounting_required"]),
                   deadline_days=d["deadline_days"], explanation=tuple(d["explanation"]),
                   action=d["action"], reason=d["reason"], rule_version=d["rule_version"])

    def releases(self, category: str) -> bool:
        return category in self.release


def _reason(reason: str) -> str:
    text = " ".join(reason.split())
    if len(text) < MIN_REASON:
        raise InvalidInput(f"a written reason of at least {MIN_REASON} characters is required",
                           field="reason")
    return text


def confirm(decision: Mapping[str, Any], *, rule_version: str,
            reason: str) -> EffectiveDecision:
    """The clinician agrees with the engine, and says why in writing."""
    return EffectiveDecision(
        release=tuple(decision["release"]),
        refuse=tuple(dict(r) for r in decision["refuse"]),
        accounting_required=bool(decision["accounting_required"]),
        deadline_days=decision["deadline_days"],
        explanation=tuple(decision["explanation"]), action="confirmed",
        reason=_reason(reason), rule_version=rule_version)


def override(decision: Mapping[str, Any], engine_request: Mapping[str, Any], *,
             release: list[str] | tuple[str, ...], reason: str, rule_version: str,
             facts: Mapping[str, Any] | None = None) -> EffectiveDecision:
    """The clinician releases `release` (a subset of what was asked) instead.

    With `facts`, the engine is re-run on the corrected facts first and its decision
    becomes the base; the gated categories follow that base and nothing else.
    """
    why = _reason(reason)
    requested = list(engine_request["requested"])
    unknown = sorted(set(release) - set(requested))
    if unknown:
        raise InvalidInput(f"{unknown[0]} was not requested", field="release",
                           allowed=requested)
    base: Mapping[str, Any] = decision
    explanation: list[str] = list(decision["explanation"])
    if facts is not None:
        rerun: dict[str, Any] = decide({**engine_request, "facts": dict(facts)}).to_dict()
        base = rerun
        explanation = ["Re-decided on the facts corrected at review:",
                       *rerun["explanation"]]
    base_release = set(base["release"])
    for category, cite in GATED.items():
        if category in release and category not in base_release:
            code = next((r["reason_code"] for r in base["refuse"]
                         if r["category"] == category), "not_released")
            raise OverrideRefused(
                f"{category} cannot be released by override: the rules refuse it "
                f"({code}, {cite}). Record the authorization, consent or order that "
                "permits it and decide again, or give the corrected facts.")
    base_refusals = {r["category"]: dict(r) for r in base["refuse"]}
    refuse = []
    for category in requested:
        if category in release:
            continue
        refuse.append(base_refusals.get(category) or {
            "category": category, "reason_code": WITHHELD_CODE,
            "cite": "clinician's written reason on file"})
    ordered = tuple(c for c in requested if c in release)
    return EffectiveDecision(
        release=ordered, refuse=tuple(refuse),
        accounting_required=bool(base["accounting_required"]) and bool(ordered),
        deadline_days=base["deadline_days"], explanation=tuple(explanation),
        action="overridden", reason=why, rule_version=rule_version)
