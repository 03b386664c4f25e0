"""Safety properties of the engine, over generated requests (hypothesis).

Each property is stated from the digest, independently of how the engine computes it:
  - psychotherapy notes are released only under a 164.508(a)(2) exception with its
    conditions met, or a valid, specific, non-compound authorization;
  - an expired, revoked, post-dated or defective authorization releases nothing;
  - every requested category appears exactly once, in release or refuse;
  - adding a defect to an authorization never releases more;
  - the right of access never releases psychotherapy notes.
"""

from __future__ import annotations

from typing import Any

from disclosure_cast import make_authorization
from hypothesis import given, settings
from hypothesis import strategies as st

from notewright.disclosure import check_authorization, decide
from notewright.disclosure.vocabulary import BASES, CATEGORIES, REQUESTERS

PN = "psychotherapy_notes"
BOOL_FACTS = (
    "action_brought_by_individual", "admission_learned_in_counseling_or_therapy",
    "admission_of_violent_crime", "client_deceased", "covered_entity_own_program",
    "correspondence_compiled_for_litigation", "emergency", "expiration_event_occurred",
    "is_originator", "judge_order_attached", "known_false_material_information",
    "law_requiring_disclosure_identified", "mental_health_training",
    "minor_consented_to_own_care", "minor_informed_and_objects", "objection_period_elapsed",
    "order_signed_by_judge", "part2_consent_on_file", "part2_court_order", "part2_tpo_consent",
    "patient_authorization_attached", "recipient_is_target",
    "recipient_reasonably_able_to_prevent_or_lessen", "report_required_by_state_law",
    "requester_matches_authorized_recipient", "revocation_in_writing", "same_covered_entity",
    "signature_witnessed", "sud_records_subject_to_part2", "supervised",
    "threat_serious_and_imminent", "civ_code_56_104_request_received",
    "il_other_required_elements_present",
    "reasonable_belief_abuse_neglect_or_endangerment_by_requester",
)
DEFECTS: dict[str, dict[str, Any]] = {
    "expired": {"expires": "2026-03-01"},
    "revoked": {"revoked": True},
    "postdated": {"signed_date": "2026-03-03"},
    "unsigned": {"signed": False},
    "no_purpose": {"purpose": ""},
    "no_recipient": {"recipient": None},
    "no_expiry": {"expires": None},
    "no_revocation_statement": {"has_revocation_statement": False},
    "no_redisclosure_statement": {"has_redisclosure_statement": False},
    "no_conditioning_statement": {"has_conditioning_statement": False},
    "conditioned": {"conditioned_on_treatment": True},
    "compound": {"covers": [PN, "progress_notes"], "specifically_names_psychotherapy_notes": True},
}

categories = st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=5, unique=True)


@st.composite
def authorizations(draw: st.DrawFn) -> dict[str, Any]:
    covers = draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=4, unique=True))
    return make_authorization(
        covers=covers,
        specifically_names_psychotherapy_notes=draw(st.booleans()),
        combined_with_other_authorization=draw(st.booleans()),
        combined_with_psychotherapy_notes_only=draw(st.booleans()),
        expires=draw(st.sampled_from(["2026-12-31", "2026-03-02", "2026-03-01",
                                      "end of treatment", None])),
        signed_date=draw(st.sampled_from(["2026-01-15", "2026-03-02", "2026-03-04"])),
        revoked=draw(st.booleans()),
        has_revocation_statement=draw(st.booleans()),
        conditioned_on_treatment=draw(st.booleans()),
    )


@st.composite
def requests(draw: st.DrawFn, basis: str | None = None,
             with_authorization: bool | None = None) -> dict[str, Any]:
    facts = {k: draw(st.booleans()) for k in draw(st.lists(st.sampled_from(BOOL_FACTS),
                                                           max_size=8, unique=True))}
    if draw(st.booleans()):
        facts["order_scope"] = draw(categories)
    if draw(st.booleans()):
        facts["oversight_subject"] = draw(st.sampled_from(["originator", "other_provider"]))
    if draw(st.booleans()):
        facts["legal_process"] = draw(st.sampled_from(["court_ordered_warrant", "subpoena"]))
    if draw(st.booleans()):
        facts["professional_determination"] = draw(st.sampled_from([
            "access_by_representative_likely_to_cause_substantial_harm",
            "endanger_life_or_physical_safety", "harmful_to_emotional_health_only"]))
    if with_authorization is None:
        with_authorization = draw(st.booleans())
    return {
        "requester": draw(st.sampled_from(REQUESTERS)),
        "basis": basis or draw(st.sampled_from(BASES)),
        "authorization": draw(authorizations()) if with_authorization else None,
        "requested": draw(categories),
        "date": "2026-03-02",
        "has_satisfactory_assurance": draw(st.booleans()),
        "state": draw(st.sampled_from([None, "CA", "IL", "NY", "TX", "WA"])),
        "client_is_minor": draw(st.booleans()),
        "facts": facts,
    }


