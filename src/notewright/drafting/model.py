"""The values a draft is made of. Frozen dataclasses; `Draft.to_dict()` is the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Source = tuple[int, int]
"""A `[start, end)` range of character offsets into the exact description string."""

# The kinds of content a unit can carry. Format files map each to a section.
KINDS = (
    "report", "session", "observation", "measure", "screening",
    "intervention", "response", "assessment", "plan",
)
PROCESS = "process"  # psychotherapy-note material: withheld, never placed

RISK_IDEATION = ("endorsed_active", "endorsed_passive", "denied", "not_mentioned")
RISK_SELF_HARM = ("current", "history", "denied", "not_mentioned")


@dataclass(frozen=True, slots=True)
class Unit:
    """A clause-level piece of the description: one kind of content."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sources": [list(s) for s in self.sources]}


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    statements: tuple[Statement, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title,
                "statements": [s.to_dict() for s in self.statements]}


@dataclass(frozen=True, slots=True)
class Withheld:
    """Words kept out of the note: a direct quote, or psychotherapy-note material."""

    reason: str  # "verbatim" | "psychotherapy_note"
    sources: tuple[Source, ...]
    text: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"reason": self.reason,
                             "sources": [list(s) for s in self.sources], "text": self.text}
        if self.suggestion:
            d["suggestion"] = self.suggestion
        return d


@dataclass(frozen=True, slots=True)
class Risk:
    suicidal_ideation: str = "not_mentioned"
    homicidal_ideation: str = "not_mentioned"
    self_harm: str = "not_mentioned"
    abuse_disclosure: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"suicidal_ideation": self.suicidal_ideation,
                "homicidal_ideation": self.homicidal_ideation,
                "self_harm": self.self_harm, "abuse_disclosure": self.abuse_disclosure}


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    score: int
    band: str | None
    sources: tuple[Source, ...]
    valid: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": self.score, "band": self.band,
                "sources": [list(s) for s in self.sources]}


@dataclass(frozen=True, slots=True)
class Warning:
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Draft:
    format: str
    sections: tuple[Section, ...]
    text: str
    withheld: tuple[Withheld, ...] = ()
    risk: Risk = field(default_factory=Risk)
    interventions: tuple[str, ...] = ()
    measures: tuple[Measure, ...] = ()
    warnings: tuple[Warning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "sections": [s.to_dict() for s in self.sections],
            "text": self.text,
            "withheld": [w.to_dict() for w in self.withheld],
            "risk": self.risk.to_dict(),
            "interventions": list(self.interventions),
            "measures": [m.to_dict() for m in self.measures],
            "warnings": [w.to_dict() for w in self.warnings],
        }
