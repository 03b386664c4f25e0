"""Step 3: state bars (digest §12), driven by state_overlays.toml.

PRE-1: a category is released only if both HIPAA and the state permit it, so a state rule
can only refuse here, never release. Whole-request bars come first (IL/NY subpoenas, CA
56.106 parent authorization, CA 56.104 written request, TX threat recipients), then the
per-category limits on a parent's access to a minor's record (IL, CA).
"""

from __future__ import annotations

from notewright.disclosure.case import Case
from notewright.disclosure.decision import Finding

# Requesters inside the practice: their use is not a "release" under CA 56.104.
_INTERNAL = frozenset({"originating_therapist", "training_program"})


def whole_request_bar(case: Case) -> Finding | None:
    overlay = case.overlay
    if overlay is None:
        return None
    request, facts = case.request, case.facts
    bar = overlay.subpoena_bar
    if (bar is not None and request.basis == "subpoena"
            and facts.text("legal_process") not in bar.exempt_legal_process
            and not any(facts.true(f) for f in bar.unless_facts)):
        return Finding("state_law_requires_court_order", bar.cite,
                       f"{overlay.name} forbids complying with this subpoena without "
                       + " or ".join(f.replace("_", " ") for f in bar.unless_facts))
    if (overlay.parent_authorization_cite and request.authorization is not None
            and request.client_is_minor
            and facts.true("child_removed_from_parent_custody_by_juvenile_court")
            and not facts.true("juvenile_court_order_authorizing_parent")
            and _signed_by_parent(case)):
        return Finding("state_law_parent_authorization_invalid", overlay.parent_authorization_cite,
                       "the authorization is signed by the parent from whose custody the "
                       "juvenile court removed the child, and there is no juvenile-court order")
    if (request.basis in overlay.written_request_bases
            and request.requester not in _INTERNAL and not case.same_practice
            and not facts.true("civ_code_56_104_request_received")):
        return Finding("state_law_written_request_required", overlay.written_request_cite,
                       "no signed written request meeting Civil Code 56.104 was received")
    if (overlay.threat_recipients is not None and request.basis == "serious_threat"
            and not case.identify_route
            and (request.requester not in overlay.threat_recipients
                 or facts.true("recipient_is_target"))):
        return Finding("state_law_disclosure_not_permitted", overlay.threat_cite,
                       f"{overlay.name} permits imminent-harm disclosures only to medical or "
                       "law-enforcement personnel, not to the person threatened")
    return None


def _signed_by_parent(case: Case) -> bool:
    signed_by = (case.facts.text("signed_by") or "").lower()
    if signed_by:
        return signed_by in ("parent", "mother", "father")
    return (case.facts.text("relationship") or "").lower() in ("parent", "mother", "father")


def category_bar(case: Case, category: str) -> Finding | None:
    """Limits on a parent's access to a minor's mental-health record."""
    overlay = case.overlay
    request, facts = case.request, case.facts
    if (overlay is None or overlay.minor_access is None or request.basis != "right_of_access"
            or request.requester != "personal_representative" or not request.client_is_minor):
        return None
    rule = overlay.minor_access
    if rule.rule == "objection_12_to_17":
        age = facts.number("client_age")
        in_range = age is None or ((rule.min_age or 0) <= age <= (rule.max_age or 17))
        if (in_range and facts.true("minor_informed_and_objects")
                and category not in rule.parent_may_still_receive):
            return Finding("state_law_minor_access_restricted", rule.cite,
                           "the minor, aged 12 to 17, was informed and objects; the parent may "
                           "still receive the diagnosis and treatment plan")
        return None
    # own_consent_or_detriment (CA HSC 123115(a)).
    if facts.true("minor_consented_to_own_care"):
        return Finding("state_law_minor_access_restricted", rule.cite,
                       "the minor consented to this care and has their own right of inspection")
    if facts.text("professional_determination") is not None:
        applies = facts.names("determination_applies_to")
        if applies is None or category in applies:
            return Finding("state_law_minor_access_restricted", rule.cite,
                           "the clinician determined that the representative's access would be "
                           "detrimental to the minor")
    return None


def warnings(case: Case) -> list[str]:
    overlay = case.overlay
    if overlay is None:
        return []
    return [line for basis, line in overlay.warnings
            if basis == "any" or basis == case.request.basis]
