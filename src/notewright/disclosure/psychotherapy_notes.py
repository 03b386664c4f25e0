"""Step 5b: the psychotherapy-note gate (45 CFR 164.508(a)(2), digest §3).

Psychotherapy notes pass only through an exception (E1-E8, each with its exact conditions)
or a valid authorization that names them specifically and is not compound. The right of
access never reaches them. Which exception a basis can offer, and the code when it does
not apply, are in matrix.toml ([psychotherapy_note_rules]); the conditions are here.
"""

from __future__ import annotations

from notewright.disclosure.case import Case
from notewright.disclosure.decision import Finding
from notewright.disclosure.vocabulary import PSYCHOTHERAPY_NOTES

# A coroner or medical examiner (E7) may receive them for these purposes; funeral
# directors are not included.
_CORONER_PURPOSES = (None, "determine_cause_of_death", "identification", "identify_deceased",
                     "duties_authorized_by_law")


def gate(case: Case, category: str) -> Finding | None:
    if category != PSYCHOTHERAPY_NOTES:
        return None
    name = case.rule.psychotherapy_notes
    rule = case.matrix.psychotherapy_note_rules[name]
    request = case.request
    if name == "excluded_from_access":
        return Finding(rule.failure, rule.cite,
                       "psychotherapy notes are never part of the right of access; the "
                       "clinician may still choose to share them")
    if case.pn_authorized:
        return None  # a valid stand-alone authorization names them
    found = _exception(case, name)
    auth = request.authorization
    if found is not None and case.auth_invalid is not None and auth is not None \
            and auth.specifically_names_psychotherapy_notes \
            and PSYCHOTHERAPY_NOTES in auth.covers:
        # No exception applies and the authorization that would reach the notes is
        # defective: its defect is what the requester must fix (validity precedes the gate).
        d = case.auth_invalid
        return Finding(d.reason_code, d.cite, d.message)
    return found


def _exception(case: Case, name: str) -> Finding | None:
    """None when the basis's exception applies, else the finding that refuses."""
    rule = case.matrix.psychotherapy_note_rules[name]
    request, facts = case.request, case.facts
    if request.requester == "coroner" and request.basis != "authorization" \
            and facts.text("purpose") in _CORONER_PURPOSES:
        return None  # E7, 164.512(g)(1)
    failure = Finding(rule.failure, rule.cite)
    outside = Finding(rule.outside_failure or rule.failure, rule.cite)
    if name == "specific_authorization_only":
        return failure
    if name == "originator_use":  # E1: use by the originator, inside the practice
        if case.originator:
            return outside if facts.false("same_covered_entity") else None
        return failure if case.same_practice else outside
    if name == "own_training_program":  # E2
        if request.requester != "training_program":
            return outside
        return None if case.own_training_program else failure
    if name == "defence_of_own_action":  # E3
        return None if facts.true("action_brought_by_individual") else failure
    if name == "hhs_compliance":  # E4
        return None if request.requester == "hhs" else failure
    if name == "oversight_of_originator":  # E6
        return None if facts.text("oversight_subject") == "originator" else failure
    if name == "serious_threat":  # E8; the (j)(1)(ii) identification route is not included
        if case.identify_route:
            return outside
        return None if case.threat_criteria_met else failure
    if name == "named_in_order":  # E5 via a court order (A2)
        if facts.false("order_signed_by_judge"):
            return Finding("subpoena_insufficient_for_psychotherapy_notes")
        return None if case.scope is not None and PSYCHOTHERAPY_NOTES in case.scope \
            else failure
    if name == "subpoena":  # a subpoena alone never suffices (A2); a judge's order naming them
        with_order = facts.true("judge_order_attached") or facts.true("order_signed_by_judge")
        named = case.scope is not None and PSYCHOTHERAPY_NOTES in case.scope
        return None if with_order and named else failure
    # required_by_law: E5, limited to what the law requires.
    legal_process = facts.text("legal_process")
    if case.judicial_process:
        if case.scope is not None and PSYCHOTHERAPY_NOTES in case.scope:
            return None
        return Finding("beyond_scope_of_order", None,
                       "the warrant or order does not name psychotherapy notes")
    if legal_process is not None and "subpoena" in legal_process:
        return Finding("subpoena_insufficient_for_psychotherapy_notes")
    if facts.true("law_requiring_disclosure_identified") or facts.true(
            "report_required_by_state_law"):
        if case.scope is None or PSYCHOTHERAPY_NOTES in case.scope:
            return None
        return Finding("beyond_scope_of_order", None,
                       "the law's terms do not reach psychotherapy notes")
    return failure
