"""Fuzzing `notewright.disclosure.decide` with malformed request shapes, which the
property tests (tests/disclosure/test_disclosure_properties.py, well-formed requests)
and the named-field tests (test_disclosure_request.py, one hand-picked defect each) do
not reach: every field replaced by nested garbage of any type, unknown keys at every
level, huge strings and lists, arbitrary Unicode. Only a Decision or InvalidInput; a
Decision always covers exactly the requested categories, once each."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notewright.disclosure import decide
from notewright.disclosure.facts import FACT_KINDS
from notewright.disclosure.request import AUTH_FLAGS, AUTH_TEXTS, OPTIONAL, REQUIRED
from notewright.disclosure.vocabulary import BASES, CATEGORIES, REQUESTERS
from notewright.errors import InvalidInput

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

BASE: dict[str, Any] = {
    "requester": "other_provider", "basis": "authorization",
    "authorization": {
        "covers": ["progress_notes", "treatment_plan"],
        "specifically_names_psychotherapy_notes": False,
        "combined_with_other_authorization": False,
        "combined_with_psychotherapy_notes_only": False, "expires": "2026-12-31",
        "signed": True, "signed_date": "2026-01-15", "revoked": False,
        "has_revocation_statement": True, "has_redisclosure_statement": True,
        "has_conditioning_statement": True, "purpose": "continuity of care",
        "recipient": "Dr. Quinn Hale", "conditioned_on_treatment": False},
    "requested": ["progress_notes", "psychotherapy_notes"], "date": "2026-03-02",
    "has_satisfactory_assurance": False, "state": "CA", "client_is_minor": False,
    "facts": {},
}

scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text(max_size=30) | st.sampled_from([*CATEGORIES, *BASES, *REQUESTERS,
                                                     "2026-02-30", "2026-13-01", "9999-99-99",
                                                     "", " ", "CA", "ca", "XX"]))
garbage = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                       | st.dictionaries(st.text(max_size=12), inner, max_size=5),
                       max_leaves=15)
KEYS = [*REQUIRED, *OPTIONAL]
AUTH_KEYS = ["covers", *AUTH_FLAGS, *AUTH_TEXTS]
FACT_NAMES = sorted(FACT_KINDS)


def _decide_or_invalid(request: Any) -> None:
    try:
        decision = decide(request)
    except InvalidInput as exc:
        assert exc.message and len(exc.message) < 2_000
        return
    out = decision.to_dict()
    requested = list(dict.fromkeys(request["requested"]))
    decided = [r for r in out["release"]] + [r["category"] for r in out["refuse"]]
    assert sorted(decided) == sorted(requested)


@FUZZ
@given(garbage)
def test_any_value_as_the_whole_request(value: Any) -> None:
    _decide_or_invalid(value)


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), garbage, max_size=6),
       st.lists(st.sampled_from(KEYS), max_size=4))
def test_fields_replaced_by_garbage(changes: dict[str, Any], dropped: list[str]) -> None:
    request = {**copy.deepcopy(BASE), **changes}
    for key in dropped:
        request.pop(key, None)
    _decide_or_invalid(request)


@FUZZ
@given(st.dictionaries(st.sampled_from(AUTH_KEYS) | st.text(max_size=10), garbage,
                       max_size=6),
       st.dictionaries(st.sampled_from(FACT_NAMES) | st.text(max_size=10), garbage,
                       max_size=6),
       st.sampled_from(BASES), st.sampled_from(REQUESTERS),
       st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=6))
def test_authorization_and_facts_full_of_garbage(auth: dict[str, Any], facts: dict[str, Any],
                                                 basis: str, requester: str,
                                                 requested: list[str]) -> None:
    request = copy.deepcopy(BASE)
    request["authorization"].update(auth)
    request.update(facts=facts, basis=basis, requester=requester, requested=requested)
    _decide_or_invalid(request)


@FUZZ
@given(st.sampled_from(FACT_NAMES), garbage)
def test_each_fact_with_any_value(name: str, value: Any) -> None:
    _decide_or_invalid({**copy.deepcopy(BASE), "facts": {name: value}})


def test_huge_strings_lists_and_many_unknown_keys() -> None:
    big = "\U0010ffff\u202e" * 500_000
    cases: list[dict[str, Any]] = [
        {**BASE, "requester": big},
        {**BASE, "date": big},
        {**BASE, "state": big},
        {**BASE, "requested": ["progress_notes"] * 200_000},
        {**BASE, "requested": [big]},
        {**BASE, "authorization": {**BASE["authorization"], "purpose": big, "recipient": big,
                                   "expires": big}},
        {**BASE, "facts": {f"k{i}": i for i in range(20_000)}},
        {**BASE, **{f"extra{i}": [i] for i in range(20_000)}},
    ]
    for request in cases:
        _decide_or_invalid(request)
    # An InvalidInput message never echoes the whole oversized value.
    try:
        decide({**BASE, "requester": big})
    except InvalidInput as exc:
        assert len(exc.message) < 2_000
