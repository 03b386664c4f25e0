"""Decision values. `Decision.to_dict()` is exactly the contract's JSON, nothing more.

Extra context the records workflow needs (which step refused a category, which rule
version decided) lives on the values but stays out of to_dict(): the contract shape is
fixed, and callers that store decisions read those attributes directly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One step's verdict that a category must be refused.

    `cite` overrides the code's default citation when the step knows a more precise one
    (a state's own statute, the exact paragraph); `note` says why for this request.
    """

    code: str
    cite: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Refusal:
    category: str
    reason_code: str
    cite: str
    step: str  # the decision-procedure step that refused (vocabulary.STEPS)

    def to_dict(self) -> dict[str, str]:
        return {"category": self.category, "reason_code": self.reason_code, "cite": self.cite}


@dataclass(frozen=True, slots=True)
class Decision:
    release: tuple[str, ...]
    refuse: tuple[Refusal, ...]
    accounting_required: bool
    deadline_days: int | None
    explanation: tuple[str, ...]
    warnings: tuple[str, ...]
    rule_version: str

    def to_dict(self) -> dict[str, object]:
        return {
            "release": list(self.release),
            "refuse": [r.to_dict() for r in self.refuse],
            "accounting_required": self.accounting_required,
            "deadline_days": self.deadline_days,
            "explanation": list(self.explanation),
            "warnings": list(self.warnings),
        }
