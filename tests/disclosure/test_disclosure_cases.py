"""Table-driven cases: one JSON file per rule, exception, defect, overlay and edge case.

Each file under tests/data/disclosure/cases is {"request", "expect", "notes"}, written from
the rule digest; the file name is the case name (a cast member and what happens).
"""

from __future__ import annotations

from typing import Any

import pytest
from disclosure_cast import load_cases

from notewright.disclosure import decide

CASES = load_cases()


def test_there_are_at_least_eighty_cases() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_case(name: str, case: dict[str, Any]) -> None:
    decision = decide(case["request"]).to_dict()
    expect = case["expect"]
    refused = {r["category"]: r["reason_code"] for r in decision["refuse"]}
    assert decision["release"] == [c for c in case["request"]["requested"]
                                   if c in expect["release"]], case["notes"]
    assert refused == expect["refuse"], case["notes"]
    assert decision["accounting_required"] == expect["accounting_required"], case["notes"]
    assert decision["deadline_days"] == expect["deadline_days"], case["notes"]
    assert all(r["cite"] for r in decision["refuse"])
    assert decision["explanation"], "every decision explains itself"


def test_every_case_has_notes_and_a_consistent_expectation() -> None:
    for name, case in CASES:
        expect = case["expect"]
        requested = set(case["request"]["requested"])
        assert case.get("notes"), name
        assert set(expect["release"]) | set(expect["refuse"]) == requested, name
        assert not set(expect["release"]) & set(expect["refuse"]), name
