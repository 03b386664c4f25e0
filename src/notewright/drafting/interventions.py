"""Interventions the clinician used, named canonically from `interventions.tsv`."""

from __future__ import annotations

import re
from functools import cache

from notewright.drafting.lexicons import PatternRow, pattern_rows

# A mention governed by one of these is not something the clinician did in this session.
_NOT_DONE = re.compile(
    r"\b(?:declined|refused|not (?:yet )?(?:use|used|done|introduce|introduced|appropriate|"
    r"indicated)|didn'?t (?:use|do|get to)|did not (?:use|do|get to)|plan(?:s|ned)? to|"
    r"will (?:introduce|start|begin|use|try|consider|continue)|"
    r"next (?:session|sess|time|week|wk|visit|appt|appointment)|referr(?:al|ed) (?:to|for)|"
    r"consider(?:ing)?|may (?:introduce|try|use)|hope to|would like to|in future|"
    r"before (?:starting|beginning)|not ready for|postpone[d]?|hold off)\b",
    re.IGNORECASE)


@cache
def _rows() -> tuple[PatternRow, ...]:
    return pattern_rows("interventions.tsv", "intervention")


def find_interventions(unit_text: str, *, planned_ok: bool = False) -> list[tuple[str, int, int]]:
    """(canonical name, start, end) for each intervention named in one unit."""
    out: list[tuple[str, int, int]] = []
    if not planned_ok and _NOT_DONE.search(unit_text):
        return out
    for row in _rows():
        m = row.pattern.search(unit_text)
        if m:
            out.append((row.value, m.start(), m.end()))
    return out
