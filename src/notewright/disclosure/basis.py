"""Step 5c: the conditions of the request's basis (digest §4 table, §6.4, §9.3).

Who may rely on the basis (matrix.toml), then the basis's own conditions: standing for
access and the access denial grounds, subpoena assurance, order scope, threat criteria,
the identification route's therapy bar, and the like. Psychotherapy notes reach this step
only after their own gate has let them through.
"""

from __future__ import annotations

from notewright.disclosure.case import Case
from notewright.disclosure.decision import Finding
from notewright.disclosure.vocabulary import PSYCHOTHERAPY_NOTES

_HOLDERS_OF_ACCESS = frozenset({"client", "personal_representative"})


def condition(case: Case, category: str) -> Finding | None:
    request, facts, rule = case.request, case.facts, case.rule
    basis = request.basis
    if basis == "right_of_access":
        return _access(case, category)
    no_basis = Finding(case.matrix.no_basis_code[request.requester], None,
                       f"a {request.requester.replace('_', ' ')} cannot rely on {rule.summary}")
    coroner = request.requester == "coroner" and basis in ("required_by_law", "health_oversight")
    if not rule.open_to(request.requester) and not coroner:
        return no_basis
    if basis == "authorization":
        if request.authorization is None:
            return Finding("authorization_missing")
        return None  # validity was step 4; coverage is step 5d
    if basis == "payment":
        if facts.false("payer_is_covered_entity"):
            return Finding("authorization_missing", None,
                           "a payer that is not a covered entity needs the client's authorization")
        return None
    if basis == "operations":
        if request.requester == "training_program" and not case.own_training_program:
            return Finding("no_permitting_basis", "45 CFR 164.506(c)(1)",
                           "only the practice's own supervised training program is operations")
        return None
    if basis == "court_order":
        return _in_scope(case, category)
    if basis == "subpoena":
        return _subpoena(case, category)
    if basis == "required_by_law":
        return _required_by_law(case, category, coroner)
    if basis == "serious_threat":
        if case.identify_route:
            if not facts.true("admission_of_violent_crime"):
                return Finding("no_permitting_basis", "45 CFR 164.512(j)(1)(ii)")
            if facts.true("admission_learned_in_counseling_or_therapy"):
                return Finding("admission_learned_in_therapy")
            return None
        return None if case.threat_criteria_met else Finding("threat_criteria_not_met")
    # treatment, health_oversight, defend_legal_action, compliance_investigation: the
    # requester check above is the whole condition for the general categories.
    return None


def _access(case: Case, category: str) -> Finding | None:
    request, facts = case.request, case.facts
    if request.requester not in _HOLDERS_OF_ACCESS and case.directed_copy is not True:
        return Finding(case.rule.no_basis_code or "authorization_missing", "45 CFR 164.524",
                       "only the client or their personal representative holds the right of "
                       "access; anyone else needs the client's authorization or a valid "
                       "directed-copy request")
    if case.directed_copy is False:
        return Finding("authorization_missing", "45 CFR 164.524(c)(3)(ii)",
                       "a directed copy needs a written, signed request naming the recipient, "
                       "for an electronic copy; otherwise it is handled as an authorization")
    if category == "correspondence" and facts.true("correspondence_compiled_for_litigation"):
        return Finding("excluded_from_right_of_access", "45 CFR 164.524(a)(1)(ii)",
                       "compiled in reasonable anticipation of, or for use in, a legal proceeding")
    determination = facts.text("professional_determination")
    applies = facts.names("determination_applies_to")
    if determination is None or (applies is not None and category not in applies):
        return None
    if determination == "endanger_life_or_physical_safety":
        return Finding("reviewable_denial_endangerment")
    if (determination == "access_by_representative_likely_to_cause_substantial_harm"
            and request.requester == "personal_representative"):
        return Finding("reviewable_denial_harm_by_representative")
    return None  # emotional harm alone is not a HIPAA ground (A7): warned, not denied


def _in_scope(case: Case, category: str) -> Finding | None:
    if case.scope is None:
        return None  # scope not stated: released with a warning to check the order
    if category in case.scope:
        return None
    return Finding("beyond_scope_of_order", None, "the order does not expressly name it")


def _subpoena(case: Case, category: str) -> Finding | None:
    request, facts = case.request, case.facts
    with_order = facts.true("judge_order_attached") or facts.true("order_signed_by_judge")
    if not with_order:
        if not request.has_satisfactory_assurance:
            return Finding("subpoena_without_assurance")
        # Notice assurance is complete only once the time to object has passed with no
        # objection pending (164.512(e)(1)(iii)).
        if facts.text("assurance_type") == "notice_to_individual" and (
                not facts.true("objection_period_elapsed") or facts.true("objections_pending")):
            return Finding("subpoena_without_assurance", "45 CFR 164.512(e)(1)(iii)",
                           "the time to object has not passed, or an objection is pending")
    if category == PSYCHOTHERAPY_NOTES:
        return None
    return _in_scope(case, category)


def _required_by_law(case: Case, category: str, coroner: bool) -> Finding | None:
    request, facts = case.request, case.facts
    legal_process = facts.text("legal_process")
    if coroner:
        return None  # 164.512(g)(1)
    if case.judicial_process:
        return _in_scope(case, category)
    if legal_process is not None and "subpoena" in legal_process:
        # A subpoena not issued by a judge is not "required by law" (A2): 164.512(e) rules.
        if not request.has_satisfactory_assurance:
            return Finding("subpoena_without_assurance")
        return _in_scope(case, category)
    if facts.true("law_requiring_disclosure_identified") or facts.true(
            "report_required_by_state_law") or request.requester == "hhs":
        return _in_scope(case, category)
    return Finding("no_permitting_basis", "45 CFR 164.512(a), (f)",
                   "no law requiring the disclosure and no legal process was identified")
