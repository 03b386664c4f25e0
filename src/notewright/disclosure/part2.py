"""Step 5a: the 42 CFR Part 2 gate for sud_records (digest §11).

Applies only when the request says the SUD records are subject to Part 2 (a Part 2
program's own records or records received from one: an explicit input, never inferred,
digest A11). Otherwise sud_records are ordinary HIPAA records. The rule for each basis is
named in matrix.toml; what each rule requires is below.
"""

from __future__ import annotations

from notewright.disclosure.case import Case
from notewright.disclosure.decision import Finding
from notewright.disclosure.vocabulary import SUD_RECORDS


def gate(case: Case, category: str) -> Finding | None:
    facts, request = case.facts, case.request
    if category != SUD_RECORDS or not facts.true("sud_records_subject_to_part2"):
        return None
    name = case.rule.part2
    if request.requester == "coroner" and request.basis not in ("authorization",
                                                                "right_of_access"):
        name = "cause_of_death"
    rule = case.matrix.part2_rules[name]
    consent = facts.true("part2_consent_on_file")
    if name == "patient_access":
        ok = True
    elif name == "consent":
        ok = consent
    elif name == "tpo_consent":
        internal = case.originator or case.same_practice or case.own_training_program
        emergency = facts.true("emergency") and request.requester == "other_provider"
        ok = consent or facts.true("part2_tpo_consent") or internal or emergency
    elif name == "court_order":
        ok = consent or facts.true("part2_court_order")
    elif name == "required_by_law":
        if facts.true("report_required_by_state_law"):
            ok = True  # the initial child-abuse report, 2.12(c)(6)
        elif case.judicial_process:
            if not facts.true("part2_court_order"):
                return Finding("part2_court_order_required", "42 CFR 2.65",
                               "a warrant reaches Part 2 records only with a subpart E order")
            ok = True
        else:
            ok = consent
    elif name == "emergency_only":
        ok = consent or (facts.true("emergency") and request.requester == "other_provider")
    elif name == "audit":
        ok = True
    else:  # cause_of_death
        purpose = facts.text("purpose")
        ok = purpose in (None, "determine_cause_of_death") or consent
    if ok:
        return None
    return Finding(rule.failure, rule.cite, rule.summary)
