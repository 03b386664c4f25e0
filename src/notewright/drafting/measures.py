"""Scores of standardised measures (PHQ-9, GAD-7, PCL-5, AUDIT, C-SSRS, SUDS): found,
range-checked and banded from `measures.toml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from notewright.drafting.lexicons import MeasureSpec, measure_specs
from notewright.drafting.model import Measure


@dataclass(frozen=True, slots=True)
class _Finder:
    spec: MeasureSpec
    after: re.Pattern[str]  # "PHQ-9 = 12", "PHQ-9 score of 12", "PHQ-9: 12"
    before: re.Pattern[str]  # "scored 12 on the PHQ-9"


@cache
def _finders() -> tuple[_Finder, ...]:
    out = []
    for spec in measure_specs():
        names = "|".join(re.escape(a).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?")
                         for a in sorted(spec.aliases, key=len, reverse=True))
        after = re.compile(
            rf"(?<![\w-])(?:{names})(?![\w])(?:\s*(?:total|score[ds]?|scores|was|is|of|at|"
            rf"came back|came in|today|=|:|\s-\s)\s*){{0,4}}\s*(?:at\s+|of\s+)?"
            r"(-?\d{1,3})(?!\d|/\d|\.\d|%)"
            r"(?!\s*(?:minutes|min|mins|weeks|wks|days|yrs|years|sessions|x\b))",
            re.IGNORECASE)
        before = re.compile(
            r"\bscor(?:ed|ing|e of)\s+(?:a\s+)?(-?\d{1,3})\s+(?:on|in)\s+"
            rf"(?:the\s+|her\s+|his\s+|their\s+)?(?:{names})(?![\w-])",
            re.IGNORECASE)
        out.append(_Finder(spec, after, before))
    return tuple(out)


def find_measures(text: str) -> list[Measure]:
    found: list[Measure] = []
    taken: list[tuple[int, int]] = []
    for finder in _finders():
        for regex in (finder.after, finder.before):
            for m in regex.finditer(text):
                if any(not (m.end() <= s or m.start() >= e) for s, e in taken):
                    continue
                score = int(m.group(1))
                valid = finder.spec.low <= score <= finder.spec.high
                band = finder.spec.band(score) if valid else None
                taken.append((m.start(), m.end()))
                found.append(Measure(finder.spec.name, score, band, ((m.start(), m.end()),),
                                     valid))
    return sorted(found, key=lambda x: x.sources[0][0])


def describe(measure: Measure) -> str:
    """The measure as the note states it."""
    if not measure.valid:
        spec = next(s for s in measure_specs() if s.name == measure.name)
        return (f"{measure.name} score recorded as {measure.score}, outside the valid "
                f"range {spec.low}-{spec.high}; verify.")
    band = f" ({measure.band})" if measure.band else ""
    return f"{measure.name} score: {measure.score}{band}."
