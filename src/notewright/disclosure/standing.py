"""Step 2: requester standing. Is a personal representative treated as one (164.502(g))?

A requester who is not recognised gets every category refused with
`not_personal_representative` and no access deadline. The carve-outs, in the digest's §9.2
order: a minor's own lawful consent to the care ((g)(3)), the abuse or endangerment
opt-out ((g)(5)), and, for an adult client, a relative without legal authority.
"""

from __future__ import annotations

from notewright.disclosure.case import Case
from notewright.disclosure.decision import Finding

# Relationships that give no authority over an adult's health care by themselves.
_RELATIVES = frozenset({"parent", "mother", "father", "spouse", "partner", "sibling", "child",
                        "adult_child", "grandparent", "relative", "friend"})
# Representative types that carry legal authority (guardian, health-care POA, estate).
_AUTHORITY = frozenset({"guardian", "legal_guardian", "conservator",
                        "health_care_power_of_attorney",
                        "healthcare_power_of_attorney", "power_of_attorney", "health_care_agent",
                        "health_care_proxy", "executor", "administrator", "estate_representative",
                        "court_appointed_representative", "personal_representative"})


def check(case: Case) -> Finding | None:
    request, facts = case.request, case.facts
    if request.requester != "personal_representative":
        return None
    # A representative presenting the client's own signed authorization relies on the
    # authorization, not on standing.
    if request.basis == "authorization" and facts.text("signed_by") in ("client", "individual"):
        return None
    if (request.client_is_minor and facts.true("minor_consented_to_own_care")
            and not facts.true("minor_requested_parent_as_representative")):
        return Finding("not_personal_representative", "45 CFR 164.502(g)(3)(i)",
                       "the minor lawfully consented to this care, so the parent is not the "
                       "personal representative for it")
    # (g)(5) needs both the reasonable belief and the professional judgment; a request that
    # states the belief and is silent on the judgment is refused (the safe reading), one that
    # says the judgment was "not in the best interest: false" is not.
    if (facts.true("reasonable_belief_abuse_neglect_or_endangerment_by_requester")
            and not facts.false("professional_judgment_not_in_best_interest")):
        return Finding("not_personal_representative", "45 CFR 164.502(g)(5)",
                       "there is a reasonable belief of abuse, neglect or endangerment by the "
                       "requester and treating them as representative is not in the client's "
                       "best interest")
    relationship = (facts.text("relationship") or "").lower()
    representative_type = (facts.text("representative_type") or "").lower()
    if (not request.client_is_minor and not facts.true("client_deceased")
            and relationship in _RELATIVES and representative_type not in _AUTHORITY):
        return Finding("not_personal_representative", "45 CFR 164.502(g)(2)",
                       "a relative of an adult client is a personal representative only with "
                       "legal authority (guardianship or a health-care power of attorney)")
    return None
