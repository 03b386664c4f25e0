"""When several reasons apply to one category, the digest's §2 order decides:
standing -> state bar -> authorization validity -> Part 2 -> PN gate -> basis -> coverage.
"""

from __future__ import annotations

from disclosure_cast import make_authorization, make_pn_authorization, make_request

from notewright.disclosure import decide


def refused(request: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {r["category"]: r["reason_code"] for r in decide(request).to_dict()["refuse"]}


def test_standing_beats_state_bar() -> None:
    request = make_request(requester="personal_representative", state="CA", client_is_minor=True,
                           facts={"relationship": "parent", "minor_consented_to_own_care": True})
    assert refused(request) == {"progress_notes": "not_personal_representative"}


def test_state_bar_beats_authorization_validity() -> None:
    request = make_request(requester="attorney", basis="authorization", state="CA",
                           client_is_minor=True,
                           authorization=make_authorization(expires="2026-01-01"),
                           facts={"child_removed_from_parent_custody_by_juvenile_court": True,
                                  "signed_by": "parent"})
    assert refused(request) == {"progress_notes": "state_law_parent_authorization_invalid"}


def test_state_subpoena_bar_beats_missing_assurance_and_pn_gate() -> None:
    request = make_request(requester="attorney", basis="subpoena", state="NY",
                           requested=["progress_notes", "psychotherapy_notes"])
    assert set(refused(request).values()) == {"state_law_requires_court_order"}


def test_authorization_validity_beats_part2_and_coverage() -> None:
    request = make_request(requester="other_provider", basis="authorization",
                           requested=["sud_records", "billing"],
                           authorization=make_authorization(has_redisclosure_statement=False),
                           facts={"sud_records_subject_to_part2": True})
    assert set(refused(request).values()) == {"authorization_missing_required_statement"}


def test_part2_beats_basis_conditions() -> None:
    request = make_request(requester="attorney", basis="subpoena", requested=["sud_records"],
                           facts={"sud_records_subject_to_part2": True})
    assert refused(request) == {"sud_records": "part2_court_order_required"}


def test_pn_gate_beats_basis_conditions() -> None:
    request = make_request(requester="attorney", basis="subpoena",
                           requested=["psychotherapy_notes", "progress_notes"])
    assert refused(request) == {
        "psychotherapy_notes": "subpoena_insufficient_for_psychotherapy_notes",
        "progress_notes": "subpoena_without_assurance",
    }


def test_basis_condition_beats_coverage() -> None:
    request = make_request(requester="attorney", basis="court_order", requested=["billing"],
                           facts={"order_scope": ["progress_notes"]})
    assert refused(request) == {"billing": "beyond_scope_of_order"}


def test_first_failing_checklist_item_refuses_every_category() -> None:
    auth = make_pn_authorization(signed_date="2026-04-01", expires="2026-01-01",
                                 covers=["psychotherapy_notes", "progress_notes"])
    request = make_request(requester="attorney", basis="authorization", authorization=auth,
                           requested=["psychotherapy_notes", "progress_notes", "billing"])
    assert set(refused(request).values()) == {"authorization_postdated"}


def test_refusals_record_the_step_that_fired() -> None:
    request = make_request(requester="other_provider", basis="treatment",
                           requested=["psychotherapy_notes"], facts={"same_covered_entity": True})
    (refusal,) = decide(request).refuse
    assert (refusal.reason_code, refusal.step) == ("not_originator", "psychotherapy_notes")
