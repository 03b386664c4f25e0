"""The decision procedure of the rule digest §2, top to bottom.

    1. normalise: the decision date is the request's date
    2. standing           (standing.py)       unrecognised representative -> refuse all
    3. state bars         (state_law.py)      whole request, then per category
    4. authorization      (authorization.py)  basis = authorization: first defect refuses all
    5. per category:
       a. Part 2 gate     (part2.py)
       b. PN gate         (psychotherapy_notes.py)
       c. basis           (basis.py)
       d. coverage        (authorization covers the category?)
    6. accounting         (accounting.py)
    7. deadline           (deadlines.py)

Precedence: for each category the first step that refuses wins, so the reason code is the
earliest failure in this order. Minimum necessary (5e) never changes release or refuse; it
adds a scope line to the explanation.
"""

from __future__ import annotations

from collections.abc import Callable

from notewright.disclosure import (
    accounting,
    authorization,
    basis,
    deadlines,
    part2,
    psychotherapy_notes,
    standing,
    state_law,
)
from notewright.disclosure.case import Case
from notewright.disclosure.decision import Decision, Finding, Refusal
from notewright.disclosure.vocabulary import PSYCHOTHERAPY_NOTES

CategoryStep = Callable[[Case, str], Finding | None]


def _coverage(case: Case, category: str) -> Finding | None:
    auth = case.request.authorization
    if case.request.basis != "authorization" or auth is None:
        return None
    if category == PSYCHOTHERAPY_NOTES or category in auth.covers:
        return None
    return Finding("not_covered_by_authorization", None,
                   "the authorization does not describe this part of the record")


def _authorization_validity(case: Case) -> Finding | None:
    if case.request.basis != "authorization" or case.auth_invalid is None:
        return None
    d = case.auth_invalid
    return Finding(d.reason_code, d.cite, d.message)


# Steps 3 (per category) and 5a-5d, in precedence order.
CATEGORY_STEPS: tuple[tuple[str, CategoryStep], ...] = (
    ("state_bar", state_law.category_bar),
    ("part2", part2.gate),
    ("psychotherapy_notes", psychotherapy_notes.gate),
    ("basis", basis.condition),
    ("coverage", _coverage),
)


def decide(case: Case, rule_version: str) -> Decision:
    request = case.request
    codes = case.codes
    explanation = [f"Request: {request.requester.replace('_', ' ')} asks, on the basis of "
                   f"{case.rule.summary} ({case.rule.cite}), for: {', '.join(request.requested)}."]
    warnings = list(request.warnings)

    def refusal(category: str, step: str, found: Finding) -> Refusal:
        code = codes[found.code]
        why = f" ({found.note})" if found.note else ""
        explanation.append(f"{category}: refuse - {code.explanation}{why} "
                           f"[{found.code}; {found.cite or code.cite}]")
        return Refusal(category, found.code, found.cite or code.cite, step)

    # Step 2: standing. An unrecognised representative gets nothing and no deadline.
    found = standing.check(case)
    if found is not None:
        everything = tuple(refusal(c, "standing", found) for c in request.requested)
        explanation.append(accounting.explain(case, False))
        explanation.append(deadlines.explain(case, None))
        return Decision((), everything, False, None, tuple(explanation), tuple(warnings),
                        rule_version)

    # Steps 3 and 4: whole-request refusals (state bar, then authorization validity).
    whole: tuple[str, Finding] | None = None
    found = state_law.whole_request_bar(case)
    if found is not None:
        whole = ("state_bar", found)
    else:
        found = _authorization_validity(case)
        if found is not None:
            whole = ("authorization", found)

    # Step 5: each category, first refusing step wins.
    released: list[str] = []
    refused: list[Refusal] = []
    for category in request.requested:
        outcome = whole
        if outcome is None:
            for step, check in CATEGORY_STEPS:
                found = check(case, category)
                if found is not None:
                    outcome = (step, found)
                    break
        if outcome is None:
            released.append(category)
            explanation.append(f"{category}: release - permitted by {case.rule.summary}.")
        else:
            refused.append(refusal(category, *outcome))

    release = tuple(released)
    if release and case.rule.minimum_necessary:
        explanation.append("Minimum necessary: limit each released category to what the request "
                           "needs (dates of service, excerpts), not the whole record "
                           "(45 CFR 164.502(b), 164.514(d)).")
    if not release and request.authorization is None and request.basis == "authorization":
        warnings.append("no authorization is on file; ask the requester for the client's "
                        "signed authorization")

    # Steps 6 and 7.
    accountable = accounting.required(case, release)
    deadline = deadlines.days(case)
    explanation.append(accounting.explain(case, accountable))
    explanation.append(deadlines.explain(case, deadline))
    warnings.extend(_warnings(case, release))
    return Decision(release, tuple(refused), accountable, deadline, tuple(explanation),
                    tuple(warnings), rule_version)


def _warnings(case: Case, release: tuple[str, ...]) -> list[str]:
    request, facts = case.request, case.facts
    out = state_law.warnings(case)
    auth = request.authorization
    if auth is not None and case.auth_invalid is None:
        line = authorization.expiry_warning(auth, request.date)
        if line:
            out.append(line)
    if auth is not None and auth.revoked and facts.false("revocation_in_writing"):
        out.append("the client revoked the authorization orally; a revocation takes effect "
                   "only in writing, so ask for it in writing before releasing anything")
    if request.basis == "court_order" and case.scope is None and release:
        out.append("the order's scope was not given: release only what the order expressly "
                   "names")
    if facts.text("professional_determination") == "harmful_to_emotional_health_only" \
            and request.basis == "right_of_access":
        out.append("emotional harm alone is not a HIPAA ground to deny access (digest A7); "
                   "review with the clinician before relying on a state ground")
    if (facts.text("professional_determination")
            == "access_by_representative_likely_to_cause_substantial_harm"
            and request.requester == "client" and request.basis == "right_of_access"):
        out.append("a determination about a representative does not limit the client's own "
                   "access")
    if "assessments" in release and request.basis == "right_of_access":
        out.append("assessments: release results and reports; flag raw test forms for "
                   "clinician review (test security, digest A8)")
    if "sud_records" in release and facts.true("sud_records_subject_to_part2"):
        out.append("attach the 42 CFR 2.32 notice prohibiting redisclosure to the Part 2 records")
    if (request.basis == "compliance_investigation" and "sud_records" in request.requested
            and facts.true("sud_records_subject_to_part2")):
        out.append("Part 2 has no clause identical to 164.502(a)(2)(ii); verify before "
                   "releasing Part 2 records to HHS")
    if request.basis == "serious_threat" and not case.identify_route and not {
            "threat_serious_and_imminent",
            "recipient_reasonably_able_to_prevent_or_lessen"} <= facts.values.keys() \
            and "recipient_is_target" not in facts.values:
        out.append("serious threat: the threat facts must be given explicitly; missing facts "
                   "were read as not met")
    if request.requester == "family_member" and facts.true("involved_in_care"):
        out.append("a family member involved in care may be told limited, relevant information "
                   "orally (164.510(b)); record copies still need an authorization")
    years = facts.number("years_since_death")
    if years is not None and years >= 50:
        out.append("more than 50 years after death the information is no longer PHI (160.103); "
                   "the engine still applies the rules")
    if (request.state == "IL" and facts.true("client_deceased")):
        out.append("Illinois: after death, disclosure needs both the estate representative's "
                   "and the therapist's consent, or a court order (740 ILCS 110/5(e))")
    return out