def _valid_specific_authorization(request: dict[str, Any]) -> bool:
    auth = request["authorization"]
    if auth is None or not auth["specifically_names_psychotherapy_notes"] \
            or PN not in auth["covers"]:
        return False
    defects = check_authorization(auth, date=request["date"], requester=request["requester"],
                                  state=request["state"], facts=request["facts"])
    return not [d for d in defects if d.category is None]  # compound is a validity defect


def _exception_applies(request: dict[str, Any]) -> bool:
    """The 164.508(a)(2) exceptions, each with its conditions (digest §3)."""
    f, basis, who = request["facts"], request["basis"], request["requester"]
    originator = (who == "originating_therapist" and f.get("is_originator") is not False) \
        or f.get("is_originator") is True
    scope_names_pn = PN in f.get("order_scope", ())
    return any((
        basis == "treatment" and originator,                                            # E1
        basis == "operations" and who == "training_program"
        and f.get("covered_entity_own_program") is True,                                # E2
        basis == "defend_legal_action" and f.get("action_brought_by_individual") is True,  # E3
        basis == "compliance_investigation" and who == "hhs",                           # E4
        basis in ("required_by_law", "court_order", "subpoena") and (
            scope_names_pn or f.get("law_requiring_disclosure_identified") is True
            or f.get("report_required_by_state_law") is True),                          # E5
        basis == "health_oversight" and f.get("oversight_subject") == "originator",     # E6
        who == "coroner" and basis not in ("right_of_access", "authorization"),         # E7
        basis == "serious_threat" and f.get("threat_serious_and_imminent") is True,     # E8
    ))


@settings(max_examples=600, deadline=None)
@given(requests())
def test_psychotherapy_notes_only_under_an_exception_or_specific_authorization(
        request: dict[str, Any]) -> None:
    request["requested"] = list(dict.fromkeys([PN, *request["requested"]]))
    decision = decide(request)
    if PN in decision.release:
        assert request["basis"] != "right_of_access"
        assert _exception_applies(request) or _valid_specific_authorization(request)


@settings(max_examples=400, deadline=None)
@given(requests(basis="authorization", with_authorization=True), st.sampled_from(sorted(DEFECTS)))
def test_a_defective_authorization_releases_nothing(request: dict[str, Any], defect: str) -> None:
    request["authorization"].update(DEFECTS[defect])
    if defect == "compound":
        request["requested"] = list(dict.fromkeys([PN, *request["requested"]]))
    assert decide(request).release == ()


@settings(max_examples=600, deadline=None)
@given(requests())
def test_every_requested_category_appears_exactly_once(request: dict[str, Any]) -> None:
    decision = decide(request).to_dict()
    seen = decision["release"] + [r["category"] for r in decision["refuse"]]
    assert sorted(seen) == sorted(request["requested"])
    assert all(r["reason_code"] and r["cite"] for r in decision["refuse"])


@settings(max_examples=600, deadline=None)
@given(requests(with_authorization=True), st.sampled_from(sorted(DEFECTS)))
def test_adding_a_defect_never_releases_more(request: dict[str, Any], defect: str) -> None:
    before = set(decide(request).release)
    request["authorization"].update(DEFECTS[defect])
    after = set(decide(request).release)
    assert after <= before


@settings(max_examples=400, deadline=None)
@given(requests(basis="right_of_access"))
def test_right_of_access_never_releases_psychotherapy_notes(request: dict[str, Any]) -> None:
    request["requested"] = list(dict.fromkeys([PN, *request["requested"]]))
    assert PN not in decide(request).release
